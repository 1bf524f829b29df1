"""Golden cases: TensorFlow operations inside custom layers' ``call()`` in Keras 3 -- which
runs them only on its TensorFlow backend (it traces ``call`` in a TensorFlow graph, with
TensorFlow's static shapes).  Real Keras 3.15.1 on TensorFlow 2.21 (the tf-keras venv):

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend keras3 \\
        --keras3-backend tensorflow --cases tools/cases/tf_in_call.py \\
        --out tests/golden/tf_scripts/keras3_tf_in_call.json.gz
"""

CASES = []


def _add(case_id, code, *tags):
    CASES.append({"id": "tf_in_call/" + case_id, "code": "import tensorflow as tf\n" +
                  code.strip("\n") + "\n", "tags": ["tf_in_call", *tags]})


_add("sampling_vae", """
class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        batch = tf.shape(z_mean)[0]
        dim = tf.shape(z_mean)[1]
        epsilon = tf.random.normal(shape=(batch, dim))
        return z_mean + tf.exp(0.5 * z_log_var) * epsilon


inputs = keras.Input((16,))
z_mean = layers.Dense(2, name="z_mean")(inputs)
z_log_var = layers.Dense(2, name="z_log_var")(inputs)
model = keras.Model(inputs, [z_mean, z_log_var, Sampling()([z_mean, z_log_var])])
""")

_add("patches_extract", """
class Patches(layers.Layer):
    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, images):
        batch_size = tf.shape(images)[0]
        patches = tf.image.extract_patches(
            images=images, sizes=[1, self.patch_size, self.patch_size, 1],
            strides=[1, self.patch_size, self.patch_size, 1], rates=[1, 1, 1, 1],
            padding="VALID")
        patch_dims = patches.shape[-1]
        return tf.reshape(patches, [batch_size, -1, patch_dims])


inputs = keras.Input((32, 32, 3))
model = keras.Model(inputs, layers.Dense(8)(Patches(4)(inputs)))
""")

_add("split_heads", """
class SplitHeads(layers.Layer):
    def __init__(self, heads, **kwargs):
        super().__init__(**kwargs)
        self.heads = heads

    def call(self, x):
        batch = tf.shape(x)[0]
        depth = x.shape[-1] // self.heads
        x = tf.reshape(x, (batch, -1, self.heads, depth))
        return tf.transpose(x, perm=[0, 2, 1, 3])


inputs = keras.Input((10, 32))
model = keras.Model(inputs, SplitHeads(4)(inputs))
""")

_add("position_embedding", """
class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, x):
        maxlen = tf.shape(x)[-1]
        positions = tf.range(start=0, limit=maxlen, delta=1)
        positions = self.pos_emb(positions)
        return self.token_emb(x) + positions


inputs = keras.Input((50,))
x = TokenAndPositionEmbedding(50, 1000, 16)(inputs)
model = keras.Model(inputs, layers.Dense(2)(layers.GlobalAveragePooling1D()(x)))
""")

_add("pool_concat", """
class PoolBoth(layers.Layer):
    def call(self, x):
        return tf.concat([tf.reduce_mean(x, axis=1), tf.reduce_max(x, axis=1)], axis=-1)


inputs = keras.Input((12, 6))
model = keras.Model(inputs, layers.Dense(1)(PoolBoth()(inputs)))
""")

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

_add("lambda_with_tf", """
inputs = keras.Input((4, 4, 3))
x = layers.Lambda(lambda t: tf.image.resize(t, (8, 8)))(inputs)
x = layers.Lambda(lambda t: tf.nn.l2_normalize(t, axis=-1))(x)
model = keras.Model(inputs, x)
""")

_add("tf_on_keras_tensor_fails", """
x = keras.Input((4,))
y = tf.concat([x, x], axis=-1)
model = keras.Model(x, y)
""", "error")
