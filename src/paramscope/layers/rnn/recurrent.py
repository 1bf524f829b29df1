"""RNN and the layers around one cell: SimpleRNN, LSTM, GRU (keras/src/layers/rnn)."""

from __future__ import annotations

import math

from ... import tree
from ...explanation import line
from ...errors import LayerError, describe_layer, format_shape
from .. import args as A
from ..base import InputSpec, KerasTensor, Layer
from .common import (checked_units, describe_value, deserialize_sublayer, explained,
                     serialize_sublayer)
from .cells import GRUCell, LSTMCell, SimpleRNNCell, StackedRNNCells, cell_totals, cells_lines

__all__ = ["RNN", "SimpleRNN", "LSTM", "GRU"]


_BUILTIN_CELLS = (SimpleRNNCell, LSTMCell, GRUCell, StackedRNNCells)


def _time_major(kwargs, owner):
    """tf.keras's ``time_major``: Keras 3 has no such argument (a file's ``False`` is read)."""
    if "time_major" not in kwargs:
        return
    if A.is_lenient() and not kwargs["time_major"]:
        kwargs.pop("time_major")
        return
    if not A.is_lenient():
        raise LayerError(
            f"Unrecognized keyword argument passed to {owner}: time_major="
            f"{kwargs['time_major']!r}. Keras 3 has no `time_major` (tf.keras had it): its "
            "recurrent layers always take (batch, timesteps, features); transpose the input "
            "with layers.Permute((2, 1)) if it is time-major.")


def split_shapes(sequences_shape, initial_state_shape):
    """tf.keras builds an RNN called with initial states on ``[sequences] + states`` shapes
    (a file's ``build_config``)."""
    if tree.is_shape(sequences_shape):
        return tuple(sequences_shape), initial_state_shape
    flat = [tuple(x) for x in tree.flatten_shapes(sequences_shape)]
    return flat[0], (flat[1:] or initial_state_shape)


def as_list(outputs):
    """Several outputs as a list (tf.keras returns ``[output] + states``; Keras 3 a tuple,
    which nothing in a summary can tell apart, while tf.keras prints the list)."""
    return list(outputs) if isinstance(outputs, tuple) else outputs


class SequenceLayer(Layer):
    """Sequence layers: a rank check with a remedy before Keras's own input checks."""

    #: The rank of the sequences (``None``: at least 3).
    sequence_rank = 3
    sequence_axes = "(batch, timesteps, features)"
    #: The call takes ``initial_state`` (RNN, Bidirectional).
    _takes_initial_state = False

    def __call__(self, *args, **kwargs):
        if (self._takes_initial_state and args and isinstance(args[0], (list, tuple))
                and len(args[0]) > 1 and kwargs.get("initial_state") is None
                and A.is_lenient()):
            # A tf.keras file: its calls pass the initial states after the sequences,
            # ``layer([sequences, *states])`` (tf.keras's _standardize_args).
            sequences, *states = args[0]
            args = (sequences,) + args[1:]
            kwargs["initial_state"] = states
        seq = args[0] if args else kwargs.get("sequences", kwargs.get("inputs"))
        if isinstance(seq, KerasTensor):
            self._check_sequence_rank(seq.shape)
        elif isinstance(seq, (list, tuple)) and self._takes_initial_state:
            shapes = [getattr(x, "shape", x) for x in seq]
            raise LayerError(
                f"Layer {describe_layer(self)} expects one tensor of sequences, but it received a "
                f"list of {len(seq)} inputs of shapes {format_shape(shapes)}. Keras 3 takes the "
                "initial states as a keyword argument: layer(sequences, initial_state=[...]).",
                self)
        return super().__call__(*args, **kwargs)

    def _check_sequence_rank(self, shape):
        expected = self.sequence_rank
        got = len(shape)
        if (expected is None and got >= 3) or got == expected:
            return
        want = f"rank {expected}" if expected is not None else "rank 3 or more"
        raise LayerError(
            f"Layer {describe_layer(self)} received an input of shape {format_shape(tuple(shape))}"
            f" (rank {got}), but it expects inputs of {want}: {self.sequence_axes}. "
            + self._rank_fix(tuple(shape), expected if expected is not None else 3), self)

    def _rank_fix(self, shape, expected):
        dims = shape[1:]
        if not all(d is None or isinstance(d, int) for d in dims):
            return "Give the layer a tensor of that rank."
        if len(shape) < expected:
            if len(shape) == expected - 1 and None not in dims:
                steps = dims + (1,)
                return (f"Add a time dimension or use Reshape: e.g. layers.Reshape({steps!r}) "
                        f"reads the last axis as {dims[-1]} timesteps of 1 feature, "
                        f"layers.Reshape({(1,) + dims!r}) as a single timestep; or give "
                        "keras.Input(shape=(timesteps, features)) sequences directly.")
            return ("Add a time dimension or use Reshape (e.g. layers.Reshape((timesteps, "
                    "features))), or give keras.Input(shape=(timesteps, features)) sequences.")
        if expected == 3 and None not in dims:
            merged = (dims[0], math.prod(dims[1:]))
            return (f"Merge the extra dimensions into the features first, e.g. "
                    f"layers.Reshape({merged!r}); or apply a layer to each timestep with "
                    "TimeDistributed, or use ConvLSTM1D/2D/3D for sequences of images.")
        return ("Reshape the input to that rank (layers.Reshape), or use the layer for inputs of "
                "that many dimensions.")


