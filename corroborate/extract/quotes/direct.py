"""Direct and mixed quotes: quoted words credited to the speaker of their sentence, of the quote
before, or of the sentence that introduces them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.cues import CueMatch
from corroborate.extract.quotes.attribution import _acceptable, _speaker_for_cue
from corroborate.extract.quotes.lexicon import (
    _COMMENT_NOUNS,
    _SINGLE_CLOSE,
    _SINGLE_OPEN,
    _SUBJECT_PRONOUNS,
    OPENING_QUOTE_TOKENS,
)
from corroborate.extract.quotes.marks import _Marked
from corroborate.extract.quotes.sentence import _abbrev_dot, _Sentence
from corroborate.extract.speakers import (
    Mention,
    Tok,
    subject_before,
)
from corroborate.model import Entity

# Quotation marks as tokens (a lone ’ is one only after punctuation: "win,’ he said").
QUOTE_TOKENS: Final = frozenset({"“", "”", '"', _SINGLE_OPEN, _SINGLE_CLOSE})


def _sentence_attribution(
    text: str, sent: _Sentence, entities: Sequence[Entity], near: int
) -> tuple[Mention, CueMatch] | None:
    """The speaker credited in a sentence (the cue nearest `near`), for mixed quotes."""
    best: tuple[int, Mention, CueMatch] | None = None
    for c, k in sent.cues:
        if c.start < near and _COMMENT_BETWEEN.search(text, c.end, near):
            continue  # "X claimed ..., an allegation the air force rejected as “...”"
        m = _speaker_for_cue(text, sent, c, k, 0, len(sent.toks), entities)
        if not _acceptable(m, c):
            continue
        assert m is not None
        d = abs(c.start - near)
        if best is None or d < best[0]:
            best = (d, m, c)
    return None if best is None else (best[1], best[2])


def _direct_attribution(
    text: str, q: _Marked, sent_before: _Sentence, sent_after: _Sentence, entities: Sequence[Entity]
) -> tuple[Mention, CueMatch, str] | None:
    """A cue right after the closing mark ("...,” she said") or right before the opening one
    (“Tykhy added: “...”). Returns the speaker, cue and where it was found."""
    # after the quote: [,] CUE SPEAKER | [,] SPEAKER CUE
    toks = sent_after.toks
    a = sent_after.tok_index_at_or_after(q.end)
    while a < len(toks) and toks[a].text in {",", "—", "–", "-"}:
        a += 1
    stop = a
    bracket = False  # inside "(D-Ore.)" a full stop ends nothing
    while stop < len(toks) and stop - a < 14:
        t = toks[stop]
        bracket = (bracket or t.text == "(") and t.text != ")"
        if (
            t.text in OPENING_QUOTE_TOKENS
            or t.text in {";", "!", "?", ":"}
            or (t.text == "." and not bracket and not _abbrev_dot(toks, stop))
        ):
            break
        stop += 1
    for c, k in sent_after.cues:
        # ("the agency quoted Deputy Minister X as saying" is a longer attribution)
        reach = 14 if c.object_from >= 0 else 8
        if a <= k < stop and k - a - _aside_before(toks, a, k) <= reach and not c.gerund:
            m = _speaker_for_cue(text, sent_after, c, k, a, stop, entities)
            if _acceptable(m, c):
                assert m is not None
                if (
                    k != a
                    and m.start != toks[a].start
                    and c.object_from < 0
                    and not _more_title(toks, a, m.start)
                ):
                    continue  # "...”, but he also warned": not this quote's attribution
                return m, c, "after"
    # before the quote: SPEAKER CUE [object] : “ | SPEAKER CUE, “ | SPEAKER CUE “
    toks = sent_before.toks
    b = sent_before.tok_index_at_or_after(q.start)
    if b == 0:
        return None
    lead = toks[b - 1]
    for c, k in reversed(sent_before.cues):
        if k >= b or c.start >= q.start:
            continue
        if (
            lead.text in {":", ","}
            or k == b - 1
            or (c.lemma in {"tell", "ask"} and lead.text == ":")
        ):
            if lead.text not in {":", ","} and k != b - 1:
                continue
            between = toks[k + 1 : b - 1]
            if (
                any(t.text in QUOTE_TOKENS or t.text in {".", ";"} for t in between)
                or len(between) > 10
            ):
                continue
            m = _speaker_for_cue(text, sent_before, c, k, 0, b, entities)
            if _acceptable(m, c):
                assert m is not None
                return m, c, "before"
        break
    return None


def _more_title(toks: Sequence[Tok], a: int, start: int) -> bool:
    """Whether the words from token `a` up to the speaker found at `start` are more of the
    speaker's title ('“...,” Fight for $15 organizing director Kendall Fells told'): words
    and figures only, no conjunction, pronoun or punctuation that would start a new clause."""
    words = [t for t in toks[a:] if t.start < start]
    return bool(words) and all(
        (t.text[0].isalnum() or t.text == "$")
        and t.low not in _CLAUSE_OPENERS
        and t.low not in _SUBJECT_PRONOUNS
        for t in words
    )


_CLAUSE_OPENERS: Final[frozenset[str]] = frozenset(
    {"but", "and", "or", "so", "yet", "then", "while", "as", "when", "because", "after",
     "before", "though", "although", "if", "since", "until", "where", "which", "who", "also"}
)  # fmt: skip


def _aside_before(toks: Sequence[Tok], a: int, k: int) -> int:
    """How many tokens before the cue at `k` (and after `a`) are an aside closed right before
    it: an apposition between commas ("House Speaker Paul Ryan, the convention chair, said")
    or a bracket ("Rep. Earl Blumenauer (D-Ore.) said"). Not counted against the reach of an
    attribution after a quotation."""
    if k - 1 <= a:
        return 0
    close = toks[k - 1].text
    opening = {",": ",", ")": "("}.get(close)
    if opening is None:
        return 0
    for i in range(k - 2, a, -1):
        if toks[i].text == opening:
            return k - i
        if toks[i].text in {",", "(", ")", ";", ":"} or toks[i].text in OPENING_QUOTE_TOKENS:
            return 0  # ("." is an abbreviation's here: "(D-Ore.)", "J. Gerald Hebert")
    return 0


_NAMING_WORDS: Final[frozenset[str]] = frozenset(
    {"sign", "nicknamed", "nickname", "named", "dubbed", "codenamed", "code-named", "alias",
     "known", "as", "titled", "entitled", "called", "name", "brand", "codename"}
)  # fmt: skip

# Verbs that frame someone's words as a quoted phrase: "accused them of an “alliance of
# shame”", "branded it “a farce”".
# ("called" alone is left out: "called for “restraint”" is more often a scare quote.)
_FRAMING_VERBS: Final[dict[str, str]] = {
    "branded": "brand", "brands": "brand", "dubbed": "dub", "dubs": "dub",
    "labelled": "label", "labeled": "label", "accused": "accuse", "accuses": "accuse",
}  # fmt: skip


_CALL_OBJECTS: Final[frozenset[str]] = frozenset(
    {"it", "them", "him", "her", "this", "that", "the", "his", "their", "its", "these", "those"}
)


def _capitalised_name(text: str, q: _Marked) -> bool:
    """Quoted words that are all capitalised are a nickname: “Big Tom”."""
    words = text[q.start + 1 : q.end - 1].strip(" ,.").split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _framing_call(toks: Sequence[Tok], k: int, b: int) -> str | None:
    """ "called it/them/the plan “…”" and "described X as “…”" (never "called for “…”"):
    the lemma, or None."""
    w = toks[k].low
    if w in {"called", "calls", "call"} and k + 1 < b and toks[k + 1].low in _CALL_OBJECTS:
        obj = toks[k + 1 : b]
        if len(obj) > 3 or any(t.low in {"a", "an"} for t in obj):
            return None  # "called the X a “...”" names a person, not a view of a thing
        return "call"
    if w in {"described", "describes", "describe", "describing"} and toks[b - 1].low == "as":
        return "describe"
    return None


def _a_name_in_quotes(text: str, q: _Marked, s: _Sentence) -> bool:
    """A capitalised name in quote marks after a naming word: “call sign “Falcon””."""
    inner = text[q.start + 1 : q.end - 1].strip(" ,.")
    if not inner or not all(w[:1].isupper() for w in inner.split()):
        return False
    before = [t for t in s.toks if t.end <= q.start][-3:]
    return any(t.low in _NAMING_WORDS for t in before)


def _framing_attribution(
    text: str, s: _Sentence, q: _Marked, entities: Sequence[Entity]
) -> tuple[Mention, CueMatch] | None:
    """The subject of a framing verb a few words before a quoted phrase: “X called it
    “outrageous””. Its cue is the framing verb, neutral."""
    toks = s.toks
    b = s.tok_index_at_or_after(q.start)
    for k in range(b - 1, max(-1, b - 8), -1):
        t = toks[k]
        if t.text in QUOTE_TOKENS or t.text in {".", ";"}:
            return None
        lemma = _FRAMING_VERBS.get(t.low)
        if lemma is None and not _capitalised_name(text, q):
            lemma = _framing_call(toks, k, b)
        if lemma is None:
            continue
        m = subject_before(text, toks, k, 0, entities)
        if m is None or m.generic or (m.name is None and m.title is None and m.pronoun is None):
            return None
        return m, CueMatch(t.start, t.end, t.start, lemma, "neutral", t.low)
    return None


_COMMENT_BETWEEN = re.compile(rf",\s+an?\s+(?:{'|'.join(sorted(_COMMENT_NOUNS))})\b", re.I)
