"""URL fetching against a real HTTP server on 127.0.0.1 (hence `allow_private=True`)."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from local_http import LOCAL, Pages, reason, serve

from corroborate.errors import InputError
from corroborate.ingest import read_inputs
from corroborate.ingest.fetch import fetch, refusal
from corroborate.model import Article

PARAGRAPH = (
    "<p>Paragraph {n}: the river burst its banks on Monday and about 1,200 people left their "
    "homes in Millbrook, the regional emergency service said in a statement.</p>"
)


def page(title: str) -> bytes:
    paragraphs = "".join(PARAGRAPH.format(n=n) for n in range(1, 4))
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Local News'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}"
        "</article></body></html>"
    ).encode()


BOMB = gzip.compress(b"\0" * 20_000_000)  # about 20 kB on the wire, 20 MB unpacked


class Handler(Pages):
    seen_agents: list[str] = []  # noqa: RUF012 — shared on purpose: the test reads it

    def do_GET(self) -> None:
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        base = f"http://{self.headers.get('Host')}"
        if path.startswith("/article"):
            self.send(200, page(f"Article {path}"))
        elif path == "/missing":
            self.send(404, b"not here")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/article-after-hops" if left == 0 else f"/hop/{left - 1}"
            self.send(302, b"", Location=target)
        elif path == "/to-file":
            self.send(302, b"", Location="file:///etc/passwd")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, page("Too late"))
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/bomb":
            self.send(200, BOMB, Content_Encoding="gzip")
        elif path == "/gzipped":
            self.send(200, gzip.compress(page("Compressed")), Content_Encoding="gzip")
        elif path == "/big":
            self.send(200, b"<html><body>" + b"<p>word </p>" * 200_000 + b"</body></html>")
        elif path == "/big-unsized":  # no Content-Length: only the streaming cap can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"x" * 65536)
        elif path == "/feed.xml":
            items = "".join(
                f"<item><title>Item {n}</title><link>{base}{link}</link>"
                f"<description>Teaser {n} for the story.</description></item>"
                for n, link in ((1, "/article/one"), (2, "/missing"))
            )
            channel = f"<channel><title>Local Feed</title>{items}</channel>"
            rss = f"<?xml version='1.0'?><rss version='2.0'>{channel}</rss>"
            self.send(200, rss.encode(), "application/rss+xml")
        elif path == "/data.jsonl":
            self.send(200, b'{"id": "u1", "text": "From a URL."}\n', "application/x-ndjson")
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from serve(Handler)


def test_fetch_html_page(server: str) -> None:
    [art] = list(read_inputs([f"{server}/article/x"], LOCAL))
    assert isinstance(art, Article)
    assert "Paragraph 2: the river burst its banks" in art.text
    assert (art.title, art.outlet, art.url) == (
        "Article /article/x",
        "Local News",
        f"{server}/article/x",
    )
    assert Handler.seen_agents[-1] == LOCAL.user_agent


def test_fetch_gzip_encoded_page_and_jsonl(server: str) -> None:
    page_art, json_art = list(read_inputs([f"{server}/gzipped", f"{server}/data.jsonl"], LOCAL))
    assert isinstance(page_art, Article) and page_art.title == "Compressed"
    assert isinstance(json_art, Article) and (json_art.id, json_art.text) == ("u1", "From a URL.")


def test_http_error(server: str) -> None:
    assert reason(f"{server}/missing") == "HTTP 404 Not Found"
    [error] = list(read_inputs([f"{server}/missing"], LOCAL))
    assert str(error) == f"{server}/missing: HTTP 404 Not Found"


def test_connection_refused() -> None:
    assert reason("http://127.0.0.1:9/") == "connection refused"


def test_redirects_followed_up_to_the_limit(server: str) -> None:
    assert fetch(f"{server}/hop/2", LOCAL).url == f"{server}/article-after-hops"  # 3 hops
    assert reason(f"{server}/hop/3") == "too many redirects (more than 3)"
    assert (
        reason(f"{server}/to-file")
        == "refusing to follow a redirect to 'file:///etc/passwd' (not http or https)"
    )


def test_timeout(server: str) -> None:
    assert reason(f"{server}/slow", replace(LOCAL, fetch_timeout=0.3)) == "timed out after 0.3s"


def test_wrong_content_type(server: str) -> None:
    assert reason(f"{server}/image") == (
        "unsupported content type image/png (expected HTML, RSS/Atom/XML, JSON or plain text)"
    )


def test_gzip_bomb_refused_by_the_cap(server: str) -> None:
    assert (
        reason(f"{server}/bomb")
        == "decompressed body is over the size limit of 1.0 MB (a gzip bomb?)"
    )


def test_oversized_body(server: str) -> None:
    assert reason(f"{server}/big") == "body is 2.4 MB, over the size limit of 1.0 MB"
    assert reason(f"{server}/big-unsized") == "body is over the size limit of 1.0 MB"


def test_private_address_refused_without_the_flag(server: str) -> None:
    strict = replace(LOCAL, allow_private=False)
    message = reason(f"{server}/article/x", strict)
    assert "127.0.0.1 is a loopback address" in message and "--allow-private" in message
    https = reason("https://127.0.0.1:9/x", strict)  # refused before any TLS handshake
    assert "127.0.0.1 is a loopback address" in https and "--allow-private" in https
    [error] = list(read_inputs([f"{server}/article/x"], strict))
    assert isinstance(error, InputError) and str(error).startswith(f"{server}/article/x: refusing")


@pytest.mark.parametrize(
    ("address", "why"),
    [("10.0.0.1", "private"), ("192.168.1.1", "private"), ("169.254.169.254", "link-local"),
     ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("fe80::1%eth0", "link-local"),
     ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"),
     ("100.64.0.1", "non-public"), ("93.184.215.14", None), ("2606:4700::1111", None)],
)  # fmt: skip
def test_address_classes(address: str, why: str | None) -> None:
    assert refusal(address) == why


def test_feed_with_follow_links(server: str) -> None:
    follow = replace(LOCAL, follow_links=True)
    results = list(read_inputs([f"{server}/feed.xml"], follow))
    first, error = results  # the failed link's teaser is not kept in the page's place
    assert isinstance(first, Article)
    assert "Paragraph 3: the river burst" in first.text
    assert (first.title, first.url) == ("Article /article/one", f"{server}/article/one")
    assert str(error) == f"{server}/missing: HTTP 404 Not Found"
    # Without follow_links the entries' own text is used.
    plain = list(read_inputs([f"{server}/feed.xml"], LOCAL))
    assert [a.text for a in plain if isinstance(a, Article)] == [
        "Teaser 1 for the story.",
        "Teaser 2 for the story.",
    ]
    assert all(isinstance(a, Article) and a.outlet == "Local Feed" for a in plain)
