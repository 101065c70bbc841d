"""`published` is a date (YYYY-MM-DD) from every input format, as the output contract shows.

Only some formats carry a time of day (an RSS pubDate, an Atom timestamp, a JSON field);
trafilatura gives a page's date without one. Keeping the time where there is one made the same
report read from a feed and from its web page disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest import read_inputs
from corroborate.ingest.feeds import read_feed
from corroborate.ingest.meta import normalize_date
from corroborate.ingest.text import parse_text
from corroborate.model import Article

SAMPLE = Path(__file__).resolve().parents[1] / "corroborate" / "sample"


def _articles(results: list[Article | InputError]) -> list[Article]:
    assert not [r for r in results if isinstance(r, InputError)], results
    return [r for r in results if isinstance(r, Article)]


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2024-08-15T10:30:00Z", "2024-08-15"),
        ("2024-08-15T10:30:00+02:00", "2024-08-15"),
        ("2024-08-15 14:05", "2024-08-15"),
        ("Thu, 15 Aug 2024 10:30:00 GMT", "2024-08-15"),
        ("15 August 2024 14:05", "2024-08-15"),
        # The day as the outlet dated it, not moved to UTC (that would be the 16th).
        ("Thu, 15 Aug 2024 23:30:00 -0500", "2024-08-15"),
        (1723717800, "2024-08-15"),
        (1723717800000, "2024-08-15"),
    ],
)
def test_a_time_of_day_is_dropped(raw: object, day: str) -> None:
    assert normalize_date(raw) == day


def test_feed_entries_are_dated_like_the_other_formats() -> None:
    rss = b"""<rss version="2.0"><channel><title>Planet</title>
<item><title>A</title><pubDate>Wed, 11 Mar 2026 08:00:00 +0000</pubDate>
<description>The river crested overnight.</description></item></channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Post</title>
<entry><title>B</title><id>urn:b</id><published>2026-03-11T08:00:00+00:00</published>
<updated>2026-03-12T09:00:00Z</updated><content type="text">The bridge reopened.</content>
</entry></feed>"""
    [from_rss] = _articles(list(read_feed(rss, name="a.rss")))
    [from_atom] = _articles(list(read_feed(atom, name="b.atom")))
    from_text = parse_text("Date: 2026-03-11\n\nThe river crested overnight.", origin="a.txt")
    assert from_rss.published == from_atom.published == from_text.published == "2026-03-11"


@pytest.mark.parametrize("folder", ["mixed", "formats/rss", "formats/atom", "formats/warc"])
def test_sample_formats_give_the_corpus_dates(folder: str) -> None:
    # Feed and WARC copies carry 08:00/09:00 UTC times; the corpus itself has dates only.
    rows = [json.loads(line) for line in (SAMPLE / "corpus.jsonl").read_text("utf-8").splitlines()]
    expected = {row["text"]: row["published"] for row in rows}
    found = _articles(list(read_inputs([str(SAMPLE / folder)], Settings())))
    assert found
    assert {a.origin: a.published for a in found} == {a.origin: expected[a.text] for a in found}
