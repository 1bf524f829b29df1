"""Layer snippets: short Keras code whose result real Keras 3.15.1 records, for the tests that
check behaviour rather than one layer call (tests/layers/test_convolutional.py,
test_pooling.py, test_rnn.py, tests/test_functional.py).

Plain data (no Keras import).  ``TABLES[name] = {"recipe": "snippet", "rows": [[id, code],
...]}``; the generator (tools/make_layer_tables.py, the same fixture as the layer tables:
tests/golden/layer_tables/keras3.json.gz) runs each ``code`` after ``clear_session()`` and
appends the value it assigns to ``result``, as JSON (tuples become lists).  The tests run the
same code on paramscope with the same names bound and compare, so a snippet uses only what
both offer:

* ``keras``, ``L`` (``keras.layers``), ``ops`` (``keras.ops``);
* ``weights(layer)``: ``[[name, shape, dtype, trainable], ...]`` of ``layer.weights``;
* ``shapes(x)``: the shapes of a tensor or a nested list/tuple of tensors;
* ``rows(model)``: the rows ``model.summary()`` prints, each ``{"name", "class_name",
  "output_shape", "params", "built", "trainable", "trainable_params",
  "non_trainable_params", "inbound": [[layer, node index, tensor index], ...]}``;
* ``totals(model)``: ``[total, trainable, non-trainable]`` params as the summary prints them;
* ``nested(model)``: ``[[level, name], ...]`` of the summary's rows with ``expand_nested``.

``recipe: "keras_only"`` rows run only in the generator (real Keras, and ``tf_keras`` 2.21
importable as ``tf_keras``): what paramscope reads but cannot run, such as a tf.keras model's
``to_json()``.

Regenerate: the command of tools/cases/layer_tables.py (the generator records both files)::

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_layer_tables.py \\
        --tensorflow-site /work/venvs/k2/lib/python3.11/site-packages
"""

