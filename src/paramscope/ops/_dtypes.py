"""Keras's dtype rules for operations (``keras/src/backend/common/dtypes.py``, JAX backend).

``result_type`` follows Keras's type-promotion lattice (adapted from JAX's): Python
``int``/``float`` are *weak* types that adopt the tensor's precision, and 64-bit results
become 32-bit on the JAX backend.

>>> result_type("int32", "float16")
'float16'
>>> result_type("int8", int), result_type("int8", float), result_type("bool", int)
('int8', 'float32', 'int32')
>>> result_type("uint8", "int8")
'int16'
"""

from __future__ import annotations

from ..dtypes import floatx
from ..errors import ParamscopeError

BOOL_TYPES = ("bool",)
INT_TYPES = ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64")
FLOAT_TYPES = ("bfloat16", "float16", "float32", "float64")
WEAK_TYPES = ("int", "float")
COMPLEX_TYPES = ("complex64", "complex128")
FLOAT8_TYPES = ("float8_e4m3fn", "float8_e5m2")
ALLOWED_DTYPES = ("float16", "float32", "float64", "uint8", "uint16", "uint32", "uint64",
                  "int8", "int16", "int32", "int64", "bfloat16", "bool", "string",
                  "float8_e4m3fn", "float8_e5m2", "complex64", "complex128")
_ALLOWED = frozenset(ALLOWED_DTYPES)

#: Python types and names as Keras maps them (JAX backend: 32-bit ints).
PYTHON_DTYPES = {bool: "bool", int: "int32", float: "float32", str: "string", "int": "int32",
                 complex: "complex64"}
#: The JAX backend computes 64-bit results in 32 bits.
BIT64_TO_BIT32 = {"int64": "int32", "uint64": "uint32", "float64": "float32",
                  "complex128": "complex64"}

#: Bytes per element (NumPy's itemsize) for ``view``.
ITEMSIZE = {"bool": 1, "uint8": 1, "int8": 1, "uint16": 2, "int16": 2, "float16": 2,
            "bfloat16": 2, "uint32": 4, "int32": 4, "float32": 4, "uint64": 8, "int64": 8,
            "float64": 8, "complex64": 8, "complex128": 16, "float8_e4m3fn": 1,
            "float8_e5m2": 1}


class InvalidDType(ParamscopeError):
    """An unknown dtype name."""


def standardize_dtype(dtype) -> str:
    """Keras's ``standardize_dtype``: ``None`` is floatx; Python types, NumPy dtypes and
    ``jax.numpy``/``torch`` names map to Keras's names.

    >>> standardize_dtype(int), standardize_dtype(None), standardize_dtype("float16")
    ('int32', 'float32', 'float16')
    """
    if dtype is None:
        return floatx()
    if dtype.__class__ is str and dtype in _ALLOWED:
        return dtype
    try:
        dtype = PYTHON_DTYPES.get(dtype, dtype)
    except TypeError:  # unhashable
        pass
    if hasattr(dtype, "name"):
        dtype = dtype.name
    elif hasattr(dtype, "__name__"):
        dtype = dtype.__name__
    elif "torch" in str(dtype) or "jax.numpy" in str(dtype):
        dtype = str(dtype).split(".")[-1]
    if dtype not in _ALLOWED:
        raise InvalidDType(f"Invalid dtype: {dtype}")
    return dtype


def is_float_dtype(dtype) -> bool:
    dtype = standardize_dtype(dtype)
    return dtype.startswith("float") or dtype.startswith("bfloat")


def is_int_dtype(dtype) -> bool:
    dtype = standardize_dtype(dtype)
    return dtype.startswith("int") or dtype.startswith("uint")


def _lattice():
    """Each type and the types immediately above it."""
    b1, = BOOL_TYPES
    u1, u2, u4, u8, i1, i2, i4, i8 = INT_TYPES
    bf, f2, f4, f8 = FLOAT_TYPES
    i_, f_ = WEAK_TYPES
    c64, c128 = COMPLEX_TYPES
    return {b1: [i_], u1: [i2, u2], u2: [i4, u4], u4: [i8, u8], u8: [f_], i_: [u1, i1, c64],
            i1: [i2], i2: [i4], i4: [i8], i8: [f_], f_: [bf, f2], bf: [f4], f2: [f4],
            f4: [f8, c64], f8: [c128], c64: [c128], c128: []}


