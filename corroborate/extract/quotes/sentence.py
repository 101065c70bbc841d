"""`_Sentence`: one sentence's words, tags and cues, and the small tests the quote rules ask of
them (is this a verb, a clause, a title).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from corroborate.extract.cues import CueMatch, find_cues
from corroborate.extract.quotes.lexicon import _AUXILIARY_VERBS, _SUBJECT_PRONOUNS
from corroborate.extract.quotes.marks import _Marked, _trim_end
from corroborate.extract.speakers import (
    DETERMINERS,
    NOUN_MARKERS,
    NUMBER_WORDS,
    Tok,
    tokenize,
)
from corroborate.model import Cue, Span

_NOUN_LEMMAS: Final[frozenset[str]] = frozenset(
    {"state", "report", "claim", "post", "note", "comment", "remark", "pledge", "promise",
     "vow", "stress", "reply", "tweet", "statement", "response", "mention", "testimony"}
)  # fmt: skip

_NUMBER_ADJ: Final[frozenset[str]] = frozenset(
    {"most", "many", "some", "several", "all", "both", "few", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "dozens", "other", "individual", "various"}
)  # fmt: skip

_SUBJECT_WORDS: Final[frozenset[str]] = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "this", "these", "those",
     "his", "her", "their", "its", "our", "my", "there", "some", "many", "most", "no", "all",
     "any", "every", "each", "both", "one", "such", "more", "much", "nobody", "nothing",
     "everyone", "everybody", "people", "none"}
)  # fmt: skip


def _subject_like(t: Tok) -> bool:
    """Whether a word can open the subject of reported clause: "[the] army would ..."."""
    return t.low in _SUBJECT_WORDS or t.cap or t.text[0].isdigit() or t.possessive


_END_PUNCT: Final = ".!?"


def _tag_map(doc: Any) -> dict[int, str]:
    """Character offset -> PTB tag, when the parse has tags."""
    if doc is None:
        return {}
    if not hasattr(doc, "to_array"):  # a stand-in parse (tests): token by token
        return {int(t.idx): str(t.tag_) for t in doc if getattr(t, "tag_", "")}
    # one array read instead of a Token object per word (a tenth of the time)
    strings = doc.vocab.strings
    names: dict[int, str] = {}
    tags: dict[int, str] = {}
    for idx, tag in doc.to_array(["IDX", "TAG"]).tolist():
        if tag:
            name = names.get(tag)
            if name is None:
                name = names[tag] = strings[tag]
            tags[idx] = name
    return tags


def _is_verb(cue: CueMatch, toks: Sequence[Tok], k: int, tags: dict[int, str]) -> bool:
    """Whether the cue word is used as a verb ("she claims"), not a noun ("Moscow’s claims")."""
    if cue.phrase or cue.object_from >= 0:
        return True
    tag = tags.get(cue.verb_start)
    if tag is not None and tags:
        if tag.startswith("VB"):
            return True
        # trust a noun tag on "claims", "reports", "state"; not on "said", "added"
        if tag.startswith(("NN", "JJ")) and (cue.form.endswith("s") or cue.form == cue.lemma):
            return False
    if k > 0:
        prev = toks[k - 1]
        # "local reports", "earlier claims" are nouns; "police said", "an official said" not
        noun_form = cue.form.endswith("s") or cue.form == cue.lemma
        markers = NOUN_MARKERS if noun_form else DETERMINERS
        if prev.low in markers or (prev.possessive and noun_form):
            return False
        nounish = (cue.form.endswith("s") and cue.form != "says") or cue.form in _NOUN_LEMMAS
        if nounish and (prev.text[0].isdigit() or prev.low in _NUMBER_ADJ):
            return False  # "16 states", "most state parties"; not "six in 10 say"
    return True


def _abbrev_dot(toks: Sequence[Tok], i: int) -> bool:
    """A period that ends an abbreviation or initial ("Sen.", "Mr.", "J."), not a sentence."""
    if i == 0:
        return False
    prev = toks[i - 1]
    return prev.cap and (len(prev.text) <= 3 or prev.low in _ABBREVIATIONS)


_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "mr", "mrs", "ms", "dr", "prof",
     "st", "jr", "sr", "rev", "hon", "adm", "maj", "cmdr", "supt", "insp", "det", "atty"}
)  # fmt: skip


_TITLE_SMALL_WORDS: Final = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from"}
)


def _a_title(text: str, q: _Marked) -> bool:
    """A film's, book's or campaign's name in quotes ("Ice Cold in Alex", "Strike Hard"): two or
    more words, each capitalised but the small ones, and no sentence inside."""
    inner = text[q.start + 1 : q.end - 1].strip(" ,.\"“”‘’'")
    words = re.findall(r"[\w’'-]+", inner)
    if len(words) < 2 or re.search(r"[.!?;]\s", inner) or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL_WORDS for w in words)


def _a_term(text: str, q: _Marked, words: int) -> bool:
    """A short term in quotes with nobody saying it ("a year of “re-education through labour”"):
    at most four words, no punctuation of a sentence inside."""
    inner = text[q.start + 1 : q.end - 1].strip()
    return words <= 4 and not re.search(r"[.,!?;:]", inner)


def _words(text: str, start: int, end: int) -> int:
    return len(re.findall(r"\w+", text[start:end]))


def _looks_like_clause(toks: Sequence[Tok], tags: dict[int, str]) -> bool:
    """Whether reported content without "that" is a clause ("said [the army would ...]") rather
    than an object ("said [a few words]"). With a tagger: a finite verb in it; without one,
    news usage makes four words after the cue a clause often enough.

    A past participle right after a subject pronoun ("said it [actively] investigated ...")
    is a past tense the tagger took for a participle: with no auxiliary before it, nothing
    else can follow "it"."""
    if len(toks) < 3:
        return False
    if toks[0].low in _NOMINATIVE:
        return True  # "said she favors ...": only a clause starts with "she" (whatever the tags)
    if tags:
        finite = any(
            tags.get(t.start, "") in {"VBD", "VBZ", "VBP", "MD"} and not _tail_cue(toks, i)
            for i, t in enumerate(toks)
        )
        return finite or _pronoun_then_participle(toks, tags) or _past_tense_mistagged(toks, tags)
    return len(toks) >= 4


def _tail_cue(toks: Sequence[Tok], i: int) -> bool:
    """Whether token `i` is the cue of a source tagged on after a comma ("The units added 2,400
    MW to the grid, the utility said"): the verb of another report, not of the content."""
    return (
        toks[i].low in _TAIL_CUES
        and not any(t.text[0].isalnum() for t in toks[i + 1 :])  # the clause ends with it
        and any(t.text == "," for t in toks[max(0, i - 5) : i])
    )


_TAIL_CUES: Final[frozenset[str]] = frozenset(
    {"said", "says", "added", "adds", "told", "noted", "wrote", "reported", "stated"}
)

# subject pronouns that are never an object ("told it", "asked you" are objects)
_NOMINATIVE: Final[frozenset[str]] = frozenset({"i", "we", "he", "she", "they"})


def _past_tense_mistagged(toks: Sequence[Tok], tags: dict[int, str]) -> bool:
    """ "said officers arrested five men", "said the announcement recycled old funding": a
    past tense the tagger took for a participle or an adjective, after a noun subject with no
    auxiliary, and with its object after it (not "officers arrested in the raid")."""
    for i in range(1, min(len(toks) - 1, 5)):
        t, nxt = toks[i], toks[i + 1]
        if t.low in _AUXILIARY_VERBS or t.text in {",", ";", ":"}:
            return False
        if (
            t.low.endswith("ed")
            and tags.get(t.start, "") in {"VBN", "JJ"}
            and tags.get(toks[i - 1].start, "") in {"NN", "NNS", "NNP", "NNPS"}
            and (
                tags.get(nxt.start, "") in {"DT", "CD", "PRP$", "JJ", "NN", "NNS", "NNP"}
                or _qualified_number(toks, i + 1)
            )
        ):
            return True  # "... killed five men", "... killed at least 25 people"
    return False


def _pronoun_then_participle(toks: Sequence[Tok], tags: dict[int, str]) -> bool:
    if toks[0].low not in _SUBJECT_PRONOUNS:
        return False
    verb = 2 if len(toks) > 2 and tags.get(toks[1].start, "") == "RB" else 1
    return tags.get(toks[verb].start, "") == "VBN"


def _qualified_number(toks: Sequence[Tok], j: int) -> bool:
    """ "said about half of the adjustment reflected ...", "said at least 30 people had been
    killed": "about", "at least", "up to" qualify a number here, they are no prepositions."""
    k = j + 1
    if toks[j].low in {"at", "up"} and k < len(toks) and toks[k].low in {"least", "most", "to"}:
        k += 1  # "at least", "at most", "up to"
    elif toks[j].low != "about":
        return False
    return k < len(toks) and (toks[k].low in _COUNTS or toks[k].text[:1].isdigit())


# number words that make "about" a qualifier ("about all the things" stays a preposition)
_COUNTS: Final[frozenset[str]] = NUMBER_WORDS - {
    "all", "both", "most", "many", "few", "majority", "majorities"
}  # fmt: skip


def _content_end(text: str, start: int, end: int) -> int:
    end = _trim_end(text, start, end)
    if end > start and text[end - 1] in _END_PUNCT + ",;:":
        end -= 1
    return _trim_end(text, start, end)


def _cue(c: CueMatch) -> Cue:
    return Cue(c.start, c.end, c.lemma, c.stance)


class _Sentence:
    """One sentence with its tokens, cues and the quoted spans inside it."""

    def __init__(self, text: str, span: Span, marked: Sequence[_Marked], tags: dict[int, str]):
        self.start, self.end = span.start, span.end
        self.toks = tokenize(text, span.start, span.end)
        self.index = {t.start: i for i, t in enumerate(self.toks)}
        self.marked = [m for m in marked if m.start < self.end and m.end > self.start]
        cues = find_cues(text, span.start, span.end)
        self.cues: list[tuple[CueMatch, int]] = []
        for c in cues:
            k = self._tok_at(c.verb_start)
            if k is None or any(m.start < c.verb_start < m.end for m in self.marked):
                continue
            if _is_verb(c, self.toks, k, tags):
                self.cues.append((c, k))

    def _tok_at(self, pos: int) -> int | None:
        return self.index.get(pos)

    def tok_index_at_or_after(self, pos: int) -> int:
        for i, t in enumerate(self.toks):
            if t.start >= pos:
                return i
        return len(self.toks)
