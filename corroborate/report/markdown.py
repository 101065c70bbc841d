"""The Markdown report: the same content as the HTML, as tables a person can paste."""

from __future__ import annotations

import re
from typing import Any

from corroborate.model import Article, Event, Story
from corroborate.report.links import is_web_url
from corroborate.report.profile_text import (
    display_title,
    profile_rows,
    story_medians,
    weaknesses,
)
from corroborate.report.scope import OTHER_STORY, is_other, scope_note
from corroborate.report.values import article_figure_value, member_value


def _cell(value: object) -> str:
    return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")


def _code(value: str) -> str:
    """`value` as a code span, shown as written: Markdown reads no links or markup inside.

    The fence is one backtick longer than the longest run inside, so a backtick in the input
    cannot close it early (a space keeps one at either end apart from the fence); the text is
    kept on one line, since a blank line would end the paragraph and the span with it.
    """
    text = " ".join(value.split())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _url(url: str) -> str:
    """A web address as an autolink; any other URL (javascript:, data:, ...) as code.

    An autolink ends at the first space, '<' or '>', and what follows is read as Markdown
    again (`https://a/>[x](javascript:…)` would become a link), so such a URL is code too.
    """
    if is_web_url(url) and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return _code(url)


def _heading(title: str, scope: str) -> list[str]:
    """A story's section heading; one aligned across the event says so under it."""
    return [f"### {title}", "", *([f"{scope}.", ""] if scope else [])]


def _outlet(story: Story, member: dict[str, Any]) -> str:
    """The member's outlet, marked when the report belongs to another story of the event."""
    outlet = member.get("outlet") or "unknown outlet"
    return f"{outlet} *({OTHER_STORY})*" if is_other(story, member) else str(outlet)


def to_markdown(articles: list[Article], stories: list[Story], events: list[Event]) -> str:
    by_id = {a.id: a for a in articles}
    story_of = {aid: s for s in stories for aid in s.article_ids}
    lines = [
        "# corroborate report",
        "",
        f"{len(articles)} reports · {len(events)} events · {len(stories)} stories · "
        f"{sum(len(a.quotes) for a in articles)} quotes · "
        f"{sum(len(a.figures) for a in articles)} figures",
        "",
    ]
    event_label = {e.id: e.label for e in events}
    for story in stories:
        members = [by_id[a] for a in story.article_ids if a in by_id]
        lines += [
            f"## Story: {story.label}",
            "",
            # the story's own span and counts, then the event it belongs to
            f"{story.start or 'undated'} → {story.end or 'undated'} "
            f"· {len(members)} reports, {len(story.origins)} independent origin(s)",
            "",
            f"Part of the event: {event_label.get(story.event, story.event)}",
            "",
            "| outlet | date | headline |",
            "|---|---|---|",
            *(
                f"| {_cell(a.outlet or 'unknown outlet')} | {_cell(a.published or 'undated')} | "
                f"{_cell(a.title or a.origin or a.id)} |"
                for a in members
            ),
            "",
        ]
        if story.claims:
            lines += [
                *_heading("Claims", scope_note("Claims", story, story.claims)),
                "| claim | status | origins | outlets |",
                "|---|---|---|---|",
            ]
            for group in story.claims:
                outlets = ", ".join(
                    f"{_outlet(story, m)} ({m.get('stance', 'states')})" for m in group.members
                )
                lines.append(
                    f"| {_cell(group.label)} | {group.status} | "
                    f"{group.independent_origins} | {_cell(outlets)} |"
                )
            lines.append("")
        if story.figures:
            lines += [
                *_heading("Figures", scope_note("Figures", story, story.figures)),
                "| measure | relation | values |",
                "|---|---|---|",
            ]
            for fg in story.figures:
                values = "; ".join(
                    f"{_outlet(story, m)}: {member_value(m, fg.unit)} "
                    f"({m.get('as_of') or 'undated'}, "
                    f"{m.get('source') or 'unattributed'})"
                    for m in fg.members
                )
                lines.append(f"| {_cell(fg.measure)} | {fg.relation} | {_cell(values)} |")
            lines.append("")
    for article in articles:
        home = story_of.get(article.id)
        medians = story_medians([by_id[a] for a in home.article_ids if a in by_id]) if home else {}
        lines += [
            f"## {display_title(article)}",
            "",
            f"{article.outlet or 'unknown outlet'} · {article.published or 'undated'} · "
            f"id {_code(article.id)}" + (f" · {_url(article.url)}" if article.url else ""),
            "",
        ]
        rows = profile_rows(article, medians)
        if rows:
            lines += [
                "| signal | this report | story median | news median | vs story |",
                "|---|---|---|---|---|",
            ]
            lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
            lines.append("")
            for reason in weaknesses(article):
                lines.append(f"- {reason}")
            lines.append("")
        if article.quotes:
            lines += ["| quote | kind | speaker | title |", "|---|---|---|---|"]
            for q in article.quotes:
                lines.append(
                    f"| {_cell(article.text[q.start : q.end][:200])} | {q.kind} | "
                    f"{_cell(q.speaker.name if q.speaker else '—')} | "
                    f"{_cell(q.speaker.title if q.speaker else '')} |"
                )
            lines.append("")
        if article.figures:
            lines += ["| figure | value | measure | source |", "|---|---|---|---|"]
            for f in article.figures:
                lines.append(
                    f"| {_cell(article.text[f.start : f.end])} | {article_figure_value(f)} | "
                    f"{_cell(f.measure)} | {_cell(f.source.name or 'unattributed')} |"
                )
            lines.append("")
        flags = [f for f in article.flags if f.kind != "heading"]
        if flags:
            lines += ["Flags:", ""]
            lines += [
                f"- **{f.kind}** “{_cell(article.text[f.start : f.end][:120])}”: {f.explanation}"
                for f in flags
            ]
            lines.append("")
    return "\n".join(lines)
