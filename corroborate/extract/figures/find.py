"""`extract_figures`: every figure of an article, found once over the whole text, then completed
one by one.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from corroborate.extract.datelines import dateline_date
from corroborate.extract.dates import find_dates, find_periods, parse_published
from corroborate.extract.figures.context import _Context, _entity_list
from corroborate.extract.figures.figure import _figure
from corroborate.extract.figures.not_figures import _not_a_quantity, _year_that_counts
from corroborate.extract.figures.sources import _pick_source, _quoted_by
from corroborate.extract.figures.when_where import (
    _end_of_last,
    _in_clause,
    _location,
    _nearest_date,
    _nearest_period,
    _past_month,
    _past_year,
    _that_day,
)
from corroborate.extract.numbers import NumberMatch, find_numbers
from corroborate.extract.units import match_unit
from corroborate.model import Entity, Figure, Quote, Source, Span

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
    # "Two people familiar with the talks said": the number is part of who speaks
    speaker_spans = [(q.speaker.start, q.speaker.end) for q in quotes or () if q.speaker]
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
            and not any(_counts_the_speakers(text, n, a, b) for a, b in speaker_spans)
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


# --- time, place, source ----------------------------------------------------------------------


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:the|its|their|a)\s+(?:[a-z-]+est|most|least|first|only|best|worst|record)\b"
    r"(?:\s+[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)


_SPEAKER_QUANTIFIER = re.compile(r"(?:the|some|about|at\s+least|more\s+than|nearly)?\s*", re.I)


def _counts_the_speakers(text: str, n: NumberMatch, start: int, end: int) -> bool:
    """ "Two people familiar with the talks [said]", "three OPEC+ sources [said]": a number
    that opens the speaker's own phrase counts who speaks, not what they report. A percent
    stays a figure ("Twenty-four percent said ..." is a poll's finding)."""
    if not start <= n.start < end or not _SPEAKER_QUANTIFIER.fullmatch(text, start, n.start):
        return False
    if n.kind != "cardinal" or n.value > 12:
        # "Nine in 10 voters said", "Half of Democrats said", "about 20 people have
        # indicated": a share or a count of people; a few sources are counted in words
        return False
    unit = match_unit(text, n.end)
    return unit is None or unit.category != "percent"
