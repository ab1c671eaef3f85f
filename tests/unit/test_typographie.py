"""French typography (plugins/typographie): every rule and every exclusion."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from typographie.french import NBSP, NNBSP, apply, apply_title, widont
from typographie.plugin import process_content

# ---------------------------------------------------------------- rules


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # narrow no-break space before ; : ! ?
        ("Attention : rien", f"Attention{NNBSP}: rien"),
        ("Attention: rien", f"Attention{NNBSP}: rien"),
        ("un ; deux", f"un{NNBSP}; deux"),
        ("Vraiment !", f"Vraiment{NNBSP}!"),
        ("Vraiment!", f"Vraiment{NNBSP}!"),
        ("Pourquoi ?", f"Pourquoi{NNBSP}?"),
        ("Pourquoi?", f"Pourquoi{NNBSP}?"),
        ("Pourquoi   ?", f"Pourquoi{NNBSP}?"),
        ("Quoi?!", f"Quoi{NNBSP}?!"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("Quoi !?", f"Quoi{NNBSP}!?"),
        ("(voir plus)?", f"(voir plus){NNBSP}?"),
        # no-break space between a number and a currency or unit
        ("900 €", f"900{NBSP}€"),
        ("900€", f"900{NBSP}€"),
        ("15 %", f"15{NBSP}%"),
        ("15%", f"15{NBSP}%"),
        ("20 $", f"20{NBSP}$"),
        ("3 km à pied", f"3{NBSP}km à pied"),
        ("900 euros", f"900{NBSP}euros"),
        ("à 10 h 30", f"à 10{NBSP}h 30"),
        ("1 200 €", f"1{NNBSP}200{NBSP}€"),
        ("1 000 000 de colis", f"1{NNBSP}000{NNBSP}000 de colis"),
        # dates
        ("le 13 juillet 2008", f"le 13{NBSP}juillet{NBSP}2008"),
        ("le 1er août 2009", f"le 1er{NBSP}août{NBSP}2009"),
        ("en Juillet 2008", f"en Juillet{NBSP}2008"),
        ("le 2 mai", f"le 2{NBSP}mai"),
        # abbreviations
        ("M. Dupont", f"M.{NBSP}Dupont"),
        ("MM. Dupont et Durand", f"MM.{NBSP}Dupont et Durand"),
        ("Mme Durand", f"Mme{NBSP}Durand"),
        ("Mlle Martin", f"Mlle{NBSP}Martin"),
        ("Dr Knock", f"Dr{NBSP}Knock"),
        ("Me Dupond, avocat", f"Me{NBSP}Dupond, avocat"),
        ("n° 5", f"n°{NBSP}5"),
        ("p. 12", f"p.{NBSP}12"),
        # apostrophes, quotes, ellipsis
        ("l'été d'abord", "l’été d’abord"),
        ('il a dit "non"', f"il a dit «{NNBSP}non{NNBSP}»"),
        ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("“Bonjour”", f"«{NNBSP}Bonjour{NNBSP}»"),
        (
            "« il a dit “oui” puis non »",
            f"«{NNBSP}il a dit “oui” puis non{NNBSP}»",
        ),
        ("et puis...", "et puis…"),
    ],
)
def test_rule(source: str, expected: str) -> None:
    assert apply(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "à 10:30",  # times
        "un rapport 3:2",  # ratios
        "std::vector",
        "index.php?page=2",
        "C:\\Documents",
        "Mais pourquoi",  # "mai" is not a month inside a word
        "me voilà",  # "me" is not "Me" before a name
        "en 2008 300 clients",  # a year is not a group of thousands
        "une 4G",
        "45°",
        "(?)",
    ],
)
def test_left_alone(source: str) -> None:
    assert apply(source) == source


# ---------------------------------------------------------------- exclusions


@pytest.mark.parametrize("tag", ["code", "pre", "kbd", "samp", "var"])
def test_skip_elements(tag: str) -> None:
    html = f"<p>Voir <{tag}>x : 'a' \"b\" 900 € l'été</{tag}> : fin</p>"
    assert apply(html) == (f"<p>Voir <{tag}>x : 'a' \"b\" 900 € l'été</{tag}>{NNBSP}: fin</p>")


def test_pre_code_with_highlighting_spans() -> None:
    html = '<pre><code><span class="k">if</span> a : b ! "c"</code></pre><p>Oui !</p>'
    assert apply(html) == (
        f'<pre><code><span class="k">if</span> a : b ! "c"</code></pre><p>Oui{NNBSP}!</p>'
    )


@pytest.mark.parametrize("tag", ["script", "style", "textarea"])
def test_raw_text_elements(tag: str) -> None:
    html = f"<{tag}>if (a<b && c > d) {{ x = 'y : z' ; }}</{tag}><p>Oui!</p>"
    assert apply(html) == (
        f"<{tag}>if (a<b && c > d) {{ x = 'y : z' ; }}</{tag}><p>Oui{NNBSP}!</p>"
    )


def test_comments_untouched() -> None:
    html = "<p>Début !</p><!-- chronologie : l'ici -->"
    assert apply(html) == f"<p>Début{NNBSP}!</p><!-- chronologie : l'ici -->"


def test_attributes_untouched() -> None:
    html = (
        '<a href="http://x.example:80/l\'a?b=1!" title="Attention : 900 € l\'été" '
        "data-x='a ; b'>Attention : 900 €</a>"
        '<img alt="Quoi ? 13 juillet 2008" src="/i.png">'
        '<time datetime="2008-07-13T10:30">13 juillet 2008</time>'
    )
    assert apply(html) == (
        '<a href="http://x.example:80/l\'a?b=1!" title="Attention : 900 € l\'été" '
        f"data-x='a ; b'>Attention{NNBSP}: 900{NBSP}€</a>"
        '<img alt="Quoi ? 13 juillet 2008" src="/i.png">'
        f'<time datetime="2008-07-13T10:30">13{NBSP}juillet{NBSP}2008</time>'
    )


def test_attribute_with_greater_than() -> None:
    html = '<a title="a > b : c">Oui !</a>'
    assert apply(html) == f'<a title="a > b : c">Oui{NNBSP}!</a>'


@pytest.mark.parametrize(
    "url",
    [
        "http://x.example:80/a?b=1",
        "https://exemple.fr/l'article!",
        "mailto:contact@exemple.fr",
        "www.exemple.fr/page?x=1",
        "ftp://a.example/x;y",
    ],
)
def test_urls_in_text_untouched(url: str) -> None:
    assert apply(f"<p>Voir {url} !</p>") == f"<p>Voir {url}{NNBSP}!</p>"


# ---------------------------------------------------------------- entities


def test_entities_kept_or_normalised() -> None:
    # &amp; &lt; &gt; stay entities: their ";" is never a semicolon
    assert apply("Dupont &amp; Cie; &lt;b&gt;") == f"Dupont &amp; Cie{NNBSP}; &lt;b&gt;"
    assert apply("Tom&amp;Jerry") == "Tom&amp;Jerry"
    # entities that only spell a character become that character
    assert apply("l&#8217;été, l&rsquo;été, l&#39;été") == "l’été, l’été, l’été"
    assert apply("&laquo;Oui&raquo;") == f"«{NNBSP}Oui{NNBSP}»"
    assert apply("&ldquo;Oui&rdquo;&hellip;") == f"«{NNBSP}Oui{NNBSP}»…"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Pixmania&nbsp;: x", f"Pixmania{NNBSP}: x"),
        (f"Pixmania{NBSP}: x", f"Pixmania{NNBSP}: x"),
        (f"Pixmania{NNBSP}: x", f"Pixmania{NNBSP}: x"),
        ("900&nbsp;€", f"900{NBSP}€"),
        (f"900{NBSP}€", f"900{NBSP}€"),
        ("13&nbsp;juillet&nbsp;2008", f"13{NBSP}juillet{NBSP}2008"),
        ("«&nbsp;Oui&nbsp;»", f"«{NNBSP}Oui{NNBSP}»"),
        ("Oui&#8239;!", f"Oui{NNBSP}!"),
    ],
)
def test_existing_no_break_spaces_not_doubled(source: str, expected: str) -> None:
    assert apply(source) == expected


# ---------------------------------------------------------------- across tags


def test_rules_across_inline_tags() -> None:
    assert apply("<strong>Note</strong> : lire") == f"<strong>Note</strong>{NNBSP}: lire"
    assert apply("<em>Note:</em> lire") == f"<em>Note{NNBSP}:</em> lire"
    assert apply('<em>"Oui"</em>') == f"<em>«{NNBSP}Oui{NNBSP}»</em>"
    assert apply('"<em>Oui</em>"') == f"«{NNBSP}<em>Oui</em>{NNBSP}»"


def test_widont_in_headings() -> None:
    assert apply("<h2>Un titre assez long</h2>") == f"<h2>Un titre assez{NBSP}long</h2>"
    assert apply('<h3 id="x">Seul</h3>') == '<h3 id="x">Seul</h3>'
    assert apply("<p>Un paragraphe assez long</p>") == "<p>Un paragraphe assez long</p>"
    assert apply("<h2>Et maintenant ?</h2>") == f"<h2>Et{NBSP}maintenant{NNBSP}?</h2>"


def test_widont_title() -> None:
    title = "Pixmania : un caméscope livré chez un autre"
    assert apply_title(title) == (f"Pixmania{NNBSP}: un caméscope livré chez un{NBSP}autre")
    assert apply_title(apply_title(title)) == apply_title(title)
    assert widont("un") == "un"


def test_widont_never_binds_a_group_too_long_for_a_phone_line() -> None:
    title = "Techno-Bazar Lunaire : commande annulée, remboursement introuvable"
    assert "remboursement introuvable" in apply_title(title)
    assert widont("un prix exorbitant") == f"un prix{NBSP}exorbitant"


def test_empty_and_control_characters() -> None:
    assert apply("") == ""
    assert apply("a\x00b : c") == "a\x00b : c"  # not HTML: left alone


# ---------------------------------------------------------------- idempotence

SAMPLE = """<h2 id="le-sav">Le &ldquo;SAV&rdquo; d&rsquo;Untel : 900 € !</h2>
<p>Il m&rsquo;a dit &ldquo;rappelez demain&rdquo;&hellip; M. Dupont &amp; Cie; le
13 juillet 2008 à 10:30, 50% et 1 200 €. « Bonjour », "oui" ? Quoi?!
<a href="http://x.y:80/a?b=1" title="a : b">lien</a> <code>x "y" : z</code>
http://exemple.fr:8080/x mailto:a@b.fr</p><!-- chronologie --><ul><li>n° 5 : ok</li></ul>"""


