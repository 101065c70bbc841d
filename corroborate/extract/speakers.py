"""Who is speaking: find the speaker phrase next to a reporting cue and resolve it.

A speaker phrase may be

- a name, alone or behind its title: "Ukrainian Foreign Ministry spokesman Georgiy Tykhy"
  gives name "Georgiy Tykhy" and title "Ukrainian Foreign Ministry spokesman";
- a name with an apposition: "Kira Rudik, a Ukrainian MP," gives title "Ukrainian MP";
- a surname, with or without honorific ("Ms Rudik", "Rudik"): resolved to the fullest form of
  that name in the article ("Kira Rudik"), and it inherits the title found for her elsewhere;
- a pronoun ("he", "she", "they"): the most recent compatible speaker before it;
- a title alone ("the spokesman"): the person in the article who bears that title;
- a group or a document ("military analysts", "officials", "local reports", "a statement",
  "the ministry"): kind ``organisation`` or ``report``, named by the phrase as written.

This is deliberately a small set of patterns over word tokens, helped by the named entities
when the caller has them: speaker phrases in news are formulaic, and a rule says why it fired.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from corroborate.extract.cues import cue_lemma
from corroborate.extract.entities import (
    HONORIFICS,
    PLACES,
    fullest_form,
    introduced_alone,
    name_tokens,
)
from corroborate.model import Entity, Speaker
from corroborate.model.annotations import SourceKind
from corroborate.nlp.names import ADMIN_WORDS, NAME_PARTICLES

# "they’ve", "he’d", "she’s": a pronoun and its auxiliary written as one word ("it’s" is left
# alone: "it’s estimated that ..." names no one)
_PRONOUN_CONTRACTED: Final = re.compile(r"(he|she|they)[’'](?:ve|d|ll|s|re)$")


class Tok:
    """A word or punctuation mark with its offsets. A plain slotted class, with its lower-case
    form and capitalisation computed once: the quote and speaker finders make ~40 of these
    per sentence and read `low` hundreds of times (a frozen dataclass's `__init__` and a
    property per read were a quarter of the quote stage)."""

    __slots__ = ("cap", "end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        low = text.lower()
        if ("’" in low or "'" in low) and (bare := _PRONOUN_CONTRACTED.match(low)):
            low = bare.group(1)  # "They’ve suggested": the pronoun speaks
        self.low = low
        self.cap = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tok) and (self.text, self.start, self.end) == (
            other.text,
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    @property
    def possessive(self) -> bool:
        # "Ukraine's", "Reuters'", and a plural's: "a farmers' group", "the teachers’ union"
        return self.low.endswith(("’s", "'s", "s’", "s'")) or (
            self.text.endswith(("’", "'")) and self.cap
        )


# Where a comma-delimited phrase ends: punctuation, quotation marks (a lone ’ is one only after
# punctuation: "win,’ he said") and brackets.
_PHRASE_BOUNDS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "“", "”", '"', "‘", "’", "(", ")"}
)
_APPOSITION_BOUNDS: Final[frozenset[str]] = _PHRASE_BOUNDS | {".", "—"}
# A number with thousands separators is one token: its commas delimit no phrase ("alleging
# that Obama wanted to admit 250,000 Syrians, said ..." has no aside "000 Syrians").
_TOKEN_RE: Final = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\w+(?:[’'.\-]\w+)*(?:[’'](?!\w))?|[^\w\s]"
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [Tok(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


PRONOUNS: Final[dict[str, Literal["m", "f", "pl", "n"]]] = {
    "he": "m",
    "she": "f",
    "they": "pl",
    "it": "n",  # an organisation or a document: "The ministry ... It said"
}

GROUP_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "analysts", "officials", "official", "experts", "sources", "source", "authorities",
        "delegation", "caucus",
        "government", "ministry", "department", "military", "army", "police", "diplomats",
        "observers", "critics", "residents", "witnesses", "lawmakers", "legislators",
        "politicians", "leaders", "commanders", "aides", "advisers", "advisors",
        "investigators", "prosecutors", "scientists", "researchers", "economists", "activists",
        "campaigners", "protesters", "officers", "troops", "soldiers", "kremlin", "pentagon",
        "campaign", "committee", "council", "agency", "company", "administration", "office",
        "court", "group", "organisation", "organization", "party", "union", "insiders",
        "supporters", "opponents", "voters", "members", "doctors", "negotiators",
        "spokespeople", "representatives", "staff", "team", "navy", "forces", "embassy",
        "commission", "board", "firm", "institute", "watchdog", "regulator", "regulators",
        "organizers", "organisers", "rescuers", "medics", "locals", "villagers", "citizens",
        "democrats", "republicans", "republican", "democratic", "people", "spokesmen",
        "pollsters", "strategists", "historians", "commentators", "journalists", "reporters",
        "newspaper", "paper", "outlet", "outlets", "broadcaster", "service", "services",
        "intelligence", "bureau", "house", "senate", "congress", "parliament", "cabinet",
        "percent", "half", "third", "quarter", "majority", "minority", "respondents", "most",
        "americans", "britons", "ukrainians", "russians", "students", "workers", "parents",
        "allies", "confidants", "friends", "colleagues", "associates", "donors", "bundlers",
        "groups", "organizations", "organisations", "companies", "agencies", "others",
        "participants", "attendees", "delegates", "superdelegates", "senators", "governors",
        "lawyers", "attorneys", "scholars", "academics",
        # organisations named by their role: "the airline said", "Ukraine's air force said"
        "airline", "airlines", "carrier", "force", "operator", "utility", "manufacturer",
        "planemaker", "carmaker", "automaker", "chipmaker", "chipmakers", "insurer", "lender",
        "retailer", "broker", "brokerage", "ministries", "authority", "bank", "banks", "fund",
        "exchange", "hospital", "centre", "center", "observatory", "tribunal", "foundation",
        "federation",
        # governments named by their level: "the state said", "the city said"
        "state", "city", "county",
        # military and state bodies: "Poland's operational command said"
        "command", "headquarters", "directorate", "brigade", "regiment", "battalion", "corps",
        # broadcasters and papers: "state radio said", "the daily said" (organisations)
        "radio", "television", "tv", "daily", "weekly",
        # market and street sources: "Dealers said", "inhabitants said"
        "dealers", "traders", "bankers", "brokers", "inhabitants", "refugees",
    }
)  # fmt: skip
DOC_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "report", "reports", "statement", "statements", "study", "studies", "survey",
        "surveys", "poll", "polls", "data", "figures", "document", "documents", "analysis",
        "assessment", "assessments", "memo", "letter", "filing", "release", "bulletin",
        "communique", "communiqué", "tweet", "tweets", "article", "investigation", "review",
        "estimates", "estimate", "records", "footage", "media", "reporting", "update",
        "briefing", "email", "emails", "message", "complaint", "lawsuit", "ruling", "website",
        "results", "numbers", "statistics", "projections", "calculations", "tallies",
        "transcript", "transcripts", "filings", "law", "rules", "guidelines", "policy",
        "indictment", "affidavit", "cable", "cables", "op-ed",
        "post", "book", "paper", "research", "census", "count", "tally", "findings", "video",
        "timeline", "forecast", "forecasts", "index", "database", "dataset", "audit",
    }
)  # fmt: skip
TITLE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "minister", "president", "senator",
        "secretary", "chief", "head", "director", "commander", "general", "officer",
        "analyst", "expert", "adviser", "advisor", "ambassador", "envoy", "mayor", "governor",
        "lawmaker", "mp", "mep", "deputy", "leader", "chairman", "chairwoman", "chair", "ceo",
        "founder", "professor", "researcher", "economist", "correspondent", "editor",
        "reporter", "candidate", "nominee", "manager", "aide", "strategist", "lawyer",
        "attorney", "prosecutor", "judge", "member", "representative", "rep", "sen", "gov",
        "gen", "col", "lt", "sgt", "capt", "colonel", "lieutenant", "sergeant", "captain",
        "admiral", "major", "premier", "chancellor", "speaker", "ombudsman", "commissioner",
        "coordinator", "negotiator", "diplomat", "official", "historian", "scientist",
        "pollster", "activist", "campaigner", "resident", "witness", "host", "anchor",
        "columnist", "writer", "author", "owner", "executive", "partner", "fellow", "counsel",
        "inspector", "superintendent", "det", "detective", "supt", "insp", "constable",
        "sheriff", "councillor", "councilman", "councilwoman",
        "congressman", "congresswoman", "delegate", "whip", "hopeful", "rabbi",
        "pastor", "bishop", "priest", "imam", "cardinal", "pope", "king", "queen", "prince",
        "princess", "emir", "sheikh", "mullah", "commentator", "physician", "doctor",
        "surgeon", "teacher", "student", "mother", "father", "wife", "husband", "son",
        "daughter", "brother", "sister", "veteran", "survivor", "victim", "soldier",
        "magnate", "actress", "actor", "star", "singer", "billionaire", "mogul", "tycoon",
        "businessman", "businesswoman", "entrepreneur", "comedian", "rapper", "musician",
        "frontrunner", "front-runner", "challenger", "incumbent", "contender", "organizer",
        "organiser", "boss", "coach", "player", "athlete", "nurse", "voter",
        # "FAA Administrator X"; plain people as sources: "said a woman travelling with ..."
        "administrator", "woman", "man", "passenger", "teenager", "neighbour", "neighbor",
        # the titles of other parliaments and services: Ireland's, India's, Nigeria's
        "taoiseach", "tánaiste", "tanaiste", "minister-president", "vice-president",
        "vice-chancellor", "chief-minister", "comptroller", "auditor-general",
        "inspector-general", "attorney-general", "solicitor-general", "director-general",
        "secretary-general", "commissioner-general", "governor-general", "mufti", "cleric",
    }
)  # fmt: skip
MODIFIERS: Final[frozenset[str]] = frozenset(
    {
        "former", "senior", "top", "acting", "interim", "foreign", "defence", "defense",
        "military", "presidential", "vice", "prime", "campaign", "press", "state", "national",
        "security", "intelligence", "party", "opposition", "regional", "local", "western",
        "unnamed", "anonymous", "independent", "official", "several", "many", "some", "two",
        "three", "four", "five", "other", "government", "news", "media", "initial",
        "preliminary", "new", "latest", "recent", "early", "international", "human", "rights",
        "health", "election", "white", "house", "federal", "city", "county", "police", "u.s.",
        "us", "u.s", "justice", "department", "ministry", "republican", "democratic",
        "conservative", "liberal", "leading", "prominent", "veteran", "longtime", "retired",
        "then", "outgoing", "incoming", "chief", "deputy", "assistant", "associate", "general",
        "executive", "managing", "political", "economic", "financial", "legal", "medical",
        "russian", "ukrainian", "american", "british", "european", "these", "those",
        "multiple", "numerous", "unidentified", "knowledgeable", "informed", "familiar",
        "close", "internal", "leaked", "public", "official’s", "army", "navy", "air", "force",
        "staff", "communications", "policy", "foreign-policy", "spokesman", "spokeswoman",
        "company", "industry", "trade", "energy", "finance", "interior", "education",
    }
)  # fmt: skip
DETERMINERS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my"}
)
# Words after which a cue is not a verb but a noun or adjective ("Moscow’s claims", "the stated
# aim", "earlier reports").
NOUN_MARKERS: Final[frozenset[str]] = DETERMINERS | frozenset(
    {"earlier", "previous", "recent", "local", "media", "press", "news", "such", "false",
     "these", "those", "any", "no", "unconfirmed", "initial", "latest", "many", "some",
     "several", "whose", "of", "own", "new", "first", "police", "official", "other", "his",
     "her", "their", "its", "our", "your", "my", "two", "three", "conflicting", "widespread"}
)  # fmt: skip
# Services, charities and companies named by what they do: "Cal Fire", "London Fire Brigade",
# "Doctors Without Borders", "Save the Children", "Portland General Electric"; no person's
# name ends in one.
SERVICE_WORDS: Final[frozenset[str]] = frozenset(
    {"fire", "brigade", "rescue", "borders", "children", "authority", "society", "trust",
     "programme", "program", "mission", "crescent", "ltd", "plc", "llc", "airlines", "airways",
     "electric", "motors", "dynamics", "utilities", "railways", "railroad", "pharmaceuticals"}
)  # fmt: skip
# Org-like words: a capitalised phrase ending in (or containing) one of these is not a person.
ORG_WORDS: Final[frozenset[str]] = frozenset(
    {
        "ministry", "department", "council", "post", "times", "news", "agency", "committee",
        "party", "office", "union", "bank", "company", "inc", "corp", "group", "association",
        "institute", "university", "kremlin", "pentagon", "government", "army", "police",
        "commission", "court", "reuters", "ap", "afp", "cnn", "bbc", "nbc", "abc", "cbs",
        "fox", "msnbc", "journal", "tribune", "herald", "guardian", "telegraph", "press",
        "house", "senate", "congress", "parliament", "administration", "campaign", "service",
        "forces", "navy", "board", "foundation", "center", "centre", "fund", "organization",
        "organisation", "network", "media", "magazine", "daily", "globe", "gazette",
        "federation", "coalition", "alliance", "command", "staff", "bureau", "fbi", "cia",
        "nato", "un", "eu", "who", "democrats", "republicans", "gop", "dnc", "rnc", "tass",
        "ria", "interfax", "politico", "axios", "breitbart", "npr", "pbs", "website",
        "radio", "television",
    }
) | SERVICE_WORDS  # fmt: skip
# Words that start a clause and are capitalised only because they begin the sentence.
SENTENCE_STARTERS: Final[frozenset[str]] = frozenset(
    {"but", "and", "yet", "however", "meanwhile", "now", "still", "so", "also", "then",
     "earlier", "later", "today", "yesterday", "on", "in", "at", "as", "when", "while",
     "although", "though", "because", "if", "after", "before", "since", "instead", "indeed",
     "moreover", "furthermore", "separately", "similarly", "finally", "there", "here", "it",
     "not", "only", "that", "what", "this", "last", "asked", "speaking", "writing", "for",
     "with", "without", "by", "from", "of", "to", "or", "nor", "both", "why", "how",
     "shortly", "soon", "previously", "subsequently", "initially", "ultimately", "recently",
     "eventually", "afterwards", "additionally", "likewise", "once"}
)  # fmt: skip
# Words that may sit between a subject and its cue: "Tykhy has also said".
SKIP_BEFORE_CUE: Final[frozenset[str]] = frozenset(
    {"has", "have", "had", "also", "later", "previously", "recently", "then", "further",
     "again", "repeatedly", "publicly", "once", "already", "earlier", "privately", "reportedly",
     "separately", "similarly", "simply", "flatly", "firmly", "angrily", "quickly", "bluntly",
     "would", "will", "did", "does", "do", "last", "week", "month", "often", "long",
     "since", "first", "initially", "explicitly", "openly", "frequently", "just",
     "even", "actually", "clearly", "ultimately", "confidently", "proudly", "defiantly"}
)  # fmt: skip
WEEKDAYS: Final[frozenset[str]] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_FEMALE_HONORIFICS: Final[frozenset[str]] = frozenset({"ms", "mrs", "miss", "dame", "lady"})
_MALE_HONORIFICS: Final[frozenset[str]] = frozenset({"mr", "sir", "lord"})


@dataclass(slots=True)
class Mention:
    """A speaker phrase as written, before resolution."""

    start: int  # the whole phrase, title included
    end: int
    kind: SourceKind
    name: str | None = None  # the name as written ("Ms Rudik", "Georgiy Tykhy")
    name_start: int | None = None
    name_end: int | None = None
    title: str | None = None
    pronoun: str | None = None
    gender: str | None = None  # "m" | "f" | "pl" where the text says so
    title_only: bool = False
    generic: bool = False  # a plain noun phrase, not a name or a known source word


_FUNCTION_WORDS: Final[frozenset[str]] = frozenset(
    {"after", "other", "never", "under", "over", "whether", "later", "rather", "either",
     "neither", "together", "however", "whatever", "whenever", "wherever", "ever", "per",
     "or", "for", "nor", "before", "number", "member", "meanwhile", "recent", "present",
     "current", "different", "important", "significant", "silent", "apparent", "urgent",
     "consent", "content", "event", "intent", "extent", "want", "meant", "sent", "went",
     "spent", "lent", "bent", "rent", "giant", "constant", "distant", "relevant", "vacant",
     "man", "woman", "human", "german", "roman", "than", "then", "when", "dozen", "often"}
)  # fmt: skip
_TITLE_SUFFIX_RE: Final = re.compile(
    r"(?:er|or|ist|ian|ant|ent|man|woman|person|eer|ary|chief|head|boss|master|coach|guard)$"
)


def _is_title_word(t: Tok) -> bool:
    w = t.low.strip(".")
    return w in TITLE_WORDS or _title_compound(w)


def _title_compound(w: str) -> bool:
    """A hyphenated role: "commander-in-chief", "minister-designate", "president-elect",
    "former-deputy-defence-minister-turned-analyst". One title word among its parts makes
    it a title; a hyphenated name ("Jean-Luc") has none."""
    return "-" in w and any(part in TITLE_WORDS for part in w.split("-"))


# Title words that are also common surnames ("Billie Jean King", "John Major", "Harold
# Bishop"). Only these are read as a surname on the word before them alone; any title word
# is a name where the tagger puts it inside a person's name after a first word.
_SURNAME_TITLES: Final[frozenset[str]] = frozenset(
    {"king", "queen", "prince", "bishop", "major", "judge", "pope", "priest", "cardinal",
     "chancellor", "sheriff", "speaker", "host", "coach", "player", "writer", "fellow",
     "partner", "mayor", "sergeant", "marshal", "general", "sen"}
)  # fmt: skip


def _plain_word(t: Tok) -> bool:
    """A capitalised word that is no first name: a title, a modifier, an organisation's or
    a place's word, a sentence opener ("Foreign", "U.S.", "Party", "But")."""
    w = t.low.strip(".")
    return (
        w in TITLE_WORDS
        or w in MODIFIERS
        or w in ORG_WORDS
        or w in GROUP_NOUNS
        or w in PLACES
        or w in SENTENCE_STARTERS
        or w in DETERMINERS
        or w in HONORIFICS
        or w in WEEKDAYS
        or w in MONTHS
        or _title_compound(w)
        or (t.text.isupper() and len(w) > 1)
    )


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


