"""Word lists the speaker rules share: pronouns, group and document nouns, title words,
organisation words.
"""

from __future__ import annotations

import re
from typing import Final, Literal

# Where a comma-delimited phrase ends: punctuation, quotation marks (a lone ’ is one only after
# punctuation: "win,’ he said") and brackets.
_PHRASE_BOUNDS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "“", "”", '"', "‘", "’", "(", ")"}
)


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
        # sides of a conflict or a dispute, and the people a story happens to
        "rebels", "militants", "insurgents", "separatists", "fighters", "guerrillas",
        "demonstrators", "strikers", "farmers", "survivors", "relatives", "families",
        "neighbours", "neighbors", "ministers", "judges", "teachers", "nurses", "unions",
        "investors", "executives", "shareholders", "passengers",
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

WEEKDAYS: Final[frozenset[str]] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

_MALE_HONORIFICS: Final[frozenset[str]] = frozenset({"mr", "sir", "lord"})


_FUNCTION_WORDS: Final[frozenset[str]] = frozenset(
    {"after", "other", "never", "under", "over", "whether", "later", "rather", "either",
     "neither", "together", "however", "whatever", "whenever", "wherever", "ever", "per",
     "or", "for", "nor", "before", "number", "member", "meanwhile", "recent", "present",
     "current", "different", "important", "significant", "silent", "apparent", "urgent",
     "consent", "content", "event", "intent", "extent", "want", "meant", "sent", "went",
     "spent", "lent", "bent", "rent", "giant", "constant", "distant", "relevant", "vacant",
     "man", "woman", "human", "german", "roman", "than", "then", "when", "dozen", "often"}
)  # fmt: skip


_PAST_FORMS: Final[frozenset[str]] = frozenset(
    {"met", "told", "said", "saw", "gave", "sent", "made", "left", "won", "led", "thanked",
     "urged", "called", "asked", "took", "beat", "hit", "rang", "phoned", "wrote"}
)  # fmt: skip


# nouns that say a name is an organisation's when they introduce it
_ORG_DESCRIPTORS: Final = ORG_WORDS | {
    "firm", "charity", "regulator", "watchdog", "operator", "airline", "carrier", "insurer",
    "lender", "retailer", "broadcaster", "outlet", "startup", "maker", "manufacturer",
    "provider", "nonprofit", "non-profit", "ngo", "body", "giant", "conglomerate", "club",
    "team", "brand", "platform", "app", "website", "utility", "supplier", "contractor",
    "carmaker", "automaker", "chipmaker", "drugmaker",
}  # fmt: skip


_GUARD_FORCE = re.compile(r"^(?:coast|border|national|revolutionary|republican)\s+guards?$")

_COMPANY_WORDS: Final[frozenset[str]] = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "gmbh", "airlines", "airways",
     "holdings", "group", "energy", "motors", "systems", "technologies", "industries",
     "bank", "agency", "corporation", "company", "authority", "ministry", "aerosystems"}
)  # fmt: skip

_DASHES: Final[frozenset[str]] = frozenset({"-", "–", "—"})


# a role that speaks for a body, and the word that joins them: "a spokesman for X"
_SPEAKING_ROLES: Final[frozenset[str]] = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "attorney", "aide",
     "reporter", "correspondent", "journalist"}
)  # fmt: skip

_ROLE_LINKS: Final[frozenset[str]] = frozenset({"for", "of", "at", "with", "from"})


_QUANTIFIERS: Final[frozenset[str]] = frozenset(
    {"some", "several", "many", "most", "others", "few", "both", "all", "one"}
)


# the small words a tagged organisation's name may hold: "Save the Children"
_NAME_LINKS: Final[frozenset[str]] = frozenset(
    {"the", "of", "to", "for", "without", "against", "on", "and", "&"}
)


MONTHS: Final[frozenset[str]] = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip


_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"into", "in", "on", "at", "to", "from", "by", "with", "for", "of", "across", "over",
     "under", "after", "before", "through", "against", "about", "towards", "toward"}
)  # fmt: skip
