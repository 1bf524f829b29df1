"""MNIST with its class count taken from the labels (np.unique): the arrays are known by
their shapes, the count needs their values."""
import numpy as np
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
num_classes = len(np.unique(y_train))
x_train = x_train.reshape(-1, 784).astype("float32") / 255
x_test = x_test.reshape(-1, 784).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train, num_classes)

# -- model (golden case scripts/mnist_class_count) --
model = keras.Sequential(
    [
        keras.Input(shape=x_train.shape[1:]),
        layers.Dense(512, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
# -- end model --
model.summary()
