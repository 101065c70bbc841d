"""Cheaper stand-ins for four costs of the shipped pipeline, each giving the same outputs.

`speed_up(nlp)` is applied by `corroborate.nlp.pipeline.load` after loading `news_en` from its
directory (the directory itself is unchanged, so `spacy.load` of it gives the stock pipeline):

- Matrix products go to numpy's BLAS instead of thinc's bundled BLIS, which runs at about a
  third of numpy's speed on the x86 VMs we measured (27 vs 92 GFLOPS for tok2vec-sized
  products). The order of floating-point additions differs, so activations may differ in the
  last bits; on 924 PolNeAR articles no tag, lemma or entity changed (see benchmarks/RESULTS.md).
- Maxout layers compute only the maximum over their pieces when predicting: thinc's maxout
  also finds which piece won, for training's backward pass, and that took three quarters of
  its time (5 layers, ~7 ms of tok2vec's ~30 per article). The maximum is exact, so the
  outputs are bit-identical; training (is_train=True) still runs thinc's own forward.
- `attribute_ruler`, when all its patterns are one-token `TAG -> POS` (the tag map of
  `news_en`), becomes a lookup table over the tag array instead of a Matcher run.
- The rule `lemmatizer` is called once per distinct (form, POS, morphology): spaCy's rule
  lemmatizer depends on nothing else, and it already caches on exactly that key, but pays
  several Python attribute lookups per token even on a cache hit. On a miss it tests each
  candidate form for membership in its word index, a list of up to 57,528 words (~0.3 ms per
  new word); the index is turned into a frozenset, which answers the same membership tests.

Both replacements keep the component names, so `nlp.pipe_names` is unchanged. Where the loaded
components are not of the expected shape, they are left as they are. The result is for
inference only: to save or retrain, start from `spacy.load(MODEL_DIR)`, not from `load()`.
tests/test_speed_equivalence.py checks all of this against the stock components.
"""

# No `from __future__ import annotations` here: spaCy validates factory signatures at run
# time (through pydantic v1 in confection < 1), and string annotations fail that check.

from typing import Any, cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps
from thinc.layers import layernorm as thinc_layernorm
from thinc.layers import maxout as thinc_maxout

__all__ = ["CachedLemmatizer", "TagToPos", "speed_up"]


class TagToPos:
    """`attribute_ruler` whose patterns are all `[{"TAG": t}] -> {"POS": p}`, as a table."""

    def __init__(self) -> None:
        self.table: dict[int, int] = {}

    @staticmethod
    def table_of(ruler: AttributeRuler) -> dict[int, int] | None:
        """tag hash -> POS id, or None when the ruler does anything else."""
        strings = ruler.vocab.strings
        from spacy.parts_of_speech import IDS as POS_IDS

        table: dict[int, int] = {}
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for entry in entries:
            patterns, attrs = entry["patterns"], entry["attrs"]
            if set(attrs) != {"POS"} or attrs["POS"] not in POS_IDS or entry.get("index", 0):
                return None
            for pattern in patterns:
                if len(pattern) != 1 or set(pattern[0]) != {"TAG"}:
                    return None
                tag = pattern[0]["TAG"]
                if not isinstance(tag, str):
                    return None
                key = strings.add(tag)
                # Two patterns for one tag: the Matcher's order would decide; keep the ruler.
                if key in table and table[key] != POS_IDS[attrs["POS"]]:
                    return None
                table[key] = POS_IDS[attrs["POS"]]
        return table

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags_pos = doc.to_array([TAG, POS]).tolist()
        table = self.table
        pos = np.fromiter(
            (table.get(tag, p) for tag, p in tags_pos), dtype=np.uint64, count=len(tags_pos)
        )
        doc.from_array([POS], cast(Any, pos.reshape(-1, 1)))
        return doc


