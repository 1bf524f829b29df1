"""A layered (Sugiyama-style) layout of a :class:`~.graph.Diagram`.

The stages, each in its own module: ranks (:mod:`.rank`: longest path, balanced), order
within the ranks (:mod:`.order`: dummies for long edges, barycenter sweeps + transpose),
coordinates along the ranks (:mod:`.position`: Brandes-Köpf, so chains and long edges are
straight), then here: coordinates across the ranks, edge routes through the dummies, ports
(the edges into or out of one box spread along its side, in the order they arrive), the
direction (``rankdir`` TB, BT, LR, RL, as Graphviz), and groups.

A group (a nested model drawn expanded) is laid out on its own first, then takes part in
its parent's layout as one box of its frame's size; an edge that enters it is routed to the
group's border at the inner box's position and goes straight on to that box (the boxes that
receive such edges are pinned to the group's first rank, the boxes that send them, when
nothing inside follows them, to its last).

>>> from paramscope.diagram.graph import Diagram, Row
>>> d = Diagram()
>>> for name in "abc":
...     node = d.add_node(name, [Row(name, "title")])
...     node.width, node.height = 40, 20
>>> _ = d.add_edge("a", "b"); _ = d.add_edge("b", "c")
>>> result = layout(d)
>>> [result.boxes[n] for n in "abc"]   # one straight column
[(0.0, 0.0, 40, 20), (0.0, 64.0, 40, 20), (0.0, 128.0, 40, 20)]
"""

from __future__ import annotations

from .order import Layered, minimise_crossings
from .position import assign_x
from .rank import assign_ranks, feedback_edges

RANKDIRS = ("TB", "BT", "LR", "RL")
LOOP_ROOM = 22.0       # beside a box whose layer feeds itself, for the loop


class Spacing:
    """Gaps in pixels: between boxes in a rank, between long edges, between ranks, inside a
    group's frame; ``port_gap`` between the ends of edges sharing a box's side."""

    def __init__(self, node_sep=28.0, edge_sep=12.0, rank_sep=44.0, group_pad=14.0,
                 port_gap=14.0):
        self.node_sep = node_sep
        self.edge_sep = edge_sep
        self.rank_sep = rank_sep
        self.group_pad = group_pad
        self.port_gap = port_gap


class Layout:
    """Where everything goes (pixels; origin top left).

    - ``boxes[node_id]`` and ``groups[group_id]``: ``(x, y, width, height)``;
    - ``edges[i]``: the points of ``diagram.edges[i]``'s route, from the source box's side
      to the target box's side (draw it through them); ``edge_kinds[i]``: ``forward``
      (along the ranks' direction), ``back`` (against it: an edge that closes a cycle) or
      ``loop`` (a box to itself: four points of one cubic curve, beside the box);
    - ``crossings``: edge crossings left between adjacent ranks (summed over the groups);
      ``ranks``: the number of ranks of the outermost level.
    """

    def __init__(self, rankdir, width, height, boxes, groups, edges, edge_kinds, crossings,
                 ranks):
        self.rankdir = rankdir
        self.edge_kinds = edge_kinds
        self.width = width
        self.height = height
        self.boxes = boxes
        self.groups = groups
        self.edges = edges
        self.crossings = crossings
        self.ranks = ranks


class _Level:
    """One level (the top, or a group's inside) laid out in normalised coordinates:
    ``c`` across the ranks, ``m`` down them."""

    def __init__(self, key):
        self.key = key             # group id, or None for the top level
        self.items = []            # node ids and ('group', id) pairs
        self.edges = []            # (diagram edge index, source item, target item)
        self.reversed = set()      # diagram edge indices laid out against their direction
        self.centre = {}           # item -> (c, m) relative to the level's origin
        self.routes = {}           # diagram edge index -> interior points
        self.size = (0.0, 0.0)     # (cross, main)
        self.crossings = 0
        self.ranks = 0
        self.origin = (0.0, 0.0)   # absolute position of the level's origin (set by _place)


