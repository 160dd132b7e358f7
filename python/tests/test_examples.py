"""The examples a researcher runs, run as they would run them."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_researcher_walk_through_runs_on_the_seed_corpus():
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "researcher.py"), str(ROOT / "corpus")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "5 articles from" in run.stdout and "5 added" in run.stdout
    assert "nodes," in run.stdout or "networkx" in run.stdout
    assert "wrote 5 facts records; a store loaded from them holds" in run.stdout


def test_the_researcher_store_is_left_alone_on_a_second_run(tmp_path):
    db = tmp_path / "news.db"
    for expected in ("5 added, 0 unchanged", "0 added, 5 unchanged"):
        run = subprocess.run(
            [sys.executable, str(ROOT / "examples" / "researcher.py"), str(ROOT / "corpus"), str(db)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
        assert expected in run.stdout


def test_make_articles_is_deterministic_and_invented(tmp_path):
    from make_articles import make

    a, b = make(20, seed=3), make(20, seed=3)
    assert a == b and make(20, seed=4) != a
    assert len({x["id"] for x in a}) == 20
    assert all(x["text"].count("\n\n") >= 5 for x in a)


def test_the_package_docstring_example_holds():
    import doctest

    import quotegraph

    result = doctest.testmod(quotegraph)
    assert result.attempted >= 3 and result.failed == 0
