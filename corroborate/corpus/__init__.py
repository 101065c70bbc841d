"""L2: many articles together — origins (copies collapsed), stories, events, alignments.

The public entry point is `build_stories(articles, settings)`:

1. `dedup.find_origins`: exact and near-duplicate copies → `Origin`s;
2. `stories.group`: one representative per origin, grouped online into stories and events;
3. per event: `figures.align_figures`, `claims.align_claims`, `quotes.track_quotes` over all
   its reports; each story gets the groups that involve at least one of its reports (so a
   conflict between two reports in sibling stories shows in both), `Event.figures` gets all;
4. `flags.story_flags`: contradicted claims, out-of-line figures and quotes credited to a
   different speaker — **set in place in each `Article.flags`** (replacing the story-level
   flags already there, so a rerun adds nothing), so the per-article reports show them.

`update_stories(articles, settings, stored)` is the same with the stories a store already
holds: stored reports keep their story (and its id), new ones join a story or open one
(`stories.group` with pinned docs), only events whose reports changed are aligned again, and
the result says which stories and events changed, which are gone and whose flags changed,
so that the store rewrites only those.

Embeddings are used when the optional stack is installed; otherwise grouping and claim
alignment fall back to lexical similarity and `Story.similarity` / `Event.similarity` say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from corroborate import nlp
from corroborate.config import Settings
from corroborate.corpus.claims import align_claims
from corroborate.corpus.dedup import Dedup, find_origins, sort_key
from corroborate.corpus.figures import align_figures
from corroborate.corpus.flags import story_flags
from corroborate.corpus.quotes import track_quotes
from corroborate.corpus.stories import Cluster, Doc, build_docs, event_window, group
from corroborate.corpus.text import day, short_hash
from corroborate.model import Article, Event, Origin, Story

__all__ = [
    "STORY_FLAG_KINDS",
    "StoryUpdate",
    "build_stories",
    "day",
    "event_window",
    "find_origins",
    "story_flags",
    "update_stories",
]

# the flags `story_flags` sets: they are recomputed whenever a report's event is aligned again
STORY_FLAG_KINDS = frozenset({"contradicted_claim", "figure_out_of_line", "quote_speaker_mismatch"})

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


def _story_id(cluster: Cluster) -> str:
    return cluster.pin or "s-" + short_hash(cluster.founder)  # a stored story keeps its id


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
        id=_story_id(cluster),
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


@dataclass(slots=True)
class StoryUpdate:
    """The stories and events after an update, and what changed against the stored ones."""

    stories: list[Story]  # every story, in report order (start, id)
    events: list[Event]  # every event, likewise
    changed_stories: set[str] = field(default_factory=set)  # ids to (re)write: new or different
    changed_events: set[str] = field(default_factory=set)
    removed_stories: set[str] = field(default_factory=set)  # stored ids that are gone
    removed_events: set[str] = field(default_factory=set)
    flagged: list[Article] = field(default_factory=list)  # whose story-level flags changed
    new_reports: int = 0  # reports that were in no stored story
    joined: int = 0  # of them, how many joined a story that was stored before
    opened: int = 0  # stories that were not stored before
    aligned_events: int = 0  # events whose figures, claims and quotes were aligned again


def build_stories(
    articles: list[Article], settings: Settings, *, embeddings: bool | None = None
) -> tuple[list[Story], list[Event]]:
    """Group `articles` into stories and events and align what they say.

    `embeddings`: None uses them when available; False forces the lexical path (fast, and
    what the scale benchmark measures). Sets the story-level flags in each article's `flags`
    (replacing story-level flags already there, so a second run adds nothing).
    """
    update = update_stories(articles, settings, embeddings=embeddings)
    return update.stories, update.events


def _pins(docs: list[Doc], stored: Sequence[Story]) -> dict[str, str]:
    """Pin each doc holding a stored report to that report's story; → story id → event id.

    A doc normally holds reports of one stored story (copies share their origin's story). If
    a new report joins two stored origins into one, the doc follows its earliest stored
    report: one origin, one story.
    """
    story_of: dict[str, str] = {}
    for story in stored:
        for article_id in story.article_ids:
            story_of.setdefault(article_id, story.id)
    for doc in docs:
        doc.pin = next((story_of[i] for i in doc.ids if i in story_of), None)
    return {s.id: s.event for s in stored}


def update_stories(
    articles: list[Article],
    settings: Settings,
    stored: tuple[Sequence[Story], Sequence[Event]] | None = None,
    *,
    embeddings: bool | None = None,
) -> StoryUpdate:
    """Stories and events of `articles`, continuing the `stored` ones (None: from scratch).

    With stored stories, every report keeps its story (and id), new reports join one or open
    a new story, and only events whose stories changed are aligned again; the others are
    returned exactly as stored. Story-level flags are recomputed for the reports of realigned
    events only (replacing theirs, so a flag that no longer holds goes away).
    """
    old_stories, old_events = stored or ((), ())
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
    event_of = _pins(docs, old_stories)
    grouping = group(docs, settings.story_window_days, event_of)

    # what each stored event was made of: an event made of the same stories holding the same
    # reports is unchanged, and its stored stories and alignments are taken as they are
    was: dict[str, dict[str, frozenset[str]]] = {}
    for old in old_stories:
        was.setdefault(old.event, {})[old.id] = frozenset(old.article_ids)
    old_story = {s.id: s for s in old_stories}
    old_event = {e.id: e for e in old_events}

    origin_by_id = {o.id: o for o in dedup.origins}  # not a scan per story: 100k reports
    update = StoryUpdate([], [])
    touched: list[Story] = []
    kept = {c.pin for c in grouping.events if c.pin}
    for cluster in grouping.events:
        event_id = cluster.pin or "e-" + short_hash(cluster.founder)
        if not cluster.pin and event_id in kept:
            # the later part of a stored event that split, founded by the story whose hash
            # the stored event carries: an id of its own, not a second copy of that one
            event_id = "e-" + short_hash(cluster.founder + "/split")
        now = {_story_id(c): frozenset(i for d in c.docs for i in d.ids) for c in cluster.children}
        if event_id in old_event and was.get(event_id) == now:
            update.events.append(old_event[event_id])
            update.stories += [old_story[i] for i in now]
            continue
        children = [
            _story(c, dedup, origin_by_id, by_id, grouping.similarity) for c in cluster.children
        ]
        children.sort(key=lambda s: (s.start or "", s.id))
        event = _event(cluster, event_id, children, dedup, by_id, grouping.similarity, use)
        update.aligned_events += 1
        update.events.append(event)
        update.stories += children
        touched += children
        if old_event.get(event_id) != event:
            update.changed_events.add(event_id)
        update.changed_stories.update(s.id for s in children if old_story.get(s.id) != s)

    update.stories.sort(key=lambda s: (s.start or "", s.id))
    update.events.sort(key=lambda e: (e.start or "", e.id))
    update.removed_stories = set(old_story) - {s.id for s in update.stories}
    update.removed_events = set(old_event) - {e.id for e in update.events}
    story_now = {i: s.id for s in update.stories for i in s.article_ids}
    held = {i for s in old_stories for i in s.article_ids}
    new = [i for i in by_id if i not in held]
    update.new_reports = len(new)
    update.joined = sum(1 for i in new if story_now.get(i) in old_story)
    update.opened = sum(1 for s in update.stories if s.id not in old_story)
    update.flagged = _set_flags(touched, by_id)
    return update


def _event(
    cluster: Cluster,
    event_id: str,
    children: list[Story],
    dedup: Dedup,
    by_id: dict[str, Article],
    mode: str,
    use_embeddings: bool,
) -> Event:
    """The event of `children` (sorted), with figures, claims and quotes aligned across it."""
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
        similarity=mode,
    )
    # Align across the whole event: stories are cut strictly (one development each), but
    # the 1,200 of one report and the 1,800 of another belong side by side even when the
    # reports sit in two stories. Each story then shows every group touching its reports.
    members = [by_id[i] for i in ids]
    event.figures = align_figures(members, dedup)
    claims = align_claims(members, dedup, event_id, use_embeddings=use_embeddings)
    quotes = track_quotes(members, dedup, event_id)
    for story in children:
        mine = set(story.article_ids)
        story.figures = [g for g in event.figures if _touches(g.members, mine)]
        story.claims = [g for g in claims if _touches(g.members, mine)]
        story.quotes = [t for t in quotes if _touches(t.members, mine)]
    return event


def _set_flags(stories: list[Story], by_id: dict[str, Article]) -> list[Article]:
    """Replace the story-level flags of the reports of `stories`; → the articles that changed.

    Replace, not append: after an event is aligned again, a flag that no longer holds (the
    outlier figure now has company) must go, and one that still holds must not double.
    """
    ids = [i for s in stories for i in dict.fromkeys(s.article_ids) if i in by_id]
    found = story_flags(stories, [by_id[i] for i in ids])
    changed: list[Article] = []
    for article_id in ids:
        article = by_id[article_id]
        keep = [f for f in article.flags if f.kind not in STORY_FLAG_KINDS]
        before = [f for f in article.flags if f.kind in STORY_FLAG_KINDS]
        after = found.get(article_id, [])
        if before != after:
            article.flags = keep + after
            changed.append(article)
    return changed
