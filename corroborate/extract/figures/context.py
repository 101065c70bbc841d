"""`_Context`: what every figure of one article is judged against (tokens, entities, quotes,
paragraphs, sources).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corroborate.extract.figures.lexicon import _LETTERS, _ORG_WORDS
from corroborate.extract.figures.names import (
    _full_name,
    _full_name_text,
    _strip_titles,
    title_in_text,
)
from corroborate.extract.figures.sources import _explicit_sources
from corroborate.extract.figures.tokens import _Tok, _token_table, _tokens
from corroborate.model import Entity, Quote, Source, Span
from corroborate.model.annotations import EntityLabel

_CONTINUES = re.compile(
    r"\W*(?:furthermore|moreover|in\s+addition|additionally|also|besides|what\s+is\s+more|"
    r"what[’']s\s+more|on\s+top\s+of\s+that|similarly|likewise|at\s+the\s+same\s+time|"
    r"(?:he|she|it|they)\s+(?:also\s+)?(?:added|noted|said))\b",
    re.IGNORECASE,
)


_OPENS = re.compile(r"\W*(?:(?:but|and|yet|so|also|however|now|meanwhile)\W+)?", re.IGNORECASE)


class _Context:
    """What the figures of one article share, computed only where a figure needs it."""

    def __init__(
        self,
        text: str,
        doc: Any,
        sents: list[Span],
        ents: list[Entity],
        paragraphs: Sequence[Span] | None,
        spoken: Sequence[Quote] = (),
    ) -> None:
        self.text = text
        self.doc = doc
        self.sents = sents
        self.ents = ents
        # the quotes credited to a speaker, by where their cue is: the quote stage resolved
        # that speaker (pronouns, bare titles, names by role), so a figure's source agrees
        self.cued: dict[int, Quote] = {}  # the start of each word of a cue -> its quote
        for q in spoken:
            if q.cue is None:
                continue
            for w in _LETTERS.finditer(text, q.cue.start, q.cue.end):
                known = self.cued.get(w.start())
                # the widest: an indirect quote before the mixed quote inside it
                if known is None or q.end - q.start > known.end - known.start:
                    self.cued[w.start()] = q
        self.para_starts = _paragraph_starts(text, sents, paragraphs)
        self._explicit: dict[int, list[tuple[int, Source]]] = {}
        self._titles: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        self._people: dict[str, str] | None = None
        self._table: dict[int, tuple[str, str]] | None = None
        self.figure_sentences: set[int] = set()

    def tokens(self, i: int) -> list[_Tok]:
        sent = self.sents[i]
        return _tokens(self.text, sent.start, sent.end, self._tags(sent))

    def _tags(self, sent: Span) -> dict[int, tuple[str, str]]:
        doc = self.doc
        if doc is None:
            return {}
        char_span = getattr(doc, "char_span", None)
        if char_span is not None:  # a spaCy Doc: read only this sentence's tokens
            span = char_span(sent.start, sent.end, alignment_mode="expand")
            if span is not None:
                return {int(t.idx): (str(t.tag_ or ""), str(t.lemma_ or "")) for t in span}
        if self._table is None:
            self._table = _token_table(doc)
        return self._table

    def paragraph(self, i: int) -> int:
        return _paragraph_of(self.sents[i].start, self.para_starts)

    def quote_at_cue(self, pos: int) -> Quote | None:
        """The quote whose cue holds the word at `pos`."""
        return self.cued.get(pos)

    def explicit(self, i: int) -> list[tuple[int, Source]]:
        if i not in self._explicit:
            self._explicit[i] = _explicit_sources(self, i)
        return self._explicit[i]

    def carried(self, i: int) -> Source | None:
        """The last source named earlier in the same paragraph, while its account goes on.

        The account goes on when that source framed a whole passage ("According to X, ..."),
        when it was itself giving figures ("X said 12 were killed. Another 30 were hurt."), or
        when this sentence says it continues ("Furthermore, ...", "It also ..."). A passing
        remark ("Analysts said talks stalled.") does not make the next figure theirs.
        """
        para = self.paragraph(i)
        for j in range(i - 1, -1, -1):
            if self.paragraph(j) != para:
                return None
            # an agent ("measured at 7.2 by X") speaks only for its own phrase
            found = [f for f in self.explicit(j) if self.text[f[0] : f[0] + 3].lower() != "by "]
            if not found:
                continue
            pos, src = found[-1]
            if _RELATIVE_CUE.search(self.text, max(self.sents[j].start, pos - 60), pos):
                return None  # "The outage, which Microsoft estimates hit 8.5 million ...": its own
            if self.text.startswith(("expected", "anticipated"), pos):
                return None  # "Economists had expected 4.1%. The rate was 4.2%": not theirs
            framing = self.text[pos : pos + 9].lower() == "according" and _OPENS.fullmatch(
                self.text, self.sents[j].start, pos
            )  # "According to X, ..." frames what follows; "..., according to X." does not
            sent = self.sents[i]
            if _BACKGROUND.search(self.text, sent.start, sent.end):
                return None  # "The city has a population of 300,000": the writer's background
            if (
                framing
                or j in self.figure_sentences
                or _CONTINUES.match(self.text, sent.start, sent.end)
            ):
                return src
            return None
        return None

    def person_before(self, i: int) -> Source | None:
        """The last person named as a source before sentence `i` (for "he said")."""
        for j in range(i - 1, max(-1, i - 20), -1):
            for _, src in reversed(self.explicit(j)):
                if src.kind == "person" and src.name:
                    return src
        return None

    def people(self) -> dict[str, str]:
        """Surname (lower case) → the fullest name of each PERSON entity in the article."""
        if self._people is None:
            self._people = {}
            for e in self.ents:
                if e.label != "PERSON":
                    continue
                name = _strip_titles(_full_name(self.text, e, self.ents))
                parts = name.split()
                if not parts or any(w.lower() in _ORG_WORDS for w in parts):
                    continue  # "Policy Center", "Times": the tagger's mistakes
                key = re.sub(r"[’']s$", "", parts[-1]).lower()
                if len(name) > len(self._people.get(key, "")):
                    self._people[key] = name
        return self._people

    def full_name(self, name: str) -> str:
        if name not in self._names:
            self._names[name] = _full_name_text(self.text, name)
        return self._names[name]

    def title_of(self, name: str | None) -> str | None:
        """A title written before the name anywhere in the article ("Ukrainian MP Kira Rudik")."""
        if not name:
            return None
        if name not in self._titles:
            self._titles[name] = title_in_text(self.text, name)
        return self._titles[name]


# a standing fact about a place, not a development anyone reports: not carried from the
# source of the sentence before
_BACKGROUND = re.compile(
    r"\b(?:(?:has|had)\s+(?:a\s+)?(?:\w+\s+)?population|population\s+of|(?:is|was)\s+home\s+to"
    r"|(?:has|have)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+|around\s+|roughly\s+)?"
    r"[\d.,]+\s*(?:million|billion|m|bn)?\s+(?:residents|inhabitants|citizens))\b",
    re.IGNORECASE,
)

# a cue inside a relative clause: "..., which Microsoft estimates ...", "..., that officials put"
_RELATIVE_CUE = re.compile(r",\s*(?:which|that|who)\s+(?:[\w’'.-]+\s+){1,4}$")


def _entity_list(entities: Sequence[Entity], doc: Any) -> list[Entity]:
    if entities:
        return sorted(entities, key=lambda e: e.start)
    out: list[Entity] = []
    for ent in getattr(doc, "ents", ()) or ():
        label = _ENTITY_LABELS.get(str(ent.label_))
        if label:
            out.append(Entity(ent.start_char, ent.end_char, label))
    return out


_ENTITY_LABELS: dict[str, EntityLabel] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
}


def _paragraph_starts(
    text: str, sentences: Sequence[Span], paragraphs: Sequence[Span] | None
) -> list[int]:
    if paragraphs:
        return sorted(p.start for p in paragraphs)
    starts: list[int] = []
    prev_end = -1
    for sent in sorted(sentences, key=lambda s: s.start):
        if prev_end < 0 or "\n" in text[prev_end : sent.start]:
            starts.append(sent.start)
        prev_end = sent.end
    return starts


def _paragraph_of(pos: int, starts: list[int]) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
