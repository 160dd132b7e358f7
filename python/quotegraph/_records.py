"""The shapes of what quotegraph returns: quote records, facts records, articles.

These are plain dicts at run time; the ``TypedDict`` classes here only tell type checkers and
readers which keys they hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Literal, Optional, TypedDict

if TYPE_CHECKING:  # annotations are never evaluated at run time (Python 3.9 has no NotRequired)
    from typing_extensions import NotRequired

QuoteKind = Literal["direct", "mixed", "indirect"]
EntityKind = Literal["person", "org", "place", "outlet", "anonymous", "equipment"]


class Quote(TypedDict):
    """One quote, as ``quotegraph extract`` prints it.

    Offsets: ``content_start``/``content_end`` and ``speaker_start``/``speaker_end`` are UTF-8
    byte offsets into the article text; the ``*_char_*`` twins are character offsets, so
    ``text[q["content_char_start"]:q["content_char_end"]] == q["content"]`` in Python.
    """

    doc_id: Optional[str]
    content: str
    kind: QuoteKind
    cue: Optional[str]
    speaker: Optional[str]
    """The resolved speaker (``"Mark Rutte"`` for ``he``), or None when nobody is named."""
    speaker_mention: Optional[str]
    """The words in the text that name the speaker (a pronoun stays a pronoun)."""
    speaker_type: Optional[str]
    content_start: int
    content_end: int
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    content_char_start: int
    content_char_end: int
    speaker_char_start: Optional[int]
    speaker_char_end: Optional[int]
    confidence: float
    link: Literal["cue", "continuation", "none"]


class SpeakerFact(TypedDict):
    name: str
    kind: EntityKind
    mention: str


class QuoteFact(TypedDict):
    start: int
    end: int
    kind: QuoteKind
    content: str
    cue: NotRequired[str]
    speaker: NotRequired[SpeakerFact]
    confidence: float
    context: str


class MentionFact(TypedDict):
    start: int
    end: int
    kind: EntityKind
    name: str
    alias: str
    role: NotRequired[str]
    affiliations: NotRequired[List[str]]


class StanceFact(TypedDict):
    quote: int
    """Index into the record's ``quotes``."""
    kind: EntityKind
    name: str
    score: float
    """In [-1, 1]: below 0 the quote opposes the target, above 0 it supports it."""


class Facts(TypedDict):
    """What one article says (the facts format, ``schema_version`` 1): one line of a
    ``*.facts.jsonl`` shard. Offsets are UTF-8 byte offsets into the article text."""

    schema_version: int
    doc_id: str
    title: NotRequired[str]
    source: NotRequired[str]
    url: NotRequired[str]
    date: NotRequired[str]
    author: NotRequired[str]
    content_hash: str
    quotes: List[QuoteFact]
    mentions: List[MentionFact]
    stances: List[StanceFact]


class Article(TypedDict):
    """An article as :func:`quotegraph.read_articles` yields it (and the ``*_many`` functions
    take it: only ``text`` is required there)."""

    id: str
    text: str
    title: Optional[str]
    source: Optional[str]
    url: Optional[str]
    date: Optional[str]
    author: Optional[str]
    origin: str
    """Where it was read: ``path``, ``path:line``, ``path: item N``."""
