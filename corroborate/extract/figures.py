"""Figures: every reported quantity with what it counts, when, where and on whose authority.

`extract_figures(text, doc, sentences, entities, published, paragraphs=None)` finds the number
expressions of the whole text once (`numbers.py`), keeps those that count something, and fills
in the rest of each `Figure` from its sentence (and, for the source, its paragraph). Paragraphs
come from `nlp.segment`; without them a line break between two sentences starts a new one.

- `unit` / `counted`: the unit (`units.py`) or the noun after the number, with a locative or
  "of" phrase ("settlements in the Kursk region", "territory" in "40 sq km of territory"). An
  elliptical figure ("and another 59,000 are leaving") takes the unit of the figure before it in
  the sentence (or, after "another", in the paragraph); coordinated objects share a verb
  ("launched 45 drones and three missiles").
- `measure`: the counted noun's key plus the governing verb normalised through a small table of
  synonyms (seize/capture/take → captured, control/hold → controlled, evacuate/leave/flee →
  evacuated, ...); a progressive ("are leaving", "in the process of leaving") adds `_pending`,
  a future ("will be evacuated") `_planned`. Any other verb the tagger finds is used as its own
  past participle, so the key is never tied to one kind of story; light verbs (have, make, ...)
  and linking verbs ("the death toll rose to 54" → `death_toll`) add nothing.
- `period`, `as_of`: the period phrase and the date mention nearest to the figure in its sentence
  (`dates.py`). `as_of` defaults to the publication date: a figure reported without a date is
  taken to be current when the article appeared. Without a publication date it is None unless
  the sentence has an absolute date.
- `location`: the nearest LOC entity after a locative preposition ("in", "near", "from", ...) in
  the sentence, with a following "region"/"oblast"/... kept ("Kursk region").
- `source`: explicit in the sentence ("according to X", "X said", "said X", "local reports
  indicate") or carried from an earlier sentence of the same paragraph while that source's
  account goes on: it framed the passage ("According to X, ..."), it was giving figures itself,
  or the sentence says it continues ("Furthermore, ..."). A new paragraph or a new source ends
  the carry. Names resolve to the fullest form in the article and keep their title; groups
  ("officials") are organisations, documents ("local reports", "data") reports.

Not figures: years, dates, times, ordinals, phone-like numbers, ages, numbers inside names
("Lot 10", "Boeing 737", "F-16"), hyphenated compounds ("24-hour", "54-year-old"), durations
("two and a half years" is a period, not a figure), ratios and scores ("a 2 to 1 margin"),
proportions ("eight of 10"), references to things already counted ("the two men"), and numbers
written in words that count nothing we know and are not governed by a verb of measure ("one
small mistake", "eight nations"). Numbers written in digits with a plain noun ("300 tanks") are
figures.

`doc` is duck-typed: anything iterable over tokens with `.idx`, `.text`, `.tag_` and `.lemma_`
(a spaCy `Doc`; its `char_span` is used when present). With no tags and no entities (a blank
pipeline) the verb table, the unit lexicon and capitalisation rules still work. The NER's
mistakes are expected: a surname tagged ORG resolves to the PERSON of the same surname, and
"<title> First Last" tagged ORG is read as a titled person.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from corroborate.extract.datelines import after_dateline, dateline_date
from corroborate.extract.dates import RATE_UNITS, find_dates, find_periods, parse_published
from corroborate.extract.numbers import NumberMatch, find_numbers
from corroborate.extract.speakers import phrase_source, tokenize
from corroborate.extract.units import UnitMatch, convert, match_unit
from corroborate.model import Entity, Figure, Quote, Source, Span
from corroborate.model.annotations import EntityLabel, SourceKind

__all__ = ["extract_figures", "measure_key"]

# ---------------------------------------------------------------------------------------------
# Verbs: lemma → normalised key. Synonyms share a key; anything else keeps its own participle.

# fmt: off
_VERB_KEYS: dict[str, str] = {
    "seize": "captured", "capture": "captured", "take": "captured", "gain": "captured",
    "conquer": "captured", "overrun": "captured", "grab": "captured", "liberate": "captured",
    "retake": "captured", "recapture": "captured", "win": "captured", "secure": "captured",
    "clinch": "captured", "garner": "captured", "obtain": "captured", "occupy": "controlled",
    "control": "controlled", "hold": "controlled", "retain": "controlled", "lose": "lost",
    "cede": "lost", "surrender": "lost", "abandon": "lost", "evacuate": "evacuated",
    "relocate": "evacuated", "leave": "evacuated", "flee": "evacuated", "escape": "evacuated",
    "depart": "evacuated", "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed",
    "perish": "killed", "execute": "killed", "injure": "injured", "wound": "injured",
    "hurt": "injured", "maim": "injured", "displace": "displaced", "uproot": "displaced",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "release": "released",
    "free": "released", "exchange": "exchanged", "swap": "exchanged", "rescue": "rescued",
    "save": "saved", "hospitalise": "hospitalised", "hospitalize": "hospitalised",
    "deploy": "deployed", "station": "deployed", "dispatch": "deployed", "mobilise": "mobilised",
    "mobilize": "mobilised", "conscript": "mobilised", "draft": "mobilised",
    "recruit": "recruited", "train": "trained", "displaced": "displaced", "destroy": "destroyed",
    "eliminate": "destroyed", "shoot": "destroyed",
    "intercept": "intercepted", "damage": "damaged", "launch": "launched", "fire": "launched",
    "strike": "struck", "hit": "struck", "shell": "shelled", "bomb": "struck", "pledge": "pledged",
    "promise": "pledged", "commit": "pledged", "allocate": "pledged", "earmark": "pledged",
    "approve": "approved", "provide": "provided", "give": "provided", "deliver": "provided",
    "supply": "provided", "send": "sent", "donate": "provided", "transfer": "provided",
    "raise": "raised", "collect": "raised", "spend": "spent", "cost": "cost", "record": "recorded",
    "register": "recorded", "document": "recorded", "count": "recorded", "affect": "affected",
    "build": "built", "produce": "produced", "sell": "sold", "buy": "bought", "import": "imported",
    "export": "exported", "receive": "received", "find": "found", "discover": "found",
    "infect": "infected", "missing": "missing", "left": "left",
}
# fmt: on
# level verbs: the number is the current size of the noun before the verb, no verb in the key
# fmt: off
_LEVEL_VERBS = {
    "be", "reach", "rise", "climb", "increase", "grow", "jump", "soar", "surge", "fall", "drop",
    "decline", "stand", "total", "number", "exceed", "top", "hit", "stay", "remain", "near",
    "pass", "surpass", "double", "amount",
}
# fmt: on
# reporting verbs are cues for the source, never the verb a figure is about
# fmt: off
_CUE_VERBS = {
    "say", "tell", "report", "state", "announce", "claim", "estimate", "indicate", "suggest",
    "show", "add", "confirm", "note", "write", "reveal", "cite", "quote", "warn", "insist",
    "emphasise", "emphasize", "stress", "explain", "assert", "allege", "admit", "acknowledge",
    "believe", "think", "put", "tally", "declare", "mention", "argue", "predict", "testify",
}
# fmt: on
# verbs that take people as their object when no noun is written: "killed 12"
# fmt: off
_PEOPLE_VERBS = {
    "killed", "injured", "evacuated", "displaced", "arrested", "released", "rescued",
    "hospitalised", "exchanged",
}
# fmt: on
# (noun, verb key) → a more idiomatic key
_IDIOMS = {
    ("prisoners", "captured"): "taken",
    # an election is won, not captured: "won 240 seats", "secured 52% of the votes"
    ("seats", "captured"): "won",
    ("share", "captured"): "won",
    ("votes", "captured"): "won",
    ("races", "captured"): "won",
    ("states", "captured"): "won",
    ("delegates", "captured"): "won",
    ("medals", "captured"): "won",
}
# verbs whose sense changes when people are the object
_PLACES_THAT_FALL = frozenset({"settlements", "villages", "towns", "cities", "positions"})
_MOVING_PEOPLE = frozenset({"leave", "flee", "escape", "depart", "relocate"})
_HUMAN_NOUNS = frozenset(
    {"people", "persons", "residents", "civilians", "inhabitants", "villagers", "citizens",
     "families", "households", "children", "refugees", "migrants", "evacuees", "soldiers",
     "troops", "prisoners", "workers", "patients", "students", "tourists"}
)  # fmt: skip
_HUMAN_IDIOMS = {
    "launched": "dismissed", "struck": "injured", "lost": "killed", "saved": "rescued",
    "destroyed": "shot",  # "shot down 40 drones" destroyed them; "shot four protesters" not
}  # fmt: skip

# fmt: off
_IRREGULAR: dict[str, str] = {
    "took": "take", "taken": "take", "taking": "take", "takes": "take", "held": "hold",
    "left": "leave", "leaving": "leave", "fled": "flee", "fleeing": "flee", "lost": "lose",
    "losing": "lose", "shot": "shoot", "gave": "give", "given": "give", "giving": "give",
    "sent": "send", "won": "win", "winning": "win", "kept": "keep", "died": "die", "dying": "die",
    "dies": "die", "dead": "die", "unaccounted": "missing",
    "struck": "strike", "stricken": "strike", "hit": "hit",
    "hitting": "hit", "spent": "spend", "stood": "stand", "stands": "stand", "standing": "stand",
    "rose": "rise", "risen": "rise", "rising": "rise", "fell": "fall", "fallen": "fall",
    "falling": "fall", "grew": "grow", "grown": "grow", "growing": "grow", "slew": "slay",
    "slain": "slay", "overran": "overrun", "freed": "free", "freeing": "free", "built": "build",
    "sold": "sell", "bought": "buy", "found": "find", "is": "be", "are": "be", "was": "be",
    "were": "be", "been": "be", "be": "be", "being": "be", "'s": 'be', "controlled": "control",
    "controlling": "control", "topped": "top", "topping": "top", "totalled": "total",
    "totaled": "total", "dropped": "drop", "dropping": "drop", "said": "say", "says": "say",
    "told": "tell", "put": "put", "wrote": "write", "written": "write", "downed": "destroy",
    "shelled": "shell", "shelling": "shell", "committed": "commit", "committing": "commit",
    "stationed": "station", "numbered": "number", "numbers": "number",
    "bring": "bring", "brings": "bring", "bringing": "bring", "brought": "bring",
}
# fmt: on
# fmt: off
_AUX = {
    "have", "has", "had", "been", "be", "being", "are", "is", "was", "were", "already", "now",
    "so", "far", "reportedly", "allegedly", "also", "still", "just", "currently", "officially",
    "all", "since", "reported", "believed", "thought", "said", "estimated", "expected", "likely",
    "apparently", "recently", "previously", "successfully", "later", "then", "who", "that",
    "which", "will", "would", "could", "may", "might", "must", "to", "either", "both", "in",
    "total", "altogether", "subsequently", "eventually", "finally", "not",
}
# fmt: on
# fmt: off
_PRE_SKIP = {
    "a", "an", "the", "another", "additional", "further", "more", "extra", "total", "of", "about",
    "around", "approximately", "roughly", "some", "nearly", "almost", "at", "least", "than",
    "over", "up", "down", "off", "out", "estimated", "as", "many", "much", "just", "well", "close",
    "fewer", "less", "under", "upwards", "in", "excess", "no", "only", "reportedly",
    "already", "now", "also", "successfully", "so", "far", "had", "have", "has", "approx", "c",
}
# fmt: on
# fmt: off
_FUNCTION = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "that",
    "which", "who", "this", "these", "those", "it", "its", "their", "his", "her", "they", "we",
    "he", "she", "i", "you", "will", "would", "could", "can", "may", "might", "should", "must",
    "do", "does", "did", "not", "no", "so", "than", "then", "there", "here", "when", "where",
    "while", "if", "into", "onto", "over", "under", "after", "before", "since", "until", "per",
    "each", "every", "all", "both", "either", "neither", "more", "most", "less", "least", "out",
    "up", "down", "off", "about", "around", "across", "through", "during", "without", "within",
    "against", "between", "among", "amid", "despite", "because", "what", "whom", "whose", "how",
    "why", "also", "only", "just", "even", "still", "yet", "already", "now", "again", "ago",
    "later", "earlier", "said", "say", "says", "added", "according", "reportedly", "another",
    "other", "others", "them", "us", "our", "your", "my", "me", "him", "himself", "themselves",
    "itself", "such", "own", "same", "too", "very", "much", "many", "some", "any", "few",
    "several", "one", "ones",
}
# fmt: on
# fmt: off
_MODIFIERS = {
    "more", "additional", "further", "extra", "other", "new", "local", "foreign", "civilian",
    "military", "enemy", "western", "eastern", "northern", "southern", "small", "large",
    "major", "minor", "nearby", "frontline", "front-line", "border", "key", "remaining", "total",
    "young", "elderly", "injured", "wounded", "displaced", "innocent", "armed", "active", "fellow",
    "trained", "mobilised", "mobilized", "captured", "missing", "regular", "allied", "rebel",
    "government", "state", "regional", "rural", "urban", "residential", "populated", "newly",
    "recently", "liberated", "occupied", "unarmed",
}
# fmt: on
# fmt: off
_LOCATIVE = {
    "in", "near", "around", "across", "inside", "within", "outside", "throughout", "from", "at",
    "along", "into", "of", "on",
}
# fmt: on
_GEO_NOUNS = (
    r"region|oblast|province|district|area|border|city|town|village|county|state|"
    r"governorate|front|frontline|valley|peninsula|strip|basin|coast|raion|republic"
)
# fmt: off
_TITLE_WORDS = {
    "ceo", "cfo", "coo", "founder", "executive", "sen", "gov", "rep", "sgt", "judge", "justice",
    "attorney", "candidate", "nominee", "pres", "supt", "insp", "maj", "capt", "adm", "brig",
    "chief", "staff", "minister", "president", "spokesman", "spokeswoman", "spokesperson",
    "general", "commander", "commander-in-chief", "governor", "mayor", "mp", "secretary",
    "director", "head", "ambassador", "prime", "foreign", "defence", "defense", "deputy",
    "adviser", "advisor", "official", "officer", "envoy", "lieutenant", "colonel", "major",
    "captain", "admiral", "marshal", "senator", "congressman", "congresswoman", "lawmaker",
    "chairman", "chairwoman", "chair", "leader", "speaker", "ombudsman", "commissioner",
    "representative", "analyst", "expert", "researcher", "professor", "dr", "sir", "lord", "of",
    "the", "for", "and", "ministry", "army", "armed", "forces", "military", "intelligence",
    "interior", "affairs", "national", "security", "council", "regional", "state",
    "administration", "department", "office", "mr", "ms", "mrs", "miss", "gen", "col", "lt",
}
# fmt: on
_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr|Gen|Col|Lt|Sir|Prof)\.?\s+")
# fmt: off
_REPORT_NOUNS = {
    "report", "reports", "data", "figures", "figure", "statistics", "estimates", "estimate",
    "statement", "statements", "study", "survey", "census", "analysis", "assessment", "bulletin",
    "update", "updates", "records", "documents", "document", "monitoring", "media", "press",
    "footage", "images", "imagery", "poll", "polls", "tally", "count", "database", "research",
    "reporting", "accounts", "account", "dispatches", "findings", "projections", "results",
    "returns",
}
# fmt: on
# fmt: off
_GROUP_NOUNS = {
    "force", "navy", "guard", "brigade", "battalion", "regiment", "corps", "unit", "units",
    "delegation", "union", "federation", "association", "institute", "embassy", "consulate",
    "intelligence", "directorate", "agency", "prosecutors", "militia", "operators", "operator",
    "emergency services", "services", "rescuers", "medics", "hospital", "hospitals",
    "officials", "authorities", "government", "ministry", "military", "army", "police",
    "administration", "office", "analysts", "experts", "sources", "observers",
    "witnesses", "residents", "monitors", "council", "command", "headquarters", "committee",
    "service", "department", "forces", "kremlin", "pentagon", "un", "organisers", "organizers",
    "investigators", "doctors", "activists", "campaigners",
    "spokespeople", "diplomats", "lawmakers", "researchers", "scientists", "staff",
    "general staff", "groups", "group", "organisation", "organization", "charity", "ngo",
    "mission", "bureau", "commission", "parliament", "company", "firm", "bank", "centre",
    "center", "ministers", "leaders", "governments", "allies", "donors", "negotiators",
    "countries", "nations", "reporters", "journalists", "correspondents", "newspaper",
    "paper", "broadcaster", "channel", "outlet", "network", "tv", "radio",
}
# fmt: on
# fmt: off
_PERSON_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "minister", "president",
    "commander", "general", "official", "source", "analyst", "expert", "witness", "resident",
    "chief", "head", "officer", "adviser", "advisor", "envoy", "ambassador", "leader", "secretary",
    "director", "prosecutor", "doctor", "journalist", "correspondent", "attaché", "attache",
    "reporter", "photographer",
}
# fmt: on
# fmt: off
_CUE_WORDS = frozenset({
    "said", "says", "say", "saying", "told", "tells", "reported", "reports", "report",
    "reporting", "stated", "states", "announced", "announces", "announce", "claimed", "claims",
    "claim", "estimated", "estimates", "estimate", "indicated", "indicates", "indicate",
    "suggested", "suggests", "suggest", "showed", "shows", "show", "shown", "added", "adds",
    "confirmed", "confirms", "confirm", "noted", "notes", "wrote", "writes", "revealed",
    "reveals", "warned", "warns", "insisted", "insists", "emphasised", "emphasized", "stressed",
    "declared", "declares", "explained", "explains", "tallied",
    # a count is its counter's: "An AP reporter counted 14 bodies", "the monitor documented 96"
    "counted", "documented", "verified",
    # forecasts are their forecaster's: "He expects the Fed to cut by a quarter point", "Fed
    # officials projected that inflation would end the year at 2.3%" ("expected" is left out:
    # "is expected to" has no forecaster before it)
    "expects", "expect", "projected", "projects", "forecast", "forecasts", "predicted",
    "predicts",
})
# fmt: on
# Promises and proposals: the figure of what someone vows or proposes to do is theirs ("he
# vowed to impose a 35 percent tariff", "pledged to create 700,000 jobs"). Only before "to":
# "758 pledged delegates" is no cue.
# fmt: off
_INTENT_CUES = frozenset({
    "vowed", "vows", "vow", "vowing", "pledged", "pledges", "pledge", "pledging", "promised",
    "promises", "promising", "proposed", "proposes", "propose", "proposing", "agreed",
    "agrees", "agree", "agreeing", "decided", "decides", "plans", "planned", "voted", "votes",
})
# fmt: on
_TO_VERB = re.compile(r"\s+(?:also\s+|again\s+)?to\s+[a-z]", re.IGNORECASE)
# "have pledged 300 tanks", "promised a further $5bn": what is promised is a figure
_PROMISED_AMOUNT = re.compile(
    r"\s+(?:another\s+|a\s+further\s+|an\s+additional\s+|up\s+to\s+|more\s+than\s+"
    r"|about\s+|some\s+|nearly\s+)?[$€£¥]?\d",
    re.IGNORECASE,
)
# cue words that are also plural nouns: a cue only when a clause follows ("claims that ...",
# "reports 12 dead"), not in "Republican claims as false" or "local reports indicate"
_NOUNISH_CUES = frozenset(
    {
        "claims",
        "claim",
        "reports",
        "report",
        "estimates",
        "estimate",
        "notes",
        "shows",
        "show",
        "states",
        "say",
        "indicate",
        "suggest",
        "confirm",
        "announce",
    }
)  # fmt: skip
_OWNER_BEFORE = re.compile(
    r"(?:[’']s|\b(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your))\s+$",
    re.IGNORECASE,
)
_NOT_A_CLAUSE = re.compile(
    r"\s*\b(?:as|of|and|or|about|by|from|in|on|for|to|with|were|was|are|is|have|has|had|"
    r"indicate[sd]?|suggest(?:s|ed)?|show(?:s|ed)?|say|said|claim(?:s|ed)?|"
    r"rose|rise|risen|fell|fall|climbed|increased|decreased|dropped|declined|jumped|edged|"
    r"reached|totalled|totaled|stood|remained|hit)\b",
    re.IGNORECASE,
)
# whoever puts, raises or revises a toll gives the figure: "authorities raised the death toll
# to 13"
_TALLY_VERBS = frozenset(
    {"put", "puts", "raised", "raises", "revised", "revises", "updated", "updates", "lowered",
     "lowers", "increased", "increases"}
)  # fmt: skip
# "put the turnout at 22,000", "puts the national figure at 3.5 million", "put it at 100,000"
_PUT_THE = re.compile(
    r"\s+(?:the\s+(?:figure|number|toll|total|death\s+toll|crowd|turnout)\b"
    r"|(?:(?:the|its|their)\s+(?:[\w’'-]+\s+){0,3}?|it\s+)at\s+(?:about\s+|around\s+|some\s+|"
    r"roughly\s+|nearly\s+|more\s+than\s+|up\s+to\s+|just\s+)?(?:[$€£¥]?\d|(?:one|two|three|"
    r"four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|hundreds|thousands|a\s+hundred|"
    r"a\s+thousand|a\s+million)\b))",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[A-Za-z]+")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# "U.S.", "U.N." are one word: "23,000 U.S. troops" counts troops
_WORD = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[^\W\d_]+(?:[-’'][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")
_PROCESS = re.compile(r"\s*in\s+the\s+process\s+of\s+", re.IGNORECASE)
_UNDER_CONTROL = re.compile(
    r"\s*(?:(?:now|still|firmly)\s+)?under\s+(?:[\w’'-]+\s+){0,3}control\b", re.IGNORECASE
)
_FUTURE = re.compile(
    r"\b(?:will|would|to\s+be|expected\s+to|set\s+to|due\s+to|plan(?:s|ned)?\s+to|going\s+to)"
    r"(?:\s+\w+ly)?\s*(?:be\s+)?$",
    re.IGNORECASE,
)
# "aged 34", and the rest of a list of ages: "aged 34, 41 and 52"
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages)\s+(?:(?:of|between)\s+)?(?:\d{1,3}\s*(?:,\s*(?:and\s+)?|and\s+|to\s+))*$",
    re.IGNORECASE,
)
_AGE_APPOSITION = re.compile(r"[A-Z][\w’'.-]+,\s+$")
_NAME_PREFIX = re.compile(r"(?:[A-Za-z]+[-‑]|#|No\.\s?|[Nn]umber\s)$")
# a number that names a rank or an item in a series: "category 2 calls", "a level 4 alert",
# "phase 3 trials", "on day 12 of the strike", "grade 5 pupils"
_SERIES_NOUN = re.compile(
    r"\b(?:category|level|stage|phase|tier|grade|class|type|article|section|chapter|clause|"
    r"round|game|week|day|step|gate|terminal|platform|route|runway|zone|ward|precinct|lot|"
    r"flight|line|covid|code|version|generation|gen)\s$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    lower: str
    tag: str = ""
    lemma: str = ""


def measure_key(
    noun: str | None,
    verb_lemma: str | None,
    *,
    pending: bool = False,
    planned: bool = False,
    human: bool = False,
) -> str | None:
    """The normalised key for a counted noun and its governing verb.

    >>> measure_key("area", "seize")
    'area_captured'
    >>> measure_key("people", "leave", pending=True)
    'people_evacuated_pending'
    """
    if not noun:
        return None
    noun_key = re.sub(r"[^a-z0-9]+", "_", noun.lower()).strip("_")
    if verb_lemma == "fall" and noun_key in _PLACES_THAT_FALL:
        verb_lemma = "lose"  # "28 villages had fallen": taken, not a level that dropped
    if not verb_lemma or verb_lemma in _LEVEL_VERBS:
        return noun_key or None
    verb_key = _verb_key(verb_lemma)
    if not (human or noun_key in _HUMAN_NOUNS) and verb_lemma in _MOVING_PEOPLE:
        # only people are evacuated: "four wickets left", "two cars fled" keep their own verb
        verb_key = _participle(verb_lemma)
    verb_key = _IDIOMS.get((noun_key, verb_key), verb_key)
    if human and verb_lemma == "surrender":
        verb_key = "surrendered"  # "300 fighters surrendered": alive, not lost
    elif human:  # "5,300 employees were fired", "troops were struck"
        verb_key = _HUMAN_IDIOMS.get(verb_key, verb_key)
    key = f"{noun_key}_{verb_key}"
    if pending:
        key += "_pending"
    elif planned:
        key += "_planned"
    return key


def _verb_key(lemma: str) -> str:
    lemma = lemma.lower()
    if lemma.startswith("="):  # a past form as written, from the tagger
        return lemma[1:]
    if lemma in _VERB_KEYS:
        return _VERB_KEYS[lemma]
    return _participle(lemma)


def _participle(lemma: str) -> str:
    if lemma.endswith("ed"):
        return lemma
    if lemma in _PARTICIPLES:
        return _PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lemma):  # plan → planned, ban → banned
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


# fmt: off
_PARTICIPLES = {
    "cut": "cut", "put": "put", "set": "set", "hit": "hit", "shut": "shut", "spread": "spread",
    "cost": "cost", "hurt": "hurt", "let": "let", "quit": "quit", "split": "split", "bid": "bid",
    "beat": "beaten", "bring": "brought", "buy": "bought", "catch": "caught", "choose": "chosen",
    "draw": "drawn", "drive": "driven", "eat": "eaten", "fall": "fallen", "fight": "fought",
    "fly": "flown", "freeze": "frozen", "grow": "grown", "hide": "hidden", "hold": "held",
    "keep": "kept", "lay": "laid", "lead": "led", "lend": "lent", "lose": "lost", "meet": "met",
    "pay": "paid", "rise": "risen", "run": "run", "seek": "sought", "sell": "sold",
    "send": "sent", "shoot": "shot", "sink": "sunk", "speak": "spoken", "spend": "spent",
    "stand": "stood", "steal": "stolen", "strike": "struck", "take": "taken", "teach": "taught",
    "tear": "torn", "throw": "thrown", "wear": "worn", "win": "won", "write": "written",
    "withdraw": "withdrawn", "blow": "blown", "break": "broken", "build": "built",
    "deal": "dealt", "dig": "dug", "feed": "fed", "flee": "fled", "hang": "hung",
    "leave": "left", "ride": "ridden", "see": "seen", "show": "shown", "sit": "sat",
    "sleep": "slept", "stick": "stuck", "sweep": "swept", "think": "thought", "find": "found",
    "give": "given", "forbid": "forbidden", "oversee": "overseen", "undergo": "undergone",
}
# fmt: on


def _lemma_of(word: str) -> str | None:
    """A lemma for a verb form we know, from the tables (no tagger needed)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _VERB_KEYS or w in _LEVEL_VERBS or w in _CUE_VERBS:
        return w
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            if stem in _VERB_KEYS or stem in _LEVEL_VERBS or stem in _CUE_VERBS:
                return stem
            # doubled consonant: controlled, dropped, topped
            if (
                len(stem) > 2
                and stem[-1] == stem[-2]
                and (stem[:-1] in _VERB_KEYS or stem[:-1] in _LEVEL_VERBS)
            ):
                return stem[:-1]
    return None


