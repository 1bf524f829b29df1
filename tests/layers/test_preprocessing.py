"""Preprocessing layers against real Keras 3.15 (with TensorFlow importable, which the
lookup, hashing and text layers need).

``CASES`` were recorded from real Keras 3.15.1 (``KERAS_BACKEND=jax``), one per row::

    layer = getattr(keras.layers, cls)(**kwargs)
    built_at_init = layer.built
    y = layer(keras.Input(tuple(shape), dtype=dtype))
    row = [cls, kwargs, shape, dtype, built_at_init, list(y.shape), y.dtype,
           [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights],
           None]  # or the exception's class name when Keras raised
                  # ("init:<class>" when the constructor raised)
"""

import json
import warnings

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.summary import summarize
from keras_table import check_like_keras, explain_of

# [class, kwargs, input shape (no batch), input dtype, built at init, output shape,
#  output dtype, weights [name, shape, dtype, trainable], Keras exception or None]
CASES = json.loads(r'''[
 ["Rescaling", {"scale": 0.5, "offset": 1.0}, [4, 5], "int32", false, [null, 4, 5], "float32", [], null],
 ["Rescaling", {"scale": [1.0, 2.0, 3.0]}, [4, 5, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["Normalization", {}, [4], null, false, [null, 4], "float32", [["mean", [4], "float32", false], ["variance", [4], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": [1, 2]}, [3, 4, 5], null, false, [null, 3, 4, 5], "float32", [["mean", [3, 4], "float32", false], ["variance", [3, 4], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": [-1, 1]}, [3, 4, 5], null, false, [null, 3, 4, 5], "float32", [["mean", [3, 5], "float32", false], ["variance", [3, 5], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": null}, [3, 4], "int32", false, [null, 3, 4], "float32", [["mean", [], "float32", false], ["variance", [], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": 0}, [3], null, null, null, null, null, "ValueError"],
 ["Normalization", {"axis": 2}, [3], null, null, null, null, null, "ValueError"],
 ["Normalization", {}, [null], null, null, null, null, null, "ValueError"],
 ["Normalization", {"axis": 1}, [null, 3], null, null, null, null, null, "ValueError"],
 ["Normalization", {"mean": [1.0, 2.0, 3.0, 4.0], "variance": [1.0, 1.0, 1.0, 1.0]}, [4], null, false, [null, 4], "float32", [], null],
 ["Normalization", {"mean": 2.0, "variance": 1.0}, [4], null, false, [null, 4], "float32", [], null],
 ["Normalization", {"mean": [1.0, 2.0, 3.0], "variance": [1.0, 1.0, 1.0]}, [4], null, null, null, null, null, "ValueError"],
 ["Normalization", {"mean": [1.0, 2.0], "variance": [1.0, 1.0, 1.0]}, [4], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"mean": [[1.0, 2.0]], "variance": [[1.0, 1.0]]}, [4], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"mean": 1.0}, [4], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"invert": true, "dtype": "float16"}, [4], null, false, [null, 4], "float16", [["mean", [4], "float16", false], ["variance", [4], "float16", false], ["count", [], "int32", false]], null],
 ["Normalization", {"dtype": "mixed_float16"}, [2, 4], null, false, [null, 2, 4], "float16", [["mean", [4], "float32", false], ["variance", [4], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"dtype": "float64"}, [4], null, false, [null, 4], "float64", [["mean", [4], "float64", false], ["variance", [4], "float64", false], ["count", [], "int32", false]], null],
 ["Normalization", {}, [], null, null, null, null, null, "ValueError"],
 ["Normalization", {"axis": null}, [], null, false, [null], "float32", [["mean", [], "float32", false], ["variance", [], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"mean": [1.0, 2.0], "variance": [1.0, 1.0], "axis": [1, 2]}, [3, 2], null, false, [null, 3, 2], "float32", [], null],
 ["Normalization", {"mean": [[1.0, 2.0]], "variance": [[1.0, 1.0]], "axis": [1, 2]}, [3, 2], null, false, [null, 3, 2], "float32", [], null],
 ["Normalization", {"mean": [1.0, 2.0, 3.0], "variance": [1.0, 1.0, 1.0], "axis": [1, 2]}, [3, 2], null, null, null, null, null, "ValueError"],
 ["Normalization", {"mean": [1.0, 2.0, 3.0], "variance": [1.0, 1.0, 1.0], "axis": null}, [3], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"axis": [1, 1]}, [3, 2], null, null, null, null, null, "TypeError"],
 ["Normalization", {"axis": -1}, [3, 2], "string", false, [null, 3, 2], "float32", [["mean", [2], "float32", false], ["variance", [2], "float32", false], ["count", [], "int32", false]], null]
,
 ["AutoContrast", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["AutoContrast", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["AutoContrast", {}, [5], null, false, [null, 5], "float32", [], null],
 ["AutoContrast", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["Equalization", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["Equalization", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "uint8", [], null],
 ["Equalization", {}, [5], null, false, [null, 5], "float32", [], null],
 ["Equalization", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["ContrastLimitedAdaptiveHistogramEqualization", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["ContrastLimitedAdaptiveHistogramEqualization", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["ContrastLimitedAdaptiveHistogramEqualization", {}, [5], null, false, [null, 5], "float32", [], null],
 ["ContrastLimitedAdaptiveHistogramEqualization", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["CutMix", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["CutMix", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["CutMix", {}, [5], null, false, [null, 5], "float32", [], null],
 ["CutMix", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["MixUp", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["MixUp", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["MixUp", {}, [5], null, false, [null, 5], "float32", [], null],
 ["MixUp", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandAugment", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandAugment", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandAugment", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandAugment", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["AugMix", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["AugMix", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["AugMix", {}, [5], null, false, [null, 5], "float32", [], null],
 ["AugMix", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomColorJitter", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomColorJitter", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomColorJitter", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomColorJitter", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomElasticTransform", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomElasticTransform", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomElasticTransform", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomElasticTransform", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomErasing", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomErasing", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomErasing", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomErasing", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomFlip", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomFlip", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomFlip", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomFlip", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomGaussianBlur", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomGaussianBlur", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomGaussianBlur", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomGaussianBlur", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomGrayscale", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomGrayscale", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "uint8", [], null],
 ["RandomGrayscale", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomGrayscale", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomInvert", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomInvert", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomInvert", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomInvert", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomPerspective", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomPerspective", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomPerspective", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomPerspective", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomShear", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomShear", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomShear", {}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomShear", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["Solarization", {}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["Solarization", {}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["Solarization", {}, [5], null, false, [null, 5], "float32", [], null],
 ["Solarization", {}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomBrightness", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomColorDegeneration", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomColorDegeneration", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomColorDegeneration", {"factor": 0.2}, [5], null, null, null, null, null, "ValueError"],
 ["RandomColorDegeneration", {"factor": 0.2}, [8, 10], null, null, null, null, null, "ValueError"],
 ["RandomColorDegeneration", {"factor": 0.2}, [2, 8, 10, 3], null, null, null, null, null, "ValueError"],
 ["RandomColorDegeneration", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomColorDegeneration", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomContrast", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomContrast", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomContrast", {"factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomContrast", {"factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomContrast", {"factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomContrast", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomContrast", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomHue", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomHue", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomHue", {"factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomHue", {"factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomHue", {"factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomHue", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomHue", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomPosterization", {"factor": 4}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomPosterization", {"factor": 4}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomPosterization", {"factor": 4}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomPosterization", {"factor": 4}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomPosterization", {"factor": 4}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomPosterization", {"factor": 4, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomPosterization", {"factor": 4, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomRotation", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomRotation", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomRotation", {"factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomRotation", {"factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomRotation", {"factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomRotation", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomRotation", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomSaturation", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomSaturation", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomSaturation", {"factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomSaturation", {"factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomSaturation", {"factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomSaturation", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomSaturation", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomSharpness", {"factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomSharpness", {"factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomSharpness", {"factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomSharpness", {"factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomSharpness", {"factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomSharpness", {"factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomSharpness", {"factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomTranslation", {"height_factor": 0.2, "width_factor": 0.1, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomZoom", {"height_factor": 0.2}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomZoom", {"height_factor": 0.2}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomZoom", {"height_factor": 0.2}, [5], null, false, [null, 5], "float32", [], null],
 ["RandomZoom", {"height_factor": 0.2}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["RandomZoom", {"height_factor": 0.2}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["RandomZoom", {"height_factor": 0.2, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["RandomZoom", {"height_factor": 0.2, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomCrop", {"height": 4, "width": 5}, [8, 10, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["RandomCrop", {"height": 4, "width": 5}, [8, 10, 3], "uint8", false, [null, 4, 5, 3], "float32", [], null],
 ["RandomCrop", {"height": 4, "width": 5}, [5], null, null, null, null, null, "IndexError"],
 ["RandomCrop", {"height": 4, "width": 5}, [8, 10], null, false, [4, 5, 10], "float32", [], null],
 ["RandomCrop", {"height": 4, "width": 5}, [2, 8, 10, 3], null, false, [null, 2, 4, 5, 3], "float32", [], null],
 ["RandomCrop", {"height": 4, "width": 5, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 4, 5], "float32", [], null],
 ["RandomCrop", {"height": 4, "width": 5, "dtype": "float16"}, [8, 10, 3], null, false, [null, 4, 5, 3], "float16", [], null],
 ["CenterCrop", {"height": 4, "width": 5}, [8, 10, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["CenterCrop", {"height": 4, "width": 5}, [8, 10, 3], "uint8", false, [null, 4, 5, 3], "float32", [], null],
 ["CenterCrop", {"height": 4, "width": 5}, [5], null, null, null, null, null, "ValueError"],
 ["CenterCrop", {"height": 4, "width": 5}, [8, 10], null, false, [4, 5, 10], "float32", [], null],
 ["CenterCrop", {"height": 4, "width": 5}, [2, 8, 10, 3], null, null, null, null, null, "ValueError"],
 ["CenterCrop", {"height": 4, "width": 5, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 4, 5], "float32", [], null],
 ["CenterCrop", {"height": 4, "width": 5, "dtype": "float16"}, [8, 10, 3], null, false, [null, 4, 5, 3], "float16", [], null],
 ["Resizing", {"height": 4, "width": 5}, [8, 10, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5}, [8, 10, 3], "uint8", false, [null, 4, 5, 3], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5}, [5], null, false, [4, 5], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5}, [8, 10], null, false, [4, 5, 10], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5}, [2, 8, 10, 3], null, false, [4, 5, 8, 10, 3], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 4, 5], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5, "dtype": "float16"}, [8, 10, 3], null, false, [null, 4, 5, 3], "float16", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3}, [8, 10, 3], "uint8", false, [null, 8, 10, 3], "float32", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3}, [5], null, false, [null, 5], "float32", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3}, [8, 10], null, false, [null, 8, 10], "float32", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3}, [2, 8, 10, 3], null, false, [null, 2, 8, 10, 3], "float32", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3, "data_format": "channels_first"}, [3, 8, 10], null, false, [null, 3, 8, 10], "float32", [], null],
 ["MaxNumBoundingBoxes", {"max_number": 3, "dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomGrayscale", {}, [8, 10, 3], "float16", false, [null, 8, 10, 3], "float32", [], null],
 ["RandomGrayscale", {}, [8, 10, 3], "int32", false, [null, 8, 10, 3], "int32", [], null],
 ["RandomGrayscale", {"dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["Equalization", {}, [8, 10, 3], "int32", false, [null, 8, 10, 3], "int32", [], null],
 ["Equalization", {"dtype": "float16"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float16", [], null],
 ["RandomColorDegeneration", {"factor": 0.2}, [8, 10, 4], null, null, null, null, null, "ValueError"],
 ["RandomColorDegeneration", {"factor": 0.2}, [8, 10, null], null, false, [null, 8, 10, null], "float32", [], null],
 ["RandomCrop", {"height": 4, "width": 5}, [null, null, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["CenterCrop", {"height": 4, "width": 5}, [null, null, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["CenterCrop", {"height": 4, "width": 5}, [2, 3, 8, 10, 3], null, null, null, null, null, "ValueError"],
 ["Resizing", {"height": 4, "width": 5}, [2, 3, 8, 10, 3], null, false, [4, 5, 3, 8, 10, 3], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5, "crop_to_aspect_ratio": true, "pad_to_aspect_ratio": true}, [8, 10, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["Resizing", {"height": 4, "width": 5, "interpolation": "foo"}, [8, 10, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["Resizing", {"height": 4.5, "width": 5}, [8, 10, 3], null, null, null, null, null, "ValueError"],
 ["Resizing", {"height": 0, "width": 5}, [8, 10, 3], null, false, [null, 0, 5, 3], "float32", [], null],
 ["CenterCrop", {"height": 20, "width": 5}, [8, 10, 3], null, false, [null, 20, 5, 3], "float32", [], null],
 ["RandomCrop", {"height": 20, "width": 5}, [8, 10, 3], null, false, [null, 20, 5, 3], "float32", [], null],
 ["RandomFlip", {"mode": "foo"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["RandomRotation", {"factor": 2.0}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomRotation", {"factor": 0.2, "fill_mode": "foo"}, [8, 10, 3], null, null, null, null, null, "init:NotImplementedError"],
 ["RandomRotation", {"factor": [0.1, 0.2, 0.3]}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomZoom", {"height_factor": -1.0}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomTranslation", {"height_factor": 1.5, "width_factor": 0.1}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomContrast", {"factor": -0.1}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomContrast", {"factor": 1.5}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomBrightness", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomBrightness", {"factor": 0.2, "value_range": [0]}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomGrayscale", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomPosterization", {"factor": 9}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomPosterization", {"factor": 0}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomGaussianBlur", {"kernel_size": 4}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomHue", {"factor": 1.5}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomPerspective", {"scale": 1.5}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomElasticTransform", {"interpolation": "bicubic"}, [8, 10, 3], null, null, null, null, null, "init:NotImplementedError"],
 ["Solarization", {"addition_factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["AutoContrast", {"value_range": 5}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandAugment", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["AugMix", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["MixUp", {"alpha": -1}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["CutMix", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomErasing", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomShear", {"x_factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomInvert", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomSharpness", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomSaturation", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomColorDegeneration", {"factor": 2}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomFlip", {"factor": 0.5}, [8, 10, 3], null, null, null, null, null, "init:ValueError"],
 ["RandomFlip", {"bounding_box_format": "xyxy"}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["ContrastLimitedAdaptiveHistogramEqualization", {"tile_grid_size": 3}, [8, 10, 3], null, false, [null, 8, 10, 3], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, [], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, [1], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, [3], "int32", false, [null, 3, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, [2, 3], "int32", false, [null, 2, 3, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "one_hot"}, [2, 1], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "multi_hot"}, [], "int32", false, [5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "multi_hot"}, [1], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "multi_hot"}, [3], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "multi_hot"}, [2, 3], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "multi_hot"}, [2, 1], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "count"}, [], "int32", false, [5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "count"}, [1], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "count"}, [3], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "count"}, [2, 3], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "count"}, [2, 1], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "binary"}, [], "int32", false, [5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "binary"}, [1], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "binary"}, [3], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "binary"}, [2, 3], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "binary"}, [2, 1], "int32", false, [null, 2, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5}, [3], "float32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "dtype": "float16"}, [3], "int32", false, [null, 5], "float16", [], null],
 ["CategoryEncoding", {"num_tokens": 5, "sparse": true}, [3], "int32", false, [null, 5], "float32", [], null],
 ["CategoryEncoding", {}, [3], "int32", null, null, null, null, "init:ValueError"],
 ["CategoryEncoding", {"num_tokens": 0}, [3], "int32", null, null, null, null, "init:ValueError"],
 ["CategoryEncoding", {"num_tokens": 5, "output_mode": "int"}, [3], "int32", null, null, null, null, "init:ValueError"],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "int"}, [], null, false, [null], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "int"}, [1], null, false, [null, 1], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "int"}, [3], null, false, [null, 3], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "int"}, [2, 3], null, false, [null, 2, 3], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "int"}, [2, 3, 4], null, false, [null, 2, 3, 4], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "int"}, [2, 1], null, false, [null, 2, 1], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "one_hot"}, [], null, false, [null, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "one_hot"}, [1], null, false, [null, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "one_hot"}, [3], null, false, [null, 3, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "one_hot"}, [2, 3], null, false, [null, 2, 3, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "one_hot"}, [2, 3, 4], null, false, [null, 2, 3, 4, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "one_hot"}, [2, 1], null, false, [null, 2, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "multi_hot"}, [], null, false, [4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "multi_hot"}, [1], null, false, [null, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "multi_hot"}, [3], null, false, [null, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "multi_hot"}, [2, 3], null, false, [null, 3, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "multi_hot"}, [2, 3, 4], null, false, [null, 3, 4, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "multi_hot"}, [2, 1], null, false, [null, 1, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "count"}, [], null, false, [4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "count"}, [1], null, false, [null, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "count"}, [3], null, false, [null, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "count"}, [2, 3], null, false, [null, 3, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "count"}, [2, 3, 4], null, false, [null, 3, 4, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0, 1.0, 2.0], "output_mode": "count"}, [2, 1], null, false, [null, 1, 4], "float32", [], null],
 ["Discretization", {"num_bins": 4}, [3], null, false, [null, 3], "int32", [], null],
 ["Discretization", {"num_bins": 4, "output_mode": "one_hot"}, [3], null, false, [null, 3, 4], "float32", [], null],
 ["Discretization", {"num_bins": 4, "output_mode": "count"}, [2, 3], null, false, [null, 3, 4], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0], "dtype": "float16", "output_mode": "one_hot"}, [3], null, false, [null, 3, 2], "float16", [], null],
 ["Discretization", {"bin_boundaries": [0.0], "dtype": "float64"}, [3], null, false, [null, 3], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0]}, [3], "int32", false, [null, 3], "int32", [], null],
 ["Discretization", {"bin_boundaries": [0.0], "output_mode": "one_hot", "sparse": true}, [3], null, false, [null, 3, 2], "float32", [], null],
 ["Discretization", {"bin_boundaries": [0.0], "sparse": true}, [3], null, null, null, null, null, "init:ValueError"],
 ["Discretization", {}, [3], null, null, null, null, null, "init:ValueError"],
 ["Discretization", {"bin_boundaries": [0.0], "num_bins": 3}, [3], null, null, null, null, null, "init:ValueError"],
 ["Discretization", {"num_bins": -1}, [3], null, null, null, null, null, "init:ValueError"],
 ["Discretization", {"bin_boundaries": [0.0], "output_mode": "foo"}, [3], null, null, null, null, null, "init:ValueError"],
 ["Discretization", {"bin_boundaries": [0.0], "trainable": false}, [3], null, null, null, null, null, "init:TypeError"],
 ["Discretization", {"bin_boundaries": []}, [3], null, false, [null, 3], "int32", [], null],
 ["Discretization", {"bin_boundaries": [], "output_mode": "one_hot"}, [3], null, false, [null, 3, 1], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "int"}, [], "string", false, [null], "int64", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "int"}, [1], "string", false, [null, 1], "int64", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "int"}, [3], "string", false, [null, 3], "int64", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "int"}, [2, 3], "string", false, [null, 2, 3], "int64", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "one_hot"}, [], "string", false, [7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "one_hot"}, [1], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "one_hot"}, [3], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "one_hot"}, [2, 3], "string", false, [null, 2, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "multi_hot"}, [], "string", false, [7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "multi_hot"}, [1], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "multi_hot"}, [3], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "multi_hot"}, [2, 3], "string", false, [null, 2, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "count"}, [], "string", false, [7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "count"}, [1], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "count"}, [3], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "count"}, [2, 3], "string", false, [null, 2, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7}, [3], "int32", false, [null, 3], "int64", [], null],
 ["Hashing", {"num_bins": 7, "mask_value": "", "salt": 133}, [3], "string", false, [null, 3], "int64", [], null],
 ["Hashing", {"num_bins": 7, "salt": [1, 2]}, [3], "string", false, [null, 3], "int64", [], null],
 ["Hashing", {"num_bins": 7, "salt": "x"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["Hashing", {"num_bins": 7, "dtype": "int32"}, [3], "string", false, [null, 3], "int32", [], null],
 ["Hashing", {"num_bins": 7, "dtype": "float32"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["Hashing", {"num_bins": 7, "output_mode": "one_hot", "dtype": "float16"}, [3], "string", false, [null, 7], "float16", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "one_hot", "dtype": "int32"}, [3], "string", false, [null, 7], "int32", [], null],
 ["Hashing", {"num_bins": 7, "output_mode": "multi_hot", "sparse": true}, [3], "string", false, [null, 7], "float32", [], null],
 ["Hashing", {"num_bins": 7, "sparse": true}, [3], "string", null, null, null, null, "init:ValueError"],
 ["Hashing", {"num_bins": 0}, [3], "string", null, null, null, null, "init:ValueError"],
 ["Hashing", {"num_bins": 7, "output_mode": "foo"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["Hashing", {"num_bins": 7, "trainable": false}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "int"}, [], "string", false, [null], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "int"}, [1], "string", false, [null, 1], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "int"}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "int"}, [2, 3], "string", false, [null, 2, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "one_hot"}, [], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "one_hot"}, [1], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "one_hot"}, [3], "string", false, [null, 3, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "one_hot"}, [2, 3], "string", false, [null, 2, 3, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "multi_hot"}, [], "string", false, [5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "multi_hot"}, [1], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "multi_hot"}, [3], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "multi_hot"}, [2, 3], "string", false, [null, 2, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "count"}, [], "string", false, [5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "count"}, [1], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "count"}, [3], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "count"}, [2, 3], "string", false, [null, 2, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "tf_idf", "idf_weights": [1.0, 2.0, 3.0, 4.0]}, [], "string", false, [5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "tf_idf", "idf_weights": [1.0, 2.0, 3.0, 4.0]}, [1], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "tf_idf", "idf_weights": [1.0, 2.0, 3.0, 4.0]}, [3], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "tf_idf", "idf_weights": [1.0, 2.0, 3.0, 4.0]}, [2, 3], "string", false, [null, 2, 5], "float32", [], null],
 ["StringLookup", {}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"output_mode": "one_hot"}, [3], "string", false, [null, 3, null], "float32", [], null],
 ["StringLookup", {"output_mode": "multi_hot"}, [3], "string", false, [null, null], "float32", [], null],
 ["StringLookup", {"output_mode": "count", "max_tokens": 10, "pad_to_max_tokens": true}, [3], "string", false, [null, 10], "float32", [], null],
 ["StringLookup", {"output_mode": "tf_idf"}, [3], "string", false, [null, null], "float32", [], null],
 ["StringLookup", {"output_mode": "tf_idf", "max_tokens": 10, "pad_to_max_tokens": true}, [3], "string", false, [null, 10], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "num_oov_indices": 3, "output_mode": "multi_hot"}, [3], "string", false, [null, 7], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "num_oov_indices": 0, "output_mode": "multi_hot"}, [3], "string", false, [null, 4], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "mask_token": "", "output_mode": "multi_hot"}, [3], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "mask_token": "", "output_mode": "int"}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["", "[UNK]", "a", "b"], "mask_token": "", "output_mode": "multi_hot"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["", "[UNK]", "a", "b"], "mask_token": "", "output_mode": "one_hot"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["[UNK]", "a", "b"], "output_mode": "one_hot"}, [3], "string", false, [null, 3, 3], "float32", [], null],
 ["StringLookup", {"vocabulary": ["[UNK]", "a", "b"], "output_mode": "one_hot", "num_oov_indices": 2}, [3], "string", false, [null, 3, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "max_tokens": 20, "pad_to_max_tokens": true, "output_mode": "count"}, [3], "string", false, [null, 20], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "max_tokens": 20, "output_mode": "count"}, [3], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "max_tokens": 3, "output_mode": "count"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "invert": true}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "invert": true, "output_mode": "one_hot"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "tf_idf"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "tf_idf", "idf_weights": [1.0, 2.0]}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "idf_weights": [1.0, 2.0, 3.0, 4.0]}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "a"]}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": []}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "sparse": true, "output_mode": "count"}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "dtype": "float16"}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "trainable": false}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "input_shape": [3]}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"max_tokens": 1}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"pad_to_max_tokens": true}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"num_oov_indices": -1}, [3], "string", null, null, null, null, "init:ValueError"],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "salt": 3}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "oov_token": null, "num_oov_indices": 0}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "output_mode": "binary"}, [3], "string", false, [null, 5], "float32", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"], "encoding": "latin-1"}, [3], "string", false, [null, 3], "int64", [], null],
 ["StringLookup", {"vocabulary": ["a", "b", "c", "d"]}, [3], "int32", false, [null, 3], "int64", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30]}, [3], "int64", false, [null, 3], "int64", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "output_mode": "one_hot"}, [3], "int64", false, [null, 3, 4], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "output_mode": "multi_hot"}, [3], "int64", false, [null, 4], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "output_mode": "tf_idf", "idf_weights": [1.0, 1.0, 1.0]}, [3], "int64", false, [null, 4], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "mask_token": 0, "output_mode": "count"}, [3], "int64", false, [null, 4], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [0, -1, 10, 20], "mask_token": 0, "output_mode": "count"}, [3], "int64", null, null, null, null, "init:ValueError"],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "invert": true}, [3], "int64", false, [null, 3], "int64", [], null],
 ["IntegerLookup", {}, [3], "int64", false, [null, 3], "int64", [], null],
 ["IntegerLookup", {"output_mode": "count"}, [3], "int64", false, [null, null], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "vocabulary_dtype": "int32"}, [3], "int64", null, null, null, null, "init:ValueError"],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "oov_method": "farmhash", "salt": 1}, [3], "int64", false, [null, 3], "int64", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "salt": 1}, [3], "int64", null, null, null, null, "init:ValueError"],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "max_tokens": 10, "pad_to_max_tokens": true, "output_mode": "multi_hot"}, [3], "int64", false, [null, 10], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "num_oov_indices": 2, "output_mode": "one_hot"}, [3], "int64", false, [null, 3, 5], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30]}, [3], "int32", false, [null, 3], "int64", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "output_mode": "one_hot"}, [1], "int32", false, [null, 4], "float32", [], null],
 ["IntegerLookup", {"vocabulary": [10, 20, 30], "output_mode": "one_hot"}, [], "int32", false, [null, 4], "float32", [], null],
 ["TextVectorization", {}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"output_sequence_length": 6}, [1], "string", false, [null, 6], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"]}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_sequence_length": 4}, [1], "string", false, [null, 4], "int64", [], null],
 ["TextVectorization", {"output_mode": "multi_hot"}, [1], "string", false, [null, 1, null], "float32", [], null],
 ["TextVectorization", {"output_mode": "multi_hot", "vocabulary": ["the", "cat", "sat"]}, [1], "string", false, [null, 1, 4], "float32", [], null],
 ["TextVectorization", {"output_mode": "count", "max_tokens": 50, "pad_to_max_tokens": true}, [1], "string", false, [null, 1, 50], "float32", [], null],
 ["TextVectorization", {"output_mode": "count", "max_tokens": 50}, [1], "string", false, [null, 1, null], "float32", [], null],
 ["TextVectorization", {"output_mode": "one_hot", "vocabulary": ["the", "cat", "sat"]}, [1], "string", false, [null, 1, null, 4], "float32", [], null],
 ["TextVectorization", {"output_mode": "tf_idf", "vocabulary": ["the", "cat", "sat"], "idf_weights": [1.0, 2.0, 3.0]}, [1], "string", false, [null, 1, 4], "float32", [], null],
 ["TextVectorization", {"output_mode": "tf_idf", "max_tokens": 20, "pad_to_max_tokens": true}, [1], "string", false, [null, 1, 20], "float32", [], null],
 ["TextVectorization", {"output_mode": "multi_hot", "vocabulary": ["the", "cat", "sat"], "split": null}, [1], "string", false, [null, 4], "float32", [], null],
 ["TextVectorization", {"output_mode": "one_hot", "vocabulary": ["the", "cat", "sat"], "split": null}, [1], "string", false, [null, 4], "float32", [], null],
 ["TextVectorization", {"output_mode": "int", "vocabulary": ["the", "cat", "sat"], "split": null}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"split": "character", "output_sequence_length": 10}, [1], "string", false, [null, 10], "int64", [], null],
 ["TextVectorization", {"ngrams": 2, "vocabulary": ["the", "cat", "sat"], "output_mode": "count"}, [1], "string", false, [null, 1, 4], "float32", [], null],
 ["TextVectorization", {"ngrams": [1, 3], "output_sequence_length": 5}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"ngrams": [1, 2]}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"standardize": null, "split": null}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"standardize": "lower"}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"standardize": "foo"}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"split": "foo"}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"output_mode": "multi_hot", "output_sequence_length": 4}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"output_sequence_length": 4.0}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"ragged": true}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"sparse": true, "output_mode": "count"}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"max_tokens": 1}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "max_tokens": 3}, [1], "string", null, null, null, null, "init:ValueError"],
 ["TextVectorization", {"output_mode": "binary", "vocabulary": ["the", "cat", "sat"]}, [1], "string", false, [null, 1, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "trainable": false}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "dtype": "float16"}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "input_shape": [1]}, [1], "string", false, [null, null], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "multi_hot"}, [], "string", false, [null, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "multi_hot", "split": null}, [], "string", false, [null, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "one_hot", "split": null}, [], "string", false, [null, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_sequence_length": 7}, [], "string", false, [null, 7], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "multi_hot"}, [3], "string", false, [null, 3, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "multi_hot", "split": null}, [3], "string", false, [null, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "one_hot", "split": null}, [3], "string", false, [null, 3, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_sequence_length": 7}, [3], "string", false, [null, 7], "int64", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "multi_hot"}, [2, 3], "string", false, [null, 2, 3, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "multi_hot", "split": null}, [2, 3], "string", false, [null, 2, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_mode": "one_hot", "split": null}, [2, 3], "string", false, [null, 2, 3, 4], "float32", [], null],
 ["TextVectorization", {"vocabulary": ["the", "cat", "sat"], "output_sequence_length": 7}, [2, 3], "string", false, [null, 7], "int64", [], null],
 ["STFTSpectrogram", {}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"mode": "stft"}, [1000, 2], null, false, [null, 6, 516], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"mode": "real"}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"mode": "imag"}, [1000, 2], null, false, [null, 6, 258], "float32", [["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"mode": "magnitude", "frame_length": 100, "frame_step": 25}, [1000, 2], null, false, [null, 37, 130], "float32", [["real_kernel", [100, 1, 65], "float32", true], ["imag_kernel", [100, 1, 65], "float32", true]], null],
 ["STFTSpectrogram", {"fft_length": 512}, [1000, 2], null, false, [null, 6, 514], "float32", [["real_kernel", [256, 1, 257], "float32", true], ["imag_kernel", [256, 1, 257], "float32", true]], null],
 ["STFTSpectrogram", {"fft_length": 300}, [1000, 2], null, false, [null, 6, 302], "float32", [["real_kernel", [256, 1, 151], "float32", true], ["imag_kernel", [256, 1, 151], "float32", true]], null],
 ["STFTSpectrogram", {"padding": "same", "frame_step": 64}, [1000, 2], null, false, [null, 16, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"expand_dims": true}, [1000, 2], null, false, [null, 6, 129, 2], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"data_format": "channels_first"}, [1000, 2], null, null, null, null, null, "ValueError"],
 ["STFTSpectrogram", {"data_format": "channels_first", "expand_dims": true}, [1000, 2], null, null, null, null, null, "ValueError"],
 ["STFTSpectrogram", {"trainable": false}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", false], ["imag_kernel", [256, 1, 129], "float32", false]], null],
 ["STFTSpectrogram", {"dtype": "float16"}, [1000, 2], null, false, [null, 6, 258], "float16", [["real_kernel", [256, 1, 129], "float16", true], ["imag_kernel", [256, 1, 129], "float16", true]], null],
 ["STFTSpectrogram", {"dtype": "mixed_float16"}, [1000, 2], null, false, [null, 6, 258], "float16", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"window": "hamming"}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"window": null}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"window": "foo"}, [1000, 2], null, null, null, null, null, "init:ValueError"],
 ["STFTSpectrogram", {"mode": "foo"}, [1000, 2], null, null, null, null, null, "init:ValueError"],
 ["STFTSpectrogram", {"frame_step": 300}, [1000, 2], null, null, null, null, null, "init:ValueError"],
 ["STFTSpectrogram", {"fft_length": 100}, [1000, 2], null, null, null, null, null, "init:ValueError"],
 ["STFTSpectrogram", {"scaling": "foo"}, [1000, 2], null, null, null, null, null, "init:ValueError"],
 ["STFTSpectrogram", {"padding": "causal"}, [1000, 2], null, null, null, null, null, "init:ValueError"],
 ["STFTSpectrogram", {"scaling": null, "periodic": true}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"mode": "psd"}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"mode": "angle"}, [1000, 2], null, false, [null, 6, 258], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {}, [1000], null, null, null, null, null, "ValueError"],
 ["STFTSpectrogram", {}, [null, 1], null, false, [null, null, 129], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {}, [100, 1], null, null, null, null, null, "ValueError"],
 ["STFTSpectrogram", {}, [1000, 1], "int32", false, [null, 6, 129], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["STFTSpectrogram", {"data_format": "channels_first"}, [2, 1000], null, false, [null, 258, 6], "float32", [["real_kernel", [256, 1, 129], "float32", true], ["imag_kernel", [256, 1, 129], "float32", true]], null],
 ["MelSpectrogram", {}, [16000], null, false, [null, 128, 32], "float32", [], null],
 ["MelSpectrogram", {"num_mel_bins": 64, "sequence_stride": 256}, [16000], null, false, [null, 64, 63], "float32", [], null],
 ["MelSpectrogram", {"fft_length": 512, "sequence_length": 400}, [16000], null, false, [null, 128, 32], "float32", [], null],
 ["MelSpectrogram", {"fft_length": 256, "sequence_length": 400}, [16000], null, null, null, null, null, "init:ValueError"],
 ["MelSpectrogram", {"dtype": "float16"}, [16000], null, false, [null, 128, 32], "float16", [], null],
 ["MelSpectrogram", {"max_freq": 4000, "sampling_rate": 8000}, [16000], null, false, [null, 128, 32], "float32", [], null],
 ["MelSpectrogram", {"power_to_db": false}, [16000], null, false, [null, 128, 32], "float32", [], null],
 ["MelSpectrogram", {}, [], null, false, [128, null], "float32", [], null],
 ["MelSpectrogram", {}, [null], null, false, [null, 128, null], "float32", [], null],
 ["MelSpectrogram", {}, [2, 16000], null, false, [null, 128, 1], "float32", [], null],
 ["MelSpectrogram", {}, [16000], "int32", false, [null, 128, 32], "float32", [], null]
]''')


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    check_like_keras(case)


