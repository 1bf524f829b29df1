"""Diagram layout quality and speed: ``python bench/layout.py`` (also part of bench/run.py).

For every keras.applications architecture (built by paramscope, ``weights=None``): the
edge crossings and the drawing's size (pixels, boxes as ``paramscope plot`` draws them)
of paramscope's layered layout, next to a baseline that puts the layers in Keras's order in
one column (one layer per rank, long edges routed beside it through the same dummy nodes and
the same coordinate assignment, no crossing minimisation).  Then the time to draw
NASNetLarge (1,041 layers): in-process (diagram, layout and SVG) and end to end from the
command line on its config.  Nothing is asserted: these are numbers to read.

    python bench/layout.py [MODEL ...]      # default: every architecture
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "src"))

MODELS = ("VGG16", "VGG19", "ResNet50", "ResNet101", "ResNet152", "ResNet50V2", "ResNet101V2",
          "ResNet152V2", "Xception", "InceptionV3", "InceptionResNetV2", "MobileNet",
          "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large", "DenseNet121", "DenseNet169",
          "DenseNet201", "NASNetMobile", "NASNetLarge", "EfficientNetB0", "EfficientNetB7",
          "EfficientNetV2B0", "EfficientNetV2L", "ConvNeXtTiny", "ConvNeXtXLarge")


def build(name):
    import paramscope.keras as keras
    from paramscope import backend_config, naming
    naming.clear_session()
    backend_config.reset()
    return getattr(keras.applications, name)(weights=None)


def diagram_of(model):
    from paramscope.diagram import Options, model_diagram
    from paramscope.diagram import svg
    diagram = model_diagram(model, Options())
    svg.measure(diagram)
    return diagram


def ours(diagram):
    from paramscope.diagram.layout import layout
    start = time.perf_counter()
    result = layout(diagram)
    return result.crossings, result.width, result.height, time.perf_counter() - start


def one_column(diagram):
    """Keras's order, one layer per rank; the same dummies and coordinates, no reordering."""
    from paramscope.diagram.layout import Spacing
    from paramscope.diagram.order import Layered, count_crossings
    from paramscope.diagram.position import assign_x
    sp = Spacing()
    index = {node.id: i for i, node in enumerate(diagram.nodes)}
    pairs = [tuple(sorted((index[e.src], index[e.dst]))) for e in diagram.edges
             if e.src != e.dst]
    n = len(diagram.nodes)
    g = Layered(n, [node.width for node in diagram.nodes], list(range(n)), pairs)
    layers = [[] for _ in range(n)]
    for v in range(len(g.rank)):          # the layer first, then the edges passing by
        layers[g.rank[v]].append(v)
    g.set_layers(layers)
    crossings = count_crossings(g)
    xs = assign_x(g, sp.node_sep, sp.edge_sep)
    width = max(xs[v] + g.width[v] / 2 for v in range(len(xs)))
    height = sum(node.height for node in diagram.nodes) + (n - 1) * sp.rank_sep
    return crossings, width, height


def quality(names):
    print("Diagram layout: paramscope's layered layout vs Keras's order in one column")
    print(f"  {'model':<18} {'boxes':>5} {'edges':>5} | {'crossings':>9} {'(column)':>9} | "
          f"{'width x height, px':>20} {'(column)':>20} | {'area':>5} {'layout s':>8}")
    totals = [0, 0]
    for name in names:
        diagram = diagram_of(build(name))
        c, w, h, seconds = ours(diagram)
        bc, bw, bh = one_column(diagram)
        totals[0] += c
        totals[1] += bc
        print(f"  {name:<18} {len(diagram.nodes):>5} {len(diagram.edges):>5} | {c:>9} {bc:>9} | "
              f"{f'{w:,.0f} x {h:,.0f}':>20} {f'{bw:,.0f} x {bh:,.0f}':>20} | "
              f"{w * h / (bw * bh):>5.2f} {seconds:>8.3f}")
    print(f"  crossings, all models: {totals[0]:,} (one column: {totals[1]:,})")


def _nasnet_large_config():
    path = os.path.join(ROOT, "tests", "golden", "applications", "keras3", "nasnet.json.gz")
    with gzip.open(path, "rt") as f:
        variants = {v["id"]: v for v in json.load(f)["variants"]}
    return variants["NASNetLarge/top"]["config"]


def speed(repeat=3):
    print("Time to draw NASNetLarge (min of %d)" % repeat)
    from paramscope.diagram import Options
    from paramscope.diagram.plot import render_model
    model = build("NASNetLarge")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        svg = render_model(model, "svg", "TB", Options(show_shapes=True, show_params=True))
        times.append(time.perf_counter() - start)
    print(f"  in-process, diagram + layout + SVG ({len(svg) / 1e6:.1f} MB of SVG, shapes and "
          f"params shown): {min(times):.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "nasnet_large.json")
        with open(config, "w") as f:
            json.dump(_nasnet_large_config(), f)
        out = os.path.join(tmp, "nasnet_large.svg")
        cmd = [sys.executable, "-m", "paramscope", "plot", config, "-o", out]
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
            if proc.returncode:
                raise SystemExit(proc.stderr.decode()[-2000:])
        print(f"  end to end, `paramscope plot` of its config: {min(times):.2f} s")


def main(argv):
    names = argv[1:] or MODELS
    quality(names)
    speed()


if __name__ == "__main__":
    main(sys.argv)
