"""The Store: articles, their analyses and the stories built from them, in one database."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from corroborate.errors import StoreError, UsageError
from corroborate.model import Article, Event, Story
from corroborate.store import tables as t
from corroborate.store.convert import (
    analysis_rows,
    article_from_rows,
    article_row,
    derived_ids,
    dumps,
    event_from_dict,
    event_to_dict,
    report_key,
    story_from_dict,
    story_to_dict,
)
from corroborate.store.engine import make_engine, mask, parse_url, write_transaction
from corroborate.store.lock import hold_analyze_lock
from corroborate.store.migrations import migrate

MIN_PREFIX = 4  # like git: shorter prefixes are too likely to be ambiguous to be useful
_BATCH = 200  # articles loaded per query when iterating


class UnknownIdError(StoreError, UsageError):
    """An id or id prefix the user gave names no stored article or story, or several: a
    usage error (exit status 2), raised by the store, which alone can look the ids up."""


@dataclass(frozen=True, slots=True)
class AddResult:
    """What add() did: stored the article (under its own id or a derived one), or found it
    already there."""

    # the id the article is stored under: its own, a derived one (`renamed`), or the id of
    # the stored copy
    id: str
    added: bool
    reason: Literal["same id", "same content"] | None = None  # why it was not added
    renamed: bool = False  # its own id already named another report: stored under `id`

    @property
    def duplicate(self) -> bool:
        return not self.added

    def message(self) -> str:
        if self.renamed:
            return f"id already names another report; stored as {self.id}"
        if self.added:
            return f"added {self.id}"
        return f"already stored as {self.id} ({self.reason}); skipped"


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of `corroborate list`."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    chars: int
    analysed: bool
    quotes: int
    figures: int
    flags: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Persistence for corroborate: SQLite by default, PostgreSQL by URL.

    Every write is one transaction: an article with its analysis is stored entirely or not
    at all, so a crash or Ctrl-C mid-run loses at most the article being written.
    """

    def __init__(self, url: str = "sqlite:///corroborate.db") -> None:
        self.url = mask(parse_url(url))
        self._engine = make_engine(url)
        try:
            self.version = migrate(self._engine, self.url)
        except StoreError:
            self._engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open {self.url}: {_reason(exc)}; {_hint(exc)}") from None

    # -- life cycle ----------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn driver errors into StoreError naming the action and the database."""
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{action} in {self.url} failed: {_reason(exc)}; {_hint(exc)}"
            ) from exc

    @contextlib.contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        with self._errors(action), write_transaction(self._engine) as conn:
            yield conn

    @contextlib.contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        with self._errors(action), self._engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def analyze_lock(self) -> Iterator[None]:
        """Held while `corroborate analyze` works on this store: a second analyze is refused
        with a StoreError naming the one running (see `lock.py`, also for why a crashed run
        never leaves the store locked)."""
        with self._errors("locking the store for analyze"), hold_analyze_lock(self._engine):
            yield

    def migrations(self) -> list[tuple[int, str, str]]:
        """The applied schema migrations: (version, description, applied_at), oldest first."""
        m = t.schema_migrations
        query = select(m.c.version, m.c.description, m.c.applied_at).order_by(m.c.version)
        with self._read("reading the schema version") as conn:
            return [(int(v), str(d), str(at)) for v, d, at in conn.execute(query)]

    # -- articles --------------------------------------------------------------------------

    def add(self, article: Article) -> AddResult:
        """Store a new article (with its analysis, if it has been analysed), in one transaction.

        The same text from the same outlet is already stored (under any id): nothing is
        written and the result names the stored article. A different report whose id is
        already taken is not dropped: it is stored under a derived id (`derived_ids`), which
        the result gives; `article` itself keeps its id.
        """
        try:
            return self._add(article)
        except StoreError as exc:
            # Another process stored the same article, or took its id, between our check and
            # our insert (PostgreSQL; SQLite's BEGIN IMMEDIATE rules that out): look again.
            if not isinstance(exc.__cause__, IntegrityError):
                raise
            return self._add(article)

    def _add(self, article: Article) -> AddResult:
        with self._write(f"adding article {article.id}") as conn:
            found = _find_duplicate(conn, article)
            if found is not None:
                return found
            stored = replace(article, id=_free_id(conn, article))
            conn.execute(insert(t.articles), article_row(stored, _now()))
            if stored.analysed:
                _write_analysis(conn, stored)
        return AddResult(stored.id, added=True, renamed=stored.id != article.id)

    def save_analysis(self, article: Article) -> None:
        """Replace the stored analysis of `article` with its current annotations, atomically:
        a failure half-way leaves the previous analysis untouched."""
        with self._write(f"saving the analysis of {article.id}") as conn:
            stored = conn.execute(
                select(t.articles.c.text).where(t.articles.c.id == article.id)
            ).scalar()
            if stored is None:
                raise StoreError(
                    f"article {article.id} is not in {self.url}; add() it before saving "
                    "its analysis"
                )
            if stored != article.text:
                # Offsets index the text; an analysis of another text would point nowhere.
                raise StoreError(
                    f"the analysis of {article.id} is of a different text than the stored "
                    "one; analyse the stored article (get() it) instead"
                )
            _write_analysis(conn, article)

    def get(self, id: str) -> Article:
        """The article with this id or unique id prefix (at least 4 characters)."""
        with self._read(f"reading article {id}") as conn:
            full = _resolve(conn, t.articles, id, "article", "`corroborate list` shows the ids")
            return _load(conn, [full])[0]

    def articles(self) -> Iterator[Article]:
        """Every article, by publication date (undated last), then id."""
        with self._read("listing articles") as conn:
            ids = list(conn.execute(select(t.articles.c.id).order_by(*_chronological())).scalars())
        yield from self._iterate(ids)

    def unanalysed(self) -> Iterator[Article]:
        """The articles with no analysis yet, in the order of articles()."""
        has_analysis = exists().where(t.analyses.c.article_id == t.articles.c.id)
        query = select(t.articles.c.id).where(~has_analysis).order_by(*_chronological())
        with self._read("listing unanalysed articles") as conn:
            ids = list(conn.execute(query).scalars())
        yield from self._iterate(ids)

    def _iterate(self, ids: list[str]) -> Iterator[Article]:
        # The ids are read up front and the articles loaded in batches, each in its own short
        # read: no transaction stays open while the caller works, so the caller can write
        # (save_analysis) as it goes, and memory stays bounded on a large corpus.
        for i in range(0, len(ids), _BATCH):
            with self._read("reading articles") as conn:
                batch = _load(conn, ids[i : i + _BATCH])
            yield from batch

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        a = t.articles

        def counted(table: Table) -> Any:
            return (
                select(func.count())
                .where(table.c.article_id == a.c.id)
                .scalar_subquery()
                .label(table.name)
            )

        query = (
            select(
                a.c.id,
                a.c.title,
                a.c.outlet,
                a.c.published,
                a.c.lang,
                func.length(a.c.text).label("chars"),
                exists().where(t.analyses.c.article_id == a.c.id).label("analysed"),
                counted(t.quotes),
                counted(t.figures),
                counted(t.flags),
            )
            .order_by(*_chronological())
            .limit(limit)
            .offset(offset)
        )
        with self._read("listing articles") as conn:
            return [
                ArticleSummary(**{**row._asdict(), "analysed": bool(row.analysed)})
                for row in conn.execute(query)
            ]

    def count(self) -> dict[str, int]:
        """How many of each: articles, analysed, quotes, figures, flags, stories, events."""
        counts = {
            "articles": t.articles,
            "analysed": t.analyses,
            "quotes": t.quotes,
            "figures": t.figures,
            "flags": t.flags,
            "stories": t.stories,
            "events": t.events,
        }
        with self._read("counting") as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
                for name, table in counts.items()
            }

    # -- stories ---------------------------------------------------------------------------

    def save_stories(
        self,
        stories: Sequence[Story],
        events: Sequence[Event],
        *,
        write: Collection[str] | None = None,
        write_events: Collection[str] | None = None,
        flagged: Sequence[Article] = (),
        scope: tuple[Collection[str], Collection[str]] | None = None,
    ) -> None:
        """Make `stories` and `events` (every one, in order) the stored ones, in one transaction.

        By default every stored story and event is replaced (a rebuild). With `write` and
        `write_events` (ids), only those rows are deleted and inserted again, stored ones no
        longer given are deleted, and the rest are left as they are, only moved to their new
        position: an incremental update writes what changed. `flagged`: articles whose flags
        changed (story-level flags), saved in the same transaction.

        `scope` (stored story ids, stored event ids; with `write`): `stories` and `events`
        replace only those stored rows (what `stories_since` returned), not every one; the
        others stay as they are, and the given ones take the positions the scope held, then
        new ones after every stored row.
        """
        with self._write("saving stories") as conn:
            if write is None or write_events is None:
                for table in (t.story_articles, t.stories, t.events):
                    conn.execute(delete(table))
                write, write_events = {s.id for s in stories}, {e.id for e in events}
            story_scope, event_scope = scope if scope is not None else (None, None)
            event_ids = [e.id for e in events]
            fresh_events, event_at = _keep_only(
                conn, t.events, event_ids, write_events, event_scope
            )
            story_ids = [s.id for s in stories]
            fresh, story_at = _keep_only(conn, t.stories, story_ids, write, story_scope)
            _insert(
                conn,
                t.events,
                [
                    {
                        "id": e.id,
                        "position": event_at[e.id],
                        "label": e.label,
                        "data": dumps(event_to_dict(e)),
                    }
                    for e in events
                    if e.id in fresh_events
                ],
            )
            written = [(story_at[s.id], s) for s in stories if s.id in fresh]
            _insert(
                conn,
                t.stories,
                [
                    {
                        "id": s.id,
                        "position": i,
                        "event": s.event,
                        "label": s.label,
                        "start": s.start,
                        "end": s.end,
                        "data": dumps(story_to_dict(s)),
                    }
                    for i, s in written
                ],
            )
            _insert(
                conn,
                t.story_articles,
                [
                    {"story_id": s.id, "article_id": aid}
                    for _, s in written
                    for aid in dict.fromkeys(s.article_ids)  # unique, order kept
                ],
            )
            for article in flagged:
                _write_flags(conn, article)

    def has_unstoried(self) -> bool:
        """Whether an analysed article is in no story yet (what an incremental analyze adds)."""
        found = (
            select(t.analyses.c.article_id)
            .where(~exists().where(t.story_articles.c.article_id == t.analyses.c.article_id))
            .limit(1)
        )
        with self._read("looking for articles without a story") as conn:
            return conn.execute(found).first() is not None

    def unstoried(self) -> list[tuple[str, str | None]]:
        """(id, published) of every analysed article in no story yet: what an incremental
        analyze groups."""
        found = select(t.analyses.c.article_id, t.articles.c.published).where(
            t.articles.c.id == t.analyses.c.article_id,
            ~exists().where(t.story_articles.c.article_id == t.analyses.c.article_id),
        )
        with self._read("looking for articles without a story") as conn:
            return [(str(i), p) for i, p in conn.execute(found)]

    def stories_since(self, day: str) -> tuple[list[Story], list[Event]]:
        """The events with a story that ends on or after `day` (ISO date) or has no date, and
        every story of those events (older ones too), in stored order.

        What a new report dated a window after `day` can still join or link to: an
        incremental analyze regroups only these and leaves older events as they are.
        """
        ends = t.stories.c.end
        active = select(t.stories.c.event).where(or_(ends.is_(None), ends >= day)).distinct()
        stories = select(t.stories.c.data).where(t.stories.c.event.in_(active))
        events = select(t.events.c.data).where(t.events.c.id.in_(active))
        with self._read("reading recent stories") as conn:
            found = conn.execute(stories.order_by(t.stories.c.position)).scalars()
            story_list = [story_from_dict(json.loads(data)) for data in found]
            found = conn.execute(events.order_by(t.events.c.position)).scalars()
            return story_list, [event_from_dict(json.loads(data)) for data in found]

    def articles_by_id(self, ids: Sequence[str]) -> Iterator[Article]:
        """The articles with these ids (unknown ids skipped), in the order given."""
        yield from self._iterate(list(ids))

    def stories(self) -> list[Story]:
        """Every story, in the order save_stories() was given them."""
        with self._read("reading stories") as conn:
            rows = conn.execute(select(t.stories.c.data).order_by(t.stories.c.position))
            return [story_from_dict(json.loads(data)) for data in rows.scalars()]

    def events(self) -> list[Event]:
        """Every event, in the order save_stories() was given them."""
        with self._read("reading events") as conn:
            rows = conn.execute(select(t.events.c.data).order_by(t.events.c.position))
            return [event_from_dict(json.loads(data)) for data in rows.scalars()]

    def story(self, id: str) -> Story:
        """The story with this id or unique id prefix (at least 4 characters)."""
        with self._read(f"reading story {id}") as conn:
            full = _resolve(
                conn, t.stories, id, "story", "`corroborate list --stories` shows the ids"
            )
            data = conn.execute(select(t.stories.c.data).where(t.stories.c.id == full)).scalar()
            return story_from_dict(json.loads(str(data)))


