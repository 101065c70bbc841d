"""Datelines open wire reports ("KYIV, Aug 26 (Wire) - ..."): quotes and claims start after
them, and their place is not where a figure happened. Our own sentences."""

from __future__ import annotations

import pytest

from corroborate.extract.datelines import DATELINE, DATELINE_LINE, after_dateline
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
        # two filing places
        ("BREKKA/SOLVANG, Nov 8 (Nordic Wire) - The ferries stopped.", "The ferries stopped."),
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


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("MOSCOW 1996-08-30\nRussia said on Friday ...", "1996-08-30"),
        ("Vera Haller\nVENICE, Italy 1996-08-31\nThe director said ...", "1996-08-31"),
        ("KYIV, Aug. 12, 2024 (Wire) - Ukraine said ...", "2024-08-12"),
        ("WASHINGTON, Sept. 18, 2024 - The Fed cut ...", "2024-09-18"),
        ("LONDON, 3 September 2024 - Prices rose ...", "2024-09-03"),
        ("KYIV, Aug 12 (Reuters) - no year, no date", None),
        ("The war began on 1996-08-30 in the town.", None),
    ],
)
def test_the_date_of_a_dateline(text: str, iso: str | None) -> None:
    from corroborate.extract.datelines import dateline_date

    assert dateline_date(text) == iso


def test_a_report_without_a_date_resolves_its_weekdays_from_the_dateline() -> None:
    from corroborate.extract.pipeline import analyse
    from corroborate.model import Article

    text = (
        "KYIV, Aug. 12, 2024 (Wire) - Ukrainian forces took 40 square kilometres of land on "
        "Monday, the army chief said.\n"
    )
    (figure,) = analyse(Article(text=text)).figures
    assert figure.as_of == "2024-08-12"
    dated = analyse(Article(text=text, published="2024-08-14")).figures[0]
    assert dated.as_of == "2024-08-12"  # the publication date, when given, decides


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("TALLAHASSEE, Fla., Sept 27 (Wire) - Hurricane Orla made landfall.", True),
        ("SANTA CLARA, California, March 10 (Wire) - Regulators closed the bank.", True),
        ("FORT PIERCE, Florida - A tornado tore through the town.", True),
        # a section label, and a sentence of the body, are no datelines
        ("Analysis - For twenty minutes the speech was quiet.", False),
        ("The wider crisis has moved on since then - and so have the markets.", False),
    ],
)
def test_a_dateline_with_a_state_is_one_and_a_label_is_not(paragraph: str, dateline: bool) -> None:
    assert bool(DATELINE.match(paragraph)) is dateline
