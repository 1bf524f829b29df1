"""paramscope's own behaviour around the Keras API (issue 8, items 3 and 6): what Keras's
golden values cannot show (data paramscope does not have, Keras 2 import paths, scripts run
through the CLI).  The values Keras gives are checked in tests/test_api_surface.py."""

import textwrap

import numpy as np
import pytest

import paramscope.keras as keras
from paramscope import cli
from paramscope.errors import NeedsComputationError, ParamscopeError
from paramscope.summary import summarize

layers = keras.layers


def test_binary_crossentropy_result_can_be_used_further():
    """Item 6: the symbolic result is a KerasTensor that later operations and a model take."""
    a, b = keras.Input((4,)), keras.Input((4,))
    loss = keras.losses.binary_crossentropy(a, b)
    doubled = keras.ops.multiply(loss, 2.0)
    model = keras.Model([a, b], doubled)
    rows = [(r.name, r.class_name, r.output_shape) for r in summarize(model).layers]
    assert rows[-3:] == [("binary_crossentropy", "BinaryCrossentropy", (None, 4)),
                         ("mean", "Mean", (None,)), ("multiply", "Multiply", (None,))]


def test_normalization_adapt_on_a_dataset_known_by_its_shape():
    (x, _), _ = keras.datasets.cifar10.load_data()
    norm = layers.Normalization(axis=-1)
    norm.adapt(x)
    assert [(w.name, w.shape) for w in norm.weights] == [("mean", (3,)), ("variance", (3,)),
                                                          ("count", ())]


def test_adapt_on_data_paramscope_does_not_have():
    class NoShape:
        def __iter__(self):
            raise NeedsComputationError("the data is not loaded")

    norm = layers.Normalization()
    norm.adapt(NoShape())
    assert not norm.built  # built from the model's input when called, as Keras would be
    model = keras.Sequential([keras.Input((5,)), norm])
    assert model.count_params() == 11
    lookup = layers.StringLookup(output_mode="multi_hot")
    (words, _), _ = keras.datasets.imdb.load_data()
    lookup.adapt(words)
    assert "adapt()" in lookup.vocabulary_unknown_reason
    assert lookup(keras.Input((3,), dtype="string")).shape == (None, None)
    # a layer that needs that size says where it is unknown (through a Concatenate here)
    inputs = [keras.Input((3,), dtype="string"), keras.Input((3,), dtype="string")]
    merged = layers.Concatenate()([lookup(inputs[0]), lookup(inputs[1])])
    with pytest.raises(ParamscopeError) as info:
        layers.Dense(4)(merged)
    assert "last dimension is unknown" in str(info.value)
    assert "The size is unknown upstream: " + lookup.vocabulary_unknown_reason in str(info.value)
    padded = layers.StringLookup(output_mode="multi_hot", max_tokens=20, pad_to_max_tokens=True)
    padded.adapt(words)
    assert padded(keras.Input((3,), dtype="string")).shape == (None, 20)


def test_text_vectorization_custom_standardize_leaves_the_size_unknown():
    layer = layers.TextVectorization(standardize=lambda x: x, output_mode="count")
    layer.adapt(["a b", "c"])
    assert "custom standardize" in layer.vocabulary_unknown_reason


def test_keras2_import_paths():
    from paramscope.keras import shim
    namespace = {}
    with shim.installed():
        exec(textwrap.dedent("""\
            from keras.layers import recurrent, core
            from keras.losses import mse, binary_crossentropy
            from keras.metrics import mae
            lstm = recurrent.LSTM(3)
            dense = core.Dense(2)
        """), namespace)
    assert type(namespace["lstm"]).__name__ == "LSTM" and namespace["mse"].__name__ == \
        "mean_squared_error" and namespace["mae"].__name__ == "mean_absolute_error"


def test_stand_ins_check_arguments_and_say_they_need_computation():
    with pytest.raises(TypeError, match="got an unexpected keyword argument 'verbos'"):
        keras.callbacks.TensorBoard(verbos=1)
    board = keras.callbacks.TensorBoard(log_dir="runs", histogram_freq=1)
    assert board.get_config()["log_dir"] == "runs" and board.histogram_freq == 1
    with pytest.raises(NeedsComputationError, match=r"keras.distribution.list_devices\(\)"):
        keras.distribution.list_devices()
    with pytest.raises(NeedsComputationError, match="another framework"):
        keras.layers.TorchModuleWrapper(object())
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'directory'"):
        keras.utils.image_dataset_from_directory()


def test_set_weights_shapes_are_checked():
    model = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
    model.set_weights([np.zeros((3, 2)), np.zeros(2)])
    with pytest.raises(ParamscopeError, match=r"weight shape \(3, 2\) is not compatible"):
        model.set_weights([np.zeros((2, 2)), np.zeros(2)])


def test_clone_model_gives_new_layers_of_the_same_shapes():
    inputs = keras.Input((8,))
    shared = layers.Dense(4)
    base = keras.Model(inputs, layers.Add()([shared(inputs), shared(inputs)]))
    clone = keras.models.clone_model(base)
    assert clone.count_params() == base.count_params() == 36
    # As in Keras: the new Input is named after the old input tensor; the shared layer is
    # cloned once.
    assert clone.layers[1] is not shared
    assert [l.name for l in clone.layers] == ["keras_tensor", "dense", "add"]


