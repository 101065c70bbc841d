"""Datelines open wire reports ("KYIV, Aug 26 (Wire) - ..."): quotes and claims start after
them, and their place is not where a figure happened. Our own sentences."""

from __future__ import annotations

import pytest

from corroborate.extract.datelines import DATELINE_LINE, after_dateline
from corroborate.extract.pipeline import analyse
from corroborate.model import Article


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("BREKKA, Nov 8 (Nordic Wire) - The ferries stopped.", "The ferries stopped."),
        ("BREKKA — The ferries stopped.", "The ferries stopped."),
        ("NEW BREKKA (NW) — The ferries stopped.", "The ferries stopped."),
        ("Brekka, Nov 8 (Nordic Wire) - The ferries stopped.", "The ferries stopped."),
        ("SOLVANG HARBOUR, Norland - The ferries stopped.", "The ferries stopped."),
        # no dateline: a dash inside the sentence, a two-letter acronym
        ("The mayor - who had resigned - spoke.", "The mayor - who had resigned - spoke."),
        ("EU - Norland talks resumed.", "EU - Norland talks resumed."),
        ("The ferries stopped on Friday.", "The ferries stopped on Friday."),
    ],
)
def test_a_dateline_is_cut_off_the_sentence(sentence: str, rest: str) -> None:
    assert sentence[after_dateline(sentence, 0, len(sentence)) :] == rest


def test_a_dateline_line() -> None:
    assert DATELINE_LINE.match("BREKKA 2024-11-08")
    assert DATELINE_LINE.match("BREKKA, Norland, Nov. 8, 2024")
    assert not DATELINE_LINE.match("Ferry strike ends Nov 8")


TEXT = (
    "BREKKA, Nov 8 (Nordic Wire) - Ferry crews in the Solvang islands stopped work on Friday, "
    "stranding about 1,200 passengers at the harbour, the union said.\n"
    "The operator said it would meet the union on Monday."
)


def test_quotes_and_claims_start_after_the_dateline() -> None:
    article = analyse(Article(id="d", text=TEXT, published="2024-11-08"))
    assert article.quotes, "the indirect quote before 'the union said'"
    assert TEXT[article.quotes[0].start :].startswith("Ferry crews")
    for claim in article.claims:
        assert not TEXT[claim.start : claim.end].startswith("BREKKA")


def test_the_datelines_place_is_not_the_figures() -> None:
    article = analyse(Article(id="d", text=TEXT, published="2024-11-08"))
    passengers = [f for f in article.figures if f.value == 1200]
    assert passengers and passengers[0].location != "BREKKA"
