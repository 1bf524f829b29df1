"""Recurrent layers and wrappers (keras/src/layers/rnn, keras/src/layers/core/wrapper.py).

``SimpleRNN``, ``LSTM``, ``GRU`` and ``ConvLSTM1D/2D/3D`` are ``RNN`` layers around
one cell, as in Keras 3.15: the layer's weights are its cell's (``lstm_cell/kernel``,
``recurrent_kernel``, ``bias``), created when the layer is built for one timestep's
input ``(batch, features)``.  ``RNN(cell)`` takes any cell, or a list of cells
(``StackedRNNCells``).  ``Bidirectional`` copies its layer into ``forward_<name>`` and
``backward_<name>`` (``go_backwards=True``) as Keras does (through the layer's
config), and ``TimeDistributed`` applies its layer to ``(batch, *input_shape[2:])``.

Keras builds these symbolically from ``compute_output_shape`` only: it does not
check ``initial_state`` shapes or ``unroll`` with an unknown number of timesteps
until the model runs.  paramscope builds the same model and records a warning.
"""

from __future__ import annotations

import math

from .. import tree
from ..explanation import Count, Dims, Number, Subject, formula, line, text, weight_sizes
from ..errors import LayerError, ParamscopeError, ShapeError, describe_layer, format_shape
from . import args as A
from .base import InputSpec, KerasTensor, Layer
from .state import SeedGenerator
from .convolutional import SPATIAL_NAMES, _ConvArgs, last_input_shape

__all__ = [
    "RNN", "SimpleRNN", "SimpleRNNCell", "LSTM", "LSTMCell", "GRU", "GRUCell",
    "StackedRNNCells", "Bidirectional", "TimeDistributed", "Wrapper",
    "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D",
]


def _explained(label, arithmetic, total):
    """``label: <the cell's arithmetic> = total``."""
    return line(Subject(label), arithmetic, " = ", Number(total))


def _rate(value, name, owner):
    """Keras clips dropout rates to [0, 1]: ``min(1.0, max(0.0, rate))``."""
    if not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise LayerError(f"{owner}: `{name}` must be a number between 0 and 1. Received: "
                         f"{name}={value!r}")
    return min(1.0, max(0.0, float(value)))


def _serialize(layer):
    """``serialize_keras_object(layer)``; in memory it also remembers the class."""
    out = {"module": "keras.layers", "class_name": type(layer).__name__,
           "config": layer.get_config(), "registered_name": None,
           "_paramscope_class": type(layer)}
    shapes_dict = layer._build_shapes_dict if layer.built else None
    if shapes_dict:
        if len(shapes_dict) == 1:
            out["build_config"] = {"input_shape": next(iter(shapes_dict.values()))}
        else:
            out["build_config"] = {"shapes_dict": dict(shapes_dict)}
    return out


def _deserialize(value, what="layer"):
    """A layer from ``_serialize`` output or from a model file's ``{"class_name", "config"}``."""
    if value is None or isinstance(value, Layer):
        return value
    if isinstance(value, dict) and "class_name" in value:
        cls = value.get("_paramscope_class")
        if cls is None:
            from ..formats.config import deserialize_layer
            return deserialize_layer(value)
        layer = cls.from_config(dict(value.get("config") or {}))
        build = value.get("build_config") or {}
        if not layer.built and build.get("input_shape") is not None:
            layer.build_from_shape(build["input_shape"])
        elif not layer.built and build.get("shapes_dict"):
            layer.build(**build["shapes_dict"])
            layer._build_shapes_dict = dict(build["shapes_dict"])
            layer.built = True
        return layer
    raise LayerError(f"expected a {what} (a Keras layer or its config), received {value!r:.80}")


def _copy_layer(layer, **overrides):
    """Keras's copy through the config: ``deserialize(serialize(layer))`` with changes."""
    data = _serialize(layer)
    data["config"] = dict(data["config"], **overrides)
    return _deserialize(data)


