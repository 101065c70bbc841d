"""A story's section shows event-wide alignment, and says so (hand-built stories, and the CLI).

Figures, claims and quotes are aligned across an event, so a story's groups hold members from
the reports of its sibling stories. The section must state that scope and mark every row or
cell from another story; a story whose groups are its own reads as before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_cli import CORPUS, cli

from corroborate.model import (
    Article,
    ClaimGroup,
    Event,
    FigureGroup,
    Origin,
    Quote,
    QuoteTrack,
    Span,
    Speaker,
    Story,
)
from corroborate.report import to_html, to_markdown
from corroborate.report.values import member_value

TEXT = "Officials said 1,200 people left. “We are ready,” said Mayor Lena Ostrova."
OTHER = "Northern Ledger"  # the outlet of the one report in the sibling story


def _article(id: str, outlet: str, published: str) -> Article:
    article = Article(text=TEXT, id=id, title=f"{outlet} on the flood", outlet=outlet)
    article.published = published
    article.paragraphs = [Span(0, len(TEXT), "paragraph")]
    article.sentences = [Span(0, 33, "sentence"), Span(34, len(TEXT), "sentence")]
    q0, q1 = TEXT.index("“"), TEXT.index("”") + 1
    article.quotes = [Quote(q0, q1, "direct", Speaker("Lena Ostrova", 59, 71, title="Mayor"))]
    return article


def _member(article: Article, **extra: object) -> dict[str, object]:
    return {"article": article.id, "origin": article.id, "outlet": article.outlet, **extra}


def _event() -> tuple[list[Article], list[Story], Event]:
    """Story "own" (two reports) and story "other" (one), one event, groups shared as in corpus."""
    a, b, c = (
        _article("a", "Meridian Post", "2025-03-03"),
        _article("b", "Valley Courier", "2025-03-03"),
        _article("c", OTHER, "2025-03-04"),
    )
    figures = [
        FigureGroup(
            "people_evacuated",
            None,
            "people",
            "update",
            [
                _member(a, value=1200, as_of="2025-03-03", start=15, source="officials"),
                _member(b, value=1200, as_of="2025-03-03", start=15, source="officials"),
                _member(c, value=1800, as_of="2025-03-04", start=15, source="officials"),
            ],
        ),
        FigureGroup("shelters", None, "shelters", "single", [_member(c, value=20)]),
    ]
    claims = [
        ClaimGroup(
            "c1",
            "1,200 people left",
            "corroborated",
            2,
            [_member(a, stance="states", start=0), _member(c, stance="states", start=0)],
        )
    ]
    quotes = [
        QuoteTrack(
            "q1",
            "“We are ready,”",
            [_member(a, speaker="Lena Ostrova"), _member(c, speaker="Lena Ostrova")],
        )
    ]
    own = Story("own", "ev", "Flood: 1,200 leave", ["a", "b"], origins=[Origin("oa", ["a"], [])])
    own.origins.append(Origin("ob", ["b"], []))
    other = Story("other", "ev", "Flood: 1,800 leave", ["c"], origins=[Origin("oc", ["c"], [])])
    own.figures, own.claims, own.quotes = figures[:1], claims, quotes
    other.figures, other.claims, other.quotes = figures, claims, quotes
    return [a, b, c], [own, other], Event("ev", "River flood", ["own", "other"])


def _one_story() -> tuple[list[Article], list[Story], list[Event]]:
    """What `report --story own` renders: the story's reports, the story, its event."""
    articles, stories, event = _event()
    event.story_ids = ["own"]
    return articles[:2], stories[:1], [event]


def _rows(page: str) -> list[tuple[str, str]]:
    """(the <tr> attributes, the row's markup) for every table row of an HTML page."""
    return re.findall(r"<tr([^>]*)>(.*?)</tr>", page)


def _story_md(md: str, label: str) -> str:
    """The Markdown section of the story labelled `label`."""
    return md.split(f"## Story: {label}", 1)[1].split("\n## ", 1)[0]


def test_markdown_story_report_states_the_event_scope_and_marks_other_stories() -> None:
    md = to_markdown(*_one_story())
    assert "2 reports, 2 independent origin(s)" in md  # the story's own count, unchanged
    assert (
        "### Figures\n\nFigures across the event: 3 reports, 2 in this story and 1 from other "
        "stories of the same event (marked “other story”).\n\n| measure" in md
    )
    assert "### Claims\n\nClaims across the event: 2 reports, 1 in this story and 1 from" in md
    figures = next(line for line in md.splitlines() if line.startswith("| people_evacuated"))
    assert f"{OTHER} *(other story)*: 1,800 people" in figures
    assert "Meridian Post: 1,200" in figures and "Valley Courier: 1,200" in figures
    claim = next(line for line in md.splitlines() if line.startswith("| 1,200 people left"))
    assert f"{OTHER} *(other story)* (states)" in claim and "Meridian Post (states)" in claim