class RNN(SequenceLayer):
    """A recurrent layer around a cell (or a list of cells, stacked).

    Output: ``(batch, output_size)``, or ``(batch, timesteps, output_size)`` with
    ``return_sequences``; with ``return_state``, followed by the final states.
    """

    #: Keras's RNN has no input_spec: inputs of rank 3 or more reach the cell (its last axis).
    sequence_rank = None
    _takes_initial_state = True
    call_args = ("sequences", "initial_state", "mask", "training")
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, cell, return_sequences=False, return_state=False, go_backwards=False,
                 stateful=False, unroll=False, zero_output_for_mask=False, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        _time_major(kwargs, owner)
        if isinstance(cell, dict):
            cell = deserialize_sublayer(cell, "cell")
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if not hasattr(cell, "state_size") or not (isinstance(cell, Layer) or hasattr(cell, "call")):
            hint = (" To apply a layer at every timestep use TimeDistributed; for a recurrent "
                    "layer use LSTM/GRU/SimpleRNN." if isinstance(cell, Layer) else "")
            raise LayerError(
                f"{owner}: `cell` must be an RNN cell (a layer with a `call` method and a "
                f"`state_size`, e.g. keras.layers.LSTMCell(32)) or a list of cells. Received: "
                f"{describe_value(cell)}.{hint}")
        super().__init__(**kwargs)
        self.zero_output_for_mask = zero_output_for_mask
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.input_spec = None
        self.states = None
        state_size = getattr(cell, "state_size", None)
        if state_size is None:
            raise LayerError(f"{describe_layer(self)}: the cell's `state_size` must be an "
                             "integer or a list of integers (one per state).", self)
        if not isinstance(state_size, (list, tuple, int)):
            raise LayerError(f"{describe_layer(self)}: the cell's `state_size` must be an "
                             "integer, or a list/tuple of integers (one for each state tensor). "
                             f"Received: {state_size!r}", self)
        if isinstance(state_size, int):
            self.state_size = [state_size]
            self.single_state = True
        else:
            self.state_size = list(state_size)
            self.single_state = False

    # -- shapes ------------------------------------------------------------------

    def build(self, sequences_shape, initial_state_shape=None):
        sequences_shape, initial_state_shape = split_shapes(sequences_shape, initial_state_shape)
        self._check_build_shape(sequences_shape)
        step_input_shape = (sequences_shape[0],) + sequences_shape[2:]
        if isinstance(self.cell, Layer) and not self.cell.built:
            try:
                self.cell.build(step_input_shape)
            except LayerError as e:
                if e.layer is not self.cell:
                    raise
                raise LayerError(f"Layer {describe_layer(self)}: {e}", self) from None
            self.cell.built = True
        if self.stateful and sequences_shape[0] is None:
            raise LayerError(
                f"Layer {describe_layer(self)} has stateful=True, which needs a fixed batch size, "
                f"but its input has shape {format_shape(sequences_shape)} (batch size None). "
                "Give the model's Input a batch size: keras.Input(shape=..., batch_size=32), "
                "or use stateful=False.", self)

    def _check_build_shape(self, sequences_shape):
        if len(sequences_shape) < 3 and isinstance(self.cell, _BUILTIN_CELLS):
            self._check_sequence_rank(sequences_shape)
        if isinstance(self.cell, _BUILTIN_CELLS) and sequences_shape[-1] is None:
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape "
                f"{format_shape(sequences_shape)}: the last dimension (features per timestep) is "
                f"unknown (None), but {type(self).__name__} needs it to size its kernel. Give "
                "the Input a fixed number of features: keras.Input(shape=(timesteps, features)) "
                "(timesteps may be None).", self)

    def _state_shapes(self, batch):
        out = []
        for size in self.state_size:
            if isinstance(size, int):
                out.append((batch, size))
            elif isinstance(size, (list, tuple)):
                out.append([(batch, s) for s in size])
        return out

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        sequences_shape = tuple(sequences_shape)
        batch_size, length = sequences_shape[0], sequences_shape[1]
        states_shape = self._state_shapes(batch_size)
        output_size = getattr(self.cell, "output_size", None)
        if output_size is None:
            output_size = self.state_size[0]
        if not isinstance(output_size, int):
            raise LayerError(f"Layer {describe_layer(self)}: the cell's output_size must be an "
                             f"integer. Received: {output_size!r}", self)
        self._check_call(sequences_shape, initial_state_shape, states_shape)
        built_dim = getattr(self.cell, "_input_dim", None)
        if built_dim is not None and sequences_shape[-1] not in (None, built_dim):
            self._warn(f"Layer {describe_layer(self)} was built for {built_dim} features per "
                       f"timestep but is called on {format_shape(sequences_shape)}: Keras builds "
                       "the model (LSTM/GRU/SimpleRNN only check the rank) but the layer fails "
                       "when it runs. Use a separate layer for inputs of a different size.")
        if self.return_sequences:
            output_shape = (batch_size, length, output_size)
        else:
            output_shape = (batch_size, output_size)
        if self.return_state:
            return (output_shape, *states_shape)
        return output_shape

    def _check_call(self, sequences_shape, initial_state_shape, states_shape):
        """What Keras only finds out when the model runs: recorded as warnings."""
        if self.unroll and sequences_shape[1] is None:
            self._warn(f"Layer {describe_layer(self)} has unroll=True but its input "
                       f"{format_shape(sequences_shape)} has an unknown number of timesteps: "
                       "Keras builds the model but fails when it runs ('Cannot unroll a RNN if "
                       "the time dimension is undefined'). Give the Input a fixed number of "
                       "timesteps, or use unroll=False.")
        if initial_state_shape is None:
            return
        given = initial_state_shape
        if tree.is_shape(given):
            given = [given]
        given = tree.flatten_shapes(given)
        expected = tree.flatten_shapes(states_shape)
        problem = None
        if len(given) != len(expected):
            problem = (f"{len(given)} initial state(s) {format_shape(list(given))}, but "
                       f"{type(self).__name__} has {len(expected)} state(s) "
                       f"{format_shape(list(expected))}")
        else:
            for g, e in zip(given, expected):
                if len(g) != len(e) or any(a is not None and b is not None and a != b
                                           for a, b in zip(g, e)):
                    problem = (f"initial_state of shape(s) {format_shape(list(given))}, but "
                               f"its states have shape(s) {format_shape(list(expected))}")
                    break
        if problem:
            self._warn(f"Layer {describe_layer(self)} was given {problem}. Keras builds the "
                       "model (it does not check initial_state symbolically) but the layer "
                       "fails when it runs; pass one (batch, units) tensor per state"
                       + (" (LSTM: [h, c])" if len(expected) == 2 else "") + ".")

    def _warn(self, text):
        if text not in self._warnings:
            self._warnings.append(text)

    def compute_output_spec(self, *args, **kwargs):
        return as_list(super().compute_output_spec(*args, **kwargs))

    def compute_mask(self, inputs, mask):
        mask = tree.flatten(mask)[0] if mask is not None else None
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None for _ in self.state_size]
        return output_mask

    def get_initial_state(self, batch_size):
        return self.cell.get_initial_state(batch_size)

    def reset_state(self):
        """Stateful RNNs keep no values in paramscope: nothing to reset."""

    reset_states = reset_state

    # -- explanation -------------------------------------------------------------------

    def explain(self):
        cell = self.cell
        if isinstance(cell, StackedRNNCells):
            lines, total = cells_lines(cell.cells)
            return [explained(self.name, line(cell_totals(cell.cells), " (stacked cells)"),
                               total)] + lines
        if hasattr(cell, "formula"):
            return [explained(self._explain_label(), *cell.formula())]
        return Layer.explain(self)

    def _explain_label(self):
        tag = getattr(self.cell, "tag", "")
        if type(self) is RNN:
            return f"{self.name} ({self.cell.name}" + (f", {tag})" if tag else ")")
        return self.cell.label(self.name)

    # -- config ------------------------------------------------------------------------

    def get_config(self):
        config = super().get_config()
        if self.activity_regularizer is not None:
            config["activity_regularizer"] = self.activity_regularizer
        config.update({
            "return_sequences": self.return_sequences, "return_state": self.return_state,
            "go_backwards": self.go_backwards, "stateful": self.stateful, "unroll": self.unroll,
            "zero_output_for_mask": self.zero_output_for_mask,
        })
        config["cell"] = serialize_sublayer(self.cell)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        cell = deserialize_sublayer(config.pop("cell"), "cell")
        return cls(cell, **config)


