"""Shape arithmetic of EinsumDense and of the attention projections
(keras/src/layers/core/einsum_dense.py, keras/src/layers/attention/multi_head_attention.py).

Part of :mod:`paramscope.shapes`, which gives these names on first use (most
models have no einsum: start-up time).
"""

from __future__ import annotations

from .errors import ShapeError

TYPE_CHECKING = False  # annotations only: importing typing would cost start-up time
if TYPE_CHECKING:
    from typing import Optional, Tuple

    Dim = Optional[int]
    Shape = Tuple[Dim, ...]


_EINSUM_FORMS = "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]..."


def _split_einsum_dense(equation: str):
    """``(input, weight, output, left_elided)`` specs of an EinsumDense equation.

    Keras matches three forms with ``re.match`` (a prefix match: anything
    after the output spec is ignored, as in Keras).
    """
    import re
    if not isinstance(equation, str):
        raise ShapeError(f"the equation must be a string such as 'ab,bc->ac'. Received: "
                         f"equation={equation!r} (of type {type(equation).__name__})")
    s = equation.replace("...", "0")
    m = re.match("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)", s)
    if m:
        return m.group(1), m.group(2), m.group(3), False
    m = re.match("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)", s)
    if m:
        return m.group(1), m.group(2), m.group(3), True
    m = re.match("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0", s)
    if m:
        return m.group(1), m.group(2), m.group(3), False
    raise ShapeError(f"invalid einsum equation {equation!r}: equations must have the form "
                     f"{_EINSUM_FORMS}, with letters only (e.g. 'abc,cd->abd' or '...b,bc->...c')")


def _einsum_full_output(input_shape, partial, elided, left_elided):
    """The batch, the elided input sizes (left or right) and the given partial output shape."""
    out = list(partial)
    out.insert(0, input_shape[0])
    if elided > 0 and left_elided:
        for i in range(1, elided):
            out.insert(1, input_shape[i])
    elif elided > 0 and not left_elided:
        for i in range(len(input_shape) - elided, len(input_shape)):
            out.append(input_shape[i])
    return out


def analyze_einsum_string(equation: str, bias_axes, input_shape: Shape, output_shape):
    """EinsumDense's weights and output: Keras's ``_analyze_einsum_string``.

    Returns ``(kernel_shape, bias_shape, full_output_shape, input_axes,
    output_axes)``.  ``output_shape`` is the layer's partial output shape
    (without the batch and elided dimensions); its ``None`` entries stay
    ``None`` in the output shape (Keras does not fill them in from the input).

    >>> analyze_einsum_string("abc,cde->abde", "de", (None, 5, 16), (None, 4, 8))[:3]
    ((16, 4, 8), (4, 8), (None, None, 4, 8))
    >>> analyze_einsum_string("...b,bc->...c", "c", (None, 5, 3), (4,))[:3]
    ((3, 4), (4,), (None, 5, 4))
    >>> analyze_einsum_string("ab...,bc->ac...", "c", (None, 3, 5, 6), (4,))[:3]
    ((3, 4), (4, 1, 1), (None, 4, 5, 6))
    >>> analyze_einsum_string("abc,cd->abd", None, (None, 5, 3), (64,))
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: input shape and output shape do not match at shared dimension 'b' (input size 5, output size 64): output_shape=(64,) gives one size per output axis after the batch ('bd' here), so it needs 2 entries, e.g. output_shape=(None, 64)
    """
    specs = _split_einsum_dense(equation)
    input_spec, _, output_spec, left_elided = specs
    input_shape = tuple(input_shape)
    elided = len(input_shape) - len(input_spec)
    partial = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    if not input_shape:
        raise ShapeError(f"equation {equation!r} needs an input of rank {len(input_spec)}; "
                         "received a scalar")
    out = _einsum_full_output(input_shape, partial, elided, left_elided)
    axes = _EinsumDenseAxes(equation, specs, input_shape, partial, out, elided)
    axes.check_shared_dims()
    axes.check_output_dims()
    kernel, input_axes, output_axes = axes.kernel_axes()
    bias = None if bias_axes is None else _einsum_bias_shape(bias_axes, output_spec, out,
                                                              elided, left_elided)
    return tuple(kernel), bias, tuple(out), tuple(input_axes), tuple(output_axes)


