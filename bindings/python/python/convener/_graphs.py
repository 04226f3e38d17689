"""Graphs researchers already have — an edge table, pairs, a networkx graph — as an
initiative. Python only lists the nodes and edges; the core makes the partners, their ids
and the ties (``convener.formats.graph``), so every layer imports a graph the same way."""

from __future__ import annotations

import json
from typing import Any, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple

from . import Initiative, Options, _call, _native, _options

#: The columns an edge table may give, beyond its two ends.
ATTRIBUTES = ("level", "trust", "value")


def _import(nodes: Sequence[Hashable], labels: List[str], edges: List[dict], directed: bool,
            name: Optional[str], options: Options) -> Tuple[Initiative, Dict[Hashable, str]]:
    graph = {"directed": directed, "nodes": labels, "edges": edges}
    if name is not None:
        graph["name"] = name
    native, ids = _call(_native.Initiative.from_graph, json.dumps(graph, ensure_ascii=False), _options(options))
    return Initiative._wrap(native), dict(zip(nodes, ids))


def _number(v: Any) -> Any:
    """A rating as JSON takes it: numbers as floats, missing (None, NaN) as absent."""
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return v  # the core says what is wrong with it
    return None if f != f else f


def _edge(index: Dict[Hashable, int], a: Hashable, b: Hashable, attrs: Dict[str, Any]) -> dict:
    edge: Dict[str, Any] = {"from": index[a], "to": index[b]}
    level = attrs.get("level")
    if level is not None and level == level:  # not NaN
        edge["level"] = str(level)
    for key in ("trust", "value"):
        v = _number(attrs.get(key))
        if v is not None:
            edge[key] = v
    return edge


def _rows(edges: Any, source: str, target: str) -> Iterable[Tuple[Any, Any, Dict[str, Any]]]:
    """(from, to, attributes) for each edge of a DataFrame or of pairs and triples."""
    columns = getattr(edges, "columns", None)
    if columns is not None:  # a pandas DataFrame
        names = [str(c) for c in columns]
        for s, t in ((source, target), ("from", "to"), ("source", "target")):
            if s in names and t in names:
                break
        else:
            raise ValueError(f"an edge table needs the columns {source!r} and {target!r} (or from/to, source/target); it has {names}")
        attrs = [c for c in ATTRIBUTES if c in names]
        for row in edges.itertuples(index=False):
            values = dict(zip(names, row))
            yield values[s], values[t], {c: values[c] for c in attrs}
        return
    for k, e in enumerate(edges):
        if isinstance(e, (str, bytes)) or len(e) not in (2, 3):
            raise ValueError(f"edge {k} is not a pair (a, b), nor a triple (a, b, level) or (a, b, attributes)")
        attrs = e[2] if len(e) == 3 else {}
        yield e[0], e[1], attrs if isinstance(attrs, dict) else {"level": attrs}


def from_edges(edges: Any, *, directed: bool = False, name: Optional[str] = None,
               source: str = "from", target: str = "to",
               options: Options = None) -> Tuple[Initiative, Dict[Hashable, str]]:
    """An initiative from an edge table: a ``pandas.DataFrame`` with columns ``from`` and
    ``to`` (or ``source`` and ``target``, or the names given) and, optionally, ``level``
    (a Tamarack level, default ``collaborate``), ``trust`` and ``value`` (PARTNER's 1–4
    scale, standing for all three items of each); or an iterable of pairs ``(a, b)``,
    triples ``(a, b, level)`` or ``(a, b, {"level": ..., "trust": ..., "value": ...})``.

    Each node becomes a partner named by its label (``str(node)``), in order of first
    appearance, with an id made valid and unique from it; each edge a tie, both ways
    unless ``directed``. Gives ``(initiative, ids)``, ``ids`` mapping each node to its id.
    A self-loop, a pair given twice, an unknown level or a rating outside 1–4 raises
    :class:`ConvenerError` (``document.invalid``) listing every one."""
    index: Dict[Hashable, int] = {}
    nodes: List[Hashable] = []
    listed = []
    for a, b, attrs in _rows(edges, source, target):
        for v in (a, b):
            if v not in index:
                index[v] = len(nodes)
                nodes.append(v)
        listed.append(_edge(index, a, b, attrs))
    return _import(nodes, [str(v) for v in nodes], listed, directed, name, options)


def _label(node: Hashable, data: Dict[str, Any]) -> str:
    for key in ("name", "label"):
        if isinstance(data.get(key), str) and data[key].strip():
            return data[key]
    return str(node)


def from_networkx(graph: Any, *, name: Optional[str] = None,
                  options: Options = None) -> Tuple[Initiative, Dict[Hashable, str]]:
    """An initiative from a networkx graph: a partner per node, named by its ``name`` or
    ``label`` attribute or else ``str(node)``, with an id made valid and unique from that
    (the mapping is returned); a tie per edge, both ways when the graph is undirected,
    with the edge's ``level``, ``trust`` and ``value`` attributes when it has them.
    Gives ``(initiative, ids)``. A multigraph's parallel edges and self-loops raise
    :class:`ConvenerError` listing every one (remove them first)."""
    nodes = list(graph.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    labels = [_label(v, graph.nodes[v]) for v in nodes]
    edges = [_edge(index, a, b, data) for a, b, data in graph.edges(data=True)]
    title = name if name is not None else (graph.graph.get("name") or None)
    return _import(nodes, labels, edges, graph.is_directed(), title, options)
