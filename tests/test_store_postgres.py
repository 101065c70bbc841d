"""The store on a real PostgreSQL server, started for this module and thrown away after.

The backend-neutral tests of test_store.py are imported here; pytest runs them again with
this module's `store_url` fixture, which points at the throwaway server. Skipped, with the
reason, when no PostgreSQL server binaries (initdb, pg_ctl) are installed.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

if __package__:  # tests/ made a package: import the sibling module relative to it
    from .test_store import (
        check_crash_mid_run,
        test_a_database_newer_than_the_code_is_refused,
        test_a_killed_analyze_leaves_the_store_unlocked,
        test_a_second_analyze_is_refused_naming_the_first,
        test_a_version_1_database_is_upgraded_in_place,
        test_add_an_analysed_article_stores_its_analysis_in_the_same_call,
        test_an_analysis_that_found_nothing_is_still_an_analysis,
        test_an_unknown_too_short_or_ambiguous_id_is_a_usage_error_naming_candidates,
        test_another_report_under_a_stored_id_is_stored_under_a_derived_id,
        test_any_text_comes_back_exactly,
        test_get_accepts_a_unique_id_prefix,
        test_iterating_while_saving_analyses,
        test_listing_order_counts_and_unanalysed,
        test_losing_a_race_to_store_the_same_content_is_still_a_no_op,
        test_migrations_are_recorded_once_and_reopening_is_idempotent,
        test_recent_stories_and_a_scoped_save_leave_older_events_alone,
        test_round_trip_every_annotation_kind,
        test_save_analysis_refuses_what_does_not_match_the_store,
        test_save_analysis_replaces_atomically,
        test_stories_round_trip_and_are_replaced_as_a_whole,
        test_the_migrated_schema_is_the_schema_tables_py_describes,
        test_the_same_id_or_the_same_content_again_is_a_no_op,
        test_the_same_text_from_another_outlet_is_another_report,
    )
else:  # pytest's default rootdir-less import: tests/ itself is on sys.path
    from test_store import (  # type: ignore[no-redef]
        check_crash_mid_run,
        test_a_database_newer_than_the_code_is_refused,
        test_a_killed_analyze_leaves_the_store_unlocked,
        test_a_second_analyze_is_refused_naming_the_first,
        test_a_version_1_database_is_upgraded_in_place,
        test_add_an_analysed_article_stores_its_analysis_in_the_same_call,
        test_an_analysis_that_found_nothing_is_still_an_analysis,
        test_an_unknown_too_short_or_ambiguous_id_is_a_usage_error_naming_candidates,
        test_another_report_under_a_stored_id_is_stored_under_a_derived_id,
        test_any_text_comes_back_exactly,
        test_get_accepts_a_unique_id_prefix,
        test_iterating_while_saving_analyses,
        test_listing_order_counts_and_unanalysed,
        test_losing_a_race_to_store_the_same_content_is_still_a_no_op,
        test_migrations_are_recorded_once_and_reopening_is_idempotent,
        test_recent_stories_and_a_scoped_save_leave_older_events_alone,
        test_round_trip_every_annotation_kind,
        test_save_analysis_refuses_what_does_not_match_the_store,
        test_save_analysis_replaces_atomically,
        test_stories_round_trip_and_are_replaced_as_a_whole,
        test_the_migrated_schema_is_the_schema_tables_py_describes,
        test_the_same_id_or_the_same_content_again_is_a_no_op,
        test_the_same_text_from_another_outlet_is_another_report,
    )

from corroborate.store import Store

pytestmark = pytest.mark.postgres

__all__ = [  # re-exported on purpose: pytest collects them here against PostgreSQL
    "test_a_database_newer_than_the_code_is_refused",
    "test_a_killed_analyze_leaves_the_store_unlocked",
    "test_a_second_analyze_is_refused_naming_the_first",
    "test_a_version_1_database_is_upgraded_in_place",
    "test_add_an_analysed_article_stores_its_analysis_in_the_same_call",
    "test_an_analysis_that_found_nothing_is_still_an_analysis",
    "test_an_unknown_too_short_or_ambiguous_id_is_a_usage_error_naming_candidates",
    "test_another_report_under_a_stored_id_is_stored_under_a_derived_id",
    "test_any_text_comes_back_exactly",
    "test_get_accepts_a_unique_id_prefix",
    "test_iterating_while_saving_analyses",
    "test_listing_order_counts_and_unanalysed",
    "test_losing_a_race_to_store_the_same_content_is_still_a_no_op",
    "test_migrations_are_recorded_once_and_reopening_is_idempotent",
    "test_recent_stories_and_a_scoped_save_leave_older_events_alone",
    "test_round_trip_every_annotation_kind",
    "test_save_analysis_refuses_what_does_not_match_the_store",
    "test_save_analysis_replaces_atomically",
    "test_stories_round_trip_and_are_replaced_as_a_whole",
    "test_the_migrated_schema_is_the_schema_tables_py_describes",
    "test_the_same_id_or_the_same_content_again_is_a_no_op",
    "test_the_same_text_from_another_outlet_is_another_report",
]


def _server_binaries() -> Path | None:
    """The folder with initdb and pg_ctl: on PATH, or the newest Debian-style install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    installed = glob.glob("/usr/lib/postgresql/*/bin/initdb")

    def major(path: str) -> float:
        try:
            return float(Path(path).parts[-3])
        except ValueError:
            return 0.0

    return Path(max(installed, key=major)).parent if installed else None


def _as_server_user() -> tuple[Callable[[], None] | None, int | None]:
    """initdb and postgres refuse to run as root: when we are root, run them as `postgres`."""
    if os.geteuid() != 0:
        return None, None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no 'postgres' user to run the server as")

    def drop_privileges() -> None:
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    return drop_privileges, user.pw_uid


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server; yields the URL of its `postgres` database."""
    pytest.importorskip("psycopg", reason="psycopg (the PostgreSQL driver) is not installed")
    binaries = _server_binaries()
    if binaries is None:
        pytest.skip(
            "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql"
        )
    preexec, uid = _as_server_user()
    base = Path(tempfile.mkdtemp(prefix="corroborate-pg-"))
    if uid is not None:
        os.chown(base, uid, -1)
    data, port = base / "data", _free_port()

    def run(*args: str) -> None:
        done = subprocess.run(
            args, preexec_fn=preexec, capture_output=True, text=True, timeout=60, cwd=base
        )
        if done.returncode != 0:
            log = base / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}{tail}")

    try:
        # trust auth on a throwaway server that listens on loopback and a private socket dir;
        # --no-sync and -F (no fsync) because durability of test data does not matter.
        run(str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync")  # fmt: skip
        options = f"-F -p {port} -k {base} -c listen_addresses=127.0.0.1"
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"),
            "-o", options, "-w", "-t", "30", "start")  # fmt: skip
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            with contextlib.suppress(Exception):
                run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def store_url(postgres_server: str) -> str:
    """The server's database, emptied: each test starts from a fresh schema."""
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return postgres_server


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


@pytest.mark.timeout(60)
def test_a_crash_mid_run_keeps_what_was_stored_and_no_half_article(
    store_url: str, tmp_path: Path
) -> None:
    # SIGKILL: the server must roll back the open transaction of a client that vanished.
    # (SIGINT is the client's own rollback, the same code as on SQLite.)
    check_crash_mid_run(store_url, tmp_path, signal.SIGKILL)


def test_it_really_is_postgresql(store: Store) -> None:
    assert store._engine.dialect.name == "postgresql"
    assert store._engine.dialect.driver == "psycopg"
    assert store.url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
