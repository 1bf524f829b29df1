"""``keras.optimizers.legacy``: Keras 3 refuses these optimizers (tf-keras has them)."""

from __future__ import annotations

from .. import _api


class Optimizer:
    """Keras 3's ``LegacyOptimizerWarning``: constructing any of these raises ImportError."""

    def __init__(self, *args, **kwargs):
        raise ImportError(
            "`keras.optimizers.legacy` is not supported in Keras 3. When using `tf.keras`, to "
            "continue using a `tf.keras.optimizers.legacy` optimizer, you can install the "
            "`tf_keras` package (Keras 2) and set the environment variable "
            "`TF_USE_LEGACY_KERAS=True` to configure TensorFlow to use `tf_keras` when "
            "accessing `tf.keras`.")


Adagrad = Adam = Ftrl = RMSprop = SGD = Optimizer


def __getattr__(name):
    return _api.missing_name("keras.optimizers.legacy", name)
