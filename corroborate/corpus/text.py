"""Small text helpers shared by the corpus stages: words, terms, dates, names, sparse vectors.

Everything here is lexical and deterministic, so the corpus stages work (and are measured)
without the embedding stack.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from corroborate.model import Article

__all__ = [
    "STOPWORDS",
    "cosine",
    "day",
    "entity_key",
    "fallback_entities",
    "location_key",
    "normalise",
    "short_hash",
    "stem",
    "terms",
    "tfidf",
    "words",
]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
# capitalised words joined by single spaces (never across lines), "of"/"de" allowed inside
_NAME = re.compile(r"\b[A-Z][\w-]*[a-z][\w-]*(?:[ ](?:of[ ]|de[ ])?[A-Z][\w-]*[a-z][\w-]*)*")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according mr ms mrs dr one two three new also
    would could may might must shall its it's that's there's week weeks day days monday tuesday
    wednesday thursday friday saturday sunday year years last first since yet still even
    however many much per cent percent people""".split()  # noqa: SIM905
)


_PUNCT = re.compile(r"[^\w\s]+")  # one regex pass: str.translate is slow on non-ASCII text


def normalise(text: str) -> str:
    """Case-, width-, punctuation- and whitespace-folded text: the key for exact duplicates."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens."""
    return _WORD.findall(text.casefold().replace("’", "'"))


@functools.lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to make "evacuated"/"evacuation" and "forces"/"force" meet.

    A real stemmer would be better; this one has no dependency and is fast at 100k articles.
    """
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:8]


def terms(text: str) -> list[str]:
    """Content terms: stemmed words that are not stopwords, digits or very short."""
    return [stem(w) for w in words(text) if len(w) > 2 and w not in STOPWORDS and w[0].isalpha()]


TITLE_WORDS = frozenset(
    """mr ms mrs dr sir mayor governor regional president prime minister general colonel
    major captain chief executive spokesman spokeswoman spokesperson leader commander owner
    head director senator judge lawyer professor analyst secretary deputy foreign defence
    defense finance interior former acting senior resident residents""".split()  # noqa: SIM905
)


def entity_key(name: str) -> str:
    """A matching key for a name: "Ukraine" and "Ukrainian" (and "Russia"/"Russian") meet.

    Each token is cut to six letters, which folds most demonyms and possessives onto the
    place name; multi-word names keep every token so "Marta Ilves" stays distinct.
    """
    tokens = [t for t in words(name) if t not in {"the", "of", "de"}]
    # titles in front of a name ("Mayor Tomas Reinholt") are not part of it
    while len(tokens) > 1 and tokens[0] in TITLE_WORDS:
        tokens = tokens[1:]
    return " ".join(t[:6] for t in tokens)


def fallback_entities(text: str, limit: int = 40) -> list[str]:
    """Capitalised phrases as stand-in entities when the article carries no NER output.

    A capitalised phrase is a name when it is not a stopword and either stands inside a
    sentence or also appears inside one elsewhere: sentence-initial "Businesses" or "Everyone"
    are ordinary words, sentence-initial "Drevna" is a name used again later.
    """
    inner: list[str] = []
    initial: list[str] = []
    for match in _NAME.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if len(line.strip()) <= len(match.group(0)) + 1:
            continue  # the whole line is title case: a heading, not a name
        parts = match.group(0).split()
        while parts and parts[0].casefold() in STOPWORDS:
            parts = parts[1:]
        if not parts:
            continue
        before = text[max(0, match.start() - 3) : match.start()].rstrip(" \t\"“‘'(")
        at_start = not before or before[-1] in ".!?\n:—–-"
        (initial if at_start and len(parts) == 1 else inner).append(" ".join(parts))
    known = {w for phrase in inner for w in phrase.split()}
    found = inner + [p for p in initial if p in known]
    return found[:limit]


_LOCATION_NOISE = re.compile(
    r"\b(?:the|district|region|regional|province|oblast|county|city|town|area|municipality|"
    r"state|village|of)\b"
)


def location_key(location: str | None) -> str | None:
    """A location folded for matching: "Drevna's Lindholm district" → "drevna lindholm"."""
    if not location:
        return None
    text = normalise(location).replace("'s", "")
    text = _LOCATION_NOISE.sub(" ", text)
    key = " ".join(entity_key(t) for t in text.split())
    return key or None


def day(value: str | None) -> date | None:
    """The calendar date of an ISO date or date-time string, or None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def short_hash(*parts: str, length: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (dicts); 0 when either is empty."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def tfidf(tokens: Iterable[str], idf: Mapping[str, float], default_idf: float) -> dict[str, float]:
    """A sparse TF-IDF vector with sublinear term frequency."""
    counts = Counter(tokens)
    return {t: (1.0 + math.log(c)) * idf.get(t, default_idf) for t, c in counts.items()}


# A wire credit: "KYIV, Aug 13 (Harbour Wire) —", "This article was provided by Harbour Wire",
# "© 2026 Harbour Wire", "Copyright Harbour Wire 2026".
_DATELINE_CREDIT = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},[^\n(]{0,30}\(([^)\n]{2,40})\)\s*[—–-]")
_LINE_CREDIT = re.compile(
    r"(?:provided by|©\s*(?:\d{4}\s+)?|copyright\s+(?:\d{4}\s+)?)"
    r"([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})",
    re.IGNORECASE,
)


def credited_source(article: Article) -> str:
    """Who a report's words come from: the wire credited in its dateline or footer, else its
    outlet, else its website, else the file it came from (the whole path: two index.html in
    two folders are two sources), else its id. Two reports with one credited source are not
    independent, whether they are copies (a wire story run by ten sites) or one outlet
    restating itself."""
    match = _DATELINE_CREDIT.match(article.text.lstrip())
    if match:
        return match.group(1).strip()
    tail = article.text[-400:]
    match = _LINE_CREDIT.search(tail)
    if match and match.group(1).lower() not in {"the", "all"}:
        return match.group(1).strip()
    if article.outlet or article.url:
        return article.source_label  # the outlet, else the website
    return article.origin or article.id
