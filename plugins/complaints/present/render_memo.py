"""Template fragments rendered once per build (no Jinja import).

A testimony's card is the same in every list that shows it. Wrapped in
``{% call memo("card", article, heading, SITEURL) %}…{% endcall %}`` its body is
rendered the first time and the same Markup returned afterwards. The key names the
fragment, the object it shows (by identity, kept with the fragment) and every other
value the body reads; a body may read nothing else. One memo lives in one build's context.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class RenderMemo:
    """What each ``(name, object, values…)`` key rendered the first time."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[Hashable, ...], tuple[Any, Any]] = {}

    def __call__(self, name: str, subject: Any, *values: Hashable,
                 caller: Callable[[], Any]) -> Any:  # fmt: skip
        key = (name, id(subject), *values)
        found = self._rendered.get(key)
        if found is None:
            found = self._rendered[key] = (subject, caller())
        return found[1]

    def __len__(self) -> int:
        return len(self._rendered)
