"""Shared by the extraction tests: the parser they run on, and a stand-in parse with
entities given by hand (so that a test does not depend on what the model happens to tag).

Not a test module (no `test_` prefix); pytest puts tests/ on sys.path, so the tests import it
by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@cache
def parser() -> Any:
    """The shipped pipeline's `parse`, or a blank English tokenizer when the trained model is
    not installed (the extractors then fall back to their own lexicons)."""
    try:
        from corroborate.nlp import parse

        parse("Kira Rudik said.")
        return parse
    except Exception:  # the trained model is not installed: tokens only
        import spacy

        return spacy.blank("en")


@dataclass
class StandInEntity:
    start_char: int
    end_char: int
    label_: str


@dataclass
class StandInDoc:
    """A parse with entities only: what `extract_entities` reads."""

    ents: list[StandInEntity]


def stand_in_doc(text: str, marked: list[tuple[str, str]]) -> StandInDoc:
    """Entities at the first occurrence of each surface after the previous one."""
    ents = []
    pos = 0
    for surface, label in marked:
        i = text.index(surface, pos)
        ents.append(StandInEntity(i, i + len(surface), label))
        pos = i + len(surface)
    return StandInDoc(ents)
