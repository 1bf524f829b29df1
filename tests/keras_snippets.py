"""The snippets of tools/cases/layer_snippets.py run on paramscope, against the ``result`` real
Keras 3.15.1 recorded for the same code (tools/make_layer_tables.py ->
tests/golden/layer_tables/keras3.json.gz).

A snippet sees the same names as in the generator, bound to paramscope: ``keras``, ``L``,
``ops``, ``weights``, ``shapes``, and ``rows`` / ``totals`` / ``nested`` read from
paramscope's summary where the generator reads Keras's (the case file's docstring says what
each gives)."""

import warnings

import paramscope.keras as keras
from paramscope import backend_config, naming
from paramscope.summary import summarize

from conftest import load_golden


def recorded_snippets(table):
    """``{id: [id, code, result]}`` of one snippet table."""
    rows = load_golden("layer_tables", "keras3.json.gz")["tables"][table]
    return {row[0]: row for row in rows}


def plain(x):
    """A result as the generator stores it (JSON: tuples become lists); anything else is an
    error, so that a snippet cannot compare objects by their type name."""
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    raise TypeError(f"a snippet's result holds a {type(x).__name__}: {x!r}")


def weights(layer):
    return [[w.name, list(w.shape), w.dtype, w.trainable] for w in layer.weights]


def shapes(x):
    if isinstance(x, (list, tuple)):
        return [shapes(v) for v in x]
    return x.shape


def rows(model):
    return [{"name": r.name, "class_name": r.class_name, "output_shape": plain(r.output_shape),
             "params": r.params, "built": r.built, "trainable": r.trainable,
             "trainable_params": r.trainable_params,
             "non_trainable_params": r.non_trainable_params, "inbound": plain(r.inbound)}
            for r in summarize(model).layers]


def totals(model):
    s = summarize(model)
    return [s.total_params, s.trainable_params, s.non_trainable_params]


def nested(model):
    return [[level, r.name] for level, r in summarize(model).iter_rows(expand_nested=True)]


def run_snippet(code):
    """Run a snippet's code on paramscope in a fresh session; its namespace."""
    naming.clear_session()
    backend_config.reset()
    namespace = {"keras": keras, "L": keras.layers, "ops": keras.ops, "weights": weights,
                 "shapes": shapes, "rows": rows, "totals": totals, "nested": nested}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, "<snippet>", "exec"), namespace)  # noqa: S102 - the fixture's code
    return namespace


def check_snippet(row):
    """Run one recorded snippet ``[id, code, result]``; its ``result`` must be Keras's.
    Returns the namespace (the model and layers it made) for further checks."""
    id_, code, expected = row
    namespace = run_snippet(code)
    assert plain(namespace["result"]) == expected, id_
    return namespace
