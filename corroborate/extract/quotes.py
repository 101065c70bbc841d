"""Quotes: direct, mixed and indirect, each with its speaker and cue.

Conventions (the output contract depends on them):

- A **direct** or **mixed** quote's span covers the quoted words *with* their quotation marks:
  ``“just peace.”``. A quote whose opening mark never closes ends at the end of its paragraph
  (trailing spaces dropped): an unclosed mark never swallows the next paragraph.
- An **indirect** quote's span is the reported content, without the complementiser "that" and
  without the sentence's final stop: in "Tykhy has stated that Ukraine is not seeking ...", the
  span starts at "Ukraine".
- A **multi-paragraph** quote is one `Quote` per paragraph; each continuation paragraph (it
  opens with a quotation mark and names no speaker of its own) gets the same speaker and cue as
  the paragraph before.
- A **mixed** quote is a quoted phrase inside a paraphrase ("aims for a “just peace.”"),
  credited to the speaker of its sentence. A short quoted phrase (1-3 words) with no speaker in
  its sentence is a scare quote and is not a quote at all; a longer one is kept with speaker
  None.
- When the indirect content of a sentence contains a mixed quote, both are returned: the
  indirect quote for the claim, the mixed quote for the exact words.
- A whole sentence in quotes with no cue of its own takes the speaker of the quote before it
  (same or previous paragraph), or of the sentence that introduces it with a colon
  ("Cruz continued:"); otherwise its speaker is None.

Quotation marks read: curly “…”, «…», straight "…" and typewriter ``…'' / ''…''.
Sentences come from the caller (`corroborate.nlp.segment`); tags and entities from the parse are
used when present (a tagger settles "said the army would" vs "claimed a victory"), and the
rules fall back to capitalisation and lexicons when they are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from corroborate.extract.cues import CueMatch, find_cues
from corroborate.extract.datelines import after_dateline
from corroborate.extract.speakers import (
    DETERMINERS,
    MONTHS,
    NOUN_MARKERS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    PRONOUNS,
    Mention,
    SpeakerResolver,
    Tok,
    appositive,
    classify,
    np_after,
    phrase_source,
    sentence_subject,
    subject_before,
    tokenize,
)
from corroborate.model import Cue, Entity, Quote, Span, Speaker
from corroborate.model.annotations import QuoteKind

_OPEN: Final = "“«„"
_CLOSE: Final = "”»"
# Every character `quoted_spans` acts on; a typewriter pair first, as it was read first.
_QUOTE_MARK_RE: Final = re.compile("''|``|[" + _OPEN + _CLOSE + '"]')
# British style quotes with single marks: ‘...,’ he said. The closing mark is also the
# apostrophe ("don’t", "Ukraine’s", "the farmers’ union"), so it closes only where no letter
# follows, and first where punctuation precedes it (‘We will win,’).
_SINGLE_OPEN: Final = "‘"
_SINGLE_CLOSE: Final = "’"
_BEFORE_SINGLE_OPEN: Final = frozenset(' \t([—–-"“')
# Quotation marks as tokens (a lone ’ is one only after punctuation: "win,’ he said").
QUOTE_TOKENS: Final = frozenset({"“", "”", '"', _SINGLE_OPEN, _SINGLE_CLOSE})
OPENING_QUOTE_TOKENS: Final = frozenset({"“", '"', _SINGLE_OPEN})
_PASSIVE: Final[frozenset[str]] = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "to", "not", "never", "n't"}
)
_VERBISH: Final[frozenset[str]] = frozenset(
    {"is", "are", "was", "were", "will", "would", "could", "can", "has", "have", "had",
     "should", "may", "might", "must", "do", "does", "did", "won't", "wasn't", "isn't",
     "aren't", "weren't", "hasn't", "haven't", "didn't", "doesn't", "don't", "can't",
     "cannot", "shall", "be", "being", "been"}
)  # fmt: skip
_SKIP_AFTER_CUE: Final[frozenset[str]] = frozenset(
    {"on", "in", "at", "to", "during", "after", "before", "last", "this", "a", "an", "the",
     "statement", "interview", "with", "reporters", "journalists", "conference", "news",
     "press", "briefing", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "week", "earlier", "later", "also", "previously", "speech", "post", "letter",
     "told", "said", "television", "radio", "tv", "telegram", "twitter", "x", ",", "him",
     "her", "them", "us", "me", "via", "social", "media", "publicly", "repeatedly", "written",
     "emailed", "email", "message", "day", "night", "morning", "evening", "afternoon"}
)  # fmt: skip
_TAIL_STARTERS: Final[frozenset[str]] = frozenset(
    {"in", "on", "at", "during", "after", "before", "last", "this", "yesterday", "today",
     "tonight", "late", "earlier", "later", "recently", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "via", "while", "when", ",", "—", "–"}
)  # fmt: skip
# where or when a speaker spoke, right after the cue: "said outside the courthouse (that)"
_WHERE_SPOKEN: Final[frozenset[str]] = frozenset(
    {"outside", "inside", "near", "behind", "afterwards", "again"}
)
_NOT_CONTENT_START: Final[frozenset[str]] = frozenset(
    {"about", "of", "for", "with", "by", "so", "no", "yes", "nothing", "goodbye", "sorry",
     "hello", "thanks", "something", "anything", "on", "in",
     "at", "to", "during", "after", "before", "via", "from", "as", "what", "that",
     "when", "how", "why", "where", "who", "which", ",", ".", "later", "late", "earlier",
     "yesterday"}
) | _WHERE_SPOKEN  # fmt: skip
_COMPLEMENTISERS: Final[frozenset[str]] = frozenset({"that", "whether", "if"})
# What a speaker goes on to do after reporting ("said the talks had failed and renewed his
# appeal", "... and urged residents to stay calm"): past forms of acts that need a person or
# an institution as their subject, so after "and" they are the speaker's, not the content's.
_SPEAKER_ACTS: Final[frozenset[str]] = frozenset(
    {"renewed", "repeated", "reiterated", "urged", "thanked", "appealed", "pledged", "vowed",
     "promised", "called", "criticised", "criticized", "accused", "praised", "dismissed",
     "rejected", "declined", "refused", "welcomed", "blamed", "demanded", "expressed",
     "stressed", "insisted", "warned", "added", "apologised", "apologized", "condemned"}
)  # fmt: skip
_BARE_CONTENT_LEMMAS: Final[frozenset[str]] = frozenset(
    {"say", "tell", "add", "write", "warn", "insist", "argue", "predict", "explain",
     "acknowledge", "admit", "concede", "allege", "assert", "emphasise", "emphasize", "stress",
     "declare", "announce", "suggest", "report", "note", "confirm", "claim", "tweet", "reply",
     "respond", "recall", "testify", "observe", "reveal", "disclose", "ask", "affirm"}
)  # fmt: skip
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


_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"in", "on", "at", "during", "after", "before", "to", "with", "via", "from", "through",
     "over", "last", "this", "earlier", "later", "yesterday", "today", "late", "early"}
) | _WHERE_SPOKEN  # fmt: skip
_END_PUNCT: Final = ".!?"


@dataclass(slots=True)
class _Marked:
    start: int
    end: int
    closed: bool
    para: int


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    mention: Mention | None
    cue: CueMatch | None
    carry: bool = False  # take the speaker of the quote before
    position: int = 0


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of text between line breaks, trailing spaces dropped."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
    return out


def quoted_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Marked]:
    """Spans between quotation marks, marks included, never crossing a paragraph."""
    out: list[_Marked] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        open_at: int | None = None
        straight = False
        doubles = False
        # Only the marks matter, so jump from mark to mark (one character past the paragraph,
        # so that a typewriter pair may end there, as `startswith` saw it).
        for m in _QUOTE_MARK_RE.finditer(text, ps, min(pe + 1, len(text))):
            i = m.start()
            if i >= pe:
                break
            ch = m.group()
            doubles = True
            if len(ch) == 2:
                ch = '"'  # typewriter quotes: ``...'' or ''...''
                if open_at is not None and straight:
                    out.append(_Marked(open_at, i + 2, True, pi))
                    open_at = None
                    continue
            if ch in _OPEN or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at, straight = i, ch == '"'
                elif not straight:  # a new opening mark: the previous one never closed
                    out.append(_Marked(open_at, _trim_end(text, open_at, i), False, pi))
                    open_at = i
            elif (ch in _CLOSE and open_at is not None and not straight) or (
                ch == '"' and open_at is not None and straight
            ):
                out.append(_Marked(open_at, i + 1, True, pi))
                open_at = None
        if open_at is not None:
            out.append(_Marked(open_at, pe, False, pi))
        if not doubles and _SINGLE_OPEN in text[ps:pe]:
            out.extend(_single_quoted(text, ps, pe, pi))
        elif not doubles and "'" in text[ps:pe]:
            out.extend(_straight_single_quoted(text, ps, pe, pi))
    return [m for m in out if m.end - m.start > 2]


def _single_quoted(text: str, ps: int, pe: int, pi: int) -> list[_Marked]:
    """British style quotations (‘...’) in a paragraph with no double marks. A paragraph
    opening with ‘ and never closing it goes on in the next one (as double marks do); an
    unclosed ‘ elsewhere is left alone: it may be a stray mark."""
    out: list[_Marked] = []
    at = ps
    while (o := text.find(_SINGLE_OPEN, at, pe)) >= 0:
        at = o + 1
        if o > ps and text[o - 1] not in _BEFORE_SINGLE_OPEN:
            continue  # inside a word: not an opening mark
        # it closes before the next quotation opens ("‘a disgrace’ and left. ‘We won,’ he said")
        limit = _next_single_open(text, o + 1, pe)
        closes = [
            c
            for c in range(o + 2, limit)
            if text[c] == _SINGLE_CLOSE and (c + 1 >= pe or not text[c + 1].isalnum())
        ]
        punctuated = [c for c in closes if text[c - 1] in ".,!?;:…—–-"]
        # a plural's apostrophe ("the farmers’ union") is followed by a lower-case word
        plain = [
            c
            for c in closes
            if not (text[c - 1] == "s" and text[c + 1 : c + 3].strip()[:1].islower())
        ]
        end = next(iter(punctuated or plain), None)
        if end is not None:
            out.append(_Marked(o, end + 1, True, pi))
            at = end + 1
        elif o == ps or _goes_on(text, ps, o, pe, _SINGLE_OPEN):
            out.append(_Marked(o, pe, False, pi))
            break
    return out


def _goes_on(text: str, ps: int, o: int, pe: int, mark: str) -> bool:
    """ "X said: ‘Behind every statistic ...." with the next paragraph opening with ‘: a
    quotation introduced by a colon that runs on into the next paragraph."""
    return text[ps:o].rstrip().endswith(":") and text[pe : pe + 8].lstrip().startswith(mark)


# typewriter single quotes: 'We inherited an NHS that was broken,' he said. The mark is also
# the apostrophe, so a quotation opens only before a capital, at a word's start, and closes
# only after punctuation, before a space or the paragraph's end
_STRAIGHT_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))'(?=[A-Z])")
_STRAIGHT_SINGLE_CLOSE = re.compile(r"(?<=[.,!?…—–-])'(?=\s|$|[)\]])")


def _straight_single_quoted(text: str, ps: int, pe: int, pi: int) -> list[_Marked]:
    """British style quotations written with typewriter marks ('...'), in a paragraph with no
    double marks."""
    out: list[_Marked] = []
    at = ps
    while (o := _STRAIGHT_SINGLE.search(text, at, pe)) is not None:
        opened = o.start()
        close = _STRAIGHT_SINGLE_CLOSE.search(text, opened + 2, pe)
        nxt = _STRAIGHT_SINGLE.search(text, opened + 1, pe)
        if close is not None and (nxt is None or close.start() < nxt.start()):
            out.append(_Marked(opened, close.end(), True, pi))
            at = close.end()
        elif close is None and (opened == ps or _goes_on(text, ps, opened, pe, "'")):
            out.append(_Marked(opened, pe, False, pi))
            break
        else:
            at = opened + 1
    return out


def _next_single_open(text: str, start: int, end: int) -> int:
    """Where the next single opening mark at a word's start is, or `end`."""
    while (o := text.find(_SINGLE_OPEN, start, end)) >= 0:
        if text[o - 1] in _BEFORE_SINGLE_OPEN:
            return o
        start = o + 1
    return end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


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


