"""Cost cases (issue 11): models whose MACs and activation memory exercise the convention's rules.

Plain data (no Keras import), read by tools/make_costs.py only (not by make_golden.py: it is
not a summary fixture).  ``CASES`` has the format of tools/golden_cases.py (``{"id", "code",
"tags"}``; ``code`` binds ``model`` with ``keras`` and ``layers`` pre-bound).  Every other case
list (tools/golden_cases.py, tools/cases/*.py but tfkeras_only) is run as well; these add what
those lack: global mixed-precision policies, every RNN/attention/wrapper variant the convention
names, strided/grouped/dilated/channels_first convolutions with known MACs, shared layers and
nested models called several times, unknown dimensions.

``APPLICATIONS``: ``(function name, kwargs)`` of keras.applications models (always built with
``weights=None``): every architecture at its default input size, and some at other resolutions.
"""

CASES = []
_IDS = set()


def _add(case_id, code, *tags):
    case_id = "costs/" + case_id
    if case_id in _IDS:
        raise ValueError(f"duplicate case id {case_id}")
    _IDS.add(case_id)
    CASES.append({"id": case_id, "code": code.strip("\n") + "\n", "tags": ["costs", *tags]})


def seq(*items, inp):
    body = "".join(f"    {x},\n" for x in (f"keras.Input(shape={inp!r})",) + items)
    return f"model = keras.Sequential([\n{body}])\n"


def fn(inputs, body, outputs):
    """Functional code: ``inputs`` maps names to shapes (or (shape, dtype))."""
    lines = []
    for name, spec in inputs.items():
        shape, dtype = spec if isinstance(spec, tuple) and len(spec) == 2 and isinstance(
            spec[1], str) else (spec, None)
        extra = f", dtype={dtype!r}" if dtype else ""
        lines.append(f"{name} = keras.Input(shape={shape!r}, name={name!r}{extra})")
    ins = ", ".join(inputs)
    ins = f"[{ins}]" if len(inputs) > 1 else ins
    return "\n".join(lines) + "\n" + body.strip("\n") + f"\nmodel = keras.Model({ins}, {outputs})\n"


def with_policy(policy, code):
    """Run ``code`` under a global dtype policy, restoring float32 afterwards."""
    indented = "".join("    " + line + "\n" for line in code.strip("\n").splitlines())
    return (f"keras.config.set_dtype_policy({policy!r})\ntry:\n{indented}"
            "finally:\n    keras.config.set_dtype_policy('float32')\n")


# ---------------------------------------------------------------------------
def _convolutions():
    for rank, inp in ((1, (32, 6)), (2, (17, 15, 6)), (3, (9, 8, 7, 6))):
        conv = f"Conv{rank}D"
        for args, slug in (("12, 3", "k3"), ("12, 3, strides=2", "s2"),
                           ("12, 3, strides=2, padding='same'", "s2_same"),
                           ("12, 3, dilation_rate=2", "d2"), ("12, 3, groups=3", "g3"),
                           ("6, 2, groups=6, use_bias=False", "g6_depthwise_like")):
            _add(f"conv/{conv}_{slug}", seq(f"layers.{conv}({args})", inp=inp), "conv")
        cf = (inp[-1],) + inp[:-1]
        _add(f"conv/{conv}_channels_first", seq(
            f"layers.{conv}(12, 3, strides=2, data_format='channels_first')", inp=cf),
             "conv", "channels_first")
        _add(f"conv/{conv}Transpose_s2", seq(
            f"layers.{conv}Transpose(5, 3, strides=2)", inp=inp), "conv_transpose")
        _add(f"conv/{conv}Transpose_s2_same_channels_first", seq(
            f"layers.{conv}Transpose(5, 3, strides=2, padding='same', "
            "data_format='channels_first')", inp=cf), "conv_transpose", "channels_first")
    _add("conv/Conv1D_causal", seq("layers.Conv1D(8, 4, padding='causal', dilation_rate=2)",
                                   inp=(20, 3)), "conv")
    _add("conv/Conv2DTranspose_output_padding", seq(
        "layers.Conv2DTranspose(4, 3, strides=2, output_padding=1)", inp=(7, 9, 5)),
         "conv_transpose")
    for rank, inp in ((1, (30, 8)), (2, (13, 11, 8))):
        _add(f"conv/DepthwiseConv{rank}D_m3_s2", seq(
            f"layers.DepthwiseConv{rank}D(3, strides=2, depth_multiplier=3)", inp=inp), "depthwise")
        _add(f"conv/SeparableConv{rank}D_m2_s2", seq(
            f"layers.SeparableConv{rank}D(16, 3, strides=2, depth_multiplier=2)", inp=inp),
             "separable")
        _add(f"conv/SeparableConv{rank}D_channels_first", seq(
            f"layers.SeparableConv{rank}D(16, 3, padding='same', data_format='channels_first')",
            inp=(inp[-1],) + inp[:-1]), "separable", "channels_first")
    _add("conv/DepthwiseConv2D_channels_first_dilated", seq(
        "layers.DepthwiseConv2D(3, dilation_rate=2, data_format='channels_first')",
        inp=(4, 12, 12)), "depthwise", "channels_first")
    _add("conv/unknown_spatial", seq("layers.Conv2D(8, 3)", "layers.GlobalAveragePooling2D()",
                                     "layers.Dense(2)", inp=(None, None, 3)), "unknown")


