"""Scale: time and memory per layer (and per MB of name) as a model file grows.

Not a test: nothing here asserts a time.  Each case is generated, then summarised by
``paramscope summary FILE`` in a fresh process; the CPU time (user + system) and the
peak resident memory of that process, less those of the same process on a one-layer
model (start-up), are divided by the size of the model, at a small and a large size.
Linear time and memory show as per-unit ratios near 1 between the two sizes; a
quadratic step shows as a ratio near the size ratio (10).

    python bench/scale.py                        # 10,000 and 100,000 layers; 6 and 60 MB names
    SCALE_LAYERS=2000,20000 SCALE_NAME_MB=0.1,1 python bench/scale.py   # a quicker run
    SCALE_BEFORE=/other/checkout/src python bench/scale.py    # and another version, side by
                                                              # side (before/after ratios)

``SCALE_ONLY=2b,3`` runs only those cases (default all: 1,2a,2b,3,4).
``SCALE_TIMEOUT`` (default 600 s) stops a measurement that takes longer (reported as
such: a quadratic "before" at 100,000 layers would take hours).

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


def measure(path, *options, src=None, timeout=None):
    """(CPU seconds, wall seconds, peak RSS in MB) of ``paramscope summary path options``
    (with ``src`` first on ``PYTHONPATH``: another checkout), or ``None`` when it did not
    finish within ``timeout`` seconds (then it is stopped)."""
    env = dict(os.environ, COLUMNS="100")
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    start = time.perf_counter()
    process = subprocess.Popen([PY, "-m", "paramscope", "summary", path, *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if timeout is not None and time.perf_counter() - start > timeout:
            process.kill()
            os.wait4(process.pid, 0)
            process.stderr.close()
            return None
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {path} {options}: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def _write(make, size, directory, name):
    """Write ``make(size)`` as JSON, made in a forked child: Linux keeps a process's peak
    resident memory across fork and exec (``ru_maxrss``), so a measured process would start
    from this one's peak if this one had held a 100,000-layer config."""
    path = os.path.join(directory, name)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            with open(path, "w") as f:
                json.dump(make(size), f)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise SystemExit(f"could not write {path}")
    return path


class Versions:
    """The checkouts measured: this one (``after``), and ``SCALE_BEFORE`` (a ``src``
    directory) when set.  Each has a baseline: the same process on a one-layer model,
    taken off every measurement so that per-unit costs are the model's own."""

    def __init__(self, directory, timeout):
        before = os.environ.get("SCALE_BEFORE")
        self.srcs = {"after": None, **({"before": before} if before else {})}
        self.timeout = timeout
        tiny = _write(sequential_config, 1, directory, "tiny.json")
        self.baseline = {}
        for label, src in self.srcs.items():
            runs = [measure(tiny, src=src) for _ in range(3)]
            self.baseline[label] = (min(r[0] for r in runs), min(r[2] for r in runs))
            print(f"  baseline ({label}): one-layer model, cpu {self.baseline[label][0]:.2f} s, "
                  f"peak {self.baseline[label][1]:.1f} MB")


def _per_unit(row, base, size):
    cpu, _, rss = row
    return (cpu - base[0]) / size, (rss - base[1]) / size


def compare(label, unit, sizes, make, options_list, directory, versions):
    print(label)
    single = unit[:-1] if unit.endswith("s") else unit
    for options in options_list:
        rows = {}
        for size in sizes:
            path = _write(make, size, directory, f"case{size}.json")
            for version, src in versions.srcs.items():
                row = measure(path, *options, src=src, timeout=versions.timeout)
                rows[version, size] = row
                name = f"{' '.join(options) or 'text'} ({version})"
                if row is None:
                    print(f"  {name:<30} {size:>7,g} {unit:<6} did not finish within "
                          f"{versions.timeout:g} s (stopped)")
                    continue
                cpu, _, rss = row
                t, m = _per_unit(row, versions.baseline[version], size)
                print(f"  {name:<30} {size:>7,g} {unit:<6} cpu {cpu:7.2f} s  peak {rss:7.1f} MB"
                      f"  | {t * 1e6:8.1f} us/{single} {m * 1024:7.2f} KB/{single}")
        _ratios(rows, sizes, versions, unit)


def _ratios(rows, sizes, versions, unit):
    small, large = sizes[0], sizes[-1]
    for version in versions.srcs:
        a, b = rows.get((version, small)), rows.get((version, large))
        if a is None or b is None:
            continue
        (ta, ma), (tb, mb) = (_per_unit(r, versions.baseline[version], s)
                              for r, s in ((a, small), (b, large)))
        print(f"  {'':<4} {version}: per-{unit.rstrip('s')} cost at {large / small:g}x the size: "
              f"time {tb / ta:.2f}x, memory {mb / ma:.2f}x  (1 = linear)")
    if "before" in versions.srcs:
        for size in sizes:
            a, b = rows.get(("before", size)), rows.get(("after", size))
            if b is None:
                continue
            if a is None:
                print(f"  {'':<4} at {size:,g}: after {b[0]:.2f} s; before did not finish "
                      f"within {versions.timeout:g} s (> {versions.timeout / b[0]:.0f}x)")
            else:
                print(f"  {'':<4} at {size:,g}: before/after time {a[0] / b[0]:.2f}x, "
                      f"peak memory {a[2] / b[2]:.2f}x")


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
    timeout = float(os.environ.get("SCALE_TIMEOUT", 600))
    only = os.environ.get("SCALE_ONLY", "1,2a,2b,3,4").split(",")
    print(f"paramscope scale benchmark (python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as directory:
        versions = Versions(directory, timeout)
        cases = {
            "1": ("1. Sequential config of N Dense layers", "layers", layers, sequential_config,
                  [[], ["--format", "json"]]),
            "2a": ("2a. Functional chain, layers in call order", "layers", layers,
                   functional_config, [[]]),
            "2b": ("2b. Functional chain, layers in reverse call order", "layers", layers,
                   lambda n: functional_config(n, reverse=True), [[]]),
            "3": ("3. One layer name of M MB", "MB", names, long_name_config,
                  [["--style", "keras3"], ["--style", "keras2"], ["--style", "keras2-classic"],
                   ["--format", "json"]])}
        for key, case in cases.items():
            if key in only:
                compare(*case, directory, versions)
    if "4" in only:
        bounded_reader_cost()


if __name__ == "__main__":
    main()
