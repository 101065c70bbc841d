"""Claims: which sentences become claims, their attribution, hedging and links."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.extract.claims import CHECKWORTHY_THRESHOLD, extract_claims, is_hedged
from corroborate.extract.quotes import extract_quotes
from corroborate.model import Figure, Source, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _sentences(text: str) -> list[Span]:
    from corroborate.nlp import segment

    return segment(text)[1]


def _claims(text: str, scores: list[float] | None = None, figures: list[Figure] | None = None):
    sentences = _sentences(text)
    quotes = extract_quotes(text, None, sentences, [])
    scores = scores if scores is not None else [0.9] * len(sentences)
    return extract_claims(text, sentences, [], quotes, figures or [], scores), quotes


def _claim_for(text: str, fragment: str, **kw):  # type: ignore[no-untyped-def]
    claims, quotes = _claims(text, **kw)
    hits = [c for c in claims if fragment in text[c.start : c.end]]
    assert hits, f"no claim contains {fragment!r}"
    return hits[0], quotes


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops reportedly crossed the border overnight.",
        "The dam may fail within days.",
        "The strike could cost the region 40 million euros.",
        "Sources say 40 soldiers were captured.",
        "It is believed that the convoy turned back.",
        "The fire appears to have started in the kitchen.",
        "The evidence suggests the ship was sabotaged.",
        "Rebels allegedly seized the airport.",
        "Prices are likely to rise again in spring.",
    ],
)
def test_hedged(sentence: str) -> None:
    assert is_hedged(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine now controls 72 settlements in the region.",
        "The bridge was closed on May 5 after the flood.",
        "The army could not hold the town.",
        "121,000 people have been evacuated.",
    ],
)
def test_not_hedged(sentence: str) -> None:
    assert not is_hedged(sentence)


def test_threshold_questions_and_headings_are_not_claims() -> None:
    text = (
        "Flood defences in the north\n"
        "The river rose by two metres overnight.\n"
        "Will the dam hold?\n"
        "The weather was grey.\n"
    )
    sentences = _sentences(text)
    scores = [0.9, 0.9, 0.9, 0.1]
    claims = extract_claims(text, sentences, [], [], [], scores)
    got = [text[c.start : c.end] for c in claims]
    assert got == ["The river rose by two metres overnight."]
    assert claims[0].checkworthy == pytest.approx(0.9)
    assert claims[0].attribution == Source(None, "unattributed")
    assert 0.0 < CHECKWORTHY_THRESHOLD < 1.0


def test_attribution_from_a_quote_in_the_sentence_and_quote_links() -> None:
    text = "Fire chief Dana Moss said that the blaze destroyed 14 homes.\n"
    claim, quotes = _claim_for(text, "blaze destroyed")
    assert claim.attribution.kind == "person"
    assert claim.attribution.name == "Dana Moss"
    assert claim.attribution.title == "Fire chief"
    assert claim.quotes == [0] and len(quotes) == 1
    assert not claim.hedged


def test_attribution_to_a_report_and_figure_links() -> None:
    text = "Local reports indicate that 300 families have left the valley.\n"
    start = text.index("300")
    figure = Figure(start, start + 3, 300.0, "people")
    claim, _ = _claim_for(text, "300 families", figures=[figure])
    assert claim.attribution.kind == "report"
    assert claim.figures == [0]


def test_according_to_is_carried_into_the_next_sentence_of_the_account() -> None:
    text = (
        "According to army chief Olek Marr, the brigade advanced 12 kilometres in a day. "
        "Furthermore, it now holds 9 villages near the river.\n"
        "The weather turned cold.\n"
    )
    claim, _ = _claim_for(text, "9 villages")
    assert claim.attribution.name == "Olek Marr"
    cold, _ = _claim_for(text, "turned cold")
    assert cold.attribution.kind == "unattributed"


def test_unattributed_and_hedged_claim() -> None:
    text = "Dozens of civilians were reportedly killed in the strike.\n"
    claim, _ = _claim_for(text, "civilians")
    assert claim.attribution.kind == "unattributed"
    assert claim.hedged


def _seed(prefix: str) -> str:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the seed reports live in ../shared (CI has it)")
    files = sorted(folder.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"no seed {prefix}_*.txt in {folder}")
    return files[0].read_text(encoding="utf-8")


def test_first_seed_claims_are_attributed() -> None:
    text = _seed("000")
    claims, _ = _claims(text)
    by_fragment = {
        "additional 40 square": "Oleksandr Syrskyi",
        "72 settlements": "Oleksandr Syrskyi",
        "121,000 people": "local reports",
        "has stated that Ukraine": "Georgiy Tykhy",
    }
    for fragment, name in by_fragment.items():
        hits = [c for c in claims if fragment in text[c.start : c.end]]
        assert hits, fragment
        assert hits[0].attribution.name == name, (fragment, hits[0].attribution)
    headings = [c for c in claims if text[c.start : c.end].strip() == "Conclusion"]
    assert headings == []


def test_a_claim_takes_the_source_its_figure_carries() -> None:
    # the figure stage carried the statistics office to the second sentence's figure; the
    # claim holding that figure is attributed the same way
    text = (
        "Consumer prices rose 0.3% in May, the statistics office said. "
        "Over the year, prices increased 2.5%.\n"
    )
    start = text.index("2.5%")
    figure = Figure(
        start, start + 4, 2.5, "percent", source=Source("statistics office", "organisation")
    )
    claim, _ = _claim_for(text, "2.5%", figures=[figure])
    assert (claim.attribution.name, claim.attribution.kind) == ("statistics office", "organisation")
    unsourced = Figure(start, start + 4, 2.5, "percent")
    claim, _ = _claim_for(text, "2.5%", figures=[unsourced])
    assert claim.attribution.kind == "unattributed"
