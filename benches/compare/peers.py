"""Times the network operations of one peer library on one edge-list file.

    python peers.py LIBRARY EDGES.txt [--sources SOURCES.txt]

LIBRARY is networkx, igraph, rustworkx, networkit or graph-tool (graph-tool runs under
Debian's system python3, the others in the venv made by ./run). Prints one JSON object
in the shape `convener-compare network` prints, so ./report can put them side by side.

With --sources, betweenness and closeness are computed from those source nodes only and
the time is extrapolated to all sources (time × n / k); a library whose API cannot start
from chosen sources is reported as skipped for them.

Timing rule (the same as convener-compare): an operation runs once; when that took under
0.2 s it is repeated until 1 s has passed (at most 50 runs) and the median is kept.
"""

import json
import os
import sys
import time

import numpy as np


def timed(work):
    """Seconds of one operation by the timing rule of the module doc, and its result."""
    start = time.perf_counter()
    out = work()
    first = time.perf_counter() - start
    if first >= 0.2:
        return first, out
    samples = [first]
    begun = time.perf_counter()
    while time.perf_counter() - begun < 1.0 and len(samples) < 50:
        start = time.perf_counter()
        out = work()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[len(samples) // 2], out


def once(work):
    start = time.perf_counter()
    out = work()
    return time.perf_counter() - start, out


def read_edges(path):
    with open(path) as f:
        n, m = (int(x) for x in f.readline().split())
        data = np.array(f.read().split(), dtype=np.int64)
    edges = data.reshape(-1, 2)
    if len(edges) != m:
        sys.exit(f"{path}: {len(edges)} edges, the first line says {m}")
    return n, edges


def cpu_threads():
    return os.cpu_count() or 1


# Each library: version, thread note, build, and one function per operation. An operation
# function takes (graph, state) and returns a dict of extra fields (may be empty); `state`
# holds what one operation leaves for another (communities for modularity).


def networkx_lib():
    import networkx as nx

    def build(n, edges):
        pairs = [tuple(e) for e in edges.tolist()]

        def make():
            g = nx.Graph()
            g.add_nodes_from(range(n))
            g.add_edges_from(pairs)
            return g

        return make

    def bc_exact(g):
        return nx.betweenness_centrality(g)

    def bc_sampled(g, sources):
        return nx.betweenness_centrality_subset(g, sources, list(g.nodes))

    def cl_exact(g):
        return nx.closeness_centrality(g, wf_improved=True)

    def cl_sampled(g, sources):
        return [nx.closeness_centrality(g, u=s, wf_improved=True) for s in sources]

    def louvain(g):
        c = nx.community.louvain_communities(g, seed=0)
        return {"modularity": nx.community.modularity(g, c), "communities": len(c)}

    return {
        "version": nx.__version__,
        "threads": "1",
        "build": build,
        "betweenness": (bc_exact, bc_sampled),
        "closeness": (cl_exact, cl_sampled),
        "pagerank": lambda g: nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=10000),
        "components": lambda g: list(nx.connected_components(g)),
        "articulation_points": lambda g: list(nx.articulation_points(g)),
        "core_numbers": lambda g: nx.core_number(g),
        "louvain": louvain,
    }


def igraph_lib():
    import igraph as ig

    def build(n, edges):
        return lambda: ig.Graph(n=n, edges=edges)

    def louvain(g):
        c = g.community_multilevel()
        return {"modularity": c.modularity, "communities": len(c)}

    return {
        "version": ig.__version__,
        "threads": "1",
        "build": build,
        "betweenness": (
            lambda g: g.betweenness(directed=False),
            lambda g, s: g.betweenness(directed=False, sources=s),
        ),
        "closeness": (lambda g: g.closeness(), lambda g, s: g.closeness(vertices=s)),
        # PRPACK: a direct solver, no tolerance to set.
        "pagerank": lambda g: g.pagerank(damping=0.85, directed=False),
        # igraph caches that a graph is connected: a repeated call on a connected graph then
        # fills the membership without a search (4.8 ms instead of 112 ms at 10^5 nodes).
        # Clearing the cache (O(1)) before each call times the search every time.
        "components": lambda g: (getattr(g, "__invalidate_cache")(), g.connected_components())[1],
        "articulation_points": lambda g: g.articulation_points(),
        "core_numbers": lambda g: g.coreness(),
        "louvain": louvain,
    }


def rustworkx_lib():
    import rustworkx as rx

    def build(n, edges):
        pairs = [tuple(e) for e in edges.tolist()]

        def make():
            g = rx.PyGraph()
            g.add_nodes_from(range(n))
            g.add_edges_from_no_data(pairs)
            return g

        return make

    def pagerank(g):
        # rustworkx's PageRank takes a directed graph: each edge both ways, made outside
        # the timing (see prepare).
        return rx.pagerank(g.directed, alpha=0.85, tol=1e-12, max_iter=10000)

    threads = os.environ.get("RAYON_NUM_THREADS") or str(cpu_threads())
    return {
        "version": rx.__version__,
        "threads": f"{threads} (rayon) for betweenness and closeness; 1 otherwise",
        "build": build,
        "prepare": Holder,
        "betweenness": (lambda g: rx.betweenness_centrality(g.graph, normalized=True), None),
        "closeness": (lambda g: rx.closeness_centrality(g.graph, wf_improved=True), None),
        "pagerank": pagerank,
        "components": lambda g: rx.connected_components(g.graph),
        "articulation_points": lambda g: rx.articulation_points(g.graph),
        "core_numbers": lambda g: rx.core_number(g.graph),
        "louvain": None,
    }


