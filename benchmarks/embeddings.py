"""Speed and agreement of the sentence-embedding inference paths (all-MiniLM-L6-v2, CPU).

Paths measured, all against the full sentence-transformers model as the reference:

- `sentence-transformers`: `SentenceTransformer(model folder).encode` (the baseline);
- `torch`: transformers `AutoModel` + mean pooling under `torch.inference_mode`;
- `torch-int8`: the same after `torch.ao.quantization.quantize_dynamic` on the Linear layers;
- `static`: a distilled static model: every word piece of the vocabulary is run through the
  model on its own ([CLS] piece [SEP], mean-pooled), and a sentence is the weighted mean of its
  pieces' vectors (Zipf/SIF weights from the vocabulary rank), optionally followed by a linear
  map fitted by least squares to full-model embeddings of training sentences;
- `onnx`: the model exported once to ONNX and run by ONNX Runtime (the library's default path);
- `onnx-int8`: that export with int8 weights, one scale per output channel, run one text per
  call (what the stray-text judgement uses).

Sentences are news sentences from PolNeAR (research-only: read here at run time, never stored),
split with our segmenter, 5–60 words: `dev` for evaluation, `train` for fitting the static
map. Without PolNeAR a small set of our own news-style sentences is used.

Agreement: mean cosine between each path's and the reference's embedding of the same sentence,
and nearest-neighbour agreement: for each sentence, whether its nearest other sentence (cosine)
in the evaluation set is the same under the path as under the reference.

    .venv/bin/python benchmarks/embeddings.py [--n 500] [--fit 2000] [--threads 1]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # one core: no tokenizer threads

from corroborate.nlp.embeddings import MAX_TOKENS, Encoder
from corroborate.nlp.segmenter import segment

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"

# Our own news-style sentences, used when PolNeAR is absent.
OWN_SENTENCES = [
    "Ukrainian forces seized another 40 square kilometres of Russian territory on Tuesday.",
    "Ukraine now controls 72 settlements in the Kursk region, its army chief said.",
    "Kyiv's troops advanced deeper into the Kursk region, according to the general staff.",
    "About 121,000 people have been evacuated from border districts, officials said.",
    "Local authorities said 59,000 residents were still in the process of leaving.",
    "Russia said its forces had halted the Ukrainian advance near Sudzha.",
    "The Kremlin denied that the incursion had caught its commanders by surprise.",
    "Hamas called for an immediate ceasefire to be implemented in Gaza.",
    "Mediators in Cairo presented a new proposal for a truce in Gaza.",
    "The central bank raised interest rates by half a percentage point.",
    "Inflation slowed to 2.1 per cent in July, the statistics office said.",
    "Shares in the carmaker fell 8 per cent after it cut its profit forecast.",
    "The company reported a quarterly loss and announced 2,000 job cuts.",
    "Heavy rain flooded streets in the capital and closed two airports.",
    "Forecasters warned that the storm would reach the coast by Friday morning.",
    "The prime minister called a snap election for October.",
    "Opposition leaders accused the government of stalling on electoral reform.",
    "Parliament voted 312 to 180 to approve the budget.",
    "The senator said she would not seek re-election next year.",
    "Police arrested three men after a shooting outside a nightclub.",
    "A court sentenced the former mayor to six years in prison for bribery.",
    "The football club sacked its manager after a run of five defeats.",
    "The striker scored twice as the home side won 3-1.",
    "Scientists reported a new treatment that slowed the progression of the disease.",
    "The health ministry confirmed 14 new cases of the virus on Monday.",
    "Hospitals in the region were running short of fuel for generators.",
    "The United Nations said aid convoys had been blocked for a week.",
    "Diplomats met in Geneva to discuss a possible prisoner exchange.",
    "The foreign ministry spokesman said Ukraine did not seek to occupy the region.",
    "Analysts said the offensive had embarrassed Moscow.",
    "The drone attack damaged an oil depot and started a large fire.",
    "Firefighters took six hours to bring the blaze under control.",
    "Wildfires forced thousands of people to leave their homes in the south.",
    "The airline cancelled 300 flights because of a pilots' strike.",
    "Union leaders said the strike would continue until wages were raised.",
    "The tech giant unveiled a new phone with a larger battery.",
    "Regulators fined the bank 50 million dollars for failing to report suspicious transfers.",
    "Exports rose for the third month in a row as demand from Asia recovered.",
    "The minister resigned after a newspaper revealed his expenses.",
    "Voters in the city approved a plan to build a new tram line.",
]


def news_sentences(split: str, limit: int) -> list[str]:
    path = POLNEAR / f"polnear_{split}.jsonl"
    if not path.is_file():
        return OWN_SENTENCES[:limit] if split == "dev" else []
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.setdefault(record["doc_id"], record["text"])
    seen: set[str] = set()
    out: list[str] = []
    for doc_id in sorted(texts):
        text = texts[doc_id]
        for span in segment(text)[1]:
            sentence = " ".join(span.of(text).split())
            if 5 <= len(sentence.split()) <= 60 and sentence not in seen:
                seen.add(sentence)
                out.append(sentence)
                if len(out) >= limit:
                    return out
    return out


class StaticEncoder:
    """Distilled static embeddings: a weighted mean of per-word-piece vectors from the model."""

    def __init__(self, base: Encoder, batch_size: int = 512) -> None:
        import torch

        self.tokenizer = base.tokenizer
        vocab_size = self.tokenizer.vocab_size
        cls_id, sep_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        vectors = np.zeros((vocab_size, 384), dtype=np.float32)
        with torch.inference_mode():
            for begin in range(0, vocab_size, batch_size):
                ids = torch.arange(begin, min(vocab_size, begin + batch_size))
                batch = torch.stack(
                    [torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], dim=1
                )
                hidden = base.model(
                    input_ids=batch, attention_mask=torch.ones_like(batch)
                ).last_hidden_state
                vectors[begin : begin + len(ids)] = hidden.mean(dim=1).numpy()
        self.vectors = vectors
        # BERT's word-piece vocabulary is roughly in frequency order: Zipf gives p ~ 1/rank,
        # and SIF weights a / (a + p) damp the frequent pieces.
        rank = np.arange(1, vocab_size + 1, dtype=np.float64)
        p = (1.0 / rank) / (1.0 / rank).sum()
        self.weights = (1e-3 / (1e-3 + p)).astype(np.float32)
        self.uniform = False
        self.mapping: np.ndarray | None = None

    def _pooled(self, sentences: Sequence[str]) -> np.ndarray:
        encoded = self.tokenizer(
            list(sentences), add_special_tokens=False, truncation=True, max_length=MAX_TOKENS
        )["input_ids"]
        out = np.zeros((len(sentences), self.vectors.shape[1]), dtype=np.float32)
        for row, ids in enumerate(encoded):
            if ids:
                w = np.ones(len(ids), np.float32) if self.uniform else self.weights[ids]
                out[row] = w @ self.vectors[ids] / w.sum()
        return out

    def fit(self, sentences: Sequence[str], targets: np.ndarray) -> None:
        """Least-squares linear map from pooled static vectors to the full embeddings."""
        x = self._pooled(sentences)
        x = np.hstack([x, np.ones((len(x), 1), np.float32)])
        ridge = 1e-2 * np.eye(x.shape[1], dtype=np.float64)
        self.mapping = np.linalg.solve(x.T @ x + ridge, x.T @ targets).astype(np.float32)

    def encode(self, sentences: Sequence[str], batch_size: int = 0) -> np.ndarray:
        out = self._pooled(sentences)
        if self.mapping is not None:
            out = np.hstack([out, np.ones((len(out), 1), np.float32)]) @ self.mapping
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-12)).astype(np.float32)


def agreement(fast: np.ndarray, full: np.ndarray) -> tuple[float, float, float]:
    """Mean and minimum cosine per sentence, and the share with the same nearest neighbour."""
    cosine = (fast * full).sum(axis=1)
    sim_fast, sim_full = fast @ fast.T, full @ full.T
    np.fill_diagonal(sim_fast, -np.inf)
    np.fill_diagonal(sim_full, -np.inf)
    same = (sim_fast.argmax(axis=1) == sim_full.argmax(axis=1)).mean()
    return float(cosine.mean()), float(cosine.min()), float(same)


def timed(
    encode: Callable[[Sequence[str]], np.ndarray], sentences: list[str], repeat: int
) -> tuple[np.ndarray, float, float]:
    """Output, and sentences per second of wall time and of CPU time (best of `repeat`).

    The machine is shared, so wall time depends on the neighbours' load; with one thread the
    process's CPU time does much less, and both are reported.
    """
    encode(sentences[:16])  # warm up
    best_wall = best_cpu = float("inf")
    out = np.zeros(0)
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        out = encode(sentences)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return out, len(sentences) / best_wall, len(sentences) / best_cpu


def int8_variant(base: Encoder, per_channel: bool, skip_ffn_output: bool) -> Encoder:
    """A copy of `base` with dynamically quantised Linear layers."""
    import copy

    import torch
    from torch.ao.quantization import (
        default_dynamic_qconfig,
        per_channel_dynamic_qconfig,
        quantize_dynamic,
    )

    qconfig = per_channel_dynamic_qconfig if per_channel else default_dynamic_qconfig
    spec = {
        name: qconfig
        for name, module in base.model.named_modules()
        if isinstance(module, torch.nn.Linear)
        and not (skip_ffn_output and name.endswith("output.dense") and "attention" not in name)
    }
    variant = copy.copy(base)
    variant.model = quantize_dynamic(copy.deepcopy(base.model), spec, dtype=torch.qint8)
    return variant


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=500, help="evaluation sentences")
    parser.add_argument("--fit", type=int, default=2000, help="training sentences for static map")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2, help="timing runs, best is kept")
    parser.add_argument("--batch-sizes", default="8,32,64", help="for the torch path")
    parser.add_argument("--no-static", action="store_true", help="skip the static model")
    args = parser.parse_args(argv)

    import warnings

    import torch

    # torch 2.13 deprecates eager-mode dynamic quantisation (noted in RESULTS.md); keep the
    # table readable.
    warnings.filterwarnings("ignore", message=r"(?s).*(quantiz|torchao)")
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    sentences = news_sentences("dev", args.n)
    t0 = time.perf_counter()
    plain = Encoder("torch")
    plain_load = time.perf_counter() - t0
    plain.encode(sentences)
    # Peak memory of the shipped path alone, before the other paths are loaded.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pieces = plain.tokenizer(sentences, truncation=True, max_length=MAX_TOKENS)["input_ids"]
    print(
        f"{len(sentences)} sentences ({'PolNeAR dev' if POLNEAR.is_dir() else 'own'}),"
        f" mean {np.mean([len(ids) for ids in pieces]):.1f} word pieces; torch"
        f" {torch.__version__}, {args.threads} thread(s), {platform.machine()},"
        f" {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"peak RSS with the torch path loaded and run: {peak_mb:.0f} MB")
    print(
        f"{'path':38s} {'load s':>6s} {'sent/s':>8s} {'sent/cpu-s':>10s}"
        f" {'cos mean':>8s} {'cos min':>7s} {'same NN':>7s}"
    )

    def report(name: str, load_s: float, emb: np.ndarray, speeds: tuple[float, float]) -> None:
        mean_cos, min_cos, same_nn = agreement(emb, ref)
        print(
            f"{name:38s} {load_s:6.1f} {speeds[0]:8.1f} {speeds[1]:10.1f}"
            f" {mean_cos:8.4f} {min_cos:7.4f} {same_nn:7.3f}",
            flush=True,
        )

    t0 = time.perf_counter()
    st = Encoder("sentence-transformers")
    load = time.perf_counter() - t0
    ref, *speeds = timed(st.encode, sentences, args.repeat)
    report("sentence-transformers (reference)", load, ref, (speeds[0], speeds[1]))
    del st

    for bs in [int(b) for b in args.batch_sizes.split(",")]:
        emb, *speeds = timed(functools.partial(plain.encode, batch_size=bs), sentences, args.repeat)
        report(f"torch fp32 mean-pool, batch {bs}", plain_load, emb, (speeds[0], speeds[1]))

    sample = sentences[:100]
    alone32 = np.vstack([plain.encode([s]) for s in sample])
    print(f"  fp32: max |alone - in batch| {np.abs(alone32 - ref[: len(sample)]).max():.1e}")
    for per_channel, skip in ((False, False), (True, False), (True, True)):
        t0 = time.perf_counter()
        int8 = int8_variant(plain, per_channel, skip)
        load = time.perf_counter() - t0
        name = "int8 " + ("per-channel" if per_channel else "per-tensor")
        name += ", FFN out fp32" if skip else ", all Linear"
        emb, *speeds = timed(int8.encode, sentences, args.repeat)
        report(name, load, emb, (speeds[0], speeds[1]))
        # Activations are quantised per batch tensor: a sentence's vector depends on its batch.
        alone = np.vstack([int8.encode([s]) for s in sample])
        shift = (alone * emb[: len(sample)]).sum(axis=1)
        print(f"  cosine alone vs in batch: mean {shift.mean():.4f}, min {shift.min():.4f}")

    # ONNX Runtime, as the library runs it: the float model (the default path) and the int8
    # one the stray judgement uses, one text per call (so no vector depends on its batch).
    for kind, name in (
        ("onnx", "onnx fp32, batch 16"),
        ("onnx-int8", "onnx int8 per-channel, 1 text a call"),
    ):
        t0 = time.perf_counter()
        fast = Encoder(kind)  # type: ignore[arg-type]
        load = time.perf_counter() - t0
        emb, *speeds = timed(fast.encode, sentences, args.repeat)
        report(name, load, emb, (speeds[0], speeds[1]))

    if args.no_static:
        return 0
    t0 = time.perf_counter()
    static = StaticEncoder(plain)
    load = time.perf_counter() - t0
    static.uniform = True
    emb, *speeds = timed(static.encode, sentences, args.repeat)
    report("static, uniform mean", load, emb, (speeds[0], speeds[1]))
    static.uniform = False
    emb, *speeds = timed(static.encode, sentences, args.repeat)
    report("static, SIF-weighted", load, emb, (speeds[0], speeds[1]))
    train = news_sentences("train", args.fit)
    if train:
        t0 = time.perf_counter()
        static.fit(train, plain.encode(train))
        fit_s = time.perf_counter() - t0
        emb, *speeds = timed(static.encode, sentences, args.repeat)
        report(
            f"static, SIF + linear map ({len(train)} sent.)",
            load + fit_s,
            emb,
            (speeds[0], speeds[1]),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
