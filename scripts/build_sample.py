#!/usr/bin/env python3
"""Build the bundled sample corpus in every input format from its canonical JSONL.

``corroborate/sample/corpus.jsonl`` is written by hand and is the single source of truth.
This script regenerates, deterministically (same input, same bytes out):

* ``formats/txt/<id>.txt``       every report as plain text with ``Title:``/``Date:``/... headers
* ``formats/html/<id>.html``     every report as a full article page, boilerplate included
* ``formats/rss/feed.rss``       every report as an RSS 2.0 item with ``content:encoded``
* ``formats/atom/feed.atom``     the wire agency's own reports as an Atom feed
* ``formats/warc/archive.warc.gz`` every report's HTML page as a WARC request/response pair
* ``mixed/``                     every report exactly once, spread over all formats, so that
                                  ingesting ``mixed/`` yields the same reports as ``corpus.jsonl``

Only the standard library and ``warcio`` are used. Run it from anywhere::

    .venv/bin/python scripts/build_sample.py
"""

from __future__ import annotations

import html
import io
import json
import shutil
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corroborate" / "sample"
CORPUS = SAMPLE / "corpus.jsonl"
FORMATS = SAMPLE / "formats"
MIXED = SAMPLE / "mixed"

Article = dict[str, Any]

# How each report "arrives" in mixed/: every id exactly once. The exact duplicates
# (factory-02/-03) stay in JSONL, where their ids are explicit: in any other format the id is a
# content hash, and two identical texts would collapse into one id.
MIXED_TXT = ["flood-01", "flood-04", "incursion-05"]
MIXED_HTML = ["flood-02", "incursion-03", "factory-01"]
MIXED_RSS = ["flood-03", "incursion-04", "factory-05"]
MIXED_WARC = ["incursion-01", "factory-04"]
MIXED_JSONL = ["flood-05", "incursion-02", "factory-02", "factory-03"]

# The wire agency's own Atom feed.
ATOM_OUTLET = "Harbour Wire"

# Bylines for the HTML <meta name="author"> and RSS/Atom authors; not part of the text.
AUTHORS = {
    "flood-01": "Ingrid Holm",
    "flood-02": "Sam Rautio",
    "flood-03": "Liis Tamm",
    "flood-04": "Victor Crane",
    "flood-05": "Hannah Okafor",
    "incursion-01": "Harbour Wire",
    "incursion-02": "Harbour Wire",
    "incursion-03": "Daniel Fisk",
    "incursion-04": "Harbour Wire staff",
    "incursion-05": "Lantern World Desk",
    "factory-01": "Mark Osei",
    "factory-02": "Sam Rautio",
    "factory-03": "Sam Rautio",
    "factory-04": "Hannah Okafor",
    "factory-05": "Ingrid Holm",
}

SITE_URLS = {
    "Northern Ledger": "https://northernledger.example.org/",
    "Valley Courier": "https://valleycourier.example.net/",
    "Harbour Wire": "https://harbourwire.example.com/",
    "Meridian Post": "https://meridianpost.example.org/",
    "The Daily Lantern": "https://dailylantern.example.com/",
}

# Page furniture an HTML extractor must drop: related links and reader comments per event.
RELATED = {
    "flood": [
        "Live map: which Drevna streets are closed",
        "How to claim flood damage on your home insurance",
        "Photos: the Ostra in flood",
    ],
    "incursion": [
        "Explainer: what is behind the Torvel offensive?",
        "Map: the front line in the border districts",
        "Opinion: the West must not look away",
    ],
    "factory": [
        "Markets live: shares, currencies and oil",
        "The rise and fall of Brennick's engine industry",
        "Your rights if you are made redundant",
    ],
}
COMMENTS = {
    "flood": [
        ("riverwatcher", "Thoughts with everyone in Lindholm. Stay safe."),
        ("K. Tamm", "The embankment has been a disgrace for years."),
    ],
    "incursion": [
        ("northern_view", "Let's wait for independent confirmation before celebrating."),
        ("M. Varga", "Another week, another map. Where does this end?"),
    ],
    "factory": [
        ("brennick_lad", "Three generations of my family worked there. Gutted."),
        ("investor99", "About time they took the hit and moved on."),
    ],
}
NAV = ["Home", "News", "World", "Business", "Opinion", "Sport", "Weather"]


def event_of(article: Article) -> str:
    return str(article["id"]).split("-")[0]


def paragraphs(text: str) -> list[str]:
    """The report's lines; in this corpus every line is a paragraph or a heading."""
    return text.split("\n")


def is_heading(line: str) -> bool:
    """A short title-like line: at most six words, no digits and no sentence punctuation.

    Boilerplate lines ("Read more: ...", "Copyright Harbour Wire 2026", "(Reporting by ...)")
    and the stray pasted headline (eleven words) deliberately fail this test, so they stay
    paragraphs in the generated HTML, exactly where they sit in the text.
    """
    if len(line.split()) > 6 or any(c.isdigit() for c in line):
        return False
    if any(c in line for c in ".:()") or line[-1] in '!?,;"”’':
        return False
    return line[0].isupper() or line[0] in "'‘"


