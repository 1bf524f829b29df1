"""Normalization layers: BatchNormalization, LayerNormalization, GroupNormalization,
UnitNormalization, RMSNormalization, SpectralNormalization (keras/src/layers/normalization).

All keep their input shape.  Their weights have one value per position of
the normalized axis (or axes).
"""

from __future__ import annotations

import warnings

from .. import backend_config
from ..explanation import Count, Dims, Number, Subject, formula, line, text
from ..errors import LayerError, ShapeError, describe_layer
from ..shapes import axes_sizes
from . import args as A
from .base import InputSpec, Layer

__all__ = ["BatchNormalization", "LayerNormalization", "GroupNormalization",
           "UnitNormalization", "RMSNormalization", "SpectralNormalization"]



def _axis_list(axis, owner, what="an int or a list/tuple of ints"):
    """``axis`` as Keras keeps it: an int, or a list for a list/tuple."""
    if isinstance(axis, (list, tuple)):
        if not all(isinstance(a, int) and not isinstance(a, bool) for a in axis):
            raise LayerError(f"{owner}: `axis` must be {what}. Received: axis={axis!r}")
        return list(axis)
    if isinstance(axis, int) and not isinstance(axis, bool):
        return axis
    raise LayerError(f"{owner}: `axis` must be {what}. Received: axis={axis!r}")


def _axes_shape(layer, input_shape, axes):
    """Sizes of ``axes``; a ShapeError with a fix when an axis is missing or unknown."""
    try:
        shape = axes_sizes(input_shape, axes)
    except ShapeError as e:
        e.fix = ("`axis` counts the batch as axis 0: normalize axes from 1 on (or -1 for the "
                 "last).")
        raise
    unknown = [a for a, d in zip(axes, shape) if d is None]
    if unknown:
        error = ShapeError(
            f"ax{'es' if len(unknown) > 1 else 'is'} {', '.join(map(str, unknown))} "
            f"{'have' if len(unknown) > 1 else 'has'} an unknown size (None), but "
            f"{type(layer).__name__} has one weight per position along it")
        error.fix = ("Normalize a dimension whose size is known (the channels), or give the "
                     "Input a fixed size there; axis 0 is the batch.")
        raise error
    return shape


def _check_axes_in_range(input_shape, axis):
    """Keras's ``compute_output_shape`` check of the normalization layers."""
    axes_sizes(input_shape, axis if isinstance(axis, (list, tuple)) else [axis])
    return input_shape


