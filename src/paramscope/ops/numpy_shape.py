"""``keras.ops`` that move and index tensors (NumPy family, ``keras/src/ops/numpy.py``):
reshape, transpose, pad, tile, take, ``x[...]``, where, ... (joining and splitting:
:mod:`numpy_join`)."""

from __future__ import annotations

import builtins

from ..layers.base import KerasTensor
from ._base import Operation, call, is_symbolic
from ._dtypes import dtype_of, result_type, standardize_dtype
from ._shapes import (OpShapeError, OpTypeError, broadcast_shapes, canonicalize_axes,
                      canonicalize_axis, compute_expand_dims_output_shape,
                      compute_reshape_output_shape, compute_take_along_axis_output_shape,
                      compute_transpose_output_shape, prod_or_none, to_tuple_or_list,
                      validate_reshape_shape)

__all__ = ["Reshape", "reshape", "Transpose", "transpose", "ExpandDims", "expand_dims",
           "Squeeze", "squeeze", "Ravel", "ravel", "Tile", "tile", "Repeat", "repeat", "Pad",
           "pad", "BroadcastTo", "broadcast_to", "Moveaxis", "moveaxis", "Swapaxes", "swapaxes",
           "Roll", "roll", "Flip", "flip", "Fliplr", "fliplr", "Flipud", "flipud", "Rot90",
           "rot90", "GetItem", "get_item", "getitem_shape", "Take", "take", "TakeAlongAxis",
           "take_along_axis", "Where", "where", "Select", "select", "Clip", "clip"]


def _sparse(x):
    return getattr(x, "sparse", False)


class Reshape(Operation):
    def __init__(self, newshape, *, name=None):
        super().__init__(name=name)
        self.newshape = newshape

    def compute_output_spec(self, x):
        shape = compute_reshape_output_shape(x.shape, self.newshape, "newshape")
        return KerasTensor(shape, dtype=x.dtype, sparse=_sparse(x))


def reshape(x, newshape):
    if not isinstance(newshape, KerasTensor) and not hasattr(newshape, "shape"):
        try:
            newshape = tuple(newshape)
        except TypeError:
            newshape = (newshape,)
        validate_reshape_shape(newshape)
    return call(Reshape, (x,), check=(x, newshape), newshape=newshape)


class Transpose(Operation):
    def __init__(self, axes=None, *, name=None):
        super().__init__(name=name)
        self.axes = axes

    def compute_output_spec(self, x):
        shape = compute_transpose_output_shape(x.shape, self.axes)
        return KerasTensor(shape, dtype=x.dtype, sparse=_sparse(x))


def transpose(x, axes=None):
    return call(Transpose, (x,), axes=axes)


class ExpandDims(Operation):
    def __init__(self, axis, *, name=None):
        super().__init__(name=name)
        if not isinstance(axis, (int, tuple, list)):
            raise OpShapeError("The `axis` argument to `expand_dims` should be an integer, "
                               f"tuple or list. Received axis={axis}")
        self.axis = axis

    def compute_output_spec(self, x):
        shape = compute_expand_dims_output_shape(x.shape, self.axis)
        return KerasTensor(shape, dtype=x.dtype, sparse=_sparse(x))


def expand_dims(x, axis):
    return call(ExpandDims, (x,), axis=axis)


class Squeeze(Operation):
    def __init__(self, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x):
        shape = list(x.shape)
        axis = to_tuple_or_list(self.axis)
        if axis is None:
            return KerasTensor([d for d in shape if d != 1], dtype=x.dtype, sparse=_sparse(x))
        for a in axis:
            if shape[a] != 1:
                raise OpShapeError(f"Cannot squeeze axis {a}, because the dimension is not 1.")
        for a in sorted((canonicalize_axis(a, len(shape)) for a in axis), reverse=True):
            del shape[a]
        return KerasTensor(shape, dtype=x.dtype, sparse=_sparse(x))


def squeeze(x, axis=None):
    return call(Squeeze, (x,), axis=axis)


class Ravel(Operation):
    def compute_output_spec(self, x):
        return KerasTensor((prod_or_none(x.shape),), dtype=x.dtype)


def ravel(x):
    return call(Ravel, (x,))


# --------------------------------------------------------------------------------------
# tiling, padding, broadcasting, moving axes
# --------------------------------------------------------------------------------------

