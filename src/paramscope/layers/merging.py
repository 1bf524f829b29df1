"""Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot.

Shapes follow Keras 3's ``keras/src/layers/merging/`` exactly (including the
checks its ``build`` methods make).  None of these layers has weights.
"""

from __future__ import annotations

import copy

from ..explanation import Subject, formula, line
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from .base import KerasTensor, Layer

__all__ = ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"]


def _is_shape_list(input_shape):
    return (isinstance(input_shape, (list, tuple)) and len(input_shape) > 0
            and isinstance(input_shape[0], (tuple, list)))


class Merge(Layer):
    """Elementwise merge of a list of tensors (Keras's ``Merge`` base class)."""

    supports_masking = True
    _min_inputs = 1

    def compute_mask(self, inputs, mask=None):
        """keras/src/layers/merging/base_merge.py: OR of the masks, none if one is missing."""
        if mask is None or not isinstance(mask, (list, tuple)) or any(m is None for m in mask):
            return None
        from .. import ops
        out = mask[0]
        for m in mask[1:]:
            out = ops.logical_or(out, m)
        return out

    def _compute_elemwise_op_output_shape(self, shape1, shape2):
        if shape1 is None or shape2 is None:
            return None
        if len(shape1) < len(shape2):
            return self._compute_elemwise_op_output_shape(shape2, shape1)
        if not shape2:
            return tuple(shape1)
        output_shape = list(shape1[: -len(shape2)])
        for i, j in zip(shape1[-len(shape2):], shape2):
            if i is None or j is None:
                output_shape.append(None)
            elif i == 1:
                output_shape.append(j)
            elif j == 1:
                output_shape.append(i)
            else:
                if i != j:
                    raise ShapeError(
                        f"inputs have incompatible shapes: {format_shape(tuple(shape1))} and "
                        f"{format_shape(tuple(shape2))} (without the batch dimension) differ at a "
                        f"dimension of size {i} against {j}; elementwise merges need equal sizes "
                        "or a size of 1")
                output_shape.append(i)
        return tuple(output_shape)

    def _check_list(self, input_shape):
        if not _is_shape_list(input_shape):
            raise LayerError(
                f"Layer {describe_layer(self)}: a merge layer should be called on a list of "
                f"inputs, e.g. {type(self).__name__}()([x1, x2]). Received: an input of shape "
                f"{format_shape(input_shape)} (not a list of tensors).", self)

    def build(self, input_shape):
        self._check_list(input_shape)
        if len(input_shape) < self._min_inputs:
            raise LayerError(
                f"Layer {describe_layer(self)} should be called on a list of at least "
                f"{self._min_inputs} inputs. Received {len(input_shape)} inputs.", self)
        batch_sizes = {s[0] for s in input_shape if s} - {None}
        if len(batch_sizes) > 1:
            raise ShapeError(
                f"cannot merge tensors with different batch sizes: {format_shape(list(input_shape))}")
        self._elementwise_shape(input_shape)
        self._reshape_required = not (None not in input_shape
                                      and len(set(map(len, input_shape))) == 1)

    def _elementwise_shape(self, input_shape):
        output_shape = None if input_shape[0] is None else tuple(input_shape[0][1:])
        for i in range(1, len(input_shape)):
            shape = None if input_shape[i] is None else tuple(input_shape[i][1:])
            output_shape = self._compute_elemwise_op_output_shape(output_shape, shape)
        return output_shape

    def compute_output_shape(self, input_shape):
        self._check_list(input_shape)
        output_shape = self._elementwise_shape(input_shape)
        batch_sizes = {s[0] for s in input_shape if s is not None} - {None}
        if len(batch_sizes) == 1:
            return (list(batch_sizes)[0],) + output_shape
        return (None,) + output_shape

    def compute_output_spec(self, *args, **kwargs):
        """Keras's ``Merge.compute_output_spec``: sparse when every input is sparse."""
        output = super().compute_output_spec(*args, **kwargs)
        inputs = args[0] if args else next(iter(kwargs.values()), None)
        if (output.__class__ is KerasTensor and isinstance(inputs, (list, tuple)) and inputs
                and all(getattr(x, "sparse", False) for x in inputs)):
            output.sparse = True
        return output

    def get_config(self):
        return super().get_config()


class Add(Merge):
    """Adds a list of inputs elementwise (shapes broadcast; no weights)."""


