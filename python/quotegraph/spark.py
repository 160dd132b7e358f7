"""Fact shards from a Spark job: quotegraph past one machine.

Reads articles (JSONL or Parquet, any Spark-readable path), extracts each partition's facts with
the native library (``mapInArrow``: Arrow batches in, facts lines out, no per-row Python work
beyond reading the batch), and writes one ``*.facts.jsonl`` shard per partition, which
``quotegraph ingest --facts DIR`` loads into one store. The facts of an article are the same
lines :func:`quotegraph.write_facts` writes on one machine.

Run it with ``spark-submit`` (the wheel installed on every executor, see
``examples/spark/README.md``)::

    spark-submit examples/spark/facts_job.py articles.jsonl out/facts
    python -m quotegraph.spark articles.parquet out/facts --master 'local[2]'

Input columns (as in a ``quotegraph`` JSONL record): ``id`` (or ``doc_id``; required here: a
record without one is reported, since positions are not stable across partitions), ``text`` (or
``html``, a page), and optionally ``title``, ``source``, ``url``, ``date``, ``author``; other
columns are not read. Output folder::

    part-00000-c000.facts.jsonl ...    one shard per partition (".gz" with --compression gzip)
    _problems/part-00000-c000.problems.jsonl ...
                                       {"doc_id", "message", "skipped"} per record that was
                                       skipped (no text, malformed JSON) or read with a warning
    _SUCCESS                           written by Spark when the job committed

Shards are written in one pass by Spark's own committer (a failed or speculative task leaves
nothing), then moved from Spark's ``kind=facts/part-*.txt`` names through the Hadoop FileSystem
API, so the same code writes to a local folder, HDFS or an object store. A task holds at most
one Arrow batch of articles and the facts of 1,000 of them at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from functools import partial
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

if TYPE_CHECKING:  # pyspark and pyarrow are needed only where the job runs
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

ARTICLE_COLUMNS = ("id", "doc_id", "text", "html", "title", "source", "url", "date", "author")
"""The columns of an article that quotegraph reads."""

_CORRUPT = "_corrupt_record"
_OUTPUT_SCHEMA = "kind string, line string"
_SLICE = 1000
"""Articles handed to the native library at a time within a task (bounds a task's memory)."""
_PART = re.compile(r"^part-(\d+)-.*?(?:-(c\d+))?\.txt(\.gz)?$")


def read_articles(spark: "SparkSession", path: str, format: Optional[str] = None) -> "DataFrame":
    """Articles from JSONL (``format="jsonl"``, also ``.gz``) or Parquet (``"parquet"``); the
    format is guessed from the path's name when not given. JSONL is read with a fixed schema
    (no inference pass over the data): every field as a string, numbers as their digits, and a
    malformed line kept in ``_corrupt_record`` so that it is reported, not lost."""
    from pyspark.sql.types import StringType, StructField, StructType

    fmt = format or ("parquet" if ".parquet" in path.lower() else "jsonl")
    if fmt == "parquet":
        return spark.read.parquet(path)
    if fmt != "jsonl":
        raise ValueError(f'format must be "jsonl" or "parquet", not {fmt!r}')
    schema = StructType([StructField(c, StringType()) for c in ARTICLE_COLUMNS + (_CORRUPT,)])
    return (
        spark.read.schema(schema)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", _CORRUPT)
        .json(path)
    )


def facts_frame(articles: "DataFrame", threads: int = 1) -> "DataFrame":
    """Each partition's articles through quotegraph: a frame of ``kind`` and ``line`` rows, a
    facts line (``kind="facts"``) per article read and a JSON object (``kind="problem"``) per
    record skipped or read with a warning. ``threads`` is per task (Spark already runs one task
    per core)."""
    columns = [c for c in ARTICLE_COLUMNS + (_CORRUPT,) if c in articles.columns]
    if "text" not in columns and "html" not in columns:
        raise ValueError(f"the articles have no text or html column (columns: {articles.columns})")
    return articles.select(*columns).mapInArrow(
        partial(_facts_of_batches, threads=threads), _OUTPUT_SCHEMA
    )


def _problem(doc_id: Any, message: str, skipped: bool) -> str:
    return json.dumps(
        {"doc_id": None if doc_id is None else str(doc_id), "message": message, "skipped": skipped},
        ensure_ascii=False,
    )


def _facts_of_batches(batches: Iterator["pa.RecordBatch"], threads: int) -> Iterator["pa.RecordBatch"]:
    """The task: Arrow batches of articles in, Arrow batches of (kind, line) out, at most
    :data:`_SLICE` articles at a time so that the memory of a task stays bounded."""
    import pyarrow as pa

    from . import _native

    for batch in batches:
        for offset in range(0, batch.num_rows, _SLICE):
            rows: List[Dict[str, Any]] = batch.slice(offset, _SLICE).to_pylist()
            kinds: List[str] = []
            lines: List[str] = []
            ready: List[Dict[str, Any]] = []
            for row in rows:
                corrupt = row.pop(_CORRUPT, None)
                doc_id = row.get("id") if row.get("id") is not None else row.get("doc_id")
                if corrupt is not None:
                    kinds.append("problem")
                    lines.append(_problem(doc_id, f"malformed JSON: {corrupt[:120]!r}", True))
                elif doc_id is None:
                    why = "no id (or doc_id): a Spark job needs one (positions are not stable)"
                    kinds.append("problem")
                    lines.append(_problem(None, why, True))
                else:
                    ready.append(row)
            facts, problems = _native.facts_batch(ready, threads)
            for line in facts:
                if line is not None:
                    kinds.append("facts")
                    lines.append(line)
            for _, doc_id, message, skipped in problems:
                kinds.append("problem")
                lines.append(_problem(doc_id, message, skipped))
            yield pa.RecordBatch.from_arrays(
                [pa.array(kinds, pa.string()), pa.array(lines, pa.string())], names=["kind", "line"]
            )


def write_shards(
    articles: "DataFrame",
    out: str,
    *,
    threads: int = 1,
    partitions: Optional[int] = None,
    compression: Optional[str] = None,
    mode: str = "errorifexists",
) -> Dict[str, int]:
    """Writes the facts of ``articles`` as shards into the folder ``out`` (see the module doc).

    One pass: each task extracts its partition once and Spark writes its facts and its problems
    (``partitionBy("kind")``, spilling to disk rather than holding a partition in memory); the
    files are then moved to their names and the lines counted from what was written.

    Args:
        articles: a frame with the columns of :data:`ARTICLE_COLUMNS` (``text`` or ``html``).
        out: the output folder (a local path, ``hdfs://...``, ``s3a://...``).
        threads: native threads per task.
        partitions: shards to write; by default the input's partitions, or the session's
            default parallelism when the input has fewer (a small file is one partition).
        compression: ``"gzip"`` for ``.facts.jsonl.gz`` shards.
        mode: Spark's save mode for the folder (``"overwrite"`` to replace it).

    Returns:
        ``{"articles": ..., "problems": ..., "skipped": ..., "shards": ...}``.
    """
    spark = articles.sparkSession
    have = articles.rdd.getNumPartitions()
    wanted = partitions or max(have, spark.sparkContext.defaultParallelism)
    if wanted != have:
        articles = articles.repartition(wanted)
    writer = facts_frame(articles, threads).write.mode(mode).partitionBy("kind")
    writer.option("compression", compression or "none").text(out)
    row = (
        spark.read.text(out)
        .selectExpr(
            "count_if(kind = 'facts') AS articles",
            "count_if(kind = 'problem') AS problems",
            "count_if(kind = 'problem' AND get_json_object(value, '$.skipped') = 'true') AS skipped",
        )
        .first()
    )
    counts = row.asDict() if row is not None else {}
    shards = _move_parts(spark, out, "kind=facts", "", ".facts.jsonl")
    _move_parts(spark, out, "kind=problem", "_problems", ".problems.jsonl")
    return {
        "articles": int(counts.get("articles") or 0),
        "problems": int(counts.get("problems") or 0),
        "skipped": int(counts.get("skipped") or 0),
        "shards": shards,
    }


def _move_parts(spark: "SparkSession", out: str, source: str, target: str, suffix: str) -> int:
    """Moves Spark's ``OUT/SOURCE/part-N-<uuid>-cM.txt[.gz]`` files to
    ``OUT/TARGET/part-N-cM<suffix>[.gz]`` and removes SOURCE, through the Hadoop FileSystem API
    (local, HDFS, object stores alike); returns how many files were moved."""
    jvm = spark.sparkContext._jvm
    if jvm is None:
        raise RuntimeError("quotegraph.spark needs a classic Spark session (not Spark Connect)")
    hadoop_path = jvm.org.apache.hadoop.fs.Path
    base = hadoop_path(out)
    fs = base.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    src = hadoop_path(base, source)
    if not fs.exists(src):
        return 0
    dst = hadoop_path(base, target) if target else base
    fs.mkdirs(dst)
    moved = 0
    for status in fs.listStatus(src):
        name = status.getPath().getName()
        m = _PART.match(name)
        if not m:
            continue
        final = f"part-{m.group(1)}-{m.group(2) or 'c000'}{suffix}{m.group(3) or ''}"
        if not fs.rename(status.getPath(), hadoop_path(dst, final)):
            raise OSError(f"{out}: could not move {source}/{name} to {target or '.'}/{final}")
        moved += 1
    fs.delete(src, True)
    return moved


def main(argv: Optional[List[str]] = None) -> int:
    """``python -m quotegraph.spark INPUT OUT`` (or ``spark-submit examples/spark/facts_job.py``)."""
    parser = argparse.ArgumentParser(
        prog="quotegraph.spark", description="Write quotegraph fact shards with Spark."
    )
    parser.add_argument("input", help="articles: JSONL (also .gz) or Parquet, file or folder")
    parser.add_argument("out", help="output folder for the *.facts.jsonl shards")
    parser.add_argument("--format", choices=["jsonl", "parquet"], help="input format (default: from the name)")
    parser.add_argument("--partitions", type=int, help="shards to write (default: the input's partitions, at least the default parallelism)")
    parser.add_argument("--threads", type=int, default=1, help="native threads per task (default 1)")
    parser.add_argument("--compression", choices=["gzip"], help="compress the shards")
    parser.add_argument("--overwrite", action="store_true", help="replace the output folder")
    parser.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("quotegraph-facts")
    if args.master:
        builder = builder.master(args.master)
        # Run by hand: the workers use this Python (and so this quotegraph), unless told otherwise.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        started = time.perf_counter()
        articles = read_articles(spark, args.input, args.format)
        summary = write_shards(
            articles,
            args.out,
            threads=args.threads,
            partitions=args.partitions,
            compression=args.compression,
            mode="overwrite" if args.overwrite else "errorifexists",
        )
        seconds = time.perf_counter() - started
    finally:
        spark.stop()
    rate = summary["articles"] / seconds if seconds > 0 else 0.0
    print(
        f"quotegraph.spark: {summary['articles']} articles in {summary['shards']} shards, "
        f"{summary['problems']} problems ({summary['skipped']} skipped; see {args.out}/_problems), "
        f"{seconds:.1f} s, {rate:.0f} articles/s"
    )
    return 0 if summary["articles"] > 0 or summary["problems"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
