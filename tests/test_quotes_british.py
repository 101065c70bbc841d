"""British-style quotations with single marks (‘...,’ he said), on our own invented sentences.

The closing mark is also the apostrophe ("don’t", "Ukraine’s", "the farmers’ union"), so the
quotation must end at the right one, and apostrophes alone must never make a quotation.
"""

from __future__ import annotations

from parse_helpers import parser

from corroborate.extract.entities import extract_entities
from corroborate.extract.quotes import extract_quotes
from corroborate.model import Quote

REPORT = (
    "The farm minister John Smith spoke in Leeds on Monday.\n"
    "‘We are all farmers,’ he said. ‘Nobody here wants a fight.’\n"
    "Mr Smith told the BBC: ‘It has been a hard year for the farmers’ union and for me.’\n"
    "He called the offer ‘a disgrace’ and left.\n"
    "‘The growers’ union will strike,’ said Jane Doe, its leader. The union’s members don’t "
    "agree.\n"
)


def _quotes(text: str) -> list[Quote]:
    from corroborate.nlp import segment

    doc = parser()(text)
    return extract_quotes(text, doc, segment(text)[1], extract_entities(text, doc))


def _found(text: str) -> dict[str, str | None]:
    return {text[q.start : q.end]: (q.speaker.name if q.speaker else None) for q in _quotes(text)}


def test_single_mark_quotations_and_their_speakers() -> None:
    found = _found(REPORT)
    assert found["‘We are all farmers,’"] == "John Smith"
    assert found["‘Nobody here wants a fight.’"] == "John Smith"
    # a plural's apostrophe inside does not close the quotation
    assert found["‘It has been a hard year for the farmers’ union and for me.’"] == "John Smith"
    assert found["‘The growers’ union will strike,’"] == "Jane Doe"
    assert found["‘a disgrace’"] == "John Smith"  # a mixed quote after a framing verb


def test_apostrophes_alone_make_no_quotation() -> None:
    text = (
        "Ukraine’s army said it had advanced. The farmers’ union said prices don’t cover costs.\n"
        "It’s the growers’ third protest this year, the union’s leader said.\n"
    )
    assert all("’" not in text[q.start : q.start + 1] for q in _quotes(text))
    assert not [q for q in _quotes(text) if text[q.start] == "‘"]


def test_double_marks_keep_their_inner_single_marks() -> None:
    text = "“He told me ‘no’ twice and walked out,” said Jane Doe, a union leader.\n"
    found = _found(text)
    assert found == {"“He told me ‘no’ twice and walked out,”": "Jane Doe"}


def test_a_stray_opening_mark_does_not_swallow_the_paragraph() -> None:
    text = "Officials said the ‘ talks would go on, the ministry said on Monday in Leeds.\n"
    assert not [q for q in _quotes(text) if text[q.start] == "‘"]


def test_a_quotation_running_over_paragraphs() -> None:
    text = (
        "The farm minister John Smith spoke in Leeds on Monday.\n"
        "‘We have waited long enough for the money the government promised us in the spring,\n"
        "‘and we will not wait another winter,’ Mr Smith said.\n"
    )
    spans = [text[q.start : q.end] for q in _quotes(text)]
    assert any(s.startswith("‘We have waited") for s in spans)
    assert any(s.startswith("‘and we will not wait") for s in spans)


def test_a_quotation_closes_before_the_next_one_opens() -> None:
    text = (
        "The farm minister John Smith spoke in Leeds on Monday.\n"
        "He called the offer ‘a disgrace’ and left. ‘We won,’ he said later.\n"
    )
    assert set(_found(text)) == {"‘a disgrace’", "‘We won,’"}