# ---------------------------------------------------------------------------
# cells
# ---------------------------------------------------------------------------
class _Cell(Layer):
    """What Keras's RNN cells share (``DropoutRNNCell``): dropout rates, a seed, one step.

    ``formula()`` is the cell's parameter arithmetic: ``(explanation.Line, total)``.
    """

    call_args = ("inputs", "states", "training")
    #: What the explanation adds to the name (``gru (reset_after)``).
    tag = ""

    def _init_cell(self, units, activation, use_bias, kernel_initializer, recurrent_initializer,
                   bias_initializer, kernel_regularizer, recurrent_regularizer, bias_regularizer,
                   kernel_constraint, recurrent_constraint, bias_constraint, dropout,
                   recurrent_dropout, seed):
        owner = describe_layer(self)
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = use_bias
        A.set_identifiers(
            self, owner, kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint)
        self.dropout = _rate(dropout, "dropout", owner)
        self.recurrent_dropout = _rate(recurrent_dropout, "recurrent_dropout", owner)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed)  # Keras's cells always have one
        self.units = units
        self._input_dim = None

    def _add_kernels(self, input_dim, width):
        self._input_dim = input_dim
        self.kernel = self.add_weight(shape=(input_dim, width), name="kernel",
                                      initializer=self.kernel_initializer)
        self.recurrent_kernel = self.add_weight(shape=(self.units, width),
                                                name="recurrent_kernel",
                                                initializer=self.recurrent_initializer)

    # A cell called on its own (``cell(x, states)``): one step.
    def compute_output_spec(self, inputs, states=None, training=None):
        batch = inputs.shape[0]
        dtype = self.compute_dtype
        output = KerasTensor((batch, self.output_size), dtype=dtype)
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) else [self.state_size]
        new_states = [KerasTensor((batch, s), dtype=dtype) for s in sizes]
        if len(new_states) == 1 and not isinstance(states, (list, tuple)):
            return output, new_states[0]
        return output, new_states

    def get_initial_state(self, batch_size=None):
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) else [self.state_size]
        from .. import ops
        return [ops.zeros((batch_size, s)) for s in sizes]

    def label(self, name):
        return f"{name} ({self.tag})" if self.tag else name

    def explain(self):
        return [_explained(self.label(self.name), *self.formula())]

    def _common_config(self):
        config = super().get_config()
        config.update({
            "units": self.units, "activation": self.activation, "use_bias": self.use_bias,
            "kernel_initializer": self.kernel_initializer,
            "recurrent_initializer": self.recurrent_initializer,
            "bias_initializer": self.bias_initializer,
            "kernel_regularizer": self.kernel_regularizer,
            "recurrent_regularizer": self.recurrent_regularizer,
            "bias_regularizer": self.bias_regularizer,
            "kernel_constraint": self.kernel_constraint,
            "recurrent_constraint": self.recurrent_constraint,
            "bias_constraint": self.bias_constraint, "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout, "seed": self.seed,
        })
        return config


def _units(units, cls, name):
    """Keras: ``units <= 0`` is a ValueError (and a non-number fails); named after the layer."""
    return A.positive_int(units, "units", A.owner_of(cls, name))


class SimpleRNNCell(_Cell):
    """One step of SimpleRNN: ``kernel (features, units)``, ``recurrent_kernel (units, units)``,
    ``bias (units,)``."""

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        units = _units(units, type(self), kwargs.get("name"))
        super().__init__(**kwargs)
        self._init_cell(units, activation, use_bias, kernel_initializer, recurrent_initializer,
                        bias_initializer, kernel_regularizer, recurrent_regularizer,
                        bias_regularizer, kernel_constraint, recurrent_constraint,
                        bias_constraint, dropout, recurrent_dropout, seed)
        self.state_size = self.units
        self.output_size = self.units

    def build(self, input_shape):
        self._add_kernels(input_shape[-1], self.units)
        self.bias = (self.add_weight(shape=(self.units,), name="bias",
                                     initializer=self.bias_initializer)
                     if self.use_bias else None)

    def formula(self):
        n, u = self._input_dim, self.units
        bias = " + 1" if self.use_bias else ""
        total = u * (n + u + (1 if self.use_bias else 0))
        return formula("{} x ({} + {}{})", Count(u, "unit"), Count(n, "input"), Count(u, "unit"),
                       bias), total

    def get_config(self):
        return self._common_config()


class LSTMCell(_Cell):
    """One step of LSTM: ``kernel (features, 4*units)``, ``recurrent_kernel (units, 4*units)``,
    ``bias (4*units,)``; two states (h, c)."""

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", unit_forget_bias=True, kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, **kwargs):
        units = _units(units, type(self), kwargs.get("name"))
        implementation = kwargs.pop("implementation", 2)
        super().__init__(**kwargs)
        self._init_cell(units, activation, use_bias, kernel_initializer, recurrent_initializer,
                        bias_initializer, kernel_regularizer, recurrent_regularizer,
                        bias_regularizer, kernel_constraint, recurrent_constraint,
                        bias_constraint, dropout, recurrent_dropout, seed)
        self.implementation = 1 if self.recurrent_dropout != 0.0 else implementation
        self.recurrent_activation = A.identifier(recurrent_activation, "activation",
                                                 describe_layer(self))
        self.unit_forget_bias = unit_forget_bias
        self.state_size = [self.units, self.units]
        self.output_size = self.units

    def build(self, input_shape):
        self._add_kernels(input_shape[-1], self.units * 4)
        self.bias = (self.add_weight(shape=(self.units * 4,), name="bias",
                                     initializer=self.bias_initializer)
                     if self.use_bias else None)

    def formula(self):
        n, u = self._input_dim, self.units
        bias = " + 1" if self.use_bias else ""
        total = 4 * u * (n + u + (1 if self.use_bias else 0))
        return (formula("4 gates x ({} + {}{}) x {}", Count(n, "input"), Count(u, "unit"), bias,
                        Count(u, "unit")), total)

    def get_config(self):
        config = self._common_config()
        config.update(recurrent_activation=self.recurrent_activation,
                      unit_forget_bias=self.unit_forget_bias)
        return config