_LETTER: Final = re.compile(r"[^\W\d_]")
_OWNER_BEFORE: Final = re.compile(r"\w[’']s$")


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
_SUBJECT_PRONOUNS: Final[frozenset[str]] = frozenset({"i", "we", "you", "he", "she", "it", "they"})
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


# phrase cues after which whatever noun phrase follows is the source ("according to the 2009
# paper", "as reported by one global index"), read by `phrase_source` when `np_after` cannot
_SOURCE_PHRASES: Final[frozenset[str]] = frozenset({"according to", "as reported by"})


def _acceptable(m: Mention | None, c: CueMatch) -> bool:
    if m is None:
        return False
    if c.weak:
        if m.generic or m.pronoun == "it":
            return False
        return m.kind in {"organisation", "report"} or (m.name is not None) or m.pronoun is not None
    return True


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


def extract_quotes(
    text: str, doc: Any, sentences: Sequence[Span], entities: Sequence[Entity]
) -> list[Quote]:
    """Every quote in `text`, in order, with speaker and cue (see the module docstring)."""
    paragraphs = paragraphs_of(text)
    marked = quoted_spans(text, paragraphs)
    tags = _tag_map(doc)
    sents = [_Sentence(text, s, marked, tags) for s in sorted(sentences, key=lambda s: s.start)]
    if not sents:
        sents = [_Sentence(text, Span(ps, pe), marked, tags) for ps, pe in paragraphs]
    else:
        # only the sentences given are the report's (the pipeline leaves out stray text): a
        # quotation outside them must not borrow the speaker of the nearest one
        marked = [q for q in marked if any(s.start <= q.start < s.end for s in sents)]

    def sentence_at(pos: int) -> _Sentence:
        for s in sents:
            if s.start <= pos < s.end:
                return s
        return min(sents, key=lambda s: abs(s.start - pos))

    def para_of(pos: int) -> int:
        for i, (ps, pe) in enumerate(paragraphs):
            if ps <= pos <= pe:
                return i
        return -1

    cands: list[_Candidate] = []
    for q in marked:
        s0 = sentence_at(q.start)
        s1 = sentence_at(max(q.start, q.end - 1))
        # "“...” she said." may be split after the closing mark by the segmenter
        if q.end >= s1.end - 1 and s1.end < len(text):
            nxt = sentence_at(s1.end + 1) if s1.end + 1 < len(text) else s1
            rest = text[q.end : nxt.end].lstrip(" ,")
            if nxt is not s1 and rest[:1].islower() and para_of(nxt.start) == q.para:
                s1 = nxt
        before = text[max(s0.start, paragraphs[q.para][0]) : q.start].rstrip()
        if not _LETTER.search(text, q.start, q.end):
            continue  # '<tweet tweet-id="673679711437">': digits in quotation marks
        if _OWNER_BEFORE.search(before) and _a_title(text, q):
            continue  # 'he told ABC’s “Good Morning America”': a programme's or a paper's name
        found = _direct_attribution(text, q, s0, s1, entities)
        at_start = before == "" or before[-1] in ".!?:" or before.endswith(("—", "–"))
        words = _words(text, q.start, q.end)
        if found is not None:
            m, c, where = found
            kind: QuoteKind = "direct"
            if where == "before" and not (before.endswith((":", ",")) or before.endswith(c.form)):
                kind = "mixed"
            cands.append(_Candidate(q.start, q.end, kind, m, c, position=q.start))
            continue
        if at_start and q.para > 0 and q.start == paragraphs[q.para][0]:
            # a paragraph that ends "Cruz continued:" introduces the quote below it
            pe = paragraphs[q.para - 1][1]
            if text[pe - 1] == ":":
                lead_sent = sentence_at(pe - 1)
                intro = _sentence_attribution(text, lead_sent, entities, pe)
                if intro is not None:
                    m, c = intro
                    cands.append(_Candidate(q.start, q.end, "direct", m, c, position=q.start))
                    continue
                subj = sentence_subject(text, lead_sent.toks, len(lead_sent.toks), entities)
                if subj is not None:
                    cands.append(_Candidate(q.start, q.end, "direct", subj, None, position=q.start))
                    continue
        alone = q.start == paragraphs[q.para][0] and not text[q.end : paragraphs[q.para][1]].strip()
        if alone and (_a_title(text, q) or words <= 8):
            # "‘All Bets Are Off.’", "'A really tough decision.'" alone on their line, not
            # introduced by a colon: a section heading or a pull quote, nobody's words here
            continue
        if at_start:
            # a whole sentence in quotes with no cue of its own: the speaker before carries on
            cands.append(
                _Candidate(q.start, q.end, "direct", None, None, carry=True, position=q.start)
            )
            continue
        if words <= 2 and _a_name_in_quotes(text, q, s0):
            continue  # "known by the call sign “Falcon”": a name, not anybody's words
        att = _sentence_attribution(text, s0, entities, q.start)
        if att is None:
            att = _framing_attribution(text, s0, q, entities)
        if att is None and (_a_title(text, q) or _a_term(text, q, words)):
            continue  # "appearances in “Ice Cold in Alex”", a year of "re-education through labour"
        if att is None and words >= 4:
            att = None
            cands.append(
                _Candidate(q.start, q.end, "mixed", None, None, carry=False, position=q.start)
            )
            continue
        if att is None:
            continue  # a scare quote
        cands.append(_Candidate(q.start, q.end, "mixed", att[0], att[1], position=q.start))

    # indirect quotes
    for s in sents:
        for c, k in s.cues:
            cand = _indirect(text, s, c, k, entities, tags)
            if cand is not None:
                cands.append(cand)

    cands.sort(key=lambda c: (c.start, -c.end))
    mentions = [c.mention for c in cands if c.mention is not None]
    resolver = SpeakerResolver(text, entities, mentions)
    out: list[Quote] = []
    prev: tuple[Quote, int] | None = None  # the last direct/mixed quote and its paragraph
    for cand in sorted(cands, key=lambda c: c.position):
        pi = para_of(cand.start)
        speaker: Speaker | None = None
        cue: Cue | None = None
        if cand.mention is not None:
            said = (cand.start, cand.end)
            if cand.mention.start >= cand.end:
                # "CONTENT “quoted”, he said": all the sentence says before its speaker
                said = (min(cand.start, sentence_at(cand.start).start), cand.mention.start)
            speaker = resolver.resolve(cand.mention, cand.position, said)
            cue = _cue(cand.cue) if cand.cue is not None else None
        elif cand.carry and prev is not None and prev[1] >= pi - 1 and prev[0].speaker is not None:
            speaker = _copy(prev[0].speaker)
            cue = replace(prev[0].cue) if prev[0].cue is not None else None
        # "KYIV, Aug 26 (Wire) - CONTENT, X said.": the dateline is the report's, not X's
        start = (
            after_dateline(text, cand.start, cand.end) if cand.kind == "indirect" else cand.start
        )
        quote = Quote(start, cand.end, cand.kind, speaker, cue)
        if cand.carry and speaker is None and _words(text, cand.start, cand.end) < 4:
            continue
        out.append(quote)
        prev = (quote, pi)
    resolver.finish([q.speaker for q in out])
    out.sort(key=lambda q: (q.start, -q.end))
    return _dedupe(out)


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


