"""One `analyze` at a time per store, with a lock that dies with the process holding it.

Two analyses of one store at once both analyse every new report and both rewrite the stories
from what each read before the other wrote: flags and story memberships get lost. So
`analyze` holds this lock and a second one is refused, naming the first.

A row in the store saying "pid N on host H holds the lock" would outlive a run killed with
SIGKILL; whether that process is gone can be told only on its own host, and not at all once
its pid is reused. So the lock is one the operating system or the server drops by itself
when its holder dies, and only the description of the holder is written down:

- PostgreSQL: a session-level advisory lock, on a connection kept open for the whole run.
  The server drops it when that connection ends, whatever ended it (the client exiting,
  crashing or being killed, on any host). The holder names itself in the connection's
  `application_name`, which a refused run reads from `pg_stat_activity`.
- SQLite: `flock` on a file next to the database (`corroborate.db.analyze-lock`), which the
  kernel drops when the process exits or dies. The holder writes who it is into that file.
  SQLite needs every process using a database on one host anyway (its own locks do not
  work over network file systems), so a lock local to the host is enough.

An in-memory SQLite database has no other process to keep out: it needs no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from corroborate.errors import StoreError

# The advisory lock's two keys ("corr", "anlz"). The two-key form keeps it apart from the
# one-key transaction lock the migrations take. Advisory locks are per database, so two
# stores on one server do not block each other.
_PG_KEYS = {"k1": 0x636F7272, "k2": 0x616E6C7A}
# psycopg may send a Python int as bigint: the casts pick the two-integer form.
_PG_TRY_LOCK = "SELECT pg_try_advisory_lock(CAST(:k1 AS integer), CAST(:k2 AS integer))"
_PG_NAME = "corroborate analyze"  # application_name: "corroborate analyze PID@HOST"


@contextlib.contextmanager
def hold_analyze_lock(engine: Engine) -> Iterator[None]:
    """Hold the store's analyze lock while the block runs; StoreError when another process
    holds it. Driver errors are the caller's to wrap."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine):
            yield
        return
    database = engine.url.database
    if database in (None, "", ":memory:"):
        yield
        return
    with _file_lock(Path(f"{database}.analyze-lock")):
        yield


@contextlib.contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    with engine.connect() as conn:
        try:
            name = f"{_PG_NAME} {os.getpid()}@{socket.gethostname()}"[:63]  # NAMEDATALEN - 1
            conn.execute(
                text("SELECT set_config('application_name', :name, false)"), {"name": name}
            )
            got = conn.execute(text(_PG_TRY_LOCK), _PG_KEYS).scalar()
            if not got:
                raise _busy(*_pg_holder(conn))
            # End the transaction the queries opened: the lock belongs to the session, and a
            # connection idle in a transaction for the whole run would hold back VACUUM.
            conn.commit()
            yield
        finally:
            # Closing the session is what releases the lock, exactly as when a run crashes;
            # the connection, renamed, is not handed back to the pool.
            conn.invalidate()


def _pg_holder(conn: Connection) -> tuple[int | None, str | None, datetime | None]:
    """(pid, host, since) of the session holding the lock, as far as this database user may
    see it (other users' sessions show no application_name)."""
    row = conn.execute(
        text(
            "SELECT a.application_name, a.query_start FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
            "AND l.classid::bigint = :k1 AND l.objid::bigint = :k2 "
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        ),
        _PG_KEYS,
    ).first()
    if row is None:
        return None, None, None
    found = re.fullmatch(rf"{_PG_NAME} (\d+)@(.+)", row.application_name or "")
    # query_start: the holder's last statement, the COMMIT right after it took the lock
    since = row.query_start
    if found is None:
        return None, None, since
    return int(found[1]), found[2], since


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        # "a+": create it if missing, never truncate what the holder wrote before we know
        # whether we hold the lock. The file stays after the run: deleting a lock file races
        # with a process that has just opened it.
        handle = path.open("a+", encoding="utf-8")
    except OSError as exc:
        raise StoreError(
            f"cannot create the lock file {path}: {exc.strerror}; check that you may write "
            "to the database's folder"
        ) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise _busy(*_file_holder(handle.read())) from None
        handle.truncate(0)
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "since": _now()}
        handle.write(json.dumps(holder) + "\n")
        handle.flush()
        yield  # closing the file releases the lock


def _file_holder(written: str) -> tuple[int | None, str | None, datetime | None]:
    try:
        holder: dict[str, Any] = json.loads(written)
        return int(holder["pid"]), str(holder["host"]), datetime.fromisoformat(holder["since"])
    except (ValueError, KeyError, TypeError):  # read before the holder wrote it
        return None, None, None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _busy(pid: int | None, host: str | None, since: datetime | None) -> StoreError:
    when = ""
    if since is not None:
        local = since.astimezone()
        same_day = local.date() == datetime.now().astimezone().date()
        when = f" since {local:%H:%M}" if same_day else f" since {local:%Y-%m-%d %H:%M}"
    who = f" (pid {pid} on host {host})" if pid is not None else ""
    return StoreError(
        f"another analyze has been running on this store{when}{who}; wait for it, or stop "
        "it (its lock goes with it) and run analyze again"
    )
