"""Scale of the corpus stage: dedup + story/event grouping + alignment at 1k / 10k / 100k reports.

Reports are made from public text: PolNeAR news articles (`../shared/data/polnear/*.jsonl`,
research use only: read here at run time, never committed), varied by hand-written rules:

- each synthetic *event* takes one PolNeAR article as its base and a date; its reports take
  most sentences from the base (sampled, partly shuffled) and a few from other articles,
  under a headline made from the base title's words;
- copies: 15% exact duplicates (another outlet), 10% syndicated (new headline, a boilerplate
  line added), 5% trimmed (the last third cut);
- annotations are synthesised cheaply, not extracted: 4-6 entities (the event's names plus
  common names shared across events), 3 figures (event measures with noise and updates),
  2 claims and 1 quote (sentence spans).

Timed: `corpus.build_stories(..., embeddings=False)` (the lexical path: embedding computation is
excluded by design), plus `find_origins` on its own. Each size runs in a fresh process so peak
RSS (`resource.getrusage`) is that size's own; RSS includes the generated corpus itself.

    .venv/bin/python benchmarks/corpus_scale.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corroborate.config import Settings  # noqa: E402
from corroborate.corpus import build_stories  # noqa: E402
from corroborate.corpus.dedup import find_origins  # noqa: E402
from corroborate.model import Article, Claim, Entity, Figure, Quote, Source, Speaker  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
OUTLETS = [f"Outlet {i}" for i in range(40)]
BOILERPLATE = [
    "This article was provided by a wire agency and has not been edited by our staff.",
    "Read more: the latest political news from the campaign trail.",
    "Copyright 2016. All rights reserved. Republished under licence.",
]
MEASURES = ["people", "votes", "USD", "percent", "jobs", "settlements"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
EVENT_SIZE = 20  # reports per synthetic event, on average


def load_polnear() -> list[tuple[str, list[str]]]:
    """(title, sentences) for each distinct PolNeAR document."""
    docs: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(POLNEAR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["doc_id"] in docs:
                continue
            body = row["text"].split("\n", 1)[-1]  # the first line repeats the title
            sentences = [s.strip() for s in _SENTENCE.split(body) if len(s.split()) >= 5]
            if len(sentences) >= 8:
                docs[row["doc_id"]] = (row["title"], sentences)
    return [docs[k] for k in sorted(docs)]


def _article(
    rnd: random.Random, aid: str, title: str, sentences: list[str], day: date, names: list[str]
) -> Article:
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    text = "\n".join(paragraphs)
    article = Article(
        text, id=aid, title=title, outlet=rnd.choice(OUTLETS), published=day.isoformat()
    )
    for name in names:
        pos = rnd.randrange(max(1, len(text) - 10))
        label = rnd.choice(["PERSON", "ORG", "LOC"])
        article.entities.append(Entity(pos, pos + 5, label, canonical=name))  # type: ignore[arg-type]
    return article


def _annotate(rnd: random.Random, article: Article, event: dict, day: date) -> None:
    text = article.text
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+", text)]
    spans = [(s, e - 1) for s, e in zip(starts, [*starts[1:], len(text) + 1], strict=True)]
    for i, (s, e) in enumerate(spans[:2]):
        article.claims.append(Claim(s, e, 0.9, Source(event["names"][i % 4], "person")))
    if len(spans) > 2:
        s, e = spans[2]
        article.quotes.append(
            Quote(s, e, "direct", Speaker(rnd.choice(event["names"][:2]), s, s + 3))
        )
    for k, measure in enumerate(event["measures"]):
        base = event["values"][k]
        drift = (day - event["day"]).days * 0.03  # later reports: updated figures
        value = round(base * (1 + drift + rnd.choice([0.0, 0.0, 0.0, 0.2])))
        s, e = spans[min(k, len(spans) - 1)]
        article.figures.append(
            Figure(
                s,
                min(e, s + 6),
                float(value),
                measure,
                measure=measure,
                source=Source(event["names"][k % 4], "person"),
            )
        )


def make_corpus(n: int, seed: int = 7) -> tuple[list[Article], dict[str, int]]:
    """`n` reports and the synthetic event of each (for a sanity score)."""
    rnd = random.Random(seed)
    docs = load_polnear()
    common = [f"Common Name {i}" for i in range(200)]
    events = []
    start = date(2016, 1, 1)
    for e in range(max(1, n // EVENT_SIZE)):
        title, _ = docs[e % len(docs)]
        events.append(
            {
                "base": e % len(docs),
                # events that reuse a base text (there are 924) are >= 40 days apart, beyond
                # the event window: the same text on the same days would be one event
                "day": start + timedelta(days=(e // len(docs)) * 140 + rnd.randrange(100)),
                "names": [
                    f"Event{e} Person",
                    f"Event{e} Agency",
                    f"Event{e} City",
                    f"Event{e} Group",
                ],
                "measures": rnd.sample(MEASURES, 3),
                "values": [rnd.randrange(50, 200_000) for _ in range(3)],
                "title": title,
            }
        )
    articles: list[Article] = []
    gold: dict[str, int] = {}
    by_event: dict[int, list[Article]] = {}
    for i in range(n):
        e = rnd.randrange(len(events))
        event = events[e]
        day = event["day"] + timedelta(days=rnd.choice([0, 0, 1, 1, 2, 3, 5]))
        aid = f"a{i:06d}"
        earlier = by_event.get(e, [])
        roll = rnd.random()
        if earlier and roll < 0.30:
            src = rnd.choice(earlier)
            text, title = src.text, src.title or ""
            if roll < 0.15:  # exact copy elsewhere
                pass
            elif roll < 0.25:  # syndicated: new headline and boilerplate
                words = title.split()
                rnd.shuffle(words)
                title = " ".join(words)
                text = text + "\n" + rnd.choice(BOILERPLATE)
            else:  # trimmed
                paragraphs = text.split("\n")
                text = "\n".join(paragraphs[: max(1, 2 * len(paragraphs) // 3)])
            article = Article(
                text, id=aid, title=title, outlet=rnd.choice(OUTLETS), published=day.isoformat()
            )
            article.entities = list(src.entities)
        else:
            _, base = docs[event["base"]]
            own = rnd.sample(base, min(len(base), rnd.randrange(8, 13)))
            own.sort(key=base.index)
            if rnd.random() < 0.5:  # sentence shuffle inside the lead
                head = own[:4]
                rnd.shuffle(head)
                own[:4] = head
            for _ in range(rnd.randrange(2, 5)):
                _, other = docs[rnd.randrange(len(docs))]
                own.insert(rnd.randrange(len(own) + 1), rnd.choice(other))
            words = re.findall(r"\w+", event["title"])
            title = " ".join(rnd.sample(words, min(len(words), rnd.randrange(5, 9))))
            names = event["names"][: rnd.randrange(2, 5)] + rnd.sample(common[:40], 1)
            names += rnd.sample(common, rnd.randrange(0, 2))
            article = _article(rnd, aid, title, own, day, names)
        _annotate(rnd, article, event, day)
        articles.append(article)
        gold[aid] = e
        by_event.setdefault(e, []).append(article)
    return articles, gold


def _pairs(sizes: Counter[object]) -> int:
    return sum(c * (c - 1) // 2 for c in sizes.values())


def event_f1(gold: dict[str, int], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise F1 from contingency counts: O(n), fine at 100k."""
    both = Counter((gold[i], predicted[i]) for i in gold)
    tp = _pairs(both)
    pp = _pairs(Counter(predicted[i] for i in gold))
    gp = _pairs(Counter(gold.values()))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_one(n: int) -> dict[str, object]:
    t0 = time.perf_counter()
    articles, gold = make_corpus(n)
    made = time.perf_counter() - t0
    t1 = time.perf_counter()
    dedup = find_origins(articles)
    dedup_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    c2 = _cpu()
    stories, events = build_stories(articles, Settings(), embeddings=False)
    total_s = time.perf_counter() - t2
    cpu_s = _cpu() - c2
    event_of = {i: s.event for s in stories for i in s.article_ids}
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "origins": len(dedup.origins),
        "stories": len(stories),
        "events": len(events),
        "figure_groups": sum(len(e.figures) for e in events),
        "claim_groups": sum(len(s.claims) for s in stories),
        "generate_s": round(made, 1),
        "dedup_s": round(dedup_s, 2),
        "build_stories_s": round(total_s, 2),
        "articles_per_s": round(n / total_s, 1),
        # on a shared 2-core VM the wall clock includes waiting for the CPU; CPU time does not
        "build_stories_cpu_s": round(cpu_s, 2),
        "articles_per_cpu_s": round(n / cpu_s, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "synthetic_event_pairwise": event_f1(gold, event_of),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"{POLNEAR} is absent: this benchmark reads PolNeAR text from ../shared")
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(
        f"# {platform.machine()} Python {platform.python_version()} {date.today()} "
        f"load average at start: {' '.join(load)}"
    )
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
