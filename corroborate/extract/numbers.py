"""Number expressions in news text: digits, words, scales, currency signs, ranges, qualifiers.

`find_numbers(text, start, end)` returns every cardinal number expression in `text[start:end]`
with its value (and upper bound for a range), the qualifier in front of it ("about", "at least",
...) normalised, and a currency when a sign or code is attached ("$5m", "€1.2 billion").
It does not decide whether a number is a *figure*: years, dates, ages, times and numbers inside
names are still returned here, marked by `kind`, and `figures/` decides what to keep.

Decisions:

- Vague plurals ("dozens", "hundreds of", "thousands", "tens of thousands") are not numbers:
  they carry no value that two reports could agree or disagree on, so they are skipped rather
  than given an invented value.
- "a"/"an" is a number only before a scale word ("a dozen", "a million", "half a million").
- Word ordinals ("first", "second") are never matched; digit ordinals ("3rd") come back with
  `kind="ordinal"`.
- "another 59,000", "an additional 40", "a further 10" get the qualifier "additional": the
  figure is an increment, which matters when two reports are compared.
- "six in 10", "one out of every five" are one number, a share in percent (60, 20) with
  `kind="proportion"` and the written base in `base`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "QUALIFIERS",
    "NumberMatch",
    "find_numbers",
    "parse_number",
    "parse_number_words",
]

NumberKind = Literal["cardinal", "ordinal", "year", "date", "time", "phone", "proportion"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int  # offsets of the number expression (qualifier and currency sign included)
    end: int
    value: float
    value_max: float | None = None  # the upper end of a range
    qualifier: str | None = None  # normalised: about | at least | more than | nearly | ...
    currency: str | None = None  # ISO code when a sign or code is attached: USD, EUR, ...
    words: bool = False  # written in words ("two and a half")
    kind: NumberKind = "cardinal"
    number_start: int = -1  # offsets of the bare number (no qualifier, no currency sign)
    number_end: int = -1
    base: float | None = None  # a proportion's base: "six in 10" is value 60 (percent), base 10


# ---------------------------------------------------------------------------------------------
# Words

# fmt: off
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# fmt: on
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # South Asian scales: "Rs 500 crore" is five billion rupees
    "crore": 1e7,
    "lakh crore": 1e12,  # India's budgets: "Rs 2.5 lakh crore"
}
# Compact scale suffixes after digits: "1.2bn", "5m", "300k", "$2 mln".
# fmt: off
_COMPACT = {
    "k": 1000.0, "m": 1000000.0, "mn": 1000000.0, "mln": 1000000.0, "b": 1000000000.0,
    "bn": 1000000000.0, "bln": 1000000000.0, "tn": 1000000000000.0, "trn": 1000000000000.0,
}
# fmt: on
_FRACTIONS = {"half": 0.5, "quarter": 0.25}

_FRACTION_OF = re.compile(
    r"\b(?:a\s+|one\s+)?(?P<frac>half|quarter)\s+of\s+an?\s+(?P<scale>million|billion|trillion)\b",
    re.IGNORECASE,
)
# the parts a share is written in: "half", "a third", "two-thirds", "three quarters", ...
_PART = (
    r"(?P<part>half|(?:a|one)\s+third|two[-‑\s]thirds|(?:a|one)\s+quarter|three[-‑\s]quarters|"
    r"(?:a|one)\s+fifth)"
)
# "half of the 120,000 residents", "two-thirds of its 90 members": the figure is the part.
_PART_OF = re.compile(
    rf"\b{_PART}\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|"
    r"our\s+|all\s+|those\s+|these\s+)?$",
    re.IGNORECASE,
)
# the last word of the part: "two-thirds" -> "thirds"
_PARTS = {
    "half": 1 / 2, "third": 1 / 3, "thirds": 2 / 3, "quarter": 1 / 4, "quarters": 3 / 4,
    "fifth": 1 / 5,
}  # fmt: skip
_NUMBER_WORDS = frozenset([*_SMALL, *_SCALES, "dozen", "half", "quarter"])
_JOINERS = frozenset(["and", "a", "an"])
_ALPHA = re.compile(r"[A-Za-z]+")
_RUN_GAP = re.compile(r"\s+|-")


def _word_runs(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of number words ("two and a half", "twenty-five"), trimmed of joiners."""
    runs: list[tuple[int, int, str]] = []
    words: list[tuple[int, int, str]] = []  # the current run

    def close() -> None:
        if any(w in _NUMBER_WORDS for _, _, w in words):
            s, e, phrase = _trim_words(words[0][0], text[words[0][0] : words[-1][1]])
            if e > s:
                runs.append((s, e, phrase))
        words.clear()

    for m in _ALPHA.finditer(text, start, end):
        w = m.group().lower()
        if w in _NUMBER_WORDS or w in _JOINERS:
            if words and not _RUN_GAP.fullmatch(text, words[-1][1], m.start()):
                close()
            words.append((m.start(), m.end(), w))
        elif words:
            close()
    if words:
        close()
    return runs


