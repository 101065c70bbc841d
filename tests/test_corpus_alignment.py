"""Figure, claim and quote alignment, and the story-level flags (issue 5.3-5.5, issue 6.3).

Annotations are placed by hand on the sample reports (and on short reports of our own), so
these tests do not depend on the extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.config import Settings
from corroborate.corpus import build_stories
from corroborate.corpus.claims import align_claims, canonical
from corroborate.corpus.dedup import find_origins
from corroborate.corpus.figures import align_figures, compatible
from corroborate.corpus.flags import story_flags
from corroborate.corpus.quotes import track_quotes
from corroborate.model import Article, Claim, Figure, Quote, Source, Speaker
from corroborate.model.annotations import QuoteKind

SAMPLE = Path(__file__).resolve().parents[1] / "corroborate" / "sample" / "corpus.jsonl"
KEYS = ("id", "text", "title", "outlet", "published", "url")
SQ_MILE_KM2 = 2.589988110336


def _sample() -> dict[str, Article]:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: Article(**{k: r[k] for k in KEYS}) for r in rows}


def fig(
    article: Article,
    text: str,
    value: float,
    unit: str,
    *,
    measure: str | None = None,
    qualifier: str | None = None,
    source: str | None = None,
    location: str | None = None,
    as_of: str | None = None,
    original: tuple[float, str] | None = None,
) -> None:
    start = article.text.index(text)
    article.figures.append(
        Figure(
            start,
            start + len(text),
            value,
            unit,
            measure=measure or unit,
            qualifier=qualifier,
            location=location,
            as_of=as_of,
            source=Source(source, "person" if source else "unattributed"),
            original_value=original[0] if original else None,
            original_unit=original[1] if original else None,
        )
    )


def _annotated() -> dict[str, Article]:
    a = _sample()
    fig(a["flood-01"], "1,200", 1200, "people", source="Marta Ilves", location="Lindholm")
    fig(a["flood-01"], "three", 3, "people", qualifier="at least", source="Marta Ilves")
    fig(a["flood-01"], "6.4 metres", 6.4, "m", measure="distance")
    fig(
        a["flood-02"],
        "1,800",
        1800,
        "people",
        qualifier="some",
        source="Tomas Reinholt",
        location="Drevna’s Lindholm district",
    )
    fig(a["flood-02"], "6.4 metres", 6.4, "m", measure="distance")
    fig(a["flood-03"], "seven", 7, "people", source="Marta Ilves")
    for copy in ("incursion-01", "incursion-02"):
        fig(a[copy], "72 settlements", 72, "settlements", source="Oren Vasko")
        fig(
            a[copy],
            "1,000 sq km",
            1000,
            "km2",
            measure="area",
            qualifier="about",
            source="Oren Vasko",
        )
        fig(a[copy], "121,000", 121000, "people", source="Torvel regional administration")
    fig(a["incursion-03"], "72 settlements", 72, "settlements", source="Oren Vasko")
    fig(
        a["incursion-03"],
        "386 square miles",
        386 * SQ_MILE_KM2,
        "km2",
        measure="area",
        qualifier="about",
        source="Oren Vasko",
        original=(386, "square miles"),
    )
    fig(a["incursion-03"], "121,000", 121000, "people", source="Torvel regional administration")
    fig(a["incursion-03"], "59,000", 59000, "people", source="Torvel regional administration")
    fig(a["incursion-04"], "74 settlements", 74, "settlements", source="Oren Vasko")
    fig(
        a["incursion-04"],
        "1,100 sq km",
        1100,
        "km2",
        measure="area",
        qualifier="more than",
        source="Oren Vasko",
    )
    fig(a["incursion-04"], "180,000", 180000, "people", source="Boris Ladin")
    return a


def _figures(ids: list[str]):
    articles = _annotated()
    chosen = [articles[i] for i in ids]
    return align_figures(chosen, find_origins(chosen))


def _group_with(groups, article_id: str, text: str):
    return next(
        g
        for g in groups
        if g.relation != "arithmetic"
        and any(m["article"] == article_id and m["text"] == text for m in g.members)
    )


FLOOD = ["flood-01", "flood-02", "flood-03", "flood-04"]
INCURSION = ["incursion-01", "incursion-02", "incursion-03", "incursion-04", "incursion-05"]


def test_differing_figure_on_the_same_day_is_a_conflict() -> None:
    group = _group_with(_figures(FLOOD), "flood-01", "1,200")
    assert group.relation == "conflict"
    assert {m["article"] for m in group.members} == {"flood-01", "flood-02"}
    assert "1,200" in group.explanation and "1,800" in group.explanation
    member = next(m for m in group.members if m["article"] == "flood-02")
    assert {
        "article",
        "origin",
        "outlet",
        "index",
        "start",
        "value",
        "value_max",
        "qualifier",
        "as_of",
        "source",
    } <= set(member)
    text = _annotated()["flood-02"].text
    assert text[member["start"] : member["end"]] == "1,800"


def test_later_figure_is_an_update_not_a_conflict() -> None:
    groups = _figures(INCURSION)
    settlements = _group_with(groups, "incursion-04", "74 settlements")
    assert settlements.relation == "update"
    status = {m["article"]: m["status"] for m in settlements.members}
    assert status["incursion-03"] == "agrees"  # repeats Monday's 72: corroboration
    assert status["incursion-04"] == "updates"
    deaths = _group_with(_figures(FLOOD), "flood-03", "seven")
    assert deaths.relation == "update"  # "at least three" on Monday, seven on Wednesday


def test_agreeing_figures_and_syndicated_copies() -> None:
    gauge = _group_with(_figures(FLOOD), "flood-01", "6.4 metres")
    assert gauge.relation == "agree"
    evacuated = _group_with(_figures(INCURSION), "incursion-03", "121,000")
    origins = {m["origin"] for m in evacuated.members}
    assert origins == {"incursion-01", "incursion-03"}  # the two wire copies count once
    assert evacuated.relation == "agree"


def test_unit_conversion_386_square_miles_agrees_with_1000_km2() -> None:
    area = _group_with(_figures(INCURSION), "incursion-03", "386 square miles")
    members = {m["article"]: m for m in area.members}
    assert members["incursion-03"]["original_unit"] == "square miles"
    assert members["incursion-03"]["status"] == "agrees"
    assert compatible(members["incursion-01"], members["incursion-03"])
    assert area.relation == "update"  # and Wednesday's "more than 1,100" is an update
    assert members["incursion-04"]["status"] == "updates"


def test_arithmetic_relation_121000_plus_59000_is_180000() -> None:
    sums = [g for g in _figures(INCURSION) if g.relation == "arithmetic"]
    assert len(sums) == 1
    roles = sorted((m["role"], m["value"]) for m in sums[0].members)
    assert roles == [("part", 59000), ("part", 121000), ("total", 180000)]
    assert "121,000 + 59,000 = 180,000" in sums[0].explanation


def test_two_numbers_of_one_report_never_share_a_group() -> None:
    for group in _figures(INCURSION):
        if group.relation != "arithmetic":
            assert len({m["article"] for m in group.members}) == len(group.members)


def test_qualifier_intervals() -> None:
    def m(value: float, qualifier: str | None = None, value_max: float | None = None):
        return {"value": value, "value_max": value_max, "qualifier": qualifier}

    assert compatible(m(1000, "about"), m(1080))
    assert not compatible(m(1000, "about"), m(1200))
    assert compatible(m(100, "more than"), m(120))
    assert not compatible(m(1100, "more than"), m(1000, "about"))
    assert compatible(m(2000, "up to"), m(1800))
    assert compatible(m(300, None, 400), m(350, "about"))
    assert not compatible(m(3, "at least"), m(7))


# --- claims --------------------------------------------------------------------------------


def _report(id_: str, outlet: str, day: str, *sentences: str) -> Article:
    article = Article(" ".join(sentences), id=id_, outlet=outlet, published=day)
    pos = 0
    for sentence in sentences:
        article.claims.append(Claim(pos, pos + len(sentence), 0.9))
        pos += len(sentence) + 1
    return article


CAPTURED = "Ardenian forces captured the village of Lind near the Torvel border on Monday."
CAPTURED_2 = "Ardenian troops captured the village of Lind close to the Torvel border on Monday."
REPELLED = "Kessarian forces repelled the Ardenian attack on the village of Lind on Monday."
CONFIRMED = "The Halvorsen board confirmed the plan to close the Brennick engine plant."
DENIED = "The Halvorsen board denied any plan to close the Brennick engine plant."
UNRELATED = "Heavy snow closed schools across the north of Velmark on Tuesday."


def _claim_articles() -> list[Article]:
    return [
        _report("c1", "Harbour Wire", "2026-03-09", CAPTURED, CONFIRMED),
        _report("c2", "Meridian Post", "2026-03-09", CAPTURED_2, UNRELATED),
        _report("c3", "Valley Courier", "2026-03-09", REPELLED, DENIED),
        _report(
            "c4",
            "Site copying c1",
            "2026-03-10",
            CAPTURED,
            CONFIRMED,
            "Copyright Harbour Wire, republished under licence.",
        ),
    ]


def test_canonical_form_folds_opposites_and_negation() -> None:
    terms_a, pol_a = canonical(CAPTURED)
    terms_b, pol_b = canonical(REPELLED)
    assert "@control" in terms_a and "@control" in terms_b
    assert pol_a["control"] == 1 and pol_b["control"] == -1
    assert canonical("Prices rose in May.")[1]["change"] == 1
    assert canonical("Prices did not rise in May.")[1]["change"] == -1
    assert canonical("The army said it is true.")[1] != canonical("It is not true.")[1]


def test_a_negation_in_an_aside_does_not_deny_the_claim() -> None:
    aside = (
        "First Citizens, a North Carolina lender that had never run a venture-debt business, "
        "bought $72 billion of loans."
    )
    assert "assert" not in canonical(aside)[1]
    # and an aside no longer hides the negation of the main clause after it
    main = "The bank, which was founded in 1983, would not raise capital."
    assert canonical(main)[1] == {"assert": -1}
    assert canonical("The bank would not raise capital.")[1] == {"assert": -1}


def test_a_state_reversed_days_later_is_no_contradiction() -> None:
    """A case opened on Saturday and closed on Tuesday changed; it was not denied."""
    opened = "The FSB security service opened a criminal case against Prigozhin for mutiny."
    closed = "The FSB security service closed the criminal case against Prigozhin for mutiny."

    for day, status in (("2023-06-27", ["single_source"] * 2), ("2023-06-24", ["contradicted"])):
        articles = [
            _report("w1", "Metro Wire", "2023-06-24", opened),
            _report("w6", "Ledger", day, closed),
        ]
        groups = align_claims(articles, find_origins(articles), "s-test")
        assert [g.status for g in groups] == status, day


def test_a_figure_that_moved_between_days_is_a_new_claim() -> None:
    """72 settlements on Monday and 74 on Wednesday are an update (figure alignment shows it),
    not one claim two outlets state; a report giving 74 "up from 72" still states the 72."""
    monday = "Ardenian forces now control 72 settlements in the Torvel region."
    wednesday = "Ardenian forces now control 74 settlements in the Torvel region."
    both = "Ardenian forces control 74 settlements in the Torvel region, up from 72 on Monday."
    a1 = _report("m1", "Harbour Wire", "2026-03-09", monday)
    a2 = _report("m2", "Valley Courier", "2026-03-11", wednesday)
    a3 = _report("m3", "Meridian Post", "2026-03-11", both)
    measure = "settlements_controlled"
    fig(a1, "72", 72, "settlements", measure=measure, as_of="2026-03-09")
    fig(a2, "74", 74, "settlements", measure=measure, as_of="2026-03-11")
    fig(a3, "74", 74, "settlements", measure=measure, as_of="2026-03-11")
    fig(a3, "72", 72, "settlements", measure="settlements", as_of="2026-03-09")
    groups = align_claims([a1, a2], find_origins([a1, a2]), "s-test")
    assert sorted(g.status for g in groups) == ["single_source", "single_source"]
    groups = align_claims([a1, a3], find_origins([a1, a3]), "s-test")
    assert [g.status for g in groups] == ["corroborated"]
    # the same day and another number: one claim, contradicted on its number
    a4 = _report("m4", "Valley Courier", "2026-03-09", wednesday.replace("74", "90"))
    fig(a4, "90", 90, "settlements", measure=measure, as_of="2026-03-09")
    groups = align_claims([a1, a4], find_origins([a1, a4]), "s-test")
    assert [g.status for g in groups] == ["contradicted"]
    assert "different numbers" in groups[0].explanation


def test_claims_corroborated_contradicted_and_single_source() -> None:
    articles = _claim_articles()
    groups = align_claims(articles, find_origins(articles), "s-test")
    by_label = {g.label: g for g in groups}
    captured = next(
        g for g in groups if any(m["article"] == "c3" and m["index"] == 0 for m in g.members)
    )
    assert captured.status == "contradicted"
    stance = {m["article"]: m["stance"] for m in captured.members}
    assert stance == {"c1": "states", "c2": "states", "c3": "contradicts", "c4": "states"}
    assert captured.independent_origins == 2  # c4 is a copy of c1
    assert "opposite wording" in captured.explanation
    board = next(
        g for g in groups if any(m["article"] == "c3" and m["index"] == 1 for m in g.members)
    )
    # c1 and its copy c4 are one origin against c3's one: a tie, the earliest side states
    assert board.status == "contradicted"
    assert {m["article"]: m["stance"] for m in board.members}["c3"] == "contradicts"
    assert by_label[UNRELATED].status == "single_source"
    assert by_label[UNRELATED].independent_origins == 1


def test_claim_members_point_at_the_text() -> None:
    articles = _claim_articles()
    for group in align_claims(articles, find_origins(articles), "s-test"):
        for m in group.members:
            article = next(a for a in articles if a.id == m["article"])
            assert article.text[m["start"] : m["end"]] == m["text"]


# --- quotes --------------------------------------------------------------------------------

QUOTE = "We will not give up a single metre of our land, whatever it costs us"


def _quoted(
    id_: str, day: str, outlet: str, speaker: str, title: str | None, wording: str = QUOTE
) -> Article:
    text = (
        f"“{wording},” {speaker} said on Monday in Velgrad, after Ardenian forces crossed "
        "the Torvel border and the Kessarian National Assembly met in emergency session."
    )
    start = 1
    return Article(
        text,
        id=id_,
        outlet=outlet,
        published=day,
        quotes=[
            Quote(
                start,
                start + len(wording),
                "direct",
                Speaker(
                    speaker,
                    start + len(wording) + 3,
                    start + len(wording) + 3 + len(speaker),
                    title=title,
                ),
            )
        ],
    )


def _quote_articles() -> list[Article]:
    return [
        _quoted(
            "q2",
            "2026-03-10",
            "Valley Courier",
            "Katja Morel",
            "Prime Minister",
            QUOTE + " and whatever they say",
        ),
        _quoted("q1", "2026-03-09", "Harbour Wire", "Katja Morel", "Prime Minister"),
        _quoted(
            "q3",
            "2026-03-10",
            "Northern Ledger",
            "Ms Morel",
            None,
            "We will not give up one metre of our land, whatever it costs",
        ),
        _quoted("q4", "2026-03-11", "The Daily Lantern", "Aurel Voss", "opposition leader"),
    ]


def test_quote_track_speakers_drift_and_first_appearance() -> None:
    articles = _quote_articles()
    tracks = track_quotes(articles, find_origins(articles), "s-test")
    assert len(tracks) == 1
    track = tracks[0]
    assert track.first_article == "q1"
    assert track.text == QUOTE
    assert track.speakers_differ
    members = {m["article"]: m for m in track.members}
    assert members["q1"]["similarity"] == 1.0
    assert 0.7 < members["q3"]["similarity"] < 1.0  # lightly reworded
    assert members["q4"]["speaker"] == "Aurel Voss"
    assert members["q2"]["title"] == "Prime Minister"
    assert not track.titles_differ  # q3 gives no title: not a different one


def _with_quotes(
    text: str, id_: str, outlet: str, day: str, speaker: Speaker, *parts: tuple[str, QuoteKind]
) -> Article:
    """A report whose `parts` (exact words of `text`, each with its kind) are quotes."""
    quotes = [Quote(text.index(w), text.index(w) + len(w), kind, speaker) for w, kind in parts]
    return Article(text, id=id_, outlet=outlet, published=day, quotes=quotes)


def test_a_quote_split_by_its_attribution_is_tracked_whole() -> None:
    """“We have reasons to believe,” said Vestager, “that the measures ... comply.” is one
    sentence in two pieces: another outlet's full quote meets both, and the short first piece
    alone meets nothing."""
    speaker = Speaker("Margrethe Vestager", 0, 1)
    split = (
        "“We have reasons to believe,” said Margrethe Vestager, the competition chief, “that "
        "the measures put forward by these three companies do not fully comply with the DMA.”"
    )
    first = split[: split.index(" said")]
    second = split[split.index("“that") :]
    day = "2024-03-25"
    a = _with_quotes(
        split, "d2", "Brussels Wire", day, speaker, (first, "direct"), (second, "direct")
    )
    full_text = (
        "Vestager said: “We have reasons to believe that the measures put forward by these "
        "three companies do not fully comply with the DMA.”"
    )
    quoted = full_text[full_text.index("“") :]
    b = _with_quotes(full_text, "d1", "Capital Wire", day, speaker, (quoted, "direct"))
    tracks = track_quotes([a, b], find_origins([a, b]), "s-test")
    assert len(tracks) == 1
    members = {m["article"]: m for m in tracks[0].members}
    assert members["d2"]["start"] == 0 and members["d2"]["end"] == len(split)
    assert members["d2"]["text"] == f"{first} … {second}"


def test_quote_joins_the_quoted_words_not_the_paraphrase_around_them() -> None:
    """One report paraphrases around a mixed quote (two nested quotes); another outlet quotes
    the sentence in full: its quote belongs with the quoted words, the closer match."""
    speaker = Speaker("Volodymyr Zelensky", 0, 7, title="President")
    mixed_text = (
        'Zelensky said Russia "brought war to others, and now it is coming home", and '
        "ordered the military to prepare humanitarian plans for the area."
    )
    outer = mixed_text[len("Zelensky said ") : mixed_text.index(" for the area")]
    inner = '"brought war to others, and now it is coming home"'
    paraphrase = _with_quotes(
        mixed_text,
        "k3",
        "Capital Wire",
        "2024-08-12",
        speaker,
        (outer, "indirect"),
        (inner, "mixed"),
    )
    full_text = 'Zelensky said: "Russia brought war to others. Now it is coming home."'
    quoted = full_text[full_text.index('"') :]
    full = _with_quotes(
        full_text, "k4", "Northern Ledger", "2024-08-13", speaker, (quoted, "direct")
    )
    tracks = track_quotes([paraphrase, full], find_origins([paraphrase, full]), "s-test")
    shared = [t for t in tracks if len(t.members) == 2]
    assert len(shared) == 1
    assert {m["text"] for m in shared[0].members} == {inner, quoted}


# --- flags on articles ---------------------------------------------------------------------


def test_story_flags_are_added_to_articles_in_place() -> None:
    articles = _annotated()
    flood = [articles[i] for i in FLOOD]
    build_stories(flood, Settings(), embeddings=False)
    out_of_line = [f for a in flood for f in a.flags if f.kind == "figure_out_of_line"]
    assert {(f.start, f.severity) for f in out_of_line} == {
        (articles["flood-01"].text.index("1,200"), "info"),
        (articles["flood-02"].text.index("1,800"), "info"),
    }
    # a second run adds nothing twice
    build_stories(flood, Settings(), embeddings=False)
    assert len([f for a in flood for f in a.flags if f.kind == "figure_out_of_line"]) == 2


def test_contradicted_claim_and_speaker_mismatch_flags() -> None:
    claims = _claim_articles()
    quotes = _quote_articles()
    for article in claims:
        article.title = "Ardenian forces and Lind"
    stories_c, _ = build_stories(claims, Settings(), embeddings=False)
    stories_q, _ = build_stories(quotes, Settings(), embeddings=False)
    flags = story_flags([*stories_c, *stories_q], [*claims, *quotes])
    if len(stories_c) == 1:  # grouped in one story (they share names), the flag is there
        kinds = {(f.kind, f.start) for f in flags.get("c3", [])}
        assert ("contradicted_claim", 0) in kinds
    mismatch = [f for f in flags.get("q4", []) if f.kind == "quote_speaker_mismatch"]
    assert len(mismatch) == 1 and mismatch[0].severity == "warning"
    assert "Katja Morel" in mismatch[0].explanation
    assert "q1" not in flags or all(f.kind != "quote_speaker_mismatch" for f in flags["q1"])


def _analysed(id_: str, outlet: str, day: str, text: str) -> Article:
    from corroborate.extract.pipeline import analyse

    return analyse(Article(text, id=id_, outlet=outlet, published=day))


def test_rates_on_different_bases_are_not_compared() -> None:
    """GDP 0.5% up on the quarter and 1.2% up on the year are two rates, not a conflict."""
    articles = [
        _analysed(
            "y",
            "Harbour Wire",
            "2026-08-14",
            "Velmark's economy grew 1.2% year on year in the second quarter, the statistics "
            "office said on Wednesday.",
        ),
        _analysed(
            "y2",
            "Meridian Post",
            "2026-08-14",
            "Velmark's economy grew 1.3% from a year earlier in the second quarter, the "
            "statistics office said.",
        ),
        _analysed(
            "q",
            "Valley Courier",
            "2026-08-14",
            "Velmark's economy grew 0.5% on the quarter in the second quarter, the statistics "
            "office said.",
        ),
    ]
    groups = align_figures(articles, find_origins(articles))
    together = [{m["article"] for m in g.members} for g in groups if g.relation != "arithmetic"]
    assert {"y", "y2"} in together  # the same year-on-year rate, in other words
    assert not any("q" in ids and len(ids) > 1 for ids in together)


def _no_group_spans_two_reports(articles: list[Article]) -> bool:
    groups = align_figures(articles, find_origins(articles))
    return not any(len({m["article"] for m in g.members}) > 1 for g in groups)


def test_a_days_gain_is_not_compared_with_a_total() -> None:
    articles = [
        _analysed(
            "day",
            "Harbour Wire",
            "2026-08-14",
            "Ardenian forces took 45 square "
            "kilometres of Kessarian land in the past 24 hours, the army chief said.",
        ),
        _analysed(
            "total",
            "Meridian Post",
            "2026-08-14",
            "Ardenian forces have taken 40 square "
            "kilometres of Kessarian land, the army chief said.",
        ),
    ]
    assert _no_group_spans_two_reports(articles)


def test_a_rate_is_not_compared_with_a_stock_or_another_rate() -> None:
    """5,000 barrels a day is a flow: not the 5,200 barrels in store, nor 5,100 a week."""
    texts = {
        "day": "The Velmark refinery processes 5,000 barrels of crude a day, the operator said.",
        "week": "The Velmark refinery processes 5,100 barrels of crude a week, the operator said.",
        "stock": "The Velmark refinery holds 5,200 barrels of crude, the operator said.",
    }
    outlets = {"day": "Harbour Wire", "week": "Meridian Post", "stock": "Valley Courier"}
    articles = [_analysed(k, outlets[k], "2026-08-14", t) for k, t in texts.items()]
    assert _no_group_spans_two_reports(articles)
    again = _analysed(
        "day2",
        "Delta Times",
        "2026-08-14",
        "Its operator says the refinery in Velmark now processes 5,000 barrels of crude a day.",
    )
    groups = align_figures([articles[0], again], find_origins([articles[0], again]))
    assert any({m["article"] for m in g.members} == {"day", "day2"} for g in groups)


def test_a_difference_between_totals_is_not_a_count() -> None:
    """ "74 settlements, two more than on Monday": the two is a difference, and does not agree
    with another outlet's two villages retaken by the other side."""
    articles = [
        _analysed(
            "diff",
            "Harbour Wire",
            "2026-03-11",
            "Ardenian forces now control 74 settlements in the Torvel region, the army chief "
            "said on Wednesday, two more than he reported on Monday.",
        ),
        _analysed(
            "retaken",
            "Meridian Post",
            "2026-03-11",
            "Kessaria's defence ministry said its forces had retaken two villages in the Torvel "
            "region on Wednesday.",
        ),
    ]
    assert _no_group_spans_two_reports(articles)


