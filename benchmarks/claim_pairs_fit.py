"""Fit the weights that tell one claim made twice from two claims on one topic.

Every pair of check-worthy claims of different reports within one gold event of the realistic
tuning sets (dev and dev2; never held-out) is labelled by the claim gold (both sentences in
one gold group, or not), described by `corpus.claims._features`, and a logistic regression is
fitted, with the embedding and without it (the lexical mode). It prints the weights in the
form of `corpus.claims.WEIGHTS`; the thresholds were then chosen with
`benchmarks/claim_alignment.py` on the same sets.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/claim_pairs_fit.py
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from claim_alignment import gold_members  # noqa: E402
from figure_alignment import TUNING, _match, analysed_set  # noqa: E402

from corroborate import nlp  # noqa: E402
from corroborate.corpus.claims import _collect, _features  # noqa: E402
from corroborate.corpus.dedup import find_origins  # noqa: E402
from corroborate.model import Article  # noqa: E402

NAMES = ("embedding", "terms", "shared_terms", "names", "figure", "same_day")


def labelled_pairs(which: str) -> tuple[list[dict[str, float]], list[bool]]:
    """Features and gold label of every cross-report pair of aligned claims, per gold event."""
    analysed, gold_events, _ = analysed_set(which)
    members, _ = gold_members(which, {a.id: a.text for a in analysed})
    by_event: dict[str, list[Article]] = {}
    for a in analysed:
        by_event.setdefault(gold_events[a.id], []).append(a)
    features: list[dict[str, float]] = []
    labels: list[bool] = []
    for _, articles in sorted(by_event.items()):
        claims = _collect(articles, find_origins(articles))
        df: Counter[str] = Counter()
        for c in claims:
            df.update(set(c.terms))
        for c in claims:  # as `align_claims` weighs them
            counts = Counter(c.terms)
            c.vec = {
                t: (1 + math.log(k)) * (math.log((len(claims) + 1) / (df[t] + 1)) + 1)
                for t, k in counts.items()
            }
        vectors = nlp.embed([c.text for c in claims]) if claims else None
        for c, v in zip(claims, vectors if vectors is not None else [], strict=False):
            c.emb = np.asarray(v, dtype=np.float32)
        spans = [(c.article.id, c.article.claims[c.index].start, c.article.claims[c.index].end)
                 for c in claims]  # fmt: skip
        gold = [_match(span, members) for span in spans]
        for i, j in itertools.combinations(range(len(claims)), 2):
            if claims[i].article.id == claims[j].article.id:
                continue
            gi, gj = gold[i], gold[j]
            features.append(_features(claims[i], claims[j], "embeddings"))
            labels.append(bool(gi and gj and gi["group"] == gj["group"] and gi is not gj))
    return features, labels


def main() -> None:
    features: list[dict[str, float]] = []
    labels: list[bool] = []
    for which in TUNING:
        f, y = labelled_pairs(which)
        features += f
        labels += y
        print(f"{which}: {len(y)} pairs, {sum(y)} of one claim", file=sys.stderr)
    weights = {}
    for mode, names in (("embeddings", NAMES), ("lexical", NAMES[1:])):
        x = np.array([[f.get(n, 0.0) for n in names] for f in features])
        model = LogisticRegression(C=1.0, max_iter=5000).fit(x, np.array(labels))
        weights[mode] = [
            round(float(model.intercept_[0]), 3),
            {n: round(float(w), 3) for n, w in zip(names, model.coef_[0], strict=True)},
        ]
    print(json.dumps(weights, indent=2))


if __name__ == "__main__":
    main()