def parse_number_words(words: str) -> float | None:
    """The value of a number written in words, or None when it is not one.

    >>> parse_number_words("two and a half")
    2.5
    >>> parse_number_words("half a million")
    500000.0
    """
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t]
    if not tokens or not any(t in _SMALL or t in _SCALES or t == "dozen" for t in tokens):
        return None
    if tokens[0] == "and" or tokens[-1] in {"and", "a", "an"}:
        return None
    # "half a million", "a quarter of a million" is not covered (rare in news copy)
    if tokens[0] in _FRACTIONS and len(tokens) == 3 and tokens[1] in {"a", "an"}:
        scale = _SCALES.get(tokens[2]) or (12.0 if tokens[2] == "dozen" else None)
        return _FRACTIONS[tokens[0]] * scale if scale else None
    # "two and a half (million)": whole part, the fraction, then an optional scale
    if "and" in tokens:
        i = tokens.index("and")
        rest = tokens[i + 1 :]
        if len(rest) >= 2 and rest[0] in {"a", "an"} and rest[1] in _FRACTIONS:
            whole = _words_value(tokens[:i])
            if whole is None:
                return None
            value = whole + _FRACTIONS[rest[1]]
            tail = rest[2:]
            if not tail:
                return value
            if len(tail) == 1 and tail[0] in _SCALES:
                return value * _SCALES[tail[0]]
            if len(tail) == 1 and tail[0] == "dozen":
                return value * 12
            return None
    return _words_value(tokens)


def _words_value(tokens: list[str]) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if tok in _SMALL:
            current += _SMALL[tok]
            seen = True
        elif tok in {"a", "an"}:
            # only as "one" before a scale word
            if i + 1 >= len(tokens) or (tokens[i + 1] not in _SCALES and tokens[i + 1] != "dozen"):
                return None
            current += 1
        elif tok == "and":
            # "three hundred and fifty": only after a scale word
            if i == 0 or tokens[i - 1] not in _SCALES:
                return None
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


# ---------------------------------------------------------------------------------------------
# Digits

# thousands separated by commas, the Indian grouping ("1,12,450"), or none
_DIGITS = r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?!,?\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# fmt: off
_CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB", "¥": "JPY",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "uah": "UAH", "rub": "RUB",
    # dollars of other countries, written with a prefix: "NT$3 billion", "A$50m", "HK$1.2bn"
    "nt$": "TWD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "s$": "SGD", "nz$": "NZD", "r$": "BRL", "mx$": "MXN",
    # ISO codes before the amount ("CHF 2.5 billion") and the rupee's "Rs"
    "chf": "CHF", "jpy": "JPY", "cny": "CNY", "inr": "INR", "cad": "CAD", "aud": "AUD",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "try": "TRY", "krw": "KRW",
    "zar": "ZAR", "brl": "BRL", "mxn": "MXN", "hkd": "HKD", "sgd": "SGD", "nzd": "NZD",
    "ils": "ILS", "rs": "INR", "rs.": "INR",
    # signs and codes that name one currency wherever they are written
    "₦": "NGN", "₱": "PHP", "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₫": "VND",
    "ngn": "NGN", "php": "PHP", "pkr": "PKR", "kes": "KES", "ksh": "KES", "lkr": "LKR",
    "bdt": "BDT", "egp": "EGP", "ghs": "GHS", "idr": "IDR", "myr": "MYR", "thb": "THB",
    "aed": "AED", "sar": "SAR", "qar": "QAR", "ars": "ARS", "cop": "COP", "iqd": "IQD",
    "etb": "ETB", "ugx": "UGX", "tzs": "TZS",
    # glued letters (`_GLUED_SIGN`): the rand, the naira, the Kenyan shilling, the peso
    "r": "ZAR", "n": "NGN", "sh": "KES", "p": "PHP",
}
# fmt: on
_SIGN = (
    r"(?:(?<![^\W\d_])(?:US|NT|AU|CA|HK|NZ|MX|A|C|S|R)\$|\$|€|£|₴|₽|¥|₦|₱|₹|₩|₺|₪|₫"
    r"|(?:USD|EUR|GBP|UAH|RUB)\s?"
    # upper case only: "try 5 times" is no Turkish lira
    r"|(?<![^\W\d_])(?-i:(?:CHF|JPY|CNY|INR|CAD|AUD|SEK|NOK|DKK|PLN|TRY|KRW|ZAR|BRL|MXN|HKD|SGD|"
    r"NZD|ILS|NGN|PHP|PKR|KES|LKR|BDT|EGP|GHS|IDR|MYR|THB|AED|SAR|QAR|ARS|COP|IQD|ETB|UGX|TZS)\s?"
    r"|K[Ss]h\s?|Rs\.?\s?))"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|lakh\s+crore|lakh|crore)"
