"""Online, time-aware grouping of origins into stories (one development) and events.

Reports are processed in (published, id) order, one origin at a time (copies follow their
origin, so a wire story run by ten sites weighs as one report). Each joins the best *active*
story — one whose last report is within `window_days` — or opens a new one. Candidates come
from an inverted index over entity keys and the strongest terms, holding active stories only,
so the work per report does not grow with the size of the corpus.

Incremental updates (`corroborate analyze` on a store): a doc whose reports were already in a
stored story carries that story's id as `Doc.pin` and is *forced* into that story's cluster —
it still absorbs its features, extends the time window and refreshes the expiry, so the new
reports around it are compared against the same centroids as in a full run — while only docs
without a pin search for candidates. Events are linked again from scratch (cheap, and the
links improve as the corpus grows); a stored event's id stays with the event that holds its
earliest story.

Similarity mixes entity overlap (idf-weighted cosine of entity keys), the lead's terms
(TF-IDF cosine of headline + first words) and, when the embedding stack is installed, the
MiniLM embedding of headline + lead. Mixing two events in one story is the worst error, so
the story threshold is strict and a story needs a shared entity; events group stories with a
looser threshold over a longer window.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from corroborate.corpus.text import (
    cosine,
    day,
    entity_key,
    fallback_entities,
    terms,
)
from corroborate.model import Article

__all__ = ["Cluster", "Doc", "Grouping", "event_window", "group"]

LEAD_WORDS = 120  # headline + this many words of text: the development, not the background
TOP_TERMS = 40  # per report vector size; keeps memory flat at 100k reports
CENTROID_TERMS = 80
INDEX_TERMS = 8  # strongest terms a report is indexed under (plus all its entity keys)
MAX_ENTITIES = 25
PRIOR_DOCS = 50
COMMON_MIN_DF, COMMON_SHARE = 50, 0.01
# tuned on benchmarks/stories.py (sample + tests/fixtures/stories): the highest story recall
# at story precision 1.0, and the best event F1; see benchmarks/RESULTS.md
STORY_THRESHOLD = {"lexical": 0.38, "embeddings": 0.50}
EVENT_THRESHOLD = {"lexical": 0.265, "embeddings": 0.35}
# lexical mix: an event is defined by who and where, a story also by what happened
ENTITY_WEIGHT = {"story": 0.5, "event": 0.6}
DECAY_PER_DAY = {"story": 0.04, "event": 0.0}  # a day of silence costs this much similarity
EVENT_WINDOW_FACTOR = 4.0  # events stay open this many story windows (at least two weeks)
FIGURE_BONUS = 0.1  # event similarity added when two stories share a distinctive figure

Embedder = Callable[[Sequence[str]], "np.ndarray | None"]


@dataclass(slots=True)
class Doc:
    """The features of one origin's representative report."""

    article: Article
    ids: list[str]  # the representative and its copies
    day: date | None
    entities: dict[str, float]
    names: dict[str, str]  # entity key → a display name
    terms: dict[str, float]
    measures: set[str]
    vector: np.ndarray | None = None
    keys: list[str] = field(default_factory=list)  # what it is indexed under (rare enough)
    figures: set[str] = field(default_factory=set)  # distinctive "unit value" pairs
    pin: str | None = None  # the stored story its reports are in: it joins no other


@dataclass(slots=True)
class Cluster:
    """A story (members are Docs) or an event (members are story Clusters)."""

    index: int
    founder: str  # the founding article id: the id hash keeps ids stable across reruns
    first: date | None
    last: date | None
    entities: dict[str, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)
    measures: Counter[str] = field(default_factory=Counter)
    vector: np.ndarray | None = None
    docs: list[Doc] = field(default_factory=list)
    children: list[Cluster] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    figures: set[str] = field(default_factory=set)
    pin: str | None = None  # the stored story (or event) id this cluster carries on

    def absorb(
        self,
        entities: dict[str, float],
        names: dict[str, str],
        vec: dict[str, float],
        measures: set[str] | Counter[str],
        vector: np.ndarray | None,
        when: date | None,
    ) -> None:
        for k, w in entities.items():
            self.entities[k] = self.entities.get(k, 0.0) + w
        for k, n in names.items():
            self.names.setdefault(k, n)
        merged = dict(self.terms)
        for t, w in vec.items():
            merged[t] = merged.get(t, 0.0) + w
        if len(merged) > CENTROID_TERMS:
            merged = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS])
        self.terms = merged
        self.measures.update(measures)
        if vector is not None:
            self.vector = vector.copy() if self.vector is None else self.vector + vector
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)


