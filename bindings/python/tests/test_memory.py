"""Nothing leaks: every string and handle convener gives is freed; threads share a handle."""

from __future__ import annotations

import collections
import ctypes
import gc
import os
import resource
import sys
import threading

import pytest

import convener
from convener import ConvenerError
from convener._native import api
from conftest import EXAMPLE, EXAMPLE_CSV, FIXTURES

STRING_PRODUCERS = [
    "analyze", "network_csv", "network_json", "indicators_csv", "indicators_json",
    "what_if", "validate_json", "schema", "last_error_json",
]
HANDLE_PRODUCERS = ["initiative_from_json", "initiative_from_csv_dir"]


def _rss_bytes() -> int:
    """The resident size now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


@pytest.fixture
def ledger(monkeypatch):
    """Counts what convener allocates and what is freed, by address."""
    a = api()
    given: collections.Counter = collections.Counter()
    freed: collections.Counter = collections.Counter()

    def producer(fn, kind):
        def call(*args):
            status = fn(*args)
            out = args[-1]._obj  # the c_void_p behind byref(out)
            if out.value:
                given[(kind, out.value)] += 1
            return status
        return call

    def freer(fn, kind):
        def call(ptr):
            value = ptr.value if isinstance(ptr, ctypes.c_void_p) else ptr
            if value:
                freed[(kind, value)] += 1
            return fn(ptr)
        return call

    for name in STRING_PRODUCERS:
        monkeypatch.setattr(a, name, producer(getattr(a, name), "string"))
    for name in HANDLE_PRODUCERS:
        monkeypatch.setattr(a, name, producer(getattr(a, name), "handle"))
    monkeypatch.setattr(a, "string_free", freer(a.string_free, "string"))
    monkeypatch.setattr(a, "initiative_free", freer(a.initiative_free, "handle"))
    return given, freed


def test_every_string_and_handle_is_freed(ledger, example_doc):
    given, freed = ledger
    with convener.load(EXAMPLE) as initiative:
        initiative.analyze()
        initiative.analyze_json({"min_level": "cooperate"})
        initiative.network()
        initiative.network_csv()
        initiative.indicators()
        initiative.indicators_csv()
        initiative.what_if([example_doc["partners"][0]["id"]])
        for bad in (lambda: initiative.what_if(["nobody"]), lambda: initiative.analyze({"x": 1})):
            with pytest.raises(ConvenerError):
                bad()
    with convener.load(EXAMPLE_CSV):
        pass
    convener.validate(EXAMPLE)
    convener.validate({})
    convener.validate(EXAMPLE_CSV)
    convener.schema("report")
    for bad in (lambda: convener.load({}), lambda: convener.schema("nope"), lambda: convener.load("/no/such/folder")):
        with pytest.raises(ConvenerError):
            bad()
    # Garbage collection frees a handle nobody closed.
    forgotten = convener.load(EXAMPLE)
    forgotten.analyze_json()
    del forgotten
    gc.collect()

    assert sum(given.values()) >= 15
    assert given == freed, "every allocation freed exactly once"
    # Counted by allocation, not by address: a freed handle's address is often reused.
    assert sum(n for (kind, _), n in given.items() if kind == "handle") >= 3


def test_no_growth_over_200_load_analyze_close_runs(example_text):
    data = example_text.encode("utf-8")

    def run(n: int) -> None:
        for i in range(n):
            initiative = convener.load(data)
            try:
                initiative.analyze_json()
                if i % 10 == 0:
                    initiative.network()
                    initiative.indicators_csv()
                    with pytest.raises(ConvenerError):
                        initiative.what_if(["nobody"])
            finally:
                initiative.close()

    run(30)  # warm up the allocators
    gc.collect()
    before = _rss_bytes()
    run(200)
    gc.collect()
    growth = _rss_bytes() - before
    # One leaked report alone is 169 KB (200 of them, 33 MB); a leaked handle more.
    assert growth < 8 * 1024 * 1024, f"memory grew by {growth / 1e6:.1f} MB over 200 runs"


def test_no_growth_when_handles_are_left_to_the_garbage_collector(example_text):
    def run(n: int) -> None:
        for _ in range(n):
            convener.load(example_text).analyze_json()

    run(30)
    gc.collect()
    before = _rss_bytes()
    run(200)
    gc.collect()
    growth = _rss_bytes() - before
    assert growth < 8 * 1024 * 1024, f"memory grew by {growth / 1e6:.1f} MB over 200 runs"


def test_one_handle_many_threads(example):
    expected = (FIXTURES / "family-support" / "report.json").read_text(encoding="utf-8")
    failures: list = []

    def work(k: int) -> None:
        try:
            for i in range(10):
                assert example.analyze_json() == expected
                # Errors are per thread: two kinds at once never mix.
                if (k + i) % 2:
                    with pytest.raises(ConvenerError) as info:
                        example.what_if(["nobody"])
                    assert info.value.code == "argument.unknown_partner"
                else:
                    with pytest.raises(ConvenerError) as info:
                        example.analyze({"bogus": True})
                    assert info.value.code == "options.invalid"
                    assert info.value.issues[0]["code"] == "options.unknown"
        except BaseException as e:  # reported below
            failures.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures


def test_close_waits_for_calls_in_flight(example_text):
    initiative = convener.load(example_text)
    results: list = []
    started = threading.Barrier(3)

    def work() -> None:
        started.wait()
        for _ in range(20):
            try:
                results.append(len(initiative.analyze_json()))
            except ValueError:
                results.append("closed")

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    started.wait()
    initiative.close()
    for t in threads:
        t.join()
    assert initiative.closed
    assert len(results) == 40
    assert all(r == "closed" or r > 100_000 for r in results)
