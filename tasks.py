"""Tasks for editors and developers (run with ``invoke TASK``; ``invoke --list``).

The tasks of Pelican's quickstart (clean, build, rebuild, regenerate, serve, reserve,
preview, livereload, publish) plus check, new, new-merchant, vocabulary, cms (the
editors' form), cms-config, test, lint and bench. Every task that produces a site to
publish or to look at runs Pelican in a child process (:mod:`sitebuild.pelican_runner`)
into a fresh folder and only replaces ``output/`` when the build finished and is
complete; Ctrl-C or SIGTERM at any moment leaves ``output/`` as it was and sends
nothing (:mod:`sitebuild.supervisor`).
``livereload``, the editors' preview, is the exception: it keeps the site in memory and
rebuilds ``output/`` in place (:mod:`parallel_build.preview`).
"""

from __future__ import annotations

import datetime
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

from sitebuild.publishing import rsync_command
from sitebuild.supervisor import (
    Interrupted,
    SignalGuard,
    fresh_build,
    replace_output,
    report_interrupt,
)

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))  # the complaints plugin's Pelican-free modules
SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(str(ROOT / SETTINGS_FILE_BASE))}

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": "publishconf.py",
    "content_path": SETTINGS["PATH"],
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "host": os.environ.get("HOST", "localhost"),
    "port": int(os.environ.get("PORT", "8000")),
}

PYTHON = shlex.quote(sys.executable)
DEPLOY = ROOT / CONFIG["deploy_path"]
UNTOUCHED = f"{CONFIG['deploy_path']}/ n'a pas été modifié et rien n'a été envoyé."


def build_site(settings_file: str, *, require_plan: bool = False) -> None:
    """Build in a child process into a fresh folder; swap it into output/ if it finished.

    Ctrl-C or SIGTERM at any moment: the child is stopped, the fresh folder removed,
    output/ left as it was, exit status 130 or 143.
    """
    with SignalGuard() as guard:
        try:
            with fresh_build(
                guard, ROOT, DEPLOY, settings_file, require_plan=require_plan
            ) as fresh:
                replace_output(guard, fresh, DEPLOY)
        except Interrupted as stop:
            report_interrupt(stop, UNTOUCHED)
            raise


@task
def clean(c):
    """Remove generated files."""
    shutil.rmtree(DEPLOY, ignore_errors=True)


@task
def build(c):
    """Build the development version of the site into output/."""
    build_site(CONFIG["settings_base"])


@task
def rebuild(c):
    """Build the development version from scratch (output/ replaced only on success)."""
    build(c)


@task
def regenerate(c):
    """Automatically regenerate the site upon file modification (Pelican's -r, for developers)."""
    pelican_main(shlex.split("{content_path} -r -s {settings_base}".format(**CONFIG)))


@task
def serve(c):
    """Serve output/ at http://$HOST:$PORT/ (default localhost:8000)."""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseTCPServer(
        CONFIG["deploy_path"], (CONFIG["host"], CONFIG["port"]), ComplexHTTPRequestHandler
    )
    sys.stderr.write("Serving at http://{host}:{port}/ ...\n".format(**CONFIG))
    server.serve_forever()


@task
def reserve(c):
    """`build`, then `serve`."""
    build(c)
    serve(c)


@task
def preview(c):
    """Build the production version of the site into output/ (nothing is sent)."""
    build_site(CONFIG["settings_publish"])


