"""Recurrent layers and wrappers: golden cases (see tools/cases/README.md).

Plain data: this module does not import Keras.  ``CASES`` is a list of
``{"id", "code", "tags"}``; every ``code`` builds ``model`` with only ``keras``
and ``layers`` pre-bound.

SimpleRNN/LSTM/GRU with every argument, RNN over cells (SimpleRNNCell, LSTMCell,
GRUCell, StackedRNNCells, a list of cells), Bidirectional (merge modes, an explicit
backward layer, return_state), TimeDistributed (Dense, Conv2D video models, nested
models), ConvLSTM1D/2D/3D, in Sequential and Functional models: text classifiers,
seq2seq encoder-decoders (return_state feeding initial_state), stacked RNNs,
masking, unbuilt and frozen models, mixed precision, and the errors Keras raises.

tf-keras compatibility: the same code also runs under tf-keras 2 for the
``--style keras2`` fixtures.  Functional cases meant for both name their inputs
(tf-keras says ``input_1`` where Keras 3 says ``input_layer``).  Cases about Keras 3
only start with ``ops = keras.ops`` (tf-keras has no ``keras.ops``: it raises there
and the case is left out of the tf-keras comparison): masks in functional models
(Keras 3 records the mask computations, ``NotEqual``/``Any``, as operations with
rows of their own; tf-keras does not), and what tf-keras accepts but Keras 3 rejects
(``time_major``) or the other way round.
"""

CASES = []
_IDS = set()
K3_ONLY = "ops = keras.ops  # Keras 3 only (tf-keras has no keras.ops)\n"


def _add(case_id, code, *tags):
    case_id = "rnn/" + case_id
    if case_id in _IDS:
        raise ValueError(f"duplicate case id {case_id}")
    _IDS.add(case_id)
    CASES.append({"id": case_id, "code": code.strip("\n") + "\n", "tags": ["rnn"] + list(tags)})


def _k3(case_id, code, *tags):
    _add(case_id, K3_ONLY + code.strip("\n"), "keras3_only", *tags)


def seq(*items, inp=None, name=None):
    lines = []
    if inp is not None:
        lines.append(inp if isinstance(inp, str) else f"keras.Input(shape={inp!r})")
    lines.extend(items)
    body = "".join(f"    {x},\n" for x in lines)
    tail = "]" if name is None else f"], name={name!r}"
    return f"model = keras.Sequential([\n{body}{tail})\n"


