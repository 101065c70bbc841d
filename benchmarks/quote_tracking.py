"""Quote tracking across reports: are the quotes of one utterance tracked together, and is each
outlet's credit read right?

Gold: `tests/fixtures/stories/realistic/quote_groups_<part>.json`, written from the report
texts alone (never from corroborate's output): for each event, every quoted utterance that two
or more reports carry, with each report's quoted words, whom it credits (and with what title),
and how its wording relates to the first report's (same, trimmed, edited, translation).

A **link** is two quotes of different reports that one track puts together. The gold covers
words in quotation marks only, so only direct and mixed quotes are scored: a track of indirect
quotes (a wire story's "he said the bridge had collapsed" in its syndicated copy) is neither
right nor wrong here. Scores:
- link precision: predicted links whose two quotes belong to one gold group (a quote in no
  gold group is carried by one report only, so any link to it is wrong);
- link recall: gold links the output makes, over all gold links, and over the gold links whose
  two quotes the extractor found; and recall by the second member's wording;
- credit accuracy: of the gold members the extractor found, the share whose speaker it credits
  to the same person (by surname, as `corpus.quotes.speaker_key` compares speakers);
- differing credits: of the gold groups whose outlets credit different people, how many are
  tracked together and flagged `speakers_differ`; and tracks flagged though gold credits one.

Two scopes, as in `figure_alignment.py`: `gold-events` tracks each gold event on its own;
`pipeline` takes the quote tracks of the events the grouping builds (what users see).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/quote_tracking.py --set realistic-quotes
        [--embeddings] [--errors]

Sets: realistic-dev, realistic-dev2 and realistic-quotes may be tuned on; realistic-heldout and
realistic-quotes-heldout are scored only (`--errors` is refused on them).
"""

from __future__ import annotations

import itertools
import json
import platform
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from claim_alignment import locate, print_wrong_links  # noqa: E402
from figure_alignment import (  # noqa: E402
    SETS,
    TUNING,
    Span,
    _match,
    _overlap,
    analysed_set,
    cli,
    score_keys,
)
from stories import REALISTIC  # noqa: E402

from corroborate.config import Settings  # noqa: E402
from corroborate.corpus import build_stories  # noqa: E402
from corroborate.corpus.dedup import find_origins  # noqa: E402
from corroborate.corpus.quotes import MIN_WORDS, speaker_key, track_quotes  # noqa: E402
from corroborate.corpus.text import words  # noqa: E402
from corroborate.model import Article, QuoteTrack  # noqa: E402


def gold_path(which: str) -> Path:
    return REALISTIC / f"quote_groups_{which.removeprefix('realistic-').replace('-', '_')}.json"