def _titleish(t: Tok) -> bool:
    """A title word, or a lower-case noun that looks like a role ("hydrologist", "master")."""
    if _is_title_word(t):
        return True
    w = t.low
    return (
        not t.cap
        and w.isalpha()
        and len(w) > 4
        and w not in _FUNCTION_WORDS
        and _TITLE_SUFFIX_RE.search(w) is not None
    )


def _verb_form(w: str) -> bool:
    """A past form or a speech verb, never a noun before a role: "told", "met", "visited"."""
    return w.endswith(("ed", "ing")) or cue_lemma(w) is not None or w in _PAST_FORMS


_PAST_FORMS: Final[frozenset[str]] = frozenset(
    {"met", "told", "said", "saw", "gave", "sent", "made", "left", "won", "led", "thanked",
     "urged", "called", "asked", "took", "beat", "hit", "rang", "phoned", "wrote"}
)  # fmt: skip


def _entity_at(entities: Sequence[Entity], start: int, end: int, label: str) -> Entity | None:
    """The last entity of `label` lying inside [start, end)."""
    best: Entity | None = None
    for e in entities:
        if e.label == label and e.start >= start and e.end <= end:
            best = e if best is None or e.start > best.start else best
    return best


def _clean_title(text: str) -> str | None:
    t = " ".join(text.replace("\n", " ").split()).strip(" ,;:—–-")
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.IGNORECASE)
    return t or None


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
    if person is None and _title_of_something(body):
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


