"""Figure sources on PolNeAR (research-only data, read at run time): is a figure inside what
someone is reported as saying credited to that someone?

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/figure_sources_polnear.py [--split dev]
        [--limit N] [--errors K]

There is no public corpus of figures with their sources, but PolNeAR marks who said what: each
attribution's `source` (the speaker), `cue` and `content`. A figure our extractor finds inside
the content of an attribution whose cue is a speech verb by our lexicon (`is_speech_cue`,
"according to" included) was said by that attribution's source, so its `source` should be
that speaker. When attributions nest ("X said Y reported 5 ..."), the innermost content
holding the figure decides. Beliefs and intentions (non-speech cues) are left out, as in
`benchmarks/quotes_polnear.py`, whose speaker test this reuses: the source's mention overlaps
the gold source span, or its resolved name shares a word with the source text; a relative
pronoun source ("Barkley, who said ...") wants its antecedent. A figure with no source
("unattributed") inside a speech attribution is wrong.

What it measures: source accuracy over figures inside speech attributions with a source
(`attributed`), and how many of those figures came out unattributed. It says nothing about
figures outside attributions (many are the reporter's own, rightly unattributed; some carry a
source from the sentence before, which PolNeAR does not mark) and nothing about figure
detection itself. The figures are the full per-article extraction's (`analyse`), as a user
gets them. `--split train` is for reading errors; `dev` is the score we record.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quotes_polnear import load_records, speaker_ok  # noqa: E402

from corroborate.extract.cues import is_speech_cue  # noqa: E402
from corroborate.extract.pipeline import analyse  # noqa: E402
from corroborate.model import Article, Figure  # noqa: E402


def innermost(figure: Figure, attributions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The speech attribution with the shortest content holding the whole figure, or None."""
    holding = [
        a
        for a in attributions
        if any(s <= figure.start and figure.end <= e for s, e in a["content"])
    ]
    if not holding:
        return None
    return min(holding, key=lambda a: sum(e - s for s, e in a["content"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong sources")
    args = parser.parse_args()
    records = load_records(args.split, args.limit)
    figures = inside = with_source = right = unattributed = 0
    errors: list[str] = []
    started = time.perf_counter()
    for record in records:
        text = record["text"]
        speech = [
            a
            for a in record["attributions"]
            if a.get("content") and is_speech_cue(a.get("cue_text") or "")
        ]
        article = analyse(Article(text=text, id=record["doc_id"]))
        for figure in article.figures:
            figures += 1
            gold = innermost(figure, speech)
            if gold is None:
                continue
            inside += 1
            if not gold.get("source"):
                continue  # nothing to check the source against
            with_source += 1
            source = figure.source
            if source.kind == "unattributed" or source.name is None:
                unattributed += 1
                ok = False
            else:
                ok = speaker_ok(text, source, gold)
            right += ok
            if not ok and len(errors) < args.errors:
                lo = max(0, figure.start - 150)
                got = None if source.name is None else (source.name, source.kind)
                errors.append(
                    f"gold {gold.get('source_text')!r} ({gold.get('cue_text')!r}) got {got!r} "
                    f"for {text[figure.start : figure.end]!r} :: "
                    f"{' '.join(text[lo : figure.end + 40].split())!r}"
                )
    elapsed = time.perf_counter() - started
    for error in errors:
        print(f"[source] {error}")
    print(
        f"PolNeAR {args.split}: {len(records)} docs, {figures} figures, {inside} inside a speech "
        f"attribution, {with_source} of them with a gold source; source accuracy "
        f"{right / max(1, with_source):.3f} ({right}/{with_source}); unattributed "
        f"{unattributed}/{with_source}; {elapsed:.1f}s"
    )


if __name__ == "__main__":
    main()
