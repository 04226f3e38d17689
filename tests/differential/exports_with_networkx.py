#!/usr/bin/env python3
"""Reads convener's graph exports back with the tools people use, and compares them with
the document they came from.

Each folder given holds what `cargo run -p convener --example write_exports` writes:
document.json (the source), network.graphml, network.gexf, network.dot and
network.kumu.json. For each folder:

- GraphML: networkx.read_graphml gives a directed graph with the partners in document
  order, one edge per tie, and the names, sectors, levels, trust and value of the document;
  the degrees, core numbers and betweenness match networkx's on the connected ties;
- GEXF: networkx.read_gexf gives the same nodes, edges and attributes as the GraphML;
- DOT: `dot -Tsvg` exits 0 without warnings and draws a well-formed SVG with a node per
  partner and an edge per tie (graphs of more than 200 ties are laid out with sfdp, as
  dot's layered layout takes minutes on them);
- Kumu: the blueprint has the documented shape (docs.kumu.io, "JSON / Blueprints"):
  {"elements": [...], "connections": [...]}, elements with a unique label, type,
  description and tags, connections whose from/to name elements, with type and
  direction "directed";
- no export refers to anything outside itself (no DTD, schema location or link).

Prints one line per check and `N passed, M failed` at the end; exits 1 on any failure.
"""

import json
import math
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

LEVELS = ["compete", "coexist", "communicate", "cooperate", "coordinate", "collaborate", "integrate"]
GROUPS = {
    "statutory": "statutory", "health": "statutory", "education": "statutory",
    "police_justice": "statutory", "third_sector": "third_sector",
    "community": "community", "family_voice": "community",
}
DOT_LAYERED_MAX_TIES = 200

passed = 0
failed = 0


def check(name, fn):
    """Runs one check; an AssertionError or any exception is a failure."""
    global passed, failed
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - every failure is reported, not raised
        failed += 1
        text = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
        print(f"FAIL {name}: {text[:600]}")
    else:
        passed += 1
        print(f"ok   {name}")


def xml_text(s):
    """What XML 1.0 can carry of s: forbidden characters become U+FFFD."""
    out = []
    for c in s:
        o = ord(c)
        if c in "\t\n\r" or (o >= 0x20 and o not in (0xFFFE, 0xFFFF)):
            out.append(c)
        else:
            out.append("\ufffd")
    return "".join(out)


class Source:
    """The document as convener wrote it, with its defaults filled in."""

    def __init__(self, folder):
        doc = json.loads((folder / "document.json").read_text(encoding="utf-8"))
        self.partners = doc["partners"]
        self.ties = doc.get("ties", [])
        self.initiative = doc["initiative"]
        for p in self.partners:
            p.setdefault("sector", "unknown")
            p.setdefault("responded", True)
            p.setdefault("tags", [])
        for t in self.ties:
            t.setdefault("kinds", [])
            t.setdefault("depends", False)
        self.ids = [p["id"] for p in self.partners]

    def connected(self, tie, min_level="communicate"):
        return LEVELS.index(tie["level"]) >= LEVELS.index(min_level)

    def expected_node(self, p):
        want = {
            "name": xml_text(p["name"]),
            "sector": p["sector"],
            "sector_group": GROUPS.get(p["sector"], "other"),
            "responded": p["responded"],
        }
        if "lived_experience" in p:
            want["lived_experience"] = p["lived_experience"]
        if p["tags"]:
            want["tags"] = ";".join(p["tags"])
        return want

    def expected_edge(self, t):
        want = {
            "level": t["level"],
            "level_rank": LEVELS.index(t["level"]),
            "connected": self.connected(t),
            "depends": bool(t["depends"] or "dependency" in t["kinds"]),
        }
        if t["kinds"]:
            want["kinds"] = ";".join(t["kinds"])
        for key in ("desired_level", "frequency"):
            if key in t:
                want[key] = t[key]
        if "trust" in t:
            r = t["trust"]
            want["trust"] = (r["reliability"] + r["mission"] + r["openness"]) / 3.0
            for item in ("reliability", "mission", "openness"):
                want[f"trust_{item}"] = float(r[item])
        if "value" in t:
            r = t["value"]
            want["value"] = (r["power"] + r["involvement"] + r["resources"]) / 3.0
            for item in ("power", "involvement", "resources"):
                want[f"value_{item}"] = float(r[item])
        return want


