"""The preview (parallel_build.preview) ends every build with a clean build's output."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from parallel_build.preview import Preview, PreviewProcess, fingerprints

from tests.support.corpus import stable_differences as differences
from tests.support.corpus import tree
from tests.support.preview import built_preview, clean_build, edit, pages_of, preview_site
from tests.support.sample import ROOT


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    return preview_site(tmp_path)


def test_edits_end_in_the_clean_build_output(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, theme = site
    output = tmp_path / "preview"
    preview = Preview(
        str(ROOT / "pelicanconf.py"), PATH=str(content), THEME=str(theme), OUTPUT_PATH=str(output)
    )
    first = preview.build()
    assert first.ok and first.read == 16
    testimonies = sorted(content.glob("temoignages/*/*.md"))
    # a status change the validator accepts without new events: open → unresolved
    a = next(t for t in testimonies if "{status: open," in t.read_text(encoding="utf-8"))
    b, c = (t for t in testimonies[7:12:4] if t != a)

    edit(a, r"\{status: open,", "{status: unresolved,")
    edit(b, r'^title: "', 'title: "Titre modifié : ')
    edit(c, r"^tags: \[[^]]*\]", "tags: [étiquette-toute-neuve]")
    for _ in range(3):
        result = preview.build()
        assert result.ok, result.message
        assert result.read <= 3  # only the edited files were read again
    merchant = re.search(r"^  merchant: (\S+)$", a.read_text(encoding="utf-8"), re.M).group(1)
    edit(content / "merchants" / f"{merchant}.md", r"^name: .*$", "name: Enseigne Renommée")
    renamed = preview.build()
    assert renamed.ok and renamed.read == 16  # profiles changed: everything read again
    assert differences(output, clean_build(content, theme, tmp_path / "clean1")) == []
    assert "Enseigne Renommée" in (output / f"marchands/{merchant}/index.html").read_text(
        encoding="utf-8"
    )

    edit(content / "pages" / "a-propos.md", r"^title: .*$", "title: À propos du magazine")
    (theme / "templates" / "base.html").write_text(
        (theme / "templates" / "base.html")
        .read_text(encoding="utf-8")
        .replace("</body>", "<!-- v2 --></body>"),
        encoding="utf-8",
    )
    c.unlink()
    result = preview.build()
    assert result.ok and result.read == 0
    clean = clean_build(content, theme, tmp_path / "clean2")
    assert differences(output, clean) == []
    assert "<!-- v2 -->" in (output / "index.html").read_text(encoding="utf-8")
    assert len(tree(clean)) > 100
    preview.close()  # the process of its last build waits for the next save


def test_a_content_problem_fails_the_build_and_the_next_save_fixes_it(
    site: tuple[Path, Path], tmp_path: Path
) -> None:
    content, theme = site
    output = tmp_path / "preview"
    server = PreviewProcess(
        str(ROOT / "pelicanconf.py"),
        cwd=str(ROOT),
        PATH=str(content),
        THEME=str(theme),
        OUTPUT_PATH=str(output),
    )
    try:
        assert server.build().ok
        saved = sorted(content.glob("temoignages/*/*.md"))[2]
        edit(saved, r'^title: "', 'title: "Revu ')
        early: list[str] = []  # reported by the preview process before its result
        assert server.build(on_early=early.extend).early == early
        assert set(early) == pages_of(saved)
        page = sorted(content.glob("temoignages/*/*.md"))[5]
        good = page.read_text(encoding="utf-8")
        edit(page, r"^  merchant: ", "  merchant: inconnu-")
        failed = server.build()
        assert not failed.ok
        assert any(page.name in problem and "merchant" in problem for problem in failed.problems)
        page.write_text(good, encoding="utf-8")
        fixed = server.build()
        assert fixed.ok and fixed.read == 1
    finally:
        server.close()
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []


def test_a_file_rewritten_with_its_size_and_time_is_hashed_again(tmp_path: Path) -> None:
    """Kept hashes follow the status-change time, which no tool can set back."""
    path = tmp_path / "a.md"
    path.write_bytes(b"status: open")
    known: dict = {}
    first = fingerprints(tmp_path, known)
    stat = path.stat()
    path.write_bytes(b"status: shut")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert fingerprints(tmp_path, known) != first
    path.unlink()
    assert fingerprints(tmp_path, known) == {} and known == {}


@pytest.fixture
def preview(site: tuple[Path, Path], tmp_path: Path) -> Iterator[Preview]:
    with built_preview(site, tmp_path / "preview") as preview:
        yield preview


def test_a_saved_testimony_s_pages_are_written_first_from_the_last_build(
    site: tuple[Path, Path], preview: Preview, tmp_path: Path
) -> None:
    content, theme = site
    output = Path(preview.settings["OUTPUT_PATH"])
    testimony = next(
        t
        for t in sorted(content.glob("temoignages/*/*.md"))
        if "{status: open," in t.read_text(encoding="utf-8")
    )
    names = pages_of(testimony)
    for saved in range(2):  # the second save is served by the process of the first's build
        early: dict[str, str] = {}

        def before_the_build(written: list[str], early: dict[str, str] = early) -> None:
            early.update({name: (output / name).read_text(encoding="utf-8") for name in written})

        edit(testimony, r'^title: "', f'title: "Revu{saved} ')
        if saved:  # the merchant page's scorecard counts it as unresolved now
            edit(testimony, r"\{status: open,", "{status: unresolved,")
        result = preview.build(on_early=before_the_build)
        assert result.ok, result.message
        assert set(result.early) == names and result.early_refused == ""
        assert early.keys() == names
        for name, text in early.items():
            assert f"Revu{saved} " in text
            # nothing the full build knows more changes these two pages
            assert text == (output / name).read_text(encoding="utf-8")
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []


def test_the_warm_path_works_with_one_process(site: tuple[Path, Path], tmp_path: Path) -> None:
    """A one-core machine (or PARALLEL=false): the preview still notes its writes."""
    content, theme = site
    output = tmp_path / "serial-preview"
    with built_preview(site, output, PARALLEL=False) as preview:
        testimony = sorted(content.glob("temoignages/*/*.md"))[5]
        edit(testimony, r'^title: "', 'title: "Seul ')
        result = preview.build()
    assert result.ok, result.message
    assert set(result.early) == pages_of(testimony), result.early_refused
    assert all("Seul " in (output / name).read_text(encoding="utf-8") for name in result.early)
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []


def test_the_warm_path_refuses_what_two_pages_cannot_show_and_the_build_ends_right(
    site: tuple[Path, Path], preview: Preview, tmp_path: Path
) -> None:
    content, theme = site
    output = Path(preview.settings["OUTPUT_PATH"])
    testimonies = sorted(content.glob("temoignages/*/*.md"))
    a, b = testimonies[3], testimonies[9]
    merchant = re.search(r"^  merchant: (\S+)$", a.read_text(encoding="utf-8"), re.M).group(1)
    other = next(p.stem for p in sorted(content.glob("merchants/*.md")) if p.stem != merchant)

    def never(written: list[str]) -> None:
        raise AssertionError(f"written by the warm path: {written}")

    def refused(why: str) -> None:
        result = preview.build(on_early=never)
        assert result.ok, result.message
        assert result.early == [] and why in result.early_refused

    edit(a, r"^  merchant: \S+$", f"  merchant: {other}")
    refused("another merchant")
    edit(a, r"^slug: ", "slug: nouveau-")
    refused("slug changed")
    edit(a, r'^title: "', 'title: "Un : ')
    edit(b, r'^title: "', 'title: "Deux : ')
    refused("2 article files changed")
    edit(a, r"^(date: \S+) \d\d:", r"\1 23:")
    refused("date changed")
    edit(a, r"^tags: \[", "tags: [étiquette-neuve, ")
    refused("tags changed")
    edit(b, r"^status: .*$|^(?=slug: )", "status: draft\n")
    refused("status draft")
    (theme / "templates" / "article.html").write_text(
        (theme / "templates" / "article.html").read_text(encoding="utf-8") + "{# v2 #}\n",
        encoding="utf-8",
    )
    edit(a, r'^title: "', 'title: "Troisième ')
    refused("theme file changed")
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []
    for name in pages_of(a):
        assert "Troisième " in (output / name).read_text(encoding="utf-8")


def test_the_warm_path_writes_nothing_from_a_file_with_problems(
    site: tuple[Path, Path], preview: Preview
) -> None:
    content, _theme = site
    output = Path(preview.settings["OUTPUT_PATH"])
    testimony = sorted(content.glob("temoignages/*/*.md"))[4]
    pages = {name: (output / name).read_bytes() for name in pages_of(testimony)}
    edit(testimony, r'^title: "', 'title: "Cassé ')
    edit(testimony, r"^  issues: \[", "  issues: [rubrique.inconnue, ")
    result = preview.build(on_early=lambda written: pytest.fail(f"written: {written}"))
    assert not result.ok and any(testimony.name in problem for problem in result.problems)
    # (the complaints reader keeps such a file a draft: refused on its status already)
    assert result.early == [] and result.early_refused
    assert {name: (output / name).read_bytes() for name in pages} == pages


def test_a_changed_follow_up_is_written_warm_and_the_build_ends_right(
    site: tuple[Path, Path], preview: Preview, tmp_path: Path
) -> None:
    """Adding ``updates:`` moves the page's ``modified`` date (first save: the full build
    alone writes it); editing them (second save) is written first by the warm path, the
    current outcome on the testimony's and the merchant's pages."""
    content, theme = site
    output = Path(preview.settings["OUTPUT_PATH"])
    testimony = next(
        t
        for t in sorted(content.glob("temoignages/*/*.md"))
        if "{status: open," in t.read_text(encoding="utf-8")
    )
    year = int(re.search(r"^date: (\d{4})", testimony.read_text(encoding="utf-8"), re.M)[1])
    first = f'  updates:\n    - {{date: {year + 1}-03, kind: follow_up, text: "Relance."}}\n'
    edit(testimony, r"^(  outcome: .*\n)", r"\g<1>" + first)
    result = preview.build(on_early=lambda written: None)
    assert result.ok, result.message
    assert result.early == [] and "modified" in result.early_refused

    second = (
        f'    - date: {year + 1}-04-02\n      kind: outcome\n      text: "Remboursé."\n'
        "      outcome: {status: resolved, resolution: refund, "
        "recovered: {value: 10, currency: EUR}}\n"
    )
    edit(testimony, r"^(    - \{date: .*kind: follow_up.*\n)", r"\g<1>" + second)
    early: dict[str, str] = {}

    def before_the_build(written: list[str]) -> None:
        early.update({name: (output / name).read_text(encoding="utf-8") for name in written})

    result = preview.build(on_early=before_the_build)
    assert result.ok, result.message
    assert set(result.early) == pages_of(testimony) and result.early_refused == ""
    for name, text in early.items():
        assert "Remboursé." in text or "résolu" in text, name
        assert text == (output / name).read_text(encoding="utf-8")
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []
