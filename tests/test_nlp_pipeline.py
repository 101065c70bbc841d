"""The shipped spaCy pipeline `news_en`: offline loading, determinism, NER, POS and lemmas.

All sentences are our own, written for these tests.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.errors import ModelError
from corroborate.nlp import pipeline

MODEL_PRESENT = (pipeline.MODEL_DIR / "meta.json").is_file()
needs_model = pytest.mark.skipif(not MODEL_PRESENT, reason="news_en model not built")


@pytest.fixture(scope="module", autouse=True)
def no_network() -> Iterator[None]:
    """Every test here runs with outgoing connections refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in tests")

    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", refuse)
    mp.setattr(socket.socket, "connect_ex", refuse)
    mp.setattr(socket, "create_connection", refuse)
    yield
    mp.undo()


def ents(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in pipeline.parse(text).ents}


@needs_model
def test_loads_offline_and_once() -> None:
    nlp = pipeline.load()
    assert pipeline.load() is nlp
    assert {"tok2vec", "tagger", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.meta["name"] == "news_en"


def test_missing_model_raises_model_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MODEL_DIR", tmp_path / "nowhere")
    monkeypatch.setattr(pipeline, "_nlp", None)
    with pytest.raises(ModelError, match="missing"):
        pipeline.load()


@needs_model
def test_deterministic() -> None:
    text = "Mykola Hrytsenko flew from Lviv to Warsaw to meet officials of the European Union."
    first = [(e.start_char, e.end_char, e.label_) for e in pipeline.parse(text).ents]
    second = [(e.start_char, e.end_char, e.label_) for e in pipeline.parse(text).ents]
    batched = [(e.start_char, e.end_char, e.label_) for e in next(pipeline.parse_many([text])).ents]
    assert first == second == batched
    assert first


# (sentence, entities that must be found) - our own news-style sentences.
MUST_FIND = [
    (
        "Speaking in Kyiv on Wednesday, Volodymyr Zelensky said reinforcements had arrived.",
        {("Kyiv", "LOC"), ("Volodymyr Zelensky", "PERSON")},
    ),
    (
        "Army chief Oleksandr Syrskyi briefed the president about the fighting.",
        {("Oleksandr Syrskyi", "PERSON")},
    ),
    (
        "Opposition lawmaker Kira Rudik criticised the budget in parliament on Friday.",
        {("Kira Rudik", "PERSON")},
    ),
    (
        "A spokesman, Georgiy Tykhy, declined to comment on the reports.",
        {("Georgiy Tykhy", "PERSON")},
    ),
    (
        "Shelling hit a power station in the Kursk region overnight, officials said.",
        {("Kursk region", "LOC")},
    ),
    (
        "Hundreds of civilians were evacuated from Sudzha as the front line moved closer.",
        {("Sudzha", "LOC")},
    ),
    (
        "Ukrainian units were reported to be fighting near Sudzha on Thursday.",
        {("Sudzha", "LOC")},
    ),
    (
        "Drones struck a fuel depot in the Belgorod region, governor Vyacheslav Gladkov said.",
        {("Belgorod region", "LOC"), ("Vyacheslav Gladkov", "PERSON")},
    ),
    (
        "Residents of the Zaporizhzhia oblast reported power cuts on Sunday.",
        {("Zaporizhzhia oblast", "LOC")},
    ),
    (
        "Dmitry Peskov told reporters in Moscow that the talks had stalled.",
        {("Dmitry Peskov", "PERSON"), ("Moscow", "LOC")},
    ),
]


@needs_model
@pytest.mark.parametrize(("text", "expected"), MUST_FIND)
def test_news_names(text: str, expected: set[tuple[str, str]]) -> None:
    found = ents(text)
    assert expected <= found, f"missing {expected - found}; found {found}"


@needs_model
def test_surname_alone_is_person_within_a_document() -> None:
    doc = pipeline.parse(
        "Oleksandr Syrskyi visited the front on Monday. "
        "Later, Syrskyi said the situation was under control."
    )
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people == ["Oleksandr Syrskyi", "Syrskyi"]


@needs_model
def test_title_is_not_part_of_the_name() -> None:
    found = ents("Gen. Mykhailo Petrenko and Governor Ivan Fedorov attended the funeral.")
    assert ("Mykhailo Petrenko", "PERSON") in found
    assert ("Ivan Fedorov", "PERSON") in found


@needs_model
def test_region_rule_leaves_nationality_adjectives_alone() -> None:
    found = ents("Officials said a Russian region near the border had declared an emergency.")
    assert not any(text.endswith("region") for text, _ in found)


@needs_model
def test_pos_and_lemmas() -> None:
    doc = pipeline.parse("The soldiers were carrying heavier boxes across the bridges.")
    assert all(t.tag_ for t in doc)
    assert all(t.pos_ for t in doc)
    by_text = {t.text: t for t in doc}
    assert by_text["soldiers"].tag_ == "NNS"
    assert by_text["soldiers"].pos_ == "NOUN"
    assert by_text["soldiers"].lemma_ == "soldier"
    assert by_text["were"].lemma_ == "be"
    assert by_text["carrying"].lemma_ == "carry"
    assert by_text["bridges"].lemma_ == "bridge"


@needs_model
def test_whole_names_join_a_first_name_only_out_of_an_org() -> None:
    doc = pipeline.parse("U.S. Attorney Philip R. Sellinger said so. Australia M. Taylor 45.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Philip R. Sellinger" in people
    assert "Australia M. Taylor" not in people  # a team on a scorecard, then the player
