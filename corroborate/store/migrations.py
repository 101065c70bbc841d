"""Schema migrations, recorded in the database itself (`schema_migrations`).

Each migration is applied in its own transaction together with the row that records it, so
a database is always at exactly one version. Migrations are frozen once released: never edit
one, append a new one. The SQL is plain and portable between SQLite and PostgreSQL
(`"end"` is quoted because it is reserved in PostgreSQL; JSON is kept as TEXT so that both
back ends store and return the same string; primary keys say NOT NULL because SQLite would
otherwise accept NULL in a TEXT primary key). `tables.py` describes the resulting schema
for queries; a test checks the two agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text

from corroborate.errors import StoreError
from corroborate.store.engine import write_transaction


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _sql(*statements: str) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.exec_driver_sql(statement)

    return apply


_V1 = _sql(
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL,
        text TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        published TEXT,
        author TEXT,
        lang TEXT,
        origin TEXT,
        content_hash TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    # "The same content again" is found through this index, and it makes a racing second
    # writer of the same text fail instead of storing it twice.
    "CREATE UNIQUE INDEX ix_articles_content_hash ON articles (content_hash)",
    "CREATE INDEX ix_articles_published ON articles (published, id)",
    """CREATE TABLE analyses (
        article_id TEXT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        schema TEXT NOT NULL,
        analysed_at TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        title TEXT,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX ix_quotes_speaker ON quotes (speaker)",
    """CREATE TABLE figures (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        value_max DOUBLE PRECISION,
        unit TEXT,
        measure TEXT,
        location TEXT,
        as_of TEXT,
        source_name TEXT,
        source_kind TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX ix_figures_measure ON figures (measure, location)",
    """CREATE TABLE flags (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX ix_flags_kind ON flags (kind)",
    # Stories and events are derived data, replaced as a whole by save_stories(). `position`
    # keeps the order the corpus layer handed them over in.
    """CREATE TABLE events (
        id TEXT PRIMARY KEY NOT NULL,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY NOT NULL,
        position INTEGER NOT NULL,
        event TEXT NOT NULL,
        label TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        data TEXT NOT NULL
    )""",
    # article_id has no foreign key on purpose: a story may name an article the store
    # collapsed as a duplicate, and stories are recomputed wholesale anyway.
    """CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    )""",
    "CREATE INDEX ix_story_articles_article ON story_articles (article_id)",
)

# The same wire story run by two outlets is two reports of one origin: "the same content
# again" is now the same text from the same outlet (no outlet counts as one), so the store
# keeps every outlet that ran a story, as `run` and `stories` do.
_V2 = _sql(
    "DROP INDEX ix_articles_content_hash",
    "CREATE UNIQUE INDEX ix_articles_content_outlet ON articles "
    "(content_hash, (COALESCE(outlet, '')))",
)

MIGRATIONS: list[Migration] = [
    Migration(1, "articles, analyses, quotes, figures, flags, stories, events", _V1),
    Migration(2, "the same text from another outlet is another article", _V2),
]

LATEST = MIGRATIONS[-1].version

_BOOTSTRAP = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY NOT NULL,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

# Any constant shared by all corroborate processes: the PostgreSQL advisory lock that makes
# two processes opening a fresh database at once apply each migration only once.
# (On SQLite the write transaction's BEGIN IMMEDIATE does the same.)
_PG_LOCK = 0x636F7272


def current_version(conn: Connection) -> int:
    found = conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar()
    return int(found or 0)


def migrate(engine: Engine, where: str) -> int:
    """Bring the database up to LATEST; return its version. `where` names it in messages."""
    with write_transaction(engine) as conn:
        _lock(conn)
        conn.exec_driver_sql(_BOOTSTRAP)
        version = _checked_version(conn, where)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with write_transaction(engine) as conn:
            _lock(conn)
            if _checked_version(conn, where) >= migration.version:
                continue  # another process applied it while we waited for the lock
            migration.apply(conn)
            conn.execute(
                text(
                    "INSERT INTO schema_migrations (version, description, applied_at) "
                    "VALUES (:version, :description, :applied_at)"
                ),
                {
                    "version": migration.version,
                    "description": migration.description,
                    "applied_at": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
    return LATEST


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})


def _checked_version(conn: Connection, where: str) -> int:
    version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"{where} has schema version {version}, newer than this corroborate "
            f"understands ({LATEST}); upgrade corroborate to use it"
        )
    return version
