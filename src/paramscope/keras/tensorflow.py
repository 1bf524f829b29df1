"""paramscope's stand-in for ``import tensorflow as tf``: ``tf.keras``, and the TensorFlow
operations Keras models use, on shapes.

* Inside a custom layer's ``call()`` (traced), ``tf.shape``, ``tf.reshape``, ``tf.concat``,
  ``tf.nn.*``, ``tf.math.*``, ``tf.image.resize``... compute TensorFlow's static shapes
  (with the values TensorFlow infers for ``tf.shape(x)[1] * 2``), as Keras 3 on the
  TensorFlow backend traces them.
* On concrete values (``tf.ones((3, 2))``, ``tf.constant([1, 2])``) they give tensors known
  by shape and dtype (:class:`paramscope.ops.Constant`).
* On symbolic tensors (``keras.Input``) Keras 3 refuses TensorFlow functions; scripts
  written for tf.keras (Keras 2) use them there, and tf.keras records each as a
  ``TFOpLambda`` layer (``tf.concat``, ``tf.math.reduce_mean``, ``tf.__operators__.add``
  for ``x + 1``).  With :class:`tf_keras_semantics` (``--style keras2``) paramscope builds
  such a script as tf.keras did; otherwise it stops with Keras 3's message.

Which TensorFlow symbol tf.keras records for each function (``tf.transpose`` is
``compat.v1.transpose``) comes from real tf-keras (``_tf_api.py``, tools/make_tf_api.py);
the shape rules are :mod:`paramscope.layers._tfop_rules`.  Anything else of TensorFlow is
an AttributeError saying it needs TensorFlow (libraries that probe ``sys.modules`` for
TensorFlow, such as matplotlib, catch it); ``tf.data`` pipelines say they need the data.
"""

from __future__ import annotations

import contextlib
import types

from .. import modes, naming, tree
from ..errors import NeedsComputationError, NotInKerasError, ParamscopeError

VERSION = "2.21.0"


class NeedsTensorFlowError(NeedsComputationError, AttributeError):
    """A part of TensorFlow paramscope does not provide (an AttributeError for probes)."""


class TensorFlow1Error(NotInKerasError, AttributeError):
    """A TensorFlow 1 name that TensorFlow 2 lacks (``tf.random_uniform``, ``tf.contrib``):
    the script fails there with TensorFlow 2 and tf.keras too, even inside a layer's
    ``call`` (an AttributeError for probes such as ``hasattr(tf, "Session")``)."""


def tensorflow1_only(module, name):
    """The :class:`TensorFlow1Error` for ``<module>.<name>`` (``module``: ``tensorflow`` or
    ``tensorflow.nn``...) if it is a TensorFlow 1 name TensorFlow 2 lacks, else None."""
    from ._tf1_names import MEMBERS, TOP_LEVEL
    parts = module.split(".")
    if parts == ["tensorflow"]:
        known = name in TOP_LEVEL or name in TENSORFLOW1_MODULES
    else:
        known = len(parts) == 2 and name in MEMBERS.get(parts[1], ())
    if not known:
        return None
    where = "tf." + ".".join(parts[1:] + [name])
    kept = ("TensorFlow 2 removed it" if name in TENSORFLOW1_MODULES else
            f"TensorFlow 2 has it only as tf.compat.v1.{where[3:]}")
    return TensorFlow1Error(
        f"module {module!r} has no attribute {name!r}: {where} is TensorFlow 1 only ({kept}), "
        "so the script fails here with TensorFlow 2 and tf.keras too: it needs TensorFlow 1.")


#: TensorFlow 1's modules that no TensorFlow 2 has (not even as tf.compat.v1.<name>).
TENSORFLOW1_MODULES = frozenset({"contrib"})


class NeedsDataError(NeedsComputationError):
    """A tf.data pipeline or a file: it needs the data."""


class TensorFlowOnKerasTensorError(ParamscopeError):
    """Keras 3: a TensorFlow function on a symbolic KerasTensor."""


