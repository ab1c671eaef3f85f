"""Personal data detector: what it finds, what it leaves alone, how it masks, and that
its shortcuts find what the plain patterns and the phone library find, whatever the
case or accents of the words the patterns accept."""

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumbermatcher import Leniency
from stdnum.fr import nif, nir

from complaints.editorial.frontmatter import split_front_matter
from complaints.editorial.personal_data import (
    ADDRESS,
    AFTER,
    BIRTH_DATE,
    BIRTH_RE,
    CARD,
    CARD_RE,
    CITY_END_RE,
    CITY_RE,
    CUSTOMER,
    DETECTORS,
    DRIVING_LICENCE,
    EMAIL,
    EMAIL_RE,
    FRENCH_DIGITS,
    IBAN,
    IBAN_RE,
    IBAN_START_RE,
    ID_CARD,
    INVOICE,
    LABEL_FREE_RE,
    LABEL_RE,
    LABELLED_IBAN_RE,
    LABELS,
    LONG_NUMBER_RE,
    LONGEST_LABEL,
    NAME,
    NAME_FIRST,
    NAME_RE,
    NIR,
    NIR_LABEL_RE,
    NIR_WORDS,
    OLD_PLATE_RE,
    ORDER,
    PARCEL,
    PASSPORT,
    PASSPORT_RE,
    PHONE,
    PLATE,
    PLATE_RE,
    PLATE_WORDS,
    REFERENCE,
    REFERENCE_RES,
    STREET_RE,
    TAX,
    Finding,
    PhoneMatcher,
    fold,
    identity_numbers,
    labels_before_numbers,
    mask,
    never_valid,
    not_a_reference,
    references,
    scan,
)
from tests.support.sample import CONTENT


