"""``keras.backend``'s Keras 2 functions, continued: arrays (concatenating, reshaping,
permuting, gathering, padding and resizing images) and products (``K.dot``, ``K.batch_dot``).
See :mod:`paramscope.keras._legacy_backend`, whose registry and helpers these use; they are
registered when :func:`~paramscope.keras._legacy_backend.lookup` first runs.
"""

from __future__ import annotations

from .. import backend_config
from ..errors import ParamscopeError
from ..ops import is_tracing
from . import tensorflow as T
from ._legacy_backend import (cast, exported, int_shape, integer_tensor, ndim, op, prod, rank,
                              recorded_whole, shape, tf)


# ---------------------------------------------------------------------------
# arrays
# ---------------------------------------------------------------------------
@exported()
def concatenate(tensors, axis=-1):
    if axis < 0:
        rank_ = ndim(tensors[0])
        axis = axis % rank_ if rank_ else 0
    return tf("concat", list(tensors), axis)


@exported()
def reshape(x, shape):
    return tf("reshape", x, shape)


@exported()
def permute_dimensions(x, pattern):
    return tf("transpose", x, perm=pattern)


@exported()
def transpose(x):
    return tf("transpose", x)


@exported()
def gather(reference, indices):
    return tf("gather", reference, indices)


@exported()
def expand_dims(x, axis=-1):
    return tf("expand_dims", x, axis)


@exported()
def squeeze(x, axis):
    return tf("squeeze", x, [axis])


@exported()
def stack(x, axis=0):
    return tf("stack", x, axis=axis)


@exported()
def tile(x, n):
    return tf("tile", x, [n] if isinstance(n, int) else n)


@exported()
def flatten(x):
    return tf("reshape", x, [-1])


@recorded_whole("compat.v1.shape", "__operators__.getitem", "math.reduce_prod", "stack")
def batch_flatten(x):
    return tf("reshape", x, tf("stack", [-1, prod(shape(x)[1:])]))


@exported()
def repeat_elements(x, rep, axis):
    size = x.shape[axis]
    if size is not None:
        splits = tf("split", x, size, axis=axis)
        return concatenate([s for s in splits for _ in range(rep)], axis)
    auxiliary_axis = axis + 1
    x_rep = tf("expand_dims", x, axis=auxiliary_axis)
    reps = [1] * (rank(x) + 1)
    reps[auxiliary_axis] = rep
    x_rep = tf("tile", x_rep, reps)
    x_shape = tf("shape", x)
    del reps[auxiliary_axis]
    reps[axis] = rep
    x_rep = tf("reshape", x_rep, x_shape * T.constant(reps, dtype="int32"))
    if T.is_symbolic(x_rep) and not is_tracing():
        return x_rep
    # x_rep.set_shape(x.shape): the sizes x knows (all but the repeated axis)
    merged = tuple(a if a is not None else b for a, b in zip(x.shape, x_rep.shape))
    return type(x_rep)(merged, dtype=x_rep.dtype) if merged != tuple(x_rep.shape) else x_rep


@exported()
def repeat(x, n):
    if ndim(x) != 2:
        raise ParamscopeError(f"keras.backend.repeat expects a 2D tensor, got shape {x.shape}")
    return tf("tile", tf("expand_dims", x, 1), tf("stack", [1, n, 1]))


@exported()
def one_hot(indices, num_classes):
    integer_tensor("one_hot", "indices", indices)
    return tf("one_hot", indices, depth=num_classes, axis=-1)


@exported()
def reverse(x, axes):
    return tf("reverse", x, [axes] if isinstance(axes, int) else axes)


@exported()
def zeros_like(x, dtype=None, name=None):
    return tf("zeros_like", x, dtype=dtype)


@exported()
def ones_like(x, dtype=None, name=None):
    return tf("ones_like", x, dtype=dtype)


