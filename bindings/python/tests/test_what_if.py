"""what_if(ids): the initiative without some partners."""

from __future__ import annotations

import json

import convener


def test_what_if_gives_removed_delta_report(example, example_doc):
    ids = [p["id"] for p in example_doc["partners"]]
    # Asked out of order (and as a tuple): the answer lists them in document order.
    answer = example.what_if((ids[3], ids[1]))
    assert list(answer) == ["removed", "delta", "report"]
    assert answer["removed"] == [ids[1], ids[3]]
    assert list(answer["delta"]) == [
        "components", "largest_component_share", "fragmentation", "backbone_reach",
        "newly_isolated", "cascade", "activities_without_lead",
    ]
    for key in ("components", "largest_component_share", "fragmentation", "backbone_reach"):
        assert list(answer["delta"][key]) == ["before", "after"], key
    report = answer["report"]
    assert report["format"] == "convener-report/1"
    assert report["initiative"]["partners"] == len(ids) - 2
    partners = {p["partner"] for p in report["network"]["partners"]}
    assert ids[1] not in partners and ids[3] not in partners


def test_what_if_nothing_removed_is_the_report(example):
    none = example.what_if([])
    assert none["removed"] == []
    assert none["delta"]["components"]["before"] == none["delta"]["components"]["after"]
    assert none["report"] == example.analyze()


def test_what_if_a_chain_falls_apart():
    doc = {
        "format": "convener/1",
        "initiative": {"id": "chain", "name": "Chain"},
        "partners": [
            {"id": "a", "name": "A", "sector": "statutory"},
            {"id": "b", "name": "B", "sector": "health"},
            {"id": "c", "name": "C", "sector": "education"},
        ],
        "ties": [
            {"from": "a", "to": "b", "level": "collaborate"},
            {"from": "b", "to": "c", "level": "collaborate"},
        ],
    }
    with convener.load(doc) as initiative:
        delta = initiative.what_if(["b"])["delta"]
    assert delta["components"] == {"before": 1, "after": 2}
    assert delta["newly_isolated"] == ["a", "c"]
    assert delta["fragmentation"]["after"] == 1


def test_what_if_takes_options(example, example_doc):
    hub = example_doc["partners"][0]["id"]
    default = example.what_if([hub])
    narrow = example.what_if([hub], {"min_level": "collaborate"})
    assert narrow["report"]["options"]["min_level"] == "collaborate"
    assert narrow["report"] != default["report"]
    assert example.what_if([hub], json.dumps({"min_level": "collaborate"})) == narrow
