"""The site's vocabulary record for split search bundles: complaints.search_vocabulary."""

from __future__ import annotations

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


def test_the_record_holds_every_word_escaped_and_its_filter() -> None:
    page = vocabulary_page({"b<c", "a&b", "résiliation"})
    body = lxml_html.fromstring(page.encode()).xpath("//*[@data-pagefind-body]")[0]
    assert body.text_content().split() == ["a&b", "b<c", "résiliation"]
    assert body.get("data-pagefind-filter") == f"{VOCABULARY_FILTER}:oui"
    assert lxml_html.fromstring(page.encode()).get("lang") == "fr"
