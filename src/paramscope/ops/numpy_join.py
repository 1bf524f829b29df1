"""``keras.ops`` that join and split tensors (NumPy family, ``keras/src/ops/numpy.py``):
concatenate, stack and its h/v/d forms, split and its forms, append, meshgrid."""

from __future__ import annotations

import builtins

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import dtype_of, result_type
from ._shapes import OpShapeError, OpTypeError, canonicalize_axis, prod_or_none, shape_equal

__all__ = ["Concatenate", "concatenate", "Stack", "stack", "Hstack", "hstack", "Vstack",
           "vstack", "Dstack", "dstack", "Split", "split", "ArraySplit", "array_split", "Hsplit",
           "hsplit", "Vsplit", "vsplit", "Dsplit", "dsplit", "Append", "append", "Meshgrid",
           "meshgrid"]

def _joined_shape(shapes, axis, what="`xs`"):
    """Shapes equal except on ``axis``, whose sizes add up (None if one is unknown)."""
    first = shapes[0]
    total = 0
    for shape in shapes:
        if not shape_equal(shape, first, axis=[axis], allow_none=True):
            raise OpShapeError(
                f"Every value in {what} must have the same shape except on the `axis` dim. But "
                f"found element of shape {tuple(shape)}, which is different from the first "
                f"element's shape {tuple(first)}.")
        total = None if total is None or shape[axis] is None else total + shape[axis]
    out = list(first)
    out[axis] = total
    return out


class Concatenate(Operation):
    def __init__(self, axis=0, *, name=None):
        super().__init__(name=name)
        if axis is None:
            raise OpShapeError("`axis` cannot be None for `concatenate`.")
        self.axis = axis

    def compute_output_spec(self, xs):
        axis = canonicalize_axis(self.axis, len(xs[0].shape))
        shape = _joined_shape([x.shape for x in xs], axis)
        sparse = builtins.all(getattr(x, "sparse", False) for x in xs)
        return KerasTensor(shape, dtype=result_type(*[dtype_of(x) for x in xs]), sparse=sparse)


def concatenate(xs, axis=0):
    return call(Concatenate, (xs,), check=tuple(xs), axis=axis)


class Stack(Operation):
    def __init__(self, axis=0, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x):
        first = x[0].shape
        axis = canonicalize_axis(self.axis, len(first) + 1)
        for a in x:
            if not shape_equal(a.shape, first, axis=[], allow_none=True):
                raise OpShapeError(
                    f"Every value in `x` must have the same shape. But found element of shape "
                    f"{a.shape},  which is different from the first element's shape {first}.")
        shape = list(first)
        shape.insert(axis, len(x))
        return KerasTensor(shape, dtype=result_type(*[dtype_of(a) for a in x]))


def stack(x, axis=0):
    return call(Stack, (x,), axis=axis)


class Hstack(Operation):
    def compute_output_spec(self, xs):
        shape = _joined_shape([x.shape for x in xs], 1)
        return KerasTensor(shape, dtype=result_type(*[dtype_of(x) for x in xs]))


class Vstack(Operation):
    def compute_output_spec(self, xs):
        shape = _joined_shape([x.shape for x in xs], 0)
        return KerasTensor(shape, result_type(*[dtype_of(x) for x in xs]))


class Dstack(Operation):
    def compute_output_spec(self, xs):
        shapes = []
        for x in xs:
            shape = list(x.shape)
            if len(shape) == 0:
                shape = [1, 1, 1]
            elif len(shape) == 1:
                shape = [1, shape[0], 1]
            elif len(shape) == 2:
                shape = shape + [1]
            shapes.append(shape)
        shape = _joined_shape(shapes, 2)
        return KerasTensor(shape, dtype=result_type(*[dtype_of(x) for x in xs]))


def hstack(xs):
    return call(Hstack, (xs,))


def vstack(xs):
    return call(Vstack, (xs,))


def dstack(xs):
    return call(Dstack, (xs,))


def split_output_spec(x, indices_or_sections, axis):
    """Keras's ``_compute_split_output_spec``."""
    shape = list(x.shape)
    axis = canonicalize_axis(axis, len(shape))
    size = shape[axis]
    if isinstance(indices_or_sections, int):
        if size is None:
            return [KerasTensor(shape, dtype=x.dtype) for _ in range(indices_or_sections)]
        if size % indices_or_sections != 0:
            raise OpShapeError(
                "`x` size on given `axis` must be divisible by `indices_or_sections` when "
                f"`indices_or_sections` is an int. But received {size} and "
                f"{indices_or_sections}.")
        shape[axis] = size // indices_or_sections
        return [KerasTensor(shape, dtype=x.dtype) for _ in range(indices_or_sections)]
    bounds = [0] + list(indices_or_sections) + [size]
    outputs = []
    for start, end in zip(bounds[:-1], bounds[1:]):
        part = list(shape)
        part[axis] = None if start is None or end is None else end - start
        outputs.append(KerasTensor(part, dtype=x.dtype))
    return outputs


