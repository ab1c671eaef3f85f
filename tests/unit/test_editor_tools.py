"""Editor tooling: skeletons that stay valid YAML, refusals that help, the vocabulary doc."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from complaints.domain.vocabulary import VOCABULARIES
from complaints.editorial.frontmatter import split_front_matter
from complaints.editorial.skeletons import (
    SkeletonRefused,
    checked_slug,
    known_merchant,
    new_merchant_text,
    new_testimony_text,
    valid_slug,
)
from complaints.editorial.vocabulary_doc import reference
from tests.support.sample import ROOT

TEMPLATE = (ROOT / "docs" / "testimony-template.md").read_text(encoding="utf-8")


def simple_slugify(text: str) -> str:
    """A stand-in for Pelican's slugify: ASCII letters and digits joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize(
    "title",
    [
        'Pixmania : le "caméscope" perdu',
        "Colis # 12 : l'attente",
        "- liste ? non : [titre] {x} & *y* !z %w @v `u`",
        "Titre avec $dollar et \\ barre",
        "yes",
        "2009-07-06",
    ],
)
def test_new_testimony_keeps_any_title_as_written(title: str) -> None:
    text = new_testimony_text(
        TEMPLATE, title=title, slug="s", merchant="pixmania", today="2026-01-02"
    )
    data, _body = split_front_matter(text, "nouveau.md")
    assert data["title"] == title
    assert data["slug"] == "s" and data["testimony"]["merchant"] == "pixmania"
    assert data["status"] == "draft"


def test_emoji_only_title_needs_a_slug() -> None:
    with pytest.raises(SkeletonRefused, match="--slug"):
        checked_slug("😡📦", None, simple_slugify)
    assert checked_slug("😡📦", "colis-perdu", simple_slugify) == "colis-perdu"
    assert checked_slug("Colis perdu", None, simple_slugify) == "colis-perdu"


# the validator's slug rule: what Pelican's slugify keeps ("a_b", "-a") is refused too
@pytest.mark.parametrize(
    "slug", ["", "Colis", "../x", "colis perdu", "a/b", "a_b", "-a", "a-", "a" * 101]
)
def test_slug_must_be_a_plain_file_name(slug: str) -> None:
    with pytest.raises(SkeletonRefused, match="nom de fichier"):
        valid_slug(slug, simple_slugify)


def test_unknown_merchant_is_refused_with_a_suggestion_and_the_list() -> None:
    known = {"pixmania": object(), "boite-a-sornettes": object()}
    assert known_merchant("pixmania", known) == "pixmania"
    with pytest.raises(SkeletonRefused) as refusal:
        known_merchant("pixmana", known)
    message = str(refusal.value)
    assert "« pixmana »" in message and "vouliez-vous dire « pixmania »" in message
    assert "boite-a-sornettes, pixmania" in message and "new-merchant" in message


def test_new_merchant_text_is_a_valid_profile(tmp_path: Path) -> None:
    from complaints.editorial.profiles import read_merchant

    path = tmp_path / "boutique-exemple.md"
    path.write_text(
        new_merchant_text(
            name='La "Boutique" : exemple',
            website="https://e.example",
            country="FR",
            fictional=True,
        ),
        encoding="utf-8",
    )
    profile = read_merchant(path)
    assert profile.name == 'La "Boutique" : exemple' and profile.fictional
    assert profile.website == "https://e.example" and profile.country == "FR"


def test_vocabulary_reference_is_current() -> None:
    committed = (ROOT / "docs" / "vocabulaire.md").read_text(encoding="utf-8")
    assert committed == reference(), "run `invoke vocabulary` and commit docs/vocabulaire.md"


def test_vocabulary_reference_lists_every_code_with_its_label() -> None:
    text = reference()
    for codes in VOCABULARIES.values():
        for code, label in codes.items():
            assert f"| `{code}` | {label or '(aucun)'} |" in text
