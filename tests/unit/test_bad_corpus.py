"""Problems between files: tests/bad_content/corpus/ is a content folder with them.

Each expected problem is listed once in CORPUS_PROBLEMS (file, field, a fragment of
the value); `complaints.check` must report exactly those, each once. The build
reports the same lines (tests/site/test_bad_content_build.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from complaints.check import main
from tests.support.checks import content_problems, settings_of

BAD = Path(__file__).parents[1] / "bad_content"
CORPUS = BAD / "corpus"
SETTINGS = settings_of(COMPLAINTS_REFUSE_PLACEHOLDERS=True)

CORPUS_PROBLEMS = {
    # a broken profile is one problem; the testimonies citing it are not "unknown"
    ("merchants/casse.md", "name", "(absent)"),
    # a profile's file name is its address: "..md" is refused
    ("merchants/..md", "(fichier)", "..md"),
    # a profile in a subfolder would be neither read nor published
    ("merchants/archives/rangee-trop-loin.md", "(fichier)", "rangee-trop-loin.md"),
    # two testimonies, one slug (in different months: still one address too many)
    ("temoignages/2021/meme-slug-mars.md", "slug", "meme-slug-mars"),
    # .md is the only extension: others are neither checked nor published
    ("temoignages/2021/majuscules.MD", "(fichier)", "majuscules.MD"),
    ("temoignages/2021/pas-markdown.markdown", "(fichier)", "pas-markdown.markdown"),
    ("pages/ancienne.rst", "(fichier)", "ancienne.rst"),
    ("pages/vieille.html", "(fichier)", "vieille.html"),
    # pages follow the same rules for Pelican's keys
    ("pages/choisit-sa-sortie.md", "save_as", "feeds/all.atom.xml"),
    # "[À COMPLÉTER" refused when COMPLAINTS_REFUSE_PLACEHOLDERS (publishconf)
    ("pages/inachevee.md", "(texte)", "[À COMPLÉTER"),
    # a file in the wrong folder is named as such, with where it belongs
    ("merchants/temoignage-egare.md", "(fichier)", "temoignage-egare.md"),
    ("pages/temoignage-en-page.md", "(fichier)", "temoignage-en-page.md"),
    ("temoignages/2021/fiche-egaree.md", "(fichier)", "fiche-egaree.md"),
    # a logo that points to no file would show a broken image
    ("merchants/logo-absent.md", "logo", "images/marchands/logo-absent.svg"),
}


def corpus_content(tmp_path: Path) -> Path:
    """The corpus with the invented merchants the testimonies cite."""
    content = tmp_path / "content"
    shutil.copytree(CORPUS, content)
    for profile in (BAD / "merchants").glob("*.md"):
        shutil.copy(profile, content / "merchants" / profile.name)
    return content


def found(problems, content: Path) -> set[tuple[str, str, str]]:
    return {(Path(p.file).relative_to(content).as_posix(), p.field, p.value) for p in problems}


def test_each_corpus_problem_is_reported_once(tmp_path):
    content = corpus_content(tmp_path)
    problems = content_problems(content, SETTINGS)
    reported = found(problems, content)
    assert len(problems) == len(CORPUS_PROBLEMS), "\n".join(map(str, problems))
    for file, field, value in CORPUS_PROBLEMS:
        assert any(r[:2] == (file, field) and value in r[2] for r in reported), (file, field)
    assert all(p.line for p in problems if p.field not in ("(fichier)", "slug"))


def test_the_duplicate_slug_names_the_first_file(tmp_path):
    content = corpus_content(tmp_path)
    (duplicate,) = [p for p in content_problems(content, SETTINGS) if p.field == "slug"]
    assert "meme-slug-avril.md" in duplicate.expected
    assert "nom du fichier" in duplicate.expected  # mars has no slug: line; its name is it


def test_a_file_in_the_wrong_folder_says_where_it_belongs(tmp_path):
    content = corpus_content(tmp_path)
    wrong = {
        Path(p.file).name: p.expected
        for p in content_problems(content, SETTINGS)
        if "un fichier à sa place" in p.expected
    }
    assert set(wrong) == {"temoignage-egare.md", "temoignage-en-page.md", "fiche-egaree.md"}
    assert "déplacez-le dans content/temoignages/<rubrique>/" in wrong["temoignage-egare.md"]
    assert "déplacez-le dans content/temoignages/<rubrique>/" in wrong["temoignage-en-page.md"]
    assert "déplacez-le dans content/merchants/" in wrong["fiche-egaree.md"]
    assert all("champ inconnu" not in message for message in wrong.values())


def test_placeholders_pass_without_the_setting(tmp_path):
    content = corpus_content(tmp_path)
    fields = {(Path(p.file).name, p.field) for p in content_problems(content)}
    assert ("inachevee.md", "(texte)") not in fields


def test_command_line_exit_status(tmp_path, capsys):
    content = corpus_content(tmp_path)
    assert main([str(content)]) == 1
    out = capsys.readouterr().out
    assert "merchants/casse.md:" in out and "majuscules.MD" in out