def test_parts_of_a_sum_come_from_one_source() -> None:
    """Ardenia's 72 settlements held and Kessaria's two villages retaken are no parts of a
    74 reported elsewhere."""
    articles = [
        _analysed(
            "parts",
            "Harbour Wire",
            "2026-03-09",
            "Ardenian forces now control 72 settlements in the Sudra district, Ardenia's army "
            "chief said. Kessaria's defence ministry said its forces had retaken two "
            "settlements in the Sudra district.",
        ),
        _analysed(
            "total",
            "Meridian Post",
            "2026-03-11",
            "Ardenian forces now control 74 settlements in the Torvel region, the army chief "
            "said on Wednesday.",
        ),
    ]
    groups = align_figures(articles, find_origins(articles))
    assert not [g for g in groups if g.relation == "arithmetic"]


def test_a_period_after_another_number_is_that_numbers() -> None:
    article = _analysed(
        "p",
        "Harbour Wire",
        "2026-03-09",
        "Ardenian forces now control 72 settlements in the Torvel region and have advanced a "
        "further 40 square kilometres in the past 24 hours, the army chief said on Monday.",
    )
    periods = {article.text[f.start : f.end]: f.period for f in article.figures}
    assert periods["72 settlements"] is None
    assert periods["a further 40 square kilometres"] == "past 24 hours"


