"""``keras.ops`` on symbolic tensors: shapes only, recorded in the graph as Keras does.

In a Keras 3 functional model, ``x + y`` or ``keras.ops.mean(x, axis=1)`` on
KerasTensors creates an *operation* (``Add``, ``Mean``, ...) with a node in the
graph; ``model.summary()`` lists it as a row with 0 parameters.  The classes
here have Keras's class names, so names (``add``, ``add_1``) and rows match.
Every output shape comes from :mod:`paramscope.shapes`; nothing is evaluated.

Concrete arrays (NumPy, ``ops.ones((3, 2))``) only contribute their shape.
"""

from __future__ import annotations

from . import naming, tree
from .errors import LayerError, NeedsComputationError, ParamscopeError, ShapeError, format_shape
from .layers.base import _tracing_flag as _tracing  # the depth of tracing(), shared with layers
from .shapes import (broadcast_shapes, canonicalize_axis, matmul_shape, reduce_shape,
                     reshape_output_shape, transpose_shape)


def _kt():
    from .layers.base import KerasTensor
    return KerasTensor


class Constant:
    """A concrete tensor known only by its shape and dtype (``ops.ones((3, 2))``)."""

    def __init__(self, shape, dtype="float32"):
        self.shape = tuple(shape)
        self.dtype = dtype

    def __repr__(self):
        return f"<Constant shape={self.shape}, dtype={self.dtype}>"


def _shape(x):
    if isinstance(x, (bool, int, float, complex)):
        return ()
    shape = getattr(x, "shape", None)
    if shape is not None:
        return tuple(None if d is None else int(d) for d in shape)
    if isinstance(x, (list, tuple)):
        inner = [_shape(v) for v in x]
        first = inner[0] if inner else ()
        return (len(x),) + first
    raise ParamscopeError(f"cannot use {x!r} (of type {type(x).__name__}) as a tensor")


def _dtype(x, default="float32"):
    dtype = getattr(x, "dtype", None)
    if dtype is None:
        return "int32" if isinstance(x, int) and not isinstance(x, bool) else default
    name = getattr(dtype, "name", dtype)
    return str(name)


def _is_symbolic(args, kwargs=None):
    KerasTensor = _kt()
    return any(isinstance(x, KerasTensor) for x in tree.flatten((args, kwargs or {})))


class tracing:
    """Inside, operations compute shapes without joining the graph or taking names.

    Keras traces a function (a Lambda's, a custom layer's ``call``) with its
    backend, so no Keras operations are created; paramscope's tracing must not
    create nodes or consume auto-names (``add``, ``add_1``) either.
    """

    def __enter__(self):
        _tracing[0] += 1
        return self

    def __exit__(self, *exc):
        _tracing[0] -= 1
        return False


class Operation:
    """A symbolic operation that is not a layer (Keras's ``ops.Operation``)."""

    built = True
    trainable = True
    _build_shapes_dict = None

    def __init__(self, name=None):
        self._inbound_nodes = []
        self._outbound_nodes = []
        self._layers = []
        self._warnings = []
        if name is None:
            name = "traced" if _tracing[0] else naming.auto_name(type(self).__name__)
        self.name = name

    # A weightless row in summaries.
    weights = trainable_weights = non_trainable_weights = property(lambda self: [])

    def count_params(self):
        return 0

    def explain(self):
        return [f"{self.name}: operation, no weights = 0"]

    def explain_output(self):
        return []

    def __call__(self, *args, **kwargs):
        from .layers.base import Node
        try:
            outputs = self.compute_output_spec(*args, **kwargs)
        except ShapeError as e:
            shapes = [format_shape(_shape(a)) for a in args if not isinstance(a, (str, type(None)))]
            raise LayerError(
                f"Operation '{self.name}' ({type(self).__name__}) cannot process inputs of shape "
                f"{', '.join(shapes)}: {e}") from None
        if not _tracing[0]:
            Node(self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def compute_output_spec(self, *args, **kwargs):  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self):
        return f"<Operation name={self.name}>"


def _tensor(shape, dtype="float32"):
    return _kt()(shape, dtype=dtype)


