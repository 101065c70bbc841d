"""Content judgement for stray text: does a line or paragraph belong to this report at all?

The form rules in `structure.py` catch what *looks* pasted in (a headline-shaped sentence, a
"Read also:" teaser). Two kinds of stray pass them: a short noun-phrase headline from another
story, which reads exactly like a section heading, and a paragraph about a different event,
which reads like any other paragraph. Both are judged here by what they say:

- a section heading introduces the paragraphs after it, so it is closer in meaning to the next
  paragraph than to the rest of the report; a pasted headline is not;
- a paragraph about a different event shares no names with the report, few of its words, and
  its meaning is far from the paragraphs around it and from the lead.

Meaning is compared with sentence embeddings (`nlp.embed`, int8 weights) when they are
installed. They cost about 6 ms per 40-word paragraph on one core (the float model twice that),
so only candidates are embedded, with the handful of
paragraphs they are compared with: every title-like line that passes the form rules (a report
with section headings embeds each heading and the paragraph after it) and the paragraphs the
cheap lexical tests leave. A report with neither embeds nothing and never loads the model.
Without embeddings the lexical tests alone decide, conservatively: headings are left to the
form rules and a paragraph must share almost nothing with the report.

A paragraph pasted from a report on the same broad subject (another election, another war) is
often not far enough from its neighbours for that judgement. A second look, for the few
candidates left undecided, embeds every paragraph of the report (of 15 words or more) and
weighs, with a logistic model fitted on pasted paragraphs (`benchmarks/stray_paragraph_fit.py`),
how the candidate sits among them: the least connected paragraph, breaking the thread between
its neighbours.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corroborate import nlp

MIN_PARAGRAPH_WORDS = 15  # a shorter paragraph has too little content to judge by content
# A report of fewer body paragraphs gives too little to compare a paragraph with: a three-
# paragraph brief (a Fed preview with one paragraph on retail sales) is judged by form only.
MIN_BODY_PARAGRAPHS = 4
EMBED_WORDS = 40  # paragraphs are cut to this many words before embedding (cost, not quality)
# Int8 weights: half the cost of the float model per paragraph, the same judgements on the
# development sets (benchmarks/RESULTS.md); nothing here is compared across reports.
QUANTISED = True
# Paragraph candidates: no shared names and under this share of words found elsewhere. On the
# development articles a report's own paragraphs share a median 53% of their words with the
# rest of the report, a paragraph from another article 20%.
PARAGRAPH_OVERLAP = 0.3
PARAGRAPH_OVERLAP_UNNAMED = 0.15  # the same for a paragraph that names no one: stricter
# Or, whatever its names: under this fraction of the report's median share. A long report
# shares many everyday words between its paragraphs, so a pasted paragraph can pass the
# absolute bound (30%) and still stand far below its neighbours; and a paragraph from another
# report on the same campaign names the same people. On the development articles 1% of a
# report's own paragraphs fall below 0.37 of the median, half of the pasted paragraphs
# from other reports below 0.3-0.5 of it. Raising it to 0.3 added a false flag on the spare set.
PARAGRAPH_OVERLAP_RELATIVE = 0.25
# Two wider gates, each relaxing one condition of the strict one (no shared name, under 30% of
# words shared), never both at once. First: a paragraph with several names of its own (none
# found elsewhere) may share up to this fraction of its words. The everyday words of a
# subject ("election", "vote", "officials") leave a paragraph about another election, war or
# crash with 30-50% of its words shared, while what it is about, its people and places,
# appears nowhere else. On the development articles (dev, spare) it alone raised recall of
# unrelated-event paragraphs 73.0 -> 76.5% and 66.7 -> 71.2%, at no new false flag.
PARAGRAPH_OVERLAP_NAMED = 0.5
# "Several": a single name of its own is often a new speaker, or a capitalised word misread
# (allowing one added two false flags on dev).
PARAGRAPH_NAMES_OWN = 2
# Second: with this many names, one of them found elsewhere in the report may be chance (a
# capital, a country: "Washington", "Iran"), and the others, found nowhere else, still say it
# is about something else. A paragraph from another report on the same campaign names many
# people of its own and one of the candidates: alone it raised recall of those 24.0 -> 29.5%
# and 26.8 -> 30.8%, of unrelated-event paragraphs 73.0 -> 75.5% and 66.7 -> 70.2%.
NAMES_ONE_SHARED = 3
# Both ask that it share under this fraction of its words with the paragraphs it is compared
# with (the ones around it and the lead): a paragraph that takes up their words carries on
# their thread, whatever else it names; a pasted paragraph's shared words are everyday words
# from anywhere in the report. On the development articles it cost no recall and left out a
# fifth to a third of the paragraphs the wider gates send to be embedded (the cost).
PARAGRAPH_LOCAL_OVERLAP = 0.15
# Without embeddings: almost no word in common, and several names of its own.
PARAGRAPH_OVERLAP_LEXICAL = 0.05
PARAGRAPH_NAMES_LEXICAL = 2
# A report in which this many paragraphs each name only people and things found nowhere else
# and share few words is a roundup (a news digest, a live blog): it changes subject on purpose,
# so none of its paragraphs is judged by content. Counted by the strict gate (no shared name,
# under 30% of words shared): by the wider one many an ordinary long report would count as a
# roundup, and lose every judgement.
ROUNDUP_CANDIDATES = 4
# Cosine similarity (all-MiniLM-L6-v2) below which a paragraph is about something else than
# every paragraph it is compared with: the ones just before and after it, the headline and the
# lead (what the report is about). On the development articles a report's own paragraphs
# that pass the lexical gate are rarely below it; a paragraph about another event is, most of
# the time, below it for all of them at once.
PARAGRAPH_COSINE = 0.22
# The second look, for a paragraph candidate the first leaves undecided: no comparison
# reaches COHERENCE_GREY, yet one reaches PARAGRAPH_COSINE (or the paragraph sharing most words
# with it does). Pasted paragraphs on the same broad subject (another election, another
# war) fall here: MiniLM puts any two political paragraphs at 0.2-0.3. Every paragraph of
# the report (of COHERENCE_WORDS or more) is embedded, and a logistic model weighs how the
# paragraph sits among them (a paragraph pasted in is the least connected one, far below the
# report's median) with the first look's measures. Fitted by benchmarks/stray_paragraph_fit.py
# on PolNeAR development articles (0-399 of the benchmark's order) with paragraphs of other
# PolNeAR articles and of our realistic dev2 and dev3 reports pasted in; neither the fresh
# split nor the benchmark's own pool of other-topic reports was used.
COHERENCE_GREY = 0.32
# Its share of words found elsewhere, over the report's median: under 0.5 (not 0.7) kept 62 of
# the 65 pasted paragraphs the first fit's model caught, and 12 of the 20 clean candidates
# (the cost).
COHERENCE_OVERLAP = 0.5
COHERENCE_WORDS = MIN_PARAGRAPH_WORDS  # a one-line quote or a label says too little
# Chosen on the fit's cross-validated table: at 0.95 the second look caught 60 of the 127
# pasted paragraphs it judged and flagged 4 of the reports' own, 3 of them in the 400 clean
# reports (0.9: 82 caught, 7 and 5 flagged; 0.97: 44, 4 and 3).
COHERENCE_THRESHOLD = 0.95
COHERENCE_BIAS = 1.499
COHERENCE_WEIGHTS = {
    "highest": -1.076,
    "breaks_thread": 5.507,
    "closest": -0.309,
    "closest_two": -4.854,
    "relative": 0.498,
    "above_least": -11.487,
    "least_connected": 0.461,
    "relative_overlap": -4.289,
    "own_names": 0.574,
}
# A pasted headline is about something in particular (close to some part of the report, which
# shares the topic) yet clearly further from the paragraph after it. A generic heading ("The
# Path Forward") is far from everything, and is left alone: too little to go on.
HEADING_SPECIFIC_COSINE = 0.25
HEADING_NEXT_COSINE = 0.3
HEADING_MARGIN = 0.05
# Interview, list and note lines, and prose cut by the layout: title-like but neither headings
# nor strays.
NOT_A_HEADING = re.compile(
    r"^\s*(?:Q\b|A\b|\d{1,2}[.)]\s|(?:but|and|so|or)\b|editor.s\s+note)|[a-z][.!?]\s+[A-Z]",
    re.IGNORECASE,
)


@dataclass
class Vectors:
    """Embeddings of paragraphs, each computed once, on the first request that needs it.

    `enabled=None` means "if installed", asked only when a candidate first needs a vector:
    finding out may load the model (seconds), which a report with no candidate never pays.
    """

    texts: Sequence[str]
    enabled: bool | None
    _cache: dict[int, Any] = field(default_factory=dict)

    def get(self, indices: Sequence[int]) -> dict[int, Any] | None:
        """The vectors of `indices`, embedding (in one call) those not yet embedded."""
        if self.enabled is None:
            self.enabled = nlp.embeddings_available()
        if not self.enabled:
            return None
        missing = sorted({i for i in indices if i not in self._cache})
        if missing:
            vectors = nlp.embed(
                [" ".join(self.texts[i].split()[:EMBED_WORDS]) for i in missing], QUANTISED
            )
            if vectors is None:
                self.enabled = False
                return None
            self._cache.update(zip(missing, vectors, strict=True))
        return {i: self._cache[i] for i in indices}


def embed_pending(requests: Sequence[tuple[Vectors, Sequence[int]]]) -> None:
    """Embed what several reports' `Vectors` need (their paragraph indices) in one call.

    The int8 model runs one text per call (its vectors must not depend on their batch), so
    this gains little there; the float model (without ONNX Runtime, or `QUANTISED = False`)
    pays a fixed cost per call, which a batch of reports shares. Each vector comes out as the
    report's own `get` would make it (to within float rounding when padding differs).
    """
    if not embed_ahead():
        return
    wanted: list[tuple[Vectors, int]] = []
    for vectors, indices in requests:
        if not indices:
            continue
        if vectors.enabled is None:
            vectors.enabled = nlp.embeddings_available()
        if vectors.enabled:
            wanted += [(vectors, i) for i in sorted(set(indices)) if i not in vectors._cache]
    if not wanted:
        return
    found = nlp.embed([" ".join(v.texts[i].split()[:EMBED_WORDS]) for v, i in wanted], QUANTISED)
    if found is None:
        for vectors, _ in wanted:
            vectors.enabled = False
        return
    for (vectors, i), vector in zip(wanted, found, strict=True):
        vectors._cache[i] = vector


def embed_ahead() -> bool:
    """Whether to embed what a report's judgements may compare before judging (one call for
    all of them and for a batch of reports), or one paragraph at a time as each judgement
    reaches it. The float model pays a fixed cost per call, which a batch shares; the int8
    model runs one text per call anyway (`QUANTISED`), so there nothing is gained by
    embedding ahead, and a judgement that stops at the first paragraph close in meaning
    never embeds the others (on news articles about half of what it would have embedded,
    benchmarks/RESULTS.md). The vectors, and so the judgements, are the same either way."""
    return not QUANTISED or not nlp.embeds_one_at_a_time(quantised=True)


def _cosine(a: Any, b: Any) -> float:
    return float(a @ b)  # embeddings are L2-normalised


def _similarities(
    vectors: Vectors, index: int, others: Sequence[int], enough: float
) -> dict[int, float] | None:
    """Paragraph `index`'s similarity to each of `others` in turn, each embedded only when
    reached, stopping after the first at or above `enough` (the judgement is then decided);
    None without embeddings."""
    if vectors.get([index]) is None:
        return None
    found: dict[int, float] = {}
    for j in others:
        pair = vectors.get([index, j])
        if pair is None:
            return None
        found[j] = _cosine(pair[index], pair[j])
        if found[j] >= enough:
            break
    return found


def paragraph_candidate(
    words: int,
    names: int,
    shared: int,
    overlap: float,
    typical: float = 0.0,
    local: float = 0.0,
    strict: bool = False,
) -> bool:
    """The cheap lexical gate: only these paragraphs are judged by meaning.

    It names someone or something, and none of its names appear elsewhere in the report; or
    it names no one (figures, a scene: often missed by name finding) and shares almost none
    of its words with the report. A paragraph that names no one yet shares some words (a
    quote, a comment) gives too little to judge. Or, whatever it names, it shares far fewer
    of its words than the report's paragraphs usually do (`typical`: their median share).

    `names`: how many names it carries; `shared`: how many of them appear elsewhere in the
    report. Beyond that `strict` gate (the one that tells a roundup, `ROUNDUP_CANDIDATES`):
    a paragraph with several names of its own that shares more everyday words, and one naming
    three or more, one of them found elsewhere (`names_its_own`); either only when it shares
    few words with the paragraphs around it and the lead (`local`: the share of its words
    found there).
    """
    if words < MIN_PARAGRAPH_WORDS:
        return False
    if overlap < PARAGRAPH_OVERLAP_RELATIVE * typical:
        return True
    if not names:
        return overlap < PARAGRAPH_OVERLAP_UNNAMED
    if not shared and overlap < PARAGRAPH_OVERLAP:
        return True  # the strict gate
    if strict or local >= PARAGRAPH_LOCAL_OVERLAP or not names_its_own(names, shared):
        return False
    if shared:
        return overlap < PARAGRAPH_OVERLAP  # one name found elsewhere: few words shared
    return names >= PARAGRAPH_NAMES_OWN and overlap < PARAGRAPH_OVERLAP_NAMED


def names_its_own(names: int, shared: int) -> bool:
    """Is a paragraph carrying `names` names, `shared` of them found elsewhere in the report,
    about people and places of its own? None shared, or at most one of three or more."""
    return names > 0 and (not shared or (names >= NAMES_ONE_SHARED and shared <= 1))


def foreign_paragraph_reason(
    vectors: Vectors,
    index: int,
    neighbours: Sequence[int],
    lead: Sequence[int],
    overlap: float,
    names: Sequence[str],
    closest: Sequence[int] = (),
    relative_overlap: float = 1.0,
    own_names: int = 0,
) -> str | None:
    """Why a body paragraph looks like it is about a different event, or None.

    `closest`: the paragraph(s) elsewhere in the report sharing the most words with this one,
    compared only when the neighbours and the lead leave it far in meaning (a second, rarely
    needed embedding): a paragraph may take up a thread from further up the report.
    `relative_overlap`: its share of words found elsewhere over the report's median share;
    `own_names`: how many of its names appear nowhere else (both for the second look).
    """
    named = (
        f"a paragraph with names ({', '.join(names[:3])}) found nowhere else in the report"
        if names
        else "a paragraph naming no one"
    )
    # The lead first: it is compared with every candidate of the report, so embedded once.
    # Only a paragraph that may get the second look (below: a name of its own, both
    # neighbours, few of the report's usual words) need be compared until one comparison
    # reaches COHERENCE_GREY; the others stop at the first look's bound.
    second_look = own_names and len(neighbours) == 2 and relative_overlap < COHERENCE_OVERLAP
    enough = COHERENCE_GREY if second_look else PARAGRAPH_COSINE
    similarities = _similarities(vectors, index, [*lead, *neighbours], enough)
    if similarities is None:
        # No embeddings: only a paragraph that shares almost no words and names is flagged.
        if len(names) >= PARAGRAPH_NAMES_LEXICAL and overlap < PARAGRAPH_OVERLAP_LEXICAL:
            return (
                f"{named} and only {overlap:.0%} of its words "
                "shared with the rest: looks like a paragraph about a different event"
            )
        return None
    highest = max(similarities.values(), default=0.0)
    if highest >= enough:
        return None  # close in meaning to the paragraphs it is compared with: it belongs
    near = max((similarities[j] for j in neighbours), default=0.0)
    top = max((similarities[j] for j in lead), default=0.0)
    thread = _closest_cosine(vectors, index, closest) if highest < PARAGRAPH_COSINE else 1.0
    if highest < PARAGRAPH_COSINE and thread < PARAGRAPH_COSINE:
        return (
            f"{named}, {overlap:.0%} of its words shared, and "
            f"far in meaning from the paragraphs around it (similarity {near:.2f}), from the "
            f"headline and lead ({top:.2f}) and from the paragraph sharing most words with it "
            f"({thread:.2f}): looks like a paragraph about a different event"
        )
    # Not far enough for the first look, not close enough to belong: the second look, for a
    # paragraph that breaks the thread (its neighbours closer to each other than to it) and
    # shares fewer words than the report's paragraphs usually do. On the fit's articles those
    # cheap tests cut the clean reports' paragraphs that would embed the whole report from 61
    # to 12 (with the names asked for and the shorter paragraphs left out; see RESULTS.md).
    if not second_look:
        return None
    pair = vectors.get(neighbours)
    around = _cosine(pair[neighbours[0]], pair[neighbours[1]]) if pair else near
    if around <= near:
        return None
    coherence = report_coherence(vectors, index)
    if coherence is None or coherence.mean >= coherence.median:
        return None  # as connected as the report's paragraphs usually are: it belongs
    features = CoherenceFeatures(
        highest=highest,
        breaks_thread=around - near,
        closest=coherence.closest,
        closest_two=coherence.closest_two,
        relative=coherence.mean / max(coherence.median, 1e-3),
        above_least=coherence.mean - coherence.least,
        least_connected=float(coherence.least_connected),
        relative_overlap=relative_overlap,
        own_names=float(min(own_names, 5)),
    )
    if coherence_probability(features) < COHERENCE_THRESHOLD:
        return None
    least = (
        "the least connected paragraph of the report"
        if coherence.least_connected
        else "less connected than most of the report's paragraphs"
    )
    return (
        f"{named}, {overlap:.0%} of its words shared; {least}: its mean similarity in meaning "
        f"to the other paragraphs is {coherence.mean:.2f} against a median {coherence.median:.2f}"
        f" for theirs, the closest one {coherence.closest:.2f}; its neighbours are closer to "
        f"each other ({around:.2f}) than to it ({near:.2f}): looks like a paragraph about a "
        "different event"
    )


@dataclass(frozen=True)
class Coherence:
    """How a paragraph sits among all the report's paragraphs, in meaning."""

    mean: float  # its mean similarity to the other paragraphs
    median: float  # the median of the other paragraphs' own mean similarities
    least: float  # the lowest of those
    least_connected: bool  # no other paragraph has a lower mean similarity
    closest: float  # its highest similarity to any other paragraph
    closest_two: float  # the mean of its two highest


