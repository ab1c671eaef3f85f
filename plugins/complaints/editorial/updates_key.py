"""Follow-ups written at the top of the front matter (``updates:`` beside ``testimony:``).

They are read as ``testimony.updates`` (where the README puts them); their problems keep
the field path the editor wrote (``updates[2].date``), so that their line is found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from complaints.domain.model import ROOT
from complaints.domain.problems import Problem, show

KEY = "updates"
_INSIDE = f"{ROOT}.{KEY}"


def lift(data: dict[Any, Any], source: str) -> tuple[Any, bool, list[Problem]]:
    """The ``testimony:`` block with a top-level ``updates:`` moved into it; whether it
    was moved; a problem when both places hold follow-ups."""
    block = data.get(ROOT)
    if KEY not in data or not isinstance(block, dict):
        return block, False, []
    if KEY in block:
        return (
            block,
            False,
            [
                Problem(
                    source,
                    KEY,
                    show(KEY),
                    "un seul bloc de suivis : « updates: » est déjà dans « testimony: » ; "
                    "réunissez-les en un seul",
                )
            ],
        )
    return {**block, KEY: data[KEY]}, True, []


def as_written(problems: Iterable[Problem], moved: bool) -> list[Problem]:
    """Problems with the field path the editor wrote (``updates…`` when moved)."""
    if not moved:
        return list(problems)
    return [
        replace(p, field=KEY + p.field[len(_INSIDE) :]) if p.field.startswith(_INSIDE) else p
        for p in problems
    ]
