"""Personal data in what an editor writes: e-mails, phones, bank, card and French
identity numbers, plates, reference numbers, addresses, names.

Pure: no Pelican. ``scan(text)`` returns one ``Finding`` per piece of personal data,
with its offsets and a masked copy safe to print. Phones: ``phonenumbers``; IBANs,
cards (Luhn), social-security (NIR) and tax (NIF) numbers: confirmed by their check
digits with ``python-stdnum``; SIV plates and passport numbers by their fixed format;
other numbers by the words that introduce them; addresses by a street word or a postal
code and a city; names by a civility ("M. Dupont") or "je m'appelle".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

import phonenumbers
from stdnum import iban, luhn
from stdnum.fr import nif, nir, siret

EMAIL = "adresse e-mail"
PHONE = "numéro de téléphone"
IBAN = "IBAN"
CARD = "numéro de carte bancaire"
ORDER = "numéro de commande"
PARCEL = "numéro de colis"
CUSTOMER = "numéro de client"
INVOICE = "numéro de facture"
REFERENCE = "numéro de référence"
ADDRESS = "adresse postale"
NAME = "nom de personne"
NIR = "numéro de sécurité sociale"
TAX = "numéro fiscal"
PASSPORT = "numéro de passeport ou de carte d'identité"
ID_CARD = "numéro de carte d'identité"
DRIVING_LICENCE = "numéro de permis de conduire"
PLATE = "plaque d'immatriculation"
BIRTH_DATE = "date de naissance"

MASK = "•"


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind (French label), offsets and masked text."""

    kind: str
    start: int
    end: int
    masked: str


def normalise(text: str) -> str:
    """``text`` with every run of whitespace (no-break spaces included) as one space."""
    return " ".join(text.split())


def mask(value: str) -> str:
    """``value`` with most letters and digits replaced: ``06 •• •• •• 78``."""
    positions = [i for i, char in enumerate(value) if char.isalnum()]
    keep = min(2, len(positions) // 4)
    hidden = set(positions[keep : len(positions) - keep])
    return "".join(MASK if i in hidden else char for i, char in enumerate(value))


def mask_email(value: str) -> str:
    """``jean.dupont@exemple.fr`` as ``j•••@e•••.fr``."""
    local, _, domain = value.rpartition("@")
    name, dot, tld = domain.rpartition(".")
    return f"{local[:1]}{MASK * 3}@{name[:1]}{MASK * 3}{dot}{tld}"


# --- e-mail, IBAN, card ---------------------------------------------------------------

# Speed, with the same matches. re tries a pattern that starts with a lookbehind at
# every position of the text, but skips to the characters its first class allows. So a
# pattern that starts at a digit or a letter tests the character before it once past
# it: "\d(?<![\w-]\d)" matches exactly where "(?<![\w-])\d" does. And a detector
# returns at once when the text lacks what all its matches hold ("@" for an e-mail).

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.%+-]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w-])")
IBAN_RE = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![\w])")
IBAN_START_RE = re.compile(r"\d\d(?<=[A-Za-z]{2}\d\d)")
"""Two letters then two digits, as both IBAN patterns start (their value, for the labelled one)."""
CARD_RE = re.compile(r"\d(?<![\w.,-]\d)(?:[ \u00a0\u202f-]?\d){12,18}(?![\w]|[.,]\d)")
DIGIT_RE = re.compile(r"\d")


def emails(text: str) -> Iterator[Finding]:
    if "@" not in text:
        return
    for match in EMAIL_RE.finditer(text):
        yield Finding(EMAIL, match.start(), match.end(), mask_email(match.group()))


LABELLED_IBAN_RE = re.compile(
    r"(?<![\w])(?i:iban|rib)\b\s*(?:[:=]\s*)?"
    r"(?P<value>[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){8,30})(?![\w])"
)


def ibans(text: str) -> Iterator[Finding]:
    """IBANs with valid check digits, and any IBAN-shaped value after "IBAN" or "RIB"."""
    if not IBAN_START_RE.search(text):
        return
    for match in IBAN_RE.finditer(text):
        value = match.group()
        # The greedy match may run into the next word's digits: try shorter spans.
        while value and not iban.is_valid(value.upper()):
            value = value[:-1].rstrip()
        if len(value.replace(" ", "")) >= 15:
            yield Finding(IBAN, match.start(), match.start() + len(value), mask(value))
    for match in LABELLED_IBAN_RE.finditer(text):
        yield Finding(IBAN, match.start("value"), match.end("value"), mask(match["value"]))


