"""Paragraph and sentence segmentation on our own tricky news sentences."""

from __future__ import annotations

import itertools

import pytest

from corroborate.model import Span
from corroborate.nlp import segment


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in segment(text)[1]]


def paragraphs(text: str) -> list[str]:
    return [p.of(text) for p in segment(text)[0]]


# (text, expected sentences) — written for these tests, not taken from any corpus.
CASES: list[tuple[str, list[str]]] = [
    # quotes running across sentences: the closing quote stays with its sentence
    (
        "“We are using different instruments. We will go on,” she said.",
        ["“We are using different instruments.", "We will go on,” she said."],
    ),
    (
        "“The bridge is gone.” Residents left at dawn.",
        ["“The bridge is gone.”", "Residents left at dawn."],
    ),
    (
        "He called it “a just peace.” The talks resume on Monday.",
        ["He called it “a just peace.”", "The talks resume on Monday."],
    ),
    (
        '"We will not retreat." The general left the podium.',
        ['"We will not retreat."', "The general left the podium."],
    ),
    (
        "“Why now?” she asked. “Because we can!” he replied.",
        ["“Why now?” she asked.", "“Because we can!” he replied."],
    ),
    (
        "“Who gave the order?” Rudik asked. Nobody answered.",
        ["“Who gave the order?” Rudik asked.", "Nobody answered."],
    ),
    (
        "Mr Tykhy added: “The sooner Russia agrees to restore a just peace… the sooner the raids"
        " will stop.” Moscow did not respond.",
        [
            "Mr Tykhy added: “The sooner Russia agrees to restore a just peace… the sooner the"
            " raids will stop.”",
            "Moscow did not respond.",
        ],
    ),
    (
        "The ministry said the convoy (about 40 trucks) had arrived. (Officials did not say"
        " when.) Aid workers were waiting.",
        [
            "The ministry said the convoy (about 40 trucks) had arrived.",
            "(Officials did not say when.)",
            "Aid workers were waiting.",
        ],
    ),
    # abbreviations and titles
    (
        "Mr. Smith met Ms. Jones and Dr. Patel in St. Petersburg. They talked for an hour.",
        [
            "Mr. Smith met Ms. Jones and Dr. Patel in St. Petersburg.",
            "They talked for an hour.",
        ],
    ),
    (
        "Gen. Oleksandr Syrskyi briefed Lt. Col. Anna Koval on the advance. She nodded.",
        ["Gen. Oleksandr Syrskyi briefed Lt. Col. Anna Koval on the advance.", "She nodded."],
    ),
    (
        "Mr Tykhy and Ms Rudik spoke after Dr Lee. Gov. Hale did not.",
        ["Mr Tykhy and Ms Rudik spoke after Dr Lee.", "Gov. Hale did not."],
    ),
    (
        "The U.S. and the U.K. sent envoys. U.S. officials declined to comment.",
        ["The U.S. and the U.K. sent envoys.", "U.S. officials declined to comment."],
    ),
    (
        "The aid came from the U.S. The rest came from Europe.",
        ["The aid came from the U.S.", "The rest came from Europe."],
    ),
    (
        "U.S. President Joe Biden spoke to reporters. He said little.",
        ["U.S. President Joe Biden spoke to reporters.", "He said little."],
    ),
    (
        "The talks began on Jan. 5 and ended on Feb. 12. No deal was reached.",
        ["The talks began on Jan. 5 and ended on Feb. 12.", "No deal was reached."],
    ),
    (
        "Resolution No. 2334 was adopted. It passed 14-0.",
        ["Resolution No. 2334 was adopted.", "It passed 14-0."],
    ),
    (
        "The strike hit at 3 p.m. The shelling stopped by 6 a.m. Tuesday, officials said.",
        ["The strike hit at 3 p.m.", "The shelling stopped by 6 a.m. Tuesday, officials said."],
    ),
    (
        "Some regions, e.g. Kursk and Belgorod, were evacuated. Others were not.",
        ["Some regions, e.g. Kursk and Belgorod, were evacuated.", "Others were not."],
    ),
    (
        "The report was written by J. R. Smith and A. B. Jones. It runs to 40 pages.",
        ["The report was written by J. R. Smith and A. B. Jones.", "It runs to 40 pages."],
    ),
    (
        "Prices rose 1.5 per cent in July. Growth was 0.3%.",
        ["Prices rose 1.5 per cent in July.", "Growth was 0.3%."],
    ),
    (
        "Acme Inc. said profits fell. Shares of Acme Inc. The Company Ltd. rose.",
        ["Acme Inc. said profits fell.", "Shares of Acme Inc.", "The Company Ltd. rose."],
    ),
    (
        "Lt. Gen. Yuriy Sodol was replaced. Sen. Lindsey Graham, R-S.C., said the aid would"
        " pass. It did.",
        [
            "Lt. Gen. Yuriy Sodol was replaced.",
            "Sen. Lindsey Graham, R-S.C., said the aid would pass.",
            "It did.",
        ],
    ),
    (
        "The attack began at 5 a.m. local time. The deal was signed in Washington, D.C. The"
        " ruling came in Roe v. Wade. They met on Sept. 11. See pp. 12-14.",
        [
            "The attack began at 5 a.m. local time.",
            "The deal was signed in Washington, D.C.",
            "The ruling came in Roe v. Wade.",
            "They met on Sept. 11.",
            "See pp. 12-14.",
        ],
    ),
    (
        "She asked, “Is it over?” Nobody knew. “It is over,” said Dr. Maria Ivanova. “We lost.”",
        [
            "She asked, “Is it over?”",
            "Nobody knew.",
            "“It is over,” said Dr. Maria Ivanova.",
            "“We lost.”",
        ],
    ),
    # ellipses
    (
        "He paused… then he spoke again. Nobody moved… The room was silent.",
        ["He paused… then he spoke again.", "Nobody moved…", "The room was silent."],
    ),
    (
        "She waited... and waited. Finally... Silence.",
        ["She waited... and waited.", "Finally...", "Silence."],
    ),
    # numbers and questions
    (
        "Ukraine controls 72 settlements. 121,000 people have been evacuated.",
        ["Ukraine controls 72 settlements.", "121,000 people have been evacuated."],
    ),
    (
        "Will the offensive stall? Analysts are divided! Some say yes.",
        ["Will the offensive stall?", "Analysts are divided!", "Some say yes."],
    ),
    # informal text: lower-case starts after "?" and after a full stop before "i", "we", ...
    (
        "are you coming tonight? we leave at eight. i think it starts at nine.",
        ["are you coming tonight?", "we leave at eight.", "i think it starts at nine."],
    ),
    (
        "Bring snacks, drinks etc. we will sort out the rest.",
        ["Bring snacks, drinks etc. we will sort out the rest."],
    ),
    # datelines stay with the first sentence
    (
        "KYIV, Aug 13 (Harbour Wire) — Ukrainian forces pushed deeper into Russia on Tuesday."
        " Moscow said the attack was repelled.",
        [
            "KYIV, Aug 13 (Harbour Wire) — Ukrainian forces pushed deeper into Russia on Tuesday.",
            "Moscow said the attack was repelled.",
        ],
    ),
    (
        "WASHINGTON, Aug. 14 (Harbour Wire) - The Senate voted 61-39. The bill now goes to the"
        " House.",
        [
            "WASHINGTON, Aug. 14 (Harbour Wire) - The Senate voted 61-39.",
            "The bill now goes to the House.",
        ],
    ),
    # sentences never start with white space, never end with it
    (
        "  The first sentence.   The second one.  ",
        ["The first sentence.", "The second one."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


ARTICLE = """Ukraine Presses Deeper Into Kursk
By Jane Smith and Omar Ali

KYIV, Aug 13 (Harbour Wire) —
Ukrainian forces advanced another 3 km on Tuesday, Gen. Oleksandr Syrskyi said. He gave no details.
What We Know So Far
- 72 settlements under Ukrainian control
- 121,000 people evacuated, officials said.
1. First, the border crossing at Sudzha.
2. Second, the gas station.
“We are using different instruments. We will go on,” MP Kira Rudik said. “The war must stop.
“In two and a half years our partners did not act. Now they will.”
"""


def test_article_layout() -> None:
    assert paragraphs(ARTICLE) == [
        "Ukraine Presses Deeper Into Kursk",
        "By Jane Smith and Omar Ali",
        "KYIV, Aug 13 (Harbour Wire) —\nUkrainian forces advanced another 3 km on Tuesday, Gen."
        " Oleksandr Syrskyi said. He gave no details.",
        "What We Know So Far",
        "- 72 settlements under Ukrainian control",
        "- 121,000 people evacuated, officials said.",
        "1. First, the border crossing at Sudzha.",
        "2. Second, the gas station.",
        "“We are using different instruments. We will go on,” MP Kira Rudik said. “The war"
        " must stop.",
        "“In two and a half years our partners did not act. Now they will.”",
    ]
    assert sentences(ARTICLE) == [
        "Ukraine Presses Deeper Into Kursk",
        "By Jane Smith and Omar Ali",
        "KYIV, Aug 13 (Harbour Wire) —\nUkrainian forces advanced another 3 km on Tuesday, Gen."
        " Oleksandr Syrskyi said.",
        "He gave no details.",
        "What We Know So Far",
        "- 72 settlements under Ukrainian control",
        "- 121,000 people evacuated, officials said.",
        "1. First, the border crossing at Sudzha.",
        "2. Second, the gas station.",
        "“We are using different instruments.",
        "We will go on,” MP Kira Rudik said.",
        "“The war must stop.",
        "“In two and a half years our partners did not act.",
        "Now they will.”",
    ]


def test_blank_lines_crlf_and_hard_wrap() -> None:
    text = (
        "Headline Without A Full Stop\r\n\r\nThe first paragraph was wrapped by an old mail\r\n"
        "client at a fixed width. It goes on.\r\n\r\n\r\nA short heading\r\nbelow it, lower case.\n"
    )
    assert paragraphs(text) == [
        "Headline Without A Full Stop",
        "The first paragraph was wrapped by an old mail\r\nclient at a fixed width. It goes on.",
        "A short heading",
        "below it, lower case.",
    ]
    assert sentences(text) == [
        "Headline Without A Full Stop",
        "The first paragraph was wrapped by an old mail\r\nclient at a fixed width.",
        "It goes on.",
        "A short heading",
        "below it, lower case.",
    ]


def test_labels_and_spans_index_the_text() -> None:
    paras, sents = segment(ARTICLE)
    assert all(isinstance(s, Span) for s in paras + sents)
    assert {p.label for p in paras} == {"paragraph"}
    assert {s.label for s in sents} == {"sentence"}
    for span in paras + sents:
        piece = ARTICLE[span.start : span.end]
        assert piece and piece == piece.strip()
    for s in sents:  # every sentence lies inside exactly one paragraph
        assert sum(p.start <= s.start and s.end <= p.end for p in paras) == 1
    starts = [s.start for s in sents]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sents))


def covered(text: str) -> None:
    """No text is lost: every non-space character is inside some sentence."""
    _, sents = segment(text)
    inside = [False] * len(text)
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        for i in range(s.start, s.end):
            inside[i] = True
    lost = [c for c, ok in zip(text, inside, strict=True) if not ok and not c.isspace()]
    assert lost == []
    for s in sents:
        assert s.of(text)[0] not in "”’»"  # never starts with a closing quote


def test_no_text_lost() -> None:
    covered(ARTICLE)
    for text, _ in CASES:
        covered(text)
    covered("")
    covered(" \n\t\n ")
    covered("…")
    covered("A. B. C. D.")
    covered("“ ” . ! ? … ”")


def test_empty_and_whitespace() -> None:
    assert segment("") == ([], [])
    assert segment("  \n\n \t") == ([], [])


@pytest.mark.shared
def test_seed_reports(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        covered(text)
        _, sents = segment(text)
        assert len(sents) > 10
        for s in sents:  # a sentence never starts in lower case in these edited reports
            assert not s.of(text)[0].islower(), s.of(text)
