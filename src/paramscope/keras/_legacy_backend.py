"""``keras.backend``'s Keras 2 functions: ``K.mean``, ``K.square``, ``K.batch_dot``, ``K.variable``...

They are TensorFlow code, ported here from ``tf_keras/src/backend.py`` (tf-keras 2.21) onto
paramscope's stand-in TensorFlow functions, so that each behaves as in the Keras a script runs on:

* **Keras 3** keeps them in its tf.keras view (``keras._tf_keras.keras.backend``, from
  ``keras/src/legacy/backend.py``): what a classic script's ``from keras import backend as K``
  gets once its import paths are mapped.  Inside a layer's ``call()`` or a Lambda's function
  (traced, as Keras 3 on TensorFlow runs them) and on concrete values they compute TensorFlow's
  shapes; on a symbolic tensor outside a call (``K.square(keras.Input(...))``) Keras 3 fails (a
  TensorFlow function cannot take a KerasTensor), and so does paramscope.
* **tf.keras** (``--style keras2``) has them in ``keras.backend`` and records on symbolic
  tensors what they run: each TensorFlow operation is a ``TFOpLambda`` row (``K.sqrt`` is
  ``tf.math.maximum`` then ``tf.math.sqrt``).  A function whose TensorFlow code cannot take a
  KerasTensor (the crossentropies, ``batch_flatten``) is recorded whole
  (``tf.keras.backend.binary_crossentropy``), as TensorFlow's dispatch falls back to it; the
  operations it tried before have used up their names (``tf.convert_to_tensor_1``...).

The functions are in three modules: this one (registration, helpers, shapes and dtypes,
reductions and elementwise math, values), ``_legacy_backend_arrays`` (arrays and products) and
``_legacy_backend_nn`` (activations, convolutions, losses, what needs computation).

What needs real computation (``K.gradients``, ``K.function``'s result, ``K.get_value``...) says so
(:class:`~paramscope.errors.NeedsComputationError`).  :func:`lookup` gives a function by name for
the active style; names only tf.keras has are not Keras 3's (``K.set_learning_phase``).
"""

from __future__ import annotations

import functools
import inspect

from .. import backend_config, dtypes, naming
from ..errors import NeedsComputationError, ParamscopeError
from ..ops import is_tracing
from . import tensorflow as T

#: name -> (function, in Keras 3's tf.keras view)
FUNCTIONS: dict = {}


# ---------------------------------------------------------------------------
# registration
# ---------------------------------------------------------------------------
def _register(fn, name, keras3):
    fn.__name__ = fn.__qualname__ = name
    FUNCTIONS[name] = (fn, keras3)
    return fn


def exported(keras3=True, tensor=True):
    """A ``keras.backend`` function (``keras3``: Keras 3's tf.keras view has it too).  A
    ``tensor`` function is TensorFlow code: Keras 3 fails on a symbolic tensor outside a call."""
    def register(fn):
        name = fn.__name__.rstrip("_")
        if not tensor:
            return _register(fn, name, keras3)

        @functools.wraps(fn)
        def function(*args, **kwargs):
            if not T.keras2_semantics() and not is_tracing() and \
                    T.is_symbolic(*args, *kwargs.values()):
                raise T.keras3_refusal(f"keras.backend.{name}")
            return fn(*args, **kwargs)
        return _register(function, name, keras3)
    return register


def recorded_whole(*consumed, keras3=True):
    """A function tf.keras records as one ``TFOpLambda`` (``tf.keras.backend.<name>``) on
    symbolic tensors: its TensorFlow code fails on a KerasTensor after the operations in
    ``consumed`` took their names, and TensorFlow's dispatch falls back to the whole function."""
    def register(fn):
        name = fn.__name__.rstrip("_")
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def function(*args, **kwargs):
            if T.is_symbolic(*args, *kwargs.values()) and not is_tracing():
                if not T.keras2_semantics():
                    raise T.keras3_refusal(f"keras.backend.{name}")
                for symbol in consumed:
                    naming.uniquify(f"tf.{symbol}")
                bound = signature.bind(*args, **kwargs).arguments
                first = bound.pop(next(iter(signature.parameters)))
                return T.tf_op_layer(f"keras.backend.{name}")(first, **bound)
            return fn(*args, **kwargs)
        return _register(function, name, keras3)
    return register


def lookup(name):
    """``keras.backend.<name>`` for the active style, or None."""
    from . import _legacy_backend_arrays, _legacy_backend_nn  # noqa: F401 - register theirs
    entry = FUNCTIONS.get(name)
    if entry is None or not (entry[1] or T.keras2_semantics()):
        return None
    return entry[0]


def names(keras2):
    lookup("")
    return sorted(n for n, (_, keras3) in FUNCTIONS.items() if keras3 or keras2)


def is_legacy_function(name):
    """Whether ``keras.backend.<name>`` is one of the Keras 2 functions of this module."""
    lookup("")
    return name in FUNCTIONS


