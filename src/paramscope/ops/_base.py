"""The engine behind every operation: Keras's ``Operation``, concrete values known by their
shape (:class:`Constant`), and tracing a function as Keras's JAX backend traces it.

* On symbolic tensors (``keras.Input``), ``keras.ops.add(x, y)`` creates an ``Add``
  operation with a node in the graph, as Keras does; a Functional model lists it as a row.
* On concrete values (``ops.ones((3, 2))``, NumPy arrays) the result is a
  :class:`Constant`: its shape and dtype, never its values.
* Inside a custom layer's ``call()`` (or a Lambda), Keras runs the function on JAX tracers
  (``backend.compute_output_spec``): no operation joins the graph, and ``ops.shape(x)`` gives
  a number for an unknown dimension, so ``h * 2`` works.  :func:`trace` does the same with a
  :class:`StandIn` size for unknown dimensions, twice with two sizes: a dimension of the
  result that differs between the runs is unknown (``None``) again.
"""

from __future__ import annotations

from .. import naming, tree
from ..errors import LayerError, NeedsComputationError, ParamscopeError, ShapeError, format_shape
from ..layers.base import KerasTensor, Node
from ..modes import is_tracing, tracing, tracing_depth  # noqa: F401 (re-exported)
from ..modes import recording_nodes as untraced  # noqa: F401 (re-exported)

#: ``hook(dunder, tensor, other, unary)`` consulted by Python's operators on tensors first
#: (tf.keras semantics, TensorFlow's inferred values): NotImplemented lets Keras's apply.
OPERATOR_HOOK = [None]

#: The name given to operations applied to concrete values (no auto-name is consumed).
CONCRETE = "concrete"
#: Stand-in sizes of unknown dimensions while tracing (the sizes Keras once used).
STAND_IN_SIZES = (83, 89)


def is_symbolic(args, kwargs=None) -> bool:
    """Keras's ``any_symbolic_tensors``: a KerasTensor anywhere in the arguments."""
    for x in args:
        if x.__class__ is KerasTensor or isinstance(x, KerasTensor):
            return True
        if isinstance(x, (list, tuple, dict)):
            if any(isinstance(v, KerasTensor) for v in tree.flatten(x)):
                return True
    if kwargs:
        return is_symbolic(list(kwargs.values()))
    return False


class OperationError(LayerError):
    """An operation cannot take its arguments."""


class OperationTypeError(OperationError, TypeError):
    """An operation cannot take an argument of this kind (Keras raises TypeError)."""


def _shapes_text(args):
    shapes = [format_shape(tuple(a.shape)) for a in tree.flatten(list(args))
              if hasattr(a, "shape") and not isinstance(a, type)]
    return ", ".join(shapes) if shapes else "(no tensors)"