def report_coherence(vectors: Vectors, index: int) -> Coherence | None:
    """Paragraph `index` among every paragraph of the report of `COHERENCE_WORDS` or more
    (shorter ones are not compared, and a tie for the lowest mean counts as least connected).
    The second look embeds them all, so it is kept for the few candidates the first look
    leaves undecided. (Comparing only the four on each side was tried: a third fewer
    embeddings, and a quarter fewer pasted paragraphs caught, on the fit's examples.)"""
    indices = [j for j, text in enumerate(vectors.texts) if len(text.split()) >= COHERENCE_WORDS]
    indices = sorted({*indices, index})
    if len(indices) < MIN_BODY_PARAGRAPHS:
        return None
    found = vectors.get(indices)
    if found is None:
        return None
    matrix = np.array([found[j] for j in indices])
    similarity = matrix @ matrix.T
    np.fill_diagonal(similarity, np.nan)
    means = np.nanmean(similarity, axis=1)
    at = indices.index(index)
    others = np.delete(means, at)
    row = np.sort(np.delete(similarity[at], at))[::-1]
    return Coherence(
        mean=float(means[at]),
        median=float(np.median(others)),
        least=float(others.min()),
        least_connected=bool((others >= means[at]).all()),
        closest=float(row[0]),
        closest_two=float(row[:2].mean()),
    )