def found(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) of every finding."""
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "match"),
    [
        ("Écrivez à jean.dupont@exemple.fr demain.", EMAIL, "jean.dupont@exemple.fr"),
        ("contact : Marie_L+achats@mail.example.com.", EMAIL, "Marie_L+achats@mail.example.com"),
        ("Appelez le 06 12 34 56 78 le soir.", PHONE, "06 12 34 56 78"),
        ("au 01.23.45.67.89 ou", PHONE, "01.23.45.67.89"),
        ("tél. 0612345678", PHONE, "0612345678"),
        ("joignable au +33 6 12 34 56 78.", PHONE, "+33 6 12 34 56 78"),
        ("à Londres : +44 20 7946 0958.", PHONE, "+44 20 7946 0958"),
        ("ou le 0033 6 12 34 56 78", PHONE, "0033 6 12 34 56 78"),
        ("Mon IBAN : FR76 3000 6000 0112 3456 7890 189 merci", IBAN, None),
        ("IBAN FR7630006000011234567890189.", IBAN, "FR7630006000011234567890189"),
        ("compte fr76 3000 6000 0112 3456 7890 189", IBAN, "fr76 3000 6000 0112 3456 7890 189"),
        ("virement sur DE89 3704 0044 0532 0130 00 hier", IBAN, "DE89 3704 0044 0532 0130 00"),
        ("Mon RIB : FR76 1027 8060 3100 0204 9190 128", IBAN, "FR76 1027 8060 3100 0204 9190 128"),
        ("La facture FA-2009-00123 du 12 mars", INVOICE, "FA-2009-00123"),
        ("la carte 4111 1111 1111 1111 a été débitée", CARD, "4111 1111 1111 1111"),
        ("carte 5555-5555-5555-4444.", CARD, "5555-5555-5555-4444"),
        ("La commande n° 12345678 est partie.", ORDER, "12345678"),
        ("Numéro de commande : AB-123456.", ORDER, "AB-123456"),
        ("order #98765 was lost", ORDER, "98765"),
        ("commande no 4567-89 livrée", ORDER, "4567-89"),
        ("Colis n° 6A12345678901 perdu", PARCEL, "6A12345678901"),
        ("numéro de suivi : 1Z999AA10123456784", PARCEL, "1Z999AA10123456784"),
        ("tracking number 1Z999AA1012", PARCEL, "1Z999AA1012"),
        ("client n° 4567", CUSTOMER, "4567"),
        ("mon numéro de client : C0012345", CUSTOMER, "C0012345"),
        ("facture n°F2023-0012 reçue", INVOICE, "F2023-0012"),
        ("référence : XK-20931-B", REFERENCE, "XK-20931-B"),
        ("Mon numéro de commande est le 402-1234567-8901234.", ORDER, "402-1234567-8901234"),
        ("ma commande 12345678 n'est jamais arrivée", ORDER, "12345678"),
        ("suivi Colissimo 6A12345678901", PARCEL, "6A12345678901"),
        ("mon numéro client est le 45678", CUSTOMER, "45678"),
        ("M. Dupont a appelé.", NAME, "Dupont"),
        ("Mme Martin-Durand a appelé.", NAME, "Martin-Durand"),
        ("Je m'appelle Jean Dupont.", NAME, "Jean Dupont"),
        ("joignable au +33 (0)6 12 34 56 78", PHONE, "+33 (0)6 12 34 56 78"),
        ("ou au 06-12-34-56-78.", PHONE, "06-12-34-56-78"),
        ("J'habite au 12 rue des Lilas.", ADDRESS, "12 rue des Lilas"),
        ("au 3 bis avenue Victor Hugo", ADDRESS, "3 bis avenue Victor Hugo"),
        ("8, boulevard de la République", ADDRESS, "8, boulevard de la République"),
        ("5 impasse du Moulin", ADDRESS, "5 impasse du Moulin"),
        ("livré 75011 Paris hier", ADDRESS, "75011 Paris"),
        ("à 13008 Marseille", ADDRESS, "13008 Marseille"),
        ("69100 Villeurbanne Cedex", ADDRESS, "69100 Villeurbanne Cedex"),
        ("20000 Ajaccio", ADDRESS, "20000 Ajaccio"),
        ("sécu 1 84 12 76 451 089 46 sur la lettre", NIR, "1 84 12 76 451 089 46"),
        ("NIR : 184127645108946.", NIR, "184127645108946"),
        ("né en Corse : 1 84 12 2A 451 089 33", NIR, "1 84 12 2A 451 089 33"),
        ("numéro de sécurité sociale : 1 84 12 76 451 089", NIR, "1 84 12 76 451 089"),
        ("carte Vitale 2840575116228 perdue", NIR, "2840575116228"),
        ("numéro fiscal : 30 23 217 600 053", TAX, "30 23 217 600 053"),
        ("avis d'impôt 3023217600053 joint", TAX, "3023217600053"),
        ("la camionnette GH-417-KL repartie", PLATE, "GH-417-KL"),
        ("plaque GH 417 KL", PLATE, "GH 417 KL"),
        ("immatriculée 1234 AB 75 en 2005", PLATE, "1234 AB 75"),
        ("passeport 18KD27465 demandé", PASSPORT, "18KD27465"),
        ("copie : 18KD27465.", PASSPORT, "18KD27465"),
        ("carte d'identité n° 880692310285", ID_CARD, "880692310285"),
        ("numéro de CNI : X4RTBPFW4", ID_CARD, "X4RTBPFW4"),
        ("permis de conduire n° 120675300123", DRIVING_LICENCE, "120675300123"),
        # Turkish « İ » (casefold makes it two characters) and « ı », « nee le », a value
        # after "-" or ",", a label glued to « numéro »: each pattern accepts them, so
        # the pre-checks must too
        ("İMMATRICULÉE 1234 AB 75", PLATE, "1234 AB 75"),
        ("ınsee 1 84 12 76 451 089", NIR, "1 84 12 76 451 089"),
        ("nee le 12/03/1980", BIRTH_DATE, "12/03/1980"),
        ("NE LE 1er mars 1980", BIRTH_DATE, "1er mars 1980"),
        ("NIR :-1 84 12 76 451 089", NIR, "1 84 12 76 451 089"),
        ("sécu,184127645108946", NIR, "184127645108946"),
        ("PERMİS n° 120675300123", DRIVING_LICENCE, "120675300123"),
        ("ıdentıté n° 880692310285", ID_CARD, "880692310285"),
        ("NumeroCommande : 123456", ORDER, "123456"),
        ("RéfClient 45678", CUSTOMER, "45678"),
    ],
)
def test_finds_personal_data(text: str, kind: str, match: str | None) -> None:
    findings = scan(text)
    assert [f.kind for f in findings] == [kind], findings
    if match is not None:
        assert text[findings[0].start : findings[0].end] == match


@pytest.mark.parametrize(
    "text",
    [
        "Le 13 juillet 2008, la commande est arrivée.",
        "Commandé le 2008-07-13, livré le 13/07/2008.",
        "Un caméscope de 900 €, remboursé 1 299,90 € puis 1299,90 €.",
        "Un total de 15 000 € et 12 345,67 euros.",
        "En 2008, puis en 2009 ; de 2008 à 2010.",
        "Selon l'article L216-1 et l'article L. 217-3 du code de la consommation.",
        "Les articles R212-1 et L221-18 ; la loi n° 2004-575 du 21 juin 2004.",
        "La commande n° 1 et le colis n° 2, dossier n° 151.",
        "Après 30 jours, puis 2 mois, 14 jours ouvrés et 48 heures.",
        "La commande du 13 juillet 2008 ; la commande 2008 ; référence de commande 2008.",
        "2 cours de cuisine, 3 places de cinéma, 1 place de parking, 4 routes.",
        "10000 euros, 15000 clients, 75011 commandes.",
        "Référence L216-1. Dossier 2019-04-12.",
        "Un numéro court : 3615 ou le 112, le 3939.",
        "Le caméscope 4K à 1 499 €, modèle HDR-CX405.",
        "Service client joint 12 fois en 3 semaines.",
        "Un écran de 55 pouces, 4 × 4, 1080p, 3,5 kg.",
        "Commande : 1299 €, facture : 2500 euros, client : 1999 %.",
        "Commande : 14h30 ; colis n° 13/07/2008 ; client depuis 2015.",
        "Le marchand, SIRET 732 829 320 00074, RCS Paris.",
        "Plus de 10000 Français et 20000 Consommateurs.",
        "Pixmania compte 15000 clients ; une commande 15000 € ; le colis 3 fois.",
        "Madame la directrice et Monsieur le médiateur ont répondu.",
        "Un numéro à 15 chiffres sans clé valide : 1 84 12 76 451 089 47.",
        "Les immatriculations GH-417-kl ou gh-417-KL ne sont pas des plaques SIV.",
        "Le modèle SM-A546B, la pièce 12AB3456 et le code 18KD274650.",
        "",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert found(text) == []


def test_card_needs_luhn() -> None:
    assert found("carte 4111 1111 1111 1112") == []


def test_iban_needs_its_check_digits() -> None:
    assert [k for k, _ in found("FR76 3000 6000 0112 3456 7890 188")] != [IBAN]


def test_masks_never_show_the_value() -> None:
    text = "jean.dupont@exemple.fr, 06 12 34 56 78, commande n° 12345678, 12 rue des Lilas"
    masks = {f.kind: f.masked for f in scan(text)}
    assert masks[EMAIL] == "j•••@e•••.fr"
    assert masks[PHONE] == "06 •• •• •• 78"
    assert masks[ORDER] == "12••••78"
    for finding in scan(text):
        assert finding.masked != text[finding.start : finding.end]
        assert len(finding.masked) >= 3


def test_mask_hides_most_characters() -> None:
    assert mask("4111 1111 1111 1111") == "41•• •••• •••• ••11"
    assert mask("4567") == "4••7"
    assert mask("123") == "•••"


def test_allowed_strings_are_dropped_after_whitespace_normalisation() -> None:
    text = "Le service client (01 23 45 67 89) ; moi : 06 12 34 56 78."
    allowed = ["01  23 45\u00a067 89"]
    assert found(text) == [
        (PHONE, "01 23 45 67 89"),
        (PHONE, "06 12 34 56 78"),
    ]
    kept = [text[f.start : f.end] for f in scan(text, allowed)]
    assert kept == ["06 12 34 56 78"]


def test_allowed_is_exact_not_a_prefix() -> None:
    assert len(scan("au 06 12 34 56 78", ["06 12 34"])) == 1


def test_findings_are_in_order_and_do_not_overlap() -> None:
    text = (
        "IBAN FR76 3000 6000 0112 3456 7890 189, tél. 06 12 34 56 78, "
        "mail a.b@c.fr, commande n° 98765432, 4 rue de la Paix 75002 Paris"
    )
    findings = scan(text)
    assert [f.kind for f in findings] == [IBAN, PHONE, EMAIL, ORDER, ADDRESS, ADDRESS]
    for before, after in pairwise(findings):
        assert before.end <= after.start


def test_finding_is_frozen() -> None:
    finding = Finding(EMAIL, 0, 1, "•")
    with pytest.raises(AttributeError):
        finding.kind = PHONE  # type: ignore[misc]


def every_text(value: object) -> list[str]:
    """Every string in a front-matter value, nested ones included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in every_text(v)]
    if isinstance(value, list):
        return [t for v in value for t in every_text(v)]
    return []


