"""Reshaping layers: Flatten, Reshape, Permute, RepeatVector, UpSampling1D/2D/3D,
ZeroPadding1D/2D/3D, Cropping1D/2D/3D (keras/src/layers/reshaping).

None has weights; each changes the shape by the arithmetic in ``shapes.py``
and spells it out in ``explain_output``.
"""

from __future__ import annotations

import math

from ..explanation import Count, Dims, formula, line, text
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from ..shapes import (cropping_output_shape, flatten_output_shape, padding_output_shape,
                      permute_output_shape, reshape_output_shape, spatial_axes,
                      upsampling_output_shape, validate_reshape_target)
from . import args as A
from .base import InputSpec, KerasTensor, Layer

__all__ = ["Flatten", "Reshape", "Permute", "RepeatVector",
           "UpSampling1D", "UpSampling2D", "UpSampling3D",
           "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D",
           "Cropping1D", "Cropping2D", "Cropping3D"]

_AXIS_NAMES = {1: ("steps",), 2: ("height", "width"), 3: ("depth", "height", "width")}


class _KeepsInputDtype(Layer):
    """Flatten, Reshape and Permute output their input's dtype (Keras's ``compute_output_spec``)."""

    def compute_output_spec(self, inputs, *args, **kwargs):
        shape = self.compute_output_shape(inputs.shape)
        return KerasTensor(shape, dtype=inputs.dtype, sparse=inputs.sparse)


def _last_call_shapes(layer):
    """``(input_shape, output_shape)`` of the layer's last call (what the summary shows), or None."""
    if not layer._inbound_nodes:
        return None
    node = layer._inbound_nodes[-1]
    if len(node.input_tensors) != 1 or len(node.outputs) != 1:
        return None
    return tuple(node.input_tensors[0].shape), tuple(node.outputs[0].shape)


class Flatten(_KeepsInputDtype):
    """Flatten: ``(batch, d1, d2, ...)`` -> ``(batch, d1*d2*...)``; no weights.

    With ``data_format='channels_first'`` Keras moves the channels last before
    flattening: the order of values changes, not the size.
    """

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = A.standardize_data_format(data_format, describe_layer(self))
        self.input_spec = InputSpec(min_ndim=1)
        self._channels_first = self.data_format == "channels_first"

    def compute_output_shape(self, input_shape):
        return flatten_output_shape(input_shape)

    def explain_output(self):
        shapes = _last_call_shapes(self)
        if shapes is None:
            return []
        body, out = shapes[0][1:], shapes[1][1]
        if not body:
            return [text("no dimensions besides the batch: 1 value per sample")]
        product = Dims(tuple("None" if d is None else d for d in body), " x ")
        result = formula(" = {}", out) if out is not None else " = None (a dimension is unknown)"
        note = (" (channels_first: channels are moved last before flattening)"
                if self._channels_first and len(body) > 1 else "")
        return [line(product, result, note)]


class Reshape(_KeepsInputDtype):
    """Reshape: the non-batch dimensions become ``target_shape`` (one ``-1`` inferred); no weights."""

    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if isinstance(target_shape, int) and not isinstance(target_shape, bool):
            raise LayerError(
                f"{owner}: `target_shape` must be a tuple (the shape without the batch "
                f"dimension). Received: target_shape={target_shape!r}; use "
                f"Reshape(({target_shape},)).")
        try:
            self.target_shape = validate_reshape_target(target_shape)
        except ShapeError as e:
            raise LayerError(f"{owner}: {e}") from None
        self.built = True

    def compute_output_shape(self, input_shape):
        try:
            return reshape_output_shape(input_shape, self.target_shape, batch=True)
        except ShapeError as e:
            body = tuple(input_shape[1:])
            size = math.prod(body)
            known = math.prod(d for d in self.target_shape if d != -1)
            if -1 in self.target_shape:
                e.fix = (f"The known target dimensions multiply to {known}, which must divide "
                         f"the {size} input values; choose a target_shape whose product divides "
                         f"{size}.")
            else:
                e.fix = (f"The target dimensions must multiply to {size} (the input's "
                         f"{' x '.join(map(str, body))}); use -1 for one dimension to let it be "
                         f"inferred, e.g. Reshape({_example_target(self.target_shape, size)}).")
            raise

    def explain_output(self):
        shapes = _last_call_shapes(self)
        if shapes is None:
            return []
        before, after = shapes[0], shapes[1]
        size = None if None in before[1:] else math.prod(before[1:])
        head = f"{format_shape(before)} -> {format_shape(after)}: "
        if size is None:
            return [text(head + "unknown number of values (a dimension is None)")]
        inferred = ""
        if -1 in self.target_shape:
            i = self.target_shape.index(-1)
            known = math.prod(d for d in self.target_shape if d != -1)
            inferred = formula(" (-1 inferred as {} / {} = {})", size, known, after[1 + i])
        return [line(head, Count(size, "value"), inferred)]


