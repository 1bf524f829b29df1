"""Serve the built page (web/dist) and drive headless Chromium with Playwright.

Shared by the browser tests of the page (tests/browser/) and the benchmark (bench/web.py);
the browser itself is tests/browser_support.py's.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from browser_support import CHROMIUM, launch, required  # noqa: E402,F401  (shared with tests/diagram)
import browser_support  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIST = os.path.join(ROOT, "web", "dist")
#: Loading Pyodide on a busy 2-core machine can take long; the page itself shows progress.
LOAD_TIMEOUT_MS = 120_000
RUN_TIMEOUT_MS = 60_000


def unavailable_reason():
    """Why the browser tests of the page cannot run here (None when they can)."""
    reason = browser_support.unavailable_reason()
    if reason:
        return reason
    if not os.path.exists(os.path.join(DIST, "build.json")):
        reason = "the page is not built (make web"
        return reason + (")" if shutil.which("npm") else "; it needs npm, which is not installed)")
    return None


def built_examples():
    """The page's examples menu, as built (web/dist/examples.json: id, group, title, code)."""
    with open(os.path.join(DIST, "examples.json"), encoding="utf-8") as f:
        return json.load(f)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer:
    """web/dist on http://127.0.0.1:<free port>/, as any static host would serve it."""

    def __init__(self, directory=DIST):
        handler = functools.partial(_QuietHandler, directory=directory)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.httpd.server_port}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def wait_until_ready(page):
    """Python has loaded and the page's first run (the default example) has finished."""
    page.wait_for_function("window.paramscopePage && window.paramscopePage.ready "
                           "&& !window.paramscopePage.running "
                           "&& window.paramscopePage.timings.runs.length > 0",
                           timeout=LOAD_TIMEOUT_MS)


def runs(page):
    return page.evaluate("window.paramscopePage.timings.runs.length")


def run_and_wait(page, action):
    """Do ``action()`` (a click, a key, a drop) and wait for the run it starts to finish;
    returns that run's timing record (``ms``: from the request to the answer, in the page)."""
    before = runs(page)
    action()
    page.wait_for_function(f"window.paramscopePage.timings.runs.length > {before} "
                           "&& !window.paramscopePage.running", timeout=RUN_TIMEOUT_MS)
    return page.evaluate("window.paramscopePage.timings.runs.at(-1)")


def first_load(page):
    """Milliseconds from navigation to Python ready, and the worker's own split."""
    return page.evaluate("({ready_ms: window.paramscopePage.timings.navigationToReady, "
                         "worker: window.paramscopePage.timings.worker})")
