"""``quotegraph.Store``: the SQLite store that ``quotegraph ingest`` and ``quotegraph build`` write.

Takes a path; gives ingest runs (articles from paths, from Python texts or mappings, or fact
shards), the queries the command-line tool answers from a store (``who-said``, ``stances``,
``quotes``, ``entities``) as lists of dicts with the same shapes as its ``--format json``, and
the store as a networkx graph or pandas tables. The work is done by the Rust library
(``_native.Store``), detached from the interpreter; this module only resolves names typed by
people and words its errors as the command-line tool does. networkx and pandas are imported
only when asked for.
"""

from __future__ import annotations

import itertools
import json
import os
import pathlib
import sqlite3
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Union

from . import _native
from ._native import StoreError

PathLike = Union[str, "os.PathLike[str]"]

DEFAULT_BATCH = 5000
"""Articles per transaction (as ``quotegraph ingest --batch``)."""

DEFAULT_LIMIT = 200
"""Rows a listing returns at most unless told otherwise (as the command-line tool)."""


class AmbiguousNameError(LookupError):
    """A name several entities answer to. ``candidates`` lists them (dicts with ``id``,
    ``name``, ``kind``, ``mentions``, ``quotes``), most quoted first; give a fuller name, an
    entity id, or ``all=True``."""

    def __init__(self, message: str, candidates: List[Dict[str, Any]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class UnknownNameError(LookupError):
    """A name no entity answers to. ``closest`` lists the closest names in the store."""

    def __init__(self, message: str, closest: List[str]) -> None:
        super().__init__(message)
        self.closest = closest


class Tables(NamedTuple):
    """The store as pandas DataFrames (see :meth:`Store.to_pandas`)."""

    quotes: Any
    entities: Any
    stances: Any


def _optional(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError as e:
        raise ImportError(
            f"this needs {module}, an optional dependency of quotegraph: "
            f"pip install 'quotegraph[{extra}]' (or pip install {module})"
        ) from e


def _quoted(name: str) -> str:
    return json.dumps(name, ensure_ascii=False)


class Store:
    """A quotegraph store: the SQLite file ``quotegraph ingest`` and ``quotegraph build`` write.

    >>> with quotegraph.Store("news.db") as store:            # doctest: +SKIP
    ...     store.ingest("articles/")                            # files and folders
    ...     store.who_said("open in May")

    ``Store(path)`` opens nothing yet: the first query opens the store to read (and raises
    :class:`StoreError` if there is none: run :meth:`ingest` first), and each :meth:`ingest`
    opens it to write for the run (creating it when missing). An existing file that is not a
    store (or a store of another schema version) raises :class:`StoreError` at once. Several
    processes may read while one writes; a second writer waits up to 10 s, then raises
    :class:`StoreError` ("store is busy").

    Names (``speaker=``, ``target=``, ``mentions=``) are resolved as the command-line tool
    resolves them: an entity id (``person:ilse-varnholt``), a name, an alias or a last name
    only one person has. A name several entities answer to raises
    :class:`AmbiguousNameError` listing them, unless ``all=True`` (answers for each); one
    that nothing answers to raises :class:`UnknownNameError` with the closest names.
    """

    def __init__(self, path: PathLike) -> None:
        self._native = _native.Store(os.fspath(path))
        if self._native.exists():
            self._native.check()

    @property
    def path(self) -> str:
        """Where the store is."""
        return os.fspath(self._native.path)

    def __repr__(self) -> str:
        return f"quotegraph.Store({self.path!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Closes the read connection (a later query opens it again)."""
        self._native.close()

    def counts(self) -> Dict[str, int]:
        """How many articles, quotes, entities and stances the store holds."""
        a, q, e, s = self._native.counts()
        return {"articles": a, "quotes": q, "entities": e, "stances": s}

    # --- writing -------------------------------------------------------------------------

    def ingest(
        self,
        source: Union[PathLike, Iterable[Any]],
        *,
        batch: int = DEFAULT_BATCH,
        threads: Optional[int] = None,
        errors: str = "warn",
        max_file_bytes: Optional[int] = None,
    ) -> Dict[str, Any]:
        """Adds articles to the store (created when missing), as ``quotegraph ingest`` does.

        Articles stored already with the same text are left alone (ingesting twice changes
        nothing), an id stored with another text is replaced. Each batch is extracted in
        parallel with the GIL released and stored in one transaction: an exception or a killed
        process leaves the batches stored before it, whole.

        Args:
            source: a file or folder (``str`` or ``os.PathLike``), read by quotegraph's own
                readers (as :func:`quotegraph.read_articles`); or a list of ``os.PathLike``
                (``pathlib.Path``) objects; or any other iterable of articles: texts or
                mappings, as for :func:`quotegraph.extract_many` (a plain ``str`` inside an
                iterable is an article's text, never a path). Iterables are read ``batch``
                items at a time, so a generator of any length can be given. An article
                without an id gets its position in this call (``"0"``, ``"1"``, ...): give
                ids when a corpus comes in several calls, or a later call replaces earlier
                articles.
            batch: articles per transaction.
            threads: threads for extraction (articles given in Python only); None: every core.
            errors: ``"warn"``: an article or file that cannot be read gives an
                :class:`quotegraph.InputWarning` naming it and the rest is stored;
                ``"raise"``: an unreadable article given in Python raises
                :class:`quotegraph.InputError` and nothing of its batch is stored (the
                batches before it are).
            max_file_bytes: skip files read whole larger than this (paths only).

        Returns:
            What the run did: ``read``, ``added``, ``replaced``, ``unchanged``, ``refused``
            (``(doc_id, why)`` pairs), ``input_errors``.
        """
        from . import _check_errors, _report, _warn_lines

        _check_errors(errors)  # type: ignore[arg-type]
        if batch < 1:
            raise ValueError("batch must be at least 1")
        if isinstance(source, (str, os.PathLike)):
            got, faults = self._native.ingest_paths([os.fspath(source)], batch, max_file_bytes)
            _warn_lines(faults)
            return got
        items = iter(source)
        first = list(itertools.islice(items, 1))
        if first and isinstance(first[0], os.PathLike):
            paths = [os.fspath(p) for p in itertools.chain(first, items)]
            got, faults = self._native.ingest_paths(paths, batch, max_file_bytes)
            _warn_lines(faults)
            return got
        total: Dict[str, Any] = {
            "read": 0,
            "added": 0,
            "replaced": 0,
            "unchanged": 0,
            "refused": [],
            "input_errors": 0,
        }
        items = itertools.chain(first, items)
        start = 0
        while True:
            chunk = list(itertools.islice(items, batch))
            if not chunk:
                return total
            got, problems = self._native.ingest_records(
                chunk, batch, threads, start, errors == "raise"
            )
            _report(problems, errors)  # type: ignore[arg-type]
            for key in ("read", "added", "replaced", "unchanged", "refused"):
                total[key] += got[key]
            total["input_errors"] += sum(1 for p in problems if p[3])
            start += len(chunk)

    def ingest_facts(self, *paths: PathLike, batch: int = DEFAULT_BATCH) -> Dict[str, Any]:
        """Loads fact shards (``*.facts.jsonl``, ``.gz``, ``.zst``; files or folders, such as
        a Spark job's output) into the store, as ``quotegraph ingest --facts`` does. A bad
        line gives an :class:`quotegraph.InputWarning` naming ``file:line``; the rest is
        stored. Returns what the run did (as :meth:`ingest`)."""
        from . import _warn_lines

        got, faults = self._native.ingest_facts([os.fspath(p) for p in paths], batch)
        _warn_lines(faults)
        return got

    # --- names ---------------------------------------------------------------------------

    def _resolve(self, name: Optional[str], all: bool) -> List[Optional[str]]:
        """Entity ids a name denotes (``[None]`` for no name), or the CLI's error."""
        if name is None:
            return [None]
        kind, value = self._native.lookup(name)
        if kind == "found":
            return [value["id"]]
        if kind == "several":
            if all:
                return [e["id"] for e in value]
            shown = "; ".join(
                f"{e['name']} ({e['kind']}, {e['quotes']} quotes, {e['id']})" for e in value[:10]
            )
            more = f"; and {len(value) - 10} more" if len(value) > 10 else ""
            raise AmbiguousNameError(
                f"{_quoted(name)} is {len(value)} entities: {shown}{more}; "
                "give a fuller name, or all=True",
                value,
            )
        if not value:
            raise UnknownNameError(f"no entity named {_quoted(name)} in {self.path}", [])
        raise UnknownNameError(
            f"no entity named {_quoted(name)} in {self.path}; the closest names: {', '.join(value)}",
            value,
        )

    def entity(self, name: str) -> Dict[str, Any]:
        """The one entity a name denotes (``id``, ``name``, ``kind``, ``mentions``, ``quotes``)."""
        kind, value = self._native.lookup(name)
        if kind == "found":
            return value
        self._resolve(name, False)
        raise AssertionError("unreachable")  # pragma: no cover

    # --- queries -------------------------------------------------------------------------

    def who_said(
        self,
        phrase: str,
        *,
        fuzzy: bool = False,
        since: Optional[str] = None,
        until: Optional[str] = None,
        source: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """Every speaker who said the phrase (``quotegraph who-said``), most matching quotes first.

        Words match whole, in a row, case, punctuation and quotation marks aside; ``fuzzy``
        also matches other forms of a word (``flexible`` finds ``flexibility``). ``since`` /
        ``until`` (``YYYY-MM-DD``) and ``source`` (an outlet, any case) keep only those
        articles.

        Returns:
            One dict per speaker: ``speaker`` (entity id, None for unattributed quotes),
            ``name``, ``quotes``: each ``id``, ``text``, ``kind``, ``articles`` (how many carry
            it) and ``occurrences`` (at most 20: ``article``, ``speaker_mention``, ``cue``,
            ``kind``, byte ``start`` / ``end`` and ``char_start`` / ``char_end`` into the
            article text, ``context``, ``date``, ``source``).
        """
        return json.loads(self._native.who_said(phrase, fuzzy, since, until, source))

    def stances(
        self,
        speaker: Optional[str] = None,
        target: Optional[str] = None,
        *,
        by_month: bool = False,
        all: bool = False,
        limit: int = DEFAULT_LIMIT,
        since: Optional[str] = None,
        until: Optional[str] = None,
        source: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """Speakers' stances toward entities (``quotegraph stances``), strongest first.

        Args:
            speaker, target: names (see the class); None: any.
            by_month: one row per month of the evidence (needs ``speaker``).
            all: a name several entities answer to: answer for each.
            limit: rows at most (per speaker and target resolved).
            since, until, source: as for :meth:`who_said`; with a filter, stances are
                recomputed from the evidence inside it.

        Returns:
            One dict per stance: ``speaker``, ``target`` (names), ``polarity`` (``support``,
            ``oppose``, ``neutral``), ``score`` (-1..1), ``quotes`` (the evidence, shaped as in
            :meth:`who_said`), and ``period`` (``YYYY-MM``) with ``by_month``.
        """
        if by_month and speaker is None:
            raise ValueError("by_month needs a speaker")
        rows: List[Dict[str, Any]] = []
        for s in self._resolve(speaker, all):
            for t in self._resolve(target, all):
                rows += json.loads(self._native.stances(s, t, by_month, limit, since, until, source))
        return rows

    def quotes(
        self,
        speaker: Optional[str] = None,
        mentions: Optional[str] = None,
        *,
        all: bool = False,
        limit: int = DEFAULT_LIMIT,
        since: Optional[str] = None,
        until: Optional[str] = None,
        source: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """Quotes said by ``speaker`` and / or naming ``mentions`` (``quotegraph quotes``).

        Returns quote dicts shaped as in :meth:`who_said` (``char_start`` / ``char_end`` of
        each occurrence slice the article's text as a Python string). Raises ``ValueError``
        when neither name is given (for every quote, see :meth:`to_pandas`).
        """
        if speaker is None and mentions is None:
            raise ValueError("give speaker=, mentions= or both")
        rows: List[Dict[str, Any]] = []
        for s in self._resolve(speaker, all):
            for m in self._resolve(mentions, all):
                rows += json.loads(self._native.quotes(s, m, limit, since, until, source))
        return rows

    def entities(self, kind: Optional[str] = None) -> List[Dict[str, Any]]:
        """The canonical entities (``quotegraph entities``), in id order: ``id``, ``name``,
        ``kind``, ``mentions``, ``quotes``, ``aliases``, ``roles``, ``affiliations``. ``kind``:
        ``person``, ``org``, ``place``, ``outlet``, ``equipment`` or ``anonymous``."""
        return self._native.entities(kind)

    # --- whole-store views ---------------------------------------------------------------

    def graph_json(self) -> str:
        """The store's graph as ``quotegraph export -f json`` writes it (node-link JSON)."""
        return self._native.graph_json()

    def to_networkx(self) -> Any:
        """The store's graph as a ``networkx.MultiDiGraph``: what ``networkx.node_link_graph``
        gives for the store's ``graph.json`` (nodes keyed by id, with ``kind``, ``label``, ...;
        edges keyed by their kind). Needs networkx (``pip install 'quotegraph[networkx]'``).
        The whole graph is held in memory."""
        nx = _optional("networkx", "networkx")
        data = json.loads(self.graph_json())
        try:
            return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        except TypeError:  # networkx before 3.4 names the key `link`
            return nx.node_link_graph(data, directed=True, multigraph=True, link="edges")

    def to_pandas(self) -> Tables:
        """The store as pandas DataFrames (``pip install 'quotegraph[pandas]'``):

        - ``quotes``: one row per quote in an article: ``doc_id``, ``date``, ``source``,
          ``idx``, ``kind``, ``content``, ``cue``, ``speaker_id``, ``speaker``,
          ``speaker_mention``, ``confidence``, ``byte_start`` / ``byte_end``,
          ``char_start`` / ``char_end`` (into the article text), ``quote_id`` (the graph's
          quote node);
        - ``entities``: ``id``, ``name``, ``kind``, ``mentions``, ``quotes``;
        - ``stances``: ``speaker_id``, ``speaker``, ``target_id``, ``target``, ``polarity``,
          ``score``, ``quotes``.

        Read with Python's ``sqlite3`` from the tables ``docs/STORE.md`` documents.
        """
        pd = _optional("pandas", "pandas")
        self._native.check()
        uri = pathlib.Path(os.path.abspath(self.path)).as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            return Tables(
                quotes=pd.read_sql_query(_QUOTES_SQL, conn),
                entities=pd.read_sql_query(
                    "SELECT id, name, kind, mentions, quotes FROM entities ORDER BY id", conn
                ),
                stances=pd.read_sql_query(_STANCES_SQL, conn),
            )
        finally:
            conn.close()


_QUOTES_SQL = """
SELECT a.doc_id, a.date, a.source, q.idx, q.kind, q.content, q.cue,
       q.entity_id AS speaker_id, e.name AS speaker, q.speaker_mention, q.confidence,
       q.byte_start, q.byte_end, q.char_start, q.char_end,
       CASE WHEN q.wording IS NULL THEN NULL ELSE printf('quote:%016x', q.wording) END AS quote_id
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.id = q.entity_id
ORDER BY a.doc_id, q.idx
"""

_STANCES_SQL = """
SELECT s.speaker_id, sp.name AS speaker, s.target_id, t.name AS target,
       s.polarity, s.score, s.quotes
FROM stances s
LEFT JOIN entities sp ON sp.id = s.speaker_id
LEFT JOIN entities t ON t.id = s.target_id
ORDER BY abs(s.score) DESC, s.quotes DESC, s.speaker_id, s.target_id
"""
