"""Golden cases: keras.backend's Keras 2 functions (``K.mean``, ``K.square``, ``K.batch_dot``,
``K.binary_crossentropy``...) in tf.keras (tf-keras 2.21) on symbolic tensors, where each records
TFOpLambda rows; tf.keras's loss functions on symbolic tensors; ``Model.add_loss(tensor)`` (an
AddLoss row and the layers the loss needs); ``K.function``, ``K.placeholder``, the learning
phase, and values (``K.int_shape``, ``K.epsilon``) and errors (``K.gradients``) recorded.

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \\
        --cases tools/cases/tf_backend.py --out tests/golden/tfkeras/tf_backend.json.gz

``keras`` is tf-keras there; paramscope runs each case with ``--style keras2`` semantics
(tests/test_legacy_backend.py).
"""

PRELUDE = '''import numpy as np
K = keras.backend


def err(fn):
    try:
        fn()
    except Exception as e:
        kinds = [c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins"
                 and c not in (Exception, BaseException, object)]
        return ["|".join(kinds), str(e)]
    return None


'''

INPUTS = {
    "x": 'x = keras.Input((8, 4), name="x")',
    "v": 'v = keras.Input((8,), name="v")',
    "i": 'i = keras.Input((8,), dtype="int32", name="i")',
    "img": 'img = keras.Input((16, 16, 3), name="img")',
    "cf": 'cf = keras.Input((3, 16, 16), name="cf")',
    "w": 'w = keras.Input((6, 5), name="w")',
    "m": 'm = keras.Input((8, 4, 5), name="m")',
}

