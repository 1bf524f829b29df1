"""Pooling layers (keras/src/layers/pooling): no weights, only shapes.

Max/Average pooling over a window, global pooling over every spatial
dimension, and adaptive pooling to a fixed output size.  As in Keras, window
and global pooling layers are built as soon as they are constructed (they
have no ``build``); adaptive pooling layers are built by their first call.
"""

from __future__ import annotations

from .. import backend_config, shapes
from ..explanation import Dims, Subject, formula, line
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from . import args as A
from .base import InputSpec, Layer
from .convolutional.common import SPATIAL_NAMES, last_input_shape, with_fix

__all__ = [
    "MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
    "MaxPool1D", "MaxPool2D", "MaxPool3D",
    "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
    "AvgPool1D", "AvgPool2D", "AvgPool3D",
    "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
    "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D",
    "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
    "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D",
    "AdaptiveAveragePooling1D", "AdaptiveAveragePooling2D", "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D", "AdaptiveMaxPooling3D",
]


class _Pooling(Layer):
    """Max or average pooling over a ``pool_size`` window (Keras's BasePooling)."""

    def __init__(self, pool_size, strides, pool_dimensions, pool_mode="max", padding="valid",
                 data_format=None, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        owner = describe_layer(self)
        self.rank = pool_dimensions
        self.pool_size = A.standardize_tuple(pool_size, pool_dimensions, "pool_size", owner)
        strides = pool_size if strides is None else strides
        self.strides = A.standardize_tuple(strides, pool_dimensions, "strides", owner,
                                           allow_zero=True)
        self.pool_mode = pool_mode
        # Keras keeps `padding` as given and checks it (case-sensitively) when called.
        self.padding = padding
        self.data_format = A.standardize_data_format(data_format, owner)
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self._build_at_init()

    def compute_output_shape(self, input_shape):
        if self.padding not in ("valid", "same"):
            raise with_fix(ShapeError(
                f"pooling `padding` must be 'valid' or 'same'. Received: padding={self.padding!r}"),
                "Use padding='valid' or padding='same' (lowercase; pooling has no 'causal')")
        if 0 in self.strides:
            raise with_fix(ShapeError(
                f"pooling `strides` cannot contain 0. Received: strides={self.strides}"),
                "Use strides of at least 1 (or strides=None for strides equal to pool_size)")
        try:
            return shapes.pooling_output_shape(tuple(input_shape), self.pool_size, self.strides,
                                               self.padding, self.data_format)
        except ShapeError as e:
            if self.padding == "valid":  # the only failure left: an empty output
                knobs = "pool_size" + ("/strides" if max(self.strides) > 1 else "")
                raise with_fix(e, f"Use padding='same' or a smaller {knobs}")
            raise

    def explain_output(self):
        input_shape = last_input_shape(self)
        if input_shape is None or len(input_shape) != self.rank + 2:
            return []
        spatial = shapes.spatial_dims(input_shape, self.data_format)
        try:
            return [line(Subject(name), shapes.explain_conv_length(size, p, s, self.padding))
                    for name, size, p, s in zip(SPATIAL_NAMES[self.rank], spatial,
                                                self.pool_size, self.strides)]
        except ShapeError:
            return []

    def get_config(self):
        config = super().get_config()
        config.update(pool_size=self.pool_size, padding=self.padding, strides=self.strides,
                      data_format=self.data_format)
        return config


class MaxPooling1D(_Pooling):
    """1D max pooling over ``pool_size`` steps; no weights."""

    def __init__(self, pool_size=2, strides=None, padding="valid", data_format=None, name=None,
                 **kwargs):
        super().__init__(pool_size=pool_size, strides=strides, pool_dimensions=1, pool_mode="max",
                         padding=padding, data_format=data_format, name=name, **kwargs)


class MaxPooling2D(_Pooling):
    """2D max pooling over a ``pool_size`` window; no weights."""

    def __init__(self, pool_size=(2, 2), strides=None, padding="valid", data_format=None,
                 name=None, **kwargs):
        super().__init__(pool_size=pool_size, strides=strides, pool_dimensions=2, pool_mode="max",
                         padding=padding, data_format=data_format, name=name, **kwargs)


class MaxPooling3D(_Pooling):
    """3D max pooling over a ``pool_size`` window; no weights."""

    def __init__(self, pool_size=(2, 2, 2), strides=None, padding="valid", data_format=None,
                 name=None, **kwargs):
        super().__init__(pool_size=pool_size, strides=strides, pool_dimensions=3, pool_mode="max",
                         padding=padding, data_format=data_format, name=name, **kwargs)


class AveragePooling1D(_Pooling):
    """1D average pooling over ``pool_size`` steps (no default pool_size in Keras 3); no weights."""

    def __init__(self, pool_size, strides=None, padding="valid", data_format=None, name=None,
                 **kwargs):
        super().__init__(pool_size=pool_size, strides=strides, pool_dimensions=1,
                         pool_mode="average", padding=padding, data_format=data_format, name=name,
                         **kwargs)


class AveragePooling2D(_Pooling):
    """2D average pooling over a ``pool_size`` window (no default pool_size in Keras 3); no weights."""

    def __init__(self, pool_size, strides=None, padding="valid", data_format=None, name=None,
                 **kwargs):
        super().__init__(pool_size=pool_size, strides=strides, pool_dimensions=2,
                         pool_mode="average", padding=padding, data_format=data_format, name=name,
                         **kwargs)


class AveragePooling3D(_Pooling):
    """3D average pooling over a ``pool_size`` window (no default pool_size in Keras 3); no weights."""

    def __init__(self, pool_size, strides=None, padding="valid", data_format=None, name=None,
                 **kwargs):
        super().__init__(pool_size=pool_size, strides=strides, pool_dimensions=3,
                         pool_mode="average", padding=padding, data_format=data_format, name=name,
                         **kwargs)


MaxPool1D, MaxPool2D, MaxPool3D = MaxPooling1D, MaxPooling2D, MaxPooling3D
AvgPool1D, AvgPool2D, AvgPool3D = AveragePooling1D, AveragePooling2D, AveragePooling3D


# --------------------------------------------------------------------------
# Global pooling
# --------------------------------------------------------------------------

class _GlobalPooling(Layer):
    """Pooling over every spatial dimension (Keras's BaseGlobalPooling)."""

    verb = "pools"

    def __init__(self, pool_dimensions, data_format=None, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.rank = pool_dimensions
        self.data_format = A.standardize_data_format(data_format, describe_layer(self))
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self._build_at_init()

    def compute_output_shape(self, input_shape):
        return shapes.global_pooling_output_shape(tuple(input_shape), self.data_format,
                                                  bool(self.keepdims))

    def explain_output(self):
        input_shape = last_input_shape(self)
        if input_shape is None or len(input_shape) < 3:
            return []
        out = self.compute_output_shape(input_shape)
        over = Dims(shapes.spatial_dims(input_shape, self.data_format), " x ")
        keep = " (keepdims)" if self.keepdims else ""
        return [formula(f"{format_shape(input_shape)} -> {format_shape(out)}: {self.verb} over "
                        "{}" + keep, over)]

    def get_config(self):
        config = super().get_config()
        config.update(data_format=self.data_format, keepdims=self.keepdims)
        return config


class _GlobalAverage(_GlobalPooling):
    verb = "averages"


class _GlobalMax(_GlobalPooling):
    verb = "takes the maximum"


class GlobalMaxPooling1D(_GlobalMax):
    """Maximum over the steps of a sequence; no weights."""

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=1, data_format=data_format, keepdims=keepdims, **kwargs)


class GlobalMaxPooling2D(_GlobalMax):
    """Maximum over height and width; no weights."""

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=2, data_format=data_format, keepdims=keepdims, **kwargs)


