"""The editing form's configuration (generated, current, complete), what the loader makes
of a form's rewrites, the wait for a whole file, and the loopback-only servers."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from complaints.domain import model
from complaints.domain.fuzzydate import DateError, FuzzyDate
from complaints.domain.model import parse_testimony
from complaints.domain.rules import KIND_FIELDS
from complaints.domain.vocabulary import VOCABULARIES
from complaints.editorial.form_labels import FIELDS
from complaints.editorial.frontmatter import read_front_matter
from complaints.outputs.cms_config import (
    EXACT_PATTERN,
    FUZZY_PATTERN,
    PUBLISHED_PATTERN,
    SLUG_PATTERN,
    config_text,
)
from sitebuild.cms import CmsRefused, loopback_only
from sitebuild.settling import is_complete, wait_until_complete
from tests.support.sample import CONTENT, PIXMANIA, ROOT

CONFIG = ROOT / "admin" / "config.yml"


@pytest.fixture(scope="module")
def form() -> dict:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def _collection(form: dict, name: str) -> dict:
    return next(c for c in form["collections"] if c["name"] == name)


def _by_name(fields: list[dict]) -> dict[str, dict]:
    return {field["name"]: field for field in fields}


def test_the_committed_form_is_current() -> None:
    import tasks

    assert CONFIG.read_text(encoding="utf-8") == config_text(tasks.cms_site()), (
        "run `invoke cms-config` (or `invoke vocabulary`) and commit admin/config.yml"
    )


def test_one_collection_per_section_in_its_folder_and_french_interface(form: dict) -> None:
    assert form["locale"] == "fr"
    assert form["backend"]["proxy_url"].startswith("http://127.0.0.1:")
    folders = {c["folder"] for c in form["collections"]}
    for section in ("temoignages", "enquetes", "analyses"):
        assert f"content/temoignages/{section}" in folders
        assert (CONTENT / "temoignages" / section).is_dir()
    assert form["media_folder"] == "content/images/marchands"
    logo = _by_name(_collection(form, "marchands")["fields"])["logo"]
    assert logo["widget"] == "image" and logo["public_folder"] == "images/marchands"


def _model_paths(model: type[BaseModel], prefix: str) -> list[str]:
    paths = []
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}"
        paths.append(path)
        inner = [info.annotation, *typing.get_args(info.annotation)]
        for candidate in inner:
            candidate = typing.get_args(candidate)[0] if typing.get_args(candidate) else candidate
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                if path.endswith((".amount", ".recovered")):
                    continue  # an amount's fields are labelled once, as amount.*
                paths += _model_paths(candidate, path.replace("[]", ""))
    return paths


def _form_labels(fields: list[dict], prefix: str, labels: dict[str, str]) -> dict[str, str]:
    for field in fields:
        path = f"{prefix}.{field['name']}" if prefix else field["name"]
        labels[path] = field["label"]
        for kind in field.get("types", []):
            _form_labels(kind["fields"], path, labels)
        _form_labels(field.get("fields", []), path, labels)
    return labels


def test_every_field_of_the_model_is_in_the_form_with_a_french_label(form: dict) -> None:
    labels = _form_labels(_collection(form, "temoignages-temoignages")["fields"], "", {})
    for path in _model_paths(model.Testimony, "testimony"):
        assert path in FIELDS, f"{path}: add its French label to editorial/form_labels.py"
        if path == "testimony.events.kind":
            continue  # chosen as the type of each event
        assert labels[path] == FIELDS[path][0], path
    assert labels["testimony.order.amount.currency"] == FIELDS["amount.currency"][0]


def test_every_vocabulary_is_a_list_of_french_labels_storing_codes(form: dict) -> None:
    text = CONFIG.read_text(encoding="utf-8")
    seen: dict[str, set[str]] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("widget") == "select" and node["name"] not in ("status", "kind"):
                seen.setdefault(node["name"], set()).update(o["value"] for o in node["options"])
                for option in node["options"]:
                    assert (option["label"] and option["label"] != option["value"]) or (
                        option["value"] in ("none",)
                    )
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(_collection(form, "temoignages-temoignages"))
    assert seen["issues"] == set(VOCABULARIES["issue"])
    assert seen["actor"] == set(VOCABULARIES["actor"])
    assert seen["lessons"] == set(VOCABULARIES["lesson"])
    assert "Accusé de réception automatique" in text
    testimony = _by_name(_collection(form, "temoignages-temoignages")["fields"])["testimony"]
    kinds = _by_name(_by_name(testimony["fields"])["events"]["types"])
    assert "ne compte pas comme une réponse du marchand" in kinds["merchant_ack"]["hint"]


def test_events_are_typed_by_kind_with_the_fields_of_that_kind(form: dict) -> None:
    testimony = _by_name(_collection(form, "temoignages-temoignages")["fields"])["testimony"]
    events = _by_name(testimony["fields"])["events"]
    assert events["typeKey"] == "kind" and events["min"] == 1
    assert [t["name"] for t in events["types"]] == list(VOCABULARIES["kind"])
    for kind in events["types"]:
        fields = {field["name"] for field in kind["fields"]}
        assert {"date", "actor", "channel", "note", "approx"} <= fields
        for name, kinds in KIND_FIELDS.items():
            assert (name in fields) == (kind["name"] in kinds), (kind["name"], name)


def test_merchant_and_author_are_relations_and_the_slug_is_explicit(form: dict) -> None:
    fields = _by_name(_collection(form, "temoignages-temoignages")["fields"])
    testimony = _by_name(fields["testimony"]["fields"])
    assert testimony["merchant"]["widget"] == "relation"
    assert testimony["merchant"]["collection"] == "marchands"
    assert fields["author"]["widget"] == "relation" and fields["author"]["value_field"] == "name"
    assert _collection(form, "temoignages-temoignages")["slug"] == "{{fields.slug}}"
    slug = re.compile(SLUG_PATTERN)
    assert slug.match("pixmania-colis-perdu")
    for wrong in ("Pixmania", "colis-à-1-€", "l’envoi", "a--b", "-a", ""):
        assert not slug.match(wrong), wrong


@pytest.mark.parametrize(
    "text", ["2008-07-13", "2008-07", "2008", "2008-07..2009-05", "2008..2009-05-02"]
)
def test_the_fuzzy_date_pattern_accepts_what_the_model_reads(text: str) -> None:
    assert re.match(FUZZY_PATTERN, text)
    FuzzyDate.parse(text)


@pytest.mark.parametrize("text", ["13/07/2008", "2008-13", "2008-07-32", "juin 2009", "08-07"])
def test_the_fuzzy_date_pattern_refuses_what_the_model_refuses(text: str) -> None:
    assert not re.match(FUZZY_PATTERN, text)
    with pytest.raises(DateError):
        FuzzyDate.parse(text)


def test_the_exact_and_publication_patterns() -> None:
    assert re.match(EXACT_PATTERN, "2009-07-06") and not re.match(EXACT_PATTERN, "2009-07")
    assert re.match(PUBLISHED_PATTERN, "2009-07-06 10:00")
    assert not re.match(PUBLISHED_PATTERN, "07/08/2026")


# ------------------------------------------------------------- the form's rewrites


def _front(yaml_text: str) -> dict:
    return read_front_matter(f"---\n{yaml_text}\n---\nTexte.\n", "x.md").data


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "On"])
def test_yaml_11_booleans_in_titles_tags_and_summaries_stay_words(word: str) -> None:
    data = _front(f"title: {word}\ntags: [{word}, livraison]\nsummary: {word}")
    assert data == {"title": word, "tags": [word, "livraison"], "summary": word}


def test_times_and_grouped_digits_stay_texts_dates_stay_dates() -> None:
    data = _front("title: 12:30\nsummary: 1_000\ndate: 2009-07-06\ntags: [20:15]")
    assert data["title"] == "12:30" and data["summary"] == "1_000"
    assert data["tags"] == ["20:15"] and str(data["date"]) == "2009-07-06"
    assert _front("a: true\nb: false\nc: 900\nd: 12.5") == {
        "a": True,
        "b": False,
        "c": 900,
        "d": 12.5,
    }


def test_a_cleared_optional_field_is_an_absent_one() -> None:
    text = (CONTENT / PIXMANIA).read_text(encoding="utf-8")
    cleared = text.replace("  delivery: {carrier: Colissimo, mode: home}", "  delivery:")
    cleared = cleared.replace('summary: "', 'modified:\nsummary: "')
    cleared = cleared.replace(
        ", channel: web}\n    - {date: 2008-07,", ", channel: ''}\n    - {date: 2008-07,", 1
    )
    data = read_front_matter(cleared, "x.md").data
    assert "delivery" not in data["testimony"] and "modified" not in data
    assert "channel" not in data["testimony"]["events"][0]
    parse_testimony(data["testimony"], source="x.md", merchants={"pixmania"})


def test_windows_and_old_mac_line_endings_read_the_same() -> None:
    text = (CONTENT / PIXMANIA).read_text(encoding="utf-8")
    plain = read_front_matter(text, "x.md")
    for ending in ("\r\n", "\r"):
        other = read_front_matter(text.replace("\n", ending), "x.md")
        assert other.data == plain.data and other.body == plain.body


# ------------------------------------------------------------- a half-written file


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        ("", False),
        ("---", False),
        ("---\ntitle: x\n", False),
        ("---\ntitle: x\ntestimony:\n  merchant: pix", False),
        ("---\ntitle: x\n---\n", True),
        ("---\r\ntitle: x\r\n---\r\nTexte", True),
        ("Texte sans métadonnées\n", True),
    ],
)
def test_a_file_cut_short_is_not_complete(text: str, complete: bool) -> None:
    assert is_complete(text) is complete


def test_the_preview_waits_until_the_file_is_whole_and_still() -> None:
    whole = "---\ntitle: x\n---\nTexte.\n"
    reads = iter(["---\nti", "---\ntitle: x\n", whole[:-3], whole, whole])
    seen: list[str] = []

    def read(_path: Path) -> str:
        seen.append(next(reads))
        return seen[-1]

    assert wait_until_complete([Path("a.md"), Path("b.svg")], read=read, sleep=lambda _s: None)
    assert seen[-1] == whole and len(seen) == 5


def test_the_preview_builds_anyway_after_the_limit() -> None:
    assert not wait_until_complete(
        [Path("a.md")], read=lambda _p: "---\n", sleep=lambda _s: None, limit=0.2
    )
    assert wait_until_complete([Path("gone.md")], read=lambda _p: None, sleep=lambda _s: None)


# ------------------------------------------------------------- loopback only


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org", ""])
def test_the_form_refuses_any_address_but_the_loopback(host: str) -> None:
    with pytest.raises(CmsRefused, match="n'écoute que sur cette machine"):
        loopback_only(host)
    assert loopback_only("localhost") == loopback_only("127.0.0.1") == "127.0.0.1"


def test_a_new_list_of_blocks_in_the_model_becomes_a_list_of_blocks_in_the_form() -> None:
    """A field added to the model (a list of dated follow-ups, say) reaches the form."""
    from complaints.outputs.cms_config import _from_type

    field = _from_type(
        "testimony.followups", "followups", list[model.Outcome], [], required=False, default=[]
    )
    assert field["widget"] == "list" and field.get("required") is False
    inner = _by_name(field["fields"])
    assert inner["status"]["widget"] == "select"
    assert {o["value"] for o in inner["status"]["options"]} == set(VOCABULARIES["status"])
    assert inner["as_of"]["pattern"][0] == EXACT_PATTERN
    assert inner["recovered"]["widget"] == "object"
