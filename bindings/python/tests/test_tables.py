"""network() and indicators(): typed rows, the same table as the CSV text, and to_pandas."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

import convener
from conftest import FIXTURES, fixture_names, fixture_options

# The type of every column (a value may also be None, a blank cell in the CSV).
NETWORK_TYPES = {
    "partner": str, "name": str, "sector": str,
    "degree": int, "in_degree": int, "out_degree": int,
    "degree_centrality": float, "betweenness": float, "closeness": float,
    "eigenvector": float, "pagerank": float, "core_number": int, "constraint": float,
    "effective_size": float, "articulation_point": bool, "community": int,
    "trust": float, "value": float,
}
INDICATOR_COLUMNS = [
    "indicator", "partner", "group", "phase", "n", "centre", "n_useful", "longest_run",
    "longest_run_max", "n_crossings", "n_crossings_min", "runs_signal", "shift", "trend",
    "latest_period", "latest_value", "baseline_value", "target_value", "percent_of_target",
    "forecast", "completeness", "periods_since_last",
]
INDICATOR_TYPES = dict(zip(INDICATOR_COLUMNS, [
    str, str, str, int, int, float, int, int,
    int, int, int, bool, bool, bool,
    str, float, float, float, float,
    float, float, int,
]))


def _parse_csv(text: str) -> tuple:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def _check_cell(column: str, kind: type, cell: str, value) -> None:
    """A CSV cell and the JSON row's value for it are the same, and the value is typed."""
    where = f"{column}: cell {cell!r}, value {value!r}"
    if cell == "":
        assert value is None, where
        return
    if kind is bool:
        assert value is (cell == "true") and cell in ("true", "false"), where
    elif kind is int:
        assert type(value) is int and str(value) == cell, where
    elif kind is float:
        assert type(value) is float and float(cell) == value, where
    else:
        assert type(value) is str and value == cell, where


@pytest.mark.parametrize("name", fixture_names())
def test_network_rows_are_the_csv_typed(name):
    options = fixture_options(name)
    with convener.load(FIXTURES / name / "input.json") as initiative:
        rows = initiative.network(options)
        header, cells = _parse_csv(initiative.network_csv(options))
    assert header == list(NETWORK_TYPES), "the 18 CSV columns"
    assert len(cells) == len(rows)
    for row, line in zip(rows, cells):
        # The CSV's columns in order, with clustering (JSON only) after effective_size.
        assert [k for k in row if k != "clustering"] == header
        assert list(row).index("clustering") == header.index("effective_size") + 1
        assert row["clustering"] is None or type(row["clustering"]) is float
        for column, cell in zip(header, line):
            _check_cell(column, NETWORK_TYPES[column], cell, row[column])


@pytest.mark.parametrize("name", fixture_names())
def test_indicator_rows_are_the_csv_typed(name):
    options = fixture_options(name)
    with convener.load(FIXTURES / name / "input.json") as initiative:
        rows = initiative.indicators(options)
        header, cells = _parse_csv(initiative.indicators_csv(options))
    assert header == INDICATOR_COLUMNS, "the 22 CSV columns"
    assert len(cells) == len(rows)
    for row, line in zip(rows, cells):
        assert list(row) == INDICATOR_COLUMNS
        for column, cell in zip(header, line):
            _check_cell(column, INDICATOR_TYPES[column], cell, row[column])


def test_the_example_tables(example):
    report = example.analyze()
    network = example.network()
    assert [r["partner"] for r in network] == [p["partner"] for p in report["network"]["partners"]]
    assert len(network) == report["initiative"]["partners"] == 25
    first = network[0]
    assert type(first["degree"]) is int and type(first["betweenness"]) is float
    assert type(first["articulation_point"]) is bool
    indicators = example.indicators()
    assert len(indicators) > 10
    # ints are ints, floats floats, None for blank, text stays text ("2024" is a period)
    assert any(r["phase"] is None for r in indicators) and any(type(r["phase"]) is int for r in indicators)
    assert all(r["latest_period"] is None or type(r["latest_period"]) is str for r in indicators)
    assert all(type(r["n"]) is int for r in indicators)


def test_tables_take_options(example):
    default = example.network()
    narrow = example.network({"min_level": "collaborate"})
    assert [r["partner"] for r in narrow] == [r["partner"] for r in default]
    assert sum(r["degree"] for r in narrow) < sum(r["degree"] for r in default)
    assert example.network_csv('{"min_level": "collaborate"}') != example.network_csv()
    suppressed = example.indicators({"suppress_below": 1000})
    assert len(suppressed) == len(example.indicators())


def test_to_pandas(example):
    pd = pytest.importorskip("pandas")
    network = example.network()
    frame = convener.to_pandas(network)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(network[0])
    assert len(frame) == len(network)
    assert str(frame["degree"].dtype) == "int64"
    assert str(frame["betweenness"].dtype) == "float64"
    assert str(frame["articulation_point"].dtype) == "bool"
    assert frame["partner"].tolist() == [r["partner"] for r in network]

    indicators = convener.to_pandas(example.indicators())
    assert list(indicators.columns) == INDICATOR_COLUMNS
    # A blank is a missing value.
    assert indicators["forecast"].isna().any()

    empty = convener.to_pandas([])
    assert len(empty) == 0


def test_to_pandas_without_pandas(monkeypatch, example):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"needs pandas.*pip install"):
        convener.to_pandas(example.network())