@dataclass(frozen=True)
class CoherenceFeatures:
    """What the second look weighs (see `COHERENCE_WEIGHTS`)."""

    highest: float  # similarity to the closest of its neighbours and the lead
    breaks_thread: float  # its neighbours' similarity to each other, minus its to them
    closest: float  # to the closest paragraph of the report
    closest_two: float  # mean of its two closest
    relative: float  # its mean similarity over the report's median
    above_least: float  # its mean similarity minus the lowest other paragraph's
    least_connected: float  # 1.0 when no paragraph is less connected
    relative_overlap: float  # share of its words found elsewhere, over the report's median
    own_names: float  # names found nowhere else in the report (at most 5)


def coherence_probability(features: CoherenceFeatures) -> float:
    """The second look's probability that a paragraph was pasted in from another report."""
    score = COHERENCE_BIAS + sum(
        weight * getattr(features, name) for name, weight in COHERENCE_WEIGHTS.items()
    )
    return 1.0 / (1.0 + math.exp(-score))


def far_from(vectors: Vectors, index: int, neighbours: Sequence[int], lead: Sequence[int]) -> bool:
    """Whether the paragraph is far in meaning from its neighbours and the lead: only then is
    the paragraph sharing most words with it compared too."""
    similarities = _similarities(vectors, index, [*lead, *neighbours], PARAGRAPH_COSINE)
    return similarities is not None and max(similarities.values(), default=0.0) < PARAGRAPH_COSINE


