"""The sample site: where it is, the names tests read, the values its builds get."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

#: SITEURL of production builds that are not served (publishconf.py reads SITEURL)
TEST_SITEURL = "https://allo-cest-fini.example"

#: The legal notice's values in the environment of every build of a session (the
#: production build refuses « [À COMPLÉTER »): markup and an ampersand, to be escaped.
TEST_LEGAL_VALUES = {
    "LEGAL_DIRECTOR": "Camille <Exemple> & Cie",
    "LEGAL_PUBLISHER_ADDRESS": "Siège d’essai, Ville d’essai",
    "LEGAL_HOST": "Hébergeur d’essai SAS",
}

#: The founding testimony, relative to a content folder
PIXMANIA = "temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
#: Its page, relative to an output folder
PIXMANIA_PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/index.html"
#: A draft of the sample content, relative to a content folder
DRAFT = "temoignages/temoignages/brouillon-maison-plumetis-nappe-tachee.md"
METHODOLOGY_PAGE = "methodologie/index.html"
