"""The speed-ups of issue 4 change no output.

Each fast path is checked against the code it replaced: `nlp.fastpath` against spaCy's own
`attribute_ruler` and rule `lemmatizer` (and thinc's BLIS products), the array scoring of
check-worthiness against the term-by-term loop it replaced, the mark-to-mark quote scan against
the character-by-character one. Our own sentences always; with ../shared present, also a few
thousand PolNeAR sentences (research-only: read at run time, never stored here).
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from corroborate.extract.quotes import marks
from corroborate.nlp import checkworthy, fastpath, pipeline

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "polnear_dev.jsonl"
MODEL_PRESENT = (pipeline.MODEL_DIR / "meta.json").is_file()
needs_model = pytest.mark.skipif(not MODEL_PRESENT, reason="news_en model not built")

OWN = [
    "Mykola Hrytsenko flew from Lviv to Warsaw to meet officials of the European Union.",
    "The ministry said 14 people were evacuated from the Kursk region on Tuesday.",
    "“We are not leaving,” said Olena, 54, whose house was struck twice. ``Never.''",
    "Prices rose 3.2 per cent in March, the statistics office estimated; analysts had expected less.",  # noqa: E501
    "She's been told the bridges aren't safe, and they've closed the schools' gyms.",
    "Gov. Maria Lenz's aides were drafting, re-drafting and quietly shelving the plans.",
    "",
    "   \n ",
]


def polnear_sentences(limit: int) -> list[str]:
    if not POLNEAR.is_file():
        return []
    out: list[str] = []
    for line in POLNEAR.read_text(encoding="utf-8").splitlines():
        for para in json.loads(line)["text"].split("\n"):
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", para.strip()) if s)
            if len(out) >= limit:
                return out[:limit]
    return out


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return OWN + polnear_sentences(2000)


@pytest.fixture(scope="module")
def stock() -> Iterator[object]:
    """The pipeline exactly as `spacy.load` builds it from the model directory."""
    import spacy

    yield pipeline.add_news_rules(spacy.load(pipeline.MODEL_DIR))


def _annotations(doc: object) -> tuple[object, ...]:
    toks = tuple((t.text, t.tag_, t.pos_, t.lemma_, t.morph.key) for t in doc)  # type: ignore[attr-defined]
    ents = tuple((e.start, e.end, e.label_) for e in doc.ents)  # type: ignore[attr-defined]
    return toks, ents


@needs_model
def test_fast_pipeline_is_in_place() -> None:
    nlp = pipeline.load()
    assert nlp.pipe_names[:5] == ["tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), fastpath.TagToPos)
    assert isinstance(nlp.get_pipe("lemmatizer"), fastpath.CachedLemmatizer)


@needs_model
def test_maxout_and_layernorm_predict_the_same_bits() -> None:
    """The prediction-only Maxout and LayerNorm forwards give thinc's outputs bit for bit;
    in training they are thinc's own (with a backward pass)."""
    import numpy as np
    from thinc.layers import layernorm, maxout

    nlp = pipeline.load()
    nodes = list(nlp.get_pipe("tok2vec").model.walk())
    patched = [
        n for n in nodes if n._func in (fastpath._maxout_forward, fastpath._layernorm_forward)
    ]
    assert len(patched) == 10  # five of each in news_en's tok2vec
    rng = np.random.default_rng(0)
    for node in patched:
        thinc_forward = maxout.forward if node.name == "maxout" else layernorm.forward
        X = (rng.standard_normal((50, node.get_dim("nI"))) * 3).astype("float32")
        X[7] = X[7, :1]  # a row of equal values: ties between pieces, zero variance
        ours, _ = node._func(node, X, is_train=False)
        theirs, _ = thinc_forward(node, X, is_train=False)
        assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs)
        trained, backprop = node._func(node, X, is_train=True)
        assert np.array_equal(trained, theirs)
        assert backprop(np.ones_like(trained)).shape == X.shape


