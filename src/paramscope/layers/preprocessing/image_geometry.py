"""Image layers that move or resize pixels: crops, flips, rotations, shears,
translations, zooms, resizing (keras/src/layers/preprocessing/image_preprocessing)."""

from __future__ import annotations

from ...explanation import Subject, formula, line, text
from ...errors import LayerError, ShapeError, describe_layer, format_shape
from .. import args as A
from ..base import Layer
from .common import check_choice, check_dims, factor_pair, in_unit, is_number
from .image import ImagePreprocessingLayer

__all__ = ["CenterCrop", "RandomCrop", "RandomElasticTransform", "RandomFlip", "RandomPerspective",
           "RandomRotation", "RandomShear", "RandomTranslation", "RandomZoom", "Resizing",
           "RandomHeight", "RandomWidth"]


class RandomCrop(ImagePreprocessingLayer):
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
        return check_dims(self, shape)

    def explain_output(self):
        return _explain_resize(self)


class RandomElasticTransform(ImagePreprocessingLayer):
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
        self.scale = factor_pair(scale, self._FACTOR_BOUNDS, "scale", self._owner)
        self.interpolation = interpolation
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.value_range = value_range
        self.seed = seed
        check_choice(interpolation, self._SUPPORTED_INTERPOLATION, "interpolation", self._owner)
        check_choice(fill_mode, self._SUPPORTED_FILL_MODES, "fill_mode", self._owner)


class RandomFlip(ImagePreprocessingLayer):
    """RandomFlip: flips horizontally and/or vertically; no weights."""
    owns_seed_generator = True
    _convert_input_args = False

    _USE_BASE_FACTOR = False
    _config_keys = ("mode", "seed")

    def __init__(self, mode="horizontal_and_vertical", seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.seed = seed
        self.mode = mode


class RandomPerspective(ImagePreprocessingLayer):
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
        if not is_number(scale) or scale < 0.0 or scale > 1.0:
            raise LayerError(f"{self._owner}: the `scale` argument should be a number in the "
                             f"range [0, 1]. Received: scale={scale!r}")
        check_choice(interpolation, self._SUPPORTED_INTERPOLATION, "interpolation", self._owner)


_FILL_MODES = ("reflect", "wrap", "constant", "nearest")
_INTERPOLATIONS = ("nearest", "bilinear")


def _signed_range(factor):
    """A number ``f`` given as a factor: the range ``(-|f|, |f|)``."""
    return (-abs(factor), abs(factor))


def _set_fill_arguments(layer, fill_mode, interpolation, fill_value, seed):
    """How the transformed image is filled and interpolated (checked as Keras checks them),
    and the seed: RandomShear's, RandomTranslation's and RandomZoom's arguments."""
    check_choice(fill_mode, _FILL_MODES, "fill_mode", layer._owner)
    check_choice(interpolation, _INTERPOLATIONS, "interpolation", layer._owner)
    layer.fill_mode = fill_mode
    layer.fill_value = fill_value
    layer.interpolation = interpolation
    layer.seed = seed


class RandomRotation(ImagePreprocessingLayer):
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
        check_choice(fill_mode, _FILL_MODES, "fill_mode", self._owner)
        check_choice(interpolation, _INTERPOLATIONS, "interpolation", self._owner)


class RandomShear(ImagePreprocessingLayer):
    """RandomShear: random shear along x and/or y; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _config_keys = ("x_factor", "y_factor", "interpolation", "fill_mode", "fill_value", "seed")

    def __init__(self, x_factor=0.0, y_factor=0.0, interpolation="bilinear", fill_mode="reflect",
                 fill_value=0.0, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.x_factor = factor_pair(x_factor, (0, 1), "x_factor", self._owner,
                                    _signed_range, in_unit)
        self.y_factor = factor_pair(y_factor, (0, 1), "y_factor", self._owner,
                                    _signed_range, in_unit)
        _set_fill_arguments(self, fill_mode, interpolation, fill_value, seed)

    @classmethod
    def from_config(cls, config):
        # Keras saves a number f as the pair (-f, f), which its own constructor then rejects
        # (Keras 3.15 cannot reload a saved RandomShear); read it back as the number f.
        config = dict(config)
        for key in ("x_factor", "y_factor"):
            value = config.get(key)
            if isinstance(value, (list, tuple)) and len(value) == 2 and all(
                    is_number(v) for v in value) and min(value) < 0:
                config[key] = max(abs(v) for v in value)
        return cls(**config)


class RandomTranslation(ImagePreprocessingLayer):
    """RandomTranslation: shifts by random fractions of the height and width; no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _config_keys = ("height_factor", "width_factor", "fill_mode", "interpolation", "fill_value",
                    "seed")

    def __init__(self, height_factor, width_factor, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        check = lambda f: -1.0 <= f <= 1.0  # noqa: E731
        self.height_factor = height_factor
        self.height_lower, self.height_upper = factor_pair(
            height_factor, (-1, 1), "height_factor", self._owner, _signed_range, check)
        self.width_factor = width_factor
        self.width_lower, self.width_upper = factor_pair(
            width_factor, (-1, 1), "width_factor", self._owner, _signed_range, check)
        _set_fill_arguments(self, fill_mode, interpolation, fill_value, seed)


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


class RandomZoom(ImagePreprocessingLayer):
    """RandomZoom: zooms by random fractions of the height (and width); no weights."""
    owns_seed_generator = True

    _USE_BASE_FACTOR = False
    _config_keys = ("height_factor", "width_factor", "fill_mode", "interpolation", "fill_value",
                    "seed")

    def __init__(self, height_factor, width_factor=None, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(**kwargs)
        check = lambda f: -1.0 < f <= 1.0  # noqa: E731
        self.height_factor = height_factor
        self.height_lower, self.height_upper = factor_pair(
            height_factor, (-1, 1), "height_factor", self._owner, _signed_range, check)
        self.width_factor = width_factor
        if width_factor is not None:
            self.width_lower, self.width_upper = factor_pair(
                width_factor, (-1, 1), "width_factor", self._owner, _signed_range, check)
        _set_fill_arguments(self, fill_mode, interpolation, fill_value, seed)
        self.data_format = A.standardize_data_format(data_format, self._owner)


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


class Resizing(ImagePreprocessingLayer):
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
        return check_dims(self, shape)

    def explain_output(self):
        return _explain_resize(self)


class CenterCrop(ImagePreprocessingLayer):
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
        return check_dims(self, shape)

    def explain_output(self):
        return _explain_resize(self)