class tf_keras_semantics:
    """Inside, the model code runs as under tf.keras (Keras 2): TensorFlow functions and
    Python operators on symbolic tensors become ``TFOpLambda`` layers, and the auto-names
    are tf.keras's (``input_1``, ``model``)."""

    def __init__(self, enabled=True):
        self.enabled = enabled

    def __enter__(self):
        self._scope = modes.keras2_semantics_scope(self.enabled).__enter__()
        self._saved_names = naming.keras2_names(self.enabled)
        if self.enabled:
            _install_operator_hook()
        return self

    def __exit__(self, *exc):
        self._scope.__exit__(*exc)
        naming.keras2_names(self._saved_names)
        return False


def keras2_semantics() -> bool:
    return modes.keras2_semantics()


# ---------------------------------------------------------------------------
# calling a TensorFlow function
# ---------------------------------------------------------------------------
def _bind(path, params, args, kwargs):
    """The call's first argument and the others by the wrapped function's parameter names
    (as tf.keras records a TFOpLambda's call)."""
    kwargs = dict(kwargs)
    if path == "einsum":  # einsum(equation, *inputs)
        return args[0] if args else kwargs.pop("equation"), {"inputs": tuple(args[1:]), **kwargs}
    if args:
        first, rest = args[0], args[1:]
    else:
        if not params or params[0] not in kwargs:
            raise TypeError(f"tf.{path}() missing its first argument")
        first, rest = kwargs.pop(params[0]), ()
    named = {}
    for name, value in zip(params[1:], rest):
        named[name] = value
    if len(rest) > len(params) - 1:
        raise TypeError(f"tf.{path}() takes {len(params)} arguments, {len(args)} were given")
    named.update(kwargs)
    return first, named


def _symbolic(values):
    from ..layers.base import KerasTensor
    return any(isinstance(v, KerasTensor) for v in tree.flatten(list(values)))


def _keras3_refusal(path):
    return TensorFlowOnKerasTensorError(
        f"A KerasTensor cannot be used as input to a TensorFlow function (tf.{path}). A "
        "KerasTensor is a symbolic placeholder for a shape and dtype, used when constructing "
        "Keras Functional models or Keras Functions. You can only use it as input to a Keras "
        "layer or a Keras operation (from the namespaces `keras.layers` and `keras.ops`); "
        "wrap the TensorFlow function in a layer (its call() may use it). This is how scripts "
        "written for tf.keras (Keras 2) use TensorFlow: paramscope builds them as tf.keras did "
        "with --style keras2.")


def call_tf(path, symbol, kind, params, args, kwargs):
    """``tf.<path>(*args, **kwargs)``: a TFOpLambda under tf.keras semantics, TensorFlow's
    shapes inside a trace or on concrete values."""
    from ..ops import is_tracing
    first, named = _bind(path, params, args, kwargs)
    return apply_op(symbol, first, named, kind, shown=path)


def apply_op(symbol, first, named, kind="TFOpLambda", shown=None):
    """The TensorFlow operation ``tf.<symbol>`` on its first argument and the others by
    name: a ``TFOpLambda`` under tf.keras semantics on symbolic tensors (Keras 3 refuses
    those), TensorFlow's static shapes inside a trace or on concrete values."""
    from ..ops import is_tracing
    symbolic = _symbolic((first,) + tuple(named.values()))
    if symbolic and not is_tracing():
        if not modes.keras2_semantics():
            raise _keras3_refusal(shown or symbol)
        return tf_op_layer(symbol, kind)(first, **named)
    return evaluate(symbol, first, named, symbolic)


def is_symbolic(*values):
    """Whether any of ``values`` (or of the lists in them) is a symbolic tensor."""
    return _symbolic(values)


def keras3_refusal(shown):
    """Keras 3's error for a TensorFlow function (``shown``) on a symbolic tensor."""
    return _keras3_refusal(shown)


def tf_functions():
    """``{path: function}``: the stand-in module's TensorFlow functions (``"math.square"``)."""
    return _functions()