#: (case name, expression giving a tensor or a list of tensors, the inputs it uses)
TENSORS = [
    ("mean", "K.mean(x)", "x"), ("mean_axis", "K.mean(x, axis=-1)", "x"),
    ("mean_keepdims", "K.mean(x, axis=1, keepdims=True)", "x"),
    ("mean_bool", "K.mean(K.greater(x, 0.0), axis=1)", "x"),
    ("sum", "K.sum(x, axis=1, keepdims=True)", "x"), ("sum_all", "K.sum(x)", "x"),
    ("max", "K.max(x, axis=1)", "x"), ("min", "K.min(x)", "x"), ("prod", "K.prod(x, axis=1)", "x"),
    ("std", "K.std(x, axis=1)", "x"), ("var", "K.var(x, axis=[1, 2])", "x"),
    ("any", "K.any(x, axis=1)", "x"), ("all", "K.all(x)", "x"),
    ("argmax", "K.argmax(x)", "x"), ("argmin", "K.argmin(x, axis=1)", "x"),
    ("cumsum", "K.cumsum(x, axis=1)", "x"), ("cumprod", "K.cumprod(x, axis=2)", "x"),
    ("square", "K.square(x)", "x"), ("sqrt", "K.sqrt(x)", "x"), ("exp", "K.exp(x)", "x"),
    ("log", "K.log(x)", "x"), ("abs", "K.abs(x)", "x"), ("round", "K.round(x)", "x"),
    ("sign", "K.sign(x)", "x"), ("sin", "K.sin(x)", "x"), ("cos", "K.cos(x)", "x"),
    ("tanh", "K.tanh(x)", "x"), ("pow", "K.pow(x, 2)", "x"),
    ("clip", "K.clip(x, 0.0, 1.0)", "x"), ("clip_none", "K.clip(x, None, 1.0)", "x"),
    ("maximum", "K.maximum(x, 0.0)", "x"), ("minimum", "K.minimum(x, v[:, :, None])", "x v"),
    ("equal", "K.equal(x, x)", "x"), ("not_equal", "K.not_equal(x, 1.0)", "x"),
    ("greater", "K.greater(x, 0.0)", "x"), ("greater_equal", "K.greater_equal(x, 0.5)", "x"),
    ("less", "K.less(x, 0.0)", "x"), ("less_equal", "K.less_equal(x, 0.5)", "x"),
    ("cast", "K.cast(x, 'int32')", "x"), ("cast_to_floatx", "K.cast_to_floatx(i)", "i"),
    ("stop_gradient", "K.stop_gradient(x)", "x"),
    # activations
    ("relu", "K.relu(x)", "x"), ("relu_alpha", "K.relu(x, alpha=0.1)", "x"),
    ("relu_max", "K.relu(x, max_value=6)", "x"), ("relu_clip", "K.relu(x, max_value=2.0)", "x"),
    ("relu_threshold", "K.relu(x, alpha=0.2, threshold=0.5)", "x"),
    ("elu", "K.elu(x)", "x"), ("elu_alpha", "K.elu(x, alpha=0.5)", "x"),
    ("softmax", "K.softmax(x)", "x"), ("softmax_axes", "K.softmax(x, axis=[1, 2])", "x"),
    ("softplus", "K.softplus(x)", "x"), ("softsign", "K.softsign(x)", "x"),
    ("sigmoid", "K.sigmoid(x)", "x"), ("hard_sigmoid", "K.hard_sigmoid(x)", "x"),
    ("l2_normalize", "K.l2_normalize(x, axis=-1)", "x"),
    ("dropout", "K.dropout(x, 0.5)", "x"),
    ("in_top_k", "K.in_top_k(v, i[:, 0], 3)", "v i"),
    ("bias_add", "K.bias_add(x, K.ones((4,)))", "x"),
    ("bias_add_2d", "K.bias_add(x, K.ones((8, 4)))", "x"),
    ("switch", "K.switch(K.greater(x, 0.0), x, -x)", "x"),
    ("switch_rank2", "K.switch(K.greater(v, 0.0), x, -x)", "x v"),
    # arrays
    ("concatenate", "K.concatenate([x, x], axis=-1)", "x"),
    ("concatenate_axis1", "K.concatenate([x, x], axis=1)", "x"),
    ("reshape", "K.reshape(x, (-1, 32))", "x"),
    ("reshape_dynamic", "K.reshape(x, (K.shape(x)[0], 2, 16))", "x"),
    ("permute_dimensions", "K.permute_dimensions(x, (0, 2, 1))", "x"),
    ("transpose", "K.transpose(v)", "v"), ("gather", "K.gather(x, [0, 1])", "x"),
    ("expand_dims", "K.expand_dims(x, 1)", "x"),
    ("squeeze", "K.squeeze(K.expand_dims(x, 1), 1)", "x"),
    ("stack", "K.stack([x, x], axis=1)", "x"), ("tile", "K.tile(x, [1, 2, 1])", "x"),
    ("repeat_elements", "K.repeat_elements(x, 2, axis=1)", "x"),
    ("repeat", "K.repeat(v, 3)", "v"), ("flatten", "K.flatten(x)", "x"),
    ("batch_flatten", "K.batch_flatten(x)", "x"),
    ("one_hot", "K.one_hot(i, 5)", "i"), ("reverse", "K.reverse(x, 1)", "x"),
    ("zeros_like", "K.zeros_like(x)", "x"), ("ones_like", "K.ones_like(x)", "x"),
    ("shape", "K.shape(x)", "x"), ("arange", "K.arange(K.shape(x)[1])", "x"),
    ("temporal_padding", "K.temporal_padding(x)", "x"),
    ("spatial_2d_padding", "K.spatial_2d_padding(img, ((1, 2), (0, 3)))", "img"),
    ("spatial_2d_padding_cf", "K.spatial_2d_padding(cf, data_format='channels_first')", "cf"),
    ("resize_images", "K.resize_images(img, 2, 3, 'channels_last')", "img"),
    ("resize_images_cf", "K.resize_images(cf, 2, 2, 'channels_first')", "cf"),
    ("random_normal_dynamic", "K.random_normal(shape=K.shape(x))", "x"),
    ("random_uniform_dynamic", "K.random_uniform((K.shape(x)[0], 3))", "x"),
    # products
    ("batch_dot_3d", "K.batch_dot(x, x, axes=[2, 2])", "x"),
    ("batch_dot_2d", "K.batch_dot(v, v, axes=1)", "v"),
    ("batch_dot_default", "K.batch_dot(x, K.permute_dimensions(x, (0, 2, 1)))", "x"),
    ("batch_dot_4d", "K.batch_dot(m, w, axes=[3, 2])", "m w"),
    ("dot_3d", "K.dot(x, K.ones((4, 3)))", "x"),
    ("dot_2d", "K.dot(v, K.ones((8, 2)))", "v"),
    # convolutions and pooling
    ("conv1d", "K.conv1d(x, K.ones((3, 4, 6)))", "x"),
    ("conv1d_causal", "K.conv1d(x, K.ones((3, 4, 6)), padding='causal')", "x"),
    ("conv2d", "K.conv2d(img, K.ones((3, 3, 3, 5)))", "img"),
    ("conv2d_same_strides", "K.conv2d(img, K.ones((3, 3, 3, 5)), strides=(2, 2), padding='same')",
     "img"),
    ("conv2d_cf", "K.conv2d(cf, K.ones((3, 3, 3, 5)), data_format='channels_first')", "cf"),
    ("depthwise_conv2d", "K.depthwise_conv2d(img, K.ones((3, 3, 3, 2)))", "img"),
    ("pool2d", "K.pool2d(img, (2, 2), strides=(2, 2))", "img"),
    ("pool2d_avg_same", "K.pool2d(img, (3, 3), padding='same', pool_mode='avg')", "img"),
    # crossentropies
    ("categorical_crossentropy", "K.categorical_crossentropy(x, x)", "x"),
    ("categorical_crossentropy_logits", "K.categorical_crossentropy(x, x, from_logits=True)",
     "x"),
    ("binary_crossentropy", "K.binary_crossentropy(x, x)", "x"),
    ("sparse_categorical_crossentropy", "K.sparse_categorical_crossentropy(i, v)", "i v"),
    ("categorical_focal_crossentropy", "K.categorical_focal_crossentropy(x, x)", "x"),
    ("binary_focal_crossentropy", "K.binary_focal_crossentropy(x, x)", "x"),
    ("crossentropy_names", "[K.binary_crossentropy(x, x), tf.convert_to_tensor(x), "
     "K.categorical_crossentropy(x, x), tf.convert_to_tensor(x)]", "x"),
    ("batch_flatten_names", "[K.batch_flatten(x), K.shape(x), tf.stack([K.shape(x)[0], 1])]",
     "x"),
    ("batch_normalization", "K.batch_normalization(x, K.ones((4,)), K.ones((4,)), "
     "K.zeros((4,)), K.ones((4,)))", "x"),
    ("normalize_batch_in_training", "K.normalize_batch_in_training(x, K.ones((4,)), "
     "K.zeros((4,)), [0, 1])[0]", "x"),
    ("print_tensor", "K.print_tensor(x, 'x is')", "x"),
    ("local_conv1d", "K.local_conv1d(w, K.ones((4, 6, 3)), [3], [1])", "w"),
    # expressions the classic examples write
    ("vae_kl", "K.sum(1 + x - K.square(x) - K.exp(x), axis=-1) * -0.5", "x"),
    ("capsule_length", "K.sqrt(K.sum(K.square(x), 2))", "x"),
    ("squash", "K.sqrt(K.sum(K.square(x), -1, keepdims=True) + K.epsilon()) * x", "x"),
    ("gram", "K.dot(K.batch_flatten(K.permute_dimensions(img, (0, 3, 1, 2))), "
     "K.transpose(K.batch_flatten(K.permute_dimensions(img, (0, 3, 1, 2)))))", "img"),
]

