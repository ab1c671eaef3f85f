"""The preview (parallel_build.preview) ends every build with a clean build's output."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from parallel_build.preview import Preview, PreviewProcess, fingerprints

from tests.conftest import build_site
from tests.edge.corpus import ROOT, generate, tree
from tests.edge.corpus import differences as all_differences
from tests.edge.test_parallel import UNSTABLE


def clean_build(content: Path, theme: Path, output: Path) -> Path:
    """The default build (plugin off, serial), as `invoke build` runs it."""
    result = build_site(
        output, settings="pelicanconf.py", content=content, extra={"THEME": json.dumps(str(theme))}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return output


def differences(left: Path, right: Path) -> list[str]:
    """Differences outside pagefind/ (not byte-stable between two serial runs either)."""
    return [name for name in all_differences(left, right) if not name.startswith(UNSTABLE)]


def edit(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    content = generate(tmp_path / "content", testimonies=40, merchants=6)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return content, theme


def test_edits_end_in_the_clean_build_output(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, theme = site
    output = tmp_path / "preview"
    preview = Preview(
        str(ROOT / "pelicanconf.py"), PATH=str(content), THEME=str(theme), OUTPUT_PATH=str(output)
    )
    first = preview.build()
    assert first.ok and first.read == 40
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
    assert renamed.ok and renamed.read == 40  # profiles changed: everything read again
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
