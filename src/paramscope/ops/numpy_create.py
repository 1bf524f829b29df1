"""``keras.ops`` that create tensors (``ones``, ``arange``, ``linspace``, ``eye``, ...), the
``*_like`` family, ``array`` and ``view`` (NumPy family, ``keras/src/ops/numpy.py``).

Created from Python values, a tensor is a :class:`~paramscope.ops._base.Constant` (its
shape and dtype as Keras's JAX backend gives them); from symbolic tensors, an operation.
"""

from __future__ import annotations

from ..dtypes import floatx
from ..layers.base import KerasTensor
from ._base import Constant, Operation, call, is_symbolic
from ._dtypes import BIT64_TO_BIT32, ITEMSIZE, dtype_of, result_type, standardize_dtype
from ._shapes import OpShapeError, OpTypeError, broadcast_shapes, canonicalize_axis, is_int

__all__ = ["ones", "zeros", "empty", "full", "Full", "eye", "identity", "tri", "arange",
           "Arange", "linspace", "Linspace", "logspace", "Logspace", "geomspace", "Geomspace",
           "bartlett", "blackman", "hamming", "hanning", "kaiser", "OnesLike", "ones_like",
           "ZerosLike", "zeros_like", "EmptyLike", "empty_like", "FullLike", "full_like",
           "Array", "array", "View", "view", "concrete_shape", "jax_dtype"]


def jax_dtype(dtype):
    """The dtype of an array JAX creates (no 64-bit types without ``jax_enable_x64``)."""
    dtype = standardize_dtype(dtype)
    return BIT64_TO_BIT32.get(dtype, dtype)


def concrete_shape(shape, what="shape"):
    """A shape given as an int or a sequence of ints (JAX's rule for ``ones(shape)``)."""
    if is_int(shape):
        shape = (shape,)
    try:
        dims = tuple(shape)
    except TypeError:
        raise OpTypeError(f"Shapes must be 1D sequences of concrete values of integer type, "
                          f"got {shape!r}.") from None
    for d in dims:
        if not is_int(d) or d < 0:
            raise OpTypeError(f"Shapes must be 1D sequences of concrete values of integer "
                              f"type, got {shape!r}.")
    return dims


def _created(shape, dtype):
    return Constant(concrete_shape(shape), jax_dtype(dtype or floatx()))


def ones(shape, dtype=None):
    return _created(shape, dtype)


def zeros(shape, dtype=None):
    return _created(shape, dtype)


def empty(shape, dtype=None):
    return _created(shape, dtype)


class Full(Operation):
    def __init__(self, shape, dtype=None, *, name=None):
        super().__init__(name=name)
        self.shape, self.dtype = shape, dtype

    def compute_output_spec(self, fill_value):
        return KerasTensor(self.shape, dtype=floatx() if self.dtype is None else self.dtype)


