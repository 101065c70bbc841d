"""Turning a database URL into a configured SQLAlchemy engine.

Only two back ends are supported, because the migrations are written and tested for exactly
these two: SQLite (the default, one file, no server) and PostgreSQL through psycopg 3.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from corroborate.errors import StoreError

# How long a writer waits for another process's write lock before giving up (milliseconds).
# Long enough to ride out another `corroborate add` committing, short enough to report a
# genuinely stuck lock instead of hanging.
BUSY_TIMEOUT_MS = 30_000

# Set on a connection (`conn.execution_options(**WRITE)`) whose next transaction will write.
# On SQLite such a transaction starts with BEGIN IMMEDIATE: it takes the write lock up front,
# so a read-then-write transaction (duplicate check, then insert) can never fail half-way
# with SQLITE_BUSY when two processes add at the same time.
WRITE = {"corroborate_write": True}

_POSTGRES_INSTALL = (
    "install the driver with: pip install 'psycopg[binary]' (or corroborate[postgres])"
)


def parse_url(url: str) -> URL:
    """Parse and normalise a database URL; a plain path means an SQLite file."""
    if "://" not in url:
        # `--db corpus.db` is what people type; treat it as the file it obviously is.
        url = f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"not a database URL: {url!r}; use sqlite:///PATH (or just a path) or "
            "postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
        ) from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":  # the Heroku-style spelling
        backend = "postgresql"
    if backend == "postgresql":
        if driver not in ("", "psycopg"):
            raise StoreError(
                f"unsupported PostgreSQL driver {driver!r} in {mask(parsed)}; "
                "use postgresql://… (psycopg 3)"
            )
        # Plain postgresql:// would mean psycopg2 to SQLAlchemy; we use psycopg 3.
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise StoreError(f"unsupported SQLite driver {driver!r} in {mask(parsed)}")
        return parsed.set(drivername="sqlite")
    raise StoreError(
        f"unsupported database {backend!r} in {mask(parsed)}; corroborate stores into "
        "SQLite (sqlite:///PATH) or PostgreSQL (postgresql://USER@HOST/DATABASE)"
    )


def mask(url: URL) -> str:
    """The URL as it may appear in a message: password hidden."""
    return url.render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine for `url`, with SQLite set up for safe concurrent use (WAL, foreign keys)."""
    parsed = parse_url(url)
    try:
        engine = create_engine(parsed)
    except NoSuchModuleError as exc:  # pragma: no cover - parse_url only lets known ones through
        raise StoreError(f"no SQLAlchemy dialect for {mask(parsed)}: {exc}") from None
    except ImportError as exc:
        hint = _POSTGRES_INSTALL if parsed.get_backend_name() == "postgresql" else str(exc)
        raise StoreError(f"cannot open {mask(parsed)}: driver missing ({exc}); {hint}") from None
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Python's sqlite3 only emits BEGIN before INSERT/UPDATE/DELETE, so DDL and reads would
        # run outside the transaction; a migration could then be half-applied. Turn its own
        # transaction handling off and let the "begin" hook below emit BEGIN for every
        # transaction (the recipe from the SQLAlchemy SQLite dialect documentation).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # WAL: readers never block the writer and a crash mid-commit leaves the last
            # committed state intact. The mode is persistent, setting it again is a no-op.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # synchronous stays at its default FULL: an article reported as added survives a
            # power cut too, not only a crash of this process.
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get("corroborate_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in one write transaction: committed on success, rolled back on any
    exception, KeyboardInterrupt included (so Ctrl-C never leaves half an article)."""
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            yield conn


def database_exists(url: str) -> bool:
    """False only for an SQLite file that is not there yet (a server database is assumed)."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return True
    return Path(parsed.database).exists()
