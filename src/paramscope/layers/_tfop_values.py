"""The values TensorFlow infers for small integer tensors (tf.keras's ``_inferred_value``):
``tf.shape(x)`` is ``[None, 8, 4]``, ``tf.shape(x)[1] * 2`` is ``[16]``; a shape argument
built from them (``tf.reshape(x, [b, d * 4])``) reads them (:mod:`._tfop_args`)."""

from __future__ import annotations

import math

from ..errors import ShapeError
from ._tfop_args import inferred, shape_of, static_dim, static_int, to_slice


def _elementwise_values(fn):
    def rule(x, kw, shape):
        a, b = inferred(x), inferred(kw.get("y"))
        if a is None or b is None or len(a) != len(b) and 1 not in (len(a), len(b)):
            return None
        n = max(len(a), len(b))
        a, b = a * n if len(a) == 1 else a, b * n if len(b) == 1 else b
        return [None if u is None or v is None else fn(u, v) for u, v in zip(a, b)]
    return rule


def _getitem_values(x, kw, shape):
    values, key = inferred(x), kw.get("slice_spec")
    if values is None:
        return None
    key = key[0] if isinstance(key, (list, tuple)) and len(key) == 1 else key
    key = to_slice(key)
    if isinstance(key, int) and not isinstance(key, bool) and -len(values) <= key < len(values):
        return [values[key]]
    if isinstance(key, slice) and all(v is None or isinstance(v, int)
                                      for v in (key.start, key.stop, key.step)):
        return values[key]
    return None


def _concat_values(x, kw, shape):
    out = []
    for v in (x if isinstance(x, (list, tuple)) else [x]):
        known = v if isinstance(v, (list, tuple)) and all(isinstance(d, int) for d in v) \
            else inferred(v)
        if known is None:
            return None
        out += [static_dim(d) for d in known]
    return out


def _range_values(x, kw, shape):
    start, limit, delta = x, kw.get("limit"), kw.get("delta")
    if limit is None:
        start, limit = 0, start
    bounds = [static_int(v, "a range bound") if not isinstance(v, float) else None
              for v in (start, limit, 1 if delta is None else delta)]
    if None in bounds or bounds[2] == 0 or abs(bounds[1] - bounds[0]) > 4096:
        return None
    return list(range(*bounds))


def _size_values(x, kw, shape):
    dims = shape_of(x)
    return [None if None in dims else math.prod(dims)]


VALUES = {
    "shape": lambda x, kw, shape: list(shape_of(x)),
    "compat.v1.shape": lambda x, kw, shape: list(shape_of(x)),
    "size": _size_values, "compat.v1.size": _size_values,
    "rank": lambda x, kw, shape: [len(shape_of(x))],
    "__operators__.getitem": _getitem_values,
    "concat": _concat_values,
    "stack": lambda x, kw, shape: inferred(x) if kw.get("axis", 0) in (0, -1) else None,
    "identity": lambda x, kw, shape: inferred(x),
    "convert_to_tensor": lambda x, kw, shape: inferred(x),
    "range": _range_values,
    "__operators__.add": _elementwise_values(lambda a, b: a + b),
    "math.add": _elementwise_values(lambda a, b: a + b),
    "math.subtract": _elementwise_values(lambda a, b: a - b),
    "math.multiply": _elementwise_values(lambda a, b: a * b),
    "compat.v1.floor_div": _elementwise_values(lambda a, b: a // b if b else None),
    "math.floordiv": _elementwise_values(lambda a, b: a // b if b else None),
    "math.floormod": _elementwise_values(lambda a, b: a % b if b else None),
    "math.maximum": _elementwise_values(max),
    "math.minimum": _elementwise_values(min),
}
INT_DTYPES = ("int32", "int64")


def inferred_value(symbol, first, kwargs, shape, dtype):
    """The values TensorFlow infers for an operation's integer output of rank 0 or 1."""
    rule = VALUES.get(symbol)
    if symbol in ("cast", "dtypes.cast") and dtype in INT_DTYPES:
        rule = VALUES["identity"]
    if rule is None or dtype not in INT_DTYPES or not isinstance(shape, tuple) or len(shape) > 1:
        return None
    try:
        values = rule(first, kwargs, shape)
    except (ShapeError, TypeError, ValueError):
        return None
    if values is None or len(values) > 4096:
        return None
    return values
