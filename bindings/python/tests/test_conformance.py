"""Every conformance fixture gives report.json's bytes, in every form a document can take."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import convener
from conftest import EXAMPLE, EXAMPLE_CSV, FIXTURES, assert_same_text, fixture_names, fixture_options

NAMES = fixture_names()


def test_the_corpus_is_there():
    assert len(NAMES) >= 20
    assert "family-support" in NAMES
    assert any((FIXTURES / n / "options.json").is_file() for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_report_byte_for_byte(name):
    expected = (FIXTURES / name / "report.json").read_bytes()
    with convener.load(FIXTURES / name / "input.json") as initiative:
        text = initiative.analyze_json(fixture_options(name))
        assert_same_text(text, expected.decode("utf-8"), f"{name}/report.json")
        assert text.encode("utf-8") == expected
        # analyze() is the same report, parsed.
        assert initiative.analyze(fixture_options(name)) == json.loads(text)


@pytest.mark.parametrize("name", [n for n in NAMES if (FIXTURES / n / "options.json").is_file()])
def test_fixture_options_as_dict_text_and_bytes(name):
    options_text = fixture_options(name)
    expected = (FIXTURES / name / "report.json").read_text(encoding="utf-8")
    with convener.load(FIXTURES / name / "input.json") as initiative:
        for options in (options_text, json.loads(options_text), options_text.encode("utf-8")):
            assert initiative.analyze_json(options) == expected
        # and the options matter: the defaults give another report
        assert initiative.analyze_json() != expected


def test_analyze_is_the_parsed_text(example):
    text = example.analyze_json()
    assert text.endswith("\n")
    report = example.analyze()
    assert report == json.loads(text)
    assert list(report) == [
        "format", "initiative", "as_of", "options", "conditions",
        "network", "measurement", "plan", "findings",
    ]
    # Analysing twice gives the same bytes.
    assert example.analyze_json() == text


def test_every_form_of_a_document_gives_the_same_bytes(example_text, example_doc):
    expected = (FIXTURES / "family-support" / "report.json").read_text(encoding="utf-8")
    forms = {
        "dict": example_doc,
        "JSON text": example_text,
        "JSON text after white space": "\n  \t" + example_text,
        "bytes": example_text.encode("utf-8"),
        "path as str": str(EXAMPLE),
        "pathlib.Path": EXAMPLE,
        "os.PathLike": _PathLike(EXAMPLE),
        "relative path": os.path.relpath(EXAMPLE),
        "CSV folder (str)": str(EXAMPLE_CSV),
        "CSV folder (Path)": EXAMPLE_CSV,
    }
    for label, source in forms.items():
        with convener.load(source) as initiative:
            assert_same_text(initiative.analyze_json(), expected, label)
        # Initiative(x) is load(x)
        with convener.Initiative(source) as initiative:
            assert initiative.analyze_json() == expected, label


def test_the_example_is_valid(example_text, example_doc):
    for source in (example_doc, example_text, EXAMPLE, EXAMPLE_CSV):
        assert convener.validate(source) == []
    for name in NAMES:
        assert convener.validate(FIXTURES / name / "input.json") == [], name


def test_unicode_round_trips_through_a_dict(example_doc):
    doc = json.loads(json.dumps(example_doc))
    doc["initiative"]["name"] = "Strathmòrven Teaghlaichean — “families” 👪"
    with convener.load(doc) as a, convener.load(json.dumps(doc)) as b, convener.load(json.dumps(doc, ensure_ascii=False)) as c:
        report = a.analyze()
        assert report["initiative"]["name"] == doc["initiative"]["name"]
        assert a.analyze_json() == b.analyze_json() == c.analyze_json()


class _PathLike:
    """A path-like object that is not a pathlib.Path."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return str(self._path)
