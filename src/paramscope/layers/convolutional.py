"""Convolution layers (keras/src/layers/convolutional).

Conv1D/2D/3D, their transposes, DepthwiseConv1D/2D and SeparableConv1D/2D.
Each shares an N-D base class with a ``rank``, as Keras does: the
constructor checks the arguments the way Keras does, ``build`` checks the
input (channels known, divisible by ``groups``, output not empty) and creates
the weights with Keras's names, shapes and order.
"""

from __future__ import annotations

from .. import shapes
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from ..explanation import Count, Dims, Subject, formula, line
from . import args as A
from .base import InputSpec, Layer

__all__ = [
    "Conv1D", "Conv2D", "Conv3D",
    "Convolution1D", "Convolution2D", "Convolution3D",
    "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
    "Convolution1DTranspose", "Convolution2DTranspose", "Convolution3DTranspose",
    "DepthwiseConv1D", "DepthwiseConv2D",
    "SeparableConv1D", "SeparableConv2D",
    "SeparableConvolution1D", "SeparableConvolution2D",
]

#: Names of the spatial dimensions in explanations, by rank.
SPATIAL_NAMES = {1: ("steps",), 2: ("height", "width"), 3: ("depth", "height", "width")}


def _bias_tail(use_bias, filters, weights):
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


class _ConvArgs(Layer):
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

    def _check_strides_and_dilation(self):
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise LayerError(
                f"{describe_layer(self)}: `strides > 1` is not supported together with "
                f"`dilation_rate > 1`. Received: strides={self.strides} and "
                f"dilation_rate={self.dilation_rate}. Use strides=1 with a dilation, or "
                "dilation_rate=1 with strides (or a pooling layer after the dilated "
                "convolution).", self)

    def _channel_axis(self):
        return -1 if self.data_format == "channels_last" else 1

    def _input_channels(self, input_shape, what):
        """The input's channel count; a clear error if it is unknown."""
        axis = self._channel_axis()
        channels = input_shape[axis]
        if channels is None:
            where = "last axis" if axis == -1 else "axis 1, data_format='channels_first'"
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(tuple(input_shape))}: its channel dimension ({where}) is "
                f"unknown (None), but {type(self).__name__} needs it to size its {what}. "
                "Give the Input a fixed number of channels.", self)
        return channels

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


