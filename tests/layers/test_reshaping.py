"""Reshaping layers (Flatten, Reshape, Permute, RepeatVector, UpSampling, ZeroPadding, Cropping) against real Keras 3.15.

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
CASES = recorded_table("reshaping")


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    check_like_keras(case)


def test_built_at_init_like_keras():
    assert keras.layers.Reshape((2, 3)).built  # Keras sets self.built = True in __init__
    assert not keras.layers.Flatten().built


def test_explain_output():
    L = keras.layers
    lines = explain_of(L.ZeroPadding2D(1), L.Cropping2D(((1, 2), (0, 1))), L.UpSampling2D(2),
                     L.Flatten(), L.Reshape((-1, 3)), L.Permute((2, 1)), shape=(28, 28, 3))
    assert lines["zero_padding2d"] == ["zero_padding2d: no weights = 0",
                                       "height: 28 + 1 + 1 = 30", "width: 28 + 1 + 1 = 30"]
    assert lines["cropping2d"][1:] == ["height: 30 - 1 - 2 = 27", "width: 30 - 0 - 1 = 29"]
    assert lines["up_sampling2d"][1:] == ["height: 27 x 2 = 54", "width: 29 x 2 = 58"]
    assert lines["flatten"][1:] == ["54 x 58 x 3 = 9,396"]
    assert lines["reshape"][1:] == [
        "(None, 9396) -> (None, 3132, 3): 9,396 values (-1 inferred as 9,396 / 3 = 3,132)"]
    assert lines["permute"][1:] == ["dims (2, 1): (None, 3132, 3) -> (None, 3, 3132)"]


def test_explain_output_1d_3d_and_unknown():
    L = keras.layers
    lines = explain_of(L.Reshape((3, 2)), shape=(6,))
    assert lines["reshape"][1:] == ["(None, 6) -> (None, 3, 2): 6 values"]
    lines = explain_of(L.ZeroPadding1D((0, 2)), L.UpSampling1D(3), L.Cropping1D(1), L.Flatten(),
                     shape=(None, 4))
    assert lines["zero_padding1d"][1:] == ["steps: None + 0 + 2 = None"]
    assert lines["up_sampling1d"][1:] == ["steps: None x 3 = None"]
    assert lines["cropping1d"][1:] == ["steps: None - 1 - 1 = None"]
    assert lines["flatten"][1:] == ["None x 4 = None (a dimension is unknown)"]
    lines = explain_of(L.UpSampling3D((1, 2, 3), data_format="channels_first"), shape=(2, 3, 4, 5))
    assert lines["up_sampling3d"][1:] == ["depth: 3 x 1 = 3", "height: 4 x 2 = 8",
                                          "width: 5 x 3 = 15"]
    lines = explain_of(L.Dense(8), L.RepeatVector(10), shape=(4,))
    assert lines["repeat_vector"][1:] == [
        "(None, 8) -> (None, 10, 8): the 8 features repeated 10 times"]
    lines = explain_of(L.Flatten(data_format="channels_first", name="f"), shape=(3, 4, 5))
    assert lines["f"][1:] == [
        "3 x 4 x 5 = 60 (channels_first: channels are moved last before flattening)"]


def test_reshape_incompatible_names_both_sizes():
    layer = keras.layers.Reshape((5, 5))
    with pytest.raises(LayerError) as info:
        layer(keras.Input((3, 4)))
    message = str(info.value)
    assert "'reshape' (Reshape)" in message and "(None, 3, 4)" in message
    assert "12 values" in message and "25 values" in message
    assert "must multiply to 12" in message


def test_reshape_minus_one_not_dividing():
    layer = keras.layers.Reshape((5, -1))
    with pytest.raises(LayerError) as info:
        layer(keras.Input((3, 4)))
    assert "12 is not divisible by 5" in str(info.value)


@pytest.mark.parametrize("target,needle", [((-1, -1), "at most one -1"), ((-2, 6), "-1"),
                                           (12, "Reshape((12,))"), ((2.0, 6), "float")])
def test_reshape_target_checks(target, needle):
    with pytest.raises(LayerError) as info:
        keras.layers.Reshape(target)
    assert "(Reshape)" in str(info.value) and needle in str(info.value)


def test_permute_dims_checks():
    with pytest.raises(LayerError, match=r"each of 1 to 2 exactly once .* dims=\(0, 1\)"):
        keras.layers.Permute((0, 1))
    with pytest.raises(LayerError, match="rank 3"):
        keras.layers.Permute((2, 1))(keras.Input((2, 3, 4)))


def test_repeat_vector_and_upsampling1d_need_ints():
    # Keras: TypeError: Expected an integer value for `n`, got <class 'float'>.
    with pytest.raises(LayerError, match="`n` must be an integer"):
        keras.layers.RepeatVector(2.0)
    with pytest.raises(LayerError, match="positive integer"):
        keras.layers.RepeatVector(0)
    with pytest.raises(LayerError, match="`size` must be an integer"):
        keras.layers.UpSampling1D(2.0)
    with pytest.raises(LayerError, match="size"):
        keras.layers.UpSampling2D(0)


@pytest.mark.parametrize("cls,arg,needle", [
    ("ZeroPadding2D", (1, 2, 3), "2 entries"), ("ZeroPadding3D", (1, 2), "3 entries"),
    ("ZeroPadding1D", -1, ">= 0"), ("Cropping2D", -1, "cannot be negative"),
    ("Cropping2D", ((1, 2), (3, -1)), "2nd entry of cropping"), ("Cropping3D", "abc", "1st entry"),
    ("ZeroPadding2D", 1.5, "int"),
])
def test_padding_and_cropping_forms(cls, arg, needle):
    with pytest.raises(LayerError) as info:
        getattr(keras.layers, cls)(arg)
    assert f"({cls})" in str(info.value) and needle in str(info.value)


def test_padding_forms_standardized_like_keras():
    L = keras.layers
    assert L.ZeroPadding1D(2).padding == (2, 2)
    assert L.ZeroPadding2D(2).padding == ((2, 2), (2, 2))
    assert L.ZeroPadding2D((1, 3)).padding == ((1, 1), (3, 3))
    assert L.ZeroPadding3D().padding == ((1, 1), (1, 1), (1, 1))
    assert L.Cropping1D().cropping == (1, 1)
    assert L.Cropping2D().cropping == ((0, 0), (0, 0))
    assert L.Cropping3D(((1, 0), 2, (0, 3))).cropping == ((1, 0), (2, 2), (0, 3))


def test_cropping_too_much_error():
    layer = keras.layers.Cropping2D(((5, 5), (0, 0)))
    with pytest.raises(LayerError) as info:
        layer(keras.Input((9, 10, 3)))
    message = str(info.value)
    assert "'cropping2d' (Cropping2D)" in message and "(None, 9, 10, 3)" in message
    assert "5 + 5 = 10 positions along axis 1, which has only 9" in message
    assert "crop less" in message


def test_cropping1d_has_no_data_format():
    # Keras: Unrecognized keyword arguments passed to Cropping1D: {'data_format': ...}
    with pytest.raises(LayerError, match="data_format"):
        keras.layers.Cropping1D(1, data_format="channels_first")
    with pytest.raises(LayerError, match="data_format"):
        keras.layers.UpSampling1D(2, data_format="channels_first")


def test_global_channels_first_default():
    keras.config.set_image_data_format("channels_first")
    layer = keras.layers.ZeroPadding2D(1)
    assert layer.data_format == "channels_first"
    assert layer(keras.Input((3, 8, 8))).shape == (None, 3, 10, 10)