class Holder:
    """A rustworkx graph with its directed copy (each edge both ways) for PageRank."""

    def __init__(self, graph):
        self.graph = graph
        self.directed = graph.to_directed()


def networkit_lib():
    import networkit as nk

    threads = nk.getMaxNumberOfThreads()

    def build(n, edges):
        a = edges[:, 0].astype(np.uint64)
        b = edges[:, 1].astype(np.uint64)

        def make():
            g = nk.Graph(n)
            g.addEdges((a, b))
            return g

        return make

    def bc_sampled(g, sources):
        # Samples its own k sources uniformly (Geisberger, Sanders & Schultes): the same
        # work as k chosen sources.
        return nk.centrality.EstimateBetweenness(g, len(sources), True, True).run().scores()

    def cl_sampled(g, sources):
        out = []
        for s in sources:
            bfs = nk.distance.BFS(g, int(s), storePaths=False)
            bfs.run()
            d = np.asarray(bfs.getDistances())
            reach = d[d < 1e300]
            out.append(reach.sum())
        return out

    def pagerank(g):
        pr = nk.centrality.PageRank(g, 0.85, g.numberOfNodes() * 1e-12)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.maxIterations = 10000
        return pr.run().scores()

    def louvain(g):
        plm = nk.community.PLM(g, refine=False)
        plm.run()
        p = plm.getPartition()
        return {"modularity": nk.community.Modularity().getQuality(p, g), "communities": p.numberOfSubsets()}

    return {
        "version": nk.__version__,
        "threads": f"{threads} (OpenMP) for betweenness, closeness, PageRank, core numbers, PLM; 1 otherwise",
        "build": build,
        "betweenness": (lambda g: nk.centrality.Betweenness(g, normalized=True).run().scores(), bc_sampled),
        "closeness": (
            lambda g: nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores(),
            cl_sampled,
        ),
        "pagerank": pagerank,
        "components": lambda g: nk.components.ConnectedComponents(g).run().numberOfComponents(),
        # No articulation-point function: biconnected components (Tarjan), which find them.
        "articulation_points": lambda g: nk.components.BiconnectedComponents(g).run().numberOfComponents(),
        "core_numbers": lambda g: nk.centrality.CoreDecomposition(g).run().scores(),
        "louvain": louvain,
    }


def graph_tool_lib():
    import graph_tool.all as gt

    threads = gt.openmp_get_num_threads() if gt.openmp_enabled() else 1

    def build(n, edges):
        def make():
            g = gt.Graph(directed=False)
            g.add_vertex(n)
            g.add_edge_list(edges)
            return g

        return make

    def cl_sampled(g, sources):
        return [gt.closeness(g, source=g.vertex(int(s))) for s in sources]

    return {
        "version": gt.__version__.split()[0],
        "threads": f"{threads} (OpenMP) for betweenness, closeness, PageRank; 1 otherwise",
        "build": build,
        # Computes edge betweenness too; no option to leave it out.
        "betweenness": (lambda g: gt.betweenness(g), lambda g, s: gt.betweenness(g, pivots=s)),
        "closeness": (lambda g: gt.closeness(g), cl_sampled),
        "pagerank": lambda g: gt.pagerank(g, damping=0.85, epsilon=g.num_vertices() * 1e-12, max_iter=10000),
        "components": lambda g: gt.label_components(g),
        "articulation_points": lambda g: gt.label_biconnected_components(g),
        "core_numbers": lambda g: gt.kcore_decomposition(g),
        # No Louvain: graph-tool's community detection is stochastic block models.
        "louvain": None,
    }


LIBRARIES = {
    "networkx": networkx_lib,
    "igraph": igraph_lib,
    "rustworkx": rustworkx_lib,
    "networkit": networkit_lib,
    "graph-tool": graph_tool_lib,
}


def main(argv):
    if len(argv) not in (2, 4) or argv[0] not in LIBRARIES or (len(argv) == 4 and argv[2] != "--sources"):
        sys.exit(__doc__)
    name, path = argv[0], argv[1]
    sources = None
    if len(argv) == 4:
        with open(argv[3]) as f:
            sources = [int(line) for line in f if line.strip()]
    lib = LIBRARIES[name]()
    read_s, (n, edges) = timed(lambda: read_edges(path))
    make = lib["build"](n, edges)
    build_s, g = timed(make)
    if "prepare" in lib:
        g = lib["prepare"](g)
    out = {
        "library": name,
        "version": lib["version"],
        "threads": lib["threads"],
        "nodes": n,
        "edges": int(len(edges)),
        "read": read_s,
        "build": build_s,
    }
    for op in ("betweenness", "closeness"):
        exact, sampled = lib[op]
        if sources is None:
            secs, _ = timed(lambda: exact(g))
            out[op] = {"seconds": secs, "method": "exact", "all_sources_seconds": secs}
        elif sampled is None:
            out[op] = {"skipped": "its API has no betweenness or closeness from chosen sources"}
        else:
            secs, _ = once(lambda: sampled(g, sources))
            out[op] = {
                "seconds": secs,
                "method": "sampled",
                "sources": len(sources),
                "all_sources_seconds": secs * n / len(sources),
            }
        print(f"{name} {os.path.basename(path)} {op}: {out[op]}", file=sys.stderr, flush=True)
    for op in ("pagerank", "components", "articulation_points", "core_numbers"):
        secs, _ = timed(lambda: lib[op](g))
        out[op] = {"seconds": secs}
    if lib["louvain"] is None:
        out["louvain"] = {"skipped": "no Louvain method"}
    else:
        secs, info = once(lambda: lib["louvain"](g))
        out["louvain"] = {"seconds": secs, "runs": 1, **info}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
