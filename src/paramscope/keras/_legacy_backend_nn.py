"""``keras.backend``'s Keras 2 functions, continued: activations, convolutions and pooling,
the crossentropies, batch normalization, and what needs real computation or belongs to
tf.keras only (the learning phase, ``K.function``, ``K.placeholder``).  See
:mod:`paramscope.keras._legacy_backend`, whose registry and helpers these use.
"""

from __future__ import annotations

import contextlib
import itertools

from .. import backend_config
from ..errors import NeedsComputationError, ParamscopeError
from . import tensorflow as T
from ._legacy_backend import (constant_like, dtype_of, exported, floatx, integer_tensor, ndim,
                              needs_computation, op, recorded_whole, tf)
from ._legacy_backend_arrays import (batch_dot, concatenate, image_data_format_arg,
                                     permute_dimensions, reshape)


def _epsilon():
    return backend_config.epsilon()


# ---------------------------------------------------------------------------
# activations
# ---------------------------------------------------------------------------
@exported()
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    dtype = dtype_of(x)
    negative_part = None
    if alpha != 0.0:
        if max_value is None and threshold == 0:
            return tf("nn.leaky_relu", x, alpha=alpha)
        negative_part = tf("nn.relu", -x + threshold if threshold != 0 else -x)
    clip_max = max_value is not None
    if threshold != 0:
        x = x * tf("cast", tf("greater", x, threshold), dtype=dtype)
    elif max_value == 6:
        x = tf("nn.relu6", x)
        clip_max = False
    else:
        x = tf("nn.relu", x)
    if clip_max:
        x = tf("clip_by_value", x, constant_like(0, x), constant_like(max_value, x))
    if negative_part is not None:
        x -= T.constant(alpha, dtype=dtype_of(x)) * negative_part
    return x


@exported()
def elu(x, alpha=1.0):
    res = tf("nn.elu", x)
    return res if alpha == 1 else tf("where", x > 0, res, alpha * res)


@exported()
def softmax(x, axis=-1):
    if ndim(x) <= 1:
        raise ParamscopeError(f"Cannot apply softmax to a tensor that is 1D. Received input: {x}")
    if isinstance(axis, int):
        return tf("nn.softmax", x, axis=axis)
    numerator = tf("exp", x - tf("reduce_max", x, axis=axis, keepdims=True))
    return numerator / tf("reduce_sum", numerator, axis=axis, keepdims=True)


@exported()
def sigmoid(x):
    return tf("sigmoid", x)


@exported()
def hard_sigmoid(x):
    x = tf("multiply", x, constant_like(0.2, x))
    x = tf("add", x, constant_like(0.5, x))
    return tf("clip_by_value", x, 0.0, 1.0)


@exported()
def l2_normalize(x, axis=None):
    return tf("linalg.l2_normalize", x, axis=axis)


@exported()
def dropout(x, level, noise_shape=None, seed=None):
    return tf("nn.dropout", x, rate=level, noise_shape=noise_shape)


@exported()
def in_top_k(predictions, targets, k):
    integer_tensor("in_top_k", "targets", targets)
    return op("compat.v1.math.in_top_k", predictions, targets=targets, k=k)


@exported()
def bias_add(x, bias, data_format=None):
    data_format = image_data_format_arg(data_format)
    bias_shape = tuple(bias.shape)
    if len(bias_shape) != 1 and len(bias_shape) != ndim(x) - 1:
        raise ParamscopeError(f"Unexpected bias dimensions {len(bias_shape)}, expect to be 1 or "
                              f"{ndim(x) - 1} dimensions")
    if len(bias_shape) == 1:
        return tf("nn.bias_add", x, bias,
                  data_format="NCHW" if data_format == "channels_first" else "NHWC")
    if ndim(x) in (3, 4, 5):
        if data_format == "channels_first":
            return x + reshape(bias, (1, bias_shape[-1]) + bias_shape[:-1])
        return x + reshape(bias, (1,) + bias_shape)
    return tf("nn.bias_add", x, bias)


# ---------------------------------------------------------------------------
# convolutions and pooling (NCHW is not supported on CPU: channels_first transposes)
# ---------------------------------------------------------------------------
_TO_LAST = {3: (0, 2, 1), 4: (0, 2, 3, 1), 5: (0, 2, 3, 4, 1)}
_TO_FIRST = {3: (0, 2, 1), 4: (0, 3, 1, 2), 5: (0, 4, 1, 2, 3)}
_FORMATS = {3: "NWC", 4: "NHWC", 5: "NDHWC"}


def _padding(padding):
    if padding not in ("same", "valid"):
        raise ParamscopeError(f"Invalid padding: {padding}")
    return padding.upper()


