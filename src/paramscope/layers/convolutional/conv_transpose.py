"""Transposed convolutions (keras/src/layers/convolutional/conv*_transpose.py)."""

from __future__ import annotations

from ... import shapes
from ...errors import LayerError, describe_layer
from ...explanation import Count, Dims, Subject, formula, line
from .. import args as A
from .common import ConvWindowLayer, bias_tail

__all__ = ["Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
           "Convolution1DTranspose", "Convolution2DTranspose", "Convolution3DTranspose"]


class BaseConvTranspose(ConvWindowLayer):
    """N-D transposed convolution: ``kernel (*kernel_size, filters, in_channels)`` and ``bias (filters,)``.

    Conv1DTranspose and Conv2DTranspose take this signature (Keras's, repeated per class
    there) and set ``rank`` only; Conv3DTranspose orders two arguments differently.
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid", output_padding=None,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        rank = self.rank
        self.filters = A.positive_int(filters, "filters", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        if output_padding is None:
            self.output_padding = None
        else:
            self.output_padding = A.standardize_tuple(output_padding, rank, "output_padding",
                                                      owner, allow_zero=True)
        self._init_kernel_arguments(owner, activation, use_bias, kernel_initializer,
                                    bias_initializer, kernel_regularizer, bias_regularizer,
                                    kernel_constraint, bias_constraint)
        if self.output_padding is not None:
            for i, (op, s) in enumerate(zip(self.output_padding, self.strides)):
                if op >= s:
                    raise LayerError(
                        f"{owner}: `output_padding` must be strictly less than `strides` in "
                        f"every dimension. At dimension {i}, output_padding is {op} but strides "
                        f"is {s}. Received: output_padding={self.output_padding}, "
                        f"strides={self.strides}. Use output_padding < strides (or leave it "
                        "None for Keras's default).", self)
        self._check_strides_and_dilation()

    def build(self, input_shape):
        in_channels = self._input_channels(input_shape, f"kernel (kernel x {self.filters} filters x channels)")
        self._in_channels = in_channels
        self.kernel = self.add_weight(name="kernel",
                                      shape=self.kernel_size + (self.filters, in_channels),
                                      initializer=self.kernel_initializer)
        self._add_bias(self.filters)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        self._check_rank(input_shape)
        return shapes.conv_transpose_output_shape(
            input_shape, self.filters, self.kernel_size, self.strides, self.padding,
            self.output_padding, self.data_format, self.dilation_rate)

    def _explain_length(self, i, size):
        op = None if self.output_padding is None else self.output_padding[i]
        return shapes.explain_conv_transpose_length(size, self.kernel_size[i], self.strides[i],
                                                    self.padding, op, self.dilation_rate[i])

    def explain(self):
        weights = self.kernel.size
        head = formula("kernel {} x {} x {} = {} weights", Dims(self.kernel_size),
                       Count(self.filters, "filter"), Count(self._in_channels, "input channel"),
                       weights)
        return [line(Subject(self.name), head, bias_tail(self.use_bias, self.filters, weights))]

    def get_config(self):
        config = super().get_config()
        config.update(filters=self.filters, kernel_size=self.kernel_size, strides=self.strides,
                      padding=self.padding, output_padding=self.output_padding,
                      data_format=self.data_format, dilation_rate=self.dilation_rate,
                      activation=self.activation, use_bias=self.use_bias)
        return config


class Conv1DTranspose(BaseConvTranspose):
    """1D transposed convolution: ``kernel (k, filters, in_channels)`` and ``bias (filters,)``."""

    rank = 1


class Conv2DTranspose(BaseConvTranspose):
    """2D transposed convolution: ``kernel (kh, kw, filters, in_channels)`` and ``bias (filters,)``."""

    rank = 2


class Conv3DTranspose(BaseConvTranspose):
    """3D transposed convolution: ``kernel (kd, kh, kw, filters, in_channels)`` and ``bias (filters,)``.

    Keras puts ``data_format`` before ``output_padding`` in this one signature.
    """

    rank = 3

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format=None, output_padding=None, dilation_rate=(1, 1, 1),
                 activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(filters=filters, kernel_size=kernel_size, strides=strides,
                         padding=padding, output_padding=output_padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         **kwargs)


Convolution1DTranspose = Conv1DTranspose
Convolution2DTranspose = Conv2DTranspose
Convolution3DTranspose = Conv3DTranspose