def test_rates_of_different_things_are_not_compared() -> None:
    """Gasoline prices down 0.6% and energy prices down 0.8% are two rates; a rise of 2.5% in
    an index is not a rate of 3.2%."""
    articles = [
        _analysed(
            "gas",
            "Harbour Wire",
            "2026-09-11",
            "Gasoline prices fell 0.6% in August, the statistics office said.",
        ),
        _analysed(
            "energy",
            "Meridian Post",
            "2026-09-11",
            "Energy prices fell 0.8% in August, the statistics office said.",
        ),
        _analysed(
            "index",
            "Valley Courier",
            "2026-09-11",
            "The Halden index gained 3.1% after the release, while the core rate stood at 3.2%.",
        ),
    ]
    assert _no_group_spans_two_reports(articles)


def test_a_change_is_not_compared_with_the_level_it_led_to() -> None:
    articles = [
        _analysed(
            "change",
            "Harbour Wire",
            "2026-09-11",
            "Jobless claims rose by 2,000 to 230,000 last week, the labour ministry said.",
        ),
        _analysed(
            "level",
            "Meridian Post",
            "2026-09-11",
            "Jobless claims rose to 232,000 last week, the labour ministry said.",
        ),
    ]
    groups = align_figures(articles, find_origins(articles))
    (pair,) = [g for g in groups if len({m["article"] for m in g.members}) > 1]
    assert {m["text"] for m in pair.members} == {"230,000", "232,000"}


