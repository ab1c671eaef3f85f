"""The editing form in a real browser (Debian's chromium): Decap CMS writing into project
copies through its local backend, as an editor uses it after `invoke cms`."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from complaints.editorial.frontmatter import read_front_matter
from tests.support.builds import SessionSite, build_site
from tests.support.cms import Form, free_port, logged_in, running_form
from tests.support.content import copy_project
from tests.support.corpus import stable_differences
from tests.support.sample import CONTENT, PIXMANIA, ROOT
from tests.support.tasks import run_invoke, start_task, task_env

SAMPLES = sorted(
    str(path.relative_to(CONTENT))
    for folder in ("temoignages", "merchants", "authors")
    for path in (CONTENT / folder).rglob("*.md")
)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="module")
def requests_made() -> list[str]:
    """Every URL the admin pages of this module asked for."""
    return []


@pytest.fixture(scope="module")
def page(browser: Any, requests_made: list[str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1300, "height": 1000}, locale="fr-FR")
    context.on("request", lambda request: requests_made.append(request.url))
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


@pytest.fixture(scope="module")
def full_form(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Form]:
    """The form writing into a copy of the project with the whole sample content."""
    with running_form(copy_project(tmp_path_factory.mktemp("cms-full") / "project")) as form:
        yield form


@pytest.fixture(scope="module")
def tiny_form(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Form]:
    """The form writing into a project copy with Pixmania, one author, one testimony."""
    project = copy_project(tmp_path_factory.mktemp("cms-tiny") / "project", tiny=True)
    with running_form(project) as form:
        yield form


def _changed(path: Path, before: str, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.is_file() and path.read_text(encoding="utf-8") != before:
            time.sleep(0.1)  # written in place: let it finish
            return path.read_text(encoding="utf-8")
        time.sleep(0.05)
    raise AssertionError(f"{path} was not saved")


def _publish(page: Any, *, wait: bool = False) -> None:
    page.get_by_role("button", name="Publier", exact=True).click()
    page.get_by_text("Publier maintenant", exact=True).click()
    if wait:  # until the form shows the entry saved
        page.get_by_role("button", name="Publiée", exact=True).wait_for()


def _identifier(relative: str) -> str:
    return "Titre" if relative.startswith("temoignages/") else "Nom"


def test_every_sample_file_round_trips_through_the_form(
    page: Any, full_form: Form, development: SessionSite, tmp_path: Path
) -> None:
    """Opened and saved (a change, then the change undone): the same data, the same
    body, and the built site is byte for byte the session's development build."""
    logged_in(page, full_form)
    content = full_form.project / "content"
    for relative in SAMPLES:
        path = content / relative
        original = path.read_text(encoding="utf-8")
        page.goto(full_form.entry_url(relative))
        page.reload()  # the form keeps the last entry's editor on a change of address alone
        before = read_front_matter(original, relative)
        field = page.get_by_label(_identifier(relative), exact=True)
        name = str(before.data.get("title") or before.data.get("name"))
        expect(field).to_have_value(name)  # this entry's form, not the last one's
        field.press("End")
        field.type(" x")
        _publish(page, wait=True)
        changed = _changed(path, original)
        page.reload()  # the form compares with the entry as it opened it
        field = page.get_by_label(_identifier(relative), exact=True)
        expect(field).to_have_value(name + " x")
        field.press("End")
        field.press("Backspace")
        field.press("Backspace")
        _publish(page, wait=True)
        saved = _changed(path, changed)
        after = read_front_matter(saved, relative)
        assert after.data == before.data, relative
        assert after.body == before.body, relative
    output = tmp_path / "output"
    result = build_site(output, settings="pelicanconf.py", content=content, siteurl=development.url)
    assert result.returncode == 0, result.stderr
    assert stable_differences(development.output, output) == []  # pagefind/: never stable


