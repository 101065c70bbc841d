"""Ingestion of every format we read: text, HTML, JSON/JSONL, WARC, feeds, gzip, stdin."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.config import Settings
from corroborate.errors import InputError, UsageError
from corroborate.ingest import detect_format, expand_inputs, read_inputs
from corroborate.ingest.meta import normalize_date
from corroborate.ingest.text import split_headers
from corroborate.model import Article, content_id

SETTINGS = Settings()

PARAGRAPHS = (
    "The river burst its banks early on Monday, forcing about 1,200 people from their homes "
    "in the lower districts of Millbrook, the regional emergency service said.",
    "“We have never seen water this high in forty years,” said Mayor Joan Hartley, who toured "
    "the flooded streets by boat on Monday afternoon with two rescue officers.",
    "Rescue teams worked through the night to reach residents trapped on upper floors, and the "
    "service said 74 people had been taken to the sports hall on Hill Road for shelter.",
)


def article_html(title: str = "Flood forces 1,200 from homes", outlet: str = "Daily Planet") -> str:
    """A realistic page: navigation, the article, a related-links list, comments, footer."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{title}">
<meta name="author" content="Sam Reed">
<meta property="article:published_time" content="2024-08-15T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>{title}</h1>
{body}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Storm warning for coast</a></li>
<li><a href="/b">Council budget approved</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>First! This is outrageous, somebody should resign over it.</p></div>
</section>
<footer><p>© 2024 {outlet}. All rights reserved.</p></footer>
</body></html>"""


def read(inputs: Sequence[str | Path], **kwargs: object) -> list[Article | InputError]:
    settings = kwargs.pop("settings", SETTINGS)
    assert isinstance(settings, Settings)
    return list(read_inputs([str(i) for i in inputs], settings, **kwargs))  # type: ignore[arg-type]


def articles(results: list[Article | InputError]) -> list[Article]:
    errors = [r for r in results if isinstance(r, InputError)]
    assert not errors, errors
    return [r for r in results if isinstance(r, Article)]


def make_warc(pages: Sequence[tuple[str, bytes, str]], *, gz: bool) -> bytes:
    """A real WARC (via warcio) of HTTP responses: (url, body, content type)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


# --- plain text ---------------------------------------------------------------------------


def test_text_with_headers(tmp_path: Path) -> None:
    body = "The river burst its banks.\r\n\r\n“It rose fast,” she said. 🌊\n"
    path = tmp_path / "report.txt"
    path.write_text(
        "Title: Flood in Millbrook\nDate: 15 August 2024\nSource: Daily Planet\n"
        "URL: https://example.org/flood\nAuthor: Sam Reed\n\n" + body,
        encoding="utf-8",
        newline="",
    )
    [art] = articles(read([path]))
    assert art.text == body
    assert (art.title, art.published, art.outlet) == (
        "Flood in Millbrook",
        "2024-08-15",
        "Daily Planet",
    )
    assert (art.url, art.author, art.origin) == ("https://example.org/flood", "Sam Reed", str(path))
    assert art.lang == "en"


def test_text_with_crlf_headers_and_datetime() -> None:
    fields, start = split_headers("Title: A\r\nDate: 2024-08-15 14:05\r\nOutlet: X\r\n\r\nBody")
    assert fields == {"title": "A", "published": "2024-08-15 14:05", "outlet": "X"}
    assert start == len("Title: A\r\nDate: 2024-08-15 14:05\r\nOutlet: X\r\n\r\n")


def test_text_without_headers_is_exact(tmp_path: Path) -> None:
    text = "  Kyiv: the “front” moved.\r\nFigures: 72 settlements 🇺🇦\n\n\tEnd without newline"
    path = tmp_path / "plain.txt"
    path.write_bytes(text.encode("utf-8"))
    [art] = articles(read([path]))
    assert art.text == text  # "Kyiv:" and "Figures:" are not header names
    assert art.id == content_id(text)


