"""L3: the orchestration. ingest → extract → store → corpus → report.

Every face (CLI, web) calls these functions; they hold no UI code. Long work reports
progress through an optional callback so the caller can draw a bar or stay quiet.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO, Literal

from corroborate import corpus, ingest, report
from corroborate.config import Settings
from corroborate.errors import InputError, OutputError, UsageError
from corroborate.extract.pipeline import analyse_many
from corroborate.model import Article, Event, Story
from corroborate.store import Store, database_exists, derived_ids, report_key

Progress = Callable[[Article | InputError], None]
ReportFormat = Literal["html", "md", "json", "csv"]
Selection = tuple[list[Article], list[Story], list[Event]]
CSV_TABLES = tuple(report.CSV_TABLES)  # the CSV tables `render(..., "csv", table=...)` knows


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the face to print; `failed` makes the exit status 1."""

    articles: list[Article] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    added: int = 0
    # one line per report skipped as the same report again (already stored, or read twice)
    duplicates: list[str] = field(default_factory=list)
    # one line per report given a derived id, its own naming another report ("7: ... 7~1a2b")
    renamed: list[str] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # analyze on a store: what happened to the stories
    rebuild: bool = False
    joined: int = 0  # new reports that joined a story stored before
    opened: int = 0  # stories that were not stored before
    updated: int = 0  # stories written (new or changed)
    replaced: int = 0  # stored story ids that are gone (merged, or recomputed by a rebuild)
    aligned_events: int = 0  # events whose figures, claims and quotes were aligned again
    total_stories: int | None = None  # in the store after analyze (`stories` may be recent only)
    regrouped: int = 0  # stored and new reports an incremental analyze grouped again
    changed_events: set[str] = field(default_factory=set)  # events analyze (re)wrote

    def story_changes(self) -> str:
        """One plain line on what `analyze` did, for the face to print."""
        done = f"{len(self.articles)} new report(s) analysed"
        total = len(self.stories) if self.total_stories is None else self.total_stories
        if self.rebuild:
            gone = f" ({self.replaced} old story id(s) no longer used)" if self.replaced else ""
            return f"{done}; all {total} stories recomputed from scratch{gone}"
        if not self.updated and not self.replaced:
            return f"{done}; no story changed ({total} stories)"
        merged = f"; {self.replaced} merged into others" if self.replaced else ""
        return (
            f"{done}; {self.joined} joined existing stories, {self.opened} new "
            f"{'story' if self.opened == 1 else 'stories'} opened; "
            f"{self.updated} of {total} stories updated{merged}"
        )


def _notify(progress: Progress | None, item: Article | InputError) -> None:
    if progress is not None:
        progress(item)


