"""The diagram's boxes, labels, edges and frames are the ones Keras's plot_model draws.

Fixture: tests/golden/diagrams/keras3.json.gz, recorded from Keras 3.15's own
``model_to_dot`` by tools/make_diagrams.py (cases in tools/cases/diagrams.py).
"""

import pytest

from diagram_support import build_case, group_name, keras_drawings
from paramscope.diagram import Options, model_diagram

CASES = keras_drawings()
PARAMS = [pytest.param(case_id, i, id=f"{case_id}-{i}")
          for case_id, case in sorted(CASES.items()) for i in range(len(case["drawings"]))]


def _options(recorded):
    # model_to_dot's defaults (show_layer_names=True), then the case's keywords.
    return Options(**dict({"show_layer_names": True}, **recorded))


@pytest.mark.parametrize("case_id, index", PARAMS)
def test_same_boxes_labels_edges_and_frames_as_keras(case_id, index):
    case = CASES[case_id]
    drawn = case["drawings"][index]
    diagram = model_diagram(build_case(case["code"]), _options(drawn["options"]))

    ours = {node.id: [row.text for row in node.rows] for node in diagram.nodes}
    theirs = {name: cells for name, cells in drawn["nodes"]}
    assert len(diagram.nodes) == len(drawn["nodes"])
    assert sorted(ours) == sorted(theirs)
    for name, cells in theirs.items():
        assert ours[name] == cells, name

    # Keras adds a pair once per graph; we draw each pair once (calls counted on it).
    keras_edges = {tuple(e) for e in drawn["edges"]}
    assert len(keras_edges) == len(drawn["edges"])
    assert {(e.src, e.dst) for e in diagram.edges} == keras_edges
    assert len(diagram.edges) == len(keras_edges)

    assert {(group_name(g.id), group_name(g.parent)) for g in diagram.groups} == \
        {(name, parent) for name, _, parent in drawn["clusters"]}
    assert {n.id: group_name(n.group) for n in diagram.nodes} == drawn["node_cluster"]