# ---------------------------------------------------------------------------
# SimpleRNN / LSTM / GRU in Sequential models
# ---------------------------------------------------------------------------
def _recurrent_cases():
    for cls in ("SimpleRNN", "LSTM", "GRU"):
        low = cls.lower()
        _add(f"{low}/basic", seq(f"layers.{cls}(32)", "layers.Dense(1)", inp=(10, 16)), low)
        _add(f"{low}/return_sequences", seq(f"layers.{cls}(8, return_sequences=True)",
                                            inp=(None, 4)), low)
        _add(f"{low}/no_bias", seq(f"layers.{cls}(6, use_bias=False)", inp=(7, 3)), low)
        _add(f"{low}/go_backwards", seq(f"layers.{cls}(5, go_backwards=True, return_sequences=True)",
                                        inp=(9, 2)), low)
        _add(f"{low}/unroll", seq(f"layers.{cls}(4, unroll=True)", inp=(6, 3)), low)
        # Keras creates the state variables with values: built eagerly (an explicit initializer).
        _add(f"{low}/stateful", seq(f"layers.{cls}(4, stateful=True, return_sequences=True, "
                                    "kernel_initializer='glorot_uniform')",
                                    f"layers.{cls}(3, stateful=True)",
                                    inp="keras.Input(shape=(5, 3), batch_size=8)"), low)
        _add(f"{low}/stacked", seq(f"layers.{cls}(16, return_sequences=True)",
                                   f"layers.{cls}(16, return_sequences=True)",
                                   f"layers.{cls}(8)", "layers.Dense(2, activation='softmax')",
                                   inp=(20, 12)), low, "stacked")
        _add(f"{low}/named_input_shape", seq(f"layers.{cls}(12, input_shape=(30, 5), name='rec')",
                                             "layers.Dense(3)"), low, "input_shape")
        _add(f"{low}/unbuilt", seq(f"layers.{cls}(8)", "layers.Dense(1)"), low, "unbuilt")
        _add(f"{low}/frozen", seq(f"layers.{cls}(8, trainable=False)", "layers.Dense(1)",
                                  inp=(5, 4)), low, "trainable")
        _add(f"{low}/frozen_after_build", seq(f"layers.{cls}(8, return_sequences=True)",
                                              f"layers.{cls}(4)", inp=(5, 4))
             + "model.layers[0].trainable = False\n", low, "trainable")
        _add(f"{low}/dtype_float64", seq(f"layers.{cls}(6, dtype='float64')", inp=(5, 4)),
             low, "dtype")
        _add(f"{low}/mixed_float16", seq(f"layers.{cls}(6, dtype='mixed_float16')",
                                         "layers.Dense(2, dtype='mixed_float16')", inp=(5, 4)),
             low, "dtype")
        _add(f"{low}/one_unit_one_feature", seq(f"layers.{cls}(1)", inp=(3, 1)), low)
        _add(f"{low}/unknown_features_error", seq(f"layers.{cls}(4)", inp=(5, None)), low, "error")
        _add(f"{low}/rank2_error", seq(f"layers.{cls}(4)", inp=(5,)), low, "error")
        _add(f"{low}/rank4_error", seq(f"layers.{cls}(4)", inp=(28, 28, 1)), low, "error")
        _add(f"{low}/units_zero_error", seq(f"layers.{cls}(0)", inp=(5, 3)), low, "error")
        _add(f"{low}/stateful_no_batch_error", seq(f"layers.{cls}(4, stateful=True)",
                                                   inp=(5, 3)), low, "error")
        _add(f"{low}/every_argument", seq(
            f"layers.{cls}(10, activation='relu', use_bias=True, kernel_initializer='he_normal', "
            "recurrent_initializer='glorot_uniform', bias_initializer='ones', "
            "kernel_regularizer='l2', recurrent_regularizer='l1', bias_regularizer='l2', "
            "activity_regularizer='l2', kernel_constraint='max_norm', "
            "recurrent_constraint='unit_norm', bias_constraint='non_neg', dropout=0.2, "
            "recurrent_dropout=0.1, return_sequences=True, return_state=False, "
            "go_backwards=False, stateful=False, unroll=False"
            + (", recurrent_activation='hard_sigmoid'" if cls != "SimpleRNN" else "")
            + (", unit_forget_bias=False" if cls == "LSTM" else "")
            + (", reset_after=True" if cls == "GRU" else "")
            + ")", inp=(6, 5)), low, "arguments")
        _add(f"{low}/seed_argument", seq(f"layers.{cls}(4, seed=7, dropout=0.5)", inp=(6, 5)),
             low, "arguments")
        _k3(f"{low}/time_major_error", seq(f"layers.{cls}(4, time_major=True)", inp=(5, 3)),
            low, "error")
        _add(f"{low}/unroll_unknown_steps", seq(f"layers.{cls}(4, unroll=True)", inp=(None, 3)),
             low)
        _add(f"{low}/dropout_clipped", seq(f"layers.{cls}(4, dropout=1.5, recurrent_dropout=-1.0)",
                                           inp=(6, 2)), low, "arguments")

    _add("lstm/return_state_in_sequential", seq("layers.LSTM(4, return_state=True)", inp=(5, 3)),
         "lstm", "return_state")
    _add("lstm/return_state_then_dense_error", seq("layers.LSTM(4, return_state=True)",
                                                   "layers.Dense(1)", inp=(5, 3)),
         "lstm", "return_state", "error")
    for impl in (1, 2):
        _add(f"lstm/implementation_{impl}", seq(f"layers.LSTM(8, implementation={impl})",
                                                inp=(6, 3)), "lstm", "arguments")
        _add(f"gru/implementation_{impl}", seq(f"layers.GRU(8, implementation={impl})",
                                               inp=(6, 3)), "gru", "arguments")
    _add("gru/reset_after_false", seq("layers.GRU(32, reset_after=False)", inp=(10, 16)), "gru")
    _add("gru/reset_after_false_no_bias", seq("layers.GRU(8, reset_after=False, use_bias=False)",
                                              inp=(10, 16)), "gru")
    _add("gru/reset_after_stacked", seq("layers.GRU(8, return_sequences=True)",
                                        "layers.GRU(8, reset_after=False)", inp=(10, 4)), "gru")
    for value in ("True", "False", "'auto'"):
        _add(f"lstm/use_cudnn_{value.strip(chr(39))}", seq(f"layers.LSTM(4, use_cudnn={value})",
                                                          inp=(5, 3)), "lstm", "arguments")
    _add("gru/use_cudnn_invalid_error", seq("layers.GRU(4, use_cudnn='yes')", inp=(5, 3)),
         "gru", "error")
    _add("lstm/unit_forget_bias_false", seq("layers.LSTM(4, unit_forget_bias=False)", inp=(5, 3)),
         "lstm")
    _add("lstm/large", seq("layers.LSTM(1024, return_sequences=True)", "layers.LSTM(1024)",
                           inp=(100, 512)), "lstm", "lazy")
    _add("lstm/add_one_by_one", """
model = keras.Sequential()
model.add(keras.Input(shape=(12, 6)))
model.add(layers.LSTM(16, return_sequences=True))
model.add(layers.Dropout(0.2))
model.add(layers.LSTM(8))
model.add(layers.Dense(1, activation='sigmoid'))
""", "lstm", "add")
    _add("lstm/build_later", """
model = keras.Sequential([layers.LSTM(8), layers.Dense(1)])
model.build((None, 7, 3))
""", "lstm", "build")
    _add("lstm/global_mixed_policy", """
keras.mixed_precision.set_global_policy('mixed_float16')
try:
    model = keras.Sequential([keras.Input(shape=(10, 8)), layers.LSTM(16),
                              layers.Dense(1, dtype='float32')])
finally:
    keras.mixed_precision.set_global_policy('float32')
""", "lstm", "dtype")


