"""Every ``keras.ops`` / ``keras.random`` case real Keras 3.15 (JAX) evaluated, compared.

Fixture: tests/golden/ops/keras3_ops.json.gz, made by tools/make_ops.py from the case list
tools/cases/ops_cases.py.  Each case is an expression on symbolic tensors ``T(*shape)``
(``keras.Input(batch_shape=...)``) and concrete arrays ``C(*shape)``; the fixture holds the
structure, shapes and dtypes of Keras's result (or the error Keras raised) and the operations
Keras recorded in the graph.
"""

import warnings

import pytest

from conftest import load_golden
from paramscope import backend_config, naming
from paramscope.errors import NeedsComputationError, ParamscopeError

FIXTURE = load_golden("ops", "keras3_ops.json.gz")
CASES = FIXTURE["cases"]

#: Keras computes these on concrete values it has (``nonzero`` of an array of ones has 8
#: entries); paramscope knows shapes only and says the result needs the values.
VALUE_DEPENDENT = {
    "unary/nonzero/concrete", "unary/nonzero/concrete_int", "sorting/nonzero/concrete",
    "sorting/unique/concrete",
}


def _namespace():
    import paramscope.keras as keras
    from paramscope import ops as ops_engine

    def T(*shape, dtype="float32", sparse=False):
        return keras.Input(batch_shape=shape, dtype=dtype, sparse=sparse)

    def C(*shape, dtype="float32"):
        return ops_engine.Constant(shape, dtype, backend=False)  # a NumPy array

    return {"keras": keras, "ops": keras.ops, "random": keras.random, "T": T, "C": C}


def encode(value):
    """paramscope's result in the fixture's form."""
    from paramscope import ops as ops_engine
    from paramscope.layers.base import KerasTensor
    if isinstance(value, KerasTensor):
        return {"kind": "sym", "shape": [None if d is None else int(d) for d in value.shape],
                "dtype": str(value.dtype), "sparse": bool(value.sparse)}
    if isinstance(value, ops_engine.Constant):
        return {"kind": "val", "shape": [int(d) for d in value.shape], "dtype": str(value.dtype)}
    if isinstance(value, (bool, int, float, str)) or value is None:
        return {"kind": "py", "type": type(value).__name__, "value": value}
    if isinstance(value, (list, tuple)):
        return {"kind": type(value).__name__, "items": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"kind": "dict", "items": {str(k): encode(v) for k, v in value.items()}}
    return {"kind": "other", "type": type(value).__name__}


def operations(value):
    from paramscope import tree
    from paramscope.layers.base import KerasTensor
    seen, ops = set(), []
    stack = [t for t in tree.flatten(value) if isinstance(t, KerasTensor)]
    while stack:
        tensor = stack.pop()
        history = getattr(tensor, "_keras_history", None)
        if history is None or history[0] is None:
            continue
        op, node_index = history[0], history[1]
        node = op._inbound_nodes[node_index]
        if id(node) in seen:
            continue
        seen.add(id(node))
        if type(op).__name__ != "InputLayer":
            ops.append([type(op).__name__, op.name])
        stack.extend(node.input_tensors)
    return sorted(ops, key=lambda o: o[1])


def run_case(case):
    """``(result, operations, error)`` of the case's expression on paramscope."""
    naming.clear_session()
    backend_config.reset()
    namespace = _namespace()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = eval(compile(case["code"], f"<ops case {case['id']}>", "eval"), namespace)
        except ParamscopeError as e:
            return None, [], e
    return encode(value), operations(value), None


def check(case):
    result, ops, error = run_case(case)
    if case["error"] is not None:
        assert error is not None, (f"Keras raised {case['error']['type']}: "
                                   f"{case['error']['message'][:200]}; paramscope gave {result}")
        assert str(error).strip()
        return
    if case["id"] in VALUE_DEPENDENT:
        assert isinstance(error, NeedsComputationError), error
        return
    assert error is None, f"paramscope raised {type(error).__name__}: {error}"
    assert result == case["result"]
    assert ops == case["operations"]


def test_fixture_is_large():
    assert len(CASES) > 10000
    assert FIXTURE["keras_version"].startswith("3.15")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_keras_ops_case(case):
    check(case)
