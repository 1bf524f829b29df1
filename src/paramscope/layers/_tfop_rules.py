"""TensorFlow's shape inference for the operations tf.keras records (``TFOpLambda``) and the
stand-in ``tensorflow`` module computes: each canonical TensorFlow symbol
(``"math.reduce_mean"``) maps to a rule ``rule(first, kwargs) -> (shape, dtype)``, where
``first`` is the call's first argument and ``kwargs`` the others by the TF function's
parameter names.  Shapes use ``None`` for what TensorFlow does not know statically.

Small integer tensors (``tf.shape(x)``, ``tf.shape(x)[1] * 2``) carry the values TensorFlow
infers for them (tf.keras's ``_inferred_value``): a list with ``None`` for an unknown entry.
``VALUES`` computes them, and shape arguments (``tf.reshape(x, [b, d * 4])``) read them.
"""

from __future__ import annotations

import math

from .. import tree
from ..errors import ShapeError
from ..shapes import (broadcast_shapes, conv_output_length, einsum_shape, gather_shape,
                      matmul_shape, one_hot_shape, pad_shape, reduce_shape,
                      reshape_output_shape, split_shapes, stack_shape, tile_shape,
                      transpose_shape, value_shape)
from .base import KerasTensor

MISSING = object()


# ---------------------------------------------------------------------------
# values of arguments
# ---------------------------------------------------------------------------
def _dim(d):
    """TensorFlow knows no stand-in size (a traced unknown dimension): it is unknown."""
    if d is None:
        return None
    return None if d.__class__ is not int and type(d).__name__ == "StandIn" else int(d)


def shape_of(x):
    """The static shape of a call argument: a tensor's, a constant's, a Python value's."""
    if isinstance(x, KerasTensor):
        return tuple(_dim(d) for d in x.shape)
    shape = getattr(x, "shape", None)  # formats.config.FileConstant, ops.Constant
    if shape is not None and not isinstance(x, (list, tuple)):
        return tuple(_dim(d) for d in shape)
    if isinstance(x, (list, tuple)) and any(hasattr(v, "shape") for v in tree.flatten(x)):
        inner = [shape_of(v) for v in x]  # tf.convert_to_tensor of a list: tf.stack of it
        return (len(x),) + (inner[0] if inner else ())
    return value_shape(x)


def dtype_of(*values, default="float32"):
    for value in values:
        for leaf in (tree.flatten(value) if isinstance(value, (list, tuple)) else [value]):
            if isinstance(leaf, KerasTensor) or hasattr(leaf, "dtype") and \
                    isinstance(getattr(leaf, "dtype", None), str):
                return leaf.dtype
    return default


def python_dtype(value):
    """TensorFlow's dtype for a Python value (``tf.constant(2)`` is int32)."""
    leaves = tree.flatten(value) if isinstance(value, (list, tuple)) else [value]
    if any(isinstance(v, float) for v in leaves):
        return "float32"
    if leaves and all(isinstance(v, bool) for v in leaves):
        return "bool"
    return "int32"


def inferred(x):
    """The values TensorFlow knows of a small integer tensor: a list (``None`` unknown),
    or ``None`` when nothing is known."""
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return [_dim(x)]
    if isinstance(x, (list, tuple)):
        out = []
        for v in x:
            value = inferred(v)
            if value is None or len(value) != 1:
                return None
            out += value
        return out
    value = getattr(x, "_inferred_value", None)
    return list(value) if value is not None else None


def static_int(value, what):
    """An int argument, ``None`` when it is a tensor whose value TensorFlow does not know."""
    if isinstance(value, bool):
        raise ShapeError(f"{what} must be an integer, got {value!r}")
    if isinstance(value, int):
        return _dim(value)
    known = inferred(value)
    if known is not None and len(known) == 1:
        return known[0]
    if isinstance(value, KerasTensor) or hasattr(value, "shape"):
        return None
    raise ShapeError(f"{what} must be an integer, got {value!r}")


def shape_arg(value, what="shape"):
    """A shape given as a list of ints and scalar tensors, a 1-D tensor, or a TensorShape."""
    dims = getattr(value, "dims", None)
    if dims is not None and not callable(dims):  # tf.TensorShape
        return tuple(dims)
    if isinstance(value, int) and not isinstance(value, bool):
        return (_dim(value),)
    if isinstance(value, (list, tuple)):
        return tuple(None if d is None else static_int(d, f"a {what} entry") for d in value)
    known = inferred(value)
    if known is not None:
        return tuple(known)
    shape = getattr(value, "shape", None)
    if shape is not None and len(shape) == 1 and shape[0] is not None:
        return (None,) * shape[0]
    raise ShapeError(f"a {what} computed at run time, of unknown length")


