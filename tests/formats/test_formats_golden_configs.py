"""Every golden case's config (``json.loads(model.to_json())`` from real Keras), rebuilt by
paramscope.formats, gives the rows and counts real Keras recorded for the model.

Fixtures: every tests/golden/keras3/*.json.gz and tests/golden/tfkeras/*.json.gz
(tools/make_golden.py), and tests/golden/keras3_reloaded.json.gz (tools/make_reloaded.py).  ``PARAMSCOPE_GOLDEN_DIR`` points elsewhere for local runs.
"""

import gzip
import json
import os

import pytest

from conftest import GOLDEN
from paramscope import formats, naming
from paramscope.errors import ParamscopeError, UnknownLayerError
from paramscope.layers import registry
from paramscope.report.keras3 import output_shape_spans
from paramscope.summary import summarize

ROOT = os.environ.get("PARAMSCOPE_GOLDEN_DIR", GOLDEN)
MODEL_CLASSES = {"Functional", "Sequential", "Model", "InputLayer"}


def _cases(backend):
    folder = os.path.join(ROOT, backend)
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json.gz"):
            continue
        with gzip.open(os.path.join(folder, name), "rt", encoding="utf-8") as f:
            data = json.load(f)
        out += [c for c in data["cases"] if not c["error"] and c.get("config") and c.get("model")]
    return out


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
    if isinstance(s, dict):  # tf-keras records dict outputs as a dict; flat: sorted keys
        s = [s[k] for k in sorted(s)]
    if s and isinstance(s[0], list):
        return [list(x) for x in s] if len(s) > 1 else list(s[0])
    return list(s)


K3 = _cases("keras3")
K2 = _cases("tfkeras")
K3_BY_ID = {c["id"]: c for c in K3}
K3_ERRORS = set()
for _name in (os.listdir(os.path.join(ROOT, "keras3")) if os.path.isdir(os.path.join(ROOT, "keras3")) else []):
    if _name.endswith(".json.gz"):
        with gzip.open(os.path.join(ROOT, "keras3", _name), "rt", encoding="utf-8") as _f:
            K3_ERRORS |= {c["id"] for c in json.load(_f)["cases"] if c["error"]}

# What real Keras 3.15 gives when it reloads a config, where that differs from the live
# model (a config has no calls made outside the model, no flags set after the layers were
# built, no tensors a model was cut from): tools/make_reloaded.py.
RELOADED = {}
_reloaded_path = os.path.join(ROOT, "keras3_reloaded.json.gz")
if os.path.exists(_reloaded_path):
    with gzip.open(_reloaded_path, "rt", encoding="utf-8") as _f:
        RELOADED = json.load(_f)
AFTER_LOAD_TRAINABLE = {k: (v["trainable_params"], v["non_trainable_params"])
                        for k, v in RELOADED.items()}


def _load(case):
    naming.clear_session()
    missing = [m for m in _missing(case) if f"class {m}(" not in case["code"]]
    assert not missing, f"paramscope has no {', '.join(missing)}"
    try:
        return formats.load_config(case["config"])
    except UnknownLayerError as e:
        # A class the case's own code defines (a custom RNN cell): a file cannot carry it,
        # so reading the config must stop and name it, as Keras does without custom_objects.
        defined = [name for name in _layer_classes(case["config"]) | _inner_classes(case)
                   if f"class {name}(" in case["code"]]
        assert defined and any(name in str(e) for name in defined), str(e)
        return None


def _inner_classes(case):
    import re
    return set(re.findall(r"class (\w+)\(", case["code"]))


@pytest.mark.skipif(not K3, reason="no tests/golden/keras3/cases.json.gz")
@pytest.mark.parametrize("case", K3, ids=[c["id"] for c in K3])
def test_keras3_config_rebuilds_the_model(case):
    model = _load(case)
    if model is None:
        return
    summary = summarize(model)
    expected = case["model"]
    if case["id"] in RELOADED:
        reloaded = RELOADED[case["id"]]
        got = [[r.name, "".join(t for t, _ in output_shape_spans(r.output_shape)), r.params,
                r.trainable_params, r.non_trainable_params,
                [] if summary.sequential_like and model.__class__.__name__ == "Sequential"
                else [list(x) for x in r.inbound]] for r in summary.layers]
        assert got == reloaded["rows"]
        assert (summary.trainable_params, summary.non_trainable_params) == (
            reloaded["trainable_params"], reloaded["non_trainable_params"])
        return
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


#: live tf-keras models whose config rebuilds other objects (tests/test_golden_tfkeras.py):
#: add_loss reached the encoder's inner layers, listed again at the config's top level
NOT_IN_CONFIG = {"tf_backend/script_vae"}


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
    if case["id"] in NOT_IN_CONFIG:
        pytest.skip("the config rebuilds the live model's shared layers as new ones")
    k3 = K3_BY_ID.get(case["id"])
    try:
        model = _load(case)
        if model is None:
            return
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
    if case["id"] in RELOADED:  # Keras 3 reloading this config: tools/make_reloaded.py
        reloaded = RELOADED[case["id"]]
        assert [(r.params, r.trainable_params, r.non_trainable_params) for r in summary.layers
                if not (r.is_input_layer and summary.class_name == "Sequential")] == [
            tuple(row[2:5]) for row in reloaded["rows"]]
        return
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
