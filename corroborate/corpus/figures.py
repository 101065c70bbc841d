"""Figure alignment: the same quantity across the reports of a story (or event).

Figures are grouped by unit and location, and within that by what is counted. All nouns that
count things ("homes", "customers", "devices") share one bucket. Three kinds of evidence say
that two figures count the same thing:
- a concept named by the words around the number ("evacuated" and "died" are never one
  quantity);
- the words around it;
- a distinctive value that both reports give (precise, "16.5 billion", or in millions and up).

What they count can also set them apart: different specific measures ("deposits", "loans"),
different subjects of a rate (the S&P 500 and the Nasdaq), changes over different days,
planned against done, an increment against a total. A group holds at most one figure per
report (a sum and its conversion in brackets, below, count as one). Each group is then
classified:

- `agree`: every pair of values is compatible within its qualifiers ("about" ±10%, "at least",
  "more than", "up to", "nearly", ranges; exact values within 1% so converted units meet:
  386 square miles = 1,000 km²). A toll that grows (deaths, evacuations, arrests) on a later
  day must also be within 10%, else it is an update;
- `update`: values differ but on a later as-of date, a plausible change (72 → 74);
- `conflict`: values differ for the same as-of date (1,200 vs 1,800 on Monday);
- `single`: one origin only.

A sum written in one currency and again, in brackets, in another ("3 billion Swiss francs
($3.2 billion)") is one quantity: the groups of the two figures are merged, and a member in
the other currency is compared at the rate the reports themselves give (within 5%: rates
move and conversions are rounded), never at a rate from outside the reports.

Separately, `arithmetic` groups record sums: two figures of one report, each at least 5% of
the sum, adding up (within 1%) to a figure of the same unit in another origin (121,000 +
59,000 = 180,000). Units arrive normalised by the extractor; conversion is not redone here.
`benchmarks/figure_alignment.py` measures the grouping against gold written from real-style
reports.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corroborate.corpus.dedup import Dedup, sort_key
from corroborate.corpus.text import STOPWORDS, day, location_key, stem, words
from corroborate.model import Article, Figure, FigureGroup

__all__ = ["agrees", "align_figures", "compatible", "interval", "pair_relation"]

TOLERANCE = 0.01  # exact values within 1% agree (rounding, unit conversion)
CLOSE = 0.1  # compatible values on different days agree when this close; further is a change
WINDOW_WORDS = 6  # words either side of a number that say what it counts
MATCH = 0.2  # context overlap needed to put two figures in one group
UNNAMED_MATCH = 0.4  # ... when no concept ("evacuated", "died") names what both count
COMPARE = 4  # members of a group an incoming figure is compared with, at each end
RECENT_GROUPS = 50  # groups of the same measure an incoming figure is compared with
MAX_CHANGE = 10.0
SAME_VALUE = 0.3  # two reports giving one distinctive value: evidence of one quantity
MIN_PART = 0.05  # a part of a sum is at least this share of its total (0.76 + 50bn is no sum)
# values further apart than this are taken for different quantities, never grouped: a false
# conflict costs more than a missed update (a toll that triples shows as two groups)
GROUP_RATIO = 3.0
# a member compared in another currency, at the reports' own rate, is read this loosely
CONVERSION_SLACK = 0.05
AS_OF_SLACK_DAYS = 3  # an as-of date this close to the report's date is the report's moment
NUMBER_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"}
)
INCREMENTS = {
    "additional",
    "a further",
    "another",
    "further",
}  # an update changes a value by at most this factor; more is a conflict
NOT_QUANTITIES = {"years", "year", "months", "days", "hours", "minutes", "weeks", "percent"}

_ABOUT = {
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "almost about",
    "an estimated",
    "estimated",
    "circa",
    "approx",
    "close to",
}
_AT_LEAST = {"at least", "not less than", "no fewer than", "a minimum of"}
_MORE = {"more than", "over", "above", "upwards of", "in excess of", "greater than"}
_AT_MOST = {"up to", "at most", "no more than", "a maximum of"}
_LESS = {"less than", "under", "fewer than", "below", "just under"}
_NEARLY = {"nearly", "almost", "close to", "just short of"}
OPEN_FACTOR = 1.5  # "at least 3" is read as 3..4.5: a later "seven" is news, not agreement

# what is being counted; two figures with different concepts are different quantities
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "death": ("die", "died", "dead", "death", "kill", "toll", "fatalit", "lives", "drown"),
    "injury": ("injur", "wound", "hurt"),
    "evacuation": ("evacu", "moved", "fled", "flee", "displac", "relocat", "leav", "left"),
    "missing": ("missing",),
    "rescue": ("rescu",),
    "arrest": ("arrest", "detain"),
    "control": ("control", "held", "captur", "seiz", "occup", "taken", "advanc", "gain"),
    "prisoner": ("prison", "captiv"),
    "jobs": ("job", "redundan", "layoff", "lay off", "employ", "worker", "staff"),
    "shelter": ("shelter", "capacity", "sleep"),
}


def interval(value: float, value_max: float | None, qualifier: str | None) -> tuple[float, float]:
    """The range of true values a figure as stated allows."""
    q = (qualifier or "").casefold().strip()
    if value_max is not None and value_max >= value:
        return value, value_max
    if q in _ABOUT:
        return value * 0.9, value * 1.1
    if q in _AT_LEAST:
        return value, value * OPEN_FACTOR
    if q in _MORE:
        return value * (1 + 1e-9) + 1e-9, value * OPEN_FACTOR
    if q in _AT_MOST:
        return value / OPEN_FACTOR, value
    if q in _LESS:
        return value / OPEN_FACTOR, value * (1 - 1e-9)
    if q in _NEARLY:
        return value * 0.9, value
    return value * (1 - TOLERANCE), value * (1 + TOLERANCE)


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two members' stated values can describe the same true value."""
    lo1, hi1 = interval(a["value"], a["value_max"], a["qualifier"])
    lo2, hi2 = interval(b["value"], b["value_max"], b["qualifier"])
    return lo1 <= hi2 and lo2 <= hi1


