"""Activation layers (Activation, ReLU, LeakyReLU, PReLU, ELU, Softmax) against real Keras 3.15.

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
from paramscope.errors import LayerError, ParamscopeError
from keras_table import check_like_keras, explain_of, recorded_table

# [class, kwargs, input shape (no batch), input dtype, built at init, output shape,
#  output dtype, weights [name, shape, dtype, trainable], Keras exception or None]
CASES = recorded_table("activations")


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    check_like_keras(case)


def test_built_at_init_like_keras():
    # Keras's _build_at_init: layers without their own build() are built when constructed.
    for cls in ("ReLU", "LeakyReLU", "ELU", "Softmax"):
        assert getattr(keras.layers, cls)().built
    assert keras.layers.Activation("relu").built
    assert not keras.layers.PReLU().built


def test_preluexplain_of():
    lines = explain_of(keras.layers.PReLU(), keras.layers.PReLU(shared_axes=[1, 2]),
                     shape=(10, 10, 3))
    assert lines["p_re_lu"] == ["p_re_lu: alpha one per 10 x 10 x 3 = 300"]
    assert lines["p_re_lu_1"] == [
        "p_re_lu_1: alpha one per 1 x 1 x 3 (shared along axes 1, 2: size 1 there) = 3"]


def test_prelu_unknown_dims_error_names_the_fix():
    layer = keras.layers.PReLU()
    with pytest.raises(ParamscopeError) as info:
        layer(keras.Input((None, None, 3)))
    message = str(info.value)
    assert "'p_re_lu' (PReLU)" in message
    assert "(None, None, None, 3)" in message
    assert "axes 1, 2 are unknown" in message
    assert "PReLU(shared_axes=[1, 2])" in message


def test_prelu_shared_axis_out_of_range():
    # Keras: IndexError: list assignment index out of range
    layer = keras.layers.PReLU(shared_axes=[4])
    with pytest.raises(ParamscopeError) as info:
        layer(keras.Input((4, 5, 6)))
    message = str(info.value)
    assert "(None, 4, 5, 6)" in message and "shared axis 4" in message
    assert "shared_axes between 1 and 3" in message


def test_prelu_shared_axes_must_be_ints():
    with pytest.raises(LayerError, match="shared_axes"):
        keras.layers.PReLU(shared_axes="1")


def test_prelu_input_spec_after_build():
    # Keras fixes the non-shared axes after the first call.
    layer = keras.layers.PReLU(shared_axes=[1])
    layer(keras.Input((4, 6)))
    layer(keras.Input((9, 6)))  # the shared axis may change
    with pytest.raises(LayerError, match="axis 2 must have size 6"):
        layer(keras.Input((4, 7)))


@pytest.mark.parametrize("kwargs,needle", [
    ({"max_value": -1}, "max_value"),
    ({"negative_slope": None}, "negative_slope"),
    ({"negative_slope": -0.1}, "negative_slope"),
    ({"threshold": -1.0}, "threshold"),
    ({"threshold": "a"}, "threshold"),
])
def test_relu_argument_checks(kwargs, needle):
    with pytest.raises(LayerError) as info:
        keras.layers.ReLU(name="r", **kwargs)
    assert "'r' (ReLU)" in str(info.value) and needle in str(info.value)


def test_leaky_relu_alpha_is_deprecated_but_accepted():
    with pytest.warns(UserWarning, match="`alpha` is deprecated"):
        layer = keras.layers.LeakyReLU(alpha=0.2)
    assert layer.negative_slope == 0.2
    with pytest.raises(LayerError, match="negative_slope"):
        keras.layers.LeakyReLU(-0.1)


def test_activation_identifiers():
    with pytest.raises(LayerError, match="could not interpret activation function identifier 'nope'"):
        keras.layers.Activation("nope")
    with pytest.raises(LayerError, match="missing required argument `activation`"):
        keras.layers.Activation()
    assert keras.layers.Activation(lambda x: x).built
