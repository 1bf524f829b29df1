"""Serve the built page (web/dist) as a static host would (gzip-compressed), and drive
headless Chromium with Playwright.

Shared by the browser tests of the page (tests/browser/) and the benchmark (bench/web.py);
the browser itself is tests/browser_support.py's.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
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


#: What a static host compresses (text, scripts and WebAssembly; not the zip files, the
#: wheel and Pyodide's standard library, which are compressed already).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/wasm",
                    "image/svg+xml")


def accepts_gzip(accept_encoding):
    """Whether an ``Accept-Encoding`` header allows gzip (and does not refuse it with q=0)."""
    for item in (accept_encoding or "").split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's files, gzip-compressed (``Content-Encoding: gzip``) for a browser that
    accepts it, as static hosts send them; compressed once per file and kept."""

    compressed = {}  # (path, mtime, size) -> gzip bytes; shared by the servers of a process
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if self.server.compress and os.path.isfile(path) \
                and self.guess_type(path).startswith(COMPRESSED_TYPES) \
                and accepts_gzip(self.headers.get("Accept-Encoding")):
            self.send_gzip(path)
        else:
            super().do_GET()

    def send_gzip(self, path):
        stat = os.stat(path)
        if self.not_modified_since(stat.st_mtime):
            self.send_response(304)
            self.end_headers()
            return
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self.lock:
            body = self.compressed.get(key)
            if body is None:
                with open(path, "rb") as f:
                    body = self.compressed[key] = gzip.compress(f.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the browser went away (a test ended)
            pass


    def not_modified_since(self, mtime):
        """A conditional request (``If-Modified-Since``) for an unchanged file."""
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False


class StaticServer:
    """web/dist on http://127.0.0.1:<free port>/, as a static host serves it: compressed with
    gzip for a browser that accepts it (``compress=False``: as plain files, as ``make serve``'s
    http.server sends them)."""

    def __init__(self, directory=DIST, compress=True):
        handler = functools.partial(_StaticHostHandler, directory=directory)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.compress = compress
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
