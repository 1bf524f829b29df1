"""Convolution layers: error messages, explanations, and what the golden cases do not cover.

What Keras does is read from tests/golden/layer_tables/keras3.json.gz, recorded by
tools/make_layer_tables.py in real Keras 3.15.1 (JAX): the table ``convolutional`` (one layer
called on a ``keras.Input``, rows in tools/cases/layer_tables.py) and the snippets
``convolutional_snippets`` (tools/cases/layer_snippets.py), run here on paramscope.  The error
wording and the explanations are paramscope's own.
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.layers import convolutional
from paramscope.report import explain
from paramscope.summary import summarize
from keras_snippets import check_snippet, recorded_snippets
from keras_table import check_like_keras, check_registered, error_of, recorded_table

layers = keras.layers

CASES = recorded_table("convolutional")
SNIPPETS = recorded_snippets("convolutional_snippets")


def built(layer, shape):
    layer(keras.Input(shape))
    return layer


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    """Output shapes and weights the golden cases do not cover, and where Keras raises
    (constructor or call) for the inputs whose messages the tests below check."""
    check_like_keras(case)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippets_like_keras(snippet):
    check_snippet(SNIPPETS[snippet])


def test_every_keras_convolution_name_is_registered():
    keras_names = SNIPPETS["names"][2]
    assert len(keras_names) == 18
    check_registered(convolutional, keras_names)


# -- LoRA: what paramscope says where Keras raises ----------------------------------------------

def test_enable_lora_checks():
    conv = built(layers.Conv1D(4, 3), (8, 3))
    conv.enable_lora(2)
    assert "already enabled" in error_of(lambda: conv.enable_lora(2))
    assert "isn't yet built" in error_of(lambda: layers.Conv1D(4, 3).enable_lora(2))
    message = error_of(lambda: built(layers.Conv2D(8, 3, lora_rank=2, kernel_constraint="non_neg"),
                                     (8, 8, 3)))
    assert "kernel_constraint" in message and "'conv2d" in message


def test_lora_is_not_an_argument_of_other_convolutions():
    # Keras raises in the constructor (the table's init:ValueError rows); paramscope names it
    with pytest.raises(LayerError, match="lora_rank"):
        layers.Conv2DTranspose(8, 3, lora_rank=2)
    with pytest.raises(LayerError, match="lora_rank"):
        layers.DepthwiseConv2D(3, lora_rank=2)


# -- error messages -------------------------------------------------------------------------------

def test_kernel_bigger_than_input():
    message = error_of(lambda: layers.Conv2D(2, 4)(keras.Input((3, 3, 1))))
    assert message.startswith("Layer 'conv2d' (Conv2D) cannot process an input of shape "
                              "(None, 3, 3, 1): ")
    assert "output size would be 0" in message
    assert message.endswith("Use padding='same' or a smaller kernel_size")


def test_strided_and_dilated_remedies_name_the_knob():
    message = error_of(lambda: layers.Conv2D(2, 2, strides=2)(keras.Input((1, 5, 1))))
    assert message.endswith("a smaller kernel_size/strides")
    message = error_of(lambda: layers.Conv1D(2, 3, dilation_rate=3)(keras.Input((6, 1))))
    assert message.endswith("a smaller kernel_size/dilation_rate")
    message = error_of(lambda: layers.SeparableConv1D(5, 12)(keras.Input((11, 3))))
    assert "(SeparableConv1D) cannot process an input of shape (None, 11, 3)" in message


def test_groups_not_dividing_channels_or_filters():
    message = error_of(lambda: layers.Conv2D(6, 3, groups=2)(keras.Input((8, 8, 3))))
    assert "'conv2d' (Conv2D)" in message and "(None, 8, 8, 3)" in message
    assert "3 channels" in message and "groups=2" in message
    message = error_of(lambda: layers.Conv2D(5, 3, groups=2))
    assert "'conv2d_1' (Conv2D)" in message and "filters=5" in message
    assert "multiple of 2 (e.g. 6)" in message


def test_strides_with_dilation():
    for make in (lambda: layers.Conv2D(5, 3, strides=2, dilation_rate=2),
                 lambda: layers.Conv2DTranspose(4, 3, strides=2, dilation_rate=2)):
        message = error_of(make)
        assert "`strides > 1`" in message and "dilation_rate=(2, 2)" in message
        assert "Use strides=1" in message


@pytest.mark.parametrize("kwargs,needle", [
    (dict(kernel_size=0), "`kernel_size` cannot contain 0"),
    (dict(kernel_size=(3, 0)), "kernel_size=(3, 0)"),
    (dict(kernel_size=3, strides=0), "`strides` cannot contain 0"),
    (dict(kernel_size=3, dilation_rate=(1, 0)), "`dilation_rate` cannot contain 0"),
    (dict(kernel_size=(3, 3, 3)), "tuple of 2 integers"),
    (dict(kernel_size=3, padding="causal"), "only supported by Conv1D"),
    (dict(kernel_size=3, padding="full"), "padding='full'"),
    (dict(kernel_size=3, data_format="NHWC"), "data_format='NHWC'"),
])
def test_constructor_checks(kwargs, needle):
    message = error_of(lambda: layers.Conv2D(2, **kwargs))
    assert "(Conv2D)" in message and needle in message


def test_unknown_channels():
    message = error_of(lambda: layers.Conv2D(5, 3)(keras.Input((8, 8, None))))
    assert "(None, 8, 8, None)" in message and "unknown (None)" in message
    assert "fixed number of channels" in message
    message = error_of(lambda: layers.Conv2D(2, 3, data_format="channels_first")(
        keras.Input((None, 8, 8))))
    assert "axis 1" in message
    for make in (lambda: layers.Conv2DTranspose(2, 3), lambda: layers.DepthwiseConv2D(3),
                 lambda: layers.SeparableConv2D(2, 3)):
        layer = make()
        message = error_of(lambda: layer(keras.Input((10, 10, None))))
        assert f"'{layer.name}' ({type(layer).__name__})" in message


def test_wrong_rank():
    message = error_of(lambda: layers.Conv2D(5, 3)(keras.Input((8, 8))))
    assert "rank at least 4" in message and "(None, 8, 8)" in message
    # Keras: min_ndim=4 lets a rank-5 input through; build then fails
    message = error_of(lambda: layers.Conv2D(5, 3)(keras.Input((2, 8, 8, 3))))
    assert "(None, 2, 8, 8, 3)" in message and "rank 4" in message
    assert message.endswith("Reshape the input to rank 4, or use the layer with 3 spatial dimensions")
    message = error_of(lambda: layers.Conv2DTranspose(5, 3)(keras.Input((2, 8, 8, 3))))
    assert "(Conv2DTranspose)" in message


def test_output_padding_must_be_less_than_strides():
    message = error_of(lambda: layers.Conv2DTranspose(4, 3, strides=2, output_padding=2))
    assert "output_padding=(2, 2), strides=(2, 2)" in message


def test_shared_layer_with_other_channels():
    conv = built(layers.Conv2D(2, 3), (8, 8, 3))
    message = error_of(lambda: conv(keras.Input((8, 8, 4))))
    assert "axis -1 must have size 3" in message


# -- explanations ------------------------------------------------------------------------------

def explained(model):
    return explain.render(summarize(model))


def test_explain_conv2d():
    model = keras.Sequential([keras.Input((20, 20, 3)), layers.Conv2D(2, 3, padding="same")])
    text = explained(model)
    assert "conv2d: kernel 3x3 x 3 input channels x 2 filters = 54 weights + 2 biases = 56" in text
    assert "height: (20 - 3 + 2*1) / 1 + 1 = 20" in text
    assert "width: (20 - 3 + 2*1) / 1 + 1 = 20" in text


def test_explain_grouped_and_no_bias():
    conv = built(layers.Conv2D(6, 3, groups=3), (20, 20, 6))
    assert all_words(conv.explain())[0] == ("conv2d: kernel 3x3 x (6 input channels / 3 groups) x "
                                 "6 filters = 108 weights + 6 biases = 114")
    conv = built(layers.Conv2D(2, 3, use_bias=False), (20, 20, 3))
    assert all_words(conv.explain()) == [
        "conv2d_1: kernel 3x3 x 3 input channels x 2 filters = 54 weights (no bias) = 54"]
    assert all_words(conv.explain_output()) == ["height: (20 - 3) / 1 + 1 = 18",
                                     "width: (20 - 3) / 1 + 1 = 18"]


def test_explain_conv1d_and_lora():
    conv = built(layers.Conv1D(1, 3, lora_rank=2), (10, 1))
    lines = all_words(conv.explain())
    assert lines[0] == "conv1d: kernel 3 x 1 input channel x 1 filter = 3 weights + 1 bias = 4"
    assert lines[1].startswith("LoRA rank 2: 4 + lora_kernel_a 3x1x2 (6) + lora_kernel_b 2x1 (2) = 12")
    assert all_words(conv.explain_output()) == ["steps: (10 - 3) / 1 + 1 = 8"]


def test_explain_depthwise_separable_transposed():
    dw = built(layers.DepthwiseConv2D(3, depth_multiplier=2), (8, 8, 4))
    assert all_words(dw.explain()) == ["depthwise_conv2d: kernel 3x3 x 4 input channels x 2 "
                            "(depth_multiplier) = 72 weights + 8 biases (4 channels x 2) = 80"]
    sep = built(layers.SeparableConv2D(5, 3, depth_multiplier=2, padding="same"), (6, 6, 8))
    assert all_words(sep.explain()) == [
        "separable_conv2d: depthwise 144 + pointwise 80 + 5 biases = 229",
        "depthwise_kernel: 3x3 x 8 input channels x 2 (depth_multiplier) = 144",
        "pointwise_kernel: 1x1 x 16 channels (8 x 2) x 5 filters = 80"]
    tr = built(layers.Conv2DTranspose(2, 3, strides=2), (5, 6, 3))
    assert all_words(tr.explain()) == ["conv2d_transpose: kernel 3x3 x 2 filters x 3 input channels = "
                            "54 weights + 2 biases = 56"]
    assert all_words(tr.explain_output()) == ["height: (5 - 1) * 2 + 3 = 11", "width: (6 - 1) * 2 + 3 = 13"]
    tr = built(layers.Conv1DTranspose(2, 2, strides=3, padding="same", output_padding=1), (13, 3))
    assert all_words(tr.explain_output()) == ["steps: (13 - 1) * 3 + 2 % 2 + 1 (output_padding) = 37"]


def test_explain_unknown_dims_and_causal():
    conv = built(layers.Conv1D(4, 3, padding="causal", strides=2), (None, 3))
    assert all_words(conv.explain_output()) == ["steps: None (unknown) stays None"]
    conv = built(layers.Conv1D(4, 3, padding="causal", strides=2), (10, 3))
    assert all_words(conv.explain_output()) == ["steps: floor((10 - 3 + 2 (causal, left)) / 2) + 1 = 5"]
