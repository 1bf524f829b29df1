"""Case list for the golden fixtures (see tools/make_golden.py).

This module is plain data: it does not import Keras.  ``CASES`` is a list of
``{"id": str, "code": str, "tags": [str, ...]}``.  Every ``code`` is a literal
Python snippet that builds a model and binds it to ``model``.  It is executed
with exactly two names pre-bound: ``keras`` (the keras module, or ``tf_keras``
for the tf-keras fixtures) and ``layers`` (``keras.layers``).

Snippets only use the call-free Sequential API surface that paramscope
emulates (no numpy, no keras.ops, no custom classes, layers never called on
tensors).

Special tags understood by the generator:

* ``lazy``: the model is huge; build it without allocating variable values
  (Keras 3: inside ``keras.StatelessScope(initialize_variables=False)``;
  tf-keras: inside a fresh ``tf.Graph().as_default()``).  Shapes, dtypes,
  names and summaries are unaffected.
* ``error``: real Keras is expected to raise while building (informative only;
  the generator records whatever actually happens).
"""

CASES = []
_IDS = set()


def _add(case_id, code, *tags):
    if case_id in _IDS:
        raise ValueError(f"duplicate case id {case_id}")
    _IDS.add(case_id)
    CASES.append({"id": case_id, "code": code.strip("\n") + "\n", "tags": list(tags)})


def seq(*items, inp=None, name=None, ctor="keras.Sequential"):
    """Code for ``model = keras.Sequential([...])``.

    ``inp`` is a shape tuple for a leading ``keras.Input(shape=...)`` or a
    literal expression string.
    """
    lines = []
    if inp is not None:
        if isinstance(inp, str):
            lines.append(inp)
        else:
            lines.append(f"keras.Input(shape={inp!r})")
    lines.extend(items)
    body = "".join(f"    {x},\n" for x in lines)
    tail = "]" if name is None else f"], name={name!r}"
    return f"model = {ctor}([\n{body}{tail})\n"


def kw(**kwargs):
    """Render keyword arguments in a stable order (insertion order)."""
    return ", ".join(f"{k}={v!r}" for k, v in kwargs.items())


def call(cls, *args, **kwargs):
    parts = [repr(a) for a in args]
    if kwargs:
        parts.append(kw(**kwargs))
    return f"layers.{cls}({', '.join(parts)})"


def _slug(x):
    s = repr(x) if not isinstance(x, str) else x
    for a, b in (("(", ""), (")", ""), ("[", "L"), ("]", ""), (" ", ""),
                 (",", "x"), ("'", ""), ("-", "m"), ("None", "N")):
        s = s.replace(a, b)
    return s


# ---------------------------------------------------------------------------
# Seed tutorials
# ---------------------------------------------------------------------------
def _seed_cases():
    _add("seed/seed000", """
model = keras.Sequential([
    layers.Dense(3, input_shape=(2,), activation='relu'),
    layers.Dense(2, activation='softmax'),
])
""", "seed", "dense", "input_shape")

    _add("seed/seed001a", """
model = keras.Sequential([
    layers.Conv2D(2, (3, 3), input_shape=(20, 20, 3), activation='relu', padding='same'),
    layers.Conv2D(3, (3, 3), activation='relu', padding='same'),
    layers.Flatten(),
    layers.Dense(2, activation='softmax'),
])
""", "seed", "conv", "input_shape")
    _add("seed/seed001b", """
model = keras.Sequential([
    layers.Conv2D(2, (3, 3), input_shape=(20, 20, 3), activation='relu'),
    layers.Conv2D(3, (3, 3), activation='relu'),
    layers.Flatten(),
    layers.Dense(2, activation='softmax'),
])
""", "seed", "conv", "input_shape")
    _add("seed/seed001c", """
model = keras.Sequential([
    layers.Conv2D(2, (3, 3), input_shape=(20, 20, 3), activation='relu', padding='same'),
    layers.Conv2D(3, (3, 3), activation='relu', padding='same'),
    layers.MaxPooling2D(pool_size=(2, 2), strides=2),
    layers.Flatten(),
    layers.Dense(2, activation='softmax'),
])
""", "seed", "conv", "pooling", "input_shape")

    _add("seed/seed002", """
model = keras.Sequential()
model.add(layers.Dense(64, input_shape=(10,)))
model.add(layers.Dense(1))
""", "seed", "dense", "input_shape")
    # The seed document prints 705 = 640 + 65, which the model above cannot
    # produce in any Keras (10 * 64 + 64 = 704 for the first layer, 769 in
    # total).  Two readings that do give 640 + 65 = 705:
    _add("seed/seed002_variant_input9", """
model = keras.Sequential()
model.add(layers.Dense(64, input_shape=(9,)))
model.add(layers.Dense(1))
""", "seed", "seed_variant", "dense", "input_shape")
    _add("seed/seed002_variant_nobias", """
model = keras.Sequential()
model.add(layers.Dense(64, input_shape=(10,), use_bias=False))
model.add(layers.Dense(1))
""", "seed", "seed_variant", "dense", "input_shape")

    _add("seed/seed003a", """
model = keras.Sequential()
model.add(layers.Dense(10, activation='relu', input_shape=(784,)))
model.add(layers.Dense(10, activation='relu'))
model.add(layers.Dense(3, activation='softmax'))
""", "seed", "dense", "add", "input_shape")
    _add("seed/seed003b", """
model = keras.Sequential()
model.add(layers.Conv2D(10, kernel_size=3, activation='relu', input_shape=(28, 28, 1), padding='same'))
model.add(layers.Conv2D(10, kernel_size=3, activation='relu', padding='same'))
model.add(layers.Flatten())
model.add(layers.Dense(3, activation='softmax'))
""", "seed", "conv", "add", "input_shape")
    _add("seed/seed003c", """
model = keras.Sequential()
model.add(layers.Conv2D(5, kernel_size=3, activation='relu', input_shape=(28, 28, 1), padding='same'))
model.add(layers.Conv2D(15, kernel_size=3, activation='relu', padding='same'))
model.add(layers.Flatten())
model.add(layers.Dense(3, activation='softmax'))
""", "seed", "conv", "add", "input_shape")
    _add("seed/seed003d", """
model = keras.Sequential()
model.add(layers.Dense(5, activation='relu', input_shape=(784,), padding='same'))
model.add(layers.Dense(15, activation='relu', padding='same'))
model.add(layers.Dense(3, activation='softmax'))
""", "seed", "dense", "add", "input_shape", "error")

    _add("seed/seed004", """
img_SIZE = 32
model = keras.Sequential([
    layers.Conv2D(kernel_size=(3, 3), filters=32, padding='same', activation='relu', input_shape=[img_SIZE, img_SIZE, 3], name='Conv1'),
    layers.MaxPooling2D(pool_size=2, name='Max1'),
    layers.Conv2D(kernel_size=(3, 3), filters=128, padding='same', activation='relu', name='Conv3'),
    layers.Conv2D(kernel_size=(1, 1), filters=256, padding='same', activation='relu', name='Conv4'),
    layers.GlobalAveragePooling2D(name='GAP1'),
    layers.Dense(10, activation='relu', name='Dense1'),
    layers.Dense(10, activation='softmax', name='Output'),
])
""", "seed", "conv", "pooling", "input_shape")


