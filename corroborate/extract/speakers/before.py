"""The speaker phrase before a cue (`subject_before`): "Ukrainian Foreign Ministry spokesman
Georgiy Tykhy said", "military analysts say".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.cues import cue_lemma
from corroborate.extract.entities import (
    PLACES,
)
from corroborate.extract.speakers.classify import appositive, classify
from corroborate.extract.speakers.lexicon import (
    _COMPANY_WORDS,
    _FUNCTION_WORDS,
    _GUARD_FORCE,
    _NAME_LINKS,
    _ORG_DESCRIPTORS,
    _PAST_FORMS,
    _PHRASE_BOUNDS,
    _QUANTIFIERS,
    _SPEAKING_ROLES,
    DETERMINERS,
    DOC_NOUNS,
    GROUP_NOUNS,
    MODIFIERS,
    ORG_WORDS,
    PRONOUNS,
    SENTENCE_STARTERS,
    WEEKDAYS,
)
from corroborate.extract.speakers.tokens import (
    Mention,
    Tok,
    _clean_title,
    _entity_at,
    _is_title_word,
    _numberish,
    _spaced,
    _titleish,
    _verb_form,
    tokenize,
)
from corroborate.model import Entity
from corroborate.nlp.names import NAME_PARTICLES

# Words that may sit between a subject and its cue: "Tykhy has also said".
SKIP_BEFORE_CUE: Final[frozenset[str]] = frozenset(
    {"has", "have", "had", "also", "later", "previously", "recently", "then", "further",
     "again", "repeatedly", "publicly", "once", "already", "earlier", "privately", "reportedly",
     "separately", "similarly", "simply", "flatly", "firmly", "angrily", "quickly", "bluntly",
     "would", "will", "did", "does", "do", "last", "week", "month", "often", "long",
     "since", "first", "initially", "explicitly", "openly", "frequently", "just",
     "even", "actually", "clearly", "ultimately", "confidently", "proudly", "defiantly"}
)  # fmt: skip


def _tagged_org_but_a_person(m: Mention) -> bool:
    """An organisation by the tagger whose name reads as a person's: two to four capitalised
    plain words or name particles ("Laura Lo Castro", "Gurpreet Singh Dhillon"), none an
    organisation's, a group's or a place's. Only trusted with a person's role beside it."""
    words = (m.name or "").split()
    if m.kind != "organisation" or not 2 <= len(words) <= 4 or m.pronoun is not None:
        return False
    if " ".join(words).lower() in PLACES or not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(
        (w.isalpha() and w[0].isupper() and not w.isupper()) or w.lower() in NAME_PARTICLES
        for w in words
    ) and not any(w.lower() in ORG_WORDS | _COMPANY_WORDS | GROUP_NOUNS for w in words)


def _role_words(title: str) -> bool:
    return any(_titleish(t) for t in tokenize(title))


def _person_role(text: str, toks: Sequence[Tok]) -> str | None:
    """The apposition's title when it names a person's role ("UNHCR's representative in
    Chad", "a wheat farmer"), not a kind of organisation ("a utility")."""
    title = appositive(text, toks)
    return title if title is not None and any(_titleish(t) for t in toks) else None


def _as_person(m: Mention, title: str | None, start: int, end: int) -> Mention:
    return Mention(
        start,
        end,
        "person",
        name=m.name,
        name_start=m.start,
        name_end=m.end,
        title=title or m.title,
    )


_TIME_WORDS: Final = frozenset({"late", "early", "earlier", "later", "on", "last", "this"})

_PERIOD_WORDS: Final = frozenset({"week", "month", "year", "weekend", "night", "morning"})

_DAY_PARTS: Final = frozenset({"morning", "afternoon", "evening", "night"})


def _after_time_opener(toks: Sequence[Tok], lo: int, k: int) -> int:
    """Past a time phrase opening the clause, which is no part of the speaker: "On Wednesday
    evening the bank disclosed", "Only two weeks ago Chair Jerome Powell said", "Last week
    the ministry said". `lo` when there is none."""
    i = lo + (lo < k and toks[lo].low == "only")
    ago = next((j for j in range(i, min(k, i + 4)) if toks[j].low == "ago"), None)
    if ago is not None:
        i = ago + 1
    else:
        while i < k and toks[i].low in _TIME_WORDS:
            i += 1
        if not (i < k and (toks[i].low in WEEKDAYS or toks[i].low in _PERIOD_WORDS)) or i == lo:
            return lo
        i += 1
        while i < k and toks[i].low in _DAY_PARTS:
            i += 1
    if i < k and toks[i].text == ",":
        i += 1
    return i if i < k else lo


def subject_before(
    text: str, toks: Sequence[Tok], k: int, lo: int, entities: Sequence[Entity]
) -> Mention | None:
    """The speaker phrase that ends just before token `k` (the cue), not reaching before `lo`."""
    lo = _after_time_opener(toks, lo, k)
    j = k - 1
    while j >= lo and (
        toks[j].low in SKIP_BEFORE_CUE
        or toks[j].low in WEEKDAYS
        or (toks[j].low == "on" and j + 1 < k and toks[j + 1].low in WEEKDAYS)
    ):
        j -= 1
    if j - 1 >= lo and _YEAR_RE.fullmatch(toks[j].text) and toks[j - 1].low in {"in", "since"}:
        j -= 2  # "who in 2010 said"
        while j >= lo and toks[j].low in SKIP_BEFORE_CUE:
            j -= 1
    if (
        j - 2 >= lo
        and toks[j].text == ","
        and toks[j - 1].low in {"however", "though", "too", "meanwhile", "instead", "also"}
        and toks[j - 2].text == ","
    ):
        j -= 3  # "Forbes, however, says"
    if j - 2 > lo and toks[j].text == ",":
        p = j - 1
        while p > lo and toks[p].text not in _PHRASE_BOUNDS:
            p -= 1
        if toks[p].text == "," and _channel_aside(toks[p + 1 : j]):
            j = p - 1  # "The police, in a statement on Tuesday, said": the aside is no name
        elif toks[p].text == "," and _affiliation_aside(toks[p + 1 : j]):
            # "Thandi Ngcobo, of the consultancy Intellidex, said": the person before the
            # aside speaks; the aside says where from
            m = _np_ending(text, toks, p - 1, lo, entities)
            affiliation = _clean_title(text[toks[p + 1].start : toks[j - 1].end])
            if m is not None and m.kind == "person" and m.name and not m.title_only:
                m.title = m.title or affiliation
                return m
            if m is not None and _tagged_org_but_a_person(m):
                return _as_person(m, affiliation, m.start, m.end)
    if j > lo and toks[j].text == ")":
        # "Sen. Elizabeth Warren (D-MA) said": skip the parenthetical
        p = j - 1
        while p > lo and toks[p].text != "(" and j - p < 10:
            p -= 1
        if toks[p].text == "(":
            j = p - 1
    if j < lo:
        return None
    anonymous = _anonymous_group(text, toks, j, lo)
    if anonymous is not None:
        return anonymous
    if toks[j].low in PRONOUNS:
        return classify(text, toks[j : j + 1], entities)
    if toks[j].low == "who" and j - 1 > lo and toks[j - 1].text == ",":
        return _np_ending(text, toks, j - 2, lo, entities)  # "Barkley, who said ..."
    if toks[j].text == ",":
        # apposition: NAME , APPOSITIVE , CUE
        # (several segments: "Marley Anderson, 21, a junior from Las Vegas, said")
        appos: str | None = None
        appos_seg: Sequence[Tok] = ()
        end_seg = j
        head: Mention | None = None
        for _ in range(3):
            p = end_seg - 1
            while p >= lo and toks[p].text not in _PHRASE_BOUNDS:
                p -= 1
            if p < lo and appos_seg and _OPENER_WORD.match(toks[lo].text):
                # "Outside the briefing room, a senior official, who ..., said": the phrase
                # before is where, and the role between the commas is who
                role = classify(text, appos_seg, entities)
                if role is not None:
                    role.end = toks[j].start
                return role
            if p < lo or toks[p].text != ",":
                return None
            seg = toks[p + 1 : end_seg]
            clause = bool(seg) and (
                seg[0].low in {"who", "which", "whose"}
                or seg[0].low.endswith("ing")
                # "The FBI's report, released in September, estimated": a reduced relative
                or (seg[0].low.endswith("ed") and not seg[0].cap and len(seg) > 1)
                or any(t.low in _CLAUSE_WORDS for t in seg)
            )
            if clause:
                # "Barkley, who said he votes democratic, said", "X, speaking on ..., said",
                # "Trump, later alleging that Obama wanted ..., said"; a title may come before
                # the clause: "X, the governor of the region that borders Russia, said"
                cut = next(
                    (x for x, t in enumerate(seg) if t.low in _CLAUSE_WORDS | {"who", "which"}),
                    0,
                )
                appos = appos or (appositive(text, seg[:cut]) if cut >= 2 else None)
            elif not (len(seg) == 1 and seg[0].text.isdigit()):  # not an age
                # "The regulator's chief, SEC Chair Gary X, said": a titled name, not a title
                a = None if _titled_person(text, seg, entities) else appositive(text, seg)
                if a is None:
                    # "The F.B.I. director, James B. Comey, said": the name is the apposition
                    named = classify(text, seg, entities)
                    lead = _title_segment(text, toks, p, lo)
                    if (
                        named is not None
                        and _tagged_org_but_a_person(named)
                        and not _entity_at(entities, named.start, named.end, "LOC")
                    ):
                        # "Its spokesman, Flavio Di Giacomo, told": the role before says who
                        before_role = _np_ending(text, toks, p - 1, lo, entities)
                        if lead is not None or (
                            before_role is not None
                            and before_role.title_only
                            and not re.search(r"\b(?:from|in|of|at)\b", before_role.title or "")
                        ):
                            named = _as_person(named, None, named.start, named.end)
                    if named is None or named.kind != "person" or named.name is None:
                        return None
                    before = _np_ending(text, toks, p - 1, lo, entities) if lead is None else None
                    if lead is not None:
                        # "The acting governor of the Kursk region, Alexei X, said"
                        named.title = named.title or lead[1]
                        named.start = toks[lead[0]].start
                    elif before is not None and (
                        before.title_only or before.kind == "organisation"
                    ):
                        named.title = named.title or before.title or before.name
                        named.start = before.start
                    named.end = toks[j].start
                    return named
                if a is not None and appos is None:
                    appos_seg = seg
                appos = appos or a
            end_seg = p
            if _apposition_before(text, toks, p, lo):
                continue  # "NAME, president of X, which ..., said": the name is further back
            head = _np_ending(text, toks, p - 1, lo, entities)
            if head is not None:
                break
        if head is None or head.pronoun is not None:
            return None
        if appos is not None and _tagged_org_but_a_person(head) and _role_words(appos):
            head = _as_person(head, None, head.start, head.end)  # "X Y Z, a wheat farmer, said"
        if head.kind == "person" and head.name is not None:
            head.title = appos if head.title is None else head.title
        head.end = toks[j].start
        return head
    m = _np_ending(text, toks, j, lo, entities)
    if m is None:
        m = _generic_subject(text, toks, j, lo)
    if m is not None and m.pronoun is None:
        return (
            _coordinated_people(text, toks, m, j, lo, entities)
            or _coordinated(text, toks, m, lo, entities)
            or m
        )
    return m


# a sentence's opening phrase of place, time or topic, never a speaker: "Outside the briefing
# room, ...", "Elsewhere in earnings, ..."
_OPENER_WORD: Final = re.compile(
    r"(?:Outside|Inside|In|At|After|Before|During|Elsewhere|Meanwhile|Separately|Earlier|Later"
    r"|On|From|Amid|Despite|With|Without|Across|Near|Beyond|Since|Under|Over|Back|Speaking)$"
)

_CHANNEL_NOUNS: Final[frozenset[str]] = frozenset(
    {"statement", "statements", "interview", "letter", "post", "video", "speech", "briefing",
     "conference", "tweet", "message", "address", "filing", "broadcast", "release", "email",
     "e-mail", "call", "meeting", "communique", "communiqué"}
)  # fmt: skip


def _channel_aside(seg: Sequence[Tok]) -> bool:
    """ "in a statement", "in an interview on Tuesday", "at a briefing": how a speaker spoke,
    set off by commas between the speaker and the verb."""
    return (
        2 <= len(seg) <= 8
        and seg[0].low in {"in", "on", "at", "via", "through", "during"}
        and any(t.low in _CHANNEL_NOUNS for t in seg[1:4])
    )


def _affiliation_aside(seg: Sequence[Tok]) -> bool:
    """ "of the Johannesburg-based consultancy Intellidex", "from Human Rights Watch": where a
    named speaker is from, set off by commas between the name and the verb."""
    return (
        2 <= len(seg) <= 10
        and seg[0].low in {"of", "from", "at", "with"}
        and any(t.cap for t in seg[1:])
    )


def _coordinated_people(
    text: str, toks: Sequence[Tok], m: Mention, j: int, lo: int, entities: Sequence[Entity]
) -> Mention | None:
    """Named people joined by commas and "and" who speak together: "Treasury Secretary Janet
    Yellen, Fed Chair Jerome Powell and FDIC Chairman Martin Gruenberg said". One group
    source naming them all; otherwise the last name took the others as its title."""
    if m.kind != "person" or m.name is None or m.name_start is None:
        return None
    s = next((x for x, t in enumerate(toks) if t.start == m.start), None)
    if s is None:
        return None
    joins = [x for x in range(s, j + 1) if toks[x].low == "and" and toks[x].end <= m.name_start]
    if not joins:
        return None
    bounds = [(joins[-1] + 1, j), (s, joins[-1] - 1)]
    x = s - 1  # further members before a comma: "A, B and C said"
    while x - 1 >= lo and toks[x].text == ",":
        y = x - 1
        while y - 1 >= lo and toks[y - 1].text not in _SEGMENT_BREAKS:
            y -= 1
        bounds.append((y, x - 1))
        x = y - 1
    names: list[str] = []
    first = m.start
    for a, b in bounds:
        part = classify(text, toks[a : b + 1], entities) if a <= b else None
        if part is None or part.kind != "person" or part.name is None or part.pronoun:
            if len(names) >= 2 and a < s:
                break  # "On Sunday, A and B said": what came before the list is no member
            return None
        names.insert(0, part.name)
        first = toks[a].start
    joined = ", ".join(names[:-1]) + " and " + names[-1]
    return Mention(first, m.end, "organisation", name=joined)


# words that make a comma-delimited segment a clause, never a name or a title
_CLAUSE_WORDS: Final[frozenset[str]] = frozenset(
    {"that", "is", "was", "are", "were", "has", "have", "had", "will", "would"}
)

_SEGMENT_BREAKS: Final[frozenset[str]] = _PHRASE_BOUNDS | {"—", "–"}

# words that show a comma-delimited segment is a clause or an adjunct, not a title
_NOT_IN_TITLE: Final[frozenset[str]] = frozenset(
    {"with", "after", "before", "to", "by", "during", "since", "when", "while", "is", "was",
     "are", "were", "has", "have", "had", "will", "would", "that", "which", "who"}
)  # fmt: skip


def _title_segment(text: str, toks: Sequence[Tok], p: int, lo: int) -> tuple[int, str] | None:
    """A title as its own comma segment before a name in apposition: "[The acting governor
    of the Kursk region], Alexei X, said" -> (index of its first token, the title). Only a
    noun phrase holding a title word, and no verb or clause word."""
    q = p - 1
    while q >= lo and toks[q].text not in _SEGMENT_BREAKS:
        q -= 1
    seg = toks[q + 1 : p]
    if not seg or len(seg) > 12 or (q >= lo and toks[q].text != ","):
        return None
    first = seg[0]
    if first.low in SENTENCE_STARTERS and first.low not in DETERMINERS:
        return None
    if not (first.low in DETERMINERS or first.possessive or first.cap or first.low in MODIFIERS):
        return None
    if not any(_is_title_word(t) for t in seg):
        return None
    if any(t.low in _NOT_IN_TITLE or t.low in _PAST_FORMS or cue_lemma(t.low) for t in seg):
        return None
    title = _clean_title(text[first.start : seg[-1].end])
    return (q + 1, title) if title else None


def _titled_person(text: str, seg: Sequence[Tok], entities: Sequence[Entity]) -> bool:
    """Whether a comma segment is a name behind its title ("SEC Chair Gary X")."""
    if not seg or not seg[-1].cap or len(seg) > 8:
        return False
    m = classify(text, seg, entities)
    if m is None or m.kind != "person" or not m.name or not m.title or m.name_start is None:
        return False
    before = [t for t in seg if t.end <= m.name_start]
    if len(before) >= 2 and before[-1].text == "." and before[-2].cap and len(before[-2].text) <= 5:
        before.pop()  # "Gen. [Oleksandr X]", "Lt. Gen. [Kyrylo X]": a rank's abbreviation
    return bool(before) and _is_title_word(before[-1])  # "Chair [Gary X]", not "from [Las Vegas]"


def _coordinated(
    text: str, toks: Sequence[Tok], m: Mention, lo: int, entities: Sequence[Entity]
) -> Mention | None:
    """Two speakers joined by "and" after the content: "CONTENT, the insurer and state
    officials said". Named together, as a group; only right after a comma or dash."""
    if not text[max(0, m.start - 5) : m.start].rstrip().endswith("and"):
        return None
    fi = next((x for x, t in enumerate(toks) if t.start == m.start), None)
    if fi is None or fi - 2 < lo or toks[fi - 1].low != "and":
        return None
    left = _np_ending(text, toks, fi - 2, lo, entities) or _generic_subject(text, toks, fi - 2, lo)
    if left is None or left.pronoun is not None:
        return None
    li = next((x for x, t in enumerate(toks) if t.start == left.start), None)
    if li is None or li - 1 < lo or toks[li - 1].text not in {",", "—", "–"}:
        return None
    phrase = " ".join(text[left.start : m.end].split())
    return Mention(left.start, m.end, "organisation", name=phrase)


_YEAR_RE: Final = re.compile(r"(?:1[89]|20)\d\d")


def _apposition_before(text: str, toks: Sequence[Tok], p: int, lo: int) -> bool:
    """Whether the comma-delimited segment ending at token `p` (a comma) is an apposition or
    an age with another comma before it: "NAME, 56, who ...", "NAME, the party chair, who"."""
    q = p - 1
    while q >= lo and toks[q].text not in _PHRASE_BOUNDS:
        q -= 1
    if q < lo or toks[q].text != "," or q + 1 >= p:
        return False
    seg = toks[q + 1 : p]
    if len(seg) == 1 and seg[0].text.isdigit():
        return True
    return not seg[0].cap and appositive(text, seg) is not None


_HYPHEN_MODIFIER_TAILS: Final[frozenset[str]] = frozenset(
    {"run", "owned", "controlled", "backed", "funded", "affiliated", "linked", "based"}
)


def _np_ending(
    text: str, toks: Sequence[Tok], j: int, lo: int, entities: Sequence[Entity]
) -> Mention | None:
    if j < lo:
        return None
    i = j
    saw_head_noun = (
        toks[j].low in GROUP_NOUNS
        or toks[j].low in DOC_NOUNS
        or (j > lo and _GUARD_FORCE.match(f"{toks[j - 1].low} {toks[j].low}") is not None)
    )
    while i >= lo:
        t = toks[i]
        w = t.low
        if i < j and w in _NAME_LINKS and _inside_organisation(entities, t):
            i -= 1  # "Save the Children said": a small word inside a tagged name
            continue
        if w in DETERMINERS and i < j:
            if not _inner_the(toks, i, lo, j):
                break
            i -= 1
            continue
        if w in PRONOUNS:
            return None
        if t.cap or t.possessive or _is_title_word(t) or w in GROUP_NOUNS or w in DOC_NOUNS:
            i -= 1
            continue
        if w == "-" and _spaced(text, t):
            break  # "(Wire) - TSMC said": a dash after a dateline, not inside a name
        if w in MODIFIERS or w == "-" or w.isdigit() or (i == j and _titleish(t)):
            i -= 1
            continue
        if i < j and _ORDINAL.fullmatch(w):
            i -= 1  # "the 93rd brigade", "the 3rd Assault Brigade"
            continue
        if i < j and "-" in w and w.rsplit("-", 1)[-1] in _HYPHEN_MODIFIER_TAILS:
            i -= 1  # "state-run Damascus Radio", "government-owned newspapers"
            continue
        if _numberish(t) or (
            w == "in" and i < j and _numberish(toks[i + 1]) and i > lo and _numberish(toks[i - 1])
        ):
            i -= 1  # "Sixty-six percent", "Six in 10"
            continue
        if not t.cap and w.isalpha() and w not in _FUNCTION_WORDS and w not in DETERMINERS:
            nxt = toks[i + 1] if i + 1 <= j else None
            if _titleish(t) and nxt is not None and (nxt.cap or _titleish(nxt)):
                i -= 1  # "hydrologist Lena Okafor", "harbour master Anna Vick"
                continue
            if (
                nxt is not None
                and _titleish(nxt)
                and not _titleish(t)
                and i + 1 < j
                and not _verb_form(w)
            ):
                i -= 1  # a noun modifier of a role: "fire chief", "harbour master"
                continue
        if w == "." and i > lo and i < j and toks[i - 1].cap and len(toks[i - 1].text) <= 4:
            i -= 1  # "Rep. Tom Cole", "Sen. Marco Rubio"
            continue
        if w == "." and i == j and i > lo and toks[i - 1].low in _NAME_END_ABBREVIATIONS:
            i -= 1  # "Ferdinand Marcos Jr. said", "Sony Group Corp. said"
            continue
        if (
            saw_head_noun
            and i >= j - 2
            and w.isalpha()
            and w not in _FUNCTION_WORDS
            and w not in _CLAUSE_BREAKS
            and w not in SKIP_BEFORE_CUE
            and w not in SENTENCE_STARTERS
            and not w.endswith("ly")
        ):
            i -= 1  # modifiers of a group or document: "the transport ministry"
            continue
        if w in {"of", "for", "and", "to", "on", "&"} and i > lo and i < j:
            prev, nxt = toks[i - 1], toks[i + 1]
            if (prev.cap or _is_title_word(prev)) and (
                nxt.cap or _is_title_word(nxt) or _inner_the(toks, i + 1, lo, j)
            ):
                i -= 1
                continue
        break
    first = i + 1 if (i < lo or toks[i].low not in DETERMINERS) else i
    if first > j:
        return None
    first = _quantified(toks, first, lo)
    m = classify(text, toks[first : j + 1], entities)
    owner = _person_of_described_org(text, toks, first, j, lo, m, entities)
    if owner is not None:
        return owner
    if m is not None and m.pronoun is None and first - 2 >= lo and toks[first - 1].low in _PP_HEADS:
        head = _pp_head(text, toks, first, lo, entities)
        if _titled_by(m, head, toks[first - 1].low):
            # "The deputy head of the presidential office for regional policy Oleksiy X": a
            # full name behind a title with its own prepositions; the title runs from the head
            # of the phrase to the name
            while head is not None and _titled_by(m, head, toks[first - 1].low):
                m.title = _clean_title(text[head.start : m.name_start or m.start])
                m.start = head.start
                first = next(x for x, t in enumerate(toks) if t.start == head.start)
                head = _pp_head(text, toks, first, lo, entities) if first - 2 >= lo else None
            return m
        if head is not None:
            # "Our correspondent in Kyiv", "Officials in the city of X": the speaker is the
            # head noun, the place or body after the preposition only qualifies it
            phrase = " ".join(text[head.start : m.end].split())
            if head.kind == "person" and head.name is None:
                head.title = _clean_title(phrase)
            elif head.kind != "person":
                head.name = phrase
            head.end = m.end
            return head
    if m is not None and first - 2 >= lo and toks[first - 1].low in {"from", "by", "of"}:
        # "a statement from the company", "a report by the ministry": the document speaks
        doc = _np_ending(text, toks, first - 2, lo, entities)
        if doc is not None and doc.kind == "report":
            doc.end = m.end
            doc.name = " ".join(text[doc.start : m.end].split())
            return doc
    return m


def _person_of_described_org(
    text: str,
    toks: Sequence[Tok],
    first: int,
    j: int,
    lo: int,
    m: Mention | None,
    entities: Sequence[Entity],
) -> Mention | None:
    """ "Sarah Jones of the firm Brightline", "a doctor with the charity Médecins Sans
    Frontières", "Tom Cole of the Oklahoma delegation": the person before "of/with/at the
    <organisation>", with the organisation as the affiliation; None when no person is named
    or described there."""
    if m is None:
        # no name of its own ("the Oklahoma delegation"): a body only if it names a place or
        # an organisation, and only when a named person comes before it
        phrase = toks[first : j + 1]
        if not phrase or phrase[0].low != "the" or not any(t.cap for t in phrase[1:]):
            return None
        m = Mention(phrase[0].start, phrase[-1].end, "organisation", name=None)
        named_only = True
    elif m.pronoun is not None:
        return None
    else:
        named_only = False
    k = first - 1
    described = k >= lo and toks[k].low in _ORG_DESCRIPTORS
    if m.kind == "person" and not described:
        return None  # "Tom Cole of Oklahoma" is read whole by `classify`
    if described:
        k -= 1
    if k >= lo and toks[k].low in {"the", "a", "an"}:
        k -= 1
    if k - 1 < lo or toks[k].low not in {"of", "at", "from", "with"}:
        return None
    person = _np_ending(text, toks, k - 1, lo, entities)
    if person is None or person.kind != "person" or person.pronoun:
        return None
    if not person.name and (named_only or not person.title_only):
        return None
    affiliation = " ".join(text[toks[k].start : m.end].split())
    person.title = _clean_title(f"{person.title} {affiliation}" if person.title else affiliation)
    person.end = m.end
    return person


def _titled_by(m: Mention, head: Mention | None, prep: str) -> bool:
    """Whether `head` + `prep` before the full name `m` is the person's title ("the deputy
    head of", "the presidential office for"), not a group the name only qualifies."""
    if head is None or m.kind != "person" or not m.name or len(m.name.split()) < 2:
        return False
    role = (head.title or "").lower().split()[-1:]
    if head.kind == "person" and prep == "from" and role and role[0] in _SPEAKING_ROLES:
        return False  # "a reporter from Al Jazeera": the body they work for, no name of theirs
    if head.kind == "person":
        return head.name is None and head.title_only
    return head.kind == "organisation" and prep in {"of", "for", "at"} and not head.generic


def _quantified(toks: Sequence[Tok], first: int, lo: int) -> int:
    """Where a group speaker starts when a quantifier comes before it: "[Many of the 1.1
    million] refugees said"."""
    i = first - 1
    while i >= lo and (_numberish(toks[i]) or toks[i].low in {"the", "these", "those", "its"}):
        i -= 1
    if i - 1 >= lo and toks[i].low == "of" and toks[i - 1].low in _GROUP_QUANTIFIERS:
        start = i - 1
        if start - 1 >= lo and toks[start - 1].low in {"the", "a"}:  # "the majority of"
            start -= 1
        return start
    return first


# ... and the words that may stand before "of" at the head of a group speaker ("Many of the
# 1.1 million refugees", "the majority of voters")
_GROUP_QUANTIFIERS: Final[frozenset[str]] = _QUANTIFIERS | {
    "none", "half", "dozens", "hundreds", "thousands", "two", "three", "four", "five", "each",
    "majority", "minority",
}  # fmt: skip


# abbreviations that end a name, written with a full stop before the verb
_NAME_END_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"jr", "sr", "corp", "co", "ltd", "inc", "bros", "plc", "llc", "llp"}
)