def _dense_family():
    _add("dense/rank4", seq("layers.Dense(7)", inp=(3, 5, 6)), "dense")
    _add("dense/unknown_time", seq("layers.Dense(7)", inp=(None, 6)), "dense", "unknown")
    _add("dense/lora", fn({"x": (10,)}, "y = layers.Dense(32, lora_rank=4, name='adapted')(x)\n"
                                        "y = layers.Dense(3, name='head')(y)", "y"), "lora")
    _add("dense/lora_enabled_after", """
x = keras.Input(shape=(6, 12), name='x')
d = layers.Dense(20, name='d')
y = d(x)
model = keras.Model(x, y)
d.enable_lora(3)
""", "lora")
    _add("dense/conv_lora", seq("layers.Conv2D(8, 3, lora_rank=2)", "layers.Flatten()",
                                "layers.Dense(4, lora_rank=2)", inp=(10, 10, 3)), "lora")
    for eq, out, inp, slug in (("...b,bc->...c", "9", (4, 5, 16), "ellipsis_lead"),
                               ("ab...,bc->ac...", "(9, None)", (16, 5), "ellipsis_trail"),
                               ("abc,cde->abde", "(None, 4, 8)", (7, 16), "heads"),
                               ("abcd,cde->abe", "(None, 12)", (7, 4, 8), "merge_heads"),
                               ("abc,bcd->ad", "5", (6, 4), "contract_two"),
                               ("ab,bc->ac", "5", (6,), "plain")):
        _add(f"einsum/{slug}", seq(f"layers.EinsumDense({eq!r}, {out})", inp=inp), "einsum")
    _add("einsum/lora", seq("layers.EinsumDense('abc,cd->abd', (None, 8), lora_rank=2)",
                            inp=(5, 16)), "einsum", "lora")
    _add("embedding/reversible", fn({"tokens": ((12,), "int32")}, """
emb = layers.ReversibleEmbedding(100, 16, name='tied')
h = emb(tokens)
h = layers.Dense(16, name='mix')(h)
logits = emb(h, reverse=True)
""", "logits"), "embedding", "shared")
    _add("embedding/reversible_untied", fn({"tokens": ((12,), "int32")}, """
emb = layers.ReversibleEmbedding(50, 8, tie_weights=False, name='untied')
logits = emb(emb(tokens), reverse=True)
""", "logits"), "embedding", "shared")


