"""The token view the figure rules work on: a `_Tok` per word with its tag and lemma, and the
lookups over them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corroborate.extract.figures.lexicon import (
    _CUE_VERBS,
    _LEVEL_VERBS,
    _MODIFIERS,
    _PARTICIPLES,
    _VERB_KEYS,
)

# fmt: off
_IRREGULAR: dict[str, str] = {
    "took": "take", "taken": "take", "taking": "take", "takes": "take", "held": "hold",
    "left": "leave", "leaving": "leave", "fled": "flee", "fleeing": "flee", "lost": "lose",
    "losing": "lose", "shot": "shoot", "gave": "give", "given": "give", "giving": "give",
    "sent": "send", "won": "win", "winning": "win", "kept": "keep", "died": "die", "dying": "die",
    "dies": "die", "dead": "die", "unaccounted": "missing",
    "struck": "strike", "stricken": "strike", "hit": "hit",
    "hitting": "hit", "spent": "spend", "stood": "stand", "stands": "stand", "standing": "stand",
    "rose": "rise", "risen": "rise", "rising": "rise", "fell": "fall", "fallen": "fall",
    "falling": "fall", "grew": "grow", "grown": "grow", "growing": "grow", "slew": "slay",
    "slain": "slay", "overran": "overrun", "freed": "free", "freeing": "free", "built": "build",
    "sold": "sell", "bought": "buy", "found": "find", "is": "be", "are": "be", "was": "be",
    "were": "be", "been": "be", "be": "be", "being": "be", "'s": 'be', "controlled": "control",
    "controlling": "control", "topped": "top", "topping": "top", "totalled": "total",
    "totaled": "total", "dropped": "drop", "dropping": "drop", "said": "say", "says": "say",
    "told": "tell", "put": "put", "wrote": "write", "written": "write", "downed": "destroy",
    "shelled": "shell", "shelling": "shell", "committed": "commit", "committing": "commit",
    "stationed": "station", "numbered": "number", "numbers": "number",
    "bring": "bring", "brings": "bring", "bringing": "bring", "brought": "bring",
}
# fmt: on

# "U.S.", "U.N." are one word: "23,000 U.S. troops" counts troops
_WORD = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[^\W\d_]+(?:[-’'][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    lower: str
    tag: str = ""
    lemma: str = ""


def _lemma_of(word: str) -> str | None:
    """A lemma for a verb form we know, from the tables (no tagger needed)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _VERB_KEYS or w in _LEVEL_VERBS or w in _CUE_VERBS:
        return w
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            if stem in _VERB_KEYS or stem in _LEVEL_VERBS or stem in _CUE_VERBS:
                return stem
            # doubled consonant: controlled, dropped, topped
            if (
                len(stem) > 2
                and stem[-1] == stem[-2]
                and (stem[:-1] in _VERB_KEYS or stem[:-1] in _LEVEL_VERBS)
            ):
                return stem[:-1]
    return None


def _token_table(doc: Any) -> dict[int, tuple[str, str]]:
    table: dict[int, tuple[str, str]] = {}
    try:
        for tok in doc:
            table[int(tok.idx)] = (
                str(getattr(tok, "tag_", "") or ""),
                str(getattr(tok, "lemma_", "") or ""),
            )
    except TypeError:
        return {}
    return table


def _tokens(text: str, start: int, end: int, tags: dict[int, tuple[str, str]]) -> list[_Tok]:
    out = []
    for m in _WORD.finditer(text, start, end):
        tag, lemma = tags.get(m.start(), ("", ""))
        out.append(_Tok(m.start(), m.end(), m.group(), m.group().lower(), tag, lemma.lower()))
    return out


def _index_at(toks: list[_Tok], pos: int) -> int:
    """Index of the first token starting at or after `pos`."""
    for i, t in enumerate(toks):
        if t.start >= pos:
            return i
    return len(toks)


def _head(phrase: str | None) -> str | None:
    if not phrase:
        return None
    words = re.split(r"\s+(?:in|of|near|at|from|on|for|across)\s+", phrase, maxsplit=1)[0].split()
    return words[-1].lower() if words else None


_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children", "person": "people"}


def _plural(noun: str) -> str:
    """The plural of a singular count noun, by the regular English rules."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("s"):
        return noun
    if noun.endswith(("x", "ch", "sh")):
        return noun + "es"
    if len(noun) > 2 and noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _verb_lemma(t: _Tok) -> str | None:
    if not t.text[0].isalpha():
        return None
    known = _lemma_of(t.lower)
    if known is not None:
        return known
    if t.tag.startswith("VB") and t.lemma:
        if t.lemma in _LIGHT_VERBS:
            return None  # "will have 18 fact-checkers": the verb says nothing about the count
        if t.tag in {"VBD", "VBN"}:
            # a verb outside the table keeps its own past form: its participle when it is
            # irregular ("withdrew" and "have withdrawn" are one), British spelling for the
            # American ("canceled" flights are "cancelled" ones)
            if t.lemma in _PARTICIPLES:
                return "=" + _PARTICIPLES[t.lemma]
            return "=" + re.sub(r"(?<=[^e])eled$", "elled", t.lower)
        return t.lemma
    if not t.tag and len(t.lower) > 4 and t.lower.endswith("ed") and t.lower not in _MODIFIERS:
        return t.lower  # no tagger: a past form is its own key ("burned")
    return None


_LIGHT_VERBS = frozenset(
    {"have", "do", "make", "get", "go", "come", "see", "hear", "know", "want", "need", "use",
     "seem", "become", "refer", "include", "involve", "mean", "let", "begin", "try", "like",
     "think", "feel", "look", "call", "ask", "tell", "say", "be", "move", "face", "turn",
     "accord"}  # "60 percent according to several polls": a cue, no act
)  # fmt: skip


def _is_verb_form(word: str) -> bool:
    """A verb form that cannot be a plural noun: "killed", "fleeing", "took" (not "strikes")."""
    lemma = _lemma_of(word)
    if lemma is None:
        return False
    return word.endswith(("ed", "ing")) or (word in _IRREGULAR and not word.endswith("s"))


def _key(word: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "_", (word or "share").lower()).strip("_") or "share"
