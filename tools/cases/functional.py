"""Functional API, nested models and shared layers: golden cases (see tools/cases/README.md).

Plain data: this module does not import Keras.  ``CASES`` is a list of
``{"id", "code", "tags"}``; every ``code`` builds ``model`` with only ``keras``
and ``layers`` pre-bound.

Most cases come from a seeded pseudo-random generator (``_random_cases``) that
emits deterministic code strings: random DAGs with branches, skip connections,
several inputs/outputs (lists and dicts), every merge layer, shared layers,
nested Sequential/Functional models (called once or twice, frozen or not,
nested 2-3 levels), models built from intermediate tensors.  The rest are
written by hand: every merge layer and argument, errors, Keras 3's name
counters, ``keras.ops`` and Python operators on KerasTensors.

tf-keras compatibility: the same code also runs under tf-keras 2 for the
``--style keras2`` fixtures.  tf-keras names models ``model`` and inputs
``input_1`` where Keras 3 says ``functional`` and ``input_layer``, so cases
meant for both name their inputs and models.  Cases that are about Keras 3
only (its name counters, ``keras.ops`` recorded as operations) start with
``ops = keras.ops``, which tf-keras lacks: it raises there and the case is
left out of the tf-keras comparison.  So do cases whose live graph a config
cannot carry (a layer called outside the model, a layer shared between a
nested model and its parent): the tf-keras harness rebuilds tf-keras's config.
"""

import random

CASES = []
_IDS = set()
K3_ONLY = "ops = keras.ops  # Keras 3 only (tf-keras has no keras.ops)\n"


def _add(case_id, code, *tags):
    case_id = "functional/" + case_id
    if case_id in _IDS:
        raise ValueError(f"duplicate case id {case_id}")
    _IDS.add(case_id)
    CASES.append({"id": case_id, "code": code.strip("\n") + "\n", "tags": ["functional"] + list(tags)})


def _k3(case_id, code, *tags):
    _add(case_id, K3_ONLY + code.strip("\n"), "keras3_only", *tags)


# ---------------------------------------------------------------------------
# Merge layers, every argument
# ---------------------------------------------------------------------------
def _merge_cases():
    two = """
a = keras.Input(shape={sa}, name='a')
b = keras.Input(shape={sb}, name='b')
y = layers.{layer}({args})([a, b])
model = keras.Model([a, b], y, name='merge')
"""
    three = """
a = keras.Input(shape={s}, name='a')
b = keras.Input(shape={s}, name='b')
c = keras.Input(shape={s}, name='c')
y = layers.{layer}({args})([a, b, c])
model = keras.Model([a, b, c], y, name='merge3')
"""
    for layer in ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"):
        _add(f"merge/{layer}_vec", two.format(sa=(8,), sb=(8,), layer=layer, args=""), "merge")
        _add(f"merge/{layer}_img", two.format(sa=(4, 4, 3), sb=(4, 4, 3), layer=layer, args=""), "merge")
        _add(f"merge/{layer}_broadcast_1", two.format(sa=(5, 8), sb=(1, 8), layer=layer, args=""), "merge")
        if layer != "Subtract":
            _add(f"merge/{layer}_three", three.format(s=(6,), layer=layer, args=""), "merge")
        _add(f"merge/{layer}_named", two.format(sa=(3,), sb=(3,), layer=layer, args="name='m'"), "merge")
    _add("merge/Subtract_three_error", three.format(s=(6,), layer="Subtract", args=""), "merge", "error")
    _add("merge/Add_mismatch_error", two.format(sa=(8,), sb=(6,), layer="Add", args=""), "merge", "error")
    _add("merge/Multiply_mismatch_rank3_error", two.format(sa=(4, 8), sb=(5, 8), layer="Multiply", args=""), "merge", "error")
    _add("merge/Add_rank_differs", two.format(sa=(5, 8), sb=(8,), layer="Add", args=""), "merge")
    # tf-keras saves a one-tensor call like a plain call (and cannot reload it either).
    _k3("merge/Add_single_input", """
a = keras.Input(shape=(4,), name='a')
y = layers.Add()([a])
model = keras.Model(a, y, name='merge1')
""", "merge")
    _add("merge/Add_not_a_list_error", """
a = keras.Input(shape=(4,), name='a')
y = layers.Add()(a)
model = keras.Model(a, y, name='merge1')
""", "merge", "error")
    _add("merge/Add_fixed_batch", """
a = keras.Input(shape=(4,), batch_size=8, name='a')
b = keras.Input(shape=(4,), name='b')
y = layers.Add()([a, b])
model = keras.Model([a, b], y, name='merge_batch')
""", "merge")
    _add("merge/Add_batch_mismatch_error", """
a = keras.Input(shape=(4,), batch_size=8, name='a')
b = keras.Input(shape=(4,), batch_size=4, name='b')
y = layers.Add()([a, b])
model = keras.Model([a, b], y, name='merge_batch')
""", "merge", "error")

    for axis, sa, sb in ((-1, (5, 3), (5, 4)), (1, (2, 4), (3, 4)), (2, (5, 3), (5, 7)), (-2, (2, 4), (6, 4)),
                         (1, (6,), (2,)), (-1, (6,), (2,)), (3, (4, 4, 1), (4, 4, 2)), (1, (2, 4, 3), (1, 4, 3)),
                         (2, (4, 2, 3), (4, 5, 3)), (-3, (2, 4, 3), (3, 4, 3)), (0, (3,), (3,))):
        slug = f"m{-axis}" if axis < 0 else str(axis)
        _add(f"merge/Concatenate_axis{slug}_rank{len(sa) + 1}",
             two.format(sa=sa, sb=sb, layer="Concatenate", args=f"axis={axis}"), "merge", "concatenate")
    _add("merge/Concatenate_default_three", three.format(s=(2, 3), layer="Concatenate", args=""), "merge", "concatenate")
    _add("merge/Concatenate_none_dim", two.format(sa=(None, 3), sb=(None, 5), layer="Concatenate", args=""),
         "merge", "concatenate")
    _add("merge/Concatenate_none_on_axis", two.format(sa=(None, 3), sb=(4, 3), layer="Concatenate", args="axis=1"),
         "merge", "concatenate")
    _add("merge/Concatenate_mismatch_error",
         two.format(sa=(5, 3), sb=(6, 4), layer="Concatenate", args="axis=-1"), "merge", "concatenate", "error")
    _add("merge/Concatenate_rank_mismatch_error",
         two.format(sa=(5, 3), sb=(3,), layer="Concatenate", args="axis=-1"), "merge", "concatenate", "error")
    _add("merge/Concatenate_axis1_mismatch_error",
         two.format(sa=(2, 4), sb=(3, 5), layer="Concatenate", args="axis=1"), "merge", "concatenate", "error")

    dots = [
        ("vec_axes1", (8,), (8,), "axes=1"),
        ("vec_axesm1", (8,), (8,), "axes=-1"),
        ("vec_normalize", (8,), (8,), "axes=1, normalize=True"),
        ("seq_axes2", (5, 4), (7, 4), "axes=2"),
        ("seq_axes1", (5, 4), (5, 6), "axes=1"),
        ("seq_axes_tuple12", (5, 4), (3, 5), "axes=(1, 2)"),
        ("seq_axes_tuple21", (5, 4), (4, 6), "axes=(2, 1)"),
        ("seq_axes_list22", (5, 4), (7, 4), "axes=[2, 2]"),
        ("seq_axesm1_normalize", (5, 4), (7, 4), "axes=-1, normalize=True"),
        ("seq_vec_axes", (5, 4), (4,), "axes=(2, 1)"),
        ("rank4_axes3", (2, 3, 4), (2, 5, 4), "axes=3"),
    ]
    for slug, sa, sb, args in dots:
        _add(f"merge/Dot_{slug}", two.format(sa=sa, sb=sb, layer="Dot", args=args), "merge", "dot")
    _add("merge/Dot_mismatch_error", two.format(sa=(8,), sb=(6,), layer="Dot", args="axes=1"), "merge", "dot", "error")
    _add("merge/Dot_axes0_accepted", two.format(sa=(8,), sb=(8,), layer="Dot", args="axes=0"), "merge", "dot")
    _add("merge/Dot_three_inputs_error", three.format(s=(6,), layer="Dot", args="axes=1"), "merge", "dot", "error")
    _add("merge/Dot_missing_axes_error", two.format(sa=(8,), sb=(8,), layer="Dot", args=""), "merge", "dot", "error")

    # Merges fed by layers (weights around the merge) and merge chains.
    _add("merge/residual_block", """
x_in = keras.Input(shape=(16, 16, 8), name='image')
x = layers.Conv2D(8, 3, padding='same', activation='relu')(x_in)
x = layers.BatchNormalization()(x)
x = layers.Conv2D(8, 3, padding='same')(x)
x = layers.Add()([x, x_in])
x = layers.Activation('relu')(x)
y = layers.GlobalAveragePooling2D()(x)
model = keras.Model(x_in, layers.Dense(10)(y), name='resblock')
""", "merge", "skip")
    _add("merge/inception_block", """
x_in = keras.Input(shape=(12, 12, 16), name='image')
b1 = layers.Conv2D(8, 1, padding='same')(x_in)
b2 = layers.Conv2D(4, 1, padding='same')(x_in)
b2 = layers.Conv2D(8, 3, padding='same')(b2)
b3 = layers.Conv2D(2, 1, padding='same')(x_in)
b3 = layers.Conv2D(4, 5, padding='same')(b3)
b4 = layers.MaxPooling2D(3, strides=1, padding='same')(x_in)
b4 = layers.Conv2D(4, 1, padding='same')(b4)
y = layers.Concatenate(axis=-1)([b1, b2, b3, b4])
model = keras.Model(x_in, y, name='inception')
""", "merge", "branches")
    _add("merge/unet_like", """
x_in = keras.Input(shape=(16, 16, 3), name='image')
c1 = layers.Conv2D(4, 3, padding='same', activation='relu')(x_in)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(8, 3, padding='same', activation='relu')(p1)
p2 = layers.MaxPooling2D()(c2)
c3 = layers.Conv2D(16, 3, padding='same', activation='relu')(p2)
u2 = layers.UpSampling2D()(c3)
m2 = layers.Concatenate()([u2, c2])
c4 = layers.Conv2D(8, 3, padding='same', activation='relu')(m2)
u1 = layers.Conv2DTranspose(4, 2, strides=2, padding='same')(c4)
m1 = layers.Concatenate()([u1, c1])
out = layers.Conv2D(1, 1, activation='sigmoid')(m1)
model = keras.Model(x_in, out, name='unet')
""", "merge", "skip")
    _add("merge/attention_dot", """
q = keras.Input(shape=(6, 8), name='query')
v = keras.Input(shape=(9, 8), name='value')
scores = layers.Dot(axes=(2, 2))([q, v])
weights = layers.Softmax()(scores)
context = layers.Dot(axes=(2, 1))([weights, v])
out = layers.Concatenate()([context, q])
model = keras.Model([q, v], out, name='dot_attention')
""", "merge", "dot")
    _add("merge/same_tensor_twice", """
a = keras.Input(shape=(4,), name='a')
h = layers.Dense(4)(a)
y = layers.Add()([h, h, a])
model = keras.Model(a, y, name='twice')
""", "merge")