def _axis_list(axis, what="axis"):
    if axis is None or isinstance(axis, int) and not isinstance(axis, bool):
        return axis
    if isinstance(axis, (list, tuple)):
        return [static_int(a, what) for a in axis]
    known = inferred(axis)
    if known is not None and None not in known:
        return known if len(getattr(axis, "shape", (1,))) else known[0]
    raise ShapeError(f"a dynamic (tensor) {what} gives a shape paramscope cannot know")


def _known_axis(value, what="axis"):
    axis = static_int(value, what)
    if axis is None:
        raise ShapeError(f"a dynamic (tensor) {what} gives a shape paramscope cannot know")
    return axis


def dtype_name(dtype, default="float32"):
    if isinstance(dtype, dict):  # a serialized tf.DType
        dtype = dtype.get("config", {}).get("name") or dtype.get("name")
    dtype = getattr(dtype, "name", dtype)
    return str(dtype) if dtype else default


def first_arg(inputs, kwargs, *names):
    """The op's first argument: passed positionally, or by its parameter name."""
    if inputs is not MISSING:
        return inputs
    for name in names:
        if name in kwargs:
            return kwargs.pop(name)
    raise ShapeError(f"the call has no {names[0]!r} argument")


# ---------------------------------------------------------------------------
# rules: fn(first argument, other arguments) -> (shape structure, dtype)
# ---------------------------------------------------------------------------
def _elementwise(*other_names, dtype=None):
    def rule(x, kw):
        shape = shape_of(x)
        args = [x]
        for name in other_names:
            if kw.get(name) is not None:
                shape = broadcast_shapes(shape, shape_of(kw[name]))
                args.append(kw[name])
        return shape, dtype or dtype_of(*args)
    return rule


def _unary(dtype=None):
    return lambda x, kw: (shape_of(x), dtype or dtype_of(x))


def _add_n(x, kw):
    shapes = [shape_of(v) for v in (x if isinstance(x, (list, tuple)) else [x])]
    shape = shapes[0]
    for s in shapes[1:]:
        shape = broadcast_shapes(shape, s)
    return shape, dtype_of(x)


def _reduce(dtype=None, compat=False):
    def rule(x, kw):
        axis, keepdims = kw.get("axis"), kw.get("keepdims")
        if compat:
            axis = kw.get("reduction_indices") if axis is None else axis
            keepdims = kw.get("keep_dims") if keepdims is None else keepdims
        return reduce_shape(shape_of(x), _axis_list(axis), bool(keepdims)), dtype or dtype_of(x)
    return rule


def _arg_reduce(x, kw):
    axis = kw.get("axis")
    axis = kw.get("dimension") if axis is None else axis
    axis = 0 if axis is None else _known_axis(axis)
    return reduce_shape(shape_of(x), axis, False), dtype_name(kw.get("output_type") or "int64")


def _cast(x, kw):
    return shape_of(x), dtype_name(kw.get("dtype"))


def _reshape(x, kw):
    target = shape_arg(kw.get("shape"), "reshape target")
    if target.count(-1) > 1 or any(d is not None and d < -1 for d in target):
        raise ShapeError(f"the target {list(target)} may hold one -1 and otherwise sizes >= 0")
    if None in target:  # run-time entries: the -1 cannot be inferred either
        return tuple(None if d in (None, -1) else d for d in target), dtype_of(x)
    shape = shape_of(x)
    if None in shape and -1 in target:
        return tuple(None if d == -1 else d for d in target), dtype_of(x)
    return reshape_output_shape(shape, target, batch=False), dtype_of(x)


def _keras_op(cls_name, x, **init):
    """The shape rule of paramscope's keras.ops operation ``cls_name`` (nothing recorded)."""
    from .. import ops
    if not isinstance(x, KerasTensor):
        x = KerasTensor(shape_of(x), dtype=dtype_of(x))
    out = getattr(ops, cls_name)(name="tf", **init).compute_output_spec(x)
    return tuple(out.shape), out.dtype


