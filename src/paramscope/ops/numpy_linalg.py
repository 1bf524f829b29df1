"""``keras.ops`` products and matrix views of the NumPy family (``keras/src/ops/numpy.py``):
matmul, dot, einsum, tensordot, inner/outer/vdot, cross, kron, correlate, diagonals,
trace, vander, slogdet."""

from __future__ import annotations

from ..layers.base import KerasTensor
from ._base import Operation, call
from ._dtypes import dtype_of, result_type, standardize_dtype
from ._shapes import (OpShapeError, OpTypeError, broadcast_shapes, canonicalize_axis,
                      compute_matmul_output_shape, prod_or_none, shape_equal)

__all__ = ["Matmul", "matmul", "Dot", "dot", "Einsum", "einsum", "Tensordot", "tensordot",
           "Inner", "inner", "Outer", "outer", "Vdot", "vdot", "Cross", "cross", "Kron", "kron",
           "Correlate", "correlate", "Diag", "diag", "Diagflat", "diagflat", "Diagonal",
           "diagonal", "Trace", "trace", "Vander", "vander", "Slogdet", "slogdet"]


def _shape(x):
    return list(getattr(x, "shape", []))


def _result(x1, x2):
    return result_type(dtype_of(x1), dtype_of(x2))


class Matmul(Operation):
    def compute_output_spec(self, x1, x2):
        shape = compute_matmul_output_shape(getattr(x1, "shape", []), getattr(x2, "shape", []))
        sparse = getattr(x1, "sparse", True) and getattr(x2, "sparse", True)
        d1, d2 = standardize_dtype(dtype_of(x1)), standardize_dtype(dtype_of(x2))
        dtype = "int32" if d1 == "int8" and d2 == "int8" else result_type(d1, d2)
        return KerasTensor(shape, dtype=dtype, sparse=sparse)


def matmul(x1, x2):
    return call(Matmul, (x1, x2))


class Dot(Operation):
    def compute_output_spec(self, x1, x2):
        s1, s2 = _shape(x1), _shape(x2)
        dtype = _result(x1, x2)
        if s1 == [] or s2 == []:
            from .numpy_math import multiply
            return multiply(x1, x2)
        if len(s1) == 1 and len(s2) == 1:
            return KerasTensor([], dtype=dtype)
        if len(s2) == 1:
            if s1[-1] != s2[0]:
                raise OpShapeError(
                    "Shape must match on the last axis of `x1` and `x2` when `x1` is N-d array "
                    f"while `x2` is 1-D, but receive shape `x1.shape={x1.shape}` and "
                    f"x2.shape=`{x2.shape}`.")
            return KerasTensor(s1[:-1], dtype=dtype)
        if s1[-1] is None or s2[-2] is None or s1[-1] == s2[-2]:
            del s1[-1]
            del s2[-2]
            return KerasTensor(s1 + s2, dtype=dtype)
        raise OpShapeError(
            "Shape must match on the last axis of `x1` and second last axis of `x2` when `x1` "
            f"is N-d array while `x2` is M-D, but received `x1.shape={x1.shape}` and "
            f"x2.shape=`{x2.shape}`.")


def dot(x1, x2):
    return call(Dot, (x1, x2))


def _einsum_dims(subscripts):
    """Kept and reduced labels, as Keras's Einsum decides them."""
    parts = subscripts.split("->")
    if len(parts) > 2:
        raise OpShapeError("At most one '->' is supported in `einsum` subscripts, but received "
                           f"{subscripts}.")
    inputs = parts[0]
    output = parts[1] if len(parts) == 2 else None
    reduced, kept = set(), set()
    for s in inputs:
        if not s.isalpha():
            continue
        if s not in reduced and s not in kept:
            kept.add(s)
        elif s in kept:
            kept.remove(s)
            reduced.add(s)
    if output is not None:
        new_kept, new_reduced = set(kept), set(reduced)
        for d in kept:
            if d not in output:
                new_kept.remove(d)
                new_reduced.add(d)
        for d in reduced:
            if d in output:
                new_reduced.remove(d)
                new_kept.add(d)
        kept = new_kept
    return inputs, output, sorted(kept)


