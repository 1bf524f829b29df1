"""What the ported ``keras/src/applications`` modules import from Keras, for paramscope.

The family modules are ports of Keras 3.15's (Apache License 2.0, the Keras
authors), kept close to the original so that a diff against Keras stays small:
they import ``backend``, ``layers``, ``Functional``, ``operation_utils`` and
``file_utils`` from here.  Differences from Keras:

* weights are never downloaded or loaded (:func:`skip_weights`): shapes and
  counts do not depend on them;
* argument errors are :class:`ApplicationError` (a ``ValueError`` as in Keras,
  and a paramscope error, so the CLI reports it in one line).
"""

from __future__ import annotations

import os
import types

from ... import backend_config, naming
from ...errors import ParamscopeError
from ...graph import Functional  # noqa: F401 - re-exported for the family modules
from ...layers.base import KerasTensor
from .. import layers  # noqa: F401 - re-exported for the family modules


class ApplicationError(ParamscopeError, ValueError):
    """A keras.applications argument Keras refuses (Keras raises ValueError)."""


class _NameScope:
    """``backend.name_scope(...)``: Keras uses it for variable paths only."""

    def __init__(self, name, **kwargs):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _is_keras_tensor(x):
    return isinstance(x, KerasTensor)


backend = types.SimpleNamespace(
    image_data_format=backend_config.image_data_format,
    backend=backend_config.backend,
    is_keras_tensor=_is_keras_tensor,
    get_uid=naming.get_uid,
    name_scope=_NameScope,
    floatx=lambda: __import__("paramscope.dtypes", fromlist=["floatx"]).floatx(),
)


def _get_source_inputs(tensor):
    """``keras.src.ops.operation_utils.get_source_inputs``: the Input tensors ``tensor``
    is computed from."""
    if not hasattr(tensor, "_keras_history"):
        return tensor
    operation, node_index, _ = tensor._keras_history
    if not operation or not operation._inbound_nodes:
        return [tensor]
    node = operation._inbound_nodes[node_index]
    if node.is_input:
        return list(node.outputs)
    sources = []
    for t in node.input_tensors:
        for x in _get_source_inputs(t):
            if all(x is not s for s in sources):
                sources.append(x)
    return sources


operation_utils = types.SimpleNamespace(get_source_inputs=_get_source_inputs)


def _get_file(*args, **kwargs):
    return None  # nothing is downloaded: see skip_weights


file_utils = types.SimpleNamespace(exists=lambda path: isinstance(path, (str, os.PathLike))
                                   and os.path.exists(path),
                                   get_file=_get_file)


def skip_weights(model, weights):
    """Where Keras downloads and loads the pretrained weights: paramscope reads shapes
    only, so the model is returned as built (the weights' shapes are the layers')."""
    return model
