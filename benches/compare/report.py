"""Writes RESULTS.md from the JSON files of one `benches/compare/run`.

    python report.py RESULTS_DIR OUTPUT.md
"""

import json
import math
import os
import sys

LIBRARIES = ["convener", "igraph", "rustworkx", "networkit", "graph-tool", "networkx"]
PEERS = LIBRARIES[1:]
OPERATIONS = [
    ("build", "build the graph from the edge list in memory"),
    ("betweenness", "betweenness (normalized)"),
    ("closeness", "closeness"),
    ("pagerank", "PageRank (α = 0.85)"),
    ("components", "connected components"),
    ("articulation_points", "articulation points"),
    ("core_numbers", "core numbers"),
    ("louvain", "Louvain communities"),
]
MODELS = {"er": "Erdős–Rényi", "ba": "Barabási–Albert"}
# The speed targets: exact betweenness and closeness are compared with these three.
BC_PEERS = ["igraph", "rustworkx", "graph-tool"]


def load(results):
    runs = {}
    for name in sorted(os.listdir(results)):
        if not name.endswith(".json") or name in ("machine.json", "app.json", "wasm.json"):
            continue
        lib, model, n = name[:-5].rsplit("-", 2)
        runs[(lib, model, int(n))] = json.load(open(os.path.join(results, name)))
    def opt(name):
        path = os.path.join(results, name)
        if not os.path.exists(path):
            return None
        try:
            return json.load(open(path))
        except ValueError:
            return None
    return runs, opt("machine.json"), opt("app.json"), opt("wasm.json")


def seconds(run, op):
    """The comparable seconds of an operation (all sources, extrapolated when sampled)."""
    if run is None or "failed" in run:
        return None
    if op == "build":
        return run.get("build")
    entry = run.get(op)
    if not isinstance(entry, dict) or "skipped" in entry:
        return None
    return entry.get("all_sources_seconds", entry.get("seconds"))


def fmt_s(x):
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:,.0f} s"
    if x >= 1:
        return f"{x:.2f} s"
    if x >= 0.001:
        return f"{x * 1e3:.3g} ms"
    return f"{x * 1e6:.3g} µs"


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}"


def sizes_of(runs):
    return sorted({n for (_, _, n) in runs})


def superscript(n):
    e = int(round(math.log10(n)))
    if 10**e == n:
        return "10" + "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(d)] for d in str(e))
    return f"{n:,}"


def cell(run, op):
    s = seconds(run, op)
    if run is None:
        return "—"
    if "failed" in run:
        return "failed"
    entry = run.get(op) if op != "build" else None
    if isinstance(entry, dict) and "skipped" in entry:
        return "n/a"
    text = fmt_s(s)
    if isinstance(entry, dict) and entry.get("method") == "sampled":
        text += " †"
    return text


def fastest(runs, model, n, op, peers):
    best = None
    for lib in peers:
        s = seconds(runs.get((lib, model, n)), op)
        if s is not None and (best is None or s < best[0]):
            best = (s, lib)
    return best


def network_tables(runs, out):
    sizes = sizes_of(runs)
    for op, title in OPERATIONS:
        out.append(f"### {title}\n")
        out.append("| graph | nodes | " + " | ".join(LIBRARIES) + " | convener / fastest peer |")
        out.append("|---|---:|" + "---:|" * len(LIBRARIES) + "---|")
        for model in MODELS:
            for n in sizes:
                row = [MODELS[model], superscript(n)]
                for lib in LIBRARIES:
                    row.append(cell(runs.get((lib, model, n)), op))
                mine = seconds(runs.get(("convener", model, n)), op)
                best = fastest(runs, model, n, op, PEERS)
                ratio = f"{mine / best[0]:.2f} ({best[1]})" if mine is not None and best else "—"
                row.append(ratio)
                out.append("| " + " | ".join(row) + " |")
        out.append("")
        if op == "louvain":
            out.append("Modularity reached (each library's own modularity function; resolution 1):\n")
            out.append("| graph | nodes | " + " | ".join(LIBRARIES) + " |")
            out.append("|---|---:|" + "---:|" * len(LIBRARIES))
            for model in MODELS:
                for n in sizes:
                    row = [MODELS[model], superscript(n)]
                    for lib in LIBRARIES:
                        entry = (runs.get((lib, model, n)) or {}).get("louvain")
                        if isinstance(entry, dict) and "modularity" in entry:
                            row.append(f"{entry['modularity']:.4f} ({entry['communities']})")
                        else:
                            row.append("n/a" if isinstance(entry, dict) else "—")
                    out.append("| " + " | ".join(row) + " |")
            out.append("")


