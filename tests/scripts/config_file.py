"""Hyper-parameters read from a JSON file next to the script, a distribution strategy of
TensorFlow itself: the file's block is skipped whole, the strategy's block runs."""
import json

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

with open("config.json") as f:
    config = json.load(f)
    print("config:", config)
units = config["units"]

strategy = tf.distribute.MirroredStrategy()
print("devices:", strategy.num_replicas_in_sync)
with strategy.scope():
    # -- model (golden case scripts/config_file) --
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            layers.Dense(units, activation="relu"),
            layers.Dense(units // 2, activation="relu"),
            layers.Dense(3),
        ]
    )
    # -- end model --
    model.compile(optimizer="adam", loss="mse")
