"""Names the tagger cuts short, and figures it never saw (issue 4, stop 19).

General patterns from the open list of the last audit, each written anew:
- people named only by honorific and surname ("Ms Hale", "Dr Stone"), where the surname is
  also a word and the tagger finds no person, so a later "she said" had no one to stand for;
- organisations whose names link capitalised words with small ones ("Save the Children",
  "Friends of the Earth", "Committee to Protect Journalists"), which came out as "Children",
  a person called "Earth" and "Protect Journalists";
- changes written as shares ("exports fell by a fifth"), read as "fell by 20%" is;
- a range of counts whose first number looks like a year ("some 1900-2500 troops");
- a title and what it is of, with no name ("The Governor of Texas said"), which came out as a
  person called "Texas" or an organisation;
- a place before the subject ("In Kyiv the President said"), which went into the title.

Stop 20, from the same list:
- a role that speaks for a body ("a spokeswoman for Doctors Without Borders", "said a
  spokesman for Save the Children"), which came out as an organisation, a person called
  "Rights Watch" or the title "spokesman for Save";
- a change with an adverb before "by" ("fell sharply by two-thirds"), read as a plain share;
- people known by what happened to them ("17 of the injured"), which were no figure.
"""

from __future__ import annotations

import pytest
from parse_helpers import stand_in_doc
from test_extract_followup import figure, quote, run

from corroborate.extract.entities import extract_entities


def _tagged(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What `extract_entities` makes of a tagger's output given by hand."""
    doc = stand_in_doc(text, spans)
    return [(text[e.start : e.end], e.label) for e in extract_entities(text, doc)]


# --- people named by honorific and surname --------------------------------------------------


def test_an_honorific_makes_a_person_the_tagger_missed_or_took_for_an_organisation() -> None:
    text = "Ms Hale met Dr Stone and Mr Juan Ortega on Monday."
    assert _tagged(text, [("Stone", "ORG")]) == [
        ("Hale", "PERSON"),
        ("Stone", "PERSON"),
        ("Juan Ortega", "PERSON"),
    ]


def test_an_honorific_before_a_title_or_a_weekday_is_no_name() -> None:
    assert _tagged("Thank you, Mr President, and Madam Speaker.", []) == []
    assert _tagged("Ms Hale Tuesday said no.", []) == [("Hale", "PERSON")]


def test_she_after_a_person_named_only_by_honorific_is_that_person() -> None:
    text = "Ms Hale spoke to reporters on Tuesday. She said the plan would cost $4m."
    q = quote(text, "the plan would cost")
    assert q.speaker is not None and q.speaker.name == "Hale"
    assert figure(text, "$4m").source.name == "Hale"


# --- organisations with small words in their names ------------------------------------------


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("Save the Children said 12 schools had been hit.", [("Save", "ORG")], "Save the Children"),
        (
            "Friends of the Earth said the plan was flawed.",
            [("Earth", "LOC")],
            "Friends of the Earth",
        ),
        (
            "The Committee to Protect Journalists said 12 reporters had been killed.",
            [("Protect Journalists", "ORG")],
            "Committee to Protect Journalists",
        ),
    ],
)
def test_a_linked_organisation_name_is_one_entity_and_one_speaker(
    text: str, tagged: list[tuple[str, str]], name: str
) -> None:
    assert _tagged(text, tagged) == [(name, "ORG")]
    q = quote(text, text.split(" said ")[1][:12], [(name, "ORG")])
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.kind) == (name, "organisation")


def test_places_titles_and_openers_are_not_linked_into_one_name() -> None:
    text = "Flights from Kyiv to Moscow stopped."
    assert _tagged(text, [("Kyiv", "LOC"), ("Moscow", "LOC")]) == [
        ("Kyiv", "LOC"),
        ("Moscow", "LOC"),
    ]
    text = "The Minister of Defence spoke."
    assert _tagged(text, [("Defence", "ORG")]) == [("Defence", "ORG")]
    text = "In Kyiv the President spoke."
    assert _tagged(text, [("Kyiv", "LOC")]) == [("Kyiv", "LOC")]
    text = "President Putin of Russia spoke."
    assert _tagged(text, [("Putin", "PERSON"), ("Russia", "LOC")]) == [
        ("Putin", "PERSON"),
        ("Russia", "LOC"),
    ]


# --- changes written as shares --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part", "value", "direction"),
    [
        ("Exports fell by a fifth in March, the ministry said.", "a fifth", 20.0, "fall"),
        ("Sales rose by a quarter last year.", "a quarter", 25.0, "rise"),
        ("The budget was cut by half.", "half", 50.0, "fall"),
        ("Its workforce was cut by three quarters.", "three quarters", 75.0, "fall"),
    ],
)
def test_a_change_by_a_share_in_words_is_a_change_in_percent(
    text: str, part: str, value: float, direction: str
) -> None:
    f = figure(text, part)
    assert (f.value, f.unit, f.measure) == (value, "percent", direction)