# -- helpers that run inside a caller's transaction ----------------------------------------


def _chronological() -> list[Any]:
    return [t.articles.c.published.asc().nulls_last(), t.articles.c.id.asc()]


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:  # an executemany with no rows is an error for some drivers
        conn.execute(insert(table), rows)


def _keep_only(
    conn: Connection,
    table: Table,
    ids: list[str],
    write: Collection[str],
    scope: Collection[str] | None = None,
) -> tuple[set[str], dict[str, int]]:
    """Delete the rows of `table` to rewrite (`write`) or no longer in `ids`; move the others
    to their position in `ids`. → the ids to insert (`write` and any not stored), and the
    position of every id.

    With `scope` (stored ids), only rows in the scope may be deleted, and `ids` take the
    positions the scope held, in order, then positions after every stored row: the rows
    outside the scope keep theirs.
    """
    stored = {str(i): int(p) for i, p in conn.execute(select(table.c.id, table.c.position))}
    wanted = set(ids)
    if scope is None:
        at = {i: position for position, i in enumerate(ids)}
        candidates: Collection[str] = stored
    else:
        candidates = {i for i in scope if i in stored} | {i for i in ids if i in stored}
        slots = sorted(stored[i] for i in candidates)
        top = max(stored.values(), default=-1)
        slots += range(top + 1, top + 1 + max(0, len(ids) - len(slots)))
        at = dict(zip(ids, slots, strict=False))
    drop = [i for i in candidates if i in write or i not in wanted]
    links = t.story_articles.c.story_id if table is t.stories else None
    for chunk in range(0, len(drop), _BATCH):
        part = drop[chunk : chunk + _BATCH]
        if links is not None:  # not left to ON DELETE CASCADE: SQLite may have it off
            conn.execute(delete(t.story_articles).where(links.in_(part)))
        conn.execute(delete(table).where(table.c.id.in_(part)))
    moves = [
        {"row_id": i, "new_position": at[i]}
        for i in ids
        if i not in write and i in stored and stored[i] != at[i]
    ]
    if moves:  # one executemany: a story dated before the rest moves every row after it
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(position=bindparam("new_position")),
            moves,
        )
    return {i for i in ids if i in write or i not in stored}, at