# ---------------------------------------------------------------------------
# Text models (Embedding -> recurrent -> Dense), masking
# ---------------------------------------------------------------------------
def _text_cases():
    _add("text/embedding_lstm_classifier", seq(
        "layers.Embedding(20000, 128)", "layers.LSTM(64)", "layers.Dense(1, activation='sigmoid')",
        inp=(200,)), "text")
    _add("text/embedding_bilstm_classifier", seq(
        "layers.Embedding(10000, 64)", "layers.Bidirectional(layers.LSTM(64, return_sequences=True))",
        "layers.Bidirectional(layers.LSTM(32))", "layers.Dense(64, activation='relu')",
        "layers.Dropout(0.5)", "layers.Dense(1)", inp=(None,)), "text", "bidirectional")
    _add("text/embedding_gru_tagger", seq(
        "layers.Embedding(5000, 32, mask_zero=True)", "layers.GRU(32, return_sequences=True)",
        "layers.TimeDistributed(layers.Dense(10, activation='softmax'))", inp=(40,)),
        "text", "mask", "time_distributed")
    _add("text/mask_zero_lstm_sequential", seq(
        "layers.Embedding(1000, 16, mask_zero=True)", "layers.LSTM(8)", "layers.Dense(1)",
        inp=(20,)), "text", "mask")
    _add("text/masking_layer_sequential", seq(
        "layers.Masking(mask_value=0.0)", "layers.LSTM(8, return_sequences=True)",
        "layers.SimpleRNN(4)", inp=(12, 3)), "mask")
    _add("text/embedding_conv_lstm", seq(
        "layers.Embedding(8000, 50)", "layers.Conv1D(32, 5, activation='relu')",
        "layers.MaxPooling1D(4)", "layers.LSTM(70)", "layers.Dense(1, activation='sigmoid')",
        inp=(100,)), "text")
    _add("text/int_input_functional", """
tokens = keras.Input(shape=(None,), dtype='int32', name='tokens')
x = layers.Embedding(20000, 128)(tokens)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation='sigmoid')(x)
model = keras.Model(tokens, outputs, name='text_classifier')
""", "text", "functional", "bidirectional")
    # Masks in functional models: Keras 3 records the mask computations as operations.
    _k3("mask/embedding_lstm", """
tokens = keras.Input(shape=(10,), dtype='int32', name='tokens')
x = layers.Embedding(100, 8, mask_zero=True)(tokens)
x = layers.LSTM(4, return_sequences=True)(x)
y = layers.Bidirectional(layers.GRU(3))(x)
model = keras.Model(tokens, y, name='masked')
""", "mask", "functional")
    _k3("mask/masking_dense_lstm", """
inp = keras.Input(shape=(10, 5), name='seq')
x = layers.Masking()(inp)
x = layers.Dense(6)(x)
x = layers.LSTM(4)(x)
model = keras.Model(inp, x, name='masked')
""", "mask", "functional")
    _k3("mask/embedding_time_distributed", """
tokens = keras.Input(shape=(12,), dtype='int32', name='tokens')
x = layers.Embedding(50, 6, mask_zero=True)(tokens)
x = layers.TimeDistributed(layers.Dense(4))(x)
x = layers.SimpleRNN(3)(x)
model = keras.Model(tokens, x, name='masked')
""", "mask", "functional", "time_distributed")
    _k3("mask/stopped_by_conv1d", """
tokens = keras.Input(shape=(10,), dtype='int32', name='tokens')
x = layers.Embedding(100, 8, mask_zero=True)(tokens)
x = layers.Conv1D(4, 3, padding='same')(x)
x = layers.LSTM(4)(x)
model = keras.Model(tokens, x, name='masked')
""", "mask", "functional")
    _k3("mask/lstm_with_initial_state", """
tokens = keras.Input(shape=(10,), dtype='int32', name='tokens')
h = keras.Input(shape=(4,), name='h')
c = keras.Input(shape=(4,), name='c')
x = layers.Embedding(100, 8, mask_zero=True)(tokens)
x = layers.LSTM(4, return_sequences=True)(x, initial_state=[h, c])
x = layers.GRU(2)(x)
model = keras.Model([tokens, h, c], x, name='masked')
""", "mask", "functional", "initial_state")
    _k3("mask/explicit_mask_argument", """
seq = keras.Input(shape=(10, 3), name='seq')
m = keras.Input(shape=(10,), dtype='bool', name='m')
y = layers.LSTM(4)(seq, mask=m)
model = keras.Model([seq, m], y, name='explicit')
""", "mask", "functional")
    _k3("mask/two_masked_add", """
a = keras.Input(shape=(6,), dtype='int32', name='a')
b = keras.Input(shape=(6,), dtype='int32', name='b')
ea = layers.Embedding(20, 4, mask_zero=True)(a)
eb = layers.Embedding(20, 4, mask_zero=True)(b)
x = layers.Add()([ea, eb])
y = layers.LSTM(3)(x)
model = keras.Model([a, b], y, name='masked')
""", "mask", "functional")
    _k3("mask/one_masked_add", """
a = keras.Input(shape=(6,), dtype='int32', name='a')
b = keras.Input(shape=(6, 4), name='b')
ea = layers.Embedding(20, 4, mask_zero=True)(a)
x = layers.Add()([ea, b])
y = layers.LSTM(3)(x)
model = keras.Model([a, b], y, name='masked')
""", "mask", "functional")
    _k3("mask/masked_concatenate", """
a = keras.Input(shape=(6,), dtype='int32', name='a')
b = keras.Input(shape=(6, 4), name='b')
ea = layers.Embedding(20, 4, mask_zero=True)(a)
x = layers.Concatenate()([ea, b])
y = layers.GRU(3)(x)
model = keras.Model([a, b], y, name='masked')
""", "mask", "functional")
    _k3("mask/global_average_pooling", """
tokens = keras.Input(shape=(10,), dtype='int32', name='tokens')
x = layers.Embedding(100, 8, mask_zero=True)(tokens)
x = layers.LSTM(6, return_sequences=True)(x)
x = layers.GlobalAveragePooling1D()(x)
model = keras.Model(tokens, x, name='masked')
""", "mask", "functional")
    _k3("mask/bidirectional_merge_none", """
tokens = keras.Input(shape=(10,), dtype='int32', name='tokens')
x = layers.Embedding(100, 8, mask_zero=True)(tokens)
f, b = layers.Bidirectional(layers.LSTM(3, return_sequences=True), merge_mode=None)(x)
y = layers.Concatenate()([layers.LSTM(2)(f), layers.LSTM(2)(b)])
model = keras.Model(tokens, y, name='masked')
""", "mask", "functional", "bidirectional")
    _k3("mask/nested_model_gets_mask", """
tokens = keras.Input(shape=(10,), dtype='int32', name='tokens')
x = layers.Embedding(50, 6, mask_zero=True)(tokens)
sub_in = keras.Input(shape=(10, 6), name='sub_in')
sub = keras.Model(sub_in, layers.LSTM(3)(sub_in), name='sub')
y = sub(x)
model = keras.Model(tokens, y, name='outer')
""", "mask", "functional", "nested")
    _k3("mask/seq2seq_masked", """
enc_tokens = keras.Input(shape=(None,), dtype='int32', name='encoder_tokens')
dec_tokens = keras.Input(shape=(None,), dtype='int32', name='decoder_tokens')
enc = layers.Embedding(5000, 64, mask_zero=True)(enc_tokens)
_, h, c = layers.LSTM(128, return_state=True)(enc)
dec = layers.Embedding(6000, 64, mask_zero=True)(dec_tokens)
dec = layers.LSTM(128, return_sequences=True)(dec, initial_state=[h, c])
out = layers.Dense(6000, activation='softmax')(dec)
model = keras.Model([enc_tokens, dec_tokens], out, name='seq2seq')
""", "mask", "functional", "seq2seq", "initial_state")