def _squeeze(x, kw):
    axis = kw.get("axis")
    axis = kw.get("squeeze_dims") if axis is None else axis
    axis = _axis_list(axis)
    if isinstance(axis, list) and not axis:
        axis = None
    shape = shape_of(x)
    if axis is None and None in shape:
        raise ShapeError(f"squeezing every size-1 axis of {shape}: an unknown (None) axis may or "
                         "may not be 1")
    return _keras_op("Squeeze", x, axis=axis)


def _expand_dims(x, kw):
    axis = kw.get("axis")
    return _keras_op("ExpandDims", x, axis=_known_axis(kw.get("dim") if axis is None else axis))


def _transpose(x, kw):
    return transpose_shape(shape_of(x), _axis_list(kw.get("perm"), "perm")), dtype_of(x)


def _concat(x, kw):
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    axis = _known_axis(kw.get("axis", 0))
    from .. import ops
    out = ops.Concatenate(axis=axis, name="tf").compute_output_spec(
        [KerasTensor(shape_of(v)) for v in values])
    return tuple(out.shape), dtype_of(*values)


def _stack(x, kw):
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    return stack_shape([shape_of(v) for v in values], _known_axis(kw.get("axis", 0))), \
        dtype_of(*values, default=python_dtype(values))


def _unstack(x, kw):
    shape = shape_of(x)
    axis = _known_axis(kw.get("axis", 0))
    from ..shapes import canonicalize_axis
    axis = canonicalize_axis(axis, len(shape))
    num = kw.get("num")
    num = shape[axis] if num is None else num
    if num is None:
        raise ShapeError(f"Cannot infer argument `num` from shape {shape}")
    return [shape[:axis] + shape[axis + 1:]] * num, dtype_of(x)


def _tile(x, kw):
    shape = shape_of(x)
    reps = shape_arg(kw.get("multiples"), "multiples")
    if len(reps) != len(shape):
        raise ShapeError(f"multiples {list(reps)} must have one entry per axis of {shape}")
    return tile_shape(shape, reps), dtype_of(x)


def _matmul(x, kw):
    a, b = shape_of(x), shape_of(kw.get("b"))
    if kw.get("transpose_a") or kw.get("adjoint_a"):
        a = a[:-2] + (a[-1], a[-2])
    if kw.get("transpose_b") or kw.get("adjoint_b"):
        b = b[:-2] + (b[-1], b[-2])
    return matmul_shape(a, b), dtype_name(kw.get("output_type") or dtype_of(x, kw.get("b")))


def _shape_op(x, kw):
    return (len(shape_of(x)),), dtype_name(kw.get("out_type") or "int32")


def _scalar_op(x, kw):
    return (), dtype_name(kw.get("out_type") or "int32")


def _resize(x, kw):
    shape = shape_of(x)
    try:
        new = tuple(shape_arg(kw.get("size"), "size"))
    except ShapeError:
        new = (None, None)
    if len(new) != 2 or kw.get("preserve_aspect_ratio"):
        new = (None, None)
    if len(shape) not in (3, 4):
        raise ShapeError(f"tf.image.resize needs a 3-D or 4-D input, got {shape}")
    method = str(kw.get("method") or "bilinear")
    dtype = dtype_of(x) if method.startswith("nearest") else "float32"
    return shape[:-3] + new + shape[-1:], dtype


def _resize_with_pad(x, kw):
    shape = shape_of(x)
    size = (static_int(kw.get("target_height"), "target_height"),
            static_int(kw.get("target_width"), "target_width"))
    return shape[:-3] + size + shape[-1:], "float32"


def _one_hot(x, kw):
    axis = kw.get("axis")
    return (one_hot_shape(shape_of(x), static_int(kw.get("depth"), "depth"),
                          -1 if axis is None else _known_axis(axis)),
            dtype_name(kw.get("dtype") or "float32"))


def _gather(x, kw):
    batch_dims = kw.get("batch_dims") or 0
    axis = kw.get("axis")
    axis = batch_dims if axis is None else _known_axis(axis)
    return gather_shape(shape_of(x), shape_of(kw.get("indices")), axis, batch_dims), dtype_of(x)


def _gather_nd(x, kw):
    params, indices = shape_of(x), shape_of(kw.get("indices"))
    batch_dims = kw.get("batch_dims") or 0
    depth = indices[-1]
    if depth is None:
        raise ShapeError("gather_nd with an index depth known only at run time")
    return indices[:-1] + params[batch_dims + depth:], dtype_of(x)