def same(got, want, what):
    """got has every key of want with an equal value (floats exactly: same IEEE sums)."""
    for k, v in want.items():
        assert k in got, f"{what}: {k} missing (have {sorted(got)})"
        g = got[k]
        if isinstance(v, float) or isinstance(g, float):
            assert isinstance(g, (int, float)) and not isinstance(g, bool), f"{what}: {k} = {g!r}"
            assert float(g) == float(v), f"{what}: {k} = {g!r}, want {v!r}"
        else:
            assert g == v and type(g) is type(v), f"{what}: {k} = {g!r}, want {v!r}"


def check_graph(src, g, fmt):
    assert g.is_directed(), f"{fmt} graph is not directed"
    assert list(g.nodes) == src.ids, f"{fmt} nodes {list(g.nodes)[:5]}... are not the partners in order"
    assert g.number_of_edges() == len(src.ties), f"{fmt} has {g.number_of_edges()} edges, the document {len(src.ties)} ties"
    for p in src.partners:
        same(g.nodes[p["id"]], src.expected_node(p), f"{fmt} node {p['id']}")
        if fmt == "gexf":
            assert g.nodes[p["id"]]["label"] == xml_text(p["name"]), f"gexf label of {p['id']}"
    for t in src.ties:
        assert g.has_edge(t["from"], t["to"]), f"{fmt} lacks {t['from']} -> {t['to']}"
        same(g.edges[t["from"], t["to"]], src.expected_edge(t), f"{fmt} edge {t['from']} -> {t['to']}")


def check_measures(src, g):
    """Degrees, core numbers and betweenness in the export equal networkx's."""
    und = nx.Graph()
    und.add_nodes_from(src.ids)
    di = nx.DiGraph()
    di.add_nodes_from(src.ids)
    for t in src.ties:
        if src.connected(t):
            und.add_edge(t["from"], t["to"])
            di.add_edge(t["from"], t["to"])
    cores = nx.core_number(und)
    bc = nx.betweenness_centrality(und) if len(src.ids) <= 2000 else None
    for v in src.ids:
        d = g.nodes[v]
        assert d["degree"] == und.degree(v), f"degree of {v}: {d['degree']} vs {und.degree(v)}"
        assert d["in_degree"] == di.in_degree(v), f"in_degree of {v}"
        assert d["out_degree"] == di.out_degree(v), f"out_degree of {v}"
        assert d["core_number"] == cores[v], f"core_number of {v}"
        if bc is not None and "betweenness" in d:
            assert math.isclose(d["betweenness"], bc[v], rel_tol=1e-9, abs_tol=1e-12), \
                f"betweenness of {v}: {d['betweenness']} vs {bc[v]}"


def check_same_graph(a, b):
    """GraphML and GEXF carry the same attributes (GEXF adds label and ids)."""
    for v in a.nodes:
        ga = dict(a.nodes[v])
        gb = {k: x for k, x in b.nodes[v].items() if k != "label"}
        assert ga == gb, f"node {v}: graphml {ga} vs gexf {gb}"
    for u, v in a.edges:
        ea = {k: x for k, x in a.edges[u, v].items() if k != "id"}
        eb = {k: x for k, x in b.edges[u, v].items() if k not in ("id", "label")}
        assert ea == eb, f"edge {u} -> {v}: graphml {ea} vs gexf {eb}"


def check_self_contained(text, fmt):
    for bad in ("<!DOCTYPE", "<!ENTITY", "schemaLocation", "xlink", "xi:include"):
        assert bad not in text, f"{fmt} contains {bad}"
    namespaces = {"graphml": 'xmlns="http://graphml.graphdrawing.org/xmlns"', "gexf": 'xmlns="http://gexf.net/1.3"'}
    allowed = 1 if fmt in namespaces else 0
    if fmt in namespaces:
        assert namespaces[fmt] in text, f"{fmt} lacks its namespace"
    assert text.count("http") == allowed, f"{fmt} has {text.count('http')} 'http', expected {allowed}"