_ORDINAL: Final = re.compile(r"\d+(?:st|nd|rd|th)")

_PP_HEADS: Final[frozenset[str]] = frozenset({"in", "at", "on", "from", "of", "for", "near"})


# "people familiar with the matter", "sources close to the talks", "officials briefed on it"
_INFORMED: Final[frozenset[str]] = frozenset(
    {"familiar", "close", "knowledgeable", "briefed", "privy", "involved"}
)
_INFORMED_LINKS: Final[frozenset[str]] = frozenset({"with", "to", "on", "about", "in"})


def _anonymous_group(text: str, toks: Sequence[Tok], j: int, lo: int) -> Mention | None:
    """ "Two people familiar with the bank's thinking [said]": unnamed sources described by
    what they know, credited as a group with the whole phrase as their name."""
    for a in range(j - 1, max(lo, j - 9), -1):
        if toks[a].text in _PHRASE_BOUNDS:
            return None
        if toks[a].low in _INFORMED and toks[a + 1].low in _INFORMED_LINKS and a - 1 >= lo:
            head = a - 1
            if toks[head].low not in GROUP_NOUNS and toks[head].low not in {"people", "person"}:
                return None
            start = head
            while (
                start - 1 >= lo
                and head - start < 3
                and toks[start - 1].text[0].isalnum()
                and toks[start - 1].low not in _CLAUSE_BREAKS
                and toks[start - 1].low not in SKIP_BEFORE_CUE
            ):
                start -= 1  # "two senior U.S. officials", "three OPEC+ sources"
            if start > lo and toks[start - 1].low in DETERMINERS:
                start -= 1
            name = " ".join(text[toks[start].start : toks[j].end].split())
            return Mention(toks[start].start, toks[j].end, "organisation", name=name, generic=True)
    return None