class Operation:
    """A symbolic operation that is not a layer (Keras's ``keras.Operation``)."""

    built = True
    trainable = True
    _build_shapes_dict = None

    def __init__(self, name=None):
        self._inbound_nodes = []
        self._outbound_nodes = []
        self._layers = []
        self._warnings = []
        if name is None:
            name = "traced" if tracing_depth() else naming.auto_name(type(self).__name__)
        if not isinstance(name, str) or "/" in name:
            raise OperationError(
                "Argument `name` must be a string and cannot contain character `/`. "
                f"Received: name={name!r} (of type {type(name).__name__})")
        self.name = name

    # A weightless row in summaries.
    weights = trainable_weights = non_trainable_weights = property(lambda self: [])
    variables = trainable_variables = non_trainable_variables = weights

    def count_params(self):
        return 0

    def explain(self):
        from ..explanation import Number, Subject, line
        return [line(Subject(self.name), "operation, no weights = ", Number(0))]

    def explain_output(self):
        return []

    def __call__(self, *args, **kwargs):
        if is_symbolic(args, kwargs):
            return self.symbolic_call(*args, **kwargs)
        return self.concrete_call(*args, **kwargs)

    def symbolic_call(self, *args, **kwargs):
        outputs = self.output_spec(args, kwargs)
        if not tracing_depth():
            for leaf in tree.flatten(outputs):
                if not isinstance(leaf, KerasTensor):
                    raise OperationError(
                        f"All operation outputs must be tensors. Operation {self!r} returned a "
                        f"non-tensor. Non-tensor received: {leaf!r}")
            Node(self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    #: On concrete values, Python numbers are weakly typed scalar arrays (JAX converts them).
    wraps_python_scalars = True

    def concrete_call(self, *args, **kwargs):
        """The result on concrete values: Constants of the shapes the rule gives (with the
        JAX backend's own checks and dtypes where they differ, ``concrete_output_spec``)."""
        if self.wraps_python_scalars:
            args = tuple(PythonScalar(a) if _is_number(a) else a for a in args)
        try:
            outputs = self.concrete_output_spec(*args, **kwargs)
        except (ParamscopeError, TypeError, ValueError, AttributeError, IndexError) as e:
            if isinstance(e, NeedsComputationError):
                raise
            return self.output_spec_error(e, args)
        return to_constants(outputs, self)

    def concrete_output_spec(self, *args, **kwargs):
        return self.compute_output_spec(*args, **kwargs)

    def output_spec(self, args, kwargs):
        """``compute_output_spec``, with its failures worded for the user."""
        try:
            return self.compute_output_spec(*args, **kwargs)
        except NeedsComputationError:
            raise
        except (ParamscopeError, TypeError, ValueError, AttributeError, IndexError, KeyError,
                ZeroDivisionError) as e:
            return self.output_spec_error(e, args)

    def output_spec_error(self, error, args):
        if isinstance(error, LayerError) and not isinstance(error, ShapeError):
            raise error
        cls = OperationTypeError if isinstance(error, (TypeError, AttributeError)) \
            else OperationError
        what = (f"Operation '{self.name}' ({type(self).__name__})" if self.name != CONCRETE
                else f"{type(self).__name__} on concrete values")
        detail = str(error) if isinstance(error, ParamscopeError) else \
            f"{type(error).__name__}: {error}"
        raise cls(f"{what} cannot process inputs of shape {_shapes_text(args)}: "
                  f"{detail}") from None

    def compute_output_spec(self, *args, **kwargs):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_config(self):
        config = {"name": self.name}
        for key, value in vars(self).items():
            if not key.startswith("_") and key != "name":
                config[key] = value
        return config

    def __repr__(self):
        return f"<Operation name={self.name}>"


def call(op_cls, args, kwargs=None, check=None, **init):
    """Apply a Keras function: ``op_cls(**init)`` on symbolic arguments (a node in the
    graph), or its rule on concrete ones (no auto-name consumed, as Keras creates no
    operation then).  ``check``: the arguments Keras looks at to decide (default all)."""
    kwargs = kwargs or {}
    if is_symbolic(args if check is None else check, None if check is not None else kwargs):
        return op_cls(**init).symbolic_call(*args, **kwargs)
    return op_cls(name=CONCRETE, **init).concrete_call(*args, **kwargs)


# --------------------------------------------------------------------------------------
# concrete values
# --------------------------------------------------------------------------------------

class Constant:
    """A concrete tensor known only by its shape and dtype (``ops.ones((3, 2))``)."""

    __array_priority__ = 100

    def __init__(self, shape, dtype="float32", backend=True):
        self.shape = tuple(shape)
        self.dtype = dtype
        #: Made by the backend (a JAX array, ``ops.is_tensor``), not a NumPy array.
        self.is_backend_tensor = backend

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        from ._shapes import prod_or_none
        return prod_or_none(self.shape)

    def __repr__(self):
        return f"<Constant shape={self.shape}, dtype={self.dtype}>"

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def __iter__(self):
        if not self.shape:
            raise TypeError("iteration over a 0-d array")
        return iter([Constant(self.shape[1:], self.dtype) for _ in range(self.shape[0])])

    def _needs_values(self, what):
        raise NeedsComputationError(
            f"{what} of a tensor needs its values; paramscope knows only its shape "
            f"{self.shape} and dtype {self.dtype}.")

    def __bool__(self):
        self._needs_values("The truth value")

    def __int__(self):
        self._needs_values("int()")

    def __float__(self):
        self._needs_values("float()")

    def __index__(self):
        self._needs_values("Using as an index")

    def numpy(self):
        self._needs_values("numpy()")

    def __array__(self, *args, **kwargs):
        self._needs_values("Converting to a NumPy array")

    def reshape(self, *shape):
        from .numpy_shape import reshape
        return reshape(self, shape[0] if len(shape) == 1 else shape)

    def astype(self, dtype):
        from .core import cast
        return cast(self, dtype)

    @property
    def T(self):
        from .numpy_shape import transpose
        return transpose(self)


def to_constants(outputs, op=None):
    """Outputs of a rule applied to concrete values: Constants (a shape that depends on the
    values, such as ``nonzero``'s, needs computation)."""
    def convert(x):
        if isinstance(x, KerasTensor):
            if None in x.shape and tracing_depth():
                return x  # inside a traced function a value-dependent size is unknown
            if None in x.shape:
                name = naming.to_snake_case(type(op).__name__) if op is not None else "this op"
                raise NeedsComputationError(
                    f"keras.ops.{name} on concrete values gives a shape that depends on the "
                    "values; paramscope knows shapes only.")
            return Constant(x.shape, x.dtype)
        return x
    return tree.map_structure(convert, outputs)


def _is_number(x):
    return isinstance(x, (bool, int, float))


class PythonScalar(Constant):
    """A Python number given to an operation on concrete values: a scalar array whose dtype
    is the Python type (weakly typed, as JAX treats it)."""

    def __init__(self, value):
        python_type = bool if isinstance(value, bool) else int if isinstance(value, int) \
            else float
        super().__init__((), python_type)
        self.value = value


def as_tensor_like(x):
    """A Python list/tuple of numbers as a Constant (its NumPy shape, Keras's dtype)."""
    if isinstance(x, (list, tuple)) and not any(isinstance(v, KerasTensor) for v in tree.flatten(x)):
        from ..shapes import value_shape
        from ._dtypes import result_type
        leaves = tree.flatten(list(x))
        dtype = result_type(*[type(v) for v in leaves]) if leaves else "float32"
        return Constant(value_shape(x), dtype)
    return x


# --------------------------------------------------------------------------------------
# tracing with stand-in sizes
# --------------------------------------------------------------------------------------

def _standin_op(name):
    method = getattr(int, name)

    def op(self, *args):
        result = method(self, *args)
        if result.__class__ is int:
            return StandIn(result)
        return result
    op.__name__ = name
    return op


class StandIn(int):
    """A dimension Keras does not know (``None``), given a stand-in size while a function is
    traced.  Arithmetic keeps the mark, so a size derived from it is known to be derived."""

    __slots__ = ()

    def __repr__(self):
        return f"{int(self)}"


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
              "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__neg__", "__pos__",
              "__abs__", "__pow__", "__rpow__", "__lshift__", "__rshift__"):
    setattr(StandIn, _name, _standin_op(_name))