def _einsum_expanded(x_shape, spec, target):
    """One operand's shape laid out on the output's labels (1 where it has no label)."""
    x_shape = [-1 if size is None else size for size in x_shape]
    split = spec.split("...")
    expanded = target
    if len(split) == 1:
        if len(x_shape) != len(split[0]):
            raise OpShapeError(
                "Number of dimensions in the subscript does not match the number of dimensions "
                f"in the operand, received subscript `{spec}` and operand of shape {x_shape}.")
        for size, s in zip(x_shape, split[0]):
            expanded = expanded.replace(s, f"{size} ")
        expanded = expanded.replace("...", "")
    else:
        for i in range(len(split[0])):
            expanded = expanded.replace(split[0][i], f"{x_shape[i]} ")
        for i in range(len(split[1])):
            expanded = expanded.replace(split[1][-i - 1], f"{x_shape[-i - 1]} ")
        end = len(x_shape) if len(split[1]) == 0 else -len(split[1])
        wildcard = x_shape[len(split[0]):end]
        expanded = expanded.replace("...", " ".join(str(s) for s in wildcard) + " ")
    expanded = "".join("1 " if "a" <= c <= "z" else c for c in expanded)
    return [None if size == "-1" else int(size) for size in expanded.split()]


class Einsum(Operation):
    def __init__(self, subscripts, *, name=None):
        super().__init__(name=name)
        self.subscripts = subscripts

    def compute_output_spec(self, *operands):
        inputs, output, kept = _einsum_dims(self.subscripts)
        specs = inputs.split(",")
        if len(specs) != len(operands):
            raise OpShapeError(
                f"Number of operands ({len(operands)}) does not match the number of input specs "
                f"({len(specs)}) in `einsum`, received subscripts={self.subscripts}.")
        target = f"...{''.join(kept)}" if output is None else output
        shapes = [_einsum_expanded(getattr(x, "shape", []), spec, target)
                  for x, spec in zip(operands, specs)]
        shape = shapes[0]
        for other in shapes[1:]:
            shape = broadcast_shapes(shape, other)
        dtypes = sorted({standardize_dtype(dtype_of(x)) for x in operands})
        dtype = "int32" if dtypes == ["int8"] else result_type(*dtypes)
        return KerasTensor(shape, dtype=dtype)


def einsum(subscripts, *operands, **kwargs):
    return call(Einsum, operands, kwargs, check=operands, subscripts=subscripts)


class Tensordot(Operation):
    def __init__(self, axes=2, *, name=None):
        super().__init__(name=name)
        self.axes = axes

    def compute_output_spec(self, x1, x2):
        s1, s2 = _shape(x1), _shape(x2)
        dtype = _result(x1, x2)
        if not isinstance(self.axes, int):
            sel1 = [s1[ax] for ax in self.axes[0]]
            sel2 = [s2[ax] for ax in self.axes[1]]
            if not shape_equal(sel1, sel2, allow_none=True):
                raise OpShapeError(f"Shape mismatch on `x1[axes[0]]` and `x2[axes[1]]`, "
                                   f"received {sel1} and {sel2}.")
            for ax in self.axes[0]:
                s1[ax] = -1
            for ax in self.axes[1]:
                s2[ax] = -1
            return KerasTensor([d for d in s1 if d != -1] + [d for d in s2 if d != -1],
                               dtype=dtype)
        if self.axes <= 0:
            return KerasTensor(s1 + s2, dtype=dtype)
        return KerasTensor(s1[:-self.axes] + s2[self.axes:], dtype=dtype)


def tensordot(x1, x2, axes=2):
    return call(Tensordot, (x1, x2), axes=axes)


class Inner(Operation):
    def compute_output_spec(self, x1, x2):
        dtype = _result(x1, x2)
        s1, s2 = tuple(getattr(x1, "shape", ())), tuple(getattr(x2, "shape", ()))
        if not s1:
            return KerasTensor(s2, dtype=dtype)
        if not s2:
            return KerasTensor(s1, dtype=dtype)
        d1, d2 = s1[-1], s2[-1]
        if isinstance(d1, int) and isinstance(d2, int) and d1 != d2:
            raise OpShapeError("`inner` requires the last dimension of `x1` and `x2` to match. "
                               f"Received: x1.shape={s1}, x2.shape={s2}.")
        return KerasTensor(s1[:-1] + s2[:-1], dtype=dtype)


def inner(x1, x2):
    return call(Inner, (x1, x2))


class Outer(Operation):
    def compute_output_spec(self, x1, x2):
        s1, s2 = getattr(x1, "shape", [1]), getattr(x2, "shape", [1])
        return KerasTensor((prod_or_none(s1), prod_or_none(s2)), dtype=_result(x1, x2))


def outer(x1, x2):
    return call(Outer, (x1, x2))


class Vdot(Operation):
    def compute_output_spec(self, x1, x2):
        return KerasTensor([], dtype=_result(x1, x2))