# ---------------------------------------------------------------------------
# Shared layers
# ---------------------------------------------------------------------------
def _shared_cases():
    _add("shared/dense_two_inputs", """
a = keras.Input(shape=(8,), name='a')
b = keras.Input(shape=(8,), name='b')
shared = layers.Dense(4, name='shared')
y = layers.Concatenate()([shared(a), shared(b)])
model = keras.Model([a, b], y, name='siamese')
""", "shared")
    _add("shared/dense_three_calls", """
a = keras.Input(shape=(8,), name='a')
d = layers.Dense(8)
x = d(a)
x = d(x)
x = d(x)
model = keras.Model(a, x, name='thrice')
""", "shared")
    _add("shared/dense_chain_same_input", """
a = keras.Input(shape=(6,), name='a')
d = layers.Dense(6)
y = layers.Add()([d(a), d(a)])
model = keras.Model(a, y, name='same_input')
""", "shared")
    _add("shared/conv_siamese", """
left = keras.Input(shape=(10, 10, 1), name='left')
right = keras.Input(shape=(10, 10, 1), name='right')
conv = layers.Conv2D(4, 3, activation='relu')
pool = layers.GlobalMaxPooling2D()
l = pool(conv(left))
r = pool(conv(right))
diff = layers.Subtract()([l, r])
out = layers.Dense(1, activation='sigmoid')(diff)
model = keras.Model([left, right], out, name='conv_siamese')
""", "shared", "conv")
    _add("shared/embedding_two_texts", """
t1 = keras.Input(shape=(12,), dtype='int32', name='text1')
t2 = keras.Input(shape=(7,), dtype='int32', name='text2')
emb = layers.Embedding(100, 8, name='emb')
e1 = layers.GlobalAveragePooling1D()(emb(t1))
e2 = layers.GlobalAveragePooling1D()(emb(t2))
y = layers.Dot(axes=1, normalize=True)([e1, e2])
model = keras.Model([t1, t2], y, name='text_sim')
""", "shared", "embedding")
    _add("shared/shared_at_two_depths", """
a = keras.Input(shape=(4,), name='a')
d = layers.Dense(4, name='d')
x1 = d(a)
x2 = layers.Dense(4)(x1)
x3 = d(x2)
y = layers.Add()([x1, x3])
model = keras.Model(a, y, name='two_depths')
""", "shared")
    _k3("shared/node_outside_model", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
d = layers.Dense(3, name='d')
ya = d(a)
yb = d(b)
model = keras.Model(b, yb, name='second_node_only')
""", "shared")
    _k3("shared/node_outside_model_first", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
d = layers.Dense(3, name='d')
ya = d(a)
yb = d(b)
model = keras.Model(a, ya, name='first_node_only')
""", "shared")
    _add("shared/batchnorm_shared", """
a = keras.Input(shape=(5,), name='a')
b = keras.Input(shape=(5,), name='b')
bn = layers.BatchNormalization()
y = layers.Average()([bn(a), bn(b)])
model = keras.Model([a, b], y, name='bn_shared')
""", "shared")
    _k3("shared/dense_different_ranks", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(3, 4), name='b')
d = layers.Dense(2, name='d')
model = keras.Model([a, b], [d(a), d(b)], name='ranks')
""", "shared")
    _k3("shared/dense_different_ranks_last_first", """
a = keras.Input(shape=(3, 4), name='a')
b = keras.Input(shape=(4,), name='b')
d = layers.Dense(2, name='d')
model = keras.Model([a, b], [d(a), d(b)], name='ranks')
""", "shared")
    _add("shared/shared_layer_wrong_size_error", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(5,), name='b')
d = layers.Dense(2, name='d')
model = keras.Model([a, b], [d(a), d(b)], name='bad')
""", "shared", "error")


