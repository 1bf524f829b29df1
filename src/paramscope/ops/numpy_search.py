"""``keras.ops`` searching and counting (NumPy family, ``keras/src/ops/numpy.py``):
searchsorted, digitize, bincount, histogram, unique, nonzero, unravel_index, size, ndim.

Several of them have a size that depends on the values (``nonzero``, ``unique``): on
symbolic tensors Keras leaves it unknown; on concrete values paramscope says it needs them.
"""

from __future__ import annotations

from ..layers.base import KerasTensor
from ._base import Operation, as_tensor_like, call
from ._dtypes import result_type
from ._shapes import OpShapeError, OpTypeError, canonicalize_axis

__all__ = ["SearchSorted", "searchsorted", "Digitize", "digitize", "Bincount", "bincount",
           "Histogram", "histogram", "Unique", "unique", "Nonzero", "nonzero", "UnravelIndex",
           "unravel_index", "Size", "size", "Ndim", "ndim"]

_INT32_MAX = 2 ** 31 - 1


class SearchSorted(Operation):
    def __init__(self, side="left", *, name=None):
        super().__init__(name=name)
        self.side = side

    def compute_output_spec(self, sorted_sequence, values):
        if len(sorted_sequence.shape) != 1:
            raise OpShapeError("searchsorted only supports 1-D sorted sequences. "
                               "Usekeras.ops.vectorized_map to extend to N-D sequences.")
        length = sorted_sequence.shape[0]
        dtype = "int32" if length is not None and length <= _INT32_MAX else "int64"
        return KerasTensor(values.shape, dtype=dtype)


def searchsorted(sorted_sequence, values, side="left"):
    return call(SearchSorted, (as_tensor_like(sorted_sequence), as_tensor_like(values)),
                side=side)


class Digitize(Operation):
    def concrete_output_spec(self, x, bins):
        if len(bins.shape) != 1:  # JAX wants a 1-D array of bins (Keras's rule allows 0-D)
            raise OpShapeError(f"digitize: bins must be a 1-dimensional array; got bins of "
                               f"shape {tuple(bins.shape)}")
        return self.compute_output_spec(x, bins)

    def compute_output_spec(self, x, bins):
        if len(bins.shape) > 1:
            raise OpShapeError(f"`bins` must be a 1D array. Received: bins={bins} with shape "
                               f"bins.shape={bins.shape}")
        return KerasTensor(x.shape, dtype="int32", sparse=getattr(x, "sparse", False))


def digitize(x, bins):
    return call(Digitize, (x, bins))


class Bincount(Operation):
    def __init__(self, weights=None, minlength=0, sparse=False, *, name=None):
        super().__init__(name=name)
        # ``weights`` names the (weightless) row's parameters in summaries: kept apart.
        self.bincount_weights, self.minlength, self.sparse = weights, minlength, sparse

    def compute_output_spec(self, x):
        weights = self.bincount_weights
        if isinstance(weights, KerasTensor):
            raise OpShapeError("A KerasTensor cannot be used as input to a JAX function: "
                               "keras.ops.bincount's `weights` must be a concrete tensor.")
        if weights is not None:
            dtype = result_type(x.dtype, weights.dtype)
        else:
            dtype = "int32"
        sparse = getattr(x, "sparse", False) or self.sparse
        return KerasTensor(list(x.shape[:-1]) + [None], dtype=dtype, sparse=sparse)


def bincount(x, weights=None, minlength=0, sparse=False):
    return call(Bincount, (x,), weights=weights, minlength=minlength, sparse=sparse)


class Histogram(Operation):
    def __init__(self, bins=10, range=None, *, name=None):  # noqa: A002 - Keras's name
        super().__init__(name=name)
        _check_histogram_args(bins, range)
        self.bins, self.range = bins, range

    def compute_output_spec(self, x):
        return (KerasTensor((self.bins,), dtype=x.dtype),
                KerasTensor((self.bins + 1,), dtype=x.dtype))


