"""RSS and Atom feeds (feedparser): one article per entry.

An entry's own text is usually a teaser; with `follow_links` the linked page is fetched and
extracted instead, and when that fails the teaser is still kept (with an error line for the
link) because a short text is more use to an analyst than none.

An aggregator's feed (a news search, a regional round-up) carries items from many outlets and
names each item's publisher in `<source>` (RSS 2.0: `<source url="...">Outlet</source>`; Atom:
`<source><title>Outlet</title></source>`). That outlet wins over the feed's own title, which
is only the fallback: outlets decide which reports count as independent, so crediting a dozen
outlets' reports to the one aggregator would make them look like copies of each other.
"""

from __future__ import annotations

import io
import xml.sax
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import feedparser

from corroborate.errors import InputError
from corroborate.ingest.fetch import is_url
from corroborate.ingest.fragments import html_to_text
from corroborate.ingest.meta import clean, normalize_date
from corroborate.model import Article

# Fetch-and-extract one linked page; supplied by the caller so feeds need not know how.
Follow = Callable[[str], Article | InputError]


def read_feed(
    data: bytes, *, name: str, follow: Follow | None = None
) -> Iterator[Article | InputError]:
    """Articles from the entries of an RSS or Atom feed; `follow` fetches linked pages."""
    # A stream, not bytes or str: feedparser treats a string that looks like a URL or a
    # path as something to open, and this must only ever parse what we were given.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        yield InputError(name, f"malformed feed ({problem})" if problem else "feed has no entries")
        return
    feed_title = clean(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        item = f"{name}#entry {number}"
        outlet = _entry_outlet(entry) or feed_title
        teaser = _entry_article(entry, item=item, outlet=outlet)
        link = clean(entry.get("link"))
        if follow is not None and link and is_url(link):
            page = follow(link)
            if isinstance(page, Article):
                yield _merge(page, teaser, link=link, outlet=outlet)
                continue
            yield page
        if teaser is None:
            yield InputError(item, "entry has no text")
        else:
            yield teaser
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException):
        # feedparser recovers what it can from broken XML (a truncated download, typically);
        # the entries above were kept, but the feed itself is reported as damaged. Other
        # "bozo" reasons (a charset declared wrongly) are harmless and not reported.
        yield InputError(name, f"malformed feed ({problem}); {len(parsed.entries)} entries read")


def _entry_article(entry: Any, *, item: str, outlet: str | None) -> Article | None:
    text = _entry_text(entry)
    if not text.strip():
        return None
    return Article(
        text=text,
        title=clean(entry.get("title")),
        url=clean(entry.get("link")),
        outlet=outlet,
        published=_entry_date(entry),
        author=clean(entry.get("author")),
        origin=item,
    )


def _entry_outlet(entry: Any) -> str | None:
    """The outlet an item names as its source (feedparser: `entry.source.title`), if any."""
    source = entry.get("source")
    return clean(source.get("title")) if isinstance(source, dict) else None


def _entry_text(entry: Any) -> str:
    # The fullest text first: content:encoded / Atom content, then the summary.
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if entry.get("summary"):
        candidates.append(entry.get("summary_detail") or {"value": entry["summary"]})
    for candidate in candidates:
        value = str(candidate.get("value") or "")
        kind = str(candidate.get("type") or "text/html")
        text = value.strip() if kind == "text/plain" else html_to_text(value)
        if text.strip():
            return text
    return ""


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return normalize_date(entry[key])
    return None


def _merge(page: Article, teaser: Article | None, *, link: str, outlet: str | None) -> Article:
    """The linked page's article, with the entry's metadata where the page had none."""
    if teaser is None:
        return replace(page, url=page.url or link, outlet=page.outlet or outlet)
    return replace(
        page,
        title=page.title or teaser.title,
        url=page.url or link,
        outlet=page.outlet or outlet,
        published=page.published or teaser.published,
        author=page.author or teaser.author,
    )
