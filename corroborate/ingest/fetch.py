"""Fetching one URL, defensively: every page on the web is untrusted input.

- The address is checked when the socket is opened, not in a separate DNS lookup before it,
  so a name cannot resolve to a public address for the check and to 127.0.0.1 for the fetch.
- Redirects are followed by hand so that each hop gets the same checks as the first URL.
- The body is read in chunks with a cap, and decompressed in chunks with the same cap, so
  neither a huge body nor a gzip bomb is ever held in memory.
- A body cut short (fewer bytes than Content-Length, a chunked body without its last chunk)
  is an error, not a report: a fragment stored as the whole page would be analysed as if the
  outlet had published only that.
- Environment proxies are not used: through a proxy the address check would vet the proxy,
  not the page.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from functools import partial
from typing import Any, Final

from corroborate.config import Settings
from corroborate.errors import FetchError

CHUNK: Final = 64 * 1024
ACCEPT: Final = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8"
)
_REDIRECTS: Final = {301, 302, 303, 307, 308}


class RefusedAddress(OSError):
    """The host resolves to an address we do not fetch from (raised inside urllib)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes  # decompressed body
    content_type: str  # e.g. "text/html", lower case, no parameters
    charset: str | None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


# "scheme://..." (RFC 3986 scheme characters); a Windows drive ("C:/x") has no "//".
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def url_scheme(text: str) -> str | None:
    """The scheme of something written as a URL ("ftp" for "ftp://host/x"), else None.

    Anything with a scheme is a URL, fetchable or not: read as a path, "ftp://host/x" would
    be normalised to "ftp:/host/x" and reported as a missing file.
    """
    match = _SCHEME.match(text)
    return match.group(1) if match else None


