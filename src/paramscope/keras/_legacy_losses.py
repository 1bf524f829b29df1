"""tf.keras's loss functions (``tf_keras/src/losses.py``, tf-keras 2.21) on symbolic tensors,
for ``--style keras2``: each runs the TensorFlow operations tf.keras runs, so a Functional model
records tf.keras's ``TFOpLambda`` rows (``keras.losses.binary_crossentropy(a, b)`` is
``tf.convert_to_tensor``, ``tf.cast``, ``tf.keras.backend.binary_crossentropy`` and
``tf.math.reduce_mean``).  ``hinge``/``squared_hinge`` branch on their labels' values
(``smart_cond``), which a KerasTensor cannot give: TensorFlow's dispatch records them whole
(``tf.keras.metrics.hinge``) after the operations they tried took their names.

:func:`dispatch` gives the function for a loss name, or None (Keras 3's port then runs).
"""

from __future__ import annotations

from .. import backend_config, naming
from . import tensorflow as T
from ._legacy_backend import lookup, tf


def _k(name):
    return lookup(name)


def _prepare(y_true, y_pred):
    y_pred = tf("convert_to_tensor", y_pred)
    return tf("cast", y_true, y_pred.dtype), y_pred


def mean_squared_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    return _k("mean")(tf("math.squared_difference", y_pred, y_true), axis=-1)


def mean_absolute_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    return _k("mean")(tf("abs", y_pred - y_true), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    diff = tf("abs", (y_true - y_pred) / _k("maximum")(tf("abs", y_true),
                                                       backend_config.epsilon()))
    return 100.0 * _k("mean")(diff, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    epsilon = backend_config.epsilon()
    first_log = tf("math.log", _k("maximum")(y_pred, epsilon) + 1.0)
    second_log = tf("math.log", _k("maximum")(y_true, epsilon) + 1.0)
    return _k("mean")(tf("math.squared_difference", first_log, second_log), axis=-1)


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_true, y_pred = _prepare(y_true, y_pred)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return _k("mean")(_k("binary_crossentropy")(y_true, y_pred, from_logits=from_logits),
                      axis=axis)


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_true, y_pred = _prepare(y_true, y_pred)
    if label_smoothing:
        num_classes = tf("cast", tf("shape", y_true)[axis], y_pred.dtype)
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / num_classes
    return _k("categorical_crossentropy")(y_true, y_pred, from_logits=from_logits, axis=axis)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, axis=-1,
                                    ignore_class=None):
    return _k("sparse_categorical_crossentropy")(y_true, y_pred, from_logits=from_logits,
                                                 axis=axis, ignore_class=ignore_class)


def kl_divergence(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    epsilon = backend_config.epsilon()
    y_true = _k("clip")(y_true, epsilon, 1)
    y_pred = _k("clip")(y_pred, epsilon, 1)
    return tf("reduce_sum", y_true * tf("math.log", y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    return _k("mean")(y_pred - y_true * tf("math.log", y_pred + backend_config.epsilon()),
                      axis=-1)


def cosine_similarity(y_true, y_pred, axis=-1):
    y_true = tf("linalg.l2_normalize", y_true, axis=axis)
    y_pred = tf("linalg.l2_normalize", y_pred, axis=axis)
    return -tf("reduce_sum", y_true * y_pred, axis=axis)


def log_cosh(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    x = y_pred - y_true
    return _k("mean")(x + tf("math.softplus", -2.0 * x) - tf("cast", tf("math.log", 2.0),
                                                               x.dtype), axis=-1)


def categorical_hinge(y_true, y_pred):
    y_true, y_pred = _prepare(y_true, y_pred)
    pos = tf("reduce_sum", y_true * y_pred, axis=-1)
    neg = tf("reduce_max", (1.0 - y_true) * y_pred, axis=-1)
    zero = tf("cast", 0.0, y_pred.dtype)
    return tf("maximum", neg - pos + 1.0, zero)


#: what tf.keras's hinge losses run on a KerasTensor before smart_cond fails on it
_HINGE_TRIED = ("convert_to_tensor", "cast", "math.equal", "math.equal", "math.logical_or",
                "math.reduce_all")


def _recorded_whole(name):
    def loss(y_true, y_pred):
        for symbol in _HINGE_TRIED:
            naming.uniquify(f"tf.{symbol}")
        return T.tf_op_layer(f"keras.metrics.{name}")(y_true, y_pred=y_pred)
    loss.__name__ = name
    return loss


FUNCTIONS = {fn.__name__: fn for fn in (
    mean_squared_error, mean_absolute_error, mean_absolute_percentage_error,
    mean_squared_logarithmic_error, binary_crossentropy, categorical_crossentropy,
    sparse_categorical_crossentropy, kl_divergence, poisson, cosine_similarity, log_cosh,
    categorical_hinge)}
FUNCTIONS.update(hinge=_recorded_whole("hinge"), squared_hinge=_recorded_whole("squared_hinge"))


def dispatch(name, args, kwargs):
    """tf.keras's loss ``name`` when tf.keras semantics apply to these arguments (symbolic
    tensors outside a call, under ``--style keras2``), else None."""
    from ..ops import is_tracing
    fn = FUNCTIONS.get(name)
    if fn is None or not T.keras2_semantics() or is_tracing() or \
            not T.is_symbolic(*args, *kwargs.values()):
        return None
    return fn