def full(shape, fill_value, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    if is_symbolic((fill_value,)):
        return Full(shape=shape, dtype=dtype).symbolic_call(fill_value)
    return _created(shape, dtype)


def _check_not_float(value, what):
    if isinstance(value, float) or getattr(value, "dtype", None) in ("bfloat16", "float16",
                                                                    "float32", "float64"):
        raise OpTypeError(what)


def eye(N, M=None, k=0, dtype=None):
    _check_not_float(N, "Argument `N` must be an integer or an integer tensor.")
    _check_not_float(M, "Argument `M` must be an integer, an integer tensor, or `None`.")
    return _created((N, N if M is None else M), dtype)


def identity(n, dtype=None):
    return _created((n, n), dtype)


def tri(N, M=None, k=0, dtype=None):
    return _created((N, N if M is None else M), dtype)


def _window(x, name):
    if is_symbolic((x,)):
        raise OpTypeError(f"{name} operation does not support symbolic tensors. Received input "
                          f"x = {x} of type {type(x)}")
    return Constant(concrete_shape(_int_value(x)), floatx())


def _int_value(x):
    if isinstance(x, Constant):
        x._needs_values("The length of a window")
    return int(x)


def bartlett(x):
    return _window(x, "Bartlett")


def blackman(x):
    return _window(x, "Blackman")


def hamming(x):
    return _window(x, "Hamming")


def hanning(x):
    return _window(x, "Hanning")


def kaiser(x, beta):
    return _window(x, "Kaiser")


# --------------------------------------------------------------------------------------
# ranges
# --------------------------------------------------------------------------------------

def _arange_length(start, stop, step):
    if all(is_int(v) for v in (start, stop, step)):
        return max(0, -(-(stop - start) // step))
    import math
    return max(0, int(math.ceil((stop - start) / step)))


class Arange(Operation):
    def __init__(self, dtype=None, *, name=None):
        super().__init__(name=name)
        self.dtype = dtype

    def compute_output_spec(self, start, stop=None, step=None):
        if stop is None:
            start, stop = 0, start
        if step is None:
            step = 1
        shape = [_arange_length(start, stop, step)]
        dtype = self.dtype
        if dtype is None:
            dtype = result_type(*[dtype_of(v) for v in (start, stop, step) if v is not None])
        return KerasTensor(shape, dtype=dtype)


def arange(start, stop=None, step=None, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    if is_symbolic((start, stop, step)):
        return Arange(dtype=dtype).symbolic_call(start, stop, step=step)
    for value in (start, stop, step):
        if isinstance(value, Constant):
            value._needs_values("arange over a tensor's value")
    if dtype is None:
        dtype = result_type(*[dtype_of(v) for v in (start, stop, step) if v is not None])
    begin, end = (0, start) if stop is None else (start, stop)
    if step == 0:
        raise OpShapeError("arange: step cannot be zero")
    return Constant((_arange_length(begin, end, 1 if step is None else step),), jax_dtype(dtype))


class Linspace(Operation):
    def __init__(self, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, name=None):
        super().__init__(name=name)
        self.num, self.endpoint, self.retstep = num, endpoint, retstep
        self.dtype, self.axis = dtype, axis

    def compute_output_spec(self, start, stop):
        shape = list(broadcast_shapes(getattr(start, "shape", []), getattr(stop, "shape", [])))
        axis = canonicalize_axis(self.axis, len(shape) + 1)
        shape.insert(axis, self.num)
        dtype = self.dtype if self.dtype is not None else standardize_dtype(dtype_of(start))
        dtype = result_type(dtype, float)
        out = KerasTensor(shape, dtype=dtype)
        return (out, None) if self.retstep else out


class Logspace(Linspace):
    def __init__(self, num=50, endpoint=True, base=10, dtype=None, axis=0, *, name=None):
        super().__init__(num=num, endpoint=endpoint, dtype=dtype, axis=axis, name=name)
        self.base = base


class Geomspace(Linspace):
    def __init__(self, num=50, endpoint=True, dtype=None, axis=0, *, name=None):
        super().__init__(num=num, endpoint=endpoint, dtype=dtype, axis=axis, name=name)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    if is_symbolic((start, stop)):
        return Linspace(num, endpoint, retstep, dtype, axis)(start, stop)
    out = Linspace(num, endpoint, False, dtype, axis, name="concrete").concrete_call(start, stop)
    out = Constant(out.shape, jax_dtype(out.dtype))
    return (out, Constant((), out.dtype)) if retstep else out


def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    dtype = None if dtype is None else standardize_dtype(dtype)
    if is_symbolic((start, stop)):
        return Logspace(num, endpoint, base, dtype, axis)(start, stop)
    out = Logspace(num, endpoint, base, dtype, axis, name="concrete").concrete_call(start, stop)
    return Constant(out.shape, jax_dtype(out.dtype))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    dtype = None if dtype is None else standardize_dtype(dtype)
    if is_symbolic((start, stop)):
        return Geomspace(num, endpoint, dtype, axis)(start, stop)
    out = Geomspace(num, endpoint, dtype, axis, name="concrete").concrete_call(start, stop)
    return Constant(out.shape, jax_dtype(out.dtype))


# --------------------------------------------------------------------------------------
# like, array, view
# --------------------------------------------------------------------------------------

class OnesLike(Operation):
    keeps_sparse = True

    def __init__(self, dtype=None, *, name=None):
        super().__init__(name=name)
        self.dtype = dtype

    def compute_output_spec(self, x, dtype=None):
        out = standardize_dtype(x.dtype) if self.dtype is None else self.dtype
        sparse = getattr(x, "sparse", False) if self.keeps_sparse else False
        return KerasTensor(x.shape, dtype=out, sparse=sparse)


class ZerosLike(OnesLike):
    pass


class EmptyLike(OnesLike):
    keeps_sparse = False


class Array(OnesLike):
    keeps_sparse = False


def _like(cls, x, dtype):
    dtype = None if dtype is None else standardize_dtype(dtype)
    return call(cls, (x,), dtype=dtype)


def ones_like(x, dtype=None):
    return _like(OnesLike, x, dtype)


def zeros_like(x, dtype=None):
    return _like(ZerosLike, x, dtype)


def empty_like(x, dtype=None):
    return _like(EmptyLike, x, dtype)


def array(x, dtype=None):
    from ._base import as_tensor_like
    return _like(Array, as_tensor_like(x), dtype)


class FullLike(Operation):
    def __init__(self, dtype=None, *, name=None):
        super().__init__(name=name)
        self.dtype = dtype

    def compute_output_spec(self, x, fill_value):
        return KerasTensor(x.shape, dtype=standardize_dtype(x.dtype) if self.dtype is None
                           else self.dtype)


def full_like(x, fill_value, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    return call(FullLike, (x, fill_value), dtype=dtype)


class View(Operation):
    def __init__(self, dtype=None, *, name=None):
        super().__init__(name=name)
        self.dtype = dtype

    def compute_output_spec(self, x):
        old = standardize_dtype(x.dtype)
        new = standardize_dtype(self.dtype if self.dtype else x.dtype)
        old_size, new_size = ITEMSIZE[old], ITEMSIZE[new]
        if old_size == new_size:
            return KerasTensor(x.shape, dtype=new)
        if not x.shape:
            raise OpShapeError("Cannot view a scalar as a different dtype if item sizes are "
                               "different.")
        shape = list(x.shape)
        if shape[-1] is not None:
            if shape[-1] * old_size % new_size != 0:
                raise OpShapeError(
                    f"Cannot view array of shape {x.shape} and dtype {x.dtype} as dtype {new} "
                    "because the total number of bytes is not divisible by the new itemsize.")
            shape[-1] = shape[-1] * old_size // new_size
        return KerasTensor(tuple(shape), dtype=new)


def view(x, dtype=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    return call(View, (x,), dtype=dtype)

