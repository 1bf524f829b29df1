"""Shape arithmetic, in one place.

Pure functions on shapes: tuples of ``int`` or ``None`` (unknown, e.g. the
batch).  They follow Keras 3's ``ops/operation_utils.py`` and
``backend/common/backend_utils.py`` exactly, with Python integers (no numpy,
no float rounding), so any size works.

They raise :class:`~paramscope.errors.ShapeError` with a short fact; the layer
that called them adds its name and the shapes it received.

>>> conv_output_length(20, 3, stride=1, padding="same")
20
>>> conv_output_shape((None, 20, 20, 3), 2, (3, 3))
(None, 18, 18, 2)
>>> pooling_output_shape((None, 20, 20, 3), (2, 2), (2, 2))
(None, 10, 10, 3)

The shapes of tensor operations (reshape, broadcast, reductions, matmul, einsum,
...) are in ``shapes_tensor.py`` and those of EinsumDense and the attention
projections in ``shapes_einsum.py``; this module gives their names on first use.
"""

from __future__ import annotations

import math

from .errors import ShapeError
from .explanation import formula, text

TYPE_CHECKING = False  # annotations only: importing typing would cost start-up time
if TYPE_CHECKING:
    from typing import Optional, Sequence, Tuple

    Dim = Optional[int]
    Shape = Tuple[Dim, ...]


def standardize_shape(shape) -> Shape:
    """A tuple of non-negative ints and ``None``s, or a ShapeError."""
    if shape.__class__ is tuple:
        for d in shape:
            if d is not None and (d.__class__ is not int or d < 0):
                break
        else:
            return shape  # already a tuple of non-negative ints and Nones
    if shape is None:
        raise ShapeError("Undefined shapes are not supported.")
    if isinstance(shape, int) or isinstance(shape, str):
        raise ShapeError(f"Cannot convert {shape!r} to a shape: a shape is a tuple, e.g. ({shape!r},)")
    try:
        dims = tuple(shape)
    except TypeError:
        raise ShapeError(f"Cannot convert {shape!r} to a shape.") from None
    out = []
    for d in dims:
        if d is None:
            out.append(None)
            continue
        if isinstance(d, (str, float, bool)) or not hasattr(d, "__index__"):
            raise ShapeError(
                f"Cannot convert {shape!r} to a shape: dimension {d!r} is not an integer or None."
            )
        d = d if isinstance(d, int) else int(d)  # an int subclass (a traced size) stays
        if d < 0:
            raise ShapeError(
                f"Cannot convert {shape!r} to a shape: negative dimension {d}."
            )
        out.append(d)
    return tuple(out)


def num_elements(shape: Sequence[Dim]) -> Optional[int]:
    """Product of the dimensions, ``None`` if one is unknown."""
    if any(d is None for d in shape):
        return None
    return math.prod(shape)


def canonicalize_axis(axis: int, ndim: int) -> int:
    if not -ndim <= axis < ndim:
        raise ShapeError(f"axis {axis} is out of bounds for a tensor of rank {ndim}.")
    return axis % ndim


# --------------------------------------------------------------------------
# Convolution and pooling
# --------------------------------------------------------------------------

def effective_kernel(kernel: int, dilation: int = 1) -> int:
    """Span of a dilated kernel: ``(k - 1) * d + 1``."""
    return (kernel - 1) * dilation + 1


def conv_output_length(size: Dim, kernel: int, stride: int = 1, padding: str = "valid",
                       dilation: int = 1) -> Dim:
    """One spatial dimension of a convolution (or pooling window) output.

    ``valid``: floor((size - dilation*(kernel-1) - 1) / stride) + 1, which must be > 0;
    ``same``/``causal``: ceil(size / stride).
    """
    if size is None:
        return None
    if padding == "valid":
        length = (size - dilation * (kernel - 1) - 1) // stride + 1
        if length <= 0:
            raise ShapeError(
                f"the output size would be {length} (window {effective_kernel(kernel, dilation)}"
                f" on a dimension of size {size}, stride {stride}, padding='valid')"
            )
        return length
    if padding in ("same", "causal"):
        return (size - 1) // stride + 1
    raise ShapeError(f"padding must be 'valid' or 'same'. Received: padding={padding!r}")


