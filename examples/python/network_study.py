"""A researcher's network study with convener: a networkx graph in, convener's measures as
a DataFrame, checked against networkx's own numbers, and the five conditions' view of it.

    python examples/python/network_study.py [karate | lesmis | florentine]

Needs networkx and pandas (pip install networkx pandas). Prints, for the chosen classic
network (Zachary's karate club by default), the partners that hold it together, the
largest differences between convener and networkx (zero up to rounding), and writes the
per-partner table to network-study.csv in the current folder.
"""

import sys

import networkx as nx

import convener

GRAPHS = {
    "karate": nx.karate_club_graph,
    "lesmis": nx.les_miserables_graph,
    "florentine": nx.florentine_families_graph,
}

which = sys.argv[1] if len(sys.argv) > 1 else "karate"
if which not in GRAPHS:
    sys.exit(f"network_study.py: no graph {which!r}; choose one of {', '.join(GRAPHS)}")
G = GRAPHS[which]()

# Each node becomes a partner, each edge a tie both ways; `ids` maps node -> partner id.
initiative, ids = convener.from_networkx(G, name=which)
table = initiative.to_pandas("network").set_index("partner")

# convener's numbers against networkx's, node by node.
reference = {
    "betweenness": nx.betweenness_centrality(G),
    "closeness": nx.closeness_centrality(G),
    "clustering": nx.clustering(G),
    "core_number": nx.core_number(G),
}
print(f"{which}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges\n")
print(f"{'measure':<12} largest difference from networkx")
worst = {}
for measure, values in reference.items():
    worst[measure] = max(abs(table.loc[ids[node], measure] - value) for node, value in values.items())
    print(f"{measure:<12} {worst[measure]:.2e}")

# Who holds the network together: the highest betweenness, and the articulation points.
print("\nHighest betweenness:")
for pid, row in table.sort_values("betweenness", ascending=False).head(5).iterrows():
    cut = " (articulation point)" if row["articulation_point"] else ""
    print(f"  {row['name']:<24} {row['betweenness']:.3f}{cut}")

# What convener adds: the loss of the most central partner, as a what-if.
hub = table["betweenness"].idxmax()
delta = initiative.what_if([hub])["delta"]
print(f"\nWithout {table.loc[hub, 'name']}: {delta['components']['before']} → {delta['components']['after']} components, "
      f"pairs cut off {delta['fragmentation']['after']:.0%}")

table.to_csv("network-study.csv")
print(f"\nWrote network-study.csv ({len(table)} partners).")
sys.exit(0 if max(worst.values()) <= 1e-9 else 1)
