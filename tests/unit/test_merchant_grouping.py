"""Grouping testimonies by merchant (pure, no Pelican)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from complaints.domain.merchants import build_merchants, public_merchants


@dataclass
class FakeProfile:
    slug: str
    name: str
    website: str | None = None
    country: str | None = None
    logo: str | None = None
    description: str = ""
    fictional: bool = True
    aliases: list[str] = field(default_factory=list)


def fake_article(merchant: str, day: int, *, reply: bool = False):
    kinds = ["order", "merchant_reply"] if reply else ["order"]
    case = SimpleNamespace(merchant=merchant, events=[SimpleNamespace(kind=k) for k in kinds])
    facts = SimpleNamespace(
        status="open",
        days_to_first_answer=None,
        days_to_resolution=None,
        days_open=10,
        days_followed=10,
        broken_promises=0,
        amount=None,
        recovered=None,
        issues=("delivery.late",),
        case_points=15,
        experience_date=datetime(2020, 1, day).date(),
    )
    return SimpleNamespace(
        case=case, facts=facts, date=datetime(2020, 2, day), title=f"{merchant} {day}"
    )


def test_a_merchant_without_published_testimony_is_not_public() -> None:
    profiles = {
        "zeta": FakeProfile("zeta", "Zêta"),
        "alpha": FakeProfile("alpha", "alpha boutique"),
    }
    merchants = build_merchants(
        profiles, [fake_article("zeta", 1)], feed_atom_pattern="f/{slug}.atom.xml"
    )
    assert [m.slug for m in merchants] == ["alpha", "zeta"]  # by name, case-insensitive
    alpha, zeta = merchants
    assert alpha.articles == [] and alpha.scorecard.n == 0 and alpha.scorecard.score is None
    assert not alpha.public and alpha.url == "" and alpha.feed_atom_url is None
    assert public_merchants(merchants) == [zeta]
    assert zeta.public and zeta.scorecard.n == 1
    assert zeta.url == "marchands/zeta/" and zeta.save_as == "marchands/zeta/index.html"
    assert zeta.feed_atom_url == "f/zeta.atom.xml" and zeta.feed_rss_url is None


def test_articles_newest_first_and_replies_collected() -> None:
    profiles = {"m": FakeProfile("m", "M")}
    old, new = fake_article("m", 1, reply=True), fake_article("m", 9)
    (merchant,) = build_merchants(profiles, [old, new, SimpleNamespace(case=None)])
    assert merchant.articles == [new, old]
    assert [(a, e.kind) for a, e in merchant.replies] == [(old, "merchant_reply")]
    assert merchant.scorecard.n == 2