@task(
    iterable=["extra_settings"],
    help={
        "path": "content folder (default: the settings' PATH), as pelican's PATH argument",
        "output": "output folder (default: the settings' OUTPUT_PATH), as pelican's -o",
        "settings": "settings file (default: pelicanconf.py), as pelican's -s",
        "extra-settings": "KEY=VALUE setting (JSON value), as pelican's -e; repeatable",
    },
)
def livereload(c, path=None, output=None, settings=None, extra_settings=None):
    """Build, serve and reload the browser tab whenever content, theme or plugin change.

    The site stays in memory in a preview process (parallel_build.preview): a save
    builds again in place, re-reading only what changed and writing the saved page
    and its merchant's page first (a save during a build stops it and is served the
    same way). A save that breaks the build shows the problems in the browser tab
    (HTTP 500 page) until the next good save. Settings or plugin code changes start a
    new preview process.
    """
    from parallel_build.preview import BuildResult, PreviewProcess
    from pelican import get_config, parse_arguments

    from sitebuild.live_server import LastBuild, SourceWatcher, live_server

    settings_file = str(Path(settings).resolve()) if settings else CONFIG["settings_base"]
    arguments = [*([path] if path else []), "-s", settings_file]
    arguments += [
        *(["-o", output] if output else []),
        *(["-e", *extra_settings] if extra_settings else []),
    ]
    overrides = get_config(parse_arguments(arguments))
    overrides.pop("DEBUG")
    site = {**DEFAULT_CONFIG, **get_settings_from_file(str(ROOT / settings_file)), **overrides}
    last = LastBuild()
    preview = watcher = None

    def reload_tabs(_early_pages: list[str] | None = None) -> None:
        if watcher is not None:  # the saved page and its merchant's page, before the rest
            watcher.reload_tabs()

    def report(result: BuildResult) -> None:
        if result.superseded:  # a newer save's build follows
            return
        if result.ok:
            last.succeeded()
            print(f"Site construit en {result.seconds} s.", file=sys.stderr)
        else:
            last.failed("".join(f"{line}\n" for line in result.problems or [result.message]))
            sys.stderr.write(last.report)
            print("Corrigez le fichier et enregistrez : la page se rechargera.", file=sys.stderr)
        reload_tabs()

    def build() -> None:
        # returns at once: a save that comes during the build stops it and is served
        preview.request(on_early=reload_tabs, on_result=report)

    def restart_and_build() -> None:
        # settings and plugin code are read once per preview process
        preview.restart()
        build()

    with SignalGuard():
        try:
            preview = PreviewProcess(
                settings_file, cwd=str(ROOT), module="sitebuild.preview_runner", **overrides
            )
            report(preview.build())
            watcher = SourceWatcher(
                [
                    (ROOT / settings_file, restart_and_build),
                    (ROOT / "plugins", restart_and_build),
                    (ROOT / site["THEME"], build),
                    (ROOT / site["PATH"], build),
                ],
                actions_reload_tabs=True,
            )
            server = live_server(last, watcher)
            server.serve(
                host=CONFIG["host"], port=CONFIG["port"], root=str(ROOT / site["OUTPUT_PATH"])
            )
        except Interrupted as stop:
            report_interrupt(stop, f"{site['OUTPUT_PATH']}/ garde les pages écrites jusqu'ici.")
            raise
        finally:
            if preview is not None:
                preview.close(timeout=0)


@task
def publish(c):
    """Build the production site into a fresh folder, check it, then sync it to the target.

    The target (an rsync destination such as ``user@host:/var/www/site/``) comes from
    the environment variable PUBLISH_TARGET or the PUBLISH_TARGET setting of
    publishconf.py. Nothing is sent unless the build finished and every planned file
    exists; rsync puts the new files in place only at the end of the transfer.
    """
    publish_settings = get_settings_from_file(str(ROOT / CONFIG["settings_publish"]))
    target = os.environ.get("PUBLISH_TARGET") or publish_settings.get("PUBLISH_TARGET")
    if not target:
        sys.exit(
            "PUBLISH_TARGET n'est défini ni dans l'environnement ni dans publishconf.py : rien n'a été envoyé."
        )
    sent = False  # once rsync has finished, the new site is online whatever follows
    with SignalGuard() as guard:
        try:
            with fresh_build(
                guard, ROOT, DEPLOY, CONFIG["settings_publish"], require_plan=True
            ) as fresh:
                status, _ = guard.run(rsync_command(fresh, target), ROOT)
                if status != 0:
                    sys.exit(f"rsync a échoué (code {status}) : le site en ligne n'a pas changé.")
                sent = True
                replace_output(guard, fresh, DEPLOY)
        except Interrupted as stop:
            online = (
                "le site en ligne a été mis à jour" if sent else "le site en ligne n'a pas changé"
            )
            report_interrupt(stop, f"{CONFIG['deploy_path']}/ n'a pas été modifié ; {online}.")
            raise