class Subtract(Merge):
    """Subtracts two inputs: ``inputs[0] - inputs[1]``."""

    def build(self, input_shape):
        super().build(input_shape)
        if len(input_shape) != 2:
            raise LayerError(
                f"Layer {describe_layer(self)}: a `Subtract` layer should be called on exactly 2 "
                f"inputs. Received: {len(input_shape)} inputs of shapes "
                f"{format_shape(list(input_shape))}", self)


class Multiply(Merge):
    """Multiplies a list of inputs elementwise."""


class Average(Merge):
    """Averages a list of inputs elementwise."""


class Maximum(Merge):
    """Elementwise maximum of a list of inputs."""


class Minimum(Merge):
    """Elementwise minimum of a list of inputs."""


class Concatenate(Merge):
    """Concatenates a list of inputs along ``axis`` (default: the last one)."""

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(axis, int) or isinstance(axis, bool):
            raise LayerError(
                f"{type(self).__name__}: `axis` must be an integer. Received: axis={axis!r}")
        self.axis = axis
        self._reshape_required = False

    def compute_mask(self, inputs, mask=None):
        """keras/src/layers/merging/concatenate.py ``compute_mask``."""
        if (mask is None or not isinstance(mask, (list, tuple))
                or not isinstance(inputs, (list, tuple)) or all(m is None for m in mask)):
            return None
        from .. import ops
        masks = []
        for x, m in zip(inputs, mask):
            if m is None:
                masks.append(ops.ones_like(x, dtype="bool"))
            elif len(m.shape) < len(x.shape):
                masks.append(ops.logical_or(ops.expand_dims(m, axis=-1),
                                            ops.zeros_like(x, dtype="bool")))
            else:
                masks.append(m)
        return ops.any(ops.concatenate(masks, axis=self.axis), axis=-1)

    def build(self, input_shape):
        # Keras uses build purely for validation; this is its logic, verbatim.
        if (not isinstance(input_shape, (list, tuple)) or len(input_shape) < 1
                or not isinstance(input_shape[0], (tuple, list))):
            raise LayerError(
                f"Layer {describe_layer(self)}: a `Concatenate` layer should be called on a list "
                f"of at least 1 input, e.g. Concatenate()([x1, x2]). Received: an input of shape "
                f"{format_shape(input_shape)}", self)
        if all(shape is None for shape in input_shape):
            return
        if any(len(shape) == 0 for shape in input_shape):
            raise ShapeError(
                f"cannot concatenate scalars (rank-0 inputs): input shapes "
                f"{format_shape([tuple(s) for s in input_shape])}")
        reduced = [list(shape) for shape in input_shape]
        reduced_copy = copy.copy(reduced)
        shape_set = set()
        for i in range(len(reduced_copy)):
            concat_axis = self.axis % len(reduced_copy[i])
            for axis, axis_value in enumerate(reduced_copy, start=1):
                if axis != concat_axis and axis_value == 1:
                    del reduced[i][axis]
            if len(reduced[i]) > self.axis:
                del reduced[i][self.axis]
            shape_set.add(tuple(reduced[i]))
        if len(shape_set) != 1:
            message = (
                f"inputs must have matching shapes except for the concatenation axis "
                f"(axis={self.axis}). Received: input shapes {format_shape(list(map(tuple, input_shape)))}")
            ranks = set(len(shape) for shape in shape_set)
            if len(ranks) != 1:
                raise ShapeError(message + " of different ranks")
            (rank,) = ranks
            for axis in range(rank):
                unique_dims = set(shape[axis] for shape in shape_set if shape[axis] is not None)
                if len(unique_dims) > 1:
                    raise ShapeError(message)

    def compute_output_shape(self, input_shape):
        if not _is_shape_list(input_shape):
            raise LayerError(
                f"Layer {describe_layer(self)}: a `Concatenate` layer should be called on a list "
                f"of inputs. Received: an input of shape {format_shape(input_shape)}", self)
        output_shape = list(input_shape[0])
        try:
            for shape in input_shape[1:]:
                if output_shape[self.axis] is None or shape[self.axis] is None:
                    output_shape[self.axis] = None
                    break
                output_shape[self.axis] += shape[self.axis]
        except IndexError:
            raise ShapeError(
                f"axis {self.axis} is out of range for inputs of shapes "
                f"{format_shape([tuple(s) for s in input_shape])}") from None
        return tuple(output_shape)

    def explain_output(self):
        shapes = (self._build_shapes_dict or {}).get("input_shape")
        if not _is_shape_list(shapes):
            return []
        try:
            sizes = [s[self.axis] for s in shapes]
        except IndexError:
            return []
        if any(s is None for s in sizes):
            return []
        terms = formula(" + ".join(["{}"] * len(sizes)), *sizes)
        return [line(Subject(self.name), formula(
            f"concatenate along axis {self.axis}: {{}} = {{}}", terms, sum(sizes)))]

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config


