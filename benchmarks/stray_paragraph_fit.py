"""Fit the second look at paragraph strays (`extract.stray.COHERENCE_WEIGHTS`).

The first look flags a paragraph far in meaning from its neighbours and the lead. A paragraph
pasted from another report on the same broad subject (another election, another war) is not
far enough for it, and neither is many a paragraph of the report's own. The second look
embeds every paragraph of the report and weighs how the candidate sits among them.

This script makes the labelled examples and fits the weights. PolNeAR articles 0-399 of
`stray_injection.py`'s order (its dev and spare sets; research-only data, read here, never
committed) are run clean (each candidate the second look judges is a paragraph of the report's
own: label 0), and with a paragraph pasted in (label 1 for it): one from another of those
PolNeAR articles (the same campaign), two from our realistic dev2 and dev3 reports (other
events). Neither the fresh split (400-923) nor the pool `stray_injection.py --other-topics`
draws from (realistic dev and held-out) is read. It prints the cross-validated recall and
false flags per threshold, then the weights in the form of `COHERENCE_WEIGHTS`.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/stray_paragraph_fit.py
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from stray_injection import OTHER_TOPICS, donor_paragraph, inject, load, strays  # noqa: E402

from corroborate import nlp  # noqa: E402
from corroborate.extract import stray  # noqa: E402

TRAINING_POOL = ("dev2.jsonl", "dev3.jsonl")  # other events; not the benchmark's own pool
NAMES = tuple(f.name for f in fields(stray.CoherenceFeatures))
THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 0.97)


class Recorder:
    """Stands in for the second look's decision: keeps each candidate's features and label
    (is it the pasted paragraph?) and flags nothing, so one judgement never changes another."""

    def __init__(self) -> None:
        self.rows: list[tuple[dict[str, float], int, str]] = []
        self.target: int | None = None
        self.mode = ""
        self.judged: int | None = None
        self._coherence = stray.report_coherence

    def coherence(self, vectors: stray.Vectors, index: int) -> stray.Coherence | None:
        self.judged = index
        return self._coherence(vectors, index)

    def probability(self, features: stray.CoherenceFeatures) -> float:
        self.rows.append((asdict(features), int(self.judged == self.target), self.mode))
        return 0.0


# The examples are drawn from a wider band than the library judges (more of them to fit on):
# paragraphs sharing up to this share of the report's usual words, not `COHERENCE_OVERLAP`.
FIT_OVERLAP = 0.7


def examples(data: Path, seed: int) -> list[tuple[dict[str, float], int, str]]:
    recorder = Recorder()
    stray.COHERENCE_OVERLAP = FIT_OVERLAP
    stray.report_coherence = recorder.coherence  # type: ignore[assignment]
    stray.coherence_probability = recorder.probability  # type: ignore[assignment]
    docs = load(data)
    random.Random(13).shuffle(docs)  # the benchmark's order, so its splits mean the same
    docs = docs[:400]
    pool = [
        json.loads(line)
        for part in TRAINING_POOL
        for line in (OTHER_TOPICS / part).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    for i, doc in enumerate(docs):
        text = "\n".join(p.strip() for p in doc["text"].split("\n") if p.strip())
        recorder.target, recorder.mode = None, "clean"
        strays(text, doc["title"], True)
        for mode in ("same", "other", "other"):
            if mode == "same":
                donor = docs[(i + 1 + rng.randrange(len(docs) - 1)) % len(docs)]["text"]
            else:
                donor = rng.choice(pool)["text"]
            paragraph = donor_paragraph(donor, rng)
            injected = inject(text, paragraph, rng) if paragraph else None
            if injected is None:
                continue
            new, start, _ = injected
            # the paragraph the pasted line became (the segmenter may join lines)
            paragraphs, _ = nlp.segment(new)
            recorder.target = next(i for i, p in enumerate(paragraphs) if start < p.end)
            recorder.mode = mode
            strays(new, doc["title"], True)
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/400 articles", file=sys.stderr)
    return recorder.rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--save", type=Path, help="also write the examples (JSON lines)")
    args = parser.parse_args()
    if not nlp.embeddings_available():
        sys.exit("the second look needs the embeddings: install the package with its defaults")
    judged = stray.COHERENCE_OVERLAP  # the band the library judges, before it is widened
    rows = examples(args.data, args.seed)
    if args.save:
        args.save.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    x = np.array([[features[n] for n in NAMES] for features, _, _ in rows])
    y = np.array([label for _, label, _ in rows])
    mode = np.array([m for _, _, m in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0  # a feature constant over the examples carries no weight
    z = (x - mean) / scale
    model = LogisticRegression(C=1.0, max_iter=2000)
    predicted: Any = cross_val_predict(model, z, y, cv=5, method="predict_proba")[:, 1]
    inside = x[:, NAMES.index("relative_overlap")] < judged
    print(f"examples: {len(y)} ({int(y.sum())} pasted; {int((mode == 'clean').sum())} from clean")
    print(f"articles, which the second look could flag falsely); {int(inside.sum())} in the band")
    print(f"the library judges ({int(y[inside].sum())} pasted, scored below)")
    print("threshold  pasted caught (same campaign, other events)  own paragraphs flagged (clean)")
    for threshold in THRESHOLDS:
        hit = (predicted >= threshold) & inside
        same = hit[(y == 1) & (mode == "same")].sum()
        other = hit[(y == 1) & (mode == "other")].sum()
        false = hit[y == 0].sum()
        clean = hit[(y == 0) & (mode == "clean")].sum()
        print(f"{threshold:9}  {same + other:4} ({same}, {other}){false:30} ({clean})")
    model.fit(z, y)
    weights = model.coef_[0] / scale  # on the raw features, as the library computes them
    bias = float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum())
    print(f"COHERENCE_BIAS = {bias:.3f}")
    print("COHERENCE_WEIGHTS = {")
    for name, weight in zip(NAMES, weights, strict=True):
        print(f'    "{name}": {weight:.3f},')
    print("}")


if __name__ == "__main__":
    main()