def is_stand_in(dim) -> bool:
    return isinstance(dim, StandIn)


def known_shape(shape):
    """The shape with stand-in sizes back to ``None`` (what Keras sees when building)."""
    if shape is None or not any(isinstance(d, StandIn) for d in shape):
        return shape
    return tuple(None if isinstance(d, StandIn) else d for d in shape)


def _with_stand_ins(struct, size):
    def convert(x):
        if isinstance(x, KerasTensor) and None in x.shape:
            out = KerasTensor(tuple(StandIn(size) if d is None else d for d in x.shape),
                              dtype=x.dtype, sparse=x.sparse, name="traced")
            mask = getattr(x, "_keras_mask", None)
            if mask is not None:
                out._keras_mask = convert(mask)
            return out
        return x
    return tree.map_structure(convert, struct)


def _has_unknown_dims(struct):
    return any(isinstance(x, KerasTensor) and None in x.shape for x in tree.flatten(struct))


def _merge_runs(first, second):
    """Outputs of the two runs: a dimension that differs is unknown."""
    def merge(a, b):
        a, b = _traced_value(a), _traced_value(b)
        if isinstance(a, (KerasTensor, Constant)):
            shape_b = getattr(b, "shape", None)
            if shape_b is None or len(shape_b) != len(a.shape):
                raise OperationError("the traced function gives outputs of different ranks for "
                                     "different input sizes")
            shape = tuple(None if x is None or y is None or x != y else int(x)
                          for x, y in zip(a.shape, shape_b))
            return KerasTensor(shape, dtype=a.dtype)
        return a
    flat_a, flat_b = tree.flatten(first), tree.flatten(second)
    if len(flat_a) != len(flat_b):
        raise OperationError("the traced function gives a different number of outputs for "
                             "different input sizes")
    merged = iter([merge(a, b) for a, b in zip(flat_a, flat_b)])
    return tree.map_structure(lambda _: next(merged), first)


