"""Preprocessing layers (keras/src/layers/preprocessing), as Keras 3.15.

Only Normalization (``mean``/``variance``/``count``, when not given) and
STFTSpectrogram (``real_kernel``/``imag_kernel``) have weights.  The others
change shapes and dtypes only: lookups and encodings size their outputs from
the vocabulary / ``num_tokens`` / ``num_bins`` given in the code (paramscope
never runs ``adapt()``; an unadapted layer has the sizes Keras gives it before
adapt, often ``None``), image layers keep or resize the image shape, and the
random augmentation layers' seed generators are layer state, not weights.

One module per kind, as keras/src/layers/preprocessing: ``scaling`` (Rescaling,
Normalization), ``image`` (the image base layer; colour, intensity and mixing),
``image_geometry`` (crops, flips, rotations, resizing), ``image_augment``
(RandAugment, AugMix), ``encoding`` (categories, bins, hashing), ``lookup``,
``text``, ``audio``, ``pipeline``; ``common`` holds the shared argument checks
and ``adapt`` what ``adapt()`` reads from data.
"""

from __future__ import annotations

from .scaling import Normalization, Rescaling
from .image import (AutoContrast, ContrastLimitedAdaptiveHistogramEqualization, CutMix,
                    Equalization, MaxNumBoundingBoxes, MixUp, RandomBrightness,
                    RandomColorDegeneration, RandomColorJitter, RandomContrast, RandomErasing,
                    RandomGaussianBlur, RandomGrayscale, RandomHue, RandomInvert,
                    RandomPosterization, RandomSaturation, RandomSharpness, Solarization)
from .image_geometry import (CenterCrop, RandomCrop, RandomElasticTransform, RandomFlip,
                             RandomHeight, RandomPerspective, RandomRotation, RandomShear,
                             RandomTranslation, RandomWidth, RandomZoom, Resizing)
from .image_augment import AugMix, RandAugment
from .encoding import CategoryEncoding, Discretization, HashedCrossing, Hashing
from .lookup import IntegerLookup, StringLookup
from .text import TextVectorization
from .audio import MelSpectrogram, STFTSpectrogram
from .pipeline import Pipeline

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