@dataclass(slots=True)
class Grouping:
    stories: list[Cluster]
    events: list[Cluster]
    similarity: str  # "embeddings" or "lexical"


def _entity_names(article: Article) -> list[str]:
    """Names from NER (canonical forms) plus capitalised phrases of the headline and text.

    Both, not NER alone: the headline is not annotated, and a name the model misses (or
    splits: "River Ostra" / "Ostra") still links two reports through its capitalised form.
    With NER, only the headline and lead are scanned (bounded cost at 100k reports).
    """
    names = [e.canonical or article.text[e.start : e.end] for e in article.entities]
    if names:  # NER for the body; capitalised names of the headline and lead on top
        names += fallback_entities(_lead(article), limit=15)
    else:
        names = fallback_entities(f"{article.title or ''}\n{article.text}", limit=60)
    return [n for n in names if n.strip()]


def _lead(article: Article) -> str:
    words = article.text.split()
    return f"{article.title or ''}\n{' '.join(words[:LEAD_WORDS])}"


def _doc_terms(article: Article) -> list[str]:
    # the headline counts twice: it names the development
    return terms(article.title or "") * 2 + terms(" ".join(article.text.split()[:LEAD_WORDS]))


def _figure_marks(article: Article) -> set[str]:
    """Distinctive figures ("m 6.4", "people 121000"): two reports giving the same one are
    very likely about the same happening. Small whole numbers ("three", "2") are too common."""
    marks = set()
    for f in article.figures:
        if f.unit and (f.value >= 100 or not float(f.value).is_integer()):
            marks.add(f"{f.unit} {f.value:.4g}")
    return marks


# Month and day names are capitalised and NER often tags them, but "August" or "Monday" in two
# reports says nothing about one happening: they linked unrelated reports of the same week.
CALENDAR = frozenset(
    entity_key(word)
    for word in (
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday",
    )
)  # fmt: skip


def _entity_counts(article: Article) -> tuple[dict[str, float], dict[str, str]]:
    counts: dict[str, float] = {}
    names: dict[str, str] = {}
    for name in _entity_names(article):
        key = entity_key(name)
        if key and key not in CALENDAR:
            counts[key] = counts.get(key, 0.0) + 1
            names.setdefault(key, name)
    return counts, names


def build_docs(reps: Sequence[tuple[Article, list[str]]], embed: Embedder | None) -> list[Doc]:
    """Features for each representative, with IDF computed over the whole input.

    IDF from the whole input (not from what came before) keeps grouping independent of the
    input order. Term counts are kept between the two passes (not the texts' token lists).
    """
    df: Counter[str] = Counter()
    counted: list[tuple[Counter[str], tuple[dict[str, float], dict[str, str]]]] = []
    for article, _ in reps:
        tf = Counter(_doc_terms(article))
        found = _entity_counts(article)
        df.update(tf.keys())
        df.update("E:" + k for k in found[0])
        counted.append((tf, found))
    n = max(len(reps), 1)
    # keys in more than 1% of reports (and more than 50) find everything and decide nothing:
    # they still count in the similarity but do not index; this keeps retrieval near-linear
    common = max(COMMON_MIN_DF, COMMON_SHARE * n)
    # PRIOR_DOCS pseudo-documents that contain no term: on a small input (one event's
    # reports) the names every report shares would otherwise weigh next to nothing
    idf = {t: math.log((n + PRIOR_DOCS) / (c + 1)) + 1.0 for t, c in df.items()}
    default = math.log(n + PRIOR_DOCS) + 1.0
    docs: list[Doc] = []
    for (article, ids), (tf, (counts, names)) in zip(reps, counted, strict=True):
        vec = {t: (1.0 + math.log(c)) * idf.get(t, default) for t, c in tf.items()}
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS])
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTITIES]
        weights = {k: (1.0 + math.log(max(c, 1.0))) * idf.get("E:" + k, default) for k, c in top}
        measures = {f.measure or f.unit or "" for f in article.figures} - {""}
        doc = Doc(article, ids, day(article.published), weights, names, vec, measures)
        strong = [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))]
        doc.keys = ["E:" + k for k in weights if df["E:" + k] <= common]
        doc.keys += [t for t in strong if df[t] <= common][:INDEX_TERMS]
        doc.figures = _figure_marks(article)
        docs.append(doc)
    if embed is not None and docs:
        vectors = embed([_lead(d.article) for d in docs])
        if vectors is not None:
            for d, v in zip(docs, vectors, strict=True):
                d.vector = np.asarray(v, dtype=np.float32)
    return docs