def test_idempotent_on_sample() -> None:
    once = apply(SAMPLE)
    assert once != SAMPLE
    assert apply(once) == once


# ---------------------------------------------------------------- Pelican edge


def _content(**extra: object) -> SimpleNamespace:
    base = {
        "settings": {"TYPOGRAPHIE_ENABLED": True},
        "_content": "<p>Oui : 900 €</p>",
        "title": "Pixmania : un remboursement",
        "metadata": {"title": "Pixmania : un remboursement"},
    }
    base.update(extra)
    return SimpleNamespace(**base)


def test_process_content_once() -> None:
    obj = _content(_summary="<p>Bref : oui</p>")
    obj.metadata["summary"] = obj._summary
    process_content(obj)
    assert obj._content == f"<p>Oui{NNBSP}: 900{NBSP}€</p>"
    assert obj.title == f"Pixmania{NNBSP}: un{NBSP}remboursement"
    assert obj.metadata["title"] == obj.title
    assert obj._summary == obj.metadata["summary"] == f"<p>Bref{NNBSP}: oui</p>"
    obj._content = "<p>Non : x</p>"  # a second call does nothing (guard)
    process_content(obj)
    assert obj._content == "<p>Non : x</p>"


def test_process_content_disabled_and_static() -> None:
    obj = _content(settings={"TYPOGRAPHIE_ENABLED": False})
    process_content(obj)
    assert obj._content == "<p>Oui : 900 €</p>"
    static = _content(_content=None)
    process_content(static)
    assert static.title == "Pixmania : un remboursement"