def memory_table(runs, out):
    sizes = sizes_of(runs)
    out.append("| graph | nodes | " + " | ".join(LIBRARIES) + " |")
    out.append("|---|---:|" + "---:|" * len(LIBRARIES))
    for model in MODELS:
        for n in sizes:
            row = [MODELS[model], superscript(n)]
            for lib in LIBRARIES:
                run = runs.get((lib, model, n))
                row.append(f"{run['peak_rss_kib'] / 1024:,.0f} MiB" if run and run.get("peak_rss_kib") else "—")
            out.append("| " + " | ".join(row) + " |")
    out.append("")


def target_rows(runs, app, wasm):
    """(work, target, measured, verdict) rows for the speed targets."""
    sizes = sizes_of(runs)
    rows = []

    def method(n):
        entry = (runs.get(("convener", "er", n)) or {}).get("betweenness")
        return entry.get("method") if isinstance(entry, dict) else None

    exact_n = max([n for n in sizes if method(n) == "exact"], default=None)
    big_n = max([n for n in sizes if method(n) == "sampled"], default=None)

    def versus(op, n, peers, factor, label, target):
        parts, ok = [], True
        for model in MODELS:
            mine = seconds(runs.get(("convener", model, n)), op)
            best = fastest(runs, model, n, op, peers)
            if mine is None or best is None:
                parts.append(f"{MODELS[model]}: not measured")
                ok = None if ok is not False else False
                continue
            speedup = best[0] / mine
            parts.append(f"{MODELS[model]}: {fmt_s(mine)} vs {best[1]} {fmt_s(best[0])} → {speedup:.2f}× faster"
                         if speedup >= 1 else
                         f"{MODELS[model]}: {fmt_s(mine)} vs {best[1]} {fmt_s(best[0])} → {1 / speedup:.2f}× slower")
            if speedup < factor:
                ok = False
        rows.append((label, target, "; ".join(parts), verdict(ok)))

    if exact_n:
        for op, name in (("betweenness", "exact betweenness"), ("closeness", "exact closeness")):
            versus(op, exact_n, BC_PEERS, 2.0, f"{name} at {superscript(exact_n)}",
                   "≥ 2× faster than the fastest of igraph, rustworkx, graph-tool")
    if big_n:
        versus("betweenness", big_n, BC_PEERS, 3.0, f"betweenness at {superscript(big_n)} (sampled, extrapolated)",
               "≥ 3× faster than the fastest of igraph, rustworkx, graph-tool")
        versus("closeness", big_n, BC_PEERS, 3.0, f"closeness at {superscript(big_n)} (sampled, extrapolated)",
               "≥ 3× faster than the fastest of igraph, rustworkx, graph-tool")
        for op, name in (("pagerank", "PageRank"), ("components", "components"),
                         ("articulation_points", "articulation points"), ("core_numbers", "core numbers")):
            versus(op, big_n, PEERS, 1.0, f"{name} at {superscript(big_n)}", "no slower than the fastest peer")
        parts, ok = [], True
        for model in MODELS:
            mine = seconds(runs.get(("convener", model, big_n)), "louvain")
            plm = seconds(runs.get(("networkit", model, big_n)), "louvain")
            q = (runs.get(("convener", model, big_n)) or {}).get("louvain", {}).get("modularity")
            qnx = (runs.get(("networkx", model, big_n)) or {}).get("louvain", {}).get("modularity")
            if None in (mine, plm, q):
                parts.append(f"{MODELS[model]}: not measured")
                ok = None if ok is not False else False
                continue
            if qnx is None:
                others = [(lib, (runs.get((lib, model, big_n)) or {}).get("louvain", {}).get("modularity"))
                          for lib in ("igraph", "networkit")]
                against = "(networkx not run at this size; " + ", ".join(
                    f"{lib} {v:.4f}" for lib, v in others if v is not None) + ")"
            else:
                against = f"vs networkx {qnx:.4f}"
            parts.append(f"{MODELS[model]}: {fmt_s(mine)} = {mine / plm:.2f}× PLM's {fmt_s(plm)}; "
                         f"modularity {q:.4f} {against}")
            if mine > 1.5 * plm or (qnx is not None and q < qnx):
                ok = False
            elif qnx is None and ok is not False:
                ok = None
        rows.append((f"Louvain at {superscript(big_n)}", "within 1.5× of networkit PLM, modularity ≥ networkx's",
                     "; ".join(parts), verdict(ok)))
    if app:
        a = app["analyze"]
        rows.append((f"`analyze` of the {a['partners']}-partner initiative ({a['ties']:,} ties, {a['indicators']} "
                     f"indicators, {a['measurements']:,} measurements)", "< 10 ms",
                     f"{a['seconds'] * 1e3:.2f} ms (with the report's JSON: {a['with_json_seconds'] * 1e3:.2f} ms), "
                     f"median of {a['runs']}", verdict(a["seconds"] < 0.010)))
        k = app["key_players"]["seconds"]
        d = app["what_if_delta_every_partner"]["seconds"]
        f = app["what_if_full_every_partner"]["seconds"]
        rows.append((f"what-if sweep of every partner of the {a['partners']}-partner network", "< 0.5 s",
                     f"key-player sweep (`whatif::key_players`: the loss of every partner, ranked): {fmt_s(k)}; "
                     f"one network what-if per partner (`without` + `whatif::delta`, 300 times): {fmt_s(d)}; "
                     f"one full `what_if` per partner (with the report, 300 times): {fmt_s(f)}",
                     f"key-player sweep {verdict(k < 0.5)}; what-if per partner: network {verdict(d < 0.5)}, "
                     f"full {verdict(f < 0.5)}"))
        ld = app["load"]
        rows.append((f"load a {ld['partners']:,}-partner document ({ld['ties']:,} ties, {ld['bytes'] / 1e6:.0f} MB)",
                     "< 1 s", fmt_s(ld["seconds"]), verdict(ld["seconds"] < 1.0)))
        m = app["memory"]
        rows.append((f"memory of a loaded document ({m['ties']:,} ties, {m['partners']:,} partners)",
                     "< 200 bytes per tie",
                     f"{m['held_per_tie']:.0f} bytes per tie held (all of the document, counted by the allocator); "
                     f"peak while loading {m['peak_per_tie']:.0f} bytes per tie",
                     verdict(m["held_per_tie"] < 200)))
    if wasm:
        rows.append(("wasm in Node", "≤ 2× native",
                     f"analyse + JSON: {wasm['ratio_analyze']:.2f}× native; read + analyse + JSON: "
                     f"{wasm['ratio_analyze_json']:.2f}×", verdict(wasm["ratio_analyze"] <= 2.0)))
    else:
        rows.append(("wasm in Node / Chromium", "≤ 2× native",
                     "not measured in this run (`benches/compare/run --wasm`, or "
                     "bindings/wasm/bench/wasm-vs-native.mjs)", "—"))
    return rows