def fetch(url: str, settings: Settings) -> Fetched:
    """GET `url`; raise FetchError with a one-line reason for anything we refuse."""
    opener = _opener(settings.allow_private)
    current = url
    deadline = time.monotonic() + settings.fetch_timeout * 3  # connect + slow body, in total
    for _hop in range(settings.max_redirects + 1):
        _check_scheme(url, current)
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": settings.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        )
        try:
            response = opener.open(request, timeout=settings.fetch_timeout)
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.code in _REDIRECTS else None
            exc.close()
            if location:
                current = urllib.parse.urljoin(current, location)
                continue
            raise FetchError(url, f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise FetchError(url, _reason(exc.reason, settings)) from None
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise FetchError(url, _reason(exc, settings)) from None
        with response:
            return _read(url, response, settings, deadline)
    raise FetchError(url, f"too many redirects (more than {settings.max_redirects})")


def _read(url: str, response: Any, settings: Settings, deadline: float) -> Fetched:
    headers: Message = response.headers
    content_type = headers.get_content_type()
    _check_content_type(url, content_type)
    limit = settings.max_bytes
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(url, f"body is {_mb(int(declared))}, over the size limit of {_mb(limit)}")
    expected = _expected_length(headers)
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        # wbits 47: accept gzip and zlib headers both; "deflate" servers send either.
        decoder: Any = zlib.decompressobj(wbits=47)
    elif encoding == "identity":
        decoder = None
    else:
        raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
    body = bytearray()
    raw_total = 0
    try:
        while chunk := response.read(CHUNK):
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {settings.fetch_timeout:g}s")
            raw_total += len(chunk)
            if raw_total > limit:
                raise FetchError(url, f"body is over the size limit of {_mb(limit)}")
            if decoder is None:
                body += chunk
                continue
            _inflate(url, decoder, chunk, body, limit)
        # http.client's read(n) returns b"" when the server closes early, as if the body had
        # ended, so a short body is only noticed here. Content-Length counts the bytes on the
        # wire (compressed, if encoded), hence raw_total.
        if expected is not None and raw_total < expected:
            raise FetchError(url, f"truncated body: {raw_total:,} of {expected:,} bytes received")
        if decoder is not None:
            body += decoder.flush()
            if not decoder.eof:
                raise FetchError(url, "compressed body is truncated")
    except http.client.IncompleteRead:
        # A chunked body whose connection closed before the last (zero-size) chunk. The byte
        # count in the exception covers only the current read, so it is not quoted.
        raise FetchError(
            url, "truncated body: the connection closed before the last chunk"
        ) from None
    except (TimeoutError, OSError, http.client.HTTPException) as exc:
        raise FetchError(url, _reason(exc, settings)) from None
    except zlib.error as exc:
        raise FetchError(url, f"corrupt compressed body ({exc})") from None
    return Fetched(
        url=response.geturl(),
        data=bytes(body),
        content_type=content_type,
        charset=headers.get_content_charset(),
    )


def _expected_length(headers: Message) -> int | None:
    """The body length the server promised, or None when it did not promise one.

    A chunked body's Content-Length (if any) is ignored, as HTTP requires and http.client does:
    its end is the last chunk. Without either, the body ends when the connection closes, and a
    cut-short body cannot be told from a whole one.
    """
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        return None
    declared = (headers.get("Content-Length") or "").strip()
    return int(declared) if declared.isdigit() else None


def _inflate(url: str, decoder: Any, chunk: bytes, body: bytearray, limit: int) -> None:
    """Decompress `chunk` into `body`, never producing more than `limit` bytes in total."""
    data = chunk
    while data:
        body += decoder.decompress(data, limit + 1 - len(body))
        if len(body) > limit:
            raise FetchError(
                url, f"decompressed body is over the size limit of {_mb(limit)} (a gzip bomb?)"
            )
        data = decoder.unconsumed_tail
        if decoder.eof:
            break


def _check_scheme(url: str, current: str) -> None:
    if not is_url(current):
        raise FetchError(url, f"refusing to follow a redirect to {current!r} (not http or https)")


_TEXTUAL: Final = ("text/", "application/xhtml", "application/xml", "application/json")


def _check_content_type(url: str, content_type: str) -> None:
    if content_type.startswith(_TEXTUAL) or content_type.endswith(("+xml", "+json")):
        return
    if content_type in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return
    raise FetchError(
        url,
        f"unsupported content type {content_type} "
        "(expected HTML, RSS/Atom/XML, JSON or plain text)",
    )


def _reason(exc: BaseException | str, settings: Settings) -> str:
    if isinstance(exc, RefusedAddress):
        return str(exc)
    if isinstance(exc, (TimeoutError, socket.timeout)) or "timed out" in str(exc):
        return f"timed out after {settings.fetch_timeout:g}s"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve host ({exc.strerror or exc})"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot connect ({exc.strerror})"
    return f"cannot fetch ({exc})"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


# --- the guarded connection ---------------------------------------------------------------


def refusal(address: str) -> str | None:
    """Why `address` (an IP) is refused without --allow-private, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),  # before "private": Python counts 240/4 as both
        ("private", ip.is_private),
    ):
        if flag:
            return kind
    if not ip.is_global:  # shared address space (100.64/10) and the like
        return "non-public"
    return None


def _guarded_connect(
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
    *,
    allow_private: bool,
    **_: Any,
) -> socket.socket:
    host, port = address
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private:
        for info in infos:
            ip = str(info[4][0])
            why = refusal(ip)
            if why:
                raise RefusedAddress(
                    f"refusing to fetch from {host} ({ip} is a {why} address); "
                    "pass --allow-private to allow it"
                )
    error: OSError | None = None
    for family, kind, proto, _name, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)  # the vetted address itself: no second lookup
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"cannot connect to {host}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = partial(_guarded_connect, allow_private=allow_private)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = partial(_guarded_connect, allow_private=allow_private)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self._connection = partial(_GuardedHTTPConnection, allow_private=allow_private)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)  # type: ignore[arg-type]


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self._connection = partial(_GuardedHTTPSConnection, allow_private=allow_private)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._context)  # type: ignore[arg-type,attr-defined]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every 3xx back to `fetch`, which re-checks the next hop itself."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _NoRedirects(),
        _HTTPHandler(allow_private),
        _HTTPSHandler(allow_private),
    )
