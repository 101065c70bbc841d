"""Report integrity: structure, stray text, loaded language and the sourcing profile."""

from __future__ import annotations

import pytest

from corroborate import nlp
from corroborate.extract.loaded import loaded_language_flags
from corroborate.extract.pipeline import analyse
from corroborate.extract.structure import structure_flags
from corroborate.model import Article, Quote

REPORT = """Harbour cranes fall silent as dockers strike
By Mira Holm and Jonas Berg
PORTVIK, May 4 (Harbour Wire) — Dockers walked out on Monday over night-shift pay, the union said.
Talks broke down
The union said the port authority had refused to discuss a 6% rise for night shifts.
Read also: Ferry timetable changes for the summer season
The port authority said it remained open to talks and that cargo would be diverted to Aldby.
Photo: Lena Strand/Harbour Wire
What happens next
Both sides will meet a mediator on Thursday, the labour ministry said.
Sign up for our morning newsletter
Volcanic ash grounds flights across northern Italy
Ships were waiting outside the harbour on Monday evening, port officials said."""


def _flags(text: str, title: str | None = None) -> dict[str, list[str]]:
    paragraphs, _ = nlp.segment(text)
    found: dict[str, list[str]] = {}
    for flag in structure_flags(text, paragraphs, [], None, title=title):
        found.setdefault(flag.kind, []).append(text[flag.start : flag.end])
    return found


def test_parts_and_strays_on_our_own_report() -> None:
    found = _flags(REPORT, title="Harbour cranes fall silent as dockers strike")
    assert found["headline"] == ["Harbour cranes fall silent as dockers strike"]
    assert found["byline"] == ["By Mira Holm and Jonas Berg"]
    assert found["dateline"] == ["PORTVIK, May 4 (Harbour Wire) —"]
    assert set(found["heading"]) == {"Talks broke down", "What happens next"}
    assert set(found["stray_text"]) == {
        "Read also: Ferry timetable changes for the summer season",
        "Photo: Lena Strand/Harbour Wire",
        "Sign up for our morning newsletter",
        "Volcanic ash grounds flights across northern Italy",
    }


@pytest.mark.parametrize(
    "heading",
    ["Background", "The Road Ahead", "Why it matters", "A Town Divided", "Reaction from Kyiv"],
)
def test_headings_of_several_styles_are_not_strays(heading: str) -> None:
    text = (
        "Officials in Kyiv said on Tuesday that repairs to the bridge would take a month.\n"
        f"{heading}\n"
        "The bridge carries most of the traffic into the city, and officials in Kyiv said "
        "the road ahead would be hard for a divided town.\n"
        "Work will start next week, they said."
    )
    found = _flags(text)
    assert found.get("heading") == [heading]
    assert "stray_text" not in found


def test_clean_report_has_no_stray() -> None:
    text = (
        "The council approved the budget on Tuesday.\n"
        "Spending on schools rises by 4%, the council said.\n"
        "Opposition members voted against it."
    )
    assert "stray_text" not in _flags(text)


def test_loaded_language_has_categories_and_skips_quotes() -> None:
    text = "A catastrophic, utterly shocking failure. “It was a bloodbath,” he said."
    start = text.index("“")
    quotes = [Quote(start, text.index("”") + 1, "direct")]
    flags = loaded_language_flags(text, quotes)
    hits = {text[f.start : f.end]: f.category for f in flags}
    assert hits == {
        "catastrophic": "exaggeration",
        "utterly": "intensifier",
        "shocking": "exaggeration",
    }


