"""Conv1D, Conv2D and Conv3D (keras/src/layers/convolutional/conv1d.py, ...)."""

from __future__ import annotations

from ...errors import LayerError, describe_layer, format_shape
from ...explanation import Count, Dims, Subject, formula, line
from .. import args as A
from .common import ConvWindowLayer, bias_tail

__all__ = ["Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D", "Convolution3D"]


class BaseConv(ConvWindowLayer):
    """N-D convolution: ``kernel (*kernel_size, in_channels // groups, filters)`` and ``bias (filters,)``.

    Conv1D/2D/3D take Keras's one signature (in Keras each class repeats it, with
    ``strides=(1, 1)`` spelled per rank; the sizes are the same once standardized): a
    subclass sets ``rank`` only.
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, *, lora_rank=None,
                 lora_alpha=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.filters = A.positive_int(filters, "filters", owner)
        self.groups = A.positive_int(groups, "groups", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        self._init_kernel_arguments(owner, activation, use_bias, kernel_initializer,
                                    bias_initializer, kernel_regularizer, bias_regularizer,
                                    kernel_constraint, bias_constraint)
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
        self._add_bias(self.filters)
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
        lines = [line(Subject(self.name), head, bias_tail(self.use_bias, filters, weights))]
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


class Conv1D(BaseConv):
    """1D convolution: ``kernel (k, in_channels // groups, filters)`` and ``bias (filters,)``."""

    rank = 1
    allow_causal = True


class Conv2D(BaseConv):
    """2D convolution: ``kernel (kh, kw, in_channels // groups, filters)`` and ``bias (filters,)``."""

    rank = 2


class Conv3D(BaseConv):
    """3D convolution: ``kernel (kd, kh, kw, in_channels // groups, filters)`` and ``bias (filters,)``."""

    rank = 3


Convolution1D = Conv1D
Convolution2D = Conv2D
Convolution3D = Conv3D
