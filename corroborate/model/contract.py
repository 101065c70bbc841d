"""The output contract (`corroborate.article/1`) as plain dicts, both ways.

Pure functions over the dataclasses; JSON encoding and schema validation happen elsewhere.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from corroborate.model.annotations import (
    Claim,
    Cue,
    Entity,
    Figure,
    Flag,
    Quote,
    Source,
    Span,
    Speaker,
)
from corroborate.model.article import Article

ARTICLE_SCHEMA = "corroborate.article/1"
STORIES_SCHEMA = "corroborate.stories/1"


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "schema": ARTICLE_SCHEMA,
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "title": article.title,
        "author": article.author,
        "lang": article.lang,
        "origin": article.origin,
        "text": article.text,
        "paragraphs": [_span(s) for s in article.paragraphs],
        "sentences": [_span(s) for s in article.sentences],
        "entities": [asdict(e) for e in article.entities],
        "quotes": [asdict(q) for q in article.quotes],
        "figures": [asdict(f) for f in article.figures],
        "claims": [asdict(c) for c in article.claims],
        "flags": [asdict(f) for f in article.flags],
        "profile": dict(article.profile),
    }


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "label": span.label}


def _source(data: dict[str, Any] | None) -> Source:
    if not data:
        return Source(None, "unattributed")
    return Source(**data)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an Article from its contract dict (unknown fields are ignored)."""
    article = Article(
        text=data["text"],
        id=data.get("id") or "",
        title=data.get("title"),
        url=data.get("url"),
        outlet=data.get("outlet"),
        published=data.get("published"),
        author=data.get("author"),
        lang=data.get("lang"),
        origin=data.get("origin"),
    )
    article.paragraphs = [Span(**s) for s in data.get("paragraphs", [])]
    article.sentences = [Span(**s) for s in data.get("sentences", [])]
    article.entities = [Entity(**e) for e in data.get("entities", [])]
    article.quotes = [
        Quote(
            start=q["start"],
            end=q["end"],
            kind=q["kind"],
            speaker=Speaker(**q["speaker"]) if q.get("speaker") else None,
            cue=Cue(**q["cue"]) if q.get("cue") else None,
        )
        for q in data.get("quotes", [])
    ]
    article.figures = [
        Figure(**{**f, "source": _source(f.get("source"))}) for f in data.get("figures", [])
    ]
    article.claims = [
        Claim(**{**c, "attribution": _source(c.get("attribution"))}) for c in data.get("claims", [])
    ]
    article.flags = [Flag(**f) for f in data.get("flags", [])]
    article.profile = dict(data.get("profile") or {})
    article.analysed = bool(
        article.sentences or article.entities or article.quotes or article.figures
    )
    return article