#: (case name, expression giving a plain value, the inputs it uses)
VALUES = [
    ("int_shape", "K.int_shape(x)", "x"), ("ndim", "K.ndim(x)", "x"),
    ("dtype", "K.dtype(x)", "x"), ("dtype_int", "K.dtype(i)", "i"),
    ("is_keras_tensor", "K.is_keras_tensor(x)", "x"), ("is_sparse", "K.is_sparse(x)", "x"),
    ("epsilon", "K.epsilon()", ""), ("floatx", "K.floatx()", ""),
    ("image_data_format", "K.image_data_format()", ""), ("backend", "K.backend()", ""),
    ("learning_phase", "K.learning_phase()", ""),
    ("count_params", "K.count_params(K.zeros((2, 3)))", ""),
    ("int_shape_variable", "K.int_shape(K.variable(np.zeros((2, 3))))", ""),
    ("int_shape_constant", "K.int_shape(K.constant(1.0, shape=(2, 3)))", ""),
    ("int_shape_zeros", "K.int_shape(K.zeros((4, 5), dtype='int32'))", ""),
    ("dtype_zeros", "K.dtype(K.zeros((4, 5), dtype='int32'))", ""),
    ("int_shape_eye", "K.int_shape(K.eye(3))", ""),
    ("int_shape_ones_like", "K.int_shape(K.ones_like(K.zeros((2, 7))))", ""),
    ("int_shape_random", "K.int_shape(K.random_normal((2, 3)))", ""),
    ("int_shape_concrete_sum", "K.int_shape(K.sum(K.ones((3, 4)), axis=0))", ""),
    ("int_shape_concrete_batch_dot", "K.int_shape(K.batch_dot(K.ones((2, 3, 4)), "
     "K.ones((2, 4, 5))))", ""),
    ("gradients", "err(lambda: K.gradients(K.sum(x), [x]))", "x"),
    ("placeholder", "[K.int_shape(K.placeholder(shape=(None, 3))), "
     "K.placeholder(ndim=2)._keras_history.layer.name]", ""),
    ("set_learning_phase", "[K.set_learning_phase(1), K.learning_phase()]", ""),
    ("get_session", "err(lambda: K.get_session())", ""),
    ("softmax_1d", "err(lambda: K.softmax(K.sum(x, axis=[1, 2])))", "x"),
    ("batch_dot_rank1", "err(lambda: K.batch_dot(K.sum(x, axis=[1, 2]), x))", "x"),
    ("batch_dot_axis0", "err(lambda: K.batch_dot(x, x, axes=[0, 0]))", "x"),
    ("batch_dot_mismatch", "err(lambda: K.batch_dot(x, x, axes=[2, 1]))", "x"),
]

