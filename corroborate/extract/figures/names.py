"""Names and titles of the people a figure is credited to: the fullest name in the article and the
title it gives them.
"""

from __future__ import annotations

import re

from corroborate.extract.figures.lexicon import _ORG_WORDS, _TITLE_WORDS
from corroborate.model import Entity

_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr|Gen|Col|Lt|Sir|Prof)\.?\s+")


def _phrase_start(text: str, floor: int, pos: int) -> int:
    """Extend a name left over its title ("Ukraine’s Chief of Staff Oleksandr Syrskyi")."""
    start = pos
    for m in reversed(list(re.finditer(r"[\w’'.-]+", text[floor:pos]))):
        word = m.group()
        gap = text[floor + m.end() : start]
        if gap.strip():
            break
        base = re.sub(r"[’']s$", "", word)
        if word.endswith(".") and base.lower().rstrip(".") not in _TITLE_WORDS:
            break  # the end of the sentence before ("... West Virginia. Mr. Clarke")
        if len(base) >= 4 and base.isupper() and base.lower() not in _TITLE_WORDS:
            break  # a shouted heading ("SAVE A QUARTER")
        if word[0].isupper() or base.lower().rstrip(".") in _TITLE_WORDS:
            if base.lower() in {"the", "and", "of", "for"} and not word[0].isupper():
                # only inside a title: "Chief of Staff"
                start = floor + m.start()
                continue
            start = floor + m.start()
            continue
        break
    # never start on a connective or a preposition
    while True:
        lead = re.match(r"(?:the|of|and|for)\s+", text[start:pos], re.IGNORECASE)
        if not lead:
            break
        start += lead.end()
    return start


def _titled_name(phrase: str) -> str | None:
    """The name in "<title words> First Last" when a title word comes first, else None."""
    words = " ".join(phrase.split()).split()
    name: list[str] = []
    for w in reversed(words):
        base = re.sub(r"[’']s$", "", w).lower().rstrip(".")
        if not w[0].isupper() or base in _TITLE_WORDS or base in _ORG_WORDS:
            break
        name.insert(0, w)
    prefix = words[: len(words) - len(name)]
    titled = any(
        re.sub(r"[’']s$", "", w).lower().rstrip(".") in _TITLE_WORDS - {"of", "the", "for", "and"}
        for w in prefix
    )
    return " ".join(name) if titled and 2 <= len(name) <= 3 else None


def _strip_titles(name: str) -> str:
    """ "Staff Oleksandr Syrskyi" → "Oleksandr Syrskyi" (a title word the NER took in)."""
    words = _HONORIFIC.sub("", name).split()
    while len(words) > 1 and re.sub(r"[’']s$", "", words[0]).lower().rstrip(".") in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _title_before(phrase: str, name: str) -> str | None:
    """The words before the name in the phrase that names a source: its title."""
    phrase = " ".join(phrase.split())
    parts = name.split()
    at = phrase.find(name)
    if at < 0 and parts:
        found = re.search(rf"\b{re.escape(parts[-1])}\b", phrase)
        at = found.start() if found else -1
    if at <= 0:
        return None
    title = phrase[:at].split()
    while title and title[-1] in parts:  # "... Oleksandr" before "Syrskyi"
        title.pop()
    return _clean_title(" ".join(title))


def _strip_det(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


def _clean_title(raw: str) -> str | None:
    title = " ".join(raw.replace(",", " ").split())
    if len(title.split()) > 7:
        return None  # not a title but a run of capitalised words
    title = re.sub(r"^(?:the|a|an|by)\s+", "", title, flags=re.IGNORECASE)
    title = _HONORIFIC.sub("", title + " ").strip()
    if not title or title.lower() in {"mr", "ms", "mrs", "dr"}:
        return None
    return title


def _full_name(text: str, ent: Entity, ents: list[Entity]) -> str:
    if ent.canonical:
        return ent.canonical
    name = _HONORIFIC.sub("", " ".join(text[ent.start : ent.end].split()))
    best = name
    last = name.split()[-1] if name.split() else name
    for other in ents:
        if other.label != "PERSON":
            continue
        cand = _HONORIFIC.sub("", " ".join(text[other.start : other.end].split()))
        parts = cand.split()
        if parts and parts[-1] == last and len(cand) > len(best):
            best = cand
    return best


_CAPS_BEFORE = re.compile(r"((?:[A-Z][\w’'-]+[ \t]+){1,2})$")


def _full_name_text(text: str, name: str) -> str:
    """Without NER: the longest capitalised run in the article ending in the same surname."""
    name = _HONORIFIC.sub("", name)
    last = name.split()[-1]
    best = name
    for hit in re.finditer(rf"\b{re.escape(last)}\b", text):
        m = _CAPS_BEFORE.search(text, max(0, hit.start() - 60), hit.start())
        if m is None:
            continue
        cand_words = [
            w
            for w in m.group(1).split()
            if w.lower() not in _TITLE_WORDS and not w.endswith(("’s", "'s"))
        ]
        cand = " ".join([*cand_words, last])
        if len(cand) > len(best):
            best = cand
    return best


def title_in_text(text: str, name: str) -> str | None:
    """The title written before `name` (or its surname) at its first titled mention."""
    parts = name.split()
    if not parts:
        return None
    pattern = (
        re.escape(name) if len(parts) == 1 else rf"(?:{re.escape(name)}|{re.escape(parts[-1])})"
    )
    for m in re.finditer(rf"\b{pattern}\b", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = _phrase_start(text, max(line_start, m.start() - 80), m.start())
        title = _clean_title(text[start : m.start()])
        # the rest of the name is not a title: "Oleksandr" before "Syrskyi"
        if title and parts[:-1] and title.endswith(" ".join(parts[:-1])):
            title = _clean_title(title[: -len(" ".join(parts[:-1]))])
        if title and any(
            re.sub(r"[’']s$", "", w).lower().rstrip(".") in _TITLE_WORDS for w in title.split()
        ):
            return title
    return None