def _copy(sp: Speaker) -> Speaker:
    return Speaker(sp.name, sp.start, sp.end, sp.title, sp.kind)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen: set[tuple[int, int]] = set()
    out = []
    for q in quotes:
        if (q.start, q.end) in seen:
            continue
        seen.add((q.start, q.end))
        out.append(q)
    return out


def _indirect(
    text: str,
    s: _Sentence,
    c: CueMatch,
    k: int,
    entities: Sequence[Entity],
    tags: dict[int, str],
) -> _Candidate | None:
    toks = s.toks
    n = len(toks)
    if c.phrase:
        named_at = k + len(c.form.split())
        m = np_after(text, toks, named_at, n, entities)
        if m is None and c.form.lower() in _SOURCE_PHRASES:
            m = phrase_source(text, toks, named_at, n)
        if m is None:
            return None
        lead = [t for t in toks[:k] if t.text not in {",", "—"}]
        if all(t.low in {"but", "and", "yet", "so", "also", "however", "now"} for t in lead):
            # According to X, CONTENT.
            first_comma = next((x for x in range(named_at, n) if toks[x].text == ","), n)
            behind = s.tok_index_at_or_after(m.end)
            if (
                first_comma < n
                and m.end > toks[first_comma].start
                and (behind >= n or toks[behind].text != ",")
            ):
                # "According to Syrskyi, Ukrainian forces have seized ...": what follows the
                # comma, with no second comma closing it, is the content, not an apposition
                if m.title and text.find(m.title, toks[first_comma].start) >= 0:
                    m.title = None
                m.end = toks[first_comma - 1].end
            j = s.tok_index_at_or_after(m.end)
            comma = next((x for x in range(j, min(n, j + 16)) if toks[x].text == ","), None)
            if (
                comma is not None
                and comma > j
                and not any(t.text in OPENING_QUOTE_TOKENS for t in toks[j:comma])
            ):
                # "According to the ministry of health, 40 people died": the source's phrase
                # runs to the comma, and what it says starts after it
                if m.kind != "person":
                    m.end = toks[comma - 1].end
                    m.name = " ".join(text[m.start : m.end].split())
                j = comma
            while j < n and toks[j].text in {",", ":", "—"}:
                j += 1
            if j >= n:
                return None
            cs, ce = toks[j].start, _content_end(text, toks[j].start, s.end)
        else:
            # CONTENT, according to X.
            cs = toks[0].start
            ce = _content_end(text, cs, c.start)
            j = s.tok_index_at_or_after(m.end)
            rest = [t for t in toks[j + 1 :] if t.text not in {".", "!", "?"}]
            title = appositive(text, rest) if j < n and toks[j].text == "," else None
            if title is not None and m.name and m.title is None:
                # "..., according to Dante X, the mission's principal investigator.": his title,
                # not words of the content
                m.title = title
            elif j < n and toks[j].text == "," and _words(text, toks[j].end, s.end) >= 3:
                # "One of the decisions, according to a person close to it, is to ...": the
                # phrase sits inside the content, which runs on to the end of the sentence
                ce = _content_end(text, cs, s.end)
        if _words(text, cs, ce) < 3 or _covered_by_quote(s, cs, ce):
            return None
        return _Candidate(cs, ce, "indirect", m, c, position=c.start)
    if c.gerund and _subject_gerund(toks, k):
        # "..., saying that CONTENT", "X issued a statement saying CONTENT": the speaker is
        # the sentence's subject, or whoever the cue before it quotes ("CONTENT, X said on
        # Tuesday, warning that ...", "“...,” she said, adding that ...")
        m = None
        for c2, k2 in reversed(s.cues):
            if k2 < k and not c2.gerund and not c2.phrase:
                m = _speaker_for_cue(text, s, c2, k2, 0, n, entities)
                break
        if m is None or (m.kind == "person" and m.name is None and m.pronoun is None):
            m = sentence_subject(text, toks, k - 1, entities) or m
        if m is None:
            return None
        return _content_after(text, s, c, k, m, tags)
    if c.gerund:
        return None
    m = _speaker_for_cue(text, s, c, k, 0, n, entities)
    b = k - 1
    while b > 0 and toks[b].low in {"also", "later", "then", "has", "had", "have"}:
        b -= 1
    if m is None and b > 0 and toks[b].low in {"and", "but"}:
        for c2, k2 in reversed(s.cues):
            if k2 < b:
                m = _speaker_for_cue(text, s, c2, k2, 0, n, entities)
                break
        else:  # "Wilson praised Rubio and said ...": the subject of the sentence
            m = sentence_subject(text, toks, b, entities)
            if m is None and c.lemma in _BARE_CONTENT_LEMMAS:
                m = _opening_words(text, toks, b)
    if not _acceptable(m, c):
        return None
    assert m is not None
    if any(
        m.start <= s.toks[k2].start < m.end
        and not _RELATIVE_ASIDE.search(text, m.start, s.toks[k2].start)
        for _, k2 in s.cues
        if k2 < k
    ):
        # "Residents say the barriers promised after the flood were shelved": a "speaker" that
        # holds another cue is words of that cue's content, not someone speaking ("A doctor,
        # who asked not to be named, said": a cue in the speaker's own aside is no content)
        return None
    if m.start > c.start:
        # inverted: "CONTENT, said X." -- the content comes first
        return _content_before(text, s, c, k, m)
    after = _content_after(text, s, c, k, m, tags)
    if after is not None:
        return after
    return _content_before(text, s, c, k, m)


