"""Recurrent layers and wrappers: error messages, explanations, and what the golden cases do
not show (weight paths, warnings, masks, configs).

Expected values were taken from real Keras 3.15.1 (JAX backend); the snippet that produced
each value is in the comment next to it.  tests/golden/*/rnn.json.gz hold the full records.
"""

import pytest

import paramscope.keras as keras
from paramscope.errors import LayerError, ParamscopeError
from paramscope.layers import args as layer_args
from paramscope.layers import registry, rnn
from paramscope.report import explain
from paramscope.summary import summarize

layers = keras.layers


def weights(layer):
    return [(w.name, w.shape, w.trainable) for w in layer.weights]


def error_of(fn):
    with pytest.raises(LayerError) as info:
        fn()
    return str(info.value)


def explain_lines(model):
    return [line.strip() for line in explain.lines(summarize(model))]


def sequential(input_shape, *items):
    return keras.Sequential([keras.Input(input_shape), *items])


# -- registry -----------------------------------------------------------------------------------

# [n for n in dir(keras.layers) if any(k in n for k in ("RNN", "LSTM", "GRU", "Cell", "Bidir",
#  "TimeDis", "Wrapper")) and n != "TorchModuleWrapper"] in Keras 3.15.1
KERAS_NAMES = ["Bidirectional", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "GRU", "GRUCell", "LSTM",
               "LSTMCell", "RNN", "SimpleRNN", "SimpleRNNCell", "StackedRNNCells",
               "TimeDistributed", "Wrapper"]


def test_every_keras_recurrent_name_is_registered():
    assert sorted(rnn.__all__) == KERAS_NAMES
    for name in KERAS_NAMES:
        assert registry()[name] is getattr(rnn, name)


# -- weights ------------------------------------------------------------------------------------

def test_lstm_gru_simple_rnn_weights():
    # l = keras.layers.GRU(32); l(keras.Input((10, 16))); [(w.name, w.shape) for w in l.weights]
    gru = layers.GRU(32)
    gru(keras.Input((10, 16)))
    assert weights(gru) == [("kernel", (16, 96), True), ("recurrent_kernel", (32, 96), True),
                            ("bias", (2, 96), True)]
    gru = layers.GRU(32, reset_after=False)
    gru(keras.Input((10, 16)))
    assert weights(gru)[2] == ("bias", (96,), True)
    lstm = layers.LSTM(32, use_bias=False)
    lstm(keras.Input((10, 16)))
    assert weights(lstm) == [("kernel", (16, 128), True), ("recurrent_kernel", (32, 128), True)]


def test_weight_paths_are_keras_paths():
    # [w.path for w in model.weights] for keras.Input((10, 5)) -> LSTM(2) / Bidirectional(LSTM(2))
    # / RNN([LSTMCell(2), GRUCell(2)]) / TimeDistributed(Dense(3)) in Keras 3.15.1
    inp = keras.Input((10, 5))
    lstm, bi = layers.LSTM(2), layers.Bidirectional(layers.LSTM(2))
    stacked = layers.RNN([layers.LSTMCell(2), layers.GRUCell(2)])
    td = layers.TimeDistributed(layers.Dense(3))
    for layer in (lstm, bi, stacked, td):
        layer(inp)
    assert [w.path for w in lstm.weights] == [
        "lstm/lstm_cell/kernel", "lstm/lstm_cell/recurrent_kernel", "lstm/lstm_cell/bias"]
    assert [w.path for w in bi.weights][::3] == [
        "bidirectional/forward_lstm_1/lstm_cell/kernel",
        "bidirectional/backward_lstm_1/lstm_cell/kernel"]
    assert [w.path for w in stacked.weights][::3] == [
        "rnn/stacked_rnn_cells/lstm_cell/kernel", "rnn/stacked_rnn_cells/gru_cell/kernel"]
    assert [w.path for w in td.weights] == ["time_distributed/dense/kernel",
                                            "time_distributed/dense/bias"]