# ---------------------------------------------------------------------------
# Functional: return_state, initial_state, seq2seq, shared layers
# ---------------------------------------------------------------------------
def _functional_cases():
    for cls in ("SimpleRNN", "LSTM", "GRU"):
        low = cls.lower()
        _add(f"functional/{low}_return_state", f"""
inp = keras.Input(shape=(10, 5), name='seq')
outputs = layers.{cls}(8, return_state=True)(inp)
model = keras.Model(inp, list(outputs), name='states')
""", "functional", low, "return_state")
        _add(f"functional/{low}_return_state_sequences", f"""
inp = keras.Input(shape=(None, 5), name='seq')
outputs = layers.{cls}(8, return_state=True, return_sequences=True)(inp)
model = keras.Model(inp, list(outputs), name='states')
""", "functional", low, "return_state")
        states = "[h, c]" if cls == "LSTM" else "[h]"
        extra = "c = keras.Input(shape=(6,), name='c')\n" if cls == "LSTM" else ""
        ins = "[seq, h, c]" if cls == "LSTM" else "[seq, h]"
        _add(f"functional/{low}_initial_state", f"""
seq = keras.Input(shape=(7, 3), name='seq')
h = keras.Input(shape=(6,), name='h')
{extra}y = layers.{cls}(6)(seq, initial_state={states})
model = keras.Model({ins}, y, name='init')
""", "functional", low, "initial_state")
    _add("functional/training_argument", """
seq = keras.Input(shape=(7, 3), name='seq')
x = layers.LSTM(6, dropout=0.5, return_sequences=True)(seq, training=True)
y = layers.Bidirectional(layers.GRU(2, recurrent_dropout=0.2))(x, training=False)
model = keras.Model(seq, y, name='training')
""", "functional", "lstm")
    _add("functional/gru_initial_state_tensor", """
seq = keras.Input(shape=(7, 3), name='seq')
h = keras.Input(shape=(6,), name='h')
y = layers.GRU(6)(seq, initial_state=h)
model = keras.Model([seq, h], y, name='init')
""", "functional", "gru", "initial_state")
    _add("functional/initial_state_incompatible", """
seq = keras.Input(shape=(7, 3), name='seq')
h = keras.Input(shape=(5,), name='h')
y = layers.GRU(6)(seq, initial_state=[h])
model = keras.Model([seq, h], y, name='init')
""", "functional", "gru", "initial_state")
    _add("functional/lstm_initial_state_one_tensor", """
seq = keras.Input(shape=(7, 3), name='seq')
h = keras.Input(shape=(6,), name='h')
y = layers.LSTM(6)(seq, initial_state=[h])
model = keras.Model([seq, h], y, name='init')
""", "functional", "lstm", "initial_state")
    _add("functional/seq2seq_lstm", """
encoder_inputs = keras.Input(shape=(None, 71), name='encoder_inputs')
encoder = layers.LSTM(256, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
encoder_states = [state_h, state_c]
decoder_inputs = keras.Input(shape=(None, 93), name='decoder_inputs')
decoder_lstm = layers.LSTM(256, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = layers.Dense(93, activation='softmax')
decoder_outputs = decoder_dense(decoder_outputs)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name='seq2seq')
""", "functional", "seq2seq", "initial_state", "return_state")
    _add("functional/seq2seq_gru", """
encoder_inputs = keras.Input(shape=(None, 20), name='encoder_inputs')
_, state = layers.GRU(64, return_state=True)(encoder_inputs)
decoder_inputs = keras.Input(shape=(None, 30), name='decoder_inputs')
x = layers.GRU(64, return_sequences=True)(decoder_inputs, initial_state=state)
out = layers.TimeDistributed(layers.Dense(30, activation='softmax'))(x)
model = keras.Model([encoder_inputs, decoder_inputs], out, name='seq2seq_gru')
""", "functional", "seq2seq", "initial_state", "time_distributed")
    _add("functional/seq2seq_bidirectional_encoder", """
encoder_inputs = keras.Input(shape=(None, 16), name='encoder_inputs')
enc = layers.Bidirectional(layers.LSTM(32, return_state=True))
enc_out, fh, fc, bh, bc = enc(encoder_inputs)
h = layers.Concatenate()([fh, bh])
c = layers.Concatenate()([fc, bc])
decoder_inputs = keras.Input(shape=(None, 16), name='decoder_inputs')
dec = layers.LSTM(64, return_sequences=True)(decoder_inputs, initial_state=[h, c])
out = layers.Dense(16)(dec)
model = keras.Model([encoder_inputs, decoder_inputs], out, name='seq2seq_bi')
""", "functional", "seq2seq", "bidirectional", "return_state")
    _add("functional/shared_lstm_siamese", """
a = keras.Input(shape=(20, 8), name='a')
b = keras.Input(shape=(20, 8), name='b')
shared = layers.LSTM(16)
merged = layers.Concatenate()([shared(a), shared(b)])
out = layers.Dense(1, activation='sigmoid')(merged)
model = keras.Model([a, b], out, name='siamese')
""", "functional", "shared")
    _add("functional/shared_bidirectional", """
a = keras.Input(shape=(20, 8), name='a')
b = keras.Input(shape=(15, 8), name='b')
shared = layers.Bidirectional(layers.GRU(8))
merged = layers.Subtract()([shared(a), shared(b)])
model = keras.Model([a, b], merged, name='siamese_bi')
""", "functional", "shared", "bidirectional")
    _add("functional/two_branches", """
inp = keras.Input(shape=(30, 4), name='signal')
x1 = layers.LSTM(8)(inp)
x2 = layers.GRU(8, go_backwards=True)(inp)
x3 = layers.SimpleRNN(8)(inp)
y = layers.Average()([x1, x2, x3])
model = keras.Model(inp, y, name='branches')
""", "functional")
    _add("functional/nested_sequential_rnn", """
inp = keras.Input(shape=(10, 3), name='seq')
block = keras.Sequential([layers.LSTM(8, return_sequences=True), layers.LSTM(4)], name='block')
y = layers.Dense(2)(block(inp))
model = keras.Model(inp, y, name='outer')
""", "functional", "nested")
    _add("functional/nested_functional_rnn", """
inner_in = keras.Input(shape=(10, 3), name='inner_in')
inner = keras.Model(inner_in, layers.GRU(5)(inner_in), name='inner')
inp = keras.Input(shape=(10, 3), name='seq')
model = keras.Model(inp, layers.Dense(1)(inner(inp)), name='outer')
""", "functional", "nested")
    _add("functional/frozen_encoder", """
inp = keras.Input(shape=(10, 3), name='seq')
enc = layers.LSTM(8, return_sequences=True)
enc.trainable = False
x = enc(inp)
y = layers.LSTM(4)(x)
model = keras.Model(inp, y, name='frozen')
""", "functional", "trainable")
    _add("functional/rnn_rank2_error", """
inp = keras.Input(shape=(10,), name='flat')
y = layers.LSTM(4)(inp)
model = keras.Model(inp, y)
""", "functional", "error")
    # tf-keras prints "multiple" for a layer called on different shapes; Keras 3 the last call's.
    _k3("functional/lstm_call_twice_different_steps", """
a = keras.Input(shape=(10, 3), name='a')
b = keras.Input(shape=(None, 3), name='b')
lstm = layers.LSTM(4, return_sequences=True)
y = layers.Concatenate(axis=1)([lstm(a), lstm(b)])
model = keras.Model([a, b], y, name='twice')
""", "functional", "shared")
    # Keras checks only the rank (InputSpec(ndim=3)): the second call builds (and fails at run).
    _add("functional/lstm_other_features_second_call", """
a = keras.Input(shape=(10, 3), name='a')
b = keras.Input(shape=(10, 5), name='b')
lstm = layers.LSTM(4)
y = layers.Concatenate()([lstm(a), lstm(b)])
model = keras.Model([a, b], y, name='other_features')
""", "functional", "shared")


