"""The reference distribution of the sourcing profile on public news text (issue 6).

Runs the full per-article extraction over PolNeAR articles (US 2016 election news from many
outlets; research-only, read here and never committed) and writes the percentiles of each
numeric profile field to `corroborate/extract/lexicons/reference_profile.json`: numbers only,
no text. Reports show each report's profile next to this reference.

    .venv/bin/python benchmarks/profile_reference.py [--limit 300]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from datetime import date
from pathlib import Path

from corroborate.extract.pipeline import analyse_many
from corroborate.model import Article

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "corroborate" / "extract" / "lexicons" / "reference_profile.json"
PERCENTILES = (10, 25, 50, 75, 90)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    seen: set[str] = set()
    articles = []
    for name in ("polnear_train.jsonl", "polnear_dev.jsonl"):
        for line in (args.data / "polnear" / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["doc_id"] in seen:
                continue
            seen.add(record["doc_id"])
            text = "\n".join(p.strip() for p in record["text"].split("\n") if p.strip())
            articles.append(
                Article(
                    text=text,
                    title=record["title"],
                    published=record.get("publication_date"),
                    outlet=record.get("publisher"),
                )
            )
    articles = sorted(articles, key=lambda a: a.id)[: args.limit]
    started = time.perf_counter()
    profiles = [a.profile for a in analyse_many(articles)]
    elapsed = time.perf_counter() - started
    fields: dict[str, dict[str, float]] = {}
    for key in profiles[0]:
        values = [
            p[key]
            for p in profiles
            if isinstance(p.get(key), int | float) and not isinstance(p.get(key), bool)
        ]
        if len(values) < 10:
            continue
        cuts = statistics.quantiles(values, n=100, method="inclusive")
        fields[key] = {f"p{q}": round(cuts[q - 1], 3) for q in PERCENTILES}
        fields[key]["mean"] = round(statistics.fmean(values), 3)
    reference = {
        "corpus": "PolNeAR (US 2016 election news, train+dev), research use; numbers only",
        "articles": len(profiles),
        "date": date.today().isoformat(),
        "command": "python benchmarks/profile_reference.py --limit " + str(args.limit),
        "fields": fields,
    }
    OUT.write_text(json.dumps(reference, indent=2) + "\n", encoding="utf-8")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(profiles)} articles in {elapsed:.1f}s = {len(profiles) / elapsed:.1f} "
        f"articles/s; peak RSS {rss:.0f} MB; wrote {OUT}"
    )
    for key, cuts in fields.items():
        print(f"  {key:32} " + "  ".join(f"{k}={v}" for k, v in cuts.items()))


if __name__ == "__main__":
    main()
