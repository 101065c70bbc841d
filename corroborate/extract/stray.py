"""Content judgement for stray text: does a line or paragraph belong to this report at all?

The form rules in `structure.py` catch what *looks* pasted in (a headline-shaped sentence, a
"Read also:" teaser). Two kinds of stray pass them: a short noun-phrase headline from another
story, which reads exactly like a section heading, and a paragraph about a different event,
which reads like any other paragraph. Both are judged here by what they say:

- a section heading introduces the paragraphs after it, so it is closer in meaning to the next
  paragraph than to the rest of the report; a pasted headline is not;
- a paragraph about a different event shares no names with the report, few of its words, and
  its meaning is far from the paragraphs around it and from the lead.

Meaning is compared with sentence embeddings (`nlp.embed`) when they are installed. They cost
about 15 ms per paragraph on one core, so only candidates are embedded, with the handful of
paragraphs they are compared with: every title-like line that passes the form rules (a report
with section headings embeds each heading and the paragraph after it) and the paragraphs the
cheap lexical tests leave. A report with neither embeds nothing and never imports torch.
Without embeddings the lexical tests alone decide, conservatively: headings are left to the
form rules and a paragraph must share almost nothing with the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corroborate import nlp

MIN_PARAGRAPH_WORDS = 15  # a shorter paragraph has too little content to judge by content
EMBED_WORDS = 40  # paragraphs are cut to this many words before embedding (cost, not quality)
# Paragraph candidates: no shared names and under this share of words found elsewhere. On the
# development articles a report's own paragraphs share a median 53% of their words with the
# rest of the report, a paragraph from another article 20%.
PARAGRAPH_OVERLAP = 0.3
PARAGRAPH_OVERLAP_UNNAMED = 0.15  # the same for a paragraph that names no one: stricter
# Without embeddings: almost no word in common, and several names of its own.
PARAGRAPH_OVERLAP_LEXICAL = 0.05
PARAGRAPH_NAMES_LEXICAL = 2
# A report in which this many paragraphs each name only people and things found nowhere else
# and share few words is a roundup (a news digest, a live blog): it changes subject on purpose,
# so none of its paragraphs is judged by content.
ROUNDUP_CANDIDATES = 4
# Cosine similarity (all-MiniLM-L6-v2) below which a paragraph is about something else than
# every paragraph it is compared with: the ones just before and after it, the headline and the
# lead (what the report is about). On the development articles a report's own paragraphs
# that pass the lexical gate are rarely below it; a paragraph about another event is, most of
# the time, below it for all of them at once.
PARAGRAPH_COSINE = 0.22
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
    finding out imports torch (seconds), which a report with no candidate never pays.
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
            vectors = nlp.embed([" ".join(self.texts[i].split()[:EMBED_WORDS]) for i in missing])
            if vectors is None:
                self.enabled = False
                return None
            self._cache.update(zip(missing, vectors, strict=True))
        return {i: self._cache[i] for i in indices}


def _cosine(a: Any, b: Any) -> float:
    return float(a @ b)  # embeddings are L2-normalised


def paragraph_candidate(words: int, names: int, shared_names: bool, overlap: float) -> bool:
    """The cheap lexical gate: only these paragraphs are judged by meaning.

    It names someone or something, and none of its names appear elsewhere in the report; or
    it names no one (figures, a scene: often missed by name finding) and shares almost none
    of its words with the report. A paragraph that names no one yet shares some words (a
    quote, a comment) gives too little to judge.
    """
    if words < MIN_PARAGRAPH_WORDS or overlap >= PARAGRAPH_OVERLAP:
        return False
    return not shared_names if names else overlap < PARAGRAPH_OVERLAP_UNNAMED


def foreign_paragraph_reason(
    vectors: Vectors,
    index: int,
    neighbours: Sequence[int],
    lead: Sequence[int],
    overlap: float,
    names: Sequence[str],
    closest: Sequence[int] = (),
) -> str | None:
    """Why a body paragraph looks like it is about a different event, or None.

    `closest`: the paragraph(s) elsewhere in the report sharing the most words with this one,
    compared only when the neighbours and the lead leave it far in meaning (a second, rarely
    needed embedding): a paragraph may take up a thread from further up the report.
    """
    named = (
        f"a paragraph with names ({', '.join(names[:3])}) found nowhere else in the report"
        if names
        else "a paragraph naming no one"
    )
    found = vectors.get([index, *neighbours, *lead])
    if found is None:
        # No embeddings: only a paragraph that shares almost no words and names is flagged.
        if len(names) >= PARAGRAPH_NAMES_LEXICAL and overlap < PARAGRAPH_OVERLAP_LEXICAL:
            return (
                f"{named} and only {overlap:.0%} of its words "
                "shared with the rest: looks like a paragraph about a different event"
            )
        return None
    near = max((_cosine(found[index], found[j]) for j in neighbours), default=0.0)
    top = max((_cosine(found[index], found[j]) for j in lead), default=0.0)
    # One threshold for every comparison: close in meaning to any of them, it belongs.
    if max(near, top) >= PARAGRAPH_COSINE:
        return None
    thread = _closest_cosine(vectors, index, closest)
    if thread >= PARAGRAPH_COSINE:
        return None
    return (
        f"{named}, {overlap:.0%} of its words shared, and "
        f"far in meaning from the paragraphs around it (similarity {near:.2f}), from the "
        f"headline and lead ({top:.2f}) and from the paragraph sharing most words with it "
        f"({thread:.2f}): looks like a paragraph about a different event"
    )


def _closest_cosine(vectors: Vectors, index: int, closest: Sequence[int]) -> float:
    """The highest similarity of paragraph `index` to the paragraphs in `closest`."""
    found = vectors.get([index, *closest]) if closest else None
    if found is None:
        return -1.0
    return max(_cosine(found[index], found[j]) for j in closest)


def foreign_heading_reason(
    vectors: Vectors, line: str, index: int, following: int, others: Sequence[int]
) -> str | None:
    """Why a title-like line that passed the form rules is no heading of this report, or None.

    A heading introduces the next paragraph, so it is closer in meaning to that paragraph than
    to the report around it; a pasted headline on the same broad topic is as close to any
    paragraph as to the next one. Needs embeddings: by words alone a short heading ("The Path
    Forward") often shares nothing with the paragraph it introduces.
    """
    if not heading_candidate(line):
        return None
    found = vectors.get([index, following, *others])
    if found is None:
        return None
    to_next = _cosine(found[index], found[following])
    to_rest = max((_cosine(found[index], found[j]) for j in others), default=-1.0)
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
