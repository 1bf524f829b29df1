"""DepthwiseConv1D and DepthwiseConv2D (keras/src/layers/convolutional/depthwise_conv*.py)."""

from __future__ import annotations

from ...errors import describe_layer
from ...explanation import Count, Dims, Subject, formula, line
from .. import args as A
from .common import ConvWindowLayer

__all__ = ["DepthwiseConv1D", "DepthwiseConv2D"]


class BaseDepthwiseConv(ConvWindowLayer):
    """N-D depthwise convolution: ``kernel (*kernel_size, in_channels, depth_multiplier)``
    and ``bias (in_channels * depth_multiplier,)``.

    DepthwiseConv1D and DepthwiseConv2D take this signature (Keras's, repeated per class
    there) and set ``rank`` only.
    """

    def __init__(self, kernel_size, strides=1, padding="valid", depth_multiplier=1,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.depth_multiplier = A.positive_int(depth_multiplier, "depth_multiplier", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = use_bias
        A.set_identifiers(
            self, owner, depthwise_initializer=depthwise_initializer,
            bias_initializer=bias_initializer, depthwise_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer, depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint)

    def build(self, input_shape):
        in_channels = self._input_channels(
            input_shape, f"kernel (kernel x channels x {self.depth_multiplier} depth_multiplier)")
        self._conv_shape(input_shape, in_channels * self.depth_multiplier)
        self._in_channels = in_channels
        self.kernel = self.add_weight(name="kernel",
                                      shape=self.kernel_size + (in_channels, self.depth_multiplier),
                                      initializer=self.depthwise_initializer)
        self._add_bias(self.depth_multiplier * in_channels)

    def compute_output_shape(self, input_shape):
        channels = input_shape[self._channel_axis()]
        return self._conv_shape(input_shape, None if channels is None
                                else channels * self.depth_multiplier)

    def explain(self):
        n_in, dm = self._in_channels, self.depth_multiplier
        weights = self.kernel.size
        head = formula("kernel {} x {} x {} (depth_multiplier) = {} weights",
                       Dims(self.kernel_size), Count(n_in, "input channel"), dm, weights)
        if self.use_bias:
            out = n_in * dm
            detail = formula(" ({} channels x {})", n_in, dm) if dm > 1 else ""
            tail = formula(" + {}{} = {}", Count(out, "bias"), detail, weights + out)
        else:
            tail = formula(" (no bias) = {}", weights)
        return [line(Subject(self.name), head, tail)]

    def get_config(self):
        config = super().get_config()
        config.update(depth_multiplier=self.depth_multiplier, kernel_size=self.kernel_size,
                      strides=self.strides, padding=self.padding, data_format=self.data_format,
                      dilation_rate=self.dilation_rate, activation=self.activation,
                      use_bias=self.use_bias)
        return config


class DepthwiseConv1D(BaseDepthwiseConv):
    """1D depthwise convolution: ``kernel (k, in_channels, depth_multiplier)`` and ``bias (in_channels * depth_multiplier,)``."""

    rank = 1


class DepthwiseConv2D(BaseDepthwiseConv):
    """2D depthwise convolution: ``kernel (kh, kw, in_channels, depth_multiplier)`` and ``bias (in_channels * depth_multiplier,)``."""

    rank = 2
