"""``keras.regularizers``: Keras 3.15's weight regularizers, checked and serialized as Keras
does; a script's own ``Regularizer`` subclass is accepted wherever Keras accepts one.
Regularization only adds to the loss during training: it never changes a weight's shape."""

from __future__ import annotations

import math
import struct

from ..errors import NeedsComputationError, ParamscopeError
from . import _api, _identifiers


def _float32(value):
    """``float(ops.convert_to_tensor(value))``: the value as a float32 tensor gives it."""
    return struct.unpack("f", struct.pack("f", value))[0]


def validate_float_arg(value, name):
    if (not isinstance(value, (float, int)) or (math.isinf(value) or math.isnan(value))
            or value < 0):
        raise ParamscopeError(f"Invalid value for argument {name}: expected a non-negative "
                              f"float.Received: {name}={value}")
    return float(value)


class Regularizer:
    """``keras.Regularizer``: subclass it and define ``__call__(x)`` and ``get_config()``."""

    def __call__(self, x):
        raise NeedsComputationError(
            f"Regularizer {type(self).__name__} computes a penalty from weight values during "
            "training, which paramscope does not run.")

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def get_config(self):
        raise NotImplementedError(f"{self} does not implement get_config()")


class L1L2(Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = validate_float_arg(0.0 if l1 is None else l1, name="l1")
        self.l2 = validate_float_arg(0.0 if l2 is None else l2, name="l2")

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


class L1(Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = validate_float_arg(0.01 if l1 is None else l1, name="l1")

    def get_config(self):
        return {"l1": _float32(self.l1)}


class L2(Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = validate_float_arg(0.01 if l2 is None else l2, name="l2")

    def get_config(self):
        return {"l2": self.l2}


class OrthogonalRegularizer(Regularizer):
    def __init__(self, factor=0.01, mode="rows"):
        self.factor = validate_float_arg(factor, name="factor")
        if mode not in {"rows", "columns"}:
            raise ParamscopeError('Invalid value for argument `mode`. Expected one of {"rows", '
                                  f'"columns"}}. Received: mode={mode}')
        self.mode = mode

    def get_config(self):
        return {"factor": _float32(self.factor), "mode": self.mode}


ALL_OBJECTS = (Regularizer, L1, L2, L1L2, OrthogonalRegularizer)


def _objects():
    return _identifiers.objects_dict(ALL_OBJECTS)


serialize = _identifiers.serialize
deserialize = _identifiers.deserializer(_objects)
get = _identifiers.getter("regularizer", _objects, deserialize)


def __getattr__(name):
    return _api.missing_name("keras.regularizers", name)


def __dir__():
    return sorted(set(_api.public_names("keras.regularizers")) | set(globals()))
