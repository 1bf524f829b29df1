"""``--explain``: each layer's arithmetic, the way the tutorials do it by hand."""

from __future__ import annotations

from ..summary import ModelSummary
from .explain_words import number, sum_line, words
from ..textsafe import safe_text


def lines(summary: ModelSummary):
    """The arithmetic's lines, each made terminal-safe (they hold names from the file)."""
    return [safe_text(line) for line in _lines(summary)]


def _lines(summary: ModelSummary):
    out = ["", "Parameter arithmetic:"]
    for level, row in summary.iter_rows(expand_nested=False):
        if not row.built:
            out.append(f"  {row.name}: not built (no input shape yet) = 0")
            continue
        for i, line in enumerate(row.explain or [f"{row.name}: no weights = 0"]):
            out.append(("  " if i == 0 else "    ") + words(line))
        for line in row.explain_output:
            out.append("    " + words(line))
        if row.weights and not row.trainable:
            out.append(f"    frozen (trainable=False): all {number(row.params)} count as "
                       "non-trainable")
        elif row.non_trainable_params and row.trainable:
            names = ", ".join(w.name for w in row.weights if not w.trainable)
            out.append(f"    non-trainable: {names} = {number(row.non_trainable_params)}")
    total = summary.weight_params
    out.append("  " + sum_line("total", [row.params for row in summary.layers], total))
    out.append(f"    trainable {number(summary.trainable_params)} + non-trainable "
               f"{number(summary.non_trainable_params)} = {number(total)}")
    return out


def render(summary: ModelSummary) -> str:
    return "\n".join(lines(summary)) + "\n"