# nouns that say a name is an organisation's when they introduce it
_ORG_DESCRIPTORS: Final = ORG_WORDS | {
    "firm", "charity", "regulator", "watchdog", "operator", "airline", "carrier", "insurer",
    "lender", "retailer", "broadcaster", "outlet", "startup", "maker", "manufacturer",
    "provider", "nonprofit", "non-profit", "ngo", "body", "giant", "conglomerate", "club",
    "team", "brand", "platform", "app", "website", "utility", "supplier", "contractor",
    "carmaker", "automaker", "chipmaker", "drugmaker",
}  # fmt: skip


_GUARD_FORCE = re.compile(r"^(?:coast|border|national|revolutionary|republican)\s+guards?$")


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
_COMPANY_WORDS: Final[frozenset[str]] = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "gmbh", "airlines", "airways",
     "holdings", "group", "energy", "motors", "systems", "technologies", "industries",
     "bank", "agency", "corporation", "company", "authority", "ministry", "aerosystems"}
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
_DASHES: Final[frozenset[str]] = frozenset({"-", "–", "—"})


def _spaced(text: str, t: Tok) -> bool:
    """A token with a space on each side: " - " is a dash, not a hyphen."""
    return text[t.start - 1 : t.start] == " " and text[t.end : t.end + 1] == " "


