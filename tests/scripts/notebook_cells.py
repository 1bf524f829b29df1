"""A notebook's code cells saved as a script (Jupyter's "Download as .py", nbconvert, or the
cells pasted one after another): its magics are get_ipython() calls, and its first cell
defines a cell magic with IPython's decorator, which only runs inside a kernel."""
import os
os.environ["KERAS_BACKEND"] = "jax"

from IPython.core.magic import register_cell_magic


@register_cell_magic
def backend(line, cell):
    current, required = os.environ.get("KERAS_BACKEND", ""), line.split()[-1]
    if current == required:
        get_ipython().run_cell(cell)


get_ipython().run_line_magic('matplotlib', 'inline')
get_ipython().system('pip install -q keras')

import keras
from keras import layers

# -- model (golden case scripts/notebook_cells) --
inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(inputs)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
# -- end model --
model.summary()
