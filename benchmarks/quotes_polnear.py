"""Quote extraction and speaker attribution on PolNeAR (research-only data, read at run time).

    .venv/bin/python benchmarks/quotes_polnear.py [--split dev] [--limit N] [--errors K]

Gold: the attributions of the primary annotation of each document whose cue is a speech verb
by our cue lexicon (`corroborate.extract.cues.is_speech_cue`; "according to" included).
Predictions: our quotes, minus those that lie inside another predicted quote (a mixed quote
inside the indirect quote of the same sentence is one attribution, not two).

- A predicted quote *matches* a gold attribution when it covers more than 30% of the gold
  content's characters; matching is one-to-one, best coverage first.
- Precision: matched / predictions, where a prediction that matches no speech attribution but
  covers > 30% of a non-speech attribution (a belief, an intention) is left out rather than
  counted wrong: the corpus annotates those too, with cues outside our lexicon.
- Speaker accuracy, over matched quotes whose gold attribution has a source: the predicted
  speaker's mention overlaps the gold source span, or its resolved name shares a word with the
  source text; when the gold source is a relative pronoun ("Barkley, who said ..."), our
  speaker must be its antecedent, ending right before it. A quote with no speaker is wrong.
- Fragments: a prediction that is mostly inside a gold content already matched (the second
  half of “A,” he said. “B.”, which the corpus annotates as one attribution) is not counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corroborate.extract.cues import is_speech_cue  # noqa: E402
from corroborate.extract.entities import extract_entities  # noqa: E402
from corroborate.extract.quotes import extract_quotes  # noqa: E402
from corroborate.extract.transcripts import with_transcripts  # noqa: E402
from corroborate.model import Quote  # noqa: E402
from corroborate.nlp import parse as nlp_parse  # noqa: E402
from corroborate.nlp import segment as nlp_segment  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polnear"


def _ranges(spans: list[list[int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _outer(quotes: list[Quote]) -> list[Quote]:
    out = []
    for q in quotes:
        if any(
            o is not q
            and o.start <= q.start
            and q.end <= o.end
            and (o.end - o.start) > (q.end - q.start)
            for o in quotes
        ):
            continue
        out.append(q)
    return out


def _parse(text: str, use_parser: bool = True) -> tuple[Any, list[Any], list[Any], list[Any]]:
    doc = None
    if use_parser:
        try:
            doc = nlp_parse(text)
        except Exception:  # the trained model is optional for this benchmark
            doc = None
    entities = extract_entities(text, doc) if doc is not None else []
    paragraphs, sentences = nlp_segment(text)
    return doc, sentences, entities, paragraphs


def speaker_ok(text: str, speaker: Any, gold: dict[str, Any]) -> bool:
    """Is `speaker` (a quote's speaker or a figure's source: `name`, `start`, `end`) the gold
    attribution's source? See the module's docstring."""
    src = gold.get("source") or []
    if speaker is None:
        return False
    sp = speaker
    if sp.start is not None and sp.end is not None:
        if any(sp.start < e and s < sp.end for s, e in src):
            return True
        if gold.get("source_text", "").lower() in {"who", "which", "that"}:
            # a relative pronoun: our speaker is its antecedent, just before it
            return any(0 <= s - sp.end <= 3 for s, _ in src)
    src_words = {w.lower() for s, e in src for w in re.findall(r"\w+", text[s:e])}
    name_words = {w.lower() for w in re.findall(r"\w+", sp.name or "")}
    name_words -= {"the", "a", "an", "of", "mr", "ms", "mrs"}
    return bool(src_words & name_words)


def load_records(split: str, limit: int = 0) -> list[dict[str, Any]]:
    """The primary annotation of each PolNeAR document of `split` (the first `limit`, when
    given); exits with a message when the corpus is not beside the repository."""
    path = DATA / f"polnear_{split}.jsonl"
    if not path.exists():
        sys.exit(f"{path} is missing: this benchmark needs ../shared/data/polnear")
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    records = [r for r in records if r.get("primary", True)]
    return records[:limit] if limit else records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument(
        "--no-parser", action="store_true", help="no tags or entities: the rules' fallback"
    )
    args = ap.parse_args()
    records = load_records(args.split, args.limit)
    tp = fp = fn = ignored = fragments = spk_ok = no_source = 0
    fn_cues: dict[str, int] = {}
    n_gold = 0
    quote_cpu = 0.0
    n_words = 0
    errors: dict[str, list[str]] = {"fp": [], "fn": [], "speaker": []}
    t0 = time.perf_counter()
    for rec in records:
        text = rec["text"]
        golds = [a for a in rec["attributions"] if a.get("content")]
        speech = [a for a in golds if is_speech_cue(a.get("cue_text") or "")]
        other = [a for a in golds if a not in speech]
        n_gold += len(speech)
        doc, sentences, entities, paragraphs = _parse(text, not args.no_parser)
        t_q = time.process_time()
        # as the pipeline runs it: with interview answers and transcript turns
        found = with_transcripts(
            text, paragraphs, entities, extract_quotes(text, doc, sentences, entities)
        )
        quote_cpu += time.process_time() - t_q
        n_words += len(text.split())
        preds = _outer(found)
        gsets = [_ranges(a["content"]) for a in speech]
        pairs = []
        for pi, q in enumerate(preds):
            qs = set(range(q.start, q.end))
            for gi, g in enumerate(gsets):
                cov = len(qs & g) / max(1, len(g))
                if cov > 0.3:
                    pairs.append((cov, pi, gi))
        pairs.sort(reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, pi, gi in pairs:
            if pi in used_p or gi in used_g:
                continue
            used_p.add(pi)
            used_g.add(gi)
            tp += 1
            if not speech[gi].get("source"):
                no_source += 1  # nothing to check the speaker against
            elif speaker_ok(text, preds[pi].speaker, speech[gi]):
                spk_ok += 1
            elif len(errors["speaker"]) < args.errors:
                sp = preds[pi].speaker
                got = sp and (sp.name, text[sp.start : sp.end])
                errors["speaker"].append(
                    f"gold {speech[gi].get('source_text')!r} pred {got!r}"
                    f" :: {text[preds[pi].start : preds[pi].end][:100]!r}"
                )
        osets = [_ranges(a["content"]) for a in other]
        for pi, q in enumerate(preds):
            if pi in used_p:
                continue
            qs = set(range(q.start, q.end))
            if any(len(qs & g) / max(1, len(g)) > 0.3 for g in osets):
                ignored += 1
                continue
            if any(len(qs & gsets[gi]) > 0.5 * len(qs) for gi in used_g):
                fragments += 1  # a piece of an attribution already matched: “A,” he said. “B.”
                continue
            fp += 1
            if len(errors["fp"]) < args.errors:
                lo = max(0, q.start - 80)
                errors["fp"].append(
                    f"{q.kind} {text[lo : q.start]!r} [[{text[q.start : q.end][:120]!r}]]"
                )
        for gi, a in enumerate(speech):
            if gi not in used_g:
                fn += 1
                key = f"{(a.get('cue_text') or '').lower()} q={a.get('content_has_quote_marks')}"
                fn_cues[key] = fn_cues.get(key, 0) + 1
                if len(errors["fn"]) < args.errors:
                    s = a["content"][0][0]
                    e = a["content"][-1][1]
                    lo = max(0, min(s, a["cue"][0][0] if a.get("cue") else s) - 60)
                    context = text[lo : e + 20][:260]
                    errors["fn"].append(
                        f"{a.get('source_text')!r} {a.get('cue_text')!r} "
                        f"q={a.get('content_has_quote_marks')} :: {context!r}"
                    )
    elapsed = time.perf_counter() - t0
    p = tp / max(1, tp + fp)
    r = tp / max(1, n_gold)
    f1 = 2 * p * r / max(1e-9, p + r)
    acc = spk_ok / max(1, tp - no_source)
    if args.errors:
        print(sorted(fn_cues.items(), key=lambda kv: -kv[1])[:25])
    for kind, items in errors.items():
        for item in items:
            print(f"[{kind}] {item}")
    print(
        f"PolNeAR {args.split}: {len(records)} docs, {n_gold} speech attributions; "
        f"P {p:.3f} R {r:.3f} F1 {f1:.3f}; speaker accuracy {acc:.3f} ({spk_ok}/{tp - no_source}); "
        f"ignored (non-speech matches) {ignored}, fragments {fragments}; {elapsed:.1f}s; "
        f"extract_quotes {1000 * quote_cpu / max(1, len(records)):.1f} ms CPU/article "
        f"({n_words / max(1, len(records)):.0f} words/article)"
    )


if __name__ == "__main__":
    main()
