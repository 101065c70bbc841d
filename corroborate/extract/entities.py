"""Named entities from the parse, trimmed and resolved to the fullest name in the article.

The parser's spans are trimmed so that `text[start:end]` is the name itself: honorifics and
titles in front ("Mr Tykhy" -> "Tykhy", "President Vladimir Putin" -> "Vladimir Putin") and a
possessive behind ("Rudik’s" -> "Rudik") are dropped. Each person then gets, as `canonical`, the
fullest form of the same name found anywhere in the article ("Rudik" -> "Kira Rudik").

Works on any object shaped like a spaCy `Doc` (``doc.ents`` with ``start_char``, ``end_char``,
``label_``); this module never imports spaCy.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final, cast

from corroborate.model import Entity
from corroborate.model.annotations import EntityLabel

HONORIFICS: Final[frozenset[str]] = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "madam"}
)

# Titles that a tagger often folds into a PERSON span; stripped from the front of the name.
NAME_TITLES: Final[frozenset[str]] = frozenset(
    {
        "president", "vice", "prime", "minister", "senator", "sen", "rep", "representative",
        "governor", "gov", "mayor", "general", "gen", "colonel", "col", "lieutenant", "lt",
        "major", "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "commander",
        "chancellor", "secretary", "judge", "justice", "ambassador", "pope", "king", "queen",
        "prince", "princess", "sheikh", "chairman", "chairwoman", "director", "chief",
        "spokesman", "spokeswoman", "spokesperson", "mp", "mep", "speaker", "attorney",
        "professor", "father", "rev", "reverend", "officer", "deputy", "former", "acting",
        "u.s.", "us", "state", "foreign", "defence", "defense", "candidate", "nominee",
        "democrat", "republican", "sen.", "rep.", "gov.", "gen.", "dr.", "mr.", "mrs.", "ms.",
        # British police ranks: "Det Supt Alan Greaves", "Ch Insp", "PC"
        "det", "detective", "supt", "superintendent", "insp", "inspector", "ch", "constable",
        "pc",
    }
)  # fmt: skip

# The titles as `_trim` compares them (without a final period), built once.
_TITLE_WORDS: Final[frozenset[str]] = frozenset(t.rstrip(".") for t in NAME_TITLES)

_LABELS: Final[dict[str, EntityLabel]] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
}
_SUBTYPES: Final[frozenset[str]] = frozenset({"GPE", "NORP", "FAC", "EVENT"})

_TOKEN_RE: Final = re.compile(r"\S+")
_POSSESSIVE_RE: Final = re.compile(r"(?:[’']s|[’'])$")


def _trim(text: str, start: int, end: int, person: bool) -> tuple[int, int]:
    """Drop leading honorifics (and, for people, titles) and a trailing possessive."""
    while True:
        m = _TOKEN_RE.match(text, start, end)
        if m is None:
            break
        word = m.group(0).lower().rstrip(".")
        rest = text[m.end() : end].strip()
        droppable = word in HONORIFICS or (person and word in _TITLE_WORDS)
        if droppable and rest and rest[0].isupper():
            start = m.end()
            while start < end and text[start].isspace():
                start += 1
            continue
        if person and word == "the" and rest:
            start = m.end() + 1
            continue
        break
    m2 = _POSSESSIVE_RE.search(text, start, end)
    if m2 is not None and m2.start() > start:
        end = m2.start()
    while end > start and text[end - 1] in " \t\n,;:.":
        # keep a final period that ends an initial ("George W.") but not a sentence stop
        if (
            text[end - 1] == "."
            and end - 2 > start
            and text[end - 2].isupper()
            and (end - 3 < start or not text[end - 3].isalpha())
        ):
            break
        end -= 1
    return start, end


# Countries and capitals that speak for their governments in news ("Moscow said"): the speaker
# rules use them when the parse has no entities; here, a one-word PERSON among them is a place.
PLACES: Final[frozenset[str]] = frozenset(
    {
        "ukraine", "russia", "china", "india", "iran", "iraq", "israel", "syria", "turkey",
        "germany", "france", "britain", "japan", "poland", "belarus", "georgia", "moldova",
        "hungary", "italy", "spain", "canada", "mexico", "brazil", "egypt", "qatar", "pakistan",
        "afghanistan", "lebanon", "jordan", "saudi arabia", "north korea", "south korea",
        "taiwan", "the united states", "united states", "the u.s.", "u.s.", "the us", "us",
        "the uk", "uk", "the eu", "kyiv", "kiev", "moscow", "beijing", "washington", "london",
        "paris", "berlin", "tehran", "jerusalem", "ankara", "warsaw", "minsk", "brussels",
        "tokyo", "seoul", "pyongyang", "delhi", "new delhi", "islamabad", "damascus", "cairo",
        "riyadh", "doha", "baghdad", "kabul", "beirut", "ottawa", "canberra", "australia",
        "venezuela", "cuba", "nigeria", "ethiopia", "sudan", "yemen", "libya", "gaza",
        "the west", "europe", "nato", "hamas", "hezbollah", "the kremlin", "kremlin",
    }
)  # fmt: skip
# One-word places that are also first names or surnames: not relabelled from PERSON.
_PLACES_AND_NAMES: Final[frozenset[str]] = frozenset({"jordan", "georgia", "washington"})

# Words that open sentences and are never names alone; a tagger trained on 1996 wire copy
# sometimes takes them, capitalised, for one ("Furthermore", "Or", "Wherever").
_OPENERS: Final[frozenset[str]] = frozenset(
    {"and", "or", "but", "nor", "yet", "so", "furthermore", "moreover", "however", "wherever",
     "whenever", "whatever", "whoever", "meanwhile", "nevertheless", "nonetheless",
     "therefore", "thus", "hence", "also", "still", "instead", "otherwise", "indeed",
     "besides", "additionally", "consequently", "accordingly", "similarly", "likewise",
     "finally", "ultimately", "then", "now", "perhaps", "maybe", "alas", "regardless"}
)  # fmt: skip
_SENTENCE_END: Final = re.compile(r"(?:^|[.!?:\n])[\s“‘\"'(]*$")


def _capitalised_function_word(text: str, start: int, end: int, label: str) -> bool:
    """A one-word entity that opens a sentence and is a connective, or an adverb set off by
    a comma ("Strategically, ..."), or a place or organisation the report also writes in
    lower case ("Spending rose ...", "spending"): capitalised by its place, not a name. (Not
    a person that way: "Rice said ..." in a report about rice prices is still Rice.)"""
    word = text[start:end]
    if not word.isalpha() or not _SENTENCE_END.search(text, max(0, start - 4), start):
        return False
    low = word.lower()
    if low in _OPENERS or (low.endswith("ly") and text[end : end + 1] == ","):
        return True
    # "Spending rose ...": the report writes the word in lower case elsewhere, so here it is
    # capitalised only by its place
    return label != "PERSON" and _written_as_a_word(text, low)


_WORD_PART: Final = re.compile(r"[\w’'-]")


def _written_as_a_word(text: str, word: str) -> bool:
    r"""Whether `word` stands in `text` exactly so, as a whole word: what the pattern
    (?<![\w’'-])word(?![\w’'-]) finds, without compiling a pattern for each word."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _WORD_PART.match(text, at - 1)) and not _WORD_PART.match(text, end):
            return True
        at = text.find(word, at + 1)
    return False


