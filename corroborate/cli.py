"""L4: the command line. Each command parses its arguments and makes one call into `app`.

Exit status: 0 when every item was good, 1 when some items failed (each named on one line
on stderr), 2 for a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from corroborate import app
from corroborate.config import Settings, load_settings
from corroborate.errors import CorroborateError, InputError, UsageError
from corroborate.model import Article, Event, Story, article_to_dict

err = Console(stderr=True, highlight=False)
# Piped output is read in wide pagers and files, so it is not squeezed to 80 columns.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 120)

INPUTS_HELP = (
    "INPUT is a file, a folder (read recursively), a glob, '-' for standard input, or an "
    "http(s) URL. Formats are detected from the content: plain text (optional Title:/Date:/"
    "Source:/URL: header lines), HTML, JSON/JSONL, WARC(.gz), RSS and Atom."
)


# -- shared options ---------------------------------------------------------------------


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    try:
        given = {key: value for key, value in overrides.items() if value is not None}
        return load_settings(**{**ctx.obj, **given})
    except CorroborateError as exc:
        raise click.UsageError(str(exc)) from None


def _stdin() -> BinaryIO | None:
    """Standard input for `-`, or None when the process has none (a closed stdin in CI)."""
    return sys.stdin.buffer if sys.stdin is not None else None


def _field_map(pairs: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        theirs, sep, ours = pair.partition("=")
        if not sep or not theirs or not ours:
            raise click.BadParameter(f"{pair!r} is not THEIR_FIELD=OUR_FIELD (e.g. body=text)")
        mapping[theirs] = ours
    return mapping


def ingest_options(function: Any) -> Any:
    options = [
        click.option(
            "--map",
            "field_map",
            multiple=True,
            metavar="THEIRS=OURS",
            help="Map a JSON field to ours (id, text, title, url, outlet, published); repeatable.",
        ),
        click.option(
            "--allow-private",
            is_flag=True,
            default=None,
            help="Allow fetching from loopback, private and link-local addresses.",
        ),
        click.option(
            "--follow-links",
            is_flag=True,
            default=None,
            help="For feeds, fetch the article each entry links to.",
        ),
        click.option(
            "--max-bytes", type=int, default=None, help="Refuse an item larger than this."
        ),
        click.option(
            "--timeout", "fetch_timeout", type=float, default=None, help="Seconds per request."
        ),
        click.option(
            "-q", "--quiet", is_flag=True, default=None, help="No progress bars or summaries."
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@contextmanager
def progress_bar(label: str, total: int | None, quiet: bool) -> Iterator[Any]:
    """A Rich progress bar on stderr; a no-op when quiet or not a terminal-worthy job."""
    if quiet:
        yield lambda item: None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)

        def advance(item: Article | InputError) -> None:
            if isinstance(item, InputError):
                bar.console.print(f"[red]error[/red] {item}", soft_wrap=True)
            else:
                bar.advance(task)

        yield advance


def _report_failures(failed: list[InputError], quiet: bool, printed: bool) -> None:
    if failed and (quiet or not printed):
        for error in failed:
            err.print(f"error {error}", soft_wrap=True, markup=False)


def _exit(failed: list[InputError], processed: int | None = None) -> None:
    if failed:
        rest = "; the others were processed" if processed is None or processed else ""
        err.print(f"{len(failed)} item(s) failed{rest}.", markup=False)
        sys.exit(1)


# -- the group: `corroborate INPUT... -o report.html` runs the one-shot ------------------


class DefaultToRun(click.Group):
    """Route `corroborate INPUT...` (no command name) to the one-shot `run` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not any(a in ("--help", "-h", "--version") for a in args):
            position = self._first_positional(args)
            if position is not None and args[position] not in self.commands:
                args = [*args[:position], "run", *args[position:]]
        return super().parse_args(ctx, args)

    @staticmethod
    def _first_positional(args: list[str]) -> int | None:
        """Index of the first argument that is not a group option or its value."""
        skip = False
        for index, arg in enumerate(args):
            if skip:
                skip = False
            elif arg == "--db":
                skip = True
            elif arg == "-" or not arg.startswith("-"):
                return index
        return None


