"""Figures in economic and market copy (issue 4, stop 22).

An audit of twelve reports of rate decisions, data releases, budgets, oil, deals and market
days found that half the figures it found said nothing of what they measured: a rate, a
forecast or an amount came out as "share" or "money" of nothing, a barrels-per-day figure
counted "bpd", an index move counted "points". Each case below is written anew, as a general
form of what the audit saw.
"""

from __future__ import annotations

import pytest
from test_extract_followup import figure, run


def counted(text: str, number: str) -> str:
    f = figure(text, number)
    return (f.counted or "").lower()


# --- what a percent or an amount measures ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "thing"),
    [
        # "a NOUN of N": the noun is what the number measures
        ("Goods from China will face a baseline tariff of 10% starting Saturday.", "10", "tariff"),
        ("The fund expects global growth of 3.2% this year.", "3.2", "global growth"),
        ("The government set a fiscal deficit target of 4.9% for the year.", "4.9", "deficit"),
        # a passive verb between the subject and the number
        ("Unemployment was estimated at 4.2%, the statistics office said.", "4.2", "unemployment"),
        ("The growth forecast was cut to 4.8 per cent, the fund said.", "4.8", "growth forecast"),
        ("The deal is valued at $14.9 billion, the companies said.", "$14.9", "deal"),
        # an aside with commas of its own between the subject and its verb
        (
            "Core inflation, which strips out volatile food, energy, alcohol and tobacco "
            "prices, fell to 5.7% from 6.1%.",
            "5.7",
            "core inflation",
        ),
    ],
)
def test_a_rate_or_amount_says_what_it_measures(text: str, number: str, thing: str) -> None:
    assert thing in counted(text, number)


def test_the_level_after_a_change_is_the_same_subject_s() -> None:
    text = "Benchmark U.S. crude fell 6.6% to $66.95 a barrel."
    f = figure(text, "$66.95")
    assert "crude" in (f.counted or "").lower()
    assert f.measure is not None and "per_barrel" in f.measure
    text = "Average hourly earnings rose 0.4% from July to $35.21, the department said."
    assert "hourly earnings" in counted(text, "$35.21")


def test_a_coordinated_predicate_keeps_its_subject() -> None:
    text = "Average hourly earnings rose 0.4% in August and were up 3.8% from a year earlier."
    assert "hourly earnings" in counted(text, "3.8")


def test_the_value_before_a_change_is_the_subject_s_too() -> None:
    text = "Core inflation, which strips out food and energy prices, fell to 5.7% from 6.1%."
    assert "core inflation" in counted(text, "6.1")


# --- index points and oil flows ---------------------------------------------------------------


def test_index_points_belong_to_the_index() -> None:
    text = "The Dow Jones Industrial Average dropped 1,679 points, or 4%, on Monday."
    points = figure(text, "1,679")
    assert "dow jones" in (points.counted or "").lower()
    assert points.unit == "points" and points.measure == "points_fall"
    share = figure(text, "4%")
    assert "dow jones" in (share.counted or "").lower()


def test_points_scored_are_still_points() -> None:
    f = figure("Jokic scored 32 points in the win over Denver.", "32")
    assert f.counted == "points"


@pytest.mark.parametrize(
    ("text", "number", "value"),
    [
        ("Saudi Arabia pumps about 9 million barrels per day.", "about 9 million", 9_000_000),
        ("Russia will cut its oil exports to 500,000 bpd.", "500,000", 500_000),
        ("Output fell by 1.2 million barrels a day in May.", "1.2 million", 1_200_000),
    ],
)
def test_an_oil_flow_is_barrels_per_day(text: str, number: str, value: float) -> None:
    f = figure(text, number)
    assert f.unit == "barrels per day" and f.value == value
    assert f.counted != "bpd"


def test_an_oil_flow_says_whose_cut_it_is() -> None:
    text = "Russia said it would deepen its cut in oil exports to 500,000 bpd from 300,000 bpd."
    assert "cut in oil exports" in counted(text, "500,000")


# --- anonymous sources are not figures ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two people familiar with the bank's thinking said the BOJ was unlikely to raise rates.",
        "The group will keep output steady, three OPEC+ sources said on Tuesday.",
    ],
)
def test_a_number_of_anonymous_sources_is_no_figure(text: str) -> None:
    quotes, figures = run(text)
    assert not figures, [text[f.start : f.end] for f in figures]
    assert quotes and quotes[0].speaker is not None


# --- forecasts and revisions -------------------------------------------------------------------


