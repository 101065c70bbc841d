"""Number expressions, units and dates: our own sentences."""

from __future__ import annotations

import pytest

from corroborate.extract.dates import find_dates, find_periods, parse_published
from corroborate.extract.numbers import find_numbers, parse_number, parse_number_words
from corroborate.extract.units import convert, match_unit


def _one(text: str) -> tuple[str, float, float | None, str | None, str | None, str]:
    found = find_numbers(text)
    assert len(found) == 1, [(text[n.start : n.end], n.kind) for n in found]
    n = found[0]
    return text[n.start : n.end], n.value, n.value_max, n.qualifier, n.currency, n.kind


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("121,000", 121_000),
        ("1.2", 1.2),
        ("1,000.5", 1000.5),
        ("two and a half", 2.5),
        ("a dozen", 12),
        ("three hundred", 300),
        ("three hundred and fifty", 350),
        ("half a million", 500_000),
        ("twenty-five", 25),
        ("two million", 2_000_000),
        ("1.2bn", 1.2e9),
        ("5m", 5e6),
        ("$5m", 5e6),
        ("€1.2 billion", 1.2e9),
        ("£300,000", 300_000),
        ("2.5 million", 2.5e6),
        ("300k", 300_000),
        ("$846.8million", 846.8e6),
    ],
)
def test_values(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_number_words_reject_non_numbers() -> None:
    assert parse_number_words("and a") is None
    assert parse_number_words("a") is None
    assert parse_number_words("first") is None


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("$5m in aid", "USD"),
        ("€1.2 billion", "EUR"),
        ("£300,000", "GBP"),
        ("₴40bn", "UAH"),
        ("US$3bn", "USD"),
    ],
)
def test_currency_signs(text: str, currency: str) -> None:
    assert _one(text)[4] == currency


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("between 300 and 400 people", 300, 400),
        ("300-400 people", 300, 400),
        ("300–400 people", 300, 400),
        ("300 to 400 people", 300, 400),
        ("3 to 5 million people", 3e6, 5e6),
        ("$3-5m", 3e6, 5e6),
    ],
)
def test_ranges(text: str, lo: float, hi: float) -> None:
    _, value, vmax, *_ = _one(text)
    assert (value, vmax) == (pytest.approx(lo), pytest.approx(hi))


def test_change_is_not_a_range() -> None:
    found = find_numbers("The toll rose from 300 to 400 overnight.")
    assert [(n.value, n.value_max) for n in found] == [(300, None), (400, None)]


def test_and_without_between_is_two_numbers() -> None:
    assert len(find_numbers("It lost 300 tanks and 400 guns.")) == 2


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("about 300", "about"),
        ("around 300", "about"),
        ("approximately 300", "about"),
        ("roughly 300", "about"),
        ("some 300", "about"),
        ("an estimated 300", "about"),
        ("at least 300", "at least"),
        ("more than 300", "more than"),
        ("over 300", "more than"),
        ("nearly 300", "nearly"),
        ("almost 300", "nearly"),
        ("up to 300", "up to"),
        ("as many as 300", "up to"),
        ("fewer than 300", "less than"),
        ("less than 300", "less than"),
        ("300 or more", "at least"),
        ("300 or so", "about"),
        ("300 or fewer", "up to"),
        ("another 300", "additional"),
        ("an additional 300", "additional"),
        ("300", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    assert _one(text + " people")[3] == qualifier


def test_qualifier_is_part_of_the_span() -> None:
    assert _one("Officials said more than 300 people fled.")[0] == "more than 300"


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        (
            "About half of the 120,000 residents have left.",
            "About half of the 120,000",
            60_000,
            "about",
        ),
        ("Two-thirds of its 90 members voted.", "Two-thirds of its 90", 60, None),
        ("A quarter of the 2,000 homes were hit.", "A quarter of the 2,000", 500, None),
        (
            "Nearly three-quarters of the 400 staff quit.",
            "Nearly three-quarters of the 400",
            300,
            "nearly",
        ),
    ],
)
def test_a_part_of_a_number_is_the_figure(
    text: str, span: str, value: float, qualifier: str | None
) -> None:
    found = _one(text)
    assert (found[0], found[3]) == (span, qualifier)
    assert found[1] == pytest.approx(value)


def test_qualifier_needs_a_word_boundary() -> None:
    # "Moreover" ends in "over" but is not a qualifier
    assert _one("Moreover 300 people fled.")[3] is None


