"""Numbers that are not figures: years, ages, times, codes, ranks, numbers inside names and the
like.
"""

from __future__ import annotations

import re

from corroborate.extract.figures.lexicon import (
    _FUNCTION,
    _MAGNITUDE_AFTER,
    _POINT_AFTER,
    _PRE_SKIP,
    _SERIES_NOUN,
)
from corroborate.extract.figures.tokens import _lemma_of
from corroborate.extract.numbers import NumberMatch
from corroborate.extract.units import match_unit
from corroborate.model import Span

# "aged 34", and the rest of a list of ages: "aged 34, 41 and 52"
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages)\s+(?:(?:of|between)\s+)?(?:\d{1,3}\s*(?:,\s*(?:and\s+)?|and\s+|to\s+))*$",
    re.IGNORECASE,
)

_AGE_APPOSITION = re.compile(r"[A-Z][\w’'.-]+,\s+$")

_NAME_PREFIX = re.compile(r"(?:[A-Za-z]+[-‑]|#|No\.\s?|[Nn]umber\s)$")


_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|"
    r"Dr|Way|Place|Pl|Square|Sq|Court|Ct|Terrace|Highway|Hwy|Parkway|Pkwy)\b"
)

_EMERGENCY_CALL = re.compile(
    r"(?:911|999|112|000)\s+(?:calls?|callers?|dispatch(?:ers?)?|operators?|cent(?:re|er)s?|"
    r"lines?|system|services?|recordings?)\b",
    re.IGNORECASE,
)

_GLUED_SIZE = re.compile(r"(?:g|kg|mg|ml|cl|oz|lb|lbs|v|kw|kwh|gb|tb|mb|mp)\s+(?!of\b)[a-z]", re.I)

_AGE_VERB_BEFORE = re.compile(
    r"\b(?:he|she|i|you|we|they|who)\s+(?:was|is|were|turned|turns)\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)


_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|from|of|for|after|before|during|early|late|mid|"
    r"to|and|the|year|between)\s*$"
)

_COMPOUND = re.compile(r"[-‑][^\W\d_]")

_YEARS_OLD = re.compile(r"\s+years?\s+old\b|\s*-?\s*years?-old", re.IGNORECASE)

_CLOSE = re.compile(r"\s*[,)]")

_AMPM = re.compile(r"\s*[-–]?\s*(?:a\.m|p\.m)")

_AGE_LIMIT_BEFORE = re.compile(
    r"\b(?:people|children|kids|those|men|women|adults|voters|anyone|everyone|persons?|"
    r"users|students|girls|boys)\s+(?:under|over|above|below|aged|between)\s+$",
    re.IGNORECASE,
)

_RATE_STEP = re.compile(r"[-‑](?:basis|percentage)[-‑\s]+points?\b", re.IGNORECASE)


_PLURAL_NUMBER = re.compile(r"[’']?s\b")

_OUT_OF_AFTER = re.compile(r"\s+out\s+of\s+(?:every\s+)?(?:\d|ten\b|a\s+hundred)", re.IGNORECASE)

_EVERY_AFTER = re.compile(r"\s+(?:worth\s+)?(?:of|in|out\s+of)\s+(?:every|each)\b", re.I)

_INTENSIFIER = re.compile(
    r"\s*(?:percent|per\s+cent|%)\s+(?:sure|wrong|right|certain|behind|committed|correct|"
    r"true|false|confident|accurate|clear|safe|honest|convinced|serious|effective)\b",
    re.IGNORECASE,
)

_CONVERSION_BEFORE = re.compile(
    r"\d[\d,.]*\s*(?:[^\W\d_][\w²]*\.?\s*){1,2}\(\s*(?:about|some|around|roughly|nearly|or|~)?\s*$",
    re.IGNORECASE,
)

