"""What a reader can do next: « Que faire ? » under every testimony (issue 13)."""

from __future__ import annotations

from pathlib import Path

from complaints.present.nextsteps import advice_for
from tests.support.pages import soup, visible_text
from tests.support.sample import PIXMANIA_PAGE

TESTIMONIES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"


def test_every_testimony_has_next_steps_ending_with_the_general_ones(built_site: Path) -> None:
    pages = sorted(built_site.glob(TESTIMONIES))
    assert len(pages) >= 11
    for page in pages:
        doc = soup(built_site, str(page.relative_to(built_site)))
        section = doc.select_one("section.next-steps")
        assert section, f"{page}: no « Que faire ? »"
        titles = [visible_text(h) for h in section.select("h3")]
        assert len(titles) >= 2, f"{page}: no advice matched to its issues"
        assert titles[-1] == "Pour tous les litiges"
        assert section.select_one('a[href="https://signal.conso.gouv.fr/"]')


def test_pixmania_next_steps_match_its_issues(built_site: Path) -> None:
    section = soup(built_site, PIXMANIA_PAGE).select_one("section.next-steps")
    expected = advice_for(
        [
            "delivery.wrong_recipient",
            "customer_service.no_response",
            "refund.not_paid",
            "customer_service.loop",
        ]
    )
    assert [visible_text(h) for h in section.select("h3")] == [e.title for e in expected]
    text = visible_text(section)
    for article in ("L216-4", "L216-6", "L216-7", "L612-1"):
        assert f"rticle {article}" in text
    letter = section.select_one("details.model-letter")
    assert visible_text(letter.summary) == "Modèle de lettre à adapter"
    assert "mets en demeure" in visible_text(letter)


def _figures(page) -> dict[str, str]:
    return {
        visible_text(item.dt): visible_text(item.dd)
        for item in page.select("section.scorecard dl.headline-figures > div")
    }


def test_pixmania_first_screen_sums_it_up_without_praise(built_site: Path) -> None:
    page = soup(built_site, "marchands/pixmania/index.html")
    sentence = visible_text(page.select_one("p.merchant-sentence"))
    assert sentence == (
        "D’après 1 témoignage (dossier encore en cours), Pixmania a mis 11\u00a0mois à "
        "répondre, n’a pas tenu une promesse et n’a résolu aucun dossier\u202f: "
        "plus de 900\u00a0€ n’ont pas été récupérés."
    )
    figures = _figures(page)
    assert figures["Réponse sous 15\u00a0jours"] == "0 cas sur 1"
    assert figures["Dossiers résolus"] == "0 sur 1"
    assert figures["Sommes non récupérées"] == "plus de 900\u00a0€"
    assert "100" not in " ".join(figures.values())  # no "taux de réponse 100 %"


def test_detailed_statistics_are_folded_with_their_terms_in_notes(built_site: Path) -> None:
    page = soup(built_site, "marchands/techno-bazar-lunaire/index.html")
    details = page.select_one("section.scorecard details.detailed-stats")
    assert details is not None and not details.has_attr("open")
    plain = visible_text(details.select_one("dl.metrics"))
    assert "Kaplan" not in plain and "Wilson" not in plain and "confiance" not in plain
    notes = visible_text(details.select_one("ol.glossary"))
    assert "Kaplan-Meier" in notes and "Wilson" in notes
    for call in details.select("dl.metrics sup a"):
        assert details.select_one(call["href"]), call["href"]


def test_methodology_opens_with_a_summary_and_a_table_of_contents(built_site: Path) -> None:
    main = soup(built_site, "methodologie/index.html").select_one("main")
    headings = main.select("h2")
    assert visible_text(headings[0]).replace("\u00a0", " ") == "En bref"
    toc = main.select_one("div.toc")
    assert toc is not None
    assert [a["href"] for a in toc.select("a")] == [f"#{h['id']}" for h in headings]
    body = main.select_one(".page-body") or main
    first = body.find(["p", "ul", "h2", "div"])
    assert first.name == "h2" and first.get("id") == "en-bref"


def test_merchant_index_has_one_card_per_row_and_sorts_money_by_currency(
    built_site: Path,
) -> None:
    page = soup(built_site, "marchands/index.html")
    rows = page.select("table.merchants-table tbody tr")
    cards = page.select("ul.merchant-cards > li")
    assert [visible_text(c.h2.a) for c in cards] == [visible_text(r.th.a) for r in rows]
    keys = {visible_text(r.th.a): r.select("td")[-1]["data-sort-value"] for r in rows}
    lost = {visible_text(r.th.a): visible_text(r.select("td")[-1]) for r in rows}
    assert keys["Pixmania"] == "EUR 90000" and lost["Pixmania"] == "plus de 900\u00a0€"
    for name, text in lost.items():
        if text == "aucune":
            assert keys[name] == "0"
        else:
            assert keys[name].split()[0] in {"EUR", "CHF", "USD", "GBP"}, (name, keys[name])


