"""Which report features tell two events apart: ranking quality (AUC) of each similarity.

Event grouping links reports by similarity; this measures, for each candidate signal, how
well it ranks pairs of reports of one event above pairs of different events (AUC: 1.0 is a
perfect ranking, 0.5 chance). Two scopes: all pairs within the event window, and the *hard*
pairs, those the event linker actually weighs (they share a name it indexes). Tuning sets
only: the held-out realistic set is never looked at this way.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/event_features.py [--set SET]

SET: realistic-dev (the default), realistic-dev2, realistic-dev3 or fictional.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from stories import _heldout_ids, load  # noqa: E402

from corroborate import nlp  # noqa: E402
from corroborate.corpus import stories as grouping  # noqa: E402
from corroborate.corpus.text import cosine, terms  # noqa: E402
from corroborate.extract.pipeline import analyse_many  # noqa: E402
from corroborate.model import Article  # noqa: E402

WINDOW_DAYS = 14


def auc(same: list[float], other: list[float]) -> float:
    a, b = np.array(same)[:, None], np.array(other)[None, :]
    return float((a > b).mean() + 0.5 * (a == b).mean())


def tfidf(bags: list[list[str]], keep: int, power: float = 1.0) -> list[dict[str, float]]:
    """Term vectors as the grouping builds them (IDF over the input plus prior documents),
    each cut to its `keep` strongest terms; `power` > 1 sharpens the IDF."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(set(bag))
    n = len(bags) + grouping.PRIOR_DOCS
    out = []
    for bag in bags:
        vec = {
            t: (1 + math.log(c)) * (math.log(n / (df[t] + 1)) + 1) ** power
            for t, c in Counter(bag).items()
        }
        out.append(dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]))
    return out


def unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def signals(articles: list[Article]) -> dict[str, Callable[[int, int], float]]:
    docs = grouping.build_docs([(a, [a.id]) for a in articles], nlp.embed)
    lead = unit(np.array([d.vector for d in docs]))
    paragraphs = [
        [p for p in a.text.split("\n") if len(p.split()) > 8] or [a.text] for a in articles
    ]
    flat = unit(np.asarray(nlp.embed([p for ps in paragraphs for p in ps])))
    bounds = np.cumsum([0] + [len(ps) for ps in paragraphs])
    body = unit(np.array([flat[s:e].mean(axis=0) for s, e in itertools.pairwise(bounds)]))
    full = [terms(f"{a.title or ''}\n{a.text}") for a in articles]
    first300 = [terms(f"{a.title or ''}\n{' '.join(a.text.split()[:300])}") for a in articles]
    vectors = {
        "lead terms, 40 kept (shipped)": [d.terms for d in docs],
        "lead terms, 120 kept": tfidf([grouping._doc_terms(a) for a in articles], 120),
        "first 300 words' terms, 120 kept": tfidf(first300, 120),
        "first 300 words' terms, idf squared": tfidf(first300, 120, 2.0),
        "whole text's terms, 120 kept": tfidf(full, 120),
        "entities (shipped weights)": [d.entities for d in docs],
    }
    out: dict[str, Callable[[int, int], float]] = {
        name: (lambda i, j, v=vec: cosine(v[i], v[j])) for name, vec in vectors.items()
    }
    out["headline + lead embedding (shipped)"] = lambda i, j: float(lead[i] @ lead[j])
    out["mean paragraph embedding"] = lambda i, j: float(body[i] @ body[j])
    out["event score (shipped mix)"] = lambda i, j: (
        0.4 * float(lead[i] @ lead[j])
        + 0.3 * cosine(docs[i].entities, docs[j].entities)
        + 0.3 * cosine(docs[i].terms, docs[j].terms)
    )
    keys = [{k for k in d.keys if k.startswith("E:")} for d in docs]
    days = [d.day for d in docs]
    out["_candidate"] = lambda i, j: float(bool(keys[i] & keys[j]))
    out["_days"] = lambda i, j: (
        abs((days[i] - days[j]).days) if days[i] and days[j] else 0.0  # type: ignore[operator]
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=("realistic-dev", "realistic-dev2", "realistic-dev3", "fictional"),
        default="realistic-dev",
    )
    args = parser.parse_args()
    loaded, gold_events, _ = load(True, args.set)
    held = _heldout_ids()
    articles = [a for a in loaded if a.id in gold_events and a.id not in held]
    articles = list(analyse_many(articles))
    sig = signals(articles)
    scores: dict[str, dict[str, tuple[list[float], list[float]]]] = {}
    for i, j in itertools.combinations(range(len(articles)), 2):
        if sig["_days"](i, j) > WINDOW_DAYS:
            continue
        same = gold_events[articles[i].id] == gold_events[articles[j].id]
        scopes = ["all pairs"] + (["hard pairs"] if sig["_candidate"](i, j) else [])
        for name, fn in sig.items():
            if name.startswith("_"):
                continue
            value = fn(i, j)
            for scope in scopes:
                pair = scores.setdefault(scope, {}).setdefault(name, ([], []))
                pair[0 if same else 1].append(value)
    result: dict[str, dict[str, object]] = {}
    for scope, by_name in scores.items():
        first = next(iter(by_name.values()))
        result[scope] = {"pairs (same event / different)": [len(first[0]), len(first[1])]}
        result[scope] |= {name: round(auc(*v), 3) for name, v in by_name.items()}
    print(json.dumps({"set": args.set, "reports": len(articles), **result}, indent=2))


if __name__ == "__main__":
    main()
