"""``paramscope diff``: text (Keras 3 box style), JSON and markdown."""

from __future__ import annotations

import json

from ..textsafe import safe_text
from . import boxtable
from .markdown import escape
from .keras3 import output_shape_spans, terminal_columns
from .options import RenderOptions
from .profile import human

HEADER = ["Layer", "Output Shape A", "Output Shape B", "Params A", "Params B", "MACs A",
          "MACs B", ""]
ALIGN = ["left", "left", "left", "right", "right", "right", "right", "left"]
POSITIONS = [0.2, 0.37, 0.54, 0.64, 0.74, 0.84, 0.94, 1.0]
MARKS = {"same": "", "changed": "~", "added": "+", "removed": "-"}


def _shape(shape):
    return "".join(text for text, _ in output_shape_spans(shape)) if shape is not None else ""


def _num(value, absent):
    return "" if absent else ("?" if value is None else f"{value:,}")


def _label(row):
    """The row's layer, terminal-safe (names come from the files or scripts)."""
    if row.name_a and row.name_b and row.name_a != row.name_b:
        return f"{safe_text(row.name_a)} -> {safe_text(row.name_b)} ({safe_text(row.class_b)})"
    return f"{safe_text(row.name_a or row.name_b)} ({safe_text(row.class_a or row.class_b)})"


def _cells(row):
    a_absent, b_absent = row.name_a is None, row.name_b is None
    return [_label(row), _shape(row.shape_a), _shape(row.shape_b),
            _num(row.params_a, a_absent), _num(row.params_b, b_absent),
            "" if a_absent else human(row.macs_a), "" if b_absent else human(row.macs_b),
            MARKS[row.status]]


def _change_text(label, change, fmt):
    if change.change is None:
        return f"{label}: {fmt(change.a)} -> {fmt(change.b)} (unknown change)"
    pct = "" if change.percent is None else f", {change.percent:+.1f}%"
    return f"{label}: {fmt(change.a)} -> {fmt(change.b)} ({change.change:+,}{pct})"


def total_lines(d):
    comma = lambda v: "?" if v is None else f"{v:,}"  # noqa: E731
    return [_change_text("Total params", d.params, comma),
            _change_text("Trainable params", d.trainable, comma),
            _change_text("MACs per sample", d.macs, comma)]


def render_text(d, options: RenderOptions | None = None, **fields) -> str:
    """The comparison as a table of ``options.line_length`` columns (default: the terminal's)."""
    line_length = RenderOptions.of(options, fields).line_length or min(120, terminal_columns() - 4)
    widths, current = [], 0
    for pos in POSITIONS:
        widths.append(int(pos * line_length) - current)
        current += widths[-1]
    cols = [boxtable.Column(h, w, a) for h, w, a in zip(HEADER, widths, ALIGN)]
    rows = [[[(cell, None)] for cell in _cells(row)] for row in d.rows]
    width = boxtable.console_width()
    out = [boxtable.render_line([(f'Diff: "{safe_text(d.name_a)}" -> "{safe_text(d.name_b)}"', "bold")], width)]
    out.append(boxtable.render_table(cols, rows, line_length, width))
    out += [boxtable.render_line([(" " + text, None)], width) for text in total_lines(d)]
    out.append(boxtable.render_line(
        [(" (~ changed, + only in B, - only in A; MACs per sample, FLOPs = 2 x MACs)", None)],
        width))
    return "".join(out)


def render_markdown(d) -> str:
    lines = [f"**{escape(safe_text(d.name_a))}** -> **{escape(safe_text(d.name_b))}**", "",
             "| " + " | ".join(h or "change" for h in HEADER) + " |",
             "|" + "|".join("---:" if a == "right" else "---" for a in ALIGN) + "|"]
    for row in d.rows:
        cells = [escape(c) for c in _cells(row)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines += [f"- {text}" for text in total_lines(d)]
    return "\n".join(lines) + "\n"


def render_json(d) -> str:
    return json.dumps(d.to_dict(), indent=2) + "\n"