def test_the_missing_are_not_the_dead_and_soldiers_of_two_armies_are_two_counts() -> None:
    articles = [
        _analysed(
            "a",
            "Harbour Wire",
            "2026-03-11",
            "At least three people have died, the mayor said, and two more are missing. "
            "Some 1,000 Ardenian soldiers took part in the assault.",
        ),
        _analysed(
            "b",
            "Meridian Post",
            "2026-03-12",
            "Two people died when their car was swept off the road, police said, and the death "
            "toll has risen to three. The army said 594 Kessarian soldiers had been captured.",
        ),
    ]
    groups = align_figures(articles, find_origins(articles))
    together = [
        sorted(m["text"] for m in g.members)
        for g in groups
        if len({m["article"] for m in g.members}) > 1
    ]
    assert together == [["At least three people", "three"]]


def test_a_part_of_the_injured_is_never_compared_with_their_total() -> None:
    # "17 of the injured were children" is not a second count of the injured
    total = Article(
        "At least 40 people were injured in the blast, the ministry said.",
        id="t1",
        outlet="Harbour Wire",
        published="2026-03-09",
    )
    part = Article(
        "Doctors said 17 of the injured were children hurt in the blast.",
        id="t2",
        outlet="Meridian Post",
        published="2026-03-09",
    )
    fig(total, "At least 40 people", 40, "people", measure="people_injured", qualifier="at least")
    fig(part, "17 of the injured", 17, "people", measure="people_injured")
    groups = align_figures([total, part], find_origins([total, part]))
    assert not any(len({m["article"] for m in g.members}) > 1 for g in groups)
