"""KerasTensor, the symbolic tensor a layer call returns, and its Keras history
(keras/src/backend/common/keras_tensor.py).  Its operators record Keras operations,
installed on first use."""

from __future__ import annotations

from .. import naming
from ..dtypes import standardize_dtype
from ..errors import NeedsComputationError
from ..shapes import standardize_shape


class KerasHistory(tuple):
    """``(operation, node_index, tensor_index)``: the call that produced a tensor (Keras's
    namedtuple, without importing collections)."""

    __slots__ = ()

    def __new__(cls, operation, node_index, tensor_index):
        return tuple.__new__(cls, (operation, node_index, tensor_index))

    operation = property(lambda self: self[0])
    layer = property(lambda self: self[0])  # tf.keras's name
    node_index = property(lambda self: self[1])
    tensor_index = property(lambda self: self[2])

    def __repr__(self):
        return (f"KerasHistory(operation={self[0]!r}, node_index={self[1]!r}, "
                f"tensor_index={self[2]!r})")


class KerasTensor:
    """A symbolic tensor: a shape, a dtype, and the call that produced it."""

    #: Keras's ``_keras_mask``: the symbolic mask a masking layer attached (or None).
    _keras_mask = None

    def __init__(self, shape, dtype="float32", sparse=False, ragged=False, name=None):
        self._shape = standardize_shape(shape)
        self.dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.name = name or naming.uniquify("keras_tensor")

    @property
    def shape(self):
        return self._shape

    @property
    def ndim(self):
        return len(self._shape)

    def __repr__(self):
        return f"<KerasTensor shape={self._shape}, dtype={self.dtype}, name={self.name}>"

    def __len__(self):
        raise TypeError("len() of a symbolic KerasTensor is not defined; use .shape")

    def __iter__(self):
        raise TypeError("a symbolic KerasTensor is not iterable; use .shape")

    def __bool__(self):
        raise NeedsComputationError(
            "A symbolic KerasTensor has no truth value: its values exist only when the model runs."
        )

    def numpy(self):
        raise NeedsComputationError(
            "A symbolic KerasTensor has no values in paramscope, only a shape "
            f"{self._shape}; values need a real Keras backend."
        )


OPERATOR_DUNDERS = (
    "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
    "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
    "__rpow__", "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__lt__",
    "__le__", "__gt__", "__ge__", "__ne__", "__matmul__", "__rmatmul__", "__neg__", "__abs__",
    "__invert__", "__getitem__", "__round__", "reshape", "squeeze")


def _first_use(dunder):
    def operator(self, *args, **kwargs):
        from .. import ops
        ops.install_operators(KerasTensor)  # replaces every stub with the real operator
        return getattr(KerasTensor, dunder)(self, *args, **kwargs)
    operator.__name__ = dunder
    return operator


for _dunder in OPERATOR_DUNDERS:
    setattr(KerasTensor, _dunder, _first_use(_dunder))


def _tensor_eq(self, other):
    """``==`` is identity (Keras 3), an operation under tf.keras semantics (``x == 0.0``)."""
    if naming.keras2_active():
        from .. import ops
        ops.install_operators(KerasTensor)
        return KerasTensor.__eq__(self, other)
    return NotImplemented


KerasTensor.__eq__ = _tensor_eq  # (set after the class: __hash__ stays object's)
