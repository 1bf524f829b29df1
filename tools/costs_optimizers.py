"""Optimizer state as real Keras builds it: the optimizers.json.gz part of tools/make_costs.py.

For every model of tools/cases/costs_optimizers.py: its trainable variables, weights bytes by
dtype, gradient bytes (one gradient per trainable variable, in its dtype); and for every optimizer
there, built with ``optimizer.build(model.trainable_variables)`` after a fresh
``keras.backend.clear_session()`` (so names do not depend on the run order), every variable of
``optimizer.variables`` (name, path, shape, dtype, bytes) and Keras's own totals
(``summary_utils.count_params`` / ``weight_memory_size`` of ``optimizer.variables``, what
``model.summary()`` prints as "Optimizer params"), plus ``keras.optimizers.serialize(optimizer)``.

Byte sizes are Keras's (``dtype_utils.dtype_size`` bits / 8).  Under JAX the ``iteration``
variable is int32 (Keras creates it with dtype "int", int64 under TensorFlow).
"""

import importlib.util
import math
import os
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def _bytes(variable):
    from keras.src.utils import dtype_utils
    return math.prod(variable.shape) * dtype_utils.dtype_size(str(variable.dtype)) // 8


def _variable(v):
    return {"name": v.name, "path": v.path, "shape": [int(d) for d in v.shape],
            "dtype": str(v.dtype), "bytes": _bytes(v)}


def _by_dtype(variables):
    out = {}
    for v in variables:
        entry = out.setdefault(str(v.dtype), {"count": 0, "bytes": 0})
        entry["count"] += math.prod(v.shape)
        entry["bytes"] += _bytes(v)
    return out


def model_record(model):
    trainable = model.trainable_variables
    return {
        "name": model.name,
        "trainable": [[v.path, [int(d) for d in v.shape], str(v.dtype)] for v in trainable],
        "weights_by_dtype": _by_dtype(model.weights),
        "trainable_by_dtype": _by_dtype(trainable),
        "non_trainable_by_dtype": _by_dtype(model.non_trainable_weights),
        "weights_bytes": sum(_bytes(v) for v in model.weights),
        "gradients_bytes": sum(_bytes(v) for v in trainable),
        "trainable_count": sum(math.prod(v.shape) for v in trainable),
    }


def optimizer_record(keras, model, spec):
    from keras.src.utils import summary_utils
    if spec["code"] == "compile":
        model.compile(optimizer=spec["identifier"], loss="mse")
        optimizer = model.optimizer
    else:
        optimizer = eval(spec["code"], {"keras": keras})  # noqa: S307 - our own case data
    optimizer.build(model.trainable_variables)
    variables = optimizer.variables
    config = keras.optimizers.serialize(optimizer)
    return {
        "id": spec["id"],
        "code": spec["code"],
        "identifier": spec["identifier"],
        "class_name": type(optimizer).__name__,
        "config": config,
        "deserializes": round_trips(keras, config),
        "variables": [_variable(v) for v in variables],
        "count": len(variables),
        "params": summary_utils.count_params(variables),
        "bytes": int(summary_utils.weight_memory_size(variables)),
    }


def identifiers(keras):
    """What ``keras.optimizers.get(name)`` gives for the lower-case name of every class."""
    out = {}
    for name in sorted(dir(keras.optimizers)):
        if not isinstance(getattr(keras.optimizers, name), type):
            continue
        keras.backend.clear_session()
        try:
            out[name.lower()] = {"class_name": type(keras.optimizers.get(name.lower())).__name__}
        except Exception as e:  # noqa: BLE001 - recorded
            out[name.lower()] = {"error": f"{type(e).__name__}: {e}"}
    return out


def round_trips(keras, config):
    """True if ``keras.optimizers.get(config)`` rebuilds an optimizer with the same serialized
    config, else what happened instead (Keras 3.15.1 raises for a Lamb config: Lamb is missing
    from ``keras.src.optimizers.ALL_OBJECTS``, ``deserialize`` returns the string "Lamb")."""
    import copy
    try:
        again = keras.optimizers.get(copy.deepcopy(config))
    except Exception as e:  # noqa: BLE001 - recorded
        return f"raises {type(e).__name__}: {e}"
    if isinstance(again, keras.optimizers.Optimizer):
        return keras.optimizers.serialize(again) == config or "a different config"
    return f"gives {type(again).__name__} {again!r}"


def _build_model(keras, code):
    ns = {"keras": keras, "layers": keras.layers}
    with keras.StatelessScope(initialize_variables=False):
        exec(compile(code, "<costs optimizer model>", "exec"), ns)  # noqa: S102
    return ns["model"]


def load_cases():
    spec = importlib.util.spec_from_file_location(
        "costs_optimizer_cases", os.path.join(HERE, "cases", "costs_optimizers.py"))
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    return cases


def run(versions):
    """The optimizers fixture (a dict); ``versions`` is added to its top level."""
    import keras
    cases = load_cases()
    models = []
    for model_case in cases.MODELS:
        keras.backend.clear_session()
        record = dict(model_record(_build_model(keras, model_case["code"])),
                      id=model_case["id"], code=model_case["code"].strip("\n") + "\n")
        record["optimizers"] = []
        for opt in cases.OPTIMIZERS:
            keras.backend.clear_session()
            model = _build_model(keras, model_case["code"])
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                record["optimizers"].append(optimizer_record(keras, model, opt))
        models.append(record)
        print(f"  optimizers for {record['id']}: {len(record['optimizers'])}", flush=True)
    keras.backend.clear_session()
    data = {"format_version": 1, "generator": "tools/make_costs.py v1 (costs_optimizers)",
            "models": models, "identifiers": identifiers(keras)}
    data.update(versions)
    problems = check_optimizers(data)
    for p in problems:
        print("  PROBLEM", p)
    if problems:
        raise SystemExit("optimizers fixture is inconsistent")
    return data


def check_optimizers(data):
    """Internal consistency (tests/test_costs_fixtures.py checks the same on the file)."""
    problems = []
    for m in data["models"]:
        trainable = sum(math.prod(shape) for _, shape, _ in m["trainable"])
        if trainable != m["trainable_count"]:
            problems.append(f"{m['id']}: trainable count")
        for o in m["optimizers"]:
            where = f"{m['id']}/{o['id']}"
            if o["count"] != len(o["variables"]):
                problems.append(f"{where}: count")
            if o["params"] != sum(math.prod(v["shape"]) for v in o["variables"]):
                problems.append(f"{where}: params")
            if o["bytes"] != sum(v["bytes"] for v in o["variables"]):
                problems.append(f"{where}: bytes (a variable listed twice?)")
    return problems