# ---------------------------------------------------------------------------------------------


def extract_figures(
    text: str,
    doc: Any,
    sentences: Sequence[Span],
    entities: Sequence[Entity],
    published: str | None = None,
    *,
    paragraphs: Sequence[Span] | None = None,
    quotes: Sequence[Quote] | None = None,
    dollar: str = "USD",
    rupee: str = "INR",
) -> list[Figure]:
    """Every figure in `text`, in order. See the module docstring for what each field holds.
    `dollar`: the currency a bare "$" or "dollars" means in this report (`units.local_dollar`);
    `rupee`: the one a bare "Rs" or "rupees" means (`units.local_rupee`)."""
    spoken = sorted(
        (q for q in quotes or () if q.speaker and (q.speaker.name or q.speaker.title)),
        key=lambda q: q.end - q.start,
    )
    sents = sorted(sentences, key=lambda s: s.start)
    ctx = _Context(text, doc, sents, _entity_list(entities, doc), paragraphs, spoken)
    # a report without a publication date of its own was filed on its dateline's date, if any
    published = published or dateline_date(text)
    pub = parse_published(published)
    default_as_of = pub.isoformat() if pub else None
    starts = [s.start for s in sents]
    by_sentence: dict[int, list[NumberMatch]] = {}
    for number in find_numbers(text):
        i = bisect_right(starts, number.number_start) - 1
        if i >= 0 and number.end <= sents[i].end:
            by_sentence.setdefault(i, []).append(number)
    figures: list[Figure] = []
    last: tuple[int, Figure | None] = (-1, None)  # the paragraph and its latest figure
    for i in sorted(by_sentence):
        sent = sents[i]
        candidates = [
            n
            for n in by_sentence[i]
            if (n.kind in {"cardinal", "proportion"} or _year_that_counts(text, n))
            and not _not_a_quantity(text, sent, n)
        ]
        if not candidates:
            continue
        toks = ctx.tokens(i)
        sent_figures: list[Figure] = []
        prev_verb: str | None = None
        periods: list[Any] | None = None
        dates: list[Any] = []
        para = ctx.paragraph(i)
        for number in candidates:
            before = sent_figures
            if not before and number.qualifier == "additional" and last[0] == para and last[1]:
                before = [last[1]]  # "... 12 were killed. Another 30 were wounded."
            para_prev = last[1] if last[0] == para else None
            made = _figure(text, sent, toks, number, before, ctx.ents, prev_verb, para_prev)
            if made is None:
                continue
            fig, prev_verb = made
            earlier = sent_figures[-1] if sent_figures else para_prev
            if (
                fig.measure in {"figure", "number"}
                and earlier is not None
                and (earlier.unit or earlier.measure not in {None, "figure", "number"})
            ):
                # "Organisers said 100,000 people joined. Police put the figure at 20,000":
                # the figure is the one just given
                fig.unit, fig.measure = earlier.unit, earlier.measure
            fig.location = _location(text, sent, ctx.ents, fig, candidates)
            if periods is None:  # only for sentences that hold a figure
                periods = [  # "the smallest rise since 2021" compares; it is no period
                    p
                    for p in find_periods(text, sent.start, sent.end)
                    if not _SUPERLATIVE_BEFORE.search(text, max(sent.start, p.start - 60), p.start)
                ]
                dates = [d for d in find_dates(text, sent.start, sent.end, published) if d.point]
            # a period or date inside another clause ("..., which until last year were
            # protected") says when that clause happened, not when the figure held
            fig.period = _nearest_period(text, _in_clause(text, periods, fig), fig, candidates)
            own_month = _past_month(text, sent, fig, pub)
            if own_month is not None and fig.period is not None:
                # "rose 0.2% last month after a 0.2% gain in July": the July figure has its
                # own time; the period before it is the other figure's
                fig.period = None
            fig.as_of = (
                # "a 0.2% gain in July" / "rose 0.2% last month", "the department said on
                # Wednesday": the figure's own month before the day it was said
                own_month
                or _end_of_last(fig.period, pub)
                or _nearest_date(_in_clause(text, dates, fig), fig, text)
                or _that_day(text, sent, published)
                or _past_year(text, sent, fig, pub)
                or default_as_of
            )
            picked = _pick_source(ctx, ctx.explicit(i), fig)
            if picked is not None and text[fig.start : fig.end] in (picked.name or ""):
                picked = None  # "Six in 10 voters said ...": the figure is no source of itself
            fig.source = picked or ctx.carried(i) or Source(None, "unattributed")
            said_by = _quoted_by(spoken, fig, text)
            if (
                said_by is not None
                and not any(  # "..., according to data": its own source
                    p >= fig.start and text[p : p + 9].lower() == "according"
                    for p, _ in ctx.explicit(i)
                )
            ):
                fig.source = said_by
            if number.currency:  # "NT$3 billion ($92 million)": the conversion is kept
                conv = _currency_conversion(text, number, by_sentence[i])
                if conv is not None:
                    fig.original_value, fig.original_unit = conv
            sent_figures.append(fig)
        sent_figures = _shared_noun_lists(text, sent, candidates, sent_figures)
        if sent_figures:
            ctx.figure_sentences.add(i)
            last = (para, sent_figures[-1])
        figures.extend(sent_figures)
    for fig in figures:
        if dollar != "USD" and fig.unit == "USD" and _BARE_DOLLAR.search(text, fig.start, fig.end):
            fig.unit = dollar  # "$50m" in an Australian paper; "US$50m" stays USD
        if rupee != "INR" and fig.unit == "INR" and _BARE_RUPEE.search(text, fig.start, fig.end):
            fig.unit = rupee  # "Rs18.9 trillion" in a Pakistani paper; "Indian rupees" stay INR
    return figures


# "$", "dollars" with no country in front of them
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$|(?<!US )(?<!U\.S\. )\bdollars?\b")
# "Rs", "rupees" with no country in front of them
_BARE_RUPEE = re.compile(r"\bRs(?![a-z])|(?<!Indian )\brupees?\b")


def _shared_noun_lists(
    text: str, sent: Span, candidates: Sequence[NumberMatch], found: list[Figure]
) -> list[Figure]:
    """ "police counted 8,000, 5,500 and 3,000 marchers": bare numbers listed before the one
    that names what they count are counts of it too, each a figure like the last one (with
    "respectively" the places are the list's, one each: no single place is theirs)."""
    by_start = {f.start: f for f in found}
    added: list[Figure] = []
    chain: list[NumberMatch] = []
    for number in candidates:
        made = by_start.get(number.start)
        if made is None:
            if chain and not _LIST_JOIN.fullmatch(text, chain[-1].end, number.start):
                chain = []
            if number.value_max is not None or (
                not chain and _NOT_A_LIST_BEFORE.search(text, sent.start, number.start)
            ):
                chain = []  # a range ("30 to 44"), "between the ages of 18 and 29"
                continue
            chain.append(number)
            continue
        if (
            chain
            and _LIST_JOIN.fullmatch(text, chain[-1].end, number.start)
            and made.value_max is None
            and not made.qualifier
        ):
            # (the chain holds only numbers joined one to the next)
            respectively = bool(_RESPECTIVELY.search(text, made.end, sent.end))
            for bare in chain:
                copy = dataclasses.replace(
                    made, start=bare.start, end=bare.end, value=bare.value, value_max=None,
                    qualifier=bare.qualifier, original_value=None, original_unit=None,
                )  # fmt: skip
                if made.original_unit is not None:  # "4, 6 and 9 miles": converted alike
                    copy = dataclasses.replace(
                        copy, value=made.value / (made.original_value or 1) * bare.value,
                        original_value=bare.value, original_unit=made.original_unit,
                    )  # fmt: skip
                if respectively:
                    copy.location = None
                added.append(copy)
            if respectively:
                made.location = None
        chain = []
    if not added:
        return found
    return sorted([*found, *added], key=lambda f: f.start)


