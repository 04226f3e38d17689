"""convener for Python: collective-impact partnerships, over convener's C ABI.

The package is a thin layer over the shared library of the Rust crate ``convener-ffi``
(ctypes, no analysis logic in Python): the report it gives is the same, byte for byte, as
the command line's, the C ABI's and the WebAssembly package's.

Quick start::

    import convener

    with convener.load("examples/data/family-support.json") as initiative:
        report = initiative.analyze()                   # a dict (convener-report/1)
        for key, c in report["conditions"].items():
            if key != "factors":
                print(c["name"], round(c["score"]), c["stage"])
        rows = initiative.network()                     # one dict per partner

API:

- ``load(x)`` / ``Initiative(x)``: ``x`` is a dict (the document), a string whose first
  non-space character is ``{`` (its JSON text), ``bytes`` (JSON text as read from a file),
  or a path (``str`` or ``os.PathLike``) to a JSON file or to a folder of CSV files.
- ``Initiative.analyze(options=None)`` → dict; ``.analyze_json(options=None)`` → the
  report's exact text; ``.network(options=None)`` and ``.indicators(options=None)`` →
  lists of row dicts (ints, floats, bools, strings, ``None`` for blank);
  ``.network_csv()``, ``.indicators_csv()`` → CSV text; ``.what_if(ids, options=None)``
  → ``{removed, delta, report}``. Options are a dict, JSON text, or ``None`` (defaults).
- ``validate(x)`` → list of issue dicts (empty when valid); ``schema(name)`` → dict
  (``initiative``, ``options``, ``report``); ``version()`` → str.
- ``to_pandas(rows)`` → a ``pandas.DataFrame`` (needs pandas: ``pip install convener[pandas]``).
- ``ConvenerError`` (``.code``, ``.message``, ``.issues``, ``.more``, ``.status``) is
  raised for every failing call.

Finding the library, in order:

1. the environment variable ``CONVENER_LIB``: the path of the library itself
   (``libconvener_ffi.so`` on Linux, ``libconvener_ffi.dylib`` on macOS,
   ``convener_ffi.dll`` on Windows);
2. a copy packaged next to this module, in ``convener/_lib/``;
3. ``target/release/`` of the repository, when the package is used from a checkout
   (after ``cargo build --release -p convener-ffi``).

When none has it, the first call raises ``LibraryNotFoundError`` (an ``OSError``) saying
how to set ``CONVENER_LIB``. The library is loaded on first use, not on import.

Threads: every call releases the GIL while convener works (ctypes does this for ``CDLL``
functions), and an ``Initiative`` is immutable, so one may be analysed from many threads
at once. ``close()`` waits for the calls in flight on the handle before freeing it.
Errors are read from the failing thread's own last error, so they never mix.

Memory: every string convener allocates is copied into Python and freed at once with
``convener_string_free``; a handle is freed by ``close()``, by leaving a ``with`` block,
or when the ``Initiative`` is garbage-collected.
"""

from __future__ import annotations

import ctypes
import json
import os
import threading
from typing import Any, Iterable, List, Optional, Union

from ._native import ConvenerError, LibraryNotFoundError, Status, api, library_path

__all__ = [
    "ConvenerError",
    "Initiative",
    "LibraryNotFoundError",
    "Status",
    "library_path",
    "load",
    "schema",
    "to_pandas",
    "validate",
    "version",
]

__version__ = "0.1.0"

Source = Union[dict, str, bytes, "os.PathLike[str]"]
Options = Union[dict, str, bytes, None]

_JSON, _DIR = "json", "dir"


def _c_text(text: Union[str, bytes], what: str) -> bytes:
    """NUL-terminated UTF-8 for a ``const char *`` argument."""
    b = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    if b"\0" in b:
        raise ValueError(f"{what} must not contain a NUL character")
    return b


def _options(options: Options) -> Optional[bytes]:
    """Options as JSON text for C (``None`` → NULL, meaning the defaults)."""
    if options is None:
        return None
    if isinstance(options, dict):
        return _c_text(json.dumps(options, ensure_ascii=False), "options")
    if isinstance(options, (str, bytes, bytearray)):
        return _c_text(bytes(options) if isinstance(options, bytearray) else options, "options")
    raise TypeError(f"options must be a dict, JSON text or None, not {type(options).__name__}")


def _io_error(message: str) -> ConvenerError:
    return ConvenerError("io", message, status=Status.IO)


