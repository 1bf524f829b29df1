"""InputSpec and the check of a call's inputs against it (keras/src/layers/input_spec.py)."""

from __future__ import annotations

from .. import tree
from ..errors import LayerError, describe_layer, format_shape
from ..shapes import standardize_shape
from ._tensor import KerasTensor


class InputSpec:
    """What a layer accepts: rank bounds and fixed axes (Keras's InputSpec)."""

    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None,
                 axes=None, allow_last_axis_squeeze=False, name=None, optional=False):
        self.dtype = dtype
        if shape is not None:
            self.shape = standardize_shape(shape)
            self.ndim = len(self.shape)
        else:
            self.shape = None
            self.ndim = ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.axes = {int(k): v for k, v in (axes or {}).items()}
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        self.name = name
        self.optional = optional


def check_input_spec(layer, specs, inputs):
    """Keras's ``assert_input_compatibility``, with paramscope's messages."""
    if not specs:
        return
    if specs.__class__ is InputSpec and inputs.__class__ is KerasTensor:
        specs, flat = (specs,), (inputs,)
    else:
        specs = tree.flatten(specs)
        flat = tree.flatten(inputs)
    if len(flat) != len(specs):
        raise LayerError(
            f"Layer {describe_layer(layer)} expects {len(specs)} input(s), but it received "
            f"{len(flat)} input tensor(s) of shapes {format_shape([getattr(x, 'shape', x) for x in flat])}.",
            layer)
    for i, (x, spec) in enumerate(zip(flat, specs)):
        if spec is None or (x is None and spec.optional):
            continue
        shape = getattr(x, "shape", None)
        if shape is None:
            raise LayerError(f"Layer {describe_layer(layer)} received a non-tensor input {x!r}.", layer)
        ndim = len(shape)
        where = lambda: (f"Layer {describe_layer(layer)} received an input of shape "
                         f"{format_shape(shape)}")
        if spec.ndim is not None and not spec.allow_last_axis_squeeze and ndim != spec.ndim:
            raise LayerError(
                f"{where()} (rank {ndim}), but it expects inputs of rank {spec.ndim} "
                f"(including the batch dimension){_rank_hint(layer, spec.ndim, ndim)}.", layer)
        if spec.max_ndim is not None and ndim > spec.max_ndim:
            raise LayerError(
                f"{where()} (rank {ndim}), but it expects inputs of rank at most {spec.max_ndim}"
                f"{_rank_hint(layer, spec.max_ndim, ndim)}.", layer)
        if spec.min_ndim is not None and ndim < spec.min_ndim:
            raise LayerError(
                f"{where()} (rank {ndim}), but it expects inputs of rank at least {spec.min_ndim} "
                f"(including the batch dimension){_rank_hint(layer, spec.min_ndim, ndim)}.", layer)
        for axis, value in spec.axes.items():
            if value is not None and shape[axis] not in (value, None):
                raise LayerError(
                    f"{where()}, but axis {axis} must have size {value} (the size it was built "
                    f"with). A layer's weights fix this size: use a new layer for inputs of a "
                    f"different size.", layer)
        if spec.shape is not None:
            spec_shape, got = spec.shape, tuple(shape)
            if spec.allow_last_axis_squeeze:
                got = got[:-1] if got and got[-1] == 1 else got
                spec_shape = spec_shape[:-1] if spec_shape and spec_shape[-1] == 1 else spec_shape
            for a, b in zip(spec_shape, got):
                if a is not None and b is not None and a != b:
                    raise LayerError(f"{where()}, but it expects shape {format_shape(spec.shape)}.",
                                     layer)


#: Attribute values that are never sub-layers: set without looking inside them.


def _rank_hint(layer, expected, got):
    if got < expected:
        return ("; add the missing dimensions to the input (e.g. a Reshape layer or a channels "
                "dimension on the Input shape)")
    return "; reduce the input's rank first (e.g. with Flatten or a pooling layer)"


#: While a script has unknown values (``paramscope.keras.unknown``): the function that stops
