"""Links in reports: only web addresses (http, https) become links; every other URL a report
carries (javascript:, data:, file:) is shown as text, and input never escapes an attribute."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_cli import cli

from corroborate.model import Article, Span
from corroborate.report import to_html, to_markdown

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
]


class _Tags(HTMLParser):
    """Every start tag's attributes, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs.append(dict(attrs))


def _attributes(page: str) -> list[dict[str, str | None]]:
    parser = _Tags()
    parser.feed(page)
    return parser.attrs


def _hrefs(page: str) -> list[str]:
    return [str(a["href"]) for a in _attributes(page) if "href" in a]


def _article(url: str, id: str = "x") -> Article:
    text = "Some text here. More text."
    article = Article(text=text, id=id, title="t", url=url, outlet="O")
    article.sentences = [Span(0, 15, "sentence"), Span(16, len(text), "sentence")]
    return article


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_html_shows_a_non_web_url_as_text_never_as_a_link(url: str) -> None:
    page = to_html([_article(url)], [], [])
    assert all(h.startswith(("#", "http://", "https://")) for h in _hrefs(page)), _hrefs(page)
    assert not re.search(r"href=['\"]?\s*(java|vb)\s*script", page, re.IGNORECASE)
    assert "javascript:alert(1)" not in _hrefs(page)
    # the reader still sees what the report claimed as its URL (escaped)
    shown = url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert shown in page


def test_html_links_a_web_url_escaped() -> None:
    url = "https://news.example/a?b=1&c='2'"
    page = to_html([_article(url)], [], [])
    assert url in _hrefs(page)  # the parser unescapes what the page escaped
    assert "HTTP://NEWS.EXAMPLE/B" in _hrefs(to_html([_article("HTTP://NEWS.EXAMPLE/B")], [], []))


def test_an_article_id_cannot_add_attributes_to_the_page() -> None:
    """Input ids go into the sentence anchors' id attributes: escaped, they stay ids."""
    hostile = "x\" onmouseover=\"alert(1)' onfocus='alert(2)"
    page = to_html([_article("https://news.example/a", id=hostile)], [], [])
    for attrs in _attributes(page):
        assert not any(name.startswith("on") for name in attrs), attrs
    assert f"s-{hostile}-0" in [a.get("id") for a in _attributes(page)]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_markdown_shows_a_non_web_url_as_code_never_as_a_link(url: str) -> None:
    md = to_markdown([_article(url)], [], [])
    assert f"<{url}>" not in md  # a CommonMark autolink, whatever its scheme
    assert "](" not in md  # no inline link either
    assert f"`{' '.join(url.split())}`" in md


def test_markdown_autolinks_a_web_url_unless_it_could_break_out() -> None:
    assert "<https://news.example/a>" in to_markdown([_article("https://news.example/a")], [], [])
    # a '>' would end the autolink and let the rest be read as Markdown: a link to javascript:
    tricky = "https://news.example/>[click](javascript:alert(1))"
    md = to_markdown([_article(tricky)], [], [])
    assert f"<{tricky}>" not in md and f"`{tricky}`" in md


def test_markdown_shows_an_article_id_as_code_a_backtick_cannot_close() -> None:
    md = to_markdown(
        [_article("https://news.example/a", id="x` [click](javascript:alert(1)) `")], [], []
    )
    assert "id `` x` [click](javascript:alert(1)) ` ``" in md
    assert "id `x`" in to_markdown([_article("https://news.example/a")], [], [])


def test_a_report_run_on_a_javascript_url_has_no_javascript_link(tmp_path: Path) -> None:
    """The user's report, end to end: a JSONL line whose url is javascript:alert(1)."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id":"x","title":"t","text":"Some text here. More text.",'
        '"url":"javascript:alert(1)","outlet":"O"}\n',
        encoding="utf-8",
    )
    result = cli("-q", str(source), "-o", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "href='javascript" not in page and "javascript:alert(1)" not in _hrefs(page)
    assert "javascript:alert(1)" in page