def _attention():
    x = {"x": (10, 16)}
    _add("mha/self", fn(x, "y = layers.MultiHeadAttention(4, 8)(x, x)", "y"), "mha")
    _add("mha/value_dim", fn(x, "y = layers.MultiHeadAttention(2, 8, value_dim=5)(x, x)", "y"),
         "mha")
    _add("mha/cross_key", fn({"q": (6, 16), "v": (9, 12), "k": (9, 20)},
                             "y = layers.MultiHeadAttention(3, 4, value_dim=6, output_shape=7)"
                             "(q, v, key=k)", "y"), "mha")
    _add("mha/use_gate", fn(x, "y = layers.MultiHeadAttention(2, 8, use_gate=True)(x, x)", "y"),
         "mha")
    _add("mha/use_gate_no_bias", fn(x, "y = layers.MultiHeadAttention(2, 8, use_gate=True, "
                                       "use_bias=False)(x, x)", "y"), "mha")
    _add("mha/attention_axes_2d", fn({"img": (6, 5, 8)},
                                     "y = layers.MultiHeadAttention(2, 4, attention_axes=(1, 2))"
                                     "(img, img)", "y"), "mha")
    _add("mha/attention_axes_one", fn({"img": (6, 5, 8)},
                                      "y = layers.MultiHeadAttention(2, 4, attention_axes=2)"
                                      "(img, img)", "y"), "mha")
    _add("mha/attention_axes_negative", fn({"img": (6, 5, 8), "ctx": (6, 3, 8)},
                                           "y = layers.MultiHeadAttention(2, 4, attention_axes=-2)"
                                           "(img, ctx)", "y"), "mha")
    _add("mha/sliding_window_causal", fn(x, "y = layers.MultiHeadAttention(2, 8, sliding_window=3)"
                                            "(x, x, use_causal_mask=True)", "y"), "mha")
    _add("mha/shared_twice", fn({"a": (5, 16), "b": (7, 16)}, """
mha = layers.MultiHeadAttention(2, 8, name='shared_mha')
y1 = mha(a, b)
y2 = mha(b, a)
y = layers.Concatenate(axis=1)([y1, y2])
""", "y"), "mha", "shared")
    _add("mha/unknown_length", fn({"x": (None, 16)},
                                  "y = layers.MultiHeadAttention(2, 8)(x, x)", "y"), "mha", "unknown")
    _add("gqa/basic", fn(x, "y = layers.GroupQueryAttention(8, 4, 2)(x, x)", "y"), "gqa")
    _add("gqa/cross_gate", fn({"q": (6, 16), "v": (9, 16)},
                              "y = layers.GroupQueryAttention(6, 6, 3, use_gate=True)(q, v)", "y"),
         "gqa")
    _add("gqa/key_no_bias", fn({"q": (6, 16), "v": (9, 16), "k": (9, 16)},
                               "y = layers.GroupQueryAttention(4, 8, 1, use_bias=False)(q, v, k)",
                               "y"), "gqa")
    for layer in ("Attention", "AdditiveAttention"):
        _add(f"dense_attention/{layer}_qv", fn({"q": (6, 12), "v": (9, 12)},
                                               f"y = layers.{layer}()([q, v])", "y"), "attention")
        _add(f"dense_attention/{layer}_qvk", fn({"q": (6, 12), "v": (9, 12), "k": (9, 12)},
                                                f"y = layers.{layer}()([q, v, k])", "y"),
             "attention")
    _add("dense_attention/Attention_concat_scores", fn(
        {"q": (4, 8), "v": (5, 8)}, "y = layers.Attention(score_mode='concat')([q, v])", "y"),
         "attention")
    _add("transformer/encoder_block", fn({"tokens": ((16,), "int32")}, """
h = layers.Embedding(1000, 32, name='embed')(tokens)
a = layers.MultiHeadAttention(4, 8, name='attn')(h, h)
h = layers.LayerNormalization(name='ln1')(layers.Add(name='res1')([h, a]))
f = layers.Dense(64, activation='gelu', name='ffn_in')(h)
f = layers.Dense(32, name='ffn_out')(f)
h = layers.LayerNormalization(name='ln2')(layers.Add(name='res2')([h, f]))
y = layers.Dense(5, name='head')(layers.GlobalAveragePooling1D(name='pool')(h))
""", "y"), "mha", "transformer")


