"""The page in Firefox: Debian's headless firefox-esr, driven through Marionette
(tests/firefox_support.py; Playwright cannot drive a stock Firefox).

As in Chromium (test_page.py), one server, one browser and one loaded page are shared, and
what the page shows is compared with what the CLI prints for the same code (whose numbers
the golden tests compare with real Keras): the default example and its totals, every
example of the menu, a dropped .keras file (also against what Keras printed for it), a
broken model typed key by key with its message and marked line, and the page on a
phone-sized screen, then reloaded offline (from its service worker).
Screenshots go to tests/artifacts/web-firefox-*.png and the first-load time to
tests/artifacts/web-timings-firefox.json (nothing asserts a time).

Outside CI, when Firefox or the built page (make web) is missing, these tests are skipped
with the reason; in CI (CI set) they fail instead (.ci/run installs firefox-esr).
"""

import concurrent.futures
import json
import os
import re

import pytest

import firefox_support
import page_harness as harness
from page_reading import (ARTIFACTS, BROKEN, FIXED, NETWORK_REACHED, PHONE_HEIGHT, PHONE_WIDTH,
                          check_phone_layout, cli, cli_runs, drop_file, editor_code,
                          expected_rows, golden_keras_file, marked_lines, run, screenshot,
                          set_code, table_rows, table_totals, text_of, wait_for_offline_copy)

DESKTOP = (1360, 900)


@pytest.fixture(scope="module")
def firefox():
    reason = harness.unavailable_reason() or firefox_support.unavailable_reason()
    if reason is not None:
        harness.browser_support.skip_or_fail(reason)
    browser = firefox_support.Firefox()
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def server(firefox):
    with harness.StaticServer() as static:
        yield static


@pytest.fixture(scope="module")
def examples(firefox):
    return harness.built_examples()


