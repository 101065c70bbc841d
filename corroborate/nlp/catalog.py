"""The shipped models: what each is, where it came from, how good it is, how to rebuild it."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path
from typing import Any

from corroborate.errors import UsageError

MODELS_DIR = Path(__file__).parent / "models"
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# name → (task, module with train()/evaluate(), folder under nlp/models, its scores file)
CATALOG: dict[str, tuple[str, str, str, str]] = {
    "news_en": (
        "tokens, PTB part-of-speech tags, lemmas, named entities (PERSON/ORG/LOC/MISC)",
        "corroborate.nlp.training.ner",
        "news_en",
        "scores.json",
    ),
    "checkworthy": (
        "check-worthiness score of a sentence (0..1): TF-IDF (the default without the "
        "embeddings extra) and embedding variants",
        "corroborate.nlp.training.checkworthy",
        "checkworthy",
        "scores.json",
    ),
    # the default when onnxruntime and the MiniLM package are installed (the embeddings extra)
    "checkworthy-student": (
        "check-worthiness score of a sentence (0..1): a small CNN distilled from the fine-tuned "
        "MiniLM (default with the embeddings extra)",
        "corroborate.nlp.training.checkworthy_student",
        "checkworthy_student",
        "student.json",
    ),
    # opt-in (CORROBORATE_CHECKWORTHY_MODEL=finetuned): better, but ~100 sentences/s per core
    "checkworthy-finetuned": (
        "check-worthiness score of a sentence (0..1): MiniLM fine-tuned (opt-in, most accurate)",
        "corroborate.nlp.training.checkworthy_finetune",
        "checkworthy",
        "finetuned.json",
    ),
}


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def info() -> list[dict[str, Any]]:
    infos: list[dict[str, Any]] = []
    for name, (task, _, folder_name, scores_name) in CATALOG.items():
        folder = MODELS_DIR / folder_name
        entry: dict[str, Any] = {"name": name, "task": task, "path": str(folder)}
        scores = folder / scores_name
        if scores.is_file():
            data = json.loads(scores.read_text(encoding="utf-8"))
            entry.update({k: v for k, v in data.items() if k != "history"})
        entry["size_mb"] = round(_size(folder) / 1e6, 2) if folder.is_dir() else None
        entry["present"] = folder.is_dir()
        infos.append(entry)
    from corroborate.nlp.embeddings import model_info

    infos.append({**model_info(), "name": "minilm", "task": "sentence embeddings (384-d)"})
    return infos


def _module(name: str) -> Any:
    if name not in CATALOG:
        raise UsageError(f"unknown model {name!r}; trainable models: {', '.join(CATALOG)}")
    return import_module(CATALOG[name][1])


def _data(data_dir: Path | None) -> Path:
    data = data_dir or DEFAULT_DATA
    if not data.is_dir():
        raise UsageError(
            f"no training data at {data}; pass --data pointing at the folder of public corpora "
            "(conll2003/, checkthat2024/, ...)"
        )
    return data


def train(name: str, data_dir: Path | None = None) -> dict[str, Any]:
    result: dict[str, Any] = _module(name).train(_data(data_dir), MODELS_DIR / CATALOG[name][2])
    return result


def evaluate(name: str, data_dir: Path | None = None) -> dict[str, Any]:
    result: dict[str, Any] = _module(name).evaluate(MODELS_DIR / CATALOG[name][2], _data(data_dir))
    return result