_COMPACT_RE = r"(?:bn|bln|mln|mn|trn|tn|k|m|b)"
# one number: sign? digits (scale word | compact suffix)?  — or a run of number words
_DIGIT = re.compile(r"\d")
_NUM_BODY = re.compile(
    rf"(?P<num>{_DIGITS})(?![\d])"
    # "5 million", "a $5-million grant", "a Rs 5,000-crore package"
    rf"(?:(?P<compact>{_COMPACT_RE})(?![\w])|[\s-]?(?P<scale>{_SCALE_WORD}s?)\b)?",
    re.IGNORECASE,
)
_SIGN_BEFORE = re.compile(rf"(?P<sign>{_SIGN})$", re.IGNORECASE)
# a currency's letters glued to an amount, as the press of each country writes it: "R1.2
# billion" (rand), "N2.5bn" (naira), "Sh346 billion", "KSh3bn" (Kenyan shillings), "P250
# million" (pesos), "Rs18.9 trillion"; only with a scale or thousands after them, but for
# the rupee's and the Kenyan shilling's
_GLUED_SIGN = re.compile(r"(?<![\w$])(?P<sign>Rs|KSh|Ksh|Sh|R|N|P)$")
# letters that are money before any number: "Rs10 a litre", "KSh50" (but "R2", "N95", "P500")
_GLUED_ALWAYS_MONEY = frozenset({"Rs", "KSh", "Ksh"})


def _an_amount(body: re.Match[str] | None) -> bool:
    """A number with a scale or thousands separators: money when letters are glued to it."""
    return body is not None and bool(
        body.group("compact") or body.group("scale") or "," in body.group("num")
    )


