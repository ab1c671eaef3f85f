"""Profiles typeset once, at the data level (pure).

The rule (docs/typography.md): every string a reader sees is typeset once, where it
enters the site, as Unicode characters (U+202F before ``; : ! ?`` and inside ``« »``,
U+00A0 in ``900 €``…): testimony titles and bodies by the ``typographie`` plugin,
merchant names, author bios and the profiles' Markdown texts here. Pages, feeds,
JSON-LD, CSV and JSON then carry the same text. Author names are kept as written:
they must equal the ``author:`` of the testimonies (Pelican's author pages, feeds).
"""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from complaints.domain.profiles import AuthorProfile, MerchantProfile
from typographie import apply, apply_text


def typeset_merchant(profile: MerchantProfile) -> MerchantProfile:
    """The profile with its name and description typeset."""
    return replace(
        profile,
        name=apply_text(profile.name),
        description=Markup(apply(str(profile.description))),
    )


def typeset_author(profile: AuthorProfile) -> AuthorProfile:
    """The profile with its bio and text typeset."""
    return replace(
        profile,
        bio=apply_text(profile.bio) if profile.bio else profile.bio,
        body=Markup(apply(str(profile.body))),
    )
