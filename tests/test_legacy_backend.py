"""keras.backend's Keras 2 functions (``K.mean``, ``K.square``, ``K.batch_dot``...).

* tf.keras (tests/golden/tfkeras/tf_backend.json.gz, tools/cases/tf_backend.py, made by
  tf-keras 2.21): on symbolic tensors under ``--style keras2`` each records tf.keras's rows
  (``tf.math.reduce_mean``, ``tf.keras.backend.binary_crossentropy`` recorded whole), with
  tf.keras's names, shapes and summary text; tf.keras's loss functions; ``Model.add_loss``
  (an ``AddLoss`` row); values (``K.int_shape``...) and errors (``K.gradients``).
* Keras 3's tf.keras view (tests/golden/tf_scripts/keras3_legacy_backend.json.gz,
  tools/cases/keras3_legacy_backend.py, made by Keras 3.15.1 on TensorFlow): the functions
  inside a Lambda or a custom layer's ``call()`` (traced), on concrete values, and Keras 3's
  failure on a symbolic tensor outside a call.
"""

import pytest

from conftest import load_golden
from test_api_surface import _compare, _plain
from test_tf_ops import _our_shape, _tfkeras_shape, run_with_shim

from paramscope.errors import ParamscopeError
from paramscope.report import keras2, keras3
from paramscope.summary import summarize

TFKERAS = load_golden("tfkeras", "tf_backend.json.gz")["cases"]
KERAS3 = load_golden("tf_scripts", "keras3_legacy_backend.json.gz")["cases"]


@pytest.mark.parametrize("case", TFKERAS, ids=[c["id"] for c in TFKERAS])
def test_tf_keras_backend_functions(case):
    if case["error"]:
        with pytest.raises((ParamscopeError, TypeError)):
            run_with_shim(case["code"], keras2_semantics=True)
        return
    namespace = run_with_shim(case["code"], keras2_semantics=True)
    if "values" in case:
        _compare(_plain(namespace["record"]), case["values"], case["id"], loose=True)
    if case["model"] is None:
        return
    summary = summarize(namespace["model"])
    expected = case["model"]
    got = [(r.name, r.class_name, _our_shape(r.output_shape), r.params) for r in summary.layers]
    want = [(layer["name"], layer["class_name"], _tfkeras_shape(layer), layer["params"])
            for layer in expected["layers"]]
    assert got == want
    assert summary.total_params == expected["total_params"]
    assert summary.trainable_params == expected["trainable_params"]
    assert keras2.render(summary).rstrip("\n") == case["summaries"]["default"]


@pytest.mark.parametrize("case", KERAS3, ids=[c["id"] for c in KERAS3])
def test_keras3_tf_keras_view(case):
    if case["error"]:
        with pytest.raises(ParamscopeError) as info:
            run_with_shim(case["code"], keras2_semantics=False)
        assert "cannot be used as input to a TensorFlow function" in str(info.value) or \
            "could not" in str(info.value) or "not part of" in str(info.value)
        return
    namespace = run_with_shim(case["code"], keras2_semantics=False)
    if "values" in case:
        _compare(_plain(namespace["record"]), case["values"], case["id"], loose=True)
    if case["model"] is None:
        return
    summary = summarize(namespace["model"])
    expected = case["model"]
    got = [(r.name, r.class_name, _our_shape(r.output_shape), r.params) for r in summary.layers]
    want = [(layer["name"], layer["class_name"], _our_shape(layer["output_shape"])
             if layer["output_shape"] and isinstance(layer["output_shape"][0], list)
             else layer["output_shape"], layer["params"]) for layer in expected["layers"]]
    assert got == want
    assert keras3.render(summary, columns=200, console_width=200) == case["summaries"]["c200"]