def name_tokens(name: str) -> list[str]:
    """The words of a name, lower-cased, without honorifics: "Mr Georgiy Tykhy" -> [georgiy,
    tykhy]."""
    return list(_name_words(name))


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    # cached: fullest_form compares every name with every other, article after article
    words = [w.strip(".,’'").lower() for w in name.split()]
    return tuple(w for w in words if w and w not in HONORIFICS)


def fullest_form(name: str, candidates: list[str]) -> str:
    """The longest candidate that is the same person as `name`: it ends with the same surname,
    or (for a one-word name) contains that word."""
    toks = _name_words(name)
    if not toks:
        return name
    best = name
    best_len = len(toks)
    for cand in candidates:
        ctoks = _name_words(cand)
        if len(ctoks) <= best_len:
            continue
        same = ctoks[-len(toks) :] == toks or (len(toks) == 1 and toks[0] in ctoks)
        if not same and len(toks) >= 2:
            # "Kira Rudik" inside "Kira V. Rudik": first and last name agree
            same = ctoks[0] == toks[0] and ctoks[-1] == toks[-1]
        if same:
            best, best_len = cand, len(ctoks)
    return best


def extract_entities(text: str, doc: Any) -> list[Entity]:
    """Entities of `doc` (parsed from `text`) as `Entity` annotations with canonical names."""
    raw: list[tuple[int, int, EntityLabel, str | None]] = []
    for ent in getattr(doc, "ents", ()):
        label_name = str(ent.label_)
        label = _LABELS.get(label_name)
        if label is None:
            continue
        start, end = _trim(text, int(ent.start_char), int(ent.end_char), label == "PERSON")
        if end <= start or _capitalised_function_word(text, start, end, label):
            continue
        word = text[start:end].lower()
        if label == "PERSON" and word in PLACES and word not in _PLACES_AND_NAMES:
            label = "LOC"  # "accused Kyiv of firing": a capital the tagger took for a person
        subtype = label_name if label_name in _SUBTYPES else None
        raw.append((start, end, label, subtype))
    raw = _linked_organisations(text, _honorific_names(text, raw))
    persons = [text[s:e] for s, e, lab, _ in raw if lab == "PERSON"]
    # "said Oleksandr, a 31-year-old commander": someone named by the first name alone (as
    # front-line reporting protects people) is not the article's Oleksandr Syrskyi
    alone = introduced_alone(text, [(s, e) for s, e, lab, _ in raw if lab == "PERSON"])
    out: list[Entity] = []
    for start, end, label, subtype in raw:
        surface = text[start:end]
        if label == "PERSON" and surface in alone:
            canonical = surface
        elif label == "PERSON":
            canonical = fullest_form(surface, persons)
        else:
            canonical = re.sub(r"^[Tt]he\s+", "", surface)
        out.append(
            Entity(start, end, cast(EntityLabel, label), subtype, " ".join(canonical.split()))
        )
    return out


