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
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from corroborate import nlp
from corroborate.extract import stray
from corroborate.extract.datelines import DATELINE, DATELINE_LINE
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
# A wire service's credit: "(Reporting by ...; Additional reporting by ...; Editing by ...)".
# At the end of the report it credits the report's own staff; anywhere else it was pasted in.
WIRE_CREDIT = re.compile(
    r"^\s*\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b", re.IGNORECASE
)
# A label on a line of its own: a list number ("23.") or a live blog's time stamp ("6:00 p.m.").
# The line after it is the entry it labels, not a pasted headline.
ENTRY_LABEL = re.compile(
    r"^\s*(?:\d{1,3}[.)]?|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?)\s*$", re.IGNORECASE
)
LIST_ITEM_WORDS = 15  # the most words of the short lines that make up a list
# A quotation followed by its speaker: '"We will not give up." ― Jane Roe'.
ATTRIBUTED_QUOTE = re.compile(r"^[\"“‘'].*[.!?…,][\"”’']\s*[―—–-]{1,2}\s*[A-Z]")
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
# A section label in capitals ("KOMPAS", "JAKARTA POST"): a digest's or a briefing's headings.
# One such line may be a pasted headline; three or more are the report's own layout.
CAPS_LABEL_WORDS = 4
CAPS_LABELS_FOR_LAYOUT = 3
# A quotation credited to a pronoun or an unnamed person ("he said", "said one professor"):
# it refers back to someone the report introduced, so, naming no one of its own, it carries
# on the report. On Reuters 1996 text (CoNLL-2003 eng.train, 444 reports not otherwise used)
# such quotes were 5 of the 14 false flags; on the development splits the rule cost 0-2
# pasted paragraphs of 113-200.
ANAPHORIC_QUOTE = re.compile(
    # a quotation mark anywhere, single British ones included: the cue may come before it
    # ("But, he added, “…”")
    r"(?=.*[\"“”‘])"
    r".*\b(?:(?:he|she|they|we)\s+(?:said|says|added|told|explained|noted|wrote|recalled)"
    r"|(?:said|says|added|told)\s+(?:he|she|they|one|a|an|the)\b)",
    re.IGNORECASE,
)
# A quotation credited by name ("“…,” Clinton said", "said Clinton"): when the report names
# that person elsewhere, the paragraph carries on one of its speakers, whatever else it names.
CREDITED_QUOTE = re.compile(
    r"[\"“”‘’,]\s*(?:[A-Z][\w.'’-]+\s+){0,3}?(?P<before>[A-Z][\w'’-]+)"
    r"\s+(?:said|says|added|told|explained|noted|wrote|recalled|asked|replied)\b"
    r"|\b(?:said|says|added)\s+(?:[A-Z][\w.'’-]+\s+){0,3}(?P<after>[A-Z][\w'’-]+)"
    r"\s*(?:[,.]|$)"
)
# A headline that says the report gathers several stories ("PRESS DIGEST - Lebanon - Aug 26",
# "World news in brief", "Weekend sports round-up"): its paragraphs change subject by design.
# On Reuters 1996 text (CoNLL-2003 eng.train, not a benchmark split) 3 of the 11 reports with a
# false stray flag were press digests too short for the roundup count to see. Only the kind of
# report named as such: a bare "digest", "roundup" or "in brief" is as often a verb, a police
# round-up or a brand.
DIGEST_TITLE = re.compile(
    r"\b(?:press|news|daily|weekly|morning|evening|world|business|sports?|weekend)\s+"
    r"(?:digest|briefs?|round-?ups?)\b|\bnews\s+in\s+brief\b|^\s*in\s+brief\b",
    re.IGNORECASE,
)
# "In Britain, for example, ...": a paragraph that gives an example of the one before it (the
# phrase in its opening words, and a word of that paragraph taken up) illustrates the report's
# thread, however far its names.
ILLUSTRATES = re.compile(r"^[^.;:!?]{0,60}?\b(?:for example|for instance)\b", re.IGNORECASE)
# "Kristjan Mets, 47, a bus driver, found ... “You think you are prepared,” he said": a
# person the report introduces by name and age to speak for the people in its story (a vox
# pop), not a paragraph pasted from another event.
VOX_POP = re.compile(r"^\s*(?:[A-Z][\w'’-]+\s+){1,3}?[A-Z][\w'’-]+,\s+\d{1,3},\s")
BYLINE = re.compile(
    r"^\s*(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*\s*$"
)
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
TERMINAL = tuple(".!:;\"”’'…)")  # a headline may end with "?"
CLOSING_QUOTES = tuple("\"”’'")
OPENING_QUOTES = frozenset("\"“‘'")
QUOTE_MARKS = "\"“”‘’'"
SENTENCE_END = frozenset(".!?,;:…)")
SENTENCE_INSIDE = re.compile(r"[a-z0-9][.!?][\"”’']?\s+[\"“‘']?[A-Z]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]+")
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
        and not _ends_sentence(line.rstrip())
        and (first.isupper() or first.isdigit())
    )