def read(
    inputs: Sequence[str],
    settings: Settings,
    *,
    field_map: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Ingest only: one Article per good report, one InputError per bad item."""
    return ingest.read_inputs(inputs, settings, field_map=field_map, stdin=stdin)


def _split(
    items: Iterable[Article | InputError], summary: RunSummary, progress: Progress | None
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            summary.failed.append(item)
            _notify(progress, item)
        else:
            yield item


def _one_id_each(
    articles: Iterable[Article], summary: RunSummary, progress: Progress | None
) -> Iterator[Article]:
    """Give every report of one run an id no other report of the run has, as `Store.add`
    does: two inputs (two exports that both number from 1) may give one id to different
    reports, and stories, alignments and reports find a report by its id. The later one
    gets the first free one of its `derived_ids`, the same on every run; the same report
    again (same id, text and outlet) is skipped. Each case is noted in `summary`."""
    seen: dict[str, tuple[str, str]] = {}  # id → the report_key of the report it names
    for article in articles:
        key = report_key(article)
        given = article.id
        for candidate in (given, *derived_ids(article)):
            if candidate not in seen:
                seen[candidate] = key
                if candidate != given:
                    article.id = candidate
                    summary.renamed.append(
                        f"{given}: id already names another report of this run; "
                        f"this one is {candidate}"
                    )
                yield article
                break
            if seen[candidate] == key:
                summary.duplicates.append(
                    f"{given}: the same report (id, text and outlet) again; skipped"
                )
                break
        else:  # only inputs that use this report's derived ids for other reports get here
            error = InputError(
                article.origin or given,
                f"id {given} and the ids derived from it name other reports of this run; "
                "give it another id",
            )
            summary.failed.append(error)
            _notify(progress, error)


def extract(
    inputs: Sequence[str],
    settings: Settings,
    *,
    field_map: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> tuple[Iterator[Article], RunSummary]:
    """Stateless: ingest and analyse, yielding analysed articles as they are ready."""
    summary = RunSummary()
    articles = _one_id_each(
        _split(read(inputs, settings, field_map=field_map, stdin=stdin), summary, progress),
        summary,
        progress,
    )

    def analysed() -> Iterator[Article]:
        for article in analyse_many(articles):
            _notify(progress, article)
            yield article

    return analysed(), summary


def analyse_inputs(
    inputs: Sequence[str],
    settings: Settings,
    *,
    field_map: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Stateless: ingest, analyse, and group into stories, all in memory."""
    articles, summary = extract(
        inputs, settings, field_map=field_map, stdin=stdin, progress=progress
    )
    summary.articles = list(articles)
    summary.stories, summary.events = corpus.build_stories(summary.articles, settings)
    return summary


def add(
    inputs: Sequence[str],
    settings: Settings,
    *,
    field_map: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest into the store, one transaction per article; the same report again is a
    no-op, and another report under a stored id is stored under a derived id."""
    summary = RunSummary()
    with Store(settings.db) as store:
        for article in _split(
            read(inputs, settings, field_map=field_map, stdin=stdin), summary, progress
        ):
            result = store.add(article)
            if result.added:
                summary.added += 1
            if result.renamed:
                summary.renamed.append(f"{article.id}: {result.message()}")
            elif not result.added:
                summary.duplicates.append(f"{article.id}: {result.message()}")
            summary.articles.append(article)
            _notify(progress, article)
    return summary


def require_store(settings: Settings) -> None:
    """Reading commands on a database that is not there: say so instead of creating one."""
    if not database_exists(settings.db):
        raise UsageError(
            f"no database at {settings.db}; add reports first with `corroborate add INPUT...` "
            "or point --db at an existing one"
        )


def pending(settings: Settings) -> int:
    """How many stored articles still wait for analysis."""
    require_store(settings)
    with Store(settings.db) as store:
        return sum(1 for _ in store.unanalysed())


def analyze_store(
    settings: Settings,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    embeddings: bool | None = None,
) -> RunSummary:
    """Analyse stored articles not yet analysed, then update the stories incrementally.

    Reports already in a stored story stay in it (story and event ids stay valid); new ones
    join a story or open one; only events that gained reports are aligned again and written.
    `rebuild` recomputes every story from scratch instead (after changing thresholds or the
    story window; ids of stories whose founding report changes do change). `embeddings` as
    in `corpus.build_stories`.
    """
    summary = RunSummary(rebuild=rebuild)
    # The lock: two runs at once would both analyse every new report and both rewrite the
    # stories from what each read before the other wrote, losing flags and stories.
    with Store(settings.db) as store, store.analyze_lock():
        for article in analyse_many(store.unanalysed()):
            store.save_analysis(article)
            summary.articles.append(article)
            _notify(progress, article)
        if not rebuild and not store.has_unstoried():
            # every analysed report is in its story already: nothing to group or align
            summary.total_stories = store.count()["stories"]
            return summary
        if rebuild:
            everything = [a for a in store.articles() if a.analysed]
            stored = (store.stories(), store.events())
            update = corpus.update_stories(everything, settings, None, embeddings=embeddings)
            store.save_stories(update.stories, update.events, flagged=update.flagged)
            summary.updated = len(update.stories)
            summary.replaced = len({s.id for s in stored[0]} - {s.id for s in update.stories})
        else:
            new = store.unstoried()
            since = _horizon([published for _, published in new], settings)
            # only the events a new report can still reach: the cost follows the new reports
            # and the recent past, not the size of the store
            stored = store.stories_since(since) if since else (store.stories(), store.events())
            ids = dict.fromkeys([i for s in stored[0] for i in s.article_ids] + [i for i, _ in new])
            recent = [a for a in store.articles_by_id(list(ids)) if a.analysed]
            update = corpus.update_stories(recent, settings, stored, embeddings=embeddings)
            store.save_stories(
                update.stories,
                update.events,
                write=update.changed_stories,
                write_events=update.changed_events,
                flagged=update.flagged,
                scope=({s.id for s in stored[0]}, {e.id for e in stored[1]}) if since else None,
            )
            summary.updated = len(update.changed_stories)
            summary.joined, summary.opened = update.joined, update.opened
            summary.replaced = len(update.removed_stories)
            summary.regrouped = len(recent)
        summary.total_stories = store.count()["stories"]
        summary.stories, summary.events = update.stories, update.events
        summary.changed_events = set(update.changed_events)
        summary.aligned_events = update.aligned_events
    return summary


def _horizon(published: list[str | None], settings: Settings) -> str | None:
    """The earliest day (ISO) whose stories new reports dated `published` can still join or
    link to: an event window before the earliest of them. None (regroup everything) when one
    is undated: an undated report is compared with whatever is open at the end."""
    days = [corpus.day(p) for p in published]
    if not days or any(d is None for d in days):
        return None
    earliest = min(d for d in days if d is not None)
    window = corpus.event_window(settings.story_window_days)
    return (earliest - timedelta(days=math.ceil(window))).isoformat()


def store_counts(settings: Settings) -> dict[str, int]:
    """How many articles, quotes, figures, flags, stories and events the store holds."""
    with Store(settings.db) as store:
        return store.count()


def stored_articles(settings: Settings) -> list[Article]:
    with Store(settings.db) as store:
        return list(store.articles())


def list_articles(
    settings: Settings, limit: int, offset: int = 0
) -> tuple[list[dict[str, object]], int]:
    """One page of the stored articles, and how many the store holds."""
    require_store(settings)
    with Store(settings.db) as store:
        rows = [asdict(row) for row in store.list_articles(limit=limit, offset=offset)]
        return rows, store.count()["articles"]


def list_stories(settings: Settings) -> list[dict[str, object]]:
    require_store(settings)
    with Store(settings.db) as store:
        return [
            {
                "id": s.id,
                "event": s.event,
                "label": s.label,
                "reports": len(s.article_ids),
                "origins": len(s.origins),
                "start": s.start,
                "end": s.end,
            }
            for s in store.stories()
        ]


def get_article(settings: Settings, article_id: str) -> Article:
    require_store(settings)
    with Store(settings.db) as store:
        return store.get(article_id)


def render_stored(
    settings: Settings,
    fmt: ReportFormat,
    *,
    story_id: str | None = None,
    article_id: str | None = None,
    table: str | None = None,
) -> str:
    """A report over the store: everything, one story, or one article."""
    return render(*stored_selection(settings, story_id, article_id), fmt, table=table)


def stored_selection(
    settings: Settings, story_id: str | None = None, article_id: str | None = None
) -> Selection:
    """The articles, stories and events a report over the store shows: everything, one
    story, one article, or one article of one story. An id is the full id or a unique prefix
    of at least 4 characters, as for `show` (the store resolves both); anything else, an
    empty one included, is an UnknownIdError."""
    require_store(settings)
    with Store(settings.db) as store:
        story = store.story(story_id) if story_id is not None else None
        if article_id is not None:
            articles = [store.get(article_id)]
            stories = [s for s in store.stories() if articles[0].id in s.article_ids]
            if story is not None:
                if story.id not in {s.id for s in stories}:
                    raise UsageError(
                        f"article {articles[0].id} is not in story {story.id}; drop --story, "
                        "or give --article one of its reports"
                    )
                stories = [story]
        elif story is not None:
            stories, wanted = [story], set(story.article_ids)
            articles = [a for a in store.articles() if a.id in wanted]
        else:
            stories = store.stories()
            articles = list(store.articles())
        shown = {s.id for s in stories}
        events = [e for e in store.events() if any(i in shown for i in e.story_ids)]
        for event in events:  # a one-story report names only the stories it shows
            event.story_ids = [i for i in event.story_ids if i in shown]
    return articles, stories, events


def render(
    articles: list[Article],
    stories: list[Story],
    events: list[Event],
    fmt: ReportFormat,
    *,
    table: str | None = None,
) -> str:
    """The report as text; `table` picks the CSV table (a CSV file holds one)."""
    if fmt == "csv":
        if table not in report.CSV_TABLES:
            raise UsageError(
                "a CSV file holds one table: add --table "
                f"{'|'.join(report.CSV_TABLES)}, or give -o a folder to write them all"
            )
        return report.to_csv(table, articles, stories, events)
    if fmt == "html":
        return report.to_html(articles, stories, events)
    if fmt == "md":
        return report.to_markdown(articles, stories, events)
    if fmt == "json":
        return report.to_json(articles, stories, events)
    raise UsageError(f"unknown report format {fmt!r}; use html, md, json or csv")


def write_tables(selection: Selection, folder: Path) -> list[Path]:
    """Every CSV table into `folder` (quotes.csv, figures.csv, ...), each written atomically."""
    return [
        write_report(report.to_csv(name, *selection), folder / f"{name}.csv")
        for name in report.CSV_TABLES
    ]


def write_report(text: str, path: Path) -> Path:
    """Write atomically: a reader never sees half a report, and a failed write leaves none."""
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        with suppress(OSError):  # no half-written file left behind
            partial.unlink(missing_ok=True)
        reason = exc.strerror or exc.__class__.__name__
        if isinstance(exc, FileExistsError | NotADirectoryError):
            reason = "part of that path is a file, not a folder"
        raise OutputError(f"cannot write {path}: {reason}; choose another place with -o") from None
    return path


def models_info() -> list[dict[str, object]]:
    from corroborate.nlp import catalog

    return catalog.info()


def train_model(name: str, data_dir: Path | None) -> dict[str, object]:
    from corroborate.nlp import catalog

    return catalog.train(name, data_dir)


def evaluate_model(name: str, data_dir: Path | None) -> dict[str, object]:
    from corroborate.nlp import catalog

    return catalog.evaluate(name, data_dir)
