"""An incremental `analyze` regroups only what new reports can still reach (issue 5, scale).

The sample corpus with its incursion reports moved three months back: when the last two
reports (13 March) arrive, the incursion event ended long before the event window opened,
so analyze must neither read nor rewrite it, while the flood and factory events take their
new reports as a full regrouping would. A new undated report cannot be placed in time, so it
regroups everything.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from corroborate import app
from corroborate.config import Settings
from corroborate.corpus import build_stories, event_window
from corroborate.model import Article, Story
from corroborate.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "corroborate" / "sample"
LAST = ("flood-05", "factory-05")  # the second batch: 13 March


def _sample() -> list[Article]:
    keys = ("id", "text", "title", "outlet", "published", "url")
    lines = (SAMPLE / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [Article(**{k: json.loads(x).get(k) for k in keys}) for x in lines]
    for article in articles:  # the incursion three months earlier: out of every window
        if article.id.startswith("incursion") and article.published:
            moved = date.fromisoformat(article.published) - timedelta(days=90)
            article.published = moved.isoformat()
    return articles


def _rows(path: Path) -> dict[str, tuple[int, int, str]]:
    with sqlite3.connect(path) as conn:
        query = "SELECT id, rowid, position, data FROM stories"
        return {i: (r, p, d) for i, r, p, d in conn.execute(query)}


@dataclass
class Window:
    path: Path
    before: dict[str, tuple[int, int, str]]  # story rows after the first batch
    after: dict[str, tuple[int, int, str]]
    summary: app.RunSummary
    stories: list[Story]
    articles: list[Article]  # every report, analysed, as stored


@pytest.fixture(scope="module")
def window(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Window]:
    path = tmp_path_factory.mktemp("window") / "w.db"
    settings = Settings(db=f"sqlite:///{path}", quiet=True)
    articles = _sample()
    with Store(settings.db) as store:
        for article in articles:
            if article.id not in LAST:
                store.add(article)
    app.analyze_store(settings, embeddings=False)
    before = _rows(path)
    with Store(settings.db) as store:
        for article in articles:
            if article.id in LAST:
                store.add(article)
    summary = app.analyze_store(settings, embeddings=False)
    with Store(settings.db) as store:
        stories, stored = store.stories(), list(store.articles())
    yield Window(path, before, _rows(path), summary, stories, stored)


def _story_of(stories: list[Story]) -> dict[str, str]:
    return {i: s.id for s in stories for i in s.article_ids}


def test_old_events_are_neither_regrouped_nor_rewritten(window: Window) -> None:
    # the stored March reports and the two new ones (the sample's exact duplicate was never
    # stored); not the five incursion reports
    march = [a for a in window.articles if not a.id.startswith("incursion")]
    assert window.summary.regrouped == len(march) == len(window.articles) - 5
    incursion = {s for i, s in _story_of(window.stories).items() if i.startswith("incursion")}
    assert incursion
    for story_id in incursion:  # same row (not deleted and inserted), same data, same place
        assert window.after[story_id] == window.before[story_id]
    assert not {s.id for s in window.summary.stories} & incursion


def test_new_reports_join_the_events_a_full_regrouping_gives(window: Window) -> None:
    fresh, _ = build_stories([replace(a) for a in window.articles], Settings(), embeddings=False)
    event_of = {i: s.event for s in window.stories for i in s.article_ids}
    full = {i: s.event for s in fresh for i in s.article_ids}
    for new in LAST:
        same_now = {i for i in event_of if event_of[i] == event_of[new]}
        same_full = {i for i in full if full[i] == full[new]}
        assert same_now == same_full, new


def test_positions_stay_unique_and_in_date_order(window: Window) -> None:
    positions = [p for _, p, _ in window.after.values()]
    assert len(positions) == len(set(positions))
    starts = [s.start or "" for s in window.stories]
    assert starts == sorted(starts)  # the old event first, the March stories after it
    assert window.summary.total_stories == len(window.stories)


def test_an_undated_report_regroups_everything(
    window: Window, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("undated") / "u.db"
    with sqlite3.connect(window.path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    settings = Settings(db=f"sqlite:///{path}", quiet=True)
    flood = next(a for a in window.articles if a.id == "flood-03")
    undated = Article(flood.text + "\nUpdated.", id="undated-copy", outlet="Elsewhere")
    with Store(settings.db) as store:
        store.add(undated)
    summary = app.analyze_store(settings, embeddings=False)
    assert summary.regrouped == len(window.articles) + 1


def test_the_horizon_is_an_event_window_before_the_earliest_new_report() -> None:
    settings = Settings()
    days = event_window(settings.story_window_days)
    horizon = app._horizon(["2026-03-13T09:00:00Z", "2026-03-20"], settings)
    assert horizon == (date(2026, 3, 13) - timedelta(days=days)).isoformat()
    assert app._horizon(["2026-03-13", None], settings) is None
