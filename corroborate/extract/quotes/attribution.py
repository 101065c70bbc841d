"""The speaker of a cue: the phrase before or after it, checked and resolved
(`_speaker_for_cue`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from corroborate.extract.cues import CueMatch
from corroborate.extract.quotes.sentence import _Sentence
from corroborate.extract.speakers import (
    OBJECT_PRONOUNS,
    PRONOUNS,
    Mention,
    Tok,
    classify,
    np_after,
    sentence_subject,
    subject_before,
)
from corroborate.model import Entity
from corroborate.model.annotations import QuoteKind

_PASSIVE: Final[frozenset[str]] = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "to", "not", "never", "n't"}
)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    mention: Mention | None
    cue: CueMatch | None
    carry: bool = False  # take the speaker of the quote before
    position: int = 0


def _speaker_for_cue(
    text: str, sent: _Sentence, c: CueMatch, k: int, lo: int, hi: int, entities: Sequence[Entity]
) -> Mention | None:
    """The speaker of a cue: after a phrase ("according to X"), else the subject before the
    verb, else an inverted subject after it ("..., said Mr Tykhy")."""
    toks = sent.toks
    if c.phrase:
        n = len(c.form.split())
        return np_after(text, toks, k + n, hi, entities)
    if c.object_from >= 0:
        return _quoted_person(text, sent, c, k, entities)
    if c.gerund:
        if _subject_gerund(toks, k):
            return sentence_subject(text, toks, k - 1, entities)
        return None
    j = k - 1
    while j >= lo and toks[j].low in {"also", "has", "have", "had"}:
        j -= 1
    if j >= lo and toks[j].low in _PASSIVE:
        return None
    if j > lo and toks[j].low in {"and", "but"}:
        # "The ministry did not acknowledge the losses and said ...": a second verb of the
        # sentence's subject, whatever stands between
        subj = sentence_subject(text, toks, j, entities)
        following = next((t for t in toks if t.start >= subj.end), None) if subj else None
        if (
            subj is not None
            and subj.start == toks[lo].start
            and following is not None
            and (following.text == "," or following.text.islower())
        ):
            return subj  # its own verb comes next ("The ministry did not ..."), not a quote
    m = subject_before(text, toks, k, lo, entities)
    if m is not None:
        return m
    if not (k + 1 < hi and (k == lo or toks[k - 1].text in {",", "”", '"', "—"})):
        return None
    inverted = np_after(text, toks, k + 1, hi, entities)
    if lo > 0 or k == 0 or toks[k - 1].text != ",":
        return inverted
    if inverted is not None:
        rest = [t for t in toks[k + 1 :] if t.start >= inverted.end and t.text[0].isalnum()]
        after = sent.tok_index_at_or_after(inverted.end)
        if len(rest) <= 4 or (after < len(toks) and toks[after].text in {",", "(", "—"}):
            return inverted  # "CONTENT, said Mr Tykhy." / "..., said Ms Roca, the mayor."
    # "One of the candidates, including Trump, said ...": a subject with asides
    subj = sentence_subject(text, toks, k - 1, entities)
    if subj is not None and subj.start == toks[0].start:
        return subj
    return None


def _quoted_person(
    text: str, sent: _Sentence, c: CueMatch, k: int, entities: Sequence[Entity]
) -> Mention | None:
    """The speaker of "Interfax quoted [Prime Minister X] as saying", "the paper cited [one of
    the organisers] as saying": the person quoted, between the outlet's verb and "as". The
    outlet only passes the words on (the data model has no field for it)."""
    toks = sent.toks
    s = sent.tok_index_at_or_after(c.object_from)
    e = k - 1  # the "as" of "as saying"
    if e <= s:
        return None
    if e - s == 1 and toks[s].low in OBJECT_PRONOUNS:  # "quoted him as saying"
        p = OBJECT_PRONOUNS[toks[s].low]
        return Mention(toks[s].start, toks[s].end, "person", pronoun=p, gender=PRONOUNS[p])
    m = classify(text, toks[s:e], entities)
    if m is not None and (m.name is not None or m.title_only):
        return m
    # an apposition or a longer phrase: the noun phrase that ends before "as"
    return subject_before(text, toks, e, s, entities)


# "X issued a statement saying ...": what the document says, X says
_STATEMENT_NOUNS: Final[frozenset[str]] = frozenset(
    {"statement", "letter", "email", "e-mail", "message", "tweet", "post", "note", "release",
     "memo", "video", "communique", "communiqué"}
)  # fmt: skip


def _subject_gerund(toks: Sequence[Tok], k: int) -> bool:
    """Is the gerund cue at `k` the sentence subject's ("..., saying", "issued a statement
    saying") rather than a noun's ("the man saying it")?"""
    return k > 0 and (toks[k - 1].text in {",", "—"} or toks[k - 1].low in _STATEMENT_NOUNS)


def _acceptable(m: Mention | None, c: CueMatch) -> bool:
    if m is None:
        return False
    if c.weak:
        if m.generic or m.pronoun == "it":
            return False
        return m.kind in {"organisation", "report"} or (m.name is not None) or m.pronoun is not None
    return True
