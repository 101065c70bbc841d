"""Entities: spans trimmed to the name, canonical = the fullest form in the article."""

from __future__ import annotations

from parse_helpers import StandInDoc
from parse_helpers import stand_in_doc as _doc

from corroborate.extract.entities import extract_entities, fullest_form


def test_canonical_is_the_fullest_form_and_spans_are_trimmed() -> None:
    text = (
        "Ukrainian MP Kira Rudik spoke in Kyiv. Rudik’s comments followed. "
        "Mr Tykhy agreed with Georgiy Tykhy’s team. Ms Rudik said more."
    )
    doc = _doc(
        text,
        [
            ("Kira Rudik", "PERSON"),
            ("Kyiv", "GPE"),
            ("Rudik’s", "PERSON"),
            ("Mr Tykhy", "PERSON"),
            ("Georgiy Tykhy’s", "PERSON"),
            ("Ms Rudik", "PERSON"),
        ],
    )
    ents = extract_entities(text, doc)
    got = [(text[e.start : e.end], e.label, e.canonical) for e in ents]
    assert got == [
        ("Kira Rudik", "PERSON", "Kira Rudik"),
        ("Kyiv", "LOC", "Kyiv"),
        ("Rudik", "PERSON", "Kira Rudik"),
        ("Tykhy", "PERSON", "Georgiy Tykhy"),
        ("Georgiy Tykhy", "PERSON", "Georgiy Tykhy"),
        ("Rudik", "PERSON", "Kira Rudik"),
    ]
    assert ents[1].subtype == "GPE"


def test_titles_folded_into_a_person_span_are_dropped() -> None:
    text = "President Vladimir Putin met the press. Putin smiled."
    ents = extract_entities(
        text, _doc(text, [("President Vladimir Putin", "PERSON"), ("Putin", "PERSON")])
    )
    assert [text[e.start : e.end] for e in ents] == ["Vladimir Putin", "Putin"]
    assert {e.canonical for e in ents} == {"Vladimir Putin"}


def test_organisations_keep_their_name_without_article() -> None:
    text = "The Kremlin denied it, and the Foreign Ministry was silent."
    ents = extract_entities(
        text, _doc(text, [("The Kremlin", "ORG"), ("the Foreign Ministry", "ORG")])
    )
    assert [e.canonical for e in ents] == ["Kremlin", "Foreign Ministry"]


def test_no_entities_without_ents() -> None:
    assert extract_entities("Nothing here.", StandInDoc([])) == []
    assert extract_entities("Nothing here.", object()) == []


def test_fullest_form_needs_the_same_surname() -> None:
    names = ["Kira Rudik", "Anna Rudenko", "Rudik"]
    assert fullest_form("Rudik", names) == "Kira Rudik"
    assert fullest_form("Anna", names) == "Anna Rudenko"
    assert fullest_form("Petrov", names) == "Petrov"


def test_connectives_and_set_off_adverbs_opening_a_sentence_are_no_names() -> None:
    text = (
        "Furthermore, the army advanced. Strategically, Kyiv gained. Or Moscow waits.\n"
        "Wherever Tykhy goes, he speaks. Mark Furthermore spoke."
    )
    marked = [
        ("Furthermore", "PERSON"),
        ("Strategically", "PERSON"),
        ("Kyiv", "LOC"),
        ("Or", "LOC"),
        ("Moscow", "LOC"),
        ("Wherever", "PERSON"),
        ("Tykhy", "PERSON"),
        ("Mark Furthermore", "PERSON"),
    ]
    found = [text[e.start : e.end] for e in extract_entities(text, _doc(text, marked))]
    assert found == ["Kyiv", "Moscow", "Tykhy", "Mark Furthermore"]


def test_names_found_only_in_title_case_headings_are_dropped() -> None:
    from corroborate.extract.entities import outside_headings

    text = "Global Repercussions\nPutin Doubles Down\nPutin said the war would go on."
    marked = [("Global Repercussions", "ORG"), ("Putin", "PERSON"), ("Putin", "PERSON")]
    entities = extract_entities(text, _doc(text, marked))
    headings = [(0, 20), (21, 39)]
    kept = [text[e.start : e.end] for e in outside_headings(text, entities, headings)]
    assert kept == ["Putin", "Putin"]


def test_a_capital_taken_for_a_person_is_a_place_and_lowercase_words_no_names() -> None:
    text = "Moscow accused Kyiv of firing. Spending rose. Officials cut spending. Rice said so."
    marked = [
        ("Moscow", "LOC"),
        ("Kyiv", "PERSON"),
        ("Spending", "ORG"),
        ("Rice", "PERSON"),
    ]
    found = [(e.label, text[e.start : e.end]) for e in extract_entities(text, _doc(text, marked))]
    # "Rice" opens a sentence but is a person's name, whatever else the report says
    assert found == [("LOC", "Moscow"), ("LOC", "Kyiv"), ("PERSON", "Rice")]
