"""Speed and memory of the shipped `news_en` pipeline (tokenizer, tagger, NER, lemmatizer).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ner.py [--data ../shared/data] [--repeats 3]

Runs the full pipeline (as `corroborate.nlp.parse_many` does) over the eng.testb documents of
CoNLL-2003 as plain text, pinned to one core and one thread, and prints tokens per CPU-second
(the per-core figure on a shared machine), wall-clock tokens/s, peak RSS and the model size.
Accuracy is measured by `python -m corroborate.nlp.training.ner evaluate ../shared/data`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# One core: set before numpy/blis are imported (corroborate.nlp is imported in main()).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="news_en tokens/s and peak RSS")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    from corroborate.nlp.pipeline import MODEL_DIR, load
    from corroborate.nlp.training.ner import documents_as_text, model_size_mb, read_conll2003

    testb = args.data / "conll2003" / "eng.testb"
    if not testb.exists():
        print(f"skip: {testb} not found (needs ../shared/data)", file=sys.stderr)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts = documents_as_text(read_conll2003(testb))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    nlp = load()
    load_s = time.perf_counter() - t0
    list(nlp.pipe(texts[:20]))  # warm up
    runs: list[float] = []
    cpu_runs: list[float] = []
    n_tokens = 0
    for _ in range(args.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        runs.append(n_tokens / (time.perf_counter() - t0))
        cpu_runs.append(n_tokens / (time.process_time() - c0))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "threads": os.environ["OMP_NUM_THREADS"],
        "docs": len(texts),
        "tokens": n_tokens,
        "tokens_per_s_best": round(max(runs)),
        "tokens_per_s_median": round(sorted(runs)[len(runs) // 2]),
        "tokens_per_cpu_s_median": round(sorted(cpu_runs)[len(cpu_runs) // 2]),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(peak_mb),
        "rss_before_load_mb": round(rss_before / 1024),
        "model_mb": model_size_mb(MODEL_DIR),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            "news_en: {tokens} tokens in {docs} docs, {tokens_per_cpu_s_median} tokens per "
            "CPU-second (median); wall-clock {tokens_per_s_best} tokens/s best "
            "({tokens_per_s_median} median) on {threads} thread(s), load {load_s} s, peak RSS "
            "{peak_rss_mb} MB, model {model_mb} MB, {machine}, {date}".format(**result)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
