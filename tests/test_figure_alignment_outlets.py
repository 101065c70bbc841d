"""Figure alignment across outlets that word one quantity differently (stop 23).

Measured on `benchmarks/figure_alignment.py` (gold written from the realistic reports' texts);
these fixtures pin each rule with reports of our own, through the real extractor.
"""

from __future__ import annotations

from corroborate.corpus.dedup import find_origins
from corroborate.corpus.figures import align_figures
from corroborate.extract.pipeline import analyse
from corroborate.model import Article, FigureGroup
from corroborate.report.svg import figure_timeline
from corroborate.report.values import member_value

OUTLETS = ("Harbour Wire", "Meridian Post", "Valley Courier", "Northern Ledger")


def _reports(*texts: str, days: tuple[str, ...] = ()) -> list[Article]:
    return [
        analyse(
            Article(
                text,
                id=f"r{n}",
                outlet=OUTLETS[n],
                published=days[n] if days else "2026-03-20",
            )
        )
        for n, text in enumerate(texts)
    ]


def _groups(articles: list[Article]) -> list[FigureGroup]:
    return [
        g for g in align_figures(articles, find_origins(articles)) if g.relation != "arithmetic"
    ]


def _together(articles: list[Article], *pieces: str) -> bool:
    """Whether one group holds a figure whose text contains each piece, one per report."""
    for group in _groups(articles):
        texts = [m["text"] for m in group.members]
        if all(any(p in t for t in texts) for p in pieces) and len(group.members) > 1:
            return True
    return False


def _holding(articles: list[Article], piece: str) -> FigureGroup:
    """The group holding a figure whose text contains `piece`."""
    return next(g for g in _groups(articles) if any(piece in m["text"] for m in g.members))


def _apart(articles: list[Article]) -> bool:
    return not any(len({m["article"] for m in g.members}) > 1 for g in _groups(articles))


def test_one_precise_sum_in_other_words_is_one_quantity() -> None:
    articles = _reports(
        "Holders of Brennick Bank's riskier bonds lost about 16.4 billion crowns when the "
        "regulator ordered them written off, the bank said on Monday.",
        "The write-off wiped out 16.4 billion crowns of Brennick debt, angering investors.",
    )
    assert _together(articles, "16.4 billion", "16.4 billion")


def test_the_same_count_under_two_nouns_is_one_quantity() -> None:
    articles = _reports(
        "The faulty update crashed an estimated 8.5 million Windows devices worldwide, "
        "Microsoft said.",
        "Microsoft said about 8.5 million machines running Windows were affected.",
    )
    assert _together(articles, "8.5 million", "8.5 million")


def test_round_numbers_of_different_things_stay_apart() -> None:
    """100 settlements held and 102 missiles shot down: counting nouns meet only on a value
    both give precisely."""
    articles = _reports(
        "Ukrainian forces control 100 settlements in the Kursk region, the army chief said.",
        "The air force said it destroyed 102 missiles over Ukraine on Monday.",
    )
    assert _apart(articles)


def test_deposits_are_not_loans() -> None:
    articles = _reports(
        "Velmark Savings held $175.4 billion in deposits at the end of last year, filings show.",
        "Kessar Bank agreed to buy $72 billion of Velmark Savings' loans from the regulator.",
    )
    assert _apart(articles)


def test_changes_on_different_days_are_not_an_update() -> None:
    """A 24% fall on Wednesday and a 55% fall over the week are two changes, not one figure
    revised."""
    articles = _reports(
        "Brennick shares fell 24% on Wednesday, their biggest one-day drop.",
        "Brennick stock has fallen about 55% since the start of the week.",
        days=("2026-03-15", "2026-03-20"),
    )
    assert _apart(articles)


def test_an_acronym_meets_its_words() -> None:
    articles = _reports(
        "PCE inflation was 2.2% in the 12 months through August, the Commerce Department said.",
        "The personal consumption expenditures index stood 2.2% higher than a year earlier.",
    )
    assert _together(articles, "2.2%", "2.2%")


def test_a_capital_that_opens_the_sentence_names_no_one() -> None:
    articles = _reports(
        "Consumer spending rose 0.2% in August, the Commerce Department said.",
        "Spending grew 0.2% in August after a stronger July, figures showed.",
    )
    assert _together(articles, "0.2%", "0.2%")


def test_two_indices_rising_alike_are_two_quantities() -> None:
    articles = _reports(
        "The S&P 500 rose 1.7% on Thursday as investors cheered the rate cut.",
        "The Nasdaq rose 1.7% on Thursday, led by chipmakers.",
    )
    assert _apart(articles)


def test_a_forecast_beaten_is_not_a_plan() -> None:
    """'less than expected' compares with a forecast; a 'would' in the next sentence is
    another sentence's."""
    articles = _reports(
        "Retail sales in Velmark rose 1.35% in March, less than expected, the statistics "
        "office said.",
        "Velmark's retail sales grew 1.35% in March. Economists said the central bank would "
        "hold rates.",
    )
    assert _together(articles, "1.35%", "1.35%")


def test_further_flights_add_to_a_total() -> None:
    articles = _reports(
        "Delta cancelled more than 5,000 flights after the outage, the airline said.",
        "Delta scrapped 1,400 further flights on Monday as crews were still out of place.",
    )
    assert _apart(articles)


