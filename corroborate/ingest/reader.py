"""The ingest loop: items → bytes → format → Article, one InputError per bad item.

Nothing here raises for a bad item: every failure becomes an `InputError` naming the item
(a path, "file.jsonl:7", "crawl.warc.gz#record 3", a URL) and the caller prints it and goes on.
"""

from __future__ import annotations

import io
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest.decode import UndecodableError, decode_text, has_wide_bom
from corroborate.ingest.detect import HEAD_BYTES, UNSUPPORTED, detect_format
from corroborate.ingest.feeds import read_feed
from corroborate.ingest.fetch import fetch, is_url, url_scheme
from corroborate.ingest.html import NO_TEXT, extract_html
from corroborate.ingest.jsonl import check_field_map, read_json
from corroborate.ingest.language import detect_language
from corroborate.ingest.sources import STDIN, expand_inputs, is_glob
from corroborate.ingest.text import parse_text
from corroborate.ingest.warc import read_warc
from corroborate.model import Article
from corroborate.nlp import MAX_TEXT_CHARS

Result = Article | InputError


@dataclass(frozen=True, slots=True)
class _Context:
    settings: Settings
    field_map: dict[str, str]
    stdin: BinaryIO | None


def read_inputs(
    inputs: Sequence[str],
    settings: Settings,
    *,
    field_map: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Read every input; yield an Article per report and an InputError per bad item.

    `inputs` are paths, folders (recursive), globs, "-" (standard input, or `stdin` when
    given) and http(s) URLs; a URL with any other scheme is reported as unsupported.
    `field_map` maps other JSON field names to ours, e.g. {"body": "text"}; an unknown
    target field raises UsageError here, before anything is read.
    """
    context = _Context(settings, check_field_map(field_map), stdin)
    return _read_all(expand_inputs(inputs), context)


def _read_all(items: list[str], context: _Context) -> Iterator[Result]:
    for item in items:
        try:
            for result in _read_item(item, context):
                yield _finish(result)
        except InputError as exc:  # FetchError and friends, raised deep down
            yield _finish(exc)
        except Exception as exc:  # a bug or a library surprise must not stop the other items
            yield _finish(
                InputError(
                    item, f"unexpected error ({type(exc).__name__}: {exc}); please report it"
                )
            )


def _finish(result: Result) -> Result:
    if isinstance(result, Article):
        if len(result.text) > MAX_TEXT_CHARS:
            return InputError(
                result.origin or result.id,
                f"text is {len(result.text):,} characters, over the {MAX_TEXT_CHARS:,} one "
                "report can have; split it into its reports",
            )
        if result.lang is None:
            result.lang = detect_language(result.text)
    elif "\n" in str(result) or "\r" in str(result):
        # The caller prints one line per bad item; library messages sometimes span several.
        return type(result)(result.item, " ".join(result.reason.split()))
    return result


def _read_item(item: str, context: _Context) -> Iterator[Result]:
    if item == STDIN:
        yield from _read_stdin(context)
    elif is_url(item):
        yield from _read_url(item, context)
    elif (scheme := url_scheme(item)) is not None:
        yield InputError(
            item, f"unsupported URL scheme {scheme!r} (only http and https can be fetched)"
        )
    else:
        yield from _read_path(item, context)


def _read_stdin(context: _Context) -> Iterator[Result]:
    if context.stdin is not None:
        stream = context.stdin
    elif sys.stdin is not None:
        stream = sys.stdin.buffer
    else:
        yield InputError("<stdin>", "there is no standard input to read; pipe a report into `-`")
        return
    limit = context.settings.max_bytes
    data = _read_capped(stream, limit)
    if len(data) > limit:
        yield InputError("<stdin>", f"over the size limit ({_size(limit)}); {_RAISE}")
        return
    yield from _parse(data, detect_format(data, ""), name="<stdin>", context=context)


def _read_path(item: str, context: _Context) -> Iterator[Result]:
    path = Path(item)
    limit = context.settings.max_bytes
    try:
        if not path.exists():
            yield InputError(
                item, "no file matches this pattern" if is_glob(item) else "no such file or folder"
            )
            return
        if not path.is_file():
            yield InputError(item, "not a regular file")
            return
        size = path.stat().st_size
        if size == 0:
            yield InputError(item, "empty file")
            return
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            kind = detect_format(head, item)
            if kind in ("warc", "warc.gz"):
                # Streamed record by record: the size limit applies per record, not per file.
                handle.seek(0)
                yield from read_warc(handle, name=item, settings=context.settings)
                return
            if size > limit:  # decided from the file's size, before reading it
                yield InputError(
                    item, f"over the size limit ({_size(size)} > {_size(limit)}); {_RAISE}"
                )
                return
            # Ask for what stat promised (plus one byte, to notice growth), not for `limit`:
            # read(n) allocates n bytes up front, even for a 1 kB file.
            data = head + handle.read(max(0, min(size, limit) + 1 - len(head)))
    except OSError as exc:
        yield InputError(item, f"cannot read ({exc.strerror or exc})")
        return
    if len(data) > limit:  # it grew after the stat
        yield InputError(item, f"over the size limit ({_size(limit)}); {_RAISE}")
        return
    yield from _parse(data, kind, name=item, context=context)


def _read_url(url: str, context: _Context) -> Iterator[Result]:
    fetched = fetch(url, context.settings)  # FetchError propagates to _read_all
    name = _name_for(fetched.url, fetched.content_type)
    kind = detect_format(fetched.data, name)
    yield from _parse(
        fetched.data, kind, name=url, context=context, url=fetched.url, charset=fetched.charset
    )


def _follow(link: str, context: _Context) -> Result:
    """Fetch and extract the page a feed entry links to."""
    try:
        results = list(_read_url(link, context))
    except InputError as exc:
        return exc
    articles = [r for r in results if isinstance(r, Article)]
    if articles:
        return articles[0]
    return results[0] if results else InputError(link, NO_TEXT)


def _parse(
    data: bytes,
    kind: str,
    *,
    name: str,
    context: _Context,
    url: str | None = None,
    charset: str | None = None,
    nested: bool = False,
) -> Iterator[Result]:
    settings = context.settings
    if kind == "empty":
        yield InputError(name, "empty file" if data == b"" else "empty (only whitespace)")
    elif kind == "gzip":
        if nested:
            yield InputError(name, "unsupported format (gzip inside gzip)")
            return
        inner = _gunzip(data, name, settings.max_bytes)
        if isinstance(inner, InputError):
            yield inner
            return
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
        yield from _parse(
            inner,
            detect_format(inner, inner_name),
            name=name,
            context=context,
            url=url,
            nested=True,
        )
    elif kind in ("warc", "warc.gz"):
        yield from read_warc(io.BytesIO(data), name=name, settings=settings)
    elif kind == "html":
        yield extract_html(_html_input(data, charset), origin=name, url=url)
    elif kind == "feed":
        follow = (lambda link: _follow(link, context)) if settings.follow_links else None
        yield from read_feed(data, name=name, follow=follow)
    elif kind in ("txt", "json", "jsonl"):
        try:
            text, _encoding = decode_text(data, charset)
        except UndecodableError as exc:
            yield InputError(name, str(exc))
            return
        if kind == "txt":
            yield parse_text(text, origin=name, url=url)
        else:
            yield from read_json(
                text, name=name, jsonl=kind == "jsonl", field_map=context.field_map
            )
    elif kind == "binary":
        yield InputError(name, "binary file (not text, and not a format corroborate reads)")
    else:
        yield InputError(name, f"unsupported format ({UNSUPPORTED.get(kind, kind)})")


_RAISE = "raise the max_bytes setting (CORROBORATE_MAX_BYTES) to read it"


def _read_capped(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` + 1 bytes, read in chunks (a pipe has no size to check first)."""
    data = bytearray()
    while len(data) <= limit and (chunk := stream.read(min(1 << 20, limit + 1 - len(data)))):
        data += chunk
    return bytes(data)


def _size(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _gunzip(data: bytes, name: str, limit: int) -> bytes | InputError:
    """Decompress in steps with a cap: a 50 kB gzip bomb must not become 50 GB in memory.

    Handles multi-member files (`cat a.gz b.gz`), which one decompressor would stop short of.
    """
    out = bytearray()
    rest = data
    while rest:
        decoder = zlib.decompressobj(wbits=31)
        try:
            out += decoder.decompress(rest, limit + 1 - len(out))  # max_length is never 0 here
        except zlib.error as exc:
            return InputError(name, f"corrupt gzip data ({exc})")
        if len(out) > limit:
            return InputError(
                name, f"decompressed size is over the size limit ({_size(limit)}); {_RAISE}"
            )
        if not decoder.eof:
            return InputError(name, "truncated gzip file (cut short)")
        rest = decoder.unused_data.lstrip(b"\0")  # some tools pad members with NUL bytes
    return bytes(out)


def _html_input(data: bytes, charset: str | None) -> bytes | str:
    # trafilatura guesses the encoding of bytes itself; a transport charset or a UTF-16 BOM
    # is better evidence than its guess.
    for encoding in ([charset] if charset else []) + (["utf-16"] if has_wide_bom(data) else []):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data


_TYPE_EXT = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "text/plain": ".txt",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/xml": ".xml",
    "text/xml": ".xml",
}


def _name_for(url: str, content_type: str) -> str:
    """A file-like name for a URL, so format detection can use an extension as a tie-break."""
    name = PurePosixPath(urlsplit(url).path).name or "index"
    ext = _TYPE_EXT.get(content_type)
    return name + ext if ext and not name.lower().endswith(ext) else name