@needs_model
def test_same_tags_lemmas_and_entities_as_stock_spacy(stock: object, sentences: list[str]) -> None:
    fast = pipeline.load()
    expected = [_annotations(d) for d in stock.pipe(sentences)]  # type: ignore[attr-defined]
    assert [_annotations(d) for d in fast.pipe(sentences)] == expected
    # One by one, as `parse` runs (other matrix shapes for the products), lemmas now cached.
    assert [_annotations(fast(s)) for s in sentences[:200]] == expected[:200]


@needs_model
def test_tag_table_declines_other_rules() -> None:
    import spacy
    from spacy.pipeline import AttributeRuler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert fastpath.TagToPos.table_of(ruler) is not None
    ruler.add([[{"LOWER": "us"}]], {"POS": "PRON"})
    assert fastpath.TagToPos.table_of(ruler) is None


def _block_dot_reference(
    text_terms: list[str], index: dict[str, int], idf: list[float], weights: list[float]
) -> float:
    """The term-by-term loop `checkworthy._Block` replaced."""
    dot = squares = 0.0
    for term, count in Counter(text_terms).items():
        col = index.get(term)
        if col is None:
            continue
        w = idf[col] if count == 1 else (1.0 + math.log(count)) * idf[col]
        dot += w * weights[col]
        squares += w * w
    return dot / math.sqrt(squares) if squares else 0.0


def test_checkworthiness_bit_identical_to_term_by_term(sentences: list[str]) -> None:
    word, char = checkworthy.load_vocabulary(checkworthy.MODEL_DIR)
    model = checkworthy.load_model(checkworthy.MODEL_DIR, "tfidf")
    scorer = checkworthy.Scorer(word, char, model)
    texts = [*sentences[:1500], "the the the the said said", "zzzzqqq", "", "Yes! 100%?"]
    w_args = (word.index, word.idf.tolist(), model.word_coef.tolist())
    c_args = (char.index, char.idf.tolist(), model.char_coef.tolist())
    expected = [
        model.intercept
        + _block_dot_reference(checkworthy.word_ngrams(t), *w_args)
        + _block_dot_reference(checkworthy.char_ngrams(t), *c_args)
        + sum(
            f * float(c)
            for f, c in zip(checkworthy.surface_features(t), model.surface_coef, strict=True)
        )
        for t in texts
    ]
    assert scorer.logits(texts, None).tolist() == expected  # exact, not approximate


def _quoted_spans_reference(
    text: str, paragraphs: Sequence[tuple[int, int]]
) -> list[tuple[int, int, bool, int]]:
    """The character-by-character scan `marks.quoted_spans` replaced."""
    out: list[tuple[int, int, bool, int]] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        open_at: int | None = None
        straight = skip_next = False
        for i in range(ps, pe):
            if skip_next:
                skip_next = False
                continue
            ch = text[i]
            if text.startswith("''", i) or text.startswith("``", i):
                ch, skip_next = '"', True
                if open_at is not None and straight:
                    out.append((open_at, i + 2, True, pi))
                    open_at = None
                    continue
            if ch in marks._OPEN or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at, straight = i, ch == '"'
                elif not straight:
                    out.append((open_at, marks._trim_end(text, open_at, i), False, pi))
                    open_at = i
            elif (ch in marks._CLOSE and open_at is not None and not straight) or (
                ch == '"' and open_at is not None and straight
            ):
                out.append((open_at, i + 1, True, pi))
                open_at = None
        if open_at is not None:
            out.append((open_at, pe, False, pi))
    return [m for m in out if m[1] - m[0] > 2]


def test_quoted_spans_same_as_character_scan() -> None:
    rng = random.Random(4)
    for k in range(20_000):
        text = "".join(rng.choice("ab '`\"“”«»„\n") for _ in range(rng.randint(0, 30)))
        if k % 2:
            a = rng.randint(0, len(text))
            paragraphs = [(a, rng.randint(a, len(text)))]
        else:
            paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        got = [(m.start, m.end, m.closed, m.para) for m in marks.quoted_spans(text, paragraphs)]
        assert got == _quoted_spans_reference(text, paragraphs), (text, paragraphs)
