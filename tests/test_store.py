"""The store on SQLite. The backend-neutral tests here run on PostgreSQL too: see
test_store_postgres.py, which imports them and supplies its own `store_url` fixture."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corroborate.store.store as store_module
from corroborate.errors import StoreError, UsageError
from corroborate.model import (
    Article,
    Claim,
    ClaimGroup,
    Cue,
    Entity,
    Event,
    Figure,
    FigureGroup,
    Flag,
    Origin,
    Quote,
    QuoteTrack,
    Source,
    Span,
    Speaker,
    Story,
    content_id,
)
from corroborate.store import Store, UnknownIdError, derived_ids

REPO = Path(__file__).resolve().parents[1]

# -- fixtures and builders --------------------------------------------------------------------


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'corroborate.db'}"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


TEXT = (
    "Kursk offensive continues\n\n"
    "Ukraine controls 72 settlements in the Kursk region, commander Oleksandr Syrskyi said. "
    "“We hold about 1,150 square kilometres,” he said. "
    "Kira Rudik, a Ukrainian MP, said the operation was “a turning point”.\n\n"
    "Stray headline: Markets fall — «ça va» 東京"
)


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def full_article(article_id: str = "") -> Article:
    """An article with one or more of every annotation kind, every optional field set."""
    article = Article(
        text=TEXT,
        id=article_id,
        title="Kursk offensive continues",
        url="https://example.org/kursk",
        outlet="Example Times",
        published="2024-08-15",
        author="A. Writer",
        lang="en",
        origin="tests/kursk.txt",
    )
    t = TEXT
    article.paragraphs = [Span(0, t.index("\n\n"), "headline"), Span(*_at("Ukraine controls"))]
    article.sentences = [Span(*_at("Ukraine controls 72 settlements"), "sentence")]
    article.entities = [
        Entity(*_at("Oleksandr Syrskyi"), "PERSON", canonical="Oleksandr Syrskyi"),
        Entity(*_at("Kursk region"), "LOC", subtype="GPE"),
    ]
    article.quotes = [
        Quote(
            *_at("“We hold about 1,150 square kilometres,”"),
            "direct",
            speaker=Speaker("Oleksandr Syrskyi", *_at("he said"), title="commander"),
            cue=Cue(*_at("said. “We"), verb="say", stance="assertive"),
        ),
        Quote(*_at("the operation was “a turning point”"), "mixed"),  # no speaker
    ]
    article.figures = [
        Figure(
            *_at("72 settlements"),
            72,
            unit="settlements",
            counted="settlements in the Kursk region",
            measure="settlements_controlled",
            as_of="2024-08-15",
            location="Kursk region",
            source=Source("Oleksandr Syrskyi", "person", *_at("Oleksandr Syrskyi"), "commander"),
        ),
        Figure(
            *_at("about 1,150 square kilometres"),
            1150.0,
            unit="km2",
            value_max=1200.5,
            qualifier="about",
            period="past 24 hours",
            original_unit="square kilometres",
            original_value=1150.0,
        ),
    ]
    article.claims = [
        Claim(
            *_at("Ukraine controls 72 settlements in the Kursk region"),
            0.93,
            attribution=Source("Oleksandr Syrskyi", "person"),
            hedged=True,
            figures=[0],
            quotes=[0, 1],
        )
    ]
    article.flags = [
        Flag(*_at("Stray headline: Markets fall"), "stray_text", "warning", "another story"),
        Flag(*_at("a turning point"), "loaded_language", "info", "", category="hyperbole"),
    ]
    article.profile = {"named_sources": 2, "direct_quotes": 1, "attributed_claim_ratio": 0.5}
    article.analysed = True
    return article


def plain(text: str, article_id: str = "", published: str | None = None) -> Article:
    return Article(text=text, id=article_id, published=published)


# -- round trips (run on PostgreSQL too) ----------------------------------------------------


def test_round_trip_every_annotation_kind(store: Store) -> None:
    analysed = full_article()
    metadata = ("text", "id", "title", "url", "outlet", "published", "author", "lang", "origin")
    bare = Article(**{name: getattr(analysed, name) for name in metadata})

    assert store.add(bare).added
    got = store.get(bare.id)
    assert got == bare and not got.analysed

    store.save_analysis(analysed)
    got = store.get(analysed.id)
    assert got == analysed
    assert got.analysed
    for quote in got.quotes:  # offsets still index the exact text, Unicode and all
        assert got.text[quote.start : quote.end] in TEXT


def test_add_an_analysed_article_stores_its_analysis_in_the_same_call(store: Store) -> None:
    article = full_article("kursk-1")
    assert store.add(article).message() == "added kursk-1"
    assert store.get("kursk-1") == article
    counts = store.count()
    assert (counts["articles"], counts["analysed"]) == (1, 1)
    assert (counts["quotes"], counts["figures"], counts["flags"]) == (2, 2, 2)


def test_an_analysis_that_found_nothing_is_still_an_analysis(store: Store) -> None:
    article = plain("Nothing to see here.")
    store.add(article)
    article.analysed = True
    store.save_analysis(article)
    assert store.get(article.id).analysed
    assert list(store.unanalysed()) == []


def test_the_same_id_or_the_same_content_again_is_a_no_op(store: Store) -> None:
    first = plain("Floods in the valley.\nTwo bridges closed.", "wire-1")
    assert store.add(first).added

    again = store.add(plain("Floods in the valley.\nTwo bridges closed.", "wire-1"))
    assert (again.added, again.duplicate, again.id, again.reason) == (
        False,
        True,
        "wire-1",
        "same id",
    )
    assert again.message() == "already stored as wire-1 (same id); skipped"

    # The same text with other line breaks and spacing, under another id.
    copy = store.add(plain("Floods in the valley.\r\n  Two bridges   closed.\n", "site-9"))
    assert (copy.added, copy.id, copy.reason) == (False, "wire-1", "same content")
    assert copy.message() == "already stored as wire-1 (same content); skipped"
    assert store.count()["articles"] == 1


def test_another_report_under_a_stored_id_is_stored_under_a_derived_id(store: Store) -> None:
    """Two exports that both number from 1, or an updated article under its old id: the
    report is kept under a derived id, the same on every run, and adding it again is a
    no-op like any report's."""
    first = Article(text="The toll rose to 3.", id="6", outlet="Harbour Wire")
    assert store.add(first).added
    updated = full_article("6")  # analysed, another text and outlet
    short, long = derived_ids(updated)
    assert short.startswith("6~") and len(short) == 2 + 8 and long.startswith(short)

    result = store.add(updated)
    assert (result.added, result.renamed, result.id) == (True, True, short)
    assert result.message() == f"id already names another report; stored as {short}"
    assert updated.id == "6"  # the caller's article is left as it was
    assert store.get("6") == first  # not overwritten
    stored = store.get(short)
    assert stored.analysed and stored.quotes == updated.quotes and stored.text == updated.text
    assert store.count()["quotes"] == len(updated.quotes)  # its rows under the derived id

    again = store.add(full_article("6"))  # the same file added again changes nothing
    assert (again.added, again.id, again.reason) == (False, short, "same content")
    # the same text from another outlet under that id: another report
    wire_copy = store.add(Article(text="The toll rose to 3.", id="6", outlet="Meridian Post"))
    assert wire_copy.renamed and wire_copy.id != short
    # a short derived id taken (by chance, or by an input's own id): the long one
    toll_9 = Article(text="The toll rose to 9.", id="6", outlet="Harbour Wire")
    assert store.add(Article(text="Unrelated.", id=derived_ids(toll_9)[0])).added
    assert store.add(toll_9).id == derived_ids(toll_9)[1]
    assert store.count()["articles"] == 5


