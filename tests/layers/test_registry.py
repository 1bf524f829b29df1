"""The layer registry: the name index is current, and every layer has golden cases."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from paramscope import layers

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_index_is_current():
    """The index generator, run as a tool (tests import nothing from tools/), finds the file
    current."""
    tool = os.path.join(ROOT, "tools", "make_layer_index.py")
    out = subprocess.run([sys.executable, tool, "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_lazy_lookup_matches_registry():
    for name, cls in layers.registry().items():
        assert layers.get_layer_class(name) is cls


def test_a_script_imports_only_the_families_it_uses():
    code = ("import sys, paramscope.keras as keras\n"
            "keras.layers.Dense(3)\n"
            "print(sorted(m for m in sys.modules if m.startswith('paramscope.layers.')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(out.stdout)
    assert "paramscope.layers.core" in loaded
    assert "paramscope.layers.rnn" not in loaded and "paramscope.layers.preprocessing" not in loaded


def test_a_family_package_imports_only_the_modules_used():
    """``Conv2D`` loads ``convolutional/conv.py`` (and what it needs), not the transposed or
    separable convolutions; ``LSTM`` not ConvLSTM; ``Rescaling`` no image layer."""
    code = ("import sys, paramscope.keras as keras\n"
            "keras.layers.Conv2D(3, 3); keras.layers.LSTM(3); keras.layers.Rescaling(1.0)\n"
            "from paramscope.layers import convolutional\n"
            "assert convolutional.Conv2D is keras.layers.Conv2D\n"
            "print(sorted(m for m in sys.modules if m.startswith('paramscope.layers.')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(out.stdout)
    assert {"paramscope.layers.convolutional.conv", "paramscope.layers.rnn.recurrent",
            "paramscope.layers.preprocessing.scaling"} <= set(loaded)
    for unused in ("convolutional.conv_transpose", "convolutional.separable_conv",
                   "rnn.conv_lstm", "rnn.wrappers", "preprocessing.image", "attention"):
        assert f"paramscope.layers.{unused}" not in loaded


def test_a_family_package_names_only_its_layers():
    from paramscope.layers import convolutional, rnn
    assert rnn.LSTM is layers.get_layer_class("LSTM")
    with pytest.raises(AttributeError):
        convolutional.LSTM  # noqa: B018 - the index puts LSTM in rnn/, not here
    with pytest.raises(AttributeError):
        convolutional.NoSuchLayer  # noqa: B018


def _golden_class_names():
    names = set()
    golden = os.path.join(ROOT, "tests", "golden")
    for folder, _, files in os.walk(golden):
        for f in files:
            if not f.endswith(".json.gz") or "files" in folder:
                continue
            with gzip.open(os.path.join(folder, f), "rt", encoding="utf-8") as fh:
                data = json.load(fh)
            for case in data.get("cases", []) + data.get("variants", []):
                stack = list((case.get("model") or {}).get("layers", []))
                while stack:
                    layer = stack.pop()
                    names.add(layer["class_name"])
                    stack.extend(layer.get("layers", []))
                code = case.get("code") or ""
                names.update(n for n in layers.layer_names() if f"layers.{n}(" in code)
    return names


# Base classes Keras exports for subclassing; not layers on their own.
ABSTRACT = {"Wrapper", "Layer"}


def test_every_layer_class_has_golden_cases():
    """A layer is added with its golden cases from real Keras (aliases count for their class)."""
    seen = _golden_class_names() | ABSTRACT
    classes = {}
    for name, cls in layers.registry().items():
        classes.setdefault(cls, set()).add(name)
    missing = sorted(min(names) for cls, names in classes.items()
                     if not names & seen and cls.__name__ not in seen)
    assert not missing, f"no golden case uses: {missing}"


def test_operator_stubs_are_the_operators_ops_installs():
    from paramscope import ops
    from paramscope.layers import base

    class Probe:
        pass

    before = set(vars(Probe))
    ops.install_operators(Probe)
    # ``==`` has its own stub in base (identity unless tf.keras semantics are on).
    assert set(vars(Probe)) - before == set(base.OPERATOR_DUNDERS) | {"__eq__", "__hash__"}


def test_models_without_operators_do_not_import_ops():
    """paramscope.ops (Keras operations) is imported when a model first uses one: start-up."""
    code = ("import sys, paramscope.keras as keras\n"
            "from paramscope.summary import summarize\n"
            "m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])\n"
            "summarize(m)\n"
            "print('paramscope.ops' in sys.modules)\n"
            "x = keras.Input((4,)); y = x * 2\n"
            "print('paramscope.ops' in sys.modules, type(y._keras_history.operation).__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "Multiply"]