def _caps_label(line: str) -> bool:
    """A short line in capitals with letters: "JAKARTA POST", "LE TEMPS"."""
    words = line.split()
    return 0 < len(words) <= CAPS_LABEL_WORDS and line.isupper() and any(c.isalpha() for c in line)


def _ends_sentence(line: str) -> bool:
    """Closing punctuation. A closing quotation mark ends a sentence only after punctuation
    ('... he said, "we will fight."'); a line ending in a bare quoted phrase is a headline
    ("Bolton and Gorka slam 'Neocons for Hillary'"), unless the line is prose (a sentence
    ends inside it) or one whole quotation (a pull quote), alone or with its speaker after
    a dash. Web text often types the closing mark as an opening one ('... "Mostly False.“'):
    after sentence punctuation any quotation mark closes."""
    # (a space before the closing mark, '... together. "', is a typing slip, not a headline)
    if line[-1:] in OPENING_QUOTES and line.rstrip(QUOTE_MARKS).rstrip()[-1:] in SENTENCE_END:
        return True
    if ATTRIBUTED_QUOTE.match(line):
        return True
    if not line.endswith(TERMINAL):
        return False
    if not line.endswith(CLOSING_QUOTES) or line.rstrip("\"”’'").rstrip()[-1:] in SENTENCE_END:
        return True
    return bool(SENTENCE_INSIDE.search(line)) or _one_quotation(line)


def _one_quotation(line: str) -> bool:
    """'"Divisive, stupid and wrong"': a quotation standing alone, no headline."""
    return line[:1] in OPENING_QUOTES and not any(q in line[1:-1] for q in QUOTE_MARKS)


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
    return structure_pending(text, paragraphs, entities, doc, title, embeddings).flags()


@dataclass
class PendingStructure:
    """A report's structure marks, some lines still to be judged by meaning: `vectors` holds
    what they need embedded. `stray.embed_pending` embeds the needs of many reports in one
    call (each call has a fixed cost); `flags()` embeds what is still missing and judges."""

    items: list[Flag | _Pending]
    vectors: stray.Vectors

    def needs(self) -> list[int]:
        """What the judgements need embedded first."""
        return [i for item in self.items if isinstance(item, _Pending) for i in item.needs]

    def needs_later(self) -> list[int]:
        """What they need once the first are embedded (rarely anything)."""
        return [i for item in self.items if isinstance(item, _Pending) for i in item.later()]

    def flags(self) -> list[Flag]:
        """The flags in paragraph order, every pending line judged (embedding what is missing:
        nothing when `embed_together` ran first)."""
        for needs in (self.needs, self.needs_later):
            wanted = needs()
            if wanted and stray.embed_ahead():
                self.vectors.get(wanted)  # one call per round for this report
        flags = [item.judge() if isinstance(item, _Pending) else item for item in self.items]
        return [flag for flag in flags if flag is not None]


