"""The command line end to end: ``paramscope summary`` / ``run`` on scripts, through
``paramscope.cli.main`` (and once as a real ``python -m paramscope`` process).

Exit status 0 on success and 2 for every user error, with one ``paramscope: error:``
line on stderr and never a traceback.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from paramscope import cli

HEADER = "import keras\nfrom keras import layers\n"

MLP = HEADER + textwrap.dedent("""\
    print("building the model")
    model = keras.Sequential([
        keras.Input(shape=(4,)),
        layers.Dense(3, activation="relu"),
        layers.BatchNormalization(),
        layers.Dense(2),
    ], name="mlp")
""")

NESTED = HEADER + textwrap.dedent("""\
    base = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(5), layers.Dense(4)],
                            name="base")
    base.trainable = False
    a = keras.Input(shape=(6,), name="a")
    b = keras.Input(shape=(6,), name="b")
    merged = layers.Concatenate()([base(a), base(b)])
    model = keras.Model([a, b], layers.Dense(1, name="score")(merged), name="twin")
""")

TWO_MODELS = HEADER + textwrap.dedent("""\
    encoder = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)], name="encoder")
    x = keras.Input(shape=(4,), name="x")
    classifier = keras.Model(x, layers.Dense(2)(x), name="classifier")
""")


@pytest.fixture(autouse=True)
def fixed_terminal(monkeypatch):
    """Keras 3 tables follow the terminal width; pin it."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)


def write(tmp_path, text, name="model.py"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_user_error(code, out, err):
    assert code == 2
    assert "Traceback" not in err and "Traceback" not in out
    lines = [line for line in err.splitlines() if line.startswith("paramscope: error: ")]
    assert len(lines) == 1, err
    return lines[0]


# -- which model a script gives ---------------------------------------------------------------------

def test_summary_of_the_global_model(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, MLP))
    assert code == 0, err
    assert out.startswith('Model: "mlp"\n')
    assert " Total params: 35 (140.00 B)\n" in out
    assert " Trainable params: 29 (116.00 B)\n" in out
    assert " Non-trainable params: 6 (24.00 B)\n" in out
    assert "building the model" in err  # the script's prints go to stderr


def test_the_only_model_built_is_used(tmp_path, capsys):
    script = HEADER + "net = keras.Sequential([keras.Input((3,)), layers.Dense(2)], name='net')\n"
    code, out, err = run(capsys, "summary", write(tmp_path, script))
    assert code == 0, err
    assert out.startswith('Model: "net"')


def test_a_nested_model_does_not_count_as_another_candidate(tmp_path, capsys):
    script = NESTED.replace("model = keras.Model", "twin = keras.Model")
    code, out, err = run(capsys, "summary", write(tmp_path, script))
    assert code == 0, err
    assert out.startswith('Model: "twin"')


def test_several_models_name_the_candidates(tmp_path, capsys):
    line = assert_user_error(*run(capsys, "summary", write(tmp_path, TWO_MODELS)))
    assert "builds 2 models" in line
    assert "encoder (encoder)" in line and "classifier (classifier)" in line
    assert "--model NAME" in line


@pytest.mark.parametrize("name", ["classifier", "encoder"])
def test_model_option_picks_by_variable_or_model_name(tmp_path, capsys, name):
    code, out, err = run(capsys, "summary", write(tmp_path, TWO_MODELS), "--model", name)
    assert code == 0, err
    assert out.startswith(f'Model: "{name}"')


def test_model_option_by_model_name_only(tmp_path, capsys):
    script = TWO_MODELS.replace("encoder = keras", "enc = keras")
    code, out, err = run(capsys, "summary", write(tmp_path, script), "--model", "encoder")
    assert code == 0, err
    assert out.startswith('Model: "encoder"')


def test_model_option_unknown_name(tmp_path, capsys):
    line = assert_user_error(*run(capsys, "summary", write(tmp_path, TWO_MODELS), "--model", "nope"))
    assert "'nope'" in line and "encoder" in line and "classifier" in line


def test_script_that_builds_no_model(tmp_path, capsys):
    line = assert_user_error(*run(capsys, "summary", write(tmp_path, "x = 1 + 1\n")))
    assert "builds no Keras model" in line


def test_syntax_error_names_file_and_line(tmp_path, capsys):
    path = write(tmp_path, HEADER + "model = keras.Sequential([\n    layers.Dense(3\n")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert "Traceback" not in err
    assert f"{path}:" in err and "syntax error" in err