# ---------------------------------------------------------------------------
# RNN over cells
# ---------------------------------------------------------------------------
def _cell_cases():
    for cell in ("SimpleRNNCell(8)", "LSTMCell(8)", "GRUCell(8)", "GRUCell(8, reset_after=False)"):
        slug = cell.split("(")[0].lower() + ("_no_reset_after" if "False" in cell else "")
        _add(f"cells/rnn_{slug}", seq(f"layers.RNN(layers.{cell})", inp=(10, 4)), "cells")
        _add(f"cells/rnn_{slug}_sequences", seq(f"layers.RNN(layers.{cell}, return_sequences=True)",
                                                inp=(None, 4)), "cells")
    _add("cells/rnn_list_of_cells", seq(
        "layers.RNN([layers.LSTMCell(16), layers.LSTMCell(8)])", "layers.Dense(1)",
        inp=(12, 5)), "cells", "stacked")
    _add("cells/rnn_mixed_cells", seq(
        "layers.RNN([layers.SimpleRNNCell(6), layers.GRUCell(5), layers.LSTMCell(4)], "
        "return_sequences=True)", inp=(9, 3)), "cells", "stacked")
    _add("cells/stacked_rnn_cells", seq(
        "layers.RNN(layers.StackedRNNCells([layers.GRUCell(8), layers.GRUCell(8)]))",
        inp=(9, 3)), "cells", "stacked")
    _add("cells/rnn_cells_named", seq(
        "layers.RNN(layers.LSTMCell(4, name='my_cell'), name='my_rnn')", inp=(9, 3)), "cells")
    _add("cells/rnn_cell_no_bias", seq(
        "layers.RNN(layers.LSTMCell(4, use_bias=False), go_backwards=True)", inp=(9, 3)), "cells")
    # Keras 3: the cell was created trainable, so the model counts its weights as trainable
    # although the layer's row shows them as non-trainable (tf-keras: non-trainable).
    _k3("cells/rnn_frozen", seq("layers.RNN(layers.GRUCell(4), trainable=False)", inp=(9, 3)),
        "cells", "trainable")
    _add("cells/rnn_unbuilt", seq("layers.RNN(layers.LSTMCell(4))"), "cells", "unbuilt")
    # tf-keras keeps the nested states in output_shape; Keras 3 flattens them.
    _k3("cells/rnn_return_state_stacked", """
inp = keras.Input(shape=(10, 5), name='seq')
outputs = layers.RNN([layers.LSTMCell(3), layers.GRUCell(2), layers.SimpleRNNCell(5)],
                     return_state=True)(inp)
model = keras.Model(inp, outputs, name='stacked_states')
""", "cells", "functional", "return_state")
    _add("cells/rnn_return_state_cell", """
inp = keras.Input(shape=(10, 5), name='seq')
outputs = layers.RNN(layers.LSTMCell(3), return_state=True, return_sequences=True)(inp)
model = keras.Model(inp, outputs, name='cell_states')
""", "cells", "functional", "return_state")
    custom = """
class MinimalRNNCell(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units),
                                      initializer='uniform', name='kernel')
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units),
                                                initializer='uniform', name='recurrent_kernel')

    def call(self, inputs, states):
        prev_output = states[0]
        output = inputs @ self.kernel + prev_output @ self.recurrent_kernel
        return output, [output]

"""
    # A custom cell's config needs its class to be rebuilt: Keras 3 only (no tf-keras config test).
    _k3("cells/custom_cell", custom + seq("layers.RNN(MinimalRNNCell(32))", inp=(None, 5)),
        "cells", "custom")
    _k3("cells/custom_cells_stacked", custom + seq(
        "layers.RNN([MinimalRNNCell(32), MinimalRNNCell(64)], return_sequences=True)",
        inp=(10, 5)), "cells", "custom", "stacked")
    _add("cells/rnn_not_a_cell_error", seq("layers.RNN(layers.Dense(4))", inp=(10, 5)),
         "cells", "error")
    _add("cells/rnn_rank2_error", seq("layers.RNN(layers.LSTMCell(4))", inp=(10,)),
         "cells", "error")
    _k3("cells/rnn_rank4_input", seq("layers.RNN(layers.LSTMCell(4))", inp=(10, 3, 2)), "cells")
    _add("cells/cell_units_zero_error", seq("layers.RNN(layers.GRUCell(0))", inp=(10, 5)),
         "cells", "error")