class _EinsumDenseAxes:
    """An EinsumDense equation's axes (``specs``: its input, weight and output specs, and
    whether ``...`` leads) matched against its input shape and full output shape ``out``
    (from the layer's partial ``output_shape``), with the errors that name them."""

    def __init__(self, equation, specs, input_shape, partial, out, elided):
        self.equation, self.input_shape, self.partial, self.out = equation, input_shape, partial, out
        self.input_spec, self.weight_spec, self.output_spec, self.left_elided = specs
        if self.left_elided:
            self.input_dim_map = {dim: (i + elided) - len(input_shape)
                                  for i, dim in enumerate(self.input_spec)}
            self.output_dim_map = {dim: i + elided for i, dim in enumerate(self.output_spec)}
        else:
            self.input_dim_map = {dim: i for i, dim in enumerate(self.input_spec)}
            self.output_dim_map = {dim: i for i, dim in enumerate(self.output_spec)}

    def input_size(self, dim):
        try:
            return self.input_shape[self.input_dim_map[dim]]
        except IndexError:
            raise ShapeError(
                f"equation {self.equation!r} describes the input as '{self.input_spec}' (rank "
                f"{len(self.input_spec)}{' or more' if self.left_elided else ''}), but the input "
                f"has rank {len(self.input_shape)}") from None

    def output_size(self, dim):
        try:
            return self.out[self.output_dim_map[dim]]
        except IndexError:
            raise ShapeError(
                f"output_shape={tuple(self.partial)!r} has no entry for output axis '{dim}' of "
                f"'{self.output_spec}': it needs one size per output axis after the batch "
                f"({len(self.output_spec) - 1} here)") from None

    def check_shared_dims(self):
        """An axis of both the input and the output has the input's size in the output."""
        partial, output_spec = self.partial, self.output_spec
        needed = len(output_spec) - (0 if self.left_elided else 1)
        for dim in self.input_spec:
            size = self.input_size(dim)
            if dim not in self.output_dim_map:
                continue
            out_size = self.output_size(dim)
            if out_size is not None and out_size != size:
                fact = (f"input shape and output shape do not match at shared dimension '{dim}' "
                        f"(input size {size}, output size {out_size})")
                if len(partial) != needed:
                    example = tuple([None] * (needed - len(partial)) + partial[-needed:])
                    raise ShapeError(
                        f"{fact}: output_shape={tuple(partial)!r} gives one size per output axis "
                        f"after the batch ('{output_spec if self.left_elided else output_spec[1:]}' "
                        f"here), so it needs {needed} entries, e.g. output_shape={example!r}")
                raise ShapeError(f"{fact}: the output_shape entry for '{dim}' must be None or "
                                 f"{size}, the input's size")

    def check_output_dims(self):
        """Every output axis comes from the input or the weight."""
        for dim in self.output_spec:
            if dim not in self.input_spec and dim not in self.weight_spec:
                raise ShapeError(
                    f"dimension '{dim}' of the output spec '{self.output_spec}' appears neither "
                    f"in the input spec '{self.input_spec}' nor in the weight spec "
                    f"'{self.weight_spec}'")

    def kernel_axes(self):
        """``(kernel shape, kernel axes from the input, kernel axes from the output)``."""
        kernel, input_axes, output_axes = [], [], []
        for i, dim in enumerate(self.weight_spec):
            if dim in self.output_dim_map:
                kernel.append(self.output_size(dim))
                output_axes.append(i)
            elif dim in self.input_dim_map:
                kernel.append(self.input_size(dim))
                input_axes.append(i)
            else:
                raise ShapeError(
                    f"weight dimension '{dim}' of '{self.weight_spec}' matches neither the input "
                    f"spec '{self.input_spec}' nor the output spec '{self.output_spec}': every "
                    "kernel axis must come from the input or the output")
        return kernel, input_axes, output_axes


def _einsum_bias_shape(bias_axes, output_spec, out, elided, left_elided):
    """The bias's shape: the output sizes of ``bias_axes`` from the first of them on, 1 elsewhere."""
    offset = elided if left_elided else 0
    sizes = {c: out[i + offset] for i, c in enumerate(output_spec) if i + offset < len(out)}
    for c in bias_axes:
        if c not in output_spec:
            raise ShapeError(
                f"bias dimension '{c}' was requested (bias_axes={bias_axes!r}), but it is "
                f"not part of the output spec '{output_spec}'")
    first = min(output_spec.find(c) for c in bias_axes) if bias_axes else len(output_spec)
    bias = [sizes.get(c) if c in bias_axes else 1 for c in output_spec[first:]]
    if not left_elided:
        bias.extend([1] * max(elided, 0))
    return tuple(bias)


def einsum_kernel_reduced_axes(equation: str) -> Tuple[int, ...]:
    """Kernel axes summed over (their label is not in the output).

    >>> einsum_kernel_reduced_axes("abc,cde->abde")
    (0,)
    """
    _, weight_spec, output_spec, _ = _split_einsum_dense(equation)
    return tuple(i for i, c in enumerate(weight_spec) if c not in output_spec)