def _stamp_part(t: Tok) -> bool:
    """A piece of a time stamp: "09", ":", "41", "GMT", "a.m."."""
    return t.text.isdigit() or t.text in {":", "."} or (t.text.isupper() and len(t.text) <= 4)


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


# a role that speaks for a body, and the word that joins them: "a spokesman for X"
_SPEAKING_ROLES: Final[frozenset[str]] = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "attorney", "aide",
     "reporter", "correspondent", "journalist"}
)  # fmt: skip
_ROLE_LINKS: Final[frozenset[str]] = frozenset({"for", "of", "at", "with", "from"})


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


def _opens_with(text: str, start: int, name: str) -> bool:
    """Whether the sentence at `start` opens with `name` as its only subject ("Boeing shares
    fell", not "Nordwind Airways and Sudair Airlines both cut")."""
    m = re.match(r"\W*(?:the\s+)?" + re.escape(name) + r"\b", text[start : start + 300])
    return m is not None and _COORDINATOR.match(text, start + m.end()) is None


_COORDINATOR: Final = re.compile(r"\s+(?:and|or|&)\s")


_QUANTIFIERS: Final[frozenset[str]] = frozenset(
    {"some", "several", "many", "most", "others", "few", "both", "all", "one"}
)
# ... and the words that may stand before "of" at the head of a group speaker ("Many of the
# 1.1 million refugees", "the majority of voters")
_GROUP_QUANTIFIERS: Final[frozenset[str]] = _QUANTIFIERS | {
    "none", "half", "dozens", "hundreds", "thousands", "two", "three", "four", "five", "each",
    "majority", "minority",
}  # fmt: skip
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