def _upper_bounds():
    lattice = _lattice()
    bounds = {node: {node} for node in lattice}
    for node in lattice:
        while True:
            new = set().union(*(lattice[b] for b in bounds[node]))
            if new <= bounds[node]:
                break
            bounds[node] |= new
    return bounds


_UPPER_BOUNDS = _upper_bounds()
_LUB_CACHE: dict = {}


def _least_upper_bound(*nodes):
    key = frozenset(nodes)
    cached = _LUB_CACHE.get(key)
    if cached is not None:
        return cached
    try:
        bounds = [_UPPER_BOUNDS[n] for n in key]
    except KeyError:
        dtype = next(n for n in key if n not in _UPPER_BOUNDS)
        raise InvalidDType(f"dtype={dtype!r} is not a valid dtype for Keras type promotion.") \
            from None
    common = set.intersection(*bounds)
    least = (common & key) or {c for c in common if common <= _UPPER_BOUNDS[c]}
    if len(least) != 1:
        raise InvalidDType(
            f"Input dtypes {tuple(str(n) for n in nodes)} have no available implicit dtype "
            "promotion path. Try explicitly casting inputs to the desired output type.")
    result = _LUB_CACHE[key] = least.pop()
    return result


def _respect_weak_type(dtype, weak):
    if not weak or dtype == "bool":
        return dtype
    for kind in ("float", "int", "complex"):
        if kind in dtype:
            return kind
    raise InvalidDType(f"Invalid value for argument `dtype`. Expected one of {ALLOWED_DTYPES}. "
                       f"Received: dtype={dtype}")


def _resolve_weak_type(dtype, precision="32"):
    indicator = "f" if dtype == "bfloat16" else dtype[:1]
    if indicator == "b":
        return "bool"
    if indicator == "i":
        return f"int{precision}"
    if indicator == "u":
        return f"uint{precision}"
    return f"float{precision}"


def _dtype_and_weak(value):
    return standardize_dtype(value), value is int or value is float


def result_type(*dtypes) -> str:
    """The dtype of an operation on arguments of these dtypes (Keras's ``result_type``).

    A dtype is a Keras name, or the Python type ``int``/``float``/``bool`` of a scalar
    argument (weakly typed); ``None`` means floatx.
    """
    if not dtypes:
        return floatx()
    for dtype in dtypes:
        if dtype in FLOAT8_TYPES:
            raise InvalidDType("There is no implicit conversions from float8 dtypes to others. "
                               f"You must cast it internally. Received: {dtypes}")
    pairs = [_dtype_and_weak(floatx() if d is None else d) for d in dtypes]
    names = [p[0] for p in pairs]
    weaks = [p[1] for p in pairs]
    if len(names) == 1:
        out, out_weak = names[0], weaks[0]
    elif len(set(names)) == 1 and not all(weaks):
        out, out_weak = names[0], False
    elif all(weaks):
        out = _least_upper_bound(*{_respect_weak_type(d, False) for d in names})
        out_weak = True
    else:
        out = _least_upper_bound(*{_respect_weak_type(d, w) for d, w in zip(names, weaks)})
        out_weak = out in WEAK_TYPES
    out_weak = out != "bool" and out_weak
    if out_weak:
        out = _resolve_weak_type(out, precision=floatx()[-2:])
    return BIT64_TO_BIT32.get(out, out)


def dtype_of(x, default=None):
    """The dtype Keras's operations read from an argument: a tensor's ``dtype``, else the
    Python type of the value (``int`` for ``2``: weakly typed)."""
    dtype = getattr(x, "dtype", None)
    if dtype is not None:
        return dtype
    if default is not None:
        return default
    if isinstance(x, int) and not isinstance(x, bool):
        return int  # (a traced size, an int subclass, is an int)
    return type(x)