class GRUCell(_Cell):
    """One step of GRU: ``kernel (features, 3*units)``, ``recurrent_kernel (units, 3*units)``,
    ``bias (3*units,)``, or ``(2, 3*units)`` with ``reset_after=True`` (the default)."""

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, reset_after=True,
                 seed=None, **kwargs):
        units = _units(units, type(self), kwargs.get("name"))
        implementation = kwargs.pop("implementation", 2)
        super().__init__(**kwargs)
        self._init_cell(units, activation, use_bias, kernel_initializer, recurrent_initializer,
                        bias_initializer, kernel_regularizer, recurrent_regularizer,
                        bias_regularizer, kernel_constraint, recurrent_constraint,
                        bias_constraint, dropout, recurrent_dropout, seed)
        self.implementation = 1 if self.recurrent_dropout != 0.0 else implementation
        self.recurrent_activation = A.identifier(recurrent_activation, "activation",
                                                 describe_layer(self))
        self.reset_after = reset_after
        self.state_size = self.units
        self.output_size = self.units

    @property
    def tag(self):
        return "reset_after" if self.reset_after and self.use_bias else ""

    def build(self, input_shape):
        self._add_kernels(input_shape[-1], self.units * 3)
        if self.use_bias:
            shape = (2, 3 * self.units) if self.reset_after else (3 * self.units,)
            self.bias = self.add_weight(shape=shape, name="bias",
                                        initializer=self.bias_initializer)
        else:
            self.bias = None

    def formula(self):
        n, u = self._input_dim, self.units
        weights = 3 * u * (n + u)
        if not self.use_bias:
            return formula("3 x {} x ({} + {})", u, n, u), weights
        if self.reset_after:
            return formula("3 x {} x ({} + {}) + 2 x 3 x {}", u, n, u, u), weights + 6 * u
        return formula("3 x {} x ({} + {} + 1)", u, n, u), weights + 3 * u

    def get_config(self):
        config = self._common_config()
        config.update(recurrent_activation=self.recurrent_activation,
                      reset_after=self.reset_after)
        return config


