"""A variant of the sample content: what must never leak, and what feeds must resolve.

One copy of the whole content gets: two pieces (a PDF, a photo) linked only from a
draft; a letter attached to the Pixmania testimony; a merchant whose only testimony is
a draft; another whose only testimony is hidden; relative links and an anchor in the
Pixmania body. tests/site/conftest.py builds it once per settings file.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.content import append_to, copy_content, write
from tests.support.sample import DRAFT, PIXMANIA

DRAFT_ONLY_NAME = "Boutique Confidentielle"
DRAFT_ONLY_SLUG = "boutique-confidentielle"
DRAFT_ONLY_TESTIMONY = "brouillon-secret"
HIDDEN_ONLY_NAME = "Boutique Invisible"  # ASCII: the same in JSON and CSV
HIDDEN_ONLY_SLUG = "boutique-invisible"
HIDDEN_ONLY_TESTIMONY = "cache-secret"
HIDDEN_ONLY_PAGE = f"2026/11/{HIDDEN_ONLY_TESTIMONY}/index.html"
DRAFT_PIECES = ("pieces/facture-brouillon.pdf", "pieces/photo-brouillon.jpg")
DRAFT_PIECE_TEXT = "pièce du brouillon"
LETTER_PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/lettre.pdf"
RELATIVE_LINKS = (
    "\n\n## Le dossier {#le-dossier}\n\nVoir [les marchands](/marchands/), "
    "[le dossier](#le-dossier), [la méthode](../../../methodologie/) et "
    '![un logo](/images/marchands/pixmania.svg "logo").\n'
)


def merchant_profile(name: str) -> str:
    return f"---\nname: {name}\nwebsite: https://secret.example\nfictional: true\n---\nMarchand fictif.\n"


def testimony_of_its_own(content: Path, merchant: str, slug: str, status: str) -> None:
    """A copy of the sample draft (as written: without the pieces' links) about
    ``merchant``, with ``slug`` and ``status``."""
    text = (content / DRAFT).read_text(encoding="utf-8")
    text = text.replace("merchant: maison-plumetis", f"merchant: {merchant}")
    text = text.replace("slug: brouillon-maison-plumetis-nappe-tachee", f"slug: {slug}")
    text = text.replace("status: draft", f"status: {status}")
    write(content / f"temoignages/temoignages/{slug}.md", text)


def make_variant(destination: Path) -> Path:
    """The variant content at ``destination`` (returned)."""
    content = copy_content(destination)
    write(content / f"merchants/{DRAFT_ONLY_SLUG}.md", merchant_profile(DRAFT_ONLY_NAME))
    testimony_of_its_own(content, DRAFT_ONLY_SLUG, DRAFT_ONLY_TESTIMONY, "draft")
    write(content / f"merchants/{HIDDEN_ONLY_SLUG}.md", merchant_profile(HIDDEN_ONLY_NAME))
    testimony_of_its_own(content, HIDDEN_ONLY_SLUG, HIDDEN_ONLY_TESTIMONY, "hidden")
    write(content / DRAFT_PIECES[0], f"%PDF-1.4 {DRAFT_PIECE_TEXT}\n")
    write(content / DRAFT_PIECES[1], f"JPEG {DRAFT_PIECE_TEXT}\n")
    append_to(
        content / DRAFT,
        f"\n[La facture]({{static}}/{DRAFT_PIECES[0]}),"
        f" [la photo]({{attach}}../../{DRAFT_PIECES[1]}).\n",
    )
    write(content / "pieces/lettre.pdf", "%PDF-1.4 lettre\n")
    append_to(content / PIXMANIA, "\n[La lettre]({attach}../../pieces/lettre.pdf).\n")
    append_to(content / PIXMANIA, RELATIVE_LINKS)
    return content