class CellRNN(RNN):
    """SimpleRNN/LSTM/GRU: the layer's arguments are its cell's (``layer.units`` ...)."""

    sequence_rank = 3
    _cell_arguments = ()
    #: Keras writes ``activity_regularizer`` (even None) into LSTM's, GRU's and ConvLSTM's
    #: configs; SimpleRNN drops it (False: the config has none).
    config_activity_regularizer = True

    def __getattr__(self, name):
        cell = self.__dict__.get("cell")
        if cell is not None and name in type(self)._cell_arguments:
            return getattr(cell, name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def _check_cudnn(self, use_cudnn):
        if use_cudnn not in ("auto", True, False):
            raise LayerError(
                f"{describe_layer(self)}: invalid value for `use_cudnn`. Expected one of "
                f"{{'auto', True, False}}. Received: use_cudnn={use_cudnn!r}", self)
        self.use_cudnn = use_cudnn

    def get_config(self):
        config = RNN.get_config(self)
        del config["cell"]
        cell_config = self.cell.get_config()
        for key in ("name", "trainable", "dtype"):
            cell_config.pop(key, None)
        config.update(cell_config)
        if self.config_activity_regularizer:
            config["activity_regularizer"] = self.activity_regularizer
        else:
            config.pop("activity_regularizer", None)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)