_CURRENCY_RANGE_BEFORE = re.compile(r"(?:\$|€|£|₴|₽)\s?[\d.,]+\s?(?:-|–|to)\s?$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(_MONTHS + r"\s+$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"\b")
_NUMERIC_DATE_AFTER = re.compile(r"[/.-]\d{1,2}[/.-]\d{2,4}\b|/\d")  # "14/08/2024", "9/11", "3/4"
_NUMERIC_DATE_BEFORE = re.compile(r"\b(?:\d{1,4}[/.-]\d{1,2}[/.-]|\d{4}-(?:\d{2}-)?)$")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# after a compact "m" these words say metres, not millions ("a 5m wall" is still millions)
_METRE_CONTEXT = re.compile(
    r"\s*(?:high|long|deep|tall|wide|away|above|below|from\s+the|of\s+water|thick)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Qualifiers: the phrase right in front of a number, normalised

# fmt: off
QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "c.": "about", "approx.": "about", "~": "about", "at least": "at least",
    "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "above": "more than", "just over": "more than",
    "well over": "more than", "over than": "more than", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "up to": "up to", "as many as": "up to",
    "at most": "up to", "no more than": "up to", "a maximum of": "up to", "as much as": "up to",
    "as high as": "up to", "as little as": "at least", "as few as": "at least",
    "as low as": "at least", "upward of": "more than", "near": "about",
    "fewer than": "less than", "less than": "less than", "under": "less than",
    "below": "less than", "another": "additional", "an additional": "additional",
    "a further": "additional", "an extra": "additional", "additional": "additional",
    "a further estimated": "additional", "an additional estimated": "additional",
}
# fmt: on
_QUALIFIER_RE = re.compile(
    r"(?<![\w.])(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_TRAILING_QUALIFIER = re.compile(
    r"\s+or\s+(?P<more>more|over|above|greater|higher)\b|\s+or\s+(?P<so>so)\b"
    r"|\s+or\s+(?P<less>less|fewer|under|below|lower)\b|(?P<plus>\+|\s+plus\b)",
    re.IGNORECASE,
)
_CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|rising|rises|increased?|increasing|fell|fallen|falling|falls|dropped|"
    r"dropping|drops|jumped|jumps|climbed|climbs|grew|grown|growing|went|gone|up|down|cut|"
    r"raised|lowered|declined|declines|soared|surged|doubled|revised|changed|"
    # "expands the competition from 32 to 36 teams", "reduced its stake from 10 to 4 percent"
    r"expand\w*|reduc\w*|shr[aiu]nk\w*|boost\w*|lift\w*|slash\w*|trimm?\w*|widen\w*|"
    r"narrow\w*|extend\w*|decreas\w*|upgrad\w*|downgrad\w*|shift\w*|mov(?:e|ed|es|ing))"
    r"\b[^.;]{0,25}"
    r"\bfrom\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