# ---------------------------------------------------------------------------
# Input / model construction API
# ---------------------------------------------------------------------------
def _api_cases():
    d = "layers.Dense(2)"
    _add("api/input_keras_Input", seq(d, inp=(4,)), "api", "input")
    _add("api/input_batch_size", seq(d, inp="keras.Input(shape=(4,), batch_size=8)"), "api", "input")
    _add("api/input_batch_size_rank3", seq("layers.Conv1D(3, 2)", inp="keras.Input(shape=(10, 4), batch_size=16)"), "api", "input", "conv")
    _add("api/input_named", seq(d, inp="keras.Input(shape=(4,), name='features')"), "api", "input")
    _add("api/input_dtype_float16", seq(d, inp="keras.Input(shape=(4,), dtype='float16')"), "api", "input", "dtype")
    _add("api/input_dtype_float64", seq(d, inp="keras.Input(shape=(4,), dtype='float64')"), "api", "input", "dtype")
    _add("api/input_dtype_int32_embedding", seq("layers.Embedding(100, 8)", inp="keras.Input(shape=(6,), dtype='int32')"), "api", "input", "embedding")
    _add("api/input_batch_shape", seq(d, inp="keras.Input(batch_shape=(None, 4))"), "api", "input")
    _add("api/input_batch_shape_fixed", seq(d, inp="keras.Input(batch_shape=(32, 4))"), "api", "input")
    _add("api/input_shape_list", seq(d, inp="keras.Input(shape=[4])"), "api", "input")
    _add("api/input_shape_scalar_int", seq(d, inp="keras.Input(shape=4)"), "api", "input", "error")
    _add("api/input_all_kwargs", seq(d, inp="keras.Input(shape=(4,), batch_size=2, dtype='float32', name='x_in')"), "api", "input")
    _add("api/inputlayer_shape", seq(d, inp="layers.InputLayer(shape=(4,))"), "api", "input")
    _add("api/inputlayer_shape_batch", seq(d, inp="layers.InputLayer(shape=(4,), batch_size=3)"), "api", "input")
    _add("api/inputlayer_batch_shape", seq(d, inp="layers.InputLayer(batch_shape=(None, 4))"), "api", "input")
    _add("api/inputlayer_input_shape_kw", seq(d, inp="layers.InputLayer(input_shape=(4,))"), "api", "input")
    _add("api/inputlayer_batch_input_shape_kw", seq(d, inp="layers.InputLayer(batch_input_shape=(None, 4))"), "api", "input")
    _add("api/inputlayer_named", seq(d, inp="layers.InputLayer(shape=(4,), name='inp')"), "api", "input")
    _add("api/inputlayer_dtype", seq(d, inp="layers.InputLayer(shape=(4,), dtype='float16')"), "api", "input", "dtype")
    _add("api/input_shape_kw", seq("layers.Dense(2, input_shape=(4,))"), "api", "input_shape")
    _add("api/input_shape_kw_list", seq("layers.Dense(2, input_shape=[4])"), "api", "input_shape")
    _add("api/input_shape_rank3", seq("layers.Dense(2, input_shape=(5, 4))"), "api", "input_shape")
    _add("api/input_shape_with_none", seq("layers.Conv1D(2, 3, input_shape=(None, 4))"), "api", "input_shape", "conv")
    _add("api/input_dim_kw", seq("layers.Dense(2, input_dim=4)"), "api", "input_dim")
    _add("api/input_dim_then_more", seq("layers.Dense(8, input_dim=16, activation='relu')", "layers.Dense(4)", "layers.Dense(1)"), "api", "input_dim")
    _add("api/input_shape_on_second_layer_ignored", seq("layers.Dense(3, input_shape=(4,))", "layers.Dense(2, input_shape=(99,))"), "api", "input_shape")
    _add("api/input_shape_on_non_first_only", seq("layers.Dense(3)", "layers.Dense(2, input_shape=(4,))"), "api", "input_shape", "unbuilt")
    _add("api/input_then_input_shape_kw", seq("layers.Dense(3, input_shape=(7,))", inp=(4,)), "api", "input_shape")
    _add("api/input_shape_int_error", seq("layers.Dense(2, input_shape=4)"), "api", "input_shape", "error")
    _add("api/models_Sequential", seq(d, inp=(4,), ctor="keras.models.Sequential"), "api")
    _add("api/named_model", seq(d, inp=(4,), name="my_model"), "api", "names")
    _add("api/named_model_unbuilt", seq(d, name="unbuilt_model"), "api", "names", "unbuilt")
    _add("api/add_input_then_layers", """
model = keras.Sequential()
model.add(keras.Input(shape=(16,)))
model.add(layers.Dense(8))
model.add(layers.Dense(4))
""", "api", "add")
    _add("api/add_inputlayer_then_layers", """
model = keras.Sequential()
model.add(layers.InputLayer(shape=(16,)))
model.add(layers.Dense(8))
""", "api", "add")
    _add("api/add_input_shape_kw", """
model = keras.Sequential()
model.add(layers.Dense(8, input_shape=(16,)))
model.add(layers.Dense(4))
""", "api", "add", "input_shape")
    _add("api/add_unbuilt", """
model = keras.Sequential()
model.add(layers.Dense(8))
model.add(layers.Dense(4))
""", "api", "add", "unbuilt")
    _add("api/add_then_build", """
model = keras.Sequential()
model.add(layers.Dense(8))
model.add(layers.Dense(4))
model.build((None, 16))
""", "api", "add", "build")
    _add("api/add_named_model", """
model = keras.models.Sequential(name="stack")
model.add(keras.Input(shape=(3,)))
model.add(layers.Dense(2, name="out"))
""", "api", "add", "names")
    _add("api/add_after_built", """
model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)])
model.add(layers.Dense(2))
""", "api", "add")
    _add("api/only_input", seq(inp=(4,)), "api", "unbuilt")
    _add("api/only_input_add", """
model = keras.Sequential()
model.add(keras.Input(shape=(4,)))
""", "api", "add", "unbuilt")
    _add("api/empty", "model = keras.Sequential()\n", "api", "unbuilt")
    _add("api/empty_list", "model = keras.Sequential([])\n", "api", "unbuilt")
    _add("api/single_layer_input_shape", seq("layers.Dense(2, input_shape=(4,))"), "api", "input_shape")
    _add("api/unbuilt_dense", seq("layers.Dense(2)"), "api", "unbuilt")
    _add("api/unbuilt_stack", seq("layers.Dense(4, activation='relu')", "layers.Dropout(0.5)", "layers.Dense(1)"), "api", "unbuilt")
    _add("api/unbuilt_conv", seq("layers.Conv2D(8, 3)", "layers.MaxPooling2D()", "layers.Flatten()", "layers.Dense(2)"), "api", "unbuilt", "conv")
    _add("api/build_dense", seq("layers.Dense(4)", "layers.Dense(1)") + "model.build((None, 16))\n", "api", "build")
    _add("api/build_conv", seq("layers.Conv2D(8, 3)", "layers.MaxPooling2D()", "layers.Flatten()", "layers.Dense(2)") + "model.build((None, 28, 28, 1))\n", "api", "build", "conv")
    _add("api/build_none_dims", seq("layers.Conv2D(4, 3)", "layers.GlobalMaxPooling2D()") + "model.build((None, None, None, 3))\n", "api", "build", "conv")
    _add("api/build_fixed_batch", seq("layers.Dense(4)") + "model.build((8, 16))\n", "api", "build")
    _add("api/build_list_shape", seq("layers.Dense(4)") + "model.build([None, 16])\n", "api", "build")
    _add("api/build_with_dtype_layer", seq("layers.Dense(4, dtype='float64')", "layers.Dense(2)") + "model.build((None, 3))\n", "api", "build", "dtype")
    _add("api/build_matching_input", seq("layers.Dense(4)", inp=(16,)) + "model.build((None, 16))\n", "api", "build")
    _add("api/build_mismatching_input", seq("layers.Dense(4)", inp=(16,)) + "model.build((None, 8))\n", "api", "build", "error")
    _add("api/build_then_add", seq("layers.Dense(4)") + "model.build((None, 16))\nmodel.add(layers.Dense(2))\n", "api", "build", "add")
    _add("api/two_inputs_error", seq("layers.Dense(4)", "keras.Input(shape=(3,))", inp=(16,)), "api", "error")
    _add("api/add_second_input_error", """
model = keras.Sequential()
model.add(keras.Input(shape=(16,)))
model.add(layers.Dense(8))
model.add(keras.Input(shape=(8,)))
""", "api", "add", "error")
    _add("api/duplicate_names_error", seq("layers.Dense(4, name='d')", "layers.Dense(2, name='d')", inp=(3,)), "api", "names", "error")
    _add("api/non_layer_error", seq("'dense'", inp=(3,)), "api", "error")
    _add("api/explicit_names", seq("layers.Dense(4, name='hidden')", "layers.Dense(2, name='output')", inp=(3,)), "api", "names")
    _add("api/mixed_auto_names_clash_error", seq("layers.Dense(4)", "layers.Dense(4, name='dense_1')", "layers.Dense(4)", inp=(3,)), "api", "names", "error")
    _add("api/mixed_auto_names", seq("layers.Dense(4)", "layers.Dense(4, name='dense_5')", "layers.Dense(4)", inp=(3,)), "api", "names")
    _add("api/auto_names_many_classes", seq("layers.Dense(4)", "layers.Dropout(0.1)", "layers.Dense(4)", "layers.Dropout(0.1)",
                                           "layers.BatchNormalization()", "layers.Dense(2)", "layers.Activation('relu')", inp=(3,)), "api", "names")
    _add("api/camel_case_auto_names", seq("layers.Conv2D(2, 3)", "layers.ZeroPadding2D()", "layers.MaxPooling2D()", "layers.GlobalAveragePooling2D()",
                                         "layers.LayerNormalization()", "layers.PReLU()", "layers.ReLU()", "layers.ELU()", "layers.LeakyReLU()", inp=(8, 8, 1)), "api", "names")
    _add("api/two_models_names", """
first = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])
model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2), layers.Dense(1)])
""", "api", "names")
    _add("api/deep_mlp", seq(*[f"layers.Dense({32 - i}, activation='relu')" for i in range(24)], inp=(64,)), "api", "dense")


# ---------------------------------------------------------------------------
# Dense
# ---------------------------------------------------------------------------
def _dense_cases():
    for units in (1, 7, 128):
        for bias in (True, False):
            _add(f"dense/units{units}_bias{int(bias)}",
                 seq(call("Dense", units, use_bias=bias), inp=(10,)), "dense")
    for shape in ((5, 7), (3, 5, 7), (2, 3, 4, 5), (None, 6), (None, None, 6)):
        for bias in (True, False):
            _add(f"dense/rank{len(shape) + 1}_{_slug(shape)}_bias{int(bias)}",
                 seq(call("Dense", 4, use_bias=bias), inp=shape), "dense")
    _add("dense/activation_relu", seq("layers.Dense(4, activation='relu')", inp=(3,)), "dense")
    _add("dense/activation_softmax_rank3", seq("layers.Dense(4, activation='softmax')", inp=(2, 3)), "dense")
    _add("dense/kernel_regularizer", seq("layers.Dense(4, kernel_regularizer='l2', bias_regularizer='l1', activity_regularizer='l2')", inp=(3,)), "dense")
    _add("dense/initializers", seq("layers.Dense(4, kernel_initializer='zeros', bias_initializer='ones')", inp=(3,)), "dense")
    _add("dense/constraints", seq("layers.Dense(4, kernel_constraint='non_neg', bias_constraint='max_norm')", inp=(3,)), "dense")
    _add("dense/trainable_kwarg_false", seq("layers.Dense(4, trainable=False)", "layers.Dense(2)", inp=(3,)), "dense", "trainable")
    _add("dense/lora_rank", seq("layers.Dense(16, lora_rank=2)", inp=(8,)), "dense", "lora")
    _add("dense/lora_rank_nobias", seq("layers.Dense(16, use_bias=False, lora_rank=4)", "layers.Dense(2)", inp=(8,)), "dense", "lora")
    _add("dense/lora_alpha", seq("layers.Dense(16, lora_rank=2, lora_alpha=8)", inp=(8,)), "dense", "lora")
    _add("dense/stack_mnist", seq("layers.Flatten()", "layers.Dense(128, activation='relu')", "layers.Dropout(0.2)", "layers.Dense(10)", inp=(28, 28)), "dense")
    _add("dense/on_last_dim_none_error", seq("layers.Dense(4)", inp=(5, None)), "dense", "error")
    _add("dense/on_scalar_input_error", seq("layers.Dense(4)", inp=()), "dense", "error")
    _add("dense/units_zero_error", seq("layers.Dense(0)", inp=(3,)), "dense", "error")
    _add("dense/units_negative_error", seq("layers.Dense(-2)", inp=(3,)), "dense", "error")
    _add("dense/units_float_error", seq("layers.Dense(2.0)", inp=(3,)), "dense", "error")
    _add("dense/unknown_kwarg_error", seq("layers.Dense(5, padding='same')", inp=(3,)), "dense", "error")
    _add("dense/unknown_activation_error", seq("layers.Dense(5, activation='relux')", inp=(3,)), "dense", "error")


