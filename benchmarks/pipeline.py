"""Whole per-article extraction speed, stage by stage, next to a tokenizer-only baseline.

Runs every stage of `corroborate.extract.pipeline` over news-length articles on one core and
prints the median articles/s of 3 runs, each stage's share of the time, and peak memory. The
stage-by-stage pass is the one-article path (`analyse`: one `nlp(text)` per article); the
batched rate is `analyse_many` as `corroborate.app` runs it (`nlp.pipe`, 32 articles a batch).
Articles: PolNeAR news texts (research-only, read here, never committed) when ../shared is
present, otherwise the bundled sample corpus.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pipeline.py [--articles 200] [--runs 3]
        [--words 500-700] [--encoder onnx|torch]

`--words LOW-HIGH` keeps only the articles of that many words (whole articles, not cut): the
issue's target is stated for news-length articles of about 600 words, PolNeAR's mean is 767.
`--encoder` picks how MiniLM runs (default: the library's choice, ONNX Runtime when installed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from corroborate import nlp
from corroborate.extract.claims import extract_claims
from corroborate.extract.entities import extract_entities
from corroborate.extract.figures import extract_figures
from corroborate.extract.loaded import loaded_language_flags
from corroborate.extract.pipeline import analyse, analyse_many
from corroborate.extract.profile import claim_flags, sourcing_profile
from corroborate.extract.quotes import extract_quotes
from corroborate.extract.structure import structure_flags
from corroborate.model import Article
from corroborate.nlp import embeddings
from corroborate.nlp.pipeline import load

ROOT = Path(__file__).resolve().parents[1]


def texts(limit: int, words: tuple[int, int] | None = None) -> tuple[list[str], str]:
    polnear = ROOT.parent / "shared" / "data" / "polnear" / "polnear_dev.jsonl"
    if polnear.is_file():
        seen, out = set(), []
        for name in ("polnear_dev.jsonl", "polnear_train.jsonl"):
            for line in (polnear.parent / name).read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                if record["doc_id"] not in seen:
                    seen.add(record["doc_id"])
                    text = "\n".join(p for p in record["text"].split("\n") if p.strip())
                    if words is None or words[0] <= len(text.split()) <= words[1]:
                        out.append(text)
        return out[:limit], "PolNeAR news articles"
    sample = ROOT / "corroborate" / "sample" / "corpus.jsonl"
    lines = sample.read_text(encoding="utf-8").splitlines()
    return [json.loads(x)["text"] for x in lines][:limit], "bundled sample corpus"


@contextmanager
def clock(stages: dict[str, float], name: str) -> Iterator[None]:
    started = time.process_time()
    yield
    stages[name] += time.process_time() - started


def one_pass(batch: list[str], stages: dict[str, float]) -> None:
    """The stages of `extract.pipeline._annotate`, each under its own clock."""
    for text in batch:
        with clock(stages, "segment"):
            paragraphs, sentences = nlp.segment(text)
        with clock(stages, "parse (tagger+NER)"):
            doc = nlp.parse(text)
        with clock(stages, "entities"):
            entities = extract_entities(text, doc)
        with clock(stages, "structure"):
            structure = structure_flags(text, paragraphs, entities, doc)
        with clock(stages, "quotes"):
            quotes = extract_quotes(text, doc, sentences, entities)
        with clock(stages, "figures"):
            figures = extract_figures(text, doc, sentences, entities, None, paragraphs=paragraphs)
        with clock(stages, "check-worthiness"):
            scores = nlp.checkworthiness([x.of(text) for x in sentences])
        with clock(stages, "claims"):
            claims = extract_claims(text, sentences, entities, quotes, figures, scores)
        with clock(stages, "flags"):
            flags = structure + loaded_language_flags(text, quotes) + claim_flags(text, claims)
        article = Article(
            text=text,
            sentences=sentences,
            entities=entities,
            quotes=quotes,
            figures=figures,
            claims=claims,
            flags=flags,
        )
        with clock(stages, "profile"):
            sourcing_profile(article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--words", help="only articles of LOW-HIGH words, e.g. 500-700 (whole articles)"
    )
    parser.add_argument("--encoder", choices=["onnx", "torch"], help="how MiniLM runs")
    args = parser.parse_args()
    if args.encoder:
        embeddings.ENCODER = args.encoder
    low, _, high = (args.words or "").partition("-")
    words = (int(low), int(high)) if args.words else None
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    batch, source = texts(args.articles, words)
    words = statistics.mean(len(t.split()) for t in batch)
    analyse(Article(text=batch[0]))  # load every model once, outside the timing
    if nlp.embeddings_available():
        nlp.embed(["warm up"])  # loaded on the first line judged by meaning, which may come later
    tokenizer = load().tokenizer
    base, full, batched, per_stage = [], [], [], []
    for _ in range(args.runs):
        started = time.process_time()
        for text in batch:
            tokenizer(text)
        base.append(len(batch) / (time.process_time() - started))
        stages: dict[str, float] = defaultdict(float)
        started = time.process_time()
        one_pass(batch, stages)
        full.append(len(batch) / (time.process_time() - started))
        per_stage.append(stages)
        started = time.process_time()
        for _ in analyse_many(Article(text=text) for text in batch):
            pass
        batched.append(len(batch) / (time.process_time() - started))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(batch)} {source}, mean {words:.0f} words; one core, CPU time, "
        f"median of {args.runs} runs; MiniLM via {embeddings._encoder().kind}"
    )
    print(f"tokenizer only:        {statistics.median(base):8.1f} articles/s")
    print(f"whole extraction:      {statistics.median(full):8.1f} articles/s")
    print(f"  batched (analyse_many): {statistics.median(batched):6.1f} articles/s")
    print(f"peak RSS:              {rss:8.0f} MB")
    total = sum(per_stage[-1].values())
    for name, seconds in sorted(per_stage[-1].items(), key=lambda kv: -kv[1]):
        print(
            f"  {name:22} {1000 * seconds / len(batch):7.2f} ms/article  "
            f"{100 * seconds / total:5.1f}%"
        )


if __name__ == "__main__":
    main()
