"""What a capitalised phrase next to a cue is: a person, a title with a name, an organisation, a
place or a document (`classify`, `appositive`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.entities import (
    HONORIFICS,
    PLACES,
)
from corroborate.extract.speakers.lexicon import (
    _COMPANY_WORDS,
    _DASHES,
    _GUARD_FORCE,
    _MALE_HONORIFICS,
    _ORG_DESCRIPTORS,
    _ROLE_LINKS,
    _SPEAKING_ROLES,
    DETERMINERS,
    DOC_NOUNS,
    GROUP_NOUNS,
    MODIFIERS,
    MONTHS,
    ORG_WORDS,
    PRONOUNS,
    SENTENCE_STARTERS,
    SERVICE_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
)
from corroborate.extract.speakers.tokens import (
    Mention,
    Tok,
    _clean_title,
    _common_word,
    _entity_at,
    _is_title_word,
    _numberish,
    _plain_word,
    _stamp_part,
    _titleish,
    tokenize,
)
from corroborate.model import Entity
from corroborate.model.annotations import SourceKind
from corroborate.nlp.names import NAME_PARTICLES

_FEMALE_HONORIFICS: Final[frozenset[str]] = frozenset({"ms", "mrs", "miss", "dame", "lady"})


# Title words that are also common surnames ("Billie Jean King", "John Major", "Harold
# Bishop"). Only these are read as a surname on the word before them alone; any title word
# is a name where the tagger puts it inside a person's name after a first word.
_SURNAME_TITLES: Final[frozenset[str]] = frozenset(
    {"king", "queen", "prince", "bishop", "major", "judge", "pope", "priest", "cardinal",
     "chancellor", "sheriff", "speaker", "host", "coach", "player", "writer", "fellow",
     "partner", "mayor", "sergeant", "marshal", "general", "sen"}
)  # fmt: skip


def _first_name_at(text: str, toks: Sequence[Tok], y: int, entities: Sequence[Entity]) -> bool:
    """Whether toks[y] ends a first name (or first names) that the next word completes:
    "Billie Jean [King]", "Coach Harold [Bishop]". The tagger ends a person's name there, or
    the word follows another name word, a title or an honorific."""
    p = toks[y]
    if not p.cap or p.possessive or not p.text[0].isalpha() or _plain_word(p):
        return False
    if y + 1 < len(toks) and text[p.end : toks[y + 1].start].strip():
        return False  # "Rose, King said": a comma between, two phrases
    if any(e.label == "PERSON" and e.start <= p.start and e.end == p.end for e in entities):
        return True  # the tagger cut the name before its last word
    if y == 0:
        return False
    q = toks[y - 1]
    if text[q.end : p.start].strip():
        return False
    return (q.cap and q.text[0].isalpha() and not _plain_word(q)) or (
        _is_title_word(q) or q.low.strip(".") in HONORIFICS
    )


def _surname_title(text: str, toks: Sequence[Tok], x: int, entities: Sequence[Entity]) -> bool:
    """Whether the capitalised title word toks[x] is part of a person's name, not a title:
    inside a tagged person's name after its first word ("Martin Luther King"), or a common
    surname after a first name ("U.S. captain Billie Jean King"). "King Charles" keeps its
    title: the title word comes first."""
    t = toks[x]
    if not t.cap or not t.text.isalpha() or t.text.isupper():
        return False
    if any(e.label == "PERSON" and e.start < t.start and t.end <= e.end for e in entities):
        return True
    return t.low in _SURNAME_TITLES and x > 0 and _first_name_at(text, toks, x - 1, entities)


def _known_surname(text: str, word: str, entities: Sequence[Entity]) -> bool:
    """Whether the article names a person in full with this title word as the surname
    ("Billie Jean King ... King said"): then the word alone is that person, not a title."""
    for hit in re.finditer(r"\b" + re.escape(word) + r"\b", text):
        toks = tokenize(text, max(0, hit.start() - 60), hit.end())
        if len(toks) >= 2 and _surname_title(text, toks, len(toks) - 1, entities):
            return True
    return False


def _name_title_word(
    text: str, toks: Sequence[Tok], body: Sequence[Tok], x: int, entities: Sequence[Entity]
) -> bool:
    """Whether the title word body[x], in the capitalised tail of a speaker phrase, is a
    surname: after a first name, or standing alone ("King said", "said Ms King") where the
    article names that person in full. Not after "the": "the King said" is a title."""
    if _surname_title(text, body, x, entities):
        return True
    if x != len(body) - 1 or toks[0].low in DETERMINERS:
        return False
    h = x - 1
    if h >= 1 and body[h].text == ".":
        h -= 1  # "Mr." is two tokens
    if h >= 0 and body[h].low.strip(".") in HONORIFICS:
        return body[x].low in _SURNAME_TITLES  # "Mr King", "Ms Bishop": an honorific, a name
    alone = h < 0 or not body[h].cap
    return alone and _known_surname(text, body[x].text, entities)


def classify(text: str, toks: Sequence[Tok], entities: Sequence[Entity]) -> Mention | None:
    """What a noun phrase names: a person (name and title), a group or a document."""
    toks = list(toks)
    if len(toks) == 1 and toks[0].low in PRONOUNS:
        t = toks[0]
        kind: SourceKind = "organisation" if t.low == "it" else "person"
        return Mention(t.start, t.end, kind, pronoun=t.low, gender=PRONOUNS[t.low])
    while toks and toks[0].low in SENTENCE_STARTERS and len(toks) > 1:
        toks = toks[1:]
    while toks and (not toks[-1].text[0].isalnum() or toks[-1].low in WEEKDAYS):
        toks = toks[:-1]  # "Politico on Wednesday", "Twitter Thursday"
        while toks and toks[-1].low in {"on", "last", "this"}:
            toks = toks[:-1]
    if not toks or (len(toks) == 1 and toks[0].low in SENTENCE_STARTERS):
        return None
    while toks and not toks[0].text[0].isalnum():
        toks = toks[1:]  # "- Ukraine said" after a dateline: the dash is no part of a name
    if not toks:
        return None
    if all(t.text.isupper() and len(t.text) > 3 for t in toks if t.text[0].isalpha()) and (
        len(toks) > 1 or _DATELINE_TAIL.match(text, toks[-1].end) is not None
    ):
        return None  # a dateline ("WASHINGTON —"), not a speaker; an acronym may speak
    dash = next((x for x, t in enumerate(toks) if t.text in _DASHES), None)
    if dash is not None and all(_stamp_part(t) for t in toks[:dash]):
        toks = toks[dash + 1 :]  # a live-blog time stamp: "09:41 GMT - the army said"
    if not toks:
        return None
    start, end = toks[0].start, toks[-1].end
    if len(toks) == 1 and toks[0].low in PRONOUNS:
        return Mention(start, end, "person", pronoun=toks[0].low, gender=PRONOUNS[toks[0].low])
    body = toks[1:] if toks[0].low in DETERMINERS else toks
    if not body:
        return None
    if any(t.low in MONTHS for t in body) and all(
        t.low in MONTHS or t.text.isdigit() or t.text in {",", "."} for t in body
    ):
        return None  # "footage published on November 17 indicates": a date speaks for no one
    if _capitalised_title(toks[0], body, entities) or _role_for_a_body(body, entities):
        # "The Taoiseach said", "a spokeswoman for Doctors Without Borders": a person known by
        # a title, whatever the tagger made of its capitals; the person who bears it is found
        # when speakers are resolved
        return Mention(start, end, "person", title=_clean_title(text[start:end]), title_only=True)
    if len(body) == 1 and body[0].low in {"several", "many", "some", "most", "others", "few"}:
        return Mention(start, end, "organisation", name=body[0].text)  # "Several complained"
    if _numberish(body[-1]) or (len(body) >= 3 and body[-2].low == "in" and _numberish(body[-1])):
        return Mention(start, end, "organisation", name=" ".join(text[start:end].split()))
    if _coordinated_places(text, body, entities) or _GUARD_FORCE.search(
        " ".join(t.low for t in body[-2:])
    ):
        # "Egypt and Qatar said", "Italy's coast guard said": states and their services speak
        return Mention(start, end, "organisation", name=" ".join(text[start:end].split()))
    affiliated = _person_of_org(text, body, start, end, entities)
    if affiliated is not None:
        return affiliated
    place = _entity_at(entities, start, end, "LOC")
    if place is not None and _titled_name(text, text[place.start : place.end]):
        # "Nigel X" tagged as a place, written "party leader Nigel X" elsewhere: a person
        ns, ne = place.start, place.end
        return _person(text, start, end, ns, ne, _clean_title(text[body[0].start : ns]), toks)
    if (
        (place is not None and place.start <= body[0].start and place.end >= body[-1].end)
        or (len(body) <= 3 and " ".join(t.low for t in body) in PLACES)
    ) and not _surname_of_a_person(text, body, entities):
        # "Ukraine said", "Moscow says": a country or capital speaks for its government
        return Mention(start, end, "organisation", name=" ".join(text[start:end].split()))
    person = _entity_at(entities, start, end, "PERSON")
    if person is not None and person.end >= body[-1].start:
        ps, pe = _hyphen_extend(text, person.start, person.end, body[0].start, body[-1].end)
        before = text[body[0].start : ps] if body[0].start < ps else ""
        hon = re.search(r"\b(\w+)\.?\s*$", before)
        gender: str | None = None
        if hon is not None and hon.group(1).lower() in HONORIFICS:
            # the tagger left "Mr" out of the name: it is not a title, but it tells the gender
            low = hon.group(1).lower()
            gender = "m" if low in _MALE_HONORIFICS else "f" if low in _FEMALE_HONORIFICS else None
            before = before[: hon.start()]
        found = _person(text, start, end, ps, pe, _clean_title(before), toks)
        found.gender = found.gender or gender
        if _org_not_person(text, ps, pe, entities):
            found.kind = "organisation"
            if (
                body[0].cap
                and body[0].start < ps
                and (_INSTITUTION_HEADS | SERVICE_WORDS) & {body[-1].low}
            ):
                # "the International Ski and Snowboard Federation", tagged in two pieces;
                # "Utility Portland General Electric": the kind of company, then its name
                first = 1 if len(body) > 2 and body[0].low in _ORG_DESCRIPTORS else 0
                found.name = " ".join(text[body[first].start : body[-1].end].split())
                found.title = None
        return _org_by_role(found)
    last = body[-1]
    head = last.low.strip(".’'")
    org = _entity_at(entities, start, end, "ORG")
    titled = any(_titleish(t) and t.low not in ORG_ROLES for t in body[:-1])
    if (
        org is not None
        and org.end >= last.start
        and (
            _surname_of_person(text, org, entities)
            or (_is_title_word(last) and _surname_title(text, body, len(body) - 1, entities))
        )
    ):
        # "X told supporters" where the tagger says ORG but "Marine X" is a person here;
        # "Ada Jo King" tagged ORG: a first name, then a surname that is also a title word
        before_org = text[body[0].start : org.start] if body[0].start < org.start else ""
        return _person(text, start, end, org.start, org.end, _clean_title(before_org), toks)
    of_x = next((x for x, t in enumerate(body) if t.low == "of" and 2 <= x < len(body) - 1), 0)
    if of_x and person is None and _plain_full_name(text, body[:of_x]):
        # "Faik X of the KDP" with the name tagged ORG: the person speaks, the organisation
        # after "of" is the affiliation
        left = body[:of_x]
        if org is not None and org.start >= body[of_x].end:
            found = _person(text, start, end, left[0].start, left[-1].end, None, toks)
            found.title = _clean_title(text[body[of_x].start : body[-1].end])
            return found
    if (
        of_x
        and _plain_full_name(text, body[:of_x])
        and (person is None or person.end <= body[of_x].start)
    ):
        # "Tom Cole of the Oklahoma delegation": a full name, then where the person is from
        left = body[:of_x]
        found = _person(text, start, end, left[0].start, left[-1].end, None, toks)
        found.title = _clean_title(text[body[of_x].start : body[-1].end])
        return found
    if person is None and (_title_of_something(body) or _title_of_a_body(body, entities)):
        # "The Governor of Texas", "the Minister of Defence", "the Chief of Staff": a title
        # and what it is of, no name ("Minister of Defence Rustem Umerov" has one after it)
        return Mention(start, end, "person", title=_clean_title(text[start:end]), title_only=True)
    if org is not None and org.end >= last.start and (head in ORG_WORDS or not titled):
        # (a tagger's ORG over "Chief of Staff Oleksandr Syrskyi" is a title and a name)
        name = org.canonical or text[org.start : org.end]
        if re.search(r"[A-Z][\w’']*\s+(?:for|of)\s+the\s+$", text[body[0].start : org.start]):
            # the tagger cut the name at an inner "the": "Coordination Headquarters for the
            # Treatment of Prisoners of War"
            name = " ".join(text[body[0].start : org.end].split())
        return Mention(start, end, "organisation", name=name)
    phrase = " ".join(text[start:end].split())
    if head in DOC_NOUNS and (not last.cap or len(body) == 1):
        # ("Reports suggest ...": capitalised only by the sentence, a document still)
        return Mention(start, end, "report", name=phrase)
    if head in GROUP_NOUNS and (not last.cap or len(body) == 1 or body[-2].cap is False):
        # groups, and unnamed sources ("a senior official"): named by the phrase as written
        return Mention(start, end, "organisation", name=phrase)
    if _titleish(last) and not last.cap:
        return Mention(start, end, "person", title=_clean_title(text[start:end]), title_only=True)
    if len(body) == 1 and _plural_role(last):
        # "Geologists said": a role in the plural, capitalised only by the sentence, is a group
        return Mention(start, end, "organisation", name=phrase)
    linked = next((x for x, t in enumerate(body) if t.low in _GROUP_LINKS), None)
    if person is None and linked and body[linked - 1].low in GROUP_NOUNS and linked > len(body) - 5:
        # "officials in Brussels", "residents of Kharkiv": a group, and where it is; the place
        # after it is no one's name
        return Mention(start, end, "organisation", name=phrase)
    # "Tom Cole of Oklahoma": the name is before "of", the rest is affiliation
    of_at = [x for x, t in enumerate(body) if t.low == "of" and 0 < x < len(body) - 1]
    if of_at and person is None:
        x = of_at[-1]
        left = body[:x]
        if left[-1].cap and not _is_title_word(left[-1]) and left[-1].low not in ORG_WORDS:
            m = classify(text, left, entities)
            if m is not None and m.kind == "person" and m.name:
                aff = text[body[x].start : body[-1].end]
                m.title = _clean_title(f"{m.title} {aff}" if m.title else aff)
                m.start, m.end = start, end
                return m
    # a capitalised tail is a name, unless it is an organisation's
    i = len(body)
    while i > 0:
        t = body[i - 1]
        w = t.low.strip(".")
        if t.possessive or w in ORG_WORDS or w in HONORIFICS:
            break
        if _is_title_word(t) and not _name_title_word(text, toks, body, i - 1, entities):
            break
        if (
            t.cap
            or (w in NAME_PARTICLES and i < len(body))
            or (t.text == "." and i >= 2 and len(body[i - 2].text) == 1 and body[i - 2].cap)
        ):
            i -= 1
            continue
        break
    has_title = any(_is_title_word(t) for t in body)
    if i == len(body):
        if last.cap and (head in ORG_WORDS or any(t.low.strip(".") in ORG_WORDS for t in body)):
            if len(body) > 2 and body[0].low in _ORG_DESCRIPTORS:
                # "Utility Portland General Electric said": the kind of company, then its name
                phrase = " ".join(text[body[1].start : body[-1].end].split())
            return Mention(start, end, "organisation", name=_clean_title(phrase))
        return None
    if i >= 2 and body[i - 1].low == "of" and _is_title_word(body[i - 2]) and len(body) - i >= 3:
        # "Secretary of State John Kerry", "Chief of Staff Jane Doe": the word after "of"
        # completes the title; a name is rarely three words after it
        i += 1
    name_toks = body[i:]
    if not has_title and any(t.low.strip(".") in ORG_WORDS for t in body[:i]):
        return Mention(start, end, "organisation", name=phrase)
    if len(name_toks) > 4:
        return None
    if len(name_toks) == 1 and i == 0 and _common_word(text, name_toks[0]):
        return None  # "Hours after ...", "Some said": a capitalised word, not a name
    h = i - 1
    if h > 0 and body[h].text == "." and body[h - 1].low in HONORIFICS:
        h -= 1  # "Mr." is two tokens
    honorific = h >= 0 and body[h].low.strip(".") in HONORIFICS
    title = _clean_title(text[body[0].start : body[i - 1].end]) if i > 0 and not honorific else None
    if honorific and h > 0:
        title = _clean_title(text[body[0].start : body[h - 1].end])
    name_start = body[h].start if honorific else name_toks[0].start
    found = _person(text, start, end, name_start, name_toks[-1].end, title, toks)
    if not honorific and len(name_toks) == 1 and _acronym(name_toks[0].text):
        found.kind = "organisation"  # "The NTSB said", "TSMC said": no person is an acronym
    elif (
        not honorific
        and title is None
        and len(name_toks) == 1
        and person is None
        and _introduced_as_organisation(text, name_toks[0].text)
    ):
        found.kind = "organisation"  # "Frontex said", after "the EU border agency Frontex"
    return _org_by_role(found)


@functools.lru_cache(maxsize=256)
def _introduced_as_organisation(text: str, word: str) -> bool:
    """A single capitalised word the article introduces as an organisation: "the EU border
    agency Frontex", "Frontex, the European Union's border agency,". Without such an
    introduction a word alone stays a person: "Trump said" need not say who Trump is.
    (Cached: a report asks about the same word for every mention of it.)"""
    w = re.escape(word)
    for hit in re.finditer(rf"\b([a-z][\w-]*)\s+{w}\b", text):
        if hit.group(1) in _ORG_DESCRIPTORS:
            return True
    apposition = re.compile(
        rf"\b{w}\s*,\s*(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?([a-z][\w-]*)\s*[,.;]"
    )
    return any(hit.group(1) in _ORG_DESCRIPTORS for hit in apposition.finditer(text))


def _coordinated_places(text: str, body: Sequence[Tok], entities: Sequence[Entity]) -> bool:
    """ "Egypt and Qatar", "France, Germany and Italy": every part a place."""
    if not any(t.low == "and" for t in body) or len(body) > 9:
        return False
    parts: list[list[Tok]] = [[]]
    for t in body:
        if t.low in {"and", ","} or t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    if len(parts) < 2 or any(not p for p in parts):
        return False
    for p in parts:
        phrase = " ".join(t.low for t in p)
        tagged = any(
            e.label == "LOC" and e.start == p[0].start and e.end == p[-1].end for e in entities
        )
        if not tagged and phrase not in PLACES:
            return False
    return True


def _surname_of_a_person(text: str, body: Sequence[Tok], entities: Sequence[Entity]) -> bool:
    """A one-word name that is also a place's ("Jordan") but ends a person's name in this
    report ("Neil Jordan ... Jordan said"): the person, not the country."""
    if len(body) != 1 or not body[0].cap:
        return False
    word = body[0].text
    return any(
        e.label == "PERSON"
        and e.end - e.start > len(word)
        and text[e.start : e.end].split()[-1] == word
        for e in entities
    )


def _title_of_something(body: Sequence[Tok]) -> bool:
    """ "Chief of Staff", "Secretary of State": a title word, "of", one or two capitalised
    words, and nothing else."""
    return (
        3 <= len(body) <= 4
        and _is_title_word(body[0])
        and body[0].low not in ORG_WORDS
        and body[1].low == "of"
        and all(t.cap for t in body[2:])
    )


_GROUP_LINKS: Final[frozenset[str]] = frozenset({"in", "at", "from", "of", "on", "aboard", "for"})


def _title_of_a_body(body: Sequence[Tok], entities: Sequence[Entity]) -> bool:
    """ "the governor of the state", "the new mayor of the city", "the head of the agency": a
    person's title, what it is a title of (a few words), and no name; not a body itself ("the
    Ministry of Defence") nor a group of people ("members of the committee")."""
    of_x = next((x for x, t in enumerate(body[:4]) if t.low == "of"), None)
    if of_x is None or of_x == 0 or not 1 <= len(body) - of_x - 1 <= 4:
        return False
    role = body[of_x - 1]
    if not _is_title_word(role) or role.low in ORG_WORDS | GROUP_NOUNS:
        return False
    if any(t.cap and not _is_title_word(t) for t in body[: of_x - 1]):
        return False  # "Kyiv mayor of ...", a name or a place before the title: not this form
    after = body[of_x + 1 :]
    if any(not t.text[0].isalnum() for t in after):
        return False  # a comma, a quotation mark: more than a short phrase
    if _entity_at(entities, after[0].start, after[-1].end, "PERSON") is not None:
        return False
    named = any(
        _entity_at(entities, after[0].start, after[-1].end, label) is not None
        for label in ("LOC", "ORG")
    )
    if after[0].low in DETERMINERS:
        # "the head of the agency"; not when it ends in two capitalised words that no place or
        # body covers: they may be the person's name ("the head of the agency Jane Doe"), left
        # to the rules for names
        return named or not (len(after) >= 3 and after[-1].cap and after[-2].cap)
    # "the mayor of Kyiv", "the governor of New York"; "Minister of Defence Rustem Umerov"
    # names the minister (the tagger may read "Defence Rustem Umerov" as a body)
    place = _entity_at(entities, after[0].start, after[-1].end, "LOC")
    return len(after) == 1 or (place is not None and place.start == after[0].start)


