"""The store audit, as a user meets it on the command line: colliding input ids, story and
article ids on `report`, overlapping `analyze` runs, `list` pages, and `-o FOLDER/`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import CORPUS, cli

from corroborate import cli as cli_module
from corroborate.model import Article, Event, Story
from corroborate.store import Store, derived_ids

# -- reports whose ids collide -----------------------------------------------------------


def _exports(tmp_path: Path) -> tuple[Path, Path]:
    """The sample corpus as two exports that each number their reports from 1."""
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    paths = (tmp_path / "ea.jsonl", tmp_path / "eb.jsonl")
    for path, part in zip(paths, (lines[:8], lines[8:]), strict=True):
        records = [json.dumps({**r, "id": str(i)}) + "\n" for i, r in enumerate(part, 1)]
        path.write_text("".join(records), encoding="utf-8")
    return paths


def test_add_keeps_every_report_of_two_exports_that_number_from_1(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    ea, eb = _exports(tmp_path)
    first = cli("--db", db, "add", str(ea), str(eb))
    assert first.returncode == 0, first.stderr
    # 15 reports, one the same text from the same outlet as another (factory-02, -03)
    assert "Added 14 new report(s) (6 under a derived id)" in first.stdout
    renamed = [line for line in first.stdout.splitlines() if "names another report" in line]
    assert len(renamed) == 6 and renamed[0].startswith("1: id already names another report")
    listed = json.loads(cli("--db", db, "list", "--json").stdout)
    texts = {json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()}
    with Store(db) as store:
        assert {a.text for a in store.articles()} == texts  # nothing lost
    derived = sorted(r["id"] for r in listed if "~" in r["id"])
    assert len(listed) == 14 and len(derived) == 6

    again = cli("--db", db, "add", str(ea), str(eb))  # re-adding changes nothing
    assert again.returncode == 0 and "Added 0 new report(s)" in again.stdout
    assert sorted(r["id"] for r in json.loads(cli("--db", db, "list", "--json").stdout)) == (
        sorted(r["id"] for r in listed)
    )
    shown = cli("--db", db, "show", derived[0], "--json")  # a derived id works like any
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == derived[0]


def _small_exports(tmp_path: Path) -> tuple[Path, Path, str]:
    """Two tiny exports: id 1 names two reports (a toll updated from 3 to 9), id 2 the same
    report twice. → the paths and the id the updated report gets."""
    toll = "Rescuers said the toll in Drevna rose to {} on Monday, the governor said."
    bridge = "The main bridge in Drevna reopened on Tuesday, the city council said."
    common = {"outlet": "Northern Ledger", "published": "2026-03-09"}
    paths = []
    for name, toll_now in (("a", 3), ("b", 9)):
        rows = [{"id": "1", "text": toll.format(toll_now)}, {"id": "2", "text": bridge}]
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({**r, **common}) + "\n" for r in rows), "utf-8")
        paths.append(path)
    a, b = paths
    updated = Article(text=toll.format(9), id="1", outlet="Northern Ledger")
    return a, b, derived_ids(updated)[0]


@pytest.mark.parametrize("command", ["stories", "extract"])
def test_one_run_gives_each_report_an_id_of_its_own(tmp_path: Path, command: str) -> None:
    a, b, updated = _small_exports(tmp_path)
    result = cli(command, str(a), str(b), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    articles = data["articles"] if command == "stories" else data
    assert [x["id"] for x in articles] == ["1", "2", updated]
    assert "rose to 9" in articles[2]["text"]
    assert f"1: id already names another report of this run; this one is {updated}" in (
        result.stderr
    )
    assert "2: the same report (id, text and outlet) again; skipped" in result.stderr
    if command == "stories":  # every story names reports that are there, each once
        members = [i for s in data["stories"] for i in s["articles"]]
        assert sorted(members) == sorted(x["id"] for x in articles)
    again = cli(command, str(a), str(b), "--format", "json", "-q")  # stable across runs
    assert again.stdout == result.stdout and again.stderr == ""


# -- ids on `report` and `show` ----------------------------------------------------------


def _story(sid: str, article_ids: list[str]) -> Story:
    return Story(id=sid, event="e-1", label=sid, article_ids=article_ids, start="2026-03-09")


@pytest.fixture
def stored(tmp_path: Path) -> str:
    """A store with three stories whose ids share prefixes, without analysing anything."""
    db = f"sqlite:///{tmp_path / 'c.db'}"
    with Store(db) as store:
        for aid in ("flood-01", "flood-02", "fire-01"):
            store.add(Article(text=f"Report {aid}.", id=aid, published="2026-03-09"))
        stories = [
            _story("s-aa11", ["flood-01"]),
            _story("s-aa22", ["flood-02"]),
            _story("s-bb33", ["fire-01"]),
        ]
        store.save_stories(stories, [Event("e-1", "event", [s.id for s in stories])])
    return db


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli_module.run(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--story", "s-"], "at least 4 of its first characters (s-aa11, s-aa22, s-bb33;"),
        (["--story", ""], "no story with id ''"),
        (["--story", "s-a"], "at least 4"),
        (["--story", "s-aa"], "'s-aa' is ambiguous: it starts several story ids (s-aa11, s-aa22)"),
        (["--story", "s-zz99"], "no story with an id starting 's-zz99' (the nearest: s-aa22"),
        (["--article", "flood-01", "--story", "s-xx"], "no story with an id starting 's-xx'"),
        (["--article", "flood-01", "--story", "s-bb33"], "flood-01 is not in story s-bb33"),
        (["--article", "flood"], "'flood' is ambiguous"),
        (["--article", ""], "no article with id ''"),
    ],
)
def test_report_refuses_an_id_that_picks_no_story_or_several(
    stored: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """Like `show`: the full id or a unique prefix of 4 or more; anything else is a usage
    error on one line, never a report of whatever the prefix happens to start."""
    status, out, err = _run(capsys, "--db", stored, "report", *args, "--format", "json")
    assert status == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err


def test_report_shows_the_one_story_or_article_asked_for(
    stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for args, stories, articles in [
        (["--story", "s-aa2"], ["s-aa22"], ["flood-02"]),
        (["--story", "s-bb33", "--article", "fire"], ["s-bb33"], ["fire-01"]),
        ([], ["s-aa11", "s-aa22", "s-bb33"], ["fire-01", "flood-01", "flood-02"]),
    ]:
        status, out, err = _run(capsys, "--db", stored, "report", *args, "--format", "json")
        assert status == 0, err
        data = json.loads(out)
        assert [s["id"] for s in data["stories"]] == stories
        assert [a["id"] for a in data["articles"]] == articles


def test_show_an_unknown_id_is_a_usage_error(
    stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(capsys, "--db", stored, "show", "flood-03")
    assert status == 2 and "the nearest: flood-01, flood-02" in err and err.count("\n") == 1


# -- one analyze at a time ----------------------------------------------------------------


def test_analyze_is_refused_while_another_runs_and_leaves_the_store_alone(
    stored: str,
) -> None:
    with Store(stored) as holder, holder.analyze_lock():
        result = cli("--db", stored, "analyze")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line]  # less the bar's blank line
    assert len(lines) == 1 and lines[0].startswith(
        "error: another analyze has been running on this store since "
    )
    assert "wait for it" in lines[0]
    with Store(stored) as store:  # nothing analysed, no story touched
        assert len(list(store.unanalysed())) == 3
        assert [s.id for s in store.stories()] == ["s-aa11", "s-aa22", "s-bb33"]


# -- list pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "shown", "hint"),
    [
        (["--limit", "2"], 2, "showing 2 of 3 reports (numbers 1 to 2); use --limit and"),
        (["--limit", "2", "--json"], 2, "showing 2 of 3 reports (numbers 1 to 2);"),
        (["--limit", "2", "--offset", "2", "--json"], 1, "showing 1 of 3 reports (numbers 3"),
        (["--offset", "5", "--json"], 0, "showing 0 of 3 reports; use --limit"),
        (["--stories", "--limit", "1", "--json"], 1, "showing 1 of 3 stories (numbers 1 to"),
        (["--json"], 3, None),
        ([], 3, None),
    ],
)
def test_list_says_when_it_shows_only_part_of_the_store(
    stored: str,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    shown: int,
    hint: str | None,
) -> None:
    status, out, err = _run(capsys, "--db", stored, "list", *args)
    assert status == 0
    if "--json" in args:
        rows: list[dict[str, Any]] = json.loads(out)  # the documented shape: a bare array
        assert len(rows) == shown
    else:
        assert f"{shown} of 3 reports" in out
    assert (err == "") if hint is None else (hint in err and err.count("\n") == 1)


# -- -o FOLDER -----------------------------------------------------------------------------


def test_run_and_report_write_into_a_folder_given_to_o(tmp_path: Path, stored: str) -> None:
    """-o out/ (or an existing folder) gets the file `run` names without -o, not a file
    named like the folder."""
    text = tmp_path / "bridge.txt"
    text.write_text("Title: Bridge reopens\n\nThe bridge reopened on Monday, the city said.\n")
    (tmp_path / "existing").mkdir()
    assert cli("-q", str(text), "-o", "out/", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / "report.html").read_text().startswith("<!DOCTYPE html>")
    result = cli("-q", str(text), "-o", "existing", "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "existing" / "report.md").read_text().startswith("# corroborate report")

    result = cli("--db", stored, "report", "-o", "rep/", "--table", "articles", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "rep" / "articles.csv").read_text().startswith("article_id,")
    assert cli("--db", stored, "report", "-o", "rep", cwd=tmp_path).returncode == 0
    assert (tmp_path / "rep" / "report.html").is_file()
    assert not (tmp_path / "rep.html").exists() and (tmp_path / "rep").is_dir()
