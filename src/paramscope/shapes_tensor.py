"""Shapes of tensor operations: reshape, broadcast, reductions, transpose, matmul, stack,
tile, pad, split, one-hot, gather, einsum (keras/src/ops/operation_utils.py and the ops'
``compute_output_spec``).

Part of :mod:`paramscope.shapes`, which gives these names on first use.

>>> reshape_output_shape((None, 6), (-1, 2), batch=True)
(None, 3, 2)
"""

from __future__ import annotations

import math

from .errors import ShapeError
from .shapes import canonicalize_axis

TYPE_CHECKING = False  # annotations only: importing typing would cost start-up time
if TYPE_CHECKING:
    from typing import Optional, Sequence, Tuple

    Dim = Optional[int]
    Shape = Tuple[Dim, ...]


def reshape_output_shape(input_shape: Shape, target: Sequence[int], batch: bool = True) -> Shape:
    """Shape after ``Reshape(target)``; ``-1`` is inferred.

    With ``batch=True`` the first input dimension is the batch and is kept.
    """
    target = tuple(target)
    for d in target:
        if d is not None and d < -1:
            raise ShapeError(
                f"each target dimension must be a non-negative integer or -1. Received: {target}"
            )
    if target.count(-1) > 1:
        raise ShapeError(f"there can be at most one -1 in the target shape. Received: {target}")
    body = tuple(input_shape[1:]) if batch else tuple(input_shape)
    prefix = (input_shape[0],) if batch else ()
    if None in body or None in target:
        return prefix + tuple(None if d == -1 else d for d in target)
    size = math.prod(body)
    if -1 not in target:
        if size != math.prod(target):
            raise ShapeError(
                f"cannot reshape {size} values (shape {body}) into shape {target}"
                f" ({math.prod(target)} values)"
            )
        return prefix + target
    known = math.prod(d for d in target if d != -1)
    if known == 0 or size % known:
        raise ShapeError(
            f"cannot reshape {size} values (shape {body}) into shape {target}:"
            f" {size} is not divisible by {known}"
        )
    return prefix + tuple(size // known if d == -1 else d for d in target)


def broadcast_dims(shape1, shape2):
    """NumPy broadcasting with ``None`` for unknown dimensions (Keras's rule): the
    broadcast dimensions (a list) and None, or None and the first pair of dimensions
    ``(a, b)`` that cannot be broadcast together."""
    a, b = list(shape1), list(shape2)
    if len(a) > len(b):
        b = [1] * (len(a) - len(b)) + b
    if len(a) < len(b):
        a = [1] * (len(b) - len(a)) + a
    out = list(a)
    for i, (x, y) in enumerate(zip(a, b)):
        if x == 1:
            out[i] = y
        elif x is None:
            out[i] = None if y == 1 else y
        elif y == 1 or y is None or y == x:
            out[i] = x
        else:
            return None, (x, y)
    return out, None


def broadcast_shapes(shape1: Sequence[Dim], shape2: Sequence[Dim]) -> Shape:
    """NumPy broadcasting with ``None`` for unknown dimensions (Keras's rule)."""
    out, conflict = broadcast_dims(shape1, shape2)
    if conflict is not None:
        raise ShapeError(
            f"shapes {tuple(shape1)} and {tuple(shape2)} cannot be broadcast together"
            f" (dimension {conflict[0]} against {conflict[1]})"
        )
    return tuple(out)


def reduce_shape(shape: Sequence[Dim], axis=None, keepdims: bool = False) -> Shape:
    shape = list(shape)
    if axis is None:
        return tuple(1 for _ in shape) if keepdims else ()
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    axes = tuple(canonicalize_axis(a, len(shape)) for a in axes)
    if keepdims:
        for a in axes:
            shape[a] = 1
        return tuple(shape)
    return tuple(d for i, d in enumerate(shape) if i not in axes)


def transpose_shape(shape: Sequence[Dim], axes: Optional[Sequence[int]] = None) -> Shape:
    shape = tuple(shape)
    if axes is None:
        return shape[::-1]
    if len(axes) != len(shape):
        raise ShapeError(f"axes {tuple(axes)} do not match an input of rank {len(shape)}")
    norm = [canonicalize_axis(a, len(shape)) for a in axes]
    if len(set(norm)) != len(shape):
        raise ShapeError(f"axes {tuple(axes)} are not a permutation of the input dimensions")
    return tuple(shape[a] for a in norm)


def matmul_shape(shape1: Sequence[Dim], shape2: Sequence[Dim]) -> Shape:
    a, b = list(shape1), list(shape2)
    if len(a) == 1:
        a = [1] + a
    if len(b) == 1:
        b = b + [1]
    if a[-1] is not None and b[-2] is not None and a[-1] != b[-2]:
        raise ShapeError(
            f"inner dimensions do not match for a matrix product of {tuple(shape1)} and {tuple(shape2)}"
        )
    batch = broadcast_shapes(a[:-2], b[:-2]) if (len(a) > 2 or len(b) > 2) else ()
    out = list(batch) + [a[-2], b[-1]]
    if len(shape1) == 1:
        del out[-2]
    if len(shape2) == 1:
        del out[-1]
    return tuple(out)


def stack_shape(shapes: Sequence[Shape], axis: int = 0) -> Shape:
    """Shape of ``stack(xs, axis)``: a new axis of size ``len(xs)``; the shapes must agree
    (``None`` matches anything).

    >>> stack_shape([(None, 3), (None, 3)], axis=1)
    (None, 2, 3)
    >>> stack_shape([(2, None), (2, 4), (2, 4)], axis=-1)
    (2, 4, 3)
    """
    shapes = [tuple(s) for s in shapes]
    if not shapes:
        raise ShapeError("cannot stack an empty list of tensors")
    out = list(shapes[0])
    for s in shapes[1:]:
        if len(s) != len(out):
            raise ShapeError(f"cannot stack tensors of different ranks: {shapes[0]} and {s}")
        for i, (a, b) in enumerate(zip(out, s)):
            if a is None:
                out[i] = b
            elif b is not None and a != b:
                raise ShapeError(f"cannot stack tensors of shapes {shapes[0]} and {s}")
    axis = canonicalize_axis(axis, len(out) + 1)
    return tuple(out[:axis]) + (len(shapes),) + tuple(out[axis:])


def tile_shape(shape: Sequence[Dim], repeats: Sequence[Dim]) -> Shape:
    """Shape of ``tile(x, repeats)`` (NumPy's rule: the shorter one is padded with 1s on
    the left); an unknown repeat gives an unknown size.

    >>> tile_shape((None, 2, 3), (1, 2, 3))
    (None, 4, 9)
    >>> tile_shape((2, 3), (2,)), tile_shape((3,), (2, 2))
    ((2, 6), (2, 6))
    """
    shape, reps = list(shape), list(repeats)
    if len(reps) < len(shape):
        reps = [1] * (len(shape) - len(reps)) + reps
    if len(shape) < len(reps):
        shape = [1] * (len(reps) - len(shape)) + shape
    return tuple(None if d is None or r is None else d * r for d, r in zip(shape, reps))


def pad_shape(shape: Sequence[Dim], paddings) -> Shape:
    """Shape of ``pad(x, paddings)``: ``paddings`` holds one ``(before, after)`` per axis
    (``None`` for an amount known only at run time).

    >>> pad_shape((None, 4, 5), [[0, 0], [1, 2], [0, 3]])
    (None, 7, 8)
    >>> pad_shape((2, 3), [[1, 1]])
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: paddings [[1, 1]] must have one (before, after) pair per axis of (2, 3)
    """
    shape = tuple(shape)
    pairs = list(paddings) if isinstance(paddings, (list, tuple)) else None
    if pairs is None or len(pairs) != len(shape) or not all(
            isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs):
        raise ShapeError(f"paddings {paddings!r} must have one (before, after) pair per axis "
                         f"of {shape}")
    out = []
    for d, (before, after) in zip(shape, pairs):
        for amount in (before, after):
            if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)
                                       or amount < 0):
                raise ShapeError(f"paddings must be non-negative integers. Received: {paddings!r}")
        out.append(None if d is None or before is None or after is None else d + before + after)
    return tuple(out)


