"""Shared by the quote tests: the parser they run on.

Not a test module (no `test_` prefix); pytest puts tests/ on sys.path, so the tests import it
by name.
"""

from __future__ import annotations

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
