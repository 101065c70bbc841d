"""Web archives (WARC, WARC.GZ): each HTML response record → one article.

A WARC is streamed record by record, so the size limit applies to each record, not to the
archive (crawls are routinely larger than any one page). warcio is lenient about damage: a
file cut short yields a short last record, or silently drops it, so we check ourselves that
every record was read to its declared length and that nothing was left over at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Final

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest.html import extract_html
from corroborate.model import Article

CHUNK: Final = 64 * 1024
_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, *, name: str, settings: Settings) -> Iterator[Article | InputError]:
    """Articles from the HTML responses of a (gzipped or plain) WARC read from `stream`."""
    start = stream.tell()
    good_end = 0  # offset (from start) just past the last record read completely
    number = 0
    pages = 0
    records = ArchiveIterator(stream)
    try:
        for record in records:
            number += 1
            item = f"{name}#record {number}"
            broken = _header_problem(record)
            if broken:
                yield InputError(item, f"broken WARC record ({broken})")
                return
            body = _html_payload(record, settings.max_bytes) if _is_html(record) else None
            truncated = _drain(record)
            if truncated:
                yield InputError(item, f"truncated WARC record ({truncated:,} bytes missing)")
                return
            records.read_to_end(record)  # fixes member_info: where this good record ends
            good_end = _end(records)
            if body is None:
                continue
            pages += 1
            if len(body) > settings.max_bytes:
                yield InputError(
                    item, f"record is over the size limit of {settings.max_bytes:,} bytes"
                )
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            yield extract_html(body, origin=item, url=uri or None)
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, ValueError, ...
        yield InputError(f"{name}#record {number + 1}", f"broken WARC record ({_short(exc)})")
        return
    leftover = _leftover(stream, start + good_end)
    if leftover:
        yield InputError(
            f"{name}#record {number + 1}",
            f"truncated or broken WARC record ({leftover:,} bytes after record {number} unread)",
        )
    elif number == 0:
        yield InputError(name, "no WARC records")
    elif pages == 0:
        yield InputError(name, f"no HTML responses among its {number} WARC records")


def _is_html(record: ArcWarcRecord) -> bool:
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        return status.startswith("2") and content_type.lower().startswith(_HTML_TYPES)
    if record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
        return content_type.lower().startswith(_HTML_TYPES)
    return False


def _html_payload(record: ArcWarcRecord, limit: int) -> bytes:
    # content_stream() undoes chunked transfer and gzip content encoding; the cap keeps one
    # bloated record from filling memory (the caller reports it as over the limit).
    return bytes(record.content_stream().read(limit + 1))


def _drain(record: ArcWarcRecord) -> int:
    """Read what is left of the record; return how many declared bytes never arrived."""
    raw = record.raw_stream
    while raw.read(CHUNK):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _header_problem(record: ArcWarcRecord) -> str | None:
    """What is wrong with a record's headers; warcio yields half-read headers as a record."""
    if record.rec_type is None or record.format not in ("warc", "arc"):
        return "no WARC header"
    length = record.rec_headers.get_header("Content-Length")
    if length is None or not length.strip().isdigit():
        return "no valid Content-Length header"
    return None


def _end(records: ArchiveIterator) -> int:
    info = getattr(records, "member_info", None)
    return int(info[0] + info[1]) if info else 0


def _leftover(stream: BinaryIO, end: int) -> int:
    """Bytes after the last complete record that warcio skipped without a word."""
    if not stream.seekable():
        return 0
    stream.seek(end)
    rest = stream.read(CHUNK)
    # Uncompressed records end with a blank-line separator that member_info leaves out.
    return len(rest.strip(b"\r\n"))


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
