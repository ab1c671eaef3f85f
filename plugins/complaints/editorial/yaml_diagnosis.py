"""Where a YAML syntax error most likely is, and what to do, in French.

The parser stops where it gets lost, often lines after the mistake. :func:`diagnose`
replays the parser's events up to the error to know the field being read, then tries
the usual repairs (close a quote on the line that opened it, close a bracket) and keeps
the first that makes the document parse: its line and field are the mistake's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from complaints.domain.model import (
    Delivery,
    Event,
    FollowUp,
    Money,
    Order,
    Outcome,
    Testimony,
    Verification,
)


@dataclass(frozen=True)
class Diagnosis:
    """A syntax error's line (in the YAML text, from 0), field path and advice."""

    line: int
    field: str
    advice: str
    column: int = 0
    """Where the text to show starts on the line (the opening quote)."""


@dataclass
class _Frame:
    path: str
    mapping: bool
    flow: bool
    line: int
    key: str | None = None
    last_key: str | None = None
    want_key: bool = True
    items: int = 0


@dataclass
class EventPaths:
    """Field paths followed along the parser's events (:meth:`feed` each event): the
    collections open, the quoted texts over several lines, the path of every key."""

    frames: list[_Frame] = field(default_factory=list)
    quotes: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(line, column, quote character, field path) of each quoted text over several lines."""
    keys: dict[tuple[int, int], str] = field(default_factory=dict)
    """The field path of each key, by (line, column)."""

    def key_at(self, line: int, column: int | None) -> str | None:
        """The path of the last key before ``column`` on ``line`` (no column: the first)."""
        found = sorted((c, path) for (n, c), path in self.keys.items() if n == line)
        if column is not None:
            found = [item for item in found if item[0] < column][-1:]
        return found[0][1] if found else None

    def child(self) -> str:
        if not self.frames:
            return ""
        top = self.frames[-1]
        if top.mapping:
            name = top.key or "?"
            return f"{top.path}.{name}" if top.path else name
        return f"{top.path}[{top.items + 1}]"

    def path_of(self, event: yaml.Event) -> str:
        """The field path of the node an event starts (a key: the field it names)."""
        top = self.frames[-1] if self.frames else None
        if isinstance(event, yaml.ScalarEvent) and top and top.mapping and top.want_key:
            return f"{top.path}.{event.value}" if top.path else str(event.value)
        return self.child()

    def reading(self) -> str:
        """The field being read when the parser stopped (the last one of a mapping
        waiting for its next key: the mistake is most likely in its value)."""
        if not self.frames:
            return ""
        top = self.frames[-1]
        if top.mapping and top.want_key:
            if top.last_key is None:
                return top.path
            return f"{top.path}.{top.last_key}" if top.path else top.last_key
        return self.child()

    def done(self) -> None:
        if not self.frames:
            return
        top = self.frames[-1]
        if top.mapping:
            top.last_key, top.key, top.want_key = top.key, None, True
        else:
            top.items += 1

    def feed(self, event: yaml.Event) -> None:
        top = self.frames[-1] if self.frames else None
        if isinstance(event, yaml.ScalarEvent) and top and top.mapping and top.want_key:
            top.key, top.want_key = str(event.value), False
            self.keys[event.start_mark.line, event.start_mark.column] = self.child()
            return
        if isinstance(event, yaml.ScalarEvent):
            start, end = event.start_mark, event.end_mark
            if event.style in ('"', "'") and end.line > start.line:
                self.quotes.append((start.line, start.column, event.style, self.child()))
            self.done()
        elif isinstance(event, yaml.AliasEvent):
            self.done()
        elif isinstance(event, yaml.CollectionStartEvent):
            mapping = isinstance(event, yaml.MappingStartEvent)
            flow = bool(event.flow_style)
            self.frames.append(_Frame(self.child(), mapping, flow, event.start_mark.line))
        elif isinstance(event, yaml.CollectionEndEvent) and self.frames:
            self.frames.pop()
            self.done()


def _replay(text: str, loader: type) -> EventPaths:
    replay = EventPaths()
    try:
        for event in yaml.parse(text, Loader=loader):
            replay.feed(event)
    except yaml.YAMLError:
        pass
    return replay


def _parses(text: str, loader: type) -> bool:
    try:
        for _event in yaml.parse(text, Loader=loader):
            pass
    except yaml.YAMLError:
        return False
    return True


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CLOSERS = re.compile(r"[\]}]+\s*$")
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?[\w-]+):(?=[^\s/])")
_KEY_LINE = re.compile(r"^([ \t]*)(?:-\s+)?[\w-]+:(?:\s|$)")
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[^\s-])")
_NO_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s+([^:\s].*)$")
_ITEM_WITHOUT_DASH = re.compile(r"^(\s+)(?=[{\[])")
_ITEM = "(élément de liste)"
"""A candidate's field: the list item its line holds."""
_VALUE_START = re.compile(r"(?:^\s*(?:-\s+)?|[{,]\s*)[\w-]+:\s+")
_NEXT_KEY = re.compile(r",\s*[\w-]+:\s")
_WORD_BEFORE = re.compile(r"(?<=\s)([\w-]+)\s*$")
FIELD_NAMES = frozenset(
    name
    for model in (Testimony, Order, Event, Outcome, Money, Delivery, Verification, FollowUp)
    for name in model.model_fields
) | {"title", "date", "category", "tags", "author", "slug", "summary", "status", "modified"}
"""Names a line may start a field with (a word before « : » that is one is a field)."""