def test_frozen_cell_counts_as_trainable_in_the_model():
    # Keras 3.15.1: keras.Sequential([keras.Input((9, 3)), RNN(GRUCell(4), trainable=False)])
    # -> the row: 0 trainable / 108 non-trainable; the totals: 108 trainable (the cell was
    # created trainable and its variables keep that flag).
    model = sequential((9, 3), layers.RNN(layers.GRUCell(4), trainable=False))
    summary = summarize(model)
    row = summary.layers[0]
    assert (row.trainable_params, row.non_trainable_params) == (0, 108)
    assert (summary.trainable_params, summary.non_trainable_params) == (108, 0)
    # LSTM(trainable=False) creates its cell frozen: non-trainable everywhere.
    model = sequential((9, 3), layers.LSTM(4, trainable=False))
    assert summarize(model).non_trainable_params == 128


# -- output shapes ------------------------------------------------------------------------------

def test_return_state_and_merge_modes():
    inp = keras.Input((10, 5))
    # [t.shape for t in keras.layers.LSTM(4, return_state=True)(x)]
    assert [t.shape for t in layers.LSTM(4, return_state=True)(inp)] == [(None, 4)] * 3
    out = layers.Bidirectional(layers.GRU(3, return_sequences=True, return_state=True),
                               merge_mode=None)(inp)
    assert [t.shape for t in out] == [(None, 10, 3), (None, 10, 3), (None, 3), (None, 3)]
    assert layers.Bidirectional(layers.LSTM(4), merge_mode="sum")(inp).shape == (None, 4)
    # RNN over stacked cells with return_state: the output, then each cell's state(s).
    out = layers.RNN([layers.LSTMCell(3), layers.GRUCell(2)], return_state=True)(inp)
    assert out[0].shape == (None, 2)
    assert [t.shape for t in out[1]] == [(None, 3), (None, 3)]
    assert out[2].shape == (None, 2)


def test_conv_lstm_shapes():
    # keras.layers.ConvLSTM2D(4, 3, strides=2, padding="same")(keras.Input((5, 9, 9, 2))).shape
    assert layers.ConvLSTM2D(4, 3, strides=2, padding="same")(
        keras.Input((5, 9, 9, 2))).shape == (None, 5, 5, 4)
    out = layers.ConvLSTM1D(3, 2, return_state=True, return_sequences=True)(keras.Input((4, 7, 2)))
    assert [t.shape for t in out] == [(None, 4, 6, 3), (None, 6, 3), (None, 6, 3)]
    assert layers.ConvLSTM2D(4, 3, data_format="channels_first")(
        keras.Input((5, 2, 10, 12))).shape == (None, 4, 8, 10)


def test_time_distributed_of_models():
    frame = keras.Sequential([layers.Dense(6), layers.Dense(3)])
    assert layers.TimeDistributed(frame)(keras.Input((5, 10))).shape == (None, 5, 3)
    inner_in = keras.Input((8, 8, 1))
    inner = keras.Model(inner_in, layers.Flatten()(layers.Conv2D(2, 3)(inner_in)))
    assert layers.TimeDistributed(inner)(keras.Input((4, 8, 8, 1))).shape == (None, 4, 72)


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
    # RNN(cell) has no input_spec in Keras: rank 2 fails in the cell, rank 4 is accepted.
    text = error_of(lambda: sequential((5,), layers.RNN(layers.LSTMCell(4))))
    assert "'rnn' (RNN)" in text and "rank 3 or more" in text
    assert sequential((10, 3, 2), layers.RNN(layers.LSTMCell(4))).output_shape == (None, 4)
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
    assert "dilation_rate" in text


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
    model = keras.Model([seq, h], layers.GRU(6)(seq, initial_state=[h]))  # Keras builds it
    warnings = summarize(model).warnings
    assert any("initial_state" in w and "(None, 5)" in w and "(None, 6)" in w for w in warnings)
    model = sequential((None, 3), layers.LSTM(4, unroll=True))
    assert any("unroll=True" in w for w in summarize(model).warnings)
    model = sequential((10, 3), layers.Bidirectional(
        layers.LSTM(8), backward_layer=layers.LSTM(6, go_backwards=True)))
    assert model.output_shape == (None, 16)  # Keras 3.15.1 reports the forward shape twice
    assert any("backward layer" in w for w in summarize(model).warnings)


# -- masks ----------------------------------------------------------------------------------------

