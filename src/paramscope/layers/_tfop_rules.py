"""TensorFlow's shape inference for the operations tf.keras records (``TFOpLambda``) and the
stand-in ``tensorflow`` module computes: each canonical TensorFlow symbol
(``"math.reduce_mean"``) maps to a rule ``rule(first, kwargs) -> (shape, dtype)``, where
``first`` is the call's first argument and ``kwargs`` the others by the TF function's
parameter names.  Shapes use ``None`` for what TensorFlow does not know statically.

The arguments' static values are read by :mod:`._tfop_args`; small integer tensors carry the
values TensorFlow infers for them (:mod:`._tfop_values`).
"""

from __future__ import annotations

import math

from ..errors import ShapeError
from ..shapes import (broadcast_shapes, conv_output_length, einsum_shape, gather_shape,
                      matmul_shape, one_hot_shape, pad_shape, reduce_shape,
                      reshape_output_shape, split_shapes, stack_shape, tile_shape,
                      transpose_shape)
from ._tfop_args import (MISSING, axis_list, dtype_name, dtype_of, first_arg, known_axis,
                         python_dtype, shape_arg, shape_of, static_int, to_slice)
from .base import KerasTensor

__all__ = ["TF_OPS", "MISSING", "dtype_of", "first_arg", "python_dtype", "shape_of"]


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
        return reduce_shape(shape_of(x), axis_list(axis), bool(keepdims)), dtype or dtype_of(x)
    return rule


def _arg_reduce(x, kw):
    axis = kw.get("axis")
    axis = kw.get("dimension") if axis is None else axis
    axis = 0 if axis is None else known_axis(axis)
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
    axis = axis_list(axis)
    if isinstance(axis, list) and not axis:
        axis = None
    shape = shape_of(x)
    if axis is None and None in shape:
        raise ShapeError(f"squeezing every size-1 axis of {shape}: an unknown (None) axis may or "
                         "may not be 1")
    return _keras_op("Squeeze", x, axis=axis)


def _expand_dims(x, kw):
    axis = kw.get("axis")
    return _keras_op("ExpandDims", x, axis=known_axis(kw.get("dim") if axis is None else axis))


def _transpose(x, kw):
    return transpose_shape(shape_of(x), axis_list(kw.get("perm"), "perm")), dtype_of(x)


def _concat(x, kw):
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    axis = known_axis(kw.get("axis", 0))
    from .. import ops
    out = ops.Concatenate(axis=axis, name="tf").compute_output_spec(
        [KerasTensor(shape_of(v)) for v in values])
    return tuple(out.shape), dtype_of(*values)


def _stack(x, kw):
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    return stack_shape([shape_of(v) for v in values], known_axis(kw.get("axis", 0))), \
        dtype_of(*values, default=python_dtype(values))


def _unstack(x, kw):
    shape = shape_of(x)
    axis = known_axis(kw.get("axis", 0))
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
                          -1 if axis is None else known_axis(axis)),
            dtype_name(kw.get("dtype") or "float32"))


def _gather(x, kw):
    batch_dims = kw.get("batch_dims") or 0
    axis = kw.get("axis")
    axis = batch_dims if axis is None else known_axis(axis)
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
    return split_shapes(shape_of(x), splits, known_axis(kw.get("axis", 0))), dtype_of(x)


def _getitem(x, kw):
    from ..ops import getitem_shape
    shape = list(shape_of(x))
    key = kw.get("slice_spec")
    keys = [to_slice(k) for k in (list(key) if isinstance(key, (list, tuple)) else [key])]
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
    axis = axis_list(kw.get("axis"))
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

from ._tfop_backend_rules import rules as _backend_rules  # noqa: E402 - they use the above

TF_OPS.update(_backend_rules(conv=_conv, conv_like=_conv_like, conv_transpose=_conv_transpose,
                             pool=_pool))
