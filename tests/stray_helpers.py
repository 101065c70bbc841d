"""Shared by the stray-text tests: a report's structure flags, grouped by kind.

Not a test module (no `test_` prefix); pytest puts tests/ on sys.path, so the stray tests
import it by name.
"""

from __future__ import annotations

from corroborate import nlp
from corroborate.extract.entities import extract_entities
from corroborate.extract.structure import structure_flags


def flags_by_kind(text: str, embeddings: bool) -> dict[str, list[str]]:
    """The text each structure flag covers, grouped by flag kind, through the real pipeline."""
    paragraphs, _ = nlp.segment(text)
    doc = nlp.parse(text)
    entities = extract_entities(text, doc)
    found: dict[str, list[str]] = {}
    for flag in structure_flags(text, paragraphs, entities, doc, embeddings=embeddings):
        found.setdefault(flag.kind, []).append(text[flag.start : flag.end])
    return found
