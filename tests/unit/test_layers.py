"""The plugins' structure: import contracts, Pelican's private API in one module per
plugin, no gc tricks, short module docstrings without history."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pelican
import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
INTERNALS = "pelican_internals.py"


def lint_imports(plugins: Path) -> subprocess.CompletedProcess[str]:
    """import-linter on ``plugins`` with the project's contracts (pyproject.toml)."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=plugins.parent,
        env={**os.environ, "PYTHONPATH": str(plugins)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(PLUGINS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("complaints/domain/rules.py", "import pelican", "only the edge imports Pelican"),
        (
            "complaints/domain/vocabulary.py",
            "from complaints.present import formatting",
            "each layer imports only the layers below it",
        ),
        ("parallel_build/workers.py", "import complaints", "parallel_build imports no other"),
        (
            "complaints/present/typeset.py",
            "from typographie import plugin",
            "typographie's public interface only",
        ),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    plugins = tmp_path / "plugins"
    shutil.copytree(PLUGINS, plugins, ignore=shutil.ignore_patterns("__pycache__"))
    with (plugins / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{line}  # noqa\n")
    result = lint_imports(plugins)
    assert result.returncode == 1, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken


def pelican_private_names() -> set[str]:
    """Names Pelican and its yaml-metadata plugin keep private: their classes' ``_``
    methods and the ``self._…`` attributes their code sets or reads."""
    names = set()
    for path in Path(pelican.__file__).parent.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names |= {
                    item.name
                    for item in node.body
                    if isinstance(item, ast.FunctionDef) and item.name.startswith("_")
                }
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
                and node.attr.startswith("_")
            ):
                names.add(node.attr)
    return {name for name in names if not name.startswith("__")}


def test_pelicans_private_names_appear_in_one_module_per_plugin() -> None:
    private = pelican_private_names()
    assert {"_content", "_summary", "_context", "_expand_settings", "_md"} <= private
    found: dict[Path, set[str]] = {}
    for path in PLUGINS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "value", None)
            if isinstance(name, str) and name in private:
                found.setdefault(path.relative_to(PLUGINS), set()).add(name)
    assert sorted(found) == [
        Path("complaints/edge", INTERNALS),
        Path("parallel_build", INTERNALS),
        Path("typographie", INTERNALS),
    ], {path: names for path, names in found.items() if path.name != INTERNALS}


def plugin_sources() -> list[Path]:
    return sorted(PLUGINS.rglob("*.py"))


def test_no_gc_tricks_in_the_plugins() -> None:
    for path in plugin_sources():
        text = path.read_text(encoding="utf-8")
        assert "get_referrers" not in text and "getrefcount" not in text, path


@pytest.mark.parametrize("path", plugin_sources(), ids=lambda p: str(p.relative_to(PLUGINS)))
def test_module_docstrings_are_short_and_tell_no_history(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert len(docstring.splitlines()) <= 10
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\bissue \d|\bwave \d|\bsession \d", text, re.IGNORECASE)
