"""Reporting cues: the verbs and phrases that introduce what somebody said, with their stance.

A cue's *stance* is how the writer frames the report:

- ``neutral``: said, added, told, noted, explained, announced, wrote ...
- ``assertive``: insisted, emphasised, stressed, declared, warned, vowed ...
- ``distancing``: claimed, alleged, purported (the writer keeps the statement at arm's length)
- ``conceding``: admitted, conceded, acknowledged

Some verbs only report speech when their subject is a source ("analysts suggest that ...",
"local reports indicate that ..."), not when it is an abstraction ("the news suggests ...").
Those are *weak* cues; the quote extractor asks for a recognisable source before using them.

Everything here is plain text matching; it needs no parser, so it can run on any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from corroborate.model.annotations import Stance

# lemma -> stance. Keep it to verbs that report speech or writing.
CUE_VERBS: Final[dict[str, Stance]] = {
    # neutral
    "say": "neutral",
    "add": "neutral",
    "tell": "neutral",
    "state": "neutral",
    "note": "neutral",
    "explain": "neutral",
    "announce": "neutral",
    "report": "neutral",
    "write": "neutral",
    "tweet": "neutral",
    "post": "neutral",
    "reply": "neutral",
    "respond": "neutral",
    "comment": "neutral",
    "remark": "neutral",
    "mention": "neutral",
    "observe": "neutral",
    "recall": "neutral",
    "continue": "neutral",
    "confirm": "neutral",
    "reveal": "neutral",
    "disclose": "neutral",
    "testify": "neutral",
    "predict": "neutral",
    "ask": "neutral",
    "describe": "neutral",
    "suggest": "neutral",
    "indicate": "neutral",
    "assess": "neutral",  # "ISW assessed that ...": analysts and intelligence reports
    "estimate": "neutral",  # "the UN estimates that ...", "a study estimated that ..."
    # assertive
    "insist": "assertive",
    "emphasise": "assertive",
    "emphasize": "assertive",
    "stress": "assertive",
    "assert": "assertive",
    "declare": "assertive",
    "warn": "assertive",
    "vow": "assertive",
    "argue": "assertive",
    "maintain": "assertive",
    "promise": "assertive",
    "pledge": "assertive",
    "deny": "assertive",
    "affirm": "assertive",
    "boast": "assertive",
    "caution": "assertive",
    "complain": "neutral",
    # distancing
    "claim": "distancing",
    "allege": "distancing",
    "purport": "distancing",
    # conceding
    "admit": "conceding",
    "concede": "conceding",
    "acknowledge": "conceding",
}

# Verbs that report speech only when the subject is a recognisable source.
WEAK_CUE_VERBS: Final[frozenset[str]] = frozenset(
    {"suggest", "indicate", "continue", "describe", "assess", "estimate"}
)

# Multi-word cues; the speaker follows them ("according to the ministry, ...").
CUE_PHRASES: Final[dict[str, Stance]] = {
    "according to": "neutral",
    "as reported by": "neutral",
    "in the words of": "neutral",
    "quoted as saying": "neutral",
}

# The lemmas a benchmark may use to decide which gold attributions are speech.
SPEECH_LEMMAS: Final[frozenset[str]] = frozenset(CUE_VERBS) | frozenset(CUE_PHRASES)

_IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "deny": ("deny", "denies", "denied", "denying"),
    "purport": ("purport", "purports", "purported", "purporting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "vow": ("vow", "vows", "vowed", "vowing"),
}


def _inflections(lemma: str) -> tuple[str, ...]:
    """The forms of a regular English verb: note -> notes, noted, noting."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


FORM_TO_LEMMA: Final[dict[str, str]] = {
    form: lemma for lemma in CUE_VERBS for form in _inflections(lemma)
}

_AUXILIARIES: Final[frozenset[str]] = frozenset(
    {"has", "have", "had", "having", "was", "were", "is", "are", "will", "would", "also"}
)


def cue_lemma(word: str) -> str | None:
    """The lexicon lemma of an inflected cue verb ("stated" -> "state"), else None."""
    return FORM_TO_LEMMA.get(word.lower())


def stance_of(lemma: str) -> Stance:
    """The stance of a cue lemma or phrase; unknown cues are neutral."""
    return CUE_VERBS.get(lemma) or CUE_PHRASES.get(lemma) or "neutral"