def gold_members(which: str, texts: dict[str, str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold members with their spans and group index; and the quotes that cannot be located."""
    return locate(json.loads(gold_path(which).read_text(encoding="utf-8")), texts, "quote")


def _span(row: dict[str, Any]) -> Span:
    return (row["article"], row["start"], row["end"])


def score(
    tracks: list[QuoteTrack], members: list[dict[str, Any]], extracted: dict[Span, str | None]
) -> dict[str, Any]:
    """Link, credit and differing-credit scores of `tracks` against the gold `members`;
    `extracted`: every quote in quotation marks the extractor found (of trackable length) →
    its speaker; links touching other quotes are not scored."""
    predicted: dict[tuple[Span, Span], tuple[dict[str, Any], dict[str, Any]]] = {}

    def quoted(span: Span) -> bool:  # a split quote's span holds its pieces and attribution
        return any(_overlap(span, s) > 0 for s in extracted)

    for track in tracks:
        for a, b in itertools.combinations(track.members, 2):
            if a["article"] != b["article"] and quoted(_span(a)) and quoted(_span(b)):
                sa, sb = _span(a), _span(b)
                predicted[(min(sa, sb), max(sa, sb))] = (a, b)
    wrong: list[tuple[dict[str, Any], dict[str, Any], str]] = []
    found: set[tuple[int, int, int]] = set()
    for a, b in predicted.values():
        ga, gb = _match(_span(a), members), _match(_span(b), members)
        if ga and gb and ga["group"] == gb["group"] and ga is not gb:
            found.add((ga["group"], *sorted((ga["n"], gb["n"]))))
        else:
            wrong.append((a, b, "different gold groups" if ga and gb else "not both in gold"))

    def seen(m: dict[str, Any]) -> Span | None:
        return next((s for s in extracted if _overlap(m["span"], s) > 0), None)

    gold_links = [
        (x, y)
        for x, y in itertools.combinations(members, 2)
        if x["group"] == y["group"] and x["article"] != y["article"]
    ]
    reachable = [(x, y) for x, y in gold_links if seen(x) and seen(y)]
    missed = [(x, y) for x, y in reachable if (x["group"], *sorted((x["n"], y["n"]))) not in found]
    hits = len(reachable) - len(missed)
    by_kind: dict[str, list[int]] = {}
    for x, y in gold_links:
        kind = y["wording"] if y["n"] > x["n"] else x["wording"]
        hit = (x["group"], *sorted((x["n"], y["n"]))) in found
        by_kind.setdefault(kind, [0, 0])[0] += hit
        by_kind[kind][1] += 1
    p = (len(predicted) - len(wrong)) / len(predicted) if predicted else 1.0
    r = hits / len(gold_links) if gold_links else 1.0

    credits = Counter[str]()
    credit_errors: list[str] = []
    for m in members:
        span = seen(m)
        if span is None:
            continue
        want, got = speaker_key(m.get("credited_to")), speaker_key(extracted[span])
        credits["right" if want == got else "wrong"] += 1
        if want != got:
            credit_errors.append(f"{m['article']} {m['quote'][:60]!r}: {got} for {want}")

    differing = _differing(tracks, members)
    return {
        "predicted_links": len(predicted),
        "right_links": len(predicted) - len(wrong),
        "gold_links": len(gold_links),
        "gold_links_both_extracted": len(reachable),
        "link_precision": round(p, 3),
        "link_recall": round(r, 3),
        "link_recall_extracted": round(hits / len(reachable), 3) if reachable else None,
        "link_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "recall_by_wording": {k: f"{h}/{n}" for k, (h, n) in sorted(by_kind.items())},
        "credit_accuracy": round(credits["right"] / sum(credits.values()), 3) if credits else None,
        "credits_compared": sum(credits.values()),
        **differing,
        "_wrong": wrong,
        "_missed": missed,
        "_credit_errors": credit_errors,
    }


def _differing(tracks: list[QuoteTrack], members: list[dict[str, Any]]) -> dict[str, Any]:
    """Groups whose outlets credit different people: tracked as one and flagged?"""
    by_group: dict[int, list[dict[str, Any]]] = {}
    for m in members:
        by_group.setdefault(m["group"], []).append(m)
    differ = {
        g for g, ms in by_group.items() if len({speaker_key(m.get("credited_to")) for m in ms}) > 1
    }
    flagged_right = flagged_wrong = 0
    for track in tracks:
        groups = {
            g["group"] for row in track.members if (g := _match(_span(row), members)) is not None
        }
        if track.speakers_differ and groups:  # a track gold does not cover is not scored
            if groups & differ:
                flagged_right += 1
            else:
                flagged_wrong += 1
    return {
        "gold_groups_differing_credit": len(differ),
        "tracks_flagged_right": flagged_right,
        "tracks_flagged_wrong": flagged_wrong,
    }


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def print_errors(name: str, result: dict[str, Any]) -> None:
    print_wrong_links(name, result)
    for x, y in result["_missed"]:
        print(f"  missed ({y['wording']}): {x['article']} {_short(x['quote'])!r} ~ "
              f"{y['article']} {_short(y['quote'])!r}")  # fmt: skip
    for line in result["_credit_errors"]:
        print(f"  credit: {line}")


def evaluate(which: str, embeddings: bool, errors: bool) -> dict[str, Any]:
    analysed, gold_events, extract_s = analysed_set(which)
    texts = {a.id: a.text for a in analysed}
    members, problems = gold_members(which, texts)
    gold = json.loads(gold_path(which).read_text(encoding="utf-8"))
    extracted = {
        (a.id, q.start, q.end): (q.speaker.name if q.speaker else None)
        for a in analysed
        for q in a.quotes
        if q.kind != "indirect" and len(words(a.text[q.start : q.end])) >= MIN_WORDS
    }
    by_event: dict[str, list[Article]] = {}
    for a in analysed:
        by_event.setdefault(gold_events[a.id], []).append(a)
    tracked: list[QuoteTrack] = []
    for event, event_articles in sorted(by_event.items()):
        tracked += track_quotes(event_articles, find_origins(event_articles), event)
    alone = score(tracked, members, extracted)
    stories, _ = build_stories(analysed, Settings(), embeddings=embeddings)
    unique = {t.id: t for s in stories for t in s.quotes}  # a track shows in each story it touches
    piped = score(list(unique.values()), members, extracted)
    if errors:
        print_errors("gold events", alone)
        print_errors("pipeline", piped)
    return {
        "set": which,
        "gold": str(gold_path(which).relative_to(ROOT)),
        "gold_groups": len(gold["groups"]),
        "gold_members_located": len(members),
        "gold_problems": problems,
        "quotes_extracted": len(extracted),
        "embeddings": embeddings,
        "gold_events": score_keys(alone),
        "pipeline": score_keys(piped),
        "extract_seconds": round(extract_s, 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }


# beside the grouping sets, two sets written for quote tracking: outlets carrying the same
# quotes, trimmed, edited, translated and credited to someone else
QUOTE_SETS = (*SETS, "realistic-quotes", "realistic-quotes-heldout")
QUOTE_TUNING = (*TUNING, "realistic-quotes")

if __name__ == "__main__":
    cli(evaluate, __doc__ or "", QUOTE_SETS, QUOTE_TUNING)
