"""The layered layout without a browser: geometry checked on the numbers it returns.

Properties (Hypothesis, random graphs with random box sizes, nested groups, cycles and
loops, every rankdir): no two boxes overlap, everything lies inside the drawing, every edge
starts on its source box and ends on its target box, forward edges run in the ranks'
direction, frames hold exactly their boxes; the crossing count is the number of crossing
segment pairs counted one by one.
"""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paramscope.diagram.graph import Diagram, Row
from paramscope.diagram.layout import RANKDIRS, layout
from paramscope.diagram.order import Layered, count_crossings, minimise_crossings
from paramscope.diagram.rank import assign_ranks, feedback_edges

EPS = 1e-6


def _diagram(sizes, edges, groups=None, node_group=None):
    d = Diagram("test")
    for gid, parent in (groups or []):
        d.add_group(gid, f"group {gid}", parent)
        d.group(gid).label_width, d.group(gid).label_height = 40.0, 20.0
    for i, (w, h) in enumerate(sizes):
        node = d.add_node(f"n{i}", [Row(f"n{i}", "title")],
                          group=(node_group or {}).get(i))
        node.width, node.height = w, h
    for u, v in edges:
        d.add_edge(f"n{u}", f"n{v}")
    return d


def _overlap(a, b):
    return (a[0] + EPS < b[0] + b[2] and b[0] + EPS < a[0] + a[2]
            and a[1] + EPS < b[1] + b[3] and b[1] + EPS < a[1] + a[3])


def _inside(inner, outer):
    return (inner[0] >= outer[0] - EPS and inner[1] >= outer[1] - EPS
            and inner[0] + inner[2] <= outer[0] + outer[2] + EPS
            and inner[1] + inner[3] <= outer[1] + outer[3] + EPS)


def _on_border(point, box):
    x, y = point
    bx, by, bw, bh = box
    inside = bx - EPS <= x <= bx + bw + EPS and by - EPS <= y <= by + bh + EPS
    return inside and min(abs(x - bx), abs(x - bx - bw), abs(y - by), abs(y - by - bh)) < 1e-3


def check_geometry(d, result):
    drawing = (0.0, 0.0, result.width, result.height)
    boxes = result.boxes
    assert set(boxes) == {n.id for n in d.nodes}
    for a, b in itertools.combinations(d.nodes, 2):
        assert not _overlap(boxes[a.id], boxes[b.id]), (a.id, b.id)
    for n in d.nodes:
        assert _inside(boxes[n.id], drawing), n.id
        assert boxes[n.id][2:] == (n.width, n.height)
    for e, points, kind in zip(d.edges, result.edges, result.edge_kinds):
        assert _on_border(points[0], boxes[e.src]), (e.src, e.dst, points)
        assert _on_border(points[-1], boxes[e.dst]), (e.src, e.dst, points)
        assert kind == "loop" if e.src == e.dst else kind in ("forward", "back")
        for x, y in points:
            assert -EPS <= x <= result.width + EPS and -EPS <= y <= result.height + EPS
        if kind == "forward":        # drawn in the ranks' direction
            main = {"TB": 1, "BT": -1, "LR": 1, "RL": -1}[result.rankdir]
            axis = 1 if result.rankdir in ("TB", "BT") else 0
            assert (points[-1][axis] - points[0][axis]) * main > 0
    for g in d.groups:
        frame = result.groups[g.id]
        assert _inside(frame, drawing)
        if g.parent is not None:
            assert _inside(frame, result.groups[g.parent])
        for n in d.nodes:
            if g.id in d.group_chain(n.group):
                assert _inside(boxes[n.id], frame), (n.id, g.id)
            else:
                assert not _overlap(boxes[n.id], frame), (n.id, g.id)
    for g, h in itertools.combinations(d.groups, 2):
        if g.id not in d.group_chain(h.id) and h.id not in d.group_chain(g.id):
            assert not _overlap(result.groups[g.id], result.groups[h.id])


def test_a_chain_is_one_straight_column():
    sizes = [(40 + 13 * (i % 4), 20 + 5 * (i % 3)) for i in range(8)]
    d = _diagram(sizes, [(i, i + 1) for i in range(7)])
    result = layout(d)
    centres = {round(x + w / 2, 6) for x, y, w, h in result.boxes.values()}
    assert len(centres) == 1
    tops = [result.boxes[f"n{i}"][1] for i in range(8)]
    assert tops == sorted(tops) and len(set(tops)) == 8
    assert result.ranks == 8 and result.crossings == 0
    for points in result.edges:                 # straight: one x all along
        assert len({round(x, 6) for x, _ in points}) == 1
    check_geometry(d, result)


def test_left_to_right_turns_the_picture():
    d = _diagram([(60, 24)] * 4, [(0, 1), (1, 2), (2, 3)])
    result = layout(d, "LR")
    assert len({round(y + h / 2, 6) for x, y, w, h in result.boxes.values()}) == 1
    lefts = [result.boxes[f"n{i}"][0] for i in range(4)]
    assert lefts == sorted(lefts)
    assert result.width > result.height
    check_geometry(d, result)


