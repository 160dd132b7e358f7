"""Articles per second: the Spark job in local mode beside the native CLI, on the same input.

    cargo build --release
    python examples/spark/throughput.py --quotegraph target/release/quotegraph --sizes 2000,20000

For each size, writes that many invented articles (make_articles.py) as JSONL, then times, each
in a process of its own (wall time, and peak RSS of its whole process tree: for Spark, the
driver, the JVM and the Python workers):

- ``cli extract``: ``quotegraph extract FILE`` (quotes and speakers only: less work than facts);
- ``cli build``: ``quotegraph build FILE --quiet`` (facts, then canon, graph and every export);
- ``cli ingest``: ``quotegraph ingest FILE --db X`` (facts into a new store: canon and stances
  kept up to date batch by batch);
- ``python Store.ingest``: ``quotegraph.Store(X).ingest(FILE)`` (the same run from Python);
- ``python write_facts``: ``quotegraph.write_facts(quotegraph.read_articles(FILE), ...)``, every
  core (the same facts lines the Spark job writes);
- ``spark local[N]``: ``python -m quotegraph.spark FILE OUT --master local[N]``, whole run
  (JVM start included) and the job alone (as the job reports it), then ``ingest --facts``:
  ``quotegraph ingest --facts OUT --db X``, loading the job's shards into one store.

Then ``Store.who_said`` latency from Python on the ``cli ingest`` store (in this process: the
median and the slowest of 20 calls per phrase, the store opened once).

Timings on a shared machine are noisy: run it more than once and read ranges.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from typing import List, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_articles import make  # noqa: E402


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the JVM and the Python workers of
    a Spark run), from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total / 1024


def timed(cmd: List[str], env=None) -> Tuple[float, float, str]:
    """Wall seconds, peak RSS of the whole process tree (MB, sampled every 0.2 s) and stdout."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, text=True)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read()[-3000:]}")
        return seconds, peak, out.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotegraph", default="target/release/quotegraph", help="the CLI binary")
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument(
        "--runs", default="extract,build,ingest,store,python,spark",
        help="which of extract, build, ingest, store, python, spark to run",
    )
    args = parser.parse_args()
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    rows = []
    latencies = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            data = os.path.join(tmp, f"articles-{n}.jsonl")
            with open(data, "w", encoding="utf-8") as f:
                for a in make(n, seed=11):
                    f.write(json.dumps(a, ensure_ascii=False) + "\n")
            mb = os.path.getsize(data) / 1e6
            runs = {
                "cli extract": [args.quotegraph, "extract", data, "-f", "jsonl"],
                "cli build": [args.quotegraph, "build", data, "-o", os.path.join(tmp, f"g{n}"), "--quiet", "--pure-rust-svg"],
                "cli ingest": [args.quotegraph, "ingest", data, "--db", os.path.join(tmp, f"i{n}.db"), "-q"],
                "python Store.ingest": [
                    sys.executable, "-c",
                    "import sys, quotegraph; quotegraph.Store(sys.argv[2]).ingest(sys.argv[1])",
                    data, os.path.join(tmp, f"s{n}.db"),
                ],
                "python write_facts": [
                    sys.executable, "-c",
                    "import sys, quotegraph; quotegraph.write_facts(quotegraph.read_articles(sys.argv[1]), sys.argv[2])",
                    data, os.path.join(tmp, f"py{n}.facts.jsonl"),
                ],
                f"spark {args.master}": [
                    sys.executable, "-m", "quotegraph.spark", data, os.path.join(tmp, f"spark{n}"),
                    "--master", args.master,
                ],
                "  ingest --facts": [
                    args.quotegraph, "ingest", "--facts", os.path.join(tmp, f"spark{n}"),
                    "--db", os.path.join(tmp, f"spark{n}.db"), "-q",
                ],
            }
            chosen = set(args.runs.split(","))
            keys = {
                "cli extract": "extract", "cli build": "build", "cli ingest": "ingest",
                "python Store.ingest": "store", "python write_facts": "python",
            }
            for name, cmd in runs.items():
                if keys.get(name, "spark") not in chosen:
                    continue
                seconds, rss, out = timed(cmd, env)
                rows.append((n, mb, name, seconds, rss))
                job = re.search(r"articles in \d+ shards.*?, ([\d.]+) s,", out)
                if job:
                    rows.append((n, mb, "  job alone", float(job.group(1)), -1))
            if "ingest" in chosen:
                latencies.append((n, who_said_latency(os.path.join(tmp, f"i{n}.db"))))
    print(f"{'articles':>8} {'MB':>6}  {'run':<20} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} {'peak RSS MB':>11}")
    for n, mb, name, seconds, rss in rows:
        shown_rss = f"{rss:.0f}" if rss >= 0 else ""
        print(f"{n:>8} {mb:>6.1f}  {name:<20} {seconds:>8.2f} {n / seconds:>11.0f} {mb / seconds:>6.2f} {shown_rss:>11}")

    for n, per_phrase in latencies:
        for phrase, hits, median, worst in per_phrase:
            print(f"Store.who_said({phrase!r}) on {n} articles: {hits} speakers, median {median:.2f} ms, slowest {worst:.2f} ms")


def who_said_latency(db: str) -> List[Tuple[str, int, float, float]]:
    """Milliseconds of ``Store.who_said`` for a few phrases: a rare one, a common word, two words."""
    import statistics

    import quotegraph

    store = quotegraph.Store(db)
    out = []
    for phrase in ("turnout", "the", "decide the race"):
        times = []
        for _ in range(20):
            start = time.perf_counter()
            hits = store.who_said(phrase)
            times.append((time.perf_counter() - start) * 1000)
        out.append((phrase, len(hits), statistics.median(times), max(times)))
    store.close()
    return out


if __name__ == "__main__":
    main()
