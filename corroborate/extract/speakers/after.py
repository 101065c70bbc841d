"""The speaker phrase after a cue (`np_after`): "said Kira Rudik, a Ukrainian MP", "according to
local reports"; and `phrase_source` for a phrase found elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.entities import (
    HONORIFICS,
)
from corroborate.extract.speakers.before import (
    _as_person,
    _inside_organisation,
    _person_role,
    _tagged_org_but_a_person,
)
from corroborate.extract.speakers.classify import appositive, classify
from corroborate.extract.speakers.lexicon import (
    _FUNCTION_WORDS,
    _NAME_LINKS,
    _PHRASE_BOUNDS,
    _PREPOSITIONS,
    _ROLE_LINKS,
    _SPEAKING_ROLES,
    DETERMINERS,
    DOC_NOUNS,
    GROUP_NOUNS,
    MODIFIERS,
    PRONOUNS,
)
from corroborate.extract.speakers.tokens import Mention, Tok, _is_title_word, _titleish, _verb_form
from corroborate.model import Entity
from corroborate.nlp.names import ADMIN_WORDS, NAME_PARTICLES

_APPOSITION_BOUNDS: Final[frozenset[str]] = _PHRASE_BOUNDS | {".", "—"}


_AGE_RE: Final = re.compile(r"\d{1,3}-year-old", re.IGNORECASE)


def np_after(
    text: str, toks: Sequence[Tok], k: int, hi: int, entities: Sequence[Entity]
) -> Mention | None:
    """The speaker phrase that starts at token `k` ("said [Mr Tykhy]", "according to [the
    ministry]"), with an apposition after it, not reaching `hi`."""
    i = k
    if i < hi and toks[i].low in DETERMINERS:
        i += 1
    if i + 1 < hi and _AGE_RE.fullmatch(toks[i].text):
        # "said 20-year-old Ali Ahmed", "said a 30-year-old woman, X": the age is no part
        # of the name or the title
        m = np_after(text, toks, i + 1, hi, entities)
        if m is not None and m.kind == "person" and m.pronoun is None:
            m.start = toks[k].start
        return m
    while i < hi:
        t = toks[i]
        w = t.low
        if w in PRONOUNS and i == k:
            return classify(text, toks[k : k + 1], entities)
        if w in OBJECT_PRONOUNS and i == k:  # "according to him"
            p = OBJECT_PRONOUNS[w]
            return Mention(t.start, t.end, "person", pronoun=p, gender=PRONOUNS[p])
        if t.cap or t.possessive or _is_title_word(t) or w in GROUP_NOUNS or w in DOC_NOUNS:
            i += 1
            continue
        if w in MODIFIERS or w == "-" or (len(t.text) <= 2 and t.text.endswith(".")):
            i += 1
            continue
        if i > k and toks[i - 1].cap and not toks[i - 1].possessive and _verb_form(w):
            break  # "Nigel X roared into ...", "X met senators": the name's verb, not a modifier
        if i > k and toks[i - 1].cap and not toks[i - 1].possessive and w in _AFTER_NAME:
            break  # "said manager Johnny Oates about his team": the name ends there
        if not t.cap and w.isalpha() and w not in _FUNCTION_WORDS and _noun_ahead(toks, i, hi):
            i += 1  # "a just-released poll", "early results"
            continue
        if i > k and _titleish(t) and toks[i - 1].cap and not toks[i - 1].possessive:
            i += 1  # "a Rutgers University seismologist": the role is the head
            continue
        if (
            not t.cap
            and w.isalpha()
            and w not in _FUNCTION_WORDS
            and w not in DETERMINERS
            and any(_titleish(x) or x.cap for x in toks[i + 1 : min(hi, i + 3)])
            and any(_titleish(x) for x in toks[i : min(hi, i + 3)])
        ):
            i += 1  # "fire chief Dana Moss", "hydrologist Lena Okafor"
            continue
        if i > k and w in _NAME_LINKS and _inside_organisation(entities, t):
            i += 1  # "said a spokesman for Save the Children": a small word inside a name
            continue
        if (
            i > k
            and toks[i - 1].low in _SPEAKING_ROLES
            and w in _ROLE_LINKS
            and i + 2 < hi
            and toks[i + 1].low == "the"
            and toks[i + 2].cap
        ):
            i += 2  # "said a spokesman at the World Food Programme"
            continue
        if w in {"of", "for", "and", "on", "&"} and i + 1 < hi and i > k:  # "Smith & Co."
            prev, nxt = toks[i - 1], toks[i + 1]
            if (prev.cap or _is_title_word(prev)) and (nxt.cap or _is_title_word(nxt)):
                i += 1
                continue
            if (
                w in {"of", "for"}
                and _is_title_word(prev)
                and prev.cap
                and nxt.low == "the"
                and i + 2 < hi
                and toks[i + 2].cap
            ):
                i += 2  # "said Leader of the Opposition Rahul Gandhi", "Speaker of the House"
                continue
        if w == "." and i > k and len(toks[i - 1].text) <= 3 and toks[i - 1].cap:  # "Mr."
            i += 1
            continue
        if w in NAME_PARTICLES and i > k and (toks[i - 1].cap or toks[i - 1].low in NAME_PARTICLES):
            i += 1  # "said Rubén del Campo", "Jan-Willem van der Berg"
            continue
        if w in ADMIN_WORDS and i > k and toks[i - 1].cap:
            i += 1  # "according to Ishikawa prefecture": the place's authorities, no person
            continue
        break
    if i == k:
        return None
    m = classify(text, toks[k:i], entities)
    if m is None:
        return None
    by = i + 1 if i + 1 < hi and toks[i].low in _COMPILED else i
    if m.kind == "report" and by + 1 < hi and toks[by].low in {"by", "from", "of"}:
        # "according to a report by Human Rights Watch", "data compiled by LSEG"
        author = np_after(text, toks, by + 1, hi, entities)
        if author is not None and author.pronoun is None and author.kind != "report":
            # "according to a report by Human Rights Watch": the report, named by its author
            m.end = author.end
            m.name = " ".join(text[m.start : m.end].split())
            return m
    if i < hi and toks[i].text == "," and _tagged_org_but_a_person(m):
        q = i + 1
        while q < hi and toks[q].text not in _APPOSITION_BOUNDS:
            q += 1
        role = _person_role(text, toks[i + 1 : q])
        if role is not None:
            # "said Laura Lo Castro, UNHCR's representative in Chad": a name the tagger took
            # for an organisation's, with a person's role after it
            return _as_person(m, role, m.start, toks[q - 1].end)
    if i < hi and toks[i].text == "," and m.kind == "person":
        q = i + 1
        while q < hi and toks[q].text not in _APPOSITION_BOUNDS:
            q += 1
        if m.name is None and m.title_only and q > i + 1:
            # "according to the regional governor, Alexei Smirnov, ..."
            named = classify(text, toks[i + 1 : q], entities)
            if named is not None and named.kind == "person" and named.name and not named.title_only:
                named.title = named.title or m.title
                named.start = m.start
                return named
            return m
        appos = appositive(text, toks[i + 1 : q])
        honorific_only = m.title is not None and all(
            w.lower().strip(".") in HONORIFICS for w in m.title.split()
        )
        if appos is not None and (m.title is None or honorific_only) and m.name is not None:
            # "Prof Sir Stephen Powis, NHS England's national medical director": the role
            m.title = appos
            m.end = toks[q - 1].end
    return m