class Split(Operation):
    def __init__(self, indices_or_sections, axis=0, *, name=None):
        super().__init__(name=name)
        if not isinstance(indices_or_sections, int):
            indices_or_sections = tuple(indices_or_sections)
        self.indices_or_sections = indices_or_sections
        self.axis = axis

    def compute_output_spec(self, x):
        return split_output_spec(x, self.indices_or_sections, self.axis)


def split(x, indices_or_sections, axis=0):
    return call(Split, (x,), indices_or_sections=indices_or_sections, axis=axis)


class Hsplit(Operation):
    min_rank = 1

    def __init__(self, indices_or_sections, *, name=None):
        super().__init__(name=name)
        if not isinstance(indices_or_sections, int):
            indices_or_sections = tuple(indices_or_sections)
        self.indices_or_sections = indices_or_sections

    def split_axis(self, x):
        return 0 if len(x.shape) == 1 else 1

    def compute_output_spec(self, x):
        if len(x.shape) < self.min_rank:
            what = {1: "1 dimension", 2: "2 dimensions", 3: "3 dimensions"}[self.min_rank]
            raise OpShapeError(
                f"`{type(self).__name__.lower()}` only works on arrays of at least {what}. "
                f"Received array with shape {x.shape}.")
        return split_output_spec(x, self.indices_or_sections, self.split_axis(x))


class Vsplit(Hsplit):
    min_rank = 2

    def split_axis(self, x):
        return 0


class Dsplit(Hsplit):
    min_rank = 3

    def split_axis(self, x):
        return 2


def hsplit(x, indices_or_sections):
    return call(Hsplit, (x,), indices_or_sections=indices_or_sections)


def vsplit(x, indices_or_sections):
    return call(Vsplit, (x,), indices_or_sections=indices_or_sections)


def dsplit(x, indices_or_sections):
    return call(Dsplit, (x,), indices_or_sections=indices_or_sections)


class ArraySplit(Operation):
    def __init__(self, indices_or_sections, axis=0, *, name=None):
        super().__init__(name=name)
        self.indices_or_sections = indices_or_sections
        self.axis = axis

    def compute_output_spec(self, x):
        n = self.indices_or_sections
        axis = self.axis + len(x.shape) if self.axis < 0 else self.axis
        total = x.shape[axis]
        base = list(x.shape)
        if total is None:
            base[axis] = None
            return tuple(KerasTensor(tuple(base), dtype=x.dtype) for _ in range(n))
        outputs = []
        for i in range(n):
            shape = list(base)
            shape[axis] = total // n + (1 if i < total % n else 0)
            outputs.append(KerasTensor(tuple(shape), dtype=x.dtype))
        return outputs


def array_split(x, indices_or_sections, axis=0):
    if not isinstance(indices_or_sections, int):
        raise OpTypeError("Argument `indices_or_sections` must be of type `int`. Received: "
                          f"indices_or_sections={indices_or_sections}")
    if indices_or_sections <= 0:
        raise OpShapeError("Argument `indices_or_sections` must be a positive integer. "
                           f"Received: indices_or_sections={indices_or_sections}")
    if not isinstance(axis, int):
        raise OpTypeError(f"Argument `axis` must be of type `int`. Received: {axis}")
    return call(ArraySplit, (x,), indices_or_sections=indices_or_sections, axis=axis)


class Append(Operation):
    wraps_python_scalars = True

    def __init__(self, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x1, x2):
        dtype = result_type(dtype_of(x1), dtype_of(x2))
        if self.axis is None:
            sizes = (prod_or_none(x1.shape), prod_or_none(x2.shape))
            return KerasTensor((None if None in sizes else sizes[0] + sizes[1],), dtype=dtype)
        if not shape_equal(x1.shape, x2.shape, [self.axis]):
            raise OpShapeError(
                f"`append` requires inputs to have the same shape except the "
                f"`axis={self.axis}`, but received shape {x1.shape} and {x2.shape}.")
        shape = list(x1.shape)
        a, b = x1.shape[self.axis], x2.shape[self.axis]
        shape[self.axis] = None if a is None or b is None else a + b
        return KerasTensor(shape, dtype=dtype)


def append(x1, x2, axis=None):
    return call(Append, (x1, x2), axis=axis)


class Meshgrid(Operation):
    def __init__(self, indexing="xy", *, name=None):
        super().__init__(name=name)
        if indexing not in ("xy", "ij"):
            raise OpShapeError("Valid values for `indexing` are 'xy' and 'ij', but received "
                               "{index}.")
        self.indexing = indexing

    def compute_output_spec(self, *x):
        shape = []
        for xi in x:
            shape.append(1 if len(xi.shape) == 0 else prod_or_none(xi.shape))
        if self.indexing == "ij":
            return [KerasTensor(shape) for _ in x]
        shape[0], shape[1] = shape[1], shape[0]
        return [KerasTensor(shape, dtype=x[-1].dtype) for _ in x]


def meshgrid(*x, indexing="xy"):
    return call(Meshgrid, x, indexing=indexing)
