"""tf-keras's TensorFlow-operation layers: ``TFOpLambda`` and ``SlicingOpLambda``.

In tf-keras 2 a TensorFlow function called on symbolic tensors (``x + 3.0``,
``tf.math.reduce_mean(x, axis=[1, 2])``, ``x[:, 0]``) becomes a layer in the
functional graph (``tf_keras/src/layers/core/tf_op_layer.py``).  Its config
records the op's canonical TensorFlow name (``"function": "math.multiply"``),
and its call in the inbound node: the first argument (a tensor, a constant or
a list of tensors) positionally, every other argument by the TF function's
parameter name (``{"y": 3.0, "name": null}``).

paramscope never runs TensorFlow: each op it knows maps to a shape rule built
on :mod:`paramscope.shapes` and :mod:`paramscope.ops` (broadcasting for the
elementwise ops, ``reduce_shape`` for reductions, ``reshape_output_shape``,
``getitem_shape`` for slicing...).  An op it does not know is a
:class:`~paramscope.errors.LayerError` naming the layer and the op, unless the
load was told to assume it passes its input through (``--assume-passthrough
tf.foo.bar``, the layer's name, or ``TFOpLambda``).  These layers have no
weights; the summary shows them as tf-keras does (``tf.math.multiply
(TFOpLambda)``).
"""

from __future__ import annotations

from .. import tree
from ..errors import LayerError, ParamscopeError, ShapeError, describe_layer
from ..shapes import (broadcast_shapes, gather_shape, matmul_shape, one_hot_shape, pad_shape,
                      reduce_shape, reshape_output_shape, split_shapes, stack_shape, tile_shape,
                      transpose_shape, value_shape)
from .base import KerasTensor, Layer

__all__ = ["TFOpLambda", "SlicingOpLambda"]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def _shape_of(x):
    """The shape of a call argument: a tensor's, a file constant's, a Python value's."""
    if isinstance(x, KerasTensor):
        return tuple(x.shape)
    shape = getattr(x, "shape", None)  # formats.config.FileConstant, ops.Constant
    if shape is not None and not isinstance(x, (list, tuple)):
        return tuple(shape)
    if isinstance(x, (list, tuple)) and any(isinstance(v, KerasTensor) for v in tree.flatten(x)):
        # tf.convert_to_tensor of a list holding tensors: tf.stack of them.
        inner = [_shape_of(v) for v in x]
        return (len(x),) + (inner[0] if inner else ())
    return value_shape(x)


def _dtype_of(*values, default="float32"):
    for v in values:
        if isinstance(v, KerasTensor):
            return v.dtype
    for v in values:
        for leaf in tree.flatten(v):
            if isinstance(leaf, KerasTensor):
                return leaf.dtype
    return default


def _int_or_none(value, what):
    """A static int from a config value; ``None`` for a symbolic (dynamic) one."""
    if isinstance(value, KerasTensor):
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ShapeError(f"{what} must be an integer, got {value!r}")
    return value


def _axis_list(axis, what="axis"):
    if axis is None or isinstance(axis, int) and not isinstance(axis, bool):
        return axis
    if isinstance(axis, (list, tuple)):
        return [_int_or_none(a, what) for a in axis]
    if isinstance(axis, KerasTensor):
        raise ShapeError(f"a dynamic (tensor) {what} gives a shape paramscope cannot know")
    raise ShapeError(f"invalid {what} {axis!r}")


def _tf_reshape_target(shape):
    """tf.reshape's ``shape`` argument: a list of ints (-1 allowed) and tensors (dynamic)."""
    if isinstance(shape, KerasTensor):
        # A 1-D shape tensor (e.g. tf.shape(x) manipulated): only its length is known.
        if len(shape.shape) != 1 or shape.shape[0] is None:
            raise ShapeError("a reshape target computed at run time, of unknown length")
        return (None,) * shape.shape[0]
    if isinstance(shape, int) and not isinstance(shape, bool):
        shape = [shape]
    if not isinstance(shape, (list, tuple)):
        raise ShapeError(f"invalid reshape target {shape!r}")
    return tuple(None if isinstance(d, KerasTensor) else _int_or_none(d, "a target dimension")
                 for d in shape)


def _first(inputs, kwargs, *names):
    """The op's first argument: passed positionally, or by its parameter name."""
    if inputs is not _MISSING:
        return inputs
    for name in names:
        if name in kwargs:
            return kwargs.pop(name)
    raise ShapeError(f"the call has no {names[0]!r} argument")


