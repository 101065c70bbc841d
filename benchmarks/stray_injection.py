"""Stray-text detection on public news text with stray lines injected (issue 6).

PolNeAR articles (US 2016 election news, research-only: read here, never committed) get a
headline from ANOTHER article pasted between two of their paragraphs, or a "Read also:"
teaser, or a photo credit. We measure recall (the injected line is flagged `stray_text`)
and the false-flag rate (a clean article gets any `stray_text` flag).

    .venv/bin/python benchmarks/stray_injection.py [--limit 300] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from pathlib import Path

from corroborate import nlp
from corroborate.extract.entities import extract_entities
from corroborate.extract.structure import structure_flags

ROOT = Path(__file__).resolve().parents[1]


def load(data: Path) -> list[dict[str, str]]:
    docs = []
    for name in ("polnear_dev.jsonl", "polnear_train.jsonl"):
        seen = set()
        for line in (data / "polnear" / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["doc_id"] in seen:
                continue  # one record per annotator; the text is the same
            seen.add(record["doc_id"])
            docs.append({"id": record["doc_id"], "title": record["title"], "text": record["text"]})
    return docs


def strays(text: str, title: str) -> list[tuple[int, int]]:
    paragraphs, _ = nlp.segment(text)
    doc = nlp.parse(text)
    entities = extract_entities(text, doc)
    return [
        (f.start, f.end)
        for f in structure_flags(text, paragraphs, entities, doc, title=title)
        if f.kind == "stray_text"
    ]


def inject(text: str, line: str, rng: random.Random) -> tuple[str, int, int] | None:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) < 4:
        return None
    at = rng.randrange(2, len(paragraphs) - 1)
    before = "\n".join(paragraphs[:at]) + "\n"
    new = before + line + "\n" + "\n".join(paragraphs[at:])
    return new, len(before), len(before) + len(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rng = random.Random(13)
    docs = load(args.data)
    rng.shuffle(docs)
    docs = docs[: args.limit]
    started = time.perf_counter()
    clean_flagged = 0
    found = {"headline": [0, 0], "teaser": [0, 0], "caption": [0, 0]}
    false_examples: list[str] = []
    missed: list[str] = []
    for i, doc in enumerate(docs):
        # PolNeAR separates paragraphs with blank lines; use one paragraph per line, as the
        # injected copies do, so both runs read the same layout.
        text = "\n".join(p.strip() for p in doc["text"].split("\n") if p.strip())
        hits = strays(text, doc["title"])
        if hits:
            clean_flagged += 1
            false_examples.extend(text[s:e][:90] for s, e in hits[:1])
        other = docs[(i + 1 + rng.randrange(len(docs) - 1)) % len(docs)]
        lines = {
            "headline": other["title"].rstrip("."),
            "teaser": f"Read also: {other['title'].rstrip('.')}",
            "caption": "Photo: Jane Doe/Getty Images",
        }
        for kind, line in lines.items():
            injected = inject(text, line, rng)
            if injected is None:
                continue
            new_text, start, end = injected
            found[kind][1] += 1
            if any(s <= start and e >= end - 1 for s, e in strays(new_text, doc["title"])):
                found[kind][0] += 1
            elif len(missed) < 12:
                missed.append(f"{kind}: {line[:90]}")
    elapsed = time.perf_counter() - started
    print(
        f"articles: {len(docs)}  seconds: {elapsed:.1f}  "
        f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print(
        f"false stray flag on clean reports: {clean_flagged}/{len(docs)} "
        f"= {clean_flagged / len(docs):.1%}"
    )
    for kind, (hit, total) in found.items():
        print(f"recall, injected {kind}: {hit}/{total} = {hit / max(1, total):.1%}")
    for example in false_examples[:10]:
        print(f"  false flag: {example!r}")
    for example in missed:
        print(f"  missed {example!r}")


if __name__ == "__main__":
    main()
