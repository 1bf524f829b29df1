"""Layer sizes read from a file: skipping the loop that adds them would build a different
model, so paramscope stops there instead."""
import keras
from keras import layers

sizes = []
for line in open("sizes.txt"):
    sizes.append(int(line))

model = keras.Sequential([keras.Input(shape=(10,))])
for size in sizes:
    model.add(layers.Dense(size, activation="relu"))
model.add(layers.Dense(1))
model.summary()
