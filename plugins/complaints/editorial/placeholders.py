"""Text an editor was meant to replace: the testimony skeleton and "[À COMPLÉTER" markers.

Pure: no Pelican. The skeleton phrases are read from ``docs/testimony-template.md``,
the file ``invoke new`` copies, so the template and this check cannot drift apart:
its summary, its ordered item and every sentence of its body paragraphs (headings
excluded: an editor may keep "Ce qui s'est passé"). The template's amount (100 €) is
not a phrase: a real order may cost 100 €, so it is never reported on its own.
A phrase of fewer than four words ("objet commandé") is reported only when it is the
whole text (a field), never inside a body where it is ordinary French.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from complaints.editorial.frontmatter import split_front_matter

TEMPLATE = Path(__file__).resolve().parents[3] / "docs" / "testimony-template.md"
TO_COMPLETE = re.compile(r"\[\s*[AÀ]\s+COMPL[EÉ]TER[^\]\n]*\]?", re.IGNORECASE)
SHORT_WORDS = 4
"""Phrases shorter than this must be the whole text to count."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_(])")


def comparable(text: str) -> str:
    """Text as compared: one space for any whitespace, straight apostrophes."""
    return " ".join(text.replace("’", "'").split())


def template_phrases(template: str) -> list[str]:
    """The phrases of a testimony template that an editor must replace."""
    data, body = split_front_matter(template, str(TEMPLATE))
    phrases = [str(data.get("summary", ""))]
    phrases.append(str(data.get("testimony", {}).get("order", {}).get("item", "")))
    for paragraph in re.split(r"\n\s*\n", body):
        if paragraph.strip() and not paragraph.lstrip().startswith("#"):
            phrases += SENTENCE_END.split(comparable(paragraph))
    return [comparable(p) for p in phrases if p.strip()]


@cache
def skeleton_phrases() -> tuple[str, ...]:
    """The skeleton phrases of ``docs/testimony-template.md``, read once."""
    return tuple(template_phrases(TEMPLATE.read_text(encoding="utf-8")))


def find_placeholders(text: str, phrases: tuple[str, ...] | None = None) -> list[str]:
    """Skeleton phrases and "[À COMPLÉTER …]" markers left in ``text``, in order.

    ``phrases`` defaults to the template's skeleton phrases. Whitespace and the kind
    of apostrophe do not matter; each placeholder is reported once.
    """
    flat = comparable(text)
    found = [
        (flat.find(p), p)
        for p in (skeleton_phrases() if phrases is None else phrases)
        if (p in flat if len(p.split()) >= SHORT_WORDS else p.casefold() == flat.casefold())
    ]
    found += [(m.start(), m.group()) for m in TO_COMPLETE.finditer(flat)]
    return list(dict.fromkeys(p for _, p in sorted(found)))
