"""`Tok`, the word view every speaker and quote rule reads, `tokenize`, `Mention` and the small
tests on one word (is it a title word, a plain word, a number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from corroborate.extract.cues import cue_lemma
from corroborate.extract.entities import (
    HONORIFICS,
    PLACES,
)
from corroborate.extract.speakers.lexicon import (
    _FUNCTION_WORDS,
    _PAST_FORMS,
    DETERMINERS,
    GROUP_NOUNS,
    MODIFIERS,
    MONTHS,
    ORG_WORDS,
    SENTENCE_STARTERS,
    TITLE_WORDS,
    WEEKDAYS,
)
from corroborate.model import Entity
from corroborate.model.annotations import SourceKind

# "they’ve", "he’d", "she’s": a pronoun and its auxiliary written as one word ("it’s" is left
# alone: "it’s estimated that ..." names no one)
_PRONOUN_CONTRACTED: Final = re.compile(r"(he|she|they)[’'](?:ve|d|ll|s|re)$")


class Tok:
    """A word or punctuation mark with its offsets. A plain slotted class, with its lower-case
    form and capitalisation computed once: the quote and speaker finders make ~40 of these
    per sentence and read `low` hundreds of times (a frozen dataclass's `__init__` and a
    property per read were a quarter of the quote stage)."""

    __slots__ = ("cap", "end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        low = text.lower()
        if ("’" in low or "'" in low) and (bare := _PRONOUN_CONTRACTED.match(low)):
            low = bare.group(1)  # "They’ve suggested": the pronoun speaks
        self.low = low
        self.cap = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tok) and (self.text, self.start, self.end) == (
            other.text,
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    @property
    def possessive(self) -> bool:
        # "Ukraine's", "Reuters'", and a plural's: "a farmers' group", "the teachers’ union"
        return self.low.endswith(("’s", "'s", "s’", "s'")) or (
            self.text.endswith(("’", "'")) and self.cap
        )


# A number with thousands separators is one token: its commas delimit no phrase ("alleging
# that Obama wanted to admit 250,000 Syrians, said ..." has no aside "000 Syrians").
# "OPEC+" is one word (a capitalised name with a plus sign), "1+1" is not
_TOKEN_RE: Final = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)"
    r"|\w+(?:[’'.\-]\w+)*(?:(?<=[A-Z])\+(?![\w+]))?(?:[’'](?!\w))?|[^\w\s]"
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [Tok(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


@dataclass(slots=True)
class Mention:
    """A speaker phrase as written, before resolution."""

    start: int  # the whole phrase, title included
    end: int
    kind: SourceKind
    name: str | None = None  # the name as written ("Ms Rudik", "Georgiy Tykhy")
    name_start: int | None = None
    name_end: int | None = None
    title: str | None = None
    pronoun: str | None = None
    gender: str | None = None  # "m" | "f" | "pl" where the text says so
    title_only: bool = False
    generic: bool = False  # a plain noun phrase, not a name or a known source word


_TITLE_SUFFIX_RE: Final = re.compile(
    r"(?:er|or|ist|ian|ant|ent|man|woman|person|eer|ary|chief|head|boss|master|coach|guard)$"
)


def _is_title_word(t: Tok) -> bool:
    w = t.low.strip(".")
    return w in TITLE_WORDS or _title_compound(w)


def _title_compound(w: str) -> bool:
    """A hyphenated role: "commander-in-chief", "minister-designate", "president-elect",
    "former-deputy-defence-minister-turned-analyst". One title word among its parts makes
    it a title; a hyphenated name ("Jean-Luc") has none."""
    return "-" in w and any(part in TITLE_WORDS for part in w.split("-"))


def _plain_word(t: Tok) -> bool:
    """A capitalised word that is no first name: a title, a modifier, an organisation's or
    a place's word, a sentence opener ("Foreign", "U.S.", "Party", "But")."""
    w = t.low.strip(".")
    return (
        w in TITLE_WORDS
        or w in MODIFIERS
        or w in ORG_WORDS
        or w in GROUP_NOUNS
        or w in PLACES
        or w in SENTENCE_STARTERS
        or w in DETERMINERS
        or w in HONORIFICS
        or w in WEEKDAYS
        or w in MONTHS
        or _title_compound(w)
        or (t.text.isupper() and len(w) > 1)
    )


def _titleish(t: Tok) -> bool:
    """A title word, or a lower-case noun that looks like a role ("hydrologist", "master")."""
    if _is_title_word(t):
        return True
    w = t.low
    return (
        not t.cap
        and w.isalpha()
        and len(w) > 4
        and w not in _FUNCTION_WORDS
        and _TITLE_SUFFIX_RE.search(w) is not None
    )


def _verb_form(w: str) -> bool:
    """A past form or a speech verb, never a noun before a role: "told", "met", "visited"."""
    return w.endswith(("ed", "ing")) or cue_lemma(w) is not None or w in _PAST_FORMS


def _entity_at(entities: Sequence[Entity], start: int, end: int, label: str) -> Entity | None:
    """The last entity of `label` lying inside [start, end)."""
    best: Entity | None = None
    for e in entities:
        if e.label == label and e.start >= start and e.end <= end:
            best = e if best is None or e.start > best.start else best
    return best


def _clean_title(text: str) -> str | None:
    t = " ".join(text.replace("\n", " ").split()).strip(" ,;:—–-")
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.IGNORECASE)
    return t or None


def _spaced(text: str, t: Tok) -> bool:
    """A token with a space on each side: " - " is a dash, not a hyphen."""
    return text[t.start - 1 : t.start] == " " and text[t.end : t.end + 1] == " "


def _stamp_part(t: Tok) -> bool:
    """A piece of a time stamp: "09", ":", "41", "GMT", "a.m."."""
    return t.text.isdigit() or t.text in {":", "."} or (t.text.isupper() and len(t.text) <= 4)


NUMBER_WORDS: Final[frozenset[str]] = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     "hundred", "half", "third", "thirds", "quarter", "quarters", "percent", "majority",
     "majorities", "most", "many", "few", "dozens", "hundreds", "thousands", "all", "both"}
)  # fmt: skip


def _numberish(t: Tok) -> bool:
    w = t.low
    return (
        w.isdigit()
        or w.rstrip("%").replace(",", "").replace(".", "", 1).isdigit()  # "1,200", "1.1"
        or all(part in NUMBER_WORDS for part in w.split("-"))
    )


def _common_word(text: str, tok: Tok) -> bool:
    """A capitalised word that the article also writes in lower case is not a name."""
    w = tok.text.strip(".")
    low = w.lower()
    if low in MONTHS or low in SENTENCE_STARTERS or low in DETERMINERS or low in WEEKDAYS:
        return True
    if len(w) <= 1:
        return True
    return re.search(r"\b" + re.escape(w.lower()) + r"\b", text) is not None
