"""Golden cases: attention and projection layers (MultiHeadAttention, GroupQueryAttention,
Attention, AdditiveAttention, EinsumDense, ReversibleEmbedding) and Transformer blocks.

Plain data (no Keras import); format of tools/golden_cases.py.  Functional cases name their
Inputs so that tf-keras and Keras 3 give the same layer names (tf-keras would call them
``input_1``...).  Layers tf-keras lacks (GroupQueryAttention, ReversibleEmbedding) make the
tf-keras generator skip the case; Keras-3-only arguments (use_gate, sliding_window, lora_rank,
quantized dtype policies) simply raise there.
"""

CASES = []
_IDS = set()


def _add(case_id, code, *tags):
    case_id = "attention/" + case_id
    if case_id in _IDS:
        raise ValueError(f"duplicate case id {case_id}")
    _IDS.add(case_id)
    CASES.append({"id": case_id, "code": code.strip("\n") + "\n", "tags": ["attention", *tags]})


#: Cases where Keras 3 puts mask operations into the graph (an Embedding's mask_zero mask
#: reaching a layer with a ``mask`` argument: NotEqual / ConvertToTensor rows, or a merge that
#: drops the mask). They need paramscope's mask propagation to match Keras (Merge.compute_mask,
#: ops.convert_to_tensor recorded as an operation); add them to CASES (``PENDING_IN_CASES``) once
#: it does.  Generate with ``--cases`` on a copy that sets it to True.
PENDING = []
PENDING_IN_CASES = False

#: Cases left out of the tf-keras fixture until paramscope's reading of tf-keras configs covers
#: them (the Keras 3 fixture has them):
#: * a tf-keras node passes ``value``/``key``/``attention_mask`` as keyword arguments, and
#:   tf-keras lists them in "Connected to" (and orders the model's layers) in the call's order,
#:   which a config whose keys the fixture sorts cannot show; paramscope follows the call's
#:   order when it reads a tf-keras file: tools/make_files.py's ``attention_kwargs`` case
#:   (real tf-keras files) checks it;
#: * ``mha.trainable = False`` after the build is not in a config: rebuilt from it, Keras 3
#:   creates the sublayers trainable (see mha/frozen_ctor), tf-keras froze them.
#: The tf-keras fixture is generated with every other case:
#:     TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \
#:         --cases tools/cases/attention.py --out tests/golden/tfkeras/attention.json.gz \
#:         $(/work/venvs/dev/bin/python tools/cases/attention.py --tfkeras-only-args)
TFKERAS_PENDING = ["attention/mha/cross_key", "attention/mha/kwargs_order",
                   "attention/mha/attention_mask", "attention/mha/frozen_after"]


def _add_pending(case_id, code, *tags):
    if PENDING_IN_CASES:
        _add(case_id, code, *tags)
    else:
        PENDING.append({"id": "attention/" + case_id, "code": code.strip("\n") + "\n",
                        "tags": ["attention", *tags]})


def seq(*items, inp=None):
    lines = ([f"keras.Input(shape={inp!r})"] if inp is not None else []) + list(items)
    body = "".join(f"    {x},\n" for x in lines)
    return f"model = keras.Sequential([\n{body}])\n"


def fn(inputs, body, outputs):
    """A Functional model: ``inputs`` is ``{name: shape}`` or ``{name: (shape, dtype)}``."""
    lines = []
    for name, spec in inputs.items():
        if isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[1], str):
            lines.append(f"{name} = keras.Input(shape={spec[0]!r}, dtype={spec[1]!r}, name={name!r})")
        else:
            lines.append(f"{name} = keras.Input(shape={spec!r}, name={name!r})")
    lines.append(body.strip("\n"))
    names = list(inputs)
    ins = names[0] if len(names) == 1 else "[" + ", ".join(names) + "]"
    lines.append(f"model = keras.Model({ins}, {outputs})")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# MultiHeadAttention