def test_text_utf8_bom_removed_only(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf  Text with a BOM and leading spaces.\n")
    [art] = articles(read([path]))
    assert art.text == "  Text with a BOM and leading spaces.\n"


def test_text_utf16_and_cp1252(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Ukrainian forces said “72”.".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes("Windows text with \x93curly quotes\x94.".encode("latin-1"))
    first, second = articles(read([tmp_path]))
    assert first.text == "Ukrainian forces said “72”."
    assert second.text == "Windows text with “curly quotes”."


_TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ 019.,;:'\"\t\r\n", "“", "”", "’", "—", "é", "🎉", "Ж"]),
    min_size=1,
    max_size=200,
)


@hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_text_round_trip_property(tmp_path: Path, text: str) -> None:
    assume(text.strip() and split_headers(text)[1] == 0)
    path = tmp_path / "p.txt"
    path.write_bytes(text.encode("utf-8"))
    [art] = articles(read([path]))
    assert art.text == text


@hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_jsonl_text_round_trip_property(tmp_path: Path, text: str) -> None:
    assume(text.strip())
    path = tmp_path / "p.jsonl"
    line = json.dumps({"id": "a-1", "text": text}, ensure_ascii=False)
    path.write_text(line + "\n" + line.replace('"a-1"', '"a-2"') + "\n", encoding="utf-8")
    first, second = articles(read([path]))
    assert first.text == text and second.text == text
    assert (first.id, second.id) == ("a-1", "a-2")


# --- JSON and JSONL -----------------------------------------------------------------------


def test_jsonl_fields_aliases_and_ids(tmp_path: Path) -> None:
    rows = [
        {"id": "rep-001", "text": "Line one.\r\nLine “two” 😀 ", "title": "T", "url": "https://x.org/1",
         "outlet": "Wire", "published": "2024-08-15"},
        {"content": "Aliased body text here.", "headline": "H", "link": "https://x.org/2",
         "source": {"id": "bbc", "name": "BBC News"}, "pubDate": "Thu, 15 Aug 2024 10:30:00 GMT"},
        {"id": 42, "body": "Numeric id is carried as text.", "site": "Site", "date": "2024-08-16"},
    ]  # fmt: skip
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    a, b, c = articles(read([path]))
    assert a.text == "Line one.\r\nLine “two” 😀 " and a.id == "rep-001"
    assert (a.title, a.url, a.outlet, a.published) == ("T", "https://x.org/1", "Wire", "2024-08-15")
    assert a.origin == f"{path}:1"
    assert (b.text, b.title, b.url, b.outlet) == (
        "Aliased body text here.",
        "H",
        "https://x.org/2",
        "BBC News",
    )
    assert b.published == "2024-08-15"  # the day only, as from every other format
    assert b.id == content_id(b.text)
    assert (c.id, c.text, c.outlet, c.published) == (
        "42",
        "Numeric id is carried as text.",
        "Site",
        "2024-08-16",
    )


def test_json_array_object_and_container(tmp_path: Path) -> None:
    (tmp_path / "1.json").write_text(
        json.dumps([{"text": "First one."}, {"text": "Second one."}], indent=2)
    )
    (tmp_path / "2.json").write_text(json.dumps({"id": "x", "text": "A single object."}, indent=2))
    (tmp_path / "3.json").write_text(
        json.dumps({"status": "ok", "articles": [{"content": "From an API dump."}]})
    )
    results = articles(read([tmp_path]))
    assert [a.text for a in results] == [
        "First one.",
        "Second one.",
        "A single object.",
        "From an API dump.",
    ]
    assert results[1].origin == f"{tmp_path / '1.json'}#2"
    assert results[2].id == "x"


def test_field_map(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text(
        json.dumps({"story_body": "Mapped text.", "hed": "Mapped title", "body": "not this"}) + "\n"
    )
    [art] = articles(read([path], field_map={"story_body": "text", "hed": "title"}))
    assert (art.text, art.title) == ("Mapped text.", "Mapped title")
    with pytest.raises(UsageError, match="unknown"):
        read([path], field_map={"story_body": "txet"})


def test_jsonl_missing_text_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text('{"text": "ok line"}\n{"title": "no text"}\n[1, 2]\n{"text": 5}\n')
    results = read([path])
    assert isinstance(results[0], Article)
    assert [str(r) for r in results[1:]] == [
        f"{path}:2: no text field (looked for text, content, body, article, full_text, fulltext, "
        "maintext, article_text, story; map yours with --map, e.g. --map story_body=text)",
        f"{path}:3: expected a JSON object, got an array",
        f"{path}:4: field 'text' is a number, not a string",
    ]


# --- HTML -------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html(), encoding="utf-8")
    [art] = articles(read([path]))
    for paragraph in PARAGRAPHS:
        assert paragraph in art.text
    assert art.text == "\n".join(PARAGRAPHS)  # paragraph breaks kept; headline in .title only
    for boilerplate in ("Storm warning", "First!", "All rights reserved", "Home"):
        assert boilerplate not in art.text
    assert art.title == "Flood forces 1,200 from homes"
    assert (art.outlet, art.author, art.published, art.lang) == (
        "Daily Planet",
        "Sam Reed",
        "2024-08-15",
        "en",
    )


def test_html_detected_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(article_html())
    [art] = articles(read([path]))
    assert PARAGRAPHS[0] in art.text and "<p>" not in art.text


# --- WARC -------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    pages = [
        ("https://a.example/flood", article_html("Flood one").encode(), "text/html; charset=utf-8"),
        ("https://a.example/logo.png", b"\x89PNG\r\n\x1a\nxxxx", "image/png"),
        (
            "https://b.example/flood",
            article_html("Flood two", "Evening Post").encode(),
            "text/html",
        ),
    ]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(make_warc(pages, gz=gz))
    first, second = articles(read([path]))
    assert (first.url, first.title, first.origin) == (
        "https://a.example/flood",
        "Flood one",
        f"{path}#record 1",
    )
    assert (second.url, second.outlet, second.origin) == (
        "https://b.example/flood",
        "Evening Post",
        f"{path}#record 3",
    )


# --- feeds ------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Daily Planet – World</title><link>https://planet.example/</link>
<item><title>Flood in Millbrook</title><link>{link1}</link>
<pubDate>Thu, 15 Aug 2024 10:30:00 GMT</pubDate><author>desk@planet.example (Sam Reed)</author>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>First paragraph of the flood story.</p>
<p>Second paragraph, with a <b>bold</b> word.</p>]]></content:encoded>
</item>
<item><title>Storm warning</title><link>{link2}</link>
<description>&lt;p&gt;A storm is expected on the coast.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Evening Post</title>
<entry><title>Bridge reopens</title><link href="https://post.example/bridge"/>
<id>urn:uuid:1</id><updated>2024-08-16T08:00:00Z</updated>
<content type="html">&lt;p&gt;The bridge reopened on Friday.&lt;/p&gt;
&lt;p&gt;Traffic resumed.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_and_atom_entries(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(
        RSS.format(link1="https://planet.example/1", link2="https://planet.example/2")
    )
    (tmp_path / "b.xml").write_text(ATOM)
    flood, storm, bridge = articles(read([tmp_path]))
    assert flood.text == "First paragraph of the flood story.\nSecond paragraph, with a bold word."
    assert (flood.title, flood.url, flood.outlet) == (
        "Flood in Millbrook",
        "https://planet.example/1",
        "Daily Planet – World",
    )
    assert flood.published == "2024-08-15"
    assert flood.origin == f"{tmp_path / 'a.rss'}#entry 1"
    assert storm.text == "A storm is expected on the coast."
    assert bridge.text == "The bridge reopened on Friday.\nTraffic resumed."
    assert (bridge.outlet, bridge.published, bridge.url) == (
        "Evening Post",
        "2024-08-16",
        "https://post.example/bridge",
    )


# --- containers, sources, stdin -------------------------------------------------------------


def test_gzip_wrapped_jsonl_and_html(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"  # two gzip members, as `cat a.gz b.gz` makes
    path.write_bytes(gzip.compress(b'{"text": "one"}\n') + gzip.compress(b'{"text": "two"}\n'))
    assert [a.text for a in articles(read([path]))] == ["one", "two"]
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(article_html().encode()))
    [art] = articles(read([page]))
    assert art.title == "Flood forces 1,200 from homes" and art.origin == str(page)


def test_folder_recursion_hidden_and_sorted(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
        ".hidden.txt",
        ".git/e.txt",
        "z/.f.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Report {name}.")
    expected = [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt")]
    assert expand_inputs([str(tmp_path)]) == expected
    assert [a.origin for a in articles(read([tmp_path]))] == expected
    assert expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "a.txt")]) == expected[:2]
    assert expand_inputs([str(tmp_path / "**" / "d.txt")]) == expected[3:]
    passthrough = ["-", "https://example.org/a", "no/such/file.txt", "-"]
    assert expand_inputs(passthrough) == passthrough[:3]