class BatchNormalization(Layer):
    """BatchNormalization: ``gamma``, ``beta`` (trainable) and ``moving_mean``,
    ``moving_variance`` (non-trainable), one value per channel of ``axis``.

    ``renorm=True`` adds ``moving_stddev``, ``renorm_mean``, ``renorm_stddev``
    (non-trainable).
    """
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones",
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, renorm=False, renorm_clipping=None, renorm_momentum=0.99,
                 synchronized=False, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if isinstance(axis, (list, tuple)):
            raise LayerError(
                f"{owner}: `axis` must be a single int (the channels axis); Keras 3's "
                f"BatchNormalization does not normalize over several axes. Received: "
                f"axis={axis!r}. Use axis=-1 (channels_last) or axis=1 (channels_first).")
        try:
            self.axis = int(axis)  # as Keras: int(axis)
        except (TypeError, ValueError):
            raise LayerError(
                f"{owner}: `axis` must be an int. Received: axis={axis!r}") from None
        if synchronized and backend_config.backend() != "tensorflow":
            raise LayerError(
                f"{owner}: synchronized=True is only supported with the TensorFlow backend "
                f"(the current backend is {backend_config.backend()!r}). Remove it: it "
                "changes no shapes or parameter counts.")
        self.synchronized = synchronized
        self.momentum = _float(momentum, "momentum", owner)
        self.epsilon = _float(epsilon, "epsilon", owner)
        self.center = center
        self.scale = scale
        A.set_identifiers(
            self, owner, beta_initializer=beta_initializer, gamma_initializer=gamma_initializer,
            moving_mean_initializer=moving_mean_initializer,
            moving_variance_initializer=moving_variance_initializer,
            beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
            beta_constraint=beta_constraint, gamma_constraint=gamma_constraint)
        self.renorm = renorm
        if renorm:
            renorm_clipping = renorm_clipping or {}
            keys = ["rmax", "rmin", "dmax"]
            if set(renorm_clipping) - set(keys):
                raise LayerError(
                    f"{owner}: invalid keys for `renorm_clipping`: {renorm_clipping!r}. "
                    f"Supported keys: {keys}.")
            rmax, rmin, dmax = (renorm_clipping.get(k) for k in ("rmax", "rmin", "dmax"))
            if rmax is not None and rmin is not None and rmax < rmin:
                raise LayerError(
                    f"{owner}: rmax must be at least rmin in `renorm_clipping`. Received: "
                    f"rmax={rmax!r}, rmin={rmin!r}.")
            if dmax is not None and dmax < 0:
                raise LayerError(
                    f"{owner}: dmax must be non-negative in `renorm_clipping`. Received: "
                    f"dmax={dmax!r}.")
        self.renorm_clipping = renorm_clipping
        self.renorm_momentum = renorm_momentum
        self.gamma = self.beta = self.moving_mean = self.moving_variance = None

    def build(self, input_shape):
        try:
            (channels,) = axes_sizes(input_shape, [self.axis])
        except ShapeError as e:
            e.fix = ("`axis` is the channels axis: use axis=-1 (channels_last) or axis=1 "
                     "(channels_first).")
            raise
        if channels is None:
            error = ShapeError(
                f"axis {self.axis} has an unknown size (None), but BatchNormalization keeps "
                f"statistics for each position along it")
            error.fix = ("Normalize the channels axis (axis=-1 for channels_last, 1 for "
                         "channels_first) and give the Input a fixed number of channels; "
                         "axis 0 is the batch.")
            raise error
        shape = (channels,)
        _add_gamma_beta(self, shape, gamma=self.scale, beta=self.center)
        self.moving_mean = self.add_weight(name="moving_mean", shape=shape, trainable=False,
                                           initializer=self.moving_mean_initializer,
                                           autocast=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=shape,
                                               trainable=False,
                                               initializer=self.moving_variance_initializer,
                                               autocast=False)
        if self.renorm:
            for name in ("moving_stddev", "renorm_mean", "renorm_stddev"):
                setattr(self, name, self.add_weight(name=name, shape=shape, trainable=False,
                                                    autocast=False))
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: channels})
        self._channels = channels

    def compute_output_shape(self, input_shape):
        return _check_axes_in_range(input_shape, self.axis)

    def explain(self):
        learned = [n for n, on in (("gamma", self.scale), ("beta", self.center)) if on]
        stats = ["moving_mean", "moving_variance"]
        if self.renorm:
            stats += ["moving_stddev", "renorm_mean", "renorm_stddev"]
        count = len(learned) + len(stats)
        parts = []
        if learned:
            parts.append(f"{', '.join(learned)} {'trainable' if self.trainable else 'frozen'}")
        parts.append(f"{', '.join(stats)} non-trainable")
        return [line(Subject(self.name), formula(f"{{}} x {{}} ({'; '.join(parts)}) = {{}}",
                                                 count, Count(self._channels, "channel"),
                                                 count * self._channels))]


def _float(value, name, owner):
    try:
        return float(value)
    except (TypeError, ValueError):
        raise LayerError(f"{owner}: `{name}` must be a number. Received: {name}={value!r}") from None


def _init_gamma_beta(layer, owner, epsilon, center, scale, beta_initializer, gamma_initializer,
                     beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint):
    """LayerNormalization's and GroupNormalization's shared arguments: ``epsilon``, whether
    ``beta`` (center) and ``gamma`` (scale) exist, and their initializers, regularizers and
    constraints; as in Keras, its weights are not cast to the compute dtype (``autocast``)."""
    layer.epsilon = epsilon
    layer.center = center
    layer.scale = scale
    A.set_identifiers(
        layer, owner, beta_initializer=beta_initializer, gamma_initializer=gamma_initializer,
        beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
        beta_constraint=beta_constraint, gamma_constraint=gamma_constraint)
    layer.autocast = False


def _add_gamma_beta(layer, shape, gamma, beta):
    """The learned scale ``gamma`` and offset ``beta`` (trainable, kept in the variable dtype,
    from the layer's initializers), each where asked; ``None`` otherwise."""
    layer.gamma = layer.beta = None
    if gamma:
        layer.gamma = layer.add_weight(name="gamma", shape=shape, trainable=True,
                                       initializer=layer.gamma_initializer, autocast=False)
    if beta:
        layer.beta = layer.add_weight(name="beta", shape=shape, trainable=True,
                                      initializer=layer.beta_initializer, autocast=False)