def _example_target(target, size):
    """A target like ``target`` with one ``-1`` that fits ``size`` values, if there is one."""
    for i in range(len(target) - 1, -1, -1):
        rest = math.prod(d for j, d in enumerate(target) if j != i and d != -1)
        if rest and size % rest == 0:
            return tuple(-1 if j == i else d for j, d in enumerate(target))
    return (-1,)


class Permute(_KeepsInputDtype):
    """Permute: reorders the non-batch dimensions by ``dims`` (1-based); no weights."""

    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        try:
            self.dims = tuple(dims)
        except TypeError:
            raise LayerError(
                f"{owner}: `dims` must be a tuple of axis indices starting at 1. Received: "
                f"dims={dims!r}") from None
        if (not all(isinstance(d, int) and not isinstance(d, bool) for d in self.dims)
                or sorted(self.dims) != list(range(1, len(self.dims) + 1))):
            raise LayerError(
                f"{owner}: invalid permutation `dims`: it must contain each of 1 to "
                f"{len(self.dims)} exactly once (axis 0 is the batch and never moves). Received: "
                f"dims={dims!r}; e.g. dims={tuple(range(len(self.dims), 0, -1))} reverses "
                f"{len(self.dims)} axes.")
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)

    def compute_output_shape(self, input_shape):
        return permute_output_shape(input_shape, self.dims)

    def explain_output(self):
        shapes = _last_call_shapes(self)
        if shapes is None:
            return []
        return [f"dims {self.dims}: {format_shape(shapes[0])} -> "
                f"{format_shape(shapes[1])}"]


class RepeatVector(Layer):
    """RepeatVector: ``(batch, features)`` -> ``(batch, n, features)``; no weights."""

    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        if isinstance(n, bool) or not isinstance(n, int):
            raise LayerError(
                f"{describe_layer(self)}: `n` must be an integer (the number of repetitions). "
                f"Received: n={n!r} of type {type(n).__name__}")
        self.n = A.positive_int(n, "n", describe_layer(self))
        self.input_spec = InputSpec(ndim=2)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def explain_output(self):
        shapes = _last_call_shapes(self)
        if shapes is None:
            return []
        return [formula(f"{format_shape(shapes[0])} -> {format_shape(shapes[1])}: "
                        "the {} features repeated {} times", shapes[0][1], self.n)]


# --------------------------------------------------------------------------
# Spatial resizing: upsampling, zero padding, cropping
# --------------------------------------------------------------------------

class _Spatial(Layer):
    """Shared by the 1D/2D/3D resizing layers: ``rank`` spatial axes and a data format."""

    rank = None

    def _axes(self, shape):
        axes = spatial_axes(len(shape), self.rank, getattr(self, "data_format", "channels_last"))
        return zip(_AXIS_NAMES[self.rank], axes)

    def _explain_pairs(self, sign):
        """``height: 28 + 1 + 1 = 30`` (padding) or ``28 - 1 - 1 = 26`` (cropping)."""
        shapes = _last_call_shapes(self)
        if shapes is None:
            return []
        return [formula(f"{label}: {{}} {sign} {{}} {sign} {{}} = {{}}", shapes[0][axis], before,
                        after, shapes[1][axis])
                for (label, axis), (before, after) in zip(self._axes(shapes[0]), self._pairs())]


def _pairs(value, rank, name, owner):
    """Keras's padding/cropping forms: int, ``rank`` ints, or ``rank`` pairs -> pairs.

    Rank 1 takes an int or one pair; ranks 2 and 3 an int, ``rank`` ints, or
    ``rank`` pairs (``standardize_tuple`` on each entry).
    """
    if rank == 1:
        return (A.standardize_tuple(value, 2, name, owner, allow_zero=True),)
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0 and name == "cropping":
            raise LayerError(f"{owner}: `cropping` cannot be negative. Received: cropping={value!r}")
        # Keras does not check the sign of an int padding: ZeroPadding2D(-1) crops.
        return ((value, value),) * rank
    if not hasattr(value, "__len__"):
        raise LayerError(
            f"{owner}: `{name}` must be an int, a tuple of {rank} ints, or a tuple of {rank} "
            f"pairs of ints ((before, after) per spatial dimension). Received: {name}={value!r}")
    if len(value) != rank:
        raise LayerError(
            f"{owner}: `{name}` must have {rank} entries, one per spatial dimension "
            f"({', '.join(_AXIS_NAMES[rank])}), each an int or a (before, after) pair. Received: "
            f"{name}={value!r} ({len(value)} entries)")
    ordinal = ("1st", "2nd", "3rd")
    return tuple(A.standardize_tuple(v, 2, f"{ordinal[i]} entry of {name}", owner, allow_zero=True)
                 for i, v in enumerate(value))