def _plain_full_name(text: str, toks: Sequence[Tok]) -> bool:
    """Two or three capitalised plain words, none an organisation's, a place's, a group's or a
    title: "Faik Nerweyi" (not "Bank", "Ministry", "United States")."""
    if not 2 <= len(toks) <= 3 or " ".join(t.low for t in toks) in PLACES:
        return False
    return all(
        t.text.istitle()
        and t.text.isalpha()
        and t.low not in ORG_WORDS | _COMPANY_WORDS | GROUP_NOUNS | PLACES | SENTENCE_STARTERS
        and not _is_title_word(t)
        for t in toks
    )


def _person_of_org(
    text: str, body: Sequence[Tok], start: int, end: int, entities: Sequence[Entity]
) -> Mention | None:
    """ "John Casesa of Schroder Wertheim & Co.", "Tom Cole of Oklahoma": a tagged person's
    name, then "of" and where they work or come from. The person speaks; the rest is their
    affiliation, kept as the title. The words before "of" must end a PERSON entity, so "the
    Bank of England" and "Secretary of State John Kerry" keep their reading."""
    for x, t in enumerate(body):
        if t.low != "of" or x == 0 or x == len(body) - 1:
            continue
        left = body[:x]
        named = any(
            e.label == "PERSON" and e.end == left[-1].end and e.start >= left[0].start
            for e in entities
        )
        if not named or _is_title_word(left[-1]) or left[-1].low in ORG_WORDS:
            return None
        if any(e.start < t.start and e.end > t.end for e in entities):
            return None  # one entity across the "of": a name with "of" inside it
        m = classify(text, left, entities)
        if m is None or m.kind != "person" or not m.name:
            return None
        aff = text[t.start : body[-1].end]
        m.title = _clean_title(f"{m.title} {aff}" if m.title else aff)
        m.start, m.end = start, end
        return m
    return None


