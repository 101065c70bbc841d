"""`corroborate analyze` on a store updates stories incrementally (issue 5).

The sample corpus goes in as two batches: the reports up to 12 March, then the two of 13 March
(one flood report, one factory report: the incursion event gets nothing new). Every step runs
once, through the CLI in this process, and records what it wrote (SQLite triggers log every
row inserted, deleted or updated) and which events it aligned; the tests then check each
promise against those records.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import corroborate.corpus as corpus_module
from corroborate import app
from corroborate.cli import main
from corroborate.config import Settings
from corroborate.corpus import STORY_FLAG_KINDS, build_stories
from corroborate.model import Article, Flag, Story
from corroborate.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corroborate" / "sample"
CUT = "2026-03-12"  # batch 1: up to this date; batch 2: later
WATCHED = {
    "stories": "id",
    "events": "id",
    "story_articles": "story_id",
    "flags": "article_id",
    "analyses": "article_id",
}


@dataclass
class Step:
    """What one `corroborate analyze` did."""

    stdout: str
    stories: list[Story]  # stored after the step
    writes: list[tuple[str, str, str]]  # (table, INSERT/DELETE/UPDATE, row key)
    aligned: list[set[str]]  # the reports of each event whose figures were aligned
    rows: dict[str, tuple[int, str]] = field(default_factory=dict)  # story id → (rowid, data)


@dataclass
class Run:
    db: str
    gold: dict[str, str]  # article id → gold event
    batch1: Step
    batch2: Step
    again: Step
    rebuild: Step
    stale: Flag  # a story-level flag planted on flood-03 before batch 2: no longer true
    planted: Flag  # the same on incursion-03, whose event batch 2 does not touch
    flags_after_batch2: dict[str, list[Flag]]  # of those two articles


def _audit(path: Path) -> None:
    """Triggers that log every row written to the tables an analyze may write."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE audit (tbl TEXT, op TEXT, key TEXT)")
        for table, key in WATCHED.items():
            for op, row in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
                conn.execute(
                    f"CREATE TRIGGER audit_{table}_{op} AFTER {op} ON {table} "
                    f"BEGIN INSERT INTO audit VALUES ('{table}', '{op}', {row}.{key}); END"
                )