def test_sample_content_is_clean() -> None:
    """Every title, summary, note and body of content/ (pages included): 0 findings."""
    files = sorted(CONTENT.rglob("*.md"))
    assert len(files) > 15
    dirty = []
    for path in files:
        data, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        for text in [*every_text(data), body]:
            dirty += [(path.name, f) for f in scan(text)]
    assert dirty == []


def test_a_label_whose_lower_case_is_not_a_label_keeps_its_kind() -> None:
    """re's IGNORECASE matches "İnvoice", whose lower() is not "invoice"."""
    assert [f.kind for f in scan("İnvoice #12345")] == [INVOICE]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_never_raises_and_offsets_are_in_bounds(text: str) -> None:
    for finding in scan(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.kind


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "06",
                "12",
                " ",
                "-",
                ".",
                "+33",
                "n°",
                "commande",
                "rue",
                "Paris",
                "75011",
                "@",
                "FR76",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_never_raises_on_near_misses(text: str) -> None:
    for finding in scan(text):
        assert 0 <= finding.start < finding.end <= len(text)


@given(
    sex=st.sampled_from("12"),
    body=st.text("0123456789", min_size=12, max_size=12),
    groups=st.sampled_from([(1, 2, 2, 2, 3, 3), (1, 2, 2, 5, 3), (13,)]),
)
@settings(max_examples=200)
def test_every_nir_with_its_key_is_found_however_grouped(sex, body, groups):
    digits = sex + body
    digits = digits[:5] + ("2A" if digits[5:7] == "20" else digits[5:7]) + digits[7:]
    from stdnum.fr import nir as stdnum_nir

    key = stdnum_nir.calc_check_digits(digits)
    parts, at = [], 0
    for size in groups:
        parts.append(digits[at : at + size])
        at += size
    written = " ".join(parts) + " " + key
    assert (NIR, written) in found(f"Mon numéro : {written}, voilà.")


# --- the shortcuts find what the plain patterns find ----------------------------------

PIECES = [
    *"0123456789",
    "٠٦",
    "０６",
    "²",
    " ",
    "\u00a0",
    "\u202f",
    "\n",
    ".",
    ",",
    "-",
    " - ",
    "/",
    ":",
    "'",
    "(",
    ")",
    "+",
    "+33",
    "0033",
    "+683 4",
    "int",
    "ext",
    "x",
    "n°",
    "a",
    "É",
    "İ",
    "ſ",
    "M.",
    "Madame",
    "je m'appelle",
    "signée",
    "Jean",
    "commande",
    "Commande",
    "carte d'identité",
    "permis de conduire",
    "client",
    "numéro de",
    "référence",
    "IBAN",
    "FR76",
    "fr",
    "GH",
    "KL",
    "AB",
    "2A",
    "rue",
    "des Lilas",
    "75011",
    "Paris",
    "@",
    "mot " * 8,
    "mot " * 40,
    "Une phrase. ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def test_the_phone_shortcut_rests_on_this_library():
    """never_valid follows phonenumbers 9.0.43's code: read it again before a new pin."""
    assert phonenumbers.__version__ == "9.0.43"
    assert "_parse_and_verify" in vars(phonenumbers.PhoneNumberMatcher)
    france = PhoneMetadata.metadata_for_region("FR")
    assert (france.country_code, france.international_prefix) == (33, "00")
    kinds = ["general_desc", "fixed_line", "mobile", "toll_free", "premium_rate"]
    kinds += ["shared_cost", "personal_number", "voip", "pager", "uan", "voicemail"]
    descs = [getattr(france, kind) for kind in kinds]
    lengths = [length for desc in descs if desc is not None for length in desc.possible_length]
    assert lengths and min(lengths) == FRENCH_DIGITS


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("2008", True),
        ("1 299", True),
        ("06", True),
        ("12 34 56 78", True),
        ("06 12 34 56 78", False),
        ("+683 4", False),
        ("+683 4 int", False),
        ("00 43 12", False),
        ("٠٠٤٣١٢", False),
        ("12 ext 3", False),
        ("1x2", True),
    ],
)
def test_never_valid(candidate: str, expected: bool) -> None:
    assert never_valid(candidate) is expected