@click.group(cls=DefaultToRun, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, help="Database URL (default sqlite:///corroborate.db).")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress bars or summaries.")
@click.version_option(package_name="corroborate")
@click.pass_context
def main(ctx: click.Context, db: str | None, quiet: bool | None) -> None:
    """corroborate: who says what across many news reports of the same event.

    \b
    Quick start:
      corroborate reports/ -o report.html       analyse a folder, write one report
      corroborate extract article.txt           print the analysis as JSON lines
      corroborate add feed.rss && corroborate analyze && corroborate report -o r.html

    Run `corroborate COMMAND --help` for each command, with examples.
    """
    ctx.ensure_object(dict)
    ctx.obj.update({"db": db, "quiet": quiet})


FORMATS = ["html", "md", "json", "csv"]
SUFFIX_FORMATS = {".md": "md", ".json": "json", ".csv": "csv"}


def table_option(function: Any) -> Any:
    return click.option(
        "--table",
        type=click.Choice(list(app.CSV_TABLES)),
        default=None,
        help="For CSV: which table (one row per quote, figure, claim, flag, article, or "
        "aligned group member). Without it, -o names a folder that gets every table.",
    )(function)


def _output_target(
    fmt: str | None, table: str | None, output: str | None
) -> tuple[str, Path | None]:
    """The report format, and where to write (None: no -o).

    -o naming a folder (an existing one, or a path ending in /) means the file in it that
    `run` writes without -o (out/report.html, out/report.md, out/quotes.csv), not a file
    named after the folder; every CSV table goes into the folder itself."""
    if output is None:
        return _output_format(fmt, table, None, folder=False), None
    path = Path(output)
    folder = output.endswith(("/", os.sep)) or path.is_dir()
    fmt = _output_format(fmt, table, path, folder=folder)
    if folder and not (fmt == "csv" and table is None):
        path = path / _default_output(fmt, table)
    return fmt, path


def _output_format(fmt: str | None, table: str | None, output: Path | None, folder: bool) -> str:
    """The report format from --format, --table and the output's name; refuses mismatches
    before any work is done (a CSV table written into report.html helps nobody).

    `output` is None when the user gave no -o: `report` then prints to stdout and `run`
    names a file after the format (`_default_output`). A `folder`'s name says nothing about
    the format."""
    suffix = output.suffix.lower() if output is not None and not folder else ""
    fmt = fmt or ("csv" if table else SUFFIX_FORMATS.get(suffix, "html"))
    if table and fmt != "csv":
        raise click.UsageError(f"--table is for CSV output; drop --format {fmt} or use csv")
    if fmt == "csv" and table is None and output is None:
        # Every table at once is one file each, so it needs a folder; one stream (stdout, or
        # a file named for the user) can only hold one table.
        raise click.UsageError(
            "CSV output is one table per file: add --table NAME for one table "
            f"({'|'.join(app.CSV_TABLES)}), or -o FOLDER (e.g. -o tables/) for every table"
        )
    if fmt == "csv" and suffix and suffix != ".csv":
        raise click.UsageError(f"CSV output to a {suffix} file: name it .csv, or give a folder")
    if fmt == "csv" and table is None and suffix:
        raise click.UsageError(
            "a CSV file holds one table: add --table, or give -o a folder (no extension) "
            "to write every table"
        )
    return fmt


def _default_output(fmt: str, table: str | None) -> Path:
    """Where `run` writes without -o: a file named for what it holds (report.md for
    --format md, quotes.csv for --table quotes), never one format in another's file."""
    if fmt == "csv":
        assert table is not None  # every table without -o was refused by _output_format
        return Path(f"{table}.csv")
    return Path(f"report.{fmt}")


