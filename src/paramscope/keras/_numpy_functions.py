"""NumPy's functions on datasets known by their shapes, by name (``np.concatenate``,
``np.where``, ``np.clip``, ``np.split``, reductions...): the table
:func:`paramscope.keras._numpy_shapes.array_function` dispatches to.  A function not in
:data:`SHAPE_FUNCTIONS` gives an unknown value.
"""

from __future__ import annotations

from ..errors import NeedsComputationError
from ._data import ShapedArray, broadcast, dtype_name, promote, values_unknown
from ._numpy_shapes import (dtype_of, has_unknown_dtype, matmul_shape, name_of, normalize_axis,
                            np_module, proxy, reduce, reduced_dtype, repeat, shape_of,
                            shaped_result, size_of)


def _concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    shapes = [shape_of(a) for a in arrays]
    result_dtype = dtype_name(dtype) if dtype is not None else _promote_all(arrays)
    if axis is None:
        return shaped_result((sum(size_of(s) for s in shapes),), result_dtype, arrays)
    ndim = len(shapes[0])
    if any(len(s) != ndim for s in shapes):
        raise ValueError("all the input array dimensions except for the concatenation axis "
                         "must match exactly")
    axis = normalize_axis(axis, ndim)
    for s in shapes[1:]:
        if any(s[i] != shapes[0][i] for i in range(ndim) if i != axis):
            raise ValueError("all the input array dimensions except for the concatenation axis "
                             f"must match exactly, but along dimension {axis}, the array at "
                             f"index 0 has size {shapes[0][axis]}")
    shape = list(shapes[0])
    shape[axis] = sum(s[axis] for s in shapes)
    return shaped_result(shape, result_dtype, arrays)



def _promote_all(values):
    dtype = None
    for i, value in enumerate(values):
        d = dtype_of(value)
        dtype = d if i == 0 else promote(dtype, d)
    return dtype