PHONES = [
    "06 12 34 56 78",
    "+33 6 12 34 56 78",
    "0033 6 12 34 56 78",
    "+683 4398",
    "+683 4 int - 2",
    "tel +683 4int - 2 ok",
    "+44 20 7946 0958",
    "٠٦ ١٢ ٣٤ ٥٦ ٧٨",
    "０６１２３４５６７８",
    "(01 23 45 67 89)",
    "06 12 34 56 78 / 06 12 34 56 79",
    "2012-06-02 12:00, le 13/07/2008, 1 299,90 €",
]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(PHONES), texts))
def test_the_phone_matcher_finds_what_the_library_finds(text: str) -> None:
    def spans(matcher: type) -> list[tuple[int, str]]:
        return [(m.start, m.raw_string) for m in matcher(text, "FR", leniency=Leniency.VALID)]

    assert spans(PhoneMatcher) == spans(phonenumbers.PhoneNumberMatcher)


def test_name_first_letters_are_all_a_name_can_start_with() -> None:
    first = re.compile(r"M|(?i:j|s)")  # NAME_RE's branches, as they start
    assert {chr(c) for c in range(0x110000) if first.fullmatch(chr(c))} == set(NAME_FIRST)


NAME = NAME_RE.pattern[NAME_RE.pattern.index("(?P<name>") :]
PLAIN = {  # the patterns as written before their first class came first
    CARD_RE: r"(?<![\w.,-])\d(?:[ \u00a0\u202f-]?\d){12,18}(?![\w]|[.,]\d)",
    LONG_NUMBER_RE: r"(?<![\w])\d(?:[ .\u00a0\u202f-]?[\dABab]){12,14}(?![\w]|[.,]\d)",
    PASSPORT_RE: r"(?<![\w-])\d\d[A-Z]{2}\d{5}(?![\w-])",
    PLATE_RE: r"(?<![\w-])[A-HJ-NP-TV-Z]{2}([- ]?)\d{3}\1[A-HJ-NP-TV-Z]{2}(?![\w-])",
    STREET_RE: STREET_RE.pattern.replace(r"\d(?<![\w,.]\d)\d{0,3}", r"(?<![\w,.])\d{1,4}"),
    NAME_RE: (
        r"(?<![\w])(?:(?:M\.|Mr\.?|Mme|Mlle|Monsieur|Madame|Mademoiselle)\s+(?:[A-Z]\.\s*)?"
        r"|(?i:je\s+m['’]appelle|signé|signée)\s+)" + NAME
    ),
    LABEL_RE: "(?i)" + re.sub(r"\(\?=[^)]*\)", "", LABEL_RE.pattern, count=1),
}


