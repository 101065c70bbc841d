"""The schema as SQLAlchemy Core tables, for building queries.

The database is created by `migrations.py`, not from these definitions (migrations are
frozen history; this is the current shape). A test checks that they agree.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, Table, Text

metadata = MetaData()


def _article_fk() -> Column[str]:
    return Column(
        "article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Text),
    Column("author", Text),
    Column("lang", Text),
    Column("origin", Text),
    # unique together with the outlet (migration 2: an expression index, not described here)
    Column("content_hash", Text, nullable=False),
    Column("added_at", Text, nullable=False),  # ISO 8601, UTC
)

analyses = Table(
    "analyses",
    metadata,
    _article_fk(),
    Column("schema", Text, nullable=False),
    Column("analysed_at", Text, nullable=False),  # ISO 8601, UTC
    # The contract dict (corroborate.article/1) without the fields `articles` owns.
    Column("data", Text, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),  # index into Article.quotes
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("speaker", Text),
    Column("title", Text),
)

figures = Table(
    "figures",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),  # index into Article.figures
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("unit", Text),
    Column("measure", Text),
    Column("location", Text),
    Column("as_of", Text),
    Column("source_name", Text),
    Column("source_kind", Text, nullable=False),
)

flags = Table(
    "flags",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),  # index into Article.flags
    Column("kind", Text, nullable=False),
    Column("severity", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("data", Text, nullable=False),  # the whole Event as JSON
)

stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("event", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("start", Text),
    Column("end", Text),
    Column("data", Text, nullable=False),  # the whole Story as JSON
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", Text, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", Text, primary_key=True),
)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)
