"""Tasks for editors and developers (run with ``invoke TASK``; ``invoke --list``).

The tasks of Pelican's quickstart (clean, build, rebuild, regenerate, serve, reserve,
preview, livereload, publish) plus check, new, test, lint and bench. Every task that
produces a site to look at or to publish builds into a fresh folder first and only
replaces ``output/`` when the build succeeded, so a failed build never leaves a
half-written site behind.
"""

from __future__ import annotations

import datetime
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from string import Template

from invoke import task
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

ROOT = Path(__file__).resolve().parent
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


def pelican_run(args: str) -> None:
    """Run Pelican in this process.

    Content problems (including files Pelican could not read) stop the build through
    the complaints plugin, which reports all of them at once; ``--fatal errors``
    would stop at the first logged error with a less helpful message.
    """
    pelican_main(shlex.split(f"{CONFIG['content_path']} {args}"))


def build_into_fresh_folder(settings_file: str) -> Path:
    """Build the whole site into a new folder beside output/ and return it.

    On failure the new folder is removed and the exception propagates: output/ is
    untouched.
    """
    deploy = ROOT / CONFIG["deploy_path"]
    fresh = Path(tempfile.mkdtemp(prefix=".output-", dir=deploy.parent))
    try:
        pelican_run(f"-s {settings_file} -o {shlex.quote(str(fresh))}")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        print("La construction a échoué : output/ n'a pas été modifié.", file=sys.stderr)
        raise
    return fresh


def replace_output(fresh: Path) -> Path:
    """Swap a finished build into output/ (the old site is removed afterwards)."""
    deploy = ROOT / CONFIG["deploy_path"]
    old = deploy.with_name(deploy.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    fresh.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if deploy.exists():
        deploy.rename(old)
    fresh.rename(deploy)
    shutil.rmtree(old, ignore_errors=True)
    return deploy


@task
def clean(c):
    """Remove generated files."""
    shutil.rmtree(ROOT / CONFIG["deploy_path"], ignore_errors=True)


@task
def build(c):
    """Build the development version of the site into output/."""
    replace_output(build_into_fresh_folder(CONFIG["settings_base"]))


@task
def rebuild(c):
    """`clean`, then `build`."""
    clean(c)
    build(c)


@task
def regenerate(c):
    """Automatically regenerate the site upon file modification."""
    pelican_run("-r -s {settings_base}".format(**CONFIG))


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
    replace_output(build_into_fresh_folder(CONFIG["settings_publish"]))


@task
def livereload(c):
    """Build, serve and reload the browser tab whenever content, theme or plugin change."""
    from livereload import Server

    def build_with_cache(load: bool) -> None:
        cmd = "-s {settings_base} -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=" + str(load).lower()
        try:
            pelican_run(cmd.format(**CONFIG))
        except SystemExit as stop:  # keep serving: the editor fixes the file and saves again
            print(
                f"La construction a échoué (code {stop.code}) ; corrigez et enregistrez.",
                file=sys.stderr,
            )

    def cached_build() -> None:
        build_with_cache(load=True)

    def fresh_build() -> None:
        # cached articles hold what the plugins and settings derived when they were
        # read: after a change to either, read everything again (and refill the cache)
        build_with_cache(load=False)

    cached_build()
    server = Server()
    theme_path = SETTINGS["THEME"]
    watched = {
        CONFIG["settings_base"]: fresh_build,
        "plugins/**/*.py": fresh_build,
        "plugins/**/*.html": fresh_build,
        f"{theme_path}/templates/**/*.html": cached_build,
        f"{theme_path}/static/**/*.css": cached_build,
        f"{theme_path}/static/**/*.js": cached_build,
        f"{SETTINGS['PATH']}/**/*.md": cached_build,
    }
    for glob, rebuild_site in watched.items():
        server.watch(glob, rebuild_site)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task
def publish(c):
    """Build the production site into a fresh folder, then sync it to the target.

    The target (an rsync destination such as ``user@host:/var/www/site/``) comes from
    the environment variable PUBLISH_TARGET or the PUBLISH_TARGET setting of
    publishconf.py. Nothing is sent unless the whole build succeeded.
    """
    publish_settings = get_settings_from_file(str(ROOT / CONFIG["settings_publish"]))
    target = os.environ.get("PUBLISH_TARGET") or publish_settings.get("PUBLISH_TARGET")
    if not target:
        sys.exit(
            "PUBLISH_TARGET n'est défini ni dans l'environnement ni dans publishconf.py : rien n'a été envoyé."
        )
    site = replace_output(build_into_fresh_folder(CONFIG["settings_publish"]))
    c.run(
        f"rsync --delete --exclude .DS_Store -pthrvz -c {shlex.quote(str(site))}/ {shlex.quote(target)}",
        echo=True,
    )


@task
def check(c):
    """Validate every testimony, merchant and author profile without building."""
    c.run(
        f"{PYTHON} -m complaints.check {CONFIG['content_path']}",
        env={"PYTHONPATH": str(ROOT / "plugins")},
        pty=False,
    )


@task(
    help={
        "merchant": "slug of the merchant (content/merchants/<slug>.md)",
        "title": "title of the testimony",
    }
)
def new(c, merchant, title):
    """Create a testimony skeleton under content/temoignages/ for an editor to fill in."""
    from pelican.utils import slugify

    today = datetime.date.today().isoformat()
    slug = slugify(title, regex_subs=SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])
    path = ROOT / SETTINGS["PATH"] / "temoignages" / "temoignages" / f"{slug}.md"
    if path.exists():
        sys.exit(f"{path} existe déjà.")
    template = Template((ROOT / "docs" / "testimony-template.md").read_text(encoding="utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        template.substitute(title=title, slug=slug, merchant=merchant, today=today),
        encoding="utf-8",
    )
    print(
        f"Créé : {path.relative_to(ROOT)} (statut brouillon). Complétez-le puis lancez `invoke check`."
    )


@task
def test(c):
    """Run the whole test suite (unit tests, built-site tests, quality gates)."""
    c.run(f"{PYTHON} -m pytest", pty=False)


@task
def lint(c):
    """Lint and check formatting with ruff."""
    c.run(f"{PYTHON} -m ruff check .", pty=False)
    c.run(f"{PYTHON} -m ruff format --check .", pty=False)


@task(help={"sizes": "comma-separated numbers of testimonies", "repeat": "builds per variant"})
def bench(c, sizes="1000,5000", repeat=3):
    """Run the build benchmark and rewrite docs/performance.md (takes many minutes)."""
    size_args = " ".join(sizes.split(","))
    c.run(f"{PYTHON} benchmarks/run.py --sizes {size_args} --reps {repeat}", pty=False)