def _vdot_concrete(self, x1, x2):
    """JAX's vdot flattens both arguments: their sizes must agree."""
    sizes = [prod_or_none(getattr(x, "shape", ())) for x in (x1, x2)]
    if sizes[0] != sizes[1]:
        raise OpTypeError(f"dot_general requires contracting dimensions to have the same shape, "
                          f"got ({sizes[0]},) and ({sizes[1]},).")
    return self.compute_output_spec(x1, x2)


Vdot.concrete_output_spec = _vdot_concrete
Vdot.wraps_python_scalars = True


def vdot(x1, x2):
    return call(Vdot, (x1, x2))


class Cross(Operation):
    def __init__(self, axisa=-1, axisb=-1, axisc=-1, axis=None, *, name=None):
        super().__init__(name=name)
        if axis is not None:
            axisa = axisb = axisc = axis
        self.axisa, self.axisb, self.axisc = axisa, axisb, axisc

    def compute_output_spec(self, x1, x2):
        s1, s2 = list(x1.shape), list(x2.shape)
        size1, size2 = s1[self.axisa], s2[self.axisb]
        del s1[self.axisa]
        del s2[self.axisb]
        shape = broadcast_shapes(s1, s2)
        if size1 is not None and size1 not in (2, 3):
            raise OpShapeError(f"`x1`'s dim on `axis={{axisa}}` must be either 2 or 3, but "
                               f"received: {size1}")
        if size2 is not None and size2 not in (2, 3):
            raise OpShapeError(f"`x2`'s dim on `axis={{axisb}}` must be either 2 or 3, but "
                               f"received: {size2}")
        value = [3] if size1 == 3 or size2 == 3 else []
        axisc = canonicalize_axis(self.axisc, len(shape) + len(value))
        return KerasTensor(shape[:axisc] + value + shape[axisc:],
                           dtype=result_type(x1.dtype, x2.dtype))


def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    return call(Cross, (x1, x2), axisa=axisa, axisb=axisb, axisc=axisc, axis=axis)


class Kron(Operation):
    def compute_output_spec(self, x1, x2):
        shape = tuple(None if a is None or b is None else a * b
                      for a, b in zip(getattr(x1, "shape", []), getattr(x2, "shape", [])))
        dtype = result_type(standardize_dtype(dtype_of(x1)), standardize_dtype(dtype_of(x2)))
        return KerasTensor(shape, dtype=dtype)


def _kron_concrete(self, x1, x2):
    """NumPy's kron: the shorter shape padded with 1s, sizes multiplied."""
    dtype = self.compute_output_spec(x1, x2).dtype
    s1, s2 = list(getattr(x1, "shape", ())), list(getattr(x2, "shape", ()))
    n = max(len(s1), len(s2))
    s1, s2 = [1] * (n - len(s1)) + s1, [1] * (n - len(s2)) + s2
    return KerasTensor([a * b for a, b in zip(s1, s2)], dtype=dtype)


Kron.concrete_output_spec = _kron_concrete
Kron.wraps_python_scalars = True


def kron(x1, x2):
    return call(Kron, (x1, x2))


class Correlate(Operation):
    def __init__(self, mode="valid", *, name=None):
        super().__init__(name=name)
        self.mode = mode

    def compute_output_spec(self, x1, x2):
        s1, s2 = getattr(x1, "shape", []), getattr(x2, "shape", [])
        if len(s1) != 1:
            raise OpShapeError(f"`x1` must be a 1-dimensional tensor, but receivedshape {s1}")
        if len(s2) != 1:
            raise OpShapeError(f"`x2` must be a 1-dimensional tensor, but receivedshape {s2}")
        a, b = s1[0], s2[0]
        if None in (a, b):
            raise OpTypeError("'>' not supported between instances of 'NoneType' and 'int'")
        shape = (max(a, b) - min(a, b) + 1,)
        if self.mode == "same":
            shape = (max(a, b),)
        elif self.mode == "full":
            shape = (a + b - 1,)
        if self.mode not in ("valid", "same", "full"):
            raise OpShapeError(f"`mode` must be either `valid`, `same`, or `full`, butreceived: "
                               f"{self.mode}")
        dtype = _result(x1, x2)
        if dtype == "int64":
            dtype = "float64"
        elif dtype not in ("bfloat16", "float16", "float64"):
            dtype = "float32"
        return KerasTensor(shape, dtype=dtype)


def correlate(x1, x2, mode="valid"):
    return call(Correlate, (x1, x2), mode=mode)


def _diagonal_length(rows, cols, offset):
    remaining = cols - offset if offset > 0 else rows + offset
    return max(0, min(remaining, min(rows, cols)))


