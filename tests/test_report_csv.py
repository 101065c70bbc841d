"""CSV tables: one row per quote / figure / claim / flag / aligned member, joinable by ids."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from test_cli import CORPUS, cli
from test_report import TEXT, _article, _story

from corroborate.model import Article, Claim, Source
from corroborate.report.csvdoc import TABLES, to_csv


def _full_article() -> Article:
    """The report tests' article plus an attributed, hedged claim."""
    article = _article()
    article.claims = [Claim(28, 110, 0.91, Source("officials", "organisation"), hedged=True)]
    return article


def _rows(table: str, articles: list[Article]) -> list[dict[str, str]]:
    story, event = _story(articles[0]) if articles else (None, None)
    text = to_csv(table, articles, [story] if story else [], [event] if event else [])
    return list(csv.DictReader(io.StringIO(text)))


def test_quotes_table_has_speaker_title_and_the_quoted_text() -> None:
    article = _article()
    [row] = _rows("quotes", [article])
    assert row["speaker"] == "Lena Ostrova" and row["speaker_title"] == "Mayor"
    assert row["kind"] == "direct" and row["cue"] == "say"
    assert row["text"] == "“We are doing everything we can,”"
    assert TEXT[int(row["start"]) : int(row["end"])] == row["text"]
    assert row["story_id"] == "st1" and row["outlet"] == "Valley Courier"


def test_figures_table_carries_measure_and_source() -> None:
    [row] = _rows("figures", [_article()])
    assert (row["value"], row["unit"], row["measure"]) == ("1200", "people", "people_evacuated")
    assert (row["source"], row["source_kind"]) == ("officials", "organisation")
    assert row["text"] == "1,200"


def test_claims_table_keeps_attribution_and_hedging() -> None:
    [row] = _rows("claims", [_full_article()])
    assert (row["attribution"], row["attribution_kind"]) == ("officials", "organisation")
    assert row["hedged"] == "True" and row["checkworthy"] == "0.91"
    assert row["text"].startswith("Officials said 1,200 people")


def test_alignment_rows_flatten_the_story_groups() -> None:
    rows = _rows("alignments", [_article()])
    figure_rows = [r for r in rows if r["group"].startswith("figure-")]
    assert [r["value"] for r in figure_rows] == ["1200", "1800"]
    assert {r["relation"] for r in figure_rows} == {"update"}
    [claim] = [r for r in rows if r["group"] == "c1"]
    assert claim["relation"] == "single_source" and claim["stance"] == "states"


def test_markup_and_newlines_survive_quoting() -> None:
    """A value with commas, quotes, markup and a newline round-trips through a CSV reader."""
    article = _article()
    article.title = 'He said "no", then <b>left</b>\nagain'
    [row] = _rows("articles", [article])
    assert row["title"] == article.title


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_has_its_header_even_when_empty(table: str) -> None:
    text = to_csv(table, [], [], [])
    header = next(csv.reader(io.StringIO(text)))
    assert header == list(TABLES[table][1])
    assert text.count("\n") == 1


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_row_fits_its_header(table: str) -> None:
    """The writer refuses unknown keys, so a populated table proves rows and header agree."""
    article = _full_article()
    story, event = _story(article)
    rows = list(csv.DictReader(io.StringIO(to_csv(table, [article], [story], [event]))))
    assert rows, f"{table}: the hand-built article should give at least one row"
    assert all(None not in r for r in rows)  # no cell beyond the header


def test_cli_writes_one_table_or_a_folder_of_them(tmp_path: Path) -> None:
    """As a user runs it: one table to a file, every table to a folder, and a clear refusal
    of a .csv file without a table."""
    result = cli("-q", str(CORPUS), "--table", "figures", "-o", str(tmp_path / "figures.csv"))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((tmp_path / "figures.csv").open(encoding="utf-8")))
    assert {"1200", "1800"} <= {r["value"] for r in rows if r["unit"] == "people"}

    result = cli("-q", str(CORPUS), "--format", "csv", "-o", str(tmp_path / "tables"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in (tmp_path / "tables").iterdir()) == sorted(TABLES)
    alignments = list(csv.DictReader((tmp_path / "tables" / "alignments.csv").open()))
    conflict = [r for r in alignments if r["relation"] == "conflict"]
    assert {r["value"] for r in conflict} >= {"1200", "1800"}

    result = cli("-q", str(CORPUS), "--format", "csv", "-o", str(tmp_path / "one.csv"))
    assert result.returncode == 2 and "--table" in result.stderr
    assert not (tmp_path / "one.csv").exists()


def test_report_prints_a_stored_table_to_stdout(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert cli("--db", db, "add", "-q", str(CORPUS)).returncode == 0
    assert cli("--db", db, "analyze", "-q").returncode == 0
    result = cli("--db", db, "report", "--table", "quotes")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    speakers = {r["speaker"] for r in rows}
    assert "Marta Ilves" in speakers
    assert all(r["text"] for r in rows)


@pytest.mark.parametrize(
    "args",
    [
        ("--table", "quotes", "-o", "quotes.html"),  # a CSV table in an HTML file
        ("--format", "md", "--table", "flags", "-o", "r.md"),  # --table with another format
        ("--format", "csv", "-o", "r.json"),  # CSV into a .json file
    ],
)
def test_cli_refuses_a_table_that_does_not_fit_the_output(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Refused before any report is read, with a message naming the fix, and nothing written."""
    out = [str(tmp_path / a) if a.endswith((".html", ".md", ".json")) else a for a in args]
    result = cli("-q", str(CORPUS), *out)
    assert result.returncode == 2
    assert "--table" in result.stderr or ".csv" in result.stderr
    assert not any(tmp_path.iterdir())


def test_text_a_spreadsheet_would_run_as_a_formula_is_made_inert() -> None:
    article = _full_article()
    article.title = '=HYPERLINK("http://evil.example","click")'
    article.url = "-2+3"
    [row] = _rows("articles", [article])
    assert row["title"] == "'" + article.title
    assert row["url"] == "'-2+3"
    [figure] = _rows("figures", [_full_article()])
    assert figure["value"] == "1200"  # numbers stay numbers


def test_an_unwritable_output_is_a_named_error_and_leaves_no_partial_file(
    tmp_path: Path,
) -> None:
    from corroborate import app
    from corroborate.errors import OutputError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match=r"cannot write .*r\.html: part of that path is a file"):
        app.write_report("<p>report</p>", blocker / "r.html")


def test_a_read_only_folder_is_a_named_error_and_leaves_nothing(tmp_path: Path) -> None:
    from corroborate import app
    from corroborate.errors import OutputError

    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        if os.access(readonly, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(OutputError, match="Permission denied"):
            app.write_report("x", readonly / "r.csv")
        assert list(readonly.iterdir()) == []
    finally:
        readonly.chmod(0o700)
