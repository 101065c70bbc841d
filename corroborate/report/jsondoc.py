"""The JSON report: the article contract for each article, plus stories and events."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from corroborate.model import (
    STORIES_SCHEMA,
    Article,
    Event,
    Story,
    article_to_dict,
)

REPORT_SCHEMA = "corroborate.report/1"


def story_to_dict(story: Story) -> dict[str, Any]:
    data = asdict(story)
    data["articles"] = data.pop("article_ids")
    return data


def to_report_dict(
    articles: list[Article], stories: list[Story], events: list[Event]
) -> dict[str, Any]:
    return {
        "schema": REPORT_SCHEMA,
        "stories_schema": STORIES_SCHEMA,
        "events": [asdict(e) for e in events],
        "stories": [story_to_dict(s) for s in stories],
        "articles": [article_to_dict(a) for a in articles],
    }


def to_json(articles: list[Article], stories: list[Story], events: list[Event]) -> str:
    return json.dumps(to_report_dict(articles, stories, events), ensure_ascii=False, indent=2)
