"""Layer arguments given as NumPy integers, as scripts compute them (``np.array([1, 1]) * 2``).

Keras's ``standardize_tuple`` takes a tuple whose elements ``int()`` accepts, and refuses a
bare NumPy integer where a tuple or a Python int is expected (it is not an ``int`` and cannot
be iterated).  tests/corpus's mnist_swwae checks the numbers against Keras.
"""
import numpy as np
import pytest

import paramscope.keras as keras
from paramscope.errors import LayerError


def test_a_tuple_of_numpy_integers_is_taken_as_ints():
    sizes = np.array([1, 1]) * 2
    pooled = keras.layers.MaxPooling2D(pool_size=(sizes[0], sizes[1]))
    plain = keras.layers.MaxPooling2D(pool_size=(2, 2))
    assert pooled.pool_size == plain.pool_size
    assert all(type(v) is int for v in pooled.pool_size)
    x = keras.Input((8, 8, 3))
    assert pooled(x).shape == plain(x).shape


def test_a_bare_numpy_integer_is_refused_as_keras_refuses_it():
    with pytest.raises(LayerError, match="pool_size"):
        keras.layers.MaxPooling2D(pool_size=np.int64(2))
