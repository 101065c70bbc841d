"""HTML pages → the article's main text and metadata, with trafilatura.

Precision over recall: a stray related-links list or comment thread in `Article.text` would
be analysed as part of the report (quotes, figures, claims), which is worse than losing a
borderline paragraph. The first pass is trafilatura's own extractor alone ("fast": no
readability/jusText comparison, which mostly adds recall and costs ~40% more time). Only when
it finds nothing do we retry with the full default machinery, because short or unusual pages
fail the precise pass outright.
"""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

from corroborate.errors import InputError
from corroborate.ingest.meta import clean, normalize_date
from corroborate.model import Article

# trafilatura and its helpers log every page they find hard to parse; we report those pages
# ourselves as one InputError line, so their warnings would only be noise on stderr.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.ERROR)

NO_TEXT = "no article text found"
# Fewer words than this is a navigation link or a cookie button, not an article.
MIN_WORDS = 5

_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "deduplicate": False,
}


def extract_html(data: bytes | str, *, origin: str, url: str | None = None) -> Article | InputError:
    """An Article from one HTML page; `url` is where it came from, when known."""
    try:
        doc = _extract(data, url, precise=True)
        if not _substantial(doc):
            doc = _extract(data, url, precise=False)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        return InputError(origin, f"cannot parse HTML ({type(exc).__name__}: {exc})")
    if not _substantial(doc):
        return InputError(origin, NO_TEXT)
    text = _without_headline(doc.text, doc.title)
    return Article(
        text=text,  # trafilatura separates paragraphs (and headings) with "\n"
        title=clean(doc.title),
        url=url or clean(doc.url),
        outlet=clean(doc.sitename),
        published=normalize_date(doc.date),
        author=clean(doc.author),
        origin=origin,
    )


def _extract(data: bytes | str, url: str | None, *, precise: bool) -> Any:
    # A trafilatura Document (attributes text, title, date, ...) or None.
    return trafilatura.bare_extraction(
        data, url=url, favor_precision=precise, fast=precise, **_OPTIONS
    )


def _substantial(doc: Any) -> bool:
    return doc is not None and len((doc.text or "").split()) >= MIN_WORDS


def _without_headline(text: str, title: str | None) -> str:
    """Drop a first line that repeats the title.

    The title is kept in `Article.title`; leaving it in the text too would make the same report
    read from HTML differ from its plain-text or JSON copy (where the title is a separate
    field), so the two would get different content ids and never be recognised as duplicates.
    """
    first, newline, rest = text.partition("\n")
    if title and newline and rest.strip() and _same(first, title):
        return rest
    return text


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