# between the numbers of a list: "8,000, 5,500 and 3,000" ("four or five people" is one
# guess, not two counts)
_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NOT_A_LIST_BEFORE = re.compile(
    r"(?:\b(?:between|from|aged|ages?(?:\s+of)?)|\+/-|±)\s*$|[-+±]$", re.IGNORECASE
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


_IN_PARENS = re.compile(
    r"\s*\(\s*(?:about|some|around|roughly|nearly|approximately|or|~)?\s*", re.IGNORECASE
)


_THAT_DAY = re.compile(r"\b(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b", re.I)


def _that_day(text: str, sent: Span, published: str | None) -> str | None:
    """ "That day", "the same evening": the date the report last named before the sentence."""
    if not _THAT_DAY.search(text, sent.start, sent.end):
        return None
    named = [d.iso for d in find_dates(text, 0, sent.start, published) if d.point and d.iso]
    return named[-1] if named else None


def _currency_conversion(
    text: str, number: NumberMatch, numbers: Sequence[NumberMatch]
) -> tuple[float, str] | None:
    """(value, currency) of a conversion in brackets right after a sum of money."""
    for other in numbers:
        if (
            other.start > number.end
            and other.currency
            and other.currency != number.currency
            and other.value_max is None
            and _IN_PARENS.fullmatch(text, number.end, other.start)
        ):
            return other.value, other.currency
    return None


def _quoted_by(spoken: Sequence[Quote], fig: Figure, text: str) -> Source | None:
    """The speaker of the narrowest quote the figure sits in ("Smith told Jones that 12 ...")."""
    for q in spoken:  # narrowest first
        if q.start <= fig.start and fig.end <= q.end:
            source = _speaker_source(q)
            if not _respondents(text, source):
                return source
    return None


def _speaker_source(q: Quote) -> Source:
    """A quote's speaker as a figure's source: the name, or the title when it has none
    (without its article, as the sources named here: "the ministry" is "ministry")."""
    sp = q.speaker
    assert sp is not None
    name = sp.name or sp.title
    if name and (not sp.name or sp.kind != "person"):
        name = _strip_det(name)
    title = sp.title if sp.name else None
    return Source(name, sp.kind, sp.start, sp.end, title)


_CONTINUES = re.compile(
    r"\W*(?:furthermore|moreover|in\s+addition|additionally|also|besides|what\s+is\s+more|"
    r"what[’']s\s+more|on\s+top\s+of\s+that|similarly|likewise|at\s+the\s+same\s+time|"
    r"(?:he|she|it|they)\s+(?:also\s+)?(?:added|noted|said))\b",
    re.IGNORECASE,
)


_OPENS = re.compile(r"\W*(?:(?:but|and|yet|so|also|however|now|meanwhile)\W+)?", re.IGNORECASE)


class _Context:
    """What the figures of one article share, computed only where a figure needs it."""

    def __init__(
        self,
        text: str,
        doc: Any,
        sents: list[Span],
        ents: list[Entity],
        paragraphs: Sequence[Span] | None,
        spoken: Sequence[Quote] = (),
    ) -> None:
        self.text = text
        self.doc = doc
        self.sents = sents
        self.ents = ents
        # the quotes credited to a speaker, by where their cue is: the quote stage resolved
        # that speaker (pronouns, bare titles, names by role), so a figure's source agrees
        self.cued: dict[int, Quote] = {}  # the start of each word of a cue -> its quote
        for q in spoken:
            if q.cue is None:
                continue
            for w in _LETTERS.finditer(text, q.cue.start, q.cue.end):
                known = self.cued.get(w.start())
                # the widest: an indirect quote before the mixed quote inside it
                if known is None or q.end - q.start > known.end - known.start:
                    self.cued[w.start()] = q
        self.para_starts = _paragraph_starts(text, sents, paragraphs)
        self._explicit: dict[int, list[tuple[int, Source]]] = {}
        self._titles: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        self._people: dict[str, str] | None = None
        self._table: dict[int, tuple[str, str]] | None = None
        self.figure_sentences: set[int] = set()

    def tokens(self, i: int) -> list[_Tok]:
        sent = self.sents[i]
        return _tokens(self.text, sent.start, sent.end, self._tags(sent))

    def _tags(self, sent: Span) -> dict[int, tuple[str, str]]:
        doc = self.doc
        if doc is None:
            return {}
        char_span = getattr(doc, "char_span", None)
        if char_span is not None:  # a spaCy Doc: read only this sentence's tokens
            span = char_span(sent.start, sent.end, alignment_mode="expand")
            if span is not None:
                return {int(t.idx): (str(t.tag_ or ""), str(t.lemma_ or "")) for t in span}
        if self._table is None:
            self._table = _token_table(doc)
        return self._table

    def paragraph(self, i: int) -> int:
        return _paragraph_of(self.sents[i].start, self.para_starts)

    def quote_at_cue(self, pos: int) -> Quote | None:
        """The quote whose cue holds the word at `pos`."""
        return self.cued.get(pos)

    def explicit(self, i: int) -> list[tuple[int, Source]]:
        if i not in self._explicit:
            self._explicit[i] = _explicit_sources(self, i)
        return self._explicit[i]

    def carried(self, i: int) -> Source | None:
        """The last source named earlier in the same paragraph, while its account goes on.

        The account goes on when that source framed a whole passage ("According to X, ..."),
        when it was itself giving figures ("X said 12 were killed. Another 30 were hurt."), or
        when this sentence says it continues ("Furthermore, ...", "It also ..."). A passing
        remark ("Analysts said talks stalled.") does not make the next figure theirs.
        """
        para = self.paragraph(i)
        for j in range(i - 1, -1, -1):
            if self.paragraph(j) != para:
                return None
            # an agent ("measured at 7.2 by X") speaks only for its own phrase
            found = [f for f in self.explicit(j) if self.text[f[0] : f[0] + 3].lower() != "by "]
            if not found:
                continue
            pos, src = found[-1]
            if _RELATIVE_CUE.search(self.text, max(self.sents[j].start, pos - 60), pos):
                return None  # "The outage, which Microsoft estimates hit 8.5 million ...": its own
            framing = self.text[pos : pos + 9].lower() == "according" and _OPENS.fullmatch(
                self.text, self.sents[j].start, pos
            )  # "According to X, ..." frames what follows; "..., according to X." does not
            sent = self.sents[i]
            if _BACKGROUND.search(self.text, sent.start, sent.end):
                return None  # "The city has a population of 300,000": the writer's background
            if (
                framing
                or j in self.figure_sentences
                or _CONTINUES.match(self.text, sent.start, sent.end)
            ):
                return src
            return None
        return None

    def person_before(self, i: int) -> Source | None:
        """The last person named as a source before sentence `i` (for "he said")."""
        for j in range(i - 1, max(-1, i - 20), -1):
            for _, src in reversed(self.explicit(j)):
                if src.kind == "person" and src.name:
                    return src
        return None

    def people(self) -> dict[str, str]:
        """Surname (lower case) → the fullest name of each PERSON entity in the article."""
        if self._people is None:
            self._people = {}
            for e in self.ents:
                if e.label != "PERSON":
                    continue
                name = _strip_titles(_full_name(self.text, e, self.ents))
                parts = name.split()
                if not parts or any(w.lower() in _ORG_WORDS for w in parts):
                    continue  # "Policy Center", "Times": the tagger's mistakes
                key = re.sub(r"[’']s$", "", parts[-1]).lower()
                if len(name) > len(self._people.get(key, "")):
                    self._people[key] = name
        return self._people

    def full_name(self, name: str) -> str:
        if name not in self._names:
            self._names[name] = _full_name_text(self.text, name)
        return self._names[name]

    def title_of(self, name: str | None) -> str | None:
        """A title written before the name anywhere in the article ("Ukrainian MP Kira Rudik")."""
        if not name:
            return None
        if name not in self._titles:
            self._titles[name] = title_in_text(self.text, name)
        return self._titles[name]


# a standing fact about a place, not a development anyone reports: not carried from the
# source of the sentence before
_BACKGROUND = re.compile(
    r"\b(?:(?:has|had)\s+(?:a\s+)?(?:\w+\s+)?population|population\s+of|(?:is|was)\s+home\s+to"
    r"|(?:has|have)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+|around\s+|roughly\s+)?"
    r"[\d.,]+\s*(?:million|billion|m|bn)?\s+(?:residents|inhabitants|citizens))\b",
    re.IGNORECASE,
)
# a cue inside a relative clause: "..., which Microsoft estimates ...", "..., that officials put"
_RELATIVE_CUE = re.compile(r",\s*(?:which|that|who)\s+(?:[\w’'.-]+\s+){1,4}$")


def _token_table(doc: Any) -> dict[int, tuple[str, str]]:
    table: dict[int, tuple[str, str]] = {}
    try:
        for tok in doc:
            table[int(tok.idx)] = (
                str(getattr(tok, "tag_", "") or ""),
                str(getattr(tok, "lemma_", "") or ""),
            )
    except TypeError:
        return {}
    return table


def _tokens(text: str, start: int, end: int, tags: dict[int, tuple[str, str]]) -> list[_Tok]:
    out = []
    for m in _WORD.finditer(text, start, end):
        tag, lemma = tags.get(m.start(), ("", ""))
        out.append(_Tok(m.start(), m.end(), m.group(), m.group().lower(), tag, lemma.lower()))
    return out


def _entity_list(entities: Sequence[Entity], doc: Any) -> list[Entity]:
    if entities:
        return sorted(entities, key=lambda e: e.start)
    out: list[Entity] = []
    for ent in getattr(doc, "ents", ()) or ():
        label = _ENTITY_LABELS.get(str(ent.label_))
        if label:
            out.append(Entity(ent.start_char, ent.end_char, label))
    return out


_ENTITY_LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
}


def _paragraph_starts(
    text: str, sentences: Sequence[Span], paragraphs: Sequence[Span] | None
) -> list[int]:
    if paragraphs:
        return sorted(p.start for p in paragraphs)
    starts: list[int] = []
    prev_end = -1
    for sent in sorted(sentences, key=lambda s: s.start):
        if prev_end < 0 or "\n" in text[prev_end : sent.start]:
            starts.append(sent.start)
        prev_end = sent.end
    return starts


def _paragraph_of(pos: int, starts: list[int]) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _index_at(toks: list[_Tok], pos: int) -> int:
    """Index of the first token starting at or after `pos`."""
    for i, t in enumerate(toks):
        if t.start >= pos:
            return i
    return len(toks)


# --- one figure -------------------------------------------------------------------------------


# "fell by a fifth": a share in words after "by" is a change
_BY_BEFORE = re.compile(r"\bby\s+(?:about\s+|almost\s+|nearly\s+|more\s+than\s+)?$", re.I)


@dataclass(slots=True)
class _Counted:
    unit: str | None
    noun: str | None  # the measure noun key
    counted: str | None
    end: int  # where the figure's span ends (after the unit or noun)
    category: str | None
    unit_match: UnitMatch | None


def _figure(
    text: str,
    sent: Span,
    toks: list[_Tok],
    number: NumberMatch,
    before: list[Figure],
    ents: list[Entity],
    prev_verb: str | None = None,
    para_prev: Figure | None = None,
) -> tuple[Figure, str | None] | None:
    counted = _counted(text, sent, toks, number)
    if counted is not None and counted.category == "duration":
        return None
    if counted is not None and counted.unit_match is None and counted.counted in _ELIDING:
        counted = None  # "and two others were injured": the noun of the figure before
    i_first = _index_at(toks, number.number_start)
    i_after = _index_at(toks, counted.end if counted else number.end)
    verb, pending, planned = _governing_verb(text, toks, i_first, i_after, number)
    if (
        verb is None
        and prev_verb
        and before
        and _COORDINATED.fullmatch(text, before[-1].end, number.start)
    ):
        verb = prev_verb  # "launched 45 drones and three missiles"
    if counted is None:
        # no noun: an ellipsis of the figure before ("and another 59,000 are leaving") or the
        # object of a verb that counts people ("killed 12")
        # a bare number does not elide a percent sign or a currency ("42.5%, ... and 9.4 million")
        prev = next(
            (
                f
                for f in reversed(before)
                if f.unit
                and f.unit not in _NOT_ELIDED
                and not (f.unit.isupper() and len(f.unit) == 3)
            ),
            None,
        )
        verb_key = _verb_key(verb) if verb else None
        if (
            prev is not None
            and prev.unit
            and (verb or _ELLIPSIS.search(text, sent.start, number.start))
            and not _LEVEL_OF_ANOTHER.search(text, max(sent.start, number.start - 40), number.start)
            and not _TOLL_TO.search(text, max(sent.start, number.start - 130), number.start)
        ):  # "two people died, and the death toll has risen to three": the toll, not "people"
            counted = _Counted(prev.unit, _noun_of(prev), prev.counted, number.end, None, None)
        elif verb_key in _PEOPLE_VERBS:
            counted = _Counted("people", "people", "people", number.end, "people", None)
        elif _NOT_COUNTED_AFTER.match(text, number.end):
            return None  # "10 times the average"
        else:
            # a tally names what it counts, whatever phrase stands before the verb: "the
            # death toll from the flooding has risen to seven" counts deaths, not flooding
            tally = _TALLY_TO.search(text, max(sent.start, number.start - 130), number.start)
            governing = _governing_noun(text, sent, number) if tally else None
            subject = (
                governing
                or _level_subject(text, toks, i_first, number)
                or (None if tally else _governing_noun(text, sent, number))
            )
            if subject is None:
                return None
            lexical = match_unit(f" {subject}", 0)
            if lexical is not None and lexical.end == len(subject) + 1:  # "number of evacuees"
                counted = _Counted(lexical.unit, lexical.noun, subject, number.end, None, None)
            else:
                counted = _Counted(None, subject, subject, number.end, None, None)
            verb = _done_to_the_counted(tally.group(0)) if tally and governing else None
    elif (
        number.words
        and counted.unit_match is None
        and not number.currency
        and (verb is None or verb in _LEVEL_VERBS)
        and number.value < 1000
        and number.kind != "proportion"
        and not (counted.category == "people" and counted.noun in _AFFECTED)
    ):
        # a small number in words counting a plain noun ("two countries"): only when a verb of
        # measure governs it; "a million homes" is a count whatever follows it
        return None
    if number.value == 0:
        return None
    value, vmax = number.value, number.value_max
    original_value: float | None = None
    original_unit: str | None = None
    if counted.unit_match is not None:
        value, original_value, original_unit = convert(value, counted.unit_match)
        if vmax is not None:
            vmax, _, _ = convert(vmax, counted.unit_match)
    elif number.base is not None:  # "six in 10": 60%, written "6 in 10"
        original_value, original_unit = round(value * number.base / 100, 6), f"in {number.base:g}"
    unit = number.currency or counted.unit
    noun = counted.noun
    money = bool(number.currency) or counted.category == "currency"  # "$5m", "5 million euros"
    if money and (counted.noun or "").startswith("money_per_"):
        noun = counted.noun  # a price: "money_per_barrel"
    elif money:
        noun = _head(counted.counted) or "money"
        of_noun = _AMOUNT_OF.search(text, max(sent.start, number.start - 40), number.start)
        if noun == "money" and of_noun is not None:
            # "sales of €189bn", "a fine of $5m", "a budget of £2bn": what the amount is
            words = of_noun.group(1).split()
            word = words[-1]
            if word not in _FUNCTION and word not in _NOT_GOVERNING and not _is_verb_form(word):
                noun = word
                modifier = words[0] if len(words) > 1 else ""
                plain = (
                    modifier
                    and modifier not in _FUNCTION
                    and modifier not in _CUE_WORDS  # "Nvidia forecast revenue of $32.5bn"
                    and not _is_verb_form(modifier)
                )
                # "an aid package of 250 million euros": the package, of aid
                counted.counted = counted.counted or (f"{modifier} {word}" if plain else word)
        if noun == "money" and (verb is None or verb in _LEVEL_VERBS):
            # "Revenue rose to $4.2 billion", "Net income fell to $310 million", "the prize
            # money is worth €20 million": the amount is the level of what rose or fell, not
            # any money
            level = _level_subject(text, toks, i_first, number)
            noun = _head(level) or noun
            counted.counted = counted.counted or level
    elif (
        counted.category in {"length", "volume", "power", "mass", "speed"}
        and counted.counted is None
        and (verb is None or verb in _LEVEL_VERBS)
    ):
        # "the storm surge could reach 15 feet", "the train reached 200 mph": the level of
        # what (the measure stays the quantity's, "distance" or "speed", so that "a surge of
        # 15 feet" elsewhere still meets it)
        counted.counted = _level_subject(text, toks, i_first, number)
    elif counted.category == "percent":
        pct_measure: str | None = None
        holder: str | None = None
        change_noun = (
            _PCT_CHANGE_NOUN.match(text, counted.end) if counted.unit == "percent" else None
        )
        if counted.counted is not None and counted.unit == "percent":
            # "14% of the vote": a share of the noun, whoever won or took it
            pct_measure = f"{_key(_head(counted.counted))}_share"
        elif change_noun is not None:
            # "a 5.5% pay rise", "a 10% cut": the change the percent qualifies, whatever verb
            # governs it ("rejected a 5.5% pay rise" is no share of anything)
            what, change = change_noun.group("what"), change_noun.group("change").lower()
            kind = _CHANGE_NOUNS.get(change.rstrip("s"), change.rstrip("s"))
            counted.counted = " ".join(change_noun.group(0).split()).lstrip("-")
            pct_measure = f"{_key(what)}_{kind}" if what else kind
        else:
            subject, direction = _percent_subject(text, sent, toks, number)
            if subject is None:
                # "rose 0.1% on the month and 2.7% on the year": the same subject and change
                # ("fell 0.8% and are now down 4%": the particle already gave the direction)
                shared, shared_direction = _coordinated_change(text, number, before)
                subject, direction = shared, direction or shared_direction
            if counted.counted is None and subject:
                counted.counted = subject  # "The index rose 2.5%", "inflation held at 3.2%"
            parallel = None
            if counted.counted is None and counted.unit == "percent":
                # "33% of the vote, ahead of X with about 28%", "10.4 million votes, or 42.5%"
                parallel = _parallel_share(text, sent, number, before, para_prev)
            if parallel is not None:
                counted.counted, direction = parallel[0], None
                pct_measure = parallel[1]
            if counted.counted is None:  # "turnout was 61%"
                counted.counted = _level_subject(text, toks, 0, number)
            if counted.counted is None and counted.unit == "percent":
                # "Jalili won 42.5%": nothing says of what, so the share takes its holder, as
                # a change takes its subject ("the Nasdaq gained 2.5%")
                counted.counted = holder = _share_holder(text, sent, toks, number)
                if holder:  # won, took, got, secured: one family ("seats_won")
                    pct_measure = "share_won"
            if direction in {"rise", "fall"} and counted.unit == "percent":
                # a change in the level of whatever the subject is: "the index rose 2.5%" and
                # "the Nasdaq climbed 2.5 per cent" are one quantity
                pct_measure = direction
            elif direction == "level" and counted.counted and parallel is None:
                pct_measure = _key(_head(counted.counted))
        noun = "share" if holder else _head(counted.counted) or "share"
        if counted.unit == "percentage points":
            # "cut rates by half a percentage point", "a 25-basis-point cut": one rate step,
            # whatever verb or outlet reports it
            pct_measure = _rate_step(text, sent, number, counted.counted) or pct_measure
    change = _CHANGE_OF.fullmatch(counted.counted or "") if not number.currency else None
    if change is not None and verb is None and counted.category == "count":
        # "1,400 job cuts" are 1,400 jobs cut, as "cutting 1,400 jobs" is
        unit = noun = change.group(1).lower() + "s"
        verb = _CHANGE_HEADS[change.group(2).lower()]
    elif verb == "lose" and _LOSE_JOBS.match(text, counted.end):
        unit = noun = "jobs"  # "1,100 workers will lose their jobs": 1,100 jobs cut, not deaths
        verb = "cut"
    power_cut = (
        counted.category in {"count", "people"}
        and not number.currency
        and _NO_POWER.match(text, counted.end)
    )
    measure: str | None
    if power_cut:
        # "homes lost power", "customers were without electricity", "left in the dark": one
        # measure whichever way an outlet words it
        measure = f"{_key(noun)}_without_power"
    elif counted.category == "percent" and pct_measure:
        measure = pct_measure
    elif counted.category in {"magnitude", "temperature"}:
        # a reading: "quake_killed" would read a magnitude as a count of people, and "the
        # record of 37.6C" is a temperature like any other
        measure = counted.category
    elif verb is None and counted.counted and counted.counted.lower() in _NOUN_MEASURES:
        measure = _NOUN_MEASURES[counted.counted.lower()]
    elif verb is None and noun in _NOUN_MEASURES:
        measure = _NOUN_MEASURES[noun]
    elif verb is None and noun == "toll" and unit is None and not number.currency:
        measure = "people_killed"  # "the toll rose to 312": a bare toll in news is of the dead
    else:
        measure = measure_key(
            noun,
            verb,
            pending=pending,
            planned=planned,
            human=unit in {"people", "soldiers", "prisoners"},
        )
    if unit is None and ((measure or "").startswith("people_") or noun == "crowd"):
        unit = "people"  # "the death toll has risen to seven": seven people, like "7 dead"
    start = number.start
    minus = _MINUS_BEFORE.search(text, max(0, number.start - 8), number.start)
    if minus and counted.category == "temperature":
        # "fell to minus 9C", "-9C": below zero (other units have no sign in news prose)
        value, vmax, start = -value, (-vmax if vmax is not None else None), minus.start()
        original_value = -original_value if original_value is not None else None
    fig = Figure(
        start=start,
        end=counted.end,
        value=value,
        unit=unit,
        value_max=vmax,
        counted=counted.counted,
        measure=measure,
        qualifier=number.qualifier
        or ("more than" if _FLOOR_VERB.search(text, max(0, start - 16), start) else None),
        original_unit=original_unit,
        original_value=original_value,
    )
    return fig, verb


