"""Images found with glob in a folder that was never downloaded."""
import glob
import os

import keras
from keras import layers

images = sorted(glob.glob(os.path.join("captcha_images", "*.png")))
labels = [os.path.basename(path).split(".")[0] for path in images]
max_length = max(len(label) for label in labels)
print("captchas:", len(images), "longest:", max_length)

# -- model (golden case scripts/missing_folder) --
inputs = keras.Input(shape=(200, 50, 1), name="image")
x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Reshape((100, 25 * 32))(x)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
outputs = layers.Dense(20, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="ocr")
# -- end model --
