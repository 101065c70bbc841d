"""Stray text judged by content (issue 6): pasted headlines and paragraphs about other events.

Every case runs on the lexical path (embeddings=False) and, where the optional embedding stack
is installed, with embeddings too. Fixtures are our own invented reports.
"""

from __future__ import annotations

import pytest
from stray_helpers import flags_by_kind

from corroborate import nlp
from corroborate.extract import stray

WITH_EMBEDDINGS = pytest.param(
    True,
    marks=pytest.mark.skipif(not nlp.embeddings_available(), reason="embeddings not installed"),
)
MODES = [False, WITH_EMBEDDINGS]

LEAD = (
    "Dockers at the port of Portvik walked out on Monday over night-shift pay, halting the "
    "loading of grain and timber ships, the dockers' union said."
)
BODY = [
    "The union said the port authority had refused to discuss a 6% rise for night shifts and "
    "had cut the number of crane operators on each shift from four to three.",
    "The port authority said it remained open to talks with the union and that some cargo "
    "would be diverted to the smaller port of Aldby until the dockers returned to work.",
    "Shipping agents said at least nine vessels were waiting outside the harbour on Monday "
    "evening, most of them loaded with grain bound for the mills along the coast.",
    "Both sides will meet a mediator appointed by the labour ministry on Thursday, the "
    "ministry said, and the union said the strike would continue until then.",
]
FOREIGN_PARAGRAPH = (
    "Lava from the Fagradalsfjall volcano in Iceland reached the outskirts of Grindavik "
    "overnight, forcing geologists to abandon their monitoring station, the meteorological "
    "office in Reykjavik said."
)


def _report(*inserted: tuple[int, str]) -> str:
    paragraphs = [LEAD, *BODY]
    for at, line in sorted(inserted, reverse=True):
        paragraphs.insert(at, line)
    return "\n".join(paragraphs)


@pytest.mark.parametrize("embeddings", MODES)
def test_clean_report_has_no_stray(embeddings: bool) -> None:
    assert "stray_text" not in flags_by_kind(_report(), embeddings)


@pytest.mark.parametrize("embeddings", MODES)
def test_paragraph_about_another_event_is_flagged(embeddings: bool) -> None:
    found = flags_by_kind(_report((3, FOREIGN_PARAGRAPH)), embeddings)
    assert found.get("stray_text") == [FOREIGN_PARAGRAPH]


@pytest.mark.parametrize("embeddings", MODES)
@pytest.mark.parametrize(
    "headline",
    [
        "Volcanic ash grounds flights across northern Italy",  # a sentence: the form rules
        "The Best Ski Resorts in the Alps for Families This Winter",  # long, off-topic
    ],
)
def test_off_topic_headline_is_flagged(embeddings: bool, headline: str) -> None:
    found = flags_by_kind(_report((3, headline)), embeddings)
    assert found.get("stray_text") == [headline]


@pytest.mark.parametrize("embeddings", MODES)
@pytest.mark.parametrize(
    ("heading", "at"),
    [
        ("Background", 2),
        ("Night-shift pay", 1),
        ("Ships Waiting Outside the Harbour", 3),
        ("Mediator called in", 4),
        ("What happens next", 4),
    ],
)
def test_section_headings_are_not_strays(embeddings: bool, heading: str, at: int) -> None:
    # Each heading sits before the paragraph it introduces.
    found = flags_by_kind(_report((at, heading)), embeddings)
    assert "stray_text" not in found
    assert found.get("heading") == [heading]


@pytest.mark.parametrize("embeddings", MODES)
def test_standfirst_and_short_paragraphs_are_not_strays(embeddings: bool) -> None:
    standfirst = "Nine ships wait off Portvik as talks on night-shift pay break down"
    short = "The union declined to comment further."
    found = flags_by_kind(_report((0, standfirst), (3, short)), embeddings)
    assert "stray_text" not in found


@pytest.mark.skipif(not nlp.embeddings_available(), reason="embeddings not installed")
def test_on_topic_line_that_introduces_nothing_is_flagged_with_embeddings() -> None:
    # On the report's topic, but about what came before, not the paragraph after it: no
    # heading. By words alone it passes as one, so the lexical path leaves it.
    found = flags_by_kind(_report((3, "Night-shift pay")), embeddings=True)
    assert found.get("stray_text") == ["Night-shift pay"]
    assert "heading" not in found


