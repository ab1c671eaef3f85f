"""French typography for the literal text of Jinja templates, once, when they compile.

``typeset_template(source)`` hides every Jinja tag behind a letters-only placeholder,
runs :func:`typographie.french.apply` over the rest and puts the tags back: a
placeholder reads as a word, so ``Marchand : {{ name }}`` or ``« {{ tag }} »`` get
their spaces and ``<{{ heading }} class="x">`` stays a tag. What a variable prints is
typeset where it enters the site, not here (docs/typography.md).
"""

from __future__ import annotations

import re

from .french import apply

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LETTERS = "abcdefghij"
_MARK = "Qjx"


def _placeholder(index: int) -> str:
    return _MARK + "".join(_LETTERS[int(d)] for d in str(index)) + _MARK[::-1]


def typeset_template(source: str) -> str:
    """The template source with its literal text typeset (unchanged if unsafe)."""
    if _MARK in source or "{% raw" in source:
        return source
    blocks: list[str] = []

    def hide(match: re.Match[str]) -> str:
        blocks.append(match.group())
        return _placeholder(len(blocks) - 1)

    hidden = _JINJA.sub(hide, source)
    typeset = apply(hidden)
    placeholders = [_placeholder(i) for i in range(len(blocks))]
    if any(typeset.count(p) != 1 for p in placeholders):
        return source  # a rule touched a placeholder: keep the template as written
    for placeholder, block in zip(placeholders, blocks, strict=True):
        typeset = typeset.replace(placeholder, block, 1)
    return typeset
