"""Pooling layers: error messages, explanations, and what the golden cases do not cover.

Expected shapes were taken from real Keras 3.15.1 (JAX backend); the snippet
that produced each value is in the comment next to it.
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.layers import pooling, registry
from paramscope.report import explain
from paramscope.summary import summarize

layers = keras.layers


def error_of(fn):
    with pytest.raises(LayerError) as info:
        fn()
    return str(info.value)


# [n for n in dir(keras.layers) if "Pool" in n] in Keras 3.15.1
KERAS_POOLING_NAMES = [
    "AdaptiveAveragePooling1D", "AdaptiveAveragePooling2D", "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D", "AdaptiveMaxPooling3D",
    "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
    "AvgPool1D", "AvgPool2D", "AvgPool3D",
    "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
    "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D",
    "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D",
    "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
    "MaxPool1D", "MaxPool2D", "MaxPool3D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
]


def test_every_keras_pooling_name_is_registered():
    assert sorted(pooling.__all__) == sorted(KERAS_POOLING_NAMES)
    for name in KERAS_POOLING_NAMES:
        assert registry()[name] is getattr(pooling, name)
    assert layers.AvgPool2D is layers.AveragePooling2D
    assert layers.GlobalMaxPool3D is layers.GlobalMaxPooling3D


def test_built_at_construction_like_keras():
    # keras.layers.MaxPooling2D().built, keras.layers.GlobalMaxPooling2D().built -> True, True
    # keras.layers.AdaptiveAveragePooling2D(4).built -> False (no _build_at_init)
    assert layers.MaxPooling2D().built
    assert layers.GlobalMaxPooling2D().built
    adaptive = layers.AdaptiveAveragePooling2D(4)
    assert not adaptive.built
    adaptive(keras.Input((8, 8, 3)))
    assert adaptive.built and adaptive.weights == []


def test_unbuilt_adaptive_pooling_in_an_unbuilt_model():
    # keras.Sequential([keras.layers.AdaptiveAveragePooling2D(4)]).summary() -> "0 (unbuilt)"
    row = summarize(keras.Sequential([layers.AdaptiveAveragePooling2D(4)])).layers[0]
    assert not row.built and row.output_shape is None


@pytest.mark.parametrize("make,shape,expected", [
    # keras.layers.MaxPooling1D(3, 2, "same")(keras.Input((10, 3))).shape
    (lambda: layers.MaxPooling1D(3, 2, "same"), (10, 3), (None, 5, 3)),
    # keras.layers.AveragePooling2D(3, 2, "valid", "channels_first")(keras.Input((3, 11, 13)))
    (lambda: layers.AveragePooling2D(3, 2, "valid", "channels_first"), (3, 11, 13), (None, 3, 5, 6)),
    # keras.layers.MaxPooling2D(12, padding="same") on (10, 10, 3): a window bigger than the input
    (lambda: layers.MaxPooling2D(12, padding="same"), (10, 10, 3), (None, 1, 1, 3)),
    # keras.layers.MaxPooling2D(2) on (10, 10, None): channels may be unknown
    (lambda: layers.MaxPooling2D(2), (10, 10, None), (None, 5, 5, None)),
    # keras.layers.GlobalAveragePooling3D(data_format="channels_first", keepdims=True)
    (lambda: layers.GlobalAveragePooling3D(data_format="channels_first", keepdims=True),
     (2, 7, 9, 5), (None, 2, 1, 1, 1)),
    # keras.layers.GlobalAveragePooling2D(keepdims=1): any truthy keepdims
    (lambda: layers.GlobalAveragePooling2D(keepdims=1), (8, 8, 3), (None, 1, 1, 3)),
    # keras.layers.AdaptiveAveragePooling2D(4)(keras.Input((10, 10, 3))).shape
    (lambda: layers.AdaptiveAveragePooling2D(4), (10, 10, 3), (None, 4, 4, 3)),
    # keras.layers.AdaptiveAveragePooling2D(20): larger than the input
    (lambda: layers.AdaptiveAveragePooling2D(20), (10, 10, 3), (None, 20, 20, 3)),
    # keras.layers.AdaptiveMaxPooling2D(4) on (None, None, 3)
    (lambda: layers.AdaptiveMaxPooling2D(4), (None, None, 3), (None, 4, 4, 3)),
    # keras.layers.AdaptiveMaxPooling2D(0): accepted by Keras
    (lambda: layers.AdaptiveMaxPooling2D(0), (10, 10, 3), (None, 0, 0, 3)),
    # keras.layers.AdaptiveMaxPooling1D(3, data_format="channels_first")(keras.Input((4, 10)))
    (lambda: layers.AdaptiveMaxPooling1D(3, data_format="channels_first"), (4, 10), (None, 4, 3)),
    # keras.layers.AdaptiveMaxPooling3D((2, 3, 4))(keras.Input((8, 8, 8, 2))).shape
    (lambda: layers.AdaptiveMaxPooling3D((2, 3, 4)), (8, 8, 8, 2), (None, 2, 3, 4, 2)),
])
def test_output_shapes_like_keras(make, shape, expected):
    assert make()(keras.Input(shape)).shape == expected


def test_adaptive_pooling_on_the_wrong_rank_reports_like_keras_and_warns():
    # Keras sets no InputSpec: AdaptiveAveragePooling2D(4) on (10, 3) reports (None, 4, 4, 3)
    model = keras.Sequential([keras.Input((10, 3)), layers.AdaptiveAveragePooling2D(4)])
    summary = summarize(model)
    assert summary.layers[0].output_shape == (None, 4, 4, 3)
    assert any("rank 3" in w and "AdaptiveAveragePooling2D" in w for w in summary.warnings)


@pytest.mark.parametrize("make,needle", [
    # keras.layers.AdaptiveAveragePooling1D(2.0) -> TypeError
    (lambda: layers.AdaptiveAveragePooling1D(2.0), "a tuple of 1 integer"),
    (lambda: layers.AdaptiveMaxPooling2D((2,)), "(height, width)"),
    (lambda: layers.AdaptiveMaxPooling3D(-1), "non-negative"),
    # keras.layers.AdaptiveMaxPooling2D(3, data_format="NHWC") -> ValueError
    (lambda: layers.AdaptiveMaxPooling2D(3, data_format="NHWC"), "data_format='NHWC'"),
    # keras.layers.MaxPooling2D(0) -> ValueError
    (lambda: layers.MaxPooling2D(0), "pool_size"),
    (lambda: layers.MaxPooling2D(2.0), "pool_size=2.0"),
    (lambda: layers.MaxPooling2D(2, strides=-1), "strides=-1"),
    (lambda: layers.MaxPooling2D(2, data_format="NHWC"), "data_format='NHWC'"),
    (lambda: layers.MaxPooling2D(2, kernel_size=3), "kernel_size"),
])
def test_constructor_checks(make, needle):
    assert needle in error_of(make)


def test_window_bigger_than_input():
    message = error_of(lambda: layers.MaxPooling2D(12)(keras.Input((10, 10, 3))))
    assert message.startswith("Layer 'max_pooling2d' (MaxPooling2D) cannot process an input of "
                              "shape (None, 10, 10, 3): ")
    assert message.endswith("Use padding='same' or a smaller pool_size/strides")


def test_padding_is_checked_when_called_like_keras():
    # Keras keeps padding as given: MaxPooling2D(2, padding="SAME") constructs, and fails when called
    layer = layers.MaxPooling2D(2, padding="SAME")
    message = error_of(lambda: layer(keras.Input((10, 10, 3))))
    assert "'max_pooling2d' (MaxPooling2D)" in message and "padding='SAME'" in message
    assert "Use padding='valid' or padding='same'" in message
    assert "'causal'" in error_of(lambda: layers.AveragePooling1D(2, padding="causal")(
        keras.Input((10, 3))))


def test_zero_strides_fail_when_called():
    # keras.layers.MaxPooling2D(2, strides=0) constructs; calling it divides by zero in Keras
    layer = layers.MaxPooling2D(2, strides=0)
    message = error_of(lambda: layer(keras.Input((10, 10, 3))))
    assert "strides" in message and "(None, 10, 10, 3)" in message


def test_wrong_rank():
    message = error_of(lambda: layers.MaxPooling2D()(keras.Input((11, 3))))
    assert "(MaxPooling2D)" in message and "rank 4" in message and "(None, 11, 3)" in message
    # Keras uses ndim=, so a rank-5 input fails too
    message = error_of(lambda: layers.GlobalMaxPooling2D()(keras.Input((10, 10, 10, 3))))
    assert "(GlobalMaxPooling2D)" in message and "rank 4" in message


def test_explain_output():
    model = keras.Sequential([keras.Input((10, 10, 3)), layers.MaxPooling2D(3, 2, "same"),
                              layers.GlobalAveragePooling2D()])
    text = explain.render(summarize(model))
    assert "max_pooling2d: no weights = 0" in text
    assert "height: (10 - 3 + 1) / 2 + 1 = 5" in text
    assert "(None, 5, 5, 3) -> (None, 3): averages over 5 x 5" in text
    gmp = layers.GlobalMaxPooling1D(keepdims=True)
    gmp(keras.Input((None, 4)))
    assert all_words(gmp.explain_output()) == [
        "(None, None, 4) -> (None, 1, 4): takes the maximum over None (keepdims)"]
    ap = layers.AdaptiveAveragePooling2D(4)
    ap(keras.Input((37, 37, 3)))
    assert all_words(ap.explain_output())[0].startswith("(None, 37, 37, 3) -> (None, 4, 4, 3): averages")


def test_explain_of_an_unused_pooling_layer():
    assert all_words(layers.MaxPooling2D().explain_output()) == []
    assert all_words(layers.GlobalAveragePooling2D().explain_output()) == []
