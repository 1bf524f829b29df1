"""The SVG diagram as a person sees it: opened in headless Chromium, read back from the page.

For each model (the Keras-recorded cases of tests/golden/diagrams/, so the expected boxes
and edges are the ones Keras's plot_model draws): no console error; one box per layer and
one edge per connection (from the elements' data-* attributes); no two boxes overlap; every
box, frame and text lies inside the drawing; every label's text fits inside its box (as the
browser's fonts measure it); every edge starts on its source box and ends (the arrow's tip)
on its target box; nested models' frames hold exactly their boxes.  Screenshots are saved in
tests/artifacts/diagram/.
"""

import pytest

from diagram_browser import OpenedSvg, chromium, safe_name, screenshot  # noqa: F401 (fixture)
from browser_support import OpenedPage, png_size
from diagram_support import build_case, group_name, keras_drawings
from paramscope.diagram import Options
from paramscope.diagram.plot import render_model

CASES = keras_drawings()
TOLERANCE = 0.75   # pixels: anti-aliasing and rounding of the rendered boxes

# (case, which of its recorded option sets, rankdir)
SUBJECTS = [
    ("sequential_cnn", -1, "TB"),
    ("resnet50", -1, "TB"),
    ("shared_layers", -1, "TB"),
    ("lstm_seq2seq", -1, "TB"),
    ("nested", -1, "TB"),
    ("nested", -1, "LR"),
    ("nested_twice", -1, "TB"),
    ("repeated_call", -1, "TB"),
    ("multi_io_dict", -1, "LR"),
    ("ops_and_operators", -1, "BT"),
    ("inception_v3", -1, "TB"),
    ("nasnet_mobile", -1, "TB"),
    ("mobilenet_v3_small", -1, "RL"),
]


def _render(case_id, index, rankdir):
    drawn = CASES[case_id]["drawings"][index]
    options = Options(**dict({"show_layer_names": True, "show_params": True},
                             **drawn["options"]))
    svg = render_model(build_case(CASES[case_id]["code"]), "svg", rankdir, options)
    return drawn, svg


def _overlap(a, b):
    return (a["x"] + TOLERANCE < b["x"] + b["w"] and b["x"] + TOLERANCE < a["x"] + a["w"]
            and a["y"] + TOLERANCE < b["y"] + b["h"] and b["y"] + TOLERANCE < a["y"] + a["h"])


def _inside(inner, outer, slack=TOLERANCE):
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + slack
            and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + slack)


def _on_border(point, box, slack=1.0):
    """The point lies on the rectangle's outline (within ``slack``)."""
    x, y = point
    left, top, right, bottom = box["x"], box["y"], box["x"] + box["w"], box["y"] + box["h"]
    within_x = left - slack <= x <= right + slack
    within_y = top - slack <= y <= bottom + slack
    return within_x and within_y and (
        abs(x - left) <= slack or abs(x - right) <= slack
        or abs(y - top) <= slack or abs(y - bottom) <= slack)


@pytest.mark.parametrize("case_id, index, rankdir", SUBJECTS,
                         ids=[f"{c}-{r}" for c, _, r in SUBJECTS])
def test_diagram_in_chromium(chromium, case_id, index, rankdir):
    drawn, svg = _render(case_id, index, rankdir)
    with OpenedSvg(chromium, svg) as opened:
        seen = opened.measure()
        screenshot(opened, safe_name(f"{case_id}-{rankdir}"))
    assert opened.errors == []

    # One box per layer, one edge per connection: Keras's own.
    ids = [n["id"] for n in seen["nodes"]]
    assert sorted(ids) == sorted(name for name, _ in drawn["nodes"])
    assert len(ids) == len(set(ids))
    pairs = [(e["src"], e["dst"]) for e in seen["edges"]]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {tuple(e) for e in drawn["edges"]}

    boxes = {n["id"]: n for n in seen["nodes"]}
    drawing = seen["drawing"]
    ordered = sorted(seen["nodes"], key=lambda n: n["box"]["x"])
    for i, a in enumerate(ordered):            # no two boxes overlap (sweep along x)
        for b in ordered[i + 1:]:
            if b["box"]["x"] >= a["box"]["x"] + a["box"]["w"]:
                break
            assert not _overlap(a["box"], b["box"]), (a["id"], b["id"])
    for node in seen["nodes"]:
        assert _inside(node["box"], drawing), node["id"]
        for text in node["texts"]:             # the label fits its box, in the real font
            assert _inside(text["box"], node["box"]), (node["id"], text["text"], text["box"],
                                                       node["box"])
    for edge in seen["edges"]:
        src, dst = boxes[edge["src"]]["user"], boxes[edge["dst"]]["user"]
        assert _on_border(edge["start"], src), edge
        assert _on_border(edge["tip"], dst), edge
        assert edge["length"] > 0

    # Frames (nested models): inside the drawing, around exactly their boxes.
    frames = {group_name(g["id"]): g for g in seen["groups"]}
    assert set(frames) == {name for name, _, _ in drawn["clusters"]}
    for name, frame in frames.items():
        assert _inside(frame["box"], drawing)
        assert _inside(frame["label"], frame["box"])
        for node in seen["nodes"]:
            cluster = drawn["node_cluster"][node["id"]]
            member = cluster is not None and (cluster == name or cluster.startswith(name + "/"))
            if member:
                assert _inside(node["box"], frame["box"]), (node["id"], name)
            else:
                assert not _overlap(node["box"], frame["box"]), (node["id"], name)


def test_svg_opens_as_a_document_of_its_own(chromium, tmp_path):
    """The SVG file itself (not inline in HTML) is a valid, self-contained document."""
    drawn, svg = _render("nested", -1, "TB")
    path = tmp_path / "nested.svg"
    path.write_text(svg, encoding="utf-8")
    with OpenedPage(chromium, 1280, 720) as opened:
        opened.page.goto(path.as_uri())
        root = opened.page.evaluate("document.documentElement.localName")
        boxes = opened.page.evaluate("document.querySelectorAll('g.ps-node').length")
    assert opened.errors == []
    assert root == "svg"
    assert boxes == len(drawn["nodes"])
    assert opened.requests == [path.as_uri()]          # nothing else fetched


def test_readme_picture_is_made_by_this_script(chromium, tmp_path):
    from readme_pictures import resnet50_picture
    path = resnet50_picture(chromium, str(tmp_path))
    width, height = png_size(path)
    assert 400 < width < 1200 and 800 < height < 2000