def test_temoigner_page_has_a_prefilled_mailto_and_says_what_is_published(
    built_site: Path,
) -> None:
    from urllib.parse import parse_qs, urlsplit

    page = soup(built_site, "temoigner/index.html")
    link = page.select_one("main a.button[href^='mailto:']")
    parts = urlsplit(link["href"])
    assert parts.path == "redaction@allo-cest-fini.example"  # pelicanconf's CONTACT_EMAIL
    query = parse_qs(parts.query)
    assert query["subject"][0].startswith("Mon témoignage")
    assert "avec leurs dates" in query["body"][0] or "avec leurs dates" in visible_text(page)
    assert "3. Le problème" in query["body"][0]
    text = visible_text(page.select_one("main")).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Vos données personnelles" in text and "ni vos numéros de commande" in text


def test_every_testimony_and_merchant_page_links_to_temoigner_and_the_right_of_reply(
    built_site: Path,
) -> None:
    pages = [*built_site.glob(TESTIMONIES), *built_site.glob("marchands/*/index.html")]
    assert len(pages) >= 15
    for path in pages:
        links = soup(built_site, str(path.relative_to(built_site))).select(".reader-links a")
        hrefs = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links}
        assert hrefs == {"temoigner", "droit-de-reponse"}, path


def test_the_footer_links_to_temoigner(built_site: Path) -> None:
    footer = soup(built_site, "index.html").select_one("footer.site-footer nav")
    assert any(visible_text(a) == "Témoigner" for a in footer.select("a"))


def test_right_of_reply_page_states_the_legal_terms(built_site: Path) -> None:
    text = visible_text(soup(built_site, "droit-de-reponse/index.html").select_one("main"))
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    for term in (
        "gratuite",
        "trois mois",
        "trois jours",
        "celle du message auquel vous répondez",
        "200 lignes",
        "article 1-1, III",
        "décret n° 2007-1527 du 24 octobre 2007, article 3",
        "(même décret, article 4)",
        "jurisprudence",
    ):
        assert term in text, term
    assert "article 13 de la loi du 29 juillet 1881" not in text


def test_front_page_features_the_founding_story_and_the_most_reported_merchants(
    built_site: Path,
) -> None:
    front = soup(built_site, "index.html")
    story = front.select_one("section.founding-story a[rel=bookmark]")
    assert story["href"].endswith("/2009/07/pixmania-camescope-livre-chez-un-autre/")
    counts = [
        int(visible_text(li.select_one(".detail")).split()[0])
        for li in front.select("section.most-reported ol > li")
    ]
    assert counts and counts == sorted(counts, reverse=True)
    assert front.select("section.topics .tag-list a")
    assert soup(built_site, "page/2/index.html").select_one("section.founding-story") is None


def test_trend_table_is_recomputed_from_the_open_data_csv(built_site: Path) -> None:
    import csv
    from statistics import median

    rows = list(csv.DictReader((built_site / "donnees/temoignages.csv").open(encoding="utf-8")))
    credit = {"resolved": 1.0, "partially_resolved": 0.5}
    drawn = 0
    for page in sorted(built_site.glob("marchands/*/index.html")):
        slug = page.parent.name
        table = soup(built_site, f"marchands/{slug}/index.html").select_one("table.trend-table")
        mine = [r for r in rows if r["merchant"] == slug]
        years = sorted({int(r["experience_date"][:4]) for r in mine})
        if table is None:
            assert len(years) < 2 or len(mine) < 3, slug
            continue
        drawn += 1
        shown = {
            int(visible_text(tr.th)): [td["data-value"] for td in tr.select("td")]
            for tr in table.select("tbody tr")
        }
        expected = {}
        for year in years:
            cases = [r for r in mine if r["experience_date"].startswith(str(year))]
            delays = [int(r["days_to_first_answer"]) for r in cases if r["days_to_first_answer"]]
            share = sum(credit.get(r["status"], 0.0) for r in cases) / len(cases)
            expected[year] = [
                str(len(cases)),
                f"{share:.4f}",
                "" if not delays else f"{median(delays):g}",
            ]
        assert {y: [n, s, d.removesuffix(".0")] for y, (n, s, d) in shown.items()} == expected
    assert drawn >= 2  # Techno-Bazar Lunaire and Maison Plumetis