def test_stdin_text_and_jsonl() -> None:
    text = "Piped “report” text.\r\n"
    [art] = articles(read(["-"], stdin=io.BytesIO(text.encode())))
    assert (art.text, art.origin) == (text, "<stdin>")
    data = b'{"id": "s1", "text": "from a pipe"}\n{"text": "two"}\n'
    first, second = articles(read(["-"], stdin=io.BytesIO(data)))
    assert (first.id, first.origin, second.text) == ("s1", "<stdin>:1", "two")


def test_language_detection_short_text_is_none(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(
        "Die Regierung hat am Montag beschlossen, die Brücke zu sperren."
    )
    (tmp_path / "short.txt").write_text("OK.")
    de, short = articles(read([tmp_path]))
    assert (de.lang, short.lang) == ("de", None)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"Plain words.", "x", "txt"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "x.txt", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "x.html", "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', "", "feed"),
        (b'{"text": "a"}\n{"text": "b"}\n', "x.json", "jsonl"),
        (b'[\n  {"text": "a"}\n]', "x", "json"),
        (b'{"text": "a"}\n{"text": "b"}', "x.txt", "jsonl"),
        (b"{Editor's note} prose", "x.txt", "txt"),
        (b"[1] A footnote.", "x.txt", "txt"),
        (b"[Update] Not JSON at all", "notes", "txt"),
        (b"WARC/1.0\r\n", "x.txt", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "x", "warc.gz"),
        (gzip.compress(b"hello"), "x.txt.gz", "gzip"),
        (b"%PDF-1.7\n", "x.txt", "pdf"),
        (b"\x89PNG\r\n\x1a\n\0\0", "x.html", "png"),
        (b"ab\0cd", "x.txt", "binary"),
        (b" \n\t", "x.txt", "empty"),
        ("Title: x".encode("utf-16"), "x", "txt"),
    ],
)
def test_detect_format(data: bytes, name: str, kind: str) -> None:
    assert detect_format(data, name) == kind


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-08-15", "2024-08-15"),
        ("2024-08-15T10:30:00Z", "2024-08-15"),
        ("Thu, 15 Aug 2024 10:30:00 GMT", "2024-08-15"),
        ("15 August 2024", "2024-08-15"),
        ("August 15th, 2024", "2024-08-15"),
        ("15.08.2024", "2024-08-15"),
        ("2024/08/15", "2024-08-15"),
        (1723717800, "2024-08-15"),
        (1723717800000, "2024-08-15"),
        ("08/15/2024", "08/15/2024"),  # ambiguous order: kept as given
        ("  last   Tuesday ", "last Tuesday"),
        (None, None),
        ("", None),
    ],
)
def test_normalize_date(raw: object, iso: str | None) -> None:
    assert normalize_date(raw) == iso
