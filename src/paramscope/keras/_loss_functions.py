"""The loss functions of ``keras.losses`` (keras/src/losses/losses.py, Keras 3.15), ported
operation by operation onto ``keras.ops``: on symbolic tensors each records the operations
Keras records (``binary_crossentropy(a, b)`` gives ``Cast``, ``ConvertToTensor``,
``BinaryCrossentropy`` and ``Mean`` rows in a Functional model) and returns a KerasTensor of
Keras's output shape.  On concrete values they need real computation.
"""

from __future__ import annotations

import math
import warnings

from .. import backend_config
from ..errors import ParamscopeError
from ..shapes import canonicalize_axis


class _KerasOps:
    """``keras.ops`` as Keras's losses use it (loaded on first use)."""

    def __getattr__(self, name):
        import importlib
        return getattr(importlib.import_module("paramscope.keras.ops"), name)


ops = _KerasOps()


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    """Keras's ``squeeze_or_expand_to_same_rank`` (keras/src/losses/loss.py)."""
    x1_rank, x2_rank = len(x1.shape), len(x2.shape)
    if x1_rank == x2_rank:
        return x1, x2
    if x1_rank == x2_rank + 1 and x1.shape[-1] == 1:
        if x2_rank == 1 and expand_rank_1:
            x2 = ops.expand_dims(x2, axis=-1)
        else:
            x1 = ops.squeeze(x1, axis=-1)
    if x2_rank == x1_rank + 1 and x2.shape[-1] == 1:
        if x1_rank == 1 and expand_rank_1:
            x1 = ops.expand_dims(x1, axis=-1)
        else:
            x2 = ops.squeeze(x2, axis=-1)
    return x1, x2


def _epsilon():
    return backend_config.epsilon()


def _check_axis(axis):
    if isinstance(axis, bool):
        raise ParamscopeError(f"`axis` must be of type `int`. Received: axis={axis} of type "
                              f"{type(axis)}")


def keras_fails_on_symbolic(what, keras_message):
    """Keras's own failure where a loss mixes symbolic tensors with JAX values outside a
    traced ``call()`` (its JAX backend cannot): paramscope stops at the same place, with
    Keras's message first."""
    return ParamscopeError(
        f"{keras_message} ({what} fails like this in Keras on symbolic tensors (keras.Input) "
        "outside a layer's call(); call it inside a custom layer's call(), or on real data.)")


JAX_ON_KERAS_TENSOR = ("A KerasTensor cannot be used as input to a JAX function. A KerasTensor "
                       "is a symbolic placeholder for a shape and dtype, used when constructing "
                       "Keras Functional models or Keras Functions.")


def _symbolic_outside_call(*values):
    from ..layers.base import KerasTensor, is_tracing
    return not is_tracing() and any(isinstance(v, KerasTensor) for v in values)


def convert_binary_labels_to_hinge(y_true):
    are_zeros = ops.equal(y_true, 0)
    are_ones = ops.equal(y_true, 1)
    is_binary = ops.all(ops.logical_or(are_zeros, are_ones))
    if _symbolic_outside_call(is_binary):
        # Keras names a Cond operation and traces its first branch on the symbolic labels
        # (creating its operations) before JAX refuses them.
        from .. import naming
        naming.auto_name("Cond")
        2.0 * y_true - 1.0
        raise keras_fails_on_symbolic(
            "hinge/squared_hinge (keras.ops.cond on a symbolic condition)",
            "Exception encountered when calling Cond.call().")
    return ops.cond(is_binary, lambda: 2.0 * y_true - 1.0, lambda: y_true)


def hinge(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, dtype=y_pred.dtype)
    y_true = ops.convert_to_tensor(y_true)
    y_true = convert_binary_labels_to_hinge(y_true)
    return ops.mean(ops.maximum(1.0 - y_true * y_pred, 0.0), axis=-1)


