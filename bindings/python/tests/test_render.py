"""Every output through render(): the golden files of tests/fixtures, byte for byte."""

from __future__ import annotations

import json

import pytest

import convener
from conftest import FIXTURES, fixture_options

KEPT = sorted(p.parent.name for p in FIXTURES.glob("*/outputs"))


def test_golden_files_are_there():
    assert len(KEPT) >= 6


@pytest.mark.parametrize("name", KEPT)
def test_every_output_is_its_golden_file(name):
    folder = FIXTURES / name / "outputs"
    options = fixture_options(name)
    doc = json.loads((FIXTURES / name / "input.json").read_text(encoding="utf-8"))
    first = doc["partners"][0]["id"] if doc.get("partners") else None
    initiative = convener.load(FIXTURES / name / "input.json")
    files = sorted(p for p in folder.iterdir() if p.is_file())
    assert len(files) >= 18
    for path in files:
        without = [first] if path.name.startswith("what-if") else None
        got = initiative.render(path.name, options, without=without)
        assert got == path.read_text(encoding="utf-8"), path.name
    expected = (FIXTURES / name / "report.json").read_text(encoding="utf-8")
    assert initiative.render("report.json", options) == expected
    folder_files = initiative.render("csv-folder")
    for path in sorted((folder / "csv-folder").iterdir()):
        assert folder_files[path.name] == path.read_text(encoding="utf-8"), path.name
    assert sorted(folder_files) == sorted(p.name for p in (folder / "csv-folder").iterdir())


def test_an_unknown_output_suggests_one(example):
    with pytest.raises(convener.ConvenerError) as info:
        example.render("report.htm")
    assert info.value.code == "argument.unknown_output"
    assert "report.html" in info.value.message
    with pytest.raises(TypeError, match="list of partner ids"):
        example.render("what-if.json", without="council-housing")