_CELL_ARGS = ("units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
              "bias_initializer", "kernel_regularizer", "recurrent_regularizer",
              "bias_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
              "dropout", "recurrent_dropout")


class SimpleRNN(CellRNN):
    """Fully-connected RNN: ``units x (features + units + 1)`` weights."""

    _cell_arguments = _CELL_ARGS
    config_activity_regularizer = False

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, seed=None, **kwargs):
        checked_units(units, type(self), kwargs.get("name"))
        cell = SimpleRNNCell(
            units, activation=activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout, recurrent_dropout=recurrent_dropout,
            seed=seed, dtype=kwargs.get("dtype", None), trainable=kwargs.get("trainable", True),
            name="simple_rnn_cell")
        # Keras 3.15 does not pass activity_regularizer on to the layer (it is dropped).
        super().__init__(cell=cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll, **kwargs)
        self.input_spec = [InputSpec(ndim=3)]


class LSTM(CellRNN):
    """Long Short-Term Memory: ``4 x units x (features + units + 1)`` weights."""

    _cell_arguments = _CELL_ARGS + ("recurrent_activation", "unit_forget_bias")

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", unit_forget_bias=True, kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None, bias_constraint=None,
                 dropout=0.0, recurrent_dropout=0.0, seed=None, return_sequences=False,
                 return_state=False, go_backwards=False, stateful=False, unroll=False,
                 use_cudnn="auto", **kwargs):
        checked_units(units, type(self), kwargs.get("name"))
        cell = LSTMCell(
            units, activation=activation, recurrent_activation=recurrent_activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            unit_forget_bias=unit_forget_bias, recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout, recurrent_dropout=recurrent_dropout,
            dtype=kwargs.get("dtype", None), trainable=kwargs.get("trainable", True),
            name="lstm_cell", seed=seed, implementation=kwargs.pop("implementation", 2))
        super().__init__(cell=cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll,
                         activity_regularizer=activity_regularizer, **kwargs)
        self.input_spec = InputSpec(ndim=3)
        self._check_cudnn(use_cudnn)


class GRU(CellRNN):
    """Gated Recurrent Unit: ``3 x units x (features + units)`` weights and ``2 x 3 x units``
    biases (``reset_after=True``) or ``3 x units`` (``reset_after=False``)."""

    _cell_arguments = _CELL_ARGS + ("recurrent_activation", "reset_after")

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, reset_after=True,
                 use_cudnn="auto", **kwargs):
        checked_units(units, type(self), kwargs.get("name"))
        cell = GRUCell(
            units, activation=activation, recurrent_activation=recurrent_activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
            dropout=dropout, recurrent_dropout=recurrent_dropout, reset_after=reset_after,
            dtype=kwargs.get("dtype", None), trainable=kwargs.get("trainable", True),
            name="gru_cell", seed=seed, implementation=kwargs.pop("implementation", 2))
        super().__init__(cell=cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll,
                         activity_regularizer=activity_regularizer, **kwargs)
        self.input_spec = InputSpec(ndim=3)
        self._check_cudnn(use_cudnn)