# verbs by which a source gives a figure of its own: "while police put the crowd at 30,000"
_ESTIMATING: Final[frozenset[str]] = frozenset(
    {"put", "puts", "estimated", "estimates", "reported", "reports", "counted", "tallied",
     "recorded", "gave", "gives", "registered"}
)  # fmt: skip
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whom|whose)\b[^,;]*$", re.IGNORECASE)


def _after_addressee(toks: Sequence[Tok], j: int) -> int:
    """Skip the addressee of "told": "told [reporters]", "told [the BBC]", "told [him]"."""
    n = len(toks)
    if j < n and toks[j].low in {"him", "her", "them", "us", "me", "you", "reporters"}:
        return j + 1
    if j < n and toks[j].low in {"about", "for", "whether", "why", "how", "what", "to", "on"}:
        return j  # "asked about the fighting": no addressee, and no reported clause
    if j < n and toks[j].text == ",":
        return j  # "X, asked about Y, ...": a participle, not a cue with content
    if j < n and toks[j].low in {"the", "a", "an"}:
        j += 1
    start = j
    while j < n and (toks[j].cap or toks[j].text == ".") and j - start < 5:
        j += 1
    if j == start and j < n:
        j += 1  # one common noun: "told lawmakers"
        while j < n and toks[j].low in _ADDRESSEE_HEADS:
            j += 1  # a compound: "told a news conference", "told a press briefing"
    return j


