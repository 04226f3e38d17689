"""Researchers' graphs in and out: networkx graphs and edge tables become initiatives whose
network measures are networkx's own; an initiative becomes a networkx graph."""

from __future__ import annotations

import math

import pytest

import convener

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")


def _close(a, b, tol=1e-9):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= tol)


@pytest.mark.parametrize("make", [nx.karate_club_graph, nx.les_miserables_graph, nx.florentine_families_graph])
def test_from_networkx_gives_networkx_numbers(make):
    G = make()
    initiative, ids = convener.from_networkx(G)
    rows = {r["partner"]: r for r in initiative.network()}
    assert len(rows) == G.number_of_nodes() and list(ids) == list(G.nodes)
    betweenness = nx.betweenness_centrality(G)
    closeness = nx.closeness_centrality(G)
    core = nx.core_number(G)
    clustering = nx.clustering(G)
    for node, pid in ids.items():
        row = rows[pid]
        assert row["name"] == str(node)
        assert row["degree"] == G.degree(node)
        assert _close(row["betweenness"], betweenness[node]), (node, row["betweenness"], betweenness[node])
        assert _close(row["closeness"], closeness[node]), node
        assert row["core_number"] == core[node]
        assert _close(row["clustering"], clustering[node]), node
    # An undirected edge is a tie each way.
    doc = initiative.analyze()
    assert doc["initiative"]["ties"] == 2 * G.number_of_edges()


def test_labels_become_names_and_ids_valid_and_unique():
    G = nx.Graph()
    G.add_edge("Mr Hi", "Officer")
    G.add_edge(("pair", 1), "Mr-Hi")
    G.add_node(7)
    G.nodes["Officer"]["name"] = "The Officer"
    initiative, ids = convener.from_networkx(G, name="Karate")
    assert ids == {"Mr Hi": "Mr-Hi", "Officer": "The-Officer", ("pair", 1): "pair-1", "Mr-Hi": "Mr-Hi-2", 7: "7"}
    names = {p["partner"]: p["name"] for p in initiative.network()}
    assert names["The-Officer"] == "The Officer" and names["pair-1"] == "('pair', 1)"
    assert initiative.analyze()["initiative"]["name"] == "Karate"


def test_directed_graphs_and_edge_attributes():
    G = nx.DiGraph()
    G.add_edge("a", "b", level="coordinate", trust=3, value=2.5)
    G.add_edge("b", "c")
    initiative, _ = convener.from_networkx(G)
    doc = __import__("json").loads(initiative.to_json())
    assert [(t["from"], t["to"], t["level"]) for t in doc["ties"]] == [("a", "b", "coordinate"), ("b", "c", "collaborate")]
    assert doc["ties"][0]["trust"] == {"reliability": 3, "mission": 3, "openness": 3}
    assert doc["ties"][0]["value"] == {"power": 2.5, "involvement": 2.5, "resources": 2.5}


def test_bad_graphs_list_every_problem():
    G = nx.MultiDiGraph()
    G.add_edge("a", "a")
    G.add_edge("a", "b", level="colaborate")
    G.add_edge("a", "b")
    G.add_edge("b", "a", trust=9)
    with pytest.raises(convener.ConvenerError) as info:
        convener.from_networkx(G)
    e = info.value
    assert e.code == "document.invalid"
    got = [(i["code"], i["pointer"]) for i in e.issues]
    assert ("tie.self", "/edges/0") in got
    assert ("value.unknown", "/edges/1/level") in got
    assert ("tie.duplicate", "/edges/2") in got
    assert ("value.out_of_range", "/edges/3/trust") in got
    assert "did you mean" in next(i["message"] for i in e.issues if i["code"] == "value.unknown")


def test_from_edges_takes_a_data_frame_or_pairs():
    frame = pd.DataFrame({"source": ["hub", "hub", "school"], "target": ["school", "clinic", "clinic"],
                          "level": ["coordinate", None, "cooperate"], "trust": [3.0, math.nan, 2.0]})
    a, ids = convener.from_edges(frame)
    assert ids == {"hub": "hub", "school": "school", "clinic": "clinic"}
    doc = __import__("json").loads(a.to_json())
    assert len(doc["ties"]) == 6
    assert doc["ties"][2]["level"] == "collaborate" and "trust" not in doc["ties"][2]
    b, _ = convener.from_edges([("hub", "school", "coordinate"), ("hub", "clinic"), ("school", "clinic", {"level": "cooperate", "trust": 2})])
    tie_levels = [t["level"] for t in __import__("json").loads(b.to_json())["ties"]]
    assert tie_levels == [t["level"] for t in doc["ties"]]
    c, _ = convener.from_edges(frame.rename(columns={"source": "from", "target": "to"}), directed=True)
    assert len(__import__("json").loads(c.to_json())["ties"]) == 3
    with pytest.raises(ValueError, match="columns"):
        convener.from_edges(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="not a pair"):
        convener.from_edges(["ab"])


def test_to_networkx_carries_every_measure():
    G = nx.karate_club_graph()
    initiative, ids = convener.from_networkx(G)
    H = initiative.to_networkx()
    assert isinstance(H, nx.DiGraph)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == 2 * G.number_of_edges()
    betweenness = nx.betweenness_centrality(G)
    for node, pid in ids.items():
        assert abs(H.nodes[pid]["betweenness"] - betweenness[node]) <= 1e-9
        assert H.nodes[pid]["name"] == str(node)
    assert all(d["level"] == "collaborate" for _, _, d in H.edges(data=True))


def test_to_pandas_for_every_table(example):
    network = example.to_pandas("network")
    assert list(network.columns)[:3] == ["partner", "name", "sector"] and len(network) == 25
    indicators = example.to_pandas("indicators")
    assert "runs_signal" in indicators.columns and len(indicators) > 10
    with pytest.raises(ValueError, match="tables are"):
        example.to_pandas("nope")
