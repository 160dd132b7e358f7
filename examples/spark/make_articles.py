"""Writes invented election-coverage articles as JSONL, for the Spark job's tests and timings.

The articles read like political news (campaigns, polls, debates, policy fights) with the ways
news reports speech: direct quotes (whole, split around the cue, running over paragraphs),
mixed quotes, reported speech (``said that``, ``according to``), pronoun speakers, titles,
organisations and anonymous sources. Every person, place, party and outlet is invented; no
sentence comes from any real article or annotated set. The same ``--seed`` gives the same bytes.

    python examples/spark/make_articles.py 200 articles.jsonl [--seed 11] [--parquet]
"""

from __future__ import annotations

import argparse
import json
import random
from typing import Dict, List

FIRST = ["Marta", "Tobias", "Ilse", "Desmond", "Priya", "Anselm", "Corinne", "Rafael", "Noor",
         "Gideon", "Lena", "Oskar", "Wren", "Soledad", "Hollis", "Yvette", "Bram", "Talia"]
LAST = ["Quill", "Renning", "Varnholt", "Achterberg", "Castellan", "Moberly", "Okonkwo-Hale",
        "Strand", "Delacroix-Vane", "Pemberton", "Ferreira", "Lindqvist", "Marchetti", "Tembe",
        "Haldane", "Osei", "Vukovic", "Brannagh"]
ROLES = ["Senator", "Governor", "Representative", "Mayor", "campaign manager", "strategist",
         "pollster", "party chair"]
PARTIES = ["the Civic Union", "the Harbor Party", "the Reform Alliance"]
STATES = ["Veloria", "North Castamere", "Eldmoor", "Kestrel Bay", "Ostria"]
ORGS = ["the Tallow Institute", "the Voters' League of Eldmoor", "the Castamere Teachers Union",
        "the Ridgeway Chamber of Commerce"]
OUTLETS = ["Harbor Ledger", "The Eldmoor Sentinel", "Castamere Daily", "Kestrel Wire",
           "The Ostrian Post", "Valley Courier", "Northgate Review"]
TOPICS = ["the tax plan", "the border bill", "health care", "the pipeline", "school funding",
          "the trade deal", "the debate schedule", "voter registration"]
CLAIMS = [
    "the plan would cost families thousands of dollars",
    "the campaign had raised more money than expected",
    "the debate rules favoured the incumbent",
    "turnout among young voters would decide the race",
    "the ads were misleading and should be pulled",
    "the state could not afford another special session",
    "the poll numbers showed a tightening race",
    "the committee would release its findings next week",
]
QUOTES = [
    "We are going to win this state, and we are going to win it by listening",
    "This is not about one election, it is about the next generation",
    "Nobody in this race has been more honest with voters than I have",
    "The numbers simply do not add up",
    "I have never seen a campaign this disorganised",
    "People are tired of promises that go nowhere",
    "We will keep knocking on doors until the last day",
    "That proposal would gut the schools in every county",
    "It was a good night for us, but the work starts tomorrow",
    "Frankly, the other side has run out of ideas",
]
VERBS = ["said", "told reporters", "said in a statement", "argued", "insisted", "warned",
         "added", "said on Tuesday", "wrote on social media"]


class Cast:
    """The people of one article, each with a role and a party."""

    def __init__(self, rng: random.Random) -> None:
        names = rng.sample([f"{f} {l}" for f in FIRST for l in LAST], 4)
        self.people = [
            {"name": n, "role": rng.choice(ROLES), "party": rng.choice(PARTIES),
             "pronoun": rng.choice(["he", "she"])}
            for n in names
        ]


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def last(p: Dict[str, str]) -> str:
    return p["name"].split()[-1]


def paragraph(rng: random.Random, cast: Cast, state: str) -> str:
    p = rng.choice(cast.people)
    other = rng.choice([q for q in cast.people if q is not p])
    quote, claim, topic = rng.choice(QUOTES), rng.choice(CLAIMS), rng.choice(TOPICS)
    role, verb = p["role"], rng.choice(VERBS)
    shapes = [
        lambda: f"“{quote},” {role} {p['name']} {verb}.",
        lambda: f"“{quote},” {last(p)} {verb}. “{rng.choice(QUOTES)}.”",
        lambda: f"“{quote.split(',')[0]},” {p['name']} said, “and {claim}.”",
        lambda: f"{p['name']}, a {role} from {state}, said that {claim}.",
        lambda: f"According to {p['name']}, {claim}.",
        lambda: f"{last(p)} told supporters in {state} that {claim}, calling {topic} “a test of trust.”",
        lambda: f"{p['pronoun'].capitalize()} said {claim}.",
        lambda: f"A spokesperson for {p['party']} said {claim}.",
        lambda: f"{cap(rng.choice(ORGS))} said in a report that {claim}.",
        lambda: f"“{quote},” said a senior aide who spoke on condition of anonymity.",
        lambda: f"{other['name']} disputed that. “{rng.choice(QUOTES)},” {other['pronoun']} said.",
        lambda: f"The race in {state} has tightened since the summer, and {topic} remains the "
                f"main dividing line between the candidates.",
        lambda: f"Polls by {rng.choice(OUTLETS)} show {last(p)} ahead by two points in {state}.",
        lambda: f"{p['name']} has criticised {other['name']} over {topic} for weeks.",
    ]
    return rng.choice(shapes)()


def article(rng: random.Random, n: int) -> Dict[str, str]:
    cast = Cast(rng)
    state = rng.choice(STATES)
    lead = cast.people[0]
    paras: List[str] = [
        f"{cap(lead['role'])} {lead['name']} of {lead['party']} campaigned across {state} on "
        f"{rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, pressing "
        f"{rng.choice(TOPICS)} as voters weigh their choice."
    ]
    paras += [paragraph(rng, cast, state) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.3:  # a quote running over two paragraphs (the first left open)
        paras.insert(2, f"“{rng.choice(QUOTES)}. {rng.choice(QUOTES)}.")
        paras.insert(3, f"“{rng.choice(QUOTES)},” {last(lead)} said.")
    return {
        "id": f"inv-{n:05d}",
        "title": f"{last(lead)} presses {rng.choice(TOPICS)} in {state}",
        "source": rng.choice(OUTLETS),
        "date": f"2031-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "text": "\n\n".join(paras),
    }


def make(count: int, seed: int = 11) -> List[Dict[str, str]]:
    """``count`` invented articles (the same ones for the same seed)."""
    rng = random.Random(seed)
    return [article(rng, n) for n in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", help="a .jsonl file (or .parquet with --parquet)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--parquet", action="store_true", help="write Parquet (needs pyarrow)")
    args = parser.parse_args()
    rows = make(args.count, args.seed)
    if args.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), args.out)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
