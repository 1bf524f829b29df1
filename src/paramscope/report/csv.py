"""``--format csv``: one row per layer, a header, exact integers (no thousands separators).

Columns: ``name``, ``class_name``, ``parent`` (the enclosing model's name for a nested
layer listed with ``--expand-nested``, else empty), ``output_shape`` (as Keras prints it),
``params``, ``trainable_params``, ``non_trainable_params``, ``trainable``, ``built``
(``true``/``false``), ``connected_to`` (Keras 3's ``layer[node][tensor]`` list).  The totals
are the sums of the top-level rows' ``params`` (and the JSON's ``total_params``).  A text
cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``)
gets a leading ``'``.

>>> from paramscope.keras import Sequential, layers
>>> from paramscope.summary import summarize
>>> print(render(summarize(Sequential([layers.Input((2,)), layers.Dense(3)]))), end="")
name,class_name,parent,output_shape,params,trainable_params,non_trainable_params,trainable,built,connected_to
dense,Dense,,"(None, 3)",9,9,0,true,true,input_layer[0][0]
"""

from __future__ import annotations

import csv
import io

from ..summary import ModelSummary
from .keras3 import output_shape_spans

HEADER = ("name", "class_name", "parent", "output_shape", "params", "trainable_params",
          "non_trainable_params", "trainable", "built", "connected_to")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value) -> str:
    """A text cell a spreadsheet shows as text (never runs it as a formula)."""
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def shape_text(shape) -> str:
    return "".join(text for text, _ in output_shape_spans(shape))


def _flag(value) -> str:
    return "true" if value else "false"


def rows(summary: ModelSummary, expand_nested=False):
    def walk(layer_rows, parent):
        for row in layer_rows:
            connected = ", ".join(f"{name}[{node}][{tensor}]"
                                  for name, node, tensor in row.inbound)
            yield [text_cell(row.name), text_cell(row.class_name), text_cell(parent),
                   shape_text(row.output_shape), row.params, row.trainable_params,
                   row.non_trainable_params, _flag(row.trainable), _flag(row.built),
                   text_cell(connected)]
            if expand_nested and row.layers:
                yield from walk(row.layers, row.name)
    yield from walk(summary.layers, "")


def write(header, table_rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(table_rows)
    return out.getvalue()


def render(summary: ModelSummary, expand_nested=False) -> str:
    return write(HEADER, rows(summary, expand_nested))
