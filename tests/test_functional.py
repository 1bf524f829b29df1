"""The Functional API, nested models and shared layers, behaviour by behaviour.

Expected numbers and names are Keras 3.15's (checked against real Keras; the golden
fixtures tests/golden/*/functional.json.gz cover the same ground in bulk).
"""

import pytest

import paramscope.keras as keras
from paramscope import cli
from paramscope.errors import ParamscopeError
from paramscope.keras import layers, ops
from paramscope.report import keras2, keras3
from paramscope.summary import summarize


def rows(model):
    return [(r.name, r.class_name, r.output_shape, r.params) for r in summarize(model).layers]


def inbound(model):
    return {r.name: r.inbound for r in summarize(model).layers}


# -- shared layers ------------------------------------------------------------------------------

def test_shared_layer_weights_counted_once():
    a = keras.Input(shape=(8,), name="a")
    b = keras.Input(shape=(8,), name="b")
    shared = layers.Dense(4, name="shared")
    model = keras.Model([a, b], layers.Concatenate()([shared(a), shared(b)]), name="siamese")
    s = summarize(model)
    assert [(r.name, r.params) for r in s.layers] == [
        ("a", 0), ("b", 0), ("shared", 36), ("concatenate", 0)]
    assert s.total_params == 36 == model.count_params()
    assert len(model.weights) == 2
    # One row, both calls in "Connected to"; the merge sees node 0 and node 1.
    assert inbound(model)["shared"] == [("a", 0, 0), ("b", 0, 0)]
    assert inbound(model)["concatenate"] == [("shared", 0, 0), ("shared", 1, 0)]
    assert not s.sequential_like


def test_shared_layer_row_shows_its_last_call():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(3, 4), name="b")
    d = layers.Dense(2, name="d")
    model = keras.Model([a, b], [d(a), d(b)])
    row = summarize(model).layers[-1]
    assert row.output_shape == (None, 3, 2)
    assert row.node_output_shapes == [(None, 2), (None, 3, 2)]
    assert "multiple" in keras2.render(summarize(model))


def test_calls_outside_the_model_are_not_connections():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(4,), name="b")
    d = layers.Dense(3, name="d")
    d(a)
    model = keras.Model(b, d(b))
    assert inbound(model)["d"] == [("b", 0, 0)]
    assert summarize(model).sequential_like  # one call of d in this model


def test_same_layer_twice_in_a_model_is_not_sequential_like():
    a = keras.Input(shape=(4,), name="a")
    d = layers.Dense(4)
    model = keras.Model(a, d(d(a)))
    s = summarize(model)
    assert not s.sequential_like
    assert inbound(model)["dense"] == [("a", 0, 0), ("dense", 0, 0)]
    assert s.total_params == 20


# -- nested models --------------------------------------------------------------------------------

def _frozen_base():
    base = keras.Sequential([
        keras.Input(shape=(16, 16, 3)),
        layers.Conv2D(8, 3),
        layers.BatchNormalization(),
        layers.GlobalAveragePooling2D(),
    ], name="base")
    return base


def test_frozen_nested_base_moves_exactly_its_weights():
    base = _frozen_base()
    base_weights = base.count_params()  # 224 conv + 32 batchnorm
    assert base_weights == 256
    x = keras.Input(shape=(16, 16, 3), name="image")
    model = keras.Model(x, layers.Dense(3)(base(x)), name="head")
    before = summarize(model)
    assert (before.trainable_params, before.non_trainable_params) == (224 + 16 + 27, 16)
    base.trainable = False
    after = summarize(model)
    assert after.total_params == before.total_params == 256 + 27
    assert (after.trainable_params, after.non_trainable_params) == (27, 256)
    base_row = after.layers[1]
    assert (base_row.name, base_row.trainable, base_row.trainable_params,
            base_row.non_trainable_params) == ("base", False, 0, 256)
    assert [r.trainable for r in base_row.layers] == [False, False, False]
    assert after.layers[2].trainable_params == 27