class CachedLemmatizer:
    """spaCy's rule lemmatizer, called once per distinct (form, POS, morphology)."""

    # distinct keys kept before the cache starts afresh: a long run over 100k reports sees
    # new words forever, and an unbounded cache would grow with them
    MAX_CACHED = 300_000

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self.cache: dict[tuple[int, int, int], str] = {}

    def wrap(self, lemmatizer: Lemmatizer) -> None:
        """Use `lemmatizer` (taken out of the pipeline, so owned here) for cache misses."""
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])  # only ever read with `in` and for truth
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None or not len(doc):
            return doc
        if len(self.cache) > self.MAX_CACHED:
            self.cache.clear()
        cache = self.cache
        add = doc.vocab.strings.add
        # Hashes per document: a string store may drop strings between documents (memory
        # zones), so only the lemma text is cached across documents.
        hashes: dict[tuple[int, int, int], int] = {}
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = np.empty(len(rows), dtype=np.uint64)
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not lemmatizer.overwrite:  # as spaCy: keep a lemma already set
                out[i] = lemma
                continue
            key = (orth, pos, morph)
            h = hashes.get(key)
            if h is None:
                text = cache.get(key)
                if text is None:
                    text = cache[key] = lemmatizer.lemmatize(doc[i])[0]
                h = hashes[key] = add(text)
            out[i] = h
        doc.from_array([LEMMA], cast(Any, out.reshape(-1, 1)))
        return doc


@Language.factory("corroborate_tag_to_pos")
def _make_tag_to_pos(nlp: Language, name: str) -> TagToPos:
    return TagToPos()


@Language.factory("corroborate_cached_lemmatizer")
def _make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer()


def _maxout_forward(model: Model, X: Any, is_train: bool) -> Any:
    """thinc's Maxout forward; when predicting, the maximum over the pieces without the
    index of the winning piece (only the backward pass needs it)."""
    if is_train:
        return thinc_maxout.forward(model, X, is_train)
    n_out, pieces, n_in = model.get_dim("nO"), model.get_dim("nP"), model.get_dim("nI")
    W = model.ops.reshape2f(model.get_param("W"), n_out * pieces, n_in)
    Y = model.ops.gemm(X, W, trans2=True)
    Y += model.ops.reshape1f(model.get_param("b"), n_out * pieces)
    Z: Any = model.ops.reshape3f(Y, Y.shape[0], n_out, pieces)
    best = Z[..., 0].copy()
    for piece in range(1, pieces):
        np.maximum(best, Z[..., piece], out=best)

    def backprop(d_best: Any) -> Any:
        raise RuntimeError("this Maxout layer was run for prediction only (is_train=False)")

    return best, backprop


def _layernorm_forward(model: Model, X: Any, is_train: bool) -> Any:
    """thinc's LayerNorm forward; when predicting, the same operations in the same order as
    numpy's `mean` and `var` (so the same bits), without computing the mean twice and without
    their Python-level argument handling (together half of its time on 96-wide rows)."""
    if is_train:
        return thinc_layernorm.forward(model, X, is_train)
    width = np.intp(X.shape[1])  # numpy divides by an intp count, in float32 `out`
    mean = np.add.reduce(X, axis=1, keepdims=True)
    np.true_divide(mean, width, out=mean, casting="unsafe")
    centred = X - mean
    var = np.add.reduce(centred * centred, axis=1, keepdims=True)
    np.true_divide(var, width, out=var, casting="unsafe")
    var += 1e-08
    Y = centred * var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")

    def backprop(dY: Any) -> Any:
        raise RuntimeError("this LayerNorm layer was run for prediction only (is_train=False)")

    return Y, backprop


def _fast_layers(nlp: Language) -> None:
    """Matrix products on numpy's BLAS; Maxout layers without the argmax when predicting."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model: Any = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
                if node._func is thinc_maxout.forward:
                    node._func = _maxout_forward
                elif node._func is thinc_layernorm.forward:
                    node._func = _layernorm_forward


def speed_up(nlp: Language) -> Language:
    """Swap in the stand-ins above, in place; returns `nlp`."""
    _fast_layers(nlp)
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        ruler = nlp.get_pipe("attribute_ruler")
        table = TagToPos.table_of(ruler) if isinstance(ruler, AttributeRuler) else None
        if table is not None:
            fast = cast(TagToPos, nlp.replace_pipe("attribute_ruler", "corroborate_tag_to_pos"))
            fast.table = table
    if "lemmatizer" in names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
            cached = cast(
                CachedLemmatizer, nlp.replace_pipe("lemmatizer", "corroborate_cached_lemmatizer")
            )
            cached.wrap(lemmatizer)
    return nlp