def _recurrent():
    for layer in ("SimpleRNN", "LSTM", "GRU"):
        _add(f"rnn/{layer}", seq(f"layers.{layer}(16)", inp=(12, 5)), "rnn")
        _add(f"rnn/{layer}_sequences", seq(f"layers.{layer}(16, return_sequences=True)",
                                           inp=(12, 5)), "rnn")
        for mode in ("concat", "sum", "mul", "ave", None):
            _add(f"rnn/Bidirectional_{layer}_{mode}", seq(
                f"layers.Bidirectional(layers.{layer}(8, return_sequences=True), "
                f"merge_mode={mode!r})", inp=(12, 5)), "rnn", "bidirectional")
    _add("rnn/GRU_reset_after_false", seq("layers.GRU(16, reset_after=False)", inp=(12, 5)), "rnn")
    _add("rnn/LSTM_unknown_steps", seq("layers.LSTM(8)", inp=(None, 5)), "rnn", "unknown")
    _add("rnn/Bidirectional_backward_layer", seq(
        "layers.Bidirectional(layers.LSTM(8, return_sequences=True), "
        "backward_layer=layers.GRU(6, return_sequences=True, go_backwards=True))", inp=(12, 5)),
         "rnn", "bidirectional")
    _add("rnn/RNN_LSTMCell", seq("layers.RNN(layers.LSTMCell(10))", inp=(7, 4)), "rnn")
    _add("rnn/RNN_cell_list", seq("layers.RNN([layers.LSTMCell(10), layers.GRUCell(6)])",
                                  inp=(7, 4)), "rnn", "stacked")
    _add("rnn/StackedRNNCells", seq(
        "layers.RNN(layers.StackedRNNCells([layers.SimpleRNNCell(5), layers.LSTMCell(7), "
        "layers.GRUCell(3)]), return_sequences=True)", inp=(9, 4)), "rnn", "stacked")
    _add("rnn/return_state", fn({"x": (8, 3)}, """
out, h, c = layers.LSTM(6, return_state=True, name='enc')(x)
y = layers.LSTM(4, name='dec')(x, initial_state=[layers.Dense(4)(h), layers.Dense(4)(c)])
""", "[out, y]"), "rnn")
    _add("rnn/lstm_text_model", seq("layers.Embedding(5000, 64)", "layers.LSTM(128, return_sequences=True)",
                                    "layers.LSTM(64)", "layers.Dense(1, activation='sigmoid')",
                                    inp=(100,)), "rnn")
    for rank, inp, cf in ((1, (5, 20, 3), (5, 3, 20)), (2, (4, 12, 10, 3), (4, 3, 12, 10)),
                          (3, (3, 6, 7, 8, 2), (3, 2, 6, 7, 8))):
        layer = f"ConvLSTM{rank}D"
        _add(f"convlstm/{layer}", seq(f"layers.{layer}(4, 3)", inp=inp), "convlstm")
        _add(f"convlstm/{layer}_strides_same_sequences", seq(
            f"layers.{layer}(4, 3, strides=2, padding='same', return_sequences=True)", inp=inp),
             "convlstm")
        _add(f"convlstm/{layer}_channels_first_strides", seq(
            f"layers.{layer}(4, 3, strides=2, data_format='channels_first', "
            "return_sequences=True)", inp=cf), "convlstm", "channels_first")
    _add("convlstm/ConvLSTM2D_dilated_state", fn({"x": (4, 12, 10, 3)}, """
y, h, c = layers.ConvLSTM2D(5, 3, dilation_rate=2, return_state=True, name='cl')(x)
""", "[y, h, c]"), "convlstm")
    _add("convlstm/Bidirectional_ConvLSTM2D", seq(
        "layers.Bidirectional(layers.ConvLSTM2D(4, 3, strides=2))", inp=(4, 12, 10, 3)),
         "convlstm", "bidirectional")


