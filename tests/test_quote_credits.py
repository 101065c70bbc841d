"""Whom a quote is credited to when no speech verb sits beside it: a colon after the clause that
introduces it, or a title alone ("the England manager said") after a sentence naming one
person. Our own sentences, after the cases outlets wrote in the quote-tracking set (stop 24).
"""

from __future__ import annotations

import pytest
from parse_helpers import parser

from corroborate.extract.entities import extract_entities
from corroborate.extract.quotes import extract_quotes
from corroborate.model import Quote


def _quotes(text: str) -> list[Quote]:
    from corroborate.nlp import segment

    doc = parser()(text)
    return extract_quotes(text, doc, segment(text)[1], extract_entities(text, doc))


def _speaker(text: str, words: str) -> str | None:
    quote = next(q for q in _quotes(text) if words in text[q.start : q.end])
    return quote.speaker.name if quote.speaker else None


def test_the_clause_before_a_colon_introduces_the_quote() -> None:
    text = (
        "President Joe Biden said the government would pay for the bridge.\n"
        "Mayor Brandon Scott, asked about the video of the collapse: “It looked like a scene "
        "out of an action movie.”\n"
        "Earlier, Lt. Gov. Dan Patrick, who is acting governor this week, had a blunt message "
        "for drivers: “Don't become part of the problem.”"
    )
    assert _speaker(text, "action movie") == "Brandon Scott"
    assert _speaker(text, "part of the problem") == "Dan Patrick"


def test_a_title_alone_is_the_one_person_the_sentence_before_names() -> None:
    text = (
        "Gareth Southgate did not hide from that. ‘We didn't keep the ball well enough, and "
        "in the end they were the best team in the tournament,’ the England manager said.\n"
        "Harry Kane, who managed one shot, was the picture of dejection. ‘It's about as "
        "painful as it gets, losing a final. We gave everything,’ said the captain."
    )
    assert _speaker(text, "keep the ball") == "Gareth Southgate"
    assert _speaker(text, "as painful") == "Harry Kane"


def test_a_title_alone_stays_unnamed_when_nobody_or_two_are_named() -> None:
    text = (
        "Meta must defend its choice. “Subscriptions are a well-established business model "
        "across many industries,” a Meta spokesperson said.\n"
        "Joe Biden met Volodymyr Zelensky in Kyiv. “We will stand with Ukraine for as long as "
        "it takes,” the president said."
    )
    assert _speaker(text, "well-established") is None  # "a" spokesperson: nobody named
    assert _speaker(text, "as long as") is None  # two people named before: which president?


def test_an_absolute_clause_with_a_speaker_and_a_gerund_cue_is_an_indirect_quote() -> None:
    # "..., with X saying (that) ...": X speaks, not the sentence's subject.
    text = (
        "Ukrainian forces pushed deeper into the Kursk region on Tuesday, with Ukraine's top "
        "commander Oleksandr Syrskyi saying troops controlled 1,000 square kilometres.\n"
        "Markets fell sharply, with analysts warning that the rate cut may come too late."
    )
    quotes = _quotes(text)
    assert [(text[q.start : q.end], q.speaker and q.speaker.name) for q in quotes] == [
        ("troops controlled 1,000 square kilometres", "Oleksandr Syrskyi"),
        ("the rate cut may come too late", "analysts"),
    ]
    assert quotes[0].speaker is not None and quotes[0].speaker.title == "Ukraine's top commander"
    assert quotes[1].speaker is not None and quotes[1].speaker.kind == "organisation"


def test_with_and_a_gerund_that_is_no_absolute_clause_is_no_quote() -> None:
    text = (
        "She was left with nothing saying who owned the land.\n"
        "The council met on Monday with residents saying nothing at all."
    )
    assert [text[q.start : q.end] for q in _quotes(text)] == []


def test_a_pronoun_after_a_sentence_about_an_unnamed_official_takes_the_title() -> None:
    # No name anywhere before: "he" is the mayor the sentence before is about, as "the mayor
    # said" would be credited.
    text = (
        "Flood waters rose overnight in the town. The mayor renewed his call for calm.\n"
        '"We will rebuild," he told reporters.'
    )
    speaker = next(q.speaker for q in _quotes(text))
    assert speaker is not None and (speaker.name, speaker.title) == (None, "mayor")


def test_a_named_person_before_still_wins_over_an_unnamed_title() -> None:
    text = (
        "The mayor renewed his call for calm. Police chief John Reed said roads were closed.\n"
        '"We will rebuild," he told reporters.'
    )
    speakers = [q.speaker.name for q in _quotes(text) if q.speaker]
    assert speakers[-1] == "John Reed"


