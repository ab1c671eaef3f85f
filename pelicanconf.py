"""Development settings: relative URLs, fast builds, no feeds.

``publishconf.py`` imports everything from here and switches on what production needs.
"""

import os

AUTHOR = "Allo C'Est Fini"
SITENAME = "Allo C'Est Fini"
SITESUBTITLE = "Le magazine des consommateurs malmenés par les boutiques en ligne"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["temoignages"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
ARTICLE_EXCLUDES: list[str] = []

TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
LOCALE = ("C.UTF-8", "C")  # never rely on fr_FR: people-facing dates go through Babel

THEME = "theme"
# Every template is autoescaped (the complaints plugin enforces it too); content HTML
# is marked safe in one place, the |trusted_html filter (docs/security.md).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
}
PLUGIN_PATHS = ["plugins"]
# Order matters: complaints (which also reads the front matter: its reader validates
# every file) inserts each case box before typographie's single pass over the body.
# parallel_build (last) reads articles and writes pages with every core, the output byte
# for byte Pelican's own (docs/performance.md).
PLUGINS = ["complaints", "typographie", "parallel_build"]
# Pelican's own build, untouched: `PARALLEL=false invoke build` (any task), or
# `pelican -e PARALLEL=false`.
PARALLEL = os.environ.get("PARALLEL", "true").strip().lower() not in ("false", "0", "no")

# Typography is applied once per rendered body by the `typographie` plugin,
# not by Pelican's per-field TYPOGRIFY (see docs/performance.md).
TYPOGRIFY = False

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
SUMMARY_MAX_PARAGRAPHS = 1

# Clean URLs: these French paths are public contracts (tests/site check them).
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "rubriques/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "rubriques/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "etiquettes/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "etiquettes/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
AUTHOR_URL = "auteurs/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "auteurs/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_URL = "brouillons/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_PAGE_URL = "brouillons/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
SLUGIFY_SOURCE = "basename"
DIRECT_TEMPLATES = [
    "index",
    "tags",
    "categories",
    "authors",
    "archives",
    "404",
    "temoigner",
    "vos_droits",
]
# « Témoigner » is a template (its mailto: is built from CONTACT_EMAIL), at a page's URL.
TEMOIGNER_URL = "temoigner/"
TEMOIGNER_SAVE_AS = TEMOIGNER_URL + "index.html"
# « Vos droits, vos délais »: a template (its tables and script data come from the
# complaints plugin's rules), at a page's URL.
VOS_DROITS_URL = "vos-droits/"
VOS_DROITS_SAVE_AS = VOS_DROITS_URL + "index.html"

# Feeds are off while editing; publishconf.py switches them on.
FEED_DOMAIN = None
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
COMPLAINTS_MERCHANT_FEEDS = False

# No smarty extension: its English quotes (“ ”) are wrong in French, and the
# typographie plugin does quotes, apostrophes and ellipses in one cheaper pass.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        # [TOC] in a page (Méthodologie) becomes its table of contents; headings get ids.
        "markdown.extensions.toc": {"toc_depth": "2"},
    },
    "output_format": "html5",
}

# A summary given in the front matter is text, not Markdown: only bodies are HTML
# (the complaints plugin enforces it and escapes the summary; docs/security.md).
FORMATTED_FIELDS: list[str] = []

# Menu: sections come from the categories; these links complete the header and footer.
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = True
FOOTER_PAGES = ["a-propos", "methodologie", "mentions-legales", "droit-de-reponse"]
# The founding story, featured on the front page whatever its date (a testimony's slug).
FOUNDING_STORY = "pixmania-camescope-livre-chez-un-autre"

# The content cache is off (`invoke livereload`'s preview keeps its own readings). When
# on, it is not gzipped: compressing thousands of pickled articles costs more than it saves.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
GZIP_CACHE = False

# Legal notice (content/pages/mentions-legales.md prints these with
# {{ setting.NAME }}, see plugins/complaints/present/page_values.py). Values not known yet stay
# "[À COMPLÉTER …]": the production build refuses a page that still holds one, and
# publishconf.py reads the real values from the environment.
LEGAL_PUBLISHER = "Allo C’Est Fini – Consommateurs en ligne"
LEGAL_PUBLISHER_ADDRESS = "[À COMPLÉTER : adresse du siège de l’association]"
LEGAL_DIRECTOR = "[À COMPLÉTER : nom de la personne qui préside l’association]"
LEGAL_HOST = (
    "[À COMPLÉTER avant la mise en ligne : nom, adresse et numéro de téléphone de "
    "l’hébergeur, comme l’exige la loi pour la confiance dans l’économie numérique.]"
)
# Where readers send testimonies and merchants their replies (Témoigner's mailto:, the
# right-of-reply page); publishconf.py reads it from the environment too.
CONTACT_EMAIL = "redaction@allo-cest-fini.example"
