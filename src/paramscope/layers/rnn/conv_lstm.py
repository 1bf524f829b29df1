"""ConvLSTM1D/2D/3D: an RNN around a ConvLSTMCell (keras/src/layers/rnn/conv_lstm.py)."""

from __future__ import annotations

import math

from ... import tree
from ...explanation import Count, Dims, formula, line
from ...errors import LayerError, describe_layer, format_shape
from .. import args as A
from ..base import InputSpec
from ..state import SeedGenerator
from ..convolutional.common import SPATIAL_NAMES, ConvWindowLayer, channel_axis
from .common import checked_rate, explained
from .recurrent import CellRNN

__all__ = ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"]


class ConvLSTMCell(ConvWindowLayer):
    """One step of ConvLSTM: convolutions instead of matrix products.

    ``kernel (*kernel_size, channels, 4*filters)``, ``recurrent_kernel (*kernel_size,
    filters, 4*filters)``, ``bias (4*filters,)``.
    """

    call_args = ("inputs", "states", "training")

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if rank > 3:
            raise LayerError(f"{owner}: rank {rank} convolutions are not implemented. "
                             f"Received: rank={rank}", self)
        self.rank = rank
        self.filters = A.positive_int(filters, "filters", owner)
        self._init_window(kernel_size, strides, padding, data_format, dilation_rate)
        self._check_strides_and_dilation()
        self.activation = A.identifier(activation, "activation", owner)
        self.recurrent_activation = A.identifier(recurrent_activation, "activation", owner)
        self.use_bias = use_bias
        A.set_identifiers(
            self, owner, kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer)
        self.unit_forget_bias = unit_forget_bias
        A.set_identifiers(
            self, owner, kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint)
        self.dropout = checked_rate(dropout, "dropout", owner)
        self.recurrent_dropout = checked_rate(recurrent_dropout, "recurrent_dropout", owner)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed)
        self.input_spec = InputSpec(ndim=rank + 2)
        self.state_size = -1  # Keras: "Custom, defined in methods"
        self._in_channels = None

    def build(self, inputs_shape, states_shape=None):
        inputs_shape = tuple(inputs_shape)
        in_channels = inputs_shape[self._channel_axis()]
        self._in_channels = in_channels
        self.kernel_shape = self.kernel_size + (in_channels, self.filters * 4)
        self.kernel = self.add_weight(shape=self.kernel_shape, name="kernel",
                                      initializer=self.kernel_initializer)
        self.recurrent_kernel = self.add_weight(
            shape=self.kernel_size + (self.filters, self.filters * 4), name="recurrent_kernel",
            initializer=self.recurrent_initializer)
        self.bias = (self.add_weight(shape=(self.filters * 4,), name="bias",
                                     initializer=self.bias_initializer)
                     if self.use_bias else None)

    def compute_output_shape(self, inputs_shape, states_shape=None):
        out = self._conv_shape(inputs_shape, self.filters)
        return out, [out, out]

    def formula(self):
        k = Dims(self.kernel_size)
        c, f = self._in_channels, self.filters
        weights = 4 * math.prod(self.kernel_size) * (c + f) * f
        gates = formula("4 gates x ({} x {} + {} x {}) x {}", k, Count(c, "input channel"), k,
                        Count(f, "filter"), Count(f, "filter"))
        if self.use_bias:
            return line(gates, " + 4 x ", Count(f, "bias")), weights + 4 * f
        return gates, weights

    tag = ""

    def label(self, name):
        return name

    def explain(self):
        return [explained(self.name, *self.formula())]

    def get_config(self):
        config = super().get_config()
        config.update({
            "rank": self.rank, "filters": self.filters, "kernel_size": self.kernel_size,
            "strides": self.strides, "padding": self.padding, "data_format": self.data_format,
            "dilation_rate": self.dilation_rate, "activation": self.activation,
            "recurrent_activation": self.recurrent_activation, "use_bias": self.use_bias,
            "kernel_initializer": self.kernel_initializer,
            "recurrent_initializer": self.recurrent_initializer,
            "bias_initializer": self.bias_initializer, "unit_forget_bias": self.unit_forget_bias,
            "kernel_regularizer": self.kernel_regularizer,
            "recurrent_regularizer": self.recurrent_regularizer,
            "bias_regularizer": self.bias_regularizer,
            "kernel_constraint": self.kernel_constraint,
            "recurrent_constraint": self.recurrent_constraint,
            "bias_constraint": self.bias_constraint, "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout, "seed": self.seed,
        })
        return config


