"""« Que faire ? »: the next steps shown under a testimony, matched to its issues.

The advice lives in one data file, ``data/que-faire.yaml`` (read with the project's
YAML loader, validated here with pydantic): one entry per kind of problem, with the
rights that apply, steps, an optional model letter and the date of its last legal
review. Entries marked ``for_all`` (mediator, SignalConso) follow every testimony.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from complaints.domain.model import problems_from
from complaints.domain.problems import ContentError
from complaints.domain.vocabulary import ISSUES
from complaints.editorial.frontmatter import load_yaml

DATA_FILE = Path(__file__).with_name("data") / "que-faire.yaml"
_Strict = ConfigDict(extra="forbid", frozen=True)


def _issue(value: str) -> str:
    if value not in ISSUES:
        raise ValueError("un code de problème du vocabulaire (ex. delivery.late)")
    return value


def _https(value: str) -> str:
    if not value.startswith("https://"):
        raise ValueError("une adresse web complète, commençant par https://")
    return value


class Right(BaseModel):
    """A rule of law and what it gives the reader, in plain French."""

    model_config = _Strict
    ref: str
    text: str


class Link(BaseModel):
    model_config = _Strict
    text: str
    url: Annotated[str, AfterValidator(_https)]


class Advice(BaseModel):
    """What to do about one kind of problem."""

    model_config = _Strict
    key: str
    title: str
    issues: tuple[Annotated[str, AfterValidator(_issue)], ...] = ()
    for_all: bool = False
    reviewed: date
    rights: tuple[Right, ...] = ()
    steps: tuple[str, ...] = ()
    letter: str | None = None
    links: tuple[Link, ...] = ()

    @property
    def letter_paragraphs(self) -> list[str]:
        """The model letter split into paragraphs (blank lines)."""
        text = (self.letter or "").strip()
        return [part.strip() for part in text.split("\n\n") if part.strip()]


class NextSteps(BaseModel):
    model_config = _Strict
    entries: tuple[Advice, ...]


def parse_next_steps(text: str, source: str = str(DATA_FILE)) -> NextSteps:
    """Validate the data file's text; problems raise ContentError."""
    data = load_yaml(text)
    try:
        return NextSteps.model_validate(data)
    except ValidationError as error:
        raise ContentError(problems_from(error, source=source, model=NextSteps, root="")) from None


@lru_cache(maxsize=1)
def load_next_steps() -> NextSteps:
    """The advice of the data file (read once per process)."""
    return parse_next_steps(DATA_FILE.read_text(encoding="utf-8"))


def advice_for(issues: Iterable[str], steps: NextSteps | None = None) -> list[Advice]:
    """Entries answering any of ``issues``, in the file's order, then those for all."""
    steps = steps or load_next_steps()
    wanted = set(issues)
    matched = [entry for entry in steps.entries if not entry.for_all and wanted & set(entry.issues)]
    return matched + [entry for entry in steps.entries if entry.for_all]


def uncovered_issues(steps: NextSteps) -> list[str]:
    """Issue codes of the vocabulary that no entry answers."""
    covered = {issue for entry in steps.entries for issue in entry.issues}
    return [issue for issue in ISSUES if issue not in covered]


def stale_entries(steps: NextSteps, today: date, months: int = 12) -> list[Advice]:
    """Entries whose last legal review is more than ``months`` before ``today``."""
    limit = _months_before(today, months)
    return [entry for entry in steps.entries if entry.reviewed < limit]


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
