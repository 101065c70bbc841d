"""Annotations over an article's text: each is a span (`start`, `end`) plus labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityLabel = Literal["PERSON", "ORG", "LOC", "MISC"]
SourceKind = Literal["person", "organisation", "report", "unattributed"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["neutral", "assertive", "distancing", "conceding"]
Severity = Literal["info", "warning"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` of `Article.text`."""

    start: int
    end: int
    label: str = ""  # what the span is: "sentence", "paragraph", "headline", "heading", ...

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: EntityLabel
    subtype: str | None = None  # a finer class where it can be measured: GPE, NORP, ...
    canonical: str | None = None  # the fullest form of the name in the article


@dataclass(slots=True)
class Speaker:
    """Who a quote is credited to, resolved to the fullest name in the article."""

    name: str | None
    start: int  # the mention that credits the quote (may be a pronoun or surname)
    end: int
    title: str | None = None  # "Ukrainian MP", "Ukraine's Chief of Staff"
    kind: SourceKind = "person"


@dataclass(slots=True)
class Cue:
    """The reporting verb or phrase ("said", "according to") and its stance."""

    start: int
    end: int
    verb: str = ""  # the lemma: "say", "add", "according to"
    stance: Stance = "neutral"


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Cue | None = None


@dataclass(slots=True)
class Source:
    """On whose authority a figure or claim stands."""

    name: str | None
    kind: SourceKind
    start: int | None = None
    end: int | None = None
    title: str | None = None


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    value: float
    unit: str | None = None  # normalised: "km2", "people", "settlements", "USD", "percent"
    value_max: float | None = None  # upper end of a range
    counted: str | None = None  # the counted thing as a noun phrase
    measure: str | None = None  # a normalised key to match the same quantity across outlets
    qualifier: str | None = None  # about | at least | more than | up to | nearly | ...
    period: str | None = None  # "past 24 hours"
    as_of: str | None = None  # ISO date
    location: str | None = None
    source: Source = field(default_factory=lambda: Source(None, "unattributed"))
    original_unit: str | None = None  # the unit as written, when it was converted
    original_value: float | None = None


@dataclass(slots=True)
class Claim:
    start: int
    end: int
    checkworthy: float  # 0..1
    attribution: Source = field(default_factory=lambda: Source(None, "unattributed"))
    hedged: bool = False
    figures: list[int] = field(default_factory=list)  # indices into Article.figures
    quotes: list[int] = field(default_factory=list)  # indices into Article.quotes


@dataclass(slots=True)
class Flag:
    start: int
    end: int
    kind: str  # stray_text | heading | unattributed_claim | loaded_language | ...
    severity: Severity = "info"
    explanation: str = ""
    category: str | None = None  # e.g. the loaded-language category
