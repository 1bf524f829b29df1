"""Optional packages: a fallback the script handles itself, a Python 2/3 shim, plotting."""
from six.moves import range

import numpy as np
import keras
from keras import layers

try:
    import tensorflow_addons as tfa
except ImportError:
    tfa = None

import matplotlib.pyplot as plt

plt.figure(figsize=(4, 4))
if tfa is not None:
    activation = tfa.activations.mish
else:
    activation = "relu"

# -- model (golden case scripts/optional_packages) --
model = keras.Sequential([keras.Input(shape=(8,))])
for width in range(3):
    model.add(layers.Dense(16 * (width + 1), activation=activation))
model.add(layers.Dense(1))
# -- end model --
plt.plot(np.arange(10))
plt.show()