def test_optimizer_keeps_its_constructor_config():
    """The later cost profile reads an optimizer's configuration: it is Keras's."""
    opt = keras.optimizers.Adam(learning_rate=0.01, amsgrad=True)
    assert opt.amsgrad is True and opt.beta_1 == 0.9 and opt.name == "adam"
    assert [v.path for v in opt.variables] == ["adam/iteration", "adam/learning_rate"]


def test_a_script_with_a_custom_callback_schedule_and_compile(tmp_path, capsys):
    script = tmp_path / "train.py"
    script.write_text(textwrap.dedent("""\
        import keras
        from keras import layers

        class Monitor(keras.callbacks.Callback):
            def __init__(self, every):
                super().__init__()
                self.every = every

        schedule = keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000)
        model = keras.Sequential([keras.Input((10,)), layers.Dense(4), layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.AdamW(schedule), loss="mse",
                      metrics=[keras.metrics.RootMeanSquaredError()])
        model.fit([], [], callbacks=[Monitor(2), keras.callbacks.EarlyStopping(patience=2)])
    """))
    assert cli.main(["summary", str(script)]) == 0
    out, err = capsys.readouterr()
    assert "Total params: 49" in out and "train.py:13: model.fit() needs real computation" in err


def test_rmsprop_lr_stops_the_script_with_keras_message(tmp_path, capsys):
    script = tmp_path / "old.py"
    script.write_text("import keras\nopt = keras.optimizers.RMSprop(lr=0.01)\n")
    assert cli.main(["summary", str(script)]) == 2
    err = capsys.readouterr().err
    assert "old.py:2: Argument(s) not recognized: {'lr': 0.01}" in err
    assert "learning_rate" in err and "Traceback" not in err


def test_modules_first_imported_through_the_shim_keep_their_names():
    """``paramscope.keras.losses`` first imported as ``keras.losses`` (a Keras 2 path inside the
    shim) keeps its own name and spec after the shim, also after a second shim session: the
    losses and metrics find their public names by their module (a StopIteration before)."""
    import subprocess
    import sys
    code = textwrap.dedent("""\
        import sys
        from paramscope.keras import shim
        assert "paramscope.keras.losses" not in sys.modules
        for _ in range(2):
            with shim.installed():
                exec("from keras.losses import mse\\nfrom keras.metrics import mae", {})
            with shim.installed():  # inside too: Python 3.12+ warns on a mismatch
                exec("from keras.models import Sequential\\nimport tensorflow.keras.losses", {})
                for name, module in sys.modules.items():
                    if name.split(".")[0] in ("keras", "tensorflow") and "." in name:
                        spec = getattr(module, "__spec__", None)
                        assert spec is None or module.__package__ == spec.parent, name
        import paramscope.keras as keras
        for name in ("losses", "metrics"):
            module = sys.modules["paramscope.keras." + name]
            assert module.__name__ == module.__spec__.name == "paramscope.keras." + name, \\
                (module.__name__, module.__spec__.name)
        keras.losses.SparseCategoricalCrossentropy()
        keras.metrics.SparseCategoricalAccuracy()
        """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _newer_pythons():
    """Python 3.12+ interpreters on this machine that run (on PATH, or pyenv's versions)."""
    import glob
    import os
    import shutil
    import subprocess
    found = {}
    candidates = [shutil.which(f"python3.{minor}") for minor in (12, 13, 14)]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python")))
    for path in filter(None, candidates):
        try:
            proc = subprocess.run([path, "-c", "import sys; print(sys.version_info[:2] >= (3, 12))"],
                                  capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        version = subprocess.run([path, "-c", "import sys; print(sys.version.split()[0])"],
                                 capture_output=True, text=True).stdout.strip()
        if proc.returncode == 0 and proc.stdout.strip() == "True" and version not in found:
            found[version] = path
    return list(found.values())


_NEWER_PYTHONS = _newer_pythons()


@pytest.mark.skipif(not _NEWER_PYTHONS, reason="no Python 3.12+ on PATH (it warns where "
                    "__package__ != __spec__.parent; the page's Pyodide is 3.13)")
@pytest.mark.parametrize("python", _NEWER_PYTHONS or ["none"])
def test_a_script_importing_keras_paths_warns_nothing_on_newer_pythons(tmp_path, python):
    import os
    import subprocess
    script = tmp_path / "model.py"
    script.write_text("from keras.models import Sequential\nfrom keras.layers import core\n"
                      "import keras\nm = Sequential([keras.Input((4,)), core.Dense(2)])\n")
    src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(keras.__file__))))
    env = dict(os.environ, PYTHONPATH=src)
    proc = subprocess.run([python, "-W", "error::DeprecationWarning", "-m", "paramscope",
                           "summary", str(script)], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and "Total params: 10" in proc.stdout, proc.stderr
    assert "warning" not in proc.stderr, proc.stderr
