"""The page in a real browser: headless Chromium (Debian's), driven by Playwright.

One server, one browser and one loaded page are shared by the tests (loading Python in the
page is the slow part). What the page shows is compared with what the CLI prints for the
same code or file (``paramscope summary model.py``, in a subprocess), whose numbers the
golden tests compare with real Keras; the dropped file also with what Keras printed for it.
Screenshots go to tests/artifacts/ (git-ignored), and the first-load and re-run times to
tests/artifacts/web-timings.json (bench/web.py reports them; nothing asserts a time).

Outside CI, when Chromium, Playwright or the built page (make web) is missing, these tests
are skipped with the reason (make test lists it); in CI (CI set) they fail instead.
"""

import concurrent.futures
import json
import os
import re

import pytest

import page_harness as harness
from page_reading import (ARTIFACTS, BROKEN, FIXED, GOLDEN_FILES, NETWORK_REACHED, PHONE_HEIGHT,
                          PHONE_WIDTH, check_phone_layout, cli, cli_runs, drop_file,
                          expected_rows, golden_keras_file, marked_lines, run, screenshot,
                          set_code, table_rows, table_totals, text_of, wait_for_offline_copy)

PHONE = {"viewport": {"width": PHONE_WIDTH, "height": PHONE_HEIGHT}, "is_mobile": True,
         "has_touch": True, "device_scale_factor": 1}


