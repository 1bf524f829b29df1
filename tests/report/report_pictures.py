"""The README's report picture, made in headless Chromium as the browser tests see it.

    .venv/bin/python tests/report/report_pictures.py [OUT_DIR]    # default: docs/images

Writes ``report.png``: the top of ``paramscope report`` for the tutorials' small CNN (the
seed example, paramscope's ``demo``): headline numbers, the summary table and the charts.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))


def report_picture(browser, out_dir, height=1250):
    import tempfile
    from importlib import resources
    from paramscope import backend_config, naming
    from paramscope.keras.runner import pick_model, run_script
    from paramscope.report import page
    from report_browser import OpenedReport
    import io

    naming.clear_session()
    backend_config.reset()
    example = resources.files("paramscope").joinpath("examples", "cnn_tutorial.py")
    with resources.as_file(example) as path:
        model = pick_model(run_script(str(path), stdout=io.StringIO()))
    with tempfile.TemporaryDirectory() as work:
        html = os.path.join(work, "report.html")
        with open(html, "w", encoding="utf-8") as f:
            f.write(page.render(model))
        with OpenedReport(browser, html, width=1100, height=height) as opened:
            os.makedirs(out_dir, exist_ok=True)
            target = os.path.join(out_dir, "report.png")
            opened.page.screenshot(path=target, clip={"x": 0, "y": 0, "width": 1100,
                                                      "height": height})
    if opened.errors:
        raise RuntimeError(f"console errors: {opened.errors}")
    return target


if __name__ == "__main__":
    from browser_support import picture_main
    picture_main(sys.argv, report_picture, os.path.join(ROOT, "docs", "images"))