def _write_output(
    selection: app.Selection, fmt: str, table: str | None, output: Path | None
) -> list[Path] | None:
    """Write the report (or CSV tables) and return the paths; None when printed to stdout."""
    if fmt == "csv" and table is None:
        assert output is not None  # every table without a folder was refused by _output_format
        return app.write_tables(selection, output)
    text = app.render(*selection, fmt, table=table)  # type: ignore[arg-type]
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return None
    return [app.write_report(text, output)]


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="Where to write the report (default: report.html; report.md or report.json for "
    "--format md or json; TABLE.csv for one --table); a folder (out/) gets that file. "
    "Every CSV table needs a folder: -o tables/.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Report format (default: from the output's extension, else html).",
)
@table_option
@ingest_options
@click.pass_context
def run_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    table: str | None,
    field_map: tuple[str, ...],
    **options: Any,
) -> None:
    """Analyse INPUT... in memory and write one report (no database needed).

    \b
    Examples:
      corroborate news/ -o out/report.html
      corroborate https://example.org/story.html --format md -o story.md
      corroborate news/ --table figures -o figures.csv
      corroborate news/ --format csv -o tables/     (every table, one CSV each)
    """
    settings = _settings(ctx, **options)
    fmt, target = _output_target(fmt, table, output)
    target = target or _default_output(fmt, table)
    with progress_bar("Analysing", None, settings.quiet) as advance:
        summary = app.analyse_inputs(
            inputs,
            settings,
            field_map=_field_map(field_map),
            stdin=_stdin(),
            progress=advance,
        )
    _report_failures(summary.failed, settings.quiet, printed=True)
    _print_id_notes(summary, settings.quiet)
    if not summary.articles:
        err.print(f"no report could be read, so {target} was not written.", markup=False)
        _exit(summary.failed, processed=0)
        sys.exit(1)
    paths = _write_output((summary.articles, summary.stories, summary.events), fmt, table, target)
    if not settings.quiet:
        _print_summary(summary.articles, summary)
        for path in paths or []:
            out.print(f"Report: [bold]{path}[/bold]")
    _exit(summary.failed)


def _print_id_notes(summary: app.RunSummary, quiet: bool) -> None:
    """One line on standard error per report of an in-memory run given another id, or
    skipped as the same report again (standard output carries the run's data)."""
    if not quiet:
        for line in [*summary.renamed, *summary.duplicates]:
            err.print(line, markup=False, soft_wrap=True)


def _print_summary(articles: list[Article], summary: app.RunSummary) -> None:
    quotes = sum(len(a.quotes) for a in articles)
    figures = sum(len(a.figures) for a in articles)
    claims = sum(len(a.claims) for a in articles)
    flags = sum(1 for a in articles for f in a.flags if f.severity == "warning")
    copies = sum(len(o.article_ids) - 1 for s in summary.stories for o in s.origins)
    out.print(
        f"{len(articles)} reports · {len(summary.events)} events · {len(summary.stories)} "
        f"stories · {copies} copies collapsed · {quotes} quotes · {figures} figures · "
        f"{claims} claims · {flags} warnings"
    )
    if any(s.similarity == "lexical" for s in summary.stories):
        err.print(
            "note: sentence embeddings are not installed, so stories and claims were matched on "
            "names and words only; install them with: pip install 'corroborate[embeddings]'",
            markup=False,
        )
    if summary.stories:
        _print_events(summary.stories, summary.events, "Events and their stories")


MAX_EVENTS_SHOWN = 30  # a summary, not the report: `corroborate list --stories` lists them all


def _print_events(stories: list[Story], events: list[Event], title: str) -> None:
    """A table of `events` with up to eight stories each."""
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("story", no_wrap=True)
    table.add_column("headline", overflow="ellipsis", no_wrap=True, max_width=40)
    table.add_column("reports", justify="right", no_wrap=True)
    table.add_column("origins", justify="right", no_wrap=True)
    table.add_column("first → last", no_wrap=True)
    by_id = {s.id: s for s in stories}
    for event in events[:MAX_EVENTS_SHOWN]:
        table.add_row("event", f"[bold]{event.label}[/bold]", "", "", "")
        for story_id in event.story_ids[:8]:
            story = by_id[story_id]
            span = f"{(story.start or '?')[5:10]} → {(story.end or '?')[5:10]}"
            table.add_row(
                story.id[:8],
                story.headline or story.label,
                str(len(story.article_ids)),
                str(len(story.origins)),
                span,
            )
        if len(event.story_ids) > 8:
            table.add_row("", f"… {len(event.story_ids) - 8} more", "", "", "")
        table.add_section()
    if len(events) > MAX_EVENTS_SHOWN:
        more = len(events) - MAX_EVENTS_SHOWN
        table.add_row("", f"… {more} more events: corroborate list --stories", "", "", "")
    out.print(table)


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one object per line; json: one array.",
)
@ingest_options
@click.pass_context
def extract_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str,
    field_map: tuple[str, ...],
    **options: Any,
) -> None:
    """Analyse INPUT... and print the output contract (corroborate.article/1). No store.

    Offsets in the output index the `text` field; for text and JSONL input `text` is
    exactly the input, so offsets match your own copy.

    \b
    Examples:
      corroborate extract article.txt
      corroborate extract --format json reports/*.html > analysis.json
      cat articles.jsonl | corroborate extract - --map body=text
    """
    settings = _settings(ctx, **options)
    articles, summary = app.extract(
        inputs,
        settings,
        field_map=_field_map(field_map),
        stdin=_stdin(),
        progress=lambda item: (
            err.print(f"error {item}", soft_wrap=True, markup=False)
            if isinstance(item, InputError)
            else None
        ),
    )
    written = 0
    if fmt == "jsonl":
        for article in articles:
            sys.stdout.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
            sys.stdout.flush()
            written += 1
    else:
        records = [article_to_dict(a) for a in articles]
        written = len(records)
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    _print_id_notes(summary, settings.quiet)
    _exit(summary.failed, processed=written)