_PYTHON_SCALAR_DTYPES = {bool: "bool", int: "int32", float: "float32"}


def _traced_value(x):
    """What JAX's ``eval_shape`` gives for a function's output: arrays, also for Python
    numbers (a traced ``ops.shape(x)[0]`` is an int32 scalar)."""
    if isinstance(x, (bool, int, float)):
        return KerasTensor((), dtype=_PYTHON_SCALAR_DTYPES[bool if isinstance(x, bool) else
                                                            float if isinstance(x, float) else int])
    return x


def _symbolic_outputs(outputs):
    def convert(x):
        x = _traced_value(x)
        if isinstance(x, (KerasTensor, Constant)):
            return KerasTensor(tuple(None if isinstance(d, StandIn) else int(d) if d is not None
                                     else None for d in x.shape), dtype=x.dtype)
        return x
    return tree.map_structure(convert, outputs)


def traced_call(fn, *args, **kwargs):
    """Run ``fn`` on symbolic arguments as Keras's JAX backend does: no operation joins the
    graph; unknown dimensions get stand-in sizes (two runs with different sizes, a dimension
    of the result that differs between them is unknown).  Returns symbolic outputs."""
    with tracing():
        if not _has_unknown_dims((args, kwargs)):
            return _symbolic_outputs(fn(*args, **kwargs))
        size1, size2 = STAND_IN_SIZES
        try:
            first = fn(*_with_stand_ins(args, size1), **_with_stand_ins(kwargs, size1))
            second = fn(*_with_stand_ins(args, size2), **_with_stand_ins(kwargs, size2))
        except ParamscopeError as e:
            note = (f" (while tracing, an unknown (None) dimension has a stand-in size, "
                    f"{size1} or {size2})")
            if note in str(e) or not any(str(size) in str(e) for size in (size1, size2)):
                raise
            raise type(e)(f"{e}{note}") from None
    return _merge_runs(first, second)


def trace_function(fn, input_shape, dtype="float32", arguments=None):
    """Output shape of ``fn`` on symbolic inputs, or ``None`` if it cannot be traced."""
    return trace_function_or_reason(fn, input_shape, dtype, arguments)[0]


def trace_function_or_reason(fn, input_shape, dtype="float32", arguments=None):
    """``(output shape, None)`` of ``fn`` on symbolic inputs, or ``(None, why)`` when it cannot
    be traced (the error it raised, or what it returned instead of tensors)."""
    try:
        inputs = tree.map_shape_structure(
            lambda s: KerasTensor(s, dtype=dtype, name="traced"), input_shape)
        out = traced_call(lambda x: fn(x, **(arguments or {})), inputs)
    except Exception as e:  # noqa: BLE001 - the caller says why the trace failed
        return None, f"{type(e).__name__}: {e}"
    leaves = tree.flatten(out)
    if not leaves or not all(isinstance(t, KerasTensor) for t in leaves):
        return None, f"it returned {type(out).__name__}, not tensors"
    return tree.map_structure(lambda t: t.shape, out), None


def _constant_operator(dunder):
    """Constant's operators are installed on first use (loading the families only then)."""
    def operator(self, *args, **kwargs):
        from ._operators import install_operators
        install_operators(Constant, symbolic=False)
        return getattr(Constant, dunder)(self, *args, **kwargs)
    operator.__name__ = dunder
    return operator


for _dunder in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
                "__matmul__", "__rmatmul__", "__truediv__", "__rtruediv__", "__floordiv__",
                "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__", "__lt__",
                "__le__", "__gt__", "__ge__", "__ne__", "__and__", "__rand__", "__or__",
                "__ror__", "__xor__", "__rxor__", "__neg__", "__abs__", "__invert__",
                "__getitem__", "__round__"):
    setattr(Constant, _dunder, _constant_operator(_dunder))