# "21 of the 25 drones", "37 of the region's 57 seats", "14 of 40 seats": a part of a total
_PARTITIVE_BEFORE = re.compile(
    r"\d[\d,.]*\s+of\s+(?:(?:the|all|its|their|[A-Z][\w.-]*[’']s?)\s+)?(?:[a-z]+[’']s?\s+)?$"
)

_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|my|your|both|all)\s+$", re.IGNORECASE
)

_PROPORTION_BEFORE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:out\s+)?of|in)\s+"
    r"(?:every\s+|each\s+)?\S?$"
    # "46 per 100,000 residents": the base of a rate, not a count
    r"|\bper\s+$",
    re.IGNORECASE,
)

_RATIO_AFTER = re.compile(r"\s*(?:to|-|–|:)\s*\d")

_RATIO_BEFORE = re.compile(r"\d\s*(?:to|-|–|:)\s*$")

# "from 300 to 400", "rose by 2,000 to 230,000": a change, not a ratio
_FROM_BEFORE = re.compile(r"\b(?:from|by)\s+(?:about\s+|some\s+|around\s+)?\S{0,3}$", re.I)

_FROM_PAIR_BEFORE = re.compile(
    r"\b(?:from|by)\s+(?:about\s+|some\s+|around\s+)?\S{0,3}[\d,.]+\s*\S{0,10}\s*(?:to|-|–)\s*\S{0,3}$",
    re.I,
)

_SCALED = re.compile(r"\d{1,3}(?:,\d{3})+\b|[\d.]+\s?(?:[mb]n?|million|billion|thousand)\b", re.I)

_CAP_WORD_BEFORE = re.compile(r"([A-Z][\w’'.&-]*)\s$")


def _year_that_counts(text: str, number: NumberMatch) -> bool:
    """ "2000 people" is a figure; "in 2000" is a year."""
    if number.kind != "year" or number.value_max is not None:
        return False
    before = text[max(0, number.start - 12) : number.start].lower()
    if _YEAR_CONTEXT.search(before):
        return False
    unit = match_unit(text, number.end)
    return unit is not None and unit.category not in {"duration", "percent"}