class _Conv(_ConvArgs):
    """N-D convolution: ``kernel (*kernel_size, in_channels // groups, filters)`` and ``bias (filters,)``."""

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, lora_rank=None, lora_alpha=None,
                 **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.rank = rank
        self.filters = A.positive_int(filters, "filters", owner)
        self.groups = A.positive_int(groups, "groups", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = use_bias
        A.set_identifiers(
            self, owner, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        if self.filters % self.groups:
            raise LayerError(
                f"{owner}: the number of filters must be evenly divisible by the number of "
                f"groups. Received: groups={self.groups}, filters={self.filters}. Each group "
                f"computes filters / groups output channels; use a number of filters that is a "
                f"multiple of {self.groups} (e.g. {self.filters + self.groups - self.filters % self.groups}) "
                "or a number of groups that divides filters.", self)
        self._check_strides_and_dilation()

    def build(self, input_shape):
        in_channels = self._input_channels(input_shape, f"kernel (kernel x channels x {self.filters} filters)")
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis(): in_channels})
        if in_channels % self.groups:
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(tuple(input_shape))} with {in_channels} channels, which is not "
                f"divisible by groups={self.groups}: each group convolves in_channels / groups "
                f"input channels. Use a number of groups that divides both {in_channels} (the "
                f"input channels) and {self.filters} (filters), or change the input's channels.",
                self)
        self._conv_shape(input_shape, self.filters)
        self._in_channels = in_channels
        kernel_shape = self.kernel_size + (in_channels // self.groups, self.filters)
        self._kernel = self.add_weight(name="kernel", shape=kernel_shape,
                                       initializer=self.kernel_initializer)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.filters,),
                                        initializer=self.bias_initializer)
        else:
            self.bias = None
        self.built = True
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    @property
    def kernel(self):
        if not self.built:
            raise AttributeError("You must build the layer before accessing `kernel`.")
        return self._kernel

    def enable_lora(self, rank, lora_alpha=None, a_initializer="he_uniform",
                    b_initializer="zeros"):
        """Keras's LoRA: ``lora_kernel_a (*kernel.shape[:-1], rank)``, ``lora_kernel_b (rank, filters)``."""
        owner = describe_layer(self)
        if self.kernel_constraint:
            raise LayerError(
                f"{owner}: LoRA is incompatible with kernel constraints. To enable LoRA on this "
                "layer (lora_rank=...), remove the `kernel_constraint` argument.", self)
        if not self.built:
            raise LayerError(f"{owner}: cannot enable LoRA on a layer that isn't yet built.", self)
        if self.lora_enabled:
            raise LayerError(
                f"{owner}: LoRA is already enabled. This can only be done once per layer.", self)
        self.lora_kernel_a = self.add_weight(name="lora_kernel_a",
                                             shape=self._kernel.shape[:-1] + (rank,),
                                             initializer=a_initializer, dtype="float32")
        self.lora_kernel_b = self.add_weight(name="lora_kernel_b", shape=(rank, self.filters),
                                             initializer=b_initializer, dtype="float32")
        self._kernel.trainable = False
        self.lora_enabled = True
        self.lora_rank = rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else rank

    def compute_output_shape(self, input_shape):
        return self._conv_shape(input_shape, self.filters)

    def explain(self):
        n_in, groups, filters = self._in_channels, self.groups, self.filters
        per_group = n_in // groups
        weights = self._kernel.size
        channels = Count(n_in, "input channel")
        if groups > 1:
            channels = formula("({} / {} groups)", channels, groups)
        head = formula("kernel {} x {} x {} = {} weights", Dims(self.kernel_size), channels,
                       Count(filters, "filter"), weights)
        lines = [line(Subject(self.name), head, _bias_tail(self.use_bias, filters, weights))]
        if groups > 1:
            lines.append(formula("each filter sees {} of the {} input channels ({} / {} groups)",
                                 per_group, n_in, n_in, groups))
        if self.lora_enabled:
            a, b = self.lora_kernel_a, self.lora_kernel_b
            total = weights + (filters if self.use_bias else 0)
            lines.append(formula(
                "LoRA rank {}: {} + lora_kernel_a {} ({}) + lora_kernel_b {} ({}) = {}; the base "
                "kernel ({}) is frozen, the LoRA weights are trainable", self.lora_rank, total,
                Dims(a.shape), a.size, Dims(b.shape), b.size, total + a.size + b.size, weights))
        return lines

    def get_config(self):
        config = super().get_config()
        config.update(filters=self.filters, kernel_size=self.kernel_size, strides=self.strides,
                      padding=self.padding, data_format=self.data_format,
                      dilation_rate=self.dilation_rate, groups=self.groups,
                      activation=self.activation, use_bias=self.use_bias)
        if self.lora_rank:
            config.update(lora_rank=self.lora_rank, lora_alpha=self.lora_alpha)
        return config


class Conv1D(_Conv):
    """1D convolution: ``kernel (k, in_channels // groups, filters)`` and ``bias (filters,)``."""

    allow_causal = True

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=1, filters=filters, kernel_size=kernel_size, strides=strides,
                         padding=padding, data_format=data_format, dilation_rate=dilation_rate,
                         groups=groups, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class Conv2D(_Conv):
    """2D convolution: ``kernel (kh, kw, in_channels // groups, filters)`` and ``bias (filters,)``."""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1), groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=2, filters=filters, kernel_size=kernel_size, strides=strides,
                         padding=padding, data_format=data_format, dilation_rate=dilation_rate,
                         groups=groups, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class Conv3D(_Conv):
    """3D convolution: ``kernel (kd, kh, kw, in_channels // groups, filters)`` and ``bias (filters,)``."""

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format=None, dilation_rate=(1, 1, 1), groups=1, activation=None,
                 use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=3, filters=filters, kernel_size=kernel_size, strides=strides,
                         padding=padding, data_format=data_format, dilation_rate=dilation_rate,
                         groups=groups, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         **kwargs)