# ---------------------------------------------------------------------------
def _mha():
    x = {"x": (8, 16)}
    _add("mha/self", fn(x, "y = layers.MultiHeadAttention(num_heads=4, key_dim=8)(x, x)", "y"), "mha")
    _add("mha/cross_attn", fn({"q": (6, 16), "v": (10, 32)},
                         "y = layers.MultiHeadAttention(2, 16)(q, v)", "y"), "mha")
    _add("mha/cross_key", fn({"q": (6, 16), "v": (10, 12), "k": (10, 20)},
                             "y = layers.MultiHeadAttention(2, 8)(q, v, key=k)", "y"), "mha")
    _add("mha/kwargs_order", fn({"q": (6, 16), "v": (10, 12), "k": (10, 20)},
                                "y = layers.MultiHeadAttention(2, 8)(query=q, value=v, key=k)", "y"),
         "mha")
    _add("mha/value_dim", fn(x, "y = layers.MultiHeadAttention(2, 8, value_dim=4)(x, x)", "y"), "mha")
    _add("mha/no_bias", fn(x, "y = layers.MultiHeadAttention(4, 8, use_bias=False)(x, x)", "y"), "mha")
    _add("mha/output_shape_int", fn(x, "y = layers.MultiHeadAttention(2, 8, output_shape=32)(x, x)", "y"),
         "mha")
    _add("mha/output_shape_tuple", fn(x, "y = layers.MultiHeadAttention(2, 8, output_shape=(4, 8))(x, x)",
                                      "y"), "mha")
    _add("mha/output_shape_list_no_bias", fn(
        x, "y = layers.MultiHeadAttention(2, 8, output_shape=[12], use_bias=False)(x, x)", "y"), "mha")
    _add("mha/axes_4d", fn({"x": (4, 6, 16)},
                           "y = layers.MultiHeadAttention(2, 8, attention_axes=(1, 2))(x, x)", "y"),
         "mha", "attention_axes")
    _add("mha/axes_int_4d", fn({"x": (4, 6, 16)},
                               "y = layers.MultiHeadAttention(2, 8, attention_axes=2)(x, x)", "y"),
         "mha", "attention_axes")
    _add("mha/axes_neg_4d", fn({"x": (4, 6, 16)},
                               "y = layers.MultiHeadAttention(2, 8, attention_axes=[-2])(x, x)", "y"),
         "mha", "attention_axes")
    _add("mha/default_axes_4d_scores", fn(
        {"x": (4, 6, 16)},
        "y, s = layers.MultiHeadAttention(2, 8)(x, x, return_attention_scores=True)", "[y, s]"),
        "mha", "scores")
    _add("mha/axes_5d", fn({"x": (3, 4, 5, 8)},
                           "y = layers.MultiHeadAttention(2, 4, attention_axes=(2, 3))(x, x)", "y"),
         "mha", "attention_axes")
    _add("mha/scores_self", fn(x, "y, s = layers.MultiHeadAttention(4, 8)(x, x, return_attention_scores=True)",
                               "[y, s]"), "mha", "scores")
    _add("mha/scores_cross", fn({"q": (6, 16), "v": (10, 16)},
                                "y, s = layers.MultiHeadAttention(2, 8)(q, v, return_attention_scores=True)",
                                "[y, s]"), "mha", "scores")
    _add("mha/scores_only_output", fn(
        x, "y, s = layers.MultiHeadAttention(2, 8)(x, x, return_attention_scores=True)\n"
           "z = layers.Dense(3)(y)", "z"), "mha", "scores")
    _add("mha/causal", fn(x, "y = layers.MultiHeadAttention(4, 4)(x, x, use_causal_mask=True)", "y"),
         "mha", "causal")
    _add("mha/attention_mask", fn({"x": (8, 16), "m": ((8, 8), "bool")},
                                  "y = layers.MultiHeadAttention(2, 8)(x, x, attention_mask=m)", "y"),
         "mha", "mask")
    _add("mha/training_kw", fn(x, "y = layers.MultiHeadAttention(2, 8, dropout=0.2)(x, x, training=True)",
                               "y"), "mha")
    _add("mha/dropout_sublayer_names", fn(
        x, "y = layers.MultiHeadAttention(2, 8, dropout=0.1)(x, x)\n"
           "y = layers.Dropout(0.1)(y)\ny = layers.Softmax()(y)", "y"), "mha", "names")
    _add("mha/initializers", fn(
        x, "y = layers.MultiHeadAttention(2, 8, kernel_initializer='he_normal', "
           "bias_initializer='ones')(x, x)", "y"), "mha")
    _add("mha/regularizers_constraints", fn(
        x, "y = layers.MultiHeadAttention(2, 8, kernel_regularizer='l2', bias_regularizer='l1', "
           "activity_regularizer='l2', kernel_constraint='max_norm', bias_constraint='non_neg')(x, x)",
        "y"), "mha")
    _add("mha/use_gate", fn(x, "y = layers.MultiHeadAttention(4, 8, use_gate=True)(x, x)", "y"),
         "mha", "keras3_only")
    _add("mha/use_gate_no_bias_value_dim", fn(
        {"q": (6, 16), "v": (10, 12)},
        "y = layers.MultiHeadAttention(2, 8, value_dim=6, use_gate=True, use_bias=False)(q, v)", "y"),
        "mha", "keras3_only")
    _add("mha/sliding_window", fn(
        x, "y = layers.MultiHeadAttention(2, 8, sliding_window=3)(x, x, use_causal_mask=True)", "y"),
        "mha", "keras3_only")
    _add("mha/rank2", fn({"x": (16,)}, "y = layers.MultiHeadAttention(2, 4)(x, x)", "y"), "mha")
    _add("mha/value_rank_differs", fn({"q": (3, 16), "v": (3, 5, 8)},
                                      "y = layers.MultiHeadAttention(2, 4)(q, v)", "y"), "mha")
    _add("mha/seq_none", fn({"x": (None, 16)}, "y = layers.MultiHeadAttention(2, 8)(x, x)", "y"), "mha")
    _add("mha/shared", fn({"a": (5, 16), "b": (7, 16)},
                          "mha = layers.MultiHeadAttention(2, 8, name='shared_mha')\n"
                          "ya = mha(a, a)\nyb = mha(b, a)\ny = layers.Concatenate(axis=1)([ya, yb])",
                          "y"), "mha", "shared")
    _add("mha/frozen_ctor", fn(x, "mha = layers.MultiHeadAttention(2, 8, trainable=False)\ny = mha(x, x)\n"
                             "y = layers.Dense(4)(y)", "y"), "mha", "trainable")
    _add("mha/frozen_after", fn(x, "mha = layers.MultiHeadAttention(2, 8)\ny = mha(x, x)\n"
                                   "mha.trainable = False", "y"), "mha", "trainable")
    _add("mha/float16", fn(x, "y = layers.MultiHeadAttention(2, 8, dtype='float16')(x, x)", "y"),
         "mha", "dtype")
    _add("mha/mixed_bfloat16", fn(x, "y = layers.MultiHeadAttention(2, 8, dtype='mixed_bfloat16')(x, x)",
                                  "y"), "mha", "dtype")
    _add("mha/int8", fn(x, "y = layers.MultiHeadAttention(2, 8, dtype='int8_from_float32')(x, x)", "y"),
         "mha", "dtype", "quantized", "keras3_only")
    _add("mha/named", fn(x, "y = layers.MultiHeadAttention(2, 8, name='self_attn')(x, x)", "y"), "mha")
    _add("mha/big", fn({"x": (128, 512)}, "y = layers.MultiHeadAttention(4, 64)(x, x)", "y"), "mha")
    _add("mha/embedding_mask_zero", fn(
        {"tokens": ((12,), "int32")},
        "e = layers.Embedding(100, 16, mask_zero=True)(tokens)\n"
        "y = layers.MultiHeadAttention(2, 8)(e, e)", "y"), "mha", "mask")
    # Errors
    _add("mha/key_value_mismatch_error", fn({"q": (6, 16), "v": (5, 16), "k": (7, 16)},
                                            "y = layers.MultiHeadAttention(2, 8)(q, v, k)", "y"),
         "mha", "error")
    _add("mha/key_value_none_error", fn({"q": (6, 16), "v": (None, 16), "k": (5, 16)},
                                        "y = layers.MultiHeadAttention(2, 8)(q, v, k)", "y"),
         "mha", "error")
    _add("mha/sequential_error", seq("layers.MultiHeadAttention(2, 8)", inp=(8, 16)), "mha", "error")
    _add("mha/missing_value_error", fn(x, "y = layers.MultiHeadAttention(2, 8)(x)", "y"), "mha", "error")
    _add("mha/num_heads_error", fn(x, "y = layers.MultiHeadAttention(0, 8)(x, x)", "y"), "mha", "error")
    _add("mha/key_dim_float_error", fn(x, "y = layers.MultiHeadAttention(2, 8.0)(x, x)", "y"),
         "mha", "error")
    _add("mha/axes_out_of_range_error", fn({"x": (4, 6, 16)},
                                           "y = layers.MultiHeadAttention(2, 8, attention_axes=5)(x, x)",
                                           "y"), "mha", "error")
    _add("mha/axes_str_error", fn(x, "y = layers.MultiHeadAttention(2, 8, attention_axes='x')(x, x)", "y"),
         "mha", "error")
    _add("mha/unknown_features_error", fn({"x": (8, None)},
                                          "y = layers.MultiHeadAttention(2, 8)(x, x)", "y"), "mha", "error")
    _add("mha/dropout_rate_error", fn(x, "y = layers.MultiHeadAttention(2, 8, dropout=1.5)(x, x)", "y"),
         "mha", "error")
    _add("mha/flash_dropout_error", fn(
        x, "y = layers.MultiHeadAttention(2, 8, dropout=0.1, flash_attention=True)(x, x)", "y"),
        "mha", "error")


