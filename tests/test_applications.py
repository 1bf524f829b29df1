"""keras.applications from their configs: every architecture of Keras 3.15 (and a few of
tf-keras 2), rebuilt by paramscope from ``model.to_json()``, gives Keras's rows and totals.

Fixtures: tests/golden/applications/<backend>/<family>.json.gz, made by
tools/make_applications.py with real Keras (``weights=None``).  A variant's config may be
stored as a delta against the first variant of its model (see that tool).
"""

import gc
import json
import os
import subprocess
import sys

import pytest

from conftest import GOLDEN, load_golden
from paramscope.report.explain_words import all_words
from paramscope import formats
from paramscope.report import keras2, keras3
from paramscope.summary import summarize

DIR = os.path.join(GOLDEN, "applications")


def _load(backend):
    folder = os.path.join(DIR, backend)
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json.gz"):
            out.extend(load_golden("applications", backend, name)["variants"])
    return out


def expand_config(delta, base):
    """tools/make_applications.py's delta: layer entries are configs or indices into the
    base config's layers."""
    layers = [base["config"]["layers"][x] if isinstance(x, int) else x for x in delta["layers"]]
    return dict(delta["top"], config=dict(delta["config"], layers=layers))


def _with_configs(variants):
    by_id = {v["id"]: v for v in variants}
    for v in variants:
        if v.get("config") is None and v.get("config_delta"):
            base = by_id[v["config_delta"]["base"]]
            v["config"] = expand_config(v["config_delta"], base["config"])
    return [v for v in variants if not v["error"]]


# Millions of small objects: loaded with the cyclic collector paused, then frozen so that
# later collections (during every other test) do not rescan them.
gc.disable()
try:
    KERAS3 = _with_configs(_load("keras3"))
    TFKERAS = _with_configs(_load("tfkeras"))
finally:
    gc.enable()
gc.freeze()

KNOWN_TOTALS = {
    "ResNet50/top": (25_636_712, 53_120),
    "VGG16/top": (138_357_544, 0),
    "MobileNetV2/top": (3_538_984, 34_112),
}


def _row(row):
    shape = row.output_shape
    if isinstance(shape, list):
        shape = [list(s) for s in shape]
    elif shape is not None:
        shape = list(shape)
    return shape


def check_model(summary, expected, keras3_rows=True):
    assert summary.name == expected["name"]
    got = [(r.name, r.class_name) for r in summary.layers]
    assert got == [(l["name"], l["class_name"]) for l in expected["layers"]]
    for row, exp in zip(summary.layers, expected["layers"]):
        where = f"layer {row.name}"
        assert _row(row) == exp["output_shape"], where
        assert row.params == exp["params"], where
        assert row.trainable_params == exp["trainable_params"], where
        assert row.non_trainable_params == exp["non_trainable_params"], where
        if exp["built"] is not None:
            assert row.built == exp["built"], where
            assert row.trainable == exp["trainable"], where
        if "weights" in exp and exp["weights"] and isinstance(exp["weights"][0], list):
            assert [[list(w.shape), w.trainable] for w in row.weights] == exp["weights"], where
    for key in ("total_params", "trainable_params", "non_trainable_params", "total_bytes",
                "trainable_bytes"):
        assert getattr(summary, key) == expected[key], key


def test_fixtures_present():
    ids = {v["id"] for v in KERAS3}
    assert len(KERAS3) >= 150
    for cid, (total, non_trainable) in KNOWN_TOTALS.items():
        assert cid in ids, cid
    for v in KERAS3:
        if v["id"] in KNOWN_TOTALS:
            assert (v["model"]["total_params"], v["model"]["non_trainable_params"]) == \
                KNOWN_TOTALS[v["id"]]


@pytest.mark.parametrize("variant", KERAS3, ids=[v["id"] for v in KERAS3])
def test_keras3_application_from_config(variant):
    model = formats.load_config(variant["config"])
    summary = summarize(model, with_explain=False)  # explanations are not compared
    check_model(summary, variant["model"])
    texts = variant.get("summaries") or {}
    options = {"c200": (200, {}), "c200_trainable": (200, {"show_trainable": True}),
               "c80": (80, {}), "c200_l120": (200, {"line_length": 120})}
    for key, text in texts.items():
        columns, kwargs = options[key]
        assert keras3.render(summary, columns=columns, console_width=columns, **kwargs) == text, key


