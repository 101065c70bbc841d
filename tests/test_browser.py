"""The HTML report in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from corroborate.model import Article, Flag, Quote, Span, Speaker
from corroborate.report import to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless chromium is not installed (make test installs it as root)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _page(tmp_path: Path) -> Path:
    text = (
        "Officials met on Monday.\n"
        "<script>document.title='pwned'</script> “We will rebuild,” said Mayor Ana Lind.\n"
        "Read also: other news"
    )
    article = Article(text=text, title="Council <i>meets</i>", outlet="Test Post")
    article.paragraphs = [
        Span(0, 24),
        Span(25, text.index("\nRead")),
        Span(text.index("Read"), len(text)),
    ]
    article.sentences = list(article.paragraphs)
    q0, q1 = text.index("“"), text.index("”") + 1
    article.quotes = [Quote(q0, q1, "direct", Speaker("Ana Lind", q0, q1, title="Mayor"))]
    article.flags = [Flag(text.index("Read"), len(text), "stray_text", "warning", "teaser")]
    page = tmp_path / "report.html"
    page.write_text(to_html([article], [], []), encoding="utf-8")
    return page


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_report_renders_and_scripts_stay_text(tmp_path: Path) -> None:
    page = _page(tmp_path)
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "<title>corroborate report</title>" in dom  # the injected script never ran
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "Council &lt;i&gt;meets&lt;/i&gt;" in dom
    assert 'class="quote"' in dom and "flag-stray_text" in dom


def test_report_screenshot(tmp_path: Path) -> None:
    page = _page(tmp_path)
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
