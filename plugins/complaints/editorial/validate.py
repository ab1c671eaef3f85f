"""The one validator of what editors write: testimonies and pages.

- :func:`check_text` / :func:`check_path`: what one file says about itself (bounded
  front matter, Pelican's own keys on their raw YAML values, output keys refused,
  unknown keys with a suggestion, the ``testimony:`` block, personal data,
  placeholders, active content, links);
- :func:`corpus_problems`: what needs other files (profiles cited, fiction about a real
  merchant, a slug used twice); :func:`stray_files`: files that are not ``.md``.
Every problem carries its file line. The caller gives the site's ``slugify`` in :class:`Rules`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from complaints.domain.consistency import case_problems, duplicates
from complaints.domain.followups import followup_problems, publication_day
from complaints.domain.fuzzydate import MAX_YEAR, MIN_YEAR, DateError, check_year
from complaints.domain.model import ROOT, Testimony, parse_testimony, unknown_merchant_problem
from complaints.domain.problems import MISSING, ContentError, Problem, did_you_mean, show
from complaints.domain.profiles import MAX_SLUG, SLUG
from complaints.editorial import content_links, text_guards, updates_key
from complaints.editorial.frontmatter import (
    BODY,
    FRONT_MATTER,
    FrontMatter,
    active_content_problems,
    read_front_matter,
    read_text_file,
)
from complaints.editorial.placement import DEFAULT_PLACES, Places, misplaced

Kind = Literal["testimony", "page"]
DEFAULT_SECTIONS = ("Témoignages", "Enquêtes", "Analyses")
STATUSES = ("published", "draft", "hidden")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
# Keys with which Pelican lets a file choose where it is written or how: refused.
OUTPUT_KEYS = frozenset(
    {"save_as", "url", "template", "lang", "translation", "path", "override_save_as", "authors"}
)
PAGE_KEYS = ("title", "slug", "summary", "status", "date", "modified")
TESTIMONY_KEYS = (
    *PAGE_KEYS,
    "category",
    "tags",
    "author",
    ROOT,
    updates_key.KEY,
    text_guards.ALLOW_KEY,
)
FRENCH_KEYS = {
    "titre": "title",
    "résumé": "summary",
    "resume": "summary",
    "statut": "status",
    "catégorie": "category",
    "categorie": "category",
    "rubrique": "category",
    "étiquettes": "tags",
    "etiquettes": "tags",
    "mots-clés": "tags",
    "auteur": "author",
    "modifié": "modified",
    "témoignage": ROOT,
    "temoignage": ROOT,
}
FRENCH_STATUSES = {
    "brouillon": "draft",
    "publié": "published",
    "publie": "published",
    "publiée": "published",
    "caché": "hidden",
    "cache": "hidden",
    "masqué": "hidden",
}
_DIGIT_AT_SPACE = re.compile(r"[\d@\s]")
_DATE_TEXT = re.compile(r"\d{4}(?:-\d{1,2}){0,2}(?:\.\.\d{4}(?:-\d{1,2}){0,2})?")
SETTING_IN_PAGE = re.compile(r"\{\{\s*setting\.(?P<name>[A-Za-z_]\w*)\s*\}\}")  # page_values
EDITOR_LEFTOVERS = re.compile(r"(\.#.*|.*~|\..*\.sw[a-z])")  # an editor's lock/backup files


@dataclass(frozen=True)
class Rules:
    """What the site's settings say about content (see :meth:`from_settings`)."""

    slugify: Callable[[str], str]
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    refuse_placeholders: bool = False
    reserved_folders: frozenset[str] = frozenset()
    """First path segments the site writes itself: no page may take one as its slug."""
    content_root: Path | None = None
    """The content folder, to check ``{static}``/``{attach}``/``{filename}`` links."""
    unfinished_settings: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Settings a page may print ({{ setting.NAME }}) that still hold « [À COMPLÉTER »."""
    places: Places = DEFAULT_PLACES
    """Where each kind of file belongs (for a file saved in the wrong folder)."""

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], slugify: Callable[[str], str]) -> Rules:
        return cls(
            slugify=slugify,
            sections=tuple(settings["COMPLAINTS_SECTIONS"]),
            refuse_placeholders=bool(settings["COMPLAINTS_REFUSE_PLACEHOLDERS"]),
            reserved_folders=_reserved_folders(settings),
            content_root=Path(settings["PATH"]) if settings.get("PATH") else None,
            unfinished_settings={
                name: value
                for name, value in settings.items()
                if isinstance(value, str) and text_guards.to_complete(value)
            },
            places=Places.from_settings(settings),
        )


#: What the plugins, the theme and the settings write at the top of the site (merchants,
#: open data, topics, search, sitemap, robots, images, feeds, lists, drafts, 404), the
#: same for every settings file, so that `invoke check` and every build agree.
SITE_FOLDERS = frozenset(
    {
        "feeds",
        "archives",
        "auteurs",
        "etiquettes",
        "rubriques",
        "brouillons",
        "drafts",
        "pages",
        "marchands",
        "donnees",
        "problemes",
        "recherche",
        "pagefind",
        "theme",
        "images",
        "sitemap.xml",
        "robots.txt",
        "404",
        "404.html",
        "page",
        "index",
        "index.html",
    }
)


def _reserved_folders(settings: Mapping[str, Any]) -> frozenset[str]:
    """SITE_FOLDERS and the first segment of every output setting (feeds/, auteurs/…)."""
    found = set(SITE_FOLDERS)
    for name, value in settings.items():
        output = name.endswith(("_SAVE_AS", "_URL")) or "FEED" in name
        relative = isinstance(value, str) and value and not value.startswith(("{", "/"))
        if output and relative and "://" not in value:
            found.add(value.split("/")[0])
    return frozenset(found)


@dataclass(frozen=True)
class Checked:
    """One file after :func:`check_document`: its data, body, case, problems, lines."""

    data: dict[str, Any]
    body: str
    case: Testimony | None
    problems: list[Problem]
    lines: dict[str, int]


def check_text(text: str, source: str, kind: Kind, rules: Rules) -> Checked:
    """Every problem one file holds by itself (no other file is read)."""
    try:
        document = read_front_matter(text, source)
    except ContentError as error:
        return Checked({}, "", None, error.problems, {})
    return check_document(document, source, kind, rules)


def check_path(path: Path, source: str, kind: Kind, rules: Rules) -> Checked:
    """Read a file (UTF-8) and check it by itself, as :func:`check_text`."""
    try:
        text = read_text_file(Path(path), source)
    except ContentError as error:
        return Checked({}, "", None, error.problems, {})
    checked = check_text(text, source, kind, rules)
    more = _reserved_slug_problems(checked, Path(path), source, rules) if kind == "page" else []
    if rules.content_root is not None:
        published = checked.data.get("status", "published") == "published"
        more += _link_problems(text, Path(path), rules.content_root, source, published)
    if not more:
        return checked
    problems = sorted([*checked.problems, *more], key=lambda p: p.line or 0)
    return dataclasses.replace(checked, problems=problems, case=None)


def _reserved_slug_problems(
    checked: Checked, path: Path, source: str, rules: Rules
) -> list[Problem]:
    """A page whose slug (given, or made from its file name) is a folder the site writes."""
    given = checked.data.get("slug")
    slug = given if isinstance(given, str) else rules.slugify(path.stem)
    if slug not in rules.reserved_folders:
        return []
    field = "slug" if isinstance(given, str) else "(fichier)"
    return [
        Problem(
            source,
            field,
            show(slug),
            f"un slug libre : « {slug}/ » est écrit par le site lui-même (réservés : "
            f"{', '.join(sorted(rules.reserved_folders))}) ; choisissez-en un autre",
            line=checked.lines.get("slug", 2) if field == "slug" else None,
        )
    ]


def _unpublished(path: Path) -> bool:
    """True for a Markdown file whose front matter says it is a draft or hidden."""
    if path.suffix != ".md":
        return False
    try:
        data = read_front_matter(read_text_file(path, str(path)), str(path)).data
    except ContentError:
        return False  # its own check reports it
    return isinstance(data, dict) and data.get("status", "published") != "published"


def _link_problems(
    text: str, path: Path, root: Path, source: str, published: bool = True
) -> list[Problem]:
    """A ``{static}``/``{attach}``/``{filename}`` link outside the content or to nothing."""
    problems = []
    for start, kind, target in content_links.link_targets(text):
        found = content_links.resolve(target, path, root)
        if not content_links.inside(found, root):
            expected = "un fichier à l'intérieur du dossier content/ (rien d'autre n'est publié)"
        elif not found.is_file():
            expected = "un fichier qui existe dans content/ (chemin relatif à ce fichier, ou « /… » depuis content/)"
        elif kind == "filename" and published and _unpublished(found):
            expected = "un texte publié (la cible est un brouillon ou cachée : le lien dévoilerait son adresse)"
        else:
            continue
        problems.append(
            Problem(
                source,
                f"lien {{{kind}}}",
                show(target),
                expected,
                line=text.count("\n", 0, start) + 1,
            )
        )
    return problems


def check_document(document: FrontMatter, source: str, kind: Kind, rules: Rules) -> Checked:
    data = document.data
    if not isinstance(data, dict):
        problem = Problem(source, FRONT_MATTER, show(data), "des métadonnées « clé: valeur »", 2)
        return Checked({}, document.body, None, [problem], document.lines)
    if wrong_place := misplaced(data, kind, source, rules.places):
        return Checked(data, document.body, None, [wrong_place], document.lines)
    problems = list(_key_problems(data, source, kind))
    problems += active_content_problems(document.body, source, document.body_line)
    problems += _pelican_values(data, source, kind, rules)
    case = None
    if kind == "testimony":
        if ROOT not in data:
            problems.append(
                Problem(
                    source,
                    ROOT,
                    show(MISSING),
                    "un bloc « testimony: » décrivant le dossier (tout fichier de la "
                    "rubrique des témoignages en a un)",
                )
            )
        else:
            block, moved, found = updates_key.lift(data, source)
            published = publication_day(data.get("date"))
            try:
                case = parse_testimony(block, source=source, merchants=None, published=published)
            except ContentError as error:
                found += error.problems
            else:
                found += followup_problems(case, published, source)
                found += case_problems(case, source, published, document.line_of)
            problems += updates_key.as_written(found, moved)
        problems += _text_problems(document, source, data)
    elif rules.refuse_placeholders:
        problems += _placeholder_problems(document, source, data, rules)
    problems = [p if p.line else replace(p, line=document.line_of(p.field) or 2) for p in problems]
    return Checked(data, document.body, None if problems else case, problems, document.lines)


# --------------------------------------------------------------------- keys


def _key_problems(data: dict[Any, Any], source: str, kind: Kind) -> Iterator[Problem]:
    allowed = TESTIMONY_KEYS if kind == "testimony" else PAGE_KEYS
    for key in data:
        if key in allowed:
            continue
        name = str(key)
        if name.lower() in OUTPUT_KEYS:
            yield Problem(
                source,
                name,
                show(data[key]),
                "refusé : le contenu ne choisit ni son adresse, ni son fichier de sortie, "
                "ni son gabarit, ni sa langue (ce sont les réglages du site qui les "
                "fixent) ; supprimez cette ligne"
                + (" ; un seul auteur : author" if name.lower() == "authors" else ""),
            )
            continue
        hint = FRENCH_KEYS.get(name.lower())
        hint_text = f" (vouliez-vous dire « {hint} » ?)" if hint else did_you_mean(name, allowed)
        yield Problem(
            source,
            name,
            show(name),
            f"champ inconnu{hint_text} ; champs possibles : {', '.join(allowed)}",
        )


# ------------------------------------------------------- Pelican's own keys


def _pelican_values(data: dict[Any, Any], source: str, kind: Kind, rules: Rules) -> list[Problem]:
    problems: list[Problem] = []

    def add(field: str, expected: str) -> None:
        problems.append(Problem(source, field, show(data.get(field, MISSING)), expected))

    if not _text(data.get("title")):
        add("title", "un titre non vide (title: …)")
    for field in ("date", "modified"):
        if field in data or (field == "date" and kind == "testimony"):
            error = _date_error(data.get(field, MISSING))
            if error:
                add(field, error)
    status = data.get("status", "published")
    if status not in STATUSES:
        hint = FRENCH_STATUSES.get(str(status).strip().lower())
        add(
            "status",
            f"l'un de : {', '.join(STATUSES)}"
            + (f" (vouliez-vous dire « {hint} » ?)" if hint else did_you_mean(status, STATUSES)),
        )
    slug = data.get("slug")
    if "slug" in data and not (
        isinstance(slug, str) and SLUG.fullmatch(slug) and len(slug) <= MAX_SLUG
    ):
        add(
            "slug",
            f"un slug en minuscules, chiffres et tirets, de {MAX_SLUG} caractères au plus "
            "(ex. pixmania-camescope-perdu)",
        )
    if "summary" in data and not _text(data["summary"]):
        add("summary", "un résumé non vide (une phrase)")
    if kind == "testimony":
        category = data.get("category", MISSING)
        if category not in rules.sections:
            add(
                "category",
                f"l'une des rubriques du magazine : {', '.join(rules.sections)}"
                + did_you_mean(category, rules.sections),
            )
        if "author" in data and not _text(data["author"]):
            add("author", "le nom d'un auteur qui a sa fiche dans content/authors/")
        problems += _tag_problems(data.get("tags", []), source, rules)
    return problems


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _date_error(value: object) -> str | None:
    """Why a publication date is refused, or None (ISO dates only, 1900–2100)."""
    expected = (
        "une date AAAA-MM-JJ (ex. 2026-08-07), éventuellement avec l'heure (2026-08-07 14:30)"
    )
    if isinstance(value, datetime | date):
        year = value.year
    elif isinstance(value, str) and (match := ISO_DATE.fullmatch(value.strip())):
        year = int(match[1])
        try:
            datetime(year, int(match[2]), int(match[3]), int(match[4] or 0), int(match[5] or 0))
        except ValueError:
            return f"une date qui existe : {expected}"
    elif value is MISSING or value is None:
        return f"une date de publication (date: …) : {expected}"
    else:
        ambiguous = (
            f" ; « {value} » serait ambigu (jour et mois inversés ?)" if "/" in str(value) else ""
        )
        return expected + ambiguous
    try:
        check_year(year)
    except DateError:
        return f"une année entre {MIN_YEAR} et {MAX_YEAR}"
    return None


def _tag_problems(tags: object, source: str, rules: Rules) -> list[Problem]:
    if not isinstance(tags, list):
        return [
            Problem(
                source,
                "tags",
                show(tags),
                "une liste d'étiquettes (ex. [livraison, remboursement])",
            )
        ]
    problems = [
        Problem(source, f"tags[{number}]", show(tag), "une étiquette : un mot ou une expression")
        for number, tag in enumerate(tags, 1)
        if not _text(tag) or not rules.slugify(tag)
    ]
    if problems:
        return problems
    return [
        Problem(
            source,
            f"tags[{number}]",
            show(tags[number - 1]),
            f"une étiquette une seule fois (tags[{first}] = « {tags[first - 1]} » donne la "
            "même page d'étiquette) : supprimez ce doublon",
        )
        for number, first in duplicates(rules.slugify(str(tag)) for tag in tags)
    ]


# ------------------------------------------------- personal data, placeholders


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every string of a YAML value with its field path (items numbered from 1)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value, 1):
            yield from _strings(item, f"{path}[{number}]")


def _texts(document: FrontMatter, data: dict[Any, Any]) -> Iterator[tuple[str, str, int]]:
    """(field, text, line of the text's start) for every free text and the body."""
    for field, text in _strings({k: v for k, v in data.items() if k != text_guards.ALLOW_KEY}, ""):
        yield field, text, document.line_of(field) or 2
    yield BODY, document.body, document.body_line


def _line_in(text: str, start: int, first_line: int, field: str) -> int:
    """The file line of a position in a text (the field's line for a YAML string)."""
    return first_line + text.count("\n", 0, start) if field == BODY and start >= 0 else first_line


def _may_hold_personal_data(text: str) -> bool:
    """False for codes (``delivery.late``) and dates (``2008-07..2009-05``): every kind
    of personal data has a digit, an ``@`` or a space (« M. Dupont »). Skipping them
    makes the check ten times cheaper per testimony."""
    return bool(_DIGIT_AT_SPACE.search(text)) and not _DATE_TEXT.fullmatch(text)


def _text_problems(document: FrontMatter, source: str, data: dict[Any, Any]) -> list[Problem]:
    allowed = data.get(text_guards.ALLOW_KEY) or []
    problems: list[Problem] = []
    if not isinstance(allowed, list) or not all(_text(a) for a in allowed):
        problems.append(
            Problem(
                source,
                text_guards.ALLOW_KEY,
                show(allowed),
                'une liste de textes exacts publics (ex. ["09 70 00 00 00"])',
            )
        )
        allowed = []
    published = data.get("status", "published") == "published"
    for field, text, line in _texts(document, data):
        if not _may_hold_personal_data(text):
            continue
        for finding in text_guards.personal_data(text, allowed):
            problems.append(
                Problem(
                    source,
                    field,
                    show(finding.masked),
                    f"pas de donnée personnelle ({finding.kind}) : retirez-la ou, si elle "
                    f"est publique, recopiez-la exactement dans « {text_guards.ALLOW_KEY}: »",
                    line=_line_in(text, finding.start, line, field),
                )
            )
        if published:
            problems += [
                Problem(
                    source,
                    field,
                    show(found),
                    "un texte rédigé : le modèle n'a pas été complété "
                    "(ou mettez « status: draft » tant qu'il ne l'est pas)",
                    line=_line_in(text, text.find(found), line, field),
                )
                for found in text_guards.placeholders(text)
            ]
    return problems


def _placeholder_problems(
    document: FrontMatter, source: str, data: dict[Any, Any], rules: Rules
) -> list[Problem]:
    """« [À COMPLÉTER » in a page, written in it or printed from a setting."""
    problems = []
    for where, text, line in _texts(document, data):
        if match := text_guards.to_complete(text):
            start = match.start()
            problems.append(
                Problem(
                    source,
                    where,
                    show(text[start:].split("\n")[0]),
                    "une page complétée : « [À COMPLÉTER » ne se publie pas en production",
                    line=_line_in(text, start, line, where),
                )
            )
        for match in SETTING_IN_PAGE.finditer(text):
            value = rules.unfinished_settings.get(match["name"])
            if value is not None:
                problems.append(
                    Problem(
                        source,
                        f"setting.{match['name']}",
                        show(value),
                        "un réglage complété avant la mise en ligne : donnez sa valeur "
                        f"(variable d'environnement {match['name']}, lue par publishconf.py)",
                        line=_line_in(text, match.start(), line, where),
                    )
                )
    return problems


# ------------------------------------------------------- across the files


@dataclass(frozen=True)
class Entry:
    """What the corpus checks need of one valid testimony."""

    source: str
    slug: str
    case: Testimony
    author: str | None
    lines: Mapping[str, int]


CORPUS_FIELDS = (f"{ROOT}.merchant", f"{ROOT}.fictional", "author", "slug")


def corpus_problems(
    entries: list[Entry],
    merchants: Mapping[str, Any],
    known_merchants: Collection[str],
    author_slugs: Collection[str],
    rules: Rules,
) -> list[Problem]:
    """Problems between files: merchant and author profiles, fiction, slugs."""
    problems: list[Problem] = []
    first_of: dict[str, str] = {}
    # one entry per file (Pelican may list a file twice, as an article and as a
    # "translation" of another with the same slug), in the same order as check
    for entry in sorted({e.source: e for e in entries}.values(), key=lambda e: e.source):
        line = entry.lines.get
        merchant = entry.case.merchant
        if merchant not in known_merchants:
            problem = unknown_merchant_problem(merchant, entry.source, known_merchants)
            problems.append(replace(problem, line=line(f"{ROOT}.merchant")))
        elif merchant in merchants and entry.case.fictional and not merchants[merchant].fictional:
            problems.append(
                Problem(
                    entry.source,
                    f"{ROOT}.fictional",
                    show(True),
                    f"un marchand inventé : « {merchant} » est un vrai marchand (sa fiche "
                    "n'a pas « fictional: true ») ; un exemple inventé fausserait sa fiche",
                    line=line(f"{ROOT}.fictional"),
                )
            )
        elif merchant in merchants and merchants[merchant].fictional and not entry.case.fictional:
            problems.append(
                Problem(
                    entry.source,
                    f"{ROOT}.fictional",
                    show(entry.case.fictional),
                    f"« fictional: true » : « {merchant} » est un marchand inventé (sa fiche a "
                    "« fictional: true ») ; sans cela, l'exemple serait publié comme un fait réel",
                    line=line(f"{ROOT}.fictional") or line(f"{ROOT}.merchant"),
                )
            )
        if entry.author is not None and rules.slugify(entry.author) not in author_slugs:
            problems.append(
                Problem(
                    entry.source,
                    "author",
                    show(entry.author),
                    "un auteur qui a sa fiche dans content/authors/ (fichier "
                    f"{rules.slugify(entry.author) or '…'}.md)"
                    + did_you_mean(rules.slugify(entry.author), author_slugs),
                    line=line("author"),
                )
            )
        if entry.slug in first_of:
            problems.append(
                Problem(
                    entry.source,
                    "slug",
                    show(entry.slug),
                    f"un slug propre à ce témoignage (déjà pris par {first_of[entry.slug]})"
                    + ("" if line("slug") else " ; ce slug vient du nom du fichier : renommez-le"),
                    line=line("slug"),
                )
            )
        first_of.setdefault(entry.slug, entry.source)
    return problems


def stray_files(
    folder: Path, shown_as: Callable[[Path], str], *, flat: bool = False
) -> list[Problem]:
    """Files of an editor's folder that are not ``.md`` (never read, never published);
    with ``flat`` (profile folders), also every file in a subfolder."""
    if not folder.is_dir():
        return []
    return [
        Problem(
            shown_as(path),
            "(fichier)",
            show(path.name),
            "un fichier « .md » (extension en minuscules"
            + (", directement dans le dossier des fiches" if flat else "")
            + ") : les autres ne sont ni vérifiés ni publiés ; renommez-le ou retirez-le",
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and (path.suffix != ".md" or (flat and path.parent != folder))
        and not EDITOR_LEFTOVERS.fullmatch(path.name)
    ]
