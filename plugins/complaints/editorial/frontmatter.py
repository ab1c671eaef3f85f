"""The one YAML front-matter loader: testimonies, pages and profiles all go through it.

:func:`read_front_matter` splits ``--- yaml --- body`` and parses the YAML safely and
bounded: sizes checked before parsing, characters XML cannot carry refused, nesting
and anchors/aliases refused from libyaml's event stream before the recursive composer
runs, a key given twice refused. An impossible date (2021-02-30) stays a string so the
validator names its field; every field path gets its file line, list items numbered
from 1 (``testimony.events[1]``). Problems are raised as :class:`ContentError`.
Text is read in Unicode NFC: an accent typed as a combining mark is the accented letter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from complaints.domain.problems import ContentError, Problem, show
from complaints.editorial.active_content import active_content
from complaints.editorial.yaml_diagnosis import EventPaths, diagnose

FRONT_MATTER = "front matter"
BODY = "(texte)"
MAX_FRONT_MATTER_CHARS = 64_000
MAX_FILE_CHARS = 1_000_000
MAX_DEPTH = 20
_FENCES = ("---", "...")
# What XML 1.0 cannot carry (C0 controls except tab, LF, CR; surrogates; U+FFFE/FFFF)
# and the other controls YAML refuses (DEL, C1 but NEL): never wanted in a text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL_NAMES = {0: "NUL", 0x0B: "tabulation verticale", 0x0C: "saut de page", 0x1B: "ESC"}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """SafeLoader where an impossible date (2021-02-30) stays a string, so that
    validation reports it with its field path instead of YAML crashing."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

# Plain scalars are read as YAML 1.2 reads them (what the editing form's writer assumes):
# only true/false are booleans, and 12:30 or 1_000 are texts, not base-60 or grouped
# numbers. Dates keep YAML 1.1's timestamps (2009-07-06 is a date).
_YAML12 = {
    "tag:yaml.org,2002:bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    "tag:yaml.org,2002:int": re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    "tag:yaml.org,2002:float": re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, _YAML12.get(tag, regexp)) for tag, regexp in resolvers]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "ON":  # yes/no/on/off started a boolean in YAML 1.1
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, regexp)
        for tag, regexp in _Loader.yaml_implicit_resolvers.get(_first, [])
        if tag != "tag:yaml.org,2002:bool"
    ]


@dataclass(frozen=True)
class FrontMatter:
    """A parsed file: its data, its body, and the file line of every field path."""

    data: Any
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1
    columns: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def line_of(self, path: str) -> int | None:
        """The line of a field path, or of its closest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    def field_at(self, line: int, column: int = 0) -> str:
        """The last field path that starts before a position of the file."""
        best, best_at = FRONT_MATTER, (0, -1)
        for path, start in self.lines.items():
            at = (start, self.columns.get(path, 0))
            if best_at <= at <= (line, column):
                best, best_at = path, at
        return best


def load_yaml(text: str) -> Any:
    """Parse YAML like `yaml.safe_load`, bounded as the front matter is."""
    return _compose(text, "", first_line=1)[0]


def split_front_matter(text: str, source: str) -> tuple[Any, str]:
    """Split `--- yaml --- body`; parse the YAML; problems raise ContentError."""
    document = read_front_matter(text, source)
    return document.data, document.body


def read_front_matter(text: str, source: str) -> FrontMatter:
    """Split, bound-check and parse a file's front matter; raise ContentError."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")  # Windows, old Mac
    if not unicodedata.is_normalized("NFC", text):  # « né » as n, e, U+0301 (macOS, PDFs)
        text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_FILE_CHARS:
        raise ContentError(
            [
                Problem(
                    source, "(fichier)", show(f"{len(text)} caractères"), _too_long(MAX_FILE_CHARS)
                )
            ]
        )
    lines = text.split("\n")  # not splitlines(): U+2028 or a form feed is no line end
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    show(lines[0] if lines else ""),
                    "le fichier doit commencer par une ligne « --- » suivie des métadonnées YAML",
                    line=1,
                )
            ]
        )
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in _FENCES), None)
    if end is None:
        raise ContentError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    "(fin du fichier)",
                    "une ligne « --- » qui ferme les métadonnées YAML (ouverte ligne 1)",
                    line=1,
                )
            ]
        )
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise ContentError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    show(f"{len(yaml_text)} caractères"),
                    _too_long(MAX_FRONT_MATTER_CHARS),
                    line=1,
                )
            ]
        )
    bad = _bad_characters(yaml_text, body, source, end)
    if bad:
        raise ContentError(bad)
    data, paths = _compose(yaml_text, source, first_line=2)
    return FrontMatter(without_cleared(data), body, paths, body_line=end + 2)