Convolution1D = Conv1D
Convolution2D = Conv2D
Convolution3D = Conv3D


# --------------------------------------------------------------------------
# Transposed convolutions
# --------------------------------------------------------------------------

class _ConvTranspose(_ConvArgs):
    """N-D transposed convolution: ``kernel (*kernel_size, filters, in_channels)`` and ``bias (filters,)``."""

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid",
                 output_padding=None, data_format=None, dilation_rate=1, activation=None,
                 use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
                 **kwargs):
        super().__init__(trainable=trainable, name=name,
                         activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.rank = rank
        self.filters = A.positive_int(filters, "filters", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        if output_padding is None:
            self.output_padding = None
        else:
            self.output_padding = A.standardize_tuple(output_padding, rank, "output_padding",
                                                      owner, allow_zero=True)
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = use_bias
        A.set_identifiers(
            self, owner, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint)
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
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis(): in_channels})
        self._in_channels = in_channels
        self.kernel = self.add_weight(name="kernel",
                                      shape=self.kernel_size + (self.filters, in_channels),
                                      initializer=self.kernel_initializer)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.filters,),
                                        initializer=self.bias_initializer)
        else:
            self.bias = None

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
        return [line(Subject(self.name), head, _bias_tail(self.use_bias, self.filters, weights))]

    def get_config(self):
        config = super().get_config()
        config.update(filters=self.filters, kernel_size=self.kernel_size, strides=self.strides,
                      padding=self.padding, output_padding=self.output_padding,
                      data_format=self.data_format, dilation_rate=self.dilation_rate,
                      activation=self.activation, use_bias=self.use_bias)
        return config