def tf_op_layer(symbol, kind="TFOpLambda"):
    """A new tf.keras operation layer, named as tf.keras names it (``tf.concat_1``)."""
    from ..layers.tfop import SlicingOpLambda, TFOpLambda
    cls = SlicingOpLambda if kind == "SlicingOpLambda" else TFOpLambda
    return cls(function=symbol, name=naming.uniquify(f"tf.{symbol}"))


def evaluate(symbol, first, named, symbolic):
    """TensorFlow's static shapes of an operation: symbolic tensors (no node recorded) or,
    on concrete values, Constants."""
    from ..layers._tfop_rules import TF_OPS, first_arg
    from ..layers.tfop import tf_outputs
    from ..ops import Constant
    entry = TF_OPS.get(symbol)
    if entry is None:
        raise NeedsTensorFlowError(f"tf.{symbol}: paramscope has no shape rule for it; it needs "
                                   "TensorFlow itself.")
    named = dict(named)
    named.pop("name", None)
    first = first_arg(first, named, *entry[0])
    shape, dtype = entry[1](first, named)
    outputs = tf_outputs(symbol, shape, dtype, first, named)
    if symbolic:
        return outputs

    def concrete(t):
        if None in t.shape:
            raise NeedsComputationError(f"tf.{symbol} on concrete values gives a shape that "
                                        "depends on the values; paramscope knows shapes only.")
        out = Constant(t.shape, t.dtype)
        values = getattr(t, "_inferred_value", None)
        if values is not None:
            out._inferred_value = values
        return out
    return tree.map_structure(concrete, outputs)


def _tf_function(path, symbol, kind, params):
    def function(*args, **kwargs):
        return call_tf(path, symbol, kind, params, args, kwargs)
    function.__name__ = path.rsplit(".", 1)[-1]
    function.__qualname__ = f"tf.{path}"
    function.__doc__ = f"``tf.{path}``: recorded by tf.keras as ``tf.{symbol}``."
    return function


def _logical_xor(x, y, name="LogicalXor"):
    f = _functions()
    return f["logical_and"](f["logical_or"](x, y), f["logical_not"](f["logical_and"](x, y)))


def _moments(x, axes, shift=None, keepdims=False, name=None):
    f = _functions()
    mean = f["reduce_mean"](x, axes, keepdims=True)
    variance = f["reduce_mean"](f["math.squared_difference"](x, f["stop_gradient"](mean)),
                                axes, keepdims=True)
    if not keepdims:
        mean, variance = f["squeeze"](mean, axes), f["squeeze"](variance, axes)
    return mean, variance


def _batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    f = _functions()
    inv = f["math.rsqrt"](variance + variance_epsilon)
    if scale is not None:
        inv = inv * scale
    scaled = x * f["cast"](inv, x.dtype)  # TensorFlow's order: x * inv names its ops first
    shift = offset - mean * inv if offset is not None else -mean * inv
    return scaled + f["cast"](shift, x.dtype)


COMPOSITES = {"math.logical_xor": _logical_xor, "nn.moments": _moments,
              "nn.batch_normalization": _batch_normalization}
_FUNCTIONS: dict = {}


def _functions():
    """``{path: function}`` for every TensorFlow function of the stand-in module."""
    if not _FUNCTIONS:
        from ._tf_api import FUNCTIONS
        for path, (symbol, kind, _, params) in FUNCTIONS.items():
            if kind == "composite":
                _FUNCTIONS[path] = COMPOSITES[path]
            else:
                _FUNCTIONS[path] = _tf_function(path, symbol, kind, params)
        for alias, path in (("math.logical_xor", "math.logical_xor"),
                            ("logical_xor", "math.logical_xor")):
            _FUNCTIONS.setdefault(alias, _FUNCTIONS[path])
    return _FUNCTIONS


