"""A subclassed model built by calling it on data (Keras runs the call eagerly, and builds its
layers on the data's shape, batch included), then summarised; and a layer run on an image to
show what it does, before the model: the values need computing, the shapes do not."""
import keras
from keras import layers, ops

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

image = x_train[0]
edges = layers.Conv2D(4, 3)(ops.convert_to_tensor([image[..., None]], dtype="float32"))
print("edges:", edges.shape)

# -- model (golden case scripts/eager_build) --
class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.flatten = layers.Flatten()
        self.hidden = layers.Dense(32, activation="relu")
        self.out = layers.Dense(10)

    def call(self, x):
        return self.out(self.hidden(self.flatten(x)))


model = Classifier()
logits = model(x_train[:4] / 255.0)
# -- end model --
print("logits:", logits.shape)
