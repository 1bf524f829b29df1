"""Preprocessing layers against real Keras 3.15.

``CASES`` were recorded from real Keras 3.15.1 (``KERAS_BACKEND=jax``), one per row::

    layer = getattr(keras.layers, cls)(**kwargs)
    built_at_init = layer.built
    y = layer(keras.Input(tuple(shape), dtype=dtype))
    row = [cls, kwargs, shape, dtype, built_at_init, list(y.shape), y.dtype,
           [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights],
           None]  # or the exception's class name when Keras raised
                  # ("init:<class>" when the constructor raised)
"""

import json
import warnings

import pytest

import paramscope.keras as keras
from paramscope.errors import LayerError, ParamscopeError
from paramscope.summary import summarize

# [class, kwargs, input shape (no batch), input dtype, built at init, output shape,
#  output dtype, weights [name, shape, dtype, trainable], Keras exception or None]
CASES = json.loads(r'''[
 ["Rescaling", {"scale": 0.5, "offset": 1.0}, [4, 5], "int32", false, [null, 4, 5], "float32", [], null],
 ["Rescaling", {"scale": [1.0, 2.0, 3.0]}, [4, 5, 3], null, false, [null, 4, 5, 3], "float32", [], null],
 ["Normalization", {}, [4], null, false, [null, 4], "float32", [["mean", [4], "float32", false], ["variance", [4], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": [1, 2]}, [3, 4, 5], null, false, [null, 3, 4, 5], "float32", [["mean", [3, 4], "float32", false], ["variance", [3, 4], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": [-1, 1]}, [3, 4, 5], null, false, [null, 3, 4, 5], "float32", [["mean", [3, 5], "float32", false], ["variance", [3, 5], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": null}, [3, 4], "int32", false, [null, 3, 4], "float32", [["mean", [], "float32", false], ["variance", [], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"axis": 0}, [3], null, null, null, null, null, "ValueError"],
 ["Normalization", {"axis": 2}, [3], null, null, null, null, null, "ValueError"],
 ["Normalization", {}, [null], null, null, null, null, null, "ValueError"],
 ["Normalization", {"axis": 1}, [null, 3], null, null, null, null, null, "ValueError"],
 ["Normalization", {"mean": [1.0, 2.0, 3.0, 4.0], "variance": [1.0, 1.0, 1.0, 1.0]}, [4], null, false, [null, 4], "float32", [], null],
 ["Normalization", {"mean": 2.0, "variance": 1.0}, [4], null, false, [null, 4], "float32", [], null],
 ["Normalization", {"mean": [1.0, 2.0, 3.0], "variance": [1.0, 1.0, 1.0]}, [4], null, null, null, null, null, "ValueError"],
 ["Normalization", {"mean": [1.0, 2.0], "variance": [1.0, 1.0, 1.0]}, [4], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"mean": [[1.0, 2.0]], "variance": [[1.0, 1.0]]}, [4], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"mean": 1.0}, [4], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"invert": true, "dtype": "float16"}, [4], null, false, [null, 4], "float16", [["mean", [4], "float16", false], ["variance", [4], "float16", false], ["count", [], "int32", false]], null],
 ["Normalization", {"dtype": "mixed_float16"}, [2, 4], null, false, [null, 2, 4], "float16", [["mean", [4], "float32", false], ["variance", [4], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"dtype": "float64"}, [4], null, false, [null, 4], "float64", [["mean", [4], "float64", false], ["variance", [4], "float64", false], ["count", [], "int32", false]], null],
 ["Normalization", {}, [], null, null, null, null, null, "ValueError"],
 ["Normalization", {"axis": null}, [], null, false, [null], "float32", [["mean", [], "float32", false], ["variance", [], "float32", false], ["count", [], "int32", false]], null],
 ["Normalization", {"mean": [1.0, 2.0], "variance": [1.0, 1.0], "axis": [1, 2]}, [3, 2], null, false, [null, 3, 2], "float32", [], null],
 ["Normalization", {"mean": [[1.0, 2.0]], "variance": [[1.0, 1.0]], "axis": [1, 2]}, [3, 2], null, false, [null, 3, 2], "float32", [], null],
 ["Normalization", {"mean": [1.0, 2.0, 3.0], "variance": [1.0, 1.0, 1.0], "axis": [1, 2]}, [3, 2], null, null, null, null, null, "ValueError"],
 ["Normalization", {"mean": [1.0, 2.0, 3.0], "variance": [1.0, 1.0, 1.0], "axis": null}, [3], null, null, null, null, null, "init:ValueError"],
 ["Normalization", {"axis": [1, 1]}, [3, 2], null, null, null, null, null, "TypeError"],
 ["Normalization", {"axis": -1}, [3, 2], "string", false, [null, 3, 2], "float32", [["mean", [2], "float32", false], ["variance", [2], "float32", false], ["count", [], "int32", false]], null]

]''')


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    cls, kwargs, shape, dtype, built_at_init, out_shape, out_dtype, weights, error = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if error and error.startswith("init:"):
            with pytest.raises(LayerError) as info:
                getattr(keras.layers, cls)(**kwargs)
            assert cls in str(info.value)
            return
        layer = getattr(keras.layers, cls)(**kwargs)
        if error:
            with pytest.raises(ParamscopeError) as info:
                layer(keras.Input(tuple(shape), dtype=dtype))
            assert f"'{layer.name}' ({cls})" in str(info.value)
            return
        assert layer.built == built_at_init
        y = layer(keras.Input(tuple(shape), dtype=dtype))
    assert list(y.shape) == out_shape
    assert y.dtype == out_dtype
    assert [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights] == weights
    assert layer.count_params() == sum(w.size for w in layer.weights)


