"""War reporting and the English of the world's press (issue 4, stop 20).

Two user audits wrote reports in the styles of wire agencies, ISW, front-line features and of
outlets in India, Pakistan, Nigeria, South Africa, Kenya, the Philippines, Britain and Ireland.
Each test is a general pattern they found, written anew:
- "said on Oct. 3 that ...", "ISW assessed that ...", "said at least 30 people ...",
  "Marcos Jr. said", "The police, in a statement, said": reported speech that was lost;
- "a soldier in the 93rd brigade": the brigade took the soldier's words;
- "Gen. Oleksandr Syrskyi" in apposition: the name was lost behind the rank's full stop;
- "..., but Reuters could not independently verify the claim": the caveat went into the claim;
- "Speaking to reporters, Rao said, “...”": a second, invented quote of the whole sentence;
- "said officers arrested five men", "told the Dáil that rents had risen": past tenses the
  tagger took for participles, and a plural noun it took for a verb, lost the quote;
- "The Taoiseach said", "according to a report by Human Rights Watch", "claimed
  responsibility for the attack", "footage published on November 17 indicates": the wrong
  speaker, or none, or a quote where nothing was said;
- "17 people were taken to hospital" (not captured), "five families lost their homes" (not
  killed), "shot down 119 of the drones", "as high as 150,000";
- "a Defense Department official" counted as a named source;
- amounts as each country writes them ("R1.2 billion", "Sh346 billion", "Rs 2.5 lakh crore",
  "1,12,450", "11.8pc", "a $5-million grant", "25,000 Sudanese pounds"), which were lost,
  misread as ranges, or read as pounds sterling.
"""

from __future__ import annotations

import pytest
from test_extract_followup import figure, quote, run

from corroborate.extract.numbers import find_numbers
from corroborate.extract.pipeline import analyse
from corroborate.extract.profile import sourcing_profile
from corroborate.model import Article

# --- reported speech that was lost ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The ministry said on Oct. 3 that its forces had captured the village.",
            "its forces had captured the village",
            "The ministry",
        ),
        (
            "ISW assessed that Russian forces have gained roughly 2,350 square kilometres.",
            "Russian forces have gained roughly 2,350 square kilometres",
            "ISW",
        ),
        (
            "Police said at least 30 people had been killed.",
            "at least 30 people had been killed",
            "Police",
        ),
        (
            "President Ferdinand Marcos Jr. said the government had released the funds.",
            "the government had released the funds",
            "Ferdinand Marcos Jr",
        ),
        (
            "Sony Group Corp. said its profit had risen sharply.",
            "its profit had risen sharply",
            "Sony Group Corp",
        ),
        (
            "The police, in a statement, said five suspects had been arrested.",
            "five suspects had been arrested",
            "The police",
        ),
        (
            "John Smith, in a statement on Tuesday, said the company had ordered a review.",
            "the company had ordered a review",
            "John Smith",
        ),
        # past tenses the tagger took for participles or adjectives, a plural noun it took
        # for a verb, a report named by its author
        ("Mr Smith said officers arrested five men.", "officers arrested five men", "Smith"),
        (
            "Mark Speakman said the announcement recycled old funding.",
            "the announcement recycled old funding",
            "Mark Speakman",
        ),
        (
            "Ms McDonald told the Dáil that rents had risen by 40 per cent.",
            "rents had risen by 40 per cent",
            "McDonald",
        ),
        (
            "Dozens of civilians were killed, according to a report by Human Rights Watch.",
            "Dozens of civilians were killed",
            "a report by Human Rights Watch",
        ),
    ],
)
def test_reported_speech_in_the_forms_of_wire_copy(text: str, content: str, speaker: str) -> None:
    q = quote(text, content)
    assert text[q.start : q.end] == content
    assert q.speaker is not None and q.speaker.name == speaker


def test_assess_and_estimate_report_only_with_that() -> None:
    quotes, _ = run("Officials will assess whether the bridge is safe, the ministry said.")
    assert [q.speaker.name for q in quotes if q.speaker] == ["the ministry"]
    f = figure("ISW assessed that Russian forces have gained roughly 2,350 square km.", "roughly")
    assert f.source.name == "ISW"


# --- who speaks -------------------------------------------------------------------------------