# ---------------------------------------------------------------------------
# GroupQueryAttention (Keras 3 only)
# ---------------------------------------------------------------------------
def _gqa():
    x = {"x": (8, 32)}
    _add("gqa/basic", fn(x, "y = layers.GroupQueryAttention(head_dim=8, num_query_heads=4, "
                            "num_key_value_heads=2)(x, x)", "y"), "gqa")
    _add("gqa/multi_query", fn(x, "y = layers.GroupQueryAttention(16, 4, 1)(x, x)", "y"), "gqa")
    _add("gqa/cross_key", fn({"q": (6, 32), "v": (10, 32), "k": (10, 12)},
                             "y = layers.GroupQueryAttention(8, 8, 2)(q, v, key=k)", "y"), "gqa")
    _add("gqa/no_bias_gate", fn(x, "y = layers.GroupQueryAttention(8, 4, 2, use_bias=False, "
                                   "use_gate=True)(x, x)", "y"), "gqa")
    _add("gqa/scores", fn({"q": (6, 32), "v": (10, 32)},
                          "y, s = layers.GroupQueryAttention(8, 4, 4)(q, v, return_attention_scores=True)",
                          "[y, s]"), "gqa", "scores")
    _add("gqa/causal_dropout", fn(x, "y = layers.GroupQueryAttention(8, 4, 2, dropout=0.1)"
                                     "(x, x, use_causal_mask=True)\ny = layers.Dropout(0.2)(y)", "y"),
         "gqa", "names")
    _add("gqa/divisible_error", fn(x, "y = layers.GroupQueryAttention(8, 4, 3)(x, x)", "y"), "gqa", "error")
    _add("gqa/features_error", fn({"q": (6, 32), "v": (10, 16)},
                                  "y = layers.GroupQueryAttention(8, 4, 2)(q, v)", "y"), "gqa", "error")
    _add("gqa/rank2_error", fn({"x": (32,)}, "y = layers.GroupQueryAttention(8, 4, 2)(x, x)", "y"),
         "gqa", "error")


