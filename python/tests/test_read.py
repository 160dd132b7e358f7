"""quotegraph.read_articles: files and folders read by quotegraph's own reader."""

from __future__ import annotations

import gzip
import json

import pytest

import quotegraph
from conftest import ROOT


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a-ferry.txt").write_text(
        "Ferry back in Estrelle\n\n“It runs again,” Mayor Lena Ortiz said.\n", encoding="utf-8"
    )
    lines = [
        json.dumps({"id": "j1", "text": "“We will appeal,” said Oskar Lindqvist.", "date": "March 5, 2031"}),
        '{"id": "j2", "text": ',
        json.dumps({"id": "j3", "text": "Senator Talia Moberly said the bill would pass.", "title": 5}),
    ]
    with gzip.open(tmp_path / "b-wire.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an input name: not read
    return tmp_path


def test_articles_are_read_in_name_order_with_their_metadata(folder):
    with pytest.warns(quotegraph.InputWarning) as caught:
        articles = list(quotegraph.read_articles(folder))
    assert [a["id"] for a in articles] == ["a-ferry", "j1", "j3"]
    ferry = articles[0]
    assert ferry["title"] == "Ferry back in Estrelle"
    assert ferry["origin"].endswith("a-ferry.txt")
    assert articles[1]["date"] == "2031-03-05"
    assert articles[2]["title"] is None
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert messages[0].startswith("skipped ") and "b-wire.jsonl.gz:2: malformed JSON" in messages[0]
    assert "b-wire.jsonl.gz:3" in messages[1] and '"title" is a number' in messages[1]


def test_a_missing_path_is_reported_and_the_others_read(folder):
    with pytest.warns(quotegraph.InputWarning, match="no-such-folder"):
        articles = list(quotegraph.read_articles(folder / "no-such-folder", folder / "a-ferry.txt"))
    assert [a["id"] for a in articles] == ["a-ferry"]


def test_read_articles_feeds_write_facts_as_a_stream(folder, tmp_path):
    with pytest.warns(quotegraph.InputWarning):
        listed = list(quotegraph.read_articles(folder))
        n = quotegraph.write_facts(quotegraph.read_articles(folder), tmp_path / "f.facts.jsonl", batch_size=1)
    assert n == 3
    assert list(quotegraph.read_facts(tmp_path / "f.facts.jsonl")) == quotegraph.facts_many(listed)


def test_the_seed_corpus_reads_as_the_cli_reads_it():
    ids = [a["id"] for a in quotegraph.read_articles(ROOT / "corpus")]
    assert ids == sorted(p.stem for p in (ROOT / "corpus").glob("*.txt"))
