"""ConvenerError on every failure, with convener's code, issues and places; validate()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import convener
from convener import ConvenerError
from conftest import EXAMPLE, EXAMPLE_CSV, INVALID, places

JSON_CASES = sorted(p.name for p in INVALID.glob("*.json") if not p.name.endswith(".expected.json"))
CSV_CASES = sorted(p.name for p in (INVALID / "csv").iterdir() if p.is_dir())


def _expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name.replace(".json", "") + ".expected.json").read_text(encoding="utf-8"))


def test_the_invalid_corpus_is_there():
    assert len(JSON_CASES) > 100
    assert len(CSV_CASES) > 40


@pytest.mark.parametrize("case", JSON_CASES)
def test_invalid_json_document(case):
    path = INVALID / case
    expected = json.loads((INVALID / case.replace(".json", ".expected.json")).read_text(encoding="utf-8"))
    # validate: the issues, as the expected file lists them (codes and places)
    issues = convener.validate(path.read_bytes())
    assert places(issues) == expected["issues"]
    for issue in issues:
        assert isinstance(issue["message"], str) and issue["message"]
    assert convener.validate(path) == issues
    # load: a ConvenerError with the same issues
    with pytest.raises(ConvenerError) as info:
        convener.load(path)
    e = info.value
    assert e.code == expected["error"]
    assert e.issues == issues
    assert e.more == 0
    assert str(e) == e.message and e.message


@pytest.mark.parametrize("case", CSV_CASES)
def test_invalid_csv_folder(case):
    folder = INVALID / "csv" / case
    expected = json.loads((INVALID / "csv" / f"{case}.expected.json").read_text(encoding="utf-8"))
    with pytest.raises(ConvenerError) as info:
        convener.load(folder)
    e = info.value
    assert e.code == expected["error"]
    assert places(e.issues) == expected["issues"]
    assert convener.validate(folder) == e.issues


def test_an_invalid_document_lists_every_issue_with_its_pointer(example_doc):
    doc = json.loads(json.dumps(example_doc))
    doc["ties"][3]["to"] = "hub2"
    doc["ties"][5]["from"] = "nobody"
    with pytest.raises(ConvenerError) as info:
        convener.load(doc)
    e = info.value
    assert e.code == "document.invalid"
    assert places(e.issues) == [
        {"code": "reference.unknown_partner", "pointer": "/ties/3/to"},
        {"code": "reference.unknown_partner", "pointer": "/ties/5/from"},
    ]
    assert e.more == 0
    assert "2 problems" in str(e)
    assert places(convener.validate(doc)) == places(e.issues)
    # and JSON text gives the same
    with pytest.raises(ConvenerError) as text_info:
        convener.load(json.dumps(doc))
    assert text_info.value.issues == e.issues


def test_more_counts_the_issues_beyond_the_limit(example_doc):
    doc = json.loads(json.dumps(example_doc))
    tie = doc["ties"][0]
    # 600 ties between unknown partners: 1,200 problems, 1,000 listed (limits.max_issues)
    doc["ties"] = [dict(tie, **{"from": f"x{i}", "to": f"y{i}"}) for i in range(600)]
    with pytest.raises(ConvenerError) as info:
        convener.load(doc)
    e = info.value
    assert (len(e.issues), e.more) == (1000, 200)
    assert "1200 problems" in e.message
    # validate() gives the listed issues (the C ABI's validate does not give `more`)
    assert convener.validate(doc) == e.issues


@pytest.mark.parametrize(
    "options, issue",
    [
        ({"bogus": 1}, {"code": "options.unknown", "pointer": "/bogus"}),
        ('{"bogus": 1}', {"code": "options.unknown", "pointer": "/bogus"}),
        (b'{"bogus": 1}', {"code": "options.unknown", "pointer": "/bogus"}),
        ({"min_level": "friends"}, None),
        ("not json", None),
    ],
)
def test_invalid_options(example, options, issue):
    calls = [
        lambda: example.analyze(options),
        lambda: example.analyze_json(options),
        lambda: example.network(options),
        lambda: example.network_csv(options),
        lambda: example.indicators(options),
        lambda: example.indicators_csv(options),
        lambda: example.what_if([], options),
    ]
    for call in calls:
        with pytest.raises(ConvenerError) as info:
            call()
        e = info.value
        assert e.code == "options.invalid"
        assert e.issues, "the problems are listed"
        if issue:
            assert places(e.issues) == [issue]
    # The handle is still good afterwards.
    assert example.analyze()["format"] == "convener-report/1"


def test_unknown_what_if_partner(example):
    with pytest.raises(ConvenerError) as info:
        example.what_if(["no-such-partner"])
    e = info.value
    assert e.code == "argument.unknown_partner"
    assert "no-such-partner" in e.message
    assert e.issues == []


def test_missing_folder_is_io(tmp_path):
    missing = tmp_path / "no-such-folder"
    with pytest.raises(ConvenerError) as info:
        convener.load(missing)
    e = info.value
    assert e.code == "io"
    assert str(missing) in e.message
    with pytest.raises(ConvenerError) as info:
        convener.load(str(tmp_path / "no-such-file.json"))
    assert info.value.code == "io"
    with pytest.raises(ConvenerError) as info:
        convener.validate(missing)
    assert info.value.code == "io"


def test_an_empty_folder_is_an_invalid_document(tmp_path):
    with pytest.raises(ConvenerError) as info:
        convener.load(tmp_path)
    assert info.value.code == "document.invalid"
    assert info.value.issues


def test_validate():
    assert convener.validate(EXAMPLE) == []
    assert convener.validate(EXAMPLE_CSV) == []
    issues = convener.validate({})
    assert issues and all({"code", "message"} <= set(i) for i in issues)
    assert convener.validate("{}") == issues == convener.validate(b"{}")
    assert places(convener.validate(b"{")) == [{"code": "json.syntax", "line": 1, "column": 1}]


def test_schema_and_version():
    assert convener.version() == convener.__version__
    for name in ("initiative", "options", "report"):
        s = convener.schema(name)
        assert isinstance(s, dict) and "$schema" in s
    with pytest.raises(ConvenerError) as info:
        convener.schema("nope")
    assert info.value.code == "argument.unknown_schema"


def test_wrong_types_are_python_errors(example):
    with pytest.raises(TypeError):
        convener.load(42)
    with pytest.raises(TypeError):
        convener.load(["not", "a", "document"])
    with pytest.raises(TypeError):
        example.analyze(42)
    with pytest.raises(TypeError, match="list of partner ids"):
        example.what_if("council-social-work")
    with pytest.raises(ConvenerError) as info:
        example.analyze('{"as_of": "2024\0"}')  # a NUL is text like any other: not a period
    assert info.value.code == "options.invalid"
    with pytest.raises(ConvenerError) as info:
        convener.schema("report\0")
    assert info.value.code == "argument.unknown_schema"


def test_text_that_is_not_utf8(example):
    with pytest.raises(UnicodeEncodeError):
        example.analyze("{\udc80}")  # a lone surrogate cannot be UTF-8: Python says so
    # A document's bytes that are not UTF-8: the core says where.
    with pytest.raises(ConvenerError) as info:
        convener.load(b'{"format": "convener/1", "initiative": {"id": "x", "name": "\xff"}}')
    assert info.value.code == "document.invalid"
    assert info.value.issues[0]["code"] == "encoding.invalid"


def test_a_closed_initiative(example_text):
    initiative = convener.load(example_text)
    initiative.close()
    assert initiative.closed
    initiative.close()  # twice is fine
    with pytest.raises(ValueError, match="closed"):
        initiative.analyze()
    with pytest.raises(ValueError, match="closed"):
        initiative.what_if([])
