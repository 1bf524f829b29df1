"""keras.datasets in the corpus generator: arrays with the documented shapes whose values are unknown.

Used by tools/corpus_worker.py inside a Keras virtualenv.  ``load_data()`` returns
``ShapeOnly`` arrays: NumPy arrays with the shapes and dtypes that Keras's dataset docstrings
give (keras/src/datasets/*.py), whose *values* are never to be relied on.  Whatever reads
values (a reduction such as ``y.max()``, iteration, ``np.unique``, fancy indexing by such an
array, ``to_categorical`` without ``num_classes``, ``pad_sequences`` without ``maxlen``)
raises ``DataUnavailable``, so the statement is treated as needing data (its names become
unknown) instead of silently giving a number computed from zeros.  Element-wise arithmetic,
``astype``, ``reshape``, slicing and ``expand_dims`` keep the shape and the "unknown values"
mark.
"""
from __future__ import annotations

import numpy as np

# (x_train, y_train, x_test, y_test) shapes and dtypes, from Keras's dataset docstrings;
# imdb/reuters hold variable-length lists of word indices (object arrays).
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
    "imdb": (((25000,), "object"), ((25000,), "int64"),
             ((25000,), "object"), ((25000,), "int64")),
    "reuters": (((8982,), "object"), ((8982,), "int64"),
                ((2246,), "object"), ((2246,), "int64")),
}

# NumPy functions whose result's shape follows from the shapes alone.
SHAPE_FUNCTIONS = frozenset({
    "reshape", "expand_dims", "squeeze", "transpose", "shape", "ndim", "size", "ravel",
    "zeros_like", "ones_like", "empty_like", "concatenate", "stack", "vstack", "hstack",
    "asarray", "array", "astype", "swapaxes", "moveaxis", "copy", "broadcast_to",
})


class DataUnavailable(Exception):
    """A value was read from a dataset known by its shape only."""


def _refuse(what):
    raise DataUnavailable(f"{what} needs the dataset's values")


class ShapeOnly(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        # Element-wise: only the result's shape and dtype are computed (no memory per value).
        if method != "__call__" or ufunc.nout != 1:
            _refuse(f"numpy.{ufunc.__name__}.{method}")
        kwargs.pop("out", None)
        samples = [np.zeros((), i.dtype) if isinstance(i, np.ndarray) else i for i in inputs]
        dtype = np.asarray(ufunc(*samples, **kwargs)).dtype
        return blank(np.broadcast_shapes(*(np.shape(i) for i in inputs)), dtype)

    def astype(self, dtype, *args, **kwargs):
        return blank(self.shape, dtype)

    def __array_function__(self, func, types, args, kwargs):
        if func.__name__ == "pad":  # the result's shape follows from the widths (any mode)
            return _padded(*args, **kwargs)
        if func.__name__ not in SHAPE_FUNCTIONS:
            _refuse(f"numpy.{func.__name__}")
        result = super().__array_function__(func, (np.ndarray,),
                                            _plain(args), _plain(kwargs))
        return result.view(ShapeOnly) if isinstance(result, np.ndarray) else result

    def __getitem__(self, index):
        if _holds_shape_only(index):
            _refuse("indexing by a dataset array")
        result = np.asarray(self)[index]
        if isinstance(result, np.ndarray):
            return result.view(ShapeOnly)
        _refuse("reading one element")

    def __iter__(self):
        _refuse("iterating over a dataset array")

    def tolist(self):
        _refuse("tolist()")

    def item(self, *args):
        _refuse("item()")

    def __bool__(self):
        _refuse("truth value")

    def __int__(self):
        _refuse("int()")

    def __float__(self):
        _refuse("float()")

    def __index__(self):
        _refuse("an index")


def _padded(array, pad_width, mode="constant", **kwargs):
    probe = np.pad(np.zeros((1,) * array.ndim, array.dtype), pad_width, mode="constant")
    return blank(tuple(n + p - 1 for n, p in zip(array.shape, probe.shape)), array.dtype)


def _plain(value):
    if isinstance(value, ShapeOnly):
        return np.asarray(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _holds_shape_only(value):
    if isinstance(value, ShapeOnly):
        return True
    if isinstance(value, (list, tuple)):
        return any(_holds_shape_only(v) for v in value)
    return False


def blank(shape, dtype):
    """A read-only array of this shape and dtype that takes no memory per element."""
    return np.broadcast_to(np.zeros((), dtype=dtype), tuple(shape)).view(ShapeOnly)


def unknown_array(shape, dtype):
    return blank(shape, dtype)


def loader(name, test_split_sizes=None):
    def load_data(*args, **kwargs):
        if name in ("imdb", "reuters") and kwargs.get("maxlen") is not None:
            _refuse(f"{name}.load_data(maxlen=...) (which sequences are kept)")
        if name == "reuters" and kwargs.get("test_split", 0.2) != 0.2:
            _refuse("reuters.load_data(test_split=...)")
        xs = [unknown_array(shape, dtype) for shape, dtype in DATASETS[name]]
        return (xs[0], xs[1]), (xs[2], xs[3])
    return load_data


def to_categorical(original):
    def convert(x, num_classes=None, *args, **kwargs):
        if isinstance(x, ShapeOnly):
            if num_classes is None:
                _refuse("to_categorical(y) without num_classes")
            shape = x.shape[:-1] if x.ndim > 1 and x.shape[-1] == 1 else x.shape
            return unknown_array(tuple(shape) + (num_classes,), "float32")
        return original(x, num_classes, *args, **kwargs)
    return convert


def pad_sequences(original):
    def pad(sequences, maxlen=None, dtype="int32", *args, **kwargs):
        if isinstance(sequences, ShapeOnly):
            if maxlen is None:
                _refuse("pad_sequences() without maxlen")
            return unknown_array((len(sequences), maxlen), dtype)
        return original(sequences, maxlen, dtype, *args, **kwargs)
    return pad


def install(keras, data_unavailable):
    """Replace the dataset loaders, to_categorical and pad_sequences in every Keras module
    that exports them (keras.*, keras.src.*, the tf.keras view keras._tf_keras.*; for
    tf-keras, tf_keras.*)."""
    global DataUnavailable
    DataUnavailable = data_unavailable
    import importlib
    import sys
    root = keras.__name__  # "keras", or "tf_keras" (tf-keras under the classic name)
    modules = [f"{root}.preprocessing.sequence"]
    dataset_packages = [f"{root}.datasets", f"{root}.src.datasets"]
    if root == "keras":
        modules += ["keras._tf_keras.keras", "keras.src.legacy.preprocessing.sequence"]
        dataset_packages.append("keras._tf_keras.keras.datasets")
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    for name in DATASETS:
        for prefix in dataset_packages:
            try:
                importlib.import_module(f"{prefix}.{name}")
            except ImportError:
                pass
    categorical = to_categorical(keras.utils.to_categorical)
    padder = pad_sequences(keras.utils.pad_sequences)
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith(root) or module is None:
            continue
        leaf = module_name.rsplit(".", 1)[-1]
        if leaf in DATASETS and hasattr(module, "load_data"):
            module.load_data = loader(leaf)
        if hasattr(module, "to_categorical"):
            module.to_categorical = categorical
        if hasattr(module, "pad_sequences"):
            module.pad_sequences = padder