def embed_together(pending: Sequence[PendingStructure]) -> None:
    """Embed what the pending judgements of several reports need: one call for what they
    need first, one for what some then need. A call has a fixed cost (the model's weights
    pass through the CPU once per batch), so many reports share it."""
    stray.embed_pending([(p.vectors, p.needs()) for p in pending])
    stray.embed_pending([(p.vectors, p.needs_later()) for p in pending])


def structure_pending(
    text: str,
    paragraphs: Sequence[Span],
    entities: Sequence[Entity],
    doc: Any = None,
    title: str | None = None,
    embeddings: bool | None = None,
) -> PendingStructure:
    """`structure_flags` up to the judgements that need embeddings (see `PendingStructure`)."""
    # Lines judged by meaning are left pending until every candidate of the report is known,
    # so that all of them are embedded in one batched call (with other reports' candidates,
    # when `stray.embed_pending` is given several).
    items: list[Flag | _Pending] = []
    names = [(e, (e.canonical or text[e.start : e.end]).lower()) for e in entities]
    body_indices = [i for i, p in enumerate(paragraphs) if not _title_like(p.of(text))]
    vectors = stray.Vectors([p.of(text) for p in paragraphs], embeddings)
    stems = {j: _content_words(paragraphs[j].of(text)) for j in body_indices}
    counts = Counter(w for words in stems.values() for w in words)
    leads = _leads(text, paragraphs, body_indices)
    typical = statistics.median(_overlap(stems[j], counts) for j in body_indices) if stems else 0.0
    caps_labels = [i for i, p in enumerate(paragraphs) if _caps_label(p.of(text))]
    layout_labels = set(caps_labels) if len(caps_labels) >= CAPS_LABELS_FOR_LAYOUT else set()
    for i, para in enumerate(paragraphs):
        line = para.of(text)
        # A "Read also:" teaser repeats a whole headline, which may be long.
        limit = 60 if TEASER.match(line) else 25
        furniture = BOILERPLATE.match(line) and len(line.split()) <= limit
        if furniture and WIRE_CREDIT.match(line) and _closes_report(text, paragraphs, i):
            items.append(
                Flag(para.start, para.end, "byline", "info", "the wire credit, closing the report")
            )
            continue
        if furniture:
            items.append(
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
            items.append(Flag(para.start, para.end, "headline", "info", "the headline"))
            continue
        if BYLINE.match(line):
            items.append(Flag(para.start, para.end, "byline", "info", "the byline"))
            continue
        if DATELINE_LINE.match(line.strip()):
            items.append(Flag(para.start, para.end, "dateline", "info", "the dateline"))
            continue
        if DATELINE.match(line):
            end = para.start + len(DATELINE.match(line).group(0).rstrip())  # type: ignore[union-attr]
            items.append(Flag(para.start, end, "dateline", "info", "the dateline"))
        if not _title_like(line):
            pending = _foreign_paragraph_check(
                text, paragraphs, i, names, body_indices, leads, vectors, stems, counts, typical
            )
            if pending is not None:
                items.append(pending)
            continue
        heading_like = i + 1 < len(paragraphs) and not _title_like(paragraphs[i + 1].of(text))
        if i in layout_labels and heading_like:
            items.append(_heading(para))  # one of the report's own capitalised labels
            continue
        entry = _list_entry(text, paragraphs, i)
        stray_reason = _stray_headline_reason(
            text, paragraphs, i, names, doc, body_indices, entry=entry
        )
        if entry and not stray_reason:
            continue  # an item of a list or a live blog's entry: part of the report
        if not stray_reason and heading_like and line.strip().lower() not in KNOWN_HEADINGS and i:
            # Passed the form rules: does it introduce the paragraph after it?
            earlier = [j for j in body_indices if j < i]
            title_line = [0] if paragraphs and 0 not in body_indices else []
            others = sorted({*title_line, *earlier[-1:], *body_indices[:2]} - {i, i + 1})
            items.append(_heading_check(vectors, para, line, i, others, body_indices))
        elif stray_reason:
            items.append(_stray(para, stray_reason, "foreign_headline"))
        elif heading_like:
            items.append(_heading(para))
    first = paragraphs[0].of(text) if paragraphs else ""
    headline = title or (first if _title_like(first) else "")  # a body paragraph is no headline
    return PendingStructure(_unless_roundup(items, bool(DIGEST_TITLE.search(headline))), vectors)


def _closes_report(text: str, paragraphs: Sequence[Span], index: int) -> bool:
    """Does nothing but page furniture follow paragraph `index`? The report ends there."""
    return all(BOILERPLATE.match(p.of(text)) for p in paragraphs[index + 1 :])


def _list_entry(text: str, paragraphs: Sequence[Span], index: int) -> bool:
    """Is this title-like line an item of a list or an entry of a live blog?

    A label line ("23.", "6:00 p.m.") names the line after it. A line ending in a colon
    ("... has the following tasks:") announces the run of short lines after it. List items
    and entries often carry no closing punctuation, so their shape says nothing about them.
    """
    if index == 0:
        return False
    if ENTRY_LABEL.match(paragraphs[index - 1].of(text)):
        return True
    if not _list_item_length(paragraphs[index].of(text)):
        return False
    for j in range(index - 1, -1, -1):
        line = paragraphs[j].of(text).rstrip()
        if line.endswith(":"):
            # A list has more than one item. A colon before a single line ("Watch the ad
            # below:", "He said:") introduces an embed or a quotation, not a list.
            return j < index - 1 or (
                index + 1 < len(paragraphs) and _list_item_length(paragraphs[index + 1].of(text))
            )
        if not _list_item_length(line):
            return False  # a full paragraph: the list, if any, ended before it
    return False


def _list_item_length(line: str) -> bool:
    """Short enough for a list item: a few words, no sentence ending inside."""
    return len(line.split()) <= LIST_ITEM_WORDS and not SENTENCE_INSIDE.search(line)


@dataclass
class _Pending:
    """A line judged by meaning: the paragraphs it needs embedded, then the judgement."""

    needs: list[int]
    judge: Callable[[], Flag | None]
    paragraph: bool = False  # a body paragraph (not a title-like line)
    roundup: bool = False  # a paragraph candidate by the strict gate: counts towards a roundup
    # what it needs embedded once `needs` are (decided from their vectors); nothing by default
    later: Callable[[], list[int]] = list


def _leads(text: str, paragraphs: Sequence[Span], body_indices: list[int]) -> set[int]:
    """The paragraphs that say what the report is about: the first body paragraph, and the
    first one opening with a dateline ("NEW YORK (UPI) — ...") when a standfirst or a byline
    comes before it. Neither is judged by content: they set the subject."""
    leads = set(body_indices[:1])
    dated = [j for j in body_indices if DATELINE.match(paragraphs[j].of(text))]
    return leads | set(dated[:1])


def _unless_roundup(items: list[Flag | _Pending], digest: bool = False) -> list[Flag | _Pending]:
    """Drop the paragraph candidates of a roundup (a digest, a live blog): when many of its
    paragraphs are each about something mentioned nowhere else, or its headline says it is
    one (`digest`), changing subject is its form, not a sign of pasted text."""
    candidates = sum(isinstance(item, _Pending) and item.roundup for item in items)
    if candidates < stray.ROUNDUP_CANDIDATES and not digest:
        return items
    return [item for item in items if not (isinstance(item, _Pending) and item.paragraph)]


def _heading(para: Span) -> Flag:
    return Flag(
        para.start,
        para.end,
        "heading",
        "info",
        "section heading: a short title-like line introducing the paragraphs after it",
    )


def _heading_check(
    vectors: stray.Vectors,
    para: Span,
    line: str,
    index: int,
    others: list[int],
    body: Sequence[int],
) -> Flag | _Pending:
    """A title-like line that passed the form rules: does it introduce the paragraph after it?
    A heading if so (or when meaning cannot be compared), a stray headline if not."""
    if not stray.heading_candidate(line):
        return _heading(para)  # nothing to embed: an interview question, a list item

    # the section's second paragraph, when the paragraph after it is prose too
    then = [index + 2] if index + 2 < len(vectors.texts) and index + 2 in body else []

    def judge() -> Flag:
        reason = stray.foreign_heading_reason(vectors, line, index, index + 1, others, then)
        return _stray(para, reason, "foreign_headline") if reason else _heading(para)

    return _Pending([index, index + 1, *others], judge)


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
    entry: bool = False,
) -> str | None:
    """Why a title-like line looks pasted in from another story, or None if it belongs.

    `entry`: the line is a list item or a live blog's entry (`_list_entry`), judged only by
    what it names: one naming people the report never mentions is still a pasted headline.
    """
    para = paragraphs[index]
    line = para.of(text)
    if line.strip().lower() in KNOWN_HEADINGS or index == 0 or len(body_indices) < 2:
        return None
    rest = " ".join(paragraphs[j].of(text) for j in body_indices if j != index)
    own_names = {n for e, n in names if para.start <= e.start < para.end}
    own_names |= _capitalised_names(line, rest, first=not entry)
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
    if entry:
        return None  # the rules below judge by shape, which says nothing about a list item
    if len(line.split()) >= 9 and not line.rstrip().endswith("?"):
        return (
            f"{_a_or_an(len(line.split()))} {len(line.split())}-word line with no closing "
            "punctuation on its own between "
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


def _foreign_paragraph_check(
    text: str,
    paragraphs: Sequence[Span],
    index: int,
    names: list[tuple[Entity, str]],
    body_indices: list[int],
    leads: set[int],
    vectors: stray.Vectors,
    stems: dict[int, set[str]],
    counts: Counter[str],
    typical: float,
) -> _Pending | None:
    """A body paragraph that may be about a different event, to be judged by meaning; None
    when the cheap tests already say it belongs.

    `stems`: each body paragraph's content words; `counts`: in how many body paragraphs each
    occurs (a word counted more than once is shared with the rest of the report);
    `typical`: the median share of its words a body paragraph shares with the rest.
    """
    if len(body_indices) < stray.MIN_BODY_PARAGRAPHS:
        return None  # too little of the report to compare with
    position = body_indices.index(index)
    # The lead says what the report is about, and the closing paragraph is often an author
    # note or a correction: neither is judged by content.
    if index in leads or position == len(body_indices) - 1:
        return None
    para = paragraphs[index]
    line = para.of(text)
    if line[:1].islower():
        return None  # the rest of the paragraph before it, cut by the layout: not on its own
    # Cheapest tests first: this runs on every body paragraph of every report.
    overlap = _overlap(stems[index], counts)
    apart = overlap < stray.PARAGRAPH_OVERLAP_RELATIVE * typical  # far below the report's norm
    if len(line.split()) < stray.MIN_PARAGRAPH_WORDS or (
        overlap >= stray.PARAGRAPH_OVERLAP_NAMED and not apart
    ):
        return None
    neighbours = [body_indices[position - 1], body_indices[position + 1]]
    lead = sorted({j for j in (0, body_indices[0]) if j != index and j not in neighbours})
    # The share of its words found in the paragraphs it is compared with: past the strict
    # gate's bound on words shared, only a paragraph sharing few of them may be a candidate.
    around = set().union(*(stems[j] for j in (*neighbours, *lead) if j in stems))
    local = len(stems[index] & around) / len(stems[index]) if stems[index] else 1.0
    if overlap >= stray.PARAGRAPH_OVERLAP and local >= stray.PARAGRAPH_LOCAL_OVERLAP and not apart:
        return None  # what `paragraph_candidate` would say, before the names are looked up
    rest = " ".join(paragraphs[j].of(text) for j in body_indices if j != index)
    own = {n for e, n in names if para.start <= e.start < para.end}
    if not own and ANAPHORIC_QUOTE.search(line):
        return None  # '"...," he said': a quotation by someone the report introduced before
    if VOX_POP.match(line) and ANAPHORIC_QUOTE.search(line):
        return None  # a vox pop: someone of the story introduced, then speaking
    if ILLUSTRATES.match(line) and stems[index] & stems.get(neighbours[0], set()):
        return None  # "In Britain, for example, ...": it illustrates the paragraph before
    lowered = rest.lower()  # once for all its names
    shared = {n for n in own if _name_shared(n, rest, lowered)}
    # "Ilves said the money was ...": a person the report named elsewhere, by surname, even
    # where the tagger found no name in this paragraph; the paragraph carries on their thread
    surnames = {
        n.split()[-1]
        for e, n in names
        if e.label == "PERSON" and not para.start <= e.start < para.end and " " in n
    }
    known = ({w.lower() for w in _CAPITALISED.findall(line)} & surnames) - {
        n.split()[-1] for n in own
    }
    own, shared = own | known, shared | known
    if _credited_to(line, shared):
        return None  # '"…," Clinton said' in a report that names Clinton elsewhere
    gate = (len(line.split()), len(own), len(shared), overlap, typical, local)
    if not stray.paragraph_candidate(*gate):
        return None
    closest = _most_words_in_common(index, stems, {index, *neighbours, *lead})
    written = _as_written(line, own - shared or own)  # the names found nowhere else, if any

    def judge() -> Flag | None:
        reason = stray.foreign_paragraph_reason(
            vectors,
            index,
            neighbours,
            lead,
            overlap,
            written,
            closest,
            relative_overlap=overlap / typical if typical else 1.0,
            own_names=len(own - shared),
        )
        return _stray(para, reason, "foreign_paragraph") if reason else None

    def later() -> list[int]:
        # the paragraph sharing most words with it, only when the others leave it far
        return closest if stray.far_from(vectors, index, neighbours, lead) else []

    strict = stray.paragraph_candidate(*gate, strict=True)
    return _Pending([index, *neighbours, *lead], judge, True, strict, later)


def _credited_to(line: str, shared: set[str]) -> bool:
    """Whether a quotation in `line` is credited to one of the `shared` names (the name's last
    word: "Clinton" for "Hillary Clinton")."""
    if not shared or not any(mark in line for mark in '"“”‘'):
        return False
    surnames = {n.split()[-1].lower() for n in shared}
    return any(
        (hit.group("before") or hit.group("after")).lower() in surnames
        for hit in CREDITED_QUOTE.finditer(line)
    )


def _overlap(words: set[str], counts: Counter[str]) -> float:
    """The share of a paragraph's content words found in another body paragraph too."""
    return sum(counts[w] > 1 for w in words) / len(words) if words else 1.0


def _most_words_in_common(index: int, stems: dict[int, set[str]], skip: set[int]) -> list[int]:
    """The body paragraph (not in `skip`) sharing the most content words with paragraph
    `index`, the nearer one on a tie: where the report may have introduced its subject."""
    others = [j for j in stems if j not in skip]
    if not others:
        return []
    return [min(others, key=lambda j: (-len(stems[index] & stems[j]), abs(j - index)))]


# Words that end many organisation names and say nothing about which one it is.
GENERIC_NAME_WORDS = frozenset(
    (
        "association", "university", "council", "ministry", "department", "company", "group",
        "party", "agency", "committee", "office", "bank", "institute", "service", "services",
        "authority", "union", "board", "commission", "court", "corporation", "federation",
        "foundation", "centre", "center", "society", "news", "times", "post",
    )
)  # fmt: skip


def _name_shared(name: str, rest: str, lowered: str | None = None) -> bool:
    """Is `name` (lower case) mentioned in `rest` (as written)? The whole name, or any
    distinctive word of it: "Clinton" for "Hillary Clinton" and back, "Velmark" for "the
    Velmark Insurers' Association" (not "Association", which ends a hundred names).

    Whole words only: "US" is not mentioned by "because", nor "MP" by "Trump". A short name
    ("US", "Fed") must be written with a capital ("we" and "us" are not the country), and a
    distinctive word must appear as a name (capitalised) and never as an ordinary lower-case
    word of the report: "National Rally" is not mentioned by "national polls".
    """
    # A plain substring test first: most names are not there at all. (`lowered`: `rest.lower()`,
    # when the caller has it already.)
    lowered = rest.lower() if lowered is None else lowered
    if name in lowered and len(name) >= 4 and _as_words(name, rest, lowered):
        return True
    if len(name) < 4:
        return name in lowered and any(
            not form.islower() for form in _as_words(name, rest, lowered)
        )
    for word in _words(name):
        if len(word) < 4 or word in GENERIC_NAME_WORDS or word not in lowered:
            continue
        forms = _as_words(word, rest, lowered)
        if forms and not any(form.islower() for form in forms):
            return True
    return False


def _as_words(phrase: str, text: str, lowered: str | None = None) -> list[str]:
    """How `text` writes `phrase` (any case) where it stands as whole words (`lowered`:
    `text.lower()`, when the caller has it already)."""
    # Same matches as re.findall(rf"(?<![\w'’]){phrase}(?!\w)", text, re.IGNORECASE), found
    # faster: the phrase is looked for in the lower-cased text, with no pattern compiled for
    # each word, and the edges checked only where it is found.
    lowered, low = text.lower() if lowered is None else lowered, phrase.lower()
    if len(lowered) != len(text) or len(low) != len(phrase):
        return _as_words_by_pattern(phrase, text)  # lower case of another length ("İ")
    found = []
    at = lowered.find(low)
    while at >= 0:
        end = at + len(low)
        if not _WORD_CHAR.match(text, end) and _NO_WORD_BEFORE.match(text, at):
            found.append(text[at:end])
            at = lowered.find(low, end if end > at else end + 1)
        else:
            at = lowered.find(low, at + 1)
    return found


_WORD_CHAR = re.compile(r"\w")


def _as_words_by_pattern(phrase: str, text: str) -> list[str]:
    pattern = re.compile(rf"{re.escape(phrase)}(?!\w)", re.IGNORECASE)
    found = []
    match = pattern.search(text)
    while match is not None:
        start, end = match.span()
        if _NO_WORD_BEFORE.match(text, start):
            found.append(match.group())
            match = pattern.search(text, end if end > start else end + 1)
        else:
            match = pattern.search(text, start + 1)
    return found


_NO_WORD_BEFORE = re.compile(r"(?<![\w'’])")


def _words(text: str) -> list[str]:
    """The words of `text` without a possessive ending ("Clinton's" is "Clinton")."""
    return [w.replace("’", "'").removesuffix("'s") for w in WORD.findall(text)]


def _a_or_an(number: int) -> str:
    """The article before a number as it is read aloud: "an 8-", "an 11-", "an 18-", "an 80-"
    word line, but "a 12-" and "a 100-": "an" where the spoken number starts with a vowel
    (eight..., eleven, eighteen, and eleven/eighteen thousand or million ...)."""
    digits = str(number)
    eleven_or_eighteen = len(digits) % 3 == 2 and digits[:2] in ("11", "18")
    return "an" if digits.startswith("8") or eleven_or_eighteen else "a"


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


def _capitalised_names(line: str, rest: str, first: bool = True) -> set[str]:
    """Proper-noun-looking words of a sentence-case line (a fallback when NER finds none).

    `first=False`: never the first word. A list item often opens with a verb ("Restore the
    bonus"), capitalised because it starts the item; NER still finds a real name there.
    """
    if not _sentence_case(line):
        return set()
    tokens = WORD.findall(line)
    names = set()
    for i, token in enumerate(tokens):
        if not token[0].isupper() or token.lower() in STOP:
            continue
        # The first word is capitalised anyway; count it only if the report never uses it
        # as an ordinary lower-case word.
        if i == 0 and (not first or re.search(rf"\b{re.escape(token.lower())}\b", rest)):
            continue
        names.add(token.lower())
    return names