def test_a_soldier_in_a_numbered_brigade_is_the_speaker_and_he_later() -> None:
    text = (
        "Michael Kofman, an analyst, said the loss of the city would hurt. One gunner in the "
        "110th brigade said his crew was limited to 10 shells a day. "
        '"Give us the shells and we will hold," he said.'
    )
    gunner = quote(text, "his crew was limited")
    assert gunner.speaker is not None
    assert gunner.speaker.title == "One gunner in the 110th brigade"
    later = quote(text, "Give us the shells")
    assert later.speaker is not None and later.speaker.title == gunner.speaker.title
    assert later.speaker.name is None
    assert figure(text, "10 shells").source.name == gunner.speaker.title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ukraine's commander-in-chief, Gen. Oleksandr Syrskyi, said his forces held 100 "
            "settlements.",
            "Oleksandr Syrskyi",
        ),
        (
            "The head of military intelligence, Lt. Gen. Kyrylo Budanov, said Russia had "
            "600,000 troops in Ukraine.",
            "Kyrylo Budanov",
        ),
    ],
)
def test_a_rank_abbreviated_with_a_full_stop_keeps_the_name(text: str, name: str) -> None:
    q = quote(text, text.split(" said ")[1].rstrip("."))
    assert q.speaker is not None and q.speaker.name == name


def test_the_reporters_caveat_is_not_part_of_the_claim() -> None:
    text = (
        "The ministry said its forces had captured the village, but Reuters could not "
        "independently verify the claim."
    )
    q = quote(text, "captured")
    assert text[q.start : q.end] == "its forces had captured the village"
    text = "The army said it had retaken the town, though this could not be confirmed."
    q = quote(text, "retaken")
    assert text[q.start : q.end] == "it had retaken the town"


def test_an_opener_before_the_speaker_adds_no_quote_of_the_whole_sentence() -> None:
    for text in (
        'Speaking to reporters, Rao said, "We have delivered a strong quarter."',
        'On Monday, Rao said, "We have delivered a strong quarter."',
    ):
        quotes, _ = run(text)
        assert [text[q.start : q.end] for q in quotes] == ['"We have delivered a strong quarter."']
    # an attribution inside the content is still read around it
    text = "Survival, Mr. VandeHei says, depends on the ad market."
    assert text[quote(text, "Survival").start :].startswith("Survival")


# --- amounts as each country writes them ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "value", "unit"),
    [
        ("Eskom spent R1.2 billion on diesel.", "R1.2 billion", 1.2e9, "ZAR"),
        ("The Treasury cited a Sh346 billion shortfall.", "Sh346 billion", 3.46e11, "KES"),
        ("The state approved N2.5bn for flood victims.", "N2.5bn", 2.5e9, "NGN"),
        ("The department set aside P250 million for seeds.", "P250 million", 2.5e8, "PHP"),
        ("The budget allocated Rs 2.5 lakh crore for defence.", "Rs 2.5 lakh crore", 2.5e12, "INR"),
        ("The budget allocated ₹500 crore for roads.", "₹500 crore", 5e9, "INR"),
        ("It approved PKR 40 billion for dams.", "PKR 40 billion", 4e10, "PKR"),
        ("The city approved a $5-million grant for the park.", "$5-million", 5e6, "USD"),
        ("A sack of sorghum cost 25,000 Sudanese pounds.", "25,000 Sudanese pounds", 25e3, "SDG"),
        ("In Beirut, bread costs 50,000 Lebanese pounds.", "50,000 Lebanese pounds", 5e4, "LBP"),
        ("Tractor sales grew to 1,12,450 units.", "1,12,450", 112450, "units"),
        ("Inflation fell to 11.8pc in May.", "11.8pc", 11.8, "percent"),
        ("The plant added about 2,400 MW to the grid.", "about 2,400 MW", 2400, "MW"),
    ],
)
def test_amounts_as_the_worlds_press_writes_them(
    text: str, number: str, value: float, unit: str
) -> None:
    f = figure(text, number)
    assert text[f.start : f.end] in {number, f"{number} units"}
    assert (f.value, f.unit) == (value, unit)


def test_letters_before_digits_without_an_amount_are_no_money() -> None:
    _, figures = run("Drivers took the R2 and the P500 model was recalled; N95 masks ran out.")
    assert all(f.unit not in {"ZAR", "PHP", "NGN"} for f in figures)
    # an amount in a currency not read leaves no figure of its scale word alone
    _, figures = run("The bank lent XAF300 billion to the state.")
    assert all(f.value != 1e9 for f in figures)


# --- more reported speech, and who speaks ------------------------------------------------------


def test_a_participle_before_a_preposition_is_still_no_past_tense() -> None:
    quotes, _ = run("Officers arrested in the raid were released on Monday.")
    assert quotes == []


