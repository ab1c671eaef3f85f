"""Generated content folders (the benchmark's generator) and comparison of built trees.

Pagefind's filter and meta files are not byte-stable between two runs of the same
sources: comparisons that must be exact skip :data:`UNSTABLE`.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from tests.support.sample import ROOT

UNSTABLE = "pagefind/"
# generator sections the site's default COMPLAINTS_SECTIONS refuse → one it accepts
OUTSIDE_SECTIONS = {"Guides pratiques": "Analyses", "Actualités": "Enquêtes"}


def generate(out: Path, testimonies: int, merchants: int, seed: int = 2009) -> Path:
    """The benchmark's content generator, then only merchants with a testimony, and
    only the site's default sections.

    (A merchant without testimonies gets an empty feed dated with the build's clock,
    which would make any two builds differ.)
    """
    spec = importlib.util.spec_from_file_location(
        "bench_generate", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.Generator(seed, testimonies, merchants).run(out)
    used = {
        match.group(1)
        for path in out.glob("temoignages/*/*.md")
        for match in re.finditer(r"^  merchant: (\S+)$", path.read_text(encoding="utf-8"), re.M)
    }
    for profile in out.glob("merchants/*.md"):
        if profile.stem not in used:
            profile.unlink()
    for path in out.glob("temoignages/*/*.md"):  # the benchmark sets COMPLAINTS_SECTIONS
        text = path.read_text(encoding="utf-8")
        for extra, section in OUTSIDE_SECTIONS.items():
            text = text.replace(f"\ncategory: {extra}\n", f"\ncategory: {section}\n")
        path.write_text(text, encoding="utf-8")
    return out


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``: relative posix path → bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths that are only on one side or differ, sorted."""
    a, b = tree(left), tree(right)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def stable_differences(left: Path, right: Path) -> list[str]:
    """:func:`differences` outside ``pagefind/``."""
    return [name for name in differences(left, right) if not name.startswith(UNSTABLE)]