@pytest.fixture(scope="module")
def cli_expected(examples, tmp_path_factory):
    """What the CLI prints for each example, computed in the background while the page loads."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        yield cli_runs(pool, str(tmp_path_factory.mktemp("cli")), examples)


@pytest.fixture(scope="module")
def page(firefox, server, cli_expected):
    tab = firefox.page
    tab.set_viewport(*DESKTOP)
    tab.goto(server.url)
    harness.wait_until_ready(tab)
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(os.path.join(ARTIFACTS, "web-timings-firefox.json"), "w", encoding="utf-8") as f:
        first_run_ms = tab.evaluate("window.paramscopePage.timings.runs[0].ms")
        json.dump({"firefox": firefox.version, "first_load": harness.first_load(tab),
                   "first_run_ms": first_run_ms}, f, indent=1)
    yield tab
    assert tab.problems == []  # no script errors in the page, no console errors


def test_default_example_shows_the_tutorials_totals_in_firefox(page, cli_expected):
    with open(os.path.join(harness.ROOT, "src", "paramscope", "examples", "cnn_tutorial.py"),
              encoding="utf-8") as f:
        assert editor_code(page) == f.read()
    assert table_totals(page) == ["Total params: 2,515 (9.82 KB)",  # the tutorial's numbers
                                  "Trainable params: 2,515 (9.82 KB)",
                                  "Non-trainable params: 0 (0.00 B)"]
    assert text_of(page, "#totals .total .count") == "2,515"
    status, out, _ = cli_expected["cnn_tutorial"]["json"].result()
    assert status == 0
    assert table_rows(page) == expected_rows(json.loads(out))
    assert page.is_visible("#summary-table") and page.is_visible("#explain")
    assert "dense: 1,200 inputs x 2 units + 2 biases = 2,402" in text_of(page, "#explain")
    screenshot(page, "web-firefox-desktop.png")
    page.click("#tab-text")
    assert page.is_visible("#summary-text")
    assert text_of(page, "#summary-text") == cli_expected["cnn_tutorial"]["keras3"].result()[1]
    page.click("#tab-table")
    assert page.is_visible("#summary-table") and page.is_hidden("#summary-text")


def test_every_example_is_what_the_cli_prints_in_firefox(page, examples, cli_expected):
    assert len(examples) > 1
    for example in examples:
        harness.run_and_wait(page, lambda: page.select_option("#examples", example["id"]))
        assert editor_code(page) == example["code"], example["id"]
        status, out, err = cli_expected[example["id"]]["json"].result()
        if status != 0:  # an example of an error (seed 003's Dense(padding=...))
            error = text_of(page, "#error-text")
            assert err.endswith(error + "\n"), example["id"]
            line = re.match(r"paramscope: error: model\.py:(\d+):", error)
            assert marked_lines(page) == [line.group(1)], example["id"]
            continue
        assert page.is_hidden("#error"), example["id"]
        assert text_of(page, "#summary-json") == out, example["id"]
        assert table_rows(page) == expected_rows(json.loads(out)), example["id"]
        assert text_of(page, "#summary-text") == cli_expected[example["id"]]["keras3"].result()[1]
    # tf.keras 2's text (the code built again as tf.keras) for the last one
    page.click("#tab-text")  # where the style menu is
    harness.run_and_wait(page, lambda: page.select_option("#style", "keras2"))
    assert text_of(page, "#summary-text") == cli_expected[examples[-1]["id"]]["keras2"].result()[1]
    harness.run_and_wait(page, lambda: page.select_option("#style", "keras3"))
    page.click("#tab-table")


def test_dropped_keras_file_is_summarised_as_keras_printed_it_in_firefox(page, tmp_path):
    data, keras_printed = golden_keras_file("branches.keras")
    assert drop_file(page, "branches.keras", data)  # the overlay showed while dragging
    assert page.is_hidden("#drop") and page.is_hidden("#error")
    assert text_of(page, "#model-title") == 'Model: "branches" · branches.keras'
    assert text_of(page, "#summary-text") == keras_printed
    status, out, _ = cli(str(tmp_path), "branches.keras", data, "--format", "json")
    assert status == 0 and text_of(page, "#summary-json") == out
    assert table_rows(page) == expected_rows(json.loads(out))


def test_typed_broken_model_marks_its_line_in_firefox(page, tmp_path):
    page.click(".CodeMirror")
    page.press("Control+a")
    page.type(BROKEN)  # key by key, as typed: CodeMirror's own input handling
    assert editor_code(page) == BROKEN
    harness.run_and_wait(page, lambda: page.press("Control+Enter"))
    status, _, err = cli(str(tmp_path), "model.py", BROKEN)
    error = text_of(page, "#error-text")
    assert status == 2 and err.endswith(error + "\n")
    assert error.startswith("paramscope: error: model.py:5: ") and "conv2d" in error
    assert marked_lines(page) == ["5"]
    assert page.is_visible("#error") and page.is_hidden("#result")
    screenshot(page, "web-firefox-error.png")
    # Fixing the line clears the mark; the page stays usable.
    set_code(page, FIXED)
    assert marked_lines(page) == []
    run(page)
    assert page.is_hidden("#error") and table_totals(page)[0].startswith("Total params: 54,170 ")


def test_phone_sized_screen_and_offline_in_firefox(page, server):
    set_code(page, FIXED)
    run(page)
    rows, totals = table_rows(page), table_totals(page)
    link = page.url
    assert "#code=z." in link
    page.set_viewport(PHONE_WIDTH, PHONE_HEIGHT, zoom=2)
    try:
        page.goto(server.url + "?phone" + link[link.index("#"):])  # a shared link, opened anew
        harness.wait_until_ready(page)
        assert editor_code(page) == FIXED
        assert table_rows(page) == rows and table_totals(page) == totals
        check_phone_layout(page)
        screenshot(page, "web-firefox-phone.png", full_page=True)
        harness.run_and_wait(page, lambda: page.click("#run"))  # the button works on a phone
        assert table_totals(page) == totals
        # Offline once loaded: with every file in the service worker's cache, the page loads
        # without a network and runs the link's code again.
        wait_for_offline_copy(page)
        page.set_offline(True)
        page.goto(server.url + "?offline" + link[link.index("#"):])
        harness.wait_until_ready(page)
        assert table_rows(page) == rows and table_totals(page) == totals
        assert page.evaluate(NETWORK_REACHED) == "unreachable"  # truly offline (online: a 404)
        page.set_offline(False)
        assert page.evaluate(NETWORK_REACHED) == "reached"
    finally:
        page.set_offline(False)
        page.set_viewport(*DESKTOP)
