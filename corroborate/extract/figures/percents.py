"""What a rate, a share, an amount or a flow is of, when no noun follows the number: the subject
of its verb ("the Nasdaq gained 2.5%", "unemployment was estimated at 4.2%"), the noun before
"of" ("a baseline tariff of 10%"), the object a verb sets or changes ("cut interest rates by half
a point"), or the subject the figure before it in the clause carries ("fell 6.6% to $66.95").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corroborate.extract.figures.lexicon import _CUE_VERBS, _CUE_WORDS, _FUNCTION
from corroborate.extract.figures.tokens import (
    _head,
    _index_at,
    _is_verb_form,
    _key,
    _lemma_of,
    _Tok,
)
from corroborate.extract.numbers import NumberMatch
from corroborate.model import Figure, Span

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

_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+([a-z][\w-]*)$", re.IGNORECASE)


# verbs that move a level up or down, or state it, with a percent after them
# fmt: off
_RISE_VERBS = {
    "rise", "climb", "increase", "grow", "jump", "soar", "surge", "gain", "advance", "rally",
    "add", "rebound", "accelerate", "expand", "spike", "leap", "improve", "swell", "strengthen",
    "appreciate", "firm",
}

_FALL_VERBS = {
    "fall", "drop", "decline", "slip", "slide", "tumble", "plunge", "sink", "lose", "shed",
    "ease", "dip", "retreat", "contract", "slump", "sag", "decrease", "shrink", "plummet",
    "slow", "crash", "lower", "cut", "reduce", "weaken", "depreciate",
}

_STATE_PCT_VERBS = {
    "be", "hold", "stand", "remain", "stay", "reach", "hit", "total", "average", "come", "run",
    "sit", "settle", "hover", "steady", "edge", "tick", "move", "close", "end", "finish",
    "open", "trade", "peak",
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
        "flat",
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
    # "was estimated at 4.2%", "is valued at": a level; "was defeated by 74 percent" is not
    passive = (
        lemma is None and _passive(toks, j, sent) and bool(re.search(r"\b(?:to|at)\b", particle))
    )
    if lemma is None and not passive:
        # "Shares closed up 4.5%", "..., down 12% on last year": the particle says which way
        if re.search(r"\b(?:up|higher)\s*$", particle):
            return None, "rise"
        if re.search(r"\b(?:down|lower)\s*$", particle):
            return None, "fall"
        return None, None
    if re.search(r"\b(?:to|at)\b", particle):
        direction = "level"  # "rose to 7%": the new level, not the change
    elif passive:
        direction = None  # "was revised by 0.2%": a change of unknown sign
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
        after = _WAY_AFTER.match(text, number.end)
        if after is not None:  # "closed 2% higher", "ended 1.2% lower"
            direction = "rise" if after.group(1).lower() in {"higher", "up"} else "fall"
    j -= 1
    while (
        j >= 0
        and toks[j].start >= sent.start
        and (
            toks[j].lower in _AUXILIARIES  # "was cut to", "has been revised to"
            # "expected payrolls to rise by 160,000": the infinitive's subject before "to"
            or (toks[j].lower == "to" and j > 0 and toks[j - 1].tag in {"NN", "NNS"})
            or toks[j].lower in _PCT_ADVERBS
            or (toks[j].lower.endswith("ly") and toks[j].lower != "only")
        )
    ):
        j -= 1
    if j >= 0 and toks[j].text == ",":
        # "Shelter costs, the biggest contributor, rose 0.5%", "Core PCE, which excludes
        # food, rose": an aside between the subject and its verb; a relative clause may hold
        # commas of its own ("which strips out food, energy and tobacco prices,")
        k = _relative_opener(toks, j, sent)
        if k is None:
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
        if t.lower in _FUNCTION:
            break
        if (t.lower in _CUE_WORDS or _lemma_of(t.lower) in _CUE_VERBS) and not (
            t.tag.startswith("NN")  # "the growth forecast was cut": the tagger says noun
        ):
            break
        if t.tag and not (t.tag.startswith(("NN", "JJ")) or t.tag == "CD" or t.text == "&"):
            break
        if not t.tag and _is_verb_form(t.lower):
            break
        words.insert(0, t)
        j -= 1
    while words and not words[-1].text[0].isalpha():
        if len(words) > 1 and words[-1].text.isdigit() and words[-2].text[:1].isupper():
            break  # an index named with its number: "the S&P 500", "the FTSE 100"
        words.pop()
    if not words:
        return None, direction
    link = j - 1 if j >= 1 and toks[j].lower in {"the", "a", "an"} else j
    if link >= 0 and toks[link].lower == "and":
        # "from China and the United States": a coordinated place after a preposition (not
        # "..., and Nike fell 14%", a clause of its own)
        k = link - 1
        while k >= 0 and toks[k].start >= sent.start and toks[k].text[:1].isupper():
            k -= 1
        if k >= 0 and k < link - 1 and toks[k].lower in _PLACE_LINKS:
            link = k
    if all(w.text[0].isupper() for w in words) and link >= 0 and toks[link].lower in _PLACE_LINKS:
        # "imports from China and the United States grew to 40%": the name ends a phrase
        # that qualifies the subject; it is not the subject. "Arrests in December rose
        # 31%": the noun the phrase hangs on is
        head = link - 1
        if head >= 0 and toks[head].start >= sent.start and toks[head].tag in {"NN", "NNS"}:
            return text[toks[head].start : words[-1].end], direction
        return None, direction
    return text[words[0].start : words[-1].end], direction


_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "has", "have", "had"})
_WAY_AFTER = re.compile(
    r"\s*(?:%|per\s?cent\b|percent\b|points?\b)?\s*(higher|lower|up|down)\b(?!\s+than)",
    re.IGNORECASE,
)
_PLACE_LINKS = frozenset({"from", "in", "with", "to", "for", "at", "across"})
_BE = frozenset({"was", "were", "is", "are", "be", "been"})
_RELATIVE_OPENERS = frozenset({"which", "who", "whose", "where", "including", "excluding"})


def _passive(toks: list[_Tok], j: int, sent: Span) -> bool:
    """ "Unemployment was estimated at 4.2%", "the deal is valued at": a participle after a
    form of "be" states the level of the subject, whatever the verb."""
    word = toks[j]
    participle = word.tag == "VBN" if word.tag else word.lower.endswith("ed")
    k = j - 1
    while k >= 0 and toks[k].start >= sent.start and toks[k].lower.endswith("ly"):
        k -= 1  # "was narrowly estimated"
    return participle and k >= 0 and toks[k].start >= sent.start and toks[k].lower in _BE


def _relative_opener(toks: list[_Tok], comma: int, sent: Span) -> int | None:
    """The comma opening a relative clause or an "including" aside that ends at `comma`."""
    k = comma - 1
    while k > 0 and toks[k].start >= sent.start and comma - k < 30:
        if toks[k].text == "," and toks[k + 1].lower in _RELATIVE_OPENERS:
            return k
        k -= 1
    return None


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
        if prev.measure in {"points_rise", "points_fall"}:
            return prev.counted, prev.measure.removeprefix("points_")  # "1,679 points, or 4%"
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


# "a baseline tariff of 10%", "expects global growth of 3.2%", "a deficit target of 4.9%"
_NOUN_OF = re.compile(
    r"(?<![\w’'-])((?:[A-Za-z][\w’'-]*\s+){0,3}[a-z][\w’'-]{2,})\s+of\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|"
    r"less\s+than\s+|up\s+to\s+|at\s+least\s+|over\s+|just\s+|an?\s+estimated\s+)?$"
)
# heads that say nothing of what is measured: "a total of 5%", "most of 40%"
_EMPTY_HEADS = frozenset(
    {"total", "range", "average", "most", "all", "some", "part", "each", "none", "both", "many",
     "lot", "rest", "majority", "half", "third", "quarter", "level", "figure", "high", "low",
     "top", "peak", "instead", "because", "out", "ahead", "short", "outside", "inside"}
)  # fmt: skip


def _noun_before_of(text: str, sent: Span, number: NumberMatch) -> str | None:
    """The noun phrase a number is "of": "a baseline tariff of 10%" → "baseline tariff"."""
    m = _NOUN_OF.search(text, max(sent.start, number.start - 70), number.start)
    if m is None:
        return None
    words = m.group(1).split()
    if words[-1].lower() in _EMPTY_HEADS or words[-1].lower() in _FUNCTION:
        return None
    if _is_verb_form(words[-1].lower()) and not words[-1].endswith(("th", "ion", "ment")):
        return None  # "rose by a margin" is a noun, "consisted of" is not
    # the phrase starts after the last function word or verb: "face a baseline tariff"
    start = 0
    for k, w in enumerate(words[:-1]):
        low = w.lower()
        if low == "of" and k > start:
            continue  # "a margin of error of 2.8 points": one noun phrase
        if low in _FUNCTION or low in _CUE_WORDS or _is_verb_form(low) or w[0].isupper():
            start = k + 1
    phrase = " ".join(words[start:])
    return phrase.lower() if phrase else None


_UNIT_WORDS = frozenset({"cent", "cents", "penny", "pence", "points", "point", "percent"})

# what sits between a figure and the next one of the same subject: "fell 6.6% to $66.95",
# "fell to 5.7% from 6.1%", "rose 0.4% in August and were up 3.8%"
_SAME_SUBJECT = re.compile(
    r"\s*,?\s*(?:(?:from|in|on|for)\s+[\w ]{1,20}?\s+)?(?:to|from|compared\s+with|against)\s+"
    r"|[^.;:!?,]{0,30},\s*(?:up|down)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+)?"
    r"|[^.;:!?]{0,40}?\s(?:and|but)\s+(?:(?:were|was|is|are|ha(?:s|ve|d))\s+)?(?:\w+ly\s+)?"
    r"(?:up|down|higher|lower|rose|risen|fell|fallen|climbed|dropped|gained|lost|jumped|"
    r"slipped|increased|decreased|declined|grew|edged\s+(?:up|down))\b(?:\s+by)?\s+",
    re.IGNORECASE,
)


def _subject_carried(text: str, number: NumberMatch, before: Sequence[Figure]) -> str | None:
    """The subject of the figure just before, when this one continues its clause."""
    if not before:
        return None
    prev = before[-1]
    subject = prev.counted
    if not subject or subject.lower() in _UNIT_WORDS or subject.startswith("per "):
        return None  # "rose less than 1 cent, to $1.28": the cent is no subject
    if not _SAME_SUBJECT.fullmatch(text, prev.end, number.start):
        return None
    return subject


# "deepen its cut in oil exports to 500,000 bpd", "keep the ceiling at 2 million bpd"
_OBJECT_TO = re.compile(
    r"\b(?:its|their|the|his|her|our)\s+((?:[a-z][\w’'-]*\s+){0,4}?[a-z][\w’'-]*)\s+"
    r"(?:to|at)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|just\s+)?$"
)
_OBJECT_LINKS = frozenset({"in", "of", "on", "for"})


def _object_set_to(text: str, sent: Span, number: NumberMatch) -> str | None:
    """The object a verb sets to the number: "deepen its cut in oil exports to 500,000 bpd"."""
    m = _OBJECT_TO.search(text, max(sent.start, number.start - 80), number.start)
    if m is None:
        return None
    words = m.group(1).split()
    for w in words:
        if w in _FUNCTION and w not in _OBJECT_LINKS:
            return None
    if words[-1] in _EMPTY_HEADS or _is_verb_form(words[-1]):
        return None
    return " ".join(words)


# "cut interest rates by half a percentage point", "could cut global output by 0.8%"
_CHANGED_BY = re.compile(
    r"\b(?:cut|cuts|cutting|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|hik(?:e|es|ed|ing)|"
    r"reduc(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|"
    r"trim(?:s|med|ming)?|slash(?:es|ed|ing)?)\s+"
    r"(?:its\s+|the\s+|their\s+|his\s+|her\s+)?((?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*)\s+"
    r"by\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+|another\s+|a\s+"
    r"further\s+|an\s+additional\s+)?$",
    re.IGNORECASE,
)


def _object_changed_by(text: str, sent: Span, number: NumberMatch) -> str | None:
    """The object a verb changes by the number: "cut interest rates by 0.5 points"."""
    m = _CHANGED_BY.search(text, max(sent.start, number.start - 80), number.start)
    if m is None:
        return None
    words = m.group(1).split()
    if any(w.lower() in _FUNCTION and w.lower() not in _OBJECT_LINKS for w in words):
        return None
    return " ".join(words)
