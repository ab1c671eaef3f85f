"""Page values: {{ setting.NAME }} and {{ code.NAME }} filled in a page's HTML."""

import pytest

from complaints.domain.rules import Z
from complaints.present.page_values import CODE_VALUES, fill, french_number, setting_text


def test_fills_settings_escaped() -> None:
    html, unknown = fill(
        "<li>Directeur : {{ setting.LEGAL_DIRECTOR }}</li>",
        {"LEGAL_DIRECTOR": "Camille <b>Exemple</b> & Cie"},
    )
    assert html == "<li>Directeur : Camille &lt;b&gt;Exemple&lt;/b&gt; &amp; Cie</li>"
    assert unknown == []


def test_spacing_inside_the_braces_is_free() -> None:
    assert fill("{{setting.A}}/{{  setting.A  }}", {"A": "x"}) == ("x/x", [])


def test_code_value_is_the_code_z_in_french() -> None:
    html, unknown = fill("z = {{ code.WILSON_Z }}", {})
    assert unknown == []
    assert html == "z = 1,64485"
    assert float(html.removeprefix("z = ").replace(",", ".")) == round(Z, 5)


def test_confidence_is_a_french_percentage() -> None:
    assert CODE_VALUES["CONFIDENCE"]().replace("\u202f", " ").replace("\xa0", " ") == "90 %"


@pytest.mark.parametrize(
    "html",
    ["{{ setting.NO_SUCH }}", "{{ code.NO_SUCH }}", "{{ setting.PLUGINS }}"],
)
def test_unknown_or_unprintable_names_are_reported_and_kept(html: str) -> None:
    filled, unknown = fill(html, {"PLUGINS": ["a", "b"]})
    assert filled == html
    assert unknown == [html.strip("{} ")]


def test_other_braces_are_left_alone() -> None:
    html = "<code>{{ article.title }}</code> {filename}page.md {{ réglage }}"
    assert fill(html, {}) == (html, [])


def test_numbers_in_french() -> None:
    assert french_number(1234.5) == "1\u202f234,5"
    assert french_number(1.6448536, 5) == "1,64485"
    assert setting_text(60) == "60"
    assert setting_text(True) is None
