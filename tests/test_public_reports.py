"""Health, crime, migration and climate reports (issue 4, stop 22).

An audit of twelve such reports found bodies named again by their kind ("the department",
"the fund") left unresolved, and rates that lost what they are per ("393 deaths per million").
Each case below is written anew, as a general form of what the audit saw.
"""

from __future__ import annotations

import pytest
from test_elections_and_counts import speaker_of
from test_extract_followup import figure


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "The Louisville Metro Police Department said 120 people were killed last year. "
            "Homicides fell 15%, the department said.",
            "Homicides",
            "Louisville Metro Police Department",
        ),
        (
            "The International Monetary Fund (IMF) kept its forecast unchanged. The fund said "
            "inflation would average 2.5 per cent this year.",
            "inflation would",
            "International Monetary Fund",
        ),
        (
            "The Office for National Statistics said unemployment rose. The office said wages "
            "grew 5%.",
            "wages",
            "Office for National Statistics",
        ),
        (
            "He once worked for the Department of Homeland Security. The department said 2,000 "
            "migrants were detained.",
            "migrants",
            "Department of Homeland Security",
        ),
    ],
)
def test_a_body_named_again_by_its_kind_is_that_body(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


@pytest.mark.parametrize(
    ("text", "number", "unit", "counted"),
    [
        (
            "The death rate was 393 deaths per million people, the study found.",
            "393",
            "per 1,000,000",
            "deaths per million people",
        ),
        (
            "The murder rate fell to 5.7 per 100,000 residents.",
            "5.7",
            "per 100,000",
            "murder rate per 100,000 residents",
        ),
        (
            "Infant mortality was 27 per 1,000 live births in 2023.",
            "27",
            "per 1,000",
            "infant mortality per 1,000 live births",
        ),
    ],
)
def test_a_rate_keeps_what_it_is_per(text: str, number: str, unit: str, counted: str) -> None:
    f = figure(text, number)
    assert (f.unit, f.counted) == (unit, counted)
    assert f.measure is not None and f.measure.endswith(unit.split()[1].replace(",", ""))


def test_a_concentration_is_parts_per_million_of_its_subject() -> None:
    f = figure("Carbon dioxide in the atmosphere reached 422 parts per million.", "422")
    assert f.unit == "ppm" and f.counted is not None and "carbon dioxide" in f.counted.lower()


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        (
            "The Gun Violence Archive, a nonprofit that counts shootings, has recorded more "
            "than 146 mass shootings in 2023.",
            "more than 146",
            "Gun Violence Archive",
        ),
        (
            "Congo has reported 537 deaths, according to WHO figures. The Africa Centres for "
            "Disease Control and Prevention put the number of cases across Africa at 17,541.",
            "17,541",
            "Africa Centres for Disease Control and Prevention",
        ),
        (
            "The Heatwatch network, which compiles media reports, put the toll at more than 100.",
            "more than 100",
            "Heatwatch network",
        ),
    ],
)
def test_a_body_that_records_or_puts_a_figure_is_its_source(
    text: str, number: str, source: str
) -> None:
    f = figure(text, number)
    assert f.source is not None and f.source.name == source


def test_a_modifier_the_tagger_calls_a_verb_is_part_of_the_counted_noun() -> None:
    text = "The F.B.I. recorded 11,862 hate crime incidents in 2023, up about 2 percent."
    f = figure(text, "11,862")
    assert f.counted == "hate crime incidents"
    g = figure(text, "about 2")
    assert g.counted == "hate crime incidents" and g.measure == "rise"
    assert figure("Texas has 607 confirmed measles cases.", "607").counted is not None


def test_a_change_takes_the_noun_before_its_time_phrase() -> None:
    f = figure("Arrests in December rose 31% from November.", "31")
    assert f.counted == "Arrests in December" and f.measure == "rise"


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        (
            "In Philadelphia, homicides fell by 20 percent to 410, while Baltimore recorded 263 "
            "killings, police data showed.",
            "263",
            "police data",
        ),
        (
            "The Met Office put 2024 at 1.53C above pre-industrial levels, give or take 0.08C, "
            "while Berkeley Earth, a US research group, estimated the figure at 1.62C.",
            "0.08",
            "Met Office",
        ),
    ],
)
def test_a_place_that_records_a_figure_and_a_source_after_while_are_not_its_source(
    text: str, number: str, source: str
) -> None:
    f = figure(text, number)
    assert f.source is not None and f.source.name == source


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        ("Brazil's health ministry recorded 6.5 million dengue cases.", "6.5", "Brazil's health"),
        ("Police in Sweden registered 363 shootings last year.", "363", "Police in Sweden"),
    ],
)
def test_a_body_named_with_its_country_still_records(text: str, number: str, source: str) -> None:
    f = figure(text, number)
    assert f.source is not None and (f.source.name or "").startswith(source)