def _embedding_lookup(x, kw):
    return shape_of(kw.get("ids")) + shape_of(x)[1:], dtype_of(x)


def _pad(x, kw):
    paddings = kw.get("paddings")
    if isinstance(paddings, (list, tuple)):
        paddings = [[static_int(p, "a padding") for p in pair]
                    if isinstance(pair, (list, tuple)) else pair for pair in paddings]
    return pad_shape(shape_of(x), paddings), dtype_of(x)


def _split(x, kw):
    splits = kw.get("num_or_size_splits")
    if not isinstance(splits, int):
        splits = shape_arg(splits, "split sizes")
        if None in splits:
            raise ShapeError("split sizes computed at run time give shapes paramscope cannot know")
    return split_shapes(shape_of(x), splits, _known_axis(kw.get("axis", 0))), dtype_of(x)


def _getitem(x, kw):
    from ..ops import getitem_shape
    shape = list(shape_of(x))
    key = kw.get("slice_spec")
    keys = [_to_slice(k) for k in (list(key) if isinstance(key, (list, tuple)) else [key])]
    real = sum(1 for k in keys if k is not None and k is not Ellipsis)
    axis = 0
    for i, k in enumerate(keys):
        if k is Ellipsis:
            axis += len(shape) - real
            continue
        if k is None:
            continue
        if hasattr(k, "shape") and not isinstance(k, (int, slice)):
            known = static_int(k, "an index") if not k.shape else None
            if k.shape:
                raise ShapeError("indexing with a tensor of indices (gather) is not a slice")
            keys[i] = 0 if known is None else known
        elif isinstance(k, slice) and any(hasattr(v, "shape") for v in (k.start, k.stop, k.step)):
            bounds = [v if not hasattr(v, "shape") else static_int(v, "a slice bound")
                      for v in (k.start, k.stop, k.step)]
            if None in bounds and any(hasattr(v, "shape") for v in (k.start, k.stop, k.step)):
                keys[i] = slice(None)
                if axis < len(shape):
                    shape[axis] = None
            else:
                keys[i] = slice(*bounds)
        axis += 1
    key = tuple(keys) if isinstance(key, (list, tuple)) else (keys[0],)
    return getitem_shape(tuple(shape), key), dtype_of(x)


def _to_slice(value):
    if isinstance(value, dict) and set(value) == {"start", "stop", "step"}:
        return slice(value["start"], value["stop"], value["step"])
    return value


def _boolean_mask(x, kw):
    shape = shape_of(x)
    mask = shape_of(kw.get("mask"))
    axis = kw.get("axis") or 0
    return shape[:axis] + (None,) + shape[axis + len(mask):], dtype_of(x)


def _filled(dtype_key="dtype", default="float32"):
    """``tf.zeros(shape)``, ``tf.random.normal(shape)``: a shape argument and a dtype."""
    def rule(x, kw):
        return shape_arg(x), dtype_name(kw.get(dtype_key) or default)
    return rule


def _fill(x, kw):
    value = kw.get("value")
    return shape_arg(x, "dims"), dtype_of(value, default=python_dtype(value))


def _range(x, kw):
    start, limit, delta = x, kw.get("limit"), kw.get("delta")
    if limit is None:
        start, limit = 0, start
    delta = 1 if delta is None else delta
    values = [static_int(v, "a range bound") if not isinstance(v, float) else v
              for v in (start, limit, delta)]
    length = None
    if None not in values and values[2] != 0:
        length = max(0, math.ceil((values[1] - values[0]) / values[2]))
    dtype = kw.get("dtype")
    if dtype is None:
        dtype = "float32" if any(isinstance(v, float) for v in (start, limit, delta)) else \
            dtype_of(start, limit, delta, default="int32")
    return (length,), dtype_name(dtype)


def _conv_strides(value, rank, data_format):
    """``strides``/``dilations`` of tf.nn: an int, a spatial list, or a full-rank list."""
    if value is None:
        return (1,) * rank
    if isinstance(value, int):
        return (value,) * rank
    value = tuple(value)
    if len(value) == 1:
        return value * rank
    if len(value) == rank + 2:
        return value[1:-1] if data_format.endswith("C") else value[2:]
    return value


