"""RNN cells (keras/src/layers/rnn): SimpleRNNCell, LSTMCell, GRUCell, StackedRNNCells."""

from __future__ import annotations

from ... import tree
from ...explanation import Count, formula, text
from ...errors import LayerError, describe_layer
from .. import args as A
from ..base import KerasTensor, Layer
from ..state import SeedGenerator
from .common import (checked_rate, checked_units, describe_value, deserialize_sublayer, explained,
                     serialize_sublayer)

__all__ = ["SimpleRNNCell", "LSTMCell", "GRUCell", "StackedRNNCells"]


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
        self.dropout = checked_rate(dropout, "dropout", owner)
        self.recurrent_dropout = checked_rate(recurrent_dropout, "recurrent_dropout", owner)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed)  # Keras's cells always have one
        self.units = units
        self._input_dim = None

    def _init_gates(self, recurrent_activation, implementation):
        """LSTM's and GRU's gates: their activation, and Keras's ``implementation`` (1 with
        recurrent dropout)."""
        self.implementation = 1 if self.recurrent_dropout != 0.0 else implementation
        self.recurrent_activation = A.identifier(recurrent_activation, "activation",
                                                 describe_layer(self))

    def _add_weights(self, input_dim, width, bias_shape=None):
        """``kernel (input_dim, width)``, ``recurrent_kernel (units, width)`` and, with
        ``use_bias``, ``bias`` (``(width,)`` unless ``bias_shape`` says otherwise)."""
        self._input_dim = input_dim
        self.kernel = self.add_weight(shape=(input_dim, width), name="kernel",
                                      initializer=self.kernel_initializer)
        self.recurrent_kernel = self.add_weight(shape=(self.units, width),
                                                name="recurrent_kernel",
                                                initializer=self.recurrent_initializer)
        self.bias = (self.add_weight(shape=bias_shape or (width,), name="bias",
                                     initializer=self.bias_initializer)
                     if self.use_bias else None)

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
        from ... import ops
        return [ops.zeros((batch_size, s)) for s in sizes]

    def label(self, name):
        return f"{name} ({self.tag})" if self.tag else name

    def explain(self):
        return [explained(self.label(self.name), *self.formula())]

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


class SimpleRNNCell(_Cell):
    """One step of SimpleRNN: ``kernel (features, units)``, ``recurrent_kernel (units, units)``,
    ``bias (units,)``."""

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        units = checked_units(units, type(self), kwargs.get("name"))
        super().__init__(**kwargs)
        self._init_cell(units, activation, use_bias, kernel_initializer, recurrent_initializer,
                        bias_initializer, kernel_regularizer, recurrent_regularizer,
                        bias_regularizer, kernel_constraint, recurrent_constraint,
                        bias_constraint, dropout, recurrent_dropout, seed)
        self.state_size = self.units
        self.output_size = self.units

    def build(self, input_shape):
        self._add_weights(input_shape[-1], self.units)

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
        units = checked_units(units, type(self), kwargs.get("name"))
        implementation = kwargs.pop("implementation", 2)
        super().__init__(**kwargs)
        self._init_cell(units, activation, use_bias, kernel_initializer, recurrent_initializer,
                        bias_initializer, kernel_regularizer, recurrent_regularizer,
                        bias_regularizer, kernel_constraint, recurrent_constraint,
                        bias_constraint, dropout, recurrent_dropout, seed)
        self._init_gates(recurrent_activation, implementation)
        self.unit_forget_bias = unit_forget_bias
        self.state_size = [self.units, self.units]
        self.output_size = self.units

    def build(self, input_shape):
        self._add_weights(input_shape[-1], self.units * 4)

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
        units = checked_units(units, type(self), kwargs.get("name"))
        implementation = kwargs.pop("implementation", 2)
        super().__init__(**kwargs)
        self._init_cell(units, activation, use_bias, kernel_initializer, recurrent_initializer,
                        bias_initializer, kernel_regularizer, recurrent_regularizer,
                        bias_regularizer, kernel_constraint, recurrent_constraint,
                        bias_constraint, dropout, recurrent_dropout, seed)
        self._init_gates(recurrent_activation, implementation)
        self.reset_after = reset_after
        self.state_size = self.units
        self.output_size = self.units

    @property
    def tag(self):
        return "reset_after" if self.reset_after and self.use_bias else ""

    def build(self, input_shape):
        self._add_weights(input_shape[-1], self.units * 3,
                          bias_shape=(2, 3 * self.units) if self.reset_after else None)

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
        cells = [deserialize_sublayer(c, "cell") if isinstance(c, dict) else c for c in cells]
        for cell in cells:
            if not hasattr(cell, "state_size"):
                raise LayerError(
                    f"{owner}: all cells must be RNN cells (with a `call` method and a "
                    f"`state_size`, e.g. keras.layers.LSTMCell(32)). Received a cell without a "
                    f"`state_size`: {describe_value(cell)}.", self)
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
        lines, total = cells_lines(self.cells)
        return [explained(self.name, cell_totals(self.cells), total)] + lines

    def get_config(self):
        config = super().get_config()
        config["cells"] = [serialize_sublayer(c) for c in self.cells]
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        cells = [deserialize_sublayer(c, "cell") for c in config.pop("cells")]
        return cls(cells, **config)


def _cell_total(cell):
    return sum(w.size for w in cell.weights)


def cell_totals(cells):
    """``1,056 + 2,080``: each cell's weights."""
    return formula(" + ".join(["{}"] * len(cells)), *map(_cell_total, cells))


def cells_lines(cells):
    lines, total = [], 0
    for cell in cells:
        lines.extend(map(text, cell.explain() if hasattr(cell, "formula")
                         else Layer.explain(cell)))
        total += _cell_total(cell)
    return lines, total
