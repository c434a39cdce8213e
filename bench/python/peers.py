"""Peers: load the same graphology JSON file and time shortest paths on the same pairs with networkx and igraph.

Usage: peers.py GRAPH.json PAIRS.json  -> prints one JSON object (load and per-pair timings, path lengths).
Directed paths, like graphology's bidirectional search, so hop counts can be compared.
"""
import json
import math
import sys
import time


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def summarize(times):
    return {"count": len(times), "p50": percentile(times, 0.5), "p99": percentile(times, 0.99)}


def main():
    graph_file, pairs_file = sys.argv[1], sys.argv[2]
    budget = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
    pairs = json.load(open(pairs_file))
    out = {}
    t0 = time.perf_counter()
    data = json.load(open(graph_file))
    out["parseMs"] = (time.perf_counter() - t0) * 1000
    keys = [n["key"] for n in data["nodes"]]
    index = {k: i for i, k in enumerate(keys)}
    edges = [(index[e["source"]], index[e["target"]]) for e in data["edges"]]
    del data
    try:
        import networkx as nx

        out["networkxVersion"] = nx.__version__
        t0 = time.perf_counter()
        g = nx.MultiDiGraph()
        g.add_nodes_from(range(len(keys)))
        g.add_edges_from(edges)
        out["networkxBuildMs"] = (time.perf_counter() - t0) * 1000
        times, lengths = [], []
        deadline = time.perf_counter() + budget
        for a, b in pairs:
            if time.perf_counter() > deadline:
                break
            t = time.perf_counter()
            try:
                path = nx.bidirectional_shortest_path(g, index[a], index[b])
                lengths.append(len(path) - 1)
            except nx.NetworkXNoPath:
                lengths.append(None)
            times.append((time.perf_counter() - t) * 1000)
        out["networkx"] = summarize(times)
        out["networkxLengths"] = lengths
        del g
    except ImportError as error:
        out["networkxError"] = str(error)
    try:
        import igraph

        out["igraphVersion"] = igraph.__version__
        t0 = time.perf_counter()
        g = igraph.Graph(n=len(keys), edges=edges, directed=True)
        out["igraphBuildMs"] = (time.perf_counter() - t0) * 1000
        times, lengths = [], []
        deadline = time.perf_counter() + budget
        for a, b in pairs:
            if time.perf_counter() > deadline:
                break
            t = time.perf_counter()
            path = g.get_shortest_paths(index[a], to=index[b], mode="out", output="vpath")[0]
            times.append((time.perf_counter() - t) * 1000)
            lengths.append(len(path) - 1 if path else None)
        out["igraph"] = summarize(times)
        out["igraphLengths"] = lengths
    except ImportError as error:
        out["igraphError"] = str(error)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
