"""An encoder and a decoder, then the script fails (its own error): two models were built
before it stopped, so paramscope lists them and --model picks one."""
import keras
from keras import layers

latent_dim = 2

# -- model (golden case scripts/two_models_encoder) --
encoder_inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, 3, activation="relu", strides=2, padding="same")(encoder_inputs)
x = layers.Flatten()(x)
z = layers.Dense(2, name="z")(x)
encoder = keras.Model(encoder_inputs, z, name="encoder")
# -- end model --

latent_inputs = keras.Input(shape=(latent_dim,))
x = layers.Dense(7 * 7 * 32, activation="relu")(latent_inputs)
x = layers.Reshape((7, 7, 32))(x)
decoder_outputs = layers.Conv2DTranspose(1, 3, strides=4, padding="same")(x)
decoder = keras.Model(latent_inputs, decoder_outputs, name="decoder")

settings = {"epochs": 30}
print("training for", settings["epochs"], "epochs with batch size", settings["batch_size"])
