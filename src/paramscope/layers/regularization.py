"""Regularization layers: Dropout, SpatialDropout1D/2D/3D, GaussianNoise, GaussianDropout,
AlphaDropout, ActivityRegularization (keras/src/layers/regularization).

None has weights and all keep their input shape.  Keras 3 gives the random
layers a seed generator whose state is a variable, but not a weight: it is in
``layer.variables`` of real Keras, never in ``weights`` or the parameter count.
"""

from __future__ import annotations

import math
import numbers

from ..errors import LayerError, describe_layer
from . import args as A
from .base import InputSpec, Layer
from .state import SeedGenerator

__all__ = ["Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
           "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization"]



def _fraction(value, name, owner):
    """A number between 0 and 1 (a dropout rate, a noise stddev)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise LayerError(
            f"{owner}: invalid value for `{name}`: expected a float between 0 and 1. "
            f"Received: {name}={value!r}")
    if not 0 <= value <= 1:
        raise LayerError(
            f"{owner}: invalid value for `{name}`: expected a float between 0 and 1. "
            f"Received: {name}={value!r}. "
            + ("A dropout rate is the fraction of inputs dropped, e.g. 0.5 for half."
               if name == "rate" else "Use a value in [0, 1]."))
    return value


def _noise_shape(noise_shape, owner):
    """Keras's ``Dropout._validate_noise_shape``: integers > 0 or None."""
    if noise_shape is None:
        return None
    if isinstance(noise_shape, str):
        raise LayerError(
            f"{owner}: invalid value for `noise_shape`: expected a tuple or list of integers. "
            f"Received: noise_shape={noise_shape!r}")
    try:
        noise_shape = tuple(noise_shape)
    except TypeError:
        raise LayerError(
            f"{owner}: invalid value for `noise_shape`: expected an iterable of integers (e.g. "
            f"a tuple or list). Received: noise_shape={noise_shape!r}") from None
    for i, dim in enumerate(noise_shape):
        if dim is None:
            continue
        if not isinstance(dim, int):
            raise LayerError(
                f"{owner}: invalid value for `noise_shape`: expected integers or None. Received "
                f"noise_shape={noise_shape!r}, element {i} is {dim!r} (type {type(dim).__name__})")
        if dim <= 0:
            raise LayerError(
                f"{owner}: invalid value for `noise_shape`: expected positive integers or None. "
                f"Received noise_shape={noise_shape!r}, element {i} is {dim}")
    return noise_shape


class Dropout(Layer):
    """Dropout: zeroes a fraction ``rate`` of inputs while training; no weights."""
    supports_masking = True

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.rate = _fraction(rate, "rate", owner)
        self.seed = seed
        self.noise_shape = _noise_shape(noise_shape, owner)
        if self.rate > 0:
            self.seed_generator = SeedGenerator(seed)
        self._build_at_init()


def _only_base_arguments(cls, kwargs, allowed):
    if kwargs:
        names = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
        raise LayerError(
            f"{cls.__name__} does not accept {names}: in Keras 3 it takes only "
            f"{', '.join(allowed)} (not input_shape, trainable, ...). Put a "
            "keras.Input(shape=...) before it instead of input_shape.")


class _SpatialDropout(Dropout):
    """Keras's ``BaseSpatialDropout``: drops whole feature maps."""

    rank = None

    def __init__(self, rate, seed=None, name=None, dtype=None, data_format=None):
        super().__init__(rate=rate, seed=seed, name=name, dtype=dtype)
        if self.rank > 1:
            self.data_format = A.standardize_data_format(data_format, describe_layer(self))
        self.input_spec = InputSpec(ndim=self.rank + 2)


class SpatialDropout1D(_SpatialDropout):
    """SpatialDropout1D: drops whole channels of ``(batch, steps, channels)``; no weights."""

    rank = 1

    def __init__(self, rate, seed=None, name=None, dtype=None, **kwargs):
        _only_base_arguments(type(self), kwargs, ("rate", "seed", "name", "dtype"))
        super().__init__(rate=rate, seed=seed, name=name, dtype=dtype)


class SpatialDropout2D(_SpatialDropout):
    """SpatialDropout2D: drops whole feature maps of a 4D input; no weights."""

    rank = 2

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None, **kwargs):
        _only_base_arguments(type(self), kwargs, ("rate", "data_format", "seed", "name", "dtype"))
        super().__init__(rate=rate, seed=seed, name=name, dtype=dtype, data_format=data_format)


class SpatialDropout3D(_SpatialDropout):
    """SpatialDropout3D: drops whole feature volumes of a 5D input; no weights."""

    rank = 3

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None, **kwargs):
        _only_base_arguments(type(self), kwargs, ("rate", "data_format", "seed", "name", "dtype"))
        super().__init__(rate=rate, seed=seed, name=name, dtype=dtype, data_format=data_format)


class GaussianNoise(Layer):
    """GaussianNoise: adds noise of deviation ``stddev`` while training; no weights."""
    supports_masking = True

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev = _fraction(stddev, "stddev", describe_layer(self))
        self.seed = seed
        if self.stddev > 0:
            self.seed_generator = SeedGenerator(seed)
        self._build_at_init()


class GaussianDropout(Layer):
    """GaussianDropout: multiplies by noise centred on 1 while training; no weights."""
    supports_masking = True

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = _fraction(rate, "rate", describe_layer(self))
        self.seed = seed
        if self.rate > 0:
            self.seed_generator = SeedGenerator(seed)
        self._build_at_init()


class AlphaDropout(Layer):
    """AlphaDropout: dropout that keeps SELU's mean and variance; no weights."""
    supports_masking = True

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = _fraction(rate, "rate", describe_layer(self))
        self.seed = seed
        self.noise_shape = noise_shape  # Keras does not check it here
        if self.rate > 0:
            self.seed_generator = SeedGenerator(seed)
        self._build_at_init()


class ActivityRegularization(Layer):
    """ActivityRegularization: adds an L1/L2 penalty on its input; no weights."""
    supports_masking = True

    def __init__(self, l1=0.0, l2=0.0, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        if "activity_regularizer" in kwargs:
            raise LayerError(
                f"{owner}: do not pass `activity_regularizer`; the layer builds its own from "
                "`l1` and `l2`.")
        for name, value in (("l1", l1), ("l2", l2)):
            if value is None:
                continue
            if (isinstance(value, bool) or not isinstance(value, (int, float))
                    or math.isinf(value) or math.isnan(value) or value < 0):
                raise LayerError(
                    f"{owner}: invalid value for `{name}`: expected a non-negative float. "
                    f"Received: {name}={value!r}")
        super().__init__(activity_regularizer={"class_name": "L1L2",
                                               "config": {"l1": float(l1 or 0.0),
                                                          "l2": float(l2 or 0.0)}},
                         **kwargs)
        self.l1 = l1
        self.l2 = l2
        self._build_at_init()
