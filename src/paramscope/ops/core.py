"""``keras.ops`` core family (``keras/src/ops/core.py``): casts and conversions, shape
queries, scatter/slice updates, and the control flow that traces a function (``map``,
``scan``, ``cond``, ``while_loop``, ``vectorized_map``...)."""

from __future__ import annotations

from .. import tree
from ..errors import NeedsComputationError
from ..layers.base import KerasTensor
from ._base import Constant, Operation, as_tensor_like, call, is_symbolic, traced_call
from ._dtypes import standardize_dtype
from ._shapes import OpShapeError, OpTypeError, canonicalize_axis
from .numpy_create import jax_dtype

__all__ = ["Cast", "cast", "SaturateCast", "saturate_cast", "ConvertToTensor",
           "convert_to_tensor", "convert_to_numpy", "shape", "dtype", "is_tensor", "Map", "map",
           "Scan", "scan", "AssociativeScan", "associative_scan", "Scatter", "scatter",
           "ScatterUpdate", "scatter_update", "Slice", "slice", "SliceUpdate", "slice_update",
           "Switch", "switch", "WhileLoop", "while_loop", "StopGradient", "stop_gradient",
           "ForiLoop", "fori_loop", "Unstack", "unstack", "Cond", "cond", "VectorizedMap",
           "vectorized_map", "custom_gradient", "vectorize"]


class Cast(Operation):
    def __init__(self, dtype, *, name=None):
        super().__init__(name=name)
        self.dtype = standardize_dtype(dtype)

    def compute_output_spec(self, x):
        return KerasTensor(x.shape, dtype=self.dtype)


class SaturateCast(Cast):
    pass


def _cast(cls, x, dtype):
    dtype = standardize_dtype(dtype)
    if is_symbolic((x,)):
        return cls(dtype=dtype)(x)
    x = as_tensor_like(x)
    if isinstance(x, (bool, int, float, complex)):
        return Constant((), jax_dtype(dtype))
    return Constant(x.shape, jax_dtype(dtype))


def cast(x, dtype):
    return _cast(Cast, x, dtype)


def saturate_cast(x, dtype):
    return _cast(SaturateCast, x, dtype)


class ConvertToTensor(Operation):
    def __init__(self, dtype=None, sparse=None, ragged=None, *, name=None):
        super().__init__(name=name)
        self.dtype, self.sparse, self.ragged = dtype, sparse, ragged

    def compute_output_spec(self, x):
        dtype = standardize_dtype(x.dtype) if self.dtype is None else self.dtype
        sparse = False if self.sparse is not None and not self.sparse else x.sparse
        ragged = False if self.ragged is not None and not self.ragged else x.ragged
        return KerasTensor(x.shape, dtype=dtype, sparse=sparse, ragged=ragged)


def _python_dtype(value):
    """The dtype JAX gives a Python value (or nested list of them; arrays in it count with
    their own dtypes, as in ``convert_to_tensor([image])``)."""
    from ._dtypes import result_type
    leaves = tree.flatten(value) if isinstance(value, (list, tuple)) else [value]
    if not leaves:
        return "float32"
    return result_type(*[standardize_dtype(v.dtype) if hasattr(v, "dtype") else type(v)
                         for v in leaves])


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    dtype = None if dtype is None else standardize_dtype(dtype)
    if isinstance(x, KerasTensor):
        return ConvertToTensor(dtype=dtype, sparse=sparse, ragged=ragged)(x)
    if isinstance(x, (list, tuple)) and is_symbolic(x):
        raise OpShapeError(
            "keras.ops.convert_to_tensor cannot take a list of symbolic tensors ('list' object "
            "has no attribute 'dtype'); use keras.ops.stack(...) to join them.")
    if isinstance(x, (bool, int, float, complex)):
        return Constant((), jax_dtype(dtype or _python_dtype(x)))
    if isinstance(x, (list, tuple)):
        from ..shapes import value_shape
        return Constant(value_shape(x), jax_dtype(dtype or _python_dtype(x)))
    shape = getattr(x, "shape", None)
    if shape is None:
        raise OpShapeError(f"cannot convert {x!r} (of type {type(x).__name__}) to a tensor")
    return Constant(tuple(shape), jax_dtype(dtype or getattr(x, "dtype", None)))


