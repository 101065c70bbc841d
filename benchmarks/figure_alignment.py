"""Figure alignment across reports: are the figures that state one quantity grouped together?

Gold: `tests/fixtures/stories/realistic/figure_groups_<part>.json`, written from the report
texts alone (never from corroborate's output): for each event, every quantity that two or more
reports state, with each member's exact words and context, value, as-of date and source, and
how members with different values relate (agree / update / conflict).

A **link** is two figures of different reports that one group puts together. Scores:
- link precision: predicted links whose two figures belong to one gold group (a figure that
  is in no gold group is stated by one report only, so any link to it is wrong);
- link recall: gold links that the output makes, over all gold links, and over the gold links
  whose two figures the extractor found (so that alignment and extraction can be told apart);
- relation accuracy: of the right links between figures whose values differ in gold, the share
  whose relation (agree, update, conflict) matches, as `corpus.figures.pair_relation` reads
  a pair.

Two scopes: `gold-events` aligns the figures of each gold event on its own (the alignment
alone); `pipeline` takes the figure groups of the events the grouping builds (what users see).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/figure_alignment.py --set realistic-dev
        [--embeddings] [--errors]

`--errors` lists wrong and missed links, and is refused on the held-out set.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from stories import REALISTIC, load  # noqa: E402

from corroborate.config import Settings  # noqa: E402
from corroborate.corpus import build_stories  # noqa: E402
from corroborate.corpus.dedup import find_origins  # noqa: E402
from corroborate.corpus.figures import align_figures, pair_relation  # noqa: E402
from corroborate.model import Article, FigureGroup  # noqa: E402

SETS = ("realistic-dev", "realistic-dev2", "realistic-heldout")
TUNING = ("realistic-dev", "realistic-dev2")

Span = tuple[str, int, int]  # article id, start, end


def gold_path(which: str) -> Path:
    return REALISTIC / f"figure_groups_{which.removeprefix('realistic-')}.json"


def gold_members(which: str, texts: dict[str, str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The gold members, each with its span and group index; and the problems found (a
    context or figure that cannot be located)."""
    gold = json.loads(gold_path(which).read_text(encoding="utf-8"))
    members: list[dict[str, Any]] = []
    problems: list[str] = []
    for g, group in enumerate(gold["groups"]):
        for n, m in enumerate(group["members"]):
            text = texts.get(m["article"], "")
            at = text.find(m["context"])
            inner = m["context"].find(m["text"])
            if at < 0 or inner < 0:
                problems.append(f"group {g} member {n}: {m['article']} {m['text']!r} not found")
                continue
            start = at + inner
            members.append(
                dict(m, group=g, n=n, span=(m["article"], start, start + len(m["text"])))
            )
    return members, problems


def _relations(which: str) -> dict[tuple[int, int, int], str]:
    """(group, member, member) -> gold relation, both member orders."""
    gold = json.loads(gold_path(which).read_text(encoding="utf-8"))
    out: dict[tuple[int, int, int], str] = {}
    for g, group in enumerate(gold["groups"]):
        for i, j, rel in group.get("relations", []):
            out[(g, i, j)] = out[(g, j, i)] = rel
    return out


def _overlap(a: Span, b: Span) -> int:
    return min(a[2], b[2]) - max(a[1], b[1]) if a[0] == b[0] else -1


def _match(span: Span, members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold member whose words overlap the predicted figure's most."""
    best = max(members, key=lambda m: _overlap(span, m["span"]), default=None)
    return best if best is not None and _overlap(span, best["span"]) > 0 else None


def score(
    groups: list[FigureGroup],
    members: list[dict[str, Any]],
    relations: dict[tuple[int, int, int], str],
    extracted: set[Span],
) -> dict[str, Any]:
    """Link precision / recall and relation accuracy of `groups` against gold `members`."""
    predicted: dict[tuple[Span, Span], tuple[dict[str, Any], dict[str, Any]]] = {}
    for group in groups:
        if group.relation == "arithmetic":
            continue
        for a, b in itertools.combinations(group.members, 2):
            if a["article"] != b["article"]:
                sa = (a["article"], a["start"], a["end"])
                sb = (b["article"], b["start"], b["end"])
                predicted[(min(sa, sb), max(sa, sb))] = (a, b)
    right: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]] = []
    wrong: list[tuple[dict[str, Any], dict[str, Any], str]] = []
    found_gold: set[tuple[int, int, int]] = set()
    for a, b in predicted.values():
        ga = _match((a["article"], a["start"], a["end"]), members)
        gb = _match((b["article"], b["start"], b["end"]), members)
        if ga and gb and ga["group"] == gb["group"] and ga is not gb:
            right.append((a, b, ga, gb))
            found_gold.add((ga["group"], *sorted((ga["n"], gb["n"]))))
        else:
            why = "neither in a gold group" if not (ga or gb) else "different gold groups"
            if bool(ga) != bool(gb):
                why = "one in no gold group"
            wrong.append((a, b, why))
    gold_links: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (x, y)
        for x, y in itertools.combinations(members, 2)
        if x["group"] == y["group"] and x["article"] != y["article"]
    ]

    def was_extracted(m: dict[str, Any]) -> bool:
        return any(_overlap(m["span"], s) > 0 for s in extracted)

    reachable = [(x, y) for x, y in gold_links if was_extracted(x) and was_extracted(y)]
    missed = [
        (x, y) for x, y in reachable if (x["group"], *sorted((x["n"], y["n"]))) not in found_gold
    ]
    hits = len(gold_links) - len(missed) - (len(gold_links) - len(reachable))
    p = len(right) / len(predicted) if predicted else 1.0
    r = hits / len(gold_links) if gold_links else 1.0
    r_found = hits / len(reachable) if reachable else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    judged = agreed = 0
    relation_errors: list[str] = []
    for a, b, ga, gb in right:
        if ga["value"] == gb["value"] and (ga["group"], ga["n"], gb["n"]) not in relations:
            continue  # equal values: no relation to get wrong
        gold_rel = relations.get((ga["group"], ga["n"], gb["n"]), "agree")
        judged += 1
        got = pair_relation(a, b)
        agreed += got == gold_rel
        if got != gold_rel:
            relation_errors.append(f"{_show(a)} ~ {_show(b)}: {got}, gold {gold_rel}")
    return {
        "predicted_links": len(predicted),
        "right_links": len(right),
        "gold_links": len(gold_links),
        "gold_links_both_extracted": len(reachable),
        "link_precision": round(p, 3),
        "link_recall": round(r, 3),
        "link_recall_extracted": round(r_found, 3),
        "link_f1": round(f, 3),
        "relation_accuracy": round(agreed / judged, 3) if judged else None,
        "relations_judged": judged,
        "_wrong": wrong,
        "_missed": missed,
        "_relation_errors": relation_errors,
    }


