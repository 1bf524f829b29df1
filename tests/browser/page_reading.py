"""Reading and driving the page, and what the CLI prints for the same input: shared by the
browser tests of the page in Chromium (test_page.py, Playwright) and in Firefox
(test_page_firefox.py, Marionette through tests/firefox_support.py's Playwright-like page).

Only the Playwright ``Page`` methods that firefox_support.FirefoxPage also has are used here:
``evaluate``, ``eval_on_selector``, ``eval_on_selector_all``, ``click``, ``screenshot``.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import subprocess
import sys

import page_harness as harness

ARTIFACTS = os.path.join(harness.ROOT, "tests", "artifacts")
GOLDEN_FILES = os.path.join(harness.ROOT, "tests", "golden", "files")
#: A phone's screen (an iPhone 12 to 15: 390 x 844 CSS pixels).
PHONE_WIDTH, PHONE_HEIGHT = 390, 844

BROKEN = """\
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten

model = Sequential()
model.add(Conv2D(8, kernel_size=3, input_shape=(28, 28)))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
"""
FIXED = BROKEN.replace("input_shape=(28, 28)", "input_shape=(28, 28, 1)")


def cli(folder, name, content, *options, command="summary"):
    """``paramscope summary NAME OPTIONS`` (or another command) in a subprocess, in a folder
    holding that file."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    env = dict(os.environ, COLUMNS="200")
    proc = subprocess.run([sys.executable, "-m", "paramscope", command, name, *options],
                          cwd=folder, capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout, proc.stderr


def cli_runs(pool, base, examples):
    """What the CLI prints for each example (JSON, Keras 3's text, tf.keras 2's), run in
    ``pool`` (in the background while the page loads): {id: {kind: future}}."""
    jobs = {}
    for example in examples:
        folder = os.path.join(base, example["id"])
        jobs[example["id"]] = {
            kind: pool.submit(cli, folder + "-" + kind, "model.py", example["code"], *options)
            for kind, options in (("json", ("--format", "json")), ("keras3", ()),
                                  ("keras2", ("--style", "keras2")))}
    return jobs


def golden_keras_file(name):
    """A Keras 3 model file of the golden fixtures, and its summary as Keras printed it."""
    with open(os.path.join(GOLDEN_FILES, "keras3", name), "rb") as f:
        data = f.read()
    with gzip.open(os.path.join(GOLDEN_FILES, "keras3", name + ".expected.json.gz"), "rt",
                   encoding="utf-8") as f:
        return data, json.load(f)["loaded"]["summaries"]["c200"]


def screenshot(tab, name, **options):
    os.makedirs(ARTIFACTS, exist_ok=True)
    tab.screenshot(path=os.path.join(ARTIFACTS, name), **options)


def table_rows(tab):
    return tab.eval_on_selector_all(
        "#summary-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def table_totals(tab):
    return tab.eval_on_selector_all("#summary-table tfoot td", "cells => cells.map(c => c.textContent)")


def text_of(tab, selector):
    return tab.eval_on_selector(selector, "e => e.textContent")


def marked_lines(tab):
    return tab.eval_on_selector_all(
        ".CodeMirror .error-line", "lines => lines.map(l => l.querySelector('.CodeMirror-linenumber').textContent)")


def editor_code(tab):
    return tab.evaluate("window.paramscopePage.editor.getValue()")


def shape_text(shape):
    """An output shape as Keras 3's table prints it."""
    if shape is None:
        return "?"
    if shape and isinstance(shape[0], list):
        return shape_text(shape[0]) if len(shape) == 1 else \
            "[" + ", ".join(shape_text(s) for s in shape) + "]"
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"


def expected_rows(summary):
    rows = []
    for layer in summary["layers"]:
        cells = [f"{layer['name']} ({layer['class_name']})", shape_text(layer["output_shape"]),
                 f"{layer['params']:,}" if layer["built"] else "0 (unbuilt)"]
        if not summary["sequential_like"]:
            cells.append(", ".join(f"{i['layer']}[{i['node_index']}][{i['tensor_index']}]"
                                   for i in layer["inbound"]) or "-")
        rows.append(cells)
    return rows


def set_code(tab, code):
    tab.evaluate("code => window.paramscopePage.editor.setValue(code)", code)


def run(tab):
    return harness.run_and_wait(tab, lambda: tab.click("#run"))


def drop_file(tab, name, data):
    """Drop a file on the page as a user would (dragenter, dragover, drop with its bytes);
    returns whether the drop overlay showed while dragging."""
    script = """([name, b64]) => {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name));
        const target = document.querySelector('.output-pane');
        const fire = (type) => target.dispatchEvent(
            new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: transfer}));
        fire('dragenter');
        const shown = !document.getElementById('drop').hidden;
        fire('dragover');
        fire('drop');
        return shown;
    }"""
    shown = []
    harness.run_and_wait(tab, lambda: shown.append(
        tab.evaluate(script, [name, base64.b64encode(data).decode()])))
    return shown[0]


def phone_layout(tab):
    """What a phone-sized screen shows: the page's width against the screen's, and where the
    Run button is (in CSS pixels, from the top left of the page, not scrolled)."""
    return tab.evaluate("""() => {
        const run = document.getElementById('run').getBoundingClientRect();
        return {viewport: [window.innerWidth, window.innerHeight],
                page_width: document.documentElement.scrollWidth,
                run: [run.left + scrollX, run.top + scrollY, run.width, run.height],
                run_enabled: !document.getElementById('run').disabled};
    }""")


def check_phone_layout(tab):
    """Usable on a phone: the viewport is the phone's, nothing is wider than the screen (only
    the table and the code scroll inside their own boxes), and the Run button is on the first
    screen, whole and enabled."""
    # Everything the run shows is there: the compute and memory panel fills in its figures
    # after the summary (its long labels once made the page wider than a phone).
    tab.wait_for_function("document.getElementById('profile').hidden "
                          "|| document.querySelectorAll('#profile dd').length > 0")
    layout = phone_layout(tab)
    assert layout["viewport"] == [PHONE_WIDTH, PHONE_HEIGHT], layout
    assert layout["page_width"] <= PHONE_WIDTH, layout
    left, top, width, height = layout["run"]
    assert width > 0 and height > 0 and layout["run_enabled"], layout
    assert 0 <= left and left + width <= PHONE_WIDTH, layout
    assert 0 <= top and top + height <= PHONE_HEIGHT, layout
    assert tab.is_visible("#run")


#: Whether the page reaches its server: a file that is not in the site (so not in the
#: service worker's cache) is a 404 online, and no answer at all offline.
NETWORK_REACHED = "fetch('not-in-the-site').then(() => 'reached', () => 'unreachable')"


def wait_for_offline_copy(tab):
    """Until the service worker has cached every file of the site (and "./"): the page then
    loads without a network."""
    tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
    site = sum(len(names) for _, _, names in os.walk(harness.DIST)) - 1  # but sw.js
    tab.wait_for_function("""async (expected) => {
        const names = await caches.keys();
        if (names.length !== 1) return false;
        return (await (await caches.open(names[0])).keys()).length === expected;
    }""", arg=site + 1, timeout=60_000)
