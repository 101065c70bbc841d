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
# Without embeddings: almost no word in common, and several names of its own.
PARAGRAPH_OVERLAP_LEXICAL = 0.05
PARAGRAPH_NAMES_LEXICAL = 2
# Cosine similarity (all-MiniLM-L6-v2) below which two paragraphs are about different things.
NEIGHBOUR_COSINE = 0.15  # to the paragraphs just before and after
LEAD_COSINE = 0.2  # to the headline and the lead paragraph (what the report is about)
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

    It names someone or something, and none of its names appear elsewhere in the report: a
    paragraph with no names at all (a quote, a comment) gives too little to judge.
    """
    return (
        words >= MIN_PARAGRAPH_WORDS
        and names > 0
        and not shared_names
        and overlap < PARAGRAPH_OVERLAP
    )


def foreign_paragraph_reason(
    vectors: Vectors,
    index: int,
    neighbours: Sequence[int],
    lead: Sequence[int],
    overlap: float,
    names: Sequence[str],
) -> str | None:
    """Why a body paragraph looks like it is about a different event, or None."""
    named = f"names ({', '.join(names[:3])}) found nowhere else"
    found = vectors.get([index, *neighbours, *lead])
    if found is None:
        # No embeddings: only a paragraph that shares almost no words and names is flagged.
        if len(names) >= PARAGRAPH_NAMES_LEXICAL and overlap < PARAGRAPH_OVERLAP_LEXICAL:
            return (
                f"a paragraph with {named} in the report and only {overlap:.0%} of its words "
                "shared with the rest: looks like a paragraph about a different event"
            )
        return None
    near = max((_cosine(found[index], found[j]) for j in neighbours), default=0.0)
    top = max((_cosine(found[index], found[j]) for j in lead), default=0.0)
    if near < NEIGHBOUR_COSINE and top < LEAD_COSINE:
        return (
            f"a paragraph with {named} in the report, {overlap:.0%} of its words shared, and "
            f"far in meaning from the paragraphs around it (similarity {near:.2f}) and from the "
            f"headline and lead ({top:.2f}): looks like a paragraph about a different event"
        )
    return None


def foreign_heading_reason(
    vectors: Vectors, line: str, index: int, following: int, others: Sequence[int]
) -> str | None:
    """Why a title-like line that passed the form rules is no heading of this report, or None.

    A heading introduces the next paragraph, so it is closer in meaning to that paragraph than
    to the report around it; a pasted headline on the same broad topic is as close to any
    paragraph as to the next one. Needs embeddings: by words alone a short heading ("The Path
    Forward") often shares nothing with the paragraph it introduces.
    """
    if NOT_A_HEADING.search(line) or len(line.split()) < 2:
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