class _ConvLSTM(CellRNN):
    """ConvLSTM1D/2D/3D: an RNN over a ConvLSTMCell; inputs ``(batch, time, *spatial, channels)``.

    The three take Keras's one signature (repeated per class in Keras) and set ``rank`` only.
    """

    rank = None
    _cell_arguments = ("filters", "kernel_size", "strides", "padding", "data_format",
                       "dilation_rate", "activation", "recurrent_activation", "use_bias",
                       "kernel_initializer", "recurrent_initializer", "bias_initializer",
                       "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer",
                       "bias_regularizer", "kernel_constraint", "recurrent_constraint",
                       "bias_constraint", "dropout", "recurrent_dropout")

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
        rank = self.rank
        try:
            cell = ConvLSTMCell(
                rank=rank, filters=filters, kernel_size=kernel_size, strides=strides,
                padding=padding, data_format=data_format, dilation_rate=dilation_rate,
                activation=activation, recurrent_activation=recurrent_activation, use_bias=use_bias,
                kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
                bias_initializer=bias_initializer, unit_forget_bias=unit_forget_bias,
                kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
                bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
                recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
                dropout=dropout, recurrent_dropout=recurrent_dropout, seed=seed,
                name="conv_lstm_cell", dtype=kwargs.get("dtype"))
        except LayerError as error:  # the arguments are this layer's: name it, not its cell
            raise LayerError(str(error).replace(
                "'conv_lstm_cell' (ConvLSTMCell)", A.owner_of(type(self), kwargs.get("name")),
                1)) from None
        super().__init__(cell=cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful,
                         activity_regularizer=activity_regularizer, **kwargs)
        self.input_spec = InputSpec(ndim=rank + 3)

    @property
    def sequence_rank(self):
        return self.cell.rank + 3

    @property
    def sequence_axes(self):
        spatial = ", ".join(SPATIAL_NAMES[self.cell.rank])
        if self.cell.data_format == "channels_first":
            return f"(batch, timesteps, channels, {spatial})"
        return f"(batch, timesteps, {spatial}, channels)"

    def _rank_fix(self, shape, expected):
        per_sample = self.sequence_axes.replace("(batch, ", "(")
        if len(shape) == expected - 1 and all(isinstance(d, int) for d in shape[1:]):
            return (f"Add a channels dimension, e.g. layers.Reshape({shape[1:] + (1,)!r}) (one "
                    f"channel), or give the Input the shape {per_sample}.")
        if len(shape) < expected:
            return f"Add the missing dimensions (layers.Reshape to {per_sample})."
        other = len(shape) - 3
        alt = f"ConvLSTM{other}D" if other in (1, 2, 3) else "a layer of matching rank"
        return (f"Reshape the input to rank {expected}, or use {alt} for inputs with "
                f"{len(shape) - 3} spatial dimension(s).")

    def _check_build_shape(self, sequences_shape):
        self._check_sequence_rank(sequences_shape)
        cell = self.cell
        step = (sequences_shape[0],) + tuple(sequences_shape[2:])
        spatial = step[2:] if cell.data_format == "channels_first" else step[1:-1]
        if None in spatial:
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(sequences_shape)}: ConvLSTM layers only support static input "
                "shapes for the spatial dimensions (only the batch and timesteps may be None). "
                "Give the Input fixed spatial sizes.", self)
        if step[channel_axis(cell.data_format)] is None:
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(sequences_shape)}: the channel dimension "
                f"({'last axis' if cell.data_format == 'channels_last' else 'axis 2'}) is "
                f"unknown (None), but {type(self).__name__} needs it to size its kernel. Give "
                "the Input a fixed number of channels.", self)

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        sequences_shape = tuple(sequences_shape)
        batch_size, steps = sequences_shape[0], sequences_shape[1]
        step_shape = (batch_size,) + sequences_shape[2:]
        state_shape = self.cell.compute_output_shape(step_shape)[0][1:]
        output_shape = ((batch_size, steps) + state_shape if self.return_sequences
                        else (batch_size,) + state_shape)
        batched = (batch_size,) + state_shape
        self._check_call(sequences_shape, initial_state_shape, [batched, batched])
        if self.return_state:
            return output_shape, batched, batched
        return output_shape

    def compute_mask(self, inputs, mask):
        mask = tree.flatten(mask)[0] if mask is not None else None
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask, None, None]
        return output_mask

    def explain(self):
        return [explained(self.name, *self.cell.formula())]

    def explain_output(self):
        return self.cell.explain_output()

    def get_config(self):
        config = super().get_config()
        config.pop("rank", None)
        return config


class ConvLSTM1D(_ConvLSTM):
    """1D convolutional LSTM: inputs ``(batch, time, steps, channels)``."""

    rank = 1


class ConvLSTM2D(_ConvLSTM):
    """2D convolutional LSTM: inputs ``(batch, time, rows, cols, channels)``."""

    rank = 2


class ConvLSTM3D(_ConvLSTM):
    """3D convolutional LSTM: inputs ``(batch, time, depth, rows, cols, channels)``."""

    rank = 3