def test_frozen_base_in_a_sequential_head():
    base = _frozen_base()
    base.trainable = False
    model = keras.Sequential([keras.Input(shape=(16, 16, 3)), base, layers.Dense(3)])
    s = summarize(model)
    assert [(r.name, r.output_shape, r.params) for r in s.layers] == [
        ("base", (None, 8), 256), ("dense", (None, 3), 27)]
    assert (s.trainable_params, s.non_trainable_params) == (27, 256)


def test_layer_frozen_inside_a_nested_model():
    i = keras.Input(shape=(8,), name="inner_in")
    h = layers.Dense(6, trainable=False, name="frozen")(i)
    inner = keras.Model(i, layers.Dense(4)(h), name="inner")
    x = keras.Input(shape=(8,), name="x")
    model = keras.Model(x, layers.Dense(2)(inner(x)))
    s = summarize(model)
    assert (s.trainable_params, s.non_trainable_params) == (28 + 10, 54)
    assert s.layers[1].trainable  # the nested model itself stays trainable
    assert (s.layers[1].trainable_params, s.layers[1].non_trainable_params) == (28, 54)


def test_functional_trainable_argument_does_not_reach_its_layers():
    i = keras.Input(shape=(8,), name="inner_in")
    inner = keras.Model(i, layers.Dense(4)(i), name="inner", trainable=False)
    assert inner.layers[1].trainable  # Keras sets the flag before it tracks the layers
    x = keras.Input(shape=(8,), name="x")
    model = keras.Model(x, layers.Dense(2)(inner(x)))
    s = summarize(model)
    assert s.layers[1].trainable is False
    assert (s.trainable_params, s.non_trainable_params) == (46, 0)


def test_nested_model_called_twice():
    tower = keras.Sequential([layers.Dense(8), layers.Dense(4)], name="tower")
    a = keras.Input(shape=(6,), name="a")
    b = keras.Input(shape=(6,), name="b")
    model = keras.Model([a, b], layers.Subtract()([tower(a), tower(b)]))
    s = summarize(model)
    assert [(r.name, r.params) for r in s.layers] == [
        ("a", 0), ("b", 0), ("tower", 56 + 36), ("subtract", 0)]
    assert s.total_params == 92
    assert inbound(model)["subtract"] == [("tower", 0, 0), ("tower", 1, 0)]
    # expand_nested lists the tower's layers under it, with no connections of their own
    text = keras3.render(s, columns=200, console_width=200, expand_nested=True)
    assert "   └ dense (Dense)" in text and "   └ dense_1 (Dense)" in text


def test_functional_inside_sequential_builds_from_its_input_shape():
    i = keras.Input(shape=(8,), name="inner_in")
    inner = keras.Model(i, layers.Dense(4)(i), name="inner")
    model = keras.Sequential([inner, layers.Dense(2)], name="seq")
    assert model.built
    assert [(r.name, r.output_shape, r.params) for r in summarize(model).layers] == [
        ("inner", (None, 4), 36), ("dense_1", (None, 2), 10)]
    assert model.layers[0] is inner


def test_three_levels_deep():
    i1 = keras.Input(shape=(6,), name="l1_in")
    level1 = keras.Model(i1, layers.Dense(5)(i1), name="level1")
    level2 = keras.Sequential([keras.Input(shape=(6,)), level1, layers.Dense(4)], name="level2")
    i3 = keras.Input(shape=(6,), name="l3_in")
    level3 = keras.Model(i3, layers.Dense(3)(level2(i3)), name="level3")
    x = keras.Input(shape=(6,), name="x")
    model = keras.Model(x, layers.Dense(2)(level3(x)), name="top")
    s = summarize(model)
    assert s.total_params == 35 + 24 + 15 + 8
    nested = [(level, r.name) for level, r in s.iter_rows(expand_nested=True)]
    assert nested == [(0, "x"), (0, "level3"), (1, "l3_in"), (1, "level2"), (2, "level1"),
                      (3, "l1_in"), (3, "dense"), (2, "dense_1"), (1, "dense_2"), (0, "dense_3")]


