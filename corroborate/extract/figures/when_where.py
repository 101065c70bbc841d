"""When and where a figure holds: its period, its as-of date (resolved against the article's date)
and its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from corroborate.extract.datelines import after_dateline
from corroborate.extract.dates import find_dates
from corroborate.extract.figures.lexicon import _GEO_NOUNS, _MONTHS, _NOT_PLACES
from corroborate.model import Entity, Figure, Span

# fmt: off
_LOCATIVE = {
    "in", "near", "around", "across", "inside", "within", "outside", "throughout", "from", "at",
    "along", "into", "of", "on",
}
# fmt: on


_THAT_DAY = re.compile(r"\b(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b", re.I)


def _that_day(text: str, sent: Span, published: str | None) -> str | None:
    """ "That day", "the same evening": the date the report last named before the sentence."""
    if not _THAT_DAY.search(text, sent.start, sent.end):
        return None
    named = [d.iso for d in find_dates(text, 0, sent.start, published) if d.point and d.iso]
    return named[-1] if named else None


_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Oo]f)\s+((?:1[6-9]|20)\d\d)\b(?!\s*[-–]|\s+to\b)")


def _past_year(text: str, sent: Span, fig: Figure, pub: Any) -> str | None:
    """ "In 1999, 35 people died", "down from 365 in 2019": a figure about a past year is as of
    that year's end. The year opens the sentence or follows the figure closely."""
    if pub is None:
        return None
    m = _IN_YEAR.match(text, sent.start) or _IN_YEAR.search(
        text, fig.end, min(sent.end, fig.end + 70)
    )
    if m is None or int(m.group(1)) >= pub.year:
        return None
    if m.start() > fig.end and re.search(r"[,;]|\d", text[fig.end : m.start()]):
        return None  # "121 seats, down from 365 in 2019": the year belongs to the other number
    return f"{m.group(1)}-12-31"


_IN_MONTH = re.compile(
    r"\b(?:in|during|for)\s+(" + "|".join(_MONTHS) + r")\b(?:\s+((?:19|20)\d\d))?(?![\w-])",
    re.IGNORECASE,
)


_OPENING_MONTH = re.compile(
    r"\s*(?:in|during|by|as\s+of|at\s+the\s+end\s+of)\s+(" + "|".join(_MONTHS) + r")\b"
    r"(?:\s+((?:19|20)\d\d))?\s*,",
    re.IGNORECASE,
)

_AHEAD = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|expects?|expected|due|scheduled|aims?|"
    r"forecasts?|projects?|projected|intends?)\b",
    re.IGNORECASE,
)


def _end_of_last(period: str | None, pub: Any) -> str | None:
    """ "rose 0.2% last month": as of the end of the month before the report (of the year
    before, for "last year")."""
    if pub is None or period not in {"last month", "last year"}:
        return None
    if period == "last year":
        return date(pub.year - 1, 12, 31).isoformat()
    return (date(pub.year, pub.month, 1) - timedelta(days=1)).isoformat()


def _past_month(text: str, sent: Span, fig: Figure, pub: Any) -> str | None:
    """ "a 0.2% gain in July", "Exports fell 6% in August": a figure about a past month is as of
    that month's end (the last such month before the report, or the year written). The month
    follows the figure closely, in its own phrase; the report's own month is left alone (a
    figure for it may still be partial)."""
    if pub is None:
        return None
    m = _IN_MONTH.search(text, fig.end, min(sent.end, fig.end + 40))
    if m is None or re.search(r"[,;]|\d", text[fig.end : m.start()]):
        # "In January 2023, a plane crashed ..., killing all 72": a month opening the sentence
        m = _OPENING_MONTH.match(text, sent.start, fig.start)
        if m is None:
            return None
    if _COMPARED.search(text, fig.end, m.start()):
        return None  # "rose 0.2% after being unchanged in July": July is the comparison
    if _AHEAD.search(text, sent.start, fig.end):
        return None  # "plans to cut 500 jobs in March": next March, perhaps
    month = _MONTHS.index(m.group(1).lower()) + 1
    year = int(m.group(2)) if m.group(2) else pub.year - (month > pub.month)
    if (year, month) >= (pub.year, pub.month):
        return None
    end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return end.isoformat()


_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where)\b", re.IGNORECASE)

# words that make a time after a figure the point it is compared with, not its own time
_COMPARED = re.compile(
    r"\b(?:after|than|from|compared|following|versus|vs|before)\b", re.IGNORECASE
)


def _in_clause(text: str, spans: Iterable[Any], fig: Figure) -> list[Any]:
    """The time expressions (periods, dates) with no relative pronoun between them and the
    figure: those in the figure's own clause."""
    return [
        x
        for x in spans
        if not _RELATIVE.search(text, fig.end, x.start)
        and not _RELATIVE.search(text, x.end, fig.start)
    ]


def _nearest_period(
    text: str, periods: Iterable[Any], fig: Figure, numbers: Sequence[Any] = ()
) -> str | None:
    best: tuple[int, str] | None = None
    for p in periods:
        if (
            p.text.startswith("per ")
            and not fig.start <= p.start < fig.end
            and (not 0 <= p.start - fig.end <= RATE_REACH or _DIGIT.search(text, fig.end, p.start))
        ):
            continue  # a rate ("a day") is the figure's just before it: "5,000 barrels a day"
        if (
            p.start >= fig.end
            and _BASIS_PERIOD.fullmatch(p.text)
            and _DIGIT.search(text, fig.end, p.start)
        ):
            continue  # "fell 0.8% and are down 4% on a year ago": the basis is the 4%'s
        if p.start >= fig.end and _COMPARED.search(text, fig.end, p.start):
            continue  # "a 60% chance of a cut, up sharply from last week": the comparison's
        if p.start >= fig.end and any(fig.end <= n.start and n.end <= p.start for n in numbers):
            # "control 72 settlements and have advanced a further 40 km² in the past 24
            # hours": the period after another number is that number's
            continue
        dist = p.start - fig.end if p.start >= fig.end else fig.start - p.end
        if fig.start <= p.start < fig.end:
            dist = 0  # "$15 an hour": the rate is part of the figure
        dist = abs(dist) + (0 if p.start >= fig.end else 5)
        if best is None or dist < best[0]:
            best = (dist, p.text)
    return best[1] if best else None


