"""Check-worthiness: accuracy on CheckThat! 2024 and on our own news sentences, and speed.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/checkworthy.py [--data ../shared/data]
        [--train [--cache DIR]] [--model-dir DIR] [--student-dir DIR] [--json]

Without `--train` it measures the shipped models (`corroborate/nlp/models/checkworthy/`, and
the distilled student in `corroborate/nlp/models/checkworthy_student/`); with `--train` it
first retrains the linear ones into a temporary folder (about 7 minutes on one core with the
embedding stack, 1 without) and measures those (the fine-tuned model and the student are
measured as shipped: each has its own training script). For every model variant it prints
P/R/F1 of "Yes" on dev and dev-test (threshold chosen on dev), the same on
`tests/fixtures/checkworthy_news.tsv` (our own news-style sentences), and sentences/s on one
thread, wall-clock and per CPU second (the VM is shared, so the CPU-time rate is the per-core
figure). Embedding time is included in the embedding variant's rate.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
NEWS = ROOT / "tests" / "fixtures" / "checkworthy_news.tsv"

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def read_news() -> tuple[list[str], list[int]]:
    with NEWS.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [text for _, text in rows], [int(label == "Yes") for label, _ in rows]


def measure(model_dir: Path, data_dir: Path | None, student_dir: Path) -> dict[str, Any]:
    import numpy as np

    from corroborate.nlp import checkworthy as cw
    from corroborate.nlp.training import checkworthy as training

    evaluation = training.evaluate(model_dir, data_dir) if data_dir else {}
    news_texts, news_labels = read_news()
    speed_texts = training.load_split(data_dir, "dev")[0] if data_dir else news_texts * 25
    config = cw.read_config(model_dir)
    default, why = cw.choose_variant(model_dir, student_dir)
    result: dict[str, Any] = {"default": default, "why": why, "variants": {}}
    for variant in config["variants"]:
        t0 = time.perf_counter()
        model = cw.load_model(model_dir, variant)
        scorer = cw.Scorer(*cw.load_vocabulary(model_dir), model)
        load_s = time.perf_counter() - t0
        entry: dict[str, Any] = dict(evaluation.get(variant, {}))
        if model.needs_embeddings and not cw._embeddings_available():
            entry["skipped"] = "embedding stack not installed"
            result["variants"][variant] = entry
            continue

        def run(texts: list[str], scorer: cw.Scorer = scorer, model: Any = model) -> Any:
            vectors = cw.embed(texts) if model.needs_embeddings else None
            return scorer.probabilities(texts, vectors)

        run(news_texts[:4])  # warm up (loads the encoder for the embedding variant)
        probs = run(news_texts)
        entry["news"] = training.prf(np.asarray(news_labels), probs, model.threshold)
        entry["news"]["n"] = len(news_texts)
        entry["news"]["average_precision"] = training._ap(np.asarray(news_labels), probs)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        run(speed_texts)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        entry["speed"] = {
            "sentences": len(speed_texts),
            "sentences_per_s": round(len(speed_texts) / wall, 1),
            "sentences_per_cpu_s": round(len(speed_texts) / cpu, 1),
            "load_s": round(load_s, 2),
        }
        result["variants"][variant] = entry
    if cw.student_present(student_dir):
        result["variants"][cw.STUDENT] = _measure_other(
            cw.STUDENT, student_dir, data_dir, news_texts, news_labels, speed_texts
        )
    if (model_dir / f"model-{cw.FINETUNED}.npz").is_file():
        result["variants"][cw.FINETUNED] = _measure_other(
            cw.FINETUNED, model_dir, data_dir, news_texts, news_labels, speed_texts
        )
    return result


def _measure_other(
    variant: str,
    model_dir: Path,
    data_dir: Path | None,
    news_texts: list[str],
    news_labels: list[int],
    speed_texts: list[str],
) -> dict[str, Any]:
    """The distilled student or the fine-tuned transformer: the same measures, their own
    loaders (a fresh scorer from `model_dir`, so the load time is a cold load)."""
    import numpy as np

    from corroborate.nlp import checkworthy as cw
    from corroborate.nlp.training import checkworthy as training

    scorer: Any
    t0 = time.perf_counter()
    if variant == cw.STUDENT:
        from corroborate.nlp import checkworthy_student as cs

        if not cw.student_runtime_available():
            return {"skipped": "onnxruntime or the MiniLM package not installed"}
        scorer = cs.StudentScorer(model_dir)
    else:
        from corroborate.nlp import checkworthy_finetuned as ft

        if not cw._embeddings_available():
            return {"skipped": "embedding stack not installed"}
        scorer = ft.load_finetuned(model_dir)
    entry: dict[str, Any] = {"threshold": scorer.threshold, "load_s": time.perf_counter() - t0}
    splits = {"dev": "dev", "dev-test": "dev-test"} if data_dir else {}
    cases = {s: training.load_split(data_dir, s) for s in splits} if data_dir else {}
    cases["news"] = (news_texts, np.asarray(news_labels))
    for split, (texts, labels) in cases.items():
        probs = scorer.probabilities(texts)
        entry[split] = training.prf(np.asarray(labels), probs, scorer.threshold)
        entry[split]["n"] = len(texts)
        entry[split]["average_precision"] = training._ap(np.asarray(labels), probs)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    scorer.probabilities(speed_texts)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    entry["speed"] = {
        "sentences": len(speed_texts),
        "sentences_per_s": round(len(speed_texts) / wall, 1),
        "sentences_per_cpu_s": round(len(speed_texts) / cpu, 1),
        "load_s": round(entry.pop("load_s"), 2),
    }
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="check-worthiness accuracy and speed")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--train", action="store_true", help="retrain into a temporary folder")
    parser.add_argument("--model-dir", type=Path, default=None)
    parser.add_argument("--student-dir", type=Path, default=None, help="the distilled student")
    parser.add_argument("--cache", type=Path, default=None, help="embedding cache for --train")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    from corroborate.nlp import checkworthy as cw
    from corroborate.nlp.training import checkworthy as training

    data_dir: Path | None = args.data
    try:
        training.resolve_data_dir(args.data)
    except FileNotFoundError as exc:
        if args.train:
            print(f"skip: {exc} (needs ../shared/data)", file=sys.stderr)
            return 0
        print(f"note: {exc}; measuring the news fixtures only", file=sys.stderr)
        data_dir = None

    with tempfile.TemporaryDirectory() as tmp:
        model_dir = args.model_dir or cw.MODEL_DIR
        train_info: dict[str, Any] | None = None
        if args.train:
            assert data_dir is not None
            model_dir = Path(tmp)
            summary = training.train(data_dir, model_dir, embedding_cache=args.cache)
            train_info = summary["timings"]
        result = {
            "date": date.today().isoformat(),
            "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}",
            "threads": os.environ["OMP_NUM_THREADS"],
            "model_dir": str(model_dir) if not args.train else "(retrained, temporary)",
            "training": train_info,
            **measure(model_dir, data_dir, args.student_dir or cw.STUDENT_DIR),
        }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"check-worthiness, {result['machine']}, {result['threads']} thread(s), {result['date']}")
    if train_info:
        print(f"training: {train_info}")
    print(f"default model: {result['default']} ({result['why']})")
    for variant, entry in result["variants"].items():
        print(f"\n[{variant}] threshold {entry.get('threshold')}")
        if "skipped" in entry:
            print(f"  skipped: {entry['skipped']}")
            continue
        for split in ("dev", "dev-test", "news"):
            if split in entry:
                m = entry[split]
                print(
                    f"  {split:9s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
                    f"  acc {m['accuracy']:.3f}  AP {m['average_precision']:.3f}  (n={m['n']})"
                )
        s = entry["speed"]
        print(
            f"  speed     {s['sentences_per_s']:.0f} sentences/s wall, "
            f"{s['sentences_per_cpu_s']:.0f} per CPU second ({s['sentences']} sentences; "
            f"load {s['load_s']} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
