"""TensorFlow operations in scripts: the stand-in ``tensorflow`` module.

* tf.keras (Keras 2) cases (tests/golden/tfkeras/tf_ops.json.gz and
  tests/golden/tf_scripts/tf_ops_call.json.gz, made by tools/make_golden.py --backend tfkeras
  from tools/cases/tf_ops.py and tf_ops_call.py): the case's code runs on
  paramscope under tf.keras semantics and gives tf-keras's rows (``tf.concat (TFOpLambda)``,
  ``tf.__operators__.add``...), shapes, counts and ``--style keras2`` text.
* Keras 3 cases (tests/golden/tf_scripts/keras3_tf_in_call.json.gz, from real Keras 3.15 on the
  TensorFlow backend, tools/cases/tf_in_call.py): TensorFlow inside custom layers' call().
"""

import os
import warnings

import pytest

from conftest import GOLDEN, load_golden
from paramscope import backend_config, naming
from paramscope.report import keras2, keras3
from paramscope.summary import summarize

TFKERAS = (load_golden("tfkeras", "tf_ops.json.gz")["cases"]
           + load_golden("tf_scripts", "tf_ops_call.json.gz")["cases"])
KERAS3 = load_golden("tf_scripts", "keras3_tf_in_call.json.gz")["cases"]


def run_with_shim(code, keras2_semantics):
    """Run a case's code as a script would: ``import tensorflow`` is paramscope's."""
    from paramscope.keras import shim
    from paramscope.keras.tensorflow import tf_keras_semantics
    naming.clear_session()
    backend_config.reset()
    with shim.installed(), tf_keras_semantics(keras2_semantics), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import keras
        namespace = {"keras": keras, "layers": keras.layers}
        exec(compile(code, "<tf case>", "exec"), namespace)
    return namespace


def _tfkeras_shape(layer):
    shape = layer["output_shape"]
    if layer["class_name"] == "InputLayer" and len(shape) == 1 and isinstance(shape[0], list):
        return shape[0]
    return shape


def _our_shape(shape):
    if isinstance(shape, list):
        return [list(s) for s in shape] if len(shape) > 1 else list(shape[0])
    return list(shape)


@pytest.mark.parametrize("case", TFKERAS, ids=[c["id"] for c in TFKERAS])
def test_tf_keras_script_rows_and_text(case):
    model = run_with_shim(case["code"], keras2_semantics=True)["model"]
    summary = summarize(model)
    expected = case["model"]
    assert summary.name == expected["name"]
    got = [(r.name, r.class_name, _our_shape(r.output_shape), r.params) for r in summary.layers]
    want = [(l["name"], l["class_name"], _tfkeras_shape(l), l["params"])
            for l in expected["layers"]]
    assert got == want
    assert summary.total_params == expected["total_params"]
    assert keras2.render(summary).rstrip("\n") == case["summaries"]["default"]


def test_keras3_refuses_tf_functions_on_symbolic_tensors():
    from paramscope.keras.tensorflow import TensorFlowOnKerasTensorError
    code = "import tensorflow as tf\nx = keras.Input((3,))\ny = tf.concat([x, x], axis=1)\n"
    with pytest.raises(TensorFlowOnKerasTensorError, match="cannot be used as input to a "
                                                           "TensorFlow function"):
        run_with_shim(code, keras2_semantics=False)


@pytest.mark.parametrize("case", KERAS3, ids=[c["id"] for c in KERAS3])
def test_keras3_tensorflow_backend_call(case):
    if case["error"]:
        from paramscope.errors import ParamscopeError
        with pytest.raises(ParamscopeError) as info:
            run_with_shim(case["code"], keras2_semantics=False)
        if "cannot be used as input to a TensorFlow function" in case["error"]["message"]:
            assert "cannot be used as input to a TensorFlow function" in str(info.value)
        return
    model = run_with_shim(case["code"], keras2_semantics=False)["model"]
    summary = summarize(model)
    expected = case["model"]
    got = [(r.name, r.class_name, _our_shape(r.output_shape), r.params) for r in summary.layers]
    want = [(l["name"], l["class_name"], l["output_shape"] if not (
        l["output_shape"] and isinstance(l["output_shape"][0], list) and
        len(l["output_shape"]) == 1) else l["output_shape"][0], l["params"])
        for l in expected["layers"]]
    assert got == want
    assert keras3.render(summary, columns=200, console_width=200) == case["summaries"]["c200"]


