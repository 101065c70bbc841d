"""Small HTML fragments (feed entries) → plain text with paragraph breaks.

trafilatura is built for whole pages and discards short fragments as boilerplate, so a feed
entry's few paragraphs are converted here with the standard library's tokenizer instead.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

_BLOCKS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_SKIP: Final = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _break(self) -> None:
        line = _SPACES.sub(" ", " ".join("".join(self._current).split("\n"))).strip()
        if line:
            self.paragraphs.append(line)
        self._current = []

    def close(self) -> None:
        super().close()
        self._break()


def html_to_text(fragment: str) -> str:
    """Visible text of `fragment`, one paragraph (or list item, heading) per line."""
    if "<" not in fragment and "&" not in fragment:
        return "\n".join(
            p for p in (_SPACES.sub(" ", line).strip() for line in fragment.split("\n")) if p
        )
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "\n".join(collector.paragraphs)
