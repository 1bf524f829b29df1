"""Shape rules of Keras's operations (``keras/src/ops/operation_utils.py`` and
``keras/src/backend/common/backend_utils.py``), as pure functions on shapes.

Shapes are tuples (or lists) of ints and ``None``.  The functions raise
:class:`OpShapeError` with Keras's wording; the operation that called them adds its name.

>>> broadcast_shapes((None, 1, 3), (4, 1))
[None, 4, 3]
>>> compute_reshape_output_shape((2, 6), (-1, 4), "newshape")
(3, 4)
>>> compute_conv_output_shape((None, 28, 28, 3), 8, (3, 3), strides=2, padding="same")
(None, 14, 14, 8)
"""

from __future__ import annotations

import math

from ..errors import ShapeError
from ..shapes_tensor import broadcast_dims


class OpShapeError(ShapeError):
    """An operation cannot take arguments of these shapes (Keras: ValueError)."""


class OpTypeError(OpShapeError, TypeError):
    """An operation cannot take an argument of this kind (Keras: TypeError)."""


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def canonicalize_axis(axis, num_dims):
    try:
        axis = axis.__index__()
    except AttributeError:
        raise OpTypeError(f"'{type(axis).__name__}' object cannot be interpreted as an "
                          "integer") from None
    if not -num_dims <= axis < num_dims:
        raise OpShapeError(f"axis {axis} is out of bounds for an array with dimension "
                           f"{num_dims}.")
    return axis + num_dims if axis < 0 else axis


def canonicalize_axes(axis, num_dims):
    if isinstance(axis, (tuple, list)):
        return tuple(canonicalize_axis(a, num_dims) for a in axis)
    return (canonicalize_axis(axis, num_dims),)


def to_tuple_or_list(value):
    if value is None:
        return value
    if not isinstance(value, (int, tuple, list)):
        raise OpShapeError(f"`value` must be an integer, tuple or list. Received: value={value}")
    return (value,) if isinstance(value, int) else value


def shape_equal(shape1, shape2, axis=None, allow_none=True):
    """Keras's ``shape_equal``: equal except on ``axis``; ``None`` matches anything."""
    if len(shape1) != len(shape2):
        return False
    shape1, shape2 = list(shape1), list(shape2)
    if axis is not None:
        for ax in ([axis] if isinstance(axis, int) else axis):
            shape1[ax] = shape2[ax] = -1
    if allow_none:
        for i in range(len(shape1)):
            if shape1[i] is None:
                shape1[i] = shape2[i]
            if shape2[i] is None:
                shape2[i] = shape1[i]
    return shape1 == shape2


def broadcast_shapes(shape1, shape2):
    """NumPy broadcasting with ``None`` (Keras's rule; a list, as Keras returns it)."""
    shape1, shape2 = list(shape1), list(shape2)
    out, conflict = broadcast_dims(shape1, shape2)
    if conflict is not None:
        raise OpShapeError(
            f"Cannot broadcast shape, the failure dim has value {conflict[0]}, which cannot be "
            f"broadcasted to {conflict[1]}. Input shapes are: {shape1} and {shape2}.")
    return out


def reduce_shape(shape, axis=None, keepdims=False):
    shape = list(shape)
    if axis is None:
        return tuple(1 for _ in shape) if keepdims else ()
    if isinstance(axis, int):
        axis = (axis,)
    axis = tuple(canonicalize_axis(a, len(shape)) for a in axis)
    if keepdims:
        for ax in axis:
            shape[ax] = 1
        return tuple(shape)
    for ax in sorted(axis, reverse=True):
        del shape[ax]
    return tuple(shape)


def compute_expand_dims_output_shape(input_shape, axis):
    input_shape = list(input_shape)
    if axis is None:
        axis = len(input_shape)
    axis = to_tuple_or_list(axis)
    out_ndim = len(axis) + len(input_shape)
    axis = [canonicalize_axis(a, out_ndim) for a in axis]
    dims = iter(input_shape)
    try:
        return tuple(1 if ax in axis else next(dims) for ax in range(out_ndim))
    except (StopIteration, RuntimeError):
        raise OpShapeError(f"repeated axis in `axis` {axis} for expand_dims") from None


def compute_matmul_output_shape(shape1, shape2):
    x1_is_1d, x2_is_1d = len(shape1) == 1, len(shape2) == 1
    if x1_is_1d:
        shape1 = (1, shape1[0])
    if x2_is_1d:
        shape2 = (shape2[0], 1)
    if len(shape1) < 2 or len(shape2) < 2:
        raise OpShapeError(f"matmul needs arguments of rank >= 1, got shapes {tuple(shape1)} "
                           f"and {tuple(shape2)}")
    if shape1[-1] is not None and shape2[-2] is not None and shape1[-1] != shape2[-2]:
        raise OpShapeError(
            "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received "
            f"`x1.shape={tuple(shape1)}` and `x2.shape={tuple(shape2)}`.")
    out = broadcast_shapes(shape1[:-2], shape2[:-2]) + [shape1[-2], shape2[-1]]
    if x1_is_1d:
        del out[-2]
    if x2_is_1d:
        del out[-1]
    return tuple(out)


