#!/usr/bin/env python3
"""Differential test of `convener network` against networkx 3.x.

Generates seeded random partner networks of many shapes, writes each as a `convener/1`
document, runs the convener binary (`network --format json`, and `--format csv` for a
sample), builds the same graphs in networkx and compares every measure networkx defines
(docs/scoring.md, "The partner network"):

- undirected graph: a pair is joined when either direction has a tie at `communicate` or
  above; ties at `compete`/`coexist` are reported but never connect;
- directed graph: one arc per tie at `communicate` or above;
- nodes: the partners in document order, isolated ones included.

Tolerances: 1e-9 relative (1e-12 absolute near zero) for the exact measures; 1e-6
relative/absolute for eigenvector centrality and PageRank (power iterations); Louvain:
convener's modularity ≥ the best of networkx `louvain_communities` seeds 0..4 − 0.02, and
convener's own communities must have the modularity it reports (to 1e-9).

Usage: network_vs_networkx.py [--only SUBSTRING] [--list]
Environment: CONVENER_BIN (default target/release/convener, relative to the repo root).
Prints every mismatch (graph, measure, node, convener, networkx), then a closing line
`N passed, M failed` (graphs). Exit status 1 when any graph failed. The document of each
failed graph is kept in target/differential-network/failures/.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[2]
LEVELS = ["compete", "coexist", "communicate", "cooperate", "coordinate", "collaborate", "integrate"]
CONNECTING = LEVELS[2:]
WEAK = LEVELS[:2]
SECTORS = [
    "statutory", "health", "education", "police_justice", "third_sector", "community",
    "family_voice", "funder", "academic", "private", "other", "unknown",
]
KINDS = ["funding", "referral", "joint_delivery", "governance", "dependency", "information"]
CSV_COLUMNS = [
    "partner", "name", "sector", "degree", "in_degree", "out_degree", "degree_centrality",
    "betweenness", "closeness", "eigenvector", "pagerank", "core_number", "constraint",
    "effective_size", "articulation_point", "community", "trust", "value",
]
INT_COLUMNS = {"degree", "in_degree", "out_degree", "core_number", "community"}
FLOAT_COLUMNS = {
    "degree_centrality", "betweenness", "closeness", "eigenvector", "pagerank", "constraint",
    "effective_size", "trust", "value",
}

# Places where networkx gives a number and convener, by its documented definition, gives
# null. Each use is counted and printed (never silently): see the closing notes.
#   density of a network of 0 or 1 partners: networkx `density` returns 0; convener's
#   connections / (n(n−1)/2) is 0/0 there, so null.
CONVENTIONS = {"density_n_le_1": 0}

# What the run covered, printed at the end.
STATS = {
    "partners": 0, "ties": 0, "weak ties": 0, "silent partners": 0, "csv checked": 0,
    "eigenvector not converging (both sides)": 0, "graphs without connections": 0,
}


# --------------------------------------------------------------------------- shapes


def permuted(g: nx.Graph, rng: random.Random) -> nx.Graph:
    """The same graph with its nodes relabelled at random (document order ≠ build order)."""
    order = list(g.nodes())
    labels = list(range(len(order)))
    rng.shuffle(labels)
    h = nx.Graph()
    h.add_nodes_from(range(len(order)))
    mapping = dict(zip(order, labels))
    h.add_edges_from((mapping[a], mapping[b]) for a, b in g.edges())
    return h


def normal(g: nx.Graph) -> nx.Graph:
    """Nodes relabelled 0..n−1 in their current order."""
    return nx.convert_node_labels_to_integers(g)


def random_tree(n: int, rng: random.Random) -> nx.Graph:
    g = nx.empty_graph(n)
    for i in range(1, n):
        g.add_edge(i, rng.randrange(i))
    return g


def union(parts: list[nx.Graph]) -> nx.Graph:
    return normal(nx.disjoint_union_all(parts)) if parts else nx.Graph()


def small_part(rng: random.Random) -> nx.Graph:
    kind = rng.choice(["er", "tree", "cycle", "complete", "star", "path", "single", "pair"])
    k = rng.randint(3, 12)
    seed = rng.randrange(10**9)
    if kind == "er":
        return nx.gnp_random_graph(k, rng.uniform(0.2, 0.8), seed=seed)
    if kind == "tree":
        return random_tree(k, rng)
    if kind == "cycle":
        return nx.cycle_graph(k)
    if kind == "complete":
        return nx.complete_graph(rng.randint(2, 7))
    if kind == "star":
        return nx.star_graph(k - 1)
    if kind == "path":
        return nx.path_graph(k)
    if kind == "single":
        return nx.empty_graph(1)
    return nx.path_graph(2)


def shapes():
    """Yields (name, graph, seed): the undirected connections each case is built from."""
    # Every labelled graph on 0–3 nodes.
    yield "tiny-n0", nx.empty_graph(0), 0
    yield "tiny-n1", nx.empty_graph(1), 1
    for variant in range(2):
        yield f"tiny-n2-empty-v{variant}", nx.empty_graph(2), 10 + variant
        yield f"tiny-n2-edge-v{variant}", nx.path_graph(2), 20 + variant
    pairs3 = [(0, 1), (0, 2), (1, 2)]
    for mask in range(8):
        for variant in range(2):
            g = nx.empty_graph(3)
            g.add_edges_from(p for i, p in enumerate(pairs3) if mask >> i & 1)
            yield f"tiny-n3-m{mask}-v{variant}", g, 30 + 2 * mask + variant

    # Graphs with no edges at all (only weak ties, if any).
    for i in range(10):
        n = [4, 5, 6, 7, 8, 10, 12, 17, 25, 40][i]
        yield f"noedges-n{n}", nx.empty_graph(n), 100 + i

    for i in range(30):
        rng = random.Random(1000 + i)
        n = rng.randint(5, 60)
        p = rng.uniform(1.0, 3.0) / n
        yield f"er-sparse-{i}-n{n}", nx.gnp_random_graph(n, p, seed=1000 + i), 1000 + i
    for i in range(25):
        rng = random.Random(2000 + i)
        n = rng.randint(4, 40)
        p = rng.uniform(0.35, 0.95)
        yield f"er-dense-{i}-n{n}", nx.gnp_random_graph(n, p, seed=2000 + i), 2000 + i
    for i in range(25):
        rng = random.Random(3000 + i)
        m = rng.randint(1, 4)
        n = rng.randint(m + 1, 80)
        g = permuted(nx.barabasi_albert_graph(n, m, seed=3000 + i), rng)
        yield f"ba-{i}-n{n}-m{m}", g, 3000 + i
    for i in range(25):
        rng = random.Random(4000 + i)
        parts = [small_part(rng) for _ in range(rng.randint(2, 6))]
        g = union(parts)
        if i % 2:
            g = permuted(g, rng)
        yield f"union-{i}-n{g.number_of_nodes()}", g, 4000 + i
    for i in range(15):
        rng = random.Random(5000 + i)
        n = rng.randint(4, 40)
        core = nx.gnp_random_graph(n, rng.uniform(0.1, 0.5), seed=5000 + i)
        g = permuted(union([core] + [nx.empty_graph(1) for _ in range(rng.randint(1, 10))]), rng)
        yield f"isolates-{i}-n{g.number_of_nodes()}", g, 5000 + i
    for i in range(10):
        rng = random.Random(6000 + i)
        n = rng.randint(2, 40)
        g = permuted(nx.star_graph(n - 1), rng) if i % 2 else nx.star_graph(n - 1)
        yield f"star-{i}-n{n}", g, 6000 + i
    for i in range(10):
        rng = random.Random(7000 + i)
        n = rng.randint(2, 60)
        g = permuted(nx.path_graph(n), rng) if i % 2 else nx.path_graph(n)
        yield f"path-{i}-n{n}", g, 7000 + i
    for i in range(10):
        rng = random.Random(8000 + i)
        n = rng.randint(3, 50)
        g = permuted(nx.cycle_graph(n), rng) if i % 2 else nx.cycle_graph(n)
        yield f"cycle-{i}-n{n}", g, 8000 + i
    for i in range(10):
        n = [2, 3, 4, 5, 6, 8, 10, 13, 18, 25][i]
        yield f"complete-{i}-n{n}", nx.complete_graph(n), 9000 + i
    for i in range(15):
        rng = random.Random(10000 + i)
        n = rng.randint(2, 80)
        yield f"tree-{i}-n{n}", permuted(random_tree(n, rng), rng), 10000 + i
    for i in range(10):
        rng = random.Random(11000 + i)
        kind = i % 3
        if kind == 0:
            g = nx.connected_caveman_graph(rng.randint(2, 6), rng.randint(3, 7))
            name = "caveman"
        elif kind == 1:
            g = nx.relaxed_caveman_graph(rng.randint(2, 6), rng.randint(3, 7), 0.15, seed=11000 + i)
            name = "relaxed-caveman"
        else:
            sizes = [rng.randint(4, 12) for _ in range(rng.randint(2, 5))]
            g = nx.random_partition_graph(sizes, 0.7, 0.05, seed=11000 + i)
            name = "partition"
        g = permuted(normal(nx.Graph(g)), rng)
        yield f"{name}-{i}-n{g.number_of_nodes()}", g, 11000 + i
    for i in range(6):
        rng = random.Random(12000 + i)
        if i % 2 == 0:
            g = nx.barbell_graph(rng.randint(3, 7), rng.randint(0, 4))
            name = "barbell"
        else:
            g = nx.lollipop_graph(rng.randint(3, 7), rng.randint(1, 6))
            name = "lollipop"
        yield f"{name}-{i}-n{g.number_of_nodes()}", permuted(g, rng), 12000 + i
    for i in range(8):
        rng = random.Random(13000 + i)
        n = rng.randint(8, 50)
        k = rng.choice([2, 4, 6])
        g = nx.watts_strogatz_graph(n, k, rng.uniform(0.0, 0.3), seed=13000 + i)
        yield f"ws-{i}-n{n}-k{k}", g, 13000 + i
    for i in range(6):
        rng = random.Random(13500 + i)
        rows, cols = rng.randint(2, 7), rng.randint(2, 7)
        g = normal(nx.grid_2d_graph(rows, cols))
        yield f"grid-{i}-{rows}x{cols}", permuted(g, rng) if i % 2 else g, 13500 + i
    for i in range(10):
        # Equal-size largest components: the tie goes to the one with the earliest node.
        rng = random.Random(14000 + i)
        k = rng.randint(2, 6)
        fixed = [nx.path_graph(k), nx.cycle_graph(k) if k >= 3 else nx.path_graph(k),
                 nx.star_graph(k - 1)]
        smaller = [p for p in (small_part(rng) for _ in range(3)) if p.number_of_nodes() < k]
        parts = fixed + smaller
        rng.shuffle(parts)
        g = union(parts)
        if i % 2:
            g = permuted(g, rng)
        yield f"equal-components-{i}-n{g.number_of_nodes()}", g, 14000 + i

    # Small graphs where one Louvain visiting order ends in a poor local optimum (networkx
    # too, for some seeds): kept as fixed cases.
    yield "fixed-louvain-n5", nx.Graph([(0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3)]), 16000
    yield "fixed-ladder-n8", nx.Graph([(0, 1), (0, 2), (0, 5), (1, 3), (1, 7), (2, 4), (2, 7),
                                       (3, 5), (4, 6), (6, 7)]), 16001

    # A few big ones (150–300 nodes).
    yield "big-ba-n300-m2", permuted(nx.barabasi_albert_graph(300, 2, seed=15000), random.Random(15000)), 15000
    yield "big-er-n250", nx.gnp_random_graph(250, 0.012, seed=15001), 15001
    yield "big-tree-n200", permuted(random_tree(200, random.Random(15002)), random.Random(15002)), 15002
    rng = random.Random(15003)
    yield "big-union-n180", permuted(union([nx.gnp_random_graph(60, 0.08, seed=15003 + j) for j in range(3)]), rng), 15003
    yield "big-ws-n150", nx.watts_strogatz_graph(150, 4, 0.1, seed=15004), 15004
    yield "big-path-n300", nx.path_graph(300), 15005
    yield "big-grid-15x15", permuted(normal(nx.grid_2d_graph(15, 15)), random.Random(15006)), 15006
    yield "big-partition-n200", permuted(normal(nx.Graph(nx.random_partition_graph([40] * 5, 0.25, 0.01, seed=15007))), random.Random(15007)), 15007


# --------------------------------------------------------------------------- documents


def make_document(name: str, g: nx.Graph, seed: int) -> dict:
    """A convener/1 document whose connections (ties at `communicate` or above, either
    direction) are the edges of `g`, reported in a style drawn from `seed`: one way only,
    both ways at one level, both ways at different levels, or one way with a weak
    (`compete`/`coexist`) tie back; weak ties between unconnected pairs; some partners
    that did not respond."""
    rng = random.Random(seed * 7919 + 17)
    n = g.number_of_nodes()
    style = rng.choice(["one-way", "both-same", "both-diff", "weak-back", "mixed", "mixed", "mixed"])
    silent_share = rng.choice([0.0, 0.0, 0.1, 0.25, 0.5])
    silent = {v for v in range(n) if rng.random() < silent_share}
    # Mostly a non-responder reports nothing; in some networks it reports anyway.
    strict_silence = rng.random() < 0.7
    random_ids = rng.random() < 0.4
    partners = []
    used_ids = set()
    for v in range(n):
        pid = f"p{v}"
        if random_ids:
            while True:
                pid = f"{rng.choice(['org', 'x', 'team', 'q'])}-{rng.randrange(100000)}"
                if pid not in used_ids:
                    break
        used_ids.add(pid)
        pname = f"Partner {v}"
        if rng.random() < 0.05:
            pname = rng.choice(["=", "+", "-", "@", "'"]) + pname
        p = {"id": pid, "name": pname}
        if rng.random() < 0.7:
            p["sector"] = rng.choice(SECTORS)
        if v in silent:
            p["responded"] = False
        elif rng.random() < 0.1:
            p["responded"] = True
        partners.append(p)

    ties: dict[tuple[int, int], str] = {}

    def can_report(a: int) -> bool:
        return a not in silent or not strict_silence

    for a, b in g.edges():
        if a == b:
            continue
        if rng.random() < 0.5:
            a, b = b, a
        s = style if style != "mixed" else rng.choice(["one-way", "both-same", "both-diff", "weak-back"])
        if not can_report(a):
            a, b = b, a
        if not can_report(a):
            continue  # neither end would have reported it: the connection is not known
        level = rng.choice(CONNECTING)
        ties[(a, b)] = level
        if not can_report(b):
            continue
        if s == "both-same":
            ties[(b, a)] = level
        elif s == "both-diff":
            ties[(b, a)] = rng.choice([l for l in CONNECTING if l != level])
        elif s == "weak-back":
            ties[(b, a)] = rng.choice(WEAK)
    # Weak ties between pairs that are not connected: reported, never connections.
    if n >= 2:
        for _ in range(rng.randint(0, max(1, n // 2 + 2))):
            a, b = rng.sample(range(n), 2)
            if g.has_edge(a, b) or (a, b) in ties or not can_report(a):
                continue
            ties[(a, b)] = rng.choice(WEAK)
            if rng.random() < 0.4 and (b, a) not in ties and can_report(b):
                ties[(b, a)] = rng.choice(WEAK)

    tie_list = []
    for (a, b), level in ties.items():
        t = {"from": partners[a]["id"], "to": partners[b]["id"], "level": level}
        r = rng.random()
        if r < 0.2:
            t["kinds"] = rng.sample(KINDS, rng.randint(1, 3))
        if r < 0.1:
            t["trust"] = {k: rng.randint(1, 4) for k in ("reliability", "mission", "openness")}
            t["value"] = {k: rng.randint(1, 4) for k in ("power", "involvement", "resources")}
        if rng.random() < 0.1:
            t["desired_level"] = rng.choice(LEVELS)
        tie_list.append(t)
    rng.shuffle(tie_list)
    return {
        "format": "convener/1",
        "initiative": {"id": "diff", "name": f"Differential {name}"},
        "partners": partners,
        "ties": tie_list,
    }


def graphs_of(doc: dict) -> tuple[nx.Graph, nx.DiGraph]:
    """The undirected and directed graphs networkx sees, built from the document alone."""
    index = {p["id"]: i for i, p in enumerate(doc["partners"])}
    G = nx.Graph()
    D = nx.DiGraph()
    G.add_nodes_from(range(len(index)))
    D.add_nodes_from(range(len(index)))
    for t in doc["ties"]:
        if LEVELS.index(t["level"]) >= LEVELS.index("communicate"):
            a, b = index[t["from"]], index[t["to"]]
            G.add_edge(a, b)
            D.add_edge(a, b)
    return G, D


# --------------------------------------------------------------------------- comparing


def close(a: float, b: float, rel: float = 1e-9, abs_: float = 1e-12) -> bool:
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


class Graph:
    """The mismatches of one graph."""

    def __init__(self, name: str):
        self.name = name
        self.mismatches: list[tuple[str, str, str, object, object]] = []

    def miss(self, measure: str, node: object, ours: object, theirs: object) -> None:
        self.mismatches.append((self.name, measure, str(node), ours, theirs))

    def number(self, measure, node, ours, theirs, rel=1e-9, abs_=1e-12):
        """Compares a number; networkx NaN or None means convener null."""
        if isinstance(theirs, float) and math.isnan(theirs):
            theirs = None
        if theirs is None or ours is None:
            if not (theirs is None and ours is None):
                self.miss(measure, node, ours, theirs)
            return
        if isinstance(ours, bool) or not isinstance(ours, (int, float)):
            self.miss(measure, node, ours, theirs)
            return
        if not close(float(ours), float(theirs), rel, abs_):
            self.miss(measure, node, ours, theirs)

    def exact(self, measure, node, ours, theirs):
        if ours != theirs or type(ours) is not type(theirs):
            self.miss(measure, node, ours, theirs)


def largest_component(G: nx.Graph) -> set:
    """The largest connected component; between equal sizes, the one holding the earliest
    node (document order)."""
    comps = list(nx.connected_components(G))
    if not comps:
        return set()
    return max(comps, key=lambda c: (len(c), -min(c)))


def compare(doc: dict, rep: dict, chk: Graph) -> None:
    G, D = graphs_of(doc)
    n = G.number_of_nodes()
    ids = [p["id"] for p in doc["partners"]]
    P = rep.get("partners", [])
    S = rep.get("summary", {})
    if [p.get("partner") for p in P] != ids:
        chk.miss("partners (ids in document order)", "-", [p.get("partner") for p in P], ids)
        return

    # Per partner, undirected.
    deg = dict(G.degree())
    indeg = dict(D.in_degree())
    outdeg = dict(D.out_degree())
    dc = nx.degree_centrality(G)
    bc = nx.betweenness_centrality(G, normalized=True)
    cc = nx.closeness_centrality(G)
    core = nx.core_number(G)
    # networkx raises on a graph without nodes; there is nothing to compare then.
    cons = nx.constraint(G) if n else {}
    eff = nx.effective_size(G) if n else {}
    clus = nx.clustering(G)
    art = set(nx.articulation_points(G))
    for v in range(n):
        p = P[v]
        chk.exact("degree", ids[v], p["degree"], deg[v])
        chk.exact("in_degree", ids[v], p["in_degree"], indeg[v])
        chk.exact("out_degree", ids[v], p["out_degree"], outdeg[v])
        chk.number("degree_centrality", ids[v], p["degree_centrality"], dc[v])
        chk.number("betweenness", ids[v], p["betweenness"], bc[v])
        chk.number("closeness", ids[v], p["closeness"], cc[v])
        chk.exact("core_number", ids[v], p["core_number"], core[v])
        chk.number("constraint", ids[v], p["constraint"], cons[v])
        chk.number("effective_size", ids[v], p["effective_size"], eff[v])
        chk.number("clustering", ids[v], p["clustering"], clus[v])
    ours_art = {ids[v] for v in range(n) if P[v]["articulation_point"] is True}
    if any(P[v]["articulation_point"] not in (True, False) for v in range(n)):
        chk.miss("articulation_point (not a boolean)", "-", [p["articulation_point"] for p in P], "booleans")
    theirs_art = {ids[v] for v in art}
    if ours_art != theirs_art:
        chk.miss("articulation_points (set)", "-", sorted(ours_art), sorted(theirs_art))

    # Eigenvector centrality on the largest component; null elsewhere.
    lc = largest_component(G)
    ev: dict | None = {}
    ev_failed = False
    if lc:
        try:
            ev = nx.eigenvector_centrality(G.subgraph(lc), max_iter=10000, tol=1e-12)
        except nx.PowerIterationFailedConvergence:
            ev, ev_failed = None, True
    if ev_failed:
        STATS["eigenvector not converging (both sides)"] += 1
        for v in range(n):
            if P[v]["eigenvector"] is not None:
                chk.miss("eigenvector (networkx did not converge)", ids[v], P[v]["eigenvector"], None)
        if not any("eigenvector" in note for note in rep.get("notes", [])):
            chk.miss("notes (eigenvector did not converge)", "-", rep.get("notes"), "a note on eigenvector")
    else:
        for v in range(n):
            chk.number("eigenvector", ids[v], P[v]["eigenvector"], ev.get(v), rel=1e-6, abs_=1e-6)

    # PageRank on the directed ties, all partners.
    if n:
        pr = nx.pagerank(D, alpha=0.85, max_iter=10000, tol=1e-12)
        for v in range(n):
            chk.number("pagerank", ids[v], P[v]["pagerank"], pr[v], rel=1e-6, abs_=1e-6)

    # Network level.
    m = G.number_of_edges()
    arcs = D.number_of_edges()
    chk.exact("summary.partners", "-", S["partners"], n)
    chk.exact("summary.ties_reported", "-", S["ties_reported"], len(doc["ties"]))
    chk.exact("summary.directed_ties", "-", S["directed_ties"], arcs)
    chk.exact("summary.connections", "-", S["connections"], m)
    if n <= 1 and S["density"] is None:
        CONVENTIONS["density_n_le_1"] += 1  # networkx says 0 here: see CONVENTIONS
    else:
        chk.number("summary.density", "-", S["density"], nx.density(G))
    chk.number("summary.reciprocity", "-", S["reciprocity"], nx.overall_reciprocity(D) if arcs else None)
    if n >= 3:
        top = max(deg.values())
        freeman = sum(top - d for d in deg.values()) / ((n - 1) * (n - 2))
    else:
        freeman = None
    chk.number("summary.degree_centralization", "-", S["degree_centralization"], freeman)
    chk.exact("summary.components", "-", S["components"], nx.number_connected_components(G))
    chk.exact("summary.largest_component", "-", S["largest_component"], len(lc))
    chk.number("summary.largest_component_share", "-", S["largest_component_share"], len(lc) / n if n else None)
    chk.exact("summary.strong_components", "-", S["strong_components"], nx.number_strongly_connected_components(D))
    chk.exact("summary.isolates", "-", S["isolates"], nx.number_of_isolates(G))
    chk.number("summary.average_clustering", "-", S["average_clustering"], nx.average_clustering(G) if n else None)
    # networkx has no diameter without nodes (it raises): undefined, so null.
    chk.exact("summary.diameter", "-", S["diameter"], nx.diameter(G.subgraph(lc)) if lc else None)
    chk.exact("summary.articulation_points", "-", S["articulation_points"], len(art))
    theirs_bridges = {frozenset((ids[a], ids[b])) for a, b in nx.bridges(G)}
    ours_bridges = {frozenset((br["a"], br["b"])) for br in rep.get("bridges", [])}
    if ours_bridges != theirs_bridges or len(rep.get("bridges", [])) != len(theirs_bridges):
        chk.miss("bridges (set)", "-", sorted(map(sorted, ours_bridges)), sorted(map(sorted, theirs_bridges)))
    for br in rep.get("bridges", []):
        if br["a"] in ids and br["b"] in ids and ids.index(br["a"]) > ids.index(br["b"]):
            chk.miss("bridges (a earlier in the document)", "-", br, "a before b")
    chk.exact("summary.bridges", "-", S["bridges"], len(theirs_bridges))

    # Communities.
    groups = rep.get("communities", [])
    members = [g["members"] for g in groups]
    flat = [x for ms in members for x in ms]
    if sorted(flat) != sorted(ids) or len(flat) != len(set(flat)):
        chk.miss("communities (a partition of the partners)", "-", members, "each partner once")
        return
    pos = {pid: i for i, pid in enumerate(ids)}
    for k, grp in enumerate(groups):
        if grp["id"] != k:
            chk.miss("communities (ids 0..k-1)", k, grp["id"], k)
        if [pos[x] for x in grp["members"]] != sorted(pos[x] for x in grp["members"]):
            chk.miss("communities (members in document order)", k, grp["members"], "document order")
        for x in grp["members"]:
            if P[pos[x]]["community"] != grp["id"]:
                chk.miss("community (partner vs communities)", x, P[pos[x]]["community"], grp["id"])
    firsts = [pos[ms[0]] for ms in members if ms]
    if firsts != sorted(firsts):
        chk.miss("communities (numbered by first member)", "-", firsts, sorted(firsts))
    chk.exact("summary.communities", "-", S["communities"], len(groups))
    if m == 0:
        STATS["graphs without connections"] += 1
        chk.exact("summary.modularity (no connections)", "-", S["modularity"], None)
        if any(len(ms) != 1 for ms in members):
            chk.miss("communities (no connections: singletons)", "-", members, "singletons")
        return
    sets = [{pos[x] for x in ms} for ms in members]
    ours_q = S["modularity"]
    chk.number("summary.modularity (recomputed on convener's communities)", "-", ours_q,
               nx.community.modularity(G, sets))
    best = max(nx.community.modularity(G, nx.community.louvain_communities(G, seed=s)) for s in range(5))
    if ours_q is None or ours_q < best - 0.02:
        chk.miss("summary.modularity (>= best networkx louvain - 0.02)", "-", ours_q, best)


def guard(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "'") else text


def compare_csv(doc: dict, rep: dict, text: str, chk: Graph) -> None:
    """The CSV has the 18 columns, one row per partner, and the JSON's numbers."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != CSV_COLUMNS:
        chk.miss("csv header", "-", rows[0] if rows else None, CSV_COLUMNS)
        return
    body = rows[1:]
    if len(body) != len(rep["partners"]):
        chk.miss("csv rows", "-", len(body), len(rep["partners"]))
        return
    for row, p, dp in zip(body, rep["partners"], doc["partners"]):
        if len(row) != 18:
            chk.miss("csv row width", p["partner"], len(row), 18)
            continue
        cell = dict(zip(CSV_COLUMNS, row))
        if cell["partner"] != guard(dp["id"]):
            chk.miss("csv partner", p["partner"], cell["partner"], guard(dp["id"]))
        if cell["name"] != guard(dp["name"]):
            chk.miss("csv name", p["partner"], cell["name"], guard(dp["name"]))
        if cell["sector"] != dp.get("sector", "unknown") or cell["sector"] != p["sector"]:
            chk.miss("csv sector", p["partner"], cell["sector"], dp.get("sector", "unknown"))
        for col in CSV_COLUMNS[3:]:
            value = p.get(col)
            got = cell[col]
            if value is None:
                ok = got == ""
            elif col == "articulation_point":
                ok = got == ("true" if value else "false")
            elif col in INT_COLUMNS:
                ok = got == str(value)
            else:
                try:
                    ok = float(got) == float(value)
                except ValueError:
                    ok = False
            if not ok:
                chk.miss(f"csv {col} (vs json)", p["partner"], got, value)


