"""Activation layers: Activation, ReLU, LeakyReLU, PReLU, ELU, Softmax (keras/src/layers/activations).

All keep their input shape.  Only PReLU has a weight (``alpha``).
"""

from __future__ import annotations

import numbers
import warnings

from ..explanation import Dims, Number, Subject, line
from ..errors import LayerError, ShapeError, describe_layer
from ..shapes import prelu_alpha_shape
from . import args as A
from .base import InputSpec, Layer

__all__ = ["Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax"]



def _number(value, name, owner, allow_none=False, minimum=None):
    """A real number (``None`` if allowed), at least ``minimum``."""
    if value is None and allow_none:
        return None
    what = "a non-negative number" if minimum == 0 else "a number"
    if value is None or isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise LayerError(
            f"{owner}: `{name}` must be {what}"
            f"{' or None' if allow_none else ''}. Received: {name}={value!r}")
    if minimum is not None and value < minimum:
        raise LayerError(
            f"{owner}: `{name}` cannot be negative. Received: {name}={value!r}. Use a value "
            f">= {minimum}{' (or None for no limit)' if allow_none else ''}.")
    return value


class Activation(Layer):
    """Activation: applies an activation function; no weights."""
    supports_masking = True

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.activation = A.identifier(activation, "activation", describe_layer(self))
        self._build_at_init()


class ReLU(Layer):
    """ReLU: ``max(x, 0)`` with optional cap, slope and threshold; no weights."""
    supports_masking = True

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.max_value = _number(max_value, "max_value", owner, allow_none=True, minimum=0)
        self.negative_slope = _number(negative_slope, "negative_slope", owner, minimum=0)
        self.threshold = _number(threshold, "threshold", owner, minimum=0)
        self._build_at_init()


class LeakyReLU(Layer):
    """LeakyReLU: ``x`` or ``negative_slope * x``; no weights.

    Keras 3 still accepts the deprecated ``alpha=`` (with a warning).
    """
    supports_masking = True

    def __init__(self, negative_slope=0.3, **kwargs):
        if "alpha" in kwargs:
            negative_slope = kwargs.pop("alpha")
            warnings.warn("Argument `alpha` is deprecated. Use `negative_slope` instead.",
                          UserWarning, stacklevel=2)
        super().__init__(**kwargs)
        self.negative_slope = _number(negative_slope, "negative_slope", describe_layer(self),
                                      minimum=0)
        self._build_at_init()


class PReLU(Layer):
    """PReLU: a learned slope ``alpha`` of shape ``input_shape[1:]``, 1 along ``shared_axes``."""
    supports_masking = True

    def __init__(self, alpha_initializer="Zeros", alpha_regularizer=None, alpha_constraint=None,
                 shared_axes=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        A.set_identifiers(
            self, owner, alpha_initializer=alpha_initializer, alpha_regularizer=alpha_regularizer,
            alpha_constraint=alpha_constraint)
        if shared_axes is None:
            self.shared_axes = None
        else:
            axes = list(shared_axes) if isinstance(shared_axes, (list, tuple)) else [shared_axes]
            for axis in axes:
                if isinstance(axis, bool) or not isinstance(axis, int):
                    raise LayerError(
                        f"{owner}: `shared_axes` must be an axis or a list of axes (integers, "
                        f"1 = the first axis after the batch). Received: shared_axes="
                        f"{shared_axes!r}")
            self.shared_axes = axes

    def build(self, input_shape):
        try:
            shape = prelu_alpha_shape(input_shape, self.shared_axes)
        except ShapeError as e:
            e.fix = (f"Use shared_axes between 1 and {len(input_shape) - 1}, e.g. "
                     f"shared_axes={list(range(1, len(input_shape) - 1)) or [1]}.")
            raise
        unknown = [i + 1 for i, d in enumerate(shape) if d is None]
        if unknown:
            error = ShapeError(
                f"alpha needs one slope per position of the input, but "
                f"{'axis' if len(unknown) == 1 else 'axes'} {', '.join(map(str, unknown))} "
                f"{'is' if len(unknown) == 1 else 'are'} unknown (None)")
            error.fix = (f"Share alpha along the unknown axes: PReLU(shared_axes="
                         f"{sorted(set(self.shared_axes or ()) | set(unknown))}), or give the "
                         "Input a fixed size there.")
            raise error
        self.alpha = self.add_weight(name="alpha", shape=shape,
                                     initializer=self.alpha_initializer)
        axes = {}
        if self.shared_axes:
            axes = {i: input_shape[i] for i in range(1, len(input_shape))
                    if i not in self.shared_axes}
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)

    def explain(self):
        body = Dims(self.alpha.shape, " x ", "1 (a scalar)")
        note = ""
        if self.shared_axes:
            axes = ", ".join(str(a) for a in self.shared_axes)
            note = (f" (shared along ax{'es' if len(self.shared_axes) > 1 else 'is'} {axes}: "
                    "size 1 there)")
        return [line(Subject(self.name), "alpha one per ", body, note, " = ",
                     Number(self.alpha.size))]


class ELU(Layer):
    """ELU: exponential linear unit with scale ``alpha``; no weights."""
    supports_masking = True

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha
        self._build_at_init()


class Softmax(Layer):
    """Softmax over ``axis`` (an int or a tuple of ints); no weights."""
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self._build_at_init()
