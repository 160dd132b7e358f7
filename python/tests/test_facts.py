"""quotegraph.facts, facts_many, write_facts and read_facts: the facts format from Python."""

from __future__ import annotations

import gzip
import json
import os
import re

import pytest

import quotegraph
from conftest import ROOT

TEXT = (
    "Harbour talks resume\n\n"
    "“The ferry will run again by June,” Mayor Lena Ortiz said on Monday in Estrelle. "
    "She said the council would oppose any new tolls. "
    "Critics at the Tallow Institute said the plan was reckless."
)


def facts_of(text=TEXT, **kw):
    kw.setdefault("id", "d1")
    return quotegraph.facts(text, **kw)


def test_a_facts_record_is_schema_version_1_with_spans_into_the_text():
    f = facts_of(source="Valley Courier", url="https://example.org/d1", date="5 March 2031", author="Ana Ruiz")
    assert f["schema_version"] == quotegraph.SCHEMA_VERSION == 1
    assert (f["doc_id"], f["title"], f["source"], f["date"]) == ("d1", "Harbour talks resume", "Valley Courier", "2031-03-05")
    assert (f["url"], f["author"]) == ("https://example.org/d1", "Ana Ruiz")
    assert re.fullmatch(r"[0-9a-f]{16}", f["content_hash"])
    raw = TEXT.encode("utf-8")
    assert f["quotes"], f
    for q in f["quotes"]:
        assert raw[q["start"] : q["end"]].decode("utf-8") == q["content"]
    for m in f["mentions"]:
        assert raw[m["start"] : m["end"]].decode("utf-8").strip() == m["alias"]
    for s in f["stances"]:
        assert 0 <= s["quote"] < len(f["quotes"]) and -1 <= s["score"] <= 1
    speakers = {q["speaker"]["name"] for q in f["quotes"] if "speaker" in q}
    assert "Lena Ortiz" in speakers


def test_the_same_text_gives_the_same_hash_and_another_text_another():
    assert facts_of()["content_hash"] == facts_of(id="other")["content_hash"]
    assert facts_of()["content_hash"] != facts_of(TEXT + " More.")["content_hash"]


def test_a_record_is_its_file_line_and_reads_back_as_itself(tmp_path):
    f = facts_of()
    path = tmp_path / "one.facts.jsonl"
    quotegraph.write_facts([{"id": "d1", "text": TEXT}], path)
    line = path.read_text(encoding="utf-8").rstrip("\n")
    assert json.dumps(f, ensure_ascii=False, separators=(",", ":")) == line
    assert list(quotegraph.read_facts(path)) == [f]
    assert list(f)[:2] == ["schema_version", "doc_id"]


def test_facts_needs_an_id_and_text():
    with pytest.raises(quotegraph.InputError):
        quotegraph.facts("", id="x")
    with pytest.raises(quotegraph.InputError, match="the id is empty"):
        quotegraph.facts(TEXT, id="  ")
    with pytest.raises(TypeError):
        quotegraph.facts(TEXT)  # id is required


ARTICLES = [
    {"id": "a1", "text": TEXT, "source": "Valley Courier", "date": "2031-03-05"},
    {"id": "a2", "text": "“We will appeal,” said Oskar Lindqvist, a lawyer for the Harbor Party."},
    {"id": "a3", "text": "Zoë Brûlé, maire de Cléry, a déclaré : « Le pont 🌉 rouvrira. »"},
    "Senator Talia Moberly said that the bill would pass.",
]


def test_facts_many_equals_facts_one_by_one_whatever_the_threads():
    one_by_one = [
        quotegraph.facts(a["text"], id=a["id"], source=a.get("source"), date=a.get("date"))
        if isinstance(a, dict)
        else quotegraph.facts(a, id=str(i))
        for i, a in enumerate(ARTICLES)
    ]
    for threads in (None, 1, 2):
        assert quotegraph.facts_many(ARTICLES, threads=threads) == one_by_one


