"""Recurrent layers and wrappers: error messages, explanations, and what the golden cases do
not show (weight paths, warnings, masks, configs).

What Keras does is read from tests/golden/layer_tables/keras3.json.gz, recorded by
tools/make_layer_tables.py in real Keras 3.15.1 (JAX): the table ``rnn`` (one layer called on
a ``keras.Input``, rows in tools/cases/layer_tables.py), the snippets ``rnn_snippets``
(tools/cases/layer_snippets.py), run here on paramscope, and ``rnn_tfkeras`` (a tf.keras 2.21
model's ``to_json()`` and its layers' parameter counts).  tests/golden/*/rnn.json.gz hold the
golden models.  The error wording, warnings and explanations are paramscope's own.
"""

import pytest

import paramscope.keras as keras
from paramscope.errors import ParamscopeError
from paramscope.layers import args as layer_args
from paramscope.layers import rnn
from paramscope.report import explain
from paramscope.summary import summarize
from keras_snippets import check_snippet, recorded_snippets
from keras_table import check_like_keras, check_registered, error_of, recorded_table

layers = keras.layers

CASES = recorded_table("rnn")
SNIPPETS = recorded_snippets("rnn_snippets")


def explain_lines(model):
    return [line.strip() for line in explain.lines(summarize(model))]


def sequential(input_shape, *items):
    return keras.Sequential([keras.Input(input_shape), *items])


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_layer_like_keras(case):
    """Whether Keras raises, in the constructor or when called (the tests below check what
    paramscope says then)."""
    check_like_keras(case)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_like_keras(snippet):
    """Weights and their paths, trainable counts, output shapes (return_state, merge modes,
    ConvLSTM, TimeDistributed of models, RNN over cells), masks in the graph, configs."""
    check_snippet(SNIPPETS[snippet])


def test_every_keras_recurrent_name_is_registered():
    keras_names = SNIPPETS["names"][2]
    assert len(keras_names) == 14
    check_registered(rnn, keras_names)


# -- explanations (the forms of the issue) ----------------------------------------------------

def test_explain_recurrent_layers():
    model = sequential((10, 16), layers.LSTM(32, return_sequences=True))
    assert "lstm: 4 gates x (16 inputs + 32 units + 1) x 32 units = 6,272" in explain_lines(model)
    model = sequential((10, 16), layers.LSTM(32, use_bias=False))
    assert "lstm_1: 4 gates x (16 inputs + 32 units) x 32 units = 6,144" in explain_lines(model)
    model = sequential((10, 16), layers.GRU(32))
    assert "gru (reset_after): 3 x 32 x (16 + 32) + 2 x 3 x 32 = 4,800" in explain_lines(model)
    model = sequential((10, 16), layers.GRU(32, reset_after=False))
    assert "gru_1: 3 x 32 x (16 + 32 + 1) = 4,704" in explain_lines(model)
    model = sequential((10, 16), layers.SimpleRNN(32))
    assert "simple_rnn: 32 units x (16 inputs + 32 units + 1) = 1,568" in explain_lines(model)


def test_explain_bidirectional_shows_the_inner_line():
    model = sequential((10, 16), layers.Bidirectional(layers.LSTM(32)))
    lines = explain_lines(model)
    i = lines.index("bidirectional: 2 x 6,272 = 12,544")
    assert lines[i + 1] == "forward_lstm: 4 gates x (16 inputs + 32 units + 1) x 32 units = 6,272"
    model = sequential((10, 16), layers.Bidirectional(
        layers.LSTM(4), backward_layer=layers.GRU(4, go_backwards=True)))
    lines = explain_lines(model)
    assert "bidirectional_1: 336 (forward) + 264 (backward) = 600" in lines