_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|"
    r"Dr|Way|Place|Pl|Square|Sq|Court|Ct|Terrace|Highway|Hwy|Parkway|Pkwy)\b"
)
_EMERGENCY_CALL = re.compile(
    r"(?:911|999|112|000)\s+(?:calls?|callers?|dispatch(?:ers?)?|operators?|cent(?:re|er)s?|"
    r"lines?|system|services?|recordings?)\b",
    re.IGNORECASE,
)
_GLUED_SIZE = re.compile(r"(?:g|kg|mg|ml|cl|oz|lb|lbs|v|kw|kwh|gb|tb|mb|mp)\s+(?!of\b)[a-z]", re.I)
_AGE_VERB_BEFORE = re.compile(
    r"\b(?:he|she|i|you|we|they|who)\s+(?:was|is|were|turned|turns)\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)
# codes that read like temperatures: "batch numbers 24B and 24C", "lot 12F", "seat 14C"
_CODE = re.compile(r"\b\d+[ABD-EG-Z]\b")
_CODE_WORD = re.compile(
    r"\b(?:batch(?:es)?|codes?|lots?|models?|numbers?|rooms?|gates?|flights?|platforms?|seats?|"
    r"rows?|units?|blocks?|apartments?|flats?|suites?|routes?|sizes?|grades?|versions?)\b[^.;]*$",
    re.IGNORECASE,
)
_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|(?<![\w.,])[-−–])$", re.IGNORECASE)
_ELIDING = frozenset({"others", "more"})
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as\s+well\s+as\s+)")
# what sits between a figure and a later number that elides its noun: "and another 59,000",
# "88 seats, down from 240", "from 48 seats to nine", "won 4.2 million votes and Ms Green 2.1
# million" (a name or two may stand before the elided figure)
_ELLIPSIS = re.compile(
    r"(?:\banother|\bthe\s+other|\ba\s+further|\band|,|\bwhile|\bwith|\bfrom|\bto|\bthan|"
    r"\bversus|\bvs\.?|\bagainst|\bincluding|\bof\s+which|\bof\s+whom)"
    r"\s*(?:(?:about|some|around|nearly|more\s+than|at\s+least)\s+)?"  # "including about 2,500"
    r"(?:(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,3})?$"
)
# a noun that governs the number through "of" or "to": "a majority of 170", "a total of 2,000",
# "raised the death toll from the blast to 13"
_OF_NOUN = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+((?:[a-z]+\s+)?[a-z]{3,})\s+of\s+$")
_PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|all|its|their)\s+(?=[a-z])", re.IGNORECASE)
_NOUN_OUT_OF = re.compile(r"[\w-]+\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s+out\s+of\b")
# the noun an amount belongs to: "sales of €189bn", "a fine of about $5m", "aid worth $40bn"
_AMOUNT_OF = re.compile(
    r"(?<![\w’'])((?:[a-z]+\s+)?[a-z]{3,})\s+(?:of|worth)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|"
    r"more\s+than\s+|less\s+than\s+|up\s+to\s+|at\s+least\s+|over\s+|just\s+)?$"
)
_TOLL_TO = re.compile(r"\btoll\b(?:[^.;:!?]|\.(?=\d)){0,100}?\bto\s+$", re.I)
_TALLY_TO = re.compile(
    r"\b((?:death\s+)?(?:toll|total|tally|count|number))\b(?:[^.;:!?]|\.(?=\d)){0,100}?"
    r"\b(?:to|above|past|beyond|passed|topped|exceeded|reached|surpassed|hit|rose|risen|"
    r"climbed|stood|stands)\s+$"
    # "the crisis centre put the number of deaths at three"
    r"|\b(?:put|puts|putting|placed|places|estimated|estimates|set|sets)\s+(?:the|its|their)\s+"
    r"(?:national\s+|overall\s+|official\s+|final\s+|latest\s+|total\s+)?"
    r"((?:death\s+)?(?:toll|total|tally|count|number|figure|crowd|turnout)(?:\s+of\s+[a-z]+)?)"
    # "estimated the crowd in the city centre at 15,000"
    r"(?:\s+(?:in|on|outside|near|across|around)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
    r"\s+at\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|more\s+than\s+)?$"
    # "while organisers put it at 100,000": the figure just given, estimated again
    r"|\b(?:put|puts|putting|placed|places|estimated|estimates|set|sets)\s+(?P<it>it)\s+at\s+"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|more\s+than\s+)?$",
    re.I,
)


_NOT_ELIDED = frozenset({"percent", "percentage points"})


def _done_to_the_counted(tally: str) -> str | None:
    """ "The number of people killed ... has risen to 39": what happened to those counted, the
    participle after them (a verb of `_VERB_KEYS`), else None."""
    m = _NUMBER_OF_DONE.search(tally)
    if m is None or m.group(1).lower().endswith("ing"):
        return None  # "the number of people collecting benefits": no past participle
    lemma = _lemma_of(m.group(1))
    return lemma if lemma in _VERB_KEYS else None


_NUMBER_OF_DONE = re.compile(r"\b(?:number|total|tally|count)\s+of\s+[a-z]+\s+([a-z]+)\b", re.I)


def _governing_noun(text: str, sent: Span, number: NumberMatch) -> str | None:
    """The noun a bare number measures through "of"/"to": "a majority of about 170"."""
    floor = max(sent.start, number.start - 130)
    m = _OF_NOUN.search(text, floor, number.start)
    if m:
        words = m.group(1).split()
        if words[-1] in _FUNCTION or _is_verb_form(words[-1]) or words[-1] in _NOT_GOVERNING:
            return None
        return " ".join(w for w in words if w not in _FUNCTION and not w.endswith("ly"))
    t = _TALLY_TO.search(text, floor, number.start)
    if t is None:
        return None
    if t.group("it"):
        return "figure"  # aligned with the figure before it (`extract_figures`)
    # "the total number of prisoners exchanged ... to 2,000": the prisoners are counted
    of = re.search(r"\b(?:number|total|tally|count)\s+of\s+([a-z]+)", t.group(0))
    if of is not None:
        unit = match_unit(f" {of.group(1)}", 0)
        counted = of.group(1)
        whole_unit = unit is not None and unit.end == len(counted) + 1
        if whole_unit or counted.lower() in _NOUN_MEASURES:
            return counted  # "the number of evacuees", "the number of deaths": those counted
    return (t.group(1) or t.group(2)).lower()


# nouns before "of N" that do not count anything: "a ratio of 3", "the age of 12"
_NOT_GOVERNING = frozenset(
    {"age", "ages", "ratio", "score", "rate", "scale", "factor", "kind", "sort", "type", "one",
     "out", "some", "most", "many", "each", "all", "none", "both", "either", "neither", "any",
     "class", "group", "team", "grade", "level", "list", "series", "article", "section",
     "upward", "upwards"}  # "upward of $10 million": more than, of nothing
)  # fmt: skip


def _noun_of(fig: Figure) -> str | None:
    if fig.measure is None:
        return None
    return fig.measure.split("_")[0] if fig.unit else fig.measure


def _head(phrase: str | None) -> str | None:
    if not phrase:
        return None
    words = re.split(r"\s+(?:in|of|near|at|from|on|for|across)\s+", phrase, maxsplit=1)[0].split()
    return words[-1].lower() if words else None


_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|from|of|for|after|before|during|early|late|mid|"
    r"to|and|the|year|between)\s*$"
)
_COMPOUND = re.compile(r"[-‑][^\W\d_]")
_YEARS_OLD = re.compile(r"\s+years?\s+old\b|\s*-?\s*years?-old", re.IGNORECASE)
_CLOSE = re.compile(r"\s*[,)]")
_AMPM = re.compile(r"\s*[-–]?\s*(?:a\.m|p\.m)")
_AGE_LIMIT_BEFORE = re.compile(
    r"\b(?:people|children|kids|those|men|women|adults|voters|anyone|everyone|persons?|"
    r"users|students|girls|boys)\s+(?:under|over|above|below|aged|between)\s+$",
    re.IGNORECASE,
)
_RATE_STEP = re.compile(r"[-‑](?:basis|percentage)[-‑\s]+points?\b", re.IGNORECASE)
_POINT_AFTER = re.compile(r"[-‑\s]+points?\b", re.IGNORECASE)
# what a rate step is a step of: "a 50-basis-point cut", "a quarter-point hike"
_CHANGE_NOUN = re.compile(
    r"[-‑\s]+(?:(?:interest[-‑\s]+)?rates?[-‑\s]+)?"  # "a half-point interest rate cut"
    r"(?P<noun>cut|cuts|rise|rises|hike|hikes|increase|increases|reduction|reductions|"
    r"move|drop|decline|gain|fall|easing|tightening)\b",
    re.IGNORECASE,
)
_STEP_NOUNS = {"cut": "cut", "reduction": "cut", "easing": "cut", "hike": "hike"}
_STEP_NOUNS |= {"increase": "hike", "tightening": "hike"}
_STEP_VERB_BY = re.compile(
    r"\b(?:(?P<cut>cut|cuts|cutting|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?"
    r"|trim(?:s|med|ming)?)|(?P<hike>rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?))"
    r"\b[^.;:!?]{0,60}?\bby\s+(?:about\s+|another\s+|a\s+further\s+)?$",
    re.IGNORECASE,
)


def _rate_step(text: str, sent: Span, number: NumberMatch, counted: str | None) -> str | None:
    """ "cut" or "hike" for a step in a rate, by its noun ("a half-point cut") or its verb
    ("lowered its benchmark rate by 50 basis points"); None for anything else."""
    if counted is not None:
        return _STEP_NOUNS.get(counted.lower().rstrip("s"))
    verb = _STEP_VERB_BY.search(text, max(sent.start, number.start - 90), number.start)
    if verb is None:
        return None
    return "cut" if verb.group("cut") else "hike"


_PLURAL_NUMBER = re.compile(r"[’']?s\b")
_OUT_OF_AFTER = re.compile(r"\s+out\s+of\s+(?:every\s+)?(?:\d|ten\b|a\s+hundred)", re.IGNORECASE)
_EVERY_AFTER = re.compile(r"\s+(?:worth\s+)?(?:of|in|out\s+of)\s+(?:every|each)\b", re.I)
_INTENSIFIER = re.compile(
    r"\s*(?:percent|per\s+cent|%)\s+(?:sure|wrong|right|certain|behind|committed|correct|"
    r"true|false|confident|accurate|clear|safe|honest|convinced|serious|effective)\b",
    re.IGNORECASE,
)
_CONVERSION_BEFORE = re.compile(
    r"\d[\d,.]*\s*(?:[^\W\d_][\w²]*\.?\s*){1,2}\(\s*(?:about|some|around|roughly|nearly|or|~)?\s*$",
    re.IGNORECASE,
)
# "21 of the 25 drones", "37 of the region's 57 seats", "14 of 40 seats": a part of a total
_PARTITIVE_BEFORE = re.compile(
    r"\d[\d,.]*\s+of\s+(?:(?:the|all|its|their|[A-Z][\w.-]*[’']s?)\s+)?(?:[a-z]+[’']s?\s+)?$"
)
# "17 of the injured", "two of the dead": people named by an adjective alone ("of the
# injured soldiers" counts the soldiers)
_AFFECTED = frozenset({"injured", "wounded", "dead", "missing", "displaced"})
_OF_THE_AFFECTED = re.compile(
    rf"\s+of\s+(?:the|those)\s+({'|'.join(_AFFECTED)})\b"
    r"(?!\s+(?!(?:was|is|has|as|us)\b)[a-z]+s\b)",
    re.IGNORECASE,
)
# "shot down 119 of the drones": a part of things named in the plural, no total written
_PART_OF_PLURAL = re.compile(r"\s+of\s+(?:the|those|its|their)\s+(?=[a-z]+s\b(?![’'-]))")
_PARTITIVE_AFTER = re.compile(
    r"\s+of\s+(?:(?:the|all|its|their)\s+)?(?:[\w.-]+[’']s?\s+)?\d[\d,.]*(?=\s)", re.IGNORECASE
)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|my|your|both|all)\s+$", re.IGNORECASE
)
_PROPORTION_BEFORE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:out\s+)?of|in)\s+"
    r"(?:every\s+|each\s+)?\S?$"
    # "46 per 100,000 residents": the base of a rate, not a count
    r"|\bper\s+$",
    re.IGNORECASE,
)
_RATIO_AFTER = re.compile(r"\s*(?:to|-|–|:)\s*\d")
_RATIO_BEFORE = re.compile(r"\d\s*(?:to|-|–|:)\s*$")
# "from 300 to 400", "rose by 2,000 to 230,000": a change, not a ratio
_FROM_BEFORE = re.compile(r"\b(?:from|by)\s+(?:about\s+|some\s+|around\s+)?\S{0,3}$", re.I)
_FROM_PAIR_BEFORE = re.compile(
    r"\b(?:from|by)\s+(?:about\s+|some\s+|around\s+)?\S{0,3}[\d,.]+\s*\S{0,10}\s*(?:to|-|–)\s*\S{0,3}$",
    re.I,
)
_SCALED = re.compile(r"\d{1,3}(?:,\d{3})+\b|[\d.]+\s?(?:[mb]n?|million|billion|thousand)\b", re.I)
_CAP_WORD_BEFORE = re.compile(r"([A-Z][\w’'.&-]*)\s$")


def _year_that_counts(text: str, number: NumberMatch) -> bool:
    """ "2000 people" is a figure; "in 2000" is a year."""
    if number.kind != "year" or number.value_max is not None:
        return False
    before = text[max(0, number.start - 12) : number.start].lower()
    if _YEAR_CONTEXT.search(before):
        return False
    unit = match_unit(text, number.end)
    return unit is not None and unit.category not in {"duration", "percent"}


def _not_a_quantity(text: str, sent: Span, number: NumberMatch) -> bool:
    s, e = number.number_start, number.number_end
    before = text[max(sent.start, s - 20) : s]
    if _AGE_BEFORE.search(before) or _AGE_LIMIT_BEFORE.search(before):
        return True
    if (
        _PLURAL_NUMBER.match(text, e)
        or _EVERY_AFTER.match(text, number.end)
        or _OUT_OF_AFTER.match(text, number.end)
    ):
        return True  # "the 1990s", "a handful of $20s", "$4 of every $5"
    after = text[e : e + 12]
    # "24-hour", "54-year-old", "10-point": hyphenated compounds are adjectives; a rate step
    # ("a 50-basis-point cut", "a quarter-point move") is still a figure
    if (
        _COMPOUND.match(after)
        and not after.lower().startswith(("-strong",))
        and not (number.end > e and _SCALE_AFTER_HYPHEN.match(after))
        and not _RATE_STEP.match(text, e)
        and not _MAGNITUDE_AFTER.match(text, e)
        and not (number.words and number.value < 1 and _POINT_AFTER.match(text, number.end))
    ):
        return True
    if _YEARS_OLD.match(after):
        return True
    # ", 54," after a name: an age
    if _AGE_APPOSITION.search(before) and _CLOSE.match(after) and number.value < 120:
        return True
    if _AMPM.match(after):
        return True
    if _ADDRESS_AFTER.match(text, e) or _EMERGENCY_CALL.match(text, s):
        return True  # "City Hall, 200 Main Street", "the first 911 call"
    if _GLUED_SIZE.match(text, e):
        return True  # "sold in 800g tins", "a 12V battery": a size, not a count
    if _AGE_VERB_BEFORE.search(before) and _CLOSE.match(after) and number.value < 120:
        return True  # "until she was 78,": an age
    # "a 2 to 1 margin", "won 3-1": a ratio or a score (a range would have been merged)
    if not number.words and (
        (_RATIO_AFTER.match(text, number.end) and not _FROM_BEFORE.search(before))
        or (
            _RATIO_BEFORE.search(text, max(0, s - 8), s)
            and not _FROM_PAIR_BEFORE.search(text, max(0, s - 30), s)
        )
    ):
        return True
    if number.start == s and _NAME_PREFIX.search(text, max(sent.start, s - 8), s):
        return True
    if number.start == s and not number.words and _SERIES_NOUN.search(text, max(0, s - 12), s):
        return True
    # a number right after a capitalised word is part of a name: "Lot 10", "Apollo 11"
    if number.start == s and not number.words and not _SCALED.match(text, s, number.end):
        m = _CAP_WORD_BEFORE.search(text, max(sent.start, s - 30), s)
        if m and not _is_plain_word(m.group(1)):
            return True
        if _named_elsewhere(text, s, e):
            return True
    # "the two countries", "both men": a reference to things already counted
    if number.words and number.value < 100 and _DEFINITE_BEFORE.search(before):
        return True
    # "eight of 10 avocados": a proportion, not a count of 10
    if _PROPORTION_BEFORE.search(before):
        return True
    if number.value == 100 and _INTENSIFIER.match(text, e):
        return True  # "100 percent wrong"
    # "1,000 sq km (386 sq miles)": the same figure converted; "21 of the 25 drones": a total
    if _CONVERSION_BEFORE.search(text, max(0, number.start - 40), number.start) or (
        _PARTITIVE_BEFORE.search(before)
    ):
        return True
    # "one" is a pronoun or article far more often than a count; "one spectator was killed"
    # is a toll
    return (
        number.words
        and number.value == 1
        and not match_unit(text, number.end)
        and not _ONE_HURT.match(text, number.end)
    )


# "a $5-million grant", "a Rs 5,000-crore package": the scale of the amount, no compound
_SCALE_AFTER_HYPHEN = re.compile(r"-(?:million|billion|trillion|thousand|lakh|crore)\b(?!-)", re.I)
_ONE_HURT = re.compile(
    r"\s+[a-z]+\s+(?:was|has\s+been|had\s+been|is|remains)\s+(?:[a-z]+ly\s+)?"
    r"(?:killed|injured|wounded|hurt|missing|dead|hospitali[sz]ed|rescued|arrested)\b"
)


_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+s|people|staff|personnel)\b")


def _named_elsewhere(text: str, start: int, end: int) -> bool:
    """A bare 3-4 digit number the report elsewhere writes as part of a name: "737 production"
    in a report that says "Boeing 737" is the aircraft, not 737 of anything. Only when the
    word after it is not a plural noun ("737 passengers" is still a count)."""
    digits = text[start:end]
    if not digits.isdigit() or not 3 <= len(digits) <= 4 or _PLURAL_AFTER.match(text, end):
        return False
    for hit in re.finditer(rf"([A-Z][\w’'.&-]*)\s{digits}\b", text):
        if not _is_plain_word(hit.group(1)):
            return True
    return False


