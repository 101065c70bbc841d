"""What a number counts: its unit or the noun after it, with the phrase that completes it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.extract.figures.lexicon import (
    _AFFECTED,
    _FUNCTION,
    _GEO_NOUNS,
    _MAGNITUDE_AFTER,
    _MODIFIERS,
    _MONTHS,
    _NOT_PLACES,
    _POINT_AFTER,
    _SERIES_NOUN,
)
from corroborate.extract.figures.tokens import _head, _index_at, _is_verb_form, _plural, _Tok
from corroborate.extract.numbers import NumberMatch
from corroborate.extract.units import UnitMatch, match_unit
from corroborate.model import Span

# --- one figure -------------------------------------------------------------------------------


# "fell by a fifth": a share in words after "by" is a change
_BY_BEFORE = re.compile(r"\bby\s+(?:about\s+|almost\s+|nearly\s+|more\s+than\s+)?$", re.I)


@dataclass(slots=True)
class _Counted:
    unit: str | None
    noun: str | None  # the measure noun key
    counted: str | None
    end: int  # where the figure's span ends (after the unit or noun)
    category: str | None
    unit_match: UnitMatch | None


# codes that read like temperatures: "batch numbers 24B and 24C", "lot 12F", "seat 14C"
_CODE = re.compile(r"\b\d+[ABD-EG-Z]\b")

_CODE_WORD = re.compile(
    r"\b(?:batch(?:es)?|codes?|lots?|models?|numbers?|rooms?|gates?|flights?|platforms?|seats?|"
    r"rows?|units?|blocks?|apartments?|flats?|suites?|routes?|sizes?|grades?|versions?)\b[^.;]*$",
    re.IGNORECASE,
)

_PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|all|its|their)\s+(?=[a-z])", re.IGNORECASE)

_NOUN_OUT_OF = re.compile(r"[\w-]+\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s+out\s+of\b")

# what a rate step is a step of: "a 50-basis-point cut", "a quarter-point hike"
_CHANGE_NOUN = re.compile(
    r"[-‑\s]+(?:(?:interest[-‑\s]+)?rates?[-‑\s]+)?"  # "a half-point interest rate cut"
    r"(?P<noun>cut|cuts|rise|rises|hike|hikes|increase|increases|reduction|reductions|"
    r"move|drop|decline|gain|fall|easing|tightening)\b",
    re.IGNORECASE,
)

_STEP_NOUNS = {"cut": "cut", "reduction": "cut", "easing": "cut", "hike": "hike"}
_STEP_NOUNS |= {"increase": "hike", "tightening": "hike"}

_STEP_VERB_BY = re.compile(
    r"\b(?:(?P<cut>cut|cuts|cutting|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?"
    r"|trim(?:s|med|ming)?)|(?P<hike>rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?))"
    r"\b[^.;:!?]{0,60}?\bby\s+(?:about\s+|another\s+|a\s+further\s+)?$",
    re.IGNORECASE,
)


def _rate_step(text: str, sent: Span, number: NumberMatch, counted: str | None) -> str | None:
    """ "cut" or "hike" for a step in a rate, by its noun ("a half-point cut") or its verb
    ("lowered its benchmark rate by 50 basis points"); None for anything else."""
    if counted is not None:
        return _STEP_NOUNS.get(counted.lower().rstrip("s"))
    verb = _STEP_VERB_BY.search(text, max(sent.start, number.start - 90), number.start)
    if verb is None:
        return None
    return "cut" if verb.group("cut") else "hike"


_OF_THE_AFFECTED = re.compile(
    rf"\s+of\s+(?:the|those)\s+({'|'.join(_AFFECTED)})\b"
    r"(?!\s+(?!(?:was|is|has|as|us)\b)[a-z]+s\b)",
    re.IGNORECASE,
)

# "shot down 119 of the drones": a part of things named in the plural, no total written
_PART_OF_PLURAL = re.compile(r"\s+of\s+(?:the|those|its|their)\s+(?=[a-z]+s\b(?![’'-]))")

_PARTITIVE_AFTER = re.compile(
    r"\s+of\s+(?:(?:the|all|its|their)\s+)?(?:[\w.-]+[’']s?\s+)?\d[\d,.]*(?=\s)", re.IGNORECASE
)


_QUAKE_WORDS = r"(?:earth)?quakes?|tremors?|aftershocks?|foreshocks?|shocks?"

_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[-\s]+(?:[a-z]+\s+)?$", re.IGNORECASE)

_QUAKE_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?({_QUAKE_WORDS})\b", re.IGNORECASE)

_QUAKE = re.compile(rf"\b({_QUAKE_WORDS})\b", re.IGNORECASE)


_PER_UNIT = re.compile(
    r"\s+(?:a|an|per|each)\s+(share|ounce|barrel|tonne|ton|gallon|litre|liter|kilogram|kilo|"
    r"kg|head|person|month|year|week|day|hour)\b"
    r"(?!\s+(?:earlier|ago|before|previously))",  # "£637m a year earlier" is no rate
    re.IGNORECASE,
)


def _counted(text: str, sent: Span, toks: list[_Tok], number: NumberMatch) -> _Counted | None:
    """The unit or noun the number counts, and the phrase it heads."""
    pos = number.end
    magnitude = _MAGNITUDE_AFTER.match(text, pos, sent.end)
    if magnitude or _MAGNITUDE_BEFORE.search(
        text, max(sent.start, number.start - 20), number.start
    ):
        # "a magnitude 7.4 earthquake", "measured at magnitude 7.2", "a 6.1-magnitude tremor":
        # a reading on a scale, never a count of people; the event is the noun after it or the
        # nearest one before it ("an aftershock of magnitude 4.0")
        if magnitude:
            pos = magnitude.end()
        event = _QUAKE_AFTER.match(text, pos, sent.end)
        if event:
            return _Counted(
                "magnitude", "magnitude", event.group(1).lower(), event.end(), "magnitude", None
            )
        earlier = _QUAKE.findall(text, sent.start, number.start)
        counted_event = earlier[-1].lower() if earlier else None
        return _Counted("magnitude", "magnitude", counted_event, pos, "magnitude", None)
    if number.currency:
        # "$5m in aid", "€1.2bn of weapons", "a $5m package"
        scale = re.match(r"\s*(?:dollars|euros|pounds|worth)\b", text[pos : sent.end], re.I)
        if scale:
            pos += scale.end()
        rate = _PER_UNIT.match(text, pos, sent.end)
        if rate:  # "$31 a share", "$80 a barrel": a price, matched only with prices of that
            word = rate.group(1).lower()
            return _Counted(number.currency, f"money_per_{word}", f"per {word}", rate.end(),
                            "currency", None)  # fmt: skip
        obj = _of_phrase(text, pos, sent.end, allow_in=True)
        counted = obj[0] if obj else None
        return _Counted(number.currency, "money", counted, pos, "currency", None)
    if number.kind == "proportion" and _BY_BEFORE.search(
        text, max(sent.start, number.start - 12), number.start
    ):
        # "exports fell by a fifth": a change in percent, read on as "fell by 20%" is
        unit_here: UnitMatch | None = UnitMatch(pos, pos, "percent", "percent", "share")
    else:
        unit_here = None
    if number.kind == "proportion" and unit_here is None:  # "six in 10 voters": a share
        partitive_of = _PARTITIVE_OF.match(text, pos, sent.end)
        if partitive_of and number.base is not None:
            pos = partitive_of.end()  # "one in seven of the deaths"
        of_unit = _unit_after(text, pos, sent.end, toks)
        whole = (of_unit.start, of_unit.end) if of_unit else _plain_noun(text, toks, pos)
        inside = _NOUN_OUT_OF.match(text, number.number_start, number.number_end)
        if whole is None and inside is not None:
            # "Seven French people out of ten are against": a share of those named inside
            return _Counted("percent", "share", inside.group(1), pos, "percent", None)
        if whole is None:
            return None  # "eight out of 10 said ...": a share of no one named
        share_of = _with_pp(text, pos, whole[1], sent.end)
        return _Counted("percent", "share", share_of, whole[1], "percent", None)
    affected = _OF_THE_AFFECTED.match(text, pos, sent.end)
    if affected:  # "17 of the injured": people, known by what happened to them
        word = affected.group(1).lower()
        return _Counted("people", word, word, affected.end(), "people", None)
    partitive = _PARTITIVE_AFTER.match(text, pos, sent.end) or _PART_OF_PLURAL.match(
        text, pos, sent.end
    )
    if partitive:  # "21 of the 25 drones", "119 of the drones": counts the drones
        pos = partitive.end()
    unit = unit_here or _unit_after(text, pos, sent.end, toks)
    if (
        unit is not None
        and unit.category == "temperature"
        and text[unit.start : unit.end] in {"C", "F"}
        and (
            _CODE.search(text, sent.start, sent.end)
            or _CODE_WORD.search(text, max(sent.start, number.start - 40), number.start)
        )
    ):
        return None  # "batch numbers 24B and 24C": a code, unless the sentence is the weather's
    point = _POINT_AFTER.match(text, pos, sent.end)
    if unit is None and point and number.words and number.value < 1:  # "a quarter-point cut"
        unit = UnitMatch(point.start(), point.end(), "percentage points", "percent", "share")
    if unit is not None and unit.unit == "percentage points":
        change = _CHANGE_NOUN.match(text, unit.end, sent.end)
        if change:  # "a 50-basis-point cut": the step of what
            noun = change.group("noun").lower()
            return _Counted(unit.unit, noun, noun, change.end(), unit.category, unit)
    if unit is not None and unit.category == "currency":
        rate = _PER_UNIT.match(text, unit.end, sent.end)
        if rate:  # "8.6p a share": a price, as "$31 a share" is
            word = rate.group(1).lower()
            return _Counted(unit.unit, f"money_per_{word}", f"per {word}", rate.end(),
                            "currency", unit)  # fmt: skip
    if unit is not None:
        counted_text: str | None
        if unit.category in {
            "area",
            "length",
            "speed",
            "percent",
            "mass",
            "currency",
            "power",
            "volume",
            "flow",
            "concentration",
            "exchange",
        }:  # "500 gigawatts of renewable capacity", "40 million litres of water"
            obj = _of_phrase(text, unit.end, sent.end, allow_in=unit.category == "currency")
            counted_text = obj[0] if obj else None
            if counted_text is None and unit.category == "area":
                counted_text = "area"
        else:
            counted_text = _with_pp(text, pos, unit.end, sent.end)
        noun = unit.noun
        if unit.original in {"centimetres", "millimetres"} and counted_text:
            noun = _head(counted_text) or noun  # "20cm of snow", "50mm of rain": snow, rain
        return _Counted(unit.unit, noun, counted_text, unit.end, unit.category, unit)
    noun = _plain_noun(text, toks, pos)
    if noun is None:
        return None
    n_start, n_end = noun
    head = text[n_start:n_end].lower()
    of_herd = _HEAD_OF.match(text, n_end, sent.end) if head == "head" else None
    if of_herd is not None:  # "735,000 head of livestock": the livestock, counted by head
        n_start, n_end = of_herd.span(1)
        head = of_herd.group(1).lower()
        pos = n_start
    counted_text = _with_pp(text, pos, n_end, sent.end)
    if text[n_start].isupper():  # a people by name: "8 million Americans"
        return _Counted("people", head, counted_text, n_end, "people", None)
    if number.value == 1:
        head = _plural(head)  # "one spectator was killed" is counted with "two spectators"
    return _Counted(head, head, counted_text, n_end, "count", None)


_HEAD_OF = re.compile(r"\s+of\s+([a-z]+)")


def _unit_after(text: str, pos: int, end: int, toks: list[_Tok]) -> UnitMatch | None:
    """A unit right after the number, or after up to two modifiers ("72 more settlements",
    "115 freed Ukrainian soldiers")."""
    found = match_unit(text, pos, end)
    if found is not None:
        return found
    if _WHEN_AFTER.match(text, pos, end):
        return None  # "rose to 230 last week": "last" is no modifier of a unit "week"
    at = pos
    for _ in range(2):
        m = re.match(r"\s*([A-Z](?:\.[A-Z])+\.?|[^\W\d_][\w’'-]*)", text[at:end])
        if not m:
            return None
        word = m.group(1)
        i = _index_at(toks, at + m.start(1))
        # "115 freed soldiers" (the tagger may read "freed" as a past tense)
        described = 0 <= i < len(toks) and (
            toks[i].tag == "JJ" or (toks[i].tag in {"VBN", "VBD"} and word.endswith("ed"))
        )
        if (
            word.lower() not in _MODIFIERS
            and not described
            and not (word[0].isupper() and word.lower() not in _FUNCTION)
        ):
            return None
        at += m.end()
        found = match_unit(text, at, end)
        if found is not None:
            return found
    return None


# nouns after a number that make it a ratio or a manner, not a count
_NOT_COUNTED = frozenset({"times", "fold", "ways", "to", "percentile", "th", "s"})


_SUSPENDED = re.compile(r"\s+[^\W\d_]+-\s+(?:and|or|to)\s+[^\W\d_]+(?:-[^\W\d_]+)?(?=\s)")


_WHEN_AFTER = re.compile(
    r"\s+(?:last|next|this|that|each|every|per|a|an)\s+(?:week|month|year|quarter|day|night|"
    r"time|weekend|season|hour)s?\b",
    re.IGNORECASE,
)


_MODEL_PART = re.compile(r"-?\d{1,4}[A-Za-z]{0,2}|-")


def _plain_noun(text: str, toks: list[_Tok], pos: int) -> tuple[int, int] | None:
    """The head noun after a number (ending at `pos`) not in the unit lexicon ("300 tanks")."""
    if _WHEN_AFTER.match(text, pos):
        return None  # "230,000 last week": a time, not what is counted
    suspended = _SUSPENDED.match(text, pos)
    i = _index_at(toks, suspended.end() if suspended else pos)
    last: tuple[int, int] | None = None
    has_tags = any(t.tag for t in toks)
    named = False  # a capitalised name came first: "24 F-16 jets", "14 Leopard 2 tanks"
    for j in range(i, min(i + 6, len(toks))):
        t = toks[j]
        if last is not None and _WHEN_AFTER.match(text, toks[j - 1].end):
            break  # "40 missiles last night": the time is no part of the noun
        if not t.text[0].isalpha():
            if named and last is None and _MODEL_PART.fullmatch(t.text):
                continue  # the rest of a model name: "Leopard 2", "737 Max 9", "F-16"
            if (
                last is not None
                and t.text.isdigit()
                and _SERIES_NOUN.search(text, max(0, t.start - 12), t.start)
            ):
                continue  # "3,200 category 2 calls": the calls, of category 2
            break
        if has_tags:
            if t.tag in {"NNS", "NN", "NNPS"}:
                last = (t.start, t.end)
                continue
            if last is None and (
                t.tag in {"JJ", "VBN", "NNP"} or (t.text[0].isupper() and t.lower not in _FUNCTION)
            ):  # a capitalised word the tagger got wrong is still a name: "Shahed/CD"
                named = named or t.text[0].isupper()
                continue
            if (  # a modifier the tagger took for a verb: "hate/VB crime incidents",
                # "confirmed/VBD measles cases"
                last is None
                and t.tag.startswith("VB")
                and t.text.isalpha()
                and t.text.islower()
                and t.lower not in _SPEECH_VERBS  # "4 in 10 said billionaire Donald Trump"
                and t.lower not in _LINKING_PARTICIPLES  # "16 involving business activity"
                and j + 1 < len(toks)
                and toks[j + 1].tag in {"NNS", "NN"}
            ):
                continue
            if (  # a mis-tagged word inside a compound: "tax haven/RB subsidiaries"
                last is not None
                and t.tag not in _FINITE_TAGS  # "homes lost/VBD power": the verb
                and t.text.isalpha()
                and t.text.islower()
                and t.lower not in _FUNCTION
                and j + 1 < len(toks)
                and toks[j + 1].tag in {"NNS", "NN"}
            ):
                continue
            break
        if t.lower in _FUNCTION or _is_verb_form(t.lower) or t.lower.endswith("ly"):
            break
        if t.text[0].isupper():
            if last is None and t.lower.endswith("ans"):  # "8 million Americans"
                last = (t.start, t.end)
                break
            if last is None:  # "72 Russian soldiers": a proper adjective
                continue
            break
        if last is not None and not text[toks[j - 1].end : t.start].isspace():
            break
        # without tags: a short run of plain words, ended by the first plural
        # ("95 retired generals", "11 primary-season debates", "300 tanks were")
        last = (t.start, t.end)
        if t.lower.endswith("s") and not t.lower.endswith("ss"):
            break
    if last is not None and text[last[0] : last[1]].lower() in _NOT_COUNTED:
        return None
    return last


_SPEECH_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "claimed", "claims", "wrote"}
)
_LINKING_PARTICIPLES = frozenset(
    {"involving", "including", "regarding", "concerning", "following", "according",
     "excluding", "affecting", "targeting", "covering", "representing", "making"}
)  # fmt: skip
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _with_pp(text: str, num_end: int, head_end: int, sent_end: int) -> str:
    """The counted noun phrase: modifiers, head, and a locative phrase after it."""
    phrase_start = num_end
    while phrase_start < head_end and text[phrase_start].isspace():
        phrase_start += 1
    phrase = text[phrase_start:head_end]
    pp = re.match(
        r"\s+((?:in|near|across|around|inside|along|on|at|of|from)\s+(?:the\s+)?"
        r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:\s+(?:" + _GEO_NOUNS + r"))?)",
        text[head_end:sent_end],
    )
    # "12 soldiers on Friday": when, not where
    if pp and pp.group(1).split()[-1].lower().rstrip(".") not in _NOT_PLACES:
        phrase += " " + pp.group(1)
    return " ".join(phrase.split())


def _of_phrase(text: str, pos: int, end: int, *, allow_in: bool) -> tuple[str, int] | None:
    """ "of territory", "in humanitarian aid", "worth of weapons": the noun phrase object."""
    preps = r"of|worth\s+of|in(?=\s+[a-z])" if allow_in else r"of"
    m = re.match(
        rf"\s+(?:{preps})\s+((?:(?:the|its|their|both|all|these|those)\s+){{0,2}}"
        rf"[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){{0,2}})",
        text[pos:end],
    )
    if not m:
        return None
    words = m.group(1).split()
    keep: list[str] = []
    for w in words:
        if (w.lower() in _FUNCTION or w.lower() in _WHEN_WORDS) and keep:
            break  # "of renewable capacity last year": the year is when
        if w.lower() in _FUNCTION:  # "of the", "of both the", "of all"
            continue
        if keep and w.lower().endswith("ing") and _ADJECTIVE_END.search(keep[-1].lower()):
            keep.append(w)  # "of its annual spending": a noun after an adjective
            break
        if _is_verb_form(w.lower()) or (keep and len(w) > 5 and w.lower().endswith("ed")):
            break  # "of Republicans agreed": the verb of the clause, not the noun
        keep.append(w)
    if not keep or (allow_in and {keep[0].lower(), keep[-1].lower()} & _TIME_NOUNS):
        return None  # "$355 million in the quarter", "in the first half": when, not what
    if allow_in and {w.lower() for w in keep} & _MONTHS_AND_PARTS:
        return None  # "a high near $98 in late September": when
    if allow_in and keep[0].lower() in {"exchange", "return", "addition", "total", "cash"}:
        return None  # "50 cents in exchange for ...", "$5m in total": no thing it buys
    return " ".join(keep), pos + m.end()


_MONTHS_AND_PARTS = frozenset(_MONTHS) | {"late", "early", "mid"}

_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ary|ful|less|able|ible|ern)$")

_WHEN_WORDS = frozenset(
    {"last", "this", "next", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "so", "since", "until", "annually", "daily"}
)  # fmt: skip

_TIME_NOUNS = frozenset(
    {"quarter", "year", "month", "week", "day", "period", "half", "session", "decade", "season"}
)
