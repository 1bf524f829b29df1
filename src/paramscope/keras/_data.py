"""Data known only by its shape: what ``keras.datasets.*.load_data()`` gives a script here.

Classic Keras scripts load a dataset, reshape and rescale it, one-hot encode the labels, and
only then build the model, often sizing it from the data's shape (``x_train.shape[1:]``).
A :class:`ShapedArray` has the dataset's real shape and dtype and follows what NumPy does
to shapes: methods (``reshape``, ``astype``, ``transpose``, ``mean(axis=0)``...), operators
(arithmetic, comparisons such as ``y == 3``, ``x[x > 0] = 0``), indexing (slices, integer
arrays) and NumPy's functions (``np.expand_dims``, ``np.concatenate``, ``np.where``,
``np.clip``, reductions with ``axis``...; see :mod:`paramscope.keras._numpy_shapes`).

Where the result depends on the values (``y.max() + 1``, ``np.unique(y)``, ``np.mean(x)``,
``x[y == 3]``), it is an unknown value (:mod:`paramscope.keras.unknown`): the script goes
on, and stops only if the model needs it.  Iterating, ``bool()``, ``float()`` and
``np.asarray()`` need the values themselves and stop the statement.  Nothing is downloaded
or allocated.
"""

from __future__ import annotations

import sys

from ..errors import NeedsComputationError


def _needs_values(what, name):
    return NeedsComputationError(
        f"{what} needs the data's values (paramscope knows {name} by its shape only)")


def values_unknown(text, name):
    from .unknown import value_of
    return value_of(text, f"needs the values of {name}, which paramscope knows by its shape "
                          "only")


def broadcast(*shapes):
    """NumPy's broadcast of several shapes."""
    n = max((len(s) for s in shapes), default=0)
    out = []
    for i in range(n):
        size = 1
        for s in shapes:
            d = s[i - n + len(s)] if i - n + len(s) >= 0 else 1
            if d != 1:
                if size not in (1, d):
                    raise ValueError("operands could not be broadcast together with shapes "
                                     + " ".join(str(tuple(s)) for s in shapes))
                size = d
        out.append(size)
    return tuple(out)


_FLOATS = ("float16", "float32", "float64")
_BUILTIN_DTYPES = {"float": "float64", "int": "int64", "bool": "bool", "complex": "complex128",
                   "str": "str", "object": "object"}


def dtype_name(dtype):
    """``'float32'`` for ``"float32"``, ``np.float32``, ``np.dtype('f4')``; builtins as NumPy."""
    if dtype is None:
        return None
    if isinstance(dtype, ShapedArray):
        return dtype.dtype
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        try:
            return numpy.dtype(dtype).name
        except TypeError:
            pass
    name = getattr(dtype, "__name__", None) or str(dtype)
    return _BUILTIN_DTYPES.get(name, name)


def promote(a, b):
    """NumPy's promotion of two dtypes (``None``: unknown)."""
    if a is None or b is None:
        return None
    if a == b:
        return a
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        try:
            return numpy.promote_types(a, b).name
        except TypeError:
            return None
    floats = [d for d in (a, b) if d in _FLOATS]
    return max(floats, key=_FLOATS.index) if floats else None


def _result_dtype(own, other, weak, true_divide=False):
    """The dtype of ``array <op> other``; ``weak``: other is a Python scalar, which does not
    change an array's dtype unless it brings floats to integers."""
    if weak:
        dtype = own if other != "float64" or own in _FLOATS or own is None else "float64"
    else:
        dtype = promote(own, other)
    if true_divide and dtype is not None and dtype not in _FLOATS:
        dtype = "float64"
    return dtype


