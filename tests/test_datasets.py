"""keras.datasets known by their shapes: the classic example scripts load, reshape, rescale
and one-hot encode their data before building the model; those steps follow the data's
shapes (nothing is downloaded), and whatever needs the values says so."""

import os

import pytest

import paramscope.keras as keras
from paramscope import cli
from paramscope.errors import NeedsComputationError
from paramscope.keras._data import DATASETS, ShapedArray
from paramscope.keras.unknown import is_unknown

HERE = os.path.dirname(os.path.abspath(__file__))


def test_load_data_shapes_and_dtypes():
    (x, y), (xt, yt) = keras.datasets.mnist.load_data()
    assert (x.shape, x.dtype, y.shape, xt.shape, yt.shape) == \
        ((60000, 28, 28), "uint8", (60000,), (10000, 28, 28), (10000,))
    (x, y), _ = keras.datasets.cifar10.load_data()
    assert (x.shape, y.shape) == ((50000, 32, 32, 3), (50000, 1))
    (x, y), (xt, yt) = keras.datasets.boston_housing.load_data(test_split=0.25)
    assert (x.shape, xt.shape) == ((379, 13), (127, 13))  # int(506 * 0.75) training samples
    (x, _), (xt, _) = keras.datasets.california_housing.load_data(version="small")
    assert (x.shape, xt.shape) == ((480, 8), (120, 8))
    assert set(DATASETS) == set(keras.datasets.__all__)


def test_numpy_style_steps():
    (x, y), _ = keras.datasets.mnist.load_data()
    x = x.reshape(x.shape[0], 28, 28, 1).astype("float32")
    x /= 255
    assert (x.shape, x.dtype, len(x), x.ndim) == ((60000, 28, 28, 1), "float32", 60000, 4)
    assert x.reshape(-1, 784).shape == (60000, 784)
    assert x[:1000].shape == (1000, 28, 28, 1) and x[0].shape == (28, 28, 1)
    assert (x - 0.5).shape == x.shape and (x * x).dtype == "float32"
    assert keras.utils.to_categorical(y, 10).shape == (60000, 10)
    (_, yc), _ = keras.datasets.cifar10.load_data()
    assert keras.utils.to_categorical(yc, 10).shape == (50000, 10)  # (n, 1) labels squeezed
    with pytest.raises(ValueError):
        x.reshape(11, -1)  # 47,040,000 values do not split into 11 rows
    raw = keras.datasets.mnist.load_data()[0][0]
    with pytest.raises(TypeError):  # uint8 data divided in place: NumPy refuses too
        raw /= 255


def test_sequences():
    (x, _), _ = keras.datasets.imdb.load_data(num_words=20000)
    padded = keras.preprocessing.sequence.pad_sequences(x, maxlen=80)
    assert padded.shape == (25000, 80) and keras.utils.pad_sequences(x, maxlen=5).shape == (25000, 5)
    # The longest sequence, and which sequences fit, depend on the values: unknown.
    assert is_unknown(keras.utils.pad_sequences(x))
    (x, y), (xt, yt) = keras.datasets.imdb.load_data(maxlen=100)
    assert all(is_unknown(a) for a in (x, y, xt, yt))


@pytest.mark.parametrize("use", [lambda a: list(a), lambda a: float(a[0, 0, 0]),
                                 lambda a: bool(a), lambda a: int(a[0, 0, 0])])
def test_what_needs_the_values_themselves_says_so(use):
    (x, _), _ = keras.datasets.mnist.load_data()
    with pytest.raises(NeedsComputationError, match="needs the data's values"):
        use(x)


@pytest.mark.parametrize("use", [lambda a: a.max(), lambda a: a.mean(), lambda a: a.tolist(),
                                 lambda a: keras.utils.to_categorical(a), lambda a: a.argpartition])
def test_what_depends_on_the_values_is_unknown(use):
    (x, _), _ = keras.datasets.mnist.load_data()
    assert is_unknown(use(x))


def test_shaped_array_is_not_numpy_data():
    np = pytest.importorskip("numpy")
    a = ShapedArray((3, 2), "float32")
    with pytest.raises(NeedsComputationError):
        np.asarray(a)
    assert (np.float32(2.0) * a).shape == (3, 2)  # NumPy defers to the array's operators


MNIST_CNN = os.path.join(HERE, "..", "examples", "keras_mnist_cnn.py")


def test_classic_mnist_cnn_example(capsys):
    """keras/examples/mnist_cnn.py as it was published: loads MNIST, reshapes, rescales and
    one-hot encodes it, builds the model, trains.  Summarised as built (the Keras example's
    printed total is 1,199,882)."""
    code = cli.main(["summary", MNIST_CNN])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert " Total params: 1,199,882 (4.58 MB)\n" in out
    assert "x_train shape: (60000, 28, 28, 1)" in err
    assert f"paramscope: note: the script stopped ({MNIST_CNN}:42: model.fit() needs real " \
        "computation); the summary is of 'sequential' as built before that.\n" in err


def test_numpy_functions_on_a_dataset():
    np = pytest.importorskip("numpy")
    (x, _), _ = keras.datasets.mnist.load_data()
    assert np.expand_dims(x, -1).shape == (60000, 28, 28, 1)
    assert np.expand_dims(x, 1).shape == (60000, 1, 28, 28)
    assert np.reshape(x, (60000, -1)).shape == (60000, 784)
    assert np.transpose(x).shape == (28, 28, 60000) and np.shape(x) == (60000, 28, 28)
    assert is_unknown(np.mean(x))


KERAS_IO_MNIST = '''
import numpy as np
import keras
from keras import layers
num_classes = 10
input_shape = (28, 28, 1)
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255
x_train = np.expand_dims(x_train, -1)
x_test = np.expand_dims(x_test, -1)
print("x_train shape:", x_train.shape)
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)
model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
model.summary()
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=15, validation_split=0.1)
'''


def test_keras_io_simple_mnist_convnet(tmp_path, capsys):
    """keras.io's "Simple MNIST convnet" as published (NumPy on the data, then the model):
    `paramscope run` prints the summary, then stops at fit (34,826 params, as on keras.io)."""
    pytest.importorskip("numpy")
    path = tmp_path / "mnist_convnet.py"
    path.write_text(KERAS_IO_MNIST)
    code = cli.main(["run", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and "model.fit() needs real computation" in err
    assert "x_train shape: (60000, 28, 28, 1)" in out
    assert " Total params: 34,826 (136.04 KB)\n" in out