def test_exception_in_the_script_names_file_and_line(tmp_path, capsys):
    path = write(tmp_path, HEADER + "x = 1\ny = {}['missing']\n")
    line = assert_user_error(*run(capsys, "summary", path))
    assert f"{path}:4" in line
    assert "KeyError" in line


def test_layer_error_in_the_script_names_file_and_line(tmp_path, capsys):
    path = write(tmp_path, HEADER + "model = keras.Sequential([keras.Input((4,)), "
                                    "layers.Conv2D(3, 3)])\n")
    line = assert_user_error(*run(capsys, "summary", path))
    assert f"{path}:3:" in line
    assert "'conv2d' (Conv2D)" in line and "(None, 4)" in line


def test_missing_file_and_directory(tmp_path, capsys):
    line = assert_user_error(*run(capsys, "summary", tmp_path / "absent.py"))
    assert "no such file" in line
    line = assert_user_error(*run(capsys, "summary", tmp_path))   # an empty one: no models
    assert "no model files" in line
    line = assert_user_error(*run(capsys, "plot", tmp_path))
    assert "is a directory" in line


def test_bad_arguments_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["summary", write(tmp_path, MLP), "--style", "keras1"])
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    assert cli.main([]) == 2


# -- output options ---------------------------------------------------------------------------------

def test_json_stdout_is_pure_json(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, MLP), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert "building the model" in err and "building the model" not in out
    # The fields the README documents.
    assert set(data) >= {"format_version", "paramscope_version", "name", "class_name", "built",
                         "sequential_like", "layers", "total_params", "trainable_params",
                         "non_trainable_params", "total_bytes", "trainable_bytes",
                         "non_trainable_bytes", "warnings"}
    assert data["format_version"] == 1
    assert (data["name"], data["class_name"], data["sequential_like"]) == ("mlp", "Sequential", True)
    assert (data["total_params"], data["trainable_params"], data["non_trainable_params"]) == (35, 29, 6)
    assert (data["total_bytes"], data["trainable_bytes"], data["non_trainable_bytes"]) == (140.0, 116.0, 24.0)
    first = data["layers"][0]
    assert set(first) >= {"name", "class_name", "output_shape", "params", "trainable_params",
                          "non_trainable_params", "built", "trainable", "weights", "inbound"}
    assert first["output_shape"] == [None, 3]
    # (Keras builds a Sequential's layers under the model's name scope: mlp/dense/kernel.)
    assert first["weights"][0] == {"name": "kernel", "path": "mlp/dense/kernel", "shape": [4, 3],
                                   "dtype": "float32", "trainable": True}
    assert first["inbound"] == [{"layer": "input_layer", "node_index": 0, "tensor_index": 0}]
    bn = data["layers"][1]
    assert bn["params"] == bn["trainable_params"] + bn["non_trainable_params"] == 12
    for layer in data["layers"]:
        size = sum(_prod(w["shape"]) for w in layer["weights"])
        assert layer["params"] == size


def _prod(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def test_json_of_a_functional_model_with_a_nested_frozen_model(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, NESTED), "--format", "json", "--explain")
    assert code == 0, err
    data = json.loads(out)
    assert data["sequential_like"] is False
    assert [l["name"] for l in data["layers"]] == ["a", "b", "base", "concatenate", "score"]
    base = data["layers"][2]
    assert (base["trainable"], base["params"], base["non_trainable_params"]) == (False, 59, 59)
    assert [l["name"] for l in base["layers"]] == ["dense", "dense_1"]
    assert base["inbound"] == [{"layer": "a", "node_index": 0, "tensor_index": 0},
                               {"layer": "b", "node_index": 0, "tensor_index": 0}]
    assert data["layers"][3]["inbound"] == [{"layer": "base", "node_index": 0, "tensor_index": 0},
                                            {"layer": "base", "node_index": 1, "tensor_index": 0}]
    assert (data["trainable_params"], data["non_trainable_params"]) == (9, 59)
    assert all("explain" in layer for layer in data["layers"])


def test_keras3_text_with_connections(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, NESTED), "--color", "never")
    assert code == 0, err
    assert "┃ Connected to" in out
    assert "│ base[0][0], base[1][0]  " in out
    assert "\x1b[" not in out
    assert " Non-trainable params: 59 (236.00 B)\n" in out


