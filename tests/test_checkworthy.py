"""Check-worthiness: the shipped model loads offline, scores in [0, 1], deterministically, and
ranks our own news sentences sensibly (checkable claims above opinion, rhetoric and headings).

The fast tests force the no-embedding model, so they never import torch; the embedding model
has one test of its own, skipped when the embedding extra is not installed. The distilled
student (the default when onnxruntime and the MiniLM package are installed; no torch) has its
own tests on the real shipped files, skipped when it cannot run.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from corroborate import nlp
from corroborate.nlp import checkworthy, checkworthy_student

FIXTURE = Path(__file__).parent / "fixtures" / "checkworthy_news.tsv"
CLAIM = "The ministry said 121,000 people had been evacuated from the region."
RHETORIC = "What a remarkable time to be alive!"

# Floors on our own news fixtures (tfidf model at its dev threshold). Only ever raise them.
NEWS_F1_FLOOR = 0.90
NEWS_ACCURACY_FLOOR = 0.90


def read_fixture() -> list[tuple[str, bool]]:
    with FIXTURE.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["label", "text"]
    return [(text, label == "Yes") for label, text in rows[1:]]


@pytest.fixture(autouse=True)
def tfidf_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(checkworthy.ENV_MODEL, "tfidf")
    yield


def test_scores_are_probabilities_in_input_order() -> None:
    sentences = [CLAIM, RHETORIC, "", "Analysis"]
    scores = checkworthy.score(sentences)
    assert len(scores) == len(sentences)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    assert checkworthy.score([]) == []
    # A sentence's score does not depend on its neighbours in the batch.
    assert checkworthy.score([RHETORIC]) == [scores[1]]


def test_deterministic() -> None:
    fixture = [text for text, _ in read_fixture()]
    assert checkworthy.score(fixture) == checkworthy.score(fixture)


def test_public_entry_point_is_centred_on_the_models_threshold() -> None:
    sentences = [CLAIM, RHETORIC]
    raw, cut = checkworthy.score(sentences), checkworthy.threshold()
    centred = nlp.checkworthiness(sentences)
    assert centred == pytest.approx(checkworthy.decision_score(sentences))
    # the same decisions at 0.5 as the raw scores at the model's threshold, the same order
    assert [c >= 0.5 for c in centred] == [r >= cut for r in raw]
    assert (centred[0] > centred[1]) == (raw[0] > raw[1])


def test_centring_moves_the_threshold_to_one_half() -> None:
    assert checkworthy.centred([0.63, 0.2, 0.9], 0.63) == pytest.approx(
        [0.5, 0.128, 0.841], abs=1e-3
    )
    assert checkworthy.centred([0.0, 1.0], 0.47) == pytest.approx([0.0, 1.0], abs=1e-6)
    assert checkworthy.centred([0.3, 0.7], 0.5) == pytest.approx([0.3, 0.7])


def test_checkable_claim_outranks_rhetoric() -> None:
    claim, rhetoric = checkworthy.score([CLAIM, RHETORIC])
    threshold = checkworthy.threshold()
    assert claim > rhetoric
    assert claim >= threshold > rhetoric


def test_news_fixture_floors() -> None:
    rows = read_fixture()
    scores = checkworthy.score([text for text, _ in rows])
    threshold = checkworthy.threshold()
    tp = sum(1 for (_, y), s in zip(rows, scores, strict=True) if y and s >= threshold)
    fp = sum(1 for (_, y), s in zip(rows, scores, strict=True) if not y and s >= threshold)
    fn = sum(1 for (_, y), s in zip(rows, scores, strict=True) if y and s < threshold)
    correct = sum(1 for (_, y), s in zip(rows, scores, strict=True) if y == (s >= threshold))
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= NEWS_F1_FLOOR, f"news fixture F1 {f1:.3f}"
    assert correct / len(rows) >= NEWS_ACCURACY_FLOOR
    # Every checkable claim outranks every heading ("Live updates", "Analysis", ...).
    headings = [s for (text, y), s in zip(rows, scores, strict=True) if len(text.split()) <= 3]
    claims = [s for (_, y), s in zip(rows, scores, strict=True) if y]
    assert headings and min(claims) > max(headings)


def test_model_info_names_the_model_in_use() -> None:
    info = checkworthy.model_info()
    assert info["variant"] == "tfidf"
    assert info["needs_embeddings"] is False
    assert "forced" in info["why"]
    assert "CheckThat! 2024" in (info["licence"] or "")
    assert 0.0 < info["threshold"] < 1.0


def test_unknown_forced_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(checkworthy.ENV_MODEL, "bert")
    with pytest.raises(checkworthy.ModelError, match="choose one of"):
        checkworthy.score([CLAIM])


def test_shipped_files_are_small_and_pickle_free() -> None:
    files = [f for f in checkworthy.MODEL_DIR.iterdir() if f.is_file()]
    assert {f.suffix for f in files} <= {".json", ".npz"}
    # the fine-tuned MiniLM's six layers in float16 are ~20 MB; everything else ~1.5 MB
    assert sum(f.stat().st_size for f in files) < 25_000_000
    # the distilled student, in its own folder: an ONNX graph (no pickle) and a float16 table
    # that is read with np.load(allow_pickle=False); ~9.3 MB together
    student = [f for f in checkworthy_student.MODEL_DIR.iterdir() if f.is_file()]
    assert {f.suffix for f in student} <= {".json", ".onnx", ".npy"}
    assert sum(f.stat().st_size for f in student) < 12_000_000
    table = np.load(checkworthy_student.MODEL_DIR / checkworthy_student.EMBEDDINGS_FILE)
    assert table.dtype == np.float16 and table.ndim == 2


@pytest.mark.slow
def test_embedding_model_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.nlp import embeddings

    if not embeddings.embeddings_available():
        pytest.skip("the embedding extra is not installed (pip install 'corroborate[embeddings]')")
    if not (checkworthy.MODEL_DIR / "model-embedding.npz").is_file():
        pytest.skip("no embedding check-worthiness model shipped")
    monkeypatch.setenv(checkworthy.ENV_MODEL, "embedding")
    claim, rhetoric = checkworthy.score([CLAIM, RHETORIC])
    assert 0.0 <= rhetoric < claim <= 1.0
    assert checkworthy.model_info()["variant"] == "embedding"


def test_glued_training_record_is_split(shared_dir: Path) -> None:
    from corroborate.nlp.training.checkworthy import load_split

    data = shared_dir / "data" / "checkthat2024"
    if not data.is_dir():
        pytest.skip(f"{data} is absent")
    texts, labels = load_split(data, "train")
    assert len(texts) == len(labels) == 22501
    assert set(labels.tolist()) == {0, 1}


def _finetuned_or_skip() -> None:
    from corroborate.nlp import embeddings

    if not embeddings.embeddings_available():
        pytest.skip("the embedding extra is not installed (pip install 'corroborate[embeddings]')")
    if not (checkworthy.MODEL_DIR / f"model-{checkworthy.FINETUNED}.npz").is_file():
        pytest.skip("no fine-tuned check-worthiness model shipped")


@pytest.mark.slow
def test_finetuned_model_when_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    _finetuned_or_skip()
    monkeypatch.setenv(checkworthy.ENV_MODEL, checkworthy.FINETUNED)
    claim, rhetoric, heading = checkworthy.score([CLAIM, RHETORIC, "Analysis"])
    assert 0.0 <= max(rhetoric, heading) < checkworthy.threshold() <= claim <= 1.0
    # batching pads sentences to one length: a score barely depends on its neighbours
    assert checkworthy.score([RHETORIC]) == pytest.approx([rhetoric], abs=1e-4)
    info = checkworthy.model_info()
    assert info["variant"] == checkworthy.FINETUNED and info["needs_embeddings"] is True
    assert info["scores"]["dev_test"]["f1"] > 0  # measured when it was trained
    assert checkworthy.FINETUNED in info["variants"]


@pytest.mark.slow
def test_finetuned_is_never_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    _finetuned_or_skip()
    monkeypatch.delenv(checkworthy.ENV_MODEL)
    variant, why = checkworthy.choose_variant()
    assert variant != checkworthy.FINETUNED and checkworthy.FINETUNED in why


@pytest.mark.slow
@pytest.mark.parametrize("layers", [2, 6])
def test_finetuned_weights_round_trip(tmp_path: Path, layers: int) -> None:
    """What training writes (float16 top layers + head) scores as the trained modules do,
    whichever number of layers was trained (the config says; two when it does not)."""
    import json

    import numpy as np
    import torch

    from corroborate.nlp import checkworthy_finetuned as ft
    from corroborate.nlp import embeddings
    from corroborate.nlp.training import checkworthy_finetune as training

    if not embeddings.embeddings_available():
        pytest.skip("the embedding extra is not installed")
    encoder = embeddings.Encoder("torch")
    texts = [CLAIM, RHETORIC, "Unemployment fell to 3.5% in May, the lowest since 1969."]
    top, head = ft.top_and_head(encoder, layers)
    trained = training._predict(torch, top, head, training._cache(encoder, texts, layers))
    np.savez_compressed(ft.weights_path(tmp_path), **ft.state_arrays(top, head))
    config = {"threshold": 0.5} | ({"top_layers": layers} if layers != ft.TOP_LAYERS else {})
    (tmp_path / ft.CONFIG).write_text(json.dumps(config), encoding="utf-8")
    shipped = ft.build(encoder, tmp_path).probabilities(texts)
    assert shipped == pytest.approx(trained, abs=1e-3)  # float16 weights, float32 caches


def _student_or_skip() -> None:
    if not checkworthy.student_present():
        pytest.skip("no student check-worthiness model shipped")
    if not checkworthy.student_runtime_available():
        pytest.skip("the student needs onnxruntime and the MiniLM package (embeddings extra)")


def test_student_is_the_default_when_it_can_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _student_or_skip()
    monkeypatch.delenv(checkworthy.ENV_MODEL)
    variant, why = checkworthy.choose_variant()
    assert variant == checkworthy.STUDENT and "dev" in why
    info = checkworthy.model_info()
    shipped = json.loads((checkworthy.STUDENT_DIR / "student.json").read_text(encoding="utf-8"))
    assert info["variant"] == checkworthy.STUDENT and info["needs_embeddings"] is False
    assert info["threshold"] == checkworthy.threshold() == shipped["threshold"]
    assert info["path"] == str(checkworthy.STUDENT_DIR)
    # its scores as measured: dev (threshold chosen there), dev-test once, our news fixture
    assert info["scores"]["dev"]["f1"] > 0.9 and info["scores"]["dev_test"]["f1"] > 0.6
    assert info["scores"]["news"]["n"] == len(read_fixture())
    # forcing another still works, student files or not
    monkeypatch.setenv(checkworthy.ENV_MODEL, "tfidf")
    assert checkworthy.choose_variant()[0] == "tfidf"
    assert checkworthy.model_info()["variant"] == "tfidf"


def test_student_ranks_the_news_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    _student_or_skip()
    monkeypatch.setenv(checkworthy.ENV_MODEL, checkworthy.STUDENT)
    rows = read_fixture()
    scores = checkworthy.score([text for text, _ in rows])
    threshold = checkworthy.threshold()
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    missed = [text for (text, y), s in zip(rows, scores, strict=True) if y and s < threshold]
    false = [text for (text, y), s in zip(rows, scores, strict=True) if not y and s >= threshold]
    assert len(missed) <= 1, missed
    assert not false, false
    # sentences are scored side by side in one batch; a score does not depend on its neighbours
    assert checkworthy.score([RHETORIC, CLAIM]) == pytest.approx(
        checkworthy.score([RHETORIC]) + checkworthy.score([CLAIM]), abs=1e-6
    )
    assert checkworthy.score([]) == []


def test_tfidf_when_no_student(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(checkworthy.ENV_MODEL)
    variant, why = checkworthy.choose_variant(checkworthy.MODEL_DIR, tmp_path)
    assert variant == "tfidf" and "no student model" in why
    monkeypatch.setenv(checkworthy.ENV_MODEL, checkworthy.STUDENT)
    with pytest.raises(checkworthy.ModelError, match="choose one of"):
        checkworthy.choose_variant(checkworthy.MODEL_DIR, tmp_path)


def test_tfidf_when_the_student_does_not_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files present but unreadable (a truncated download, say): passed over for tfidf, with
    the reason in `why`; forcing it is an error instead."""
    _student_or_skip()
    for name in checkworthy.STUDENT_FILES:
        shutil.copy(checkworthy.STUDENT_DIR / name, tmp_path / name)
    (tmp_path / checkworthy_student.ONNX_FILE).write_bytes(b"not an onnx graph")
    monkeypatch.setattr(checkworthy, "STUDENT_DIR", tmp_path)
    monkeypatch.setattr(checkworthy, "_student_failed", {})
    monkeypatch.delenv(checkworthy.ENV_MODEL)
    claim, rhetoric = checkworthy.score([CLAIM, RHETORIC])
    assert rhetoric < claim
    info = checkworthy.model_info()
    assert info["variant"] == "tfidf" and "did not load" in info["why"]
    monkeypatch.setenv(checkworthy.ENV_MODEL, checkworthy.STUDENT)
    monkeypatch.setattr(checkworthy, "_student_failed", {})
    with pytest.raises(checkworthy.ModelError, match="did not load"):
        checkworthy.score([CLAIM])