def _replaced(lines: list[str], number: int, new: str) -> str:
    return "\n".join([*lines[:number], new, *lines[number + 1 :]])


def _quote_repairs(lines: list[str], number: int, quote: str) -> Iterator[str]:
    """The text with the quote closed at the end of line ``number``, or before the
    brackets that end it."""
    line = lines[number].rstrip()
    yield _replaced(lines, number, line + quote)
    closers = _CLOSERS.search(line)
    if closers:
        yield _replaced(lines, number, line[: closers.start()] + quote + line[closers.start() :])


def _candidates(
    lines: list[str], replay: EventPaths, error: yaml.YAMLError
) -> Iterator[tuple[int, int | None, str, str | None, str]]:
    """(line, column, repaired text, field or None, advice) for each usual repair."""
    context = getattr(error, "context", None) or ""
    mark: Any = getattr(error, "context_mark", None)
    quotes = list(replay.quotes)
    if "quoted scalar" in context and mark is not None and mark.line < len(lines):
        quote = lines[mark.line][mark.column : mark.column + 1] or '"'
        quotes.append((mark.line, mark.column, quote, ""))
    for number, column, quote, path in quotes:
        for repaired in _quote_repairs(lines, number, quote):
            yield (
                number,
                column,
                repaired,
                path or None,
                f"un guillemet fermant : le texte ouvert par « {quote} » sur cette ligne "
                f"n'est jamais refermé ; ajoutez « {quote} » à la fin du texte",
            )
    for frame in reversed(replay.frames):
        if frame.flow:
            closing = "}" if frame.mapping else "]"
            what = (
                "l'accolade « { » ouverte sur cette ligne n'est jamais refermée"
                if frame.mapping
                else "le crochet « [ » ouvert sur cette ligne n'est jamais refermé"
            )
            yield (
                frame.line,
                None,
                _replaced(lines, frame.line, lines[frame.line].rstrip() + closing),
                frame.path,
                f"{what} : ajoutez « {closing} » à la fin de la ligne",
            )
    problem: Any = getattr(error, "problem_mark", None)
    if problem is None:
        return
    yield from _value_repairs(lines, problem, replay)
    for number in range(min(problem.line, len(lines) - 1), max(problem.line - 3, -1), -1):
        if match := _DASH_NO_SPACE.match(lines[number]):
            yield (
                number,
                None,
                _replaced(lines, number, f"{match[1]}- {lines[number][match.end() :]}"),
                replay.child() if number == problem.line else None,
                "une espace après le tiret « - » d'un élément de liste",
            )
        if ":" not in lines[number] and (match := _NO_COLON.match(lines[number])):
            yield (
                number,
                None,
                _replaced(lines, number, f"{match[1]}{match[2]}: {match[3]}"),
                None,
                f"un « : » après le nom du champ « {match[2]} » (nom, « : », espace, valeur)",
            )
        if (match := _ITEM_WITHOUT_DASH.match(lines[number])) and any(
            other.startswith(f"{match[1]}- ") for other in lines
        ):
            yield (
                number,
                None,
                _replaced(lines, number, f"{match[1]}- {lines[number][match.end() :]}"),
                _ITEM,
                "un tiret « - » au début de cet élément de liste, comme les autres",
            )
        if match := _NO_SPACE.match(lines[number]):
            yield (
                number,
                None,
                _replaced(lines, number, f"{match[1]}: {lines[number][match.end() :]}"),
                None,
                f"une espace après « {match[1].strip(' -')}: » (le nom du champ, « : », "
                "une espace, puis la valeur)",
            )
    if problem.line < len(lines) and (line := _KEY_LINE.match(lines[problem.line])):
        written = len(line[1])
        indents = [len(m[1]) for m in map(_KEY_LINE.match, lines[: problem.line]) if m]
        written = -1 if "\t" in line[1] else written
        tried = {*indents, 2, 4} - {written}
        for indent in sorted(tried, key=lambda i: (abs(i - max(written, 0)), i)):
            yield (
                problem.line,
                None,
                _replaced(lines, problem.line, " " * indent + lines[problem.line].lstrip(" \t")),
                None,
                f"une indentation de {indent} espaces, comme les autres champs de son "
                f"bloc (la ligne en a {written})",
            )