def _is_plain_word(word: str) -> bool:
    """A capitalised word that can sit before a number without naming it."""
    w = word.lower().rstrip(".")
    return (
        w in _FUNCTION
        or w in _PRE_SKIP
        or _lemma_of(w) is not None
        or w
        in {
            "only",
            "nearly",
            "almost",
            "roughly",
            "approximately",
            "around",
            "over",
            "some",
            "about",
            "just",
            "another",
            "all",
            "those",
            "these",
            "additionally",
            "furthermore",
            "moreover",
            "meanwhile",
            "overall",
            "altogether",
            "today",
            "yesterday",
            "so",
            "far",
            "still",
            "now",
            "least",
            "magnitude",
        }
    )


_QUAKE_WORDS = r"(?:earth)?quakes?|tremors?|aftershocks?|foreshocks?|shocks?"
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[-\s]+(?:[a-z]+\s+)?$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[-\s]?magnitude\b", re.IGNORECASE)
_QUAKE_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?({_QUAKE_WORDS})\b", re.IGNORECASE)
_QUAKE = re.compile(rf"\b({_QUAKE_WORDS})\b", re.IGNORECASE)


_PER_UNIT = re.compile(
    r"\s+(?:a|an|per|each)\s+(share|ounce|barrel|tonne|ton|gallon|litre|liter|kilogram|kilo|"
    r"kg|head|person|month|year|week|day|hour)\b"
    r"(?!\s+(?:earlier|ago|before|previously))",  # "£637m a year earlier" is no rate
    re.IGNORECASE,
)


def _counted(text: str, sent: Span, toks: list[_Tok], number: NumberMatch) -> _Counted | None:
    """The unit or noun the number counts, and the phrase it heads."""
    pos = number.end
    magnitude = _MAGNITUDE_AFTER.match(text, pos, sent.end)
    if magnitude or _MAGNITUDE_BEFORE.search(
        text, max(sent.start, number.start - 20), number.start
    ):
        # "a magnitude 7.4 earthquake", "measured at magnitude 7.2", "a 6.1-magnitude tremor":
        # a reading on a scale, never a count of people; the event is the noun after it or the
        # nearest one before it ("an aftershock of magnitude 4.0")
        if magnitude:
            pos = magnitude.end()
        event = _QUAKE_AFTER.match(text, pos, sent.end)
        if event:
            return _Counted(
                "magnitude", "magnitude", event.group(1).lower(), event.end(), "magnitude", None
            )
        earlier = _QUAKE.findall(text, sent.start, number.start)
        counted_event = earlier[-1].lower() if earlier else None
        return _Counted("magnitude", "magnitude", counted_event, pos, "magnitude", None)
    if number.currency:
        # "$5m in aid", "€1.2bn of weapons", "a $5m package"
        scale = re.match(r"\s*(?:dollars|euros|pounds|worth)\b", text[pos : sent.end], re.I)
        if scale:
            pos += scale.end()
        rate = _PER_UNIT.match(text, pos, sent.end)
        if rate:  # "$31 a share", "$80 a barrel": a price, matched only with prices of that
            word = rate.group(1).lower()
            return _Counted(number.currency, f"money_per_{word}", f"per {word}", rate.end(),
                            "currency", None)  # fmt: skip
        obj = _of_phrase(text, pos, sent.end, allow_in=True)
        counted = obj[0] if obj else None
        return _Counted(number.currency, "money", counted, pos, "currency", None)
    if number.kind == "proportion" and _BY_BEFORE.search(
        text, max(sent.start, number.start - 12), number.start
    ):
        # "exports fell by a fifth": a change in percent, read on as "fell by 20%" is
        unit_here: UnitMatch | None = UnitMatch(pos, pos, "percent", "percent", "share")
    else:
        unit_here = None
    if number.kind == "proportion" and unit_here is None:  # "six in 10 voters": a share
        partitive_of = _PARTITIVE_OF.match(text, pos, sent.end)
        if partitive_of and number.base is not None:
            pos = partitive_of.end()  # "one in seven of the deaths"
        of_unit = _unit_after(text, pos, sent.end, toks)
        whole = (of_unit.start, of_unit.end) if of_unit else _plain_noun(text, toks, pos)
        inside = _NOUN_OUT_OF.match(text, number.number_start, number.number_end)
        if whole is None and inside is not None:
            # "Seven French people out of ten are against": a share of those named inside
            return _Counted("percent", "share", inside.group(1), pos, "percent", None)
        if whole is None:
            return None  # "eight out of 10 said ...": a share of no one named
        share_of = _with_pp(text, pos, whole[1], sent.end)
        return _Counted("percent", "share", share_of, whole[1], "percent", None)
    affected = _OF_THE_AFFECTED.match(text, pos, sent.end)
    if affected:  # "17 of the injured": people, known by what happened to them
        word = affected.group(1).lower()
        return _Counted("people", word, word, affected.end(), "people", None)
    partitive = _PARTITIVE_AFTER.match(text, pos, sent.end) or _PART_OF_PLURAL.match(
        text, pos, sent.end
    )
    if partitive:  # "21 of the 25 drones", "119 of the drones": counts the drones
        pos = partitive.end()
    unit = unit_here or _unit_after(text, pos, sent.end, toks)
    if (
        unit is not None
        and unit.category == "temperature"
        and text[unit.start : unit.end] in {"C", "F"}
        and (
            _CODE.search(text, sent.start, sent.end)
            or _CODE_WORD.search(text, max(sent.start, number.start - 40), number.start)
        )
    ):
        return None  # "batch numbers 24B and 24C": a code, unless the sentence is the weather's
    point = _POINT_AFTER.match(text, pos, sent.end)
    if unit is None and point and number.words and number.value < 1:  # "a quarter-point cut"
        unit = UnitMatch(point.start(), point.end(), "percentage points", "percent", "share")
    if unit is not None and unit.unit == "percentage points":
        change = _CHANGE_NOUN.match(text, unit.end, sent.end)
        if change:  # "a 50-basis-point cut": the step of what
            noun = change.group("noun").lower()
            return _Counted(unit.unit, noun, noun, change.end(), unit.category, unit)
    if unit is not None and unit.category == "currency":
        rate = _PER_UNIT.match(text, unit.end, sent.end)
        if rate:  # "8.6p a share": a price, as "$31 a share" is
            word = rate.group(1).lower()
            return _Counted(unit.unit, f"money_per_{word}", f"per {word}", rate.end(),
                            "currency", unit)  # fmt: skip
    if unit is not None:
        counted_text: str | None
        if unit.category in {
            "area",
            "length",
            "speed",
            "percent",
            "mass",
            "currency",
            "power",
            "volume",
        }:  # "500 gigawatts of renewable capacity", "40 million litres of water"
            obj = _of_phrase(text, unit.end, sent.end, allow_in=unit.category == "currency")
            counted_text = obj[0] if obj else None
            if counted_text is None and unit.category == "area":
                counted_text = "area"
        else:
            counted_text = _with_pp(text, pos, unit.end, sent.end)
        noun = unit.noun
        if unit.original in {"centimetres", "millimetres"} and counted_text:
            noun = _head(counted_text) or noun  # "20cm of snow", "50mm of rain": snow, rain
        return _Counted(unit.unit, noun, counted_text, unit.end, unit.category, unit)
    noun = _plain_noun(text, toks, pos)
    if noun is None:
        return None
    n_start, n_end = noun
    head = text[n_start:n_end].lower()
    of_herd = _HEAD_OF.match(text, n_end, sent.end) if head == "head" else None
    if of_herd is not None:  # "735,000 head of livestock": the livestock, counted by head
        n_start, n_end = of_herd.span(1)
        head = of_herd.group(1).lower()
        pos = n_start
    counted_text = _with_pp(text, pos, n_end, sent.end)
    if text[n_start].isupper():  # a people by name: "8 million Americans"
        return _Counted("people", head, counted_text, n_end, "people", None)
    if number.value == 1:
        head = _plural(head)  # "one spectator was killed" is counted with "two spectators"
    return _Counted(head, head, counted_text, n_end, "count", None)


_HEAD_OF = re.compile(r"\s+of\s+([a-z]+)")
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children", "person": "people"}


