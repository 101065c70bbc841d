"""A URL that is not http(s) is an unsupported URL, named as the user wrote it, not a path.

Read as a path, "ftp://127.0.0.1/x" was normalised to "ftp:/127.0.0.1/x" and reported as a
missing file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest import expand_inputs, read_inputs
from corroborate.ingest.fetch import url_scheme
from corroborate.model import Article

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("ftp://127.0.0.1/x", "ftp"),
        ("file:///etc/hosts", "file"),
        ("HTTPS://example.org/", "HTTPS"),
        ("svn+ssh://host/repo", "svn+ssh"),
        ("C:/reports/a.txt", None),
        ("C:\\reports\\a.txt", None),
        ("reports/ftp://x", None),
        ("notes: ftp://x.txt", None),
        ("-", None),
    ],
)
def test_url_scheme(text: str, scheme: str | None) -> None:
    assert url_scheme(text) == scheme


def test_other_schemes_are_kept_as_written() -> None:
    items = ["ftp://127.0.0.1/x", "file:///tmp//a", "gopher://h//y"]
    assert expand_inputs(items) == items


def test_unsupported_scheme_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The bridge reopened on Monday, the city said.")
    results = list(read_inputs(["ftp://127.0.0.1/x", str(good), "file:///etc/hosts"], Settings()))
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        "ftp://127.0.0.1/x: unsupported URL scheme 'ftp' (only http and https can be fetched)",
        "file:///etc/hosts: unsupported URL scheme 'file' (only http and https can be fetched)",
    ]
    assert [a.origin for a in results if isinstance(a, Article)] == [str(good)]


def test_cli_reports_the_scheme_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Title: Bridge reopens\n\nThe bridge reopened on Monday, the city said.\n")
    result = subprocess.run(
        [sys.executable, "-m", "corroborate", "extract", "-q", "ftp://127.0.0.1/x", str(good)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1  # the good report
    errors = [line for line in result.stderr.splitlines() if line.startswith("error ")]
    assert errors == [
        "error ftp://127.0.0.1/x: unsupported URL scheme 'ftp' (only http and https can be fetched)"
    ]
