"""Plain data shared by two case lists: tools/cases/tf_ops_call.py (tf-keras 2, where TensorFlow
in a custom layer's ``call()`` runs in tf-keras's graph) and tools/cases/tf_in_call.py (Keras 3
on its TensorFlow backend) record the same custom layers, each under its own id prefix.  Not
a case list itself (no fixture of its own); the two import it (tools/make_golden.py runs a
case file with its folder on ``sys.path``).
"""


def case_adder(cases, prefix):
    """``add(case_id, code, *tags)``: append one case to ``cases`` (``prefix/case_id``, the code
    after ``import tensorflow as tf``, tagged ``prefix``)."""
    def add(case_id, code, *tags):
        cases.append({"id": prefix + "/" + case_id, "code": "import tensorflow as tf\n" +
                      code.strip("\n") + "\n", "tags": [prefix, *tags]})
    return add


#: the VAE's sampling layer and the encoder's outputs it samples from (each file ends the
#: model in its own way)
SAMPLING_VAE = """
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
"""

#: whole models, the same in both files
PATCHES = """
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
"""

SPLIT_HEADS = """
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
"""

POSITION_EMBEDDING = """
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
"""

CONCAT_POOL = """
class PoolBoth(layers.Layer):
    def call(self, x):
        return tf.concat([tf.reduce_mean(x, axis=1), tf.reduce_max(x, axis=1)], axis=-1)


inputs = keras.Input((12, 6))
model = keras.Model(inputs, layers.Dense(1)(PoolBoth()(inputs)))
"""

LAMBDA_WITH_TF = """
inputs = keras.Input((4, 4, 3))
x = layers.Lambda(lambda t: tf.image.resize(t, (8, 8)))(inputs)
x = layers.Lambda(lambda t: tf.nn.l2_normalize(t, axis=-1))(x)
model = keras.Model(inputs, x)
"""
