"""A real HTTP server on 127.0.0.1 for the fetching tests (never a mock), and their settings.

Each test module brings its own request handler (pages that misbehave in its own ways) and
serves it with `serve`, from a module-scoped fixture.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from corroborate.config import Settings
from corroborate.errors import FetchError
from corroborate.ingest.fetch import fetch

# loopback is refused by default: these tests fetch from it on purpose
LOCAL = Settings(allow_private=True, fetch_timeout=5.0, max_bytes=1_000_000, max_redirects=3,
                 user_agent="corroborate-test/1.0 (+https://example.org)")  # fmt: skip


class Pages(BaseHTTPRequestHandler):
    """A handler to subclass with a `do_GET`; `send` answers with a whole body."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             **headers: str) -> None:  # fmt: skip
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout test) is expected, not an error


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` until the caller's generator is closed; yields the base URL."""
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def reason(url: str, settings: Settings = LOCAL) -> str:
    """Why fetching `url` fails (the test fails if it does not)."""
    with pytest.raises(FetchError) as info:
        fetch(url, settings)
    assert info.value.item == url
    return info.value.reason
