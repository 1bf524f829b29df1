"""Symbolic operations on KerasTensors (shapes only).

Used to trace a live Python function (a ``Lambda`` without ``output_shape``)
and for arithmetic on symbolic tensors.  Every operation computes its output
shape with :mod:`paramscope.shapes`; nothing is ever evaluated.
"""

from __future__ import annotations

from . import tree
from .errors import ParamscopeError
from .shapes import broadcast_shapes


def _kt():
    from .layers.base import KerasTensor
    return KerasTensor


def _shape_of(x):
    KerasTensor = _kt()
    if isinstance(x, KerasTensor):
        return x.shape
    if isinstance(x, (int, float, bool)):
        return ()
    shape = getattr(x, "shape", None)
    if shape is not None:
        return tuple(shape)
    raise ParamscopeError(f"cannot use {x!r} in a symbolic operation")


def elementwise(a, b):
    KerasTensor = _kt()
    dtype = a.dtype if isinstance(a, KerasTensor) else b.dtype
    return KerasTensor(broadcast_shapes(_shape_of(a), _shape_of(b)), dtype=dtype)


def _install_operators():
    KerasTensor = _kt()

    def binary(a, b):
        return elementwise(a, b)

    def rbinary(a, b):
        return elementwise(b, a)

    for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul_unused",
                 "and", "or", "xor", "lt", "le", "gt", "ge"):
        if name == "matmul_unused":
            continue
        setattr(KerasTensor, f"__{name}__", binary)
        if name not in ("lt", "le", "gt", "ge"):
            setattr(KerasTensor, f"__r{name}__", rbinary)

    def unary(a):
        return KerasTensor(a.shape, dtype=a.dtype)

    for name in ("neg", "pos", "abs", "invert"):
        setattr(KerasTensor, f"__{name}__", unary)


def trace_function(fn, input_shape, dtype="float32", arguments=None):
    """Output shape of ``fn`` on symbolic inputs, or ``None`` if it cannot be traced."""
    KerasTensor = _kt()
    _install_operators()
    try:
        inputs = tree.map_shape_structure(lambda s: KerasTensor(s, dtype=dtype), input_shape)
        out = fn(inputs, **(arguments or {}))
        return tree.map_structure(lambda t: t.shape, out) if _all_tensors(out) else None
    except Exception:  # noqa: BLE001 - an untraceable function falls back to passthrough
        return None


def _all_tensors(out):
    KerasTensor = _kt()
    leaves = tree.flatten(out)
    return bool(leaves) and all(isinstance(t, KerasTensor) for t in leaves)