def is_speech_cue(cue_text: str) -> bool:
    """Whether a cue as written ("has said", "said in a statement", "according to") reports
    speech, by our lexicon."""
    low = cue_text.lower()
    if any(phrase in low for phrase in CUE_PHRASES):
        return True
    return any(cue_lemma(w) for w in re.findall(r"[a-z]+", low))


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in text. `start`/`end` cover the verb (with a perfect auxiliary: "has
    stated") or the whole phrase; `verb_start` is where the verb itself starts."""

    start: int
    end: int
    verb_start: int
    lemma: str
    stance: Stance
    form: str  # the verb as written, lower-case: "said", "saying", "according to"
    phrase: bool = False  # a multi-word cue whose speaker follows it
    weak: bool = False
    # "Interfax quoted [Lebed] as saying": where the quoted person's phrase starts (the cue is
    # "as saying"; the speaker lies between the outlet's verb and the cue); -1 otherwise
    object_from: int = -1

    @property
    def gerund(self) -> bool:
        return self.form.endswith("ing") and not self.phrase and self.object_from < 0


_WORD_RE: Final = re.compile(r"[A-Za-z]+")


def _cue_word_pattern() -> re.Pattern[str]:
    """A whole run of ASCII letters (a `_WORD_RE` word) that is a cue form, in any case.

    The forms are grouped by first letter ("s(?:aid|ays|...)|t(?:old|...)") so the engine
    tries one branch per letter, not every form, at each position."""
    by_letter: dict[str, list[str]] = {}
    for form in sorted(FORM_TO_LEMMA, key=lambda f: (-len(f), f)):
        by_letter.setdefault(form[0], []).append(re.escape(form[1:]))
    branches = "|".join(f"{letter}(?:{'|'.join(rest)})" for letter, rest in by_letter.items())
    return re.compile(rf"(?<![A-Za-z])(?:{branches})(?![A-Za-z])", re.IGNORECASE | re.ASCII)


_CUE_WORD_RE: Final = _cue_word_pattern()
# the verb a phrase stands for, where it has one
_PHRASE_LEMMAS: Final[dict[str, str]] = {"quoted as saying": "say", "as reported by": "report"}
_PHRASE_RE: Final = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(CUE_PHRASES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# "X quoted Y as saying", "X cited Y as saying": Y is the speaker, X only passes the words on.
# ("quoted by X as saying" is passive: X is the outlet again, so it is left out.)
_QUOTED_AS_RE: Final = re.compile(
    r"\b(?:quoted|cited)\s+(?!(?:by|as)\b)([^;:!?“”\"\n]{1,80}?)\s+(as\s+(saying|telling))\b",
    re.IGNORECASE,
)
_AUX_BEFORE_RE: Final = re.compile(r"\b(has|have|had)\s+(?:also\s+|already\s+|repeatedly\s+)?$")


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
    """Every lexicon cue in `text[start:end]`, in order of position."""
    end = len(text) if end is None else end
    found: list[CueMatch] = []
    phrase_spans: list[tuple[int, int]] = []
    for m in _PHRASE_RE.finditer(text, start, end):
        phrase = m.group(1).lower()
        lemma = _PHRASE_LEMMAS.get(phrase, phrase)
        found.append(
            CueMatch(m.start(), m.end(), m.start(), lemma, stance_of(phrase), phrase, phrase=True)
        )
        phrase_spans.append((m.start(), m.end()))
    for m in _QUOTED_AS_RE.finditer(text, start, end):
        if any(a <= m.start(2) < b for a, b in phrase_spans):
            continue
        lemma = "tell" if m.group(3).lower() == "telling" else "say"
        found.append(
            CueMatch(
                m.start(2),
                m.end(2),
                m.start(3),
                lemma,
                "neutral",
                " ".join(m.group(2).lower().split()),
                object_from=m.start(1),
            )
        )
        phrase_spans.append((m.start(2), m.end(2)))
    # Only the words that are cue forms (the other words would be skipped below); searched in
    # the slice so that its edges bound words as they do for `_WORD_RE.finditer(text, start,
    # end)`, which this replaces.
    for m in _CUE_WORD_RE.finditer(text[start:end]):
        word_start, word_end = start + m.start(), start + m.end()
        if phrase_spans and any(a <= word_start < b for a, b in phrase_spans):
            continue
        word = m.group(0)
        form = word.lower()
        if word[0].isupper() and form not in {"says", "said"}:
            continue  # "the Washington Post", "the United States": names, not verbs
        lemma = FORM_TO_LEMMA[form]
        cue_start = word_start
        aux = _AUX_BEFORE_RE.search(text, max(start, cue_start - 30), cue_start)
        if aux is not None and not form.endswith("ing"):
            cue_start = aux.start()
        found.append(
            CueMatch(
                cue_start,
                word_end,
                word_start,
                lemma,
                CUE_VERBS[lemma],
                form,
                weak=lemma in WEAK_CUE_VERBS,
            )
        )
    found.sort(key=lambda c: c.start)
    return found