def test_masks_join_the_graph_as_keras_3_records_them():
    # Keras 3.15.1 summary: input_layer, embedding, not_equal (NotEqual), lstm connected to
    # embedding[0][0], not_equal[0][0]
    tokens = keras.Input((10,), dtype="int32", name="tokens")
    x = layers.Embedding(100, 8, mask_zero=True)(tokens)
    y = layers.LSTM(4)(x)
    model = keras.Model(tokens, y)
    rows = summarize(model).layers
    assert [(r.name, r.class_name) for r in rows] == [
        ("tokens", "InputLayer"), ("embedding", "Embedding"), ("not_equal", "NotEqual"),
        ("lstm", "LSTM")]
    assert rows[-1].inbound == [("embedding", 0, 0), ("not_equal", 0, 0)]
    # With initial_state (a keyword argument) Keras copies the call's arguments first: the
    # mask does not reach the node.
    h, c = keras.Input((4,), name="h"), keras.Input((4,), name="c")
    y = layers.LSTM(4)(x, initial_state=[h, c])
    model = keras.Model([tokens, h, c], y)
    assert "NotEqual" not in [r.class_name for r in summarize(model).layers]


# -- configs -----------------------------------------------------------------------------------

def test_config_round_trip_and_copies():
    bi = layers.Bidirectional(layers.LSTM(4, return_sequences=True), merge_mode="ave", name="bi")
    config = bi.get_config()
    assert config["layer"]["class_name"] == "LSTM"
    assert config["layer"]["config"]["name"] == "forward_lstm"
    assert config["backward_layer"]["config"]["go_backwards"] is True
    copy = layers.Bidirectional.from_config(dict(config, name="bi_copy"))
    assert copy(keras.Input((5, 3))).shape == (None, 5, 4)
    assert [l.name for l in (copy.forward_layer, copy.backward_layer)] == [
        "forward_lstm", "backward_lstm"]
    rnn_layer = layers.RNN([layers.GRUCell(3), layers.LSTMCell(2)], name="stack")
    again = layers.RNN.from_config(rnn_layer.get_config())
    assert again(keras.Input((5, 3))).shape == (None, 2)


def test_cells_called_on_one_step():
    cell = layers.LSTMCell(4)
    out, states = cell(keras.Input((3,)), [keras.Input((4,)), keras.Input((4,))])
    assert out.shape == (None, 4) and [s.shape for s in states] == [(None, 4), (None, 4)]
    assert [w.shape for w in cell.weights] == [(3, 16), (4, 16), (16,)]


# model.to_json() of tf_keras 2.21 (Input -> Embedding(mask_zero) -> LSTM -> Bidirectional(GRU)),
# values that do not change shapes removed.  tf.keras prints 4 rows: its masks are no layers.
TF_KERAS_MASKED = {
    "class_name": "Functional", "keras_version": "2.21.0", "backend": "tensorflow",
    "config": {
        "name": "masked",
        "layers": [
            {"class_name": "InputLayer", "name": "tokens", "inbound_nodes": [],
             "config": {"batch_input_shape": [None, 10], "name": "tokens"}},
            {"class_name": "Embedding", "name": "embedding",
             "inbound_nodes": [[["tokens", 0, 0, {}]]],
             "config": {"name": "embedding", "batch_input_shape": [None, None], "input_dim": 100,
                        "output_dim": 8, "mask_zero": True}},
            {"class_name": "LSTM", "name": "lstm", "inbound_nodes": [[["embedding", 0, 0, {}]]],
             "config": {"name": "lstm", "return_sequences": True, "units": 4,
                        "time_major": False, "implementation": 2}},
            {"class_name": "Bidirectional", "name": "bidirectional",
             "inbound_nodes": [[["lstm", 0, 0, {}]]],
             "config": {"name": "bidirectional", "merge_mode": "concat",
                        "layer": {"class_name": "GRU",
                                  "config": {"name": "gru", "units": 3, "time_major": False}}}},
        ],
        "input_layers": [["tokens", 0, 0]], "output_layers": [["bidirectional", 0, 0]],
    },
}


def test_tf_keras_files_get_no_mask_operations():
    from paramscope import formats
    model = formats.load_config(TF_KERAS_MASKED)
    summary = summarize(model)
    assert [(r.name, r.params) for r in summary.layers] == [
        ("tokens", 0), ("embedding", 800), ("lstm", 208), ("bidirectional", 162)]
    assert summary.sequential_like
    assert not any("time_major" in w for w in summary.warnings)