def operand(x):
    """``(shape, dtype, weak)`` of an operand (a Python scalar's dtype is weak); no shape
    for an unknown value (its own operators answer)."""
    from .unknown import is_unknown
    if isinstance(x, ShapedArray):
        return x.shape, x.dtype_or_none, False
    if isinstance(x, bool):
        return (), "bool", True
    if isinstance(x, (int, float)):
        return (), "float64" if isinstance(x, float) else "int64", True
    if is_unknown(x):
        return None, None, False
    shape = getattr(x, "shape", None)
    if shape is None or isinstance(x, type):
        return None, None, False
    try:
        shape = tuple(int(d) for d in shape)
    except (TypeError, ValueError):
        return None, None, False
    return shape, dtype_name(getattr(x, "dtype", None)), False


class ShapedArray:
    """An array known by its shape and dtype (a dataset paramscope did not load).

    ``dtype`` may be unknown (``--set 'x.shape=(...)'`` without ``x.dtype``): then
    ``x.dtype`` is an unknown value.  ``dataset_name`` says which data it is (``mnist
    x_train``), ``dtype_or_none`` its dtype name or ``None``.
    """

    __array_priority__ = 1000  # NumPy defers its operators to ours

    def __init__(self, shape, dtype, name="data"):
        self.shape = tuple(int(d) for d in shape)
        self.dtype_or_none = dtype_name(dtype)
        self.dataset_name = name

    def _like(self, shape, dtype=None, keep_dtype=True):
        return ShapedArray(shape, self.dtype_or_none if keep_dtype and dtype is None else dtype,
                           self.dataset_name)

    # -- what describes it ---------------------------------------------------------------
    @property
    def dtype(self):
        if self.dtype_or_none is None:
            from .unknown import value_of
            return value_of(f"{self.dataset_name}.dtype",
                            f"does not give the dtype of {self.dataset_name} (--set "
                            f"'{self.dataset_name}.dtype=\"float32\"' does)")
        return self.dtype_or_none

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def __repr__(self):
        return (f"<{self.dataset_name}: shape={self.shape}, dtype={self.dtype_or_none or 'unknown'} "
                "(values not loaded)>")

    def __getattr__(self, name):
        # What this stand-in does not model (``x.argpartition``, ``x.strides``...) is unknown.
        if name.startswith("_"):
            raise AttributeError(name)
        return values_unknown(f"{self.dataset_name}.{name}", self.dataset_name)

    # -- shape changes -------------------------------------------------------------------
    def reshape(self, *shape, order="C"):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        shape = [int(d) for d in shape]
        if shape.count(-1) > 1:
            raise ValueError("can only specify one unknown dimension")
        known = 1
        for d in shape:
            if d != -1:
                known *= d
        if -1 in shape:
            if known == 0 or self.size % known:
                raise ValueError(f"cannot reshape array of size {self.size} into shape "
                                 f"{tuple(shape)}")
            shape[shape.index(-1)] = self.size // known
        elif known != self.size:
            raise ValueError(f"cannot reshape array of size {self.size} into shape {tuple(shape)}")
        return self._like(shape)

    def astype(self, dtype, *args, **kwargs):
        return self._like(self.shape, dtype_name(dtype), keep_dtype=False)

    def copy(self, order="C"):
        return self._like(self.shape)

    def flatten(self, order="C"):
        return self._like((self.size,))

    ravel = flatten

    def squeeze(self, axis=None):
        if axis is None:
            shape = [d for d in self.shape if d != 1]
        else:
            axes = {a % self.ndim for a in (axis if isinstance(axis, (tuple, list)) else (axis,))}
            for a in axes:
                if self.shape[a] != 1:
                    raise ValueError("cannot select an axis to squeeze out which has size not "
                                     "equal to one")
            shape = [d for i, d in enumerate(self.shape) if i not in axes]
        return self._like(shape)

    @property
    def T(self):
        return self._like(self.shape[::-1])

    def transpose(self, *axes):
        if not axes or axes == (None,):
            return self.T
        axes = axes[0] if len(axes) == 1 and isinstance(axes[0], (tuple, list)) else axes
        return self._like([self.shape[a] for a in axes])

    def swapaxes(self, axis1, axis2):
        shape = list(self.shape)
        shape[axis1], shape[axis2] = shape[axis2], shape[axis1]
        return self._like(shape)

    def expand_dims(self, axis):
        axes = axis if isinstance(axis, (tuple, list)) else (axis,)
        ndim = self.ndim + len(axes)
        positions = sorted(a % ndim for a in axes)
        shape = list(self.shape)
        for p in positions:
            shape.insert(p, 1)
        return self._like(shape)

    def __getitem__(self, key):
        from ._numpy_shapes import index_shape
        from .unknown import derived, find_unknown
        unknown_key = find_unknown(key if isinstance(key, tuple) else (key,))
        if unknown_key is not None:
            return derived(unknown_key, f"{self.dataset_name}[…]")
        shape = index_shape(self, key)
        if shape is None:  # a mask known by its shape: how many are True needs its values
            masks = [k for k in (key if isinstance(key, tuple) else (key,))
                     if isinstance(k, ShapedArray)]
            return values_unknown(f"{self.dataset_name}[…]", masks[0].dataset_name if masks else self.dataset_name)
        return self._like(shape)

    def __setitem__(self, key, value):
        """``x[x < 0] = 0``: values change, the shape and dtype do not."""
        from ._numpy_shapes import index_shape
        index_shape(self, key)

    # -- statistics: with an axis, an array; of all the values, an unknown value -----------
    def _reduce(self, kind, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        from ._numpy_shapes import reduce
        return reduce(self, kind, axis, keepdims, dtype)

    def max(self, axis=None, out=None, keepdims=False, **kwargs):
        return self._reduce("max", axis, keepdims=keepdims)

    def min(self, axis=None, out=None, keepdims=False, **kwargs):
        return self._reduce("min", axis, keepdims=keepdims)

    def sum(self, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        return self._reduce("sum", axis, dtype, keepdims=keepdims)

    def prod(self, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        return self._reduce("prod", axis, dtype, keepdims=keepdims)

    def mean(self, axis=None, dtype=None, out=None, keepdims=False, **kwargs):
        return self._reduce("mean", axis, dtype, keepdims=keepdims)

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, **kwargs):
        return self._reduce("std", axis, dtype, keepdims=keepdims)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, **kwargs):
        return self._reduce("var", axis, dtype, keepdims=keepdims)

    def argmax(self, axis=None, out=None, keepdims=False):
        return self._reduce("argmax", axis, keepdims=keepdims)

    def argmin(self, axis=None, out=None, keepdims=False):
        return self._reduce("argmin", axis, keepdims=keepdims)

    def any(self, axis=None, out=None, keepdims=False, **kwargs):
        return self._reduce("any", axis, keepdims=keepdims)

    def all(self, axis=None, out=None, keepdims=False, **kwargs):
        return self._reduce("all", axis, keepdims=keepdims)

    def cumsum(self, axis=None, dtype=None, out=None):
        return self._like(self.shape if axis is not None else (self.size,))

    def clip(self, min=None, max=None, out=None, **kwargs):
        return self._like(broadcast(self.shape, *(operand(b)[0] or () for b in (min, max))))

    def round(self, decimals=0, out=None):
        return self._like(self.shape)

    def repeat(self, repeats, axis=None):
        from ._numpy_shapes import repeat
        return repeat(self, repeats, axis)

    def sort(self, axis=-1, kind=None, order=None):
        """In place: nothing known changes."""

    def argsort(self, axis=-1, kind=None, order=None):
        return self._like(self.shape if axis is not None else (self.size,), "int64",
                          keep_dtype=False)

    def fill(self, value):
        """In place: nothing known changes."""

    def tolist(self):
        return values_unknown(f"{self.dataset_name}.tolist()", self.dataset_name)

    def item(self, *args):
        return values_unknown(f"{self.dataset_name}.item()", self.dataset_name)

    # -- operators -------------------------------------------------------------------------
    def _binary(self, other, true_divide=False, comparison=False):
        shape, dtype, weak = operand(other)
        if shape is None:
            return NotImplemented
        shape = broadcast(self.shape, shape)
        if comparison:
            return self._like(shape, "bool", keep_dtype=False)
        return self._like(shape, _result_dtype(self.dtype_or_none, dtype, weak, true_divide),
                          keep_dtype=False)

    def __add__(self, other):
        return self._binary(other)

    __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __add__
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __add__
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = __add__

    def __truediv__(self, other):
        return self._binary(other, true_divide=True)

    __rtruediv__ = __truediv__

    def __matmul__(self, other):
        from ._numpy_shapes import matmul_shape
        shape, dtype, weak = operand(other)
        if shape is None:
            return NotImplemented
        return self._like(matmul_shape(self.shape, shape),
                          _result_dtype(self.dtype_or_none, dtype, weak), keep_dtype=False)

    def __rmatmul__(self, other):
        from ._numpy_shapes import matmul_shape
        shape, dtype, weak = operand(other)
        if shape is None:
            return NotImplemented
        return self._like(matmul_shape(shape, self.shape),
                          _result_dtype(self.dtype_or_none, dtype, weak), keep_dtype=False)

    def __eq__(self, other):
        result = self._binary(other, comparison=True)
        return False if result is NotImplemented else result

    def __ne__(self, other):
        result = self._binary(other, comparison=True)
        return True if result is NotImplemented else result

    def __lt__(self, other):
        return self._binary(other, comparison=True)

    __le__ = __gt__ = __ge__ = __lt__
    __hash__ = object.__hash__

    def _inplace(self, other, true_divide=False):
        result = self._binary(other, true_divide)
        if result is NotImplemented:
            return result
        if result.shape != self.shape:
            raise ValueError(f"non-broadcastable output operand with shape {self.shape} "
                             f"doesn't match the broadcast shape {result.shape}")
        if true_divide and self.dtype_or_none not in _FLOATS and self.dtype_or_none is not None:
            raise TypeError(f"Cannot cast ufunc 'divide' output from dtype('float64') to "
                            f"dtype('{self.dtype_or_none}') with casting rule 'same_kind'")
        return self

    def __iadd__(self, other):
        return self._inplace(other)

    __isub__ = __imul__ = __iadd__

    def __itruediv__(self, other):
        return self._inplace(other, true_divide=True)

    def __neg__(self):
        return self._like(self.shape)

    __pos__ = __abs__ = __invert__ = __neg__

    # -- NumPy functions and ufuncs on it ---------------------------------------------------
    def __array_function__(self, func, types, args, kwargs):
        from ._numpy_shapes import array_function
        return array_function(func, args, kwargs)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        from ._numpy_shapes import array_ufunc
        return array_ufunc(ufunc, method, inputs, kwargs)

    # -- what needs the values themselves ---------------------------------------------------
    def __iter__(self):
        raise _needs_values(f"iterating over {self.dataset_name}", self.dataset_name)

    def __array__(self, *args, **kwargs):
        raise _needs_values(f"converting {self.dataset_name} to a NumPy array", self.dataset_name)

    def __bool__(self):
        raise _needs_values(f"the truth value of {self.dataset_name}", self.dataset_name)

    def __float__(self):
        raise _needs_values(f"the value of {self.dataset_name}", self.dataset_name)

    __int__ = __index__ = __complex__ = __float__


def to_categorical(x, num_classes=None):
    """``keras.utils.to_categorical`` on a dataset's labels: ``(..., num_classes)``."""
    from .unknown import is_unknown
    if is_unknown(x):
        return x.to_categorical(num_classes)
    if not isinstance(x, ShapedArray):
        raise NeedsComputationError(
            "keras.utils.to_categorical() on concrete labels needs their values; paramscope "
            "does not load data. Build the model before loading the data.")
    if num_classes is None:
        return values_unknown(f"to_categorical({x.dataset_name})", x.dataset_name)
    shape = x.shape
    if shape and shape[-1] == 1 and len(shape) > 1:
        shape = shape[:-1]
    return ShapedArray(shape + (int(num_classes),), "float32", x.dataset_name)


def pad_sequences(sequences, maxlen=None, dtype="int32", *args, **kwargs):
    """``pad_sequences`` on a dataset of sequences: ``(samples, maxlen)``."""
    from .unknown import is_unknown
    if is_unknown(sequences):
        return sequences.pad_sequences(maxlen)
    if not isinstance(sequences, ShapedArray):
        raise NeedsComputationError(
            "pad_sequences() on concrete sequences needs their values; paramscope does not "
            "load data. Build the model before loading the data.")
    if maxlen is None:
        return values_unknown(f"pad_sequences({sequences.dataset_name})", sequences.dataset_name)
    return ShapedArray((len(sequences), int(maxlen)), dtype, sequences.dataset_name)


#: Keras 3.15's datasets: ``(x_train, y_train), (x_test, y_test)`` shapes and dtypes with the
#: default arguments (imdb/reuters: arrays of variable-length sequences).
DATASETS = {
    "mnist": (((60000, 28, 28), "uint8"), ((60000,), "uint8"),
              ((10000, 28, 28), "uint8"), ((10000,), "uint8")),
    "fashion_mnist": (((60000, 28, 28), "uint8"), ((60000,), "uint8"),
                      ((10000, 28, 28), "uint8"), ((10000,), "uint8")),
    "cifar10": (((50000, 32, 32, 3), "uint8"), ((50000, 1), "uint8"),
                ((10000, 32, 32, 3), "uint8"), ((10000, 1), "uint8")),
    "cifar100": (((50000, 32, 32, 3), "uint8"), ((50000, 1), "int64"),
                 ((10000, 32, 32, 3), "uint8"), ((10000, 1), "int64")),
    "boston_housing": (((404, 13), "float64"), ((404,), "float64"),
                       ((102, 13), "float64"), ((102,), "float64")),
    "california_housing": (((16512, 8), "float32"), ((16512,), "float32"),
                           ((4128, 8), "float32"), ((4128,), "float32")),
    "imdb": (((25000,), "object"), ((25000,), "int64"),
             ((25000,), "object"), ((25000,), "int64")),
    "reuters": (((8982,), "object"), ((8982,), "int64"),
                ((2246,), "object"), ((2246,), "int64")),
}


#: Datasets split with ``int(n * (1 - test_split))`` training samples: their sizes.
_SPLIT = {"boston_housing": 506, "california_housing": 20640, "reuters": 11228}


def load_data(dataset, kwargs):
    """``keras.datasets.<dataset>.load_data(**kwargs)`` as shapes."""
    names = ("x_train", "y_train", "x_test", "y_test")
    if dataset in ("imdb", "reuters") and kwargs.get("maxlen") is not None:
        # Which sequences are kept depends on their lengths: the sizes are unknown.
        arrays = [values_unknown(f"{dataset} {name}", f"{dataset} (load_data(maxlen=...) "
                                                       "keeps the sequences that fit)")
                  for name in names]
        return (arrays[0], arrays[1]), (arrays[2], arrays[3])
    spec = [list(item) for item in DATASETS[dataset]]
    if dataset in _SPLIT:
        total = _SPLIT[dataset]
        if dataset == "california_housing" and kwargs.get("version", "large") == "small":
            total = 600
        n_train = int(total * (1 - kwargs.get("test_split", 0.2)))
        for i, n in ((0, n_train), (1, n_train), (2, total - n_train), (3, total - n_train)):
            spec[i][0] = (n,) + tuple(spec[i][0][1:])
    arrays = [ShapedArray(shape, dtype, f"{dataset} {name}")
              for (shape, dtype), name in zip(spec, names)]
    return (arrays[0], arrays[1]), (arrays[2], arrays[3])
