"""Run ``pelican ARGUMENTS`` as ``python -m pelican`` does and report what the build did.

``python -m tests.support.observed_pelican REPORT.json ARGUMENTS…`` (from the repository
root). The report: whether ``finalized`` fired, the output plan the build computed, how
many processes this one forked, whether Content's URLs were formatted by Pelican's own
method, and how many of the articles generator's tag, category and author lists are
plain lists. Only signal receivers and a fork hook are added: they change nothing.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from pelican import main, signals
from pelican.contents import Content

PLAN_KEY = "complaints_output_plan"
PELICANS_URL_FORMATTING = getattr(Content, "_expand_settings")  # noqa: B009
THIS_PROCESS = os.getpid()
seen: dict[str, Any] = {
    "finished": False,
    "forks": 0,
    "pelicans_url_formatting": None,
    "listings": 0,
    "plain_listings": 0,
}
context: dict[str, Any] = {}


def count_fork() -> None:
    seen["forks"] += 1


def generators_ready(generators: list[Any]) -> None:
    """``all_generators_finalized``, connected before any plugin's receiver."""
    context["context"] = generators[0].context
    formatting = getattr(Content, "_expand_settings")  # noqa: B009
    seen["pelicans_url_formatting"] = formatting is PELICANS_URL_FORMATTING
    for generator in generators:
        if not hasattr(generator, "articles"):
            continue
        lists = [*generator.tags.values()]
        lists += [articles for _category, articles in generator.categories]
        lists += [articles for _author, articles in generator.authors]
        seen["listings"] += len(lists)
        seen["plain_listings"] += sum(type(articles) is list for articles in lists)


def finished(_pelican: Any) -> None:
    seen["finished"] = True


def write_report(path: str) -> None:
    if os.getpid() != THIS_PROCESS:  # a forked worker
        return
    plan = context.get("context", {}).get(PLAN_KEY)
    with open(path, "w", encoding="utf-8") as report:
        json.dump({**seen, "plan": plan}, report, ensure_ascii=False)


if __name__ == "__main__":
    os.register_at_fork(after_in_parent=count_fork)
    signals.all_generators_finalized.connect(generators_ready, weak=False)
    signals.finalized.connect(finished, weak=False)
    try:
        main(sys.argv[2:])
    finally:
        write_report(sys.argv[1])