def cards(text: str) -> Iterator[Finding]:
    for match in CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 14 and siret.is_valid(digits):
            continue  # a company's SIRET (public, Luhn-valid too), not a card
        if 13 <= len(digits) <= 19 and luhn.is_valid(digits):
            yield Finding(CARD, match.start(), match.end(), mask(match.group()))


# --- French identity numbers -----------------------------------------------------------

_SEP = r"[ .\u00a0\u202f-]?"
# 13 to 15 digits, maybe grouped (and Corsica's 2A/2B): a NIR or a NIF to confirm, unless
# ".", "," or "-" comes before; any may be NIR_LABEL_RE's value
LONG_NUMBER_RE = re.compile(rf"\d(?<![\w]\d)(?:{_SEP}[\dABab]){{12,14}}(?![\w]|[.,]\d)")
NIR_LABEL_RE = re.compile(
    r"(?i:s[ée]curit[ée]\s+sociale|s[ée]cu\b|NIR\b|INSEE\b|carte\s+vitale)[^\d\n]{0,30}"
    rf"(?P<value>(?<![\w])[1-478](?:{_SEP}[\dABab]){{12,14}})(?![\w]|[.,]\d)"
)
NIR_WORDS = ("sécu", "secu", "nir", "insee", "vitale")
"""NIR_LABEL_RE's words, one of which every match holds once folded (see :func:`fold`)."""
_PLATE_LETTERS = "A-HJ-NP-TV-Z"  # SIV plates use neither I, O nor U
PLATE_RE = re.compile(
    rf"[{_PLATE_LETTERS}](?<![\w-][{_PLATE_LETTERS}])[{_PLATE_LETTERS}]"
    rf"([- ]?)\d{{3}}\1[{_PLATE_LETTERS}]{{2}}(?![\w-])"
)
OLD_PLATE_RE = re.compile(  # before 2009 (FNI): "1234 AB 75", only after its word
    r"(?i:immatricul\w*|plaques?)\s*(?:n\s?°\s*|:\s*)?"
    r"(?P<value>(?<![\w-])\d{1,4}[ -]?[A-Z]{1,3}[ -]?(?:\d\d|2[AB]|97\d)(?![\w-]))"
)
PASSPORT_RE = re.compile(r"\d(?<![\w-]\d)\d[A-Z]{2}\d{5}(?![\w-])")
_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
BIRTH_RE = re.compile(
    r"(?i:\bn[ée]e?\s+le|\bdate\s+de\s+naissance\s*:?)\s*"
    rf"(?P<value>\d{{1,2}}(?:er)?\s+(?i:{_MONTHS})\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})"
)
BIRTH_WORDS_RE = re.compile(r"n[ée]e?\s+le\s*\d|naissance\s*:?\s*\d")
"""BIRTH_RE's words and the digit after them, as the folded text holds them: in French
text, faster to look for than BIRTH_RE, and rarer than « ne le »."""
PLATE_WORDS = ("immatricul", "plaque")
"""OLD_PLATE_RE's words, one of which every match holds once folded."""


def fold(text: str) -> str:
    """``text`` in lower case, each letter as ``re.IGNORECASE`` compares it, so that a
    word the patterns find in ``text`` is in ``fold(text)``: ``str.casefold``, but the
    Turkish "İ" (which it makes "i" and a combining dot) and "ı" as "i", as re reads them.
    It may hold a word ``text`` does not (an "i" and a combining dot made "i"): a pattern
    then runs for nothing."""
    folded = text.casefold()
    if "\u0307" in folded or "ı" in folded:  # instant for a Latin-1 text
        folded = folded.replace("i\u0307", "i").replace("ı", "i")
    return folded


