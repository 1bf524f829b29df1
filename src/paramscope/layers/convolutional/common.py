"""What the convolution layers share (keras/src/layers/convolutional/base_conv.py).

``ConvWindowLayer`` checks a convolution window's arguments (kernel_size, strides,
dilation_rate, padding, data_format) as Keras does and explains how the window
changes each spatial length; the convolutions here and ConvLSTM's cell build on it.
"""

from __future__ import annotations

from ... import shapes
from ...errors import LayerError, ShapeError, describe_layer, format_shape
from ...explanation import Count, Subject, formula, line
from .. import args as A
from ..base import InputSpec, Layer

#: Names of the spatial dimensions in explanations, by rank.
SPATIAL_NAMES = {1: ("steps",), 2: ("height", "width"), 3: ("depth", "height", "width")}


def channel_axis(data_format):
    """The channels' axis of a convolution's input (of one step's, in ConvLSTM)."""
    return -1 if data_format == "channels_last" else 1


def bias_tail(use_bias, filters, weights):
    """`` + 2 biases = 56`` (`` (no bias) = 54``) after a kernel's weights."""
    if use_bias:
        return formula(" + {} = {}", Count(filters, "bias"), weights + filters)
    return formula(" (no bias) = {}", weights)


def last_input_shape(layer):
    """The input shape of the layer's last call (or of its build), if any."""
    if layer._inbound_nodes and layer._inbound_nodes[-1].input_tensors:
        return tuple(layer._inbound_nodes[-1].input_tensors[0].shape)
    built_with = layer._build_shapes_dict or {}
    shape = built_with.get("input_shape")
    return tuple(shape) if shape is not None else None


def with_fix(error, fix):
    """Attach the remedy to a ShapeError (shown after the layer's message)."""
    if not getattr(error, "fix", None):
        error.fix = fix
    return error


class ConvWindowLayer(Layer):
    """What every convolution shares: kernel/strides/dilation/padding/data_format checks."""

    rank = None
    allow_causal = False

    def _init_window(self, kernel_size, strides, padding, data_format, dilation_rate):
        owner = describe_layer(self)
        rank = self.rank
        for name, value in (("kernel_size", kernel_size), ("strides", strides),
                            ("dilation_rate", dilation_rate)):
            values = A.standardize_tuple(value, rank, name, owner, allow_zero=True)
            if 0 in values:
                raise LayerError(
                    f"{owner}: the argument `{name}` cannot contain 0. Received: {name}="
                    f"{value!r}. Every {name} dimension must be at least 1"
                    + (" (kernel_size=1 for a pointwise convolution)." if name == "kernel_size"
                       else "."), self)
            object.__setattr__(self, name, values)  # ints: no sub-layer to track
        if (isinstance(padding, str) and padding.lower() == "causal"
                and not self.allow_causal):
            raise LayerError(
                f"{owner}: padding='causal' is only supported by Conv1D. Received: "
                f"padding={padding!r}. Use padding='valid' or 'same' (or a Conv1D for causal "
                "sequence convolutions).", self)
        self.padding = A.standardize_padding(padding, owner, allow_causal=self.allow_causal)
        self.data_format = A.standardize_data_format(data_format, owner)
        self.input_spec = InputSpec(min_ndim=rank + 2)

    def _init_kernel_arguments(self, owner, activation, use_bias, kernel_initializer,
                               bias_initializer, kernel_regularizer, bias_regularizer,
                               kernel_constraint, bias_constraint):
        """A convolution's activation and its kernel's and bias's arguments (Conv, ConvTranspose)."""
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = use_bias
        A.set_identifiers(
            self, owner, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint)

    def _check_strides_and_dilation(self):
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise LayerError(
                f"{describe_layer(self)}: `strides > 1` is not supported together with "
                f"`dilation_rate > 1`. Received: strides={self.strides} and "
                f"dilation_rate={self.dilation_rate}. Use strides=1 with a dilation, or "
                "dilation_rate=1 with strides (or a pooling layer after the dilated "
                "convolution).", self)

    def _channel_axis(self):
        return channel_axis(self.data_format)

    def _input_channels(self, input_shape, what):
        """The input's channel count, which the layer's input spec then requires; a clear
        error if it is unknown (``what``: the weights it sizes)."""
        axis = self._channel_axis()
        channels = input_shape[axis]
        if channels is None:
            where = "last axis" if axis == -1 else "axis 1, data_format='channels_first'"
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(tuple(input_shape))}: its channel dimension ({where}) is "
                f"unknown (None), but {type(self).__name__} needs it to size its {what}. "
                "Give the Input a fixed number of channels.", self)
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        return channels

    def _add_bias(self, size):
        """``bias (size,)`` with ``use_bias``; ``None`` without."""
        self.bias = (self.add_weight(name="bias", shape=(size,), initializer=self.bias_initializer)
                     if self.use_bias else None)

    def _check_rank(self, input_shape):
        """Keras lets ranks above ``rank + 2`` through its InputSpec; the kernel then fails."""
        if len(input_shape) != self.rank + 2:
            names = ", ".join(SPATIAL_NAMES[self.rank])
            raise with_fix(ShapeError(
                f"{type(self).__name__} convolves {self.rank} spatial dimension"
                f"{'s' if self.rank > 1 else ''}: it takes inputs of rank {self.rank + 2} "
                f"(batch, {names}, channels), not rank {len(input_shape)}"),
                f"Reshape the input to rank {self.rank + 2}, or use the layer with "
                f"{len(input_shape) - 2} spatial dimensions")

    def _valid_padding_fix(self, error):
        if self.padding == "valid":
            knobs = "kernel_size" + ("/dilation_rate" if max(self.dilation_rate) > 1 else "")
            if max(self.strides) > 1:
                knobs += "/strides"
            with_fix(error, f"Use padding='same' or a smaller {knobs}")
        return error

    def _conv_shape(self, input_shape, filters):
        input_shape = tuple(input_shape)
        self._check_rank(input_shape)
        try:
            return shapes.conv_output_shape(input_shape, filters, self.kernel_size,
                                            self.strides, self.padding, self.data_format,
                                            self.dilation_rate)
        except ShapeError as e:
            raise self._valid_padding_fix(e)

    def explain_output(self):
        input_shape = last_input_shape(self)
        if input_shape is None or len(input_shape) != self.rank + 2:
            return []
        spatial = shapes.spatial_dims(input_shape, self.data_format)
        lines = []
        for i, (name, size) in enumerate(zip(SPATIAL_NAMES[self.rank], spatial)):
            try:
                lines.append(line(Subject(name), self._explain_length(i, size)))
            except ShapeError:
                return []
        return lines

    def _explain_length(self, i, size):
        return shapes.explain_conv_length(size, self.kernel_size[i], self.strides[i],
                                          self.padding, self.dilation_rate[i])
