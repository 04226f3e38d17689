"""Finding the shared library: CONVENER_LIB, convener/_lib/, the checkout's target/release/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import convener
from conftest import REPO

PACKAGE = Path(convener.__file__).resolve().parent
LIBRARY = convener.library_path()

PROBE = "import convener; print(convener.library_path()); print(convener.version())"


def _run(code: str, cwd: Path, env_lib=None, pythonpath: Path = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CONVENER_LIB", "PYTHONPATH")}
    if env_lib is not None:
        env["CONVENER_LIB"] = str(env_lib)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def _copy_package(tmp_path: Path) -> Path:
    """The package alone, outside the checkout, with no library in _lib/."""
    site = tmp_path / "site"
    shutil.copytree(PACKAGE, site / "convener", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.dylib", "*.dll"))
    return site


def test_the_library_in_use_is_a_file():
    assert LIBRARY.is_file()
    assert LIBRARY.name == convener._native.LIBRARY_NAME


def test_convener_lib_comes_first(tmp_path):
    site = _copy_package(tmp_path)
    r = _run(PROBE, tmp_path, env_lib=LIBRARY, pythonpath=site)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[:2] == [str(LIBRARY), convener.version()]


def test_a_wrong_convener_lib_says_so(tmp_path):
    site = _copy_package(tmp_path)
    r = _run(PROBE, tmp_path, env_lib=tmp_path / "nope.so", pythonpath=site)
    assert r.returncode != 0
    assert "LibraryNotFoundError" in r.stderr and "CONVENER_LIB" in r.stderr and "nope.so" in r.stderr
    # A file that is not a library.
    bogus = tmp_path / "bogus.so"
    bogus.write_text("not a library")
    r = _run(PROBE, tmp_path, env_lib=bogus, pythonpath=site)
    assert r.returncode != 0
    assert "could not load" in r.stderr and "CONVENER_LIB" in r.stderr


def test_a_library_packaged_in_lib(tmp_path):
    site = _copy_package(tmp_path)
    shutil.copy2(LIBRARY, site / "convener" / "_lib" / LIBRARY.name)
    r = _run(PROBE, tmp_path, pythonpath=site)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[0] == str(site / "convener" / "_lib" / LIBRARY.name)


def test_no_library_anywhere_says_how_to_set_convener_lib(tmp_path):
    site = _copy_package(tmp_path)
    # Importing works; the first call says what to do.
    r = _run("import convener; print('imported'); convener.version()", tmp_path, pythonpath=site)
    assert r.returncode != 0
    assert r.stdout.strip() == "imported"
    assert "LibraryNotFoundError" in r.stderr
    assert "CONVENER_LIB" in r.stderr and "cargo build --release -p convener-ffi" in r.stderr


def test_a_checkout_finds_target_release(tmp_path):
    built = REPO / "target" / "release" / LIBRARY.name
    if not built.is_file():
        pytest.skip("no release build in this checkout")
    r = _run(PROBE, tmp_path, pythonpath=REPO / "bindings" / "python")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[0] == str(built)
