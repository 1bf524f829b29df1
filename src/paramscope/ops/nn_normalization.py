"""``keras.ops.nn`` statistics and normalizations (``keras/src/ops/nn.py``): moments,
batch/layer/RMS normalization, ``normalize``, ``psnr``, ``polar``."""

from __future__ import annotations

import warnings

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._shapes import OpShapeError, canonicalize_axes, reduce_shape

__all__ = ["Moments", "moments", "BatchNorm", "batch_normalization", "LayerNorm",
           "layer_normalization", "RMSNorm", "rms_normalization", "Normalize", "normalize",
           "PSNR", "psnr", "Polar", "polar"]


class Moments(Operation):
    def __init__(self, axes, keepdims=False, synchronized=False, *, name=None):
        super().__init__(name=name)
        self.axes, self.keepdims, self.synchronized = axes, keepdims, synchronized

    def compute_output_spec(self, x):
        shape = reduce_shape(x.shape, axis=self.axes, keepdims=self.keepdims)
        return (KerasTensor(shape, dtype=x.dtype), KerasTensor(shape, dtype=x.dtype))


def moments(x, axes, keepdims=False, synchronized=False):
    return call(Moments, (x,), axes=axes, keepdims=keepdims, synchronized=synchronized)


class BatchNorm(Operation):
    def __init__(self, axis, epsilon=0.001, *, name=None):
        super().__init__(name=name)
        self.axis, self.epsilon = axis, epsilon

    @staticmethod
    def _check_shape(name, shape, expected):
        if shape != expected:
            raise OpShapeError(f"Arguments `{name}` must be a vector of length `x.shape[axis]`. "
                               f"Expected: `{expected}`. Received: `{shape}.")

    def compute_output_spec(self, x, mean, variance, offset, scale):
        shape = (x.shape[self.axis],)
        self._check_shape("mean", tuple(mean.shape), shape)
        self._check_shape("variance", tuple(variance.shape), shape)
        if offset is not None:
            self._check_shape("offset", tuple(offset.shape), shape)
        if offset is not scale:
            self._check_shape("scale", tuple(scale.shape), shape)
        return KerasTensor(x.shape, dtype=x.dtype)


def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=0.001):
    return call(BatchNorm, (x, mean, variance, offset, scale), axis=axis, epsilon=epsilon)


class LayerNorm(Operation):
    def __init__(self, axis=-1, epsilon=None, rms_scaling=False, *, name=None):
        super().__init__(name=name)
        self.axis, self.epsilon, self.rms_scaling = axis, epsilon, rms_scaling

    def compute_output_spec(self, x, gamma, beta):
        return KerasTensor(x.shape, dtype=x.dtype)


def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    rms_scaling = kwargs.pop("rms_scaling", False)
    if rms_scaling:
        warnings.warn(
            "You passed `rms_scaling=True`, which is deprecated. This argument incorrectly "
            "scales the input by the variance, not the root mean square. To correctly use RMS "
            "Normalization, please use `keras.ops.rms_normalization` / "
            "`keras.ops.nn.rms_normalization` instead.")
    return call(LayerNorm, (x, gamma, beta), axis=axis, epsilon=epsilon,
                rms_scaling=rms_scaling)


class RMSNorm(Operation):
    def __init__(self, axis=-1, epsilon=None, *, name=None):
        super().__init__(name=name)
        self.axis, self.epsilon = axis, epsilon

    def compute_output_spec(self, x, scale):
        return KerasTensor(x.shape, dtype=x.dtype)


def rms_normalization(x, scale=None, axis=-1, epsilon=None):
    return call(RMSNorm, (x,), {"scale": scale}, check=(x, scale), axis=axis, epsilon=epsilon)


class Normalize(Operation):
    def __init__(self, axis=-1, order=2, epsilon=None, *, name=None):
        super().__init__(name=name)
        self.axis, self.order, self.epsilon = axis, order, epsilon

    def compute_output_spec(self, x):
        if self.axis is not None:
            canonicalize_axes(self.axis, len(x.shape))
        return KerasTensor(x.shape)

    def concrete_output_spec(self, x):
        from .numpy_math import concrete_dtype_check
        concrete_dtype_check("rsqrt", x, "float")
        return KerasTensor(x.shape if x.shape else (1,), dtype=x.dtype)


def normalize(x, axis=-1, order=2, epsilon=None):
    if not isinstance(order, int) or not order >= 1:
        from ._base import is_symbolic
        if not is_symbolic((x,)):
            raise OpShapeError(f"Argument `order` must be an int >= 1. Received: order={order}")
    return call(Normalize, (x,), axis=axis, order=order, epsilon=epsilon)


class PSNR(Operation):
    def __init__(self, max_val, *, name=None):
        super().__init__(name=name)
        self.max_val = max_val

    def compute_output_spec(self, x1, x2):
        if len(x1.shape) != len(x2.shape):
            raise OpShapeError("Inputs must have the same rank")
        return KerasTensor(())


def psnr(x1, x2, max_val):
    return call(PSNR, (x1, x2), max_val=max_val)


class Polar(Operation):
    def compute_output_spec(self, abs_, angle):
        return KerasTensor(abs_.shape)


def polar(abs_, angle):
    return call(Polar, (abs_, angle))
