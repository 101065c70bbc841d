"""One self-contained HTML report: stories first (who backs what), then every article.

No external assets: CSS is inline and charts are inline SVG. Every piece of article text is
escaped; annotation notes go into `title` attributes, escaped too. Only an http(s) URL becomes
a link (`links.is_web_url`); `javascript:` and the like are shown as text.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from corroborate.model import Article, ClaimGroup, Event, Story
from corroborate.report.highlight import anchor_id, article_marks, paragraph_html
from corroborate.report.links import is_web_url
from corroborate.report.profile_text import (
    display_title,
    profile_rows,
    story_medians,
    weaknesses,
)
from corroborate.report.scope import OTHER_STORY, is_other, other_story_ids, scope_note
from corroborate.report.svg import figure_timeline
from corroborate.report.values import article_figure_value, member_value

CSS = """
:root { --ink:#1d2433; --muted:#5b6577; --line:#dde2ea; --bg:#f7f8fa; --accent:#2456a6; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0; background: var(--bg); }
header.top { background: #14213d; color: #fff; padding: 18px 28px; }
header.top h1 { margin: 0 0 4px; font-size: 22px; }
header.top .stats span { margin-right: 18px; opacity: .9; }
main { max-width: 1180px; margin: 0 auto; padding: 12px 24px 60px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px;
               padding: 16px 20px; margin: 18px 0; }
h2 { font-size: 19px; margin: 4px 0 8px; } h3 { font-size: 16px; margin: 16px 0 6px; }
.muted { color: var(--muted); } .small { font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left;
         vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
         font-weight: 600; background: #e8edf5; color: #33415c; }
.b-conflict, .b-contradicted, .b-weaker, .b-warning { background: #fde2e1; color: #9b1c1c; }
.b-update { background: #fff1d6; color: #8a5a00; }
.b-agree, .b-corroborated, .b-better { background: #dcf3e3; color: #1c6b35; }
.b-arithmetic { background: #e6e0fa; color: #4b2a9b; }
.b-single_source, .b-single { background: #eceff3; color: #555; }
.cell-states { background: #dcf3e3; text-align: center; }
.cell-contradicts { background: #fde2e1; text-align: center; }
.cell-silent { color: #aab; text-align: center; }
tr.other-story td, td.other-story { color: var(--muted); background: #fafbfc; }
td a, .cell-states a, .cell-contradicts a { color: inherit; text-decoration: none; }
.text p { margin: 0 0 10px; } .text h4 { margin: 16px 0 6px; font-size: 15px; }
.quote { background: #e6f0ff; border-bottom: 2px solid #6b9be0; }
.figure { background: #fff0c2; border-bottom: 2px solid #e0a800; font-weight: 600; }
.entity.ent-person { border-bottom: 1px dotted #2456a6; }
.entity.ent-org { border-bottom: 1px dotted #7a3ea1; }
.entity.ent-loc { border-bottom: 1px dotted #1c7a4a; }
.claim { text-decoration: underline; text-decoration-color: #c9d1dd;
         text-underline-offset: 3px; }
.flag-warning { background: #fde2e1; outline: 1px solid #e9a0a0; }
.flag-stray_text { background: #fbd0d0; text-decoration: line-through;
                   text-decoration-color: #c33; }
.flag-loaded_language { background: #ffe0f0; }
.flag-heading { font-weight: 700; }
.legend span { margin-right: 12px; padding: 0 4px; }
.solid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.solid ul { margin: 4px 0 0 18px; padding: 0; }
.flaglist li { margin-bottom: 6px; }
.flaglist q { background: #f6f6f6; }
nav.toc a { margin-right: 10px; }
.anchor { scroll-margin-top: 40px; }
:target + span, :target + * { outline: 3px solid #ffbf47; }
@media (max-width: 800px) { .solid { grid-template-columns: 1fr; } }
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def to_html(articles: list[Article], stories: list[Story], events: list[Event]) -> str:
    by_id = {a.id: a for a in articles}
    story_of = {aid: s for s in stories for aid in s.article_ids}
    medians = {
        s.id: story_medians([by_id[a] for a in s.article_ids if a in by_id]) for s in stories
    }
    counts = {
        "reports": len(articles),
        "events": len(events),
        "stories": len(stories),
        "quotes": sum(len(a.quotes) for a in articles),
        "figures": sum(len(a.figures) for a in articles),
        "claims": sum(len(a.claims) for a in articles),
        "warnings": sum(1 for a in articles for f in a.flags if f.severity == "warning"),
    }
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>corroborate report</title>",
        f"<style>{CSS}</style></head><body>",
        "<header class='top'><h1>corroborate: who says what</h1><div class='stats'>",
        *(f"<span><b>{n}</b> {esc(k)}</span>" for k, n in counts.items()),
        "</div></header><main>",
        _legend(),
    ]
    if stories:
        parts.append(_toc(events, stories, by_id))
        event_label = {e.id: e.label for e in events}
        for story in stories:
            parts.append(_story_section(story, by_id, event_label.get(story.event, "")))
    for article in articles:
        home = story_of.get(article.id)
        parts.append(_article_section(article, home, medians.get(home.id, {}) if home else {}))
    parts.append(
        "<footer class='muted small'>Made by corroborate. The tool shows evidence; it never "
        "rules a report true or false about the world.</footer></main></body></html>"
    )
    return "\n".join(parts)


def _legend() -> str:
    return (
        "<section class='card legend small'><b>Highlights:</b> "
        "<span class='quote'>quote</span><span class='figure'>figure</span>"
        "<span class='claim'>check-worthy claim</span>"
        "<span class='entity ent-person'>person</span><span class='entity ent-org'>"
        "organisation</span><span class='entity ent-loc'>place</span>"
        "<span class='flag-warning'>flagged</span><span class='flag-stray_text'>stray text"
        "</span> · hover any highlight for details.</section>"
    )


def _toc(events: list[Event], stories: list[Story], by_id: dict[str, Article]) -> str:
    story_by_id = {s.id: s for s in stories}
    rows = []
    for event in events:
        links = " ".join(
            f"<a href='#story-{esc(sid)}'>{esc(story_by_id[sid].label)}</a> "
            f"<span class='muted small'>({len(story_by_id[sid].article_ids)})</span><br>"
            for sid in event.story_ids
            if sid in story_by_id
        )
        rows.append(f"<tr><td><b>{esc(event.label)}</b></td><td>{links}</td></tr>")
    return (
        "<section class='card'><h2>Events and stories</h2><table><tr><th>event</th>"
        f"<th>stories (reports)</th></tr>{''.join(rows)}</table></section>"
    )


def _link(article: Article | None, offset: int | None, label: str) -> str:
    if article is None or offset is None:
        return esc(label)
    return f"<a href='#{esc(anchor_id(article, offset))}'>{label}</a>"


def _story_section(story: Story, by_id: dict[str, Article], event_label: str) -> str:
    members = [by_id[a] for a in story.article_ids if a in by_id]
    origin_of = {aid: o for o in story.origins for aid in o.article_ids}
    parts = [
        f"<section class='card' id='story-{esc(story.id)}'>",
        f"<h2>{esc(story.label)}</h2>",
        f"<div class='muted small'>story {esc(story.id[:10])} · event: {esc(event_label)} · "
        f"{esc(story.start)} → {esc(story.end)} · {len(members)} reports from "
        f"{len(story.origins)} independent origin(s)"
        + (f" · key entities: {esc(', '.join(story.key_entities))}" if story.key_entities else "")
        + "</div>",
        "<h3>Outlets side by side</h3><table><tr><th>outlet</th><th>date</th><th>headline</th>"
        "<th>quotes</th><th>figures</th><th>origin</th></tr>",
    ]
    for a in members:
        origin = origin_of.get(a.id)
        copy_note = ""
        if origin and len(origin.article_ids) > 1:
            others = [by_id[x].source_label for x in origin.article_ids if x != a.id and x in by_id]
            copy_note = (
                f"<span class='badge'>{esc(origin.kind.replace('_', ' '))}</span> with "
                + esc(", ".join(o or "?" for o in others))
            )
        parts.append(
            f"<tr><td>{esc(a.source_label)}</td><td>{esc(a.published)}</td>"
            f"<td><a href='#art-{esc(a.id)}'>{esc(display_title(a))}</a></td>"
            f"<td>{len(a.quotes)}</td><td>{len(a.figures)}</td><td>{copy_note}</td></tr>"
        )
    parts.append("</table>")
    parts.append(_claim_matrix(story, by_id, members))
    parts.append(_figure_groups(story, by_id))
    parts.append(_quote_tracks(story, by_id, members))
    parts.append("</section>")
    return "".join(parts)


def _claim_matrix(story: Story, by_id: dict[str, Article], members: list[Article]) -> str:
    if not story.claims:
        return "<h3>Claims</h3><p class='muted'>No claims aligned across reports.</p>"
    # One column per report of the story; the reports of other stories of the event that a
    # claim was aligned with share one last column, so a status counting them is explained.
    others = other_story_ids(story, story.claims)
    head = "".join(
        f"<th>{esc(a.source_label)}<br><span class='muted small'>{esc(a.published)}</span></th>"
        for a in members
    ) + ("<th class='other-story'>other stories</th>" if others else "")
    rows = []
    for group in story.claims:
        cells = []
        for a in members:
            hits = [m for m in group.members if m.get("article") == a.id]
            if not hits:
                cells.append("<td class='cell-silent'>·</td>")
                continue
            m = hits[0]
            stance = m.get("stance", "states")
            symbol = "✓ states" if stance == "states" else "✗ contradicts"
            cells.append(f"<td class='cell-{esc(stance)}'>{_link(a, m.get('start'), symbol)}</td>")
        if others:
            cells.append(_other_claims_cell(story, group, by_id))
        rows.append(
            f"<tr><td>{esc(group.label)}<br><span class='badge b-{esc(group.status)}'>"
            f"{esc(group.status.replace('_', ' '))}</span> <span class='muted small'>"
            f"{group.independent_origins} independent source(s). {esc(group.explanation)}"
            f"</span></td>{''.join(cells)}</tr>"
        )
    return (
        f"<h3>Claim by outlet</h3>{_scope(scope_note('Claims', story, story.claims))}"
        f"<table><tr><th>claim</th>{head}</tr>{''.join(rows)}</table>"
    )


def _other_claims_cell(story: Story, group: ClaimGroup, by_id: dict[str, Article]) -> str:
    """The members of `group` from other stories of the event, muted: outlet and stance."""
    hits = [
        _link(by_id.get(str(m.get("article"))), m.get("start"), esc(m.get("outlet") or "?"))
        + (" ✓ states" if m.get("stance", "states") == "states" else " ✗ contradicts")
        for m in group.members
        if is_other(story, m)
    ]
    return f"<td class='other-story small'>{'<br>'.join(hits) or '·'}</td>"


def _scope(note: str) -> str:
    """The caption saying a section reaches past the story's reports ("" when it does not)."""
    return f"<p class='small muted'>{esc(note)}.</p>" if note else ""


def _marked(story: Story, member: dict[str, Any]) -> tuple[str, str]:
    """(row attribute, outlet cell) for a member: muted and marked when from another story."""
    outlet = esc(member.get("outlet"))
    if not is_other(story, member):
        return "", outlet
    return " class='other-story'", f"{outlet} <span class='small'>({OTHER_STORY})</span>"


def _figure_groups(story: Story, by_id: dict[str, Article]) -> str:
    if not story.figures:
        return ""
    # Figures several sources give (agreeing, updated, conflicting, adding up) come first, in
    # full; figures only one source gives are one compact table after them.
    shared = [g for g in story.figures if g.relation != "single"]
    single = [g for g in story.figures if g.relation == "single"]
    others = other_story_ids(story, story.figures)  # drawn hollow in the timelines
    scope = scope_note("Figures", story, story.figures, also="hollow points in the timelines")
    parts = ["<h3>Figures across outlets</h3>", _scope(scope)]
    if not shared:
        parts.append("<p class='muted'>No figure is given by more than one source.</p>")
    for group in shared:
        parts.append(
            f"<h4>{esc(group.measure)}{' · ' + esc(group.location) if group.location else ''} "
            f"<span class='badge b-{esc(group.relation)}'>{esc(group.relation)}</span></h4>"
            f"<p class='small muted'>{esc(group.explanation)}</p>"
        )
        if len(group.members) > 1:  # one point is a table row, not a timeline
            parts.append(figure_timeline(group.members, group.unit, other=others))
        parts.append("<table><tr><th>outlet</th><th>value</th><th>as of</th><th>source</th></tr>")
        for m in group.members:
            article = by_id.get(str(m.get("article")))
            row, outlet = _marked(story, m)
            parts.append(
                f"<tr{row}><td>{outlet}</td><td>"
                f"{_link(article, m.get('start'), esc(member_value(m, group.unit)))}</td>"
                f"<td>{esc(m.get('as_of'))}</td><td>{esc(m.get('source') or 'unattributed')}"
                "</td></tr>"
            )
        parts.append("</table>")
    if single:
        parts.append(
            "<h4>Given by one source only</h4><table><tr><th>measure</th><th>value</th>"
            "<th>outlet</th><th>as of</th><th>source</th></tr>"
        )
        for group in single:
            for m in group.members:
                article = by_id.get(str(m.get("article")))
                value = member_value(m, group.unit)
                row, outlet = _marked(story, m)
                parts.append(
                    f"<tr{row}><td>{esc(group.measure)}</td>"
                    f"<td>{_link(article, m.get('start'), esc(value))}</td>"
                    f"<td>{outlet}</td><td>{esc(m.get('as_of'))}</td>"
                    f"<td>{esc(m.get('source') or 'unattributed')}</td></tr>"
                )
        parts.append("</table>")
    return "".join(parts)


def _quote_tracks(story: Story, by_id: dict[str, Article], members: list[Article]) -> str:
    by_speaker: dict[str, list[tuple[Article, Any]]] = defaultdict(list)
    for a in members:
        for q in a.quotes:
            name = q.speaker.name if q.speaker and q.speaker.name else "(no speaker found)"
            by_speaker[name].append((a, q))
    if not by_speaker:
        return ""
    parts = [
        "<h3>Quotes by speaker</h3><table><tr><th>speaker</th><th>quote</th><th>outlet</th></tr>"
    ]
    for name, items in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        for i, (a, q) in enumerate(items):
            title = q.speaker.title if q.speaker and q.speaker.title else ""
            speaker_cell = (
                (
                    f"<td rowspan='{len(items)}'><b>{esc(name)}</b><br>"
                    f"<span class='muted small'>{esc(title)}</span></td>"
                )
                if i == 0
                else ""
            )
            parts.append(
                f"<tr>{speaker_cell}<td>{_link(a, q.start, esc(a.text[q.start : q.end][:300]))}"
                f"</td><td>{esc(a.source_label)}</td></tr>"
            )
    parts.append("</table>")
    repeated = [t for t in story.quotes if len(t.members) > 1]
    parts.append(_scope(scope_note("Repeated quotes", story, repeated)))
    for track in repeated:
        who = "; ".join(
            f"{m.get('outlet')}{f' ({OTHER_STORY})' if is_other(story, m) else ''}: "
            f"{m.get('speaker') or '?'}"
            for m in track.members
        )
        badge = (
            "<span class='badge b-conflict'>credited to different speakers</span>"
            if track.speakers_differ
            else ""
        )
        parts.append(
            f"<p class='small'>“{esc(track.text[:160])}” appears in "
            f"{len(track.members)} reports ({esc(who)}) {badge}</p>"
        )
    return "".join(parts)


def _article_section(article: Article, story: Story | None, medians: dict[str, float]) -> str:
    marks = article_marks(article)
    headings = {(f.start, f.end) for f in article.flags if f.kind == "heading"}
    parts = [
        f"<section class='card' id='art-{esc(article.id)}'>",
        f"<h2>{esc(display_title(article))}</h2>",
        f"<div class='muted small'>{esc(article.outlet or 'unknown outlet')} · "
        f"{esc(article.published or 'undated')}"
        + (f" · by {esc(article.author)}" if article.author else "")
        + (f" · {_url(article.url)}" if article.url else "")
        + f" · id {esc(article.id)} · language {esc(article.lang or '?')}"
        + (f" · story <a href='#story-{esc(story.id)}'>{esc(story.label)}</a>" if story else "")
        + "</div>",
    ]
    if article.profile:
        parts.append(_solidity_panel(article, medians))
    warnings = [f for f in article.flags if f.kind != "heading"]
    if warnings:
        parts.append("<h3>Flags</h3><ul class='flaglist small'>")
        for f in warnings:
            parts.append(
                f"<li><span class='badge b-{esc(f.severity)}'>{esc(f.kind.replace('_', ' '))}"
                f"</span> {_link(article, f.start, _quoted(article.text[f.start : f.end]))}"
                f" — {esc(f.explanation)}</li>"
            )
        parts.append("</ul>")
    parts.append("<h3>Text</h3><div class='text'>")
    paragraphs = article.paragraphs or _fallback_paragraphs(article.text)
    for p in paragraphs:
        inner = paragraph_html(article, p.start, p.end, marks)
        if (p.start, p.end) in headings or any(s <= p.start and p.end <= e for s, e in headings):
            parts.append(f"<h4>{inner}</h4>")
        else:
            parts.append(f"<p>{inner}</p>")
    parts.append("</div>")
    parts.append(_quote_table(article))
    parts.append(_figure_table(article))
    parts.append("</section>")
    return "".join(parts)


def _url(url: str) -> str:
    """The article's URL: a link when it is a web address, else escaped text (see `links`)."""
    if is_web_url(url):
        return f"<a href='{esc(url)}'>{esc(url)}</a>"
    return esc(url)


def _quoted(text: str) -> str:
    return f"<q>{esc(text[:160])}</q>"


def _fallback_paragraphs(text: str) -> list[Any]:
    from corroborate.model import Span

    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            spans.append(Span(start, start + len(stripped), "paragraph"))
        offset += len(line) + 1
    return spans


def _solidity_panel(article: Article, medians: dict[str, float]) -> str:
    rows = profile_rows(article, medians)
    body = "".join(
        f"<tr><td>{esc(label)}</td><td><b>{esc(value)}</b></td><td>{esc(median)}</td>"
        f"<td class='muted small'>{esc(reference)}</td><td>{_verdict_badge(verdict)}</td></tr>"
        for label, value, median, reference, verdict in rows
    )
    reasons = weaknesses(article)
    reason_html = (
        "<ul>" + "".join(f"<li>{esc(r)}</li>" for r in reasons) + "</ul>"
        if reasons
        else "<p class='small'>No sourcing weaknesses found.</p>"
    )
    return (
        "<div class='solid'><div><h3>How solid is this report?</h3><table><tr><th>signal</th>"
        f"<th>this report</th><th>story median</th><th>news median</th><th>vs story</th></tr>"
        f"{body}</table></div>"
        f"<div><h3>Weigh it carefully because it…</h3>{reason_html}</div></div>"
    )


def _verdict_badge(verdict: str) -> str:
    return f"<span class='badge b-{verdict}'>{verdict}</span>" if verdict else ""


def _quote_table(article: Article) -> str:
    if not article.quotes:
        return ""
    rows = []
    for q in article.quotes:
        sp = q.speaker
        cue = article.text[q.cue.start : q.cue.end] if q.cue else ""
        rows.append(
            f"<tr><td>{_link(article, q.start, esc(article.text[q.start : q.end][:240]))}</td>"
            f"<td>{esc(q.kind)}</td><td>{esc(sp.name if sp else '—')}</td>"
            f"<td>{esc(sp.title if sp else '')}</td><td>{esc(cue)} "
            f"<span class='muted small'>{esc(q.cue.stance if q.cue else '')}</span></td></tr>"
        )
    return (
        "<h3>Quotes</h3><table><tr><th>quote</th><th>kind</th><th>speaker</th>"
        f"<th>title</th><th>cue</th></tr>{''.join(rows)}</table>"
    )


def _figure_table(article: Article) -> str:
    if not article.figures:
        return ""
    rows = []
    for f in article.figures:
        rows.append(
            f"<tr><td>{_link(article, f.start, esc(article.text[f.start : f.end]))}</td>"
            f"<td>{esc(article_figure_value(f))}</td><td>{esc(f.counted)}</td>"
            f"<td>{esc(f.measure)}</td><td>{esc(f.period)}</td><td>{esc(f.as_of)}</td>"
            f"<td>{esc(f.location)}</td><td>{esc(f.source.name or 'unattributed')}"
            f"<span class='muted small'> {esc(f.source.kind)}</span></td></tr>"
        )
    return (
        "<h3>Figures</h3><table><tr><th>text</th><th>value</th><th>counts</th>"
        "<th>measure</th><th>period</th><th>as of</th><th>where</th><th>source</th></tr>"
        f"{''.join(rows)}</table>"
    )
