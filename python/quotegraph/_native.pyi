"""Type stubs for the native module (Rust, PyO3). Use the documented API in ``quotegraph``."""

from typing import Any, Iterable, Iterator, List, Optional, Tuple

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
