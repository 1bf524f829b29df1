"""Headless Chromium for the tests that look at pages and pictures (tests/browser: the web
page; tests/diagram: the model diagrams) and for bench/web.py.

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