# ---------------------------------------------------------------------------
# Bidirectional
# ---------------------------------------------------------------------------
def _bidirectional_cases():
    for mode in ("concat", "sum", "mul", "ave"):
        _add(f"bidirectional/lstm_{mode}", seq(f"layers.Bidirectional(layers.LSTM(32), "
                                               f"merge_mode={mode!r})", inp=(10, 16)),
             "bidirectional")
        _add(f"bidirectional/gru_{mode}_sequences", seq(
            f"layers.Bidirectional(layers.GRU(8, return_sequences=True), merge_mode={mode!r})",
            inp=(None, 4)), "bidirectional")
    _add("bidirectional/simple_rnn", seq("layers.Bidirectional(layers.SimpleRNN(4))", inp=(6, 2)),
         "bidirectional")
    _add("bidirectional/rnn_cell", seq("layers.Bidirectional(layers.RNN(layers.LSTMCell(4)))",
                                       inp=(6, 2)), "bidirectional", "cells")
    _add("bidirectional/rnn_stacked_cells", seq(
        "layers.Bidirectional(layers.RNN([layers.GRUCell(4), layers.GRUCell(3)]))", inp=(6, 2)),
        "bidirectional", "cells")
    _add("bidirectional/named", seq("layers.Bidirectional(layers.LSTM(4, name='enc'), name='bi')",
                                    inp=(6, 2)), "bidirectional")
    _add("bidirectional/forward_prefixed_name", seq(
        "layers.Bidirectional(layers.LSTM(4, name='forward_enc'))", inp=(6, 2)), "bidirectional")
    _add("bidirectional/backward_layer", seq(
        "layers.Bidirectional(layers.LSTM(8, return_sequences=True), "
        "backward_layer=layers.GRU(8, go_backwards=True, return_sequences=True))",
        inp=(10, 3)), "bidirectional")
    # Keras 3 reports the forward layer's shape doubled (8 + 8); tf-keras 8 + 6.
    _k3("bidirectional/backward_layer_other_units", seq(
        "layers.Bidirectional(layers.LSTM(8), backward_layer=layers.LSTM(6, go_backwards=True))",
        inp=(10, 3)), "bidirectional")
    _k3("bidirectional/frozen", seq("layers.Bidirectional(layers.LSTM(8), trainable=False)",
                                    "layers.Dense(1)", inp=(10, 3)), "bidirectional", "trainable")
    # tf-keras's Bidirectional takes its layer's `trainable` (the Trainable column says N);
    # Keras 3's stays True.  The functional variant is compared through the tf-keras config.
    _k3("bidirectional/inner_frozen", seq("layers.Bidirectional(layers.LSTM(8, trainable=False))",
                                          "layers.Dense(1)", inp=(10, 3)),
        "bidirectional", "trainable")
    _add("bidirectional/inner_frozen_functional", """
inp = keras.Input(shape=(10, 3), name='seq')
x = layers.Bidirectional(layers.LSTM(8, trainable=False))(inp)
model = keras.Model(inp, layers.Dense(1)(x), name='inner_frozen')
""", "bidirectional", "trainable", "functional")
    _add("bidirectional/unbuilt", seq("layers.Bidirectional(layers.GRU(8))", "layers.Dense(1)"),
         "bidirectional", "unbuilt")
    _add("bidirectional/mixed_float16", seq(
        "layers.Bidirectional(layers.LSTM(8, dtype='mixed_float16'), dtype='mixed_float16')",
        inp=(10, 3)), "bidirectional", "dtype")
    _add("bidirectional/conv_lstm2d", seq(
        "layers.Bidirectional(layers.ConvLSTM2D(4, 3, padding='same', return_sequences=True))",
        inp=(5, 16, 16, 3)), "bidirectional", "conv_lstm")
    _add("bidirectional/merge_none", """
inp = keras.Input(shape=(10, 5), name='seq')
fwd, bwd = layers.Bidirectional(layers.LSTM(4), merge_mode=None)(inp)
model = keras.Model(inp, [fwd, bwd], name='bi_none')
""", "bidirectional", "functional")
    _add("bidirectional/return_state", """
inp = keras.Input(shape=(10, 5), name='seq')
outputs = layers.Bidirectional(layers.LSTM(4, return_state=True))(inp)
model = keras.Model(inp, list(outputs), name='bi_states')
""", "bidirectional", "functional", "return_state")
    _add("bidirectional/return_state_merge_none_sequences", """
inp = keras.Input(shape=(10, 5), name='seq')
outputs = layers.Bidirectional(layers.GRU(4, return_state=True, return_sequences=True),
                               merge_mode=None)(inp)
model = keras.Model(inp, list(outputs), name='bi_states')
""", "bidirectional", "functional", "return_state")
    _add("bidirectional/initial_state", """
seq = keras.Input(shape=(10, 5), name='seq')
states = [keras.Input(shape=(4,), name=f's{i}') for i in range(4)]
y = layers.Bidirectional(layers.LSTM(4))(seq, initial_state=states)
model = keras.Model([seq] + states, y, name='bi_init')
""", "bidirectional", "functional", "initial_state")
    _add("bidirectional/dense_error", seq("layers.Bidirectional(layers.Dense(3))", inp=(10, 5)),
         "bidirectional", "error")
    _add("bidirectional/conv1d_error", seq("layers.Bidirectional(layers.Conv1D(3, 2))",
                                           inp=(10, 5)), "bidirectional", "error")
    _add("bidirectional/merge_mode_error", seq("layers.Bidirectional(layers.LSTM(3), "
                                               "merge_mode='max')", inp=(10, 5)),
         "bidirectional", "error")
    _add("bidirectional/backward_same_direction_error", seq(
        "layers.Bidirectional(layers.LSTM(3), backward_layer=layers.LSTM(3))", inp=(10, 5)),
        "bidirectional", "error")
    _add("bidirectional/backward_return_sequences_error", seq(
        "layers.Bidirectional(layers.LSTM(3), backward_layer=layers.LSTM(3, go_backwards=True, "
        "return_sequences=True))", inp=(10, 5)), "bidirectional", "error")
    _add("bidirectional/of_bidirectional_error", seq(
        "layers.Bidirectional(layers.Bidirectional(layers.LSTM(4)))", inp=(5, 3)),
        "bidirectional", "error")
    # Keras 3 accepts a multi-output layer as the last layer of a Sequential (tf-keras raises).
    _add("bidirectional/merge_none_in_sequential", seq(
        "layers.Bidirectional(layers.LSTM(4), merge_mode=None)", inp=(5, 3)), "bidirectional")
    _add("bidirectional/rank2_error", seq("layers.Bidirectional(layers.LSTM(3))", inp=(10,)),
         "bidirectional", "error")


