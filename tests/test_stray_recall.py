"""Recall of pasted paragraphs (issue 6), beyond the strict gate (no shared name, under 30% of
words shared): a paragraph that names someone the report names, yet shares far fewer of its
words with the report than the report's own paragraphs do; one naming three or more, only one
of them found elsewhere; one with several names of its own that shares more everyday words.
The wider gates ask that it share few words with the paragraphs around it and the lead.

Every report here is our own invented text.
"""

from __future__ import annotations

import pytest
from stray_helpers import flags_by_kind

from corroborate import nlp
from corroborate.extract import stray
from corroborate.model import Article

EMBEDDINGS = pytest.mark.skipif(not nlp.embeddings_available(), reason="embeddings not installed")

# A council budget report: its paragraphs keep coming back to the same words (budget,
# property tax, school repairs, council), as a report's paragraphs do.
BUDGET = [
    "The city council of Norvik approved Mayor Lina Berg's budget on Tuesday, raising the "
    "property tax by 2% to pay for school repairs and more bus routes.",
    "The budget passed by 21 votes to 14 after a four-hour debate, with the opposition saying "
    "the property tax rise would hurt pensioners on fixed incomes.",
    "Berg said the school repairs could not wait another year, after the council's own survey "
    "found leaking roofs in nine of the city's 30 schools.",
    "The opposition leader, Tor Lunde, said the council should have cut spending on "
    "consultants before raising the property tax for every household.",
    "Under the budget, the city will also add six bus routes to the outer districts, where "
    "residents have complained for years about long waits.",
    "The property tax rise takes effect in January, and the first school repairs are due to "
    "begin in the spring, the council said.",
]
# From a report about another event: it names Lunde, as the report does, so the shared name
# no longer vouches for it; it shares almost none of the report's other words.
ARREST = (
    "Lunde's brother was arrested in Oslo on Saturday after police discovered stolen paintings "
    "worth millions of kroner hidden in a garage, prosecutors told reporters."
)
# A digression of the report itself: it names Lunde and takes up the paragraph after it.
REFERENDUM = (
    "Lunde's party has promised voters a referendum on the levy before next autumn's local "
    "elections, arguing households were never asked about the increase."
)


def _with(at: int, line: str) -> str:
    return "\n".join([*BUDGET[:at], line, *BUDGET[at:]])


def test_a_paragraph_far_below_the_reports_usual_overlap_is_a_candidate() -> None:
    # Shared names: the share of the report's usual overlap decides, whatever the bound.
    assert stray.paragraph_candidate(30, 2, True, 0.1, typical=0.5)
    assert stray.paragraph_candidate(30, 2, True, 0.35, typical=1.6)
    assert not stray.paragraph_candidate(30, 2, True, 0.2, typical=0.5)
    assert not stray.paragraph_candidate(10, 2, True, 0.0, typical=0.5)  # too short to judge
    # Without a typical share (0.0) the absolute rules stand alone.
    assert not stray.paragraph_candidate(30, 2, True, 0.1)
    assert stray.paragraph_candidate(30, 2, False, 0.1)


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_clean_budget_report_has_no_stray(embeddings: bool) -> None:
    assert "stray_text" not in flags_by_kind("\n".join(BUDGET), embeddings)


@EMBEDDINGS
def test_a_pasted_paragraph_naming_someone_the_report_names_is_flagged() -> None:
    assert flags_by_kind(_with(3, ARREST), embeddings=True).get("stray_text") == [ARREST]


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_a_digression_naming_the_same_person_is_not_flagged(embeddings: bool) -> None:
    assert "stray_text" not in flags_by_kind(_with(3, REFERENDUM), embeddings)


# Names of its own, one of them found elsewhere by chance (the report's city): a ferry accident.
FERRY = (
    "A ferry operated by Fjordline ran aground outside Haugesund on Sunday night, and coastguard "
    "boats from Stavanger took all 300 passengers ashore, Norvik's harbour master said."
)
# Two names of its own, and everyday words found further down the report (January, years, long
# waits, residents, outer districts, bus): a football match, sharing 38% of its words.
DERBY = (
    "Brann striker Ola Vik scored twice in the first half as the club beat Molde 3-1 in January, "
    "ending years of long waits for a derby win, and residents of the outer districts cheered "
    "the team bus."
)
# The report's own: three names, one of them the report's (Lunde), and the words of the
# paragraphs around it (budget, school repairs, property tax).
REBELS = (
    "Three councillors from Lunde's own bench, Kari Holm, Per Dahl and Siri Nes, broke ranks and "
    "voted for the budget, saying the school repairs mattered more to their voters than the "
    "property tax."
)


