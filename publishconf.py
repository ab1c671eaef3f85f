"""Production settings: absolute URLs, every feed, output rebuilt from scratch.

SITEURL comes from the environment variable SITEURL when it is set, and so do the legal
notice's values (LEGAL_PUBLISHER, LEGAL_PUBLISHER_ADDRESS, LEGAL_DIRECTOR, LEGAL_HOST,
CONTACT_EMAIL): an unset one keeps pelicanconf.py's value.
"""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://allo-cest-fini.example").rstrip("/")
RELATIVE_URLS = False

LEGAL_PUBLISHER = os.environ.get("LEGAL_PUBLISHER") or LEGAL_PUBLISHER  # noqa: F405
LEGAL_PUBLISHER_ADDRESS = os.environ.get("LEGAL_PUBLISHER_ADDRESS") or LEGAL_PUBLISHER_ADDRESS  # noqa: F405
LEGAL_DIRECTOR = os.environ.get("LEGAL_DIRECTOR") or LEGAL_DIRECTOR  # noqa: F405
LEGAL_HOST = os.environ.get("LEGAL_HOST") or LEGAL_HOST  # noqa: F405
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL") or CONTACT_EMAIL  # noqa: F405

# Each build renders with templates loaded once: no file-date check at every render.
JINJA_ENVIRONMENT = {**JINJA_ENVIRONMENT, "auto_reload": False}  # noqa: F405

# Pelican would empty the output before reading the content: a content error would
# leave an empty site. The complaints plugin empties it after validation instead.
DELETE_OUTPUT_DIRECTORY = False
COMPLAINTS_DELETE_OUTPUT_DIRECTORY = True

# "[À COMPLÉTER" in a page, or in a setting a page prints ({{ setting.LEGAL_HOST }}),
# stops every production build (`invoke preview`, `invoke publish`, plain pelican):
# set the legal values in the environment first (README, "Legal notice").
COMPLAINTS_REFUSE_PLACEHOLDERS = True

# Nothing that is a draft is published: no drafts/ folder at all.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""  # Pelican's default writes translated drafts to drafts/
DRAFT_PAGE_LANG_SAVE_AS = ""

FEED_DOMAIN = SITEURL
FEED_MAX_ITEMS = 50
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/rubriques/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/rubriques/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/etiquettes/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/etiquettes/{slug}.rss.xml"
AUTHOR_FEED_ATOM = "feeds/auteurs/{slug}.atom.xml"
AUTHOR_FEED_RSS = "feeds/auteurs/{slug}.rss.xml"
COMPLAINTS_MERCHANT_FEEDS = True
RSS_FEED_SUMMARY_ONLY = False