def test_seeds_integrity(seeds: dict[str, str]) -> None:
    specific, vague = (analyse(Article(text=t)) for _, t in sorted(seeds.items()))
    strays = [vague.text[f.start : f.end] for f in vague.flags if f.kind == "stray_text"]
    assert strays == ["Hamas calls for immediate ceasefire to be implemented in Gaza"]
    headings = [
        a.text[f.start : f.end] for a in (specific, vague) for f in a.flags if f.kind == "heading"
    ]
    assert len(headings) == 11
    assert not any(f.kind == "stray_text" for f in specific.flags)
    # The vague report is clearly weaker on sourcing, with the reasons listed.
    p, q = specific.profile, vague.profile
    assert q["named_sources"] == 0 < p["named_sources"]
    assert q["named_sources_with_title"] == 0 < p["named_sources_with_title"]
    assert q["direct_quotes"] == 0 < p["direct_quotes"]
    assert q["figures"] == 0 < p["figures"]
    assert q["attributed_claim_ratio"] < 0.5
    assert q["attributed_claim_ratio"] < p["attributed_claim_ratio"]
    assert q["loaded_language_per_100_words"] > p["loaded_language_per_100_words"]
    assert any("names no source" in r for r in q["reasons"])


def test_the_bundled_sample_has_its_own_headings_and_strays() -> None:
    """The sample's expected headings are headings and its only pasted line is the stray; a
    section that opens away from its heading ("Damage and aid" over the river's peak, then the
    aid), a paragraph naming a person the report named before by surname only ("Ilves said")
    and a vox pop ("Kristjan Mets, 47, a bus driver, ...") belong to their reports."""
    import json
    from pathlib import Path

    from corroborate.extract.pipeline import analyse_many

    sample = Path(__file__).resolve().parents[1] / "corroborate" / "sample"
    expected = json.loads((sample / "expected.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (sample / "corpus.jsonl").read_text().splitlines()]
    fields = ("id", "text", "title", "outlet", "published", "url")
    articles = analyse_many(Article(**{k: r[k] for k in fields}) for r in rows)
    for article in articles:
        flagged = {k: [] for k in ("heading", "stray_text")}
        for f in article.flags:
            if f.kind in flagged and f.category != "boilerplate":
                flagged[f.kind].append(article.text[f.start : f.end].strip())
        for heading in expected["headings"].get(article.id, []):
            if heading[:1] in "'‘“\"":
                # "'A body blow'" reads as a pull quote standing alone, as its form is the
                # same ("“Not one more night shift”"): not a heading, but no stray either
                assert heading not in flagged["stray_text"], (article.id, heading)
                continue
            assert heading in flagged["heading"], (article.id, heading)
        assert flagged["stray_text"] == expected["stray_lines"].get(article.id, []), article.id


def test_unnamed_sources_are_not_named_sources() -> None:
    text = (
        "A senior Norland security official, speaking on condition of anonymity, said the "
        "army had advanced overnight.\nA Pentagon official said the talks would go on.\n"
        "Several said they had left with only their documents.\n"
        "Officials said the bridge was closed. Experts warn the river could rise again.\n"
        "Defence Minister Ada Roche said the border was calm."
    )
    profile = analyse(Article(text=text)).profile
    assert profile["sources"] == ["Ada Roche"]
    assert profile["named_sources"] == 1


def test_a_report_in_another_language_is_flagged_and_its_profile_says_so() -> None:
    german = (
        "Mindestens drei Menschen sind bei dem Hochwasser in Dresden gestorben, sagte die "
        "Polizei am Montag. Rund 1.200 Bewohner mussten ihre Häuser verlassen.\n"
    )
    article = analyse(Article(german, id="de", lang="de"))
    (flag,) = [f for f in article.flags if f.kind == "language"]
    assert flag.severity == "warning" and "German (de)" in flag.explanation
    assert article.profile["reasons"][0].startswith("written in German (de), not English")
    english = analyse(Article("The mayor said three people died on Monday.\n", lang="en"))
    assert not [f for f in english.flags if f.kind == "language"]


def test_a_name_is_no_loaded_word_and_a_road_is_no_first_person() -> None:
    text = (
        "The gunman, Thomas Crooks, fired from a roof, police said. Crooks was killed. "
        "Traffic on I-75 and I-4 was heavy on Tuesday.\n"
    )
    article = analyse(Article(text, id="names"))
    assert not [f for f in article.flags if f.kind == "loaded_language"]
    assert article.profile["first_person"] == 0