def convert_to_numpy(x):
    if is_symbolic((x,)):
        raise NeedsComputationError(
            "A KerasTensor is symbolic: it's a placeholder for a shape an a dtype. It doesn't "
            "have any actual numerical value. You cannot convert it to a NumPy array.")
    x = as_tensor_like(x)
    if isinstance(x, (bool, int, float)):
        return x
    return Constant(tuple(x.shape), getattr(x, "dtype", "float32"))


def shape(x):
    """``keras.ops.shape``: a tuple (``None`` for an unknown dimension; while tracing, a
    stand-in number)."""
    if not hasattr(x, "shape"):
        raise OpTypeError(f"'{type(x).__name__}' object has no attribute 'shape'")
    return tuple(x.shape)


def dtype(x):
    if not hasattr(x, "dtype"):
        raise OpTypeError(f"'{type(x).__name__}' object has no attribute 'dtype'")
    return standardize_dtype(x.dtype)


def is_tensor(x):
    """Keras (JAX backend): a JAX array, i.e. a concrete tensor made by an operation (not a
    NumPy array, not a symbolic tensor)."""
    return isinstance(x, Constant) and x.is_backend_tensor


# --------------------------------------------------------------------------------------
# functions of tensors: traced as Keras's backend traces them
# --------------------------------------------------------------------------------------

def _row(t):
    return KerasTensor(tuple(t.shape)[1:], dtype=t.dtype)


def _with_leading(n, spec):
    return tree.map_structure(
        lambda t: KerasTensor((n,) + tuple(t.shape), dtype=t.dtype,
                              sparse=getattr(t, "sparse", False)), spec)


class Map(Operation):
    def compute_output_spec(self, f, xs):
        x = tree.map_structure(_row, xs)
        n = tree.flatten(xs)[0].shape[0]
        return _with_leading(n, traced_call(f, x))


def map(f, xs):  # noqa: A001 - Keras's name
    return call(Map, (f, xs), check=(xs,))


class Scan(Operation):
    def __init__(self, length=None, reverse=False, unroll=1, *, name=None):
        super().__init__(name=name)
        self.length, self.reverse, self.unroll = length, reverse, unroll

    def compute_output_spec(self, f, init, xs=None):
        if xs is None:
            n, x = int(self.length), None
        else:
            n = int(self.length) if self.length is not None else tree.flatten(xs)[0].shape[0]
            x = xs[0]
        carry, y = traced_call(f, init, x)
        return carry, KerasTensor((n,) + tuple(y.shape), dtype=y.dtype)


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    return call(Scan, (f, init, xs), check=(init, xs), length=length, reverse=reverse,
                unroll=unroll)


class AssociativeScan(Operation):
    def __init__(self, reverse=False, axis=0, *, name=None):
        super().__init__(name=name)
        self.reverse, self.axis = reverse, axis

    def compute_output_spec(self, f, elems):
        flat = tree.flatten(elems)
        lengths = [e.shape[self.axis] for e in flat]
        if len(set(lengths)) != 1:
            raise OpShapeError("Array inputs to associative_scan must have the same first "
                               f"dimension. (saw: {[e.shape for e in flat]})")

        def first_row(t):
            shape = list(t.shape)
            shape[self.axis] = 1
            return KerasTensor(tuple(shape), dtype=t.dtype)
        x = tree.map_structure(first_row, elems)
        spec = traced_call(f, x, x)
        return tree.map_structure(lambda t: KerasTensor(flat[0].shape, dtype=t.dtype), spec)


def associative_scan(f, elems, reverse=False, axis=0):
    return call(AssociativeScan, (f, elems), check=(elems,), reverse=reverse, axis=axis)


