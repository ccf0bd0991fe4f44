"""Typed records passed between pipeline stages.

Every stage (ingest -> extract -> claims -> normalize -> compare -> report /
review) reads and writes these dataclasses, never ad-hoc dicts, so the contract
between stages is visible in one place.  Offsets are always character offsets
into ``Source.text`` (the decoded, line-ending-normalised text), half-open
``[start, end)`` so that ``text[start:end]`` is the quoted string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "year", "decade", "century", "range", "unknown"]
PubBasis = Literal["stated", "metadata", "inferred", "unknown"]
Severity = Literal["error", "warning", "info"]
Origin = Literal["extracted", "manual"]
EntityKind = Literal["person", "org", "country", "place", "unknown"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
CLAIM_KINDS: tuple[str, ...] = (
    "event_date",  # an event dated by an absolute expression ("October 28 1965")
    "anniversary",  # an event dated through "the Nth anniversary" / "Nth birthday"
    "elapsed",  # an event dated through "N years ago", "last year", "this month"
    "ordinal",  # "his fourth visit": the rank of one event in a series
    "count",  # "over two hundreds delegations"
    "role",  # a title a person held at a time
    "place",  # where an event took place
)


# --------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class SetAside:
    """A stretch of page furniture that produces no claims (shown in the report)."""

    start: int
    end: int
    reason: str  # human-readable: "related-articles list", "cookie banner", ...
    rule: str  # id of the furniture rule that fired (rules/furniture.yaml)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article's main text (never inside set-aside furniture)."""

    start: int
    end: int
    paragraph: int  # index of the paragraph the sentence belongs to
    index: int  # running index of the sentence in the source


@dataclass
class Source:
    """One input document after ingest."""

    id: str  # file stem
    path: str  # path as given (relative to the sources folder's parent when possible)
    text: str  # decoded text; every span indexes into it
    sha256: str  # hash of ``text``: the extraction cache key
    format: Literal["txt", "md", "html"] = "txt"
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    published: str | None = None  # ISO 8601 truncated to its precision
    published_basis: PubBasis = "unknown"
    published_evidence: str = ""
    set_aside: list[SetAside] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]

    def in_furniture(self, start: int, end: int) -> bool:
        return any(a.start < end and start < a.end for a in self.set_aside)


# ----------------------------------------------------------------------- time


@dataclass(frozen=True)
class TimeValue:
    """A calendar value as an inclusive interval of days with an honest precision.

    "1965" is [1965-01-01, 1965-12-31] at year precision; "March 1-2 2019" is
    [2019-03-01, 2019-03-02] at range precision.  ``mod`` widens the interval
    for comparison ("more than", "about", "before", "after").
    """

    start: date
    end: date
    precision: Precision
    mod: str | None = None  # approx | after | before | start | mid | end

    @property
    def iso(self) -> str:
        s, e = self.start, self.end
        if self.precision == "day":
            return s.isoformat()
        if self.precision == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.precision == "year":
            return f"{s.year:04d}"
        if self.precision == "decade":
            return f"{s.year // 10:03d}"
        if self.precision == "century":
            return f"{s.year // 100:02d}"
        return f"{s.isoformat()}/{e.isoformat()}"

    def overlaps(self, other: TimeValue) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(slots=True)
class TimeExpr:
    """A temporal expression found in text, before or after resolution.

    ``expr`` is the underspecified value written at extraction time (TimeML /
    HeidelTime style): "1965-10-28", "XXXX-06-24" (year from context),
    "PUB-57Y" (57 years before publication), "REF" (the last explicit date in
    the text), "PUB-1Y" ("last year"), "PUB" ("this year").
    """

    start: int
    end: int
    text: str
    kind: str  # date | range | relative | anniversary | age | elapsed | vague | anaphoric
    expr: str
    value: TimeValue | None = None  # filled when absolute or once resolved
    n: int | None = None  # the N of "Nth anniversary", "N years ago"
    mod: str | None = None
    derivation: str = ""


# ---------------------------------------------------------------------- names


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name (or a resolvable short form) in a source."""

    source: str
    start: int
    end: int
    text: str  # surface form as written
    kind: EntityKind
    key: str  # normalised comparison key (casefolded, no diacritics/hyphens)
    via: str = "name"  # name | alias | acronym | title | pronoun


@dataclass
class Entity:
    """A resolved person, organisation, country or place across the corpus."""

    id: str  # stable slug of the canonical name
    canonical: str
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)  # accepted alternative names
    distinct_from: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NameVariant:
    """Two surface forms judged to name one entity, with why."""

    entity: str
    forms: tuple[str, ...]
    difference: str  # hyphenation | spacing | letters | diacritics | initials
    explanation: str


# --------------------------------------------------------------------- claims


@dataclass
class Claim:
    """One factual claim from one source: the row of the claim tables.

    ``event`` is a normalised event key (type, participants, qualifier) such as
    ``relations:dprk+laos``; ``subject`` is the entity or event the claim is
    about, for display.  ``expr`` keeps the underspecified time value so that a
    claim can be re-resolved when a publication date changes.
    """

    id: str
    source: str
    kind: str  # one of CLAIM_KINDS
    subject: str
    quote: str
    span: tuple[int, int]
    event: str | None = None
    event_type: str | None = None
    participants: list[str] = field(default_factory=list)
    predicate: str = ""  # date | ordinal | count | title | place
    object: str | None = None  # counted thing, title body, place name
    value: str | int | float | None = None
    value_low: float | None = None  # counts: interval the bounds allow
    value_high: float | None = None
    precision: str | None = None
    bounds: str | None = None  # over | under | about | at_least | at_most | exactly
    expr: str | None = None  # underspecified time value, see TimeExpr
    time: str | None = None  # when a role/count/place holds (ISO)
    derivation: str = ""
    raw: str = ""  # the phrase the value came from
    occurrence: str | None = None  # claims read from one event mention share it
    origin: Origin = "extracted"
    resolved: bool = True
    note: str = ""  # free text a person may write
    checksum: str = ""  # fingerprint of machine-written fields (detects hand edits)


# ---------------------------------------------------------------------- flags


@dataclass(frozen=True)
class Evidence:
    source: str
    value: str
    quote: str
    span: tuple[int, int]
    claim: str | None = None  # claim id
    derivation: str = ""


@dataclass
class Flag:
    """A discrepancy between (or within) sources, with everything to check it."""

    id: str  # stable: derived from kind, slot and normalised values
    kind: str  # a flag kind registered in crosscheck.compare.registry
    severity: Severity
    subject: str
    summary: str  # one line a person can check
    evidence: list[Evidence]
    slot: str = ""  # the (entity or event, attribute, time) slot compared
    status: str = "open"  # open | accepted | rejected | ignored (from review)
    review_note: str = ""
    new: bool = True  # not in the baseline / review file before this run


@dataclass
class Review:
    """A person's decision on one flag; kept across runs by flag id."""

    flag: str
    status: str  # accepted | rejected | ignored
    note: str = ""
    reviewer: str = ""
    date: str = ""
    summary: str = ""  # the machine's summary at review time, kept beside the decision


@dataclass
class RunResult:
    """Everything one run produced: what the report writers and the gate read."""

    sources: list[Source]
    claims: list[Claim]
    flags: list[Flag]
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