# ---------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def browser():
    reason = harness.unavailable_reason()
    if reason is not None:
        harness.browser_support.skip_or_fail(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = harness.launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(browser):
    with harness.StaticServer() as static:
        yield static


@pytest.fixture(scope="module")
def examples(browser):
    return harness.built_examples()


@pytest.fixture(scope="module")
def cli_expected(examples, tmp_path_factory):
    """What the CLI prints for each example, computed in the background while the page loads."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        yield cli_runs(pool, str(tmp_path_factory.mktemp("cli")), examples)


@pytest.fixture(scope="module")
def timings():
    record = {"first_load": None, "first_run_ms": None, "reruns_ms": {}, "restart_ms": None}
    yield record
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(os.path.join(ARTIFACTS, "web-timings.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1)


def open_page(browser, url, **context_options):
    context = browser.new_context(**(context_options or {"viewport": {"width": 1360, "height": 900}}))
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.goto(url)
    harness.wait_until_ready(tab)
    return tab


@pytest.fixture(scope="module")
def page(browser, server, cli_expected, timings):
    tab = open_page(browser, server.url)
    timings["first_load"] = harness.first_load(tab)
    timings["first_run_ms"] = tab.evaluate("window.paramscopePage.timings.runs[0].ms")
    yield tab
    assert tab.problems == []  # no script errors in the page, no failed loads
    tab.context.close()


# ---------------------------------------------------------------------------------------
# Tests


def test_default_example_shows_the_tutorials_totals(page, cli_expected):
    with open(os.path.join(harness.ROOT, "src", "paramscope", "examples", "cnn_tutorial.py"),
              encoding="utf-8") as f:
        assert page.evaluate("window.paramscopePage.editor.getValue()") == f.read()
    totals = table_totals(page)
    assert totals[0] == "Total params: 2,515 (9.82 KB)"  # the tutorial's number
    assert totals[1:] == ["Trainable params: 2,515 (9.82 KB)", "Non-trainable params: 0 (0.00 B)"]
    assert text_of(page, "#totals .total .count") == "2,515"
    status, out, _ = cli_expected["cnn_tutorial"]["json"].result()
    assert status == 0
    assert table_rows(page) == expected_rows(json.loads(out))
    assert page.is_visible("#explain")
    assert "dense: 1,200 inputs x 2 units + 2 biases = 2,402" in text_of(page, "#explain")
    run(page)  # the README's screenshot shows a re-run's time
    screenshot(page, "web-desktop.png")
    # The text exactly as Keras prints it, and in tf.keras 2's style.
    page.click("#tab-text")
    assert text_of(page, "#summary-text") == cli_expected["cnn_tutorial"]["keras3"].result()[1]
    # Code is built again as tf.keras for its styles, as `--style keras2` builds it.
    harness.run_and_wait(page, lambda: page.select_option("#style", "keras2"))
    assert text_of(page, "#summary-text") == cli_expected["cnn_tutorial"]["keras2"].result()[1]
    screenshot(page, "web-text-keras2.png")
    harness.run_and_wait(page, lambda: page.select_option("#style", "keras3"))
    page.click("#tab-json")
    assert text_of(page, "#summary-json") == out
    page.click("#tab-table")


def test_every_example_is_what_the_cli_prints(page, examples, cli_expected, timings):
    page.click("#tab-text")  # the table is read from the page all the same
    for example in examples:
        harness.run_and_wait(page, lambda: page.select_option("#examples", example["id"]))
        assert page.evaluate("window.paramscopePage.editor.getValue()") == example["code"]
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
        harness.run_and_wait(page, lambda: page.select_option("#style", "keras2"))
        assert text_of(page, "#summary-text") == cli_expected[example["id"]]["keras2"].result()[1]
        harness.run_and_wait(page, lambda: page.select_option("#style", "keras3"))
        if example["group"] == "Seed tutorials":  # the re-run time of a seed model
            timings["reruns_ms"][example["id"]] = run(page)["ms"]
    page.click("#tab-table")


def test_trainable_column_of_the_frozen_base(page, examples):
    harness.run_and_wait(page, lambda: page.select_option("#examples", "resnet50_transfer"))
    harness.run_and_wait(page, lambda: page.check("#opt-trainable"))
    header = page.eval_on_selector_all("#summary-table th", "cells => cells.map(c => c.textContent)")
    assert header[-1] == "Trainable"
    rows = {row[0]: row for row in table_rows(page)}
    assert rows["resnet50 (Functional)"][-1] == "N" and rows["dense (Dense)"][-1] == "Y"
    assert table_totals(page)[1] == "Trainable params: 10,245 (40.02 KB)"
    harness.run_and_wait(page, lambda: page.uncheck("#opt-trainable"))


def profile_figures(page):
    """The compute and memory panel's figures: {label: value}."""
    page.wait_for_function("document.querySelectorAll('#profile dd').length > 0")
    return dict(zip(page.eval_on_selector_all("#profile dt", "e => e.map(x => x.textContent)"),
                    page.eval_on_selector_all("#profile dd", "e => e.map(x => x.textContent)")))


def test_compute_and_memory_panel_is_paramscope_profile(page, tmp_path):
    code = page.evaluate("window.paramscopePage.editor.getValue()")
    set_code(page, code)
    run(page)
    assert page.is_visible("#profile")
    panel = profile_figures(page)
    status, out, _ = cli(str(tmp_path), "model.py", code, "--format", "json", command="profile")
    assert status == 0
    expected = json.loads(out)
    assert panel["MACs per sample"].endswith(f"{expected['macs']:,}")
    assert panel["FLOPs per sample (2 × MACs)"].endswith(f"{expected['flops']:,}")
    assert any(label.startswith("Optimizer state (Adam; ") for label in panel)
    # Another batch size and optimizer: the figures `paramscope profile` gives for them.
    page.fill("#profile [data-role=batch]", "32")
    page.dispatch_event("#profile [data-role=batch]", "change")
    page.select_option("#profile [data-role=optimizer]", "sgd")
    page.wait_for_function("[...document.querySelectorAll('#profile dt')]"
                           ".some(e => e.textContent.startsWith('Activations (batch of 32)'))"
                           " && [...document.querySelectorAll('#profile dt')]"
                           ".some(e => e.textContent.startsWith('Optimizer state (SGD'))")
    panel = profile_figures(page)
    status, out, _ = cli(str(tmp_path), "model.py", code, "--format", "json", "--batch-size",
                         "32", "--optimizer", "sgd", command="profile")
    memory = json.loads(out)["memory"]
    shown = {label.split(" (")[0]: value for label, value in panel.items()}
    for label, field in (("Weights", "weights_bytes"), ("Gradients", "gradients_bytes"),
                         ("Optimizer state", "optimizer_bytes"),
                         ("Activations", "activations_bytes"),
                         ("Training, estimated", "training_bytes"),
                         ("Inference, estimated", "inference_bytes")):
        assert shown[label] == human_bytes(memory[field]), label
    page.locator("#profile").scroll_into_view_if_needed()
    screenshot(page, "web-profile.png")


def human_bytes(value):
    """The panel's byte units (as Keras's summary writes sizes: 1024-based, two decimals)."""
    units, size, unit = ["B", "KB", "MB", "GB", "TB"], float(value), 0
    while size >= 1024 and unit < len(units) - 1:
        size, unit = size / 1024, unit + 1
    return f"{size:.2f} {units[unit]}"


def test_dropped_keras_file_is_summarised_as_keras_printed_it(page, tmp_path):
    data, keras_printed = golden_keras_file("branches.keras")
    assert drop_file(page, "branches.keras", data)  # the overlay showed while dragging
    assert page.is_hidden("#drop") and page.is_hidden("#error")
    assert text_of(page, "#model-title") == 'Model: "branches" · branches.keras'
    assert "read in your browser" in text_of(page, "#source-note")
    assert text_of(page, "#summary-text") == keras_printed
    status, out, _ = cli(str(tmp_path), "branches.keras", data, "--format", "json")
    assert status == 0 and text_of(page, "#summary-json") == out
    assert table_rows(page) == expected_rows(json.loads(out))
    screenshot(page, "web-dropped-file.png")
    # A legacy .h5: the page says what it cannot do and why (no h5py in Pyodide).
    with open(os.path.join(GOLDEN_FILES, "keras3", "embedding.h5"), "rb") as f:
        drop_file(page, "embedding.h5", f.read())
    assert "h5py" in text_of(page, "#error-text")
    assert "Pyodide" in text_of(page, "#notes-text")
    # A file that is not a model: paramscope's message, as the CLI prints it.
    with open(os.path.join(GOLDEN_FILES, "bad", "not_a_zip.keras"), "rb") as f:
        data = f.read()
    drop_file(page, "not_a_zip.keras", data)
    status, _, err = cli(str(tmp_path), "not_a_zip.keras", data)
    assert status == 2 and err.endswith(text_of(page, "#error-text") + "\n")


def test_typed_broken_model_marks_its_line(page, tmp_path):
    page.click(".CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(BROKEN)
    assert page.evaluate("window.paramscopePage.editor.getValue()") == BROKEN
    harness.run_and_wait(page, lambda: page.keyboard.press("Control+Enter"))
    status, _, err = cli(str(tmp_path), "model.py", BROKEN)
    error = text_of(page, "#error-text")
    assert status == 2 and err.endswith(error + "\n")
    assert error.startswith("paramscope: error: model.py:5: ") and "conv2d" in error
    assert marked_lines(page) == ["5"]
    assert page.is_hidden("#result")
    screenshot(page, "web-error.png")
    # A package the page's Python does not have: its import is skipped, as the CLI skips it
    # where the package is not installed, the model is built, and the note says why.
    set_code(page, "import numpy as np\n" + FIXED)
    run(page)
    assert page.is_hidden("#error") and table_totals(page)[0].startswith("Total params: 54,170 ")
    notes = text_of(page, "#notes-text")
    assert "model.py:1: skipped (needs package numpy, which is not installed)" in notes
    assert "numpy is not available here" in notes
    # Where the model needs it, the CLI's stop message, with its line marked.
    set_code(page, "import numpy as np\n" + FIXED.replace("Dense(10,", "Dense(np.int64(10),"))
    run(page)
    error = text_of(page, "#error-text")
    assert error.startswith("paramscope: error: model.py:") and "np" in error, error
    assert marked_lines(page) == [re.match(r"paramscope: error: model\.py:(\d+):", error).group(1)]
    # Fixing the line clears the mark; the page stays usable.
    set_code(page, FIXED)
    assert marked_lines(page) == []
    run(page)
    assert page.is_hidden("#error") and table_totals(page)[0].startswith("Total params: 54,170 ")


def test_shared_link_reproduces_the_result_on_a_phone_and_offline(page, browser):
    set_code(page, FIXED)
    run(page)
    url = page.url
    assert "#code=z." in url  # compressed into the fragment: never sent to a server
    rows, totals = table_rows(page), table_totals(page)
    phone = open_page(browser, url, **PHONE)
    try:
        assert phone.evaluate("window.paramscopePage.editor.getValue()") == FIXED
        assert table_rows(phone) == rows and table_totals(phone) == totals
        # Phone-sized: one column, nothing wider than the screen but the scrolling table,
        # and the Run button on the first screen.
        check_phone_layout(phone)
        screenshot(phone, "web-phone.png", full_page=True)
        # A link to an example in another style, opened in the same tab.
        harness.run_and_wait(phone, lambda: phone.evaluate(
            "location.hash = '#example=seed003_mlp&style=keras2'"))
        assert phone.eval_on_selector("#style", "e => e.value") == "keras2"
        assert "Total params: 7993 " in text_of(phone, "#summary-text")
        # Offline once loaded: the service worker has every file; reloaded without a network,
        # the page loads, runs the link's example and shows its summary.
        wait_for_offline_copy(phone)
        phone.context.set_offline(True)
        phone.reload()
        harness.wait_until_ready(phone)
        assert "Total params: 7993 " in text_of(phone, "#summary-text")
        assert phone.problems == []
        # (after that: the browser reports the failed request as an error, as it should)
        assert phone.evaluate(NETWORK_REACHED) == "unreachable"  # truly offline (online: a 404)
    finally:
        phone.context.close()


def test_runaway_script_can_be_stopped(page, timings):
    set_code(page, "while True:\n    pass\n")
    page.click("#run")
    page.wait_for_selector("#stop", state="visible")
    page.click("#stop")
    assert text_of(page, "#error-text").startswith("Stopped after ")
    started = page.evaluate("performance.now()")
    page.wait_for_function("window.paramscopePage.ready", timeout=harness.LOAD_TIMEOUT_MS)
    timings["restart_ms"] = page.evaluate("performance.now()") - started
    harness.run_and_wait(page, lambda: page.select_option("#examples", "cnn_tutorial"))
    assert table_totals(page)[0] == "Total params: 2,515 (9.82 KB)"
