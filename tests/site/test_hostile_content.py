"""Hostile strings in front matter and profiles are shown as text, never run.

A copy of the site gets a testimony, a merchant profile and an author profile whose
free-text fields (title, section, tags, author, summary, item, carrier, notes, merchant
and author names, bio) and URLs (websites, logo) carry HTML and script payloads. Free
text is accepted, so escaping alone must make it harmless: no injected element or
event attribute in any page, JSON-LD that parses, feeds that parse with links inside
the site, a CSV that a spreadsheet cannot run, and (Chromium) no alert on the pages.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from complaints.editorial.validate import DEFAULT_SECTIONS
from tests.support.builds import observed_build
from tests.support.content import copy_content
from tests.support.pages import soup as page
from tests.support.serve import served
from typographie.french import apply_text

TITLE = "=1+1 </script><script>alert('titre')</script><img src=x onerror=alert('titre')>"
CATEGORY = "<b onmouseover=alert('rubrique')>Rubrique</b>"
TAGS = ["<i onclick=alert('tag')>étiquette</i>", '" onmouseover="alert(\'tag2\')" x="']
AUTHOR = "Zoé <svg onload=alert('auteur')>"
MERCHANT = "<script>alert('marchand')</script> & \"Cie\" </script><script>alert('m2')</script>"
AUTHOR_NAME = "<script>alert('profil')</script>"
BIO = "\"><img src=x onerror=alert('bio')>"
SUMMARY = "<script>alert('résumé')</script> résumé"
NOTE = "</script><script>alert('note')</script>"
ITEM = "<img src=x onerror=alert('article')>"
SLUG = "temoignage-hostile"


def yaml_quoted(text: str) -> str:
    """A single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


TESTIMONY = f"""---
title: {yaml_quoted(TITLE)}
date: 2020-05-04 10:00
category: {yaml_quoted(CATEGORY)}
tags: [{", ".join(yaml_quoted(t) for t in TAGS)}]
author: {yaml_quoted(AUTHOR)}
slug: {SLUG}
summary: {yaml_quoted(SUMMARY)}
testimony:
  merchant: hostile
  fictional: true
  experience_date: 2020-03-01
  order: {{date: 2020-03-01, item: {yaml_quoted(ITEM)}, amount: {{value: 50, currency: EUR}}, channel: web}}
  delivery: {{carrier: {yaml_quoted(NOTE)}, mode: home}}
  issues: [delivery.lost]
  events:
    - {{date: 2020-03-01, actor: consumer, kind: order, channel: web}}
    - {{date: 2020-03-10, actor: consumer, kind: complaint, channel: email, note: {yaml_quoted(NOTE)}}}
    - {{date: 2020-03-12, actor: merchant, kind: merchant_answer, channel: email, note: {yaml_quoted(NOTE)}}}
    - {{date: 2020-05-12, actor: merchant, kind: merchant_reply, channel: email, note: {yaml_quoted(NOTE)}}}
  outcome: {{status: open, resolution: none, recovered: {{value: 0, currency: EUR}}, as_of: 2020-05-12}}
  lessons: [keep_written_records]
  verification: {{documents_seen: false, by: editor}}
---
*Exemple fictif.* Un colis perdu, une réclamation, une réponse.

La suite du récit.
"""

MERCHANT_PROFILE = f"""---
name: {yaml_quoted(MERCHANT)}
website: https://hostile.example/
fictional: true
---
Marchand fictif pour les tests.
"""

AUTHOR_PROFILE = f"""---
name: {yaml_quoted(AUTHOR_NAME)}
bio: {yaml_quoted(BIO)}
---
"""

ALLOWED_SCRIPT_TYPES = {"application/ld+json"}


def author_slug() -> str:
    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    return slugify(AUTHOR, regex_subs=subs)


# sections come from the settings (the validator refuses any other category): the
# hostile one is added there, so that its escaping is tested where it lands
HOSTILE_SECTIONS = {"COMPLAINTS_SECTIONS": json.dumps([*DEFAULT_SECTIONS, CATEGORY])}