def test_expand_nested_and_show_trainable(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, NESTED), "--expand-nested",
                         "--show-trainable")
    assert code == 0, err
    assert "┃ Trainable" in out
    assert "│    └ dense (Dense)" in out and "│    └ dense_1 (Dense)" in out
    base_line = next(line for line in out.splitlines() if line.startswith("│ base (Sequential)"))
    assert "│     N     │" in base_line


def test_line_length(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, MLP), "--line-length", "70")
    assert code == 0, err
    table = [line for line in out.splitlines() if line.startswith(("┏", "│", "└"))]
    assert {len(line) for line in table} == {70}


def test_line_length_too_small_is_a_user_error(tmp_path, capsys):
    line = assert_user_error(*run(capsys, "summary", write(tmp_path, MLP), "--line-length", "8"))
    assert "line length" in line.lower() or "width" in line.lower()


def test_color_always_and_never(tmp_path, capsys):
    code, out, _ = run(capsys, "summary", write(tmp_path, MLP), "--color", "always")
    assert code == 0 and "\x1b[1m" in out
    code, out, _ = run(capsys, "summary", write(tmp_path, MLP), "--color", "never")
    assert code == 0 and "\x1b[" not in out


@pytest.mark.parametrize("style,total", [("keras2", "Total params: 35 (140.00 Byte)"),
                                         ("keras2-classic", "Total params: 35")])
def test_keras2_styles(tmp_path, capsys, style, total):
    code, out, err = run(capsys, "summary", write(tmp_path, MLP), "--style", style)
    assert code == 0, err
    assert total + "\n" in out
    assert "┃" not in out
    assert (out.startswith('Model: "mlp"')) == (style == "keras2")
    if style == "keras2":
        assert " dense (Dense)               (None, 3)                 15        \n" in out


def test_keras2_style_connections(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, NESTED), "--style", "keras2")
    assert code == 0, err
    assert "Connected to" in out
    assert " concatenate (Concatenate)   (None, 8)                    0         ['base[0][0]',  " in out
    assert "\n                                                                     'base[1][0]']  " in out
    assert " a (InputLayer)              [(None, 6)]" in out


def test_explain(tmp_path, capsys):
    code, out, err = run(capsys, "summary", write(tmp_path, MLP), "--explain")
    assert code == 0, err
    assert "Parameter arithmetic:" in out
    assert "dense: 4 inputs x 3 units + 3 biases = 15" in out


# -- paramscope run -----------------------------------------------------------------------------------

def test_run_prints_model_summary(tmp_path, capsys):
    script = MLP + "model.summary()\nprint('done')\n"
    code, out, err = run(capsys, "run", write(tmp_path, script))
    assert code == 0, err
    assert 'Model: "mlp"' in out and " Total params: 35 (140.00 B)\n" in out
    assert out.rstrip().endswith("done")


def test_run_with_style_and_options(tmp_path, capsys):
    script = NESTED + "model.summary()\n"
    code, out, err = run(capsys, "run", "--style", "keras2", "--expand-nested",
                         "--show-trainable", write(tmp_path, script))
    assert code == 0, err
    assert "Trainable" in out and "|¯" in out


def test_run_passes_arguments_to_the_script(tmp_path, capsys):
    script = "import sys\nprint(sys.argv[1:])\n"
    code, out, err = run(capsys, "run", write(tmp_path, script), "--", "a", "b")
    assert code == 0, err
    assert "['a', 'b']" in out or "['--', 'a', 'b']" in out


@pytest.mark.parametrize("call", ["model.fit(x, y, epochs=1)", "model.predict(x)",
                                  "model.evaluate(x, y)", "model.save('m.keras')"])
def test_run_stops_at_computation(tmp_path, capsys, call):
    script = MLP + "model.compile(optimizer='adam', loss='mse', metrics=['mae'])\n" \
        "x = y = None\n" + call + "\nprint('not reached')\n"
    line = assert_user_error(*run(capsys, "run", write(tmp_path, script)))
    method = call.split("(")[0]
    assert f"{method}()" in line and "real computation" in line
    assert "model.py:12:" in line