# ---------------------------------------------------------------------------
# Nested models
# ---------------------------------------------------------------------------
def _nested_cases():
    _add("nested/sequential_in_functional", """
encoder = keras.Sequential([layers.Dense(16, activation='relu'), layers.Dense(8)], name='encoder')
x = keras.Input(shape=(32,), name='x')
y = layers.Dense(1)(encoder(x))
model = keras.Model(x, y, name='outer')
""", "nested")
    _add("nested/sequential_with_input_in_functional", """
encoder = keras.Sequential([keras.Input(shape=(32,)), layers.Dense(16), layers.Dense(8)], name='encoder')
x = keras.Input(shape=(32,), name='x')
y = layers.Dense(1)(encoder(x))
model = keras.Model(x, y, name='outer')
""", "nested")
    _add("nested/functional_in_functional", """
i = keras.Input(shape=(10,), name='inner_in')
h = layers.Dense(6, activation='relu')(i)
inner = keras.Model(i, layers.Dense(3)(h), name='inner')
x = keras.Input(shape=(10,), name='x')
y = layers.Dense(2)(inner(x))
model = keras.Model(x, y, name='outer')
""", "nested")
    _add("nested/functional_called_twice", """
i = keras.Input(shape=(10,), name='inner_in')
inner = keras.Model(i, layers.Dense(3)(i), name='tower')
a = keras.Input(shape=(10,), name='a')
b = keras.Input(shape=(10,), name='b')
y = layers.Concatenate()([inner(a), inner(b)])
model = keras.Model([a, b], y, name='twin')
""", "nested", "shared")
    _add("nested/sequential_called_twice", """
tower = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(4)], name='tower')
a = keras.Input(shape=(6,), name='a')
b = keras.Input(shape=(6,), name='b')
y = layers.Subtract()([tower(a), tower(b)])
model = keras.Model([a, b], y, name='twin')
""", "nested", "shared")
    _add("nested/functional_in_sequential", """
i = keras.Input(shape=(8,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner')
model = keras.Sequential([inner, layers.Dense(2)], name='seq')
""", "nested")
    _add("nested/functional_in_sequential_with_input", """
i = keras.Input(shape=(8,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner')
model = keras.Sequential([keras.Input(shape=(8,)), inner, layers.Dense(2)], name='seq')
""", "nested")
    _add("nested/functional_in_sequential_add", """
i = keras.Input(shape=(8,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner')
model = keras.Sequential(name='seq')
model.add(inner)
model.add(layers.Dense(2))
""", "nested")
    _add("nested/built_sequential_first_in_sequential", """
inner = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(3)], name='inner')
model = keras.Sequential([inner, layers.Dense(2)], name='seq')
""", "nested")
    _add("nested/two_input_functional_first_in_sequential", """
p = keras.Input(shape=(4,), name='p')
q = keras.Input(shape=(4,), name='q')
pair = keras.Model([p, q], layers.Add()([p, q]), name='pair')
model = keras.Sequential([pair, layers.Dense(2)], name='seq')
""", "nested", "unbuilt")
    _add("nested/functional_first_then_more_in_sequential_built_later", """
i = keras.Input(shape=(6,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner')
model = keras.Sequential(name='seq')
model.add(inner)
model.add(layers.Dense(3))
model.add(layers.Dense(1))
model.pop()
""", "nested")
    _add("nested/sequential_in_sequential", """
block = keras.Sequential([layers.Dense(8), layers.Dense(8)], name='block')
model = keras.Sequential([keras.Input(shape=(4,)), block, layers.Dense(1)], name='seq')
""", "nested")
    _add("nested/sequential_in_sequential_unbuilt", """
block = keras.Sequential([layers.Dense(8), layers.Dense(8)], name='block')
model = keras.Sequential([block, layers.Dense(1)], name='seq')
""", "nested", "unbuilt")
    _add("nested/three_levels", """
i1 = keras.Input(shape=(6,), name='l1_in')
level1 = keras.Model(i1, layers.Dense(5)(i1), name='level1')
level2 = keras.Sequential([keras.Input(shape=(6,)), level1, layers.Dense(4)], name='level2')
i3 = keras.Input(shape=(6,), name='l3_in')
level3 = keras.Model(i3, layers.Dense(3)(level2(i3)), name='level3')
x = keras.Input(shape=(6,), name='x')
model = keras.Model(x, layers.Dense(2)(level3(x)), name='top')
""", "nested", "deep")
    _add("nested/sequential_functional_sequential", """
inner_seq = keras.Sequential([layers.Dense(7), layers.ReLU()], name='inner_seq')
i = keras.Input(shape=(5,), name='mid_in')
mid = keras.Model(i, layers.Dense(3)(inner_seq(i)), name='mid')
model = keras.Sequential([keras.Input(shape=(5,)), mid, layers.Dense(1)], name='outer_seq')
""", "nested", "deep")
    _add("nested/multi_output_inner", """
i = keras.Input(shape=(8,), name='inner_in')
h = layers.Dense(6)(i)
inner = keras.Model(i, [layers.Dense(2)(h), layers.Dense(3)(h)], name='two_heads')
x = keras.Input(shape=(8,), name='x')
p, q = inner(x)
y = layers.Concatenate()([p, q])
model = keras.Model(x, y, name='outer')
""", "nested", "multi_output")
    _add("nested/multi_output_inner_is_output", """
i = keras.Input(shape=(8,), name='inner_in')
h = layers.Dense(6)(i)
inner = keras.Model(i, [layers.Dense(2)(h), layers.Dense(3)(h)], name='two_heads')
x = keras.Input(shape=(8,), name='x')
outs = inner(x)
model = keras.Model(x, outs, name='outer')
""", "nested", "multi_output")
    _add("nested/dict_output_inner", """
i = keras.Input(shape=(8,), name='inner_in')
h = layers.Dense(6)(i)
inner = keras.Model(i, {'score': layers.Dense(1)(h), 'embedding': layers.Dense(4)(h)}, name='dict_heads')
x = keras.Input(shape=(8,), name='x')
outs = inner(x)
y = layers.Concatenate()([outs['score'], outs['embedding']])
model = keras.Model(x, y, name='outer')
""", "nested", "multi_output", "dict")
    _add("nested/multi_input_inner", """
i1 = keras.Input(shape=(4,), name='p')
i2 = keras.Input(shape=(6,), name='q')
inner = keras.Model([i1, i2], layers.Concatenate()([i1, i2]), name='joiner')
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(6,), name='b')
model = keras.Model([a, b], layers.Dense(2)(inner([a, b])), name='outer')
""", "nested", "multi_input")
    _add("nested/dict_input_inner", """
i1 = keras.Input(shape=(4,), name='p')
i2 = keras.Input(shape=(6,), name='q')
inner = keras.Model({'p': i1, 'q': i2}, layers.Concatenate()([i1, i2]), name='joiner')
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(6,), name='b')
model = keras.Model([a, b], layers.Dense(2)(inner({'p': a, 'q': b})), name='outer')
""", "nested", "multi_input", "dict")
    _add("nested/inner_with_shared_layer", """
i = keras.Input(shape=(5,), name='inner_in')
d = layers.Dense(5)
inner = keras.Model(i, d(d(i)), name='inner')
x = keras.Input(shape=(5,), name='x')
model = keras.Model(x, inner(x), name='outer')
""", "nested", "shared")
    _k3("nested/inner_layer_also_used_outside", """
shared = layers.Dense(4, name='shared')
i = keras.Input(shape=(4,), name='inner_in')
inner = keras.Model(i, shared(i), name='inner')
x = keras.Input(shape=(4,), name='x')
y = layers.Add()([inner(x), shared(x)])
model = keras.Model(x, y, name='outer')
""", "nested", "shared")
    _add("nested/model_as_output_only", """
i = keras.Input(shape=(4,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner')
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, inner(x), name='outer')
""", "nested")
    _add("nested/call_on_different_batch", """
i = keras.Input(shape=(4,), name='inner_in')
inner = keras.Model(i, layers.Dense(3)(i), name='inner')
x = keras.Input(shape=(4,), batch_size=16, name='x')
model = keras.Model(x, inner(x), name='outer')
""", "nested")
    _add("nested/call_on_none_dims", """
i = keras.Input(shape=(None, 4), name='inner_in')
inner = keras.Model(i, layers.Conv1D(3, 3, padding='same')(i), name='inner')
x = keras.Input(shape=(10, 4), name='x')
model = keras.Model(x, layers.GlobalAveragePooling1D()(inner(x)), name='outer')
""", "nested", "conv")
    _add("nested/wrong_shape_call_error", """
i = keras.Input(shape=(4,), name='inner_in')
inner = keras.Model(i, layers.Dense(3)(i), name='inner')
x = keras.Input(shape=(5,), name='x')
model = keras.Model(x, inner(x), name='outer')
""", "nested", "error")
    _add("nested/wrong_rank_call_error", """
i = keras.Input(shape=(4,), name='inner_in')
inner = keras.Model(i, layers.Dense(3)(i), name='inner')
x = keras.Input(shape=(2, 4), name='x')
model = keras.Model(x, inner(x), name='outer')
""", "nested", "error")
    _add("nested/sequential_built_with_build", """
block = keras.Sequential([layers.Dense(3), layers.Dense(2)], name='block')
block.build((None, 5))
x = keras.Input(shape=(5,), name='x')
model = keras.Model(x, block(x), name='outer')
""", "nested")
    _add("nested/conv_backbone_head", """
backbone = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(16, 3, activation='relu'),
    layers.BatchNormalization(),
], name='backbone')
x = keras.Input(shape=(32, 32, 3), name='image')
f = backbone(x)
f = layers.GlobalAveragePooling2D()(f)
model = keras.Model(x, layers.Dense(5, activation='softmax')(f), name='classifier')
""", "nested", "conv")


