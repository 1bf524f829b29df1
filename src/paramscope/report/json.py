"""The JSON summary (``--format json``): stable, documented in the README.

``format_version`` changes only when a field changes meaning or goes away.
"""

from __future__ import annotations

import json

from .. import __version__
from ..numtext import json_number_text
from ..summary import LayerSummary, ModelSummary

FORMAT_VERSION = 1


def _shape(shape):
    if shape is None:
        return None
    if isinstance(shape, list):
        return [list(s) for s in shape]
    return list(shape)


def layer_dict(row: LayerSummary, explain=False) -> dict:
    out = {
        "name": row.name,
        "class_name": row.class_name,
        "output_shape": _shape(row.output_shape),
        "params": row.params,
        "trainable_params": row.trainable_params,
        "non_trainable_params": row.non_trainable_params,
        "built": row.built,
        "trainable": row.trainable,
        "weights": [{"name": w.name, "path": w.path, "shape": list(w.shape), "dtype": w.dtype,
                     "trainable": w.trainable} for w in row.weights],
        "inbound": [{"layer": name, "node_index": node, "tensor_index": tensor}
                    for name, node, tensor in row.inbound],
    }
    if row.is_model:
        out["layers"] = [layer_dict(sub, explain) for sub in row.layers]
    if explain:
        out["explain"] = list(row.explain) + list(row.explain_output)
    return out


def to_dict(summary: ModelSummary, explain=False) -> dict:
    return {key: ([layer_dict(row, explain) for row in summary.layers] if key == "layers"
                  else value) for key, value in _fields(summary)}


def _fields(summary: ModelSummary):
    """The top-level fields in order; ``layers`` stands for the rows (encoded one by one)."""
    return (
        ("format_version", FORMAT_VERSION),
        ("paramscope_version", __version__),
        ("name", summary.name),
        ("class_name", summary.class_name),
        ("built", summary.built),
        ("sequential_like", summary.sequential_like),
        ("layers", None),
        ("total_params", summary.total_params),
        ("trainable_params", summary.trainable_params),
        ("non_trainable_params", summary.non_trainable_params),
        ("total_bytes", summary.total_bytes),
        ("trainable_bytes", summary.trainable_bytes),
        ("non_trainable_bytes", summary.non_trainable_bytes),
        ("optimizer_params", summary.optimizer_params),
        ("optimizer_bytes",
         summary.optimizer_bytes if summary.optimizer_params is not None else None),
        ("warnings", list(summary.warnings)),
    )


def render(summary: ModelSummary, explain=False) -> str:
    """``json.dumps(to_dict(summary), indent=2)`` and a newline."""
    return "".join(iter_render(summary, explain))


def iter_render(summary: ModelSummary, explain=False):
    """:func:`render`'s text in pieces, a layer at a time: a 100,000-layer model is written
    without holding its whole JSON text (or every layer's dict) in memory.

    A value nested at level ``L`` of an ``indent=2`` document is its own ``indent=2``
    text with every line break followed by ``2 * L`` spaces (JSON strings hold no raw
    line breaks), so each piece is encoded by ``json.dumps`` on its own.
    """
    yield "{"
    fields = _fields(summary)
    for i, (key, value) in enumerate(fields):
        yield f'{"," if i else ""}\n  {json.dumps(key)}: '
        if key != "layers":
            yield _encode(value, level=1)
        elif not summary.layers:
            yield "[]"
        else:
            for j, row in enumerate(summary.layers):
                yield ("[" if j == 0 else ",") + "\n    " + _encode(layer_dict(row, explain), level=2)
            yield "\n  ]"
    yield "\n}\n"


def _encode(value, level):
    try:
        text = json.dumps(value, indent=2)
    except (ValueError, TypeError):
        # A count beyond Python's int-to-text limit, or an exact byte size too large
        # for a float: the same JSON, those numbers written exactly.
        text = dumps_exact(value)
    return text.replace("\n", "\n" + "  " * level) if "\n" in text else text


def dumps_exact(value, indent=2, _level=0) -> str:
    """``json.dumps(value, indent=indent)``, also for integers of any size and exact
    (``Fraction``) byte sizes, which it writes as exact JSON numbers."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + " " * (indent * (_level + 1))
        items = [f"{json.dumps(str(k))}: {dumps_exact(v, indent, _level + 1)}"
                 for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + " " * (indent * _level) + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = "\n" + " " * (indent * (_level + 1))
        items = [dumps_exact(v, indent, _level + 1) for v in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + " " * (indent * _level) + "]"
    if hasattr(value, "denominator") and not isinstance(value, bool):  # int, Fraction
        return json_number_text(value)
    return json.dumps(value)
