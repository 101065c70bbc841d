"""The second look at a paragraph stray (issue 6): a paragraph neither far enough in meaning
from its neighbours and the lead to be flagged by the first look, nor close enough to belong,
is weighed among every paragraph of the report.

The vectors here are built by hand (unit vectors with chosen similarities), so each test says
exactly what the paragraph's place in the report is; `benchmarks/stray_injection.py` measures
the judgement on real text.
"""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.extract import stray

OWN = 0.55  # how alike the report's own paragraphs are in meaning
GREY = 0.28  # the pasted paragraph's similarity to each: between the two looks' bounds
TEXT = "a paragraph of the report, long enough to be compared in meaning with the others"


def report(odd: np.ndarray, at: int = 4, size: int = 8) -> stray.Vectors:
    """`size` paragraphs of one report: `odd` at position `at`, the others each `OWN` alike."""
    basis = np.eye(size + 2)
    shared = np.sqrt(OWN)
    own = [shared * basis[0] + np.sqrt(1 - OWN) * basis[i + 1] for i in range(size - 1)]
    vectors = [*own[:at], odd, *own[at:]]
    found = stray.Vectors([TEXT] * len(vectors), enabled=True)
    found._cache.update(dict(enumerate(vectors)))  # no model: the vectors are given
    return found


def pasted(size: int = 8, towards: int | None = None, weight: float = 0.0) -> np.ndarray:
    """A paragraph `GREY` alike each of the report's, or more alike paragraph `towards`."""
    basis = np.eye(size + 2)
    common = GREY / np.sqrt(OWN)
    vector = common * basis[0] + np.sqrt(1 - common**2 - weight**2) * basis[-1]
    if towards is not None:
        vector = vector + weight * basis[towards + 1]
    return vector


def judge(vectors: stray.Vectors, own_names: int = 2, overlap: float = 0.4) -> str | None:
    return stray.foreign_paragraph_reason(
        vectors,
        4,
        neighbours=[3, 5],
        lead=[0],
        overlap=0.1,
        names=["Ruth Vale", "Ostrava"],
        closest=[1],
        relative_overlap=overlap,
        own_names=own_names,
    )


def test_a_paragraph_pasted_from_a_report_on_the_same_broad_subject_is_flagged() -> None:
    reason = judge(report(pasted()))
    assert reason is not None
    assert "the least connected paragraph of the report" in reason
    assert "0.28 against a median" in reason  # the evidence, in numbers
    assert "neighbours are closer to each other (0.55) than to it (0.28)" in reason


def test_the_first_look_alone_would_have_let_it_pass() -> None:
    # No comparison of the first look falls below its bound: only the second look flags it.
    assert stray.PARAGRAPH_COSINE <= GREY < stray.COHERENCE_GREY


def test_a_digression_close_to_a_paragraph_further_up_is_not_flagged() -> None:
    # As far from its neighbours and the lead, but taking up paragraph 2's thread (0.62).
    assert judge(report(pasted(towards=2, weight=0.5))) is None


def test_a_paragraph_naming_no_one_of_its_own_gets_no_second_look() -> None:
    # A quotation or a comment by someone of the story: too little to weigh.
    assert judge(report(pasted()), own_names=0) is None


def test_a_paragraph_sharing_the_reports_usual_words_gets_no_second_look() -> None:
    assert judge(report(pasted()), overlap=stray.COHERENCE_OVERLAP) is None


def test_the_report_coherence_describes_the_paragraphs_place() -> None:
    coherence = stray.report_coherence(report(pasted()), 4)
    assert coherence is not None
    assert coherence.least_connected
    assert coherence.closest == pytest.approx(GREY)
    assert coherence.mean == pytest.approx(GREY)
    # The others: alike each other (0.55), less so the pasted one, in their means.
    assert coherence.median == pytest.approx((6 * OWN + GREY) / 7)
    own = stray.report_coherence(report(pasted()), 2)
    assert own is not None and not own.least_connected and own.closest == pytest.approx(OWN)


def test_a_short_report_is_not_weighed() -> None:
    assert stray.report_coherence(report(pasted(size=3), at=1, size=3), 1) is None


def test_the_weights_name_every_feature() -> None:
    names = {f for f in stray.CoherenceFeatures.__dataclass_fields__}
    assert set(stray.COHERENCE_WEIGHTS) == names


def test_a_paragraph_as_connected_as_the_reports_usual_one_is_not_flagged() -> None:
    # Every paragraph of this report is only 0.25 alike the others: the candidate, at 0.26 to
    # each, is no less connected than they are, whatever its names.
    size, alike = 7, 0.25
    basis = np.eye(size + 2)
    vectors = [np.sqrt(alike) * basis[0] + np.sqrt(1 - alike) * basis[i + 1] for i in range(size)]
    found = stray.Vectors([TEXT] * size, enabled=True)
    found._cache.update(dict(enumerate(vectors)))
    reason = stray.foreign_paragraph_reason(
        found, 3, [2, 4], [0], 0.1, ["Ruth Vale"], [1], relative_overlap=0.1, own_names=5
    )
    assert reason is None


def test_the_second_look_needs_both_neighbours() -> None:
    # "Its neighbours are closer to each other than to it" must be true when it is said.
    vectors = report(pasted())
    reason = stray.foreign_paragraph_reason(
        vectors, 4, [3], [0], 0.1, ["Ruth Vale"], [1], relative_overlap=0.4, own_names=2
    )
    assert reason is None
