"""Indirect quotes: the reported content of "X said that ...", "..., X said" and "according to X,
...", without its complementiser and final stop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.cues import CueMatch
from corroborate.extract.quotes.attribution import (
    _acceptable,
    _Candidate,
    _speaker_for_cue,
    _subject_gerund,
)
from corroborate.extract.quotes.lexicon import (
    _AUXILIARY_VERBS,
    _COMMENT_NOUNS,
    OPENING_QUOTE_TOKENS,
)
from corroborate.extract.quotes.sentence import (
    _content_end,
    _looks_like_clause,
    _qualified_number,
    _Sentence,
    _words,
)
from corroborate.extract.speakers import (
    MONTHS,
    Mention,
    Tok,
    appositive,
    classify,
    is_title_word,
    np_after,
    phrase_source,
    sentence_subject,
)
from corroborate.model import Entity

_VERBISH: Final[frozenset[str]] = frozenset(
    {"is", "are", "was", "were", "will", "would", "could", "can", "has", "have", "had",
     "should", "may", "might", "must", "do", "does", "did", "won't", "wasn't", "isn't",
     "aren't", "weren't", "hasn't", "haven't", "didn't", "doesn't", "don't", "can't",
     "cannot", "shall", "be", "being", "been"}
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


_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"in", "on", "at", "during", "after", "before", "to", "with", "via", "from", "through",
     "over", "last", "this", "earlier", "later", "yesterday", "today", "late", "early"}
) | _WHERE_SPOKEN  # fmt: skip


# phrase cues after which whatever noun phrase follows is the source ("according to the 2009
# paper", "as reported by one global index"), read by `phrase_source` when `np_after` cannot
_SOURCE_PHRASES: Final[frozenset[str]] = frozenset({"according to", "as reported by"})


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
        w = _with_clause(toks, k)
        if w is None:
            return None
        # "..., with Ukraine's top commander saying (that) CONTENT": an absolute clause, whose
        # speaker is the phrase between "with" and the cue, not the sentence's subject
        m = _with_speaker(text, toks, w, k, entities)
        if not _acceptable(m, c):
            return None
        assert m is not None
        found = _content_after(text, s, c, k, m, tags)
        return _within_clause(text, toks, found) if found is not None else None
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
        return _before_with_clause(text, s, after, entities)
    return _content_before(text, s, c, k, m)


def _before_with_clause(
    text: str, s: _Sentence, found: _Candidate, entities: Sequence[Entity]
) -> _Candidate:
    """What X says, ending before a with-clause that credits someone else inside it ("Smith
    denied the charges, with his lawyer saying the case was politically motivated": the
    lawyer's words are the lawyer's quote, not Smith's)."""
    for c2, k2 in s.cues:
        if not c2.gerund or not found.start < s.toks[k2].start < found.end:
            continue
        w = _with_clause(s.toks, k2)
        if w is None or s.toks[w].low != "with" or s.toks[w].start <= found.start:
            continue
        if not _acceptable(_with_speaker(text, s.toks, w, k2, entities), c2):
            continue
        end = s.toks[w - 1].start  # the comma or dash before "with"
        while end > found.start and text[end - 1].isspace():
            end -= 1
        if _words(text, found.start, end) >= 3:
            found.end = end
        break
    return found


def _with_clause(toks: Sequence[Tok], k: int) -> int | None:
    """The "with" that opens an absolute clause ending in the gerund cue at `k` ("..., with
    analysts warning that ..."), within a few words, after a comma or a dash; else None.
    Or the "and" that opens a second one ("..., with the army saying ... and the rebels
    saying ...")."""
    for j in range(k - 1, max(-1, k - 9), -1):
        if toks[j].low == "with":
            return j if j > 0 and toks[j - 1].text in {",", "—", "–"} and k - j > 1 else None
        if toks[j].low == "and" and k - j > 1 and _after_with_clause(toks, j):
            return j
        if not toks[j].text[0].isalnum() and toks[j].text not in {"'s", "’s", "-", "."}:
            return None  # a clause boundary before any "with"
    return None


def _after_with_clause(toks: Sequence[Tok], j: int) -> bool:
    """Does a with-clause ("..., with X ...") run up to the "and" at `j`, with no clause
    boundary between them?"""
    for i in range(j - 1, 0, -1):
        if toks[i].text in {",", ";", ":", "—", "–"}:
            return False
        if toks[i].low == "with":
            return toks[i - 1].text in {",", "—", "–"}
    return False


def _with_speaker(
    text: str, toks: Sequence[Tok], w: int, k: int, entities: Sequence[Entity]
) -> Mention | None:
    """The speaker between "with" (`w`) and the cue (`k`): a name, a title or a group, as
    `classify` reads the whole phrase; nothing else ("with a sign on the door saying", "with
    him saying": a thing, or a pronoun this rule does not resolve)."""
    if k - w == 2 and toks[w + 1].low in _WITH_PRONOUNS:
        return None
    m = classify(text, toks[w + 1 : k], entities)
    if m is None or m.pronoun is not None:
        return None
    if m.name is not None or m.kind != "person":
        return m
    # an unnamed person only by a title ("the central bank governor"), as the speaker
    # lexicon tells titles ("a sign on the door" is none)
    return m if m.title_only and any(is_title_word(t) for t in toks[w + 1 : k]) else None


_WITH_PRONOUNS: Final[frozenset[str]] = frozenset({"him", "her", "them", "it", "us", "me", "you"})


def _within_clause(text: str, toks: Sequence[Tok], found: _Candidate) -> _Candidate | None:
    """What the with-clause reports, ending where the clause does: at a comma ("The mayor,
    with aides saying she was unwell, skipped the meeting"; "..., with voters saying ...,
    officials said") or where a second clause of the same form begins ("... and the rebels
    saying ...")."""
    inside = [t for t in toks if found.start <= t.start < found.end]
    for x, t in enumerate(inside):
        second = t.low in {"and", "but", "while", "whereas"} and any(
            u.low.endswith("ing") and len(u.low) > 5 for u in inside[x + 1 : x + 7]
        )
        if t.text in {",", ";", "—", "–"} or second:
            end = t.start
            while end > found.start and text[end - 1].isspace():
                end -= 1
            if _words(text, found.start, end) < 3:
                return None
            found.end = end
            break
    return found


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
