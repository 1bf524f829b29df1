"""EinsumDense and ReversibleEmbedding against real Keras 3.15.

``CASES``: tests/golden/layer_tables/keras3.json.gz, recorded by tools/make_layer_tables.py
in real Keras 3.15.1 (``KERAS_BACKEND=jax``) for the rows of tools/cases/layer_tables.py::

    layer = keras.layers.EinsumDense(equation, output_shape=output_shape, bias_axes=bias_axes,
                                     **kwargs)
    y = layer(keras.Input(tuple(shape)))
    row = [equation, output_shape, bias_axes, shape, kwargs, list(y.shape), y.dtype,
           [[w.name, list(w.shape), str(w.dtype), w.trainable] for w in layer.weights],
           None]  # or the exception's class name when Keras raised
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope import shapes
from paramscope.errors import LayerError, ParamscopeError, ShapeError
from paramscope.layers import einsum, registry
from paramscope.summary import summarize
from keras_table import recorded_table

CASES = recorded_table("einsum")


@pytest.mark.parametrize("row", CASES, ids=[f"{r[0]}-{i}" for i, r in enumerate(CASES)])
def test_einsum_dense_like_keras(row):
    equation, output_shape, bias_axes, shape, kwargs, out, dtype, weights, error = row
    inp = keras.Input(tuple(shape))
    if error:
        with pytest.raises(ParamscopeError) as info:
            layer = keras.layers.EinsumDense(equation, output_shape=output_shape,
                                             bias_axes=bias_axes, **kwargs)
            layer(inp)
        assert "EinsumDense" in str(info.value)
        return
    layer = keras.layers.EinsumDense(equation, output_shape=output_shape, bias_axes=bias_axes,
                                     **kwargs)
    y = layer(inp)
    assert list(y.shape) == out
    assert y.dtype == dtype
    assert [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights] == weights


def test_registry():
    assert registry()["EinsumDense"] is einsum.EinsumDense
    assert registry()["ReversibleEmbedding"] is einsum.ReversibleEmbedding


def test_explain_with_thousands_separators():
    x = keras.Input((10, 64))
    layer = keras.layers.EinsumDense("abc,cde->abde", output_shape=(None, 4, 16), bias_axes="de")
    layer(x)
    assert all_words(layer.explain()) == ["einsum_dense: kernel 64x4x16 = 4,096 + bias 4x16 = 64 = 4,160"]
    nobias = keras.layers.EinsumDense("abc,cd->abd", output_shape=(None, 8))
    nobias(x)
    assert all_words(nobias.explain()) == ["einsum_dense_1: kernel 64x8 = 512"]
    assert all_words(nobias.explain_output()) == ["abc,cd->abd: (None, 10, 64) -> (None, None, 8)"]


def test_explain_lora_and_quantized():
    x = keras.Input((5, 16))
    lora = keras.layers.EinsumDense("abc,cde->abde", (None, 4, 8), bias_axes="de", lora_rank=3)
    lora(x)
    text = all_words(lora.explain())
    assert text[0] == "einsum_dense: kernel 16x4x8 = 512 + bias 4x8 = 32 = 544"
    assert "LoRA rank 3" in text[1] and "= 216 trainable" in text[1]
    q = keras.layers.EinsumDense("abc,cd->abd", (None, 7), dtype="int8_from_float32")
    q(x)
    assert all_words(q.explain()) == ["einsum_dense_1: int8 quantized: kernel 16x7 (int8) = 112 + "
                           "kernel_scale 1x1x7 (float32) = 7 = 119"]


@pytest.mark.parametrize("equation,output_shape,shape,needle", [
    ("ab,bc", 4, (3,), "equations must have the form"),
    ("abc,cd->abd", 4, (3, 5), "needs 2 entries, e.g. output_shape=(None, 4)"),
    ("abc,cd->abd", (None, 4), (3,), "describes the input as 'abc' (rank 3), but the input has rank 2"),
    ("ab,bc->ad", 4, (3,), "dimension 'd' of the output spec 'ad'"),
    ("ab,bcd->ac", 4, (3,), "weight dimension 'd'"),
    ("ab,bc->ac", 4, (None,), "kernel shape would be (None, 4), with an unknown (None) size"),
])
def test_errors_name_layer_shapes_and_fix(equation, output_shape, shape, needle):
    layer = keras.layers.EinsumDense(equation, output_shape=output_shape, name="proj")
    with pytest.raises(LayerError) as info:
        layer(keras.Input(shape))
    text = str(info.value)
    assert "'proj' (EinsumDense)" in text
    assert needle in text
    assert str((None,) + tuple(shape)) in text


def test_bad_arguments():
    with pytest.raises(LayerError, match="output_shape"):
        keras.layers.EinsumDense("ab,bc->ac", None)
    with pytest.raises(LayerError, match="bias_axes"):
        keras.layers.EinsumDense("ab,bc->ac", 4, bias_axes=3)
    with pytest.raises(LayerError, match="activation"):
        keras.layers.EinsumDense("ab,bc->ac", 4, activation="nope")
    with pytest.raises(LayerError, match="must be a string"):
        keras.layers.EinsumDense(3, 4)(keras.Input((3,)))
    with pytest.raises(LayerError, match="incompatible with kernel constraints"):
        keras.layers.EinsumDense("ab,bc->ac", 4, lora_rank=2, kernel_constraint="non_neg")(
            keras.Input((3,)))
    with pytest.raises(LayerError, match="cannot quantize an EinsumDense whose equation uses"):
        keras.layers.EinsumDense("...c,cd->...d", 7, dtype="int8_from_float32")(
            keras.Input((5, 16)))


def test_enable_lora_after_build_and_summary_split():
    layer = keras.layers.EinsumDense("ab,bc->ac", 16, bias_axes="c")
    with pytest.raises(LayerError, match="isn't yet built"):
        layer.enable_lora(2)
    model = keras.Sequential([keras.Input((32,)), layer])
    layer.enable_lora(4)
    with pytest.raises(LayerError, match="already enabled"):
        layer.enable_lora(4)
    s = summarize(model)
    assert (s.trainable_params, s.non_trainable_params) == (16 + 32 * 4 + 4 * 16, 32 * 16)


def test_sequence_output_is_not_filled_in():
    # Keras 3 keeps None where output_shape says None, even when the input knows the size.
    y = keras.layers.EinsumDense("abc,cd->abd", (None, 64), bias_axes="d")(keras.Input((10, 32)))
    assert y.shape == (None, None, 64)
    # ...and its left-ellipsis rule reverses the elided dimensions.
    y = keras.layers.EinsumDense("...b,bc->...c", 4)(keras.Input((2, 5, 3)))
    assert y.shape == (None, 5, 2, 4)


def test_config_round_trip_and_quantized_policy_config():
    layer = keras.layers.EinsumDense("abc,cd->abd", (None, 8), bias_axes="d", lora_rank=2)
    again = keras.layers.EinsumDense.from_config(layer.get_config())
    assert again.equation == "abc,cd->abd" and again.partial_output_shape == (None, 8)
    assert again.lora_rank == 2
    config = {"equation": "ab,bc->ac", "output_shape": [4], "name": "q",
              "dtype": {"module": "keras", "class_name": "QuantizedDTypePolicy",
                        "config": {"mode": "int8", "source_name": "float32"}}}
    q = keras.layers.EinsumDense.from_config(config)
    q(keras.Input((3,)))
    assert [(w.name, w.dtype) for w in q.weights] == [("kernel", "int8"), ("kernel_scale", "float32")]


def test_shapes_helpers():
    assert shapes.einsum_int8_scale_shape("abc,dc->abd", (8, 3)) == (1, 1, 8)
    assert shapes.einsum_kernel_reduced_axes("abcd,cde->abe") == (0, 1)
    with pytest.raises(ShapeError, match="invalid einsum equation"):
        shapes.analyze_einsum_string("a...,bc->ac...", "c", (None, 3, 5, 6), (4,))


# -- ReversibleEmbedding ---------------------------------------------------------------

# Keras 3.15: [kwargs, input shape, reverse, output shape, weights, exception]
REVERSIBLE = recorded_table("reversible_embedding")


@pytest.mark.parametrize("row", REVERSIBLE, ids=[str(i) for i in range(len(REVERSIBLE))])
def test_reversible_embedding_like_keras(row):
    kwargs, shape, reverse, out, weights, error = row
    layer = keras.layers.ReversibleEmbedding(**kwargs)
    if error:
        with pytest.raises(LayerError, match="tie_weights=False"):
            layer(keras.Input(tuple(shape)), reverse=reverse)
        return
    y = layer(keras.Input(tuple(shape)), reverse=reverse)
    assert list(y.shape) == out
    assert [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights] == weights


def test_reversible_embedding_tied_model_and_explain():
    tokens = keras.Input((12,), dtype="int32", name="tokens")
    emb = keras.layers.ReversibleEmbedding(100, 16)
    h = keras.layers.Dense(16)(emb(tokens))
    logits = emb(h, reverse=True)
    s = summarize(keras.Model(tokens, logits))
    row = next(r for r in s.layers if r.name == "reversible_embedding")
    assert row.params == 1600 and row.output_shape == (None, 12, 100)
    assert s.total_params == 1600 + 16 * 16 + 16
    assert any("tied" in line for line in all_words(row.explain))
    untied = keras.layers.ReversibleEmbedding(100, 16, tie_weights=False)
    untied(keras.Input((3,)))
    assert "untied reverse_embeddings 16 x 100 = 1,600; total 3,200" in all_words(untied.explain())[-1]