# ---------------------------------------------------------------------------
# Python's operators under tf.keras semantics, and on tensors with inferred values
# ---------------------------------------------------------------------------
def _operator(dunder, tensor, other=None, unary=False):
    """Python's operator as tf.keras applies it, or NotImplemented to let Keras's apply."""
    from ..layers.base import KerasTensor
    from ..ops import is_tracing
    if dunder == "__eq__" and (isinstance(other, KerasTensor) or not modes.keras2_semantics()):
        return NotImplemented  # tensors compared with tensors: identity, as Python does
    inferred = getattr(tensor, "_inferred_value", None) is not None or \
        getattr(other, "_inferred_value", None) is not None
    if not (modes.keras2_semantics() or inferred and is_tracing()):
        return NotImplemented
    from ._tf_api import OPERATORS
    entry = OPERATORS.get(dunder)
    if entry is None:
        return NotImplemented
    symbol, kind, params = entry
    if kind == "composite":
        return _logical_xor(tensor, other)
    if unary:
        first, named = tensor, {}
    elif dunder == "__getitem__":
        first, named = tensor, {"slice_spec": other}
    elif dunder.startswith("__r") and dunder not in ("__rshift__",):
        first, named = other, {params[1] if len(params) > 1 else "y": tensor}
    else:
        first, named = tensor, {params[1] if len(params) > 1 else "y": other}
    symbolic = _symbolic((tensor, other))
    if modes.keras2_semantics() and symbolic and not is_tracing():
        return tf_op_layer(symbol, kind)(first, **named)
    return evaluate(symbol, first, named, symbolic)


def _install_operator_hook():
    from ..ops import _base
    _base.OPERATOR_HOOK[0] = _operator


# ---------------------------------------------------------------------------
# values, shapes, dtypes
# ---------------------------------------------------------------------------
DTYPES = ("float16", "float32", "float64", "bfloat16", "int8", "int16", "int32", "int64",
          "uint8", "uint16", "uint32", "uint64", "bool", "string", "complex64", "complex128")


class TensorShape:
    """``tf.TensorShape``: dimensions (``None`` unknown)."""

    def __init__(self, dims):
        if isinstance(dims, TensorShape):
            dims = dims.dims
        self.dims = None if dims is None else tuple(
            None if d is None else int(getattr(d, "value", d)) for d in
            ((dims,) if isinstance(dims, int) else dims))

    @property
    def rank(self):
        return None if self.dims is None else len(self.dims)

    ndims = rank

    def as_list(self):
        if self.dims is None:
            raise ValueError("as_list() is not defined on an unknown TensorShape.")
        return list(self.dims)

    def is_fully_defined(self):
        return self.dims is not None and None not in self.dims

    def num_elements(self):
        from ..ops._shapes import prod_or_none
        return prod_or_none(self.dims) if self.dims is not None else None

    def __len__(self):
        return len(self.dims)

    def __iter__(self):
        return iter(self.dims)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return TensorShape(self.dims[key])
        return self.dims[key]

    def __eq__(self, other):
        other = getattr(other, "dims", other)
        return self.dims == (tuple(other) if other is not None else None)

    def __hash__(self):
        return hash(self.dims)

    def __repr__(self):
        return f"TensorShape({list(self.dims) if self.dims is not None else None})"


def _standardize(dtype):
    from ..dtypes import standardize_dtype
    return standardize_dtype(getattr(dtype, "name", dtype))


def constant(value, dtype=None, shape=None, name=None):
    """``tf.constant``: a concrete tensor (its values are kept for small integer lists)."""
    from ..layers._tfop_rules import python_dtype, shape_of
    from ..ops import Constant
    if getattr(value, "shape", None) is not None and not isinstance(value, (list, tuple)):
        out = Constant(shape_of(value), _standardize(dtype or getattr(value, "dtype", None)))
    else:
        out = Constant(shape_of(value), _standardize(dtype) if dtype else python_dtype(value))
        leaves = tree.flatten(value) if isinstance(value, (list, tuple)) else [value]
        if out.dtype in ("int32", "int64") and len(out.shape) <= 1 and len(leaves) <= 64:
            out._inferred_value = [int(v) for v in leaves]
    if shape is not None:
        out = Constant(tuple(TensorShape(shape).dims), out.dtype)
    return out


