"""French typography for rendered HTML, in one pass per document (no Pelican).

``apply(html)`` splits the HTML into tags (never touched) and text, skips code, pre,
math, svg, scripts and styles, and applies the rules once over the joined text: narrow
no-break spaces before ``; : ! ?`` and inside « », no-break spaces in ``900 €``,
``13 juillet 2008``, ``M. Dupont``, thin spaces between thousands, curly apostrophes
and quotes (« » outside, “ ” inside), ``…``, and widont in headings; never inside URLs
or kept entities. The output is plain UTF-8 (no entity added); ``apply`` is idempotent.
typogrify's ``amp``, ``caps`` and ``smartypants`` are deliberately not applied
(docs/typography.md).
"""

from __future__ import annotations

import html as _html
import re

__all__ = ["NBSP", "NNBSP", "SKIP_TAGS", "apply", "apply_text", "apply_title", "widont"]

NBSP = "\u00a0"
NNBSP = "\u202f"

#: Elements whose text is never touched (besides the opaque raw-text elements).
SKIP_TAGS = frozenset({"code", "pre", "kbd", "samp", "var", "tt", "math", "svg"})

_SEP = "\x00"  # between text segments (where a tag or a skipped element was)
_PROT = "\x01"  # stands for a protected span (URL, entity) while the rules run

# Tokenizer: raw-text elements, comments and CDATA whole; then any tag. Quoted
# attribute values may contain ">"; possessive quantifier: no catastrophic
# backtracking on unterminated tags.
_TOKEN = re.compile(
    r"""(
        <!--.*?-->
      | <!\[CDATA\[.*?\]\]>
      | <script\b.*?</script\s*>
      | <style\b.*?</style\s*>
      | <textarea\b.*?</textarea\s*>
      | <[A-Za-z/!?](?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*+>
    )""",
    re.S | re.I | re.X,
)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Entities that merely spell a typographic character become that character.
_ENTITY_CHARS = {
    "nbsp": NBSP, "#160": NBSP, "#xa0": NBSP,
    "#8239": NNBSP, "#x202f": NNBSP,
    "laquo": "«", "#171": "«", "#xab": "«",
    "raquo": "»", "#187": "»", "#xbb": "»",
    "rsquo": "’", "#8217": "’", "#x2019": "’",
    "lsquo": "‘", "#8216": "‘", "#x2018": "‘",
    "ldquo": "“", "#8220": "“", "#x201c": "“",
    "rdquo": "”", "#8221": "”", "#x201d": "”",
    "hellip": "…", "#8230": "…", "#x2026": "…",
    "ndash": "–", "#8211": "–", "#x2013": "–",
    "mdash": "—", "#8212": "—", "#x2014": "—",
    "apos": "’", "#39": "’", "#x27": "’",
    "euro": "€", "#8364": "€", "#x20ac": "€",
}  # fmt: skip
_ENTITY = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);")

# Protected spans: remaining entities (&amp; &lt; &quot;...) and URLs.
_PROTECT = re.compile(
    r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);"
    r"|(?:(?:https?|ftp|file)://|mailto:|www\.)"
    r"[^\s\x00\x01<>\"«»“”‘’]*[^\s\x00\x01<>\"«»“”‘’.,;:!?)\]']"
)