# ---------------------------------------------------------------------------
# Attention, AdditiveAttention
# ---------------------------------------------------------------------------
def _dense_attention():
    qv = {"q": (3, 4), "v": (5, 4)}
    _add("dot/basic", fn(qv, "y = layers.Attention()([q, v])", "y"), "dot")
    _add("dot/with_key", fn({"q": (3, 4), "v": (5, 6), "k": (5, 4)},
                            "y = layers.Attention()([q, v, k])", "y"), "dot")
    _add("dot/use_scale", fn(qv, "y = layers.Attention(use_scale=True)([q, v])", "y"), "dot")
    _add("dot/concat", fn(qv, "y = layers.Attention(score_mode='concat')([q, v])", "y"), "dot")
    _add("dot/concat_scale", fn(qv, "y = layers.Attention(use_scale=True, score_mode='concat')([q, v])",
                                "y"), "dot")
    _add("dot/scores", fn({"q": (3, 4), "v": (5, 6), "k": (5, 4)},
                          "y, s = layers.Attention()([q, v, k], return_attention_scores=True)", "[y, s]"),
         "dot", "scores")
    _add("dot/causal_dropout", fn({"x": (6, 8)},
                                  "y = layers.Attention(dropout=0.1)([x, x], use_causal_mask=True)", "y"),
         "dot", "causal")
    _add("dot/4d", fn({"q": (2, 3, 4), "v": (2, 5, 4)},
                      "y, s = layers.Attention(use_scale=True)([q, v], return_attention_scores=True)",
                      "[y, s]"), "dot", "scores")
    _add("dot/features_differ", fn({"q": (3, 4), "v": (5, 6)}, "y = layers.Attention()([q, v])", "y"),
         "dot", "keras_builds_runtime_error")
    _add("dot/float16", fn(qv, "y = layers.Attention(use_scale=True, score_mode='concat', "
                               "dtype='float16')([q, v])", "y"), "dot", "dtype")
    _add("dot/frozen", fn(qv, "y = layers.Attention(use_scale=True, trainable=False)([q, v])", "y"),
         "dot", "trainable")
    _add("dot/tuple_error", fn(qv, "y = layers.Attention()((q, v))", "y"), "dot", "error")
    _add("dot/one_input_error", fn(qv, "y = layers.Attention()([q])", "y"), "dot", "error")
    _add("dot/four_inputs_error", fn(qv, "y = layers.Attention()([q, v, v, v])", "y"), "dot", "error")
    _add("dot/single_tensor_error", fn(qv, "y = layers.Attention()(q)", "y"), "dot", "error")
    _add("dot/sequential_error", seq("layers.Attention()", inp=(3, 4)), "dot", "error")
    _add("dot/score_mode_error", fn(qv, "y = layers.Attention(score_mode='add')([q, v])", "y"),
         "dot", "error")

    _add("additive/basic", fn(qv, "y = layers.AdditiveAttention()([q, v])", "y"), "additive")
    _add("additive/no_scale", fn(qv, "y = layers.AdditiveAttention(use_scale=False)([q, v])", "y"),
         "additive")
    _add("additive/with_key_scores", fn(
        {"q": (3, 16), "v": (5, 6), "k": (5, 16)},
        "y, s = layers.AdditiveAttention()([q, v, k], return_attention_scores=True)", "[y, s]"),
        "additive", "scores")
    _add("additive/dropout_causal", fn({"x": (6, 10)},
                                       "y = layers.AdditiveAttention(dropout=0.2)([x, x], use_causal_mask=True)",
                                       "y"), "additive", "causal")
    _add("additive/none_dim_error", fn({"q": (3, None), "v": (5, 4)},
                                       "y = layers.AdditiveAttention()([q, v])", "y"), "additive", "error")
    _add("additive/none_dim_no_scale", fn({"q": (3, None), "v": (5, 4)},
                                          "y = layers.AdditiveAttention(use_scale=False)([q, v])", "y"),
         "additive")


