"""Every golden case's config (``json.loads(model.to_json())`` from real Keras), rebuilt by
paramscope.formats, gives the rows and counts real Keras recorded for the model.

Fixtures: tests/golden/keras3/cases.json.gz and tests/golden/tfkeras/cases.json.gz
(tools/make_golden.py).  ``PARAMSCOPE_GOLDEN_DIR`` points elsewhere for local runs.
"""

import gzip
import json
import os

import pytest

from conftest import GOLDEN
from paramscope import formats, naming
from paramscope.errors import ParamscopeError, UnknownLayerError
from paramscope.layers import registry
from paramscope.summary import summarize

ROOT = os.environ.get("PARAMSCOPE_GOLDEN_DIR", GOLDEN)
MODEL_CLASSES = {"Functional", "Sequential", "Model", "InputLayer"}


def _cases(backend):
    path = os.path.join(ROOT, backend, "cases.json.gz")
    if not os.path.exists(path):
        return []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    return [c for c in data["cases"] if not c["error"] and c.get("config") and c.get("model")]


def _layer_classes(config):
    """Class names of every layer entry in a model config (nested models included)."""
    out, stack = set(), [config]
    while stack:
        entry = stack.pop()
        if not isinstance(entry, dict):
            continue
        inner = entry.get("config")
        if isinstance(entry.get("class_name"), str) and isinstance(inner, (dict, list)):
            layers = inner.get("layers") if isinstance(inner, dict) else inner
            if isinstance(layers, list) and entry["class_name"] not in registry():
                stack.extend(layers)
                continue
            if not str(entry.get("module") or "").startswith("keras.src.ops"):
                out.add(entry["class_name"])
    return out


def _missing(case):
    known = set(registry()) | MODEL_CLASSES
    return sorted(_layer_classes(case["config"]) - known)


def _shape(s):
    if s is None:
        return None
    if isinstance(s, list):
        return [list(x) for x in s]
    return list(s)


def _expected_shape(s):
    if s is None:
        return None
    if s and isinstance(s[0], list):
        return [list(x) for x in s] if len(s) > 1 else list(s[0])
    return list(s)


K3 = _cases("keras3")
K2 = _cases("tfkeras")
K3_BY_ID = {c["id"]: c for c in K3}
K3_ERRORS = set()
_path = os.path.join(ROOT, "keras3", "cases.json.gz")
if os.path.exists(_path):
    with gzip.open(_path, "rt", encoding="utf-8") as _f:
        K3_ERRORS = {c["id"] for c in json.load(_f)["cases"] if c["error"]}

# Keras 3's Sequential.from_config ignores the model's own `trainable` flag (its
# layers keep theirs), so after a round trip through the config the totals
# change.  Checked with Keras 3.15: deserialize_keras_object(case["config"]).
AFTER_LOAD_TRAINABLE = {
    "trainable/model_frozen_then_layer_unfrozen": (10, 16),
    "trainable/model_ctor_trainable_false": (16, 0),
}


def _load(case):
    naming.clear_session()
    missing = _missing(case)
    if missing:
        pytest.skip(f"paramscope has no {', '.join(missing)} yet")
    try:
        return formats.load_config(case["config"])
    except UnknownLayerError as e:  # a class only used inside a wrapper config
        pytest.skip(str(e))


@pytest.mark.skipif(not K3, reason="no tests/golden/keras3/cases.json.gz")
@pytest.mark.parametrize("case", K3, ids=[c["id"] for c in K3])
def test_keras3_config_rebuilds_the_model(case):
    model = _load(case)
    summary = summarize(model)
    expected = case["model"]
    assert summary.name == expected["name"]
    assert [(r.name, r.class_name) for r in summary.layers] == [
        (l["name"], l["class_name"]) for l in expected["layers"]]
    for row, exp in zip(summary.layers, expected["layers"]):
        where = f"layer {row.name}"
        assert row.built == exp["built"], where
        assert _shape(row.output_shape) == _expected_shape(exp["output_shape"]), where
        assert row.params == exp["params"], where
        assert row.trainable_params == exp["trainable_params"], where
        assert row.non_trainable_params == exp["non_trainable_params"], where
        assert [list(w.shape) for w in row.weights] == [w["shape"] for w in exp["weights"]], where
        if not summary.sequential_like:
            assert [list(x) for x in row.inbound] == [list(x) for x in exp["inbound"]], where
    assert summary.total_params == expected["total_params"]
    trainable = (expected["trainable_params"], expected["non_trainable_params"])
    trainable = AFTER_LOAD_TRAINABLE.get(case["id"], trainable)
    assert (summary.trainable_params, summary.non_trainable_params) == trainable
    assert summary.total_bytes == expected["total_bytes"]

