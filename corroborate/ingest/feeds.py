"""RSS and Atom feeds (feedparser): one article per entry.

An entry's own text is usually a teaser; with `follow_links` the linked page is fetched and
extracted instead. When that fails the entry is an error (naming the link) and its teaser is
not kept: the user asked for the page, and a teaser stored in its place would be a different
text, with a different content id, from the page a later run fetches, so retrying would add
the report a second time instead of being a no-op. An entry without an http(s) link has no
page to follow and keeps its own text.

An aggregator's feed (a news search, a regional round-up) carries items from many outlets and
names each item's publisher in `<source>` (RSS 2.0: `<source url="...">Outlet</source>`; Atom:
`<source><title>Outlet</title></source>`). That outlet wins over the feed's own title, which
is only the fallback: outlets decide which reports count as independent, so crediting a dozen
outlets' reports to the one aggregator would make them look like copies of each other.
Either title is a feed's title ("Harbour Wire: latest", "Evening Post - Top stories | RSS"),
so the decorations feeds add to the outlet's name are dropped before it is used as one.
"""

from __future__ import annotations

import io
import re
import xml.sax
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, Final

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
    feed_outlet = outlet_from_title(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        item = f"{name}#entry {number}"
        outlet = _entry_outlet(entry) or feed_outlet
        teaser = _entry_article(entry, item=item, outlet=outlet)
        link = clean(entry.get("link"))
        if follow is not None and link and is_url(link):
            page = follow(link)
            # The page, or its error: never the teaser in its place (see the module docstring).
            if isinstance(page, Article):
                yield _merge(page, teaser, link=link, outlet=outlet)
            else:
                yield page
            continue
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
    return outlet_from_title(source.get("title")) if isinstance(source, dict) else None


# Words that describe a feed rather than name an outlet ("Latest news", "Top stories", "RSS").
_FEED_WORDS: Final = frozenset(
    {"latest", "news", "top", "stories", "story", "headlines", "breaking", "recent", "new",
     "updates", "articles", "posts", "all", "the", "most", "popular", "home", "homepage",
     "front", "page", "main", "rss", "atom", "feed", "feeds", "xml"}
)  # fmt: skip
# Between an outlet's name and a decoration: ": ", or a dash, bar, bullet or chevron with
# spaces around it. An unspaced hyphen is part of a name ("Post-Gazette"). Captured, so that
# the separators inside the name are put back as they were.
_SEPARATOR: Final = re.compile(r"(:\s+|\s+[-–—|·•»:]+\s+)")
# A feed format trailing the name without a separator: "Harbour Wire RSS feed". A bare "feed"
# is not enough: it can be the name's own last word ("The Feed").
_FORMAT_SUFFIX: Final = re.compile(r"\s+(?:rss|atom|xml)(?:\s+feeds?)?$", re.IGNORECASE)


def outlet_from_title(title: Any) -> str | None:
    """A feed title as an outlet: "Harbour Wire: latest" → "Harbour Wire".

    Parts made only of feed words (or version numbers: "RSS 2.0") are dropped from either end;
    what is left is the name. A title that is nothing but feed words ("Top stories") is kept
    whole: all the feed's items then share that outlet, as they share the feed, where None
    would leave them with no outlet at all.
    """
    text = clean(title)
    if text is None:
        return None
    parts = _SEPARATOR.split(text)  # [name, separator, name, separator, name, ...]
    while len(parts) > 1 and _is_decoration(parts[-1]):
        del parts[-2:]
    while len(parts) > 1 and _is_decoration(parts[0]):
        del parts[:2]
    name = "".join(parts)
    return _FORMAT_SUFFIX.sub("", name) or name


def _is_decoration(part: str) -> bool:
    words = re.findall(r"[\w.]+", part.lower())
    return all(w in _FEED_WORDS or re.fullmatch(r"v?[\d.]+", w) for w in words)


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