# ---------------------------------------------------------------------------
# the stand-in module itself
# ---------------------------------------------------------------------------
@pytest.fixture
def tf():
    from paramscope.keras.tensorflow import make_module
    return make_module()


def test_unknown_names_are_attribute_errors_naming_tensorflow(tf):
    with pytest.raises(AttributeError, match="tf.signal is TensorFlow itself"):
        tf.signal.stft
    with pytest.raises(AttributeError, match="tf.GradientTape"):
        tf.GradientTape
    with pytest.raises(AttributeError):
        tf.__wrapped__
    assert getattr(tf, "_private", None) is None


def test_probing_libraries_see_a_harmless_module(tf):
    # matplotlib's cbook: isinstance(x, sys.modules["tensorflow"].is_tensor(x)) in a try.
    assert tf.is_tensor(3) is False
    try:
        isinstance([1], tf.is_tensor([1]))
    except TypeError:
        pass
    assert tf.__version__.startswith("2.")


def test_data_pipelines_say_they_need_the_data(tf):
    from paramscope.errors import NeedsComputationError
    assert tf.data.AUTOTUNE == -1
    with pytest.raises(NeedsComputationError, match="needs the data"):
        tf.data.Dataset.from_tensor_slices(([1], [2])).batch(2)
    with pytest.raises(NeedsComputationError, match="needs the data"):
        tf.io.read_file("x.png")


def test_concrete_values_have_shapes(tf):
    assert tf.ones((3, 2)).shape == (3, 2)
    assert tf.constant([1, 2, 3]).dtype == "int32"
    assert tf.reshape(tf.zeros((4, 3)), [-1, 2]).shape == (6, 2)
    assert tf.concat([tf.ones((2, 3)), tf.ones((4, 3))], axis=0).shape == (6, 3)
    assert tf.TensorShape([None, 3]).as_list() == [None, 3]
    assert tf.Variable(tf.zeros((2, 5))).shape == tf.TensorShape([2, 5])
    with tf.distribute.MirroredStrategy().scope():
        pass


# ---------------------------------------------------------------------------
# every TensorFlow function of the stand-in module, as tf-keras recorded its probe
# (tests/golden/tfkeras/tf_api_probes.json, tools/make_tf_api.py)
# ---------------------------------------------------------------------------
with open(os.path.join(GOLDEN, "tfkeras", "tf_api_probes.json"), encoding="utf-8") as _f:
    PROBES = __import__("json").load(_f)["probes"]


def _probe_namespace():
    from paramscope.keras import shim
    with shim.installed():
        import tensorflow as tf
        import keras
    x = keras.Input((8, 4))
    v = keras.Input((8,))
    namespace = {"tf": tf, "x": x, "v": v, "i": keras.Input((8,), dtype="int32"),
                 "img": keras.Input((16, 16, 3)), "b": keras.Input((8, 4), dtype="bool"),
                 "s": tf.shape(x)}
    namespace.update(s0=namespace["s"][0], s1=namespace["s"][1], x1=tf.expand_dims(x, 1),
                     v1=tf.expand_dims(v, -1), mask=v > 0)
    return namespace


@pytest.mark.parametrize("probe", PROBES, ids=[p["code"] for p in PROBES])
def test_tf_function_on_symbolic_tensors_as_tf_keras(probe):
    from paramscope.keras.tensorflow import tf_keras_semantics
    naming.clear_session()
    with tf_keras_semantics(True):
        namespace = _probe_namespace()
        out = eval(probe["code"], namespace)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    got = [{"shape": list(t.shape), "dtype": t.dtype, "layer": t._keras_history[0].name}
           for t in outs]
    assert got == probe["outputs"]


def test_table_symbols_have_shape_rules():
    from paramscope.keras._tf_api import FUNCTIONS, OPERATORS
    from paramscope.layers._tfop_rules import TF_OPS
    from paramscope.keras.tensorflow import COMPOSITES
    for path, (symbol, kind, *_) in {**FUNCTIONS, **OPERATORS}.items():
        if kind == "composite":
            assert path in COMPOSITES or path == "__xor__"
        else:
            assert symbol in TF_OPS, path
