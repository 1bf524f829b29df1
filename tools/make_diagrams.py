#!/usr/bin/env python
"""Golden fixture: the graph Keras's ``plot_model`` draws, for tools/cases/diagrams.py.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_diagrams.py

Keras builds its picture with ``keras.utils.model_to_dot`` (keras/src/utils/
model_visualization.py), which needs the ``pydot`` package only to hold the graph it
makes.  pydot is not installed with Keras, so this script puts a recording stand-in
under that name before Keras is imported: every ``Node``, ``Edge`` and ``Cluster`` that
Keras's own code creates is recorded as it was given (ids, labels, nesting).  Nothing
is drawn and Graphviz is not needed.

``cases``: a list with, for each case, its ``id``, its ``code`` (so the tests can build the
same model on paramscope without reading tools/) and ``drawings``, one per option set, each
with:

- ``nodes``: ``[qualified layer name, [cell texts of the label]]`` in Keras's order; a
  layer's qualified name is its name prefixed by the nested models' names
  (``backbone/conv_a``), the cell texts are the HTML label's cells without tags;
- ``edges``: ``[source, target]`` qualified names, as Keras adds them (it drops a
  repeated pair within one graph);
- ``clusters``: ``[qualified model name, its label, parent cluster or null]``;
- ``node_cluster``: the cluster each node was added to (or null).

Output: ``tests/golden/diagrams/keras3.json.gz`` (sorted keys, compact JSON, gzip
mtime 0: deterministic).
"""

import gzip
import html
import importlib.util
import json
import os
import re
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "tests", "golden", "diagrams", "keras3.json.gz")


def _recording_pydot():
    """A module named pydot that records what model_to_dot builds."""
    mod = types.ModuleType("pydot")

    class Graph:
        def __init__(self, *args, graph_name=None, **attrs):
            self.graph_name = graph_name
            self.attrs = dict(attrs)
            self.nodes, self.edges, self.subgraphs = [], [], []

        def set(self, key, value):
            self.attrs[key] = value

        def set_node_defaults(self, **attrs):
            pass

        def add_node(self, node):
            self.nodes.append(node)

        def add_edge(self, edge):
            self.edges.append(edge)

        def add_subgraph(self, graph):
            self.subgraphs.append(graph)

        def get_edge(self, src, dst):
            return [e for e in self.edges if (e.src, e.dst) == (src, dst)]

    class Dot(Graph):
        pass

    class Cluster(Graph):
        pass

    class Node:
        def __init__(self, name, label=None, **attrs):
            self.name, self.label = name, label

        def set(self, key, value):
            pass

    class Edge:
        def __init__(self, src, dst, **attrs):
            self.src, self.dst = src, dst

        def set(self, key, value):
            pass

    mod.Dot, mod.Cluster, mod.Node, mod.Edge = Dot, Cluster, Node, Edge
    mod.PydotException = Exception
    return mod


def _cells(label):
    """The texts of an HTML-like label's cells, tags removed."""
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", label)]


def _qualified_names(model):
    """id(layer) as Keras's model_to_dot names it -> the qualified layer name."""
    from keras.src.models import functional, sequential
    names = {}

    def walk(m, prefix):
        layers = m.layers if isinstance(m, sequential.Sequential) else m._operations
        for layer in layers:
            names.setdefault(str(id(layer)), prefix + layer.name)
            if isinstance(layer, (functional.Functional, sequential.Sequential)):
                walk(layer, prefix + layer.name + "/")

    names[str(id(model))] = model.name
    if hasattr(model, "_operations") or hasattr(model, "layers"):
        try:
            walk(model, "")
        except AttributeError:   # a subclassed model: one box
            pass
    return names


def record(model, options):
    from keras.utils import model_to_dot
    dot = model_to_dot(model, **options)
    names = _qualified_names(model)
    out = {"nodes": [], "edges": [], "clusters": [], "node_cluster": {}}

    def walk(graph, cluster, prefix):
        for node in graph.nodes:
            name = names[node.name]
            out["nodes"].append([name, _cells(node.label)])
            out["node_cluster"][name] = cluster
        for edge in graph.edges:
            out["edges"].append([names[edge.src], names[edge.dst]])
        for sub in graph.subgraphs:
            qualified = prefix + sub.graph_name
            out["clusters"].append([qualified, sub.attrs.get("label"), cluster])
            walk(sub, qualified, qualified + "/")

    walk(dot, None, "")
    return out


def main():
    sys.modules["pydot"] = _recording_pydot()
    import keras
    spec = importlib.util.spec_from_file_location("cases", os.path.join(HERE, "cases",
                                                                         "diagrams.py"))
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    results = []
    for case in cases.CASES:
        keras.backend.clear_session()
        env = {"keras": keras, "layers": keras.layers, "ops": keras.ops}
        with keras.StatelessScope(initialize_variables=False):
            exec(case["code"], env)  # noqa: S102 - our own case list
        model = env["model"]
        drawings = [{"options": opts, **record(model, opts)} for opts in case["options"]]
        results.append({"id": case["id"], "code": case["code"], "drawings": drawings})
        print(f"{case['id']}: {len(drawings[0]['nodes'])} boxes, "
              f"{len(drawings[0]['edges'])} edges")
    payload = {"generator": "tools/make_diagrams.py v1", "keras_version": keras.__version__,
               "cases": results}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    data = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    with open(OUT, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
            gz.write(data)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
