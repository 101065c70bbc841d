"""Quote tracking: the same quote across the outlets of a story.

Two quotes are the same when most of the shorter one's words appear in the longer one
(containment of word sets ≥ `SAME`), which survives trimming and light edits. For each track:
who each outlet credits (speaker name and title), how the wording drifts (similarity of each
wording to the earliest, 1.0 = word for word), and where it first appeared (earliest
published report, then id). `speakers_differ` is set when outlets credit different people,
`titles_differ` when they give the same person different titles.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corroborate.corpus.dedup import Dedup, sort_key
from corroborate.corpus.text import entity_key, short_hash, words
from corroborate.model import Article, Quote, QuoteTrack

__all__ = ["SAME", "speaker_key", "track_quotes"]

SAME = 0.7
MIN_WORDS = 4
LOOKUP_WORDS = 6  # shorter quotes ("just peace") are too common to track across outlets


def speaker_key(name: str | None) -> str | None:
    """The surname key: "Ms Ilves", "Marta Ilves" and "Regional Governor Marta Ilves" meet."""
    if not name:
        return None
    parts = entity_key(name).split()
    return parts[-1] if parts else None


@dataclass(slots=True)
class _Quote:
    article: Article
    index: int
    origin: str
    text: str
    tokens: list[str]
    vocab: set[str]
    speaker: str | None
    title: str | None
    start: int
    end: int


# "“We have reasons to believe,” said Vestager, “that the measures ... do not comply.”": one
# sentence quoted in two pieces around its attribution. The first piece ends on a comma inside
# its closing mark; the second opens in lower case.
_OPEN_ENDED = re.compile(r"[,;:\u2014-]\s*[\"'\u201d\u2019]\s*$")
_CONTINUES = re.compile(r"[\"'\u201c\u2018]\s*[a-z]")
SPLIT_GAP = 160  # characters of attribution between the two pieces at most


def _collect(articles: Sequence[Article], dedup: Dedup) -> list[_Quote]:
    """The trackable quotes of each report: a sentence quoted in two pieces around its
    attribution is one quote, and a paraphrase around quoted words ("the government should
    “pay for the entire cost”") gives way to the quoted words it holds."""
    out: list[_Quote] = []
    for article in sorted(articles, key=sort_key):
        if article.id in dedup.exact_copies:
            continue
        quotes = article.quotes
        order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, -quotes[i].end))
        holders = {
            i
            for i in order
            if quotes[i].kind == "indirect"
            and any(
                j != i
                and quotes[j].kind != "indirect"
                and quotes[i].start <= quotes[j].start
                and quotes[j].end <= quotes[i].end
                for j in order
            )
        }
        pieces: list[list[int]] = []
        for i in (i for i in order if i not in holders):
            if pieces and _second_piece(article, quotes[pieces[-1][-1]], quotes[i]):
                pieces[-1].append(i)
            else:
                pieces.append([i])
        origin = dedup.origin_of.get(article.id, article.id)
        for piece in pieces:
            first, last = quotes[piece[0]], quotes[piece[-1]]
            parts = [article.text[quotes[i].start : quotes[i].end] for i in piece]
            tokens = [t for part in parts for t in words(part)]
            if len(tokens) < MIN_WORDS:
                continue
            speaker_of = next((quotes[i].speaker for i in piece if quotes[i].speaker), None)
            speaker = speaker_of.name if speaker_of else None
            title = speaker_of.title if speaker_of else None
            text = " … ".join(parts)
            out.append(
                _Quote(
                    article,
                    piece[0],
                    origin,
                    text,
                    tokens,
                    set(tokens),
                    speaker,
                    title,
                    first.start,
                    last.end,
                )
            )
    return out


def _second_piece(article: Article, before: Quote, after: Quote) -> bool:
    """Whether `after` goes on with the sentence `before` began, across its attribution."""
    if before.kind == "indirect" or after.kind == "indirect":
        return False
    if not 0 < after.start - before.end <= SPLIT_GAP:
        return False
    if "\n" in article.text[before.end : after.start]:
        return False
    if before.speaker and after.speaker and before.speaker.name != after.speaker.name:
        return False
    text = article.text
    return bool(
        _OPEN_ENDED.search(text, before.start, before.end) and _CONTINUES.match(text, after.start)
    )


def _same(a: _Quote, b: _Quote) -> bool:
    shared = len(a.vocab & b.vocab)
    return shared / min(len(a.vocab), len(b.vocab)) >= SAME


def _jaccard(a: _Quote, b: _Quote) -> float:
    return len(a.vocab & b.vocab) / len(a.vocab | b.vocab)


def track_quotes(articles: Sequence[Article], dedup: Dedup, story_id: str) -> list[QuoteTrack]:
    """One `QuoteTrack` per distinct quote in the story (single appearances included)."""
    tracks: list[list[_Quote]] = []
    index: dict[str, list[int]] = {}  # rare word → tracks holding it: candidate retrieval
    for quote in _collect(articles, dedup):
        # look up only the rarest few words: a common word ("campaign") would return every
        # track of a large event and make tracking quadratic
        rare = sorted(
            (t for t in quote.vocab if len(t) > 4 and t in index),
            key=lambda t: (len(index.get(t, ())), t),
        )
        candidates: set[int] = set()
        for token in rare[:LOOKUP_WORDS]:
            candidates.update(index.get(token, ()))
        # the closest track, not the first that passes: a report's mixed quote and the
        # indirect quote around it both contain another outlet's full quote, and it belongs
        # with the quoted words
        fits = [
            t
            for t in sorted(candidates)
            if all(q.article.id != quote.article.id for q in tracks[t])
            and _same(quote, tracks[t][0])
        ]
        match = max(fits, key=lambda t: (_jaccard(quote, tracks[t][0]), -t), default=None)
        if match is None:
            match = len(tracks)
            tracks.append([])
        tracks[match].append(quote)
        for token in quote.vocab:
            if len(token) > 4 and match not in index.setdefault(token, []):
                index[token].append(match)
    return [_track(members, story_id) for members in tracks]


def _track(members: list[_Quote], story_id: str) -> QuoteTrack:
    first = members[0]
    rows: list[dict[str, Any]] = []
    for q in members:
        similarity = difflib.SequenceMatcher(None, first.tokens, q.tokens, autojunk=False).ratio()
        rows.append(
            {
                "article": q.article.id,
                "origin": q.origin,
                "outlet": q.article.source_label,
                "index": q.index,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "title": q.title,
                "published": q.article.published,
                "similarity": round(similarity, 3),
                "text": q.text,
            }
        )
    keys = {speaker_key(q.speaker) for q in members} - {None}
    titles: dict[str, set[str]] = {}
    for q in members:
        key = speaker_key(q.speaker)
        if key and q.title:
            titles.setdefault(key, set()).add(" ".join(q.title.casefold().split()))
    return QuoteTrack(
        id="q-" + short_hash(story_id, first.article.id, str(first.index)),
        text=first.text,
        members=rows,
        speakers_differ=len(keys) > 1,
        first_article=first.article.id,
        titles_differ=any(len(t) > 1 for t in titles.values()),
    )
