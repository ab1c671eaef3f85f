"""Escaping helpers: URLs that reach href/src, JSON in <script>, CSV formulas."""

from __future__ import annotations

import csv
import io
import json

import pytest
from jinja2 import Environment

from complaints.outputs.opendata import CSV_COLUMNS, neutralise_formula, write_csv
from complaints.present.escaping import is_site_relative, safe_url, script_json


@pytest.mark.parametrize(
    "url",
    [
        "https://www.pixmania.com/",
        "http://example.org/a?b=c#d",
        "images/marchands/pixmania.svg",
        "/marchands/pixmania/",
        "../x.html",
        'https://e.x/" onmouseover="alert(1)" x="',  # safe scheme: autoescape does the rest
    ],
)
def test_http_and_site_relative_urls_are_kept(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x.js",
        "\\\\evil.example/x.js",
        "/\\evil.example/x.js",
        "https:evil",  # no host
        "ftp://example.org/",
        "mailto:a@b.c",
        "",
        None,
        42,
    ],
)
def test_other_urls_are_dropped(url: object) -> None:
    assert safe_url(url) == ""


def test_site_relative_means_no_scheme_and_no_host() -> None:
    assert is_site_relative("2009/07/x/")
    assert not is_site_relative("https://e.x/")
    assert not is_site_relative("javascript:alert(1)")
    assert not is_site_relative("//e.x/")


def test_script_json_cannot_close_the_script_and_reads_back() -> None:
    data = {"headline": "</script><script>alert('x')</script> & \u2028\u2029 é"}
    text = str(script_json(data))
    for forbidden in ("<", ">", "&", "'", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text) == data


def test_script_json_is_what_jinja_tojson_gives() -> None:
    data = {"b": "<a href='x'>&</a>", "a": ["é", 1, None]}
    assert str(script_json(data)) == Environment().from_string("{{ d|tojson }}").render(d=data)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Pixmania : un caméscope", "Pixmania : un caméscope"),
        ("900.00", "900.00"),
        ("-3.5", "-3.5"),
        ("12", "12"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralised(cell: str, written: str) -> None:
    assert neutralise_formula(cell) == written


def test_write_csv_neutralises_every_column() -> None:
    row = dict.fromkeys(CSV_COLUMNS, '=HYPERLINK("http://e.x")')
    stream = io.StringIO(newline="")
    write_csv([row], stream)
    (read,) = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert all(value == '\'=HYPERLINK("http://e.x")' for value in read.values())
