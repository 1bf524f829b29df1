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
    from . import _legacy_backend_nn  # noqa: F401 - registers its functions
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
# arrays
# ---------------------------------------------------------------------------
@exported()
def concatenate(tensors, axis=-1):
    if axis < 0:
        rank_ = ndim(tensors[0])
        axis = axis % rank_ if rank_ else 0
    return tf("concat", list(tensors), axis)


@exported()
def reshape(x, shape):
    return tf("reshape", x, shape)


@exported()
def permute_dimensions(x, pattern):
    return tf("transpose", x, perm=pattern)


@exported()
def transpose(x):
    return tf("transpose", x)


@exported()
def gather(reference, indices):
    return tf("gather", reference, indices)


@exported()
def expand_dims(x, axis=-1):
    return tf("expand_dims", x, axis)


@exported()
def squeeze(x, axis):
    return tf("squeeze", x, [axis])


@exported()
def stack(x, axis=0):
    return tf("stack", x, axis=axis)


@exported()
def tile(x, n):
    return tf("tile", x, [n] if isinstance(n, int) else n)


@exported()
def flatten(x):
    return tf("reshape", x, [-1])


@recorded_whole("compat.v1.shape", "__operators__.getitem", "math.reduce_prod", "stack")
def batch_flatten(x):
    return tf("reshape", x, tf("stack", [-1, prod(shape(x)[1:])]))


@exported()
def repeat_elements(x, rep, axis):
    size = x.shape[axis]
    if size is not None:
        splits = tf("split", x, size, axis=axis)
        return concatenate([s for s in splits for _ in range(rep)], axis)
    auxiliary_axis = axis + 1
    x_rep = tf("expand_dims", x, axis=auxiliary_axis)
    reps = [1] * (rank(x) + 1)
    reps[auxiliary_axis] = rep
    x_rep = tf("tile", x_rep, reps)
    x_shape = tf("shape", x)
    del reps[auxiliary_axis]
    reps[axis] = rep
    x_rep = tf("reshape", x_rep, x_shape * T.constant(reps, dtype="int32"))
    if T.is_symbolic(x_rep) and not is_tracing():
        return x_rep
    # x_rep.set_shape(x.shape): the sizes x knows (all but the repeated axis)
    merged = tuple(a if a is not None else b for a, b in zip(x.shape, x_rep.shape))
    return type(x_rep)(merged, dtype=x_rep.dtype) if merged != tuple(x_rep.shape) else x_rep


@exported()
def repeat(x, n):
    if ndim(x) != 2:
        raise ParamscopeError(f"keras.backend.repeat expects a 2D tensor, got shape {x.shape}")
    return tf("tile", tf("expand_dims", x, 1), tf("stack", [1, n, 1]))


@exported()
def one_hot(indices, num_classes):
    integer_tensor("one_hot", "indices", indices)
    return tf("one_hot", indices, depth=num_classes, axis=-1)


@exported()
def reverse(x, axes):
    return tf("reverse", x, [axes] if isinstance(axes, int) else axes)


@exported()
def zeros_like(x, dtype=None, name=None):
    return tf("zeros_like", x, dtype=dtype)


@exported()
def ones_like(x, dtype=None, name=None):
    return tf("ones_like", x, dtype=dtype)


@exported()
def arange(start, stop=None, step=1, dtype="int32"):
    if stop is None and T.is_symbolic(start):
        raise ParamscopeError(
            "keras.backend.arange(start) on a symbolic start: tf.keras tests `start < 0` "
            "(Using a symbolic `tf.Tensor` as a Python `bool` is not allowed); pass "
            "stop= (K.arange(0, n)).")
    if stop is None and isinstance(start, (int, float)) and start < 0:
        start = 0
    result = tf("range", start, limit=stop, delta=step)
    return cast(result, dtype) if dtype != "int32" else result


@exported()
def temporal_padding(x, padding=(1, 1)):
    return op("compat.v1.pad", x, paddings=[[0, 0], [padding[0], padding[1]], [0, 0]])


def image_data_format_arg(data_format):
    """``data_format``, else the configured one; a clear error for any other value."""
    data_format = data_format or backend_config.image_data_format()
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(f"Unknown data_format: {data_format}")
    return data_format


@exported()
def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    pads = [list(padding[0]), list(padding[1])]
    if image_data_format_arg(data_format) == "channels_first":
        pattern = [[0, 0], [0, 0]] + pads
    else:
        pattern = [[0, 0]] + pads + [[0, 0]]
    return op("compat.v1.pad", x, paddings=pattern)


@exported()
def spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    pads = [list(p) for p in padding]
    if image_data_format_arg(data_format) == "channels_first":
        pattern = [[0, 0], [0, 0]] + pads
    else:
        pattern = [[0, 0]] + pads + [[0, 0]]
    return op("compat.v1.pad", x, paddings=pattern)


@exported()
def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(f"Invalid `data_format` argument: {data_format}")
    rows, cols = (2, 3) if data_format == "channels_first" else (1, 2)
    dims = tuple(x.shape)[rows:cols + 1]
    if None not in dims:
        new_shape = T.constant(list(dims), dtype="int32")
    else:
        new_shape = tf("shape", x)[rows:cols + 1]
    new_shape = new_shape * T.constant([height_factor, width_factor], dtype="int32")
    if data_format == "channels_first":
        x = permute_dimensions(x, [0, 2, 3, 1])
    methods = {"area": "area", "bicubic": "bicubic", "bilinear": "bilinear",
               "gaussian": "gaussian", "lanczos3": "lanczos3", "lanczos5": "lanczos5",
               "mitchellcubic": "mitchellcubic", "nearest": "nearest"}
    if interpolation not in methods:
        listed = '", "'.join(methods)
        raise ParamscopeError(f'`interpolation` argument should be one of: "{listed}". '
                              f'Received: "{interpolation}".')
    x = tf("image.resize", x, new_shape, method=methods[interpolation])
    if data_format == "channels_first":
        x = permute_dimensions(x, [0, 3, 1, 2])
    return x