def _acronym(word: str) -> bool:
    return len(word) >= 3 and word.isupper() and word.isalpha()


def _plural_role(t: Tok) -> bool:
    """ "Geologists", "Seismologists": the plural of a role noun."""
    w = t.low
    # (only the -ist/-ian roles by their suffix: "Sanders", "Powers" are surnames)
    return w.endswith(("ists", "ians")) or (w.endswith("s") and w[:-1] in TITLE_WORDS)


# Nouns that name an organisation by what it does: "the grid operator X", "the airline".
ORG_ROLES: Final[frozenset[str]] = frozenset(
    {"airline", "carrier", "operator", "utility", "manufacturer", "planemaker", "carmaker",
     "automaker", "chipmaker", "insurer", "lender", "retailer", "brokerage",
     "company", "firm", "agency", "ministry", "regulator", "watchdog", "bank", "broadcaster",
     "newspaper", "outlet", "union", "party", "council", "committee", "institute", "group",
     "commission", "board", "authority", "department", "bureau", "supplier", "distributor",
     "exporter", "importer", "giant", "conglomerate", "startup"}
)  # fmt: skip

# the head nouns of institutions' names
_INSTITUTION_HEADS: Final[frozenset[str]] = frozenset(
    {"federation", "association", "union", "institute", "university", "ministry", "department",
     "council", "committee", "commission", "agency", "foundation", "organisation",
     "organization", "alliance", "coalition", "bureau", "authority", "society", "league",
     "confederation", "syndicate", "corporation", "company", "bank", "fund", "programme",
     "program", "office", "court", "tribunal", "parliament", "assembly"}
)  # fmt: skip