def layout(diagram, rankdir="TB", spacing=None):
    """Lay out ``diagram`` (node sizes already set); see :class:`Layout`."""
    rankdir = rankdir.upper() if isinstance(rankdir, str) else rankdir
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}; received {rankdir!r}")
    spacing = spacing or Spacing()
    horizontal = rankdir in ("LR", "RL")
    planner = _Planner(diagram, spacing, horizontal)
    return planner.run(rankdir)


class _Planner:
    def __init__(self, diagram, spacing, horizontal):
        self.d = diagram
        self.sp = spacing
        self.horizontal = horizontal
        self.levels = {}
        self.loops = {e.src for e in diagram.edges if e.src == e.dst}

    # -- sizes in normalised coordinates ------------------------------------------------

    def node_size(self, node):
        """(cross, main) extent of a box."""
        return (node.height, node.width) if self.horizontal else (node.width, node.height)

    def footprint(self, node):
        """(cross, main) room a box takes in its rank: its size, and the room for its loop."""
        cross, main = self.node_size(node)
        if node.id in self.loops and not self.horizontal:
            cross += 2 * LOOP_ROOM
        return cross, main

    def group_frame(self, group, inner):
        """(cross, main) extent of a group's frame and the offset of its inside."""
        pad, header = self.sp.group_pad, group.label_height
        label_need = group.label_width + 2 * pad
        cross, main = inner.size
        if self.horizontal:     # the label heads the frame: across the ranks
            size = (cross + 2 * pad + header, max(main + 2 * pad, label_need))
            offset = (pad + header, (size[1] - main) / 2)
        else:
            size = (max(cross + 2 * pad, label_need), main + 2 * pad + header)
            offset = ((size[0] - cross) / 2, pad + header)
        return size, offset

    # -- the levels -----------------------------------------------------------------------

    def run(self, rankdir):
        self._collect_levels()
        for key in self._levels_bottom_up():
            self._layout_level(self.levels[key])
        top = self.levels[None]
        positions = {}                   # node id -> (c, m) centre, absolute
        frames = {}                      # group id -> (c0, m0, c1, m1)
        self._place(top, (0.0, 0.0), positions, frames)
        routes, reversed_edges = self._edge_routes(positions, frames)
        return self._finish(rankdir, top, positions, frames, routes, reversed_edges)

    def _collect_levels(self):
        d = self.d
        self.levels[None] = _Level(None)
        for g in d.groups:
            self.levels[g.id] = _Level(g.id)
        seen = set()
        for node in d.nodes:
            chain = d.group_chain(node.group)      # innermost first
            child = node.id
            for level_key in chain + [None]:
                if (level_key, child) in seen:
                    break
                seen.add((level_key, child))
                self.levels[level_key].items.append(child)
                if level_key is None:
                    break
                child = ("group", level_key)
        for g in d.groups:     # groups with no boxes still get a frame
            if (g.parent, ("group", g.id)) not in seen:
                seen.add((g.parent, ("group", g.id)))
                self.levels[g.parent].items.append(("group", g.id))
        for i, e in enumerate(d.edges):
            if e.src == e.dst:
                continue
            key, src_item, dst_item = self._common_level(e.src, e.dst)
            self.levels[key].edges.append((i, src_item, dst_item))

    def _common_level(self, src, dst):
        d = self.d
        src_chain = [None] + d.group_chain(d.node(src).group)[::-1]   # outermost first
        dst_chain = [None] + d.group_chain(d.node(dst).group)[::-1]
        depth = 0
        while (depth + 1 < len(src_chain) and depth + 1 < len(dst_chain)
               and src_chain[depth + 1] == dst_chain[depth + 1]):
            depth += 1
        key = src_chain[depth]

        def item(chain, node_id):
            return ("group", chain[depth + 1]) if depth + 1 < len(chain) else node_id
        return key, item(src_chain, src), item(dst_chain, dst)

    def _levels_bottom_up(self):
        depth = {None: 0}
        for g in self.d.groups:
            depth[g.id] = len(self.d.group_chain(g.id))
        return sorted(self.levels, key=lambda k: -depth[k])

    def _item_size(self, item):
        if isinstance(item, tuple):
            group = self.d.group(item[1])
            return self.group_frame(group, self.levels[item[1]])[0]
        return self.footprint(self.d.node(item))

    def _pins(self, level):
        """Boxes of a group's level that edges from outside enter (top) or leave (bottom)."""
        if level.key is None:
            return [], []
        index = {item: i for i, item in enumerate(level.items)}
        inner_nodes = self._descendant_items(level)
        top, bottom = set(), set()
        for e in self.d.edges:
            src_in, dst_in = e.src in inner_nodes, e.dst in inner_nodes
            if dst_in and not src_in:
                top.add(index[inner_nodes[e.dst]])
            if src_in and not dst_in:
                bottom.add(index[inner_nodes[e.src]])
        return sorted(top), sorted(bottom - top)

    def _descendant_items(self, level):
        """node id -> the item of ``level`` that contains it, for every node inside it."""
        found = {}
        for node in self.d.nodes:
            chain = self.d.group_chain(node.group)[::-1]     # outermost first
            if level.key in chain:
                at = chain.index(level.key)
                found[node.id] = ("group", chain[at + 1]) if at + 1 < len(chain) else node.id
        return found

    def _layout_level(self, level):
        sp = self.sp
        n = len(level.items)
        index = {item: i for i, item in enumerate(level.items)}
        sizes = [self._item_size(item) for item in level.items]
        pairs = [(index[s], index[t]) for _, s, t in level.edges]
        for k in feedback_edges(n, pairs):
            level.reversed.add(level.edges[k][0])
            pairs[k] = pairs[k][::-1]
        pin_top, pin_bottom = self._pins(level)
        ranks = assign_ranks(n, pairs, pin_top, pin_bottom)
        g = Layered(n, [s[0] for s in sizes], ranks, pairs)
        level.crossings = minimise_crossings(g)
        level.ranks = len(g.layers)
        xs = assign_x(g, sp.node_sep, sp.edge_sep)
        band = [0.0] * len(g.layers)
        for i, (_, main) in enumerate(sizes):
            band[g.rank[i]] = max(band[g.rank[i]], main)
        tops, m = [], 0.0
        for r, h in enumerate(band):
            tops.append(m)
            m += h + (sp.rank_sep if r < len(band) - 1 else 0.0)
        for i, item in enumerate(level.items):
            r = g.rank[i]
            level.centre[item] = (xs[i], tops[r] + band[r] / 2)
        for (edge_index, _, _), chain in zip(level.edges, g.chains):
            points = []
            for dummy in chain[1:-1]:
                r = g.rank[dummy]
                points.append((xs[dummy], tops[r]))
                points.append((xs[dummy], tops[r] + band[r]))
            level.routes[edge_index] = points
        width = max((xs[i] + g.width[i] / 2 for i in range(len(xs))), default=0.0)
        level.size = (width, m)

    # -- absolute positions ---------------------------------------------------------------

    def _place(self, level, origin, positions, frames):
        oc, om = origin
        level.origin = origin
        for item, (c, m) in level.centre.items():
            if isinstance(item, tuple):
                group = self.d.group(item[1])
                inner = self.levels[item[1]]
                (fc, fm), (ic, im) = self.group_frame(group, inner)
                c0, m0 = oc + c - fc / 2, om + m - fm / 2
                frames[item[1]] = (c0, m0, c0 + fc, m0 + fm)
                self._place(inner, (c0 + ic, m0 + im), positions, frames)
            else:
                positions[item] = (oc + c, om + m)

    def _edge_routes(self, positions, frames):
        routes = [None] * len(self.d.edges)
        ends_out, ends_in = {}, {}
        for level in self.levels.values():
            oc, om = level.origin
            for edge_index, src_item, dst_item in level.edges:
                e = self.d.edges[edge_index]
                upper, lower = e.src, e.dst
                if edge_index in level.reversed:     # laid out from its target down
                    upper, lower, src_item, dst_item = lower, upper, dst_item, src_item
                inner = [(oc + c, om + m) for c, m in level.routes[edge_index]]
                src_c, src_m = positions[upper]
                dst_c, dst_m = positions[lower]
                _, src_main = self.node_size(self.d.node(upper))
                _, dst_main = self.node_size(self.d.node(lower))
                start = [(src_c, src_m + src_main / 2)]
                end = [(dst_c, dst_m - dst_main / 2)]
                if isinstance(src_item, tuple):      # leave the group's frame straight
                    start.append((src_c, frames[src_item[1]][3]))
                if isinstance(dst_item, tuple):
                    end.insert(0, (dst_c, frames[dst_item[1]][1]))
                routes[edge_index] = [start, inner, end]
                ends_out.setdefault(upper, []).append(((inner or end)[0][0], edge_index))
                ends_in.setdefault(lower, []).append(((inner or start)[-1][0], edge_index))
        self._spread_ports(ends_out, routes, 0)
        self._spread_ports(ends_in, routes, 2)
        reversed_edges = set().union(*(level.reversed for level in self.levels.values()))
        points = []
        for i, route in enumerate(routes):
            if route is None:       # a loop: drawn from the final boxes
                points.append(None)
                continue
            line = route[0] + route[1] + route[2]
            points.append(line[::-1] if i in reversed_edges else line)
        return points, reversed_edges

    def _spread_ports(self, ends, routes, part):
        """Spread the ends of edges sharing a box's side, ordered by where they go."""
        for node_id, items in ends.items():
            if len(items) < 2:
                continue
            cross, _ = self.node_size(self.d.node(node_id))
            items.sort()
            gap = min(self.sp.port_gap, 0.8 * cross / (len(items) - 1))
            for k, (_, edge_index) in enumerate(items):
                shift = (k - (len(items) - 1) / 2) * gap
                # The box's own point and, for a box in a group, where the edge crosses the
                # frame: both move, so the edge stays straight up to the frame.
                routes[edge_index][part] = [(c + shift, m) for c, m in routes[edge_index][part]]

    # -- the final picture -----------------------------------------------------------------

    def _finish(self, rankdir, top, positions, frames, routes, reversed_edges):
        cross, main = top.size
        for node_id, (c, m) in positions.items():
            nc, nm = self.footprint(self.d.node(node_id))
            cross = max(cross, c + nc / 2)
            main = max(main, m + nm / 2)

        def point(c, m):
            if rankdir == "TB":
                return (c, m)
            if rankdir == "BT":
                return (c, main - m)
            if rankdir == "LR":
                return (m, c)
            return (main - m, c)

        boxes = {}
        for node in self.d.nodes:
            c, m = positions[node.id]
            x, y = point(c, m)
            boxes[node.id] = (x - node.width / 2, y - node.height / 2, node.width, node.height)
        groups = {}
        for gid, (c0, m0, c1, m1) in frames.items():
            (xa, ya), (xb, yb) = point(c0, m0), point(c1, m1)
            groups[gid] = (min(xa, xb), min(ya, yb), abs(xb - xa), abs(yb - ya))
        width, height = (main, cross) if self.horizontal else (cross, main)
        edges, kinds = [], []
        for i, (e, route) in enumerate(zip(self.d.edges, routes)):
            if route is None:
                edges.append(_loop(boxes[e.src]))
                kinds.append("loop")
            else:
                edges.append([point(c, m) for c, m in route])
                kinds.append("back" if i in reversed_edges else "forward")
        if self.horizontal and self.loops:    # loops stick out right of the boxes
            width = max(width, max(boxes[n][0] + boxes[n][2] for n in self.loops) + LOOP_ROOM)
        crossings = sum(level.crossings for level in self.levels.values())
        return Layout(rankdir, width, height, boxes, groups, edges, kinds, crossings,
                      top.ranks)


def _loop(box):
    """A loop on the right side of a box: the four points of one cubic curve."""
    x, y, w, h = box
    right, middle = x + w, y + h / 2
    spread = min(6.0, h / 4)
    reach = LOOP_ROOM - 4
    bulge = min(8.0, h / 2 - spread)   # the curve stays within the box's own height
    return [(right, middle - spread), (right + reach, middle - spread - bulge),
            (right + reach, middle + spread + bulge), (right, middle + spread)]
