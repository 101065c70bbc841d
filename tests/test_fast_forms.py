"""The faster forms of a few text tests give exactly what the plain regexes they replace give."""

from __future__ import annotations

import json
import re
from operator import itemgetter
from pathlib import Path

from corroborate.extract.cues import _CUE_WORD_RE, FORM_TO_LEMMA
from corroborate.extract.loaded import _lexicon
from corroborate.extract.structure import _as_words
from corroborate.nlp import checkworthy

TRICKY = [
    "",
    "I",
    "Per cent",
    "5 per cent.",
    "super cent per centime",
    "per  cent",
    "percent2 and 3percent",
    "MORE moré more_ _more",
    "dozens, dozen's and a Dozen",
    "x$y €",
    "İ said; iı; We’re; said-so",
    "Said the SAID, Says; telling—tells",
    "“Clinton’s” clinton Hillary-Clinton O'Clinton",
    "Utterly catastrophic, shattered and SHATTERS; thug-like",
]


def _texts(sample_dir: Path) -> list[str]:
    lines = (sample_dir / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines] + TRICKY


def _surface_reference(text: str) -> list[float]:
    """`checkworthy.surface_features` as the regexes it was trained with."""
    low, words, stripped = text.lower(), text.split(), text.strip()
    number = (
        r"\b(hundred|thousand|million|billion|trillion|percent|per cent|half|twice|double|"
        r"triple|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
        r"forty|fifty|sixty|seventy|eighty|ninety|dozens?)\b"
    )
    currency = r"[%$€£¥]|\b(percent|per cent|dollars?|euros?|pounds?)\b"
    comparative = (
        r"\b(more|less|fewer|higher|lower|most|least|largest|biggest|highest|lowest|than|"
        r"increased?|decreased?|rose|fell|doubled|tripled)\b"
    )
    reporting = (
        r"\b(said|says|according|reported|announced|confirmed|found|showed|estimated|told)\b"
    )
    person = r"\b(i|we|you|my|our|your|us|me)\b"
    capitalised = sum(map(str.isupper, map(itemgetter(0), words[1:])))
    return [
        float(any(map(str.isdigit, text))),
        float(bool(re.search(currency, low))),
        float(bool(re.search(number, low))),
        float(bool(re.search(comparative, low))),
        float(bool(re.search(reporting, low))),
        float(bool(re.search(r"\b(1[89]|20)\d\d\b", text))),
        float(stripped.endswith("?")),
        float(stripped.endswith("!")),
        float(bool(re.search(person, low))),
        min(len(words), 60) / 60.0,
        float(len(words) <= 4),
        capitalised / max(len(words), 1),
    ]


def test_surface_features_match_the_regexes(sample_dir: Path) -> None:
    for text in _texts(sample_dir):
        for line in [text, *text.split("\n")]:
            assert checkworthy.surface_features(line) == _surface_reference(line)


def test_as_words_matches_findall(sample_dir: Path) -> None:
    texts = _texts(sample_dir)
    phrases = {w.lower() for t in texts[:5] for w in re.findall(r"[A-Z]\w+", t)}
    for phrase in [*sorted(phrases)[:60], "clinton", "said", "per cent", "'s"]:
        pattern = rf"(?<![\w'’]){re.escape(phrase)}(?!\w)"
        for text in texts:
            assert _as_words(phrase, text) == re.findall(pattern, text, re.IGNORECASE)


def test_loaded_lexicon_alternation_matches_the_flat_one(sample_dir: Path) -> None:
    combined, each = _lexicon()
    # the terms in order, each as written in `each` (its pattern is `(?:term)\Z`)
    flat = re.compile(r"\b(?:" + "|".join(p.pattern[3:-3] for p, _, _ in each) + r")\b", re.I)
    for text in _texts(sample_dir):
        assert [m.span() for m in combined.finditer(text)] == [
            m.span() for m in flat.finditer(text)
        ]


def test_cue_word_pattern_finds_the_cue_forms(sample_dir: Path) -> None:
    for text in _texts(sample_dir):
        expected = [
            m.span() for m in re.finditer(r"[A-Za-z]+", text) if m.group().lower() in FORM_TO_LEMMA
        ]
        assert [m.span() for m in _CUE_WORD_RE.finditer(text)] == expected
