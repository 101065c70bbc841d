"""One figure: a number match turned into a `Figure` with its unit, counted thing and measure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corroborate.extract.figures.counted import _Counted, _counted, _rate_step
from corroborate.extract.figures.lexicon import (
    _AFFECTED,
    _CUE_WORDS,
    _FUNCTION,
    _LEVEL_VERBS,
    _NOT_GOVERNING,
    _NOUN_MEASURES,
    _TALLY_TO,
)
from corroborate.extract.figures.measure import (
    _done_to_the_counted,
    _governing_noun,
    _governing_verb,
    _noun_of,
    _verb_key,
    measure_key,
)
from corroborate.extract.figures.percents import (
    _coordinated_change,
    _level_subject,
    _noun_before_of,
    _object_changed_by,
    _object_set_to,
    _parallel_share,
    _percent_subject,
    _share_holder,
    _subject_carried,
)
from corroborate.extract.figures.tokens import _head, _index_at, _is_verb_form, _key, _Tok
from corroborate.extract.numbers import NumberMatch
from corroborate.extract.units import convert, match_unit
from corroborate.model import Entity, Figure, Span

# verbs that take people as their object when no noun is written: "killed 12"
# fmt: off
_PEOPLE_VERBS = {
    "killed", "injured", "evacuated", "displaced", "arrested", "released", "rescued",
    "hospitalised", "exchanged",
}
# fmt: on


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
            if subject is None and not tally:
                # "payrolls to increase by 160,000", "June's figure was cut to 118,000": the
                # number is the change or the new level of the subject
                changed, direction = _percent_subject(text, sent, toks, number)
                if (
                    changed
                    and not _a_name(text, sent, changed, ents)  # "Justice Breyer will be 78"
                    and (direction in {"rise", "fall"} or _TO_LEVEL.search(text, 0, number.start))
                ):
                    subject = changed
                subject = subject or _subject_carried(text, number, before)  # "... from 179,000"
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
        per = counted.counted or ""
        if per.startswith("per "):
            # "crude fell 6.6% to $66.95 a barrel": the price of crude, per barrel
            of = (
                _subject_carried(text, number, before)
                or _level_subject(text, toks, i_first, number)
                or _percent_subject(text, sent, toks, number)[0]
                or _noun_before_of(text, sent, number)
            )
            counted.counted = f"{of} {per}" if of else per
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
        if counted.counted is None:
            # "the deal is valued at $14.9 billion", "fell 6.6% to $66.95 a barrel": what the
            # amount is of, as a percent's subject is found
            subject, direction = _percent_subject(text, sent, toks, number)
            if subject and any(c.isdigit() for c in subject):
                subject = None  # "was up 46 cents to settle at $41.60": no noun of its own
            if direction is None or _AGENT_MONEY_VERB.search(
                text, max(sent.start, number.start - 30), number.start
            ):
                subject = None  # "his companies lost $916 million": the loser, not the money
            elif subject and _a_name(text, sent, subject, ents):
                subject = None  # "Trump Restaurants LLC was paid $125,080": the payee
            counted.counted = (
                subject
                or _noun_before_of(text, sent, number)
                or _subject_carried(text, number, before)
            )
            if noun == "money":
                noun = _head(counted.counted) or noun
    elif (
        counted.category in {"length", "volume", "power", "mass", "speed", "concentration"}
        and counted.counted is None
        and (verb is None or verb in _LEVEL_VERBS)
    ):
        # "the storm surge could reach 15 feet", "the train reached 200 mph": the level of
        # what (the measure stays the quantity's, "distance" or "speed", so that "a surge of
        # 15 feet" elsewhere still meets it)
        counted.counted = _level_subject(text, toks, i_first, number)
    elif counted.category == "exchange" and counted.counted is None:
        # "the rupee closed flat at 83.69 per dollar", "the yen strengthened to 146 per
        # dollar": the currency whose rate it is
        counted.counted = (
            _level_subject(text, toks, i_first, number)
            or _percent_subject(text, sent, toks, number)[0]
        )
    elif counted.category == "flow" and counted.counted is None:
        # "deepen its cut in oil exports to 500,000 bpd", "Saudi output of 9 million barrels
        # a day", "output fell by 1.2 million barrels a day": whose flow
        counted.counted = (
            _noun_before_of(text, sent, number)
            or _object_set_to(text, sent, number)
            or _subject_carried(text, number, before)
            or _percent_subject(text, sent, toks, number)[0]
        )
    elif counted.category == "percent":
        pct_measure: str | None = None
        holder: str | None = None
        change_noun = (
            _PCT_CHANGE_NOUN.match(text, counted.end) if counted.unit == "percent" else None
        )
        if counted.counted is not None and counted.unit == "percent":
            # "14% of the vote": a share of the noun, whoever won or took it
            pct_measure = f"{_key(_head(counted.counted))}_share"
        elif counted.unit == "percent" and (level_noun := _PCT_LEVEL_NOUN.match(text, counted.end)):
            # "the Fed's 2% inflation target", "a 10% baseline tariff", "the 26% levy": the
            # level the percent sets
            counted.counted = " ".join(level_noun.group(1).split())
            pct_measure = _key(level_noun.group("head").lower())
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
            if counted.counted is None:
                # "a baseline tariff of 10%", "fell to 5.7% from 6.1%", "could cut global output
                # by 0.8%": the noun before "of", the subject of the figure this one
                # continues, or the object a verb changes by the percent
                counted.counted = (
                    _noun_before_of(text, sent, number)
                    or _subject_carried(text, number, before)
                    or _object_changed_by(text, sent, number)
                )
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
            pct_measure = (
                _rate_step(text, sent, number, counted.counted)
                or _rate_step(text, sent, number, None)  # "cut interest rates by half a point"
                or pct_measure
            )
    index_move: str | None = None
    if counted.counted == "points" and counted.category == "count" and not money:
        # "the Dow dropped 1,679 points", "the Sensex closed at 80,429 points": an index's
        # move or level (points scored keep their noun: no index stands before their verb)
        index, direction = _percent_subject(text, sent, toks, number)
        if not index:  # "the S&P 500 fell 0.29% to 5,618.26 points": the level after the move
            index, direction = _subject_carried(text, number, before), "level"
        if index and index[:1].isupper():
            counted.counted = index
            index_move = f"points_{direction}" if direction in {"rise", "fall"} else "points"
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
    if index_move:
        measure = index_move
    elif power_cut:
        # "homes lost power", "customers were without electricity", "left in the dark": one
        # measure whichever way an outlet words it
        measure = f"{_key(noun)}_without_power"
    elif counted.category == "percent" and pct_measure:
        measure = pct_measure
    elif counted.category == "exchange":
        measure = "exchange_rate"  # whichever verb moved it
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
    end = counted.end
    rate_of = _PER_BASE.match(text, end)
    if rate_of is not None and not money and counted.category not in {"percent", "currency"}:
        # "393 deaths per million people", "5.7 per 100,000 residents": a rate, never a count
        base = _BASES[rate_of.group("base").lower().replace(",", "")]
        rate = " ".join(rate_of.group(0).split())
        counted.counted = f"{counted.counted} {rate}" if counted.counted else rate
        unit = f"per {base:,}"
        measure = f"{measure or 'rate'}_per_{base}"
        end = rate_of.end()
    start = number.start
    minus = _MINUS_BEFORE.search(text, max(0, number.start - 8), number.start)
    if minus and counted.category == "temperature":
        # "fell to minus 9C", "-9C": below zero (other units have no sign in news prose)
        value, vmax, start = -value, (-vmax if vmax is not None else None), minus.start()
        original_value = -original_value if original_value is not None else None
    fig = Figure(
        start=start,
        end=end,
        value=value,
        unit=unit,
        value_max=vmax,
        counted=counted.counted,
        measure=measure,
        qualifier=number.qualifier
        or ("more than" if _FLOOR_VERB.search(text, max(0, start - 16), start) else None)
        or _qualifier_after(text, end),
        original_unit=original_unit,
        original_value=original_value,
    )
    return fig, verb


# verbs whose subject gains or spends money rather than being priced in it: "the company
# lost $916 million" (against "Brent fell 24 cents", "the deal is valued at $5bn")
_AGENT_MONEY_VERB = re.compile(
    r"\b(?:los[te]s?|losing|gain(?:s|ed)?|shed(?:s)?|add(?:s|ed)|cut(?:s)?|rais(?:e|es|ed)|"
    r"sp[eo]nds?|spent|pa(?:id|ys?)|earn(?:s|ed)?|ma(?:de|kes?)|cost(?:s)?|owe(?:s|d)?)"
    r"\s+(?:(?:about|around|nearly|almost|roughly|some|over|more\s+than|up\s+to|an?\s+"
    r"(?:further|additional|extra))\s+)?$",
    re.IGNORECASE,
)


def _a_name(text: str, sent: Span, phrase: str, ents: Sequence[Entity]) -> bool:
    """A proper name rather than a common noun phrase: capitalised beyond the sentence's
    first word ("Trump Restaurants LLC", "in West Palm Beach"; not "Sales" opening it), or a
    name the tagger found ("Sanders will gain at least 24")."""
    if any(w[:1].isupper() for w in phrase.split()[1:]):
        return True
    if phrase[:1].isupper() and not text.startswith(phrase, sent.start):
        return True
    return any(sent.start <= e.start < sent.end and text[e.start : e.end] == phrase for e in ents)


_TO_LEVEL = re.compile(
    r"\b(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|just\s+)?$"
)

# a percent before the level it sets: "the 2% inflation target", "a 10% baseline tariff"
_PCT_LEVEL_NOUN = re.compile(
    r"[-‑\s]+((?:[a-z]+[-\s]+){0,2}(?P<head>target|goal|tariffs?|levy|levies|tax|stake|cap|"
    r"ceiling|threshold|duty|duties|discount|premium|commission|fee|surcharge|quota))\b",
    re.IGNORECASE,
)

# "30 percent or more", "a quarter point or less": the qualifier written after the figure
_OR_MORE = re.compile(
    r"\s+or\s+(?:(?P<floor>more|higher|above|greater|over)|(?P<cap>less|fewer|lower|below|"
    r"under))\b(?!\s+than)",
    re.IGNORECASE,
)


def _qualifier_after(text: str, end: int) -> str | None:
    m = _OR_MORE.match(text, end)
    if m is None:
        return None
    return "at least" if m.group("floor") else "up to"


# what a rate is per: "per 100,000 residents", "per million people", "per 1,000 live births"
_PER_BASE = re.compile(
    r"\s+per\s+(?P<base>1,?000,?000|100,?000|10,?000|1,?000|100|thousand|million)\b"
    r"(?:\s+(?:(?:live|adult|young)\s+)?[a-z]+(?<!\bin)(?<!\bat)(?<!\bon)(?<!\bof)\b)?",
    re.IGNORECASE,
)
_BASES = {"100": 100, "1000": 1000, "10000": 10_000, "100000": 100_000, "1000000": 1_000_000,
          "thousand": 1000, "million": 1_000_000}  # fmt: skip

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

# the noun an amount belongs to: "sales of €189bn", "a fine of about $5m", "aid worth $40bn"
_AMOUNT_OF = re.compile(
    r"(?<![\w’'])((?:[a-z]+\s+)?[a-z]{3,})\s+(?:of|worth)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|"
    r"more\s+than\s+|less\s+than\s+|up\s+to\s+|at\s+least\s+|over\s+|just\s+)?$"
)

_TOLL_TO = re.compile(r"\btoll\b(?:[^.;:!?]|\.(?=\d)){0,100}?\bto\s+$", re.I)


_NOT_ELIDED = frozenset({"percent", "percentage points"})

_NOT_COUNTED_AFTER = re.compile(r"\s*(?:times|fold|ways)\b", re.IGNORECASE)


# "lowered his ERA from 8.08 to 7.24": a bare number after "from"/"to" and a noun of its own
# is that noun's level, not more of the figure before
_LEVEL_OF_ANOTHER = re.compile(
    r"\b(?:his|her|its|their|the|a|an)\s+[A-Za-z][\w-]*\s+(?:from|to|at)\s+(?:\d[\d.,]*\s+to\s+)?$"
)

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

# a verb that makes the figure a floor: "the toll could exceed 10,000", "estimates topped $37bn"
_FLOOR_VERB = re.compile(r"\b(?:exceed(?:s|ed|ing)?|topp(?:ed|ing)|surpass(?:es|ed|ing)?)\s+$")
