"""Speaker attribution in wire-service phrasing, on our own invented sentences.

Three patterns that news agencies use a lot:

- a title word that is a surname ("Jane Ellen King said", "said King");
- an outlet quoting somebody: "the agency quoted X as saying", "the paper cited X as saying"
  (the speaker is X, not the outlet);
- a person of an organisation: "Carl Dunmore of Halvard Brothers & Co." (the speaker is the
  person; the organisation is the affiliation).
"""

from __future__ import annotations

import pytest
from parse_helpers import parser

from corroborate.extract.entities import extract_entities
from corroborate.extract.quotes import extract_quotes
from corroborate.model import Quote, Speaker


def _quotes(text: str) -> list[Quote]:
    from corroborate.nlp import segment

    doc = parser()(text)
    return extract_quotes(text, doc, segment(text)[1], extract_entities(text, doc))


def speaker_of(text: str, fragment: str) -> Speaker:
    """The speaker of the shortest quote holding `fragment`."""
    quotes = _quotes(text)
    hits = [q for q in quotes if fragment in text[q.start : q.end]]
    assert hits, f"no quote contains {fragment!r}; got {[text[q.start : q.end] for q in quotes]}"
    q = min(hits, key=lambda q: q.end - q.start)
    assert q.speaker is not None, f"no speaker for {text[q.start : q.end]!r}"
    return q.speaker


# --- a title word that is a surname -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Team captain Jane Ellen King said the squad would defend the trophy next spring.",
        "Jane Ellen King said the squad would defend the trophy next spring.",
        "Coach Harold Bishop said the squad would defend the trophy next spring.",
        "Swiss captain Billie Rose King said the squad would defend the trophy next spring.",
        "The squad would defend the trophy next spring, said Swiss captain Billie Rose King.",
    ],
)
def test_title_word_as_surname_after_a_first_name(text: str) -> None:
    sp = speaker_of(text, "defend the trophy")
    assert sp.kind == "person"
    assert sp.name is not None and sp.name.split()[-1] in {"King", "Bishop"}
    assert len(sp.name.split()) >= 2


@pytest.mark.parametrize("full", ["Jane Ellen King", "Ada Jo King"])
def test_title_word_as_surname_alone_after_the_full_name(full: str) -> None:
    text = (
        f"{full} led the squad to the final on Sunday. "
        "King said the players were tired but happy with the result. "
        "“We will be back next year,” said King."
    )
    assert speaker_of(text, "tired but happy").name == full
    assert speaker_of(text, "back next year").name == full


def test_title_word_as_surname_after_an_honorific() -> None:
    sp = speaker_of("Mr King said the company would cut forty jobs next year.", "forty jobs")
    assert sp.name == "King"
    assert sp.kind == "person"


def test_title_word_as_surname_keeps_the_title_of_the_full_name() -> None:
    text = "Swiss captain Billie Rose King said the squad would defend the trophy next spring."
    sp = speaker_of(text, "defend the trophy")
    assert sp.name == "Billie Rose King"
    assert sp.title == "Swiss captain"


def test_a_title_before_a_name_stays_a_title() -> None:
    sp = speaker_of(
        "King Edmund said the old bridge would be rebuilt by the river guild.", "bridge"
    )
    assert sp.name == "Edmund"
    assert sp.title is not None and sp.title.lower() == "king"
    sp = speaker_of("Foreign Minister Petra Lindqvist said the border talks would resume.", "talks")
    assert sp.name == "Petra Lindqvist"
    assert sp.title == "Foreign Minister"
    # a title word first, with nobody of that surname in the article
    text = "King Edmund opened the new bridge. King Edmund said the guild would repair it."
    assert speaker_of(text, "guild would").name == "Edmund"


# --- "X quoted Y as saying" -------------------------------------------------------------------


def test_outlet_quoted_a_titled_person_as_saying() -> None:
    text = (
        "The Baltic news agency quoted Prime Minister Andris Kalnins as saying the government "
        "would raise pensions in the autumn."
    )
    sp = speaker_of(text, "raise pensions")
    assert sp.name == "Andris Kalnins"
    assert sp.title == "Prime Minister"
    assert sp.kind == "person"