def verdict(ok):
    return {True: "**met**", False: "**not met**", None: "not measured"}[ok]


def threads_table(runs, app):
    seen = {}
    for (lib, _, _), run in sorted(runs.items()):
        if "threads" in run and lib not in seen:
            seen[lib] = run["threads"]
    lines = []
    for lib in LIBRARIES:
        if lib not in seen:
            continue
        t = seen[lib]
        if lib == "convener":
            t = f"{t} (rayon) for betweenness and closeness; 1 otherwise"
        lines.append(f"- {lib}: {t}")
    return lines


def versions(runs):
    v = {}
    for (lib, _, _), run in runs.items():
        if "version" in run:
            v[lib] = run["version"]
    return v


def main(results, output):
    runs, machine, app, wasm = load(results)
    out = []
    m = machine or {}
    v = versions(runs)
    sampled = sorted({(n, e.get("sources")) for (lib, _, n), r in runs.items() for op, e in r.items()
                      if isinstance(e, dict) and e.get("method") == "sampled" and lib != "networkx"})
    nx_sampled = sorted({n for (lib, _, n), r in runs.items() if lib == "networkx"
                         for e in r.values() if isinstance(e, dict) and e.get("method") == "sampled"})
    minutes = f"{m['seconds'] / 60:.0f} min" if m.get("seconds") else "?"
    out.append("# convener against peer graph libraries\n")
    out.append(f"Made by `{m.get('command', 'benches/compare/run')}` on {m.get('started', '?')} in {minutes} "
               "(all libraries, one run, the same edge-list files). Regenerate with `benches/compare/run` "
               "(`--quick` for a short try on small graphs). The criterion benches of the core alone are "
               "`cargo bench -p convener-benches`.\n")
    out.append("## Machine\n")
    mem = m.get("memory_kib")
    out.append(f"- CPU: {m.get('cpu', '?')}, {m.get('nproc', '?')} logical CPUs (`nproc`), "
               f"{mem / 1024 / 1024:.1f} GiB memory" if mem else "- CPU: ?")
    out.append(f"- Linux {m.get('kernel', '?')}, {m.get('rustc', '?')}, Python {m.get('python', '?')} (venv), "
               "Debian's python3 for graph-tool")
    core = " plus uncommitted changes to the core in the working tree" if m.get("core_modified") else ""
    out.append(f"- convener at commit {m.get('commit', '?')}{core}")
    # Kernel threads (ksmd, khugepaged) run niced on an idle machine too: not other work.
    busy = [b.strip() for b in m.get("busy", []) if b.strip() and b.split()[-1] not in ("ksmd", "khugepaged")]
    loads = f"{' / '.join(m.get('load_start', ['?']))} at the start, {' / '.join(m.get('load_end', ['?']))} at the end " \
            "(1 / 5 / 15 min)"
    # The load average counts the benchmark's own two threads: other work shows as niced
    # processes (builds, fuzzing) at the start.
    if busy:
        out.append(f"- **A loaded machine**: other work shared the two CPUs during the run — load average {loads}"
                   f"; niced processes at the start: {', '.join(busy)}. Absolute times are slower and noisier than on an idle machine; the ratios compare "
                   "libraries run one after the other in the same conditions.")
    else:
        out.append(f"- Nothing else ran (no niced work at the start); load average {loads}, the benchmark's own "
                   "threads included.")
    if m.get("networkx_up_to"):
        out.append(f"- networkx ran on graphs of at most {int(m['networkx_up_to']):,} nodes (`--networkx-up-to`; its "
                   "Louvain alone takes some 40 minutes at 10⁵); its larger cells are —.")
    out.append("- OpenMP libraries (networkit, graph-tool) run with `OMP_WAIT_POLICY=passive`: with busy-waiting "
               "threads on a shared 2-CPU machine their parallel loops were up to 25× slower.")
    for note in m.get("notes", []):
        out.append(f"- {note}")
    if m.get("graph_tool_missing"):
        out.append(f"- graph-tool: {m['graph_tool_missing']}")
    out.append("")

    out.append("## Speed targets\n")
    out.append("| work | target | measured | verdict |")
    out.append("|---|---|---|---|")
    rows = target_rows(runs, app, wasm)
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    if any("not met" in row[-1] for row in rows):
        out.append("Why each target not met is not met, with the profile that shows where the time goes: "
                   "[PROFILES.md](PROFILES.md).\n")

    out.append("## Network operations\n")
    out.append("Seconds per operation on undirected graphs with mean degree 10, written once by "
               "`convener-compare graphs` (seeded `graphs::erdos_renyi`, and `graphs::barabasi_albert` with 5 edges "
               "per new node) and read by every library. Versions: "
               + ", ".join(f"{lib} {v[lib]}" for lib in LIBRARIES if lib in v) + ".\n")
    if sampled:
        n, k = sampled[0]
        out.append(f"† Sampled: at {superscript(n)} nodes betweenness and closeness start from the same {k} source "
                   f"nodes for every library (drawn once by the core's `sample_sources`, seed 1; networkit's "
                   f"`EstimateBetweenness` draws its own {k}), and the time shown is extrapolated to all sources "
                   f"(time × n / {k}). "
                   + (f"networkx is sampled the same way from {superscript(nx_sampled[0])} nodes (exact would take "
                      "hours). " if nx_sampled else "")
                   + "n/a: the library's API cannot do it (rustworkx has no betweenness or closeness from chosen "
                   "sources; rustworkx and graph-tool have no Louvain). —: not run.\n")
    out.append("Each library runs in its own process per graph. An operation runs once; when that took under "
               "0.2 s it is repeated for 1 s (at most 50 runs) and the median kept. Ratio < 1: convener is faster.\n")
    network_tables(runs, out)

    out.append("### Peak memory of each library's process (everything above on one graph, interpreter included)\n")
    memory_table(runs, out)

    out.append("## Threads\n")
    out.extend(threads_table(runs, app))
    out.append("")

    out.append("## What each library runs\n")
    out.append("""- build: convener `PartnerGraph::from_edges` (petgraph graphs plus three CSR arrays); networkx `Graph` +
  `add_edges_from`; igraph `Graph(n, edges)`; rustworkx `PyGraph` + `add_edges_from_no_data`; networkit
  `Graph(n)` + `addEdges` (numpy arrays); graph-tool `Graph` + `add_edge_list`. Reading the file is not timed.
- betweenness: convener `centrality::shortest_paths(csr, true)` (closeness comes with it) or
  `sampled_betweenness(csr, sources)`; networkx `betweenness_centrality` / `betweenness_centrality_subset`; igraph
  `betweenness` (`sources=`); rustworkx `betweenness_centrality`; networkit `Betweenness` / `EstimateBetweenness`;
  graph-tool `betweenness` (`pivots=`; it computes edge betweenness as well).
- closeness: convener `shortest_paths(csr, false)` or `closeness_of(csr, sources)`; networkx `closeness_centrality` (`u=` per source); igraph
  `closeness` (`vertices=`); rustworkx `closeness_centrality`; networkit `Closeness` (generalized) or one `BFS` per
  source; graph-tool `closeness` (`source=` per source).
- PageRank of the undirected graph (each edge both ways), α = 0.85, stopping when the L1 change is below
  n·10⁻¹² (networkx's rule with tol = 10⁻¹²) where the library lets one say so: convener, networkx, rustworkx
  (`tol`), networkit (L1 norm, tol = n·10⁻¹²), graph-tool (`epsilon` = n·10⁻¹²); igraph uses PRPACK, a direct
  solver. rustworkx's PageRank needs a directed graph: it is made (`to_directed`) outside the timing.
- components, articulation points, core numbers: each library's own function (networkit has no
  articulation-point function: `BiconnectedComponents`, which finds them; convener's `cut_points` finds the
  bridges too). igraph remembers that a graph is connected and then answers `connected_components` again
  without a search; its cache is cleared before each timed call, so every library searches every time.
- Louvain: convener `community::louvain` (seeded; keeps the best of 16 visiting orders up to 2,000 nodes, 4 up
  to 20,000, 1 above); networkx `louvain_communities(seed=0)`; igraph `community_multilevel`; networkit `PLM`
  (refine off, its default). One run each, timed once.
""")

    if app:
        out.append("## Application work (convener only)\n")
        out.append("From `convener-compare app`, median of repeated runs: the benchmark initiative "
                   "(`SynthOptions::design_benchmark()`), and documents from `synth::initiative` with seed 1.\n")
        out.append("```json")
        out.append(json.dumps({k: v for k, v in app.items() if k not in ("peak_rss_kib", "process_seconds")},
                              indent=2))
        out.append("```\n")

    text = "\n".join(out).rstrip() + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
