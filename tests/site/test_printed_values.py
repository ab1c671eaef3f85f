"""Pages print settings and code values: the legal notice, the Méthodologie z value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from complaints.domain.rules import Z
from complaints.present.page_values import french_number
from tests.support.builds import build_site
from tests.support.content import copy_content
from tests.support.pages import html_pages
from tests.support.pages import main_text as text_of
from tests.support.sample import TEST_LEGAL_VALUES

LEGAL = "mentions-legales/index.html"


def test_no_page_value_is_left_unfilled(built_site: Path) -> None:
    leftovers = [
        str(page.relative_to(built_site))
        for page in html_pages(built_site)
        if re.search(r"\{\{\s*(setting|code)\.", page.read_text(encoding="utf-8"))
    ]
    assert leftovers == []


def test_methodology_prints_the_code_z(built_site: Path) -> None:
    z = french_number(Z, 5)
    assert z == "1,64485"
    text = text_of(built_site, "methodologie/index.html")
    assert f"z = {z} :" in text
    assert "intervalle de confiance à 90 % (méthode de Wilson)" in text


def test_legal_notice_prints_the_settings(built_site: Path) -> None:
    text = text_of(built_site, LEGAL)
    assert "l’association « Allo C’Est Fini – Consommateurs en ligne »" in text
    assert "Contact : redaction@allo-cest-fini.example" in text
    contact = text_of(built_site, "droit-de-reponse/index.html")
    assert "écrivez à redaction@allo-cest-fini.example en indiquant" in contact


def test_legal_notice_values_come_from_the_environment(
    built_site: Path, legal_values: dict[str, str]
) -> None:
    """The session's builds get TEST_LEGAL_VALUES in their environment."""
    assert legal_values["LEGAL_DIRECTOR"] == "Camille <Exemple> & Cie"
    text = text_of(built_site, LEGAL)
    assert "publication : Camille <Exemple> & Cie" in text
    assert "Siège : Siège d’essai, Ville d’essai" in text
    assert "Hébergeur d’essai SAS" in text
    assert "COMPLÉTER" not in text


def test_the_production_build_refuses_unfilled_legal_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in TEST_LEGAL_VALUES:
        monkeypatch.delenv(name, raising=False)
    output = tmp_path / "output"
    result = build_site(output)
    assert result.returncode == 1
    for name in TEST_LEGAL_VALUES:
        assert f"setting.{name} = « [À COMPLÉTER" in result.stderr, result.stderr
        assert "mentions-legales.md:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not output.exists() or not any(output.iterdir())


def test_an_unknown_name_stops_the_build(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    page = content / "pages" / "a-propos.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nDirection : {{ setting.LEGAL_DIRECTER }}\n",
        encoding="utf-8",
    )
    lines = page.read_text(encoding="utf-8").splitlines()
    result = build_site(tmp_path / "output", content=content)
    assert result.returncode == 1
    assert f"a-propos.md:{len(lines)} : {{{{ … }}}} = « setting.LEGAL_DIRECTER »" in result.stderr
    assert "vouliez-vous dire « setting.LEGAL_DIRECTOR »" in result.stderr
    assert not (tmp_path / "output" / "a-propos" / "index.html").exists()
