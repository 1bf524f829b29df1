"""Scripts that load data paramscope does not have reach their model (issue 8, item 1).

`paramscope summary SCRIPT` (and `paramscope run --keep-going`) skip what needs data, a
missing package or TensorFlow, one line on stderr each, and go on; the names a skipped
statement binds are unknown; a layer that needs an unknown value stops the script with one
message naming it, where it comes from and the --set that supplies it.

The scripts are in tests/scripts/; their models' numbers are Keras's, from golden fixtures
(tools/cases/scripts.py -> tests/golden/keras3/scripts.json.gz), whose model code is checked
to be the scripts' own.
"""

import os
import re
import sys

import pytest

from conftest import load_golden
from paramscope import cli

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")
GOLDEN = {case["id"]: case for case in load_golden("keras3", "scripts.json.gz")["cases"]}
#: Packages the scripts import that must be missing here, whatever is installed.
MISSING = ("pandas", "matplotlib", "six", "tensorflow_addons")


@pytest.fixture(autouse=True)
def no_data_here(tmp_path, monkeypatch):
    """Run in an empty folder (no data files), with the optional packages missing."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in MISSING:
        monkeypatch.setitem(sys.modules, name, None)


def script(name):
    return os.path.join(SCRIPTS, name + ".py")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def notes(err):
    """paramscope's lines on stderr (the script's own prints go there too)."""
    return [line for line in err.splitlines() if line.startswith("paramscope: ")]


def skipped(name, line, text, function=None):
    where = f"{script(name)}:{line}" + (f" (in {function})" if function else "")
    return f"paramscope: {where}: {text}"


def model_code(case_id, name):
    """The golden case's model code, checked to be the script's own (between its markers)."""
    with open(script(name)) as f:
        source = f.read()
    found = re.search(rf"# -- model \(golden case {case_id}\) --\n(.*?)\n\s*# -- end model --",
                      source, re.S)
    assert found, f"{name}.py has no model marked for {case_id}"
    region = found.group(1) + "\n"
    assert GOLDEN[case_id]["code"].endswith(region) or region in GOLDEN[case_id]["code"] or \
        _dedent(region) in GOLDEN[case_id]["code"], case_id
    return region


def _dedent(text):
    import textwrap
    return textwrap.dedent(text)


def assert_keras_summary(out, case_id, name):
    """stdout is Keras's summary of the script's model (the golden case's, at 200 columns)."""
    model_code(case_id, name)
    assert out == GOLDEN[case_id]["summaries"]["c200"]


# -- data loading skipped, the model reached ---------------------------------------------------

def test_a_function_whose_data_loading_fails_still_builds_its_model(capsys):
    code, out, err = run(capsys, "summary", script("main_function"))
    assert code == 0, err
    assert notes(err) == [
        skipped("main_function", 12, "skipped (needs the data: keras.utils."
                "image_dataset_from_directory() works on data (files, arrays)); train_ds, "
                "val_ds are unknown", "load_datasets"),
        skipped("main_function", 41, "skipped (uses train_ds, unknown since line 12); "
                "train_ds, val_ds are unknown", "main"),
        f"paramscope: note: the script stopped ({script('main_function')}:45: model.fit() "
        "needs real computation); the summary is of 'small_xception' as built before that.",
    ]
    assert_keras_summary(out, "scripts/main_function", "main_function")
    assert err.count('Model: "small_xception"') == 1  # the script's own model.summary()


def test_missing_packages_and_a_fallback_the_script_handles(capsys):
    """six's range is Python's; `except ImportError` handles tensorflow_addons as written
    (no line for it); matplotlib's lines are skipped."""
    code, out, err = run(capsys, "summary", script("optional_packages"))
    assert code == 0, err
    assert notes(err) == [
        skipped("optional_packages", 2, "skipped (needs package six, which is not installed); "
                "range is Python's own"),
        skipped("optional_packages", 13, "skipped (needs package matplotlib, which is not "
                "installed); plt is unknown"),
        skipped("optional_packages", 15, "skipped (uses plt, unknown since line 13)"),
        skipped("optional_packages", 27, "skipped (uses plt, unknown since line 13)"),
        skipped("optional_packages", 28, "skipped (uses plt, unknown since line 13)"),
    ]
    assert_keras_summary(out, "scripts/optional_packages", "optional_packages")


def test_a_folder_that_is_not_there(capsys):
    code, out, err = run(capsys, "summary", script("missing_folder"))
    assert code == 0, err
    assert notes(err) == [
        skipped("missing_folder", 8, "skipped (needs the data: 'captcha_images' does not "
                "exist); images is unknown"),
        skipped("missing_folder", 9, "skipped (uses images, unknown since line 8); labels is "
                "unknown"),
        skipped("missing_folder", 10, "skipped (uses labels, unknown since line 9); max_length "
                "is unknown"),
    ]
    assert "captchas: <unknown len(images)> longest: <unknown max_length>" in err
    assert_keras_summary(out, "scripts/missing_folder", "missing_folder")


# -- the model needs an unknown value: one message, and --set ---------------------------------

def stop_line(err):
    lines = [line for line in err.splitlines() if line.startswith("paramscope: error: ")]
    assert len(lines) == 1, err
    return lines[0][len("paramscope: error: "):]


def test_a_size_from_a_csv_stops_with_the_set_that_supplies_it(capsys):
    code, out, err = run(capsys, "summary", script("tabular_csv"))
    assert code == 2 and out == ""
    path = script("tabular_csv")
    assert notes(err)[:5] == [
        skipped("tabular_csv", 4, "skipped (needs package pandas, which is not installed); pd "
                "is unknown"),
        skipped("tabular_csv", 8, "skipped (uses pd, unknown since line 4); df is unknown"),
        skipped("tabular_csv", 9, "skipped (uses df, unknown since line 8); features is unknown"),
        skipped("tabular_csv", 10, "skipped (uses df, unknown since line 8); labels is unknown"),
        skipped("tabular_csv", 11, "skipped (uses features, unknown since line 9); num_features "
                "is unknown"),
    ]
    assert "<unknown len(features)> samples, <unknown num_features> features" in err
    assert "first row: <unknown features[0]>" in err  # printing an unknown value goes on
    assert stop_line(err) == (
        f"{path}:18: keras.Input (argument shape) needs num_features (line 11), which "
        "paramscope does not have: it comes from line 4, which needs package pandas, which is "
        "not installed. Supply it with --set num_features=VALUE.")
    code, out, err = run(capsys, "summary", path, "--set", "num_features=30")
    assert code == 0, err
    assert skipped("tabular_csv", 11, "skipped (uses features, unknown since line 9); "
                   "num_features=30 (--set)") in notes(err)
    assert_keras_summary(out, "scripts/tabular_csv", "tabular_csv")


def test_a_class_count_from_the_labels_values(capsys):
    path = script("mnist_class_count")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert notes(err)[0] == skipped(
        "mnist_class_count", 8, "skipped (needs the values of mnist y_train, which paramscope "
        "knows by its shape only); num_classes is unknown")
    assert stop_line(err) == (
        f"{path}:19: Dense (argument units) needs num_classes (line 8), which paramscope does "
        "not have: line 8 needs the values of mnist y_train, which paramscope knows by its shape "
        "only. Supply it with --set num_classes=VALUE.")
    code, out, err = run(capsys, "summary", path, "--set", "num_classes=10")
    assert code == 0, err
    assert notes(err) == [skipped("mnist_class_count", 8, "skipped (needs the values of mnist "
                                  "y_train, which paramscope knows by its shape only); "
                                  "num_classes=10 (--set)")]
    assert_keras_summary(out, "scripts/mnist_class_count", "mnist_class_count")


def test_an_unknown_value_flows_into_the_function_that_builds_the_model(capsys):
    path = script("unknown_into_function")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert notes(err)[0] == skipped("unknown_into_function", 9, "skipped (needs the data: "
                                    "'flower_photos' does not exist); class_names is unknown")
    assert "classes: <unknown class_names>" in err
    assert stop_line(err) == (
        f"{path}:25: Dense (argument units) needs len(class_names) (from class_names, line 9), "
        "which paramscope does not have: line 9 needs the data: 'flower_photos' does not "
        "exist. Supply what it is computed from with --set class_names=VALUE. Models built "
        "before it stopped: features; pass --model NAME to summarise one of them.")
    code, out, err = run(capsys, "summary", path, "--set",
                         "class_names=['daisy', 'dandelion', 'roses', 'sunflowers', 'tulips']")
    assert code == 0, err
    assert_keras_summary(out, "scripts/unknown_into_function", "unknown_into_function")


def test_a_with_open_block_is_skipped_whole_and_a_strategy_scope_runs(capsys):
    path = script("config_file")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert notes(err)[:2] == [
        skipped("config_file", 9, "skipped (needs the data: 'config.json' does not exist); f, "
                "config are unknown"),
        skipped("config_file", 12, "skipped (uses config, unknown since line 9); units is "
                "unknown"),
    ]
    assert "config: " not in err  # the block under `with open(...)` did not run
    # tf.distribute strategies are no-ops here (one replica): line 14 runs, nothing skipped
    assert not any(f"{path}:14:" in line for line in notes(err))
    assert stop_line(err) == (
        f"{path}:21: Dense (argument units) needs units (line 12), which paramscope does not "
        "have: it comes from line 9, which needs the data: 'config.json' does not exist. "
        "Supply it with --set units=VALUE.")
    code, out, err = run(capsys, "summary", path, "--set", "units=64")
    assert code == 0, err
    assert_keras_summary(out, "scripts/config_file", "config_file")


def test_attributes_of_an_unknown_value_from_the_command_line(capsys):
    path = script("command_line")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert skipped("command_line", 10, "skipped (needs its command-line arguments (argparse "
                   "stopped it; `paramscope run --keep-going SCRIPT ARGS...` passes them)); "
                   "args is unknown") in notes(err)
    assert stop_line(err).startswith(
        f"{path}:15: this line, which builds the model, needs args.depth (from args, line 10), "
        "which paramscope does not have: line 10 needs its command-line arguments")
    assert stop_line(err).endswith("Supply it with --set 'args.depth=VALUE'.")
    code, out, err = run(capsys, "summary", path, "--set", "args.units=64", "--set",
                         "args.depth=3")
    assert code == 0, err
    assert_keras_summary(out, "scripts/command_line", "command_line")
    code, out, err = run(capsys, "run", "--keep-going", path, "--units", "64", "--depth", "3")
    assert code == 0, err
    assert out == GOLDEN["scripts/command_line"]["summaries"]["c200"]


def test_a_shape_supplied_for_arrays_read_from_files(capsys):
    path = script("npy_arrays")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert stop_line(err) == (
        f"{path}:15: keras.Input (argument shape) needs x_train.shape[1:] (from x_train, line "
        "9), which paramscope does not have: it comes from line 7, which needs the data: "
        "'x_train.npy' does not exist. Supply it with --set 'x_train.shape=(...)'.")
    code, out, err = run(capsys, "summary", path, "--set", "x_train.shape=(1000, 28, 28)")
    assert code == 0, err
    assert notes(err) == [
        skipped("npy_arrays", 7, "skipped (needs the data: 'x_train.npy' does not exist); "
                "x_train.shape=(1000, 28, 28) (--set)"),
        skipped("npy_arrays", 8, "skipped (needs the data: 'y_train.npy' does not exist); "
                "y_train is unknown"),
    ]
    assert "x_train: (1000, 784, 1)" in err  # reshaped as the real array would be
    assert_keras_summary(out, "scripts/npy_arrays", "npy_arrays")


def test_numpy_on_datasets_known_by_their_shapes(capsys):
    path = script("numpy_on_datasets")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert notes(err)[:2] == [
        skipped("numpy_on_datasets", 14, "skipped (needs the values of fashion_mnist y_train, "
                "which paramscope knows by its shape only); shoes is unknown"),
        skipped("numpy_on_datasets", 17, "skipped (needs the values of fashion_mnist y_train, "
                "which paramscope knows by its shape only); num_classes is unknown"),
    ]
    assert "shoes: <unknown shoes.shape> mask: (70000,) labels: <unknown numpy.unique(" in err
    assert "x: (70000, 28, 28, 1) float32 pixels: (70000,) classes: <unknown num_classes>" in err
    assert stop_line(err).endswith("Supply it with --set num_classes=VALUE.")
    code, out, err = run(capsys, "summary", path, "--set", "num_classes=2")
    assert code == 0, err
    assert_keras_summary(out, "scripts/numpy_on_datasets", "numpy_on_datasets")


def test_a_loop_over_unknown_sizes_never_builds_part_of_a_model(capsys):
    path = script("layer_sizes_from_file")
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and out == ""
    assert notes(err)[0] == skipped("layer_sizes_from_file", 7, "skipped (needs the data: "
                                    "'sizes.txt' does not exist); line, sizes are unknown")
    assert stop_line(err) == (
        f"{path}:11: this line, which builds the model, needs sizes (line 7), which paramscope "
        "does not have: line 7 needs the data: 'sizes.txt' does not exist. Supply it with --set "
        "sizes=VALUE.")
    code, out, err = run(capsys, "summary", path, "--set", "sizes=[64, 32]")
    assert code == 0, err
    assert " Total params: 2,817 (11.00 KB)\n" in out  # 10*64+64 + 64*32+32 + 32+1


# -- stops after models were built (item 6) -----------------------------------------------------

def test_a_stop_after_two_models_lists_them_and_suggests_model(capsys):
    path = script("two_models")
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and out == ""
    assert stop_line(err) == (
        f"{path}:23: the script raised KeyError: 'batch_size'. Models built before it stopped: "
        "encoder (encoder), decoder (decoder); pass --model NAME to summarise one of them.")
    code, out, err = run(capsys, "summary", path, "--model", "encoder")
    assert code == 0, err
    assert notes(err) == [
        f"paramscope: note: the script stopped ({path}:23: the script raised KeyError: "
        "'batch_size'); the summary is of 'encoder' as built before that."]
    assert_keras_summary(out, "scripts/two_models_encoder", "two_models")


def test_a_stop_after_the_only_model_names_it(tmp_path, capsys):
    """The script's own error after its model (Keras 3 has no predict_classes either): the
    stop, and the model built before it, which --model summarises."""
    path = tmp_path / "one_model.py"
    path.write_text("import keras\nfrom keras import layers\n"
                    "model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\n"
                    "model.predict_classes([[1, 2, 3, 4]])\n")
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and out == ""
    assert stop_line(err) == (
        f"{path}:4: the script raised AttributeError: 'Sequential' object has no attribute "
        "'predict_classes'. Models built before it stopped: model (sequential); pass --model "
        "NAME to summarise one of them.")
    code, out, err = run(capsys, "summary", path, "--model", "model")
    assert code == 0, err
    assert " Total params: 10 (40.00 B)\n" in out


def test_a_model_being_built_when_the_script_stops_is_never_summarised(tmp_path, capsys):
    path = tmp_path / "partial.py"
    path.write_text("import keras\nfrom keras import layers\n"
                    "model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\n"
                    "model.add(layers.Dense(int(open('n.txt').read())))\n")
    code, out, err = run(capsys, "summary", path)
    assert code == 2 and out == ""
    assert stop_line(err) == (
        f"{path}:4: this line builds the model but cannot run: needs the data: 'n.txt' does "
        "not exist")
    code, out, err = run(capsys, "summary", path, "--model", "sequential")
    assert code == 2
    assert stop_line(err).endswith("The model 'sequential' is incomplete: the script stopped "
                                   "while building it.")


# -- --set and --keep-going --------------------------------------------------------------------

@pytest.mark.parametrize("option, message", [
    ("num_classes", "--set num_classes: expected NAME=VALUE or NAME.ATTRIBUTE=VALUE, e.g. "
                    "--set num_classes=10 or --set 'x_train.shape=(60000, 28, 28)'."),
    ("a.b.c=1", "--set a.b.c=1: expected NAME=VALUE or NAME.ATTRIBUTE=VALUE, e.g. --set "
                "num_classes=10 or --set 'x_train.shape=(60000, 28, 28)'."),
    ("n=ten", "--set n=ten: the value must be a Python literal (a number, a string in quotes, "
              "a tuple such as (28, 28, 1), a list, True/False/None)."),
    ("x.shape=(28, -1)", "--set x.shape=(28, -1): a shape is a tuple of non-negative integers, "
                         "e.g. (60000, 28, 28)."),
])
def test_bad_set_options(capsys, option, message):
    code, out, err = run(capsys, "summary", script("tabular_csv"), "--set", option)
    assert code == 2 and out == ""
    assert err == f"paramscope: error: {message}\n"


def test_set_needs_keep_going_for_run(capsys):
    code, out, err = run(capsys, "run", "--set", "n=1", script("tabular_csv"))
    assert code == 2
    assert err == ("paramscope: error: --set applies when paramscope goes on past what needs "
                   "data: use it with `paramscope summary` or `paramscope run --keep-going`.\n")


def test_a_set_the_script_never_needs_is_reported(capsys):
    code, out, err = run(capsys, "summary", script("missing_folder"), "--set", "batch=32",
                         "--set", "images.shape=(5, 200, 50)")
    assert code == 0, err
    assert notes(err)[-1] == ("paramscope: warning: --set batch=32 was not used: the script "
                              "never left batch unknown")
    assert skipped("missing_folder", 8, "skipped (needs the data: 'captcha_images' does not "
                   "exist); images.shape=(5, 200, 50) (--set)") in notes(err)


def test_run_stops_at_the_first_data_line_unless_keep_going(capsys):
    path = script("main_function")
    code, out, err = run(capsys, "run", path)
    assert code == 2
    assert stop_line(err) == (
        f"{path}:12: keras.utils.image_dataset_from_directory() works on data (files, arrays), "
        "which paramscope does not load: it computes shapes and parameter counts. Build the "
        "model before loading the data (or summarise a saved model file).")
    code, out, err = run(capsys, "run", "--keep-going", path)
    assert code == 0, err
    assert notes(err)[:2] == notes(run(capsys, "summary", path)[2])[:2]
    assert notes(err)[2] == skipped("main_function", 45, "skipped (model.fit() needs real "
                                    "computation)", "main")  # run goes on past training
    assert out == GOLDEN["scripts/main_function"]["summaries"]["c200"]


def test_run_names_a_missing_package_in_words(tmp_path, capsys):
    path = tmp_path / "plot.py"
    path.write_text("import matplotlib.pyplot as plt\n")
    code, out, err = run(capsys, "run", path)
    assert code == 2
    assert stop_line(err) == (
        f"{path}:1: needs package matplotlib, which is not installed (`paramscope summary` "
        "and `paramscope run --keep-going` go on past what needs data)")


def test_a_model_whose_construction_failed_is_incomplete(tmp_path, capsys):
    path = tmp_path / "subclass.py"
    path.write_text("import keras\nfrom keras import layers\n"
                    "class Net(keras.Model):\n"
                    "    def __init__(self):\n"
                    "        super().__init__(name='net')\n"
                    "        self.head = layers.Dense(int(open('classes.txt').read()))\n"
                    "    def call(self, x):\n"
                    "        return self.head(x)\n"
                    "model = Net()\n")
    code, out, err = run(capsys, "summary", path, "--model", "net")
    assert code == 2 and out == ""
    assert stop_line(err) == (
        f"{path}:6: this line builds the model but cannot run: needs the data: 'classes.txt' "
        "does not exist. The model 'net' is incomplete: the script stopped while building it.")


def test_a_name_keras_3_does_not_have_stops_as_keras_would(tmp_path, capsys):
    """keras.optimizers.rmsprop (Keras 2) is not in Keras 3: the script stops there in
    Keras too, so paramscope stops (it does not skip it as if it needed data)."""
    path = tmp_path / "old.py"
    path.write_text("import keras\nfrom keras import layers\n"
                    "model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\n"
                    "opt = keras.optimizers.rmsprop(lr=0.0001)\n")
    code, out, err = run(capsys, "summary", path)
    assert code == 2
    assert stop_line(err) == (
        f"{path}:4: module 'keras.optimizers' has no attribute 'rmsprop': "
        "keras.optimizers.rmsprop is not part of Keras 3.15.1's public API. Models built "
        "before it stopped: model (sequential); pass --model NAME to summarise one of them.")


@pytest.mark.parametrize("ipython", ["installed", "missing"])
def test_a_notebook_saved_as_a_script_reaches_its_model(capsys, monkeypatch, ipython):
    """A notebook's cells as a script: its magics (get_ipython() calls) and the cell magic it
    defines with IPython's decorator need a kernel; skipped as such, the model is reached.
    With IPython installed (any Jupyter user), its decorator raises NameError outside a
    kernel; without it, the import is what is missing (and the decorated magic unknown)."""
    needs_kernel = "needs a notebook: get_ipython() exists only in a Jupyter or IPython kernel"
    if ipython == "installed":
        pytest.importorskip("IPython", reason="IPython comes with the test extra (ipykernel)")
        first = [skipped("notebook_cells", 11, f"skipped ({needs_kernel}); backend is unknown")]
    else:
        monkeypatch.setitem(sys.modules, "IPython", None)
        monkeypatch.setitem(sys.modules, "IPython.core.magic", None)
        first = [skipped("notebook_cells", 7, "skipped (needs package IPython, which is not "
                                              "installed); register_cell_magic is unknown")]
    code, out, err = run(capsys, "summary", script("notebook_cells"))
    assert code == 0, err
    assert notes(err) == first + [
        skipped("notebook_cells", 17, f"skipped ({needs_kernel}); get_ipython is unknown"),
        skipped("notebook_cells", 18, "skipped (uses get_ipython, unknown since line 17)"),
    ]
    assert_keras_summary(out, "scripts/notebook_cells", "notebook_cells")


def test_a_model_built_by_calling_it_on_data(capsys):
    """Keras runs a layer or model called on arrays eagerly: a subclassed model is built on
    the data's shape (batch included) and its summary shows it; a layer run on an image before
    the model gives an array known by its shape. Nothing is skipped."""
    code, out, err = run(capsys, "summary", script("eager_build"))
    assert code == 0, err
    assert notes(err) == []
    assert "edges: (1, 26, 26, 4)" in err and "logits: (4, 10)" in err  # the script's prints
    assert_keras_summary(out, "scripts/eager_build", "eager_build")