class Scatter(Operation):
    def __init__(self, shape, *, name=None):
        super().__init__(name=name)
        self.shape = shape

    def compute_output_spec(self, indices, values):
        return KerasTensor(self.shape, dtype=values.dtype)


def scatter(indices, values, shape):
    return call(Scatter, (indices, values), shape=shape)


class ScatterUpdate(Operation):
    def __init__(self, reduction=None, *, name=None):
        super().__init__(name=name)
        self.reduction = reduction

    def compute_output_spec(self, inputs, indices, updates):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)


def scatter_update(inputs, indices, updates, reduction=None):
    if reduction is not None:
        reduction = reduction.lower()
        if reduction not in ("add", "max", "min", "mul"):
            raise OpShapeError(f"Invalid reduction: {reduction}. Supported values are: None, "
                               "'add', 'max', 'min', 'mul'.")
    return call(ScatterUpdate, (inputs, indices, updates), reduction=reduction)


class Slice(Operation):
    def __init__(self, shape, *, name=None):
        super().__init__(name=name)
        self.shape = shape

    def compute_output_spec(self, inputs, start_indices):
        if len(self.shape) != len(inputs.shape):
            raise OpShapeError(
                "The number of dimensions in `inputs` must match the number of dimensions in "
                f"`shape`. Received inputs.shape={inputs.shape} and shape={self.shape}")
        if hasattr(start_indices, "__len__") and not isinstance(start_indices, KerasTensor) \
                and len(start_indices) != len(inputs.shape):
            raise OpShapeError(
                "The number of dimensions in `start_indices` must match the number of "
                f"dimensions in `inputs`. Received start_indices={start_indices} and "
                f"inputs.shape={inputs.shape}")
        out = []
        for i, (size, slice_size) in enumerate(zip(inputs.shape, self.shape)):
            if slice_size != -1:
                out.append(slice_size)
            elif isinstance(start_indices, KerasTensor) or size is None:
                out.append(None)
            else:
                out.append(size - start_indices[i])
        return KerasTensor(out, dtype=inputs.dtype)


def slice(inputs, start_indices, shape):  # noqa: A001 - Keras's name
    return call(Slice, (inputs, start_indices), shape=shape)


class SliceUpdate(Operation):
    def compute_output_spec(self, inputs, start_indices, updates):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)


def slice_update(inputs, start_indices, updates):
    return call(SliceUpdate, (inputs, start_indices, updates))


class Switch(Operation):
    def compute_output_spec(self, index, branches, *operands):
        return traced_call(branches[0], *operands)


def switch(index, branches, *operands):
    return call(Switch, (index, branches) + operands, check=operands)


class WhileLoop(Operation):
    def __init__(self, cond, body, maximum_iterations=None, *, name=None):
        super().__init__(name=name)
        self.cond, self.body, self.maximum_iterations = cond, body, maximum_iterations

    def compute_output_spec(self, loop_vars):
        return tree.map_structure(lambda v: KerasTensor(v.shape, dtype=v.dtype), loop_vars)


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    return call(WhileLoop, (loop_vars,), cond=cond, body=body,
                maximum_iterations=maximum_iterations)


class StopGradient(Operation):
    def compute_output_spec(self, variable):
        return KerasTensor(variable.shape, dtype=variable.dtype)


def stop_gradient(variable):
    return call(StopGradient, (variable,))


class ForiLoop(Operation):
    def __init__(self, lower, upper, body_fun, *, name=None):
        super().__init__(name=name)
        self.lower, self.upper, self.body_fun = lower, upper, body_fun

    def compute_output_spec(self, init_val):
        return KerasTensor(init_val.shape, dtype=init_val.dtype)


def fori_loop(lower, upper, body_fun, init_val):
    return call(ForiLoop, (init_val,), check=(lower, upper, init_val), lower=lower,
                upper=upper, body_fun=body_fun)