@pytest.mark.parametrize(
    "text",
    [
        "dozens of people",
        "hundreds of homes",
        "thousands fled",
        "tens of thousands of people",
        "millions of dollars",
        "a few hundred men",
        "several thousand people",
    ],
)
def test_vague_plurals_are_skipped(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("in 2024", "year"),
        ("2022–2024", "year"),
        ("on Aug 14", "date"),
        ("on 14 August", "date"),
        ("on 14/08/2024", "date"),
        ("at 9:30", "time"),
        ("at 10 a.m.", "time"),
        ("at 10pm", "time"),
        ("the 3rd brigade", "ordinal"),
        ("the 21st century", "ordinal"),
    ],
)
def test_number_kinds(text: str, kind: str) -> None:
    assert find_numbers(text)[0].kind == kind


def test_phone_numbers() -> None:
    assert {n.kind for n in find_numbers("Call +44 20 7946 0958 now")} == {"phone"}
    assert {n.kind for n in find_numbers("Call 555-1234 now")} == {"phone"}


def test_ordinal_words_are_not_numbers() -> None:
    assert find_numbers("the first and second attacks") == []


def test_offsets_index_the_text() -> None:
    text = "Police said that about 1,200 people were moved."
    (n,) = find_numbers(text)
    assert text[n.number_start : n.number_end] == "1,200"
    assert text[n.start : n.end] == "about 1,200"


# --- units ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "category"),
    [
        ("square kilometres", "km2", "area"),
        ("square kilometers", "km2", "area"),
        ("sq km", "km2", "area"),
        ("km2", "km2", "area"),
        ("km²", "km2", "area"),
        ("square miles", "km2", "area"),
        ("hectares", "km2", "area"),
        ("people", "people", "people"),
        ("persons", "people", "people"),
        ("residents", "people", "people"),
        ("civilians", "people", "people"),
        ("evacuees", "people", "people"),
        ("soldiers", "soldiers", "soldiers"),
        ("troops", "soldiers", "soldiers"),
        ("settlements", "settlements", "settlements"),
        ("villages", "settlements", "settlements"),
        ("towns", "settlements", "settlements"),
        ("prisoners of war", "prisoners", "prisoners"),
        ("POWs", "prisoners", "prisoners"),
        ("%", "percent", "percent"),
        ("per cent", "percent", "percent"),
        ("percent", "percent", "percent"),
        ("dollars", "USD", "currency"),
        ("euros", "EUR", "currency"),
        ("hryvnias", "UAH", "currency"),
        ("roubles", "RUB", "currency"),
        ("pounds", "GBP", "currency"),
        ("hours", "duration", "duration"),
        ("years", "duration", "duration"),
    ],
)
def test_units(text: str, unit: str, category: str) -> None:
    found = match_unit(" " + text + " of", 0)
    assert found is not None
    assert (found.unit, found.category) == (unit, category)


def test_unit_needs_a_word_boundary() -> None:
    assert match_unit(" peoples", 0) is None or match_unit(" peoples", 0).unit != "people"  # type: ignore[union-attr]
    assert match_unit(" townships", 0) is None


def test_square_miles_are_converted_and_kept() -> None:
    unit = match_unit("15 square miles", 2)
    assert unit is not None
    value, original_value, original_unit = convert(15, unit)
    assert value == pytest.approx(38.85, abs=0.01)
    assert (original_value, original_unit) == (15, "square miles")


def test_km2_is_not_converted() -> None:
    unit = match_unit("40 sq km", 2)
    assert unit is not None
    assert convert(40, unit) == (40, None, None)


def test_narrow_groups_keep_their_own_noun() -> None:
    children = match_unit(" children", 0)
    assert children is not None
    assert (children.unit, children.noun) == ("people", "children")
    residents = match_unit(" residents", 0)
    assert residents is not None and residents.noun == "people"


# --- dates and periods ------------------------------------------------------------------------