RATE_REACH = (
    30  # characters between a figure and its rate: "$15 an hour", "5,000 barrels of oil a day"
)

_BASIS_PERIOD = re.compile(r"(year|quarter|month|week) on \1")

_DIGIT = re.compile(r"\d")


def _nearest_date(dates: Iterable[Any], fig: Figure, text: str = "") -> str | None:
    best: tuple[int, str] | None = None
    for d in dates:
        if d.iso is None:
            continue
        if re.match(r"[’']s\b", text[d.end : d.end + 2]) and not 0 <= fig.start - d.end <= 4:
            continue  # "recovering part of Wednesday's 24% slide": that slide's day only
        dist = abs(d.start - fig.end) if d.start >= fig.end else abs(fig.start - d.end)
        if best is None or dist < best[0]:
            best = (dist, d.iso)
    return best[1] if best else None


def _location(
    text: str, sent: Span, ents: list[Entity], fig: Figure, numbers: Sequence[Any] = ()
) -> str | None:
    best: tuple[int, str] | None = None
    candidates: list[tuple[int, int]] = [
        (e.start, e.end)
        for e in ents
        if e.label == "LOC" and sent.start <= e.start and e.end <= sent.end
    ]
    if not ents:  # no NER at all: a capitalised phrase after a locative preposition
        for m in re.finditer(
            r"\b(?:in|near|from|across|around|inside|outside)\s+(?:the\s+)?"
            r"((?:[A-Z][\w-]+\s+)*[A-Z][\w-]+)(?![\w’'])",
            text[sent.start : sent.end],
        ):
            if m.group(1).split()[0].lower().rstrip(".") not in _NOT_PLACES:
                candidates.append((sent.start + m.start(1), sent.start + m.end(1)))
    filed = after_dateline(text, sent.start, sent.end)  # "KYIV, Aug 26 (Wire) - ..."
    for start, end in candidates:
        if start < filed:
            continue  # the dateline's place is where the report was filed, not the figure
        if re.match(r"[’']s\b", text[end : end + 2]):
            continue  # "Ukraine’s": a possessor, not where the figure is
        prep = re.search(r"\b(\w+)\s+(?:the\s+)?$", text[max(sent.start, start - 20) : start])
        if not prep or prep.group(1).lower() not in _LOCATIVE:
            continue
        if _SAID_IN.search(text, max(sent.start, start - 60), start):
            continue  # "..., Marriner said in Sarajevo": where the speaker was
        if _GATHERED_IN.search(text, max(sent.start, start - 40), start):
            continue  # "The ministers, meeting in Brussels, agreed ...": where they met
        if start >= fig.end and _ATTRIBUTION.search(text, fig.end, start):
            continue  # "..., said Anna Berg, an economist at a bank in London": hers
        at = max(sent.start, start - 20) + prep.start(1)
        if prep.group(1).lower() == "of" and any(
            e.label == "PERSON" and 0 <= at - e.end <= 2 for e in ents
        ):
            continue  # "Jesper Parnevik of Sweden": the person's country
        geo = re.match(rf"\s+(?:{_GEO_NOUNS})\b", text[end : sent.end], re.IGNORECASE)
        name_end = end + geo.end() if geo else end
        hyphenated = re.match(r"-[A-Z][\w'-]*", text[name_end : sent.end])
        if hyphenated:  # "Urus-Martan": the name the tokeniser cut at its hyphen
            name_end += hyphenated.end()
        name = " ".join(text[start:name_end].split())
        if not any(c.isalpha() for c in name):
            continue  # "93.94" tagged as a place
        if _another_numbers(numbers, fig, start, name_end):
            continue  # "60% of households in Lindholm, compared with nearly 80% across ..."
        dist = start - fig.end if start >= fig.end else (fig.start - name_end) + 10
        if best is None or dist < best[0]:
            best = (dist, name)
    return best[1] if best else None


def _another_numbers(numbers: Sequence[Any], fig: Figure, start: int, end: int) -> bool:
    """Whether the place at [start, end) goes with another number of the sentence: after
    this figure with that number between them, or before it right after that number ("60%
    of households in Lindholm, compared with nearly 80%"). A place opening the sentence ("In
    Kursk, troops took 40 km² and three villages") is every figure's."""
    if start >= fig.end:
        return any(fig.end <= n.start and n.end <= start for n in numbers)
    return any(n.end <= start and n.end < fig.start and n.start < fig.start for n in numbers)


_SAID_IN = re.compile(
    r"\b(?:said|says|told|added|announced|stated|declared)\s+(?:(?:reporters|journalists)\s+"
    r"|(?:at\s+)?(?:a|an|his|her|their)\s+(?:[^\W\d_][\w’'-]*\s+){1,2})?"
    r"(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_GATHERED_IN = re.compile(
    r"\b(?:meeting|speaking|gathered|gathering|visiting|talking|met|convened)\s+"
    r"(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# an attribution between the figure and a place: the place describes the speaker
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|according\s+to|wrote|stated)\b", re.IGNORECASE
)