# tf-keras configs that are inconsistent under Keras 3 rules, so paramscope
# raises (with the layer's name) where tf-keras built the model.
TFKERAS_INCONSISTENT = {
    # tf-keras traced the Lambda (4 features) and built the Dense for 4, but the
    # config declares output_shape=(7,), which Keras 3 uses.
    "misc/Lambda_output_shape_mismatch",
}


def _tfkeras_rows(expected):
    out = []
    for l in expected["layers"]:
        if l["class_name"] == "InputLayer" and expected["class_name"] == "Sequential":
            continue
        shape = l["output_shape"]
        if l["class_name"] == "InputLayer" and isinstance(shape, list) and len(shape) == 1:
            shape = shape[0]
        if l["output_shape_text"] == "multiple":
            shape = "multiple"
        out.append((l["name"], l["class_name"], _expected_shape(shape) if shape != "multiple"
                    else shape, l["params"], l["trainable_params"], l["non_trainable_params"]))
    return out, (expected["total_params"], expected["trainable_params"],
                 expected["non_trainable_params"])


def _our_rows(summary, multiple):
    return [(r.name, r.class_name, "multiple" if name_shape == "multiple" else _shape(r.output_shape),
             r.params, r.trainable_params, r.non_trainable_params)
            for r, name_shape in zip(summary.layers, multiple)], (
        summary.total_params, summary.trainable_params, summary.non_trainable_params)


@pytest.mark.skipif(not K2, reason="no tests/golden/tfkeras/cases.json.gz")
@pytest.mark.parametrize("case", K2, ids=[c["id"] for c in K2])
def test_tfkeras_config_rebuilds_the_model(case):
    """A tf-keras config read with Keras 3 semantics agrees with tf-keras, or else with Keras 3.

    Where tf-keras and Keras 3 differ (tf-keras accepts rank-5 Conv2D inputs, '/' in
    names, two Inputs in a Sequential...), paramscope follows Keras 3: it raises
    where Keras 3 raised for the same code, or gives Keras 3's shapes and counts.
    """
    expected = case["model"]
    if expected.get("total_params") is None:  # tf-keras could not count an unbuilt model
        return
    k3 = K3_BY_ID.get(case["id"])
    try:
        model = _load(case)
    except ParamscopeError as e:
        assert case["id"] in K3_ERRORS | TFKERAS_INCONSISTENT, (
            f"Keras 3 built this model, paramscope raised: {e}")
        return
    summary = summarize(model)
    want_rows, want_totals = _tfkeras_rows(expected)
    got_rows, got_totals = _our_rows(summary, [r[2] for r in want_rows] + [None] * 99)
    if (got_rows, got_totals) == (want_rows, want_totals):
        return
    # Keras 3 differs from tf-keras here: compare with what Keras 3 recorded.
    assert k3 is not None, f"differs from tf-keras and no Keras 3 record: {got_rows} != {want_rows}"
    k3_shapes = [_expected_shape(l["output_shape"]) for l in k3["model"]["layers"]
                 if not (l["class_name"] == "InputLayer" and k3["model"]["class_name"] == "Sequential")]
    k3_counts = [(l["params"], l["trainable_params"], l["non_trainable_params"])
                 for l in k3["model"]["layers"]
                 if not (l["class_name"] == "InputLayer" and k3["model"]["class_name"] == "Sequential")]
    assert [_shape(r.output_shape) for r in summary.layers] == k3_shapes
    assert [(r.params, r.trainable_params, r.non_trainable_params) for r in summary.layers] == k3_counts
    trainable = AFTER_LOAD_TRAINABLE.get(case["id"], (k3["model"]["trainable_params"],
                                                      k3["model"]["non_trainable_params"]))
    assert (summary.trainable_params, summary.non_trainable_params) == trainable