def _value_repairs(
    lines: list[str], problem: Any, replay: EventPaths
) -> Iterator[tuple[int, int | None, str, str | None, str]]:
    """Repairs of the value where the parser stopped: a missing comma between two
    fields, an apostrophe in a single-quoted text, a text that needs quotes."""
    if problem.line >= len(lines):
        return
    line, column = lines[problem.line], problem.column
    before = line[:column]
    word = _WORD_BEFORE.search(before)
    if word and line[column : column + 1] == ":" and word[1] in FIELD_NAMES:
        fixed = before[: word.start()].rstrip() + ", " + line[word.start() :]
        yield (
            problem.line,
            word.start(),
            _replaced(lines, problem.line, fixed),
            None,
            f"une virgule avant « {word[1]}: » (entre accolades, les champs sont séparés "
            "par des virgules)",
        )
    starts = [m.end() for m in _VALUE_START.finditer(line) if m.end() <= column]
    if before.endswith("'") and line[column : column + 1].isalpha():
        yield (
            problem.line,
            starts[-1] if starts else None,
            _replaced(lines, problem.line, before + "'" + line[column:]),
            replay.reading(),
            "une apostrophe doublée dans un texte entre guillemets simples "
            "(l''entreprise), ou le texte entre guillemets doubles",
        )
    if not starts:
        return
    start = starts[-1]
    end = len(line.rstrip())
    if following := _NEXT_KEY.search(line, column):
        end = following.start()
    elif closers := _CLOSERS.search(line, column):
        end = closers.start()
    value = line[start:end].rstrip()
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    first = value[:1]
    reason = (
        f"elle commence par « {first} »"
        if first in "@`*&!%|>?'\"#{[-"
        else "elle contient « : » ou « # »"
    )
    yield (
        problem.line,
        start,
        _replaced(lines, problem.line, line[:start] + quoted + line[start + len(value) :]),
        None,
        f'des guillemets autour de la valeur ({reason}) : écrivez "{_short(value)}"',
    )


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def diagnose(text: str, error: yaml.YAMLError, loader: type) -> Diagnosis | None:
    """The likely place and fix of a syntax error, or None (then the parser's mark)."""
    lines = _LINE_BREAK.split(text)  # YAML's line breaks: its marks count them
    replay = _replay(text, loader)
    for number, column, repaired, path, advice in _candidates(lines, replay, error):
        if _parses(repaired, loader):
            if path is None:
                path = _replay(repaired, loader).key_at(number, column) or replay.reading()
            elif path == _ITEM:  # the list item the line holds: its first key's parent
                first = _replay(repaired, loader).key_at(number, None) or ""
                path = first.rpartition(".")[0] or replay.reading()
            return Diagnosis(number, path, advice, column or 0)
    problem: Any = getattr(error, "problem_mark", None)
    if problem is None:
        return None
    at = lines[problem.line] if problem.line < len(lines) else ""
    inside_flow = any(frame.flow for frame in replay.frames)
    if inside_flow and ":" in at[problem.column : problem.column + 2]:
        return Diagnosis(
            problem.line,
            replay.reading(),
            "des guillemets autour d'un texte qui contient « : » entre accolades "
            '(ex. note: "le même : choix")',
        )
    return Diagnosis(problem.line, replay.reading(), "")