# abbreviations that end a name, written with a full stop before the verb
_NAME_END_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"jr", "sr", "corp", "co", "ltd", "inc", "bros", "plc", "llc", "llp"}
)
_ORDINAL: Final = re.compile(r"\d+(?:st|nd|rd|th)")
_PP_HEADS: Final[frozenset[str]] = frozenset({"in", "at", "on", "from", "of", "for", "near"})


# the small words a tagged organisation's name may hold: "Save the Children"
_NAME_LINKS: Final[frozenset[str]] = frozenset(
    {"the", "of", "to", "for", "without", "against", "on", "and", "&"}
)


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


_ROLE_PHRASE_RE: Final = re.compile(
    r"(?:the|its)\s+(?:(?P<modifier>[a-z]+)\s+)?"
    r"(?P<role>airline|carrier|company|firm|ministry|agency|regulator|operator|utility|"
    r"manufacturer|planemaker|carmaker|automaker|chipmaker|insurer|lender|retailer|bank|group|"
    # bodies named by the word their name ends with: "The commission said", "the weather
    # service", "the centre warned"
    r"commission|centre|center|bureau|service|authority|council|committee|institute|"
    r"organisation|organization|foundation|federation|association|union|observatory|court|"
    r"watchdog|tribunal)",
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
    **{
        w: frozenset({w})
        for w in (
            "commission", "bureau", "service", "authority", "council", "committee", "institute",
            "foundation", "federation", "association", "union", "observatory", "court",
            "tribunal",
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


_PLACE_NOUNS: Final[frozenset[str]] = frozenset(
    {"city", "town", "village", "region", "province", "state", "county", "district", "capital",
     "port", "area", "country", "island", "oblast", "republic"}
)  # fmt: skip


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


# "Zycie Warszawy daily": the word that makes the name before it an outlet's.
_OUTLET_WORDS: Final[frozenset[str]] = frozenset(
    {"daily", "newspaper", "paper", "weekly", "agency", "radio", "television", "magazine",
     "news agency", "tv", "website", "broadcaster"}
)  # fmt: skip


def _outlet_of(org: str, name: str) -> bool:
    return org[len(name) + 1 :].lower() in _OUTLET_WORDS


# Words that end a speaker's name written after the cue ("said X about ...", "said X in ...").
_AFTER_NAME: Final[frozenset[str]] = frozenset(
    {"about", "after", "before", "during", "in", "at", "on", "with", "from", "to", "over", "as",
     "while", "when", "ahead", "outside", "inside", "last", "this", "today"}
)  # fmt: skip
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
            return self._title_only(m)
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
        # ("they" is never one named person: left unresolved without a group before it)
        return Speaker(None, m.start, m.end, None, "person")

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
        opens the pronoun's own sentence or the sentence before, with where it starts."""
        here = _sentence_start(self.text, min(m.start, position))
        spans = [(here, m.start), *self._sentence_before(here)]
        for lo, hi in spans:
            toks = tokenize(self.text, lo, hi)
            i = 0
            while i < len(toks) and toks[i].low in _OPENERS:
                i += 1
            if i >= len(toks) or not toks[i].text[0].isalpha():
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

    def _title_only(self, m: Mention) -> Speaker:
        assert m.title is not None
        head = m.title.lower().split()[-1]
        for _, sp in reversed(self.history):
            if sp.kind == "person" and sp.title and head in sp.title.lower().split():
                return Speaker(sp.name, m.start, m.end, sp.title, "person")
        for p in self.people.values():
            if p.title and head in p.title.lower().split():
                return Speaker(p.name, m.start, m.end, p.title, "person")
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


def sentence_subject(
    text: str, toks: Sequence[Tok], k: int, entities: Sequence[Entity]
) -> Mention | None:
    """The subject of the clause a participle hangs on: in "Abedin, an aide, emailed
    supporters, telling them ..." the speaker of "telling" is Abedin. Tries the sentence start,
    then each point after a comma, before token `k`."""
    starts = [0] + [
        i + 1
        for i in range(k)
        if toks[i].text in {",", "—", ":"} or (toks[i].text == "-" and _spaced(text, toks[i]))
    ]  # (" - ": after a dateline, "WASHINGTON, Jan 24 (Wire) - The FAA ...")
    for s in starts:
        if s >= k:
            break
        if _abbreviated_place(toks, s):
            continue  # "At a rally in Beaumont, Tex., Mr. Trump ...": a state, not the subject
        if toks[s].low in _PREPOSITIONS or toks[s].low in {
            "during",
            "amid",
            "despite",
            "elsewhere",
            "meanwhile",
            "separately",
        }:
            continue  # "In a statement, Gov. X blasted Congress and said ...": not the subject
        m = np_after(text, toks, s, k, entities)
        if m is not None and _time_phrase(toks, m.end, k):
            # "Hours later, Trump ..., telling Reuters": when, not who; "A few minutes later
            # they reversed themselves and said ...": the subject follows it
            after = next(i for i in range(s, k) if toks[i].start >= m.end) + 1
            if after < k and toks[after].text not in {",", "—", ":"}:
                m = np_after(text, toks, after, k, entities)
            else:
                continue
        if m is not None and (m.name is not None or m.pronoun is not None or m.title_only):
            return m
    return None


# "Hours later", "A few minutes later", "Days earlier": a noun phrase that says when
_TIME_AFTER: Final[frozenset[str]] = frozenset(
    {"later", "earlier", "ago", "afterwards", "afterward", "before", "after"}
)


_TIME_UNITS: Final[frozenset[str]] = frozenset(
    {"seconds", "moments", "minutes", "hours", "days", "weeks", "months", "years", "second",
     "moment", "minute", "hour", "day", "week", "month", "year"}
)  # fmt: skip


def _time_phrase(toks: Sequence[Tok], end: int, hi: int) -> bool:
    """Is the noun phrase ending at offset `end` a span of time followed by "later",
    "earlier", "ago" ("Hours later")? Not "A campaign official later walked back ..."."""
    last = next((t for t in reversed(toks[:hi]) if t.end <= end), None)
    nxt = next((t for t in toks[:hi] if t.start >= end), None)
    return (
        last is not None and last.low in _TIME_UNITS and nxt is not None and nxt.low in _TIME_AFTER
    )


def _abbreviated_place(toks: Sequence[Tok], i: int) -> bool:
    """ "Tex.," / "Calif.,": a capitalised abbreviation between commas after a name, the way
    wire copy writes a city's state ("Beaumont, Tex., ...")."""
    return (
        i >= 2
        and i + 2 < len(toks)
        and toks[i - 1].text == ","
        and toks[i - 2].cap
        and toks[i].cap
        and toks[i + 1].text == "."
        and toks[i + 2].text == ","
    )


NUMBER_WORDS: Final[frozenset[str]] = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     "hundred", "half", "third", "thirds", "quarter", "quarters", "percent", "majority",
     "majorities", "most", "many", "few", "dozens", "hundreds", "thousands", "all", "both"}
)  # fmt: skip
OBJECT_PRONOUNS: Final[dict[str, str]] = {"him": "he", "her": "she", "them": "they"}


def _numberish(t: Tok) -> bool:
    w = t.low
    return (
        w.isdigit()
        or w.rstrip("%").replace(",", "").replace(".", "", 1).isdigit()  # "1,200", "1.1"
        or all(part in NUMBER_WORDS for part in w.split("-"))
    )


MONTHS: Final[frozenset[str]] = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip


def _common_word(text: str, tok: Tok) -> bool:
    """A capitalised word that the article also writes in lower case is not a name."""
    w = tok.text.strip(".")
    low = w.lower()
    if low in MONTHS or low in SENTENCE_STARTERS or low in DETERMINERS or low in WEEKDAYS:
        return True
    if len(w) <= 1:
        return True
    return re.search(r"\b" + re.escape(w.lower()) + r"\b", text) is not None


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


_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"into", "in", "on", "at", "to", "from", "by", "with", "for", "of", "across", "over",
     "under", "after", "before", "through", "against", "about", "towards", "toward"}
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
