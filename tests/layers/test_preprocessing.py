"""Preprocessing layers against real Keras 3.15 (with TensorFlow importable, which the
lookup, hashing and text layers need).

``CASES``: tests/golden/layer_tables/keras3.json.gz, recorded by tools/make_layer_tables.py
in real Keras 3.15.1 (``KERAS_BACKEND=jax``) for the rows of tools/cases/layer_tables.py::

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
from keras_table import check_like_keras, explain_of, recorded_table

# [class, kwargs, input shape (no batch), input dtype, built at init, output shape,
#  output dtype, weights [name, shape, dtype, trainable], Keras exception or None]
CASES = recorded_table("preprocessing")


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
