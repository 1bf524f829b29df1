"""The HTML report as a person sees it, in headless Chromium (tests/browser_support.py).

For a Sequential CNN, ResNet50, a shared-layer Functional model, an LSTM seq2seq and a
nested model (the Keras-recorded diagram cases, tests/golden/diagrams): no console error,
nothing fetched but the page itself, no script; the table's numbers are the summary JSON's
(every layer, nested ones too, and the totals); the parameter chart has one bar per charted layer (the 15
largest and one for the rest) with heights proportional to the values; the diagram has a
box per layer, as many as Keras's plot_model draws.  Screenshots go to tests/artifacts/report/.
"""

import json
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_browser import OpenedReport, chromium, screenshot  # noqa: E402,F401 (fixture)
from browser_support import png_size  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "diagram"))
from diagram_support import build_case, keras_drawings  # noqa: E402

from paramscope.report import json as json_report  # noqa: E402
from paramscope.report import page  # noqa: E402
from paramscope.summary import summarize  # noqa: E402

CASES = keras_drawings()
SUBJECTS = ["sequential_cnn", "resnet50", "shared_layers", "lstm_seq2seq", "nested"]


def _flatten(layers, level=0):
    for layer in layers:
        yield layer["name"], level, layer["params"]
        yield from _flatten(layer.get("layers", []), level + 1)


@pytest.mark.parametrize("case_id", SUBJECTS)
def test_report_in_chromium(chromium, tmp_path, case_id):
    model = build_case(CASES[case_id]["code"])
    data = json_report.to_dict(summarize(model))
    path = tmp_path / "report.html"
    path.write_text(page.render(model), encoding="utf-8")
    with OpenedReport(chromium, path) as opened:
        seen = opened.measure()
        screenshot(opened, case_id)
    assert opened.errors == []
    assert opened.requests == [path.as_uri()]
    assert seen["scripts"] == 0

    assert [(r["name"], r["level"], r["params"]) for r in seen["rows"]] == list(
        _flatten(data["layers"]))
    assert all(r["text"].split()[0].replace(",", "") == str(r["params"]) for r in seen["rows"])
    assert seen["totals"] == {"Total params": data["total_params"],
                              "Trainable params": data["trainable_params"],
                              "Non-trainable params": data["non_trainable_params"]}
    assert int(seen["headline"]["total_params"]) == data["total_params"]

    bars = seen["charts"]["params"]
    ranked = sorted((l["params"] for l in data["layers"]), reverse=True)
    wanted = ranked[:page.TOP_LAYERS] + ([sum(ranked[page.TOP_LAYERS:])]
                                        if len(ranked) > page.TOP_LAYERS else [])
    assert [b["value"] for b in bars] == wanted
    top = max(b["value"] for b in bars)
    tallest = max(b["height"] for b in bars)
    for bar in bars:
        assert bar["height"] == pytest.approx(tallest * bar["value"] / top, abs=0.6), bar
    assert len({round(b["bottom"], 1) for b in bars}) == 1          # on one baseline

    import paramscope
    if callable(getattr(paramscope, "profile", None)):     # issue 11's profile: MACs, memory
        prof = paramscope.profile(model).to_dict()
        known = sorted((l["macs"] for l in prof["layers"] if l["macs"] is not None),
                       reverse=True)
        macs = [b["value"] for b in seen["charts"]["macs"]]
        assert macs == known[:page.TOP_LAYERS] + ([sum(known[page.TOP_LAYERS:])]
                                                  if len(known) > page.TOP_LAYERS else [])
        memory = prof["memory"]
        parts = [memory[k] for k in ("weights_bytes", "gradients_bytes", "optimizer_bytes",
                                     "activations_bytes")]
        if None in parts:         # an unknown dimension (a sequence length): no chart
            assert "memory" not in seen["charts"] and prof["macs"] is None
            assert seen["headline"]["macs"] == "" and seen["headline"]["training_bytes"] == ""
        else:
            assert [b["value"] for b in seen["charts"]["memory"]] == parts
            assert int(seen["headline"]["macs"]) == prof["macs"]
            assert int(seen["headline"]["training_bytes"]) == memory["training_bytes"]
    for chart in seen["charts"].values():               # every chart: heights proportional
        top = max([b["value"] for b in chart] + [0])
        tallest = max([b["height"] for b in chart] + [0])
        for bar in chart:
            wanted = tallest * bar["value"] / top if top else 0
            assert bar["height"] == pytest.approx(wanted, abs=0.6), bar

    unexpanded = [d for d in CASES[case_id]["drawings"] if not d["options"].get("expand_nested")]
    assert seen["diagramBoxes"] == len(unexpanded[0]["nodes"])     # Keras's plot_model boxes
    assert seen["arithmetic"] == len(data["layers"])


def test_readme_picture_is_made_by_this_script(chromium, tmp_path):
    from report_pictures import report_picture
    path = report_picture(chromium, str(tmp_path))
    width, height = png_size(path)
    assert (width, height) == (1100, 1250)
