"""NumPy on datasets known by their shapes: what each function does to shapes and dtypes.

:class:`paramscope.keras._data.ShapedArray` hands NumPy's functions (``__array_function__``)
and ufuncs (``__array_ufunc__``) to this module.  Where NumPy's result shape follows from the
arguments' shapes (``np.expand_dims``, ``np.concatenate``, ``np.where(c, x, y)``,
``np.clip``, ``y == 3``, ``np.sqrt``, reductions with ``axis``, ``np.split``, ``np.pad``...)
the result is a ShapedArray with NumPy's shape and dtype; where it depends on the values
(``np.unique``, ``np.max(y)``, ``np.where(c)``, ``np.bincount``, any function not listed
here) it is an unknown value (:mod:`paramscope.keras.unknown`).  A few functions that only
write or print data (``np.save``, ``np.savetxt``) need the values and say so.

Dtypes come from NumPy itself, applied to one-element stand-ins of the arguments (never to
arrays of the data's size).
"""

from __future__ import annotations

from ._data import ShapedArray, broadcast, dtype_name, operand, values_unknown


def np_module():
    import numpy
    return numpy


def name_of(args):
    for value in _flat(args):
        if isinstance(value, ShapedArray):
            return value.dataset_name
    return "the data"


def _flat(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flat(value)
        else:
            yield value


def normalize_axis(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise IndexError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim


def shape_of(x):
    shape = operand(x)[0]
    if shape is None:
        shape = np_module().shape(x)
    return tuple(shape)


def dtype_of(x):
    if isinstance(x, ShapedArray):
        return x.dtype_or_none
    return dtype_name(getattr(x, "dtype", None)) or np_module().result_type(x).name


def proxy(x):
    """A one-element stand-in with ``x``'s dtype (Python scalars stay themselves)."""
    if isinstance(x, ShapedArray):
        return np_module().zeros((1,) * x.ndim if x.ndim else (), x.dtype_or_none or "float32")
    if isinstance(x, (bool, int, float, complex)) or x is None:
        return x
    array = np_module().asarray(x)
    return np_module().zeros((1,) * array.ndim if array.ndim else (), array.dtype)


def has_unknown_dtype(args):
    return any(isinstance(a, ShapedArray) and a.dtype_or_none is None for a in _flat(args))


def shaped_result(shape, dtype, args):
    return ShapedArray(shape, None if dtype is None else dtype, name_of(args))


# -- indexing -------------------------------------------------------------------------------

def index_shape(array, key):
    """NumPy's result shape of ``array[key]``; ``None`` when it depends on the values
    (a boolean mask known by its shape only)."""
    keys = list(key) if isinstance(key, tuple) else [key]
    ellipses = [i for i, k in enumerate(keys) if k is Ellipsis]  # (``in`` would compare arrays)
    if len(ellipses) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    consumed = sum(_dims_used(k) for k in keys if k is not Ellipsis and k is not None)
    if consumed > array.ndim:
        raise IndexError(f"too many indices for array: array is {array.ndim}-dimensional, "
                         f"but {consumed} were indexed")
    if ellipses:
        at = ellipses[0]
        keys[at:at + 1] = [slice(None)] * (array.ndim - consumed)
    else:
        keys += [slice(None)] * (array.ndim - consumed)
    remaining = list(array.shape)
    out, advanced, first_advanced, positions = [], [], None, []
    for k in keys:
        if k is None:
            out.append(1)
            continue
        if isinstance(k, slice):
            out.append(len(range(*k.indices(remaining.pop(0)))))
            continue
        if _is_integer(k):
            size = remaining.pop(0)
            index = int(k)
            if not -size <= index < size:
                raise IndexError(f"index {index} is out of bounds for axis with size {size}")
            continue
        shape = _advanced_shape(k, remaining)
        if shape is None:
            return None
        advanced.append(shape)
        positions.append(len(out))
        if first_advanced is None:
            first_advanced = len(out)
    if advanced:
        together = broadcast(*advanced)
        adjacent = positions == [positions[0]] * len(positions)
        at = first_advanced if adjacent else 0
        out[at:at] = list(together)
    return tuple(out)


def _is_integer(k):
    if isinstance(k, bool) or isinstance(k, ShapedArray):
        return False
    return isinstance(k, int) or (hasattr(k, "__index__") and getattr(k, "shape", None) == ())


def _dims_used(k):
    if isinstance(k, ShapedArray) and k.dtype_or_none == "bool":
        return k.ndim
    dtype = getattr(k, "dtype", None)
    if dtype is not None and str(dtype) == "bool":
        return len(k.shape)
    return 1


def _advanced_shape(k, remaining):
    """The shape an integer-array or boolean-mask index gives (it uses its dimensions)."""
    if isinstance(k, ShapedArray):
        if k.dtype_or_none == "bool":
            del remaining[:k.ndim]
            return None  # how many are True depends on the values
        remaining.pop(0)
        return k.shape
    if isinstance(k, (list, tuple)):
        k = np_module().asarray(k)
    dtype = str(getattr(k, "dtype", ""))
    if dtype == "bool":
        n = len(k.shape)
        if tuple(remaining[:n]) != tuple(k.shape):
            raise IndexError(f"boolean index did not match indexed array; dimension is "
                             f"{remaining[0]} but corresponding boolean dimension is {k.shape[0]}")
        del remaining[:n]
        return (int(np_module().count_nonzero(k)),)
    if not dtype.startswith(("int", "uint")):
        raise IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) "
                         "and integer or boolean arrays are valid indices")
    remaining.pop(0)
    return tuple(k.shape)


