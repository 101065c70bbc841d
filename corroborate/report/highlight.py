"""Article text → escaped HTML with every annotation highlighted and sentences anchored.

Annotations overlap (a figure inside a quote inside a claim), so the text is cut at every
annotation boundary and each piece carries the classes of all annotations covering it.
All text goes through `html.escape`: a report containing `<script>` shows it as text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise

from corroborate.model import Article


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str  # "quote", "figure", "entity", "claim", "flag-warning", "flag-info"
    note: str  # tooltip text


def anchor_id(article: Article, offset: int) -> str:
    """The HTML id of the sentence that contains `offset` (or the article top)."""
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return f"s-{article.id}-{sentence.start}"
    return f"art-{article.id}"


def article_marks(article: Article) -> list[Mark]:
    text = article.text
    marks: list[Mark] = []
    for e in article.entities:
        note = f"{e.label}" + (f" · {e.canonical}" if e.canonical else "")
        marks.append(Mark(e.start, e.end, f"entity ent-{e.label.lower()}", note))
    for q in article.quotes:
        who = q.speaker.name if q.speaker and q.speaker.name else "no speaker found"
        title = f" ({q.speaker.title})" if q.speaker and q.speaker.title else ""
        cue = f" · cue “{text[q.cue.start : q.cue.end]}” ({q.cue.stance})" if q.cue else ""
        marks.append(Mark(q.start, q.end, "quote", f"{q.kind} quote · {who}{title}{cue}"))
    for f in article.figures:
        source = f.source.name or "unattributed"
        note = f"figure {f.value:g} {f.unit or ''} · {f.measure or f.counted or ''} · {source}"
        marks.append(Mark(f.start, f.end, "figure", note))
    for c in article.claims:
        who = c.attribution.name or "unattributed"
        hedge = " · hedged" if c.hedged else ""
        marks.append(Mark(c.start, c.end, "claim", f"claim {c.checkworthy:.2f} · {who}{hedge}"))
    for flag in article.flags:
        marks.append(
            Mark(
                flag.start,
                flag.end,
                f"flag-{flag.severity} flag-{flag.kind}",
                f"{flag.kind}: {flag.explanation}",
            )
        )
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def paragraph_html(article: Article, start: int, end: int, marks: list[Mark]) -> str:
    """The escaped, highlighted HTML of `article.text[start:end]`."""
    inside = [m for m in marks if m.start < end and m.end > start]
    sentence_starts = {s.start for s in article.sentences if start <= s.start < end}
    cuts = {start, end} | sentence_starts
    for m in inside:
        cuts.update({max(m.start, start), min(m.end, end)})
    points = sorted(cuts)
    pieces: list[str] = []
    for left, right in pairwise(points):
        if left in sentence_starts:
            # the id comes from the input: escaped, a quote in it cannot end the attribute
            anchor = html.escape(f"s-{article.id}-{left}", quote=True)
            pieces.append(f'<a class="anchor" id="{anchor}"></a>')
        chunk = html.escape(article.text[left:right])
        covering = [m for m in inside if m.start <= left and m.end >= right]
        if covering:
            classes = html.escape(" ".join(sorted({c for m in covering for c in m.css.split()})))
            notes = html.escape(" | ".join(m.note for m in covering), quote=True)
            chunk = f'<span class="{classes}" title="{notes}">{chunk}</span>'
        pieces.append(chunk)
    return "".join(pieces)
