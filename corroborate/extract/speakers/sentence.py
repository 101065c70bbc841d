"""`sentence_subject`: the person or body a sentence opens with, for a quote whose cue names
no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from corroborate.extract.speakers.after import np_after
from corroborate.extract.speakers.lexicon import _PREPOSITIONS
from corroborate.extract.speakers.tokens import Mention, Tok, _spaced
from corroborate.model import Entity


def sentence_subject(
    text: str, toks: Sequence[Tok], k: int, entities: Sequence[Entity]
) -> Mention | None:
    """The subject of the clause a participle hangs on: in "Abedin, an aide, emailed
    supporters, telling them ..." the speaker of "telling" is Abedin. Tries the sentence start,
    then each point after a comma, before token `k`."""
    starts = [0] + [
        i + 1
        for i in range(k)
        if toks[i].text in {",", "—", ":"} or (toks[i].text == "-" and _spaced(text, toks[i]))
    ]  # (" - ": after a dateline, "WASHINGTON, Jan 24 (Wire) - The FAA ...")
    for s in starts:
        if s >= k:
            break
        if _abbreviated_place(toks, s):
            continue  # "At a rally in Beaumont, Tex., Mr. Trump ...": a state, not the subject
        if toks[s].low in _PREPOSITIONS or toks[s].low in {
            "during",
            "amid",
            "despite",
            "elsewhere",
            "meanwhile",
            "separately",
        }:
            continue  # "In a statement, Gov. X blasted Congress and said ...": not the subject
        m = np_after(text, toks, s, k, entities)
        if m is not None and _time_phrase(toks, m.end, k):
            # "Hours later, Trump ..., telling Reuters": when, not who; "A few minutes later
            # they reversed themselves and said ...": the subject follows it
            after = next(i for i in range(s, k) if toks[i].start >= m.end) + 1
            if after < k and toks[after].text not in {",", "—", ":"}:
                m = np_after(text, toks, after, k, entities)
            else:
                continue
        if m is not None and (m.name is not None or m.pronoun is not None or m.title_only):
            return m
    return None


# "Hours later", "A few minutes later", "Days earlier": a noun phrase that says when
_TIME_AFTER: Final[frozenset[str]] = frozenset(
    {"later", "earlier", "ago", "afterwards", "afterward", "before", "after"}
)


_TIME_UNITS: Final[frozenset[str]] = frozenset(
    {"seconds", "moments", "minutes", "hours", "days", "weeks", "months", "years", "second",
     "moment", "minute", "hour", "day", "week", "month", "year"}
)  # fmt: skip


def _time_phrase(toks: Sequence[Tok], end: int, hi: int) -> bool:
    """Is the noun phrase ending at offset `end` a span of time followed by "later",
    "earlier", "ago" ("Hours later")? Not "A campaign official later walked back ..."."""
    last = next((t for t in reversed(toks[:hi]) if t.end <= end), None)
    nxt = next((t for t in toks[:hi] if t.start >= end), None)
    return (
        last is not None and last.low in _TIME_UNITS and nxt is not None and nxt.low in _TIME_AFTER
    )


def _abbreviated_place(toks: Sequence[Tok], i: int) -> bool:
    """ "Tex.," / "Calif.,": a capitalised abbreviation between commas after a name, the way
    wire copy writes a city's state ("Beaumont, Tex., ...")."""
    return (
        i >= 2
        and i + 2 < len(toks)
        and toks[i - 1].text == ","
        and toks[i - 2].cap
        and toks[i].cap
        and toks[i + 1].text == "."
        and toks[i + 2].text == ","
    )
