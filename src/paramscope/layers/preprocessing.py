"""Preprocessing layers (keras/src/layers/preprocessing), as Keras 3.15.

Only Normalization (``mean``/``variance``/``count``, when not given) and
STFTSpectrogram (``real_kernel``/``imag_kernel``) have weights.  The others
change shapes and dtypes only: lookups and encodings size their outputs from
the vocabulary / ``num_tokens`` / ``num_bins`` given in the code (paramscope
never runs ``adapt()``; an unadapted layer has the sizes Keras gives it before
adapt, often ``None``), image layers keep or resize the image shape, and the
random augmentation layers' seed generators are layer state, not weights.
"""

from __future__ import annotations

import math
import warnings

from ..explanation import Dims, Number, Subject, formula, line, text
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from ..shapes import broadcast_to_shape, conv_output_shape, value_shape
from . import args as A
from .base import InputSpec, KerasTensor, Layer
from .state import SeedGenerator

__all__ = [
    "Rescaling", "Normalization",
    # image preprocessing and augmentation
    "AugMix", "AutoContrast", "CenterCrop", "ContrastLimitedAdaptiveHistogramEqualization",
    "CutMix", "Equalization", "MaxNumBoundingBoxes", "MixUp", "RandAugment", "RandomBrightness",
    "RandomColorDegeneration", "RandomColorJitter", "RandomContrast", "RandomCrop",
    "RandomElasticTransform", "RandomErasing", "RandomFlip", "RandomGaussianBlur",
    "RandomGrayscale", "RandomHue", "RandomInvert", "RandomPerspective", "RandomPosterization",
    "RandomRotation", "RandomSaturation", "RandomSharpness", "RandomShear", "RandomTranslation",
    "RandomZoom", "Resizing", "Solarization",
    # tf-keras 2 only (its files and tf.keras scripts)
    "RandomHeight", "RandomWidth",
    # categorical, hashing, lookup, text
    "CategoryEncoding", "Discretization", "Hashing", "HashedCrossing", "StringLookup",
    "IntegerLookup", "TextVectorization",
    # audio
    "MelSpectrogram", "STFTSpectrogram",
    "Pipeline",
]

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
        """Builds the layer from the data's shape (see ``preprocessing_adapt``)."""
        from .preprocessing_adapt import adapt_normalization
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


# ---------------------------------------------------------------------------
# Shared argument checks
# ---------------------------------------------------------------------------

def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) or (
        hasattr(x, "__float__") and not isinstance(x, (str, bytes, list, tuple, dict)))


def _factor_pair(factor, bounds, name, owner, number_pair=None, check_each=None):
    """Keras's ``_set_factor``: a number or a pair, within ``bounds``; returns ``(lower, upper)``.

    ``number_pair(f)`` turns a single number into the pair (default
    ``(max(-|f|, low), |f|)``); ``check_each`` checks each number against the
    bounds (default: the pair may overlap them, a number must lie inside).
    """
    low, high = bounds
    message = (f"{owner}: the `{name}` argument should be a number (or a list of two numbers) "
               f"in the range [{low}, {high}]. Received: {name}={factor!r}")
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or not all(_is_number(f) for f in factor):
            raise LayerError(message)
        if check_each is not None:
            for f in factor:
                if not check_each(f):
                    raise LayerError(message)
        elif factor[0] > high or factor[1] < low:
            raise LayerError(message)
        lower, upper = sorted(factor)
        return lower, upper
    if _is_number(factor):
        if check_each is not None:
            if not check_each(factor):
                raise LayerError(message)
        elif factor < low or factor > high:
            raise LayerError(message)
        if number_pair is not None:
            return number_pair(factor)
        factor = abs(factor)
        return max(-factor, low), factor
    raise LayerError(message)


def _value_range(value_range, owner):
    if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
        raise LayerError(
            f"{owner}: the `value_range` argument should be a list of two numbers, e.g. "
            f"value_range=(0, 255). Received: value_range={value_range!r}")
    return sorted(value_range)


def _choice(value, options, name, owner, error=LayerError):
    if value not in options:
        raise error(f"{owner}: unknown `{name}` {value!r}. Expected one of "
                    f"{tuple(sorted(options)) if isinstance(options, (set, frozenset)) else tuple(options)}.")
    return value


def _check_dims(layer, shape):
    """An output shape whose sizes are not all ints/None is not a shape (Keras: ValueError)."""
    for d in shape:
        if d is not None and (isinstance(d, bool) or not isinstance(d, int) or d < 0):
            raise LayerError(
                f"Layer {describe_layer(layer)}: cannot make the output shape {tuple(shape)!r}: "
                f"{d!r} is not a valid size (sizes are non-negative integers). Pass integer "
                "height/width.", layer)
    return tuple(shape)


def _autocast_dtype(layer, dtype):
    """The dtype an input has after Keras's input conversion (floats go to the compute dtype)."""
    if layer.autocast and "float" in dtype and dtype != layer.compute_dtype:
        return layer.compute_dtype
    return dtype


class _ConfigMixin:
    """``get_config`` from attributes listed in ``_config_keys``."""

    _config_keys = ()

    def get_config(self):
        config = super().get_config()
        for key in self._config_keys:
            value = getattr(self, key)
            config[key] = list(value) if isinstance(value, tuple) else value
        return config


# ---------------------------------------------------------------------------
# Image preprocessing (keras/src/layers/preprocessing/image_preprocessing)
# ---------------------------------------------------------------------------

class _ImagePreprocessingLayer(_ConfigMixin, Layer):
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
        self.factor = _factor_pair(factor, self._FACTOR_BOUNDS, "factor", self._owner)

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        if self.bounding_box_format is not None:
            config["bounding_box_format"] = self.bounding_box_format
        return config


class AutoContrast(_ImagePreprocessingLayer):
    """AutoContrast: stretches each image to ``value_range``; no weights."""

    _USE_BASE_FACTOR = False
    _config_keys = ("value_range",)

    def __init__(self, value_range=(0, 255), **kwargs):
        super().__init__(**kwargs)
        self.value_range = _value_range(value_range, self._owner)


