"""The validator's rules that the one-problem fixtures of tests/bad_content do not show."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from complaints.edge.settings import site_rules
from complaints.editorial.personal_data import scan
from complaints.editorial.validate import Rules, check_text
from tests.support.checks import RULES as SITE_RULES

GOOD = Path(__file__).parents[1] / "bad_content" / "good" / "pixmania.md"
TEXT = GOOD.read_text(encoding="utf-8")
RULES = SITE_RULES


def problems(text: str, kind: str = "testimony", rules: Rules = RULES) -> list[str]:
    return [
        f"{p.line} {p.field} {p.value} {p.expected}"
        for p in check_text(text, "t.md", kind, rules).problems
    ]


def with_line(after: str, line: str, text: str = TEXT) -> str:
    assert after in text
    return text.replace(after, f"{after}\n{line}", 1)


def test_the_good_testimony_is_parsed():
    checked = check_text(TEXT, "t.md", "testimony", RULES)
    assert checked.problems == [] and checked.case is not None
    assert checked.lines["testimony.events[1]"] < checked.lines["testimony.events[2]"]


def test_a_public_number_listed_in_public_data_is_allowed():
    text = TEXT.replace("\n---\n", "\n---\nLe service client répond au 09 70 80 80 80.\n", 1)
    assert any("numéro de téléphone" in p for p in problems(text))
    allowed = with_line("author: Allo C'Est Fini", 'public_data: ["09 70 80 80 80"]', text)
    assert not any("numéro de téléphone" in p for p in problems(allowed))


def test_skeleton_text_is_allowed_in_a_draft():
    text = with_line("author: Allo C'Est Fini", "status: draft")
    skeleton = with_line("status: draft", 'summary: "Une phrase qui résume l\'affaire."', text)
    assert problems(skeleton) == []
    published = skeleton.replace("status: draft", "status: published")
    assert any("le modèle n'a pas été complété" in p for p in problems(published))


def test_sections_come_from_the_settings():
    rules = site_rules({"COMPLAINTS_SECTIONS": ["Enquêtes"]})
    assert any(p.startswith("4 category") for p in problems(TEXT, rules=rules))


def test_a_date_with_its_time_is_iso_too():
    text = TEXT.replace("date: 2009-07-06\n", "date: 2009-07-06 14:30\n", 1)
    assert problems(text) == []


def test_impossible_publication_date_and_year():
    assert any(
        "une date qui existe" in p
        for p in problems(TEXT.replace("date: 2009-07-06\n", "date: 2009-02-30\n", 1))
    )
    assert any(
        "entre 1900 et 2100" in p
        for p in problems(TEXT.replace("date: 2009-07-06\n", "date: 0001-01-01\n", 1))
    )


def test_pages_have_no_section_tags_or_author():
    page = "---\ntitle: Page\ncategory: Témoignages\ntags: [a]\nauthor: X\n---\nTexte.\n"
    fields = {p.split()[1] for p in problems(page, "page")}
    assert fields == {"category", "tags", "author"}


def test_every_output_key_is_refused_on_pages_too():
    for key in ("save_as", "url", "template", "lang", "translation", "path", "authors"):
        (problem,) = problems(f"---\ntitle: Page\n{key}: x\n---\n", "page")
        assert problem.startswith(f"3 {key} ") and "refusé" in problem


def test_page_placeholders_only_when_refused():
    page = "---\ntitle: Page\n---\nSiège : [À COMPLÉTER : adresse]\n"
    assert problems(page, "page") == []
    strict = Rules(slugify=RULES.slugify, refuse_placeholders=True)
    (problem,) = problems(page, "page", strict)
    assert problem.startswith("4 (texte) « [À COMPLÉTER : adresse] »")


def test_a_page_printing_an_unfinished_setting_is_refused_when_placeholders_are():
    settings = {"LEGAL_HOST": "[À COMPLÉTER : hébergeur]", "SITENAME": "Allo"}
    rules = site_rules({**settings, "COMPLAINTS_REFUSE_PLACEHOLDERS": True})
    page = "---\ntitle: Mentions\n---\nSite {{ setting.SITENAME }}.\n\nHébergeur : {{ setting.LEGAL_HOST }}\n"
    (problem,) = problems(page, "page", rules)
    assert problem.startswith("6 setting.LEGAL_HOST « [À COMPLÉTER : hébergeur] »")
    assert problems(page, "page") == []


def documented_identifiers() -> list[tuple[str, str]]:
    """(identifier, invented example) of each row of the personal-data table of
    docs/security.md."""
    text = (Path(__file__).parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    table = text[text.index("| identifier | how it is recognised |") :].split("\n\n")[0]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    return [(row[0].strip("| "), row[-1].strip("| `")) for row in rows]


DOCUMENTED = documented_identifiers()


def test_the_documentation_lists_the_french_identifiers():
    listed = " ".join(name for name, _ in DOCUMENTED)
    for name in ("NIR", "tax number", "passport", "identity card", "licence plate", "card"):
        assert name in listed


@pytest.mark.parametrize(("name", "example"), DOCUMENTED, ids=[n for n, _ in DOCUMENTED])
@pytest.mark.parametrize("where", ["body", "note", "summary"])
def test_every_documented_identifier_is_refused(name, example, where):
    sentence = f"Il a fallu donner {example} au service client."
    if where == "body":
        text = TEXT.replace("\n---\n", f"\n---\n{sentence}\n", 1)
        field = "(texte)"
    elif where == "note":
        text = TEXT.replace('"le même choix est reproposé"', f'"{sentence}"', 1)
        field = "testimony.events[7].note"
    else:
        text = with_line("author: Allo C'Est Fini", f'summary: "{sentence}"')
        field = "summary"
    found = check_text(text, "t.md", "testimony", RULES).problems
    assert [(p.field, "pas de donnée personnelle" in p.expected) for p in found] == [
        (field, True)
    ], found
    (finding,) = scan(sentence)
    public = sentence[finding.start : finding.end]
    waived = with_line("author: Allo C'Est Fini", f'public_data: ["{public}"]', text)
    assert check_text(waived, "t.md", "testimony", RULES).problems == []


def test_old_mac_line_endings_read_as_the_others():
    lf = check_text(TEXT, "t.md", "testimony", RULES)
    for ending in ("\r\n", "\r"):
        other = check_text(TEXT.replace("\n", ending), "t.md", "testimony", RULES)
        assert other.problems == []
        assert (other.data, other.body, other.case) == (lf.data, lf.body, lf.case)


def test_accents_typed_as_combining_marks_read_as_the_accented_letters():
    nfc = check_text(TEXT, "t.md", "testimony", RULES)
    nfd = check_text(unicodedata.normalize("NFD", TEXT), "t.md", "testimony", RULES)
    assert nfd.problems == []
    assert (nfd.data, nfd.body, nfd.case, nfd.lines) == (nfc.data, nfc.body, nfc.case, nfc.lines)
    birth = TEXT.replace("\n---\n", "\n---\nElle est née le 12/03/1984.\n", 1)
    found = problems(unicodedata.normalize("NFD", birth))
    assert any("date de naissance" in p for p in found), found
