"""The JSON summary (``--format json``): stable, documented in the README.

``format_version`` changes only when a field changes meaning or goes away.
"""

from __future__ import annotations

import json

from .. import __version__
from ..summary import LayerSummary, ModelSummary
from .explain_words import all_words

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
        out["explain"] = all_words(row.explain) + all_words(row.explain_output)
    return out


def to_dict(summary: ModelSummary, explain=False) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "paramscope_version": __version__,
        "name": summary.name,
        "class_name": summary.class_name,
        "built": summary.built,
        "sequential_like": summary.sequential_like,
        "layers": [layer_dict(row, explain) for row in summary.layers],
        "total_params": summary.total_params,
        "trainable_params": summary.trainable_params,
        "non_trainable_params": summary.non_trainable_params,
        "total_bytes": summary.total_bytes,
        "trainable_bytes": summary.trainable_bytes,
        "non_trainable_bytes": summary.non_trainable_bytes,
        "optimizer_params": summary.optimizer_params,
        "optimizer_bytes": summary.optimizer_bytes if summary.optimizer_params is not None else None,
        "warnings": list(summary.warnings),
    }


def render(summary: ModelSummary, explain=False) -> str:
    return json.dumps(to_dict(summary, explain), indent=2) + "\n"
