"""quotegraph.Store: ingest, the store's queries, networkx and pandas views, errors.

Invented articles (people, places and outlets made up for these tests), with accented names so
that character offsets differ from byte offsets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import quotegraph
from conftest import quotegraph_bin

ARTICLES = [
    {
        "id": "lumen-1",
        "source": "Harbor Ledger",
        "date": "2031-03-04",
        "title": "Ferry plan",
        "text": "Mayor Ilse Varnholt defended the ferry plan on Monday.\n\n"
        "“The new ferry will cut the crossing to twelve minutes,” Varnholt said. She said the "
        "Drommel Port Authority had been “reckless and slow” with the old pier.\n\n"
        "Councillor Kofi Oyelaran said the plan was a waste of money.",
    },
    {
        "id": "lumen-2",
        "source": "Valley Courier",
        "date": "2031-04-18",
        "title": "Café owners",
        "text": "Zoë Brännström, who runs the Café Ørsted near the pier, praised the mayor.\n\n"
        "“Ilse Varnholt has done more for this waterfront than anyone — déjà vu for the "
        "old-timers,” Brännström said.\n\n"
        "Marta Oyelaran, a transport planner, said: “The timetable still needs work.”",
    },
]
TEXTS = {a["id"]: a["text"] for a in ARTICLES}


@pytest.fixture()
def store(tmp_path):
    with quotegraph.Store(tmp_path / "lumen.db") as st:
        st.ingest(ARTICLES)
        yield st


def texts_of(hit):
    """Each occurrence's span cut from its article by character and by byte offsets."""
    out = []
    for o in hit["occurrences"]:
        text = TEXTS[o["article"].removeprefix("article:")]
        out.append(
            (
                text[o["char_start"] : o["char_end"]],
                text.encode("utf-8")[o["start"] : o["end"]].decode("utf-8"),
            )
        )
    return out


def test_ingest_reports_and_a_second_ingest_changes_nothing(tmp_path):
    st = quotegraph.Store(tmp_path / "a.db")
    assert not os.path.exists(st.path)
    first = st.ingest(ARTICLES)
    assert first == {
        "read": 2, "added": 2, "replaced": 0, "unchanged": 0, "refused": [], "input_errors": 0
    }
    counts, graph = st.counts(), st.graph_json()
    assert counts["articles"] == 2 and counts["quotes"] >= 5
    again = st.ingest(iter(ARTICLES), batch=1)
    assert again["added"] == 0 and again["unchanged"] == 2
    assert st.counts() == counts and st.graph_json() == graph
    changed = dict(ARTICLES[0], text=ARTICLES[0]["text"] + "\n\nThe pier reopens in June.")
    assert st.ingest([changed])["replaced"] == 1
    assert st.counts()["articles"] == 2


def test_who_said_with_filters(store):
    hits = store.who_said("twelve minutes")
    assert [h["name"] for h in hits] == ["Ilse Varnholt"]
    assert hits[0]["speaker"] == "person:ilse-varnholt"
    occ = hits[0]["quotes"][0]["occurrences"][0]
    assert occ["date"] == "2031-03-04" and occ["source"] == "Harbor Ledger"
    assert store.who_said("twelve minutes", source="harbor ledger", since="2031-03-01") == hits
    assert store.who_said("twelve minutes", source="Valley Courier") == []
    assert store.who_said("twelve minutes", until="2031-02-28") == []
    assert store.who_said("no such words anywhere") == []


def test_quotes_rows_slice_the_texts_by_characters_and_bytes(store):
    rows = store.quotes(speaker="Zoë Brännström")
    assert len(rows) == 1
    content = rows[0]["text"]
    assert "déjà vu" in content
    (by_chars, by_bytes), = texts_of(rows[0])
    assert by_chars == by_bytes == content
    occ = rows[0]["occurrences"][0]
    assert occ["char_start"] < occ["start"]  # "Zoë Brännström" and "Ørsted" come before it
    naming = store.quotes(mentions="Drommel Port Authority")
    assert any("reckless and slow" in q["text"] for q in naming)
    for q in naming:
        assert all(c == b for c, b in texts_of(q))
    with pytest.raises(ValueError, match="speaker="):
        store.quotes()


def test_stances_carry_their_evidence(store):
    rows = store.stances("Varnholt")
    assert rows and rows[0]["speaker"] == "Ilse Varnholt"
    oppose = [r for r in rows if r["target"] == "Drommel Port Authority"]
    assert oppose and oppose[0]["polarity"] == "oppose" and oppose[0]["score"] < 0
    assert "reckless and slow" in oppose[0]["quotes"][0]["text"]
    toward = store.stances(target="Ilse Varnholt")
    assert [r["speaker"] for r in toward] == ["Zoë Brännström"]
    assert toward[0]["polarity"] == "support"
    assert toward[0]["score"] == round(toward[0]["score"], 3)  # as the CLI prints it
    monthly = store.stances("Varnholt", by_month=True)
    assert {r["period"] for r in monthly} == {"2031-03"}
    with pytest.raises(ValueError, match="needs a speaker"):
        store.stances(by_month=True)


