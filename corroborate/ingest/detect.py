"""Which format is this? Content first, file extension second.

Extensions lie (a `.txt` saved from a browser is HTML, a `.json` is often JSON Lines), so the
first bytes decide whenever they can; the extension only breaks ties the content leaves open.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from pathlib import PurePosixPath
from typing import Final

from corroborate.ingest.decode import has_wide_bom, looks_binary

HEAD_BYTES: Final = 64 * 1024  # enough to see any format's opening, small enough to peek always

# Formats we read.
TEXT_FORMATS: Final = frozenset({"txt", "html", "json", "jsonl", "feed", "warc", "warc.gz", "gzip"})

# Formats we recognise but cannot read, with the words used in the error message.
UNSUPPORTED: Final = {
    "pdf": "PDF document",
    "png": "PNG image",
    "jpeg": "JPEG image",
    "gif": "GIF image",
    "webp": "WebP image",
    "zip": "ZIP archive or Office document (unpack or export it to text first)",
    "bzip2": "bzip2 archive (decompress it first)",
    "xz": "xz archive (decompress it first)",
    "zstd": "Zstandard archive (decompress it first)",
    "ole": "Microsoft Office document",
    "binary": "binary data",
    "xml": "XML that is neither HTML nor an RSS/Atom feed",
}

_MAGIC: Final = (
    (b"%PDF", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"PK\x03\x04", "zip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
)

_HTML_EXT: Final = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXT: Final = {".rss", ".atom", ".xml"}
_JSON_EXT: Final = {".json"}
_JSONL_EXT: Final = {".jsonl", ".ndjson", ".jsonlines"}
_TEXT_EXT: Final = {".txt", ".text", ".md"}

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|article|p|div|h1|title|meta)[\s>/]", re.IGNORECASE
)
_XML_PROLOGUE = re.compile(rb"^(?:<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*", re.DOTALL)


def extension(name: str) -> str:
    """The last suffix of `name`, lower-cased (".gz" for "a.warc.gz")."""
    return PurePosixPath(name).suffix.lower()


def detect_format(data: bytes, name: str = "") -> str:
    """The format of an input from its first bytes (`data` may be just the head) and its name.

    Returns one of "empty", "txt", "html", "json", "jsonl", "feed", "warc", "warc.gz", "gzip"
    (gzip around something else: decompress and detect again), or a key of `UNSUPPORTED`.
    """
    if not data.strip():
        return "empty"
    if data.startswith(b"\x1f\x8b"):
        return "warc.gz" if _gunzip_head(data).startswith(b"WARC/") else "gzip"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"WARC/"):
        return "warc"
    if has_wide_bom(data):
        return _detect_wide(data, name)
    if looks_binary(data[:HEAD_BYTES]):
        return "binary"
    return _detect_text(data.removeprefix(b"\xef\xbb\xbf"), extension(name))


def _detect_text(data: bytes, ext: str) -> str:
    body = data.lstrip()
    if body.startswith(b"<"):
        return _detect_markup(body, ext)
    if body[:1] in (b"{", b"["):
        return _detect_json(body, ext, complete=len(data) < HEAD_BYTES)
    if ext in _HTML_EXT and _HTML_MARK.search(body[:4096]):
        return "html"
    if ext in _JSONL_EXT | _JSON_EXT:
        # A JSON extension on something that does not start like JSON: let the JSON reader
        # say exactly where it is malformed rather than silently reading it as prose.
        return "jsonl" if ext in _JSONL_EXT else "json"
    return "txt"


def _detect_markup(body: bytes, ext: str) -> str:
    head = body[:8192]
    after_prologue = head[_XML_PROLOGUE.match(head).end() :]  # type: ignore[union-attr]
    if _FEED_ROOT.match(after_prologue):
        return "feed"
    if _HTML_MARK.search(head):
        return "html"
    if ext in _FEED_EXT and _FEED_ROOT.search(head):
        return "feed"
    if head.startswith(b"<?xml"):
        return "xml"
    # Starts with "<" but no tag we know: prose that opens with "<" is rare; trafilatura
    # copes with tag soup, and says "no article text found" when there is none.
    return "txt" if ext in _TEXT_EXT else "html"


def _detect_json(body: bytes, ext: str, *, complete: bool) -> str:
    if ext in _JSONL_EXT:
        return "jsonl"
    first, _, rest = body.partition(b"\n")
    try:
        value = json.loads(first)
    except ValueError:
        if ext in _TEXT_EXT:
            return "txt"  # "[Update] ..." in a .txt is prose, not broken JSON
        # The first line alone is not JSON: a pretty-printed document, or not JSON at all.
        if ext in _JSON_EXT or not complete:
            return "json"
        try:
            json.loads(body)
        except ValueError:
            return "txt"
        return "json"
    if ext in _TEXT_EXT and not isinstance(value, dict):
        return "txt"  # a .txt whose first line is "[1]" is a footnote, not JSON
    if isinstance(value, dict) and rest.strip():
        return "jsonl"
    return "json"


def _detect_wide(data: bytes, name: str) -> str:
    encoding = "utf-32" if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) else "utf-16"
    # "replace": the head may end mid-character; detection only needs the opening.
    text = data[:HEAD_BYTES].decode(encoding, errors="replace")
    return _detect_text(text.encode("utf-8"), extension(name))


def _gunzip_head(data: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (a few, whatever the ratio)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data[:HEAD_BYTES], 64)
    except zlib.error:
        return b""