def _compact(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def identity_numbers(text: str) -> Iterator[Finding]:
    """NIR (key checked; without its key after « sécurité sociale »), NIF (key checked),
    licence plates (AA-123-AA; 1234 AB 75 after its word), passports (12AB34567) and a
    date after « né le »."""
    long_number = False  # whether a number NIR_LABEL_RE may take for its value is found
    at = 0
    while match := LONG_NUMBER_RE.search(text, at):
        long_number = True
        if match.start() and text[match.start() - 1] in ".,-":
            at = match.start() + 1  # not one to confirm, but one may start within it
            continue
        at = match.end()
        digits = _compact(match.group())
        if len(digits) == 15 and digits[0] in "12478" and nir.is_valid(digits):
            yield Finding(NIR, match.start(), match.end(), mask(match.group()))
        elif len(digits) == 13 and digits[0] in "0123" and nif.is_valid(digits):
            yield Finding(TAX, match.start(), match.end(), mask(match.group()))
    # Each labelled pattern runs only when the folded text holds its words, as each of
    # its matches does: the pre-checks change no finding.
    folded = fold(text)
    if long_number and any(word in folded for word in NIR_WORDS):
        for match in NIR_LABEL_RE.finditer(text):
            yield Finding(NIR, match.start("value"), match.end("value"), mask(match["value"]))
    if BIRTH_WORDS_RE.search(folded):
        for match in BIRTH_RE.finditer(text):
            yield Finding(
                BIRTH_DATE, match.start("value"), match.end("value"), mask(match["value"])
            )
    if any(word in folded for word in PLATE_WORDS):
        for match in OLD_PLATE_RE.finditer(text):
            yield Finding(PLATE, match.start("value"), match.end("value"), mask(match["value"]))
    for pattern, kind in ((PLATE_RE, PLATE), (PASSPORT_RE, PASSPORT)):
        for match in pattern.finditer(text):
            yield Finding(kind, match.start(), match.end(), mask(match.group()))


# --- phone numbers --------------------------------------------------------------------


FRENCH_DIGITS = 9
"""Digits of every valid French number, national prefix aside (checked against the
library's metadata by the tests)."""
LETTER_OR_PLUS_RE = re.compile("[A-Za-z+\uff0b]")


def never_valid(candidate: str) -> bool:
    """True for a string ``phonenumbers.parse(candidate, "FR")`` can never make a valid
    number of (phonenumbers 9.0.43, ``phonenumberutil.py``):

    - fewer than three digits: ``parse`` refuses a string that is not "viable"
      (``_is_viable_phone_number``: exactly two digits, or three and more), and two
      digits are too few for a French number;
    - fewer than FRENCH_DIGITS digits, no ASCII letter, no plus sign and not 00 first:
      another country than France needs a plus or FR's international prefix 00
      (``_maybe_extract_country_code``), and letters count as digits only when there
      are three ASCII ones ("+683 4 int": ``_normalize``); so the number is French, and
      its national part has no more digits than the string: too few.

    Digits are ``\\d``, as the library's patterns read them. In the matcher's
    candidates (digits, phone punctuation, brackets, plus signs, extension labels) they
    are the only characters ``normalize_digits_only`` keeps (it also reads "²" or "①").
    """
    digits = DIGIT_RE.findall(candidate)
    if len(digits) < 3:
        return True
    return (
        len(digits) < FRENCH_DIGITS
        and not LETTER_OR_PLUS_RE.search(candidate)
        and not unicodedata.digit(digits[0]) == unicodedata.digit(digits[1]) == 0
    )


class PhoneMatcher(phonenumbers.PhoneNumberMatcher):
    """``phonenumbers``' matcher that does not parse what :func:`never_valid` rules out.

    The matcher hands every candidate, and every piece of one it tries, to
    ``_parse_and_verify``, and counts a None against ``max_tries`` whatever the
    reason: returning None sooner where it would return None changes nothing else.
    """

    def _parse_and_verify(self, candidate: str, offset: int) -> Any:
        if never_valid(candidate):
            return None
        return super()._parse_and_verify(candidate, offset)


def phones(text: str) -> Iterator[Finding]:
    """French numbers (national form) and international ones (``+`` or ``00`` form)."""
    if not DIGIT_RE.search(text):
        return  # every candidate of the matcher's pattern holds a digit
    matcher = PhoneMatcher(text, "FR", leniency=phonenumbers.Leniency.VALID)
    for match in matcher:
        start, raw = match.start, match.raw_string
        if raw.startswith("(") and ")" not in raw:  # "(01 23 45 67 89)": not the bracket
            start, raw = start + 1, raw[1:]
        yield Finding(PHONE, start, start + len(raw), mask(raw))


# --- numbers introduced by a word -----------------------------------------------------

# Not "dossier": the magazine numbers its own cases ("dossier n° 151").
LABELS: dict[str, str] = {
    "commande": ORDER,
    "order": ORDER,
    "colis": PARCEL,
    "suivi": PARCEL,
    "tracking": PARCEL,
    "parcel": PARCEL,
    "expédition": PARCEL,
    "envoi": PARCEL,
    "client": CUSTOMER,
    "cliente": CUSTOMER,
    "customer": CUSTOMER,
    "compte": CUSTOMER,
    "account": CUSTOMER,
    "abonné": CUSTOMER,
    "abonnée": CUSTOMER,
    "adhérent": CUSTOMER,
    "adhérente": CUSTOMER,
    "contrat": CUSTOMER,
    "facture": INVOICE,
    "invoice": INVOICE,
    "avoir": INVOICE,
    "référence": REFERENCE,
    "réf": REFERENCE,
    "ref": REFERENCE,
    "reference": REFERENCE,
    "ticket": REFERENCE,
    "réclamation": REFERENCE,
    "transaction": REFERENCE,
    "sécurité sociale": NIR,
    "sécu": NIR,
    "fiscal": TAX,
    "fiscale": TAX,
    "passeport": PASSPORT,
    "passport": PASSPORT,
    "carte d'identité": ID_CARD,
    "carte d’identité": ID_CARD,
    "identité": ID_CARD,
    "cni": ID_CARD,
    "permis de conduire": DRIVING_LICENCE,
    "permis": DRIVING_LICENCE,
    "immatriculation": PLATE,
    "plaque": PLATE,
    "allocataire": CUSTOMER,
    "identifiant": CUSTOMER,
}
_LABEL = "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True))


def _first_letters(words: Collection[str]) -> str:
    """A lookahead for the first letters of ``words``, under the flags of the pattern
    it goes in: it lets past every character one of the words can start with, and
    spares trying each word at the others."""
    return "(?=" + "|".join(sorted({re.escape(word[0]) for word in words})) + ")"


_NUMERO = r"(?:n\s?[°º]|no\b\.?|nº|num(?:é|e)ro|number|num\b\.?|#|id\b)"
# A token: letters, digits and inner separators, with at least one digit.
_TOKEN = r"(?P<token>(?=[\w-]*\d)[^\W_](?:[\w]|[-/.](?=[^\W_])){3,39})(?![\w])"
_IS = r"(?:\s*[:=]|\s+(?:est|était|:)\s+(?:le\s+|la\s+)?)?\s*"
_CARRIER = r"(?:\s+(?-i:[A-Z][^\W\d_]+)(?=\s))?"  # a carrier's name: "Colissimo"
# A bare label needs a longer number: "commande 12345678", "suivi Colissimo 6A12345678".
BARE_LABELS = "commande|order|colis|suivi|tracking|parcel|facture|invoice|client|customer"
BARE_LABELS += (
    "|référence|réf|ref|reference|passeport|passport|cni|permis|immatriculation|fiscal|allocataire"
)
_LONG_TOKEN = r"(?P<token>(?=(?:[^\d\s]*\d){5})[^\W_](?:\w|[-/.](?=[^\W_])){4,39})(?![\w])"
REFERENCE_RES = [
    # "numéro de commande : 123456", "n° de suivi 6A0123", "mon numéro client est le 4567"
    re.compile(
        rf"(?:{_NUMERO}|code|référence|réf\.?)\s*(?:de\s+(?:la\s+|l['’]\s*)?|du\s+|d['’]\s*)?"
        rf"(?P<label>{_LABEL})\b\.?{_IS}{_TOKEN}",
        re.IGNORECASE,
    ),
    # "commande n° 123456", "order #12345", "client : 12345", "tracking number 1Z99"
    re.compile(
        rf"(?<![\w]){_first_letters(LABELS)}(?P<label>{_LABEL})\b\.?\s*"
        rf"(?:{_NUMERO}\s*[.:]?|[:=])\s*{_TOKEN}",
        re.IGNORECASE,
    ),
    # "commande 12345678", "référence AB12345", "suivi Colissimo 6A12345"
    re.compile(
        rf"(?<![\w]){_first_letters(BARE_LABELS.split('|'))}(?P<label>{BARE_LABELS})\b\.?"
        rf"{_CARRIER}\s*[:=]?\s*{_LONG_TOKEN}",
        re.IGNORECASE,
    ),
]
LAW_ARTICLE_RE = re.compile(r"[LRD]\d+(?:-\d+)*$", re.IGNORECASE)
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d$")
TIME_RE = re.compile(r"\d{1,2}h\d{0,2}$", re.IGNORECASE)
DATE_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
UNIT_AFTER_RE = re.compile(r"\s*(?:€|eur\b|euros?\b|%|ans?\b|jours?\b|mois\b|h\b)", re.IGNORECASE)


def not_a_reference(token: str, after: str) -> bool:
    """An article of law, a year, a date, a time or an amount: never an order number."""
    return bool(
        LAW_ARTICLE_RE.match(token)
        or YEAR_RE.match(token)
        or DATE_RE.match(token)
        or TIME_RE.match(token)
        or UNIT_AFTER_RE.match(after)
    )


GLUED = ("num[ée]ro", "number", "code", "référence", "réf", "nº", r"n\sº")
"""What REFERENCE_RES[0] reads before a label with nothing between ("NuméroClient"), each
ending in a word character and as long as it matches (as re's lookbehinds want)."""
_GLUED_ENDS = "".join(sorted({word[-1] for word in GLUED}))
LABEL_RE = re.compile(  # a label that starts a word or follows one of GLUED (its end first)
    rf"(?<![^\W{_GLUED_ENDS}]){_first_letters(LABELS)}"
    rf"(?:(?<![\w])|{'|'.join(f'(?<={word})' for word in GLUED)})(?:{_LABEL})\b",
    re.IGNORECASE,
)
BEFORE, AFTER = 40, 120
"""Around each label word, how far the patterns above look (one cheap pass finds labels)."""
LONGEST_LABEL = max(map(len, LABELS))
"""The longest LABEL_RE match: IGNORECASE matches one character per character."""
NUMBERS_RE = re.compile(rf"\d(?:\D{{0,{AFTER + LONGEST_LABEL}}}\d)*")
"""Digits and what lies between them, as long as a label could fit before the next one."""
LABEL_FREE_RE = re.compile(r".*[0-9\n.,;:!?()]", re.DOTALL)
"""Up to the last character no label holds (uncased, in none of LABELS): no match spans it."""


def labels_before_numbers(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``LABEL_RE.finditer(text)`` that a digit follows within AFTER
    characters, looked for only where such a label can start: at most AFTER +
    LONGEST_LABEL characters before a digit. Between two such stretches the search
    jumps to just after a character no label holds, so no match it skips spans the
    jump, and the matches after it are the ones finditer finds.
    """
    pos = 0  # where finditer would look next
    for numbers in NUMBERS_RE.finditer(text):
        first, last = numbers.start() - AFTER - LONGEST_LABEL + 1, numbers.end() - 1
        # the jump: after the last label-free character of the 256 before first, if any
        if first > pos and (free := LABEL_FREE_RE.match(text, max(pos, first - 256), first)):
            pos = free.end()
        # a match starting at or before last reads nothing past last + LONGEST_LABEL
        while (label := LABEL_RE.search(text, pos, last + LONGEST_LABEL + 1)) and (
            label.start() <= last
        ):
            pos = label.end()
            if DIGIT_RE.search(text, label.end(), label.end() + AFTER):
                yield label


def references(text: str) -> Iterator[Finding]:
    windows: list[tuple[int, int]] = []
    for label in labels_before_numbers(text):
        lo, hi = max(0, label.start() - BEFORE), label.end() + AFTER
        if windows and lo <= windows[-1][1]:
            lo = windows.pop()[0]
        windows.append((lo, hi))
    seen: set[tuple[int, int]] = set()
    for pattern in REFERENCE_RES:
        for lo, hi in windows:
            for cut in pattern.finditer(text, lo, hi):
                match = pattern.match(text, cut.start())  # the whole token, past the window
                if match is None or match.span("token") in seen:
                    continue
                seen.add(match.span("token"))
                token = match["token"]
                if not not_a_reference(token, text[match.end() : match.end() + 8]):
                    kind = LABELS.get(fold(match["label"]), REFERENCE)
                    yield Finding(kind, match.start("token"), match.end(), mask(token))


# --- names ----------------------------------------------------------------------------

_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
_PERSON = rf"[{_UPPER}][\w'’]*(?:-[{_UPPER}][\w'’]*)*"
NAME_FIRST = "MJjSsſ"
"""What a match starts with: M, or what "j" or "s" matches ignoring case (ſ is an s)."""
NAME_RE = re.compile(  # the first letter first (see "Speed" above), then its branch
    rf"[{NAME_FIRST}](?<![\w][{NAME_FIRST}])"
    r"(?:(?<=M)(?:\.|r\.?|me|lle|onsieur|adame|ademoiselle)\s+(?:[A-Z]\.\s*)?"
    r"|(?i:(?<=j)e\s+m['’]appelle|(?<=s)igné|(?<=s)ignée)\s+)"
    rf"(?P<name>{_PERSON}(?:\s+{_PERSON})?)"
)


def names(text: str) -> Iterator[Finding]:
    """A name after a civility ("M. Dupont", "Madame Durand") or "je m'appelle"."""
    for match in NAME_RE.finditer(text):
        yield Finding(NAME, match.start("name"), match.end("name"), mask(match["name"]))


# --- street addresses -----------------------------------------------------------------

STREET_WORDS = (
    "rue|ruelle|avenue|av\\.|boulevard|bd|bld|blvd|chemin|allée|allee|impasse|place|"
    "route|quai|cours|square|passage|sentier|voie|villa|cité|résidence|hameau|chaussée|"
    "esplanade|promenade|rond-point|faubourg|fg|parvis|lieu-dit|lotissement|mail"
)
_NAME = rf"[{_UPPER}][\w'’-]*"
STREET_RE = re.compile(
    rf"\d(?<![\w,.]\d)\d{{0,3}}(?:\s?(?:bis|ter|quater|[A-D])\b)?,?\s+"
    rf"(?i:{STREET_WORDS})(?!\w)\s+"
    rf"(?:(?i:de\s+la|de\s+l['’]|du|des|de|d['’]|la|le|les|l['’])\s*)?{_NAME}"
    rf"(?:[ -](?:(?:de|du|des|la|le|les|et|sur|sous|en|aux?|l['’]|d['’])\s*)?{_NAME})*"
)
CITY_RE = re.compile(
    rf"(?<![\w,.])(?:(?:0[1-9]|[1-8]\d|9[0-8])\d{{3}}|2[AB]\d{{3}})(?!\s?[,.]?\d)\s+"
    rf"{_NAME}(?:[ -](?:(?:sur|sous|en|lès|les|le|la|de|du|des|aux?|l['’]|d['’])[ -]?)?{_NAME})*"
    r"(?:\s+(?i:cedex)(?:\s+\d{1,2})?)?"
)
CITY_END_RE = re.compile(rf"\d\s+[{_UPPER}]")
"""A digit, spaces and a capital: how a postal code meets its city in every CITY_RE match."""
NOT_A_CITY = {  # capitalised words a round number may precede
    "euros",
    "euro",
    "eur",
    "clients",
    "clientes",
    "commandes",
    "dossiers",
    "français",
    "françaises",
    "européens",
    "européennes",
    "consommateurs",
    "personnes",
}


def addresses(text: str) -> Iterator[Finding]:
    for match in STREET_RE.finditer(text):
        yield Finding(ADDRESS, match.start(), match.end(), mask(match.group()))
    if not CITY_END_RE.search(text):
        return
    for match in CITY_RE.finditer(text):
        city = match.group().split(None, 1)[1].lower()
        if city.split()[0] not in NOT_A_CITY:
            yield Finding(ADDRESS, match.start(), match.end(), mask(match.group()))


# --- everything -----------------------------------------------------------------------

DETECTORS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    ibans,
    identity_numbers,
    cards,
    emails,
    references,
    phones,
    addresses,
    names,
)
"""In order of trust: a span found by an earlier detector wins an overlap."""


def scan(text: str, allowed: Collection[str] = ()) -> list[Finding]:
    """Every piece of personal data in ``text``, in the order it appears.

    ``allowed`` holds exact strings the testimony publishes on purpose (a merchant's
    public customer-service number): a finding whose text equals one of them, after
    whitespace normalisation, is dropped.
    """
    kept: list[Finding] = []  # in order, none overlapping (no finding is empty)
    starts: list[int] = []
    for detector in DETECTORS:
        for finding in detector(text):
            # the kept findings that start before this one ends: the last ends last
            at = bisect_left(starts, finding.end)
            if at and kept[at - 1].end > finding.start:
                continue
            kept.insert(at, finding)
            starts.insert(at, finding.start)
    if not allowed:
        return kept
    permitted = {normalise(value) for value in allowed}
    return [f for f in kept if normalise(text[f.start : f.end]) not in permitted]
