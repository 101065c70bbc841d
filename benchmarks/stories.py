"""Story and event grouping quality: pairwise precision / recall / F1 against gold labels.

The corpus: the bundled sample (15 reports, gold from `corroborate/sample/expected.json`) plus
our own reports in `tests/fixtures/stories/*.jsonl` (each line carries gold `event`/`story`).
The fixtures are written to be hard: other events share names with the sample's (Velmark,
Kessaria, Sudra, Drevna, Halvorsen), some on the same dates.

Pairwise scores: over all pairs of reports, a pair is positive when both are in one group.
Annotations are not needed: without NER the grouping uses capitalised names as entities.

`--set` picks the corpus: `fictional` (the default, above), `realistic-dev`,
`realistic-dev2` / `realistic-heldout` (reports we wrote about real 2023-2024 news, in
`tests/fixtures/stories/realistic/`; tune on the two dev parts only, never on held-out), or
`all` (everything grouped together, scored per part; a part's scores count the pairs that
involve at least one of its reports, so merges with the other parts count against it).
`--errors` lists the wrongly merged and split groups.

    .venv/bin/python benchmarks/stories.py [--set SET] [--embeddings] [--analyse] [--errors]
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
REALISTIC = ROOT / "tests" / "fixtures" / "stories" / "realistic"
REALISTIC_PARTS = {
    "realistic-dev": "dev.jsonl",
    "realistic-dev2": "dev2.jsonl",
    "realistic-dev3": "dev3.jsonl",
    "realistic-heldout": "heldout.jsonl",
    "realistic-heldout2": "heldout2.jsonl",
    # written for quote tracking (outlets carrying the same quotes); grouping can use them too
    "realistic-quotes": "quotes.jsonl",
    "realistic-quotes-heldout": "quotes_heldout.jsonl",
}
SETS = (
    "fictional",
    "realistic-dev",
    "realistic-dev2",
    "realistic-dev3",
    "realistic-heldout",
    "realistic-heldout2",
    "realistic-quotes",
    "realistic-quotes-heldout",
    "all",
)


def _parts(which: str) -> list[str]:
    """The parts of the corpus that `--set` selects, in load order."""
    if which not in SETS:
        raise ValueError(f"unknown set {which!r}; one of {', '.join(SETS)}")
    return ["fictional", *REALISTIC_PARTS] if which == "all" else [which]


def _realistic_ids(part: str) -> set[str]:
    lines = (REALISTIC / REALISTIC_PARTS[part]).read_text(encoding="utf-8").splitlines()
    return {json.loads(x)["id"] for x in lines if x.strip()}


def load(
    heldout: bool = True, which: str = "fictional"
) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles, and gold event / story label per article id."""
    articles: list[Article] = []
    events: dict[str, str] = {}
    stories: dict[str, str] = {}
    lines: list[str] = []
    parts = _parts(which)
    if "fictional" in parts:
        sample = ROOT / "corroborate" / "sample"
        expected = json.loads((sample / "expected.json").read_text(encoding="utf-8"))
        for label, ids in expected["events"].items():
            events.update(dict.fromkeys(ids, label))
        for label, ids in expected["stories"].items():
            stories.update(dict.fromkeys(ids, label))
        lines += (sample / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
        paths = sorted((ROOT / "tests" / "fixtures" / "stories").glob("*.jsonl"))
        if heldout:
            paths += sorted(HELDOUT.glob("*.jsonl"))
        for path in paths:
            lines += path.read_text(encoding="utf-8").splitlines()
    for part in parts:
        if part in REALISTIC_PARTS:
            path = REALISTIC / REALISTIC_PARTS[part]
            lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip():
            continue
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


def _errors(gold: dict[str, str], predicted: dict[str, str], level: str) -> list[str]:
    """Predicted groups that mix gold groups (merged) and gold groups spread over several
    predicted groups (split), one line each."""
    by_pred: dict[str, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for i in sorted(gold):
        by_pred.setdefault(predicted[i], []).append(i)
        by_gold.setdefault(gold[i], []).append(i)
    lines = []
    for ids in by_pred.values():
        labels = sorted({gold[i] for i in ids})
        if len(labels) > 1:
            parts = "; ".join(
                f"{label}: {' '.join(i for i in ids if gold[i] == label)}" for label in labels
            )
            lines.append(f"{level} merged: {parts}")
    for label, ids in sorted(by_gold.items()):
        groups: dict[str, list[str]] = {}
        for i in ids:
            groups.setdefault(predicted[i], []).append(i)
        if len(groups) > 1:
            pieces = " | ".join(" ".join(g) for g in groups.values())
            lines.append(f"{level} split: {label}: {pieces}")
    return lines


def evaluate(
    embeddings: bool,
    verbose: bool = False,
    heldout: bool = True,
    analyse: bool = False,
    articles: list[Article] | None = None,
    which: str = "fictional",
    errors: bool = False,
) -> dict[str, object]:
    """Scores on the tuning set (sample + fixtures) and, separately, on the held-out reports.

    The thresholds in corroborate/corpus/stories.py were tuned on the tuning set only; the
    held-out reports (tests/fixtures/stories/heldout/) were written afterwards and are grouped
    together with everything else, so they can be confused with the tuning events.

    `which` (see SETS) adds or substitutes the realistic reports; each realistic part is scored
    under its own keys (`realistic_dev_event`, ...). With `errors`, the wrongly merged and
    split groups are printed for the tuning parts (fictional tuning set, realistic dev) only.
    """
    parts = _parts(which)
    loaded, gold_events, gold_stories = load(heldout, which)
    if articles is None:
        articles = loaded
        if analyse:  # the production path: NER entities, figures, quotes, claims
            from corroborate.extract.pipeline import analyse_many

            articles = list(analyse_many(articles))
    realistic = {part: _realistic_ids(part) for part in parts if part in REALISTIC_PARTS}
    fictional = "fictional" in parts
    held = _heldout_ids() if heldout and fictional else set()
    others = set().union(*realistic.values())
    tuning = {i for i in gold_events if i not in held and i not in others} if fictional else set()
    start = time.perf_counter()
    stories, _ = build_stories(articles, Settings(), embeddings=embeddings)
    seconds = time.perf_counter() - start
    story_of = {i: s.id for s in stories for i in s.article_ids}
    event_of = {i: s.event for s in stories for i in s.article_ids}
    if verbose:
        for s in sorted(stories, key=lambda s: (s.event, s.start or "")):
            print(f"  {s.event} {s.id} {s.article_ids}")
    result: dict[str, object] = {
        "similarity": stories[0].similarity if stories else "none",
        "annotations": "extractor (analyse_many)"
        if analyse or any(a.analysed for a in articles)
        else "none (capitalised names stand in for entities)",
        "articles": len(articles),
        "gold_events": len(set(gold_events.values())),
        "gold_stories": len(set(gold_stories.values())),
        "events": len(set(event_of.values())),
        "stories": len(stories),
    }
    if fictional:
        result["event"] = pairwise({i: gold_events[i] for i in tuning}, event_of)
        result["story"] = pairwise({i: gold_stories[i] for i in tuning}, story_of)
        result["heldout_articles"] = len(held)
        result["heldout_event"] = pairwise(gold_events, event_of, held) if held else None
        result["heldout_story"] = pairwise(gold_stories, story_of, held) if held else None
    for part, ids in realistic.items():
        key = part.replace("-", "_")
        result[f"{key}_articles"] = len(ids)
        result[f"{key}_event"] = pairwise(gold_events, event_of, ids)
        result[f"{key}_story"] = pairwise(gold_stories, story_of, ids)
    result["seconds"] = round(seconds, 2)
    if errors:
        if fictional:
            scope = {i: gold_events[i] for i in tuning}
            _print_errors(
                "fictional tuning set", scope, gold_events, gold_stories, event_of, story_of
            )
        tuning_parts = ("realistic-dev", "realistic-dev2", "realistic-dev3", "realistic-quotes")
        for part in tuning_parts:  # never print a held-out part's errors
            if part in realistic:
                scope = {i: gold_events[i] for i in realistic[part]}
                _print_errors(part, scope, gold_events, gold_stories, event_of, story_of)
    return result


def _print_errors(
    name: str,
    scope: dict[str, str],
    gold_events: dict[str, str],
    gold_stories: dict[str, str],
    event_of: dict[str, str],
    story_of: dict[str, str],
) -> None:
    """Errors among the reports in `scope` (id -> gold event). A report from another part that
    shares a predicted group with one in scope is shown as `(other) gold-label/id`."""
    ids = set(scope)
    events = {event_of[i] for i in ids}
    story_ids = {story_of[i] for i in ids}
    near_e = {i for i, e in event_of.items() if e in events and i in gold_events} - ids
    near_s = {i for i, s in story_of.items() if s in story_ids and i in gold_stories} - ids
    gold_e = {i: f"(other) {gold_events[i]}/{i}" for i in near_e} | scope
    gold_s = {i: f"(other) {gold_stories[i]}/{i}" for i in near_s}
    gold_s |= {i: gold_stories[i] for i in ids}
    print(f"errors on the {name}:")
    lines = _errors(gold_e, event_of, "event") + _errors(gold_s, story_of, "story")
    for line in lines or ["none"]:
        print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", action="store_true", help="use MiniLM embeddings")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the groups")
    parser.add_argument("--analyse", action="store_true", help="run the extractor first")
    parser.add_argument(
        "--set",
        choices=SETS,
        default="fictional",
        help="which corpus to group and score (default: fictional)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list wrongly merged / split groups (tuning parts only, never held-out)",
    )
    args = parser.parse_args()
    result = evaluate(
        args.embeddings,
        args.verbose,
        analyse=args.analyse,
        which=args.set,
        errors=args.errors,
    )
    result["machine"] = f"{platform.machine()} {platform.python_version()}"
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