def test_nested_model_with_two_outputs():
    i = keras.Input(shape=(8,), name="inner_in")
    h = layers.Dense(6)(i)
    inner = keras.Model(i, [layers.Dense(2)(h), layers.Dense(3)(h)], name="two_heads")
    x = keras.Input(shape=(8,), name="x")
    p, q = inner(x)
    model = keras.Model(x, layers.Concatenate()([p, q]))
    s = summarize(model)
    assert s.layers[1].output_shape == [(None, 2), (None, 3)]
    assert inbound(model)["concatenate"] == [("two_heads", 0, 0), ("two_heads", 0, 1)]
    assert "[(None, 2), (None, 3)]" in keras3.render(s, columns=200, console_width=200)


# -- input and output structures -----------------------------------------------------------------

def test_dict_inputs_and_outputs():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(6,), name="b")
    h = layers.Concatenate()([a, b])
    model = keras.Model({"b": b, "a": a},
                        {"y2": layers.Dense(2, name="y2")(h), "y1": layers.Dense(1, name="y1")(h)})
    assert [t.name for t in model.inputs] == ["a", "b"]  # flattened in sorted key order
    assert list(model.output) == ["y2", "y1"]
    assert model.output_shape == [(None, 1), (None, 2)]  # Keras: the flat outputs, key order
    assert [r[0] for r in rows(model)] == ["a", "b", "concatenate", "y1", "y2"]
    assert summarize(model).total_params == 22 + 11


def test_single_output_in_a_list_stays_a_list():
    x = keras.Input(shape=(4,), name="x")
    model = keras.Model([x], [layers.Dense(2)(x)])
    y = model(keras.Input(shape=(4,)))
    assert isinstance(y, list) and y[0].shape == (None, 2)
    assert model.output_shape == (None, 2)


def test_unused_input_is_a_row():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(3,), name="b")
    model = keras.Model([a, b], layers.Dense(2)(a))
    assert [r[0] for r in rows(model)] == ["a", "b", "dense"]


# -- operations -----------------------------------------------------------------------------------

def test_operations_are_rows():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(4,), name="b")
    s1 = layers.Add()([a, b])
    s2 = a + b          # an Add operation, named from the same counter as the Add layer
    y = ops.mean(layers.Add()([s1, s2]) * 2.0, axis=-1)
    model = keras.Model([a, b], y)
    assert rows(model) == [
        ("a", "InputLayer", (None, 4), 0), ("b", "InputLayer", (None, 4), 0),
        ("add", "Add", (None, 4), 0), ("add_1", "Add", (None, 4), 0),
        ("add_2", "Add", (None, 4), 0), ("multiply", "Multiply", (None, 4), 0),
        ("mean", "Mean", (None,), 0)]
    assert inbound(model)["add_1"] == [("a", 0, 0), ("b", 0, 0)]
    text = keras3.render(summarize(model), columns=200, console_width=200, show_trainable=True)
    assert "│ mean (Mean)" in text and "(None)" in text


def test_getitem_and_concatenate_operations():
    x = keras.Input(shape=(6, 4), name="x")
    h = ops.concatenate([x[:, 0], ops.max(x, axis=1)], axis=-1)
    model = keras.Model(x, layers.Dense(3)(h))
    assert [(r[0], r[2]) for r in rows(model)] == [
        ("x", (None, 6, 4)), ("get_item", (None, 4)), ("max", (None, 4)),
        ("concatenate", (None, 8)), ("dense", (None, 3))]


# -- models from intermediate tensors --------------------------------------------------------------

def test_model_from_an_intermediate_tensor_clones_the_graph():
    x = keras.Input(shape=(8,))
    h1 = layers.Dense(6)(x)
    h2 = layers.Dense(4)(h1)
    full = keras.Model(x, h2)
    tail = keras.Model(h1, h2)
    assert h1.name == "keras_tensor_1"
    assert [r[0] for r in rows(tail)] == ["keras_tensor_1CLONE", "dense_1"]
    # the tail model recorded a second call of dense_1 (Keras re-records every call)
    assert len(full.layers[2]._inbound_nodes) == 2
    assert inbound(full)["dense_1"] == [("dense", 0, 0)]
    assert summarize(tail).total_params == 28