class Diag(Operation):
    def __init__(self, k=0, *, name=None):
        super().__init__(name=name)
        self.k = k

    def compute_output_spec(self, x):
        shape = x.shape
        if len(shape) == 1:
            size = None if shape[0] is None else shape[0] + abs(int(self.k))
            return KerasTensor([size, size], dtype=x.dtype)
        if len(shape) == 2:
            if None in shape:
                return KerasTensor([None], dtype=x.dtype)
            return KerasTensor([_diagonal_length(shape[0], shape[1], self.k)], dtype=x.dtype)
        raise OpShapeError(f"`x` must be 1-D or 2-D, but received shape {x.shape}.")


def diag(x, k=0):
    return call(Diag, (x,), k=k)


class Diagflat(Operation):
    def __init__(self, k=0, *, name=None):
        super().__init__(name=name)
        self.k = k

    def compute_output_spec(self, x):
        size = 1 if len(x.shape) == 0 else prod_or_none(x.shape)
        size = None if size is None else size + abs(int(self.k))
        return KerasTensor([size, size], dtype=x.dtype)


def diagflat(x, k=0):
    return call(Diagflat, (x,), k=k)


class _DiagonalOperation(Operation):
    """An operation along a diagonal: ``offset`` from the main one, in the plane of
    ``axis1`` and ``axis2``."""

    def __init__(self, offset=0, axis1=0, axis2=1, *, name=None):
        super().__init__(name=name)
        self.offset, self.axis1, self.axis2 = offset, axis1, axis2


class Diagonal(_DiagonalOperation):
    def compute_output_spec(self, x):
        shape = list(x.shape)
        if len(shape) < 2:
            raise OpShapeError("`diagonal` requires an array of at least two dimensions, but "
                               f"`x` is of shape {x.shape}.")
        rows, cols = shape[self.axis1], shape[self.axis2]
        shape[self.axis1] = shape[self.axis2] = -1
        out = [d for d in shape if d != -1]
        if rows is None or cols is None:
            return KerasTensor(out + [None], dtype=x.dtype)
        return KerasTensor(out + [_diagonal_length(rows, cols, self.offset)], dtype=x.dtype)


def diagonal(x, offset=0, axis1=0, axis2=1):
    ndim = len(x.shape)
    ax1, ax2 = canonicalize_axis(axis1, ndim), canonicalize_axis(axis2, ndim)
    if ax1 == ax2:
        raise OpShapeError(f"`axis1` and `axis2` cannot be the same. Received: axis1={axis1}, "
                           f"axis2={axis2}")
    return call(Diagonal, (x,), offset=offset, axis1=axis1, axis2=axis2)


class Trace(_DiagonalOperation):
    def compute_output_spec(self, x):
        shape = list(x.shape)
        a1, a2 = canonicalize_axis(self.axis1, len(shape)), canonicalize_axis(self.axis2, len(shape))
        if a1 == a2:
            raise OpShapeError(f"`axis1` and `axis2` must be different. Received: "
                               f"axis1={self.axis1}, axis2={self.axis2}")
        shape[a1] = shape[a2] = -1
        dtype = standardize_dtype(x.dtype)
        if dtype in ("bool", "int8", "int16"):
            dtype = "int32"
        elif dtype in ("uint8", "uint16"):
            dtype = "uint32"
        return KerasTensor([d for d in shape if d != -1], dtype=dtype)


def trace(x, offset=0, axis1=0, axis2=1):
    return call(Trace, (x,), offset=offset, axis1=axis1, axis2=axis2)


class Vander(Operation):
    def __init__(self, N=None, increasing=False, *, name=None):
        super().__init__(name=name)
        self.N, self.increasing = N, increasing

    def compute_output_spec(self, x):
        n = x.shape[0] if self.N is None else self.N
        return KerasTensor(tuple(x.shape) + (n,), dtype=x.dtype)


def vander(x, N=None, increasing=False):
    if len(x.shape) != 1:
        raise OpShapeError(f"Input tensor must be 1-dimensional. Received: input.shape={x.shape}")
    if N is not None:
        if not isinstance(N, int):
            raise OpTypeError(f"Argument `N` must be of type `int`. Received: N={N} of type "
                              f"{type(N)}")
        if N < 0:
            raise OpShapeError(f"Argument 'N' must be nonnegative. Received: N={N}")
    if not isinstance(increasing, bool):
        raise OpTypeError("Argument `increasing` must be of type `bool`. Received: "
                          f"increasing={increasing} of type {type(increasing)}")
    return call(Vander, (x,), N=N, increasing=increasing)


class Slogdet(Operation):
    def compute_output_spec(self, x):
        return (KerasTensor((), dtype=x.dtype), KerasTensor(x.shape[:-2], dtype=x.dtype))


def slogdet(x):
    return call(Slogdet, (x,))
