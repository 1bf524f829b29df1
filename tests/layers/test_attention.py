"""Attention layers (MultiHeadAttention, GroupQueryAttention, Attention, AdditiveAttention)
against real Keras 3.15.

``CASES``: tests/golden/layer_tables/keras3.json.gz, recorded by tools/make_layer_tables.py
in real Keras 3.15.1 (``KERAS_BACKEND=jax``) for the rows of tools/cases/layer_tables.py::

    layer = getattr(keras.layers, cls)(**kwargs)
    inputs = [keras.Input(tuple(s)) for s in shapes]
    y = layer(inputs, **call_kwargs)   # how={"list": True}; tuple(inputs) for {"tuple": True};
                                       # layer(*inputs, **call_kwargs) otherwise
    row = [cls, kwargs, shapes, how, call_kwargs, [list(t.shape) for t in outputs],
           [[w.path minus the layer's name, list(w.shape), str(w.dtype), w.trainable]
            for w in layer.weights], [l.name for l in layer._layers],
           None]  # or the exception's class name when Keras raised
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope import naming
from paramscope.errors import LayerError, ParamscopeError
from paramscope.layers import attention, registry
from paramscope.report import explain
from paramscope.summary import summarize
from keras_table import recorded_table

CASES = recorded_table("attention")


def _relative_path(layer, w):
    return w.name if w.layer is layer else f"{w.layer.name}/{w.name}"


@pytest.mark.parametrize("row", CASES, ids=[f"{r[0]}-{i}" for i, r in enumerate(CASES)])
def test_attention_like_keras(row):
    cls, kwargs, shapes, how, call_kwargs, outputs, weights, sublayers, error = row
    naming.clear_session()

    def run():
        layer = getattr(keras.layers, cls)(**kwargs)
        inputs = [keras.Input(tuple(s)) for s in shapes]
        if how.get("list"):
            return layer, layer(inputs, **call_kwargs)
        if how.get("tuple"):
            return layer, layer(tuple(inputs), **call_kwargs)
        return layer, layer(*inputs, **call_kwargs)

    if error:
        with pytest.raises(ParamscopeError) as info:
            run()
        assert cls in str(info.value) or "Grouped" in str(info.value)
        return
    layer, y = run()
    got = [list(t.shape) for t in y] if isinstance(y, (list, tuple)) else [list(y.shape)]
    assert got == outputs
    assert [[_relative_path(layer, w), list(w.shape), w.dtype, w.trainable]
            for w in layer.weights] == weights
    assert [l.name for l in layer._layers] == sublayers


def test_registry_and_alias():
    reg = registry()
    assert reg["GroupQueryAttention"] is reg["GroupedQueryAttention"] is attention.GroupedQueryAttention
    for name in ("MultiHeadAttention", "Attention", "AdditiveAttention"):
        assert reg[name] is getattr(attention, name)
    layer = keras.layers.GroupQueryAttention(8, 4, 2)
    assert layer.name == "grouped_query_attention"


def test_mha_explain_like_the_issue():
    x = keras.Input((128, 512))
    model = keras.Model(x, keras.layers.MultiHeadAttention(4, 64)(x, x))
    row = summarize(model).layers[1]
    assert row.params == 525_568
    assert all_words(row.explain) == [
        "multi_head_attention: query 4 heads x 64 x (512 + 1) = 131,328; key 4 heads x 64 x "
        "(512 + 1) = 131,328; value 4 heads x 64 x (512 + 1) = 131,328; output 4 heads x 64 x "
        "512 + 512 = 131,584; total 525,568"]
    assert "multi_head_attention: query 4 heads" in explain.render(summarize(model))


def test_mha_explain_variants():
    x = keras.Input((8, 16))
    mha = keras.layers.MultiHeadAttention(2, 8, value_dim=4, use_bias=False, output_shape=(3, 5),
                                          use_gate=True)
    mha(x, x)
    assert all_words(mha.explain()) == [
        "multi_head_attention: query 2 heads x 8 x 16 = 256; key 2 heads x 8 x 16 = 256; "
        "gate 2 heads x 4 x 16 = 128; value 2 heads x 4 x 16 = 128; output 2 heads x 4 x (3x5) "
        "= 120; total 888"]
    gqa = keras.layers.GroupQueryAttention(8, 4, 2)
    gqa(x, x)
    assert all_words(gqa.explain())[0].startswith(
        "grouped_query_attention: query 4 heads x 8 x (16 + 1) = 544; key 2 heads x 8 x (16 + 1) "
        "= 272;")
    q8 = keras.layers.MultiHeadAttention(2, 4, dtype="int8_from_float32")
    q8(x, x)
    assert "query bias 2x4 + kernel 16x2x4 (int8) + kernel_scale 1x1x2x4 = 144" in all_words(q8.explain())[0]


def test_attention_explain():
    q, v = keras.Input((3, 4)), keras.Input((5, 4))
    plain = keras.layers.Attention()
    plain([q, v])
    assert all_words(plain.explain()) == ["attention: no weights = 0 (dot scores, use_scale=False)"]
    both = keras.layers.Attention(use_scale=True, score_mode="concat")
    both([q, v])
    assert all_words(both.explain()) == ["attention_1: scale (1 scalar) + concat_score_weight (1 scalar) = 2"]
    add = keras.layers.AdditiveAttention()
    add([q, v])
    assert all_words(add.explain()) == ["additive_attention: scale, one per query feature = 4"]


def test_sublayers_take_auto_names_like_keras():
    x = keras.Input((8, 16))
    y = keras.layers.MultiHeadAttention(2, 8, dropout=0.1)(x, x)
    d = keras.layers.Dropout(0.1)
    s = keras.layers.Softmax()
    assert (d.name, s.name) == ("dropout_1", "softmax_1")


def test_mha_scores_shape_is_keras_tq_by_tq():
    q, v = keras.Input((6, 16)), keras.Input((10, 16))
    y, s = keras.layers.MultiHeadAttention(2, 8)(q, v, return_attention_scores=True)
    assert s.shape == (None, 2, 6, 6)  # Keras 3.15's compute_output_spec, not (…, 6, 10)
    y, s = keras.layers.GroupQueryAttention(8, 4, 2)(q, v, return_attention_scores=True)
    assert s.shape == (None, 4, 6, 10)


def test_mha_errors_name_layer_shapes_and_fix():
    x = keras.Input((8, 16))
    with pytest.raises(LayerError) as info:
        keras.layers.MultiHeadAttention(2, 8, name="attn")(x)
    assert "'attn' (MultiHeadAttention)" in str(info.value) and "missing `value`" in str(info.value)
    assert "Sequential" in str(info.value)
    with pytest.raises(LayerError, match="Sequential|value"):
        keras.Sequential([keras.Input((8, 16)), keras.layers.MultiHeadAttention(2, 8)])
    q, v, k = keras.Input((6, 16)), keras.Input((5, 16)), keras.Input((7, 16))
    with pytest.raises(LayerError) as info:
        keras.layers.MultiHeadAttention(2, 8)(q, v, k)
    assert "value_shape=(None, 5, 16) and key_shape=(None, 7, 16)" in str(info.value)
    with pytest.raises(LayerError) as info:
        keras.layers.MultiHeadAttention(2, 8, attention_axes=5)(keras.Input((4, 6, 16)),
                                                                keras.Input((4, 6, 16)))
    assert "attention axis 5 does not exist" in str(info.value)
    assert "(None, 4, 6, 16)" in str(info.value)
    with pytest.raises(LayerError) as info:
        keras.layers.MultiHeadAttention(2, 8)(keras.Input((8, None)), keras.Input((8, 16)))
    assert "'query' projection" in str(info.value) and "(None, 8, None)" in str(info.value)
    with pytest.raises(LayerError, match="unexpected call argument"):
        keras.layers.MultiHeadAttention(2, 8)(x, x, mask=None)
    with pytest.raises(LayerError, match="needs the shapes of both"):
        keras.layers.MultiHeadAttention(2, 8).build((None, 8, 16))


@pytest.mark.parametrize("kwargs,needle", [
    ({"num_heads": 0, "key_dim": 8}, "num_heads"),
    ({"num_heads": 2, "key_dim": 8.0}, "key_dim"),
    ({"num_heads": 2, "key_dim": 8, "value_dim": 0}, "value_dim"),
    ({"num_heads": 2, "key_dim": 8, "attention_axes": "x"}, "attention_axes"),
    ({"num_heads": 2, "key_dim": 8, "output_shape": "x"}, "output_shape"),
    ({"num_heads": 2, "key_dim": 8, "sliding_window": 0}, "sliding_window"),
    ({"num_heads": 2, "key_dim": 8, "dropout": 0.1, "flash_attention": True}, "flash attention"),
])
def test_mha_argument_errors(kwargs, needle):
    with pytest.raises(LayerError, match=needle):
        keras.layers.MultiHeadAttention(**kwargs)


def test_mha_dropout_rate_checked_at_build_like_keras():
    layer = keras.layers.MultiHeadAttention(2, 8, dropout=1.5)
    x = keras.Input((8, 16))
    with pytest.raises(LayerError, match="dropout"):
        layer(x, x)


def test_gqa_errors():
    with pytest.raises(LayerError, match="divisible"):
        keras.layers.GroupQueryAttention(8, 4, 3)
    q, v = keras.Input((6, 32)), keras.Input((10, 16))
    with pytest.raises(LayerError) as info:
        keras.layers.GroupQueryAttention(8, 4, 2)(q, v)
    assert "32 and 16" in str(info.value) and "query_shape=(None, 6, 32)" in str(info.value)


def test_attention_input_errors():
    q, v = keras.Input((3, 4)), keras.Input((5, 4))
    with pytest.raises(LayerError, match="list of inputs"):
        keras.layers.Attention()(q)
    with pytest.raises(LayerError, match=r"a tuple \[\(None, 3, 4\), \(None, 5, 4\)\]"):
        keras.layers.Attention()((q, v))
    with pytest.raises(LayerError, match="length 2 or 3"):
        keras.layers.Attention()([q, v, v, v])
    with pytest.raises(LayerError, match="score_mode"):
        keras.layers.Attention(score_mode="add")
    with pytest.raises(LayerError, match="list of inputs"):
        keras.Sequential([keras.Input((3, 4)), keras.layers.Attention()])
    with pytest.raises(LayerError, match="unknown \\(None\\)"):
        keras.layers.AdditiveAttention()([keras.Input((3, None)), v])


def test_attention_feature_mismatch_is_a_warning_not_an_error():
    # Keras 3 builds this (and reports the shapes); the dot product fails when the model runs.
    q, v = keras.Input((3, 4), name="q"), keras.Input((5, 6), name="v")
    y = keras.layers.Attention()([q, v])
    assert y.shape == (None, 3, 6)
    s = summarize(keras.Model([q, v], y))
    assert len(s.warnings) == 1
    assert "query . key needs equal feature sizes" in s.warnings[0]
    assert "query (None, 3, 4), value (None, 5, 6)" in s.warnings[0]


def test_transformer_block_counts():
    x = keras.Input((16, 64), name="x")
    a = keras.layers.MultiHeadAttention(4, 16)(x, x)
    x1 = keras.layers.LayerNormalization()(keras.layers.Add()([x, a]))
    f = keras.layers.Dense(128, activation="relu")(x1)
    f = keras.layers.Dense(64)(f)
    y = keras.layers.LayerNormalization()(keras.layers.Add()([x1, f]))
    s = summarize(keras.Model(x, y))
    assert s.total_params == (3 * (64 * 64 + 64) + 64 * 64 + 64) + 128 + (64 * 128 + 128) \
        + (128 * 64 + 64) + 128


def test_tf_keras_config_builds_from_recorded_shapes():
    config = {"num_heads": 2, "key_dim": 4, "name": "mha", "query_shape": [None, 3, 16],
              "key_shape": [None, 5, 8], "value_shape": [None, 5, 8],
              "softmax_robust_masking": False}
    layer = keras.layers.MultiHeadAttention.from_config(config)
    assert layer.built and layer.count_params() == (16 * 8 + 8) + 2 * (8 * 8 + 8) + (8 * 16 + 16)
    layer.build_from_shape((None, 3, 16))  # a tf-keras build_config: only the query's shape
    other = keras.layers.MultiHeadAttention(2, 4)
    other.build_from_shape((None, 3, 16))
    assert not other.built


def test_weight_paths_like_keras_in_functional_models(golden_builds):
    """Sublayer weights carry their owner's name scope (``mha_0/query/kernel``), as in Keras.
    (Sequential models add the model's own scope: tests/test_golden_keras3.py checks every
    case's paths.)"""
    from conftest import load_golden
    cases = [c for c in load_golden("keras3", "attention.json.gz")["cases"]
             if not c["error"] and c["model"]["class_name"] == "Functional"]
    assert len(cases) > 50
    for case in cases:
        summary = golden_builds.summary(case)
        for row, exp in zip(summary.layers, case["model"]["layers"]):
            assert [w.path for w in row.weights] == [w["path"] for w in exp["weights"]], case["id"]
