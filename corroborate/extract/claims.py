"""Claims: the sentences that assert something checkable, with attribution and hedging.

A sentence is a claim when its check-worthiness score (from `corroborate.nlp.checkworthiness`,
computed by the caller and passed in) is at least `CHECKWORTHY_THRESHOLD`, and it is not a
question or a heading. 0.5 is the threshold because the score comes centred on the model's own
decision threshold, chosen on CheckThat! dev (`corroborate.nlp.checkworthy.decision_score`):
at 0.5 the model says "check-worthy", whichever model runs.

Attribution, in order of preference:

1. the speaker of a quote inside the sentence (direct, mixed or indirect: "according to X",
   "X said that ..." are indirect quotes, so their speaker is found here too);
2. carried over from the sentence before, in the same paragraph, when this one goes on with the
   same account ("According to Syrskyi, ... Furthermore, Ukraine now controls 72 settlements");
3. otherwise ``unattributed``.

`hedged` marks claims the writer or the source does not commit to: "reportedly", "allegedly",
modal "may/might/could", "appears", "suggests", "likely", "sources say", "it is believed" ...
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.datelines import after_dateline
from corroborate.model import Claim, Entity, Figure, Quote, Source, Span

CHECKWORTHY_THRESHOLD: Final = 0.5

_HEDGE_RE: Final = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|supposedly|possibly|perhaps|probably|"
    r"presumably|likely|unlikely|appears?|appeared|seems?|seemed|suggests?|"
    r"suggested|suggesting|rumou?red|unconfirmed|unverified|"
    r"(?:is|are|was|were)\s+(?:believed|thought|said|understood|rumou?red|alleged)\s+to|"
    r"it\s+is\s+(?:believed|thought|understood|alleged|claimed)|"
    r"sources?\s+(?:say|said|says|suggest|claim|claimed|told)|"
    r"according\s+to\s+(?:unnamed|anonymous|unconfirmed)|"
    r"(?:not|yet\s+to\s+be)\s+(?:independently\s+)?(?:verified|confirmed))\b",
    re.IGNORECASE,
)
_CONTINUATION_RE: Final = re.compile(
    r"^\s*(?:furthermore|moreover|additionally|in\s+addition|also|besides|he\s+also|"
    r"she\s+also|they\s+also|it\s+also|the\s+(?:ministry|army|military|report)\s+also)\b",
    re.IGNORECASE,
)
_WORD_RE: Final = re.compile(r"\w+")
_HEADING_LABELS: Final = frozenset({"heading", "headline", "title"})


# modals are hedges in lower case only ("May 5" is a date) and not when negated ("could not")
_MODAL_RE: Final = re.compile(r"\b(?:may|might|could)\b(?!\s+not\b|n[’']t)")


def is_hedged(sentence: str) -> bool:
    """Whether the sentence carries a hedge ("reportedly", "may", "sources say", ...)."""
    return _HEDGE_RE.search(sentence) is not None or _MODAL_RE.search(sentence) is not None


def _is_heading(text: str, span: Span) -> bool:
    if span.label in _HEADING_LABELS:
        return True
    s = text[span.start : span.end].strip()
    if not s or s[-1] in ".!?”\"’'…:;)":
        return False
    words = s.split()
    return len(words) <= 12


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _paragraph_breaks(text: str, a: int, b: int) -> bool:
    return "\n" in text[a:b]


def _source_of(quote: Quote) -> Source | None:
    sp = quote.speaker
    if sp is None or (sp.name is None and sp.title is None):
        return None
    return Source(sp.name, sp.kind, sp.start, sp.end, sp.title)


def extract_claims(
    text: str,
    sentences: Sequence[Span],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    scores: Sequence[float],
    threshold: float = CHECKWORTHY_THRESHOLD,
) -> list[Claim]:
    """One `Claim` per check-worthy sentence (see the module docstring). `scores[i]` is the
    check-worthiness of `sentences[i]`; `figures` and `quotes` are the article's, and a claim
    lists the indices of those that overlap it."""
    del entities  # attribution comes through the quotes' resolved speakers
    claims: list[Claim] = []
    prev_source: Source | None = None
    prev_end = -1
    for span, score in zip(sentences, scores, strict=False):
        sentence = text[span.start : span.end]
        q_idx = [i for i, q in enumerate(quotes) if _overlaps(q.start, q.end, span.start, span.end)]
        f_idx = [
            i for i, f in enumerate(figures) if _overlaps(f.start, f.end, span.start, span.end)
        ]
        source: Source | None = None
        best = 0
        for i in q_idx:
            q = quotes[i]
            cover = min(q.end, span.end) - max(q.start, span.start)
            src = _source_of(q)
            if src is not None and cover > best:
                source, best = src, cover
        if (
            source is None
            and prev_source is not None
            and not _paragraph_breaks(text, prev_end, span.start)
            and _CONTINUATION_RE.match(sentence)
        ):
            source = prev_source
        if source is None:
            # "In the 12 months to August, the CPI rose 2.5%." after "..., the BLS said": the
            # figure stage carried the source; the claim that holds the figure says the same
            source = next(
                (figures[i].source for i in f_idx if figures[i].source.kind != "unattributed"),
                None,
            )
        prev_source, prev_end = source, span.end
        stripped = sentence.strip()
        if score < threshold or len(_WORD_RE.findall(stripped)) < 3:
            continue  # below the threshold, or too short to assert anything
        if stripped.rstrip("”\"’' ").endswith("?"):
            continue
        if _is_heading(text, span):
            continue
        claims.append(
            Claim(
                after_dateline(text, span.start, span.end),  # the claim, not where it was filed
                span.end,
                float(score),
                source if source is not None else Source(None, "unattributed"),
                is_hedged(sentence),
                f_idx,
                q_idx,
            )
        )
    return claims


__all__ = ["CHECKWORTHY_THRESHOLD", "extract_claims", "is_hedged"]
