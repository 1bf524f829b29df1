"""DOT text of a diagram, for people who have Graphviz (``dot -Tpng model.dot``).

Boxes are HTML-like tables in the manner of Keras's ``model_to_dot``; groups are clusters.
Node names are ``n0, n1, ...`` (the layer names, which may hold any character, only appear
escaped inside labels), so the text is valid DOT whatever the names are.

>>> from paramscope.diagram.graph import Diagram, Row
>>> d = Diagram("m")
>>> _ = d.add_node("a", [Row("a<b> & c", "title")]); _ = d.add_node("b", [Row("b", "title")])
>>> _ = d.add_edge("a", "b")
>>> text = render(d)
>>> print(text.splitlines()[0], text.splitlines()[-2].strip())
digraph "m" { n0 -> n1;
>>> "<b>a&lt;b&gt; &amp; c</b>" in text
True
"""

from __future__ import annotations

from .svg import BADGES, PALETTE
from .svg import escape as _html


def _quoted(text):
    """A DOT quoted string (only ``"`` and the backslash need care)."""
    text = "".join(" " if ord(ch) < 0x20 else "\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch
                   for ch in str(text))
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(node):
    header, _, title_colour = PALETTE.get(node.category, PALETTE["other"])
    cells = []
    for i, row in enumerate(node.rows):
        text = _html(row.text)
        if i == 0 and row.kind == "title":
            cells.append(f'<tr><td bgcolor="{header}"><font color="{title_colour}"><b>{text}'
                         "</b></font></td></tr>")
        elif row.kind in BADGES:
            fill, colour = BADGES[row.kind]
            cells.append(f'<tr><td bgcolor="{fill}"><font color="{colour}"><b>{text}</b>'
                         "</font></td></tr>")
        else:
            cells.append(f"<tr><td>{text}</td></tr>")
    return ('<<table border="0" cellborder="1" cellspacing="0" cellpadding="6">'
            + "".join(cells) + "</table>>")


def render(diagram, rankdir="TB"):
    """The DOT text of ``diagram``."""
    names = {node.id: f"n{i}" for i, node in enumerate(diagram.nodes)}
    lines = [f"digraph {_quoted(diagram.title or 'model')} {{",
             f"  graph [rankdir={rankdir}];",
             '  node [shape=plain, fontname="Helvetica", fontsize=11];',
             '  edge [color="#5f6b7a"];']
    children = {}
    for group in diagram.groups:
        children.setdefault(group.parent, []).append(group)
    members = {}
    for node in diagram.nodes:
        members.setdefault(node.group, []).append(node)

    def emit(group_id, indent):
        pad = "  " * indent
        for node in members.get(group_id, []):
            lines.append(f"{pad}{names[node.id]} [label={_label(node)}];")
        for k, group in enumerate(children.get(group_id, [])):
            lines.append(f"{pad}subgraph cluster_{len(lines)}_{k} {{")
            lines.append(f"{pad}  label={_quoted(group.label)}; labeljust=l; style=dashed;")
            emit(group.id, indent + 1)
            lines.append(f"{pad}}}")

    emit(None, 1)
    for edge in diagram.edges:
        attrs = f' [label="×{edge.count}"]' if edge.count > 1 else ""
        lines.append(f"  {names[edge.src]} -> {names[edge.dst]}{attrs};")
    lines.append("}")
    return "\n".join(lines) + "\n"