#: whole scripts: tf.keras's losses and add_loss, K.function, a classic VAE
SCRIPTS = {
    "losses": """
x = keras.Input((8, 4), name="x")
y = keras.layers.Dense(4, activation="softmax")(x)
outs = [keras.losses.binary_crossentropy(x, y), keras.losses.mse(x, y),
        keras.losses.mean_absolute_error(x, y), keras.losses.categorical_crossentropy(x, y),
        keras.losses.kl_divergence(x, y), keras.losses.mean_squared_logarithmic_error(x, y),
        keras.losses.mean_absolute_percentage_error(x, y), keras.losses.hinge(x, y),
        keras.losses.squared_hinge(x, y), keras.losses.poisson(x, y),
        keras.losses.cosine_similarity(x, y), keras.losses.log_cosh(x, y),
        keras.losses.categorical_hinge(x, y)]
model = keras.Model(x, outs)
""",
    "loss_sparse": """
i = keras.Input((8,), dtype="int32", name="i")
x = keras.Input((8, 5), name="x")
model = keras.Model([i, x], [keras.losses.sparse_categorical_crossentropy(i, x),
                             keras.metrics.binary_crossentropy(x, x)])
""",
    "vae": """
original_dim, latent_dim = 20, 2
inputs = keras.Input(shape=(original_dim,), name="encoder_input")
h = keras.layers.Dense(16, activation="relu")(inputs)
z_mean = keras.layers.Dense(latent_dim, name="z_mean")(h)
z_log_var = keras.layers.Dense(latent_dim, name="z_log_var")(h)


def sampling(args):
    z_mean, z_log_var = args
    batch = K.shape(z_mean)[0]
    dim = K.int_shape(z_mean)[1]
    epsilon = K.random_normal(shape=(batch, dim))
    return z_mean + K.exp(0.5 * z_log_var) * epsilon


z = keras.layers.Lambda(sampling, output_shape=(latent_dim,), name="z")([z_mean, z_log_var])
encoder = keras.Model(inputs, [z_mean, z_log_var, z], name="encoder")
latent_inputs = keras.Input(shape=(latent_dim,), name="z_sampling")
h2 = keras.layers.Dense(16, activation="relu")(latent_inputs)
outputs = keras.layers.Dense(original_dim, activation="sigmoid")(h2)
decoder = keras.Model(latent_inputs, outputs, name="decoder")
outputs = decoder(encoder(inputs)[2])
vae = keras.Model(inputs, outputs, name="vae_mlp")
reconstruction_loss = keras.losses.binary_crossentropy(inputs, outputs)
reconstruction_loss *= original_dim
kl_loss = 1 + z_log_var - K.square(z_mean) - K.exp(z_log_var)
kl_loss = K.sum(kl_loss, axis=-1)
kl_loss *= -0.5
vae_loss = K.mean(reconstruction_loss + kl_loss)
vae.add_loss(vae_loss)
vae.compile(optimizer="adam")
model = vae
""",
    "add_loss_plain": """
x = keras.Input((6,), name="x")
h = keras.layers.Dense(5, name="h")(x)
y = keras.layers.Dense(3, name="y")(h)
model = keras.Model(x, y)
model.add_loss(K.mean(K.square(h)))
model.add_loss(K.sum(y) * 0.01)
""",
    "add_loss_two_inputs": """
a = keras.Input((4,), name="a")
b = keras.Input((4,), name="b")
d = keras.layers.Dense(4, name="d")
ya, yb = d(a), d(b)
model = keras.Model([a, b], keras.layers.concatenate([ya, yb]))
model.add_loss(K.mean(K.square(ya - yb)))
""",
    "function": """
x = keras.Input((3,))
y = keras.layers.Dense(2)(x)
f = K.function([x], [y])
model = keras.Model(x, y)
record = model.name
""",
    "placeholder_input": """
p = K.placeholder(shape=(None, 5))
y = keras.layers.Dense(2)(p)
model = keras.Model(p, y)
""",
}

CASES = []


def _code(body, inputs):
    lines = [INPUTS[name] for name in inputs.split()]
    return PRELUDE + "import tensorflow as tf\n" + "\n".join(lines) + "\n" + body


for _name, _expr, _inputs in TENSORS:
    _names = _inputs.split()
    CASES.append({"id": f"tf_backend/{_name}", "tags": ["tf_backend"], "code": _code(
        f"out = {_expr}\nmodel = keras.Model([{', '.join(_names)}], out)\n", _inputs)})
for _name, _expr, _inputs in VALUES:
    CASES.append({"id": f"tf_backend/value_{_name}", "tags": ["tf_backend"],
                  "code": _code(f"record = {_expr}\n", _inputs)})
for _name, _body in SCRIPTS.items():
    CASES.append({"id": f"tf_backend/script_{_name}", "tags": ["tf_backend"],
                  "code": _code(_body.lstrip("\n"), "")})
