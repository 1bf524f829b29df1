"""Keras 3.15's public API on paramscope (issue 8, item 3).

* Every public module and name of Keras 3.15 (``tests/golden/keras3_api/public_names.json.gz``,
  made by ``tools/make_api_index.py`` from the installed Keras) imports, through the import
  shim as a script imports it, with the same kind (module, class, function).
* The API cases of ``tools/cases/api_surface.py``, ``tools/cases/api_adapt_tf.py`` and
  ``tools/cases/layer_state.py`` (run in real Keras by ``tools/make_golden.py``) give the
  values Keras recorded (configs, names, shapes, the errors Keras raises) and, where they
  build a model, Keras's summary.
"""

import importlib
import inspect
import re
import types

import pytest

from conftest import load_golden
from paramscope.report import keras3
from paramscope.summary import summarize

NAMES = load_golden("keras3_api", "public_names.json.gz")
#: keras.ops and keras.random are paramscope.ops's (tested with their own fixture there).
OPS_MODULES = ("keras.ops", "keras.random")
MODULES = sorted(m for m in NAMES["modules"] if not m.startswith(OPS_MODULES))
CASES = (load_golden("keras3_api", "api_surface.json.gz")["cases"]
         + load_golden("keras3_api", "api_adapt_tf.json.gz")["cases"]
         + load_golden("keras3_api", "layer_state.json.gz")["cases"])


def _kind(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    return "function" if callable(value) else "value"


def test_fixture_covers_keras():
    assert NAMES["keras_version"] == "3.15.1"
    assert sum(len(v) for v in NAMES["modules"].values()) > 1400


@pytest.mark.parametrize("module", MODULES)
def test_every_public_name_imports(module):
    from paramscope.keras import shim
    with shim.installed():
        imported = importlib.import_module(module)
        wrong = {}
        for name, kind in NAMES["modules"][module].items():
            try:
                value = getattr(imported, name)
            except Exception as e:  # noqa: BLE001 - report every failure
                wrong[name] = f"{type(e).__name__}: {e}"
                continue
            if _kind(value) != kind:
                wrong[name] = f"a {_kind(value)}, Keras has a {kind}"
    assert not wrong


def test_a_name_keras_does_not_have_is_an_attribute_error():
    from paramscope.keras import shim
    with shim.installed():
        callbacks = importlib.import_module("keras.callbacks")
        with pytest.raises(AttributeError, match="keras.callbacks.EarlyStoping"):
            callbacks.EarlyStoping
        with pytest.raises(ImportError):
            exec("from keras.optimizers import Adamm", {})


def _plain(x):
    """The generator's normalisation of recorded values (tools/make_golden.py ``_plain``)."""
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if hasattr(x, "item") and getattr(x, "shape", None) == ():
        return _plain(x.item())
    return f"<{type(x).__name__}>"


def _is_error(value):
    return (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
            and all(k.endswith(("Error", "Exception")) for k in value[0].split("|")))


def _normalize_message(text):
    """What differs between Keras's and paramscope's messages without being a difference:
    module paths in class reprs, object addresses, the order of a printed set."""
    text = re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"<class \1>", text)
    text = re.sub(r"<(?:[\w.]+\.)?(\w+) object at 0x[0-9a-fA-F]+>", r"<\1 object>", text)

    def sorted_set(match):
        return "{" + ", ".join(sorted(match.group(1).split(", "))) + "}"
    return re.sub(r"\{((?:'[^'{}]*'|None)(?:, (?:'[^'{}]*'|None))*)\}", sorted_set, text)


def _compare(got, expected, where, loose):
    """Values equal; an error ``[class, message]``: same built-in class, and paramscope's
    message starts with Keras's (it may add a hint) unless the case compares loosely."""
    if _is_error(expected):
        assert _is_error(got), f"{where}: expected Keras's {expected}, got {got!r}"
        # Keras's exception class is among paramscope's built-in classes (paramscope's
        # errors are ValueErrors too, for ``except ValueError`` in scripts).
        assert expected[0].split("|")[0] in got[0].split("|"), f"{where}: {got} vs {expected}"
        if not loose:
            mine, keras_says = _normalize_message(got[1]), _normalize_message(expected[1])
            assert mine.startswith(keras_says), f"{where}: {mine!r} vs {keras_says!r}"
        return
    if isinstance(expected, dict):
        assert isinstance(got, dict) and sorted(got) == sorted(expected), \
            f"{where}: keys {sorted(got) if isinstance(got, dict) else got} vs {sorted(expected)}"
        for key in expected:
            _compare(got[key], expected[key], f"{where}.{key}", loose)
        return
    if isinstance(expected, list):
        assert isinstance(got, list) and len(got) == len(expected), f"{where}: {got} vs {expected}"
        for i, (g, e) in enumerate(zip(got, expected)):
            _compare(g, e, f"{where}[{i}]", loose)
        return
    assert got == expected and type(got) is type(expected), f"{where}: {got!r} vs {expected!r}"


def run_case(code):
    import warnings

    import paramscope.keras as keras
    from paramscope import backend_config, naming
    from paramscope.keras import config, shim
    naming.clear_session()
    backend_config.reset()
    config.reset()
    namespace = {"keras": keras, "layers": keras.layers}
    with shim.installed(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, "<api case>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_api_case(case):
    assert case["error"] is None, "the API cases run without error in Keras"
    namespace = run_case(case["code"])
    loose = "loose_message" in case["tags"]
    if "values" in case:
        _compare(_plain(namespace["record"]), case["values"], case["id"], loose)
    if case.get("model") is not None:
        summary = summarize(namespace["model"])
        expected = case["model"]
        rows = [(r.name, r.class_name, r.output_shape and list(map(list, r.output_shape))
                 if r.output_shape and isinstance(r.output_shape[0], (list, tuple))
                 else r.output_shape and list(r.output_shape), r.params)
                for r in summary.layers]
        assert summary.total_params == expected["total_params"]
        assert summary.total_bytes == expected["total_bytes"]
        assert keras3.render(summary, columns=200, console_width=200) == case["summaries"]["c200"]
        weights = [(w.name, list(w.shape), w.dtype) for r in summary.layers for w in r.weights]
        expected_weights = [(w["name"], w["shape"], w["dtype"]) for l in expected["layers"]
                            for w in l["weights"]]
        assert weights == expected_weights, rows