# ---------------------------------------------------------------------------
# EinsumDense
# ---------------------------------------------------------------------------
def _einsum():
    E = "layers.EinsumDense"
    _add("einsum/dense_like", seq(f"{E}('ab,bc->ac', output_shape=64, bias_axes='c')", inp=(32,)),
         "einsum")
    _add("einsum/sequence", seq(f"{E}('abc,cd->abd', output_shape=(None, 64), bias_axes='d')",
                                inp=(32, 128)), "einsum")
    _add("einsum/left_ellipsis", seq(f"{E}('...x,xy->...y', output_shape=64, bias_axes='y')",
                                     inp=(32, 128)), "einsum")
    _add("einsum/left_ellipsis_4d", seq(f"{E}('...b,bc->...c', 4, bias_axes='c')", inp=(2, 5, 3)),
         "einsum")
    _add("einsum/right_ellipsis", seq(f"{E}('ab...,bc->ac...', output_shape=(4,), bias_axes='c')",
                                      inp=(3, 5, 6)), "einsum")
    _add("einsum/heads", seq(f"{E}('abc,cde->abde', output_shape=(None, 4, 16), bias_axes='de')",
                             inp=(10, 64)), "einsum")
    _add("einsum/heads_no_bias", seq(f"{E}('abc,cde->abde', (None, 4, 16))", inp=(None, 64)), "einsum")
    _add("einsum/merge_heads", seq(f"{E}('abcd,cde->abe', output_shape=(None, 32), bias_axes='e')",
                                   inp=(None, 4, 16)), "einsum")
    _add("einsum/bias_partial", seq(f"{E}('abc,cd->abd', (5, 4), bias_axes='b')", inp=(5, 3)), "einsum")
    _add("einsum/bias_two_axes", seq(f"{E}('abc,cd->abd', (5, 4), bias_axes='bd')", inp=(5, 3)),
         "einsum")
    _add("einsum/trailing_quirk", seq(f"{E}('ab,bc->ac', 4)", inp=(3, 5)), "einsum")
    _add("einsum/trailing_quirk_3d", seq(f"{E}('abc,cd->abd', (None, 4))", inp=(5, 3, 2)), "einsum")
    _add("einsum/upper_letters", seq(f"{E}('ABc,cd->ABd', (None, 4), bias_axes='d')", inp=(None, 3)),
         "einsum")
    _add("einsum/activation_stack", seq(f"{E}('ab,bc->ac', 16, activation='relu', bias_axes='c')",
                                        f"{E}('ab,bc->ac', 4, activation='softmax')", inp=(8,)),
         "einsum")
    _add("einsum/initializers", seq(f"{E}('ab,bc->ac', 4, bias_axes='c', kernel_initializer='ones', "
                                    "bias_initializer='zeros', kernel_regularizer='l2')", inp=(8,)),
         "einsum")
    _add("einsum/frozen", seq(f"{E}('ab,bc->ac', 4, bias_axes='c', trainable=False)",
                              "layers.Dense(2)", inp=(8,)), "einsum", "trainable")
    _add("einsum/input_shape_kw", seq(f"{E}('ab,bc->ac', 4, input_shape=(8,))"), "einsum", "input_shape")
    _add("einsum/functional_projection", fn(
        {"x": (None, 64)},
        f"h = {E}('abc,cde->abde', output_shape=(None, 4, 16), bias_axes='de', name='to_heads')(x)\n"
        f"y = {E}('abcd,cde->abe', output_shape=(None, 64), bias_axes='e', name='from_heads')(h)\n"
        "y = layers.Add()([x, y])", "y"), "einsum")
    _add("einsum/lora", seq(f"{E}('ab,bc->ac', 16, bias_axes='c', lora_rank=4)", inp=(32,)),
         "einsum", "lora", "keras3_only")
    _add("einsum/lora_alpha_3d", seq(f"{E}('abc,cde->abde', (None, 4, 8), bias_axes='de', lora_rank=3, "
                                     "lora_alpha=6)", inp=(5, 16)), "einsum", "lora", "keras3_only")
    _add("einsum/int8", seq(f"{E}('abc,cde->abde', (None, 4, 8), bias_axes='de', "
                            "dtype='int8_from_float32')", inp=(5, 16)),
         "einsum", "quantized", "dtype", "keras3_only")
    _add("einsum/int8_merge", seq(f"{E}('abcd,cde->abe', (None, 32), bias_axes='e', "
                                  "dtype='int8_from_float32')", inp=(5, 4, 8)),
         "einsum", "quantized", "dtype", "keras3_only")
    _add("einsum/int8_lora", seq(f"{E}('abc,cd->abd', (None, 7), lora_rank=2, "
                                 "dtype='int8_from_float32')", inp=(5, 16)),
         "einsum", "quantized", "lora", "dtype", "keras3_only")
    _add("einsum/int4", seq(f"{E}('abc,cde->abde', (None, 4, 8), bias_axes='de', "
                            "dtype='int4_from_float32')", inp=(5, 16)),
         "einsum", "quantized", "dtype", "keras3_only")
    _add("einsum/int4_lora_odd", seq(f"{E}('abc,cd->abd', (None, 7), lora_rank=2, "
                                     "dtype='int4_from_float32')", inp=(5, 16)),
         "einsum", "quantized", "lora", "dtype", "keras3_only")
    _add("einsum/float8", seq(f"{E}('...c,cd->...d', 7, bias_axes='d', dtype='float8_from_float32')",
                              inp=(5, 16)), "einsum", "quantized", "dtype", "keras3_only")
    _add("einsum/float8_lora", seq(f"{E}('abc,cd->abd', (None, 7), lora_rank=2, "
                                   "dtype='float8_from_float32')", inp=(5, 16)),
         "einsum", "quantized", "lora", "dtype", "keras3_only")
    _add("einsum/mixed_float16", seq(f"{E}('ab,bc->ac', 4, bias_axes='c', dtype='mixed_float16')",
                                     inp=(8,)), "einsum", "dtype")
    _add("einsum/float16", seq(f"{E}('ab,bc->ac', 4, bias_axes='c', dtype='float16')", inp=(8,)),
         "einsum", "dtype")
    # Errors
    _add("einsum/no_arrow_error", seq(f"{E}('ab,bc', 4)", inp=(3,)), "einsum", "error")
    _add("einsum/space_error", seq(f"{E}(' ab,bc->ac', 4)", inp=(3,)), "einsum", "error")
    _add("einsum/output_rank_error", seq(f"{E}('abc,cd->abd', 4)", inp=(3, 5)), "einsum", "error")
    _add("einsum/output_mismatch_error", seq(f"{E}('abc,cd->abd', (3, 4))", inp=(5, 3)), "einsum", "error")
    _add("einsum/output_letter_error", seq(f"{E}('ab,bc->ad', 4)", inp=(3,)), "einsum", "error")
    _add("einsum/weight_letter_error", seq(f"{E}('ab,bcd->ac', 4)", inp=(3,)), "einsum", "error")
    _add("einsum/bias_axes_error", seq(f"{E}('ab,bc->ac', 4, bias_axes='x')", inp=(3,)), "einsum", "error")
    _add("einsum/input_rank_error", seq(f"{E}('abc,cd->abd', (None, 4))", inp=(3,)), "einsum", "error")
    _add("einsum/none_kernel_error", seq(f"{E}('ab,bc->ac', 4)", inp=(None,)), "einsum", "error")
    _add("einsum/none_bias_error", seq(f"{E}('abc,cd->abd', (None, 4), bias_axes='bd')", inp=(5, 3)),
         "einsum", "error")
    _add("einsum/int8_ellipsis_error", seq(f"{E}('...c,cd->...d', 7, dtype='int8_from_float32')",
                                           inp=(5, 16)), "einsum", "error", "keras3_only")
    _add("einsum/lora_constraint_error", seq(f"{E}('ab,bc->ac', 4, lora_rank=2, "
                                             "kernel_constraint='non_neg')", inp=(3,)),
         "einsum", "error", "keras3_only")
    _add("einsum/output_shape_none_error", seq(f"{E}('ab,bc->ac', None)", inp=(3,)), "einsum", "error")
    _add("einsum/equation_int_error", seq(f"{E}(3, 4)", inp=(3,)), "einsum", "error")
    _add("einsum/activation_error", seq(f"{E}('ab,bc->ac', 4, activation='nope')", inp=(3,)),
         "einsum", "error")