def test_a_share_after_by_that_measures_something_else_is_no_change() -> None:
    _, figures = run("Prices rose by half a percent. The team was cut by a third of its size.")
    assert [f.value for f in figures if f.unit == "percent" and f.value in {50.0, 33.3}] == []


# --- a range of counts that starts like a year ----------------------------------------------


def test_a_range_past_any_year_is_a_count() -> None:
    f = figure("Some 1900-2500 troops crossed the border.", "Some 1900-2500")
    assert (f.value, f.value_max, f.unit) == (1900.0, 2500.0, "soldiers")
    _, figures = run("The 1939-45 war ended. In 2010-2015, prices rose.")
    assert figures == []


# --- a title and what it is of, with no name -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Governor of Texas said the plan was flawed.", "Governor of Texas"),
        ("The Minister of Defence said the plan was flawed.", "Minister of Defence"),
        ("The Chief of Staff said the plan was flawed.", "Chief of Staff"),
    ],
)
def test_a_title_of_a_place_or_office_is_a_title_not_a_name(text: str, title: str) -> None:
    q = quote(text, "the plan was flawed")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title, q.speaker.kind) == (None, title, "person")


def test_the_title_alone_later_is_the_person_named_with_it() -> None:
    text = (
        "Ukraine's Minister of Defence, Rustem Umerov, said the plan was flawed. "
        "The Minister of Defence added that it was late."
    )
    q = quote(text, "it was late")
    assert q.speaker is not None and q.speaker.name == "Rustem Umerov"
    q = quote("Minister of Defence Rustem Umerov said the plan was flawed.", "the plan")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title) == ("Rustem Umerov", "Minister of Defence")


def test_a_place_before_the_subject_is_not_part_of_its_title() -> None:
    q = quote("In Kyiv the President said the plan was flawed.", "the plan was flawed")
    assert q.speaker is not None and q.speaker.title == "President"
    q = quote("In Kyiv, the head of the agency said the plan was flawed.", "the plan")
    assert q.speaker is not None and q.speaker.title == "head of the agency"


# --- a role that speaks for a body ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "A spokeswoman for Doctors Without Borders said the clinic had been hit.",
            "spokeswoman for Doctors Without Borders",
        ),
        (
            "A representative of Human Rights Watch told reporters the clinic had been hit.",
            "representative of Human Rights Watch",
        ),
        (
            "A spokesman for Save the Children said the clinic had been hit.",
            "spokesman for Save the Children",
        ),
        (
            "The clinic had been hit, said a spokesman for Save the Children.",
            "spokesman for Save the Children",
        ),
        (
            "The clinic had been hit, said a spokeswoman at the World Food Programme.",
            "spokeswoman at the World Food Programme",
        ),
        ("A spokesman for Hamas said the clinic had been hit.", "spokesman for Hamas"),
    ],
)
def test_a_role_that_speaks_for_a_body_is_a_person_titled_by_both(text: str, title: str) -> None:
    q = quote(text, "linic had been hit")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title, q.speaker.kind) == (None, title, "person")


def test_a_name_after_the_role_and_its_body_is_still_the_speaker() -> None:
    text = "A spokesman for the Interior Ministry, Oleg Nikolenko, said the talks had failed."
    q = quote(text, "the talks had failed")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title) == (
        "Oleg Nikolenko",
        "spokesman for the Interior Ministry",
    )


# --- a change with an adverb before "by", people known by what happened to them ------------


@pytest.mark.parametrize(
    ("text", "number", "value", "measure"),
    [
        ("Exports have fallen sharply by two-thirds since March.", "two-thirds", 66.7, "fall"),
        ("Prices rose steadily by 4% last year.", "4%", 4.0, "rise"),
    ],
)
def test_an_adverb_between_the_change_and_by_keeps_the_change(
    text: str, number: str, value: float, measure: str
) -> None:
    f = figure(text, number)
    assert (f.value, f.unit, f.measure) == (value, "percent", measure)


@pytest.mark.parametrize(
    ("text", "number", "value", "measure"),
    [
        ("Police said 17 of the injured were in a critical condition.", "17", 17, "people_injured"),
        ("Police said two of the dead were officers.", "two", 2, "people_killed"),
        ("Three of the missing were children, the army said.", "Three", 3, "people_missing"),
    ],
)
def test_people_known_by_what_happened_to_them_are_counted(
    text: str, number: str, value: float, measure: str
) -> None:
    f = figure(text, number)
    assert (f.value, f.unit, f.measure) == (value, "people", measure)
    assert text[f.start : f.end].endswith(("injured", "dead", "missing"))


def test_of_the_wounded_before_a_noun_counts_the_noun_not_the_wounded() -> None:
    _, figures = run("Police said 5 of the wounded soldiers died in hospital.")
    assert all(f.measure != "people_injured" for f in figures)
