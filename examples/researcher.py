"""A researcher's first hour with quotegraph in Python (run it whole, or cell by cell: `# %%`).

    pip install ./python pandas networkx
    python examples/researcher.py [CORPUS_FOLDER]        # default: corpus/, the seed articles

Who is quoted, saying what, about whom, and how: from raw articles to a pandas table of quotes,
a table of stances, and a networkx graph of who speaks about whom. pandas and networkx are
optional: without them the cells print plain Python data.
"""

# %% Setup: the articles
import collections
import json
import os
import sys
import tempfile

import quotegraph

corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "corpus")
# Text, JSONL, HTML, WARC, RSS/Atom, CSV: read as the command-line tool reads them.
articles = list(quotegraph.read_articles(corpus))
print(f"{len(articles)} articles from {corpus}")

# %% One article, by hand: quotes, speakers, and offsets that slice Python strings
text = (
    "“The ferry will run again by June,” Mayor Lena Ortiz said on Monday. "
    "She added that the council would not raise the harbour tolls."
)
for q in quotegraph.extract(text):
    print(f"{q['kind']:>8}  {q['speaker']!s:<12} ({q['speaker_mention']}) {q['content']!r}")
    assert text[q["content_char_start"] : q["content_char_end"]] == q["content"]

# %% Every quote of the corpus in one table (extraction runs on every core)
quotes = [q for qs in quotegraph.extract_many(articles) for q in qs]
try:
    import pandas as pd

    df = pd.DataFrame(quotes)
    print(df[["doc_id", "speaker", "kind", "content"]].head(10).to_string(max_colwidth=60))
    print("\nmost quoted:\n" + df["speaker"].value_counts().head(8).to_string())
except ImportError:
    print(collections.Counter(q["speaker"] for q in quotes).most_common(8))

# %% Facts: quotes, entity mentions and stances per article (the unit a store or Spark uses)
facts = [f for f in quotegraph.facts_many(articles) if f is not None]
stances = collections.defaultdict(list)  # (speaker, target) -> scores
for f in facts:
    for s in f["stances"]:
        speaker = f["quotes"][s["quote"]].get("speaker")
        if speaker:
            stances[(speaker["name"], s["name"])].append(s["score"])
table = sorted(
    ((who, target, sum(v) / len(v), len(v)) for (who, target), v in stances.items()),
    key=lambda row: -row[3],
)
print(f"\n{'speaker':<24} {'target':<24} {'stance':>7} {'quotes':>6}")
for who, target, score, n in table[:12]:
    print(f"{who:<24} {target:<24} {score:>+7.2f} {n:>6}")

# %% Who speaks about whom, as a networkx graph
try:
    import networkx as nx

    g = nx.DiGraph()
    for who, target, score, n in table:
        g.add_edge(who, target, stance=score, quotes=n)
    central = sorted(g.in_degree(weight="quotes"), key=lambda x: -x[1])[:5]
    print(f"\n{g.number_of_nodes()} entities, {g.number_of_edges()} speaker → target edges")
    print("most talked about:", ", ".join(f"{name} ({n})" for name, n in central))
except ImportError:
    print("networkx is not installed: skipping the graph")

# %% The corpus-wide graph (entities merged across articles) is what `quotegraph build` writes:
#     quotegraph build corpus -o graphs
#     g = nx.node_link_graph(json.load(open("graphs/graph.json")), edges="edges")

# %% Keep the facts: a shard that `quotegraph ingest --facts` loads into a store
with tempfile.TemporaryDirectory() as tmp:
    shard = os.path.join(tmp, "corpus.facts.jsonl")
    n = quotegraph.write_facts(quotegraph.read_articles(corpus), shard)
    first = next(quotegraph.read_facts(shard))
    print(f"\nwrote {n} facts records; the first: {json.dumps(first)[:100]}…")