def test_outlet_quoted_a_surname_as_saying_that() -> None:
    text = (
        "General Pavel Dronov flew to the capital on Monday. The Moscow daily quoted Dronov as "
        "saying that he would sign the budget within a week."
    )
    sp = speaker_of(text, "sign the budget")
    assert sp.name == "Pavel Dronov"
    assert sp.title == "General"


def test_outlet_quoted_an_unnamed_source_as_saying() -> None:
    text = "The paper quoted one of the organisers as saying the march would go ahead on Sunday."
    sp = speaker_of(text, "march would go ahead")
    assert sp.name is not None and "organisers" in sp.name
    assert "paper" not in sp.name.lower()


def test_outlet_cited_a_person_as_saying() -> None:
    text = (
        "The radio station cited Finance Minister Oskar Brandt as saying that the deficit "
        "would shrink next year."
    )
    sp = speaker_of(text, "deficit would shrink")
    assert sp.name == "Oskar Brandt"
    assert sp.title == "Finance Minister"


def test_outlet_quoted_a_person_after_a_direct_quote() -> None:
    text = (
        "“We have no intention of leaving the talks,” the agency quoted Deputy Minister "
        "Ilse Varga as saying."
    )
    assert speaker_of(text, "no intention").name == "Ilse Varga"


def test_outlet_quoted_a_person_after_an_indirect_content() -> None:
    text = "The strike would end within days, the agency quoted union leader Mirek Halas as saying."
    sp = speaker_of(text, "strike would end")
    assert sp.name == "Mirek Halas"


def test_outlet_quoted_a_pronoun_as_saying() -> None:
    text = (
        "Pavel Dronov left the talks early. The agency quoted him as saying that the offer "
        "was not serious."
    )
    assert speaker_of(text, "offer was not serious").name == "Pavel Dronov"


def test_quoted_as_saying_before_a_direct_quote() -> None:
    text = "The agency quoted Pavel Dronov as saying: “We will not give up the port.”"
    assert speaker_of(text, "give up the port").name == "Pavel Dronov"


def test_quoted_by_an_outlet_keeps_the_subject() -> None:
    # "quoted by X as saying": X is the outlet, never the speaker
    text = "Lena Okafor, quoted by the local radio as saying the dam was safe, left the city."
    for q in _quotes(text):
        if q.speaker is not None:
            assert q.speaker.name != "the local radio"


# --- a person of an organisation --------------------------------------------------------------


def test_person_of_a_company_after_the_quote() -> None:
    text = "“Demand for trucks is very weak this year,” said Carl Dunmore of Halvard Brothers & Co."
    sp = speaker_of(text, "Demand for trucks")
    assert sp.name == "Carl Dunmore"
    assert sp.kind == "person"
    assert sp.title is not None and sp.title.startswith("of Halvard Brothers")


def test_person_of_a_company_before_the_cue() -> None:
    text = "Peter Ashdown of Morrow Lynch said the bank expected interest rates to rise."
    sp = speaker_of(text, "interest rates")
    assert sp.name == "Peter Ashdown"
    assert sp.kind == "person"
    assert sp.title == "of Morrow Lynch"


def test_pronoun_after_a_person_of_a_company() -> None:
    text = (
        "Nora Whitfield of Chicago-based Larkspur Communications joined the campaign in May. "
        "She said the advertising would start next month."
    )
    sp = speaker_of(text, "advertising would start")
    assert sp.name == "Nora Whitfield"


def test_person_of_a_place_is_the_person() -> None:
    sp = speaker_of("Tom Cole of Oklahoma said the bill would pass the House.", "bill")
    assert sp.name == "Tom Cole"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Bank of England said inflation would fall next year.", "Bank of England"),
        ("The Ministry of Defence said the troops would return home soon.", "Ministry of Defence"),
    ],
)
def test_organisations_with_of_stay_organisations(text: str, name: str) -> None:
    sp = speaker_of(text, " would ")
    assert sp.kind == "organisation"
    assert sp.name == name


def test_title_with_of_before_a_name() -> None:
    sp = speaker_of("Secretary of State Jonas Kerrigan said the talks would resume.", "talks")
    assert sp.name == "Jonas Kerrigan"
    assert sp.title == "Secretary of State"


# --- a pronoun after a new subject; "they"; unnamed speakers; gender ---------------------------