def squared_hinge(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    y_true = convert_binary_labels_to_hinge(y_true)
    return ops.mean(ops.square(ops.maximum(1.0 - y_true * y_pred, 0.0)), axis=-1)


def categorical_hinge(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    pos = ops.sum(y_true * y_pred, axis=-1)
    neg = ops.max((1.0 - y_true) * y_pred, axis=-1)
    # Keras's zero is a concrete scalar of y_pred's dtype: no operation in the graph.
    return ops.maximum(neg - pos + 1.0, 0.0)


def mean_squared_error(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


def mean_absolute_error(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    return ops.mean(ops.abs(y_true - y_pred), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    epsilon = ops.convert_to_tensor(_epsilon(), dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    diff = ops.abs((y_true - y_pred) / ops.maximum(ops.abs(y_true), epsilon))
    return 100.0 * ops.mean(diff, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    epsilon = ops.convert_to_tensor(_epsilon())
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    first_log = ops.log(ops.maximum(y_pred, epsilon) + 1.0)
    second_log = ops.log(ops.maximum(y_true, epsilon) + 1.0)
    return ops.mean(ops.square(first_log - second_log), axis=-1)


def cosine_similarity(y_true, y_pred, axis=-1):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    y_pred = ops.normalize(y_pred, axis=axis, order=2)
    y_true = ops.normalize(y_true, axis=axis, order=2)
    return -ops.sum(y_true * y_pred, axis=axis)


def huber(y_true, y_pred, delta=1.0):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    delta = ops.convert_to_tensor(delta, dtype=y_pred.dtype)
    error = ops.subtract(y_pred, y_true)
    abs_error = ops.abs(error)
    if _symbolic_outside_call(abs_error):
        # Keras gets as far as `half * ops.square(error)`: JAX's `half` refuses the tensor.
        abs_error <= delta
        ops.square(error)
        raise keras_fails_on_symbolic("huber", JAX_ON_KERAS_TENSOR)
    half = ops.convert_to_tensor(0.5, dtype=abs_error.dtype)
    return ops.mean(ops.where(abs_error <= delta, half * ops.square(error),
                              delta * abs_error - half * ops.square(delta)), axis=-1)


def log_cosh(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    log2 = ops.convert_to_tensor(math.log(2.0), dtype=y_pred.dtype)

    def _logcosh(x):
        return x + ops.softplus(x * -2.0) - log2
    return ops.mean(_logcosh(y_pred - y_true), axis=-1)


def kl_divergence(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, y_pred.dtype)
    y_true = ops.clip(y_true, _epsilon(), 1)
    y_pred = ops.clip(y_pred, _epsilon(), 1)
    return ops.sum(y_true * ops.log(y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    epsilon = ops.convert_to_tensor(_epsilon(), dtype=y_pred.dtype)
    return ops.mean(y_pred - y_true * ops.log(y_pred + epsilon), axis=-1)


def _warn_one_class(loss, y_pred):
    if y_pred.shape[-1] == 1:
        warnings.warn(
            f"In loss {loss}, expected y_pred.shape to be (batch_size, num_classes) with "
            f"num_classes > 1. Received: y_pred.shape={tuple(y_pred.shape)}. Consider using "
            "'binary_crossentropy' if you only have 2 classes.", SyntaxWarning, stacklevel=3)


def _smooth_labels(y_true, y_pred, label_smoothing):
    # Keras casts the (known) class count to a concrete tensor: no operation in the graph.
    num_classes = float(ops.shape(y_true)[-1])
    return y_true * (1.0 - label_smoothing) + (label_smoothing / num_classes)


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    _check_axis(axis)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    _warn_one_class("categorical_crossentropy", y_pred)
    if label_smoothing:
        y_true = _smooth_labels(y_true, y_pred, label_smoothing)
    return ops.categorical_crossentropy(y_true, y_pred, from_logits=from_logits, axis=axis)


def categorical_focal_crossentropy(y_true, y_pred, alpha=0.25, gamma=2.0, from_logits=False,
                                   label_smoothing=0.0, axis=-1):
    _check_axis(axis)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    _warn_one_class("categorical_focal_crossentropy", y_pred)
    if label_smoothing:
        y_true = _smooth_labels(y_true, y_pred, label_smoothing)
    if from_logits:
        y_pred = ops.softmax(y_pred, axis=axis)
    output = y_pred / ops.sum(y_pred, axis=axis, keepdims=True)
    output = ops.clip(output, _epsilon(), 1.0 - _epsilon())
    cce = -y_true * ops.log(output)
    modulating_factor = ops.power(1.0 - output, gamma)
    weighting_factor = ops.multiply(modulating_factor, alpha)
    focal_cce = ops.multiply(weighting_factor, cce)
    return ops.sum(focal_cce, axis=axis)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None,
                                    axis=-1):
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[axis] == 1:
        y_true = ops.squeeze(y_true, axis=axis)
    if ignore_class is not None:
        class_axis = canonicalize_axis(axis, len(y_pred.shape))
        res_shape = tuple(d for i, d in enumerate(ops.shape(y_pred)) if i != class_axis)
        valid_mask = ops.not_equal(y_true, ops.cast(ignore_class, y_pred.dtype))
        y_true = ops.where(valid_mask, y_true, 0)
        y_pred = ops.where(ops.expand_dims(valid_mask, axis), y_pred, 0)
    res = ops.sparse_categorical_crossentropy(y_true, y_pred, from_logits=from_logits,
                                              axis=axis)
    if ignore_class is not None:
        valid_mask = ops.reshape(valid_mask, res_shape)
        res = ops.where(valid_mask, res, 0.0)
        res._keras_mask = valid_mask
    return res


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return ops.mean(ops.binary_crossentropy(y_true, y_pred, from_logits=from_logits),
                    axis=axis)


def binary_focal_crossentropy(y_true, y_pred, apply_class_balancing=False, alpha=0.25,
                              gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        y_pred = ops.sigmoid(y_pred)
    bce = ops.binary_crossentropy(target=y_true, output=y_pred, from_logits=False)
    p_t = y_true * y_pred + (1 - y_true) * (1 - y_pred)
    focal_factor = ops.power(1.0 - p_t, gamma)
    focal_bce = focal_factor * bce
    if apply_class_balancing:
        weight = y_true * alpha + (1 - y_true) * (1 - alpha)
        focal_bce = weight * focal_bce
    return ops.mean(focal_bce, axis=axis)


def ctc(y_true, y_pred):
    if len(ops.shape(y_true)) != 2:
        raise ParamscopeError("Targets `y_true` are expected to be a tensor of shape "
                              "`(batch_size, max_length)` in integer format. Received: "
                              f"y_true.shape={ops.shape(y_true)}")
    if len(ops.shape(y_pred)) != 3:
        raise ParamscopeError("Logits `y_pred` are expected to be a tensor of shape "
                              "`(batch_size, max_length, num_classes)`. Received: "
                              f"y_pred.shape={ops.shape(y_pred)}")
    mask_index = 0
    batch_length = ops.shape(y_pred)[0]
    input_length = ops.shape(y_pred)[1]
    input_length = input_length * ops.ones((batch_length,), dtype="int32")
    label_length = ops.cast(ops.sum(y_true != mask_index, axis=-1), dtype="int32")
    return ops.ctc_loss(y_true, y_pred, label_length, input_length, mask_index=mask_index)


def dice(y_true, y_pred, axis=None):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    intersection = ops.sum(y_true * y_pred, axis=axis)
    value = ops.divide(2.0 * intersection, ops.sum(y_true, axis=axis)
                       + ops.sum(y_pred, axis=axis) + _epsilon())
    return 1 - value


def tversky(y_true, y_pred, alpha=0.5, beta=0.5, axis=None):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    intersection = ops.sum(y_true * y_pred, axis=axis)
    fp = ops.sum((1 - y_pred) * y_true, axis=axis)
    fn = ops.sum(y_pred * (1 - y_true), axis=axis)
    value = ops.divide(intersection, intersection + fp * alpha + fn * beta + _epsilon())
    return 1 - value


def _pos_neg_masks(query_labels, key_labels, remove_diagonal=True):
    if ops.ndim(query_labels) == 1:
        query_labels = ops.reshape(query_labels, (-1, 1))
    if ops.ndim(key_labels) == 1:
        key_labels = ops.reshape(key_labels, (-1, 1))
    positive_mask = ops.equal(query_labels, ops.transpose(key_labels))
    negative_mask = ops.logical_not(positive_mask)
    if remove_diagonal:
        positive_mask = ops.logical_and(positive_mask, ~ops.eye(
            ops.size(query_labels), ops.size(key_labels), k=0, dtype="bool"))
    return positive_mask, negative_mask


def circle(y_true, y_pred, ref_labels=None, ref_embeddings=None, remove_diagonal=True,
           gamma=80, margin=0.4):
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, "int32")
    ref_embeddings = y_pred if ref_embeddings is None else ops.convert_to_tensor(ref_embeddings)
    ref_labels = y_true if ref_labels is None else ops.cast(ref_labels, "int32")
    optim_pos, optim_neg = margin, 1 + margin
    delta_pos, delta_neg = margin, 1 - margin
    distances = 1 - ops.matmul(y_pred, ops.transpose(ref_embeddings))
    distances = ops.maximum(distances, 0.0)
    positive_mask, negative_mask = _pos_neg_masks(y_true, ref_labels,
                                                  remove_diagonal=remove_diagonal)
    positive_mask = ops.cast(positive_mask, dtype=distances.dtype)
    negative_mask = ops.cast(negative_mask, dtype=distances.dtype)
    pos_weights = ops.maximum((optim_pos + distances) * positive_mask, 0.0)
    neg_weights = ops.maximum((optim_neg - distances) * negative_mask, 0.0)
    pos_wdists = -1 * gamma * pos_weights * (delta_pos - distances)
    neg_wdists = gamma * neg_weights * (delta_neg - distances)
    p_loss = ops.logsumexp(ops.where(positive_mask, pos_wdists, float("-inf")), axis=1)
    n_loss = ops.logsumexp(ops.where(negative_mask, neg_wdists, float("-inf")), axis=1)
    circle_loss = ops.softplus(p_loss + n_loss)
    circle_loss._keras_mask = circle_loss > 0
    return circle_loss


def categorical_generalized_cross_entropy(y_true, y_pred, q):
    y_true_one_hot = ops.one_hot(ops.cast(y_true, "int"), num_classes=ops.shape(y_pred)[-1])
    y_true_one_hot = ops.cast(y_true_one_hot, y_pred.dtype)
    p = ops.sum(y_pred * y_true_one_hot, axis=-1)
    return (1 - ops.power(p, q)) / q


def _tf_keras_semantics(fn):
    """``fn``, or tf.keras's loss of the same name on symbolic tensors under ``--style keras2``
    (:mod:`._legacy_losses`)."""
    import functools

    @functools.wraps(fn)
    def loss(*args, **kwargs):
        from ._legacy_losses import dispatch
        legacy = dispatch(fn.__name__, args, kwargs)
        return (legacy or fn)(*args, **kwargs)
    return loss


for _name in ("mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
              "mean_squared_logarithmic_error", "binary_crossentropy", "categorical_crossentropy",
              "sparse_categorical_crossentropy", "kl_divergence", "poisson", "cosine_similarity",
              "log_cosh", "categorical_hinge", "hinge", "squared_hinge"):
    globals()[_name] = _tf_keras_semantics(globals()[_name])