@main.command("add")
@click.argument("inputs", nargs=-1, required=True)
@ingest_options
@click.pass_context
def add_command(
    ctx: click.Context, inputs: tuple[str, ...], field_map: tuple[str, ...], **options: Any
) -> None:
    """Ingest INPUT... into the store (one transaction per article).

    Adding the same text from the same outlet again is a no-op that says so; the same
    wire story from another outlet is stored as that outlet's report (one origin, two outlets).
    A report whose id already names another stored report (two exports that both number
    from 1, an updated article) is stored under a derived id, ID~HASH, and says so.

    \b
    Examples:
      corroborate add news/
      corroborate --db sqlite:///kursk.db add feed.rss --follow-links
      corroborate add https://example.org/a.html
    """
    settings = _settings(ctx, **options)
    with progress_bar("Adding", None, settings.quiet) as advance:
        summary = app.add(
            inputs,
            settings,
            field_map=_field_map(field_map),
            stdin=_stdin(),
            progress=advance,
        )
    _report_failures(summary.failed, settings.quiet, printed=True)
    if not settings.quiet:
        for line in [*summary.renamed, *summary.duplicates]:
            out.print(line, markup=False)
        derived = f" ({len(summary.renamed)} under a derived id)" if summary.renamed else ""
        out.print(
            f"Added {summary.added} new report(s){derived} to {settings.db}; "
            f"{len(summary.duplicates)} already there. Next: corroborate analyze",
            markup=False,
        )
    _exit(summary.failed, processed=len(summary.articles))


@main.command("analyze")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress bar or summary.")
@click.option(
    "--rebuild",
    is_flag=True,
    help="Recompute every story and event from scratch instead of updating them (after "
    "changing the story window or upgrading corroborate); story ids may change.",
)
@click.pass_context
def analyze_command(ctx: click.Context, quiet: bool | None, rebuild: bool) -> None:
    """Analyse stored reports not yet analysed, and update the stories.

    The update is incremental: a report already in a story stays there (story ids stay
    valid), new reports join a story or open a new one, and only the stories of events
    that gained reports are aligned again and rewritten. Only events active within two
    weeks (the event window) before the earliest new report are read and regrouped, so the
    cost follows recent news, not the size of the store.

    \b
    Examples:
      corroborate add news/ && corroborate analyze && corroborate report -o report.html
      corroborate add more-news/ && corroborate analyze     # only what is new
      corroborate analyze --rebuild                         # every story from scratch
    """
    settings = _settings(ctx, quiet=quiet)
    total = app.pending(settings)
    with progress_bar("Analysing", total, settings.quiet) as advance:
        summary = app.analyze_store(settings, rebuild=rebuild, progress=advance)
    if not settings.quiet:
        out.print(summary.story_changes() + ". The whole store now:", markup=False)
        n = app.store_counts(settings)
        out.print(
            f"{n['articles']} reports ({n['analysed']} analysed) · {n['events']} events · "
            f"{n['stories']} stories · {n['quotes']} quotes · {n['figures']} figures · "
            f"{n['flags']} flags",
            markup=False,
        )
        changed = [e for e in summary.events if e.id in summary.changed_events]
        if changed:
            _print_events(summary.stories, changed, "Events updated by this run")