URL_PAYLOADS = {
    "merchants/hostile.md": MERCHANT_PROFILE.replace(
        "website: https://hostile.example/",
        "website: 'https://e.x/\" onmouseover=\"alert(1)\" x=\"'\nlogo: 'javascript:alert(2)'",
    ),
    "authors/{author}.md": AUTHOR_PROFILE.replace(
        "---\n", "---\nwebsite: 'https://e.x/\"><script>alert(3)</script>'\n", 1
    ),
    # a logo must be a file of content/: this one exists, so the URL reaches the theme
    "javascript:alert(2)": "<svg xmlns='http://www.w3.org/2000/svg'/>",
}


def make_hostile_copy(root: Path, profiles: dict[str, str]) -> Path:
    """Only content/ is copied: builds run the project's own settings, plugins and theme."""
    content = copy_content(root / "content")
    (content / "temoignages/temoignages" / f"{SLUG}.md").write_text(TESTIMONY, encoding="utf-8")
    for relative, text in profiles.items():
        (content / relative.format(author=author_slug())).write_text(text, encoding="utf-8")
    return content


@dataclass(frozen=True)
class Hostile:
    """The hostile copy built and served; ``refused``: the build log if the validator
    refused the hostile URLs (the copy is then built with the text payloads only)."""

    site: Path
    base_url: str
    refused: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    """The hostile copy built with publishconf.py and served on 127.0.0.1 (free port)."""
    root = tmp_path_factory.mktemp("hostile")
    output = root / "output"
    content = make_hostile_copy(root, URL_PAYLOADS)
    with served(output) as base_url:
        build = {"siteurl": base_url, "content": content, "extra": HOSTILE_SECTIONS}
        result, _report = observed_build(output, what="hostile copy, served", **build)
        refused = ""
        if result.returncode != 0:
            refused = result.stdout + result.stderr
            assert not (output / "index.html").exists()
            shutil.rmtree(root / "content")
            profiles = {
                "merchants/hostile.md": MERCHANT_PROFILE,
                "authors/{author}.md": AUTHOR_PROFILE,
            }
            make_hostile_copy(root, profiles)  # the same folder, without the URL payloads
            result, _report = observed_build(output, what="hostile copy, served", **build)
        assert result.returncode == 0, result.stdout + result.stderr
        yield Hostile(output, base_url, refused)


@pytest.fixture(scope="module")
def hostile_site(hostile: Hostile) -> tuple[Path, str]:
    return hostile.site, hostile.base_url


