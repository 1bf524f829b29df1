"""Golden cases: models built with ``keras.ops`` -- the rows operations make in a Functional
model, and custom layers whose ``call()`` uses ``keras.ops`` with ``ops.shape`` arithmetic
on unknown dimensions (Keras traces ``call`` with its backend, so ``h * w`` works).

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/ops_models.py --out tests/golden/keras3/ops_models.json.gz
"""

CASES = []


def _add(case_id, code, *tags):
    CASES.append({"id": "ops_models/" + case_id, "code": code.strip("\n") + "\n",
                  "tags": ["ops_models", *tags]})


_add("rows_elementwise_and_reductions", """
ops = keras.ops
x = keras.Input((8, 4))
y = ops.mean(x, axis=1)
z = ops.concatenate([y, ops.max(x, axis=1)], axis=-1)
w = ops.sqrt(ops.square(z) + 1.0)
model = keras.Model(x, layers.Dense(3)(w))
""")

_add("rows_operators_and_getitem", """
x = keras.Input((6, 5))
a = x[:, 0] * 2.0 - x[:, -1]
b = -a / (abs(a) + 1e-3)
c = (b > 0) | (b < -1)
model = keras.Model(x, [b, c])
""")

_add("rows_reshape_transpose_split", """
ops = keras.ops
x = keras.Input((12, 4))
y = ops.reshape(x, (-1, 6, 8))
y = ops.transpose(y, (0, 2, 1))
parts = ops.split(y, 2, axis=1)
z = ops.stack(parts, axis=1)
model = keras.Model(x, z)
""")

_add("rows_shape_outside_call", """
ops = keras.ops
x = keras.Input((10, 3))
n = ops.shape(x)[1]
y = ops.reshape(x, (-1, n * 3))
y = ops.expand_dims(y, -1)
model = keras.Model(x, layers.Conv1D(2, 3)(y))
""")

_add("rows_matmul_einsum_softmax", """
ops = keras.ops
q = keras.Input((5, 8), name="q")
k = keras.Input((7, 8), name="k")
scores = ops.einsum("bqd,bkd->bqk", q, k) / 8 ** 0.5
weights = ops.softmax(scores, axis=-1)
out = ops.matmul(weights, layers.Dense(8)(k))
model = keras.Model([q, k], out)
""")

_add("rows_cast_where_onehot", """
ops = keras.ops
ids = keras.Input((6,), dtype="int32")
mask = ops.not_equal(ids, 0)
onehot = ops.one_hot(ids, 10)
x = ops.where(ops.expand_dims(mask, -1), onehot, ops.zeros_like(onehot))
x = ops.cast(x, "float16")
model = keras.Model(ids, ops.sum(x, axis=1))
""")

_add("rows_conv_and_pool_ops", """
ops = keras.ops
x = keras.Input((16, 16, 3))
kernel = ops.ones((3, 3, 3, 4))
y = ops.conv(x, kernel, padding="same")
y = ops.max_pool(y, 2)
y = ops.image.resize(y, (4, 4))
model = keras.Model(x, layers.Flatten()(y))
""")

_add("rows_two_models_share_ops_names", """
ops = keras.ops
a = keras.Input((4,))
first = keras.Model(a, ops.add(a, 1.0), name="first")
b = keras.Input((4,))
model = keras.Model(b, ops.add(ops.multiply(b, 2.0), 1.0), name="second")
""")

_add("call_patches_vit", """
ops = keras.ops


class Patches(layers.Layer):
    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, images):
        input_shape = ops.shape(images)
        batch_size = input_shape[0]
        height, width, channels = input_shape[1], input_shape[2], input_shape[3]
        num_patches_h = height // self.patch_size
        num_patches_w = width // self.patch_size
        patches = ops.image.extract_patches(images, size=self.patch_size)
        return ops.reshape(patches, (batch_size, num_patches_h * num_patches_w,
                                     self.patch_size * self.patch_size * channels))


inputs = keras.Input((32, 32, 3))
x = Patches(8)(inputs)
model = keras.Model(inputs, layers.Dense(16)(x))
""", "tracing")

