"""Typography of the theme's literal text, at template compile time."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from typographie.french import NBSP, NNBSP
from typographie.plugin import TypographicTemplates
from typographie.templates import typeset_template


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Marchand : <strong>{{ m }}</strong></p>", f"<p>Marchand{NNBSP}: <strong>{{{{ m }}}}</strong></p>"),
        ("Étiquette « {{ tag }} »", f"Étiquette «{NNBSP}{{{{ tag }}}}{NNBSP}»"),
        ("d'{{ name }}", "d’{{ name }}"),
        ("à 90 %.", f"à 90{NBSP}%."),
        ('<{{ h }} class="card-title">x</{{ h }}>', '<{{ h }} class="card-title">x</{{ h }}>'),
        ('<a title="Note : x" href="{{ u }}">a</a>', '<a title="Note : x" href="{{ u }}">a</a>'),
        ("{% if a %} ; {% endif %}", f"{{% if a %}}{NNBSP}; {{% endif %}}"),
        ("{% set L = ['a : b'] %}{# c : d #}", "{% set L = ['a : b'] %}{# c : d #}"),
        ("<code>a : b</code><script>x ? y : z</script>", "<code>a : b</code><script>x ? y : z</script>"),
        ("{%- if x -%}\n Site :\n{%- endif %}", f"{{%- if x -%}}\n Site{NNBSP}:\n{{%- endif %}}"),
    ],
)  # fmt: skip
def test_literal_text_is_typeset_and_jinja_kept(source: str, expected: str) -> None:
    assert typeset_template(source) == expected


def test_raw_blocks_are_left_alone() -> None:
    source = "{% raw %}{{ a }} : b{% endraw %} Note : x"
    assert typeset_template(source) == source


def test_the_extension_typesets_html_templates_only() -> None:
    env = Environment(
        loader=DictLoader({"a.html": "Pays : {{ c }}", "robots.txt": "Sitemap: {{ u }}"}),
        extensions=[TypographicTemplates],
    )
    assert env.get_template("a.html").render(c="France") == f"Pays{NNBSP}: France"
    assert env.get_template("robots.txt").render(u="https://x/") == "Sitemap: https://x/"
