"""A plain description of a diagram: boxes with lines of text, edges, nested groups.

Nothing here knows about Keras: :mod:`.from_model` turns a model into a :class:`Diagram`,
:mod:`.layout` places it and :mod:`.svg` / :mod:`.dot` write it.

>>> d = Diagram()
>>> a = d.add_node("a", [Row("input_layer (InputLayer)", "title")])
>>> b = d.add_node("b", [Row("dense (Dense)", "title"), Row("Params: 9")])
>>> e = d.add_edge("a", "b")
>>> [n.id for n in d.nodes], [(e.src, e.dst) for e in d.edges]
(['a', 'b'], [('a', 'b')])
"""

from __future__ import annotations

#: Row kinds: ``title`` (the bold first line), ``text`` (a body line), ``good`` / ``bad``
#: (a coloured badge line, e.g. Trainable / Non-trainable).
ROW_KINDS = ("title", "text", "good", "bad")


class Row:
    """One line of a box's label."""

    __slots__ = ("text", "kind")

    def __init__(self, text, kind="text"):
        if kind not in ROW_KINDS:
            raise ValueError(f"row kind {kind!r} is not one of {ROW_KINDS}")
        self.text = str(text)
        self.kind = kind

    def __repr__(self):
        return f"Row({self.text!r}, {self.kind!r})"


class Node:
    """A box: ``rows`` of text; ``group`` is the id of the group it is drawn in (or None);
    ``data`` becomes ``data-*`` attributes in the SVG; ``category`` picks its colour.
    ``width`` / ``height`` are set by the writer that measures the text (see svg.measure)."""

    __slots__ = ("id", "rows", "group", "data", "category", "width", "height")

    def __init__(self, node_id, rows, group=None, data=None, category="other"):
        self.id = node_id
        self.rows = list(rows)
        self.group = group
        self.data = dict(data or {})
        self.category = category
        self.width = 0.0
        self.height = 0.0


class Edge:
    """A connection from box ``src`` to box ``dst``; ``count`` calls made it (drawn once).
    ``src == dst`` is allowed (a layer called on its own output: Keras draws a loop)."""

    __slots__ = ("src", "dst", "count", "data")

    def __init__(self, src, dst, count=1, data=None):
        self.src = src
        self.dst = dst
        self.count = count
        self.data = dict(data or {})


class Group:
    """A framed group of boxes (a nested model); ``parent`` is the enclosing group's id."""

    __slots__ = ("id", "label", "parent", "data", "label_width", "label_height")

    def __init__(self, group_id, label, parent=None, data=None):
        self.id = group_id
        self.label = label
        self.parent = parent
        self.data = dict(data or {})
        self.label_width = 0.0     # set with the nodes' sizes (svg.measure)
        self.label_height = 0.0


class Diagram:
    """Nodes, edges and groups, in insertion order (the order breaks ties in the layout)."""

    def __init__(self, title=""):
        self.title = title
        self.nodes = []
        self.edges = []
        self.groups = []
        self._node_index = {}
        self._group_index = {}
        self._edge_index = {}

    def add_node(self, node_id, rows, group=None, data=None, category="other"):
        if node_id in self._node_index:
            raise ValueError(f"duplicate node id {node_id!r}")
        if group is not None and group not in self._group_index:
            raise ValueError(f"node {node_id!r}: unknown group {group!r}")
        node = Node(node_id, rows, group, data, category)
        self._node_index[node_id] = node
        self.nodes.append(node)
        return node

    def add_group(self, group_id, label, parent=None, data=None):
        if group_id in self._group_index or group_id in self._node_index:
            raise ValueError(f"duplicate group id {group_id!r}")
        if parent is not None and parent not in self._group_index:
            raise ValueError(f"group {group_id!r}: unknown parent group {parent!r}")
        group = Group(group_id, label, parent, data)
        self._group_index[group_id] = group
        self.groups.append(group)
        return group

    def add_edge(self, src, dst, data=None):
        """Connect ``src`` to ``dst``; connecting the same pair again counts one more call."""
        for end in (src, dst):
            if end not in self._node_index:
                raise ValueError(f"edge {src!r} -> {dst!r}: unknown node {end!r}")
        edge = self._edge_index.get((src, dst))
        if edge is not None:
            edge.count += 1
            return edge
        edge = Edge(src, dst, 1, data)
        self._edge_index[(src, dst)] = edge
        self.edges.append(edge)
        return edge

    def node(self, node_id):
        return self._node_index[node_id]

    def group(self, group_id):
        return self._group_index[group_id]

    def has_node(self, node_id):
        return node_id in self._node_index

    def group_chain(self, group_id):
        """The group and its ancestors, innermost first."""
        chain = []
        while group_id is not None:
            chain.append(group_id)
            group_id = self._group_index[group_id].parent
        return chain