def _drain(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        rows = [tuple(r) for r in conn.execute("SELECT tbl, op, key FROM audit")]
        conn.execute("DELETE FROM audit")
    return rows  # type: ignore[return-value]


def _rows(path: Path) -> dict[str, tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return {i: (r, d) for r, i, d in conn.execute("SELECT rowid, id, data FROM stories")}


def _write_batch(rows: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    folder = tmp_path_factory.mktemp("incremental")
    path = folder / "c.db"
    db = f"sqlite:///{path}"
    rows = [json.loads(line) for line in (SAMPLE / "corpus.jsonl").read_text().splitlines()]
    first = _write_batch([r for r in rows if r["published"] <= CUT], folder / "b1.jsonl")
    second = _write_batch([r for r in rows if r["published"] > CUT], folder / "b2.jsonl")
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
    gold = {i: e for e, ids in expected["events"].items() for i in ids}
    runner = CliRunner()
    aligned: list[set[str]] = []
    real = corpus_module.align_figures

    def counting(members: list[Article], *args: Any, **kw: Any) -> Any:
        aligned.append({a.id for a in members})
        return real(members, *args, **kw)

    def step(*args: str) -> Step:
        aligned.clear()
        result = runner.invoke(main, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        with Store(db) as store:
            stories = store.stories()
        return Step(result.output, stories, _drain(path), list(aligned), _rows(path))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(corpus_module, "align_figures", counting)
        assert runner.invoke(main, ["--db", db, "-q", "add", str(first)]).exit_code == 0
        _audit(path)
        batch1 = step("analyze")
        # plant a story-level flag that no alignment supports on a report of an event batch 2
        # changes (it must go) and on one of an event batch 2 leaves alone (it must stay)
        stale = Flag(0, 5, "figure_out_of_line", "warning", "planted: no longer true")
        planted = Flag(0, 5, "contradicted_claim", "warning", "planted: left alone")
        with Store(db) as store:
            for article_id, flag in (("flood-03", stale), ("incursion-03", planted)):
                article = store.get(article_id)
                article.flags.append(flag)
                store.save_analysis(article)
        _drain(path)
        assert runner.invoke(main, ["--db", db, "-q", "add", str(second)]).exit_code == 0
        _drain(path)
        batch2 = step("analyze")
        with Store(db) as store:
            after = {i: store.get(i).flags for i in ("flood-03", "incursion-03")}
        again = step("analyze")
        rebuild = step("analyze", "--rebuild")
    yield Run(db, gold, batch1, batch2, again, rebuild, stale, planted, after)


def _story_of(stories: list[Story]) -> dict[str, str]:
    return {i: s.id for s in stories for i in s.article_ids}


def _ids_of(gold: dict[str, str], event: str, stories: list[Story]) -> set[str]:
    """Story ids holding reports of a gold event."""
    return {s.id for s in stories if any(gold.get(i) == event for i in s.article_ids)}


def test_stored_reports_keep_their_story_ids(run: Run) -> None:
    before, after = _story_of(run.batch1.stories), _story_of(run.batch2.stories)
    assert len(before) == 12  # 13 lines up to 12 March; factory-03 is an exact copy
    assert {i: after[i] for i in before} == before
    assert {"flood-05", "factory-05"} <= set(after)


def test_the_three_sample_events_come_out_right(run: Run) -> None:
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))["events"]
    stored = {i for s in run.batch2.stories for i in s.article_ids}
    got = {
        frozenset(i for s in run.batch2.stories if s.event == e for i in s.article_ids)
        for e in {s.event for s in run.batch2.stories}
    }
    # factory-03 repeats factory-02 word for word: the store keeps one of them
    assert got == {frozenset(i for i in ids if i in stored) for ids in expected.values()}


def test_only_changed_events_are_aligned_and_written(run: Run) -> None:
    gold = run.gold
    touched = {i for i in gold if gold[i] in ("drevna-flood", "halvorsen-brennick-closure")}
    # two events gained a report: two alignments, each over that event's reports only
    assert len(run.batch2.aligned) == 2
    assert all(members <= touched for members in run.batch2.aligned)
    untouched = _ids_of(gold, "torvel-incursion", run.batch2.stories)
    assert untouched  # the incursion event got no new report ...
    written = {key for _, _, key in run.batch2.writes}
    event = next(s.event for s in run.batch2.stories if s.id in untouched)
    assert not (untouched | {event}) & written  # ... so none of its rows was written
    for story_id in untouched:  # same row (rowid), same bytes
        assert run.batch2.rows[story_id] == run.batch1.rows[story_id]
    # and the stories that did change were written: delete + insert, not left stale
    new = {s.id for s in run.batch2.stories} - {s.id for s in run.batch1.stories}
    assert len(new) == 2 and new <= written
    assert ("stories", "INSERT", next(iter(new))) in run.batch2.writes


def test_the_summary_says_what_happened(run: Run) -> None:
    assert "12 new report(s) analysed" in run.batch1.stdout
    line = next(x for x in run.batch2.stdout.splitlines() if "analysed" in x)
    changed = len({k for tbl, op, k in run.batch2.writes if tbl == "stories" and op == "INSERT"})
    assert line.startswith(
        "2 new report(s) analysed; 0 joined existing stories, 2 new stories opened; "
        f"{changed} of {len(run.batch2.stories)} stories updated"
    ), line
    assert "recomputed from scratch" in run.rebuild.stdout


def test_nothing_new_changes_nothing_and_aligns_nothing(run: Run) -> None:
    assert run.again.writes == []
    assert run.again.aligned == []
    assert run.again.rows == run.batch2.rows
    assert "0 new report(s) analysed; no story changed" in run.again.stdout


def test_rebuild_gives_the_full_rebuild_result(run: Run) -> None:
    with Store(run.db) as store:
        articles = [a for a in store.articles() if a.analysed]
        stored_events = store.events()
    fresh, events = build_stories(articles, Settings())
    assert [(s.id, s.event, s.article_ids) for s in run.rebuild.stories] == [
        (s.id, s.event, s.article_ids) for s in fresh
    ]
    assert [e.id for e in stored_events] == [e.id for e in events]
    assert len(run.rebuild.aligned) == len(events)  # every event aligned again
    written = {k for tbl, op, k in run.rebuild.writes if tbl == "stories" and op == "INSERT"}
    assert written == {s.id for s in fresh}


def _story_flags(article: Article) -> list[Flag]:
    return [f for f in article.flags if f.kind in STORY_FLAG_KINDS]


def test_story_flags_reach_the_stored_articles_and_the_report(run: Run) -> None:
    with Store(run.db) as store:
        flood1 = store.get("flood-01")
        incursion3 = store.get("incursion-03")
    at = flood1.text.index("1,200 residents")
    conflict = [f for f in _story_flags(flood1) if f.start == at]
    assert len(conflict) == 1, _story_flags(flood1)  # once, after three analyze runs
    assert conflict[0].kind == "figure_out_of_line" and "1,800" in conflict[0].explanation
    spans = [(f.kind, f.start, f.end) for f in _story_flags(flood1)]
    assert len(spans) == len(set(spans))
    # a planted flag did not survive its event's realignment; the other was not touched by
    # the incremental update, and --rebuild, which recomputes every flag, removed it too
    assert run.stale not in run.flags_after_batch2["flood-03"]
    assert run.planted in run.flags_after_batch2["incursion-03"]
    assert run.planted not in incursion3.flags
    # flags rows and the analysis JSON agree (the report reads the JSON, `list` the rows)
    with sqlite3.connect(run.db.removeprefix("sqlite:///")) as conn:
        kinds = [k for (k,) in conn.execute("SELECT kind FROM flags WHERE article_id='flood-01'")]
    assert sorted(kinds) == sorted(f.kind for f in flood1.flags)
    report = app.render_stored(Settings(db=run.db), "md", article_id="flood-01")
    assert "figure_out_of_line" in report and "1,200 residents" in report


def test_flags_written_only_for_articles_whose_flags_changed(run: Run) -> None:
    flags_written = {k for tbl, _, k in run.batch2.writes if tbl in ("flags", "analyses")}
    assert "flood-03" in flags_written  # the planted flag went away
    incursion = {i for i in run.gold if run.gold[i] == "torvel-incursion"}
    assert not flags_written & incursion


def test_help_documents_rebuild() -> None:
    result = CliRunner().invoke(main, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "--rebuild" in result.output and "incremental" in result.output


def test_a_new_copy_joins_its_original_story_and_events_can_merge_without_losing_ids() -> None:
    """In memory, on the lexical path: a copy of a stored report joins its story; stored
    reports keep their stories whatever order the input comes in."""
    rows = [json.loads(line) for line in (SAMPLE / "corpus.jsonl").read_text().splitlines()]
    keys = ("id", "text", "title", "outlet", "published", "url")
    articles = [Article(**{k: r.get(k) for k in keys}) for r in rows]
    settings = Settings()
    first = corpus_module.update_stories(articles[:10], settings, embeddings=False)
    copy = Article(articles[0].text, id="flood-01-copy", outlet="Elsewhere", published=CUT)
    later = list(reversed([*articles, copy]))
    update = corpus_module.update_stories(
        later, settings, (first.stories, first.events), embeddings=False
    )
    before, after = _story_of(first.stories), _story_of(update.stories)
    assert {i: after[i] for i in before} == before
    assert after["flood-01-copy"] == before["flood-01"]
    assert update.new_reports == 6 and update.joined >= 1
    assert not update.removed_stories
