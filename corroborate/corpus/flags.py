"""Story-level flags on articles (issue 6, point 3), from the alignments of each story.

- `contradicted_claim`: a claim whose group marks it `contradicts` — the rest of the story
  (more independent origins, or the earlier report on a tie) says the opposite;
- `figure_out_of_line`: a figure that agrees with no other origin's figure for the same measure
  and as-of date (warning when two or more other origins give that date, else info);
- `quote_speaker_mismatch`: a quote credited to a different speaker than the one most outlets
  credit (warning), or than the earliest report on a tie (info).

The tool never rules a report true or false: each flag says what the other reports say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from corroborate.corpus.figures import compatible
from corroborate.corpus.quotes import speaker_key
from corroborate.model import Article, Flag, Story

__all__ = ["story_flags"]


def _outlet(m: dict[str, Any]) -> str:
    return str(m.get("outlet") or m.get("article"))


def _claim_flags(story: Story, out: dict[str, list[Flag]]) -> None:
    for group in story.claims:
        if group.status != "contradicted":
            continue
        states = [m for m in group.members if m["stance"] == "states"]
        for m in group.members:
            if m["stance"] != "contradicts":
                continue
            others = sorted({_outlet(s) for s in states})
            out.setdefault(m["article"], []).append(
                Flag(
                    m["start"],
                    m["end"],
                    "contradicted_claim",
                    "warning",
                    f"Other reports in this story say otherwise ({', '.join(others)}): "
                    f"“{group.label}”. {group.explanation}",
                )
            )


def _figure_flags(story: Story, out: dict[str, list[Flag]]) -> None:
    for group in story.figures:
        if group.relation not in ("conflict", "update"):
            continue
        for m in group.members:
            peers = [
                p
                for p in group.members
                if p["origin"] != m["origin"] and p["window"] == m["window"]
            ]
            if not peers or any(compatible(m, p) for p in peers):
                continue
            origins = {p["origin"] for p in peers}
            severity = "warning" if len(origins) >= 2 else "info"
            values = "; ".join(f"{p['text']} ({_outlet(p)})" for p in peers)
            out.setdefault(m["article"], []).append(
                Flag(
                    m["start"],
                    m["end"],
                    "figure_out_of_line",
                    severity,  # type: ignore[arg-type]
                    f"For {group.measure} on {m['as_of'] or 'the same date'}, every other "
                    f"source gives a different value: {values}.",
                )
            )


def _quote_flags(story: Story, out: dict[str, list[Flag]]) -> None:
    for track in story.quotes:
        if not track.speakers_differ:
            continue
        credited = [m for m in track.members if speaker_key(m["speaker"])]
        votes = Counter(speaker_key(m["speaker"]) for m in credited)
        ranked = votes.most_common()
        tie = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
        majority = speaker_key(credited[0]["speaker"]) if tie else ranked[0][0]
        names = {speaker_key(m["speaker"]): m["speaker"] for m in reversed(credited)}
        for m in credited:
            if speaker_key(m["speaker"]) == majority:
                continue
            out.setdefault(m["article"], []).append(
                Flag(
                    m["start"],
                    m["end"],
                    "quote_speaker_mismatch",
                    "info" if tie else "warning",
                    f"This quote is credited to {m['speaker']} here, but to "
                    f"{names[majority]} in "
                    + ", ".join(
                        sorted(
                            {_outlet(o) for o in credited if speaker_key(o["speaker"]) == majority}
                        )
                    )
                    + ".",
                )
            )


def story_flags(stories: Sequence[Story], articles: Sequence[Article]) -> dict[str, list[Flag]]:
    """Flags per article id from the stories' alignments (articles without flags are absent).

    `articles` is accepted so callers can pass what they have; the flags point at offsets
    already stored in the alignment members.
    """
    known = {a.id for a in articles}
    out: dict[str, list[Flag]] = {}
    for story in stories:
        _claim_flags(story, out)
        _figure_flags(story, out)
        _quote_flags(story, out)
    result: dict[str, list[Flag]] = {}
    for article_id, flags in out.items():
        if article_id not in known:
            continue
        # a group shared by sibling stories is seen once per story: keep one flag per span
        unique = {(f.kind, f.start, f.end): f for f in flags}
        result[article_id] = sorted(unique.values(), key=lambda f: (f.start, f.kind))
    return result