class Variable:
    """``tf.Variable``: known by its shape and dtype."""

    def __init__(self, initial_value=None, trainable=None, name=None, dtype=None, shape=None,
                 **kwargs):
        value = initial_value() if callable(initial_value) else initial_value
        tensor = constant(value, dtype=dtype)
        self.shape = TensorShape(shape if shape is not None else tensor.shape)
        self.dtype = tensor.dtype
        self.name = name or "Variable"
        self.trainable = True if trainable is None else bool(trainable)

    def numpy(self):
        raise NeedsComputationError(f"tf.Variable {self.name!r} has no values in paramscope "
                                    f"(only its shape {self.shape}).")

    def assign(self, value, **kwargs):
        return self

    def value(self):
        """The variable read as a concrete tensor (its shape and dtype)."""
        return constant(0, dtype=self.dtype, shape=tuple(self.shape))

    def __repr__(self):
        return f"<tf.Variable '{self.name}' shape={self.shape} dtype={self.dtype}>"


def _read_then(method):
    """A TensorFlow operator of a variable: the operator on the variable's value."""
    def operator(self, *args):
        return getattr(self.value(), method)(*args)
    operator.__name__ = method
    return operator


for _method in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
                "__truediv__", "__rtruediv__", "__pow__", "__rpow__", "__neg__", "__getitem__",
                "__matmul__", "__rmatmul__"):
    setattr(Variable, _method, _read_then(_method))


class _TensorType(type):
    def __instancecheck__(cls, obj):
        from ..layers.base import KerasTensor
        from ..ops import Constant
        return isinstance(obj, (KerasTensor, Constant))


class Tensor(metaclass=_TensorType):
    """``tf.Tensor`` for ``isinstance`` checks: symbolic and concrete tensors."""


def is_tensor(x):
    return isinstance(x, Tensor)


class TensorSpec:
    def __init__(self, shape, dtype="float32", name=None):
        self.shape, self.dtype, self.name = TensorShape(shape), _standardize(dtype), name


def function(func=None, **kwargs):
    """``tf.function``: a decorator that changes nothing shapes depend on."""
    if func is None:
        return lambda f: f
    return func


class _Strategy:
    """``tf.distribute.*Strategy``: one replica; its scope changes nothing."""

    num_replicas_in_sync = 1

    def __init__(self, *args, **kwargs):
        pass

    def scope(self):
        return contextlib.nullcontext()

    def experimental_distribute_dataset(self, dataset, *args, **kwargs):
        return dataset


def _no_op(*args, **kwargs):
    return None


class DataStandIn:
    """``tf.data.Dataset``, ``tf.io.read_file``...: using one needs the data."""

    def __init__(self, path):
        self._path = path
        self.__name__ = path.rsplit(".", 1)[-1]

    def __call__(self, *args, **kwargs):
        raise NeedsDataError(f"tf.{self._path} reads data (a tf.data pipeline or a file): it "
                             "needs the data and TensorFlow itself, which paramscope does not "
                             "load.")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return DataStandIn(f"{self._path}.{name}")

    def __repr__(self):
        return f"<paramscope stand-in tf.{self._path}>"


