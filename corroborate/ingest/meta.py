"""Metadata clean-up shared by every reader: dates to ISO `YYYY-MM-DD`, stray whitespace away."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

# Day-first and month-name forms seen in news bylines. Purely numeric day/month orders other
# than ISO and d.m.Y are left alone: "03/04/2024" is April in London and March in New York.
_DATE_FORMATS = (
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%d %B %Y %H:%M",
    "%B %d, %Y %H:%M",
)
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\b")


def clean(value: Any) -> str | None:
    """A metadata value as a single stripped line, or None when there is nothing."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [c for c in (clean(v) for v in value) if c]
        return ", ".join(parts) or None
    if isinstance(value, dict):
        # e.g. NewsAPI's {"source": {"id": "bbc-news", "name": "BBC News"}}
        return clean(value.get("name") or value.get("title") or value.get("value"))
    text = " ".join(str(value).split())
    return text or None


def normalize_date(value: Any) -> str | None:
    """`YYYY-MM-DD`: the day the source gives, whatever the format it gives it in.

    The output contract's `published` is a date. Only some inputs carry a time of day (an
    RSS pubDate does; trafilatura reports a page's date without one), so keeping the time
    where there is one would make the same report read from a feed and from its page differ,
    and would sort a timed copy after an untimed one of the same day. The day is the one
    written in the source's own time zone, not converted to UTC: "11 Mar 23:30 -0500" is the
    11th, as the outlet dated it. Unparseable values are kept as given (stripped): losing a
    date is worse than an odd one.
    """
    if isinstance(value, time.struct_time):
        return date(*value[:3]).isoformat()
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(value)
    text = clean(value)
    if text is None:
        return None
    parsed = _parse(text)
    return text if parsed is None else parsed.date().isoformat()


def _from_epoch(value: float) -> str | None:
    # Unix time in seconds or milliseconds (JSON APIs use both); anything else is not a date.
    # An instant has no time zone of its own; UTC is the one every other tool would use.
    seconds = value / 1000 if value > 1e11 else value
    if not 0 < seconds < 4e9:
        return str(value)
    return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()


def _parse(text: str) -> datetime | None:
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)  # RFC 2822: RSS pubDate, HTTP headers
    except (TypeError, ValueError, IndexError):
        pass
    plain = _ORDINAL.sub(r"\1", text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(plain, fmt)
        except ValueError:
            continue
    return None