class StackedRNNCells(Layer):
    """Cells run one after the other at each step; the states of all of them."""

    call_args = ("inputs", "states", "training")

    def __init__(self, cells, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        if not isinstance(cells, (list, tuple)):
            raise LayerError(f"{owner}: `cells` must be a list of RNN cells, e.g. "
                             f"[keras.layers.LSTMCell(32), keras.layers.LSTMCell(16)]. Received: "
                             f"{cells!r:.80}", self)
        cells = [_deserialize(c, "cell") if isinstance(c, dict) else c for c in cells]
        for cell in cells:
            if not hasattr(cell, "state_size"):
                raise LayerError(
                    f"{owner}: all cells must be RNN cells (with a `call` method and a "
                    f"`state_size`, e.g. keras.layers.LSTMCell(32)). Received a cell without a "
                    f"`state_size`: {_what(cell)}.", self)
        self.cells = list(cells)

    @property
    def state_size(self):
        return [c.state_size for c in self.cells]

    @property
    def output_size(self):
        last = self.cells[-1]
        if getattr(last, "output_size", None) is not None:
            return last.output_size
        if isinstance(last.state_size, (list, tuple)):
            return last.state_size[0]
        return last.state_size

    def build(self, input_shape):
        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                cell.build(input_shape)
                cell.built = True
            if getattr(cell, "output_size", None) is not None:
                output_dim = cell.output_size
            elif isinstance(cell.state_size, (list, tuple)):
                output_dim = cell.state_size[0]
            else:
                output_dim = cell.state_size
            input_shape = (tree.flatten(input_shape)[0], output_dim)

    def compute_output_spec(self, inputs, states=None, training=None):
        batch = inputs.shape[0]
        dtype = self.compute_dtype
        new_states = []
        for cell in self.cells:
            sizes = cell.state_size
            if isinstance(sizes, (list, tuple)):
                new_states.append([KerasTensor((batch, s), dtype=dtype) for s in sizes])
            else:
                new_states.append(KerasTensor((batch, sizes), dtype=dtype))
        return KerasTensor((batch, self.output_size), dtype=dtype), new_states

    def get_initial_state(self, batch_size=None):
        return [c.get_initial_state(batch_size) for c in self.cells]

    def explain(self):
        lines, total = _cells_lines(self.cells)
        return [_explained(self.name, _cell_totals(self.cells), total)] + lines

    def get_config(self):
        config = super().get_config()
        config["cells"] = [_serialize(c) for c in self.cells]
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        cells = [_deserialize(c, "cell") for c in config.pop("cells")]
        return cls(cells, **config)


def _cell_total(cell):
    return sum(w.size for w in cell.weights)


def _cell_totals(cells):
    """``1,056 + 2,080``: each cell's weights."""
    return formula(" + ".join(["{}"] * len(cells)), *map(_cell_total, cells))


def _cells_lines(cells):
    lines, total = [], 0
    for cell in cells:
        lines.extend(map(text, cell.explain() if hasattr(cell, "formula")
                         else Layer.explain(cell)))
        total += _cell_total(cell)
    return lines, total


def _what(obj):
    if isinstance(obj, Layer):
        return f"{type(obj).__name__} '{obj.name}'"
    return repr(obj)[:80]


# ---------------------------------------------------------------------------
# RNN
# ---------------------------------------------------------------------------
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


def _split_shapes(sequences_shape, initial_state_shape):
    """tf.keras builds an RNN called with initial states on ``[sequences] + states`` shapes
    (a file's ``build_config``)."""
    if tree.is_shape(sequences_shape):
        return tuple(sequences_shape), initial_state_shape
    flat = [tuple(x) for x in tree.flatten_shapes(sequences_shape)]
    return flat[0], (flat[1:] or initial_state_shape)


def _as_list(outputs):
    """Several outputs as a list (tf.keras returns ``[output] + states``; Keras 3 a tuple,
    which nothing in a summary can tell apart, while tf.keras prints the list)."""
    return list(outputs) if isinstance(outputs, tuple) else outputs


class _SequenceLayer(Layer):
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


class RNN(_SequenceLayer):
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
            cell = _deserialize(cell, "cell")
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if not hasattr(cell, "state_size") or not (isinstance(cell, Layer) or hasattr(cell, "call")):
            hint = (" To apply a layer at every timestep use TimeDistributed; for a recurrent "
                    "layer use LSTM/GRU/SimpleRNN." if isinstance(cell, Layer) else "")
            raise LayerError(
                f"{owner}: `cell` must be an RNN cell (a layer with a `call` method and a "
                f"`state_size`, e.g. keras.layers.LSTMCell(32)) or a list of cells. Received: "
                f"{_what(cell)}.{hint}")
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
        sequences_shape, initial_state_shape = _split_shapes(sequences_shape, initial_state_shape)
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
        return _as_list(super().compute_output_spec(*args, **kwargs))

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
            lines, total = _cells_lines(cell.cells)
            return [_explained(self.name, line(_cell_totals(cell.cells), " (stacked cells)"),
                               total)] + lines
        if hasattr(cell, "formula"):
            return [_explained(self._explain_label(), *cell.formula())]
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
        config["cell"] = _serialize(self.cell)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        cell = _deserialize(config.pop("cell"), "cell")
        return cls(cell, **config)


class _CellRNN(RNN):
    """SimpleRNN/LSTM/GRU: the layer's arguments are its cell's (``layer.units`` ...)."""

    sequence_rank = 3
    _cell_arguments = ()

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
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)


_CELL_ARGS = ("units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
              "bias_initializer", "kernel_regularizer", "recurrent_regularizer",
              "bias_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
              "dropout", "recurrent_dropout")


class SimpleRNN(_CellRNN):
    """Fully-connected RNN: ``units x (features + units + 1)`` weights."""

    _cell_arguments = _CELL_ARGS

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, seed=None, **kwargs):
        _units(units, type(self), kwargs.get("name"))
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
        super().__init__(cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll, **kwargs)
        self.input_spec = [InputSpec(ndim=3)]

    def get_config(self):
        config = super().get_config()
        config.pop("activity_regularizer", None)
        return config