def _conv_like(x, kw, kernel, out_channels, rank):
    shape = shape_of(x)
    data_format = kw.get("data_format") or ("NWC" if rank == 1 else "NHWC")
    strides = _conv_strides(kw.get("strides", kw.get("stride")), rank, data_format)
    dilations = _conv_strides(kw.get("dilations") or kw.get("rate"), rank, data_format)
    padding = kw.get("padding", "VALID")
    channels_last = data_format.endswith("C")
    spatial = shape[1:-1] if channels_last else shape[2:]
    if isinstance(padding, (list, tuple)):  # explicit paddings per dimension
        pads = padding[1:-1] if channels_last else padding[2:]
        spatial = tuple(None if s is None else s + sum(p) for s, p in zip(spatial, pads))
        padding = "VALID"
    padding = str(padding).lower()
    out = tuple(conv_output_length(s, k, st, padding, d)
                for s, k, st, d in zip(spatial, kernel, strides, dilations))
    if channels_last:
        return (shape[0],) + out + (out_channels,), dtype_of(x)
    return (shape[0], out_channels) + out, dtype_of(x)


def _conv(rank):
    def rule(x, kw):
        kernel = kw.get("filters") if kw.get("filters") is not None else kw.get("filter")
        kshape = shape_of(kernel)
        return _conv_like(x, kw, kshape[:rank], kshape[-1], rank)
    return rule


def _depthwise_conv(x, kw):
    kshape = shape_of(kw.get("filter") if kw.get("filter") is not None else kw.get("filters"))
    out = None if None in kshape[-2:] else kshape[-2] * kshape[-1]
    return _conv_like(x, kw, kshape[:2], out, 2)


def _conv_transpose(x, kw):
    shape = shape_arg(kw.get("output_shape"), "output_shape")
    return shape_of(x)[:1] + tuple(shape[1:]), dtype_of(x)  # the batch is the input's


def _where(x, kw):
    if kw.get("x") is None and kw.get("y") is None:  # the indices of the true entries
        return (None, len(shape_of(x))), "int64"
    shape, dtype = _elementwise("x", "y")(x, kw)
    return shape, dtype_of(kw.get("x"), kw.get("y"), default="float32")


def _pool(rank):
    def rule(x, kw):
        ksize = kw.get("ksize")
        data_format = kw.get("data_format") or ("NWC" if rank == 1 else "NHWC")
        kernel = _conv_strides(ksize, rank, data_format)
        channels = shape_of(x)[-1 if data_format.endswith("C") else 1]
        return _conv_like(x, kw, kernel, channels, rank)
    return rule


def _pool_any(x, kw):
    return _pool(len(shape_of(x)) - 2)(x, kw)


def _extract_patches(x, kw):
    shape = shape_of(x)
    sizes = _conv_strides(kw.get("sizes"), 2, "NHWC")
    out, _ = _conv_like(x, {"strides": kw.get("strides"), "dilations": kw.get("rates"),
                            "padding": kw.get("padding", "VALID")}, sizes, None, 2)
    depth = None if shape[-1] is None else sizes[0] * sizes[1] * shape[-1]
    return out[:-1] + (depth,), dtype_of(x)


def _norm(x, kw):
    axis = _axis_list(kw.get("axis"))
    keepdims = kw.get("keepdims") or kw.get("keep_dims")
    return reduce_shape(shape_of(x), axis, bool(keepdims)), dtype_of(x)


def _top_k(x, kw):
    shape = shape_of(x)[:-1] + (static_int(kw.get("k", 1), "k"),)
    return (shape, shape), (dtype_of(x), dtype_name(kw.get("index_type") or "int32"))


def _softmax_xent(x, kw):
    logits = kw.get("logits") if kw.get("logits") is not None else x
    shape = shape_of(logits)
    axis = kw.get("axis", kw.get("dim", -1))
    return reduce_shape(shape, -1 if axis is None else axis), dtype_of(logits)


def _sigmoid_xent(x, kw):
    logits = kw.get("logits") if kw.get("logits") is not None else x
    return shape_of(logits), dtype_of(logits)


def _einsum(x, kw):
    operands = kw.get("inputs") or ()
    return einsum_shape(str(x), [shape_of(o) for o in operands]), dtype_of(*operands)


def _tensordot(x, kw):
    from .. import ops
    a = KerasTensor(shape_of(x), dtype=dtype_of(x))
    b = KerasTensor(shape_of(kw.get("b")), dtype=dtype_of(kw.get("b")))
    out = ops.Tensordot(axes=kw.get("axes", 2), name="tf").compute_output_spec(a, b)
    return tuple(out.shape), dtype_of(x)


