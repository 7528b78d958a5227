"""Frozen dataclasses handed between the pipeline stages.

Every offset is a character offset into `Document.text`, the article exactly as read from
its file (decoded as UTF-8, newlines untouched), never into a cleaned copy.
"""
from __future__ import annotations

from dataclasses import dataclass, field

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "more_than", "less_than", "vague", "hedged")
RELATIONS = ("agree", "conflict", "differs_scope", "differs_time")


@dataclass(frozen=True)
class Document:
    """One article: its original text, metadata and the spans kept after cleaning."""

    doc: str  # the input file's name (for a .jsonl line: "<file>#<line>")
    path: str  # where it was read from
    text: str  # the original text, offsets refer to this
    language: str = "id"
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, YYYY-MM, YYYY or None
    url: str | None = None
    via: tuple[str, ...] = ()  # agencies the article relays, in order of mention
    dateline: str | None = None  # place named at the head ("Baghdad")
    kept: tuple[tuple[int, int], ...] = ()  # [start, end) spans that are article body


@dataclass(frozen=True)
class Quantity:
    """A normalised figure: the interval it states, how it is qualified, what unit."""

    text: str  # the figure as written, e.g. "5.000 hingga 7.000"
    start: int
    end: int
    low: float
    high: float
    qualifier: str = "exact"
    unit: str = "count"
    currency: str | None = None
    noun: str | None = None  # the counted noun right after the figure ("anggota", "petempur")


@dataclass(frozen=True)
class Claim:
    """One figure as stated by someone in one document."""

    id: str
    doc: str
    quantity: Quantity
    sentence: str  # the sentence the figure was read from
    sentence_start: int
    sentence_end: int
    speaker: str | None = None  # as named in the text; None: the outlet itself
    speaker_type: str | None = None  # "person", "organization", "document" or None
    said_on: str | None = None  # ISO date, YYYY-MM or YYYY; None when unknown
    event_on: str | None = None  # date of the counted event, when it counts one event
    subject: str | None = None  # canonical entity the figure is about
    subject_inferred: bool = False  # True: not named in the sentence, taken from the document
    measure: str | None = None  # what is counted: noun class, then the action if any ("members killed")
    action: str | None = None  # the event verb class of the measure ("killed"), None for a state
    place: str | None = None  # canonical place the figure applies to
    via: str | None = None  # agency the claim is relayed through
    is_event: bool = False  # counts one event (killed in an operation) rather than a state
    is_part: bool = False  # one part of a breakdown or one batch ("termasuk 5.000 pejuang")
    same_as: str | None = None  # id of an earlier claim of the same document it restates
    publisher: str | None = None  # the document's outlet, denormalised for views
    url: str | None = None

    @property
    def start(self) -> int:
        """Start offset of the figure in the original text."""
        return self.quantity.start

    @property
    def end(self) -> int:
        """End offset of the figure in the original text."""
        return self.quantity.end


@dataclass(frozen=True)
class Comparison:
    """A verdict on two claims of the same comparison key."""

    a: str  # claim id
    b: str  # claim id
    relation: str  # one of RELATIONS
    reason: str  # plain-language explanation naming figures, speakers, outlets, dates


@dataclass(frozen=True)
class BuildResult:
    """What one build produced: the documents, their claims, the comparisons, the failures."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    comparisons: tuple[Comparison, ...]
    errors: tuple[str, ...] = field(default_factory=tuple)
