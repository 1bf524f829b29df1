"""The README's diagram picture, made in headless Chromium as the browser tests see it.

    .venv/bin/python tests/diagram/readme_pictures.py [OUT_DIR]    # default: docs/images

Writes ``resnet50_plot.png``: ResNet50's first residual block in its diagram (``paramscope
plot --show-shapes --show-params``), from the stem's pooling to the block's output.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

FIRST_BOX, LAST_BOX = "pool1_pool", "conv2_block1_out"


def resnet50_picture(browser, out_dir):
    import paramscope.keras as keras
    from paramscope import backend_config, naming
    from paramscope.diagram import Options
    from paramscope.diagram.plot import render_model
    from diagram_browser import OpenedSvg

    naming.clear_session()
    backend_config.reset()
    model = keras.applications.ResNet50(weights=None)
    svg = render_model(model, "svg", "TB", Options(show_shapes=True, show_params=True))
    with OpenedSvg(browser, svg, width=1000, height=1200) as opened:
        top, bottom, width = opened.page.evaluate(
            "(() => { const box = n => document.querySelector(`g.ps-node[data-node=\"${n}\"] "
            "rect`).getBoundingClientRect(); const s = document.querySelector('svg')"
            ".getBoundingClientRect(); return [box('%s').top, box('%s').bottom, s.width]; })()"
            % (FIRST_BOX, LAST_BOX))
        os.makedirs(out_dir, exist_ok=True)
        path = os.path.join(out_dir, "resnet50_plot.png")
        opened.page.screenshot(path=path, full_page=True,
                               clip={"x": 0, "y": top - 12, "width": width,
                                     "height": bottom - top + 24})
    if opened.errors:
        raise RuntimeError(f"console errors: {opened.errors}")
    return path


if __name__ == "__main__":
    from browser_support import picture_main
    picture_main(sys.argv, resnet50_picture, os.path.join(ROOT, "docs", "images"))
