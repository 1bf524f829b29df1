"""``keras.ops.rearrange`` (``keras/src/ops/einops.py``): einops-style axis patterns."""

from __future__ import annotations

import re

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._shapes import OpShapeError, OpTypeError

__all__ = ["Rearrange", "rearrange"]

_GROUP = re.compile(r"\(([\w\s]+)\)")
_AXES = re.compile(r"\w+|\(.*?\)")


def _axes_map(axes, input_shape, axes_lengths):
    """Every axis name's size: named in the input, or inferred inside a ``(...)`` group."""
    sizes = {}
    if len(axes) > len(input_shape):
        raise OpShapeError(f"the pattern has {len(axes)} input axes but the tensor has rank "
                           f"{len(input_shape)}")
    for axis, dim in zip(axes, input_shape):
        grouped = _GROUP.match(axis)
        if grouped:
            inner = grouped.group(1).split()
            known = [a for a in inner if a in axes_lengths]
            inferred = [a for a in inner if a not in axes_lengths]
            if inferred:
                product = 1
                for a in known:
                    product *= axes_lengths[a]
                axes_lengths[inferred[0]] = None if dim is None else dim // product
            sizes.update({a: axes_lengths[a] for a in inner})
        else:
            sizes[axis] = dim
    return sizes


def _output_shape(sizes, output_axes):
    shape = []
    for axis in output_axes:
        grouped = _GROUP.match(axis)
        size = 1
        for name in (grouped.group(1).split() if grouped else [axis]):
            if name not in sizes:
                raise OpShapeError(f"unknown axis {name!r} in the output pattern")
            if sizes[name] is None:  # Keras multiplies the sizes: an unknown one fails
                raise OpTypeError("unsupported operand type(s) for *=: 'int' and 'NoneType'")
            size *= sizes[name]
        shape.append(size)
    return tuple(shape)


class Rearrange(Operation):
    def compute_output_spec(self, tensor, pattern, **axes_lengths):
        parts = re.split(r"\s*->\s*", pattern)
        if len(parts) != 2:
            raise OpShapeError(f"not enough values to unpack (expected 2, got {len(parts)})")
        input_axes, output_axes = _AXES.findall(parts[0]), _AXES.findall(parts[1])
        sizes = _axes_map(input_axes, tuple(tensor.shape), dict(axes_lengths))
        return KerasTensor(_output_shape(sizes, output_axes), dtype=tensor.dtype)


def rearrange(tensor, pattern, **axes_lengths):
    return call(Rearrange, (tensor, pattern), axes_lengths, check=(tensor,))