class GlobalMaxPooling3D(_GlobalMax):
    """Maximum over depth, height and width; no weights."""

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=3, data_format=data_format, keepdims=keepdims, **kwargs)


class GlobalAveragePooling1D(_GlobalAverage):
    """Average over the steps of a sequence (mask-aware in Keras); no weights."""
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=1, data_format=data_format, keepdims=keepdims, **kwargs)

    def compute_mask(self, inputs, mask=None):
        return None


class GlobalAveragePooling2D(_GlobalAverage):
    """Average over height and width; no weights."""

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=2, data_format=data_format, keepdims=keepdims, **kwargs)


class GlobalAveragePooling3D(_GlobalAverage):
    """Average over depth, height and width; no weights."""

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=3, data_format=data_format, keepdims=keepdims, **kwargs)


GlobalMaxPool1D, GlobalMaxPool2D, GlobalMaxPool3D = (
    GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalMaxPooling3D)
GlobalAvgPool1D, GlobalAvgPool2D, GlobalAvgPool3D = (
    GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalAveragePooling3D)


# --------------------------------------------------------------------------
# Adaptive pooling
# --------------------------------------------------------------------------

class _AdaptivePooling(Layer):
    """Pooling to a fixed spatial ``output_size`` (Keras's BaseAdaptivePooling).

    Keras sets no InputSpec here and computes the output shape from the batch
    and channel axes alone; paramscope does the same, and warns when the
    input's rank is not the layer's (the layer would fail when run).
    """

    verb = "pools"

    def __init__(self, rank, output_size, data_format=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        expected = {1: "a tuple of 1 integer", 2: "a (height, width) tuple of 2 integers",
                    3: "a (depth, height, width) tuple of 3 integers"}[rank]
        if isinstance(output_size, int) and not isinstance(output_size, bool):
            output_size = (output_size,) * rank
        elif isinstance(output_size, (tuple, list)) and len(output_size) == rank:
            output_size = tuple(output_size)
        else:
            raise LayerError(
                f"{owner}: `output_size` must be an integer or {expected}. Received: "
                f"output_size={output_size!r}")
        super().__init__(**kwargs)
        self.rank = rank
        self.output_size = output_size
        self.data_format = data_format or backend_config.image_data_format()
        if self.data_format not in ("channels_first", "channels_last"):
            raise LayerError(
                f"{describe_layer(self)}: invalid data_format={data_format!r}; expected "
                "'channels_first' or 'channels_last' (lowercase).", self)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        # Keras constructs the layer with any output_size; calling it fails on the shape
        if any(not isinstance(d, int) or isinstance(d, bool) or d < 0 for d in self.output_size):
            raise LayerError(
                f"Layer {describe_layer(self)}: `output_size` must contain non-negative "
                f"integers. Received: output_size={self.output_size!r}, which gives no valid "
                "output shape (Keras: negative dimensions are not allowed). Use sizes of 0 or "
                "more.", self)
        if len(input_shape) != self.rank + 2:
            message = (
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(input_shape)} (rank {len(input_shape)}), but it pools "
                f"{self.rank} spatial dimension{'s' if self.rank > 1 else ''} (inputs of rank "
                f"{self.rank + 2}). Keras reports an output shape anyway, but the layer fails "
                "or pools the wrong axes when it runs.")
            if message not in self._warnings:
                self._warnings.append(message)
        return shapes.adaptive_pooling_output_shape(input_shape, self.output_size,
                                                    self.data_format)

    def explain_output(self):
        input_shape = last_input_shape(self)
        if input_shape is None:
            return []
        out = self.compute_output_shape(input_shape)
        target = Dims(self.output_size, " x ")
        return [formula(f"{format_shape(input_shape)} -> {format_shape(out)}: {self.verb} each "
                        "channel to {} (windows sized from the input)", target)]

    def get_config(self):
        config = super().get_config()
        config.update(output_size=self.output_size, data_format=self.data_format)
        return config