@settings(max_examples=300, deadline=None)
@given(texts)
def test_patterns_find_what_their_plain_spelling_finds(text: str) -> None:
    for pattern, plain in PLAIN.items():
        assert pattern.pattern != plain
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in re.finditer(plain, text)], plain


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_detector_returns_early_only_when_nothing_could_match(text: str) -> None:
    if "@" not in text:
        assert not EMAIL_RE.search(text)
    if not IBAN_START_RE.search(text):
        assert not IBAN_RE.search(text) and not LABELLED_IBAN_RE.search(text)
    if not CITY_END_RE.search(text):
        assert not CITY_RE.search(text)


def test_label_free_characters_are_in_no_label() -> None:
    assert not [label for label in LABELS if LABEL_FREE_RE.search(label)]
    assert max(map(len, LABELS)) == LONGEST_LABEL


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["mot ", "commande ", "carte d'identité ", "identité", "İnvoice ", ". ", "7"]
        ),
        max_size=300,
    ).map("".join)
)
def test_labels_before_numbers_are_those_finditer_finds(text: str) -> None:
    plain = [
        m.span()
        for m in LABEL_RE.finditer(text)
        if re.search(r"\d", text[m.end() : m.end() + AFTER])
    ]
    assert [m.span() for m in labels_before_numbers(text)] == plain


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(PHONES), texts))
def test_scan_keeps_the_first_of_overlapping_findings(text: str) -> None:
    kept: list[Finding] = []
    for detector in DETECTORS:
        for f in detector(text):
            if not any(f.start < k.end and k.start < f.end for k in kept):
                kept.append(f)
    assert scan(text) == sorted(kept, key=lambda f: (f.start, f.end))