@task
def check(c):
    """Validate every testimony, merchant and author profile without building."""
    c.run(
        f"{PYTHON} -m complaints.check {CONFIG['content_path']}",
        env={"PYTHONPATH": str(ROOT / "plugins")},
        pty=False,
    )


def merchant_profiles() -> dict:
    """The merchant profiles of content/ (a broken profile stops the task, in French)."""
    from complaints.domain.problems import ContentError
    from complaints.editorial.profiles import load_merchants

    try:
        return load_merchants(ROOT / SETTINGS["PATH"] / "merchants")
    except ContentError as error:
        sys.exit("\n".join(str(p) for p in error.problems))


def site_slugify(text: str) -> str:
    from pelican.utils import slugify

    return slugify(text, regex_subs=SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])


@task(
    help={
        "merchant": "slug of the merchant (content/merchants/<slug>.md)",
        "title": "title of the testimony",
        "slug": "file name when the title gives none (letters, digits, hyphens)",
    }
)
def new(c, merchant, title, slug=None):
    """Create a testimony skeleton under content/temoignages/ for an editor to fill in."""
    from complaints.editorial.skeletons import (
        SkeletonRefused,
        checked_slug,
        known_merchant,
        new_testimony_text,
    )

    try:
        slug = checked_slug(title, slug, site_slugify)
        merchant = known_merchant(merchant, merchant_profiles())
    except SkeletonRefused as refusal:
        sys.exit(str(refusal))
    path = ROOT / SETTINGS["PATH"] / "temoignages" / "temoignages" / f"{slug}.md"
    if path.exists():
        sys.exit(f"{path.relative_to(ROOT)} existe déjà : choisissez un autre titre ou --slug.")
    template = (ROOT / "docs" / "testimony-template.md").read_text(encoding="utf-8")
    today = datetime.date.today().isoformat()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        new_testimony_text(template, title=title, slug=slug, merchant=merchant, today=today),
        encoding="utf-8",
    )
    print(
        f"Créé : {path.relative_to(ROOT)} (statut brouillon). Complétez-le puis lancez `invoke check`."
    )


@task(
    name="new-merchant",
    help={
        "slug": "file name of the profile (content/merchants/<slug>.md)",
        "name": "the merchant's name as readers know it",
        "website": "https://… address of the merchant's site",
        "country": "ISO 3166 country code, e.g. FR",
        "fictional": "an invented merchant (sample content)",
    },
)
def new_merchant(c, slug, name, website=None, country=None, fictional=False):
    """Create a merchant profile skeleton under content/merchants/."""
    from complaints.editorial.skeletons import SkeletonRefused, new_merchant_text, valid_slug

    try:
        valid_slug(slug, site_slugify)
    except SkeletonRefused as refusal:
        sys.exit(str(refusal))
    path = ROOT / SETTINGS["PATH"] / "merchants" / f"{slug}.md"
    if path.exists():
        sys.exit(f"{path.relative_to(ROOT)} existe déjà.")
    path.write_text(
        new_merchant_text(name=name, website=website, country=country, fictional=fictional),
        encoding="utf-8",
    )
    print(f"Créé : {path.relative_to(ROOT)}. Complétez la présentation puis lancez `invoke check`.")


@task
def vocabulary(c):
    """Rewrite docs/vocabulaire.md and admin/config.yml (the editing form) from the code."""
    from complaints.editorial.vocabulary_doc import reference

    (ROOT / "docs" / "vocabulaire.md").write_text(reference(), encoding="utf-8")
    print("docs/vocabulaire.md écrit.")
    cms_config(c)


