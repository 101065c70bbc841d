"""CSV tables for spreadsheets, pandas and R: one row per quote, figure, claim, flag, ...

A report is nested (articles hold quotes; stories hold aligned groups), a CSV is flat, so each
table is one kind of thing with the ids that join it to the others (`article_id`, `story_id`).
`outlet` is the outlet, else the website or file a report came from (as in the HTML report).
Every row carries its character offsets and the text they cover, so a row can be checked
against the report without opening it.

A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @ or a tab) gets
a leading apostrophe: news text is untrusted input. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from corroborate.model import Article, Event, Speaker, Story

__all__ = ["TABLES", "to_csv"]

Row = dict[str, Any]


def _story_of(stories: list[Story]) -> dict[str, str]:
    return {a: s.id for s in stories for a in s.article_ids}


def _base(article: Article, story_of: dict[str, str]) -> Row:
    return {
        "article_id": article.id,
        "story_id": story_of.get(article.id, ""),
        "outlet": article.source_label,
        "published": article.published or "",
    }


def _number(value: float | None) -> float | int | str:
    """1200.0 → 1200: the figure as a spreadsheet reads it; None → an empty cell."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def _span(article: Article, start: int | None, end: int | None) -> Row:
    if start is None or end is None:
        return {"start": "", "end": "", "text": ""}
    return {"start": start, "end": end, "text": article.text[start:end]}


def _articles(articles: list[Article], stories: list[Story], events: list[Event]) -> Iterator[Row]:
    story_of = _story_of(stories)
    event_of = {s.id: s.event for s in stories}
    for a in articles:
        p = a.profile
        yield {
            "article_id": a.id,
            "story_id": story_of.get(a.id, ""),
            "event_id": event_of.get(story_of.get(a.id, ""), ""),
            "published": a.published or "",
            "outlet": a.source_label,
            "title": a.title or "",
            "url": a.url or "",
            "words": p.get("words", ""),
            "named_sources": p.get("named_sources", ""),
            "named_sources_with_title": p.get("named_sources_with_title", ""),
            "direct_quotes": p.get("direct_quotes", ""),
            "figures": p.get("figures", ""),
            "figures_unsourced": p.get("figures_unsourced", ""),
            "checkworthy_claims": p.get("checkworthy_claims", ""),
            "attributed_claim_ratio": p.get("attributed_claim_ratio", ""),
            "loaded_language_per_100_words": p.get("loaded_language_per_100_words", ""),
            "stray_text": p.get("stray_text", ""),
            "warnings": sum(1 for f in a.flags if f.severity == "warning"),
        }


def _quotes(articles: list[Article], stories: list[Story], events: list[Event]) -> Iterator[Row]:
    story_of = _story_of(stories)
    for a in articles:
        for i, q in enumerate(a.quotes):
            speaker = q.speaker or Speaker(None, q.start, q.start, kind="unattributed")
            yield {
                **_base(a, story_of),
                "index": i,
                "kind": q.kind,
                "speaker": speaker.name or "",
                "speaker_title": speaker.title or "",
                "speaker_kind": speaker.kind,
                "cue": q.cue.verb if q.cue else "",
                "stance": q.cue.stance if q.cue else "",
                **_span(a, q.start, q.end),
            }


def _figures(articles: list[Article], stories: list[Story], events: list[Event]) -> Iterator[Row]:
    story_of = _story_of(stories)
    for a in articles:
        for i, f in enumerate(a.figures):
            yield {
                **_base(a, story_of),
                "index": i,
                "value": _number(f.value),
                "value_max": _number(f.value_max),
                "unit": f.unit or "",
                "qualifier": f.qualifier or "",
                "measure": f.measure or "",
                "counted": f.counted or "",
                "period": f.period or "",
                "as_of": f.as_of or "",
                "location": f.location or "",
                "source": f.source.name or "",
                "source_title": f.source.title or "",
                "source_kind": f.source.kind,
                "original_value": _number(f.original_value),
                "original_unit": f.original_unit or "",
                **_span(a, f.start, f.end),
            }


def _claims(articles: list[Article], stories: list[Story], events: list[Event]) -> Iterator[Row]:
    story_of = _story_of(stories)
    for a in articles:
        for i, c in enumerate(a.claims):
            yield {
                **_base(a, story_of),
                "index": i,
                "checkworthy": round(c.checkworthy, 3),
                "attribution": c.attribution.name or "",
                "attribution_title": c.attribution.title or "",
                "attribution_kind": c.attribution.kind,
                "hedged": c.hedged,
                "figures": len(c.figures),
                "quotes": len(c.quotes),
                **_span(a, c.start, c.end),
            }


