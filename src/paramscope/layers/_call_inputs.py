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


def _is_array(x):
    """A concrete array known by its shape and dtype (NumPy's, a dataset's stand-in, an op's
    concrete result), not a symbolic tensor."""
    return (x.__class__ is not KerasTensor and not isinstance(x, (str, bytes, type))
            and hasattr(x, "shape") and hasattr(x, "dtype"))


def is_eager_call(args, kwargs):
    """Whether a layer is called on concrete arrays only (``model(np.zeros((2, 8)))``), which
    Keras runs eagerly: no symbolic tensor among the arguments, and an array."""
    leaves = tree.flatten((args, kwargs))
    return (not any(x.__class__ is KerasTensor for x in leaves)
            and any(_is_array(x) for x in leaves))


def eager_call(layer, args, kwargs):
    """Keras runs ``layer`` on the values: it is built on their shapes (batch included, as
    ``model(np.zeros((2, 8)))`` builds a subclassed model on ``(2, 8)``), and its outputs are
    concrete.  paramscope traces the call on tensors of those shapes and dtypes, recording no
    graph, and returns concrete values known by their shape and dtype (their values need the
    real computation)."""
    from ..modes import tracing
    from ..ops import Constant
    from ..ops.core import convert_to_tensor

    def symbolic(x):
        if not _is_array(x):
            return x
        value = convert_to_tensor(x)  # JAX's dtype for the array (float64 -> float32, ...)
        return KerasTensor(tuple(value.shape), dtype=value.dtype, name="eager")

    def concrete(x):
        return Constant(tuple(x.shape), x.dtype) if x.__class__ is KerasTensor else x

    with tracing():
        outputs = layer(*tree.map_structure(symbolic, list(args)),
                        **tree.map_structure(symbolic, kwargs))
    return tree.map_structure(concrete, outputs)


def unknown_size_origin(tensors, limit=10_000):
    """Why a size of ``tensors`` is unknown (a dimension after the batch is None), when a
    layer upstream says so: a lookup adapted on data paramscope does not have
    (``vocabulary_unknown_reason``), or None."""
    stack = [t for t in tree.flatten(tensors) if t.__class__ is KerasTensor]
    if not any(None in tuple(t.shape)[1:] for t in stack):
        return None
    seen = set()
    while stack and len(seen) < limit:
        history = getattr(stack.pop(), "_keras_history", None)
        operation = history[0] if history is not None else None
        if operation is None or id(operation) in seen:
            continue
        seen.add(id(operation))
        reason = getattr(operation, "vocabulary_unknown_reason", None)
        if reason:
            return reason
        nodes = getattr(operation, "_inbound_nodes", None) or ()
        if history[1] < len(nodes):
            stack.extend(t for t in nodes[history[1]].input_tensors if t.__class__ is KerasTensor)
    return None
