"""A flag's explanation reads as English: "an 11-word line", "a 12-word line"."""

from __future__ import annotations

import pytest

from corroborate.extract.pipeline import analyse_many
from corroborate.extract.structure import _a_or_an
from corroborate.model import Article

LEAD = "The city council approved the new budget on Tuesday after a long debate, officials said."
TAIL = "The mayor said the spending plan would fund schools and roads for another year."


@pytest.mark.parametrize(
    ("number", "article"),
    [
        (8, "an"),
        (9, "a"),
        (11, "an"),
        (12, "a"),
        (18, "an"),
        (80, "an"),
        (100, "a"),
        (800, "an"),
        (1100, "a"),
        (11000, "an"),
        (18000, "an"),
        (12000, "a"),
    ],
)
def test_a_or_an_follows_the_spoken_number(number: int, article: str) -> None:
    assert _a_or_an(number) == article


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("What the new budget means for schools and roads after debate", "an 11-word line"),
        ("What the new budget means for schools and roads after the debate", "a 12-word line"),
    ],
)
def test_a_long_headline_shaped_line_is_explained_with_the_right_article(
    line: str, phrase: str
) -> None:
    [article] = analyse_many([Article(text=f"{LEAD}\n\n{line}\n\n{TAIL}", title="Budget passes")])
    explanations = [f.explanation for f in article.flags]
    assert any(e.startswith(phrase) for e in explanations), explanations