_ADDRESSEE_HEADS: Final[frozenset[str]] = frozenset(
    {"conference", "briefing", "agency", "channel", "station", "service", "network", "outlet",
     "magazine", "newspaper", "programme", "program", "show", "audience", "crowd", "meeting",
     "rally", "gathering", "summit", "forum", "session", "hearing", "committee"}
)  # fmt: skip


def _opening_words(text: str, toks: Sequence[Tok], b: int) -> Mention | None:
    """The first words of a sentence as an unresolved speaker, for "... and said that ..."
    when the subject is not a name: "The crowd cheered and said ..."."""
    i = 0
    while i < b and not toks[i].text[0].isalnum():
        i += 1
    end = i
    while end < min(b, i + 4) and toks[end].text[0].isalnum() and not toks[end].low.endswith("ed"):
        end += 1
    if end == i:
        return None
    phrase = " ".join(text[toks[i].start : toks[end - 1].end].split())
    return Mention(
        toks[i].start, toks[end - 1].end, "person", title=phrase, title_only=True, generic=True
    )


def _covered_by_quote(s: _Sentence, cs: int, ce: int) -> bool:
    """Whether the content is really a direct quote: a quoted span opens it and fills most of
    it. A quoted phrase later in the content is a mixed quote inside an indirect one."""
    if ce <= cs:
        return True
    inside = sum(max(0, min(ce, q.end) - max(cs, q.start)) for q in s.marked if q.start <= cs + 2)
    return inside / (ce - cs) > 0.6


