"""A report's parts (headline, dateline, byline, section headings, body) and stray text.

A *heading* is a short title-like line that introduces the paragraphs after it. *Stray
text* is a line that does not belong to the report: a headline from another story pasted in,
"Read also" teasers, captions and credits, newsletter/app prompts, share widgets. Each is
judged by form (title-like, no finite verb, link-like wording) and by content (does it share
names and words with the rest of the report?). Every decision is a flag with offsets and a
plain explanation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from corroborate import nlp
from corroborate.extract import stray
from corroborate.model import Entity, Flag, Span

# Lines that are page furniture, whatever they say next to them.
BOILERPLATE = re.compile(
    r"""^\s*(?:
        (?:read|see)\s+(?:also|more)\b | related\s*(?:stories|articles|coverage)?\s*: |
        more\s+on\s+this\s+story | recommended\s*: | you\s+may\s+also\s+like |
        (?:sign\s+up|subscribe)\b | .*\bnewsletter\b | download\s+(?:our|the)\s+app |
        get\s+the\s+app | follow\s+us\b | share\s+(?:this|on)\b | click\s+here |
        \d+\s+comments?\b | comments?\s*(?:\(\d+\))?\s*$ | leave\s+a\s+comment |
        advertisement\s*$ | (?:photo|image|picture|video)\s*(?:credit)?\s*: |
        \(?(?:photo|image|picture)\s+by\b | getty\s+images | ©|copyright\b |
        all\s+rights\s+reserved |
        this\s+(?:article|story|report)\s+(?:was|is)\s+(?:provided|supplied|republished)\b |
        \(?(?:reporting|writing|editing)\s+by\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
TEASER = re.compile(r"^\s*(?:read|see)\s+(?:also|more)\b", re.IGNORECASE)
KNOWN_HEADINGS = {
    "conclusion",
    "background",
    "analysis",
    "context",
    "what next",
    "what happens next",
    "key points",
    "summary",
    "introduction",
    "timeline",
    "reaction",
    "update",
}
DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s"
)
BYLINE = re.compile(
    r"^\s*(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*\s*$"
)
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
TERMINAL = tuple(".!:;\"”’'…)")  # a headline may end with "?"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
STOP = frozenset(
    (
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "into",
        "over",
        "after",
        "before",
        "than",
        "then",
        "so",
        "not",
        "no",
        "yes",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "about",
        "up",
        "down",
        "out",
        "new",
        "says",
        "said",
    )
)


def _content_words(text: str) -> set[str]:
    words = set()
    for w in WORD.findall(text.lower()):
        w = w.replace("’", "'").removesuffix("'s")
        if w not in STOP and len(w) > 2:
            words.add(w[:5])  # a crude stem: "evacuated"/"evacuation" meet at "evacu"
    return words


def _title_like(line: str) -> bool:
    words = line.split()
    first = line.lstrip("‘'\"“")[:1]
    return (
        0 < len(words) <= 24
        and not line.rstrip().endswith(TERMINAL)
        and (first.isupper() or first.isdigit())
    )


def _has_finite_verb(doc: Any, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ in FINITE_TAGS for t in span)


def structure_flags(
    text: str,
    paragraphs: Sequence[Span],
    entities: Sequence[Entity],
    doc: Any = None,
    title: str | None = None,
    embeddings: bool | None = None,
) -> list[Flag]:
    """Heading, dateline and byline marks (info) and stray-text flags (warning).

    `embeddings`: compare meaning with sentence embeddings (None: when installed; False: the
    lexical tests only).
    """
    flags: list[Flag] = []
    names = [(e, (e.canonical or text[e.start : e.end]).lower()) for e in entities]
    body_indices = [i for i, p in enumerate(paragraphs) if not _title_like(p.of(text))]
    vectors = stray.Vectors([p.of(text) for p in paragraphs], embeddings)
    stems = {j: _content_words(paragraphs[j].of(text)) for j in body_indices}
    counts = Counter(w for words in stems.values() for w in words)
    for i, para in enumerate(paragraphs):
        line = para.of(text)
        # A "Read also:" teaser repeats a whole headline, which may be long.
        limit = 60 if TEASER.match(line) else 25
        if BOILERPLATE.match(line) and len(line.split()) <= limit:
            flags.append(
                _stray(
                    para,
                    "page furniture (teaser, prompt, caption, credit or widget), "
                    "not part of the report",
                    "boilerplate",
                )
            )
            continue
        is_headline = title is not None and line.strip().lower() == title.strip().lower()
        if i == 0 and is_headline:
            flags.append(Flag(para.start, para.end, "headline", "info", "the headline"))
            continue
        if BYLINE.match(line):
            flags.append(Flag(para.start, para.end, "byline", "info", "the byline"))
            continue
        if DATELINE.match(line):
            end = para.start + len(DATELINE.match(line).group(0).rstrip())  # type: ignore[union-attr]
            flags.append(Flag(para.start, end, "dateline", "info", "the dateline"))
        if not _title_like(line):
            reason = _foreign_paragraph_reason(
                text, paragraphs, i, names, body_indices, vectors, stems, counts
            )
            if reason:
                flags.append(_stray(para, reason, "foreign_paragraph"))
            continue
        stray_reason = _stray_headline_reason(text, paragraphs, i, names, doc, body_indices)
        heading_like = i + 1 < len(paragraphs) and not _title_like(paragraphs[i + 1].of(text))
        if not stray_reason and heading_like and line.strip().lower() not in KNOWN_HEADINGS and i:
            # Passed the form rules: does it introduce the paragraph after it?
            earlier = [j for j in body_indices if j < i]
            title_line = [0] if paragraphs and 0 not in body_indices else []
            others = sorted({*title_line, *earlier[-1:], *body_indices[:2]} - {i, i + 1})
            stray_reason = stray.foreign_heading_reason(vectors, line, i, i + 1, others)
        if stray_reason:
            flags.append(_stray(para, stray_reason, "foreign_headline"))
        elif heading_like:
            flags.append(
                Flag(
                    para.start,
                    para.end,
                    "heading",
                    "info",
                    "section heading: a short title-like line introducing the paragraphs after it",
                )
            )
    return flags


def _stray(para: Span, reason: str, category: str) -> Flag:
    """A `stray_text` warning over a whole paragraph; `category` says which kind of stray."""
    return Flag(para.start, para.end, "stray_text", "warning", reason, category=category)


def _stray_headline_reason(
    text: str,
    paragraphs: Sequence[Span],
    index: int,
    names: list[tuple[Entity, str]],
    doc: Any,
    body_indices: list[int],
) -> str | None:
    """Why a title-like line looks pasted in from another story, or None if it belongs."""
    para = paragraphs[index]
    line = para.of(text)
    if line.strip().lower() in KNOWN_HEADINGS or index == 0 or len(body_indices) < 2:
        return None
    rest = " ".join(paragraphs[j].of(text) for j in body_indices if j != index)
    own_names = {n for e, n in names if para.start <= e.start < para.end}
    own_names |= _capitalised_names(line, rest)
    shared = {n for n in own_names if n in rest.lower()}
    words = _content_words(line)
    overlap = len(words & _content_words(rest)) / len(words) if words else 1.0
    # A section heading is a noun phrase about this report, usually in title case. A pasted
    # headline reads as a sentence ("X calls for Y", finite verb, sentence case) and names
    # people or places the report never mentions.
    # Title-case section headings ("The Path Forward") fool both the tagger and NER, so
    # names alone are not enough: the line must also read as a sentence.
    sentence_like = (
        _sentence_case(line)
        or (
            _title_case(line)
            and doc is not None
            and len(line.split()) >= 6
            and _title_case_has_verb(line)
        )
        or (_has_finite_verb(doc, para.start, para.end) and not _title_case(line))
    )
    if own_names and not shared and overlap < 0.5 and sentence_like:
        return (
            f"title-like line naming {', '.join(_as_written(line, own_names))}, mentioned "
            "nowhere else in "
            f"the report, and sharing {overlap:.0%} of its words with the rest: looks like a "
            "headline from another story"
        )
    if len(line.split()) >= 9 and not line.rstrip().endswith("?"):
        return (
            f"a {len(line.split())}-word line with no closing punctuation on its own between "
            "paragraphs: too long for a section heading, shaped like a headline from another story"
        )
    if sentence_like and len(line.split()) >= 6 and not line.rstrip().endswith("?"):
        return (
            "a headline-shaped line (no closing punctuation, a verb, "
            f"{len(line.split())} words) on its own between paragraphs; section headings "
            "are short noun phrases: looks pasted in from another story"
        )
    if _title_case(line) and len(words) >= 5 and overlap < 0.35:
        return (
            f"a long title-like line that shares only {overlap:.0%} of its words with the rest of "
            "the report: looks like a headline from another story"
        )
    if sentence_like and len(words) >= 4 and overlap < 0.25:
        return (
            f"headline-like sentence that shares only {overlap:.0%} of its words with the rest "
            "of the report: looks pasted in from another story"
        )
    return None


def _foreign_paragraph_reason(
    text: str,
    paragraphs: Sequence[Span],
    index: int,
    names: list[tuple[Entity, str]],
    body_indices: list[int],
    vectors: stray.Vectors,
    stems: dict[int, set[str]],
    counts: Counter[str],
) -> str | None:
    """Why a body paragraph looks like one about a different event, or None if it belongs.

    `stems`: each body paragraph's content words; `counts`: in how many body paragraphs each
    occurs (a word counted more than once is shared with the rest of the report).
    """
    position = body_indices.index(index)
    # The lead says what the report is about, and the closing paragraph is often an author
    # note or a correction: neither is judged by content.
    if position == 0 or position == len(body_indices) - 1:
        return None
    para = paragraphs[index]
    line = para.of(text)
    # Cheapest tests first: this runs on every body paragraph of every report.
    words = stems[index]
    overlap = sum(counts[w] > 1 for w in words) / len(words) if words else 1.0
    if len(line.split()) < stray.MIN_PARAGRAPH_WORDS or overlap >= stray.PARAGRAPH_OVERLAP:
        return None
    rest = " ".join(paragraphs[j].of(text) for j in body_indices if j != index).lower()
    own = {n for e, n in names if para.start <= e.start < para.end}
    shared = any(_name_shared(n, rest) for n in own)
    if not stray.paragraph_candidate(len(line.split()), len(own), shared, overlap):
        return None
    neighbours = [body_indices[position - 1], body_indices[position + 1]]
    lead = [j for j in (0, body_indices[0]) if j != index and j not in neighbours]
    return stray.foreign_paragraph_reason(
        vectors, index, neighbours, sorted(set(lead)), overlap, _as_written(line, own)
    )


# Words that end many organisation names and say nothing about which one it is.
GENERIC_NAME_WORDS = frozenset(
    (
        "association", "university", "council", "ministry", "department", "company", "group",
        "party", "agency", "committee", "office", "bank", "institute", "service", "services",
        "authority", "union", "board", "commission", "court", "corporation", "federation",
        "foundation", "centre", "center", "society", "news", "times", "post",
    )
)  # fmt: skip


def _name_shared(name: str, rest: str) -> bool:
    """Is `name` (lower case) mentioned in `rest`? The whole name, or any distinctive word of
    it: "Clinton" for "Hillary Clinton" and back, "Velmark" for "the Velmark Insurers'
    Association" (not "Association", which ends a hundred names)."""
    if name in rest:
        return True
    words = set(WORD.findall(rest))
    return any(
        len(w) >= 4 and w not in GENERIC_NAME_WORDS and w in words for w in WORD.findall(name)
    )


def _as_written(line: str, names: set[str]) -> list[str]:
    """The names as the line spells them ("Gaza", not "gaza")."""
    found = {w for w in WORD.findall(line) if w.lower() in names}
    multi = {n for n in names if " " in n}
    for name in multi:
        start = line.lower().find(name)
        if start >= 0:
            found.add(line[start : start + len(name)])
    return sorted(found or names)


def _sentence_case(line: str) -> bool:
    """'Port unions call for a strike' (a headline sentence), not 'The Path Forward'."""
    words = [w for w in WORD.findall(line)[1:] if w.lower() not in STOP]
    lower = [w for w in words if w[0].islower()]
    return len(words) >= 3 and len(lower) >= len(words) / 2


def _title_case_has_verb(line: str) -> bool:
    """Does a Title Case line ("Sanders And Clinton Are Fighting") contain a finite verb?

    Capitals on every word blind the tagger (it reads them all as proper nouns), so the line
    is tagged again in sentence case. Only a few candidate lines per report get here.
    """
    words = line.split()
    sentence_case = " ".join([words[0], *(w.lower() for w in words[1:])])
    return any(t.tag_ in FINITE_TAGS for t in nlp.parse(sentence_case))


def _title_case(line: str) -> bool:
    words = [w for w in WORD.findall(line) if w.lower() not in STOP]
    return bool(words) and all(w[0].isupper() for w in words)


def _capitalised_names(line: str, rest: str) -> set[str]:
    """Proper-noun-looking words of a sentence-case line (a fallback when NER finds none)."""
    if not _sentence_case(line):
        return set()
    tokens = WORD.findall(line)
    names = set()
    for i, token in enumerate(tokens):
        if not token[0].isupper() or token.lower() in STOP:
            continue
        # The first word is capitalised anyway; count it only if the report never uses it
        # as an ordinary lower-case word.
        if i == 0 and re.search(rf"\b{re.escape(token.lower())}\b", rest):
            continue
        names.add(token.lower())
    return names
