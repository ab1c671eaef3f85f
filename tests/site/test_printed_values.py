"""Pages print settings and code values: the legal notice, the Méthodologie z value."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from complaints.domain.rules import Z
from complaints.present.page_values import french_number
from tests.conftest import ROOT, TEST_LEGAL_VALUES, build_site
from tests.site.site_helpers import html_pages, soup

LEGAL = "mentions-legales/index.html"


def text_of(site: Path, relative: str) -> str:
    """A page's main text with every kind of space as a plain space."""
    main = soup(site, relative).find("main") or soup(site, relative)
    return " ".join(main.get_text(" ").split())


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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    values = {
        "LEGAL_DIRECTOR": "Camille <Exemple> & Cie",
        "LEGAL_PUBLISHER_ADDRESS": "Siège d’essai, Ville d’essai",
        "LEGAL_HOST": "Hébergeur d’essai SAS",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    result = build_site(tmp_path / "output")
    assert result.returncode == 0, result.stderr
    text = text_of(tmp_path / "output", LEGAL)
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
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
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