def _write_flags(conn: Connection, article: Article) -> None:
    """Replace the flags of one stored article (its rows and its analysis JSON), leaving the
    rest of its analysis and its `analysed_at` alone."""
    rows = analysis_rows(article, _now())
    conn.execute(
        update(t.analyses)
        .where(t.analyses.c.article_id == article.id)
        .values(data=rows["analyses"][0]["data"])
    )
    conn.execute(delete(t.flags).where(t.flags.c.article_id == article.id))
    _insert(conn, t.flags, rows["flags"])


def _write_analysis(conn: Connection, article: Article) -> None:
    """Replace the analysis rows of one article (inside the caller's transaction)."""
    for table in (t.analyses, t.quotes, t.figures, t.flags):
        conn.execute(delete(table).where(table.c.article_id == article.id))
    for name, rows in analysis_rows(article, _now()).items():
        _insert(conn, t.metadata.tables[name], rows)


def _find_duplicate(conn: Connection, article: Article) -> AddResult | None:
    """The stored article with the same text from the same outlet, under any id (only the
    same report again is a no-op: an id alone may name different reports in two inputs)."""
    text_hash, outlet = report_key(article)
    same = conn.execute(
        select(t.articles.c.id).where(
            t.articles.c.content_hash == text_hash,
            func.coalesce(t.articles.c.outlet, "") == outlet,
        )
    ).scalar()
    if same is None:
        return None
    return AddResult(
        str(same), added=False, reason="same id" if same == article.id else "same content"
    )


