"""The page in the browser (web/, issue 13): first load and re-run times in headless Chromium
(and Firefox).

    python bench/web.py            # or as section 6 of bench/run.py (make bench)

Needs the built page (make web), Debian's chromium and Playwright (the test extra); without
them it says what is missing. Measured in the page itself (performance.now()):

- first load: from navigation to Python ready (Pyodide started, paramscope imported), with an
  empty browser cache, from a local server that sends the files as a static host does
  (gzip-compressed for the text, scripts and WebAssembly; tests/browser/page_harness.py):
  unthrottled, and throttled by Chromium's network emulation (CDP) to a "normal connection":
  50 Mbit/s down, 10 Mbit/s up, 20 ms round trip. Target: under 5 s. The same throttled load
  with the files uncompressed (as ``make serve``'s http.server sends them) for comparison, and
  the bytes the first load transferred (the page's and its Python worker's requests).
- re-run: Run pressed again on each seed model (the worker round trip: the script run on
  paramscope, the summary, every style rendered); the median of BENCH_WEB_REPEAT runs
  (default 5). Target: under 300 ms.
- Firefox (Debian's firefox-esr, when installed): its first load, unthrottled, and the re-run
  of the first seed model.

The first load is mostly the CPU's (Pyodide compiling its WebAssembly and starting Python):
on a busy machine it is slower whatever the connection; the load average is printed.
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "browser"))

import page_harness as harness  # noqa: E402  (tests/browser/page_harness.py: the server and the browser launch)
import firefox_support  # noqa: E402  (tests/firefox_support.py, on the path page_harness sets)

#: A "normal connection" for the throttled first load.
DOWNLOAD_MBIT, UPLOAD_MBIT, LATENCY_MS = 50, 10, 20
CONNECTION = f"{DOWNLOAD_MBIT} Mbit/s, {LATENCY_MS} ms"


def site_bytes():
    """The site's size as files, and as a static host sends it (gzip where it compresses)."""
    raw = sent = 0
    for folder, _, names in os.walk(harness.DIST):
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            raw += len(data)
            kind = mimetypes.guess_type(name)[0] or ""
            sent += len(gzip.compress(data, compresslevel=6)) \
                if kind.startswith(harness.COMPRESSED_TYPES) else len(data)
    return raw, sent


def network_use(page):
    """Bytes on the wire for the page's requests and its Python worker's, and when the
    worker's downloads for Pyodide had all arrived (ms after navigation; Resource Timing)."""
    total = "performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0)"
    pyodide_done = ("performance.timeOrigin + Math.max(...performance.getEntriesByType('resource')"
                    ".filter(e => e.name.includes('/pyodide/')).map(e => e.responseEnd))")
    sent = page.evaluate("performance.getEntriesByType('navigation')[0].transferSize")
    sent += page.evaluate(total) + sum(worker.evaluate(total) for worker in page.workers)
    origin = page.evaluate("performance.timeOrigin")
    done = max(worker.evaluate(pyodide_done) for worker in page.workers) - origin
    return {"bytes": sent, "pyodide_downloaded_ms": done}


def first_load(browser, url, throttle=False):
    context = browser.new_context()
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": LATENCY_MS,
            "downloadThroughput": DOWNLOAD_MBIT * 1e6 / 8,
            "uploadThroughput": UPLOAD_MBIT * 1e6 / 8})
    page.goto(url)
    harness.wait_until_ready(page)
    load = harness.first_load(page)
    load.update(network_use(page))
    return context, page, load


def best_first_load(browser, url, throttle, times=2):
    """The fastest of ``times`` first loads (each in a new context: an empty cache)."""
    loads = []
    for _ in range(times):
        context, _, load = first_load(browser, url, throttle)
        loads.append(load)
        context.close()
    return min(loads, key=lambda load: load["ready_ms"])


def report_first_loads(browser, gzip_url, plain_url):
    print("  first loads (each with an empty cache, the best of 2):")
    best = best_first_load(browser, gzip_url, throttle=False)
    print(f"  {'first load, local server':<58} {best['ready_ms'] / 1000:10.2f} s")
    print(f"  {'  of which Pyodide started in the worker':<58} "
          f"{best['worker']['pyodide_ms'] / 1000:10.2f} s")
    print(f"  {'  of which paramscope unpacked and imported':<58} "
          f"{best['worker']['paramscope_ms'] / 1000:10.2f} s")
    for url, label, target in ((gzip_url, "gzip (static host)", True),
                               (plain_url, "uncompressed (make serve)", False)):
        load = best_first_load(browser, url, throttle=True)
        label = f"first load at {CONNECTION}: {label}"
        line = f"  {label:<58} {load['ready_ms'] / 1000:10.2f} s"
        if target:
            line += f"  (target < 5 s: {'met' if load['ready_ms'] < 5000 else 'NOT met'})"
        print(line)
        print(f"  {'  transferred':<58} {load['bytes'] / 1e6:10.2f} MB")
        arrived = load["pyodide_downloaded_ms"] / 1000
        print(f"  {'  Pyodide downloaded after':<58} {arrived:10.2f} s")


def rerun_times(page, example_ids, repeat):
    times = {}
    for example_id in example_ids:
        harness.run_and_wait(page, lambda: page.select_option("#examples", example_id))
        runs = [harness.run_and_wait(page, lambda: page.click("#run")) for _ in range(repeat)]
        times[example_id] = (statistics.median(r["ms"] for r in runs),
                             statistics.median(r["python_ms"] for r in runs))
    return times


def report_firefox(url, example_id, repeat):
    """Debian's Firefox (tests/firefox_support.py, Marionette): the first load with a fresh
    profile, unthrottled (Marionette has no network emulation), and one seed's re-run."""
    reason = firefox_support.unavailable_reason()
    if reason is not None:
        print(f"  (Firefox skipped: {reason})")
        return
    firefox = firefox_support.Firefox()
    try:
        page = firefox.page
        page.goto(url)
        harness.wait_until_ready(page)
        load = harness.first_load(page)
        print(f"  {'Firefox ' + firefox.version + ': first load, local server':<58} "
              f"{load['ready_ms'] / 1000:10.2f} s")
        harness.run_and_wait(page, lambda: page.select_option("#examples", example_id))
        runs = [harness.run_and_wait(page, lambda: page.click("#run")) for _ in range(repeat)]
        print(f"  {'Firefox: re-run ' + example_id + ' (median)':<58} "
              f"{statistics.median(r['ms'] for r in runs):10.1f} ms")
    finally:
        firefox.close()


def bench_web():
    print("6. The page in the browser (web/): first load and re-run, headless Chromium and Firefox")
    reason = harness.unavailable_reason()
    if reason is not None:
        print(f"  (skipped: {reason})")
        return
    from playwright.sync_api import sync_playwright
    repeat = int(os.environ.get("BENCH_WEB_REPEAT", "5"))
    raw, sent = site_bytes()
    print(f"  site: {raw / 1e6:.1f} MB as files, {sent / 1e6:.1f} MB as a static host sends them "
          "(gzip)")
    with harness.StaticServer() as server, harness.StaticServer(compress=False) as plain, \
            sync_playwright() as playwright:
        browser = harness.launch(playwright)
        report_first_loads(browser, server.url, plain.url)
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
        report_firefox(server.url, seeds[0], repeat)
    print(f"  (the machine's load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    bench_web()