def _plural(noun: str) -> str:
    """The plural of a singular count noun, by the regular English rules."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("s"):
        return noun
    if noun.endswith(("x", "ch", "sh")):
        return noun + "es"
    if len(noun) > 2 and noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _unit_after(text: str, pos: int, end: int, toks: list[_Tok]) -> UnitMatch | None:
    """A unit right after the number, or after up to two modifiers ("72 more settlements",
    "115 freed Ukrainian soldiers")."""
    found = match_unit(text, pos, end)
    if found is not None:
        return found
    if _WHEN_AFTER.match(text, pos, end):
        return None  # "rose to 230 last week": "last" is no modifier of a unit "week"
    at = pos
    for _ in range(2):
        m = re.match(r"\s*([A-Z](?:\.[A-Z])+\.?|[^\W\d_][\w’'-]*)", text[at:end])
        if not m:
            return None
        word = m.group(1)
        i = _index_at(toks, at + m.start(1))
        # "115 freed soldiers" (the tagger may read "freed" as a past tense)
        described = 0 <= i < len(toks) and (
            toks[i].tag == "JJ" or (toks[i].tag in {"VBN", "VBD"} and word.endswith("ed"))
        )
        if (
            word.lower() not in _MODIFIERS
            and not described
            and not (word[0].isupper() and word.lower() not in _FUNCTION)
        ):
            return None
        at += m.end()
        found = match_unit(text, at, end)
        if found is not None:
            return found
    return None


# nouns after a number that make it a ratio or a manner, not a count
_NOT_COUNTED = frozenset({"times", "fold", "ways", "to", "percentile", "th", "s"})
_NOT_COUNTED_AFTER = re.compile(r"\s*(?:times|fold|ways)\b", re.IGNORECASE)


_SUSPENDED = re.compile(r"\s+[^\W\d_]+-\s+(?:and|or|to)\s+[^\W\d_]+(?:-[^\W\d_]+)?(?=\s)")


_WHEN_AFTER = re.compile(
    r"\s+(?:last|next|this|that|each|every|per|a|an)\s+(?:week|month|year|quarter|day|night|"
    r"time|weekend|season|hour)s?\b",
    re.IGNORECASE,
)


_MODEL_PART = re.compile(r"-?\d{1,4}[A-Za-z]{0,2}|-")


def _plain_noun(text: str, toks: list[_Tok], pos: int) -> tuple[int, int] | None:
    """The head noun after a number (ending at `pos`) not in the unit lexicon ("300 tanks")."""
    if _WHEN_AFTER.match(text, pos):
        return None  # "230,000 last week": a time, not what is counted
    suspended = _SUSPENDED.match(text, pos)
    i = _index_at(toks, suspended.end() if suspended else pos)
    last: tuple[int, int] | None = None
    has_tags = any(t.tag for t in toks)
    named = False  # a capitalised name came first: "24 F-16 jets", "14 Leopard 2 tanks"
    for j in range(i, min(i + 6, len(toks))):
        t = toks[j]
        if last is not None and _WHEN_AFTER.match(text, toks[j - 1].end):
            break  # "40 missiles last night": the time is no part of the noun
        if not t.text[0].isalpha():
            if named and last is None and _MODEL_PART.fullmatch(t.text):
                continue  # the rest of a model name: "Leopard 2", "737 Max 9", "F-16"
            if (
                last is not None
                and t.text.isdigit()
                and _SERIES_NOUN.search(text, max(0, t.start - 12), t.start)
            ):
                continue  # "3,200 category 2 calls": the calls, of category 2
            break
        if has_tags:
            if t.tag in {"NNS", "NN", "NNPS"}:
                last = (t.start, t.end)
                continue
            if last is None and (
                t.tag in {"JJ", "VBN", "NNP"} or (t.text[0].isupper() and t.lower not in _FUNCTION)
            ):  # a capitalised word the tagger got wrong is still a name: "Shahed/CD"
                named = named or t.text[0].isupper()
                continue
            if (  # a mis-tagged word inside a compound: "tax haven/RB subsidiaries"
                last is not None
                and t.tag not in _FINITE_TAGS  # "homes lost/VBD power": the verb
                and t.text.isalpha()
                and t.text.islower()
                and t.lower not in _FUNCTION
                and j + 1 < len(toks)
                and toks[j + 1].tag in {"NNS", "NN"}
            ):
                continue
            break
        if t.lower in _FUNCTION or _is_verb_form(t.lower) or t.lower.endswith("ly"):
            break
        if t.text[0].isupper():
            if last is None and t.lower.endswith("ans"):  # "8 million Americans"
                last = (t.start, t.end)
                break
            if last is None:  # "72 Russian soldiers": a proper adjective
                continue
            break
        if last is not None and not text[toks[j - 1].end : t.start].isspace():
            break
        # without tags: a short run of plain words, ended by the first plural
        # ("95 retired generals", "11 primary-season debates", "300 tanks were")
        last = (t.start, t.end)
        if t.lower.endswith("s") and not t.lower.endswith("ss"):
            break
    if last is not None and text[last[0] : last[1]].lower() in _NOT_COUNTED:
        return None
    return last


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _with_pp(text: str, num_end: int, head_end: int, sent_end: int) -> str:
    """The counted noun phrase: modifiers, head, and a locative phrase after it."""
    phrase_start = num_end
    while phrase_start < head_end and text[phrase_start].isspace():
        phrase_start += 1
    phrase = text[phrase_start:head_end]
    pp = re.match(
        r"\s+((?:in|near|across|around|inside|along|on|at|of|from)\s+(?:the\s+)?"
        r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:\s+(?:" + _GEO_NOUNS + r"))?)",
        text[head_end:sent_end],
    )
    # "12 soldiers on Friday": when, not where
    if pp and pp.group(1).split()[-1].lower().rstrip(".") not in _NOT_PLACES:
        phrase += " " + pp.group(1)
    return " ".join(phrase.split())


def _of_phrase(text: str, pos: int, end: int, *, allow_in: bool) -> tuple[str, int] | None:
    """ "of territory", "in humanitarian aid", "worth of weapons": the noun phrase object."""
    preps = r"of|worth\s+of|in(?=\s+[a-z])" if allow_in else r"of"
    m = re.match(
        rf"\s+(?:{preps})\s+((?:(?:the|its|their|both|all|these|those)\s+){{0,2}}"
        rf"[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){{0,2}})",
        text[pos:end],
    )
    if not m:
        return None
    words = m.group(1).split()
    keep: list[str] = []
    for w in words:
        if (w.lower() in _FUNCTION or w.lower() in _WHEN_WORDS) and keep:
            break  # "of renewable capacity last year": the year is when
        if w.lower() in _FUNCTION:  # "of the", "of both the", "of all"
            continue
        if keep and w.lower().endswith("ing") and _ADJECTIVE_END.search(keep[-1].lower()):
            keep.append(w)  # "of its annual spending": a noun after an adjective
            break
        if _is_verb_form(w.lower()) or (keep and len(w) > 5 and w.lower().endswith("ed")):
            break  # "of Republicans agreed": the verb of the clause, not the noun
        keep.append(w)
    if not keep or (allow_in and {keep[0].lower(), keep[-1].lower()} & _TIME_NOUNS):
        return None  # "$355 million in the quarter", "in the first half": when, not what
    if allow_in and keep[0].lower() in {"exchange", "return", "addition", "total", "cash"}:
        return None  # "50 cents in exchange for ...", "$5m in total": no thing it buys
    return " ".join(keep), pos + m.end()


_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ary|ful|less|able|ible|ern)$")
_WHEN_WORDS = frozenset(
    {"last", "this", "next", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "so", "since", "until", "annually", "daily"}
)  # fmt: skip
_TIME_NOUNS = frozenset(
    {"quarter", "year", "month", "week", "day", "period", "half", "session", "decade", "season"}
)


# "lowered his ERA from 8.08 to 7.24": a bare number after "from"/"to" and a noun of its own
# is that noun's level, not more of the figure before
_LEVEL_OF_ANOTHER = re.compile(
    r"\b(?:his|her|its|their|the|a|an)\s+[A-Za-z][\w-]*\s+(?:from|to|at)\s+(?:\d[\d.,]*\s+to\s+)?$"
)


def _governing_verb(
    text: str, toks: list[_Tok], i_first: int, i_after: int, number: NumberMatch
) -> tuple[str | None, bool, bool]:
    """(verb lemma, progressive?, future?) for the number at tokens[i_first:i_after]."""
    # the verb before an object: "seized an additional 40 sq km", "controls 72 settlements"
    j = i_first - 1
    skipped = 0
    q_start_index = _index_at(toks, number.start)
    while j >= 0 and skipped < 6:
        t = toks[j]
        if j >= q_start_index:
            j -= 1
            continue
        lemma = _verb_lemma(t)
        if lemma is not None:
            if lemma in _CUE_VERBS:
                break
            if lemma in _LEVEL_VERBS or lemma == "be":
                break
            prefix = text[max(0, t.start - 30) : t.start]
            if lemma == "leave":
                # "left three people dead": the state after the object says what happened;
                # "left 200,000 homes without power" is not an evacuation
                state = _lemma_of(toks[i_after].lower) if i_after < len(toks) else None
                lemma = state if state in _STATES else "left"
            return lemma, False, bool(_FUTURE.search(prefix))
        if t.lower in _PRE_SKIP or (t.tag in {"JJ", "DT", "RB", "PDT"}):
            j -= 1
            skipped += 1
            continue
        break
    # the verb after a subject: "121,000 people have been evacuated", "59,000 are leaving"
    k = i_after
    saw_be = False
    saw_being = False
    prefix_future = False
    steps = 0
    while k < len(toks) and steps < 6:
        t = toks[k]
        if _PROCESS.match(text, t.start - 1 if t.start else 0):
            m = _PROCESS.match(text, t.start - 1 if t.start else 0)
            assert m is not None
            k = _index_at(toks, m.end())
            if k < len(toks):
                lemma = _verb_lemma(toks[k])
                if lemma is not None:
                    return lemma, True, False
            break
        if _UNDER_CONTROL.match(text, t.start - 1 if t.start else 0):
            return "control", False, False
        if t.lower in {"will", "would"}:
            prefix_future = True
        if steps == 0 and t.lower in {"more", "others", "further", "additional"}:
            k += 1  # "and two more are missing": the elided noun's verb comes next
            steps += 1
            continue
        if (
            steps == 0
            and t.lower == "or"
            and k + 1 < len(toks)
            and toks[k + 1].lower in {"more", "so", "fewer", "less"}
        ):
            k += 2  # "500 people or more had died"
            steps += 1
            continue
        if (
            t.lower in _DECLARED
            and k + 1 < len(toks)
            and (state := _DECLARED_STATES.get(toks[k + 1].lower)) is not None
        ):
            return state, False, prefix_future  # "were confirmed dead", "are feared dead"
        if t.lower in {"are", "is", "was", "were", "be", "been", "being", "'re", "’re"}:
            saw_be = True
            saw_being = saw_being or t.lower == "being"
            k += 1
            steps += 1
            continue
        if t.lower in _AUX or t.lower in _STATE_VERBS or (saw_be and _MANNER.fullmatch(t.lower)):
            k += 1  # "were critically injured": the manner says nothing about the count
            steps += 1
            continue
        if saw_be and t.lower == "left":
            # "six were left severely handicapped": left in a state, not gone; the state (if
            # one we know) says what happened: "were left dead", "were left stranded"
            after = [x for x in toks[k + 1 : k + 3] if x.tag not in {"RB", "RBR"}]
            state = _lemma_of(after[0].lower) if after else None
            return (state if state in _STATES else "left"), False, prefix_future
        aside = _ASIDE.match(text, t.start) if steps == 0 else None
        if aside:  # "150,000 people -- mostly civilians -- have died", "(most of them women)"
            k = _index_at(toks, aside.end())
            steps += 1
            continue
        rate = _RATE_AFTER.match(text, t.start) if steps == 0 else None
        if rate:  # "1,200 people a day crossed the border": the rate, then the verb
            k = _index_at(toks, rate.end())
            steps += 1
            continue
        place = _PLACE_PHRASE.match(text, t.start)
        if place and steps == 0:  # "20,000 residents of the Belgorod region have been ..."
            k = _index_at(toks, place.end())
            steps += 1
            continue
        lemma = _verb_lemma(t)
        if lemma == "take" and k + 1 < len(toks) and toks[k + 1].lower == "part":
            lemma = "participate"  # "1,000 soldiers took part in the assault": none captured
        elif lemma == "take" and _TO_HOSPITAL.match(text, t.end):
            lemma = "hospitalise"  # "17 people were taken to hospital": hurt, not captured
        elif lemma == "lose" and (lost := _LOST_THEIR.match(text, t.end)):
            lemma = "=lost_" + lost.group(1).lower()  # "families_lost_homes", not killed
        if lemma is not None and lemma not in _CUE_VERBS and lemma != "be":
            # "are leaving" is under way; "is still missing" is a state, not a progressive
            progressive = (saw_be and t.lower.endswith("ing") and lemma != "missing") or saw_being
            return lemma, progressive, prefix_future
        break
    return None, False, False


_TO_HOSPITAL = re.compile(r"\s+(?:to|into)\s+(?:(?:the|a|local)\s+)?hospitals?\b", re.I)
# "five families lost their homes": what they lost, not their lives ("lost their lives" is)
_LOST_THEIR = re.compile(
    r"\s+(?:their|his|her|its)\s+(?!lives\b|life\b|jobs?\b)([a-z]+)", re.IGNORECASE
)
_MANNER = re.compile(r"[a-z]{3,}ly")
# a change noun after a percent, with what changed before it: "a 5.5% pay rise", "a 10% cut"
_PCT_CHANGE_NOUN = re.compile(
    r"[-‑\s]+(?:(?:annual|monthly|yearly|quarterly|sharp|steep|further|modest|small|big|"
    r"overall|average|record|surprise|planned|proposed|possible)\s+)?"
    r"(?:(?P<what>[a-z]{3,})\s+)?"
    r"(?P<change>rises?|increases?|hikes?|raises?|jumps?|gains?|growth|cuts?|falls?|drops?|"
    r"declines?|reductions?|slumps?|plunges?)\b",
    re.IGNORECASE,
)
_CHANGE_NOUNS = {
    "increase": "rise", "hike": "rise", "raise": "rise", "jump": "rise", "gain": "rise",
    "drop": "fall", "decline": "fall", "reduction": "fall", "slump": "fall", "plunge": "fall",
}  # fmt: skip
_RATE_AFTER = re.compile(rf"(?:a|an|per|each|every)\s+(?:{RATE_UNITS})\b\s*", re.IGNORECASE)
_STATES = {"die", "injure", "wound", "missing", "displace", "strand", "trap"}
# "16 people were confirmed dead", "dozens are feared drowned": the state is what counts
_DECLARED = frozenset(
    {"confirmed", "reported", "feared", "presumed", "believed", "declared", "pronounced"}
)
_DECLARED_STATES = {"dead": "die", "killed": "die", "drowned": "die", "missing": "missing"}
_ASIDE = re.compile(r"(?:--|[—–])[^—–\n]{1,80}?(?:--|[—–])\s*|\([^()\n]{1,80}\)\s*")
_STATE_VERBS = {"remain", "remains", "remained", "remaining", "stay", "stays", "stayed", "still"}
_PLACE_PHRASE = re.compile(
    r"(?:in|near|across|around|inside|along|on|at|of|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:\s+(?:" + _GEO_NOUNS + r"))?"
)


def _verb_lemma(t: _Tok) -> str | None:
    if not t.text[0].isalpha():
        return None
    known = _lemma_of(t.lower)
    if known is not None:
        return known
    if t.tag.startswith("VB") and t.lemma:
        if t.lemma in _LIGHT_VERBS:
            return None  # "will have 18 fact-checkers": the verb says nothing about the count
        if t.tag in {"VBD", "VBN"}:
            # a verb outside the table keeps its own past form: its participle when it is
            # irregular ("withdrew" and "have withdrawn" are one), British spelling for the
            # American ("canceled" flights are "cancelled" ones)
            if t.lemma in _PARTICIPLES:
                return "=" + _PARTICIPLES[t.lemma]
            return "=" + re.sub(r"(?<=[^e])eled$", "elled", t.lower)
        return t.lemma
    if not t.tag and len(t.lower) > 4 and t.lower.endswith("ed") and t.lower not in _MODIFIERS:
        return t.lower  # no tagger: a past form is its own key ("burned")
    return None


_LIGHT_VERBS = frozenset(
    {"have", "do", "make", "get", "go", "come", "see", "hear", "know", "want", "need", "use",
     "seem", "become", "refer", "include", "involve", "mean", "let", "begin", "try", "like",
     "think", "feel", "look", "call", "ask", "tell", "say", "be", "move", "face", "turn",
     "accord"}  # "60 percent according to several polls": a cue, no act
)  # fmt: skip


def _is_verb_form(word: str) -> bool:
    """A verb form that cannot be a plural noun: "killed", "fleeing", "took" (not "strikes")."""
    lemma = _lemma_of(word)
    if lemma is None:
        return False
    return word.endswith(("ed", "ing")) or (word in _IRREGULAR and not word.endswith("s"))


_LEVEL = re.compile(
    r"((?:[^\W\d_][\w’'-]*\s+){0,4}[^\W\d_][\w’'-]*)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:now\s+|already\s+)?(?:rose|risen|climbed|increased|reached|jumped|soared|"
    r"stands|stood|totals|totalled|totaled|numbers|numbered|hit|topped|exceeded|passed|"
    r"remains|remained|stays|stayed|"
    r"is|was|are|were|fell|dropped|declined"
    # a level foreseen: "the toll could be as high as 100", "the bill may reach $2bn"
    r"|(?:could|may|might|will|would|is\s+expected\s+to|is\s+likely\s+to)\s+"
    r"(?:well\s+|still\s+|eventually\s+)?(?:be|reach|rise\s+to|climb\s+to|top|exceed|hit))"
    r"\s+(?:worth\s+|valued\s+at\s+)?"  # "the prize money is worth €20 million"
    r"(?:(?:from|by)\s+(?:\S+\s+){1,2})?"
    r"(?:[\d.,]+\s?(?:%|per\s?cent)\s+)?"
    r"(?:to\s+|at\s+|by\s+|from\s+)?$"
)


# a count named by its change: "1,400 job cuts", "300 job losses" (the thing, then the verb)
_NO_POWER = re.compile(
    r"\s+(?:[\w’']+\s+){0,6}?(?:(?:lost|lose|losing|loses)\s+(?:their\s+|its\s+)?"
    r"(?:power|electricity)|(?:were|are|was|is|remain|remained|still|left)\s+(?:still\s+)?"
    r"(?:without\s+(?:power|electricity)|in\s+the\s+dark))\b",
    re.IGNORECASE,
)
_LOSE_JOBS = re.compile(
    r"\s+(?:[\w’']+\s+){0,3}?(?:lose|loses|lost|losing)\s+(?:their|its|his|her)\s+jobs?\b",
    re.IGNORECASE,
)
_CHANGE_HEADS = {"cuts": "cut", "losses": "lose", "layoffs": "cut", "redundancies": "cut"}
_CHANGE_OF = re.compile(r"([a-z]+)\s+(cuts|losses|layoffs|redundancies)", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+([a-z][\w-]*)$", re.IGNORECASE)
# counted nouns that already say what happened: "121,000 evacuees" is "people_evacuated"
_NOUN_MEASURES = {
    "evacuees": "people_evacuated", "death toll": "people_killed", "deaths": "people_killed",
    "dead": "people_killed", "fatalities": "people_killed", "injured": "people_injured",
    "wounded": "people_injured", "injuries": "people_injured", "displaced": "people_displaced",
    "refugees": "people_displaced", "arrests": "people_arrested", "detainees": "prisoners",
    "casualties": "casualties", "missing": "people_missing",
}  # fmt: skip


# verbs that move a level up or down, or state it, with a percent after them
# fmt: off
_RISE_VERBS = {
    "rise", "climb", "increase", "grow", "jump", "soar", "surge", "gain", "advance", "rally",
    "add", "rebound", "accelerate", "expand", "spike", "leap", "improve", "swell",
}
_FALL_VERBS = {
    "fall", "drop", "decline", "slip", "slide", "tumble", "plunge", "sink", "lose", "shed",
    "ease", "dip", "retreat", "contract", "slump", "sag", "decrease", "shrink", "plummet",
    "slow", "crash", "lower", "cut", "reduce",
}
_STATE_PCT_VERBS = {
    "be", "hold", "stand", "remain", "stay", "reach", "hit", "total", "average", "come", "run",
    "sit", "settle", "hover", "steady", "edge", "tick", "move",
}
_PCT_FORMS = {
    "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "fell": "fall",
    "fallen": "fall", "sank": "sink", "sunk": "sink", "lost": "lose", "slid": "slide",
    "held": "hold", "stood": "stand", "ran": "run", "came": "come", "sat": "sit", "is": "be",
    "was": "be", "are": "be", "were": "be", "been": "be", "leapt": "leap", "hit": "hit",
    "shed": "shed", "cut": "cut",
}
# fmt: on
_PCT_SKIP = frozenset(
    {
        "by",
        "at",
        "to",
        "an",
        "a",
        "annual",
        "annualised",
        "annualized",
        "monthly",
        "yearly",
        "seasonally",
        "adjusted",
        "just",
        "only",
        "some",
        "another",
        "further",
        "nearly",
        "almost",
        "roughly",
        "about",
        "around",
        "up",
        "down",
        "higher",
        "lower",
        "steady",
        "unchanged",
    }
)  # fmt: skip


def _manner_adverb(word: str) -> bool:
    """ "sharply", "steadily": how a change went, between its verb and "by" (not "July",
    "Italy" or "supply")."""
    return word.endswith("ly") and word.islower() and len(word) > 4 and word != "supply"


_PCT_ADVERBS = frozenset(
    {"has", "have", "had", "also", "likely", "probably", "already", "now", "still", "again",
     "only", "just", "will", "would", "could", "may", "might", "is", "was", "been", "be",
     "sharply", "slightly", "steadily"}
)  # fmt: skip


def _pct_lemma(word: str) -> str | None:
    w = word.lower()
    if w in _PCT_FORMS:
        return _PCT_FORMS[w]
    known = _RISE_VERBS | _FALL_VERBS | _STATE_PCT_VERBS
    for suffix, repl in (("", ""), ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ied", "y"), ("ing", ""), ("ing", "e")):  # fmt: skip
        if suffix and not w.endswith(suffix):
            continue
        stem = (w[: -len(suffix)] if suffix else w) + repl
        if stem in known:
            return stem
        if (
            suffix in {"ed", "ing"}
            and len(stem) > 2
            and stem[-1] == stem[-2]
            and stem[:-1] in known
        ):
            return stem[:-1]  # slipped, dipped
    return None


def _key(word: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "_", (word or "share").lower()).strip("_") or "share"


# A verb that sets a rate, its object, then the new level: "lowers the benchmark federal funds
# rate to a range of 4.75%-5.00%", "took the federal funds rate to 4.75%-5%".
_MOVED_TO = re.compile(
    r"\b(?:cut|cuts|lowered|lowers|raised|raises|took|takes|set|sets|brought|brings|kept|"
    r"keeps|held|holds|left|leaves|lifted|lifts|reduced|reduces)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<obj>(?:[\w’'-]+\s+){0,4}?(?:rate|rates|target|range))\s+"
    r"(?:to|at|unchanged\s+at)\s+(?:a\s+(?:target\s+)?range\s+of\s+|between\s+)?$",
    re.IGNORECASE,
)


# between two coordinated changes: a rate's basis or period, then "and" ("0.1% on the month
# and 2.7% on the year")
_COORDINATED_CHANGE = re.compile(
    r"(?:\s+(?:on|from|over|in)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:year|quarter|month|week)"
    r"(?:\s+(?:earlier|ago|before))?)?\s*,?\s+(?:and|while)\s+"
    r"(?:(?:are|is|was|were|stand|stands|stood)\s+(?:now\s+)?(?P<way>up|down|higher|lower)\s+)?"
    r"(?:by\s+)?$",
    re.IGNORECASE,
)


_CHANGES = frozenset({"rise", "fall"})


def _coordinated_change(
    text: str, number: NumberMatch, before: Sequence[Figure]
) -> tuple[str | None, str | None]:
    """The subject and direction of the change this percent is coordinated with."""
    prev = before[-1] if before else None
    link = _COORDINATED_CHANGE.fullmatch(text, prev.end, number.start) if prev else None
    if prev is None or link is None or prev.unit != "percent" or prev.measure not in _CHANGES:
        return None, None
    way = (link.group("way") or "").lower()
    # "fell 0.8% and are now down 4% on a year ago": the second says its own way
    return prev.counted, "rise" if way in {"up", "higher"} else "fall" if way else prev.measure


def _percent_subject(
    text: str, sent: Span, toks: list[_Tok], number: NumberMatch
) -> tuple[str | None, str | None]:
    """(subject, "rise" | "fall" | "level" | None) for a percent: "The Nasdaq gained 2.5%"."""
    moved = _MOVED_TO.search(text, max(sent.start, number.start - 90), number.start)
    if moved:  # "cut its policy rate to 4.75%-5.00%": the object's new level
        return moved.group("obj"), "level"
    j = _index_at(toks, number.start) - 1
    while (
        j >= 0
        and toks[j].start >= sent.start
        and (toks[j].lower in _PCT_SKIP or _manner_adverb(toks[j].text))
    ):
        j -= 1  # "fell sharply by a fifth", "rose 5%"
    if j < 0 or toks[j].start < sent.start:
        return None, None
    particle = text[toks[j].end : number.start].lower()
    lemma = _pct_lemma(toks[j].text)
    if lemma is None:
        # "Shares closed up 4.5%", "..., down 12% on last year": the particle says which way
        if re.search(r"\b(?:up|higher)\s*$", particle):
            return None, "rise"
        if re.search(r"\b(?:down|lower)\s*$", particle):
            return None, "fall"
        return None, None
    if re.search(r"\b(?:to|at)\b", particle):
        direction = "level"  # "rose to 7%": the new level, not the change
    elif lemma in _RISE_VERBS:
        direction = "rise"
    elif lemma in _FALL_VERBS:
        direction = "fall"
    elif re.search(r"\b(?:up|higher)\b", particle):
        direction = "rise"  # "edged up 0.1%"
    elif re.search(r"\b(?:down|lower)\b", particle):
        direction = "fall"
    else:
        direction = "level"
    j -= 1
    while (
        j >= 0
        and toks[j].start >= sent.start
        and (
            toks[j].lower in _PCT_ADVERBS
            or (toks[j].lower.endswith("ly") and toks[j].lower != "only")
        )
    ):
        j -= 1
    if j >= 0 and toks[j].text == ",":
        # "Shelter costs, the biggest contributor, rose 0.5%", "Core PCE, which excludes
        # food, rose": an aside between the subject and its verb
        k = j - 1
        while k >= 0 and toks[k].start >= sent.start and toks[k].text != "," and j - k < 16:
            k -= 1
        if k >= 0 and toks[k].start >= sent.start and toks[k].text == ",":
            j = k - 1
    words: list[_Tok] = []
    while j >= 0 and toks[j].start >= sent.start and len(words) < 4:
        t = toks[j]
        if not t.text[0].isalnum() and t.text not in {"&"}:
            break
        if t.lower in _FUNCTION or t.lower in _CUE_WORDS or _lemma_of(t.lower) in _CUE_VERBS:
            break
        if t.tag and not (t.tag.startswith(("NN", "JJ")) or t.tag == "CD" or t.text == "&"):
            break
        if not t.tag and _is_verb_form(t.lower):
            break
        words.insert(0, t)
        j -= 1
    while words and not words[-1].text[0].isalpha():
        words.pop()
    if not words:
        return None, direction
    return text[words[0].start : words[-1].end], direction


# what links a percent to the one it parallels: "33% of the vote, ahead of X with about 28%",
# "rose 2.5%, after 2.9% in July", "to 50% from a record low of 40%", "and Y 44%"
_PARALLEL = re.compile(
    r"\b(?P<link>and|or|while|whereas|with|from|to|than|versus|vs\.?|against|after|"
    r"compared\s+with)"
    r"(?:\s+(?:a|an|the|about|around|roughly|some|nearly|almost|just|record|low|high|of|its|"
    r"their|his|her|[A-Z][\w’'.-]*))*\s*$"
)
# a percent that restates the count before it: "10.4 million votes, or 42.5%", "(42.5%)"
_RESTATED = re.compile(r"\s*,?\s*(?:or|\(|—|–)\s*(?:about|around|roughly|some|nearly|almost)?\s*$")


def _parallel_share(
    text: str, sent: Span, number: NumberMatch, before: list[Figure], para_prev: Figure | None
) -> tuple[str, str | None] | None:
    """(counted, measure) for a percent with no noun of its own, from the figure it parallels:
    the percent before it in the sentence (or the paragraph's last figure, when this sentence
    opens on the parallel: "X came third with around 20%"), or the count it restates."""
    prev = before[-1] if before else None
    money = (
        prev is not None and prev.unit is not None and len(prev.unit) == 3 and prev.unit.isupper()
    )
    if (
        prev is not None
        and prev.unit != "percent"
        and prev.counted
        and not money
        and _RESTATED.fullmatch(text, prev.end, number.start)
    ):
        return prev.counted, f"{_key(_head(prev.counted))}_share"
    for cand in [*reversed(before), para_prev]:
        if cand is None or cand.unit != "percent":
            continue
        if not cand.counted or cand.measure in {None, "share"}:
            return None  # the nearest percent says nothing more than this one
        floor = cand.end if cand in before else sent.start
        link = _PARALLEL.search(text, floor, number.start)
        if number.start - floor > 160 or link is None:
            return None
        if link.group("link") == "to" and cand.measure in {"rise", "fall"}:
            # "rose 0.2% to 3.1%": a change, then the level it reached
            return cand.counted, _key(_head(cand.counted))
        return cand.counted, cand.measure
    return None


_SHARE_VERBS = frozenset(
    {"won", "wins", "win", "took", "takes", "got", "gets", "received", "receives", "secured",
     "garnered", "polled", "captured", "obtained", "scored"}
)  # fmt: skip


_FINISH_VERBS = frozenset({"came", "comes", "finished", "finishes", "placed", "ended"})
_PLACINGS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "top"})


def _share_holder(text: str, sent: Span, toks: list[_Tok], number: NumberMatch) -> str | None:
    """The name that won or took a percent: "Jalili won 42.5%", "Pezeshkian got 53.7%"."""
    j = _index_at(toks, number.start) - 1
    while j >= 0 and toks[j].lower in _PCT_SKIP | {"about", "around", "roughly", "over", "more"}:
        j -= 1
    if j >= 2 and toks[j].lower == "with":
        # "Jalili came second with 38.6%", "the bloc finished first with 31%"
        j -= 1
        if toks[j].lower in _PLACINGS:
            j -= 1
        if toks[j].lower not in _FINISH_VERBS:
            return None
    elif j < 1 or toks[j].lower not in _SHARE_VERBS:
        return None
    j -= 1
    while j >= 0 and toks[j].lower in _PCT_ADVERBS:
        j -= 1
    words: list[_Tok] = []
    while j >= 0 and toks[j].start >= sent.start and len(words) < 5:
        t = toks[j]
        if not (t.text[:1].isalnum() or t.text == "&") or t.lower in _FUNCTION:
            break
        if t.tag and not t.tag.startswith(("NN", "JJ")):
            break  # (a tagger's noun phrase only)
        words.insert(0, t)
        j -= 1
    # a name, or a noun phrase that holds one: "Farid Jalili", "the Centre bloc"
    if not any(w.text[:1].isupper() for w in words):
        return None
    return text[words[0].start : words[-1].end]


_HEAD_PREPS = frozenset({"for", "of", "in", "from", "at", "on"})
# a verb that makes the figure a floor: "the toll could exceed 10,000", "estimates topped $37bn"
_FLOOR_VERB = re.compile(r"\b(?:exceed(?:s|ed|ing)?|topp(?:ed|ing)|surpass(?:es|ed|ing)?)\s+$")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def _level_subject(text: str, toks: list[_Tok], i_first: int, number: NumberMatch) -> str | None:
    """ "The death toll rose to 12": the noun phrase whose level the number gives."""
    m = _LEVEL.search(text, max(0, number.start - 70), number.start)
    if not m:
        return None
    of = _NUMBER_OF.search(m.group(1))
    if of:  # "the number of evacuees has reached 121,000"
        return of.group(1).lower()
    raw = m.group(1).split()
    prep = next(
        (
            i
            for i, w in enumerate(raw)
            if 0 < i < len(raw) - 1 and w in _HEAD_PREPS and raw[i - 1].lower() not in _FUNCTION
        ),
        None,
    )
    # "the prize money for the winners is worth €20 million": the head before its phrase;
    # otherwise the last three words, as a subject seldom has more
    raw = raw[:prep] if prep is not None else raw[-3:]
    while len(raw) > 1 and raw[-1].lower().endswith("ly"):
        raw = raw[:-1]  # "median household income finally reached": the adverb is no noun
    words = [w for w in raw if w.lower() not in _FUNCTION]
    opens = text[: m.start(1)].rstrip()[-1:] in {"", ".", "!", "?", "\n", "”", '"', ":", ";"}
    if words and opens and len(words) == 1:
        words = [words[0].lower()]  # "Turnout reached 67 per cent": a capital at the start
    if not words or any(w[0].isupper() for w in words[-1:]):
        return None
    determined = any(w.lower() in _DETERMINERS for w in raw[:-1])
    if (
        _lemma_of(words[-1]) is not None
        and not (len(words) > 1 and words[-1].endswith("s"))
        and not determined
    ):
        # "he said rose" is no subject, but "Jobless claims rose" (a plural noun that looks
        # like a verb, after its modifier) and "the storm surge reached" (after its article)
        # are
        return None
    # the noun phrase ends at the verb; keep a compound ("death toll") but no more
    phrase = " ".join(words[-2:]).lower()
    return phrase if re.fullmatch(r"[a-z][a-z’' -]*", phrase) else None


# --- time, place, source ----------------------------------------------------------------------


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:the|its|their|a)\s+(?:[a-z-]+est|most|least|first|only|best|worst|record)\b"
    r"(?:\s+[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)
_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Oo]f)\s+((?:1[6-9]|20)\d\d)\b(?!\s*[-–]|\s+to\b)")


def _past_year(text: str, sent: Span, fig: Figure, pub: Any) -> str | None:
    """ "In 1999, 35 people died", "down from 365 in 2019": a figure about a past year is as of
    that year's end. The year opens the sentence or follows the figure closely."""
    if pub is None:
        return None
    m = _IN_YEAR.match(text, sent.start) or _IN_YEAR.search(
        text, fig.end, min(sent.end, fig.end + 70)
    )
    if m is None or int(m.group(1)) >= pub.year:
        return None
    if m.start() > fig.end and re.search(r"[,;]|\d", text[fig.end : m.start()]):
        return None  # "121 seats, down from 365 in 2019": the year belongs to the other number
    return f"{m.group(1)}-12-31"


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_IN_MONTH = re.compile(
    r"\b(?:in|during|for)\s+(" + "|".join(_MONTHS) + r")\b(?:\s+((?:19|20)\d\d))?(?![\w-])",
    re.IGNORECASE,
)