def test_an_indefinite_subject_is_nobody_in_particular() -> None:
    text = 'A man waved from a roof.\n"We lost everything," he said.'
    speaker = next(q.speaker for q in _quotes(text))
    assert speaker is not None and speaker.title is None


def test_a_with_clause_needs_a_speaker_and_ends_with_the_clause() -> None:
    text = (
        "The shop closed early, with a sign on the door saying it would reopen on Monday.\n"
        "The talks collapsed, with him saying the plan was dead.\n"
        "The mayor, with aides saying she was unwell, skipped the meeting."
    )
    quotes = [(text[q.start : q.end], q.speaker and q.speaker.name) for q in _quotes(text)]
    assert quotes == [("she was unwell", "aides")]


def test_no_title_for_a_pronoun_after_a_passive_or_the_other_gender() -> None:
    for text in (
        'The driver was killed instantly in the crash.\n"It was terrible to watch," he said.',
        'The mayor renewed his call for calm.\n"We will rebuild," she told reporters.',
    ):
        speaker = next(q.speaker for q in _quotes(text))
        assert speaker is not None and speaker.title is None, text


def test_a_second_with_clause_after_and_is_its_own_quote() -> None:
    text = (
        "Fighting continued, with the army saying it repelled attacks and local officials "
        "saying the town had fallen.\n"
        "Prices rose, with the deadline approaching and traders saying the bank would act.\n"
        "The team won and fans saying nothing left early."
    )
    quotes = [(text[q.start : q.end], q.speaker and q.speaker.name) for q in _quotes(text)]
    assert quotes == [
        ("it repelled attacks", "the army"),
        ("the town had fallen", "local officials"),
        ("the bank would act", "traders"),
    ]


def test_the_quote_before_a_with_clause_ends_where_the_clause_begins() -> None:
    # the lawyer's words are the lawyer's, not also Smith's
    text = (
        "John Smith denied the charges on Tuesday, with his lawyer saying the case was "
        "politically motivated."
    )
    quotes = [(text[q.start : q.end], q.speaker and q.speaker.name) for q in _quotes(text)]
    assert quotes[0] == ("the charges on Tuesday", "John Smith")
    assert quotes[1][0] == "the case was politically motivated"
    assert quotes[1][1] is None and "lawyer" in (_quotes(text)[1].speaker.title or "")


def test_the_sides_of_a_conflict_and_groups_somewhere_speak_as_groups() -> None:
    text = (
        "Troops pushed into the town on Monday, with the rebels saying they had withdrawn.\n"
        "The minister said the talks would resume, with officials in Brussels saying a deal "
        "was close.\n"
        "Residents of Kharkiv said the shelling had stopped."
    )
    found = {text[q.start : q.end]: q.speaker for q in _quotes(text)}
    for content, name in (
        ("they had withdrawn", "the rebels"),
        ("a deal was close", "officials in Brussels"),  # not a person called Brussels
        ("the shelling had stopped", "Residents of Kharkiv"),
    ):
        speaker = found[content]
        assert speaker is not None and (speaker.name, speaker.kind) == (name, "organisation")


def test_a_title_of_something_without_a_name_is_a_person_with_that_title() -> None:
    for text, content, title in (
        (
            "The governor of the state said the roads would reopen on Friday.",
            "the roads would reopen on Friday",
            "governor of the state",
        ),
        (  # the pronoun takes the title of the sentence's subject before it
            "The new mayor of the city renewed his call for calm. He said the curfew would stay.",
            "the curfew would stay",
            "new mayor of the city",
        ),
    ):
        speaker = next(q.speaker for q in _quotes(text) if text[q.start : q.end] == content)
        assert speaker is not None and speaker.kind == "person"
        assert (speaker.name, speaker.title) == (None, title)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Talks broke down on Monday.\nThese workers had been on strike for a week. They said "
            "the operator had refused to meet them.",
            "These workers",
        ),
        (  # a sentence opening with a preposition has no group for a subject
            "Officials met on Monday.\nWith Nusra fighters playing a more dominant role in the "
            "rebellion, they said, the president has deepened his resistance.",
            "Officials",
        ),
    ],
)
def test_they_is_the_group_a_sentence_opens_with_unless_a_preposition_opens_it(
    text: str, group: str
) -> None:
    speaker = next(q.speaker for q in _quotes(text))
    assert speaker is not None and speaker.name == group
