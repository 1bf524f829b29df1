"""Shape rules for the TensorFlow operations keras.backend's Keras 2 functions run
(:mod:`paramscope.keras._legacy_backend`) beyond the public ones (``compat.v1.nn.convolution``
for ``K.conv2d``, ``compat.v1.nn.max_pool`` for ``K.pool2d``...), and for the functions tf.keras
records whole on symbolic tensors (``keras.backend.binary_crossentropy``).  Merged into
:data:`paramscope.layers._tfop_rules.TF_OPS`.
"""

from __future__ import annotations

from ..errors import ShapeError
from ..shapes import broadcast_shapes, reduce_shape
from ._tfop_args import dtype_of, shape_of, static_int


def _convolution(conv, x, kw):
    kernel = kw.get("filter") if kw.get("filter") is not None else kw.get("filters")
    rank = len(shape_of(kernel)) - 2
    if rank not in (1, 2, 3):
        raise ShapeError(f"a convolution kernel of rank 3 to 5, got shape {shape_of(kernel)}")
    return conv(rank)(x, kw)


def _separable_conv(conv_like, x, kw):
    depthwise = shape_of(kw.get("filter") if kw.get("filter") is not None
                         else kw.get("depthwise_filter"))
    pointwise = shape_of(kw.get("pointwise_filter"))
    return conv_like(x, kw, depthwise[:2], pointwise[-1], 2)


def _fused_batch_norm(x, kw):
    shape = shape_of(x)
    channels = shape[-1] if str(kw.get("data_format") or "NHWC").endswith("C") else shape[1]
    dtype = dtype_of(x)
    return (shape, (channels,), (channels,)), (dtype, "float32", "float32")


def _in_top_k(x, kw):
    return shape_of(x)[:-1], "bool"


def _crossentropy_over_axis(x, kw):
    output = kw.get("output")
    axis = kw.get("axis", -1)
    return reduce_shape(shape_of(output), -1 if axis is None else static_int(axis, "axis")), \
        dtype_of(output)


def _binary_crossentropy(x, kw):
    output = kw.get("output")
    return broadcast_shapes(shape_of(x), shape_of(output)), dtype_of(output)


def _batch_flatten(x, kw):
    """tf.reshape(x, tf.stack([-1, prod(shape(x)[1:])])): both sizes known at run time only."""
    return (None, None), dtype_of(x)


def _rank_from_input(pool):
    return lambda x, kw: pool(len(shape_of(x)) - 2)(x, kw)


def _identity(x, kw):
    return shape_of(x), dtype_of(x)


def _mean_over_last_axis(x, kw):
    """tf.keras's hinge losses recorded whole: the mean over the last axis of y_pred."""
    y_pred = kw.get("y_pred")
    return reduce_shape(broadcast_shapes(shape_of(x), shape_of(y_pred)), -1), dtype_of(y_pred)


def _to_floatx(x, kw):
    from ..dtypes import floatx
    return shape_of(x), floatx()


def rules(conv, conv_like, conv_transpose, pool):
    """``{symbol: (first parameter names, rule)}`` for :data:`TF_OPS`, given the rules of
    :mod:`._tfop_rules` they build on: ``conv(rank)``, ``conv_like(x, kw, kernel, channels,
    rank)``, ``conv_transpose`` and ``pool(rank)``."""
    pool_any = _rank_from_input(pool)
    return {
        "compat.v1.nn.convolution": (("input",), lambda x, kw: _convolution(conv, x, kw)),
        "compat.v1.nn.conv2d_transpose": (("value", "input"), conv_transpose),
        "nn.separable_conv2d": (("input",), lambda x, kw: _separable_conv(conv_like, x, kw)),
        "compat.v1.nn.max_pool": (("value", "input"), pool_any),
        "compat.v1.nn.avg_pool": (("value", "input"), pool_any),
        "nn.max_pool3d": (("input",), pool(3)),
        "nn.avg_pool3d": (("input",), pool(3)),
        "compat.v1.nn.fused_batch_norm": (("x",), _fused_batch_norm),
        "compat.v1.math.in_top_k": (("predictions",), _in_top_k),
        "keras.backend.categorical_crossentropy": (("target",), _crossentropy_over_axis),
        "keras.backend.categorical_focal_crossentropy": (("target",), _crossentropy_over_axis),
        "keras.backend.sparse_categorical_crossentropy": (("target",), _crossentropy_over_axis),
        "keras.backend.binary_crossentropy": (("target",), _binary_crossentropy),
        "keras.backend.batch_flatten": (("x",), _batch_flatten),
        "keras.backend.print_tensor": (("x",), _identity),
        "keras.backend.cast_to_floatx": (("x",), _to_floatx),
        "keras.metrics.hinge": (("y_true",), _mean_over_last_axis),
        "keras.metrics.squared_hinge": (("y_true",), _mean_over_last_axis),
    }
