"""Quotes, speakers and cues on our own fixture sentences, and on the seed reports.

The extractor runs on what the language layer gives it: `segment` for sentences, `parse` for
tokens, tags and entities. Where the trained model is not installed, the tests fall back to
tokens without tags or entities (`spacy.blank`), which the extractor must handle too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from parse_helpers import parser

from corroborate.extract.cues import cue_lemma, find_cues, is_speech_cue, stance_of
from corroborate.extract.entities import extract_entities
from corroborate.extract.quotes import extract_quotes
from corroborate.model import Entity, Quote, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _sentences(text: str) -> list[Span]:
    from corroborate.nlp import segment

    return segment(text)[1]


def analyse(text: str) -> tuple[list[Quote], list[Entity]]:
    doc = parser()(text)
    entities = extract_entities(text, doc)
    return extract_quotes(text, doc, _sentences(text), entities), entities


def quote_texts(text: str) -> dict[str, Quote]:
    quotes, _ = analyse(text)
    return {text[q.start : q.end]: q for q in quotes}


def find(text: str, fragment: str) -> Quote:
    """The quote whose text contains `fragment`."""
    quotes, _ = analyse(text)
    hits = [q for q in quotes if fragment in text[q.start : q.end]]
    assert hits, f"no quote contains {fragment!r}; got {[text[q.start : q.end] for q in quotes]}"
    return min(hits, key=lambda q: q.end - q.start)


# --- cues -------------------------------------------------------------------------------------


def test_cue_lexicon_inflections_and_stance() -> None:
    assert cue_lemma("said") == "say"
    assert cue_lemma("says") == "say"
    assert cue_lemma("stated") == "state"
    assert cue_lemma("emphasised") == "emphasise"
    assert cue_lemma("admitted") == "admit"
    assert cue_lemma("table") is None
    assert stance_of("insist") == "assertive"
    assert stance_of("claim") == "distancing"
    assert stance_of("concede") == "conceding"
    assert stance_of("according to") == "neutral"
    assert is_speech_cue("said in a statement")
    assert is_speech_cue("according to")
    assert not is_speech_cue("believes")


def test_find_cues_keeps_the_perfect_auxiliary_and_phrases() -> None:
    text = "The minister has stated that, according to the army, roads are open."
    cues = find_cues(text)
    assert [text[c.start : c.end] for c in cues] == ["has stated", "according to"]
    assert [c.lemma for c in cues] == ["state", "according to"]


def test_capitalised_names_are_not_cues() -> None:
    text = "The United States and the Washington Post were both there."
    assert find_cues(text) == []


# --- direct quotes ----------------------------------------------------------------------------


def test_direct_quote_after_colon_with_honorific_speaker() -> None:
    text = (
        "Port official Maria Lenz spoke to the press on Monday.\n"
        "Ms Lenz said: “The cranes will be back in service by Friday.”\n"
    )
    q = find(text, "cranes will be back")
    assert q.kind == "direct"
    assert text[q.start] == "“" and text[q.end - 1] == "”"  # marks included
    assert q.speaker is not None
    assert q.speaker.name == "Maria Lenz"
    assert q.speaker.title == "Port official"
    assert text[q.speaker.start : q.speaker.end] == "Ms Lenz"
    assert q.cue is not None and q.cue.verb == "say" and q.cue.stance == "neutral"


def test_direct_quote_with_speaker_after_and_straight_marks() -> None:
    text = '"We have enough water for two weeks," said Tomas Berg, the town\'s mayor.\n'
    q = find(text, "enough water")
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == "Tomas Berg"
    assert q.speaker.title == "town's mayor"


def test_pronoun_speaker_resolves_to_the_previous_person() -> None:
    text = (
        "Harbour master Anna Vick said the port had reopened.\n"
        "“Ships are moving again,” she said.\n"
    )
    q = find(text, "Ships are moving")
    assert q.speaker is not None
    assert q.speaker.name == "Anna Vick"
    assert q.speaker.title == "Harbour master"
    assert text[q.speaker.start : q.speaker.end] == "she"


def test_surname_alone_resolves_to_full_name_and_carries_title() -> None:
    text = (
        "Lena Okafor, a senior hydrologist, warned that the river would rise overnight.\n"
        "“We expect the peak on Thursday,” Okafor said.\n"
    )
    warn = find(text, "river would rise")
    assert warn.kind == "indirect"
    assert warn.speaker is not None and warn.speaker.name == "Lena Okafor"
    assert warn.speaker.title == "senior hydrologist"
    assert warn.cue is not None and warn.cue.stance == "assertive"
    q = find(text, "expect the peak")
    assert q.speaker is not None
    assert q.speaker.name == "Lena Okafor"
    assert q.speaker.title == "senior hydrologist"


def test_title_only_speaker_resolves_to_the_person_with_that_title() -> None:
    text = (
        "Transport ministry spokesman Piet Alders said the bridge would stay closed.\n"
        "“Safety comes first,” the spokesman added.\n"
    )
    q = find(text, "Safety comes first")
    assert q.speaker is not None
    assert q.speaker.name == "Piet Alders"
    assert q.speaker.title == "Transport ministry spokesman"


def test_it_and_they_resolve_to_the_last_organisation() -> None:
    text = (
        "The transport ministry said the bridge was closed.\n"
        "It said that repairs would take a week.\n"
    )
    q = find(text, "repairs would take")
    assert q.speaker is not None
    assert q.speaker.kind == "organisation"
    assert q.speaker.name == "The transport ministry"
    assert text[q.speaker.start : q.speaker.end] == "It"


# --- mixed quotes and scare quotes ------------------------------------------------------------


def test_mixed_quote_inside_a_paraphrase() -> None:
    text = "Mayor Ines Roca insisted that the city wants a “fair deal for every tenant.”\n"
    q = find(text, "fair deal")
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.name == "Ines Roca"
    assert q.cue is not None and q.cue.stance == "assertive"
    indirect = find(text, "the city wants")
    assert indirect.kind == "indirect"


def test_scare_quotes_are_not_quotes() -> None:
    text = (
        "The so-called “reform” changed little in the valley.\n"
        "Critics of the “plan” were not consulted.\n"
    )
    quotes, _ = analyse(text)
    assert quotes == []


# --- indirect quotes --------------------------------------------------------------------------


def test_indirect_quote_with_that_has_the_content_as_span() -> None:
    text = "Customs chief Omar Haddad has stated that the new scanners cut waiting times.\n"
    q = find(text, "new scanners")
    assert q.kind == "indirect"
    assert text[q.start : q.end] == "the new scanners cut waiting times"
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"
    assert q.speaker.title == "Customs chief"
    assert q.cue is not None and text[q.cue.start : q.cue.end] == "has stated"


def test_according_to_gives_speaker_and_content() -> None:
    text = "According to fire chief Dana Moss, the blaze destroyed 14 homes.\n"
    q = find(text, "blaze destroyed")
    assert q.kind == "indirect"
    assert text[q.start : q.end] == "the blaze destroyed 14 homes"
    assert q.speaker is not None and q.speaker.name == "Dana Moss"
    assert q.cue is not None and q.cue.verb == "according to"


def test_apposition_gives_the_title() -> None:
    text = "Rosa Ferrer, a regional MP, said the clinic would close in May.\n"
    q = find(text, "clinic would close")
    assert q.speaker is not None
    assert q.speaker.name == "Rosa Ferrer"
    assert q.speaker.title == "regional MP"


def test_group_and_document_speakers() -> None:
    text = (
        "Military analysts say the convoy was moving north.\n"
        "Local reports indicate that 300 families have left the area.\n"
        "A statement from the company said that production would resume.\n"
    )
    analysts = find(text, "convoy was moving")
    assert analysts.speaker is not None
    assert analysts.speaker.kind == "organisation"
    assert analysts.speaker.name == "Military analysts"
    reports = find(text, "300 families")
    assert reports.speaker is not None
    assert reports.speaker.kind == "report"
    assert reports.speaker.name is not None and "reports" in reports.speaker.name
    statement = find(text, "production would resume")
    assert statement.speaker is not None and statement.speaker.kind == "report"


@pytest.mark.parametrize(
    ("verb", "stance"),
    [("claimed", "distancing"), ("insisted", "assertive"), ("admitted", "conceding")],
)
def test_stance_of_the_cue(verb: str, stance: str) -> None:
    text = f"Club president Jorge Salas {verb} that the stadium was safe.\n"
    q = find(text, "stadium was safe")
    assert q.cue is not None and q.cue.stance == stance
    assert q.speaker is not None and q.speaker.name == "Jorge Salas"


def test_nouns_that_look_like_cues_are_not_cues() -> None:
    text = (
        "Moscow’s claims of success were widely doubted.\n"
        "The earlier reports of a ceasefire were wrong.\n"
    )
    quotes, _ = analyse(text)
    assert quotes == []


def test_wire_style_attributions() -> None:
    text = (
        "Russia's Defence Ministry said in a statement that its forces had repelled attacks.\n"
        "Port spokesman Ivo Brandt told reporters the terminal would reopen on Monday.\n"
        "According to the regional governor, Alexei Smirnov, 1,200 people have left.\n"
        "The shortage, Smirnov said, would last for at least a week.\n"
        "The city's mayor, Hana Ruud, said the schools would stay shut.\n"
    )
    ministry = find(text, "repelled attacks")
    assert ministry.kind == "indirect"
    assert ministry.speaker is not None and ministry.speaker.kind == "organisation"
    port = find(text, "terminal would reopen")
    assert port.speaker is not None and port.speaker.name == "Ivo Brandt"
    assert port.cue is not None and port.cue.verb == "tell"
    gov = find(text, "1,200 people")
    assert gov.speaker is not None and gov.speaker.name == "Alexei Smirnov"
    assert gov.speaker.title == "regional governor"
    shortage = find(text, "would last")  # a parenthetical attribution
    assert shortage.speaker is not None and shortage.speaker.name == "Alexei Smirnov"
    mayor = find(text, "schools would stay")
    assert mayor.speaker is not None and mayor.speaker.name == "Hana Ruud"


def test_typewriter_quote_marks() -> None:
    text = "''We will rebuild the bridge,'' Mr. Dorn said. ''It will take a year.''\n"
    first = find(text, "rebuild the bridge")
    second = find(text, "take a year")
    assert first.kind == second.kind == "direct"
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Dorn"


# --- multi-paragraph and unclosed -------------------------------------------------------------


def test_multi_paragraph_quote_carries_the_speaker() -> None:
    text = (
        "Union leader Carla Stein said: “We will not accept these terms.\n"
        "“Our members voted and the answer is no, today and tomorrow.”\n"
        "The company declined to comment.\n"
    )
    first = find(text, "not accept these terms")
    second = find(text, "Our members voted")
    assert first.kind == second.kind == "direct"
    assert "\n" not in text[first.start : first.end]  # one Quote per paragraph
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Carla Stein"


def test_unclosed_quote_stops_at_the_end_of_its_paragraph() -> None:
    text = (
        "Coach Ben Ito said: “We played well and we deserved more\n"
        "The match ended in a draw after a late penalty.\n"
        "Fans left the ground quietly.\n"
    )
    q = find(text, "played well")
    assert text[q.start : q.end] == "“We played well and we deserved more"
    quotes, _ = analyse(text)
    assert all("late penalty" not in text[x.start : x.end] for x in quotes)


def test_text_without_quotes_or_cues_has_no_quotes() -> None:
    text = (
        "The river rose by two metres overnight.\n"
        "Shops in the old town stayed closed and the bridge was shut.\n"
    )
    quotes, _ = analyse(text)
    assert quotes == []


def test_commentary_without_sources_has_no_quotes() -> None:
    text = (
        "The news does, however, suggest the defences are becoming fragile.\n"
        "The raid broke the magic mirror that told the president about his invincibility.\n"
        "The stated goal of the plan was a lasting peace.\n"
        "This could be a huge event, and it could turn opinion against the government.\n"
        "The minister said goodbye.\n"
    )
    quotes, _ = analyse(text)
    assert quotes == [], [text[q.start : q.end] for q in quotes]


def test_quote_without_speaker_has_speaker_none() -> None:
    text = "A sign on the door read “closed until further notice for urgent repairs”.\n"
    quotes, _ = analyse(text)
    for q in quotes:
        assert q.speaker is None


@dataclass
class _Ent:
    start_char: int
    end_char: int
    label_: str


@dataclass
class _Doc:
    """A parse with entities and no tokens, as a stand-in for the trained model."""

    ents: list[_Ent]

    def __iter__(self) -> Iterator[Any]:
        return iter(())


def test_entities_from_the_parser_give_names_titles_and_places() -> None:
    text = (
        "Harbour master Anna Vick said the port had reopened.\n"
        "Ms Vick added: “Ships are moving again.”\n"
        "Norway said that its navy would escort the ferries.\n"
    )
    marked = [("Anna Vick", "PERSON"), ("Ms Vick", "PERSON"), ("Norway", "GPE")]
    ents, pos = [], 0
    for surface, label in marked:
        i = text.index(surface, pos)
        ents.append(_Ent(i, i + len(surface), label))
        pos = i + len(surface)
    doc = _Doc(ents)
    entities = extract_entities(text, doc)
    quotes = extract_quotes(text, doc, _sentences(text), entities)
    by_text = {text[q.start : q.end]: q for q in quotes}
    ships = by_text["“Ships are moving again.”"]
    assert ships.speaker is not None
    assert ships.speaker.name == "Anna Vick"
    assert ships.speaker.title == "Harbour master"  # not "Ms"
    navy = by_text["its navy would escort the ferries"]
    assert navy.speaker is not None and navy.speaker.kind == "organisation"


@pytest.mark.parametrize(
    "text",
    ["", '"', "“", "”", "said", "According to", "He said: “", "\n\n\n", ", said", "Mr. said"],
)
def test_degenerate_text_does_not_break(text: str) -> None:
    sentences = [Span(0, len(text))] if text else []
    quotes = extract_quotes(text, None, sentences, [])
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)


# --- the seeds --------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the seed reports live in ../shared (CI has it)")
    files = sorted(folder.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"no seed {prefix}_*.txt in {folder}")
    return files[0].read_text(encoding="utf-8")


def test_first_seed_quotes_speakers_and_titles() -> None:
    text = _seed("000")
    quotes, _ = analyse(text)
    got = [
        (q.kind, q.speaker.name if q.speaker else None, q.speaker.title if q.speaker else None)
        for q in quotes
    ]
    expected = [
        ("indirect", "Oleksandr Syrskyi", "Ukraine’s Chief of Staff", "additional 40 square"),
        ("indirect", "Georgiy Tykhy", "Ukrainian Foreign Ministry spokesman", "not seeking"),
        ("mixed", "Georgiy Tykhy", "Ukrainian Foreign Ministry spokesman", "“just peace.”"),
        ("direct", "Georgiy Tykhy", "Ukrainian Foreign Ministry spokesman", "The sooner"),
        ("indirect", "Kira Rudik", "Ukrainian MP", "broader strategy"),
        ("mixed", "Kira Rudik", "Ukrainian MP", "“Russia is not invincible”"),
        ("direct", "Kira Rudik", "Ukrainian MP", "different instruments"),
        ("direct", "Kira Rudik", "Ukrainian MP", "In two and a half years"),
    ]
    for kind, name, title, fragment in expected:
        q = find(text, fragment)
        assert (q.kind, q.speaker.name if q.speaker else None) == (kind, name), (fragment, got)
        assert q.speaker is not None and q.speaker.title == title, (fragment, got)
    # every quote with a speaker names one of the article's sources; groups are not people
    for q in quotes:
        assert q.speaker is not None
        if q.speaker.kind == "person":
            assert q.speaker.name in {"Oleksandr Syrskyi", "Georgiy Tykhy", "Kira Rudik"}
        else:
            assert q.speaker.name in {"Military analysts", "local reports"}


def test_second_seed_has_no_invented_quotes() -> None:
    text = _seed("002")
    quotes, _ = analyse(text)
    assert quotes == [], [text[q.start : q.end] for q in quotes]


# --- audit fixes: pronouns, prepositional heads, damaged names, cues, organisations -------------


def test_pronoun_follows_the_subject_of_the_sentence_before() -> None:
    text = (
        "Mayor Helen Dray praised the volunteers after councillor Tomas Brek spoke.\n"
        "Finance chief Oskar Lind admitted the budget had slipped. "
        '"We got the timing wrong," he said.'
    )
    q = find(text, "timing wrong")
    assert q.speaker is not None and q.speaker.name == "Oskar Lind"


def test_preposition_object_is_not_the_speaker() -> None:
    q = find("Our reporter in Valmora reports that the bridge has reopened to traffic.", "bridge")
    assert q.speaker is not None and q.speaker.kind == "person"
    assert q.speaker.title is not None and q.speaker.title.startswith("Our reporter")
    q = find("The roof held up well, said a Northfield College engineer.", "roof held")
    assert q.speaker is not None and q.speaker.kind == "person"
    assert q.speaker.title == "Northfield College engineer"


def test_time_stamps_and_hyphens_do_not_damage_names() -> None:
    q = find("11:05 GMT - Eldoria's fire agency says it has rescued most of the crew.", "rescued")
    assert q.speaker is not None and q.speaker.name == "Eldoria's fire agency"
    assert q.speaker.kind == "organisation"
    q = find("The minister, Anne-Marie Solberg, said the clinic would reopen.", "clinic")
    assert q.speaker is not None and q.speaker.name is not None
    assert "Marie" in q.speaker.name


def test_more_cue_verbs_and_framing() -> None:
    text = "Farmers complained that the new rules arrived too late to plan the harvest."
    assert find(text, "new rules").speaker is not None
    q = find("Engineers cautioned that the repairs could take several more months.", "repairs")
    assert q.cue is not None and q.cue.verb == "caution"
    q = find('The senator accused her rivals of a "campaign of deceit" on Tuesday.', "deceit")
    assert q.kind == "mixed" and q.speaker is not None


def test_not_quotes_names_in_marks_and_non_speech_objects() -> None:
    text = (
        'The coach said the striker, known by the nickname "Hawk", had scored twice in the match.'
    )
    assert not any(q.endswith('"Hawk"') for q in quote_texts(text))
    text = "Lena Varga, asked about the strike, referred reporters to the union's statement."
    assert quote_texts(text) == {}


def test_organisation_named_by_role() -> None:
    q = find("The carrier said it had cancelled forty flights because of the storm.", "cancelled")
    assert q.speaker is not None and q.speaker.kind == "organisation"
    q = find("Norland's air force said it had intercepted two drones overnight.", "intercepted")
    assert q.speaker is not None and q.speaker.kind == "organisation"


def test_a_role_noun_speaks_for_the_organisation_named_before() -> None:
    text = (
        "Nordwind Airways cancelled forty flights on Friday after a storm hit the coast. "
        "The airline said passengers would be rebooked within two days."
    )
    q = find(text, "rebooked")
    assert q.speaker is not None and q.speaker.kind == "organisation"
    assert q.speaker.name == "Nordwind Airways"
    text = (
        "Kelmar Motors reported a loss for the third quarter running. "
        "The company said it would close two plants next year."
    )
    q = find(text, "close two plants")
    assert q.speaker is not None and q.speaker.name == "Kelmar Motors"
    # two airlines before it: which one is meant is not known, so the phrase stays
    text = (
        "Nordwind Airways and Sudair Airlines both cut routes this winter. "
        "The airline said demand had fallen sharply in the spring."
    )
    q = find(text, "demand had fallen")
    assert q.speaker is not None and q.speaker.name == "The airline"


def test_organisations_taken_for_people_and_people_for_organisations() -> None:
    q = find(
        "The water utility Aquaterra said supplies to the northern districts were restored.",
        "supplies",
    )
    assert q.speaker is not None and q.speaker.kind == "organisation"
    assert q.speaker.name == "Aquaterra"
    text = (
        "Marine Le Garrec won her seat outright on Sunday. Le Garrec told supporters the "
        "result showed the country wanted change."
    )
    for q in analyse(text)[0]:
        assert q.speaker is None or q.speaker.kind == "person"


def test_coordinated_and_postposed_speakers() -> None:
    q = find(
        "The ceasefire would begin at midnight and prisoners would be exchanged within a week, "
        "both sides said.",
        "ceasefire",
    )
    assert q.speaker is not None and q.speaker.name == "both sides"
    q = find(
        "Rail traffic resumed on Friday after a deal brokered by the regional bloc, the insurer "
        "and state officials said.",
        "Rail traffic",
    )
    assert q.speaker is not None and q.speaker.name == "the insurer and state officials"
    q = find(
        "Rebel units have withdrawn from about 40 villages along the eastern ridge, the commander "
        "of the northern army group, Tomas Varga, said on Monday.",
        "villages",
    )
    assert q.speaker is not None and q.speaker.name == "Tomas Varga"
    # "and" inside the content is not a second speaker
    q = find("Prices rose and wages fell, officials said.", "Prices rose")
    assert q.speaker is not None and q.speaker.name == "officials"


def test_called_it_and_described_as_are_framing() -> None:
    q = find('The mayor called the ruling "a slap in the face" and vowed to appeal.', "slap")
    assert q.kind == "mixed" and q.speaker is not None and q.speaker.title == "mayor"
    q = find('Senator Holt described the proposal as "a gift to polluters" on Tuesday.', "gift")
    assert q.speaker is not None and q.speaker.name == "Holt"
    # "called for" and a nickname are not somebody's framing of a thing
    assert quote_texts('The minister called for "calm and restraint" after the clashes.') == {}
    texts = quote_texts('Fans called the goalkeeper "Iron Hands" long before the final.')
    assert not any("Iron Hands" in t for t in texts)


def test_titles_and_subjects_are_not_verbs_years_or_headings() -> None:
    text = (
        "Envoy Lina Parr briefed the cabinet. Parr told President Oduya that talks would resume. "
        'Later Oduya said: "We are ready to sign."'
    )
    q = find(text, "ready to sign")
    assert q.speaker is not None and q.speaker.name == "Oduya"
    assert q.speaker.title in {None, "President"}
    q = find(
        "Alma Reyes, 61, who has chaired the board for a decade, said the merger was off.",
        "merger",
    )
    assert q.speaker is not None and q.speaker.name == "Alma Reyes"
    text = (
        "Governor Ruth Okafor, who in 2019 said the dam was safe, now says it needs repairs "
        "before the rains."
    )
    for q in analyse(text)[0]:
        assert q.speaker is None or q.speaker.name != "2019"
    text = (
        "The pension fund lost money last year.\n\nTHE OUTLOOK Back when he started, Paul Amadi "
        "said that he saw shares as a long game."
    )
    for q in analyse(text)[0]:
        assert q.speaker is None or "OUTLOOK" not in (q.speaker.name or "")


def test_a_hyphenated_surname_stays_whole() -> None:
    text = (
        "Swiss Finance Minister Karin Keller-Sutter said the deal was the best solution. "
        "Alexandria Ocasio-Cortez said the plan was dead."
    )
    sp = find(text, "best solution").speaker
    assert sp is not None and sp.name == "Karin Keller-Sutter"
    assert sp.title == "Swiss Finance Minister"
    sp = find(text, "plan was dead").speaker
    assert sp is not None and sp.name == "Alexandria Ocasio-Cortez"


def test_named_people_speaking_together_are_one_group() -> None:
    text = (
        "Treasury Secretary Janet Yellen, Fed Chair Jerome Powell and FDIC Chairman Martin "
        "Gruenberg said in a joint statement that depositors would have access to their money. "
        "On Sunday, Joe Biden and Kamala Harris said they were relieved."
    )
    sp = find(text, "depositors").speaker
    assert sp is not None and sp.kind == "organisation" and sp.title is None
    assert sp.name == "Janet Yellen, Jerome Powell and Martin Gruenberg"
    sp = find(text, "relieved").speaker
    assert sp is not None and sp.name == "Joe Biden and Kamala Harris"


def test_a_title_with_its_own_prepositions_before_a_full_name() -> None:
    text = (
        "The deputy head of the presidential office for regional policy Oleksiy Kuleba said "
        "power was back. Officials in the city of Kharkiv said it was calm."
    )
    sp = find(text, "power was back").speaker
    assert sp is not None and sp.kind == "person" and sp.name == "Oleksiy Kuleba"
    assert sp.title == "deputy head of the presidential office for regional policy"
    # the city is where the officials are, not who speaks ("the city said" is the city)
    sp = find(text, "it was calm").speaker
    assert sp is not None and sp.name == "Officials in the city of Kharkiv"


def test_an_apposition_keeps_its_title_before_a_relative_clause() -> None:
    text = (
        "Oleh Syniehubov, the governor of the northeastern Kharkiv region that borders Russia, "
        "said 1,300 people had left."
    )
    sp = find(text, "people had left").speaker
    assert sp is not None and sp.name == "Oleh Syniehubov"
    assert sp.title == "governor of the northeastern Kharkiv region"


def test_names_with_particles_initials_and_whose_clauses() -> None:
    text = (
        '"These are temperatures typical of July," said Rubén del Campo, a spokesperson for '
        "Aemet. “Corruption carries a price,” U.S. Attorney Philip R. Sellinger said. Priya "
        "Ramanathan, whose two children attend Riverside, said the board had ignored them."
    )
    sp = find(text, "typical of July").speaker
    assert sp is not None and (sp.name, sp.title) == ("Rubén del Campo", "spokesperson for Aemet")
    sp = find(text, "carries a price").speaker
    assert sp is not None and (sp.name, sp.title) == ("Philip R. Sellinger", "U.S. Attorney")
    sp = find(text, "ignored them").speaker
    assert sp is not None and sp.name == "Priya Ramanathan"


def test_according_to_a_name_with_its_apposition_ends_the_content() -> None:
    text = "Prices rose 3%, according to Anna Berg, an economist at the bank."
    q = find(text, "Prices rose")
    assert text[q.start : q.end] == "Prices rose 3%"
    assert q.speaker is not None and q.speaker.title == "economist at the bank"


def test_british_ranks_honorifics_and_a_spokesperson_for_someone() -> None:
    text = (
        '"We are seeing record demand," said Prof Sir Stephen Powis, NHS England\'s national '
        "medical director. Det Supt Alan Greaves of Lancashire police said the search went on. "
        "A lawyer for Anna Berg said she would appeal."
    )
    sp = find(text, "record demand").speaker
    assert sp is not None and sp.name == "Stephen Powis"
    assert sp.title == "NHS England's national medical director"  # not "Prof"
    sp = find(text, "search went on").speaker
    assert sp is not None and sp.name == "Alan Greaves"
    # the lawyer speaks, not the client
    sp = find(text, "would appeal").speaker
    assert sp is not None and sp.name is None and sp.title == "lawyer for Anna Berg"


def test_a_pronoun_for_someone_named_in_passing_keeps_the_title_written_there() -> None:
    text = (
        "Critics, including Senator Mark Hale, say the plan is too costly. "
        '"It is a disaster," he said. Protesters gathered outside the home of Mayor Jane '
        "Doe on Sunday. She said she would not resign."
    )
    sp = find(text, "a disaster").speaker
    assert sp is not None and (sp.name, sp.title) == ("Mark Hale", "Senator")
    sp = find(text, "would not resign").speaker
    assert sp is not None and (sp.name, sp.title) == ("Jane Doe", "Mayor")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The fire destroyed 40 homes, Cal Fire said.", "Cal Fire"),
        (
            "Arrivals doubled, according to the EU border agency Frontex. Frontex said 1,200 "
            "migrants had arrived on the island.",
            "Frontex",
        ),
        ("Doctors Without Borders said 30 patients were evacuated.", "Doctors Without Borders"),
        ("The London Fire Brigade said 70 firefighters attended.", "London Fire Brigade"),
        (
            "Utility Portland General Electric said it had cut power to roughly 9,500 customers.",
            "Portland General Electric",
        ),
    ],
)
def test_services_charities_and_one_word_agencies_are_organisations(text: str, name: str) -> None:
    q = analyse(text)[0][-1]
    assert q.speaker is not None and (q.speaker.name, q.speaker.kind) == (name, "organisation")


def test_a_word_alone_not_introduced_as_an_organisation_stays_a_person() -> None:
    text = "The Trump camp was quiet. Trump said the vote had been rigged."
    sp = find(text, "had been rigged").speaker
    assert sp is not None and (sp.name, sp.kind) == ("Trump", "person")


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Sarah Jones of the firm Brightline said profits would fall sharply.",
            "Sarah Jones",
            "of the firm Brightline",
        ),
        (
            "Tom Cole of the Oklahoma delegation said the bill would pass easily.",
            "Tom Cole",
            "of the Oklahoma delegation",
        ),
        (
            "A doctor with the charity Médecins Sans Frontières said several survivors had "
            "hypothermia.",
            None,
            "doctor with the charity Médecins Sans Frontières",
        ),
    ],
)
def test_a_person_of_a_described_organisation_is_the_speaker(
    text: str, name: str | None, title: str
) -> None:
    (q,) = analyse(text)[0]
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.title, q.speaker.kind) == (name, title, "person")


def test_it_is_the_organisation_the_sentence_before_is_about() -> None:
    text = (
        "The World Health Organization says it is sending 15 tonnes of supplies.\n\n"
        "The US Geological Survey has revised the magnitude. It said the epicentre was at a "
        "depth of 11 km."
    )
    sp = find(text, "epicentre").speaker
    assert sp is not None and (sp.name, sp.kind) == ("US Geological Survey", "organisation")


def test_a_cue_inside_the_speakers_own_aside_is_not_content() -> None:
    text = (
        "Interior Minister Matteo Piantedosi told parliament that arrivals had fallen by 58%.\n\n"
        "A doctor with the charity Médecins Sans Frontières, who asked not to be named because "
        "she was not authorised to speak to the media, said several survivors were suffering "
        'from hypothermia. "Some of them had been in the water for six hours," she said.'
    )
    for fragment in ("hypothermia", "six hours"):
        sp = find(text, fragment).speaker
        assert sp is not None and sp.name is None
        assert sp.title == "doctor with the charity Médecins Sans Frontières"


@pytest.mark.parametrize(
    ("text", "fragment", "name", "title"),
    [
        (
            "Its spokesman, Flavio Di Giacomo, told the Meridian that the count would rise.",
            "count would rise",
            "Flavio Di Giacomo",
            "Its spokesman",
        ),
        (
            '"We are seeing the perfect conditions for the disease to spread," said Laura Lo '
            "Castro, UNHCR's representative in Chad.",
            "perfect conditions",
            "Laura Lo Castro",
            "UNHCR's representative in Chad",
        ),
        (
            "Gurpreet Singh Dhillon, a wheat farmer, said yields were down sharply this year.",
            "yields were down",
            "Gurpreet Singh Dhillon",
            "wheat farmer",
        ),
    ],
)
def test_a_name_the_tagger_took_for_an_organisation_is_a_person_with_a_role(
    text: str, fragment: str, name: str, title: str
) -> None:
    sp = find(text, fragment).speaker
    assert sp is not None and (sp.name, sp.title, sp.kind) == (name, title, "person")


def test_a_place_in_an_apposition_stays_a_place() -> None:
    text = (
        "Ann Reyes, a 55-year-old nurse from Sumter, South Carolina, says Hale will “leave "
        "here with momentum.”"
    )
    sp = find(text, "with momentum").speaker
    assert sp is not None and sp.name == "Ann Reyes"


def test_a_gerund_after_a_cue_has_its_own_content_and_the_same_speaker() -> None:
    text = (
        "N'DJAMENA - A cholera outbreak has killed 41 people, United Nations agencies said on "
        "Tuesday, warning that the rainy season could make matters worse. Police said 12 "
        "people were arrested, adding that more arrests were likely."
    )
    found = quote_texts(text)
    for content, speaker in [
        ("A cholera outbreak has killed 41 people", "United Nations agencies"),
        ("the rainy season could make matters worse", "United Nations agencies"),
        ("12 people were arrested", "Police"),
        ("more arrests were likely", "Police"),
    ]:
        q = found[content]
        assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "The record is the largest in Olympic history, according to the International Ski "
            "and Snowboard Federation (FIS).",
            "largest in Olympic history",
            "International Ski and Snowboard Federation",
        ),
        (
            "Egypt and Qatar said in a joint statement that they were working to restore calm.",
            "working to restore calm",
            "Egypt and Qatar",
        ),
        (
            "Italy's coast guard said its vessels had rescued 27 survivors.",
            "rescued 27 survivors",
            "Italy's coast guard",
        ),
    ],
)
def test_institutions_states_and_their_services_are_organisations(
    text: str, fragment: str, name: str
) -> None:
    sp = find(text, fragment).speaker
    assert sp is not None and (sp.name, sp.kind) == (name, "organisation")