# ---------------------------------------------------------------------------
# Frozen parts (transfer learning)
# ---------------------------------------------------------------------------
def _trainable_cases():
    base = """
base = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(8, 3, activation='relu'),
    layers.BatchNormalization(),
    layers.Conv2D(8, 3),
    layers.GlobalAveragePooling2D(),
], name='base')
"""
    _add("trainable/frozen_base_in_sequential", base + """
base.trainable = False
model = keras.Sequential([keras.Input(shape=(16, 16, 3)), base, layers.Dense(3)], name='head')
""", "trainable", "nested")
    _add("trainable/frozen_base_in_functional", base + """
base.trainable = False
x = keras.Input(shape=(16, 16, 3), name='image')
y = layers.Dense(3)(base(x, training=False))
model = keras.Model(x, y, name='head')
""", "trainable", "nested")
    _add("trainable/frozen_base_then_unfreeze_top", base + """
base.trainable = False
base.layers[-2].trainable = True
x = keras.Input(shape=(16, 16, 3), name='image')
model = keras.Model(x, layers.Dense(3)(base(x)), name='head')
""", "trainable", "nested")
    _add("trainable/unfreeze_base_after_freeze", base + """
base.trainable = False
base.trainable = True
x = keras.Input(shape=(16, 16, 3), name='image')
model = keras.Model(x, layers.Dense(3)(base(x)), name='head')
""", "trainable", "nested")
    _add("trainable/frozen_layer_inside_nested", """
i = keras.Input(shape=(8,), name='inner_in')
h = layers.Dense(6, trainable=False, name='frozen')(i)
inner = keras.Model(i, layers.Dense(4)(h), name='inner')
x = keras.Input(shape=(8,), name='x')
model = keras.Model(x, layers.Dense(2)(inner(x)), name='outer')
""", "trainable", "nested")
    _add("trainable/frozen_layer_set_after", """
i = keras.Input(shape=(8,), name='inner_in')
h = layers.Dense(6, name='to_freeze')(i)
inner = keras.Model(i, layers.BatchNormalization()(h), name='inner')
inner.get_layer('to_freeze').trainable = False
x = keras.Input(shape=(8,), name='x')
model = keras.Model(x, layers.Dense(2)(inner(x)), name='outer')
""", "trainable", "nested")
    _add("trainable/functional_ctor_trainable_false_nested", """
i = keras.Input(shape=(8,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner', trainable=False)
x = keras.Input(shape=(8,), name='x')
model = keras.Model(x, layers.Dense(2)(inner(x)), name='outer')
""", "trainable", "nested")
    _add("trainable/outer_frozen", """
i = keras.Input(shape=(8,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i), name='inner')
x = keras.Input(shape=(8,), name='x')
model = keras.Model(x, layers.Dense(2)(inner(x)), name='outer')
model.trainable = False
""", "trainable", "nested")
    _add("trainable/two_level_frozen_middle", """
i1 = keras.Input(shape=(6,), name='deep_in')
deep = keras.Model(i1, layers.BatchNormalization()(layers.Dense(5)(i1)), name='deep')
i2 = keras.Input(shape=(6,), name='mid_in')
mid = keras.Model(i2, layers.Dense(4)(deep(i2)), name='mid')
mid.trainable = False
x = keras.Input(shape=(6,), name='x')
model = keras.Model(x, layers.Dense(2)(mid(x)), name='top')
""", "trainable", "nested", "deep")
    _add("trainable/shared_frozen_tower", """
tower = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(8), layers.BatchNormalization()], name='tower')
tower.trainable = False
a = keras.Input(shape=(6,), name='a')
b = keras.Input(shape=(6,), name='b')
y = layers.Dense(1)(layers.Concatenate()([tower(a), tower(b)]))
model = keras.Model([a, b], y, name='frozen_twin')
""", "trainable", "nested", "shared")
    _add("trainable/shared_layer_frozen", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
d = layers.Dense(4, name='shared')
y = layers.Add()([d(a), d(b)])
d.trainable = False
model = keras.Model([a, b], layers.Dense(1)(y), name='frozen_shared')
""", "trainable", "shared")


# ---------------------------------------------------------------------------
# Input / output structures
# ---------------------------------------------------------------------------
def _structure_cases():
    _add("structure/list_inputs_list_outputs", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(6,), name='b')
h = layers.Concatenate()([a, b])
model = keras.Model([a, b], [layers.Dense(1, name='out1')(h), layers.Dense(2, name='out2')(h)], name='lists')
""", "structure")
    _add("structure/dict_inputs_dict_outputs", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(6,), name='b')
h = layers.Concatenate()([a, b])
model = keras.Model({'a': a, 'b': b}, {'y1': layers.Dense(1)(h), 'y2': layers.Dense(2)(h)}, name='dicts')
""", "structure", "dict")
    _add("structure/dict_inputs_unsorted_keys", """
zz = keras.Input(shape=(4,), name='zz')
aa = keras.Input(shape=(3,), name='aa')
h = layers.Concatenate()([zz, aa])
model = keras.Model({'zz': zz, 'aa': aa}, layers.Dense(1)(h), name='unsorted')
""", "structure", "dict")
    _add("structure/dict_outputs_unsorted_keys", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, {'zeta': layers.Dense(3, name='zeta')(x), 'alpha': layers.Dense(2, name='alpha')(x)}, name='unsorted_out')
""", "structure", "dict")
    _add("structure/single_input_in_list", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model([x], [layers.Dense(2)(x)], name='listed')
""", "structure")
    _add("structure/tuple_outputs", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model(inputs=x, outputs=(layers.Dense(2)(x), layers.Dense(3)(x)), name='tupled')
""", "structure")
    _add("structure/nested_list_outputs", """
x = keras.Input(shape=(4,), name='x')
h = layers.Dense(5)(x)
model = keras.Model(x, [layers.Dense(1)(h), [layers.Dense(2)(h), layers.Dense(3)(h)]], name='nested_out')
""", "structure")
    _add("structure/input_is_output", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, [x, layers.Dense(2)(x)], name='passthrough')
""", "structure")
    _add("structure/input_only_model", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, x, name='identity_model')
""", "structure")
    _add("structure/unused_input", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(3,), name='b')
model = keras.Model([a, b], layers.Dense(2)(a), name='unused')
""", "structure")
    _add("structure/inputs_in_reverse_order", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(3,), name='b')
h = layers.Concatenate()([a, b])
model = keras.Model([b, a], layers.Dense(2)(h), name='reversed')
""", "structure")
    _add("structure/output_order_differs_from_depth", """
x = keras.Input(shape=(4,), name='x')
h1 = layers.Dense(4, name='h1')(x)
h2 = layers.Dense(4, name='h2')(h1)
h3 = layers.Dense(4, name='h3')(h2)
short = layers.Dense(1, name='short')(x)
model = keras.Model(x, [h3, short, h1], name='order')
""", "structure")
    _add("structure/same_output_twice", """
x = keras.Input(shape=(4,), name='x')
y = layers.Dense(2)(x)
model = keras.Model(x, [y, y], name='dup_out')
""", "structure")
    _add("structure/kwargs_inputs_outputs", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model(inputs=x, outputs=layers.Dense(2)(x), name='kw')
""", "structure")
    _add("structure/inputs_positional_outputs_kw", """
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, outputs=layers.Dense(2)(x), name='kw2')
""", "structure")
    _add("structure/embedding_int_input", """
tokens = keras.Input(shape=(20,), dtype='int32', name='tokens')
numeric = keras.Input(shape=(3,), name='numeric')
e = layers.Embedding(500, 16)(tokens)
e = layers.GlobalAveragePooling1D()(e)
h = layers.Concatenate()([e, numeric])
model = keras.Model([tokens, numeric], layers.Dense(1)(h), name='mixed')
""", "structure", "embedding")
    _add("structure/fixed_batch_inputs", """
x = keras.Input(shape=(8, 3), batch_size=4, name='x')
h = layers.Conv1D(2, 3)(x)
model = keras.Model(x, layers.Flatten()(h), name='fixed_batch')
""", "structure")
    _add("structure/none_dims", """
x = keras.Input(shape=(None, 3), name='x')
h = layers.Conv1D(4, 3, padding='same')(x)
y = layers.GlobalMaxPooling1D()(h)
model = keras.Model(x, [h, y], name='none_dims')
""", "structure")
    _add("structure/functional_batch_shape", """
x = keras.Input(batch_shape=(2, 5), name='x')
model = keras.Model(x, layers.Dense(3)(x), name='batch_shape')
""", "structure")
    _add("structure/dropout_training_kwarg", """
x = keras.Input(shape=(5,), name='x')
h = layers.Dropout(0.3)(x, training=True)
h = layers.BatchNormalization()(h, training=False)
model = keras.Model(x, layers.Dense(1)(h), name='training_kw')
""", "structure")
    _add("structure/dict_keys_not_names_warns", """
