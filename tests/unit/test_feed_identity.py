"""Feed identity, titles and links (complaints.feeds), plain text, typeset profiles, JSON-LD types."""

from __future__ import annotations

import html
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import lxml.html
import pytest
from lxml import etree
from markupsafe import Markup

from complaints.domain.problems import ContentError
from complaints.editorial.profiles import AuthorProfile, MerchantProfile, read_author
from complaints.outputs.feeds import (
    FICTIONAL_NOTICE,
    FeedPage,
    absolute_links,
    feed_page,
    feed_title,
    is_fictional,
)
from complaints.present.jsonld import article_jsonld, publisher
from complaints.present.text import plain_text
from complaints.present.typeset import typeset_author, typeset_merchant
from typographie.french import NBSP, NNBSP, apply_text

BASE = "https://example.org/2009/07/x/"
SETTINGS = {
    "SITENAME": "Allo C'Est Fini",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "CATEGORY_FEED_ATOM": "feeds/rubriques/{slug}.atom.xml",
    "CATEGORY_URL": "rubriques/{slug}/",
    "TAG_FEED_RSS": "feeds/etiquettes/{slug}.rss.xml",
    "TAG_URL": "etiquettes/{slug}/",
    "AUTHOR_FEED_ATOM": "feeds/auteurs/{slug}.atom.xml",
    "AUTHOR_URL": "auteurs/{slug}/",
}

# -- which page a feed syndicates ---------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name", "url", "title_start"),
    [
        ("feeds/all.atom.xml", "", "", "Allo C’Est Fini — tous"),
        ("feeds/rubriques/enquetes.atom.xml", "Enquêtes", "rubriques/enquetes/", "Rubrique Enquêtes"),
        ("feeds/etiquettes/service-client.rss.xml", "service client", "etiquettes/service-client/", f"Étiquette «{NNBSP}service client{NNBSP}»"),
        ("feeds/auteurs/la-redaction.atom.xml", "La rédaction", "auteurs/la-redaction/", "Témoignages de La rédaction"),
        ("feeds/auteurs/allo.atom.xml", "Allo C'Est Fini", "auteurs/allo/", "Témoignages d’Allo"),
        ("feeds/inconnu/x.atom.xml", "x", "", "Allo C’Est Fini — tous"),
    ],
)  # fmt: skip
def test_feed_page_from_the_output_path(path: str, name: str, url: str, title_start: str) -> None:
    page = feed_page(SETTINGS, path, name)
    assert page.url == url
    assert page.title.startswith(title_start), page.title


def test_feed_page_does_not_match_a_longer_path() -> None:
    assert feed_page(SETTINGS, "feeds/rubriques/a/b.atom.xml", "x").url == ""


def test_feed_title_is_plain_typeset_text() -> None:
    title = feed_title("merchant", "A & <B> : C", sitename="S")
    assert title == f"Témoignages sur A & <B>{NNBSP}: C — S"
    assert FeedPage("u", title).title == title


# -- absolute links ---------------------------------------------------------------


def test_relative_and_fragment_links_are_resolved_against_the_entry() -> None:
    html = (
        '<p>Voir <a href="/marchands/">les marchands</a>, <a href="#le-dossier">le dossier</a>'
        ' et <img src="../photo.png" srcset="a.png 1x, /b.png 2x" alt=""></p>'
    )
    out = absolute_links(html, BASE)
    assert 'href="https://example.org/marchands/"' in out
    assert f'href="{BASE}#le-dossier"' in out
    assert 'src="https://example.org/2009/07/photo.png"' in out
    assert "https://example.org/2009/07/x/a.png 1x" in out and "https://example.org/b.png 2x" in out


def test_absolute_links_keep_text_entities_and_absolute_urls() -> None:
    html = 'Début &amp; &lt;fin&gt; <a href="https://autre.example/">x</a><!-- chronologie -->'
    assert absolute_links(html, BASE) == html
    assert absolute_links("", BASE) == ""
    assert absolute_links("texte seul", BASE) == "texte seul"


def test_mailto_and_tel_links_are_left_alone() -> None:
    html = '<p><a href="mailto:redaction@example.org">écrire</a> <a href="tel:+33100">t</a></p>'
    assert absolute_links(html, BASE) == html


# -- fictional notice ------------------------------------------------------------------


def test_fictional_from_the_case_or_the_merchant() -> None:
    fictional = SimpleNamespace(fictional=True)
    real = SimpleNamespace(fictional=False)
    assert is_fictional(SimpleNamespace(case=fictional, merchant=real))
    assert is_fictional(SimpleNamespace(case=real, merchant=fictional))
    assert not is_fictional(SimpleNamespace(case=real, merchant=real))
    assert not is_fictional(SimpleNamespace())
    assert f"magazine{NNBSP};" in FICTIONAL_NOTICE


# -- plain text ---------------------------------------------------------------------


def test_plain_text_keeps_no_break_spaces_and_collapses_the_others() -> None:
    assert plain_text(f"<b>Pixmania</b>{NNBSP}:  un\n caméscope à 900{NBSP}€ &amp; co") == (
        f"Pixmania{NNBSP}: un caméscope à 900{NBSP}€ & co"
    )
    assert plain_text("<!-- x --> <i>a</i> ") == "a"
    assert plain_text(Markup("<p>A</p>")) == "A"


