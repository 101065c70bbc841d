"""The `measure` key of a figure: its counted noun and the verb that governs it, normalised
(`measure_key`).
"""

from __future__ import annotations

import re

from corroborate.extract.dates import RATE_UNITS
from corroborate.extract.figures.lexicon import (
    _CUE_VERBS,
    _FUNCTION,
    _GEO_NOUNS,
    _LEVEL_VERBS,
    _NOT_GOVERNING,
    _NOUN_MEASURES,
    _PARTICIPLES,
    _PRE_SKIP,
    _TALLY_TO,
    _VERB_KEYS,
)
from corroborate.extract.figures.tokens import (
    _index_at,
    _is_verb_form,
    _lemma_of,
    _Tok,
    _verb_lemma,
)
from corroborate.extract.numbers import NumberMatch
from corroborate.extract.units import match_unit
from corroborate.model import Figure, Span

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
_AUX = {
    "have", "has", "had", "been", "be", "being", "are", "is", "was", "were", "already", "now",
    "so", "far", "reportedly", "allegedly", "also", "still", "just", "currently", "officially",
    "all", "since", "reported", "believed", "thought", "said", "estimated", "expected", "likely",
    "apparently", "recently", "previously", "successfully", "later", "then", "who", "that",
    "which", "will", "would", "could", "may", "might", "must", "to", "either", "both", "in",
    "total", "altogether", "subsequently", "eventually", "finally", "not",
}
# fmt: on

_PROCESS = re.compile(r"\s*in\s+the\s+process\s+of\s+", re.IGNORECASE)

_UNDER_CONTROL = re.compile(
    r"\s*(?:(?:now|still|firmly)\s+)?under\s+(?:[\w’'-]+\s+){0,3}control\b", re.IGNORECASE
)

_FUTURE = re.compile(
    r"\b(?:will|would|to\s+be|expected\s+to|set\s+to|due\s+to|plan(?:s|ned)?\s+to|going\s+to)"
    r"(?:\s+\w+ly)?\s*(?:be\s+)?$",
    re.IGNORECASE,
)


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


# a noun that governs the number through "of" or "to": "a majority of 170", "a total of 2,000",
# "raised the death toll from the blast to 13"
_OF_NOUN = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+((?:[a-z]+\s+)?[a-z]{3,})\s+of\s+$")


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


def _noun_of(fig: Figure) -> str | None:
    if fig.measure is None:
        return None
    return fig.measure.split("_")[0] if fig.unit else fig.measure


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