@exported()
def arange(start, stop=None, step=1, dtype="int32"):
    if stop is None and T.is_symbolic(start):
        raise ParamscopeError(
            "keras.backend.arange(start) on a symbolic start: tf.keras tests `start < 0` "
            "(Using a symbolic `tf.Tensor` as a Python `bool` is not allowed); pass "
            "stop= (K.arange(0, n)).")
    if stop is None and isinstance(start, (int, float)) and start < 0:
        start = 0
    result = tf("range", start, limit=stop, delta=step)
    return cast(result, dtype) if dtype != "int32" else result


@exported()
def temporal_padding(x, padding=(1, 1)):
    return op("compat.v1.pad", x, paddings=[[0, 0], [padding[0], padding[1]], [0, 0]])


def image_data_format_arg(data_format):
    """``data_format``, else the configured one; a clear error for any other value."""
    data_format = data_format or backend_config.image_data_format()
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(f"Unknown data_format: {data_format}")
    return data_format


@exported()
def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    pads = [list(padding[0]), list(padding[1])]
    if image_data_format_arg(data_format) == "channels_first":
        pattern = [[0, 0], [0, 0]] + pads
    else:
        pattern = [[0, 0]] + pads + [[0, 0]]
    return op("compat.v1.pad", x, paddings=pattern)


@exported()
def spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    pads = [list(p) for p in padding]
    if image_data_format_arg(data_format) == "channels_first":
        pattern = [[0, 0], [0, 0]] + pads
    else:
        pattern = [[0, 0]] + pads + [[0, 0]]
    return op("compat.v1.pad", x, paddings=pattern)


@exported()
def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(f"Invalid `data_format` argument: {data_format}")
    rows, cols = (2, 3) if data_format == "channels_first" else (1, 2)
    dims = tuple(x.shape)[rows:cols + 1]
    if None not in dims:
        new_shape = T.constant(list(dims), dtype="int32")
    else:
        new_shape = tf("shape", x)[rows:cols + 1]
    new_shape = new_shape * T.constant([height_factor, width_factor], dtype="int32")
    if data_format == "channels_first":
        x = permute_dimensions(x, [0, 2, 3, 1])
    methods = {"area": "area", "bicubic": "bicubic", "bilinear": "bilinear",
               "gaussian": "gaussian", "lanczos3": "lanczos3", "lanczos5": "lanczos5",
               "mitchellcubic": "mitchellcubic", "nearest": "nearest"}
    if interpolation not in methods:
        listed = '", "'.join(methods)
        raise ParamscopeError(f'`interpolation` argument should be one of: "{listed}". '
                              f'Received: "{interpolation}".')
    x = tf("image.resize", x, new_shape, method=methods[interpolation])
    if data_format == "channels_first":
        x = permute_dimensions(x, [0, 3, 1, 2])
    return x


@exported()
def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    first = 2 if data_format == "channels_first" else 1
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(f"Invalid data_format: {data_format}")
    for offset, factor in enumerate((depth_factor, height_factor, width_factor)):
        x = repeat_elements(x, factor, axis=first + offset)
    return x


# ---------------------------------------------------------------------------
# products
# ---------------------------------------------------------------------------
@exported()
def dot(x, y):
    if ndim(x) > 2 or ndim(y) > 2:
        x_shape = _static_or_dynamic(x)
        y_shape = _static_or_dynamic(y)
        y_permute_dim = list(range(ndim(y)))
        y_permute_dim = [y_permute_dim.pop(-2)] + y_permute_dim
        xt = tf("reshape", x, [-1, x_shape[-1]])
        yt = tf("reshape", tf("transpose", y, perm=y_permute_dim), [y_shape[-2], -1])
        return tf("reshape", tf("matmul", xt, yt), x_shape[:-1] + y_shape[:-2] + y_shape[-1:])
    return tf("matmul", x, y)


def _static_or_dynamic(x):
    dims = tf("unstack", tf("shape", x))
    return tuple(i if i is not None else s for i, s in zip(int_shape(x), dims))