class _Unary(Operation):
    def compute_output_spec(self, x, *args, **kwargs):
        return _tensor(_shape(x), _dtype(x))


class _Binary(Operation):
    def compute_output_spec(self, x1, x2):
        dtype = _dtype(x1) if isinstance(x1, _kt()) else _dtype(x2)
        return _tensor(broadcast_shapes(_shape(x1), _shape(x2)), dtype)


class _Compare(Operation):
    def compute_output_spec(self, x1, x2):
        return _tensor(broadcast_shapes(_shape(x1), _shape(x2)), "bool")


class _Reduce(Operation):
    def __init__(self, axis=None, keepdims=False, name=None):
        super().__init__(name)
        self.axis = axis
        self.keepdims = keepdims

    def compute_output_spec(self, x):
        return _tensor(reduce_shape(_shape(x), self.axis, self.keepdims), _dtype(x))


_UNARY = ["Absolute", "Negative", "Sqrt", "Square", "Exp", "Log", "Tanh", "Sin", "Cos", "Sign",
          "Floor", "Ceil", "Round", "Reciprocal", "Log1p", "Expm1", "Rsqrt", "Erf", "Relu",
          "Relu6", "Sigmoid", "Softplus", "Softsign", "Silu", "Gelu", "Elu", "Selu", "LeakyRelu",
          "HardSigmoid", "HardSilu", "Mish", "LogSigmoid", "Clip", "Softmax", "LogSoftmax",
          "StopGradient", "Copy", "Real", "Imag", "Conjugate", "Tril", "Triu", "Nan_to_num"]
_BINARY = ["Add", "Subtract", "Multiply", "TrueDivide", "Divide", "FloorDivide", "Mod", "Power",
           "Maximum", "Minimum", "Arctan2", "LogicalAnd", "LogicalOr", "LogicalXor"]
_COMPARE = ["Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual"]
_REDUCE = ["Mean", "Sum", "Max", "Min", "Prod", "Std", "Var", "Any", "All", "Logsumexp"]

for _name in _UNARY:
    globals()[_name] = type(_name, (_Unary,), {"__module__": __name__})
for _name in _BINARY:
    globals()[_name] = type(_name, (_Binary,), {"__module__": __name__})
for _name in _COMPARE:
    globals()[_name] = type(_name, (_Compare,), {"__module__": __name__})
for _name in _REDUCE:
    globals()[_name] = type(_name, (_Reduce,), {"__module__": __name__})


class Argmax(_Reduce):
    def compute_output_spec(self, x):
        return _tensor(reduce_shape(_shape(x), self.axis, self.keepdims), "int32")


class Argmin(Argmax):
    pass


class Cast(Operation):
    def __init__(self, dtype, name=None):
        super().__init__(name)
        from .dtypes import standardize_dtype
        self.dtype = standardize_dtype(dtype)

    def compute_output_spec(self, x):
        return _tensor(_shape(x), self.dtype)


class OnesLike(Operation):
    def __init__(self, dtype=None, name=None):
        super().__init__(name)
        self.dtype = dtype

    def compute_output_spec(self, x):
        return _tensor(_shape(x), self.dtype or _dtype(x))


class ZerosLike(OnesLike):
    pass


class ConvertToTensor(Operation):
    def __init__(self, dtype=None, sparse=None, ragged=None, name=None):
        super().__init__(name)
        self.dtype = dtype

    def compute_output_spec(self, x):
        return _tensor(_shape(x), self.dtype or _dtype(x))