def test_a_title_alone_with_capitals_is_the_person_who_bears_it() -> None:
    text = (
        "Taoiseach Simon Harris said the plan was working. The Taoiseach said it would "
        "continue into next year."
    )
    q = quote(text, "it would continue")
    assert q.speaker is not None and q.speaker.name == "Simon Harris"


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State claimed responsibility for the attack in a statement on Sunday.",
        "Geolocated footage published on November 17 indicates that the army advanced.",
    ],
)
def test_no_quote_where_no_one_speaks(text: str) -> None:
    quotes, _ = run(text)
    assert all(q.speaker is None or "responsibility" not in text[q.start : q.end] for q in quotes)
    assert all(q.speaker is None or q.speaker.name != "November 17" for q in quotes)


# --- what a figure counts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("Police said 17 people had been taken to hospital.", "17 people", "people_hospitalised"),
        ("Five families lost their homes in the fire.", "Five families", "families_lost_homes"),
        ("Four soldiers lost their lives in the attack.", "Four soldiers", "soldiers_killed"),
        (
            "Air defences shot down 119 of the drones overnight.",
            "119 of the drones",
            "drones_destroyed",
        ),
    ],
)
def test_what_happened_to_the_counted(text: str, number: str, measure: str) -> None:
    f = figure(text, number)
    assert text[f.start : f.end] == number and f.measure == measure


def test_as_high_as_is_an_upper_bound() -> None:
    (n,) = find_numbers("Some estimates put the toll as high as 150,000.")
    assert (n.value, n.qualifier) == (150000, "up to")


def test_anonymous_officials_are_no_named_sources() -> None:
    text = (
        "According to a Defense Department official, the strikes hit 12 targets. Pentagon "
        "sources said 40 missiles were fired. Kira Rudik said the strikes were necessary."
    )
    profile = sourcing_profile(analyse(Article(text, id="x")))
    assert profile["named_sources"] == 1


# --- British quotation marks ------------------------------------------------------------------


def test_typewriter_single_quotes_are_quotes() -> None:
    text = (
        "'We inherited an NHS that was broken,' he said. Siva Anandaciva said: 'Much of this "
        "money is already spoken for.'"
    )
    quotes, _ = run(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "'We inherited an NHS that was broken,'",
        "'Much of this money is already spoken for.'",
    ]
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Siva Anandaciva"


def test_apostrophes_open_no_quotation() -> None:
    text = "The workers' union met in the '90s. Rock 'n' roll was banned, it's said."
    quotes, _ = run(text)
    assert all(not text[q.start : q.end].startswith("'") for q in quotes)


def test_a_quotation_after_a_colon_runs_on_into_the_next_paragraph() -> None:
    text = (
        "Dr Tim Cooksley said: ‘Behind every statistic is a patient waiting on a trolley.\n\n"
        "‘Our members tell us that corridor care has become normalised.’"
    )
    quotes, _ = run(text)
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.name == "Tim Cooksley" for q in quotes)


def test_a_short_quoted_line_alone_is_a_heading_not_the_last_speakers_words() -> None:
    text = (
        "“We will rebuild,” the mayor, Anna Vick, said.\n\n"
        "'A really tough decision.'\n\n"
        "The council voted on Monday to close the plant."
    )
    quotes, _ = run(text)
    assert [text[q.start : q.end] for q in quotes] == ["“We will rebuild,”"]


# --- two sources in one sentence --------------------------------------------------------------


def test_a_toll_another_source_gives_inside_a_claim_is_that_sources() -> None:
    text = (
        "The Israeli military said it killed a Hamas commander in a strike that Gaza health "
        "officials said killed at least 25 people."
    )
    q = quote(text, "commander")
    assert text[q.start : q.end] == "it killed a Hamas commander in a strike"
    assert figure(text, "at least 25").source.name == "Gaza health officials"


def test_a_past_tense_before_a_qualified_number_keeps_the_quote() -> None:
    text = "Gaza health officials said the strike killed at least 25 people."
    q = quote(text, "the strike killed")
    assert q.speaker is not None and q.speaker.name == "Gaza health officials"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Economist Thandi Ngcobo, of the Johannesburg-based consultancy Intellidex, said "
            "growth would slow.",
            "Thandi Ngcobo",
        ),
        ("John Smith, of Human Rights Watch, said growth would slow.", "John Smith"),
    ],
)
def test_where_a_speaker_is_from_between_commas_is_no_speaker(text: str, name: str) -> None:
    q = quote(text, "growth would slow")
    assert q.speaker is not None and (q.speaker.name, q.speaker.kind) == (name, "person")
