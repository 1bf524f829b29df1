"""Scale: time and memory per layer (and per MB of name) as a model file grows.

Not a test: nothing here asserts a time.  Each case is generated, then summarised by
``paramscope summary FILE`` in a fresh process; the CPU time (user + system) and the
peak resident memory of that process are divided by the size of the model, at a small
and a large size.  Linear time and memory show as per-unit ratios near 1 between the
two sizes; a quadratic step shows as a ratio near the size ratio (10).

    python bench/scale.py                        # 10,000 and 100,000 layers; 6 and 60 MB names
    SCALE_LAYERS=2000,20000 SCALE_NAME_MB=0.1,1 python bench/scale.py   # a quicker run
    PYTHONPATH=/other/checkout/src python bench/scale.py                  # another version

Cases:
1. A Sequential config of N Dense layers (text table and --format json).
2. A Functional chain of N Dense layers, in call order and in reverse call order (the
   rebuild's readiness check used to be quadratic there).
3. A layer name of M megabytes, in each style (rich's word splitting and tf.keras's row
   wrapping used to be quadratic or character by character there).
4. The bounded HDF5 reader: the cost of its child process on a normal .h5 file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = sys.executable


def _tensor(ref):
    return {"class_name": "__keras_tensor__",
            "config": {"shape": [None, 8], "dtype": "float32", "keras_history": [ref, 0, 0]}}


def sequential_config(n):
    layers = [{"class_name": "InputLayer", "config": {"batch_shape": [None, 8], "name": "x"}}]
    layers += [{"class_name": "Dense", "config": {"name": f"d{i}", "units": 8}} for i in range(n)]
    return {"class_name": "Sequential", "config": {"name": "big", "layers": layers}}


def functional_config(n, reverse=False):
    layers = [{"class_name": "Dense", "name": f"d{i}", "config": {"name": f"d{i}", "units": 8},
               "inbound_nodes": [{"args": [_tensor(f"d{i - 1}" if i else "x")], "kwargs": {}}]}
              for i in range(n)]
    if reverse:
        layers.reverse()
    layers.insert(0, {"class_name": "InputLayer", "name": "x", "inbound_nodes": [],
                      "config": {"batch_shape": [None, 8], "name": "x"}})
    return {"class_name": "Functional", "config": {
        "name": "big", "layers": layers, "input_layers": [["x", 0, 0]],
        "output_layers": [[f"d{n - 1}", 0, 0]]}}


def long_name_config(megabytes):
    return {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "name": "x"}},
        {"class_name": "Dense", "config": {"name": "n" * int(megabytes * 1024 * 1024),
                                           "units": 2}}]}}


def measure(path, *options):
    """(CPU seconds, wall seconds, peak RSS in MB) of ``paramscope summary path options``."""
    start = time.perf_counter()
    process = subprocess.Popen([PY, "-m", "paramscope", "summary", path, *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=dict(os.environ, COLUMNS="100"))
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {path} {options}: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def _write(config, directory, name):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        json.dump(config, f)
    return path


def compare(label, unit, sizes, make, options_list, directory):
    print(label)
    for options in options_list:
        rows = []
        for size in sizes:
            path = _write(make(size), directory, f"case{size}.json")
            cpu, wall, rss = measure(path, *options)
            rows.append((size, cpu, wall, rss))
            print(f"  {' '.join(options) or 'text':<26} {size:>9,g} {unit:<7} cpu {cpu:7.2f} s "
                  f"(wall {wall:6.2f} s)  peak {rss:7.1f} MB  "
                  f"{cpu / size * 1e6:8.1f} us/{unit[:-1] if unit.endswith('s') else unit}  "
                  f"{rss / size * 1024:7.2f} KB/{unit[:-1] if unit.endswith('s') else unit}")
        (s0, c0, _, m0), (s1, c1, _, m1) = rows[0], rows[-1]
        print(f"  {'':<26} per-unit ratio {s1 / s0:g}x larger: time {c1 / s1 / (c0 / s0):.2f}, "
              f"memory {m1 / s1 / (m0 / s0):.2f}  (1 = linear)")


def bounded_reader_cost():
    print("4. The bounded HDF5 reader (a child process per .h5 read)")
    try:
        from paramscope.formats import bounded
    except ImportError:
        print("  (this paramscope has no bounded reader)")
        return
    times = []
    for _ in range(20):
        start = time.perf_counter()
        bounded.run_bounded(lambda send: send({"ok": 1}))
        times.append(time.perf_counter() - start)
    print(f"  fork + limits + one message + wait (min of 20): {min(times) * 1000:.1f} ms")
    path = os.path.join(ROOT, "tests", "golden", "files", "keras3", "sequential.h5")
    walls = [measure(path)[1] for _ in range(5)]
    print(f"  paramscope summary sequential.h5, end to end (min of 5): {min(walls) * 1000:.0f} ms")


def main():
    layers = [int(x) for x in os.environ.get("SCALE_LAYERS", "10000,100000").split(",")]
    names = [float(x) for x in os.environ.get("SCALE_NAME_MB", "6,60").split(",")]
    print(f"paramscope scale benchmark (python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as directory:
        compare("1. Sequential config of N Dense layers", "layers", layers, sequential_config,
                [[], ["--format", "json"]], directory)
        compare("2a. Functional chain, layers in call order", "layers", layers,
                functional_config, [[]], directory)
        compare("2b. Functional chain, layers in reverse call order", "layers", layers,
                lambda n: functional_config(n, reverse=True), [[]], directory)
        compare("3. One layer name of M MB", "MB", names, long_name_config,
                [["--style", "keras3"], ["--style", "keras2"], ["--style", "keras2-classic"],
                 ["--format", "json"]], directory)
    bounded_reader_cost()


if __name__ == "__main__":
    main()
