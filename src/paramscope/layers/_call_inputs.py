"""How a layer's call sees its inputs (a part of :class:`~paramscope.layers.base.Layer`):
Keras's dtype conversion of float inputs, and concrete values inside a traced call."""

from __future__ import annotations

from .. import tree
from ._tensor import KerasTensor


def is_float_dtype(dtype):
    return dtype.startswith(("float", "bfloat"))


def autocast_inputs(layer, values):
    """Keras's input conversion (``DTypePolicy.convert_input``): float tensors of another
    dtype reach the layer cast to its input dtype (``float64`` inputs of a float32 layer,
    float32 inputs of a ``mixed_float16`` one).  The cast is not an operation of the graph.
    (The caller checks the layer converts its inputs: ``autocast``, ``_convert_input_args``.)"""
    if values.__class__ is tuple and len(values) == 1 and values[0].__class__ is KerasTensor:
        x = values[0]
        if x.dtype == layer.input_dtype or not is_float_dtype(x.dtype):
            return values  # the common call: nothing to convert
    dtype = layer.input_dtype

    def convert(x):
        if x.__class__ is not KerasTensor or x.dtype == dtype or not is_float_dtype(x.dtype):
            return x
        cast = KerasTensor(x.shape, dtype=dtype, sparse=x.sparse, ragged=x.ragged)
        cast._keras_mask = x._keras_mask
        history = getattr(x, "_keras_history", None)
        if history is not None:
            cast._keras_history = history
        return cast

    return tree.map_structure(convert, values)


def constants_as_tensors(args, kwargs):
    """Inside a traced call(), a concrete tensor (``ops.arange(n)``) is a traced value like
    any other: a layer can take it (Keras's backend traces both alike)."""
    from ..ops import Constant

    def convert(x):
        return KerasTensor(x.shape, dtype=x.dtype, name="traced") if isinstance(x, Constant) else x
    return tree.map_structure(convert, args), tree.map_structure(convert, kwargs)
