"""The SVG writer: a self-contained picture of a laid-out diagram.

No scripts, no external fonts or images, no ``<style>`` element and no ``id`` attributes
(only presentation attributes), so the SVG can be embedded inline in an HTML page, several
times, without affecting anything else on it.  Every text is escaped for XML.  The
elements carry ``data-*`` attributes for tools and tests: ``g.ps-node`` has ``data-node``
(its id) and the node's data (``data-layer``, ``data-class``, ...), ``g.ps-edge`` has
``data-src``/``data-dst`` (node ids) and ``data-count``, ``g.ps-group`` has ``data-group``.

``measure(diagram)`` sets every box's size from its text; ``render(diagram, layout)``
returns the SVG document as a string.
"""

from __future__ import annotations

from .textwidth import FONT_FAMILY, text_width

TITLE_SIZE = 13.0
TEXT_SIZE = 12.0
TITLE_BAND = 24.0
LINE_HEIGHT = 17.0
PAD_X = 10.0
PAD_BOTTOM = 6.0
MIN_WIDTH = 64.0
GROUP_LABEL_SIZE = 12.0
COUNT_SIZE = 10.0
MARGIN = 16.0
MAX_LINE_CHARS = 96

#: (header fill, border, title text colour) per category.
PALETTE = {
    "input": ("#2e7d32", "#2e7d32", "#ffffff"),
    "conv": ("#1565c0", "#1565c0", "#ffffff"),
    "dense": ("#6a1b9a", "#6a1b9a", "#ffffff"),
    "recurrent": ("#ad1457", "#ad1457", "#ffffff"),
    "attention": ("#4527a0", "#4527a0", "#ffffff"),
    "embedding": ("#00695c", "#00695c", "#ffffff"),
    "normalization": ("#546e7a", "#546e7a", "#ffffff"),
    "activation": ("#ef6c00", "#ef6c00", "#ffffff"),
    "pooling": ("#00838f", "#00838f", "#ffffff"),
    "merge": ("#f9a825", "#c49000", "#1f2328"),
    "reshape": ("#8d6e63", "#8d6e63", "#ffffff"),
    "regularization": ("#9e9e9e", "#8a8a8a", "#ffffff"),
    "preprocessing": ("#558b2f", "#558b2f", "#ffffff"),
    "model": ("#263238", "#263238", "#ffffff"),
    "other": ("#455a64", "#455a64", "#ffffff"),
}
BADGES = {"good": ("#e6f4ea", "#1e7e34"), "bad": ("#fdecea", "#b3261e")}
EDGE_COLOUR = "#5f6b7a"
TEXT_COLOUR = "#1f2328"


def _clip(text):
    return text if len(text) <= MAX_LINE_CHARS else text[:MAX_LINE_CHARS - 1] + "…"


def measure(diagram):
    """Set ``width``/``height`` of every box and the label size of every group."""
    for node in diagram.nodes:
        width = MIN_WIDTH
        height = 0.0
        for i, row in enumerate(node.rows):
            title = i == 0 and row.kind == "title"
            size = TITLE_SIZE if title else TEXT_SIZE
            width = max(width, text_width(_clip(row.text), size, bold=title or
                                          row.kind in ("good", "bad")) + 2 * PAD_X)
            height += TITLE_BAND if title else LINE_HEIGHT
        node.width = round(width + 0.5)
        node.height = height + (PAD_BOTTOM if len(node.rows) > 1 else 0.0)
    for group in diagram.groups:
        group.label_width = text_width(_clip(group.label), GROUP_LABEL_SIZE, bold=True)
        group.label_height = LINE_HEIGHT + 4.0