def split_shapes(shape: Sequence[Dim], num_or_sizes, axis: int = 0) -> list:
    """Shapes of ``split(x, num_or_sizes, axis)``: ``n`` equal parts, or parts of the given
    sizes (one of them may be ``-1``: the rest).

    >>> split_shapes((None, 7, 6), 3, axis=-1)
    [(None, 7, 2), (None, 7, 2), (None, 7, 2)]
    >>> split_shapes((None, 10), [2, -1, 3], axis=1)
    [(None, 2), (None, 5), (None, 3)]
    >>> split_shapes((None, 7), 2, axis=1)
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: cannot split axis 1 of size 7 into 2 equal parts
    """
    shape = tuple(shape)
    axis = canonicalize_axis(axis, len(shape))
    size = shape[axis]
    if isinstance(num_or_sizes, int) and not isinstance(num_or_sizes, bool):
        n = num_or_sizes
        if n <= 0:
            raise ShapeError(f"the number of splits must be positive. Received: {n}")
        if size is not None and size % n:
            raise ShapeError(f"cannot split axis {axis} of size {size} into {n} equal parts")
        sizes = [None if size is None else size // n] * n
    else:
        sizes = list(num_or_sizes)
        if sizes.count(-1) > 1:
            raise ShapeError(f"at most one split size can be -1. Received: {sizes}")
        known = sum(s for s in sizes if s != -1)
        if -1 in sizes:
            sizes = [(None if size is None else size - known) if s == -1 else s for s in sizes]
        elif size is not None and known != size:
            raise ShapeError(f"split sizes {sizes} do not add up to the size {size} of axis "
                             f"{axis}")
    return [shape[:axis] + (s,) + shape[axis + 1:] for s in sizes]


def one_hot_shape(shape: Sequence[Dim], depth: Dim, axis: int = -1) -> Shape:
    """Shape of ``one_hot(indices, depth, axis)``: a new axis of size ``depth``.

    >>> one_hot_shape((None, 5), 9), one_hot_shape((None, 5), 9, axis=1)
    ((None, 5, 9), (None, 9, 5))
    """
    shape = tuple(shape)
    axis = len(shape) if axis == -1 else canonicalize_axis(axis, len(shape) + 1)
    return shape[:axis] + (depth,) + shape[axis:]


def gather_shape(params: Sequence[Dim], indices: Sequence[Dim], axis: int = 0,
                 batch_dims: int = 0) -> Shape:
    """Shape of ``take``/``gather(params, indices, axis, batch_dims)``: the ``axis`` of
    ``params`` is replaced by the shape of ``indices`` (less its batch dimensions).

    >>> gather_shape((None, 7, 3), (2,), axis=1)
    (None, 2, 3)
    >>> gather_shape((None, 7, 3), (None, 4), axis=1, batch_dims=1)
    (None, 4, 3)
    """
    params, indices = tuple(params), tuple(indices)
    axis = canonicalize_axis(axis, len(params))
    if batch_dims < 0:
        batch_dims += len(indices)
    return params[:axis] + indices[batch_dims:] + params[axis + 1:]


def einsum_shape(subscripts: str, shapes) -> Shape:
    """Output shape of ``einsum(subscripts, *operands)``; ``...`` broadcasts.

    >>> einsum_shape("ab,bc->ac", [(None, 3), (3, 4)])
    (None, 4)
    >>> einsum_shape("...ij,...jk", [(2, None, 5, 3), (3, 7)])
    (2, None, 5, 7)
    """
    subscripts = subscripts.replace(" ", "")
    if "->" in subscripts:
        inputs, output = subscripts.split("->")
    else:
        inputs, output = subscripts, None
    terms = inputs.split(",")
    if len(terms) != len(shapes):
        raise ShapeError(f"einsum {subscripts!r} names {len(terms)} operands, got {len(shapes)}")
    sizes: dict = {}
    ellipsis_shapes = []
    for term, shape in zip(terms, shapes):
        shape = tuple(shape)
        if "..." in term:
            before, after = term.split("...")
            n_ell = len(shape) - len(before) - len(after)
            if n_ell < 0:
                raise ShapeError(f"einsum term {term!r} does not fit a tensor of rank {len(shape)}")
            ellipsis_shapes.append(shape[len(before):len(before) + n_ell])
            labels = list(before) + [None] * n_ell + list(after)
        else:
            if len(term) != len(shape):
                raise ShapeError(f"einsum term {term!r} does not fit a tensor of rank {len(shape)}")
            labels = list(term)
        for label, dim in zip(labels, shape):
            if label is None:
                continue
            known = sizes.get(label)
            if known is None or known == 1:
                sizes[label] = dim if known is None or dim != 1 else known
            elif dim is not None and dim != 1 and dim != known:
                raise ShapeError(f"einsum label {label!r} has sizes {known} and {dim}")
    ell: Shape = ()
    for s in ellipsis_shapes:
        ell = broadcast_shapes(ell, s)
    if output is None:
        counts: dict = {}
        for term in terms:
            for c in term.replace("...", ""):
                counts[c] = counts.get(c, 0) + 1
        output = ("..." if ellipsis_shapes else "") + "".join(sorted(c for c, n in counts.items() if n == 1))
    out = []
    if "..." in output:
        before, after = output.split("...")
        out = [sizes[c] for c in before] + list(ell) + [sizes[c] for c in after]
    else:
        out = [sizes[c] for c in output]
    return tuple(out)
