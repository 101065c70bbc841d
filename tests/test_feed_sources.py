"""Feed items that name their own outlet (`<source>`): the item's outlet, not the feed's title.

An aggregator's feed carries many outlets' reports; crediting them all to the aggregator would
make independent reports look like one outlet's, so the item's `<source>` wins and the feed's
title is only the fallback.
"""

from __future__ import annotations

from pathlib import Path

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest import read_inputs
from corroborate.ingest.feeds import read_feed
from corroborate.model import Article

ROOT = Path(__file__).resolve().parents[1]
MIXED_FEED = ROOT / "corroborate" / "sample" / "mixed" / "feed.rss"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Regional round-up</title>
<link>https://roundup.example/</link>
<item><title>Bridge reopens</title><link>https://post.example/bridge</link>
<source url="https://post.example/feed.rss">  Evening   Post </source>
<description>The bridge reopened on Friday.</description></item>
<item><title>Storm warning</title><link>https://roundup.example/storm</link>
<description>A storm is expected on the coast.</description></item>
<item><title>Ferry delayed</title><link>https://other.example/ferry</link>
<source url="https://other.example/feed.rss"> </source>
<description>The ferry sailed two hours late.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Regional round-up</title>
<id>urn:feed</id><updated>2024-08-16T08:00:00Z</updated>
<entry><title>Bridge reopens</title><link href="https://post.example/bridge"/>
<id>urn:1</id><updated>2024-08-16T08:00:00Z</updated>
<source><id>https://post.example/</id><title>Evening Post</title>
<link href="https://post.example/"/><updated>2024-08-16T07:00:00Z</updated></source>
<content type="text">The bridge reopened on Friday.</content></entry>
<entry><title>Storm warning</title><link href="https://roundup.example/storm"/>
<id>urn:2</id><updated>2024-08-16T08:00:00Z</updated>
<source><id>https://untitled.example/</id></source>
<content type="text">A storm is expected on the coast.</content></entry>
</feed>"""


def _articles(results: list[Article | InputError]) -> list[Article]:
    assert not [r for r in results if isinstance(r, InputError)], results
    return [r for r in results if isinstance(r, Article)]


def test_rss_item_source_names_the_outlet() -> None:
    bridge, storm, ferry = _articles(list(read_feed(RSS, name="roundup.rss")))
    assert bridge.outlet == "Evening Post"  # the item's <source>, whitespace tidied
    assert storm.outlet == "Regional round-up"  # no <source>: the feed's title
    assert ferry.outlet == "Regional round-up"  # an empty <source> names nobody


def test_atom_entry_source_title_names_the_outlet() -> None:
    bridge, storm = _articles(list(read_feed(ATOM, name="roundup.atom")))
    assert bridge.outlet == "Evening Post"
    assert storm.outlet == "Regional round-up"  # a <source> without a title


def test_followed_page_without_a_site_name_gets_the_item_source() -> None:
    def follow(link: str) -> Article:
        outlet = "Post Online" if link.endswith("/storm") else None
        return Article(text=f"The full page at {link}.", outlet=outlet, url=link)

    bridge, storm, ferry = _articles(list(read_feed(RSS, name="roundup.rss", follow=follow)))
    assert bridge.outlet == "Evening Post"
    assert storm.outlet == "Post Online"  # the page's own site name is kept
    assert ferry.outlet == "Regional round-up"


def test_sample_aggregator_feed_credits_each_outlet() -> None:
    results = list(read_inputs([str(MIXED_FEED)], Settings()))
    outlets = [a.outlet for a in _articles(results)]
    assert outlets == ["Harbour Wire", "Harbour Wire", "Northern Ledger"]