def _show(m: dict[str, Any]) -> str:
    return f"{m['article']} {m['text']!r} ({m.get('measure') or m.get('quantity', '')})"


def print_errors(name: str, result: dict[str, Any], quantity: dict[int, str]) -> None:
    print(f"errors ({name}):")
    for a, b, why in result["_wrong"]:
        print(f"  wrong link, {why}: {_show(a)} ~ {_show(b)}")
    for x, y in result["_missed"]:
        print(f"  missed: [{quantity[x['group']]}] {x['article']} {x['text']!r} ~ "
              f"{y['article']} {y['text']!r}")  # fmt: skip
    for line in result["_relation_errors"]:
        print(f"  wrong relation: {line}")


def analysed_set(which: str) -> tuple[list[Article], dict[str, str], float]:
    """The set's reports through the extractor, as users run it; gold event per report; and
    the seconds the extraction took."""
    from corroborate.extract.pipeline import analyse_many

    articles, gold_events, _ = load(heldout=False, which=which)
    start = time.perf_counter()
    analysed = list(analyse_many(articles))
    return analysed, gold_events, time.perf_counter() - start


def evaluate(which: str, embeddings: bool, errors: bool) -> dict[str, Any]:
    analysed, gold_events, extract_s = analysed_set(which)
    texts = {a.id: a.text for a in analysed}
    members, problems = gold_members(which, texts)
    relations = _relations(which)
    gold = json.loads(gold_path(which).read_text(encoding="utf-8"))
    quantity = {g: group["quantity"] for g, group in enumerate(gold["groups"])}
    extracted = {(a.id, f.start, f.end) for a in analysed for f in a.figures}

    by_event: dict[str, list[Article]] = {}
    for a in analysed:
        by_event.setdefault(gold_events[a.id], []).append(a)
    aligned: list[FigureGroup] = []
    for event_articles in by_event.values():
        aligned += align_figures(event_articles, find_origins(event_articles))
    alone = score(aligned, members, relations, extracted)

    _, events = build_stories(analysed, Settings(), embeddings=embeddings)
    piped = score([g for e in events for g in e.figures], members, relations, extracted)
    result: dict[str, Any] = {
        "set": which,
        "gold": str(gold_path(which).relative_to(ROOT)),
        "gold_groups": len(gold["groups"]),
        "gold_members_located": len(members),
        "gold_problems": problems,
        "figures_extracted": len(extracted),
        "gold_events": score_keys(alone),
        "pipeline": score_keys(piped),
        "extract_seconds": round(extract_s, 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    if errors:
        print_errors("gold events", alone, quantity)
        print_errors("pipeline", piped, quantity)
    return result


def score_keys(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if not k.startswith("_")}


def cli(
    evaluate: Callable[[str, bool, bool], dict[str, Any]],
    doc: str,
    sets: tuple[str, ...] = SETS,
    tuning: tuple[str, ...] = TUNING,
) -> None:
    """The command line the alignment benchmarks share: `--set`, `--embeddings`, `--errors`
    (refused on held-out)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--set", choices=sets, default="realistic-dev")
    parser.add_argument("--embeddings", action="store_true", help="MiniLM for the grouping")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed links")
    args = parser.parse_args()
    if args.errors and args.set not in tuning:
        parser.error("--errors is for the tuning sets only; never read held-out errors")
    print(json.dumps(evaluate(args.set, args.embeddings, args.errors), indent=2))


if __name__ == "__main__":
    cli(evaluate, __doc__ or "")
