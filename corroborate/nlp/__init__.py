"""L1: language resources. The only package that imports spaCy or torch.

Everything here loads shipped models lazily and offline. The public functions:

- `segment(text)`: paragraphs and sentences as spans (offsets into `text`).
- `parse(text)` / `parse_many(texts)`: a spaCy `Doc` with tokens, POS tags, lemmas and
  named entities from our own trained model (`corroborate/nlp/models/`).
- `embed(sentences)`: sentence embeddings (all-MiniLM-L6-v2), or None when the optional
  embedding stack is not installed; `embeddings_available()` says which.
- `checkworthiness(sentences)`: a 0..1 check-worthiness score per sentence, centred so that
  0.5 is the model's own threshold (at or above it: check-worthy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    import numpy as np

    from corroborate.model import Span

# The most characters one report may have: the parser's own limit (spaCy's `max_length`),
# beyond which it needs about 1 GB of memory per 100,000 characters. A news report is rarely
# over 50,000; a longer text is a book, a dump or several reports pasted together.
MAX_TEXT_CHARS = 1_000_000


def segment(text: str) -> tuple[list[Span], list[Span]]:
    """Split `text` into (paragraphs, sentences)."""
    from corroborate.nlp.segmenter import segment as _segment

    return _segment(text)


def parse(text: str) -> Any:
    from corroborate.nlp.pipeline import parse as _parse

    return _parse(text)


def parse_many(texts: Iterable[str]) -> Iterable[Any]:
    from corroborate.nlp.pipeline import parse_many as _parse_many

    return _parse_many(texts)


def embeddings_available() -> bool:
    from corroborate.nlp.embeddings import embeddings_available as _available

    return _available()


def embed(sentences: Sequence[str], quantised: bool = False) -> np.ndarray | None:
    from corroborate.nlp.embeddings import embed as _embed

    return _embed(sentences, quantised)


def embeds_one_at_a_time(quantised: bool = False) -> bool:
    """Whether `embed` runs one text per call (so that batching texts saves nothing)."""
    from corroborate.nlp.embeddings import embeds_one_at_a_time as _one_at_a_time

    return _one_at_a_time(quantised)


def checkworthiness(sentences: Sequence[str]) -> list[float]:
    from corroborate.nlp.checkworthy import decision_score

    return decision_score(sentences)