def test_an_expectation_is_the_forecasters_figure() -> None:
    text = (
        "The unemployment rate rose to 4.6%, the statistics office said. "
        "City economists had expected a rise to 4.8%."
    )
    f = figure(text, "4.8")
    assert f.source is not None and f.source.name == "City economists"
    g = figure(text, "4.6")
    assert g.source is not None and g.source.name != "City economists"


def test_an_expected_change_with_no_noun_is_still_a_figure() -> None:
    f = figure("Economists had expected payrolls to increase by 160,000.", "160,000")
    assert f.counted == "payrolls"
    assert f.source is not None and f.source.name == "Economists"


def test_a_revision_keeps_both_values() -> None:
    text = "The May figure was cut to 118,000 from 179,000, the department said."
    assert counted(text, "118,000") == counted(text, "179,000")
    assert "figure" in counted(text, "118,000")


def test_jobs_added_are_no_words_added() -> None:
    f = figure("Employers added 142,000 jobs in August, the Labor Department said.", "142,000")
    assert f.source is not None and f.source.name == "Labor Department"


def test_an_age_foreseen_is_no_level() -> None:
    _, figures = run("By the next inauguration, Justice Breyer will be 78.")
    assert not figures


@pytest.mark.parametrize(
    ("text", "number", "currency"),
    [
        ("The rupee closed flat at 83.69 per dollar on Friday.", "83.69", "rupee"),
        ("The yen strengthened to 146 per dollar.", "146", "yen"),
        ("The naira fell to 1,500 to the dollar on Monday, traders said.", "1,500", "naira"),
    ],
)
def test_an_exchange_rate_is_per_dollar(text: str, number: str, currency: str) -> None:
    f = figure(text, number)
    assert (f.unit, f.measure, f.counted) == ("per USD", "exchange_rate", currency)


def test_a_pound_of_weight_is_no_exchange_rate() -> None:
    _, figures = run("Beef costs 5 a pound at the market.")
    assert all(f.unit != "per GBP" for f in figures)


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("Stocks closed 2% higher on Friday.", "2%", "rise"),
        ("The index ended 1.2% lower.", "1.2", "fall"),
        ("The BSE Sensex closed 73 points lower at 80,429.", "73", "points_fall"),
    ],
)
def test_a_move_written_after_the_number_gives_its_way(
    text: str, number: str, measure: str
) -> None:
    assert figure(text, number).measure == measure


def test_each_clause_of_a_market_roundup_keeps_its_subject() -> None:
    text = "The Nikkei fell 12.4%, and Toyota Motor lost 13%, while the Nasdaq Composite lost 3.4%."
    assert [counted(text, n) for n in ("12.4", "13", "3.4")] == [
        "nikkei",
        "toyota motor",
        "nasdaq composite",
    ]


def test_a_forecast_is_not_carried_onto_the_next_sentence_s_fact() -> None:
    text = (
        "Economists surveyed by FactSet had expected a rate of 4.1%. "
        "The unemployment rate was 4.2%."
    )
    f = figure(text, "4.2")
    assert f.source is None or f.source.name is None


def test_the_fed_is_not_the_cut() -> None:
    assert "fed" not in counted("Trump urged the Fed to cut rates by 75 basis points.", "75")


@pytest.mark.parametrize(
    ("text", "number", "thing", "measure"),
    [
        ("The Fed cut interest rates by half a percentage point.", "half", "interest rates", "cut"),
        ("Tariffs could cut global output by 0.8 per cent in 2025.", "0.8", "global output", None),
        ("The Fed's 2% inflation target remains in sight.", "2%", "inflation target", "target"),
        ("India faces a 26% levy on its exports.", "26", "levy", "levy"),
        (
            "He expects inflation to peak at about 33 percent in April.",
            "about 33",
            "inflation",
            None,
        ),
        ("The S&P 500 fell 0.29% to 5,618.26 points.", "5,618.26", "S&P 500", "points"),
    ],
)
def test_what_a_rate_or_an_index_is_of(
    text: str, number: str, thing: str, measure: str | None
) -> None:
    f = figure(text, number)
    assert f.counted == thing
    if measure is not None:
        assert f.measure == measure


@pytest.mark.parametrize(
    ("text", "number", "qualifier"),
    [
        ("Lending rates could climb to 30 percent or more, he said.", "30", "at least"),
        ("Officials saw a quarter point or less of cuts this year.", "quarter", "up to"),
        ("Brent hit a 2023 high near $98 in late September.", "near", "about"),
    ],
)
def test_a_qualifier_written_after_or_as_near(text: str, number: str, qualifier: str) -> None:
    f = figure(text, number)
    assert f.qualifier == qualifier
    assert f.counted != "late September"