# ---------------------------------------------------------------------------
# TimeDistributed
# ---------------------------------------------------------------------------
def _time_distributed_cases():
    _add("time_distributed/dense", seq("layers.TimeDistributed(layers.Dense(8))", inp=(10, 16)),
         "time_distributed")
    _add("time_distributed/dense_rank4", seq("layers.TimeDistributed(layers.Dense(8))",
                                             inp=(10, 4, 16)), "time_distributed")
    _add("time_distributed/dense_unknown_steps", seq(
        "layers.LSTM(16, return_sequences=True)",
        "layers.TimeDistributed(layers.Dense(5, activation='softmax'))", inp=(None, 8)),
        "time_distributed")
    _add("time_distributed/video_conv2d", seq(
        "layers.TimeDistributed(layers.Conv2D(16, 3, activation='relu'))",
        "layers.TimeDistributed(layers.MaxPooling2D(2))",
        "layers.TimeDistributed(layers.Conv2D(32, 3, activation='relu'))",
        "layers.TimeDistributed(layers.GlobalAveragePooling2D())",
        "layers.LSTM(32)", "layers.Dense(5, activation='softmax')",
        inp=(8, 64, 64, 3)), "time_distributed", "video")
    _add("time_distributed/video_flatten", seq(
        "layers.TimeDistributed(layers.Conv2D(8, 3, strides=2, padding='same'))",
        "layers.TimeDistributed(layers.Flatten())", "layers.GRU(16)",
        inp=(None, 32, 32, 1)), "time_distributed", "video")
    _add("time_distributed/sequential_model", """
frame_model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation='relu'),
    layers.Flatten(),
    layers.Dense(16),
], name='frame_encoder')
model = keras.Sequential([
    keras.Input(shape=(5, 28, 28, 1)),
    layers.TimeDistributed(frame_model),
    layers.LSTM(8),
])
""", "time_distributed", "nested")
    _add("time_distributed/unbuilt_sequential_model", """
frame_model = keras.Sequential([layers.Dense(6), layers.Dense(3)], name='per_step')
model = keras.Sequential([keras.Input(shape=(5, 10)), layers.TimeDistributed(frame_model)])
""", "time_distributed", "nested")
    _add("time_distributed/functional_model", """
frame_in = keras.Input(shape=(12,), name='frame')
frame_out = layers.Dense(4, activation='relu')(layers.Dense(8)(frame_in))
frame_model = keras.Model(frame_in, frame_out, name='frame_model')
seq = keras.Input(shape=(6, 12), name='seq')
y = layers.TimeDistributed(frame_model)(seq)
model = keras.Model(seq, y, name='outer')
""", "time_distributed", "nested", "functional")
    _add("time_distributed/dropout_and_activation", seq(
        "layers.TimeDistributed(layers.Dense(8))", "layers.TimeDistributed(layers.Dropout(0.5))",
        "layers.TimeDistributed(layers.Activation('relu'))", inp=(10, 4)), "time_distributed")
    _add("time_distributed/batchnorm", seq("layers.TimeDistributed(layers.BatchNormalization())",
                                           inp=(10, 4)), "time_distributed")
    _add("time_distributed/conv1d", seq("layers.TimeDistributed(layers.Conv1D(4, 3))",
                                        inp=(5, 20, 2)), "time_distributed")
    _k3("time_distributed/frozen", seq("layers.TimeDistributed(layers.Dense(8), trainable=False)",
                                        inp=(5, 2)), "time_distributed", "trainable")
    _add("time_distributed/inner_frozen", seq(
        "layers.TimeDistributed(layers.Dense(8, trainable=False))", inp=(5, 2)),
        "time_distributed", "trainable")
    _add("time_distributed/named", seq("layers.TimeDistributed(layers.Dense(3, name='per_step'), "
                                       "name='td')", inp=(5, 2)), "time_distributed")
    _add("time_distributed/unbuilt", seq("layers.TimeDistributed(layers.Dense(3))"),
         "time_distributed", "unbuilt")
    _k3("time_distributed/shared", """
a = keras.Input(shape=(5, 4), name='a')
b = keras.Input(shape=(7, 4), name='b')
td = layers.TimeDistributed(layers.Dense(3))
y = layers.Concatenate(axis=1)([td(a), td(b)])
model = keras.Model([a, b], y, name='td_shared')
""", "time_distributed", "functional", "shared")
    _add("time_distributed/lstm_per_step", seq("layers.TimeDistributed(layers.LSTM(4))",
                                               inp=(5, 6, 3)), "time_distributed")
    _add("time_distributed/bidirectional_per_step", seq(
        "layers.TimeDistributed(layers.Bidirectional(layers.GRU(4)))", inp=(5, 6, 3)),
        "time_distributed", "bidirectional")
    _add("time_distributed/lstm_rank3_error", seq("layers.TimeDistributed(layers.LSTM(4))",
                                                  inp=(5, 3)), "time_distributed", "error")
    _add("time_distributed/rank2_error", seq("layers.TimeDistributed(layers.Dense(3))", inp=(5,)),
         "time_distributed", "error")
    _add("time_distributed/conv2d_rank_error", seq("layers.TimeDistributed(layers.Conv2D(3, 3))",
                                                   inp=(5, 8, 8)), "time_distributed", "error")
    _add("time_distributed/conv2d_too_small_error", seq(
        "layers.TimeDistributed(layers.Conv2D(3, 5))", inp=(5, 3, 3, 1)),
        "time_distributed", "error")


