"""Every public name of Keras 3.15's ``keras.ops`` (and its ``numpy``, ``nn``, ``linalg``,
``image`` submodules) and ``keras.random`` exists in paramscope, with Keras's parameters.

Fixture: tests/golden/ops/keras3_api.json (names and signatures from real Keras, made by
tools/make_ops.py); the index src/paramscope/ops/_index.py is made by tools/make_ops_index.py.
"""

import importlib
import inspect
import json
import os
import sys

import pytest

from conftest import GOLDEN

with open(os.path.join(GOLDEN, "ops", "keras3_api.json"), encoding="utf-8") as f:
    API = json.load(f)["api"]

MODULES = {"ops": "paramscope.keras.ops", "ops.numpy": "paramscope.keras.ops.numpy",
           "ops.nn": "paramscope.keras.ops.nn", "ops.linalg": "paramscope.keras.ops.linalg",
           "ops.image": "paramscope.keras.ops.image", "random": "paramscope.keras.random"}
NAMES = [(namespace, name) for namespace in sorted(API) for name in sorted(API[namespace])]


def test_every_keras_namespace_is_known():
    assert set(API) == set(MODULES)
    assert len(API["ops"]) > 300 and len(API["random"]) > 10


@pytest.mark.parametrize("namespace,name", NAMES, ids=[f"{n}.{m}" for n, m in NAMES])
def test_name_exists_with_keras_parameters(namespace, name):
    module = importlib.import_module(MODULES[namespace])
    value = getattr(module, name)
    assert callable(value)
    expected = API[namespace][name]["parameters"]
    if expected is None:
        return
    ours = [[p.name, p.kind.name] for p in inspect.signature(value).parameters.values()]
    if ours == expected:
        return
    # A generated function (the activations) takes Keras's parameters after ``x`` through
    # *args/**kwargs: the names are those of Keras in its docstring.
    assert ours[:1] == expected[:1] and ours[1:] == [["args", "VAR_POSITIONAL"],
                                                     ["kwargs", "VAR_KEYWORD"]], (
        f"{namespace}.{name}: Keras has {API[namespace][name]['signature']}")
    for param, _ in expected[1:]:
        assert f"{param}=" in value.__doc__


def test_unknown_names_say_so():
    from paramscope.errors import MissingAPIError
    import paramscope.keras as keras
    with pytest.raises(MissingAPIError, match="keras.ops.not_an_op"):
        keras.ops.not_an_op
    with pytest.raises(AttributeError):
        keras.ops.image.add  # keras.ops.add exists, keras.ops.image.add does not
    assert not hasattr(keras.ops, "__wrapped__")


def test_index_is_current():
    """The index generator, run as a tool (tests import nothing from tools/), finds
    src/paramscope/ops/_index.py current."""
    import subprocess
    tool = os.path.join(os.path.dirname(GOLDEN), "..", "tools", "make_ops_index.py")
    out = subprocess.run([sys.executable, os.path.abspath(tool), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_import_paramscope_does_not_load_the_ops_families():
    import subprocess
    code = ("import sys, paramscope, paramscope.keras as k; k.Sequential; "
            "print(sorted(m for m in sys.modules if m.startswith('paramscope.ops')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