def _score(
    ents: dict[str, float],
    vec: dict[str, float],
    vector: np.ndarray | None,
    cluster: Cluster,
    entity_weight: float = 0.5,
) -> tuple[float, float]:
    """(combined similarity, entity similarity) of features against a cluster centroid."""
    ent = cosine(ents, cluster.entities)
    txt = cosine(vec, cluster.terms)
    if vector is not None and cluster.vector is not None:
        norm = float(np.linalg.norm(cluster.vector)) * float(np.linalg.norm(vector))
        emb = float(np.dot(vector, cluster.vector)) / norm if norm else 0.0
        return 0.4 * emb + 0.3 * ent + 0.3 * txt, ent
    return entity_weight * ent + (1.0 - entity_weight) * txt, ent


class _Online:
    """Online clustering with an inverted index over active clusters only."""

    def __init__(
        self,
        window_days: float,
        threshold: float,
        min_entity: float,
        decay: float,
    ) -> None:
        self.window = window_days
        self.decay = decay
        self.entity_weight = ENTITY_WEIGHT["story"]
        self.threshold = threshold
        self.min_entity = min_entity
        self.clusters: list[Cluster] = []
        self.postings: dict[str, set[int]] = {}
        self.expiry: list[tuple[date, int]] = []
        self.pinned: dict[str, Cluster] = {}  # stored story id → its cluster

    def _expire(self, today: date | None) -> None:
        if today is None:
            return
        while self.expiry and (today - self.expiry[0][0]).days > self.window:
            last, idx = heapq.heappop(self.expiry)
            cluster = self.clusters[idx]
            if cluster.last != last:
                continue  # a newer report extended it; a newer heap entry exists
            for key in cluster.keys:
                bucket = self.postings.get(key)
                if bucket is not None:
                    bucket.discard(idx)
                    if not bucket:
                        del self.postings[key]
            cluster.keys.clear()

    def add(
        self,
        when: date | None,
        founder: str,
        ents: dict[str, float],
        names: dict[str, str],
        vec: dict[str, float],
        measures: set[str] | Counter[str],
        vector: np.ndarray | None,
        index_keys: list[str],
        pin: str | None = None,
    ) -> Cluster:
        """Add one doc: to the best active cluster, a new one, or — pinned — its stored one."""
        self._expire(when)
        keys = set(index_keys)
        if pin is not None:
            best = self.pinned.get(pin)
            if best is None:
                best = self.pinned[pin] = self._open(when, founder)
                best.pin = pin
        else:
            best = self._best(when, ents, vec, vector, keys) or self._open(when, founder)
        best.absorb(dict(ents), names, vec, measures, vector, when)
        for key in keys - best.keys:
            self.postings.setdefault(key, set()).add(best.index)
        best.keys |= keys
        if best.last is not None:
            heapq.heappush(self.expiry, (best.last, best.index))
        return best

    def _open(self, when: date | None, founder: str) -> Cluster:
        cluster = Cluster(len(self.clusters), founder, when, when)
        self.clusters.append(cluster)
        return cluster

    def _best(
        self,
        when: date | None,
        ents: dict[str, float],
        vec: dict[str, float],
        vector: np.ndarray | None,
        keys: set[str],
    ) -> Cluster | None:
        candidates: set[int] = set()
        for key in keys:
            candidates.update(self.postings.get(key, ()))
        best: Cluster | None = None
        best_score = self.threshold
        for idx in sorted(candidates):
            cluster = self.clusters[idx]
            score, ent = _score(ents, vec, vector, cluster, self.entity_weight)
            if when is not None and cluster.last is not None:
                # the longer a story has been quiet, the more a report must resemble it
                score -= self.decay * max(0, (when - cluster.last).days)
            if ents and cluster.entities and ent < self.min_entity:
                continue  # no shared name: never the same development
            if score >= best_score + 1e-12 or (best is None and score >= best_score):
                best, best_score = cluster, score
        return best