# ---------------------------------------------------------------------------
# Activations
# ---------------------------------------------------------------------------
def _activation_cases():
    for act in ("relu", "sigmoid", "softmax", "tanh", "linear", "gelu", "swish"):
        _add(f"activation/Activation_{act}", seq(f"layers.Activation({act!r})", inp=(4, 5)), "activation")
    _add("activation/Activation_unknown_error", seq("layers.Activation('nope')", inp=(4,)), "activation", "error")
    _add("activation/ReLU_default", seq("layers.ReLU()", inp=(4, 5)), "activation")
    _add("activation/ReLU_args", seq("layers.ReLU(max_value=6.0, negative_slope=0.1, threshold=0.5)", inp=(4,)), "activation")
    _add("activation/LeakyReLU_default", seq("layers.LeakyReLU()", inp=(4,)), "activation")
    _add("activation/LeakyReLU_slope", seq("layers.LeakyReLU(negative_slope=0.1)", inp=(3, 4)), "activation")
    _add("activation/LeakyReLU_alpha_kw", seq("layers.LeakyReLU(alpha=0.1)", inp=(3, 4)), "activation")
    _add("activation/ELU_default", seq("layers.ELU()", inp=(4,)), "activation")
    _add("activation/ELU_alpha", seq("layers.ELU(alpha=0.5)", inp=(2, 4)), "activation")
    _add("activation/Softmax_default", seq("layers.Softmax()", inp=(3, 4)), "activation")
    _add("activation/Softmax_axis1", seq("layers.Softmax(axis=1)", inp=(3, 4)), "activation")
    _add("activation/Softmax_axis_tuple", seq("layers.Softmax(axis=(1, 2))", inp=(3, 4, 5)), "activation")
    # PReLU has weights: alpha shape = input_shape[1:] with shared axes set to 1.
    for shape, shared in (((6,), None), ((4, 6), None), ((4, 6), [1]), ((5, 5, 3), None),
                          ((5, 5, 3), [1, 2]), ((5, 5, 3), [1]), ((5, 5, 3), [3]),
                          ((5, 5, 3), [1, 2, 3]), ((None, None, 3), [1, 2]),
                          ((2, 3, 4, 5), [1, 2, 3]), ((4, 6), 1)):
        extra = "" if shared is None else f"shared_axes={shared!r}"
        _add(f"activation/PReLU_{_slug(shape)}_shared{_slug(shared)}",
             seq(f"layers.PReLU({extra})", inp=shape), "activation", "prelu")
    _add("activation/PReLU_none_dims_unshared_error", seq("layers.PReLU()", inp=(None, None, 3)), "activation", "prelu", "error")
    _add("activation/PReLU_after_conv", seq("layers.Conv2D(4, 3)", "layers.PReLU(shared_axes=[1, 2])", "layers.Flatten()", inp=(8, 8, 1)), "activation", "prelu", "conv")
    _add("activation/PReLU_alpha_initializer", seq("layers.PReLU(alpha_initializer='ones', alpha_regularizer='l2')", inp=(4,)), "activation", "prelu")


# ---------------------------------------------------------------------------
# Regularization layers
# ---------------------------------------------------------------------------
def _regularization_cases():
    _add("regularization/Dropout", seq("layers.Dense(4)", "layers.Dropout(0.5)", inp=(3,)), "regularization")
    _add("regularization/Dropout_rank4", seq("layers.Dropout(0.25)", inp=(4, 4, 2)), "regularization")
    _add("regularization/Dropout_noise_shape", seq("layers.Dropout(0.5, noise_shape=(None, 1, 8))", inp=(5, 8)), "regularization")
    _add("regularization/Dropout_seed", seq("layers.Dropout(0.5, seed=1)", inp=(3,)), "regularization")
    _add("regularization/Dropout_rate_error", seq("layers.Dropout(1.5)", inp=(3,)), "regularization", "error")
    _add("regularization/SpatialDropout1D", seq("layers.SpatialDropout1D(0.3)", inp=(10, 4)), "regularization")
    _add("regularization/SpatialDropout2D", seq("layers.SpatialDropout2D(0.3)", inp=(6, 6, 4)), "regularization")
    _add("regularization/SpatialDropout2D_cf", seq("layers.SpatialDropout2D(0.3, data_format='channels_first')", inp=(4, 6, 6)), "regularization", "channels_first")
    _add("regularization/SpatialDropout3D", seq("layers.SpatialDropout3D(0.3)", inp=(3, 4, 5, 2)), "regularization")
    _add("regularization/SpatialDropout3D_cf", seq("layers.SpatialDropout3D(0.3, data_format='channels_first')", inp=(2, 3, 4, 5)), "regularization", "channels_first")
    _add("regularization/SpatialDropout2D_rank_error", seq("layers.SpatialDropout2D(0.3)", inp=(6, 4)), "regularization", "error")
    _add("regularization/SpatialDropout1D_rank_error", seq("layers.SpatialDropout1D(0.3)", inp=(6, 6, 4)), "regularization", "error")
    _add("regularization/GaussianNoise", seq("layers.GaussianNoise(0.1)", "layers.Dense(2)", inp=(3,)), "regularization")
    _add("regularization/GaussianDropout", seq("layers.GaussianDropout(0.2)", inp=(3, 5)), "regularization")
    _add("regularization/AlphaDropout", seq("layers.Dense(4, activation='selu')", "layers.AlphaDropout(0.1)", inp=(3,)), "regularization")
    _add("regularization/ActivityRegularization", seq("layers.ActivityRegularization(l1=0.01, l2=0.001)", inp=(3, 5)), "regularization")
    _add("regularization/ActivityRegularization_default", seq("layers.Dense(4)", "layers.ActivityRegularization()", inp=(3,)), "regularization")


# ---------------------------------------------------------------------------
# Reshaping: Flatten, Reshape, Permute, RepeatVector
# ---------------------------------------------------------------------------
def _reshape_cases():
    for shape in ((5,), (3, 4), (3, 4, 5), (2, 3, 4, 5), (None, 4), (3, None), (None, None, 3)):
        _add(f"reshape/Flatten_{_slug(shape)}", seq("layers.Flatten()", inp=shape), "reshape")
    _add("reshape/Flatten_cf", seq("layers.Flatten(data_format='channels_first')", inp=(3, 4, 5)), "reshape", "channels_first")
    _add("reshape/Flatten_cl", seq("layers.Flatten(data_format='channels_last')", inp=(3, 4, 5)), "reshape")
    _add("reshape/Flatten_then_dense", seq("layers.Flatten()", "layers.Dense(3)", inp=(7, 7, 64)), "reshape")
    _add("reshape/Flatten_none_then_dense_error", seq("layers.Flatten()", "layers.Dense(3)", inp=(None, 4)), "reshape", "error")
    for target, shape in (((12,), (3, 4)), ((-1,), (3, 4)), ((2, -1), (3, 4)), ((-1, 2), (3, 4)),
                          ((2, 3, 2), (12,)), ((4, 3), (3, 4)), ((1, 1, 12), (3, 4)), ((-1, 3), (None, 6)),
                          ((3, -1), (None, 6)), ((6,), (None, 6)), ((2, 2, -1), (4, 4, 3))):
        _add(f"reshape/Reshape_{_slug(target)}_from_{_slug(shape)}",
             seq(f"layers.Reshape({target!r})", inp=shape), "reshape")
    _add("reshape/Reshape_list_target", seq("layers.Reshape([2, 6])", inp=(3, 4)), "reshape")
    _add("reshape/Reshape_then_conv", seq("layers.Reshape((28, 28, 1))", "layers.Conv2D(4, 3)", inp=(784,)), "reshape", "conv")
    _add("reshape/Reshape_incompatible_error", seq("layers.Reshape((5, 5))", inp=(3, 4)), "reshape", "error")
    _add("reshape/Reshape_incompatible_minus1_error", seq("layers.Reshape((5, -1))", inp=(3, 4)), "reshape", "error")
    _add("reshape/Reshape_two_minus1_error", seq("layers.Reshape((-1, -1))", inp=(3, 4)), "reshape", "error")
    for dims, shape in (((2, 1), (3, 4)), ((1, 2), (3, 4)), ((3, 1, 2), (2, 3, 4)), ((2, 3, 1), (2, 3, 4)), ((2, 1), (None, 4))):
        _add(f"reshape/Permute_{_slug(dims)}_{_slug(shape)}", seq(f"layers.Permute({dims!r})", inp=shape), "reshape")
    _add("reshape/Permute_bad_dims_error", seq("layers.Permute((0, 1))", inp=(3, 4)), "reshape", "error")
    _add("reshape/Permute_wrong_length_error", seq("layers.Permute((2, 1))", inp=(2, 3, 4)), "reshape", "error")
    _add("reshape/RepeatVector", seq("layers.RepeatVector(3)", inp=(5,)), "reshape")
    _add("reshape/RepeatVector_after_dense", seq("layers.Dense(4)", "layers.RepeatVector(10)", "layers.Dense(2)", inp=(8,)), "reshape")
    _add("reshape/RepeatVector_rank3_error", seq("layers.RepeatVector(3)", inp=(5, 2)), "reshape", "error")


# ---------------------------------------------------------------------------
# Convolutions
# ---------------------------------------------------------------------------
_CONV_IN = {
    1: ((11, 3), (3, 11)),
    2: ((11, 13, 3), (3, 11, 13)),
    3: ((7, 9, 5, 2), (2, 7, 9, 5)),
}


