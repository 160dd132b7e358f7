"""Type stubs for the native module (Rust, PyO3). Use the documented API in ``quotegraph``."""

from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from ._records import Quote

VERSION: str
SCHEMA_VERSION: int

# (position in the input, the item's id when it has one, what is wrong, whether it was skipped)
Problem = Tuple[int, Optional[str], str, bool]

class InputError(ValueError):
    """An article that cannot be read (no text, a field of a type quotegraph cannot read)."""

class FactsError(ValueError):
    """A facts record that is not one this quotegraph reads."""

def extract(text: str, id: Optional[str] = None, title: Optional[str] = None) -> List[Quote]: ...
def extract_batch(
    items: Iterable[Any], threads: Optional[int] = None, start: int = 0
) -> Tuple[List[Optional[List[Quote]]], List[Problem]]: ...
def facts(
    text: str,
    id: str,
    title: Optional[str] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    date: Optional[str] = None,
    author: Optional[str] = None,
) -> Tuple[str, List[Problem]]: ...
def facts_batch(
    items: Iterable[Any], threads: Optional[int] = None, start: int = 0
) -> Tuple[List[Optional[str]], List[Problem]]: ...
def read_facts_line(line: str) -> str: ...

class ArticleStream(Iterator[Tuple[str, Any]]):
    """("article", Article) or ("skipped" | "warning", message) for each file or record."""

    def __init__(self, paths: List[str], max_file_bytes: Optional[int] = None) -> None: ...
    def __iter__(self) -> "ArticleStream": ...
    def __next__(self) -> Tuple[str, Any]: ...

class StoreError(Exception):
    """A store that cannot be opened, read or written (the message the CLI prints)."""

# What an ingest run did: read, added, replaced, unchanged, refused, input_errors.
Report = Dict[str, Any]

class Store:
    """The SQLite store (see ``quotegraph.Store``, which resolves names and words errors)."""

    def __init__(self, path: str) -> None: ...
    @property
    def path(self) -> str: ...
    def exists(self) -> bool: ...
    def check(self) -> None: ...
    def close(self) -> None: ...
    def counts(self) -> Tuple[int, int, int, int]: ...
    def ingest_paths(
        self, paths: List[str], batch: int, max_file_bytes: Optional[int] = None
    ) -> Tuple[Report, List[str]]: ...
    def ingest_facts(self, paths: List[str], batch: int) -> Tuple[Report, List[str]]: ...
    def ingest_records(
        self,
        items: Iterable[Any],
        batch: int,
        threads: Optional[int] = None,
        start: int = 0,
        strict: bool = False,
    ) -> Tuple[Report, List[Problem]]: ...
    def lookup(self, name: str) -> Tuple[str, Any]: ...
    def who_said(
        self,
        phrase: str,
        fuzzy: bool = False,
        since: Optional[str] = None,
        until: Optional[str] = None,
        source: Optional[str] = None,
    ) -> str: ...
    def stances(
        self,
        speaker: Optional[str],
        target: Optional[str],
        by_month: bool,
        limit: int,
        since: Optional[str] = None,
        until: Optional[str] = None,
        source: Optional[str] = None,
    ) -> str: ...
    def quotes(
        self,
        speaker: Optional[str],
        mentions: Optional[str],
        limit: int,
        since: Optional[str] = None,
        until: Optional[str] = None,
        source: Optional[str] = None,
    ) -> str: ...
    def entities(self, kind: Optional[str] = None) -> List[Dict[str, Any]]: ...
    def graph_json(self) -> str: ...