def _explain_gamma_beta(layer, shape):
    parts = []
    for w in (layer.gamma, layer.beta):
        if w is not None:
            size = formula(" ({})", w.size) if len(shape) > 1 else ""
            parts += [" + " if parts else "", f"{w.name} ", Dims(shape, " x "), size]
    if not parts:
        return [line(Subject(layer.name), "no weights (center=False, scale=False) = ", Number(0))]
    total = sum(w.size for w in (layer.gamma, layer.beta) if w is not None)
    return [line(Subject(layer.name), *parts, " = ", Number(total))]


class LayerNormalization(Layer):
    """LayerNormalization: ``gamma`` and ``beta`` shaped like the normalized axes (trainable).

    The deprecated ``rms_scaling=True`` keeps ``gamma`` only.
    """
    supports_masking = True

    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, beta_initializer="zeros",
                 gamma_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, **kwargs):
        rms_scaling = kwargs.pop("rms_scaling", False)
        if rms_scaling:
            warnings.warn(
                "You passed `rms_scaling=True`, which is deprecated. This argument incorrectly "
                "scales the input by the variance, not the root mean square. To correctly use "
                "RMS Normalization, please use `keras.layers.RMSNormalization` instead.",
                UserWarning, stacklevel=2)
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.axis = _axis_list(axis, owner)
        self.rms_scaling = rms_scaling
        _init_gamma_beta(self, owner, epsilon, center, scale, beta_initializer, gamma_initializer,
                         beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint)

    def build(self, input_shape):
        # Keras sorts the axes as given (negative ones first) and keeps that order.
        axes = sorted(self.axis) if isinstance(self.axis, list) else [self.axis]
        shape = _axes_shape(self, input_shape, axes)
        self.axis = axes
        _add_gamma_beta(self, shape, gamma=self.scale or self.rms_scaling,
                        beta=self.center and not self.rms_scaling)
        self._param_shape = shape

    def compute_output_shape(self, input_shape):
        return _check_axes_in_range(input_shape, self.axis)

    def explain(self):
        return _explain_gamma_beta(self, self._param_shape)