def _repeat(x, kw):
    from .. import ops
    out = ops.Repeat(kw.get("repeats"), axis=kw.get("axis"), name="tf").compute_output_spec(
        KerasTensor(shape_of(x)))
    return tuple(out.shape), dtype_of(x)


def _broadcast_to(x, kw):
    return shape_arg(kw.get("shape")), dtype_of(x)


def _convert(x, kw):
    dtype = kw.get("dtype")
    return shape_of(x), dtype_name(dtype) if dtype else dtype_of(x, default=python_dtype(x))


def _central_crop(x, kw):
    shape = shape_of(x)
    fraction = kw.get("central_fraction", 1.0)

    def cropped(size):
        if size is None:
            return None
        return size - 2 * int((size - size * fraction) / 2)
    return shape[:-3] + (cropped(shape[-3]), cropped(shape[-2])) + shape[-1:], dtype_of(x)


def _sequence_mask(x, kw):
    maxlen = kw.get("maxlen")
    return shape_of(x) + (None if maxlen is None else static_int(maxlen, "maxlen"),), \
        dtype_name(kw.get("dtype") or "bool")


def _grayscale(x, kw):
    return shape_of(x)[:-1] + (1,), dtype_of(x)


_BINARY_OPS = [
    "__operators__.add", "math.add", "math.subtract", "math.multiply", "math.truediv",
    "math.divide", "math.divide_no_nan", "math.multiply_no_nan", "math.floordiv",
    "compat.v1.floor_div", "math.floormod", "math.pow", "math.maximum", "math.minimum",
    "math.squared_difference", "math.xdivy", "math.xlogy", "math.atan2",
]
_COMPARE_OPS = [
    "__operators__.eq", "__operators__.ne", "math.equal", "math.not_equal", "math.greater",
    "math.greater_equal", "math.less", "math.less_equal", "math.logical_and",
    "math.logical_or", "math.logical_xor",
]
_UNARY_OPS = [
    "identity", "stop_gradient", "math.negative", "math.abs", "math.exp", "math.expm1",
    "math.log", "math.log1p", "math.sqrt", "math.square", "math.rsqrt", "math.reciprocal",
    "math.sigmoid", "math.tanh", "math.sin", "math.cos", "math.tan", "math.sign", "math.floor",
    "math.ceil", "math.round", "math.softplus", "math.erf", "math.log_sigmoid", "math.sinh",
    "math.cosh", "math.asin", "math.acos", "math.atan", "nn.relu", "nn.relu6", "nn.elu",
    "nn.selu", "nn.gelu", "nn.silu", "nn.swish", "nn.sigmoid", "nn.tanh", "nn.softplus",
    "nn.softsign", "nn.leaky_relu", "nn.softmax", "nn.log_softmax", "math.softmax",
    "math.log_softmax", "math.l2_normalize", "nn.l2_normalize", "linalg.l2_normalize",
    "nn.local_response_normalization", "nn.dropout", "math.cumsum", "math.cumprod",
    "ones_like", "zeros_like", "compat.v1.ones_like", "compat.v1.zeros_like", "reverse", "roll",
    "sort", "image.flip_left_right", "image.flip_up_down", "clip_by_norm",
    "image.random_flip_left_right", "image.random_flip_up_down", "image.adjust_brightness",
    "image.adjust_contrast", "image.per_image_standardization", "linalg.band_part",
]
_REDUCE_OPS = ["mean", "sum", "max", "min", "prod", "std", "variance", "logsumexp",
               "euclidean_norm"]

#: canonical TF name -> (name of the first parameter and its aliases, rule)
TF_OPS = {}
for _name in _BINARY_OPS:
    TF_OPS[_name] = (("x",), _elementwise("y"))
for _name in _COMPARE_OPS:
    TF_OPS[_name] = (("x",), _elementwise("y", dtype="bool"))
for _name in _UNARY_OPS:
    TF_OPS[_name] = (("x", "features", "logits", "input", "t", "image", "tensor", "values"),
                     _unary())
for _name in ("math.logical_not", "math.is_nan", "math.is_inf", "math.is_finite"):
    TF_OPS[_name] = (("x",), _unary("bool"))
for _name in _REDUCE_OPS:
    TF_OPS[f"math.reduce_{_name}"] = (("input_tensor",), _reduce())
    TF_OPS[f"compat.v1.reduce_{_name}"] = (("input_tensor",), _reduce(compat=True))
