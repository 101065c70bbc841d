"""Datelines: where and when a wire report was filed, written before its first sentence.

"KYIV, Aug 26 (Capital Wire) - Russia fired ...", "WASHINGTON — The Fed ...", or on a line of
its own, "MOSCOW 1996-08-30". A dateline is part of the report's layout, not of what anyone
said: quotes and claims start after it, and its place is not where a figure happened.
"""

from __future__ import annotations

import re

__all__ = ["DATELINE", "DATELINE_LINE", "MONTH", "after_dateline", "dateline_date"]

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?)"
)
# KYIV, NEW YORK, URUS-MARTAN, and two filing places: MOSCOW/KYIV
_CAPS_PLACE = (
    r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}(?:/[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2})?"
)
_COUNTRY = r"[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2}"  # ", Pakistan", ", New Jersey"

# The loose form a paragraph may open with: a capitalised place, maybe its state or country
# and a short date and a credit, then a dash ("NEW YORK (UPI) — ...", "Kyiv, Aug 26 -",
# "TALLAHASSEE, Fla., Sept 27 (Wire) - "). Every word of the place is capitalised (a
# sentence's words are not: "The crisis has moved on since then - "), and a section label
# ("Analysis - ") is no place.
_PLACE_WORD = r"(?:[A-Z][A-Za-z.'/-]*|of|de|la|le|upon|on|am|an|der)"
_LABELS = r"(?:Analysis|Comment|Opinion|Editorial|Update|Updated|Exclusive|Breaking|Explainer"
_LABELS += r"|Review|Live|Factbox|Insight|Correction|Watch|Listen|Video|Photos?)\b"
DATELINE = re.compile(
    rf"^(?!{_LABELS})[A-Z][A-Za-z.'/-]*(?:\s+{_PLACE_WORD}){{0,4}}"
    rf"(?:,\s*{_COUNTRY})?(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s"
)
# A dateline standing on its own line: "MOSCOW 1996-08-30", "SIALKOT, Pakistan 1996-12-06",
# "KYIV, Aug. 12, 2024". The place in capitals, then a date; no verb.
DATELINE_LINE = re.compile(rf"^{_CAPS_PLACE}(?:,\s*{_COUNTRY})?,?\s+{_DATE}\s*$")
# The strict opening form, for cutting a dateline off a sentence: the place in capitals, three
# letters or more (a date and a credit optional), or any capitalised place with a date or a
# credit; then a dash. "The president - who ...", "US - China talks" are no datelines.
_OPENING = re.compile(
    rf"(?:[A-Z][A-Z.'-]{{2,}}(?:\s+[A-Z][A-Z.'-]+){{0,3}}(?:/[A-Z][A-Z.'-]{{2,}})?"
    rf"(?:,\s*{_COUNTRY})?(?:,?\s+{_DATE})?"
    rf"\s*(?:\([^)]{{1,40}}\))?"
    rf"|{_COUNTRY}(?:,?\s+{_DATE}\s*(?:\([^)]{{1,40}}\))?|\s*\([^)]{{1,40}}\)))"
    r"\s*[—–-]{1,2}\s+"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the sentence or quote at text[start:end] begins once a dateline opening it is
    cut off: `start` when it has none."""
    found = _OPENING.match(text, start, end)
    return found.end() if found and found.end() < end else start


_DATED = re.compile(
    rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<md>{MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
    rf"|(?P<dm>\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
)


def dateline_date(text: str) -> str | None:
    """The full date of a dateline opening the report ("MOSCOW 1996-08-30", "KYIV, Aug. 12,
    2024 (Wire) - ..."), as YYYY-MM-DD; None without one or without a year. What a report with
    no publication date of its own was filed on: its "on Monday" can be resolved from it."""
    for line in text[:400].splitlines()[:4]:
        line = line.strip()
        if not line:
            continue
        head = _OPENING.match(line) or DATELINE_LINE.match(line)
        if head is None:
            continue
        found = _DATED.search(line, 0, head.end())
        if found is None:
            return None
        return _iso(found.group(0))
    return None


def _iso(written: str) -> str | None:
    from datetime import datetime

    plain = re.sub(
        r"\bSept\b", "Sep", " ".join(written.replace(".", " ").replace(",", " ").split())
    )
    for form in ("%Y-%m-%d", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(plain, form).date().isoformat()
        except ValueError:
            continue
    return None
