"""Loaded language: hits of our hand-written lexicon, each with its category.

Words inside a direct quote are the speaker's, not the outlet's, so they are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from corroborate.model import Entity, Flag, Quote

LEXICON = Path(__file__).parent / "lexicons" / "loaded_language.tsv"
CATEGORY_WORDS = {
    "exaggeration": "exaggeration",
    "fear": "fear-mongering",
    "name-calling": "name-calling",
    "intensifier": "intensifier",
    "vulgarity": "vulgarity",
}


@cache
def _lexicon() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str, str]]]:
    """One alternation over every term (a single pass over the text), longest terms first
    so a phrase wins over a word inside it, plus each term's own pattern to name the hit."""
    terms = []
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, category = line.split("\t")
            body = r"\s+".join(re.escape(w) for w in term.rstrip("*").split())
            tail = r"[\w’'-]*" if term.endswith("*") else ""
            terms.append((rf"{body}{tail}", category, term))
    terms.sort(key=lambda t: -len(t[2]))
    # The alternation with each first letter factored out ("c(?:atastrophic|haos|...)|t(?:...)"):
    # the regex engine tries one branch per letter instead of every term at each word, and
    # matches the same (branches of different first letters never match at the same place,
    # and within a letter the terms keep their order).
    by_letter: dict[str, list[str]] = {}
    for p, _, _ in terms:
        if p[:1].isalpha():
            by_letter.setdefault(p[0].lower(), []).append(p[1:])
        else:
            by_letter.setdefault("", []).append(p)
    branches = [f"{letter}(?:{'|'.join(rest)})" for letter, rest in by_letter.items()]
    combined = re.compile(r"\b(?:" + "|".join(branches) + r")\b", re.IGNORECASE)
    each = [(re.compile(rf"(?:{p})\Z", re.IGNORECASE), c, t) for p, c, t in terms]
    return combined, each


def inside_quotes(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in quotes if q.kind in ("direct", "mixed")]


def loaded_language_flags(
    text: str, quotes: Sequence[Quote], entities: Sequence[Entity] = ()
) -> list[Flag]:
    quoted = inside_quotes(quotes)
    names = [(e.start, e.end) for e in entities]
    combined, each = _lexicon()
    flags = []
    for match in combined.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in quoted):
            continue
        if any(s <= start < e for s, e in names):
            continue  # a name, not a word about someone: the gunman Thomas Crooks
        category, term = next((c, t) for p, c, t in each if p.match(match.group(0)))
        flags.append(
            Flag(
                start,
                end,
                "loaded_language",
                "info",
                f"{CATEGORY_WORDS[category]}: “{match.group(0)}” (lexicon term “{term}”)",
                category=category,
            )
        )
    return flags