def test_html_story_report_states_the_event_scope_and_marks_other_story_rows() -> None:
    page = to_html(*_one_story())
    assert (
        "Figures across the event: 3 reports, 2 in this story and 1 from other stories "
        "of the same event (marked “other story”; hollow points in the timelines)." in page
    )
    rows = [(attrs, row) for attrs, row in _rows(page) if "1,800 people" in row]
    assert rows == [(" class='other-story'", rows[0][1])]
    assert f"<td>{OTHER} <span class='small'>(other story)</span></td>" in rows[0][1]
    own = [(attrs, row) for attrs, row in _rows(page) if "1,200 people</a>" in row]
    assert len(own) == 2 and all(attrs == "" and "other story" not in r for attrs, r in own)
    # the timeline: the other story's point is hollow and says so
    assert re.search(r"r=\"5\" fill=\"#fff\"[^>]*><title>Northern Ledger \(other story\)", page)
    assert page.count('fill="#fff"') == 1


def test_html_claim_matrix_gives_the_other_stories_one_marked_column() -> None:
    page = to_html(*_one_story())
    assert "Claims across the event: 2 reports, 1 in this story and 1 from other stories" in page
    head = next(row for _, row in _rows(page) if row.startswith("<th>claim</th>"))
    assert head.count("<th") == 4 and head.endswith("<th class='other-story'>other stories</th>")
    row = next(row for _, row in _rows(page) if row.startswith("<td>1,200 people left"))
    # its column holds the sibling's outlet and stance (not a link: that report is not shown)
    assert row.endswith(f"<td class='other-story small'>{OTHER} ✓ states</td>")
    assert row.count("cell-states") == 1 and row.count("cell-silent") == 1  # a; b is silent


def test_html_repeated_quotes_mark_the_reports_of_other_stories() -> None:
    page = to_html(*_one_story())
    assert "Repeated quotes across the event: 2 reports, 1 in this story and 1 from" in page
    assert (
        f"appears in 2 reports (Meridian Post: Lena Ostrova; {OTHER} (other story): "
        "Lena Ostrova)" in page
    )


def test_a_story_whose_groups_are_its_own_reads_as_before() -> None:
    """No scope note and no marker when every member is a report of the story."""
    articles, stories, event = _one_story()
    own = stories[0]
    for group in [*own.figures, *own.claims, *own.quotes]:
        group.members = [m for m in group.members if m["article"] in own.article_ids]
    page, md = to_html(articles, stories, event), to_markdown(articles, stories, event)
    for text in (page, md):
        assert "other stor" not in text and "across the event" not in text
    assert "<h3>Figures across outlets</h3><h4>" in page
    assert "### Figures\n\n| measure" in md and "### Claims\n\n| claim" in md
    assert "<th>claim</th><th>Meridian Post" in page and "<th class='other-story'>" not in page
    assert 'fill="#fff"' not in page


def test_the_whole_report_marks_each_story_against_its_own_reports() -> None:
    """Unscoped, the same groups sit in both stories; each section marks the other's rows."""
    articles, stories, event = _event()
    md = to_markdown(articles, stories, [event])
    own, other = _story_md(md, "Flood: 1,200 leave"), _story_md(md, "Flood: 1,800 leave")
    assert f"{OTHER} *(other story)*: 1,800" in own and "Meridian Post: 1,200" in own
    assert f"{OTHER}: 1,800" in other and "Meridian Post *(other story)*: 1,200" in other
    assert "2 in this story and 1 from other stories" in own
    assert "1 in this story and 2 from other stories" in other
    page = to_html(articles, stories, [event])
    # the other story's reports are in this report: its cell links to their text
    assert f"<td class='other-story small'><a href='#s-c-0'>{OTHER}</a> ✓ states</td>" in page


@pytest.mark.slow
def test_a_stored_story_report_marks_every_member_from_another_story(tmp_path: Path) -> None:
    """The audit: `report --story` on the sample corpus, for a story in a multi-story event."""
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert cli("--db", db, "add", "-q", str(CORPUS)).returncode == 0
    assert cli("--db", db, "analyze", "-q").returncode == 0
    data = json.loads(cli("--db", db, "report", "--format", "json").stdout)
    # a story with figures from another story's reports (event-wide alignment, by design)
    story = next(
        s
        for s in data["stories"]
        if any(m["article"] not in s["articles"] for g in s["figures"] for m in g["members"])
    )
    mine = set(story["articles"])
    result = cli("--db", db, "report", "--story", story["id"], "--format", "md")
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert f"{len(story['articles'])} reports," in md  # the story's own count
    figures = md.split("### Figures", 1)[1].split("\n## ", 1)[0]
    assert figures.lstrip().startswith("Figures across the event:")
    outside = [m for g in story["figures"] for m in g["members"] if m["article"] not in mine]
    assert figures.count("*(other story)*") == len(outside)  # each marked, none of its own
    for g in story["figures"]:
        for m in g["members"]:
            if m["article"] not in mine:
                assert f"{m['outlet']} *(other story)*: {member_value(m, g['unit'])}" in figures
