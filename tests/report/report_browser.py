"""The report tests' page: a report file opened and what they read back from it; the
browser, its fixture and the page's base are tests/browser_support.py's."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import browser_support  # noqa: E402

chromium = browser_support.chromium_fixture()


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


class OpenedReport(browser_support.OpenedPage):
    """The report file opened in a page; console errors and every request recorded."""

    MEASURE_JS = MEASURE_JS

    def __init__(self, browser, path, width=1300, height=900):
        super().__init__(browser, width, height)
        self.page.goto("file://" + os.path.abspath(path))


def screenshot(opened, name):
    path = os.path.join(browser_support.artifacts_dir("report"), name + ".png")
    opened.page.screenshot(path=path, full_page=True)
    return path
