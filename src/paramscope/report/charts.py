"""Inline SVG bar charts for ``paramscope report``: no script, no font or file fetched.

:func:`top_items` keeps the largest values and groups the rest into one bar ("other N
layers"); :func:`bar_chart` draws vertical bars whose heights are proportional to the values
(each ``<rect class="bar">`` carries ``data-label`` and the exact ``data-value``).

>>> items = top_items([("a", 5), ("b", 0), ("c", 20), ("d", 1)], 2, "layers")
>>> items
[('c', 20), ('a', 5), ('other 2 layers', 1)]
>>> svg = bar_chart(items, "params")
>>> svg.count('<rect class="bar')
3
"""

from __future__ import annotations

from .html import escape

WIDTH_PER_BAR = 46
PLOT_HEIGHT = 220
LABEL_SPACE = 150
LEFT = 12
TOP = 22


def top_items(items, count, noun="layers"):
    """The ``count`` largest ``(label, value)`` items (``None`` values left out), largest first,
    and one ``other N <noun>`` item with the sum of the rest (when there is a rest)."""
    known = [(label, value) for label, value in items if value is not None]
    ranked = sorted(known, key=lambda item: -item[1])
    kept, rest = ranked[:count], ranked[count:]
    if rest:
        kept.append((f"other {len(rest)} {noun}", sum(value for _, value in rest)))
    return kept


def short_number(value) -> str:
    """``3.87 G``, ``569.4 M``, ``21.6 K``, ``950`` (decimal units, for bar labels)."""
    for scale, prefix, digits in ((1e12, "T", 2), (1e9, "G", 2), (1e6, "M", 1), (1e3, "K", 1)):
        if abs(value) >= scale:
            return f"{value / scale:.{digits}f} {prefix}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _label(text, limit=24):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def bar_chart(items, kind, unit="") -> str:
    """An SVG chart of ``items`` (``(label, value)``): one bar each, heights proportional to
    the values, the label under the bar (turned 45 degrees), the value above it."""
    top = max([value for _, value in items] + [0])
    width = LEFT * 2 + WIDTH_PER_BAR * max(len(items), 1) + 60   # room for the last label
    height = TOP + PLOT_HEIGHT + LABEL_SPACE
    base = TOP + PLOT_HEIGHT
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{escape(kind)}" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
           f'<line x1="{LEFT}" y1="{base}" x2="{width - LEFT - 60}" y2="{base}" stroke="#888"/>']
    for i, (label, value) in enumerate(items):
        bar_height = PLOT_HEIGHT * value / top if top else 0.0
        x = LEFT + i * WIDTH_PER_BAR + 6
        bar_width = WIDTH_PER_BAR - 12
        y = base - bar_height
        other = label.startswith("other ") and i == len(items) - 1
        out.append(
            f'<g class="bar-group"><title>{escape(label)}: {value:,} {escape(unit)}</title>'
            f'<rect class="bar{" other" if other else ""}" data-label="{escape(label)}" '
            f'data-value="{value}" x="{x}" y="{y:.3f}" width="{bar_width}" '
            f'height="{bar_height:.3f}"/>'
            f'<text class="value" x="{x + bar_width / 2}" y="{y - 4:.3f}" '
            f'text-anchor="middle">{escape(short_number(value))}</text>'
            f'<text class="label" transform="translate({x + bar_width / 2},{base + 10}) '
            f'rotate(45)">{escape(_label(label))}</text></g>')
    out.append("</svg>")
    return "".join(out)
