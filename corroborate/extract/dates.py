"""Dates and periods in news text, resolved against the article's publication date.

- `find_dates(text, start, end, published)`: date mentions ("on Monday", "yesterday", "Aug 14",
  "14 August 2024", "2024-08-14") with the ISO date they stand for. A weekday is the most recent
  such day on or before the publication date ("last Monday": strictly before it), or the next
  one on or after it when the clause speaks of the future ("will vote on Monday"); a day and
  month without a year takes the publication year, or the year before when that would put it
  more than a week after publication. Mentions after "since", "from", "until", "before",
  "after" are boundaries of a period, not the day a figure stands for: they come back with
  `point=False`.
- `find_periods(text, start, end)`: the time span a figure covers ("in the past 24 hours" →
  "past 24 hours", "since Monday", "over the weekend" → "the weekend", "last week").
- `parse_published(published)`: the date part of an ISO date or date-time, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "Period", "find_dates", "find_periods", "parse_published"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_BOUNDARY = r"(?P<boundary>since|from|until|till|before|after|between)\s+"
_DATE_RE = re.compile(
    rf"(?:{_BOUNDARY}|(?P<last>last)\s+)?(?:"
    rf"(?P<wd>{_WEEKDAY})"
    rf"|(?P<mdm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy>\d{{4}})"
    rf"|\s+of\s+(?P<mdlast>last\s+year))?"
    rf"|(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH})\.?(?:,?\s+(?P<dmy>\d{{4}}))?"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning|"
    rf"this\s+afternoon|this\s+evening|last\s+night)"
    rf")\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a\s+few|several|a\s+couple\s+of)"
    r"(?:\s+and\s+a\s+half)?"
)
_UNIT = r"(?:hours?|days?|nights?|weeks?|months?|years?|decades?)"
_BASIS_UNIT = r"year|quarter|month|week"
# A rate's basis, in one form for every wording, so that figures can be matched on it: 2.7%
# "on the year" and 0.3% "on the month" are two different quantities.
_BASIS_WORD = re.compile(r"year|quarter|(?<!12 )(?<!twelve )month|week", re.IGNORECASE)
# what a rate is counted over: "a day", "per hour", "each week"
RATE_UNITS = r"hour|day|night|week|month|quarter|year"
_PERIOD_RE = re.compile(
    r"\b(?:"
    # in the past 24 hours / over the last week / during the previous three days
    rf"(?:in|over|during|within|for|throughout)\s+the\s+(?P<past>(?:past|last|previous|"
    rf"preceding|first|next)\s+(?:{_NUMBER_WORDS}\s+)?{_UNIT}(?:\s+and\s+a\s+half)?)"
    # since Monday / since August 6 / since 2022 / since the start of the invasion
    rf"|(?P<since>since\s+(?:(?:the\s+)?(?:start|beginning|outbreak|launch|end)\s+of\s+"
    rf"(?:the\s+|its\s+|their\s+|this\s+|last\s+)?(?:full[- ]scale\s+)?[\w-]+"
    rf"|{_WEEKDAY}|{_MONTH}\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:19|20)\d\d|yesterday|last\s+(?:week|month|year|night|{_WEEKDAY})))"
    # over the weekend / this week / last month / so far this year / overnight
    rf"|(?:over|during)\s+(?P<weekend>the\s+(?:weekend|night|summer|winter|spring|autumn|"
    rf"holidays?))"
    rf"|(?P<calendar>(?:so\s+far\s+)?(?:this|last)\s+(?:week|weekend|month|year))"
    rf"|(?P<overnight>overnight)"
    # in two and a half years / within 48 hours / for three days
    rf"|(?:in|over|within|for)\s+(?P<span>{_NUMBER_WORDS}\s+{_UNIT})"
    # what a rate of change is measured against: year on year / on the month / from a year
    # earlier / from the previous quarter (see `_BASIS`)
    rf"|(?P<basis>(?:{_BASIS_UNIT})[- ]on[- ](?:{_BASIS_UNIT})"
    rf"|on\s+(?:the|a)\s+(?:{_BASIS_UNIT})(?!-|\s+(?:ahead|end|before|after|of)\b)"
    rf"|(?:from|on|than|compared\s+(?:with|to)|against)\s+(?:a|one|the\s+same\s+\w+\s+a)\s+"
    rf"(?:{_BASIS_UNIT})\s+(?:earlier|ago|before)"
    rf"|(?:from|than|compared\s+(?:with|to)|against)\s+the\s+(?:previous|prior|preceding)\s+"
    rf"(?:{_BASIS_UNIT})"
    rf"|in\s+the\s+(?:12|twelve)\s+months\s+(?:to|through|ending)(?=\s)"
    rf"|on\s+an\s+annual\s+basis)"
    # a rate: "5,000 barrels a day", "3% a year", "$40 per hour" (not "a year earlier", "for
    # a day", "a day of mourning": a comparison, a span, a name of a day)
    r"|(?<!\bfor\s)(?<!\bin\s)(?<!\bon\s)(?<!\bof\s)(?<!\bthan\s)(?<!\bhalf\s)(?<!\bover\s)"
    rf"(?P<rate>(?:a|an|per|each|every)\s+(?P<rate_unit>{RATE_UNITS}))"
    r"(?![-\w]|\s+(?:earlier|ago|before|after|later|of|on|in|or|and|long|old|from|since|too)\b)"
    r")\b",
    re.IGNORECASE,
)


# The expressions above are slow to scan for; a sentence without one of these words has none.
_DATE_TRIGGERS = frozenset(
    [*_WEEKDAYS, "yesterday", "today", "tonight", "this", "last", "day"]
    + [m for m in _MONTHS]
    + ["january", "february", "march", "april", "june", "july", "august", "september",
       "sept", "october", "november", "december"]
)  # fmt: skip
_PERIOD_TRIGGERS = frozenset(
    ["hour", "hours", "day", "days", "night", "nights", "week", "weeks", "month", "months",
     "year", "years", "decade", "decades", "weekend", "overnight", "since", "from", "summer",
     "winter", "spring", "autumn", "holiday", "holidays", "quarter", "quarters", "annual"]
)  # fmt: skip
_LETTERS = re.compile(r"[A-Za-z]+")
_ISO_HINT = re.compile(r"\d{4}-\d{2}-\d{2}")


def _has_word(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    return any(m.group().lower() in words for m in _LETTERS.finditer(text, start, end))


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    iso: str | None  # None when it cannot be resolved (no publication date, no year)
    point: bool  # False for a period boundary: "since Monday"


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int
    text: str  # normalised: "past 24 hours", "since Monday", "the weekend", "last week"


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def find_dates(
    text: str, start: int = 0, end: int | None = None, published: str | None = None
) -> list[DateMention]:
    end = len(text) if end is None else end
    if not _has_word(text, start, end, _DATE_TRIGGERS) and not _ISO_HINT.search(text, start, end):
        return []
    pub = parse_published(published)
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text, start, end):
        future = bool(_FUTURE_BEFORE.search(text, max(start, m.start() - 80), m.start()))
        iso = _resolve(m, pub, future=future)
        # "since the start of the operation on Aug 6": the start of a period, like "since Monday"
        since = _SINCE_BEFORE.search(text, max(start, m.start() - 60), m.start())
        out.append(
            DateMention(m.start(), m.end(), iso, point=m.group("boundary") is None and not since)
        )
    return out


_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.!?]{0,50}$", re.IGNORECASE)

# the clause before a weekday speaks of the future: "will meet on Monday", "is due to ...",
# "could rise ... before cresting on Tuesday", "would stay closed until at least Thursday",
# "50 millimetres expected by Tuesday evening" (a forecast)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|could|would|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|slated)"
    r"\s+to|plans?\s+to|planning\s+to|going\s+to|(?:expected|forecast)\s+(?:by|on|until)"
    r"|takes?\s+effect|comes?\s+into\s+(?:force|effect)|(?:due|set|scheduled)\s+(?:on|for)"
    r"|deadline\s+(?:of|is))"
    r"\b[^.;!?]*$",
    re.IGNORECASE,
)


def _resolve(m: re.Match[str], pub: date | None, *, future: bool = False) -> str | None:
    if m.group("iso"):
        try:
            return date.fromisoformat(m.group("iso")).isoformat()
        except ValueError:
            return None
    if m.group("wd"):
        if pub is None:
            return None
        wanted = _WEEKDAYS.index(m.group("wd").lower())
        if future and not m.group("last"):  # "will vote on Monday": the next one
            return (pub + timedelta(days=(wanted - pub.weekday()) % 7)).isoformat()
        back = (pub.weekday() - wanted) % 7
        if m.group("last") and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat()
    if m.group("rel"):
        if pub is None:
            return None
        rel = " ".join(m.group("rel").lower().split())
        days = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}.get(rel, 0)
        return (pub - timedelta(days=days)).isoformat()
    month_name = m.group("mdm") or m.group("dmm")
    day_text = m.group("mdd") or m.group("dmd")
    year_text = m.group("mdy") or m.group("dmy")
    month = _MONTHS[month_name[:3].lower()]
    day = int(day_text)
    if year_text:
        year = int(year_text)
    elif m.group("mdlast") and pub is not None:
        year = pub.year - 1
    elif pub is not None:
        year = pub.year
    else:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not year_text and pub is not None and found > pub + timedelta(days=7) and not future:
        # ("takes effect July 1", "will vote on November 5": the date ahead, this year)
        try:
            found = date(year - 1, month, day)
        except ValueError:
            return None
    return found.isoformat()


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Period]:
    end = len(text) if end is None else end
    if not _has_word(text, start, end, _PERIOD_TRIGGERS):
        return []
    out: list[Period] = []
    for m in _PERIOD_RE.finditer(text, start, end):
        group = next(
            g
            for g in ("past", "since", "weekend", "calendar", "overnight", "span", "basis", "rate")
            if m.group(g)
        )
        s, e = m.start(group), m.end(group)
        if group == "basis":
            # "in the 12 months to August", "on an annual basis": year on year
            found = _BASIS_WORD.findall(text, s, e)
            unit = found[-1].lower() if found else "year"
            out.append(Period(m.start(), m.end(), f"{unit} on {unit}"))
            continue
        if group == "rate":
            out.append(Period(m.start(), m.end(), f"per {m.group('rate_unit').lower()}"))
            continue
        words = text[s:e].split()
        if group in {"since", "calendar"}:
            words[0] = words[0].lower()  # "Since Monday" at a sentence start
        out.append(Period(m.start(), m.end(), " ".join(words)))
    return out
