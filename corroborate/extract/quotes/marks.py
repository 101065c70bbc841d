"""Quotation marks: the quoted spans of a text, paired across curly, straight, typewriter and
single marks, and never past the end of their paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from corroborate.extract.quotes.lexicon import _SINGLE_CLOSE, _SINGLE_OPEN

_OPEN: Final = "“«„"

_CLOSE: Final = "”»"

# Every character `quoted_spans` acts on; a typewriter pair first, as it was read first.
_QUOTE_MARK_RE: Final = re.compile("''|``|[" + _OPEN + _CLOSE + '"]')

_BEFORE_SINGLE_OPEN: Final = frozenset(' \t([—–-"“')


@dataclass(slots=True)
class _Marked:
    start: int
    end: int
    closed: bool
    para: int


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of text between line breaks, trailing spaces dropped."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
    return out


def quoted_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Marked]:
    """Spans between quotation marks, marks included, never crossing a paragraph."""
    out: list[_Marked] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        open_at: int | None = None
        straight = False
        doubles = False
        # Only the marks matter, so jump from mark to mark (one character past the paragraph,
        # so that a typewriter pair may end there, as `startswith` saw it).
        for m in _QUOTE_MARK_RE.finditer(text, ps, min(pe + 1, len(text))):
            i = m.start()
            if i >= pe:
                break
            ch = m.group()
            doubles = True
            if len(ch) == 2:
                ch = '"'  # typewriter quotes: ``...'' or ''...''
                if open_at is not None and straight:
                    out.append(_Marked(open_at, i + 2, True, pi))
                    open_at = None
                    continue
            if ch in _OPEN or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at, straight = i, ch == '"'
                elif not straight:  # a new opening mark: the previous one never closed
                    out.append(_Marked(open_at, _trim_end(text, open_at, i), False, pi))
                    open_at = i
            elif (ch in _CLOSE and open_at is not None and not straight) or (
                ch == '"' and open_at is not None and straight
            ):
                out.append(_Marked(open_at, i + 1, True, pi))
                open_at = None
        if open_at is not None:
            out.append(_Marked(open_at, pe, False, pi))
        if not doubles and _SINGLE_OPEN in text[ps:pe]:
            out.extend(_single_quoted(text, ps, pe, pi))
        elif not doubles and "'" in text[ps:pe]:
            out.extend(_straight_single_quoted(text, ps, pe, pi))
    return [m for m in out if m.end - m.start > 2]


def _single_quoted(text: str, ps: int, pe: int, pi: int) -> list[_Marked]:
    """British style quotations (‘...’) in a paragraph with no double marks. A paragraph
    opening with ‘ and never closing it goes on in the next one (as double marks do); an
    unclosed ‘ elsewhere is left alone: it may be a stray mark."""
    out: list[_Marked] = []
    at = ps
    while (o := text.find(_SINGLE_OPEN, at, pe)) >= 0:
        at = o + 1
        if o > ps and text[o - 1] not in _BEFORE_SINGLE_OPEN:
            continue  # inside a word: not an opening mark
        # it closes before the next quotation opens ("‘a disgrace’ and left. ‘We won,’ he said")
        limit = _next_single_open(text, o + 1, pe)
        closes = [
            c
            for c in range(o + 2, limit)
            if text[c] == _SINGLE_CLOSE and (c + 1 >= pe or not text[c + 1].isalnum())
        ]
        punctuated = [c for c in closes if text[c - 1] in ".,!?;:…—–-"]
        # a plural's apostrophe ("the farmers’ union") is followed by a lower-case word
        plain = [
            c
            for c in closes
            if not (text[c - 1] == "s" and text[c + 1 : c + 3].strip()[:1].islower())
        ]
        end = next(iter(punctuated or plain), None)
        if end is not None:
            out.append(_Marked(o, end + 1, True, pi))
            at = end + 1
        elif o == ps or _goes_on(text, ps, o, pe, _SINGLE_OPEN):
            out.append(_Marked(o, pe, False, pi))
            break
    return out


def _goes_on(text: str, ps: int, o: int, pe: int, mark: str) -> bool:
    """ "X said: ‘Behind every statistic ...." with the next paragraph opening with ‘: a
    quotation introduced by a colon that runs on into the next paragraph."""
    return text[ps:o].rstrip().endswith(":") and text[pe : pe + 8].lstrip().startswith(mark)


# typewriter single quotes: 'We inherited an NHS that was broken,' he said. The mark is also
# the apostrophe, so a quotation opens only before a capital, at a word's start, and closes
# only after punctuation, before a space or the paragraph's end
_STRAIGHT_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))'(?=[A-Z])")

_STRAIGHT_SINGLE_CLOSE = re.compile(r"(?<=[.,!?…—–-])'(?=\s|$|[)\]])")


def _straight_single_quoted(text: str, ps: int, pe: int, pi: int) -> list[_Marked]:
    """British style quotations written with typewriter marks ('...'), in a paragraph with no
    double marks."""
    out: list[_Marked] = []
    at = ps
    while (o := _STRAIGHT_SINGLE.search(text, at, pe)) is not None:
        opened = o.start()
        close = _STRAIGHT_SINGLE_CLOSE.search(text, opened + 2, pe)
        nxt = _STRAIGHT_SINGLE.search(text, opened + 1, pe)
        if close is not None and (nxt is None or close.start() < nxt.start()):
            out.append(_Marked(opened, close.end(), True, pi))
            at = close.end()
        elif close is None and (opened == ps or _goes_on(text, ps, opened, pe, "'")):
            out.append(_Marked(opened, pe, False, pi))
            break
        else:
            at = opened + 1
    return out


def _next_single_open(text: str, start: int, end: int) -> int:
    """Where the next single opening mark at a word's start is, or `end`."""
    while (o := text.find(_SINGLE_OPEN, start, end)) >= 0:
        if text[o - 1] in _BEFORE_SINGLE_OPEN:
            return o
        start = o + 1
    return end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
