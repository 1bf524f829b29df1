"""Data known only by its shape: what ``keras.datasets.*.load_data()`` gives a script here.

Classic Keras scripts load a dataset, reshape and rescale it, one-hot encode the labels, and
only then build the model, often sizing it from the data's shape (``x_train.shape[1:]``).
A :class:`ShapedArray` has the dataset's real shape and dtype and follows the NumPy
operations those scripts use on them (``reshape``, ``astype``, arithmetic, slicing,
``len``); anything that needs the values (``max()``, iterating, printing an element,
``model.fit``) stops with a message saying so.  Nothing is downloaded or allocated.
"""

from __future__ import annotations

from ..errors import NeedsComputationError


def _needs_values(what):
    return NeedsComputationError(
        f"{what} needs the data's values, which paramscope never loads (a dataset here is known "
        "by its shape only). Give the number explicitly, or build the model before loading.")


def _broadcast(a, b):
    a, b = tuple(a), tuple(b)
    n = max(len(a), len(b))
    a, b = (1,) * (n - len(a)) + a, (1,) * (n - len(b)) + b
    out = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"operands could not be broadcast together with shapes {a} {b}")
        out.append(y if x == 1 else x)
    return tuple(out)


_FLOATS = ("float16", "float32", "float64")


def _result_dtype(a, b, true_divide=False):
    kinds = [a, b]
    floats = [d for d in kinds if d in _FLOATS]
    if floats:
        return max(floats, key=_FLOATS.index)
    return "float64" if true_divide else (a or b)


def _dtype_of(x):
    if isinstance(x, ShapedArray):
        return x.dtype
    if isinstance(x, bool):
        return None
    if isinstance(x, float):
        return None  # a Python float does not promote an array's float dtype (NumPy 2)
    if isinstance(x, int):
        return None
    dtype = getattr(x, "dtype", None)
    return str(dtype) if dtype is not None else None


def _shape_of(x):
    if isinstance(x, ShapedArray):
        return x.shape
    if isinstance(x, (bool, int, float)):
        return ()
    shape = getattr(x, "shape", None)
    if shape is None:
        raise _needs_values(f"combining a dataset with {type(x).__name__}")
    return tuple(shape)


class ShapedArray:
    """An array known by its shape and dtype (a dataset paramscope did not load)."""

    __array_priority__ = 1000  # NumPy defers its operators to ours

    def __init__(self, shape, dtype, name="data"):
        self.shape = tuple(int(d) for d in shape)
        self.dtype = str(dtype)
        self._name = name

    # -- what describes it ---------------------------------------------------------------
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
        return f"<{self._name}: shape={self.shape}, dtype={self.dtype} (values not loaded)>"

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
        return ShapedArray(shape, self.dtype, self._name)

    def astype(self, dtype, *args, **kwargs):
        return ShapedArray(self.shape, getattr(dtype, "__name__", None) or str(dtype), self._name)

    def copy(self):
        return ShapedArray(self.shape, self.dtype, self._name)

    def flatten(self):
        return ShapedArray((self.size,), self.dtype, self._name)

    ravel = flatten

    def squeeze(self, axis=None):
        if axis is None:
            shape = [d for d in self.shape if d != 1]
        else:
            axes = {a % self.ndim for a in (axis if isinstance(axis, (tuple, list)) else (axis,))}
            shape = [d for i, d in enumerate(self.shape) if i not in axes]
        return ShapedArray(shape, self.dtype, self._name)

    @property
    def T(self):
        return ShapedArray(self.shape[::-1], self.dtype, self._name)

    def transpose(self, *axes):
        if not axes:
            return self.T
        axes = axes[0] if len(axes) == 1 and isinstance(axes[0], (tuple, list)) else axes
        return ShapedArray([self.shape[a] for a in axes], self.dtype, self._name)

    def __getitem__(self, key):
        from ..ops import getitem_shape
        if not isinstance(key, tuple):
            key = (key,)
        if any(not isinstance(k, (int, slice, type(None), type(Ellipsis))) or isinstance(k, bool)
               for k in key):
            raise _needs_values("indexing a dataset with an array")
        return ShapedArray(getitem_shape(self.shape, key), self.dtype, self._name)

    # -- arithmetic ------------------------------------------------------------------------
    def _binary(self, other, true_divide=False, reverse=False):
        shape = _broadcast(self.shape, _shape_of(other))
        dtype = _result_dtype(self.dtype, _dtype_of(other), true_divide)
        return ShapedArray(shape, dtype, self._name)

    def __add__(self, other):
        return self._binary(other)

    __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __add__
    __floordiv__ = __rfloordiv__ = __mod__ = __pow__ = __add__

    def __truediv__(self, other):
        return self._binary(other, true_divide=True)

    __rtruediv__ = __truediv__

    def _inplace(self, other, true_divide=False):
        result = self._binary(other, true_divide)
        if result.shape != self.shape:
            raise ValueError(f"non-broadcastable output operand with shape {self.shape} "
                             f"doesn't match the broadcast shape {result.shape}")
        if true_divide and self.dtype not in _FLOATS:
            raise TypeError(f"Cannot cast ufunc 'divide' output from dtype('float64') to "
                            f"dtype('{self.dtype}') with casting rule 'same_kind'")
        return self

    def __iadd__(self, other):
        return self._inplace(other)

    __isub__ = __imul__ = __iadd__

    def __itruediv__(self, other):
        return self._inplace(other, true_divide=True)

    def __neg__(self):
        return self

    # -- NumPy functions on it (np.expand_dims(x, -1), np.reshape, ...) ---------------------
    def __array_function__(self, func, types, args, kwargs):
        handler = _NUMPY_FUNCTIONS.get(func.__name__)
        if handler is None:
            raise _needs_values(f"numpy.{func.__name__}() on {self._name}")
        return handler(*args, **kwargs)

    def expand_dims(self, axis):
        axes = axis if isinstance(axis, (tuple, list)) else (axis,)
        ndim = self.ndim + len(axes)
        positions = sorted(a % ndim for a in axes)
        shape = list(self.shape)
        for p in positions:
            shape.insert(p, 1)
        return ShapedArray(shape, self.dtype, self._name)

    # -- what needs the values -------------------------------------------------------------
    def _values(self, *args, **kwargs):
        raise _needs_values(f"a statistic of {self._name}")

    max = min = mean = std = sum = argmax = argmin = tolist = item = _values

    def __iter__(self):
        raise _needs_values(f"iterating over {self._name}")

    def __array__(self, *args, **kwargs):
        raise _needs_values(f"converting {self._name} to a NumPy array")

    def __bool__(self):
        raise _needs_values(f"the truth value of {self._name}")

    def __float__(self):
        raise _needs_values(f"the value of {self._name}")

    __int__ = __float__