def _convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Keras: on a symbolic tensor, a ConvertToTensor operation; anything else unchanged."""
    if _is_symbolic((x,)):
        return ConvertToTensor(dtype=dtype, sparse=sparse, ragged=ragged)(x)
    return x


class Reshape(Operation):
    def __init__(self, newshape, name=None):
        super().__init__(name)
        self.newshape = tuple(newshape) if not isinstance(newshape, int) else (newshape,)

    def compute_output_spec(self, x):
        return _tensor(reshape_output_shape(_shape(x), self.newshape, batch=False), _dtype(x))


class Transpose(Operation):
    def __init__(self, axes=None, name=None):
        super().__init__(name)
        self.axes = axes

    def compute_output_spec(self, x):
        return _tensor(transpose_shape(_shape(x), self.axes), _dtype(x))


class ExpandDims(Operation):
    def __init__(self, axis, name=None):
        super().__init__(name)
        self.axis = axis

    def compute_output_spec(self, x):
        shape = list(_shape(x))
        axes = (self.axis,) if isinstance(self.axis, int) else tuple(self.axis)
        out_ndim = len(shape) + len(axes)
        axes = [canonicalize_axis(a, out_ndim) for a in axes]
        it = iter(shape)
        return _tensor(tuple(1 if i in axes else next(it) for i in range(out_ndim)), _dtype(x))


class Squeeze(Operation):
    def __init__(self, axis=None, name=None):
        super().__init__(name)
        self.axis = axis

    def compute_output_spec(self, x):
        shape = _shape(x)
        if self.axis is None:
            return _tensor(tuple(d for d in shape if d != 1), _dtype(x))
        axes = (self.axis,) if isinstance(self.axis, int) else tuple(self.axis)
        axes = {canonicalize_axis(a, len(shape)) for a in axes}
        for a in axes:
            if shape[a] not in (1, None):
                raise ShapeError(f"cannot squeeze axis {a} of size {shape[a]}")
        return _tensor(tuple(d for i, d in enumerate(shape) if i not in axes), _dtype(x))


class Concatenate(Operation):
    def __init__(self, axis=0, name=None):
        super().__init__(name)
        self.axis = axis

    def compute_output_spec(self, xs):
        shapes = [_shape(x) for x in xs]
        rank = len(shapes[0])
        axis = canonicalize_axis(self.axis, rank)
        out = list(shapes[0])
        total = 0
        for s in shapes:
            if len(s) != rank:
                raise ShapeError(f"all inputs must have rank {rank} to be concatenated, got {s}")
            for i, (a, b) in enumerate(zip(out, s)):
                if i != axis and a is not None and b is not None and a != b:
                    raise ShapeError(f"shapes {tuple(shapes[0])} and {s} differ outside axis {axis}")
                if i != axis and a is None:
                    out[i] = b
            total = None if total is None or s[axis] is None else total + s[axis]
        out[axis] = total
        return _tensor(tuple(out), _dtype(xs[0]))


class Stack(Operation):
    def __init__(self, axis=0, name=None):
        super().__init__(name)
        self.axis = axis

    def compute_output_spec(self, xs):
        shape = list(_shape(xs[0]))
        axis = canonicalize_axis(self.axis, len(shape) + 1)
        shape.insert(axis, len(xs))
        return _tensor(tuple(shape), _dtype(xs[0]))


class Matmul(Operation):
    def compute_output_spec(self, x1, x2):
        return _tensor(matmul_shape(_shape(x1), _shape(x2)), _dtype(x1))


class Einsum(Operation):
    def __init__(self, subscripts, name=None):
        super().__init__(name)
        self.subscripts = subscripts

    def compute_output_spec(self, *operands):
        from .shapes import einsum_shape
        return _tensor(einsum_shape(self.subscripts, [_shape(o) for o in operands]),
                       _dtype(operands[0]))


class Where(Operation):
    def compute_output_spec(self, condition, x1=None, x2=None):
        if x1 is None:
            raise ShapeError("where(condition) with one argument has a data-dependent shape")
        shape = broadcast_shapes(broadcast_shapes(_shape(condition), _shape(x1)), _shape(x2))
        return _tensor(shape, _dtype(x1))


class GetItem(Operation):
    def compute_output_spec(self, x, key):
        return _tensor(getitem_shape(_shape(x), key), _dtype(x))


class Tile(Operation):
    def __init__(self, repeats, name=None):
        super().__init__(name)
        self.repeats = tuple(repeats) if not isinstance(repeats, int) else (repeats,)

    def compute_output_spec(self, x):
        shape = list(_shape(x))
        reps = list(self.repeats)
        if len(reps) < len(shape):
            reps = [1] * (len(shape) - len(reps)) + reps
        if len(shape) < len(reps):
            shape = [1] * (len(reps) - len(shape)) + shape
        return _tensor(tuple(None if d is None else d * r for d, r in zip(shape, reps)), _dtype(x))


class Flatten(Operation):
    def compute_output_spec(self, x):
        shape = _shape(x)
        return _tensor((None if None in shape else _prod(shape),), _dtype(x))


def _prod(shape):
    out = 1
    for d in shape:
        out *= d
    return out


def getitem_shape(shape, key):
    """NumPy basic indexing (ints, slices, ``...``, ``None``) on a shape, as Keras's GetItem."""
    remaining = list(shape)
    out = []
    if isinstance(key, (int, slice)) or key is None or key is Ellipsis:
        keys = [key]
    elif isinstance(key, tuple):
        keys = list(key)
    elif isinstance(key, list):
        keys = list(key)
    else:
        raise ShapeError(f"unsupported index {key!r}")
    if keys.count(Ellipsis) > 1:
        raise ShapeError(f"an index can only have one ellipsis. Received: {key!r}")
    if Ellipsis not in keys:
        keys.append(Ellipsis)
    while keys:
        sub = keys.pop(0)
        if sub is Ellipsis:
            needed = len(keys) - sum(1 for k in keys if k is None)
            consumed = len(remaining) - needed
            out += remaining[:consumed]
            remaining = remaining[consumed:]
            continue
        if sub is None:
            out.append(1)
            continue
        if not remaining:
            raise ShapeError(f"too many indices {key!r} for a tensor of shape {tuple(shape)}")
        length = remaining.pop(0)
        if isinstance(sub, bool) or not isinstance(sub, (int, slice)):
            raise ShapeError(f"unsupported index element {sub!r}")
        if isinstance(sub, int):
            if length is not None and not -length <= sub < length:
                raise ShapeError(f"index {sub} is out of bounds for a dimension of size {length}")
        else:
            out.append(len(range(*sub.indices(length))) if length is not None else None)
    return tuple(out)


