"""Where `run` and `report` write, as their --help says, and help for every option."""

from __future__ import annotations

import csv
from pathlib import Path

import click
import pytest
from test_cli import CORPUS, cli

from corroborate.cli import main


def _options(command: click.Command, path: str = "") -> list[tuple[str, click.Option]]:
    """Every option of every command, named by its command path ('models evaluate')."""
    found = [(path, p) for p in command.params if isinstance(p, click.Option)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found += _options(sub, f"{path} {name}".strip())
    return found


def test_every_option_says_what_it_does() -> None:
    missing = [f"{path} {'/'.join(o.opts)}" for path, o in _options(main) if not o.help]
    assert not missing, f"options without --help text: {missing}"


def test_data_options_state_their_default() -> None:
    """`models evaluate --data` reads the same folder as `models train --data`, and says so."""
    train = cli("models", "train", "--help")
    evaluate = cli("models", "evaluate", "--help")
    assert evaluate.returncode == 0 and train.returncode == 0
    for result in (train, evaluate):
        assert "../shared/data" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--format", "csv"),  # a store report to standard output
        ("run", str(CORPUS), "--format", "csv"),  # the one-shot, with no -o
    ],
)
def test_every_csv_table_without_a_folder_is_refused_with_what_to_do(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Every table at once needs a folder; the refusal names both ways out and no file the
    user did not name, and comes before any work (no database, nothing written)."""
    result = cli("--db", f"sqlite:///{tmp_path / 'none.db'}", *args, cwd=tmp_path)
    message = " ".join(result.stderr.split())
    assert result.returncode == 2, result.stderr
    assert "--table" in message and "-o FOLDER" in message
    assert ".html" not in message
    assert result.stdout == "" and not any(tmp_path.iterdir())


def test_report_help_says_where_each_format_goes() -> None:
    text = " ".join(cli("report", "--help").stdout.split())
    assert "standard output for md, json and one CSV --table" in text
    assert "every CSV table needs -o FOLDER" in text


def test_run_without_o_names_its_file_after_the_format(tmp_path: Path) -> None:
    """No -o: report.html, report.md, report.json, or TABLE.csv for one table; never one
    format inside a file named for another (markdown in report.html)."""
    result = cli("-q", str(CORPUS), "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# corroborate report")
    assert not (tmp_path / "report.html").exists()

    result = cli("-q", str(CORPUS), "--table", "quotes", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((tmp_path / "quotes.csv").open(encoding="utf-8")))
    assert "Marta Ilves" in {r["speaker"] for r in rows}
    assert not (tmp_path / "report.html").exists()


def test_run_help_states_the_default_output() -> None:
    text = " ".join(cli("run", "--help").stdout.split())
    assert "report.html" in text and "TABLE.csv" in text