class Conv1DTranspose(_ConvTranspose):
    """1D transposed convolution: ``kernel (k, filters, in_channels)`` and ``bias (filters,)``."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid", output_padding=None,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=1, filters=filters, kernel_size=kernel_size, strides=strides,
                         padding=padding, output_padding=output_padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class Conv2DTranspose(_ConvTranspose):
    """2D transposed convolution: ``kernel (kh, kw, filters, in_channels)`` and ``bias (filters,)``."""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid",
                 output_padding=None, data_format=None, dilation_rate=(1, 1), activation=None,
                 use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=2, filters=filters, kernel_size=kernel_size, strides=strides,
                         padding=padding, output_padding=output_padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                         kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                         kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class Conv3DTranspose(_ConvTranspose):
    """3D transposed convolution: ``kernel (kd, kh, kw, filters, in_channels)`` and ``bias (filters,)``.

    Keras puts ``data_format`` before ``output_padding`` in this one signature.
    """

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format=None, output_padding=None, dilation_rate=(1, 1, 1),
                 activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(rank=3, filters=filters, kernel_size=kernel_size, strides=strides,
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


# --------------------------------------------------------------------------
# Depthwise and separable convolutions
# --------------------------------------------------------------------------

class _DepthwiseConv(_ConvArgs):
    """N-D depthwise convolution: ``kernel (*kernel_size, in_channels, depth_multiplier)``
    and ``bias (in_channels * depth_multiplier,)``."""

    def __init__(self, rank, depth_multiplier, kernel_size, strides=1, padding="valid",
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, trainable=True, name=None,
                 **kwargs):
        super().__init__(trainable=trainable, name=name,
                         activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.rank = rank
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
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis(): in_channels})
        self._conv_shape(input_shape, in_channels * self.depth_multiplier)
        self._in_channels = in_channels
        self.kernel = self.add_weight(name="kernel",
                                      shape=self.kernel_size + (in_channels, self.depth_multiplier),
                                      initializer=self.depthwise_initializer)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.depth_multiplier * in_channels,),
                                        initializer=self.bias_initializer)
        else:
            self.bias = None

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


class DepthwiseConv1D(_DepthwiseConv):
    """1D depthwise convolution: ``kernel (k, in_channels, depth_multiplier)`` and ``bias (in_channels * depth_multiplier,)``."""

    def __init__(self, kernel_size, strides=1, padding="valid", depth_multiplier=1,
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=1, depth_multiplier=depth_multiplier, kernel_size=kernel_size,
                         strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                         depthwise_initializer=depthwise_initializer,
                         bias_initializer=bias_initializer,
                         depthwise_regularizer=depthwise_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         depthwise_constraint=depthwise_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class DepthwiseConv2D(_DepthwiseConv):
    """2D depthwise convolution: ``kernel (kh, kw, in_channels, depth_multiplier)`` and ``bias (in_channels * depth_multiplier,)``."""

    def __init__(self, kernel_size, strides=(1, 1), padding="valid", depth_multiplier=1,
                 data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", bias_initializer="zeros",
                 depthwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(rank=2, depth_multiplier=depth_multiplier, kernel_size=kernel_size,
                         strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                         depthwise_initializer=depthwise_initializer,
                         bias_initializer=bias_initializer,
                         depthwise_regularizer=depthwise_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         depthwise_constraint=depthwise_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class _SeparableConv(_ConvArgs):
    """N-D separable convolution: ``depthwise_kernel (*kernel_size, in_channels, depth_multiplier)``,
    ``pointwise_kernel (1, ..., in_channels * depth_multiplier, filters)`` and ``bias (filters,)``."""

    def __init__(self, rank, depth_multiplier, filters, kernel_size, strides=1, padding="valid",
                 data_format=None, dilation_rate=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name,
                         activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.rank = rank
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
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis(): in_channels})
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
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.filters,),
                                        initializer=self.bias_initializer)
        else:
            self.bias = None

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


class SeparableConv1D(_SeparableConv):
    """1D separable convolution: ``depthwise_kernel (k, in, dm)``, ``pointwise_kernel (1, in * dm, filters)``, ``bias (filters,)``."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(rank=1, depth_multiplier=depth_multiplier, filters=filters,
                         kernel_size=kernel_size, strides=strides, padding=padding,
                         data_format=data_format, dilation_rate=dilation_rate,
                         activation=activation, use_bias=use_bias,
                         depthwise_initializer=depthwise_initializer,
                         pointwise_initializer=pointwise_initializer,
                         bias_initializer=bias_initializer,
                         depthwise_regularizer=depthwise_regularizer,
                         pointwise_regularizer=pointwise_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         depthwise_constraint=depthwise_constraint,
                         pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint,
                         **kwargs)


class SeparableConv2D(_SeparableConv):
    """2D separable convolution: ``depthwise_kernel (kh, kw, in, dm)``, ``pointwise_kernel (1, 1, in * dm, filters)``, ``bias (filters,)``."""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1), depth_multiplier=1, activation=None, use_bias=True,
                 depthwise_initializer="glorot_uniform", pointwise_initializer="glorot_uniform",
                 bias_initializer="zeros", depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None,
                 **kwargs):
        super().__init__(rank=2, depth_multiplier=depth_multiplier, filters=filters,
                         kernel_size=kernel_size, strides=strides, padding=padding,
                         data_format=data_format, dilation_rate=dilation_rate,
                         activation=activation, use_bias=use_bias,
                         depthwise_initializer=depthwise_initializer,
                         pointwise_initializer=pointwise_initializer,
                         bias_initializer=bias_initializer,
                         depthwise_regularizer=depthwise_regularizer,
                         pointwise_regularizer=pointwise_regularizer,
                         bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer,
                         depthwise_constraint=depthwise_constraint,
                         pointwise_constraint=pointwise_constraint, bias_constraint=bias_constraint,
                         **kwargs)


SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D