_MISSING = object()


# ---------------------------------------------------------------------------
# shape rules: fn(first argument, other arguments) -> (shape structure, dtype)
# ---------------------------------------------------------------------------
def _elementwise(*other_names, dtype=None):
    def rule(x, kw):
        shape = _shape_of(x)
        args = [x]
        for name in other_names:
            if kw.get(name) is not None:
                shape = broadcast_shapes(shape, _shape_of(kw[name]))
                args.append(kw[name])
        return shape, dtype or _dtype_of(*args)
    return rule


def _unary(dtype=None):
    return lambda x, kw: (_shape_of(x), dtype or _dtype_of(x))


def _add_n(x, kw):
    shapes = [_shape_of(v) for v in (x if isinstance(x, (list, tuple)) else [x])]
    shape = shapes[0]
    for s in shapes[1:]:
        shape = broadcast_shapes(shape, s)
    return shape, _dtype_of(x)


def _reduce(dtype=None, compat=False):
    def rule(x, kw):
        axis = kw.get("axis")
        keepdims = kw.get("keepdims")
        if compat:
            if axis is None:
                axis = kw.get("reduction_indices")
            if keepdims is None:
                keepdims = kw.get("keep_dims")
        axis = _axis_list(axis)
        return reduce_shape(_shape_of(x), axis, bool(keepdims)), dtype or _dtype_of(x)
    return rule


def _arg_reduce(x, kw):
    axis = kw.get("axis")
    if axis is None:
        axis = kw.get("dimension")
    axis = 0 if axis is None else _int_or_none(axis, "axis")
    if axis is None:
        raise ShapeError("a dynamic (tensor) axis gives a shape paramscope cannot know")
    output_type = kw.get("output_type") or "int64"
    return reduce_shape(_shape_of(x), axis, False), _dtype_name(output_type)


def _dtype_name(dtype):
    if isinstance(dtype, dict):  # a serialized tf.DType
        dtype = dtype.get("config", {}).get("name") or dtype.get("name")
    return str(dtype) if dtype else "float32"


def _cast(x, kw):
    return _shape_of(x), _dtype_name(kw.get("dtype"))


def _reshape(x, kw):
    target = _tf_reshape_target(kw.get("shape"))
    shape = _shape_of(x)
    if None in target:
        # Run-time entries: the -1 cannot be inferred either.
        return tuple(None if d in (None, -1) else d for d in target), _dtype_of(x)
    return reshape_output_shape(shape, target, batch=False), _dtype_of(x)


def _keras_op(cls_name, x, **init):
    """The shape rule of paramscope's keras.ops operation ``cls_name`` (nothing is recorded
    in any graph, no name is taken)."""
    from .. import ops
    if not isinstance(x, KerasTensor):
        x = KerasTensor(_shape_of(x), dtype=_dtype_of(x))
    out = getattr(ops, cls_name)(name="tf", **init).compute_output_spec(x)
    return tuple(out.shape), out.dtype


def _squeeze(x, kw):
    axis = kw.get("axis")
    if axis is None:
        axis = kw.get("squeeze_dims")
    axis = _axis_list(axis)
    if isinstance(axis, list) and not axis:
        axis = None
    shape = _shape_of(x)
    if axis is None and None in shape:
        raise ShapeError(f"squeezing every size-1 axis of {shape}: an unknown (None) axis may or "
                         "may not be 1")
    return _keras_op("Squeeze", x, axis=axis)


def _expand_dims(x, kw):
    axis = kw.get("axis")
    if axis is None:
        axis = kw.get("dim")
    axis = _int_or_none(axis, "axis")
    if axis is None:
        raise ShapeError("a dynamic (tensor) axis gives a shape paramscope cannot know")
    return _keras_op("ExpandDims", x, axis=axis)


def _transpose(x, kw):
    perm = _axis_list(kw.get("perm"), "perm")
    return transpose_shape(_shape_of(x), perm), _dtype_of(x)


def _concat(x, kw):
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    axis = _int_or_none(kw.get("axis", 0), "axis")
    from .. import ops
    out = ops.Concatenate(axis=axis, name="tf").compute_output_spec(
        [v if isinstance(v, KerasTensor) else KerasTensor(_shape_of(v)) for v in values])
    return tuple(out.shape), _dtype_of(*values)


def _stack(x, kw):
    values = list(x) if isinstance(x, (list, tuple)) else [x]
    axis = _int_or_none(kw.get("axis", 0), "axis")
    return stack_shape([_shape_of(v) for v in values], axis), _dtype_of(*values)


