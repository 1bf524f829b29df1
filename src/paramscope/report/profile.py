"""``paramscope profile``: the cost table (Keras 3's box style) and the profile JSON.

The table has, per row, Layer (type), Output Shape, Param #, MACs (per sample), Activations
(bytes of its outputs for the batch) and its share of the model's MACs; the footer gives the
MACs and FLOPs (2 x MACs) per sample and per batch and the memory breakdown, estimates
labelled with their rule.  The JSON is the summary's plus ``macs``/``activation_bytes`` per row
and ``macs``, ``flops``, ``batch_size``, ``memory`` at the top (README: "Profile JSON").
"""

from __future__ import annotations

import json

from ..textsafe import safe_text
from . import boxtable
from . import json as json_report
from .keras3 import NUMBER, SYMBOL, output_shape_spans, readable_memory_size, terminal_columns
from .options import RenderOptions

HEADER = ["Layer (type)", "Output Shape", "Param #", "MACs", "Activations", "% MACs"]
ALIGN = ["left", "left", "right", "right", "right", "right"]
POSITIONS = [0.27, 0.47, 0.58, 0.70, 0.87, 1.0]
DEFAULT_WIDTH = 118


def human(value, unit=""):
    """``3.87 G``, ``569.4 M``, ``21.6 K``, ``950``; ``?`` when unknown (decimal units)."""
    if value is None:
        return "?"
    for scale, prefix, digits in ((1e12, "T", 2), (1e9, "G", 2), (1e6, "M", 1), (1e3, "K", 1)):
        if abs(value) >= scale:
            return f"{value / scale:.{digits}f} {prefix}{unit}"
    return f"{value:,}{' ' + unit if unit else ''}"


def memory_text(value):
    return "?" if value is None else readable_memory_size(value)


def macs_share(macs, total):
    if macs is None or not total:
        return "?" if macs is None or total is None else "-"
    return f"{100 * macs / total:.1f}%"


def _cells(row, level, batch_size, total):
    prefix = ("   " * level + "└ ") if level else ""
    name = [(f"{prefix}{safe_text(row.name)} (", None), (safe_text(row.class_name), SYMBOL),
            (")", None)]
    params = [(f"{row.params:,}", NUMBER)] if row.built else [("0", NUMBER), (" (unbuilt)", None)]
    activations = None if row.activation_bytes is None else row.activation_bytes * batch_size
    return [name, output_shape_spans(row.output_shape), params,
            [(human(row.macs), NUMBER)], [(memory_text(activations), None)],
            [(macs_share(row.macs, total), None)]]


def widths(line_length):
    out, current = [], 0
    for pos in POSITIONS:
        out.append(int(pos * line_length) - current)
        current += out[-1]
    return out


def footer_lines(p):
    m, b = p.memory, p.batch_size
    unknown = " (unknown: a dimension is None; --input-shape sets it)" if p.macs is None else ""
    lines = [
        f" Total MACs: {human(p.macs)} per sample, {human(p.macs_per_batch)} per batch of {b}"
        f"{unknown}",
        f" Total FLOPs (2 x MACs): {human(p.flops)} per sample, {human(p.flops_per_batch)} per "
        f"batch of {b}",
        f" Memory for a batch of {b}:",
        "   Weights: " + memory_text(m.weights_bytes) + " (" + ", ".join(
            f"{d} {v['count']:,}" for d, v in m.weights_by_dtype.items()) + ")",
        f"   Gradients: {memory_text(m.gradients_bytes)} (one per trainable weight)",
        f"   Optimizer state: {memory_text(m.optimizer_bytes)} ({m.optimizer}, "
        f"{m.optimizer_class}: {m.optimizer_variables:,} variables)",
        f"     optimizer: {m.optimizer_source}"
        + (f"; slots: {', '.join(m.state.slots)}" if m.state.slots else ""),
        f"   Activations: {memory_text(m.activations_bytes)} (every layer's outputs)",
        f"   Input: {memory_text(m.input_bytes)}",
        f"   Training, estimated: {memory_text(m.training_bytes)}",
        "     (weights + gradients + optimizer state + activations)",
        f"   Inference, estimated: {memory_text(m.inference_bytes)}",
        "     (weights + the largest inputs + outputs of one layer)",
    ]
    return lines


def render(p, options: RenderOptions | None = None, *, console_width=None, **fields) -> str:
    """The cost table: ``options`` (line length, nested layers, colour, the arithmetic), or
    their fields as keywords."""
    options = RenderOptions.of(options, fields)
    color = options.color
    summary = p.summary
    line_length = options.line_length or min(DEFAULT_WIDTH, terminal_columns() - 4)
    cols = [boxtable.Column(h, w, a) for h, w, a in zip(HEADER, widths(line_length), ALIGN)]
    rows = [_cells(row, level, p.batch_size, p.macs)
            for level, row in summary.iter_rows(options.expand_nested)]
    if console_width is None:
        console_width = boxtable.console_width(is_terminal=color)
    out = [boxtable.render_line([(f'Model: "{safe_text(summary.name)}"', "bold")],
                                console_width, color)]
    out.append(boxtable.render_table(cols, rows, line_length, console_width, color))
    for text in footer_lines(p):
        out.append(boxtable.render_line([(text, None)], console_width, color))
    if options.explain:
        out.append("\nMAC and memory arithmetic (per sample; FLOPs = 2 x MACs):\n")
        out.append("\n".join(safe_text(line) for line in p.explain_lines()) + "\n")
    return "".join(out)


def _layer_dicts(rows, explain):
    out = []
    for row in rows:
        entry = json_report.layer_dict(row, explain)
        entry["macs"] = row.macs
        entry["activation_bytes"] = row.activation_bytes
        if explain and row.macs_explain:
            entry["explain"] = entry.get("explain", []) + [row.macs_explain]
        if "layers" in entry:
            entry["layers"] = _layer_dicts(row.layers, explain)
        out.append(entry)
    return out


def to_dict(p, explain=False) -> dict:
    if explain:
        p.explained_summary()
    out = json_report.to_dict(p.summary, explain)
    out["layers"] = _layer_dicts(p.summary.layers, explain)
    out.update(macs=p.macs, flops=p.flops, batch_size=p.batch_size, memory=p.memory.to_dict())
    if explain:
        out["explain_costs"] = [line.strip() for line in p.explain_lines()]
    return out


def render_json(p, explain=False) -> str:
    return json.dumps(to_dict(p, explain), indent=2) + "\n"
