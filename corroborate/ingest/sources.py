"""What the user named → the list of items to read, in a deterministic order.

An item is a file path, "-" (standard input) or a URL, kept as written whatever its scheme
(the reader fetches http and https and refuses the rest). Folders are walked recursively,
skipping hidden files and folders (".git", ".DS_Store"), and sorted so that two runs over
the same folder read — and number, and store — articles in the same order.
Names that match nothing are kept as they are, so the reader reports each one on its own line.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from corroborate.ingest.fetch import url_scheme

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


def is_glob(text: str) -> bool:
    return not _GLOB_CHARS.isdisjoint(text)


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Paths, folders, globs, "-" and URLs → files, "-" and URLs (duplicates dropped)."""
    seen: set[str] = set()
    items: list[str] = []
    for raw in inputs:
        for item in _expand(raw):
            if item not in seen:
                seen.add(item)
                items.append(item)
    return items


def _expand(raw: str) -> Iterator[str]:
    if raw == STDIN or url_scheme(raw) is not None:
        yield raw  # as written: Path() would turn "ftp://host" into "ftp:/host"
        return
    path = Path(raw).expanduser()
    if path.is_dir():
        yield from walk_folder(path)
    elif path.exists() or not is_glob(raw):
        yield str(path)  # a missing path stays, to be reported as "no such file or folder"
    else:
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            yield raw  # reported as "no file matches this pattern"
        for match in matches:
            yield from walk_folder(Path(match)) if os.path.isdir(match) else (match,)


def walk_folder(folder: Path) -> Iterator[str]:
    """Every non-hidden file under `folder`, recursively, in sorted order."""
    for root, dirs, files in os.walk(folder):  # symlinked folders are not followed: no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)