# ---------------------------------------------------------------------------
# ReversibleEmbedding (Keras 3 only)
# ---------------------------------------------------------------------------
def _reversible():
    R = "layers.ReversibleEmbedding"
    _add("revemb/sequential", seq(f"{R}(100, 16)", "layers.Dense(4)", inp=(12,)), "revemb")
    _add("revemb/tied", fn({"tokens": ((12,), "int32")},
                           f"emb = {R}(100, 16)\nh = emb(tokens)\nh = layers.Dense(16)(h)\n"
                           "logits = emb(h, reverse=True)", "logits"), "revemb", "shared")
    _add("revemb/untied", fn({"tokens": ((12,), "int32")},
                             f"emb = {R}(100, 16, tie_weights=False)\nh = emb(tokens)\n"
                             "logits = emb(h, reverse=True)", "logits"), "revemb", "shared")
    _add("revemb/soft_cap", fn({"h": (12, 16)},
                               f"emb = {R}(100, 16, logit_soft_cap=30.0, reverse_dtype='float32')\n"
                               "logits = emb(h, reverse=True)", "logits"), "revemb")
    _add("revemb/reverse_only_rank2", fn({"h": (16,)}, f"logits = {R}(50, 16)(h, reverse=True)",
                                         "logits"), "revemb")
    _add("revemb/lora", seq(f"{R}(100, 16, lora_rank=4)", inp=(12,)), "revemb", "lora")
    _add("revemb/mask_zero", seq(f"{R}(100, 16, mask_zero=True)", "layers.GlobalAveragePooling1D()",
                                 inp=(12,)), "revemb", "mask")
    _add("revemb/int8_untied", seq(f"{R}(100, 16, tie_weights=False, dtype='int8_from_float32')",
                                   inp=(12,)), "revemb", "quantized", "dtype")
    _add("revemb/int4_untied_odd", seq(f"{R}(100, 15, tie_weights=False, dtype='int4_from_float32')",
                                       inp=(12,)), "revemb", "quantized", "dtype")
    _add("revemb/int8_lora", seq(f"{R}(100, 16, lora_rank=2, dtype='int8_from_float32')", inp=(12,)),
         "revemb", "quantized", "lora", "dtype")
    _add("revemb/lora_untied_error", seq(f"{R}(100, 16, tie_weights=False, lora_rank=4)", inp=(12,)),
         "revemb", "error")
    _add("revemb/input_dim_error", seq(f"{R}(0, 16)", inp=(12,)), "revemb", "error")