class _UpSampling(_Spatial):
    def _factors(self):
        return (self.size,) if self.rank == 1 else self.size

    def compute_output_shape(self, input_shape):
        data_format = getattr(self, "data_format", "channels_last")
        return upsampling_output_shape(input_shape, self._factors(), data_format)

    def explain_output(self):
        shapes = _last_call_shapes(self)
        if shapes is None:
            return []
        lines = []
        for (label, axis), factor in zip(self._axes(shapes[0]), self._factors()):
            lines.append(formula(label + ": {} x {} = {}", shapes[0][axis], factor,
                                 shapes[1][axis]))
        return lines


class UpSampling1D(_UpSampling):
    """UpSampling1D: repeats each step ``size`` times; no weights."""

    rank = 1

    def __init__(self, size=2, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if isinstance(size, bool) or not isinstance(size, int):
            raise LayerError(
                f"{owner}: `size` must be an integer (the upsampling factor). Received: "
                f"size={size!r} of type {type(size).__name__}")
        self.size = A.positive_int(size, "size", owner)
        self.input_spec = InputSpec(ndim=3)


class UpSampling2D(_UpSampling):
    """UpSampling2D: repeats rows and columns ``size`` times; no weights."""

    rank = 2

    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.data_format = A.standardize_data_format(data_format, owner)
        self.size = A.standardize_tuple(size, 2, "size", owner)
        if not isinstance(interpolation, str):
            raise LayerError(
                f"{owner}: `interpolation` must be a string such as 'nearest' or 'bilinear'. "
                f"Received: interpolation={interpolation!r}")
        # Keras checks the interpolation only when the layer runs on data.
        self.interpolation = interpolation.lower()
        self.input_spec = InputSpec(ndim=4)


class UpSampling3D(_UpSampling):
    """UpSampling3D: repeats along depth, height and width; no weights."""

    rank = 3

    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.data_format = A.standardize_data_format(data_format, owner)
        self.size = A.standardize_tuple(size, 3, "size", owner)
        self.input_spec = InputSpec(ndim=5)


class _ZeroPadding(_Spatial):
    def __init__(self, padding, data_format=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.data_format = A.standardize_data_format(data_format, owner)
        pairs = _pairs(padding, self.rank, "padding", owner)
        self.padding = pairs[0] if self.rank == 1 else pairs
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _pairs(self):
        return (self.padding,) if self.rank == 1 else self.padding

    def compute_output_shape(self, input_shape):
        return padding_output_shape(input_shape, self._pairs(), self.data_format)

    def explain_output(self):
        return self._explain_pairs("+")


class ZeroPadding1D(_ZeroPadding):
    """ZeroPadding1D: adds zero steps at the start and end; no weights."""

    rank = 1

    def __init__(self, padding=1, data_format=None, **kwargs):
        super().__init__(padding=padding, data_format=data_format, **kwargs)


class ZeroPadding2D(_ZeroPadding):
    """ZeroPadding2D: adds zero rows and columns around the image; no weights."""

    rank = 2

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(padding=padding, data_format=data_format, **kwargs)


class ZeroPadding3D(_ZeroPadding):
    """ZeroPadding3D: adds zeros around a volume; no weights."""

    rank = 3

    def __init__(self, padding=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(padding=padding, data_format=data_format, **kwargs)


class _Cropping(_Spatial):
    def __init__(self, cropping, **kwargs):
        # Cropping1D has no data_format in Keras: there it is an unknown argument.
        data_format = kwargs.pop("data_format", None) if self.rank > 1 else None
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if self.rank > 1:
            self.data_format = A.standardize_data_format(data_format, owner)
        pairs = _pairs(cropping, self.rank, "cropping", owner)
        self.cropping = pairs[0] if self.rank == 1 else pairs
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _pairs(self):
        return (self.cropping,) if self.rank == 1 else self.cropping

    def compute_output_shape(self, input_shape):
        data_format = getattr(self, "data_format", "channels_last")
        try:
            return cropping_output_shape(input_shape, self._pairs(), data_format)
        except ShapeError as e:
            e.fix = ("Every `cropping` pair must remove fewer positions than its dimension "
                     "has; crop less, or crop a larger input.")
            raise

    def explain_output(self):
        return self._explain_pairs("-")


class Cropping1D(_Cropping):
    """Cropping1D: removes steps at the start and end; no weights."""

    rank = 1

    def __init__(self, cropping=(1, 1), **kwargs):
        super().__init__(cropping=cropping, **kwargs)


class Cropping2D(_Cropping):
    """Cropping2D: removes rows and columns at the borders; no weights."""

    rank = 2

    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None, **kwargs):
        super().__init__(cropping=cropping, data_format=data_format, **kwargs)


class Cropping3D(_Cropping):
    """Cropping3D: removes borders of a volume; no weights."""

    rank = 3

    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(cropping=cropping, data_format=data_format, **kwargs)
