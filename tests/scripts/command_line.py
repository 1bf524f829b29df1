"""Sizes from the command line (argparse with required arguments)."""
import argparse

import keras
from keras import layers

parser = argparse.ArgumentParser()
parser.add_argument("--units", type=int, required=True)
parser.add_argument("--depth", type=int, default=2)
args = parser.parse_args()

# -- model (golden case scripts/command_line) --
inputs = keras.Input(shape=(32,))
x = inputs
for _ in range(args.depth):
    x = layers.Dense(args.units, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
# -- end model --
model.summary()
