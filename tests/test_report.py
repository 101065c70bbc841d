"""Reports: self-contained, escaped, and carrying every annotation (hand-built articles)."""

from __future__ import annotations

import json

from corroborate.model import (
    Article,
    ClaimGroup,
    Cue,
    Event,
    Figure,
    FigureGroup,
    Flag,
    Origin,
    Quote,
    Source,
    Span,
    Speaker,
    Story,
)
from corroborate.report import to_html, to_json, to_markdown

TEXT = (
    "Flood closes the river port\n"
    "Officials said 1,200 people left their homes <script>alert('x')</script> on Monday.\n"
    "“We are doing everything we can,” said Mayor Lena Ostrova."
)


def _article() -> Article:
    article = Article(
        text=TEXT, title="Flood <b>closes</b> port", outlet="Valley Courier", published="2025-03-03"
    )
    article.paragraphs = [
        Span(0, 27, "paragraph"),
        Span(28, 110, "paragraph"),
        Span(111, len(TEXT), "paragraph"),
    ]
    article.sentences = [
        Span(0, 27, "sentence"),
        Span(28, 110, "sentence"),
        Span(111, len(TEXT), "sentence"),
    ]
    start = TEXT.index("“")
    end = TEXT.index("”") + 1
    name = TEXT.index("Lena Ostrova")
    article.quotes = [
        Quote(
            start,
            end,
            "direct",
            Speaker("Lena Ostrova", name, name + 12, title="Mayor"),
            Cue(TEXT.index("said Mayor"), TEXT.index("said Mayor") + 4, "say"),
        )
    ]
    fig = TEXT.index("1,200")
    article.figures = [
        Figure(
            fig,
            fig + 5,
            1200,
            "people",
            measure="people_evacuated",
            source=Source("officials", "organisation"),
        )
    ]
    article.flags = [Flag(0, 27, "heading", "info", "section heading")]
    article.profile = {"named_sources": 1, "direct_quotes": 1, "figures": 1}
    return article


def _story(article: Article) -> tuple[Story, Event]:
    story = Story(
        id="st1",
        event="ev1",
        label="Flood closes river port",
        article_ids=[article.id],
        start="2025-03-03",
        end="2025-03-03",
        origins=[Origin("o1", [article.id], ["Valley Courier"])],
        figures=[
            FigureGroup(
                "people_evacuated",
                None,
                "people",
                "update",
                [
                    {
                        "article": article.id,
                        "outlet": "Valley Courier",
                        "value": 1200,
                        "as_of": "2025-03-03",
                        "source": "officials",
                        "start": TEXT.index("1,200"),
                    },
                    {
                        "article": "elsewhere",
                        "outlet": "Harbour Wire",
                        "value": 1800,
                        "as_of": "2025-03-04",
                        "source": "the mayor",
                    },
                ],
            )
        ],
        claims=[
            ClaimGroup(
                "c1",
                "1,200 people left their homes",
                "single_source",
                1,
                [
                    {
                        "article": article.id,
                        "outlet": "Valley Courier",
                        "stance": "states",
                        "start": 28,
                    }
                ],
            )
        ],
    )
    return story, Event("ev1", "River flood", ["st1"])


def test_html_is_self_contained_and_escaped() -> None:
    article = _article()
    story, event = _story(article)
    page = to_html([article], [story], [event])
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Flood &lt;b&gt;closes&lt;/b&gt; port" in page
    # no external assets
    for needle in ('src="http', 'href="http', "<link ", "@import", "src='http"):
        assert needle not in page
    assert "<svg" in page  # the figure timeline
    assert "Lena Ostrova" in page and "Mayor" in page
    assert f"id='art-{article.id}'" in page
    assert f"href='#s-{article.id}-28'" in page  # claim cell linked to its sentence
    assert f'id="s-{article.id}-28"' in page
    assert "<h4>" in page  # the heading is rendered as a heading


def test_markdown_and_json_carry_the_same_content() -> None:
    article = _article()
    story, event = _story(article)
    md = to_markdown([article], [story], [event])
    assert "Lena Ostrova" in md and "people_evacuated" in md and "Story: Flood" in md
    data = json.loads(to_json([article], [story], [event]))
    assert data["schema"] == "corroborate.report/1"
    assert data["stories"][0]["articles"] == [article.id]
    assert data["articles"][0]["quotes"][0]["speaker"]["name"] == "Lena Ostrova"


def test_reports_name_an_outletless_report_by_its_site_or_file_not_its_id() -> None:
    """A pasted .txt or a page without site metadata still needs a name a reader can follow."""
    assert Article(text="x", outlet="Valley Courier", url="https://a.example/1").source_label == (
        "Valley Courier"
    )
    assert Article(text="x", url="https://www.example.org/news/1").source_label == "example.org"
    assert Article(text="x", origin="/tmp/in/000_seed.txt").source_label == "000_seed.txt"
    bare = Article(text="some text")
    assert bare.source_label == bare.id[:8]
    article = _article()
    article.outlet = None
    article.origin = "/data/pasted/report-17.txt"
    story, event = _story(article)
    html = to_html([article], [story], [event])
    assert "report-17.txt" in html