# ---------------------------------------------------------------------------
# ConvLSTM
# ---------------------------------------------------------------------------
def _conv_lstm_cases():
    _add("conv_lstm/2d_basic", seq("layers.ConvLSTM2D(16, 3)", inp=(10, 32, 32, 3)), "conv_lstm")
    _add("conv_lstm/2d_same_sequences", seq(
        "layers.ConvLSTM2D(40, (3, 3), padding='same', return_sequences=True)",
        "layers.BatchNormalization()",
        "layers.ConvLSTM2D(40, (3, 3), padding='same', return_sequences=True)",
        "layers.Conv3D(1, (3, 3, 3), activation='sigmoid', padding='same')",
        inp=(None, 40, 40, 1)), "conv_lstm", "video")
    _add("conv_lstm/2d_strides", seq("layers.ConvLSTM2D(4, 3, strides=2, padding='same')",
                                     inp=(5, 9, 9, 2)), "conv_lstm")
    _add("conv_lstm/2d_dilation", seq("layers.ConvLSTM2D(4, 3, dilation_rate=2)",
                                      inp=(5, 12, 12, 2)), "conv_lstm")
    _add("conv_lstm/2d_channels_first", seq(
        "layers.ConvLSTM2D(4, (3, 2), data_format='channels_first', return_sequences=True)",
        inp=(5, 2, 10, 12)), "conv_lstm")
    _add("conv_lstm/2d_no_bias", seq("layers.ConvLSTM2D(4, 3, use_bias=False)",
                                     inp=(5, 8, 8, 3)), "conv_lstm")
    _add("conv_lstm/2d_every_argument", seq(
        "layers.ConvLSTM2D(6, (3, 3), strides=(1, 1), padding='valid', data_format='channels_last', "
        "dilation_rate=(1, 1), activation='relu', recurrent_activation='hard_sigmoid', "
        "use_bias=True, kernel_initializer='he_normal', recurrent_initializer='orthogonal', "
        "bias_initializer='zeros', unit_forget_bias=False, kernel_regularizer='l2', "
        "recurrent_regularizer='l2', bias_regularizer='l1', activity_regularizer='l2', "
        "kernel_constraint='max_norm', recurrent_constraint='max_norm', bias_constraint='non_neg', "
        "dropout=0.1, recurrent_dropout=0.1, return_sequences=True, go_backwards=True)",
        inp=(4, 10, 10, 2)), "conv_lstm", "arguments")
    _add("conv_lstm/2d_unroll", seq("layers.ConvLSTM2D(3, 3, unroll=True)", inp=(4, 8, 8, 1)),
         "conv_lstm")
    _add("conv_lstm/2d_stateful", seq("layers.ConvLSTM2D(3, 3, stateful=True, "
                                      "kernel_initializer='glorot_uniform')",
                                      inp="keras.Input(shape=(4, 8, 8, 1), batch_size=2)"),
         "conv_lstm")
    _k3("conv_lstm/2d_frozen", seq("layers.ConvLSTM2D(3, 3, trainable=False)", inp=(4, 8, 8, 1)),
         "conv_lstm", "trainable")
    _add("conv_lstm/1d", seq("layers.ConvLSTM1D(8, 5, padding='same', return_sequences=True)",
                             "layers.ConvLSTM1D(4, 3)", inp=(6, 20, 3)), "conv_lstm")
    _add("conv_lstm/1d_strides", seq("layers.ConvLSTM1D(8, 4, strides=2)", inp=(6, 21, 3)),
         "conv_lstm")
    _add("conv_lstm/3d", seq("layers.ConvLSTM3D(4, 3, padding='same', return_sequences=True)",
                             inp=(3, 8, 8, 8, 2)), "conv_lstm")
    _add("conv_lstm/3d_valid", seq("layers.ConvLSTM3D(2, (2, 3, 3))", inp=(3, 6, 8, 8, 1)),
         "conv_lstm")
    _add("conv_lstm/2d_return_state", """
inp = keras.Input(shape=(5, 16, 16, 3), name='frames')
outputs = layers.ConvLSTM2D(8, 3, padding='same', return_state=True)(inp)
model = keras.Model(inp, list(outputs), name='conv_states')
""", "conv_lstm", "functional", "return_state")
    _add("conv_lstm/2d_return_state_sequences_valid", """
inp = keras.Input(shape=(5, 16, 16, 3), name='frames')
outputs = layers.ConvLSTM2D(8, 3, return_state=True, return_sequences=True)(inp)
model = keras.Model(inp, list(outputs), name='conv_states')
""", "conv_lstm", "functional", "return_state")
    _add("conv_lstm/2d_rank4_error", seq("layers.ConvLSTM2D(3, 3)", inp=(5, 8, 8)),
         "conv_lstm", "error")
    _add("conv_lstm/2d_too_small_error", seq("layers.ConvLSTM2D(3, 3)", inp=(5, 2, 2, 1)),
         "conv_lstm", "error")
    # tf-keras builds this one.
    _k3("conv_lstm/2d_unknown_spatial_error", seq("layers.ConvLSTM2D(3, 3)",
                                                   inp=(5, None, 8, 1)), "conv_lstm", "error")
    _add("conv_lstm/2d_unknown_channels_error", seq("layers.ConvLSTM2D(3, 3)",
                                                    inp=(5, 8, 8, None)), "conv_lstm", "error")
    _add("conv_lstm/2d_strides_and_dilation_error", seq(
        "layers.ConvLSTM2D(3, 3, strides=2, dilation_rate=2)", inp=(5, 8, 8, 1)),
        "conv_lstm", "error")
    _add("conv_lstm/2d_unknown_steps", seq("layers.ConvLSTM2D(3, 3)", inp=(None, 8, 8, 1)),
         "conv_lstm")


_recurrent_cases()
_text_cases()
_functional_cases()
_cell_cases()
_bidirectional_cases()
_time_distributed_cases()
_conv_lstm_cases()