def test_the_same_text_from_another_outlet_is_another_report(store: Store) -> None:
    """Ten sites running one wire story are one origin but ten reports: the store keeps each
    outlet's copy (the stories then count them as one origin), and only the same text from
    the same outlet again is a no-op."""
    wire = "Floods in the valley.\nTwo bridges closed."
    assert store.add(Article(text=wire, id="wire-1", outlet="Harbour Wire")).added
    assert store.add(Article(text=wire, id="post-1", outlet="Meridian Post")).added
    assert store.add(Article(text=wire, id="anon-1")).added  # no outlet is an outlet too
    again = store.add(Article(text=wire + "\n", id="post-2", outlet="Meridian Post"))
    assert (again.added, again.id, again.reason) == (False, "post-1", "same content")
    assert not store.add(Article(text=wire, id="anon-2")).added
    assert store.count()["articles"] == 3
    # with no input id, an article's id is its content hash: the same for both outlets
    bare = [Article(text="Bare wire copy."), Article(text="Bare wire copy.", outlet="Post")]
    assert [r.renamed for r in map(store.add, bare)] == [False, True]
    assert store.count()["articles"] == 5


def test_a_version_1_database_is_upgraded_in_place(store_url: str) -> None:
    from sqlalchemy import create_engine

    from corroborate.store.migrations import MIGRATIONS

    engine = create_engine(store_url)
    with engine.begin() as conn:  # a database written by the first release
        conn.exec_driver_sql(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY NOT NULL, "
            "description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        MIGRATIONS[0].apply(conn)
        conn.exec_driver_sql(
            "INSERT INTO schema_migrations VALUES (1, 'first release', '2026-01-01')"
        )
    engine.dispose()
    with Store(store_url) as store:
        assert store.add(Article(text="Wire copy.", id="w", outlet="Harbour Wire")).added
        assert [v for v, _, _ in store.migrations()] == [1, 2]
        assert store.add(Article(text="Wire copy.", id="p", outlet="Meridian Post")).added
        assert not store.add(Article(text="Wire copy.", id="w2", outlet="Harbour Wire")).added


def test_losing_a_race_to_store_the_same_content_is_still_a_no_op(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(plain("Wire copy, stored by another process.", "wire-7"))
    real_find = store_module._find_duplicate
    calls: list[str] = []

    def miss_the_first_time(conn, article):  # type: ignore[no-untyped-def]
        # As if the other process committed between our duplicate check and our insert.
        calls.append(article.id)
        return None if len(calls) == 1 else real_find(conn, article)

    monkeypatch.setattr(store_module, "_find_duplicate", miss_the_first_time)
    result = store.add(plain("Wire copy, stored by another process.", "site-3"))
    assert (result.added, result.id, result.reason) == (False, "wire-7", "same content")
    assert len(calls) == 2 and store.count()["articles"] == 1


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.text(
        # Surrogates cannot be encoded at all; PostgreSQL TEXT cannot hold NUL.
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        min_size=1,
    )
)
def test_any_text_comes_back_exactly(store: Store, text: str) -> None:
    result = store.add(Article(text=text))
    stored = store.get(result.id).text
    assert stored == text if result.added else content_id(stored) == content_id(text)


def test_get_accepts_a_unique_id_prefix(store: Store) -> None:
    for article_id in ("abcd1234", "abcd5678", "abce0000", "xy", "a_c%0000"):
        store.add(plain(f"Text of {article_id}.", article_id))

    assert store.get("abcd1").id == "abcd1234"
    assert store.get("abce").id == "abce0000"
    assert store.get("xy").id == "xy"  # an exact id may be short
    assert store.get("a_c%").id == "a_c%0000"  # LIKE wildcards are taken literally
    with pytest.raises(StoreError, match=r"ambiguous.*abcd1234, abcd5678.*more characters"):
        store.get("abcd")
    with pytest.raises(StoreError, match="at least 4"):
        store.get("abc")
    with pytest.raises(StoreError, match="no article with an id starting 'zzzz'"):
        store.get("zzzz")
    with pytest.raises(StoreError, match="a_cx"):
        store.get("a_cx")  # `_` must not match any character


def test_an_unknown_too_short_or_ambiguous_id_is_a_usage_error_naming_candidates(
    store: Store,
) -> None:
    """`show`, `report --story` and `report --article` resolve ids alike: through the store,
    a usage error (exit status 2) that lists a few ids to pick from."""
    stories, events = _stories()
    store.save_stories(stories, events)
    for article_id in ("flood-01", "flood-02", "fire-01"):
        store.add(plain(f"Text of {article_id}.", article_id))
    cases = [
        (store.story, "", r"no story with id ''; .*at least 4 .*\(story-floods, story-kursk;"),
        (store.story, "sto", r"at least 4 .*story-floods, story-kursk"),
        (store.story, "story", r"'story' is ambiguous.*story-floods, story-kursk"),
        (store.story, "story-x", r"'story-x' \(the nearest: story-floods, story-kursk\)"),
        (store.get, "flood", r"ambiguous.*flood-01, flood-02"),
        (store.get, "flood-03", r"the nearest: flood-01, flood-02\)"),
    ]
    for lookup, prefix, message in cases:
        with pytest.raises(UnknownIdError, match=message) as raised:
            lookup(prefix)
        assert isinstance(raised.value, UsageError) and isinstance(raised.value, StoreError)
        assert "\n" not in str(raised.value)


def test_migrations_are_recorded_once_and_reopening_is_idempotent(store_url: str) -> None:
    with Store(store_url) as store:
        applied = store.migrations()
        store.add(plain("Kept across reopening."))
    assert [version for version, _, _ in applied] == [1, 2]
    assert applied[0][1] and applied[0][2].startswith("20")

    for _ in range(2):
        with Store(store_url) as store:
            assert store.migrations() == applied
            assert store.count()["articles"] == 1


def test_a_database_newer_than_the_code_is_refused(store_url: str) -> None:
    with Store(store_url) as store, store._engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO schema_migrations (version, description, applied_at) "
            "VALUES (999, 'from the future', '2099-01-01')"
        )
    with pytest.raises(StoreError, match=r"schema version 999, newer .* upgrade corroborate"):
        Store(store_url)


