"""Many articles together: origins (copies collapsed), stories, events and alignments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FigureRelation = Literal["agree", "update", "conflict", "arithmetic", "single"]
ClaimStatus = Literal["corroborated", "single_source", "contradicted"]


@dataclass(slots=True)
class Origin:
    """One independent source text: an article and every copy of it (syndication, duplicates)."""

    id: str
    article_ids: list[str]
    outlets: list[str]
    kind: Literal["single", "exact_duplicate", "near_duplicate"] = "single"


@dataclass(slots=True)
class FigureGroup:
    """Figures for the same measure and location across the articles of a story."""

    measure: str
    location: str | None
    unit: str | None
    relation: FigureRelation
    # each: {"article": id, "origin": id, "outlet", "index": i, "start", "value", "value_max",
    #        "qualifier", "as_of", "source": name, "status"}; for "arithmetic" also "role"
    #        ("part" | "total")
    members: list[dict[str, Any]] = field(default_factory=list)
    explanation: str = ""


@dataclass(slots=True)
class ClaimGroup:
    """Claims that say the same thing, from one or more articles."""

    id: str
    label: str
    status: ClaimStatus
    independent_origins: int
    # each: {"article": id, "origin": id, "outlet", "index": i, "start", "end",
    #        "stance": "states|contradicts"}
    members: list[dict[str, Any]] = field(default_factory=list)
    explanation: str = ""


@dataclass(slots=True)
class QuoteTrack:
    """The same quote as it appears across outlets."""

    id: str
    text: str  # the earliest wording
    # each: {"article": id, "origin", "outlet", "index": i, "start", "end", "speaker", "title",
    #        "published", "similarity"}
    members: list[dict[str, Any]] = field(default_factory=list)
    speakers_differ: bool = False
    first_article: str | None = None
    titles_differ: bool = False  # the same speaker credited with different titles


@dataclass(slots=True)
class Story:
    id: str
    event: str  # the id of the event it belongs to
    label: str
    article_ids: list[str] = field(default_factory=list)
    start: str | None = None  # first published date
    end: str | None = None  # last published date
    key_entities: list[str] = field(default_factory=list)
    headline: str | None = None
    origins: list[Origin] = field(default_factory=list)
    figures: list[FigureGroup] = field(default_factory=list)
    claims: list[ClaimGroup] = field(default_factory=list)
    quotes: list[QuoteTrack] = field(default_factory=list)
    # how reports were compared: "embeddings" (MiniLM) or "lexical" (the fallback without them)
    similarity: str = "lexical"


@dataclass(slots=True)
class Event:
    id: str
    label: str
    story_ids: list[str] = field(default_factory=list)
    start: str | None = None  # first published date of its stories
    end: str | None = None
    key_entities: list[str] = field(default_factory=list)
    similarity: str = "lexical"  # "embeddings" or "lexical", as for Story
    # figures aligned across all the event's stories (updates often span stories)
    figures: list[FigureGroup] = field(default_factory=list)
