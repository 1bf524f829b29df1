"""Benchmark of ``paramscope profile`` (issue 11): ResNet50's config profiled in-process
against summarised in-process (target: within 1.3x), and end to end from the command line
against ``paramscope summary`` (target: within the summary's start-up ratio)."""

import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))


def _best(fn, n):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_profile(config, n, timed_runs, report, verdict, python):
    import paramscope
    from paramscope import load
    from paramscope.summary import summarize
    text = json.dumps(config)
    summary = _best(lambda: summarize(load(text)), max(5, n))
    profile = _best(lambda: paramscope.profile(load(text), batch_size=32), max(5, n))
    report("in-process load + summarise ResNet50 (min)", summary)
    report("in-process load + profile ResNet50, batch 32, adam (min)", profile)
    ratio = profile / summary
    print(f"  ratio profile/summary: {ratio:.2f}  (target within 1.3x: {verdict(ratio <= 1.3)})")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        ours = timed_runs([python, "-m", "paramscope", "profile", path, "--batch-size", "32"], n)
        base = timed_runs([python, "-m", "paramscope", "summary", path], n)
    finally:
        os.unlink(path)
    report("paramscope profile ResNet50 config, end to end (min)", ours[0])
    report("paramscope summary ResNet50 config, end to end (min)", base[0])
    print(f"  ratio: {ours[0] / base[0]:.2f}  (target within 1.3x: "
          f"{verdict(ours[0] / base[0] <= 1.3)})")
