"""Golden cases: TensorFlow operations in models written for tf.keras (Keras 2) -- on
symbolic tensors (each a ``TFOpLambda`` row: ``tf.concat``, ``tf.math.reduce_mean``,
``tf.__operators__.add`` for ``x + 1``...) and inside custom layers' ``call()``.

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \\
        --cases tools/cases/tf_ops.py --out tests/golden/tfkeras/tf_ops.json.gz

Each case imports TensorFlow itself (``keras`` is tf-keras there); paramscope runs it with
its stand-in ``tensorflow`` module under tf.keras semantics (tests/test_tf_ops.py).
"""

CASES = []


def _add(case_id, code, *tags):
    CASES.append({"id": "tf_ops/" + case_id, "code": "import tensorflow as tf\n" +
                  code.strip("\n") + "\n", "tags": ["tf_ops", *tags]})


_add("join_and_split", """
x = keras.Input((8, 4))
y = tf.concat([x, x], axis=1)
s = tf.stack([x, x], axis=1)
a, b = tf.split(y, 2, axis=1)
parts = tf.unstack(x, axis=2)
model = keras.Model(x, [y, s, a, b, parts[0]])
""")

_add("reshape_transpose_squeeze", """
x = keras.Input((6, 4))
y = tf.reshape(x, [-1, 24])
y = tf.reshape(y, (-1, 4, 6))
t = tf.transpose(y, [0, 2, 1])
e = tf.expand_dims(t, -1)
q = tf.squeeze(e, axis=-1)
model = keras.Model(x, layers.Dense(3)(q))
""")

_add("dynamic_shapes", """
x = keras.Input((8, 4))
s = tf.shape(x)
batch, steps = s[0], s[1]
a = tf.reshape(x, [batch, -1])
b = tf.reshape(x, [batch, steps, 2, 2])
c = tf.reshape(x, [-1, steps * 4])
d = tf.reshape(x, tf.concat([s[:1], [32]], 0))
r = tf.range(steps)
model = keras.Model(x, [a, b, c, d, r])
""")

_add("dynamic_zeros_and_random", """
x = keras.Input((8, 4))
batch = tf.shape(x)[0]
z = tf.zeros((batch, 4))
n = tf.random.normal((batch, 8))
f = tf.fill([batch, 3], 1.0)
o = tf.ones_like(x)
model = keras.Model(x, [z, n, f, o])
""")

_add("operators", """
x = keras.Input((6, 5))
a = x + 1.0
b = 2.0 * x - x / 3.0
c = -x ** 2
d = abs(x) // 2.0
m = (x > 0.0) & (x < 1.0)
g = x[:, 0]
h = x[:, 1:4, ::2]
model = keras.Model(x, [a, b, c, d, m, g, h])
""")

_add("activations_and_math", """
x = keras.Input((10,))
outs = [tf.nn.relu(x), tf.nn.sigmoid(x), tf.nn.softmax(x), tf.nn.gelu(x), tf.nn.swish(x),
        tf.math.exp(x), tf.math.log1p(tf.abs(x)), tf.sqrt(tf.square(x)), tf.tanh(x),
        tf.nn.leaky_relu(x), tf.math.l2_normalize(x, axis=-1), tf.clip_by_value(x, 0.0, 1.0)]
model = keras.Model(x, outs)
""")

_add("reductions", """
x = keras.Input((4, 5))
outs = [tf.reduce_mean(x, axis=1), tf.reduce_sum(x, axis=[1, 2]),
        tf.reduce_max(x, axis=-1, keepdims=True), tf.math.reduce_std(x, axis=1),
        tf.argmax(x, axis=-1), tf.reduce_any(x > 0.0, axis=1), tf.norm(x, axis=-1)]
model = keras.Model(x, outs)
""")

_add("matmul_einsum_cast", """
q = keras.Input((5, 8))
k = keras.Input((7, 8))
scores = tf.matmul(q, k, transpose_b=True) / tf.math.sqrt(8.0)
weights = tf.nn.softmax(scores, axis=-1)
ctx = tf.matmul(weights, k)  # (tf.einsum's node keeps no tensors: tf-keras cannot reload it)
i = tf.cast(tf.argmax(scores, axis=-1), tf.int32)
model = keras.Model([q, k], [ctx, i])
""")

_add("gather_pad_tile_where", """
x = keras.Input((8, 4))
g = tf.gather(x, [0, 2, 5], axis=1)
p = tf.pad(x, [[0, 0], [1, 2], [0, 0]])
t = tf.tile(x, [1, 2, 1])
w = tf.where(x > 0.0, x, tf.zeros_like(x))
o = tf.one_hot(tf.cast(x[:, :, 0], tf.int32), 5)
model = keras.Model(x, [g, p, t, w, o])
""")

_add("image_ops", """
img = keras.Input((32, 32, 3))
r = tf.image.resize(img, [16, 16])
g = tf.image.rgb_to_grayscale(img)
f = tf.image.flip_left_right(img)
c = tf.nn.conv2d(img, tf.ones((3, 3, 3, 4)), strides=1, padding="SAME")
m = tf.nn.max_pool2d(c, 2, 2, "VALID")
a = tf.nn.avg_pool2d(img, 4, 4, "VALID")
model = keras.Model(img, [r, g, f, m, a])
""")

_add("layers_and_tf_ops_chain", """
inputs = keras.Input((28, 28))
x = tf.expand_dims(inputs, -1)
x = layers.Conv2D(8, 3, activation="relu")(x)
x = tf.reduce_mean(x, axis=[1, 2])
x = layers.Dense(10)(x)
outputs = tf.nn.softmax(x)
model = keras.Model(inputs, outputs)
""")

_add("shape_arithmetic_flatten", """
inputs = keras.Input((7, 7, 16))
x = layers.Conv2D(4, 1)(inputs)
shape = tf.shape(x)
x = tf.reshape(x, [shape[0], shape[1] * shape[2] * shape[3]])
model = keras.Model(inputs, layers.Dense(2)(x))
""")

_add("static_shape_flatten", """
inputs = keras.Input((7, 7, 16))
x = tf.reshape(inputs, [-1, inputs.shape[1] * inputs.shape[2] * inputs.shape[3]])
model = keras.Model(inputs, layers.Dense(2)(x))
""")

_add("embedding_positions", """
tokens = keras.Input((20,), dtype="int32")
positions = tf.range(start=0, limit=tf.shape(tokens)[-1], delta=1)
x = layers.Embedding(1000, 16)(tokens) + layers.Embedding(20, 16)(positions)
model = keras.Model(tokens, layers.GlobalAveragePooling1D()(x))
""")
