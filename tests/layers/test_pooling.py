"""Pooling layers: error messages, explanations, and what the golden cases do not cover.

What Keras does is read from tests/golden/layer_tables/keras3.json.gz, recorded by
tools/make_layer_tables.py in real Keras 3.15.1 (JAX): the table ``pooling`` (one layer
called on a ``keras.Input``, rows in tools/cases/layer_tables.py) and the snippets
``pooling_snippets`` (tools/cases/layer_snippets.py), run here on paramscope.  The error
wording, warnings and explanations are paramscope's own.
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.layers import pooling
from paramscope.report import explain
from paramscope.summary import summarize
from keras_snippets import check_snippet, recorded_snippets
from keras_table import check_like_keras, check_registered, error_of, recorded_table

layers = keras.layers

CASES = recorded_table("pooling")
SNIPPETS = recorded_snippets("pooling_snippets")


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    """Output shapes, built at construction (Keras builds the fixed-window and global poolings
    in the constructor, not the adaptive ones), and where Keras raises (constructor or call)."""
    check_like_keras(case)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippets_like_keras(snippet):
    check_snippet(SNIPPETS[snippet])


def test_every_keras_pooling_name_is_registered():
    keras_names = SNIPPETS["names"][2][0]
    assert len(keras_names) == 30
    check_registered(pooling, keras_names)


def test_adaptive_pooling_is_built_when_called():
    adaptive = layers.AdaptiveAveragePooling2D(4)
    assert not adaptive.built
    adaptive(keras.Input((8, 8, 3)))
    assert adaptive.built and adaptive.weights == []


def test_adaptive_pooling_on_the_wrong_rank_warns():
    # the shape Keras reports is the snippet adaptive_pooling_on_the_wrong_rank's
    model = keras.Sequential([keras.Input((10, 3)), layers.AdaptiveAveragePooling2D(4)])
    summary = summarize(model)
    assert any("rank 3" in w and "AdaptiveAveragePooling2D" in w for w in summary.warnings)


@pytest.mark.parametrize("make,needle", [
    (lambda: layers.AdaptiveAveragePooling1D(2.0), "a tuple of 1 integer"),
    (lambda: layers.AdaptiveMaxPooling2D((2,)), "(height, width)"),
    # Keras constructs AdaptiveMaxPooling3D(-1) and raises only when it is called (ValueError:
    # negative dimensions), as paramscope does (the fixture's row)
    (lambda: layers.AdaptiveMaxPooling3D(-1)(keras.Input((8, 8, 8, 2))), "non-negative"),
    (lambda: layers.AdaptiveMaxPooling2D(3, data_format="NHWC"), "data_format='NHWC'"),
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