# --------------------------------------------------------------------------- running


def run(binary: Path, path: Path, fmt: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [str(binary), "network", str(path), "--format", fmt],
        capture_output=True, text=True, timeout=300,
    )
    return proc.returncode, proc.stdout, proc.stderr


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="run only graphs whose name contains this")
    ap.add_argument("--list", action="store_true", help="list the graphs and exit")
    args = ap.parse_args()

    binary = Path(os.environ.get("CONVENER_BIN", "target/release/convener"))
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.exists() and not args.list:
        print(f"convener binary not found: {binary} (build it or set CONVENER_BIN)", file=sys.stderr)
        return 2

    cases = [c for c in shapes() if not args.only or args.only in c[0]]
    names = [c[0] for c in cases]
    assert len(names) == len(set(names)), "graph names must be unique"
    if args.list:
        for name, g, _ in cases:
            print(f"{name}\t{g.number_of_nodes()} nodes\t{g.number_of_edges()} edges")
        return 0

    failures_dir = REPO / "target" / "differential-network" / "failures"
    shutil.rmtree(failures_dir, ignore_errors=True)
    start = time.monotonic()
    passed = failed = 0
    all_mismatches = []
    with tempfile.TemporaryDirectory(prefix="convener-differential-") as tmp:
        for i, (name, g, seed) in enumerate(cases):
            doc = make_document(name, g, seed)
            STATS["partners"] += len(doc["partners"])
            STATS["ties"] += len(doc["ties"])
            STATS["weak ties"] += sum(t["level"] in WEAK for t in doc["ties"])
            STATS["silent partners"] += sum(p.get("responded") is False for p in doc["partners"])
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
            chk = Graph(name)
            code, out, err = run(binary, path, "json")
            if code != 0:
                chk.miss("convener exit status (json)", "-", f"{code}: {err.strip()[:300]}", 0)
            else:
                try:
                    rep = json.loads(out)
                    compare(doc, rep, chk)
                except Exception as e:  # a missing key or a shape networkx rejects
                    chk.miss("comparison raised", "-", f"{type(e).__name__}: {e}", "-")
                    rep = None
                n = len(doc["partners"])
                if rep is not None and (i % 4 == 0 or n <= 3):
                    STATS["csv checked"] += 1
                    code, out, err = run(binary, path, "csv")
                    if code != 0:
                        chk.miss("convener exit status (csv)", "-", f"{code}: {err.strip()[:300]}", 0)
                    else:
                        compare_csv(doc, rep, out, chk)
            if chk.mismatches:
                failed += 1
                all_mismatches.extend(chk.mismatches)
                failures_dir.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, failures_dir / path.name)
            else:
                passed += 1

    elapsed = time.monotonic() - start
    if all_mismatches:
        print("mismatches (graph | measure | node | convener | networkx):")
        for name, measure, node, ours, theirs in all_mismatches:
            print(f"  {name} | {measure} | {node} | {ours!r} | {theirs!r}")
        print(f"documents of the failed graphs: {failures_dir}")
    print(
        f"networkx {nx.__version__}; {len(cases)} graphs, {len(all_mismatches)} mismatches, "
        f"{elapsed:.1f}s"
    )
    print("covered: " + ", ".join(f"{k} {v}" for k, v in STATS.items()))
    if CONVENTIONS["density_n_le_1"]:
        print(
            f"note: density null where networkx says 0 (0 or 1 partners): "
            f"{CONVENTIONS['density_n_le_1']} graphs (0/0, convener's documented null)"
        )
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