@main.command("stories")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: stories and articles on stdout; table: a summary for reading.",
)
@ingest_options
@click.pass_context
def stories_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str,
    field_map: tuple[str, ...],
    **options: Any,
) -> None:
    """Group INPUT... into events and stories and align their claims, figures and quotes.

    \b
    Example:
      corroborate stories news/ --format json > stories.json
    """
    settings = _settings(ctx, **options)
    with progress_bar("Analysing", None, settings.quiet) as advance:
        summary = app.analyse_inputs(
            inputs,
            settings,
            field_map=_field_map(field_map),
            stdin=_stdin(),
            progress=advance,
        )
    _report_failures(summary.failed, settings.quiet, printed=True)
    _print_id_notes(summary, settings.quiet)
    if fmt == "json":
        sys.stdout.write(app.render(summary.articles, summary.stories, summary.events, "json"))
        sys.stdout.write("\n")
    else:
        _print_summary(summary.articles, summary)
    _exit(summary.failed, processed=len(summary.articles))


@main.command("report")
@click.option(
    "--story", "story_id", default=None, help="Only this story (id or unique prefix of 4+)."
)
@click.option(
    "--article",
    "article_id",
    default=None,
    help="Only this article (id or unique prefix of 4+); with --story, one of its reports.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Default: from the output's extension, else html.",
)
@table_option
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="Write here (default: report.html for html; standard output for md, json and one "
    "CSV --table); a folder (out/) gets report.EXT or TABLE.csv. Writing every CSV table "
    "needs -o FOLDER.",
)
@click.pass_context
def report_command(
    ctx: click.Context,
    story_id: str | None,
    article_id: str | None,
    fmt: str | None,
    table: str | None,
    output: str | None,
) -> None:
    """Write a report over the store: everything, one story or one article.

    \b
    Examples:
      corroborate report -o report.html
      corroborate report --story 3f2a --format md
      corroborate report --article 9c1e0d -o article.json
      corroborate report --table quotes > quotes.csv
      corroborate report --format csv -o tables/     (every table, one CSV each)
    """
    settings = _settings(ctx)
    fmt, target = _output_target(fmt, table, output)
    if fmt == "html" and target is None:
        target = Path("report.html")
    selection = app.stored_selection(settings, story_id=story_id, article_id=article_id)
    paths = _write_output(selection, fmt, table, target)
    if not settings.quiet:
        for path in paths or []:
            out.print(f"Report: [bold]{path}[/bold]")


@main.command("list")
@click.option(
    "--limit", type=int, default=50, show_default=True, help="Show at most this many rows."
)
@click.option(
    "--offset",
    type=int,
    default=0,
    help="Skip this many rows first: with --limit, pages through a large store.",
)
@click.option("--stories", "stories", is_flag=True, help="List stories instead of reports.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def list_command(ctx: click.Context, limit: int, offset: int, stories: bool, as_json: bool) -> None:
    """List stored reports (or, with --stories, the stories they form).

    \b
    Examples:
      corroborate list --limit 20
      corroborate list --stories
      corroborate list --json | jq '.[].title'
    """
    settings = _settings(ctx)
    columns: tuple[str, ...]
    if stories:
        every = app.list_stories(settings)
        rows, total = every[offset : offset + limit], len(every)
        columns = ("id", "label", "reports", "origins", "start", "end")
    else:
        rows, total = app.list_articles(settings, limit=limit, offset=offset)
        columns = ("id", "published", "outlet", "title", "quotes", "figures", "flags")
    noun = "stories" if stories else "reports"
    if len(rows) < total:
        # On stderr, for --json too: its documented shape is a bare array of rows, so the
        # total cannot go into it, and a page must not pass silently for the whole store.
        where = f" (numbers {offset + 1} to {offset + len(rows)})" if rows else ""
        err.print(
            f"showing {len(rows)} of {total} {noun}{where}; use --limit and --offset for "
            "the others",
            markup=False,
            soft_wrap=True,
        )
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(rows)} of {total} {noun}")
    for column in columns:
        wide = column in ("label", "title", "outlet")
        table.add_column(
            column,
            overflow="ellipsis",
            no_wrap=True,
            max_width=36 if wide else None,
            min_width=None if wide else len(column),
        )
    for row in rows:
        cells = [str(row.get(c) if row.get(c) is not None else "") for c in columns]
        for i, column in enumerate(columns):
            if column in ("published", "start", "end"):
                cells[i] = cells[i][:10]
        table.add_row(*(cell[:80] for cell in cells))
    out.print(table)