TABLES = {
    "convolutional_snippets": {"recipe": "snippet", "rows": [
        ["names", """
result = sorted(n for n in dir(keras.layers) if "Conv" in n and "LSTM" not in n)
"""],
        ["aliases", """
result = []
for alias in ["Convolution2D", "Convolution3DTranspose", "SeparableConvolution1D"]:
    layer = getattr(L, alias)(2, 3)
    cls = type(layer).__name__
    result.append([cls, layer.name, type(layer) is getattr(L, cls)])
"""],
        ["positional_arguments", """
result = [L.Conv3DTranspose(2, 3, 2, "valid", "channels_last", 1)(keras.Input((4, 4, 4, 3))).shape,
          L.Conv1DTranspose(2, 3, 2, "valid", 1, "channels_last")(keras.Input((4, 3))).shape,
          L.DepthwiseConv2D(3, 1, "valid", 2)(keras.Input((8, 8, 3))).shape]
sep = L.SeparableConv2D(4, 3, 1, "valid", None, 1, 2)
sep(keras.Input((8, 8, 3)))
result.append(weights(sep))
"""],
        ["lora_groups_and_dtypes", """
conv = L.Conv2D(8, 3, lora_rank=2, groups=2)
conv(keras.Input((8, 8, 6)))
mixed = L.Conv2D(4, 3, dtype="mixed_bfloat16", lora_rank=1)
mixed(keras.Input((8, 8, 3)))
sep = L.SeparableConv2D(4, 3, dtype="bfloat16")
sep(keras.Input((8, 8, 3)))
result = [weights(conv), weights(mixed), weights(sep)]
"""],
        ["lora_on_a_frozen_layer", """
conv = L.Conv2D(4, 3, lora_rank=1, trainable=False)
conv(keras.Input((8, 8, 3)))
result = [weights(conv), len(conv.trainable_weights)]
"""],
        ["enable_lora_after_build", """
conv = L.Conv1D(4, 3)
conv(keras.Input((8, 3)))
conv.enable_lora(2)
result = weights(conv)
"""],
    ]},
    "pooling_snippets": {"recipe": "snippet", "rows": [
        ["names", """
result = [sorted(n for n in dir(keras.layers) if "Pool" in n),
          L.AvgPool2D is L.AveragePooling2D, L.GlobalMaxPool3D is L.GlobalMaxPooling3D]
"""],
        ["unbuilt_adaptive_pooling_in_an_unbuilt_model", """
model = keras.Sequential([L.AdaptiveAveragePooling2D(4)])
result = [[r["built"], r["output_shape"], r["params"]] for r in rows(model)]
"""],
        ["adaptive_pooling_on_the_wrong_rank", """
model = keras.Sequential([keras.Input((10, 3)), L.AdaptiveAveragePooling2D(4)])
result = [r["output_shape"] for r in rows(model)]
"""],
    ]},
    "rnn_snippets": {"recipe": "snippet", "rows": [
        ["names", """
parts = ("RNN", "LSTM", "GRU", "Cell", "Bidir", "TimeDis", "Wrapper")
result = sorted(n for n in dir(keras.layers)
                if any(k in n for k in parts) and n != "TorchModuleWrapper")
"""],
        ["lstm_gru_simple_rnn_weights", """
made = [L.GRU(32), L.GRU(32, reset_after=False), L.LSTM(32, use_bias=False), L.SimpleRNN(8)]
for layer in made:
    layer(keras.Input((10, 16)))
result = [weights(layer) for layer in made]
"""],
        ["weight_paths", """
inp = keras.Input((10, 5))
made = [L.LSTM(2), L.Bidirectional(L.LSTM(2)), L.RNN([L.LSTMCell(2), L.GRUCell(2)]),
        L.TimeDistributed(L.Dense(3))]
for layer in made:
    layer(inp)
result = [[w.path for w in layer.weights] for layer in made]
"""],
        ["frozen_cell_counts_as_trainable_in_the_model", """
model = keras.Sequential([keras.Input((9, 3)), L.RNN(L.GRUCell(4), trainable=False)])
frozen = keras.Sequential([keras.Input((9, 3)), L.LSTM(4, trainable=False)])
result = [[[r["trainable_params"], r["non_trainable_params"]] for r in rows(model)],
          totals(model), totals(frozen)]
"""],
        ["return_state_and_merge_modes", """
inp = keras.Input((10, 5))
result = shapes([L.LSTM(4, return_state=True)(inp),
                 L.Bidirectional(L.GRU(3, return_sequences=True, return_state=True),
                                 merge_mode=None)(inp),
                 L.Bidirectional(L.LSTM(4), merge_mode="sum")(inp),
                 L.RNN([L.LSTMCell(3), L.GRUCell(2)], return_state=True)(inp)])
"""],
        ["conv_lstm_shapes", """
result = shapes([L.ConvLSTM2D(4, 3, strides=2, padding="same")(keras.Input((5, 9, 9, 2))),
                 L.ConvLSTM1D(3, 2, return_state=True, return_sequences=True)(
                     keras.Input((4, 7, 2))),
                 L.ConvLSTM2D(4, 3, data_format="channels_first")(keras.Input((5, 2, 10, 12)))])
"""],
        ["time_distributed_of_models", """
frame = keras.Sequential([L.Dense(6), L.Dense(3)])
inner_in = keras.Input((8, 8, 1))
inner = keras.Model(inner_in, L.Flatten()(L.Conv2D(2, 3)(inner_in)))
result = shapes([L.TimeDistributed(frame)(keras.Input((5, 10))),
                 L.TimeDistributed(inner)(keras.Input((4, 8, 8, 1)))])
"""],
        ["rnn_of_a_cell_accepts_rank_4", """
model = keras.Sequential([keras.Input((10, 3, 2)), L.RNN(L.LSTMCell(4))])
result = model.output_shape
"""],
        ["initial_state_of_another_size_builds", """
seq, h = keras.Input((7, 3)), keras.Input((5,))
model = keras.Model([seq, h], L.GRU(6)(seq, initial_state=[h]))
result = [model.output_shape, totals(model)]
"""],
        ["bidirectional_with_a_smaller_backward_layer", """
model = keras.Sequential([keras.Input((10, 3)), L.Bidirectional(
    L.LSTM(8), backward_layer=L.LSTM(6, go_backwards=True))])
result = [model.output_shape, totals(model)]
"""],
        ["masks_join_the_graph", """
tokens = keras.Input((10,), dtype="int32", name="tokens")
x = L.Embedding(100, 8, mask_zero=True)(tokens)
model = keras.Model(tokens, L.LSTM(4)(x))
h, c = keras.Input((4,), name="h"), keras.Input((4,), name="c")
with_state = keras.Model([tokens, h, c], L.LSTM(4)(x, initial_state=[h, c]))
result = [[[r["name"], r["class_name"], r["inbound"]] for r in rows(model)],
          [[r["name"], r["class_name"]] for r in rows(with_state)]]
"""],
        ["config_round_trip_and_copies", """
bi = L.Bidirectional(L.LSTM(4, return_sequences=True), merge_mode="ave", name="bi")
config = bi.get_config()
copy = L.Bidirectional.from_config(dict(config, name="bi_copy"))
y = copy(keras.Input((5, 3)))
stack = L.RNN([L.GRUCell(3), L.LSTMCell(2)], name="stack")
again = L.RNN.from_config(stack.get_config())
result = [config["layer"]["class_name"], config["layer"]["config"]["name"],
          config["backward_layer"]["config"]["go_backwards"], y.shape,
          [copy.forward_layer.name, copy.backward_layer.name],
          again(keras.Input((5, 3))).shape]
"""],
        ["cells_called_on_one_step", """
cell = L.LSTMCell(4)
out, states = cell(keras.Input((3,)), [keras.Input((4,)), keras.Input((4,))])
result = [out.shape, shapes(states), [w.shape for w in cell.weights]]
"""],
    ]},
    "rnn_tfkeras": {"recipe": "keras_only", "rows": [
        # tf.keras records the masks of Embedding(mask_zero) as no layers: 4 rows
        ["masked", """
import json
tokens = tf_keras.Input((10,), name="tokens")
x = tf_keras.layers.Embedding(100, 8, mask_zero=True)(tokens)
x = tf_keras.layers.LSTM(4, return_sequences=True)(x)
y = tf_keras.layers.Bidirectional(tf_keras.layers.GRU(3))(x)
model = tf_keras.Model(tokens, y, name="masked")
result = [json.loads(model.to_json()), [[l.name, l.count_params()] for l in model.layers]]
"""],
    ]},
    "functional_snippets": {"recipe": "snippet", "rows": [
        # -- called on values: Keras runs the call eagerly and builds on the values' shapes
        ["called_on_values", """
class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = L.Dense(5, activation="relu")
        self.out = L.Dense(3)

    def call(self, x):
        return self.out(self.hidden(x))

model = Classifier()
y = model(ops.zeros((2, 8)))
image = ops.zeros((6, 6, 1), dtype="uint8")
batch = ops.convert_to_tensor([image])
conv = L.Conv2D(2, 3)(ops.convert_to_tensor([image], dtype="float32"))
result = [list(y.shape), str(y.dtype), list(batch.shape), str(batch.dtype),
          list(conv.shape), rows(model), totals(model)]
"""],
        # -- shared layers
        ["shared_layer_weights_counted_once", """
a = keras.Input(shape=(8,), name="a")
b = keras.Input(shape=(8,), name="b")
shared = L.Dense(4, name="shared")
model = keras.Model([a, b], L.Concatenate()([shared(a), shared(b)]), name="siamese")
result = [[[r["name"], r["params"], r["inbound"]] for r in rows(model)], totals(model),
          model.count_params(), len(model.weights)]
"""],
        ["shared_layer_row_shows_its_last_call", """
a = keras.Input(shape=(4,), name="a")
b = keras.Input(shape=(3, 4), name="b")
d = L.Dense(2, name="d")
model = keras.Model([a, b], [d(a), d(b)])
result = [rows(model)[-1]["output_shape"], [shapes(n.output_tensors) for n in d._inbound_nodes]]
"""],
        ["calls_outside_the_model_are_not_connections", """
a = keras.Input(shape=(4,), name="a")
b = keras.Input(shape=(4,), name="b")
d = L.Dense(3, name="d")
d(a)
model = keras.Model(b, d(b))
result = [[r["name"], r["inbound"]] for r in rows(model)]
"""],
        ["same_layer_twice_in_a_model", """
a = keras.Input(shape=(4,), name="a")
d = L.Dense(4)
model = keras.Model(a, d(d(a)))
result = [[[r["name"], r["inbound"]] for r in rows(model)], totals(model)]
"""],
        # -- nested models
        ["frozen_nested_base_moves_exactly_its_weights", """
base = keras.Sequential([keras.Input(shape=(16, 16, 3)), L.Conv2D(8, 3), L.BatchNormalization(),
                         L.GlobalAveragePooling2D()], name="base")
x = keras.Input(shape=(16, 16, 3), name="image")
model = keras.Model(x, L.Dense(3)(base(x)), name="head")
before = totals(model)
base.trainable = False
result = [base.count_params(), before, totals(model),
          [[r["name"], r["trainable"], r["trainable_params"], r["non_trainable_params"]]
           for r in rows(model)],
          [layer.trainable for layer in base.layers]]
"""],
        ["frozen_base_in_a_sequential_head", """
base = keras.Sequential([keras.Input(shape=(16, 16, 3)), L.Conv2D(8, 3), L.BatchNormalization(),
                         L.GlobalAveragePooling2D()], name="base")
base.trainable = False
model = keras.Sequential([keras.Input(shape=(16, 16, 3)), base, L.Dense(3)])
result = [[[r["name"], r["output_shape"], r["params"]] for r in rows(model)], totals(model)]
"""],
        ["layer_frozen_inside_a_nested_model", """
i = keras.Input(shape=(8,), name="inner_in")
h = L.Dense(6, trainable=False, name="frozen")(i)
inner = keras.Model(i, L.Dense(4)(h), name="inner")
x = keras.Input(shape=(8,), name="x")
model = keras.Model(x, L.Dense(2)(inner(x)))
result = [totals(model),
          [[r["name"], r["trainable"], r["trainable_params"], r["non_trainable_params"]]
           for r in rows(model)]]
"""],
        ["functional_trainable_argument_does_not_reach_its_layers", """
i = keras.Input(shape=(8,), name="inner_in")
inner = keras.Model(i, L.Dense(4)(i), name="inner", trainable=False)
inner_dense_trainable = inner.layers[1].trainable
x = keras.Input(shape=(8,), name="x")
model = keras.Model(x, L.Dense(2)(inner(x)))
result = [inner_dense_trainable, [[r["name"], r["trainable"]] for r in rows(model)],
          totals(model)]
"""],
        ["nested_model_called_twice", """
tower = keras.Sequential([L.Dense(8), L.Dense(4)], name="tower")
a = keras.Input(shape=(6,), name="a")
b = keras.Input(shape=(6,), name="b")
model = keras.Model([a, b], L.Subtract()([tower(a), tower(b)]))
result = [[[r["name"], r["params"], r["inbound"]] for r in rows(model)], totals(model),
          nested(model)]
"""],
        ["functional_inside_sequential_builds_from_its_input_shape", """
i = keras.Input(shape=(8,), name="inner_in")
inner = keras.Model(i, L.Dense(4)(i), name="inner")
model = keras.Sequential([inner, L.Dense(2)], name="seq")
result = [model.built, [[r["name"], r["output_shape"], r["params"]] for r in rows(model)],
          model.layers[0] is inner]
"""],
        ["three_levels_deep", """
i1 = keras.Input(shape=(6,), name="l1_in")
level1 = keras.Model(i1, L.Dense(5)(i1), name="level1")
level2 = keras.Sequential([keras.Input(shape=(6,)), level1, L.Dense(4)], name="level2")
i3 = keras.Input(shape=(6,), name="l3_in")
level3 = keras.Model(i3, L.Dense(3)(level2(i3)), name="level3")
x = keras.Input(shape=(6,), name="x")
model = keras.Model(x, L.Dense(2)(level3(x)), name="top")
result = [totals(model), nested(model)]
"""],
        ["nested_model_with_two_outputs", """
i = keras.Input(shape=(8,), name="inner_in")
h = L.Dense(6)(i)
inner = keras.Model(i, [L.Dense(2)(h), L.Dense(3)(h)], name="two_heads")
x = keras.Input(shape=(8,), name="x")
p, q = inner(x)
model = keras.Model(x, L.Concatenate()([p, q]))
result = [[r["name"], r["output_shape"], r["inbound"]] for r in rows(model)]
"""],
        # -- input and output structures
        ["dict_inputs_and_outputs", """
a = keras.Input(shape=(4,), name="a")
b = keras.Input(shape=(6,), name="b")
h = L.Concatenate()([a, b])
model = keras.Model({"b": b, "a": a},
                    {"y2": L.Dense(2, name="y2")(h), "y1": L.Dense(1, name="y1")(h)})
result = [[t.name for t in model.inputs], list(model.output), model.output_shape,
          [r["name"] for r in rows(model)], totals(model)]
"""],
        ["single_output_in_a_list_stays_a_list", """
x = keras.Input(shape=(4,), name="x")
model = keras.Model([x], [L.Dense(2)(x)])
y = model(keras.Input(shape=(4,)))
result = [type(y).__name__, shapes(y), model.output_shape]
"""],
        ["unused_input_is_a_row", """
a = keras.Input(shape=(4,), name="a")
b = keras.Input(shape=(3,), name="b")
model = keras.Model([a, b], L.Dense(2)(a))
result = [r["name"] for r in rows(model)]
"""],
        # -- operations
        ["operations_are_rows", """
a = keras.Input(shape=(4,), name="a")
b = keras.Input(shape=(4,), name="b")
s1 = L.Add()([a, b])
s2 = a + b
y = ops.mean(L.Add()([s1, s2]) * 2.0, axis=-1)
model = keras.Model([a, b], y)
result = [[r["name"], r["class_name"], r["output_shape"], r["params"], r["trainable"],
           r["inbound"]] for r in rows(model)]
"""],
        ["getitem_and_concatenate_operations", """
x = keras.Input(shape=(6, 4), name="x")
h = ops.concatenate([x[:, 0], ops.max(x, axis=1)], axis=-1)
model = keras.Model(x, L.Dense(3)(h))
result = [[r["name"], r["class_name"], r["output_shape"]] for r in rows(model)]
"""],
        # -- models from intermediate tensors
        ["model_from_an_intermediate_tensor_clones_the_graph", """
x = keras.Input(shape=(8,))
h1 = L.Dense(6)(x)
h2 = L.Dense(4)(h1)
full = keras.Model(x, h2)
tail = keras.Model(h1, h2)
result = [h1.name, [r["name"] for r in rows(tail)], len(full.layers[2]._inbound_nodes),
          [[r["name"], r["inbound"]] for r in rows(full)], totals(tail)]
"""],
        # -- errors: whether Keras raises, and the built-in class (tests/test_functional.py
        # checks paramscope's messages)
        ["errors_keras_raises", """
def raised(make):
    try:
        make()
    except Exception as e:
        return [c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins"][0]
    return None


def disconnected():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(3,), name="b")
    keras.Model(a, L.Concatenate()([L.Dense(4)(a), L.Dense(4)(b)]))


def nested_on_the_wrong_shape():
    i = keras.Input(shape=(4,), name="inner_in")
    inner = keras.Model(i, L.Dense(3)(i), name="inner")
    inner(keras.Input(shape=(5,), name="x"))


def duplicate_names():
    a = keras.Input(shape=(4,), name="a")
    keras.Model(a, L.Dense(3, name="d")(L.Dense(3, name="d")(a)))


result = [
    raised(disconnected),
    raised(lambda: L.Add()([keras.Input(shape=(8,)), keras.Input(shape=(6,))])),
    raised(lambda: L.Concatenate(axis=-1)([keras.Input(shape=(5, 3)), keras.Input(shape=(6, 4))])),
    raised(lambda: L.Concatenate()([keras.Input(shape=(8,)), 3.0])),
    raised(nested_on_the_wrong_shape),
    raised(duplicate_names),
    raised(lambda: keras.Model(keras.Input(shape=(4,)), L.Dense(3))),
]
"""],
        ["tensor_names_follow_keras_counters", """
a = keras.Input((4,))
s = keras.Sequential([L.Dense(4), L.Dense(4)])
out = s(a)
again = s(a)
result = [a.name, out.name, again.name]
"""],
    ]},
}
