"""The arguments of TensorFlow operations as TensorFlow reads them statically: shapes of
tensors and Python values (``None`` unknown; a traced stand-in size is unknown too), dtypes,
ints and shapes given as tensors whose values TensorFlow infers (``tf.shape(x)[1] * 2``)."""

from __future__ import annotations

from .. import tree
from ..errors import ShapeError
from ..shapes import value_shape
from .base import KerasTensor

MISSING = object()


def static_dim(d):
    """TensorFlow knows no stand-in size (a traced unknown dimension): it is unknown."""
    if d is None:
        return None
    return None if d.__class__ is not int and type(d).__name__ == "StandIn" else int(d)


def shape_of(x):
    """The static shape of a call argument: a tensor's, a constant's, a Python value's."""
    if isinstance(x, KerasTensor):
        return tuple(static_dim(d) for d in x.shape)
    shape = getattr(x, "shape", None)  # formats.config.FileConstant, ops.Constant
    if shape is not None and not isinstance(x, (list, tuple)):
        return tuple(static_dim(d) for d in shape)
    if isinstance(x, (list, tuple)) and any(hasattr(v, "shape") for v in tree.flatten(x)):
        inner = [shape_of(v) for v in x]  # tf.convert_to_tensor of a list: tf.stack of it
        return (len(x),) + (inner[0] if inner else ())
    return value_shape(x)


def dtype_of(*values, default="float32"):
    for value in values:
        for leaf in (tree.flatten(value) if isinstance(value, (list, tuple)) else [value]):
            if isinstance(leaf, KerasTensor) or hasattr(leaf, "dtype") and \
                    isinstance(getattr(leaf, "dtype", None), str):
                return leaf.dtype
    return default


def python_dtype(value):
    """TensorFlow's dtype for a Python value (``tf.constant(2)`` is int32)."""
    leaves = tree.flatten(value) if isinstance(value, (list, tuple)) else [value]
    if any(isinstance(v, float) for v in leaves):
        return "float32"
    if leaves and all(isinstance(v, bool) for v in leaves):
        return "bool"
    return "int32"


def inferred(x):
    """The values TensorFlow knows of a small integer tensor: a list (``None`` unknown),
    or ``None`` when nothing is known."""
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return [static_dim(x)]
    if isinstance(x, (list, tuple)):
        out = []
        for v in x:
            value = inferred(v)
            if value is None or len(value) != 1:
                return None
            out += value
        return out
    value = getattr(x, "_inferred_value", None)
    return list(value) if value is not None else None


def static_int(value, what):
    """An int argument, ``None`` when it is a tensor whose value TensorFlow does not know."""
    if isinstance(value, bool):
        raise ShapeError(f"{what} must be an integer, got {value!r}")
    if isinstance(value, int):
        return static_dim(value)
    known = inferred(value)
    if known is not None and len(known) == 1:
        return known[0]
    if isinstance(value, KerasTensor) or hasattr(value, "shape"):
        return None
    raise ShapeError(f"{what} must be an integer, got {value!r}")


def shape_arg(value, what="shape"):
    """A shape given as a list of ints and scalar tensors, a 1-D tensor, or a TensorShape."""
    dims = getattr(value, "dims", None)
    if dims is not None and not callable(dims):  # tf.TensorShape
        return tuple(dims)
    if isinstance(value, int) and not isinstance(value, bool):
        return (static_dim(value),)
    if isinstance(value, (list, tuple)):
        return tuple(None if d is None else static_int(d, f"a {what} entry") for d in value)
    known = inferred(value)
    if known is not None:
        return tuple(known)
    shape = getattr(value, "shape", None)
    if shape is not None and len(shape) == 1 and shape[0] is not None:
        return (None,) * shape[0]
    raise ShapeError(f"a {what} computed at run time, of unknown length")


def axis_list(axis, what="axis"):
    if axis is None or isinstance(axis, int) and not isinstance(axis, bool):
        return axis
    if isinstance(axis, (list, tuple)):
        return [static_int(a, what) for a in axis]
    known = inferred(axis)
    if known is not None and None not in known:
        return known if len(getattr(axis, "shape", (1,))) else known[0]
    raise ShapeError(f"a dynamic (tensor) {what} gives a shape paramscope cannot know")


def known_axis(value, what="axis"):
    axis = static_int(value, what)
    if axis is None:
        raise ShapeError(f"a dynamic (tensor) {what} gives a shape paramscope cannot know")
    return axis


def dtype_name(dtype, default="float32"):
    if isinstance(dtype, dict):  # a serialized tf.DType
        dtype = dtype.get("config", {}).get("name") or dtype.get("name")
    dtype = getattr(dtype, "name", dtype)
    return str(dtype) if dtype else default


def first_arg(inputs, kwargs, *names):
    """The op's first argument: passed positionally, or by its parameter name."""
    if inputs is not MISSING:
        return inputs
    for name in names:
        if name in kwargs:
            return kwargs.pop(name)
    raise ShapeError(f"the call has no {names[0]!r} argument")


def to_slice(value):
    if isinstance(value, dict) and set(value) == {"start", "stop", "step"}:
        return slice(value["start"], value["stop"], value["step"])
    return value
