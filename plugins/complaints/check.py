"""Check all the content without building: ``python -m complaints.check [content] [--settings FILE]``.

The command line of :mod:`complaints.editorial.check`, with the site's settings read
as the build reads them (``--settings``, default ``pelicanconf.py`` when present).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from complaints.edge.settings import site_settings, site_slugify
from complaints.editorial.check import check_content, testimony_files


def main(argv: Sequence[str] | None = None) -> int:
    """Print each problem on its own line; exit status 1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m complaints.check", description="Vérifie tout le contenu."
    )
    parser.add_argument("content", nargs="?", default="content", type=Path)
    parser.add_argument("--settings", type=Path, default=None, help="par défaut pelicanconf.py")
    args = parser.parse_args(argv)
    settings_file = args.settings or Path("pelicanconf.py")
    settings = site_settings(settings_file if settings_file.is_file() else None)
    problems = check_content(args.content, settings, site_slugify(settings))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problème(s) à corriger.", file=sys.stderr)
        return 1
    count = len(testimony_files(args.content, settings))
    print(f"{count} témoignages vérifiés, aucun problème")
    return 0


if __name__ == "__main__":
    sys.exit(main())