@exported()
def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    first = 2 if data_format == "channels_first" else 1
    if data_format not in ("channels_first", "channels_last"):
        raise ParamscopeError(f"Invalid data_format: {data_format}")
    for offset, factor in enumerate((depth_factor, height_factor, width_factor)):
        x = repeat_elements(x, factor, axis=first + offset)
    return x


# ---------------------------------------------------------------------------
# products
# ---------------------------------------------------------------------------
@exported()
def dot(x, y):
    if ndim(x) > 2 or ndim(y) > 2:
        x_shape = _static_or_dynamic(x)
        y_shape = _static_or_dynamic(y)
        y_permute_dim = list(range(ndim(y)))
        y_permute_dim = [y_permute_dim.pop(-2)] + y_permute_dim
        xt = tf("reshape", x, [-1, x_shape[-1]])
        yt = tf("reshape", tf("transpose", y, perm=y_permute_dim), [y_shape[-2], -1])
        return tf("reshape", tf("matmul", xt, yt), x_shape[:-1] + y_shape[:-2] + y_shape[-1:])
    return tf("matmul", x, y)


def _static_or_dynamic(x):
    dims = tf("unstack", tf("shape", x))
    return tuple(i if i is not None else s for i, s in zip(int_shape(x), dims))


@exported()
def batch_dot(x, y, axes=None):
    x_shape, y_shape = int_shape(x), int_shape(y)
    x_ndim, y_ndim = len(x_shape), len(y_shape)
    if x_ndim < 2 or y_ndim < 2:
        raise ParamscopeError(
            f"Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
            f"{x_shape} and {y_shape}.")
    if x_shape[0] is not None and y_shape[0] is not None and x_shape[0] != y_shape[0]:
        raise ParamscopeError(
            "Cannot do batch_dot on inputs with different batch sizes. Received inputs with "
            f"shapes {x_shape} and {y_shape}.")
    if isinstance(axes, int):
        axes = [axes, axes]
    if axes is None:
        axes = [x_ndim - 1, y_ndim - 1] if y_ndim == 2 else [x_ndim - 1, y_ndim - 2]
    if any(isinstance(a, (list, tuple)) for a in axes):
        raise ParamscopeError("Multiple target dimensions are not supported. Expected: None, "
                              f"int, (int, int), Provided: {axes}")
    axes = list(axes)
    axes[0] += x_ndim if axes[0] < 0 else 0
    axes[1] += y_ndim if axes[1] < 0 else 0
    if 0 in axes:
        raise ParamscopeError(
            "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy "
            "batch dimension to your inputs using K.expand_dims(x, 0)")
    a0, a1 = axes
    d1, d2 = x_shape[a0], y_shape[a1]
    if d1 is not None and d2 is not None and d1 != d2:
        raise ParamscopeError(
            f"Cannot do batch_dot on inputs with shapes {x_shape} and {y_shape} with "
            f"axes={axes}. x.shape[{axes[0]}] != y.shape[{axes[1]}] ({d1} != {d2}).")
    return _batch_matmul(x, y, a0, a1, x_ndim, y_ndim)


def _batch_matmul(x, y, a0, a1, x_ndim, y_ndim):
    """tf.keras's batch_dot after its checks: bring the axes into place, matmul, reshape."""
    orig_x_ndim, orig_y_ndim = x_ndim, y_ndim
    if x_ndim == 2:
        x, a0, x_ndim = tf("expand_dims", x, 1), a0 + 1, x_ndim + 1
    if y_ndim == 2:
        y, y_ndim = tf("expand_dims", y, 2), y_ndim + 1
    if a0 != x_ndim - 1:
        pattern = list(range(x_ndim))
        for i in range(a0, x_ndim - 1):
            pattern[i] = pattern[i + 1]
        pattern[-1] = a0
        x = tf("transpose", x, pattern)
    if a1 != 1:
        pattern = list(range(y_ndim))
        for i in range(a1, 1, -1):
            pattern[i] = pattern[i - 1]
        pattern[1] = a1
        y = tf("transpose", y, pattern)
    x_mid_dims = y_trail_dims = None
    if x_ndim > 3:
        x_shape = shape(x)
        x_mid_dims = x_shape[1:-1]
        x = tf("reshape", x, tf("stack", [x_shape[0], -1, x_shape[-1]]))
    if y_ndim > 3:
        y_shape = shape(y)
        y_trail_dims = y_shape[2:]
        y = tf("reshape", y, tf("stack", [y_shape[0], y_shape[1], -1]))
    result = tf("matmul", x, y)
    output_shape = tf("shape", result)
    if x_mid_dims is not None:
        output_shape = tf("concat", [output_shape[:1], x_mid_dims, output_shape[-1:]], 0)
    if y_trail_dims is not None:
        output_shape = tf("concat", [output_shape[:-1], y_trail_dims], 0)
    if x_mid_dims is not None or y_trail_dims is not None:
        result = tf("reshape", result, output_shape)
    if orig_x_ndim == 2:
        result = tf("squeeze", result, 1)
    elif orig_y_ndim == 2:
        result = tf("squeeze", result, -1)
    return result


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
