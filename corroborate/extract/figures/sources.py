"""On whose authority a figure is given: the explicit source of its sentence, or the one carried
from the sentences before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from corroborate.extract.figures.lexicon import (
    _CUE_WORDS,
    _FUNCTION,
    _LETTERS,
    _ORG_WORDS,
    _TITLE_WORDS,
)
from corroborate.extract.figures.names import (
    _clean_title,
    _full_name,
    _phrase_start,
    _strip_det,
    _strip_titles,
    _title_before,
    _titled_name,
)
from corroborate.extract.figures.tokens import _lemma_of
from corroborate.extract.speakers import phrase_source, tokenize
from corroborate.model import Figure, Quote, Source
from corroborate.model.annotations import SourceKind

if TYPE_CHECKING:  # the context calls this module to find its sources
    from corroborate.extract.figures.context import _Context


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
    "investigators", "doctors", "activists", "campaigners", "economists", "strategists",
    "forecasters", "traders", "investors",
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
    "reporter", "photographer", "economist", "strategist", "forecaster",
}
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
    r"|(?:(?:the|its|their)\s+(?:[\w’'-]+\s+){0,3}?|it\s+|\d{4}\s+)at\s+(?:about\s+|around\s+|some\s+|"
    r"roughly\s+|nearly\s+|more\s+than\s+|up\s+to\s+|just\s+)?(?:[$€£¥]?\d|(?:one|two|three|"
    r"four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|hundreds|thousands|a\s+hundred|"
    r"a\s+thousand|a\s+million)\b))",
    re.IGNORECASE,
)

_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


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


def _pick_source(ctx: _Context, explicit: list[tuple[int, Source]], fig: Figure) -> Source | None:
    """The source whose cue is nearest the figure, among those whose account it is in."""
    usable = [
        (p, s)
        for p, s in explicit
        if not _other_clause(ctx.quote_at_cue(p), p, fig)
        and _agent_covers(ctx.text, p, fig)
        and not _respondents(ctx.text, s)
        and not _in_the_speaker_s_aside(ctx.text, p, fig)
        and not _another_expectation(ctx.text, p, fig)
        and not _in_a_while_clause(ctx.text, p, s, fig)
    ]
    if not usable:
        return None
    return min(usable, key=lambda item: abs(item[0] - fig.start))[1]


# "the Met Office put it at 1.53C, give or take 0.08C, while Berkeley Earth estimated ...": a
# source named after ", while" speaks for its own clause, not the one before
_WHILE = re.compile(r",\s+(?:while|whereas)\s")

_SENTENCE_FINAL_CUE = re.compile(r"[\w’'-]+(?:\s+[\w’'-]+){0,2}\s*[.!?]")


def _in_a_while_clause(text: str, cue: int, src: Source, fig: Figure) -> bool:
    """A source whose name and cue sit in a ", while" clause after the figure."""
    if fig.end > cue or src.start is None or text[cue : cue + 9].lower() == "according":
        return False  # "..., while ..., according to the FBI": the whole sentence's source
    clause = _WHILE.search(text, fig.end, cue)
    if clause is None or src.start < clause.end():
        return False
    return not _SENTENCE_FINAL_CUE.match(text, cue)  # "..., while ..., Mook wrote."


_RELATIVE_EXPECTED = re.compile(r"\b(?:that|which)\s+(?:[\w’'-]+\s+){1,4}(?:had\s+)?$", re.I)


def _another_expectation(text: str, cue: int, fig: Figure) -> bool:
    """ "$1.78 a share, above the $1.11 that analysts expected": a forecast in a relative clause
    is the forecasters' only for the figure the clause hangs on."""
    if not text.startswith(("expected", "anticipated"), cue):
        return False
    rel = _RELATIVE_EXPECTED.search(text, max(0, cue - 50), cue)
    return rel is not None and not (0 <= rel.start() - fig.end <= 25)


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


_RECORDING = frozenset({"recorded", "registered", "logged"})


def _a_recorder(ctx: _Context, src: Source) -> bool:
    """Who can record a figure: a body or a document, not a place where it happened (a
    town "records" its killings and its heat) and not a bare name."""
    if src.kind not in {"organisation", "report"}:
        return False
    start, end = src.start, src.end
    if start is None or end is None:
        return True
    places = [e for e in ctx.ents if e.label == "LOC"]
    if any(e.start <= start and end <= e.end for e in places):
        return False  # the source is the place itself (not "Brazil's health ministry")
    name = src.name or ""
    words = name.lower().split()
    head = words[-1] if words else ""
    if len(words) == 1 and not name.replace(".", "").isupper() and head not in _GROUP_NOUNS:
        return False  # "Baltimore recorded 263 killings" (a city the tagger called a body)
    return (
        any(e.label == "ORG" and e.start <= start < e.end for e in ctx.ents)
        or head in _GROUP_NOUNS
        or head in _REPORT_NOUNS
        or any(w in _ORG_WORDS for w in words)
        or len(words) > 1  # a name of several words no tagger placed: "Gun Violence Archive"
    )


_ADDED_AMOUNT = re.compile(
    r"\s+(?:(?:a|an|another|a\s+further|some|about|around|nearly|almost|roughly|just|"
    r"more\s+than|over|less\s+than)\s+)?(?:[$€£¥₹]\s?)?\d"
)
_EXPECTED_BY = re.compile(
    r"(?:\b(?:had|have|has)\s+(?:\w+\s+)?|\b(?:economists|analysts|traders|investors|markets|"
    r"forecasters|strategists|experts|polls?|surveys?)\s+)$",
    re.IGNORECASE,
)


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
        elif w in {"added", "adds", "add"} and _ADDED_AMOUNT.match(text, word.end()):
            continue  # "Employers added 142,000 jobs": an amount added, not words
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
            if src is not None and w in _RECORDING and not _a_recorder(ctx, src):
                src = None  # "Baltimore recorded 263 killings", "Churu recorded 50.5C"
        elif w in {"expected", "anticipated"} and _EXPECTED_BY.search(
            text, max(sent.start, word.start() - 40), word.start()
        ):
            # "City economists had expected a rise to 4.8%": the forecasters' figure, not the
            # statistics office's ("is expected to" names no forecaster)
            src = _source_before_cue(ctx, i, word.start())
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
    # "a police official, who spoke on condition of anonymity,", "The Archive, a nonprofit
    # that counts shootings,"
    r"(?:,\s+(?:who|which|a|an)\s[^,]{0,90},)?"
    r"(?:\s*\([A-Z][\w&.-]{0,12}\))?"  # the name's acronym: "The German Economic Institute (IW)"
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|again|further|"
    r"recently|separately|officially|publicly|reportedly))*\s*$"
)


def _source_before_cue(ctx: _Context, i: int, cue: int) -> Source | None:
    text, sent = ctx.text, ctx.sents[i]
    m = _BEFORE_CUE.search(text, max(sent.start, cue - 130), cue)
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
    if (
        not persons
        and any(w.lower() in _ORG_WORDS for w in words if w[:1].isupper())
        and not _PERSON_TAIL.search(phrase)
    ):
        # "the Institute for ...", "The Africa Centres for Disease Control and Prevention" (a
        # name the tagger cut into a place and a thing)
        return Source(_strip_det(phrase), "organisation", start, end)
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
