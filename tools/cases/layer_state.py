"""Golden cases for where a layer's state lives (issue 8, item 5): variable paths under
``keras.name_scope`` and the scopes of layers being built, seed generators a custom layer
holds (``keras.random.SeedGenerator``, ``keras.src.backend.random.SeedGenerator``), and the
Keras internals custom layers subclass (``keras.src``'s ``DataLayer``, ``DropoutRNNCell``).

Each case's code runs with ``keras`` and ``layers`` pre-bound and sets ``record`` (plain
values) and/or ``model``, as in ``api_surface.py``.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/layer_state.py --out tests/golden/keras3_api/layer_state.json.gz
"""

PRELUDE = '''def state(layer):
    return {"weights": [[w.path, list(w.shape), w.dtype, w.trainable] for w in layer.weights],
            "non_trainable_variables": [[v.path, list(v.shape), v.dtype]
                                        for v in layer.non_trainable_variables],
            "variables": [v.path for v in layer.variables],
            "count_params": layer.count_params(), "built": layer.built}


'''

CASES = []


def case(id, code, tags=()):
    CASES.append({"id": id, "code": PRELUDE + code, "tags": ["api", "eager"] + list(tags)})


case("name_scope/layers_and_variables", """
with keras.name_scope("outer"):
    dense = layers.Dense(3)
    dense(keras.Input((2,)))
    v = keras.Variable(1.0, name="v")
    with keras.name_scope("inner"):
        w = keras.Variable(initializer="zeros", shape=(2, 2), name="w")
        lstm = layers.LSTM(4, dropout=0.2)
        lstm(keras.Input((5, 3)))
plain = layers.Dense(2)
plain(keras.Input((2,)))
record = {"dense": state(dense), "lstm": state(lstm), "plain": state(plain),
          "v": v.path, "w": [w.path, list(w.shape)]}
""")

case("name_scope/built_inside_another_layer", """
class Block(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.inner = layers.Dense(4, name="inner_dense")

    def build(self, input_shape):
        with keras.name_scope("sub"):
            self.scale = self.add_weight(shape=(input_shape[-1],), name="scale")
        self.inner.build(input_shape)

    def call(self, x):
        return self.inner(x * self.scale)


block = Block(name="block")
out = block(keras.Input((3,)))
record = {"block": state(block), "inner": state(block.inner), "shape": list(out.shape)}
""")

case("seed_generator/custom_layer", """
def raised(fn):
    # The built-in exception classes of what fn() raises (paramscope's are its own).
    try:
        fn()
    except Exception as e:
        return [c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins"
                and c not in (Exception, BaseException, object)]
    return None


class Noisy(keras.layers.Layer):
    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, x, training=None):
        if training:
            return keras.random.dropout(x, self.rate, seed=self.seed_generator)
        return x


noisy = Noisy(0.5, name="noisy")
y = noisy(keras.Input((4, 3)), training=True)
inputs = keras.Input((4, 3))
model = keras.Model(inputs, Noisy(0.2)(layers.Dense(2)(inputs), training=True))
record = {"noisy": state(noisy), "output": [list(y.shape), y.dtype],
          "model_non_trainable_variables": [v.path for v in model.non_trainable_variables],
          "bool_seed": keras.random.SeedGenerator(True).get_config(),
          "errors": [raised(lambda: keras.random.SeedGenerator(1.5)),
                     raised(lambda: keras.random.SeedGenerator(1, foo=2))]}
""")

case("keras_src/dropout_rnn_cell", """
from keras.src import backend, ops
from keras.src.layers.rnn.dropout_rnn_cell import DropoutRNNCell


class MyCell(keras.layers.Layer, DropoutRNNCell):
    def __init__(self, units, dropout=0.5, recurrent_dropout=0.5, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = backend.random.SeedGenerator(seed)
        self.units = units
        self.state_size = units
        self.dropout = dropout
        self.recurrent_dropout = recurrent_dropout

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units),
                                                name="recurrent_kernel")

    def call(self, inputs, states, training=False):
        if training:
            inputs = inputs * self.get_dropout_mask(inputs)
        prev = states[0]
        if training:
            prev = prev * self.get_recurrent_dropout_mask(prev)
        output = ops.matmul(inputs, self.kernel) + ops.matmul(prev, self.recurrent_kernel)
        return output, [output]


cell = MyCell(5, seed=1337)
step = cell(keras.Input((4,)), [keras.Input((5,))], training=True)
rnn = layers.RNN(MyCell(6, seed=1), return_sequences=True)
model = keras.Sequential([keras.Input((7, 4)), rnn, layers.Dense(2)])
record = {"cell": state(cell), "step": [list(step[0].shape), list(step[1][0].shape)],
          "rnn": state(rnn)}
""")

case("keras_src/data_layer", """
from keras import ops
from keras.src import backend
from keras.src.layers.preprocessing.data_layer import DataLayer
from keras.src.random import SeedGenerator


class BiasedRandomRGBToHSV(DataLayer):
    def __init__(self, seed=None, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.probability_bias = ops.convert_to_tensor(0.01)
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def call(self, inputs):
        images_shape = self.backend.shape(inputs)
        batch_size = 1 if len(images_shape) == 3 else images_shape[0]
        seed = self._get_seed_generator(self.backend._backend)
        probability = self.backend.random.uniform(shape=(batch_size,), minval=0.0, maxval=1.0,
                                                  seed=seed)
        probability = self.backend.numpy.add(probability,
                                             self.convert_weight(self.probability_bias))
        hsv_images = self.backend.image.rgb_to_hsv(inputs, data_format=self.data_format)
        return self.backend.numpy.where(probability[:, None, None, None] > 0.5, hsv_images,
                                        inputs)


inputs = keras.Input((16, 16, 3))
layer = BiasedRandomRGBToHSV(seed=3)
x = layer(inputs)
model = keras.Model(inputs, layers.Conv2D(4, 3)(x))
record = {"layer": state(layer), "output": [list(x.shape), x.dtype]}
""")