def test_write_facts_then_read_facts_gives_the_records_back(tmp_path):
    for name in ("shard.facts.jsonl", "shard.facts.jsonl.gz"):
        path = tmp_path / name
        n = quotegraph.write_facts(iter(ARTICLES), path, batch_size=3)
        assert n == len(ARTICLES)
        assert list(quotegraph.read_facts(path)) == quotegraph.facts_many(ARTICLES)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            lines = f.read().splitlines()
        assert [json.loads(line)["doc_id"] for line in lines] == ["a1", "a2", "a3", "3"]
        assert all(line.startswith('{"schema_version":1,') for line in lines)
    assert sorted(os.listdir(tmp_path)) == ["shard.facts.jsonl", "shard.facts.jsonl.gz"]


def test_write_facts_batches_keep_positions_for_ids_and_messages(tmp_path):
    items = ["Mayor Lena Ortiz said the ferry would run."] * 5 + [{"text": ""}]
    with pytest.warns(quotegraph.InputWarning, match=r"^item 5 \(id '5'\): empty") as caught:
        n = quotegraph.write_facts(items, tmp_path / "x.facts.jsonl", batch_size=2)
    assert n == 5
    assert [w.filename for w in caught] == [__file__]  # the warning points at the caller
    ids = [f["doc_id"] for f in quotegraph.read_facts(tmp_path / "x.facts.jsonl")]
    assert ids == ["0", "1", "2", "3", "4"]


def test_a_failed_write_leaves_the_old_shard_and_no_temporary_file(tmp_path):
    path = tmp_path / "keep.facts.jsonl"
    quotegraph.write_facts(ARTICLES[:1], path)
    before = path.read_bytes()

    def articles():
        yield from ARTICLES
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError, match="source went away"):
        quotegraph.write_facts(articles(), path, batch_size=2)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["keep.facts.jsonl"]
    with pytest.raises(quotegraph.InputError):
        quotegraph.write_facts([{"text": ""}], path, errors="raise")
    assert path.read_bytes() == before


def test_a_shard_name_must_say_facts(tmp_path):
    with pytest.raises(ValueError, match=r"\.facts\.jsonl"):
        quotegraph.write_facts(ARTICLES, tmp_path / "out.jsonl")


def test_bad_shard_lines_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    good = json.dumps(facts_of())
    bad = [
        ('{"schema_version": 2, "doc_id": "x"}', "schema_version 2"),
        ("not json", "not facts JSON"),
        ('{"doc_id": "x"}', "no schema_version"),
        (
            '{"schema_version": 1, "doc_id": "x", "stances": [{"quote": 3, "kind": "place", "name": "Y", "score": 0.1}]}',
            "stance 0 points at quote 3 of 0",
        ),
    ]
    path = tmp_path / "mixed.facts.jsonl"
    path.write_text("\n".join([good] + [b for b, _ in bad] + ["", good]) + "\n", encoding="utf-8")
    with pytest.warns(quotegraph.InputWarning) as caught:
        records = list(quotegraph.read_facts(path))
    assert [r["doc_id"] for r in records] == ["d1", "d1"]
    assert len(caught) == len(bad)
    for (line_no, (_, why)), w in zip(enumerate(bad, 2), caught):
        assert str(w.message).startswith(f"{path}:{line_no}: ") and why in str(w.message)
    with pytest.raises(quotegraph.FactsError, match=rf"{re.escape(str(path))}:2: .*schema_version 2"):
        list(quotegraph.read_facts(path, errors="raise"))


def test_facts_equal_those_the_command_line_build_stores(tmp_path):
    """`quotegraph build corpus` stores each seed article's facts; `quotegraph export -f facts`
    writes them back as a shard. The package gives the same lines for the same files."""
    import subprocess

    from conftest import quotegraph_bin

    binary = quotegraph_bin()
    out = tmp_path / "graphs"
    subprocess.run([binary, "build", str(ROOT / "corpus"), "-o", str(out), "-q"], check=True, timeout=600)
    exported = tmp_path / "cli.facts.jsonl"
    subprocess.run(
        [binary, "export", "--db", str(out / "quotegraph.db"), "-f", "facts", "-o", str(exported)],
        check=True,
        timeout=600,
    )
    ours = tmp_path / "py.facts.jsonl"
    assert quotegraph.write_facts(quotegraph.read_articles(ROOT / "corpus"), ours) == 5
    cli_lines = exported.read_text(encoding="utf-8").splitlines()
    assert sorted(ours.read_text(encoding="utf-8").splitlines()) == sorted(cli_lines)
    assert all(json.loads(line)["schema_version"] == 1 for line in cli_lines)