def _tile(x, kw):
    shape = _shape_of(x)
    multiples = kw.get("multiples")
    if isinstance(multiples, KerasTensor):
        return (None,) * len(shape), _dtype_of(x)
    reps = [None if isinstance(m, KerasTensor) else m for m in multiples]
    if len(reps) != len(shape):
        raise ShapeError(f"multiples {list(multiples)} must have one entry per axis of {shape}")
    return tile_shape(shape, reps), _dtype_of(x)


def _matmul(x, kw):
    a, b = _shape_of(x), _shape_of(kw.get("b"))
    if kw.get("transpose_a") or kw.get("adjoint_a"):
        a = a[:-2] + (a[-1], a[-2])
    if kw.get("transpose_b") or kw.get("adjoint_b"):
        b = b[:-2] + (b[-1], b[-2])
    return matmul_shape(a, b), _dtype_of(x, kw.get("b"))


def _shape_op(x, kw):
    return (len(_shape_of(x)),), _dtype_name(kw.get("out_type") or "int32")


def _resize(x, kw):
    shape = _shape_of(x)
    size = kw.get("size")
    if isinstance(size, KerasTensor) or not isinstance(size, (list, tuple)) or len(size) != 2:
        new = (None, None)
    else:
        new = tuple(None if isinstance(s, KerasTensor) else s for s in size)
    if kw.get("preserve_aspect_ratio"):
        new = (None, None)
    if len(shape) not in (3, 4):
        raise ShapeError(f"tf.image.resize needs a 3-D or 4-D input, got {shape}")
    return shape[:-3] + new + shape[-1:], "float32"


def _one_hot(x, kw):
    depth = _int_or_none(kw.get("depth"), "depth")
    axis = kw.get("axis")
    axis = -1 if axis is None else _int_or_none(axis, "axis")
    return one_hot_shape(_shape_of(x), depth, axis), _dtype_name(kw.get("dtype") or "float32")


def _gather(x, kw):
    params = _shape_of(x)
    batch_dims = kw.get("batch_dims") or 0
    axis = kw.get("axis")
    axis = batch_dims if axis is None else _int_or_none(axis, "axis")
    return gather_shape(params, _shape_of(kw.get("indices")), axis, batch_dims), _dtype_of(x)


def _bias_add(x, kw):
    return _shape_of(x), _dtype_of(x)


def _pad(x, kw):
    paddings = kw.get("paddings")
    if isinstance(paddings, (list, tuple)):
        paddings = [[None if isinstance(p, KerasTensor) else p for p in pair]
                    if isinstance(pair, (list, tuple)) else pair for pair in paddings]
    return pad_shape(_shape_of(x), paddings), _dtype_of(x)


def _split(x, kw):
    splits = kw.get("num_or_size_splits")
    if isinstance(splits, KerasTensor):
        raise ShapeError("split sizes computed at run time give shapes paramscope cannot know")
    return (split_shapes(_shape_of(x), splits, _int_or_none(kw.get("axis", 0), "axis")),
            _dtype_of(x))


def _getitem(x, kw):
    from ..ops import getitem_shape
    shape = list(_shape_of(x))
    key = kw.get("slice_spec")
    keys = list(key) if isinstance(key, (list, tuple)) else [key]
    keys = [_to_slice(k) for k in keys]
    # Dynamic (tensor) indices or bounds: that axis's result size is unknown.
    n_real = sum(1 for k in keys if k is not None and k is not Ellipsis)
    axis = 0
    for i, k in enumerate(keys):
        if k is Ellipsis:
            axis += len(shape) - n_real
            continue
        if k is None:
            continue
        if isinstance(k, KerasTensor):
            if k.shape:
                raise ShapeError("indexing with a tensor of indices (gather) is not a slice")
            keys[i] = 0
            if axis < len(shape):
                shape[axis] = None
        elif isinstance(k, slice) and any(isinstance(v, KerasTensor)
                                          for v in (k.start, k.stop, k.step)):
            keys[i] = slice(None)
            if axis < len(shape):
                shape[axis] = None
        axis += 1
    return getitem_shape(tuple(shape), tuple(keys) if isinstance(key, (list, tuple))
                         else keys[0]), _dtype_of(x)


def _to_slice(value):
    if isinstance(value, dict) and set(value) == {"start", "stop", "step"}:
        return slice(value["start"], value["stop"], value["step"])
    return value