a = keras.Input(shape=(4,), name='first')
b = keras.Input(shape=(4,), name='second')
model = keras.Model({'x': a, 'y': b}, layers.Add()([a, b]), name='keys')
""", "structure", "dict")


# ---------------------------------------------------------------------------
# keras.ops and Python operators on KerasTensors (Keras 3 records operations)
# ---------------------------------------------------------------------------
def _ops_cases():
    _k3("ops/add_operator", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
model = keras.Model([a, b], layers.Dense(2)(a + b), name='plus')
""", "ops")
    _k3("ops/scalar_multiply", """
x = keras.Input(shape=(4,), name='x')
h = layers.Dense(4)(x)
model = keras.Model(x, h * 2.0, name='scaled')
""", "ops")
    _k3("ops/reverse_operators", """
x = keras.Input(shape=(4,), name='x')
y = 1.0 - x
z = 2.0 * y + 1.0
model = keras.Model(x, layers.Dense(1)(z / 3.0), name='reverse')
""", "ops")
    _k3("ops/mean_and_concatenate", """
x = keras.Input(shape=(6, 4), name='x')
m = ops.mean(x, axis=1)
s = ops.max(x, axis=1)
h = ops.concatenate([m, s], axis=-1)
model = keras.Model(x, layers.Dense(3)(h), name='pooled')
""", "ops")
    _k3("ops/getitem", """
x = keras.Input(shape=(6, 4), name='x')
first = x[:, 0]
last = x[:, -1, :2]
model = keras.Model(x, [layers.Dense(2)(first), last], name='sliced')
""", "ops")
    _k3("ops/activation_ops", """
x = keras.Input(shape=(5,), name='x')
h = layers.Dense(5)(x)
y = ops.relu(h) + ops.sigmoid(h)
model = keras.Model(x, ops.tanh(y), name='act_ops')
""", "ops")
    _k3("ops/expand_and_reshape", """
x = keras.Input(shape=(6,), name='x')
e = ops.expand_dims(x, axis=-1)
c = layers.Conv1D(2, 3)(e)
r = ops.reshape(c, (-1, 8))
model = keras.Model(x, r, name='reshaped')
""", "ops")
    _k3("ops/matmul_transpose", """
a = keras.Input(shape=(3, 4), name='a')
b = keras.Input(shape=(3, 4), name='b')
s = ops.matmul(a, ops.transpose(b, (0, 2, 1)))
model = keras.Model([a, b], s, name='mm')
""", "ops")
    _k3("ops/same_op_names_as_layers", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
s1 = layers.Add()([a, b])
s2 = a + b
s3 = layers.Add()([s1, s2])
model = keras.Model([a, b], s3, name='names')
""", "ops", "names")
    _k3("ops/residual_with_operator", """
x = keras.Input(shape=(8, 8, 4), name='x')
h = layers.Conv2D(4, 3, padding='same')(x)
h = layers.BatchNormalization()(h)
y = ops.relu(h + x)
model = keras.Model(x, layers.GlobalAveragePooling2D()(y), name='res_op')
""", "ops", "skip")
    _k3("ops/operation_shared_tensor", """
x = keras.Input(shape=(4,), name='x')
h = layers.Dense(4)(x)
y = h * h
model = keras.Model(x, [y, ops.sum(y, axis=-1)], name='square')
""", "ops")
    _k3("ops/cast_and_compare", """
x = keras.Input(shape=(4,), name='x')
mask = ops.cast(x > 0.5, 'float32')
model = keras.Model(x, layers.Dense(2)(x * mask), name='masked')
""", "ops")
    _k3("ops/stack_and_squeeze", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
s = ops.stack([a, b], axis=1)
h = layers.Conv1D(3, 2)(s)
model = keras.Model([a, b], ops.squeeze(h, axis=1), name='stacked')
""", "ops")
    _k3("ops/in_nested_model", """
i = keras.Input(shape=(4,), name='inner_in')
inner = keras.Model(i, layers.Dense(4)(i) + i, name='inner')
x = keras.Input(shape=(4,), name='x')
y = inner(x)
model = keras.Model(x, ops.mean(y, axis=-1, keepdims=True), name='outer')
""", "ops", "nested")
    _k3("ops/negative_abs", """
x = keras.Input(shape=(3,), name='x')
model = keras.Model(x, [-x, abs(x)], name='unary')
""", "ops")


# ---------------------------------------------------------------------------
# Models from intermediate tensors (Keras clones the sub-graph)
# ---------------------------------------------------------------------------
def _intermediate_cases():
    _k3("intermediate/tail_model", """
x = keras.Input(shape=(8,))
h1 = layers.Dense(6)(x)
h2 = layers.Dense(4)(h1)
h3 = layers.Dense(2)(h2)
full = keras.Model(x, h3)
model = keras.Model(h1, h3)
""", "intermediate", "names")
    _k3("intermediate/head_model", """
x = keras.Input(shape=(8,))
h1 = layers.Dense(6)(x)
h2 = layers.Dense(4)(h1)
model = keras.Model(x, h1)
tail = layers.Dense(2)(h2)
""", "intermediate", "names")
    _k3("intermediate/full_then_tail_summary_of_full", """
x = keras.Input(shape=(8,))
h1 = layers.Dense(6)(x)
h2 = layers.Dense(4)(h1)
model = keras.Model(x, h2)
tail = keras.Model(h1, h2)
""", "intermediate", "names")
    _k3("intermediate/middle_branch", """
x = keras.Input(shape=(10, 10, 3))
c = layers.Conv2D(4, 3)(x)
p = layers.MaxPooling2D()(c)
a = layers.Conv2D(4, 1)(p)
b = layers.Conv2D(4, 1)(p)
m = layers.Add()([a, b])
full = keras.Model(x, m)
model = keras.Model(p, m)
""", "intermediate", "names")
    _k3("intermediate/two_intermediate_inputs", """
x = keras.Input(shape=(6,))
a = layers.Dense(4)(x)
b = layers.Dense(4)(x)
s = layers.Add()([a, b])
y = layers.Dense(2)(s)
model = keras.Model([a, b], y)
""", "intermediate", "names")
    _k3("intermediate/extract_then_call", """
x = keras.Input(shape=(6,))
h = layers.Dense(4)(x)
y = layers.Dense(2)(h)
tail = keras.Model(h, y)
z = keras.Input(shape=(4,))
model = keras.Model(z, tail(z))
""", "intermediate", "names", "nested")
    _k3("intermediate/disconnected_error", """
x = keras.Input(shape=(6,))
a = layers.Dense(4)(x)
b = layers.Dense(4)(x)
s = layers.Add()([a, b])
model = keras.Model(a, s)
""", "intermediate", "error")
    _add("intermediate/feature_extractor", """
x = keras.Input(shape=(12, 12, 3), name='image')
c1 = layers.Conv2D(4, 3, name='c1')(x)
c2 = layers.Conv2D(8, 3, name='c2')(c1)
g = layers.GlobalAveragePooling2D(name='gap')(c2)
y = layers.Dense(3, name='logits')(g)
full = keras.Model(x, y, name='full')
model = keras.Model(x, [c1, c2, g], name='features')
""", "intermediate")
    _add("intermediate/feature_extractor_from_layers", """
x = keras.Input(shape=(12, 12, 3), name='image')
c1 = layers.Conv2D(4, 3, name='c1')(x)
c2 = layers.Conv2D(8, 3, name='c2')(c1)
y = layers.Dense(3, name='logits')(layers.Flatten(name='flat')(c2))
full = keras.Model(x, y, name='full')
model = keras.Model(full.inputs, [full.get_layer('c1').output, full.get_layer('c2').output], name='features')
""", "intermediate")
    _add("intermediate/sub_model_of_nested_output", """
x = keras.Input(shape=(5,), name='x')
h = layers.Dense(4, name='h')(x)
y = layers.Dense(3, name='y')(h)
full = keras.Model(x, y, name='full')
model = keras.Model(full.input, full.layers[1].output, name='partial')
""", "intermediate")