# how a document came from its author: "data compiled by LSEG", "a timeline released by"
_COMPILED: Final[frozenset[str]] = frozenset(
    {"compiled", "released", "published", "issued", "collected", "gathered", "prepared",
     "produced", "provided", "conducted", "commissioned", "obtained", "filed", "seen", "posted"}
)  # fmt: skip

# After "according to" the noun phrase that follows is the source however it is written ("the
# average of recent polls compiled by Real Clear Politics", "the 2009 paper", "officials
# familiar with the system"), read to the end of its clause.
_SOURCE_PHRASE_ENDS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!"}
)

# the words after a phrase's head noun: "[polls] compiled by", "[officials] familiar with"
_AFTER_HEAD: Final[frozenset[str]] = frozenset(
    {"of", "by", "from", "with", "in", "on", "at", "for", "to", "familiar", "close", "who",
     "that", "which", "compiled", "released", "published", "obtained", "conducted", "filed",
     "broadcast", "out", "among"}
)  # fmt: skip

# unnamed people: credited as a group ("a senior official" is an organisation source here too)
_UNNAMED_PEOPLE: Final[frozenset[str]] = frozenset(
    {"person", "people", "someone", "somebody", "attendee", "attendees", "participant",
     "participants", "executive", "executives", "democrat", "democrats", "republican",
     "republicans", "friend", "friends", "ally", "allies", "associate", "associates",
     "insider", "aide", "adviser", "advisor", "member", "staffer", "staffers"}
)  # fmt: skip

_LONGEST_SOURCE_PHRASE: Final = 20  # tokens; a longer run is no noun phrase


def phrase_source(text: str, toks: Sequence[Tok], k: int, hi: int) -> Mention | None:
    """The source after "according to" (token `k` on) when `np_after` cannot read it as a
    name, a title or a known source word: the phrase to the end of its clause, a group when
    its head noun names people ("officials familiar with ..."), else a document or a record
    ("one global index", "complete but unofficial returns")."""
    j = k
    while j < hi and toks[j].text not in _SOURCE_PHRASE_ENDS and j - k < _LONGEST_SOURCE_PHRASE:
        j += 1
    if j - k >= _LONGEST_SOURCE_PHRASE:
        return None
    while j > k and toks[j - 1].text in {".", "'", "’"}:
        j -= 1  # the sentence's full stop
    words = list(toks[k:j])
    body = words[1:] if words and words[0].low in DETERMINERS else words
    if not body or not any(t.text[0].isalpha() for t in body):
        return None
    ends = [x for x in range(1, len(body)) if body[x].low in _AFTER_HEAD]
    head = body[ends[0] - 1] if ends else body[-1]
    people = head.low in GROUP_NOUNS or head.low in _UNNAMED_PEOPLE
    start, end = words[0].start, words[-1].end
    name = " ".join(text[start:end].split())
    return Mention(start, end, "organisation" if people else "report", name=name, generic=True)


# Words that end a speaker's name written after the cue ("said X about ...", "said X in ...").
_AFTER_NAME: Final[frozenset[str]] = frozenset(
    {"about", "after", "before", "during", "in", "at", "on", "with", "from", "to", "over", "as",
     "while", "when", "ahead", "outside", "inside", "last", "this", "today"}
)  # fmt: skip

OBJECT_PRONOUNS: Final[dict[str, str]] = {"him": "he", "her": "she", "them": "they"}


def _noun_ahead(toks: Sequence[Tok], i: int, hi: int) -> bool:
    """A group or document noun within three words after `i`, with only words between:
    "a [just-released] poll", "[early] results"."""
    for d in range(i + 1, min(hi, i + 4)):
        t = toks[d]
        if t.low in DOC_NOUNS or t.low in GROUP_NOUNS:
            return True
        if not (t.text[0].isalnum() or t.text == "-") or t.low in _PREPOSITIONS:
            return False  # "roared [into] Parliament": the noun is in another phrase
    return False