def without_cleared(data: Any) -> Any:
    """Fields left empty (``null`` or ``""``, as a form writes a cleared field) removed:
    an empty optional field is an absent one, an empty required one is missing."""
    if isinstance(data, dict):
        return {
            key: without_cleared(value)
            for key, value in data.items()
            if value is not None and value != ""
        }
    if isinstance(data, list):
        return [without_cleared(item) for item in data]
    return data


def read_text_file(path: Path, source: str) -> str:
    """A file's text (UTF-8); an unreadable file or byte raises ContentError in French."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or "illisible"
        raise ContentError(
            [Problem(source, "(fichier)", show(Path(path).name), f"un fichier lisible ({reason})")]
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start : error.start + 1].hex().upper()
        raise ContentError(
            [
                Problem(
                    source,
                    "(fichier)",
                    show(f"octet 0x{byte}"),
                    "un fichier enregistré en UTF-8 (réenregistrez-le en UTF-8 "
                    "dans votre éditeur : accents venus d'un autre encodage)",
                    line=line,
                )
            ]
        ) from None


def active_content_problems(body: str, source: str, body_line: int) -> list[Problem]:
    """Scripts, frames, event attributes and unsafe URLs in a body, one problem each."""
    return [
        Problem(
            source,
            BODY,
            show(found.text),
            f"un texte sans contenu actif : {found.what} s'exécuterait dans le "
            "navigateur des lecteurs (retirez-le ; une adresse en http(s) ou relative)",
            line=body_line + body.count("\n", 0, found.start),
        )
        for found in active_content(body)
    ]


def _too_long(limit: int) -> str:
    return f"au plus {limit} caractères (un fichier plus long est sûrement une erreur)"


def _bad_characters(yaml_text: str, body: str, source: str, end: int) -> list[Problem]:
    """Every character XML cannot carry, with its field path (or the body) and line."""
    found = [(m, 2) for m in _NOT_XML.finditer(yaml_text)]
    found += [(m, end + 2) for m in _NOT_XML.finditer(body)]
    if not found:
        return []
    fields: FrontMatter | None = None
    try:  # the field paths of the front matter with the bad characters blanked out
        columns: dict[str, int] = {}
        paths = _compose(_NOT_XML.sub(" ", yaml_text), source, 2, columns)[1]
        fields = FrontMatter(None, "", paths, columns=columns)
    except ContentError:
        pass
    problems = []
    for match, first_line in found:
        text = yaml_text if first_line == 2 else body
        line = first_line + text.count("\n", 0, match.start())
        if first_line != 2:
            where = BODY
        else:
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
            where = fields.field_at(line, column) if fields else FRONT_MATTER
        problems.append(_character_problem(source, where, match.group(), line))
    return problems


def _character_problem(source: str, where: str, char: str, line: int) -> Problem:
    """One character XML cannot carry, named by its code point."""
    name = _CONTROL_NAMES.get(ord(char), "caractère de contrôle" if ord(char) < 0xA0 else "")
    code = f"U+{ord(char):04X}" + (f" ({name})" if name else "")
    return Problem(
        source,
        where,
        show(code),
        "du texte sans caractère invisible ni interdit en XML : "
        "supprimez ce caractère (souvent collé depuis un autre logiciel)",
        line=line,
    )


def _compose(
    text: str, source: str, first_line: int, columns: dict[str, int] | None = None
) -> tuple[Any, dict[str, int]]:
    """Data and field-path lines of a YAML text, refusing what could blow up."""
    if text.count("[") + text.count("{") > MAX_DEPTH or any(c in text for c in "&*!"):
        _scan_events(text, source, first_line)  # only where nesting, aliases or tags can be
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        paths: dict[str, int] = {}
        if node is not None:
            _walk(node, "", 0, paths, source, first_line, {} if columns is None else columns)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise ContentError([_yaml_problem(error, text, source, first_line)]) from None
    except ContentError:
        raise
    except (ValueError, TypeError, AttributeError, OverflowError) as error:  # a constructor
        raise ContentError(
            [Problem(source, FRONT_MATTER, show(type(error).__name__), _UNREADABLE, first_line)]
        ) from None
    finally:
        loader.dispose()
    return data, paths


def _scan_events(text: str, source: str, first_line: int) -> None:
    """Refuse aliases, anchors and deep nesting from libyaml's (iterative) events."""
    depth = 0
    paths = EventPaths()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + first_line
            where = paths.path_of(event) or FRONT_MATTER
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ContentError(
                    [
                        Problem(
                            source,
                            where,
                            show(f"&{event.anchor}" if event.anchor else ""),
                            "pas d'ancre ni d'alias YAML (« &nom », « *nom ») : "
                            "écrivez chaque valeur en entier",
                            line=line,
                        )
                    ]
                )
            if _explicit_tag(event):
                raise ContentError(
                    [
                        Problem(
                            source,
                            where,
                            show(event.tag.replace("tag:yaml.org,2002:", "!!")),
                            "pas d'étiquette YAML (« !!python/… », « !!binary », « !… ») : "
                            "écrivez la valeur simplement, entre guillemets si besoin",
                            line=line,
                        )
                    ]
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ContentError([_too_deep(source, line)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            paths.feed(event)
    except yaml.YAMLError as error:
        raise ContentError([_yaml_problem(error, text, source, first_line)]) from None


def _explicit_tag(event: yaml.Event) -> bool:
    """True for a node the editor tagged (``!!int x``, ``!evil``), not a plain value."""
    tag = getattr(event, "tag", None)
    if tag is None:
        return False
    implicit = getattr(event, "implicit", True)
    return not any(implicit) if isinstance(implicit, tuple) else not implicit


def _too_deep(source: str, line: int) -> Problem:
    return Problem(
        source,
        FRONT_MATTER,
        show(f"plus de {MAX_DEPTH} niveaux"),
        f"des blocs et des listes imbriqués sur au plus {MAX_DEPTH} niveaux "
        "(vérifiez les crochets [ ] et les accolades { })",
        line=line,
    )


def _walk(
    node: yaml.Node,
    path: str,
    depth: int,
    paths: dict[str, int],
    source: str,
    first: int,
    columns: dict[str, int],
) -> None:
    """Record the line of every field path; refuse duplicate keys and deep nesting."""
    if depth > MAX_DEPTH:
        raise ContentError([_too_deep(source, node.start_mark.line + first)])
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        previous: tuple[str, yaml.Node] | None = None
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            child = f"{path}.{name}" if path else name
            line = key.start_mark.line + first
            if node.flow_style and _without_colon(key, value):
                raise ContentError([_comma_problem(path, previous, name, source, line)])
            if isinstance(key, yaml.ScalarNode) and key.tag != _STR:
                raise ContentError(
                    [
                        Problem(
                            source,
                            child,
                            show(name),
                            "un nom de champ en lettres (ex. date:, note:) : un nombre "
                            "ou une date ne peut pas nommer un champ",
                            line=line,
                        )
                    ]
                )
            previous = (name, value)
            if name in seen:
                raise ContentError(
                    [
                        Problem(
                            source,
                            child,
                            show(name),
                            f"une seule fois dans le bloc (déjà donné ligne {paths[child]})",
                            line=line,
                        )
                    ]
                )
            seen.add(name)
            paths[child], columns[child] = line, key.start_mark.column
            _refuse_escaped_characters(key, child, source, first)
            _walk(value, child, depth + 1, paths, source, first, columns)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, 1):
            child = f"{path}[{number}]"
            paths[child] = item.start_mark.line + first
            columns[child] = item.start_mark.column
            _walk(item, child, depth + 1, paths, source, first, columns)
    else:
        _refuse_escaped_characters(node, path or FRONT_MATTER, source, first)


_STR = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _without_colon(key: yaml.Node, value: yaml.Node) -> bool:
    """True for an entry of ``{a: 1, b}`` written without « : » (YAML gives b no value)."""
    return (
        isinstance(value, yaml.ScalarNode)
        and value.value == ""
        and (value.start_mark.line, value.start_mark.column)
        == (key.end_mark.line, key.end_mark.column)
    )


def _comma_problem(
    path: str, previous: tuple[str, yaml.Node] | None, name: str, source: str, line: int
) -> Problem:
    """A comma inside a value between braces: a decimal comma or an unquoted text."""
    if previous is None:
        where = f"{path}.{name}" if path else name
        return Problem(source, where, show(name), "un « : » après le nom du champ", line=line)
    key, value = previous
    field = f"{path}.{key}" if path else key
    written = f"{getattr(value, 'value', '')},{name}"
    if getattr(value, "tag", None) in _NUMBER_TAGS and name.isdigit():
        number = written.replace(",", ".")
        return Problem(
            source,
            field,
            show(written),
            f"un nombre avec un point décimal : écrivez {number} (point décimal, pas de virgule)",
            line=line,
        )
    return Problem(
        source,
        field,
        show(f"{getattr(value, 'value', '')}, {name}"),
        "des guillemets autour d'un texte qui contient une virgule : entre accolades, "
        f'la virgule sépare les champs (écrivez {key}: "{getattr(value, "value", "")}, {name}")',
        line=line,
    )


def _refuse_escaped_characters(node: yaml.Node, path: str, source: str, first: int) -> None:
    """A character XML cannot carry, written as a YAML escape ("\\0", "\\e", "\\uFFFE",
    "\\ud800"): the raw text had none, the parsed value has one."""
    value = node.value if isinstance(node, yaml.ScalarNode) else ""
    match = _NOT_XML.search(value) if isinstance(value, str) else None
    if match:
        line = node.start_mark.line + first
        raise ContentError([_character_problem(source, path, match.group(), line)])


_UNREADABLE = "une valeur YAML lisible (vérifiez les guillemets et les étiquettes « !! »)"

#: libyaml's and PyYAML's problems, in French (a fragment of the English text -> French).
_YAML_PROBLEMS_FR = {
    "mapping values are not allowed": "un « : » inattendu (une valeur qui contient « : » "
    "doit être entre guillemets)",
    "expected ',' or ']'": "un « , » ou un « ] » (crochet non fermé ?)",
    "expected ',' or '}'": "un « , » ou une « } » (accolade non fermée ?)",
    "unexpected end of stream": "la suite du texte (guillemet ou crochet non fermé ?)",
    "cannot start any token": "un caractère qui ne peut pas commencer une valeur "
    "(mettez la valeur entre guillemets)",
    "expected '-' indicator": "un élément de liste « - » (indentation ?)",
    "unknown escape character": "une séquence « \\ » connue entre guillemets doubles "
    "(doublez la barre « \\\\ » ou utilisez des guillemets simples)",
    "found another document": "un seul bloc de métadonnées (une ligne « --- » en trop ?)",
    "could not find expected ':'": "un « : » après le nom du champ",
    "expected key": "un nom de champ (indentation ou guillemets ?)",
    "undefined alias": "pas d'alias YAML (« *nom »)",
    "duplicate anchor": "pas d'ancre YAML (« &nom »)",
    "expected <document start>": "pas d'espace au début d'une ligne de premier niveau",
    "unhashable key": "un nom de champ simple",
    "incompatible YAML document": "du YAML sans directive « %YAML »",
    "expected node content": "une valeur",
    "tab character": "des espaces (pas de tabulation)",
    "tag handle": "pas d'étiquette YAML (« !… »)",
    "constructor for the tag": "pas d'étiquette YAML (« !!python/… », « !… »)",
    "but found": "une valeur du type attendu par son étiquette YAML",
    "special characters are not allowed": "du texte sans caractère spécial",
    "control characters are not allowed": "du texte sans caractère de contrôle",
}


def _problem_fr(what: str) -> str:
    """A YAML problem in French; an unknown one is not repeated in English."""
    return next(
        (french for english, french in _YAML_PROBLEMS_FR.items() if english in what),
        "une syntaxe YAML correcte",
    )


def _yaml_problem(error: yaml.YAMLError, text: str, source: str, first_line: int) -> Problem:
    """A YAML syntax error at the line and field where the mistake most likely is
    (:mod:`.yaml_diagnosis`), with what to do, in French."""
    mark = getattr(error, "problem_mark", None)
    what = getattr(error, "problem", None) or str(error).splitlines()[0]
    lines = text.split("\n")
    found = diagnose(text, error, _Loader)
    if mark is None and found is None:
        return Problem(
            source, FRONT_MATTER, "(YAML)", f"du YAML valide ({_problem_fr(what)})", first_line
        )
    line = found.line if found else mark.line
    shown_text = lines[line][found.column if found else 0 :] if 0 <= line < len(lines) else ""
    field = (found.field if found else "") or FRONT_MATTER
    if "\t" in shown_text or "tab" in str(what):
        advice = (
            "une tabulation (touche Tab) est interdite dans l'indentation YAML : mettez des espaces"
        )
        return Problem(
            source, field, show(shown_text.replace("\t", "⇥").strip(" ")), advice, line + first_line
        )
    if found and found.advice:
        advice = found.advice
    else:
        advice = (
            f"du YAML valide : erreur de syntaxe colonne {mark.column + 1} "
            f"(attendu : {_problem_fr(what)}) ; vérifiez les guillemets, les deux-points, "
            "les crochets et l'indentation"
        )
    return Problem(source, field, show(shown_text.strip(" ")), advice, line=line + first_line)