def validate_reshape_shape(newshape, name="newshape"):
    neg_one_count = 0
    for dim in newshape:
        if not is_int(dim):
            continue
        if dim < -1:
            raise OpShapeError(
                f"Each dimension in `{name}` must be a non-negative integer, or `-1` for a "
                f"single unknown dimension. Received: {name}={newshape}.")
        if dim == -1:
            neg_one_count += 1
    if neg_one_count > 1:
        raise OpShapeError(f"There must be at most one unknown dimension (-1) in `{name}`. "
                           f"Received: {name}={newshape}.")


def compute_reshape_output_shape(input_shape, newshape, name):
    """The shape ``reshape`` gives; ``newshape`` may be a 1-D shape tensor (only its length
    is known)."""
    if hasattr(newshape, "shape") and not isinstance(newshape, (list, tuple)):
        shape = newshape.shape
        if shape and len(shape) == 1 and shape[0] is not None:
            return (None,) * shape[0]
        return (None,)
    validate_reshape_shape(newshape, name)
    newshape = tuple(d if is_int(d) else None for d in newshape)
    if None in input_shape or None in newshape:
        return tuple(d if d != -1 else None for d in newshape)
    input_size = math.prod(input_shape)
    if -1 not in newshape:
        if input_size != math.prod(newshape):
            raise OpShapeError(
                "The total size of the tensor must be unchanged. Received: "
                f"input_shape={tuple(input_shape)}, {name}={newshape}")
        return newshape
    known = math.prod(d for d in newshape if d != -1)
    if known == 0 or input_size % known != 0:
        raise OpShapeError(
            "The total size of the tensor must be unchanged, however, the input size cannot by "
            f"divided by the specified dimensions in {name}. Received: "
            f"input_shape={tuple(input_shape)}, {name}={newshape}")
    return tuple(input_size // known if d == -1 else d for d in newshape)


def compute_transpose_output_shape(input_shape, axes):
    input_shape = list(input_shape)
    if axes is None:
        return tuple(input_shape[::-1])
    ndim = len(input_shape)
    if len(axes) != ndim:
        raise OpShapeError(f"axis must be a list of the same length as the input shape, "
                           f"expected {ndim}, but received {len(axes)}.")
    normalized = []
    for ax in axes:
        if not isinstance(ax, int) or ax < -ndim or ax >= ndim:
            raise OpShapeError(f"Each axis in `axes` must be an integer in [-{ndim}, {ndim}). "
                               f"Received: axes={list(axes)}.")
        normalized.append(ax % ndim)
    if len(set(normalized)) != ndim:
        raise OpShapeError("`axes` must be a valid permutation of the input dimensions (no "
                           f"duplicates). Received: axes={list(axes)} for input of rank {ndim}.")
    return tuple(input_shape[ax] for ax in normalized)


def compute_take_along_axis_output_shape(input_shape, indices_shape, axis):
    input_shape, indices_shape = list(input_shape), list(indices_shape)
    if axis is None:
        input_shape = [None] if None in input_shape else [math.prod(input_shape)]
    if len(input_shape) != len(indices_shape):
        raise OpShapeError("`x` and `indices` must have the same number of dimensions, but "
                           f"receive shape {input_shape} and {indices_shape}.")
    axis = 0 if axis is None else canonicalize_axis(axis, len(input_shape))
    input_shape[axis] = indices_shape[axis]
    return broadcast_shapes(input_shape, indices_shape)


def _per_axis(value, n, what):
    if isinstance(value, int):
        return (value,) * n
    value = tuple(value)
    if len(value) != n:
        raise OpShapeError(f"{what} must be None, scalar or tuple/list of length of inputs' "
                           f"spatial shape, but received `{what}={value}`.")
    return value


def compute_conv_output_shape(input_shape, filters, kernel_size, strides=1, padding="valid",
                              data_format="channels_last", dilation_rate=1):
    kernel_size = tuple(kernel_size)
    if data_format == "channels_last":
        spatial = list(input_shape[1:-1])
        kernel_shape = kernel_size + (input_shape[-1], filters)
    else:
        spatial = list(input_shape[2:])
        kernel_shape = kernel_size + (input_shape[1], filters)
    if len(kernel_shape) != len(input_shape):
        raise OpShapeError(
            "Kernel shape must have the same length as input, but received kernel of shape "
            f"{kernel_shape} and input of shape {tuple(input_shape)}.")
    if isinstance(dilation_rate, int):
        dilation_rate = (dilation_rate,) * len(spatial)
    if isinstance(strides, int):
        strides = (strides,) * len(spatial)
    if len(dilation_rate) != len(spatial):
        raise OpShapeError(
            "Dilation must be None, scalar or tuple/list of length of inputs' spatial shape, "
            f"but received `dilation_rate={dilation_rate}` and input of shape "
            f"{tuple(input_shape)}.")
    out = []
    for i, size in enumerate(spatial):
        stride = strides[i] if len(strides) > i else strides[-1]
        if padding == "valid":
            if size is None:
                out.append(None)
                continue
            length = (size - dilation_rate[i] * (kernel_shape[i] - 1) - 1) // stride + 1
            if length <= 0:
                raise OpShapeError(
                    f"Computed output size would be zero or negative. Received `inputs "
                    f"shape={tuple(input_shape)}`, `kernel shape={kernel_shape}`, "
                    f"`dilation_rate={list(dilation_rate)}`, `strides={strides}`, "
                    f"`padding={padding}`.")
            out.append(length)
        elif padding in ("same", "causal"):
            out.append(None if size is None else (size - 1) // stride + 1)
        else:
            raise OpShapeError(
                f"`padding` must be either `'valid'` or `'same'`. Received {padding}.")
    if data_format == "channels_last":
        return (input_shape[0],) + tuple(out) + (kernel_shape[-1],)
    return (input_shape[0], kernel_shape[-1]) + tuple(out)


def compute_pooling_output_shape(input_shape, pool_size, strides, padding="valid",
                                 data_format="channels_last"):
    strides = pool_size if strides is None else strides
    input_shape = tuple(input_shape)
    spatial = input_shape[1:-1] if data_format == "channels_last" else input_shape[2:]
    pool_size = _per_axis(pool_size, len(spatial), "pool_size")
    strides = _per_axis(strides, len(spatial), "strides")
    out = []
    for size, pool, stride in zip(spatial, pool_size, strides):
        if padding == "valid":
            if size is None:
                out.append(None)
                continue
            length = (size - pool) // stride + 1
            if length <= 0:
                raise OpShapeError(
                    "Computed output size would be zero or negative. Received: "
                    f"`inputs.shape={list(input_shape)}`, `pool_size={list(pool_size)}`, "
                    f"`strides={strides}`, `padding={padding}`.")
            out.append(length)
        elif padding == "same":
            out.append(None if size is None else (size - 1) // stride + 1)
        else:
            raise OpShapeError("Argument `padding` must be either 'valid' or 'same'. "
                               f"Received: padding={padding}")
    if data_format == "channels_last":
        return (input_shape[0],) + tuple(out) + (input_shape[-1],)
    return (input_shape[0], input_shape[1]) + tuple(out)


def _conv_transpose_length(size, kernel, stride, padding, output_padding, dilation):
    if size is None:
        return None
    if padding.lower() not in ("valid", "same"):
        raise OpShapeError("The `padding` argument must be one of 'valid', 'same'. Received: "
                           f"padding={padding}")
    kernel = (kernel - 1) * dilation + 1
    if padding.lower() == "valid":
        if output_padding is None:
            output_padding = max(kernel, stride) - kernel
        return (size - 1) * stride + kernel + output_padding
    if output_padding is None:
        return size * stride
    return (size - 1) * stride + kernel % 2 + output_padding


def compute_conv_transpose_output_shape(input_shape, kernel_size, filters, strides, padding,
                                        output_padding=None, data_format="channels_last",
                                        dilation_rate=1):
    n = len(input_shape) - 2
    if isinstance(output_padding, int):
        output_padding = (output_padding,) * len(kernel_size)
    strides = (strides,) * n if isinstance(strides, int) else strides
    dilation_rate = (dilation_rate,) * n if isinstance(dilation_rate, int) else dilation_rate
    spatial = input_shape[1:-1] if data_format == "channels_last" else input_shape[2:]
    out = [_conv_transpose_length(spatial[i], kernel_size[i], strides[i], padding,
                                  None if output_padding is None else output_padding[i],
                                  dilation_rate[i]) for i in range(n)]
    if data_format == "channels_last":
        return [input_shape[0]] + out + [filters]
    return [input_shape[0], filters] + out


def check_conv_input_channels(inputs, kernel, data_format, transpose=False):
    channels = inputs.shape[-1] if data_format == "channels_last" else inputs.shape[1]
    kernel_channels = kernel.shape[-1] if transpose else kernel.shape[-2]
    if is_int(channels) and is_int(kernel_channels) and channels != kernel_channels:
        raise OpShapeError(
            "The number of input channels must match the kernel's input channels. Received: "
            f"input channels={channels}, kernel input channels={kernel_channels}, "
            f"data_format='{data_format}'.")


def prod_or_none(shape):
    """The number of elements, ``None`` if a dimension is unknown."""
    return None if None in shape else math.prod(shape)