def event_window(story_window_days: float) -> float:
    """Days an event stays open to new stories: EVENT_WINDOW_FACTOR story windows, at least
    two weeks (a follow-up or an inquiry comes later than the next day's report)."""
    return max(story_window_days * EVENT_WINDOW_FACTOR, 14.0)


def group(
    docs: Sequence[Doc], window_days: float, event_of: Mapping[str, str] | None = None
) -> Grouping:
    """Docs (already in processing order) → story clusters → event clusters.

    `event_of`: stored story id → stored event id, for pinned docs (see the module doc).
    """
    mode = "embeddings" if docs and all(d.vector is not None for d in docs) else "lexical"
    stories = _Online(window_days, STORY_THRESHOLD[mode], 0.05, DECAY_PER_DAY["story"])
    for doc in docs:
        vector = doc.vector if mode == "embeddings" else None
        cluster = stories.add(
            doc.day,
            doc.article.id,
            doc.entities,
            doc.names,
            doc.terms,
            doc.measures,
            vector,
            doc.keys,
            doc.pin,
        )
        cluster.docs.append(doc)
        cluster.figures |= doc.figures
    events = _link_events(stories.clusters, mode, event_window(window_days), event_of or {})
    return Grouping(stories.clusters, events, mode)


def _link_events(
    stories: list[Cluster], mode: str, window: float, event_of: Mapping[str, str]
) -> list[Cluster]:
    """Events: single-link union of stories that resemble each other within `window` days.

    Single link (not a centroid) because an event drifts: the flood, the recovery and the
    inquiry share little with each other as a whole but each resembles the one before.
    Order-independent: every pair of active stories is compared, whatever came first.
    """
    order = sorted(stories, key=lambda c: (c.first or date.min, c.founder))
    parent = list(range(len(order)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, set[int]] = {}
    keys_of: dict[int, set[str]] = {}
    expiry: list[tuple[date, int]] = []
    weight = ENTITY_WEIGHT["event"]
    for pos, story in enumerate(order):
        while story.first and expiry and (story.first - expiry[0][0]).days > window:
            _, old = heapq.heappop(expiry)
            for key in keys_of.pop(old, set()):
                postings[key].discard(old)
        keys = {k for doc in story.docs for k in doc.keys}
        candidates: set[int] = set()
        for key in keys:
            candidates.update(postings.get(key, ()))
        vector = story.vector if mode == "embeddings" else None
        names = {k for k in keys if k.startswith("E:")}
        for other in sorted(candidates):
            if not names & keys_of[other]:
                # no distinctive name in common (only common ones, or only words): a shared
                # topic, not one happening; single link would otherwise chain a whole beat
                continue
            score, _ = _score(story.entities, story.terms, vector, order[other], weight)
            if story.figures & order[other].figures:
                score += FIGURE_BONUS  # the same 6.4 metres at the same gauge
            if score >= EVENT_THRESHOLD[mode]:
                a, b = find(other), find(pos)
                parent[max(a, b)] = min(a, b)  # the earliest story founds the event
        for key in keys:
            postings.setdefault(key, set()).add(pos)
        keys_of[pos] = keys
        if story.last is not None:
            heapq.heappush(expiry, (story.last, pos))

    events: dict[int, Cluster] = {}
    anchored: set[str] = set()
    for pos, story in enumerate(order):
        root = find(pos)
        event = events.get(root)
        if event is None:
            event = events[root] = Cluster(len(events), order[root].founder, None, None)
        stored = event_of.get(story.pin) if story.pin is not None else None
        if stored is not None and stored not in anchored:
            # a stored event's id goes to the event holding its earliest story; an event
            # holding several keeps the earliest (a merge retires the others)
            anchored.add(stored)
            event.pin = event.pin or stored
        event.absorb(story.entities, story.names, story.terms, story.measures, None, story.first)
        if story.last is not None:
            event.last = story.last if event.last is None else max(event.last, story.last)
        event.children.append(story)
    return list(events.values())
