"""Interviews and transcripts (issue 4, stop 21): answers after "A:" and turns after a
speaker's label are direct quotes; the questions are not. A user audit of a Q&A interview lost
7 of its 9 answers, and every figure in it had no source."""

from __future__ import annotations

from corroborate.extract.pipeline import analyse
from corroborate.model import Article

INTERVIEW = """IEA chief Fatih Birol on oil, China and the grid

Fatih Birol has run the International Energy Agency since 2015. OPEC's secretary general has
called its forecasts "dangerous". We spoke to Dr Birol at the agency's headquarters.

Q: Your outlook says oil demand will plateau before 2030. Why should anyone believe you?

A: Because we look at what is actually being bought. Last year about 14 million electric cars
were sold worldwide.

Demand growth this year will be below 1 million barrels a day.

Q: Are you optimistic?

A: I am an optimist by profession.

Outside the interview, an IEA spokesperson said the agency would publish revised estimates.
"""

BRIEFING = """The spokeswoman defended the decision at the daily briefing.

Press Secretary Karine Jean-Pierre took questions for 40 minutes.

Q: Why did you pause the shipment?

MS. JEAN-PIERRE: We paused one shipment of 1,800 bombs.

(CROSSTALK)

Q: Just one?

MS. JEAN-PIERRE: One shipment, yes.
"""


def _quotes(text: str) -> list[tuple[str, str | None]]:
    a = analyse(Article(id="t", text=text))
    return [(text[q.start : q.end], q.speaker.name if q.speaker else None) for q in a.quotes]


def test_every_answer_is_the_interviewee_s_and_no_question_is_a_quote() -> None:
    quotes = _quotes(INTERVIEW)
    answers = [said for said, who in quotes if who == "Fatih Birol"]
    assert answers[0].startswith("Because we look at what is actually being bought.")
    assert "Demand growth this year will be below 1 million barrels a day." in answers
    assert "I am an optimist by profession." in answers
    assert not any(said.startswith(("Your outlook", "Are you")) for said, _ in quotes)
    # after the last answer the article's own text resumes
    assert not any(said.startswith("Outside the interview") for said in answers)


def test_figures_in_an_answer_are_the_interviewee_s() -> None:
    a = analyse(Article(id="t", text=INTERVIEW))
    cars = next(f for f in a.figures if f.unit == "cars")
    assert cars.source is not None and cars.source.name == "Fatih Birol"


def test_a_labelled_turn_is_the_named_person_s_with_the_title_given_elsewhere() -> None:
    a = analyse(Article(id="t", text=BRIEFING))
    turns = [q for q in a.quotes if BRIEFING[q.start : q.end].startswith(("We paused", "One ship"))]
    assert [(q.speaker.name, q.speaker.title) for q in turns if q.speaker] == [
        ("Karine Jean-Pierre", "Press Secretary"),
        ("Karine Jean-Pierre", "Press Secretary"),
    ]
    assert not any(BRIEFING[q.start : q.end] == "(CROSSTALK)" for q in a.quotes)
    bombs = next(f for f in a.figures if f.value == 1800)
    assert bombs.source is not None and bombs.source.name == "Karine Jean-Pierre"


def test_a_label_with_no_one_of_that_name_is_written_as_a_name() -> None:
    text = (
        "Partial transcript as follows:\n\nJAKE TAPPER: Trump released a video.\n\n"
        "TAPPER: Do you think he has campaigned as a healer?\n\nFALLIN: I think he is trying."
    )
    assert [who for _, who in _quotes(text)] == ["Jake Tapper", "Jake Tapper", "Fallin"]


def test_a_lone_capitalised_line_is_no_speaker() -> None:
    text = (
        "UPDATE: The storm has weakened.\n\nThe ministry said 12 people had died.\n\n"
        "WATCH: Footage from the coast."
    )
    assert [who for _, who in _quotes(text)] == ["The ministry"]
