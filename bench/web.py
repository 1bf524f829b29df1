"""The page in the browser (web/, issue 13): first load and re-run times in headless Chromium.

    python bench/web.py            # or as section 5 of bench/run.py (make bench)

Needs the built page (make web), Debian's chromium and Playwright (the test extra); without
them it says what is missing. Measured in the page itself (performance.now()):

- first load: from navigation to Python ready (Pyodide started, paramscope imported), with an
  empty browser cache, from a local static server: unthrottled, and throttled to a "normal
  connection" (50 Mbit/s down, 20 ms round trip; the files uncompressed, as http.server sends
  them: a host that compresses sends the gzip size shown). Target: under 5 s.
- re-run: Run pressed again on each seed model (the worker round trip: the script run on
  paramscope, the summary, every style rendered); the median of BENCH_WEB_REPEAT runs
  (default 5). Target: under 300 ms.
"""

from __future__ import annotations

import gzip
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "browser"))

import page_harness as harness  # noqa: E402  (tests/browser/page_harness.py: the server and the browser launch)

#: A "normal connection" for the throttled first load.
DOWNLOAD_MBIT, UPLOAD_MBIT, LATENCY_MS = 50, 10, 20


def site_bytes():
    raw = packed = 0
    for folder, _, names in os.walk(harness.DIST):
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            raw += len(data)
            packed += len(gzip.compress(data, compresslevel=6))
    return raw, packed


def first_load(browser, url, throttle=False):
    context = browser.new_context()
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": LATENCY_MS,
            "downloadThroughput": DOWNLOAD_MBIT * 1e6 / 8, "uploadThroughput": UPLOAD_MBIT * 1e6 / 8})
    page.goto(url)
    harness.wait_until_ready(page)
    load = harness.first_load(page)
    return context, page, load


def rerun_times(page, example_ids, repeat):
    times = {}
    for example_id in example_ids:
        harness.run_and_wait(page, lambda: page.select_option("#examples", example_id))
        runs = [harness.run_and_wait(page, lambda: page.click("#run")) for _ in range(repeat)]
        times[example_id] = (statistics.median(r["ms"] for r in runs),
                             statistics.median(r["python_ms"] for r in runs))
    return times


def bench_web():
    print("5. The page in the browser (web/): first load and re-run, headless Chromium")
    reason = harness.unavailable_reason()
    if reason is not None:
        print(f"  (skipped: {reason})")
        return
    from playwright.sync_api import sync_playwright
    repeat = int(os.environ.get("BENCH_WEB_REPEAT", "5"))
    raw, packed = site_bytes()
    print(f"  site: {raw / 1e6:.1f} MB as files, {packed / 1e6:.1f} MB gzip-compressed")
    with harness.StaticServer() as server, sync_playwright() as playwright:
        browser = harness.launch(playwright)
        loads = []
        for _ in range(2):
            context, page, load = first_load(browser, server.url)
            loads.append(load)
            context.close()
        best = min(loads, key=lambda l: l["ready_ms"])
        print(f"  {'first load, local server (best of 2)':<58} {best['ready_ms'] / 1000:10.2f} s")
        print(f"  {'  of which Pyodide started in the worker':<58} "
              f"{best['worker']['pyodide_ms'] / 1000:10.2f} s")
        print(f"  {'  of which paramscope unpacked and imported':<58} "
              f"{best['worker']['paramscope_ms'] / 1000:10.2f} s")
        context, page, load = first_load(browser, server.url, throttle=True)
        label = f"first load at {DOWNLOAD_MBIT} Mbit/s, {LATENCY_MS} ms (uncompressed)"
        print(f"  {label:<58} {load['ready_ms'] / 1000:10.2f} s  "
              f"(target < 5 s: {'met' if load['ready_ms'] < 5000 else 'NOT met'})")
        context.close()
        context, page, _ = first_load(browser, server.url)
        examples = page.evaluate("fetch('examples.json').then(r => r.json())")
        seeds = [e["id"] for e in examples if e["group"] == "Seed tutorials"
                 and "error" not in e["id"]]
        times = rerun_times(page, seeds, repeat)
        for example_id, (ms, python_ms) in times.items():
            print(f"  {'re-run ' + example_id + ' (median)':<58} {ms:10.1f} ms  "
                  f"(Python {python_ms:.1f} ms)")
        worst = max(ms for ms, _ in times.values())
        print(f"  slowest seed re-run {worst:.1f} ms (target < 300 ms: "
              f"{'met' if worst < 300 else 'NOT met'})")
        context.close()
        browser.close()
    print(f"  (the machine's load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    bench_web()
