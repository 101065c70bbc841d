"""The CLI end to end, as a user runs it, on the bundled sample corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corroborate" / "sample"
CORPUS = SAMPLE / "corpus.jsonl"
SCHEMA = json.loads((ROOT / "corroborate" / "schema" / "article.schema.json").read_text())


def cli(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin.decode() if stdin is not None else None,
    )


@pytest.fixture(scope="module")
def extracted() -> list[dict[str, Any]]:
    result = cli("extract", str(CORPUS))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_follows_the_contract(extracted: list[dict[str, Any]]) -> None:
    source = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(extracted) == len(source) >= 12
    by_id = {s["id"]: s for s in source}
    for record in extracted:
        jsonschema.validate(record, SCHEMA)
        assert record["id"] in by_id  # input ids carried through untouched
        assert record["text"] == by_id[record["id"]]["text"]  # text never altered
        for key in ("entities", "quotes", "figures", "claims", "flags"):
            for item in record[key]:
                assert 0 <= item["start"] < item["end"] <= len(record["text"])


def test_extract_finds_quotes_figures_and_flags(extracted: list[dict[str, Any]]) -> None:
    assert sum(len(r["quotes"]) for r in extracted) >= 15
    assert sum(len(r["figures"]) for r in extracted) >= 15
    assert any(f["kind"] == "stray_text" for r in extracted for f in r["flags"])
    assert all(r["profile"] for r in extracted)


def test_one_shot_writes_a_report(tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    result = cli(str(CORPUS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Claim by outlet" in page
    assert "Outlets side by side" in page and "<svg" in page


def test_store_workflow(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    first = cli("--db", db, "add", str(CORPUS))
    assert first.returncode == 0, first.stderr
    assert "Added 14 new report(s)" in first.stdout  # 15 lines, one an exact duplicate
    again = cli("--db", db, "add", str(CORPUS))
    assert again.returncode == 0 and "Added 0 new report(s)" in again.stdout
    assert "already stored" in again.stdout
    analyzed = cli("--db", db, "analyze")
    assert analyzed.returncode == 0, analyzed.stderr
    assert "stories" in analyzed.stdout
    listed = json.loads(cli("--db", db, "list", "--json").stdout)
    assert len(listed) == 14
    shown = json.loads(cli("--db", db, "show", listed[0]["id"][:8], "--json").stdout)
    jsonschema.validate(shown, SCHEMA)
    md = cli("--db", db, "report", "--format", "md")
    assert md.returncode == 0 and md.stdout.startswith("# corroborate report")
    html = tmp_path / "r.html"
    assert cli("--db", db, "report", "-o", str(html)).returncode == 0
    assert "How solid is this report?" in html.read_text(encoding="utf-8")
    story_id = json.loads(cli("--db", db, "report", "--format", "json").stdout)["stories"][0]["id"]
    one = json.loads(cli("--db", db, "report", "--story", story_id, "--format", "json").stdout)
    assert [s["id"] for s in one["stories"]] == [story_id]


def test_bad_items_are_named_and_the_rest_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text("Title: Bridge reopens\n\nThe bridge reopened on Monday, the city said.\n")
    result = cli("extract", str(empty), str(binary), str(good), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1  # the good one
    errors = [line for line in result.stderr.splitlines() if line.startswith("error ")]
    assert len(errors) == 3
    assert any("empty.txt" in e for e in errors) and any("blob.txt" in e for e in errors)


def test_usage_error_exits_2() -> None:
    assert cli("extract", "--format", "yaml", str(CORPUS)).returncode == 2
    assert cli("report", "--bogus").returncode == 2


@pytest.mark.parametrize(
    "command", ["run", "extract", "add", "analyze", "stories", "report", "list", "show"]
)
def test_help_teaches_with_an_example(command: str) -> None:
    result = cli(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_stories_json() -> None:
    result = cli("stories", str(CORPUS), "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"id", "event", "label", "articles", "origins", "figures", "claims", "quotes"} <= set(
        data["stories"][0]
    )


def test_models_info() -> None:
    result = cli("models", "info", "--json")
    assert result.returncode == 0, result.stderr
    models = {m["name"]: m for m in json.loads(result.stdout)}
    assert {
        "news_en",
        "checkworthy",
        "checkworthy-finetuned",
        "checkworthy-student",
        "minilm",
    } <= set(models)
    # each model shows its own scores: the fine-tuned one from finetuned.json, not scores.json
    finetuned = models["checkworthy-finetuned"]
    assert finetuned["reproduce"] == "python -m corroborate.nlp.training.checkworthy_finetune"
    assert 0.0 < finetuned["dev_test"]["f1"] < 1.0 and "history" not in finetuned
    assert models["checkworthy"]["reproduce"] == "python -m corroborate.nlp.training.checkworthy"
    student = models["checkworthy-student"]
    assert student["reproduce"].startswith("python -m corroborate.nlp.training.checkworthy_student")
    assert 0.0 < student["dev_test"]["f1"] < 1.0 and "history" not in student
    assert student["size_mb"] < 12


def test_seeds_extract(seeds: dict[str, str], shared_dir: Path) -> None:
    files = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    result = cli("extract", *files)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(seeds)
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert record["text"] in seeds.values()  # the text is the file, unchanged


def test_reading_a_missing_database_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "corpus.db"
    result = cli("--db", str(missing), "list")
    assert result.returncode == 2
    assert "no database at" in result.stderr
    assert not missing.exists()  # a typo never creates an empty database


def test_stdin_dash(tmp_path: Path) -> None:
    line = json.dumps({"id": "mine-1", "body": "The bridge reopened on Monday, the city said."})
    piped = cli("extract", "-", "--map", "body=text", stdin=line.encode())
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["id"] == "mine-1"
    empty = cli("extract", "-", stdin=b"")
    assert empty.returncode == 1
    assert "<stdin>" in empty.stderr and "1 item(s) failed." in empty.stderr