def _conv_cases():
    for rank in (1, 2, 3):
        cls = f"Conv{rank}D"
        paddings = ("valid", "same", "causal") if rank == 1 else ("valid", "same")
        for df_i, df in enumerate(("channels_last", "channels_first")):
            shape = _CONV_IN[rank][df_i]
            for padding in paddings:
                for strides, dil in ((1, 1), (2, 1), (3, 1), (1, 2)):
                    if rank == 3 and strides == 3:
                        continue
                    args = dict(padding=padding, strides=strides, dilation_rate=dil)
                    if df == "channels_first":
                        args["data_format"] = df
                    _add(f"conv/{cls}_{df}_{padding}_s{strides}_d{dil}",
                         seq(call(cls, 4, 3, **args), inp=shape),
                         "conv", *(("channels_first",) if df_i else ()))
        # kernel sizes / filters / bias
        shape = _CONV_IN[rank][0]
        for k in (1, 2, 5):
            _add(f"conv/{cls}_kernel{k}", seq(call(cls, 6, k), inp=shape), "conv")
        _add(f"conv/{cls}_nobias", seq(call(cls, 6, 3, use_bias=False), inp=shape), "conv")
        _add(f"conv/{cls}_groups", seq(call(cls, 6, 3, groups=3), inp=shape[:-1] + (6,)), "conv", "groups")
        _add(f"conv/{cls}_groups_nobias", seq(call(cls, 4, 3, groups=2, use_bias=False), inp=shape[:-1] + (6,)), "conv", "groups")
        _add(f"conv/{cls}_groups_cf", seq(call(cls, 6, 3, groups=2, data_format="channels_first"), inp=(4,) + shape[:-1]), "conv", "groups", "channels_first")
        _add(f"conv/{cls}_none_spatial", seq(call(cls, 5, 3), inp=(None,) * rank + (3,)), "conv", "none_dims")
        _add(f"conv/{cls}_none_spatial_same_s2", seq(call(cls, 5, 3, strides=2, padding="same"), inp=(None,) * rank + (3,)), "conv", "none_dims")
        _add(f"conv/{cls}_none_spatial_cf", seq(call(cls, 5, 3, data_format="channels_first"), inp=(3,) + (None,) * rank), "conv", "none_dims", "channels_first")
        _add(f"conv/{cls}_kernel_equals_input", seq(call(cls, 2, min(shape[:-1])), inp=shape), "conv")
        _add(f"conv/{cls}_kernel_too_big_error", seq(call(cls, 2, shape[0] + 1), inp=shape), "conv", "error")
        _add(f"conv/{cls}_dilated_too_big_error", seq(call(cls, 2, 3, dilation_rate=shape[0]), inp=shape), "conv", "error")
        _add(f"conv/{cls}_groups_not_dividing_channels_error", seq(call(cls, 6, 3, groups=2), inp=shape[:-1] + (3,)), "conv", "groups", "error")
        _add(f"conv/{cls}_filters_not_divisible_by_groups_error", seq(call(cls, 5, 3, groups=2), inp=shape[:-1] + (4,)), "conv", "groups", "error")
        _add(f"conv/{cls}_strides_and_dilation_error", seq(call(cls, 2, 3, strides=2, dilation_rate=2), inp=shape), "conv", "error")
        _add(f"conv/{cls}_bad_padding_error", seq(call(cls, 2, 3, padding="full"), inp=shape), "conv", "error")
        _add(f"conv/{cls}_wrong_rank_error", seq(call(cls, 2, 3), inp=shape[1:]), "conv", "error")
        _add(f"conv/{cls}_channels_none_error", seq(call(cls, 2, 3), inp=shape[:-1] + (None,)), "conv", "error")
        _add(f"conv/{cls}_input_shape_kw", seq(call(cls, 2, 3, input_shape=shape), "layers.Flatten()", "layers.Dense(1)"), "conv", "input_shape")
    # tuples
    _add("conv/Conv2D_kernel_tuple", seq("layers.Conv2D(4, (2, 5))", inp=(11, 13, 3)), "conv")
    _add("conv/Conv2D_strides_tuple", seq("layers.Conv2D(4, (3, 3), strides=(1, 2))", inp=(11, 13, 3)), "conv")
    _add("conv/Conv2D_strides_tuple_same", seq("layers.Conv2D(4, (3, 3), strides=(3, 2), padding='same')", inp=(11, 13, 3)), "conv")
    _add("conv/Conv2D_dilation_tuple", seq("layers.Conv2D(4, (3, 3), dilation_rate=(2, 3))", inp=(11, 13, 3)), "conv")
    _add("conv/Conv2D_kernel_list", seq("layers.Conv2D(4, [3, 1])", inp=(11, 13, 3)), "conv")
    _add("conv/Conv3D_kernel_tuple", seq("layers.Conv3D(4, (1, 2, 3), strides=(1, 2, 1))", inp=(7, 9, 5, 2)), "conv")
    _add("conv/Conv1D_kernel_tuple", seq("layers.Conv1D(4, (5,), strides=(2,))", inp=(11, 3)), "conv")
    _add("conv/Conv2D_keyword_only", seq("layers.Conv2D(filters=8, kernel_size=(3, 3), strides=(2, 2), padding='same', activation='relu')", inp=(32, 32, 3)), "conv")
    _add("conv/Conv2D_padding_upper", seq("layers.Conv2D(4, 3, padding='SAME')", inp=(8, 8, 3)), "conv")
    _add("conv/Conv2D_causal_error", seq("layers.Conv2D(4, 3, padding='causal')", inp=(8, 8, 3)), "conv", "error")
    _add("conv/Conv2D_zero_filters_error", seq("layers.Conv2D(0, 3)", inp=(8, 8, 3)), "conv", "error")
    _add("conv/Conv2D_zero_kernel_error", seq("layers.Conv2D(2, 0)", inp=(8, 8, 3)), "conv", "error")
    _add("conv/Conv2D_zero_strides_error", seq("layers.Conv2D(2, 3, strides=0)", inp=(8, 8, 3)), "conv", "error")
    _add("conv/Conv2D_bad_data_format_error", seq("layers.Conv2D(2, 3, data_format='NHWC')", inp=(8, 8, 3)), "conv", "error")
    _add("conv/Conv2D_lora", seq("layers.Conv2D(8, 3, lora_rank=2)", inp=(8, 8, 3)), "conv", "lora")
    _add("conv/Conv2D_rank5_input", seq("layers.Conv2D(4, 3)", inp=(2, 8, 8, 3)), "conv", "error")
    _add("conv/Conv1D_rank4_input", seq("layers.Conv1D(4, 3)", inp=(2, 8, 3)), "conv", "error")
    _add("conv/Conv1D_causal_dilated_stack", seq("layers.Conv1D(8, 2, padding='causal', dilation_rate=1)", "layers.Conv1D(8, 2, padding='causal', dilation_rate=2)",
                                                "layers.Conv1D(8, 2, padding='causal', dilation_rate=4)", inp=(None, 1)), "conv", "none_dims")
    _add("conv/Conv2D_vgg_block", seq("layers.Conv2D(64, 3, padding='same', activation='relu')", "layers.Conv2D(64, 3, padding='same', activation='relu')",
                                     "layers.MaxPooling2D(2)", "layers.Conv2D(128, 3, padding='same', activation='relu')", "layers.MaxPooling2D(2)",
                                     "layers.Flatten()", "layers.Dense(256, activation='relu')", "layers.Dense(10)", inp=(32, 32, 3)), "conv", "pooling")
    _add("conv/Conv2D_channels_first_stack", seq("layers.Conv2D(8, 3, data_format='channels_first')", "layers.MaxPooling2D(data_format='channels_first')",
                                                "layers.Flatten(data_format='channels_first')", "layers.Dense(2)", inp=(3, 16, 16)), "conv", "channels_first")


def _conv_transpose_cases():
    for rank in (1, 2, 3):
        cls = f"Conv{rank}DTranspose"
        for df_i, df in enumerate(("channels_last", "channels_first")):
            shape = _CONV_IN[rank][df_i]
            for padding in ("valid", "same"):
                for strides, op, dil in ((1, None, 1), (2, None, 1), (2, 1, 1), (3, None, 1), (3, 2, 1), (1, None, 2)):
                    if rank == 3 and strides == 3 and df_i:
                        continue
                    args = dict(padding=padding, strides=strides)
                    if op is not None:
                        args["output_padding"] = op
                    if dil != 1:
                        args["dilation_rate"] = dil
                    if df_i:
                        args["data_format"] = df
                    _add(f"conv_transpose/{cls}_{df}_{padding}_s{strides}_op{op}_d{dil}",
                         seq(call(cls, 4, 3, **args), inp=shape), "conv_transpose",
                         *(("channels_first",) if df_i else ()))
        shape = _CONV_IN[rank][0]
        _add(f"conv_transpose/{cls}_nobias", seq(call(cls, 4, 2, strides=2, use_bias=False), inp=shape), "conv_transpose")
        _add(f"conv_transpose/{cls}_kernel1", seq(call(cls, 4, 1), inp=shape), "conv_transpose")
        _add(f"conv_transpose/{cls}_kernel4_s2", seq(call(cls, 4, 4, strides=2, padding="same"), inp=shape), "conv_transpose")
        _add(f"conv_transpose/{cls}_none_spatial", seq(call(cls, 4, 3, strides=2), inp=(None,) * rank + (3,)), "conv_transpose", "none_dims")
        _add(f"conv_transpose/{cls}_output_padding_ge_strides_error", seq(call(cls, 4, 3, strides=2, output_padding=2), inp=shape), "conv_transpose", "error")
        _add(f"conv_transpose/{cls}_bad_padding_error", seq(call(cls, 4, 3, padding="causal"), inp=shape), "conv_transpose", "error")
    _add("conv_transpose/Conv2DTranspose_tuple_args", seq("layers.Conv2DTranspose(4, (2, 3), strides=(2, 1), output_padding=(1, 0))", inp=(5, 6, 3)), "conv_transpose")
    _add("conv_transpose/Conv2DTranspose_dilation_tuple", seq("layers.Conv2DTranspose(4, 3, dilation_rate=(2, 1))", inp=(5, 6, 3)), "conv_transpose")
    _add("conv_transpose/Conv2DTranspose_strides_dilation_error", seq("layers.Conv2DTranspose(4, 3, strides=2, dilation_rate=2)", inp=(5, 6, 3)), "conv_transpose", "error")
    _add("conv_transpose/Conv2DTranspose_decoder", seq("layers.Dense(7 * 7 * 32)", "layers.Reshape((7, 7, 32))",
                                                      "layers.Conv2DTranspose(32, 3, strides=2, padding='same', activation='relu')",
                                                      "layers.Conv2DTranspose(16, 3, strides=2, padding='same', activation='relu')",
                                                      "layers.Conv2DTranspose(1, 3, padding='same', activation='sigmoid')", inp=(2,)),
         "conv_transpose", "reshape")