# -- reductions -----------------------------------------------------------------------------

_REDUCE_DTYPE = {"mean": "float", "std": "float", "var": "float", "median": "float",
                 "average": "float", "percentile": "float", "quantile": "float",
                 "argmax": "int64", "argmin": "int64", "any": "bool", "all": "bool",
                 "count_nonzero": "int64", "sum": "sum", "prod": "sum", "cumsum": "sum",
                 "cumprod": "sum", "nansum": "sum", "nanmean": "float", "nanstd": "float",
                 "nanvar": "float", "nanmedian": "float"}


def reduced_dtype(kind, dtype):
    rule = _REDUCE_DTYPE.get(kind, "same")
    if rule in ("int64", "bool"):
        return rule
    if dtype is None or rule == "same":
        return dtype
    if rule == "float":
        return dtype if dtype in ("float16", "float32", "float64") else "float64"
    if dtype == "bool" or dtype.startswith("int"):
        return "int64"
    if dtype.startswith("uint"):
        return "uint64"
    return dtype


def reduce(array, kind, axis=None, keepdims=False, dtype=None):
    """``np.<kind>(array, axis)``: a ShapedArray with the axes reduced, or an unknown value
    when every value is reduced to one number (``np.max(y)``)."""
    if axis is None:
        return values_unknown(f"numpy.{kind}({array.dataset_name})", array.dataset_name)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    axes = {normalize_axis(int(a), array.ndim) for a in axes}
    if keepdims:
        shape = tuple(1 if i in axes else d for i, d in enumerate(array.shape))
    else:
        shape = tuple(d for i, d in enumerate(array.shape) if i not in axes)
    result_dtype = dtype_name(dtype) if dtype is not None else reduced_dtype(kind, array.dtype_or_none)
    return ShapedArray(shape, result_dtype, array.dataset_name)


# -- matmul and repeat (ShapedArray's methods too); the other functions: _numpy_functions ---