@pytest.mark.parametrize("variant", TFKERAS, ids=[v["id"] for v in TFKERAS])
def test_tf_keras_application_from_config(variant):
    model = formats.load_config(variant["config"])
    summary = summarize(model, with_explain=False)
    expected = variant["model"]
    assert [(r.name, r.class_name) for r in summary.layers] == \
        [(l["name"], l["class_name"]) for l in expected["layers"]]
    for row, exp in zip(summary.layers, expected["layers"]):
        assert row.params == exp["params"], row.name
        got = _row(row)
        want = exp["output_shape"]
        if want and isinstance(want[0], list) and len(want) == 1:
            want = want[0]
        assert got == want, row.name
    for key in ("total_params", "trainable_params", "non_trainable_params"):
        assert getattr(summary, key) == expected[key], key
    # tf-keras keeps Normalization's `count` as int64 (Keras 3 on JAX: int32): a tf-keras
    # config is read with tf-keras's dtypes, so the sizes are tf-keras's.
    assert summary.total_bytes == expected["total_bytes"]
    text = (variant.get("summaries") or {}).get("default")
    if text is not None:
        assert keras2.render(summary).rstrip("\n") == text


def test_resnet50_config_through_the_cli(tmp_path):
    variant = next(v for v in KERAS3 if v["id"] == "ResNet50/top")
    path = tmp_path / "resnet50.json"
    path.write_text(json.dumps(variant["config"]))
    proc = subprocess.run([sys.executable, "-m", "paramscope", "summary", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "25,636,712" in proc.stdout


# ---------------------------------------------------------------------------
# TFOpLambda: an op paramscope does not know
# ---------------------------------------------------------------------------
def _tf_op_config(function, kwargs=None):
    """A minimal tf-keras config: Input(4, 3) -> one TFOpLambda."""
    name = f"tf.{function}"
    return {"class_name": "Functional", "keras_version": "2.21.0", "backend": "tensorflow",
            "config": {
                "name": "model",
                "layers": [
                    {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [],
                     "config": {"batch_input_shape": [None, 4, 3], "dtype": "float32",
                                "sparse": False, "ragged": False, "name": "input_1"}},
                    {"class_name": "TFOpLambda", "name": name,
                     "config": {"name": name, "trainable": True, "dtype": "float32",
                                "function": function},
                     "inbound_nodes": [["input_1", 0, 0, dict(kwargs or {}, name=None)]]},
                ],
                "input_layers": [["input_1", 0, 0]],
                "output_layers": [[name, 0, 0]]}}


def test_tf_op_known():
    model = formats.load_config(_tf_op_config("math.reduce_mean", {"axis": 1,
                                                                   "keepdims": True}))
    assert summarize(model).layers[-1].output_shape == (None, 1, 3)


def test_tf_op_unknown_is_a_clear_error():
    from paramscope.errors import ParamscopeError
    with pytest.raises(ParamscopeError) as info:
        formats.load_config(_tf_op_config("signal.fft"))
    message = str(info.value)
    assert "tf.signal.fft" in message and "TFOpLambda" in message
    assert "--assume-passthrough" in message


def test_tf_op_unknown_assumed_passthrough():
    model = formats.load_config(_tf_op_config("signal.fft"),
                                assume_passthrough=["tf.signal.fft"])
    summary = summarize(model)
    assert summary.layers[-1].output_shape == (None, 4, 3)
    assert any("tf.signal.fft" in w for w in summary.warnings)


def test_tf_op_bad_arguments_name_the_layer():
    from paramscope.errors import ParamscopeError
    with pytest.raises(ParamscopeError) as info:
        formats.load_config(_tf_op_config("reshape", {"shape": [-1, -1]}))
    assert "tf.reshape" in str(info.value)


def test_helper_layers_explain_their_weights():
    variant = next(v for v in KERAS3 if v["id"] == "ConvNeXtTiny/top")
    summary = summarize(formats.load_config(variant["config"]))
    row = next(r for r in summary.layers if r.class_name == "LayerScale")
    assert all_words(row.explain) == [f"{row.name}: gamma 96 (one scale per channel) = 96"]