class _AdaptiveAverage(_AdaptivePooling):
    verb = "averages"


class _AdaptiveMax(_AdaptivePooling):
    verb = "max-pools"


class AdaptiveAveragePooling1D(_AdaptiveAverage):
    """Average pooling to ``output_size`` steps; no weights."""

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(rank=1, output_size=output_size, data_format=data_format, **kwargs)


class AdaptiveAveragePooling2D(_AdaptiveAverage):
    """Average pooling to an ``output_size`` (height, width); no weights."""

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(rank=2, output_size=output_size, data_format=data_format, **kwargs)


class AdaptiveAveragePooling3D(_AdaptiveAverage):
    """Average pooling to an ``output_size`` (depth, height, width); no weights."""

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(rank=3, output_size=output_size, data_format=data_format, **kwargs)


class AdaptiveMaxPooling1D(_AdaptiveMax):
    """Max pooling to ``output_size`` steps; no weights."""

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(rank=1, output_size=output_size, data_format=data_format, **kwargs)


class AdaptiveMaxPooling2D(_AdaptiveMax):
    """Max pooling to an ``output_size`` (height, width); no weights."""

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(rank=2, output_size=output_size, data_format=data_format, **kwargs)


class AdaptiveMaxPooling3D(_AdaptiveMax):
    """Max pooling to an ``output_size`` (depth, height, width); no weights."""

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(rank=3, output_size=output_size, data_format=data_format, **kwargs)