@pytest.mark.parametrize("embeddings", MODES)
@pytest.mark.parametrize(
    "paragraph",
    [
        # an organisation whose distinctive word is the port's name, said elsewhere
        "A spokeswoman for the Portvik Shippers' Association said its members had lost about "
        "2 million crowns of business since the stoppage began and feared further delays.",
        # an institution named after the place, with a generic last word
        "Economists at Portvik University estimated that each day of the stoppage would cost "
        "the regional economy more than 4 million crowns in lost exports and wages.",
    ],
)
def test_on_topic_paragraph_naming_a_local_body_is_not_stray(
    embeddings: bool, paragraph: str
) -> None:
    """Its names end in generic words ("Association", "University"), but their distinctive
    word is mentioned elsewhere: the paragraph shares names with the report."""
    found = flags_by_kind(_report((3, paragraph)), embeddings)
    assert "stray_text" not in found


def test_a_report_with_no_candidate_never_asks_for_embeddings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Finding out whether embeddings are installed imports torch (seconds); a clean report
    with nothing to judge by meaning must not pay for it."""
    asked: list[bool] = []

    def available() -> bool:
        asked.append(True)
        return True

    monkeypatch.setattr(nlp, "embeddings_available", available)
    text = "The council met on Monday.\nIt approved a budget of 3 million euros, the mayor said."
    flags_by_kind(text, embeddings=None)  # type: ignore[arg-type]
    assert asked == []


def test_a_name_is_shared_through_its_distinctive_word_not_its_generic_one() -> None:
    from corroborate.extract.structure import _name_shared

    rest = "Dockers at the port of Portvik walked out; the association of mayors met."
    assert _name_shared("portvik shippers' association", rest)
    assert _name_shared("portvik university", rest)
    assert not _name_shared("aldby rowing association", rest)  # only the generic word
    assert _name_shared("hillary clinton", "Clinton said") and _name_shared("clinton", "Clinton")
    assert _name_shared("clinton", "Hillary Clinton's campaign said")  # a possessive


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("us", "The mayor told us that the port would reopen because of the talks."),
        ("mp", "Trump said the vote was rigged."),  # letters inside another word
        ("fed", "Confederate flags were flown at the rally."),
        ("national rally", "The National Guard and national polls; the rally drew thousands."),
        ("hunterdon county", "The county said the roads would reopen."),
    ],
)
def test_a_name_is_not_shared_through_pieces_of_other_words(name: str, rest: str) -> None:
    """Whole words only, a short name written as a name, and a distinctive word that the
    report also uses as an ordinary lower-case word ("national", "rally") proves nothing."""
    from corroborate.extract.structure import _name_shared

    assert not _name_shared(name, rest)


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("us", "Talks with the US broke down on Monday."),
        ("fed", "The Fed left rates unchanged."),
        ("hunterdon county", "Roads in Hunterdon were closed."),
    ],
)
def test_a_name_written_as_a_name_is_shared(name: str, rest: str) -> None:
    from corroborate.extract.structure import _name_shared

    assert _name_shared(name, rest)


@pytest.mark.skipif(not nlp.embeddings_available(), reason="embeddings not installed")
@pytest.mark.parametrize(
    "inserted",
    [
        (3, FOREIGN_PARAGRAPH),
        (3, "Night-shift pay"),  # on topic, introduces nothing: a stray
        (4, "Mediator called in"),  # a heading, close to the paragraph after it
        # on topic, naming a local body: a candidate that is close to the lead
        (3, "Economists at Portvik University estimated that each day of the stoppage would "
            "cost the regional economy more than 4 million crowns in lost exports and wages."),
    ],
)  # fmt: skip
def test_judging_one_paragraph_at_a_time_embeds_less_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch, inserted: tuple[int, str]
) -> None:
    """The int8 model embeds one text per call, so a judgement embeds each paragraph only when
    it reaches it, and stops at the first close one; embedding everything it may compare
    first (what the float model does, in one batched call) must give the same flags."""
    embedded: list[str] = []
    real_embed = nlp.embed

    def counting(texts: list[str], quantised: bool = False) -> object:
        embedded.extend(texts)
        return real_embed(texts, quantised)

    monkeypatch.setattr(nlp, "embed", counting)
    found: dict[bool, dict[str, list[str]]] = {}
    counts: dict[bool, int] = {}
    for ahead in (True, False):
        monkeypatch.setattr(stray, "embed_ahead", lambda ahead=ahead: ahead)
        embedded.clear()
        found[ahead] = flags_by_kind(_report(inserted), embeddings=True)
        counts[ahead] = len(embedded)
    assert found[True] == found[False]
    assert 0 < counts[False] <= counts[True]
    if "stray_text" not in found[False]:
        assert counts[False] < counts[True]  # decided by the first close paragraph
