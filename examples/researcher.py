"""A researcher's first hour with quotegraph in Python (run it whole, or cell by cell: `# %%`).

    pip install ./python pandas networkx
    python examples/researcher.py [CORPUS_FOLDER] [STORE]   # default: corpus/, a temporary store

Who is quoted, saying what, about whom, and how: a folder of raw articles goes into a store
(the SQLite file the command-line tool writes and reads), then questions: who said a phrase,
who supports or opposes whom (with the quotes as evidence), pandas tables of every quote and
stance, and a networkx graph of the whole corpus. pandas and networkx are optional: without
them those cells say so and the rest runs.
"""

# %% Setup: a store, and the articles in it
import os
import shutil
import sys
import tempfile

import quotegraph

here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "corpus")
workdir = tempfile.mkdtemp(prefix="quotegraph-")
db = sys.argv[2] if len(sys.argv) > 2 else os.path.join(workdir, "news.db")

store = quotegraph.Store(db)
# Text, JSONL, HTML, WARC, RSS/Atom, CSV: read as the command-line tool reads them, extracted on
# every core. Run it again: nothing changes (articles stored already are left alone).
report = store.ingest(corpus)
print(f"{report['read']} articles from {corpus}: {report['added']} added, {report['unchanged']} unchanged")
print(store.counts())

# %% One article, by hand: quotes, speakers, and offsets that slice Python strings
text = (
    "“The ferry will run again by June,” Mayor Lena Ortiz said on Monday. "
    "She added that the council would not raise the harbour tolls."
)
for q in quotegraph.extract(text):
    print(f"{q['kind']:>8}  {q['speaker']!s:<12} ({q['speaker_mention']}) {q['content']!r}")
    assert text[q["content_char_start"] : q["content_char_end"]] == q["content"]

# %% Who said it? (whole words, any case; fuzzy=True also finds other forms of the words)
top = store.entities("person")
top.sort(key=lambda e: -e["quotes"])
phrase = "support"
print(f"who said {phrase!r}?")
for hit in store.who_said(phrase)[:5]:
    first = hit["quotes"][0]
    print(f"{hit['name']:<28} {len(hit['quotes']):>3} quotes, e.g. “{first['text'][:70]}”")

# %% Stances: who supports or opposes whom, with the quotes as evidence
if top:
    speaker = top[0]["name"]
    print(f"\nstances of {speaker}:")
    for row in store.stances(speaker)[:8]:
        evidence = row["quotes"][0]["text"][:60] if row["quotes"] else ""
        print(f"  {row['polarity']:<8} {row['score']:+.2f}  {row['target']:<26} “{evidence}”")

# %% Every quote and stance as pandas tables
try:
    tables = store.to_pandas()
    quotes = tables.quotes
    print(quotes[["doc_id", "speaker", "kind", "content"]].head(8).to_string(max_colwidth=60))
    print("\nmost quoted:\n" + quotes["speaker"].value_counts().head(8).to_string())
    print("\nstrongest stances:\n" + tables.stances.head(8)[["speaker", "target", "polarity", "score"]].to_string())
except ImportError as e:
    print(e)

# %% The corpus-wide graph in networkx (entities merged across articles, quotes, articles)
try:
    import networkx as nx

    g = store.to_networkx()
    print(f"\n{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    stance = nx.DiGraph((u, v) for u, v, k in g.edges(keys=True) if k == "stance")
    central = sorted(stance.in_degree(), key=lambda x: -x[1])[:5]
    print("most talked about:", ", ".join(f"{g.nodes[n]['label']} ({d})" for n, d in central))
except ImportError as e:
    print(e)

# %% Keep the facts: a shard that `quotegraph ingest --facts` (or Store.ingest_facts) loads
shard = os.path.join(workdir, "corpus.facts.jsonl")
n = quotegraph.write_facts(quotegraph.read_articles(corpus), shard)
again = quotegraph.Store(os.path.join(workdir, "from-facts.db"))
again.ingest_facts(shard)
print(f"\nwrote {n} facts records; a store loaded from them holds {again.counts()['quotes']} quotes")
store.close()
shutil.rmtree(workdir)  # the temporary store and shard (a STORE given stays)
