"""A tabular classifier as tutorials write it: pandas reads a CSV, the model is sized from
the data (pandas missing, or the file missing: the size is unknown; --set supplies it)."""
import numpy as np
import pandas as pd
import keras
from keras import layers

df = pd.read_csv("creditcard.csv")
features = df.drop(columns=["Class"]).values.astype("float32")
labels = df["Class"].values
num_features = features.shape[1]
print(f"{len(features)} samples, {num_features} features")
print("first row:", features[0])

# -- model (golden case scripts/tabular_csv) --
model = keras.Sequential(
    [
        keras.Input(shape=(num_features,)),
        layers.Dense(256, activation="relu"),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(1, activation="sigmoid"),
    ]
)
# -- end model --
model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy")
history = model.fit(features, labels, batch_size=2048, epochs=30)
print("best loss:", min(history.history["loss"]))