# --- the pre-checks on words change no finding ----------------------------------------

STRICT_LONG_NUMBER_RE = re.compile(
    r"(?<![\w.,-])\d(?:[ .\u00a0\u202f-]?[\dABab]){12,14}(?![\w]|[.,]\d)"
)
"""The long numbers whose key identity_numbers checks."""


def ungated_identity_numbers(text: str) -> Iterator[Finding]:
    """identity_numbers without pre-checks: each of its patterns over the whole text."""
    for match in STRICT_LONG_NUMBER_RE.finditer(text):
        digits = re.sub(r"[^0-9A-Za-z]", "", match.group()).upper()
        if len(digits) == 15 and digits[0] in "12478" and nir.is_valid(digits):
            yield Finding(NIR, *match.span(), mask(match.group()))
        elif len(digits) == 13 and digits[0] in "0123" and nif.is_valid(digits):
            yield Finding(TAX, *match.span(), mask(match.group()))
    for pattern, kind in ((NIR_LABEL_RE, NIR), (BIRTH_RE, BIRTH_DATE), (OLD_PLATE_RE, PLATE)):
        for match in pattern.finditer(text):
            yield Finding(kind, *match.span("value"), mask(match["value"]))
    for pattern, kind in ((PLATE_RE, PLATE), (PASSPORT_RE, PASSPORT)):
        for match in pattern.finditer(text):
            yield Finding(kind, *match.span(), mask(match.group()))


def label_kind(label: str) -> str:
    """The kind of the LABELS key that re reads ``label`` as."""
    (kind,) = {k for key, k in LABELS.items() if re.fullmatch(re.escape(key), label, re.I)}
    return kind


def ungated_references(text: str) -> Iterator[Finding]:
    """references without pre-checks: each pattern over the whole text, not near labels."""
    seen: set[tuple[int, int]] = set()
    for pattern in REFERENCE_RES:
        for match in pattern.finditer(text):
            if match.span("token") not in seen:
                seen.add(match.span("token"))
                if not not_a_reference(match["token"], text[match.end() : match.end() + 8]):
                    kind = label_kind(match["label"])
                    yield Finding(kind, match.start("token"), match.end(), mask(match["token"]))


UNGATED = {identity_numbers: ungated_identity_numbers, references: ungated_references}


def ungated_scan(text: str) -> list[Finding]:
    """scan with the two detectors above (the other early exits are checked above)."""
    kept: list[Finding] = []
    for detector in DETECTORS:
        for f in UNGATED.get(detector, detector)(text):
            if not any(f.start < k.end and k.start < f.end for k in kept):
                kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


_NIR = ("{} 1 84 12 76 451 089", "{} :-1 84 12 76 451 089", "{},184127645108946")
_NUMBER = ("{} n° AB123456", "numéro de {} : AB12345", "{} 12345678", "n° {} 4567")
WORDS: dict[str, tuple[str, ...]] = {  # every word a pattern reads, and sentences around it
    **dict.fromkeys(["sécurité sociale", "sécu", "NIR", "INSEE", "carte Vitale"], _NIR),
    **dict.fromkeys(
        ["né le", "née le", "date de naissance", "date de naissance :"],
        ("{} 12/03/1980", "{} 1er mars 1980", "{}12.03.80"),
    ),
    **dict.fromkeys(
        ["immatriculée", "immatriculation", "plaque", "plaques"],
        ("{} 1234 AB 75", "{} n° 123-ABC-2A", "{}: 12 AB 971"),
    ),
    **dict.fromkeys(LABELS, _NUMBER),
}
_OTHER_FORMS = {  # forms re takes for the same letter, besides the cases
    "i": "İı",
    "s": "ſ",
    "k": "\u212a",  # Kelvin sign
    "e": "éÉ",
    "é": "eE",
    " ": "\u00a0\n",
    "'": "’",
}


