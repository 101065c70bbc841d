"""Interviews and transcripts: the answers after "A:" and the turns after a speaker's label.

A Q&A interview prints the interviewer's questions after "Q:" and the answers after "A:", with
no quotation marks and no verb of saying; the transcript of a briefing or a hearing labels each
turn with the speaker's name in capitals ("MS. JEAN-PIERRE: We paused one shipment ..."). The
quote rules look for quotation marks and cues and find neither. Here:
- every answer is a direct quote of the person interviewed: the person the introduction (the
  text before the first question) names most;
- every labelled turn is a direct quote of the person the label names, resolved to the fullest
  form of that name in the article ("Karine Jean-Pierre");
- a paragraph with no label between a turn and the next labelled paragraph goes on with the
  turn; the questions are not quotes (they assert nothing).
Only a text with at least two labelled turns is read this way, so that a lone "UPDATE: ..." or
"WATCH: ..." line is never a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from corroborate.extract.entities import HONORIFICS
from corroborate.extract.figures import title_in_text
from corroborate.model import Entity, Quote, Span, Speaker

__all__ = ["with_transcripts"]

# "Q:", "A:", "MS. JEAN-PIERRE:", "SEN. CRUZ:", "PUTIN:" at a paragraph's start
_LABEL: Final = re.compile(
    r"(?P<label>Q|A|(?:(?:MR|MRS|MS|DR|SEN|REP|GEN|GOV|PROF)\.?\s+)?"
    r"[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+){0,2})\s*:\s+(?=\S)"
)
# capitalised labels that head a line in news and name nobody
_NOT_SPEAKERS: Final = frozenset(
    {"UPDATE", "UPDATED", "BREAKING", "WATCH", "READ", "READ MORE", "LISTEN", "CLAIM", "VERDICT",
     "FACT CHECK", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "PHOTO", "VIDEO",
     "SOURCE", "SOURCES", "RELATED", "ANALYSIS", "OPINION", "LIVE", "WARNING", "TIMELINE",
     "CONTEXT", "BACKGROUND", "RATING", "THE FACTS", "WHAT", "WHY", "HOW", "WHO", "WHEN",
     "WHERE", "GMT", "BST", "EST", "ET", "UTC", "CET"}
)  # fmt: skip


def with_transcripts(
    text: str, paragraphs: Sequence[Span], entities: Sequence[Entity], quotes: list[Quote]
) -> list[Quote]:
    """`quotes` with each interview answer and transcript turn as a direct quote; a quote the
    other rules found inside a turn gives way to it."""
    turns = _turns(text, paragraphs)
    if len([t for t in turns if t[0] != "Q"]) < 2 and not (
        any(t[0] == "Q" for t in turns) and any(t[0] == "A" for t in turns)
    ):
        return quotes
    people = [e for e in entities if e.label == "PERSON"]
    # the introduction ends where the first turn starts
    interviewee = _most_named(text, people, min(by.start for _, _, by in turns))
    titles: dict[str, str | None] = {
        q.speaker.name: q.speaker.title
        for q in quotes
        if q.speaker and q.speaker.name and q.speaker.title
    }
    # "JAKE TAPPER: ..." then "TAPPER: ...": the fullest label is the name too
    labels = [label for label, _, _ in turns if label not in {"Q", "A"}]
    found: list[Quote] = []
    for label, span, said_by in turns:
        if label == "Q":
            continue
        name = interviewee if label == "A" else _named_by_label(text, label, people, labels)
        if name is None:
            continue
        # the label is the mention; the title the one the article gives the speaker elsewhere
        if name not in titles:
            titles[name] = title_in_text(text, name)  # once per speaker, not per turn
        title = titles[name]
        speaker = Speaker(name, said_by.start, said_by.end, title)
        found.append(Quote(span.start, span.end, "direct", speaker))
    if not found:
        return quotes
    kept = [q for q in quotes if not any(f.start <= q.start and q.end <= f.end for f in found)]
    return sorted(kept + found, key=lambda q: (q.start, q.end))


def _turns(text: str, paragraphs: Sequence[Span]) -> list[tuple[str, Span, Span]]:
    """(label, what is said, the label's span) for each labelled paragraph and for the
    unlabelled ones that go on with it until the next label."""
    labelled: list[tuple[int, str, Span, Span]] = []
    for i, p in enumerate(paragraphs):
        m = _LABEL.match(text, p.start, p.end)
        if m is None or _label_key(m.group("label")) in _NOT_SPEAKERS:
            continue
        said = Span(m.end(), _trimmed_end(text, p))
        labelled.append((i, _label_key(m.group("label")), said, Span(*m.span("label"))))
    turns: list[tuple[str, Span, Span]] = []
    if not labelled:
        return turns
    for (i, label, said, by), nxt in zip(labelled, [*labelled[1:], None], strict=True):
        turns.append((label, said, by))
        if nxt is None:
            break  # after the last turn the article's own text resumes
        for p in paragraphs[i + 1 : nxt[0]]:
            if not _STAGE_DIRECTION.fullmatch(text, p.start, _trimmed_end(text, p)):
                turns.append((label, Span(p.start, _trimmed_end(text, p)), by))
    return [t for t in turns if t[1].end > t[1].start]


def _label_key(label: str) -> str:
    return " ".join(label.split())


def _trimmed_end(text: str, p: Span) -> int:
    end = p.end
    while end > p.start and text[end - 1].isspace():
        end -= 1
    return end


def _most_named(text: str, people: Sequence[Entity], before: int) -> str | None:
    """The person the introduction (the text before `before`) names most: each person the
    article names, by how often the introduction writes their surname; of a tie, the one named
    first."""
    intro = text[:before]
    names = {
        e.canonical or text[e.start : e.end]
        for e in people
        if not text[e.start : e.end].isupper()  # a label the tagger read as a name
    }
    scored: list[tuple[int, int, str]] = []
    for name in names:
        surname = name.split()[-1]
        hits = [m.start() for m in re.finditer(rf"\b{re.escape(surname)}\b", intro)]
        if hits:
            scored.append((-len(hits), hits[0], name))
    return min(scored)[2] if scored else None


def _named_by_label(
    text: str, label: str, people: Sequence[Entity], labels: Sequence[str]
) -> str | None:
    """ "MS. JEAN-PIERRE" is the article's Karine Jean-Pierre; a label nobody in the article
    answers to is written as a name, its fullest label's ("TAPPER" after "JAKE TAPPER" ->
    "Jake Tapper")."""
    words = _name_words(label)
    if not words:
        return None
    surname = words[-1].lower()
    for e in sorted(people, key=lambda e: -len(e.canonical or "")):
        name = e.canonical or text[e.start : e.end]
        if name.split() and name.split()[-1].lower() == surname and not name.isupper():
            return name  # (not a label itself the tagger read as a name: "JOEL BENENSON")
    fuller = [_name_words(o) for o in labels if _name_words(o)[-1:] == words[-1:]]
    words = max([words, *fuller], key=len)
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)


def _name_words(label: str) -> list[str]:
    return [w for w in label.split() if w.lower().rstrip(".") not in HONORIFICS | _RANKS]


_RANKS: Final = frozenset({"sen", "rep", "gen", "gov", "prof"})
# "(BEGIN VIDEO CLIP.)", "[CROSSTALK]", "…": no one's words
_STAGE_DIRECTION: Final = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\]|[\W_]*)\s*")
