"""French elision and plurals (complaints.grammar)."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from complaints.present.grammar import de, elides, plural


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pixmania", "de Pixmania"),
        ("Allo C'Est Fini", "d’Allo C'Est Fini"),
        ("Écrans du Nord", "d’Écrans du Nord"),
        ("hôtel Dupont", "d’hôtel Dupont"),
        ("Yves", "d’Yves"),
        ("  ours", "d’  ours"),
        ("2008", "de 2008"),
        ("", "de "),
    ],
)
def test_de_elides_before_vowels_and_h(name: str, expected: str) -> None:
    assert de(name) == expected


def test_de_keeps_markup_and_escapes_plain_text_only_once() -> None:
    assert de(Markup("<b>Ém</b>")) == Markup("d’<b>Ém</b>")
    assert isinstance(de(Markup("A &amp; B")), Markup)
    assert de(Markup("A &amp; B")) == Markup("d’A &amp; B")
    assert not isinstance(de("A & B"), Markup)


def test_de_reads_any_object_as_text() -> None:
    class Author:
        def __str__(self) -> str:
            return "Inès"

    assert de(Author()) == "d’Inès"


def test_elides_ignores_tags() -> None:
    assert elides(Markup("<span>août</span>"))
    assert not elides(Markup("<span>juillet</span>"))


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "dossier"), (1, "dossier"), (2, "dossiers"), (1_000_000, "dossiers"), (-2, "dossiers")],
)
def test_plural_follows_the_french_rule(count: int, expected: str) -> None:
    assert plural(count, "dossier") == expected


def test_plural_of_several_words_and_irregular_forms() -> None:
    assert plural(3, "témoignage publié") == "témoignages publiés"
    assert plural(1, "témoignage publié") == "témoignage publié"
    assert plural(2, "journal", "journaux") == "journaux"
    assert plural(1, "journal", "journaux") == "journal"
