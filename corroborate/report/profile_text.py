"""The sourcing profile in plain words, next to the story's median."""

from __future__ import annotations

import statistics
from typing import Any

from corroborate.model import Article

# (profile key, label, higher is better?) in the order a reader should see them.
PROFILE_FIELDS: list[tuple[str, str, bool | None]] = [
    ("named_sources", "named sources", True),
    ("direct_quotes", "direct quotes", True),
    ("figures", "figures", True),
    ("figures_sourced", "figures with a source", True),
    ("attributed_claim_ratio", "share of check-worthy claims attributed", True),
    # a count, not a share: fewer claims is not better sourcing (the ratio above judges that)
    ("unattributed_claims", "unattributed check-worthy claims", None),
    ("hedges", "hedges", None),
    ("specificity", "dates, places and numbers per 100 words", True),
    ("opinion_markers", "opinion markers", False),
    ("loaded_language_per_100_words", "loaded words per 100 words", False),
    ("stray_text", "stray passages", False),
]


def display_title(article: Article) -> str:
    """The headline, or for an untitled input the file or URL it came from."""
    if article.title:
        return article.title
    if article.origin:
        return f"(untitled) {article.origin.rsplit('/', 1)[-1]}"
    return "(untitled report)"


def story_medians(articles: list[Article]) -> dict[str, float]:
    medians: dict[str, float] = {}
    for key, _, _ in PROFILE_FIELDS:
        values = [a.profile[key] for a in articles if isinstance(a.profile.get(key), int | float)]
        if values:
            medians[key] = float(statistics.median(values))
    return medians


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)


def profile_rows(
    article: Article, medians: dict[str, float]
) -> list[tuple[str, str, str, str, str]]:
    """(label, this report, story median, news reference, verdict) rows.

    The verdict ('better' / 'weaker' / '') compares with the story median; the news reference
    is the median over public news text (PolNeAR) and where this report falls in it.
    """
    rows = []
    reference = article.profile.get("reference") or {}
    for key, label, higher_better in PROFILE_FIELDS:
        if key not in article.profile:
            continue
        value = article.profile[key]
        median = medians.get(key)
        verdict = ""
        comparable = isinstance(value, int | float) and median is not None
        if comparable and higher_better is not None and value != median:
            better = (value > median) == higher_better
            verdict = "better" if better else "weaker"
        ref = reference.get(key)
        ref_text = f"{_fmt(ref['median'])} (this report: p{ref['percentile']})" if ref else "—"
        story = _fmt(median) if median is not None else "—"
        rows.append((label, _fmt(value), story, ref_text, verdict))
    return rows


def weaknesses(article: Article) -> list[str]:
    """Plain-words reasons a reader should weigh this report carefully."""
    p = article.profile
    reasons = p.get("reasons")
    if isinstance(reasons, list):
        return [str(r) for r in reasons]
    found = []
    if p.get("named_sources") == 0:
        found.append("names no source")
    if p.get("direct_quotes") == 0:
        found.append("quotes nobody directly")
    if p.get("figures") == 0:
        found.append("gives no figures")
    ratio = p.get("attributed_claim_ratio")
    if isinstance(ratio, int | float) and ratio < 0.5:
        found.append(f"attributes only {ratio:.0%} of its check-worthy claims")
    return found