@exported()
def batch_dot(x, y, axes=None):
    x_shape, y_shape = int_shape(x), int_shape(y)
    x_ndim, y_ndim = len(x_shape), len(y_shape)
    if x_ndim < 2 or y_ndim < 2:
        raise ParamscopeError(
            f"Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
            f"{x_shape} and {y_shape}.")
    if x_shape[0] is not None and y_shape[0] is not None and x_shape[0] != y_shape[0]:
        raise ParamscopeError(
            "Cannot do batch_dot on inputs with different batch sizes. Received inputs with "
            f"shapes {x_shape} and {y_shape}.")
    if isinstance(axes, int):
        axes = [axes, axes]
    if axes is None:
        axes = [x_ndim - 1, y_ndim - 1] if y_ndim == 2 else [x_ndim - 1, y_ndim - 2]
    if any(isinstance(a, (list, tuple)) for a in axes):
        raise ParamscopeError("Multiple target dimensions are not supported. Expected: None, "
                              f"int, (int, int), Provided: {axes}")
    axes = list(axes)
    axes[0] += x_ndim if axes[0] < 0 else 0
    axes[1] += y_ndim if axes[1] < 0 else 0
    if 0 in axes:
        raise ParamscopeError(
            "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy "
            "batch dimension to your inputs using K.expand_dims(x, 0)")
    a0, a1 = axes
    d1, d2 = x_shape[a0], y_shape[a1]
    if d1 is not None and d2 is not None and d1 != d2:
        raise ParamscopeError(
            f"Cannot do batch_dot on inputs with shapes {x_shape} and {y_shape} with "
            f"axes={axes}. x.shape[{axes[0]}] != y.shape[{axes[1]}] ({d1} != {d2}).")
    return _batch_matmul(x, y, a0, a1, x_ndim, y_ndim)


def _batch_matmul(x, y, a0, a1, x_ndim, y_ndim):
    """tf.keras's batch_dot after its checks: bring the axes into place, matmul, reshape."""
    orig_x_ndim, orig_y_ndim = x_ndim, y_ndim
    if x_ndim == 2:
        x, a0, x_ndim = tf("expand_dims", x, 1), a0 + 1, x_ndim + 1
    if y_ndim == 2:
        y, y_ndim = tf("expand_dims", y, 2), y_ndim + 1
    if a0 != x_ndim - 1:
        pattern = list(range(x_ndim))
        for i in range(a0, x_ndim - 1):
            pattern[i] = pattern[i + 1]
        pattern[-1] = a0
        x = tf("transpose", x, pattern)
    if a1 != 1:
        pattern = list(range(y_ndim))
        for i in range(a1, 1, -1):
            pattern[i] = pattern[i - 1]
        pattern[1] = a1
        y = tf("transpose", y, pattern)
    x_mid_dims = y_trail_dims = None
    if x_ndim > 3:
        x_shape = shape(x)
        x_mid_dims = x_shape[1:-1]
        x = tf("reshape", x, tf("stack", [x_shape[0], -1, x_shape[-1]]))
    if y_ndim > 3:
        y_shape = shape(y)
        y_trail_dims = y_shape[2:]
        y = tf("reshape", y, tf("stack", [y_shape[0], y_shape[1], -1]))
    result = tf("matmul", x, y)
    output_shape = tf("shape", result)
    if x_mid_dims is not None:
        output_shape = tf("concat", [output_shape[:1], x_mid_dims, output_shape[-1:]], 0)
    if y_trail_dims is not None:
        output_shape = tf("concat", [output_shape[:-1], y_trail_dims], 0)
    if x_mid_dims is not None or y_trail_dims is not None:
        result = tf("reshape", result, output_shape)
    if orig_x_ndim == 2:
        result = tf("squeeze", result, 1)
    elif orig_y_ndim == 2:
        result = tf("squeeze", result, -1)
    return result
