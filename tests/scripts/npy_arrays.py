"""Arrays saved with NumPy next to the script: --set 'x_train.shape=(...)' makes x_train an
array known by its shape, which the script reshapes as it would the real one."""
import numpy as np
import keras
from keras import layers

x_train = np.load("x_train.npy")
y_train = np.load("y_train.npy")
x_train = x_train.reshape(len(x_train), -1, 1).astype("float32")
print("x_train:", x_train.shape)

# -- model (golden case scripts/npy_arrays) --
model = keras.Sequential(
    [
        keras.Input(shape=x_train.shape[1:]),
        layers.Conv1D(16, 5, activation="relu"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(10, activation="softmax"),
    ]
)
# -- end model --