def matmul_shape(a, b):
    if not a or not b:
        raise ValueError("matmul: Input operand does not have enough dimensions")
    a2 = (1,) + tuple(a) if len(a) == 1 else tuple(a)
    b2 = tuple(b) + (1,) if len(b) == 1 else tuple(b)
    if a2[-1] != b2[-2]:
        raise ValueError(f"matmul: Input operand 1 has a mismatch in its core dimension 0 "
                         f"(size {b2[-2]} is different from {a2[-1]})")
    out = broadcast(a2[:-2], b2[:-2]) + (a2[-2], b2[-1])
    if len(a) == 1:
        out = out[:-2] + out[-1:]
    if len(b) == 1:
        out = out[:-1]
    return out


def repeat(array, repeats, axis=None):
    if not isinstance(repeats, int):
        shape = shape_of(repeats)
        if shape not in ((), (1,)):
            return values_unknown(f"numpy.repeat({array.dataset_name})", array.dataset_name)
        repeats = int(np_module().asarray(repeats).reshape(-1)[0])
    if axis is None:
        return ShapedArray((array.size * repeats,), array.dtype_or_none, array.dataset_name)
    axis = normalize_axis(axis, array.ndim)
    shape = list(array.shape)
    shape[axis] *= repeats
    return ShapedArray(shape, array.dtype_or_none, array.dataset_name)

def size_of(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def array_function(func, args, kwargs):
    """``np.<func>(*args, **kwargs)`` with a ShapedArray among the arguments."""
    from ._numpy_functions import SHAPE_FUNCTIONS
    from .unknown import find_unknown
    if find_unknown(list(args) + list(kwargs.values())) is not None:
        return NotImplemented  # the unknown value's own protocol gives an unknown value
    handler = SHAPE_FUNCTIONS.get(func.__name__)
    if handler is None:
        return values_unknown(f"numpy.{func.__name__}({name_of(args)})", name_of(args))
    return handler(*args, **kwargs)


# -- ufuncs ------------------------------------------------------------------------------------

def array_ufunc(ufunc, method, inputs, kwargs):
    """``ufunc(*inputs)`` (``np.sqrt(x)``, ``y == 3``, ``np.maximum(x, 0)``...)."""
    from .unknown import find_unknown
    if find_unknown(inputs) is not None:
        return NotImplemented
    name = name_of(inputs)
    out = kwargs.pop("out", None)
    if method == "reduce":
        axis = kwargs.get("axis", 0)
        return reduce(inputs[0], ufunc.__name__, axis, kwargs.get("keepdims", False),
                      kwargs.get("dtype")) if isinstance(inputs[0], ShapedArray) else \
            values_unknown(f"numpy.{ufunc.__name__}.reduce(…)", name)
    if method != "__call__":
        return values_unknown(f"numpy.{ufunc.__name__}.{method}({name})", name)
    if ufunc.signature is not None:
        if ufunc.__name__ != "matmul":
            return values_unknown(f"numpy.{ufunc.__name__}({name})", name)
        shape = matmul_shape(shape_of(inputs[0]), shape_of(inputs[1]))
    else:
        shape = broadcast(*(shape_of(x) for x in inputs))
    dtypes = _ufunc_dtypes(ufunc, inputs, kwargs)
    results = tuple(shaped_result(shape, d, inputs) for d in dtypes)
    if out is not None:
        targets = out if isinstance(out, tuple) else (out,)
        for target, result in zip(targets, results):
            if isinstance(target, ShapedArray) and target.shape != result.shape:
                raise ValueError(f"non-broadcastable output operand with shape {target.shape} "
                                 f"doesn't match the broadcast shape {result.shape}")
        return targets[0] if len(targets) == 1 else targets
    return results[0] if len(results) == 1 else results


def _ufunc_dtypes(ufunc, inputs, kwargs):
    np = np_module()
    with np.errstate(all="ignore"):
        result = ufunc(*(proxy(x) for x in inputs), **kwargs)
    results = result if isinstance(result, tuple) else (result,)
    dtypes = [np.asarray(r).dtype.name for r in results]
    if has_unknown_dtype(inputs):
        dtypes = [d if d == "bool" else None for d in dtypes]
    return dtypes
