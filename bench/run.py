"""paramscope benchmarks: ratios against baselines measured in the same run.

Not a test: these machines are noisy, so nothing here asserts a time.  Every
number is reported next to a baseline taken in the same session, and the
targets are printed as met / not met.

    python bench/run.py                     # paramscope only
    BENCH_KERAS_PYTHON=/path/to/venv/bin/python python bench/run.py
                                            # + the same summaries by real Keras

Measures:
1. `paramscope summary <seed script>` end to end vs `python -c pass` (target: within 3x)
   and vs real Keras running the same script (target: at least 30x faster).
2. In-process summary of a 10,000-layer Sequential model (target: under 0.5 s), next to
   the time of a plain-Python baseline doing comparable bookkeeping.
3. Memory: peak allocation summarising a small model vs the same architecture with a
   million times more parameters (target: ratio about 1: memory independent of counts).
4. Model configs (ResNet50, NASNetLarge) when their golden configs are present: paramscope
   vs Keras loading the same config and printing its summary.
5. Diagrams (bench/layout.py): edge crossings and drawing size of the keras.applications
   models against Keras's order in one column, and the time to draw NASNetLarge.
6. The page in the browser (bench/web.py): first load (also throttled to 50 Mbit/s and 20 ms,
   the files gzip-compressed as a static host sends them) and re-run times in headless
   Chromium, when the page is built (make web) and Chromium and Playwright are there.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.path.join(ROOT, "examples", "seed003_cnn.py")
PY = sys.executable


def _env(env=None):
    """Like an installed package: let Python write and reuse bytecode (.pyc)."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_runs(cmd, n, env=None):
    env = _env(env)
    subprocess.run(cmd, capture_output=True, env=env)  # warm-up: bytecode and disk caches
    times = []
    for _ in range(n):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"benchmark command failed: {cmd}\n{proc.stderr.decode()[-2000:]}")
    return min(times), statistics.median(times)


def report(label, value, unit="s"):
    print(f"  {label:<58} {value:10.4f} {unit}")


def verdict(ok):
    return "met" if ok else "NOT met"


