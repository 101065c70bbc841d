"""The code keeps its shape: layers flow downwards, ruff and mypy are clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (make test installs it)")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_import_layers_contract() -> None:
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint() -> None:
    result = _run(_tool("ruff"), "check", "corroborate", "tests", "benchmarks", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run(
        _tool("ruff"), "format", "--check", "corroborate", "tests", "benchmarks", "scripts"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = _run(_tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_heavy_libraries_are_imported_in_one_place() -> None:
    owners = {
        "spacy": "corroborate/nlp/",
        "torch": "corroborate/nlp/",
        "sentence_transformers": "corroborate/nlp/",
        "sqlalchemy": "corroborate/store/",
        "trafilatura": "corroborate/ingest/",
        "warcio": "corroborate/ingest/",
        "feedparser": "corroborate/ingest/",
    }
    offenders = []
    for path in (ROOT / "corroborate").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            for library, owner in owners.items():
                if stripped.startswith(
                    (f"import {library}", f"from {library}")
                ) and not rel.startswith(owner):
                    offenders.append(f"{rel}: {stripped}")
    assert not offenders, offenders


def test_public_api_is_deliberate() -> None:
    import corroborate

    expected = {
        "Article",
        "Span",
        "Entity",
        "Quote",
        "Speaker",
        "Cue",
        "Figure",
        "Source",
        "Claim",
        "Flag",
        "Story",
        "Event",
        "Origin",
        "article_to_dict",
        "article_from_dict",
        "Settings",
        "load_settings",
        "CorroborateError",
        "InputError",
        "analyse",
        "analyse_many",
        "build_stories",
        "Store",
        "read",
        "__version__",
    }
    assert set(corroborate.__all__) == expected
    for name in expected - {"__version__"}:
        assert getattr(corroborate, name) is not None
