"""Golden cases for defects found by running public scripts (issue 8, item 6).

- A custom layer whose `call()` runs a `keras.Sequential` built without an Input: the
  Sequential builds itself on that first call, inside the traced call (paramscope failed
  with "'KerasTensor' object has no attribute '_keras_history'").
- A multi-output Functional model inside a subclassed model that is not built: Keras prints
  its output shape from `output_shape`, as one shape: `((None, 2), (None, 3))`.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py --cases tools/cases/scripts_defects.py
        -> tests/golden/keras3/scripts_defects.json.gz
"""

BLOCK = '''\
class Block(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seq = keras.Sequential([{layers}])

    def call(self, x):
        return self.seq(x)

'''

WRAPPER = '''\
class Wrapper(keras.Model):
    def __init__(self, inner, **kwargs):
        super().__init__(**kwargs)
        self.inner = inner

    def call(self, x):
        return self.inner(x)

'''

CASES = [
    {"id": "defects/inputless_sequential_in_call", "tags": ["defects", "custom"],
     "code": BLOCK.format(layers='layers.Dense(8, activation="relu"), layers.Dense(4)')
     + "inputs = keras.Input((6,))\nmodel = keras.Model(inputs, Block()(inputs))\n"},
    {"id": "defects/inputless_sequential_in_call_conv", "tags": ["defects", "custom"],
     "code": BLOCK.format(layers='layers.Conv2D(8, 3, padding="same"), '
                                 'layers.BatchNormalization(), layers.ReLU()')
     + "inputs = keras.Input((16, 16, 3))\nx = Block()(inputs)\nx = Block()(x)\n"
       "model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))\n"},
    {"id": "defects/inputless_sequential_in_call_sequential", "tags": ["defects", "custom"],
     "code": BLOCK.format(layers="layers.Dense(5), layers.Dense(5)")
     + "model = keras.Sequential([keras.Input((3,)), Block(), layers.Dense(1)])\n"},
    {"id": "defects/multi_output_functional_in_unbuilt_subclass", "tags": ["defects", "custom"],
     "code": WRAPPER + "i = keras.Input((4,))\n"
             "two = keras.Model(i, [layers.Dense(2)(i), layers.Dense(3)(i)])\n"
             "model = Wrapper(two)\n"},
    {"id": "defects/three_output_functional_in_unbuilt_subclass", "tags": ["defects", "custom"],
     "code": WRAPPER + "i = keras.Input((8, 8, 3))\nf = layers.Flatten()(i)\n"
             "heads = keras.Model(i, [layers.Dense(1)(f), layers.Dense(4)(f), "
             "layers.Conv2D(2, 1)(i)], name='heads')\nmodel = Wrapper(heads)\n"},
    {"id": "defects/one_output_functional_in_unbuilt_subclass", "tags": ["defects", "custom"],
     "code": WRAPPER + "i = keras.Input((4,))\none = keras.Model(i, layers.Dense(2)(i))\n"
             "model = Wrapper(one)\n"},
]