def _convolve(symbol, x, kernel, data_format, **named):
    """Transpose channels_first inputs to channels_last, apply, and transpose back."""
    rank = ndim(x)
    channels_first = image_data_format_arg(data_format) == "channels_first"
    if channels_first:
        x = tf("transpose", x, _TO_LAST[rank])
    named.setdefault("data_format", _FORMATS[rank])
    x = op(symbol, x, filter=kernel, **named) if kernel is not None else op(symbol, x, **named)
    return tf("transpose", x, _TO_FIRST[rank]) if channels_first else x


def _tuple(value, rank):
    return (value,) * rank if isinstance(value, int) else tuple(value)


@exported()
def conv1d(x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    if padding == "causal":
        left_pad = dilation_rate * (tuple(kernel.shape)[0] - 1)
        from ._legacy_backend_arrays import temporal_padding
        x = temporal_padding(x, (left_pad, 0))
        padding = "valid"
    return _convolve("compat.v1.nn.conv1d", x, kernel, data_format, padding=_padding(padding),
                     strides=_tuple(strides, 1), dilations=_tuple(dilation_rate, 1))


@exported()
def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    return _convolve("compat.v1.nn.convolution", x, kernel, data_format,
                     padding=_padding(padding), strides=_tuple(strides, 2),
                     dilations=_tuple(dilation_rate, 2))


@exported()
def conv3d(x, kernel, strides=(1, 1, 1), padding="valid", data_format=None,
           dilation_rate=(1, 1, 1)):
    return _convolve("compat.v1.nn.convolution", x, kernel, data_format,
                     padding=_padding(padding), strides=_tuple(strides, 3),
                     dilations=_tuple(dilation_rate, 3))


@exported()
def depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    return _convolve("compat.v1.nn.depthwise_conv2d", x, depthwise_kernel, data_format,
                     padding=_padding(padding), strides=(1,) + tuple(strides) + (1,),
                     dilations=tuple(dilation_rate))


@exported()
def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding="valid",
                     data_format=None, dilation_rate=(1, 1)):
    return _convolve("nn.separable_conv2d", x, depthwise_kernel, data_format,
                     pointwise_filter=pointwise_kernel, padding=_padding(padding),
                     strides=(1,) + tuple(strides) + (1,), dilations=tuple(dilation_rate))


@exported()
def conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    channels_first = image_data_format_arg(data_format) == "channels_first"
    if channels_first:
        output_shape = (output_shape[0], output_shape[2], output_shape[3], output_shape[1])
    if output_shape[0] is None:
        output_shape = (tf("shape", x)[0],) + tuple(output_shape[1:])
    return _convolve("compat.v1.nn.conv2d_transpose", x, kernel, data_format,
                     output_shape=tf("stack", list(output_shape)), padding=_padding(padding),
                     strides=(1,) + tuple(strides) + (1,))


def _pool(rank, x, pool_size, strides, padding, data_format, pool_mode):
    if pool_mode not in ("max", "avg"):
        raise ParamscopeError(f"Invalid pooling mode: {pool_mode}")
    if rank == 2 and (len(pool_size) != 2 or len(strides) != 2):
        raise ParamscopeError("`pool_size` must be a tuple of 2 integers.")
    symbol = (f"compat.v1.nn.{pool_mode}_pool" if rank == 2 else f"nn.{pool_mode}_pool3d")
    return _convolve(symbol, x, None, data_format, ksize=(1,) + tuple(pool_size) + (1,),
                     strides=(1,) + tuple(strides) + (1,), padding=_padding(padding))


@exported()
def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    return _pool(2, x, pool_size, strides, padding, data_format, pool_mode)


@exported()
def pool3d(x, pool_size, strides=(1, 1, 1), padding="valid", data_format=None,
           pool_mode="max"):
    return _pool(3, x, pool_size, strides, padding, data_format, pool_mode)


def _local_conv(inputs, kernel, kernel_size, strides, output_shape, data_format=None):
    data_format = image_data_format_arg(data_format)
    kernel_shape = tuple(kernel.shape)
    feature_dim, channels_out = kernel_shape[1], kernel_shape[-1]
    ndims = len(output_shape)
    spatial = list(range(ndims))
    xs = []
    for position in itertools.product(*[range(n) for n in output_shape]):
        slices = [slice(None)] + ([slice(None)] if data_format == "channels_first" else [])
        slices += [slice(position[d] * strides[d], position[d] * strides[d] + kernel_size[d])
                   for d in spatial]
        if data_format == "channels_last":
            slices.append(slice(None))
        xs.append(reshape(inputs[tuple(slices)], (1, -1, feature_dim)))
    output = batch_dot(concatenate(xs, axis=0), kernel)
    output = reshape(output, tuple(output_shape) + (-1, channels_out))
    if data_format == "channels_first":
        return permute_dimensions(output, [ndims, ndims + 1] + spatial)
    return permute_dimensions(output, [ndims] + spatial + [ndims + 1])