def _labelled(page: Any, label: str) -> Any:
    """The fields labelled ``label`` (an optional field's label ends with « (optionnel) »)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(optionnel\))?$"))


def _choose(page: Any, label: str, option: str, nth: int = 0) -> None:
    """Pick ``option`` in the select (or relation) field labelled ``label``."""
    box = _labelled(page, label).nth(nth)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).first.click()


def _add_event(page: Any, kind: str) -> None:
    page.get_by_role("button", name=re.compile("Ajouter une entrée de type chronologie")).click()
    page.get_by_role("menuitem", name=kind, exact=True).click()


def test_a_new_testimony_written_in_the_form_is_published(page: Any, tiny_form: Form) -> None:
    logged_in(page, tiny_form)
    page.goto(tiny_form.new_url("temoignages/temoignages"))
    _labelled(page, "Titre").fill("Pixmania : une tablette jamais remboursée")
    _labelled(page, "Nom de la page (slug)").fill("pixmania-tablette-jamais-remboursee")
    _labelled(page, "Date de publication").fill("2024-09-02 09:30")
    _labelled(page, "Étiquettes").fill("remboursement, service client")
    _choose(page, "Auteur", "Allo C'Est Fini")
    _labelled(page, "Résumé").fill(
        "Une tablette renvoyée en mars, un remboursement promis par téléphone et jamais versé."
    )
    _choose(page, "Marchand", "Pixmania")
    _labelled(page, "Date de l'expérience").fill("2024-03")
    _labelled(page, "Date de la commande").fill("2024-03")
    _labelled(page, "Objet commandé").fill("tablette tactile")
    _labelled(page, "Valeur").first.fill("349.90")
    _labelled(page, "Devise").first.fill("EUR")
    _choose(page, "Problèmes", "remboursement non versé")
    _choose(page, "Problèmes", "pas de réponse du service client")
    for kind, date, actor in (
        ("Commande", "2024-03", "Consommateur"),
        ("Réclamation", "2024-04-02", "Consommateur"),
        ("Promesse", "2024-04..2024-05", "Marchand"),
    ):
        _add_event(page, kind)
        dates = _labelled(page, "Date")
        dates.nth(dates.count() - 1).fill(date)
        actors = _labelled(page, "Acteur")
        _choose(page, "Acteur", actor, nth=actors.count() - 1)
    _choose(page, "État du dossier", "en cours")
    _labelled(page, "État au").fill("2024-09-01")
    body = page.locator("[contenteditable=true]").last  # the raw Markdown editor
    body.click()
    body.type("Le lecteur renvoie sa tablette en mars. Le remboursement promis n'arrive jamais.")
    path = (
        tiny_form.project / "content/temoignages/temoignages/pixmania-tablette-jamais-remboursee.md"
    )
    _publish(page)
    _changed(path, "")
    checked = run_invoke(tiny_form.project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    output = tiny_form.project / "output-cms"
    result = build_site(output, settings="pelicanconf.py", content=tiny_form.project / "content")
    assert result.returncode == 0, result.stderr
    html = (output / "2024/09/pixmania-tablette-jamais-remboursee/index.html").read_text()
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.S)
    assert timeline and timeline.group(1).count('class="timeline-event') == 3
    merchant = (output / "marchands/pixmania/index.html").read_text()
    assert "tablette jamais remboursée" in merchant.replace("\u00a0", " ")


def test_clearing_an_optional_field_keeps_the_testimony_valid(page: Any, tiny_form: Form) -> None:
    logged_in(page, tiny_form)
    path = tiny_form.project / "content" / PIXMANIA
    before = path.read_text(encoding="utf-8")
    page.goto(tiny_form.entry_url(PIXMANIA))
    _labelled(page, "Résumé").fill("")
    _labelled(page, "Transporteur").fill("")
    _publish(page)
    data = read_front_matter(_changed(path, before), PIXMANIA).data
    assert "summary" not in data and "carrier" not in data["testimony"].get("delivery", {})
    checked = run_invoke(tiny_form.project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_wrong_event_date_shows_the_french_message(page: Any, tiny_form: Form) -> None:
    logged_in(page, tiny_form)
    path = tiny_form.project / "content" / PIXMANIA
    before = path.read_text(encoding="utf-8")
    page.goto(tiny_form.entry_url(PIXMANIA))
    _labelled(page, "Date").nth(1).fill("13/07/2008")
    _publish(page)
    page.get_by_text(re.compile("Date : AAAA-MM-JJ \\(jour\\)")).first.wait_for()
    time.sleep(0.5)
    assert path.read_text(encoding="utf-8") == before


def test_the_admin_page_asks_nothing_outside_localhost(
    page: Any, tiny_form: Form, requests_made: list[str]
) -> None:
    logged_in(page, tiny_form)
    page.goto(tiny_form.entry_url(PIXMANIA))
    _labelled(page, "Titre").wait_for()
    outside = {url for url in requests_made if urlsplit(url).hostname not in LOOPBACK_HOSTS}
    assert requests_made and not {u for u in outside if not u.startswith(("data:", "blob:"))}


def test_the_backend_listens_on_the_loopback_only(tiny_form: Form) -> None:
    port = int(urlsplit(tiny_form.backend).port)
    listening = [
        line.split()[1]
        for table in ("/proc/net/tcp", "/proc/net/tcp6")
        for line in Path(table).read_text().splitlines()[1:]
        if line.split()[3] == "0A" and int(line.split()[1].rsplit(":", 1)[1], 16) == port
    ]
    assert listening == [f"0100007F:{port:04X}"]


def test_invoke_cms_refuses_another_address(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", tiny=True)
    refused = run_invoke(project, "cms", "--host", "0.0.0.0", timeout=60)
    assert refused.returncode == 1
    assert "n'écoute que sur cette machine (127.0.0.1)" in refused.stderr
    assert "Traceback" not in refused.stderr
    shutil.rmtree(project)


def _answers(url: str, text: str, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def _closed(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


def test_invoke_cms_starts_the_form_and_the_preview_and_ctrl_c_stops_all(
    page: Any, tmp_path: Path
) -> None:
    """The two printed addresses answer; a mistake the form cannot see (an event dated
    before the previous one) reaches the preview's page as a French problem line."""
    project = copy_project(tmp_path / "project", tiny=True)
    shutil.copytree(ROOT / "admin", project / "admin")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    admin, preview = free_port(), free_port()
    env = task_env(HOST="127.0.0.1", PORT=str(preview), CMS_PORT=str(admin))
    task = start_task(project, "cms", env)
    testimony = f"http://127.0.0.1:{preview}/2009/07/pixmania-camescope-livre-chez-un-autre/"
    try:
        assert _answers(f"http://127.0.0.1:{admin}/", "decap-cms.js")
        assert _answers(f"http://127.0.0.1:{admin}/config.yml", f":{admin + 1}/api/v1")
        assert _answers(testimony, "Pixmania")
        form = Form(f"http://127.0.0.1:{admin}/", project, "")
        logged_in(page, form)
        page.goto(form.entry_url(PIXMANIA))
        page.reload()
        _labelled(page, "Date").nth(1).fill("2008-06")  # events[2], before the order (2008-07-13)
        _publish(page, wait=True)
        deadline = time.monotonic() + 60
        while (shown := _status(testimony))[0] != 500 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert shown[0] == 500 and "La construction a échoué" in shown[1]
        assert "testimony.events[2].date" in shown[1] and "ordre chronologique" in shown[1]
        assert "Traceback" not in shown[1]
    finally:
        printed = task.interrupt(signal.SIGINT)
    assert task.returncode == 130, printed
    assert f"Formulaire : http://127.0.0.1:{admin}/" in printed
    assert f"Aperçu du site : http://127.0.0.1:{preview}/" in printed
    assert all(_closed(port) for port in (admin, admin + 1, preview)), printed
    assert "Traceback" not in printed
