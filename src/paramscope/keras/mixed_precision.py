"""``keras.mixed_precision``."""

from __future__ import annotations

from ..dtypes import DTypePolicy, global_policy, set_global_policy

Policy = DTypePolicy


def LossScaleOptimizer(optimizer, *args, **kwargs):
    return optimizer


__all__ = ['DTypePolicy', 'Policy', 'global_policy', 'set_global_policy', 'LossScaleOptimizer']
