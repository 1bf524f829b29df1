"""``keras.config``: Keras 3.15's global settings.

The ones that change shapes or dtypes act on paramscope's models as on Keras's:
``set_floatx`` (the dtype of weights created afterwards), ``set_image_data_format`` (the
default ``data_format`` of convolution, pooling, ... layers), ``set_dtype_policy`` (mixed
precision, quantized policies).  The others (traceback filtering, interactive logging, flash
attention, unsafe deserialization, epoch limits) are kept and read back as Keras keeps them.
"""

from __future__ import annotations

from .. import backend_config, dtypes
from ..backend_config import backend, epsilon, image_data_format
from ..dtypes import floatx
from ..errors import ParamscopeError
from . import _api
from .dtype_policies import dtype_policy, set_dtype_policy

#: Settings without an effect on shapes (``keras.utils.clear_session()`` resets them, as
#: Keras's clears its global state).
_DEFAULTS = {"traceback_filtering": True, "interactive_logging": True, "flash_attention": None,
             "safe_mode_saving": None, "max_epochs": None, "max_steps_per_epoch": None}
_settings = dict(_DEFAULTS)

_FLOATX = ("bfloat16", "float16", "float32", "float64")
_BACKENDS = ("tensorflow", "jax", "torch", "numpy", "openvino")


def reset():
    _settings.clear()
    _settings.update(_DEFAULTS)


def set_floatx(value):
    """The default float dtype of weights (and of inputs)."""
    if value not in _FLOATX:
        raise ParamscopeError(f"Unknown `floatx` value: {value}. Expected one of "
                              f"{set(_FLOATX)}")
    dtypes.set_floatx(str(value))


def set_image_data_format(data_format):
    """The default ``data_format`` of the layers created afterwards."""
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError("The `data_format` argument must be one of {'channels_first', "
                              f"'channels_last'}}. Received: data_format={data_format}")
    backend_config.set_image_data_format(data_format)


def set_epsilon(value):
    backend_config.set_epsilon(value)


def set_backend(backend):
    """Keras reloads itself with another backend; paramscope records the name (it decides
    only the few backend-dependent behaviours, e.g. TensorFlow-only layer options)."""
    if backend not in _BACKENDS:
        raise ParamscopeError(f"Unable to import backend : {backend}")
    backend_config.set_backend(backend)


def enable_traceback_filtering():
    _settings["traceback_filtering"] = True


def disable_traceback_filtering():
    _settings["traceback_filtering"] = False


def is_traceback_filtering_enabled():
    return _settings["traceback_filtering"]


def enable_interactive_logging():
    _settings["interactive_logging"] = True


def disable_interactive_logging():
    _settings["interactive_logging"] = False


def is_interactive_logging_enabled():
    return _settings["interactive_logging"]


def enable_flash_attention():
    _settings["flash_attention"] = None


def disable_flash_attention():
    _settings["flash_attention"] = False


def is_flash_attention_enabled():
    return _settings["flash_attention"]


def enable_unsafe_deserialization():
    """Accepted; paramscope never runs code from serialized configs or model files anyway."""
    _settings["safe_mode_saving"] = False


def is_nnx_enabled():
    return False


def set_max_epochs(max_epochs):
    _settings["max_epochs"] = max_epochs


def max_epochs():
    return _settings["max_epochs"]


def set_max_steps_per_epoch(max_steps_per_epoch):
    _settings["max_steps_per_epoch"] = max_steps_per_epoch


def max_steps_per_epoch():
    return _settings["max_steps_per_epoch"]


def __getattr__(name):
    return _api.missing_name("keras.config", name)