def test_tensor_names_follow_keras_counters():
    """CLONE names show KerasTensor names, so the counter must advance as in Keras."""
    a = keras.Input((4,))
    assert a.name == "keras_tensor"
    s = keras.Sequential([layers.Dense(4), layers.Dense(4)])
    out = s(a)  # builds (an InputLayer, two Dense calls) then one output tensor
    assert out.name == "keras_tensor_4"
    again = s(a)  # same input shape: Keras's shortcut makes only the output tensor
    assert again.name == "keras_tensor_5"


# -- errors: exit code 2, one line, naming the layer and the shapes as tuples -------------------------

def run_script(tmp_path, capsys, body):
    script = tmp_path / "model.py"
    script.write_text("import keras\nfrom keras import layers\n" + body)
    code = cli.main(["summary", str(script)])
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(code, out, err):
    assert code == 2
    assert out == ""
    assert err.startswith("paramscope: error: ") and err.count("\n") == 1
    assert "Traceback" not in err
    return err


def test_graph_disconnected_error(tmp_path, capsys):
    err = _one_line_error(*run_script(tmp_path, capsys, (
        "a = keras.Input(shape=(4,), name='a')\n"
        "b = keras.Input(shape=(3,), name='b')\n"
        "y = layers.Concatenate()([layers.Dense(4)(a), layers.Dense(4)(b)])\n"
        "model = keras.Model(a, y)\n")))
    assert "model.py:6:" in err
    assert "Graph disconnected" in err
    assert "'concatenate' (Concatenate)" in err and "(None, 8)" in err
    assert "'dense_1' (Dense) is called on Input 'b' of shape (None, 3)" in err


def test_merge_shape_mismatch_error(tmp_path, capsys):
    err = _one_line_error(*run_script(tmp_path, capsys, (
        "a = keras.Input(shape=(8,), name='a')\n"
        "b = keras.Input(shape=(6,), name='b')\n"
        "model = keras.Model([a, b], layers.Add()([a, b]))\n")))
    assert "'add' (Add)" in err
    assert "[(None, 8), (None, 6)]" in err


def test_concatenate_mismatch_error(tmp_path, capsys):
    err = _one_line_error(*run_script(tmp_path, capsys, (
        "a = keras.Input(shape=(5, 3), name='a')\n"
        "b = keras.Input(shape=(6, 4), name='b')\n"
        "model = keras.Model([a, b], layers.Concatenate(axis=-1)([a, b]))\n")))
    assert "'concatenate' (Concatenate)" in err
    assert "(None, 5, 3)" in err and "(None, 6, 4)" in err


def test_layer_called_on_a_non_tensor_error(tmp_path, capsys):
    err = _one_line_error(*run_script(tmp_path, capsys, (
        "a = keras.Input(shape=(8,), name='a')\n"
        "model = keras.Model(a, layers.Concatenate()([a, 3.0]))\n")))
    assert "'concatenate' (Concatenate)" in err and "3.0" in err and "(None, 8)" in err


def test_layer_called_on_concrete_data_error(tmp_path, capsys):
    err = _one_line_error(*run_script(tmp_path, capsys, (
        "y = layers.Dense(3)([[1.0, 2.0]])\n")))
    assert "'dense' (Dense)" in err and "keras.Input" in err


def test_nested_model_called_on_the_wrong_shape_error(tmp_path, capsys):
    err = _one_line_error(*run_script(tmp_path, capsys, (
        "i = keras.Input(shape=(4,), name='inner_in')\n"
        "inner = keras.Model(i, layers.Dense(3)(i), name='inner')\n"
        "x = keras.Input(shape=(5,), name='x')\n"
        "model = keras.Model(x, inner(x))\n")))
    assert "'inner'" in err and "(None, 4)" in err and "(None, 5)" in err


def test_duplicate_layer_names_error():
    a = keras.Input(shape=(4,), name="a")
    h = layers.Dense(3, name="d")(a)
    with pytest.raises(ParamscopeError, match='"d" is used 2 times'):
        keras.Model(a, layers.Dense(3, name="d")(h))


def test_outputs_must_be_tensors():
    a = keras.Input(shape=(4,), name="a")
    with pytest.raises(ParamscopeError, match="outputs"):
        keras.Model(a, layers.Dense(3))