_NUMPY_FUNCTIONS = {
    "expand_dims": lambda a, axis: a.expand_dims(axis),
    "reshape": lambda a, *shape, **kw: a.reshape(*(shape or (kw.get("newshape", kw.get("shape")),))),
    "squeeze": lambda a, axis=None: a.squeeze(axis),
    "transpose": lambda a, axes=None: a.transpose(*(() if axes is None else (axes,))),
    "shape": lambda a: a.shape,
    "ndim": lambda a: a.ndim,
    "size": lambda a, axis=None: a.size if axis is None else a.shape[axis],
    "ravel": lambda a, order="C": a.ravel(),
}


def to_categorical(x, num_classes=None):
    """``keras.utils.to_categorical`` on a dataset's labels: ``(..., num_classes)``."""
    if not isinstance(x, ShapedArray):
        raise NeedsComputationError(
            "keras.utils.to_categorical() on concrete labels needs their values; paramscope "
            "does not load data. Build the model before loading the data.")
    if num_classes is None:
        raise _needs_values("to_categorical(y) without num_classes (the largest label)")
    shape = x.shape
    if shape and shape[-1] == 1 and len(shape) > 1:
        shape = shape[:-1]
    return ShapedArray(shape + (int(num_classes),), "float32", x._name)


def pad_sequences(sequences, maxlen=None, dtype="int32", *args, **kwargs):
    """``pad_sequences`` on a dataset of sequences: ``(samples, maxlen)``."""
    if not isinstance(sequences, ShapedArray):
        raise NeedsComputationError(
            "pad_sequences() on concrete sequences needs their values; paramscope does not "
            "load data. Build the model before loading the data.")
    if maxlen is None:
        raise _needs_values("pad_sequences(...) without maxlen (the longest sequence)")
    return ShapedArray((len(sequences), int(maxlen)), dtype, sequences._name)


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
    if dataset in ("imdb", "reuters") and kwargs.get("maxlen") is not None:
        raise _needs_values(f"keras.datasets.{dataset}.load_data(maxlen=...) (which sequences "
                            "are kept)")
    spec = [list(item) for item in DATASETS[dataset]]
    if dataset in _SPLIT:
        total = _SPLIT[dataset]
        if dataset == "california_housing" and kwargs.get("version", "large") == "small":
            total = 600
        n_train = int(total * (1 - kwargs.get("test_split", 0.2)))
        for i, n in ((0, n_train), (1, n_train), (2, total - n_train), (3, total - n_train)):
            spec[i][0] = (n,) + tuple(spec[i][0][1:])
    names = ("x_train", "y_train", "x_test", "y_test")
    arrays = [ShapedArray(shape, dtype, f"{dataset} {name}")
              for (shape, dtype), name in zip(spec, names)]
    return (arrays[0], arrays[1]), (arrays[2], arrays[3])