def test_summary_of_a_script_that_trains_after_building(tmp_path, capsys):
    """Scripts build, then train: `paramscope summary` summarises the model as it is trained
    and says where the script stopped (stderr; stdout stays the summary)."""
    script = MLP + "model.compile(optimizer='adam', loss='mse')\nx = y = None\n" \
        "model.fit(x, y, epochs=3)\nprint('after training')\n"
    code, out, err = run(capsys, "summary", write(tmp_path, script))
    assert code == 0, err
    assert out.startswith('Model: "mlp"') and " Total params: 35 (140.00 B)\n" in out
    path = str(tmp_path / "model.py")
    notes = [line for line in err.splitlines() if line.startswith("paramscope: ")]
    assert notes == [f"paramscope: note: the script stopped ({path}:12: model.fit() needs real "
                     "computation); the summary is of 'mlp' as built before that."]
    assert "after training" not in out + err
    code, out, err = run(capsys, "summary", "--format", "json", write(tmp_path, script))
    assert code == 0 and json.loads(out)["total_params"] == 35


def test_summary_of_a_script_that_needs_data_before_its_model(tmp_path, capsys):
    """What needs data before the model is skipped, one line each; the model is reached."""
    for loading, says in (
            ("index = keras.datasets.imdb.get_word_index()",
             "skipped (needs the data: keras.datasets.imdb.get_word_index() downloads and "
             "loads data); index is unknown"),
            ("path = keras.utils.get_file('data.zip', origin='https://example.org/data.zip')",
             "skipped (needs the data: keras.utils.get_file() works on data (files, arrays)); "
             "path is unknown"),
            ("ds = keras.utils.image_dataset_from_directory('train', image_size=(32, 32))",
             "skipped (needs the data: keras.utils.image_dataset_from_directory() works on "
             "data (files, arrays)); ds is unknown")):
        script = HEADER + loading + "\nmodel = keras.Sequential([keras.Input((4,)), layers.Dense(3)])\n"
        path = write(tmp_path, script)
        code, out, err = run(capsys, "summary", path)
        assert code == 0, err
        assert err.splitlines() == [f"paramscope: {path}:3: {says}"]
        assert " Total params: 15 (60.00 B)\n" in out


def test_compile_is_accepted(tmp_path, capsys):
    script = MLP + "model.compile(optimizer='adam', loss='mse')\nmodel.summary()\n"
    code, out, err = run(capsys, "run", write(tmp_path, script))
    assert code == 0, err
    assert " Total params: 35 (140.00 B)\n" in out
    assert "Optimizer params" not in out


def test_get_weights_shapes(tmp_path, capsys):
    pytest.importorskip("numpy")
    script = MLP + "print([tuple(w.shape) for w in model.get_weights()])\n" \
        "print(sum(w.size for w in model.get_weights()))\n"
    code, out, err = run(capsys, "run", write(tmp_path, script))
    assert code == 0, err
    assert "[(4, 3), (3,), (3,), (3,), (3,), (3,), (3, 2), (2,)]" in out
    assert "35" in out.splitlines()


def test_run_exception_is_one_line(tmp_path, capsys):
    path = write(tmp_path, MLP + "raise RuntimeError('boom')\n")
    line = assert_user_error(*run(capsys, "run", path))
    assert f"{path}:10" in line and "RuntimeError: boom" in line


def test_run_sys_exit_status(tmp_path, capsys):
    code, out, err = run(capsys, "run", write(tmp_path, "import sys\nsys.exit(0)\n"))
    assert code == 0
    line = assert_user_error(*run(capsys, "run", write(tmp_path, "import sys\nsys.exit(3)\n")))
    assert "status 3" in line


# -- a real process ----------------------------------------------------------------------------------

def test_python_m_paramscope_subprocess(tmp_path):
    path = write(tmp_path, NESTED)
    env = dict(os.environ, COLUMNS="120", PYTHONPATH=os.pathsep.join(
        [os.path.join(os.path.dirname(__file__), "..", "src")]
        + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    ok = subprocess.run([sys.executable, "-m", "paramscope", "summary", path, "--format", "json"],
                        capture_output=True, text=True, env=env, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["total_params"] == 68
    bad = subprocess.run([sys.executable, "-m", "paramscope", "summary",
                          write(tmp_path, HEADER + "a = keras.Input((4,), name='a')\n"
                                "model = keras.Model(a, layers.Add()([a, keras.Input((5,))]))\n",
                                "bad.py")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("paramscope: error: ") and bad.stderr.count("\n") == 1
    assert "bad.py:4:" in bad.stderr and "'add' (Add)" in bad.stderr
    assert "[(None, 4), (None, 5)]" in bad.stderr