_OPENING_MONTH = re.compile(
    r"\s*(?:in|during|by|as\s+of|at\s+the\s+end\s+of)\s+(" + "|".join(_MONTHS) + r")\b"
    r"(?:\s+((?:19|20)\d\d))?\s*,",
    re.IGNORECASE,
)
_AHEAD = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|expects?|expected|due|scheduled|aims?|"
    r"forecasts?|projects?|projected|intends?)\b",
    re.IGNORECASE,
)


def _end_of_last(period: str | None, pub: Any) -> str | None:
    """ "rose 0.2% last month": as of the end of the month before the report (of the year
    before, for "last year")."""
    if pub is None or period not in {"last month", "last year"}:
        return None
    if period == "last year":
        return date(pub.year - 1, 12, 31).isoformat()
    return (date(pub.year, pub.month, 1) - timedelta(days=1)).isoformat()


def _past_month(text: str, sent: Span, fig: Figure, pub: Any) -> str | None:
    """ "a 0.2% gain in July", "Exports fell 6% in August": a figure about a past month is as of
    that month's end (the last such month before the report, or the year written). The month
    follows the figure closely, in its own phrase; the report's own month is left alone (a
    figure for it may still be partial)."""
    if pub is None:
        return None
    m = _IN_MONTH.search(text, fig.end, min(sent.end, fig.end + 40))
    if m is None or re.search(r"[,;]|\d", text[fig.end : m.start()]):
        # "In January 2023, a plane crashed ..., killing all 72": a month opening the sentence
        m = _OPENING_MONTH.match(text, sent.start, fig.start)
        if m is None:
            return None
    if _COMPARED.search(text, fig.end, m.start()):
        return None  # "rose 0.2% after being unchanged in July": July is the comparison
    if _AHEAD.search(text, sent.start, fig.end):
        return None  # "plans to cut 500 jobs in March": next March, perhaps
    month = _MONTHS.index(m.group(1).lower()) + 1
    year = int(m.group(2)) if m.group(2) else pub.year - (month > pub.month)
    if (year, month) >= (pub.year, pub.month):
        return None
    end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return end.isoformat()


_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where)\b", re.IGNORECASE)
# words that make a time after a figure the point it is compared with, not its own time
_COMPARED = re.compile(
    r"\b(?:after|than|from|compared|following|versus|vs|before)\b", re.IGNORECASE
)


def _in_clause(text: str, spans: Iterable[Any], fig: Figure) -> list[Any]:
    """The time expressions (periods, dates) with no relative pronoun between them and the
    figure: those in the figure's own clause."""
    return [
        x
        for x in spans
        if not _RELATIVE.search(text, fig.end, x.start)
        and not _RELATIVE.search(text, x.end, fig.start)
    ]


def _nearest_period(
    text: str, periods: Iterable[Any], fig: Figure, numbers: Sequence[Any] = ()
) -> str | None:
    best: tuple[int, str] | None = None
    for p in periods:
        if (
            p.text.startswith("per ")
            and not fig.start <= p.start < fig.end
            and (not 0 <= p.start - fig.end <= RATE_REACH or _DIGIT.search(text, fig.end, p.start))
        ):
            continue  # a rate ("a day") is the figure's just before it: "5,000 barrels a day"
        if (
            p.start >= fig.end
            and _BASIS_PERIOD.fullmatch(p.text)
            and _DIGIT.search(text, fig.end, p.start)
        ):
            continue  # "fell 0.8% and are down 4% on a year ago": the basis is the 4%'s
        if p.start >= fig.end and _COMPARED.search(text, fig.end, p.start):
            continue  # "a 60% chance of a cut, up sharply from last week": the comparison's
        if p.start >= fig.end and any(fig.end <= n.start and n.end <= p.start for n in numbers):
            # "control 72 settlements and have advanced a further 40 km² in the past 24
            # hours": the period after another number is that number's
            continue
        dist = p.start - fig.end if p.start >= fig.end else fig.start - p.end
        if fig.start <= p.start < fig.end:
            dist = 0  # "$15 an hour": the rate is part of the figure
        dist = abs(dist) + (0 if p.start >= fig.end else 5)
        if best is None or dist < best[0]:
            best = (dist, p.text)
    return best[1] if best else None


RATE_REACH = (
    30  # characters between a figure and its rate: "$15 an hour", "5,000 barrels of oil a day"
)
_BASIS_PERIOD = re.compile(r"(year|quarter|month|week) on \1")
_DIGIT = re.compile(r"\d")


def _nearest_date(dates: Iterable[Any], fig: Figure, text: str = "") -> str | None:
    best: tuple[int, str] | None = None
    for d in dates:
        if d.iso is None:
            continue
        if re.match(r"[’']s\b", text[d.end : d.end + 2]) and not 0 <= fig.start - d.end <= 4:
            continue  # "recovering part of Wednesday's 24% slide": that slide's day only
        dist = abs(d.start - fig.end) if d.start >= fig.end else abs(fig.start - d.end)
        if best is None or dist < best[0]:
            best = (dist, d.iso)
    return best[1] if best else None


def _location(
    text: str, sent: Span, ents: list[Entity], fig: Figure, numbers: Sequence[Any] = ()
) -> str | None:
    best: tuple[int, str] | None = None
    candidates: list[tuple[int, int]] = [
        (e.start, e.end)
        for e in ents
        if e.label == "LOC" and sent.start <= e.start and e.end <= sent.end
    ]
    if not ents:  # no NER at all: a capitalised phrase after a locative preposition
        for m in re.finditer(
            r"\b(?:in|near|from|across|around|inside|outside)\s+(?:the\s+)?"
            r"((?:[A-Z][\w-]+\s+)*[A-Z][\w-]+)(?![\w’'])",
            text[sent.start : sent.end],
        ):
            if m.group(1).split()[0].lower().rstrip(".") not in _NOT_PLACES:
                candidates.append((sent.start + m.start(1), sent.start + m.end(1)))
    filed = after_dateline(text, sent.start, sent.end)  # "KYIV, Aug 26 (Wire) - ..."
    for start, end in candidates:
        if start < filed:
            continue  # the dateline's place is where the report was filed, not the figure
        if re.match(r"[’']s\b", text[end : end + 2]):
            continue  # "Ukraine’s": a possessor, not where the figure is
        prep = re.search(r"\b(\w+)\s+(?:the\s+)?$", text[max(sent.start, start - 20) : start])
        if not prep or prep.group(1).lower() not in _LOCATIVE:
            continue
        if _SAID_IN.search(text, max(sent.start, start - 60), start):
            continue  # "..., Marriner said in Sarajevo": where the speaker was
        if _GATHERED_IN.search(text, max(sent.start, start - 40), start):
            continue  # "The ministers, meeting in Brussels, agreed ...": where they met
        if start >= fig.end and _ATTRIBUTION.search(text, fig.end, start):
            continue  # "..., said Anna Berg, an economist at a bank in London": hers
        at = max(sent.start, start - 20) + prep.start(1)
        if prep.group(1).lower() == "of" and any(
            e.label == "PERSON" and 0 <= at - e.end <= 2 for e in ents
        ):
            continue  # "Jesper Parnevik of Sweden": the person's country
        geo = re.match(rf"\s+(?:{_GEO_NOUNS})\b", text[end : sent.end], re.IGNORECASE)
        name_end = end + geo.end() if geo else end
        hyphenated = re.match(r"-[A-Z][\w'-]*", text[name_end : sent.end])
        if hyphenated:  # "Urus-Martan": the name the tokeniser cut at its hyphen
            name_end += hyphenated.end()
        name = " ".join(text[start:name_end].split())
        if not any(c.isalpha() for c in name):
            continue  # "93.94" tagged as a place
        if _another_numbers(numbers, fig, start, name_end):
            continue  # "60% of households in Lindholm, compared with nearly 80% across ..."
        dist = start - fig.end if start >= fig.end else (fig.start - name_end) + 10
        if best is None or dist < best[0]:
            best = (dist, name)
    return best[1] if best else None


def _another_numbers(numbers: Sequence[Any], fig: Figure, start: int, end: int) -> bool:
    """Whether the place at [start, end) goes with another number of the sentence: after
    this figure with that number between them, or before it right after that number ("60%
    of households in Lindholm, compared with nearly 80%"). A place opening the sentence ("In
    Kursk, troops took 40 km² and three villages") is every figure's."""
    if start >= fig.end:
        return any(fig.end <= n.start and n.end <= start for n in numbers)
    return any(n.end <= start and n.end < fig.start and n.start < fig.start for n in numbers)


_SAID_IN = re.compile(
    r"\b(?:said|says|told|added|announced|stated|declared)\s+(?:(?:reporters|journalists)\s+"
    r"|(?:at\s+)?(?:a|an|his|her|their)\s+(?:[^\W\d_][\w’'-]*\s+){1,2})?"
    r"(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GATHERED_IN = re.compile(
    r"\b(?:meeting|speaking|gathered|gathering|visiting|talking|met|convened)\s+"
    r"(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# an attribution between the figure and a place: the place describes the speaker
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|according\s+to|wrote|stated)\b", re.IGNORECASE
)
_NOT_PLACES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec", "the", "this", "that"}
)  # fmt: skip


def _pick_source(ctx: _Context, explicit: list[tuple[int, Source]], fig: Figure) -> Source | None:
    """The source whose cue is nearest the figure, among those whose account it is in."""
    usable = [
        (p, s)
        for p, s in explicit
        if not _other_clause(ctx.quote_at_cue(p), p, fig)
        and _agent_covers(ctx.text, p, fig)
        and not _respondents(ctx.text, s)
        and not _in_the_speaker_s_aside(ctx.text, p, fig)
    ]
    if not usable:
        return None
    return min(usable, key=lambda item: abs(item[0] - fig.start))[1]


_SHARE_OF_PEOPLE = re.compile(r"\d\s*%|\b(?:percent|per\s+cent)\b", re.IGNORECASE)


def _in_the_speaker_s_aside(text: str, cue: int, fig: Figure) -> bool:
    """ "Rahul Gandhi, whose Congress party nearly doubled its tally to 99 seats, said ...": a
    figure in the relative clause about the speaker, right before the cue, is the writer's
    background, not what the speaker said."""
    if text[cue : cue + 9].lower() == "according":
        return False  # "..., which would cut the rate to 18 percent, according to X": X's
    opened = _ASIDE_OPENS.search(text, max(0, fig.start - 120), fig.start)
    if opened is None or "," in text[opened.end() : fig.start]:
        return False
    if any(w.lower() in _CUE_WORDS for w in re.findall(r"[a-z]+", text[opened.end() : fig.start])):
        return False  # "Officials, who counted 40 bodies, said ...": their own count
    close = text.find(",", fig.end, cue)
    return close >= 0 and not text[close + 1 : cue].strip()


_ASIDE_OPENS = re.compile(r",\s+(?:who|whose|which)\b(?!.*,\s+(?:who|whose|which)\b)")


def _respondents(text: str, source: Source) -> bool:
    """ "51 percent of respondents said ...", "Some 55 percent of voters said ...": a share of
    the people a poll asked speaks, but the poll, not they, is the authority for its figures
    (one "according to" further on, or none)."""
    if source.start is None or source.end is None:
        return False
    return _SHARE_OF_PEOPLE.search(text, source.start, source.end) is not None


def _agent_covers(text: str, pos: int, fig: Figure) -> bool:
    """An agent ("measured at 7.2 by the agency") is the source only of the figures in its
    own comma-delimited phrase, not of the rest of the sentence."""
    if text[pos : pos + 3].lower() != "by ":
        return True
    start = text.rfind(",", 0, pos) + 1
    end = text.find(",", pos)
    return start <= fig.start and (end < 0 or fig.end <= end)


def _other_clause(quote: Quote | None, cue: int, fig: Figure) -> bool:
    """Whether a figure is before a cue whose reported content comes after it: in "Markets
    priced a 60% chance, after reports suggested the decision was close" the reports said
    only that the decision was close."""
    if quote is None or quote.kind != "indirect" or quote.start < cue:
        return False
    speaker_at = quote.speaker.start if quote.speaker is not None else cue
    return fig.end <= min(cue, speaker_at) and not quote.start <= fig.start < quote.end


def _explicit_sources(ctx: _Context, i: int) -> list[tuple[int, Source]]:
    """Sources named in sentence `i`, each with the position of its cue."""
    text, sent = ctx.text, ctx.sents[i]
    found: list[tuple[int, Source]] = []
    last_quote: Quote | None = None
    for word in _LETTERS.finditer(text, sent.start, sent.end):
        w = word.group().lower()
        src: Source | None = None
        if word.group()[0].isupper() and word.start() != sent.start:
            continue  # "United States", "The Times Reports": names, not cues
        if w == "according":
            m = _ACCORDING.match(text, word.start(), sent.end)
            if m is None:
                continue
            stop = _ACCORDING_END.search(text, m.end(), sent.end)
            end = stop.start() if stop else sent.end
            src = _source_from_phrase(ctx, m.end(), end) or _unnamed_source(text, m.end(), end)
        elif w in _NOUNISH_CUES and _OWNER_BEFORE.search(
            text, max(sent.start, word.start() - 12), word.start()
        ):
            continue  # "Trump’s claim", "a report", "the estimates": nouns
        elif (
            (w in _CUE_WORDS and not (w in _NOUNISH_CUES and _NOT_A_CLAUSE.match(text, word.end())))
            or (w in _TALLY_VERBS and _PUT_THE.match(text, word.end()))
            or (
                w in _INTENT_CUES
                and (_TO_VERB.match(text, word.end()) or _PROMISED_AMOUNT.match(text, word.end()))
            )
        ):
            src = _source_before_cue(ctx, i, word.start())
            if src is None:
                src = _source_after_cue(ctx, i, word.end())
        elif w in {"found", "finds", "find"} and _FINDING_SUBJECT.search(
            text, max(sent.start, word.start() - 80), word.start()
        ):
            # "A YouGov poll found 77% ...", "a study by X found that ...": a document's finding
            # (not "police found three bodies")
            src = _source_before_cue(ctx, i, word.start())
        elif w == "by":
            src = _agent_source(ctx, i, word.start(), word.end())
        quote = ctx.quote_at_cue(word.start())
        if quote is not None and quote is last_quote:
            continue  # the second word of one cue ("according [to]", "has [said]")
        if quote is not None and (src is not None or quote.kind != "mixed"):
            # the speaker as the quote stage resolved it; a framing verb before a quoted
            # phrase ("defended ..., describing it as “...”") is no source of the sentence
            src = _speaker_source(quote)
            last_quote = quote
        if src is not None:
            found.append((word.start(), src))
    return found