def _check_histogram_args(bins, value_range):
    if not isinstance(bins, int):
        raise OpTypeError(f"Argument `bins` must be of type `int`. Received: bins={bins}")
    if bins < 0:
        raise OpShapeError(f"Argument `bins` should be a non-negative integer. Received: "
                           f"bins={bins}")
    if value_range:
        if len(value_range) < 2 or not isinstance(value_range, tuple):
            raise OpShapeError("Argument `range` must be a tuple of two elements. Received: "
                               f"range={value_range}")
        if value_range[1] < value_range[0]:
            raise OpShapeError("The second element of `range` must be greater than the first. "
                               f"Received: range={value_range}")


def histogram(x, bins=10, range=None):  # noqa: A002 - Keras's name
    _check_histogram_args(bins, range)
    x = as_tensor_like(x)
    if not isinstance(x, KerasTensor) and len(x.shape) > 1:
        raise OpShapeError(f"Input tensor must be 1-dimensional. Received: input.shape={x.shape}")
    return call(Histogram, (x,), bins=bins, range=range)


class Unique(Operation):
    def __init__(self, sorted=True, return_index=False, return_inverse=False,  # noqa: A002
                 return_counts=False, axis=None, size=None, fill_value=None, *, name=None):
        super().__init__(name=name)
        self.sorted, self.return_index = sorted, return_index
        self.return_inverse, self.return_counts = return_inverse, return_counts
        self.axis, self.size, self.fill_value = axis, size, fill_value

    def compute_output_spec(self, x):
        shape = list(x.shape)
        u_dim = self.size
        if self.axis is None:
            values_shape = (u_dim,)
        else:
            values_shape = list(shape)
            values_shape[canonicalize_axis(self.axis, len(shape))] = u_dim
        outputs = [KerasTensor(tuple(values_shape), dtype=x.dtype)]
        if self.return_index:
            outputs.append(KerasTensor((u_dim,), dtype="int32"))
        if self.return_inverse:
            inverse = x.shape if self.axis is None else \
                (shape[canonicalize_axis(self.axis, len(shape))],)
            outputs.append(KerasTensor(tuple(inverse), dtype="int32"))
        if self.return_counts:
            outputs.append(KerasTensor((u_dim,), dtype="int32"))
        return outputs[0] if len(outputs) == 1 else tuple(outputs)


def unique(x, sorted=True, return_index=False, return_inverse=False,  # noqa: A002
           return_counts=False, axis=None, size=None, fill_value=None):
    return call(Unique, (x,), sorted=sorted, return_index=return_index,
                return_inverse=return_inverse, return_counts=return_counts, axis=axis,
                size=size, fill_value=fill_value)


class Nonzero(Operation):
    def compute_output_spec(self, x):
        return tuple(KerasTensor((None,), dtype="int32") for _ in range(len(x.shape)))


def nonzero(x):
    return call(Nonzero, (x,))


class UnravelIndex(Operation):
    def __init__(self, shape, *, name=None):
        super().__init__(name=name)
        self.shape = shape

    def compute_output_spec(self, indices):
        if None in self.shape:
            shapes = [[None] for _ in self.shape]
        elif isinstance(indices, int):
            shapes = [[1] for _ in self.shape]
        else:
            shapes = [list(indices.shape) for _ in self.shape]
        return [KerasTensor(shape, dtype=indices.dtype) for shape in shapes]

    def concrete_output_spec(self, indices):
        return tuple(self.compute_output_spec(indices))  # JAX gives a tuple of arrays


def unravel_index(indices, shape):
    from ._base import PythonScalar, is_symbolic
    if not is_symbolic((indices,)) and isinstance(indices, int):
        indices = PythonScalar(indices)  # JAX: an int32 scalar per dimension
        indices.dtype = "int32"
    return call(UnravelIndex, (indices,), shape=shape)


class Size(Operation):
    def compute_output_spec(self, x):
        return KerasTensor([], dtype="int32")


def size(x):
    from ._base import is_symbolic
    if is_symbolic((x,)):
        return Size().symbolic_call(x)
    from ._shapes import prod_or_none
    return prod_or_none(as_tensor_like(x).shape if not isinstance(x, (int, float, bool))
                        else ())


class Ndim(Operation):
    def compute_output_spec(self, x):
        return KerasTensor([len(x.shape)])


def ndim(x):
    from ._base import is_symbolic
    if is_symbolic((x,)):
        return Ndim().symbolic_call(x)
    return len(as_tensor_like(x).shape) if not isinstance(x, (int, float, bool)) else 0