class LSTM(_CellRNN):
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
        _units(units, type(self), kwargs.get("name"))
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
        super().__init__(cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll,
                         activity_regularizer=activity_regularizer, **kwargs)
        self.input_spec = InputSpec(ndim=3)
        self._check_cudnn(use_cudnn)

    def get_config(self):
        config = super().get_config()
        config["activity_regularizer"] = self.activity_regularizer
        return config


class GRU(_CellRNN):
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
        _units(units, type(self), kwargs.get("name"))
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
        super().__init__(cell, return_sequences=return_sequences, return_state=return_state,
                         go_backwards=go_backwards, stateful=stateful, unroll=unroll,
                         activity_regularizer=activity_regularizer, **kwargs)
        self.input_spec = InputSpec(ndim=3)
        self._check_cudnn(use_cudnn)

    def get_config(self):
        config = super().get_config()
        config["activity_regularizer"] = self.activity_regularizer
        return config


# ---------------------------------------------------------------------------
# ConvLSTM
# ---------------------------------------------------------------------------
class ConvLSTMCell(_ConvArgs):
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
        self.dropout = _rate(dropout, "dropout", owner)
        self.recurrent_dropout = _rate(recurrent_dropout, "recurrent_dropout", owner)
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
        return [_explained(self.name, *self.formula())]

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


class _ConvLSTM(_CellRNN):
    """ConvLSTM1D/2D/3D: an RNN over a ConvLSTMCell; inputs ``(batch, time, *spatial, channels)``."""

    rank = None
    _cell_arguments = ("filters", "kernel_size", "strides", "padding", "data_format",
                       "dilation_rate", "activation", "recurrent_activation", "use_bias",
                       "kernel_initializer", "recurrent_initializer", "bias_initializer",
                       "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer",
                       "bias_regularizer", "kernel_constraint", "recurrent_constraint",
                       "bias_constraint", "dropout", "recurrent_dropout")

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
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
        super().__init__(cell, return_sequences=return_sequences, return_state=return_state,
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
        if step[cell._channel_axis()] is None:
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
        return [_explained(self.name, *self.cell.formula())]

    def explain_output(self):
        return self.cell.explain_output()

    def get_config(self):
        config = super().get_config()
        config.pop("rank", None)
        config["activity_regularizer"] = self.activity_regularizer
        return config


class ConvLSTM1D(_ConvLSTM):
    """1D convolutional LSTM: inputs ``(batch, time, steps, channels)``."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
        super().__init__(1, filters, kernel_size, strides, padding, data_format, dilation_rate,
                         activation, recurrent_activation, use_bias, kernel_initializer,
                         recurrent_initializer, bias_initializer, unit_forget_bias,
                         kernel_regularizer, recurrent_regularizer, bias_regularizer,
                         activity_regularizer, kernel_constraint, recurrent_constraint,
                         bias_constraint, dropout, recurrent_dropout, seed, return_sequences,
                         return_state, go_backwards, stateful, **kwargs)


class ConvLSTM2D(_ConvLSTM):
    """2D convolutional LSTM: inputs ``(batch, time, rows, cols, channels)``."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
        super().__init__(2, filters, kernel_size, strides, padding, data_format, dilation_rate,
                         activation, recurrent_activation, use_bias, kernel_initializer,
                         recurrent_initializer, bias_initializer, unit_forget_bias,
                         kernel_regularizer, recurrent_regularizer, bias_regularizer,
                         activity_regularizer, kernel_constraint, recurrent_constraint,
                         bias_constraint, dropout, recurrent_dropout, seed, return_sequences,
                         return_state, go_backwards, stateful, **kwargs)


class ConvLSTM3D(_ConvLSTM):
    """3D convolutional LSTM: inputs ``(batch, time, depth, rows, cols, channels)``."""

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
        super().__init__(3, filters, kernel_size, strides, padding, data_format, dilation_rate,
                         activation, recurrent_activation, use_bias, kernel_initializer,
                         recurrent_initializer, bias_initializer, unit_forget_bias,
                         kernel_regularizer, recurrent_regularizer, bias_regularizer,
                         activity_regularizer, kernel_constraint, recurrent_constraint,
                         bias_constraint, dropout, recurrent_dropout, seed, return_sequences,
                         return_state, go_backwards, stateful, **kwargs)


# ---------------------------------------------------------------------------
# wrappers
# ---------------------------------------------------------------------------
class Wrapper(Layer):
    """Base class of the wrappers: one inner ``layer``, built with the wrapper."""

    def __init__(self, layer, **kwargs):
        if isinstance(layer, dict):
            layer = _deserialize(layer)
        if not isinstance(layer, Layer):
            raise LayerError(
                f"{A.owner_of(type(self), kwargs.get('name'))}: the wrapped `layer` must be a "
                f"keras layer instance (e.g. layers.Dense(8)). Received: {_what(layer)}.")
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape=None):
        if not self.layer.built:
            self.layer.build(input_shape)
            self.layer.built = True

    def get_config(self):
        config = super().get_config()
        config["layer"] = _serialize(self.layer)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        layer = _deserialize(config.pop("layer"))
        return cls(layer, **config)