def _org_by_role(m: Mention) -> Mention:
    """A name behind an organisation's role is that organisation: "the grid operator X"."""
    if m.kind == "person" and m.name and m.title and not m.pronoun:
        words = m.title.lower().split()
        if words and words[-1] in ORG_ROLES and not any(w in TITLE_WORDS for w in words):
            m.kind = "organisation"
    return m


def _org_not_person(text: str, s: int, e: int, entities: Sequence[Entity]) -> bool:
    """A tagger's PERSON that is an organisation: an acronym ("NTSB"), a name with a company
    word ("X Airlines"), or one word the tagger calls ORG elsewhere in the article."""
    name = text[s:e]
    words = name.split()
    if len(words) == 1 and len(name) >= 3 and name.isupper() and name.isalpha():
        return True
    if any(w.lower().strip(".,") in _COMPANY_WORDS for w in words[1:]):
        return True
    if len(words) > 1 and words[-1].lower() in _INSTITUTION_HEADS:
        return True  # "Snowboard Federation": no person's name ends in one
    if words and words[-1].lower().strip(".,") in SERVICE_WORDS:
        return True  # "Cal Fire", "Portland General Electric" (tagged "Electric")
    if len(words) == 1 and (name.lower() in GROUP_NOUNS or _plural_role(Tok(name, s, e))):
        return True  # "Lawmakers said": a group the tagger took for a name
    if len(words) == 1:
        n = len(name)
        if not any(
            x.label == "ORG" and x.end - x.start == n and text[x.start : x.end] == name
            for x in entities
        ):
            # "Boeing shares rose": what only a company has
            return name in _company_names(text)
        return not any(
            x.label == "PERSON" and x.end - x.start > n and name in text[x.start : x.end].split()
            for x in entities
        )
    return False


