"""The models of tests/golden/costs/macs.json.gz, built once per test session (shared by the
golden comparison and the README table test)."""

import functools

import paramscope.keras as keras
from conftest import GOLDEN_BUILDS, load_golden
from paramscope import backend_config, naming
from paramscope.costs.macs import model_costs

MACS = load_golden("costs", "macs.json.gz")
BY_ID = {case["id"]: case for case in MACS["models"]}


def build_case(case):
    """The model of a fixture case, built as the other golden tests build it (a case with
    code: the session's build of that golden case, shared with them)."""
    if "code" in case:
        return GOLDEN_BUILDS.model(case)
    naming.clear_session()
    backend_config.reset()
    app = case["application"]
    return getattr(keras.applications, app["function"])(weights=None, **app["kwargs"])


@functools.lru_cache(maxsize=None)
def costs_of(case_id):
    """paramscope's ModelCosts of a fixture case (no reference to the model is kept)."""
    return model_costs(build_case(BY_ID[case_id]))