def _boolean_mask(x, kw):
    shape = _shape_of(x)
    mask = _shape_of(kw.get("mask"))
    axis = kw.get("axis") or 0
    return shape[:axis] + (None,) + shape[axis + len(mask):], _dtype_of(x)


_BINARY = ("y",)
_BINARY_OPS = [
    "__operators__.add", "math.add", "math.subtract", "math.multiply", "math.truediv",
    "math.divide", "math.divide_no_nan", "math.multiply_no_nan", "math.floordiv",
    "math.floormod", "math.pow", "math.maximum", "math.minimum", "math.squared_difference",
    "math.xdivy", "math.xlogy", "math.atan2", "nn.bias_add_unused",
]
_COMPARE_OPS = [
    "__operators__.eq", "__operators__.ne", "math.equal", "math.not_equal", "math.greater",
    "math.greater_equal", "math.less", "math.less_equal", "math.logical_and",
    "math.logical_or", "math.logical_xor",
]
_UNARY_OPS = [
    "identity", "stop_gradient", "math.negative", "math.abs", "math.exp", "math.expm1",
    "math.log", "math.log1p", "math.sqrt", "math.square", "math.rsqrt", "math.reciprocal",
    "math.sigmoid", "math.tanh", "math.sin", "math.cos", "math.tan", "math.sign", "math.floor",
    "math.ceil", "math.round", "math.softplus", "math.erf", "math.log_sigmoid", "math.sinh",
    "math.cosh", "math.asin", "math.acos", "math.atan", "nn.relu", "nn.relu6", "nn.elu",
    "nn.selu", "nn.gelu", "nn.silu", "nn.swish", "nn.sigmoid", "nn.tanh", "nn.softplus",
    "nn.softsign", "nn.leaky_relu", "nn.crelu_unused", "nn.softmax", "nn.log_softmax",
    "math.softmax", "math.log_softmax", "math.l2_normalize", "nn.l2_normalize",
    "nn.local_response_normalization", "nn.dropout", "math.cumsum", "math.cumprod",
    "linalg.l2_normalize", "math.reduce_euclidean_norm_unused", "image.convert_image_dtype",
    "ones_like", "zeros_like", "compat.v1.ones_like", "compat.v1.zeros_like",
]
_REDUCE_OPS = ["mean", "sum", "max", "min", "prod", "std", "variance", "logsumexp",
               "euclidean_norm"]

#: canonical TF name -> (name of the first parameter and its aliases, rule)
TF_OPS = {}
for _name in _BINARY_OPS:
    TF_OPS[_name] = (("x",), _elementwise("y"))
for _name in _COMPARE_OPS:
    TF_OPS[_name] = (("x",), _elementwise("y", dtype="bool"))
for _name in _UNARY_OPS:
    TF_OPS[_name] = (("x", "features", "logits", "input", "t", "image"), _unary())
for _name in ("math.logical_not", "math.is_nan", "math.is_inf", "math.is_finite"):
    TF_OPS[_name] = (("x",), _unary("bool"))
for _name in _REDUCE_OPS:
    TF_OPS[f"math.reduce_{_name}"] = (("input_tensor",), _reduce())
    TF_OPS[f"compat.v1.reduce_{_name}"] = (("input_tensor",), _reduce(compat=True))
for _name in ("any", "all"):
    TF_OPS[f"math.reduce_{_name}"] = (("input_tensor",), _reduce("bool"))
    TF_OPS[f"compat.v1.reduce_{_name}"] = (("input_tensor",), _reduce("bool", compat=True))
TF_OPS.update({
    "math.add_n": (("inputs",), _add_n),
    "clip_by_value": (("t",), _elementwise("clip_value_min", "clip_value_max")),
    "where": (("condition",), _elementwise("x", "y")),
    "cast": (("x",), _cast),
    "dtypes.cast": (("x",), _cast),
    "math.argmax": (("input",), _arg_reduce),
    "math.argmin": (("input",), _arg_reduce),
    "reshape": (("tensor",), _reshape),
    "squeeze": (("input",), _squeeze),
    "compat.v1.squeeze": (("input",), _squeeze),
    "expand_dims": (("input",), _expand_dims),
    "compat.v1.expand_dims": (("input",), _expand_dims),
    "transpose": (("a",), _transpose),
    "compat.v1.transpose": (("a",), _transpose),
    "concat": (("values",), _concat),
    "stack": (("values",), _stack),
    "tile": (("input",), _tile),
    "linalg.matmul": (("a",), _matmul),
    "shape": (("input",), _shape_op),
    "compat.v1.shape": (("input",), _shape_op),
    "image.resize": (("images",), _resize),
    "one_hot": (("indices",), _one_hot),
    "gather": (("params",), _gather),
    "compat.v1.gather": (("params",), _gather),
    "nn.bias_add": (("value",), _bias_add),
    "pad": (("tensor",), _pad),
    "compat.v1.pad": (("tensor",), _pad),
    "split": (("value",), _split),
    "__operators__.getitem": (("tensor",), _getitem),
    "boolean_mask": (("tensor",), _boolean_mask),
    "compat.v1.boolean_mask": (("tensor",), _boolean_mask),
})
for _name in [k for k in TF_OPS if k.endswith("_unused")]:
    del TF_OPS[_name]


