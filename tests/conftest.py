"""Shared fixtures: where the repository, the sample corpus and ../shared are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corroborate" / "sample"
SHARED = ROOT.parent / "shared"

# The ONNX export of the embedding model goes to the checkout, not the user's home (the CLI
# tests' subprocesses inherit it); kept between runs, so only a fresh clone exports it.
os.environ.setdefault("CORROBORATE_CACHE_DIR", str(ROOT / ".cache"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the seeds and public corpora live there (CI has it)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir: Path) -> dict[str, str]:
    folder = shared_dir / "seeds"
    files = sorted(folder.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed reports in {folder}")
    return {f.name: f.read_text(encoding="utf-8") for f in files}
