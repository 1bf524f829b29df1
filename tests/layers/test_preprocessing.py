"""Rescaling against real Keras 3.15.

``CASES`` were recorded from real Keras 3.15.1 (``KERAS_BACKEND=jax``), one per row::

    layer = getattr(keras.layers, cls)(**kwargs)
    built_at_init = layer.built
    y = layer(keras.Input(tuple(shape), dtype=dtype))
    row = [cls, kwargs, shape, dtype, built_at_init, list(y.shape), y.dtype,
           [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights],
           None]  # or the exception's class name when Keras raised
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
 ["Rescaling", {"scale": [1.0, 2.0, 3.0]}, [4, 5, 3], null, false, [null, 4, 5, 3], "float32", [], null]
]''')


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_keras(case):
    cls, kwargs, shape, dtype, built_at_init, out_shape, out_dtype, weights, error = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
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
