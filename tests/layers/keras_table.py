"""Shared by the layer tests: the layer tables real Keras recorded, check one recorded row, a
layer family's registration, the message of a LayerError, and collect explanations."""

import warnings

import pytest

import paramscope.keras as keras
from paramscope.errors import LayerError, ParamscopeError
from paramscope.layers import registry
from paramscope.summary import summarize

from conftest import load_golden


def recorded_table(name):
    """The rows of one layer table (tools/cases/layer_tables.py) with what real Keras 3.15.1
    recorded for them: tests/golden/layer_tables/keras3.json.gz, tools/make_layer_tables.py."""
    return load_golden("layer_tables", "keras3.json.gz")["tables"][name]


def check_like_keras(case):
    """``[class, kwargs, input shape, dtype, built at init, output shape, output dtype,
    [[weight name, shape, dtype, trainable], ...], error]`` recorded from real Keras."""
    cls, kwargs, shape, dtype, built_at_init, out_shape, out_dtype, weights, error = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if error and error.startswith("init:"):  # Keras raised in the constructor
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


def explain_of(*layers_, shape):
    """``{layer name: explain + explain_output lines}`` for a Sequential on ``shape``."""
    model = keras.Sequential([keras.Input(shape), *layers_])
    from paramscope.report.explain_words import all_words
    return {row.name: all_words(row.explain + row.explain_output)
            for row in summarize(model).layers}


def check_registered(module, keras_names):
    """A family module defines exactly the names Keras has (as recorded), each registered."""
    assert sorted(module.__all__) == keras_names
    for name in keras_names:
        assert registry()[name] is getattr(module, name)


def error_of(fn):
    """The message of the LayerError ``fn()`` raises."""
    with pytest.raises(LayerError) as info:
        fn()
    return str(info.value)