# ---------------------------------------------------------------------------
# Keras 3 name counters
# ---------------------------------------------------------------------------
def _name_cases():
    _k3("names/functional_counter", """
x = keras.Input(shape=(4,))
m1 = keras.Model(x, layers.Dense(2)(x))
y = keras.Input(shape=(4,))
model = keras.Model(y, layers.Dense(2)(y))
""", "names")
    _k3("names/input_layer_counter", """
a = keras.Input(shape=(4,))
b = keras.Input(shape=(4,))
c = keras.Input(shape=(4,))
model = keras.Model([a, b, c], layers.Concatenate()([a, b, c]))
""", "names")
    _k3("names/sequential_and_functional_counters", """
s1 = keras.Sequential([layers.Dense(3)])
s2 = keras.Sequential([layers.Dense(3)])
x = keras.Input(shape=(5,))
model = keras.Model(x, s2(s1(x)))
""", "names", "nested")
    _k3("names/sequential_input_layer_counter", """
s1 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)])
x = keras.Input(shape=(4,))
model = keras.Model(x, s1(x))
""", "names", "nested")
    _k3("names/unbuilt_sequential_builds_input_layer", """
s1 = keras.Sequential([layers.Dense(3), layers.Dense(2)])
x = keras.Input(shape=(4,))
y = keras.Input(shape=(4,))
model = keras.Model([x, y], layers.Add()([s1(x), s1(y)]))
""", "names", "nested", "shared")
    _k3("names/explicit_name_then_auto", """
x = keras.Input(shape=(4,), name='input_layer')
y = keras.Input(shape=(4,))
model = keras.Model([x, y], layers.Add()([x, y]), name='functional')
""", "names", "error")
    _k3("names/duplicate_layer_name_error", """
x = keras.Input(shape=(4,), name='x')
h = layers.Dense(3, name='same')(x)
y = layers.Dense(3, name='same')(h)
model = keras.Model(x, y)
""", "names", "error")
    _k3("names/duplicate_input_name_error", """
a = keras.Input(shape=(4,), name='in')
b = keras.Input(shape=(4,), name='in')
model = keras.Model([a, b], layers.Add()([a, b]))
""", "names", "error")
    _k3("names/nested_model_named_like_its_layer", """
i = keras.Input(shape=(4,), name='i')
inner = keras.Model(i, layers.Dense(4)(i), name='dense')
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, layers.Dense(4)(inner(x)))
""", "names")
    _k3("names/nested_model_named_like_later_layer_error", """
i = keras.Input(shape=(4,), name='i')
inner = keras.Model(i, layers.Dense(4)(i), name='dense_1')
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, layers.Dense(4)(inner(x)))
""", "names", "error")
    _k3("names/counters_after_model_in_model", """
i = keras.Input(shape=(4,))
inner = keras.Model(i, layers.Dense(4)(i))
x = keras.Input(shape=(4,))
model = keras.Model(x, layers.Dense(4)(inner(x)))
""", "names", "nested")
    _k3("names/keras_tensor_counter_clone", """
x = keras.Input(shape=(4,))
for _ in range(3):
    x = layers.Dense(4)(x)
h = x
y = layers.Dense(2)(h)
model = keras.Model(h, y)
""", "names", "intermediate")
    _k3("names/models_module", """
x = keras.Input(shape=(4,))
model = keras.models.Model(x, layers.Dense(2)(x))
""", "names")
    _k3("names/functional_class", """
x = keras.Input(shape=(4,))
model = keras.Model(inputs=[x], outputs=[layers.Dense(2)(x)])
""", "names")


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------
def _error_cases():
    _add("errors/graph_disconnected", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
y = layers.Add()([layers.Dense(4)(a), layers.Dense(4)(b)])
model = keras.Model(a, y, name='disconnected')
""", "error")
    _add("errors/graph_disconnected_deep", """
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(4,), name='b')
h = layers.Dense(4)(b)
h = layers.Dense(4)(h)
y = layers.Concatenate()([layers.Dense(4)(a), h])
model = keras.Model(a, y, name='disconnected')
""", "error")
    _add("errors/outputs_not_tensors", """
a = keras.Input(shape=(4,), name='a')
model = keras.Model(a, layers.Dense(3), name='bad_outputs')
""", "error")
    _add("errors/inputs_not_tensors", """
a = keras.Input(shape=(4,), name='a')
model = keras.Model([a, 3], layers.Dense(3)(a), name='bad_inputs')
""", "error")
    _add("errors/duplicate_layer_names", """
a = keras.Input(shape=(4,), name='a')
h = layers.Dense(3, name='d')(a)
y = layers.Dense(3, name='d')(h)
model = keras.Model(a, y, name='dups')
""", "error")
    _add("errors/layer_named_like_input", """
a = keras.Input(shape=(4,), name='a')
y = layers.Dense(3, name='a')(a)
model = keras.Model(a, y, name='dups')
""", "error")
    _add("errors/dense_rank_too_low", """
a = keras.Input(shape=(), name='a')
model = keras.Model(a, layers.Dense(3)(a), name='rank0')
""", "error")
    _add("errors/conv_on_vector", """
a = keras.Input(shape=(8,), name='a')
model = keras.Model(a, layers.Conv2D(3, 3)(a), name='rank_error')
""", "error", "conv")
    _add("errors/layer_reused_on_other_size", """
a = keras.Input(shape=(8,), name='a')
b = keras.Input(shape=(5,), name='b')
d = layers.Dense(3)
model = keras.Model([a, b], [d(a), d(b)], name='reuse')
""", "error", "shared")
    _add("errors/sequential_nested_wrong_input", """
block = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)], name='block')
x = keras.Input(shape=(6,), name='x')
model = keras.Model(x, block(x), name='outer')
""", "error", "nested")
    _add("errors/multi_input_model_given_one", """
i1 = keras.Input(shape=(4,), name='p')
i2 = keras.Input(shape=(4,), name='q')
inner = keras.Model([i1, i2], layers.Add()([i1, i2]), name='pair')
x = keras.Input(shape=(4,), name='x')
model = keras.Model(x, inner(x), name='outer')
""", "error", "nested")
    _add("errors/concatenate_one_non_tensor", """
