"""The site's vocabulary record for split search bundles: complaints.search_vocabulary."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from complaints.outputs.search_vocabulary import VOCABULARY_FILTER, page_words, vocabulary_page

PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Titre seul</title></head><body>
<nav>Accueil Marchands</nav>
<article data-pagefind-body>
  <h1>Une résiliation refusée</h1>
  <p>Le 1<sup>er</sup> mars, <em>rem</em>boursé &amp; livré.</p><p>Fin</p>
  <img src="x.png" alt="photo du colis">
  <section data-pagefind-ignore><p>Consultez un juriste</p></section>
  <div class="case timeline-legend">Repères</div>
  <script>var ignored = 1;</script>
</article>
<footer>Mentions légales</footer>
</body></html>"""


def test_words_of_the_searchable_parts_only() -> None:
    words = page_words(PAGE.encode(), [".timeline-legend"])
    assert {"Une", "résiliation", "refusée", "mars,", "&", "Fin", "photo", "colis"} <= words
    for absent in ("Accueil", "Mentions", "juriste", "Repères", "ignored", "Titre"):
        assert not any(absent in w for w in words), absent


def test_inline_elements_give_the_joined_word_and_its_parts() -> None:
    words = page_words(PAGE.encode())
    assert {"1er", "1", "er", "remboursé", "rem", "boursé"} <= words
    assert "Repères" in words  # no selector given: the legend is read


def test_a_page_without_searchable_part_or_empty_has_no_word() -> None:
    assert page_words(b"<html><body><p>texte</p></body></html>") == set()
    assert page_words(b"  ") == set()


def words_of(body: str, ignored: tuple[str, ...] = (".timeline-legend",)) -> set[str]:
    return page_words(f"<!DOCTYPE html><html><body>{body}</body></html>".encode(), ignored)


def test_an_ignored_part_leaves_no_seam_even_nested_or_inline() -> None:
    body = (
        "<main data-pagefind-body>Avant <section data-pagefind-ignore>caché"
        "<div class='timeline-legend'>légende</div><script>var x;</script>aussi</section> après"
        " <em>re</em><script>x</script><style>p{}</style>çu a<script>x</script>b</main>"
    )
    assert words_of(body) == {"Avant", "après", "re", "çu", "reçu", "ab"}


def test_comments_entities_and_cdata_as_lxml_reads_them() -> None:
    body = "<article data-pagefind-body>un<!-- note -->deux trois&amp;quatre&lt;cinq <![CDATA[six]]>sept</article>"
    assert words_of(body) == {"un", "deux", "undeux", "trois&quatre<cinq", "sept"}


def test_every_searchable_part_is_read_even_one_inside_an_ignored_part() -> None:
    body = (
        "<div data-pagefind-body>A</div><p>hors</p><div data-pagefind-body>B<aside"
        " data-pagefind-ignore>C<div data-pagefind-body>D</div></aside>E</div>"
    )
    assert words_of(body) == {"A", "BE", "D"}


def test_alt_and_title_outside_ignored_parts_only() -> None:
    body = (
        "<div data-pagefind-body title='titre du corps'><img alt='photo du colis'>"
        "<span data-pagefind-ignore><img alt='image cachée' title='titre caché'></span>"
        "<p class='timeline-legend' title='légende'>L</p></div>"
    )
    assert words_of(body) == {"titre", "du", "corps", "photo", "colis"}


def test_words_are_split_on_unicode_spaces_as_str_split_does() -> None:
    body = "<div data-pagefind-body>a\xa0b\u2009c\u202fd\u3000e\x1cf\x85g\u200bh i&nbsp;j&#8201;k x\xa0<b>y</b>z</div>"
    words = {"a", "b", "c", "d", "e", "f", "g\u200bh", "i", "j", "k", "x", "y", "yz", "z"}
    assert words_of(body) == words


def test_an_ignored_class_is_a_whole_class_name_split_on_xml_spaces() -> None:
    body = (
        "<div data-pagefind-body><p class='case\ttimeline-legend'>tab</p>"
        "<p class='timeline-legend-x'>suffixe</p><p class='timeline-legend\xa0x'>insécable</p>"
        "<p class=' timeline-legend '>espaces</p></div>"
    )
    assert words_of(body) == {"suffixe", "insécable", "suffixeinsécable"}


def test_empty_searchable_parts_and_selectors_other_than_a_class() -> None:
    assert words_of("<div data-pagefind-body> </div><div data-pagefind-body></div>") == set()
    with pytest.raises(ValueError):
        words_of("<div data-pagefind-body>x</div>", (".",))


def test_the_record_holds_every_word_escaped_and_its_filter() -> None:
    page = vocabulary_page({"b<c", "a&b", "résiliation"})
    body = lxml_html.fromstring(page.encode()).xpath("//*[@data-pagefind-body]")[0]
    assert body.text_content().split() == ["a&b", "b<c", "résiliation"]
    assert body.get("data-pagefind-filter") == f"{VOCABULARY_FILTER}:oui"
    assert lxml_html.fromstring(page.encode()).get("lang") == "fr"
