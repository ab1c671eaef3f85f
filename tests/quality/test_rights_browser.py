"""« Vos droits, vos délais » in a real browser (Playwright driving Debian's chromium)
on the production site served on 127.0.0.1: the form gives the same answers and the
same letters as the Python rules, for the worked cases (typed in the form) and for
every boundary day (asked of the page's script); nothing typed leaves the browser;
axe finds nothing once results are shown; without JavaScript the page still teaches."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from complaints.domain import consumer_law as law
from complaints.present import rights_tool
from tests.support.rights_cases import CASES, LETTER_FIELDS
from tests.support.tools import AXE_JS, VNU_JAR, require_executable, require_file

pytestmark = pytest.mark.quality

PAGE = "vos-droits/"


@pytest.fixture(scope="module")
def tab(browser, site_url: str) -> Iterator[tuple[Any, list[str]]]:
    """The page loaded with its script; the list of every request made after loading."""
    context = browser.new_context(locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{PAGE}")
    page.wait_for_function("() => !document.getElementById('calculateur').hidden")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    assert not errors, errors
    context.close()


def fill_form(page, situation: str, inputs: dict[str, str]) -> None:
    """Type ``inputs`` in the form as a reader does, then press « Calculer »."""
    page.check(f"#vd-s-{situation}")
    for element in page.query_selector_all("#vd-form input:not([type=radio]), #vd-form textarea"):
        name = element.get_attribute("name")
        if not element.is_visible():  # another situation's fields: the script ignores them
            continue
        if element.get_attribute("type") == "checkbox":
            element.set_checked(inputs.get(name) == "oui")
        else:
            element.fill(inputs.get(name, ""))
    if page.is_visible("#vd-remedy"):
        page.select_option("#vd-remedy", inputs.get("remedy", "la réparation"))
    page.click("#vd-form button[type=submit]")


def shown_facts(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#vd-resultat li[data-key]",
        """items => items.map(li => {
            const value = li.querySelector('time, data');
            return {key: li.dataset.key,
                    value: value.getAttribute('datetime') || value.getAttribute('value'),
                    text: value.textContent,
                    passed: li.textContent.includes('(dépassé)'),
                    href: li.querySelector('a').href};
        })""",
    )


def expected_facts(found: rights_tool.Answer) -> list[dict]:
    return [
        {
            "key": fact.key,
            "value": fact.value,
            "text": fact.text,
            "passed": bool(fact.passed),
            "href": rights_tool.legifrance_url(fact.article),
        }
        for fact in found.facts
    ]


@pytest.mark.parametrize("case", CASES, ids=[case["why"] for case in CASES])
def test_the_form_answers_as_the_rules(tab, case: dict) -> None:
    page, _ = tab
    inputs = LETTER_FIELDS | case["inputs"]
    fill_form(page, case["situation"], inputs)
    found = rights_tool.answer(case["situation"], inputs)
    assert shown_facts(page) == expected_facts(found)
    assert page.inner_text("#vd-resultat .next-step") == found.next_step
    letter = page.input_value("#vd-lettre")
    assert letter == found.letter
    assert "[" not in letter and "Camille Exemple" in letter


def _boundary_inputs() -> list[tuple[str, dict[str, str]]]:
    """Every day late from the deadline to past the scales' last step, leap days."""
    start = date(2028, 2, 1)  # deadlines and delays across 29 February 2028
    asked = []
    for late in [*range(-2, 130), 359, 360, 361, 390, 391, 392, 800]:
        for situation, days, field in (
            ("annulation", law.CANCELLATION_REFUND_DAYS, "cancel_date"),
            ("retractation", law.WITHDRAWAL_REFUND_DAYS, "notice_date"),
        ):
            today = start + timedelta(days=days + late)
            inputs = {field: start.isoformat(), "amount": "333,33", "today": today.isoformat()}
            asked.append((situation, inputs))
    for first in (date(2028, 1, 28) + timedelta(days=n) for n in range(5)):
        asked.append(("livraison", {"order_date": first.isoformat(), "today": "2028-02-29"}))
    for delivered in ("2024-02-29", "2024-02-28", "2025-02-28", "2027-03-29"):
        for second_hand in ("", "oui"):
            asked.append(
                (
                    "conformite",
                    {
                        "delivery_date": delivered,
                        "second_hand": second_hand,
                        "request_date": "2026-02-28",
                        "today": "2026-03-30",
                    },
                )
            )
    return asked