_add("call_patches_unknown_size", """
ops = keras.ops


class Patches(layers.Layer):
    def call(self, images):
        shape = ops.shape(images)
        patches = ops.image.extract_patches(images, size=4)
        h, w = ops.shape(patches)[1], ops.shape(patches)[2]
        return ops.reshape(patches, (shape[0], h * w, 48))


inputs = keras.Input((None, None, 3))
model = keras.Model(inputs, layers.Dense(8)(Patches()(inputs)))
""", "tracing")

_add("call_position_embedding", """
ops = keras.ops


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, x):
        maxlen = ops.shape(x)[-1]
        positions = ops.arange(start=0, stop=maxlen, step=1)
        positions = self.pos_emb(positions)
        return self.token_emb(x) + positions


inputs = keras.Input((200,))
x = TokenAndPositionEmbedding(200, 20000, 32)(inputs)
model = keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
""", "tracing")

_add("call_split_heads", """
ops = keras.ops


class SplitHeads(layers.Layer):
    def __init__(self, heads, **kwargs):
        super().__init__(**kwargs)
        self.heads = heads

    def call(self, x):
        batch, length = ops.shape(x)[0], ops.shape(x)[1]
        depth = x.shape[-1] // self.heads
        x = ops.reshape(x, (batch, -1, self.heads, depth))
        return ops.transpose(x, (0, 2, 1, 3))


inputs = keras.Input((None, 32))
model = keras.Model(inputs, SplitHeads(4)(inputs))
""", "tracing")

_add("call_dynamic_arithmetic", """
ops = keras.ops


class Doubler(layers.Layer):
    def call(self, x):
        h = ops.shape(x)[1]
        y = ops.reshape(x, (-1, h * 2, x.shape[-1] // 2))
        return ops.concatenate([y, ops.zeros_like(y)], axis=1)


inputs = keras.Input((None, 6))
model = keras.Model(inputs, Doubler()(inputs))
""", "tracing")

_add("call_known_and_unknown", """
ops = keras.ops


class Flat(layers.Layer):
    def call(self, x):
        b, h, w, c = x.shape
        return ops.reshape(x, (-1, h * w * c))


inputs = keras.Input((4, 5, 3))
model = keras.Model(inputs, layers.Dense(2)(Flat()(inputs)))
""", "tracing")

_add("call_returns_tuple", """
ops = keras.ops


class Stats(layers.Layer):
    def call(self, x):
        mean, var = ops.moments(x, axes=[1])
        return mean, ops.sqrt(var + 1e-6)


inputs = keras.Input((10, 3))
m, s = Stats()(inputs)
model = keras.Model(inputs, layers.Concatenate()([m, s]))
""", "tracing")

_add("call_random_with_seed", """
ops = keras.ops


class Noise(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, x):
        noise = keras.random.normal(ops.shape(x), seed=self.seed_generator)
        return x + noise


inputs = keras.Input((8,))
model = keras.Model(inputs, layers.Dense(2)(Noise()(inputs)))
""", "tracing")

_add("call_rearrange", """
ops = keras.ops


class ToTokens(layers.Layer):
    def call(self, x):
        return ops.rearrange(x, "b h w c -> b (h w) c")


inputs = keras.Input((4, 4, 8))
model = keras.Model(inputs, ToTokens()(inputs))
""", "tracing")

_add("call_cond_on_static_shape", """
ops = keras.ops


class MaybePool(layers.Layer):
    def call(self, x):
        if x.shape[1] is not None and x.shape[1] > 4:
            return ops.average_pool(x, 2, strides=2)
        return x


inputs = keras.Input((8, 8, 3))
model = keras.Model(inputs, MaybePool()(inputs))
""", "tracing")

_add("call_uses_sequential", """
ops = keras.ops


class Block(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.ffn = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(8)])

    def call(self, x):
        return ops.add(x, self.ffn(x))


inputs = keras.Input((5, 8))
model = keras.Model(inputs, Block()(inputs))
""", "tracing")

_add("lambda_with_ops_shape", """
ops = keras.ops
inputs = keras.Input((None, 4))
# (A Lambda's code is not in its config: read from a file it keeps its input's shape, so
# this one flattens and restores the shape with ops.shape arithmetic.)
x = layers.Lambda(lambda t: ops.reshape(ops.reshape(t, (-1, ops.shape(t)[1] * 4)),
                                        (-1, ops.shape(t)[1], 4)))(inputs)
model = keras.Model(inputs, x)
""", "tracing")
