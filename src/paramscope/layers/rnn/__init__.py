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

One module per part, as keras/src/layers/rnn: ``cells``, ``recurrent`` (RNN,
SimpleRNN, LSTM, GRU), ``conv_lstm``, ``wrappers`` (Wrapper, TimeDistributed,
Bidirectional); ``common`` holds what they share.
"""

from __future__ import annotations

from .. import family_member

__all__ = [
    "RNN", "SimpleRNN", "SimpleRNNCell", "LSTM", "LSTMCell", "GRU", "GRUCell",
    "StackedRNNCells", "Bidirectional", "TimeDistributed", "Wrapper",
    "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D",
]


def __getattr__(name):
    """Each layer from its module, imported on first use (see ``layers.family_member``)."""
    return family_member(__name__, name)
