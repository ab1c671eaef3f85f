"""Placeholders: the testimony skeleton and "[À COMPLÉTER" markers left in a text."""

import pytest

from complaints.editorial.frontmatter import split_front_matter
from complaints.editorial.placeholders import (
    TEMPLATE,
    find_placeholders,
    skeleton_phrases,
    template_phrases,
)
from tests.support.sample import CONTENT


def test_phrases_come_from_the_template() -> None:
    phrases = skeleton_phrases()
    assert "Une phrase qui résume l'affaire." in phrases
    assert "objet commandé" in phrases
    assert "Premier paragraphe : l'introduction." in phrases
    assert not any("Ce qui s'est passé" in p for p in phrases)  # a heading may stay
    flat = " ".join(TEMPLATE.read_text(encoding="utf-8").replace("’", "'").split())
    assert all(p in flat for p in phrases)


def test_a_changed_template_changes_the_phrases() -> None:
    template = (
        '---\ntitle: "$title"\nsummary: "Résumez ici."\n'
        'testimony:\n  order: {item: "article"}\n---\n\n## Titre\n\nÉcrivez ici. Et là.\n'
    )
    assert template_phrases(template) == ["Résumez ici.", "article", "Écrivez ici.", "Et là."]


def test_an_untouched_new_testimony_is_full_of_placeholders() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    data, body = split_front_matter(text, str(TEMPLATE))
    assert find_placeholders(data["summary"]) == ["Une phrase qui résume l'affaire."]
    assert find_placeholders(data["testimony"]["order"]["item"]) == ["objet commandé"]
    assert len(find_placeholders(body)) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une phrase  qui résume\nl’affaire.", ["Une phrase qui résume l'affaire."]),
        ("Objet commandé", ["objet commandé"]),
        ("Avant. [À COMPLÉTER : nom] après", ["[À COMPLÉTER : nom]"]),
        ("[a compléter]", ["[a compléter]"]),
        ("[À COMPLETER avant la mise en ligne", ["[À COMPLETER avant la mise en ligne"]),
        (
            "Premier paragraphe : l’introduction. Puis [À COMPLÉTER].",
            ["Premier paragraphe : l'introduction.", "[À COMPLÉTER]"],
        ),
    ],
)
def test_finds_placeholders(text: str, expected: list[str]) -> None:
    assert find_placeholders(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'objet commandé n'est jamais arrivé.",  # ordinary French in a body
        "Un caméscope payé 100 €.",  # an amount alone is not a placeholder
        "Ce qui s'est passé",
        "Une phrase qui résume bien l'affaire.",
        "",
    ],
)
def test_leaves_written_text_alone(text: str) -> None:
    assert find_placeholders(text) == []


def test_each_placeholder_once() -> None:
    assert find_placeholders("[À COMPLÉTER] et [À COMPLÉTER]") == ["[À COMPLÉTER]"]


def test_sample_testimonies_hold_no_placeholder() -> None:
    for path in sorted(CONTENT.rglob("*.md")):
        data, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        assert find_placeholders(body) == [], path
        assert find_placeholders(str(data.get("summary", ""))) == [], path
