"""Large models in ``paramscope report``: layers grouped into blocks, and a diagram of the
blocks (NASNetLarge has 1,041 layers; its page stays small and fast).

Blocks are runs of consecutive layers (in the model's order, which is a topological order):
layers named ``..._blockN...`` (ResNet, DenseNet, EfficientNet, MobileNet, VGG, Xception)
group by that prefix; otherwise a block ends at each merge layer (Add, Concatenate...: the
end of an Inception module or a NASNet cell).  At most :data:`MAX_BLOCKS` blocks: runs are
joined when there are more.

>>> rows = [("input", "InputLayer"), ("conv2_block1_1_conv", "Conv2D"),
...         ("conv2_block1_out", "Activation"), ("conv2_block2_1_conv", "Conv2D")]
>>> [(b.name, b.members) for b in group_names(rows)]
[('input', [0]), ('conv2_block1', [1, 2]), ('conv2_block2', [3])]
"""

from __future__ import annotations

import re

#: Above this many layers, the report groups them by block.
LARGE_MODEL = 200
MAX_BLOCKS = 120
MERGES = {"Add", "Concatenate", "Multiply", "Average", "Maximum", "Minimum", "Subtract", "Dot"}
_BLOCK = re.compile(r"^(.*?block_?\d+[a-z]?)(?:_|$)")


class Block:
    """A run of consecutive layers: ``name`` and ``members`` (indices into the rows)."""

    def __init__(self, name, members):
        self.name = name
        self.members = list(members)

    def __repr__(self):
        return f"Block({self.name!r}, {self.members!r})"


def _runs_by_prefix(names):
    runs = []
    for i, name in enumerate(names):
        match = _BLOCK.match(name)
        key = match.group(1) if match else None
        if runs and runs[-1][0] == key:
            runs[-1][1].append(i)
        else:
            runs.append((key, [i]))
    return [Block(key or names[m[0]] if len(m) == 1 or key else
                  f"{names[m[0]]} … {names[m[-1]]}", m) for key, m in runs]


def _runs_by_merge(rows):
    blocks, current = [], []
    for i, (name, class_name) in enumerate(rows):
        current.append(i)
        if class_name in MERGES:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    names = [r[0] for r in rows]
    return [Block(names[m[-1]] if rows[m[-1]][1] in MERGES else
                  (names[m[0]] if len(m) == 1 else f"{names[m[0]]} … {names[m[-1]]}"), m)
            for m in blocks]


def _join(blocks, limit):
    """Join consecutive blocks until there are at most ``limit``."""
    if len(blocks) <= limit:
        return blocks
    size = -(-len(blocks) // limit)
    out = []
    for start in range(0, len(blocks), size):
        part = blocks[start:start + size]
        name = part[0].name if len(part) == 1 else f"{part[0].name} … {part[-1].name}"
        out.append(Block(name, [i for b in part for i in b.members]))
    return out


def group_names(rows, limit=MAX_BLOCKS):
    """The blocks of ``rows`` (``(name, class_name)`` in the model's order)."""
    names = [name for name, _ in rows]
    prefixed = sum(1 for name in names if _BLOCK.match(name))
    blocks = _runs_by_prefix(names) if prefixed * 2 >= len(names) else _runs_by_merge(rows)
    return _join(blocks, limit)


def block_diagram(summary, blocks):
    """A :class:`~paramscope.diagram.Diagram` with one box per block (its layer count and
    params) and an edge where a layer of one block feeds a layer of another."""
    from ..diagram.graph import Diagram, Row
    diagram = Diagram(summary.name)
    where = {}
    for b, block in enumerate(blocks):
        rows = [summary.layers[i] for i in block.members]
        params = sum(row.params for row in rows)
        diagram.add_node(f"block{b}", [Row(block.name, "title"),
                                       Row(f"{len(rows)} layer{'s' if len(rows) != 1 else ''}"),
                                       Row(f"Params: {params:,}")],
                         data={"block": block.name, "layers": len(rows), "params": params},
                         category="model" if len(rows) > 1 else "other")
        for row in rows:
            where[row.name] = b
    seen = set()
    for b, block in enumerate(blocks):
        for i in block.members:
            for source, _, _ in summary.layers[i].inbound:
                a = where.get(source)
                if a is not None and a != b and (a, b) not in seen:
                    seen.add((a, b))
                    diagram.add_edge(f"block{a}", f"block{b}")
    return diagram


def render_block_diagram(summary, blocks, rankdir="TB"):
    from ..diagram import svg as svg_writer
    from ..diagram.layout import layout
    diagram = block_diagram(summary, blocks)
    svg_writer.measure(diagram)
    return svg_writer.render(diagram, layout(diagram, rankdir))
