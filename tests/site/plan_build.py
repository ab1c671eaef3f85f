"""Build a site and save the output plan the build computed (run as a subprocess).

``python tests/site/plan_build.py SETTINGS CONTENT OUTPUT PLAN_JSON``: Pelican runs in
this process so that the context holding ``complaints_output_plan`` can be read after
the build; the plan is saved as JSON outside the output folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.settings import read_settings


def main(settings_file: str, content: str, output: str, plan_file: str) -> None:
    settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output})
    contexts: list[dict[str, Any]] = []

    def keep_context(generators: list[Any]) -> None:
        contexts.append(generators[0].context)

    signals.all_generators_finalized.connect(keep_context)
    Pelican(settings).run()
    plan = contexts[0]["complaints_output_plan"]
    Path(plan_file).write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