# ---------------------------------------------------------------- properties

_TAG_RE = re.compile(r"<[^>]*>")
_CODE_RE = re.compile(r"<code>(.*?)</code>", re.S)

_text = st.text(
    alphabet=st.sampled_from(
        [*list("abcXYZ019 \n.,;:!?'\"«»“”’…%€$-/()&#="), NBSP, NNBSP, "é", "°"]
    ),
    max_size=30,
).map(lambda s: s.replace("&", "&amp;"))
_words = st.sampled_from(
    ["&amp;", "&nbsp;", "&#8217;", "&rsquo;", "&laquo;", "&raquo;", "&lt;", "http://x.y:80/a",
     "mailto:a@b.fr", "13 juillet 2008", "M. Dupont", "10:30", "3:2", "900 €", "1 200", "..."]
)  # fmt: skip
_inline = st.lists(st.one_of(_text, _words), max_size=6).map("".join)


@st.composite
def _html(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["p", "code", "pre", "a", "h2", "em", "text"]))
        inner = draw(_inline)
        if kind == "text":
            pieces.append(inner)
        elif kind == "code":
            pieces.append(f"<code>{inner}</code>")
        elif kind == "pre":
            pieces.append(f'<pre><code class="x">{inner}<span>{draw(_inline)}</span></code></pre>')
        elif kind == "a":
            pieces.append(
                f'<a href="{inner.replace(chr(34), "&quot;")}" title="a : b">{draw(_inline)}</a>'
            )
        else:
            pieces.append(f"<{kind}>{inner}<em>{draw(_inline)}</em>{draw(_inline)}</{kind}>")
    return "".join(pieces)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html())
def test_tags_and_code_preserved(html: str) -> None:
    out = apply(html)
    assert _TAG_RE.findall(out) == _TAG_RE.findall(html)
    assert _CODE_RE.findall(out) == _CODE_RE.findall(html)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html())
def test_idempotent(html: str) -> None:
    once = apply(html)
    assert apply(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_never_crashes_and_is_idempotent(text: str) -> None:
    once = apply(text)
    assert apply(once) == once
    # nothing is lost but white space (a run before « ; : » becomes one narrow space)
    # and typographic substitutions
    kept = "".join(text.split())
    assert len(once) >= len(kept) - text.count("...") * 2 - 2 * text.count("&")
