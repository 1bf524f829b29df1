"""The Functional API, nested models and shared layers, behaviour by behaviour.

What Keras gives (rows, parameter counts, connections, nesting, names) is read from
tests/golden/layer_tables/keras3.json.gz: the snippets ``functional_snippets`` of
tools/cases/layer_snippets.py, recorded by tools/make_layer_tables.py in real Keras 3.15.1
(JAX) and run here on paramscope (the golden fixtures tests/golden/*/functional.json.gz
cover the same ground in bulk).  How paramscope renders them and its error messages are its
own.
"""

import pytest

import paramscope.keras as keras
from paramscope import cli
from paramscope.errors import ParamscopeError
from paramscope.keras import layers
from paramscope.report import keras2, keras3
from paramscope.summary import summarize
from keras_snippets import check_snippet, plain, recorded_snippets, run_snippet

SNIPPETS = recorded_snippets("functional_snippets")


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_like_keras(snippet):
    check_snippet(SNIPPETS[snippet])


def made_by(snippet):
    """The namespace of one snippet run on paramscope, and what Keras recorded for it."""
    return run_snippet(SNIPPETS[snippet][1]), SNIPPETS[snippet][2]


# -- shared layers: which table paramscope prints --------------------------------------------

@pytest.mark.parametrize("snippet,sequential_like", [
    ("shared_layer_weights_counted_once", False),
    ("calls_outside_the_model_are_not_connections", True),  # one call of d in this model
    ("same_layer_twice_in_a_model", False),
])
def test_sequential_like(snippet, sequential_like):
    assert summarize(made_by(snippet)[0]["model"]).sequential_like is sequential_like


def test_shared_layer_row_shows_its_last_call():
    made, keras_says = made_by("shared_layer_row_shows_its_last_call")
    summary = summarize(made["model"])
    row = summary.layers[-1]
    assert plain(row.output_shape) == keras_says[0]
    assert [[shape] for shape in plain(row.node_output_shapes)] == keras_says[1]
    assert "multiple" in keras2.render(summary)


# -- nested models ------------------------------------------------------------------------------

def test_frozen_nested_base_rows_are_frozen():
    made, keras_says = made_by("frozen_nested_base_moves_exactly_its_weights")
    base_row = summarize(made["model"]).layers[1]
    assert base_row.name == "base"
    assert [r.trainable for r in base_row.layers] == keras_says[4] == [False, False, False]


def test_nested_model_called_twice_expands():
    made, _ = made_by("nested_model_called_twice")
    # expand_nested lists the tower's layers under it, with no connections of their own
    text = keras3.render(summarize(made["model"]), columns=200, console_width=200,
                         expand_nested=True)
    assert "   └ dense (Dense)" in text and "   └ dense_1 (Dense)" in text


def test_nested_model_with_two_outputs_prints_both_shapes():
    made, _ = made_by("nested_model_with_two_outputs")
    text = keras3.render(summarize(made["model"]), columns=200, console_width=200)
    assert "[(None, 2), (None, 3)]" in text


def test_operations_print_their_rows():
    made, _ = made_by("operations_are_rows")
    text = keras3.render(summarize(made["model"]), columns=200, console_width=200,
                         show_trainable=True)
    assert "│ mean (Mean)" in text and "(None)" in text


# -- errors: exit code 2, one line, naming the layer and the shapes as tuples -------------------------
# (Keras raises a ValueError for each of these models: the snippet errors_keras_raises; a layer
# called on concrete data is where paramscope stops and Keras computes)

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