def forms(char: str) -> list[str]:
    """``char``, its other cases, the forms above and the letter without its accent."""
    bare = unicodedata.normalize("NFD", char)[0]
    return sorted({char, char.lower(), char.upper(), bare, *_OTHER_FORMS.get(char.lower(), "")})


def spellings(word: str) -> list[str]:
    """``word`` as written, in capitals, and with each of its letters' forms in turn."""
    ways = {word, word.upper(), word.title(), unicodedata.normalize("NFD", word)}
    for old in {char.lower() for char in word}:
        for new in forms(old):
            ways |= {word.replace(old, new), word.upper().replace(old.upper(), new)}
    return sorted(ways)


def test_fold_reads_each_letter_of_the_words_as_ignorecase_does() -> None:
    """Every character re's IGNORECASE takes for a letter of a word is that letter once
    folded: a word the patterns find in a text is in its folded text."""
    letters = {char for word in [*WORDS, *NIR_WORDS, *PLATE_WORDS, "naissance"] for char in word}
    letters = {char.lower() for char in letters if char.isalpha()}
    any_letter = re.compile(f"[{''.join(sorted(letters))}]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if any_letter.fullmatch(char):
            (letter,) = {c for c in letters if re.fullmatch(c, char, re.IGNORECASE)}
            assert fold(char) == letter, (hex(code), letter)
        elif re.fullmatch(r"[\s\d:]", char):  # what BIRTH_WORDS_RE reads besides letters
            assert fold(char) == char, hex(code)
    assert [key for key in LABELS if fold(key) != key] == []  # how a label finds its kind
    assert [word for word in [*NIR_WORDS, *PLATE_WORDS] if fold(word) != word] == []


@pytest.mark.parametrize("word", list(WORDS))
def test_pre_checks_change_no_finding_however_a_word_is_spelled(word: str) -> None:
    """Each spelling of each word in each of its sentences: scan finds what the patterns
    alone find; written as is, in capitals or with a Turkish « İ » or « ı » for each « i »,
    some sentence holds something to find."""
    upper = word.upper()
    for spelling in (word, upper, upper.replace("I", "İ"), word.replace("i", "ı")):
        assert any(scan(form.format(spelling)) for form in WORDS[word]), spelling
    for spelling in spellings(word):
        for form in WORDS[word]:
            text = f"Il a fallu donner {form.format(spelling)} au service client."
            assert scan(text) == ungated_scan(text), text


WORDS_BEFORE_A_LABEL = ["numéro", "numero", "number", "code", "référence", "réf", "nº", "n º"]
WORDS_BEFORE_A_LABEL += ["n°", "n °", "no.", "num.", "#", "réf.", "id", "no", "num"]
"""What REFERENCE_RES[0] starts with: the first eight end in a letter (« º » is one)."""


@pytest.mark.parametrize("before", WORDS_BEFORE_A_LABEL)
def test_pre_checks_change_no_finding_with_a_label_glued_to_the_word_before(before) -> None:
    """REFERENCE_RES[0] reads « NuméroCommande », « RéfClient », « nºclient » (where
    « º » is a letter), not « nocommande »: every word it starts with, glued to a label."""
    for label in LABELS:
        for spelling in (before + label, (before + label).upper(), before + label.title()):
            text = f"Mon {spelling} : AB12345, voilà."
            assert scan(text) == ungated_scan(text), text


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(WORDS)).flatmap(
        lambda word: st.tuples(
            st.sampled_from(WORDS[word]),
            st.tuples(*(st.sampled_from(forms(char)) for char in word)).map("".join),
            st.sampled_from(["", "mot ", "12 ", "-", "Elle est "]),
            st.sampled_from(["", ".", "7", " et 2008", "\n"]),
        )
    )
)
def test_pre_checks_change_no_finding_with_letters_mixed(parts: tuple[str, ...]) -> None:
    form, spelling, before, after = parts
    text = before + form.format(spelling) + after
    assert scan(text) == ungated_scan(text), text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_pre_checks_change_no_finding_in_any_text(text: str) -> None:
    assert scan(text) == ungated_scan(text)
