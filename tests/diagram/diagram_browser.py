"""The diagram tests' page that shows one SVG, and screenshots (tests/artifacts/diagram/,
git-ignored); the browser, its fixture and the page's base are tests/browser_support.py's."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import browser_support  # noqa: E402

chromium = browser_support.chromium_fixture()


#: Everything the tests read back from the page: boxes (screen rectangles of their frames
#: and texts), edges (their ends, in the drawing's own coordinates, next to the boxes'),
#: frames and the drawing's extent.
MEASURE_JS = """() => {
  const svg = document.querySelector('svg.paramscope-diagram');
  const r = e => { const b = e.getBoundingClientRect();
                   return {x: b.x, y: b.y, w: b.width, h: b.height}; };
  const u = e => { const b = e.getBBox(); return {x: b.x, y: b.y, w: b.width, h: b.height}; };
  const nodes = [...svg.querySelectorAll('g.ps-node')].map(g => {
    const frame = g.querySelector(':scope > rect');
    return {id: g.dataset.node, layer: g.dataset.layer, cls: g.dataset.class,
            box: r(frame), user: u(frame),
            texts: [...g.querySelectorAll('text')].map(t => ({text: t.textContent, box: r(t)}))};
  });
  const edges = [...svg.querySelectorAll('g.ps-edge')].map(g => {
    const path = g.querySelector('path');
    const start = path.getPointAtLength(0);
    const tip = g.querySelector('polygon').points[0];
    return {src: g.dataset.src, dst: g.dataset.dst, kind: g.dataset.kind,
            count: Number(g.dataset.count), start: [start.x, start.y], tip: [tip.x, tip.y],
            length: path.getTotalLength()};
  });
  const groups = [...svg.querySelectorAll('g.ps-group')].map(g => ({
    id: g.dataset.group, box: r(g.querySelector('rect')),
    label: r(g.querySelector('text'))}));
  return {drawing: r(svg), nodes, edges, groups,
          fonts: getComputedStyle(svg.querySelector('text')).fontFamily};
}"""


class OpenedSvg(browser_support.OpenedPage):
    """A page showing one SVG inline in an HTML document, with the console's errors."""

    MEASURE_JS = MEASURE_JS

    def __init__(self, browser, svg, width=1400, height=1000):
        super().__init__(browser, width, height)
        self.page.set_content("<!doctype html><html><head><meta charset='utf-8'>"
                              "<title>diagram</title></head><body style='margin:0'>"
                              + svg + "</body></html>")


def screenshot(opened, name, max_side=2400):
    """Save the drawing as tests/artifacts/diagram/NAME.png (scaled to MAX_SIDE at most)
    and, for a large one, NAME-detail.png: its top left at full size."""
    artifacts = browser_support.artifacts_dir("diagram")
    page = opened.page
    width, height = page.evaluate("(() => { const b = document.querySelector("
                                  "'svg.paramscope-diagram').getBoundingClientRect(); "
                                  "return [b.width, b.height]; })()")
    paths = []
    if max(width, height) > max_side:
        # The detail: 1400 x 1200 pixels around the first box (where the model starts).
        first = page.evaluate("(() => { const b = document.querySelector('g.ps-node rect')"
                              ".getBoundingClientRect(); return [b.x + b.width / 2, b.y]; })()")
        left = max(0, min(first[0] - 700, width - 1400))
        top = max(0, min(first[1] - 16, height - 1200))
        detail = os.path.join(artifacts, f"{name}-detail.png")
        page.screenshot(path=detail, full_page=True,
                        clip={"x": left, "y": top, "width": min(width, 1400),
                              "height": min(height, 1200)})
        paths.append(detail)
        scale = max_side / max(width, height)
        page.evaluate(f"(() => {{ const s = document.querySelector('svg.paramscope-diagram');"
                      f" s.setAttribute('width', {width * scale:.1f});"
                      f" s.setAttribute('height', {height * scale:.1f}); }})()")
    path = os.path.join(artifacts, f"{name}.png")
    page.locator("svg.paramscope-diagram").screenshot(path=path)
    paths.append(path)
    return paths


def safe_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)
