"""``keras.ops`` reductions, statistics, cumulative sums and sorting (NumPy family,
``keras/src/ops/numpy.py``), with Keras's shape and dtype rules."""

from __future__ import annotations

from ..dtypes import floatx
from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import dtype_of, is_float_dtype, is_int_dtype, result_type, standardize_dtype
from ._shapes import (OpShapeError, canonicalize_axis, prod_or_none, reduce_shape, shape_equal)

__all__ = []


def _export(*names):
    __all__.extend(names)


# --------------------------------------------------------------------------------------
# reductions over axes
# --------------------------------------------------------------------------------------

def _same(x):
    return x.dtype


def _as_list_axis(axis):
    return [axis] if isinstance(axis, int) else axis


def _sum_dtype(x):
    dtype = result_type(dtype_of(x, floatx()))
    if dtype in ("bool", "int8", "int16"):
        return "int32"
    return "uint32" if dtype in ("uint8", "uint16") else dtype


def _prod_dtype(x):
    dtype = standardize_dtype(x.dtype)
    if dtype in ("bool", "int8", "int16"):
        return "int32"
    return "uint32" if dtype in ("uint8", "uint16") else dtype


def _mean_dtype(x):
    original = standardize_dtype(x.dtype)
    return result_type(x.dtype, "float32") if "int" in original or original == "bool" \
        else original


def _float_unless_int64(x):
    return floatx() if standardize_dtype(x.dtype) == "int64" else result_type(x.dtype, float)


def _promote_float(x):
    return result_type(dtype_of(x), float)


def _std_dtype(x):
    dtype = standardize_dtype(x.dtype)
    return floatx() if "int" in dtype or dtype == "bool" else dtype


def _nan_minmax_dtype(x):
    return result_type(dtype_of(x, floatx()))


def _nanmean_dtype(x):
    return result_type(x.dtype, float)


class Reduction(Operation):
    """A reduction over ``axis`` (``keepdims``); ``dtype_rule`` gives the result dtype.
    ``listed_axis``: Keras stores an int axis as a one-element list."""

    dtype_rule = staticmethod(_same)
    keeps_sparse = False
    listed_axis = True

    def __init__(self, axis=None, keepdims=False, *, name=None):
        super().__init__(name=name)
        self.axis = _as_list_axis(axis) if self.listed_axis else axis
        self.keepdims = keepdims

    def compute_output_spec(self, x):
        sparse = getattr(x, "sparse", False) if self.keeps_sparse else False
        return KerasTensor(reduce_shape(x.shape, axis=self.axis, keepdims=self.keepdims),
                           dtype=self.dtype_rule(x), sparse=sparse)


def _reduction(cls_name, fn_name, rule, keeps_sparse=False, listed_axis=True):
    cls = type(cls_name, (Reduction,), {"__module__": __name__, "keeps_sparse": keeps_sparse,
                                        "listed_axis": listed_axis,
                                        "dtype_rule": staticmethod(rule)})

    def function(x, axis=None, keepdims=False):
        return call(cls, (x,), axis=axis, keepdims=keepdims)
    function.__name__ = function.__qualname__ = fn_name
    function.__doc__ = f"``keras.ops.{fn_name}(x, axis=None, keepdims=False)``."
    globals()[cls_name] = cls
    globals()[fn_name] = function
    _export(cls_name, fn_name)
    return cls


_reduction("All", "all", lambda x: "bool")
_reduction("Any", "any", lambda x: "bool")
_reduction("Amax", "amax", _same)
_reduction("Amin", "amin", _same)
_reduction("Median", "median", _float_unless_int64)
_reduction("Std", "std", _std_dtype)
_reduction("Var", "var", _promote_float)
_reduction("Sum", "sum", _sum_dtype, keeps_sparse=True)
_reduction("Mean", "mean", _mean_dtype, keeps_sparse=True)
_reduction("Nanmax", "nanmax", _nan_minmax_dtype, listed_axis=False)
_reduction("Nanmin", "nanmin", _nan_minmax_dtype, listed_axis=False)
_reduction("Nanmean", "nanmean", _nanmean_dtype, listed_axis=False)
_reduction("Nanmedian", "nanmedian", _nanmean_dtype, listed_axis=False)
_reduction("Nanprod", "nanprod", _prod_dtype, listed_axis=False)
_reduction("Nansum", "nansum", _sum_dtype, keeps_sparse=True, listed_axis=False)
_reduction("Nanstd", "nanstd", _promote_float, listed_axis=False)
_reduction("Nanvar", "nanvar", _promote_float, listed_axis=False)
_reduction("Ptp", "ptp", lambda x: standardize_dtype(x.dtype), listed_axis=False)


class Max(Reduction):
    def __init__(self, axis=None, keepdims=False, initial=None, *, name=None):
        super().__init__(axis=axis, keepdims=keepdims, name=name)
        self.initial = initial