def agrees(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two members agree: compatible values, and for a toll that grows (deaths,
    injuries, evacuations, arrests) no real change on another day. "Above 100" dead on Monday
    and 130 on Tuesday fit one range, but the toll has risen: an update. "More than 100
    missiles" and "127 missiles" a day later count one attack: they agree."""
    if not compatible(a, b):
        return False
    x, y = a["value"], b["value"]
    if a["window"] == b["window"] or not (_grows(a) or _grows(b)):
        return True
    return abs(x - y) <= CLOSE * max(abs(x), abs(y))


_CUMULATIVE = frozenset({"death", "injury", "evacuation", "missing", "arrest", "rescue"})


def _grows(member: dict[str, Any]) -> bool:
    return _cumulative(member["measure"])


@functools.lru_cache(maxsize=4096)
def _cumulative(measure: str | None) -> bool:
    return bool(_concepts(words((measure or "").replace("_", " "))) & _CUMULATIVE)


def pair_relation(a: dict[str, Any], b: dict[str, Any]) -> str:
    """How two members of one group from different origins relate: agree, conflict (the same
    moment, or a change too large to be one) or update."""
    a, b = _as_compared(a), _as_compared(b)
    if agrees(a, b):
        return "agree"
    ratio = max(a["value"], b["value"], 1e-9) / max(min(a["value"], b["value"]), 1e-9)
    return "conflict" if a["window"] == b["window"] or ratio > MAX_CHANGE else "update"


def _as_compared(member: dict[str, Any]) -> dict[str, Any]:
    """A member as it is compared within its group: a sum in another currency by its value in
    the group's currency (`converted_value`, at the reports' own rate), read within
    `CONVERSION_SLACK`, since rates move and conversions are rounded."""
    if member.get("converted_value") is None:
        return member
    low, high = interval(
        member["converted_value"], member.get("converted_value_max"), member["qualifier"]
    )
    return dict(
        member,
        value=low * (1 - CONVERSION_SLACK),
        value_max=high * (1 + CONVERSION_SLACK),
        qualifier=None,
    )


_FUTURE = (
    "would",
    "will",
    "could",
    "may",
    "might",
    "plan",
    "planned",
    "plans",
    "expected",
    "expects",
    "aims",
    "target",
    "total",
    "forecast",
    "forecasts",
    "projected",
    "projections",
    "likely",
    "estimate",
    "estimates",
    "chance",
    "odds",
    "bets",
    "priced",
)
# "less than expected", "as expected": a comparison with a forecast, not one
_FUTURE_RE = re.compile(r"\b(?<!than )(?<!as )(?:" + "|".join(_FUTURE) + r")\b")
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s|\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around `[start, end)`, at most 250 characters either side."""
    left = text[max(0, start - 250) : start]
    ends = list(_SENTENCE_END.finditer(left))
    begin = start - len(left) + (ends[-1].end() if ends else 0)
    right = _SENTENCE_END.search(text, end, min(len(text), end + 250))
    return text[begin : right.start() + 1 if right else min(len(text), end + 250)]


@functools.lru_cache(maxsize=65_536)
def _word_concept(word: str) -> str | None:
    return next((c for c, roots in _CONCEPTS.items() if word.startswith(roots)), None)


def _concepts(tokens: list[str]) -> set[str]:
    return {c for c in map(_word_concept, tokens) if c}


def _context(article: Article, figure: Figure) -> tuple[set[str], set[str], bool]:
    """(stemmed words near the number, what it counts, whether it is planned or expected).

    The concept comes from the nearest words when they name one ("1,200 residents ... moved"),
    else from the sentence ("The death toll ... has risen to seven").
    """
    # the counted phrase (when the extractor gives one) and the words around the number both
    # say what is counted: "people" alone does not, "people ... evacuated from" does
    before = words(article.text[max(0, figure.start - 80) : figure.start])
    after = words(article.text[figure.end : figure.end + 80])
    near = before[-WINDOW_WORDS:] + after[:WINDOW_WORDS] + words(figure.counted or "")
    sentence = _sentence(article.text, figure.start, figure.end)
    stems = {stem(w) for w in near if len(w) > 3 and w[0].isalpha() and w not in STOPWORDS}
    # the sentence is tokenised only when the nearest words name no concept
    concepts = _concepts(near) or _concepts(words(sentence))
    # only the words next to the number say whether it is planned: "deposits would be made
    # whole" later in the sentence says nothing of "the $250,000 limit" before it
    at = sentence.find(article.text[figure.start : figure.end])
    if at >= 0:  # the sentence's own words: the next sentence's "would" is not this one's
        inside = words(sentence[:at])[-WINDOW_WORDS:]
        inside += words(sentence[at + figure.end - figure.start :])[:WINDOW_WORDS]
    else:
        inside = near
    future = _FUTURE_RE.search(" ".join(inside).casefold()) is not None
    return stems, concepts, future


def _window(as_of: str | None, reported: str | None) -> str | None:
    """The time a figure speaks for: its report's date, unless its as-of date is far off.

    "1,800 evacuated on Sunday night", reported Monday, and "1,200 moved", reported Monday,
    speak for the same moment; "sales in 2025" reported in 2026 speaks for 2025.
    """
    a, r = day(as_of), day(reported)
    if a and r and abs((a - r).days) > AS_OF_SLACK_DAYS:
        return as_of
    return reported or as_of


def _same_place(a: str | None, b: str | None) -> bool:
    """Locations match when one names a part of the other ("Lindholm" in "Drevna Lindholm")."""
    if not a or not b:
        return True
    x, y = set(a.split()), set(b.split())
    return x <= y or y <= x


@dataclass(slots=True)
class _Item:
    member: dict[str, Any]
    key: tuple[str, str]
    location: str | None
    stems: set[str]
    concepts: set[str]
    future: bool
    basis: str | None  # what a rate is measured against: "year on year", "month on month"
    # a percentage's own words ("gasoline" in "gasoline prices"); None when it names nothing
    subject: frozenset[str] | None = frozenset()
    owners: frozenset[str] = frozenset()  # names in what is counted: "Russian" servicemen
    bounds: tuple[float, float] = (0.0, 0.0)  # `interval` of the stated value, computed once


@dataclass(slots=True)
class _Group:
    key: tuple[str, str]
    location: str | None
    items: list[_Item]


def _items(articles: Sequence[Article], dedup: Dedup) -> list[_Item]:
    items: list[_Item] = []
    for article in sorted(articles, key=sort_key):
        if article.id in dedup.exact_copies:
            continue  # an exact copy adds nothing; its origin is already here
        converts = _conversions(article)
        for index, figure in enumerate(article.figures):
            unit = figure.unit or ""
            if unit in NOT_QUANTITIES and not figure.measure:
                continue
            if not (figure.measure or unit) or not math.isfinite(figure.value):
                continue
            reported = article.published[:10] if article.published else None
            as_of = figure.as_of or reported
            member = {
                "article": article.id,
                "origin": dedup.origin_of.get(article.id, article.id),
                "outlet": article.source_label,
                "index": index,
                "start": figure.start,
                "end": figure.end,
                "text": article.text[figure.start : figure.end],
                "value": figure.value,
                "value_max": figure.value_max,
                "unit": figure.unit,
                "measure": figure.measure,
                "qualifier": figure.qualifier,
                "as_of": as_of,
                "window": _window(as_of, reported),
                "location": figure.location,
                "source": figure.source.name,
                "original_value": figure.original_value,
                "original_unit": figure.original_unit,
                "status": "first",
            }
            if index in converts:
                member["conversion_of"] = converts[index]
            stems, concepts, future = _context(article, figure)
            # extractors name the same quantity differently ("people", "people_evacuated"):
            # group by unit, and let the measure's words join the context instead
            measure_words = words((figure.measure or "").replace("_", " "))
            stems |= {stem(w) for w in measure_words if w not in STOPWORDS and len(w) > 2}
            # the extractor's own verb says what is counted better than the words nearby:
            # "three people have died, she said, and two more are missing" counts the missing
            concepts = _concepts(measure_words) or concepts
            if (
                (figure.qualifier or "").casefold() in INCREMENTS
                or _rolling(figure.period)
                # "rose 0.2%", "2.2% higher than a year earlier": a rate of change is the
                # rate itself, whatever the verb; only counts and sums have a total to add to
                or (unit not in _RATES and _DIFFERENCE_AFTER.match(article.text, figure.end))
                or _INCREMENT_AFTER.match(article.text, figure.end)
                or (
                    unit not in _RATES
                    # "the toll rose above 100" is the level it reached
                    and not _LEVEL_REACHED.match(article.text, figure.start)
                    and _CHANGE_BEFORE.search(article.text, max(0, figure.start - 40), figure.start)
                )
                or _PART_OF_A_GROUP.search(article.text, figure.start, figure.end)
                or _INCLUDING_BEFORE.search(article.text, max(0, figure.start - 16), figure.start)
            ):
                # "a further 25", "40 km² in the past 24 hours", "two more than on Monday",
                # "17 of the injured", "including 22 in Sindh": not a total, never one of them
                concepts.add("increment")
            key = (unit or figure.measure or "", unit)
            loc = location_key(figure.location)
            items.append(
                _Item(
                    member,
                    key,
                    loc,
                    stems,
                    concepts,
                    future,
                    _basis(figure.period),
                    _rate_subject(figure),
                    _owners(article.text, figure.counted),
                    interval(figure.value, figure.value_max, figure.qualifier),
                )
            )
    return items


# "3 billion Swiss francs ($3.2 billion)", "€50m (about £43m)": the amount again, in brackets
# (a qualifier may or may not be part of the figure as the extractor found it)
_BRACKET_OPENS = re.compile(r"\s*\(\s*")
_BRACKET_QUALIFIER = re.compile(
    r"(?:about|around|roughly|some|approximately|nearly|almost|or)\s+", re.IGNORECASE
)
_BRACKET_CLOSES = re.compile(r"\s*\)")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # the extractor writes currencies as ISO 4217 codes


def _conversions(article: Article) -> dict[int, int]:
    """Figure index → the index of the figure it gives in another currency, in brackets right
    after it ("3 billion Swiss francs ($3.2 billion)": the dollars convert the francs)."""
    figures = article.figures
    order = sorted(range(len(figures)), key=lambda i: figures[i].start)
    found: dict[int, int] = {}
    for a, b in itertools.pairwise(order):
        first, second = figures[a], figures[b]
        if not (first.unit and second.unit) or first.unit == second.unit:
            continue
        if not (_CURRENCY_CODE.fullmatch(first.unit) and _CURRENCY_CODE.fullmatch(second.unit)):
            continue
        opens = _BRACKET_OPENS.match(article.text, first.end)
        if opens is None:
            continue
        qualified = _BRACKET_QUALIFIER.match(article.text, opens.end())
        if second.start not in {opens.end(), qualified.end() if qualified else -1}:
            continue
        if _BRACKET_CLOSES.match(article.text, second.end):
            found[b] = a
    return found


# "claims rose by 2,000 to 230,000", "exports fell $2bn": a change, not the level it led to
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|fell|increased|decreased|dropped|climbed|declined|grew|jumped|slipped|shrank|"
    r"edged\s+(?:up|down)|(?:went|was|were)\s+(?:up|down))\s+(?:by\s+)?"
    r"(?:about\s+|nearly\s+|some\s+|almost\s+|more\s+than\s+|just\s+)?[$€£¥]?$",
    re.IGNORECASE,
)
_LEVEL_REACHED = re.compile(r"(?:above|past|beyond)\b", re.IGNORECASE)
# "1,700 people, including 22 in Sindh", "among them 40 children": a part of the total before
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\s+$", re.I)
# "17 of the injured", "five of the 20 wounded", "119 of the drones": a part of a group, never
# its total (two outlets' parts may still agree)
_PART_OF_A_GROUP = re.compile(
    r"\sof\s+(?:the|those|its|their)\s+(?:[\d,.]+\s+)?[a-z]+$", re.IGNORECASE
)
# "74 settlements, two more than he reported on Monday": the number after the total is a
# difference between two totals
_DIFFERENCE_AFTER = re.compile(r"\s+(?:more|fewer|less|higher|lower)\s+than\b", re.IGNORECASE)
# "1,000 further flights", "25 more people", "300 additional troops": an increment
_INCREMENT_AFTER = re.compile(r"\s+(?:further|more|additional|extra|new)\b", re.IGNORECASE)


# words that name no particular rate: "prices rose 0.2%" may be any prices
_GENERIC_RATE_WORDS = frozenset(
    {"price", "prices", "rate", "rates", "index", "level", "share", "shares", "percent",
     "percentage", "annual", "monthly", "yearly", "overall", "headline", "benchmark", "its",
     "their", "the", "a", "an", "of", "and"}
)  # fmt: skip


def _rate_subject(figure: Figure) -> frozenset[str] | None:
    """The stems that say whose rate or share a percentage is ("gasoline prices" → gasolin),
    with the initials of its words ("personal consumption expenditures index" → pce, so that
    "PCE inflation" meets it); empty for other units and for generic subjects ("prices", "the
    index"), None for a percentage that names nothing ("2%")."""
    if figure.unit != "percent":
        return frozenset()
    if not figure.counted:
        return None
    tokens = re.findall(r"\w[\w&.]*", figure.counted.casefold())  # "S&P", "U.S.": one word
    named = {stem(w) for w in tokens if w not in _GENERIC_RATE_WORDS and len(w) > 1}
    if not named:
        return frozenset()
    initials = "".join(w[0] for w in tokens if w not in _GENERIC_RATE_WORDS - _INDEX_WORDS)
    runs = {initials[i:j] for i in range(len(initials)) for j in range(i + 3, len(initials) + 1)}
    return frozenset(named | runs)


# words an acronym spells out: CPI is the consumer price index
_INDEX_WORDS = frozenset({"price", "prices", "index", "rate"})


_NAME = re.compile(r"\b[A-Z](?:[\w’'-]|&[A-Z])+")  # "Nasdaq", "S&P"


def _owners(text: str, counted: str | None) -> frozenset[str]:
    """The names in what is counted ("Russian servicemen" → russian). A capital that only
    opens the sentence ("Spending grew 0.2%", "Consumer spending rose") names no one: a word
    counts when the report also capitalises it after a lower-case word."""
    names = _NAME.findall(counted or "")
    if names and counted and counted.startswith(names[0]):
        first = names[0]
        if not re.search(rf"[a-z,;] {re.escape(first)}\b", text):
            names = names[1:]
    return frozenset(w.casefold() for w in names)


def _rolling(period: str | None) -> bool:
    """A period counted back from the report ("past 24 hours", "last three days")."""
    words = (period or "").casefold().split()
    if words[:1] == ["overnight"]:
        return True
    return len(words) >= 2 and (
        words[0] in {"past", "previous", "preceding"}
        or (words[0] == "last" and (words[1][:1].isdigit() or words[1] in NUMBER_WORDS))
    )


def _basis(period: str | None) -> str | None:
    """ "year on year", "month on month", ...: the basis of a rate of change; "per day", "per
    year": the time a rate is counted over ("5,000 barrels a day"); else None."""
    words = (period or "").split()
    if len(words) == 2 and words[0] == "per":
        return period
    return period if len(words) == 3 and words[1] == "on" and words[0] == words[2] else None


def _per(basis: str | None) -> bool:
    return (basis or "").startswith("per ")


# units that measure (area, length, money, rates); any other unit is a noun that counts
# things ("homes", "customers", "devices"), and two such nouns may count one quantity
_MEASURING_UNITS = frozenset(
    {"percent", "percentage points", "points", "m", "km", "km2", "km3", "km/h", "tonnes",
     "litres", "millibars", "ppm", "°C", "°F", "gigawatts", "barrels per day"}
)  # fmt: skip
COUNT = "count"
_RATES = frozenset({"percent", "percentage points"})  # small values recur: "2%", "a quarter point"


def _bucket(key: tuple[str, str]) -> tuple[str, str]:
    """Where a figure looks for its group: its unit, or one bucket for every counting noun
    ("3 million homes and businesses" and "3 million customers" without power)."""
    unit = key[1]
    if unit and unit[0].islower() and unit not in _MEASURING_UNITS and "per" not in unit:
        return (COUNT, COUNT)
    return key


@functools.lru_cache(maxsize=65_536)
def _precise(value: float) -> bool:
    """Written with two significant digits or more ("16.5 billion", "24%", "$250,000")."""
    return len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0")) >= 2


def _distinctive(value: float) -> bool:
    """A value unlikely to recur by chance within one event: precise, or in millions and up
    ("3 billion francs", "8 million"). Round small values ("10 people", "20 feet", "about
    1,000") recur by chance and say little on their own."""
    return value >= 1e6 or _precise(value)


def _meet(item: _Item, other: _Item) -> bool:
    """`compatible` on the items' ranges, computed once per figure."""
    return item.bounds[0] <= other.bounds[1] and other.bounds[0] <= item.bounds[1]


def _affinity(item: _Item, group: _Group) -> float:
    """How likely `item` counts the same thing as the group; -1 when it cannot."""
    if not _same_place(item.location, group.location):
        return -1.0
    if any(o.member["article"] == item.member["article"] for o in group.items):
        return -1.0  # two numbers in one report are two quantities
    if item.key[1] == "percent" and not _same_rate(item, group):
        return -1.0
    if item.owners and any(o.owners and not o.owners & item.owners for o in group.items):
        return -1.0  # 1,000 Ukrainian soldiers are not 594 Russian servicemen
    best = -1.0
    # the first and latest members say what the group counts; comparing with all of them
    # would make a long-running figure (a death toll over weeks) quadratic
    for other in group.items[:COMPARE] + group.items[COMPARE:][-COMPARE:]:
        if item.concepts and other.concepts and not (item.concepts & other.concepts):
            continue
        if item.basis and other.basis and item.basis != other.basis:
            continue  # 2.7% on the year and 0.3% on the month are two rates
        if _per(item.basis) != _per(other.basis):
            continue  # 5,000 barrels a day is no stock of 5,000 barrels
        a, b = item.member["value"], other.member["value"]
        if min(a, b) <= 0 or max(a, b) / min(a, b) > GROUP_RATIO:
            continue  # $46 (a share price) and $120m (a cost) are not one quantity
        if ("increment" in item.concepts) != ("increment" in other.concepts):
            continue  # "a further 25 captured" adds to a total; it is not one
        concept = bool(item.concepts & other.concepts)
        same = _meet(item, other)
        # one distinctive value in two reports of one event is itself evidence: "16 billion
        # francs wiped out" and "about 16 billion francs of bonds" need share no word
        same_value = same and _distinctive(a) and _distinctive(b)
        if item.future != other.future and not (same_value and item.key[1] not in _RATES):
            continue  # "180,000 would have to be evacuated" is not "121,000 were evacuated"
        if item.key != other.key and not same_value:
            continue  # 8.5 million devices and 8.5 million machines; not 100 settlements and
            # 102 missiles
        if not (concept or same_value) and _other_measures(item, other):
            continue  # $175.4 billion of deposits are not $72 billion of loans
        if (
            not same
            and (_change(item) or _change(other))
            and (item.member["window"] != other.member["window"])
        ):
            continue  # a fall of 24% on Wednesday and of 55% over the week are two changes
        shared = len(item.stems & other.stems) / max(1, min(len(item.stems), len(other.stems)))
        # the same measure key ("cut", "flights_cancelled") names one quantity only when the
        # values meet: a half-point and a quarter-point hike are two proposals, not an update
        named = concept or (same and _same_measure(item, other))
        if not named and shared < UNNAMED_MATCH and not same_value:
            continue  # nothing says what is counted: the words around it must agree
        score = shared + (0.5 if named else 0.0) + (SAME_VALUE if same_value else 0.0)
        score += 0.3 if item.location and group.location else 0.0
        # of two groups counting the same thing, the one giving the same value is likelier
        # the same quantity: "at least three died" is the toll of three, not the two in a car
        score += 0.4 if same else 0.0
        best = max(best, score)
    return best


# measures that name no particular quantity: two "money" figures may be any two sums
_GENERIC_MEASURES = frozenset(
    {"money", "share", "rate", "rise", "fall", "people", "number", "index", "distance",
     "amount", "total", "value", "price", "level", "percent", "figure", "count"}
)  # fmt: skip


# measures of a change over a period: two different changes are two periods, not an update
_CHANGES = frozenset(
    {"rise", "fall", "cut", "hike", "gain", "drop", "increase", "decrease", "jump", "slide",
     "climb", "decline", "growth", "change", "loss", "slump", "surge"}
)  # fmt: skip


@functools.lru_cache(maxsize=65_536)
def _measure_parts(measure: str | None) -> frozenset[str]:
    """The words of a measure key ("securities_sold" → securities, sold)."""
    return frozenset((measure or "").split("_")) - {""}


def _measure_words(measure: str | None) -> frozenset[str]:
    """Its specific words: "money_paid" → paid."""
    return _measure_parts(measure) - _GENERIC_MEASURES


def _change(item: _Item) -> bool:
    return bool(_CHANGES & _measure_parts(item.member["measure"]))


def _other_measures(item: _Item, other: _Item) -> bool:
    """Both figures carry specific measure keys with no specific word in common ("deposits"
    and "loans", "securities_sold" and "money_pulled", "rise_expected" and "hike"): the
    extractor read two different things counted."""
    a = _measure_words(item.member["measure"])
    b = _measure_words(other.member["measure"])
    return bool(a) and bool(b) and not a & b


def _same_measure(item: _Item, other: _Item) -> bool:
    """Both figures carry one specific measure key ("cut", "people_evacuated"): the extractor
    read the same thing counted and the same verb in both reports."""
    measure = item.member["measure"]
    return bool(measure) and measure == other.member["measure"] and measure not in _GENERIC_MEASURES


def _same_rate(item: _Item, group: _Group) -> bool:
    """Whether a percentage can be the group's: one measure (a rise of 2.5% is no rate of 3.2%,
    nor a share of the vote), a subject named (a bare "2%" may be a target, a rate or a
    share), and no member naming another subject (gasoline prices fell 0.6%, energy prices
    0.8%: two rates). Checked against every member: a generic "prices" must not chain them.

    A precise value both give ("4.75%-5.00%", "24%", "2.2%") stands in for what the words do
    not say: a bare "24% slide", "the policy rate" against "the federal funds rate", as long as
    no two names disagree (the S&P 500 and the Nasdaq may both rise 1.7%)."""
    return all(_same_rate_as(item, other) for other in group.items)


def _same_rate_as(item: _Item, other: _Item) -> bool:
    precise = (
        _meet(item, other) and _precise(item.member["value"]) and _precise(other.member["value"])
    )
    if item.subject is None or other.subject is None:
        return precise
    if item.subject and other.subject and not item.subject & other.subject:
        # "the policy rate" and "the federal funds rate" at 4.75%-5.00%, but never two names
        return precise and not (item.owners or other.owners)
    if item.member["measure"] != other.member["measure"]:
        # "PCE inflation was 2.2%" and "the PCE index stood 2.2% higher": one subject named,
        # one precise value; "share" is what the extractor calls a percentage it cannot read
        shared = bool(item.subject & other.subject)
        return precise and (shared or "share" in (item.member["measure"], other.member["measure"]))
    return True


def _fmt(value: float) -> str:
    """A value in an explanation: "121,000", "6.4", "16,093.44" (never "1.609e+04")."""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{value:,.0f}"
    if abs(value) >= 1000:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.4g}"


def _describe(member: dict[str, Any], unit: str | None = None) -> str:
    """A member as the explanations show it; in its own currency when that is not `unit`."""
    q = f"{member['qualifier']} " if member.get("qualifier") else ""
    value = _fmt(member["value"])
    if member.get("value_max") is not None:
        value += f"–{_fmt(member['value_max'])}"
    if unit is not None and member.get("unit") not in {None, unit}:
        value += f" {member['unit']}"
    if member.get("original_unit") and member.get("original_value") is not None:
        value += f" {member['unit']} (written {_fmt(member['original_value'])} "
        value += f"{member['original_unit']})"
    src = f", source {member['source']}" if member.get("source") else ""
    return (
        f"{q}{value} ({member['outlet'] or member['article']}, {member['as_of'] or 'undated'}{src})"
    )


def _classify(group: _Group) -> FigureGroup:
    members = sorted(
        (i.member for i in group.items),
        key=lambda m: (m["as_of"] or "", m["source"] or "", m["article"], m["index"]),
    )
    origins = {m["origin"] for m in members}
    relation = "single"
    conflicts: list[str] = []
    updates: list[str] = []
    unit_key, unit = group.key
    rates = _rates(members, unit or None)
    for m in members:
        _convert(m, unit or None, rates)
    seen = {id(m): _as_compared(m) for m in members}  # a sum in another currency, converted

    def describe(member: dict[str, Any]) -> str:
        return _describe(member, unit or None)

    for i, m in enumerate(members):
        earlier = [p for p in members[:i] if p["origin"] != m["origin"]]
        if not earlier:
            continue
        if any(agrees(seen[id(p)], seen[id(m)]) for p in earlier):
            m["status"] = "agrees"
            continue
        same_day = [p for p in earlier if p["window"] == m["window"]]
        lowest = min(seen[id(p)]["value"] for p in earlier)
        ratio = max(seen[id(m)]["value"], 1e-9) / max(lowest, 1e-9)
        if same_day or not (1 / MAX_CHANGE <= ratio <= MAX_CHANGE):
            m["status"] = "conflicts"
            if not same_day:
                why = "a change too large to be an update"
            elif all(p["as_of"] == m["as_of"] for p in same_day):
                why = "for the same date"
            else:  # as-of dates close to one report day count as that day's moment
                why = f"both reported on {m['window']}, about the same moment"
            against = ", ".join(describe(p) for p in same_day or earlier)
            conflicts.append(f"{describe(m)} against {against} ({why})")
        else:
            m["status"] = "updates"
            updates.append(f"{describe(earlier[-1])} → {describe(m)}")
    if len(origins) > 1:
        relation = "conflict" if conflicts else "update" if updates else "agree"
    # Groups are keyed by unit (extractors word the same quantity differently); the label is
    # the measure most members give, e.g. "people_evacuated" rather than "people".
    named = Counter(m["measure"] for m in members if m.get("measure"))
    # ties go to the more specific key ("people_evacuated" over "people"), whatever the order
    measure = (
        max(named.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if named else unit_key
    )
    if relation == "conflict":
        explanation = "Values that cannot both hold: " + "; ".join(conflicts) + "."
    elif relation == "update":
        explanation = (
            "Changed over time (an update, not a contradiction): " + "; ".join(updates) + "."
        )
    elif relation == "agree":
        outlets = sorted({m["outlet"] or m["article"] for m in members})
        explanation = (
            f"{len(origins)} independent sources agree within their stated qualifiers "
            f"({', '.join(outlets)}): " + "; ".join(describe(m) for m in members) + "."
        )
    else:
        explanation = "Only one source gives this figure: " + describe(members[0]) + "."
    if rates:
        explanation += " Sums in another currency are compared at the reports' own rate: " + (
            "; ".join(f"1 {u} = {_fmt(r)} {unit}" for u, r in sorted(rates.items())) + "."
        )
    return FigureGroup(
        measure=measure,
        location=next((m["location"] for m in members if m["location"]), None),
        unit=unit or None,
        relation=relation,  # type: ignore[arg-type]
        members=members,
        explanation=explanation,
    )


def _sum_explanation(a: dict[str, Any], b: dict[str, Any], t: dict[str, Any]) -> str:
    total = a["value"] + b["value"]
    source = f", source {t['source']}" if t["source"] else ""
    return (
        f"{_fmt(a['value'])} + {_fmt(b['value'])} = {_fmt(total)} ({a['outlet'] or a['article']}) "
        f"matches {_fmt(t['value'])} ({t['outlet'] or t['article']}{source}) within 1%: "
        "the parts may add up to the reported total."
    )


def _arithmetic(items: list[_Item], groups: list[_Group]) -> list[FigureGroup]:
    """Two figures in one report that add up to a figure of another origin (within 1%)."""
    group_of = {id(i): gi for gi, g in enumerate(groups) for i in g.items}
    by_unit: dict[str, list[_Item]] = {}
    for item in items:
        unit = item.key[1]
        if unit and unit not in NOT_QUANTITIES and item.member["value_max"] is None:
            by_unit.setdefault(unit, []).append(item)
    found: list[FigureGroup] = []
    seen: set[tuple[int, int, int]] = set()
    for unit, pool in sorted(by_unit.items()):
        per_article: dict[str, list[_Item]] = {}
        for item in pool:
            per_article.setdefault(item.member["article"], []).append(item)
        totals = sorted(pool, key=lambda i: i.member["value"])
        for article_items in per_article.values():
            parts = article_items[:20]  # bound the pairs per report
            for x in range(len(parts)):
                for y in range(x + 1, len(parts)):
                    a, b = parts[x], parts[y]
                    if a.member["source"] != b.member["source"] or (
                        a.concepts and b.concepts and not a.concepts & b.concepts
                    ):
                        # the parts of one total come from one authority and count one
                        # thing: one side's settlements held plus the other side's retaken
                        # villages add up to nothing
                        continue
                    s = a.member["value"] + b.member["value"]
                    if s < 10 or min(a.member["value"], b.member["value"]) < MIN_PART * s:
                        continue  # a share price added to a bail-out changes nothing
                    for t in totals:
                        tv = t.member["value"]
                        if tv < s * (1 - TOLERANCE):
                            continue
                        if tv > s * (1 + TOLERANCE):
                            break
                        if t.member["origin"] == a.member["origin"]:
                            continue
                        if group_of.get(id(t)) in (group_of.get(id(a)), group_of.get(id(b))):
                            continue
                        if not (
                            (t.stems | t.concepts) & (a.stems | a.concepts | b.stems | b.concepts)
                        ):
                            continue  # nothing in common about what is counted
                        sig = (id(a), id(b), id(t))
                        if sig in seen:
                            continue
                        seen.add(sig)
                        members = [
                            dict(a.member, role="part", status="part"),
                            dict(b.member, role="part", status="part"),
                            dict(t.member, role="total", status="total"),
                        ]
                        found.append(
                            FigureGroup(
                                measure=t.key[0],
                                location=t.member["location"],
                                unit=unit,
                                relation="arithmetic",
                                members=members,
                                explanation=_sum_explanation(a.member, b.member, t.member),
                            )
                        )
    return found


def _merge_conversions(groups: list[_Group]) -> list[_Group]:
    """Merge the group of a figure with the group of its conversion into another currency:
    one quantity, written in two currencies. Not when a report would then give two figures
    of the group that are not one amount and its conversion (two quantities)."""
    home = {(i.member["article"], i.member["index"]): g for g in groups for i in g.items}
    merged: dict[int, _Group] = {}  # id of a group → the group it went into

    def root(group: _Group) -> _Group:
        while id(group) in merged:
            group = merged[id(group)]
        return group

    for group in groups:
        for item in list(group.items):
            of = item.member.get("conversion_of")
            if of is None or (item.member["article"], of) not in home:
                continue
            into, other = root(home[(item.member["article"], of)]), root(group)
            if into is other or not _one_amount_per_report(into.items + other.items):
                continue
            into.items.extend(other.items)
            into.location = into.location or other.location
            merged[id(other)] = into
    return [g for g in groups if id(g) not in merged]


def _one_amount_per_report(items: Sequence[_Item]) -> bool:
    """Whether each report gives at most one figure of `items`, or one and its conversion."""
    per_report: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        per_report.setdefault(item.member["article"], []).append(item.member)
    for members in per_report.values():
        if len(members) == 1:
            continue
        if len(members) > 2:
            return False
        a, b = members
        if a.get("conversion_of") != b["index"] and b.get("conversion_of") != a["index"]:
            return False
    return True


def _rates(members: Sequence[dict[str, Any]], unit: str | None) -> dict[str, float]:
    """Currency → how many of `unit` one of it is worth, as the group's own reports say: their
    conversions in brackets, kept as two figures (`conversion_of`) or folded into one by the
    extractor (`original_value`). The median per pair of currencies; a currency converted only
    into a third one is reached through it (Australian dollars → US dollars → francs)."""
    if unit is None:
        return {}
    by_index = {(m["article"], m["index"]): m for m in members}
    pairs: list[tuple[dict[str, Any], float, str]] = []  # (member, the same sum, in currency)
    for m in members:
        of = by_index.get((m["article"], m.get("conversion_of", -1)))
        if of is not None:
            pairs.append((m, of["value"], of["unit"]))
        original = m.get("original_unit") or ""
        if _CURRENCY_CODE.fullmatch(original) and m.get("original_value"):
            pairs.append((m, m["original_value"], original))
    direct: dict[tuple[str, str], list[float]] = {}
    for m, value, currency in pairs:
        if m["value"] and value and m["unit"] and currency != m["unit"]:
            direct.setdefault((m["unit"], currency), []).append(value / m["value"])
            direct.setdefault((currency, m["unit"]), []).append(m["value"] / value)
    step = {pair: sorted(r)[len(r) // 2] for pair, r in direct.items()}
    reached = {unit: 1.0}
    frontier = [unit]
    while frontier:  # breadth first from the group's currency: the fewest conversions
        here = frontier.pop(0)
        for (a, b), rate in sorted(step.items()):
            if b == here and a not in reached:
                reached[a] = rate * reached[here]  # one `a` is `rate` of `here`
                frontier.append(a)
    del reached[unit]
    return reached


def _convert(member: dict[str, Any], unit: str | None, rates: dict[str, float]) -> None:
    """Give a member in another currency than the group's its value in the group's currency,
    at the reports' own rate (`converted_value`, `converted_value_max`)."""
    rate = rates.get(member["unit"]) if member["unit"] != unit else None
    if rate is not None:
        member["converted_value"] = member["value"] * rate
        top = member["value_max"]
        member["converted_value_max"] = top * rate if top is not None else None


def align_figures(articles: Sequence[Article], dedup: Dedup) -> list[FigureGroup]:
    """Group and classify the figures of `articles` (one story or event)."""
    items = _items(articles, dedup)
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], list[_Group]] = {}
    for _, batch in itertools.groupby(items, key=lambda i: i.member["article"]):
        # a report's figures are placed together, best match first: its toll of three takes
        # the group of "at least three", before its "two died in a car" can (a group holds
        # one figure per report)
        reports_items = list(batch)
        candidates = sorted(
            (
                (-score, n, g, group)
                for n, item in enumerate(reports_items)
                for g, group in enumerate(by_key.get(_bucket(item.key), [])[-RECENT_GROUPS:])
                if (score := _affinity(item, group)) >= MATCH
            ),
            key=lambda c: c[:3],
        )
        placed: dict[int, _Group] = {}
        taken: set[int] = set()
        for _, n, _, match in candidates:
            if n not in placed and id(match) not in taken:
                placed[n] = match
                taken.add(id(match))
        for n, item in enumerate(reports_items):
            found = placed.get(n)
            if found is None:
                found = _Group(item.key, item.location, [])
                groups.append(found)
                by_key.setdefault(_bucket(item.key), []).append(found)
            elif found.location is None:
                found.location = item.location
            found.items.append(item)
    groups = _merge_conversions(groups)
    result = [_classify(g) for g in groups]
    result.extend(_arithmetic(items, groups))
    order = {"conflict": 0, "update": 1, "arithmetic": 2, "agree": 3, "single": 4}
    result.sort(
        key=lambda g: (order[g.relation], g.measure, g.location or "", g.members[0]["as_of"] or "")
    )
    return result