def _stack(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    shapes = [shape_of(a) for a in arrays]
    if any(s != shapes[0] for s in shapes):
        raise ValueError("all input arrays must have the same shape")
    ndim = len(shapes[0]) + 1
    axis = normalize_axis(axis, ndim)
    shape = list(shapes[0])
    shape.insert(axis, len(arrays))
    return shaped_result(shape, dtype_name(dtype) if dtype is not None else _promote_all(arrays),
                   arrays)


def _atleast(arrays, n):
    out = []
    for a in arrays:
        shape = shape_of(a)
        if len(shape) < n:
            shape = {0: (1,) * n, 1: (1,) + shape + (1,) * (n - 2)}.get(len(shape), shape + (1,))
            shape = shape[:n] if n > 1 else (1,)
        out.append(ShapedArray(shape, dtype_of(a), name_of([a])))
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
        return values_unknown(f"numpy.where({name_of([condition])})", name_of([condition]))
    if len(values) != 2:
        raise ValueError("either both or neither of x and y should be given")
    shape = broadcast(*(shape_of(v) for v in (condition,) + values))
    if has_unknown_dtype(values):
        return shaped_result(shape, None, values)
    return shaped_result(shape, np_module().result_type(*(proxy(v) for v in values)).name,
                   (condition,) + values)


def _clip(a, a_min=None, a_max=None, out=None, **kwargs):
    a_min = kwargs.pop("min", a_min)
    a_max = kwargs.pop("max", a_max)
    bounds = [b for b in (a_min, a_max) if b is not None]
    shape = broadcast(shape_of(a), *(shape_of(b) for b in bounds))
    if has_unknown_dtype([a]):
        return shaped_result(shape, None, [a])
    dtype = np_module().clip(proxy(a), *(proxy(b) if b is not None else None
                                     for b in (a_min, a_max))).dtype.name
    return shaped_result(shape, dtype, [a])


def _split(array, indices_or_sections, axis=0, even=True):
    axis = normalize_axis(axis, array.ndim)
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
    shape = shape_of(a)
    n = max(len(shape), len(reps))
    shape = (1,) * (n - len(shape)) + shape
    reps = (1,) * (n - len(reps)) + reps
    return shaped_result([d * r for d, r in zip(shape, reps)], dtype_of(a), [a])


def _pad(array, pad_width, mode="constant", **kwargs):
    widths = np_module().broadcast_to(np_module().asarray(pad_width, dtype="int64"), (array.ndim, 2))
    shape = [d + int(before) + int(after) for d, (before, after) in zip(array.shape, widths)]
    return ShapedArray(shape, array.dtype_or_none, array.dataset_name)


def _moveaxis(a, source, destination):
    src = [source] if isinstance(source, int) else list(source)
    dst = [destination] if isinstance(destination, int) else list(destination)
    src = [normalize_axis(s, a.ndim) for s in src]
    dst = [normalize_axis(d, a.ndim) for d in dst]
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
    if broadcast(shape_of(array), shape) != shape:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {shape_of(array)} and requested shape {shape}")
    return shaped_result(shape, dtype_of(array), [array])


def _dot(a, b, out=None):
    sa, sb = shape_of(a), shape_of(b)
    if not sa or not sb:
        shape = broadcast(sa, sb)
    elif len(sb) == 1:
        shape = matmul_shape(sa, sb)
    else:
        if sa[-1] != sb[-2]:
            raise ValueError(f"shapes {sa} and {sb} not aligned: {sa[-1]} (dim {len(sa) - 1}) "
                             f"!= {sb[-2]} (dim {len(sb) - 2})")
        shape = sa[:-1] + sb[:-2] + sb[-1:]
    return shaped_result(shape, promote(dtype_of(a), dtype_of(b)), [a, b])


def _like(prototype, dtype=None, order="K", subok=True, shape=None, **kwargs):
    result_shape = shape_of(prototype) if shape is None else (
        (shape,) if isinstance(shape, int) else tuple(shape))
    return shaped_result(result_shape, dtype_name(dtype) if dtype is not None else dtype_of(prototype),
                   [prototype])


def _cumulative(a, axis=None, dtype=None, out=None):
    shape = shape_of(a)
    return shaped_result(shape if axis is not None else (size_of(shape),),
                   dtype_name(dtype) if dtype is not None else reduced_dtype("sum", dtype_of(a)),
                   [a])


def _diff(a, n=1, axis=-1, **kwargs):
    shape = list(shape_of(a))
    axis = normalize_axis(axis, len(shape))
    shape[axis] = max(shape[axis] - n, 0)
    return shaped_result(shape, dtype_of(a), [a])


def _take(a, indices, axis=None, **kwargs):
    if isinstance(indices, ShapedArray) or not hasattr(indices, "__len__") and \
            not isinstance(indices, int):
        index = shape_of(indices)
    else:
        index = tuple(np_module().shape(indices))
    if axis is None:
        return shaped_result(index, dtype_of(a), [a])
    shape = list(shape_of(a))
    axis = normalize_axis(axis, len(shape))
    return shaped_result(shape[:axis] + list(index) + shape[axis + 1:], dtype_of(a), [a])


def _isin(element, test_elements, *args, **kwargs):
    return shaped_result(shape_of(element), "bool", [element])


def _needs_the_values(name):
    def function(*args, **kwargs):
        raise NeedsComputationError(
            f"numpy.{name}() needs the data's values (paramscope knows {name_of(args)} by "
            "its shape only)")
    return function


def _reduction(kind):
    def function(a, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        if not isinstance(a, ShapedArray):
            a = ShapedArray(shape_of(a), dtype_of(a), name_of([a]))
        return reduce(a, kind, axis, keepdims, dtype if kind not in ("argmax", "argmin") else None)
    return function


def _quantile(kind):
    def function(a, q, axis=None, out=None, keepdims=False, **kwargs):
        extra = shape_of(q) if not isinstance(q, (int, float)) else ()
        result = reduce(a, kind, axis, keepdims)
        if not isinstance(result, ShapedArray):
            return result
        dtype = None if a.dtype_or_none is None else getattr(np_module(), kind)(
            proxy(a), q if isinstance(q, (int, float)) else np_module().asarray(q)).dtype.name
        return ShapedArray(extra + result.shape, dtype, result.dataset_name)
    return function


SHAPE_FUNCTIONS = {  # NumPy function name: what it does to a ShapedArray
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
    SHAPE_FUNCTIONS[_kind] = _reduction(_kind.replace("amax", "max").replace("amin", "min"))


def _flatten(x):
    return x.ravel() if isinstance(x, ShapedArray) else ShapedArray(
        (size_of(shape_of(x)),), dtype_of(x), "the data")