def _source(source: Any) -> tuple:
    """``(_JSON, bytes)`` for a document's JSON text, ``(_DIR, path)`` for a CSV folder."""
    if isinstance(source, dict):
        return _JSON, json.dumps(source, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _JSON, bytes(source)
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return _JSON, source.encode("utf-8", "surrogatepass")
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        shown = os.fsdecode(path)
        if os.path.isdir(path):
            return _DIR, _c_text(os.fsencode(path), "the path")
        try:
            with open(path, "rb") as f:
                return _JSON, f.read()
        except FileNotFoundError as e:
            if shown.lower().endswith(".json"):
                raise _io_error(f"could not read {shown}: no such file") from e
            # Neither a file nor a folder: the CSV reader says it cannot read the folder.
            return _DIR, _c_text(os.fsencode(path), "the path")
        except OSError as e:
            raise _io_error(f"could not read {shown}: {e.strerror or e}") from e
    raise TypeError(
        "a document is a dict, JSON text (starting with '{'), bytes, or the path of a "
        f"JSON file or CSV folder; not {type(source).__name__}"
    )


def _open(source: Any) -> int:
    """A new handle for a document."""
    kind, value = _source(source)
    a = api()
    if kind == _JSON:
        return a.handle_out(a.initiative_from_json, value, len(value))
    return a.handle_out(a.initiative_from_csv_dir, value)


class Initiative:
    """An initiative read into memory (a handle on convener's side).

    Make one with :func:`load` (or ``Initiative(x)``, the same). Free it with
    :meth:`close` or a ``with`` block; otherwise it is freed when garbage-collected.
    """

    def __init__(self, source: Source) -> None:
        self._handle: Optional[int] = None
        self._cond = threading.Condition()
        self._busy = 0
        a = api()
        self._free = a.initiative_free  # kept so __del__ works during interpreter shutdown
        self._handle = _open(source)

    # -- lifetime ------------------------------------------------------------------

    def close(self) -> None:
        """Frees the handle (once; later calls do nothing). Waits for the calls other
        threads are making on it."""
        with self._cond:
            handle, self._handle = self._handle, None
            while handle is not None and self._busy:
                self._cond.wait()
        if handle is not None:
            self._free(handle)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._handle is None

    def __enter__(self) -> "Initiative":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None:
            self._handle = None
            try:
                self._free(handle)
            except Exception:  # pragma: no cover - interpreter shutdown
                pass

    def __repr__(self) -> str:
        return f"<convener.Initiative {'closed' if self.closed else hex(self._handle or 0)}>"

    def _call(self, fn: Any, *args: Any) -> str:
        """Calls ``fn(handle, *args, &out)`` with the handle kept alive during the call."""
        with self._cond:
            handle = self._handle
            if handle is None:
                raise ValueError("this Initiative is closed")
            self._busy += 1
        try:
            return api().text_out(fn, ctypes.c_void_p(handle), *args)
        finally:
            with self._cond:
                self._busy -= 1
                if not self._busy:
                    self._cond.notify_all()

    # -- results -------------------------------------------------------------------

    def analyze_json(self, options: Options = None) -> str:
        """The report (``convener-report/1``) as convener's exact text: pretty JSON with a
        trailing newline, the same bytes as every other layer gives."""
        return self._call(api().analyze, _options(options))

    def analyze(self, options: Options = None) -> dict:
        """The report as a dict: ``json.loads(self.analyze_json(options))``."""
        return json.loads(self.analyze_json(options))

    def network(self, options: Options = None) -> List[dict]:
        """The network table: one dict per partner (the CSV's columns and ``clustering``)."""
        return json.loads(self._call(api().network_json, _options(options)))

    def network_csv(self, options: Options = None) -> str:
        """The network table as CSV text (18 columns, one row per partner)."""
        return self._call(api().network_csv, _options(options))

    def indicators(self, options: Options = None) -> List[dict]:
        """The indicators table: one dict per series and phase, keyed by the CSV's 22
        columns in order."""
        return json.loads(self._call(api().indicators_json, _options(options)))

    def indicators_csv(self, options: Options = None) -> str:
        """The indicators table as CSV text (22 columns, one row per series and phase)."""
        return self._call(api().indicators_csv, _options(options))

    def what_if(self, ids: Iterable[str], options: Options = None) -> dict:
        """The initiative without the partners ``ids``: ``{removed, delta, report}``.

        An id that is not a partner raises :class:`ConvenerError`
        (``argument.unknown_partner``)."""
        if isinstance(ids, (str, bytes)):
            raise TypeError("ids must be a list of partner ids, e.g. ['hub'], not a single string")
        ids_json = _c_text(json.dumps(list(ids), ensure_ascii=False), "ids")
        return json.loads(self._call(api().what_if, ids_json, _options(options)))


def load(source: Source) -> Initiative:
    """Reads an initiative: a dict, JSON text (first non-space character ``{``), bytes of
    JSON text, or a path (``str``/``os.PathLike``) to a JSON file or a CSV folder.

    Raises :class:`ConvenerError` (``document.invalid`` with every issue, ``io``,
    ``limit.exceeded``, …) when it cannot."""
    return Initiative(source)


def validate(source: Source) -> List[dict]:
    """Checks a document (any form :func:`load` takes): its issues, ``[]`` when valid.

    Raises :class:`ConvenerError` only when the check itself cannot run (a file that
    cannot be read)."""
    kind, value = _source(source)
    a = api()
    if kind == _JSON:
        return json.loads(a.text_out(a.validate_json, value, len(value)))
    try:
        a.initiative_free(a.handle_out(a.initiative_from_csv_dir, value))
    except ConvenerError as e:
        if e.status in (Status.INVALID_DOCUMENT, Status.LIMIT_EXCEEDED):
            return e.issues
        raise
    return []


def schema(name: str) -> dict:
    """A JSON Schema by name: ``initiative``, ``options`` or ``report``."""
    a = api()
    return json.loads(a.text_out(a.schema, _c_text(name, "name")))


def version() -> str:
    """The version of the loaded convener library, e.g. ``0.1.0``."""
    ptr = api().version()  # static: not freed
    return ctypes.string_at(ptr).decode("utf-8")


def to_pandas(rows: Iterable[dict]) -> Any:
    """A ``pandas.DataFrame`` of rows (from :meth:`Initiative.network` or
    :meth:`Initiative.indicators`), columns in the rows' order; blanks become missing
    values. Needs pandas (``pip install 'convener[pandas]'``)."""
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            "convener.to_pandas needs pandas, which is not installed: "
            "pip install pandas (or pip install 'convener[pandas]')"
        ) from e
    rows = list(rows)
    columns = list(rows[0]) if rows else None
    return pd.DataFrame(rows, columns=columns)