def test_the_migrated_schema_is_the_schema_tables_py_describes(store: Store) -> None:
    from sqlalchemy import inspect

    from corroborate.store.tables import metadata

    inspector = inspect(store._engine)
    assert set(inspector.get_table_names()) == set(metadata.tables)
    for name, table in metadata.tables.items():
        in_db = {c["name"]: c["nullable"] for c in inspector.get_columns(name)}
        described = {c.name: c.nullable for c in table.columns}
        assert in_db == described, name
        assert set(inspector.get_pk_constraint(name)["constrained_columns"]) == {
            c.name for c in table.primary_key
        }, name


def test_save_analysis_replaces_atomically(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    old = full_article("kursk-2")
    store.add(old)

    new = full_article("kursk-2")
    new.quotes = new.quotes[:1]
    new.flags = [Flag(0, 5, "heading")]
    real_insert = store_module._insert

    def fail_at_flags(conn, table, rows):  # type: ignore[no-untyped-def]
        if table.name == "flags":  # the analysis, quotes and figures are already rewritten
            raise RuntimeError("simulated crash mid-write")
        real_insert(conn, table, rows)

    monkeypatch.setattr(store_module, "_insert", fail_at_flags)
    with pytest.raises(RuntimeError, match="simulated"):
        store.save_analysis(new)
    assert store.get("kursk-2") == old
    assert store.count()["quotes"] == 2

    monkeypatch.setattr(store_module, "_insert", real_insert)
    store.save_analysis(new)
    assert store.get("kursk-2") == new
    counts = store.count()
    assert (counts["analysed"], counts["quotes"], counts["figures"], counts["flags"]) == (
        1,
        1,
        2,
        1,
    )


def test_save_analysis_refuses_what_does_not_match_the_store(store: Store) -> None:
    with pytest.raises(StoreError, match="add\\(\\) it before"):
        store.save_analysis(full_article("nowhere"))
    store.add(plain("The stored text.", "a-1"))
    with pytest.raises(StoreError, match="different text"):
        store.save_analysis(plain("Another text.", "a-1"))


def test_listing_order_counts_and_unanalysed(store: Store) -> None:
    store.add(plain("Undated.", "u-1"))
    store.add(plain("Later.", "l-1", "2024-08-16"))
    store.add(plain("Earlier, second.", "e-2", "2024-08-15"))
    store.add(plain("Earlier, first.", "e-1", "2024-08-15"))
    store.add(full_article("k-1"))  # published 2024-08-15

    order = ["e-1", "e-2", "k-1", "l-1", "u-1"]  # by date, undated last, then id
    assert [a.id for a in store.articles()] == order
    assert [a.id for a in store.unanalysed()] == ["e-1", "e-2", "l-1", "u-1"]

    summaries = store.list_articles()
    assert [s.id for s in summaries] == order
    k1 = summaries[2]
    assert (k1.title, k1.outlet, k1.lang, k1.chars) == (
        "Kursk offensive continues",
        "Example Times",
        "en",
        len(TEXT),
    )
    assert (k1.analysed, k1.quotes, k1.figures, k1.flags) == (True, 2, 2, 2)
    assert not summaries[0].analysed and summaries[0].quotes == 0
    assert [s.id for s in store.list_articles(limit=2, offset=1)] == ["e-2", "k-1"]

    counts = store.count()
    assert counts == {
        "articles": 5,
        "analysed": 1,
        "quotes": 2,
        "figures": 2,
        "flags": 2,
        "stories": 0,
        "events": 0,
    }


def test_iterating_while_saving_analyses(store: Store) -> None:
    # The `corroborate analyze` pattern: write each article's analysis while iterating.
    for i in range(5):
        store.add(plain(f"Article number {i}.", f"n-{i}"))
    for article in store.unanalysed():
        article.analysed = True
        article.flags = [Flag(0, 7, "heading")]
        store.save_analysis(article)
    assert list(store.unanalysed()) == []
    assert store.count()["flags"] == 5


def _stories() -> tuple[list[Story], list[Event]]:
    story = Story(
        id="story-kursk",
        event="event-war",
        label="Kursk offensive",
        article_ids=["a-1", "a-2", "a-1"],  # a repeat must not break the link table
        start="2024-08-15",
        end="2024-08-16",
        key_entities=["Kursk", "Oleksandr Syrskyi"],
        headline="Ukraine advances in Kursk",
        origins=[Origin("o-1", ["a-1", "a-2"], ["Wire", "Site"], "exact_duplicate")],
        figures=[
            FigureGroup(
                "settlements_controlled",
                "Kursk region",
                "settlements",
                "update",
                [{"article": "a-1", "value": 72, "as_of": "2024-08-15"}],
                "72 on Monday, 74 on Tuesday",
            )
        ],
        claims=[ClaimGroup("c-1", "Ukraine holds 72 settlements", "corroborated", 2, [{}])],
        quotes=[QuoteTrack("q-1", "We hold…", [{"article": "a-1"}], True, "a-1")],
    )
    other = Story(id="story-floods", event="event-floods", label="Floods")
    events = [
        Event("event-war", "War", ["story-kursk"]),
        Event("event-floods", "Floods", ["story-floods"]),
    ]
    return [story, other], events


def test_stories_round_trip_and_are_replaced_as_a_whole(store: Store) -> None:
    stories, events = _stories()
    store.save_stories(stories, events)
    assert store.stories() == stories
    assert store.events() == events
    assert store.story("story-kursk") == stories[0]
    assert store.story("story-f") == stories[1]  # prefix
    with pytest.raises(StoreError, match="ambiguous"):
        store.story("story")
    with pytest.raises(StoreError, match="no story"):
        store.story("nope-nope")

    store.save_stories(stories[1:], events[1:])
    assert store.stories() == stories[1:]
    assert store.events() == events[1:]
    assert (store.count()["stories"], store.count()["events"]) == (1, 1)
    store.save_stories([], [])
    assert store.stories() == [] and store.events() == []


def test_recent_stories_and_a_scoped_save_leave_older_events_alone(store: Store) -> None:
    """`stories_since` gives the events with a story ending on or after a day (every story of
    them, older ones too); `save_stories(scope=...)` replaces only those rows, and the ones it
    gives take the scope's positions, new ones after every stored row."""

    def story(sid: str, event: str, start: str, end: str | None) -> Story:
        return Story(id=sid, event=event, label=sid, article_ids=[f"a-{sid}"], start=start, end=end)

    old = story("s-old", "e-old", "2026-01-02", "2026-01-03")
    long_ago = story("s-long", "e-now", "2026-01-05", "2026-01-06")  # same event as a recent one
    recent = story("s-recent", "e-now", "2026-03-01", "2026-03-02")
    undated = story("s-undated", "e-undated", "", None)
    events = [
        Event("e-old", "old", ["s-old"]),
        Event("e-now", "now", ["s-long", "s-recent"]),
        Event("e-undated", "undated", ["s-undated"]),
    ]
    store.save_stories([old, long_ago, recent, undated], events)
    stories, found = store.stories_since("2026-02-15")
    assert [s.id for s in stories] == ["s-long", "s-recent", "s-undated"]
    assert [e.id for e in found] == ["e-now", "e-undated"]

    # the recent event gains a story and drops its old one (merged elsewhere)
    new = story("s-new", "e-now", "2026-03-03", "2026-03-03")
    now = [recent, new, undated]
    store.save_stories(
        now,
        [Event("e-now", "now", ["s-recent", "s-new"]), events[2]],
        write={"s-new"},
        write_events={"e-now"},
        scope=({s.id for s in stories}, {e.id for e in found}),
    )
    assert [s.id for s in store.stories()] == ["s-old", "s-recent", "s-new", "s-undated"]
    assert [e.id for e in store.events()] == ["e-old", "e-now", "e-undated"]
    assert store.story("s-old") == old  # outside the scope: untouched
    assert store.count()["stories"] == 4


# -- crash safety (PostgreSQL runs it with SIGKILL) ----------------------------------------

CHILD = textwrap.dedent(
    """
    import signal, sys, time
    import corroborate.store.store as store_module

    # a job started in the background (nohup, `&`) inherits SIGINT ignored: restore Python's
    # Ctrl-C, which is what this test sends
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from corroborate.model import Article, Figure, Flag, Quote, Speaker
    from corroborate.store import Store

    url, total, pause_at = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    real_insert = store_module._insert

    def insert_then_pause(conn, table, rows):
        # Stop inside the transaction of article `pause_at`, after its article row and its
        # quotes are written, and tell the parent, which then kills us.
        real_insert(conn, table, rows)
        if table.name == "quotes" and rows and rows[0]["article_id"] == pause_at:
            print("inside", flush=True)
            time.sleep(60)

    store_module._insert = insert_then_pause
    sentence = 'The minister said "we hold 72 settlements". '
    with Store(url) as store:
        for i in range(total):
            article = Article(text=f"Report {i}. " + sentence * 10, id=f"art{i:03d}")
            starts = [article.text.index(sentence) + k * len(sentence) for k in range(10)]
            speaker = Speaker("Minister", 0, 12)
            article.quotes = [Quote(s, s + 40, "direct", speaker) for s in starts]
            article.figures = [Figure(s + 27, s + 41, 72) for s in starts]
            article.flags = [Flag(s, s + 12, "unattributed_claim") for s in starts]
            article.analysed = True
            result = store.add(article)
            print("added" if result.added else "skipped", article.id, flush=True)
    """
)
TOTAL, PAUSE_AT, ROWS = 12, 7, 10


def _run_child(url: str, pause_at: str, tmp_path: Path, code: str = CHILD) -> subprocess.Popen[str]:
    script = tmp_path / "child.py"
    script.write_text(code, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen(
        [sys.executable, str(script), url, str(TOTAL), pause_at],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _read_lines_until(proc: subprocess.Popen[str], marker: str, timeout: float = 30) -> list[str]:
    """The child's lines up to `marker`, read from the pipe's file descriptor: `select` on the
    text stream would not see lines already taken into its buffer (two lines written at
    once) and would wait, under load, for more that never come."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    lines: list[str] = []
    pending = ""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        *complete, pending = (pending + chunk.decode("utf-8")).split("\n")
        for line in complete:
            lines.append(line.strip())
            if line.strip() == marker:
                return lines
    proc.kill()
    raise AssertionError(f"child never printed {marker!r}: {lines} {proc.communicate()[1]}")


def _check_consistent(url: str, expected_ids: list[str]) -> None:
    """Every stored article is whole: text, analysis and all its rows; no orphan rows."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store(url) as store:
        assert [a.id for a in store.articles()] == expected_ids
        for summary in store.list_articles():
            assert summary.chars > 0 and summary.analysed
            assert (summary.quotes, summary.figures, summary.flags) == (ROWS, ROWS, ROWS)
        with store._engine.connect() as conn:
            for table in ("analyses", "quotes", "figures", "flags"):
                orphans = conn.exec_driver_sql(
                    f"SELECT COUNT(*) FROM {table} "
                    "WHERE article_id NOT IN (SELECT id FROM articles)"
                ).scalar()
                assert orphans == 0, table


@pytest.mark.timeout(60)
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_crash_mid_run_keeps_what_was_stored_and_no_half_article(
    store_url: str, tmp_path: Path, sig: signal.Signals
) -> None:
    check_crash_mid_run(store_url, tmp_path, sig)


def check_crash_mid_run(store_url: str, tmp_path: Path, sig: signal.Signals) -> None:
    """Kill a run inside an article's transaction; reopen, check, and run again."""
    Store(store_url).close()  # create the schema up front, as a previous run would have

    proc = _run_child(store_url, f"art{PAUSE_AT:03d}", tmp_path)
    lines = _read_lines_until(proc, "inside")
    assert lines[-2] == f"added art{PAUSE_AT - 1:03d}"
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=30)
    if sig == signal.SIGINT:
        assert proc.returncode != 0 and "KeyboardInterrupt" in stderr
    else:
        assert proc.returncode == -signal.SIGKILL
    stored = [f"art{i:03d}" for i in range(PAUSE_AT)]
    _check_consistent(store_url, stored)  # art007 was half-written: rolled back entirely

    # Running again completes: what was stored is skipped, the rest is added.
    proc = _run_child(store_url, "none", tmp_path)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert stdout.splitlines() == [f"skipped {i}" for i in stored] + [
        f"added art{i:03d}" for i in range(PAUSE_AT, TOTAL)
    ]
    _check_consistent(store_url, [f"art{i:03d}" for i in range(TOTAL)])


# -- one analyze at a time (run on PostgreSQL too) ----------------------------------------


def test_a_second_analyze_is_refused_naming_the_first(store_url: str) -> None:
    busy = (
        r"^another analyze has been running on this store since \d\d:\d\d "
        rf"\(pid {os.getpid()} on host {re.escape(socket.gethostname())}\); wait for it"
    )
    with Store(store_url) as first, Store(store_url) as second:
        with first.analyze_lock(), pytest.raises(StoreError, match=busy), second.analyze_lock():
            pass
        with second.analyze_lock():  # free again once the first has finished
            pass
        with pytest.raises(RuntimeError), first.analyze_lock():
            raise RuntimeError("a run that fails")
        with second.analyze_lock():  # ... or failed
            pass


LOCK_CHILD = textwrap.dedent(
    """
    import sys, time
    from corroborate.store import Store

    with Store(sys.argv[1]) as store, store.analyze_lock():
        print("locked", flush=True)
        time.sleep(60)
    """
)


@pytest.mark.timeout(60)
def test_a_killed_analyze_leaves_the_store_unlocked(store_url: str, tmp_path: Path) -> None:
    """SIGKILL runs no clean-up: the lock must go with the process (the kernel drops the
    SQLite lock file's flock, the server the PostgreSQL session's advisory lock)."""
    Store(store_url).close()
    proc = _run_child(store_url, "none", tmp_path, LOCK_CHILD)
    _read_lines_until(proc, "locked")
    with Store(store_url) as store:
        with pytest.raises(StoreError, match=rf"\(pid {proc.pid} on host "), store.analyze_lock():
            pass
        proc.kill()
        proc.communicate(timeout=30)
        deadline = time.monotonic() + 10  # the server notices the closed connection at once
        while True:
            try:
                with store.analyze_lock():
                    break
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


# -- SQLite specifics -----------------------------------------------------------------------------


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store, store_url: str) -> None:
    store.add(plain("Something to write."))
    with sqlite3.connect(store_url.removeprefix("sqlite:///")) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # persistent
    with store._engine.connect() as conn:  # per-connection settings
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 1000


def test_a_plain_path_is_an_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store("my.db") as store:
        store.add(plain("Stored in my.db."))
    assert (tmp_path / "my.db").is_file()
    with Store(f"sqlite:///{tmp_path / 'my.db'}") as store:
        assert store.count()["articles"] == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@host/db", r"unsupported database 'mysql'.*sqlite:///PATH.*postgresql://"),
        ("postgresql+pg8000://u@h/db", r"unsupported PostgreSQL driver 'pg8000'"),
        ("sqlite:////no/such/folder/c.db", r"cannot open .*folder exists"),
        ("postgresql://u@127.0.0.1:1/db", r"cannot connect|cannot open .*server is running"),
    ],
)
def test_bad_urls_say_what_to_fix(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store(url)


def test_a_missing_postgres_driver_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # makes `import psycopg` fail
    with pytest.raises(StoreError, match=r"driver missing.*pip install 'psycopg\[binary\]'"):
        Store("postgresql://user@localhost/corroborate")


def test_an_incremental_save_moves_kept_rows_to_their_new_positions(tmp_path: Path) -> None:
    """A story dated before the stored ones goes first; the kept rows move (one batched
    update), are not rewritten, and read back in the new order."""
    from corroborate.model import Event, Story

    def story(sid: str, start: str) -> Story:
        return Story(id=sid, event="e1", label=sid, start=start, end=start)

    with Store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        first = [story("s-b", "2026-03-10"), story("s-c", "2026-03-11")]
        store.save_stories(first, [Event("e1", "event", ["s-b", "s-c"])])
        now = [story("s-a", "2026-03-09"), *first]
        store.save_stories(
            now,
            [Event("e1", "event", ["s-a", "s-b", "s-c"])],
            write={"s-a"},
            write_events={"e1"},
        )
        assert [s.id for s in store.stories()] == ["s-a", "s-b", "s-c"]
