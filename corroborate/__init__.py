"""corroborate: who says what across many news reports of the same event.

The public API is small and deliberate (a test pins it):

    from corroborate import Article, analyse, read, build_stories

- `read(inputs, settings=None)`: files, folders, globs, URLs → Articles (and InputErrors).
- `analyse(article)` / `analyse_many(articles)`: quotes, figures, claims, flags, profile.
- `build_stories(articles, settings=None)`: copies collapsed, stories, events, alignments.
- `Store(url)`: the SQLite / PostgreSQL store.
- The data model: `Article`, `Quote`, `Figure`, `Claim`, `Flag`, `Story`, `Event`, ...

Heavy modules load on first use, so `import corroborate` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "corroborate.model",
    "Span": "corroborate.model",
    "Entity": "corroborate.model",
    "Quote": "corroborate.model",
    "Speaker": "corroborate.model",
    "Cue": "corroborate.model",
    "Figure": "corroborate.model",
    "Source": "corroborate.model",
    "Claim": "corroborate.model",
    "Flag": "corroborate.model",
    "Story": "corroborate.model",
    "Event": "corroborate.model",
    "Origin": "corroborate.model",
    "article_to_dict": "corroborate.model",
    "article_from_dict": "corroborate.model",
    "Settings": "corroborate.config",
    "load_settings": "corroborate.config",
    "CorroborateError": "corroborate.errors",
    "InputError": "corroborate.errors",
    "analyse": "corroborate.extract.pipeline",
    "analyse_many": "corroborate.extract.pipeline",
    "build_stories": "corroborate.corpus",
    "Store": "corroborate.store",
}

__all__ = [*sorted(_EXPORTS), "__version__", "read"]


def read(inputs: list[str] | str, settings: Any = None) -> Any:
    """Read reports from paths, folders, globs or URLs: yields Article or InputError."""
    from corroborate.config import load_settings
    from corroborate.ingest import read_inputs

    items = [inputs] if isinstance(inputs, str) else list(inputs)
    return read_inputs(items, settings or load_settings())


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'corroborate' has no attribute {name!r}")