# a person introduced by the first name alone: "Oleksandr, 31,", "Oleksandr, a 31-year-old
# commander", "Maryam, who gave only her first name", "Ali (not his real name)"
_INTRODUCED_BY_FIRST_NAME: Final = re.compile(
    r",\s+(?:(?:a|an)\s+)?\d{1,2}(?:-year-old)?\b"
    r"|,\s+who\s+(?:gave|asked|declined|requested|did\s+not|didn[’']t|would\s+not|spoke\s+on)\b"
    r"|\s+\(not\s+(?:his|her|their)\s+real\s+name\)"
)


def introduced_alone(text: str, people: list[tuple[int, int]]) -> set[str]:
    """The one-word names of `people` (spans of PERSON names) that the text introduces as
    someone named by the first name alone: they are never the fuller namesake's."""
    names = [text[s:e].split() for s, e in people]
    surnames = {words[-1] for words in names if len(words) > 1}
    return {
        text[s:e]
        for s, e in people
        if " " not in text[s:e]
        and text[s:e] not in surnames  # "Sarandon, 69, said": her surname, not a first name
        and _INTRODUCED_BY_FIRST_NAME.match(text, e)
    }


# "Ms Hale", "Dr Stone", "Mr Nwosu": an honorific before one or two capitalised words is a
# person, whatever the tagger said ("Hale" and "Stone" are also words; "Stone" came out ORG)
# (written from its first letter, then the rest by lookbehind: five times faster to scan than
# an alternation of the honorifics, which is tried at every position of the text)
_HONORIFIC_NAME: Final = re.compile(
    r"[MDPS](?<![\w.].)(?:(?<=M)(?:rs?|s|iss|x)|(?<=D)(?:r|ame)|(?<=P)rof|(?<=S)ir)\.?\s+"
    r"(?P<name>[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)(?![\w-])"
)
_NOT_NAMES: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"}
)  # fmt: skip


def _honorific_names(
    text: str, raw: list[tuple[int, int, EntityLabel, str | None]]
) -> list[tuple[int, int, EntityLabel, str | None]]:
    """`raw` with the names after an honorific as people: a tagged span over the name is
    relabelled, a missing one added. Not "Mr President", "Madam Speaker" (a title)."""
    found: list[tuple[int, int]] = []
    for hit in _HONORIFIC_NAME.finditer(text):
        words = hit.group("name").split()
        if words[0].lower() in _TITLE_WORDS:
            continue
        if len(words) == 2 and words[1].lower() in _NOT_NAMES | _TITLE_WORDS:
            words = words[:1]  # "Ms Hale Tuesday"
        start = hit.start("name")
        found.append((start, start + len(" ".join(words))))
    if not found:
        return raw
    out = list(raw)
    for start, end in found:
        over = [i for i, r in enumerate(out) if r[0] < end and start < r[1]]
        if not over:
            out.append((start, end, "PERSON", None))
        for i in over:
            s0, e0, label, _ = out[i]
            if label != "PERSON" and start <= s0 and e0 <= end:
                out[i] = (s0, e0, "PERSON", None)  # only the name itself, never a wider span
    # "Nigel Farage was elected ... Mr Farage told": the full name the tagger took for a place
    # is the person the honorific names
    surnames = {text[s:e].split()[-1] for s, e in found}
    for i, (s0, e0, label, sub) in enumerate(out):
        words = text[s0:e0].split()
        if (
            label in {"LOC", "ORG"}
            and 2 <= len(words) <= 3
            and words[-1] in surnames
            and all(w[:1].isupper() and w.isalpha() for w in words)
            and not any(w.lower() in PLACES or w.lower() in _SMALL_WORDS for w in words)
        ):
            out[i] = (s0, e0, "PERSON", sub)
    return sorted(out)


