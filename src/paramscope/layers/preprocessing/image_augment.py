"""RandAugment and AugMix: image layers made of other augmentation layers."""

from __future__ import annotations

from .image import (AutoContrast, Equalization, ImagePreprocessingLayer, RandomBrightness,
                    RandomColorDegeneration, RandomContrast, RandomPosterization, RandomSharpness,
                    Solarization)
from .image_geometry import RandomRotation, RandomShear, RandomTranslation

__all__ = ["AugMix", "RandAugment"]


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


class RandAugment(ImagePreprocessingLayer):
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


class AugMix(ImagePreprocessingLayer):
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
