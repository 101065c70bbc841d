"""Which members of a story's aligned groups are reports of the story, and which are not.

Figures, claims and quotes are aligned across the whole event (`corpus.build_stories`): the
1,200 of one report and the 1,800 of another belong side by side even when the two reports sit
in sibling stories, so each story gets every group that touches one of its reports, with the
members from the other stories of its event. A story's section shows them, but must not pass
them off as its own: its heading says "3 reports", so a section that lists a fourth says how
far it reaches and marks each row from another story (HTML and Markdown alike).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from corroborate.model import Story

OTHER_STORY = "other story"  # the marker on a row or cell from another story of the event


class Aligned(Protocol):
    """A figure group, claim group or quote track: members with an "article" id each."""

    @property
    def members(self) -> list[dict[str, Any]]: ...


def other_story_ids(story: Story, groups: Iterable[Aligned]) -> set[str]:
    """The ids of the reports in `groups` that are not reports of `story`."""
    mine = set(story.article_ids)
    return {str(m.get("article")) for g in groups for m in g.members} - mine


def is_other(story: Story, member: dict[str, Any]) -> bool:
    """True when `member` comes from a report of another story of the event."""
    return member.get("article") not in story.article_ids


def scope_note(what: str, story: Story, groups: Iterable[Aligned], *, also: str = "") -> str:
    """What a section aligned across the event covers, or "" when it is the story's alone.

    e.g. "Figures across the event: 4 reports, 3 in this story and 1 from other stories". The
    other stories are counted by their reports, not named: a one-story report holds only the
    selected story, so the others' ids and labels are not at hand. `also` names another way
    the section marks them (a chart's hollow points).
    """
    groups = list(groups)
    others = other_story_ids(story, groups)
    if not others:
        return ""
    reports = {str(m.get("article")) for g in groups for m in g.members}
    return (
        f"{what} across the event: {len(reports)} reports, {len(reports) - len(others)} in "
        f"this story and {len(others)} from other stories of the same event "
        f"(marked “{OTHER_STORY}”{'; ' + also if also else ''})"
    )