# what only a company has, right after its name: "Boeing shares", "X's shareholders"
_COMPANY_THINGS: Final = re.compile(
    r"\b([A-Z][\w&-]*?)(?:[’']s?)?\s+(?:shares|stock|shareholders|investors|employees|"
    r"executives|headquarters|factory|factories|plants?|ceo|cfo|chief\s+executive|"
    r"chief\s+financial\s+officer)\b"
)


@functools.lru_cache(maxsize=16)
def _company_names(text: str) -> frozenset[str]:
    """The one-word names an article writes before what only a company has (one pass per
    article: the text is hashed once, so the cache is cheap)."""
    return frozenset(m.group(1) for m in _COMPANY_THINGS.finditer(text))


def _surname_of_person(text: str, org: Entity, entities: Sequence[Entity]) -> bool:
    """A tagger's ORG that is the tail of a full personal name elsewhere ("Marine X" ...
    "X said")."""
    name = text[org.start : org.end]
    if len(name.split()) > 3 or any(w.lower() in _COMPANY_WORDS | ORG_WORDS for w in name.split()):
        return False
    for x in entities:
        if x.label == "PERSON":
            full = text[x.start : x.end]
            if full.endswith(" " + name) and len(full.split()) > len(name.split()):
                return True
            if full == name and len(name.split()) >= 2:
                return True  # the same two words tagged PERSON elsewhere
    return False


