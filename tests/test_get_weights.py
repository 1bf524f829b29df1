"""model.get_weights(): arrays of the right shapes (NumPy), or a clear message without it."""

import sys

import pytest

import paramscope.keras as keras
from paramscope.errors import MissingDependencyError, NeedsComputationError
from paramscope.keras import layers


def seed000():
    return keras.Sequential([layers.Dense(3, input_shape=(2,), activation="relu"),
                             layers.Dense(2, activation="softmax")])


def test_shapes_dtypes_and_default_initialisers():
    np = pytest.importorskip("numpy")
    arrays = seed000().get_weights()
    assert [a.shape for a in arrays] == [(2, 3), (3,), (3, 2), (2,)]
    assert all(a.dtype == np.float32 for a in arrays)
    assert not arrays[1].any() and not arrays[3].any()       # biases start at zero
    assert arrays[0].any() and abs(arrays[0]).max() <= (6 / 5) ** 0.5  # Glorot uniform limit
    bn = keras.Sequential([keras.Input((4,)), layers.BatchNormalization()]).get_weights()
    assert [a.tolist() for a in bn] == [[1.0] * 4, [0.0] * 4, [0.0] * 4, [1.0] * 4]


def test_without_numpy_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(MissingDependencyError) as info:
        seed000().get_weights()
    assert "pip install numpy" in str(info.value)


def test_training_needs_keras():
    model = seed000()
    model.compile(optimizer="adam", loss="mse")
    for call in (lambda: model.fit([[1, 2]], [[1, 0]]), lambda: model.predict([[1, 2]])):
        with pytest.raises(NeedsComputationError) as info:
            call()
        assert "needs real computation" in str(info.value)
