"""The HTML case box: semantic, readable without CSS, French labels, no ids."""

import pytest
from bs4 import BeautifulSoup

from complaints.domain.model import parse_testimony
from complaints.domain.timeline import derive_facts
from complaints.present.render import elapsed_text, insert_case_html, render_case_html
from tests.support.content import pixmania_testimony


def render(data):
    testimony = parse_testimony(data, source="t.md", merchants=None)
    html = render_case_html(testimony, derive_facts(testimony))
    return html, BeautifulSoup(html, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").replace("\u00a0", " ").split())


@pytest.fixture
def page():
    return render(pixmania_testimony())


def test_structure(page):
    html, soup = page
    section = soup.find("section", class_="case")
    assert section is not None
    assert section.find("h2").get_text() == "Le dossier"
    assert section.find("dl") is not None
    assert section.find("ol", class_="timeline") is not None
    assert not soup.find_all(id=True)
    assert not soup.find_all("script")
    assert "style=" not in html


def test_summary(page):
    _, soup = page
    summary = text(soup.find("dl"))
    assert "13 juillet 2008" in summary
    assert "caméscope numérique" in summary
    assert "plus de 900 €" in summary
    assert "site web" in summary
    assert "Colissimo" in summary
    assert "en cours" in summary
    assert "en cours depuis plus d’un an" in summary
    assert "environ 11 mois après le premier signalement" in summary
    assert soup.find("dl").find("time")["datetime"] == "2008-07-13"


def test_timeline_items(page):
    _, soup = page
    items = soup.find("ol", class_="timeline").find_all("li", recursive=False)
    assert len(items) == 7
    assert items[1].find("time")["datetime"] == "2008-07"
    assert [t["datetime"] for t in items[2].find_all("time")] == ["2008-07", "2009-05"]
    assert "de juillet 2008 à mai 2009" in text(items[2])
    assert "vers juin 2009" in text(items[3])
    # after a period the gap is unknown: nothing like "11 mois plus tard" is claimed
    assert "plus tard" not in text(items[3])
    offer = text(items[4])
    assert "Le marchand propose par le serveur vocal" in offer
    assert "remboursement, nouvelle commande ou avoir" in offer
    assert "Le consommateur choisit : « remboursement »." in text(items[5])  # text() splits spaces
    assert text(items[0]).endswith("Le consommateur commande sur le site web.")
    assert "remis à une autre personne" in text(items[1])


def test_no_english_vocabulary_leaks(page):
    _, soup = page
    visible = text(soup)
    for raw in (
        "merchant",
        "consumer",
        "delivery_problem",
        "ivr",
        "store_credit",
        "open",
    ):
        assert raw not in visible.split()


def test_right_of_reply_is_set_apart():
    data = pixmania_testimony()
    data["events"].append(
        {
            "date": "2009-07-10",
            "actor": "merchant",
            "kind": "merchant_reply",
            "note": "<b>Nous</b> regrettons",
        }
    )
    data["outcome"]["as_of"] = "2009-07-10"
    html, soup = render(data)
    aside = soup.find("aside")
    assert aside.find("h3").get_text() == "Droit de réponse du marchand"
    assert "regrettons" in text(aside)
    assert "&lt;b&gt;Nous" in html
    assert "<b>" not in html  # autoescaped
    assert len(soup.find("ol").find_all("li")) == 7


def test_resolved_phrase():
    data = pixmania_testimony()
    data["events"].append({"date": "2009-07-06", "actor": "merchant", "kind": "remedy_received"})
    data["outcome"]["status"] = "resolved"
    data["outcome"]["resolution"] = "refund"
    _, soup = render(data)
    summary = text(soup.find("dl"))
    assert "résolu en plus d’un an" in summary
    assert "remboursement" in summary


def test_elapsed_text_exact():
    data = {
        "merchant": "x",
        "experience_date": "2021-01-04",
        "order": {"date": "2021-01-04", "item": "table"},
        "events": [
            {"date": "2021-01-04", "actor": "consumer", "kind": "complaint"},
            {"date": "2021-01-25", "actor": "merchant", "kind": "remedy_received"},
        ],
        "outcome": {"status": "resolved", "as_of": "2021-02-01"},
    }
    facts = derive_facts(parse_testimony(data, source="t", merchants=None))
    assert elapsed_text(facts).replace("\u00a0", " ") == "en 3 semaines"


def test_insert_case_html():
    box = '<section class="case"></section>'
    assert insert_case_html("<p>a</p><!-- chronologie --><p>b</p>", box) == (
        f"<p>a</p>{box}<p>b</p>"
    )
    assert insert_case_html("<p>a</p><p>b</p>", box) == f"<p>a</p>\n{box}<p>b</p>"
    assert insert_case_html("texte", box) == f"texte{box}"