def _depthwise_separable_cases():
    for rank in (1, 2):
        cls = f"DepthwiseConv{rank}D"
        shape = _CONV_IN[rank][0]
        for dm in (1, 2):
            for padding in ("valid", "same"):
                for strides, dil in ((1, 1), (2, 1), (1, 2)):
                    _add(f"depthwise/{cls}_dm{dm}_{padding}_s{strides}_d{dil}",
                         seq(call(cls, 3, depth_multiplier=dm, padding=padding, strides=strides, dilation_rate=dil), inp=shape),
                         "depthwise")
        _add(f"depthwise/{cls}_nobias", seq(call(cls, 3, depth_multiplier=3, use_bias=False), inp=shape), "depthwise")
        _add(f"depthwise/{cls}_cf", seq(call(cls, 3, depth_multiplier=2, data_format="channels_first"), inp=_CONV_IN[rank][1]), "depthwise", "channels_first")
        _add(f"depthwise/{cls}_none_spatial", seq(call(cls, 3), inp=(None,) * rank + (4,)), "depthwise", "none_dims")
        _add(f"depthwise/{cls}_kernel_too_big_error", seq(call(cls, 12), inp=shape), "depthwise", "error")
        _add(f"depthwise/{cls}_strides_and_dilation", seq(call(cls, 3, strides=2, dilation_rate=2), inp=shape), "depthwise")
    _add("depthwise/DepthwiseConv2D_kernel_tuple", seq("layers.DepthwiseConv2D((3, 1), strides=(2, 1))", inp=(11, 13, 3)), "depthwise")
    _add("depthwise/DepthwiseConv2D_mobilenet_block", seq("layers.DepthwiseConv2D(3, padding='same', use_bias=False)", "layers.BatchNormalization()", "layers.ReLU(6.0)",
                                                         "layers.Conv2D(64, 1, use_bias=False)", "layers.BatchNormalization()", "layers.ReLU(6.0)", inp=(16, 16, 32)),
         "depthwise", "norm")

    for rank in (1, 2):
        cls = f"SeparableConv{rank}D"
        shape = _CONV_IN[rank][0]
        for dm in (1, 3):
            for bias in (True, False):
                for padding in ("valid", "same"):
                    _add(f"separable/{cls}_dm{dm}_bias{int(bias)}_{padding}",
                         seq(call(cls, 5, 3, depth_multiplier=dm, use_bias=bias, padding=padding), inp=shape), "separable")
        _add(f"separable/{cls}_strides2", seq(call(cls, 5, 3, strides=2), inp=shape), "separable")
        _add(f"separable/{cls}_dilation2", seq(call(cls, 5, 3, dilation_rate=2), inp=shape), "separable")
        _add(f"separable/{cls}_cf", seq(call(cls, 5, 3, depth_multiplier=2, data_format="channels_first"), inp=_CONV_IN[rank][1]), "separable", "channels_first")
        _add(f"separable/{cls}_none_spatial", seq(call(cls, 5, 3, padding="same"), inp=(None,) * rank + (4,)), "separable", "none_dims")
        _add(f"separable/{cls}_kernel_too_big_error", seq(call(cls, 5, 12), inp=shape), "separable", "error")
    _add("separable/SeparableConv1D_causal_error", seq("layers.SeparableConv1D(4, 3, padding='causal')", inp=(10, 2)), "separable", "error")
    _add("separable/SeparableConv2D_xception_block", seq("layers.SeparableConv2D(32, 3, padding='same', use_bias=False)", "layers.BatchNormalization()", "layers.Activation('relu')",
                                                        "layers.SeparableConv2D(64, 3, padding='same', use_bias=False)", "layers.BatchNormalization()",
                                                        "layers.MaxPooling2D(3, strides=2, padding='same')", inp=(32, 32, 16)), "separable", "norm", "pooling")


# ---------------------------------------------------------------------------
# Pooling
# ---------------------------------------------------------------------------
def _pooling_cases():
    ins = {1: ((11, 3), (3, 11)), 2: ((11, 13, 3), (3, 11, 13)), 3: ((7, 9, 5, 2), (2, 7, 9, 5))}
    for kind in ("Max", "Average"):
        for rank in (1, 2, 3):
            cls = f"{kind}Pooling{rank}D"
            for df_i, df in enumerate(("channels_last", "channels_first")):
                shape = ins[rank][df_i]
                for padding in ("valid", "same"):
                    for pool, strides in ((None, None), (3, None), (3, 1), (2, 3)):
                        if df_i and pool is not None and strides is None:
                            continue
                        if kind == "Average" and pool is None:
                            pool = 2  # AveragePooling has no default pool_size in Keras 3
                        args = {}
                        if pool is not None:
                            args["pool_size"] = pool
                        if strides is not None:
                            args["strides"] = strides
                        args["padding"] = padding
                        if df_i:
                            args["data_format"] = df
                        _add(f"pooling/{cls}_{df}_{padding}_p{pool}_s{strides}",
                             seq(call(cls, **args), inp=shape), "pooling", *(("channels_first",) if df_i else ()))
            shape = ins[rank][0]
            _add(f"pooling/{cls}_none_spatial", seq(call(cls, pool_size=2), inp=(None,) * rank + (3,)), "pooling", "none_dims")
            if kind == "Average":
                _add(f"pooling/{cls}_no_pool_size_error", seq(call(cls), inp=shape), "pooling", "error")
            else:
                _add(f"pooling/{cls}_default_pool_size", seq(call(cls), inp=shape), "pooling")
            _add(f"pooling/{cls}_pool_too_big", seq(call(cls, pool_size=12), inp=shape), "pooling", "error")
            _add(f"pooling/{cls}_bad_padding_error", seq(call(cls, pool_size=2, padding="causal"), inp=shape), "pooling", "error")
    _add("pooling/MaxPooling2D_tuple_pool", seq("layers.MaxPooling2D(pool_size=(2, 3), strides=(1, 2))", inp=(11, 13, 3)), "pooling")
    _add("pooling/MaxPooling2D_positional", seq("layers.MaxPooling2D((2, 2), 2, 'same')", inp=(11, 13, 3)), "pooling")
    _add("pooling/AveragePooling3D_tuple_pool", seq("layers.AveragePooling3D(pool_size=(1, 2, 3), padding='same')", inp=(7, 9, 5, 2)), "pooling")
    _add("pooling/MaxPooling1D_positional", seq("layers.MaxPooling1D(4, 2)", inp=(11, 3)), "pooling")
    _add("pooling/MaxPooling2D_rank_error", seq("layers.MaxPooling2D()", inp=(11, 3)), "pooling", "error")

    for kind in ("Max", "Average"):
        for rank in (1, 2, 3):
            cls = f"Global{kind}Pooling{rank}D"
            for df_i, df in enumerate(("channels_last", "channels_first")):
                shape = ins[rank][df_i]
                for keep in (False, True):
                    args = {}
                    if keep:
                        args["keepdims"] = True
                    if df_i:
                        args["data_format"] = df
                    _add(f"global_pooling/{cls}_{df}_keepdims{int(keep)}", seq(call(cls, **args), inp=shape),
                         "global_pooling", *(("channels_first",) if df_i else ()))
            _add(f"global_pooling/{cls}_none_spatial", seq(call(cls, keepdims=True), inp=(None,) * rank + (3,)), "global_pooling", "none_dims")
            _add(f"global_pooling/{cls}_rank_error", seq(call(cls), inp=ins[rank][0][1:]), "global_pooling", "error")


# ---------------------------------------------------------------------------
# UpSampling / ZeroPadding / Cropping
# ---------------------------------------------------------------------------
def _resample_cases():
    for size in (None, 3):
        args = {} if size is None else {"size": size}
        _add(f"upsampling/UpSampling1D_size{size}", seq(call("UpSampling1D", **args), inp=(5, 3)), "upsampling")
    _add("upsampling/UpSampling1D_none", seq("layers.UpSampling1D(2)", inp=(None, 3)), "upsampling", "none_dims")
    for size in (None, 3, (2, 3), (1, 2)):
        for interp in ("nearest", "bilinear"):
            for df_i in (0, 1):
                args = {} if size is None else {"size": size}
                if interp != "nearest":
                    args["interpolation"] = interp
                if df_i:
                    args["data_format"] = "channels_first"
                _add(f"upsampling/UpSampling2D_size{_slug(size)}_{interp}_{'cf' if df_i else 'cl'}",
                     seq(call("UpSampling2D", **args), inp=((3, 5, 6) if df_i else (5, 6, 3))), "upsampling",
                     *(("channels_first",) if df_i else ()))
    _add("upsampling/UpSampling2D_none", seq("layers.UpSampling2D()", inp=(None, 4, 3)), "upsampling", "none_dims")
    _add("upsampling/UpSampling2D_bicubic", seq("layers.UpSampling2D(interpolation='bicubic')", inp=(5, 6, 3)), "upsampling")
    _add("upsampling/UpSampling2D_unknown_interpolation", seq("layers.UpSampling2D(interpolation='cubic_spline')", inp=(5, 6, 3)), "upsampling")
    for size in (None, 2, (1, 2, 3)):
        for df_i in (0, 1):
            args = {} if size is None else {"size": size}
            if df_i:
                args["data_format"] = "channels_first"
            _add(f"upsampling/UpSampling3D_size{_slug(size)}_{'cf' if df_i else 'cl'}",
                 seq(call("UpSampling3D", **args), inp=((2, 3, 4, 5) if df_i else (3, 4, 5, 2))), "upsampling",
                 *(("channels_first",) if df_i else ()))
    _add("upsampling/UpSampling3D_none", seq("layers.UpSampling3D()", inp=(None, None, 4, 2)), "upsampling", "none_dims")

    # ZeroPadding
    for pad in (None, 2, (1, 3)):
        args = {} if pad is None else {"padding": pad}
        _add(f"zeropadding/ZeroPadding1D_{_slug(pad)}", seq(call("ZeroPadding1D", **args), inp=(5, 3)), "zeropadding")
    _add("zeropadding/ZeroPadding1D_none", seq("layers.ZeroPadding1D(2)", inp=(None, 3)), "zeropadding", "none_dims")
    _add("zeropadding/ZeroPadding1D_cf", seq("layers.ZeroPadding1D(2, data_format='channels_first')", inp=(3, 5)), "zeropadding", "channels_first")
    for pad in (None, 2, (1, 3), ((1, 2), (3, 4))):
        for df_i in (0, 1):
            args = {} if pad is None else {"padding": pad}
            if df_i:
                args["data_format"] = "channels_first"
            _add(f"zeropadding/ZeroPadding2D_{_slug(pad)}_{'cf' if df_i else 'cl'}",
                 seq(call("ZeroPadding2D", **args), inp=((3, 5, 6) if df_i else (5, 6, 3))), "zeropadding",
                 *(("channels_first",) if df_i else ()))
    _add("zeropadding/ZeroPadding2D_none", seq("layers.ZeroPadding2D(1)", inp=(None, None, 3)), "zeropadding", "none_dims")
    _add("zeropadding/ZeroPadding2D_bad_error", seq("layers.ZeroPadding2D((1, 2, 3))", inp=(5, 6, 3)), "zeropadding", "error")
    for pad in (None, 2, (1, 2, 3), ((1, 2), (3, 4), (5, 6))):
        for df_i in (0, 1):
            args = {} if pad is None else {"padding": pad}
            if df_i:
                args["data_format"] = "channels_first"
            _add(f"zeropadding/ZeroPadding3D_{_slug(pad)}_{'cf' if df_i else 'cl'}",
                 seq(call("ZeroPadding3D", **args), inp=((2, 3, 4, 5) if df_i else (3, 4, 5, 2))), "zeropadding",
                 *(("channels_first",) if df_i else ()))
    _add("zeropadding/ZeroPadding3D_bad_error", seq("layers.ZeroPadding3D((1, 2))", inp=(3, 4, 5, 2)), "zeropadding", "error")

    # Cropping
    for crop in (None, 2, (1, 3)):
        args = {} if crop is None else {"cropping": crop}
        _add(f"cropping/Cropping1D_{_slug(crop)}", seq(call("Cropping1D", **args), inp=(9, 3)), "cropping")
    _add("cropping/Cropping1D_none", seq("layers.Cropping1D(2)", inp=(None, 3)), "cropping", "none_dims")
    _add("cropping/Cropping1D_too_much_error", seq("layers.Cropping1D((5, 5))", inp=(9, 3)), "cropping", "error")
    _add("cropping/Cropping1D_exact_error", seq("layers.Cropping1D((4, 5))", inp=(9, 3)), "cropping", "error")
    for crop in (None, 1, (1, 2), ((1, 2), (3, 0))):
        for df_i in (0, 1):
            args = {} if crop is None else {"cropping": crop}
            if df_i:
                args["data_format"] = "channels_first"
            _add(f"cropping/Cropping2D_{_slug(crop)}_{'cf' if df_i else 'cl'}",
                 seq(call("Cropping2D", **args), inp=((3, 9, 10) if df_i else (9, 10, 3))), "cropping",
                 *(("channels_first",) if df_i else ()))
    _add("cropping/Cropping2D_none", seq("layers.Cropping2D(1)", inp=(None, 10, 3)), "cropping", "none_dims")
    _add("cropping/Cropping2D_too_much_error", seq("layers.Cropping2D(((5, 5), (0, 0)))", inp=(9, 10, 3)), "cropping", "error")
    _add("cropping/Cropping2D_bad_error", seq("layers.Cropping2D((1, 2, 3))", inp=(9, 10, 3)), "cropping", "error")
    for crop in (None, 1, (1, 2, 0), ((1, 0), (0, 2), (1, 1))):
        for df_i in (0, 1):
            args = {} if crop is None else {"cropping": crop}
            if df_i:
                args["data_format"] = "channels_first"
            _add(f"cropping/Cropping3D_{_slug(crop)}_{'cf' if df_i else 'cl'}",
                 seq(call("Cropping3D", **args), inp=((2, 6, 7, 8) if df_i else (6, 7, 8, 2))), "cropping",
                 *(("channels_first",) if df_i else ()))
    _add("cropping/Cropping3D_too_much_error", seq("layers.Cropping3D(3)", inp=(6, 7, 8, 2)), "cropping", "error")


