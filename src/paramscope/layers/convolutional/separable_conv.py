"""SeparableConv1D and SeparableConv2D (keras/src/layers/convolutional/separable_conv*.py)."""

from __future__ import annotations

from ...errors import describe_layer
from ...explanation import Count, Dims, Subject, formula, line
from .. import args as A
from .common import ConvWindowLayer

__all__ = ["SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D"]


class BaseSeparableConv(ConvWindowLayer):
    """N-D separable convolution: ``depthwise_kernel (*kernel_size, in_channels, depth_multiplier)``,
    ``pointwise_kernel (1, ..., in_channels * depth_multiplier, filters)`` and ``bias (filters,)``.

    SeparableConv1D and SeparableConv2D take this signature (Keras's, repeated per class
    there) and set ``rank`` only.
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.depth_multiplier = A.positive_int(depth_multiplier, "depth_multiplier", owner)
        self.filters = A.positive_int(filters, "filters", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = use_bias
        for kind, value in (("depthwise_initializer", depthwise_initializer),
                            ("pointwise_initializer", pointwise_initializer),
                            ("bias_initializer", bias_initializer)):
            setattr(self, kind, A.identifier(value, "initializer", owner, kind))
        for kind, value in (("depthwise_regularizer", depthwise_regularizer),
                            ("pointwise_regularizer", pointwise_regularizer),
                            ("bias_regularizer", bias_regularizer)):
            setattr(self, kind, A.identifier(value, "regularizer", owner, kind))
        for kind, value in (("depthwise_constraint", depthwise_constraint),
                            ("pointwise_constraint", pointwise_constraint),
                            ("bias_constraint", bias_constraint)):
            setattr(self, kind, A.identifier(value, "constraint", owner, kind))

    def build(self, input_shape):
        in_channels = self._input_channels(
            input_shape, f"depthwise and pointwise kernels (channels x {self.filters} filters)")
        self._conv_shape(input_shape, self.filters)
        self._in_channels = in_channels
        self.depthwise_kernel = self.add_weight(
            name="depthwise_kernel",
            shape=self.kernel_size + (in_channels, self.depth_multiplier),
            initializer=self.depthwise_initializer)
        self.pointwise_kernel = self.add_weight(
            name="pointwise_kernel",
            shape=(1,) * self.rank + (self.depth_multiplier * in_channels, self.filters),
            initializer=self.pointwise_initializer)
        self._add_bias(self.filters)

    def compute_output_shape(self, input_shape):
        return self._conv_shape(input_shape, self.filters)

    def explain(self):
        n_in, dm, filters = self._in_channels, self.depth_multiplier, self.filters
        dw, pw = self.depthwise_kernel.size, self.pointwise_kernel.size
        if self.use_bias:
            head = formula("depthwise {} + pointwise {} + {} = {}", dw, pw,
                           Count(filters, "bias"), dw + pw + filters)
        else:
            head = formula("depthwise {} + pointwise {} (no bias) = {}", dw, pw, dw + pw)
        mid = n_in * dm
        mid_text = (formula("{} channels ({} x {})", mid, n_in, dm) if dm > 1
                    else Count(mid, "channel"))
        return [
            line(Subject(self.name), head),
            formula("depthwise_kernel: {} x {} x {} (depth_multiplier) = {}",
                    Dims(self.kernel_size), Count(n_in, "input channel"), dm, dw),
            formula("pointwise_kernel: {} x {} x {} = {}", Dims((1,) * self.rank), mid_text,
                    Count(filters, "filter"), pw),
        ]

    def get_config(self):
        config = super().get_config()
        config.update(depth_multiplier=self.depth_multiplier, filters=self.filters,
                      kernel_size=self.kernel_size, strides=self.strides, padding=self.padding,
                      data_format=self.data_format, dilation_rate=self.dilation_rate,
                      activation=self.activation, use_bias=self.use_bias)
        return config


class SeparableConv1D(BaseSeparableConv):
    """1D separable convolution: ``depthwise_kernel (k, in, dm)``, ``pointwise_kernel (1, in * dm, filters)``, ``bias (filters,)``."""

    rank = 1


class SeparableConv2D(BaseSeparableConv):
    """2D separable convolution: ``depthwise_kernel (kh, kw, in, dm)``, ``pointwise_kernel (1, 1, in * dm, filters)``, ``bias (filters,)``."""

    rank = 2


SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D
