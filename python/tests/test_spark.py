"""The Spark job (quotegraph.spark) in local mode: its shards are the single-machine facts, and
the store `quotegraph ingest --facts` loads from them exports the same bytes as the
single-machine `quotegraph build` of the same articles.

Needs pyspark, pyarrow, Java 17 and the quotegraph binary (`cargo build --release`, or
QUOTEGRAPH_BIN); skips without them, fails under QUOTEGRAPH_REQUIRE_TOOLS=1.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import subprocess
import sys

import pytest

import quotegraph
from conftest import ROOT, have_java, need, quotegraph_bin

EXPORTS = [("json", "graph.json"), ("graphml", "graph.graphml"), ("gexf", "graph.gexf"), ("cytoscape", "graph.cyjs")]
"""`quotegraph export` formats and the files `quotegraph build` writes for them."""


def run_cli(*args) -> None:
    done = subprocess.run([quotegraph_bin(), *map(str, args)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"quotegraph {' '.join(map(str, args))}: {done.stderr[-2000:]}"


def assert_store_equals_build(shards, inputs, tmp_path) -> None:
    """`quotegraph ingest --facts SHARDS` gives the store `quotegraph build INPUTS` gives: the
    same exports byte for byte, the same entities and stances."""
    db = tmp_path / "spark.db"
    run_cli("ingest", "--facts", shards, "--db", db, "-q")
    single = tmp_path / "single"
    run_cli("build", *inputs, "-o", single, "-q")
    for fmt, name in EXPORTS:
        out = tmp_path / f"spark-{name}"
        run_cli("export", "--db", db, "-f", fmt, "-o", out)
        assert out.read_bytes() == (single / name).read_bytes(), name
    spark_store, one = quotegraph.Store(db), quotegraph.Store(single / "quotegraph.db")
    assert spark_store.counts() == one.counts()
    assert spark_store.entities() == one.entities()
    assert spark_store.stances(limit=1_000_000) == one.stances(limit=1_000_000)


@pytest.fixture(scope="module")
def spark():
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401

        importable = True
    except ImportError:
        importable = False
    need("pyspark and pyarrow", importable)
    need("Java (for pyspark)", have_java())
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("quotegraph-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def shard_lines(out) -> list:
    lines = []
    for path in sorted(glob.glob(os.path.join(out, "part-*.facts.jsonl*"))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            lines += f.read().splitlines()
    return sorted(lines)


def single_machine_lines(paths, tmp_path) -> list:
    """The same articles read and extracted on one machine, by quotegraph's own reader."""
    shard = tmp_path / "one.facts.jsonl"
    quotegraph.write_facts(quotegraph.read_articles(*paths), shard)
    return sorted(shard.read_text(encoding="utf-8").splitlines())


def seeds_as_records():
    return [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted((ROOT / "corpus").glob("*.txt"))
    ]


def test_seed_corpus_shards_equal_the_single_machine_facts(spark, tmp_path):
    from quotegraph.spark import read_articles, write_shards

    jsonl = tmp_path / "seeds.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in seeds_as_records()), encoding="utf-8")
    out = str(tmp_path / "facts")
    summary = write_shards(read_articles(spark, str(jsonl)), out)
    assert summary["articles"] == 5 and summary["problems"] == 0
    assert summary["shards"] == spark.sparkContext.defaultParallelism == 2
    assert os.path.exists(os.path.join(out, "_SUCCESS"))
    lines = shard_lines(out)
    assert lines == single_machine_lines([ROOT / "corpus"], tmp_path)
    assert all(json.loads(line)["quotes"] for line in lines)
    assert_store_equals_build(out, [ROOT / "corpus"], tmp_path)


def test_parquet_input_gives_the_same_shards(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from quotegraph.spark import read_articles, write_shards

    pq.write_table(pa.Table.from_pylist(seeds_as_records()), tmp_path / "seeds.parquet")
    out = str(tmp_path / "facts")
    write_shards(read_articles(spark, str(tmp_path / "seeds.parquet")), out, compression="gzip")
    assert glob.glob(os.path.join(out, "part-*.facts.jsonl.gz"))
    assert shard_lines(out) == single_machine_lines([ROOT / "corpus"], tmp_path)


def test_two_hundred_invented_articles_in_four_shards(spark, tmp_path):
    from make_articles import make

    from quotegraph.spark import read_articles, write_shards

    articles = make(200, seed=11)
    jsonl = tmp_path / "invented.jsonl"
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    out = str(tmp_path / "facts")
    summary = write_shards(read_articles(spark, str(jsonl)), out, partitions=4)
    assert summary == {"articles": 200, "problems": 0, "skipped": 0, "shards": 4}
    lines = shard_lines(out)
    assert lines == single_machine_lines([jsonl], tmp_path)
    records = [json.loads(line) for line in lines]
    assert sorted(r["doc_id"] for r in records) == sorted(a["id"] for a in articles)
    assert sum(len(r["quotes"]) for r in records) > 1000
    assert {r["source"] for r in records} <= {a["source"] for a in articles}
    assert_store_equals_build(out, [jsonl], tmp_path)


def test_bad_records_are_reported_in_problems_and_the_rest_is_written(spark, tmp_path):
    from quotegraph.spark import read_articles, write_shards

    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": "“It runs again,” Mayor Lena Ortiz said."}),
                '{"id": "broken", "text": ',
                json.dumps({"text": "Nobody gave this one an id, Oskar Lindqvist said."}),
                json.dumps({"id": "empty", "text": ""}),
                json.dumps({"id": 42, "text": "Senator Talia Moberly said the bill would pass."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "facts")
    summary = write_shards(read_articles(spark, str(jsonl)), out)
    assert summary == {"articles": 2, "problems": 3, "skipped": 3, "shards": 2}
    assert sorted(json.loads(line)["doc_id"] for line in shard_lines(out)) == ["42", "ok1"]
    problems = []
    for path in glob.glob(os.path.join(out, "_problems", "part-*.problems.jsonl")):
        with open(path, encoding="utf-8") as f:
            problems += [json.loads(line) for line in f]
    messages = sorted(p["message"] for p in problems)
    assert messages[0] == 'empty "text" field'
    assert messages[1].startswith("malformed JSON: ") and "broken" in messages[1]
    assert messages[2].startswith("no id")
    assert {p["doc_id"] for p in problems} == {None, "empty"}


def test_the_job_runs_from_the_command_line(spark, tmp_path):
    """`python -m quotegraph.spark` (what spark-submit runs through examples/spark/facts_job.py)."""
    import subprocess

    jsonl = tmp_path / "seeds.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in seeds_as_records()), encoding="utf-8")
    out = tmp_path / "facts"
    job = ROOT / "examples" / "spark" / "facts_job.py"
    run = subprocess.run(
        [sys.executable, str(job), str(jsonl), str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "quotegraph.spark: 5 articles in 2 shards, 0 problems" in run.stdout
    assert shard_lines(out) == single_machine_lines([ROOT / "corpus"], tmp_path)