def _flags(articles: list[Article], stories: list[Story], events: list[Event]) -> Iterator[Row]:
    story_of = _story_of(stories)
    for a in articles:
        for f in a.flags:
            yield {
                **_base(a, story_of),
                "kind": f.kind,
                "category": f.category or "",
                "severity": f.severity,
                "explanation": f.explanation,
                **_span(a, f.start, f.end),
            }


def _alignments(
    articles: list[Article], stories: list[Story], events: list[Event]
) -> Iterator[Row]:
    """One row per member of each aligned figure group and claim group, story by story: the
    claim-by-outlet matrix and the figure timelines, flat."""
    texts = {a.id: a.text for a in articles}
    for story in stories:
        for n, group in enumerate(story.figures):
            origins = len({x.get("origin", x["article"]) for x in group.members})
            for m in group.members:
                yield {
                    "story_id": story.id,
                    "event_id": story.event,
                    "group": f"figure-{n}",
                    "what": group.measure,
                    "relation": group.relation,
                    "independent_origins": origins,
                    "article_id": m["article"],
                    "outlet": m.get("outlet") or "",
                    "value": _number(m.get("value")),
                    # the member's own: a sum and its conversion share a group in two currencies
                    "unit": m.get("unit") or group.unit or "",
                    "as_of": m.get("as_of") or "",
                    "source": m.get("source") or "",
                    "stance": m.get("status") or m.get("role") or "",
                    "text": "",
                    "explanation": group.explanation,
                }
        for claims in story.claims:
            for m in claims.members:
                text = texts.get(m["article"], "")
                yield {
                    "story_id": story.id,
                    "event_id": story.event,
                    "group": claims.id,
                    "what": claims.label,
                    "relation": claims.status,
                    "independent_origins": claims.independent_origins,
                    "article_id": m["article"],
                    "outlet": m.get("outlet") or "",
                    "value": "",
                    "unit": "",
                    "as_of": "",
                    "source": "",
                    "stance": m.get("stance") or "",
                    "text": text[m["start"] : m["end"]] if text and "end" in m else "",
                    "explanation": claims.explanation,
                }


Table = Callable[[list[Article], list[Story], list[Event]], Iterator[Row]]

_BASE = ("article_id", "story_id", "outlet", "published")
_SPAN = ("start", "end", "text")

# table name → (rows, columns); the columns are the header even of an empty table, and the
# writer refuses a row with a key not listed here, so the two cannot drift apart
TABLES: dict[str, tuple[Table, tuple[str, ...]]] = {
    "articles": (
        _articles,
        ("article_id", "story_id", "event_id", "published", "outlet", "title", "url", "words",
         "named_sources", "named_sources_with_title", "direct_quotes", "figures",
         "figures_unsourced", "checkworthy_claims", "attributed_claim_ratio",
         "loaded_language_per_100_words", "stray_text", "warnings"),
    ),
    "quotes": (
        _quotes,
        (*_BASE, "index", "kind", "speaker", "speaker_title", "speaker_kind", "cue", "stance",
         *_SPAN),
    ),
    "figures": (
        _figures,
        (*_BASE, "index", "value", "value_max", "unit", "qualifier", "measure", "counted",
         "period", "as_of", "location", "source", "source_title", "source_kind",
         "original_value", "original_unit", *_SPAN),
    ),
    "claims": (
        _claims,
        (*_BASE, "index", "checkworthy", "attribution", "attribution_title", "attribution_kind",
         "hedged", "figures", "quotes", *_SPAN),
    ),
    "flags": (_flags, (*_BASE, "kind", "category", "severity", "explanation", *_SPAN)),
    "alignments": (
        _alignments,
        ("story_id", "event_id", "group", "what", "relation", "independent_origins",
         "article_id", "outlet", "value", "unit", "as_of", "source", "stance", "text",
         "explanation"),
    ),
}  # fmt: skip


def to_csv(table: str, articles: list[Article], stories: list[Story], events: list[Event]) -> str:
    """The named table as CSV text (RFC 4180 quoting, a header row even when it is empty)."""
    rows, columns = TABLES[table]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(
        {k: _inert(v) for k, v in row.items()} for row in rows(articles, stories, events)
    )
    return buffer.getvalue()


_FORMULA = re.compile(r"^[=+\-@\t\r]")  # text only: numbers are written as numbers


def _inert(value: Any) -> Any:
    """The cell as data, never as a formula: "=HYPERLINK(…)" → "'=HYPERLINK(…)"."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value
