"""convener for Python: collective-impact partnerships, explained.

A compiled module (``convener._native``, built from the Rust core by maturin) does all the
work; this package only converts: documents, options and requests go in as bytes or JSON
text, results come out as the core's own text, which is the same, byte for byte, as the
command line's, the C ABI's and the WebAssembly package's.

Quick start::

    import convener

    initiative = convener.load("examples/data/family-support.json")
    report = initiative.analyze()                       # a dict (convener-report/1)
    for key, c in report["conditions"].items():
        if key != "factors":
            print(c["name"], round(c["score"]), c["stage"])
    table = initiative.to_pandas("network")             # one row per partner

For researchers with a graph already::

    import networkx as nx
    initiative, ids = convener.from_networkx(nx.karate_club_graph())
    rows = initiative.network()                         # betweenness, closeness, ...

API:

- ``load(x, options=None)`` / ``Initiative(x, options=None)``: ``x`` is a dict (the
  document), a string whose first non-space character is ``{`` (its JSON text),
  ``bytes`` (JSON text as read from a file), or a path (``str`` or ``os.PathLike``) to a
  JSON file or to a folder of CSV files; ``options`` give the limits.
- ``Initiative.analyze(options=None)`` → dict; ``.analyze_json(options=None)`` → the
  report's exact text; ``.render(output, options=None, without=None)`` → any output by
  name (``report.html``, ``summary.txt``, ``network.csv``, ``graph.graphml``, …: text as
  ``str``, a CSV folder as ``{file name: text}``); ``.network()`` and ``.indicators()`` →
  lists of row dicts; ``.network_csv()``, ``.indicators_csv()`` → CSV text;
  ``.what_if(ids, options=None)`` → ``{removed, delta, report}``; ``.to_pandas(table)`` →
  a DataFrame of ``network`` or ``indicators``; ``.to_networkx()`` → a ``networkx.DiGraph``
  with every measure; ``.to_json()`` → the document's text. Options are a dict, JSON
  text, or ``None`` (the defaults).
- ``from_edges(edges, ...)`` (a DataFrame or pairs) and ``from_networkx(G, ...)`` →
  ``(Initiative, ids)``, ``ids`` mapping each node to the partner id it got.
- ``validate(x)`` → list of issue dicts (empty when valid); ``schema(name)`` → dict;
  ``version()`` → str; ``to_pandas(rows)`` → a DataFrame.
- ``ConvenerError`` (``.code``, ``.message``, ``.issues``, ``.more``) is raised for every
  failing call.

Threads: the GIL is released while the core works, and an ``Initiative`` is immutable,
so one may be analysed from many threads at once.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _native

__all__ = [
    "ConvenerError",
    "Initiative",
    "from_edges",
    "from_networkx",
    "load",
    "schema",
    "to_pandas",
    "validate",
    "version",
]

__version__ = _native.version()

Source = Union[dict, str, bytes, "os.PathLike[str]"]
Options = Union[dict, str, bytes, None]

#: The tables ``Initiative.to_pandas`` knows, and the output each comes from.
TABLES = {"network": "network-rows.json", "indicators": "indicator-rows.json"}


class ConvenerError(Exception):
    """A failing call: convener's stable ``code`` (``document.invalid``,
    ``options.invalid``, ``limit.exceeded``, ``io``, ``argument.unknown_partner``, …), the
    ``message``, every ``issue`` (a dict with ``code``, the place and ``message``) and how
    many ``more`` were not listed."""

    def __init__(self, code: str, message: str, issues: Optional[List[dict]] = None, more: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.issues = list(issues or [])
        self.more = more


def _raise(e: "_native.NativeError") -> "ConvenerError":
    details = json.loads(e.args[0])
    return ConvenerError(details["code"], details["message"], details.get("issues"), details.get("more", 0))


def _call(fn: Any, *args: Any) -> Any:
    """Calls the module, turning its errors into ``ConvenerError``."""
    try:
        return fn(*args)
    except _native.NativeError as e:
        raise _raise(e) from None


def _options(options: Options) -> Optional[str]:
    """Options as JSON text (``None`` → the defaults)."""
    if options is None:
        return None
    if isinstance(options, dict):
        return json.dumps(options, ensure_ascii=False)
    if isinstance(options, (bytes, bytearray)):
        return bytes(options).decode("utf-8")
    if isinstance(options, str):
        return options
    raise TypeError(f"options must be a dict, JSON text or None, not {type(options).__name__}")


def _io_error(message: str) -> ConvenerError:
    return ConvenerError("io", message)


def _csv_files(folder: str) -> Dict[str, bytes]:
    """The ``.csv`` files of a folder (not its subfolders), by name."""
    files = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError as e:
        raise _io_error(f"could not read the folder {os.fsdecode(folder)}: {e.strerror or e}") from e
    for name in names:
        path = os.path.join(folder, name)
        if name.lower().endswith(".csv") and os.path.isfile(path):
            with open(path, "rb") as f:
                files[name] = f.read()
    return files


def _read(source: Any, options: Optional[str]) -> "_native.Initiative":
    """A document in any form ``load`` takes, read by the core."""
    if isinstance(source, dict):
        return _call(_native.Initiative.from_json, json.dumps(source, ensure_ascii=False).encode("utf-8"), options)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _call(_native.Initiative.from_json, bytes(source), options)
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return _call(_native.Initiative.from_json, source.encode("utf-8", "surrogatepass"), options)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if os.path.isdir(path):
            return _call(_native.Initiative.from_csv, _csv_files(path), options)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError as e:
            raise _io_error(f"could not open {os.fsdecode(path)}: no such file or folder") from e
        except OSError as e:
            raise _io_error(f"could not read {os.fsdecode(path)}: {e.strerror or e}") from e
        return _call(_native.Initiative.from_json, data, options)
    raise TypeError(
        "a document is a dict, JSON text (starting with '{'), bytes, or the path of a "
        f"JSON file or CSV folder; not {type(source).__name__}"
    )


class Initiative:
    """An initiative read into memory. Make one with :func:`load` (or ``Initiative(x)``,
    the same), :func:`from_edges` or :func:`from_networkx`."""

    def __init__(self, source: Source, options: Options = None) -> None:
        self._doc: Optional[_native.Initiative] = _read(source, _options(options))

    @classmethod
    def _wrap(cls, native: "_native.Initiative") -> "Initiative":
        self = cls.__new__(cls)
        self._doc = native
        return self

    @property
    def _native(self) -> "_native.Initiative":
        doc = self._doc
        if doc is None:
            raise ValueError("this Initiative is closed")
        return doc

    # -- lifetime ------------------------------------------------------------------

    def close(self) -> None:
        """Lets the document go (once; later calls do nothing): later calls raise
        ``ValueError``. Calls other threads are making finish first with the document
        they hold. Leaving a ``with`` block closes it too."""
        self._doc = None

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._doc is None

    def __enter__(self) -> "Initiative":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._doc is None:
            return "<convener.Initiative closed>"
        doc = json.loads(self._doc.to_json())
        return f"<convener.Initiative {doc['initiative']['id']!r}: {len(doc.get('partners', []))} partners>"

    # -- outputs -------------------------------------------------------------------

    def render(self, output: str, options: Options = None, without: Optional[Iterable[str]] = None) -> Any:
        """Any output by its name, through the core's one entry (the same bytes as every
        layer): ``report.json``, ``report.html``, ``report.md``, ``summary.txt``,
        ``network.txt``, ``network.csv``, ``network.json``, ``network-rows.json``,
        ``indicators.txt``, ``indicators.csv``, ``indicators.json``,
        ``indicator-rows.json``, ``plan.txt``, ``plan.json``, ``graph.graphml``,
        ``graph.gexf``, ``graph.dot``, ``graph.kumu.json``, ``what-if.json`` and
        ``what-if.txt`` (with ``without``), ``drawing.json``, ``document.json``,
        ``csv-folder``. Text comes as ``str``, a folder as ``{file name: text}``."""
        if without is not None:
            if isinstance(without, (str, bytes)):
                raise TypeError("without must be a list of partner ids, e.g. ['hub'], not a single string")
            without = list(without)
        out = _call(self._native.render, output, _options(options), without)
        if isinstance(out, list):
            return {name: data.decode("utf-8") for name, data in out}
        try:
            return out.decode("utf-8")
        except UnicodeDecodeError:
            return out

    def analyze_json(self, options: Options = None) -> str:
        """The report (``convener-report/1``) as convener's exact text: pretty JSON with a
        trailing newline, the same bytes as every other layer gives."""
        return _call(self._native.analyze_json, _options(options))

    def analyze(self, options: Options = None) -> dict:
        """The report as a dict: ``json.loads(self.analyze_json(options))``."""
        return json.loads(self.analyze_json(options))

    def network(self, options: Options = None) -> List[dict]:
        """The network table: one dict per partner (the CSV's columns and ``clustering``)."""
        return json.loads(self.render("network-rows.json", options))

    def network_csv(self, options: Options = None) -> str:
        """The network table as CSV text (18 columns, one row per partner)."""
        return self.render("network.csv", options)

    def indicators(self, options: Options = None) -> List[dict]:
        """The indicators table: one dict per series and phase, keyed by the CSV's 22
        columns in order."""
        return json.loads(self.render("indicator-rows.json", options))

    def indicators_csv(self, options: Options = None) -> str:
        """The indicators table as CSV text (22 columns, one row per series and phase)."""
        return self.render("indicators.csv", options)

    def what_if(self, ids: Iterable[str], options: Options = None) -> dict:
        """The initiative without the partners ``ids``: ``{removed, delta, report}``.

        An id that is not a partner raises :class:`ConvenerError`
        (``argument.unknown_partner``)."""
        if isinstance(ids, (str, bytes)):
            raise TypeError("ids must be a list of partner ids, e.g. ['hub'], not a single string")
        return json.loads(self.render("what-if.json", options, without=list(ids)))

    def to_pandas(self, table: str = "network", options: Options = None) -> Any:
        """A table as a ``pandas.DataFrame``: ``network`` (one row per partner) or
        ``indicators`` (one row per series and phase). Needs pandas."""
        if table not in TABLES:
            raise ValueError(f"there is no table {table!r}; the tables are: {', '.join(TABLES)}")
        return to_pandas(json.loads(self.render(TABLES[table], options)))

    def to_networkx(self, options: Options = None) -> Any:
        """The partner graph as a ``networkx.DiGraph``: a node per partner (by id) with its
        name, sector and every measure; an edge per reported tie with its level, trust and
        value (convener's GraphML export, read by networkx). Needs networkx."""
        nx = _need("networkx", "to_networkx")
        import io

        return nx.read_graphml(io.BytesIO(self.render("graph.graphml", options).encode("utf-8")))

    def to_json(self) -> str:
        """The document as pretty JSON text (the form convener writes)."""
        return self._native.to_json()


def load(source: Source, options: Options = None) -> Initiative:
    """Reads an initiative: a dict, JSON text (first non-space character ``{``), bytes of
    JSON text, or a path (``str``/``os.PathLike``) to a JSON file or a CSV folder; the
    options' limits apply.

    Raises :class:`ConvenerError` (``document.invalid`` with every issue, ``io``,
    ``limit.exceeded``, …) when it cannot."""
    return Initiative(source, options)


def validate(source: Source, options: Options = None) -> List[dict]:
    """Checks a document (any form :func:`load` takes): its issues, ``[]`` when valid.

    Raises :class:`ConvenerError` only when the check itself cannot run (a file that
    cannot be read)."""
    try:
        Initiative(source, options)
    except ConvenerError as e:
        if e.code in ("document.invalid", "limit.exceeded"):
            return e.issues
        raise
    return []


def schema(name: str) -> dict:
    """A JSON Schema by name: ``initiative``, ``options``, ``report`` or ``what-if``."""
    return json.loads(_call(_native.schema, name))


def version() -> str:
    """convener's version, e.g. ``0.1.0``."""
    return _native.version()


def _need(module: str, what: str) -> Any:
    try:
        return __import__(module)
    except ImportError as e:
        raise ImportError(f"convener.{what} needs {module}, which is not installed: pip install {module}") from e


def to_pandas(rows: Iterable[dict]) -> Any:
    """A ``pandas.DataFrame`` of rows (from :meth:`Initiative.network` or
    :meth:`Initiative.indicators`), columns in the rows' order; blanks become missing
    values. Needs pandas (``pip install 'convener[pandas]'``)."""
    pd = _need("pandas", "to_pandas")
    rows = list(rows)
    columns = list(rows[0]) if rows else None
    return pd.DataFrame(rows, columns=columns)


from ._graphs import from_edges, from_networkx  # noqa: E402  (needs the names above)