for _name in ("any", "all"):
    TF_OPS[f"math.reduce_{_name}"] = (("input_tensor",), _reduce("bool"))
    TF_OPS[f"compat.v1.reduce_{_name}"] = (("input_tensor",), _reduce("bool", compat=True))
TF_OPS.update({
    "math.add_n": (("inputs",), _add_n),
    "clip_by_value": (("t",), _elementwise("clip_value_min", "clip_value_max")),
    "where": (("condition",), _where),
    "cast": (("x",), _cast),
    "dtypes.cast": (("x",), _cast),
    "image.convert_image_dtype": (("image",), _cast),
    "math.argmax": (("input",), _arg_reduce),
    "math.argmin": (("input",), _arg_reduce),
    "argsort": (("values",), lambda x, kw: (shape_of(x), "int32")),
    "reshape": (("tensor",), _reshape),
    "squeeze": (("input",), _squeeze),
    "compat.v1.squeeze": (("input",), _squeeze),
    "expand_dims": (("input",), _expand_dims),
    "compat.v1.expand_dims": (("input",), _expand_dims),
    "transpose": (("a",), _transpose),
    "compat.v1.transpose": (("a",), _transpose),
    "concat": (("values",), _concat),
    "stack": (("values",), _stack),
    "unstack": (("value",), _unstack),
    "tile": (("input",), _tile),
    "repeat": (("input",), _repeat),
    "broadcast_to": (("input",), _broadcast_to),
    "linalg.matmul": (("a",), _matmul),
    "tensordot": (("a",), _tensordot),
    "einsum": (("equation",), _einsum),
    "shape": (("input",), _shape_op),
    "compat.v1.shape": (("input",), _shape_op),
    "size": (("input",), _scalar_op),
    "compat.v1.size": (("input",), _scalar_op),
    "rank": (("input",), lambda x, kw: ((), "int32")),
    "convert_to_tensor": (("value",), _convert),
    "range": (("start",), _range),
    "zeros": (("shape",), _filled()),
    "ones": (("shape",), _filled()),
    "fill": (("dims",), _fill),
    "random.normal": (("shape",), _filled()),
    "random.uniform": (("shape",), _filled()),
    "random.truncated_normal": (("shape",), _filled()),
    "image.resize": (("images",), _resize),
    "image.resize_with_pad": (("image",), _resize_with_pad),
    "image.rgb_to_grayscale": (("images",), _grayscale),
    "image.central_crop": (("image",), _central_crop),
    "sequence_mask": (("lengths",), _sequence_mask),
    "math.count_nonzero": (("input",), _reduce("int64")),
    "image.extract_patches": (("images",), _extract_patches),
    "one_hot": (("indices",), _one_hot),
    "gather": (("params",), _gather),
    "compat.v1.gather": (("params",), _gather),
    "gather_nd": (("params",), _gather_nd),
    "compat.v1.gather_nd": (("params",), _gather_nd),
    "compat.v1.nn.embedding_lookup": (("params",), _embedding_lookup),
    "nn.embedding_lookup": (("params",), _embedding_lookup),
    "nn.bias_add": (("value",), _unary()),
    "pad": (("tensor",), _pad),
    "compat.v1.pad": (("tensor",), _pad),
    "split": (("value",), _split),
    "__operators__.getitem": (("tensor",), _getitem),
    "boolean_mask": (("tensor",), _boolean_mask),
    "compat.v1.boolean_mask": (("tensor",), _boolean_mask),
    "nn.conv1d": (("input",), _conv(1)),
    "compat.v1.nn.conv1d": (("value", "input"), _conv(1)),
    "nn.conv2d": (("input",), _conv(2)),
    "compat.v1.nn.conv2d": (("input",), _conv(2)),
    "compat.v1.nn.depthwise_conv2d": (("input",), _depthwise_conv),
    "nn.depthwise_conv2d": (("input",), _depthwise_conv),
    "nn.conv2d_transpose": (("input",), _conv_transpose),
    "nn.max_pool2d": (("input",), _pool(2)),
    "nn.avg_pool2d": (("input",), _pool(2)),
    "nn.max_pool1d": (("input",), _pool(1)),
    "nn.avg_pool1d": (("input",), _pool(1)),
    "nn.max_pool": (("input",), _pool_any),
    "nn.avg_pool": (("input",), _pool_any),
    "norm": (("tensor",), _norm),
    "compat.v1.norm": (("tensor",), _norm),
    "math.top_k": (("input",), _top_k),
    "compat.v1.nn.softmax_cross_entropy_with_logits_v2": (("labels",), _softmax_xent),
    "nn.softmax_cross_entropy_with_logits": (("labels",), _softmax_xent),
    "compat.v1.nn.sigmoid_cross_entropy_with_logits": (("labels",), _sigmoid_xent),
    "nn.sigmoid_cross_entropy_with_logits": (("labels",), _sigmoid_xent),
})


