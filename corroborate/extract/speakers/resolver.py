"""`SpeakerResolver`: a speaker phrase, pronoun or bare title resolved to the fullest name in the
article, with its title and kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from corroborate.extract.entities import (
    HONORIFICS,
    PLACES,
    fullest_form,
    introduced_alone,
    name_tokens,
)
from corroborate.extract.speakers.after import np_after
from corroborate.extract.speakers.before import _np_ending
from corroborate.extract.speakers.classify import _titled_name
from corroborate.extract.speakers.lexicon import (
    _COMPANY_WORDS,
    _DASHES,
    _MALE_HONORIFICS,
    _QUANTIFIERS,
    DETERMINERS,
    GROUP_NOUNS,
    MODIFIERS,
    ORG_WORDS,
    SENTENCE_STARTERS,
    TITLE_WORDS,
)
from corroborate.extract.speakers.tokens import Mention, Tok, _stamp_part, _titleish, tokenize
from corroborate.model import Entity, Speaker


def _opens_with(text: str, start: int, name: str) -> bool:
    """Whether the sentence at `start` opens with `name` as its only subject ("Boeing shares
    fell", not "Nordwind Airways and Sudair Airlines both cut")."""
    m = re.match(r"\W*(?:the\s+)?" + re.escape(name) + r"\b", text[start : start + 300])
    return m is not None and _COORDINATOR.match(text, start + m.end()) is None


_COORDINATOR: Final = re.compile(r"\s+(?:and|or|&)\s")

_PLACE_LEAD: Final[frozenset[str]] = frozenset({"the", "in", "at", "near", "outside", "inside"})

# Words before a name that show it is not the subject of its sentence.
_SUBJECT_BLOCKERS: Final[frozenset[str]] = frozenset(
    {"in", "at", "to", "from", "with", "after", "before", "by", "for", "against", "when",
     "while", "as", "than", "said", "told", "that", "and", "but", "which", "who", "met"}
)  # fmt: skip

# words that open a phrase of place or time before a sentence's subject ("At a recent event in
# Coralville, Iowa, Mr. Bush ...")
_PLACE_TIME_OPENERS: Final = frozenset(
    {"at", "in", "on", "by", "after", "during", "over", "from", "for", "these", "those", "this",
     "last", "earlier", "later", "outside", "inside", "speaking", "addressing", "with"}
)  # fmt: skip


def _state_after(toks: Sequence[Tok], comma: int) -> bool:
    """ "in Coralville, Iowa, ...": a comma between a town and its state or country, not the
    end of the opening phrase."""
    nxt = toks[comma + 1]
    return nxt.cap and toks[comma + 2].text == "," and nxt.low not in _OPENERS


# words that open a subordinate clause before the main one ("But as Mr. Sanders campaigned")
# a sentence opening with one is about something else first ("With Nusra fighters playing ...,
# they said"): the group after it is no subject
_PREPOSITIONS: Final = frozenset(
    {"at", "in", "on", "by", "after", "during", "over", "from", "for", "with", "without",
     "outside", "inside", "amid", "despite", "before", "under", "among"}
)  # fmt: skip


_SUBORDINATORS: Final = frozenset(
    {"as", "when", "while", "after", "before", "because", "since", "although", "though", "once",
     "until", "whenever"}
)  # fmt: skip

# (a title's abbreviation ends no sentence: "Asked by Rep. Nancy Mace why ...")
_SENT_END_RE: Final = re.compile(
    r"(?:"
    + "".join(
        rf"(?<!\b{a})"
        for a in ("Rep", "Sen", "Gov", "Gen", "Mrs", "Mr", "Ms", "Dr", "St", "Jr", "Col", "Lt",
                  "Sgt", "Capt", "Prof", "Adm", "Maj", "Rev", "Hon", "Cmdr", "Supt", "Insp", "Det")
    )
    + r"\.|[!?])[”\"’']?\s+|\n"
)  # fmt: skip

_OPENERS: Final[frozenset[str]] = frozenset(
    {"meanwhile", "but", "and", "yet", "however", "still", "so", "also", "then", "earlier",
     "later", "separately", "similarly", "finally", "indeed", "now", ","}
)  # fmt: skip


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (after ". ", a line break, a closing quote)."""
    start = 0
    for hit in _SENT_END_RE.finditer(text, max(0, pos - 400), pos):
        start = hit.end()
    return start


def _subject_lead(word: str) -> bool:
    """A word that may stand before a sentence's subject name: its title, an opening adverb
    ("Prime Minister", "Russia's chief of the general staff,", "Meanwhile")."""
    w = word.lower()
    if w in _SUBJECT_BLOCKERS:
        return False
    return (
        word[:1].isupper()
        or w in TITLE_WORDS
        or w in MODIFIERS
        or w in DETERMINERS
        or w in SENTENCE_STARTERS
        or w in {"of", "for", "s"}
        or w.isdigit()
        or _titleish(Tok(word, 0, len(word)))
    )


_ROLE_PHRASE_RE: Final = re.compile(
    r"(?:the|its)\s+(?:(?P<modifier>[a-z]+)\s+)?"
    r"(?P<role>airline|carrier|company|firm|ministry|agency|regulator|operator|utility|"
    r"manufacturer|planemaker|carmaker|automaker|chipmaker|insurer|lender|retailer|bank|group|"
    # bodies named by the word their name ends with: "The commission said", "the weather
    # service", "the centre warned"
    r"commission|centre|center|bureau|service|authority|council|committee|institute|"
    r"organisation|organization|foundation|federation|association|union|observatory|court|"
    r"watchdog|tribunal|department|fund|office|administration|monitor)",
    re.IGNORECASE,
)

_BODIES: Final = frozenset({"centre", "center"})

# words before a role that do not tell one body from another: "the same company", "the new
# commission"
_NOT_MODIFIERS: Final = frozenset(
    {"same", "new", "former", "main", "other", "whole", "entire", "national", "federal", "state",
     "local", "regional", "global", "international", "country's", "nation's", "city's"}
)  # fmt: skip

_ROLE_KINDS: Final[dict[str, frozenset[str]]] = {
    "airline": frozenset({"airlines", "airline", "airways", "air"}),
    "carrier": frozenset({"airlines", "airline", "airways", "air"}),
    "ministry": frozenset({"ministry"}),
    "agency": frozenset({"agency", "administration", "bureau", "service", "office"}),
    "regulator": frozenset({"agency", "administration", "authority", "commission", "regulator"}),
    "bank": frozenset({"bank"}),
    "centre": _BODIES,
    "center": _BODIES,
    "organization": frozenset({"organization", "organisation"}),
    "organisation": frozenset({"organization", "organisation"}),
    "watchdog": frozenset({"watchdog", "authority", "commission", "regulator", "agency"}),
    "monitor": frozenset({"monitor", "observatory"}),
    **{
        w: frozenset({w})
        for w in (
            "commission", "bureau", "service", "authority", "council", "committee", "institute",
            "foundation", "federation", "association", "union", "observatory", "court",
            "tribunal", "department", "fund", "office", "administration",
        )
    },
}  # fmt: skip

_NOT_COMPANY: Final[frozenset[str]] = frozenset(
    {"ministry", "agency", "administration", "government", "parliament", "council", "committee",
     "party", "court", "police", "army", "force", "forces", "navy", "board", "commission",
     "bureau", "union", "university", "office", "department", "service", "senate", "house",
     "congress", "authority", "front", "rally", "league", "nato", "un", "eu", "reserve",
     "centre", "center", "institute", "foundation", "federation", "association",
     "organisation", "organization", "observatory", "tribunal"}
)  # fmt: skip


def _cut_at_kind(name: str, role: str) -> str:
    """A tagger's organisation run on into the next name ("X Airlines Boeing") cut after
    the word that says its kind."""
    kinds = _ROLE_KINDS.get(role)
    words = name.split()
    if kinds is None:
        return name
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in kinds:
            if words[i + 1 : i + 2] and words[i + 1][:1].islower():
                return name  # "Commission on Human Rights": the name goes on
            return " ".join(words[: i + 1])
    return name


def _fits_role(name: str, role: str) -> bool:
    """Whether an organisation's name fits the role it is referred to by."""
    words = {re.sub(r"[’']s?$", "", w.lower().strip(".,")) for w in name.split()}
    kinds = _ROLE_KINDS.get(role)
    if kinds is not None:
        return bool(words & kinds)
    if name.isupper() or name.lower() in PLACES:
        return False  # an acronym is more often an agency than a company
    return not (words & _NOT_COMPANY)


# "Zycie Warszawy daily": the word that makes the name before it an outlet's.
_OUTLET_WORDS: Final[frozenset[str]] = frozenset(
    {"daily", "newspaper", "paper", "weekly", "agency", "radio", "television", "magazine",
     "news agency", "tv", "website", "broadcaster"}
)  # fmt: skip


def _outlet_of(org: str, name: str) -> bool:
    return org[len(name) + 1 :].lower() in _OUTLET_WORDS


_FEMALE_TITLES: Final[frozenset[str]] = frozenset(
    {"woman", "mother", "wife", "daughter", "sister", "actress", "queen", "princess",
     "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman", "girl",
     "grandmother", "widow", "mrs", "ms"}
)  # fmt: skip

_MALE_TITLES: Final[frozenset[str]] = frozenset(
    {"man", "father", "husband", "son", "brother", "actor", "king", "prince", "spokesman",
     "chairman", "businessman", "congressman", "councilman", "boy", "grandfather", "widower",
     "mr"}
)  # fmt: skip


def _title_gender(title: str | None) -> str | None:
    """The gender a title's own words tell: "a 30-year-old woman", "the company's spokesman"."""
    if not title:
        return None
    words = set(re.findall(r"[a-z]+", title.lower()))
    female, male = bool(words & _FEMALE_TITLES), bool(words & _MALE_TITLES)
    return "f" if female and not male else "m" if male and not female else None


@dataclass(slots=True)
class _Person:
    name: str
    title: str | None = None
    gender: str | None = None


_BE_FORMS: Final[frozenset[str]] = frozenset({"was", "were", "is", "are", "be", "been"})
_OTHER_GENDER: Final[dict[str, frozenset[str]]] = {
    "m": frozenset({"she", "her", "hers", "herself"}),
    "f": frozenset({"he", "him", "his", "himself"}),
    "": frozenset(),
}


class SpeakerResolver:
    """Resolves mentions in reading order: names to their fullest form, titles carried over,
    pronouns and bare titles to the person they stand for."""

    def __init__(self, text: str, entities: Sequence[Entity], mentions: Sequence[Mention]):
        self.text = text
        names = [e.canonical or text[e.start : e.end] for e in entities if e.label == "PERSON"]
        names += [m.name for m in mentions if m.kind == "person" and m.name]
        self.full_names = [" ".join(n.split()) for n in names]
        # "said Oleksandr, a 31-year-old commander": never the article's Oleksandr Syrskyi
        self.alone = introduced_alone(
            text, [(e.start, e.end) for e in entities if e.label == "PERSON"]
        )
        # canonical() depends only on its argument and `full_names`: cleared when that grows.
        self._canonical: dict[str, str] = {}
        self.people: dict[str, _Person] = {}
        self.entities = entities
        surnames = (name_tokens(m.name) for m in mentions if m.kind == "person" and m.name)
        for surname in dict.fromkeys(t[0] for t in surnames if len(t) == 1):
            self._harvest(surname)  # once per surname: a second search finds the same
        self.person_entities = sorted(
            (e for e in entities if e.label == "PERSON"), key=lambda e: e.start
        )
        for m in mentions:  # titles and genders are facts about the person, wherever found
            if m.kind == "person" and m.name:
                p = self._person(self.canonical(m.name))
                p.title = p.title or m.title
                p.gender = p.gender or m.gender or _title_gender(m.title)
        self.history: list[tuple[int, Speaker]] = []
        self._honorific_checked: set[str] = set()
        # entities a pronoun's antecedent may be, kept until `full_names` grows (it decides
        # which tagged places are people): not rebuilt for every pronoun
        self._antecedents: tuple[int, list[Entity]] = (-1, [])

    def _antecedent_entities(self) -> list[Entity]:
        if self._antecedents[0] != len(self.full_names):
            ents = [
                e
                for e in self.entities
                if (e.label != "LOC" or self._named_person(e))
                and not (e.label == "ORG" and self._name_like(e))
            ]
            self._antecedents = (len(self.full_names), ents)
        return self._antecedents[1]

    def _name_like(self, e: Entity) -> bool:
        """A tagger's organisation that reads as a personal name ("Israel Katz"): two or three
        capitalised words, none an organisation's or a place's, no "the" before it. Only a
        pronoun's antecedent search uses this: "he"/"she" already says it is a person."""
        words = self.text[e.start : e.end].split()
        if not 2 <= len(words) <= 3 or self.text[max(0, e.start - 4) : e.start].lower() == "the ":
            return False
        return (
            all(
                w.istitle()
                and w.isalpha()
                and w.lower() not in ORG_WORDS | _COMPANY_WORDS | GROUP_NOUNS
                and w.lower() not in PLACES
                for w in words[1:]
            )
            and words[0].istitle()
            and words[0].lower() not in ORG_WORDS | GROUP_NOUNS
        )

    def _harvest(self, surname: str) -> None:
        """Find the full form of a bare surname elsewhere in the text ("Ms Lenz" -> "Port
        official Maria Lenz"), with the title written there."""
        for hit in re.finditer(r"\b" + re.escape(surname) + r"\b", self.text, re.IGNORECASE):
            lo = max(self.text.rfind("\n", 0, hit.start()) + 1, hit.start() - 200)
            toks = tokenize(self.text, lo, hit.end())
            if len(toks) < 2:
                continue
            m = _np_ending(self.text, toks, len(toks) - 1, 0, self.entities)
            if m is None or m.kind != "person" or not m.name or m.title_only:
                continue
            if m.title and re.search(r"(?:\band|&)$", m.title):
                m.title = None  # "Nolan X and Marco Y": another name, not a title
            if len(name_tokens(m.name)) >= 2:
                name = " ".join(m.name.split())
                if name not in self.full_names:
                    self.full_names.append(name)
                    self._canonical.clear()
                p = self._person(self.canonical(name))
                p.title = p.title or m.title
                if p.title:
                    return

    def _title_before(self, e: Entity) -> str | None:
        """The title written before a person named only in passing, never as a speaker:
        "Critics, including Senator Mark Hale, say ... he said" is the senator speaking."""
        lo = max(self.text.rfind("\n", 0, e.start) + 1, e.start - 200)
        toks = tokenize(self.text, lo, e.end)
        if len(toks) < 2:
            return None
        m = _np_ending(self.text, toks, len(toks) - 1, 0, self.entities)
        if m is None or m.kind != "person" or m.title_only or not m.title:
            return None
        return None if re.search(r"(?:\band|&)$", m.title) else m.title

    def canonical(self, name: str) -> str:
        known = self._canonical.get(name)
        if known is None:
            known = self._canonical[name] = self._canonical_uncached(name)
        return known

    def _canonical_uncached(self, name: str) -> str:
        toks = name.split()
        while toks and toks[0].lower().strip(".") in HONORIFICS:
            toks = toks[1:]
        bare = " ".join(toks) or name
        if bare in self.alone:
            return bare
        full = fullest_form(bare, self.full_names)
        return re.sub(r"^(?:{})\.?\s+".format("|".join(HONORIFICS)), "", full, flags=re.IGNORECASE)

    def _person(self, name: str) -> _Person:
        if name not in self.people:
            self.people[name] = _Person(name)
        return self.people[name]

    def resolve(self, m: Mention, position: int, said: tuple[int, int] | None = None) -> Speaker:
        """The speaker `m` stands for. `said`: the span of what was said, when a pronoun may
        point into it ("Tighter credit conditions could ..., he said"): no name in it is
        the pronoun's."""
        sp = self._resolve(m, position, said)
        self.history.append((position, sp))
        if m.pronoun in {"he", "she"} and sp.name and sp.name in self.people:
            p = self.people[sp.name]
            p.gender = p.gender or ("m" if m.pronoun == "he" else "f")
        return sp

    def _resolve(self, m: Mention, position: int, said: tuple[int, int] | None) -> Speaker:
        if m.pronoun is not None:
            return self._pronoun(m, position, said)
        if m.kind != "person":
            named = (
                self._owned_earlier(m, position) or self._named_by_role(m, position)
                if m.kind == "organisation"
                else None
            )
            return Speaker(named or m.name, m.start, m.end, None, m.kind)
        if m.title_only:
            return self._title_only(m, position)
        assert m.name is not None
        name = self.canonical(m.name)
        p = self._person(name)
        return Speaker(name, m.start, m.end, m.title or p.title, "person")

    def _pronoun(self, m: Mention, position: int, said: tuple[int, int] | None) -> Speaker:
        want = m.gender
        if want == "n":
            own = self._subject_organisation(m, position, own=True)
            if own is not None:
                return own  # its own sentence's subject, before any earlier speaker
            named = self._subject_organisation(m, position)
            here = _sentence_start(self.text, min(m.start, position))
            before = _sentence_start(self.text, here - 1) if here else 0
            for at, sp in reversed(self.history[-3:]):
                if sp.kind in {"organisation", "report"}:
                    if named is not None and at < before and named.name != sp.name:
                        # "The WHO says ... The USGS has revised the magnitude. It said ...":
                        # the organisation the sentence before is about, not the last to speak
                        return named
                    return Speaker(sp.name, m.start, m.end, sp.title, sp.kind)
            return named or Speaker(None, m.start, m.end, None, "organisation")
        subject = self._subject_person(m, position, said) if want != "pl" else None
        group = self._subject_group(m, position) if want == "pl" else None
        newest = True
        for at, sp in reversed(self.history):
            if want == "pl":
                if sp.kind in {"organisation", "report"}:
                    if group is not None and group[0] > at and group[1].name != sp.name:
                        return group[1]  # "Residents had warned ... They said": nearer
                    return Speaker(sp.name, m.start, m.end, sp.title, sp.kind)
                continue
            if sp.kind != "person":
                continue
            if sp.name is None:
                if (
                    newest
                    and sp.title
                    and _title_gender(sp.title) in {None, want}
                    and (subject is None or subject[0] <= at)
                    and len(re.findall(r"\n+", self.text[at : m.start])) <= 1
                ):
                    # "An elderly farmer said ... He also said": the unnamed person who spoke
                    # last, not a named speaker before them
                    return Speaker(None, m.start, m.end, sp.title, "person")
                newest = newest and sp.title is None
                continue
            newest = False
            g = self._gender(sp.name) or _title_gender(sp.title)
            if g is None or g == want:
                if subject is not None and subject[1].name != sp.name and subject[0] > at:
                    # a newer sentence is about someone else: "B accepted ... ‘...,’ he said"
                    # (its subject is nearer than the last speaker)
                    break
                return Speaker(sp.name, m.start, m.end, sp.title, "person")
        if subject is not None:
            return subject[1]
        # no earlier speaker: the nearest person named before the pronoun
        for e in reversed(self.person_entities):
            if said is not None and said[0] <= e.start < said[1]:
                continue  # named in what was said ("Wagner fighters would ..., he said")
            if e.end <= position and want != "pl" and not self._not_a_person(e):
                name = self.canonical(e.canonical or self.text[e.start : e.end])
                p = self._person(name)
                if self._gender(name) in {None, want}:
                    p.title = p.title or self._title_before(e)
                    return Speaker(name, m.start, m.end, p.title, "person")
        if group is not None:
            return group[1]
        if want in {"m", "f"}:
            title = self._subject_title(m, position)
            if title is not None and _title_gender(title) in {None, want}:
                # "The mayor renewed his call for calm. ‘...,’ he said": no named person of
                # that gender before, but the sentence is about the mayor, as "the mayor said"
                # would be credited
                return Speaker(None, m.start, m.end, title, "person")
        # ("they" is never one named person: left unresolved without a group before it)
        return Speaker(None, m.start, m.end, None, "person")

    def _subject_title(self, m: Mention, position: int) -> str | None:
        """The title of an unnamed person ("The mayor", "The defence minister") who is the
        subject (doing something) of the pronoun's own sentence (before it) or of the sentence
        before, unless that sentence's pronouns are of the other gender."""
        here = _sentence_start(self.text, min(m.start, position))
        for lo, hi in [(here, m.start), *self._sentence_before(here)]:
            toks = tokenize(self.text, lo, hi)
            i = 0
            while i < len(toks) and toks[i].low in _OPENERS:
                i += 1
            if i >= len(toks) or toks[i].low != "the":
                continue  # a definite description only: "a man" is nobody in particular
            found = np_after(self.text, toks, i, len(toks), self._antecedent_entities())
            if found is None or found.kind != "person" or found.name or not found.title_only:
                continue
            rest = [t.low for t in toks if t.start >= found.end]
            if not rest or not rest[0].isalpha() or rest[0] != rest[0].lower() or not found.title:
                continue  # a verb must follow: the subject of a clause
            if rest[0] in _BE_FORMS:
                continue  # "The driver was killed ...": what happened to them, not what they did
            if set(rest) & _OTHER_GENDER[m.gender or ""]:
                continue  # "The mayor renewed his call ... she said": someone else
            return found.title
        return None

    def _owned_earlier(self, m: Mention, position: int) -> str | None:
        """ "The general staff said": "Ukraine's general staff", as the report wrote it
        before; the last such owner before `position`, when the phrase is a plain one."""
        phrase = re.sub(r"^(?:the|its)\s+", "", m.name or "", flags=re.IGNORECASE)
        if not phrase or not re.fullmatch(r"[a-z][a-z -]*", phrase):
            return None
        owned = re.compile(
            rf"\b((?:[A-Z][\w.-]*\s+){{0,2}}[A-Z][\w.-]*)[’']s\s+{re.escape(phrase)}\b"
        )
        last = None
        for hit in owned.finditer(self.text, 0, position):
            last = hit
        return " ".join(last.group(0).split()) if last is not None else None

    def _named_by_role(self, m: Mention, position: int) -> str | None:
        """The organisation that "the airline", "the company" stands for: the one of that
        kind named earlier in the article, when there is exactly one."""
        hit = _ROLE_PHRASE_RE.fullmatch(m.name or "")
        if hit is None:
            return None
        role = hit.group("role").lower()
        modifier = (hit.group("modifier") or "").lower()
        found: list[str] = []
        for _, sp in self.history:  # "the grid operator X said" ... "the operator said"
            if sp.kind == "organisation" and sp.name and sp.title and role in sp.title.lower():
                found.append(sp.name)
        if not found:
            for e in self.entities:
                if e.label == "ORG" and e.end <= position and not self._a_credit(e):
                    name = _cut_at_kind(" ".join(self.text[e.start : e.end].split()), role)
                    if _fits_role(name, role):
                        found.append(name)
            for _, sp in self.history:
                if (
                    sp.kind == "organisation"
                    and sp.name
                    and sp.name[:1].isupper()
                    and _fits_role(sp.name, role)
                    and not _ROLE_PHRASE_RE.fullmatch(sp.name)
                ):
                    found.append(sp.name)
        names = sorted(set(found), key=len)
        names = [n for i, n in enumerate(names) if not any(o in n for o in names[:i])]
        if modifier and modifier not in _NOT_MODIFIERS:
            # "the weather service", "the health ministry": the one the modifier names, and
            # never another ("the health ministry" is not the interior ministry named before)
            names = [n for n in names if modifier in n.lower().split()]
        if len(names) == 1:
            return names[0]
        return self._just_named(names, position) if names else None

    def _just_named(self, names: Sequence[str], position: int) -> str | None:
        """Of several organisations that fit a role, the one named in the sentence before:
        "Boeing shares fell 8%. The company said ..." is Boeing."""
        here = _sentence_start(self.text, position)
        starts = [here] + ([_sentence_start(self.text, here - 1)] if here > 0 else [])
        named = [
            n
            for n in names
            if n.split()[0].lower() not in _QUANTIFIERS
            and any(_opens_with(self.text, s, n) for s in starts)
        ]  # (the subject of that sentence, at its start: not "plants in X and Y")
        return named[0] if len(named) == 1 else None

    def _a_credit(self, e: Entity) -> bool:
        """An outlet's credit in a dateline: "(Wire Service)"."""
        return (
            self.text[max(0, e.start - 1) : e.start] == "(" and self.text[e.end : e.end + 1] == ")"
        )

    def _not_a_person(self, e: Entity) -> bool:
        """A tagger's PERSON that the words around show is a place or a building: "the Tate
        Gallery", "in Springfield"."""
        before = self.text[max(0, e.start - 12) : e.start].lower().split()
        return bool(before) and before[-1] in _PLACE_LEAD

    def _subject_person(
        self, m: Mention, position: int, said: tuple[int, int] | None = None
    ) -> tuple[int, Speaker] | None:
        """The person who is the subject of the pronoun's own sentence (before it) or of the
        sentence before, with where that sentence starts: "B accepted defeat. ‘...,’ he said"."""
        anchor = min(m.start, position)  # a direct quote: from its opening mark
        here = _sentence_start(self.text, anchor)
        spans = [(here, m.start), *self._sentence_before(here)]
        for x, (lo, hi) in enumerate(spans):
            toks = tokenize(self.text, lo, hi)
            i = 0
            dash = next((x for x, t in enumerate(toks[:8]) if t.text in _DASHES), None)
            if dash is not None and all(_stamp_part(t) for t in toks[:dash]):
                i = dash + 1  # a live-blog time stamp
            while i < len(toks) and toks[i].low in _OPENERS:
                i += 1
            if i >= len(toks) or not toks[i].text[0].isalnum():
                continue  # a sentence that opens with a quote: its words are not the writer's
            if toks[i].low in {"asked", "pressed", "questioned", "challenged"}:
                continue  # "Asked by Rep. Nancy Mace why ..., she said": the asker is no subject
            if toks[i].low in _SUBORDINATORS and i + 1 < len(toks):
                i += 1  # "But as Mr. Sanders campaigned ..., he stuck to ...": the clause's subject
            elif toks[i].low in _PLACE_TIME_OPENERS:
                # "At a recent event in Coralville, Iowa, Mr. Bush rejected ...", "These days,
                # Mr. Clinton's remarks ...": the subject after the opening phrase
                comma = next(
                    (x for x in range(i + 1, min(len(toks), i + 14)) if toks[x].text == ","), None
                )
                while comma is not None and comma + 2 < len(toks) and _state_after(toks, comma):
                    comma += 2  # "in Coralville, Iowa, ..."
                if comma is not None and comma + 1 < len(toks):
                    i = comma + 1
            found = np_after(self.text, toks, i, len(toks), self._antecedent_entities())
            if found is not None and found.pronoun == m.pronoun and x >= 1 and len(spans) < 4:
                # "X spoke for 20 minutes. He did not admit fraud. ‘...,’ he said": the same
                # pronoun goes on; its person is the subject of the sentence before
                spans.extend(self._sentence_before(lo))
                continue
            if found is None or found.kind != "person" or not found.name or found.pronoun:
                continue
            if said is not None and said[0] <= found.start < said[1]:
                continue  # the subject of what was said, not of the sentence saying it
            tagged = any(
                e.label == "PERSON" and e.start <= found.end and e.end >= found.start
                for e in self.entities
            )
            nxt = [t.low for t in toks if t.start >= found.end][:2]
            if len(self.canonical(found.name).split()) < 2 and not tagged and nxt != [",", "who"]:
                continue  # one capitalised word ("Change", "Imports") is not enough
            if not tagged and any(w.isupper() and len(w) > 2 for w in found.name.split()):
                continue  # a heading run into the sentence: "THE SAVINGS Later he ..."
            after = next((t for t in toks if t.start >= found.end), None)
            if after is None or not (after.text == "," or (after.low.isalpha() and not after.cap)):
                continue
            name = self.canonical(found.name)
            p = self._person(name)
            g = self._gender(name) or found.gender or _title_gender(found.title)
            if g is None or g == m.gender:
                return lo, Speaker(name, m.start, m.end, p.title or found.title, "person")
        return None

    def _gender(self, name: str) -> str | None:
        """A person's gender where the article tells it: a pronoun resolved to them, a title
        ("spokeswoman") or an honorific before their surname anywhere ("Mr Berg")."""
        p = self._person(name)
        if p.gender is None and name not in self._honorific_checked:
            self._honorific_checked.add(name)
            surname = name.split()[-1] if name.split() else ""
            if surname[:1].isupper():
                hon = re.search(
                    r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Dame|Lady)\.?\s+" + re.escape(surname) + r"\b",
                    self.text,
                )
                if hon is not None:
                    low = hon.group(1).lower()
                    p.gender = "m" if low in _MALE_HONORIFICS else "f"
        return p.gender

    def _sentence_before(self, here: int) -> list[tuple[int, int]]:
        """The sentence before the one starting at `here`, past any blank lines between."""
        end = here
        while end > 0 and self.text[end - 1].isspace():
            end -= 1  # without copying the text before it (this runs for every pronoun)
        if end <= 0:
            return []
        return [(_sentence_start(self.text, end - 1), end)]

    def _subject_group(self, m: Mention, position: int) -> tuple[int, Speaker] | None:
        """ "Residents of the valley had warned ... They said": the group in the plural that
        opens the pronoun's own sentence or the sentence before, with where it starts; not one
        in an opening phrase ("With Nusra fighters playing a larger role, they said, ...")."""
        here = _sentence_start(self.text, min(m.start, position))
        spans = [(here, m.start), *self._sentence_before(here)]
        for lo, hi in spans:
            toks = tokenize(self.text, lo, hi)
            i = 0
            while i < len(toks) and toks[i].low in _OPENERS:
                i += 1
            if i >= len(toks) or not toks[i].text[0].isalpha() or toks[i].low in _PREPOSITIONS:
                continue
            found = np_after(self.text, toks, i, len(toks), self.entities)
            if found is None or found.kind != "organisation" or not found.name or found.pronoun:
                continue
            head = found.name.split()[-1].lower()
            if head in {"police", "people", "staff"} or (
                head.endswith("s") and head in GROUP_NOUNS
            ):
                return lo, Speaker(found.name, m.start, m.end, None, "organisation")
        return None

    def _subject_organisation(self, m: Mention, position: int, own: bool = False) -> Speaker | None:
        """ "Goldman Sachs reported a rise in profit. It said ...": with no organisation
        speaking before, "it" is the named organisation that opens the sentence before; with
        `own`, the one that opens the pronoun's own sentence ("Moody's estimated ..., though it
        cautioned that ...")."""
        here = _sentence_start(self.text, min(m.start, position))
        if own:
            lo, hi = here, m.start
        elif here == 0:
            return None
        else:
            lo, hi = _sentence_start(self.text, here - 1), here
        toks = tokenize(self.text, lo, hi)
        i = 0
        while i < len(toks) and toks[i].low in _OPENERS:
            i += 1
        if i >= len(toks) or not toks[i].cap:
            return None
        found = np_after(self.text, toks, i, len(toks), self.entities)
        if found is None or found.kind not in {"organisation", "report"} or not found.name:
            return None
        if not any(e.label == "ORG" and found.start <= e.start < found.end for e in self.entities):
            return None  # a named organisation only: not "Several", "Analysts"
        return Speaker(found.name, m.start, m.end, None, found.kind)

    def _named_person(self, e: Entity) -> bool:
        """A tagger's place that the article shows is a person: the same words after a title
        or an honorific elsewhere ("Reform UK leader Nigel Farage"), or a speaker's name."""
        words = self.text[e.start : e.end]
        if len(words.split()) < 2 or words.lower() in PLACES:
            return False
        if " ".join(words.split()) in self.full_names:
            return True
        return _titled_name(self.text, words)

    def _title_only(self, m: Mention, position: int) -> Speaker:
        assert m.title is not None
        head = m.title.lower().split()[-1]
        for _, sp in reversed(self.history):
            if sp.kind == "person" and sp.title and head in sp.title.lower().split():
                return Speaker(sp.name, m.start, m.end, sp.title, "person")
        for p in self.people.values():
            if p.title and head in p.title.lower().split():
                return Speaker(p.name, m.start, m.end, p.title, "person")
        # "Gareth Southgate did not hide from that. '...,' the England manager said": no
        # title known, but the one person, by full name, the sentence before the quote names.
        # Only a definite title points back ("a Meta spokesperson", "one gunner in the 110th
        # brigade" are nobody named)
        if self.text[m.start : m.start + 4].lower() != "the ":
            return Speaker(None, m.start, m.end, m.title, "person")
        here = _sentence_start(self.text, min(m.start, position))
        named = {
            self.canonical(" ".join(self.text[e.start : e.end].split()))
            for start, end in self._sentence_before(here)
            for e in self.entities
            if e.label == "PERSON" and start <= e.start and e.end <= end
            and len(self.text[e.start : e.end].split()) >= 2 and not self._not_a_person(e)
        }  # fmt: skip
        if len(named) == 1:
            return Speaker(named.pop(), m.start, m.end, m.title, "person")
        return Speaker(None, m.start, m.end, m.title, "person")

    def finish(self, speakers: Sequence[Speaker | None]) -> None:
        """Give every person speaker the title found for them anywhere in the article, and make
        an organisation of a "person" whose name an organisation's begins with ("Zycie
        Warszawy daily said ... Zycie Warszawy said": the paper both times)."""
        orgs = {sp.name for sp in speakers if sp is not None and sp.kind == "organisation"}
        for sp in speakers:
            if (
                sp is not None
                and sp.kind == "person"
                and sp.name
                and sp.title is None
                and any(o and o.startswith(f"{sp.name} ") and _outlet_of(o, sp.name) for o in orgs)
            ):
                sp.kind = "organisation"
        for sp in speakers:
            if sp is not None and sp.kind == "person" and sp.name and sp.title is None:
                p = self.people.get(sp.name)
                if p is not None and p.title:
                    sp.title = p.title