class Min(Max):
    pass


def max(x, axis=None, keepdims=False, initial=None):  # noqa: A001 - Keras's name
    return call(Max, (x,), axis=axis, keepdims=keepdims, initial=initial)


def min(x, axis=None, keepdims=False, initial=None):  # noqa: A001 - Keras's name
    return call(Min, (x,), axis=axis, keepdims=keepdims, initial=initial)


class Prod(Reduction):
    def __init__(self, axis=None, keepdims=False, dtype=None, *, name=None):
        super().__init__(axis=axis, keepdims=keepdims, name=name)
        self.dtype = dtype

    def compute_output_spec(self, x):
        dtype = self.dtype if self.dtype is not None else _prod_dtype(x)
        return KerasTensor(reduce_shape(x.shape, axis=self.axis, keepdims=self.keepdims),
                           dtype=dtype)


def prod(x, axis=None, keepdims=False, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    return call(Prod, (x,), axis=axis, keepdims=keepdims, dtype=dtype)


class Argmax(Reduction):
    listed_axis = False
    dtype_rule = staticmethod(lambda x: "int32")


class Argmin(Argmax):
    pass


class Nanargmax(Argmax):
    def compute_output_spec(self, x):
        axis = [self.axis] if self.axis is not None else None
        return KerasTensor(reduce_shape(x.shape, axis=axis, keepdims=self.keepdims),
                           dtype="int32")


class Nanargmin(Nanargmax):
    pass


def argmax(x, axis=None, keepdims=False):
    return call(Argmax, (x,), axis=axis, keepdims=keepdims)


def argmin(x, axis=None, keepdims=False):
    return call(Argmin, (x,), axis=axis, keepdims=keepdims)


def nanargmax(x, axis=None, keepdims=False):
    return call(Nanargmax, (x,), axis=axis, keepdims=keepdims)


def nanargmin(x, axis=None, keepdims=False):
    return call(Nanargmin, (x,), axis=axis, keepdims=keepdims)


class CountNonzero(Operation):
    def __init__(self, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = (axis,) if isinstance(axis, int) else axis

    def compute_output_spec(self, x):
        return KerasTensor(reduce_shape(x.shape, axis=self.axis), dtype="int32")


def count_nonzero(x, axis=None):
    return call(CountNonzero, (x,), axis=axis)


_export("Max", "Min", "max", "min", "Prod", "prod", "Argmax", "Argmin", "Nanargmax",
        "Nanargmin", "argmax", "argmin", "nanargmax", "nanargmin", "CountNonzero",
        "count_nonzero")


class Average(Operation):
    def __init__(self, axis=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x, weights=None):
        dtypes = [dtype_of(x), float]
        if weights is not None:
            shape_match = shape_equal(x.shape, weights.shape, allow_none=True)
            if self.axis is not None:
                on_axis = shape_equal([x.shape[self.axis]], weights.shape, allow_none=True)
            dtypes.append(dtype_of(weights))
        dtype = result_type(*dtypes)
        if self.axis is None:
            if weights is None or shape_match:
                return KerasTensor((), dtype=dtype)
            raise OpShapeError(
                "`weights` must have the same shape as `x` when `axis=None`, but received "
                f"`weights.shape={weights.shape}` and `x.shape={x.shape}`.")
        if weights is None or on_axis or shape_match:
            return KerasTensor(reduce_shape(x.shape, axis=[self.axis]), dtype=dtype)
        raise OpShapeError(
            f"`weights` must have the same size as `x` at `axis={self.axis}` but received "
            f"`weights.shape={weights.shape}` while x.shape at `{self.axis}` is "
            f"`{x.shape[self.axis]}`.")


def average(x, axis=None, weights=None):
    return call(Average, (x,), {"weights": weights}, check=(x,), axis=axis)


_export("Average", "average")


# --------------------------------------------------------------------------------------
# quantiles
# --------------------------------------------------------------------------------------

class Quantile(Operation):
    """Quantiles ``q`` over ``axis``: a leading axis for several ``q``."""

    listed_axis = True
    counts_single_list = False  # Keras's quantile adds an axis only for len(q) > 1

    def __init__(self, axis=None, method="linear", keepdims=False, *, name=None):
        super().__init__(name=name)
        self.axis = _as_list_axis(axis) if self.listed_axis else axis
        self.method = method
        self.keepdims = keepdims

    def output_dtype(self, x):
        if standardize_dtype(x.dtype) == "int64":
            return floatx()
        return result_type(x.dtype, float)

    def compute_output_spec(self, x, q):
        shape = reduce_shape(x.shape, axis=self.axis, keepdims=self.keepdims)
        if hasattr(q, "shape"):
            if len(q.shape) > 0:
                shape = (q.shape[0],) + shape
        elif isinstance(q, (list, tuple)) and (self.counts_single_list or len(q) > 1):
            shape = (len(q),) + shape
        return KerasTensor(shape, dtype=self.output_dtype(x))


class Nanquantile(Quantile):
    listed_axis = False


class Percentile(Quantile):
    listed_axis = False
    counts_single_list = True

    def output_dtype(self, x):
        return x.dtype if is_float_dtype(x.dtype) else floatx()


class Nanpercentile(Percentile):
    def output_dtype(self, x):
        return floatx() if is_int_dtype(x.dtype) else result_type(x.dtype, float)


def quantile(x, q, axis=None, method="linear", keepdims=False):
    return call(Quantile, (x, q), axis=axis, method=method, keepdims=keepdims)


def nanquantile(x, q, axis=None, method="linear", keepdims=False):
    return call(Nanquantile, (x, q), axis=axis, method=method, keepdims=keepdims)


def percentile(x, q, axis=None, method="linear", keepdims=False):
    return call(Percentile, (x, q), axis=axis, method=method, keepdims=keepdims)


def nanpercentile(x, q, axis=None, method="linear", keepdims=False):
    return call(Nanpercentile, (x, q), axis=axis, method=method, keepdims=keepdims)


_export("Quantile", "Nanquantile", "Percentile", "Nanpercentile", "quantile", "nanquantile",
        "percentile", "nanpercentile")


# --------------------------------------------------------------------------------------
# cumulative, sorting
# --------------------------------------------------------------------------------------

class Cumsum(Operation):
    checks_axis = True

    def __init__(self, axis=None, dtype=None, *, name=None):
        super().__init__(name=name)
        self.axis = axis
        self.dtype = dtype

    def compute_output_spec(self, x):
        if self.axis is None:
            shape = (prod_or_none(x.shape),)
        else:
            if self.checks_axis:
                canonicalize_axis(self.axis, len(x.shape))
            shape = x.shape
        dtype = standardize_dtype(x.dtype) if self.dtype is None else self.dtype
        return KerasTensor(shape, "int32" if dtype == "bool" else dtype)


class Cumprod(Cumsum):
    pass


class Nancumsum(Cumsum):
    checks_axis = False


class Nancumprod(Nancumsum):
    pass


def cumsum(x, axis=None, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    return call(Cumsum, (x,), axis=axis, dtype=dtype)


def cumprod(x, axis=None, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    return call(Cumprod, (x,), axis=axis, dtype=dtype)


def nancumsum(x, axis=None, dtype=None):
    return call(Nancumsum, (x,), axis=axis, dtype=dtype)


def nancumprod(x, axis=None, dtype=None):
    return call(Nancumprod, (x,), axis=axis, dtype=dtype)


class Sort(Operation):
    result_dtype = None

    def __init__(self, axis=-1, *, name=None):
        super().__init__(name=name)
        self.axis = axis

    def compute_output_spec(self, x):
        dtype = self.result_dtype or x.dtype
        if self.axis is None:
            return KerasTensor((prod_or_none(x.shape),), dtype)
        canonicalize_axis(self.axis, len(x.shape))
        return KerasTensor(x.shape, dtype)


class Argsort(Sort):
    result_dtype = "int32"


def sort(x, axis=-1):
    return call(Sort, (x,), axis=axis)


def argsort(x, axis=-1):
    return call(Argsort, (x,), axis=axis)


class Argpartition(Operation):
    def __init__(self, kth, axis=-1, *, name=None):
        super().__init__(name=name)
        if not isinstance(kth, int):
            raise OpShapeError(f"kth must be an integer. Received:kth = {kth}")
        self.kth = kth
        self.axis = axis

    def compute_output_spec(self, x):
        shape = x.shape
        if self.axis is None:
            shape = (prod_or_none(shape),)
        return KerasTensor(shape, dtype="int32")


def argpartition(x, kth, axis=-1):
    return call(Argpartition, (x,), kth=kth, axis=axis)


class Trapezoid(Operation):
    def __init__(self, x=None, dx=1.0, axis=-1, *, name=None):
        super().__init__(name=name)
        self.x, self.dx, self.axis = x, dx, axis

    def compute_output_spec(self, y):
        shape = list(y.shape)
        if self.axis is not None and len(shape) > 0:
            shape.pop(self.axis % len(shape))
        return KerasTensor(tuple(shape), dtype=result_type(dtype_of(y), float))


def trapezoid(y, x=None, dx=1.0, axis=-1):
    return call(Trapezoid, (y,), x=x, dx=dx, axis=axis)


_export("Cumsum", "Cumprod", "Nancumsum", "Nancumprod", "cumsum", "cumprod", "nancumsum",
        "nancumprod", "Sort", "Argsort", "sort", "argsort", "Argpartition", "argpartition",
        "Trapezoid", "trapezoid")