class Dot(Merge):
    """Dot product of two inputs along ``axes`` (per sample)."""

    def compute_mask(self, inputs, mask=None):
        return None

    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        if not (isinstance(axes, int) and not isinstance(axes, bool)):
            if not isinstance(axes, (list, tuple)):
                raise LayerError(
                    f"{type(self).__name__}: invalid type for argument `axes`: it should be a "
                    f"list or an int. Received: axes={axes!r}")
            if len(axes) != 2:
                raise LayerError(
                    f"{type(self).__name__}: invalid format for argument `axes`: it should "
                    f"contain two elements. Received: axes={axes!r}")
            if not all(isinstance(a, int) and not isinstance(a, bool) for a in axes):
                raise LayerError(
                    f"{type(self).__name__}: invalid format for argument `axes`: list elements "
                    f"should be integers. Received: axes={axes!r}")
        self.axes = axes
        self.normalize = normalize
        self._reshape_required = False

    def _axes_for(self, shape1, shape2):
        if isinstance(self.axes, int):
            if self.axes < 0:
                return [self.axes % len(shape1), self.axes % len(shape2)]
            return [self.axes] * 2
        return list(self.axes)

    def build(self, input_shape):
        if (not isinstance(input_shape, (list, tuple)) or len(input_shape) != 2
                or not isinstance(input_shape[0], (tuple, list))):
            raise LayerError(
                f"Layer {describe_layer(self)}: a `Dot` layer should be called on a list of 2 "
                f"inputs. Received: input shape {format_shape(input_shape)}", self)
        shape1, shape2 = input_shape
        if shape1 is None or shape2 is None:
            return
        axes = self._axes_for(shape1, shape2)
        try:
            a, b = shape1[axes[0]], shape2[axes[1]]
        except IndexError:
            raise ShapeError(
                f"axes {self.axes} are out of range for inputs of shapes "
                f"{format_shape(tuple(shape1))} and {format_shape(tuple(shape2))}") from None
        if a != b:
            raise ShapeError(
                f"incompatible input shapes: axis values {a} (at axis {axes[0]}) != {b} (at axis "
                f"{axes[1]}). Full input shapes: {format_shape(tuple(shape1))}, "
                f"{format_shape(tuple(shape2))}")

    def compute_output_shape(self, input_shape):
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 2:
            raise LayerError(
                f"Layer {describe_layer(self)}: a `Dot` layer should be called on a list of 2 "
                f"inputs. Received: input shape {format_shape(input_shape)}", self)
        shape1, shape2 = list(input_shape[0]), list(input_shape[1])
        axes = self._axes_for(shape1, shape2)
        try:
            shape1.pop(axes[0])
            shape2.pop(axes[1])
            shape2.pop(0)
        except IndexError:
            raise ShapeError(
                f"axes {self.axes} are out of range for inputs of shapes "
                f"{format_shape(tuple(input_shape[0]))} and {format_shape(tuple(input_shape[1]))}"
            ) from None
        output_shape = shape1 + shape2
        if len(output_shape) == 1:
            output_shape += [1]
        return tuple(output_shape)

    def get_config(self):
        config = super().get_config()
        config.update(axes=self.axes, normalize=self.normalize)
        return config


def _functional(cls):
    def fn(inputs, **kwargs):
        return cls(**kwargs)(inputs)
    fn.__name__ = cls.__name__.lower()
    fn.__doc__ = f"Functional interface to the :class:`{cls.__name__}` layer."
    return fn


# The functional forms (``keras.layers.add([x, y])``).  Not in ``__all__``: the
# registry maps class names to layer classes only.
add = _functional(Add)
subtract = _functional(Subtract)
multiply = _functional(Multiply)
average = _functional(Average)
maximum = _functional(Maximum)
minimum = _functional(Minimum)


def concatenate(inputs, axis=-1, **kwargs):
    """Functional interface to the :class:`Concatenate` layer."""
    return Concatenate(axis=axis, **kwargs)(inputs)


def dot(inputs, axes=-1, **kwargs):
    """Functional interface to the :class:`Dot` layer."""
    return Dot(axes=axes, **kwargs)(inputs)


FUNCTIONS = {"add": add, "subtract": subtract, "multiply": multiply, "average": average,
             "maximum": maximum, "minimum": minimum, "concatenate": concatenate, "dot": dot}
