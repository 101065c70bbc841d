"""Defects from the user audit of ingestion, each pinned by a test.

Fetching is tested against a real HTTP server on 127.0.0.1 (hence `allow_private=True`), one
that misbehaves on purpose: bodies cut short, feed links that fail.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from local_http import LOCAL, Pages, reason, serve

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest import read_inputs
from corroborate.ingest.feeds import outlet_from_title, read_feed
from corroborate.ingest.fetch import fetch
from corroborate.model import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corroborate" / "sample"

PARAGRAPH = (
    "<p>Paragraph {n}: the river burst its banks on Monday and about 1,200 people left their "
    "homes in Millbrook, the regional emergency service said in a statement.</p>"
)
# About 100 kB of HTML: long enough that a cut after 3,000 bytes still extracts as a report.
PAGE = (
    "<html><head><title>Flood in Millbrook</title></head><body><article><h1>Flood in Millbrook</h1>"
    + "".join(PARAGRAPH.format(n=n) for n in range(1, 700))
    + "</article></body></html>"
).encode()[:100_000]
# A teaser that is a whole article: content:encoded with several paragraphs.
FULL_TEASER = "".join(PARAGRAPH.format(n=n) for n in range(1, 6))


class Handler(Pages):
    def send_short(self, body: bytes, sent: int, **headers: str) -> None:
        """Promise all of `body` in Content-Length, send `sent` bytes of it, then hang up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body[:sent])
        self.close_connection = True

    def send_chunks(self, chunks: list[bytes], last: bool, promise: int = 0) -> None:
        """A chunked body; without `last`, the closing zero-size chunk never comes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            size = max(promise, len(chunk))  # `promise` > len: the chunk itself is cut short
            self.wfile.write(b"%x\r\n" % size + chunk + (b"\r\n" if size == len(chunk) else b""))
        if last:
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.close_connection = True

    def do_GET(self) -> None:
        path = self.path
        base = f"http://{self.headers.get('Host')}"
        if path == "/page":
            self.send(200, PAGE)
        elif path == "/trunc":
            self.send_short(PAGE, 3_000)
        elif path == "/trunc-gzip":
            packed = gzip.compress(PAGE)
            self.send_short(packed, len(packed) // 2, Content_Encoding="gzip")
        elif path == "/chunked":
            self.send_chunks([PAGE[:3_000], PAGE[3_000:]], last=True)
        elif path == "/trunc-chunked":
            self.send_chunks([PAGE[:1_000], PAGE[1_000:2_000], PAGE[2_000:3_000]], last=False)
        elif path == "/trunc-in-chunk":
            self.send_chunks([PAGE[:3_000]], last=False, promise=5_000)
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE)
        elif path == "/feed.xml":
            items = "".join(
                f"<item><title>{title}</title><link>{base}{link}</link>"
                f"<description>{teaser}</description>{content}</item>"
                for title, link, teaser, content in (
                    ("Flood", "/page", "Teaser one.", ""),
                    ("Gone", "/gone", "Teaser gone", ""),
                    ("Late", "/slow", "Teaser late", ""),
                    ("Whole", "/gone-too", "Teaser whole",
                     f"<content:encoded><![CDATA[{FULL_TEASER}]]></content:encoded>"),
                )
            )  # fmt: skip
            channel = f"<channel><title>Local Feed</title>{items}</channel>"
            rss = (
                "<?xml version='1.0'?><rss version='2.0' "
                "xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
                f"{channel}</rss>"
            )
            self.send(200, rss.encode(), "application/rss+xml")
        else:
            self.send(404, b"not here")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from serve(Handler)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


# --- 1. a truncated body is an error, not a report -----------------------------------------


def test_body_shorter_than_content_length_is_an_error(server: str) -> None:
    assert reason(f"{server}/trunc") == "truncated body: 3,000 of 100,000 bytes received"


def test_truncated_gzip_body_names_the_bytes_received(server: str) -> None:
    """Content-Length counts compressed bytes, so the count is of the bytes on the wire."""
    size = len(gzip.compress(PAGE))
    assert reason(f"{server}/trunc-gzip") == (
        f"truncated body: {size // 2:,} of {size:,} bytes received"
    )


def test_chunked_body_without_its_last_chunk_is_an_error(server: str) -> None:
    expected = "truncated body: the connection closed before the last chunk"
    assert reason(f"{server}/trunc-chunked") == expected  # cut between chunks
    assert reason(f"{server}/trunc-in-chunk") == expected  # cut inside a chunk
    assert fetch(f"{server}/chunked", LOCAL).data == PAGE  # a whole chunked body is fine


def test_truncated_page_is_not_stored_and_the_others_are(server: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    added = cli("--db", db, "add", "--allow-private", f"{server}/trunc", f"{server}/page")
    assert added.returncode == 1, added.stderr
    errors = [line for line in added.stderr.splitlines() if line.startswith("error ")]
    assert errors == [f"error {server}/trunc: truncated body: 3,000 of 100,000 bytes received"]
    listed = cli("--db", db, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["title"] for row in json.loads(listed.stdout)] == ["Flood in Millbrook"]


# --- 2. --follow-links: a link that fails is an error, its teaser is not stored ------------


def test_failed_links_are_errors_and_their_teasers_are_not_kept(server: str) -> None:
    """With --follow-links the user asked for the linked pages, so a page that cannot be had
    is an error for its item, even when the item's own text is a whole article ("Whole",
    with a long content:encoded). Keeping that text instead would store a different text,
    under a different content id, from the page a later run fetches: retrying once the site
    is back would add the same report twice, and one run would mix pages and feed texts with
    nothing to tell them apart. The feed text is still had by leaving --follow-links off.
    """
    follow = replace(LOCAL, follow_links=True, fetch_timeout=0.3)
    results = list(read_inputs([f"{server}/feed.xml"], follow))
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        f"{server}/gone: HTTP 404 Not Found",
        f"{server}/slow: timed out after 0.3s",
        f"{server}/gone-too: HTTP 404 Not Found",
    ]
    [page] = [r for r in results if isinstance(r, Article)]
    assert page.url == f"{server}/page" and "Paragraph 2: the river burst" in page.text
    # Without --follow-links every item's own text is the report, the whole one included.
    plain = [r for r in read_inputs([f"{server}/feed.xml"], LOCAL) if isinstance(r, Article)]
    assert [a.title for a in plain] == ["Flood", "Gone", "Late", "Whole"]


def test_follow_links_stores_only_the_pages_fetched(server: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    added = cli("--db", db, "add", "--allow-private", "--follow-links", "--timeout", "0.3",
                f"{server}/feed.xml")  # fmt: skip
    assert added.returncode == 1, added.stderr
    errors = [line for line in added.stderr.splitlines() if line.startswith("error ")]
    assert errors == [
        f"error {server}/gone: HTTP 404 Not Found",
        f"error {server}/slow: timed out after 0.3s",
        f"error {server}/gone-too: HTTP 404 Not Found",
    ]
    listed = cli("--db", db, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["title"] for row in json.loads(listed.stdout)] == ["Flood in Millbrook"]


# --- 3. a feed's title as an outlet, without the feed's decorations -------------------------


def test_sample_atom_feed_outlet_matches_the_corpus() -> None:
    corpus = [json.loads(line) for line in (SAMPLE / "corpus.jsonl").read_text().splitlines()]
    outlet_of = {record["title"]: record["outlet"] for record in corpus}
    results = list(read_inputs([str(SAMPLE / "formats" / "atom" / "feed.atom")], Settings()))
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == len(results) == 3
    for article in articles:
        assert article.outlet == outlet_of[str(article.title)] == "Harbour Wire"


@pytest.mark.parametrize(
    ("title", "outlet"),
    [("Harbour Wire: latest", "Harbour Wire"), ("Harbour Wire - Latest News", "Harbour Wire"),
     ("Harbour Wire | RSS", "Harbour Wire"), ("Harbour Wire RSS feed", "Harbour Wire"),
     ("Top stories – Harbour Wire", "Harbour Wire"), ("BBC News - Top stories", "BBC News"),
     ("Reuters: Breaking News » RSS 2.0", "Reuters"), ("  Evening   Post ", "Evening Post"),
     # Kept: a section, a hyphenated name, a name ending in "Feed", a colon inside a name,
     # and a title with nothing but feed words (better one shared outlet than none).
     ("Daily Planet – World", "Daily Planet – World"), ("Post-Gazette", "Post-Gazette"),
     ("The Feed", "The Feed"), ("Corroborate sample: all reports",
     "Corroborate sample: all reports"), ("Top stories", "Top stories"), ("", None)],
)  # fmt: skip
def test_outlet_from_feed_title(title: str, outlet: str | None) -> None:
    assert outlet_from_title(title) == outlet


def test_item_source_title_loses_feed_decorations_too() -> None:
    """RSS <source> names "the channel the item came from": a feed title as well."""
    rss = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Round-up: latest</title>"
        b"<item><title>Bridge</title><source url='https://post.example/rss'>Evening Post - "
        b"Latest News</source><description>The bridge reopened.</description></item>"
        b"<item><title>Storm</title><description>A storm is due.</description></item>"
        b"</channel></rss>"
    )
    bridge, storm = read_feed(rss, name="roundup.rss")
    assert isinstance(bridge, Article) and bridge.outlet == "Evening Post"
    assert isinstance(storm, Article) and storm.outlet == "Round-up"


# --- 4. hints name options that exist -------------------------------------------------------


def test_missing_text_hint_names_a_real_option(tmp_path: Path) -> None:
    from corroborate.cli import main

    path = tmp_path / "m.jsonl"
    path.write_text('{"story_body": "The text under another name."}\n')
    [error] = list(read_inputs([str(path)], Settings()))
    assert isinstance(error, InputError)
    hinted = set(re.findall(r"--[a-z][a-z-]*", error.reason))
    assert hinted == {"--map"}
    extract = main.commands["extract"]
    options = {opt for param in extract.params for opt in param.opts}
    assert hinted <= options
    [mapped] = list(read_inputs([str(path)], Settings(), field_map={"story_body": "text"}))
    assert isinstance(mapped, Article)  # and the hinted mapping does what it says


def test_a_text_over_what_one_report_can_have_is_an_error_and_the_others_are_read(
    tmp_path: Path,
) -> None:
    """The parser reads at most MAX_TEXT_CHARS at once: a longer text is refused at ingest with
    a line naming it (it used to crash the extraction of every report with a traceback)."""
    from corroborate.nlp import MAX_TEXT_CHARS

    huge = tmp_path / "huge.txt"
    huge.write_text("The mayor said 3 people died. " * (MAX_TEXT_CHARS // 30 + 10))
    good = tmp_path / "good.txt"
    good.write_text("The mayor said three people died in the flood on Monday.\n")
    results = list(read_inputs([str(huge), str(good)], Settings()))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.item for e in errors] == [str(huge)]
    assert "characters, over the 1,000,000" in errors[0].reason
    assert [r.text for r in results if isinstance(r, Article)] == [good.read_text()]