def test_no_injected_element_or_attribute_in_any_page(hostile_site) -> None:
    site, base_url = hostile_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = page(site, path.relative_to(site).as_posix())
        where = path.relative_to(site).as_posix()
        for script in soup.find_all("script"):
            if script.get("src"):
                assert script["src"].startswith(f"{base_url}/theme/"), (where, script)
            else:
                assert script.get("type") in ALLOWED_SCRIPT_TYPES, (where, script)
                json.loads(script.string)  # a "</script>" in a value would break it
        for element in soup.find_all(True):
            events = [name for name in element.attrs if name.lower().startswith("on")]
            assert not events, (where, element.name, events)
            for name in ("href", "src"):
                value = str(element.get(name, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (where, element)
        assert not soup.find_all(["svg", "img"], src="x"), where
        assert not soup.find_all(["i", "b"], onclick=True), where


def test_the_hostile_text_is_shown_as_text(hostile_site) -> None:
    site, _ = hostile_site
    testimony = page(site, f"2020/05/{SLUG}/index.html")
    heading = testimony.h1.get_text()
    assert "</script><script>alert(" in heading and "<img src=x onerror=" in heading
    text = testimony.get_text()
    for shown in ("</script><script>alert(", "<img src=x onerror=alert(", "Rubrique</b>"):
        assert shown in text, shown
    assert "<svg onload=alert(" in testimony.select_one(".byline").get_text()
    nav = " ".join(a.get_text() for a in testimony.select(".site-nav a"))
    assert CATEGORY in nav  # the section lands in the navigation of every page
    merchant = page(site, "marchands/hostile/index.html")
    assert merchant.h1.get_text() == apply_text(MERCHANT)  # names are typeset, then escaped
    assert (
        apply_text("alert('marchand') & \"Cie\"") in merchant.title.get_text()
    )  # |striptags: text only
    author = page(site, f"auteurs/{author_slug()}/index.html")
    assert AUTHOR_NAME in author.h1.get_text()
    assert "<img src=x onerror=" in author.select_one(".author-bio").get_text()
    description = testimony.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("<script>alert(")  # the summary's text, as text
    card = page(site, "index.html").find("a", href=lambda h: h and SLUG in h)
    assert card is not None and "</script>" in card.get_text()
    summary = card.find_parent("article").select_one(".card-summary")
    assert "<script>alert(" in summary.get_text() and not summary.find("script")


def test_jsonld_carries_the_text_and_cannot_be_closed(hostile_site) -> None:
    site, _ = hostile_site
    raw = (site / f"2020/05/{SLUG}/index.html").read_text(encoding="utf-8")
    assert raw.count("</script>") == raw.count("<script")  # no value closes a script
    soup = BeautifulSoup(raw, "lxml")
    (block,) = soup.select('script[type="application/ld+json"]')
    data = json.loads(block.string)
    assert "</script><script>alert(" in data["headline"]
    assert data["about"]["name"] == apply_text(MERCHANT)


def test_feeds_parse_and_link_inside_the_site(hostile_site) -> None:
    site, base_url = hostile_site
    feeds = sorted((site / "feeds").rglob("*.xml"))
    assert feeds
    for path in feeds:
        tree = etree.parse(str(path))  # well-formed XML despite the payloads
        links = tree.xpath("//*[local-name()='link']/@href | //*[local-name()='link']/text()")
        for link in links:
            assert link.startswith(base_url), (path.name, link)
    atom = etree.parse(str(site / "feeds/all.atom.xml"))
    titles = atom.xpath("//*[local-name()='entry']/*[local-name()='title']/text()")
    assert any("alert('titre')" in t for t in titles)


def test_the_csv_title_cannot_run_as_a_formula(hostile_site) -> None:
    site, _ = hostile_site
    with (site / "donnees/temoignages.csv").open(encoding="utf-8", newline="") as stream:
        rows = [r for r in csv.DictReader(stream) if SLUG in r["url"]]
    (row,) = rows
    assert row["title"].startswith("'=1+1")
    for cell in (v for r in rows for v in r.values()):
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


@pytest.mark.quality
def test_no_alert_fires_in_chromium(hostile_site, browser) -> None:
    """The testimony, merchant and author pages, with every element hovered and clicked."""
    _, base_url = hostile_site
    fired: list[str] = []

    def on_dialog(dialog) -> None:
        fired.append(dialog.message)
        dialog.dismiss()

    context = browser.new_context()
    try:
        context.add_init_script(
            "for (const name of ['alert', 'confirm', 'prompt'])"
            " window[name] = (m) => { window.__fired = (window.__fired || []).concat(String(m)); };"
        )
        for rel in (f"2020/05/{SLUG}/", "marchands/hostile/", f"auteurs/{author_slug()}/"):
            tab = context.new_page()
            tab.on("dialog", on_dialog)
            response = tab.goto(f"{base_url}/{rel}", wait_until="load")
            assert response is not None and response.ok, rel
            tab.evaluate(
                "() => { for (const e of document.querySelectorAll('body *')) {"
                " for (const type of ['mouseover', 'mouseenter', 'focus', 'click'])"
                "  e.dispatchEvent(new Event(type, {bubbles: true, cancelable: true})); } }"
            )
            tab.wait_for_timeout(200)
            fired.extend(tab.evaluate("() => window.__fired || []"))
            tab.close()
    finally:
        context.close()
    assert fired == []


def test_hostile_urls_in_profiles_are_refused_or_harmless(hostile: Hostile) -> None:
    """Profile URLs reach href/src: a validator may refuse them (file + field named);
    whatever it accepts must render without a new attribute or a script URL."""
    if hostile.refused:  # refused: the profile is named, nothing was written
        log = hostile.refused
        assert "merchants/hostile.md" in log or f"authors/{author_slug()}.md" in log, log
        return
    output = hostile.site
    for rel in ("marchands/hostile/index.html", f"auteurs/{author_slug()}/index.html"):
        soup = page(output, rel)
        for element in soup.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (rel, element)
            for name in ("href", "src"):
                assert not str(element.get(name, "")).lower().startswith("javascript:"), element
        assert all(s.get("type") == "application/ld+json" or s.get("src") for s in soup("script"))
    merchant = page(output, "marchands/hostile/index.html")
    assert merchant.find("a", href='https://e.x/" onmouseover="alert(1)" x="') is not None
    assert merchant.select_one("img.merchant-logo") is None  # a javascript: logo is dropped
