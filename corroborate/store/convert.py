"""Model objects ↔ table rows. Pure functions, no database access."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from corroborate.model import (
    ARTICLE_SCHEMA,
    Article,
    ClaimGroup,
    Event,
    FigureGroup,
    Origin,
    QuoteTrack,
    Story,
    article_from_dict,
    article_to_dict,
    content_id,
)

# The article fields the `articles` table owns; the analysis JSON leaves them out so that
# there is one copy of the text and the metadata.
ARTICLE_FIELDS = ("id", "text", "title", "url", "outlet", "published", "author", "lang", "origin")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def content_hash(text: str) -> str:
    """The key for "same content again": the model's own content id (whitespace and Unicode
    normalisation folded away), so an article without an input id has id == content_hash."""
    return content_id(text)


def report_key(article: Article) -> tuple[str, str]:
    """What makes a report the same report again: its text (as `content_hash` folds it) and
    its outlet (no outlet counts as one). The store holds one article per key."""
    return content_hash(article.text), article.outlet or ""


def derived_ids(article: Article) -> tuple[str, str]:
    """Ids for a report whose own id already names another report (two exports that both
    number from 1; an updated article under its old id): its id, "~", and a hash of its
    `report_key`, so the same report always gets the same id and a rerun changes nothing.
    The longer one is for when the short one is taken too (8 hex digits collide by chance
    once many reports share one id)."""
    digest = hashlib.sha256("\n".join(report_key(article)).encode("utf-8")).hexdigest()
    return f"{article.id}~{digest[:8]}", f"{article.id}~{digest[:16]}"


def article_row(article: Article, added_at: str) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row["content_hash"] = content_hash(article.text)
    row["added_at"] = added_at
    return row


def analysis_rows(article: Article, analysed_at: str) -> dict[str, list[dict[str, Any]]]:
    """Every row one article's analysis is stored as, keyed by table name."""
    contract = article_to_dict(article)
    data = {key: value for key, value in contract.items() if key not in ARTICLE_FIELDS}
    aid = article.id
    return {
        "analyses": [
            {
                "article_id": aid,
                "schema": contract["schema"],
                "analysed_at": analysed_at,
                "data": dumps(data),
            }
        ],
        "quotes": [
            {
                "article_id": aid,
                "idx": i,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker.name if q.speaker else None,
                "title": q.speaker.title if q.speaker else None,
            }
            for i, q in enumerate(article.quotes)
        ],
        "figures": [
            {
                "article_id": aid,
                "idx": i,
                "start": f.start,
                "end": f.end,
                "value": f.value,
                "value_max": f.value_max,
                "unit": f.unit,
                "measure": f.measure,
                "location": f.location,
                "as_of": f.as_of,
                "source_name": f.source.name,
                "source_kind": f.source.kind,
            }
            for i, f in enumerate(article.figures)
        ],
        "flags": [
            {
                "article_id": aid,
                "idx": i,
                "kind": f.kind,
                "severity": f.severity,
                "start": f.start,
                "end": f.end,
            }
            for i, f in enumerate(article.flags)
        ],
    }


def article_from_rows(row: dict[str, Any], analysis: str | None) -> Article:
    """Rebuild an Article from its `articles` row and, when analysed, its `analyses.data`."""
    data: dict[str, Any] = {"schema": ARTICLE_SCHEMA}
    if analysis is not None:
        data.update(json.loads(analysis))
    data.update({name: row[name] for name in ARTICLE_FIELDS})
    article = article_from_dict(data)
    # An analysis that found nothing is still an analysis.
    article.analysed = analysis is not None
    return article


def story_to_dict(story: Story) -> dict[str, Any]:
    return asdict(story)


def story_from_dict(data: dict[str, Any]) -> Story:
    return Story(
        **{
            **data,
            "origins": [Origin(**o) for o in data.get("origins", [])],
            "figures": [FigureGroup(**f) for f in data.get("figures", [])],
            "claims": [ClaimGroup(**c) for c in data.get("claims", [])],
            "quotes": [QuoteTrack(**q) for q in data.get("quotes", [])],
        }
    )


def event_to_dict(event: Event) -> dict[str, Any]:
    return asdict(event)


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(**data)