def bench_startup(n):
    print("1. End to end: `paramscope summary` on a seed script")
    bare = timed_runs([PY, "-c", "pass"], n)
    ours = timed_runs([PY, "-m", "paramscope", "summary", SEED], n)
    report("python -c pass (min)", bare[0])
    report("paramscope summary seed003_cnn.py (min)", ours[0])
    ratio = ours[0] / bare[0]
    print(f"  ratio to bare interpreter start-up: {ratio:.2f}x  (target <= 3x: {verdict(ratio <= 3)})")
    keras_py = os.environ.get("BENCH_KERAS_PYTHON")
    if keras_py:
        env = dict(os.environ, KERAS_BACKEND=os.environ.get("KERAS_BACKEND", "jax"),
                   TF_CPP_MIN_LOG_LEVEL="3")
        theirs = timed_runs([keras_py, SEED], max(3, n // 3), env=env)
        report("real Keras running the same script (min)", theirs[0])
        speedup = theirs[0] / ours[0]
        print(f"  paramscope speed-up over Keras: {speedup:.1f}x  (target >= 30x: {verdict(speedup >= 30)})")
    else:
        print("  (set BENCH_KERAS_PYTHON to a Python with keras installed to compare with Keras)")


def bench_deep_model():
    print("2. In-process: summary of a 10,000-layer Sequential model")
    from paramscope import backend_config, naming
    from paramscope.keras import Input, Sequential, layers
    from paramscope.report import keras3
    from paramscope.summary import summarize
    naming.clear_session()
    backend_config.reset()
    # The baseline first, on a small heap (after the model, the collector would time
    # its rescans of the model's objects, not the baseline).
    start_b = time.perf_counter()
    rows = [{"name": f"dense_{i}", "shape": (None, 16), "weights": [(16, 16), (16,)]}
            for i in range(10_000)]
    sum(16 * 16 + 16 for _ in rows)
    baseline = time.perf_counter() - start_b
    start = time.perf_counter()
    model = Sequential([Input((16,))] + [layers.Dense(16) for _ in range(10_000)])
    built = time.perf_counter()
    summary = summarize(model)
    keras3.render(summary, columns=200, console_width=200)
    done = time.perf_counter()
    assert summary.total_params == 10_000 * (16 * 16 + 16)
    report("build the model (10,000 Dense layers, the script's part)", built - start)
    report("summarise + render the Keras 3 table", done - built)
    report("total", done - start)
    report("baseline: 10,000 plain dict rows", baseline)
    print(f"  summary ratio to baseline: {(done - built) / baseline:.0f}x; target < 0.5 s: "
          f"summary {verdict(done - built < 0.5)}, build + summary {verdict(done - start < 0.5)}")


def _peak(units, inputs):
    from paramscope import backend_config, naming
    from paramscope.keras import Input, Sequential, layers
    from paramscope.summary import summarize
    naming.clear_session()
    backend_config.reset()
    tracemalloc.start()
    model = Sequential([Input((inputs,)), layers.Dense(units), layers.Dense(units)])
    summary = summarize(model)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, summary.total_params


def bench_memory():
    print("3. Memory: independent of the parameter count")
    small, small_params = _peak(10, 10)
    large, large_params = _peak(10_000_000, 1_000_000)
    report(f"peak bytes, {small_params:,} parameters", small, "B")
    report(f"peak bytes, {large_params:,} parameters", large, "B")
    ratio = large / small
    print(f"  ratio: {ratio:.2f}  (target about 1: {verdict(ratio < 1.5)})")


def _application_config(family, variant):
    path = os.path.join(ROOT, "tests", "golden", "applications", "keras3", f"{family}.json.gz")
    if not os.path.exists(path):
        return None
    with gzip.open(path, "rt") as f:
        variants = {v["id"]: v for v in json.load(f)["variants"]}
    return variants.get(variant, {}).get("config")


def bench_configs(n):
    print("4. Model configs: paramscope vs Keras loading the same config")
    keras_py = os.environ.get("BENCH_KERAS_PYTHON")
    from paramscope import load
    from paramscope.summary import summarize
    for family, variant in (("resnet", "ResNet50/top"), ("nasnet", "NASNetLarge/top")):
        config = _application_config(family, variant)
        if config is None:
            print(f"  (no {variant} config in tests/golden/applications)")
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(config, f)
            config_path = f.name
        ours = timed_runs([PY, "-m", "paramscope", "summary", config_path], n)
        report(f"paramscope summary {variant} config, end to end (min)", ours[0])
        text = json.dumps(config)
        times = []
        for _ in range(max(5, n)):
            start = time.perf_counter()
            summarize(load(text))
            times.append(time.perf_counter() - start)
        report(f"in-process load + summarise {variant} (min)", min(times))
        if variant.startswith("ResNet50"):
            print(f"  target < 20 ms in-process: {verdict(min(times) < 0.020)}")
        if keras_py:
            script = ("import keras, sys\n"
                      f"m = keras.models.model_from_json(open({config_path!r}).read())\n"
                      "m.summary()\n")
            env = dict(os.environ, KERAS_BACKEND=os.environ.get("KERAS_BACKEND", "jax"))
            theirs = timed_runs([keras_py, "-c", script], 3, env=env)
            report(f"Keras model_from_json + summary {variant} (min)", theirs[0])
            print(f"  paramscope speed-up: {theirs[0] / ours[0]:.1f}x")
        os.unlink(config_path)


def bench_costs(n):
    print("4b. paramscope profile (issue 11): ResNet50's config, profile vs summary")
    config = _application_config("resnet", "ResNet50/top")
    if config is None:
        print("  (no ResNet50 config in tests/golden/applications)")
        return
    sys.path.insert(0, HERE)
    from costs import bench_profile
    bench_profile(config, n, timed_runs, report, verdict, PY)


def bench_diagrams():
    print("5. Diagrams (bench/layout.py): layout quality against one column, NASNetLarge's time")
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_layout", os.path.join(HERE, "layout.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["layout.py"])


def main():
    n = int(os.environ.get("BENCH_REPEAT", "10"))
    print(f"paramscope benchmarks (python {sys.version.split()[0]}, {n} runs each, min shown)")
    bench_startup(n)
    bench_deep_model()
    bench_memory()
    bench_configs(n)
    bench_costs(n)
    bench_diagrams()
    sys.path.insert(0, HERE)
    from web import bench_web
    bench_web()


if __name__ == "__main__":
    main()
