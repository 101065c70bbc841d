"""Word lists and patterns that more than one figure rule reads: verbs, function words, title and
group nouns.
"""

from __future__ import annotations

import re

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
    "counted", "documented", "verified", "recorded", "registered", "logged",
    # forecasts are their forecaster's: "He expects the Fed to cut by a quarter point", "Fed
    # officials projected that inflation would end the year at 2.3%" ("expected" is left out:
    # "is expected to" has no forecaster before it)
    "expects", "expect", "projected", "projects", "forecast", "forecasts", "predicted",
    "predicts",
})
# fmt: on

_LETTERS = re.compile(r"[A-Za-z]+")

# a number that names a rank or an item in a series: "category 2 calls", "a level 4 alert",
# "phase 3 trials", "on day 12 of the strike", "grade 5 pupils"
_SERIES_NOUN = re.compile(
    r"\b(?:category|level|stage|phase|tier|grade|class|type|article|section|chapter|clause|"
    r"round|game|week|day|step|gate|terminal|platform|route|runway|zone|ward|precinct|lot|"
    r"flight|line|covid|code|version|generation|gen)\s$",
    re.IGNORECASE,
)


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


# nouns before "of N" that do not count anything: "a ratio of 3", "the age of 12"
_NOT_GOVERNING = frozenset(
    {"age", "ages", "ratio", "score", "rate", "scale", "factor", "kind", "sort", "type", "one",
     "out", "some", "most", "many", "each", "all", "none", "both", "either", "neither", "any",
     "class", "group", "team", "grade", "level", "list", "series", "article", "section",
     "upward", "upwards"}  # "upward of $10 million": more than, of nothing
)  # fmt: skip

_POINT_AFTER = re.compile(r"[-‑\s]+points?\b", re.IGNORECASE)

# "17 of the injured", "two of the dead": people named by an adjective alone ("of the
# injured soldiers" counts the soldiers)
_AFFECTED = frozenset({"injured", "wounded", "dead", "missing", "displaced"})

_MAGNITUDE_AFTER = re.compile(r"[-\s]?magnitude\b", re.IGNORECASE)

# counted nouns that already say what happened: "121,000 evacuees" is "people_evacuated"
_NOUN_MEASURES = {
    "evacuees": "people_evacuated", "death toll": "people_killed", "deaths": "people_killed",
    "dead": "people_killed", "fatalities": "people_killed", "injured": "people_injured",
    "wounded": "people_injured", "injuries": "people_injured", "displaced": "people_displaced",
    "refugees": "people_displaced", "arrests": "people_arrested", "detainees": "prisoners",
    "casualties": "casualties", "missing": "people_missing",
}  # fmt: skip

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

_NOT_PLACES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec", "the", "this", "that"}
)  # fmt: skip

_ORG_WORDS = frozenset(
    {"center", "centre", "foundation", "institute", "university", "party", "council",
     "ministry", "agency", "bank", "group", "company", "corp", "corporation", "inc", "ltd",
     "association", "committee", "department", "office", "times", "post", "news", "journal",
     "reuters", "press", "network", "channel", "tv", "radio", "commission", "court",
     "government", "army", "police", "service", "forces", "command", "staff", "administration",
     "organisation", "organization", "fund", "union", "league", "board", "bureau",
     "school", "college", "hospital", "clinic", "force", "navy", "guard", "brigade", "kremlin",
     "pentagon", "parliament", "senate", "congress", "assembly", "cabinet", "federation",
     "centres", "centers", "archive", "project", "observatory", "programme", "program",
     "institution", "authority", "coalition", "alliance", "society", "trust", "watch"}
)  # fmt: skip
