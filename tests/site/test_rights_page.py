"""« Vos droits, vos délais » in the built site, read as a reader without JavaScript:
the tables and examples from the rules, the letters with blanks, the links to it, the
data its script reads, and a script that cannot send or store anything."""

from __future__ import annotations

import json
import re
from pathlib import Path

from complaints.present import rights_tool
from tests.support.pages import soup, visible_text
from tests.support.sample import ROOT

PAGE = "vos-droits/index.html"
SCRIPT = ROOT / "theme" / "static" / "js" / "vos-droits.js"


def test_the_page_teaches_without_its_script(built_site: Path) -> None:
    page = soup(built_site, PAGE)
    main = page.select_one("main")
    assert visible_text(main.h1).replace("\u00a0", " ") == "Vos droits, vos délais"
    assert main.select_one("#calculateur").has_attr("hidden")
    text = visible_text(main).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Rien de ce que vous saisissez ne quitte votre navigateur" in text
    assert "Informations juridiques vérifiées le 6 décembre 2026" in text
    for old in ("L121-20-3", "L121-20-1", "L114-1", "article 1139 du Code civil"):
        assert old in text
    tables = main.select("table.rights-table")
    rows = [
        [visible_text(cell) for cell in row.select("th, td")]
        for row in tables[0].tbody.select("tr")
    ]
    assert [row[0] for row in rows] == [situation for situation, _, _ in rights_tool.deadlines()]
    cancellation = [
        [visible_text(c) for c in r.select("th, td")] for r in tables[1].tbody.select("tr")
    ]
    assert cancellation == [list(row) for row in rights_tool.scales()[0]["rows"]]
    assert "L241-4" in visible_text(tables[1].caption) and "L242-4" in visible_text(
        tables[2].caption
    )
    examples = main.select(".worked-example")
    assert len(examples) == len(rights_tool.EXAMPLES)
    assert "300\u00a0€" in visible_text(examples[1])  # 250 € refunded 22 days late: +20 %
    letters = main.select("details.model-letter")
    assert [visible_text(d.summary) for d in letters] == [
        letter.title for letter in rights_tool.letters_file().letters
    ]
    for letter in letters:
        words = visible_text(letter)
        assert "[" in words and "{" not in words


def test_every_figure_names_its_article_with_a_legifrance_link(built_site: Path) -> None:
    main = soup(built_site, PAGE).select_one("main")
    links = [a for a in main.select("a") if visible_text(a).startswith("article L")]
    assert len(links) > 12
    for link in links:
        number = visible_text(link).removeprefix("article ")
        assert link["href"] == rights_tool.legifrance_url(number)


def test_the_script_reads_the_rules_generated_from_python(built_site: Path) -> None:
    page = soup(built_site, PAGE)
    data = json.loads(page.select_one("script#vd-donnees[type='application/json']").string)
    assert data == json.loads(json.dumps(rights_tool.page_data()))
    (script,) = [s for s in page.select("script[src]") if "vos-droits" in s["src"]]
    assert script.has_attr("defer")
    assert (built_site / "theme" / "js" / "vos-droits.js").read_bytes() == SCRIPT.read_bytes()
    assert page.select_one("form#vd-form").get("action") is None


def test_the_script_restates_no_rule_and_cannot_send_or_store() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    code = re.sub(r"//.*", "", source)
    for call in (
        "fetch(",
        "XMLHttpRequest",
        "sendBeacon",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "document.cookie",
        "WebSocket",
        ".submit(",
    ):
        assert call not in code, call
    bare = re.sub(r'"[^"\n]*"', '""', code)  # numbers outside strings: no deadline, no rate
    numbers = {int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.])", bare)}
    assert numbers <= {0, 1, 2, 3, 4, 10, 12, 50, 100, 1000, 86400000}, numbers
    assert not {14, 15, 20, 30, 31, 60, 90} & numbers


def test_every_que_faire_and_the_front_page_link_to_it(built_site: Path) -> None:
    advice = list(built_site.glob("20*/*/*/index.html"))
    linked = 0
    for path in advice:
        section = soup(built_site, str(path.relative_to(built_site))).select_one(
            "section.next-steps"
        )
        if section is None:
            continue
        hrefs = [a["href"] for a in section.select("a")]
        assert any(href.endswith("/vos-droits/") for href in hrefs), path
        linked += 1
    assert linked > 5
    front = soup(built_site, "index.html")
    assert front.select_one("section.rights-tool a[href$='/vos-droits/']")
    assert front.select_one("footer a[href$='/vos-droits/']")
