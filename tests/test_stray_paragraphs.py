"""Stray paragraphs and headlines (issue 6): the gate, the roundup rule, leads, the quote rule
and one batched embedding per report.

Every report here is our own invented text. Cases marked "with embeddings" need the optional
embedding stack; the lexical path (embeddings=False) must keep working without it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from stray_helpers import flags_by_kind

from corroborate import nlp
from corroborate.extract.structure import _title_like

EMBEDDINGS = pytest.mark.skipif(not nlp.embeddings_available(), reason="embeddings not installed")

# A report about a ferry strike, written so that "us" and "because" occur in lower case.
FERRY = [
    "Ferry crews on the Solvang island routes stopped work on Friday, stranding hundreds of "
    "passengers at the harbour in Brekka, the seafarers' union said.",
    "The union said the operator had cut the number of deck hands on each crossing and told "
    "us that the night sailings would lose their extra pay because of falling ticket sales.",
    "The operator, Solvang Ferries, said the changes were needed to keep the routes running "
    "through the winter and that it had offered the crews a one-off payment.",
    "Passengers waiting at Brekka said the morning crossing had been cancelled without "
    "warning, and several said they had missed hospital appointments on the mainland.",
    "The union said the stoppage would continue over the weekend unless the operator "
    "withdrew the cuts, and both sides agreed to meet a mediator on Monday.",
]
# About other events entirely.
QUAKE = (
    "The US Geological Survey said the magnitude 4.8 earthquake struck near Tewksbury, New "
    "Jersey, shaking buildings as far away as Manhattan and Philadelphia."
)
PRICES = (
    "Consumer prices rose 0.3% in March, above forecasts, and ten-year bond yields climbed to "
    "their highest level since November as traders trimmed bets on rate cuts."
)


def _with(paragraphs: Sequence[str], at: int, line: str) -> str:
    return "\n".join([*paragraphs[:at], line, *paragraphs[at:]])


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_clean_ferry_report_has_no_stray(embeddings: bool) -> None:
    assert "stray_text" not in flags_by_kind("\n".join(FERRY), embeddings)


@EMBEDDINGS
def test_a_short_name_is_not_found_inside_other_words() -> None:
    """The report says "us" and "because", never the US: the quake paragraph's names are
    mentioned nowhere else, so it is judged by meaning, and flagged."""
    found = flags_by_kind(_with(FERRY, 3, QUAKE), embeddings=True)
    assert found.get("stray_text") == [QUAKE]


@EMBEDDINGS
def test_a_paragraph_naming_no_one_and_sharing_no_words_is_judged() -> None:
    found = flags_by_kind(_with(FERRY, 3, PRICES), embeddings=True)
    assert found.get("stray_text") == [PRICES]


def test_a_paragraph_naming_no_one_is_left_alone_without_embeddings() -> None:
    """By words alone, a paragraph with no names gives too little to go on."""
    assert "stray_text" not in flags_by_kind(_with(FERRY, 3, PRICES), embeddings=False)


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_a_roundup_is_not_full_of_strays(embeddings: bool) -> None:
    """A news digest changes subject at every paragraph on purpose: none is flagged."""
    digest = [
        "Here is what you need to know this morning, from the markets to the weather.",
        "Lava from the Fagradalsfjall volcano reached the outskirts of Grindavik overnight, "
        "and geologists in Reykjavik said the eruption could last for weeks.",
        "The Bundesbank in Frankfurt said Germany's economy probably shrank in the third "
        "quarter as factories cut output and exports to China fell again.",
        "Organisers of the Tokyo Marathon in Japan said entries for next year's race had "
        "reached a record, with runners from more than a hundred countries registered.",
        "Rescuers in Kathmandu said heavy rain had triggered landslides along the highway "
        "to Pokhara in Nepal, cutting off villages in the hills for a second day.",
        "Voters in Montevideo, Uruguay, go to the polls on Sunday in a runoff between the "
        "two candidates who led the first round of the presidential election.",
        "That is all for today; we will be back tomorrow with more of the news that matters.",
    ]
    assert "stray_text" not in flags_by_kind("\n".join(digest), embeddings)


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_a_paragraph_cut_by_the_layout_is_not_judged_alone(embeddings: bool) -> None:
    """It starts in lower case: the rest of the paragraph before it, not a pasted one."""
    cut = (
        "and a volcano in Iceland, Fagradalsfjall, which sent lava towards Grindavik while "
        "geologists in Reykjavik watched the fissure widen."
    )
    assert "stray_text" not in flags_by_kind(_with(FERRY, 3, cut), embeddings)


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_a_dateline_lead_after_a_standfirst_is_not_judged(embeddings: bool) -> None:
    """The first paragraph with a dateline is the report's lead, even when a standfirst
    comes first: it sets the subject, it is not judged against it."""
    standfirst = "Passengers were stranded on both sides of the strait on the busiest day."
    lead = (
        "BREKKA (Capital Wire) — Ferry crews on the Solvang island routes stopped work on "
        "Friday over cuts to night pay, the seafarers' union said."
    )
    found = flags_by_kind("\n".join([standfirst, lead, *FERRY[1:]]), embeddings)
    assert "stray_text" not in found


@pytest.mark.parametrize(
    ("line", "title_like"),
    [
        ("Bolton and Gorka Slam ‘Neocons For Hillary’", True),  # ends in a quoted phrase
        ("Ferry union rejects 'insulting' offer from Solvang", True),
        ("Islanders Fear ‘Worst Winter in Decades’", True),
        ('He said the offer was "insulting."', False),  # punctuation inside the quote
        ("The crews called it ‘insulting’.", False),  # ... or after it
        ("“Not one more night shift”", False),  # a pull quote: one whole quotation
        ('The union said no. "We will not sail at a loss"', False),  # prose, cut off
    ],
)
def test_a_line_ending_in_a_bare_quotation_reads_as_a_headline(line: str, title_like: bool) -> None:
    assert _title_like(line) is title_like


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_a_pasted_headline_ending_in_a_quotation_is_flagged(embeddings: bool) -> None:
    headline = "Ski Resorts in the Alps Brace for ‘Worst Season in Decades’"
    found = flags_by_kind(_with(FERRY, 3, headline), embeddings)
    assert found.get("stray_text") == [headline]


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_a_pull_quote_is_not_flagged(embeddings: bool) -> None:
    found = flags_by_kind(_with(FERRY, 3, "“Not one more night shift”"), embeddings)
    assert "stray_text" not in found


def test_one_batched_embedding_call_for_the_first_judgements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two section headings: both, and the paragraphs they are compared with, are embedded
    in a single call (a call costs a fixed overhead besides its cost per word)."""
    import numpy as np

    calls: list[int] = []

    def fake_embed(sentences: Sequence[str], quantised: bool = False) -> np.ndarray:
        calls.append(len(sentences))
        return np.ones((len(sentences), 4), dtype=np.float32) / 2.0  # all alike: headings

    monkeypatch.setattr(nlp, "embeddings_available", lambda: True)
    monkeypatch.setattr(nlp, "embed", fake_embed)
    text = "\n".join([*FERRY[:2], "The Operator's Offer", *FERRY[2:4], "Stranded", *FERRY[4:]])
    found = flags_by_kind(text, embeddings=True)
    assert found.get("heading") == ["The Operator's Offer", "Stranded"]
    assert len(calls) == 1


def test_interview_questions_ask_for_no_embedding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Interview questions ("Q: ...") are title-like but never headlines: nothing is
    embedded for them."""
    asked: list[bool] = []

    def available() -> bool:
        asked.append(True)
        return True

    monkeypatch.setattr(nlp, "embeddings_available", available)
    text = "\n".join(
        [
            FERRY[0],
            "Q: Will the ferries sail on Monday?",
            "A: That depends on the operator.",
            "Q: And if it does not?",
            "A: Then the crews stay on the quay.",  # short answers: no paragraph to judge
            FERRY[4],
        ]
    )
    flags_by_kind(text, embeddings=None)  # type: ignore[arg-type]
    assert asked == []
