"""Sentence-boundary accuracy and speed of `corroborate.nlp.segment` on UD English EWT.

Each EWT document is rebuilt as text: its sentences (`# text =`) joined by a space within a
paragraph (`# newpar`) and by "\\n" between paragraphs. A boundary is the end offset of a
sentence that is not the last of its document; predicted boundaries are scored against gold.
Boundaries at paragraph ends are easy for us (we split on line breaks), so the scores are given
both for all boundaries and for those inside paragraphs only. spaCy's rule-based `sentencizer`
on the same text is a reference point.

    .venv/bin/python benchmarks/segment.py [--data ../shared/data/ud_english_ewt] [--errors N]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corroborate.nlp.segmenter import segment

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ud_english_ewt"


@dataclass
class Document:
    text: str
    ends: list[int]  # end offset of every gold sentence
    paragraph_ends: set[int]


def read_documents(path: Path) -> Iterator[Document]:
    paragraphs: list[list[str]] = []

    def flush() -> Document | None:
        if not any(paragraphs):
            return None
        text_parts: list[str] = []
        ends: list[int] = []
        paragraph_ends: set[int] = set()
        offset = 0
        for p_index, sentences in enumerate(p for p in paragraphs if p):
            if p_index:
                text_parts.append("\n")
                offset += 1
            for s_index, sentence in enumerate(sentences):
                if s_index:
                    text_parts.append(" ")
                    offset += 1
                text_parts.append(sentence)
                offset += len(sentence)
                ends.append(offset)
            paragraph_ends.add(offset)
        return Document("".join(text_parts), ends, paragraph_ends)

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# newdoc"):
                doc = flush()
                if doc:
                    yield doc
                paragraphs = [[]]
            elif line.startswith("# newpar"):
                paragraphs.append([])
            elif line.startswith("# text = "):
                if not paragraphs:
                    paragraphs = [[]]
                paragraphs[-1].append(line[len("# text = ") :].rstrip("\n").strip())
    doc = flush()
    if doc:
        yield doc


def ours(text: str) -> list[int]:
    return [s.end for s in segment(text)[1]]


def spacy_sentencizer() -> Callable[[str], list[int]]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def run(text: str) -> list[int]:
        return [s.end_char for s in nlp(text).sents if s.text.strip()]

    return run


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def line(self) -> str:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        f = 2 * p * r / max(1e-9, p + r)
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def evaluate(
    docs: list[Document], split: Callable[[str], list[int]], show_errors: int = 0
) -> tuple[Score, Score, int]:
    all_b, inner_b = Score(), Score()
    shown = 0
    n_pred = 0
    for doc in docs:
        pred_ends = split(doc.text)
        n_pred += len(pred_ends)
        final = len(doc.text.rstrip())
        gold = {e for e in doc.ends if e < final}
        pred = {e for e in pred_ends if e < final}
        for score, keep in ((all_b, gold), (inner_b, gold - doc.paragraph_ends)):
            p = pred if score is all_b else pred - doc.paragraph_ends
            score.tp += len(p & keep)
            score.fp += len(p - keep)
            score.fn += len(keep - p)
        if shown < show_errors:
            for e in sorted(pred ^ gold)[: show_errors - shown]:
                kind = "FP" if e in pred else "FN"
                print(f"  {kind}: …{doc.text[max(0, e - 50) : e]!r} | {doc.text[e : e + 30]!r}")
                shown += 1
    return all_b, inner_b, n_pred


def speed(docs: list[Document], split: Callable[[str], list[int]], repeat: int) -> str:
    """Sentences per second of wall time and of CPU time, best of `repeat` passes.

    The machine is shared; CPU time is less affected by the neighbours' load than wall time.
    """
    best_wall = best_cpu = float("inf")
    n = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        n = sum(len(split(doc.text)) for doc in docs)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return (
        f"{n / best_wall:,.0f} sentences/s wall, {n / best_cpu:,.0f} per CPU-second"
        f" ({sum(len(d.text) for d in docs) / best_cpu / 1e6:.2f} M chars per CPU-second)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N boundary errors")
    parser.add_argument("--repeat", type=int, default=5, help="timing passes, best is kept")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy reference")
    args = parser.parse_args(argv)
    files = sorted(args.data.glob("*.conllu"))
    if not files:
        print(f"no .conllu files under {args.data}", file=sys.stderr)
        return 2
    docs = [doc for f in files for doc in read_documents(f)]
    n_sents = sum(len(d.ends) for d in docs)
    print(
        f"UD EWT {', '.join(f.name for f in files)}: {len(docs)} documents, {n_sents} sentences;"
        f" {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    systems: list[tuple[str, Callable[[str], list[int]]]] = [("corroborate", ours)]
    if not args.no_spacy:
        systems.append(("spaCy sentencizer", spacy_sentencizer()))
    for name, split in systems:
        split(docs[0].text)  # warm up
        all_b, inner_b, _ = evaluate(docs, split, args.errors if name == "corroborate" else 0)
        print(f"{name}:")
        print(f"  all boundaries          {all_b.line()}")
        print(f"  inside paragraphs only  {inner_b.line()}")
        print(f"  speed {speed(docs, split, args.repeat)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
