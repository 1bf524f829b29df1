"""Convolution layers: error messages, explanations, and what the golden cases do not cover.

Expected shapes and weights were taken from real Keras 3.15.1 (JAX backend);
the snippet that produced each value is in the comment next to it.
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.layers import convolutional, registry
from paramscope.report import explain
from paramscope.summary import summarize

layers = keras.layers


def weights(layer):
    return [(w.name, w.shape, w.trainable, w.dtype) for w in layer.weights]


def built(layer, shape):
    layer(keras.Input(shape))
    return layer


def error_of(fn):
    with pytest.raises(LayerError) as info:
        fn()
    return str(info.value)


# -- registry and aliases ---------------------------------------------------------------------

# [n for n in dir(keras.layers) if "Conv" in n and "LSTM" not in n] in Keras 3.15.1
KERAS_CONV_NAMES = [
    "Conv1D", "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose",
    "Convolution1D", "Convolution1DTranspose", "Convolution2D", "Convolution2DTranspose",
    "Convolution3D", "Convolution3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D",
    "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D",
]


def test_every_keras_convolution_name_is_registered():
    assert sorted(convolutional.__all__) == sorted(KERAS_CONV_NAMES)
    for name in KERAS_CONV_NAMES:
        assert registry()[name] is getattr(convolutional, name)


@pytest.mark.parametrize("alias,cls,name", [("Convolution2D", "Conv2D", "conv2d"),
                                            ("Convolution3DTranspose", "Conv3DTranspose",
                                             "conv3d_transpose"),
                                            ("SeparableConvolution1D", "SeparableConv1D",
                                             "separable_conv1d")])
def test_aliases_are_the_same_class(alias, cls, name):
    # keras.layers.Convolution2D(2, 3).name == "conv2d" (auto-names come from the class)
    layer = getattr(layers, alias)(2, 3)
    assert type(layer).__name__ == cls
    assert layer.name == name


# -- positional arguments follow each Keras signature -----------------------------------------

def test_conv3d_transpose_takes_data_format_before_output_padding():
    # keras.layers.Conv3DTranspose(2, 3, 2, "valid", "channels_last", 1)(keras.Input((4, 4, 4, 3)))
    y = layers.Conv3DTranspose(2, 3, 2, "valid", "channels_last", 1)(keras.Input((4, 4, 4, 3)))
    assert y.shape == (None, 10, 10, 10, 2)
    # keras.layers.Conv1DTranspose(2, 3, 2, "valid", 1, "channels_last")(keras.Input((4, 3)))
    y = layers.Conv1DTranspose(2, 3, 2, "valid", 1, "channels_last")(keras.Input((4, 3)))
    assert y.shape == (None, 10, 2)


def test_depthwise_and_separable_positional_depth_multiplier():
    # keras.layers.DepthwiseConv2D(3, 1, "valid", 2)(keras.Input((8, 8, 3))).shape
    assert layers.DepthwiseConv2D(3, 1, "valid", 2)(keras.Input((8, 8, 3))).shape == (None, 6, 6, 6)
    # l = keras.layers.SeparableConv2D(4, 3, 1, "valid", None, 1, 2); l(keras.Input((8, 8, 3)))
    sep = built(layers.SeparableConv2D(4, 3, 1, "valid", None, 1, 2), (8, 8, 3))
    assert [(w.name, w.shape) for w in sep.weights] == [
        ("depthwise_kernel", (3, 3, 3, 2)), ("pointwise_kernel", (1, 1, 6, 4)), ("bias", (4,))]


# -- LoRA, dtypes, frozen layers ----------------------------------------------------------------

def test_lora_with_groups_and_mixed_precision():
    # l = keras.layers.Conv2D(8, 3, lora_rank=2, groups=2); l(keras.Input((8, 8, 6)))
    conv = built(layers.Conv2D(8, 3, lora_rank=2, groups=2), (8, 8, 6))
    assert weights(conv) == [("kernel", (3, 3, 3, 8), False, "float32"),
                             ("bias", (8,), True, "float32"),
                             ("lora_kernel_a", (3, 3, 3, 2), True, "float32"),
                             ("lora_kernel_b", (2, 8), True, "float32")]
    # keras.layers.Conv2D(4, 3, dtype="mixed_bfloat16", lora_rank=1): float32 variables
    conv = built(layers.Conv2D(4, 3, dtype="mixed_bfloat16", lora_rank=1), (8, 8, 3))
    assert [w.dtype for w in conv.weights] == ["float32"] * 4
    # keras.layers.SeparableConv2D(4, 3, dtype="bfloat16"): bfloat16 variables
    sep = built(layers.SeparableConv2D(4, 3, dtype="bfloat16"), (8, 8, 3))
    assert [w.dtype for w in sep.weights] == ["bfloat16"] * 3


def test_lora_on_a_frozen_layer_is_all_non_trainable():
    # l = keras.layers.Conv2D(4, 3, lora_rank=1, trainable=False); l(keras.Input((8, 8, 3)))
    conv = built(layers.Conv2D(4, 3, lora_rank=1, trainable=False), (8, 8, 3))
    assert [w.trainable for w in conv.weights] == [False] * 4
    assert conv.trainable_weights == []


def test_enable_lora_after_build_and_its_checks():
    # l = keras.layers.Conv1D(4, 3); l(keras.Input((8, 3))); l.enable_lora(2)
    conv = built(layers.Conv1D(4, 3), (8, 3))
    conv.enable_lora(2)
    assert [(w.name, w.shape, w.trainable) for w in conv.weights] == [
        ("kernel", (3, 3, 4), False), ("bias", (4,), True),
        ("lora_kernel_a", (3, 3, 2), True), ("lora_kernel_b", (2, 4), True)]
    assert "already enabled" in error_of(lambda: conv.enable_lora(2))
    assert "isn't yet built" in error_of(lambda: layers.Conv1D(4, 3).enable_lora(2))
    message = error_of(lambda: built(layers.Conv2D(8, 3, lora_rank=2, kernel_constraint="non_neg"),
                                     (8, 8, 3)))
    assert "kernel_constraint" in message and "'conv2d" in message


def test_lora_is_not_an_argument_of_other_convolutions():
    # keras.layers.Conv2DTranspose(8, 3, lora_rank=2) -> Unrecognized keyword arguments
    with pytest.raises(LayerError, match="lora_rank"):
        layers.Conv2DTranspose(8, 3, lora_rank=2)
    with pytest.raises(LayerError, match="lora_rank"):
        layers.DepthwiseConv2D(3, lora_rank=2)


# -- shapes the golden cases do not cover -------------------------------------------------------

@pytest.mark.parametrize("make,shape,expected", [
    # keras.layers.Conv1D(4, 3, padding="causal", data_format="channels_first", strides=2)
    (lambda: layers.Conv1D(4, 3, padding="causal", data_format="channels_first", strides=2),
     (3, 10), (None, 4, 5)),
    # keras.layers.Conv1D(4, 3, padding="causal", strides=2)
    (lambda: layers.Conv1D(4, 3, padding="causal", strides=2), (10, 3), (None, 5, 4)),
    # keras.layers.DepthwiseConv2D(3, data_format="channels_first", depth_multiplier=2)
    (lambda: layers.DepthwiseConv2D(3, data_format="channels_first", depth_multiplier=2),
     (3, None, None), (None, 6, None, None)),
    # keras.layers.DepthwiseConv2D(3, strides=2, dilation_rate=2): no strides/dilation check
    (lambda: layers.DepthwiseConv2D(3, strides=2, dilation_rate=2), (11, 13, 3), (None, 4, 5, 3)),
    # keras.layers.Conv2DTranspose(3, 3, strides=2, padding="same")
    (lambda: layers.Conv2DTranspose(3, 3, strides=2, padding="same"), (None, 5, 3),
     (None, None, 10, 3)),
    # keras.layers.Conv2DTranspose(2, 2, padding="same", output_padding=0) on (1, 1, 3): empty
    (lambda: layers.Conv2DTranspose(2, 2, padding="same", output_padding=0), (1, 1, 3),
     (None, 0, 0, 2)),
])
def test_output_shapes_like_keras(make, shape, expected):
    assert make()(keras.Input(shape)).shape == expected


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
