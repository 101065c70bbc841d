"""The parse, component by component: where its milliseconds go, under the installed spaCy.

Times spaCy's tokenizer and every component of `corroborate.nlp.pipeline.load()` over
news-length articles on one core (CPU time, best of `--runs`), one article at a time, and
prints ms/article per component with the spaCy version, so that two spaCy releases can be
compared by running it under each (e.g. one installed, one from an overlay on PYTHONPATH).
Articles: as `benchmarks/pipeline.py` (PolNeAR when ../shared is present, else the sample).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/parse_components.py [--articles 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import time

import spacy
from pipeline import texts  # type: ignore[import-not-found]  # benchmarks/ is on sys.path

from corroborate.nlp.pipeline import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    nlp = load()
    articles, what = texts(args.articles)
    for text in articles[:5]:
        nlp(text)  # warm caches (lemmas, strings) as a long run would have them
    best: dict[str, float] = {}
    for _ in range(args.runs):
        started = time.process_time()
        docs = [nlp.make_doc(text) for text in articles]
        best["tokenizer"] = min(best.get("tokenizer", float("inf")), time.process_time() - started)
        for name, component in nlp.pipeline:
            started = time.process_time()
            docs = [component(doc) for doc in docs]
            elapsed = time.process_time() - started
            best[name] = min(best.get(name, float("inf")), elapsed)
    per_article = {k: round(1000 * v / len(articles), 2) for k, v in best.items()}
    print(
        f"spaCy {spacy.__version__}; {len(articles)} {what}; ms/article (CPU, best of {args.runs})"
    )
    print(json.dumps({**per_article, "total": round(sum(per_article.values()), 2)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