@main.command("show")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the output contract as JSON.")
@click.pass_context
def show_command(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """Show one stored report with its quotes, figures and flags (id or unique prefix).

    \b
    Example:
      corroborate show 9c1e0d
    """
    article = app.get_article(_settings(ctx), article_id)
    if as_json:
        sys.stdout.write(json.dumps(article_to_dict(article), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{article.title or '(untitled)'}[/bold]")
    out.print(f"{article.outlet or '?'} · {article.published or '?'} · {article.id}", markup=False)
    text = article.text
    for label, rows in (
        (
            "Quotes",
            [(text[q.start : q.end], q.speaker.name if q.speaker else "—") for q in article.quotes],
        ),
        (
            "Figures",
            [
                (
                    text[f.start : f.end],
                    f"{f.value:g} {f.unit or ''} · {f.source.name or 'unattributed'}",
                )
                for f in article.figures
            ],
        ),
        (
            "Flags",
            [
                (text[f.start : f.end][:80], f"{f.severity} · {f.kind}: {f.explanation}")
                # warnings first: a stray passage matters more than a heading mark
                for f in sorted(article.flags, key=lambda f: (f.severity != "warning", f.start))
                if f.kind not in ("heading", "headline")
            ],
        ),
    ):
        if rows:
            table = Table(title=label, show_header=False)
            table.add_column(overflow="fold")
            table.add_column(overflow="fold")
            for left, right in rows:
                table.add_row(left, right)
            out.print(table)


@main.group("models")
def models_group() -> None:
    """The shipped language models: what they are, how good, how to rebuild them.

    \b
    Examples:
      corroborate models info
      corroborate models evaluate news_en --data ../shared/data
      corroborate models train checkworthy --data ../shared/data
    """


@models_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print every field as JSON.")
def models_info(as_json: bool) -> None:
    """Each shipped model with provenance, training data, licence, scores, speed and size.

    \b
    Example:
      corroborate models info --json
    """
    infos = app.models_info()
    if as_json:
        sys.stdout.write(json.dumps(infos, indent=2, ensure_ascii=False) + "\n")
        return
    for info in infos:
        table = Table(title=f"{info['name']}: {info.get('task', '')}", show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for key, value in _flatten(info):
            if key not in ("name", "task"):
                table.add_row(key, value)
        out.print(table)


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Nested scores as readable rows: 'conll2003_testb › PERSON › f' → 0.868.

    Precision/recall/support are left out of the terminal view (`--json` has everything).
    """
    rows: list[tuple[str, str]] = []
    for key, value in data.items():
        path = f"{prefix} › {key}" if prefix else str(key)
        if isinstance(value, dict):
            rows.extend(_flatten(value, path))
        elif key in ("p", "r", "support"):
            continue
        elif isinstance(value, list):
            rows.append((path, ", ".join(str(v) for v in value)))
        else:
            rows.append((path, str(value)))
    return rows


@models_group.command("train")
@click.argument("name")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of public corpora (default: ../shared/data next to the repository).",
)
def models_train(name: str, data_dir: Path | None) -> None:
    """Reproduce model NAME from the public corpora (a benchmark-length job).

    \b
    Example:
      corroborate models train checkworthy --data ../shared/data
    """
    result = app.train_model(name, data_dir)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")


@models_group.command("evaluate")
@click.argument("name")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of public corpora with the test splits (default: ../shared/data next to the "
    "repository).",
)
def models_evaluate(name: str, data_dir: Path | None) -> None:
    """Print model NAME's scores on the public test splits.

    \b
    Example:
      corroborate models evaluate news_en
    """
    result = app.evaluate_model(name, data_dir)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")


def run(argv: Sequence[str] | None = None) -> int:
    """Entry point returning the exit status (used by tests)."""
    try:
        main.main(
            args=list(argv) if argv is not None else None,
            prog_name="corroborate",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:
        exc.show()
        return 2 if isinstance(exc, click.UsageError) else 1
    except click.Abort:
        err.print("Aborted.", markup=False)
        return 130
    # soft_wrap: an error is one line, however narrow the terminal (or 80 columns when not
    # one), so that a script or grep sees it whole
    except UsageError as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        return 2
    except CorroborateError as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        return 1
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    return 0


def entry() -> None:
    sys.exit(run())