# the reporter's caveat after what a source claimed: "..., but Reuters could not independently
# verify the claim", "..., which ISW has not observed", "..., though this could not be confirmed"
_CAVEAT: Final = re.compile(
    r",\s+(?:but|though|although|and|which)\s+(?:[^,.;:“”\"]{1,60}?\s+)?"
    r"(?:could\s+not|couldn[’']t|cannot|can\s+not|was\s+unable\s+to|were\s+unable\s+to|"
    r"(?:has|have|had)\s+not(?:\s+been\s+able\s+to)?|did\s+not)\s+(?:yet\s+)?"
    r"(?:independently\s+|immediately\s+)?(?:be\s+)?(?:verif|confirm|corroborat|observ)",
    re.IGNORECASE,
)
_CLAIMED_THINGS: Final[frozenset[str]] = frozenset(
    {"responsibility", "credit", "victory", "ownership", "asylum", "compensation", "benefits",
     "third", "second", "fourth", "fifth", "term", "seat", "seats", "title", "win", "majority",
     "lives", "gold", "silver", "bronze", "power"}
)  # fmt: skip
# what a cue verb takes as the object of an act: "claimed victory", "conceded defeat"
_ACT_OBJECTS: Final[dict[str, frozenset[str]]] = {
    "claim": _CLAIMED_THINGS,
    "concede": frozenset(
        {"defeat", "victory", "ground", "territory", "goal", "goals", "points", "penalty", "seats"}
    ),
}  # fmt: skip
# verbs that report a claim only with "that" ("ISW assessed that ...", "the UN estimates
# that"): "assessed whether", "estimated the damage at", "rose 12.6%, continuing a trend"
# report nothing
_THAT_ONLY_LEMMAS: Final[frozenset[str]] = frozenset({"assess", "estimate", "continue"})


def _content_after(
    text: str, s: _Sentence, c: CueMatch, k: int, m: Mention, tags: dict[int, str]
) -> _Candidate | None:
    """ "X said (on Monday) (that) CONTENT." """
    toks = s.toks
    n = len(toks)
    j = k + 1
    if c.lemma in {"tell", "ask"}:  # the addressee: "told reporters", "told the BBC"
        j = _after_addressee(toks, j)
    j = _skip_adjuncts(toks, j)
    that = j < n and toks[j].low in _COMPLEMENTISERS
    if (
        that
        and toks[j].low == "that"
        and j > k + 1
        and j + 1 < n
        and _relative_that(toks[j + 1], tags, toks[j + 2] if j + 2 < n else None)
    ):
        return None  # "told X in a video call [that was shown ...]": a relative clause
    if not that and j < n and (toks[j].low in _PREPOSITIONS or c.lemma in {"tell", "ask", "write"}):
        # "told a crowd in Miami Tuesday that ...", "wrote to Sanders’ office that ..."
        for look in range(j + 1, min(n, j + 13)):
            t = toks[look]
            if t.low == "that" and c.lemma == "ask":
                break  # "asked about the 115 hostages that officials say ...": a relative
            if t.low in _COMPLEMENTISERS and t.low == "that":
                after = toks[look + 2] if look + 2 < n else None
                if look + 1 < n and _relative_that(toks[look + 1], tags, after):
                    break  # "told X in a video call [that was shown ...]": a relative clause
                that, j = True, look
                break
            if t.text == "." and toks[look - 1].low in MONTHS:
                continue  # "said on Oct. 3 that ...": a date, not the sentence's end
            if (
                t.text in OPENING_QUOTE_TOKENS
                or t.text in {",", ".", ";", ":", "—"}
                or (t.low in _VERBISH)
            ):
                break
    if not that and j < n and toks[j].low in _ACT_OBJECTS.get(c.lemma, ()):
        # "claimed responsibility for the attack", "claims third term", "conceded defeat in the
        # early hours": an act, no statement reported
        return None
    if (
        not that
        and c.lemma == "add"
        and j < n
        and (tags.get(toks[j].start, "") in {"RB", "RBR", "CD"} or toks[j].text[0].isdigit())
    ):
        return None  # "will add far more demand", "added 2,400 MW": what is added, not said
    if c.lemma in _THAT_ONLY_LEMMAS and not (that and toks[j].low == "that"):
        return None  # "assess whether ...", "estimated the damage at ...": no claim reported
    if that:
        j += 1
    if j >= n or toks[j].text in {":", ",", ".", "!", "?", ";"}:
        return None
    if toks[j].text in OPENING_QUOTE_TOKENS and not that:
        return None  # "X said “...”": a direct quote
    if not that:
        if toks[j].low in _NOT_CONTENT_START and not _qualified_number(toks, j):
            return None
        if not _looks_like_clause(toks[j:], tags):
            return None
        if c.lemma in _OBJECT_LEMMAS and tags and not _verb_before_break(toks, j, tags):
            # "declared a state of emergency as troops advanced", "posted results, X said":
            # an object, then another clause; a reported clause has its verb up front
            return None
        if not tags and c.lemma not in _BARE_CONTENT_LEMMAS:
            # without a tagger, "claimed a victory", "told cheering supporters" look like
            # "said the army would": only the verbs that take a bare clause, after a subject
            return None
    cs = toks[j].start
    stop = s.end
    relative = k > 0 and toks[k - 1].low == "who"
    for i in range(j + 1, n):
        t = toks[i]
        if relative and t.text == ",":
            stop = t.start  # "Barkley, who said he votes democratic, said ..."
            break
        if t.text == "," and any((c2.phrase or c2.gerund) and k2 == i + 1 for c2, k2 in s.cues):
            # "..., according to officials": the phrase is no content; "..., adding that ...":
            # the gerund has its own
            stop = t.start
            break
        if (
            t.text == ","
            and i + 2 < n
            and toks[i + 1].low in {"a", "an"}
            and toks[i + 2].low in _COMMENT_NOUNS
        ):
            stop = t.start  # "..., a claim that could not be verified": the reporter's
            break
        if t.text == "," and _CAVEAT.match(text, t.start, s.end):
            stop = t.start  # "..., but Reuters could not independently verify the claim"
            break
        if t.low in {"and", "but"} and any(k2 in {i + 1, i + 2} for _, k2 in s.cues):
            stop = t.start  # "... and said that ...": the next cue has its own content
            break
        if t.text == "," and i + 1 < n and toks[i + 1].low in {"while", "whereas"}:
            close = next((x for x in range(i + 2, n) if toks[x].text in {",", ";"}), n)
            if any(i + 2 < k2 < close for _, k2 in s.cues) or any(
                toks[x].low in _ESTIMATING for x in range(i + 3, close)
            ):
                # "Organisers said 50,000 marched, while police put the crowd at 30,000":
                # the other source's estimate is not part of what the first said
                stop = t.start
                break
        if (
            t.low in {"that", "which"}
            and i > j
            and tags.get(toks[i - 1].start, "") in {"NN", "NNS", "NNP"}
            and any(_subject_then_cue(toks, i + 1, k2, tags) for _, k2 in s.cues if k2 > i + 1)
        ):
            # "it killed a commander in a strike [that Gaza health officials said killed at
            # least 25 people]": what the strike did is another source's account
            stop = t.start
            break
        if (
            t.low in {"and", "but", "while"}
            and toks[i - 1].text == ","
            and any(_subject_then_cue(toks, i + 1, k2, tags) for _, k2 in s.cues if k2 > i + 1)
        ):
            stop = toks[i - 1].start  # "..., and Polish officials said ...": another speaker
            break
        if (
            t.low == "and"
            and i + 1 < n
            and toks[i + 1].low in _SPEAKER_ACTS
            and tags.get(toks[i + 1].start, "VBD") == "VBD"
        ):
            stop = t.start  # "... and renewed his appeal": the speaker acts again
            break
    ce = _content_end(text, cs, stop)
    if _words(text, cs, ce) < 3 or _covered_by_quote(s, cs, ce):
        return None
    return _Candidate(cs, ce, "indirect", m, c, position=c.start)