# ---------------------------------------------------------------------------
# the module
# ---------------------------------------------------------------------------
class Namespace(types.ModuleType):
    """``tf``, ``tf.nn``, ``tf.math``...: the functions paramscope provides; any other
    public name is an AttributeError saying it needs TensorFlow."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        path = self.__name__.replace("tensorflow", "tf", 1)
        if self.__dict__.get("_data", False):
            return DataStandIn(f"{path[3:]}.{name}")
        tensorflow1 = tensorflow1_only(self.__name__, name)
        if tensorflow1 is not None:
            raise tensorflow1
        raise NeedsTensorFlowError(
            f"{path}.{name} is TensorFlow itself, which paramscope does not provide (it "
            "provides tf.keras and the TensorFlow operations models use, on shapes): this needs "
            "TensorFlow.")


def _namespace(tf, path, members=None, data=False):
    module = tf
    parts = path.split(".")
    for i, part in enumerate(parts):
        child = module.__dict__.get(part)
        if child is None:
            child = Namespace(f"{module.__name__}.{part}")
            child.__path__ = []
            setattr(module, part, child)
        module = child
    if data:
        module._data = True
    for key, value in (members or {}).items():
        setattr(module, key, value)
    return module


def make_module():
    """A new stand-in ``tensorflow`` module."""
    from .. import keras as facade
    _install_operator_hook()
    tf = Namespace("tensorflow", __doc__)
    tf.__path__ = []
    tf.__version__ = VERSION
    tf.version = types.SimpleNamespace(VERSION=VERSION)
    tf.keras = facade
    for dtype in DTYPES:
        setattr(tf, dtype, dtype)
    tf.half, tf.double = "float16", "float64"
    for path, fn in _functions().items():
        parent, _, name = path.rpartition(".")
        setattr(_namespace(tf, parent) if parent else tf, name, fn)
    members = {
        "constant": constant, "Variable": Variable, "Tensor": Tensor, "TensorShape": TensorShape,
        "TensorSpec": TensorSpec, "is_tensor": is_tensor, "function": function,
        "executing_eagerly": lambda: True, "device": lambda *a, **k: contextlib.nullcontext(),
        "name_scope": lambda *a, **k: contextlib.nullcontext(), "print": print,
        "get_logger": lambda: __import__("logging").getLogger("tensorflow"),
        "as_dtype": _standardize,
    }
    for key, value in members.items():
        setattr(tf, key, value)
    _namespace(tf, "dtypes", {d: d for d in DTYPES} | {"as_dtype": _standardize,
                                                       "DType": str})
    _namespace(tf, "random", {"set_seed": _no_op})
    _namespace(tf, "config", {"list_physical_devices": lambda kind=None: [],
                              "list_logical_devices": lambda kind=None: [],
                              "set_visible_devices": _no_op, "run_functions_eagerly": _no_op,
                              "set_soft_device_placement": _no_op})
    _namespace(tf, "config.experimental", {"set_memory_growth": _no_op,
                                           "enable_op_determinism": _no_op})
    _namespace(tf, "config.threading", {"set_intra_op_parallelism_threads": _no_op,
                                        "set_inter_op_parallelism_threads": _no_op})
    _namespace(tf, "distribute", {name: _Strategy for name in (
        "MirroredStrategy", "OneDeviceStrategy", "MultiWorkerMirroredStrategy", "TPUStrategy",
        "get_strategy")})
    _namespace(tf, "distribute.cluster_resolver", {"TPUClusterResolver": _Strategy})
    _namespace(tf, "tpu.experimental", {"initialize_tpu_system": _no_op})
    _namespace(tf, "data", {"AUTOTUNE": -1}, data=True)
    _namespace(tf, "data.experimental", {"AUTOTUNE": -1}, data=True)
    _namespace(tf, "io", data=True)
    _namespace(tf, "autograph", {"set_verbosity": _no_op})
    _namespace(tf, "debugging", {"set_log_device_placement": _no_op})
    _namespace(tf, "compat.v1", {"disable_eager_execution": _no_op,
                                 "disable_v2_behavior": _no_op, "enable_eager_execution": _no_op})
    _namespace(tf, "compat.v1.logging", {"set_verbosity": _no_op, "ERROR": 40, "WARN": 30,
                                         "INFO": 20})
    return tf


def submodule(tf, path):
    """``import tensorflow.<path>``: a namespace of the stand-in module, or None."""
    module = tf
    for part in path.split("."):
        module = module.__dict__.get(part)
        if not isinstance(module, types.ModuleType):
            return None
    return module
