"""``--explain``: each layer's arithmetic, the way the tutorials do it by hand."""

from __future__ import annotations

from ..numtext import int_text
from ..summary import ModelSummary
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
        for i, text in enumerate(row.explain or [f"{row.name}: no weights = 0"]):
            out.append(("  " if i == 0 else "    ") + text)
        for text in row.explain_output:
            out.append("    " + text)
        if row.weights and not row.trainable:
            out.append(f"    frozen (trainable=False): all {int_text(row.params)} count as "
                       "non-trainable")
        elif row.non_trainable_params and row.trainable:
            names = ", ".join(w.name for w in row.weights if not w.trainable)
            out.append(f"    non-trainable: {names} = {int_text(row.non_trainable_params)}")
    counts = [int_text(row.params) for row in summary.layers]
    total = int_text(summary.weight_params)
    if len(counts) > 1:
        out.append(f"  total: {' + '.join(counts)} = {total}")
    else:
        out.append(f"  total: {total}")
    out.append(f"    trainable {int_text(summary.trainable_params)} + non-trainable "
               f"{int_text(summary.non_trainable_params)} = {total}")
    return out


def render(summary: ModelSummary) -> str:
    return "\n".join(lines(summary)) + "\n"