@task
def test(c):
    """Run the whole test suite (unit tests, built-site tests, quality gates)."""
    c.run(f"{PYTHON} -m pytest", pty=False)


@task
def lint(c):
    """Lint and check formatting with ruff; check the import contracts (pyproject.toml)."""
    c.run(f"{PYTHON} -m ruff check .", pty=False)
    c.run(f"{PYTHON} -m ruff format --check .", pty=False)
    lint_imports = shlex.quote(str(Path(sys.executable).parent / "lint-imports"))
    c.run(lint_imports, env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


@task(
    help={
        "sizes": "comma-separated numbers of testimonies (generated corpora)",
        "repeat": "builds per variant",
        "corpus": "comma-separated content folders to measure instead (laid out like content/)",
    }
)
def bench(c, sizes="1000,5000", repeat=3, corpus=""):
    """Run the build benchmark and print the tables of docs/performance.md (many minutes)."""
    chosen = (
        f"--corpus {' '.join(corpus.split(','))}"
        if corpus
        else f"--sizes {' '.join(sizes.split(','))}"
    )
    c.run(f"{PYTHON} benchmarks/run.py {chosen} --reps {repeat}", pty=False)


def cms_site(backend_url: str | None = None):
    """Where the editing form reads and writes, from the site's settings."""
    from complaints.edge.settings import setting, site_slugify
    from complaints.outputs.cms_config import Site

    content = Path(SETTINGS["PATH"]).name
    articles = (SETTINGS.get("ARTICLE_PATHS") or ["temoignages"])[0]
    slug = site_slugify(SETTINGS)
    more = {"backend_url": backend_url} if backend_url else {}
    return Site(
        sections=[
            (name, f"{content}/{articles}/{slug(name)}")
            for name in setting(SETTINGS, "COMPLAINTS_SECTIONS")
        ],
        merchants_folder=f"{content}/{setting(SETTINGS, 'COMPLAINTS_MERCHANTS_DIR')}",
        authors_folder=f"{content}/{setting(SETTINGS, 'COMPLAINTS_AUTHORS_DIR')}",
        logos_folder=f"{content}/images/marchands",
        logos_public="images/marchands",
        **more,
    )


@task(name="cms-config")
def cms_config(c):
    """Rewrite admin/config.yml, the editing form, from the testimony schema and settings."""
    from complaints.outputs.cms_config import config_text

    (ROOT / "admin" / "config.yml").write_text(config_text(cms_site()), encoding="utf-8")
    print("admin/config.yml écrit.")


@task(
    help={
        "host": "address of the form and its backend: 127.0.0.1 only (any other is refused)",
        "port": "port of the admin page (default $CMS_PORT or 8080; the backend: the next one)",
    }
)
def cms(c, host="127.0.0.1", port=None):
    """Open the editing form: Decap CMS at http://127.0.0.1:8080/ and the live preview.

    Starts Decap CMS's local backend (node_modules/decap-server, bound to 127.0.0.1:
    it writes into content/ without a password), the admin page (admin/, with the
    bundle of node_modules) and `invoke livereload`; Ctrl-C stops all three.
    """
    from sitebuild import cms as form

    port = int(port or os.environ.get("CMS_PORT", "8080"))
    try:
        backend = form.start_backend(ROOT, ROOT, port + 1, host)
    except form.CmsRefused as refusal:
        sys.exit(str(refusal))
    admin = None
    try:
        url = form.backend_url(port + 1)
        form.wait_until_up(url, backend)
        admin = form.admin_server(ROOT, port, url, host)
        form.serve_in_background(admin)
        print(
            f"Formulaire : http://{form.LOOPBACK}:{port}/\n"
            f"Aperçu du site : http://{CONFIG['host']}:{CONFIG['port']}/\n"
            "Ctrl-C pour tout arrêter.",
            file=sys.stderr,
        )
        livereload(c)
    except form.CmsRefused as refusal:
        sys.exit(str(refusal))
    finally:
        if admin is not None:
            admin.shutdown()
            admin.server_close()
        form.stop(backend)
