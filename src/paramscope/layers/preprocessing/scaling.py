"""Rescaling and Normalization (keras/src/layers/preprocessing)."""

from __future__ import annotations

import math

from ...explanation import Dims, Number, Subject, formula, line
from ...errors import LayerError, ShapeError, describe_layer, format_shape
from ...shapes import broadcast_to_shape, value_shape
from ..base import Layer

__all__ = ["Rescaling", "Normalization"]


class Rescaling(Layer):
    """Rescaling: ``inputs * scale + offset``; no weights (scale and offset are constants)."""
    supports_masking = True

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset


def _times(shape):
    """``2x3 (6)``: a shape multiplied out, with its size."""
    if len(shape) <= 1:
        return Dims(shape)
    return formula("{} ({})", Dims(shape), math.prod(shape))


class Normalization(Layer):
    """Normalization: ``(x - mean) / sqrt(variance)`` per position of ``axis``.

    Without ``mean``/``variance`` Keras creates the non-trainable weights
    ``mean`` and ``variance`` (shaped like the kept axes, in the layer's
    variable dtype) and a scalar ``count`` (int32 on JAX) when it is built;
    ``adapt()`` fills them.  With them given, the layer has no weights.
    """
    supports_masking = True

    #: The dtype of ``count``: Keras 3 creates it as "int" (int32 on JAX).
    _count_dtype = "int"
    #: What tf-keras 2 creates differently (applied when reading a tf-keras file).
    _tf_keras_values = {"_count_dtype": "int64"}

    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if axis is None:
            axis = ()
        elif isinstance(axis, int) and not isinstance(axis, bool):
            axis = (axis,)
        else:
            try:
                axis = tuple(axis)
            except TypeError:
                raise LayerError(f"{owner}: `axis` must be an int, a tuple of ints or None. "
                                 f"Received: axis={axis!r}") from None
            if not all(isinstance(a, int) and not isinstance(a, bool) for a in axis):
                raise LayerError(f"{owner}: `axis` must be an int, a tuple of ints or None. "
                                 f"Received: axis={axis!r}")
        self.axis = axis
        self.input_mean = mean
        self.input_variance = variance
        self.invert = invert
        self._build_input_shape = None
        self.mean = None
        if (mean is not None) != (variance is not None):
            raise LayerError(
                f"{owner}: when setting values directly, both `mean` and `variance` must be set. "
                f"Received: mean={mean!r} and variance={variance!r}. Pass both, or neither (then "
                "the layer has mean/variance/count weights that adapt() sets).")
        if mean is not None:
            try:
                mean_shape, var_shape = value_shape(mean), value_shape(variance)
            except ShapeError as e:
                raise LayerError(f"{owner}: invalid `mean`/`variance`: {e}.") from None
            if mean_shape != var_shape:
                raise LayerError(
                    f"{owner}: when setting values directly, `mean` and `variance` must have "
                    f"the same shape. Received: mean shape {mean_shape} and variance shape "
                    f"{var_shape}.")
            if len(mean_shape) > len(self.axis):
                raise LayerError(
                    f"{owner}: the rank of `mean` must be less than or equal to the number of "
                    f"axes ({len(self.axis)}). Received: mean shape {mean_shape} for axis "
                    f"{self.axis}. Pass one value per position of the normalized axes (or a "
                    "scalar).")
            self._mean_shape = mean_shape

    def build(self, input_shape):
        if input_shape is None:
            return
        ndim = len(input_shape)
        self._build_input_shape = input_shape
        where = f"Layer {describe_layer(self)} received an input of shape {format_shape(input_shape)}"
        bad = [a for a in self.axis if a < -ndim or a >= ndim]
        if bad:
            raise LayerError(
                f"{where} (rank {ndim}), but axis={self.axis} includes "
                f"{', '.join(map(str, bad))}: all `axis` values must be in the range "
                f"[-{ndim}, {ndim}). Axis 0 is the batch; -1 is the last axis.", self)
        keep = tuple(sorted(d if d >= 0 else d + ndim for d in self.axis))
        unknown = [d for d in keep if input_shape[d] is None]
        if unknown:
            raise LayerError(
                f"{where}, but axis {unknown[0]} (of axis={self.axis}) has an unknown size "
                "(None): Normalization keeps a mean and a variance for each position along "
                "the kept axes, so their sizes must be known. "
                + ("Axis 0 is the batch: normalize the features (axis=-1), or use axis=None "
                   "for one scalar mean and variance." if 0 in unknown else
                   "Give the Input a fixed size there, or use axis=None for one scalar mean "
                   "and variance."), self)
        self._keep_axis = keep
        self._reduce_axis = tuple(d for d in range(ndim) if d not in keep)
        self._broadcast_shape = tuple(input_shape[d] if d in keep else 1 for d in range(ndim))
        shape = tuple(input_shape[d] for d in keep)
        self._mean_and_var_shape = shape
        if self.input_mean is None:
            if len(set(keep)) != len(keep):
                raise LayerError(
                    f"{where}, but axis={self.axis} names the same axis twice; Keras fails to "
                    "use the weights it creates for it. Name each axis once.", self)
            self.adapt_mean = self.add_weight(name="mean", shape=shape, initializer="zeros",
                                              trainable=False)
            self.adapt_variance = self.add_weight(name="variance", shape=shape,
                                                  initializer="ones", trainable=False)
            self.count = self.add_weight(name="count", shape=(), dtype=self._count_dtype,
                                         initializer="zeros", trainable=False)
        elif self._mean_shape:
            expanded = [1] * ndim
            for i in range(1, len(self._mean_shape) + 1):
                expanded[keep[-i]] = self._mean_shape[-i]
            try:
                broadcast_to_shape(expanded, self._broadcast_shape)
            except ShapeError:
                raise LayerError(
                    f"{where}, but its `mean`/`variance` of shape {self._mean_shape} do not fit "
                    f"the normalized axes {keep} of sizes {shape}: Keras aligns them from the "
                    f"right and broadcasts only sizes of 1. Pass values of shape {shape} (or a "
                    "scalar).", self) from None

    def adapt(self, data):
        """Builds the layer from the data's shape (see ``adapt``)."""
        from .adapt import adapt_normalization
        adapt_normalization(self, data)

    def explain(self):
        if self.input_mean is not None:
            return [line(Subject(self.name), "no weights (mean and variance given as constants) "
                         "= ", Number(0))]
        shape = self._mean_and_var_shape
        n = self.adapt_mean.size
        return [line(Subject(self.name), formula(
            "mean {} + variance {} + count {} = {} (non-trainable, set by adapt())",
            _times(shape), _times(shape), 1, 2 * n + 1))]

    def get_config(self):
        config = super().get_config()
        config.update(axis=self.axis, invert=self.invert, mean=self.input_mean,
                      variance=self.input_variance)
        return config