def test_bottom_to_top_and_right_to_left_mirror():
    d = _diagram([(60, 24)] * 3, [(0, 1), (1, 2)])
    tb, bt = layout(d, "TB"), layout(d, "BT")
    assert [bt.boxes[f"n{i}"][1] for i in range(3)] == \
        [tb.height - tb.boxes[f"n{i}"][1] - 24 for i in range(3)]
    rl = layout(d, "RL")
    assert [rl.boxes[f"n{i}"][0] for i in range(3)] == sorted(
        (rl.boxes[f"n{i}"][0] for i in range(3)), reverse=True)


def test_unavoidable_crossing_is_counted_and_avoidable_ones_removed():
    # K2,2 has one crossing in any two-rank drawing.
    k22 = _diagram([(40, 20)] * 4, [(0, 2), (0, 3), (1, 2), (1, 3)])
    assert layout(k22).crossings == 1
    # Two parallel chains given crossed (0->3, 1->2) untangle to zero.
    crossed = _diagram([(40, 20)] * 4, [(0, 3), (1, 2)])
    assert layout(crossed).crossings == 0


def test_second_input_is_drawn_next_to_its_consumer():
    # n3 only feeds n2: ranked one above n2 (not at the top beside n0).
    assert assign_ranks(4, [(0, 1), (1, 2), (3, 2)]) == [0, 1, 2, 1]
    # Pinned to the top, it stays there.
    assert assign_ranks(4, [(0, 1), (1, 2), (3, 2)], pin_top=[3]) == [0, 1, 2, 0]


def test_cycles_are_broken_and_drawn_back():
    assert feedback_edges(3, [(0, 1), (1, 2), (2, 1)]) == {2}
    assert feedback_edges(3, [(0, 1), (1, 2)]) == set()
    d = _diagram([(50, 24)] * 3, [(0, 1), (1, 2), (2, 1), (1, 1)])
    result = layout(d)
    assert result.edge_kinds == ["forward", "forward", "back", "loop"]
    check_geometry(d, result)


def test_unknown_rankdir():
    with pytest.raises(ValueError, match="rankdir must be one of"):
        layout(_diagram([(10, 10)], []), "XY")


def test_empty_and_single():
    result = layout(_diagram([], []))
    assert (result.width, result.height, result.boxes) == (0.0, 0.0, {})
    result = layout(_diagram([(30, 12)], []))
    assert result.boxes == {"n0": (0.0, 0.0, 30, 12)}


def _brute_force_crossings(g):
    total = 0
    for r in range(len(g.layers) - 1):
        segments = [(g.pos[u], g.pos[v]) for u in g.layers[r] for v in g.down[u]]
        for (a1, b1), (a2, b2) in itertools.combinations(segments, 2):
            if (a1 - a2) * (b1 - b2) < 0:
                total += 1
    return total


@st.composite
def graphs(draw, max_nodes=18, cycles=False, with_groups=False):
    n = draw(st.integers(0, max_nodes))
    sizes = [(draw(st.integers(20, 160)), draw(st.integers(12, 70))) for _ in range(n)]
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), max_size=3 * n, unique=True)) if pairs else []
    if cycles and n:
        back = [(v, u) for u, v in pairs] + [(u, u) for u in range(n)]
        edges += draw(st.lists(st.sampled_from(back), max_size=3, unique=True))
    groups, node_group = [], {}
    if with_groups and n:
        for k in range(draw(st.integers(0, 3))):
            parent = draw(st.sampled_from([None] + [g for g, _ in groups]))
            groups.append((f"g{k}", parent))
        if groups:
            for i in range(n):
                node_group[i] = draw(st.sampled_from([None] + [g for g, _ in groups]))
    return sizes, edges, groups, node_group


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs(), st.sampled_from(RANKDIRS))
def test_random_dags(graph, rankdir):
    sizes, edges, _, _ = graph
    d = _diagram(sizes, edges)
    check_geometry(d, layout(d, rankdir))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs(cycles=True, with_groups=True), st.sampled_from(RANKDIRS))
def test_random_graphs_with_cycles_loops_and_groups(graph, rankdir):
    sizes, edges, groups, node_group = graph
    d = _diagram(sizes, edges, groups, node_group)
    check_geometry(d, layout(d, rankdir))


@settings(max_examples=150, deadline=None)
@given(graphs(max_nodes=14))
def test_crossings_counted_as_pairs_of_crossing_segments(graph):
    sizes, edges, _, _ = graph
    n = len(sizes)
    ranks = assign_ranks(n, edges)
    g = Layered(n, [w for w, _ in sizes], ranks, edges)
    best = minimise_crossings(g)
    assert best == count_crossings(g) == _brute_force_crossings(g)


@settings(max_examples=60, deadline=None)
@given(graphs(max_nodes=12))
def test_same_input_same_picture(graph):
    sizes, edges, _, _ = graph
    a = layout(_diagram(sizes, edges))
    b = layout(_diagram(sizes, edges))
    assert (a.boxes, a.edges, a.width, a.height) == (b.boxes, b.edges, b.width, b.height)
