"""French grammar of generated text: elision of "de" and plurals.

Plurals follow Babel's French plural rule (CLDR: 0 and 1 take the singular).
"""

from __future__ import annotations

from babel import Locale
from markupsafe import Markup

ELIDING_INITIALS = frozenset("aeiouyéèêëàâäîïôöûüùh")
"""Initials before which "de" becomes "d’" (vowels and mute h)."""
_FRENCH = Locale.parse("fr")


def elides(word: object) -> bool:
    """Whether "de"/"le" elide before ``word`` (its text, tags stripped)."""
    text = Markup(word).striptags() if isinstance(word, Markup) else str(word)
    return text.strip()[:1].lower() in ELIDING_INITIALS


def de(name: object) -> str:
    """ "de Pixmania", "d’Allo C'Est Fini"; a Markup name stays Markup."""
    prefix = "d’" if elides(name) else "de "
    return prefix + name if isinstance(name, Markup) else prefix + str(name)


def plural(count: float, one: str, other: str | None = None) -> str:
    """The form of ``one`` for ``count`` things: ``plural(2, "dossier")`` → "dossiers".

    ``other`` defaults to each word of ``one`` with an "s" ("témoignage publié" →
    "témoignages publiés").
    """
    if _FRENCH.plural_form(abs(count)) == "one":
        return one
    return other if other is not None else " ".join(word + "s" for word in one.split(" "))