def _closest_cosine(vectors: Vectors, index: int, closest: Sequence[int]) -> float:
    """The highest similarity of paragraph `index` to the paragraphs in `closest`."""
    found = vectors.get([index, *closest]) if closest else None
    if found is None:
        return -1.0
    return max(_cosine(found[index], found[j]) for j in closest)


def foreign_heading_reason(
    vectors: Vectors,
    line: str,
    index: int,
    following: int,
    others: Sequence[int],
    then: Sequence[int] = (),
) -> str | None:
    """Why a title-like line that passed the form rules is no heading of this report, or None.

    A heading introduces the next paragraph, so it is closer in meaning to that paragraph than
    to the report around it; a pasted headline on the same broad topic is as close to any
    paragraph as to the next one. Needs embeddings: by words alone a short heading ("The Path
    Forward") often shares nothing with the paragraph it introduces.

    `then`: the section's next paragraph, compared only when the first is far: "Damage and
    aid" may open with the river's peak and come to the aid a paragraph later.
    """
    if not heading_candidate(line):
        return None
    found = vectors.get([index, following])
    if found is None:
        return None
    to_next = _cosine(found[index], found[following])
    if to_next >= HEADING_NEXT_COSINE:
        return None  # it introduces the paragraph after it: the rest need not be embedded
    found = vectors.get([index, *then, *others])
    if found is None:
        return None
    to_next = max([to_next, *(_cosine(found[index], found[j]) for j in then)])
    if to_next >= HEADING_NEXT_COSINE:
        return None
    to_rest = max((_cosine(found[index], found[j]) for j in others if j not in then), default=-1.0)
    if (
        to_rest >= HEADING_SPECIFIC_COSINE
        and to_next < HEADING_NEXT_COSINE
        and to_next < to_rest - HEADING_MARGIN
    ):
        return (
            f"a title-like line no closer in meaning to the paragraph after it "
            f"({to_next:.2f}) than to the rest of the report ({to_rest:.2f}): not a heading "
            "introducing a section, looks like a headline from another story"
        )
    return None


def heading_candidate(line: str) -> bool:
    """Is this title-like line worth judging by meaning? Not an interview question ("Q: ..."),
    a list item or a one-word label: those are no headlines from another story.

    Nor a question: a question heading ("Is the party united?") opens a section that argues
    around it rather than about it, a poll question sits above its figures, and a rhetorical
    question takes up what came before; none is close to the paragraph after it. The form
    rules still judge a question that names people the report never mentions.
    """
    return (
        not NOT_A_HEADING.search(line)
        and len(line.split()) >= 2
        and not line.rstrip().endswith("?")
    )
