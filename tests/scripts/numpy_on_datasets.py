"""NumPy on datasets known by their shapes: what follows from the shapes is known, what
needs the values is unknown (and only stops the script if the model needs it)."""
import numpy as np
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x = np.concatenate([x_train, x_test], axis=0)
y = np.concatenate([y_train, y_test])
x = np.expand_dims(x, -1).astype("float32") / 255.0
mean = x.mean(axis=0)
std = np.std(x, axis=0, keepdims=True)
x = np.clip((x - mean) / (std + 1e-7), -3, 3)
shoes = x[y == 7]
print("shoes:", shoes.shape, "mask:", (y == 7).shape, "labels:", np.unique(y))
y = np.where(y >= 5, 1, 0)
num_classes = int(y.max()) + 1
pixels = np.sum(x, axis=(1, 2, 3))
print("x:", x.shape, x.dtype, "pixels:", pixels.shape, "classes:", num_classes)

# -- model (golden case scripts/numpy_on_datasets) --
model = keras.Sequential(
    [
        keras.Input(shape=x.shape[1:]),
        layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
# -- end model --
