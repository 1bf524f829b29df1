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

from ..errors import NeedsComputationError
from ._data import ShapedArray, broadcast, dtype_name, operand, promote, values_unknown


def _np():
    import numpy
    return numpy


def _name_of(args):
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


def _axis(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise IndexError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim


def _shape(x):
    shape = operand(x)[0]
    if shape is None:
        shape = _np().shape(x)
    return tuple(shape)


def _dtype(x):
    if isinstance(x, ShapedArray):
        return x.dtype_or_none
    return dtype_name(getattr(x, "dtype", None)) or _np().result_type(x).name


def _proxy(x):
    """A one-element stand-in with ``x``'s dtype (Python scalars stay themselves)."""
    if isinstance(x, ShapedArray):
        return _np().zeros((1,) * x.ndim if x.ndim else (), x.dtype_or_none or "float32")
    if isinstance(x, (bool, int, float, complex)) or x is None:
        return x
    array = _np().asarray(x)
    return _np().zeros((1,) * array.ndim if array.ndim else (), array.dtype)


def _unknown_dtype(args):
    return any(isinstance(a, ShapedArray) and a.dtype_or_none is None for a in _flat(args))


def _result(shape, dtype, args):
    return ShapedArray(shape, None if dtype is None else dtype, _name_of(args))


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
        k = _np().asarray(k)
    dtype = str(getattr(k, "dtype", ""))
    if dtype == "bool":
        n = len(k.shape)
        if tuple(remaining[:n]) != tuple(k.shape):
            raise IndexError(f"boolean index did not match indexed array; dimension is "
                             f"{remaining[0]} but corresponding boolean dimension is {k.shape[0]}")
        del remaining[:n]
        return (int(_np().count_nonzero(k)),)
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


def _reduced_dtype(kind, dtype):
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
    axes = {_axis(int(a), array.ndim) for a in axes}
    if keepdims:
        shape = tuple(1 if i in axes else d for i, d in enumerate(array.shape))
    else:
        shape = tuple(d for i, d in enumerate(array.shape) if i not in axes)
    result_dtype = dtype_name(dtype) if dtype is not None else _reduced_dtype(kind, array.dtype_or_none)
    return ShapedArray(shape, result_dtype, array.dataset_name)


# -- shape functions ---------------------------------------------------------------------------

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
        shape = _shape(repeats)
        if shape not in ((), (1,)):
            return values_unknown(f"numpy.repeat({array.dataset_name})", array.dataset_name)
        repeats = int(_np().asarray(repeats).reshape(-1)[0])
    if axis is None:
        return ShapedArray((array.size * repeats,), array.dtype_or_none, array.dataset_name)
    axis = _axis(axis, array.ndim)
    shape = list(array.shape)
    shape[axis] *= repeats
    return ShapedArray(shape, array.dtype_or_none, array.dataset_name)


def _concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    shapes = [_shape(a) for a in arrays]
    result_dtype = dtype_name(dtype) if dtype is not None else _promote_all(arrays)
    if axis is None:
        return _result((sum(_size(s) for s in shapes),), result_dtype, arrays)
    ndim = len(shapes[0])
    if any(len(s) != ndim for s in shapes):
        raise ValueError("all the input array dimensions except for the concatenation axis "
                         "must match exactly")
    axis = _axis(axis, ndim)
    for s in shapes[1:]:
        if any(s[i] != shapes[0][i] for i in range(ndim) if i != axis):
            raise ValueError("all the input array dimensions except for the concatenation axis "
                             f"must match exactly, but along dimension {axis}, the array at "
                             f"index 0 has size {shapes[0][axis]}")
    shape = list(shapes[0])
    shape[axis] = sum(s[axis] for s in shapes)
    return _result(shape, result_dtype, arrays)


def _size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def _promote_all(values):
    dtype = None
    for i, value in enumerate(values):
        d = _dtype(value)
        dtype = d if i == 0 else promote(dtype, d)
    return dtype


def _stack(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    shapes = [_shape(a) for a in arrays]
    if any(s != shapes[0] for s in shapes):
        raise ValueError("all input arrays must have the same shape")
    ndim = len(shapes[0]) + 1
    axis = _axis(axis, ndim)
    shape = list(shapes[0])
    shape.insert(axis, len(arrays))
    return _result(shape, dtype_name(dtype) if dtype is not None else _promote_all(arrays),
                   arrays)


def _atleast(arrays, n):
    out = []
    for a in arrays:
        shape = _shape(a)
        if len(shape) < n:
            shape = {0: (1,) * n, 1: (1,) + shape + (1,) * (n - 2)}.get(len(shape), shape + (1,))
            shape = shape[:n] if n > 1 else (1,)
        out.append(ShapedArray(shape, _dtype(a), _name_of([a])))
    return out


def _vstack(tup, **kwargs):
    return _concatenate(_atleast(tup, 2), axis=0)


def _hstack(tup, **kwargs):
    arrays = _atleast(tup, 1)
    return _concatenate(arrays, axis=0 if arrays[0].ndim == 1 else 1)


def _dstack(tup, **kwargs):
    return _concatenate(_atleast(tup, 3), axis=2)


def _column_stack(tup):
    arrays = [a.reshape(-1, 1) if a.ndim < 2 else a for a in _atleast(tup, 1)]
    return _concatenate(arrays, axis=1)


def _where(condition, *values):
    if not values:
        return values_unknown(f"numpy.where({_name_of([condition])})", _name_of([condition]))
    if len(values) != 2:
        raise ValueError("either both or neither of x and y should be given")
    shape = broadcast(*(_shape(v) for v in (condition,) + values))
    if _unknown_dtype(values):
        return _result(shape, None, values)
    return _result(shape, _np().result_type(*(_proxy(v) for v in values)).name,
                   (condition,) + values)


def _clip(a, a_min=None, a_max=None, out=None, **kwargs):
    a_min = kwargs.pop("min", a_min)
    a_max = kwargs.pop("max", a_max)
    bounds = [b for b in (a_min, a_max) if b is not None]
    shape = broadcast(_shape(a), *(_shape(b) for b in bounds))
    if _unknown_dtype([a]):
        return _result(shape, None, [a])
    dtype = _np().clip(_proxy(a), *(_proxy(b) if b is not None else None
                                     for b in (a_min, a_max))).dtype.name
    return _result(shape, dtype, [a])


def _split(array, indices_or_sections, axis=0, even=True):
    axis = _axis(axis, array.ndim)
    size = array.shape[axis]
    if isinstance(indices_or_sections, int):
        n = indices_or_sections
        if even and size % n:
            raise ValueError("array split does not result in an equal division")
        base, extra = divmod(size, n)
        sizes = [base + 1] * extra + [base] * (n - extra)
    else:
        edges = [0] + [min(max(int(i), 0), size) for i in indices_or_sections] + [size]
        sizes = [max(b - a, 0) for a, b in zip(edges, edges[1:])]
    out = []
    for n in sizes:
        shape = list(array.shape)
        shape[axis] = n
        out.append(ShapedArray(shape, array.dtype_or_none, array.dataset_name))
    return out


def _tile(a, reps):
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    shape = _shape(a)
    n = max(len(shape), len(reps))
    shape = (1,) * (n - len(shape)) + shape
    reps = (1,) * (n - len(reps)) + reps
    return _result([d * r for d, r in zip(shape, reps)], _dtype(a), [a])


def _pad(array, pad_width, mode="constant", **kwargs):
    widths = _np().broadcast_to(_np().asarray(pad_width, dtype="int64"), (array.ndim, 2))
    shape = [d + int(before) + int(after) for d, (before, after) in zip(array.shape, widths)]
    return ShapedArray(shape, array.dtype_or_none, array.dataset_name)


def _moveaxis(a, source, destination):
    src = [source] if isinstance(source, int) else list(source)
    dst = [destination] if isinstance(destination, int) else list(destination)
    src = [_axis(s, a.ndim) for s in src]
    dst = [_axis(d, a.ndim) for d in dst]
    order = [i for i in range(a.ndim) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return a.transpose(order)


def _rot90(m, k=1, axes=(0, 1)):
    if k % 2 == 0:
        return m.copy()
    return m.swapaxes(*axes)


def _broadcast_to(array, shape, subok=False):
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    if broadcast(_shape(array), shape) != shape:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {_shape(array)} and requested shape {shape}")
    return _result(shape, _dtype(array), [array])


def _dot(a, b, out=None):
    sa, sb = _shape(a), _shape(b)
    if not sa or not sb:
        shape = broadcast(sa, sb)
    elif len(sb) == 1:
        shape = matmul_shape(sa, sb)
    else:
        if sa[-1] != sb[-2]:
            raise ValueError(f"shapes {sa} and {sb} not aligned: {sa[-1]} (dim {len(sa) - 1}) "
                             f"!= {sb[-2]} (dim {len(sb) - 2})")
        shape = sa[:-1] + sb[:-2] + sb[-1:]
    return _result(shape, promote(_dtype(a), _dtype(b)), [a, b])


def _like(prototype, dtype=None, order="K", subok=True, shape=None, **kwargs):
    result_shape = _shape(prototype) if shape is None else (
        (shape,) if isinstance(shape, int) else tuple(shape))
    return _result(result_shape, dtype_name(dtype) if dtype is not None else _dtype(prototype),
                   [prototype])


def _cumulative(a, axis=None, dtype=None, out=None):
    shape = _shape(a)
    return _result(shape if axis is not None else (_size(shape),),
                   dtype_name(dtype) if dtype is not None else _reduced_dtype("sum", _dtype(a)),
                   [a])


def _diff(a, n=1, axis=-1, **kwargs):
    shape = list(_shape(a))
    axis = _axis(axis, len(shape))
    shape[axis] = max(shape[axis] - n, 0)
    return _result(shape, _dtype(a), [a])


def _take(a, indices, axis=None, **kwargs):
    if isinstance(indices, ShapedArray) or not hasattr(indices, "__len__") and \
            not isinstance(indices, int):
        index = _shape(indices)
    else:
        index = tuple(_np().shape(indices))
    if axis is None:
        return _result(index, _dtype(a), [a])
    shape = list(_shape(a))
    axis = _axis(axis, len(shape))
    return _result(shape[:axis] + list(index) + shape[axis + 1:], _dtype(a), [a])


def _isin(element, test_elements, *args, **kwargs):
    return _result(_shape(element), "bool", [element])


def _needs_the_values(name):
    def function(*args, **kwargs):
        raise NeedsComputationError(
            f"numpy.{name}() needs the data's values (paramscope knows {_name_of(args)} by "
            "its shape only)")
    return function


def _reduction(kind):
    def function(a, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        if not isinstance(a, ShapedArray):
            a = ShapedArray(_shape(a), _dtype(a), _name_of([a]))
        return reduce(a, kind, axis, keepdims, dtype if kind not in ("argmax", "argmin") else None)
    return function


def _quantile(kind):
    def function(a, q, axis=None, out=None, keepdims=False, **kwargs):
        extra = _shape(q) if not isinstance(q, (int, float)) else ()
        result = reduce(a, kind, axis, keepdims)
        if not isinstance(result, ShapedArray):
            return result
        dtype = None if a.dtype_or_none is None else getattr(_np(), kind)(
            _proxy(a), q if isinstance(q, (int, float)) else _np().asarray(q)).dtype.name
        return ShapedArray(extra + result.shape, dtype, result.dataset_name)
    return function


_SHAPE_FUNCTIONS = {
    "expand_dims": lambda a, axis: a.expand_dims(axis),
    "reshape": lambda a, *shape, **kw: a.reshape(
        *(shape or (kw.get("newshape", kw.get("shape")),))),
    "squeeze": lambda a, axis=None: a.squeeze(axis),
    "transpose": lambda a, axes=None: a.transpose(*(() if axes is None else (axes,))),
    "swapaxes": lambda a, axis1, axis2: a.swapaxes(axis1, axis2),
    "moveaxis": _moveaxis,
    "rollaxis": lambda a, axis, start=0: _moveaxis(a, axis, start if start <= axis else start - 1),
    "flip": lambda m, axis=None: m.copy(),
    "fliplr": lambda m: m.copy(), "flipud": lambda m: m.copy(),
    "roll": lambda a, shift, axis=None: a.copy(),
    "rot90": _rot90,
    "shape": lambda a: a.shape,
    "ndim": lambda a: a.ndim,
    "size": lambda a, axis=None: a.size if axis is None else a.shape[axis],
    "ravel": lambda a, order="C": a.ravel(),
    "copy": lambda a, *args, **kwargs: a.copy(),
    "round": lambda a, decimals=0, out=None: a.copy(),
    "around": lambda a, decimals=0, out=None: a.copy(),
    "nan_to_num": lambda x, *args, **kwargs: x.copy(),
    "sort": lambda a, axis=-1, **kwargs: a.copy() if axis is not None else a.ravel(),
    "argsort": lambda a, axis=-1, **kwargs: a.argsort(axis),
    "astype": lambda x, dtype, **kwargs: x.astype(dtype),
    "atleast_1d": lambda *arys: _atleast(arys, 1)[0] if len(arys) == 1 else _atleast(arys, 1),
    "atleast_2d": lambda *arys: _atleast(arys, 2)[0] if len(arys) == 1 else _atleast(arys, 2),
    "atleast_3d": lambda *arys: _atleast(arys, 3)[0] if len(arys) == 1 else _atleast(arys, 3),
    "broadcast_to": _broadcast_to,
    "concatenate": _concatenate,
    "stack": _stack,
    "vstack": _vstack, "row_stack": _vstack,
    "hstack": _hstack,
    "dstack": _dstack,
    "column_stack": _column_stack,
    "append": lambda arr, values, axis=None: _concatenate(
        [arr, values] if axis is not None else [_flatten(arr), _flatten(values)],
        axis=axis or 0),
    "where": _where,
    "clip": _clip,
    "split": lambda a, s, axis=0: _split(a, s, axis),
    "array_split": lambda a, s, axis=0: _split(a, s, axis, even=False),
    "tile": _tile,
    "repeat": lambda a, repeats, axis=None: repeat(a, repeats, axis),
    "pad": _pad,
    "dot": _dot,
    "zeros_like": _like, "ones_like": _like, "empty_like": _like,
    "full_like": lambda a, fill_value, dtype=None, **kwargs: _like(a, dtype=dtype, **kwargs),
    "cumsum": _cumulative, "cumprod": _cumulative,
    "diff": _diff,
    "take": _take,
    "isin": _isin,
    "percentile": _quantile("percentile"), "quantile": _quantile("quantile"),
    "nanpercentile": _quantile("percentile"), "nanquantile": _quantile("quantile"),
    "save": _needs_the_values("save"), "savez": _needs_the_values("savez"),
    "savez_compressed": _needs_the_values("savez_compressed"),
    "savetxt": _needs_the_values("savetxt"),
}
for _kind in ("sum", "prod", "mean", "std", "var", "max", "min", "amax", "amin", "any", "all",
              "argmax", "argmin", "median", "average", "nansum", "nanmean", "nanstd", "nanvar",
              "nanmax", "nanmin", "nanmedian", "ptp", "count_nonzero", "nanargmax",
              "nanargmin"):
    _SHAPE_FUNCTIONS[_kind] = _reduction(_kind.replace("amax", "max").replace("amin", "min"))


def _flatten(x):
    return x.ravel() if isinstance(x, ShapedArray) else ShapedArray(
        (_size(_shape(x)),), _dtype(x), "the data")


def array_function(func, args, kwargs):
    """``np.<func>(*args, **kwargs)`` with a ShapedArray among the arguments."""
    from .unknown import find_unknown
    if find_unknown(list(args) + list(kwargs.values())) is not None:
        return NotImplemented  # the unknown value's own protocol gives an unknown value
    handler = _SHAPE_FUNCTIONS.get(func.__name__)
    if handler is None:
        return values_unknown(f"numpy.{func.__name__}({_name_of(args)})", _name_of(args))
    return handler(*args, **kwargs)


# -- ufuncs ------------------------------------------------------------------------------------

def array_ufunc(ufunc, method, inputs, kwargs):
    """``ufunc(*inputs)`` (``np.sqrt(x)``, ``y == 3``, ``np.maximum(x, 0)``...)."""
    from .unknown import find_unknown
    if find_unknown(inputs) is not None:
        return NotImplemented
    name = _name_of(inputs)
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
        shape = matmul_shape(_shape(inputs[0]), _shape(inputs[1]))
    else:
        shape = broadcast(*(_shape(x) for x in inputs))
    dtypes = _ufunc_dtypes(ufunc, inputs, kwargs)
    results = tuple(_result(shape, d, inputs) for d in dtypes)
    if out is not None:
        targets = out if isinstance(out, tuple) else (out,)
        for target, result in zip(targets, results):
            if isinstance(target, ShapedArray) and target.shape != result.shape:
                raise ValueError(f"non-broadcastable output operand with shape {target.shape} "
                                 f"doesn't match the broadcast shape {result.shape}")
        return targets[0] if len(targets) == 1 else targets
    return results[0] if len(results) == 1 else results


def _ufunc_dtypes(ufunc, inputs, kwargs):
    np = _np()
    with np.errstate(all="ignore"):
        result = ufunc(*(_proxy(x) for x in inputs), **kwargs)
    results = result if isinstance(result, tuple) else (result,)
    dtypes = [np.asarray(r).dtype.name for r in results]
    if _unknown_dtype(inputs):
        dtypes = [d if d == "bool" else None for d in dtypes]
    return dtypes
