"""Figures: must-find / must-not-find on our own sentences, then the seeds.

The sentences run through the shipped pipeline (`corroborate.nlp`) when its model is installed;
without it, with no parse at all (no tags, no entities), which the extractor must also handle (it
falls back to its own lexicons and capitalisation rules).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from corroborate.extract.figures import extract_figures, measure_key
from corroborate.model import Entity, Figure, Quote, Speaker
from corroborate.nlp import segment

PUB = "2024-08-15"  # a Thursday
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _patched_model() -> bool:
    """A model folder set by hand (`corroborate.nlp.pipeline.MODEL_DIR = ...`), if loaded."""
    import sys

    pipeline = sys.modules.get("corroborate.nlp.pipeline")
    return pipeline is not None and (pipeline.MODEL_DIR / "meta.json").is_file()


@functools.cache
def _pipeline() -> tuple[Any, Any]:
    """(parse, entities) from the real pipeline when its model is there, else stand-ins."""
    try:
        import corroborate.nlp

        # the model's folder, found without importing spaCy (slow) when it is not there
        model = Path(corroborate.nlp.__file__).parent / "models" / "news_en" / "meta.json"
        if model.is_file() or _patched_model():
            from corroborate.extract.entities import extract_entities
            from corroborate.nlp import parse

            return parse, extract_entities
    except ImportError:
        pass
    # no model: no tags, no entities (the extractor's lexicon fallbacks), and no spaCy import
    return (lambda text: None), (lambda text, doc: [])


def figures(
    text: str,
    published: str | None = PUB,
    entities: list[Entity] | None = None,
    quotes: list[Quote] | None = None,
) -> list[Figure]:
    parse, ents = _pipeline()
    doc = parse(text)
    paragraphs, sentences = segment(text)
    found = ents(text, doc) if entities is None else entities
    return extract_figures(
        text, doc, sentences, found, published, paragraphs=paragraphs, quotes=quotes
    )


def one(text: str, **kwargs: Any) -> Figure:
    found = figures(text, **kwargs)
    assert len(found) == 1, [(text[f.start : f.end], f.measure) for f in found]
    return found[0]


# --- must find --------------------------------------------------------------------------------


def test_area_captured_with_period_and_group_source() -> None:
    text = (
        "Ukrainian forces seized 40 square kilometres of territory in the past 24 hours, "
        "the general staff said."
    )
    f = one(text)
    assert (f.value, f.unit, f.counted, f.measure) == (40, "km2", "territory", "area_captured")
    assert f.period == "past 24 hours"
    assert f.as_of == PUB
    assert f.source.kind == "organisation"
    assert f.source.name is not None and "general staff" in f.source.name.lower()
    assert text[f.start : f.end] == "40 square kilometres"


def test_each_rate_keeps_its_own_basis() -> None:
    text = (
        "Consumer prices rose 2.7% on the year and 0.3% on the month, the statistics office said."
    )
    found = figures(text)
    assert [(text[f.start : f.end], f.period) for f in found] == [
        ("2.7%", "year on year"),
        ("0.3%", "month on month"),
    ]


def test_settlements_controlled_with_location() -> None:
    text = "The army now controls 72 villages in the Belgorod region."
    f = one(text, entities=[Entity(text.index("Belgorod"), text.index(" region"), "LOC")])
    assert (f.value, f.unit, f.measure) == (72, "settlements", "settlements_controlled")
    assert f.counted == "villages in the Belgorod region"
    assert f.location == "Belgorod region"


def test_people_evacuated_with_date_location_and_person_noun_source() -> None:
    text = "Some 3,000 residents have been evacuated from Sumy, the governor said on Monday."
    f = one(text, entities=[Entity(text.index("Sumy"), text.index("Sumy") + 4, "LOC")])
    assert (f.value, f.unit, f.qualifier) == (3000, "people", "about")
    assert f.measure == "people_evacuated"
    assert f.location == "Sumy"
    assert f.as_of == "2024-08-12"
    assert (f.source.name, f.source.kind) == ("governor", "person")


def test_killed_and_injured_without_a_noun() -> None:
    found = figures("Rescuers said 12 were killed and 30 injured.")
    assert [(f.value, f.measure, f.unit) for f in found] == [
        (12, "people_killed", "people"),
        (30, "people_injured", "people"),
    ]
    assert {f.source.name for f in found} == {"Rescuers"}


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        # a toll's level counts people, so it meets "At least three people have died"
        ("The death toll from the flooding has risen to seven, the governor said.", 7, None),
        ("The death toll remained at seven.", 7, None),
        ("The regional crisis centre put the number of deaths at three.", 3, "crisis centre"),
    ],
)
def test_a_death_toll_counts_people(text: str, value: float, source: str | None) -> None:
    f = one(text)
    assert (f.value, f.unit, f.measure) == (value, "people", "people_killed")
    if source:
        assert f.source.name and source in f.source.name


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Ms Whitlock said the 1,400 job cuts were painful.", "jobs_cut"),
        ("The bank announced 300 job losses on Monday.", "jobs_lost"),
    ],
)
def test_a_count_named_by_its_change(text: str, measure: str) -> None:
    f = one(text)
    assert (f.unit, f.measure) == ("jobs", measure)  # as "cutting 1,400 jobs"


def test_verb_before_a_bare_number() -> None:
    f = one("The strike killed 12 and left the town without power.")
    assert (f.value, f.measure) == (12, "people_killed")


def test_prisoners_taken() -> None:
    f = one("The brigade took 100 prisoners near the river.")
    assert (f.value, f.unit, f.measure) == (100, "prisoners", "prisoners_taken")


def test_progressive_is_pending() -> None:
    f = one("About 500 people are in the process of leaving the city.")
    assert (f.value, f.qualifier, f.measure) == (500, "about", "people_evacuated_pending")
    f = one("Another 2,000 civilians are fleeing the fighting.")
    assert (f.measure, f.qualifier) == ("people_evacuated_pending", "additional")


def test_elliptical_figure_takes_the_unit_before_it() -> None:
    found = figures("Officials said 1,500 people had left, and another 700 are being evacuated.")
    assert [(f.value, f.unit, f.measure) for f in found] == [
        (1500, "people", "people_evacuated"),
        (700, "people", "people_evacuated_pending"),
    ]
    assert all(f.source.kind == "organisation" for f in found)


def test_square_miles_converted() -> None:
    f = one("The fire burned 15 square miles of forest.")
    assert f.unit == "km2"
    assert f.value == pytest.approx(38.85, abs=0.01)
    assert (f.original_value, f.original_unit) == (15, "square miles")
    assert f.counted == "forest"
    assert f.measure == "area_burned"


def test_currency() -> None:
    f = one("The EU pledged €1.2 billion in military aid on Tuesday.")
    assert (f.value, f.unit, f.measure) == (1.2e9, "EUR", "aid_pledged")
    assert f.counted == "military aid"
    assert f.as_of == "2024-08-13"
    f = one("Washington approved a $5m package.")
    assert (f.value, f.unit) == (5e6, "USD")
    f = one("The damage is put at 300,000 hryvnias.")
    assert (f.value, f.unit) == (300_000, "UAH")


def test_percent_with_according_to_organisation() -> None:
    f = one("According to the electoral commission, turnout was 61%.")
    assert (f.value, f.unit) == (61, "percent")
    assert f.source.kind == "organisation"
    assert f.source.name == "electoral commission"
    assert f.measure == "turnout"


def test_range_and_qualifiers() -> None:
    f = one("Between 300 and 400 soldiers were captured.")
    assert (f.value, f.value_max, f.unit, f.measure) == (300, 400, "soldiers", "soldiers_captured")
    f = one("At least 20 people died in the blast.")
    assert (f.qualifier, f.measure) == ("at least", "people_killed")
    f = one("Nearly two and a half million people have fled the country.")
    assert (f.value, f.qualifier, f.measure) == (2.5e6, "nearly", "people_evacuated")


def test_word_numbers_with_units() -> None:
    f = one("A dozen soldiers were wounded.")
    assert (f.value, f.unit, f.measure) == (12, "soldiers", "soldiers_injured")
    f = one("One person was killed.")
    assert (f.value, f.measure) == (1, "people_killed")


def test_plain_noun_in_digits() -> None:
    f = one("Air defences destroyed 30 drones overnight.")
    assert (f.value, f.unit, f.measure, f.period) == (30, "drones", "drones_destroyed", "overnight")


def test_level_of_a_noun() -> None:
    f = one("The death toll rose to 54.")
    assert (f.value, f.measure, f.counted) == (54, "people_killed", "death toll")
    f = one("The number of evacuees has reached 121,000, officials said.")
    assert (f.value, f.unit, f.measure) == (121_000, "people", "people_evacuated")
    f = one("The budget deficit rose to 7%.")
    assert f.measure == "deficit"
    f = one("Inflation fell to 2.4% in March, the statistics office said.")
    assert (f.value, f.unit, f.measure) == (2.4, "percent", "inflation")


def test_conversion_in_brackets_is_the_same_figure() -> None:
    f = one("Ukraine says it controls 1,000 sq km (386 sq miles) of Russian territory.")
    assert (f.value, f.unit, f.measure) == (1000, "km2", "area_controlled")


def test_partitive_counts_the_part() -> None:
    f = one("The air force said it had shot down 21 of the 25 drones.")
    assert (f.value, f.unit, f.measure) == (21, "drones", "drones_destroyed")


def test_left_dead() -> None:
    found = figures("The missile attack left three people dead and 14 injured.")
    assert [(f.value, f.measure) for f in found] == [(3, "people_killed"), (14, "people_injured")]


def test_coordinated_objects_share_the_verb() -> None:
    found = figures(
        "Russia launched 45 drones and three missiles overnight, the air force said, "
        "adding that 38 drones were shot down."
    )
    assert [(f.value, f.measure) for f in found] == [
        (45, "drones_launched"),
        (3, "missiles_launched"),
        (38, "drones_destroyed"),
    ]
    assert {f.source.name for f in found} == {"air force"}


def test_states_after_a_linking_verb() -> None:
    assert one("Officials said 2,500 people remain missing.").measure == "people_missing"
    assert one("Twelve people are dead.").measure == "people_killed"


def test_leave_with_an_object_is_not_evacuation() -> None:
    assert one("The storm left 200,000 homes without power.").measure == "homes_left"


def test_verb_after_a_place_phrase() -> None:
    f = one("About 20,000 residents of the Belgorod region have been relocated.")
    assert (f.measure, f.counted) == ("people_evacuated", "residents of the Belgorod region")


def test_organisation_named_with_a_preposition() -> None:
    f = one("Russian forces advanced 2 km near Pokrovsk, the Institute for the Study of War said.")
    assert (f.value, f.unit, f.measure) == (2, "km", "distance_advanced")
    assert (f.source.name, f.source.kind) == ("Institute for the Study of War", "organisation")


def test_suspended_hyphen_and_demonyms() -> None:
    f = one("The plan raises taxes on 8 million low- and middle-income Americans.")
    assert (f.value, f.unit, f.counted) == (8e6, "people", "low- and middle-income Americans")


def test_fraction_of_a_scale() -> None:
    f = one("You need a quarter of a million dollars.")
    assert (f.value, f.unit) == (250_000, "USD")


def test_verb_sense_depends_on_people() -> None:
    assert one("5,300 employees were fired.").measure == "employees_dismissed"
    assert one("The battery fired 40 rockets.").measure == "rockets_launched"


def test_currency_in_a_month_is_not_what_it_buys() -> None:
    f = one("They collected $90 million in August.")
    assert (f.counted, f.measure) == (None, "money_raised")


def test_year_that_counts_people() -> None:
    f = one("Police detained 2000 protesters.")
    assert (f.value, f.unit, f.measure) == (2000, "people", "protesters_arrested")


# --- as of ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("On Monday, 40 people were evacuated.", "2024-08-12"),
        ("Yesterday 40 people were evacuated.", "2024-08-14"),
        ("On 10 August, 40 people were evacuated.", "2024-08-10"),
        ("Since Monday, 40 people were evacuated.", PUB),  # a period, not the date
        ("40 people were evacuated.", PUB),  # default: the publication date
    ],
)
def test_as_of(sentence: str, as_of: str) -> None:
    assert one(sentence).as_of == as_of


def test_as_of_without_publication_date() -> None:
    assert one("On Monday, 40 people were evacuated.", published=None).as_of is None
    assert one("On 10 August 2024, 40 people were evacuated.", published=None).as_of == (
        "2024-08-10"
    )


def test_period_since() -> None:
    assert one("Since Monday, 40 people were evacuated.").period == "since Monday"


# --- sources ----------------------------------------------------------------------------------


def test_source_carried_through_the_paragraph_and_stopped_by_a_new_one() -> None:
    text = (
        "According to the regional governor Vyacheslav Gladkov, 40 houses were damaged. "
        "Furthermore, 12 people were injured.\n"
        "In a separate incident, 5 people were killed."
    )
    found = figures(text)
    assert [f.value for f in found] == [40, 12, 5]
    assert found[0].source.name == "Vyacheslav Gladkov"
    assert found[0].source.title == "regional governor"
    assert found[1].source.name == "Vyacheslav Gladkov"
    assert found[2].source.kind == "unattributed"


def test_new_source_replaces_the_carried_one() -> None:
    text = (
        "According to Vyacheslav Gladkov, 40 houses were damaged. "
        "Police said 3 people were arrested. Another 5 people were injured."
    )
    found = figures(text)
    assert [f.source.name for f in found] == ["Vyacheslav Gladkov", "Police", "Police"]
    assert found[1].source.kind == "organisation"


def test_name_resolves_to_fullest_form_with_title() -> None:
    text = (
        "Army chief Oleksandr Syrskyi spoke on Monday.\n"
        "Syrskyi said 40 settlements had been captured."
    )
    f = one(text)
    assert f.source.name == "Oleksandr Syrskyi"
    assert f.source.kind == "person"


def test_report_and_group_sources() -> None:
    f = one("Local media reported that 200 homes lost power.")
    assert (f.source.kind, f.source.name) == ("report", "Local media")
    f = one("Officials said 15 people were hurt.")
    assert (f.source.kind, f.source.name) == ("organisation", "Officials")
    f = one("Preliminary data indicate that 70 people were killed.")
    assert f.source.kind == "report"


def test_inverted_cue() -> None:
    f = one("Thirty people were killed, said the health ministry.")
    assert (f.value, f.source.kind, f.source.name) == (30, "organisation", "health ministry")


def test_a_passing_remark_is_not_carried() -> None:
    text = "Analysts said talks had stalled. Some 2,000 residents fled over the weekend."
    f = one(text)
    assert f.source.kind == "unattributed"
    assert f.period == "the weekend"


def test_source_that_gave_figures_is_carried() -> None:
    found = figures("The ministry said 12 soldiers were killed. Another 30 were wounded.")
    assert [(f.value, f.measure) for f in found] == [
        (12, "soldiers_killed"),
        (30, "soldiers_injured"),
    ]
    assert [f.source.name for f in found] == ["ministry", "ministry"]


def test_inverted_cue_at_the_end() -> None:
    f = one("Bonuses were $500 to $2,000 a quarter, the Journal reports.")
    assert (f.value, f.value_max, f.unit) == (500, 2000, "USD")
    assert f.source.kind != "unattributed"


def test_capital_standing_for_its_government() -> None:
    text = "Moscow said 40 drones were shot down."
    f = one(text, entities=[Entity(0, 6, "LOC")])
    assert (f.source.name, f.source.kind) == ("Moscow", "organisation")
    assert f.measure == "drones_destroyed"


def test_noun_uses_of_cue_words_are_not_cues() -> None:
    f = one("PolitiFact rated 32% of Republican claims as false.")
    assert f.counted == "Republican claims"
    assert f.source.kind == "unattributed"
    f = one("The rate was 18.7 percent, less than a third of Trump’s claim.")
    assert f.source.kind == "unattributed"
    f = one("Then 40 people were killed, the report says.")
    assert (f.source.kind, f.source.name) == ("report", "report")


def test_unattributed() -> None:
    f = one("Some 5,000 troops are stationed near the border.")
    assert f.source.kind == "unattributed"
    assert f.measure == "soldiers_deployed"


# --- must not find ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 the war entered its third year.",
        "The 2022–2024 offensive failed.",
        "The talks were held on Aug 14 and again on 14 August.",
        "The man, aged 54, was detained.",
        "A 54-year-old man was detained.",
        "John Smith, 54, was detained.",
        "The meeting starts at 9:30 or at 10 a.m.",
        "For details call 555-1234 or +44 20 7946 0958.",
        "The first and 3rd brigades moved north.",
        "Lot 10 deliveries to eight nations are under wraps.",
        "Apollo 11 landed on the Moon.",
        "The Boeing 737 was grounded.",
        "Pilots train on F-16 jets.",
        "One small mistake could start a war.",
        "It could have second- and third-order consequences.",
        "In two and a half years our partners failed to stop the war.",
        "The invasion began over two years ago.",
        "A 24-hour ceasefire was agreed.",
        "The talks lasted for three days.",
        "Both countries have dozens of drones and thousands of troops.",
        "The two leaders met for the first time.",
        "It was one of the worst attacks.",
        "Resolution 2231 expired.",
        "They won by a 2 to 1 margin.",
        "The rate was 10 times the national average.",
        "In a preview of the show The 411, the singer performs.",
        "The two men spent months trading insults.",
        "Eight of 10 avocados come from Mexico.",
        "About $4 of every $5 worth of goods go north.",
        "The plan helps people under 30 find work.",
        "A cashier steals a handful of $20s.",
        "They are 100 percent wrong.",
        "Prices rose in the 1990s.",
        "Obtain United States citizenship by investing.",
        "He tweeted at three o’clock in the morning.",
        "The raid killed 9/11 plotter Osama bin Laden.",
        "About eight out of 10 said it would not matter.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures(sentence) == [], sentence


def test_measure_key() -> None:
    assert measure_key("area", "seize") == "area_captured"
    assert measure_key("area", "capture") == "area_captured"
    assert measure_key("area", "hold") == "area_controlled"
    assert measure_key("settlements", "control") == "settlements_controlled"
    assert measure_key("people", "flee") == "people_evacuated"
    assert measure_key("people", "leave", pending=True) == "people_evacuated_pending"
    assert measure_key("prisoners", "take") == "prisoners_taken"
    assert measure_key("tanks", "abandon") == "tanks_lost"
    assert measure_key("homes", "flood") == "homes_flooded"  # unknown verb: its participle
    assert measure_key("death toll", "rise") == "death_toll"
    assert measure_key("jobs", "cut", planned=True) == "jobs_cut_planned"  # irregular
    assert measure_key("imports", "ban") == "imports_banned"  # doubled consonant
    assert measure_key(None, "kill") is None


def test_offsets_index_the_text() -> None:
    text = "Officials said more than 1,200 people were moved, and 40 sq km were lost."
    for f in figures(text):
        assert text[f.start : f.end].strip() == text[f.start : f.end]
    assert [text[f.start : f.end] for f in figures(text)] == ["more than 1,200 people", "40 sq km"]


# --- seeds ------------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not here ({SEEDS}); CI has them")
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.shared
def test_seed_000_all_four_figures_and_nothing_else() -> None:
    text = _seed("000")
    found = figures(text)
    got = [(f.value, f.unit, f.measure) for f in found]
    assert got == [
        (40, "km2", "area_captured"),
        (72, "settlements", "settlements_controlled"),
        (121_000, "people", "people_evacuated"),
        (59_000, "people", "people_evacuated_pending"),
    ]
    area, settlements, evacuated, leaving = found
    assert area.period == "past 24 hours"
    assert area.counted == "territory"
    for f in (area, settlements):
        assert f.source.name == "Oleksandr Syrskyi"
        assert f.source.kind == "person"
        assert f.source.title == "Ukraine’s Chief of Staff"
    assert settlements.location == "Kursk region"
    for f in (evacuated, leaving):
        assert (f.source.name, f.source.kind) == ("local reports", "report")
    assert all(f.as_of == PUB for f in found)


@pytest.mark.shared
def test_seed_002_invents_no_figures() -> None:
    assert figures(_seed("002")) == []


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "42", "$", "1,2,3,4,5", "12.", "about", "(386 sq miles)", "9" * 400,
     "According to", "said 5", "\n\n5 people\n\n", "Another 30 were wounded."],
)  # fmt: skip
def test_odd_inputs_do_not_break(text: str) -> None:
    for f in figures(text, published="not a date"):
        assert 0 <= f.start < f.end <= len(text)


def test_random_text_never_breaks_and_offsets_hold() -> None:
    import random

    pieces = [
        "12",
        "1,200",
        "3.5",
        "$5m",
        "two and a half",
        "people",
        "killed",
        "sq km",
        "said",
        "according to",
        "Mr Smith",
        "in the past 24 hours",
        "on Monday",
        "(",
        ")",
        "-",
        ",",
        ".",
        "\n",
        "another",
        "of the",
        "between",
        "and",
        "%",
        "Lot",
        "aged",
        "the",
    ]
    rng = random.Random(4)
    for _ in range(80):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for f in figures(text):
            assert 0 <= f.start < f.end <= len(text), text
            assert f.value > 0, text


# --- issue 4 audit: general forms found missing on realistic reports (our own sentences) ------


def _values(text: str) -> list[tuple[float, float | None, str | None]]:
    return [(f.value, f.value_max, f.unit) for f in figures(text)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The bank lowered its deposit rate by half a percentage point.", 0.5, "percentage points"),
        ("Investors now expect a quarter-point hike in March.", 0.25, "percentage points"),
        ("Analysts see a 75-basis-point cut as unlikely.", 0.75, "percentage points"),
        ("The spread widened by 0.4 percentage point.", 0.4, "percentage points"),
        ("Mortgage costs rose 30 basis points.", 0.3, "percentage points"),
        ("Some traders want a full percentage point of easing.", 1.0, "percentage points"),
    ],
)
def test_rate_steps_are_percentage_points(sentence: str, value: float, unit: str) -> None:
    found = [f for f in figures(sentence) if f.unit == unit]
    assert [f.value for f in found] == [pytest.approx(value)]


def test_basis_points_keep_what_was_written() -> None:
    (f,) = figures("Analysts see a 75-basis-point cut as unlikely.")
    assert (f.original_value, f.original_unit, f.counted) == (75.0, "basis points", "cut")


def test_percent_range_with_two_signs_is_one_figure() -> None:
    assert _values("The new target band is 3.25%-3.50%.") == [(3.25, 3.5, "percent")]
    assert _values("Its margin target is 8% to 9%.") == [(8.0, 9.0, "percent")]


def test_percent_then_money_is_not_a_range() -> None:
    found = _values("Sales grew 12% to $4.1 billion.")
    assert found == [(12.0, None, "percent"), (4.1e9, None, "USD")]


def test_change_by_then_level_is_two_figures() -> None:
    found = figures("New applications rose by 4,000 to 198,000 in the latest week.")
    assert [f.value for f in found] == [4000.0, 198000.0]
    assert all(f.value_max is None and f.unit != "week" for f in found)


def test_time_after_a_number_is_not_what_it_counts() -> None:
    found = figures("Orders rose to 18,000 last month.")
    assert all(f.counted != "last month" and f.unit != "month" for f in found)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The Greens had 21 seats, down from 44.", 44.0, "seats"),
        ("The party slumped from 51 seats to seven.", 7.0, "seats"),
        ("The Liberals won 12 of the province's 30 seats.", 12.0, "seats"),
        ("The Liberals won 12 of 30 seats.", 12.0, "seats"),
        ("Mr Hale won 5.2 million votes and Ms Orr 3.9 million.", 3.9e6, "votes"),
    ],
)
def test_elided_noun_is_taken_from_the_parallel_figure(
    sentence: str, value: float, unit: str
) -> None:
    found = {(f.value, f.unit) for f in figures(sentence)}
    assert (value, unit) in found


def test_part_of_a_total_does_not_count_the_total() -> None:
    found = [f.value for f in figures("The Liberals won 12 of the province's 30 seats.")]
    assert found == [12.0]


def test_bare_percentage_does_not_pass_its_sign_to_a_count() -> None:
    found = figures("Ms Orr won 6.1 million votes, or 44%, and Mr Hale about 5.2 million.")
    last = [f for f in found if f.value == 5.2e6]
    assert last and last[0].unit == "votes"


@pytest.mark.parametrize(
    ("sentence", "value", "counted"),
    [
        ("The coalition now has a majority of about 80.", 80.0, "majority"),
        ("Rescuers raised the death toll from the flood to 21.", 21.0, "death toll"),
        ("The deal brings the total freed since March to more than 600.", 600.0, "total"),
    ],
)
def test_number_governed_by_a_noun_before_it(sentence: str, value: float, counted: str) -> None:
    found = [f for f in figures(sentence) if f.value == value]
    assert found and found[0].counted == counted


@pytest.mark.parametrize(
    "sentence",
    [
        "Apollo 13 returned safely.",
        "The score was 3-1 by half-time.",
        "Children under the age of 12 are exempt.",
        "Gate 12 of Terminal 3 was closed.",
    ],
)
def test_must_not_find_bare_numbers(sentence: str) -> None:
    assert figures(sentence) == []


def test_figure_inside_a_quote_belongs_to_its_speaker() -> None:
    text = "The mayor, Ana Ruiz, told the minister that 14 people had been killed in the flood."
    start = text.index("14 people")
    quote = Quote(
        start=start,
        end=len(text) - 1,
        kind="indirect",
        speaker=Speaker("Ana Ruiz", text.index("Ana"), text.index("Ana") + 8, "mayor"),
    )
    (f,) = figures(text, quotes=[quote])
    assert (f.source.name, f.source.kind, f.source.title) == ("Ana Ruiz", "person", "mayor")
    (g,) = figures(text)  # without the quotes: the old reading stays available
    assert g.value == 14.0


def test_according_to_inside_a_quote_keeps_its_own_source() -> None:
    text = "Some 14 people had been killed, according to hospital records, the mayor said."
    quote = Quote(
        start=0,
        end=text.index(", the mayor"),
        kind="indirect",
        speaker=Speaker("mayor", text.index("mayor"), text.index("mayor") + 5, None, "person"),
    )
    (f,) = figures(text, quotes=[quote])
    assert f.source.kind == "report"


# --- percent subjects, verb families, magnitudes, currencies, time anchoring -----------------


def test_percent_takes_its_subject_and_a_change_key() -> None:
    a = one("The tech index jumped 3.1% on Friday.")
    b = one("The Dow Jones climbed 3.1 per cent.")
    assert (a.counted, a.measure) == ("tech index", "rise")
    assert b.counted is not None and b.counted.endswith("Jones") and b.measure == "rise"
    c = one("Rental costs slipped 0.3% last month.")
    assert (c.counted, c.measure) == ("Rental costs", "fall")
    d = one("The jobless rate held at 4.1% in June.")
    assert (d.counted, d.measure) == ("jobless rate", "rate")
    e = one("Participation was 71% in the city.")
    assert e.measure == "participation"


def test_percent_of_a_noun_is_its_share_whatever_the_verb() -> None:
    for verb in ("won", "took", "captured", "secured"):
        f = one(f"The Greens {verb} 18% of the ballots in the city.")
        assert (f.counted, f.measure) == ("ballots", "ballots_share"), verb


def test_rising_to_a_percent_is_a_level_not_a_change() -> None:
    assert one("The savings ratio rose to 6%.").measure != "rise"


def test_acquisition_verbs_share_a_family_but_stocks_stay_apart() -> None:
    won = one("The coalition won 212 seats.")
    took = one("The coalition took 212 seats.")
    assert won.measure == took.measure == "seats_won"
    held = one("Rebels now control 300 square kilometres.")
    flow = one("Rebels captured 12 square kilometres in the past 24 hours.")
    assert held.measure == "area_controlled" and flow.measure == "area_captured"


def test_money_in_a_quarter_is_not_counted_as_the_quarter() -> None:
    f = one("The carmaker lost $210 million in the quarter.")
    assert f.counted is None and f.measure == "money_lost"


def test_magnitude_before_or_after_the_number() -> None:
    found = figures("A magnitude 6.8 earthquake shook the valley and killed four people.")
    quake = found[0]
    assert (quake.value, quake.unit, quake.counted, quake.measure) == (
        6.8,
        "magnitude",
        "earthquake",
        "magnitude",
    )
    assert found[1].measure == "people_killed"
    both = figures("The tremor was measured at magnitude 5.9 by one agency and 6.1 by another.")
    assert [(f.value, f.unit) for f in both] == [(5.9, "magnitude"), (6.1, "magnitude")]
    after = one("An aftershock of magnitude 3.6 rattled windows.")
    assert (after.unit, after.counted) == ("magnitude", "aftershock")
    hyph = one("A 5.2-magnitude quake hit the coast.")
    assert hyph.unit == "magnitude" and "killed" not in (hyph.measure or "")


def test_prefixed_dollars_and_a_bracketed_conversion() -> None:
    f = one("The province will spend HK$8 billion (US$1 billion) on flood defences.")
    assert (f.value, f.unit, f.original_value, f.original_unit) == (8e9, "HKD", 1e9, "USD")
    found = figures("Grants of A$40 million, C$15 million, S$2 million and NZ$9 million.")
    assert [f.unit for f in found] == ["AUD", "CAD", "SGD", "NZD"]
    assert one("Costs reached $12 million.").unit == "USD"


@pytest.mark.parametrize(
    ("url", "text", "units"),
    [
        # an Australian paper's "$" is the Australian dollar; its "US$" stays American
        ("https://www.abc.net.au/news/1", "The state will spend $50m on the hospital.", ["AUD"]),
        ("https://www.abc.net.au/news/2", "The deal is worth US$2bn, or $3bn.", ["USD", "AUD"]),
        ("https://www.cbc.ca/news/3", "Ottawa will spend 40 million dollars on it.", ["CAD"]),
        # a report that writes "A$" itself keeps "$" for the US dollar, as wire copy does
        (
            "https://www.smh.com.au/4",
            "Costs rose to A$5m, and the US bill was $2m.",
            ["AUD", "USD"],
        ),
        ("https://www.reuters.com/5", "The state will spend $50m on the hospital.", ["USD"]),
        (None, "The state will spend $50m on the hospital.", ["USD"]),
        # a host written with its final dot is the same site; a malformed URL is no site
        ("https://www.abc.net.au./news/6", "The state will spend $50m.", ["AUD"]),
        ("http://[bad", "The state will spend $50m on the hospital.", ["USD"]),
    ],
)
def test_a_bare_dollar_is_the_currency_of_where_the_report_was_published(
    url: str | None, text: str, units: list[str]
) -> None:
    from corroborate.extract.pipeline import analyse
    from corroborate.model import Article

    found = analyse(Article(text=text, id="x", url=url, published="2024-05-14")).figures
    assert [f.unit for f in found] == units


def test_superlative_since_is_not_the_period() -> None:
    f = one("Wages grew 1.1% in July, the weakest gain since March 2019.")
    assert f.period is None
    g = one("Shelling destroyed 14 homes since Tuesday.")
    assert g.period == "since Tuesday"


def test_a_figure_about_a_past_year_is_not_dated_today() -> None:
    f = one("In 1987, 41 miners died in the collapse.")
    assert f.as_of == "1987-12-31"
    assert one("Rescuers freed 41 miners in the collapse.").as_of == PUB
    now, then = figures("The bloc holds 88 seats, down from 140 in 2015.")
    assert (now.as_of, then.as_of) == (PUB, "2015-12-31")


def test_weekday_direction_follows_tense() -> None:
    # 2024-08-18 is a Sunday
    past = one("Exports fell 6% on Friday.", published="2024-08-18")
    future = one("The council will approve $3 million on Friday.", published="2024-08-18")
    assert past.as_of == "2024-08-16"
    assert future.as_of == "2024-08-23"


def test_a_model_number_named_elsewhere_is_not_a_count_but_a_plural_count_still_is() -> None:
    """ "Vantor 480 production" in a report that says "the Vantor 480" is the aircraft type;
    "480 passengers" is still 480 of something."""
    text = (
        "Aerion will slow 480 production for a month, the company said. The Vantor 480 "
        "fleet was grounded on Friday."
    )
    assert [f.value for f in figures(text)] == []
    text = "The Vantor 480 can carry 480 passengers, the company said."
    assert [(f.value, f.unit) for f in figures(text)] == [(480.0, "people")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Germany will send 14 Leopard 2 tanks, the ministry said.", 14.0, "tanks"),
        ("The air force has received 24 F-16 jets, officials said.", 24.0, "jets"),
        ("Regulators grounded 171 Boeing 737 Max 9 aircraft on Saturday.", 171.0, "aircraft"),
        ("The army said it shot down 40 Shahed-136 drones overnight.", 40.0, "drones"),
    ],
)
def test_a_count_of_things_named_by_a_model(sentence: str, value: float, unit: str) -> None:
    """The model name between the number and the noun ("24 F-16 jets") is part of what is
    counted; its own digits are not a second figure."""
    found = figures(sentence)
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


# --- wire copy: found by an audit of Reuters 1996 text (our own sentences here) -----------------


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The group said its profit rose to 21.8 million French francs.", "FRF"),
        ("The firm paid 37 million French franc for the stake.", "FRF"),
        ("The bank raised 5 million Swiss francs from the sale.", "CHF"),
        ("The deal was worth 90 million Deutsche marks, the company said.", "DEM"),
        ("Exports brought in 4.2 billion zlotys last year, the ministry said.", "PLN"),
    ],
)
def test_a_currency_named_with_its_country(sentence: str, unit: str) -> None:
    assert one(sentence).unit == unit


def test_a_speed_is_no_distance() -> None:
    f = one("The new train reached 200 miles per hour on the test track.")
    assert (f.unit, f.measure, f.counted) == ("km/h", "speed", "new train")
    assert (f.original_value, f.original_unit) == (200, "miles per hour")
    assert round(f.value, 1) == 321.9
    assert one("Winds of up to 120 km/h hit the coast.").unit == "km/h"
    assert one("The column advanced 30 kilometres towards the town.").unit == "km"


def test_left_in_a_state_is_no_evacuation() -> None:
    found = figures("Of the 40 victims of the blast, six were left severely handicapped.")
    assert [f.measure for f in found if f.value == 6] == ["victims_left"]
    assert one("About 59,000 people are leaving the area.").measure == "people_evacuated_pending"


def test_a_day_after_the_counted_thing_is_not_part_of_it() -> None:
    f = one("The fighting killed 12 soldiers on Friday, officials said.")
    assert f.counted == "soldiers"
    g = one("The army now controls 72 villages in the Belgorod region.")
    assert g.counted == "villages in the Belgorod region"


def test_money_in_a_period_counts_no_period() -> None:
    f = one("The group's net profit rose to $21.8 million in the first half.")
    assert f.counted == "net profit"  # what rose, not "first half"


def test_a_place_is_named_by_letters_and_whole_across_a_hyphen() -> None:
    text = "Fighting in Urus-Martan killed 12 soldiers on Friday, officials said."
    f = one(text, entities=[Entity(text.index("Urus"), text.index("-Martan"), "LOC")])
    assert f.location == "Urus-Martan"
    text = "The bond fell 11 basis points at 93.94 in late trading."
    f = one(text, entities=[Entity(text.index("93.94"), text.index("93.94") + 5, "LOC")])
    assert f.location is None


def test_a_period_in_a_relative_clause_is_not_the_figures() -> None:
    text = (
        "The $9.5 billion takeover could spark more mergers of the state's banks, which until "
        "last year were protected from outside buyers."
    )
    assert one(text).period is None
    f = one("Since 2020, 24 children have been hurt by the devices, which open at high speed.")
    assert f.period == "since 2020"
    g = one("Shelling destroyed 14 homes since Tuesday, officials said.")
    assert g.period == "since Tuesday"


def test_a_price_per_unit_is_its_own_measure() -> None:
    f = one("Brent crude rose to $82 a barrel on Monday.")
    assert (f.value, f.unit, f.counted) == (82, "USD", "brent crude per barrel")
    assert f.measure is not None and f.measure.startswith("money_per_barrel")
    g = one("The council approved $5 million in aid for the port.")
    assert g.measure is not None and not g.measure.startswith("money_per")


def test_a_date_that_starts_a_period_is_no_as_of_date() -> None:
    f = one(
        "Kyiv says 594 soldiers have been captured since the start of the operation on "
        "Aug 6, the army chief said.",
        published="2024-08-27",
    )
    assert f.as_of == "2024-08-27"
    g = one("Some 3,000 residents were evacuated from Sumy on Monday.", published="2024-08-15")
    assert g.as_of == "2024-08-12"


def test_a_count_with_a_participle_before_its_noun() -> None:
    f = one("Buses carrying 115 freed Ukrainian soldiers crossed the border on Saturday.")
    assert (f.value, f.unit) == (115, "soldiers")


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("The central bank cut interest rates by half a percentage point on Wednesday.", "cut"),
        ("The bank lowered its benchmark rate by 50 basis points.", "cut"),
        ("Policymakers delivered a half-point cut.", "cut"),
        ("The bank reduced rates by 0.5 percentage point, officials said.", "cut"),
        ("The bank raised rates by 25 basis points.", "hike"),
        ("Markets expect a 25-basis-point hike in March.", "hike"),
    ],
)
def test_a_rate_step_has_one_measure_whatever_its_verb(sentence: str, measure: str) -> None:
    f = one(sentence)
    assert (f.unit, f.measure) == ("percentage points", measure)


def test_a_total_of_named_things_counts_them() -> None:
    f = one(
        "The swap brought the total number of prisoners exchanged since the start of the war "
        "to more than 2,000."
    )
    assert (f.value, f.unit, f.qualifier) == (2000, "prisoners", "more than")
    assert one("The blast raised the death toll to 13.").measure == "people_killed"


def test_a_figure_about_a_past_month_is_as_of_its_end() -> None:
    now, then = figures(
        "Consumer prices rose 0.2% last month after a 0.2% gain in July.", published="2024-09-12"
    )
    # as of the end of last month, as "rose 0.2% in August" is (both align across outlets)
    assert (now.period, now.as_of) == ("last month", "2024-08-31")
    assert (then.period, then.as_of) == (None, "2024-07-31")
    f = one("Exports fell 6% in August.", published="2024-09-12")
    assert f.as_of == "2024-08-31"
    g = one("Exports fell 6% in November.", published="2024-09-12")
    assert g.as_of == "2023-11-30"  # the last November before the report
    h = one("The company plans to cut 500 jobs in March.", published="2024-09-12")
    assert h.as_of == "2024-09-12"
    k = one("Exports fell 6% in September.", published="2024-09-12")
    assert k.as_of == "2024-09-12"  # the report's own month: perhaps not over


# --- wire copy: abbreviations, asides, where the speaker was ----------------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("There are now 23,000 U.S. troops in the Gulf region.", "23,000 U.S. troops", "soldiers"),
        ("The U.N. sent 40 U.N. observers to the town.", "40 U.N. observers", "observers"),
    ],
)
def test_a_dotted_abbreviation_between_number_and_noun(text: str, span: str, unit: str) -> None:
    f = one(text)
    assert (text[f.start : f.end], f.unit) == (span, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Some 150,000 people -- mostly civilians -- have died in the war, officials said.",
        "At least 40 people (most of them women) were killed on Monday, police said.",
        "About 2,000 people — many of them children — have died since May, officials said.",
    ],
)
def test_an_aside_does_not_hide_the_verb(text: str) -> None:
    assert one(text).measure == "people_killed"


def test_where_the_speaker_was_is_not_where_the_figure_is() -> None:
    assert one("Serbs have 40 tanks near the front, Marriner said in Sarajevo.").location is None
    told = "Serbs have 40 tanks near the front, Marriner told a news conference in Sarajevo."
    assert one(told).location is None
    assert one("The army said 300 troops had died in Grozny.").location == "Grozny"
    # the place in the speaker's description, or where the speakers met, is theirs
    economist = "Prices rose 3.2 percent, said Anna Berg, an economist at Halden Bank in London."
    assert one(economist).location is None
    met = "The ministers, meeting in Brussels, agreed to send 5,000 tents."
    assert one(met).location is None


def test_a_persons_country_is_not_the_figures_place() -> None:
    f = one("Jesper Parnevik of Sweden took home $216,000 from the tournament.")
    assert f.location != "Sweden"


def test_a_bare_number_after_a_noun_of_its_own_takes_no_earlier_unit() -> None:
    text = "He threw 108 pitches as he lowered his average from 8.08 to 7.24 on the night."
    assert [(text[f.start : f.end], f.unit) for f in figures(text)] == [("108 pitches", "pitches")]


def test_only_people_are_evacuated() -> None:
    from corroborate.extract.figures import measure_key

    assert measure_key("people", "leave", human=True) == "people_evacuated"
    assert measure_key("wickets", "leave") == "wickets_left"
    assert measure_key("cars", "flee") == "cars_fled"
    assert one("About 3,000 families fled the town, officials said.").measure.endswith("evacuated")


def test_fighter_planes_are_aircraft_and_surrendering_fighters_are_alive() -> None:
    planes = one("The United States has 200 fighter planes in the region.")
    assert (planes.unit, planes.counted) == ("planes", "fighter planes")
    fighters = one("Rebels said 300 fighters had surrendered to the army.")
    assert (fighters.unit, fighters.measure) == ("soldiers", "soldiers_surrendered")
    assert one("The unit lost 40 soldiers in the battle.").measure == "soldiers_killed"


# --- the realistic dev reports: idioms of war and central-bank news ---------------------------


def test_soldiers_who_took_part_were_not_captured() -> None:
    text = "Around 1,000 Ukrainian soldiers had taken part in the assault, the general said."
    assert one(text).measure == "soldiers_participated"
    assert one("Ukrainian forces had taken 28 villages.").measure == "settlements_captured"


def test_villages_that_fell_were_lost() -> None:
    text = "The regional governor admitted that 28 villages had fallen to the attackers."
    assert one(text).measure == "settlements_lost"


def test_a_rate_step_before_interest_rate_cut() -> None:
    f = one(
        "Stocks rose after the Federal Reserve made a half-point interest rate cut on Wednesday."
    )
    assert (f.value, f.unit, f.measure) == (0.5, "percentage points", "cut")


def test_twelve_months_to_a_month_is_year_on_year() -> None:
    f = one("In the 12 months to August, the consumer price index increased 2.5%.")
    assert f.period == "year on year"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "The cut lowers the benchmark federal funds rate to a range of 4.75%-5.00%.",
            "benchmark federal funds rate",
        ),
        ("The Fed cut its policy rate to 4.75%-5.00% on Wednesday.", "policy rate"),
        ("The move took the federal funds rate to 4.75%-5% on Wednesday.", "federal funds rate"),
    ],
)
def test_a_rate_set_to_a_level_is_that_rate(text: str, counted: str) -> None:
    f = one(text)
    assert (f.counted, f.measure) == (counted, "rate")


def test_coordinated_changes_share_their_subject_and_keep_their_own_basis() -> None:
    found = figures("Core prices rose 0.1% on the month and 2.7% on the year.")
    assert [(f.counted, f.measure, f.period) for f in found] == [
        ("Core prices", "rise", "month on month"),
        ("Core prices", "rise", "year on year"),
    ]
    found = figures("Energy prices fell 0.8% and are now down 4% on a year ago.")
    assert [(f.counted, f.measure, f.period) for f in found] == [
        ("Energy prices", "fall", None),
        ("Energy prices", "fall", "year on year"),
    ]


def test_a_place_after_another_number_is_that_numbers() -> None:
    found = figures(
        "Insurers said about 60% of households in Lindholm had flood cover, compared with "
        "nearly 80% across the region."
    )
    assert [(f.value, f.location) for f in found] == [(60, "Lindholm"), (80, None)]
    found = figures("In Kursk, troops took 40 square kilometres and three villages on Monday.")
    assert [f.location for f in found] == ["Kursk", "Kursk"]  # the sentence's place: both


def test_a_share_of_an_adjective_and_a_gerund() -> None:
    f = one("The evacuation would cost the regional budget about 3% of its annual spending.")
    assert (f.counted, f.measure) == ("annual spending", "spending_share")


@pytest.mark.parametrize(
    ("sentence", "as_of", "period"),
    [
        # the figure's own month before the day it was said
        ("Exports fell 6% in August, the ministry said on Monday.", "2024-08-31", None),
        # a month or a period after "after", "from", "than" is the comparison's
        ("The index rose 0.2% after being unchanged in July.", "2024-09-12", None),
        ("Traders saw a 60% chance of a cut, up sharply from last week.", "2024-09-12", None),
    ],
)
def test_a_time_compared_with_is_not_the_figures(
    sentence: str, as_of: str, period: str | None
) -> None:
    f = one(sentence, published="2024-09-12")
    assert (f.as_of, f.period) == (as_of, period)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Shelter costs, the biggest contributor, rose 0.5% in August.", "Shelter costs"),
        ("Core PCE, which excludes food and energy, rose 0.1% on the month.", "Core PCE"),
    ],
)
def test_a_percent_keeps_its_subject_past_an_aside(sentence: str, subject: str) -> None:
    assert one(sentence, published="2024-09-12").counted == subject


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Fed officials projected that inflation would end the year at 2.3%.", "Fed officials"),
        ("Analysts forecast a 3% rise in sales.", "Analysts"),
    ],
)
def test_a_forecast_is_its_forecasters(sentence: str, source: str) -> None:
    assert one(sentence).source.name == source


def test_expected_without_a_forecaster_has_no_source() -> None:
    assert one("The economy is expected to grow 2% this year.").source.kind == "unattributed"


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("A storm surge of up to 20 feet hit the coast.", 6.096, "m", "feet"),
        ("A 15ft wall of water hit the town.", 4.572, "m", "feet"),
        ("The gunman fired from 130 yards.", 118.872, "m", "yards"),
        ("The reservoir held 18 cubic kilometres of water.", 18.0, "km3", None),
        ("Canada pledged 500 million Canadian dollars.", 500e6, "CAD", None),
        ("Australia gave 100 million Australian dollars.", 100e6, "AUD", None),
    ],
)
def test_imperial_lengths_volumes_and_other_dollars(
    text: str, value: float, unit: str, written: str | None
) -> None:
    f = one(text)
    assert (f.unit, f.original_unit) == (unit, written)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # one key whatever the tense or the spelling
        ("Customers withdrew $42 billion on Thursday.", "money_withdrawn"),
        ("Customers have withdrawn $42 billion.", "money_withdrawn"),
        ("Delta canceled 1,200 flights.", "flights_cancelled"),
        ("Delta cancelled 1,200 flights.", "flights_cancelled"),
        # a declared state is what is counted; "or more" does not hide the verb
        ("At least 16 people were confirmed dead.", "people_killed"),
        ("About 40 residents are feared dead.", "people_killed"),
        ("Some 500 people or more had died.", "people_killed"),
    ],
)
def test_the_same_quantity_gets_one_key(text: str, measure: str) -> None:
    assert one(text).measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from Hurricane Orla rose above 100 across six states.",
        "The confirmed death toll across the valley passed 130 on Tuesday.",
    ],
)
def test_a_toll_with_a_phrase_before_its_verb(text: str) -> None:
    assert one(text).measure == "people_killed"


def test_a_possessive_day_dates_only_what_it_owns() -> None:
    text = "The shares rose as much as 40%, recovering part of Wednesday's 24% slide."
    (f, *_) = figures(text, published="2023-03-16")
    assert text[f.start : f.end] == "as much as 40%" and f.as_of == "2023-03-16"


def test_one_victim_and_the_others_count_with_the_same_noun() -> None:
    text = (
        "One spectator was killed and two others were critically injured, the Secret Service said."
    )
    killed, injured = figures(text)
    assert (killed.value, killed.measure) == (1, "spectators_killed")
    # "others" borrows the noun before it; the manner adverb does not hide the verb
    assert (injured.value, injured.measure) == (2, "spectators_injured")


def test_one_is_still_no_count_on_its_own() -> None:
    assert figures("Only one country has signed the treaty.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A million homes were without electricity on Friday.",
        "Nearly 1 million homes lost power on Friday.",
        "More than 300,000 homes remained without power.",
    ],
)
def test_homes_without_power_one_key_however_worded(text: str) -> None:
    f = one(text)
    assert f.measure == "homes_without_power" and f.value >= 300_000
    assert f.counted == "homes"  # not "homes lost power"


def test_a_scale_word_in_words_needs_no_verb_of_measure() -> None:
    (f,) = figures("A million customers were affected.")
    assert f.value == 1_000_000 and f.unit == "customers"


def test_that_day_is_the_date_named_before() -> None:
    text = (
        "The army said on Monday that its forces had advanced. That day, officials said 1,200 "
        "people had been evacuated."
    )
    (f,) = figures(text, published="2024-08-15")
    assert f.value == 1200 and f.as_of == "2024-08-12"  # Monday, not the publication date


@pytest.mark.parametrize(
    ("text", "value", "unit", "measure"),
    [
        ("Temperatures reached 38.8C at Córdoba airport on Thursday.", 38.8, "°C", "temperature"),
        ("It was about 50 degrees Fahrenheit at noon.", 50, "°F", "temperature"),
        ("The final dividend was 8.6p a share.", 0.086, "GBP", "money_per_share"),
    ],
)
def test_temperatures_and_pence(text: str, value: float, unit: str, measure: str) -> None:
    f = one(text)
    assert (f.value, f.unit, f.measure) == (value, unit, measure)


@pytest.mark.parametrize(
    "text",
    [
        "Three men, aged 34, 41 and 52, were arrested.",  # the rest of a list of ages
        "The homicide rate, about 46 per 100,000 residents, is the highest in the state.",
        "Roughly one in seven cars sold in Norway is electric.",
        "Nine in 10 Democratic voters say she could win.",
    ],
)
def test_ages_rate_bases_and_proportions_are_no_counts(text: str) -> None:
    assert all(f.value not in (41, 52, 100_000, 7, 10) for f in figures(text))


def test_a_year_earlier_is_no_rate() -> None:
    found = figures("Pre-tax profit rose 74% from £637m a year earlier.")
    assert [(f.value, f.measure) for f in found if f.unit == "GBP"] == [(637e6, "profit")]


def test_the_figure_put_at_is_the_figure_just_given() -> None:
    text = (
        "Organisers said 100,000 people joined the march. The interior ministry put the figure "
        "at about 20,000."
    )
    first, second = figures(text)
    assert (second.value, second.qualifier) == (20_000, "about")
    assert (
        (second.unit, second.measure) == (first.unit, first.measure) == ("people", "people_joined")
    )


def test_a_month_opening_the_sentence_dates_its_figures() -> None:
    text = "In January 2023, a plane crashed near Pokhara, killing all 72 people on board."
    assert one(text, published="2024-05-14").as_of == "2023-01-31"
    assert one("In July, 500 people were evacuated.", published="2024-05-14").as_of == "2023-07-31"


def test_a_poll_or_study_that_found_a_figure_is_its_source() -> None:
    f = one("A YouGov poll found 77% of voters backed the plan.")
    assert f.source.name == "YouGov poll"
    f = one("A study by the University of Leeds found that 40% of rivers were polluted.")
    assert f.source.name == "University of Leeds"
    assert one("Police found 3 bodies in the house.").source.kind == "unattributed"


def test_six_in_10_voters_is_a_share_of_voters() -> None:
    f = one("Six in 10 Virginia Democratic primary voters said Clinton is honest.")
    assert (f.value, f.unit, f.measure) == (60.0, "percent", "voters_share")
    assert (f.original_value, f.original_unit) == (6, "in 10")
    # the voters are what is counted, not the source (the whole pipeline: the quote stage
    # credits "Clinton is honest" to them)
    from corroborate.extract.pipeline import analyse
    from corroborate.model import Article

    text = "Six in 10 Virginia Democratic primary voters said Clinton is honest."
    (g,) = analyse(Article(text=text, published=PUB)).figures
    assert g.measure == "voters_share" and g.source.kind == "unattributed"
    assert figures("About eight out of 10 said it would not matter.") == []


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Revenue rose to $4.2 billion in the quarter.", "revenue"),
        ("Net income fell to $310 million.", "income"),
        ("Pre-tax profit rose 74% to £1.1bn.", "profit"),
        ("The deal is worth $5 billion.", "deal"),
    ],
)
def test_an_amount_is_the_level_of_what_rose_or_fell(text: str, measure: str) -> None:
    (f,) = [f for f in figures(text) if f.unit in {"USD", "GBP"}]
    assert f.measure == measure


def test_the_number_had_fallen_to_is_the_figure_before() -> None:
    text = (
        "More than 180,000 homes and businesses in the Houston area were without power on "
        "Friday morning. By 10 a.m., the number had fallen to roughly 150,000."
    )
    first, second = figures(text)
    assert first.measure == second.measure == "homes_without_power"
    assert second.value == 150_000


@pytest.mark.parametrize(
    ("text", "period", "measure"),
    [
        ("The plant produces 5,000 barrels of oil a day, the company said.", "per day", None),
        ("About 1,200 people a day crossed the border last week.", "per day", "people_crossed"),
        ("The event draws 300 visitors each week.", "per week", None),
        ("Wages rose 4% from a year earlier to $15 an hour.", "per hour", "money_per_hour"),
    ],
)
def test_a_rate_is_the_period_of_the_figure_before_it(
    text: str, period: str, measure: str | None
) -> None:
    f = figures(text)[-1]
    assert f.period == period
    assert measure is None or f.measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "For the first time in a year, 200 people attended.",
        "Sales rose to 300 units, up from a year ago.",
        "Some 200 people gathered for a day of mourning.",
        "The 300 workers went on strike for a day.",
    ],
)
def test_spans_comparisons_and_named_days_are_no_rates(text: str) -> None:
    assert all(not (f.period or "").startswith("per ") for f in figures(text))


@pytest.mark.parametrize(
    ("text", "value", "measure", "qualifier"),
    [
        ("A quarter of residents lost power, officials said.", 25.0, "residents_share", None),
        ("More than half of all Americans own a gun.", 50.0, "americans_share", "more than"),
        ("Two-thirds of the country's hospitals are closed.", 66.7, "hospitals_share", None),
        ("Nearly a third of voters backed him.", 33.3, "voters_share", "nearly"),
    ],
)
def test_a_fraction_of_a_group_is_a_share(
    text: str, value: float, measure: str, qualifier: str | None
) -> None:
    f = one(text)
    assert (f.value, f.unit, f.measure, f.qualifier) == (value, "percent", measure, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "Half of them left before noon.",
        "In the second half of the year, prices fell.",
        "A third of a mile away, the road was closed.",
        "The rate was less than a third of the official estimate.",
    ],
)
def test_a_fraction_of_a_time_a_measure_or_a_pronoun_is_no_share(text: str) -> None:
    assert not [f for f in figures(text) if f.unit == "percent"]


def test_a_fraction_of_a_number_still_scales_it() -> None:
    assert one("A quarter of a million people fled.").value == 250_000
    f = one("Half of the 300 workers were laid off.")
    assert (f.value, f.unit) == (150, "people")


def test_a_standing_fact_about_a_place_is_not_carried_from_the_source_before() -> None:
    text = (
        "According to the ministry, 40 people were killed in the strike. The city has a "
        "population of 300,000. Another 12 people were wounded."
    )
    killed, population, wounded = figures(text)
    assert killed.source.name == wounded.source.name == "ministry"
    assert population.value == 300_000 and population.source.kind == "unattributed"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The bank will pay CHF 2.5 billion to settle the case.", 2.5e9, "CHF"),
        ("The bank lent SEK 40m to the city.", 40e6, "SEK"),
        ("The state will spend Rs 500 crore on the project.", 5e9, "INR"),
        ("Each family will receive Rs. 2.5 lakh in aid.", 250_000, "INR"),
        ("The tanker sank 20 nautical miles off the coast.", 37.04, "km"),
    ],
)
def test_currency_codes_south_asian_scales_and_nautical_miles(
    text: str, value: float, unit: str
) -> None:
    f = one(text)
    assert (round(f.value, 2), f.unit) == (value, unit)


def test_an_iso_code_is_upper_case() -> None:
    assert not [f for f in figures("They will try 5 times to cross the river.") if f.unit]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Farmers harvested 3.2 million tonnes of wheat, down 12% on last year.", "fall"),
        ("Halvorsen shares closed up 4.5% on Friday.", "rise"),
    ],
)
def test_up_or_down_without_a_verb_of_change_is_a_change(text: str, measure: str) -> None:
    assert [f.measure for f in figures(text) if f.unit == "percent"] == [measure]


def test_a_rival_estimate_put_at_with_it_is_the_same_quantity_from_its_own_source() -> None:
    text = "Police estimated the crowd at 15,000, while organisers put it at 100,000."
    police, organisers = figures(text)
    assert (police.value, police.measure, police.source.name) == (15_000, "crowd", "Police")
    assert (organisers.value, organisers.measure) == (100_000, "crowd")
    assert organisers.source.name == "organisers"
    text = "Organisers said 100,000 people joined the march. Police put it at about 20,000."
    first, second = figures(text)
    assert (second.value, second.measure, second.source.name) == (20_000, first.measure, "Police")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Nurses will strike after rejecting a 5.5% pay rise, the union said.", "pay_rise"),
        ("The firm announced a 10% cut in its workforce.", "cut"),
        ("Rents saw a 7% annual increase.", "rise"),
    ],
)
def test_a_percent_before_a_change_noun_is_that_change(text: str, measure: str) -> None:
    assert one(text).measure == measure


def test_official_results_are_a_source() -> None:
    f = figures("Labour won 412 of the 650 seats, official results showed.")[0]
    assert (f.source.kind, f.source.name) == ("report", "official results")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Temperatures fell to minus 9C overnight.", -9.0),
        ("Temperatures in Malatya fell to -9C overnight.", -9.0),
        ("It was 40C in Seville on Tuesday.", 40.0),
    ],
)
def test_temperatures_below_zero_keep_their_sign(text: str, value: float) -> None:
    f = one(text)
    assert (f.value, f.unit) == (value, "°C")


@pytest.mark.parametrize(
    "text",
    [
        "The recall covers batch numbers beginning with 24B and 24C.",
        "Residents spoke at the hearing at City Hall, 200 Main Street.",
        "Officers confronted him within minutes of the first 911 call.",
        '"She skied until she was 78," her son said.',
        "The formula was sold in 800g tins at most supermarkets.",
    ],
)
def test_codes_addresses_emergency_numbers_ages_and_sizes_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_a_toll_far_from_its_number_still_names_what_it_counts() -> None:
    text = (
        "The death toll from Tuesday's magnitude 6.8 earthquake in eastern Turkey has risen to "
        "312, Turkey's disaster agency AFAD says."
    )
    quake, toll = figures(text)
    assert (quake.value, quake.unit) == (6.8, "magnitude")
    assert (toll.value, toll.unit, toll.measure) == (312, "people", "people_killed")


@pytest.mark.parametrize(
    ("text", "value", "name", "title"),
    [
        ("The government delegation in Madrid put the turnout at 22,000.", 22_000,
         "government delegation in Madrid", None),
        ("The CGT union puts the national figure at 3.5 million.", 3.5e6, "CGT union", None),
        ("The German Economic Institute (IW) estimated that the strike could cost up to €1bn "
         "a day.", 1e9, "German Economic Institute", None),
        ("The USDA's attaché in New Delhi forecast 103.5 million tonnes.", 103.5e6, None,
         "USDA's attaché in New Delhi"),
    ],
)  # fmt: skip
def test_whoever_puts_a_figure_at_a_value_is_its_source(
    text: str, value: float, name: str | None, title: str | None
) -> None:
    f = figures(text)[-1]
    assert f.value == value
    assert (f.source.name, f.source.title) == (name, title)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The company reported sales of €189bn last year.", "sales"),
        ("The council approved a budget of £2bn.", "budget"),
        ("Ukraine received aid worth $40bn.", "aid"),
    ],
)
def test_an_amount_takes_the_noun_it_belongs_to(text: str, measure: str) -> None:
    assert one(text).measure.startswith(measure)


def test_a_proportion_with_its_noun_inside_is_a_share_of_that_noun() -> None:
    f = one('"Seven French people out of ten are against this reform," she said.')
    assert (f.value, f.unit, f.measure) == (70.0, "percent", "people_share")


@pytest.mark.parametrize(
    ("text", "value", "measure", "qualifier"),
    [
        ("The storm could bring up to 20cm of snow.", 0.2, "snow_brought", "up to"),
        ("Up to 50 millimetres of rain fell overnight.", 0.05, "rain", "up to"),
        ("The Bank revised its forecast for unemployment up to 5%.", 5.0, None, None),
    ],
)
def test_rain_and_snow_in_centimetres_and_up_to_after_a_revision(
    text: str, value: float, measure: str | None, qualifier: str | None
) -> None:
    f = one(text)
    assert (round(f.value, 4), f.qualifier) == (value, qualifier)
    assert measure is None or f.measure == measure


def test_a_proportion_of_the_things_counted_is_their_share() -> None:
    text = "Crashes involving buses accounted for roughly one in seven of the deaths."
    f = one(text)
    assert (f.value, f.measure, f.qualifier) == (14.3, "deaths_share", "about")


def test_numbers_listed_before_the_noun_count_it_too() -> None:
    text = (
        "Protests were held in Barcelona, Valencia and Malaga, where local police counted "
        "8,000, 5,500 and 3,000 marchers respectively."
    )
    found = figures(text)
    assert [(f.value, f.unit, f.location) for f in found] == [
        (8000, "marchers", None),
        (5500, "marchers", None),
        (3000, "marchers", None),
    ]
    found = figures("Floods killed 12, 15 and 20 people in the three hardest-hit districts.")
    assert [(f.value, f.measure) for f in found if f.unit == "people"] == [
        (12, "people_killed"),
        (15, "people_killed"),
        (20, "people_killed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The group of four or five people met every week.",
        "The poll surveyed 2,000 people between the ages of 18 and 29 last month.",
    ],
)
def test_a_guess_or_an_age_range_is_no_list_of_counts(text: str) -> None:
    assert [f.value for f in figures(text)] in ([5.0], [2000.0])
