"""Every broken testimony in tests/bad_content gives exactly its one problem."""

import re
from pathlib import Path

import pytest

from complaints.check import main
from complaints.editorial.check import check_file
from complaints.editorial.profiles import load_authors, load_merchants
from tests.support.checks import RULES, content_problems

BAD = Path(__file__).parents[1] / "bad_content"
FILES = sorted(p for p in BAD.glob("*.md") if p.name != "README.md")
EXPECT = re.compile(r"^# expect-(field|value|message): ?(.*)$", re.MULTILINE)
MERCHANTS = load_merchants(BAD / "merchants")
AUTHORS = set(load_authors(BAD / "authors"))


def expectations(path: Path) -> dict[str, str]:
    found = dict(EXPECT.findall(path.read_text(encoding="utf-8")))
    assert set(found) == {"field", "value", "message"}, path.name
    return found


def test_there_are_enough_fixtures():
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_one_problem_with_field_value_and_message(path):
    expected = expectations(path)
    problems = check_file(path, MERCHANTS, rules=RULES, authors=AUTHORS)
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    message = str(problem)
    assert problem.field == expected["field"]
    assert problem.line is not None, "every problem names its line"
    assert path.name in message
    assert expected["value"] in problem.value
    assert expected["message"] in message


def test_good_pixmania_has_no_problem():
    assert check_file(BAD / "good" / "pixmania.md", {"pixmania"}, rules=RULES) == []


def test_source_overrides_file_name():
    problems = check_file(BAD / "bad_status.md", MERCHANTS, rules=RULES, source="a/b.md")
    assert problems[0].file == "a/b.md"


def _content(tmp_path: Path, files: list[Path]) -> Path:
    content = tmp_path / "content"
    (content / "temoignages" / "section").mkdir(parents=True)
    for folder in ("merchants", "authors"):
        (content / folder).mkdir()
        for profile in (BAD / folder).glob("*.md"):
            (content / folder / profile.name).write_bytes(profile.read_bytes())
    for path in files:
        target = content / "temoignages" / "section" / path.name
        target.write_bytes(path.read_bytes())
    return content


def test_check_content_reports_every_file_sorted(tmp_path):
    content = _content(tmp_path, FILES)
    problems = content_problems(content)
    assert len(problems) == len(FILES)
    assert [p.file for p in problems] == sorted(p.file for p in problems)


def test_check_content_reports_bad_profiles(tmp_path):
    content = _content(tmp_path, [])
    (content / "merchants" / "sans-nom.md").write_text("---\nwebsite: x\n---\n")
    fields = sorted(p.field for p in content_problems(content))
    assert fields == ["name", "website"]


def test_main_exit_codes(tmp_path, capsys):
    content = _content(tmp_path, [BAD / "bad_status.md"])
    assert main([str(content)]) == 1
    assert "testimony.outcome.status" in capsys.readouterr().out
    (content / "temoignages" / "section" / "bad_status.md").unlink()
    assert main([str(content)]) == 0
    assert "0 témoignages vérifiés, aucun problème" in capsys.readouterr().out