class Equalization(_ImagePreprocessingLayer):
    """Equalization: histogram equalization; no weights.

    Keras returns the (converted) input tensor itself from its symbolic call,
    so the output keeps the input's dtype (floats are cast to the compute dtype).
    """

    _config_keys = ("bins", "value_range")

    def __init__(self, value_range=(0, 255), bins=256, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.bins = bins
        self.value_range = _value_range(value_range, self._owner)
        self.data_format = A.standardize_data_format(data_format, self._owner)

    def compute_output_spec(self, inputs, *args, **kwargs):
        return KerasTensor(inputs.shape, dtype=_autocast_dtype(self, inputs.dtype),
                           sparse=inputs.sparse)


class ContrastLimitedAdaptiveHistogramEqualization(_ImagePreprocessingLayer):
    """CLAHE: contrast-limited adaptive histogram equalization; no weights."""

    _config_keys = ("value_range", "clip_limit", "tile_grid_size")

    def __init__(self, value_range=(0, 255), clip_limit=4.0, tile_grid_size=(8, 8),
                 data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.value_range = value_range
        self.clip_limit = clip_limit
        self.tile_grid_size = tile_grid_size
        self.data_format = A.standardize_data_format(data_format, self._owner)


class CutMix(_ImagePreprocessingLayer):
    """CutMix: pastes patches between images of a batch; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "seed")

    def __init__(self, factor=1.0, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.seed = seed


class MixUp(_ImagePreprocessingLayer):
    """MixUp: blends images of a batch; no weights."""
    owns_seed_generator = True

    _config_keys = ("alpha", "seed")

    def __init__(self, alpha=0.2, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.alpha = alpha
        self.seed = seed


class MaxNumBoundingBoxes(_ImagePreprocessingLayer):
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


class RandomBrightness(_ImagePreprocessingLayer):
    """RandomBrightness: adds a random delta; no weights."""
    owns_seed_generator = True

    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(factor=factor, **kwargs)
        self.seed = seed
        self.value_range = _value_range(value_range, self._owner)


class RandomColorDegeneration(_ImagePreprocessingLayer):
    """RandomColorDegeneration: blends with the grayscale image; RGB (3-channel) images only."""
    owns_seed_generator = True

    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = _value_range(value_range, self._owner)
        self.seed = seed

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


class RandomColorJitter(_ImagePreprocessingLayer):
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


class RandomContrast(_ImagePreprocessingLayer):
    """RandomContrast: scales contrast by a random factor in ``[1 - lower, 1 + upper]``."""
    owns_seed_generator = True

    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        self._set_factor(factor)
        self.value_range = value_range
        self.seed = seed


class RandomCrop(_ImagePreprocessingLayer):
    """RandomCrop: crops to ``(height, width)``; no weights."""
    owns_seed_generator = True
    _convert_input_args = False

    _config_keys = ("height", "width", "seed")

    def __init__(self, height, width, seed=None, data_format=None, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self.height = height
        self.width = width
        self.seed = seed
        self.data_format = A.standardize_data_format(data_format, self._owner)
        if self.data_format == "channels_first":
            self.height_axis, self.width_axis = -2, -1
        else:
            self.height_axis, self.width_axis = -3, -2

    def compute_output_shape(self, input_shape, *args, **kwargs):
        shape = list(input_shape)
        if len(shape) < -self.height_axis:
            raise LayerError(
                f"Layer {self._owner} received an input of shape {format_shape(input_shape)} "
                f"(rank {len(shape)}), which has no height and width axes to crop "
                f"(data_format={self.data_format!r}); use images of rank 3 or 4, e.g. "
                "keras.Input(shape=(height, width, channels)).", self)
        shape[self.height_axis] = self.height
        shape[self.width_axis] = self.width
        return _check_dims(self, shape)

    def explain_output(self):
        return _explain_resize(self)


class RandomElasticTransform(_ImagePreprocessingLayer):
    """RandomElasticTransform: random elastic distortion; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")
    _SUPPORTED_FILL_MODES = {"constant", "nearest", "wrap", "mirror", "reflect"}
    _config_keys = ("factor", "scale", "interpolation", "fill_mode", "fill_value",
                    "value_range", "seed")

    def __init__(self, factor=1.0, scale=1.0, interpolation="bilinear", fill_mode="reflect",
                 fill_value=0.0, value_range=(0, 255), seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = _factor_pair(scale, self._FACTOR_BOUNDS, "scale", self._owner)
        self.interpolation = interpolation
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.value_range = value_range
        self.seed = seed
        _choice(interpolation, self._SUPPORTED_INTERPOLATION, "interpolation", self._owner)
        _choice(fill_mode, self._SUPPORTED_FILL_MODES, "fill_mode", self._owner)


class RandomErasing(_ImagePreprocessingLayer):
    """RandomErasing: erases random rectangles; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "scale", "fill_value", "value_range", "seed")

    def __init__(self, factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255),
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = _factor_pair(scale, self._FACTOR_BOUNDS, "scale", self._owner)
        self.fill_value = fill_value
        self.value_range = value_range
        self.seed = seed


class RandomFlip(_ImagePreprocessingLayer):
    """RandomFlip: flips horizontally and/or vertically; no weights."""
    owns_seed_generator = True
    _convert_input_args = False

    _USE_BASE_FACTOR = False
    _config_keys = ("mode", "seed")

    def __init__(self, mode="horizontal_and_vertical", seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.seed = seed
        self.mode = mode


class RandomGaussianBlur(_ImagePreprocessingLayer):
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
        self.sigma = _factor_pair(sigma, self._FACTOR_BOUNDS, "sigma", self._owner)
        self.value_range = value_range
        self.seed = seed

    def _kernel_size(self, value):
        message = (f"{self._owner}: `kernel_size` must be an odd number (or a list of two odd "
                   f"numbers). Received: kernel_size={value!r}")
        if isinstance(value, (tuple, list)):
            if len(value) != 2 or not all(_is_number(v) for v in value):
                raise LayerError(message)
            if value[0] % 2 == 0 or value[1] % 2 == 0:
                raise LayerError(message)
            return tuple(value)
        if _is_number(value):
            if value % 2 == 0:
                raise LayerError(message)
            return value, value
        raise LayerError(message)


class RandomGrayscale(_ImagePreprocessingLayer):
    """RandomGrayscale: converts images to grayscale with probability ``factor``.

    Keeps the number of channels; Keras's symbolic output keeps the input's
    dtype (floats are cast to the compute dtype).
    """
    owns_seed_generator = True

    _config_keys = ("factor", "seed")

    def __init__(self, factor=0.5, data_format=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not _is_number(factor) or factor < 0 or factor > 1:
            raise LayerError(f"{self._owner}: `factor` should be between 0 and 1. "
                             f"Received: factor={factor!r}")
        self.factor = factor
        self.data_format = A.standardize_data_format(data_format, self._owner)
        self.seed = seed

    def compute_output_spec(self, inputs, *args, **kwargs):
        return KerasTensor(inputs.shape, dtype=_autocast_dtype(self, inputs.dtype),
                           sparse=inputs.sparse)


class RandomHue(_ImagePreprocessingLayer):
    """RandomHue: shifts the hue by a random amount; no weights."""
    owns_seed_generator = True

    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = value_range
        self.seed = seed


class RandomInvert(_ImagePreprocessingLayer):
    """RandomInvert: inverts images with probability ``factor``; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor=1.0, value_range=(0, 255), seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = value_range
        self.seed = seed


class RandomPerspective(_ImagePreprocessingLayer):
    """RandomPerspective: random perspective warp; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")
    _config_keys = ("factor", "scale", "interpolation", "fill_value", "seed")

    def __init__(self, factor=1.0, scale=1.0, interpolation="bilinear", fill_value=0.0,
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = scale
        self.fill_value = fill_value
        self.interpolation = interpolation
        self.seed = seed
        if not _is_number(scale) or scale < 0.0 or scale > 1.0:
            raise LayerError(f"{self._owner}: the `scale` argument should be a number in the "
                             f"range [0, 1]. Received: scale={scale!r}")
        _choice(interpolation, self._SUPPORTED_INTERPOLATION, "interpolation", self._owner)


class RandomPosterization(_ImagePreprocessingLayer):
    """RandomPosterization: reduces the bits per channel to 1..8; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (1, 8)
    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = _value_range(value_range, self._owner)
        self.seed = seed


_FILL_MODES = ("reflect", "wrap", "constant", "nearest")
_INTERPOLATIONS = ("nearest", "bilinear")


class RandomRotation(_ImagePreprocessingLayer):
    """RandomRotation: rotates by a random fraction of 2*pi; no weights."""
    owns_seed_generator = True

    _config_keys = ("factor", "fill_mode", "interpolation", "fill_value", "seed")

    def __init__(self, factor, fill_mode="reflect", interpolation="bilinear", seed=None,
                 fill_value=0.0, data_format=None, **kwargs):
        super().__init__(factor=factor, data_format=data_format, **kwargs)
        self.seed = seed
        self.fill_mode = fill_mode
        self.interpolation = interpolation
        self.fill_value = fill_value
        _choice(fill_mode, _FILL_MODES, "fill_mode", self._owner)
        _choice(interpolation, _INTERPOLATIONS, "interpolation", self._owner)


class RandomSaturation(_ImagePreprocessingLayer):
    """RandomSaturation: scales the saturation by a random factor; no weights."""
    owns_seed_generator = True

    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = _value_range(value_range, self._owner)
        self.seed = seed


class RandomSharpness(_ImagePreprocessingLayer):
    """RandomSharpness: sharpens or blurs by a random factor; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("factor", "value_range", "seed")

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.value_range = _value_range(value_range, self._owner)
        self.seed = seed


def _in_unit(f):
    return 0.0 <= f <= 1.0


class RandomShear(_ImagePreprocessingLayer):
    """RandomShear: random shear along x and/or y; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("x_factor", "y_factor", "interpolation", "fill_mode", "fill_value", "seed")

    def __init__(self, x_factor=0.0, y_factor=0.0, interpolation="bilinear", fill_mode="reflect",
                 fill_value=0.0, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        pair = lambda f: (-abs(f), abs(f))  # noqa: E731
        self.x_factor = _factor_pair(x_factor, (0, 1), "x_factor", self._owner, pair, _in_unit)
        self.y_factor = _factor_pair(y_factor, (0, 1), "y_factor", self._owner, pair, _in_unit)
        _choice(fill_mode, _FILL_MODES, "fill_mode", self._owner)
        _choice(interpolation, _INTERPOLATIONS, "interpolation", self._owner)
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.interpolation = interpolation
        self.seed = seed

    @classmethod
    def from_config(cls, config):
        # Keras saves a number f as the pair (-f, f), which its own constructor then rejects
        # (Keras 3.15 cannot reload a saved RandomShear); read it back as the number f.
        config = dict(config)
        for key in ("x_factor", "y_factor"):
            value = config.get(key)
            if isinstance(value, (list, tuple)) and len(value) == 2 and all(
                    _is_number(v) for v in value) and min(value) < 0:
                config[key] = max(abs(v) for v in value)
        return cls(**config)


class RandomTranslation(_ImagePreprocessingLayer):
    """RandomTranslation: shifts by random fractions of the height and width; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _config_keys = ("height_factor", "width_factor", "fill_mode", "interpolation", "fill_value",
                    "seed")

    def __init__(self, height_factor, width_factor, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        pair = lambda f: (-abs(f), abs(f))  # noqa: E731
        check = lambda f: -1.0 <= f <= 1.0  # noqa: E731
        self.height_factor = height_factor
        self.height_lower, self.height_upper = _factor_pair(
            height_factor, (-1, 1), "height_factor", self._owner, pair, check)
        self.width_factor = width_factor
        self.width_lower, self.width_upper = _factor_pair(
            width_factor, (-1, 1), "width_factor", self._owner, pair, check)
        _choice(fill_mode, _FILL_MODES, "fill_mode", self._owner)
        _choice(interpolation, _INTERPOLATIONS, "interpolation", self._owner)
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.interpolation = interpolation
        self.seed = seed


#: tf-keras's interpolation names (tf_keras/src/utils/image_utils.py).
_TF_INTERPOLATIONS = ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5",
                      "gaussian", "mitchellcubic")


class _RandomSide(Layer):
    """tf-keras 2's RandomHeight/RandomWidth (Keras 3 removed them): each resizes one side
    by a random factor, so that side's size is unknown (``None``) in the output; no weights.
    Input: ``(..., height, width, channels)``, rank 3 (one image) or 4 (a batch)."""

    _axis = None  # -3 (height) or -2 (width), as tf-keras's H_AXIS / W_AXIS
    _side = None

    def __init__(self, factor, interpolation="bilinear", seed=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.factor = factor
        try:
            if isinstance(factor, (tuple, list)):
                lower, upper = factor[0], factor[1]
            else:
                lower, upper = -factor, factor
            if upper < lower:
                raise LayerError(
                    f"{owner}: `factor` argument cannot have an upper bound lesser than the "
                    f"lower bound. Received: factor={factor!r}")
            if lower < -1.0 or upper < -1.0:
                raise LayerError(f"{owner}: `factor` argument must have values larger than -1. "
                                 f"Received: factor={factor!r}")
        except (TypeError, IndexError):
            raise LayerError(f"{owner}: `factor` must be a number or a pair of numbers (the "
                             f"range of the random {self._side} change). Received: "
                             f"factor={factor!r}") from None
        setattr(self, f"{self._side}_lower", lower)
        setattr(self, f"{self._side}_upper", upper)
        if not isinstance(interpolation, str) or interpolation.lower() not in _TF_INTERPOLATIONS:
            raise LayerError(f"{owner}: value not recognized for `interpolation`: "
                             f"{interpolation!r}. Supported values are: {_TF_INTERPOLATIONS}")
        self.interpolation = interpolation
        self.seed = seed

    def compute_output_shape(self, input_shape):
        if len(input_shape) not in (3, 4):
            raise ShapeError(
                f"{type(self).__name__} takes images of rank 3 (height, width, channels) or 4 "
                f"(batch, height, width, channels), not rank {len(input_shape)}")
        shape = list(input_shape)
        shape[self._axis] = None
        return tuple(shape)

    def explain_output(self):
        return [text(f"{self._side}: random (factor {self.factor!r}) -> None")]

    def get_config(self):
        config = super().get_config()
        config.update(factor=self.factor, interpolation=self.interpolation, seed=self.seed)
        return config


class RandomHeight(_RandomSide):
    """tf-keras's RandomHeight: the output height is unknown (``None``)."""

    _axis, _side = -3, "height"


class RandomWidth(_RandomSide):
    """tf-keras's RandomWidth: the output width is unknown (``None``)."""

    _axis, _side = -2, "width"


class RandomZoom(_ImagePreprocessingLayer):
    """RandomZoom: zooms by random fractions of the height (and width); no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _config_keys = ("height_factor", "width_factor", "fill_mode", "interpolation", "fill_value",
                    "seed")

    def __init__(self, height_factor, width_factor=None, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(**kwargs)
        pair = lambda f: (-abs(f), abs(f))  # noqa: E731
        check = lambda f: -1.0 < f <= 1.0  # noqa: E731
        self.height_factor = height_factor
        self.height_lower, self.height_upper = _factor_pair(
            height_factor, (-1, 1), "height_factor", self._owner, pair, check)
        self.width_factor = width_factor
        if width_factor is not None:
            self.width_lower, self.width_upper = _factor_pair(
                width_factor, (-1, 1), "width_factor", self._owner, pair, check)
        _choice(fill_mode, _FILL_MODES, "fill_mode", self._owner)
        _choice(interpolation, _INTERPOLATIONS, "interpolation", self._owner)
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.interpolation = interpolation
        self.seed = seed
        self.data_format = A.standardize_data_format(data_format, self._owner)


class Solarization(_ImagePreprocessingLayer):
    """Solarization: inverts pixels above a random threshold; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _config_keys = ("addition_factor", "threshold_factor", "value_range", "seed")

    def __init__(self, addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255),
                 seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        pair = lambda f: (0, f)  # noqa: E731
        self.addition_factor = _factor_pair(addition_factor, (0, 1), "addition_factor",
                                            self._owner, pair, _in_unit)
        self.threshold_factor = _factor_pair(threshold_factor, (0, 1), "threshold_factor",
                                             self._owner, pair, _in_unit)
        self.value_range = _value_range(value_range, self._owner)


def _explain_resize(layer):
    """``(None, 8, 10, 3) -> (None, 4, 5, 3) (axis 1: 8 -> 4, axis 2: 10 -> 5; height=4, width=5)``."""
    if not layer._inbound_nodes:
        return []
    node = layer._inbound_nodes[-1]
    if len(node.input_tensors) != 1 or len(node.outputs) != 1:
        return []
    before, after = tuple(node.input_tensors[0].shape), tuple(node.outputs[0].shape)
    if len(before) != len(after):
        return []
    changes = [formula(f"axis {i}: {{}} -> {{}}", b, a)
               for i, (b, a) in enumerate(zip(before, after)) if a != b]
    if not changes:
        return []
    joined = formula(", ".join(["{}"] * len(changes)), *changes)
    return [line(Subject(layer.name), formula(
        f"{format_shape(before)} -> {format_shape(after)} ({{}}; height={{}}, width={{}})",
        joined, layer.height, layer.width))]


class Resizing(_ImagePreprocessingLayer):
    """Resizing: resizes images to ``(height, width)``; no weights.

    As Keras, an input that is not rank 4 is treated as one unbatched image:
    its first two axes (channels_last) become ``height, width``.
    """

    _USE_BASE_FACTOR = False
    _config_keys = ("height", "width", "interpolation", "crop_to_aspect_ratio",
                    "pad_to_aspect_ratio", "fill_mode", "fill_value", "antialias")

    def __init__(self, height, width, interpolation="bilinear", crop_to_aspect_ratio=False,
                 pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0,
                 antialias=False, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.height = height
        self.width = width
        self.interpolation = interpolation
        self.data_format = A.standardize_data_format(data_format, self._owner)
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.antialias = bool(antialias)

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        first = 1 if len(shape) == 4 else 0
        if self.data_format == "channels_first":
            first += 1
        if len(shape) < first + 2:
            raise LayerError(
                f"Layer {self._owner} received an input of shape {format_shape(input_shape)} "
                f"(rank {len(shape)}), which has no height and width axes to resize; use images "
                "of rank 3 or 4, e.g. keras.Input(shape=(height, width, channels)).", self)
        shape[first] = self.height
        shape[first + 1] = self.width
        return _check_dims(self, shape)

    def explain_output(self):
        return _explain_resize(self)


class CenterCrop(_ImagePreprocessingLayer):
    """CenterCrop: crops (or pads) the center to ``(height, width)``; no weights."""

    _USE_BASE_FACTOR = False
    _config_keys = ("height", "width")

    def __init__(self, height, width, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height = height
        self.width = width

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        if len(shape) not in (3, 4):
            raise LayerError(
                f"Layer {self._owner} received an input of shape {format_shape(input_shape)} "
                f"(rank {len(shape)}), but it expects images: rank 4 (a batch of images) or "
                "rank 3 (one image), e.g. keras.Input(shape=(height, width, channels)).", self)
        first = 1 if len(shape) == 4 else 0
        if self.data_format == "channels_first":
            first += 1
        shape[first] = self.height
        shape[first + 1] = self.width
        return _check_dims(self, shape)

    def explain_output(self):
        return _explain_resize(self)


def _augment_sublayers(layer, names, factor, value_range, interpolation, seed, data_format,
                       kwargs):
    """The augmentation layers RandAugment/AugMix create in __init__, in Keras's order."""
    makers = {
        "random_shear": lambda: RandomShear(x_factor=factor, y_factor=factor,
                                            interpolation=interpolation, seed=seed,
                                            data_format=data_format, **kwargs),
        "random_translation": lambda: RandomTranslation(
            height_factor=factor, width_factor=factor, interpolation=interpolation, seed=seed,
            data_format=data_format, **kwargs),
        "random_rotation": lambda: RandomRotation(factor=factor, interpolation=interpolation,
                                                  seed=seed, data_format=data_format, **kwargs),
        "random_brightness": lambda: RandomBrightness(factor=factor, value_range=value_range,
                                                      seed=seed, data_format=data_format,
                                                      **kwargs),
        "random_color_degeneration": lambda: RandomColorDegeneration(
            factor=factor, value_range=value_range, seed=seed, data_format=data_format,
            **kwargs),
        "random_contrast": lambda: RandomContrast(factor=factor, value_range=value_range,
                                                  seed=seed, data_format=data_format, **kwargs),
        "random_sharpness": lambda: RandomSharpness(factor=factor, value_range=value_range,
                                                    seed=seed, data_format=data_format,
                                                    **kwargs),
        "solarization": lambda: Solarization(addition_factor=factor, threshold_factor=factor,
                                             value_range=value_range, seed=seed,
                                             data_format=data_format, **kwargs),
        "random_posterization": lambda: RandomPosterization(
            factor=max(1, int(8 * factor[1])), value_range=value_range, seed=seed,
            data_format=data_format, **kwargs),
        "auto_contrast": lambda: AutoContrast(value_range=value_range, data_format=data_format,
                                              **kwargs),
        "equalization": lambda: Equalization(value_range=value_range, data_format=data_format,
                                             **kwargs),
    }
    for name in names:
        setattr(layer, name, makers[name]())


class RandAugment(_ImagePreprocessingLayer):
    """RandAugment: ``num_ops`` random augmentations per image (11 sub-layers); no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _AUGMENT_LAYERS = ["random_shear", "random_translation", "random_rotation",
                       "random_brightness", "random_color_degeneration", "random_contrast",
                       "random_sharpness", "random_posterization", "solarization",
                       "auto_contrast", "equalization"]
    _CREATION_ORDER = ["random_shear", "random_translation", "random_rotation",
                       "random_brightness", "random_color_degeneration", "random_contrast",
                       "random_sharpness", "solarization", "random_posterization",
                       "auto_contrast", "equalization"]
    _config_keys = ("value_range", "num_ops", "factor", "interpolation", "seed")

    def __init__(self, value_range=(0, 255), num_ops=2, factor=0.5, interpolation="bilinear",
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = value_range
        self.num_ops = num_ops
        self._set_factor(factor)
        self.interpolation = interpolation
        self.seed = seed
        _augment_sublayers(self, self._CREATION_ORDER, self.factor, value_range, interpolation,
                           seed, data_format, kwargs)

    def build(self, input_shape):
        for name in self._AUGMENT_LAYERS:
            getattr(self, name).build_from_shape(input_shape)


class AugMix(_ImagePreprocessingLayer):
    """AugMix: mixes ``num_chains`` chains of random augmentations (sub-layers); no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _ALL = ["random_shear", "random_translation", "random_rotation", "solarization",
            "random_posterization", "auto_contrast", "equalization", "random_brightness",
            "random_color_degeneration", "random_contrast", "random_sharpness"]
    _config_keys = ("value_range", "num_chains", "chain_depth", "factor", "alpha", "all_ops",
                    "interpolation", "seed")

    def __init__(self, value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=1.0,
                 all_ops=True, interpolation="bilinear", seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = value_range
        self.num_chains = num_chains
        self.chain_depth = chain_depth
        self._set_factor(factor)
        self.alpha = alpha
        self.all_ops = all_ops
        self.interpolation = interpolation
        self.seed = seed
        self._augment_layers = self._ALL if all_ops else self._ALL[:7]
        _augment_sublayers(self, self._augment_layers, self.factor, value_range, interpolation,
                           seed, data_format, kwargs)

    def build(self, input_shape):
        for name in self._augment_layers:
            getattr(self, name).build_from_shape(input_shape)


# ---------------------------------------------------------------------------
# Categorical, hashing and lookup layers
# ---------------------------------------------------------------------------

def _string_arg(value, allowed, name, owner, allow_none=False, allow_callables=False):
    """Keras's ``validate_string_arg``."""
    if value is None and allow_none:
        return value
    if callable(value) and allow_callables:
        return value
    if isinstance(value, str) and value in allowed:
        return value
    extra = (" or None" if allow_none else "") + (" or a callable" if allow_callables else "")
    raise LayerError(f"{owner}: unknown value for `{name}` argument. Allowed values are: "
                     f"{', '.join(repr(a) for a in allowed)}{extra}. Received: {name}={value!r}")


class CategoryEncoding(_ConfigMixin, Layer):
    """CategoryEncoding: integer indices to one-hot/multi-hot/count vectors of ``num_tokens``."""
    _convert_input_args = False

    call_args = ("inputs", "count_weights")
    _config_keys = ("num_tokens", "output_mode")

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise LayerError(f"{owner}: unknown arg for output_mode: {output_mode!r}. Expected "
                             "one of 'one_hot', 'multi_hot', 'count'.")
        if num_tokens is None:
            raise LayerError(
                f"{owner}: num_tokens must be set to use this layer (the size of the output "
                "vectors). If the number of tokens is not known beforehand, use the "
                "IntegerLookup layer instead.")
        if not _is_number(num_tokens) or num_tokens < 1:
            raise LayerError(f"{owner}: `num_tokens` must be >= 1. Received: "
                             f"num_tokens={num_tokens!r}.")
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if len(input_shape) == 0:
            return (self.num_tokens,)
        if self.output_mode == "one_hot":
            if input_shape[-1] != 1 or len(input_shape) == 1:
                return input_shape + (self.num_tokens,)
            return input_shape[:-1] + (self.num_tokens,)
        return input_shape[:-1] + (self.num_tokens,)

    def compute_output_spec(self, inputs, count_weights=None):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.compute_dtype,
                           sparse=self.sparse)


class Discretization(_ConfigMixin, Layer):
    """Discretization: buckets values by ``bin_boundaries`` (or ``num_bins`` learnt by adapt()).

    Output: int32 bucket indices (``"int"``), or one-hot/multi-hot/count vectors of
    ``len(bin_boundaries) + 1`` (or ``num_bins``) values.  No weights.
    """

    _config_keys = ("bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse")

    def __init__(self, bin_boundaries=None, num_bins=None, epsilon=0.01, output_mode="int",
                 sparse=False, dtype=None, name=None):
        super().__init__(name=name, dtype=dtype)
        owner = describe_layer(self)
        if sparse and output_mode == "int":
            raise LayerError(
                f"{owner}: `sparse=True` may only be used if `output_mode` is 'one_hot', "
                f"'multi_hot', or 'count'. Received: sparse={sparse} and "
                f"output_mode={output_mode!r}")
        _string_arg(output_mode, ("int", "one_hot", "multi_hot", "count"), "output_mode", owner)
        if num_bins is not None and num_bins < 0:
            raise LayerError(f"{owner}: `num_bins` must be greater than or equal to 0. "
                             f"Received: num_bins={num_bins!r}")
        if num_bins is not None and bin_boundaries is not None:
            raise LayerError(f"{owner}: both `num_bins` and `bin_boundaries` should not be set. "
                             f"Received: num_bins={num_bins!r} and "
                             f"bin_boundaries={bin_boundaries!r}")
        if num_bins is None and bin_boundaries is None:
            raise LayerError(f"{owner}: you need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = bin_boundaries
        self.num_bins = num_bins
        self.epsilon = epsilon
        self.output_mode = output_mode
        self.sparse = sparse

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("trainable",):
            config.pop(key, None)
        bins = config.get("bin_boundaries")
        if bins is not None and config.get("num_bins") is not None:
            # After adapt() both are set; Keras applies the boundaries after creation.
            del config["bin_boundaries"]
            layer = cls(**config)
            layer.bin_boundaries = bins
            return layer
        return cls(**config)

    def adapt(self, data, steps=None):
        """Learns bin boundaries from values; they do not change shapes (``num_bins`` does)."""
        from .preprocessing_adapt import adapt_discretization
        adapt_discretization(self, data, steps)

    @property
    def input_dtype(self):
        from ..dtypes import floatx
        return floatx()

    @property
    def output_dtype(self):
        return self.compute_dtype if self.output_mode != "int" else "int32"

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if self.output_mode == "int":
            return input_shape
        depth = (len(self.bin_boundaries) + 1 if self.bin_boundaries is not None
                 else self.num_bins)
        if self.output_mode == "one_hot":
            if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        # multi_hot / count: as Keras, the second axis (not the last) is reduced.
        if len(input_shape) >= 2:
            return (input_shape[0],) + input_shape[2:] + (depth,)
        return (depth,)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.output_dtype)


def _salt(salt, owner, what):
    if salt is None:
        return None
    if isinstance(salt, (tuple, list)) and len(salt) == 2:
        return list(salt)
    if isinstance(salt, int) and not isinstance(salt, bool):
        return [salt, salt]
    raise LayerError(f"{owner}: the `salt` argument for `{what}` can only be a tuple of size 2 "
                     f"integers, or a single integer. Received: salt={salt!r}.")


class Hashing(_ConfigMixin, Layer):
    """Hashing: hashes values into ``num_bins`` bins (int64 indices, or vectors); no weights."""
    _convert_input_args = False

    _config_keys = ("num_bins", "salt", "mask_value", "output_mode", "sparse")

    def __init__(self, num_bins, mask_value=None, salt=None, output_mode="int", sparse=False,
                 **kwargs):
        if kwargs.get("dtype") is None:
            from ..dtypes import floatx
            kwargs["dtype"] = "int64" if output_mode == "int" else floatx()
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if num_bins is None or not _is_number(num_bins) or num_bins <= 0:
            raise LayerError(f"{owner}: the `num_bins` for `Hashing` cannot be `None` or "
                             f"non-positive values. Received: num_bins={num_bins!r}.")
        if output_mode == "int" and self.dtype_policy.name not in ("int32", "int64"):
            raise LayerError(
                f"{owner}: when `output_mode=\"int\"`, `dtype` should be an integer type, "
                f"'int32' or 'int64'. Received: dtype={kwargs['dtype']!r}")
        modes = ("int", "one_hot", "multi_hot", "count")
        if output_mode not in modes:
            raise LayerError(f"{owner}: invalid value for argument `output_mode`. Expected one "
                             f"of {modes}. Received: output_mode={output_mode!r}")
        if sparse and output_mode == "int":
            raise LayerError(
                f"{owner}: `sparse` may only be true if `output_mode` is \"one_hot\", "
                f"\"multi_hot\", or \"count\". Received: sparse={sparse} and "
                f"output_mode={output_mode!r}")
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.strong_hash = salt is not None
        self.output_mode = output_mode
        self.sparse = sparse
        self.salt = _salt(salt, owner, "Hashing")

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return tuple(input_shape)
        if len(input_shape) == 0:
            return (self.num_bins,)
        return tuple(input_shape[:-1]) + (self.num_bins,)

    def compute_output_spec(self, inputs):
        if self.output_mode == "int":
            return KerasTensor(inputs.shape, dtype=self.dtype)
        base = tuple(inputs.shape)[:-1] if len(inputs.shape) >= 1 else ()
        return KerasTensor(base + (self.num_bins,), dtype=self.dtype)


class HashedCrossing(_ConfigMixin, Layer):
    """HashedCrossing: hashes the cross of two features into ``num_bins`` bins; no weights.

    Called on a list of two tensors.  As Keras, other keyword arguments are ignored.
    """
    _convert_input_args = False

    _config_keys = ("num_bins", "output_mode", "sparse")

    def __init__(self, num_bins, output_mode="int", sparse=False, name=None, dtype=None,
                 **kwargs):
        if output_mode == "int" and dtype is None:
            dtype = "int64"
        super().__init__(name=name, dtype=dtype)
        owner = describe_layer(self)
        if sparse:
            from .. import backend_config
            if backend_config.backend() != "tensorflow":
                raise LayerError(f"{owner}: `sparse=True` can only be used with the TensorFlow "
                                 "backend.")
        _string_arg(output_mode, ("int", "one_hot"), "output_mode", owner)
        self.num_bins = num_bins
        self.output_mode = output_mode
        self.sparse = sparse

    def compute_output_shape(self, input_shape):
        if (not isinstance(input_shape, (list, tuple)) or len(input_shape) != 2
                or not all(isinstance(s, tuple) for s in input_shape)):
            raise LayerError(
                f"Layer {describe_layer(self)} expects as input a list/tuple of 2 tensors, e.g. "
                f"HashedCrossing(num_bins=...)([a, b]). Received input_shape="
                f"{format_shape(input_shape)}", self)
        first, second = input_shape
        if first[-1:] != second[-1:]:
            raise LayerError(
                f"Layer {describe_layer(self)} expects the two input tensors to have identical "
                f"shapes. Received input_shape={format_shape(list(input_shape))}", self)
        if self.output_mode == "int":
            return tuple(first)
        if first[-1:] != (1,):
            return tuple(first) + (self.num_bins,)
        return tuple(first)[:-1] + (self.num_bins,)


def _vocab_tokens(vocabulary, owner):
    """The vocabulary as a list (a file path: its lines, as tf.io.gfile reads them)."""
    if isinstance(vocabulary, str):
        import os
        if not os.path.exists(vocabulary):
            raise LayerError(f"{owner}: vocabulary file {vocabulary} does not exist.")
        with open(vocabulary, encoding="utf-8") as f:
            return [line.rstrip("\r\n") for line in f]
    if hasattr(vocabulary, "tolist"):
        vocabulary = vocabulary.tolist()
    return list(vocabulary)


class _IndexLookup(_ConfigMixin, Layer):
    """Keras's ``IndexLookup`` (StringLookup, IntegerLookup): no weights.

    The vocabulary size, which sizes the one_hot/multi_hot/count/tf_idf
    outputs, is the number of tokens plus the OOV indices (plus the mask index
    in ``"int"`` mode); without a vocabulary (before adapt()) it is unknown
    (None) unless ``pad_to_max_tokens=True``.  tf_idf's ``idf_weights`` is a
    TensorFlow variable Keras does not count as a weight.
    """

    _config_keys = ("invert", "max_tokens", "num_oov_indices", "oov_token", "mask_token",
                    "output_mode", "sparse", "pad_to_max_tokens", "vocabulary_dtype",
                    "oov_method", "salt")

    def __init__(self, max_tokens, num_oov_indices, mask_token, oov_token, vocabulary_dtype,
                 vocabulary=None, idf_weights=None, invert=False, output_mode="int",
                 sparse=False, pad_to_max_tokens=False, oov_method="floormod", name=None,
                 salt=None, **kwargs):
        owner = A.owner_of(type(self), name)
        if max_tokens is not None and max_tokens <= 1:
            raise LayerError(f"{owner}: if set, `max_tokens` must be greater than 1. "
                             f"Received: max_tokens={max_tokens!r}")
        if pad_to_max_tokens and max_tokens is None:
            raise LayerError(f"{owner}: if pad_to_max_tokens is True, `max_tokens` must be "
                             f"set. Received: max_tokens={max_tokens!r}")
        if num_oov_indices < 0:
            raise LayerError(f"{owner}: `num_oov_indices` must be greater than or equal to 0. "
                             f"Received: num_oov_indices={num_oov_indices!r}")
        _string_arg(oov_method, ("floormod", "farmhash"), "oov_method", owner)
        if salt is not None:
            if vocabulary_dtype.startswith("int") and oov_method != "farmhash":
                raise LayerError(f"{owner}: `salt` can only be used when "
                                 f"`oov_method='farmhash'`. Received: oov_method={oov_method!r}")
            salt = _salt(salt, owner, "IndexLookup")
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode == "tf-idf":
            output_mode = "tf_idf"
        _string_arg(output_mode, ("int", "one_hot", "multi_hot", "count", "tf_idf"),
                    "output_mode", owner)
        if invert and output_mode != "int":
            raise LayerError(f"{owner}: `output_mode` must be 'int' when `invert` is true. "
                             f"Received: output_mode={output_mode!r}")
        if sparse and output_mode == "int":
            raise LayerError(
                f"{owner}: `sparse` may only be true if `output_mode` is 'one_hot', "
                f"'multi_hot', 'count' or 'tf_idf'. Received: sparse={sparse} and "
                f"output_mode={output_mode!r}")
        if idf_weights is not None and output_mode != "tf_idf":
            raise LayerError(f"{owner}: `idf_weights` should only be set if `output_mode` is "
                             f"'tf_idf'. Received: output_mode={output_mode!r}")
        frozen = kwargs.pop("vocabulary_size", None)
        has_vocab = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        kwargs.pop("trainable", None)
        kwargs.pop("dtype", None)
        if kwargs:
            raise LayerError(f"{owner}: unrecognized keyword argument(s): {kwargs}. "
                             f"{type(self).__name__} takes no other arguments (not even "
                             "input_shape: start the model with keras.Input(shape=..., "
                             "dtype=...)).")
        super().__init__(name=name)
        owner = describe_layer(self)
        self.invert = invert
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.output_mode = output_mode
        self.sparse = sparse
        self.pad_to_max_tokens = pad_to_max_tokens
        self.vocabulary_dtype = vocabulary_dtype
        self.oov_method = oov_method
        self.salt = salt
        self._frozen_vocab_size = frozen
        self.input_vocabulary = vocabulary if not isinstance(vocabulary, str) else None
        self.input_idf_weights = idf_weights
        self._has_input_vocabulary = has_vocab
        if output_mode == "tf_idf" and has_vocab and idf_weights is None:
            raise LayerError(f"{owner}: when specifying the `vocabulary` argument in TF-IDF "
                             "output mode, the `idf_weights` argument must also be provided.")
        if vocabulary is not None:
            self.set_vocabulary(vocabulary, idf_weights)

    def _oov_start_index(self):
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self):
        return self._oov_start_index() + self.num_oov_indices

    def set_vocabulary(self, vocabulary, idf_weights=None):
        owner = describe_layer(self)
        if self.output_mode == "tf_idf":
            if idf_weights is None:
                raise LayerError(f"{owner}: `idf_weights` must be set if output_mode is "
                                 "'tf_idf'.")
        elif idf_weights is not None:
            raise LayerError(f"{owner}: `idf_weights` should only be set if output_mode is "
                             f"'tf_idf'. Received: output_mode={self.output_mode!r}")
        from_file = isinstance(vocabulary, str)
        if from_file and self.output_mode == "tf_idf":
            raise LayerError(f"{owner}: output_mode 'tf_idf' does not support loading a "
                             "vocabulary from file.")
        vocabulary = _vocab_tokens(vocabulary, owner)
        if from_file:
            # Keras builds a table from the file's lines as they are.
            self._frozen_vocab_size = len(vocabulary) + self._token_start_index()
            return
        if not vocabulary:
            raise LayerError(f"{owner}: cannot set an empty vocabulary. "
                             f"Received: vocabulary={vocabulary!r}")
        oov_start = self._oov_start_index()
        token_start = self._token_start_index()
        special = [self.mask_token] * oov_start + [self.oov_token] * self.num_oov_indices
        found_special = list(vocabulary[:token_start]) == special
        tokens = vocabulary[token_start:] if found_special else vocabulary
        seen, repeated = set(), []
        for t in tokens:
            if t in seen and t not in repeated:
                repeated.append(t)
            seen.add(t)
        if repeated:
            raise LayerError(f"{owner}: the passed vocabulary has at least one repeated term. "
                             f"Please uniquify your dataset. The repeated terms are: {repeated}")
        if self.mask_token is not None and self.mask_token in tokens:
            raise LayerError(
                f"{owner}: found reserved mask token {self.mask_token!r} at an unexpected "
                "location in `vocabulary`. The vocabulary does not need to include the OOV and "
                "mask tokens. Either remove all mask and OOV tokens, or include them only at "
                f"the start of the vocabulary in precisely this order: {special}.")
        if self.oov_token is not None and self.invert and self.oov_token in tokens:
            raise LayerError(
                f"{owner}: found reserved OOV token {self.oov_token!r} at an unexpected "
                "location in `vocabulary`. Either remove all mask and OOV tokens, or include "
                f"them only at the start of the vocabulary in precisely this order: {special}.")
        size = token_start + len(tokens)
        if self.max_tokens is not None and size > self.max_tokens:
            raise LayerError(f"{owner}: attempted to set a vocabulary larger than the maximum "
                             f"vocab size. Received vocabulary size is {size}; `max_tokens` is "
                             f"{self.max_tokens}.")
        if self.output_mode == "tf_idf":
            weights = list(idf_weights.tolist() if hasattr(idf_weights, "tolist")
                           else idf_weights)
            if len(vocabulary) != len(weights):
                raise LayerError(f"{owner}: `idf_weights` must be the same length as "
                                 f"vocabulary. len(idf_weights) is {len(weights)}; "
                                 f"len(vocabulary) is {len(vocabulary)}")
        self._frozen_vocab_size = size

    def vocabulary_size(self):
        if self._frozen_vocab_size is None:
            return self._token_start_index()
        return self._frozen_vocab_size

    def adapt(self, data, steps=None):
        """Learns the vocabulary's size from the data (see ``preprocessing_adapt``)."""
        from .preprocessing_adapt import adapt_lookup
        adapt_lookup(self, data, steps)

    @property
    def compute_dtype(self):
        return self.vocabulary_dtype

    @property
    def variable_dtype(self):
        return self.vocabulary_dtype

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return input_shape
        depth = self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size
        input_shape = tuple(input_shape)
        if self.output_mode == "one_hot":
            if len(input_shape) > 1 and input_shape[-1] == 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        return input_shape[:-1] + (depth,)

    def compute_output_spec(self, inputs):
        from ..dtypes import floatx
        dtype = "int64" if self.output_mode == "int" else floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    def get_config(self):
        config = super().get_config()
        config.update(idf_weights=self.input_idf_weights, vocabulary=self.input_vocabulary,
                      vocabulary_size=self._frozen_vocab_size)
        return config

    def explain_output(self):
        if self.output_mode == "int":
            return []
        if self.pad_to_max_tokens:
            return [line(Subject(self.name), formula(
                "output size {} (max_tokens, pad_to_max_tokens=True)", self.max_tokens))]
        if self._frozen_vocab_size is None:
            return [line(Subject(self.name), "output size unknown (None) until the vocabulary "
                         "is set (vocabulary=... or adapt())")]
        start = self._token_start_index()
        parts = [formula("{} tokens", self._frozen_vocab_size - start)]
        if self.num_oov_indices:
            parts.append(formula("{} OOV", self.num_oov_indices))
        if self._oov_start_index():
            parts.append(formula("{} mask", 1))
        terms = formula(" + ".join(["{}"] * len(parts)), *parts)
        return [line(Subject(self.name), formula("output size {} = {}", self._frozen_vocab_size,
                                                 terms))]


class StringLookup(_IndexLookup):
    """StringLookup: strings to int64 indices (or encoded vectors) through a vocabulary."""
    _convert_input_args = False

    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token="[UNK]",
                 vocabulary=None, idf_weights=None, invert=False, output_mode="int",
                 pad_to_max_tokens=False, sparse=False, encoding="utf-8", name=None, salt=None,
                 **kwargs):
        if sparse:
            from .. import backend_config
            if backend_config.backend() != "tensorflow":
                raise LayerError(f"{A.owner_of(type(self), name)}: `sparse=True` can only be "
                                 "used with the TensorFlow backend.")
        self.encoding = encoding
        super().__init__(max_tokens=max_tokens, num_oov_indices=num_oov_indices,
                         mask_token=mask_token, oov_token=oov_token, vocabulary=vocabulary,
                         idf_weights=idf_weights, invert=invert, output_mode=output_mode,
                         pad_to_max_tokens=pad_to_max_tokens, sparse=sparse, name=name,
                         salt=salt, vocabulary_dtype="string", **kwargs)

    def get_config(self):
        config = super().get_config()
        config.pop("vocabulary_dtype", None)
        config["encoding"] = self.encoding
        return config


class IntegerLookup(_IndexLookup):
    """IntegerLookup: integers to int64 indices (or encoded vectors) through a vocabulary."""
    _convert_input_args = False

    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token=-1,
                 vocabulary=None, vocabulary_dtype="int64", idf_weights=None, invert=False,
                 output_mode="int", sparse=False, pad_to_max_tokens=False,
                 oov_method="floormod", salt=None, name=None, **kwargs):
        owner = A.owner_of(type(self), name)
        if max_tokens is not None and max_tokens <= 1:
            raise LayerError(f"{owner}: if `max_tokens` is set for `IntegerLookup`, it must be "
                             f"greater than 1. Received: max_tokens={max_tokens!r}")
        if num_oov_indices < 0:
            raise LayerError(f"{owner}: the value of `num_oov_indices` argument for "
                             f"`IntegerLookup` must >= 0. Received: "
                             f"num_oov_indices={num_oov_indices!r}")
        if sparse:
            from .. import backend_config
            if backend_config.backend() != "tensorflow":
                raise LayerError(f"{owner}: `sparse=True` can only be used with the TensorFlow "
                                 "backend.")
        if vocabulary_dtype != "int64":
            raise LayerError(f"{owner}: only `vocabulary_dtype='int64'` is supported at this "
                             f"time. Received: vocabulary_dtype={vocabulary_dtype!r}")
        super().__init__(max_tokens=max_tokens, num_oov_indices=num_oov_indices,
                         mask_token=mask_token, oov_token=oov_token, vocabulary=vocabulary,
                         vocabulary_dtype=vocabulary_dtype, idf_weights=idf_weights,
                         invert=invert, output_mode=output_mode, sparse=sparse,
                         pad_to_max_tokens=pad_to_max_tokens, oov_method=oov_method, salt=salt,
                         name=name, **kwargs)


class TextVectorization(_ConfigMixin, Layer):
    """TextVectorization: strings to token indices or vectors; no weights.

    ``"int"``: ``(batch, output_sequence_length)`` (None without one).  Other
    modes: a vector per split string of the vocabulary size (its inner
    StringLookup's, mask and OOV included), or ``max_tokens`` with
    ``pad_to_max_tokens=True``.
    """
    _convert_input_args = False

    def __init__(self, max_tokens=None, standardize="lower_and_strip_punctuation",
                 split="whitespace", ngrams=None, output_mode="int", output_sequence_length=None,
                 pad_to_max_tokens=False, vocabulary=None, idf_weights=None, sparse=False,
                 ragged=False, encoding="utf-8", name=None, **kwargs):
        from .. import backend_config
        owner = A.owner_of(type(self), name)
        if sparse and backend_config.backend() != "tensorflow":
            raise LayerError(f"{owner}: `sparse=True` can only be used with the TensorFlow "
                             "backend.")
        if ragged and backend_config.backend() != "tensorflow":
            raise LayerError(f"{owner}: `ragged=True` can only be used with the TensorFlow "
                             "backend.")
        _string_arg(standardize, ("lower_and_strip_punctuation", "lower", "strip_punctuation"),
                    "standardize", owner, allow_none=True, allow_callables=True)
        _string_arg(split, ("whitespace", "character"), "split", owner, allow_none=True,
                    allow_callables=True)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode == "tf-idf":
            output_mode = "tf_idf"
        _string_arg(output_mode, ("int", "one_hot", "multi_hot", "count", "tf_idf"),
                    "output_mode", owner)
        if not (ngrams is None or (isinstance(ngrams, int) and not isinstance(ngrams, bool))
                or (isinstance(ngrams, tuple) and all(isinstance(i, int) for i in ngrams))):
            raise LayerError(f"{owner}: `ngrams` must be None, an integer, or a tuple of "
                             f"integers. Received: ngrams={ngrams!r}")
        if output_mode == "int" and not (output_sequence_length is None or (
                isinstance(output_sequence_length, int)
                and not isinstance(output_sequence_length, bool))):
            raise LayerError(f"{owner}: `output_sequence_length` must be either None or an "
                             "integer when `output_mode` is 'int'. Received: "
                             f"output_sequence_length={output_sequence_length!r}")
        if output_mode != "int" and output_sequence_length is not None:
            raise LayerError(f"{owner}: `output_sequence_length` must not be set if "
                             f"`output_mode` is not 'int'. Received "
                             f"output_sequence_length={output_sequence_length!r}.")
        if ragged and output_mode != "int":
            raise LayerError(f"{owner}: `ragged` must not be true if `output_mode` is not "
                             f"'int'. Received: ragged={ragged} and output_mode={output_mode!r}")
        self._max_tokens = max_tokens
        self._standardize = standardize
        self._split = split
        self._ngrams_arg = ngrams
        self._ngrams = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
        self._ragged = ragged
        self._output_mode = output_mode
        self._output_sequence_length = output_sequence_length
        self._encoding = encoding
        has_vocab = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        super().__init__(name=name, **kwargs)
        try:
            self._lookup_layer = StringLookup(
                max_tokens=max_tokens, vocabulary=vocabulary, idf_weights=idf_weights,
                pad_to_max_tokens=pad_to_max_tokens, mask_token="", output_mode=output_mode,
                sparse=sparse, has_input_vocabulary=has_vocab, encoding=encoding,
                vocabulary_size=vocabulary_size)
        except LayerError as e:
            raise LayerError(f"{describe_layer(self)}: its inner StringLookup (which holds the "
                             f"vocabulary) rejects the arguments: {e}") from None

    @property
    def compute_dtype(self):
        return "string"

    @property
    def variable_dtype(self):
        return "string"

    def build(self, input_shape=None):
        pass

    def vocabulary_size(self):
        return self._lookup_layer.vocabulary_size()

    def adapt(self, data, batch_size=None, steps=None):
        """Learns the vocabulary's size from the data (see ``preprocessing_adapt``)."""
        from .preprocessing_adapt import adapt_text_vectorization
        adapt_text_vectorization(self, data, batch_size, steps)

    def compute_output_shape(self, input_shape):
        if self._output_mode == "int":
            return (input_shape[0], self._output_sequence_length)
        input_shape = tuple(input_shape)
        if self._split is None:
            if len(input_shape) <= 1:
                input_shape = input_shape + (1,)
        else:
            input_shape = input_shape + (None,)
        return self._lookup_layer.compute_output_shape(input_shape)

    def compute_output_spec(self, inputs):
        from ..dtypes import floatx
        dtype = "int64" if self._output_mode == "int" else floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if isinstance(config.get("ngrams"), list):
            config["ngrams"] = tuple(config["ngrams"])
        return cls(**config)

    def get_config(self):
        config = super().get_config()
        lookup = self._lookup_layer
        config.update(
            max_tokens=lookup.max_tokens, standardize=self._standardize, split=self._split,
            ngrams=self._ngrams_arg, output_mode=self._output_mode,
            output_sequence_length=self._output_sequence_length,
            pad_to_max_tokens=lookup.pad_to_max_tokens, sparse=lookup.sparse,
            ragged=self._ragged, vocabulary=lookup.input_vocabulary,
            idf_weights=lookup.input_idf_weights, encoding=self._encoding,
            vocabulary_size=self.vocabulary_size())
        return config

    def explain_output(self):
        if self._output_mode == "int":
            length = self._output_sequence_length
            return [line(Subject(self.name), formula("(batch, {}) token indices ", length),
                         "(output_sequence_length)" if length is not None else
                         "(no output_sequence_length: one index per token, length unknown)")]
        lookup = self._lookup_layer
        return [line(Subject(self.name), l.without_subject()) if l.subject == lookup.name else l
                for l in map(text, lookup.explain_output())]


# ---------------------------------------------------------------------------
# Audio
# ---------------------------------------------------------------------------

_SCIPY_WINDOWS = frozenset({
    "bart", "barthann", "bartlett", "bkh", "black", "blackharr", "blackman", "blackmanharris",
    "blk", "bman", "bmn", "bohman", "box", "boxcar", "brt", "brthan", "bth", "cosine",
    "exponential", "flat", "flattop", "flt", "halfcosine", "ham", "hamm", "hamming", "han",
    "hann", "lanczos", "nut", "nutl", "nuttall", "ones", "par", "parz", "parzen", "poisson",
    "rect", "rectangular", "sinc", "taylor", "taylorwin", "tri", "triang", "triangle", "tuk",
    "tukey",
})


class STFTSpectrogram(_ConfigMixin, Layer):
    """STFTSpectrogram: a short-time Fourier transform as two 1D convolutions.

    Weights ``real_kernel`` and/or ``imag_kernel`` of shape ``(frame_length, 1,
    fft_length // 2 + 1)`` (trainable unless the layer is frozen), the STFT
    basis.  Inputs ``(batch, time, channels)``; output ``(batch, frames,
    channels x frequencies)`` (x2 for ``mode="stft"``), or ``(batch, frames,
    frequencies, channels)`` with ``expand_dims=True``.
    """

    _config_keys = ("mode", "frame_length", "frame_step", "fft_length", "window", "periodic",
                    "scaling", "padding", "data_format", "expand_dims")

    def __init__(self, mode="log", frame_length=256, frame_step=None, fft_length=None,
                 window="hann", periodic=False, scaling="density", padding="valid",
                 expand_dims=False, data_format=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        if frame_step is not None and (frame_step > frame_length or frame_step < 1):
            raise LayerError(f"{owner}: `frame_step` should be a positive integer not greater "
                             f"than `frame_length`. Received frame_step={frame_step!r}, "
                             f"frame_length={frame_length!r}")
        if fft_length is not None and fft_length < frame_length:
            raise LayerError(f"{owner}: `fft_length` should be not less than `frame_length`. "
                             f"Received fft_length={fft_length!r}, "
                             f"frame_length={frame_length!r}")
        if fft_length is not None and (fft_length & -fft_length) != fft_length:
            warnings.warn(f"`fft_length` is recommended to be a power of two. Received "
                          f"fft_length={fft_length}", UserWarning, stacklevel=3)
        modes = ["log", "magnitude", "psd", "real", "imag", "angle", "stft"]
        if mode not in modes:
            raise LayerError(f"{owner}: output mode is invalid, it must be one of "
                             f"{', '.join(modes)}. Received: mode={mode!r}")
        if scaling is not None and scaling not in ("density", "spectrum"):
            raise LayerError(f"{owner}: scaling is invalid, it must be `None`, 'density' or "
                             f"'spectrum'. Received scaling={scaling!r}")
        if padding not in ("valid", "same"):
            raise LayerError(f"{owner}: padding is invalid, it should be 'valid', 'same'. "
                             f"Received: padding={padding!r}")
        if isinstance(window, str) and window.lower() not in _SCIPY_WINDOWS:
            raise LayerError(f"{owner}: unknown window type {window!r} (scipy.signal.get_window "
                             "names, e.g. 'hann', 'hamming', 'blackman', 'boxcar').")
        super().__init__(**kwargs)
        self.mode = mode
        self.frame_length = frame_length
        self.frame_step = frame_step
        self._frame_step = frame_step or frame_length // 2
        self.fft_length = fft_length
        self._fft_length = fft_length or 2 ** int(math.ceil(math.log2(frame_length)))
        self.window = window
        self.periodic = periodic
        self.scaling = scaling
        self.padding = padding
        self.expand_dims = expand_dims
        self.data_format = A.standardize_data_format(data_format, describe_layer(self))
        self.input_spec = InputSpec(ndim=3)

    def build(self, input_shape):
        shape = (self.frame_length, 1, self._fft_length // 2 + 1)
        if self.mode != "imag":
            self.real_kernel = self.add_weight(name="real_kernel", shape=shape,
                                               initializer="stft")
        if self.mode != "real":
            self.imag_kernel = self.add_weight(name="imag_kernel", shape=shape,
                                               initializer="stft")

    def compute_output_shape(self, input_shape):
        channels = input_shape[-1] if self.data_format == "channels_last" else input_shape[1]
        freq = self._fft_length // 2 + 1
        if self.mode == "stft":
            freq *= 2
        filters = None if channels is None else freq * channels
        try:
            shape = conv_output_shape(tuple(input_shape), filters, (self.frame_length,),
                                      strides=self._frame_step, padding=self.padding,
                                      data_format=self.data_format)
        except ShapeError as e:
            time_axis = 1 if self.data_format == "channels_last" else 2
            e.fix = (f"Each frame takes frame_length={self.frame_length} samples, so the time "
                     f"axis (axis {time_axis}) needs at least that many; use a longer input, a "
                     "smaller frame_length, or padding='same'")
            raise
        if self.expand_dims:
            if self.data_format == "channels_last":
                return (shape[0], shape[1], freq, channels)
            return (shape[0], channels, shape[2], freq)
        return shape

    def explain(self):
        n = self.frame_length * (self._fft_length // 2 + 1)
        kernels = [w for w in self.weights]
        names = " + ".join(w.name for w in kernels)
        return [line(Subject(self.name), formula(
            names + ": {} x frame_length {} x {} frequencies (fft_length {} // 2 + 1) = {}",
            len(kernels), self.frame_length, self._fft_length // 2 + 1, self._fft_length,
            len(kernels) * n))]


class MelSpectrogram(_ConfigMixin, Layer):
    """MelSpectrogram: audio to a mel spectrogram; no weights.

    Output ``(batch, num_mel_bins, (samples + sequence_stride + 1) // sequence_stride)``
    (Keras's formula).
    """

    _config_keys = ("fft_length", "sequence_stride", "sequence_length", "window",
                    "sampling_rate", "num_mel_bins", "min_freq", "max_freq", "power_to_db",
                    "top_db", "mag_exp", "min_power", "ref_power")

    def __init__(self, fft_length=2048, sequence_stride=512, sequence_length=None, window="hann",
                 sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None,
                 power_to_db=True, top_db=80.0, mag_exp=2.0, min_power=1e-10, ref_power=1.0,
                 **kwargs):
        self.fft_length = fft_length
        self.sequence_stride = sequence_stride
        self.sequence_length = sequence_length or fft_length
        if self.fft_length < self.sequence_length:
            raise LayerError(
                f"{A.owner_of(type(self), kwargs.get('name'))}: `fft_length` must be greater "
                f"than or equal to `sequence_length`. Received: "
                f"sequence_length={self.sequence_length!r}, fft_length={self.fft_length!r}.")
        self.window = window
        self.sampling_rate = sampling_rate
        self.num_mel_bins = num_mel_bins
        self.min_freq = min_freq
        self.max_freq = max_freq or int(sampling_rate / 2)
        self.power_to_db = power_to_db
        self.top_db = top_db
        self.mag_exp = mag_exp
        self.min_power = min_power
        self.ref_power = ref_power
        super().__init__(**kwargs)

    def compute_output_shape(self, input_shape):
        stride = self.sequence_stride
        if len(input_shape) == 1:
            n = input_shape[0]
            return (self.num_mel_bins, None if n is None else (n + stride + 1) // stride)
        n = input_shape[1]
        return (input_shape[0], self.num_mel_bins,
                None if n is None else (n + stride + 1) // stride)


# ---------------------------------------------------------------------------
# Pipeline
# ---------------------------------------------------------------------------

class Pipeline(Layer):
    """Pipeline: applies its layers in order; its weights are theirs.

    As Keras, the inner layers are called while the Pipeline is traced: they
    are built but record no nodes of their own.
    """
    _convert_input_args = False
    call_mask_args = ("mask",)

    def __init__(self, layers, name=None):
        super().__init__(name=name)
        self._pipeline_layers = layers

    @property
    def layers(self):
        return self._pipeline_layers

    def call(self, inputs, training=True, mask=None):
        for layer in self._pipeline_layers:
            inputs = layer(inputs)
        return inputs

    @classmethod
    def from_config(cls, config):
        from ..formats.config import deserialize_layer
        config = dict(config)
        layers = config.get("layers")
        if not isinstance(layers, (list, tuple)):
            raise LayerError("`Pipeline` config must contain a `layers` key mapping to a list of "
                             f"serialized layers. Received config with layers={layers!r}.")
        config["layers"] = [deserialize_layer(x) for x in layers]
        config.pop("trainable", None)
        config.pop("dtype", None)
        return cls(**config)

    def get_config(self):
        return {"layers": [{"class_name": type(l).__name__, "config": l.get_config()}
                           for l in self._pipeline_layers], "name": self.name}
