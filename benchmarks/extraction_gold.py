"""Quotes and figures against a hand-written gold set that nobody tunes on.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/extraction_gold.py [--errors] [--json-only]
        [--reports tests/fixtures/extraction_gold/reports.jsonl]
        [--gold tests/fixtures/extraction_gold/gold.jsonl]

Runs `corroborate.app.extract` on the reports and scores its quotes and figures against
`gold.jsonl` (see tests/fixtures/extraction_gold/README.md). The set is for measuring only:
read `--errors` to understand the extractor, never to tune it.

Quotes: a predicted quote matches a gold quote when it covers more than 30% of it. Precision
counts predicted quotes that match some gold quote; recall counts gold quotes matched by some
prediction. Predictions on spans the gold lists under `ignore_quotes` are left out of both.
On matched quotes (the prediction that covers most of it): speaker accuracy (gold speakers
that are null are not scored) and kind accuracy.

Figures: a predicted figure matches a gold figure when its span overlaps an occurrence of the
gold text in the report (every occurrence, or the one inside `context`) and the values are
equal (relative tolerance 1e-6). Predictions overlapping `ignore_figures` are left out. On
matched figures: unit accuracy and source accuracy (gold source "*" is not scored; null
equals a missing source or kind "unattributed").

Names match when equal case-insensitively (after dropping a leading article, a trailing
possessive and a parenthesis), when one is a suffix of the other by whole words ("Smith" and
"Jane Smith"), when the shorter is the second word of a name of three or more words ("Chan"
and "Baron Chan Shun-ching"), or when one is the initials of the other ("WHO").
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "fixtures" / "extraction_gold"
QUOTE_COVER = 0.3
VALUE_TOL = 1e-6

# nouns for groups of people: a figure counting them is in unit "people"
PEOPLE_NOUNS = {
    "people", "persons", "residents", "civilians", "children", "women", "men", "workers",
    "members", "passengers", "crew", "viewers", "voters", "employees", "staff", "dead",
    "injured", "wounded", "victims", "casualties", "migrants", "refugees", "displaced",
}  # fmt: skip
UNIT_ALIASES = {"km²": "km2", "sq km": "km2", "%": "percent", "per cent": "percent"}


# ---------------------------------------------------------------- names and units


def _norm_name(name: str) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"[\u2019']s\b", "", name)
    name = re.sub(r"[.,\"\u201c\u201d]", " ", name).lower()
    words = name.split()
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return words


def _initials(name: str) -> str:
    words = re.sub(r"\([^)]*\)", " ", name).split()
    return "".join(w[0] for w in words if w[:1].isupper())


def names_match(predicted: str | None, gold: str | None) -> bool:
    """The name rule of the module docstring; two missing names match."""
    if not predicted or not gold:
        return not predicted and not gold
    a, b = _norm_name(predicted), _norm_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_[-len(short) :] == short:
        return True
    if len(long_) >= 3 and short == long_[1:2]:
        return True
    for x, y in ((predicted, gold), (gold, predicted)):
        acronym = re.sub(r"[^A-Za-z]", "", x)
        single = len(x.split()) == 1 and len(acronym) >= 2 and acronym.isupper()
        if single and _initials(y) == acronym:
            return True
    return False


def norm_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    unit = UNIT_ALIASES.get(unit.strip().lower(), unit.strip().lower())
    return "people" if unit in PEOPLE_NOUNS else unit


def values_equal(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=VALUE_TOL, abs_tol=1e-12)


# ---------------------------------------------------------------- locating gold text


def occurrences(text: str, needle: str, context: str | None = None) -> list[tuple[int, int]]:
    """Every [start, end) of `needle` in `text` that is not inside a longer word or number;
    with `context`, only those inside an occurrence of `context`."""
    spans = []
    hay = context if context else needle
    offset = hay.index(needle) if context else 0
    for m in re.finditer(re.escape(hay), text):
        start = m.start() + offset
        end = start + len(needle)
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if needle[:1].isalnum() and before.isalnum():
            continue
        if needle[-1:].isalnum() and after.isalnum():
            continue
        spans.append((start, end))
    return spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def coverage(pred: tuple[int, int], gold: tuple[int, int]) -> float:
    return overlap(pred, gold) / max(1, gold[1] - gold[0])


def validate(reports: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]]) -> list[str]:
    """Problems with the gold set: texts not in their report, unknown kinds, missing reports."""
    problems = []
    for rid, g in gold.items():
        if rid not in reports:
            problems.append(f"{rid}: no such report")
            continue
        text = reports[rid]["text"]
        for q in g["quotes"]:
            if not occurrences(text, q["text"]):
                problems.append(f"{rid}: quote not in report: {q['text'][:60]!r}")
            if q["kind"] not in {"direct", "mixed", "indirect"}:
                problems.append(f"{rid}: bad quote kind {q['kind']!r}")
        for f in g["figures"]:
            if not occurrences(text, f["text"], f.get("context")):
                problems.append(f"{rid}: figure not in report: {f['text']!r}")
        for t in g.get("ignore_quotes", []) + g.get("ignore_figures", []):
            if t not in text:
                problems.append(f"{rid}: ignored text not in report: {t!r}")
    return problems


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    gold: int = 0
    gold_matched: int = 0
    pred: int = 0  # predictions scored (ignored ones left out)
    pred_matched: int = 0
    ignored: int = 0
    attr_scored: Counter[str] = field(default_factory=Counter)
    attr_right: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    by_kind_matched: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.pred_matched / self.pred if self.pred else 0.0
        r = self.gold_matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self, name: str) -> float | None:
        n = self.attr_scored[name]
        return self.attr_right[name] / n if n else None

    def score(self, name: str, right: bool) -> None:
        self.attr_scored[name] += 1
        self.attr_right[name] += int(right)


def _snippet(text: str, span: tuple[int, int], width: int = 90) -> str:
    s = text[span[0] : span[1]].replace("\n", " / ")
    return s if len(s) <= width else s[: width - 3] + "..."


def score_quotes(rid: str, text: str, g: dict[str, Any], quotes: list[Any], t: Tally) -> None:
    preds = [((q.start, q.end), q) for q in quotes]
    golds = [(q, occurrences(text, q["text"])) for q in g["quotes"]]
    ignored = [s for x in g.get("ignore_quotes", []) for s in occurrences(text, x)]
    matched_pred: set[int] = set()
    for gq, spans in golds:
        t.gold += 1
        t.by_kind[gq["kind"]] += 1
        best, best_cov = None, QUOTE_COVER
        for i, (ps, _) in enumerate(preds):
            cov = max(coverage(ps, s) for s in spans)
            if cov > QUOTE_COVER:
                matched_pred.add(i)
                if cov > best_cov or best is None:
                    best, best_cov = i, cov
        if best is None:
            t.errors.append(f"{rid} MISS quote [{gq['kind']}] {gq['speaker']}: {gq['text'][:90]!r}")
            continue
        t.gold_matched += 1
        t.by_kind_matched[gq["kind"]] += 1
        q = preds[best][1]
        name = q.speaker.name if q.speaker is not None else None
        if gq["speaker"] is not None:
            ok = names_match(name, gq["speaker"])
            t.score("speaker", ok)
            if not ok:
                t.errors.append(
                    f"{rid} SPEAKER {name!r} for {gq['speaker']!r}: {gq['text'][:60]!r}"
                )
        t.score("kind", q.kind == gq["kind"])
        if q.kind != gq["kind"]:
            t.errors.append(f"{rid} KIND {q.kind} for {gq['kind']}: {gq['text'][:60]!r}")
    for i, (ps, q) in enumerate(preds):
        if i in matched_pred:
            t.pred += 1
            t.pred_matched += 1
        elif any(
            coverage(ps, s) > QUOTE_COVER or overlap(ps, s) > (ps[1] - ps[0]) / 2 for s in ignored
        ):
            t.ignored += 1
        else:
            t.pred += 1
            who = q.speaker.name if q.speaker is not None else None
            t.errors.append(f"{rid} FP quote [{q.kind}] {who}: {_snippet(text, ps)!r}")


def score_figures(rid: str, text: str, g: dict[str, Any], figures: list[Any], t: Tally) -> None:
    golds = [(f, occurrences(text, f["text"], f.get("context"))) for f in g["figures"]]
    ignored = [s for x in g.get("ignore_figures", []) for s in occurrences(text, x)]
    matched_pred: set[int] = set()
    for gf, spans in golds:
        t.gold += 1
        hit = None
        for i, f in enumerate(figures):
            ps = (f.start, f.end)
            if any(overlap(ps, s) for s in spans) and values_equal(f.value, gf["value"]):
                matched_pred.add(i)
                hit = f if hit is None else hit
        if hit is None:
            near = [f.value for f in figures if any(overlap((f.start, f.end), s) for s in spans)]
            extra = f" (predicted value {near[0]:g})" if near else ""
            t.errors.append(
                f"{rid} MISS figure {gf['text']!r} = {gf['value']:g} {gf['unit']}{extra}"
            )
            continue
        t.gold_matched += 1
        unit_ok = norm_unit(hit.unit) == norm_unit(gf["unit"])
        t.score("unit", unit_ok)
        if not unit_ok:
            t.errors.append(f"{rid} UNIT {hit.unit!r} for {gf['unit']!r}: {gf['text']!r}")
        if gf["source"] != "*":
            src = hit.source
            name = None if src is None or src.kind == "unattributed" else src.name
            ok = names_match(name, gf["source"])
            t.score("source", ok)
            if not ok:
                t.errors.append(f"{rid} SOURCE {name!r} for {gf['source']!r}: {gf['text']!r}")
    for i, f in enumerate(figures):
        ps = (f.start, f.end)
        if i in matched_pred:
            t.pred += 1
            t.pred_matched += 1
        elif any(overlap(ps, s) for s in ignored):
            t.ignored += 1
        else:
            t.pred += 1
            t.errors.append(f"{rid} FP figure {_snippet(text, ps)!r} = {f.value:g} {f.unit}")


# ---------------------------------------------------------------- running


def load_jsonl(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {r["id"]: r for r in rows}


def run_extractor(reports_path: Path) -> dict[str, Any]:
    from corroborate import app
    from corroborate.config import Settings

    articles, summary = app.extract([str(reports_path)], Settings())
    done = {a.id: a for a in articles}
    if summary.failed:
        sys.exit(f"extraction failed for some reports: {summary.failed}")
    return done


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=Path, default=GOLD_DIR / "reports.jsonl")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR / "gold.jsonl")
    ap.add_argument("--errors", action="store_true", help="list misses and false positives")
    ap.add_argument("--json-only", action="store_true", help="print only the JSON summary")
    ap.add_argument("--validate", action="store_true", help="only check the gold set")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    reports, gold = load_jsonl(args.reports), load_jsonl(args.gold)
    problems = validate(reports, gold)
    if problems:
        print("gold set problems:", *problems, sep="\n  ", file=sys.stderr)
        return 2
    if args.validate:
        nq = sum(len(g["quotes"]) for g in gold.values())
        nf = sum(len(g["figures"]) for g in gold.values())
        print(f"gold ok: {len(gold)} reports, {nq} quotes, {nf} figures")
        return 0

    articles = run_extractor(args.reports)
    qt, ft = Tally(), Tally()
    for rid, g in gold.items():
        article = articles[rid]
        text = reports[rid]["text"]
        assert article.text == text, f"{rid}: extractor text differs from the report text"
        score_quotes(rid, text, g, list(article.quotes), qt)
        score_figures(rid, text, g, list(article.figures), ft)

    qp, qr, qf = qt.prf()
    fp, fr, ff = ft.prf()
    summary = {
        "reports": len(gold),
        "quotes": {
            "gold": qt.gold,
            "predicted": qt.pred,
            "ignored": qt.ignored,
            "precision": round(qp, 4),
            "recall": round(qr, 4),
            "f1": round(qf, 4),
            "speaker_accuracy": qt.accuracy("speaker"),
            "speaker_scored": qt.attr_scored["speaker"],
            "kind_accuracy": qt.accuracy("kind"),
            "recall_by_kind": {
                k: round(qt.by_kind_matched[k] / n, 4) for k, n in sorted(qt.by_kind.items())
            },
        },
        "figures": {
            "gold": ft.gold,
            "predicted": ft.pred,
            "ignored": ft.ignored,
            "precision": round(fp, 4),
            "recall": round(fr, 4),
            "f1": round(ff, 4),
            "unit_accuracy": ft.accuracy("unit"),
            "source_accuracy": ft.accuracy("source"),
            "source_scored": ft.attr_scored["source"],
        },
    }
    for part in ("quotes", "figures"):
        for key, val in summary[part].items():
            if isinstance(val, float):
                summary[part][key] = round(val, 4)

    if not args.json_only:
        print(f"extraction gold: {len(gold)} reports ({args.gold.relative_to(ROOT)})\n")
        print(f"{'':9} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}   attribute accuracy")
        print(
            f"{'quotes':9} {qt.gold:5d} {qt.pred:5d} {qp:6.3f} {qr:6.3f} {qf:6.3f}   "
            f"speaker {_fmt(qt.accuracy('speaker'))} (n={qt.attr_scored['speaker']}), "
            f"kind {_fmt(qt.accuracy('kind'))}"
        )
        print(
            f"{'figures':9} {ft.gold:5d} {ft.pred:5d} {fp:6.3f} {fr:6.3f} {ff:6.3f}   "
            f"unit {_fmt(ft.accuracy('unit'))}, source {_fmt(ft.accuracy('source'))} "
            f"(n={ft.attr_scored['source']})"
        )
        rec = ", ".join(f"{k} {v:.3f}" for k, v in summary["quotes"]["recall_by_kind"].items())
        print(f"\nquote recall by kind: {rec}")
        print(f"predictions on ignored spans: quotes {qt.ignored}, figures {ft.ignored}\n")
        if args.errors:
            print("quote errors:", *qt.errors, sep="\n  ")
            print("\nfigure errors:", *ft.errors, sep="\n  ")
            print()
    print(json.dumps(summary, indent=None if args.json_only else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