def test_pronoun_goes_to_the_nearer_subject_not_the_last_speaker() -> None:
    text = (
        "Marco Dellavalle and Kell Brandt shared the lead on Thursday. "
        "“I putted badly all day,” Dellavalle said. "
        "Brandt, who called his round a “lucky break”, finished two shots ahead on Friday. "
        "“I did not expect to be here,” he said."
    )
    assert speaker_of(text, "putted badly").name == "Marco Dellavalle"
    assert speaker_of(text, "expect to be here").name == "Kell Brandt"


def test_pronoun_goes_to_the_subject_of_the_paragraph_before() -> None:
    text = (
        "Marco Dellavalle led after the first round. “I putted badly all day,” Dellavalle said."
        "\n\nKell Brandt, who called his round a “lucky break”, finished two shots ahead."
        "\n\n“I did not expect to be here,” he said."
    )
    assert speaker_of(text, "expect to be here").name == "Kell Brandt"


def test_she_is_not_given_to_a_man_named_with_mr() -> None:
    text = (
        "Anna Kale chaired the talks. “We agreed on nothing,” she said. "
        "Mr Berg left the talks early. “It was a waste of time,” she said."
    )
    assert speaker_of(text, "waste of time").name == "Anna Kale"


def test_they_is_never_one_named_person() -> None:
    text = (
        "Police chief Arno Vitt said the fire began at night. “The wiring was faulty,” Vitt said."
        "\nThe farmhouse stood empty for years. They also said the road was blocked."
    )
    sp = speaker_of(text, "road was blocked")
    assert sp.name != "Arno Vitt"


@pytest.mark.parametrize(
    "lead",
    [
        "Several villagers said the alarm did not ring.",
        "Residents had warned of the danger for years.",
    ],
)
def test_they_goes_to_the_group_before(lead: str) -> None:
    text = (
        "Police chief Arno Vitt said the fire began at night. “The wiring was faulty,” Vitt said."
        f"\n{lead} They said the road was blocked."
    )
    sp = speaker_of(text, "road was blocked")
    assert sp.kind == "organisation"
    assert sp.name is not None and sp.name.split()[-1] in {"villagers", "Residents"}


def test_he_after_an_unnamed_speaker_stays_with_that_speaker() -> None:
    text = (
        "Mayor Helen Ostrova said the water was safe. “We have tested every well,” she said.\n"
        "An elderly farmer near the river said he had lost two cows. "
        "He also said the fish had died."
    )
    first = speaker_of(text, "lost two cows")
    assert first.name is None and first.title is not None and "farmer" in first.title
    later = speaker_of(text, "fish had died")
    assert later.name is None and later.title is not None and "farmer" in later.title


# --- broadcasters and papers are organisations --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The army had retaken the town, state radio said.", "state radio"),
        ("The army had retaken the town, government radio said on Monday.", "government radio"),
        ("The army had retaken the town, Kestria radio said.", "Kestria radio"),
        ("The army had retaken the town, state television said.", "state television"),
        ("The talks would resume in May, the daily said.", "the daily"),
        ("The talks would resume in May, Gazeta Nowa daily said on Saturday.", "Gazeta Nowa daily"),
        ("The talks would resume in May, the newspaper said.", "the newspaper"),
    ],
)
def test_broadcasters_and_papers_are_organisations(text: str, name: str) -> None:
    sp = speaker_of(text, text[:12])
    assert sp.kind == "organisation"
    assert sp.name == name


def test_a_state_run_radio_speaks_for_itself() -> None:
    text = (
        "Kestria said the border was calm. "
        "“The rebels have fled the hills,” state-run Kestria Radio said."
    )
    sp = speaker_of(text, "rebels have fled")
    assert sp.kind == "organisation"
    assert sp.name == "Kestria Radio"


@pytest.mark.parametrize("word", ["Dealers", "dealers"])
def test_dealers_are_a_group(word: str) -> None:
    text = f"Prices would rise further next week, {word} said."
    assert speaker_of(text, "Prices would rise").kind == "organisation"
    text = f"{word} said prices would rise further next week."
    assert speaker_of(text, "prices would rise").kind == "organisation"


# --- "told Reuters"; an age before the speaker --------------------------------------------------