def test_apply_text_treats_markup_signs_as_text() -> None:
    assert apply_text("A<b> & C : D") == f"A<b> & C{NNBSP}: D"
    assert apply_text("") == ""


# -- profiles -----------------------------------------------------------------------


def test_profiles_are_typeset_once_at_load() -> None:
    merchant = typeset_merchant(
        MerchantProfile(slug="m", name="Ça va ?", description=Markup("<p>Prix : 15 €</p>"))
    )
    assert merchant.name == f"Ça va{NNBSP}?"
    assert merchant.description == Markup(f"<p>Prix{NNBSP}: 15{NBSP}€</p>")
    author = typeset_author(AuthorProfile(slug="a", name="L'équipe", bio="Note : « x »"))
    assert author.bio == f"Note{NNBSP}: «{NNBSP}x{NNBSP}»"
    assert author.name == "L'équipe"  # equal to the testimonies' author: field
    assert typeset_author(author) == author


def _author_file(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "equipe.md"
    path.write_text(f"---\nname: L'équipe\n{extra}---\nTexte.\n", encoding="utf-8")
    return path


def test_author_kind_defaults_to_person_and_accepts_organization(tmp_path: Path) -> None:
    assert read_author(_author_file(tmp_path, "")).kind == "person"
    assert read_author(_author_file(tmp_path, "kind: organization\n")).kind == "organization"


def test_an_unknown_author_kind_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as raised:
        read_author(_author_file(tmp_path, "kind: team\n"))
    (problem,) = raised.value.problems
    assert problem.field == "kind"


# -- JSON-LD ------------------------------------------------------------------------


def test_article_authors_are_typed_from_profiles_and_have_a_publisher() -> None:
    from datetime import datetime

    authors = [
        SimpleNamespace(slug="la-redaction", url="auteurs/la-redaction/"),
        SimpleNamespace(slug="jeanne", url="auteurs/jeanne/"),
    ]
    article = SimpleNamespace(
        title="T",
        url="2009/07/x/",
        date=datetime(2009, 7, 6),
        category="Témoignages",
        authors=authors,
    )
    profiles = {
        "la-redaction": AuthorProfile(slug="la-redaction", name="La rédaction", kind="organization")
    }
    org = publisher("Le magazine", "https://example.org", "theme/images/logo.svg")
    data = article_jsonld(article, "https://example.org", profiles=profiles, publisher=org)
    assert [a["@type"] for a in data["author"]] == ["Organization", "Person"]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Le magazine",
        "url": "https://example.org/",
        "logo": {"@type": "ImageObject", "url": "https://example.org/theme/images/logo.svg"},
    }


def lxml_absolute_links(fragment: str, base_url: str) -> str:
    """absolute_links through lxml's own walk over every element, for comparison."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    root.make_links_absolute(base_url, resolve_base_href=False)
    for element in root.xpath("//*[@srcset]"):
        srcset = element.get("srcset").split(",")
        element.set("srcset", ", ".join(" ".join([urljoin(base_url, c.split()[0]), *c.split()[1:]])
                                        for c in srcset if c.split()))  # fmt: skip
    for element in root.xpath("//*[@poster]"):
        element.set("poster", urljoin(base_url, element.get("poster").strip()))
    inner = html.escape(root.text or "", quote=False)
    return inner + "".join(etree.tostring(c, encoding="unicode", method="html") for c in root)


@pytest.mark.parametrize(
    "fragment",
    [
        '<p><a href=" ../z ">z</a> <a href="a&amp;b?c=1&amp;d">e</a><a href="">vide</a></p>',
        '<a href="https://example.org/a/../b?">déjà absolu</a> <a href="HTTP://X.EXAMPLE/x">x</a>',
        '<svg><use xlink:href="#a"/></svg><form action="envoi"><button formaction="va">b</button></form>',
        '<img src="x.png" longdesc="ld" usemap="#m" lowsrc="l" dynsrc="d" background="b" profile="p">',
        '<img src="a.png" srcset="a.png 1x, b.png 2x" alt=""><video poster=" p.jpg "></video>',
        '<p style="background: url(fond.png)"><a href="y">y</a></p>',
        "<style>p { background: url(x.png) }</style><a href=\"y\">y</a>",
        '<object codebase="cb/" data="d.swf" archive="a.jar"><param valuetype="ref" value="v"></object>',
        '<meta http-equiv="refresh" content="0; url=suite.html"><a href="y">y</a>',
        '<base href="https://autre.example/"><a href="y">y</a>',  # lxml applies it, drops it
        '<BASE HREF="../b/"><img src="i.png" srcset="i.png 2x">',
        'texte <a href="y">y</a> &amp; &lt; <br/> <!-- href="c" --> <p>sans fin',
    ],
)  # fmt: skip
def test_absolute_links_are_what_lxml_makes_absolute(fragment: str) -> None:
    assert absolute_links(fragment, BASE) == lxml_absolute_links(fragment, BASE)


def test_spaced_attributes_and_upper_case_are_rewritten_too() -> None:
    out = absolute_links(
        '<p>Une réaction : <A HREF = "/x/">x</A> <video poster="p.jpg"></video></p>', BASE
    )
    assert 'href="https://example.org/x/"' in out
    assert 'poster="https://example.org/2009/07/x/p.jpg"' in out