def escape(text):
    """XML-escape ``text``; characters XML 1.0 cannot hold become U+FFFD."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&#39;")
        elif (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF \
                or code in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _data_attributes(data):
    parts = []
    for key, value in data.items():
        name = "".join(ch if (ch.isascii() and (ch.isalnum() or ch == "-")) else "-"
                       for ch in str(key).lower())
        parts.append(f' data-{name}="{escape(value)}"')
    return "".join(parts)


def _num(v):
    """Coordinates with at most one decimal, without a trailing .0."""
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def render(diagram, layout, title=None):
    """The SVG document of ``diagram`` placed by ``layout``."""
    width = layout.width + 2 * MARGIN
    height = layout.height + 2 * MARGIN
    title = diagram.title if title is None else title
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" role="img" class="paramscope-diagram" '
        f'data-rankdir="{layout.rankdir}" data-nodes="{len(diagram.nodes)}" '
        f'data-edges="{len(diagram.edges)}" data-crossings="{layout.crossings}" '
        f'font-family="{escape(FONT_FAMILY)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{_num(width)}" height="{_num(height)}" fill="#ffffff"/>',
        f'<g transform="translate({_num(MARGIN)},{_num(MARGIN)})">',
    ]
    out.append('<g class="ps-groups">')
    for group in diagram.groups:
        out.extend(_group(group, layout.groups[group.id], layout.edges))
    out.append("</g>")
    out.append('<g class="ps-edges">')
    for edge, points, kind in zip(diagram.edges, layout.edges, layout.edge_kinds):
        out.extend(_edge(edge, points, kind, layout.rankdir))
    out.append("</g>")
    out.append('<g class="ps-nodes">')
    for node in diagram.nodes:
        out.extend(_node(node, layout.boxes[node.id]))
    out.append("</g>")
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _group(group, box, routes):
    """The frame, and its label at the top left, or the top right where an edge enters
    the frame across the left place."""
    x, y, w, h = box
    label_y = y + GROUP_LABEL_SIZE + 6
    span = group.label_width + 8
    entries = [px for route in routes for px, py in route
               if abs(py - y) < 0.5 and x <= px <= x + w]
    anchor, label_x = "start", x + 10
    if any(label_x - 4 <= px <= label_x + span for px in entries) and not any(
            x + w - 10 - span <= px <= x + w - 6 for px in entries):
        anchor, label_x = "end", x + w - 10
    return [
        f'<g class="ps-group" data-group="{escape(group.id)}"{_data_attributes(group.data)}>',
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" rx="8" '
        'fill="#f6f8fa" stroke="#8c959f" stroke-width="1.2" stroke-dasharray="6 4"/>',
        f'<text x="{_num(label_x)}" y="{_num(label_y)}" text-anchor="{anchor}" '
        f'font-size="{_num(GROUP_LABEL_SIZE)}" font-weight="bold" fill="#57606a">'
        f"{escape(_clip(group.label))}</text>",
        "</g>",
    ]


_DIRECTIONS = {"TB": (0.0, 1.0), "BT": (0.0, -1.0), "LR": (1.0, 0.0), "RL": (-1.0, 0.0)}
ARROW_LENGTH = 8.0
ARROW_HALF_WIDTH = 4.5


def _edge_path(points, rankdir):
    """Straight where consecutive points share the cross coordinate, else an S-curve whose
    ends follow the ranks' direction (either way: an edge closing a cycle runs back)."""
    dx, dy = _DIRECTIONS[rankdir]
    (x0, y0) = points[0]
    parts = [f"M{_num(x0)},{_num(y0)}"]
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        along = (x2 - x1) * dx + (y2 - y1) * dy
        across = abs((x2 - x1) * dy) + abs((y2 - y1) * dx)
        if across < 0.5 or abs(along) < 0.5:
            parts.append(f"L{_num(x2)},{_num(y2)}")
            continue
        half = along / 2
        parts.append(f"C{_num(x1 + dx * half)},{_num(y1 + dy * half)} "
                     f"{_num(x2 - dx * half)},{_num(y2 - dy * half)} {_num(x2)},{_num(y2)}")
    return " ".join(parts)


def _arrow_direction(points, kind, rankdir):
    if kind == "loop":
        (x2, y2), (x3, y3) = points[-2], points[-1]
        length = max(((x3 - x2) ** 2 + (y3 - y2) ** 2) ** 0.5, 1e-9)
        return (x3 - x2) / length, (y3 - y2) / length
    dx, dy = _DIRECTIONS[rankdir]
    return (-dx, -dy) if kind == "back" else (dx, dy)


