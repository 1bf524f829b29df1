"""Weight: a layer's variable as a name, a shape and a dtype (never any values)."""

from __future__ import annotations

import math

from ..dtypes import dtype_bits
from ..errors import NeedsComputationError


class Weight:
    """A weight: a name, a shape, a dtype and whether it is trained.

    Nothing is allocated; ``size`` is a Python int however large the shape.
    """

    __slots__ = ("name", "shape", "dtype", "trainable", "layer", "initializer", "_path",
                 "__weakref__")

    def __init__(self, name, shape, dtype="float32", trainable=True, layer=None, initializer=None):
        self.name = name
        self.shape = tuple(shape)
        self.dtype = dtype
        self.trainable = trainable
        self.layer = layer
        self.initializer = initializer
        #: Keras's path when the weight was created inside another layer's build
        #: (``lstm/lstm_cell/kernel``); set by that layer.
        self._path = None

    @property
    def path(self) -> str:
        if self._path is not None:
            return self._path
        return f"{self.layer.name}/{self.name}" if self.layer is not None else self.name

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    @property
    def nbits(self) -> int:
        return self.size * dtype_bits(self.dtype)

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def numpy(self):
        raise NeedsComputationError(
            f"Weight '{self.path}' has no values in paramscope (only its shape {self.shape}). "
            "Use model.get_weights() for arrays of the right shapes."
        )

    def assign(self, value):
        """``variable.assign(value)``: the value's shape must be the weight's (Keras's check);
        paramscope keeps shapes, not values."""
        from ..keras.variables import check_assign
        check_assign(self, value)
        return value

    assign_add = assign_sub = assign

    def __repr__(self):
        return f"<Weight path={self.path}, shape={self.shape}, dtype={self.dtype}, trainable={self.trainable}>"