class Tile(Operation):
    def __init__(self, repeats, *, name=None):
        super().__init__(name=name)
        self.repeats = repeats

    def compute_output_spec(self, x):
        shape = list(x.shape)
        repeats = [self.repeats] if isinstance(self.repeats, int) else list(self.repeats)
        if len(shape) > len(repeats):
            repeats = [1] * (len(shape) - len(repeats)) + repeats
        else:
            shape = [1] * (len(repeats) - len(shape)) + shape
        if not all(isinstance(r, int) for r in repeats):
            # Keras's backends cannot either (JAX: unhashable tracers; TensorFlow: iterating a
            # symbolic tensor).
            raise OpTypeError(f"the repeats of tile must be Python integers, got {repeats!r}")
        return KerasTensor([size * r if isinstance(size, int) else None
                            for size, r in zip(shape, repeats)], dtype=x.dtype)


def tile(x, repeats):
    return call(Tile, (x,), repeats=repeats)


class Repeat(Operation):
    def __init__(self, repeats, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis
        self.repeats = repeats

    def compute_output_spec(self, x):
        shape = list(x.shape)
        repeats = [self.repeats] if isinstance(self.repeats, int) else self.repeats
        broadcast = len(repeats) == 1
        if self.axis is None:
            if None in shape:
                return KerasTensor([None], dtype=x.dtype)
            size = prod_or_none(shape)
            if broadcast:
                return KerasTensor((size * repeats[0],), dtype=x.dtype)
            if len(repeats) != size:
                raise OpShapeError("Size of `repeats` and dimensions of `x` after flattening "
                                   f"should be compatible. Received: {len(repeats)} and {size}")
            return KerasTensor((builtins.sum(repeats),), dtype=x.dtype)
        size = shape[self.axis]
        if size is None:
            return KerasTensor(shape, dtype=x.dtype)
        if broadcast:
            shape[self.axis] = size * repeats[0]
        elif size != len(repeats):
            raise OpShapeError(f"Size of `repeats` and dimensions of `axis {self.axis} of x` "
                               f"should be compatible. Received: {len(repeats)} and {shape}")
        else:
            shape[self.axis] = builtins.sum(repeats)
        return KerasTensor(shape, dtype=x.dtype)


def repeat(x, repeats, axis=None):
    return call(Repeat, (x,), repeats=repeats, axis=axis)


class Pad(Operation):
    def __init__(self, pad_width, mode="constant", *, name=None):
        super().__init__(name=name)
        self.pad_width = self._process_pad_width(pad_width)
        self.mode = mode

    @staticmethod
    def _process_pad_width(pad_width):
        if isinstance(pad_width, int):
            return ((pad_width, pad_width),)
        if isinstance(pad_width, (tuple, list)) and isinstance(pad_width[0], int):
            return (pad_width,)
        first_len = len(pad_width[0])
        for i, pw in enumerate(pad_width):
            if len(pw) != first_len:
                raise OpShapeError("`pad_width` should be a list of tuples of length 1 or 2. "
                                   f"Received: pad_width={pad_width}")
            if len(pw) == 1:
                pad_width[i] = (pw[0], pw[0])
        return pad_width

    def compute_output_spec(self, x, constant_values=None):
        shape = list(x.shape)
        if len(self.pad_width) == 1:
            pad_width = [self.pad_width[0] for _ in shape]
        elif len(self.pad_width) == len(shape):
            pad_width = self.pad_width
        else:
            raise OpShapeError(
                f"`pad_width` must have the same length as `x.shape`. Received: "
                f"pad_width={self.pad_width} (of length {len(self.pad_width)}) and "
                f"x.shape={x.shape} (of length {len(x.shape)})")
        for i, size in enumerate(shape):
            if size is not None:
                shape[i] = size + pad_width[i][0] + pad_width[i][1]
        return KerasTensor(shape, dtype=x.dtype)


def pad(x, pad_width, mode="constant", constant_values=None):
    return Pad(pad_width, mode=mode)(x, constant_values=constant_values)


class BroadcastTo(Operation):
    def __init__(self, shape, *, name=None):
        super().__init__(name=name)
        self.shape = shape

    def compute_output_spec(self, x):
        broadcast_shapes(x.shape, self.shape)
        return KerasTensor(self.shape, dtype=x.dtype)


def broadcast_to(x, shape):
    return call(BroadcastTo, (x,), shape=shape)


class Moveaxis(Operation):
    def __init__(self, source, destination, *, name=None):
        super().__init__(name=name)
        self.source = [source] if isinstance(source, int) else source
        self.destination = [destination] if isinstance(destination, int) else destination
        if len(self.source) != len(self.destination):
            raise OpShapeError(
                "`source` and `destination` arguments must have the same number of elements, "
                f"but received `source={source}` and `destination={destination}`.")

    def compute_output_spec(self, x):
        ndim = len(x.shape)
        sources = [canonicalize_axis(a, ndim) for a in self.source]
        destinations = [canonicalize_axis(a, ndim) for a in self.destination]
        rest = list(x.shape)
        out = [-1] * ndim
        for src, dst in zip(sources, destinations):
            out[dst] = rest[src]
            rest[src] = -1
        remaining = iter([d for d in rest if d != -1])
        return KerasTensor([next(remaining) if d == -1 else d for d in out], dtype=x.dtype)


def moveaxis(x, source, destination):
    return call(Moveaxis, (x,), source=source, destination=destination)


class Swapaxes(Operation):
    def __init__(self, axis1, axis2, *, name=None):
        super().__init__(name=name)
        self.axis1, self.axis2 = axis1, axis2

    def compute_output_spec(self, x):
        ndim = len(x.shape)
        a, b = canonicalize_axis(self.axis1, ndim), canonicalize_axis(self.axis2, ndim)
        shape = list(x.shape)
        shape[a], shape[b] = shape[b], shape[a]
        return KerasTensor(shape, dtype=x.dtype)


def swapaxes(x, axis1, axis2):
    return call(Swapaxes, (x,), axis1=axis1, axis2=axis2)


class Roll(Operation):
    def __init__(self, shift, axis=None, *, name=None):
        super().__init__(name=name)
        self.shift, self.axis = shift, axis

    def compute_output_spec(self, x):
        if self.axis is not None:
            canonicalize_axes(self.axis, len(x.shape))
        return KerasTensor(x.shape, dtype=x.dtype)


def roll(x, shift, axis=None):
    return call(Roll, (x,), shift=shift, axis=axis)


class Flip(Roll):
    def __init__(self, axis=None, *, name=None):
        Operation.__init__(self, name=name)
        self.axis = axis


def flip(x, axis=None):
    return call(Flip, (x,), axis=axis)


class Fliplr(Operation):
    min_rank = 2

    def compute_output_spec(self, x):
        if len(x.shape) < self.min_rank:
            raise OpShapeError(f"`{type(self).__name__.lower()}` requires input with "
                               f"{self.min_rank} or more dimensions. Received: x.shape={x.shape}")
        return KerasTensor(x.shape, dtype=x.dtype)


class Flipud(Fliplr):
    min_rank = 1


def fliplr(x):
    return call(Fliplr, (x,))


def flipud(x):
    return call(Flipud, (x,))


class Rot90(Operation):
    def __init__(self, k=1, axes=(0, 1), *, name=None):
        super().__init__(name=name)
        self.k, self.axes = k, axes

    def compute_output_spec(self, array):
        shape = list(array.shape)
        if len(shape) < 2:
            raise OpShapeError("Input array must have at least 2 dimensions. Received: "
                               f"array.shape={shape}")
        if len(self.axes) != 2 or self.axes[0] == self.axes[1]:
            raise OpShapeError(f"Invalid axes: {self.axes}. Axes must be a tuple of two "
                               "different dimensions.")
        a, b = self.axes
        shape[a], shape[b] = shape[b], shape[a]
        return KerasTensor(shape, dtype=array.dtype)


def rot90(array, k=1, axes=(0, 1)):
    return call(Rot90, (array,), k=k, axes=axes)


# --------------------------------------------------------------------------------------
# indexing
# --------------------------------------------------------------------------------------

def getitem_shape(shape, key):
    """Basic indexing (ints, slices, ``...``, ``None``) on a shape, as Keras's GetItem."""
    remaining = list(shape)
    new_shape = []
    if isinstance(key, int):
        keys = [key]
    elif isinstance(key, tuple):
        keys = list(key)
    elif isinstance(key, list):
        keys = key.copy()
    else:
        raise OpShapeError(f"Unsupported key type for array slice. Received: `{key}`")
    ellipses = builtins.sum(1 for k in keys if k is Ellipsis)
    if ellipses > 1:
        raise OpShapeError(f"Slice should only have one ellipsis. Received: `{key}`")
    if ellipses == 0:
        keys.append(Ellipsis)
    while keys:
        sub = keys.pop(0)
        if sub is Ellipsis:
            needed = len(keys) - builtins.sum(1 for k in keys if k is None)
            consumed = len(remaining) - needed
            new_shape += remaining[:consumed]
            remaining = remaining[consumed:]
            continue
        if sub is None:
            new_shape.append(1)
            continue
        if not remaining:
            raise OpShapeError(f"Array has shape {tuple(shape)} but slice has to many indices. "
                               f"Received: `{key}`")
        length = remaining.pop(0)
        if isinstance(sub, int):
            if length is not None:
                index = sub if sub >= 0 else sub + length
                if index < 0 or index >= length:
                    raise OpShapeError(f"Array has shape {tuple(shape)} but out-of-bounds index "
                                       f"{key} was requested.")
        elif isinstance(sub, slice):
            new_shape.append(len(range(*sub.indices(length))) if length is not None else None)
        else:
            raise OpShapeError(f"Unsupported key type for array slice. Received: `{key}`")
    return tuple(new_shape)


class GetItem(Operation):
    wraps_python_scalars = False  # the key stays an int

    def compute_output_spec(self, x, key):
        if isinstance(key, slice) and self.name in ("traced", "concrete"):
            key = (key,)  # a traced (JAX) or concrete array takes a bare slice; a KerasTensor not
        return KerasTensor(getitem_shape(x.shape, key), dtype=x.dtype)


def get_item(x, key):
    if is_symbolic((x,)):
        return GetItem().symbolic_call(x, key)
    return GetItem(name="concrete").concrete_call(x, key)


class Take(Operation):
    def __init__(self, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x, indices):
        shape = list(x.shape)
        if hasattr(indices, "shape"):
            indices_shape = list(indices.shape)
            ragged = getattr(indices, "ragged", False)
        else:
            from ..shapes import value_shape
            indices_shape, ragged = list(value_shape(indices)), False
        if self.axis is None:
            return KerasTensor(indices_shape, dtype=x.dtype)
        axis = canonicalize_axis(self.axis, len(shape))
        return KerasTensor(shape[:axis] + indices_shape + shape[axis + 1:], dtype=x.dtype,
                           ragged=ragged)


def take(x, indices, axis=None):
    return call(Take, (x, indices), axis=axis)


class TakeAlongAxis(Operation):
    def __init__(self, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x, indices):
        shape = compute_take_along_axis_output_shape(x.shape, indices.shape, self.axis)
        return KerasTensor(shape, dtype=x.dtype)


def take_along_axis(x, indices, axis=None):
    return call(TakeAlongAxis, (x, indices), axis=axis)


class Where(Operation):
    def compute_output_spec(self, condition, x1, x2):
        shape = broadcast_shapes(getattr(condition, "shape", []), getattr(x1, "shape", []))
        shape = broadcast_shapes(shape, getattr(x2, "shape", []))
        dtype = result_type(dtype_of(x1, type(x1) if x1 is not None else "int"),
                            dtype_of(x2, type(x2) if x2 is not None else "int"))
        return KerasTensor(shape, dtype=dtype)


def where(condition, x1=None, x2=None):
    if (x1 is None) != (x2 is None):
        raise OpShapeError("`x1` and `x2` either both should be `None` or both should have "
                           "non-None value.")
    return call(Where, (condition, x1, x2))


class Select(Operation):
    def compute_output_spec(self, condlist, choicelist, default=0):
        first = choicelist[0]
        return KerasTensor(first.shape, dtype=first.dtype)


def select(condlist, choicelist, default=0):
    if not isinstance(condlist, (list, tuple)) or not isinstance(choicelist, (list, tuple)):
        raise OpShapeError(
            f"condlist and choicelist must be lists. Received: type(condlist) = "
            f"{type(condlist)}, type(choicelist) = {type(choicelist)}")
    condlist, choicelist = list(condlist), list(choicelist)
    if not condlist or not choicelist:
        raise OpShapeError("condlist and choicelist must not be empty. Received: condlist = "
                           f"{condlist}, choicelist = {choicelist}")
    return call(Select, (condlist, choicelist, default))


class Clip(Operation):
    def __init__(self, x_min, x_max, *, name=None):
        super().__init__(name=name)
        self.x_min, self.x_max = x_min, x_max

    def compute_output_spec(self, x):
        dtype = standardize_dtype(x.dtype)
        return KerasTensor(x.shape, dtype="int32" if dtype == "bool" else dtype)


def clip(x, x_min, x_max):
    return call(Clip, (x,), x_min=x_min, x_max=x_max)



class Diff(Operation):
    def __init__(self, n=1, axis=-1, *, name=None):
        super().__init__(name=name)
        self.n, self.axis = n, axis

    def compute_output_spec(self, a):
        axis = canonicalize_axis(self.axis, len(a.shape))
        shape = list(a.shape)
        if shape[axis] is not None:
            shape[axis] = builtins.max(shape[axis] - self.n, 0)
        return KerasTensor(shape, dtype=a.dtype)


def diff(a, n=1, axis=-1):
    return Diff(n=n, axis=axis)(a)


__all__ += ["Diff", "diff"]
