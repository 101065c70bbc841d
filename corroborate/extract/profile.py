"""The sourcing profile of one report, and the claim-level flags it rests on.

The profile counts what a reader weighs a report by: who is named as a source, what is
quoted, which check-worthy claims are attributed, which figures have a source, how much is
hedged, how specific it is, how much opinion and loaded language it carries. `reasons`
says in plain words what makes it weak. It never rules the report true or false.
"""

from __future__ import annotations

import json
import re
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from corroborate.extract.loaded import inside_quotes
from corroborate.model import Article, Claim, Flag

REFERENCE = Path(__file__).parent / "lexicons" / "reference_profile.json"
CHECKWORTHY = 0.5  # claims at or above this score count as check-worthy assertions
# The hedges grouped by first letter: the same matches as one flat alternation (words of
# different first letters never match at the same place), and the engine tries one branch
# per letter at each word instead of every hedge.
HEDGES = re.compile(
    r"\b(?:r(?:eportedly)|a(?:llegedly|pparently|ppears?|ppeared)|p(?:urportedly|erhaps|ossibly)|"
    r"s(?:upposedly|eem(?:s|ed)?|uggests?|ources? (?:say|said|suggest))|m(?:ay|ight)|c(?:ould)|"
    r"l(?:ikely)|u(?:nlikely)|i(?:t is (?:believed|thought|understood|said)))\b",
    re.IGNORECASE,
)
# "I" but not a road ("I-75", "I-4")
FIRST_PERSON = re.compile(r"\b(?:I(?![-‑]\d)|we|us|our|ours|my|mine|me)\b")
SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
DATE_WORDS = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|(?:19|20)\d\d)\b"
)
NUMBER = re.compile(r"\b\d[\d,.]*\b")
WORDS = re.compile(r"\b\w[\w’'-]*\b")


def _outside(spans: list[tuple[int, int]], start: int) -> bool:
    return not any(s <= start < e for s, e in spans)


def claim_flags(text: str, claims: list[Claim]) -> list[Flag]:
    """Check-worthy claims that nobody is credited with."""
    flags = []
    for claim in claims:
        if claim.checkworthy >= CHECKWORTHY and claim.attribution.kind == "unattributed":
            flags.append(
                Flag(
                    claim.start,
                    claim.end,
                    "unattributed_claim",
                    "warning" if claim.checkworthy >= 0.8 and not claim.hedged else "info",
                    f"check-worthy claim (score {claim.checkworthy:.2f}) with no source given"
                    + ("; hedged" if claim.hedged else ""),
                )
            )
    return flags


# an indefinite or a quantity opening a source's phrase: someone unnamed, whatever it capitalises
_UNNAMED_LEADS = frozenset(
    {"a", "an", "one", "some", "several", "many", "few", "two", "three", "four", "other",
     "others", "most", "various", "numerous", "dozens", "hundreds", "another"}
)  # fmt: skip


_COMMON_GROUPS = frozenset(
    {"officials", "analysts", "experts", "meteorologists", "forecasters", "investors",
     "residents", "witnesses", "sources", "economists", "observers", "critics", "authorities",
     "doctors", "rescuers", "scientists", "researchers", "diplomats", "lawmakers", "friends",
     "neighbours", "neighbors", "relatives", "traders", "policymakers", "campaigners",
     "activists", "protesters", "locals", "people", "officers", "survivors", "police",
     "prosecutors", "investigators", "organisers", "organizers", "strategists", "bankers",
     "regulators", "insiders", "commentators", "historians", "volunteers", "parents"}
)  # fmt: skip


# the head of a phrase that describes someone without naming them
_ANONYMOUS_HEADS = frozenset(
    {"official", "officials", "source", "sources", "diplomat", "diplomats", "insider",
     "insiders", "aide", "aides", "staffer", "staffers", "employee", "employees", "officer",
     "officers", "spokesman", "spokeswoman", "spokesperson", "representative", "analyst",
     "analysts", "person", "people", "resident", "residents", "witness", "witnesses"}
)  # fmt: skip


def _is_named(name: str | None, kind: str) -> bool:
    """ "Kira Rudik" and "the Foreign Ministry" are named sources; "military analysts" is not."""
    if not name or kind not in ("person", "organisation"):
        return False
    words = name.split()
    if words[0].lower() in _UNNAMED_LEADS:
        return False  # "a senior Ukrainian security official", "a Pentagon official", "Several"
    if len(words) == 1 and words[0].lower() in _COMMON_GROUPS:
        return False  # "Officials said", "Experts warn": capitalised only by the sentence
    if words[-1].lower() in _ANONYMOUS_HEADS:
        return False  # "Defense Department official", "Pentagon sources": whose, not who
    if kind == "person":
        return words[0][:1].isupper()
    # A group is named when a word other than the first is capitalised ("the Kremlin",
    # "Foreign Ministry") or it is one proper word ("Hamas"); sentence-initial capitals aside.
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())


