"""``keras.backend``."""

from __future__ import annotations

from ..backend_config import backend, epsilon, image_data_format
from .. import dtypes as _dtypes
from ..dtypes import floatx
from ..naming import get_uid
from . import _api
from .config import set_epsilon, set_floatx, set_image_data_format


def standardize_dtype(dtype):
    """Keras's ``standardize_dtype``: a dtype name it knows (``"float"`` is not one)."""
    if isinstance(dtype, str) and dtype not in _dtypes.ALLOWED_DTYPES and dtype != "int":
        from ..errors import ParamscopeError
        raise ParamscopeError(f"Invalid dtype: {dtype}")
    return _dtypes.standardize_dtype(dtype)


def clear_session(free_memory=True):
    """Restart layer auto-naming (``dense``, ``dense_1``, ...) and forget the global dtype
    policy (not floatx) and the other global settings, as Keras does."""
    from .. import dtypes, naming
    from . import config
    naming.clear_session()
    dtypes._state["policy"] = None
    config.reset()


def int_shape(x):
    return tuple(x.shape)


def count_params(x):
    import math
    return math.prod(x.shape)


def is_keras_tensor(x):
    from ..layers.base import KerasTensor
    return isinstance(x, KerasTensor)


def is_float_dtype(dtype):
    dtype = standardize_dtype(dtype)
    return dtype.startswith("float") or dtype.startswith("bfloat")


def is_int_dtype(dtype):
    dtype = standardize_dtype(dtype)
    return dtype.startswith("int") or dtype.startswith("uint")


def result_type(*dtypes):
    """Keras's dtype promotion (``keras.ops.result_type``)."""
    from ..ops._dtypes import result_type as keras_result_type
    return keras_result_type(*dtypes)


__all__ = ['backend', 'epsilon', 'image_data_format', 'set_epsilon', 'set_image_data_format',
           'floatx', 'set_floatx', 'standardize_dtype', 'get_uid', 'clear_session', 'int_shape',
           'count_params', 'is_keras_tensor', 'is_float_dtype', 'is_int_dtype', 'result_type']


def __getattr__(name):
    """Keras 2's functions (``K.mean``, ``K.square``...): Keras 3 keeps them in its tf.keras
    view, tf.keras (``--style keras2``) in ``keras.backend`` (:mod:`._legacy_backend`)."""
    from . import _legacy_backend
    function = _legacy_backend.lookup(name)
    if function is not None:
        return function
    if _legacy_backend.is_keras2_only(name):
        from ..errors import NotInKerasError
        raise NotInKerasError(
            f"module 'keras.backend' has no attribute {name!r}: keras.backend.{name} is "
            f"tf.keras (Keras 2) only, not part of Keras {_api_version()}'s API (nor of its "
            "tf.keras view); run the script as tf.keras does with --style keras2.")
    return _api.missing_name("keras.backend", name)


def __dir__():
    from . import _legacy_backend
    from .tensorflow import keras2_semantics
    return sorted(set(globals()) | set(_legacy_backend.names(keras2_semantics())))


def _api_version():
    from ._api_modules import KERAS_VERSION
    return KERAS_VERSION