def _wrappers():
    _add("wrap/TimeDistributed_Dense", seq("layers.TimeDistributed(layers.Dense(8))", inp=(6, 5)),
         "time_distributed")
    _add("wrap/TimeDistributed_Conv2D", seq(
        "layers.TimeDistributed(layers.Conv2D(4, 3, strides=2))",
        "layers.TimeDistributed(layers.GlobalAveragePooling2D())", "layers.LSTM(8)",
        inp=(5, 16, 16, 3)), "time_distributed")
    _add("wrap/TimeDistributed_model", """
frame = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Conv2D(4, 3),
                          layers.Flatten(), layers.Dense(6)], name='per_frame')
model = keras.Sequential([keras.Input(shape=(5, 8, 8, 3)), layers.TimeDistributed(frame),
                          layers.GRU(4)])
""", "time_distributed", "nested")
    _add("wrap/TimeDistributed_unknown_steps", seq("layers.TimeDistributed(layers.Dense(8))",
                                                   inp=(None, 5)), "time_distributed", "unknown")
    _add("wrap/SpectralNormalization_Dense", seq("layers.SpectralNormalization(layers.Dense(8))",
                                                 inp=(6,)), "spectral")
    _add("wrap/SpectralNormalization_Conv2D", seq(
        "layers.SpectralNormalization(layers.Conv2D(6, 3, strides=2))", inp=(12, 12, 3)),
         "spectral")
    _add("wrap/SpectralNormalization_Conv2DTranspose", seq(
        "layers.SpectralNormalization(layers.Conv2DTranspose(6, 3, strides=2))", inp=(5, 5, 3)),
         "spectral")


def _graphs():
    _add("graph/siamese_shared_dense", fn({"a": (8,), "b": (8,)}, """
enc = layers.Dense(16, name='enc')
y = layers.Subtract(name='diff')([enc(a), enc(b)])
""", "y"), "shared")
    _add("graph/shared_conv_two_sizes", fn({"small": (8, 8, 3), "big": (16, 16, 3)}, """
conv = layers.Conv2D(4, 3, name='conv')
y1 = layers.GlobalAveragePooling2D()(conv(small))
y2 = layers.GlobalAveragePooling2D()(conv(big))
y = layers.Concatenate()([y1, y2])
""", "y"), "shared")
    _add("graph/nested_called_twice", """
tower = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(6), layers.Dense(3)],
                         name='tower')
a = keras.Input(shape=(10,), name='a')
b = keras.Input(shape=(10,), name='b')
y = layers.Concatenate()([tower(a), tower(b)])
model = keras.Model([a, b], y)
""", "nested", "shared")
    _add("graph/nested_three_levels", """
inner = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(5)], name='inner')
mid_in = keras.Input(shape=(6,))
mid = keras.Model(mid_in, layers.Dense(4)(inner(mid_in)), name='mid')
x = keras.Input(shape=(6,), name='x')
model = keras.Model(x, layers.Dense(2)(mid(x)), name='outer')
""", "nested")
    _add("graph/nested_sequential_in_sequential", """
block = keras.Sequential([layers.Conv2D(4, 3), layers.BatchNormalization()], name='block')
model = keras.Sequential([keras.Input(shape=(12, 12, 3)), block, layers.Flatten(),
                          layers.Dense(3)])
""", "nested")
    _add("graph/nested_unknown_inner", """
backbone_in = keras.Input(shape=(None, None, 3))
backbone = keras.Model(backbone_in, layers.Conv2D(4, 3)(backbone_in), name='backbone')
x = keras.Input(shape=(16, 16, 3), name='x')
model = keras.Model(x, layers.GlobalAveragePooling2D()(backbone(x)))
""", "nested", "unknown")
    _add("graph/ops_matmul_counts_zero", fn({"a": (4, 8), "b": (8, 5)}, """
y = keras.ops.matmul(a, b)
y = layers.Dense(3, name='head')(y)
""", "y"), "ops")
    _add("graph/multiple_outputs_dtypes", fn({"x": (6,)}, """
h = layers.Dense(4, name='h')(x)
i = layers.Dense(4, dtype='float64', name='i')(x)
j = layers.Dense(4, dtype='bfloat16', name='j')(x)
""", "[h, i, j]"), "dtype")
    _add("graph/int_and_bool_outputs", fn({"tokens": ((5,), "int32")}, """
e = layers.Embedding(20, 4, mask_zero=True, name='emb')(tokens)
y = layers.LSTM(3, name='lstm')(e)
""", "y"), "dtype")


