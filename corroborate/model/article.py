"""The article: it owns the text every annotation points into."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from corroborate.model.annotations import Claim, Entity, Figure, Flag, Quote, Span

Profile = dict[str, Any]  # the sourcing profile: named_sources, direct_quotes, ...


def content_id(text: str) -> str:
    """A stable id from content: the same text always gets the same id.

    Whitespace and Unicode normalisation are folded away so that the same report saved
    with different line endings is still the same report.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) as given by the source
    author: str | None = None
    lang: str | None = None
    origin: str | None = None  # where it was read from: a path, URL, "file.warc#3", "<stdin>"
    sentences: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    profile: Profile = field(default_factory=dict)
    analysed: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    @property
    def host(self) -> str | None:
        """The website of its URL, lower case, without a final dot ("www.abc.net.au"), or None."""
        try:
            host = urlsplit(self.url).hostname if self.url else None
        except ValueError:  # "http://[bad": not a URL a host can be read from
            return None
        return (host or "").rstrip(".") or None

    @property
    def source_label(self) -> str:
        """Who published it, as a reader can tell: the outlet, else the website of its URL,
        else the file it came from ("report.txt", "feed.jsonl#3"), else its id's first 8
        characters. Reports and tables show this instead of a bare id."""
        if self.outlet:
            return self.outlet
        host = self.host
        if host:
            return host.removeprefix("www.")
        if self.origin and self.origin != "<stdin>":
            return self.origin.rsplit("/", 1)[-1]
        return self.id[:8]

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]
