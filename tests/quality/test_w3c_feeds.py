"""Gate: every feed passes the W3C Feed Validation Service, level AA, with 0 errors.

The validator's code is vendored under ``vendor/feedvalidator`` (see VENDORED.md)
and called as the online service does (``check.cgi``): ``validateString`` on the
feed's bytes, then ``compatibility.AA`` ("mimics online validator", ``demo.py``).
Unlike the service (``firstOccurrenceOnly=1``), every occurrence is reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

VENDOR = Path(__file__).with_name("vendor")
if str(VENDOR) not in sys.path:
    sys.path.insert(0, str(VENDOR))

import feedvalidator  # noqa: E402
from feedvalidator import compatibility  # noqa: E402
from feedvalidator.formatter.text_plain import Formatter  # noqa: E402
from feedvalidator.logging import Error  # noqa: E402

pytestmark = pytest.mark.quality


def w3c_errors(feed: bytes, url: str) -> list[str]:
    """The W3C validator's errors (level AA) for one feed, as its plain-text messages."""
    try:
        events = feedvalidator.validateString(feed, firstOccurrenceOnly=0, base=url)["loggedEvents"]
    except feedvalidator.logging.ValidationFailure as failure:
        events = [failure.event]
    errors = [e for e in compatibility.AA(events) if isinstance(e, Error)]
    return list(Formatter(errors))


def site_feeds(site: Path) -> list[Path]:
    """Every feed file of a built site (under feeds/)."""
    return sorted(p for p in site.rglob("*.xml") if p.relative_to(site).parts[0] == "feeds")


def test_the_validator_still_finds_errors() -> None:
    """The vendored validator runs and reports the error that Pelican's feeds had."""
    bad = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        b"<link>https://example.org/</link><description>d</description><item><title>i</title>"
        b"<link>https://example.org/i/</link><guid>tag:example.org,2009-07-06:/i/</guid>"
        b"</item></channel></rss>"
    )
    errors = w3c_errors(bad, "https://example.org/feed.rss.xml")
    assert any("guid must be a full URL" in e for e in errors), errors


def test_every_feed_passes_the_w3c_validator(built_site: Path, site_url: str) -> None:
    feeds = site_feeds(built_site)
    assert len(feeds) >= 20, f"only {len(feeds)} feeds in {built_site}/feeds"
    problems = []
    for feed in feeds:
        rel = feed.relative_to(built_site).as_posix()
        problems += [f"{rel}: {e}" for e in w3c_errors(feed.read_bytes(), f"{site_url}/{rel}")]
    print(f"{len(feeds)} feeds validated, {len(problems)} errors")
    assert not problems, f"{len(problems)} W3C feed validator errors:\n" + "\n".join(problems)