# --------------------------------------------------------------------------
# The functions of keras.ops
# --------------------------------------------------------------------------

def _apply(op_cls, *args, **init):
    if not _is_symbolic(args):
        raise NeedsComputationError(
            f"keras.ops.{naming.to_snake_case(op_cls.__name__)} on concrete values needs real "
            "computation; paramscope only works on symbolic tensors (keras.Input(...)).")
    return op_cls(**init)(*args)


def _unary_fn(cls):
    return lambda x, *args, **kwargs: _apply(cls, x)


def _binary_fn(cls):
    return lambda x1, x2: _apply(cls, x1, x2)


def _reduce_fn(cls):
    return lambda x, axis=None, keepdims=False, **kwargs: _apply(cls, x, axis=axis, keepdims=keepdims)


FUNCTIONS = {}
for _name in _UNARY:
    FUNCTIONS[naming.to_snake_case(_name)] = _unary_fn(globals()[_name])
for _name in _BINARY + _COMPARE:
    FUNCTIONS[naming.to_snake_case(_name)] = _binary_fn(globals()[_name])
for _name in _REDUCE:
    FUNCTIONS[naming.to_snake_case(_name)] = _reduce_fn(globals()[_name])
FUNCTIONS.update({
    "abs": FUNCTIONS["absolute"],
    "divide": FUNCTIONS["divide"],
    "argmax": lambda x, axis=None, keepdims=False: _apply(Argmax, x, axis=axis, keepdims=keepdims),
    "argmin": lambda x, axis=None, keepdims=False: _apply(Argmin, x, axis=axis, keepdims=keepdims),
    "cast": lambda x, dtype: _apply(Cast, x, dtype=dtype),
    "ones_like": lambda x, dtype=None: _apply(OnesLike, x, dtype=dtype),
    "zeros_like": lambda x, dtype=None: _apply(ZerosLike, x, dtype=dtype),
    "reshape": lambda x, newshape=None, **kw: _apply(Reshape, x, newshape=kw.get("new_shape", newshape)),
    "transpose": lambda x, axes=None: _apply(Transpose, x, axes=axes),
    "expand_dims": lambda x, axis: _apply(ExpandDims, x, axis=axis),
    "squeeze": lambda x, axis=None: _apply(Squeeze, x, axis=axis),
    "concatenate": lambda xs, axis=0: _apply(Concatenate, list(xs), axis=axis),
    "stack": lambda xs, axis=0: _apply(Stack, list(xs), axis=axis),
    "matmul": lambda x1, x2: _apply(Matmul, x1, x2),
    "dot": lambda x1, x2: _apply(Matmul, x1, x2),
    "einsum": lambda subscripts, *operands: _apply(Einsum, *operands, subscripts=subscripts),
    "where": lambda condition, x1=None, x2=None: _apply(Where, condition, x1, x2),
    "tile": lambda x, repeats: _apply(Tile, x, repeats=repeats),
    "clip": lambda x, x_min, x_max: _apply(globals()["Clip"], x),
    "softmax": lambda x, axis=-1: _apply(globals()["Softmax"], x),
    "log_softmax": lambda x, axis=-1: _apply(globals()["LogSoftmax"], x),
    "leaky_relu": lambda x, negative_slope=0.2: _apply(globals()["LeakyRelu"], x),
    "ravel": lambda x: _apply(Flatten, x),
    "shape": lambda x: tuple(x.shape),
    "ones": lambda shape, dtype=None: Constant(shape if not isinstance(shape, int) else (shape,), dtype or "float32"),
    "zeros": lambda shape, dtype=None: Constant(shape if not isinstance(shape, int) else (shape,), dtype or "float32"),
    "convert_to_tensor": _convert_to_tensor,
})