# "4.75%-5.00%", "3% to 4%": a percent sign may repeat on both ends of a range
# (a percent sign or word may stand after both ends: "between 58.3 percent and 60.7 percent")
_RANGE_JOIN = re.compile(r"\s*(?:%|per\s?cent\b)?\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_PERCENT_WORD = re.compile(r"%|per\s?cent", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b)", re.IGNORECASE)
# "rose by 2,000 to 230,000": a change and the level it reached, not a range
_CHANGE_BY = re.compile(r"\bby\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# a fraction of a rate step: "half a percentage point", "a quarter-point cut", "a full
# percentage point" (the unit after it is read by `units.py`)
_RATE_FRACTION = re.compile(
    r"\b(?:(?:(?P<frac>half|quarter)(?:\s+(?:of\s+)?an?)?(?=[-‑\s]+(?:percentage[-‑\s]+)?points?\b))"
    r"|(?:(?:a|one)(?:\s+full)?(?=\s+percentage[-‑\s]+points?\b)))",
    re.IGNORECASE,
)
_VAGUE_PLURAL = re.compile(
    r"^(?:dozens|hundreds|thousands|millions|billions|tens|scores)\b", re.IGNORECASE
)
_TIME_AFTER = re.compile(
    r"(?::\d{2})|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock|GMT\b|UTC\b|CET\b|EST\b|BST\b)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{6,}\d")


def parse_number(expression: str) -> float | None:
    """The value of one number expression: "121,000", "1.2bn", "$5m", "three hundred"."""
    expression = expression.strip()
    found = find_numbers(expression)
    if len(found) == 1 and found[0].kind == "cardinal":
        return found[0].value
    return None


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Every number expression in `text[start:end]`, in order, with offsets into `text`."""
    end = len(text) if end is None else end
    raw: list[tuple[int, int, float, str | None, bool, int, int]] = []
    # digit numbers: find a digit cheaply, then read the number from there
    pos = start
    while True:
        d = _DIGIT.search(text, pos, end)
        if d is None:
            break
        p = d.start()
        glued = (
            _GLUED_SIGN.search(text, max(start, p - 4), p) if p and text[p - 1].isalpha() else None
        )
        if (
            glued is not None
            and glued.group("sign") not in _GLUED_ALWAYS_MONEY
            and not _an_amount(_NUM_BODY.match(text, p, end))
        ):
            glued = None  # "R2", "P500": a code or a model; "R1.2 billion" is rand
        if glued is None and p > 0 and (text[p - 1].isalnum() or text[p - 1] in "_.,:/"):
            pos = p + 1
            while pos < end and text[pos].isdigit():
                pos += 1
            continue
        m = _NUM_BODY.match(text, p, end)
        if m is None:  # cannot happen: a digit always starts a number
            pos = p + 1
            continue
        pos = m.end()
        sign = glued or _SIGN_BEFORE.search(text, max(start, p - 5), p)
        num = m.group("num")
        n_start, n_end = p, m.end("num")
        value = float(num.replace(",", ""))
        currency = _currency(sign.group("sign")) if sign else None
        m_end = n_end
        if m.group("compact"):
            suffix = m.group("compact").lower()
            metre = (
                suffix == "m"
                and not currency
                and _METRE_CONTEXT.match(text, m.end())
                and not _CURRENCY_RANGE_BEFORE.search(text, max(0, n_start - 16), n_start)
            )
            if not metre:
                value *= _COMPACT[suffix]
                m_end = m.end()
        elif m.group("scale"):
            value *= _SCALES[" ".join(m.group("scale").lower().rstrip("s").split())]
            m_end = m.end()
        s = sign.start("sign") if sign else n_start
        # "16.4 million" is 16400000, not 16399999.999999998; "$16.6 billion" no .000002
        value = float(f"{value:.12g}")
        raw.append((s, m_end, value, currency, False, n_start, n_end))
    # "a quarter of a million", "half of a billion"
    for m in _FRACTION_OF.finditer(text, start, end):
        frac = _FRACTIONS[m.group("frac").lower()]
        raw.append((m.start(), m.end(), frac * _SCALES[m.group("scale").lower()], None, True,
                    m.start(), m.end()))  # fmt: skip
    for m in _RATE_FRACTION.finditer(text, start, end):
        frac_value = _FRACTIONS[m.group("frac").lower()] if m.group("frac") else 1.0
        raw.append((m.start(), m.end(), frac_value, None, True, m.start(), m.end()))
    # word numbers (not overlapping digits: "3 million" is already taken)
    taken = [(r[0], r[1]) for r in raw]
    for w_start, w_end, phrase in _word_runs(text, start, end):
        if any(a < w_end and w_start < b for a, b in taken):
            continue
        word_value = parse_number_words(phrase)
        if word_value is None:
            continue
        if phrase.lower().rstrip("s") in _SCALES and _DIGIT_BEFORE.search(
            text, max(start, w_start - 2), w_start
        ):
            continue  # "XAF300 billion": the scale of an amount not read, no number alone
        raw.append((w_start, w_end, word_value, None, True, w_start, w_end))
    raw.sort()

    out: list[NumberMatch] = []
    i = 0
    while i < len(raw):
        s, e, value, currency, words, n_s, n_e = raw[i]
        value_max: float | None = None
        base: float | None = None
        if _proportion(text, raw, i):
            # "six in 10 voters", "one in seven cars": a share, in percent
            base = raw[i + 1][2]
            value = round(value / base * 100, 1)
            e = raw[i + 1][1]
            i += 1
        # ranges: "300-400", "300 to 400", "between 300 and 400", "$3-5m"
        elif i + 1 < len(raw):
            s2, e2, v2, cur2, _w2, _ns2, _ne2 = raw[i + 1]
            join = _RANGE_JOIN.fullmatch(text, e, s2)
            if join and _PERCENT_WORD.search(join.group()) and not _PERCENT_AFTER.match(text, e2):
                join = None  # "rose 10% to $22bn": a change and a level, not one range
            if join and _is_range(text, s, join.group(), value, v2):
                if v2 > value * 1000:
                    # "3-5 million": the scale of the second applies to the first
                    value = value * (v2 / _bare_value(text, s2, e2))
                if v2 > value:
                    value_max = v2
                    e = e2
                    currency = currency or cur2
                    i += 1
        kind: NumberKind = (
            "proportion"
            if base is not None
            else _kind(text, s, e, n_s, n_e, words, value, value_max)
        )
        part = _PART_OF.search(text, max(start, s - 40), s) if kind == "cardinal" else None
        if part is not None:
            # "about half of the 120,000 residents have left": about 60,000 left
            value *= _part_value(part.group("part"))
            value_max = value_max * _part_value(part.group("part")) if value_max else None
            s = part.start()
            while out and out[-1].end > part.start():
                out.pop()  # the "two" of "two-thirds" is no number of its own
        q_start, qualifier = _qualifier(text, s, start)
        if qualifier is None and text[max(start, s - 8) : s].lower().rstrip().endswith("between"):
            q_start = text.lower().rfind("between", start, s)
        trailing = _TRAILING_QUALIFIER.match(text, e, end)
        if trailing and qualifier is None and kind == "cardinal":
            qualifier = (
                "about" if trailing.group("so") else "up to" if trailing.group("less")
                else "at least"
            )  # fmt: skip
            e = trailing.end()
        out.append(
            NumberMatch(
                start=q_start,
                end=e,
                value=value,
                value_max=value_max,
                qualifier=qualifier,
                currency=currency,
                words=words,
                kind=kind,
                number_start=n_s,
                number_end=e if value_max is not None or base is not None else n_e,
                base=base,
            )
        )
        i += 1
    shares = _fraction_shares(text, start, end, out)
    if shares:
        # the "two" of "two-thirds of voters" is no number of its own
        out = [n for n in out if not any(f.start <= n.start and n.end <= f.end for f in shares)]
        out = sorted([*out, *shares], key=lambda n: n.start)
    return [n for n in out if not _vague(text, n)]


def _fraction_shares(
    text: str, start: int, end: int, found: Sequence[NumberMatch]
) -> list[NumberMatch]:
    """ "Half of voters", "a third of the country's hospitals": a share in words, with no
    number after it (with one, "half of the 120,000 residents", the part scales that number).
    A proportion in percent, like "six in 10 voters"; never a time or a measure ("half of
    the year", "a quarter of a mile") or a pronoun ("half of them")."""
    shares: list[NumberMatch] = []
    for m in _BY_PART.finditer(text, start, end):
        # "exports fell by a fifth", "cut by half": a change in percent, like "by 20%"
        if not _CHANGE_VERB_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            continue
        if not any(
            n.start < m.end() and m.start("part") < n.end and not n.end <= m.end("part")
            for n in found
        ):
            shares.append(
                NumberMatch(
                    start=m.start("part"),
                    end=m.end("part"),
                    value=round(_part_value(m.group("part")) * 100, 1),
                    words=True,
                    kind="proportion",
                    number_start=m.start("part"),
                    number_end=m.end("part"),
                )
            )
    for m in _SHARE_OF.finditer(text, start, end):
        if _SHARE_NOT_AFTER.match(text, m.end()) or _SHARE_NOT_BEFORE.search(
            text, max(start, m.start() - 12), m.start()
        ):
            continue
        if any(
            n.start < m.end() and m.start() < n.end and not n.end <= m.end("part") for n in found
        ):
            continue
        q_start, qualifier = _qualifier(text, m.start(), start)
        shares.append(
            NumberMatch(
                start=q_start,
                end=m.end("of"),
                value=round(_part_value(m.group("part")) * 100, 1),
                qualifier=qualifier,
                words=True,
                kind="proportion",
                number_start=m.start(),
                number_end=m.end("of"),
            )
        )
    return shares


# "by a fifth" after a verb of change ("fell", "was cut", "rose sharply"): searched from "by",
# then the verb looked for just before it (the other way round costs 5 times as much)
_BY_PART = re.compile(
    rf"\bby\s+(?:about\s+|almost\s+|nearly\s+|more\s+than\s+)?{_PART}"
    rf"(?!\s+(?:of|an?|the)\b)(?![\w-])",
    re.IGNORECASE,
)
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|dropped|drops?|declined?|"
    r"declin(?:es|ing)|grew|grow(?:s|n|ing)?|jumped|jumps?|climbed|climbs?|increased?|"
    r"increas(?:es|ing)|decreased?|decreas(?:es|ing)|cut|cuts|reduced?|reduc(?:es|ing)|shrank|"
    r"shrunk|shrinks?|slumped|slumps?|soared|soars?|plunged|plunges?|slashed|slash(?:es)?|up|"
    r"down)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_SHARE_OF = re.compile(
    rf"\b{_PART}\s+(?P<of>of(?:\s+(?:the|its|their|his|her|our|all))?"
    r"(?:\s+(?:the\s+)?[A-Za-z][\w-]*[’']s)?)\s+(?=[A-Za-z])",
    re.IGNORECASE,
)
_SHARE_NOT_AFTER = re.compile(
    r"(?:(?:the|its|their|this|that|his|her|our|an?)\s+)?(?:[a-z-]+\s+)?"
    r"(?:year|month|week|day|night|hour|minute|century|decade|season|game|match|race|mile|kilometre|kilometer|way|time|term|period|session|quarter|half|"
    r"inning|innings|point|percentage|"
    # a figure compared with another: "less than a third of Trump's claim", "half the size"
    r"claim|estimate|figure|number|total|amount|level|rate|size|price|value|average|forecast|"
    r"target|peak|record|height|length|speed|distance)s?\b"
    r"|(?:an?|it|them|those|these|this|that|what|which|us|you|whom)\b",
    re.IGNORECASE,
)
# "the second half of the year", "the other half of the pair": a part, not a share
_SHARE_NOT_BEFORE = re.compile(
    r"\b(?:the|first|second|third|fourth|last|latter|former|other|upper|lower|top|bottom|"
    r"back|front|northern|southern|eastern|western|better)\s+$",
    re.IGNORECASE,
)


_PROPORTION_JOIN = re.compile(
    # "six in 10", "one out of every five", "seven French people out of ten"
    r"\s+(?:in|(?:[A-Za-z][\w-]*\s+){0,3}out\s+of)\s+(?:every\s+)?",
    re.IGNORECASE,
)


def _proportion(
    text: str, raw: list[tuple[int, int, float, str | None, bool, int, int]], i: int
) -> bool:
    """Whether raw[i] and raw[i + 1] are a proportion: "six in 10", "one out of every five"."""
    if i + 1 >= len(raw):
        return False
    _, e, part, currency, _, _, _ = raw[i]
    s2, _, whole, currency2, _, _, _ = raw[i + 1]
    if currency or currency2 or not _PROPORTION_JOIN.fullmatch(text, e, s2):
        return False
    return part.is_integer() and whole.is_integer() and 0 < part < whole <= 1000


def _currency(sign: str | None) -> str | None:
    if not sign:
        return None
    return _CURRENCY_SIGNS.get(sign.strip().lower())


def _trim_words(start: int, words: str) -> tuple[int, int, str]:
    """Drop leading "and" and trailing "and"/"a"/"an" from a run of number words."""
    toks = list(re.finditer(r"[^\s-]+", words))
    while toks and toks[0].group().lower() == "and":
        toks.pop(0)
    while toks and toks[-1].group().lower() in {"and", "a", "an"}:
        toks.pop()
    # a leading "a"/"an" that is not followed by a scale word is an article: "a half" isn't
    while (
        toks
        and toks[0].group().lower() in {"a", "an"}
        and (len(toks) == 1 or toks[1].group().lower() not in {*_SCALES, "dozen"})
    ):
        toks.pop(0)
    if not toks:
        return start, start, ""
    s, e = start + toks[0].start(), start + toks[-1].end()
    return s, e, words[toks[0].start() : toks[-1].end()]


def _bare_value(text: str, start: int, end: int) -> float:
    m = re.search(_DIGITS, text[start:end])
    if m:
        return float(m.group().replace(",", "")) or 1.0
    return parse_number_words(text[start:end]) or 1.0


def _is_range(text: str, start: int, join: str, lo: float, hi: float) -> bool:
    join = _PERCENT_WORD.sub("", join).strip().lower()
    if 1800 <= lo <= 2100 and lo.is_integer() and hi > 3 * lo and join == "to":
        return False  # "killed since October 2023 to 52,615": a year, then the total
    if join == "to" and _CHANGE_FROM.search(text, max(0, start - 40), start):
        return False  # "rose from 300 to 400" is a change, not a range
    if join.endswith("to") and hi > 4 * lo and _CHANGE_BY.search(text, max(0, start - 30), start):
        return False  # "rose by 2,000 to 230,000": the change, then the level
    if join == "and":
        return text[max(0, start - 9) : start].lower().rstrip().endswith("between")
    if join in {"-", "–", "—"} and hi <= lo:
        return False
    return hi > lo


def _kind(
    text: str, s: int, e: int, n_s: int, n_e: int, words: bool, value: float, vmax: float | None
) -> NumberKind:
    if words:
        return "time" if _TIME_AFTER.match(text, n_e) else "cardinal"  # "three o'clock"
    if (
        _NUMERIC_DATE_AFTER.match(text, n_e)
        or _NUMERIC_DATE_BEFORE.search(text, max(0, n_s - 11), n_s)
        or (n_e - n_s <= 2 and vmax is None and _MONTH_AFTER.match(text, n_e))
        or (n_e - n_s <= 4 and _MONTH_BEFORE.search(text, max(0, n_s - 11), n_s))
    ):
        return "date"
    if _ORDINAL_SUFFIX.match(text, n_e):
        return "ordinal"
    if _TIME_AFTER.match(text, n_e):
        return "time"
    num = text[n_s:n_e]
    if re.fullmatch(r"1[89]\d\d|20\d\d", num) and (vmax is None or 1800 <= vmax <= 2100):
        return "year"
    if vmax is not None and vmax <= 2100 and re.fullmatch(r"1[89]\d\d|20\d\d", num):
        return "year"  # "1939-45"; but "some 1900-2500 troops" ends past any year: a count
    if _phone_like(text, n_s, n_e):
        return "phone"
    return "cardinal"


def _phone_like(text: str, n_s: int, n_e: int) -> bool:
    # look at the whole run of digits and separators around the number
    left = n_s
    while left > 0 and (text[left - 1].isdigit() or text[left - 1] in "+()-. "):
        if text[left - 1] == " " and not (left > 1 and text[left - 2].isdigit()):
            break
        left -= 1
    right = n_e
    while right < len(text) and (text[right].isdigit() or text[right] in "()-. "):
        if text[right] in " .-" and not (right + 1 < len(text) and text[right + 1].isdigit()):
            break
        right += 1
    run = text[left:right].strip()
    groups = re.findall(r"\d+", run)
    if run.startswith("+") and sum(len(g) for g in groups) >= 7:
        return True
    if len(groups) >= 3 and sum(len(g) for g in groups) >= 7 and "," not in run:
        return True
    return bool(len(groups) == 2 and re.fullmatch(r"\d{3}-\d{4}", run))


def _part_value(part: str) -> float:
    return _PARTS[part.lower().replace("‑", "-").replace("-", " ").split()[-1]]


def _qualifier(text: str, s: int, floor: int) -> tuple[int, str | None]:
    m = _QUALIFIER_RE.search(text, max(floor, s - 40), s)
    if not m:
        return s, None
    if m.group("q").lower() == "over" and _PARTICLE_VERB.search(
        text, max(floor, s - 30), m.start()
    ):
        return s, None  # "handed over 115 servicemen": a particle of the verb, not "more than"
    if m.group("q").lower().startswith("up") and _REVISED_UP.search(
        text, max(floor, s - 60), m.start()
    ):
        return s, None  # "revised its forecast up to 5%": raised to 5%, not "at most 5%"
    return m.start("q"), QUALIFIERS[m.group("q").lower()]


# verbs whose particle "up" makes "up to" a change, not the qualifier "at most"
_REVISED_UP = re.compile(
    r"\b(?:revis|rais|push|mov|nudg|mark|ratchet|bump|scal|jack|driv|go|went|shot|climb|ris|ros|"
    r"jump|push|crept|creep|tick|edg)\w*\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
# verbs whose particle "over" would otherwise read as the qualifier "more than"
_PARTICLE_VERB = re.compile(r"\b(?:hand|turn|sign)(?:s|ed|ing)?\s+$", re.IGNORECASE)


def _vague(text: str, n: NumberMatch) -> bool:
    """A word number that is only part of a vague plural ("tens of thousands") or a bare scale
    after a vague quantifier ("several thousand", "a few hundred": not 1,000 or 100)."""
    if not n.words:
        return False
    before = text[max(0, n.start - 12) : n.start].lower()
    if re.search(r"\b(?:several|a\s+few|few|many|some)\s+$", before) and _BARE_SCALE.fullmatch(
        text, n.number_start, n.number_end
    ):
        return True
    return bool(re.search(r"\b(?:tens|hundreds|thousands|dozens)\s+of\s+$", before)) or bool(
        _VAGUE_PLURAL.match(text[n.number_start : n.number_end])
    )


_DIGIT_BEFORE = re.compile(r"\d[\s-]?$")
_BARE_SCALE = re.compile(r"hundred|thousand|million|billion", re.IGNORECASE)
