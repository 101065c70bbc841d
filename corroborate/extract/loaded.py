"""Loaded language: hits of our hand-written lexicon, each with its category.

Words inside a direct quote are the speaker's, not the outlet's, so they are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from corroborate.model import Flag, Quote

LEXICON = Path(__file__).parent / "lexicons" / "loaded_language.tsv"
CATEGORY_WORDS = {
    "exaggeration": "exaggeration",
    "fear": "fear-mongering",
    "name-calling": "name-calling",
    "intensifier": "intensifier",
    "vulgarity": "vulgarity",
}


@cache
def _patterns() -> list[tuple[re.Pattern[str], str, str]]:
    patterns = []
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, category = line.split("\t")
        body = r"\s+".join(re.escape(w) for w in term.rstrip("*").split())
        tail = r"[\w’'-]*" if term.endswith("*") else ""
        patterns.append((re.compile(rf"\b{body}{tail}\b", re.IGNORECASE), category, term))
    return patterns


def inside_quotes(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in quotes if q.kind in ("direct", "mixed")]


def loaded_language_flags(text: str, quotes: Sequence[Quote]) -> list[Flag]:
    quoted = inside_quotes(quotes)
    flags: dict[tuple[int, int], Flag] = {}
    for pattern, category, term in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start < e for s, e in quoted):
                continue
            if any(s <= start < e or s < end <= e for s, e in flags):
                continue  # a longer phrase already covers it
            flags[(start, end)] = Flag(
                start,
                end,
                "loaded_language",
                "info",
                f"{CATEGORY_WORDS[category]}: “{match.group(0)}” (lexicon term “{term}”)",
                category=category,
            )
    return sorted(flags.values(), key=lambda f: f.start)
