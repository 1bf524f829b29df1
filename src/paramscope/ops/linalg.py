"""``keras.ops.linalg`` (``keras/src/ops/linalg.py``): decompositions, inverses, norms and
solvers, with Keras's shape checks."""

from __future__ import annotations

from .. import tree
from ..dtypes import floatx
from ..layers.base import KerasTensor
from ._base import Operation, call, traced_call
from ._dtypes import standardize_dtype
from ._shapes import OpShapeError, reduce_shape

__all__ = ["Cholesky", "cholesky", "CholeskyInverse", "cholesky_inverse", "Det", "det", "Eig",
           "eig", "Eigh", "eigh", "Inv", "inv", "LuFactor", "lu_factor", "Norm", "norm", "Qr",
           "qr", "Solve", "solve", "SolveTriangular", "solve_triangular", "SVD", "svd", "Lstsq",
           "lstsq", "MatrixRank", "matrix_rank", "Pinv", "pinv", "JVP", "jvp"]


def _assert_1d(a):
    if len(a.shape) < 1:
        raise OpShapeError(f"Expected input to have rank >= 1. Received scalar input {a}.")


def _assert_2d(a):
    if len(a.shape) < 2:
        raise OpShapeError(f"Expected input to have rank >= 2. Received input with shape "
                           f"{a.shape}.")


def _assert_square(a):
    if len(a.shape) < 2:
        raise OpShapeError(f"not enough values to unpack (expected 2, got {len(a.shape)})")
    m, n = a.shape[-2:]
    if m != n:
        raise OpShapeError(f"Expected a square matrix. Received non-square input with shape "
                           f"{a.shape}")


def _assert_a_b_compat(a, b):
    if len(a.shape) == len(b.shape):
        if a.shape[-2] != b.shape[-2]:
            raise OpShapeError(
                "Incompatible shapes between `a` and `b`. Expected `a.shape[-2] == "
                f"b.shape[-2]`. Received: a.shape={a.shape}, b.shape={b.shape}")
    elif len(a.shape) == len(b.shape) - 1:
        if a.shape[-1] != b.shape[-1]:
            raise OpShapeError(
                "Incompatible shapes between `a` and `b`. Expected `a.shape[-1] == "
                f"b.shape[-1]`. Received: a.shape={a.shape}, b.shape={b.shape}")


class Cholesky(Operation):
    def __init__(self, upper=False, *, name=None):
        super().__init__(name=name)
        self.upper = upper

    def compute_output_spec(self, x):
        _assert_2d(x)
        _assert_square(x)
        return KerasTensor(x.shape, x.dtype)


class CholeskyInverse(Cholesky):
    pass


class Inv(Operation):
    def compute_output_spec(self, x):
        _assert_2d(x)
        _assert_square(x)
        return KerasTensor(x.shape, x.dtype)


class Det(Operation):
    def compute_output_spec(self, x):
        _assert_2d(x)
        _assert_square(x)
        return KerasTensor(x.shape[:-2], x.dtype)


class Eig(Operation):
    def compute_output_spec(self, x):
        _assert_square(x)
        _assert_2d(x)
        return (KerasTensor(x.shape[:-1], x.dtype), KerasTensor(x.shape, x.dtype))


class Eigh(Eig):
    pass


def cholesky(x, upper=False):
    return call(Cholesky, (x,), upper=upper)


def cholesky_inverse(x, upper=False):
    return call(CholeskyInverse, (x,), upper=upper)


def inv(x):
    return call(Inv, (x,))


def det(x):
    return call(Det, (x,))


def eig(x):
    return call(Eig, (x,))


def eigh(x):
    return call(Eigh, (x,))


class LuFactor(Operation):
    def compute_output_spec(self, x):
        _assert_2d(x)
        batch = tuple(x.shape[:-2])
        m, n = x.shape[-2:]
        return (KerasTensor(batch + (m, n), x.dtype), KerasTensor(batch + (min(m, n),), x.dtype))


def lu_factor(x):
    return call(LuFactor, (x,))


class Norm(Operation):
    def __init__(self, ord=None, axis=None, keepdims=False, *, name=None):  # noqa: A002
        super().__init__(name=name)
        if isinstance(ord, str) and ord not in ("fro", "nuc"):
            raise OpShapeError("Invalid `ord` argument. Expected one of {'fro', 'nuc'} when "
                               f"using string. Received: ord={ord}")
        self.ord = ord
        self.axis = [axis] if isinstance(axis, int) else axis
        self.keepdims = keepdims

    def compute_output_spec(self, x):
        dtype = standardize_dtype(x.dtype)
        if "int" in dtype or dtype == "bool":
            dtype = floatx()
        axis = tuple(range(len(x.shape))) if self.axis is None else self.axis
        if len(axis) == 1 and isinstance(self.ord, str):
            raise OpShapeError(f"Invalid `ord` argument for vector norm. Received: ord={self.ord}")
        if len(axis) == 2 and self.ord not in (None, "fro", "nuc", float("inf"), float("-inf"),
                                               1, -1, 2, -2):
            raise OpShapeError(f"Invalid `ord` argument for matrix norm. Received: ord={self.ord}")
        return KerasTensor(reduce_shape(x.shape, axis=self.axis, keepdims=self.keepdims),
                           dtype=dtype)