def is_keras2_only(name):
    lookup("")
    entry = FUNCTIONS.get(name)
    return entry is not None and not entry[1]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def tf(path, *args, **kwargs):
    """``tf.<path>(*args, **kwargs)`` of the stand-in module."""
    return T.tf_functions()[path](*args, **kwargs)


def op(symbol, first, **named):
    """A TensorFlow operation the stand-in module does not expose by its public path."""
    return T.apply_op(symbol, first, named)


def dtype_of(x, default=None):
    dtype = getattr(x, "dtype", None)
    return getattr(dtype, "name", dtype) if dtype is not None else (default or floatx())


def floatx():
    return dtypes.floatx()


def constant_like(value, x):
    """``_constant_to_tensor(value, x.dtype)``: a scalar constant of x's dtype."""
    return T.constant(value, dtype=dtype_of(x))


def integer_tensor(function, argument, x):
    """TensorFlow's integer-only arguments (``tf.one_hot``'s indices)."""
    if not str(dtype_of(x)).startswith(("int", "uint")):
        raise ParamscopeError(
            f"keras.backend.{function}: {argument} must be an integer tensor (TensorFlow's "
            f"{function} takes uint8, int8, int32 or int64), received {dtype_of(x)}.")


def rank(x):
    return len(x.shape)


def needs_computation(what):
    return NeedsComputationError(
        f"keras.backend.{what} needs real computation (tensor values, gradients or a session), "
        "which paramscope does not do: it computes a model's shapes and parameters.")


# ---------------------------------------------------------------------------
# shapes and dtypes
# ---------------------------------------------------------------------------
@exported(tensor=False)
def int_shape(x):
    try:
        return tuple(x.shape)
    except (TypeError, ValueError):
        return None


@exported()
def ndim(x):
    return len(x.shape)


@exported()
def dtype(x):
    return dtype_of(x)


@exported()
def shape(x):
    return tf("shape", x)


@exported(tensor=False)
def count_params(x):
    import math
    return math.prod(int(d) for d in x.shape)


@exported(tensor=False)
def is_sparse(tensor):
    return bool(getattr(tensor, "sparse", False))


@exported(tensor=False)
def to_dense(tensor):
    return tensor


@exported()
def cast(x, dtype):
    return tf("cast", x, dtype)


@recorded_whole()
def cast_to_floatx(x):
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return tf("cast", x, dtype=floatx())
    return T.constant(x, dtype=floatx())


# ---------------------------------------------------------------------------
# reductions and elementwise math
# ---------------------------------------------------------------------------
def _float_if_bool(x):
    return tf("cast", x, floatx()) if dtype_of(x) == "bool" else x


@exported()
def max_(x, axis=None, keepdims=False):
    return tf("reduce_max", x, axis, keepdims)


@exported()
def min_(x, axis=None, keepdims=False):
    return tf("reduce_min", x, axis, keepdims)


@exported()
def sum_(x, axis=None, keepdims=False):
    return tf("reduce_sum", x, axis, keepdims)


@exported()
def prod(x, axis=None, keepdims=False):
    return tf("reduce_prod", x, axis, keepdims)


@exported()
def mean(x, axis=None, keepdims=False):
    return tf("reduce_mean", _float_if_bool(x), axis, keepdims)


@exported()
def var(x, axis=None, keepdims=False):
    return tf("math.reduce_variance", _float_if_bool(x), axis=axis, keepdims=keepdims)


@exported()
def std(x, axis=None, keepdims=False):
    return tf("math.reduce_std", _float_if_bool(x), axis=axis, keepdims=keepdims)


@exported()
def any_(x, axis=None, keepdims=False):
    return tf("reduce_any", tf("cast", x, "bool"), axis, keepdims)


@exported()
def all_(x, axis=None, keepdims=False):
    return tf("reduce_all", tf("cast", x, "bool"), axis, keepdims)


@exported()
def argmax(x, axis=-1):
    return tf("argmax", x, axis)


@exported()
def argmin(x, axis=-1):
    return tf("argmin", x, axis)


@exported()
def cumsum(x, axis=0):
    return tf("cumsum", x, axis=axis)


@exported()
def cumprod(x, axis=0):
    return tf("math.cumprod", x, axis=axis)


def _unary(name, path):
    def function(x):
        return tf(path, x)
    function.__name__ = name
    function.__doc__ = f"``K.{name}(x)``: ``tf.{path}``."
    return exported()(function)


for _name, _path in (("square", "square"), ("abs", "abs"), ("exp", "exp"), ("log", "math.log"),
                     ("round", "round"), ("sign", "sign"), ("sin", "math.sin"),
                     ("cos", "math.cos"), ("tanh", "tanh"), ("softplus", "math.softplus"),
                     ("softsign", "nn.softsign")):
    _unary(_name, _path)


def _binary(name, path):
    def function(x, y):
        return tf(path, x, y)
    function.__name__ = name
    function.__doc__ = f"``K.{name}(x, y)``: ``tf.{path}``."
    return exported()(function)


