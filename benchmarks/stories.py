"""Story and event grouping quality: pairwise precision / recall / F1 against gold labels.

The corpus: the bundled sample (15 reports, gold from `corroborate/sample/expected.json`) plus
our own reports in `tests/fixtures/stories/*.jsonl` (each line carries gold `event`/`story`).
The fixtures are written to be hard: other events share names with the sample's (Velmark,
Kessaria, Sudra, Drevna, Halvorsen), some on the same dates.

Pairwise scores: over all pairs of reports, a pair is positive when both are in one group.
Annotations are not needed: without NER the grouping uses capitalised names as entities.

    .venv/bin/python benchmarks/stories.py [--embeddings] [--analyse]
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corroborate.config import Settings  # noqa: E402
from corroborate.corpus import build_stories  # noqa: E402
from corroborate.model import Article  # noqa: E402

HELDOUT = ROOT / "tests" / "fixtures" / "stories" / "heldout"


def load(heldout: bool = True) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles, and gold event / story label per article id."""
    articles: list[Article] = []
    events: dict[str, str] = {}
    stories: dict[str, str] = {}
    sample = ROOT / "corroborate" / "sample"
    expected = json.loads((sample / "expected.json").read_text(encoding="utf-8"))
    for label, ids in expected["events"].items():
        events.update(dict.fromkeys(ids, label))
    for label, ids in expected["stories"].items():
        stories.update(dict.fromkeys(ids, label))
    lines = (sample / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    paths = sorted((ROOT / "tests" / "fixtures" / "stories").glob("*.jsonl"))
    if heldout:
        paths += sorted(HELDOUT.glob("*.jsonl"))
    for path in paths:
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        d = json.loads(line)
        if "event" in d:
            events[d["id"]] = d["event"]
            stories[d["id"]] = d["story"]
        articles.append(
            Article(
                text=d["text"],
                id=d["id"],
                title=d.get("title"),
                outlet=d.get("outlet"),
                published=d.get("published"),
                url=d.get("url"),
            )
        )
    return articles, events, stories


def pairwise(
    gold: dict[str, str], predicted: dict[str, str], only: set[str] | None = None
) -> dict[str, float]:
    """Pairwise scores; with `only`, over the pairs that involve at least one of those ids."""
    ids = sorted(gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        if only is not None and a not in only and b not in only:
            continue
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _heldout_ids() -> set[str]:
    ids: set[str] = set()
    for path in sorted(HELDOUT.glob("*.jsonl")):
        ids.update(json.loads(x)["id"] for x in path.read_text(encoding="utf-8").splitlines())
    return ids


def evaluate(
    embeddings: bool,
    verbose: bool = False,
    heldout: bool = True,
    analyse: bool = False,
    articles: list[Article] | None = None,
) -> dict[str, object]:
    """Scores on the tuning set (sample + fixtures) and, separately, on the held-out reports.

    The thresholds in corroborate/corpus/stories.py were tuned on the tuning set only; the
    held-out reports (tests/fixtures/stories/heldout/) were written afterwards and are grouped
    together with everything else, so they can be confused with the tuning events.
    """
    loaded, gold_events, gold_stories = load(heldout)
    if articles is None:
        articles = loaded
        if analyse:  # the production path: NER entities, figures, quotes, claims
            from corroborate.extract.pipeline import analyse_many

            articles = list(analyse_many(articles))
    held = _heldout_ids() if heldout else set()
    tuning = {i for i in gold_events if i not in held}
    start = time.perf_counter()
    stories, _ = build_stories(articles, Settings(), embeddings=embeddings)
    seconds = time.perf_counter() - start
    story_of = {i: s.id for s in stories for i in s.article_ids}
    event_of = {i: s.event for s in stories for i in s.article_ids}
    if verbose:
        for s in sorted(stories, key=lambda s: (s.event, s.start or "")):
            print(f"  {s.event} {s.id} {s.article_ids}")
    return {
        "similarity": stories[0].similarity if stories else "none",
        "annotations": "extractor (analyse_many)"
        if analyse or any(a.analysed for a in articles)
        else "none (capitalised names stand in for entities)",
        "articles": len(articles),
        "gold_events": len(set(gold_events.values())),
        "gold_stories": len(set(gold_stories.values())),
        "events": len(set(event_of.values())),
        "stories": len(stories),
        "event": pairwise({i: gold_events[i] for i in tuning}, event_of),
        "story": pairwise({i: gold_stories[i] for i in tuning}, story_of),
        "heldout_articles": len(held),
        "heldout_event": pairwise(gold_events, event_of, held) if held else None,
        "heldout_story": pairwise(gold_stories, story_of, held) if held else None,
        "seconds": round(seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", action="store_true", help="use MiniLM embeddings")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the groups")
    parser.add_argument("--analyse", action="store_true", help="run the extractor first")
    args = parser.parse_args()
    result = evaluate(args.embeddings, args.verbose, analyse=args.analyse)
    result["machine"] = f"{platform.machine()} {platform.python_version()}"
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
