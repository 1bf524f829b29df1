"""Normalization layers (Batch, Layer, Group, Unit, RMS) against real Keras 3.15.

``CASES``: tests/golden/layer_tables/keras3.json.gz, recorded by tools/make_layer_tables.py
in real Keras 3.15.1 (``KERAS_BACKEND=jax``) for the rows of tools/cases/layer_tables.py::

    layer = getattr(keras.layers, cls)(**kwargs)
    built_at_init = layer.built
    y = layer(keras.Input(tuple(shape), dtype=dtype))
    row = [cls, kwargs, shape, dtype, built_at_init, list(y.shape), y.dtype,
           [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights],
           None]  # or the exception's class name when Keras raised
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.summary import summarize
from keras_table import check_like_keras, explain_of, recorded_table

# [class, kwargs, input shape (no batch), input dtype, built at init, output shape,
#  output dtype, weights [name, shape, dtype, trainable], Keras exception or None]
CASES = recorded_table("normalization")


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    check_like_keras(case)


def test_batchnorm_explain_and_counts():
    L = keras.layers
    model = keras.Sequential([keras.Input((16,)), L.BatchNormalization(),
                              L.BatchNormalization(center=False),
                              L.BatchNormalization(center=False, scale=False),
                              L.BatchNormalization(renorm=True)])
    rows = {r.name: r for r in summarize(model).layers}
    assert all_words(rows["batch_normalization"].explain) == [
        "batch_normalization: 4 x 16 channels (gamma, beta trainable; moving_mean, "
        "moving_variance non-trainable) = 64"]
    assert all_words(rows["batch_normalization_1"].explain) == [
        "batch_normalization_1: 3 x 16 channels (gamma trainable; moving_mean, "
        "moving_variance non-trainable) = 48"]
    assert all_words(rows["batch_normalization_2"].explain) == [
        "batch_normalization_2: 2 x 16 channels (moving_mean, moving_variance non-trainable) = 32"]
    assert all_words(rows["batch_normalization_3"].explain) == [
        "batch_normalization_3: 7 x 16 channels (gamma, beta trainable; moving_mean, "
        "moving_variance, moving_stddev, renorm_mean, renorm_stddev non-trainable) = 112"]
    assert (rows["batch_normalization"].trainable_params,
            rows["batch_normalization"].non_trainable_params) == (32, 32)


def test_frozen_batchnorm():
    # Keras: bn.trainable = False -> all four weights non-trainable.
    bn = keras.layers.BatchNormalization()
    bn.trainable = False
    model = keras.Sequential([keras.Input((4, 4, 8)), bn])
    assert [w.trainable for w in bn.weights] == [False] * 4
    assert model.count_params() == 32 and model.trainable_weights == []
    assert all_words(summarize(model).layers[0].explain) == [
        "batch_normalization: 4 x 8 channels (gamma, beta frozen; moving_mean, moving_variance "
        "non-trainable) = 32"]
    bn.trainable = True
    assert [w.trainable for w in bn.weights] == [True, True, False, False]


def test_layernorm_groupnorm_rmsnormexplain_of():
    L = keras.layers
    lines = explain_of(L.LayerNormalization(), L.LayerNormalization(axis=[1, 2]),
                     L.GroupNormalization(groups=2), L.RMSNormalization(), shape=(4, 64))
    assert lines["layer_normalization"] == ["layer_normalization: gamma 64 + beta 64 = 128"]
    assert lines["layer_normalization_1"] == [
        "layer_normalization_1: gamma 4 x 64 (256) + beta 4 x 64 (256) = 512"]
    assert lines["group_normalization"] == ["group_normalization: gamma 64 + beta 64 = 128",
                                            "64 channels in 2 groups of 32"]
    assert lines["rms_normalization"] == [
        "rms_normalization: scale 64 (one per position of axis -1) = 64"]
    lines = explain_of(L.LayerNormalization(center=False, scale=False), shape=(4,))
    assert lines["layer_normalization_2"] == [
        "layer_normalization_2: no weights (center=False, scale=False) = 0"]


def test_batchnorm_axis_checks():
    # Keras: TypeError: int() argument must be ... not 'list'
    with pytest.raises(LayerError, match="single int") as info:
        keras.layers.BatchNormalization(axis=[1, 2], name="bn")
    assert "'bn' (BatchNormalization)" in str(info.value)
    assert keras.layers.BatchNormalization(axis="1").axis == 1  # Keras: int(axis)
    layer = keras.layers.BatchNormalization(axis=3)
    with pytest.raises(LayerError) as info:  # Keras: IndexError: tuple index out of range
        layer(keras.Input((4, 6)))
    message = str(info.value)
    assert "(None, 4, 6)" in message and "axis 3 is out of bounds" in message
    assert "axis=-1 (channels_last) or axis=1 (channels_first)" in message


def test_batchnorm_unknown_channels():
    layer = keras.layers.BatchNormalization()
    with pytest.raises(LayerError) as info:
        layer(keras.Input((4, None)))
    message = str(info.value)
    assert "'batch_normalization' (BatchNormalization)" in message and "(None, 4, None)" in message
    assert "unknown size (None)" in message


@pytest.mark.parametrize("kwargs,needle", [
    ({"renorm": True, "renorm_clipping": {"x": 1}}, "invalid keys"),
    ({"renorm": True, "renorm_clipping": {"rmax": 1, "rmin": 2}}, "rmax=1, rmin=2"),
    ({"renorm": True, "renorm_clipping": {"dmax": -1}}, "dmax=-1"),
    ({"momentum": "a"}, "momentum"),
    ({"synchronized": True}, "TensorFlow backend"),
    ({"gamma_initializer": "nope"}, "initializer"),
])
def test_batchnorm_argument_checks(kwargs, needle):
    with pytest.raises(LayerError) as info:
        keras.layers.BatchNormalization(**kwargs)
    assert needle in str(info.value)


def test_groupnorm_groups_must_divide_channels():
    layer = keras.layers.GroupNormalization(groups=3)
    with pytest.raises(LayerError) as info:
        layer(keras.Input((4, 8)))
    message = str(info.value)
    assert "'group_normalization' (GroupNormalization)" in message and "(None, 4, 8)" in message
    assert "8 channels (axis -1) cannot be split into 3 groups" in message
    assert "(one of 1, 2, 4, 8), e.g. GroupNormalization(groups=2)" in message
    layer = keras.layers.GroupNormalization()  # 32 groups by default
    with pytest.raises(LayerError, match="fewer channels than groups"):
        layer(keras.Input((4, 8)))


@pytest.mark.parametrize("groups", [0, -2, 2.0, True])
def test_groupnorm_groups_argument(groups):
    with pytest.raises(LayerError, match="groups"):
        keras.layers.GroupNormalization(groups=groups)


def test_groupnorm_instance_norm_sets_groups():
    layer = keras.layers.GroupNormalization(groups=-1)
    layer(keras.Input((5, 6)))
    assert layer.groups == 6  # as Keras


def test_layernorm_axis_checks_and_rms_scaling():
    with pytest.raises(LayerError, match="axis"):
        keras.layers.LayerNormalization(axis="a")
    layer = keras.layers.LayerNormalization(axis=3)
    with pytest.raises(LayerError) as info:  # Keras: IndexError
        layer(keras.Input((4, 6)))
    assert "axis 3 is out of bounds for an input of rank 3" in str(info.value)
    with pytest.warns(UserWarning, match="rms_scaling"):
        layer = keras.layers.LayerNormalization(rms_scaling=True)
    layer(keras.Input((4,)))
    assert [w.name for w in layer.weights] == ["gamma"]


def test_unit_normalization_axis():
    with pytest.raises(LayerError) as info:
        keras.layers.UnitNormalization(axis=2)(keras.Input((4,)))
    assert "'unit_normalization' (UnitNormalization)" in str(info.value)
    assert "(None, 4)" in str(info.value)
    assert keras.layers.UnitNormalization(axis=(1, 2)).axis == [1, 2]