def __getattr__(name):
    if name in FUNCTIONS:
        return FUNCTIONS[name]
    raise AttributeError(name)


# --------------------------------------------------------------------------
# Operators on KerasTensors and Lambda tracing
# --------------------------------------------------------------------------

_OPERATORS = {
    "add": "Add", "sub": "Subtract", "mul": "Multiply", "truediv": "TrueDivide",
    "floordiv": "FloorDivide", "mod": "Mod", "pow": "Power", "and": "LogicalAnd",
    "or": "LogicalOr", "xor": "LogicalXor", "lt": "Less", "le": "LessEqual", "gt": "Greater",
    "ge": "GreaterEqual",
}


def install_operators(KerasTensor):
    """Give KerasTensor Python's operators, each recording a Keras operation."""
    for dunder, cls_name in _OPERATORS.items():
        cls = globals()[cls_name]

        def forward(self, other, cls=cls):
            return cls()(self, other)

        def reverse(self, other, cls=cls):
            return cls()(other, self)

        setattr(KerasTensor, f"__{dunder}__", forward)
        if dunder not in ("lt", "le", "gt", "ge"):
            setattr(KerasTensor, f"__r{dunder}__", reverse)
    KerasTensor.__matmul__ = lambda self, other: Matmul()(self, other)
    KerasTensor.__rmatmul__ = lambda self, other: Matmul()(other, self)
    KerasTensor.__neg__ = lambda self: globals()["Negative"]()(self)
    KerasTensor.__abs__ = lambda self: globals()["Absolute"]()(self)
    KerasTensor.__getitem__ = lambda self, key: GetItem()(self, key)


def trace_function(fn, input_shape, dtype="float32", arguments=None):
    """Output shape of ``fn`` on symbolic inputs, or ``None`` if it cannot be traced."""
    KerasTensor = _kt()
    try:
        with tracing():
            inputs = tree.map_shape_structure(
                lambda s: KerasTensor(s, dtype=dtype, name="traced"), input_shape)
            out = fn(inputs, **(arguments or {}))
    except Exception:  # noqa: BLE001 - an untraceable function falls back to passthrough
        return None
    leaves = tree.flatten(out)
    if not leaves or not all(isinstance(t, KerasTensor) for t in leaves):
        return None
    return tree.map_structure(lambda t: t.shape, out)