for _name in ("equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
              "maximum", "minimum"):
    _binary(_name, _name)


@exported()
def sqrt(x):
    return tf("sqrt", tf("maximum", x, constant_like(0.0, x)))


@exported()
def pow_(x, a):
    return tf("pow", x, a)


@exported()
def clip(x, min_value, max_value):
    if isinstance(min_value, (int, float)) and isinstance(max_value, (int, float)) \
            and max_value < min_value:
        max_value = min_value
    min_value = float("-inf") if min_value is None else min_value
    max_value = float("inf") if max_value is None else max_value
    return tf("clip_by_value", x, min_value, max_value)


@exported()
def stop_gradient(variables):
    if isinstance(variables, (list, tuple)):
        return map(lambda v: tf("stop_gradient", v), variables)
    return tf("stop_gradient", variables)


@exported()
def switch(condition, then_expression, else_expression):
    if dtype_of(condition) != "bool":
        condition = tf("cast", condition, "bool")
    cond_ndim = ndim(condition)
    if not cond_ndim:
        if T.is_symbolic(condition):
            raise NeedsComputationError(
                "keras.backend.switch on a scalar condition is tf.cond: which branch runs "
                "depends on the condition's value, which paramscope does not have.")
        raise needs_computation("switch")
    if callable(then_expression):
        then_expression = then_expression()
    if callable(else_expression):
        else_expression = else_expression()
    expr_ndim = ndim(then_expression)
    if cond_ndim > expr_ndim:
        raise ParamscopeError(
            "Rank of `condition` should be less than or equal to rank of `then_expression` and "
            f"`else_expression`. ndim(condition)={cond_ndim}, ndim(then_expression)={expr_ndim}")
    if cond_ndim > 1:
        ndim_diff = expr_ndim - cond_ndim
        cond_shape = tf("concat", [tf("shape", condition), [1] * ndim_diff], axis=0)
        condition = tf("reshape", condition, cond_shape)
        expr_shape = tf("shape", then_expression)
        shape_diff = expr_shape - cond_shape
        tile_shape = tf("where", shape_diff > 0, expr_shape, tf("ones_like", expr_shape))
        condition = tf("tile", condition, tile_shape)
    return tf("where", condition, then_expression, else_expression)


# ---------------------------------------------------------------------------
# values: variables, constants, random tensors
# ---------------------------------------------------------------------------
@exported(tensor=False)
def variable(value, dtype=None, name=None, constraint=None):
    return T.Variable(value, dtype=dtype or floatx(), name=name)


@exported(tensor=False)
def constant(value, dtype=None, shape=None, name=None):
    return T.constant(value, dtype=dtype or floatx(), shape=shape)


def _filled(path, shape, dtype):
    value = tf(path, shape, dtype=dtype or floatx())
    if T.is_symbolic(value) or None in tuple(value.shape):
        return value
    return variable(value, dtype=dtype)


@exported(tensor=False)
def zeros(shape, dtype=None, name=None):
    return _filled("zeros", shape, dtype)


@exported(tensor=False)
def ones(shape, dtype=None, name=None):
    return _filled("ones", shape, dtype)


@exported(tensor=False)
def eye(size, dtype=None, name=None):
    rows, cols = (size, size) if isinstance(size, int) else tuple(size)
    return variable(T.constant(0.0, shape=(rows, cols), dtype=dtype or floatx()), dtype=dtype)


@exported(tensor=False)
def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return tf("random.normal", shape, mean=mean, stddev=stddev, dtype=dtype or floatx())


@exported(tensor=False)
def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return tf("random.uniform", shape, minval=minval, maxval=maxval, dtype=dtype or floatx())


@exported(tensor=False)
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return tf("random.truncated_normal", shape, mean, stddev, dtype=dtype or floatx())


@exported(tensor=False)
def random_bernoulli(shape, p=0.0, dtype=None, seed=None):
    dtype = dtype or floatx()
    return tf("where", tf("random.uniform", shape, dtype=dtype) <= p,
              tf("ones", shape, dtype=dtype), tf("zeros", shape, dtype=dtype))


@exported(keras3=False, tensor=False)
def random_binomial(shape, p=0.0, dtype=None, seed=None):
    import warnings
    warnings.warn("`tf.keras.backend.random_binomial` is deprecated, and will be removed in a "
                  "future version.Please use `tf.keras.backend.random_bernoulli` instead.",
                  stacklevel=2)
    return random_bernoulli(shape, p, dtype, seed)


@exported(tensor=False)
def random_normal_variable(shape, mean, scale, dtype=None, name=None, seed=None):
    return variable(T.constant(0.0, shape=tuple(shape), dtype=dtype or floatx()), dtype, name)


@exported(tensor=False)
def random_uniform_variable(shape, low, high, dtype=None, name=None, seed=None):
    return variable(T.constant(0.0, shape=tuple(shape), dtype=dtype or floatx()), dtype, name)