# ---------------------------------------------------------------------------
# the layers
# ---------------------------------------------------------------------------
def _assumed_passthrough(name, function):
    """``--assume-passthrough`` from the file being loaded: the op, the layer or the class."""
    try:
        from ..formats.config import _current
    except ImportError:  # pragma: no cover
        return False
    ctx = _current.get()
    if ctx is None:
        return False
    keys = {"TFOpLambda", name, function, f"tf.{function}"}
    if keys & ctx.assume:
        ctx.note(f"layer '{name}' (TFOpLambda, TensorFlow operation tf.{function}) is unknown to "
                 "paramscope and was assumed to pass its input shape through, with no weights "
                 "(--assume-passthrough).")
        return True
    return False


class TFOpLambda(Layer):
    """A TensorFlow operation on symbolic tensors in a tf-keras functional model."""

    _kind = "TFOpLambda"

    def __init__(self, function, **kwargs):
        kwargs.setdefault("name", None)
        if kwargs["name"] is None and isinstance(function, str):
            kwargs["name"] = f"tf.{function}"
        super().__init__(**kwargs)
        if not isinstance(function, str) or not function:
            raise LayerError(
                f"{self._kind} {describe_layer(self)}: `function` must be the name of a "
                f"TensorFlow API symbol such as 'math.multiply'. Received: function={function!r}")
        self.function = function[3:] if function.startswith("tf.") else function
        entry = TF_OPS.get(self.function)
        self._passthrough = False
        if entry is None:
            if not _assumed_passthrough(self.name, self.function):
                raise LayerError(
                    f"layer '{self.name}' ({self._kind}) records the TensorFlow operation "
                    f"tf.{self.function}, whose output shape paramscope does not know. If it "
                    f"keeps its input's shape, pass --assume-passthrough tf.{self.function} "
                    f"(paramscope.load(..., assume_passthrough=['tf.{self.function}'])).", self)
            self._passthrough = True
            entry = (("x",), lambda x, kw: (_shape_of(x), _dtype_of(x)))
        self._first_names, self._rule = entry

    def _bind_call(self, args, kwargs):
        tensors = [x for x in tree.flatten((list(args), kwargs)) if isinstance(x, KerasTensor)]
        return {"inputs": tensors[0] if len(tensors) == 1 else tensors}, {}

    def compute_output_spec(self, *args, **kwargs):
        kwargs = dict(kwargs)
        kwargs.pop("name", None)
        first = args[0] if args else _MISSING
        extra = list(args[1:])
        try:
            first = _first(first, kwargs, *self._first_names)
            if extra:
                raise ShapeError(f"{len(args)} positional arguments (tf-keras passes one; the "
                                 "others are named)")
            shape, dtype = self._rule(first, kwargs)
        except ShapeError as e:
            raise LayerError(
                f"layer '{self.name}' ({self._kind}, tf.{self.function}) cannot compute its "
                f"output shape: {e}.", self) from None
        except (TypeError, ValueError, IndexError, KeyError, ParamscopeError) as e:
            if isinstance(e, LayerError):
                raise
            raise LayerError(
                f"layer '{self.name}' ({self._kind}, tf.{self.function}) has call arguments "
                f"paramscope cannot read ({type(e).__name__}: {e}).", self) from None
        return tree.map_shape_structure(lambda s: KerasTensor(s, dtype=dtype), shape)

    def get_config(self):
        config = super().get_config()
        config["function"] = self.function
        return config


class SlicingOpLambda(TFOpLambda):
    """``x[...]`` (``tf.__operators__.getitem``) and boolean masks in tf-keras models."""

    _kind = "SlicingOpLambda"