# Performance: Python's re engine scans fast for a pattern that starts with a
# literal or a character class, and slowly for one that starts with a lookbehind
# or an alternation; so the patterns below start with the rare character and put
# their context checks after it (e.g. "\d(?<![\d.,]\d)" rather than "(?<![\d.,])\d").
_ELLIPSIS = re.compile(r"\.(?<!\.\.)\.\.(?!\.)")
_QUOTES = re.compile(r'["“”«»]')
_AFTER_LAQUO = re.compile(r"«\s*")
_BEFORE_RAQUO_SPACE = re.compile(r"\s+»")
_BEFORE_RAQUO_MISSING = re.compile(r"»(?<=\S»)")
# ; : ! ? runs, fixed up by _punct(): an existing space before them (regular, NBSP,
# several) becomes one NNBSP; a missing one is added when the sign ends a word
# ("Quoi?!", "Note:") but not in "10:30", "3:2", "page?id=1", "std::vector".
_PUNCT = re.compile(r"[;:!?]+")
_WS = frozenset(" \t\r\n\f\v\u00a0\u202f\u2009\u2007")
_PUNCT_AFTER_WORD = frozenset("»”’)]")
_PUNCT_FOLLOW = frozenset(" \t\r\n\f\v\u00a0\u202f\x00\x01»”)]…,.")
_THOUSANDS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d)")
_THOUSANDS_SPACE = re.compile(r"[ \u00a0]")
# Number then currency or unit. Symbols get a NBSP even when the space is missing
# ("50%" -> "50 %"); letter units only when a space is there ("3 km", not "4G").
_NUM_SYMBOL = re.compile(r"(\d)[ \u202f]?(?=[€$£¥%‰]|°[CF]\b)")
_NUM_UNIT = re.compile(
    r"(\d)[ \u202f]+(?=(?:euros?|EUR|USD|GBP|CHF|km|m|cm|mm|kg|g|mg|L|cl|ml"
    r"|h|min|s|ms|Go|Mo|Ko|To|Gb|Mb|kWh|kW|W|V|mAh|Hz|MHz|GHz|dpi|ppp|px|pt)"
    r"(?![\w’'-]))"
)
_MONTH_NAMES = (
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet",
    "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
    "janv.", "févr.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip
_MONTHS = "(?:" + "|".join(re.escape(m) for m in _MONTH_NAMES) + ")"
_DAY_MONTH = re.compile(r"(\d(?<![\w.,]\d)(?:\d|er)?)[ \u202f]+(?=(?i:" + _MONTHS + r")(?!\w))")
# Month then year: anchored on the (single) space, the month checked by
# fixed-width lookbehinds.
_MONTH_YEAR = re.compile(
    r"(?i)[ \u202f](?=\d{4}(?!\d))(?:"
    + "|".join(f"(?<={re.escape(m)}.)" for m in _MONTH_NAMES)
    + ")"
)
# Abbreviations before a name ("M. Dupont", "Mme Durand", "Dr Knock").
_ABBR_NAME = re.compile(
    r"([MDPS](?<![\w.][MDPS])(?:(?<=M)(?:\.|M\.|mes?\.?|lles?\.?|gr\.?|e\.?)"
    r"|(?<=D)rs?\.?|(?<=P)r\.?|(?<=S)(?:ts?\.?|te\.?)))[ \u202f]+(?=[A-ZÀ-ÖØ-Þ])"
)
# Abbreviations before a number ("n° 5", "p. 12", "art. L. 121-20"): anchored on
# the abbreviation's last sign, the word itself checked by _abbr_num().
_ABBR_NUM = re.compile(r"[.°º][ \u202f]+(?=\d|[A-Z]\.?[ \u00a0]?\d)")
_ABBR_NUM_WORD = re.compile(
    r"(?:^|[^\w.])(?:n°|N°|nº|no\.|p\.|pp\.|t\.|vol\.|chap\.|art\.|fig\.|éd\.)$"
)
# The last word may carry its narrow-spaced punctuation ("long ?"); a NBSP in it
# means widont already ran, so no second match (idempotence).
_WIDONT = re.compile(r"(?<=\S)[ \t\r\n]+(?=\S+(?:\u202f\S+)*[ \t\r\n]*$)")
_PROT_RE = re.compile(_PROT)


def _entity(match: re.Match[str]) -> str:
    return _ENTITY_CHARS.get(match.group(1).lower(), match.group(0))


_OPEN_AFTER = frozenset(" \t\r\n\u00a0\u202f([{–—-/\x01")
_CLOSE_BEFORE = frozenset(" \t\r\n\u00a0\u202f.,;:!?)]}…»\x01")


def _pair_quotes(text: str) -> str:
    """French quotes: outer level « », inner level “ ”; straight quotes paired."""
    stack: list[bool] = []  # one entry per open quote: True if it is « (outer)
    out: list[str] = []
    last = 0
    for match in _QUOTES.finditer(text):
        char = match.group()
        pos = match.start()
        if char == '"':
            prev = text[pos - 1] if pos else " "
            nxt = text[pos + 1] if pos + 1 < len(text) else " "
            if prev in _OPEN_AFTER and nxt not in _CLOSE_BEFORE:
                opening = True
            elif nxt in _CLOSE_BEFORE or (prev not in _OPEN_AFTER and prev != _SEP):
                opening = False
            else:  # next to a tag boundary: toggle
                opening = not stack
            char = "“" if opening else "”"
        if char in "«“":
            outer = char == "«" or not stack
            stack.append(outer)
            new = "«" if outer else "“"
        elif stack:  # » or ”, closing the innermost open quote
            new = "»" if stack.pop() else "”"
        else:
            new = char  # an unmatched closing quote stays as it is
        if new != match.group():
            out.append(text[last:pos])
            out.append(new)
            last = pos + 1
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _thousands(match: re.Match[str]) -> str:
    return _THOUSANDS_SPACE.sub(NNBSP, match.group())


def _punct(text: str) -> str:
    """NNBSP before ; : ! ? (see _PUNCT)."""
    out: list[str] = []
    last = 0
    size = len(text)
    for match in _PUNCT.finditer(text):
        start = match.start()
        if not start:
            continue
        space = start
        while space > last and text[space - 1] in _WS:
            space -= 1
        if space < start:  # an existing space: make it one NNBSP
            if not space or (text[start - 1] == NNBSP and space == start - 1):
                continue
            out.append(text[last:space])
            out.append(NNBSP)
            last = start
            continue
        prev = text[start - 1]
        end = match.end()
        if (prev.isalnum() or prev in _PUNCT_AFTER_WORD) and (
            end == size or text[end] in _PUNCT_FOLLOW
        ):
            out.append(text[last:start])
            out.append(NNBSP)
            last = start
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _abbr_num(match: re.Match[str]) -> str:
    start = match.start()
    if _ABBR_NUM_WORD.search(match.string, max(0, start - 6), start + 1):
        return match.group()[0] + NBSP
    return match.group()


def _rules(text: str) -> str:
    """All the rules, on text with no tags (segments joined by _SEP)."""
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    protected: list[str] = []
    if "&" in text or "://" in text or "mailto:" in text or "www." in text:

        def _keep(match: re.Match[str]) -> str:
            protected.append(match.group())
            return _PROT

        text = _PROTECT.sub(_keep, text)
    if "'" in text:
        text = text.replace("'", "’")
    if "..." in text:
        text = _ELLIPSIS.sub("…", text)
    if '"' in text or "“" in text or "”" in text:
        text = _pair_quotes(text)
    if "«" in text:
        text = _AFTER_LAQUO.sub("«" + NNBSP, text)
    if "»" in text:
        text = _BEFORE_RAQUO_SPACE.sub(NNBSP + "»", text)
        text = _BEFORE_RAQUO_MISSING.sub(NNBSP + "»", text)
    text = _punct(text)
    text = _THOUSANDS.sub(_thousands, text)
    text = _NUM_SYMBOL.sub("\\1" + NBSP, text)
    text = _NUM_UNIT.sub("\\1" + NBSP, text)
    text = _DAY_MONTH.sub("\\1" + NBSP, text)
    text = _MONTH_YEAR.sub(NBSP, text)
    text = _ABBR_NAME.sub("\\1" + NBSP, text)
    text = _ABBR_NUM.sub(_abbr_num, text)
    if protected:
        restore = iter(protected)
        text = _PROT_RE.sub(lambda _m: next(restore), text)
    return text


WIDONT_MAX = 16
"""The last two words are bound only when, together, they are at most this long: a
longer group could not fit a phone's line and would be broken inside a word."""


def widont(text: str) -> str:
    """Replace the last space of ``text`` with a NBSP (no lone last word), when the two
    words it binds are short enough (:data:`WIDONT_MAX`)."""
    match = _WIDONT.search(text)
    if match is None:
        return text
    before = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
    if len(before) + 1 + len(text[match.end() :].strip()) > WIDONT_MAX:
        return text
    return text[: match.start()] + NBSP + text[match.end() :]


def apply(html: str) -> str:
    """Apply the French typographic rules to an HTML fragment (idempotent)."""
    if not html:
        return html
    if _SEP in html or _PROT in html:
        return html  # control characters have no place in HTML: leave it alone
    parts = _TOKEN.split(html)
    # parts[0::2] are texts, parts[1::2] tags (or opaque elements).
    skip_depth = 0
    skipped: list[int] = []  # indexes (in parts) of texts inside a skip element
    headings: list[int] = []  # indexes of texts that end a heading
    for i in range(1, len(parts), 2):
        tag = parts[i]
        name_match = _TAG_NAME.match(tag)
        if name_match is None:
            if skip_depth:
                skipped.append(i + 1)
            continue
        closing, name = name_match.groups()
        name = name.lower()
        if name in SKIP_TAGS and not tag.endswith("/>"):
            skip_depth = max(skip_depth - 1, 0) if closing else skip_depth + 1
        elif closing and name in _HEADINGS and not skip_depth:
            headings.append(i - 1)
        if skip_depth:
            skipped.append(i + 1)
    texts = parts[0::2]
    if skipped:
        kept = {i: parts[i] for i in skipped}
        for i in skipped:
            parts[i] = ""
        texts = parts[0::2]
    joined = _SEP.join(texts)
    new = _rules(joined)
    if new == joined and not headings:
        return html
    parts[0::2] = new.split(_SEP)
    if skipped:
        for i, text in kept.items():
            parts[i] = text
    for i in headings:
        parts[i] = widont(parts[i])
    return "".join(parts)


def apply_title(title: str) -> str:
    """Typography for a title (plain text or inline HTML), with widont."""
    if not title:
        return title
    new = apply(title)
    if "<" not in new:
        new = widont(new)
    return new


def apply_text(text: str) -> str:
    """The same rules on plain text (a name, a feed title): ``<`` and ``&`` are text."""
    if not text:
        return text
    return _html.unescape(apply(_html.escape(text, quote=False)))
