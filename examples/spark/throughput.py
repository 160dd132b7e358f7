"""Articles per second: the Spark job in local mode beside the native CLI, on the same input.

    cargo build --release
    python examples/spark/throughput.py --quotegraph target/release/quotegraph --sizes 2000,20000

For each size, writes that many invented articles (make_articles.py) as JSONL, then times, each
in a process of its own under /usr/bin/time (wall time and peak RSS):

- ``cli extract``: ``quotegraph extract FILE`` (quotes and speakers only: less work than facts);
- ``cli build``: ``quotegraph build FILE --quiet`` (facts, then canon, graph and every export);
- ``python write_facts``: ``quotegraph.write_facts(quotegraph.read_articles(FILE), ...)``, every
  core (the same facts lines the Spark job writes);
- ``spark local[N]``: ``python -m quotegraph.spark FILE OUT --master local[N]``, whole run
  (JVM start included) and the job alone (as the job reports it).

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


def timed(cmd: List[str], env=None) -> Tuple[float, int, str]:
    """Wall seconds, peak RSS (MB) and stdout of a command run under /usr/bin/time -v."""
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{run.stderr[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    return seconds, int(rss.group(1)) // 1024 if rss else -1, run.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotegraph", default="target/release/quotegraph", help="the CLI binary")
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    rows = []
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
                "python write_facts": [
                    sys.executable, "-c",
                    "import sys, quotegraph; quotegraph.write_facts(quotegraph.read_articles(sys.argv[1]), sys.argv[2])",
                    data, os.path.join(tmp, f"py{n}.facts.jsonl"),
                ],
                f"spark {args.master}": [
                    sys.executable, "-m", "quotegraph.spark", data, os.path.join(tmp, f"spark{n}"),
                    "--master", args.master,
                ],
            }
            for name, cmd in runs.items():
                seconds, rss, out = timed(cmd, env)
                rows.append((n, mb, name, seconds, rss))
                job = re.search(r"articles in \d+ shards.*?, ([\d.]+) s,", out)
                if job:
                    rows.append((n, mb, f"  job alone", float(job.group(1)), -1))
    print(f"{'articles':>8} {'MB':>6}  {'run':<20} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} {'peak RSS MB':>11}")
    for n, mb, name, seconds, rss in rows:
        print(f"{n:>8} {mb:>6.1f}  {name:<20} {seconds:>8.2f} {n / seconds:>11.0f} {mb / seconds:>6.2f} {rss if rss >= 0 else '':>11}")


if __name__ == "__main__":
    main()
