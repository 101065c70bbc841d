"""Offline language identification (py3langid: a small model shipped in the package)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Final

MIN_LETTERS: Final = 20  # below this any guess is noise ("Hi" comes back as Afrikaans)
# The opening is plenty for news prose (accuracy is flat beyond a few sentences), and the
# classifier's cost grows with the length it reads.
SAMPLE_CHARS: Final = 1500
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> Any:
    # Loading the model takes a second or two; do it once, and only when text needs it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code such as "en", or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample, 0, 4 * MIN_LETTERS)) < MIN_LETTERS and (
        len(_LETTER.findall(sample)) < MIN_LETTERS
    ):
        return None
    lang, probability = _identifier().classify(sample)
    return str(lang) if probability >= 0.5 else None