def einsum_int8_scale_shape(equation: str, kernel_shape: Shape) -> Tuple[int, ...]:
    """``kernel_scale`` of an int8-quantized EinsumDense (per output channel).

    Follows Keras's ``_analyze_quantization_info`` and
    ``_get_kernel_scale_shape`` step by step.  Keras 3.15 cannot analyse
    equations with ``...`` (it calls ``len()`` on the input rank), so those
    raise.

    >>> einsum_int8_scale_shape("abc,cde->abde", (16, 4, 8))
    (1, 1, 4, 8)
    >>> einsum_int8_scale_shape("ab,bc->ac", (16, 7))
    (1, 7)
    >>> einsum_int8_scale_shape("abcd,cde->abe", (4, 8, 16))
    (1, 1, 16)
    """
    if "..." in equation:
        raise ShapeError(
            f"Keras 3.15 cannot quantize an EinsumDense whose equation uses '...' ({equation!r}): "
            "its quantization analysis fails (TypeError: object of type 'int' has no len()). "
            "Spell the axes out (e.g. 'abc,cd->abd') or use a float dtype policy")
    input_spec, weight_spec, output_spec, _ = _split_einsum_dense(equation)
    # Literal port: one `index` variable is shared by the loops, as in Keras.
    index = None
    input_reduced, weight_reduced = [], []
    for i, label in enumerate(input_spec):
        index = output_spec.find(label)
        if index == -1:
            input_reduced.append(i)
    for i, label in enumerate(weight_spec):
        index = output_spec.find(label)
        if index == -1:
            weight_reduced.append(i)
    input_expand, weight_expand = [], []
    for i, label in enumerate(output_spec):
        if input_spec.find(label) == -1:
            input_expand.append(i)
        if weight_spec.find(label) == -1:
            weight_expand.append(i)
    input_transpose, weight_transpose = [], []
    for label in output_spec:
        if input_spec.find(label) != -1:
            input_transpose.append(input_spec.find(label))
        if weight_spec.find(label) != -1:
            weight_transpose.append(weight_spec.find(label))
    weight_squeeze = []
    for ori in input_reduced:
        if input_expand:
            index = input_expand.pop(0)
        input_transpose.insert(index, ori)
    for ori in weight_reduced:
        if weight_expand:
            index = weight_expand.pop(0)
        else:
            weight_squeeze.append(ori)
        weight_transpose.insert(index, ori)
    scale = list(kernel_shape)
    for a in weight_reduced:
        scale[a] = 1
    scale = [scale[a] for a in weight_transpose]
    for a in sorted(weight_expand):
        scale.insert(a, 1)
    for a in sorted(weight_squeeze, reverse=True):
        scale.pop(a)
    return tuple(scale)


def mha_projection_equation(free_dims: int, bound_dims: int, output_dims: int):
    """MultiHeadAttention's projection einsum: ``(equation, bias_axes, output_rank)``.

    >>> mha_projection_equation(2, 1, 2)
    ('abc,cde->abde', 'de', 4)
    >>> mha_projection_equation(2, 2, 1)
    ('abcd,cde->abe', 'e', 3)
    """
    letters = "abcdefghijklmnopqrstuvwxyz"
    if free_dims + bound_dims + output_dims > len(letters):
        raise ShapeError(f"an input of rank {free_dims + 1} is too large for MultiHeadAttention "
                         "(its einsum equations run out of letters)")
    inp = letters[:free_dims]
    out = letters[:free_dims]
    kernel = ""
    for c in letters[free_dims:free_dims + bound_dims]:
        inp += c
        kernel += c
    bias = ""
    for c in letters[free_dims + bound_dims:free_dims + bound_dims + output_dims]:
        kernel += c
        out += c
        bias += c
    return f"{inp},{kernel}->{out}", bias, len(out)


def mha_attention_axes(rank: int, attention_axes) -> Tuple[int, ...]:
    """The attention axes of projected tensors of rank ``rank`` (Keras's rule).

    ``None`` means every axis but the batch, heads and features; a negative
    axis counts from ``rank - 1`` (the heads axis), as Keras does.

    >>> mha_attention_axes(4, None), mha_attention_axes(5, None), mha_attention_axes(5, (2,))
    ((1,), (1, 2), (2,))
    >>> mha_attention_axes(5, (-1,))
    (3,)
    >>> mha_attention_axes(5, (5,))
    Traceback (most recent call last):
    ...
    paramscope.errors.ShapeError: attention axis 5 does not exist: the projected query has rank 5 (batch, 2 attention/feature axes of the input, heads, key_dim), so axes run from 1 to 3 (or -1 to -3)
    """
    if attention_axes is None:
        return tuple(range(1, rank - 2))
    out = []
    for axis in attention_axes:
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise ShapeError(f"attention_axes must be integers. Received: {tuple(attention_axes)!r}")
        a = axis if axis >= 0 else (rank - 1) + axis
        if not -rank <= a < rank:
            raise ShapeError(
                f"attention axis {axis} does not exist: the projected query has rank {rank} "
                f"(batch, {rank - 3} attention/feature axes of the input, heads, key_dim), so "
                f"axes run from 1 to {rank - 2} (or -1 to -{rank - 2})")
        out.append(a)
    return tuple(out)