def test_one_shared_name_among_three_or_more_leaves_the_names_its_own() -> None:
    assert stray.names_its_own(3, 1)
    assert stray.names_its_own(2, 0)
    assert not stray.names_its_own(2, 1)  # one of two found elsewhere: half the paragraph's names
    assert not stray.names_its_own(4, 2)
    assert not stray.names_its_own(0, 0)
    assert stray.paragraph_candidate(30, 4, 1, 0.2, typical=0.5, local=0.05)
    assert not stray.paragraph_candidate(30, 4, 2, 0.2, typical=0.5, local=0.05)
    # Each wider gate relaxes one condition of the strict one: a name found elsewhere, and
    # many words shared too, is not a candidate.
    assert not stray.paragraph_candidate(30, 4, 1, 0.45, typical=0.6, local=0.05)
    # Not by the strict gate, which alone tells a roundup.
    assert not stray.paragraph_candidate(30, 4, 1, 0.2, typical=0.5, local=0.05, strict=True)


def test_several_names_of_its_own_may_share_more_everyday_words() -> None:
    assert stray.paragraph_candidate(30, 2, 0, 0.45, typical=0.6, local=0.05)
    assert not stray.paragraph_candidate(30, 1, 0, 0.45, typical=0.6, local=0.05)  # one name
    assert not stray.paragraph_candidate(30, 2, 0, 0.55, typical=0.6, local=0.05)
    assert not stray.paragraph_candidate(30, 2, 0, 0.45, typical=0.6, local=0.05, strict=True)
    assert stray.paragraph_candidate(30, 2, 0, 0.25, typical=0.6, local=0.5, strict=True)


def test_the_wider_gates_ask_for_few_words_shared_with_the_paragraphs_around() -> None:
    # The words of the paragraphs around it and the lead: it carries on their thread.
    assert not stray.paragraph_candidate(30, 2, 0, 0.45, typical=0.6, local=0.3)
    assert not stray.paragraph_candidate(30, 4, 1, 0.2, typical=0.6, local=0.3)
    # The strict gate and the report's norm do not ask it.
    assert stray.paragraph_candidate(30, 2, 0, 0.2, typical=0.6, local=0.3)
    assert stray.paragraph_candidate(30, 2, 3, 0.1, typical=0.6, local=0.3)


@EMBEDDINGS
@pytest.mark.parametrize("pasted", [FERRY, DERBY], ids=["one-shared-name", "everyday-words"])
def test_a_pasted_paragraph_with_names_of_its_own_is_flagged(pasted: str) -> None:
    assert flags_by_kind(_with(3, pasted), embeddings=True).get("stray_text") == [pasted]


@pytest.mark.parametrize("pasted", [FERRY, DERBY], ids=["one-shared-name", "everyday-words"])
def test_without_embeddings_the_lexical_path_stays_conservative(pasted: str) -> None:
    assert "stray_text" not in flags_by_kind(_with(3, pasted), embeddings=False)


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=EMBEDDINGS)])
def test_new_names_with_the_words_around_them_are_not_flagged(embeddings: bool) -> None:
    assert "stray_text" not in flags_by_kind(_with(3, REBELS), embeddings)


def test_only_the_strict_gate_makes_a_roundup() -> None:
    from corroborate.extract.structure import _Pending, _unless_roundup

    def pending(roundup: bool) -> _Pending:
        return _Pending([1], lambda: None, paragraph=True, roundup=roundup)

    wide = [pending(False) for _ in range(stray.ROUNDUP_CANDIDATES)]
    assert _unless_roundup(list(wide)) == wide
    strict = [pending(True) for _ in range(stray.ROUNDUP_CANDIDATES)]
    assert _unless_roundup([*strict, *wide]) == []


@EMBEDDINGS
def test_a_batch_of_reports_is_embedded_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """`analyse_many` embeds what every report of a batch judges by meaning in one call, and
    what some then need (the paragraph sharing most words with a far one) in a second (each
    call of the float model has a fixed cost), with the same results as one report at a time.
    (The int8 model runs one text per call: there each judgement embeds what it reaches.)"""
    from corroborate.extract import pipeline

    reports = [
        Article(text=_with(3, FERRY), id="ferry"),
        Article(text=_with(3, DERBY), id="derby"),
        Article(text="\n".join(BUDGET), id="clean"),
    ]
    alone = [pipeline.analyse(report) for report in reports]
    calls: list[int] = []
    embed = nlp.embed
    monkeypatch.setattr(
        nlp,
        "embed",
        lambda texts, quantised=False: calls.append(len(texts)) or embed(texts, quantised),
    )
    monkeypatch.setattr(stray, "embed_ahead", lambda: True)
    together = list(pipeline.analyse_many(reports))
    assert together == alone
    # both pasted paragraphs and what they are compared with, then both reports' closest
    assert calls == [8, 2]
    flagged = [[f for f in a.flags if f.kind == "stray_text"] for a in together]
    assert [len(f) for f in flagged] == [1, 1, 0]