def test_rescaling_arguments():
    layer = keras.layers.Rescaling(1.0 / 255)
    assert (layer.scale, layer.offset) == (1.0 / 255, 0.0)
    assert not layer.built  # Keras builds it on its first call
    # Keras: TypeError: Rescaling.__init__() missing 1 required positional argument: 'scale'
    with pytest.raises(LayerError, match=r"missing required argument `scale`.*Rescaling\(scale=...\)"):
        keras.layers.Rescaling()


def test_rescalingexplain_of():
    assert explain_of(keras.layers.Rescaling(2.0, -1.0), shape=(4,)) == {
        "rescaling": ["rescaling: no weights = 0"]}


def test_normalization_explain_and_counts():
    L = keras.layers
    model = keras.Sequential([keras.Input((3, 4)), L.Normalization(),
                              L.Normalization(axis=(1, 2)), L.Normalization(axis=None),
                              L.Normalization(mean=0.5, variance=2.0)])
    summary = summarize(model)
    rows = {row.name: row for row in summary.layers}
    assert all_words(rows["normalization"].explain) == [
        "normalization: mean 4 + variance 4 + count 1 = 9 (non-trainable, set by adapt())"]
    assert all_words(rows["normalization_1"].explain) == [
        "normalization_1: mean 3x4 (12) + variance 3x4 (12) + count 1 = 25 (non-trainable, "
        "set by adapt())"]
    assert all_words(rows["normalization_2"].explain) == [
        "normalization_2: mean 1 + variance 1 + count 1 = 3 (non-trainable, set by adapt())"]
    assert all_words(rows["normalization_3"].explain) == [
        "normalization_3: no weights (mean and variance given as constants) = 0"]
    assert (summary.total_params, summary.trainable_params) == (37, 0)
    # float32 mean/variance (4 bytes each) and an int32 count (4 bytes)
    assert summary.non_trainable_bytes == 37 * 4


