"""Which files a finished build should have written and did not (no Pelican here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

PLAN_KEY = "complaints_output_plan"

# Settings naming files every build writes when they are set (feeds are off in the
# development settings).
REQUIRED_FILE_SETTINGS = (
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "COMPLAINTS_DATA_MERCHANTS",
    "COMPLAINTS_DATA_TESTIMONIES",
)
DATA_DEFAULTS = {
    "COMPLAINTS_DATA_MERCHANTS": "donnees/marchands.json",
    "COMPLAINTS_DATA_TESTIMONIES": "donnees/temoignages.csv",
}


def required_files(settings: Mapping[str, Any]) -> list[str]:
    """The front page, the feeds and the data files the settings ask for."""
    names = ["index.html"]
    for key in REQUIRED_FILE_SETTINGS:
        value = settings.get(key, DATA_DEFAULTS.get(key))
        if value:
            names.append(str(value))
    return names


def missing_files(output: Path, expected: Iterable[str]) -> list[str]:
    """The expected relative paths that are not regular files under ``output``."""
    return sorted({name for name in expected if not (output / name).is_file()})


def missing_report(missing: list[str], limit: int = 20) -> str:
    """French lines naming the files a build did not write."""
    shown = [f"fichier prévu mais absent : {name}" for name in missing[:limit]]
    if len(missing) > limit:
        shown.append(f"… et {len(missing) - limit} autres")
    shown.append(f"{len(missing)} fichier(s) prévu(s) absent(s) : la construction est incomplète.")
    return "".join(f"{line}\n" for line in shown)
