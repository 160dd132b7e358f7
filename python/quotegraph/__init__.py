"""quotegraph: who said what in news articles.

Finds quotes (direct, mixed, reported) and their speakers, the people, organisations and places
an article names, and the stance each quote takes toward them. The work is done by the Rust
library that the ``quotegraph`` command-line tool is made of: the same article gives the same
quotes and the same facts here as there.

>>> import quotegraph
>>> text = "“The bridge will open in May,” Mayor Ilse Varnholt said on Tuesday."
>>> q = quotegraph.extract(text)[0]
>>> q["content"], q["speaker"]
('The bridge will open in May,', 'Ilse Varnholt')
>>> text[q["content_char_start"]:q["content_char_end"]]
'The bridge will open in May,'

- :func:`extract` / :func:`extract_many`: quotes and speakers (``extract_many`` runs on every
  core with the GIL released).
- :func:`facts` / :func:`facts_many`: what an article says (quotes, entity mentions, stances),
  the versioned facts record that ``*.facts.jsonl`` shards hold.
- :func:`write_facts` / :func:`read_facts`: write and read such shards; ``quotegraph ingest
  --facts`` loads them into a store. :mod:`quotegraph.spark` writes them from a Spark job.
- :func:`read_articles`: articles from files and folders (text, JSONL, HTML, WARC, RSS/Atom,
  CSV), read by quotegraph's own reader.
- :class:`Store`: the SQLite store of ``quotegraph ingest`` / ``build``: ``ingest``,
  ``who_said``, ``stances``, ``quotes``, ``entities``, ``to_networkx``, ``to_pandas``.

Bad input never stops a batch: with ``errors="warn"`` (the default) an item that cannot be read
gives an :class:`InputWarning` naming it and an empty result in its place; with
``errors="raise"`` it raises :class:`InputError` before anything is returned.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import tempfile
import warnings
from typing import Any, Iterable, Iterator, List, Literal, Mapping, Optional, Tuple, Union

from . import _native
from ._native import FactsError, InputError
from ._records import Article, Facts, Quote

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "AmbiguousNameError",
    "ArticleLike",
    "Errors",
    "Facts",
    "FactsError",
    "InputError",
    "InputWarning",
    "Quote",
    "Store",
    "StoreError",
    "Tables",
    "UnknownNameError",
    "__version__",
    "extract",
    "extract_many",
    "facts",
    "facts_many",
    "read_articles",
    "read_facts",
    "write_facts",
]

__version__: str = _native.VERSION
SCHEMA_VERSION: int = _native.SCHEMA_VERSION
"""The facts format version this quotegraph writes and reads."""

ArticleLike = Union[str, Mapping[str, Any]]
"""An article: its text, or a mapping with ``text`` (or ``html``, a page) and optionally ``id``
(or ``doc_id``), ``title``, ``source``, ``url``, ``date``, ``author``: the fields of a
``quotegraph`` JSONL record. Other keys are ignored."""

Errors = Literal["warn", "raise"]
"""What a batch does with an article it cannot read: warn and go on, or raise."""

_DEFAULT_BATCH = 1000


class InputWarning(UserWarning):
    """An article that was skipped, or read with a field left out (the message names it)."""


def _check_errors(errors: Errors) -> None:
    if errors not in ("warn", "raise"):
        raise ValueError(f'errors must be "warn" or "raise", not {errors!r}')


def _describe(problem: Tuple[int, Optional[str], str, bool]) -> str:
    index, doc_id, message, _ = problem
    where = f"item {index}" if doc_id is None else f"item {index} (id {doc_id!r})"
    return f"{where}: {message}"


def _report(
    problems: List[Tuple[int, Optional[str], str, bool]], errors: Errors, stacklevel: int = 3
) -> None:
    """Raises for the first skipped item (``errors="raise"``), else warns for each problem, at
    the line that called the public function (``stacklevel`` frames up)."""
    if errors == "raise":
        for problem in problems:
            if problem[3]:
                raise InputError(_describe(problem))
    for problem in problems:
        warnings.warn(_describe(problem), InputWarning, stacklevel=stacklevel)


def extract(text: str, id: Optional[str] = None, *, title: Optional[str] = None) -> List[Quote]:
    """The quotes of one article and their speakers.

    Args:
        text: the article text. A first line standing alone above a blank line is taken as the
            title when it reads like one (as for a ``.txt`` file).
        id: the article id, copied into each quote's ``doc_id`` (None when not given).
        title: the headline, when it is not part of ``text``.

    Returns:
        One dict per quote, in text order (see :class:`Quote`): ``content``, ``kind``
        (``direct``, ``mixed``, ``indirect``), ``cue``, ``speaker`` (resolved: ``he`` becomes the
        name it refers to; None when nobody is named), ``speaker_mention`` (the words in the
        text), ``speaker_type``, ``confidence``, and the spans twice: UTF-8 byte offsets
        (``content_start``, ``speaker_end``, ...) and character offsets (``content_char_start``,
        ``speaker_char_end``, ...) that slice Python strings.

    Raises:
        InputError: ``text`` is empty or blank.
    """
    return _native.extract(text, id, title)


def extract_many(
    articles: Iterable[ArticleLike],
    *,
    threads: Optional[int] = None,
    errors: Errors = "warn",
) -> List[List[Quote]]:
    """The quotes of many articles, extracted in parallel with the GIL released.

    Args:
        articles: texts, or mappings with ``text`` and optionally ``id``, ``title``, ... (see
            :data:`ArticleLike`). An article without an id gets its position (``"0"``, ``"1"``,
            ...). The whole input is held in memory; for a corpus, see :func:`write_facts`.
        threads: threads to use; None uses every core.
        errors: ``"warn"``: an article that cannot be read gives an :class:`InputWarning` and an
            empty list; ``"raise"``: it raises :class:`InputError`.

    Returns:
        One list of quotes per article, in input order (see :func:`extract`). To put them in
        one table: ``pandas.DataFrame([q for qs in result for q in qs])``.
    """
    _check_errors(errors)
    out, problems = _native.extract_batch(articles, threads)
    _report(problems, errors)
    return [quotes if quotes is not None else [] for quotes in out]


def facts(
    text: str,
    *,
    id: str,
    title: Optional[str] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    date: Optional[str] = None,
    author: Optional[str] = None,
) -> Facts:
    """What one article says: its facts record (the facts format, ``schema_version`` 1).

    The record holds the article's metadata, a ``content_hash`` of its text, its ``quotes`` (with
    speakers named as the article names them), its entity ``mentions`` (people, organisations,
    places, outlets, equipment, with roles and affiliations) and the ``stances`` each quote
    takes toward them (``score`` in [-1, 1]). ``json.dumps(record)`` is a line that ``quotegraph
    ingest --facts`` reads; offsets are UTF-8 byte offsets into ``text``.

    Args:
        text: the article text.
        id: the article id (required: facts are joined across articles by it).
        title, source, url, author: metadata, kept in the record.
        date: the publication date, made ISO 8601 when it parses (``"5 March 2024"`` becomes
            ``"2024-03-05"``), kept as given otherwise.

    Raises:
        InputError: ``text`` is empty or blank, or ``id`` is.
    """
    line, problems = _native.facts(text, id, title, source, url, date, author)
    _report(problems, "warn")
    return json.loads(line)


def facts_many(
    articles: Iterable[ArticleLike],
    *,
    threads: Optional[int] = None,
    errors: Errors = "warn",
) -> List[Optional[Facts]]:
    """The facts records of many articles (see :func:`facts`), in parallel with the GIL released.

    Args:
        articles: texts or mappings, as for :func:`extract_many`.
        threads: threads to use; None uses every core.
        errors: ``"warn"``: an article that cannot be read gives an :class:`InputWarning` and
            None in its place; ``"raise"``: it raises :class:`InputError`.

    Returns:
        One record per article, in input order.
    """
    _check_errors(errors)
    lines, problems = _native.facts_batch(articles, threads)
    _report(problems, errors)
    return [json.loads(line) if line is not None else None for line in lines]


def write_facts(
    articles: Iterable[ArticleLike],
    path: Union[str, "os.PathLike[str]"],
    *,
    threads: Optional[int] = None,
    batch_size: int = _DEFAULT_BATCH,
    errors: Errors = "warn",
) -> int:
    """Writes a facts shard: one facts line per article, for ``quotegraph ingest --facts``.

    The articles are read ``batch_size`` at a time (memory stays bounded by a batch whatever
    the size of ``articles``, which may be a generator such as :func:`read_articles`). The file
    appears whole or not at all: it is written under a temporary name beside ``path`` and
    renamed when complete; an exception leaves any earlier file at ``path`` as it was.

    Args:
        articles: texts or mappings, as for :func:`extract_many`.
        path: the shard to write; its name ends with ``.facts.jsonl`` (or ``.facts.jsonl.gz``,
            written gzip-compressed).
        threads: threads to use; None uses every core.
        batch_size: articles per batch.
        errors: as for :func:`facts_many` (a skipped article writes no line).

    Returns:
        The number of lines written.
    """
    _check_errors(errors)
    path = os.fspath(path)
    name = os.path.basename(path)
    if not (name.endswith(".facts.jsonl") or name.endswith(".facts.jsonl.gz")):
        raise ValueError(f"{path}: a facts shard's name ends with .facts.jsonl or .facts.jsonl.gz")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw:
            if name.endswith(".gz"):
                with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                    written = _write_lines(gz, articles, threads, batch_size, errors)
            else:
                written = _write_lines(raw, articles, threads, batch_size, errors)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return written


def _write_lines(
    out: io.BufferedIOBase,
    articles: Iterable[ArticleLike],
    threads: Optional[int],
    batch_size: int,
    errors: Errors,
) -> int:
    """The facts lines of ``articles``, ``batch_size`` at a time, into ``out``; how many."""
    items = iter(articles)
    start = written = 0
    while True:
        batch = list(itertools.islice(items, batch_size))
        if not batch:
            return written
        lines, problems = _native.facts_batch(batch, threads, start)
        _report(problems, errors, stacklevel=4)
        kept = [line for line in lines if line is not None]
        out.write("".join(line + "\n" for line in kept).encode("utf-8"))
        written += len(kept)
        start += len(batch)


def read_facts(path: Union[str, "os.PathLike[str]"], *, errors: Errors = "warn") -> Iterator[Facts]:
    """Reads a facts shard back, one checked record at a time.

    Each line is checked as ``quotegraph ingest --facts`` checks it (``schema_version``, spans,
    stances that point at a quote). A bad line gives an :class:`InputWarning` naming
    ``path:line`` and the rest is read (``errors="warn"``), or raises :class:`FactsError`
    (``errors="raise"``). Files ending in ``.gz`` are decompressed.
    """
    _check_errors(errors)
    path = os.fspath(path)
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            try:
                checked = _native.read_facts_line(line)
            except FactsError as e:
                message = f"{path}:{number}: {e}"
                if errors == "raise":
                    raise FactsError(message) from None
                warnings.warn(message, InputWarning, stacklevel=2)
                continue
            yield json.loads(checked)


def read_articles(
    *paths: Union[str, "os.PathLike[str]"], max_file_bytes: Optional[int] = None
) -> Iterator[Article]:
    """Articles from files and folders, read by quotegraph's own reader (as the CLI reads them).

    Folders are walked recursively in name order; ``.txt``, ``.md``, ``.jsonl``, ``.ndjson``,
    ``.html``, ``.htm``, ``.warc``, ``.rss``, ``.atom``, ``.xml``, ``.csv``, ``.tsv`` (each also
    ``.gz`` or ``.zst``) are read; a text file's id is its name without extension. Articles are
    read one at a time (a generator), so a corpus of any size can be passed on to
    :func:`write_facts`. A file or record that cannot be read gives an :class:`InputWarning`
    naming it (and its line) and the rest is read.
    """
    for kind, value in _native.ArticleStream([os.fspath(p) for p in paths], max_file_bytes):
        if kind == "article":
            yield value
        else:
            prefix = "skipped " if kind == "skipped" else ""
            warnings.warn(prefix + value, InputWarning, stacklevel=2)


def _warn_lines(messages: List[str]) -> None:
    """Warns for each input fault a native run reported (already naming the file and line)."""
    for message in messages:
        warnings.warn(message, InputWarning, stacklevel=3)


from ._store import AmbiguousNameError, Store, StoreError, Tables, UnknownNameError  # noqa: E402
