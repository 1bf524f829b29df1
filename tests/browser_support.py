"""Headless Chromium for the tests that look at pages and pictures (tests/browser: the web
page; tests/diagram: the model diagrams; tests/report: the HTML report) and for bench/web.py;
the page those tests open and read back (:class:`OpenedPage`), their ``chromium`` fixture,
screenshots' folder and the README pictures' command line.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, or ``PARAMSCOPE_CHROMIUM``),
driven by Playwright for Python; Playwright's own browser download cannot work on these
machines. Outside CI the browser tests are skipped, with the reason shown, where Chromium or
Playwright is missing; in CI (``CI`` set, as .ci/run sets it) they fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import shutil

CHROMIUM = os.environ.get("PARAMSCOPE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def unavailable_reason():
    """Why a browser cannot run here (None when it can)."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set PARAMSCOPE_CHROMIUM)"
    return None


def required():
    """In CI the browser tests must run, not skip."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def skip_or_fail(reason):
    """Skip with ``reason`` outside CI; fail in CI."""
    import pytest
    if required():
        pytest.fail(f"browser tests are required in CI: {reason}")
    pytest.skip(reason)


def launch(playwright):
    """Debian's Chromium, headless, from a started ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def browser():
    """A generator for a ``chromium`` fixture: Debian's Chromium, launched once, closed
    after (skipped with the reason outside CI where it cannot run)."""
    reason = unavailable_reason()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


def chromium_fixture():
    """The ``chromium`` fixture (one browser per test module) for a browser test module to
    bind as ``chromium``."""
    import pytest
    return pytest.fixture(scope="module", name="chromium")(browser)


class OpenedPage:
    """A page of ``width`` x ``height`` in ``browser``, recording the console's errors (and the
    page's uncaught exceptions) in ``errors`` and every URL it requests in ``requests``.
    A subclass shows its content and sets ``MEASURE_JS``, the function ``measure()`` runs in
    the page to read back what the tests check.  Also a context manager that closes it."""

    MEASURE_JS = None

    def __init__(self, browser, width, height):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def measure(self):
        return self.page.evaluate(self.MEASURE_JS)

    def close(self):
        self.page.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def artifacts_dir(name):
    """tests/artifacts/NAME/ (git-ignored), created: where the browser tests save screenshots."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "artifacts", name)
    os.makedirs(path, exist_ok=True)
    return path


def png_size(path):
    """``(width, height)`` of a PNG file (its signature checked)."""
    with open(path, "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def picture_main(argv, make_picture, default_out):
    """The README pictures' command line: ``make_picture(browser, out_dir)`` in Debian's
    Chromium, ``out_dir`` the first argument or ``default_out``; prints what it wrote."""
    from playwright.sync_api import sync_playwright
    out_dir = argv[1] if len(argv) > 1 else default_out
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            print(make_picture(chromium, out_dir))
        finally:
            chromium.close()