def test_content_before_told_an_outlet() -> None:
    text = "Fighting had stopped near the border, an exiled rebel group told Reuters."
    sp = speaker_of(text, "Fighting had stopped")
    assert sp.kind == "organisation"
    text = "Fighting had stopped near the border, Dilan Harki of the KPU told Reuters by telephone."
    sp = speaker_of(text, "Fighting had stopped")
    assert sp.kind == "person"
    assert sp.name == "Dilan Harki"
    assert sp.title is not None and "KPU" in sp.title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("“We have nothing left,” said 20-year-old Omar Saleh from the northern town.",
         "Omar Saleh", None),
        ("“The soldiers took everything,” said a 30-year-old woman, Lida Marek.",
         "Lida Marek", "woman"),
    ],
)  # fmt: skip
def test_an_age_before_the_speaker(text: str, name: str, title: str | None) -> None:
    sp = speaker_of(text, "“")
    assert sp.kind == "person"
    assert sp.name == name
    if title is not None:
        assert sp.title == title


# --- quotation marks that hold no one's words ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "The actor was best known for his role in “Ice Cold in Alex” and later films.",
            "“Ice Cold in Alex”",
        ),
        (
            "Wang was sent to a year of “re-education through labour” without a trial.",
            "“re-education through labour”",
        ),
        ("Police launched the national “Strike Hard” campaign in April.", "“Strike Hard”"),
    ],
)
def test_titles_and_terms_in_quotation_marks_are_not_quotes(text: str, quoted: str) -> None:
    assert quoted not in [text[q.start : q.end] for q in _quotes(text)]


def test_a_phrase_somebody_used_is_still_a_quote() -> None:
    text = "The minister Anna Berg called the plan “a recipe for disaster in the making”."
    assert speaker_of(text, "recipe").name == "Anna Berg"


def test_a_quotation_in_stray_text_borrows_no_speaker() -> None:
    """The pipeline leaves stray paragraphs out of the sentences it gives the quote finder: a
    quotation there must not take the speaker of the nearest sentence of the report."""
    from corroborate.extract.quotes import extract_quotes as find
    from corroborate.nlp import segment

    text = (
        "The harbour master Ola Vik said the ferry would sail again on Monday.\n"
        "Pasted: a minister promised “a full inquiry into the collapse of the bank” today.\n"
        "Vik said the crossing had been closed for six days.\n"
    )
    doc = parser()(text)
    sentences = [s for s in segment(text)[1] if not text[s.start :].startswith("Pasted")]
    found = find(text, doc, sentences, extract_entities(text, doc))
    assert not [q for q in found if "full inquiry" in text[q.start : q.end]]


# --- where a speaker's phrase begins and ends ---------------------------------------------------


def test_a_name_after_the_cue_ends_before_a_preposition() -> None:
    text = '"We played well tonight," said Texas manager Johnny Oates about his team.'
    s = speaker_of(text, "played well")
    assert (s.name, s.title, s.kind) == ("Johnny Oates", "Texas manager", "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Many of the 1.1 million refugees said they would not go back.",
            "Many of the 1.1 million refugees",
        ),
        ("Most of the villagers said they had no clean water left.", "Most of the villagers"),
        ("A farmers' group told Reuters that prices had fallen by a third.", "A farmers' group"),
        ("The teachers’ union said the strike would go ahead.", "The teachers’ union"),
    ],
)
def test_a_group_speaker_keeps_its_quantifier_and_possessive(text: str, name: str) -> None:
    reported = text.split(" said ")[-1] if " said " in text else text.split(" that ")[-1]
    s = speaker_of(text, reported[:12])
    assert (s.name, s.kind) == (name, "organisation")


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (  # a surname that is also a country's name is the person the report names
            "The director Neil Jordan showed his new film in Venice on Saturday.\n"
            '"The film spares neither side in its depiction of the time," Jordan said.\n',
            "spares neither",
            ("Neil Jordan", "person"),
        ),
        (  # a country alone still speaks for its government
            "Jordan said on Monday that it would close its border crossing with Syria.\n",
            "close its border",
            ("Jordan", "organisation"),
        ),
        (  # an outlet named again without its noun is still the outlet
            "A consortium plans to bid for the Ruch chain, Zycie Warszawy daily said on "
            "Saturday.\nZycie Warszawy said the consortium would offer about $120 million.\n",
            "would offer",
            ("Zycie Warszawy", "organisation"),
        ),
    ],
)
def test_a_name_that_may_be_a_place_or_an_outlet(
    text: str, fragment: str, expected: tuple[str, str]
) -> None:
    s = speaker_of(text, fragment)
    assert (s.name, s.kind) == expected