# ---------------------------------------------------------------------------
# Transformer blocks
# ---------------------------------------------------------------------------
_ENCODER = """
attn = layers.MultiHeadAttention(num_heads=4, key_dim=16, dropout=0.1)(x, x)
attn = layers.Dropout(0.1, name='attn_dropout')(attn)
x1 = layers.LayerNormalization(epsilon=1e-6)(layers.Add()([x, attn]))
ff = layers.Dense(128, activation='relu')(x1)
ff = layers.Dense(64)(ff)
ff = layers.Dropout(0.1, name='ff_dropout')(ff)
y = layers.LayerNormalization(epsilon=1e-6)(layers.Add()([x1, ff]))
"""

_DECODER = """
self_attn = layers.MultiHeadAttention(4, 16, name='self_attention')(t, t, use_causal_mask=True)
t1 = layers.LayerNormalization(name='ln_1')(layers.Add(name='res_1')([t, self_attn]))
cross, scores = layers.MultiHeadAttention(4, 16, name='cross_attention')(
    t1, enc, return_attention_scores=True)
t2 = layers.LayerNormalization(name='ln_2')(layers.Add(name='res_2')([t1, cross]))
ff = layers.Dense(256, activation='gelu', name='ff_1')(t2)
ff = layers.Dense(64, name='ff_2')(ff)
y = layers.LayerNormalization(name='ln_3')(layers.Add(name='res_3')([t2, ff]))
"""


