"""JSON and JSON Lines: one article per object.

`text` is never altered — not stripped, not normalised — so offsets computed later match the
caller's own string. A malformed JSON Lines line costs that line only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, Final

from corroborate.errors import InputError, UsageError
from corroborate.ingest.meta import clean, normalize_date
from corroborate.model import Article

# Our field → the names it goes by in the wild (matched case-insensitively), best first.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "id": ("id", "_id", "guid", "uuid", "article_id", "doc_id"),
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "maintext",
             "article_text", "story"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "permalink", "canonical_url", "source_url", "uri"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher",
               "publication", "source_name", "source_domain"),
    "published": ("published", "date", "pubdate", "pub_date", "published_at", "publishedat",
                  "publish_date", "date_published", "datepublished", "timestamp", "created_at"),
    "author": ("author", "authors", "byline", "creator"),
    "lang": ("lang", "language"),
}  # fmt: skip
FIELDS: Final = tuple(ALIASES)

# Top-level keys under which API dumps keep their list of articles.
_CONTAINERS: Final = ("articles", "items", "data", "results", "entries", "documents", "docs")


def check_field_map(field_map: Mapping[str, str] | None) -> dict[str, str]:
    """Validate a user's {their_name: our_field} map; a wrong target is a usage error."""
    checked = dict(field_map or {})
    wrong = sorted(v for v in checked.values() if v not in ALIASES)
    if wrong:
        raise UsageError(
            f"field map target(s) {', '.join(map(repr, wrong))} unknown; "
            f"map to one of: {', '.join(FIELDS)}"
        )
    return checked


def read_json(
    text: str, *, name: str, jsonl: bool, field_map: Mapping[str, str] | None = None
) -> Iterator[Article | InputError]:
    """Articles from a JSON document (array or object) or from JSON Lines."""
    mapping = check_field_map(field_map)
    if not jsonl:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(
                f"{name}:{exc.lineno}", f"malformed JSON ({exc.msg}, column {exc.colno})"
            )
            return
        yield from _read_document(value, name=name, mapping=mapping)
        return
    # Split on "\n" only: str.splitlines() would also split on U+2028, which JSON allows raw
    # inside strings, and would then report good lines as malformed.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = f"{name}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(item, f"malformed JSON ({exc.msg}, column {exc.colno})")
            continue
        yield to_article(value, item=item, mapping=mapping)


def _read_document(
    value: Any, *, name: str, mapping: dict[str, str]
) -> Iterator[Article | InputError]:
    if isinstance(value, dict):
        lowered = {str(k).lower(): v for k, v in value.items()}
        container = next(
            (lowered[k] for k in _CONTAINERS if isinstance(lowered.get(k), list)), None
        )
        if container is None or _find(value, "text", mapping) is not None:
            yield to_article(value, item=name, mapping=mapping)
            return
        value = container
    if not isinstance(value, list):
        yield InputError(name, f"expected a JSON object or array of objects, got {_kind(value)}")
        return
    if not value:
        yield InputError(name, "empty JSON array")
    for index, element in enumerate(value, start=1):
        yield to_article(element, item=f"{name}#{index}", mapping=mapping)


def to_article(value: Any, *, item: str, mapping: dict[str, str]) -> Article | InputError:
    """One JSON object → an Article, or an InputError naming `item` and what is missing."""
    if not isinstance(value, dict):
        return InputError(item, f"expected a JSON object, got {_kind(value)}")
    found = _find(value, "text", mapping)
    if found is None:
        return InputError(
            item,
            "no text field (looked for " + ", ".join(ALIASES["text"]) + "; "
            "map yours with --map, e.g. --map story_body=text)",
        )
    key, text = found
    if not isinstance(text, str):
        return InputError(item, f"field {key!r} is {_kind(text)}, not a string")
    if not text.strip():
        return InputError(item, f"field {key!r} is empty")
    given_id = _find(value, "id", mapping)
    return Article(
        text=text,
        id=_id(given_id[1]) if given_id else "",
        title=clean(_value(value, "title", mapping)),
        url=clean(_value(value, "url", mapping)),
        outlet=clean(_value(value, "outlet", mapping)),
        published=normalize_date(_value(value, "published", mapping)),
        author=clean(_value(value, "author", mapping)),
        lang=clean(_value(value, "lang", mapping)),
        origin=item,
    )


def _find(record: dict[str, Any], field: str, mapping: dict[str, str]) -> tuple[str, Any] | None:
    """(key, value) for `field`: the user's mapping first, then our aliases in order."""
    for theirs, ours in mapping.items():
        if ours == field and record.get(theirs) is not None:
            return theirs, record[theirs]
    by_lower = {str(k).lower(): k for k in record if k not in mapping}
    for alias in ALIASES[field]:
        key = by_lower.get(alias)
        if key is not None and record[key] is not None:
            return key, record[key]
    return None


def _value(record: dict[str, Any], field: str, mapping: dict[str, str]) -> Any:
    found = _find(record, field, mapping)
    return found[1] if found else None


def _id(value: Any) -> str:
    # Carried untouched; numbers become their decimal string because Article.id is a str.
    return value if isinstance(value, str) else json.dumps(value)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else "null"
    )
