"""Claim alignment across reports: are the sentences that make one claim grouped together, and
are the ones that contradict it marked so?

Gold: `tests/fixtures/stories/realistic/claim_groups_<part>.json`, written from the report
texts alone (never from corroborate's output): for each event, every claim that two or more
reports make, with each member's sentence (an exact piece of it) and whether it states or
contradicts the claim.

A **link** is two claims of different reports that one group puts together. Scores:
- link precision: predicted links whose two sentences belong to one gold group (a sentence in
  no gold group is made by one report only, so any link to it is wrong);
- link recall: gold links the output makes, over all gold links, and over the gold links
  whose two sentences are among the aligned claims (check-worthy at the pipeline's cut);
- contradictions: precision and recall of the pairs (one states, one contradicts) that the
  output marks, against the gold's, among links both put in one group.

Two scopes, as in `figure_alignment.py`: `gold-events` aligns each gold event on its own;
`pipeline` takes the claim groups of the stories the grouping builds.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/claim_alignment.py --set realistic-dev
        [--embeddings] [--errors]
"""

from __future__ import annotations

import itertools
import json
import platform
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from figure_alignment import Span, _match, _overlap, analysed_set, cli, score_keys  # noqa: E402
from stories import REALISTIC  # noqa: E402

from corroborate.config import Settings  # noqa: E402
from corroborate.corpus import build_stories  # noqa: E402
from corroborate.corpus.claims import CHECKWORTHY, align_claims  # noqa: E402
from corroborate.corpus.dedup import find_origins  # noqa: E402
from corroborate.model import Article, ClaimGroup  # noqa: E402


def gold_path(which: str) -> Path:
    return REALISTIC / f"claim_groups_{which.removeprefix('realistic-')}.json"


def locate(
    gold: dict[str, Any], texts: dict[str, str], field: str
) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold members with the span of their `field` (exact words of the report) and their group
    index; and the members whose words cannot be located."""
    members: list[dict[str, Any]] = []
    problems: list[str] = []
    for g, group in enumerate(gold["groups"]):
        for n, m in enumerate(group["members"]):
            at = texts.get(m["article"], "").find(m[field])
            if at < 0:
                problems.append(f"group {g} member {n}: {m['article']} {field} not found")
                continue
            span = (m["article"], at, at + len(m[field]))
            members.append(dict(m, group=g, n=n, span=span))
    return members, problems


def gold_members(which: str, texts: dict[str, str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold members with their spans (the context's) and group index; and the contexts that
    cannot be located."""
    return locate(json.loads(gold_path(which).read_text(encoding="utf-8")), texts, "context")


def _pair(a: dict[str, Any], b: dict[str, Any]) -> tuple[Span, Span]:
    sa = (a["article"], a["start"], a["end"])
    sb = (b["article"], b["start"], b["end"])
    return (min(sa, sb), max(sa, sb))