_TITLES_AND_HONORIFICS: Final[frozenset[str]] = TITLE_WORDS | HONORIFICS


def _titled_name(text: str, words: str) -> bool:
    """Whether two or more capitalised words are a person's name by the article: written
    after a title or an honorific somewhere ("Reform leader Nigel X")."""
    ws = words.split()
    if (
        len(ws) < 2
        or len(ws) > 3
        or words.lower() in PLACES
        or not all(w[:1].isupper() for w in ws)
    ):
        return False
    if any(w.isupper() for w in ws):
        return False
    for hit in re.finditer(re.escape(words), text):
        before = text[max(0, hit.start() - 20) : hit.start()].split()
        if before and (before[-1].lower().strip(".") in _TITLES_AND_HONORIFICS):
            return True
    return False


_DATELINE_TAIL: Final = re.compile(r"\s*(?:,\s*[A-Z][\w .]{0,30})?\s*(?:\([^)]{0,40}\)\s*)?[—–-]")


def _hyphen_extend(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """A tagger's name cut at a hyphen ("Tsai Ing" of "Tsai Ing-wen", "Luc X" of
    "Jean-Luc X"), grown back to the whole hyphenated word, within [lo, hi)."""
    m = re.match(r"-\w+", text[e:hi])
    if m is not None:
        e += m.end()
    m = re.search(r"\b[A-Z]\w*-$", text[lo:s])
    if m is not None:
        s = lo + m.start()
    return s, e


def _capitalised_title(first: Tok, body: Sequence[Tok], entities: Sequence[Entity]) -> bool:
    """ "The Taoiseach", "The Union Home Minister": "the", capitalised words and a title word
    last, no person named."""
    return (
        first.low == "the"
        and len(body) <= 4
        and _is_title_word(body[-1])
        and body[-1].low not in GROUP_NOUNS
        and all(t.cap or _is_title_word(t) for t in body)
        and _entity_at(entities, body[0].start, body[-1].end, "PERSON") is None
    )


def _role_for_a_body(body: Sequence[Tok], entities: Sequence[Entity]) -> bool:
    """ "spokeswoman for Doctors Without Borders", "representative of Human Rights Watch": a
    role, then whom it speaks for, and no name of the speaker's own after it ("spokesman for
    the ministry Oleg X" names him; "lawyer for Donald Trump" names whom the lawyer serves)."""
    if len(body) < 3 or body[0].low not in _SPEAKING_ROLES or body[1].low not in _ROLE_LINKS:
        return False
    person = _entity_at(entities, body[2].start, body[-1].end, "PERSON")
    if person is None:
        return True
    before = [t for t in body if t.end <= person.start]
    return bool(before) and (before[-1].low in _ROLE_LINKS or before[-1].low == "the")


_ROLE_OF: Final = re.compile(
    r"\b(?:spokes(?:man|woman|person)|representative|lawyer|attorney|official|aide|reporter|"
    r"correspondent|journalist)\s+(?:for|of|at|with|from)$",
    re.IGNORECASE,
)


def _person(
    text: str, start: int, end: int, ns: int, ne: int, title: str | None, toks: Sequence[Tok]
) -> Mention:
    if title is not None and _ROLE_OF.search(title):
        # "A spokesperson for Deltalinqs": the name after the role is whom they speak for
        phrase = _clean_title(text[start:end])
        return Mention(start, end, "person", title=phrase, title_only=True)
    name = " ".join(text[ns:ne].split())
    name = re.sub(r"[’']s?$", "", name)
    first = name.split()[0].lower().strip(".") if name.split() else ""
    gender = "m" if first in _MALE_HONORIFICS else "f" if first in _FEMALE_HONORIFICS else None
    return Mention(
        start, end, "person", name=name, name_start=ns, name_end=ne, title=title, gender=gender
    )


def appositive(text: str, toks: Sequence[Tok]) -> str | None:
    """The title in an apposition ("a Ukrainian MP", "Ukraine’s deputy speaker", "a former
    central bank official now at the Carnegie Russia Eurasia Center in Berlin"), or None."""
    if not toks or len(toks) > 18:
        return None
    first = toks[0]
    if first.low in {"who", "which", "whose", "where", "when", "that", "and", "but", "as"}:
        return None
    titled = any(_is_title_word(t) for t in toks)
    if not (
        first.low in {"a", "an", "the"}
        or first.possessive
        or _is_title_word(first)
        or first.low in MODIFIERS
        or (first.cap and titled)
        or first.text.isdigit()
    ):
        return None
    if (
        first.low not in {"a", "an"}
        and not titled
        and not any(t.low in GROUP_NOUNS or t.possessive for t in toks)
    ):
        return None
    # "a 31-year-old commander who gave only his first name": the relative clause is no title
    end = next((i for i, t in enumerate(toks) if i > 1 and t.low in {"who", "whose"}), len(toks))
    return _clean_title(text[toks[0].start : toks[end - 1].end])