def check_dot(src, path):
    dot = shutil.which("dot")
    assert dot, "Graphviz `dot` is not installed"
    big = len(src.ties) > DOT_LAYERED_MAX_TIES
    cmd = [dot] + (["-Ksfdp"] if big else []) + ["-Tsvg", str(path)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "network.svg"
        r = subprocess.run(cmd + ["-o", str(out)], capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()[:300]}"
        assert r.stderr.strip() == "", f"dot warned: {r.stderr.strip()[:300]}"
        svg = out.read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg", f"not an SVG: {root.tag}"
    groups = [g for g in root.iter("{http://www.w3.org/2000/svg}g")]
    nodes = [g for g in groups if g.get("class") == "node"]
    edges = [g for g in groups if g.get("class") == "edge"]
    assert len(nodes) == len(src.partners), f"SVG has {len(nodes)} nodes"
    assert len(edges) == len(src.ties), f"SVG has {len(edges)} edges"
    titles = [n.find("{http://www.w3.org/2000/svg}title").text for n in nodes]
    assert sorted(titles) == sorted(src.ids), "SVG node titles are not the partner ids"
    svg_ns = "{http://www.w3.org/2000/svg}"
    drawn = {n.find(f"{svg_ns}title").text: n for n in nodes}
    for p in src.partners:
        # Graphviz draws a label line by line; entities and escapes come back as text.
        want = xml_text(p["name"]).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        want = [" ".join(line.split()) for line in want]
        got = [" ".join("".join(t.itertext()).split()) for t in drawn[p["id"]].iter(f"{svg_ns}text")]
        assert [w for w in want if w] == [g for g in got if g], f"{p['id']} drawn as {got!r}, want {want!r}"


def check_kumu(src, path):
    bp = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(bp, dict) and list(bp) == ["elements", "connections"], f"top-level keys {list(bp)}"
    elements, connections = bp["elements"], bp["connections"]
    assert isinstance(elements, list) and isinstance(connections, list)
    assert len(elements) == len(src.partners), f"{len(elements)} elements"
    assert len(connections) == len(src.ties), f"{len(connections)} connections"
    labels = {}
    for e, p in zip(elements, src.partners):
        assert isinstance(e, dict)
        label = e.get("label")
        assert isinstance(label, str) and label.strip(), f"element label {label!r}"
        assert label not in labels, f"label {label!r} twice"
        assert label in (p["name"], f"{p['name']} ({p['id']})"), f"label {label!r} for {p['id']}"
        for key in ("type", "description"):
            assert isinstance(e.get(key), str), f"element {key} {e.get(key)!r}"
        assert e["type"] == p["sector"]
        assert isinstance(e.get("tags"), list) and all(isinstance(t, str) for t in e["tags"])
        assert e["tags"] == p["tags"]
        assert e["partner"] == p["id"] and e["name"] == p["name"]
        labels[label] = p["id"]
    by_id = {pid: label for label, pid in labels.items()}
    for c, t in zip(connections, src.ties):
        assert isinstance(c, dict)
        assert c.get("from") in labels and c.get("to") in labels, f"connection {c.get('from')!r} -> {c.get('to')!r}"
        assert (c["from"], c["to"]) == (by_id[t["from"]], by_id[t["to"]])
        assert c.get("direction") == "directed", f"direction {c.get('direction')!r}"
        assert c.get("type") == t["level"]
        assert c.get("tags") == t["kinds"]
        same(c, src.expected_edge(t), f"kumu {t['from']} -> {t['to']}")


def run(folder):
    folder = Path(folder)
    name = folder.name
    src = Source(folder)
    graphs = {}

    def read(fmt, reader, file):
        def go():
            graphs[fmt] = reader(folder / file)
            check_graph(src, graphs[fmt], fmt)
        return go

    check(f"{name}: graphml read by networkx", read("graphml", nx.read_graphml, "network.graphml"))
    check(f"{name}: gexf read by networkx", read("gexf", nx.read_gexf, "network.gexf"))

    def graph_info():
        g = graphs["graphml"]
        assert g.graph.get("name") == xml_text(src.initiative["name"]), f"graph name {g.graph.get('name')!r}"
        assert g.graph.get("initiative") == src.initiative["id"]
        assert g.graph.get("min_level") == "communicate"

    check(f"{name}: graphml graph attributes", graph_info)
    check(f"{name}: graphml measures match networkx", lambda: check_measures(src, graphs["graphml"]))
    check(f"{name}: graphml and gexf agree", lambda: check_same_graph(graphs["graphml"], graphs["gexf"]))
    check(f"{name}: dot renders to svg", lambda: check_dot(src, folder / "network.dot"))
    check(f"{name}: kumu blueprint shape", lambda: check_kumu(src, folder / "network.kumu.json"))
    for fmt, file in (("graphml", "network.graphml"), ("gexf", "network.gexf"), ("dot", "network.dot"), ("kumu", "network.kumu.json")):
        check(f"{name}: {fmt} refers to nothing outside", lambda fmt=fmt, file=file: check_self_contained((folder / file).read_text(encoding="utf-8"), fmt))


def main(argv):
    if not argv:
        print(__doc__)
        print("usage: exports_with_networkx.py FOLDER...")
        return 2
    print(f"networkx {nx.__version__}")
    for folder in argv:
        run(folder)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
