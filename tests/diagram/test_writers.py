"""The SVG and DOT writers: well-formed, escaped, self-contained, sized to their text."""

import re
import xml.etree.ElementTree as ET

import pytest

from paramscope.diagram import Options, model_diagram
from paramscope.diagram import dot as dot_writer
from paramscope.diagram import svg as svg_writer
from paramscope.diagram.graph import Diagram, Row
from paramscope.diagram.layout import layout
from paramscope.diagram.textwidth import text_width

SVG_NS = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert('x')</script> & \"q\" \x01\ud800 ]]> 名前"


def _hostile_diagram():
    d = Diagram(HOSTILE)
    d.add_group("g", HOSTILE)
    d.add_node("a" + HOSTILE, [Row(HOSTILE, "title"), Row(HOSTILE), Row("Trainable", "good")],
               data={"layer": HOSTILE, "we!rd key": HOSTILE})
    d.add_node("b", [Row("b", "title")], group="g")
    d.add_edge("a" + HOSTILE, "b")
    d.add_edge("a" + HOSTILE, "b")
    return d


def _svg(d, rankdir="TB"):
    svg_writer.measure(d)
    return svg_writer.render(d, layout(d, rankdir))


def test_svg_is_well_formed_and_holds_the_text_exactly():
    text = _svg(_hostile_diagram())
    root = ET.fromstring(text)
    assert root.tag == SVG_NS + "svg"
    clean = HOSTILE.replace("\x01", "\ufffd").replace("\ud800", "\ufffd")
    texts = [t.text for t in root.iter(SVG_NS + "text")]
    assert clean in texts                       # the title row and the body row
    node = next(g for g in root.iter(SVG_NS + "g") if g.get("class") == "ps-node")
    assert node.get("data-layer") == clean
    assert node.get("data-we-rd-key") == clean
    edge = next(g for g in root.iter(SVG_NS + "g") if g.get("class") == "ps-edge")
    assert edge.get("data-count") == "2"
    assert "×2" in [t.text for t in edge.iter(SVG_NS + "text")]


def test_svg_is_self_contained_and_embeddable():
    text = _svg(_hostile_diagram())
    assert "<script" not in text
    for forbidden in ("href", "url(", "@import", "<style", " id=", "<image", "<foreignObject"):
        assert forbidden not in text
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_long_rows_are_clipped_with_the_full_text_in_the_tooltip():
    d = Diagram()
    d.add_node("n", [Row("x" * 500, "title")])
    text = _svg(d)
    root = ET.fromstring(text)
    shown = [t.text for t in root.iter(SVG_NS + "text")]
    assert shown == ["x" * (svg_writer.MAX_LINE_CHARS - 1) + "…"]
    assert "x" * 500 in [t.text for t in root.iter(SVG_NS + "title")]
    assert d.node("n").width < 1200


def test_boxes_are_as_wide_as_their_widest_row():
    d = Diagram()
    node = d.add_node("n", [Row("conv2d (Conv2D)", "title"),
                            Row("Output shape: (None, 26, 26, 32)")])
    svg_writer.measure(d)
    needed = max(text_width("conv2d (Conv2D)", svg_writer.TITLE_SIZE, bold=True),
                 text_width("Output shape: (None, 26, 26, 32)", svg_writer.TEXT_SIZE))
    assert needed + 2 * svg_writer.PAD_X <= node.width <= needed + 2 * svg_writer.PAD_X + 1
    assert node.height == svg_writer.TITLE_BAND + svg_writer.LINE_HEIGHT + svg_writer.PAD_BOTTOM


def test_text_widths():
    assert text_width("", 12) == 0
    assert text_width("W", 10) > text_width("i", 10)
    assert text_width("名", 10) == 10.0            # outside the table: one em
    assert text_width("ab", 12, bold=True) > text_width("ab", 12)


def test_dot_is_valid_and_escaped():
    text = dot_writer.render(_hostile_diagram(), "LR")
    assert text.startswith('digraph "') and text.rstrip().endswith("}")
    assert "rankdir=LR" in text
    assert text.count("{") == text.count("}")
    assert "\ud800" not in text and "\x01" not in text
    text.encode("utf-8")
    html_labels = re.findall(r"label=(<<table.*?</table>>)", text)
    assert len(html_labels) == 2
    assert "<script>" not in html_labels[0] and "&lt;script&gt;" in html_labels[0]
    # Quoted strings (graph name, cluster label) escape their quotes.
    assert '\\"q\\"' in text
    assert re.search(r"^\s*n0 -> n1 \[label=\"×2\"\];$", text, re.M)
    assert re.search(r"^\s*subgraph cluster_\d+_0 \{$", text, re.M)
    # Node ids are n0, n1, ...: names appear only inside labels.
    assert set(re.findall(r"^\s*(n\d+) \[label=", text, re.M)) == {"n0", "n1"}


def test_dot_of_a_model_follows_keras_options():
    import paramscope.keras as keras
    from paramscope.keras import layers
    model = keras.Sequential([keras.Input((4,)), layers.Dense(2, activation="relu",
                                                              name="hidden")])
    text = dot_writer.render(model_diagram(model, Options(show_shapes=True,
                                                          show_layer_activations=True)))
    assert "<b>hidden (Dense)</b>" in text
    assert "Activation: relu" in text and "Output shape: (None, 2)" in text


@pytest.mark.parametrize("rankdir", ["TB", "LR", "BT", "RL"])
def test_svg_size_holds_the_layout(rankdir):
    d = _hostile_diagram()
    svg_writer.measure(d)
    result = layout(d, rankdir)
    root = ET.fromstring(svg_writer.render(d, result))
    assert float(root.get("width")) == pytest.approx(result.width + 2 * svg_writer.MARGIN, abs=0.1)
    assert float(root.get("height")) == pytest.approx(result.height + 2 * svg_writer.MARGIN,
                                                      abs=0.1)
    assert root.get("data-rankdir") == rankdir