a = keras.Input(shape=(4,), name='a')
model = keras.Model(a, layers.Concatenate()([a, 3.0]), name='bad')
""", "error")


# ---------------------------------------------------------------------------
# Random DAGs
# ---------------------------------------------------------------------------
def _conv_len(n, k, s=1, padding="valid"):
    if n is None:
        return None
    if padding == "same":
        return -(-n // s)
    return (n - k) // s + 1


def _size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


class _Dag:
    """Builds one random model as code; shapes (without batch) are tracked here."""

    def __init__(self, rng, case_no, keras3_only, prefix=""):
        self.rng = rng
        self.no = case_no
        self.k3 = keras3_only
        self.prefix = prefix
        self.lines = []
        self.pool = []  # (var, shape)
        self.used = set()
        self.count = 0
        self.blocks = 0
        self.tags = set()

    # -- helpers --------------------------------------------------------------
    def emit(self, line):
        self.lines.append(line)

    def var(self, kind="t"):
        self.count += 1
        return f"{self.prefix}{kind}{self.count}"

    def shape(self, v):
        return dict(self.pool)[v]

    def push(self, expr, shape, consumed=()):
        v = self.var()
        self.emit(f"{v} = {expr}")
        self.pool.append((v, tuple(shape)))
        self.used.update(consumed)
        return v

    def pick(self, pred=lambda s: True, prefer_recent=True):
        cands = [(v, s) for v, s in self.pool if pred(s)]
        if not cands:
            return None
        if prefer_recent and self.rng.random() < 0.6:
            return cands[-1] if self.rng.random() < 0.5 else self.rng.choice(cands[-3:])
        return self.rng.choice(cands)

    # -- unary layers -----------------------------------------------------------
    def unary_choices(self, shape):
        r = self.rng
        out = []
        if len(shape) == 1:
            (d,) = shape
            u = r.choice([2, 3, 4, 5, 6, 8, 12, 16])
            act = r.choice([None, "'relu'", "'tanh'", "'sigmoid'"])
            out.append((f"layers.Dense({u}" + (f", activation={act})" if act else ")"), (u,)))
            out.append((f"layers.Dense({u}, use_bias=False)", (u,)))
            out.append(("layers.Dropout(0.25)", shape))
            out.append(("layers.BatchNormalization()", shape))
            out.append(("layers.LayerNormalization()", shape))
            out.append((r.choice(["layers.ReLU()", "layers.Activation('relu')", "layers.LeakyReLU()",
                                  "layers.Softmax()", "layers.ELU()", "layers.PReLU()"]), shape))
            n = r.choice([2, 3, 4])
            out.append((f"layers.RepeatVector({n})", (n, d)))
            if d % 2 == 0 and d > 2:
                out.append((f"layers.Reshape((2, {d // 2}))", (2, d // 2)))
            out.append(("layers.GaussianNoise(0.1)", shape))
        elif len(shape) == 2:
            L, c = shape
            f = r.choice([2, 3, 4, 6, 8])
            k = r.choice([1, 2, 3])
            pad = r.choice(["valid", "same"])
            if L is not None and (pad == "same" or L >= k + 1):
                out.append((f"layers.Conv1D({f}, {k}, padding='{pad}')", (_conv_len(L, k, 1, pad), f)))
                out.append((f"layers.SeparableConv1D({f}, {k}, padding='{pad}')", (_conv_len(L, k, 1, pad), f)))
                out.append((f"layers.DepthwiseConv1D({k}, padding='{pad}')", (_conv_len(L, k, 1, pad), c)))
            if L is not None and L >= 4:
                out.append(("layers.MaxPooling1D(2)", (L // 2, c)))
                out.append(("layers.AveragePooling1D(2, padding='same')", (-(-L // 2), c)))
                out.append(("layers.Cropping1D((1, 1))", (L - 2, c)))
            out.append((r.choice(["layers.GlobalAveragePooling1D()", "layers.GlobalMaxPooling1D()"]), (c,)))
            if L is not None and L * c <= 256:
                out.append(("layers.Flatten()", (L * c,)))
            out.append((f"layers.Dense({f})", (L, f)))
            out.append(("layers.LayerNormalization()", shape))
            if L is not None:
                out.append(("layers.Permute((2, 1))", (c, L)))
            if L is not None and L <= 12:
                out.append(("layers.ZeroPadding1D(1)", (L + 2, c)))
                out.append(("layers.UpSampling1D(2)", (2 * L, c)))
            out.append(("layers.SpatialDropout1D(0.2)", shape))
        else:
            H, W, c = shape
            f = r.choice([2, 3, 4, 8])
            k = r.choice([1, 3])
            pad = r.choice(["valid", "same"])
            s = r.choice([1, 1, 2])
            if pad == "same" or min(H, W) >= k + 1:
                oh, ow = _conv_len(H, k, s, pad), _conv_len(W, k, s, pad)
                if min(oh, ow) >= 1:
                    out.append((f"layers.Conv2D({f}, {k}" + (f", strides={s}" if s > 1 else "")
                                + f", padding='{pad}')", (oh, ow, f)))
                oh, ow = _conv_len(H, k, 1, pad), _conv_len(W, k, 1, pad)
                out.append((f"layers.SeparableConv2D({f}, {k}, padding='{pad}')", (oh, ow, f)))
                out.append((f"layers.DepthwiseConv2D({k}, padding='{pad}')", (oh, ow, c)))
            if min(H, W) >= 4:
                out.append(("layers.MaxPooling2D()", (H // 2, W // 2, c)))
                out.append(("layers.AveragePooling2D(2)", (H // 2, W // 2, c)))
                out.append(("layers.Cropping2D(1)", (H - 2, W - 2, c)))
            out.append((r.choice(["layers.GlobalAveragePooling2D()", "layers.GlobalMaxPooling2D()"]), (c,)))
            if H * W * c <= 512:
                out.append(("layers.Flatten()", (H * W * c,)))
            out.append(("layers.BatchNormalization()", shape))
            if H <= 8 and W <= 8:
                out.append(("layers.UpSampling2D()", (2 * H, 2 * W, c)))
                out.append((f"layers.Conv2DTranspose({f}, 2, strides=2)", (2 * H, 2 * W, f)))
                out.append(("layers.ZeroPadding2D(1)", (H + 2, W + 2, c)))
            out.append((f"layers.Reshape(({H * W}, {c}))", (H * W, c)))
            out.append(("layers.SpatialDropout2D(0.1)", shape))
        return out

    def step_unary(self):
        v, s = self.pick()
        expr, shape = self.rng.choice(self.unary_choices(s))
        return self.push(f"{expr}({v})", shape, [v])

    # -- shared layer -------------------------------------------------------------
    def step_shared(self):
        r = self.rng
        v, s = self.pick(lambda s: len(s) in (1, 3))
        same = [(w, t) for w, t in self.pool if t == s and w != v]
        if len(s) == 1:
            u = r.choice([3, 4, 6, 8])
            layer, out = f"layers.Dense({u})", (u,)
        else:
            f = r.choice([2, 4])
            layer, out = f"layers.Conv2D({f}, 3, padding='same')", s[:2] + (f,)
        name = self.var("shared")
        self.emit(f"{name} = {layer}")
        self.tags.add("shared")
        a = self.push(f"{name}({v})", out, [v])
        if same:
            w, _ = r.choice(same)
            self.push(f"{name}({w})", out, [w])
        else:
            self.push(f"{name}({v})", out, [v])
        if out == s and r.random() < 0.5:  # call it again on its own output
            self.push(f"{name}({a})", out, [a])

    # -- merges -------------------------------------------------------------------
    def align(self, v, s, target):
        """A tensor of shape ``target`` made from ``v`` (shape ``s``), or None."""
        if s == target:
            return v
        if len(s) == 1 and len(target) == 1:
            return self.push(f"layers.Dense({target[0]})({v})", target, [v])
        if len(s) == 2 and len(target) == 2 and s[0] == target[0]:
            return self.push(f"layers.Conv1D({target[1]}, 1)({v})", target, [v])
        if len(s) == 3 and len(target) == 3 and s[:2] == target[:2]:
            return self.push(f"layers.Conv2D({target[2]}, 1)({v})", target, [v])
        return None

    def step_elementwise(self):
        r = self.rng
        v, s = self.pick()
        layer = r.choice(["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"])
        n = 2 if layer == "Subtract" else r.choice([2, 2, 2, 3])
        ins = [v]
        for _ in range(n - 1):
            cands = [(w, t) for w, t in self.pool if w not in ins and (
                t == s or (len(t) == len(s) and (len(t) == 1 or t[:-1] == s[:-1])))]
            if not cands:
                break
            w, t = r.choice(cands)
            ins.append(self.align(w, t, s))
        if len(ins) < 2:
            ins.append(self.align(v, s, s) if r.random() < 0.3 else self.push(
                f"{self.unary_same(s)}({v})", s, [v]))
        if layer == "Subtract":
            ins = ins[:2]
        self.tags.add("merge")
        return self.push(f"layers.{layer}()([{', '.join(ins)}])", s, ins)

    def unary_same(self, s):
        if len(s) == 1:
            return f"layers.Dense({s[0]})"
        if len(s) == 2:
            return f"layers.Conv1D({s[1]}, 3, padding='same')"
        return f"layers.Conv2D({s[2]}, 3, padding='same')"

    def step_concat(self):
        r = self.rng
        v, s = self.pick()
        rank = len(s) + 1
        axes = list(range(1, rank))
        axis = r.choice(axes)
        cands = [(w, t) for w, t in self.pool if w != v and len(t) == len(s)
                 and all(a == b for i, (a, b) in enumerate(zip(s, t)) if i != axis - 1)]
        if cands:
            w, t = r.choice(cands)
        else:
            w, t = self.push(f"{self.unary_same(s)}({v})", s, [v]), s
        ins = [v, w]
        if r.random() < 0.25:
            ins.append(w if r.random() < 0.3 else v)
        out = list(s)
        out[axis - 1] = sum(dict(self.pool)[x][axis - 1] for x in ins)
        shown = r.choice([axis, axis - rank]) if axis != rank - 1 else r.choice([-1, axis, None])
        args = "" if shown is None else f"axis={shown}"
        self.tags.add("concatenate")
        return self.push(f"layers.Concatenate({args})([{', '.join(ins)}])", tuple(out), ins)

    def step_dot(self):
        r = self.rng
        v, s = self.pick(lambda s: len(s) in (1, 2))
        norm = ", normalize=True" if r.random() < 0.3 else ""
        self.tags.add("dot")
        if len(s) == 1:
            cands = [(w, t) for w, t in self.pool if w != v and t == s]
            w = r.choice(cands)[0] if cands else self.push(f"layers.Dense({s[0]})({v})", s, [v])
            return self.push(f"layers.Dot(axes={r.choice([1, -1])}{norm})([{v}, {w}])", (1,), [v, w])
        L, c = s
        mode = r.choice(["last", "first"])
        if mode == "last":
            cands = [(w, t) for w, t in self.pool if w != v and len(t) == 2 and t[1] == c]
            w, t = r.choice(cands) if cands else (self.push(f"layers.Dense({c})({v})", s, [v]), s)
            axes = r.choice(["2", "-1", "(2, 2)", "[-1, -1]"])
            return self.push(f"layers.Dot(axes={axes}{norm})([{v}, {w}])", (L, t[0]), [v, w])
        cands = [(w, t) for w, t in self.pool if w != v and len(t) == 2 and t[0] == L]
        w, t = r.choice(cands) if cands else (self.push(f"layers.Dense(3)({v})", (L, 3), [v]), (L, 3))
        return self.push(f"layers.Dot(axes=(1, 1){norm})([{v}, {w}])", (c, t[1]), [v, w])

    # -- operations (Keras 3 only) --------------------------------------------------
    def step_op(self):
        r = self.rng
        v, s = self.pick()
        self.tags.add("ops")
        choice = r.choice(["add", "mul", "scalar", "relu", "mean", "slice", "concat"])
        same = [(w, t) for w, t in self.pool if t == s and w != v]
        if choice == "add" and same:
            w = r.choice(same)[0]
            return self.push(f"{v} + {w}", s, [v, w])
        if choice == "mul" and same:
            w = r.choice(same)[0]
            return self.push(f"{v} * {w}", s, [v, w])
        if choice == "mean" and len(s) >= 2:
            return self.push(f"ops.mean({v}, axis=1)", s[1:], [v])
        if choice == "slice" and len(s) >= 2:
            return self.push(f"{v}[:, 0]", s[1:], [v])
        if choice == "concat":
            w = r.choice(same)[0] if same else v
            out = s[:-1] + (2 * s[-1],)
            return self.push(f"ops.concatenate([{v}, {w}], axis=-1)", out, [v, w])
        if choice == "relu":
            return self.push(f"ops.relu({v})", s, [v])
        return self.push(f"{v} * {r.choice(['2.0', '0.5', '-1.0'])}", s, [v])

    # -- nested models ----------------------------------------------------------------
    def make_block(self, shape, depth=1, allow_two=True):
        """Define a nested model taking ``shape``; returns (var, output shapes)."""
        r = self.rng
        self.blocks += 1
        name = f"{self.prefix}blk{self.blocks}"
        kinds = ["seq", "seq_input", "functional", "functional"] + (["functional_2out"] if allow_two else [])
        kind = r.choice(kinds)
        frozen_layer = r.random() < 0.2
        self.tags.add("nested")
        if kind.startswith("seq"):
            chain, s = [], shape
            for _ in range(r.randint(1, 3)):
                expr, s2 = r.choice(self.unary_choices(s))
                if frozen_layer and "Dense(" in expr:
                    expr = expr[:-1] + ", trainable=False)"
                    self.tags.add("trainable")
                chain.append(expr)
                s = s2
            if depth < 3 and r.random() < 0.3:
                inner, outs = self.make_block(s, depth + 1, allow_two=False)
                chain.append(inner)
                s = outs[0]
                self.tags.add("deep")
            items = ([f"keras.Input(shape={shape!r})"] if kind == "seq_input" else []) + chain
            self.emit(f"{name} = keras.Sequential([{', '.join(items)}], name='{name}')")
            outs = [s]
        else:
            sub = _Dag(r, self.no, self.k3, prefix=name + "_")
            sub.blocks = 0
            sub.pool = [(f"{name}_in", shape)]
            self.emit(f"{name}_in = keras.Input(shape={shape!r}, name='{name}_in')")
            for _ in range(r.randint(1, 3)):
                x = r.random()
                if x < 0.2 and len(sub.pool) > 1:
                    sub.step_elementwise()
                elif x < 0.3:
                    sub.step_concat()
                else:
                    sub.step_unary()
            if depth < 3 and r.random() < 0.3:
                sub.step_block(depth + 1)
                self.tags.add("deep")
            self.lines += sub.lines
            self.tags |= sub.tags
            out, s = sub.pool[-1]
            if frozen_layer:
                u = r.choice([2, 3, 4])
                self.emit(f"{name}_f = layers.Dense({u}, trainable=False)({out})")
                out, s = f"{name}_f", s[:-1] + (u,)
                self.tags.add("trainable")
            if kind == "functional_2out":
                u = r.choice([2, 3])
                self.emit(f"{name}_o2 = layers.Dense({u}, name='{name}_head2')({out})")
                self.emit(f"{name} = keras.Model({name}_in, [{out}, {name}_o2], name='{name}')")
                outs = [s, s[:-1] + (u,)]
            else:
                self.emit(f"{name} = keras.Model({name}_in, {out}, name='{name}')")
                outs = [s]
        if r.random() < 0.25:
            self.emit(f"{name}.trainable = False")
            self.tags.add("trainable")
        return name, outs

    def step_block(self, depth=1):
        r = self.rng
        v, s = self.pick()
        name, outs = self.make_block(s, depth)
        calls = [v]
        same = [(w, t) for w, t in self.pool if t == s and w != v]
        if r.random() < 0.4:
            calls.append(r.choice(same)[0] if same else v)
            self.tags.add("shared")
        for x in calls:
            if len(outs) == 2:
                a, b = self.var(), self.var()
                self.emit(f"{a}, {b} = {name}({x})")
                self.pool += [(a, outs[0]), (b, outs[1])]
                self.used.add(x)
            else:
                self.push(f"{name}({x})", outs[0], [x])

    # -- the whole model ----------------------------------------------------------------
    def build(self):
        r = self.rng
        n_in = r.choice([1, 1, 2, 2, 3])
        inputs = []
        for i in range(n_in):
            kind = r.choice(["vec", "vec", "seq", "img"])
            if kind == "vec":
                shape = (r.choice([3, 4, 6, 8, 10, 16]),)
            elif kind == "seq":
                shape = (r.choice([4, 5, 8, 10]), r.choice([1, 2, 3, 4]))
            else:
                side = r.choice([6, 8, 10])
                shape = (side, side, r.choice([1, 3]))
            name = f"in{i}"
            self.emit(f"{name} = keras.Input(shape={shape!r}, name='{name}')")
            self.pool.append((name, shape))
            inputs.append(name)
        steps = r.randint(3, 8)
        weights = [("unary", 6), ("elementwise", 2), ("concat", 2), ("dot", 1), ("shared", 1), ("block", 2)]
        if self.k3:
            weights.append(("op", 3))
        for _ in range(steps):
            total = sum(w for _, w in weights)
            x = r.uniform(0, total)
            for kind, w in weights:
                x -= w
                if x <= 0:
                    break
            if kind == "dot" and not any(len(s) in (1, 2) for _, s in self.pool):
                kind = "unary"
            if kind == "shared" and not any(len(s) in (1, 3) for _, s in self.pool):
                kind = "unary"
            getattr(self, "step_" + kind)()
        # Every input should reach an output: join unused inputs into the graph.
        for name in inputs:
            if name not in self.used:
                a = self.flatten_to_vec(*self.pool[-1])
                b = self.flatten_to_vec(name, self.shape(name))
                self.push(f"layers.Concatenate()([{a}, {b}])",
                          (self.shape(a)[0] + self.shape(b)[0],), [a, b])
        sinks = [v for v, s in self.pool if v not in self.used and v not in inputs]
        if not sinks:
            sinks = [self.pool[-1][0]]
        if self.k3:
            # Keras 3 only: some branches may end outside the model (their layers keep calls
            # that are not part of it: "Connected to" and node indices skip them).
            outs = sinks[-3:]
            if len(sinks) > 3:
                self.tags.add("dangling")
        else:
            # A config does not carry calls outside the model, so for the tf-keras
            # comparison every branch ends in an output.
            outs = sinks
        if len(outs) == 1:
            form = r.choice(["plain", "plain", "list"])
            out_expr = outs[0] if form == "plain" else f"[{outs[0]}]"
        else:
            form = r.choice(["list", "list", "dict"])
            if form == "list":
                out_expr = f"[{', '.join(outs)}]"
            else:
                self.tags.add("dict")
                out_expr = "{" + ", ".join(f"'out_{v}': {v}" for v in outs) + "}"
        if len(inputs) == 1:
            in_expr = inputs[0] if r.random() < 0.7 else f"[{inputs[0]}]"
        else:
            form = r.choice(["list", "list", "dict"])
            if form == "list":
                in_expr = f"[{', '.join(inputs)}]"
            else:
                self.tags.add("dict")
                in_expr = "{" + ", ".join(f"'{v}': {v}" for v in inputs) + "}"
        self.emit(f"model = keras.Model({in_expr}, {out_expr}, name='rand{self.no:03d}')")
        if r.random() < 0.08:
            self.emit("model.trainable = False")
            self.tags.add("trainable")
        return "\n".join(self.lines) + "\n"

    def flatten_to_vec(self, v, s):
        if len(s) == 1:
            return v
        if len(s) == 2:
            return self.push(f"layers.GlobalAveragePooling1D()({v})", (s[1],), [v])
        return self.push(f"layers.GlobalMaxPooling2D()({v})", (s[2],), [v])


def _random_cases():
    rng = random.Random(20250315)
    for no in range(110):
        keras3_only = no % 5 == 4
        dag = _Dag(rng, no, keras3_only)
        code = dag.build()
        tags = ["random"] + sorted(dag.tags)
        if keras3_only:
            _k3(f"random/dag{no:03d}", code, *tags)
        else:
            _add(f"random/dag{no:03d}", code, *tags)
    # Sub-graphs extracted from intermediate tensors (Keras 3 clones them).
    rng = random.Random(77)
    for no in range(8):
        dag = _Dag(rng, 200 + no, True)
        dag.emit("x = keras.Input(shape=(8, 8, 3))" if no % 2 else "x = keras.Input(shape=(12,))")
        dag.pool.append(("x", (8, 8, 3) if no % 2 else (12,)))
        for _ in range(rng.randint(1, 3)):
            dag.step_unary()
        mid = dag.pool[-1]
        dag.pool = [mid]
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.3 and len(dag.pool) > 1:
                dag.step_elementwise()
            else:
                dag.step_unary()
        end = dag.pool[-1][0]
        dag.emit(f"full = keras.Model(x, {end})")
        dag.emit(f"model = keras.Model({mid[0]}, {end})")
        _k3(f"random/extract{no:02d}", "\n".join(dag.lines), "random", "intermediate", *sorted(dag.tags))


_merge_cases()
_shared_cases()
_nested_cases()
_trainable_cases()
_structure_cases()
_ops_cases()
_intermediate_cases()
_name_cases()
_error_cases()
_random_cases()


if __name__ == "__main__":  # pragma: no cover - convenience listing
    import collections
    import sys
    if len(sys.argv) > 1:
        for c in CASES:
            if c["id"].startswith(sys.argv[1]):
                print("#", c["id"], c["tags"])
                print(c["code"])
    print(len(CASES), "cases")
    print(collections.Counter(c["id"].split("/")[1] for c in CASES))
