"""The class names come from a folder that is not there; they flow, unknown, into the
function that builds the model, which runs until a layer needs them."""
import os

import keras
from keras import layers

data_dir = "flower_photos"
class_names = sorted(os.listdir(data_dir))
print("classes:", class_names)


# -- model (golden case scripts/unknown_into_function) --
def build_classifier(image_size, class_names):
    base = keras.Sequential(
        [
            keras.Input(shape=image_size + (3,)),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(32, 3, activation="relu"),
            layers.GlobalAveragePooling2D(),
        ],
        name="features",
    )
    head = layers.Dense(len(class_names), activation="softmax", name="classes")
    return keras.Sequential([base, head], name="flowers")
# -- end model --


model = build_classifier((64, 64), class_names)
model.summary()
