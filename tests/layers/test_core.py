"""Core layers: Dense/Embedding errors and explanations."""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.keras import layers
from paramscope.summary import summarize


def error_of(build):
    with pytest.raises(LayerError) as info:
        build()
    return str(info.value)


def test_dense_unknown_last_dimension():
    message = error_of(lambda: keras.Sequential([keras.Input((None,)), layers.Dense(4)]))
    assert "'dense' (Dense)" in message and "(None, None)" in message
    assert "last dimension is unknown" in message and "Input" in message


def test_dense_on_a_list():
    message = error_of(lambda: layers.Dense(2)([keras.Input((3,))]))
    assert "takes one tensor" in message and "[(None, 3)]" in message


def test_dense_unknown_keyword_names_layer_and_argument():
    message = error_of(lambda: layers.Dense(5, padding="same", name="hidden"))
    assert "Dense 'hidden'" in message and "padding='same'" in message


def test_dense_bad_units():
    for units in (0, -3, 2.5, "8"):
        assert "units" in error_of(lambda: layers.Dense(units))


def test_explain_is_the_tutorial_arithmetic():
    model = keras.Sequential([keras.Input((1200,)), layers.Dense(2, name="dense_2"),
                              layers.Dense(3, use_bias=False), layers.Embedding(10, 4)])
    rows = summarize(model).layers
    assert all_words(rows[0].explain) == ["dense_2: 1,200 inputs x 2 units + 2 biases = 2,402"]
    assert all_words(rows[1].explain) == ["dense: 2 inputs x 3 units (no bias) = 6"]
    assert all_words(rows[2].explain) == ["embedding: 10 tokens (input_dim) x 4 dimensions (output_dim) = 40"]