def test_normalization_messages():
    L = keras.layers
    with pytest.raises(LayerError, match=r"'normalization' \(Normalization\).*\(None, None\).*axis 1"):
        L.Normalization()(keras.Input((None,)))
    with pytest.raises(LayerError, match=r"Axis 0 is the batch"):
        L.Normalization(axis=0)(keras.Input((3,)))
    with pytest.raises(LayerError, match=r"mean`/`variance` of shape \(3,\).*\(4,\)"):
        L.Normalization(mean=[1.0, 2.0, 3.0], variance=[1.0, 1.0, 1.0])(keras.Input((4,)))
    with pytest.raises(LayerError, match="both `mean` and `variance` must be set"):
        L.Normalization(mean=1.0)


def _golden_cases():
    import gzip
    import os
    path = os.path.join(os.path.dirname(__file__), "..", "golden", "keras3",
                        "preprocessing.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [c for c in json.load(f)["cases"] if not c["error"] and c.get("config")]


GOLDEN_CONFIGS = _golden_cases()


@pytest.mark.parametrize("case", GOLDEN_CONFIGS, ids=[c["id"] for c in GOLDEN_CONFIGS])
def test_keras_configs_load(case):
    """Each golden model's Keras 3 config (model.to_json()) reads back with the same counts,
    bytes and output shapes (RandomShear included, whose config Keras 3.15 itself cannot
    reload)."""
    from paramscope import formats
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = formats.load_config(case["config"])
    s = summarize(model)
    expected = case["model"]
    assert (s.total_params, s.trainable_params, s.total_bytes) == (
        expected["total_params"], expected["trainable_params"], expected["total_bytes"])
    shapes = [list(r.output_shape) if isinstance(r.output_shape, tuple) else r.output_shape
              for r in s.layers]
    assert shapes == [l["output_shape"] for l in expected["layers"]]


def test_explain_lookup_text_resize_stft():
    L = keras.layers
    lookup = keras.Sequential([keras.Input((3,), dtype="string"), L.StringLookup(
        vocabulary=["a", "b", "c"], num_oov_indices=2, output_mode="multi_hot")])
    assert all_words(summarize(lookup).layers[0].explain_output) == [
        "string_lookup: output size 5 = 3 tokens + 2 OOV"]
    masked = keras.Sequential([keras.Input((3,), dtype="string"), L.StringLookup(
        vocabulary=["a", "b"], mask_token="", output_mode="count")])
    # the mask index only exists in "int" mode
    assert all_words(summarize(masked).layers[0].explain_output) == [
        "string_lookup_1: output size 3 = 2 tokens + 1 OOV"]
    unadapted = keras.Sequential([keras.Input((3,), dtype="string"),
                                  L.StringLookup(output_mode="count")])
    assert "unknown (None)" in all_words(summarize(unadapted).layers[0].explain_output)[0]
    text = keras.Sequential([keras.Input((1,), dtype="string"), L.TextVectorization(
        vocabulary=["x", "y"], output_sequence_length=8)])
    assert all_words(summarize(text).layers[0].explain_output) == [
        "text_vectorization: (batch, 8) token indices (output_sequence_length)"]
    resize = keras.Sequential([keras.Input((16, 12, 3)), L.Resizing(8, 6)])
    assert all_words(summarize(resize).layers[0].explain_output) == [
        "resizing: (None, 16, 12, 3) -> (None, 8, 6, 3) (axis 1: 16 -> 8, axis 2: 12 -> 6; "
        "height=8, width=6)"]
    stft = keras.Sequential([keras.Input((1000, 1)), L.STFTSpectrogram(frame_length=100)])
    assert all_words(summarize(stft).layers[0].explain) == [
        "stft_spectrogram: real_kernel + imag_kernel: 2 x frame_length 100 x 65 frequencies "
        "(fft_length 128 // 2 + 1) = 13,000"]


def test_augmentation_sublayers_take_keras_names():
    L = keras.layers
    model = keras.Sequential([keras.Input((8, 8, 3)), L.RandAugment(), L.RandomRotation(0.1),
                              L.Solarization(), L.Identity()])
    names = [row.name for row in summarize(model).layers]
    # RandAugment created random_rotation, solarization, ... in its constructor, as Keras
    assert names == ["rand_augment", "random_rotation_1", "solarization_1", "identity"]
    assert summarize(model).total_params == 0


def test_stft_frozen_and_dtype():
    L = keras.layers
    model = keras.Sequential([keras.Input((256, 1)), L.STFTSpectrogram(frame_length=64,
                                                                       trainable=False)])
    s = summarize(model)
    assert (s.total_params, s.trainable_params) == (2 * 64 * 33, 0)
    half = keras.Sequential([keras.Input((256, 1)), L.STFTSpectrogram(frame_length=64,
                                                                      dtype="float16")])
    assert summarize(half).total_bytes == 2 * 64 * 33 * 2