def sourcing_profile(article: Article) -> dict[str, Any]:
    text = article.text
    quoted = inside_quotes(article.quotes)
    words = max(1, len(WORDS.findall(text)))
    sources: dict[str, bool] = {}  # name → has a title
    for q in article.quotes:
        if q.speaker and _is_named(q.speaker.name, q.speaker.kind):
            sources[q.speaker.name or ""] = sources.get(q.speaker.name or "", False) or bool(
                q.speaker.title
            )
    for item in [f.source for f in article.figures] + [c.attribution for c in article.claims]:
        if _is_named(item.name, item.kind):
            sources[item.name or ""] = sources.get(item.name or "", False) or bool(item.title)
    checkworthy = [c for c in article.claims if c.checkworthy >= CHECKWORTHY]
    attributed = [c for c in checkworthy if c.attribution.kind != "unattributed"]
    sourced = [f for f in article.figures if f.source.kind != "unattributed"]
    questions = [
        s
        for s in article.sentences
        if s.of(text).rstrip("”\"’' ").endswith("?") and _outside(quoted, s.start)
    ]
    first = [m for m in FIRST_PERSON.finditer(text) if _outside(quoted, m.start())]
    second = [m for m in SECOND_PERSON.finditer(text) if _outside(quoted, m.start())]
    hedges = [m for m in HEDGES.finditer(text) if _outside(quoted, m.start())]
    places = {e.canonical or text[e.start : e.end] for e in article.entities if e.label == "LOC"}
    specific = (
        len(DATE_WORDS.findall(text))
        + len(NUMBER.findall(text))
        + sum(1 for e in article.entities if e.label == "LOC")
    )
    loaded = [f for f in article.flags if f.kind == "loaded_language"]
    strays = [f for f in article.flags if f.kind == "stray_text"]
    profile: dict[str, Any] = {
        "words": words,
        "named_sources": len(sources),
        "named_sources_with_title": sum(1 for has_title in sources.values() if has_title),
        "sources": sorted(sources),
        "direct_quotes": sum(1 for q in article.quotes if q.kind == "direct"),
        "mixed_quotes": sum(1 for q in article.quotes if q.kind == "mixed"),
        "indirect_quotes": sum(1 for q in article.quotes if q.kind == "indirect"),
        "checkworthy_claims": len(checkworthy),
        "attributed_claims": len(attributed),
        "unattributed_claims": len(checkworthy) - len(attributed),
        "attributed_claim_ratio": round(len(attributed) / len(checkworthy), 2)
        if checkworthy
        else None,
        "figures": len(article.figures),
        "figures_sourced": len(sourced),
        "figures_unsourced": len(article.figures) - len(sourced),
        "hedges": len(hedges),
        "specificity": round(100 * specific / words, 2),
        "places": len(places),
        "opinion_markers": len(first) + len(second) + len(questions),
        "first_person": len(first),
        "second_person": len(second),
        "rhetorical_questions": len(questions),
        "loaded_language": len(loaded),
        "loaded_language_per_100_words": round(100 * len(loaded) / words, 2),
        "stray_text": len(strays),
    }
    profile["reasons"] = _reasons(profile)
    if article.lang not in (None, "en"):
        # the models read English: in another language every count above is unreliable
        profile["reasons"].insert(0, f"{language_note(article.lang)}; the counts are unreliable")
    profile["reference"] = _against_reference(profile)
    return profile


@cache
def _reference() -> dict[str, dict[str, float]]:
    """Percentiles of each field over public news text (benchmarks/profile_reference.py)."""
    if not REFERENCE.is_file():
        return {}
    fields: dict[str, dict[str, float]] = json.loads(REFERENCE.read_text("utf-8"))["fields"]
    return fields


def _against_reference(profile: dict[str, Any]) -> dict[str, dict[str, float]]:
    """For each field: the reference median and roughly where this report falls (0-100)."""
    placed = {}
    for key, cuts in _reference().items():
        value = profile.get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        points = [(q, cuts[f"p{q}"]) for q in (10, 25, 50, 75, 90)]
        rank = 50.0 if value == cuts["p50"] else 0.0
        if value < points[0][1]:
            rank = 5.0
        elif value > points[-1][1]:
            rank = 95.0
        else:
            for (q0, v0), (q1, v1) in pairwise(points):
                if v0 <= value <= v1:
                    rank = q0 + (q1 - q0) * ((value - v0) / (v1 - v0) if v1 > v0 else 0.5)
                    break
        placed[key] = {"median": cuts["p50"], "percentile": round(rank)}
    return placed


_LANGUAGES = {
    "ar": "Arabic", "de": "German", "es": "Spanish", "fr": "French", "it": "Italian",
    "ja": "Japanese", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian",
    "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip


def language_note(lang: str) -> str:
    """ "written in German (de), not English: corroborate's models read English only"."""
    name = _LANGUAGES.get(lang)
    written = f"{name} ({lang})" if name else f"language {lang!r}"
    return f"written in {written}, not English: corroborate's models read English only"


def _reasons(p: dict[str, Any]) -> list[str]:
    reasons = []
    if p["named_sources"] == 0:
        reasons.append("names no source: no person or organisation is credited")
    elif p["named_sources_with_title"] == 0:
        reasons.append("no named source is given a title or affiliation")
    if p["direct_quotes"] == 0 and p["mixed_quotes"] == 0:
        reasons.append("quotes nobody directly")
    if p["figures"] == 0:
        reasons.append("gives no figures")
    elif p["figures_unsourced"]:
        reasons.append(f"{p['figures_unsourced']} of {p['figures']} figures have no source")
    ratio = p["attributed_claim_ratio"]
    if ratio is not None and ratio < 0.5:
        reasons.append(
            f"{p['unattributed_claims']} of {p['checkworthy_claims']} check-worthy claims are "
            "not attributed to anyone"
        )
    if p["loaded_language_per_100_words"] >= 1.0:
        reasons.append(
            f"{p['loaded_language']} loaded words "
            f"({p['loaded_language_per_100_words']} per 100 words)"
        )
    if p["rhetorical_questions"]:
        reasons.append(f"{p['rhetorical_questions']} rhetorical question(s)")
    if p["first_person"] or p["second_person"]:
        reasons.append("addresses the reader or speaks in the first person, outside quotes")
    if p["stray_text"]:
        reasons.append(f"{p['stray_text']} passage(s) that do not belong to the report")
    return reasons
