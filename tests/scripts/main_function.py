"""Everything in main(), run under `if __name__ == "__main__"`: the data loading fails, the
model is still reached (each statement of a function runs on its own)."""
import os

import keras
from keras import layers

IMAGE_SIZE = (180, 180)


def load_datasets(folder):
    train_ds, val_ds = keras.utils.image_dataset_from_directory(
        folder, validation_split=0.2, subset="both", seed=1337, image_size=IMAGE_SIZE,
        batch_size=128)
    return train_ds.prefetch(2), val_ds.prefetch(2)


# -- model (golden case scripts/main_function) --
def make_model(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    previous = x
    for size in (64, 128):
        x = layers.SeparableConv2D(size, 3, padding="same")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
        residual = layers.Conv2D(size, 1, strides=2, padding="same")(previous)
        x = layers.add([x, residual])
        previous = x
    x = layers.GlobalAveragePooling2D()(x)
    units = 1 if num_classes == 2 else num_classes
    outputs = layers.Dense(units, activation=None)(x)
    return keras.Model(inputs, outputs, name="small_xception")
# -- end model --


def main():
    train_ds, val_ds = load_datasets(os.path.join("PetImages"))
    model = make_model(input_shape=IMAGE_SIZE + (3,), num_classes=2)
    model.summary()
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(train_ds, epochs=25, validation_data=val_ds)


if __name__ == "__main__":
    main()