def _mixed_precision():
    cnn = seq("layers.Conv2D(8, 3, padding='same')", "layers.BatchNormalization()",
              "layers.ReLU()", "layers.MaxPooling2D()", "layers.Conv2D(16, 3)",
              "layers.GlobalAveragePooling2D()", "layers.Dense(10)",
              "layers.Activation('softmax', dtype='float32')", inp=(16, 16, 3))
    lstm = seq("layers.Embedding(1000, 16)", "layers.LSTM(32)", "layers.Dense(1, dtype='float32')",
               inp=(20,))
    mha = fn({"x": (10, 16)}, "y = layers.MultiHeadAttention(2, 8)(x, x)\n"
                              "y = layers.Dense(4, dtype='float32')(y)", "y")
    for policy in ("mixed_float16", "mixed_bfloat16"):
        _add(f"mixed/{policy}_cnn", with_policy(policy, cnn), "dtype", "mixed")
        _add(f"mixed/{policy}_lstm", with_policy(policy, lstm), "dtype", "mixed")
        _add(f"mixed/{policy}_mha", with_policy(policy, mha), "dtype", "mixed")
    _add("mixed/float32_cnn", cnn, "dtype")
    _add("mixed/per_layer_policy", seq("layers.Dense(16, dtype='mixed_float16')",
                                       "layers.Dense(16, dtype='float64')",
                                       "layers.Dense(4, dtype='mixed_bfloat16')", inp=(8,)),
         "dtype", "mixed")
    _add("mixed/mobilenet_v2_mixed_float16", with_policy(
        "mixed_float16", "model = keras.applications.MobileNetV2(weights=None, "
                         "input_shape=(96, 96, 3), classes=10)"), "dtype", "mixed", "applications")


_convolutions()
_dense_family()
_attention()
_recurrent()
_wrappers()
_graphs()
_mixed_precision()

# keras.applications: every architecture at its default input size, a few at other resolutions
# (the papers' own, or smaller).
_DEFAULTS = (
    "Xception", "VGG16", "VGG19", "ResNet50", "ResNet101", "ResNet152", "ResNet50V2",
    "ResNet101V2", "ResNet152V2", "InceptionV3", "InceptionResNetV2", "MobileNet", "MobileNetV2",
    "MobileNetV3Small", "MobileNetV3Large", "DenseNet121", "DenseNet169", "DenseNet201",
    "NASNetMobile", "NASNetLarge", "EfficientNetB0", "EfficientNetB1", "EfficientNetB2",
    "EfficientNetB3", "EfficientNetB4", "EfficientNetB5", "EfficientNetB6", "EfficientNetB7",
    "EfficientNetV2B0", "EfficientNetV2B1", "EfficientNetV2B2", "EfficientNetV2B3",
    "EfficientNetV2S", "EfficientNetV2M", "EfficientNetV2L", "ConvNeXtTiny", "ConvNeXtSmall",
    "ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtXLarge",
)
APPLICATIONS = [(name, {}) for name in _DEFAULTS] + [
    ("ResNet50", {"input_shape": (160, 160, 3), "include_top": False, "pooling": "avg"}),
    ("MobileNet", {"alpha": 0.5, "input_shape": (128, 128, 3)}),
    ("MobileNetV2", {"alpha": 0.35, "input_shape": (96, 96, 3)}),
    ("MobileNetV3Large", {"minimalistic": True}),
    ("EfficientNetB0", {"input_shape": (320, 320, 3), "include_top": False}),
    ("VGG16", {"input_shape": (64, 64, 3), "classes": 5}),
    ("ConvNeXtTiny", {"input_shape": (160, 160, 3), "include_top": False, "pooling": "avg"}),
    ("InceptionV3", {"input_shape": (224, 224, 3), "include_top": False}),
    ("DenseNet121", {"input_shape": (None, None, 3), "include_top": False}),
]