def _inside_organisation(entities: Sequence[Entity], t: Tok) -> bool:
    return any(e.label == "ORG" and e.start < t.start and t.end < e.end for e in entities)


def _inner_the(toks: Sequence[Tok], i: int, lo: int, j: int) -> bool:
    """ "the" inside a name: "Coordination Headquarters for [the] Treatment of Prisoners"."""
    return (
        toks[i].low == "the"
        and lo + 1 < i < j
        and toks[i - 1].low in {"of", "for"}
        and toks[i - 2].cap
        and toks[i + 1].cap
    )


def _pp_head(
    text: str, toks: Sequence[Tok], first: int, lo: int, entities: Sequence[Entity]
) -> Mention | None:
    """The noun phrase a prepositional phrase hangs on, when it can speak: a role ("our
    correspondent", "a lawmaker"), a group ("officials") or a body ("the defence ministry").
    Through at most two places: "officials in the western city of X"."""
    p = first
    for _ in range(3):
        if p - 2 < lo or toks[p - 1].low not in _PP_HEADS:
            return None
        j = p - 2
        if toks[j].cap and not (toks[j].low in GROUP_NOUNS or _is_title_word(toks[j])):
            return None  # "Tom Cole of Oklahoma" is handled by classify; names do not nest here
        i = j
        while i > lo and toks[i - 1].text[0].isalpha() and toks[i - 1].low not in _CLAUSE_BREAKS:
            if toks[i - 1].low in DETERMINERS or toks[i - 1].low in _PP_HEADS:
                break
            i -= 1
        if i > lo and toks[i - 1].low in DETERMINERS:
            i -= 1
        head = toks[j].low
        if head in _PLACE_NOUNS and i - 1 > lo and toks[i - 1].low in _PP_HEADS:
            p = i  # "officials in the city of X": the city is where, not who ("the city said")
            continue
        if head in GROUP_NOUNS or head in DOC_NOUNS or _titleish(toks[j]):
            h = classify(text, toks[i : j + 1], entities)
            if h is None or h.pronoun is not None or (h.kind == "person" and h.name):
                return None
            return h
        if head not in _PLACE_NOUNS:
            return None
        p = i
    return None