# ---------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------
def _norm_cases():
    for shape in ((6,), (4, 6), (5, 5, 6), (2, 3, 4, 6)):
        _add(f"norm/BatchNormalization_{_slug(shape)}", seq("layers.BatchNormalization()", inp=shape), "norm", "batchnorm")
    for center, scale in ((False, True), (True, False), (False, False)):
        _add(f"norm/BatchNormalization_center{int(center)}_scale{int(scale)}",
             seq(call("BatchNormalization", center=center, scale=scale), inp=(5, 5, 6)), "norm", "batchnorm")
    _add("norm/BatchNormalization_axis1", seq("layers.BatchNormalization(axis=1)", inp=(3, 8, 8)), "norm", "batchnorm", "channels_first")
    _add("norm/BatchNormalization_axis2_rank3", seq("layers.BatchNormalization(axis=2)", inp=(4, 6)), "norm", "batchnorm")
    _add("norm/BatchNormalization_axis1_rank3", seq("layers.BatchNormalization(axis=1)", inp=(4, 6)), "norm", "batchnorm")
    _add("norm/BatchNormalization_axis_neg2", seq("layers.BatchNormalization(axis=-2)", inp=(5, 4, 6)), "norm", "batchnorm")
    _add("norm/BatchNormalization_axis_list_error", seq("layers.BatchNormalization(axis=[1, 2])", inp=(5, 4, 6)), "norm", "batchnorm", "error")
    _add("norm/BatchNormalization_axis_out_of_range_error", seq("layers.BatchNormalization(axis=3)", inp=(4, 6)), "norm", "batchnorm", "error")
    _add("norm/BatchNormalization_none_channel_error", seq("layers.BatchNormalization()", inp=(4, None)), "norm", "batchnorm", "error")
    _add("norm/BatchNormalization_none_spatial", seq("layers.BatchNormalization()", inp=(None, None, 3)), "norm", "batchnorm", "none_dims")
    _add("norm/BatchNormalization_after_dense", seq("layers.Dense(16)", "layers.BatchNormalization()", "layers.Activation('relu')", "layers.Dense(1)", inp=(8,)), "norm", "batchnorm")
    _add("norm/BatchNormalization_momentum", seq("layers.BatchNormalization(momentum=0.9, epsilon=1e-5)", inp=(6,)), "norm", "batchnorm")

    for axis in (-1, 1, [1, 2], [-2, -1], [1, 2, 3], (2,)):
        shape = (4, 5, 6)
        _add(f"norm/LayerNormalization_axis{_slug(axis)}", seq(call("LayerNormalization", axis=axis), inp=shape), "norm", "layernorm")
    for center, scale in ((False, True), (True, False), (False, False)):
        _add(f"norm/LayerNormalization_center{int(center)}_scale{int(scale)}",
             seq(call("LayerNormalization", center=center, scale=scale), inp=(4, 6)), "norm", "layernorm")
    _add("norm/LayerNormalization_rank2", seq("layers.LayerNormalization()", inp=(6,)), "norm", "layernorm")
    _add("norm/LayerNormalization_rms_scaling", seq("layers.LayerNormalization(rms_scaling=True)", inp=(4, 6)), "norm", "layernorm")
    _add("norm/LayerNormalization_axis_error", seq("layers.LayerNormalization(axis=3)", inp=(4, 6)), "norm", "layernorm", "error")

    for groups, shape, axis in ((2, (5, 5, 8), -1), (8, (5, 5, 8), -1), (1, (5, 5, 8), -1), (4, (10, 8), -1),
                                (-1, (5, 5, 8), -1), (3, (6, 5, 5), 1), (32, (4, 64), -1)):
        args = {"groups": groups}
        if axis != -1:
            args["axis"] = axis
        _add(f"norm/GroupNormalization_g{_slug(groups)}_{_slug(shape)}_axis{_slug(axis)}",
             seq(call("GroupNormalization", **args), inp=shape), "norm", "groupnorm")
    _add("norm/GroupNormalization_default_groups", seq("layers.GroupNormalization()", inp=(4, 64)), "norm", "groupnorm")
    _add("norm/GroupNormalization_no_center_scale", seq("layers.GroupNormalization(groups=2, center=False, scale=False)", inp=(4, 8)), "norm", "groupnorm")
    _add("norm/GroupNormalization_no_center", seq("layers.GroupNormalization(groups=2, center=False)", inp=(4, 8)), "norm", "groupnorm")
    _add("norm/GroupNormalization_not_dividing_error", seq("layers.GroupNormalization(groups=3)", inp=(4, 8)), "norm", "groupnorm", "error")
    _add("norm/GroupNormalization_too_many_groups_error", seq("layers.GroupNormalization(groups=16)", inp=(4, 8)), "norm", "groupnorm", "error")
    _add("norm/GroupNormalization_default_groups_error", seq("layers.GroupNormalization()", inp=(4, 8)), "norm", "groupnorm", "error")

    _add("norm/UnitNormalization", seq("layers.UnitNormalization()", inp=(4, 6)), "norm")
    _add("norm/UnitNormalization_axis_list", seq("layers.UnitNormalization(axis=[1, 2])", inp=(4, 6)), "norm")

    _add("norm/RMSNormalization", seq("layers.RMSNormalization()", inp=(4, 6)), "norm", "rmsnorm")
    _add("norm/RMSNormalization_rank2", seq("layers.RMSNormalization()", inp=(6,)), "norm", "rmsnorm")
    _add("norm/RMSNormalization_axis1", seq("layers.RMSNormalization(axis=1)", inp=(4, 6)), "norm", "rmsnorm")
    _add("norm/RMSNormalization_axis_list", seq("layers.RMSNormalization(axis=[1, 2])", inp=(4, 5, 6)), "norm", "rmsnorm")
    _add("norm/RMSNormalization_epsilon", seq("layers.RMSNormalization(axis=-1, epsilon=1e-5)", inp=(3, 4, 5)), "norm", "rmsnorm")


