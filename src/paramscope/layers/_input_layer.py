"""InputLayer and ``keras.Input`` (keras/src/layers/core/input_layer.py)."""

from __future__ import annotations

from ..dtypes import standardize_dtype
from ..errors import LayerError, ShapeError
from ..shapes import standardize_shape
from ._node import Node
from ._tensor import KerasTensor
from .base import Layer


class InputLayer(Layer):
    """The layer behind ``keras.Input``: no weights, one output of a fixed shape."""

    def __init__(self, shape=None, batch_size=None, dtype=None, sparse=None, ragged=None,
                 batch_shape=None, input_tensor=None, optional=False, name=None, **kwargs):
        if "input_shape" in kwargs:
            shape = kwargs.pop("input_shape")
        if "batch_input_shape" in kwargs:
            batch_shape = kwargs.pop("batch_input_shape")
        for legacy in ("trainable",):
            kwargs.pop(legacy, None)
        super().__init__(name=name, **kwargs)
        if input_tensor is not None:
            batch_shape = input_tensor.shape
            dtype = input_tensor.dtype
        else:
            if shape is not None and batch_shape is not None:
                raise LayerError("You cannot pass both `shape` and `batch_shape` at the same time.")
            if batch_size is not None and batch_shape is not None:
                raise LayerError("You cannot pass both `batch_size` and `batch_shape` at the same time.")
            if shape is None and batch_shape is None:
                raise LayerError(
                    f"InputLayer '{self.name}': you must pass a `shape` argument, e.g. "
                    "keras.Input(shape=(28, 28, 1)).")
            if shape is not None:
                try:
                    shape = standardize_shape(shape)
                except ShapeError as e:
                    raise LayerError(f"InputLayer '{self.name}': invalid shape={shape!r}: {e}") from None
                batch_shape = (batch_size,) + shape
        try:
            self._batch_shape = standardize_shape(batch_shape)
        except ShapeError as e:
            raise LayerError(f"InputLayer '{self.name}': invalid batch_shape={batch_shape!r}: {e}") from None
        self._dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.optional = optional
        if input_tensor is None:
            input_tensor = KerasTensor(self._batch_shape, dtype=self._dtype, sparse=self.sparse,
                                       ragged=self.ragged, name=name)
        self._input_tensor = input_tensor
        Node(self, call_args=(), call_kwargs={}, outputs=input_tensor)
        self.built = True

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def dtype(self):
        return self._dtype

    def get_config(self):
        return {"batch_shape": list(self._batch_shape), "dtype": self._dtype,
                "sparse": self.sparse, "ragged": self.ragged, "name": self.name,
                "optional": self.optional}


def Input(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None, batch_shape=None,
          name=None, tensor=None, optional=False):
    """``keras.Input``: a symbolic tensor fed by a new InputLayer."""
    layer = InputLayer(shape=shape, batch_size=batch_size, dtype=dtype, sparse=sparse,
                       ragged=ragged, batch_shape=batch_shape, name=name, input_tensor=tensor,
                       optional=optional)
    return layer.output


# Python's operators on KerasTensor record Keras operations (paramscope.ops).  They are
# installed when first used, so that a model without them never imports paramscope.ops.