def test_explain_time_distributed_and_conv_lstm():
    model = sequential((10, 16), layers.TimeDistributed(layers.Dense(8)))
    lines = explain_lines(model)
    assert "time_distributed: 16 inputs x 8 units + 8 biases = 136" in lines
    assert "the same dense (Dense) weights at every timestep (all 10 timesteps)" in lines
    model = sequential((5, 8, 8, 3), layers.ConvLSTM2D(16, 3))
    lines = explain_lines(model)
    assert ("conv_lstm2d: 4 gates x (3x3 x 3 input channels + 3x3 x 16 filters) x 16 filters "
            "+ 4 x 16 biases = 11,008") in lines
    assert "height: (8 - 3) / 1 + 1 = 6" in lines


def test_explain_rnn_over_cells():
    model = sequential((10, 4), layers.RNN([layers.LSTMCell(3), layers.SimpleRNNCell(2)]))
    lines = explain_lines(model)
    assert "rnn: 96 + 12 (stacked cells) = 108" in lines
    assert "lstm_cell: 4 gates x (4 inputs + 3 units + 1) x 3 units = 96" in lines
    assert "simple_rnn_cell: 2 units x (3 inputs + 2 units + 1) = 12" in lines
    model = sequential((10, 4), layers.RNN(layers.GRUCell(3)))
    assert "rnn_1 (gru_cell, reset_after): 3 x 3 x (4 + 3) + 2 x 3 x 3 = 81" in explain_lines(model)


# -- errors: where Keras raises, a LayerError naming the layer and the fix ---------------------

def test_rank_errors_name_the_layer_the_shape_and_the_fix():
    # Keras: "Input 0 ... of layer 'lstm' is incompatible with the layer: expected ndim=3,
    # found ndim=2. Full shape received: (None, 5)"
    text = error_of(lambda: sequential((5,), layers.LSTM(4)))
    assert "'lstm' (LSTM)" in text and "(None, 5)" in text and "rank 3" in text
    assert "add a time dimension or use reshape" in text.lower()
    assert "layers.Reshape((5, 1))" in text
    text = error_of(lambda: sequential((28, 28, 1), layers.GRU(4)))
    assert "(None, 28, 28, 1)" in text and "layers.Reshape((28, 28))" in text
    assert "ConvLSTM" in text
    # RNN(cell) has no input_spec in Keras: rank 2 fails in the cell (rank 4 is accepted:
    # the snippet rnn_of_a_cell_accepts_rank_4)
    text = error_of(lambda: sequential((5,), layers.RNN(layers.LSTMCell(4))))
    assert "'rnn' (RNN)" in text and "rank 3 or more" in text
    text = error_of(lambda: sequential((5, 8, 8), layers.ConvLSTM2D(4, 3)))
    assert "rank 5" in text and "layers.Reshape((5, 8, 8, 1))" in text


def test_time_distributed_errors():
    # Keras: "`TimeDistributed` Layer should be passed an `input_shape` with at least 3
    # dimensions, received: (None, 5)"
    text = error_of(lambda: sequential((5,), layers.TimeDistributed(layers.Dense(3))))
    assert "'time_distributed' (TimeDistributed)" in text and "(None, 5)" in text
    assert "rank 3 or more" in text and "Dense already applies" in text
    text = error_of(lambda: sequential((5, 8, 8), layers.TimeDistributed(layers.Conv2D(3, 3))))
    assert "each timestep of shape (None, 8, 8)" in text and "rank 4" in text
    text = error_of(lambda: layers.TimeDistributed("dense"))
    assert "layer instance" in text


def test_bidirectional_errors():
    # Keras: TypeError "<class 'Dense'> could not be deserialized properly..."
    text = error_of(lambda: layers.Bidirectional(layers.Dense(3)))
    assert "recurrent layer" in text and "Dense 'dense'" in text and "go_backwards" in text
    # Keras: "Invalid merge mode. Received: max. Merge mode should be one of ..."
    text = error_of(lambda: layers.Bidirectional(layers.LSTM(3), merge_mode="max"))
    assert "'max'" in text and '"concat"' in text
    text = error_of(lambda: layers.Bidirectional(layers.LSTM(3), backward_layer=layers.LSTM(3)))
    assert "go_backwards" in text and "go_backwards=True" in text
    text = error_of(lambda: layers.Bidirectional(
        layers.LSTM(3), backward_layer=layers.LSTM(3, go_backwards=True, return_sequences=True)))
    assert "`return_sequences`" in text
    text = error_of(lambda: layers.Bidirectional(layers.LSTM(3), backward_layer=layers.Dense(3)))
    assert "backward_layer" in text


