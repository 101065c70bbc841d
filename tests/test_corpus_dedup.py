"""Copies collapse into origins: exact duplicates, syndicated and trimmed copies (issue 5.1)."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.corpus.dedup import find_origins
from corroborate.model import Article

SAMPLE = Path(__file__).resolve().parents[1] / "corroborate" / "sample" / "corpus.jsonl"

WIRE = (
    "Officials in the port city of Alvik said on Tuesday that the new ferry terminal would open "
    "in June after two years of delays, and that the first crossings to the islands of Rask and "
    "Vedde would carry about 1,200 passengers a day. The regional transport authority said the "
    "project had cost 84 million crowns, roughly a third more than planned, because of storm "
    "damage during construction. Harbour master Ines Falk said tugs would be stationed at the "
    "entrance to the new basin for the first month. Local businesses welcomed the news, saying "
    "the terminal would bring visitors back to the old town after a difficult winter."
)


def _sample() -> list[Article]:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    keys = ("id", "text", "title", "outlet", "published", "url")
    return [Article(**{k: r[k] for k in keys}) for r in rows]


def _origin(result, article_id: str):
    return next(o for o in result.origins if article_id in o.article_ids)


def test_sample_syndicated_pair_is_one_origin() -> None:
    result = find_origins(_sample())
    origin = _origin(result, "incursion-01")
    assert origin.article_ids == ["incursion-01", "incursion-02"]
    assert origin.kind == "near_duplicate"
    assert origin.outlets == ["Meridian Post", "Valley Courier"]
    assert origin.id == "incursion-01"  # the earliest article (same date: smallest id)


def test_sample_exact_duplicate_collapses() -> None:
    result = find_origins(_sample())
    origin = _origin(result, "factory-03")
    assert origin.article_ids == ["factory-02", "factory-03"]
    assert origin.kind == "exact_duplicate"
    assert result.exact_copies == {"factory-03"}


def test_sample_has_exactly_two_multi_article_origins() -> None:
    result = find_origins(_sample())
    assert len(result.origins) == 13  # 15 reports, two copies
    assert sorted(len(o.article_ids) for o in result.origins)[-2:] == [2, 2]


def test_trimmed_and_reheadlined_copies_join_the_origin() -> None:
    original = Article(
        WIRE,
        id="w1",
        title="Alvik ferry terminal to open in June",
        outlet="Wire",
        published="2026-04-01",
    )
    trimmed = Article(
        WIRE.rsplit(" Local businesses", 1)[0] + "\nRead more: local news.",
        id="w2",
        title="New terminal for Alvik",
        outlet="Site A",
        published="2026-04-01",
    )
    edited = Article(
        WIRE.replace("Tuesday", "Wednesday").replace("about 1,200", "some 1,200"),
        id="w3",
        title="Ferries to Rask and Vedde from June",
        outlet="Site B",
        published="2026-04-02",
    )
    other = Article(
        WIRE.replace("ferry terminal", "bridge")[:200] + " Something else entirely "
        "happened in another town, where a school was closed after a fire.",
        id="w4",
        outlet="Site C",
        published="2026-04-02",
    )
    result = find_origins([edited, other, trimmed, original])
    origin = _origin(result, "w1")
    assert origin.article_ids == ["w1", "w2", "w3"]
    assert origin.kind == "near_duplicate"
    assert _origin(result, "w4").article_ids == ["w4"]


def test_repeated_id_counts_once_and_input_order_does_not_matter() -> None:
    articles = _sample()
    a = find_origins([*articles, articles[0]])
    b = find_origins(list(reversed(articles)))
    assert [(o.id, o.article_ids) for o in a.origins] == [(o.id, o.article_ids) for o in b.origins]


def test_short_texts_only_match_exactly() -> None:
    result = find_origins(
        [Article("Breaking: fire in Alvik.", id="x"), Article("Breaking: fire in Rask.", id="y")]
    )
    assert len(result.origins) == 2