# ---------------------------------------------------------------------------
# inferred values of small integer tensors
# ---------------------------------------------------------------------------
def _elementwise_values(fn):
    def rule(x, kw, shape):
        a, b = inferred(x), inferred(kw.get("y"))
        if a is None or b is None or len(a) != len(b) and 1 not in (len(a), len(b)):
            return None
        n = max(len(a), len(b))
        a, b = a * n if len(a) == 1 else a, b * n if len(b) == 1 else b
        return [None if u is None or v is None else fn(u, v) for u, v in zip(a, b)]
    return rule


def _getitem_values(x, kw, shape):
    values, key = inferred(x), kw.get("slice_spec")
    if values is None:
        return None
    key = key[0] if isinstance(key, (list, tuple)) and len(key) == 1 else key
    key = _to_slice(key)
    if isinstance(key, int) and not isinstance(key, bool) and -len(values) <= key < len(values):
        return [values[key]]
    if isinstance(key, slice) and all(v is None or isinstance(v, int)
                                      for v in (key.start, key.stop, key.step)):
        return values[key]
    return None


def _concat_values(x, kw, shape):
    out = []
    for v in (x if isinstance(x, (list, tuple)) else [x]):
        known = v if isinstance(v, (list, tuple)) and all(isinstance(d, int) for d in v) \
            else inferred(v)
        if known is None:
            return None
        out += [_dim(d) for d in known]
    return out


def _range_values(x, kw, shape):
    start, limit, delta = x, kw.get("limit"), kw.get("delta")
    if limit is None:
        start, limit = 0, start
    bounds = [static_int(v, "a range bound") if not isinstance(v, float) else None
              for v in (start, limit, 1 if delta is None else delta)]
    if None in bounds or bounds[2] == 0 or abs(bounds[1] - bounds[0]) > 4096:
        return None
    return list(range(*bounds))


def _size_values(x, kw, shape):
    dims = shape_of(x)
    return [None if None in dims else math.prod(dims)]


VALUES = {
    "shape": lambda x, kw, shape: list(shape_of(x)),
    "compat.v1.shape": lambda x, kw, shape: list(shape_of(x)),
    "size": _size_values, "compat.v1.size": _size_values,
    "rank": lambda x, kw, shape: [len(shape_of(x))],
    "__operators__.getitem": _getitem_values,
    "concat": _concat_values,
    "stack": lambda x, kw, shape: inferred(x) if kw.get("axis", 0) in (0, -1) else None,
    "identity": lambda x, kw, shape: inferred(x),
    "convert_to_tensor": lambda x, kw, shape: inferred(x),
    "range": _range_values,
    "__operators__.add": _elementwise_values(lambda a, b: a + b),
    "math.add": _elementwise_values(lambda a, b: a + b),
    "math.subtract": _elementwise_values(lambda a, b: a - b),
    "math.multiply": _elementwise_values(lambda a, b: a * b),
    "compat.v1.floor_div": _elementwise_values(lambda a, b: a // b if b else None),
    "math.floordiv": _elementwise_values(lambda a, b: a // b if b else None),
    "math.floormod": _elementwise_values(lambda a, b: a % b if b else None),
    "math.maximum": _elementwise_values(max),
    "math.minimum": _elementwise_values(min),
}
INT_DTYPES = ("int32", "int64")


def inferred_value(symbol, first, kwargs, shape, dtype):
    """The values TensorFlow infers for an operation's integer output of rank 0 or 1."""
    rule = VALUES.get(symbol)
    if symbol in ("cast", "dtypes.cast") and dtype in INT_DTYPES:
        rule = VALUES["identity"]
    if rule is None or dtype not in INT_DTYPES or not isinstance(shape, tuple) or len(shape) > 1:
        return None
    try:
        values = rule(first, kwargs, shape)
    except (ShapeError, TypeError, ValueError):
        return None
    if values is None or len(values) > 4096:
        return None
    return values
