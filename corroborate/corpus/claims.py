"""Claim alignment: claims that say the same thing across a story, and who contradicts whom.

Claims are compared on a canonical form: opposite verbs map to one concept with a polarity
("captured" / "repelled" → `control` ±), negations flip the polarity and are then dropped. So a
claim and its denial look alike for grouping and differ only in polarity. Two claims make one
by a logistic model fitted on labelled pairs (`WEIGHTS`): the MiniLM embedding cosine when
available, the TF-IDF cosine and the share of the canonical terms, the names inside the claim,
a figure value both give, and the same day. Greedy grouping keeps at most one claim per
report in a group. Within a group each member either `states` the claim or `contradicts` it
(opposite polarity on a shared concept, or a linked figure that disagrees); `states` is the
side with more independent origins (ties: the side of the earliest report).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corroborate import nlp
from corroborate.corpus.dedup import Dedup, sort_key
from corroborate.corpus.figures import compatible
from corroborate.corpus.text import (
    cosine,
    entity_key,
    short_hash,
    stem,
    words,
)
from corroborate.model import Article, ClaimGroup

__all__ = ["CHECKWORTHY", "align_claims", "canonical"]

CHECKWORTHY = 0.5  # claims below this check-worthiness are not aligned
# Two claims make one when a logistic model of their features says so. Its weights were fitted
# on the pairs of claims of the realistic dev and dev2 sets, labelled by their claim gold
# (`OMP_NUM_THREADS=1 .venv/bin/python benchmarks/claim_pairs_fit.py`), and the
# thresholds chosen there for link F1 at high precision (benchmarks/RESULTS.md, stop 24).
# Wording (embedding, term cosine, shared terms) weighs most; a shared figure value and the
# same day add evidence; shared names add little beyond the words.
WEIGHTS: dict[str, tuple[float, dict[str, float]]] = {
    "embeddings": (
        -7.919,
        {
            "embedding": 6.601,
            "terms": 5.619,
            "shared_terms": 3.337,
            "names": 0.22,
            "figure": 1.867,
            "same_day": 0.728,
        },
    ),
    "lexical": (
        -6.124,
        {"terms": 8.379, "shared_terms": 5.222, "names": 1.537, "figure": 2.357, "same_day": 0.743},
    ),
}
THRESHOLD = {"lexical": 0.4, "embeddings": 0.4}
LABEL_CHARS = 140
KEYS = 12  # strongest terms a claim is indexed under (and looks up its candidates by)
COMPARE = 5  # a claim is compared with a group's first members only

_NEGATIONS = {
    "not",
    "no",
    "never",
    "n't",
    "nobody",
    "none",
    "nothing",
    "neither",
    "nor",
    "without",
    "false",
    "untrue",
}
# (concept, roots read as +, roots read as −): opposite verbs of news reporting
_OPPOSITES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "control",
        ("captur", "seiz", "took", "taken", "occup", "overran", "overrun", "advanc"),
        (
            "repel",
            "repuls",
            "retreat",
            "withdr",
            "recaptur",
            "pushed back",
            "beat back",
            "held off",
        ),
    ),
    (
        "change",
        ("rose", "rise", "risen", "increas", "grew", "grow", "climb", "jump", "soar"),
        (
            "fell",
            "fall",
            "fallen",
            "decreas",
            "declin",
            "drop",
            "shrank",
            "shrink",
            "plung",
            "slump",
        ),
    ),
    ("truth", ("confirm", "admit", "acknowledg", "true"), ("deni", "deny", "refut", "dismiss")),
    (
        "outcome",
        ("won", "win", "approv", "passed", "accept", "agreed"),
        ("lost", "lose", "reject", "fail", "refus", "vetoed"),
    ),
    (
        "open",
        ("opened", "reopen", "resum"),
        ("closed", "closing", "closure", "shut", "halt", "suspend"),
    ),
    ("alive", ("alive", "surviv", "rescued"), ("dead", "died", "killed")),
]


# concepts that are states which change over time: opposite on different days is a change
_STATES = frozenset({"open"})


@functools.lru_cache(maxsize=262_144)
def _token(token: str) -> tuple[str | None, int]:
    """(canonical term or None, polarity): "@concept" with ±1 for an opposite verb."""
    for concept, plus, minus in _OPPOSITES:
        if token.startswith(minus):
            return "@" + concept, -1
        if token.startswith(plus):
            return "@" + concept, 1
    if len(token) > 2 and token[0].isalpha():
        return stem(token), 0
    return None, 0


# where a sentence's main claim ends: a negation after it belongs to a side clause ("..., but
# forces had not achieved their goals"; "..., as policymakers said it would not stop them")
_CLAUSE_BREAK = re.compile(r"[,;:]\s+(?:but|as|while|although|though|which|who|whereas)\b|;")
# an aside between two commas is not the claim either: "First Citizens, a lender that had never
# run a venture-debt business, bought $72 billion of loans" says nothing negative; taken out
# first, it also lets "The bank, which was founded in 1983, would not ..." keep its negation
_ASIDE = re.compile(r",[^,;:]{1,160},")


def canonical(text: str) -> tuple[list[str], dict[str, int]]:
    """(canonical terms, {concept: polarity ±1}) of a claim's text. Only negations in the
    main clause (before the first side clause) flip the claim."""
    tokens = words(text)
    main = _ASIDE.sub(" ", text)
    head = words(main[: m.start()] if (m := _CLAUSE_BREAK.search(main)) else main)
    negations = sum(1 for t in head if t in _NEGATIONS or t.endswith("n't"))
    out: list[str] = []
    polarity: dict[str, int] = {}
    for token in tokens:
        if token in _NEGATIONS or token.endswith("n't"):
            continue
        term, sign = _token(token)
        if term is None:
            continue
        out.append(term)
        if sign < 0:
            polarity[term[1:]] = -1
        elif sign > 0:
            polarity.setdefault(term[1:], 1)
    if negations % 2 == 1:
        # a negation flips the claim: on its concept if it has one, else on the claim itself
        if polarity:
            polarity = {c: -p for c, p in polarity.items()}
        else:
            polarity["assert"] = -1
    return out, polarity


@dataclass(slots=True)
class _Claim:
    article: Article
    index: int
    origin: str
    credit: str  # the credited source: copies and one outlet's restatements share it
    text: str
    terms: list[str]
    polarity: dict[str, int]
    entities: set[str]
    figures: list[dict[str, Any]]
    vec: dict[str, float] = field(default_factory=dict)
    emb: np.ndarray | None = None
    # what every pair comparison reads, computed once per claim
    vocab: frozenset[str] = frozenset()
    values: frozenset[tuple[str, float]] = frozenset()  # (unit, value) of its figures
    day: str = ""

    def __post_init__(self) -> None:
        self.vocab = frozenset(self.terms)
        self.values = frozenset((f["unit"], f["value"]) for f in self.figures if f["unit"])
        self.day = (self.article.published or "")[:10]


def _collect(articles: Sequence[Article], dedup: Dedup) -> list[_Claim]:
    claims: list[_Claim] = []
    for article in sorted(articles, key=sort_key):
        if article.id in dedup.exact_copies:
            continue
        for index, claim in enumerate(article.claims):
            if claim.checkworthy < CHECKWORTHY:
                continue
            text = article.text[claim.start : claim.end]
            terms_, polarity = canonical(text)
            ents = {
                entity_key(e.canonical or article.text[e.start : e.end])
                for e in article.entities
                if claim.start <= e.start < claim.end
            }
            figs = [
                {
                    "value": f.value,
                    "value_max": f.value_max,
                    "qualifier": f.qualifier,
                    "unit": f.unit,
                    "measure": f.measure,
                    "as_of": f.as_of or (article.published or "")[:10] or None,
                }
                for i, f in enumerate(article.figures)
                if i in claim.figures or claim.start <= f.start < claim.end
            ]
            origin = dedup.origin_of.get(article.id, article.id)
            credit = dedup.credit_of.get(article.id, article.source_label)
            claims.append(
                _Claim(article, index, origin, credit, text, terms_, polarity, ents, figs)
            )
    return claims


def _opposed(a: _Claim, b: _Claim) -> str | None:
    """Why `a` and `b` contradict each other, or None."""
    for concept in sorted(set(a.polarity) & set(b.polarity)):
        if a.polarity[concept] != b.polarity[concept]:
            return "negation" if concept == "assert" else f"opposite wording ({concept})"
    if ("assert" in a.polarity) != ("assert" in b.polarity) and not (
        set(a.polarity) - {"assert"} or set(b.polarity) - {"assert"}
    ):
        return "negation"
    # a different number on another date is an update (72 settlements on Monday, 74 on
    # Wednesday), which figure alignment reports; only the same date contradicts
    if _disagree(a, b, same_date=True):
        return "different numbers"
    return None


def _disagree(a: _Claim, b: _Claim, *, same_date: bool) -> bool:
    """Whether the two claims give one measure different values: on the same date (or with
    `same_date` False, on different dates), and with no value of that measure in one that
    agrees with one in the other. Only none: "a quarter point here and half a point there"
    twice is no quarter point against half a point, and "1,294 km², up from about 1,000" still
    states the 1,000 of two weeks before."""

    def key(f: dict[str, Any]) -> tuple[str, str]:
        return (f["measure"] or f["unit"] or "", f["unit"] or "")

    for measure in {key(f) for f in a.figures} & {key(f) for f in b.figures}:
        ours = [f for f in a.figures if key(f) == measure]
        theirs = [f for f in b.figures if key(f) == measure]
        # agreement is looked for in the whole unit: the extractor may call the same
        # quantity's earlier value by a plainer measure ("area" beside "area_controlled")
        if any(
            compatible(fa, fb)
            for fa in a.figures
            for fb in b.figures
            if fa["unit"] == fb["unit"] == measure[1]
        ):
            continue
        for fa, fb in itertools.product(ours, theirs):
            unknown = None in (fa["as_of"], fb["as_of"])
            same = fa["as_of"] == fb["as_of"]
            if (same or unknown) if same_date else not (same or unknown):
                return True
    return False


def _changed(a: _Claim, b: _Claim) -> bool:
    """News of a change between two days, neither the same claim nor its denial: a state
    reversed (a case opened on Saturday and closed on Tuesday), or a figure that moved (72
    settlements on Monday, 74 on Wednesday; the river at 6.4 metres, then at 6.9)."""
    if _disagree(a, b, same_date=False):
        return True
    if a.day == b.day and b.article.published:
        return False
    return any(a.polarity.get(c, 0) * b.polarity.get(c, 0) < 0 for c in _STATES)


def _features(a: _Claim, b: _Claim, mode: str) -> dict[str, float]:
    """What tells one claim made twice from two claims on one topic (see `WEIGHTS`)."""
    shared = len(a.vocab & b.vocab)
    features = {
        "terms": cosine(a.vec, b.vec),
        "shared_terms": shared / max(1, len(a.vocab) + len(b.vocab) - shared),
        "names": len(a.entities & b.entities) / max(1, len(a.entities | b.entities)),
        "figure": float(bool(a.values & b.values)),
        "same_day": float(a.day == b.day and bool(b.article.published)),
    }
    if mode == "embeddings" and a.emb is not None and b.emb is not None:
        features["embedding"] = float(np.dot(a.emb, b.emb))
    return features


def _similarity(a: _Claim, b: _Claim, mode: str) -> float:
    """The probability that `a` and `b` make one claim, by the logistic weights of `mode`."""
    bias, weights = WEIGHTS[mode]
    features = _features(a, b, mode)
    z = bias + sum(w * features.get(name, 0.0) for name, w in weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def align_claims(
    articles: Sequence[Article], dedup: Dedup, story_id: str, *, use_embeddings: bool = False
) -> list[ClaimGroup]:
    """Group the check-worthy claims of one story's `articles` and mark each group."""
    claims = _collect(articles, dedup)
    if not claims:
        return []
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.terms))
    n = len(claims)
    for c in claims:
        counts = Counter(c.terms)
        c.vec = {
            t: (1 + math.log(k)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, k in counts.items()
        }
    mode = "lexical"
    if use_embeddings:
        vectors = nlp.embed([c.text for c in claims])
        if vectors is not None:
            mode = "embeddings"
            for c, v in zip(claims, vectors, strict=True):
                c.emb = np.asarray(v, dtype=np.float32)

    groups: list[list[_Claim]] = []
    index: dict[str, list[int]] = {}  # strong term → groups: candidates without a full scan
    for claim in claims:
        keys = [t for t, _ in sorted(claim.vec.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYS]]
        candidates = sorted({g for k in keys for g in index.get(k, ())})
        best: int | None = None
        best_score = THRESHOLD[mode]
        for g in candidates:
            members = groups[g]
            if any(m.article.id == claim.article.id for m in members):
                continue
            score = max(_similarity(claim, m, mode) for m in members[:COMPARE])
            # (a change is looked for only in a group that would be taken: it reads figures)
            if score > best_score and not any(_changed(claim, m) for m in members):
                best, best_score = g, score
        if best is None:
            best = len(groups)
            groups.append([])
        groups[best].append(claim)
        for k in keys:
            bucket = index.setdefault(k, [])
            if not bucket or bucket[-1] != best:
                bucket.append(best)
    return [_group(members, story_id) for members in groups]


def _group(members: list[_Claim], story_id: str) -> ClaimGroup:
    anchor = members[0]
    reasons: dict[int, str] = {}
    for i, m in enumerate(members[1:], start=1):
        why = _opposed(anchor, m)
        if why:
            reasons[i] = why
    side_a = [m for i, m in enumerate(members) if i not in reasons]
    side_b = [m for i, m in enumerate(members) if i in reasons]
    origins_a = {m.origin for m in side_a}
    origins_b = {m.origin for m in side_b}
    states, contradicts = side_a, side_b
    if len(origins_b) > len(origins_a):
        states, contradicts = side_b, side_a
    states_ids = {id(m) for m in states}
    rows = []
    for m in members:
        rows.append(
            {
                "article": m.article.id,
                "origin": m.origin,
                "outlet": m.article.source_label,
                "index": m.index,
                "start": m.article.claims[m.index].start,
                "end": m.article.claims[m.index].end,
                "stance": "states" if id(m) in states_ids else "contradicts",
                "text": m.text,
            }
        )
    # Independent = distinct credited sources: copies of one wire story, or one outlet
    # restating itself days later, are one source however many reports carry them.
    independent = len({m.credit for m in states})
    label_claim = states[0]
    label = (
        label_claim.text
        if len(label_claim.text) <= LABEL_CHARS
        else (label_claim.text[: LABEL_CHARS - 1].rstrip() + "…")
    )
    outlets = sorted({m.article.source_label for m in states})
    # (a file's whole path keys its credit; a reader is shown its name, as elsewhere)
    credits = sorted({m.credit.rsplit("/", 1)[-1] for m in states})
    if contradicts:
        status = "contradicted"
        against = sorted({m.article.source_label for m in contradicts})
        kinds = sorted(set(reasons.values()))
        explanation = (
            f"Stated by {independent} independent source(s) ({', '.join(outlets)}) and "
            f"contradicted by {len({m.origin for m in contradicts})} ({', '.join(against)}): "
            f"{', '.join(kinds)}."
        )
    elif independent >= 2:
        status = "corroborated"
        explanation = f"Corroborated by {independent} independent sources: {', '.join(credits)}" + (
            f" (carried by {', '.join(outlets)})." if outlets != credits else "."
        )
    else:
        status = "single_source"
        copies = len(states) - 1
        explanation = f"Only one independent source ({', '.join(credits)})" + (
            f"; its {copies} other appearance(s) are copies or restatements of it."
            if copies
            else "."
        )
    return ClaimGroup(
        id="c-" + short_hash(story_id, anchor.article.id, str(anchor.index)),
        label=label,
        status=status,  # type: ignore[arg-type]
        independent_origins=independent,
        members=rows,
        explanation=explanation,
    )