_SMALL_WORDS: Final = frozenset({"on", "of", "the", "and", "for", "in", "at", "to", "with"})
# Organisations whose names link capitalised words with small ones: "Save the Children",
# "Friends of the Earth", "Committee to Protect Journalists", "Doctors Without Borders". The
# tagger finds a piece ("Children", "Earth" as a place, "Protect Journalists").
_LINKED_NAME: Final = re.compile(
    r"(?=[A-Zt])(?<![\w’'-])(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]*\s+){1,3}(?:(?:to|of|for|without|against|on|"
    r"of\s+the|for\s+the|the|[Ww]ithout|[Aa]gainst)\s+)(?:[A-Z][\w-]*)"
    r"(?:\s+[A-Z][\w-]*){0,2})(?![\w’'-])(?!\s+[A-Z])"
)
_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"in", "at", "on", "from", "to", "for", "by", "with", "after", "before", "when", "while",
     "as", "since", "until", "during", "under", "over", "into", "of", "if", "unlike", "like",
     "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
     "my", "your", "we", "they", "he", "she", "it", "i", "you", "there", "here", "why", "how",
     "what", "who", "where", "which", "asked", "told", "said", "says", "dear", "welcome",
     "thanks", "thank", "let", "sources", "officials", "experts", "analysts", "critics"}
)  # fmt: skip


def _linked_organisations(
    text: str, raw: list[tuple[int, int, EntityLabel, str | None]]
) -> list[tuple[int, int, EntityLabel, str | None]]:
    """`raw` with a linked organisation name as one ORG, where the tagger found one of its
    pieces as an organisation or a place and no person: the pieces give way to the whole.
    Not a title ("Minister of Defence", "Governor of Texas": titles of people), not two places
    ("from Kyiv to Moscow"), not a name after an opener ("In Kyiv the ...")."""
    out = list(raw)
    for hit in _LINKED_NAME.finditer(text):
        start, end = hit.span("name")
        words = hit.group("name").split()
        first = words[0].lower().strip("’'")
        if (
            first in _PREPOSITIONS | _OPENERS | _TITLE_WORDS | HONORIFICS
            or first in _NOT_NAMES
            or first == "according"  # "According to Syrskyi": a cue, no "Friends of the Earth"
        ):
            continue
        caps = [w for w in words if w[:1].isupper()]
        if any(w.lower() in _NOT_NAMES or w.lower() in _TITLE_WORDS for w in caps):
            continue
        inside = [r for r in out if start <= r[0] and r[1] <= end]
        if not inside or any(r[2] in {"PERSON", "MISC"} for r in inside):
            continue
        if all(r[2] == "LOC" for r in inside) and (
            len(inside) > 1 or text[inside[0][0] : inside[0][1]].lower() in PLACES
        ):
            continue  # places, not a body ("Kyiv to Moscow"); "Friends of the Earth" is not
        if any(r[0] < start < r[1] or r[0] < end < r[1] for r in out):
            continue  # a tagged span that crosses the name: leave the tagger's reading
        out = [r for r in out if not (start <= r[0] and r[1] <= end)]
        out.append((start, end, "ORG", None))
    return sorted(out)


def outside_headings(
    text: str, entities: list[Entity], headings: list[tuple[int, int]]
) -> list[Entity]:
    """The entities, less those found only in section headings: a Title Case heading ("Global
    Repercussions", "Path Forward") is capitalised word by word, and the tagger reads names
    into it. A name the body also uses ("Putin Doubles Down" and Putin below) is kept."""
    if not headings:
        return entities

    def in_heading(e: Entity) -> bool:
        return any(s <= e.start and e.end <= end for s, end in headings)

    body_names = {text[e.start : e.end] for e in entities if not in_heading(e)}
    return [
        e
        for e in entities
        if not in_heading(e)
        or text[e.start : e.end] in body_names
        or any(_outside(m.start(), headings) for m in _occurrences(text, e))
    ]


def _occurrences(text: str, e: Entity) -> list[re.Match[str]]:
    return list(re.finditer(rf"\b{re.escape(text[e.start : e.end])}\b", text))


def _outside(position: int, spans: list[tuple[int, int]]) -> bool:
    return not any(s <= position < e for s, e in spans)
