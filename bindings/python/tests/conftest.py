"""Shared paths and helpers for the tests of the Python package (installed with pip from
bindings/python: the compiled module and the Python around it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures"
INVALID = REPO / "tests" / "invalid"
EXAMPLE = REPO / "examples" / "data" / "family-support.json"
EXAMPLE_CSV = REPO / "examples" / "data" / "family-support"


def fixture_names() -> list:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "input.json").is_file())


def fixture_options(name: str):
    """The fixture's options as JSON text, or None for the defaults."""
    path = FIXTURES / name / "options.json"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def places(issues: list) -> list:
    """Issues without their messages (the expected files list codes and places only)."""
    return [{k: v for k, v in issue.items() if k != "message"} for issue in issues]


def assert_same_text(actual: str, expected: str, label: str = "text") -> None:
    """Equal byte for byte; on a difference, fail with the first line that differs."""
    if actual == expected:
        return
    a, e = actual.split("\n"), expected.split("\n")
    i = 0
    while i < len(a) and i < len(e) and a[i] == e[i]:
        i += 1
    pytest.fail(
        f"{label} differs at line {i + 1} ({len(a)} lines against {len(e)} expected):\n"
        f"  actual:   {a[i] if i < len(a) else '<end>'!r}\n"
        f"  expected: {e[i] if i < len(e) else '<end>'!r}"
    )


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_doc(example_text: str) -> dict:
    return json.loads(example_text)


@pytest.fixture
def example():
    import convener

    with convener.load(EXAMPLE) as initiative:
        yield initiative