def _pending_masks():
    _add_pending("dot/embedding_masks", fn(
        {"qt": ((7,), "int32"), "vt": ((9,), "int32")},
        "emb = layers.Embedding(50, 8, mask_zero=True)\n"
        "y = layers.Attention()([emb(qt), emb(vt)])\ny = layers.GlobalAveragePooling1D()(y)", "y"),
        "dot", "mask", "shared")
    _add_pending("transformer/text_classifier", fn(
        {"tokens": ((32,), "int32"), "positions": ((32,), "int32")},
        "tok = layers.Embedding(1000, 64, mask_zero=True)(tokens)\n"
        "pos = layers.Embedding(32, 64)(positions)\n"
        "x = layers.Add()([tok, pos])\n" + _ENCODER.strip("\n") + "\n"
        "y = layers.GlobalAveragePooling1D()(y)\ny = layers.Dense(2, activation='softmax')(y)", "y"),
        "transformer", "mask")


def _transformer():
    _add("transformer/encoder_block", fn({"x": (16, 64)}, _ENCODER, "y"), "transformer")
    _add("transformer/decoder_block", fn({"t": (10, 64), "enc": (16, 64)}, _DECODER, "[y, scores]"),
         "transformer", "causal", "scores")
    _add("transformer/decoder_block_self_scores", fn(
        {"t": (10, 64), "enc": (10, 64)}, _DECODER, "[y, scores]"), "transformer", "scores")
    _add("transformer/two_blocks", """
inp = keras.Input(shape=(16, 64), name='x')
x = inp
for i in range(2):
    a = layers.MultiHeadAttention(2, 32, name=f'mha_{i}')(x, x)
    x = layers.LayerNormalization(name=f'ln_a{i}')(layers.Add(name=f'add_a{i}')([x, a]))
    f = layers.Dense(64, activation='relu', name=f'ff_{i}')(x)
    x = layers.LayerNormalization(name=f'ln_f{i}')(layers.Add(name=f'add_f{i}')([x, f]))
model = keras.Model(inp, x)
""", "transformer")
    _add("transformer/vit_like", fn(
        {"image": (32, 32, 3)},
        "p = layers.Conv2D(48, 8, strides=8, name='patches')(image)\n"
        "p = layers.Reshape((16, 48))(p)\n"
        "a = layers.MultiHeadAttention(3, 16, name='attn')(p, p)\n"
        "x = layers.LayerNormalization()(layers.Add()([p, a]))\n"
        "x = layers.GlobalAveragePooling1D()(x)\ny = layers.Dense(10)(x)", "y"), "transformer")
    _add("transformer/einsum_ffn", fn(
        {"x": (None, 64)},
        "a = layers.MultiHeadAttention(4, 16)(x, x)\n"
        "x1 = layers.Add()([x, a])\n"
        "h = layers.EinsumDense('abc,cd->abd', output_shape=(None, 256), bias_axes='d', "
        "activation='relu')(x1)\n"
        "h = layers.EinsumDense('abc,cd->abd', output_shape=(None, 64), bias_axes='d')(h)\n"
        "y = layers.Add()([x1, h])", "y"), "transformer", "einsum")
    _add("transformer/gqa_block", fn(
        {"x": (16, 64)},
        "a = layers.GroupQueryAttention(16, 8, 2)(x, x, use_causal_mask=True)\n"
        "x1 = layers.LayerNormalization(rms_scaling=True)(layers.Add()([x, a]))\n"
        "y = layers.Dense(64)(x1)", "y"), "transformer", "gqa")
    _add("transformer/nested_encoder", """
x = keras.Input(shape=(16, 64), name='x')
""" + _ENCODER.strip("\n") + """
encoder = keras.Model(x, y, name='encoder')
inp = keras.Input(shape=(16, 64), name='inp')
h = encoder(inp)
out = layers.Dense(8, name='head')(h)
model = keras.Model(inp, out, name='classifier')
""", "transformer", "nested")
    _add("transformer/seq2seq_tied_logits", fn(
        {"src": ((12,), "int32"), "tgt": ((10,), "int32")},
        "emb = layers.ReversibleEmbedding(500, 32, name='shared_embedding')\n"
        "enc = emb(src)\n"
        "enc = layers.MultiHeadAttention(2, 16, name='enc_attn')(enc, enc)\n"
        "dec = emb(tgt)\n"
        "d = layers.MultiHeadAttention(2, 16, name='dec_self')(dec, dec, use_causal_mask=True)\n"
        "d = layers.MultiHeadAttention(2, 16, name='dec_cross')(d, enc)\n"
        "logits = emb(d, reverse=True)", "logits"), "transformer", "shared", "revemb")


_mha()
_gqa()
_dense_attention()
_einsum()
_reversible()
_transformer()
_pending_masks()


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["--tfkeras-only-args"]:
        ids = [c["id"] for c in CASES if c["id"] not in TFKERAS_PENDING]
        # --only matches prefixes: no kept id may be a prefix of a left-out one.
        assert not any(p.startswith(i) for p in TFKERAS_PENDING for i in ids)
        print(" ".join(f"--only {i}" for i in ids))