class GroupNormalization(Layer):
    """GroupNormalization: ``gamma`` and ``beta`` (trainable), one per channel of ``axis``.

    The channels must split evenly into ``groups`` (``-1``: one group per channel).
    """
    supports_masking = True

    def __init__(self, groups=32, axis=-1, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones", beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        if (isinstance(groups, bool) or not isinstance(groups, int)
                or (groups <= 0 and groups != -1)):
            raise LayerError(
                f"{owner}: invalid value for `groups`: expected a positive integer (or -1 for "
                f"instance normalization, one group per channel). Received: groups={groups!r}")
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise LayerError(
                f"{owner}: `axis` must be a single int (the channels axis). Received: "
                f"axis={axis!r}")
        self.groups = groups
        self.axis = axis
        _init_gamma_beta(self, owner, epsilon, center, scale, beta_initializer, gamma_initializer,
                         beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint)

    def build(self, input_shape):
        (channels,) = _axes_shape(self, input_shape, [self.axis])
        groups = channels if self.groups == -1 else self.groups
        if channels < groups or channels % groups:
            divisors = [g for g in range(1, channels + 1) if channels % g == 0]
            shown = divisors if len(divisors) <= 12 else divisors[:6] + ["..."] + divisors[-3:]
            error = ShapeError(
                f"{channels} channels (axis {self.axis}) cannot be split into {groups} groups: "
                + ("there are fewer channels than groups" if channels < groups else
                   f"{channels} is not a multiple of {groups}"))
            error.fix = (f"Use a number of groups that divides {channels} (one of "
                         f"{', '.join(map(str, shown))}), e.g. GroupNormalization(groups="
                         f"{max(g for g in divisors if g <= groups)}).")
            raise error
        self.groups = groups
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: channels})
        _add_gamma_beta(self, (channels,), gamma=self.scale, beta=self.center)
        self._channels = channels

    def compute_output_shape(self, input_shape):
        return _check_axes_in_range(input_shape, self.axis)

    def explain(self):
        lines = _explain_gamma_beta(self, (self._channels,))
        lines.append(formula("{} in {} groups of {}", Count(self._channels, "channel"),
                             self.groups, self._channels // self.groups))
        return lines


class UnitNormalization(Layer):
    """UnitNormalization: scales to unit L2 norm along ``axis``; no weights."""
    supports_masking = True

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = _axis_list(axis, describe_layer(self))
        self._build_at_init()

    def compute_output_shape(self, input_shape):
        try:
            return _check_axes_in_range(input_shape, self.axis)
        except ShapeError as e:
            e.fix = (f"Use an axis between {-len(input_shape)} and {len(input_shape) - 1} "
                     "(-1 is the last).")
            raise


class RMSNormalization(Layer):
    """RMSNormalization: ``scale`` shaped like the normalized axes (trainable)."""

    def __init__(self, axis=-1, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.axis = _axis_list(axis, describe_layer(self))
        self.epsilon = epsilon

    def build(self, input_shape):
        axes = sorted(self.axis) if isinstance(self.axis, (list, tuple)) else [self.axis]
        shape = _axes_shape(self, input_shape, axes)
        self.axis = axes
        self.scale = self.add_weight(name="scale", shape=shape, initializer="ones")
        self._param_shape = shape

    def compute_output_shape(self, input_shape):
        return _check_axes_in_range(input_shape, self.axis)

    def explain(self):
        return [line(Subject(self.name), "scale ", Dims(self._param_shape, " x "), formula(
            f" (one per position of axis {', '.join(map(str, self.axis))}) = {{}}",
            self.scale.size))]


class SpectralNormalization(Layer):
    """SpectralNormalization: wraps a layer with a ``kernel`` (or ``embeddings``).

    Its weights are the wrapped layer's plus ``vector_u`` of shape
    ``(1, kernel.shape[-1])`` (non-trainable, the power-iteration state, in the
    kernel's dtype).  As Keras, the wrapper also tracks the wrapped kernel
    itself, so its weights list the kernel first, then ``vector_u``, then the
    wrapped layer's other weights.
    """

    def __init__(self, layer, power_iterations=1, **kwargs):
        if not isinstance(layer, Layer):
            raise LayerError(
                f"SpectralNormalization: the layer {layer!r} supplied to the wrapper isn't a "
                "supported layer type; pass a layer instance, e.g. "
                "SpectralNormalization(keras.layers.Dense(64)).")
        super().__init__(**kwargs)
        self.layer = layer
        if isinstance(power_iterations, bool) or not isinstance(power_iterations, int) or (
                power_iterations <= 0):
            raise LayerError(
                f"{describe_layer(self)}: `power_iterations` should be greater than zero. "
                f"Received: power_iterations={power_iterations!r}")
        self.power_iterations = power_iterations

    @classmethod
    def from_config(cls, config):
        from ..formats.config import deserialize_layer
        config = dict(config)
        layer = deserialize_layer(config.pop("layer"))
        return cls(layer, **config)

    def _wrapped_kernel(self):
        own = self.layer._trainable_variables + self.layer._non_trainable_variables
        for name in ("kernel", "embeddings"):
            for w in own:
                if w.name == name:
                    return w
        return None

    def build(self, input_shape):
        if not self.layer.built:
            self.layer.build_from_shape(input_shape)
        self.input_spec = InputSpec(min_ndim=1, axes={-1: input_shape[-1]})
        kernel = self._wrapped_kernel()
        if kernel is None:
            raise LayerError(
                f"Layer {describe_layer(self)}: the wrapped layer {describe_layer(self.layer)} "
                "has no attribute 'kernel' nor 'embeddings'; SpectralNormalization normalizes "
                "a kernel, so wrap a layer that has one (Dense, Conv*, Embedding, ...).", self)
        if not getattr(self.layer, "lora_enabled", False):
            # Keras tracks `self.kernel = self.layer.kernel` (a variable) as the wrapper's own;
            # with LoRA, `layer.kernel` is a computed tensor and is not tracked.
            (self._trainable_variables if kernel.trainable
             else self._non_trainable_variables).append(kernel)
        self.kernel_shape = kernel.shape
        self.vector_u = self.add_weight(shape=(1, kernel.shape[-1]),
                                        initializer="truncated_normal", trainable=False,
                                        name="vector_u", dtype=kernel.dtype)

    def compute_output_shape(self, input_shape):
        return self.layer.compute_output_shape(input_shape)

    def explain(self):
        inner = [line("  ", explained) for explained in map(text, self.layer.explain())]
        inner_count = sum(w.size for w in self.layer.weights)
        u = self.vector_u
        return ([line(Subject(self.name), formula(
            f"{self.layer.name} {{}} + vector_u {{}} (non-trainable, power iteration state, one "
            "per output unit of the kernel {}) = {}", inner_count, Dims(u.shape),
            Dims(self.kernel_shape), inner_count + u.size))] + inner)

    def get_config(self):
        config = super().get_config()
        config["layer"] = {"class_name": type(self.layer).__name__,
                           "config": self.layer.get_config()}
        config["power_iterations"] = self.power_iterations
        return config
