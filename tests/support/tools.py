"""The external tools of the quality gates, and the pages they audit.

A missing tool (java, jing, node, chromium, node_modules) FAILS the test with the
command that installs it: a gate that silently skips is a gate that does not exist.
Install everything with ``.ci/install-tools.sh``.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.support.sample import ROOT

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "core" / "index.js"
CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
# Debian's chromium, headless, with everything that would call the network switched off.
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LINKCHECKER_CONFIG = ROOT / "tests" / "quality" / "linkcheckerrc"
INSTALL_HINT = "run .ci/install-tools.sh (apt-get install chromium jing; npm ci)"

#: Key pages audited as a reader without JavaScript gets them (their scripts not loaded).
WITHOUT_SCRIPTS = frozenset({"vos-droits-sans-js"})

PIXMANIA_SLUG = "pixmania"
PIXMANIA_TESTIMONY_SLUG = "pixmania-camescope-livre-chez-un-autre"


def require_file(path: Path, what: str) -> Path:
    """Return ``path`` or fail the test (never skip) when the tool is missing."""
    if not path.is_file():
        pytest.fail(f"{what} is missing: {path} does not exist; {INSTALL_HINT}", pytrace=False)
    return path


def require_executable(name: str) -> str:
    """Return the full path of a program on PATH or fail the test."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not on PATH; {INSTALL_HINT}", pytrace=False)
    return found


def require_chromium() -> Path:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"chromium is missing at {CHROMIUM}; {INSTALL_HINT}", pytrace=False)
    return CHROMIUM


def linkchecker() -> Path | None:
    """The CLI of the linkchecker package installed beside the running interpreter."""
    for candidate in (
        Path(sys.executable).parent / "linkchecker",
        Path(sys.prefix) / "bin" / "linkchecker",
    ):
        if candidate.is_file():
            return candidate
    return None


def require_linkchecker() -> Path:
    found = linkchecker()
    if found is None:
        pytest.fail(
            f"linkchecker is not installed in {sys.prefix}: pip install -r requirements-test.txt",
            pytrace=False,
        )
    return found


def linkchecker_command(program: Path, site_url: str) -> list[str]:
    """LinkChecker crawling the site served at ``site_url``, rows in CSV on stdout."""
    return [
        str(program),
        "--config",
        str(LINKCHECKER_CONFIG),
        "--output",
        "csv",
        "--no-status",
        f"{site_url}/",
    ]


def site_sources(site: Path) -> tuple[list[Path], list[Path]]:
    """Every HTML page and every stylesheet of a built site."""
    return sorted(site.rglob("*.html")), sorted(site.rglob("*.css"))


def vnu_command(java: str, site: Path) -> list[str]:
    """The Nu Html Checker on every page and stylesheet of ``site`` (one JVM for all
    files: --also-check-css validates the .css files given too), JSON on stdout."""
    html, css = site_sources(site)
    return [
        java,
        "-jar",
        str(VNU_JAR),
        "--errors-only",
        "--format",
        "json",
        "--stdout",
        "--also-check-css",
        *map(str, html),
        *map(str, css),
    ]


def chromium_present() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


class MissingPages(AssertionError):
    """Pages the audits need are not in the built site."""


_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S | re.I)
_ARTICLE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


def _url_of(site: Path, index: Path) -> str:
    rel = index.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def key_pages(site: Path) -> dict[str, str]:
    """The pages audited by axe and Lighthouse (one per page type), relative to the site root.

    Raises :class:`MissingPages` when one of them does not exist: the contract says they must.
    """
    pages: dict[str, str] = {"accueil": ""}
    problems: list[str] = []

    testimony = sorted(site.glob(f"**/{PIXMANIA_TESTIMONY_SLUG}/index.html"))
    if not testimony:  # fall back on the article whose h1 names Pixmania
        for index in sorted(site.rglob("index.html")):
            rel = index.relative_to(site).as_posix()
            if _ARTICLE.match(rel):
                headings = _H1.findall(index.read_text(encoding="utf-8"))
                if any("pixmania" in h.lower() for h in headings):
                    testimony = [index]
                    break
    if testimony:
        pages["temoignage-pixmania"] = _url_of(site, testimony[0])
    else:
        problems.append(f"no Pixmania testimony (**/{PIXMANIA_TESTIMONY_SLUG}/index.html)")

    for name, rel in (
        ("marchand-pixmania", f"marchands/{PIXMANIA_SLUG}/"),
        # a merchant with its detailed statistics and year-by-year chart
        ("marchand-statistiques", "marchands/techno-bazar-lunaire/"),
        ("index-marchands", "marchands/"),
        ("temoigner", "temoigner/"),
        ("methodologie", "methodologie/"),
        # the readers' deadlines page, with its script (the form) and without (tables)
        ("vos-droits", "vos-droits/"),
        ("vos-droits-sans-js", "vos-droits/"),
        # a testimony with follow-ups, the corrections log, the open-data page
        ("temoignage-suivi", "2021/09/techno-bazar-lunaire-carte-graphique-remboursement/"),
        ("suivi-des-dossiers", "suivi-des-dossiers/"),
        ("donnees", "donnees/"),
        # every other page type: a topic and the topics index, a section, an author,
        # the archives and a plain page
        ("probleme", "problemes/livraison/"),
        ("problemes", "problemes/"),
        ("rubrique", "rubriques/enquetes/"),
        ("auteur", "auteurs/la-redaction/"),
        ("archives", "archives/"),
        ("page-a-propos", "a-propos/"),
    ):
        if (site / rel / "index.html").is_file():
            pages[name] = rel
        else:
            problems.append(f"no {rel}index.html")

    tags = sorted(p for p in site.glob("etiquettes/*/index.html"))
    if tags:
        pages["etiquette"] = _url_of(site, tags[0])
    else:
        problems.append("no tag page etiquettes/<slug>/index.html")

    if (site / "page" / "2" / "index.html").is_file():
        pages["liste-page-2"] = "page/2/"
    else:
        paginated = sorted(site.glob("**/page/2/index.html"))
        if paginated:
            pages["liste-page-2"] = _url_of(site, paginated[0])
        else:
            problems.append("no paginated list page (page/2/ or */page/2/)")

    if (site / "recherche" / "index.html").is_file():
        pages["recherche"] = "recherche/?q=remboursement"  # audited with its results shown
    else:
        problems.append("no search page recherche/index.html")

    if problems:
        raise MissingPages("pages to audit are missing from the built site: " + "; ".join(problems))
    return pages