def same_padding_total(size: int, kernel: int, stride: int = 1, dilation: int = 1) -> int:
    """Total zero padding Keras's ``same`` adds to one dimension."""
    out = (size - 1) // stride + 1
    return max((out - 1) * stride + effective_kernel(kernel, dilation) - size, 0)


def spatial_dims(input_shape: Shape, data_format: str) -> Shape:
    return tuple(input_shape[1:-1]) if data_format == "channels_last" else tuple(input_shape[2:])


def channel_axis(data_format: str) -> int:
    return -1 if data_format == "channels_last" else 1


def _with_spatial(input_shape: Shape, spatial: Sequence[Dim], channels: Dim, data_format: str) -> Shape:
    if data_format == "channels_last":
        return (input_shape[0], *spatial, channels)
    return (input_shape[0], channels, *spatial)


def _per_dim(value, rank: int):
    """An int for every dimension (``3`` -> ``(3, 3)``), or the sequence as a tuple."""
    return (value,) * rank if isinstance(value, int) else tuple(value)


def _conv_spatial(input_shape: Shape, kernel_size: Sequence[int], dilation_rate, data_format: str,
                  what: str):
    """The spatial dimensions of a convolution's input (of rank ``len(kernel_size) + 2``, or a
    ShapeError naming ``what``) and its dilation rate per dimension."""
    rank = len(kernel_size)
    if len(input_shape) != rank + 2:
        raise ShapeError(
            f"a {rank}D {what} needs an input of rank {rank + 2}, got rank {len(input_shape)}"
        )
    return spatial_dims(input_shape, data_format), _per_dim(dilation_rate, rank)


def conv_output_shape(input_shape: Shape, filters: int, kernel_size: Sequence[int],
                      strides: Sequence[int] | int = 1, padding: str = "valid",
                      data_format: str = "channels_last",
                      dilation_rate: Sequence[int] | int = 1) -> Shape:
    spatial, dilation_rate = _conv_spatial(input_shape, kernel_size, dilation_rate,
                                           data_format, "convolution")
    strides = _per_dim(strides, len(kernel_size))
    out = tuple(
        conv_output_length(s, k, st, padding, d)
        for s, k, st, d in zip(spatial, kernel_size, strides, dilation_rate)
    )
    return _with_spatial(input_shape, out, filters, data_format)


def conv_transpose_output_length(size: Dim, kernel: int, stride: int, padding: str,
                                 output_padding: Optional[int] = None, dilation: int = 1) -> Dim:
    """One dimension of a transposed convolution (Keras's TF-style rule)."""
    if size is None:
        return None
    k = effective_kernel(kernel, dilation)
    if padding == "valid":
        extra = max(k, stride) - k if output_padding is None else output_padding
        return (size - 1) * stride + k + extra
    if padding == "same":
        if output_padding is None:
            return size * stride
        return (size - 1) * stride + k % 2 + output_padding
    raise ShapeError(f"padding must be 'valid' or 'same'. Received: padding={padding!r}")


def conv_transpose_output_shape(input_shape: Shape, filters: int, kernel_size: Sequence[int],
                                strides: Sequence[int], padding: str,
                                output_padding: Optional[Sequence[int]] = None,
                                data_format: str = "channels_last",
                                dilation_rate: Sequence[int] | int = 1) -> Shape:
    spatial, dilation_rate = _conv_spatial(input_shape, kernel_size, dilation_rate,
                                           data_format, "transposed convolution")
    out = tuple(
        conv_transpose_output_length(s, k, st, padding,
                                     None if output_padding is None else output_padding[i], d)
        for i, (s, k, st, d) in enumerate(zip(spatial, kernel_size, strides, dilation_rate))
    )
    return _with_spatial(input_shape, out, filters, data_format)