def score(
    groups: list[ClaimGroup], members: list[dict[str, Any]], aligned: set[Span]
) -> dict[str, Any]:
    predicted: dict[tuple[Span, Span], tuple[dict[str, Any], dict[str, Any]]] = {}
    for group in groups:
        for a, b in itertools.combinations(group.members, 2):
            if a["article"] != b["article"]:
                predicted[_pair(a, b)] = (a, b)
    right: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]] = []
    wrong: list[tuple[dict[str, Any], dict[str, Any], str]] = []
    found: set[tuple[int, int, int]] = set()
    for a, b in predicted.values():
        ga = _match((a["article"], a["start"], a["end"]), members)
        gb = _match((b["article"], b["start"], b["end"]), members)
        if ga and gb and ga["group"] == gb["group"] and ga is not gb:
            right.append((a, b, ga, gb))
            found.add((ga["group"], *sorted((ga["n"], gb["n"]))))
        else:
            why = "different gold groups" if ga and gb else "not both in a gold group"
            wrong.append((a, b, why))
    gold_links = [
        (x, y)
        for x, y in itertools.combinations(members, 2)
        if x["group"] == y["group"] and x["article"] != y["article"]
    ]

    def was_aligned(m: dict[str, Any]) -> bool:
        return any(_overlap(m["span"], s) > 0 for s in aligned)

    reachable = [(x, y) for x, y in gold_links if was_aligned(x) and was_aligned(y)]
    missed = [(x, y) for x, y in reachable if (x["group"], *sorted((x["n"], y["n"]))) not in found]
    hits = len(reachable) - len(missed)
    p = len(right) / len(predicted) if predicted else 1.0
    r = hits / len(gold_links) if gold_links else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    # contradictions among the right links: one side states, the other contradicts
    said = sum(a["stance"] != b["stance"] for a, b, _, _ in right)
    gold_said = sum(ga["stance"] != gb["stance"] for _, _, ga, gb in right)
    both = sum(
        a["stance"] != b["stance"] and ga["stance"] != gb["stance"] for a, b, ga, gb in right
    )
    all_gold_contra = sum(x["stance"] != y["stance"] for x, y in gold_links)
    return {
        "predicted_links": len(predicted),
        "right_links": len(right),
        "gold_links": len(gold_links),
        "gold_links_both_aligned": len(reachable),
        "link_precision": round(p, 3),
        "link_recall": round(r, 3),
        "link_recall_aligned": round(hits / len(reachable), 3) if reachable else None,
        "link_f1": round(f, 3),
        "gold_contradictions": all_gold_contra,
        "contradictions_marked": said,
        "contradictions_right": both,
        "contradiction_precision": round(both / said, 3) if said else None,
        "contradiction_recall_on_right_links": round(both / gold_said, 3) if gold_said else None,
        "_wrong": wrong,
        "_missed": missed,
    }


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def print_wrong_links(name: str, result: dict[str, Any]) -> None:
    """The header and the wrong links of an error listing (the claim and quote benchmarks)."""
    print(f"errors ({name}):")
    for a, b, why in result["_wrong"]:
        print(f"  wrong link, {why}: {a['article']} {_short(a['text'])!r} ~ "
              f"{b['article']} {_short(b['text'])!r}")  # fmt: skip


def print_errors(name: str, result: dict[str, Any], claim: dict[int, str]) -> None:
    print_wrong_links(name, result)
    for x, y in result["_missed"]:
        print(f"  missed: [{_short(claim[x['group']], 70)}] {x['article']} ~ {y['article']}")


def evaluate(which: str, embeddings: bool, errors: bool) -> dict[str, Any]:
    analysed, gold_events, extract_s = analysed_set(which)
    texts = {a.id: a.text for a in analysed}
    members, problems = gold_members(which, texts)
    gold = json.loads(gold_path(which).read_text(encoding="utf-8"))
    claim = {g: group["claim"] for g, group in enumerate(gold["groups"])}
    aligned = {
        (a.id, c.start, c.end) for a in analysed for c in a.claims if c.checkworthy >= CHECKWORTHY
    }
    by_event: dict[str, list[Article]] = {}
    for a in analysed:
        by_event.setdefault(gold_events[a.id], []).append(a)
    grouped: list[ClaimGroup] = []
    for event, event_articles in sorted(by_event.items()):
        dedup = find_origins(event_articles)
        grouped += align_claims(event_articles, dedup, event, use_embeddings=embeddings)
    alone = score(grouped, members, aligned)
    stories, _ = build_stories(analysed, Settings(), embeddings=embeddings)
    unique = {g.id: g for s in stories for g in s.claims}
    piped = score(list(unique.values()), members, aligned)
    if errors:
        print_errors("gold events", alone, claim)
        print_errors("pipeline", piped, claim)
    return {
        "set": which,
        "gold": str(gold_path(which).relative_to(ROOT)),
        "gold_groups": len(gold["groups"]),
        "gold_members_located": len(members),
        "gold_problems": problems,
        "claims_aligned": len(aligned),
        "embeddings": embeddings,
        "gold_events": score_keys(alone),
        "pipeline": score_keys(piped),
        "extract_seconds": round(extract_s, 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }


if __name__ == "__main__":
    cli(evaluate, __doc__ or "")
