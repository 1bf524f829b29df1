"""Keras 3's ``model.summary()`` table, character for character.

Follows ``keras/src/utils/summary_utils.py`` (Keras 3.15): column widths from
positions, a rich table with heavy head and lines between rows (reproduced
without rich by :mod:`paramscope.report.boxtable`), then the totals with
1024-based sizes.
"""

from __future__ import annotations

import os
import sys

from .. import gcpause
from ..errors import ParamscopeError
from ..numtext import grouped, int_text, memory_text
from ..summary import ModelSummary
from ..textsafe import safe_text
from . import boxtable
from .options import RenderOptions

NUMBER = "color(34)"
NONE = "color(45)"
SYMBOL = "color(33)"


def readable_memory_size(size: float) -> str:
    """``68.00 B``, ``9.82 KB``, ... (base 1024, as Keras 3)."""
    return memory_text(size)


def format_shape_spans(shape):
    """``(None, 3)`` as styled spans; rank 1 is ``(None)`` as Keras prints it."""
    spans = [("(", None)]
    for i, d in enumerate(shape):
        if i:
            spans.append((", ", None))
        spans.append((int_text(d) if d.__class__ is int else safe_text(d),
                      NONE if d is None else NUMBER if isinstance(d, int) else None))
    spans.append((")", None))
    return spans


def output_shape_spans(shape):
    if shape is None:
        return [("?", None)]
    if isinstance(shape, list):
        if len(shape) == 1:
            return format_shape_spans(shape[0])
        spans = [("[", None)]
        for i, s in enumerate(shape):
            if i:
                spans.append((", ", None))
            spans.extend(format_shape_spans(s))
        spans.append(("]", None))
        return spans
    return format_shape_spans(shape)


def terminal_columns(environ=None) -> int:
    """``shutil.get_terminal_size().columns``, which Keras uses: COLUMNS, else stdout's
    terminal, else 80.  (Re-implemented: importing shutil costs start-up time.)"""
    environ = os.environ if environ is None else environ
    try:
        columns = int(environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0 and environ is os.environ:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def layout(summary: ModelSummary, line_length=None, positions=None, show_trainable=False,
           columns=None):
    """Header, alignments, widths and line length as Keras computes them."""
    if summary.sequential_like:
        default = 88
        positions = list(positions or [0.45, 0.80, 1.0])
        header = ["Layer (type)", "Output Shape", "Param #"]
        align = ["left", "left", "right"]
    else:
        default = 108
        positions = list(positions or [0.3, 0.56, 0.74, 1.0])
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        align = ["left", "left", "right", "left"]
    if show_trainable:
        default += 12
        positions = [p * 0.90 for p in positions] + [1.0]
        header.append("Trainable")
        align.append("center")
    columns = terminal_columns() if columns is None else columns
    default = min(default, columns - 4)
    line_length = line_length or default
    widths, current = [], 0
    for pos in positions:
        width = int(pos * line_length) - current
        if width < 4:
            raise ParamscopeError(
                f"Insufficient console width to print summary: a line length of {line_length} "
                f"leaves a column {width} characters wide. Use a wider terminal or --line-length "
                "(at least 40).")
        widths.append(width)
        current += width
    return header, align, widths, line_length


def _row_cells(row, level, sequential_like, show_trainable):
    """The row's cells as spans; text from the file is made terminal-safe here, before
    the table measures it."""
    prefix = ("   " * level + "└ ") if level else ""
    name = [(f"{prefix}{safe_text(row.name)} (", None), (safe_text(row.class_name), SYMBOL),
            (")", None)]
    if row.built:
        params = [(grouped(row.params), NUMBER)]
    else:
        params = [("0", NUMBER), (" (unbuilt)", None)]
    cells = [name, output_shape_spans(row.output_shape), params]
    if not sequential_like:
        if row.inbound:
            conn = []
            for i, (lname, node_index, tensor_index) in enumerate(row.inbound):
                if i:
                    conn.append((", ", None))
                conn += [(f"{safe_text(lname)}[", None), (int_text(node_index), NUMBER),
                         ("][", None), (int_text(tensor_index), NUMBER), ("]", None)]
            cells.append(conn)
        else:
            cells.append([("-", None)])
    if show_trainable:
        if row.weights:
            cells.append([("Y", "bold color(34)")] if row.trainable else [("N", "bold color(9)")])
        else:
            cells.append([("-", "bold")])
    return cells


@gcpause.without_gc
def render(summary: ModelSummary, options: RenderOptions | None = None, *, columns=None,
           console_width=None, **fields) -> str:
    """The text Keras 3 prints for ``model.summary(...)``: ``options``, or their fields as
    keywords (``render(summary, line_length=80)``); ``columns`` / ``console_width`` stand for
    the terminal's size."""
    options = RenderOptions.of(options, fields)
    line_length, positions = options.line_length, options.positions
    show_trainable, color = options.show_trainable, options.color
    header, align, widths, line_length = layout(summary, line_length, positions, show_trainable,
                                                columns)
    cols = [boxtable.Column(h, w, a) for h, w, a in zip(header, widths, align)]
    rows = [_row_cells(row, level, summary.sequential_like, show_trainable)
            for level, row in summary.iter_rows(options.expand_nested)]
    if console_width is None:
        from .notebook import in_jupyter
        console_width = boxtable.console_width(is_terminal=color, jupyter=in_jupyter())
    out = [boxtable.render_line([(f'Model: "{safe_text(summary.name)}"', "bold")],
                                console_width, color)]
    out.append(boxtable.render_table(cols, rows, line_length, console_width, color))
    for label, count, size in totals(summary):
        out.append(boxtable.render_line(
            [(f" {label}: ", "bold"), (grouped(count), NUMBER),
             (f" ({readable_memory_size(size)})", None)], console_width, color))
    return "".join(out)


def totals(summary: ModelSummary):
    """``(label, count, bytes)`` of the lines under the table: Total, Trainable,
    Non-trainable (and Optimizer, for a file saved with its optimizer's variables)."""
    out = [("Total params", summary.total_params, summary.total_bytes),
           ("Trainable params", summary.trainable_params, summary.trainable_bytes),
           ("Non-trainable params", summary.non_trainable_params, summary.non_trainable_bytes)]
    if summary.optimizer_params is not None:
        out.append(("Optimizer params", summary.optimizer_params, summary.optimizer_bytes))
    return out


def plain_rows(summary: ModelSummary, expand_nested=False, show_trainable=False):
    """The table without styling, for the Markdown and HTML renderers: ``(header, align,
    rows)``, each row ``(level, LayerSummary, [cell text, ...])`` with the texts Keras prints
    (a nested row's name cell without its indentation; ``level`` says how deep it is)."""
    header, align, _, _ = layout(summary, line_length=1000, show_trainable=show_trainable,
                                 columns=10_000)
    rows = []
    for level, row in summary.iter_rows(expand_nested):
        cells = _row_cells(row, 0, summary.sequential_like, show_trainable)
        rows.append((level, row, ["".join(text for text, _ in cell) for cell in cells]))
    return header, align, rows