def _inner_output_shape(layer, input_shape, dtype):
    """The inner layer's output shape for ``input_shape``: ``compute_output_shape`` as Keras;
    a model (or a custom layer known by tracing its call) runs on a symbolic tensor."""
    from ..graph import Model
    if not isinstance(layer, Model) and (
            type(layer).compute_output_shape is not Layer.compute_output_shape
            or type(layer).call is Layer.call):
        return layer.compute_output_shape(input_shape)
    spec = layer.compute_output_spec(KerasTensor(input_shape, dtype=dtype))
    return tree.map_structure(lambda t: tuple(t.shape) if isinstance(t, KerasTensor) else t, spec)


class TimeDistributed(_SequenceLayer, Wrapper):
    """Applies its layer to every timestep: the inner layer sees ``(batch, *input_shape[2:])``
    and its weights are shared across timesteps."""

    call_args = ("inputs", "training", "mask")
    call_mask_args = ("mask",)
    supports_masking = True
    sequence_rank = None
    sequence_axes = "(batch, timesteps, ...)"

    def __init__(self, layer, **kwargs):
        if isinstance(layer, dict):
            layer = _deserialize(layer)
        if not isinstance(layer, Layer):
            raise LayerError(
                f"{A.owner_of(type(self), kwargs.get('name'))}: initialize TimeDistributed with "
                f"a keras layer instance, e.g. TimeDistributed(layers.Dense(8)). Received: "
                f"{_what(layer)}.")
        super().__init__(layer, **kwargs)

    def _rank_fix(self, shape, expected):
        inner = self.layer
        hint = ""
        if type(inner).__name__ in ("Dense", "EinsumDense"):
            hint = (f" A {type(inner).__name__} already applies to the last axis of inputs of "
                    "any rank: without TimeDistributed it gives the same result on "
                    f"{format_shape(shape)}.")
        return ("TimeDistributed applies its layer to each step of axis 1: add a time "
                "dimension first (e.g. layers.Reshape((1, ...)) or layers.RepeatVector(n)), "
                "or remove the TimeDistributed wrapper." + hint)

    def _get_child_input_shape(self, input_shape):
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) < 3:
            self._check_sequence_rank(tuple(input_shape))
        return (input_shape[0], *input_shape[2:])

    def build(self, input_shape):
        child = self._get_child_input_shape(tuple(input_shape))
        try:
            if not self.layer.built:
                self.layer.build(child)
                self.layer.built = True
        except LayerError as e:
            raise self._inner_error(e, input_shape, child) from None
        except ShapeError as e:
            raise self._inner_error(e, input_shape, child) from None

    def _inner_error(self, error, input_shape, child):
        fix = getattr(error, "fix", None)
        return LayerError(
            f"Layer {describe_layer(self)} received an input of shape "
            f"{format_shape(tuple(input_shape))}, so its layer {describe_layer(self.layer)} is "
            f"applied to each timestep of shape {format_shape(tuple(child))}, which it cannot "
            f"process: {error}" + (f". {fix}" if fix else ""), self)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        child = self._get_child_input_shape(input_shape)
        try:
            out = _inner_output_shape(self.layer, child, self.layer.compute_dtype)
        except (LayerError, ShapeError) as e:
            raise self._inner_error(e, input_shape, child) from None
        if not tree.is_shape(out):
            raise LayerError(
                f"Layer {describe_layer(self)}: its layer {describe_layer(self.layer)} returns "
                f"several outputs {format_shape(out)}; TimeDistributed needs a layer with a "
                "single output.", self)
        return (out[0], input_shape[1], *out[1:])

    def explain(self):
        inner = self.layer
        from ..graph import Model
        total = sum(w.size for w in inner.weights)
        steps = ""
        shape = last_input_shape(self)
        if shape is not None and len(shape) > 1 and shape[1] is not None:
            steps = formula(" (all {} timesteps)", shape[1])
        if isinstance(inner, Model):
            lines = [line(Subject(self.name), formula(
                f"{inner.name} ({type(inner).__name__}) = {{}}, the same weights at every "
                "timestep", total), steps)]
            for sub in inner.layers:
                if sub.built:
                    lines.extend(map(text, sub.explain()))
            return lines
        inner_lines = [text(l) for l in inner.explain()]
        first = inner_lines[0] if inner_lines else weight_sizes(inner, [])
        if first.subject == inner.name:
            first = first.without_subject()
        return ([line(Subject(self.name), first),
                 line(f"the same {inner.name} ({type(inner).__name__}) weights at every "
                      "timestep", steps)] + inner_lines[1:])

    def explain_output(self):
        return list(self.layer.explain_output()) if hasattr(self.layer, "explain_output") else []