_NP_TAGS: Final[frozenset[str]] = frozenset(
    {"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "PRP$", "CD", "PRP"}
)


def _subject_then_cue(toks: Sequence[Tok], a: int, k: int, tags: dict[int, str]) -> bool:
    """Whether toks[a:k] is a noun phrase of at most eight words and toks[k] its cue: "and
    NATO Secretary-General Jens Stoltenberg [said]", "and Polish officials [said]"."""
    if not 0 < k - a <= 8:
        return False
    words = toks[a:k]
    if tags:
        return all(tags.get(t.start, "") in _NP_TAGS or t.text in {"’s", "'s"} for t in words)
    return all(t.text[:1].isupper() or t.low in {"the", "a", "an", "its", "their"} for t in words)


def _relative_that(nxt: Tok, tags: dict[int, str], after: Tok | None = None) -> bool:
    """Whether "that" before this word opens a relative clause on the noun before it: a verb
    follows at once ("a call that was shown"), where a reported clause has its subject. A
    plural noun the tagger took for a verb has its own verb after it: "told the Dáil that
    rents had risen"."""
    if nxt.low in _VERBISH:
        return True
    if after is not None and after.low in _AUXILIARY_VERBS and nxt.low.endswith("s"):
        return False
    return tags.get(nxt.start, "") in {"VBD", "VBZ", "VBP", "MD"}


_AUXILIARY_VERBS: Final[frozenset[str]] = frozenset(
    {"had", "have", "has", "were", "was", "are", "is", "will", "would", "could", "may",
     "might", "must", "should", "can"}
)  # fmt: skip


# Cues that often take a plain object ("declared a state of emergency", "posted results").
_OBJECT_LEMMAS: Final[frozenset[str]] = frozenset(
    # "will add far more demand over this decade": an object, no clause
    {"declare", "post", "announce", "report", "promise", "pledge", "vow", "add"}
)
_CLAUSE_LINKS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "—", "as", "when", "while", "after", "before", "because", "since",
     "although", "though", "until", "where", "which", "who"}
)  # fmt: skip


def _verb_before_break(toks: Sequence[Tok], j: int, tags: dict[int, str]) -> bool:
    """Whether the bare content after a cue has a finite verb before its first comma or
    subordinate clause."""
    i, n = j, len(toks)
    while i < n:
        t = toks[i]
        if t.text == ",":
            # an aside closed by a second comma: "said the cuts, which had eased, threatened"
            close = next((x for x in range(i + 1, min(n, i + 14)) if toks[x].text == ","), None)
            if close is None:
                return False
            i = close + 1
            continue
        if t.low in _CLAUSE_LINKS:
            return False
        if tags.get(t.start, "") in {"VBD", "VBZ", "VBP", "MD"}:
            return True
        i += 1
    return False


