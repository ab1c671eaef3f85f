"""Each article's and page's ``url`` and ``save_as`` formatted once per set of inputs.

Pelican formats them at every access. The memo keys a value by the object, the
setting's pattern and the value of every field the pattern uses (as
``Content.url_format`` takes it), so a slug, date or metadata value changed while
generators still work formats again. Patterns using ``path``, ``author``,
``category``, a missing or non-plain field, and static files, go to Pelican. A build
has a fresh memo from ``get_generators`` to ``finalized``.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pelican.contents import Article, Content, Page

from parallel_build.pelican_internals import (
    PELICAN_EXPAND_SETTINGS,
    format_urls_as_pelican,
    format_urls_with,
)

#: Metadata types whose value is the whole input of their formatting (immutable).
_PLAIN = (str, int, bool, date, datetime, type(None))


_UNSEEN = object()


class _Unkeyable(Exception):
    """A URL field whose value cannot key the memo: let Pelican format it."""


def _field_names(pattern: str) -> tuple[str, ...] | None:
    """The fields a URL setting's pattern uses, once each (``{date:%Y}`` → ``date``)."""
    try:
        return tuple(
            dict.fromkeys(
                re.split(r"[.\[]", field, maxsplit=1)[0]
                for _text, field, _spec, _conversion in string.Formatter().parse(pattern)
                if field is not None
            )
        )
    except ValueError:
        return None


def _key_value(content: Content, name: str) -> Any:
    """What ``Content.url_format`` gives ``name``, as a hashable memo key part."""
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "date":
        if not hasattr(content, "date"):  # Pelican would use the clock
            raise _Unkeyable(name)
        value = content.date
        return (value, getattr(value, "tzinfo", None))
    if name == "lang":
        return getattr(content, "lang", "en")
    if name in ("path", "author", "category") or name not in content.metadata:
        raise _Unkeyable(name)  # computed by Pelican from other objects, or missing
    value = content.metadata[name]
    if not isinstance(value, _PLAIN):  # a list, or an object that may change inside
        raise _Unkeyable(name)
    return (type(value), value)


_patterns: dict[Any, Any] = {}  # setting value → its field names (None: not keyable)
# The memo of the build in progress (None between builds): key → (the object, its value);
# holding the object keeps ids unique
_memo: dict[tuple[Any, ...], tuple[Content, str]] | None = None


def _memo_key(self: Content, key: str, klass: str | None) -> tuple[Any, ...]:
    """The memo key of one setting of one object; raise _Unkeyable or TypeError."""
    fq_key = f"{klass or self.__class__.__name__}_{key}".upper()
    pattern = self.settings[fq_key]
    names = _patterns.get(pattern, _UNSEEN)
    if names is _UNSEEN:
        names = _patterns[pattern] = _field_names(str(pattern))
    if names is None:
        raise _Unkeyable(pattern)
    return (id(self), fq_key, pattern, *[_key_value(self, n) for n in names])


def _memoised(memo: dict[tuple[Any, ...], tuple[Content, str]]) -> Callable[..., str]:
    """A formatter of ``url`` and ``save_as`` keeping what it formats in ``memo``."""

    def expand_settings(self: Content, key: str, klass: str | None = None) -> str:
        if not isinstance(self, (Article, Page)):
            return PELICAN_EXPAND_SETTINGS(self, key, klass)
        try:
            memo_key = _memo_key(self, key, klass)
        except (_Unkeyable, TypeError):
            return PELICAN_EXPAND_SETTINGS(self, key, klass)
        found = memo.get(memo_key)
        if found is None:
            found = memo[memo_key] = (self, PELICAN_EXPAND_SETTINGS(self, key, klass))
        return found[1]

    return expand_settings


def memo_size() -> int:
    """How many values the memo holds (0 outside a build)."""
    return len(_memo) if _memo is not None else 0


def take_formatted(size: int, content: Content) -> list[tuple[tuple[Any, ...], str]]:
    """The URL and ``save_as`` of ``content`` formatted now, and what else the memo
    learnt about it since it held ``size`` values: (key without the object, value)
    pairs, for :func:`adopt` in another process. The memo forgets what it learnt since
    (a worker that read ``content`` for another process does not keep it alive)."""
    if _memo is None:
        return []
    try:
        content.url, content.save_as  # noqa: B018 (formatted into the memo)
    except Exception:  # the process that adopts the content formats them, errors included
        return []
    added = list(itertools.islice(_memo.items(), size, None))
    for key, _value in added:
        del _memo[key]
    return [(key[1:], value) for key, (owner, value) in added if owner is content]


def adopt(content: Content, formatted: list[tuple[tuple[Any, ...], str]]) -> None:
    """Put values another process formatted for ``content``'s twin in the memo:
    found again when ``content``'s fields give the same key."""
    if _memo is not None:
        for key, value in formatted:
            _memo.setdefault((id(content), *key), (content, value))


def begin_memo() -> None:
    """Format each URL once per set of inputs, with a fresh memo (forgets any other)."""
    global _memo
    _memo = {}
    format_urls_with(_memoised(_memo))


def end_memo() -> None:
    """Format URLs at every access again, as Pelican does (forgets the memo)."""
    global _memo
    _memo = None
    format_urls_as_pelican()