def pooling_output_shape(input_shape: Shape, pool_size: Sequence[int],
                         strides: Optional[Sequence[int]] = None, padding: str = "valid",
                         data_format: str = "channels_last") -> Shape:
    strides = pool_size if strides is None else strides
    spatial = spatial_dims(input_shape, data_format)
    if len(spatial) != len(pool_size):
        raise ShapeError(
            f"a {len(pool_size)}D pooling needs an input of rank {len(pool_size) + 2}, got rank {len(input_shape)}"
        )
    out = tuple(conv_output_length(s, p, st, padding) for s, p, st in zip(spatial, pool_size, strides))
    channels = input_shape[-1] if data_format == "channels_last" else input_shape[1]
    return _with_spatial(input_shape, out, channels, data_format)


def explain_conv_length(size: Dim, kernel: int, stride: int, padding: str, dilation: int = 1) -> str:
    """The tutorial formula ``(W - K + 2P) / S + 1`` with the layer's numbers.

    >>> from paramscope.report.explain_words import words
    >>> words(explain_conv_length(20, 3, 1, "same"))
    '(20 - 3 + 2*1) / 1 + 1 = 20'
    >>> words(explain_conv_length(20, 3, 1, "valid"))
    '(20 - 3) / 1 + 1 = 18'
    >>> words(explain_conv_length(5, 2, 2, "valid"))
    'floor((5 - 2) / 2) + 1 = 2'
    >>> words(explain_conv_length(10, 3, 2, "causal"))
    'floor((10 - 3 + 2 (causal, left)) / 2) + 1 = 5'
    """
    if size is None:
        return text("None (unknown) stays None")
    k = effective_kernel(kernel, dilation)
    kernel_text = formula("{}", k) if dilation == 1 else formula("({}-1)*{}+1", kernel, dilation)
    out = conv_output_length(size, kernel, stride, padding, dilation)
    if padding == "valid":
        numerator = formula("{} - {}", size, kernel_text)
        exact = (size - k) % stride == 0
    else:
        # Causal padding is always k_eff - 1 zeros on the left (Conv1D pads, then 'valid').
        pad = k - 1 if padding == "causal" else same_padding_total(size, kernel, stride, dilation)
        if padding == "causal":
            pad_text = formula("{} (causal, left)", pad)
        elif pad % 2 == 0:
            pad_text = formula("2*{}", pad // 2)
        else:
            pad_text = formula("{}", pad)
        numerator = formula("{} - {}" + (" + {}" if pad else ""), size, kernel_text,
                            *((pad_text,) if pad else ()))
        exact = (size + pad - k) % stride == 0
    body = formula("({}) / {}", numerator, stride)
    if not exact:
        body = formula("floor({})", body)
    return formula("{} + 1 = {}", body, out)


# --------------------------------------------------------------------------
# Convolution and pooling: explanations, global and adaptive pooling
# --------------------------------------------------------------------------

def explain_conv_transpose_length(size: Dim, kernel: int, stride: int, padding: str,
                                  output_padding: Optional[int] = None, dilation: int = 1) -> str:
    """A transposed convolution's output length, with the layer's numbers.

    >>> from paramscope.report.explain_words import words
    >>> words(explain_conv_transpose_length(5, 3, 2, "valid"))
    '(5 - 1) * 2 + 3 = 11'
    >>> words(explain_conv_transpose_length(5, 2, 3, "valid"))
    '(5 - 1) * 3 + max(2, 3) = 15'
    >>> words(explain_conv_transpose_length(5, 3, 2, "valid", output_padding=1))
    '(5 - 1) * 2 + 3 + 1 (output_padding) = 12'
    >>> words(explain_conv_transpose_length(5, 3, 2, "same"))
    '5 * 2 = 10'
    >>> words(explain_conv_transpose_length(5, 3, 2, "same", output_padding=1))
    '(5 - 1) * 2 + 3 % 2 + 1 (output_padding) = 10'
    >>> words(explain_conv_transpose_length(5, 3, 1, "valid", dilation=2))
    '(5 - 1) * 1 + (3-1)*2+1 = 9'
    """
    if size is None:
        return text("None (unknown) stays None")
    out = conv_transpose_output_length(size, kernel, stride, padding, output_padding, dilation)
    k = effective_kernel(kernel, dilation)
    kernel_text = formula("{}", k) if dilation == 1 else formula("({}-1)*{}+1", kernel, dilation)
    if padding == "valid":
        if output_padding is None:
            tail = kernel_text if k >= stride else formula("max({}, {})", kernel_text, stride)
        else:
            tail = formula("{} + {} (output_padding)", kernel_text, output_padding)
        return formula("({} - 1) * {} + {} = {}", size, stride, tail, out)
    if output_padding is None:
        return formula("{} * {} = {}", size, stride, out)
    kmod = formula("{} % 2", k) if dilation == 1 else formula("({}) % 2", kernel_text)
    return formula("({} - 1) * {} + {} + {} (output_padding) = {}", size, stride, kmod,
                   output_padding, out)


def global_pooling_output_shape(input_shape: Shape, data_format: str = "channels_last",
                                keepdims: bool = False) -> Shape:
    """Global pooling: every spatial dimension reduced (to 1 with ``keepdims``).

    >>> global_pooling_output_shape((None, 10, 10, 3))
    (None, 3)
    >>> global_pooling_output_shape((None, 3, 10, 10), "channels_first", keepdims=True)
    (None, 3, 1, 1)
    """
    input_shape = tuple(input_shape)
    spatial = (1,) * (len(input_shape) - 2) if keepdims else ()
    if data_format == "channels_last":
        return (input_shape[0], *spatial, input_shape[-1])
    return (input_shape[0], input_shape[1], *spatial)


def adaptive_pooling_output_shape(input_shape: Shape, output_size: Sequence[int],
                                  data_format: str = "channels_last") -> Shape:
    """Adaptive pooling: the spatial dimensions become ``output_size``.

    Keras computes it from the batch and channel axes only, whatever the
    input's rank.

    >>> adaptive_pooling_output_shape((None, 64, 64, 3), (32, 32))
    (None, 32, 32, 3)
    >>> adaptive_pooling_output_shape((None, 3, 64), (8,), "channels_first")
    (None, 3, 8)
    """
    input_shape = tuple(input_shape)
    if data_format == "channels_last":
        return (input_shape[0], *output_size, input_shape[-1])
    return (input_shape[0], input_shape[1], *output_size)


# --------------------------------------------------------------------------
# Reshaping layers: Flatten, Reshape, Permute, padding, cropping, upsampling
# --------------------------------------------------------------------------

def flatten_output_shape(input_shape: Shape) -> Shape:
    """Keras's Flatten: ``(batch, product of the other dimensions)``.

    ``None`` when one of them is unknown; ``1`` for an input of rank 1.

    >>> flatten_output_shape((None, 20, 20, 3))
    (None, 1200)
    >>> flatten_output_shape((None, None, 4))
    (None, None)
    >>> flatten_output_shape((None,))
    (None, 1)
    """
    rest = tuple(input_shape[1:])
    if not rest:
        return (input_shape[0], 1)
    return (input_shape[0], num_elements(rest))


def validate_reshape_target(target, name: str = "target_shape") -> Shape:
    """A reshape target as a tuple: ints >= 0, at most one ``-1``, ``None`` for unknown.

    >>> validate_reshape_target([2, -1])
    (2, -1)
    >>> validate_reshape_target((-1, -1))
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: there can be at most one -1 in `target_shape`. Received: target_shape=(-1, -1)
    """
    try:
        target = tuple(target)
    except TypeError:
        raise ShapeError(f"`{name}` must be a tuple of integers. Received: {name}={target!r}") from None
    for d in target:
        if d is None:
            continue
        if isinstance(d, bool) or not hasattr(d, "__index__"):
            raise ShapeError(
                f"each dimension of `{name}` must be an integer (or -1 for one inferred "
                f"dimension). Received: {name}={target!r}, including {d!r} of type {type(d).__name__}")
        if d < -1:
            raise ShapeError(
                f"each dimension of `{name}` must be a non-negative integer, or -1 for a single "
                f"inferred dimension. Received: {name}={target!r}")
    if target.count(-1) > 1:
        raise ShapeError(f"there can be at most one -1 in `{name}`. Received: {name}={target!r}")
    return tuple(None if d is None else int(d) for d in target)


def permute_output_shape(input_shape: Shape, dims: Sequence[int]) -> Shape:
    """Keras's Permute: the batch stays first, ``dims`` (1-based) reorder the rest.

    >>> permute_output_shape((None, 3, 4, 5), (3, 1, 2))
    (None, 5, 3, 4)
    """
    if len(input_shape) != len(dims) + 1:
        raise ShapeError(
            f"dims {tuple(dims)} permute {len(dims)} dimensions, but the input has "
            f"{len(input_shape) - 1} besides the batch")
    return (input_shape[0],) + tuple(input_shape[d] for d in dims)


def spatial_axes(ndim: int, n: int, data_format: str = "channels_last") -> Tuple[int, ...]:
    """Indices of the ``n`` spatial axes of a rank-``ndim`` input.

    >>> spatial_axes(4, 2, "channels_last"), spatial_axes(4, 2, "channels_first")
    ((1, 2), (2, 3))
    """
    first = 1 if data_format == "channels_last" else 2
    if ndim < first + n:
        raise ShapeError(f"an input of rank {ndim} has no {n} spatial dimensions ({data_format})")
    return tuple(range(first, first + n))


def padding_output_shape(input_shape: Shape, padding: Sequence[Tuple[int, int]],
                         data_format: str = "channels_last") -> Shape:
    """ZeroPadding1D/2D/3D: each spatial dimension grows by ``before + after``.

    >>> padding_output_shape((None, 28, 28, 3), ((1, 1), (2, 0)))
    (None, 30, 30, 3)
    >>> padding_output_shape((None, 3, None, 5), ((1, 1), (2, 2)), "channels_first")
    (None, 3, None, 9)
    """
    out = list(input_shape)
    for axis, (before, after) in zip(spatial_axes(len(out), len(padding), data_format), padding):
        if out[axis] is not None:
            out[axis] += before + after
    return tuple(out)


def cropping_output_shape(input_shape: Shape, cropping: Sequence[Tuple[int, int]],
                          data_format: str = "channels_last") -> Shape:
    """Cropping1D/2D/3D: each spatial dimension shrinks by ``before + after``.

    At least one position must remain along every cropped axis (Keras's rule).

    >>> cropping_output_shape((None, 9, 10, 3), ((1, 2), (3, 0)))
    (None, 6, 7, 3)
    >>> cropping_output_shape((None, 9, 3), ((5, 5),))
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: cropping (5, 5) removes 5 + 5 = 10 positions along axis 1, which has only 9 (at least 1 must remain)
    """
    out = list(input_shape)
    for axis, (before, after) in zip(spatial_axes(len(out), len(cropping), data_format), cropping):
        size = out[axis]
        if size is None:
            continue
        if before + after >= size:
            raise ShapeError(
                f"cropping {(before, after)} removes {before} + {after} = {before + after} "
                f"positions along axis {axis}, which has only {size} (at least 1 must remain)")
        out[axis] = size - before - after
    return tuple(out)


def upsampling_output_shape(input_shape: Shape, size: Sequence[int],
                            data_format: str = "channels_last") -> Shape:
    """UpSampling1D/2D/3D: each spatial dimension is multiplied by its factor.

    >>> upsampling_output_shape((None, 14, None, 3), (2, 2))
    (None, 28, None, 3)
    """
    out = list(input_shape)
    for axis, factor in zip(spatial_axes(len(out), len(size), data_format), size):
        if out[axis] is not None:
            out[axis] *= factor
    return tuple(out)


def prelu_alpha_shape(input_shape: Shape, shared_axes: Optional[Sequence[int]] = None) -> Shape:
    """PReLU's ``alpha``: ``input_shape[1:]`` with each shared axis set to 1.

    Keras sets ``param_shape[axis - 1] = 1``, so a negative or zero axis
    counts from the end of ``input_shape[1:]`` (``-1`` is the next-to-last
    input axis), as here.

    >>> prelu_alpha_shape((None, 10, 10, 3))
    (10, 10, 3)
    >>> prelu_alpha_shape((None, 10, 10, 3), [1, 2])
    (1, 1, 3)
    """
    shape = list(input_shape[1:])
    for axis in shared_axes or ():
        if not -len(shape) <= axis - 1 < len(shape):
            raise ShapeError(
                f"shared axis {axis} does not exist in an input of rank {len(input_shape)} "
                f"(shared_axes are 1 to {len(input_shape) - 1}; 0 is the batch)")
        shape[axis - 1] = 1
    return tuple(shape)


def axes_sizes(input_shape: Shape, axes: Sequence[int]) -> Shape:
    """The sizes of ``axes`` (negative axes count from the end), in the given order.

    >>> axes_sizes((None, 4, 5, 6), [1, -1])
    (4, 6)
    >>> axes_sizes((None, 6), [2])
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: axis 2 is out of bounds for an input of rank 2 (axes 0 to 1, or -2 to -1)
    """
    ndim = len(input_shape)
    for a in axes:
        if not -ndim <= a < ndim:
            raise ShapeError(f"axis {a} is out of bounds for an input of rank {ndim} "
                             f"(axes 0 to {ndim - 1}, or {-ndim} to -1)")
    return tuple(input_shape[a] for a in axes)


def value_shape(value) -> Shape:
    """``np.shape`` of a Python scalar, a (nested) list/tuple, or an array-like.

    >>> value_shape(2.0), value_shape([1.0, 2.0]), value_shape([[1, 2, 3], [4, 5, 6]])
    ((), (2,), (2, 3))
    >>> value_shape([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: the nested list [[1, 2], [3]] is ragged (sub-lists of different lengths)
    """
    shape = getattr(value, "shape", None)
    if shape is not None and not isinstance(value, (list, tuple)):
        return tuple(int(d) for d in shape)
    if not isinstance(value, (list, tuple)):
        return ()
    inner = [value_shape(v) for v in value]
    if any(s != inner[0] for s in inner[1:]):
        raise ShapeError(f"the nested list {value!r} is ragged (sub-lists of different lengths)")
    return (len(value),) + (inner[0] if inner else ())


def broadcast_to_shape(shape: Sequence[int], target: Sequence[Dim]) -> Shape:
    """``broadcast_to(x, target)`` for ``x`` of ``shape``: a dimension is 1 or the target's.

    >>> broadcast_to_shape((1, 3), (1, 3))
    (1, 3)
    >>> broadcast_to_shape((1, 1), (1, 4))
    (1, 4)
    >>> broadcast_to_shape((1, 3), (1, 4))
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: a value of shape (1, 3) cannot be broadcast to shape (1, 4)
    """
    shape, target = tuple(shape), tuple(target)
    if len(shape) > len(target):
        raise ShapeError(f"a value of shape {shape} cannot be broadcast to shape {target}")
    padded = (1,) * (len(target) - len(shape)) + shape
    for s, t in zip(padded, target):
        if s != 1 and t is not None and s != t:
            raise ShapeError(f"a value of shape {shape} cannot be broadcast to shape {target}")
    return target


#: The names of the modules this one gives on first use (start-up time: most
#: models need neither).
_LAZY = dict.fromkeys(("analyze_einsum_string", "einsum_kernel_reduced_axes",
                       "einsum_int8_scale_shape", "mha_projection_equation",
                       "mha_attention_axes"), "shapes_einsum")
_LAZY.update(dict.fromkeys(("reshape_output_shape", "broadcast_shapes", "reduce_shape",
                            "transpose_shape", "matmul_shape", "stack_shape", "tile_shape",
                            "pad_shape", "split_shapes", "one_hot_shape", "gather_shape",
                            "einsum_shape"), "shapes_tensor"))


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    value = globals()[name] = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    return value
