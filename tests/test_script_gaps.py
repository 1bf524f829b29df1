"""What closed the corpus's last gaps (issue 8), each on a small script.

- A class of the script built from paths a skipped download would give (the classic
  image_ocr example's ``TextImageGenerator``): ``os.path``'s string functions pass unknown
  paths along, the constructor stores them, and what follows from the code
  (``get_output_size()``) is known while what reads the files stays unknown.  The model's
  numbers are Keras's (tools/cases/scripts.py -> tests/golden/keras3/scripts.json.gz).
- TensorFlow 1 names that TensorFlow 2 lacks (``tf.random_uniform``; the list is generated from
  TensorFlow 2.21 by tools/make_tf1_names.py): the script stops there, as it does with
  TensorFlow 2 and tf.keras, also inside a Lambda's function; ``hasattr`` probes see them missing.
- A clause cut from a longer message keeps its parenthesis closed.
"""

import os
import re
import sys
import textwrap

import pytest

from conftest import load_golden
from paramscope import modes
from paramscope.keras import _tf1_names
from test_keep_going import notes, run

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")
GOLDEN = {case["id"]: case for case in load_golden("keras3", "scripts.json.gz")["cases"]}


@pytest.fixture(autouse=True)
def empty_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)


def write(tmp_path, source, name="script.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return str(path)


# -- a class of the script holding unknown paths -----------------------------------------------

def test_a_script_class_built_from_unknown_paths_reaches_the_model(capsys):
    path = os.path.join(SCRIPTS, "script_class_paths.py")
    with open(path) as f:
        source = f.read()
    region = re.search(r"# -- model \(golden case scripts/script_class_paths\) --\n(.*?)"
                       r"\n# -- end model --", source, re.S).group(1) + "\n"
    assert GOLDEN["scripts/script_class_paths"]["code"].startswith(region)
    code, out, err = run(capsys, "summary", path)
    assert code == 0, err
    assert out == GOLDEN["scripts/script_class_paths"]["summaries"]["c200"]
    assert notes(err) == [
        f"paramscope: {path}:39: skipped (needs the data: keras.utils.get_file() works on data "
        "(files, arrays)); fdir is unknown",
        # the method that reads the file is skipped; only what it sets becomes unknown
        f"paramscope: {path}:45: skipped (uses fdir, unknown since line 39); img_gen.words is "
        "unknown",
    ]
    # what the constructor computed from code is known; the stored path is not
    assert "blank label: 27 words from <unknown os.path.join(fdir, " \
           "'wordlist_mono_clean.txt')>" in err
    assert not modes.unknown_values_made()  # the run's end forgets its unknown values


SCRIPT_CLASS = """\
import os
import keras

class Words:
    def __init__(self, path):
        self.path = path
        self.size = 4

    def load(self):
        self.helper_calls = 1
        self.read()

    def read(self):
        with open(self.path) as f:
            self.words = f.read().split()

folder = os.path.dirname(keras.utils.get_file("w.tgz", origin="http://x/w.tgz", untar=True))
words = Words(os.path.join(folder, "w.txt"))
words.load()
"""


def test_a_method_that_reads_the_data_leaves_only_what_it_sets_unknown(tmp_path, capsys):
    path = write(tmp_path, SCRIPT_CLASS + "layer = keras.layers.Dense(len(words.words))\n")
    code, _, err = run(capsys, "summary", path)
    assert code == 2
    assert notes(err)[1] == (f"paramscope: {path}:19: skipped (uses folder, unknown since line "
                             "17); words.helper_calls, words.words are unknown")
    assert notes(err)[-1] == (
        f"paramscope: error: {path}:20: Dense (argument units) needs len(words.words) (from "
        "words.words, line 19), which paramscope does not have: line 19 uses folder, unknown "
        "since line 17; line 17 needs the data: keras.utils.get_file() works on data (files, "
        "arrays). Supply what it is computed from with --set 'words.words=VALUE'.")


def test_set_gives_an_attribute_the_skipped_method_would_have_set(tmp_path, capsys):
    path = write(tmp_path, SCRIPT_CLASS + "print(words.words, words.size, words.path)\n")
    code, out, err = run(capsys, "run", "--keep-going", "--set", "words.words=['a', 'b']", path)
    assert code == 0, err
    assert notes(err)[1] == (f"paramscope: {path}:19: skipped (uses folder, unknown since line "
                             "17); words.helper_calls is unknown; words.words=['a', 'b'] (--set)")
    assert out == "['a', 'b'] 4 <unknown os.path.join(folder, 'w.txt')>\n"


def test_an_object_its_method_passes_on_becomes_unknown_whole(tmp_path, capsys):
    source = SCRIPT_CLASS.replace("import os\n", "import json\nimport os\n").replace(
        "        self.read()", "        vars(self).update(json.load(open(self.path)))")
    path = write(tmp_path, source + "print('size', words.size)\n")
    code, out, err = run(capsys, "run", "--keep-going", path)
    assert code == 0, err
    assert notes(err)[-1] == (f"paramscope: {path}:20: skipped (uses folder, unknown since "
                              "line 18); words is unknown")
    assert out == "size <unknown words.size>\n"


def test_path_functions_pass_unknown_paths_along_only_during_the_run(tmp_path, capsys):
    path = write(tmp_path, """\
        import os
        import keras
        root = keras.utils.get_file("d.zip", origin="http://x/d.zip", extract=True)
        stem, extension = os.path.splitext(os.path.basename(root))
        print("parts:", stem, extension, os.path.join("known", "path"))
        rows = open(os.path.join(root, "train.csv")).read()
        """)
    join = os.path.join
    code, out, err = run(capsys, "run", "--keep-going", path)
    assert code == 0, err
    assert os.path.join is join and os.path.splitext.__module__ == "posixpath"
    assert out == "parts: <unknown stem> <unknown extension> known/path\n"
    assert notes(err)[1:] == [
        f"paramscope: {path}:4: skipped (uses root, unknown since line 3); stem, extension are "
        "unknown",
        f"paramscope: {path}:6: skipped (uses root, unknown since line 3); rows is unknown",
    ]


# -- TensorFlow 1 names ------------------------------------------------------------------------

def tf1_message(module, name, kept):
    where = "tf." + ".".join(module.split(".")[1:] + [name])
    return (f"module {module!r} has no attribute {name!r}: {where} is TensorFlow 1 only "
            f"({kept}), so the script fails here with TensorFlow 2 and tf.keras too: it needs "
            "TensorFlow 1.")


def test_the_generated_names_are_tensorflow_1s():
    assert _tf1_names.TENSORFLOW_VERSION.startswith("2.")
    assert {"random_uniform", "placeholder", "Session", "get_variable"} <= _tf1_names.TOP_LEVEL
    assert "resize_images" in _tf1_names.MEMBERS["image"]
    assert not {"concat", "reshape", "random", "keras"} & _tf1_names.TOP_LEVEL


@pytest.mark.parametrize("expression, module, name, kept", [
    ("tf.placeholder('float32', (None, 3))", "tensorflow", "placeholder",
     "TensorFlow 2 has it only as tf.compat.v1.placeholder"),
    ("tf.image.resize_images(x, (8, 8))", "tensorflow.image", "resize_images",
     "TensorFlow 2 has it only as tf.compat.v1.image.resize_images"),
    ("tf.contrib.layers.flatten(x)", "tensorflow", "contrib", "TensorFlow 2 removed it"),
])
def test_a_tensorflow_1_name_stops_the_script(tmp_path, capsys, expression, module, name, kept):
    path = write(tmp_path, f"import tensorflow as tf\nx = None\ny = {expression}\n")
    code, _, err = run(capsys, "run", "--keep-going", path)
    assert code == 2
    assert notes(err) == [f"paramscope: error: {path}:3: {tf1_message(module, name, kept)}"]


def test_probes_and_the_scripts_own_fallback_see_them_missing(tmp_path, capsys):
    path = write(tmp_path, """\
        import tensorflow as tf
        print("has Session:", hasattr(tf, "Session"), hasattr(tf.nn, "conv2d_backprop_input"))
        try:
            uniform = tf.random_uniform
        except AttributeError:
            uniform = tf.random.uniform
        print("fallback:", uniform is tf.random.uniform)
        """)
    code, out, err = run(capsys, "run", "--keep-going", path)
    assert code == 0, err
    assert out == "has Session: False False\nfallback: True\n"
    assert notes(err) == []


def test_tensorflow_2s_compat_v1_still_needs_tensorflow(tmp_path, capsys):
    path = write(tmp_path, "import tensorflow as tf\nsession = tf.compat.v1.Session()\n")
    code, _, err = run(capsys, "run", "--keep-going", path)
    assert code == 0, err
    assert notes(err) == [f"paramscope: {path}:2: skipped (needs TensorFlow: tf.compat.v1.Session "
                          "is TensorFlow itself); session is unknown"]


LAMBDA_TF1 = """\
import tensorflow as tf
import keras
from keras import layers


def augment(inputs):
    coin = tf.less(tf.random_uniform([tf.shape(inputs)[0]], 0, 1.0), 0.5)
    return tf.where(coin, inputs, inputs[:, ::-1])


model = keras.Sequential()
model.add(layers.Lambda(augment, input_shape=(8, 3)))
model.add(layers.Dense(2))
"""


@pytest.mark.parametrize("style", [[], ["--style", "keras2"]])
def test_inside_a_lambda_it_stops_the_script_and_the_model_is_not_offered(tmp_path, capsys,
                                                                         style):
    path = write(tmp_path, LAMBDA_TF1)
    code, out, err = run(capsys, "summary", path, *style)
    assert code == 2 and out == ""
    message = tf1_message("tensorflow", "random_uniform",
                          "TensorFlow 2 has it only as tf.compat.v1.random_uniform")
    # the Sequential it was adding the Lambda to is incomplete: no "--model NAME" is offered
    assert notes(err)[-1] == f"paramscope: error: {path}:7: {message}"


# -- messages ------------------------------------------------------------------------------------

def test_a_cut_clause_keeps_its_parenthesis_closed(tmp_path, capsys):
    path = write(tmp_path, """\
        import keras
        from keras import backend as K
        x = keras.Input((3,))
        grads = K.gradients(x, [x])
        """)
    code, _, err = run(capsys, "run", "--keep-going", path)
    assert code == 0, err
    assert notes(err) == [
        f"paramscope: {path}:4: skipped (needs TensorFlow: keras.backend.gradients computes "
        "gradients (TensorFlow 1 graph code)); grads is unknown"]


@pytest.fixture(autouse=True)
def _no_unknown_values_left():
    yield
    assert not modes.unknown_values_made()
    assert "tensorflow" not in sys.modules or not hasattr(sys.modules["tensorflow"], "_data")


def test_a_stop_inside_a_block_leaves_the_models_built_before_it_complete(tmp_path, capsys):
    path = write(tmp_path, """\
        import tensorflow as tf
        import keras
        from keras import layers


        def noise(x):
            return tf.random_uniform(tf.shape(x))


        if __name__ == "__main__":
            first = keras.Sequential([keras.Input((4,)), layers.Dense(2)], name="first")
            first.trainable = False
            second = keras.Sequential([keras.Input((4,))], name="second")
            second.add(layers.Lambda(noise))
        """)
    code, _, err = run(capsys, "summary", path)
    assert code == 2
    message = tf1_message("tensorflow", "random_uniform",
                          "TensorFlow 2 has it only as tf.compat.v1.random_uniform")
    # `second` was being built (incomplete); `first` is complete and offered
    assert notes(err)[-1] == (f"paramscope: error: {path}:7: {message} Models built before it "
                              "stopped: first (first); pass --model NAME to summarise one of them.")
