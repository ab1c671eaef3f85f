"""The one YAML front-matter loader: testimonies, pages and profiles all go through it.

``split_front_matter`` splits ``--- yaml --- body`` and parses the YAML with libyaml's
safe loader (the pure-Python one where libyaml is missing). An impossible date
(2021-02-30) stays a string, so that validation names it with its field path
instead of YAML crashing. Problems are raised as :class:`ContentError`.
"""

from __future__ import annotations

from typing import Any

import yaml

from complaints.problems import ContentError, Problem, show

FRONT_MATTER = "front matter"
_FENCE = "---"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """SafeLoader where an impossible date (2021-02-30) stays a string, so that
    validation reports it with its field path instead of YAML crashing."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(text: str) -> Any:
    """Parse YAML like `yaml.safe_load`, keeping impossible dates as strings."""
    return yaml.load(text, Loader=_Loader)


def split_front_matter(text: str, source: str) -> tuple[Any, str]:
    """Split `--- yaml --- body`; parse the YAML; problems raise ContentError."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != _FENCE:
        raise ContentError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    show(lines[0] if lines else ""),
                    "le fichier doit commencer par une ligne « --- » suivie des métadonnées YAML",
                )
            ]
        )
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "..."))
    except StopIteration:
        raise ContentError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    "(fin du fichier)",
                    "une ligne « --- » qui ferme les métadonnées YAML",
                )
            ]
        ) from None
    try:
        data = load_yaml("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        raise ContentError([_yaml_problem(error, lines, source)]) from None
    return data, "\n".join(lines[end + 1 :])


def _yaml_problem(error: yaml.YAMLError, lines: list[str], source: str) -> Problem:
    """A YAML syntax error with its file line; the value is the line to look at
    (where the unclosed block or quote starts, when YAML says so)."""
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    what = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return Problem(source, FRONT_MATTER, "(YAML)", f"du YAML valide ({what})")

    def line(m: Any) -> int:
        return m.line + 2  # +1 for the opening "---", +1 as lines count from 1

    shown = line(context) if context is not None else line(mark)
    text = lines[shown - 1].strip() if shown - 1 < len(lines) else ""
    where = f"ligne {line(mark)}, colonne {mark.column + 1}"
    if context is not None and line(context) != line(mark):
        where += f", dans le bloc commencé ligne {line(context)}"
    return Problem(
        source,
        FRONT_MATTER,
        show(text),
        f"du YAML valide : erreur de syntaxe {where} ({what}) ; vérifiez les "
        "guillemets, les deux-points, les crochets et l'indentation",
    )
