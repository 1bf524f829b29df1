"""``keras.config``."""

from __future__ import annotations

from ..backend_config import (backend, epsilon, image_data_format, set_epsilon,
                              set_image_data_format)
from ..dtypes import floatx, global_policy, set_floatx, set_global_policy


def set_dtype_policy(policy):
    set_global_policy(policy)


def dtype_policy():
    return global_policy()


def enable_unsafe_deserialization():
    """Accepted; paramscope never runs code from model files anyway."""


def disable_interactive_logging():
    pass


def enable_interactive_logging():
    pass


__all__ = ['backend', 'epsilon', 'image_data_format', 'set_epsilon', 'set_image_data_format', 'floatx', 'set_floatx', 'set_dtype_policy', 'dtype_policy', 'enable_unsafe_deserialization', 'disable_interactive_logging', 'enable_interactive_logging']
