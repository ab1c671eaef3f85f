"""Generate a large, deterministic content folder for the build benchmark.

    python benchmarks/generate.py --n 5000 --merchants 200 --out benchmarks/work/content-5000

In this site's exact format (see content/): N testimonies under ``temoignages/<section>/``
(4–9 chronological events, statuses, amounts, issues, lessons; ~600 words of Markdown,
``<!-- chronologie -->`` marker), several sections, ~30 tags, a few authors; M
merchant profiles (the site's own first, then invented ones, all ``fictional: true``
but Pixmania; testimonies spread over them by a Zipf-like law); author profiles, the
site's pages and images. One seeded ``random.Random``: the same arguments, the same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content"

SECTIONS = [  # (category, folder, weight)
    ("Témoignages", "temoignages", 70),
    ("Analyses", "analyses", 10),
    ("Enquêtes", "enquetes", 8),
    ("Guides pratiques", "guides", 7),
    ("Actualités", "actualites", 5),
]

TAGS = [
    "livraison", "remboursement", "service client", "serveur vocal", "colis perdu",
    "produit défectueux", "garantie", "rétractation", "contrefaçon", "facturation",
    "abonnement", "médiation", "bonne pratique", "point relais", "transporteur",
    "lettre recommandée", "réseaux sociaux", "avoir", "frais cachés", "prélèvement",
    "électroménager", "informatique", "téléphonie", "mode", "ameublement",
    "jouets", "voyage", "billetterie", "marketplace", "paiement",
]  # fmt: skip

AUTHORS = [  # (name, slug, bio, website)
    ("La rédaction", "la-redaction", None, None),
    ("Allo C'Est Fini", "allo-cest-fini", None, None),
    ("Camille Bérard", "camille-berard",
     "Juriste bénévole, suit les dossiers de garantie et de rétractation.",
     "https://camille-berard.example"),
    ("Yves Lemarchand", "yves-lemarchand",
     "Ancien logisticien, décortique les chaînes de livraison.",
     "https://yves-lemarchand.example"),
    ("Nadia Ferhat", "nadia-ferhat",
     "Journaliste, coordonne les enquêtes sur les marketplaces.",
     "https://nadia-ferhat.example"),
]  # fmt: skip

ITEMS = [
    "caméscope numérique", "téléviseur 55 pouces", "lave-linge", "réfrigérateur",
    "ordinateur portable", "smartphone", "casque audio", "disque dur externe",
    "canapé trois places", "matelas", "vélo électrique", "aspirateur robot",
    "machine à café", "console de jeux", "imprimante", "montre connectée",
    "appareil photo", "parure de lit", "poussette", "billet de train",
]  # fmt: skip
CARRIERS = ["Colissimo", "Chronopost", "DPD", "GLS", "Mondial Relay", "UPS",
            "livreur du marchand", "Relais Colis"]  # fmt: skip
DELIVERY_MODES = ["home", "relay_point", "locker", "store"]
ISSUES = [
    "delivery.late", "delivery.lost", "delivery.wrong_recipient", "delivery.damaged",
    "delivery.incomplete", "delivery.never", "refund.not_paid", "refund.partial",
    "refund.late", "customer_service.no_response", "customer_service.loop",
    "customer_service.unreachable", "product.defective", "product.not_as_described",
    "product.counterfeit", "billing.overcharge", "billing.unauthorized",
    "billing.hidden_fees", "warranty.refused", "withdrawal.refused",
    "subscription.cancel_refused",
]  # fmt: skip
LESSONS = [
    "secure_delivery_chain", "working_complaints_service", "social_media_presence",
    "keep_written_records", "use_registered_letter", "contact_mediator",
    "pay_by_card_protection", "check_before_signing",
]  # fmt: skip
COMPLAINT_CHANNELS = ["phone", "ivr", "email", "web_form", "chat", "letter",
                      "social_media"]  # fmt: skip
RESOLVED = ["refund", "replacement", "redelivery", "repair", "store_credit"]
PARTIAL = ["goodwill", "store_credit", "refund"]

MERCHANT_WORDS_A = [
    "Techno", "Maison", "Boutique", "Comptoir", "Bazar", "Atelier", "Galerie",
    "Marché", "Entrepôt", "Cabinet", "Jardin", "Studio", "Manufacture", "Halle",
]  # fmt: skip
MERCHANT_WORDS_B = [
    "Lunaire", "Plumetis", "Tournevent", "Grimaldoux", "Edelweissine", "Sornette",
    "Azurin", "Boréal", "Capucine", "Dorémi", "Éphémère", "Farfadet", "Galopin",
    "Hirondelle", "Icare", "Jonquille", "Kiwano", "Lavande", "Mirabelle",
    "Nuage", "Orage", "Pistache", "Quenouille", "Ricochet", "Sarabande",
]  # fmt: skip
COUNTRIES = ["FR", "FR", "FR", "FR", "BE", "CH", "LU", "DE", "ES"]

# Sentence material for the body: French-ish, with the typographic cases the
# typography pass has to handle (quotes, colons, amounts, dates, apostrophes).
OPENINGS = [
    "Le lecteur commande", "Notre lectrice achète", "Un abonné nous écrit après avoir commandé",
    "Tout commence par une commande passée", "L'histoire débute avec l'achat",
]  # fmt: skip
FILLERS = [
    "le service client promet un rappel sous quarante-huit heures, qui ne vient jamais",
    "le suivi du colis reste bloqué sur « en cours d'acheminement » pendant deux semaines",
    "le serveur vocal renvoie au menu principal après chaque choix",
    "un conseiller affirme que le dossier est « en cours de traitement »",
    "la réponse automatique indique un délai de traitement de dix jours ouvrés",
    "le transporteur assure que le colis a été remis en main propre",
    "le marchand propose un avoir plutôt qu'un remboursement",
    "la lettre recommandée reste sans réponse pendant un mois",
    "le médiateur de la consommation est saisi par formulaire en ligne",
    "le client relance par courriel, puis par téléphone, puis par écrit",
    "la facture mentionne des frais de livraison qui n'apparaissaient pas au panier",
    "le produit reçu ne correspond pas à la description de la fiche",
    "un geste commercial de 20 € est proposé sans explication",
    "le remboursement promis « sous huit jours » n'arrive qu'au bout de trois mois",
    "la plateforme renvoie vers le vendeur tiers, qui renvoie vers la plateforme",
]  # fmt: skip
ADVICE = [
    "Gardez une trace écrite de chaque échange : courriels, captures d'écran, numéros de dossier.",
    "Une lettre recommandée avec accusé de réception fait souvent bouger un dossier bloqué.",
    "Vérifiez l'état du colis devant le livreur avant de signer le bon de livraison.",
    "La garantie légale de conformité couvre deux ans : ne vous laissez pas opposer une garantie commerciale d'un an.",
    "Le droit de rétractation est de quatorze jours pour un achat à distance.",
    "Si le marchand ne répond plus, le médiateur de la consommation est gratuit pour le consommateur.",
    "Un paiement par carte permet parfois de demander une rétrofacturation à sa banque.",
]  # fmt: skip
LINKS = [
    ("la fiche pratique de la DGCCRF", "https://www.economie.gouv.fr/dgccrf"),
    ("le site du médiateur", "https://mediateur.example/saisir"),
    ("notre méthodologie", "{filename}/pages/methodologie.md"),
    ("le droit de réponse", "{filename}/pages/droit-de-reponse.md"),
    ("le code de la consommation", "https://www.legifrance.gouv.fr/codes/"),
]  # fmt: skip
HEADINGS = [
    "Les faits", "Ce qui a bloqué", "La réponse du marchand", "Ce que dit la loi",
    "Le point de vue de la rédaction", "Ce qu'il faut retenir", "Les étapes du litige",
    "Et maintenant ?",
]  # fmt: skip
WORDS = (  # noqa: SIM905
    "le la les un une des ce cette son sa ses notre votre client marchand colis "
    "commande livraison remboursement dossier courrier réponse semaine mois jour "
    "service conseiller délai attente promesse relance produit vendeur plateforme "
    "transporteur garantie facture carte paiement litige solution enfin toujours "
    "encore jamais puis alors ensuite pourtant malgré après avant depuis pendant "
    "reçoit attend relance explique obtient refuse propose demande rappelle écrit"
).split()

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]  # fmt: skip


def slugify(text: str) -> str:
    table = str.maketrans("àâäéèêëîïôöûüùçÉÈÊÀÂÎÔÛÇ'’", "aaaeeeeiioouuucEEEAAIOUC--")
    out = "".join(c if c.isalnum() else "-" for c in text.translate(table).lower())
    return "-".join(part for part in out.split("-") if part)


def fr_date(day: date) -> str:
    return f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}"


def money(value: float, currency: str, qualifier: str | None = None) -> str:
    text = f"{{value: {value:.2f}, currency: {currency}"
    if qualifier:
        text += f", qualifier: {qualifier}"
    return text + "}"


def yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Generator:
    def __init__(self, seed: int, n: int, n_merchants: int) -> None:
        self.rng = random.Random(seed)
        self.n = n
        self.n_merchants = n_merchants
        self.merchants: list[tuple[str, str]] = []  # (slug, name)

    # ------------------------------------------------------------ merchants
    def merchant_profiles(self, out: Path) -> None:
        folder = out / "merchants"
        folder.mkdir(parents=True, exist_ok=True)
        real = sorted((SOURCE / "merchants").glob("*.md")) if SOURCE.exists() else []
        for path in real[: self.n_merchants]:
            shutil.copyfile(path, folder / path.name)
            name = path.stem
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("name:"):
                    name = line.split(":", 1)[1].strip().strip('"')
                    break
            self.merchants.append((path.stem, name))
        used = {slug for slug, _ in self.merchants}
        rng = self.rng
        while len(self.merchants) < self.n_merchants:
            name = f"{rng.choice(MERCHANT_WORDS_A)} {rng.choice(MERCHANT_WORDS_B)}"
            slug = slugify(name)
            if slug in used:
                name = f"{name} {len(self.merchants)}"
                slug = slugify(name)
            used.add(slug)
            self.merchants.append((slug, name))
            desc = " ".join(
                [
                    f"Marchand fictif, inventé pour le banc d'essai du magazine. {name}",
                    f"vend en ligne depuis {rng.randint(1998, 2020)} ;",
                    "ses témoignages servent à mesurer la construction du site.",
                ]
            )
            (folder / f"{slug}.md").write_text(
                "---\n"
                f"name: {yaml_str(name)}\n"
                f"website: https://{slug}.example\n"
                f"country: {rng.choice(COUNTRIES)}\n"
                "fictional: true\n"
                "---\n"
                f"{desc}\n",
                encoding="utf-8",
            )

    # ------------------------------------------------------------ authors
    def author_profiles(self, out: Path) -> None:
        folder = out / "authors"
        folder.mkdir(parents=True, exist_ok=True)
        for name, slug, bio, website in AUTHORS:
            source = SOURCE / "authors" / f"{slug}.md"
            if source.exists():
                shutil.copyfile(source, folder / f"{slug}.md")
                continue
            lines = ["---", f"name: {yaml_str(name)}"]
            if bio:
                lines.append(f"bio: {yaml_str(bio)}")
            if website:
                lines.append(f"website: {website}")
            lines += ["---", f"{name} écrit pour le magazine depuis {2009 + len(name) % 10}.", ""]
            (folder / f"{slug}.md").write_text("\n".join(lines), encoding="utf-8")

    # ------------------------------------------------------------ a testimony
    def pick_merchant(self) -> tuple[str, str]:
        # Zipf-like: index ~ floor(M ** u) - 1 puts many testimonies on few merchants
        m = len(self.merchants)
        index = int(m ** self.rng.random()) - 1
        return self.merchants[min(max(index, 0), m - 1)]

    def events(self, start: date, status: str) -> tuple[list[str], date, list[str]]:
        """4–9 events from the order on; returns (yaml lines, last day, kinds)."""
        rng = self.rng
        day = start
        lines: list[str] = []
        kinds: list[str] = []

        def add(kind: str, actor: str, gap: tuple[int, int], **extra: str) -> None:
            nonlocal day
            day = day + timedelta(days=rng.randint(*gap))
            when = day.isoformat()
            fields = [f"date: {when}", f"actor: {actor}", f"kind: {kind}"]
            if extra.pop("month", None):
                fields[0] = f"date: {day:%Y-%m}"
            fields += [f"{k}: {v}" for k, v in extra.items()]
            lines.append("    - {" + ", ".join(fields) + "}")
            kinds.append(kind)

        add("order", "consumer", (0, 0), channel="web")
        budget = rng.randint(4, 9) - 1
        solved = status in ("resolved", "partially_resolved")
        middle = budget - (2 if solved else 0)
        plan: list[tuple[str, str, dict[str, str]]] = []
        if rng.random() < 0.5:
            plan.append(("shipment", "merchant", {}))
        plan.append(
            ("delivery_problem", "carrier", {"note": yaml_str("colis annoncé livré, jamais reçu")})
        )
        plan.append(("complaint", "consumer", {"channel": rng.choice(COMPLAINT_CHANNELS)}))
        if rng.random() < 0.4:
            plan.append(("merchant_ack", "merchant", {"channel": "email"}))
        while len(plan) < middle:
            plan.append(
                rng.choice(
                    [
                        ("reminder", "consumer", {"channel": rng.choice(COMPLAINT_CHANNELS)}),
                        ("reminder", "consumer", {"channel": "letter", "month": "1",
                                                  "approx": "true"}),
                        ("merchant_answer", "merchant", {"channel": "email",
                                                         "note": yaml_str("dossier « en cours de traitement »")}),
                        ("promise", "merchant", {"channel": "phone",
                                                 "note": yaml_str("rappel promis sous 48 heures")}),
                        ("loop", "merchant", {"channel": "ivr"}),
                        ("formal_notice", "consumer", {"channel": "registered_letter"}),
                        ("escalation", "consumer", {"channel": "social_media"}),
                    ]
                )
            )  # fmt: skip
        for kind, actor, extra in plan[:middle]:
            add(kind, actor, (1, 25), **extra)
        if solved:
            resolution = rng.choice(RESOLVED if status == "resolved" else PARTIAL)
            add("offer", "merchant", (2, 30), channel="email", options=f"[{resolution}]")
            add("remedy_received", "merchant", (1, 20))
        return lines, day, kinds

    def testimony(self, i: int, out: Path) -> None:
        rng = self.rng
        slug_m, name_m = self.pick_merchant()
        category, folder, _ = rng.choices(SECTIONS, weights=[s[2] for s in SECTIONS])[0]
        item = rng.choice(ITEMS)
        start = date(2008, 1, 1) + timedelta(days=rng.randint(0, 16 * 365))
        status = rng.choices(
            ["resolved", "partially_resolved", "open", "unresolved"], weights=[40, 15, 30, 15]
        )[0]
        event_lines, last, _kinds = self.events(start, status)
        published = last + timedelta(days=rng.randint(1, 60))
        currency = "EUR" if rng.random() < 0.95 else "CHF"
        value = round(rng.uniform(15, 2500), 2)
        qualifier = rng.choice([None, None, None, "more_than", "about"])
        if status == "resolved":
            resolution = "refund" if rng.random() < 0.6 else rng.choice(RESOLVED)
            recovered = value if resolution == "refund" else 0
        elif status == "partially_resolved":
            resolution = rng.choice(PARTIAL)
            recovered = round(value * rng.uniform(0.1, 0.7), 2)
        else:
            resolution, recovered = "none", 0
        issues = rng.sample(ISSUES, rng.randint(1, 3))
        lessons = rng.sample(LESSONS, rng.randint(1, 3))
        tags = rng.sample(TAGS, rng.randint(2, 5))
        author = rng.choice(AUTHORS)[0]
        slug = f"{slug_m}-{slugify(item)}-{i:05d}"
        title = (
            f"{name_m} : {item} et {rng.choice(['remboursement', 'livraison', 'garantie', 'service client'])}"
            f" — dossier n° {i}"
        )
        draft = i % 500 == 499
        meta = [
            "---",
            f"title: {yaml_str(title)}",
            f"date: {published.isoformat()} {rng.randint(7, 20):02d}:{rng.choice(['00', '15', '30', '45'])}",
            f"category: {category}",
            f"tags: [{', '.join(tags)}]",
            f"author: {author}",
            f"slug: {slug}",
        ]
        if draft:
            meta.append("status: draft")
        if rng.random() < 0.8:
            meta.append(
                f"summary: {yaml_str(f'Un {item} commandé le {fr_date(start)}, un litige sur {len(event_lines)} étapes : « {rng.choice(FILLERS)} ».')}"
            )
        meta += [
            "testimony:",
            f"  merchant: {slug_m}",
        ]
        if slug_m != "pixmania":
            meta.append("  fictional: true")
        meta += [
            f"  experience_date: {start.isoformat()}",
            f"  order: {{date: {start.isoformat()}, item: {item}, amount: {money(value, currency, qualifier)}, channel: web}}",
            f"  delivery: {{carrier: {rng.choice(CARRIERS)}, mode: {rng.choice(DELIVERY_MODES)}}}",
            f"  issues: [{', '.join(issues)}]",
            "  events:",
            *event_lines,
            f"  outcome: {{status: {status}, resolution: {resolution}, recovered: {money(recovered, currency)}, as_of: {published.isoformat()}}}",
            f"  lessons: [{', '.join(lessons)}]",
            f"  verification: {{documents_seen: {rng.choice(['true', 'false'])}, by: editor}}",
            "---",
        ]  # fmt: skip
        body = self.body(name_m, item, start, value, currency, slug_m != "pixmania")
        target = out / "temoignages" / folder / f"{slug}.md"
        target.write_text("\n".join(meta) + "\n" + body, encoding="utf-8")

    def paragraph(self, words: int) -> str:
        rng = self.rng
        sentences = []
        count = 0
        while count < words:
            if rng.random() < 0.35:
                sentence = rng.choice(FILLERS)
            else:
                sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
            sentence = sentence[0].upper() + sentence[1:]
            end = rng.choices([".", " !", " ?", " : voilà."], weights=[80, 5, 10, 5])[0]
            sentences.append(sentence + end)
            count += sentence.count(" ") + 1
        return " ".join(sentences)

    def body(self, merchant: str, item: str, start: date, value: float, currency: str,
             fictional: bool) -> str:  # fmt: skip
        rng = self.rng
        amount = f"{value:.2f}".replace(".", ",") + (" €" if currency == "EUR" else " CHF")
        parts = []
        if fictional:
            parts.append(
                f"*Exemple fictif : ce témoignage et le marchand « {merchant} » sont "
                "inventés pour le banc d'essai du magazine.*"
            )
        parts.append(
            f"{rng.choice(OPENINGS)} un {item} de {amount} le {fr_date(start)}. "
            + self.paragraph(45)
        )
        parts.append("<!-- chronologie -->")
        headings = rng.sample(HEADINGS, 4)
        for n, heading in enumerate(headings):
            parts.append(f"## {heading}")
            parts.append(self.paragraph(rng.randint(55, 80)))
            if n == 1:
                parts.append(
                    "\n".join(f"- {rng.choice(FILLERS)} ;" for _ in range(rng.randint(3, 5)))
                )
            if n == 2:
                label, url = rng.choice(LINKS)
                parts.append(f"Pour aller plus loin, voir [{label}]({url}). " + self.paragraph(30))
            if n == 3:
                parts.append(
                    "\n".join(f"{k}. {advice}" for k, advice in enumerate(rng.sample(ADVICE, 3), 1))
                )
        return "\n\n".join(parts) + "\n"

    # ------------------------------------------------------------ all
    def run(self, out: Path) -> None:
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        for sub in ("pages", "images"):
            if (SOURCE / sub).exists():
                shutil.copytree(SOURCE / sub, out / sub)
        for _, folder, _ in SECTIONS:
            (out / "temoignages" / folder).mkdir(parents=True, exist_ok=True)
        self.merchant_profiles(out)
        self.author_profiles(out)
        for i in range(self.n):
            self.testimony(i, out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of testimonies")
    parser.add_argument("--merchants", type=int, default=200, help="number of merchants")
    parser.add_argument("--seed", type=int, default=2009)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "benchmarks" / "work" / f"content-{args.n}"
    Generator(args.seed, args.n, args.merchants).run(out)
    print(f"{args.n} testimonies, {args.merchants} merchants -> {out}")


if __name__ == "__main__":
    main()