def _free_id(conn: Connection, article: Article) -> str:
    """The id to store `article` under: its own, or when that names another report, the
    first free one of its `derived_ids`."""
    column = t.articles.c.id
    candidates = (article.id, *derived_ids(article))
    for candidate in candidates:
        if conn.execute(select(column).where(column == candidate)).first() is None:
            return candidate
    raise StoreError(
        f"{article.id}: its id and the ids derived from it ({', '.join(candidates[1:])}) all "
        "name other reports; give it another id"
    )


def _resolve(conn: Connection, table: Table, given: str, what: str, where_ids: str) -> str:
    """The full id for `given`: an exact id, or a unique prefix of at least MIN_PREFIX.

    Anything else is an UnknownIdError that lists a few ids to pick from: those `given`
    starts, or when none does, the stored ids nearest to it in sort order (a typo near the
    end of an id still shows the id meant).
    """
    column = table.c.id
    if conn.execute(select(column).where(column == given)).first():
        return given
    query = select(column).where(column.startswith(given, autoescape=True)).order_by(column)
    matches = [str(i) for i in conn.execute(query.limit(6)).scalars()]
    if len(matches) == 1 and len(given) >= MIN_PREFIX:
        return matches[0]
    if not matches:
        before = select(column).where(column < given).order_by(column.desc()).limit(2)
        after = select(column).where(column > given).order_by(column).limit(3)
        near = [*reversed(conn.execute(before).scalars().all()), *conn.execute(after).scalars()]
        hint = f" (the nearest: {_few(near)})" if near else ""
        raise UnknownIdError(f"no {what} with an id starting {given!r}{hint}; {where_ids}")
    if len(given) < MIN_PREFIX:
        raise UnknownIdError(
            f"no {what} with id {given!r}; give the full id or at least {MIN_PREFIX} of its "
            f"first characters ({_few(matches)}; {where_ids})"
        )
    raise UnknownIdError(
        f"{given!r} is ambiguous: it starts several {what} ids ({_few(matches)}); "
        "give more characters"
    )


def _few(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")


def _load(conn: Connection, ids: list[str]) -> list[Article]:
    """The articles with these ids, with their analyses, in the order of `ids`."""
    query = (
        select(t.articles, t.analyses.c.data.label("analysis"))
        .outerjoin(t.analyses, t.analyses.c.article_id == t.articles.c.id)
        .where(t.articles.c.id.in_(ids))
    )
    by_id = {}
    for row in conn.execute(query).mappings():
        by_id[row["id"]] = article_from_rows(dict(row), row["analysis"])
    return [by_id[i] for i in ids if i in by_id]


def _reason(exc: SQLAlchemyError) -> str:
    original = exc.orig if isinstance(exc, DBAPIError) else None
    return str(original or exc).strip().splitlines()[0]


def _hint(exc: SQLAlchemyError) -> str:
    if isinstance(exc, IntegrityError):
        return "the write would have broken the store's consistency and was rolled back"
    text = _reason(exc).lower()
    if "locked" in text or "busy" in text:
        return "another process is writing to the database; try again when it has finished"
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return "check that the folder exists and that you may write to it"
    if "connect" in text or "connection" in text:
        return "check that the server is running and the URL (host, port, user, database)"
    return "if the database is damaged, restore it or start a new one with --db"