def test_every_boundary_day_gives_the_same_answer(tab) -> None:
    page, _ = tab
    asked = _boundary_inputs()
    answers = page.evaluate(
        """asked => asked.map(([s, i]) => {
            const a = window.vosDroits.answer(s, i);
            return {facts: a.facts.map(f => ({key: f.key, value: f.value, text: f.text,
                                              passed: !!f.passed})),
                    states: a.states.slice().sort(), letter: window.vosDroits.letterText(a)};
        })""",
        [list(item) for item in asked],
    )
    assert len(answers) == len(asked) > 250
    for (situation, inputs), shown in zip(asked, answers, strict=True):
        found = rights_tool.answer(situation, inputs)
        expected = [
            {"key": f.key, "value": f.value, "text": f.text, "passed": bool(f.passed)}
            for f in found.facts
        ]
        assert shown["facts"] == expected, (situation, inputs)
        assert shown["states"] == sorted(found.states), (situation, inputs)
        assert shown["letter"] == found.letter, (situation, inputs)


def test_nothing_typed_leaves_the_browser(tab) -> None:
    page, requests = tab
    case = next(c for c in CASES if c["situation"] == "annulation")
    fill_form(page, case["situation"], LETTER_FIELDS | case["inputs"])
    with page.expect_download() as caught:
        page.click("#vd-telecharger")
    download = caught.value
    assert download.suggested_filename == "lettre.txt"
    with open(download.path(), encoding="utf-8") as saved:
        assert saved.read() == page.input_value("#vd-lettre")
    assert [url for url in requests if url.startswith(("http:", "https:"))] == []
    stored = page.evaluate(
        "() => [localStorage.length, sessionStorage.length, document.cookie, location.search]"
    )
    assert stored == [0, 0, "", ""]
    assert "ne quitte votre navigateur" in page.inner_text("#confidentialite")


def test_axe_finds_nothing_with_results_and_letter_shown(tab) -> None:
    page, _ = tab
    case = next(c for c in CASES if c["expected"].get("percent") == "100")  # capped, interest
    fill_form(page, case["situation"], LETTER_FIELDS | case["inputs"])
    assert page.is_visible("#vd-lettre")
    page.add_script_tag(path=str(require_file(AXE_JS, "axe-core (npm package axe-core)")))
    violations = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
               values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
               resultTypes: ['violations']}).then(r => r.violations.map(v => v.id))"""
    )
    assert violations == []
    assert page.get_attribute("#vd-resultat", "aria-live") == "polite"


def test_the_page_with_results_and_letter_is_valid_html(
    browser, site_url: str, tmp_path: Path
) -> None:
    """The Nu Html Checker on the page as the script leaves it (the site-wide gate reads
    the built files, before any script ran). A page of its own: no axe injected."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE}")
    case = next(c for c in CASES if "remedy_deadline" in c["expected"])
    fill_form(page, case["situation"], LETTER_FIELDS | case["inputs"])
    snapshot = tmp_path / "vos-droits-apres-calcul.html"
    html = page.content()
    assert html.startswith("<!DOCTYPE html>") and 'data-key="remedy_deadline"' in html
    snapshot.write_text(html, encoding="utf-8")
    java = require_executable("java")
    require_file(VNU_JAR, "vnu.jar (npm package vnu-jar)")
    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(snapshot)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    context.close()
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    assert messages == [], messages


def test_without_javascript_the_page_teaches_and_hides_the_form(browser, site_url: str) -> None:
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE}")
    assert not page.is_visible("#calculateur")
    assert page.locator("table.rights-table").count() == 3
    assert page.locator(".worked-example").count() == len(rights_tool.EXAMPLES)
    page.click("details.model-letter summary >> nth=0")
    assert "[date limite que vous fixez]" in page.inner_text("details.model-letter >> nth=0")
    context.close()
