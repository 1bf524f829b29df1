"""``keras.constraints``: Keras 3.15's weight constraints, checked and serialized as Keras
does; a script's own ``Constraint`` subclass is accepted wherever Keras accepts one.
A constraint projects weight values after each update: it never changes a shape."""

from __future__ import annotations

from ..errors import NeedsComputationError
from . import _api, _identifiers


class Constraint:
    """``keras.constraints.Constraint``: subclass it and define ``__call__(w)``."""

    def __call__(self, w):
        raise NeedsComputationError(
            f"Constraint {type(self).__name__} changes weight values during training, which "
            "paramscope does not run.")

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class MaxNorm(Constraint):
    def __init__(self, max_value=2, axis=0):
        self.max_value = max_value
        self.axis = axis

    def get_config(self):
        return {"max_value": self.max_value, "axis": self.axis}


class NonNeg(Constraint):
    pass


class UnitNorm(Constraint):
    def __init__(self, axis=0):
        self.axis = axis

    def get_config(self):
        return {"axis": self.axis}


class MinMaxNorm(Constraint):
    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def get_config(self):
        return {"min_value": self.min_value, "max_value": self.max_value, "rate": self.rate,
                "axis": self.axis}


ALL_OBJECTS = (Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm)


def _objects():
    return _identifiers.objects_dict(ALL_OBJECTS)


serialize = _identifiers.serialize
deserialize = _identifiers.deserializer(_objects)
get = _identifiers.getter("constraint", _objects, deserialize)


def __getattr__(name):
    return _api.missing_name("keras.constraints", name)


def __dir__():
    return sorted(set(_api.public_names("keras.constraints")) | set(globals()))
