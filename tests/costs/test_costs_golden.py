"""paramscope's per-layer MACs and activation bytes against real Keras 3.15, for every model of
tests/golden/costs/macs.json.gz (1,758 models: every golden case that builds in Keras 3, the
cost cases, every keras.applications architecture), and the optimizer variables against
optimizers.json.gz (6 models x 33 optimizers).  Fixtures: tools/make_costs.py (README there)."""

import pytest

import paramscope.keras as keras
from conftest import build_from_code, load_golden
from costs_cases import MACS, build_case, costs_of
from paramscope import naming
from paramscope.costs.optimizers import build_state, resolve
from paramscope.errors import LayerError

OPTIMIZERS = load_golden("costs", "optimizers.json.gz")

#: Where paramscope and the fixture legitimately differ, each with what paramscope does.
#: - int_dtype_dense_error: the generator builds inside a StatelessScope that never runs
#:   initializers; Keras itself (and paramscope) reject glorot_uniform on an int32 kernel.
RAISES = {"dtype/int_dtype_dense_error": LayerError}
#: - equalization: Keras's Equalization returns its input KerasTensor from
#:   compute_output_spec, so its node drops out of the Sequential's graph (0 calls, no
#:   activation figure); paramscope records the call (1 call, 3,072 bytes).  MACs agree.
CALL_DIFFERENCES = {("preprocessing/image/equalization", "equalization"): (1, 3072)}


def _compare_rows(case_id, rows, expected, where=""):
    assert [r.name for r in rows] == [e["name"] for e in expected], (case_id, where)
    for row, want in zip(rows, expected):
        assert row.macs == want["macs"], (case_id, where, row.name, row.explain)
        got = (row.calls, row.activation_bytes)
        known = CALL_DIFFERENCES.get((case_id, row.name))
        assert got == (known or (want["calls"], want["activation_bytes"])), (case_id, row.name)
        assert row.operation == bool(want.get("operation")), (case_id, row.name)
        if "model" in want:
            assert row.model.macs == want["model"]["macs"], (case_id, row.name)
            _compare_rows(case_id, row.model.rows, want["model"]["layers"], f"{where}/{row.name}")


def _chunks(n):
    models = MACS["models"]
    size = -(-len(models) // n)
    return [models[i:i + size] for i in range(0, len(models), size)]


@pytest.mark.parametrize("chunk", _chunks(8), ids=lambda c: f"{c[0]['id']}..")
def test_macs_and_activations_match_keras(chunk):
    for case in chunk:
        if case["id"] in RAISES:
            with pytest.raises(RAISES[case["id"]]):
                build_case(case)
            continue
        costs = costs_of(case["id"])
        _compare_rows(case["id"], costs.rows, case["layers"])
        assert costs.macs == case["macs"], case["id"]
        assert costs.input_bytes == case["input_bytes"], case["id"]
        if not any(k[0] == case["id"] for k in CALL_DIFFERENCES):
            assert costs.activation_bytes == case["activation_bytes"], case["id"]


def test_every_fixture_model_is_compared():
    assert len(MACS["models"]) == 1758
    assert sum(len(c) for c in _chunks(8)) == len(MACS["models"])


def _optimizer_specs(model, opt):
    """Each way the fixture's optimizer can reach paramscope: its serialized config (when Keras
    deserializes it), its identifier, its constructor code, or model.compile."""
    if opt["code"] == "compile":
        naming.clear_session()
        model.compile(optimizer=opt["identifier"], loss="mse")
        return [("compile", model.optimizer)]
    specs = []
    if opt["deserializes"] is True:
        specs.append(("config", opt["config"]))
    if opt["identifier"]:
        specs.append(("identifier", opt["identifier"]))
    if "MultiOptimizer" not in opt["code"]:  # paramscope.keras has no MultiOptimizer class
        specs.append(("code", opt["code"]))
    return specs


CASES = [(m, o) for m in OPTIMIZERS["models"] for o in m["optimizers"]]


@pytest.mark.parametrize("model_case,opt", CASES,
                         ids=[f"{m['id']}-{o['id']}" for m, o in CASES])
def test_optimizer_variables_match_keras(model_case, opt):
    model = build_from_code(model_case["code"])["model"]
    weights = model.trainable_weights
    assert [[w.path, list(w.shape), w.dtype] for w in weights] == model_case["trainable"]
    specs = _optimizer_specs(model, opt)
    assert specs
    for how, spec in specs:
        naming.clear_session()
        if how == "code":
            spec = eval(spec, {"keras": keras})  # noqa: S307 - the fixture's own constructor
        state = build_state(resolve(spec), weights)
        got = [v.to_dict() for v in state.variables]
        want = opt["variables"]
        if opt["class_name"] == "MultiOptimizer":
            # the serialized OptimizerMap's keys are sorted in the fixture (JSON sort_keys),
            # which reorders the inner optimizers; the variables themselves are the same
            key = lambda v: (v["path"], v["shape"], v["dtype"])  # noqa: E731
            got, want = sorted(got, key=key), sorted(want, key=key)
        assert got == want, (how, opt["id"])
        assert (len(state.variables), state.params, state.bytes) == (
            opt["count"], opt["params"], opt["bytes"])
        assert state.class_name == opt["class_name"]


def test_lamb_json_is_rejected_as_keras_rejects_it():
    lamb = next(o for o in OPTIMIZERS["models"][0]["optimizers"] if o["id"] == "lamb")
    assert lamb["deserializes"] != True  # noqa: E712 - Keras's get() raises on it
    with pytest.raises(Exception, match="Could not interpret optimizer identifier"):
        resolve(lamb["config"])
