"""The package as pip installs it: a compiled module inside, typed, with no setting needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import convener
from conftest import EXAMPLE, FIXTURES, REPO

PACKAGE = Path(convener.__file__).resolve().parent


def test_the_compiled_module_is_inside_the_package():
    native = Path(convener._native.__file__)
    assert native.parent == PACKAGE
    # One module for every CPython from 3.10 (the stable ABI).
    assert native.name.startswith("_native.") and (".abi3." in native.name or native.suffix == ".pyd")
    assert convener.version() == convener.__version__ == "0.1.0"


def test_it_is_typed():
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "_native.pyi").is_file()


def test_no_environment_variable_is_needed(tmp_path):
    """From a folder of one's own, with nothing set: the first call works and prints the
    command line's score."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONVENER")}
    code = (
        "import convener; "
        f"print(convener.load({str(EXAMPLE)!r}).analyze()['conditions']['common_agenda']['score'])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    expected = (FIXTURES / "family-support" / "report.json").read_text(encoding="utf-8")
    import json

    assert float(out.stdout) == json.loads(expected)["conditions"]["common_agenda"]["score"]
    assert repr(float(out.stdout)) == out.stdout.strip()


def test_the_package_is_not_imported_from_the_checkout():
    """The tests run against what pip installed, not the sources in bindings/python."""
    assert not str(PACKAGE).startswith(str(REPO / "bindings" / "python" / "python"))
