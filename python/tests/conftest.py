"""Shared helpers: where the repository is, and the rule for tests that need a tool.

A test that needs an external tool (Java and pyspark, for the Spark job) skips when the tool is
missing, unless QUOTEGRAPH_REQUIRE_TOOLS=1 (set by CI), where it fails instead.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
"""The repository root (python/tests/ is two levels below it)."""

sys.path.insert(0, str(ROOT / "examples" / "spark"))


def need(tool: str, available: bool) -> None:
    """Skips (or, under QUOTEGRAPH_REQUIRE_TOOLS=1, fails) when `tool` is not available."""
    if available:
        return
    if os.environ.get("QUOTEGRAPH_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{tool} is required (QUOTEGRAPH_REQUIRE_TOOLS=1) but not available")
    pytest.skip(f"{tool} is not available")


def have_java() -> bool:
    return shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))


def quotegraph_bin() -> str:
    """The `quotegraph` command-line tool: $QUOTEGRAPH_BIN, else target/release/quotegraph
    (`cargo build --release` at the repository root). Skips, or fails under
    QUOTEGRAPH_REQUIRE_TOOLS=1, when there is none."""
    path = os.environ.get("QUOTEGRAPH_BIN") or str(ROOT / "target" / "release" / "quotegraph")
    need(f"the quotegraph binary ({path}; cargo build --release)", os.access(path, os.X_OK))
    return path