PUB = "2024-08-15"  # a Thursday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on Monday", "2024-08-12"),
        ("on Thursday", "2024-08-15"),
        ("last Thursday", "2024-08-08"),
        ("yesterday", "2024-08-14"),
        ("today", "2024-08-15"),
        ("last night", "2024-08-14"),
        ("on Aug 14", "2024-08-14"),
        ("on 14 August", "2024-08-14"),
        ("on 14 August 2023", "2023-08-14"),
        ("on August 14, 2022", "2022-08-14"),
        ("on Dec 30", "2023-12-30"),  # would be after publication: the year before
        ("on 2024-08-01", "2024-08-01"),
        ("on June 16th of last year", "2023-06-16"),
    ],
)
def test_dates_resolve_against_publication(text: str, iso: str) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.iso, d.point) == (iso, True)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The council will vote on Monday", "2024-08-19"),
        ("the river could rise by 40 centimetres more before cresting on Tuesday", "2024-08-20"),
        ("schools would stay closed until at least Saturday", "2024-08-17"),
        ("with up to 50 millimetres expected by Tuesday evening", "2024-08-20"),
        ("the river crested on Tuesday", "2024-08-13"),  # the past, without a future cue
    ],
)
def test_weekdays_in_a_future_clause_are_ahead(text: str, iso: str) -> None:
    (d,) = find_dates(text, published=PUB)
    assert d.iso == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The new rent cap takes effect on October 1", "2024-10-01"),
        ("The vote, due on November 5, will decide the seat", "2024-11-05"),
        ("The strike, set for September 3, could cost millions", "2024-09-03"),
        ("Prices rose on October 1", "2023-10-01"),  # the past: last year's
    ],
)
def test_a_day_and_month_ahead_in_a_future_clause_stay_in_this_year(text: str, iso: str) -> None:
    (d,) = find_dates(text, published=PUB)
    assert d.iso == iso


def test_dates_without_publication() -> None:
    (d,) = find_dates("on Monday")
    assert d.iso is None
    (d,) = find_dates("on 14 August 2024")
    assert d.iso == "2024-08-14"


def test_since_is_a_boundary_not_a_point() -> None:
    (d,) = find_dates("since Monday", published=PUB)
    assert d.point is False


def test_published_date_time() -> None:
    assert str(parse_published("2024-08-15T10:30:00Z")) == "2024-08-15"
    assert parse_published("yesterday") is None
    assert parse_published(None) is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("in the past 24 hours", "past 24 hours"),
        ("over the last week", "last week"),
        ("during the previous three days", "previous three days"),
        ("since Monday", "since Monday"),
        ("since August 6", "since August 6"),
        (
            "since the start of the full-scale invasion",
            "since the start of the full-scale invasion",
        ),
        ("over the weekend", "the weekend"),
        ("last week", "last week"),
        ("so far this year", "so far this year"),
        ("overnight", "overnight"),
        ("in two and a half years", "two and a half years"),
        ("within 48 hours", "48 hours"),
        # the basis of a rate of change, in one form whatever the wording
        ("2.7% on the year", "year on year"),
        ("0.3% on the month", "month on month"),
        ("0.5% quarter-on-quarter", "quarter on quarter"),
        ("3% from a year earlier", "year on year"),
        ("4% from the previous month", "month on month"),
        ("2% compared with the same month a year earlier", "year on year"),
        ("on a year-on-year basis", "year on year"),
        ("3% in the 12 months to August", "year on year"),
        ("3% on an annual basis", "year on year"),
    ],
)
def test_periods(text: str, period: str) -> None:
    assert [p.text for p in find_periods("It happened " + text + ".")] == [period]


def test_no_period_in_plain_text() -> None:
    assert find_periods("The war began two years ago.") == []
    assert find_periods("Investors bet on the year ahead and on the year-end rally.") == []


def test_prefixed_dollar_signs() -> None:
    from corroborate.extract.numbers import find_numbers

    found = find_numbers("It cost NT$5 billion, AU$3m and R$20 million but only $4 and costs$9.")
    assert [n.currency for n in found] == ["TWD", "AUD", "BRL", "USD", "USD"]


def test_a_scale_word_with_an_article_is_still_a_number() -> None:
    assert [n.value for n in find_numbers("a hundred people")] == [100]
    assert [n.value for n in find_numbers("several 100-metre stretches")] == [100]


def test_a_proportion_is_one_number_in_percent() -> None:
    (n,) = find_numbers("About four in 10 residents were without water.")
    assert (n.kind, n.value, n.base, n.qualifier) == ("proportion", 40.0, 10.0, "about")
    (n,) = find_numbers("one out of every five adults")
    assert (n.kind, n.value, n.base) == ("proportion", 20.0, 5.0)
    # not a proportion: "3 in 2024" (no part of a whole), "12 in 10" (more than the whole)
    assert all(n.kind != "proportion" for n in find_numbers("It rose 12 in 10 days."))
