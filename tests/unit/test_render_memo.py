"""A fragment in a memo call block renders once per key (complaints.render_memo)."""

from __future__ import annotations

from jinja2 import Environment

from complaints.present.render_memo import RenderMemo

MACRO = """{% macro card(item, heading) -%}
{%- call memo('card', item, heading) -%}
<{{ heading }}>{{ item.title }} {{ renders() }}</{{ heading }}>
{%- endcall -%}
{%- endmacro %}"""


class Item:
    def __init__(self, title: str) -> None:
        self.title = title


def render(source: str, memo: RenderMemo, **values: object) -> str:
    count = iter(range(1, 100))
    env = Environment(autoescape=True)
    env.globals.update(memo=memo, renders=lambda: next(count))
    return env.from_string(MACRO + source).render(**values)


def test_the_same_key_gives_the_first_rendering_other_keys_their_own() -> None:
    one, two = Item("Un <b>"), Item("Un <b>")  # equal titles, two objects
    page = "{{ card(one, 'h2') }}|{{ card(one, 'h2') }}|{{ card(two, 'h2') }}|{{ card(one, 'h3') }}"
    assert render(page, RenderMemo(), one=one, two=two) == (
        "<h2>Un &lt;b&gt; 1</h2>|<h2>Un &lt;b&gt; 1</h2>|<h2>Un &lt;b&gt; 2</h2>|<h3>Un &lt;b&gt; 3</h3>"
    )


def test_a_memo_renders_what_the_body_renders_and_a_new_memo_forgets() -> None:
    one = Item("Titre")
    memo = RenderMemo()
    assert render("{{ card(one, 'h2') }}", memo, one=one) == "<h2>Titre 1</h2>"
    one.title = "Autre"
    assert render("{{ card(one, 'h2') }}", memo, one=one) == "<h2>Titre 1</h2>"
    assert render("{{ card(one, 'h2') }}", RenderMemo(), one=one) == "<h2>Autre 1</h2>"
    assert len(memo) == 1
