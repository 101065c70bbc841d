"""Speed of the figures stage on generated ~600-word news articles.

    .venv/bin/python benchmarks/figures.py [--articles 200] [--seed 0] [--runs 3]
        [--figure-share 0.12]
    .venv/bin/python benchmarks/figures.py --polnear ../shared/data/polnear/polnear_dev.jsonl \
        --sample 50 --seed 23      # print a random sample of figures to hand-check

Times `extract_figures` alone (segmentation and parsing are done first and reported beside
it, so the cost of the stage itself is visible). The parse is the shipped pipeline when its
model is installed, else a blank spaCy tokenizer (the figures stage then uses its own lexicons).
The articles are generated from templates: plain prose, quotes, dates, ages and names mixed
with figure sentences in every form the extractor handles, about one figure per 60 words.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from corroborate.extract.figures import extract_figures
from corroborate.nlp import segment

NAMES = ["Oleksandr Syrskyi", "Maria Kowalska", "John Peters", "Ana Lopez", "Kira Rudik"]
TITLES = ["the army chief", "the regional governor", "Defence Minister", "MP", "spokeswoman"]
PLACES = ["the Kursk region", "Kharkiv", "the Donetsk region", "Sumy", "Belgorod"]
FIGURES = [
    "According to {title} {name}, troops seized {n} square kilometres of territory in the past "
    "24 hours.",
    "Furthermore, the army now controls {n} settlements in {place}.",
    "Local reports indicate that {big} people have already been evacuated, and another {n2} are "
    "in the process of leaving.",
    "Officials said at least {n} civilians were killed and {n2} injured on {weekday}.",
    "The brigade took {n} prisoners near {place}, {name} said.",
    "The EU pledged €{f} billion in military aid on {weekday}.",
    "Some {big} residents fled {place} over the weekend.",
    "Turnout was {pct}%, according to the electoral commission.",
    "Between {n} and {n3} soldiers were captured since Monday.",
    "The death toll rose to {n}.",
    "Air defences destroyed {n} drones overnight, the military said.",
    "The fire burned {n} square miles of forest.",
    "Nearly two and a half million people have left the country since the start of the war.",
]
FILLER = [
    "The move has raised questions about the strategy of the government in {place}.",
    "Analysts said the situation remained tense as talks stalled for a second week.",
    "{name}, {age}, told reporters: “We will not stop until the job is done.”",
    "The offensive, which began on Aug {day}, caught many observers by surprise.",
    "In 2024 the conflict entered its third year, and few expect it to end soon.",
    "One small mistake could lead to a wider war, diplomats warned.",
    "A {age}-year-old man was among those detained after the protest.",
    "Lot 10 deliveries of F-16 jets to eight nations remain under wraps.",
    "The Boeing 737 carrying the delegation landed at 9:30 on Tuesday.",
    "It was the first time in two and a half years that the front line had moved so quickly.",
    "Critics say the second- and third-order consequences have not been thought through.",
    "For details call 555-1234 or visit the ministry website.",
    "The war began over two years ago and has reshaped the politics of the whole region.",
    "Residents described long queues at petrol stations and shops that had run out of bread.",
    "Western officials have urged restraint while promising continued support for Kyiv.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_article(rng: random.Random, words: int = 600, figure_share: float = 0.12) -> str:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            pool = FIGURES if rng.random() < figure_share else FILLER
            sentence = rng.choice(pool).format(
                name=rng.choice(NAMES), title=rng.choice(TITLES), place=rng.choice(PLACES),
                n=rng.randint(2, 400), n2=rng.randint(2, 90), n3=rng.randint(401, 900),
                big=f"{rng.randint(1, 300):,}{rng.choice([',000', ',500', ''])}",
                f=round(rng.uniform(0.5, 9.5), 1), pct=rng.randint(20, 80),
                weekday=rng.choice(WEEKDAYS), age=rng.randint(20, 80), day=rng.randint(1, 28),
            )  # fmt: skip
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def _parser() -> tuple[str, Callable[[str], Any], Callable[[str, Any], list[Any]]]:
    try:
        from corroborate.nlp.pipeline import MODEL_DIR

        if MODEL_DIR.exists():
            from corroborate.extract.entities import extract_entities
            from corroborate.nlp import parse

            return "news_en (shipped model)", parse, extract_entities
    except ImportError:
        pass
    import spacy

    return "spacy.blank('en') tokenizer, no entities", spacy.blank("en"), lambda t, d: []


def polnear_sample(path: str, n: int, seed: int) -> None:
    """Print `n` random figures from the PolNeAR texts, with their sentences, to hand-check."""
    import json

    _, parse, entities = _parser()
    seen: set[str] = set()
    found: list[tuple[str, Any]] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["doc_id"] in seen:
                continue
            seen.add(record["doc_id"])
            text = record["text"]
            paragraphs, sentences = segment(text)
            doc = parse(text)
            published = record.get("publication_date")
            for f in extract_figures(
                text, doc, sentences, entities(text, doc), published, paragraphs=paragraphs
            ):
                sent = next(s for s in sentences if s.start <= f.start < s.end)
                found.append((" ".join(sent.of(text).split()), f))
    print(f"{len(seen)} documents, {len(found)} figures; a sample of {n} (seed {seed}):")
    for k, (sentence, f) in enumerate(random.Random(seed).sample(found, min(n, len(found)))):
        value = f"{f.value:g}" + (f"-{f.value_max:g}" if f.value_max is not None else "")
        print(
            f"[{k}] {value} {f.unit} q={f.qualifier} counted={f.counted!r} "
            f"measure={f.measure} source={f.source.name}/{f.source.kind}"
        )
        print(f"     {sentence[:300]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--figure-share",
        type=float,
        default=0.12,
        help="share of sentences that carry figures (0.12 ≈ a wire report; 0.3 is dense)",
    )
    ap.add_argument("--polnear", help="a PolNeAR JSONL file: print a sample to hand-check")
    ap.add_argument("--sample", type=int, default=50)
    args = ap.parse_args()
    if args.polnear:
        polnear_sample(args.polnear, args.sample, args.seed)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    rng = random.Random(args.seed)
    texts = [make_article(rng, figure_share=args.figure_share) for _ in range(args.articles)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    parser_name, parse, entities = _parser()

    t0 = time.perf_counter()
    segmented = [segment(t) for t in texts]
    t1 = time.perf_counter()
    docs = [parse(t) for t in texts]
    ents = [entities(t, d) for t, d in zip(texts, docs, strict=True)]
    t2 = time.perf_counter()
    wall: list[float] = []
    cpu: list[float] = []
    n_figures = 0
    for _ in range(args.runs):
        w0, c0 = time.perf_counter(), time.process_time()
        n_figures = 0
        for text, doc, (paragraphs, sentences), e in zip(texts, docs, segmented, ents, strict=True):
            found = extract_figures(text, doc, sentences, e, "2024-08-15", paragraphs=paragraphs)
            n_figures += len(found)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    w, c = statistics.median(wall), statistics.median(cpu)

    n = len(texts)
    print(f"machine: {platform.machine()} {platform.system()}, python {platform.python_version()}")
    print(f"parser: {parser_name}")
    print(
        f"articles: {n}, mean words: {words:.0f}, figures found: {n_figures} "
        f"({n_figures / n:.1f} per article)"
    )
    print(f"segment:          {1000 * (t1 - t0) / n:7.2f} ms/article")
    print(f"parse + entities: {1000 * (t2 - t1) / n:7.2f} ms/article")
    print(
        f"figures stage:    {1000 * c / n:7.2f} ms CPU/article = {n / c:.0f} articles/s per "
        f"CPU second (wall-clock {n / w:.0f}/s), median of {args.runs} runs"
    )


if __name__ == "__main__":
    main()
