"""L2: many articles together — origins (copies collapsed), stories, events, alignments.

The public entry point is `build_stories(articles, settings)`:

1. `dedup.find_origins`: exact and near-duplicate copies → `Origin`s;
2. `stories.group`: one representative per origin, grouped online into stories and events;
3. per event: `figures.align_figures`, `claims.align_claims`, `quotes.track_quotes` over all
   its reports; each story gets the groups that involve at least one of its reports (so a
   conflict between two reports in sibling stories shows in both), `Event.figures` gets all;
4. `flags.story_flags`: contradicted claims, out-of-line figures and quotes credited to a
   different speaker — **appended in place to each `Article.flags`** (a flag already there is
   not added twice), so the per-article reports show them.

Embeddings are used when the optional stack is installed; otherwise grouping and claim
alignment fall back to lexical similarity and `Story.similarity` / `Event.similarity` say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from corroborate import nlp
from corroborate.config import Settings
from corroborate.corpus.claims import align_claims
from corroborate.corpus.dedup import Dedup, find_origins, sort_key
from corroborate.corpus.figures import align_figures
from corroborate.corpus.flags import story_flags
from corroborate.corpus.quotes import track_quotes
from corroborate.corpus.stories import Cluster, build_docs, group
from corroborate.corpus.text import short_hash
from corroborate.model import Article, Event, Origin, Story

__all__ = ["build_stories", "find_origins", "story_flags"]

KEY_ENTITIES = 3
HEADLINE_CHARS = 90


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _key_entities(cluster: Cluster, outlets: set[str]) -> list[str]:
    """The most frequent names of a cluster, leaving out the outlets themselves ("Harbour
    Wire" in a dateline is who reports, not who the story is about)."""
    ranked = sorted(cluster.entities.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [cluster.names.get(k, k) for k, _ in ranked]
    skip = {o.casefold() for o in outlets}
    return [n for n in names if n.casefold() not in skip][:KEY_ENTITIES]


def _outlets(articles: Iterable[Article], dedup: Dedup) -> set[str]:
    return {n for a in articles for n in (a.outlet, dedup.credit_of.get(a.id)) if n}


def _touches(members: list[dict[str, Any]], ids: set[str]) -> bool:
    return any(m["article"] in ids for m in members)


def _label(entities: list[str], headline: str | None) -> str:
    if headline and entities:
        return f"{', '.join(entities)}: {headline}"
    return headline or ", ".join(entities) or "(untitled)"


def _story(
    cluster: Cluster,
    dedup: Dedup,
    origin_by_id: dict[str, Origin],
    by_id: dict[str, Article],
    mode: str,
) -> Story:
    ids = sorted({i for doc in cluster.docs for i in doc.ids}, key=lambda i: sort_key(by_id[i]))
    founder = by_id[cluster.founder]
    headline = founder.title or next((by_id[i].title for i in ids if by_id[i].title), None)
    if not headline and founder.text.strip():
        # untitled input (a pasted .txt): the opening words stand in for a headline
        first = founder.text.strip().split("\n", 1)[0]
        headline = first if len(first) <= HEADLINE_CHARS else first[: HEADLINE_CHARS - 1] + "…"
    entities = _key_entities(cluster, _outlets((by_id[i] for i in ids), dedup))
    origin_ids = {dedup.origin_of[i] for i in ids}
    return Story(
        id="s-" + short_hash(cluster.founder),
        event="",
        label=_label(entities, headline),
        article_ids=ids,
        start=_iso(cluster.first),
        end=_iso(cluster.last),
        key_entities=entities,
        headline=headline,
        origins=[origin_by_id[o] for o in sorted(origin_ids, key=lambda o: sort_key(by_id[o]))],
        similarity=mode,
    )


def build_stories(
    articles: list[Article], settings: Settings, *, embeddings: bool | None = None
) -> tuple[list[Story], list[Event]]:
    """Group `articles` into stories and events and align what they say.

    `embeddings`: None uses them when available; False forces the lexical path (fast, and
    what the scale benchmark measures). Appends story-level flags to each article's `flags`.
    """
    by_id: dict[str, Article] = {}
    for article in sorted(articles, key=sort_key):
        by_id.setdefault(article.id, article)
    dedup = find_origins(list(by_id.values()))
    reps: list[tuple[Article, list[str]]] = []
    for origin in dedup.origins:
        members = sorted((by_id[i] for i in origin.article_ids), key=sort_key)
        reps.append((members[0], [a.id for a in members]))
    reps.sort(key=lambda r: sort_key(r[0]))
    use = nlp.embeddings_available() if embeddings is None else embeddings
    docs = build_docs(reps, nlp.embed if use else None)
    grouping = group(docs, settings.story_window_days)

    origin_by_id = {o.id: o for o in dedup.origins}  # not a scan per story: 100k reports
    stories: dict[int, Story] = {}
    for cluster in grouping.stories:
        stories[cluster.index] = _story(cluster, dedup, origin_by_id, by_id, grouping.similarity)

    events: list[Event] = []
    for cluster in grouping.events:
        children = sorted(
            (stories[c.index] for c in cluster.children), key=lambda s: (s.start or "", s.id)
        )
        event_id = "e-" + short_hash(cluster.founder)
        for story in children:
            story.event = event_id
        largest = max(children, key=lambda s: (len(s.origins), -children.index(s)))
        ids = [i for s in children for i in s.article_ids]
        entities = _key_entities(cluster, _outlets((by_id[i] for i in ids), dedup))
        event = Event(
            id=event_id,
            label=_label(entities, largest.headline),
            story_ids=[s.id for s in children],
            start=min((s.start for s in children if s.start), default=None),
            end=max((s.end for s in children if s.end), default=None),
            key_entities=entities,
            similarity=grouping.similarity,
        )
        # Align across the whole event: stories are cut strictly (one development each), but
        # the 1,200 of one report and the 1,800 of another belong side by side even when the
        # reports sit in two stories. Each story then shows every group touching its reports.
        members = [by_id[i] for i in ids]
        event.figures = align_figures(members, dedup)
        claims = align_claims(members, dedup, event_id, use_embeddings=use)
        quotes = track_quotes(members, dedup, event_id)
        for story in children:
            mine = set(story.article_ids)
            story.figures = [g for g in event.figures if _touches(g.members, mine)]
            story.claims = [g for g in claims if _touches(g.members, mine)]
            story.quotes = [t for t in quotes if _touches(t.members, mine)]
        events.append(event)

    ordered = sorted(stories.values(), key=lambda s: (s.start or "", s.id))
    events.sort(key=lambda e: (e.start or "", e.id))
    for article_id, flags in story_flags(ordered, list(by_id.values())).items():
        article = by_id[article_id]
        have = {(f.kind, f.start, f.end) for f in article.flags}
        article.flags.extend(f for f in flags if (f.kind, f.start, f.end) not in have)
    return ordered, events