def _not_a_quantity(text: str, sent: Span, number: NumberMatch) -> bool:
    s, e = number.number_start, number.number_end
    before = text[max(sent.start, s - 20) : s]
    if _AGE_BEFORE.search(before) or _AGE_LIMIT_BEFORE.search(before):
        return True
    if (
        _PLURAL_NUMBER.match(text, e)
        or _EVERY_AFTER.match(text, number.end)
        or _OUT_OF_AFTER.match(text, number.end)
    ):
        return True  # "the 1990s", "a handful of $20s", "$4 of every $5"
    after = text[e : e + 12]
    # "24-hour", "54-year-old", "10-point": hyphenated compounds are adjectives; a rate step
    # ("a 50-basis-point cut", "a quarter-point move") is still a figure
    if (
        _COMPOUND.match(after)
        and not after.lower().startswith(("-strong",))
        and not (number.end > e and _SCALE_AFTER_HYPHEN.match(after))
        and not _RATE_STEP.match(text, e)
        and not _MAGNITUDE_AFTER.match(text, e)
        and not (number.words and number.value < 1 and _POINT_AFTER.match(text, number.end))
    ):
        return True
    if _YEARS_OLD.match(after):
        return True
    # ", 54," after a name: an age
    if _AGE_APPOSITION.search(before) and _CLOSE.match(after) and number.value < 120:
        return True
    if _AMPM.match(after):
        return True
    if _ADDRESS_AFTER.match(text, e) or _EMERGENCY_CALL.match(text, s):
        return True  # "City Hall, 200 Main Street", "the first 911 call"
    if _GLUED_SIZE.match(text, e):
        return True  # "sold in 800g tins", "a 12V battery": a size, not a count
    if _AGE_VERB_BEFORE.search(before) and _CLOSE.match(after) and number.value < 120:
        return True  # "until she was 78,": an age
    # "a 2 to 1 margin", "won 3-1": a ratio or a score (a range would have been merged)
    if not number.words and (
        (_RATIO_AFTER.match(text, number.end) and not _FROM_BEFORE.search(before))
        or (
            _RATIO_BEFORE.search(text, max(0, s - 8), s)
            and not _FROM_PAIR_BEFORE.search(text, max(0, s - 30), s)
        )
    ):
        return True
    if number.start == s and _NAME_PREFIX.search(text, max(sent.start, s - 8), s):
        return True
    if number.start == s and not number.words and _SERIES_NOUN.search(text, max(0, s - 12), s):
        return True
    # a number right after a capitalised word is part of a name: "Lot 10", "Apollo 11"
    if number.start == s and not number.words and not _SCALED.match(text, s, number.end):
        m = _CAP_WORD_BEFORE.search(text, max(sent.start, s - 30), s)
        # ("the Fed's 2% target", "the IMF's 191 members": an owner, not a name's number)
        if m and not _is_plain_word(m.group(1)) and not m.group(1).endswith(("'s", "’s")):
            return True
        if _named_elsewhere(text, s, e):
            return True
    # "the two countries", "both men": a reference to things already counted
    if number.words and number.value < 100 and _DEFINITE_BEFORE.search(before):
        return True
    # "eight of 10 avocados": a proportion, not a count of 10
    if _PROPORTION_BEFORE.search(before):
        return True
    if number.value == 100 and _INTENSIFIER.match(text, e):
        return True  # "100 percent wrong"
    # "1,000 sq km (386 sq miles)": the same figure converted; "21 of the 25 drones": a total
    if _CONVERSION_BEFORE.search(text, max(0, number.start - 40), number.start) or (
        _PARTITIVE_BEFORE.search(before)
    ):
        return True
    # "one" is a pronoun or article far more often than a count; "one spectator was killed"
    # is a toll
    return (
        number.words
        and number.value == 1
        and not match_unit(text, number.end)
        and not _ONE_HURT.match(text, number.end)
    )


# "a $5-million grant", "a Rs 5,000-crore package": the scale of the amount, no compound
_SCALE_AFTER_HYPHEN = re.compile(r"-(?:million|billion|trillion|thousand|lakh|crore)\b(?!-)", re.I)

_ONE_HURT = re.compile(
    r"\s+[a-z]+\s+(?:was|has\s+been|had\s+been|is|remains)\s+(?:[a-z]+ly\s+)?"
    r"(?:killed|injured|wounded|hurt|missing|dead|hospitali[sz]ed|rescued|arrested)\b"
)


_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+s|people|staff|personnel)\b")


def _named_elsewhere(text: str, start: int, end: int) -> bool:
    """A bare 3-4 digit number the report elsewhere writes as part of a name: "737 production"
    in a report that says "Boeing 737" is the aircraft, not 737 of anything. Only when the
    word after it is not a plural noun ("737 passengers" is still a count)."""
    digits = text[start:end]
    if not digits.isdigit() or not 3 <= len(digits) <= 4 or _PLURAL_AFTER.match(text, end):
        return False
    for hit in re.finditer(rf"([A-Z][\w’'.&-]*)\s{digits}\b", text):
        if not _is_plain_word(hit.group(1)):
            return True
    return False


def _is_plain_word(word: str) -> bool:
    """A capitalised word that can sit before a number without naming it."""
    w = word.lower().rstrip(".")
    return (
        w in _FUNCTION
        or w in _PRE_SKIP
        or _lemma_of(w) is not None
        or w
        in {
            "only",
            "nearly",
            "almost",
            "roughly",
            "approximately",
            "around",
            "over",
            "some",
            "about",
            "just",
            "another",
            "all",
            "those",
            "these",
            "additionally",
            "furthermore",
            "moreover",
            "meanwhile",
            "overall",
            "altogether",
            "today",
            "yesterday",
            "so",
            "far",
            "still",
            "now",
            "least",
            "magnitude",
        }
    )