def test_ambiguous_and_unknown_names(store):
    with pytest.raises(quotegraph.AmbiguousNameError) as e:
        store.quotes(speaker="Oyelaran")
    assert str(e.value).startswith('"Oyelaran" is 2 entities: ')
    assert str(e.value).endswith("give a fuller name, or all=True")
    assert len(e.value.candidates) == 2
    assert "person:marta-oyelaran" in {c["id"] for c in e.value.candidates}
    both = store.quotes(speaker="Oyelaran", all=True)
    assert {q["text"] for q in both} >= {"The timetable still needs work."}
    assert len(both) == 2
    assert store.quotes(speaker="Marta Oyelaran")[0]["text"] == "The timetable still needs work."
    with pytest.raises(quotegraph.UnknownNameError, match="no entity named") as u:
        store.stances("Ilse Varnholdt")
    assert "Ilse Varnholt" in u.value.closest
    assert store.entity("person:ilse-varnholt")["name"] == "Ilse Varnholt"


def test_entities(store):
    people = store.entities("person")
    names = {e["name"] for e in people}
    assert {"Ilse Varnholt", "Zoë Brännström", "Marta Oyelaran"} <= names
    assert all(e["kind"] == "person" for e in people)
    zoe = next(e for e in people if e["name"] == "Zoë Brännström")
    assert zoe["quotes"] == 1 and isinstance(zoe["aliases"], list)
    assert len(store.entities()) > len(people)


def test_a_new_process_sees_the_same_store(store):
    code = (
        "import json, sys, quotegraph\n"
        "st = quotegraph.Store(sys.argv[1])\n"
        "print(json.dumps([st.counts(), st.who_said('déjà vu'), st.stances()]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, store.path], capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [store.counts(), store.who_said("déjà vu"), store.stances()]


def test_paths_and_fact_shards_give_the_same_store(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8"
    )
    (folder / "b.jsonl").write_text("{not json\n", encoding="utf-8")
    from_paths = quotegraph.Store(tmp_path / "p.db")
    with pytest.warns(quotegraph.InputWarning, match="b.jsonl:1"):
        got = from_paths.ingest(folder)
    assert got["added"] == 2 and got["input_errors"] == 1
    shard = tmp_path / "shards" / "x.facts.jsonl"
    shard.parent.mkdir()
    quotegraph.write_facts(ARTICLES, shard)
    from_facts = quotegraph.Store(tmp_path / "f.db")
    assert from_facts.ingest_facts(shard.parent)["added"] == 2
    from_python = quotegraph.Store(tmp_path / "m.db")
    from_python.ingest(ARTICLES)
    assert from_paths.graph_json() == from_facts.graph_json() == from_python.graph_json()
    listed = quotegraph.Store(tmp_path / "l.db")
    listed.ingest([folder / "a.jsonl"])
    assert listed.graph_json() == from_python.graph_json()


def test_bad_articles_warn_or_raise(tmp_path):
    st = quotegraph.Store(tmp_path / "b.db")
    with pytest.warns(quotegraph.InputWarning, match='item 1 .*empty "text"'):
        got = st.ingest([ARTICLES[0], {"id": "blank", "text": "  "}])
    assert got["added"] == 1 and got["input_errors"] == 1
    before = st.graph_json()
    with pytest.raises(quotegraph.InputError, match='item 1 .*empty "text"'):
        st.ingest([ARTICLES[1], {"id": "blank", "text": ""}], errors="raise")
    assert st.graph_json() == before  # nothing of that batch was stored
    with pytest.raises(ValueError):
        st.ingest(ARTICLES, batch=0)


def test_store_errors_carry_the_cli_message(tmp_path):
    missing = quotegraph.Store(tmp_path / "none.db")
    with pytest.raises(quotegraph.StoreError, match="no store here"):
        missing.who_said("anything")
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("a shopping list, not a database\n" * 100)
    with pytest.raises(quotegraph.StoreError) as e:
        quotegraph.Store(not_a_store)
    assert str(e.value) == f"{not_a_store}: not a quotegraph store"
    cli = subprocess.run(
        [quotegraph_bin(), "who-said", "x", "--db", str(not_a_store)],
        capture_output=True, text=True, timeout=120,
    )
    assert cli.returncode != 0 and str(e.value) in cli.stderr


def test_to_networkx_is_the_graph_json_of_the_cli(store, tmp_path):
    nx = pytest.importorskip("networkx")
    out = tmp_path / "graph.json"
    subprocess.run(
        [quotegraph_bin(), "export", "--db", store.path, "-f", "json", "-o", str(out)],
        check=True, timeout=120,
    )
    assert out.read_text(encoding="utf-8") == store.graph_json()
    data = json.loads(out.read_text(encoding="utf-8"))
    want = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    got = store.to_networkx()
    assert isinstance(got, nx.MultiDiGraph)
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(keys=True, data=True)) == list(want.edges(keys=True, data=True))
    assert got.nodes["person:ilse-varnholt"]["label"] == "Ilse Varnholt"


def test_to_pandas(store):
    pytest.importorskip("pandas")
    tables = store.to_pandas()
    assert isinstance(tables, quotegraph.Tables)
    counts = store.counts()
    assert len(tables.quotes) == counts["quotes"]
    assert len(tables.entities) == counts["entities"]
    assert len(tables.stances) == counts["stances"]
    for row in tables.quotes.itertuples():
        text = TEXTS[row.doc_id]
        assert text[row.char_start : row.char_end] == row.content
    zoe = tables.quotes[tables.quotes.speaker == "Zoë Brännström"].iloc[0]
    assert zoe.quote_id == store.quotes(speaker="Zoë Brännström")[0]["id"]
    assert set(tables.stances.columns) >= {"speaker", "target", "polarity", "score"}


def test_missing_optional_packages_name_the_extra(store, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"quotegraph\[pandas\]"):
        store.to_pandas()