def norm(x, ord=None, axis=None, keepdims=False):  # noqa: A002 - Keras's name
    return call(Norm, (x,), ord=ord, axis=axis, keepdims=keepdims)


class Qr(Operation):
    def __init__(self, mode="reduced", *, name=None):
        super().__init__(name=name)
        if mode not in ("reduced", "complete"):
            raise OpShapeError("`mode` argument value not supported. Expected one of "
                               f"{{'reduced', 'complete'}}. Received: mode={mode}")
        self.mode = mode

    def compute_output_spec(self, x):
        if len(x.shape) < 2:
            raise OpShapeError(f"Input should have rank >= 2. Received: input.shape = {x.shape}")
        m, n = x.shape[-2], x.shape[-1]
        if m is None or n is None:
            raise OpShapeError("Input should have its last 2 dimensions fully-defined. "
                               f"Received: input.shape = {x.shape}")
        k, base = min(m, n), tuple(x.shape[:-2])
        if self.mode == "reduced":
            return (KerasTensor(base + (m, k), dtype=x.dtype), KerasTensor(base + (k, n), dtype=x.dtype))
        return (KerasTensor(base + (m, m), dtype=x.dtype), KerasTensor(base + (m, n), dtype=x.dtype))


def qr(x, mode="reduced"):
    return call(Qr, (x,), mode=mode)


class Solve(Operation):
    def compute_output_spec(self, a, b):
        _assert_2d(a)
        _assert_square(a)
        _assert_1d(b)
        _assert_a_b_compat(a, b)
        return KerasTensor(b.shape, b.dtype)


class SolveTriangular(Solve):
    def __init__(self, lower=False, *, name=None):
        super().__init__(name=name)
        self.lower = lower


def solve(a, b):
    return call(Solve, (a, b))


def solve_triangular(a, b, lower=False):
    return call(SolveTriangular, (a, b), lower=lower)


class SVD(Operation):
    def __init__(self, full_matrices=True, compute_uv=True, *, name=None):
        super().__init__(name=name)
        self.full_matrices, self.compute_uv = full_matrices, compute_uv

    def compute_output_spec(self, x):
        _assert_2d(x)
        rows, columns = x.shape[-2:]
        batch = tuple(x.shape[:-2])
        s = batch + (min(rows, columns),)
        if self.full_matrices:
            u, v = batch + (rows, rows), batch + (columns, columns)
        else:
            u, v = batch + (rows, min(rows, columns)), batch + (min(rows, columns), columns)
        if self.compute_uv:
            return (KerasTensor(u, x.dtype), KerasTensor(s, x.dtype), KerasTensor(v, x.dtype))
        return KerasTensor(s, x.dtype)


def svd(x, full_matrices=True, compute_uv=True):
    return call(SVD, (x,), full_matrices=full_matrices, compute_uv=compute_uv)


class Lstsq(Operation):
    def __init__(self, rcond=None, *, name=None):
        super().__init__(name=name)
        self.rcond = rcond

    def compute_output_spec(self, a, b):
        if len(a.shape) != 2:
            raise OpShapeError(f"Expected a to have rank 2. Received: a.shape={a.shape}")
        if len(b.shape) not in (1, 2):
            raise OpShapeError(f"Expected b to have rank 1 or 2. Received: b.shape={b.shape}")
        m, n = a.shape
        if b.shape[0] != m:
            raise OpShapeError("Expected b.shape[0] to be equal to a.shape[0]. Received: "
                               f"a.shape={a.shape}, b.shape={b.shape}")
        shape = (n, b.shape[1]) if len(b.shape) == 2 else (n,)
        return KerasTensor(shape, dtype=a.dtype)


def lstsq(a, b, rcond=None):
    return call(Lstsq, (a, b), rcond=rcond)


class MatrixRank(Operation):
    def __init__(self, tol=None, *, name=None):
        super().__init__(name=name)
        self.tol = tol

    def compute_output_spec(self, x):
        _assert_2d(x)
        return KerasTensor(x.shape[:-2], dtype="int32")


def matrix_rank(x, tol=None):
    return call(MatrixRank, (x,), tol=tol)


class Pinv(Operation):
    def __init__(self, rcond=None, *, name=None):
        super().__init__(name=name)
        self.rcond = rcond

    def compute_output_spec(self, x):
        _assert_2d(x)
        m, n = x.shape[-2:]
        return KerasTensor(tuple(x.shape[:-2]) + (n, m), x.dtype)


def pinv(x, rcond=None):
    return call(Pinv, (x,), rcond=rcond)


class JVP(Operation):
    def __init__(self, has_aux=False, *, name=None):
        super().__init__(name=name)
        self.has_aux = has_aux

    def compute_output_spec(self, fun, primals, tangents):
        out = traced_call(fun, *primals)
        primals_out, aux = out if self.has_aux else (out, None)
        tangents_out = tree.map_structure(lambda x: KerasTensor(x.shape, x.dtype), primals_out)
        if self.has_aux:
            return primals_out, tangents_out, aux
        return primals_out, tangents_out


def jvp(fun, primals, tangents, has_aux=False):
    return call(JVP, (fun, primals, tangents), check=(primals, tangents), has_aux=has_aux)