_ADJUNCT_NOUNS: Final[frozenset[str]] = frozenset(
    {"statement", "interview", "speech", "post", "letter", "tweet", "email", "op-ed", "briefing",
     "conference", "release", "radio", "television", "tv", "video", "message", "appearance",
     "rally", "hearing", "debate", "address", "phone", "call", "filing", "memo", "note",
     "report", "podcast", "broadcast", "show", "event", "meeting", "remarks", "testimony"}
)  # fmt: skip
_TIME_WORDS: Final[frozenset[str]] = frozenset(
    {"yesterday", "today", "tonight", "earlier", "later", "recently", "previously", "again",
     "also", "publicly", "repeatedly", "privately", "separately", "then", "once", "week",
     "month", "year", "night", "morning", "evening", "afternoon", "weekend", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip


# the reporter's comment set after reported content: "..., a claim that could not be verified"
_COMMENT_NOUNS: Final[frozenset[str]] = frozenset(
    {"claim", "allegation", "assertion", "accusation", "charge", "contention", "statement",
     "figure", "number", "estimate", "account", "version", "view", "position"}
)  # fmt: skip
_COMMENT_BETWEEN = re.compile(rf",\s+an?\s+(?:{'|'.join(sorted(_COMMENT_NOUNS))})\b", re.I)
# adverbs of manner between a cue and "that": "said only that", "admitted openly that"
_MANNER_WORDS: Final[frozenset[str]] = frozenset(
    {"only", "openly", "simply", "merely", "flatly", "bluntly", "quietly", "frankly",
     "firmly", "explicitly", "plainly", "clearly", "falsely", "wrongly", "correctly"}
)  # fmt: skip


def _skip_adjuncts(toks: Sequence[Tok], j: int) -> int:
    """Skip time and channel adjuncts after a cue: "said [on Friday] [in a statement] ..."."""
    n = len(toks)
    for _ in range(4):
        if j >= n:
            break
        w = toks[j].low
        if w in _TIME_WORDS or (w in _MANNER_WORDS and j + 1 < n and toks[j + 1].low == "that"):
            j += 1  # "said on Friday", "said only that ...", "said openly that ..."
        elif (
            w in {"on", "last", "this", "late", "early", "next"}
            and j + 1 < n
            and (toks[j + 1].low in _TIME_WORDS or toks[j + 1].cap)
        ):
            j += 2
            if j < n and toks[j].text == "." and toks[j - 1].low in MONTHS:
                j += 1  # "said on Oct. 3 that ..."
            while j < n and (toks[j].text.isdigit() or toks[j].text == ","):
                if toks[j].text == "," and not (j + 1 < n and toks[j + 1].text.isdigit()):
                    break
                j += 1
        elif (
            w in {"in", "during", "at", "on", "via", "through"}
            and j + 2 < n
            and toks[j + 1].low in {"a", "an", "the", "his", "her", "their", "its"}
            and any(t.low in _ADJUNCT_NOUNS for t in toks[j + 2 : j + 5])
        ):
            j += 2
            while j < n and toks[j].low not in _ADJUNCT_NOUNS:
                j += 1
            j += 1
            while j < n and toks[j].low in _ADJUNCT_NOUNS:
                j += 1
            if j < n and toks[j].low in {"with", "on", "to"} and j + 1 < n:
                j += 1
                if toks[j].low in {"the", "a", "an"}:
                    j += 1
                while j < n and (toks[j].cap or toks[j].possessive):
                    j += 1
        elif w == "," and j + 1 < n and toks[j + 1].low in _TIME_WORDS:
            j += 1
        elif w == "for" and j + 3 < n and toks[j + 1].low == "the" and toks[j + 3].low == "time":
            j += 4  # "said for the first time that ..."
        else:
            break
    return j


_ASIDE_STARTS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "in", "as", "which", "while", "amid", "after", "before", "with", "without",
     "despite", "during", "according", "citing", "adding", "saying", "noting"}
)  # fmt: skip


def _trailing_aside(toks: Sequence[Tok], after: int) -> bool:
    """A comma after the attribution, then a noun phrase or an adjunct ("..., X said, the
    first such account", "..., X said, in one of the largest attacks"), not the rest of a
    clause that the attribution interrupts ("Survival, X says, depends on ...")."""
    if after + 1 >= len(toks) or toks[after].text != ",":
        return False
    return toks[after + 1].low in _ASIDE_STARTS


def _content_before(text: str, s: _Sentence, c: CueMatch, k: int, m: Mention) -> _Candidate | None:
    """ "CONTENT, X said." / "CONTENT, said X." """
    toks = s.toks
    first = min(m.start, c.start)
    if c.object_from >= 0:
        # "CONTENT, Interfax quoted X as saying.": the attribution starts at the outlet
        v = s.tok_index_at_or_after(c.object_from) - 1
        p = v - 1
        while p > 0 and toks[p].text not in {",", "—"} and v - p <= 6:
            p -= 1
        if p > 0 and toks[p].text in {",", "—"}:
            first = toks[p + 1].start
    j = s.tok_index_at_or_after(first) - 1
    if j < 1 or toks[j].text not in {",", "—"}:
        return None
    # the cue ends the sentence (modulo a short tail: "in a statement", "on Monday")
    tail_start = max(c.end, m.end)
    told = c.lemma == "tell" and m.end <= c.start
    if told:
        # "CONTENT, X told Reuters (by telephone).": the addressee is no tail
        a0 = s.tok_index_at_or_after(tail_start)
        a = _after_addressee(toks, a0)
        if a0 < a <= len(toks):
            tail_start = toks[a - 1].end
    tail = [t for t in toks if t.start >= tail_start and t.text not in {".", "!", "?", "”", '"'}]
    after = _skip_adjuncts(toks, s.tok_index_at_or_after(tail_start))
    gerund_next = any(c2.gerund and k2 == after + 1 for c2, k2 in s.cues)
    if gerund_next or (
        _trailing_aside(toks, after) and _words(text, toks[0].start, toks[j].start) >= 5
    ):
        # ("CONTENT, X said on Tuesday, warning that ...": the gerund has its own content)
        # "CONTENT, the commander, X, said on Monday, the first official account ...": what
        # follows the attribution comments on it; the content is before it
        tail = []
    elif (
        tail
        and after < len(toks)
        and toks[after].text == ","
        and len(tail) > 3
        and not (after + 1 < len(toks) and toks[after + 1].text in OPENING_QUOTE_TOKENS)
    ):
        # a parenthetical: "Survival, Mr. VandeHei says, depends on ...": the sentence is
        # the content, around the attribution
        cs = toks[0].start
        ce = _content_end(text, cs, s.end)
        if _words(text, cs, ce) < 6 or _covered_by_quote(s, cs, ce):
            return None
        return _Candidate(cs, ce, "indirect", m, c, position=c.start)
    by_phone = told and 1 < len(tail) <= 3 and tail[0].low == "by"  # "by telephone"
    if len(tail) > 6 or (tail and tail[0].low not in _TAIL_STARTERS and not by_phone):
        return None
    cs = toks[0].start
    ce = _content_end(text, cs, toks[j].start)
    if _words(text, cs, ce) < 3 or _covered_by_quote(s, cs, ce):
        return None
    return _Candidate(cs, ce, "indirect", m, c, position=c.start)


__all__ = ["extract_quotes", "paragraphs_of", "quoted_spans"]
