"""Image preprocessing: the base layer and the colour, intensity and mixing layers
(keras/src/layers/preprocessing/image_preprocessing)."""

from __future__ import annotations

from ...errors import LayerError, describe_layer, format_shape
from .. import args as A
from ..base import KerasTensor, Layer
from ..state import SeedGenerator
from .common import (ConfigMixin, autocast_dtype, checked_value_range, factor_pair, in_unit,
                     is_number)

__all__ = ["AutoContrast", "ContrastLimitedAdaptiveHistogramEqualization", "CutMix",
           "Equalization", "MaxNumBoundingBoxes", "MixUp", "RandomBrightness",
           "RandomColorDegeneration", "RandomColorJitter", "RandomContrast", "RandomErasing",
           "RandomGaussianBlur", "RandomGrayscale", "RandomHue", "RandomInvert",
           "RandomPosterization", "RandomSaturation", "RandomSharpness", "Solarization"]


class ImagePreprocessingLayer(ConfigMixin, Layer):
    """Keras's ``BaseImagePreprocessingLayer``: no weights, output shaped like the input.

    The symbolic output has the layer's compute dtype (Keras casts images to it),
    whatever the input dtype.  Seed generators are layer state, not weights.
    """

    _USE_BASE_FACTOR = True
    _FACTOR_BOUNDS = (-1, 1)
    #: Keras's random image layers own a seed generator (``self.generator =
    #: SeedGenerator(seed)`` in their constructor, before any sub-layer).
    owns_seed_generator = False

    def __init__(self, factor=None, bounding_box_format=None, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.bounding_box_format = bounding_box_format
        self.data_format = A.standardize_data_format(data_format, describe_layer(self))
        if self._USE_BASE_FACTOR:
            self._set_factor(factor or 0.0)
        elif factor is not None:
            raise LayerError(f"Layer {describe_layer(self)} does not take a `factor` argument. "
                             f"Received: factor={factor!r}")
        if self.owns_seed_generator:
            self.generator = SeedGenerator()

    @property
    def _owner(self):
        return describe_layer(self)

    def compute_output_shape(self, input_shape):
        """Same shape (every Keras image layer defines its own ``compute_output_shape``, so a
        subclass that overrides ``call`` keeps it: its call is not traced)."""
        return input_shape

    def _set_factor(self, factor):
        self.factor = factor_pair(factor, self._FACTOR_BOUNDS, "factor", self._owner)

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        if self.bounding_box_format is not None:
            config["bounding_box_format"] = self.bounding_box_format
        return config


class RandomColorLayer(ImagePreprocessingLayer):
    """The random colour layers' common arguments, ``(factor, value_range=(0, 255),
    data_format=None, seed=None)`` (Keras repeats them in each class), set in Keras's
    order; a seed generator, and those three in the config."""
    owns_seed_generator = True

    #: Keras checks ``value_range`` (two numbers, low < high) in the constructor.
    _CHECKS_VALUE_RANGE = True
    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = (checked_value_range(value_range, self._owner)
                            if self._CHECKS_VALUE_RANGE else value_range)
        self.seed = seed


class AutoContrast(ImagePreprocessingLayer):
    """AutoContrast: stretches each image to ``value_range``; no weights."""

    _USE_BASE_FACTOR = False
    _config_keys = ("value_range",)

    def __init__(self, value_range=(0, 255), **kwargs):
        super().__init__(**kwargs)
        self.value_range = checked_value_range(value_range, self._owner)


class Equalization(ImagePreprocessingLayer):
    """Equalization: histogram equalization; no weights.

    Keras returns the (converted) input tensor itself from its symbolic call,
    so the output keeps the input's dtype (floats are cast to the compute dtype).
    """

    _config_keys = ("bins", "value_range")

    def __init__(self, value_range=(0, 255), bins=256, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.bins = bins
        self.value_range = checked_value_range(value_range, self._owner)
        self.data_format = A.standardize_data_format(data_format, self._owner)

    def compute_output_spec(self, inputs, *args, **kwargs):
        return KerasTensor(inputs.shape, dtype=autocast_dtype(self, inputs.dtype),
                           sparse=inputs.sparse)


class ContrastLimitedAdaptiveHistogramEqualization(ImagePreprocessingLayer):
    """CLAHE: contrast-limited adaptive histogram equalization; no weights."""

    _config_keys = ("value_range", "clip_limit", "tile_grid_size")

    def __init__(self, value_range=(0, 255), clip_limit=4.0, tile_grid_size=(8, 8),
                 data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.value_range = value_range
        self.clip_limit = clip_limit
        self.tile_grid_size = tile_grid_size
        self.data_format = A.standardize_data_format(data_format, self._owner)


class CutMix(ImagePreprocessingLayer):
    """CutMix: pastes patches between images of a batch; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "seed")

    def __init__(self, factor=1.0, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.seed = seed


class MixUp(ImagePreprocessingLayer):
    """MixUp: blends images of a batch; no weights."""
    owns_seed_generator = True

    _config_keys = ("alpha", "seed")

    def __init__(self, alpha=0.2, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.alpha = alpha
        self.seed = seed


class MaxNumBoundingBoxes(ImagePreprocessingLayer):
    """MaxNumBoundingBoxes: pads/clips bounding boxes; images pass unchanged."""

    _config_keys = ("max_number", "fill_value")

    def __init__(self, max_number, fill_value=-1, **kwargs):
        super().__init__(**kwargs)
        try:
            self.max_number = int(max_number)
            self.fill_value = int(fill_value)
        except (TypeError, ValueError):
            raise LayerError(f"{self._owner}: `max_number` and `fill_value` must be integers. "
                             f"Received: max_number={max_number!r}, fill_value={fill_value!r}"
                             ) from None

    def compute_output_shape(self, input_shape):
        if isinstance(input_shape, dict) and "bounding_boxes" in input_shape:
            shapes = dict(input_shape)
            boxes = dict(shapes["bounding_boxes"])
            extra = set(boxes) - {"boxes", "labels"}
            if extra:
                raise LayerError(f"{self._owner}: there are unsupported keys in "
                                 f"`bounding_boxes`: {sorted(extra)}. Only `boxes` and `labels` "
                                 "are supported.", self)
            for key in ("boxes", "labels"):
                if key in boxes:
                    shape = list(boxes[key])
                    shape[1] = self.max_number
                    boxes[key] = tuple(shape)
            shapes["bounding_boxes"] = boxes
            return shapes
        return input_shape


class RandomBrightness(ImagePreprocessingLayer):
    """RandomBrightness: adds a random delta; no weights."""
    owns_seed_generator = True

    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(factor=factor, **kwargs)
        self.seed = seed
        self.value_range = checked_value_range(value_range, self._owner)


class RandomColorDegeneration(RandomColorLayer):
    """RandomColorDegeneration: blends with the grayscale image; RGB (3-channel) images only."""

    def compute_output_shape(self, input_shape):
        if len(input_shape) not in (3, 4):
            raise LayerError(
                f"Layer {self._owner} received an input of shape {format_shape(input_shape)} "
                f"(rank {len(input_shape)}), but it expects images: rank 3 (one image) or rank 4 "
                "(a batch of images), e.g. keras.Input(shape=(height, width, 3)).", self)
        channels = input_shape[-1 if self.data_format == "channels_last" else -3]
        if channels is not None and channels != 3:
            raise LayerError(
                f"Layer {self._owner} received an input of shape {format_shape(input_shape)}: "
                f"input images must have 3 channels, but received images with {channels} "
                f"channels (data_format={self.data_format!r}).", self)
        return input_shape


class RandomColorJitter(ImagePreprocessingLayer):
    """RandomColorJitter: brightness, contrast, saturation and hue jitter (sub-layers); no weights."""
    owns_seed_generator = True

    _config_keys = ("value_range", "brightness_factor", "contrast_factor", "saturation_factor",
                    "hue_factor", "seed")

    def __init__(self, value_range=(0, 255), brightness_factor=None, contrast_factor=None,
                 saturation_factor=None, hue_factor=None, seed=None, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = value_range
        self.brightness_factor = brightness_factor
        self.contrast_factor = contrast_factor
        self.saturation_factor = saturation_factor
        self.hue_factor = hue_factor
        self.seed = seed
        self.random_brightness = self.random_contrast = None
        self.random_saturation = self.random_hue = None
        # Keras creates these in __init__ (they take auto-names such as "random_brightness").
        if brightness_factor is not None:
            self.random_brightness = RandomBrightness(factor=brightness_factor,
                                                      value_range=value_range, seed=seed)
        if contrast_factor is not None:
            self.random_contrast = RandomContrast(factor=contrast_factor,
                                                  value_range=value_range, seed=seed)
        if saturation_factor is not None:
            self.random_saturation = RandomSaturation(factor=saturation_factor,
                                                      value_range=value_range, seed=seed)
        if hue_factor is not None:
            self.random_hue = RandomHue(factor=hue_factor, value_range=value_range, seed=seed)

    def build(self, input_shape):
        for layer in (self.random_brightness, self.random_contrast, self.random_saturation,
                      self.random_hue):
            if layer is not None:
                layer.build_from_shape(input_shape)


class RandomContrast(RandomColorLayer):
    """RandomContrast: scales contrast by a random factor in ``[1 - lower, 1 + upper]``."""

    _FACTOR_BOUNDS = (0, 1)
    _CHECKS_VALUE_RANGE = False

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(factor, value_range, seed=seed, **kwargs)


class RandomErasing(ImagePreprocessingLayer):
    """RandomErasing: erases random rectangles; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "scale", "fill_value", "value_range", "seed")

    def __init__(self, factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255),
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = factor_pair(scale, self._FACTOR_BOUNDS, "scale", self._owner)
        self.fill_value = fill_value
        self.value_range = value_range
        self.seed = seed


class RandomGaussianBlur(ImagePreprocessingLayer):
    """RandomGaussianBlur: blurs with a random sigma; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "kernel_size", "sigma", "value_range", "seed")

    def __init__(self, factor=1.0, kernel_size=3, sigma=1.0, value_range=(0, 255),
                 data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.kernel_size = self._kernel_size(kernel_size)
        self.sigma = factor_pair(sigma, self._FACTOR_BOUNDS, "sigma", self._owner)
        self.value_range = value_range
        self.seed = seed

    def _kernel_size(self, value):
        message = (f"{self._owner}: `kernel_size` must be an odd number (or a list of two odd "
                   f"numbers). Received: kernel_size={value!r}")
        if isinstance(value, (tuple, list)):
            if len(value) != 2 or not all(is_number(v) for v in value):
                raise LayerError(message)
            if value[0] % 2 == 0 or value[1] % 2 == 0:
                raise LayerError(message)
            return tuple(value)
        if is_number(value):
            if value % 2 == 0:
                raise LayerError(message)
            return value, value
        raise LayerError(message)


class RandomGrayscale(ImagePreprocessingLayer):
    """RandomGrayscale: converts images to grayscale with probability ``factor``.

    Keeps the number of channels; Keras's symbolic output keeps the input's
    dtype (floats are cast to the compute dtype).
    """
    owns_seed_generator = True

    _config_keys = ("factor", "seed")

    def __init__(self, factor=0.5, data_format=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not is_number(factor) or factor < 0 or factor > 1:
            raise LayerError(f"{self._owner}: `factor` should be between 0 and 1. "
                             f"Received: factor={factor!r}")
        self.factor = factor
        self.data_format = A.standardize_data_format(data_format, self._owner)
        self.seed = seed

    def compute_output_spec(self, inputs, *args, **kwargs):
        return KerasTensor(inputs.shape, dtype=autocast_dtype(self, inputs.dtype),
                           sparse=inputs.sparse)


class RandomHue(RandomColorLayer):
    """RandomHue: shifts the hue by a random amount; no weights."""

    _FACTOR_BOUNDS = (0, 1)
    _CHECKS_VALUE_RANGE = False


class RandomInvert(RandomColorLayer):
    """RandomInvert: inverts images with probability ``factor``; no weights."""

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _CHECKS_VALUE_RANGE = False

    def __init__(self, factor=1.0, value_range=(0, 255), seed=None, data_format=None, **kwargs):
        super().__init__(factor, value_range, data_format=data_format, seed=seed, **kwargs)


class RandomPosterization(RandomColorLayer):
    """RandomPosterization: reduces the bits per channel to 1..8; no weights."""

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (1, 8)


class RandomSaturation(RandomColorLayer):
    """RandomSaturation: scales the saturation by a random factor; no weights."""


class RandomSharpness(RandomColorLayer):
    """RandomSharpness: sharpens or blurs by a random factor; no weights."""

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)


class Solarization(ImagePreprocessingLayer):
    """Solarization: inverts pixels above a random threshold; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _config_keys = ("addition_factor", "threshold_factor", "value_range", "seed")

    def __init__(self, addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255),
                 seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        pair = lambda f: (0, f)  # noqa: E731
        self.addition_factor = factor_pair(addition_factor, (0, 1), "addition_factor",
                                            self._owner, pair, in_unit)
        self.threshold_factor = factor_pair(threshold_factor, (0, 1), "threshold_factor",
                                             self._owner, pair, in_unit)
        self.value_range = checked_value_range(value_range, self._owner)
