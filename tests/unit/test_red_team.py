"""Hostile input found by the red team: each case is refused in French, with its line."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from complaints.domain.problems import ContentError
from complaints.editorial.active_content import active_content, unsafe_url
from complaints.editorial.frontmatter import (
    MAX_FILE_CHARS,
    MAX_FRONT_MATTER_CHARS,
    read_front_matter,
    read_text_file,
)
from tests.support.checks import content_problems
from tests.support.content import copy_content
from tests.support.tasks import wait_for


def test_a_latin1_byte_is_named_with_its_line_in_french(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"---\ntitle: x\n---\nLe caf\xe9.\n")
    with pytest.raises(ContentError) as error:
        read_text_file(path, "x.md")
    (problem,) = error.value.problems
    assert problem.line == 4 and "0xE9" in problem.value and "UTF-8" in problem.expected
    assert "codec" not in str(problem)


@pytest.mark.parametrize(
    "yaml_text",
    ['a: "x \\e y"', 'a: ["\\0"]', 'a: "\\uFFFE"', 'a: "\\x7f"', '"\\e": 1'],
)
def test_control_characters_written_as_yaml_escapes_are_refused(yaml_text: str) -> None:
    with pytest.raises(ContentError) as error:
        read_front_matter(f"---\n{yaml_text}\n---\nbody\n", "x.md")
    assert error.value.problems[0].line == 2
    assert "interdit en XML" in str(error.value.problems[0])


@pytest.mark.parametrize(
    "yaml_text",
    [
        "a: !!int x",
        "a: !!float x",
        "a: !!timestamp x",
        "a: !!binary aGk=",
        "a: !evil x",
        "a: !!python/object/apply:os.system [true]",
        "a: [!!int 0x1F]",
        "a: !!set {b}",
    ],
)
def test_explicit_yaml_tags_are_refused_not_crashing(yaml_text: str) -> None:
    with pytest.raises(ContentError) as error:
        read_front_matter(f"---\n{yaml_text}\n---\nbody\n", "x.md")
    assert "étiquette YAML" in str(error.value.problems[0])


@pytest.mark.parametrize(
    "yaml_text", ["a: b: c", "a: [1, 2", 'a: "x', "a: @x", "- a\nb: c", 'a: "\\q"', " a: 1\nb: 2"]
)
def test_yaml_syntax_problems_are_told_in_french(yaml_text: str) -> None:
    with pytest.raises(ContentError) as error:
        read_front_matter(f"---\n{yaml_text}\n---\nbody\n", "x.md")
    message = str(error.value.problems[0])
    for english in ("expected", "found", "while", "mapping values", "token"):
        assert english not in message


def test_a_title_with_an_exclamation_mark_is_not_a_tag() -> None:
    assert read_front_matter('---\na: "Arnaque !"\nb: Enfin !\n---\n', "x.md").data == {
        "a": "Arnaque !",
        "b": "Enfin !",
    }


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "[x]( JaVaScRiPt:alert(1))",
        "[x](javascript&#58;alert(1))",
        '<img src=x onerror="alert(1)">',
        '<a href="&#106;avascript:x">a</a>',
        "[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        '<iframe src="https://e.example"></iframe>',
        "![i](data:text/html;base64,AAA)",
        '<a href="java\nscript:x">a</a>',
        '<svg><a xlink:href="javascript:x">a</a></svg>',
    ],
)
def test_active_content_in_a_body_is_found(body: str) -> None:
    assert active_content(body)


@pytest.mark.parametrize(
    "body",
    [
        "[ok](https://e.example) [ok2]({filename}a.md) [ok3](/x/) [ok4](#note)",
        '<video src="/v.mp4" controls></video> <!-- chronologie -->',
        "x < y, a<b, 3 > 2, « javascript: » est un mot",
        "<table><tr><td>1</td></tr></table>",
    ],
)
def test_ordinary_bodies_have_no_active_content(body: str) -> None:
    assert active_content(body) == []


def test_unsafe_url_ignores_case_spaces_and_controls() -> None:
    assert unsafe_url("\tJaVaScRiPt:x") and unsafe_url(" vbscript:x") and unsafe_url("DATA:x")
    assert not unsafe_url("https://e.example/javascript:x") and not unsafe_url("/data:x")


def test_content_links_outside_the_content_or_to_nothing_are_refused(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    (tmp_path / "secret.txt").write_text("secret")
    page = content / "pages" / "liens.md"
    page.write_text(
        "---\ntitle: Liens\nslug: liens\n---\n"
        "[logo]({static}/images/marchands/pixmania.svg) [réponse]({filename}droit-de-reponse.md)\n"
        "[a]({static}/../../secret.txt)\n"
        "[b]({attach}../../../etc/passwd)\n"
        "[c]({filename}absent.md)\n",
        encoding="utf-8",
    )
    problems = [p for p in content_problems(content) if p.file == str(page)]
    assert [(p.line, p.field, p.value) for p in problems] == [
        (6, "lien {static}", "« /../../secret.txt »"),
        (7, "lien {attach}", "« ../../../etc/passwd »"),
        (8, "lien {filename}", "« absent.md »"),
    ]


@pytest.mark.parametrize(
    ("name", "front", "field"),
    [
        ("recherche.md", "title: Recherche", "(fichier)"),
        ("zz.md", "title: Zz\nslug: problemes", "slug"),
        ("zz.md", "title: Zz\nslug: feeds", "slug"),
        ("zz.md", "title: Zz\nslug: donnees", "slug"),
    ],
)
def test_a_page_cannot_take_a_folder_the_site_writes(
    tmp_path: Path, name: str, front: str, field: str
) -> None:
    content = copy_content(tmp_path / "content")
    page = content / "pages" / name
    page.write_text(f"---\n{front}\n---\nTexte.\n", encoding="utf-8")
    problems = [p for p in content_problems(content) if p.file == str(page)]
    assert [p.field for p in problems] == [field]
    assert "écrit par le site" in problems[0].expected


def test_a_published_text_cannot_link_to_a_draft_nor_take_a_long_slug(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    page = content / "pages" / "zz.md"
    draft = "../temoignages/temoignages/brouillon-maison-plumetis-nappe-tachee.md"
    page.write_text(
        f"---\ntitle: Zz\nslug: {'a' * 101}\n---\n[brouillon]({{filename}}{draft})\n",
        encoding="utf-8",
    )
    problems = [p for p in content_problems(content) if p.file == str(page)]
    assert [(p.line, p.field) for p in problems] == [(3, "slug"), (5, "lien {filename}")]
    assert "brouillon" in problems[1].expected
    page.write_text(f"---\ntitle: Zz\nstatus: draft\n---\n[b]({{filename}}{draft})\n")
    assert not [p for p in content_problems(content) if p.file == str(page)]


def _site(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(text)
    return folder


def test_a_signal_before_the_swap_leaves_output_as_it_was(tmp_path: Path) -> None:
    from sitebuild.supervisor import Interrupted, SignalGuard, replace_output

    deploy, fresh = _site(tmp_path / "output", "old"), _site(tmp_path / ".output-1-x", "new")
    guard = SignalGuard()
    guard.received = signal.SIGINT
    with pytest.raises(Interrupted):
        replace_output(guard, fresh, deploy)
    assert (deploy / "index.html").read_text() == "old" and fresh.exists()


def test_a_signal_during_the_swap_puts_the_previous_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitebuild.supervisor import Interrupted, SignalGuard, replace_output

    deploy, fresh = _site(tmp_path / "output", "old"), _site(tmp_path / ".output-1-x", "new")
    guard = SignalGuard()
    rename = Path.rename

    def rename_then_signal(self: Path, target: Path) -> Path:
        moved = rename(self, target)
        if Path(target) == deploy and self == fresh:
            guard.received = signal.SIGTERM  # Ctrl-C right after the new site moved in
        return moved

    monkeypatch.setattr(Path, "rename", rename_then_signal)
    with pytest.raises(Interrupted):
        replace_output(guard, fresh, deploy)
    assert (deploy / "index.html").read_text() == "old"
    assert not (tmp_path / "output.old").exists()


def test_a_finished_swap_replaces_output(tmp_path: Path) -> None:
    from sitebuild.supervisor import SignalGuard, replace_output

    deploy, fresh = _site(tmp_path / "output", "old"), _site(tmp_path / ".output-1-x", "new")
    replace_output(SignalGuard(), fresh, deploy)
    assert (deploy / "index.html").read_text() == "new"
    assert not fresh.exists()
    wait_for(tmp_path / "output.old", timeout=5, gone=True)  # removed by a detached process


def test_a_signal_while_the_child_starts_stops_it(tmp_path: Path) -> None:
    """Ctrl-C while Popen runs (inside the critical section) used to leave the build
    running on, writing into a folder the task had already removed."""
    from sitebuild.supervisor import Interrupted, SignalGuard

    marker = tmp_path / "still-running"
    guard = SignalGuard()
    guard.received = signal.SIGINT  # as if it arrived during Popen
    command = [
        sys.executable,
        "-c",
        f"import time, pathlib; time.sleep(1); pathlib.Path({str(marker)!r}).touch()",
    ]
    with pytest.raises(Interrupted):
        guard.run(command, tmp_path)
    assert guard.child is None
    time.sleep(1.5)
    assert not marker.exists()


def test_front_matter_longer_than_the_limit_is_refused_before_parsing() -> None:
    # an unclosed flow list: YAML would fail on it, the size check must speak first
    yaml_text = "title: [" + "a, " * (MAX_FRONT_MATTER_CHARS // 3 + 1)
    with pytest.raises(ContentError) as error:
        read_front_matter(f"---\n{yaml_text}\n---\ncorps\n", "long.md")
    (problem,) = error.value.problems
    assert problem.field == "front matter"
    assert problem.value == f"« {len(yaml_text)} caractères »"  # the size, not the text


def test_file_longer_than_the_limit_is_refused_before_splitting() -> None:
    text = "---\ntitle: t\n---\n" + "x" * MAX_FILE_CHARS
    with pytest.raises(ContentError) as error:
        read_front_matter(text, "long.md")
    (problem,) = error.value.problems
    assert problem.field == "(fichier)"
    assert problem.value == f"« {len(text)} caractères »"


def test_front_matter_at_the_limit_is_read() -> None:
    title = "a" * (MAX_FRONT_MATTER_CHARS - len("title: "))
    document = read_front_matter(f"---\ntitle: {title}\n---\ncorps\n", "limite.md")
    assert document.data["title"] == title