def _edge(edge, points, kind, rankdir):
    dx, dy = _arrow_direction(points, kind, rankdir)
    tip_x, tip_y = points[-1]
    # The line stops at the arrowhead's base; the head ends on the box's side.
    base_x, base_y = tip_x - dx * ARROW_LENGTH, tip_y - dy * ARROW_LENGTH
    if kind == "loop":
        (x0, y0), p1, p2 = points[0], points[1], points[2]
        d = (f"M{_num(x0)},{_num(y0)} C{_num(p1[0])},{_num(p1[1])} {_num(p2[0])},{_num(p2[1])} "
             f"{_num(base_x)},{_num(base_y)}")
    else:
        d = _edge_path(points[:-1] + [(base_x, base_y)], rankdir)
    w = ARROW_HALF_WIDTH
    head = (f"{_num(tip_x)},{_num(tip_y)} {_num(base_x + dy * w)},{_num(base_y - dx * w)} "
            f"{_num(base_x - dy * w)},{_num(base_y + dx * w)}")
    out = [f'<g class="ps-edge" data-src="{escape(edge.src)}" data-dst="{escape(edge.dst)}" '
           f'data-count="{edge.count}" data-kind="{kind}"{_data_attributes(edge.data)}>',
           f'<path d="{d}" fill="none" stroke="{EDGE_COLOUR}" stroke-width="1.4"/>',
           f'<polygon points="{head}" fill="{EDGE_COLOUR}"/>']
    if edge.count > 1:
        # "×2" beside the arrowhead: right of it in a vertical drawing, above it otherwise.
        if rankdir in ("TB", "BT"):
            lx, ly, anchor = base_x + ARROW_HALF_WIDTH + 2, base_y + 4, "start"
        else:
            lx, ly, anchor = base_x, base_y - ARROW_HALF_WIDTH - 3, "middle"
        out.append(f'<text x="{_num(lx)}" y="{_num(ly)}" font-size="{_num(COUNT_SIZE)}" '
                   f'text-anchor="{anchor}" fill="{EDGE_COLOUR}">×{edge.count}</text>')
    out.append("</g>")
    return out


def _node(node, box):
    x, y, w, h = box
    header, border, title_colour = PALETTE.get(node.category, PALETTE["other"])
    tooltip = " · ".join(row.text for row in node.rows)
    out = [f'<g class="ps-node" data-node="{escape(node.id)}"{_data_attributes(node.data)}>',
           f"<title>{escape(tooltip)}</title>",
           f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" rx="5" '
           f'fill="#ffffff" stroke="{border}" stroke-width="1.3"/>']
    cursor = y
    for i, row in enumerate(node.rows):
        text = escape(_clip(row.text))
        if i == 0 and row.kind == "title":
            band = TITLE_BAND if len(node.rows) > 1 else h
            out.append(_title_band(x, y, w, band, header, len(node.rows) > 1))
            baseline = cursor + band / 2 + TITLE_SIZE * 0.35
            out.append(f'<text x="{_num(x + w / 2)}" y="{_num(baseline)}" text-anchor="middle" '
                       f'font-size="{_num(TITLE_SIZE)}" font-weight="bold" '
                       f'fill="{title_colour}">{text}</text>')
            cursor += band
            continue
        if row.kind in BADGES:
            fill, colour = BADGES[row.kind]
            out.append(f'<rect x="{_num(x + 4)}" y="{_num(cursor + 2)}" width="{_num(w - 8)}" '
                       f'height="{_num(LINE_HEIGHT - 3)}" rx="3" fill="{fill}"/>')
            weight, colour_attr = ' font-weight="bold"', colour
        else:
            weight, colour_attr = "", TEXT_COLOUR
        baseline = cursor + LINE_HEIGHT / 2 + TEXT_SIZE * 0.35 + 1
        out.append(f'<text x="{_num(x + w / 2)}" y="{_num(baseline)}" text-anchor="middle" '
                   f'font-size="{_num(TEXT_SIZE)}"{weight} fill="{colour_attr}">{text}</text>')
        cursor += LINE_HEIGHT
    out.append("</g>")
    return out


def _title_band(x, y, w, band, fill, has_body):
    """The coloured title band: rounded at the top (and the bottom when it is all)."""
    r = 5.0
    if not has_body:
        return (f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(band)}" '
                f'rx="{_num(r)}" fill="{fill}"/>')
    return (f'<path d="M{_num(x)},{_num(y + band)} V{_num(y + r)} Q{_num(x)},{_num(y)} '
            f'{_num(x + r)},{_num(y)} H{_num(x + w - r)} Q{_num(x + w)},{_num(y)} '
            f'{_num(x + w)},{_num(y + r)} V{_num(y + band)} Z" fill="{fill}"/>')
