"""``keras.mixed_precision`` (Keras 3 keeps these legacy names)."""

from __future__ import annotations

from ..dtypes import DTypePolicy
from . import _api
from .dtype_policies import dtype_policy, set_dtype_policy
from .optimizers import LossScaleOptimizer

Policy = DTypePolicy
global_policy = dtype_policy
set_global_policy = set_dtype_policy

__all__ = ['DTypePolicy', 'Policy', 'dtype_policy', 'global_policy', 'set_dtype_policy',
           'set_global_policy', 'LossScaleOptimizer']


def __getattr__(name):
    return _api.missing_name("keras.mixed_precision", name)