_PLACE_NOUNS: Final[frozenset[str]] = frozenset(
    {"city", "town", "village", "region", "province", "state", "county", "district", "capital",
     "port", "area", "country", "island", "oblast", "republic"}
)  # fmt: skip


_CLAUSE_BREAKS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "“", "”", '"', "‘", "’", "(", ")", "—", "–", "that", "which", "who", "whom",
     "and", "but", "or", "because", "while", "when", "if", "as", "than", "where", "."}
)  # fmt: skip

_VERB_WORDS: Final[frozenset[str]] = frozenset(
    {"to", "was", "were", "is", "are", "had", "has", "have", "been", "be", "would", "will",
     "could", "can", "did", "does", "do", "not", "no", "never", "should", "might", "may"}
)  # fmt: skip

_NOT_SUBJECT_HEADS: Final[frozenset[str]] = frozenset(
    {"that", "this", "it", "which", "what", "there", "here", "so", "also", "then", "not",
     "to", "be", "been", "being", "is", "was", "were", "are", "has", "have", "had", "who"}
)  # fmt: skip


def _generic_subject(text: str, toks: Sequence[Tok], j: int, lo: int) -> Mention | None:
    """A plain noun phrase as speaker: "people briefed on the move", "Iowa biofuels
    advocates", "the partner". Only the words back to the start of the clause."""
    if j < lo or not toks[j].text[0].isalpha():
        return None
    head = toks[j].low
    if head in _NOT_SUBJECT_HEADS or head in _CLAUSE_BREAKS or head in SENTENCE_STARTERS:
        return None
    if head in DETERMINERS or head in _FUNCTION_WORDS or head in SKIP_BEFORE_CUE:
        return None
    if toks[j].low.endswith(("ed", "ing", "ly")) and toks[j].low not in GROUP_NOUNS:
        return None  # "he was surprised and said", "stopped talking and said"
    i = j
    while (
        i - 1 >= lo
        and toks[i - 1].low not in _CLAUSE_BREAKS
        and not (toks[i - 1].text == "-" and _spaced(text, toks[i - 1]))
        and j - i < 7
    ):
        i -= 1
    if j - i >= 7:
        return None
    opened = i
    while i < j and toks[i].low in SENTENCE_STARTERS and toks[i].low != "both":
        i += 1  # ("both sides" keeps its quantifier)
    for p in range(i + 1, j):
        if i > opened and toks[p].low in {"the", "a", "an"} and all(t.cap for t in toks[i:p]):
            i = p  # "In Kyiv the president said": after the place, the phrase's own article
            break
    if any(t.low in _VERB_WORDS or t.low.endswith("ly") for t in toks[i : j + 1]):
        return None  # "spoke anonymously to discuss strategy": a verb phrase, not a subject
    start, end = toks[i].start, toks[j].end
    phrase = " ".join(text[start:end].split())
    if toks[j].low.endswith("s") or toks[j].low in {"people", "police", "staff"}:
        return Mention(start, end, "organisation", name=phrase, generic=True)
    return Mention(start, end, "person", title=_clean_title(phrase), title_only=True, generic=True)