def test_a_share_price_is_no_part_of_a_bail_out() -> None:
    """0.76 crowns a share plus a 50 billion loan is not 'the 50 billion' of another report."""
    articles = _reports(
        "Kessar Bank offered 0.76 crowns a share and drew a 50 billion crown loan, the bank said.",
        "The central bank lent Brennick 50 billion crowns on Thursday.",
    )
    sums = [
        g for g in align_figures(articles, find_origins(articles)) if g.relation == "arithmetic"
    ]
    assert sums == []


def test_a_negation_in_a_side_clause_does_not_deny_the_claim() -> None:
    from corroborate.corpus.claims import canonical

    said = canonical("Putin said on Friday that the offensive had begun.")[1]
    side = canonical(
        "Putin said on Friday that the offensive had begun, but that its forces had not "
        "achieved their goals."
    )[1]
    denied = canonical("Putin said on Friday that the offensive had not begun.")[1]
    assert side == said
    assert denied != said


def test_two_figures_each_in_two_claims_are_no_contradiction() -> None:
    """Both reports give the Bank of England's quarter point and the SNB's half point: no
    number of one contradicts the other."""
    from corroborate.corpus.claims import align_claims

    articles = _reports(
        "On Thursday the Bank of England raised its rate by a quarter point and the Swiss "
        "National Bank raised its rate by half a point, days after the rescue.",
        "The Bank of England raised rates by a quarter point on Thursday and the Swiss "
        "National Bank by half a point, as policymakers kept fighting inflation.",
    )
    groups = align_claims(articles, find_origins(articles), "s-test")
    assert all(g.status != "contradicted" for g in groups)


def test_a_sum_and_its_conversion_in_brackets_are_one_quantity_in_two_currencies() -> None:
    articles = _reports(
        "Halvard Bank agreed on Sunday to buy its rival Ostmark for 3 billion Swiss francs "
        "($3.2 billion), the two banks said.",
        "Halvard will pay 3 billion francs for Ostmark, the banks said on Sunday.",
        "The takeover values Ostmark at $3.2 billion, a fraction of its worth a year ago.",
    )
    group = _holding(articles, "$3.2")
    texts = sorted((m["article"], m["text"]) for m in group.members)
    assert texts == [
        ("r0", "$3.2 billion"),
        ("r0", "3 billion Swiss francs"),
        ("r1", "3 billion francs"),
        ("r2", "$3.2 billion"),
    ]
    assert group.unit == "CHF" and group.relation == "agree"
    dollars = next(m for m in group.members if m["article"] == "r2")
    assert abs(dollars["converted_value"] - 3e9) < 1e6  # at the first report's own rate
    assert "1 USD = 0.9375 CHF" in group.explanation
    # as a reader sees it: in its own currency, then in the group's; plotted in the group's
    assert member_value(dollars, group.unit) == (
        "3,200,000,000 USD (about 3,000,000,000 CHF at the reports' own rate)"
    )
    chart = figure_timeline(group.members, group.unit)
    assert "3,200,000,000 USD = 3,000,000,000 CHF" in chart.replace("\n", " ")


def test_a_currency_converted_only_into_a_third_is_compared_through_it() -> None:
    # Australian dollars → US dollars → francs: all three reports give one price
    articles = _reports(
        "Halvard Bank agreed on Sunday to pay $3.2 billion for Ostmark, the banks said.",
        "Halvard Bank agreed on Sunday to buy Ostmark for 4.9 billion Australian dollars "
        "($3.2 billion), the banks said.",
        "Halvard Bank agreed on Sunday to buy Ostmark for 3 billion Swiss francs "
        "($3.2 billion), the banks said.",
    )
    group = _holding(articles, "Australian")
    assert len({m["article"] for m in group.members}) == 3
    assert group.relation == "agree"
    aud = next(m for m in group.members if m["unit"] == "AUD")
    assert member_value(aud, group.unit).startswith("4,900,000,000 AUD (about ")


def test_dollars_alone_meet_the_francs_through_another_reports_bracket() -> None:
    # (the extractor drops the bracket of "$3.2 billion (3 billion Swiss francs)" for now)
    articles = _reports(
        "Halvard will pay $3.2 billion (3 billion Swiss francs) for Ostmark, the banks said.",
        "Halvard will pay 3 billion Swiss francs ($3.2 billion) for Ostmark, the banks said.",
    )
    group = _holding(articles, "francs")
    assert len({m["article"] for m in group.members}) == 2 and group.relation == "agree"


def test_a_converted_range_reads_in_both_currencies() -> None:
    member = {
        "value": 2.2e9, "value_max": 3.3e9, "unit": "USD", "qualifier": None,
        "converted_value": 2.0625e9, "converted_value_max": 3.09375e9,
    }  # fmt: skip
    assert member_value(member, "CHF") == (
        "2,200,000,000–3,300,000,000 USD (about 2,060,000,000–3,090,000,000 CHF at the "
        "reports' own rate)"
    )


def test_two_currencies_side_by_side_without_brackets_stay_two_quantities() -> None:
    articles = _reports(
        "Halvard Bank paid 3 billion Swiss francs for Ostmark and $1.5 billion for its US arm, "
        "the bank said.",
        "Halvard paid $1.5 billion for Ostmark's US arm, the bank said.",
    )
    swiss = _holding(articles, "francs")
    assert [m["text"] for m in swiss.members] == ["3 billion Swiss francs"]
