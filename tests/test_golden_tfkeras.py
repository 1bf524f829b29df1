"""tf-keras 2.x golden cases: the model's tf.keras config, read by paramscope, prints what
tf-keras printed (``--style keras2``), and the Sequential cases' code gives the same text.

Fixtures: tests/golden/tfkeras/*.json.gz, made by tools/make_golden.py --backend tfkeras.
"""

import os

import pytest

from conftest import GOLDEN, build_from_code, load_golden
from paramscope import formats
from paramscope.report import keras2
from paramscope.summary import summarize

DIR = os.path.join(GOLDEN, "tfkeras")
FILES = sorted(f for f in os.listdir(DIR) if f.endswith(".json.gz")) if os.path.isdir(DIR) else []
KERAS3 = {c["id"]: c for name in FILES if os.path.exists(os.path.join(GOLDEN, "keras3", name))
          for c in load_golden("keras3", name)["cases"]}
_TOTALS = ("total_params", "trainable_params", "non_trainable_params", "total_bytes")


def _same_in_keras3(case):
    """paramscope follows Keras 3: a case where Keras 3 raises, or counts differently from
    tf-keras (e.g. tf-keras keeps float32 BatchNormalization weights under float16), is
    outside what --style keras2 can reproduce (it is a layout, not tf-keras's semantics)."""
    k3 = KERAS3.get(case["id"])
    if k3 is None:
        return True
    if k3["error"] or not k3.get("model"):
        return False
    if not all(k3["model"][k] == case["model"][k] for k in _TOTALS):
        return False
    rows = lambda m: [(l["name"], _input_layer_shape(l), l["params"]) for l in m["layers"]]
    return rows(k3["model"]) == rows(case["model"])


def _input_layer_shape(layer):
    """tf-keras's InputLayer.output_shape is a list of one shape, ``[(None, 4)]``; Keras 3
    records ``(None, 4)``: the same shape."""
    shape = layer["output_shape"]
    if layer["class_name"] == "InputLayer" and isinstance(shape, list) and len(shape) == 1 \
            and isinstance(shape[0], list):
        return shape[0]
    return shape


ALL_BY_FILE = {name: [c for c in load_golden("tfkeras", name)["cases"]
                      if not c["error"] and c.get("model") and c.get("config") and (c.get("summaries") or {}).get("default")]
               for name in FILES}
ALL = [c for name in FILES for c in ALL_BY_FILE[name]]
CASES = [c for c in ALL if _same_in_keras3(c)]
DIFFERENT = [c["id"] for c in ALL if not _same_in_keras3(c)]
VARIANTS = {"default": {}, "trainable": {"show_trainable": True}, "l100": {"line_length": 100},
            "nested": {"expand_nested": True}}


def test_fixtures_present():
    assert len(CASES) >= 150
    # Where tf-keras and Keras 3 disagree is rare and listed here on purpose (per fixture file).
    for name, cases in ALL_BY_FILE.items():
        different = [c["id"] for c in cases if not _same_in_keras3(c)]
        assert len(different) <= 25, (name, different)


def _check_texts(summary, texts):
    for key, kwargs in VARIANTS.items():
        if texts.get(key) is not None:
            assert keras2.render(summary, **kwargs).rstrip("\n") == texts[key], key


# What a config cannot carry: the live model's flag set after the layers were frozen one by one.
NOT_IN_CONFIG = {"trainable/model_frozen_then_layer_unfrozen",
                 # The loss add_loss inserted reaches the encoder's inner Dense layers, which the
                 # config lists again at the top level: rebuilt from it they are new layers with
                 # their own weights (the live model shares them; tf-keras cannot rebuild this
                 # config: its Lambda is bytecode), so the live totals do not apply.
                 "tf_backend/script_vae"}
FROM_CONFIG = [c for c in CASES if c["id"] not in NOT_IN_CONFIG]


@pytest.mark.parametrize("case", FROM_CONFIG, ids=[c["id"] for c in FROM_CONFIG])
def test_keras2_text_from_tf_keras_config(case):
    model = formats.load_config(case["config"])
    summary = summarize(model)
    assert summary.total_params == case["model"]["total_params"]
    assert summary.trainable_params == case["model"]["trainable_params"]
    _check_texts(summary, case["summaries"])


SEQUENTIAL = [c for c in CASES if c["model"]["class_name"] == "Sequential"]


@pytest.mark.parametrize("case", SEQUENTIAL, ids=[c["id"] for c in SEQUENTIAL])
def test_keras2_text_from_the_same_code(case, golden_builds):
    """Sequential models get the same names in tf-keras and Keras 3, so the code gives the text."""
    _check_texts(golden_builds.summary(case), case["summaries"])


# Layers only tf-keras has (tools/cases/tfkeras_only.py): tf-keras's own argument errors.
TFKERAS_ONLY_ERRORS = [c for c in load_golden("tfkeras", "tfkeras_only.json.gz")["cases"]
                       if c["error"]]


@pytest.mark.parametrize("case", TFKERAS_ONLY_ERRORS, ids=[c["id"] for c in TFKERAS_ONLY_ERRORS])
def test_tfkeras_only_layer_errors(case):
    from paramscope.errors import ParamscopeError
    with pytest.raises(ParamscopeError) as info:
        build_from_code(case["code"])
    assert "factor" in str(info.value)
