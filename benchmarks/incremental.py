"""Incremental `corroborate analyze`: 10 new reports on top of a store of N, against --rebuild.

The store holds N reports of `corpus_scale.make_corpus` (PolNeAR text with synthetic
annotations, marked analysed so that the NLP pipeline does not run: both modes would pay the
same for it) and the stories built from them. Each measurement then runs in a fresh process
on a fresh copy of that store: add the 10 newest reports of an N + 10 corpus (already
annotated, so they only wait for their stories), then time `app.analyze_store` — incremental,
or with `rebuild=True` — on the lexical path (`embeddings=False`, as corpus_scale.py); an
incremental run reads and regroups only the events a new report can reach (`reports_regrouped`
says how many reports that was). Peak
RSS is the child's VmHWM during analyze (reset just before it); the RSS before analyze (imports
and the opened store) is given beside it.

    .venv/bin/python benchmarks/incremental.py [--sizes 1000 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corroborate import app  # noqa: E402
from corroborate.config import Settings  # noqa: E402
from corroborate.corpus.dedup import sort_key  # noqa: E402
from corroborate.model import article_from_dict, article_to_dict  # noqa: E402
from corroborate.store import Store  # noqa: E402

NEW = 10


def _status_mb(field: str) -> float:
    """VmRSS / VmHWM of this process. Not ru_maxrss: after fork + exec it still holds the
    parent's peak (here: the generated corpus), which hid the child's own."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    # "5" resets VmHWM to the current RSS (Linux >= 4.0): the peak is then analyze's own
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def prepare(n: int, folder: Path) -> tuple[Path, Path]:
    """A store of the n oldest reports with their stories, and the 10 newest as JSON lines."""
    from corpus_scale import make_corpus

    articles, _ = make_corpus(n + NEW)
    articles.sort(key=sort_key)
    for article in articles:
        article.analysed = True
    base, new = articles[:n], articles[n:]
    db = folder / f"base-{n}.db"
    with Store(f"sqlite:///{db}") as store:
        for article in base:
            store.add(article)
    app.analyze_store(Settings(db=f"sqlite:///{db}", quiet=True), embeddings=False)
    lines = folder / f"new-{n}.jsonl"
    lines.write_text("".join(json.dumps(article_to_dict(a)) + "\n" for a in new))
    return db, lines


def measure(db: Path, lines: Path, rebuild: bool) -> dict[str, object]:
    """(child process) Add the new reports to a copy of the store and time analyze."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "c.db"
        with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        url = f"sqlite:///{copy}"
        with Store(url) as store:
            for line in lines.read_text().splitlines():
                article = article_from_dict(json.loads(line))
                article.analysed = True
                store.add(article)
        before = _status_mb("VmRSS")
        _reset_peak()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        summary = app.analyze_store(Settings(db=url, quiet=True), rebuild=rebuild, embeddings=False)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
        return {
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "rss_before_mb": round(before, 1),
            "peak_rss_mb": round(_status_mb("VmHWM"), 1),
            "stories": summary.total_stories,
            "written": summary.updated,
            "aligned_events": summary.aligned_events,
            "regrouped": summary.regrouped,
            "line": summary.story_changes(),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)  # db, lines, mode
    args = parser.parse_args()
    if args.child:
        db, lines, mode = args.child
        print(json.dumps(measure(Path(db), Path(lines), mode == "rebuild")))
        return
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(
        f"# {platform.machine()} Python {platform.python_version()} {date.today()} "
        f"load average at start: {' '.join(load)}",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            t0 = time.perf_counter()
            db, lines = prepare(n, Path(tmp))
            print(f"# {n}: store prepared in {time.perf_counter() - t0:.0f} s", flush=True)
            for mode in ("incremental", "rebuild"):
                runs = []
                for _ in range(args.repeats):
                    out = subprocess.run(
                        [sys.executable, __file__, "--child", str(db), str(lines), mode],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    runs.append(json.loads(out.stdout))
                print(
                    json.dumps(
                        {
                            "stored": n,
                            "new": NEW,
                            "mode": mode,
                            "median_wall_s": statistics.median(r["wall_s"] for r in runs),
                            "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
                            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
                            "rss_before_mb": max(r["rss_before_mb"] for r in runs),
                            "stories": runs[0]["stories"],
                            "stories_written": runs[0]["written"],
                            "events_aligned": runs[0]["aligned_events"],
                            "reports_regrouped": runs[0]["regrouped"],
                            "summary": runs[0]["line"],
                        }
                    ),
                    flush=True,
                )


if __name__ == "__main__":
    main()