def test_argument_errors():
    assert "time_major" in error_of(lambda: layers.LSTM(4, time_major=True))
    assert "Permute" in error_of(lambda: layers.GRU(4, time_major=False))
    assert "units=0" in error_of(lambda: layers.LSTM(0))
    assert "use_cudnn" in error_of(lambda: layers.GRU(3, use_cudnn="x"))
    text = error_of(lambda: layers.RNN(layers.Dense(3)))
    assert "state_size" in text and "TimeDistributed" in text
    text = error_of(lambda: sequential((5, 3), layers.LSTM(4, stateful=True)))
    assert "batch_size" in text and "(None, 5, 3)" in text
    text = error_of(lambda: sequential((5, None), layers.SimpleRNN(4)))
    assert "features" in text and "(None, 5, None)" in text
    text = error_of(lambda: sequential((5, None, 8, 1), layers.ConvLSTM2D(3, 3)))
    assert "spatial" in text
    # Keras: "Computed output size would be zero or negative..."
    text = error_of(lambda: sequential((5, 2, 2, 1), layers.ConvLSTM2D(3, 3)))
    assert "(ConvLSTM2D)" in text and "(None, 5, 2, 2, 1)" in text and "padding='same'" in text
    text = error_of(lambda: layers.ConvLSTM2D(3, 3, strides=2, dilation_rate=2))
    assert "dilation_rate" in text and text.startswith("ConvLSTM2D:")  # not its inner cell


def test_a_list_of_sequences_and_states_is_rejected_but_read_from_tf_keras_files():
    seq, h = keras.Input((7, 3)), keras.Input((6,))
    with pytest.raises(ParamscopeError) as info:
        layers.GRU(6)([seq, h])
    assert "initial_state=" in str(info.value)
    # tf.keras configs record `gru([seq, h])` for gru(seq, initial_state=h).
    with layer_args.lenient_identifiers():
        y = layers.GRU(6, name="from_file")([seq, h])
    assert y.shape == (None, 6)


# -- what Keras only finds out when the model runs: warnings ------------------------------------

def test_initial_state_and_unroll_warnings():
    seq, h = keras.Input((7, 3)), keras.Input((5,))
    # Keras builds it (the snippet initial_state_of_another_size_builds)
    model = keras.Model([seq, h], layers.GRU(6)(seq, initial_state=[h]))
    warnings = summarize(model).warnings
    assert any("initial_state" in w and "(None, 5)" in w and "(None, 6)" in w for w in warnings)
    model = sequential((None, 3), layers.LSTM(4, unroll=True))
    assert any("unroll=True" in w for w in summarize(model).warnings)
    model = sequential((10, 3), layers.Bidirectional(
        layers.LSTM(8), backward_layer=layers.LSTM(6, go_backwards=True)))
    # Keras 3.15.1 reports the forward shape twice (the snippet
    # bidirectional_with_a_smaller_backward_layer)
    assert any("backward layer" in w for w in summarize(model).warnings)


# tf_keras 2.21: Input -> Embedding(mask_zero) -> LSTM -> Bidirectional(GRU), its to_json() and
# its layers' count_params().  tf.keras prints 4 rows: its masks are no layers.
TF_KERAS_MASKED, TF_KERAS_PARAMS = recorded_snippets("rnn_tfkeras")["masked"][2]


def test_tf_keras_files_get_no_mask_operations():
    from paramscope import formats
    assert TF_KERAS_MASKED["keras_version"] == "2.21.0"
    model = formats.load_config(TF_KERAS_MASKED)
    summary = summarize(model)
    assert [[r.name, r.params] for r in summary.layers] == TF_KERAS_PARAMS
    assert summary.sequential_like
    assert not any("time_major" in w for w in summary.warnings)
