"""Merge layers against shapes recorded from real Keras 3.15 (``keras.Input(batch_shape=...)``;
tests/golden/layer_tables/keras3.json.gz, tools/make_layer_tables.py)."""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import ParamscopeError
from paramscope.layers import merging
from paramscope.summary import summarize
from keras_table import recorded_table

# [class, kwargs, input batch shapes, Keras 3.15 output shape or None, Keras exception or None]
CASES = recorded_table("merging")


@pytest.mark.parametrize("cls,kwargs,shapes,expected,error", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_merge_shapes_like_keras(cls, kwargs, shapes, expected, error):
    inputs = [keras.Input(batch_shape=tuple(s)) for s in shapes]
    layer = getattr(keras.layers, cls)(**kwargs)
    if error:
        with pytest.raises(ParamscopeError) as info:
            layer(inputs)
        assert layer.name in str(info.value)
        return
    y = layer(inputs)
    assert list(y.shape) == expected
    assert layer.count_params() == 0


def test_registry_has_merge_layers():
    from paramscope.layers import registry
    for name in merging.__all__:
        assert registry()[name] is getattr(merging, name)


def test_merge_needs_a_list():
    x = keras.Input((3,))
    with pytest.raises(ParamscopeError, match="list of inputs"):
        keras.layers.Add()(x)
    with pytest.raises(ParamscopeError, match="list"):
        keras.layers.Concatenate()(x)


def test_dot_axes_validation():
    with pytest.raises(ParamscopeError, match="two elements"):
        keras.layers.Dot(axes=(1, 2, 3))
    with pytest.raises(ParamscopeError, match="list or an int"):
        keras.layers.Dot(axes="x")


def test_functional_forms_and_summary_connections():
    a = keras.Input((4,), name="a")
    b = keras.Input((4,), name="b")
    s = merging.add([a, b])
    c = merging.concatenate([s, b], axis=-1)
    d = merging.dot([c, c], axes=1)
    model = keras.Model([a, b], d)
    summary = summarize(model)
    rows = {r.name: r for r in summary.layers}
    assert rows["add"].output_shape == (None, 4)
    assert rows["concatenate"].output_shape == (None, 8)
    assert rows["dot"].output_shape == (None, 1)
    assert rows["add"].inbound == [("a", 0, 0), ("b", 0, 0)]
    assert not summary.sequential_like
    assert summary.total_params == 0
    assert any("4 + 4 = 8" in line for line in all_words(rows["concatenate"].explain_output))


def test_config_round_trip():
    layer = keras.layers.Concatenate(axis=1, name="cat")
    config = layer.get_config()
    assert config["axis"] == 1
    again = keras.layers.Concatenate.from_config(config)
    assert again.axis == 1 and again.name == "cat"
    dot = keras.layers.Dot(axes=[1, 2], normalize=True)
    assert keras.layers.Dot.from_config(dot.get_config()).axes == [1, 2]