# ---------------------------------------------------------------------------
# Embedding, Masking, misc
# ---------------------------------------------------------------------------
def _misc_cases():
    _add("embedding/rank1", seq("layers.Embedding(1000, 64)", inp=(10,)), "embedding")
    _add("embedding/rank2", seq("layers.Embedding(1000, 64)", inp=(5, 10)), "embedding")
    _add("embedding/scalar_input", seq("layers.Embedding(50, 4)", inp=()), "embedding")
    _add("embedding/none_length", seq("layers.Embedding(1000, 64)", inp=(None,)), "embedding", "none_dims")
    _add("embedding/keywords", seq("layers.Embedding(input_dim=20, output_dim=3)", inp=(7,)), "embedding")
    _add("embedding/mask_zero", seq("layers.Embedding(1000, 16, mask_zero=True)", "layers.GlobalAveragePooling1D()", "layers.Dense(1)", inp=(20,)), "embedding")
    _add("embedding/input_shape_kw", seq("layers.Embedding(1000, 64, input_shape=(10,))", "layers.Flatten()", "layers.Dense(1)"), "embedding", "input_shape")
    _add("embedding/input_dim_kw_clash", seq("layers.Embedding(input_dim=1000, output_dim=8)", "layers.Flatten()"), "embedding", "unbuilt")
    _add("embedding/input_length_kw", seq("layers.Embedding(1000, 8, input_length=10)", inp=(10,)), "embedding")
    _add("embedding/unbuilt_then_build", seq("layers.Embedding(100, 8)", "layers.Flatten()") + "model.build((None, 12))\n", "embedding", "build")
    _add("embedding/regularizer", seq("layers.Embedding(100, 8, embeddings_regularizer='l2')", inp=(3,)), "embedding")
    _add("embedding/lora", seq("layers.Embedding(100, 8, lora_rank=2)", inp=(3,)), "embedding", "lora")
    _add("embedding/text_classifier", seq("layers.Embedding(10000, 16)", "layers.Dropout(0.2)", "layers.GlobalAveragePooling1D()", "layers.Dropout(0.2)", "layers.Dense(1)", inp=(None,)), "embedding", "none_dims")
    _add("embedding/missing_args_error", seq("layers.Embedding(1000)", inp=(10,)), "embedding", "error")

    _add("misc/Masking", seq("layers.Masking(mask_value=0.0)", "layers.Dense(3)", inp=(5, 4)), "misc")
    _add("misc/Masking_default", seq("layers.Masking()", inp=(5, 4)), "misc")
    _add("misc/Rescaling", seq("layers.Rescaling(1.0 / 255)", "layers.Conv2D(4, 3)", inp=(8, 8, 3)), "misc")
    _add("misc/Rescaling_offset", seq("layers.Rescaling(scale=2.0, offset=-1.0)", inp=(4,)), "misc")
    _add("misc/Rescaling_missing_error", seq("layers.Rescaling()", inp=(4,)), "misc", "error")
    _add("misc/Identity", seq("layers.Identity()", "layers.Dense(2)", inp=(4,)), "misc")
    _add("misc/Identity_rank4", seq("layers.Identity()", inp=(3, 4, 5)), "misc")
    _add("misc/Lambda_identity", seq("layers.Lambda(lambda x: x)", inp=(4,)), "misc", "lambda")
    _add("misc/Lambda_identity_rank3", seq("layers.Lambda(lambda x: x)", "layers.Dense(2)", inp=(3, 4)), "misc", "lambda")
    _add("misc/Lambda_output_shape", seq("layers.Lambda(lambda x: x, output_shape=(4,))", inp=(4,)), "misc", "lambda")
    _add("misc/Lambda_output_shape_rank3", seq("layers.Lambda(lambda x: x * 2.0, output_shape=(3, 4))", "layers.Dense(2)", inp=(3, 4)), "misc", "lambda")
    _add("misc/Lambda_output_shape_mismatch", seq("layers.Lambda(lambda x: x, output_shape=(7,))", "layers.Dense(2)", inp=(4,)), "misc", "lambda")
    _add("misc/Lambda_output_shape_list_error", seq("layers.Lambda(lambda x: x, output_shape=[2, 2])", inp=(2, 2)), "misc", "lambda", "error")
    _add("misc/Lambda_named", seq("layers.Lambda(lambda x: x, name='passthrough')", inp=(4,)), "misc", "lambda", "names")
    _add("misc/Lambda_unbuilt", seq("layers.Lambda(lambda x: x)", "layers.Dense(2)"), "misc", "lambda", "unbuilt")
    _add("misc/Lambda_build", seq("layers.Lambda(lambda x: x)", "layers.Dense(2)") + "model.build((None, 5))\n", "misc", "lambda", "build")


# ---------------------------------------------------------------------------
# Aliases
# ---------------------------------------------------------------------------
def _alias_cases():
    aliases = [
        ("Convolution1D", "4, 3", (10, 3)),
        ("Convolution2D", "4, 3", (8, 8, 3)),
        ("Convolution3D", "4, 3", (5, 5, 5, 2)),
        ("Convolution1DTranspose", "4, 3", (10, 3)),
        ("Convolution2DTranspose", "4, 3, strides=2", (8, 8, 3)),
        ("Convolution3DTranspose", "4, 3", (5, 5, 5, 2)),
        ("SeparableConvolution1D", "4, 3", (10, 3)),
        ("SeparableConvolution2D", "4, 3", (8, 8, 3)),
        ("MaxPool1D", "", (10, 3)),
        ("MaxPool2D", "", (8, 8, 3)),
        ("MaxPool3D", "", (4, 4, 4, 2)),
        ("AvgPool1D", "3", (10, 3)),
        ("AvgPool2D", "(2, 2)", (8, 8, 3)),
        ("AvgPool3D", "pool_size=2", (4, 4, 4, 2)),
        ("GlobalAvgPool1D", "", (10, 3)),
        ("GlobalAvgPool2D", "", (8, 8, 3)),
        ("GlobalAvgPool3D", "", (4, 4, 4, 2)),
        ("GlobalMaxPool1D", "", (10, 3)),
        ("GlobalMaxPool2D", "keepdims=True", (8, 8, 3)),
        ("GlobalMaxPool3D", "", (4, 4, 4, 2)),
    ]
    for name, args, shape in aliases:
        _add(f"alias/{name}", seq(f"layers.{name}({args})", inp=shape), "alias")
    _add("alias/keras_layers_prefix", seq("keras.layers.Dense(3)", "keras.layers.Activation('relu')", inp="keras.layers.InputLayer(shape=(4,))"), "alias")
    _add("alias/keras_layers_Input_in_list", seq("keras.layers.Dense(3)", inp="keras.layers.Input(shape=(4,))"), "alias")
    _add("alias/auto_names_of_aliases", seq("layers.Convolution2D(2, 3)", "layers.Conv2D(2, 3)", "layers.MaxPool2D()", "layers.MaxPooling2D()",
                                           "layers.GlobalAvgPool2D()", inp=(16, 16, 1)), "alias", "names")


# ---------------------------------------------------------------------------
# Trainable / frozen
# ---------------------------------------------------------------------------
def _trainable_cases():
    _add("trainable/layer_frozen_before_add", """
frozen = layers.Dense(4)
frozen.trainable = False
model = keras.Sequential([keras.Input(shape=(3,)), frozen, layers.Dense(2)])
""", "trainable")
    _add("trainable/layer_frozen_after_add", """
model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(4), layers.Dense(2)])
model.layers[0].trainable = False
""", "trainable")
    _add("trainable/layer_frozen_before_build", """
hidden = layers.Dense(4)
model = keras.Sequential([hidden, layers.Dense(2)])
hidden.trainable = False
model.build((None, 3))
""", "trainable", "build")
    _add("trainable/layer_frozen_add_api", """
model = keras.Sequential()
model.add(keras.Input(shape=(3,)))
conv = layers.Dense(4)
conv.trainable = False
model.add(conv)
model.add(layers.Dense(2))
""", "trainable", "add")
    _add("trainable/model_frozen", """
model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(4), layers.BatchNormalization(), layers.Dense(2)])
model.trainable = False
""", "trainable", "batchnorm")
    _add("trainable/model_frozen_then_layer_unfrozen", """
model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(4), layers.Dense(2)])
model.trainable = False
model.layers[1].trainable = True
""", "trainable")
    _add("trainable/model_frozen_unbuilt", """
model = keras.Sequential([layers.Dense(4), layers.Dense(2)])
model.trainable = False
""", "trainable", "unbuilt")
    _add("trainable/model_frozen_then_build", """
model = keras.Sequential([layers.Dense(4), layers.Dense(2)])
model.trainable = False
model.build((None, 3))
""", "trainable", "build")
    _add("trainable/model_ctor_trainable_false", seq("layers.Dense(4)", inp=(3,), ctor="keras.Sequential") .replace("])\n", "], trainable=False)\n"), "trainable")
    _add("trainable/batchnorm_frozen", """
bn = layers.BatchNormalization()
bn.trainable = False
model = keras.Sequential([keras.Input(shape=(4, 4, 8)), layers.Conv2D(8, 3), bn, layers.GlobalAveragePooling2D(), layers.Dense(2)])
""", "trainable", "batchnorm")
    _add("trainable/batchnorm_frozen_after", """
model = keras.Sequential([keras.Input(shape=(6,)), layers.BatchNormalization(), layers.Dense(2)])
model.layers[0].trainable = False
""", "trainable", "batchnorm")
    _add("trainable/batchnorm_kwarg_false", seq("layers.BatchNormalization(trainable=False)", inp=(6,)), "trainable", "batchnorm")
    _add("trainable/frozen_no_weights", """
flat = layers.Flatten()
flat.trainable = False
model = keras.Sequential([keras.Input(shape=(3, 4)), flat, layers.Dense(2)])
""", "trainable")
    _add("trainable/frozen_conv_and_prelu", """
model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Conv2D(4, 3), layers.PReLU(), layers.Flatten(), layers.Dense(2)])
model.layers[0].trainable = False
model.layers[1].trainable = False
""", "trainable", "prelu")
    _add("trainable/all_layers_frozen", """
model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(4), layers.Dense(2)])
for l in model.layers:
    l.trainable = False
""", "trainable")
    _add("trainable/frozen_layernorm_embedding", """
emb = layers.Embedding(100, 8)
emb.trainable = False
model = keras.Sequential([keras.Input(shape=(5,)), emb, layers.LayerNormalization(), layers.GlobalAveragePooling1D(), layers.Dense(1)])
""", "trainable", "embedding")
    _add("trainable/unbuilt_frozen_layer", """
d = layers.Dense(4)
d.trainable = False
model = keras.Sequential([d, layers.Dense(2)])
""", "trainable", "unbuilt")
    _add("trainable/lora_dense_frozen_kernel", seq("layers.Dense(8, lora_rank=2)", "layers.Dense(2)", inp=(4,)), "trainable", "lora")