_FINDING_SUBJECT = re.compile(
    r"\b(?:poll|polls|survey|surveys|study|studies|report|analysis|census|review|audit|"
    r"investigation|inquiry|research|researchers|data|index|assessment|estimate)\b"
    r"[^,;.!?]{0,60}?\s(?:also\s+|has\s+|have\s+|had\s+)?$",
    re.IGNORECASE,
)
# participles whose agent measured or counted the figure: "measured at 7.2 by the agency"
_MEASURED = frozenset(
    {"measured", "recorded", "registered", "estimated", "put", "reported", "counted",
     "calculated", "compiled", "published", "released", "given", "cited", "confirmed"}
)  # fmt: skip
_AGENT_END = re.compile(
    r"[,;:.()]|\s(?:and|or|but|while|whereas)\s|\s(?:that|who|which|on|in|at)\s"
)


def _agent_source(ctx: _Context, i: int, by: int, after: int) -> Source | None:
    """ "measured at magnitude 7.2 by the weather agency": the agent of a participle of
    measuring or reporting, a few words before "by" in the same clause."""
    text, sent = ctx.text, ctx.sents[i]
    floor = max(sent.start, by - 200, text.rfind(",", 0, by) + 1)  # the clause of "by"
    if not any(w.lower() in _MEASURED for w in re.findall(r"[\w’'-]+", text[floor:by])):
        return None
    stop = _AGENT_END.search(text, after, sent.end)
    src = _source_from_phrase(ctx, after, stop.start() if stop else sent.end)
    return src if src is not None and src.kind in {"organisation", "person", "report"} else None


# (a full stop inside a sentence is an abbreviation's: "polling by the A.F.L.-C.I.O.")
_ACCORDING_END = re.compile(r"[,;:]|\.(?=[\s”\"’')]*$)|\s(?:that|who|which)\s")


def _unnamed_source(text: str, start: int, end: int) -> Source | None:
    """Whatever follows "according to" is its source, even when it is no name or known source
    word: "the average of recent polls compiled by ...", "the 2009 paper" (`phrase_source`)."""
    toks = tokenize(text, start, end)
    found = phrase_source(text, toks, 0, len(toks))
    if found is None or not found.name:
        return None
    return Source(_strip_det(found.name), found.kind, found.start, found.end)


_BEFORE_CUE = re.compile(
    r"(?:,\s+(?:meeting|speaking|gathered|visiting|talking|writing)\b[^,]{0,50},)?"  # an aside
    r"(?:,\s+who\s[^,]{0,90},)?"  # "a police official, who spoke on condition of anonymity,"
    r"(?:\s*\([A-Z][\w&.-]{0,12}\))?"  # the name's acronym: "The German Economic Institute (IW)"
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|again|further|"
    r"recently|separately|officially|publicly|reportedly))*\s*$"
)


def _source_before_cue(ctx: _Context, i: int, cue: int) -> Source | None:
    text, sent = ctx.text, ctx.sents[i]
    m = _BEFORE_CUE.search(text, max(sent.start, cue - 80), cue)
    end = m.start() if m else cue
    for ent in ctx.ents:
        if ent.end == end and ent.label in {"PERSON", "ORG"}:
            return _source_from_phrase(ctx, _phrase_start(text, sent.start, ent.start), end)
        if ent.end == end and ent.label == "LOC":  # "Moscow said", "Kyiv claims"
            held = _HEAD_OF_PLACE.search(text, max(sent.start, ent.start - 80), ent.start)
            if held is not None and held.group("head").lower() in (
                _GROUP_NOUNS | _REPORT_NOUNS | _PERSON_NOUNS
            ):
                # "the government delegation in Madrid put ...", "the USDA's attaché in New
                # Delhi forecast ...": the body or person there speaks, not the city
                begin = held.start("phrase")
                lead = _LEADING_FUNCTION.match(text, begin)
                begin = lead.end() if lead else begin
                phrase = " ".join(text[begin:end].split())
                kind: SourceKind = (
                    "person" if held.group("head").lower() in _PERSON_NOUNS else "organisation"
                )
                if kind == "person":
                    return Source(None, "person", begin, end, phrase)
                return Source(phrase, kind, begin, end)
            name = ent.canonical or " ".join(text[ent.start : ent.end].split())
            return Source(name, "organisation", ent.start, end)
    words = list(re.finditer(r"[\w’'-]+", text[max(sent.start, end - 80) : end]))
    if not words:
        return None
    offset = max(sent.start, end - 80)
    last = words[-1]
    if offset + last.end() != end:
        return None
    lw = last.group().lower()
    if lw in _PRONOUNS:
        prev = ctx.person_before(i) if lw in {"he", "she"} else None
        if prev is not None:
            return Source(prev.name, prev.kind, offset + last.start(), end, prev.title)
        return None
    if lw in _REPORT_NOUNS or lw in _GROUP_NOUNS or lw in _PERSON_NOUNS:
        return _group_source(text, sent.start, end)
    # a capitalised name without NER: "Syrskyi said"
    if last.group()[0].isupper() and lw not in _FUNCTION and _lemma_of(lw) is None:
        return _source_from_phrase(ctx, _phrase_start(text, sent.start, offset + last.start()), end)
    return None


# a body or a person at a place: "the government delegation in Madrid", "the attaché in Delhi"
_HEAD_OF_PLACE = re.compile(
    r"(?P<phrase>(?:[\w’'.-]+\s+){0,4}?(?P<head>[\w’'-]+))\s+(?:in|of|at|from)\s+(?:the\s+)?$"
)
_LEADING_FUNCTION = re.compile(r"(?:(?:while|whereas|and|but|as|the|a|an|that|which)\s+)+", re.I)
_AFTER_CUE = re.compile(
    r"\s+((?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)(?=\s*(?:[,.;:]|$|\s+on\s|"
    r"\s+in\s|\s+that\s))"
)


def _source_after_cue(ctx: _Context, i: int, pos: int) -> Source | None:
    """Inverted order at the end of a clause: "..., said Syrskyi." / "said the ministry"."""
    text, sent = ctx.text, ctx.sents[i]
    m = _AFTER_CUE.match(text, pos, sent.end)
    if not m:
        return None
    start, end = m.start(1), m.end(1)
    while end > start and text[end - 1] == ".":
        end -= 1
    words = text[start:end].split()
    if not words:
        return None
    head = words[-1].lower()
    has_ent = any(
        e.start >= start and e.end <= end and e.label in {"PERSON", "ORG"} for e in ctx.ents
    )
    if words[0].lower() in _FUNCTION and words[0].lower() != "the":
        return None  # "showed that as of Friday", "shows what the 2017 Ford ..."
    bare_name = not ctx.ents and all(w[0].isupper() or w.lower() in _TITLE_WORDS for w in words)
    if (
        has_ent
        or head in _GROUP_NOUNS
        or head in _REPORT_NOUNS
        or head in _PERSON_NOUNS
        or (bare_name and head.strip("’'") not in _NOT_NAMES)
    ):
        return _source_from_phrase(ctx, start, end)
    return None


def _phrase_start(text: str, floor: int, pos: int) -> int:
    """Extend a name left over its title ("Ukraine’s Chief of Staff Oleksandr Syrskyi")."""
    start = pos
    for m in reversed(list(re.finditer(r"[\w’'.-]+", text[floor:pos]))):
        word = m.group()
        gap = text[floor + m.end() : start]
        if gap.strip():
            break
        base = re.sub(r"[’']s$", "", word)
        if word.endswith(".") and base.lower().rstrip(".") not in _TITLE_WORDS:
            break  # the end of the sentence before ("... West Virginia. Mr. Clarke")
        if len(base) >= 4 and base.isupper() and base.lower() not in _TITLE_WORDS:
            break  # a shouted heading ("SAVE A QUARTER")
        if word[0].isupper() or base.lower().rstrip(".") in _TITLE_WORDS:
            if base.lower() in {"the", "and", "of", "for"} and not word[0].isupper():
                # only inside a title: "Chief of Staff"
                start = floor + m.start()
                continue
            start = floor + m.start()
            continue
        break
    # never start on a connective or a preposition
    while True:
        lead = re.match(r"(?:the|of|and|for)\s+", text[start:pos], re.IGNORECASE)
        if not lead:
            break
        start += lead.end()
    return start


def _source_from_phrase(ctx: _Context, start: int, end: int) -> Source | None:
    """A Source from the words naming it: "Ukraine’s Chief of Staff Oleksandr Syrskyi"."""
    text, ents = ctx.text, ctx.ents
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t,":
        end -= 1
    if end <= start:
        return None
    inside = [e for e in ents if e.start >= start and e.end <= end]
    persons = [e for e in inside if e.label == "PERSON"]
    phrase = " ".join(text[start:end].split())
    words = phrase.split()
    if not words:
        return None
    # a person: a PERSON entity, or the surname of one named elsewhere in the article (the
    # tagger sometimes calls "Syrskyi said" an organisation)
    surname = re.sub(r"[’']s$", "", words[-1]).strip(".,").lower()
    name: str | None = None
    orgs = [e for e in inside if e.label == "ORG"]
    persons = [
        e for e in persons
        if not any(w.lower() in _ORG_WORDS for w in text[e.start : e.end].split())
    ]  # fmt: skip
    if persons:
        name = _strip_titles(_full_name(text, persons[-1], ents))
    elif surname in ctx.people():
        name = ctx.people()[surname]
    elif orgs and _titled_name(text[start : orgs[-1].end]):
        # "Chief of Staff Oleksandr Syrskyi" tagged ORG: a title, then a two-word name
        name = _titled_name(text[start : orgs[-1].end])
    if name is not None:
        title = _title_before(text[start:end], name)
        if title is None:
            title = ctx.title_of(name)
        return Source(name, "person", start, end, title)
    head = re.sub(r"[’']s$", "", words[-1]).lower()
    if orgs or head in _GROUP_NOUNS:
        name = _strip_det(phrase)
        if orgs and orgs[-1].canonical:
            name = orgs[-1].canonical
        return Source(name, "organisation", start, end)
    if head in _REPORT_NOUNS:
        return Source(_strip_det(phrase), "report", start, end)
    if head in _PERSON_NOUNS:
        return Source(_strip_det(phrase), "person", start, end)
    if not ents and any(w.lower() in _ORG_WORDS for w in words) and not _PERSON_TAIL.search(phrase):
        return Source(_strip_det(phrase), "organisation", start, end)  # "the Institute for ..."
    if not ents:
        # no NER: the capitalised words at the end are the name, the rest is the title
        caps = re.search(r"((?:(?:[A-Z][\w’'-]+|[A-Z]\.)\s+)*[A-Z][\w’'-]+)$", phrase)
        if caps:
            name_words = caps.group(1).split()
            while name_words and re.sub(r"[’']s$", "", name_words[0]).lower() in _TITLE_WORDS:
                name_words.pop(0)
            if name_words and name_words[-1].lower().strip("’'") not in _NOT_NAMES:
                name = " ".join(name_words)
                title = _clean_title(phrase[: len(phrase) - len(name)])
                full = ctx.full_name(name)
                if title is None:
                    title = ctx.title_of(full)
                if any(w.lower() in _ORG_WORDS for w in full.split()):
                    return Source(full, "organisation", start, end)
                if len(full.split()) == 1 and title is None:
                    # "Moscow said", "CNS reported": no first name anywhere, no title
                    return Source(full, "organisation", start, end)
                return Source(full, "person", start, end, title)
    return None


# two capitalised words at the end that are not title words: a person's name
_PERSON_TAIL = re.compile(
    r"(?<![\w’'])(?!(?:Staff|Ministry|Office|Service|Forces)\b)[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+$"
)
_ORG_WORDS = frozenset(
    {"center", "centre", "foundation", "institute", "university", "party", "council",
     "ministry", "agency", "bank", "group", "company", "corp", "corporation", "inc", "ltd",
     "association", "committee", "department", "office", "times", "post", "news", "journal",
     "reuters", "press", "network", "channel", "tv", "radio", "commission", "court",
     "government", "army", "police", "service", "forces", "command", "staff", "administration",
     "organisation", "organization", "fund", "union", "league", "board", "bureau",
     "school", "college", "hospital", "clinic", "force", "navy", "guard", "brigade", "kremlin",
     "pentagon", "parliament", "senate", "congress", "assembly", "cabinet", "federation"}
)  # fmt: skip
_NOT_NAMES = frozenset(
    {"let's", "let’s", "it", "this", "that", "there", "here", "what", "who", "they", "we",
     "i", "you", "he", "she", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "today", "yesterday", "but", "and", "so", "then", "if"}
)  # fmt: skip


_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})


def _group_source(text: str, floor: int, end: int) -> Source:
    """ "local reports", "Ukrainian officials", "the regional governor"."""
    words = list(re.finditer(r"[\w’'-]+", text[floor:end]))
    start = floor + words[-1].start()
    for m in reversed(words[:-1]):
        word = m.group()
        if text[floor + m.end() : start].strip():
            break
        if (
            word.lower() in _FUNCTION
            or _lemma_of(word) is not None
            or (word.endswith("ly") and word.islower())  # "recently", not "the Daily Star"
            or any(c.isdigit() for c in word)
            or word.lower() in _SCALE_WORDS
        ):
            break
        if len(text[floor + m.start() : end].split()) > 4:
            break
        start = floor + m.start()
    phrase = " ".join(text[start:end].split())
    head = phrase.split()[-1].lower()
    kind: Any = (
        "report" if head in _REPORT_NOUNS else "person" if head in _PERSON_NOUNS else "organisation"
    )
    return Source(_strip_det(phrase), kind, start, end)


def _titled_name(phrase: str) -> str | None:
    """The name in "<title words> First Last" when a title word comes first, else None."""
    words = " ".join(phrase.split()).split()
    name: list[str] = []
    for w in reversed(words):
        base = re.sub(r"[’']s$", "", w).lower().rstrip(".")
        if not w[0].isupper() or base in _TITLE_WORDS or base in _ORG_WORDS:
            break
        name.insert(0, w)
    prefix = words[: len(words) - len(name)]
    titled = any(
        re.sub(r"[’']s$", "", w).lower().rstrip(".") in _TITLE_WORDS - {"of", "the", "for", "and"}
        for w in prefix
    )
    return " ".join(name) if titled and 2 <= len(name) <= 3 else None


def _strip_titles(name: str) -> str:
    """ "Staff Oleksandr Syrskyi" → "Oleksandr Syrskyi" (a title word the NER took in)."""
    words = _HONORIFIC.sub("", name).split()
    while len(words) > 1 and re.sub(r"[’']s$", "", words[0]).lower().rstrip(".") in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _title_before(phrase: str, name: str) -> str | None:
    """The words before the name in the phrase that names a source: its title."""
    phrase = " ".join(phrase.split())
    parts = name.split()
    at = phrase.find(name)
    if at < 0 and parts:
        found = re.search(rf"\b{re.escape(parts[-1])}\b", phrase)
        at = found.start() if found else -1
    if at <= 0:
        return None
    title = phrase[:at].split()
    while title and title[-1] in parts:  # "... Oleksandr" before "Syrskyi"
        title.pop()
    return _clean_title(" ".join(title))


def _strip_det(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


def _clean_title(raw: str) -> str | None:
    title = " ".join(raw.replace(",", " ").split())
    if len(title.split()) > 7:
        return None  # not a title but a run of capitalised words
    title = re.sub(r"^(?:the|a|an|by)\s+", "", title, flags=re.IGNORECASE)
    title = _HONORIFIC.sub("", title + " ").strip()
    if not title or title.lower() in {"mr", "ms", "mrs", "dr"}:
        return None
    return title


def _full_name(text: str, ent: Entity, ents: list[Entity]) -> str:
    if ent.canonical:
        return ent.canonical
    name = _HONORIFIC.sub("", " ".join(text[ent.start : ent.end].split()))
    best = name
    last = name.split()[-1] if name.split() else name
    for other in ents:
        if other.label != "PERSON":
            continue
        cand = _HONORIFIC.sub("", " ".join(text[other.start : other.end].split()))
        parts = cand.split()
        if parts and parts[-1] == last and len(cand) > len(best):
            best = cand
    return best


_CAPS_BEFORE = re.compile(r"((?:[A-Z][\w’'-]+[ \t]+){1,2})$")


def _full_name_text(text: str, name: str) -> str:
    """Without NER: the longest capitalised run in the article ending in the same surname."""
    name = _HONORIFIC.sub("", name)
    last = name.split()[-1]
    best = name
    for hit in re.finditer(rf"\b{re.escape(last)}\b", text):
        m = _CAPS_BEFORE.search(text, max(0, hit.start() - 60), hit.start())
        if m is None:
            continue
        cand_words = [
            w
            for w in m.group(1).split()
            if w.lower() not in _TITLE_WORDS and not w.endswith(("’s", "'s"))
        ]
        cand = " ".join([*cand_words, last])
        if len(cand) > len(best):
            best = cand
    return best


def title_in_text(text: str, name: str) -> str | None:
    """The title written before `name` (or its surname) at its first titled mention."""
    parts = name.split()
    if not parts:
        return None
    pattern = (
        re.escape(name) if len(parts) == 1 else rf"(?:{re.escape(name)}|{re.escape(parts[-1])})"
    )
    for m in re.finditer(rf"\b{pattern}\b", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = _phrase_start(text, max(line_start, m.start() - 80), m.start())
        title = _clean_title(text[start : m.start()])
        # the rest of the name is not a title: "Oleksandr" before "Syrskyi"
        if title and parts[:-1] and title.endswith(" ".join(parts[:-1])):
            title = _clean_title(title[: -len(" ".join(parts[:-1]))])
        if title and any(
            re.sub(r"[’']s$", "", w).lower().rstrip(".") in _TITLE_WORDS for w in title.split()
        ):
            return title
    return None