def body_html(text: str, indent: str = "") -> str:
    out = []
    for line in paragraphs(text):
        tag = "h2" if is_heading(line) else "p"
        out.append(f"{indent}<{tag}>{html.escape(line, quote=False)}</{tag}>")
    return "\n".join(out)


def published_dt(article: Article) -> datetime:
    # Dates only in the corpus; pages and feeds carry a fixed morning time so output is stable.
    y, m, d = (int(x) for x in str(article["published"]).split("-"))
    return datetime(y, m, d, 8, 0, 0, tzinfo=UTC)


def write_text(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)


# --- txt -------------------------------------------------------------------------------------


def to_txt(article: Article) -> str:
    # No trailing newline after the text, so the text part is byte-identical to corpus.jsonl.
    header = (
        f"Title: {article['title']}\n"
        f"Date: {article['published']}\n"
        f"Source: {article['outlet']}\n"
        f"URL: {article['url']}\n"
    )
    return header + "\n" + str(article["text"])


# --- html ------------------------------------------------------------------------------------


def to_html(article: Article) -> str:
    e = html.escape
    outlet = str(article["outlet"])
    site = SITE_URLS[outlet]
    author = AUTHORS.get(str(article["id"]), f"{outlet} staff")
    when = published_dt(article)
    event = event_of(article)
    nav = "\n".join(f'        <li><a href="{site}{name.lower()}/">{name}</a></li>' for name in NAV)
    related = "\n".join(
        f'        <li><a href="{site}related/{i}">{e(t)}</a></li>'
        for i, t in enumerate(RELATED[event], 1)
    )
    comments = "\n".join(
        f'      <div class="comment"><p class="comment-author">{e(who)}</p><p>{e(said)}</p></div>'
        for who, said in COMMENTS[event]
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(article["title"])} | {e(outlet)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="author" content="{e(author)}">
  <meta name="description" content="{e(paragraphs(article["text"])[0][:160])}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{e(article["title"])}">
  <meta property="og:site_name" content="{e(outlet)}">
  <meta property="og:url" content="{e(article["url"])}">
  <meta property="article:published_time" content="{when.isoformat()}">
  <link rel="canonical" href="{e(article["url"])}">
  <link rel="stylesheet" href="{site}static/site.css">
</head>
<body>
  <header class="site-header">
    <a class="logo" href="{site}">{e(outlet)}</a>
    <nav class="main-menu">
      <ul>
{nav}
      </ul>
    </nav>
    <div class="cookie-banner">We use cookies to improve your experience.
      <button>Accept all</button></div>
  </header>
  <main>
    <div class="article-meta">
      <span class="byline">By {e(author)}</span>
      <time datetime="{when.isoformat()}">{when.strftime("%d %B %Y")}</time>
    </div>
    <article>
      <h1>{e(article["title"])}</h1>
{body_html(article["text"], "      ")}
    </article>
    <div class="share">Share this article: <a href="#">Email</a> <a href="#">Copy link</a></div>
    <aside class="related">
      <h3>Related stories</h3>
      <ul>
{related}
      </ul>
    </aside>
    <section class="comments" id="comments">
      <h3>{len(COMMENTS[event])} comments</h3>
{comments}
      <form class="comment-form"><textarea name="comment"></textarea>
        <button>Post comment</button></form>
    </section>
  </main>
  <footer class="site-footer">
    <ul>
      <li><a href="{site}about/">About us</a></li>
      <li><a href="{site}contact/">Contact</a></li>
      <li><a href="{site}privacy/">Privacy policy</a></li>
      <li><a href="{site}newsletter/">Newsletter sign-up</a></li>
    </ul>
    <p>&copy; 2026 {e(outlet)}. All rights reserved.</p>
  </footer>
</body>
</html>
"""


# --- feeds -----------------------------------------------------------------------------------


def cdata(s: str) -> str:
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def to_rss(articles: list[Article], title: str, link: str) -> str:
    e = html.escape
    items = []
    for a in articles:
        when = published_dt(a)
        items.append(f"""    <item>
      <title>{e(a["title"])}</title>
      <link>{e(a["url"])}</link>
      <guid isPermaLink="true">{e(a["url"])}</guid>
      <pubDate>{format_datetime(when)}</pubDate>
      <dc:creator>{e(AUTHORS.get(a["id"]) or a["outlet"])}</dc:creator>
      <source url="{SITE_URLS[a["outlet"]]}feed.rss">{e(a["outlet"])}</source>
      <description>{e(paragraphs(a["text"])[0])}</description>
      <content:encoded>{cdata(body_html(a["text"]))}</content:encoded>
    </item>""")
    last = max(published_dt(a) for a in articles)
    body = "\n".join(items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{e(title)}</title>
    <link>{e(link)}</link>
    <description>Sample news feed bundled with corroborate (fictional reports).</description>
    <language>en</language>
    <lastBuildDate>{format_datetime(last)}</lastBuildDate>
{body}
  </channel>
</rss>
"""


def to_atom(articles: list[Article], title: str, link: str) -> str:
    e = html.escape
    entries = []
    for a in articles:
        when = published_dt(a).isoformat()
        entries.append(f"""  <entry>
    <title>{e(a["title"])}</title>
    <link rel="alternate" type="text/html" href="{e(a["url"])}"/>
    <id>{e(a["url"])}</id>
    <published>{when}</published>
    <updated>{when}</updated>
    <author><name>{e(AUTHORS.get(a["id"]) or a["outlet"])}</name></author>
    <summary>{e(paragraphs(a["text"])[0])}</summary>
    <content type="html">{e(body_html(a["text"]))}</content>
  </entry>""")
    updated = max(published_dt(a) for a in articles).isoformat()
    body = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{e(title)}</title>
  <link rel="alternate" href="{e(link)}"/>
  <link rel="self" href="{e(link)}feed.atom"/>
  <id>{e(link)}feed.atom</id>
  <updated>{updated}</updated>
{body}
</feed>
"""


# --- warc ------------------------------------------------------------------------------------


def warc_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}>"


def to_warc(articles: list[Article], filename: str) -> bytes:
    """A gzipped WARC 1.0: warcinfo, then a request + response pair per article page.

    Record ids and dates are derived from the URLs and publication dates, and warcio's gzip
    members carry no timestamp, so the bytes are identical on every run.
    """
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.0")
    first = min(published_dt(a) for a in articles)
    info = (
        b"software: corroborate scripts/build_sample.py (warcio)\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: Sample article pages bundled with corroborate (fictional reports)\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": warc_id("warcinfo:" + filename),
                "WARC-Date": first.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "WARC-Filename": filename,
            },
        )
    )
    for a in articles:
        url = str(a["url"])
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3]
        when = published_dt(a).replace(hour=9)
        date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        page = to_html(a).encode("utf-8")
        resp_id = warc_id("response:" + url)
        http_resp = StatusAndHeaders(
            "200 OK",
            [
                ("Date", format_datetime(when, usegmt=True)),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(page))),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page),
                length=len(page),
                http_headers=http_resp,
                warc_headers_dict={"WARC-Record-ID": resp_id, "WARC-Date": date},
            )
        )
        http_req = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [
                ("Host", host),
                ("User-Agent", "corroborate-sample-builder/1.0"),
                ("Accept", "text/html"),
            ],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                url,
                "request",
                http_headers=http_req,
                warc_headers_dict={
                    "WARC-Record-ID": warc_id("request:" + url),
                    "WARC-Date": date,
                    "WARC-Concurrent-To": resp_id,
                },
            )
        )
    return buf.getvalue()


# --- main ------------------------------------------------------------------------------------


def load_corpus() -> list[Article]:
    with open(CORPUS, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "duplicate ids in corpus.jsonl"
    for a in articles:
        assert "\n\n" not in a["text"] and a["text"] == a["text"].strip(), a["id"]
    return articles


def main() -> None:
    articles = load_corpus()
    by_id = {a["id"]: a for a in articles}
    mixed_ids = MIXED_TXT + MIXED_HTML + MIXED_RSS + MIXED_WARC + MIXED_JSONL
    assert sorted(mixed_ids) == sorted(by_id), "mixed/ must hold every report exactly once"

    for folder in (FORMATS, MIXED):
        if folder.exists():
            shutil.rmtree(folder)

    for a in articles:
        write_text(FORMATS / "txt" / f"{a['id']}.txt", to_txt(a))
        write_text(FORMATS / "html" / f"{a['id']}.html", to_html(a))
    write_text(
        FORMATS / "rss" / "feed.rss",
        to_rss(articles, "Corroborate sample: all reports", "https://news.example.org/"),
    )
    wire = [a for a in articles if a["outlet"] == ATOM_OUTLET]
    write_text(
        FORMATS / "atom" / "feed.atom",
        to_atom(wire, "Harbour Wire: latest", SITE_URLS[ATOM_OUTLET]),
    )
    (FORMATS / "warc").mkdir(parents=True, exist_ok=True)
    (FORMATS / "warc" / "archive.warc.gz").write_bytes(to_warc(articles, "archive.warc.gz"))

    for i in MIXED_TXT:
        write_text(MIXED / f"{i}.txt", to_txt(by_id[i]))
    for i in MIXED_HTML:
        write_text(MIXED / f"{i}.html", to_html(by_id[i]))
    write_text(
        MIXED / "feed.rss",
        to_rss(
            [by_id[i] for i in MIXED_RSS],
            "Corroborate sample: mixed feed",
            "https://news.example.org/",
        ),
    )
    (MIXED / "pages.warc.gz").write_bytes(to_warc([by_id[i] for i in MIXED_WARC], "pages.warc.gz"))
    write_text(
        MIXED / "reports.jsonl",
        "".join(json.dumps(by_id[i], ensure_ascii=False) + "\n" for i in MIXED_JSONL),
    )
    n = len(articles)
    print(
        f"built {n} reports: formats/{{txt,html}} x{n}, rss x{n}, atom x{len(wire)}, "
        f"warc x{n}; mixed/ x{len(mixed_ids)}"
    )


if __name__ == "__main__":
    main()
