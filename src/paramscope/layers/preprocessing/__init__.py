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

from .. import family_member

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


def __getattr__(name):
    """Each layer from its module, imported on first use (see ``layers.family_member``)."""
    return family_member(__name__, name)
