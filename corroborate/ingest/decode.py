"""Bytes → str for inputs that are already text.

The order matters: UTF-8 first (almost everything today), then a BOM-marked UTF-16/32,
then Windows-1252 only when it yields clean text, because cp1252 "decodes" nearly any
byte string and would otherwise turn binary junk into mojibake articles.
"""

from __future__ import annotations

import codecs
import re

# C0 control characters other than tab, newline, vertical tab, form feed and carriage return:
# real text (news reports) never contains them; binary data almost always does.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,  # checked before UTF-16 LE: it starts with the same two bytes
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we are prepared to assume."""


def has_wide_bom(data: bytes) -> bool:
    """True for UTF-16/UTF-32 text with a byte-order mark (it is full of NUL bytes)."""
    return data.startswith(_UTF16_32_BOMS)


def looks_binary(data: bytes) -> bool:
    """NUL bytes mean binary, unless a UTF-16/32 BOM explains them."""
    return b"\x00" in data and not has_wide_bom(data)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`; return the text and the encoding assumed.

    Only a leading UTF-8 BOM is removed (it is an encoding mark, not text); nothing else is
    touched, so offsets into the result match the caller's text. `declared` is a charset
    named by the transport (an HTTP Content-Type), tried after UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[len(codecs.BOM_UTF8) :].decode("utf-8")), "utf-8-sig"
        except (UnicodeDecodeError, UndecodableError):
            raise UndecodableError("undecodable: has a UTF-8 mark but is not valid UTF-8") from None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32"), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    candidates = ["utf-8"]
    if declared and _known(declared) and codecs.lookup(declared).name != "utf-8":
        candidates.append(declared)
    candidates.append("cp1252")
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding)), encoding
        except (UnicodeDecodeError, UndecodableError):
            continue
    raise UndecodableError("undecodable: not valid UTF-8, UTF-16 or Windows-1252 text")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _checked(data.decode(encoding))
    except UnicodeDecodeError:
        raise UndecodableError(
            f"undecodable: has a {encoding.upper()} mark but does not decode"
        ) from None


def _checked(text: str) -> str:
    if _CONTROL.search(text):
        raise UndecodableError("undecodable: control characters, not text")
    return text


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True
