"""``keras.backend``."""

from __future__ import annotations

from ..backend_config import (backend, epsilon, image_data_format, set_epsilon,
                              set_image_data_format)
from ..dtypes import floatx, set_floatx, standardize_dtype
from ..naming import get_uid


def clear_session(free_memory=True):
    """Restart layer auto-naming (``dense``, ``dense_1``, ...) and forget the global dtype
    policy (not floatx), as Keras does."""
    from .. import dtypes, naming
    naming.clear_session()
    dtypes._state["policy"] = None


def int_shape(x):
    return tuple(x.shape)


def count_params(x):
    import math
    return math.prod(x.shape)


def is_keras_tensor(x):
    from ..layers.base import KerasTensor
    return isinstance(x, KerasTensor)


__all__ = ['backend', 'epsilon', 'image_data_format', 'set_epsilon', 'set_image_data_format', 'floatx', 'set_floatx', 'standardize_dtype', 'get_uid', 'clear_session', 'int_shape', 'count_params', 'is_keras_tensor']
