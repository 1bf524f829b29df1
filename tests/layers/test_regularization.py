"""Regularization layers (Dropout family, noise, ActivityRegularization) against real Keras 3.15.

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

import paramscope.keras as keras
from paramscope.errors import LayerError
from keras_table import check_like_keras, explain_of, recorded_table

# [class, kwargs, input shape (no batch), input dtype, built at init, output shape,
#  output dtype, weights [name, shape, dtype, trainable], Keras exception or None]
CASES = recorded_table("regularization")


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    check_like_keras(case)


def test_seed_generators_are_not_weights():
    # Keras 3: Dropout(0.5).weights == [] (its seed_generator_state is only in .variables).
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dropout(0.5, seed=1),
                              keras.layers.GaussianNoise(0.1), keras.layers.AlphaDropout(0.1)])
    assert model.weights == [] and model.count_params() == 0


@pytest.mark.parametrize("cls,value", [("Dropout", 1.5), ("Dropout", -0.1),
                                       ("GaussianDropout", 2), ("AlphaDropout", "a"),
                                       ("GaussianNoise", 1.1), ("SpatialDropout2D", 3)])
def test_rates_between_0_and_1(cls, value):
    with pytest.raises(LayerError) as info:
        getattr(keras.layers, cls)(value, name="d")
    message = str(info.value)
    assert f"'d' ({cls})" in message and "between 0 and 1" in message and repr(value) in message


@pytest.mark.parametrize("noise_shape,needle", [("ab", "tuple or list"), (3, "iterable"),
                                                ((None, 0), "element 1 is 0"),
                                                ((None, 1.5), "element 1 is 1.5")])
def test_dropout_noise_shape_checks(noise_shape, needle):
    with pytest.raises(LayerError, match="noise_shape") as info:
        keras.layers.Dropout(0.1, noise_shape=noise_shape)
    assert needle in str(info.value)


def test_spatial_dropout_takes_no_layer_kwargs():
    # Keras 3.15: TypeError: SpatialDropout2D.__init__() got an unexpected keyword argument 'input_shape'
    with pytest.raises(LayerError, match="input_shape") as info:
        keras.layers.SpatialDropout2D(0.3, input_shape=(4, 4, 3))
    assert "keras.Input" in str(info.value)
    with pytest.raises(LayerError, match="trainable"):
        keras.layers.SpatialDropout1D(0.3, trainable=False)
    with pytest.raises(LayerError, match="data_format"):
        keras.layers.SpatialDropout1D(0.3, data_format="channels_first")


def test_spatial_dropout_positional_order_and_data_format():
    assert keras.layers.SpatialDropout1D(0.1, 7).seed == 7
    layer = keras.layers.SpatialDropout2D(0.1, "channels_first", 7)
    assert (layer.data_format, layer.seed) == ("channels_first", 7)
    with pytest.raises(LayerError, match="data_format"):
        keras.layers.SpatialDropout3D(0.1, data_format="channels_middle")


def test_spatial_dropout_rank_error():
    layer = keras.layers.SpatialDropout2D(0.3)
    with pytest.raises(LayerError) as info:
        layer(keras.Input((6, 4)))
    message = str(info.value)
    assert "'spatial_dropout2d' (SpatialDropout2D)" in message and "(None, 6, 4)" in message
    assert "rank 4" in message


def test_missing_rate():
    with pytest.raises(LayerError, match="missing required argument `rate`"):
        keras.layers.Dropout()


def test_activity_regularization_checks():
    with pytest.raises(LayerError, match="l1"):
        keras.layers.ActivityRegularization(l1=-1)
    with pytest.raises(LayerError, match="activity_regularizer"):
        keras.layers.ActivityRegularization(activity_regularizer="l2")
    assert keras.layers.ActivityRegularization(l1=None).built


def test_no_weights_explained():
    assert explain_of(keras.layers.Dropout(0.5), shape=(3,)) == {"dropout": ["dropout: no weights = 0"]}