@exported(keras3=False)
def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    return _local_conv(inputs, kernel, kernel_size, strides, (tuple(kernel.shape)[0],),
                       data_format)


@exported(keras3=False)
def local_conv2d(inputs, kernel, kernel_size, strides, output_shape, data_format=None):
    return _local_conv(inputs, kernel, kernel_size, strides, output_shape, data_format)


# ---------------------------------------------------------------------------
# crossentropies (tf.keras records these whole on symbolic tensors)
# ---------------------------------------------------------------------------
def _clipped(output):
    eps = constant_like(_epsilon(), output)
    return tf("clip_by_value", output, eps, 1.0 - eps)


@recorded_whole("convert_to_tensor", "convert_to_tensor")
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    target, output = tf("convert_to_tensor", target), tf("convert_to_tensor", output)
    if from_logits:
        return tf("nn.softmax_cross_entropy_with_logits", labels=target, logits=output,
                  axis=axis)
    output = _clipped(output / tf("reduce_sum", output, axis, True))
    return -tf("reduce_sum", target * tf("math.log", output), axis)


@recorded_whole("convert_to_tensor", "convert_to_tensor", "cast")
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1,
                                    ignore_class=None):
    output = tf("convert_to_tensor", output)
    shape = tuple(output.shape)
    axis %= len(shape)
    out = shape[:axis] + shape[axis + 1:]
    from ..ops import Constant
    if T.is_symbolic(output, target):
        from ..layers.base import KerasTensor
        return KerasTensor(out, dtype=dtype_of(output))
    return Constant(out, dtype_of(output))


@recorded_whole("convert_to_tensor", "convert_to_tensor")
def binary_crossentropy(target, output, from_logits=False):
    target, output = tf("convert_to_tensor", target), tf("convert_to_tensor", output)
    if from_logits:
        return tf("nn.sigmoid_cross_entropy_with_logits", labels=target, logits=output)
    output = _clipped(output)
    bce = target * tf("math.log", output + _epsilon())
    bce += (1 - target) * tf("math.log", 1 - output + _epsilon())
    return -bce


@recorded_whole("convert_to_tensor", "convert_to_tensor")
def categorical_focal_crossentropy(target, output, alpha=0.25, gamma=2.0, from_logits=False,
                                   axis=-1):
    target, output = tf("convert_to_tensor", target), tf("convert_to_tensor", output)
    if from_logits:
        output = tf("nn.softmax", output, axis=axis)
    output = _clipped(output / tf("reduce_sum", output, axis=axis, keepdims=True))
    cce = -target * tf("math.log", output)
    focal = tf("multiply", tf("multiply", tf("pow", 1.0 - output, gamma), alpha), cce)
    return tf("reduce_sum", focal, axis=axis)


@exported()
def binary_focal_crossentropy(target, output, apply_class_balancing=False, alpha=0.25,
                              gamma=2.0, from_logits=False):
    sigmoidal = tf("sigmoid", output) if from_logits else output
    p_t = target * sigmoidal + (1 - target) * (1 - sigmoidal)
    focal_factor = tf("pow", 1.0 - p_t, gamma)
    bce = binary_crossentropy(target=target, output=output, from_logits=from_logits)
    focal_bce = focal_factor * bce
    if apply_class_balancing:
        focal_bce = (target * alpha + (1 - target) * (1 - alpha)) * focal_bce
    return focal_bce


@exported()
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    if T.keras2_semantics() and T.is_symbolic(y_true, y_pred, input_length, label_length):
        raise ParamscopeError(
            "keras.backend.ctc_batch_cost on symbolic tensors (keras.Input) is a graph of sparse "
            "TensorFlow operations that paramscope does not record as tf.keras does; call it "
            "inside a Lambda with output_shape=(1,) (the loss per sample).")
    batch = tuple(y_pred.shape)[0]
    from ..ops import Constant
    if T.is_symbolic(y_pred):
        from ..layers.base import KerasTensor
        return KerasTensor((batch, 1), dtype=dtype_of(y_pred))
    return Constant((batch, 1), dtype_of(y_pred))


# ---------------------------------------------------------------------------
# batch normalization
# ---------------------------------------------------------------------------
@exported()
def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=0.001):
    if ndim(x) == 4 and axis in (3, -1):
        return op("compat.v1.nn.fused_batch_norm", x, scale=gamma, offset=beta, mean=mean,
                  variance=var, epsilon=epsilon, data_format="NHWC", is_training=False)[0]
    return tf("nn.batch_normalization", x, mean, var, beta, gamma, epsilon)


