"""Plain-text reports, with optional `Key: value` header lines on top.

    Title: Flood hits town
    Date: 2024-08-15
    Source: Daily Planet

    The river burst its banks...

The header block is the run of header lines at the very start; it ends at the first line
that is not one, and the blank lines after it are the separator. `Article.text` is everything
after that, unchanged. Without a header block `Article.text` is the decoded input exactly.
"""

from __future__ import annotations

import re
from typing import Final

from corroborate.errors import InputError
from corroborate.ingest.meta import clean, normalize_date
from corroborate.model import Article

# Header names (lower case) → the Article field they fill.
HEADERS: Final = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "source": "outlet",
    "outlet": "outlet",
    "url": "url",
    "link": "url",
    "author": "author",
    "by": "author",
    "language": "lang",
    "lang": "lang",
}
_HEADER_LINE = re.compile(r"([A-Za-z]+)[ \t]*:[ \t]*(.*?)[ \t]*(?:\r\n|\r|\n|$)")
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\r|\n)")


def split_headers(text: str) -> tuple[dict[str, str], int]:
    """The header fields and the offset in `text` where the body starts (0: no headers)."""
    fields: dict[str, str] = {}
    pos = 0
    while (match := _HEADER_LINE.match(text, pos)) and match.end() > pos:
        name = match.group(1).lower()
        if name not in HEADERS:
            break
        field = HEADERS[name]
        if match.group(2):
            fields.setdefault(field, match.group(2))
        pos = match.end()
    if not pos:
        return {}, 0
    while (blank := _BLANK_LINE.match(text, pos)) and blank.end() > pos:
        pos = blank.end()
    return fields, pos


def parse_text(text: str, *, origin: str, url: str | None = None) -> Article | InputError:
    """An Article from decoded text (a UTF-8 BOM already removed by the decoder)."""
    fields, body_start = split_headers(text)
    body = text[body_start:]
    if not body.strip():
        reason = "no text after the header lines" if fields else "empty (only whitespace)"
        return InputError(origin, reason)
    return Article(
        text=body,
        title=clean(fields.get("title")),
        url=clean(fields.get("url")) or url,
        outlet=clean(fields.get("outlet")),
        published=normalize_date(fields.get("published")),
        author=clean(fields.get("author")),
        lang=clean(fields.get("lang")),
        origin=origin,
    )
