"""The report tests' browser fixture and what they read back from an opened report page."""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "diagram"))
import browser_support  # noqa: E402

ARTIFACTS = os.path.join(HERE, "..", "artifacts", "report")


@pytest.fixture(scope="module")
def chromium():
    yield from browser_support.browser()


class OpenedReport:
    """The report file opened in a page; console errors and every request recorded."""

    def __init__(self, browser, path, width=1300, height=900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto("file://" + os.path.abspath(path))

    def measure(self):
        return self.page.evaluate(MEASURE_JS)

    def close(self):
        self.page.close()


MEASURE_JS = """() => {
  const rows = [...document.querySelectorAll('table.paramscope-summary tbody tr[data-name]')]
    .map(tr => ({name: tr.dataset.name, level: Number(tr.dataset.level),
                 params: Number(tr.querySelector('td.params').dataset.value),
                 text: tr.querySelector('td.params').textContent}));
  const totals = Object.fromEntries([...document.querySelectorAll('tr.total')]
    .map(tr => [tr.dataset.total, Number(tr.querySelector('td.num').dataset.value)]));
  const headline = Object.fromEntries([...document.querySelectorAll('dl.headline div')]
    .map(d => [d.dataset.key, d.dataset.value]));
  const charts = Object.fromEntries([...document.querySelectorAll('svg.chart')].map(svg =>
    [svg.dataset.chart, [...svg.querySelectorAll('rect.bar')].map(r => ({
      label: r.dataset.label, value: Number(r.dataset.value),
      height: r.getBoundingClientRect().height, bottom: r.getBoundingClientRect().bottom}))]));
  const diagram = document.querySelector('.diagram svg');
  return {rows, totals, headline, charts,
          diagramBoxes: diagram ? diagram.querySelectorAll('g.ps-node').length : 0,
          arithmetic: document.querySelectorAll('details.arithmetic').length,
          scripts: document.querySelectorAll('script').length};
}"""


def screenshot(opened, name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name + ".png")
    opened.page.screenshot(path=path, full_page=True)
    return path
