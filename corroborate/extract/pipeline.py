"""Article → Article with every annotation: the per-article extraction, stage by stage.

Read top to bottom to follow one article: segment, parse, entities, quotes (with interview
answers and transcript turns), figures,
check-worthiness, claims, then the integrity signals (structure and stray text, loaded
language, unattributed claims) and the sourcing profile built from all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from corroborate import nlp
from corroborate.extract.claims import extract_claims
from corroborate.extract.entities import extract_entities, outside_headings
from corroborate.extract.figures import extract_figures
from corroborate.extract.loaded import loaded_language_flags
from corroborate.extract.profile import claim_flags, language_note, sourcing_profile
from corroborate.extract.quotes import extract_quotes
from corroborate.extract.structure import PendingStructure, embed_together, structure_pending
from corroborate.extract.transcripts import with_transcripts
from corroborate.extract.units import local_dollar, local_rupee
from corroborate.model import Article, Entity, Flag, Span


def analyse(article: Article) -> Article:
    """Annotate one article. The text is never changed; the result is a new Article."""
    return _annotate(_structure(article, nlp.parse(article.text)))


def analyse_many(articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article]:
    """Annotate many articles, parsing them in batches (faster than one by one), and
    embedding the lines each batch judges by meaning in one call."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        docs = nlp.parse_many(a.text for a in batch)
        parts = [_structure(article, doc) for article, doc in zip(batch, docs, strict=True)]
        embed_together([p.structure for p in parts])
        for part in parts:
            yield _annotate(part)


@dataclass
class _Parsed:
    """An article parsed and segmented, its structure pending judgements by meaning."""

    article: Article
    doc: Any
    paragraphs: list[Span]
    sentences: list[Span]
    entities: list[Entity]
    structure: PendingStructure


def _structure(article: Article, doc: Any) -> _Parsed:
    text = article.text
    paragraphs, sentences = nlp.segment(text)
    entities = extract_entities(text, doc)
    # Structure first: text that does not belong to the report (a pasted headline, a
    # copyright line) is flagged, and what it says is not taken as the report's own claims.
    structure = structure_pending(text, paragraphs, entities, doc, title=article.title)
    return _Parsed(article, doc, paragraphs, sentences, entities, structure)


def _annotate(parsed: _Parsed) -> Article:
    article, doc, text = parsed.article, parsed.doc, parsed.article.text
    paragraphs, sentences, entities = parsed.paragraphs, parsed.sentences, parsed.entities
    structure = parsed.structure.flags()
    strays = [(f.start, f.end) for f in structure if f.kind == "stray_text"]
    headings = [(f.start, f.end) for f in structure if f.kind == "heading"]
    entities = outside_headings(text, entities, headings)
    body = [s for s in sentences if not _inside(s.start, s.end, strays)]
    quotes = with_transcripts(text, paragraphs, entities, extract_quotes(text, doc, body, entities))
    figures = [
        f
        for f in extract_figures(
            text,
            doc,
            sentences,
            entities,
            article.published,
            paragraphs=paragraphs,
            quotes=quotes,
            dollar=local_dollar(article.host, text),
            rupee=local_rupee(article.host),
        )
        if not _inside(f.start, f.end, strays)
    ]
    scores = nlp.checkworthiness([s.of(text) for s in body])
    claims = extract_claims(text, body, entities, quotes, figures, scores)
    flags = sorted(
        _language_flags(article, paragraphs)
        + structure
        + loaded_language_flags(text, quotes, entities)
        + claim_flags(text, claims),
        key=lambda f: (f.start, f.end),
    )
    annotated = replace(
        article,
        paragraphs=paragraphs,
        sentences=sentences,
        entities=entities,
        quotes=quotes,
        figures=figures,
        claims=claims,
        flags=flags,
        analysed=True,
    )
    annotated.profile = sourcing_profile(annotated)
    return annotated


def _language_flags(article: Article, paragraphs: list[Span]) -> list[Flag]:
    """A warning on the first paragraph of a report not in English: the quotes, figures and
    claims found in it come from English models and should not be trusted."""
    if article.lang in (None, "en") or not paragraphs:
        return []
    first = paragraphs[0]
    note = language_note(article.lang)
    explanation = (
        f"This report is {note}, so its quotes, figures, claims and profile are unreliable."
    )
    return [Flag(first.start, first.end, "language", "warning", explanation)]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)