_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _is_recurrent(layer):
    return isinstance(layer, RNN) or (isinstance(layer, Layer) and all(
        hasattr(layer, a) for a in ("go_backwards", "return_sequences", "return_state")))


class Bidirectional(_SequenceLayer):
    """Runs a copy of its RNN forwards and another backwards and merges the outputs.

    Weights: ``forward_<name>``'s then ``backward_<name>``'s (twice the RNN's).
    """

    _takes_initial_state = True

    call_args = ("sequences", "initial_state", "mask", "training")
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        if isinstance(layer, dict):
            layer = _deserialize(layer)
        if isinstance(backward_layer, dict):
            backward_layer = _deserialize(backward_layer)
        if not isinstance(layer, Layer):
            raise LayerError(
                f"{owner}: initialize Bidirectional with a recurrent keras layer instance, e.g. "
                f"Bidirectional(layers.LSTM(32)). Received: {_what(layer)}.")
        if not _is_recurrent(layer):
            raise LayerError(
                f"{owner}: Bidirectional wraps a recurrent layer (LSTM, GRU, SimpleRNN, RNN, "
                f"ConvLSTM1D/2D/3D), which it copies into a forward and a backward "
                f"(go_backwards=True) layer. Received {_what(layer)}, which has no "
                "`go_backwards`. Wrap a recurrent layer, or use the layer without "
                "Bidirectional (TimeDistributed applies a layer to every timestep).")
        if backward_layer is not None and not isinstance(backward_layer, Layer):
            raise LayerError(f"{owner}: `backward_layer` must be a keras layer instance. "
                             f"Received: {_what(backward_layer)}.")
        if backward_layer is not None and not _is_recurrent(backward_layer):
            raise LayerError(
                f"{owner}: `backward_layer` must be a recurrent layer with go_backwards=True "
                f"(e.g. layers.LSTM(32, go_backwards=True)). Received {_what(backward_layer)}, "
                "which has no `go_backwards`.")
        if merge_mode not in _MERGE_MODES:
            raise LayerError(
                f"{owner}: invalid merge_mode {merge_mode!r}. merge_mode should be one of "
                '{"sum", "mul", "ave", "concat", None} (None returns the forward and backward '
                "outputs as a list).")
        super().__init__(**kwargs)
        forward_name = f"forward_{layer.name.removeprefix('forward_')}"
        self.forward_layer = _copy_layer(layer, name=forward_name)
        if backward_layer is None:
            backward_name = f"backward_{layer.name.removeprefix('backward_')}"
            self.backward_layer = _copy_layer(layer, name=backward_name, go_backwards=True)
        else:
            self.backward_layer = backward_layer
        if hasattr(layer, "use_cudnn"):
            self.forward_layer.use_cudnn = layer.use_cudnn
            self.backward_layer.use_cudnn = layer.use_cudnn
        self._verify_layer_config()
        for inner in (self.forward_layer, self.backward_layer):
            if getattr(inner, "zero_output_for_mask", None) is not None:
                inner.zero_output_for_mask = inner.return_sequences
        self.merge_mode = merge_mode
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.input_spec = layer.input_spec

    def _verify_layer_config(self):
        fwd, bwd = self.forward_layer, self.backward_layer
        owner = describe_layer(self)
        if fwd.go_backwards == bwd.go_backwards:
            raise LayerError(
                f"{owner}: the forward and backward layers must have different `go_backwards` "
                f"values. Received: forward_layer.go_backwards={fwd.go_backwards}, "
                f"backward_layer.go_backwards={bwd.go_backwards}. Create the backward layer "
                "with go_backwards=True.", self)
        for attr in ("stateful", "return_sequences", "return_state"):
            f, b = getattr(fwd, attr), getattr(bwd, attr)
            if f != b:
                raise LayerError(
                    f"{owner}: the forward and backward layers must have the same `{attr}`. "
                    f"Received {attr}={f} for the forward layer and {attr}={b} for the backward "
                    "layer.", self)

    @property
    def sequence_rank(self):
        return self.forward_layer.sequence_rank if isinstance(self.forward_layer, RNN) else 3

    @property
    def sequence_axes(self):
        return getattr(self.forward_layer, "sequence_axes", "(batch, timesteps, features)")

    def _rank_fix(self, shape, expected):
        if isinstance(self.forward_layer, _SequenceLayer):
            return self.forward_layer._rank_fix(shape, expected)
        return super()._rank_fix(shape, expected)

    def build(self, sequences_shape, initial_state_shape=None):
        sequences_shape, initial_state_shape = _split_shapes(sequences_shape, initial_state_shape)
        for inner in (self.forward_layer, self.backward_layer):
            if not inner.built:
                try:
                    inner.build(sequences_shape)
                except LayerError as e:
                    raise LayerError(f"Layer {describe_layer(self)}: {e}", self) from None

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        output_shape = self.forward_layer.compute_output_shape(sequences_shape)
        self._check_shapes(sequences_shape, initial_state_shape)
        if self.return_state:
            output_shape, state_shape = output_shape[0], tuple(output_shape[1:])
        if self.merge_mode == "concat":
            output_shape = list(output_shape)
            output_shape[-1] *= 2
            output_shape = tuple(output_shape)
        elif self.merge_mode is None:
            output_shape = [output_shape, output_shape]
        if self.return_state:
            if self.merge_mode is None:
                return tuple(output_shape) + state_shape + state_shape
            return (output_shape,) + state_shape + state_shape
        return tuple(output_shape)

    def _check_shapes(self, sequences_shape, initial_state_shape):
        fwd, bwd = self.forward_layer, self.backward_layer
        try:
            f_out = tree.flatten_shapes(fwd.compute_output_shape(sequences_shape))
            b_out = tree.flatten_shapes(bwd.compute_output_shape(sequences_shape))
        except ParamscopeError:
            return
        if f_out != b_out:
            text = (f"Layer {describe_layer(self)}: the backward layer's outputs "
                    f"{format_shape(b_out)} differ from the forward layer's "
                    f"{format_shape(f_out)}. Keras reports the shapes of the forward layer (as "
                    "here), but merging them fails when the model runs; give both layers the "
                    "same units.")
            if text not in self._warnings:
                self._warnings.append(text)
        if initial_state_shape is not None:
            given = tree.flatten_shapes(initial_state_shape if not tree.is_shape(
                initial_state_shape) else [initial_state_shape])
            expected = len(fwd.state_size) + len(bwd.state_size)
            if len(given) != expected:
                text = (f"Layer {describe_layer(self)} was given {len(given)} initial state(s); "
                        f"it needs {expected} (the forward layer's states, then the backward "
                        "layer's). Keras builds the model but the layer fails when it runs.")
                if text not in self._warnings:
                    self._warnings.append(text)

    def compute_output_spec(self, *args, **kwargs):
        return _as_list(super().compute_output_spec(*args, **kwargs))

    def compute_mask(self, _, mask):
        if isinstance(mask, list):
            mask = mask[0]
        if self.return_sequences:
            output_mask = (mask, mask) if not self.merge_mode else mask
        else:
            output_mask = (None, None) if not self.merge_mode else None
        return output_mask

    @property
    def states(self):
        return None

    def reset_state(self):
        if not self.stateful:
            raise LayerError(f"Layer {describe_layer(self)}: reset_state() needs a stateful "
                             "layer (stateful=True).", self)

    reset_states = reset_state

    def explain(self):
        fwd, bwd = self.forward_layer, self.backward_layer
        f = sum(w.size for w in fwd.weights)
        b = sum(w.size for w in bwd.weights)
        f_lines, b_lines = [text(l) for l in fwd.explain()], [text(l) for l in bwd.explain()]
        strip = lambda lines, name: [l.without_subject() if l.subject == name else l
                                     for l in lines]
        if f == b and strip(f_lines, fwd.name) == strip(b_lines, bwd.name):
            return [line(Subject(self.name), formula("2 x {} = {}", f, f + b))] + f_lines
        return ([line(Subject(self.name), formula("{} (forward) + {} (backward) = {}", f, b,
                                                  f + b))] + f_lines + b_lines)

    def explain_output(self):
        return list(self.forward_layer.explain_output())

    def get_config(self):
        config = super().get_config()
        config["merge_mode"] = self.merge_mode
        config["layer"] = _serialize(self.forward_layer)
        config["backward_layer"] = _serialize(self.backward_layer)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["layer"] = _deserialize(config["layer"])
        if config.get("backward_layer") is not None:
            config["backward_layer"] = _deserialize(config["backward_layer"])
        return cls(**config)
