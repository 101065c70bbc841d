"""Ingest throughput: HTML pages/s and text articles/s on one core, and peak memory.

    .venv/bin/python benchmarks/ingest.py [--pages 300] [--texts 2000] [--runs 3]

Generates synthetic news pages (navigation, article, related links, comments, footer, script)
and plain-text reports with header lines from varied paragraphs, writes them to a temporary
folder, and times `corroborate.ingest.read_inputs` over it — file reading, detection, decoding,
trafilatura extraction, metadata and language identification included. No network. For
reference it also times trafilatura alone, with its default settings, on the same pages.
Reports the median of the runs, per CPU second and per wall-clock second.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest import read_inputs

SUBJECTS = ["The regional governor", "A spokesperson for the ministry", "Local residents",
            "The emergency service", "Officials in the capital", "The opposition leader",
            "Analysts at the institute", "The mayor of Millbrook", "Aid workers"]  # fmt: skip
VERBS = ["said", "told reporters", "confirmed", "warned", "added", "estimated", "denied"]
FACTS = ["that {n} people had been evacuated from the lower districts",
         "that the river had risen by {n} centimetres overnight",
         "that {n} settlements were without power on Tuesday morning",
         "that the budget for repairs would reach {n} million euros",
         "that talks would resume within {n} days",
         "that at least {n} buildings were damaged in the storm"]  # fmt: skip
TAILS = ["The claim could not be independently verified.",
         "“We are doing everything we can,” the official said.",
         "Previous estimates had been considerably lower.",
         "The figure was disputed by the regional council.",
         "Rescue teams worked through the night."]  # fmt: skip


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        fact = rng.choice(FACTS).format(n=rng.randint(2, 121_000))
        sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {fact}.")
    sentences.append(rng.choice(TAILS))
    return " ".join(sentences)


def html_page(rng: random.Random, n: int) -> str:
    title = f"Report {n}: {rng.choice(SUBJECTS)} {rng.choice(VERBS)}"
    paragraphs = "\n".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(6, 12)))
    menu = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(60))
    script = (
        "["
        + ",".join(f'{{"id": {k}, "slot": "ad-{rng.randint(1, 99)}"}}' for k in range(300))
        + "]"
    )
    related = "".join(f'<li><a href="/story/{rng.randint(1, 9999)}">{paragraph(rng)[:60]}</a></li>'
                      for _ in range(6))  # fmt: skip
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example"><meta name="author" content="Staff">
<meta property="article:published_time" content="2024-08-{rng.randint(10, 28)}T09:00:00Z">
<script>window.dataLayer = window.dataLayer || []; var cfg = {script};</script>
<style>body {{ font-family: serif; }} .nav li {{ display: inline; }}</style></head><body>
<header><nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>{menu}</ul></nav>
</header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>{paragraph(rng)}</p></div></section>
</main><footer><p>© 2024 The Daily Example. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a><ul>{menu}</ul></footer></body></html>"""


def text_article(rng: random.Random, n: int) -> str:
    body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(5, 10)))
    return f"Title: Text report {n}\nDate: 2024-08-{rng.randint(10, 28)}\nSource: Wire\n\n{body}\n"


def median_rates(label: str, count: int, runs: int, work: Callable[[], int]) -> tuple[float, float]:
    """(items per CPU second, items per wall-clock second), medians over `runs`.

    CPU time is the fair number on a shared machine: wall-clock time also counts the time the
    process waited for a core that other work was using.
    """
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        done = work()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
        if done != count:
            sys.exit(f"{label}: expected {count} articles, got {done}")
    return count / statistics.median(cpu), count / statistics.median(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as promised
    rng = random.Random(2)
    settings = Settings()

    with tempfile.TemporaryDirectory() as tmp:
        html_dir, text_dir = Path(tmp, "html"), Path(tmp, "text")
        html_dir.mkdir()
        text_dir.mkdir()
        pages = [html_page(rng, n) for n in range(args.pages)]
        for n, html in enumerate(pages):
            (html_dir / f"{n:05d}.html").write_text(html, encoding="utf-8")
        for n in range(args.texts):
            (text_dir / f"{n:05d}.txt").write_text(text_article(rng, n), encoding="utf-8")
        list(read_inputs([str(text_dir / "00000.txt")], settings))  # load models: not timed

        def ingest(folder: Path) -> Callable[[], int]:
            def run() -> int:
                results = list(read_inputs([str(folder)], settings))
                bad = [r for r in results if isinstance(r, InputError)]
                if bad:
                    sys.exit(f"unexpected input errors: {bad[:3]}")
                return len(results)

            return run

        def trafilatura_alone() -> int:
            import trafilatura

            return sum(
                trafilatura.bare_extraction(p, with_metadata=True)  # trafilatura's defaults
                is not None
                for p in pages
            )  # fmt: skip

        html_rate = median_rates("html", args.pages, args.runs, ingest(html_dir))
        text_rate = median_rates("text", args.texts, args.runs, ingest(text_dir))
        bare_rate = median_rates("trafilatura", args.pages, args.runs, trafilatura_alone)
        page_kb = sum(len(p.encode()) for p in pages) / len(pages) / 1024

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB
    print(f"command: {shlex.join([sys.executable.split('/')[-1], *sys.argv])}")
    print(f"one core, median of {args.runs} runs; per CPU second (per wall-clock second)")
    print(f"HTML pages ({args.pages}, avg {page_kb:.1f} kB): {_rates(html_rate)} pages/s")
    print(f"text articles ({args.texts}):          {_rates(text_rate)} articles/s")
    print(f"trafilatura alone, same pages:  {_rates(bare_rate)} pages/s")
    print(f"peak RSS: {peak_mb:.0f} MB")


def _rates(rates: tuple[float, float]) -> str:
    return f"{rates[0]:7.1f} ({rates[1]:.1f})"


if __name__ == "__main__":
    main()