class Unstack(Operation):
    def __init__(self, num=None, axis=0, *, name=None):
        super().__init__(name=name)
        self.num, self.axis = num, axis

    def compute_output_spec(self, x):
        axis = canonicalize_axis(self.axis, len(x.shape))
        shape = tuple(x.shape[:axis]) + tuple(x.shape[axis + 1:])
        num = x.shape[axis] if self.num is None else self.num
        if num is None:
            raise OpShapeError(
                f"Cannot infer argument `num` from shape {x.shape}. Either provide a tensor with "
                "a concrete shape in the `axis` dimension or explicitly pass the `num` argument.")
        return [KerasTensor(shape, dtype=x.dtype) for _ in range(num)]


def unstack(x, num=None, axis=0):
    return call(Unstack, (x,), num=num, axis=axis)


class Cond(Operation):
    """Both branches are traced; on a concrete condition the result is concrete (the
    branches must agree, so the condition's value does not matter)."""

    def compute_output_spec(self, pred, true_fn, false_fn):
        true_spec, false_spec = traced_call(true_fn), traced_call(false_fn)
        if not _same_specs(true_spec, false_spec):
            raise OpShapeError(
                "`true_fn` and `false_fn` should return outputs of the same kind (struct, dtype "
                f"and shape). Got {true_spec} and {false_spec} instead.")
        return true_spec


def _same_specs(a, b):
    flat_a, flat_b = tree.flatten(a), tree.flatten(b)
    if len(flat_a) != len(flat_b):
        return False
    for x, y in zip(flat_a, flat_b):
        if x is None or y is None:
            if not (x is None and y is None):
                return False
        elif tuple(x.shape) != tuple(y.shape) or x.dtype != y.dtype:
            return False
    return True


def cond(pred, true_fn, false_fn):
    return Cond()(pred, true_fn, false_fn)


class VectorizedMap(Operation):
    def __init__(self, function, *, name=None):
        super().__init__(name=name)
        self.function = function

    def compute_output_spec(self, elements):
        x = tree.map_structure(_row, elements)
        n = tree.flatten(elements)[0].shape[0]
        return _with_leading(n, traced_call(self.function, x))


def vectorized_map(function, elements):
    return call(VectorizedMap, (elements,), function=function)


def custom_gradient(f):
    """Keras's ``custom_gradient``: ``f`` returns ``(output, grad_fn)``; shapes only need
    the output."""
    def wrapper(*args, **kwargs):
        output, _ = f(*args, **kwargs)
        return output
    wrapper.__name__ = getattr(f, "__name__", "custom_gradient")
    return wrapper


def vectorize(pyfunc, *, excluded=None, signature=None):
    """``keras.ops.vectorize``: ``pyfunc`` applied elementwise (with broadcasting)."""
    if not callable(pyfunc):
        raise OpShapeError(f"Expected argument `pyfunc` to be a callable. Received: "
                           f"pyfunc={pyfunc}")

    def vectorized(*args):
        from ._shapes import broadcast_shapes
        if is_symbolic(args):
            raise OpShapeError(
                "A KerasTensor cannot be used as input to a JAX function: keras.ops.vectorize "
                "runs its function on concrete tensors (use it inside a layer's call()).")
        tensors = [as_tensor_like(a) for a in args]
        batch = []
        for t in tensors:
            batch = broadcast_shapes(batch, getattr(t, "shape", ()))
        scalars = [KerasTensor((), dtype=t.dtype) if hasattr(t, "shape") else t for t in tensors]
        out = traced_call(pyfunc, *scalars)
        spec = tree.map_structure(
            lambda y: KerasTensor(tuple(batch) + tuple(y.shape), dtype=y.dtype), out)
        if any(isinstance(t, KerasTensor) for t in tensors):
            return spec
        from ._base import to_constants
        return to_constants(spec)
    vectorized.__name__ = getattr(pyfunc, "__name__", "vectorized")
    return vectorized