# ---------------------------------------------------------------------------
# Dtypes (printed byte sizes depend on variable dtype)
# ---------------------------------------------------------------------------
def _dtype_cases():
    for dt in ("float16", "mixed_float16", "bfloat16", "mixed_bfloat16", "float64", "float32"):
        _add(f"dtype/Dense_{dt}", seq(f"layers.Dense(4, dtype={dt!r})", "layers.Dense(2)", inp=(3,)), "dtype")
    for dt in ("float16", "mixed_float16", "bfloat16", "float64"):
        _add(f"dtype/BatchNormalization_{dt}", seq(f"layers.BatchNormalization(dtype={dt!r})", inp=(6,)), "dtype", "batchnorm")
        _add(f"dtype/Conv2D_{dt}", seq(f"layers.Conv2D(4, 3, dtype={dt!r})", inp=(8, 8, 3)), "dtype", "conv")
    _add("dtype/Embedding_float16", seq("layers.Embedding(100, 8, dtype='float16')", inp=(5,)), "dtype", "embedding")
    _add("dtype/LayerNormalization_mixed", seq("layers.Dense(8, dtype='mixed_float16')", "layers.LayerNormalization(dtype='mixed_float16')", inp=(4,)), "dtype", "layernorm")
    _add("dtype/PReLU_bfloat16", seq("layers.PReLU(dtype='bfloat16')", inp=(4,)), "dtype", "prelu")
    _add("dtype/all_float64", seq("layers.Dense(8, dtype='float64')", "layers.Dense(4, dtype='float64')", "layers.Dense(1, dtype='float64')", inp=(3,)), "dtype")
    _add("dtype/mixed_model", seq("layers.Dense(8, dtype='float16')", "layers.Dense(8, dtype='float64')", "layers.Dense(8, dtype='bfloat16')", "layers.Dense(8)", inp=(3,)), "dtype")
    _add("dtype/input_float16_dense_default", seq("layers.Dense(4)", inp="keras.Input(shape=(3,), dtype='float16')"), "dtype")
    _add("dtype/input_shape_kw_with_dtype", seq("layers.Dense(4, input_shape=(3,), dtype='float16')", "layers.Dense(2)"), "dtype", "input_shape")
    _add("dtype/frozen_float16", """
d = layers.Dense(10, dtype='float16')
d.trainable = False
model = keras.Sequential([keras.Input(shape=(10,)), d, layers.Dense(10, dtype='float64')])
""", "dtype", "trainable")
    _add("dtype/int_dtype_dense_error", seq("layers.Dense(4, dtype='int32')", inp=(3,)), "dtype", "error")
    _add("dtype/bad_dtype_error", seq("layers.Dense(4, dtype='float17')", inp=(3,)), "dtype", "error")
    _add("dtype/unbuilt_then_build_float16", seq("layers.Dense(4, dtype='float16')", "layers.Dense(2)") + "model.build((None, 3))\n", "dtype", "build")


# ---------------------------------------------------------------------------
# Large models / number formatting
# ---------------------------------------------------------------------------
def _large_cases():
    _add("large/dense_1k", seq("layers.Dense(1000)", inp=(1000,)), "large")
    _add("large/dense_100k_x_100k", seq("layers.Dense(100000)", inp=(100000,)), "large", "lazy")
    _add("large/dense_100k_x_100k_input_shape", seq("layers.Dense(100000, input_shape=(100000,))", "layers.Dense(10)"), "large", "lazy")
    _add("large/dense_1m_x_1m", seq("layers.Dense(1000000)", inp=(1000000,)), "large", "lazy")
    _add("large/dense_petabyte", seq("layers.Dense(100000000)", "layers.Dense(10000000)", inp=(10000000,)), "large", "lazy")
    _add("large/embedding_big_vocab", seq("layers.Embedding(5000000, 300)", inp=(100,)), "large", "lazy", "embedding")
    _add("large/embedding_big_float16", seq("layers.Embedding(5000000, 300, dtype='float16')", inp=(100,)), "large", "lazy", "embedding", "dtype")
    _add("large/conv_big", seq("layers.Conv2D(2048, 7)", "layers.Conv2D(2048, 3)", inp=(32, 32, 1024)), "large", "lazy", "conv")
    for n in (1, 255, 256, 257, 1023, 1024, 1025, 262144, 262145):
        # bias-free Dense(n) on 1 input -> n params, 4n bytes: exercises B/KB/MB boundaries
        _add(f"large/bytes_boundary_{n}", seq(f"layers.Dense({n}, use_bias=False)", inp=(1,)), "large", "format")
    _add("large/bytes_boundary_float16_512", seq("layers.Dense(512, use_bias=False, dtype='float16')", inp=(1,)), "large", "format", "dtype")
    _add("large/bytes_boundary_float64_128", seq("layers.Dense(128, use_bias=False, dtype='float64')", inp=(1,)), "large", "format", "dtype")
    _add("large/params_999999", seq("layers.Dense(999999, use_bias=False)", inp=(1,)), "large", "format")
    _add("large/gigabyte", seq("layers.Dense(32768, use_bias=False)", inp=(32768,)), "large", "lazy", "format")
    _add("large/huge_dims_shape", seq("layers.Dense(2)", inp=(123456789, 987654321)), "large", "format", "lazy")


# ---------------------------------------------------------------------------
# Formatting: long names, long shapes, markup characters
# ---------------------------------------------------------------------------
def _format_cases():
    _add("format/long_layer_name", seq("layers.Dense(3, name='a_very_long_layer_name_that_wraps_in_the_column')", inp=(4,)), "format", "names")
    _add("format/very_long_layer_name", seq("layers.Dense(3, name='" + "x" * 120 + "')", inp=(4,)), "format", "names")
    _add("format/long_name_with_underscores_and_digits", seq("layers.Dense(3, name='block_12_expand_conv_bn_relu6_depthwise_pad_layer_0001')", "layers.Dense(2, name='out')", inp=(4,)), "format", "names")
    _add("format/long_model_name", seq("layers.Dense(3)", inp=(4,), name="a_model_with_a_really_quite_extraordinarily_long_name_for_testing_purposes"), "format", "names")
    _add("format/long_shape", seq("layers.Dense(3)", inp=(1000000, 1000000, 1000000, 3)), "format", "lazy")
    _add("format/long_shape_rank6", seq("layers.Reshape((2, 3, 4, 5, 6, 7, 8))", "layers.Dense(1)", inp=(40320,)), "format")
    _add("format/long_shape_none", seq("layers.Conv3D(12345, 1)", inp=(None, None, None, 3)), "format", "none_dims")
    _add("format/markup_like_name", seq("layers.Dense(3, name='dense[1]')", "layers.Dense(2, name='[bold]x')", "layers.Dense(1, name='[red]')", inp=(4,)), "format", "names")
    _add("format/markup_like_model_name", seq("layers.Dense(3)", inp=(4,), name="[red]model"), "format", "names")
    _add("format/slash_in_model_name_error", seq("layers.Dense(3)", inp=(4,), name="a/b"), "format", "names", "error")
    _add("format/unicode_name", seq("layers.Dense(3, name='dense_é_ü')", inp=(4,)), "format", "names")
    _add("format/name_with_spaces", seq("layers.Dense(3, name='my dense layer')", inp=(4,)), "format", "names")
    _add("format/many_layers", seq(*[f"layers.Dense({i + 1})" for i in range(40)], inp=(1,)), "format")
    _add("format/mixed_long", seq("layers.Conv2D(64, 3, name='stem_convolution_with_a_long_descriptive_name')", "layers.BatchNormalization(name='stem_batch_normalization_long')",
                                  "layers.GlobalAveragePooling2D(keepdims=True, name='global_avg_pool_keepdims_for_squeeze_excite')",
                                  "layers.Flatten()", "layers.Dense(1000, name='predictions')", inp=(224, 224, 3)), "format", "names", "conv")
    # Column-boundary probes: many name lengths in one model, and output
    # shape texts of growing length (weight-free Identity layers).
    _add("format/name_lengths", seq(*[f"layers.Dense(1, name='{'n' * n}')" for n in range(18, 42, 2)], inp=(1,)), "format", "names")
    _add("format/name_lengths_words", seq(*[f"layers.Dense(1, name='{' '.join(['word'] * n)}')" for n in range(3, 9)], inp=(1,)), "format", "names")
    for digits in range(1, 11):
        dim = int("9" * digits)
        _add(f"format/shape_text_digits{digits}", seq("layers.Identity()", inp=(dim, dim, 3)), "format", "lazy")
    _add("format/slash_in_name_error", seq("layers.Dense(3, name='a/b')", inp=(4,)), "format", "names", "error")


# ---------------------------------------------------------------------------
# Misc errors not covered above
# ---------------------------------------------------------------------------
def _error_cases():
    _add("error/UpSampling2D_rank_error", seq("layers.UpSampling2D()", inp=(5, 3)), "error", "upsampling")
    _add("error/ZeroPadding2D_rank_error", seq("layers.ZeroPadding2D()", inp=(5, 3)), "error", "zeropadding")
    _add("error/Cropping2D_rank_error", seq("layers.Cropping2D()", inp=(5, 3)), "error", "cropping")
    _add("error/Conv2D_after_flatten_error", seq("layers.Flatten()", "layers.Conv2D(2, 3)", inp=(8, 8, 3)), "error", "conv")
    _add("error/conv_chain_shrinks_to_zero", seq("layers.Conv2D(2, 3)", "layers.Conv2D(2, 3)", "layers.Conv2D(2, 3)", inp=(6, 6, 1)), "error", "conv")
    _add("error/pooling_then_conv_too_small", seq("layers.MaxPooling2D(4)", "layers.Conv2D(2, 3)", inp=(8, 8, 1)), "error", "conv", "pooling")
    _add("error/Embedding_unknown_kwarg", seq("layers.Embedding(10, 4, padding='same')", inp=(3,)), "error", "embedding")
    _add("error/Conv2D_unknown_kwarg", seq("layers.Conv2D(4, 3, units=3)", inp=(8, 8, 3)), "error", "conv")
    _add("error/Flatten_unknown_kwarg", seq("layers.Flatten(axis=1)", inp=(8, 8, 3)), "error", "reshape")
    _add("error/Dropout_unknown_kwarg", seq("layers.Dropout(0.5, units=3)", inp=(8,)), "error", "regularization")
    _add("error/MaxPooling2D_unknown_kwarg", seq("layers.MaxPooling2D(2, kernel_size=3)", inp=(8, 8, 3)), "error", "pooling")
    _add("error/Dense_missing_units", seq("layers.Dense()", inp=(8,)), "error", "dense")
    _add("error/Conv2D_missing_kernel", seq("layers.Conv2D(3)", inp=(8, 8, 3)), "error", "conv")
    _add("error/trainable_not_bool", seq("layers.Dense(3, trainable=1)", inp=(8,)), "error", "dense")
    _add("error/Reshape_none_target_ok", seq("layers.Reshape((None, 2))", inp=(4, 2)), "reshape")


_seed_cases()
_api_cases()
_dense_cases()
_activation_cases()
_regularization_cases()
_reshape_cases()
_conv_cases()
_conv_transpose_cases()
_depthwise_separable_cases()
_pooling_cases()
_resample_cases()
_norm_cases()
_misc_cases()
_alias_cases()
_trainable_cases()
_dtype_cases()
_large_cases()
_format_cases()
_error_cases()


if __name__ == "__main__":  # pragma: no cover - convenience listing
    import collections
    print(len(CASES), "cases")
    print(collections.Counter(c["id"].split("/")[0] for c in CASES))