@exported(keras3=False)
def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=0.001):
    mean, variance = tf("nn.moments", x, reduction_axes, keepdims=False)
    if sorted(reduction_axes) == list(range(ndim(x)))[:-1]:
        normed = tf("nn.batch_normalization", x, mean, variance, beta, gamma, epsilon)
        return normed, mean, variance
    target = tf("stack", [1 if a in reduction_axes else tf("shape", x)[a]
                          for a in range(ndim(x))])
    reshaped = [None if t is None else tf("reshape", t, target)
                for t in (mean, variance, beta, gamma)]
    normed = tf("nn.batch_normalization", x, *reshaped, epsilon)
    return normed, mean, variance


# ---------------------------------------------------------------------------
# what needs real computation
# ---------------------------------------------------------------------------
def _computation(name, keras3=True):
    def function(*args, **kwargs):
        raise needs_computation(name)
    function.__name__ = name
    function.__doc__ = f"``K.{name}``: needs real computation."
    return exported(keras3=keras3, tensor=False)(function)


for _name in ("eval", "get_value", "batch_get_value", "set_value", "batch_set_value", "update",
              "update_add", "update_sub", "moving_average_update", "rnn", "map_fn", "foldl",
              "foldr", "ctc_decode", "ctc_label_dense_to_sparse"):
    _computation(_name)


@exported(tensor=False)
def gradients(loss, variables):
    from ..errors import GraphModeError
    raise GraphModeError(
        "keras.backend.gradients computes gradients (TensorFlow 1 graph code; TensorFlow 2 "
        "runs it only inside a tf.function), which paramscope does not do: it computes a "
        "model's shapes and parameters.")


@exported(keras3=False, tensor=False)
def function(inputs, outputs, updates=None, name=None, **kwargs):
    """tf.keras: a function running ``Model(inputs, outputs)`` (which takes a model's name)."""
    if kwargs:
        raise ParamscopeError("Session keyword arguments are not supported during eager "
                              f"execution. You passed: {kwargs}")
    if updates:
        raise ParamscopeError("`updates` argument is not supported during eager execution. "
                              f"You passed: {updates}")
    from ..graph import Functional
    model = Functional(inputs, outputs, _internal=True)

    def run(model_inputs):
        raise NeedsComputationError(
            f"the function keras.backend.function made (a run of model '{model.name}') needs "
            "real computation, which paramscope does not do.")
    return run


@exported(keras3=False, tensor=False)
def print_tensor(x, message="", summarize=3):
    if T.keras2_semantics() and T.is_symbolic(x):
        from .. import naming
        for symbol in ("strings.format", "print"):
            naming.uniquify(f"tf.{symbol}")
        return T.tf_op_layer("keras.backend.print_tensor")(x, message=message,
                                                           summarize=summarize)
    return x


@exported(tensor=False)
def name_scope(name):
    return contextlib.nullcontext()


# ---------------------------------------------------------------------------
# tf.keras only: placeholders and the learning phase
# ---------------------------------------------------------------------------
_learning_phase = [0]


@exported(keras3=False, tensor=False)
def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False):
    if sparse and ragged:
        raise ParamscopeError("Cannot set both sparse and ragged to True when creating a "
                              "placeholder.")
    if not shape and ndim:
        shape = (None,) * ndim
    from .. import keras as facade
    return facade.Input(batch_shape=tuple(shape), dtype=dtype or floatx(), name=name)


@exported(keras3=False, tensor=False)
def learning_phase():
    return _learning_phase[0]


@exported(keras3=False, tensor=False)
def set_learning_phase(value):
    import warnings
    warnings.warn("`tf.keras.backend.set_learning_phase` is deprecated and will be removed after "
                  "2020-10-11. To update it, simply pass a True/False value to the `training` "
                  "argument of the `__call__` method of your layer or model.")
    if value not in (0, 1):
        raise ParamscopeError("Expected learning phase to be 0 or 1.")
    _learning_phase[0] = value


@exported(keras3=False, tensor=False)
@contextlib.contextmanager
def learning_phase_scope(value):
    saved = _learning_phase[0]
    _learning_phase[0] = value
    try:
        yield
    finally:
        _learning_phase[0] = saved


@exported(keras3=False, tensor=False)
def in_train_phase(x, alt, training=None):
    training = _learning_phase[0] if training is None else training
    if T.is_symbolic(training):
        from ._legacy_backend import switch
        return switch(training, x, alt)
    chosen = x if training in (1, True) else alt
    return chosen() if callable(chosen) else chosen


@exported(keras3=False, tensor=False)
def in_test_phase(x, alt, training=None):
    return in_train_phase(alt, x, training=training)


@exported(keras3=False, tensor=False)
def manual_variable_initialization(value):
    return None


@exported(keras3=False, tensor=False)
def reset_uids():
    from .. import naming
    naming.clear_session()


def reset():
    """A new run starts in the default learning phase."""
    _learning_phase[0] = 0
