"""Golden cases: TensorFlow operations inside custom layers' ``call()`` in Keras 3 -- which
runs them only on its TensorFlow backend (it traces ``call`` in a TensorFlow graph, with
TensorFlow's static shapes).  Real Keras 3.15.1 on TensorFlow 2.21 (the tf-keras venv):

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend keras3 \\
        --keras3-backend tensorflow --cases tools/cases/tf_in_call.py \\
        --out tests/golden/tf_scripts/keras3_tf_in_call.json.gz
"""

from tf_call_shared import (CONCAT_POOL, LAMBDA_WITH_TF, PATCHES, POSITION_EMBEDDING,
                            SAMPLING_VAE, SPLIT_HEADS, case_adder)

CASES = []
_add = case_adder(CASES, "tf_in_call")

_add("sampling_vae", SAMPLING_VAE + """\
model = keras.Model(inputs, [z_mean, z_log_var, Sampling()([z_mean, z_log_var])])
""")
_add("patches_extract", PATCHES)
_add("split_heads", SPLIT_HEADS)
_add("position_embedding", POSITION_EMBEDDING)
_add("pool_concat", CONCAT_POOL)

_add("resize_unknown_size", """
class Upsample(layers.Layer):
    def call(self, x):
        shape = tf.shape(x)
        return tf.image.resize(x, (shape[1] * 2, shape[2] * 2), method="nearest")


inputs = keras.Input((None, None, 3))
model = keras.Model(inputs, layers.Conv2D(4, 3)(Upsample()(inputs)))
""")

_add("resize_known_size", """
class Upsample(layers.Layer):
    def call(self, x):
        return tf.image.resize(x, (x.shape[1] * 2, x.shape[2] * 2))


inputs = keras.Input((8, 8, 3))
model = keras.Model(inputs, layers.Conv2D(4, 3)(Upsample()(inputs)))
""")

_add("conv_with_own_kernel", """
class MyConv(layers.Layer):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(3, 3, input_shape[-1], 8), name="kernel")

    def call(self, x):
        y = tf.nn.conv2d(x, self.kernel, strides=2, padding="SAME")
        return tf.nn.relu(tf.nn.max_pool2d(y, 2, 2, "VALID"))


inputs = keras.Input((32, 32, 3))
model = keras.Model(inputs, layers.Flatten()(MyConv()(inputs)))
""")

_add("concat_rank_mismatch_fails", """
class Pick(layers.Layer):
    def call(self, x):
        ids = tf.cast(tf.argmax(x, axis=-1), tf.int32)
        onehot = tf.one_hot(ids, 6)
        picked = tf.gather(x, [0, 2], axis=1)
        masked = tf.where(x > 0.0, x, tf.zeros_like(x))
        return tf.concat([onehot, tf.reduce_sum(picked, axis=1), masked], axis=-1)


inputs = keras.Input((5, 6))
model = keras.Model(inputs, Pick()(inputs))
""", "error")  # the concat mixes ranks 3 and 2: TensorFlow's graph says so

_add("gather_onehot_where_ok", """
class Pick(layers.Layer):
    def call(self, x):
        ids = tf.cast(tf.argmax(x, axis=-1), tf.int32)
        onehot = tf.one_hot(ids, 6)
        picked = tf.gather(x, [0, 2], axis=1)
        masked = tf.where(x > 0.0, x, tf.zeros_like(x))
        return tf.concat([onehot, masked], axis=-1), tf.reduce_sum(picked, axis=1)


inputs = keras.Input((5, 6))
a, b = Pick()(inputs)
model = keras.Model(inputs, [a, b])
""")

_add("einsum_attention", """
class Attention(layers.Layer):
    def call(self, q, k):
        scores = tf.einsum("bqd,bkd->bqk", q, k) / tf.math.sqrt(tf.cast(tf.shape(q)[-1], tf.float32))
        return tf.matmul(tf.nn.softmax(scores), k)


q = keras.Input((5, 8), name="q")
k = keras.Input((7, 8), name="k")
model = keras.Model([q, k], Attention()(q, k))
""")

_add("pad_tile_stack", """
class Grow(layers.Layer):
    def call(self, x):
        p = tf.pad(x, [[0, 0], [1, 1], [0, 0]])
        t = tf.tile(p, [1, 2, 1])
        return tf.stack([t, t], axis=-1)


inputs = keras.Input((4, 3))
model = keras.Model(inputs, Grow()(inputs))
""")

_add("lambda_with_tf", LAMBDA_WITH_TF)

_add("tf_on_keras_tensor_fails", """
x = keras.Input((4,))
y = tf.concat([x, x], axis=-1)
model = keras.Model(x, y)
""", "error")