def _explain(*layers_, shape):
    model = keras.Sequential([keras.Input(shape), *layers_])
    return {row.name: row.explain + row.explain_output for row in summarize(model).layers}


def test_rescaling_arguments():
    layer = keras.layers.Rescaling(1.0 / 255)
    assert (layer.scale, layer.offset) == (1.0 / 255, 0.0)
    assert not layer.built  # Keras builds it on its first call
    # Keras: TypeError: Rescaling.__init__() missing 1 required positional argument: 'scale'
    with pytest.raises(LayerError, match=r"missing required argument `scale`.*Rescaling\(scale=...\)"):
        keras.layers.Rescaling()


def test_rescaling_explain():
    assert _explain(keras.layers.Rescaling(2.0, -1.0), shape=(4,)) == {
        "rescaling": ["rescaling: no weights = 0"]}


def test_normalization_explain_and_counts():
    L = keras.layers
    model = keras.Sequential([keras.Input((3, 4)), L.Normalization(),
                              L.Normalization(axis=(1, 2)), L.Normalization(axis=None),
                              L.Normalization(mean=0.5, variance=2.0)])
    summary = summarize(model)
    rows = {row.name: row for row in summary.layers}
    assert rows["normalization"].explain == [
        "normalization: mean 4 + variance 4 + count 1 = 9 (non-trainable, set by adapt())"]
    assert rows["normalization_1"].explain == [
        "normalization_1: mean 3x4 (12) + variance 3x4 (12) + count 1 = 25 (non-trainable, "
        "set by adapt())"]
    assert rows["normalization_2"].explain == [
        "normalization_2: mean 1 + variance 1 + count 1 = 3 (non-trainable, set by adapt())"]
    assert rows["normalization_3"].explain == [
        "normalization_3: no weights (mean and variance given as constants) = 0"]
    assert (summary.total_params, summary.trainable_params) == (37, 0)
    # float32 mean/variance (4 bytes each) and an int32 count (4 bytes)
    assert summary.non_trainable_bytes == 37 * 4


def test_normalization_messages():
    L = keras.layers
    with pytest.raises(LayerError, match=r"'normalization' \(Normalization\).*\(None, None\).*axis 1"):
        L.Normalization()(keras.Input((None,)))
    with pytest.raises(LayerError, match=r"Axis 0 is the batch"):
        L.Normalization(axis=0)(keras.Input((3,)))
    with pytest.raises(LayerError, match=r"mean`/`variance` of shape \(3,\).*\(4,\)"):
        L.Normalization(mean=[1.0, 2.0, 3.0], variance=[1.0, 1.0, 1.0])(keras.Input((4,)))
    with pytest.raises(LayerError, match="both `mean` and `variance` must be set"):
        L.Normalization(mean=1.0)
