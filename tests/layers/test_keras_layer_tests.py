"""Keras 3.15.1's own layer tests (the ``run_layer_test`` cases of keras/src/layers), on paramscope.

Fixture: tests/golden/keras3_layer_tests.json.gz, made by tools/make_layer_tests.py in real
Keras 3.15.1 (JAX) from the cases tools/extract_layer_tests.py extracted from Keras's test
files.  Each record holds the case's arguments and what Keras gave, stage by stage, the way
``TestCase.run_layer_test`` runs a layer; this test runs the same stages on paramscope (after
``keras.backend.clear_session()``, so layer names count up the same way) and compares: the
layer's name, built or not, every weight's path/shape/dtype/trainable, the trainable /
non-trainable weights, the non-trainable variables (seed-generator state included), the
number of seed generators, ``count_params()``, ``supports_masking``, output shapes, dtypes,
sparseness and masks, the mixed-precision dtypes, and whether Keras raised.  Where Keras
raised, paramscope must raise a ParamscopeError (its own wording), at the same stage.

Keras's eager calls are run symbolically here (paramscope has no values): on a KerasTensor
of the eager tensor's shape and dtype (JAX's 32-bit defaults: NumPy's float64/int64 arrays
become float32/int32 tensors, as Keras converts them).
"""

import json
import os
import re
import warnings

import pytest

from conftest import GOLDEN, load_golden
import paramscope.keras as keras
from paramscope import tree
from paramscope.errors import ParamscopeError
from paramscope.keras import shim

FIXTURE = "keras3_layer_tests.json.gz"
DATA = load_golden(FIXTURE) if os.path.exists(os.path.join(GOLDEN, FIXTURE)) else {"cases": []}
RECORDS = DATA["cases"]

#: JAX without x64: what NumPy arrays become when Keras converts them.
JAX_DTYPES = {"float64": "float32", "int64": "int32", "uint64": "uint32"}
STAGES = ("eager", "init", "build", "symbolic", "instantiation", "eager_call", "mixed_precision")


class ArrayValue:
    """A stand-in for an array argument: its shape and dtype (paramscope needs no values)."""

    def __init__(self, spec):
        self.shape = tuple(spec["shape"])
        self.dtype = spec["dtype"]
        self.sparse = spec["sparse"]
        self.kind = spec["kind"]
        self.values = spec["values"]

    def eager_tensor(self):
        dtype = self.dtype if self.kind == "tensor" else JAX_DTYPES.get(self.dtype, self.dtype)
        return keras.KerasTensor(self.shape, dtype=dtype, sparse=self.sparse)

    def symbolic_tensor(self, sparse):
        """Keras's test: a KerasTensor of the data's shape and dtype, sparse as the test says."""
        return keras.KerasTensor(self.shape, dtype=self.dtype, sparse=sparse)

    def as_argument(self):
        """A constructor argument (Normalization's mean, a Lambda's mask): a NumPy array."""
        import numpy as np
        if self.values is not None:
            return np.array(self.values, dtype=None if self.dtype == "string" else self.dtype)
        return np.zeros(self.shape, dtype=self.dtype)


class Materializer:
    """A case's encoded arguments as paramscope objects (the generator's, for paramscope)."""

    def __init__(self, case):
        self.namespace = {}
        if case["definitions"]:
            with shim.installed():
                for line in case.get("imports", ()):
                    try:
                        exec(line, self.namespace)
                    except ImportError:
                        pass
                for source in case["definitions"].values():
                    exec(source, self.namespace)

    def ref(self, path):
        if path.startswith("local:"):
            return self.namespace[path[len("local:"):]]
        obj = keras
        for part in path.split(".")[1:]:
            obj = getattr(obj, part)
        return obj

    def __call__(self, value):
        if isinstance(value, dict):
            if "__ref__" in value:
                return self.ref(value["__ref__"])
            if "__call__" in value:
                fn = self.ref(value["__call__"])
                return fn(*as_argument(self(value["args"])),
                          **as_argument(self(value["kwargs"])))
            if "__array__" in value:
                return ArrayValue(self(value["__array__"]))
            if "__lambda__" in value:
                return eval(value["__lambda__"], dict(self.namespace, keras=keras, ops=keras.ops))
            if "__unevaluated__" in value:
                return None
            if "__tuple__" in value:
                return tuple(self(v) for v in value["__tuple__"])
            if "__dict__" in value:
                return {k: self(v) for k, v in value["__dict__"]}
            return {k: self(v) for k, v in value.items()}
        if isinstance(value, tuple):
            return tuple(self(v) for v in value)
        if isinstance(value, list):
            return [self(v) for v in value]
        return value


def as_argument(value):
    """Array arguments of constructors as NumPy arrays (the rest as it is)."""
    if isinstance(value, ArrayValue):
        return value.as_argument()
    if isinstance(value, (list, tuple, dict)):
        return tree.map_structure(
            lambda v: v.as_argument() if isinstance(v, ArrayValue) else v, value)
    return value


def seed_generators(layer):
    """keras/src/testing/test_case.py ``get_seed_generators``."""
    found, seen = [], set()
    for sublayer in layer._flatten_layers(True, True):
        for sg in sublayer._seed_generators:
            if id(sg) not in seen:
                found.append(sg)
                seen.add(id(sg))
    return found


def layer_record(layer):
    rec = {
        "name": layer.name,
        "built": bool(layer.built),
        "weights": [[w.path, list(w.shape), w.dtype, bool(w.trainable)] for w in layer.weights],
        "trainable_weights": [w.path for w in layer.trainable_weights],
        "non_trainable_weights": [w.path for w in layer.non_trainable_weights],
        "non_trainable_variables": [[v.path, list(v.shape), v.dtype]
                                    for v in layer.non_trainable_variables],
        "seed_generators": len(seed_generators(layer)),
        "supports_masking": bool(layer.supports_masking),
    }
    try:
        rec["count_params"] = layer.count_params()
    except ParamscopeError:  # an unbuilt layer: Keras raises a ValueError
        rec["count_params"] = None
        rec["count_params_error"] = "ValueError"
    return rec


def eager_dtype(dtype):
    """An eager JAX array's dtype: 32 bits at most (x64 off), whatever the layer asked for
    (HashedCrossing's int64 output is an int32 array)."""
    return JAX_DTYPES.get(dtype, dtype)


def tensor_record(x, eager=False):
    if x is None:
        return None
    rec = {"shape": list(x.shape), "dtype": eager_dtype(x.dtype) if eager else x.dtype,
           "sparse": bool(getattr(x, "sparse", False))}
    mask = getattr(x, "_keras_mask", None)
    if mask is not None:
        rec["mask_shape"] = list(mask.shape)
    return rec


def structure(outputs, eager=False):
    if isinstance(outputs, dict):
        return {str(k): structure(v, eager) for k, v in outputs.items()}
    if isinstance(outputs, (list, tuple)):
        return [structure(v, eager) for v in outputs]
    return tensor_record(outputs, eager)


class Runner:
    """``run_layer_test``'s stages on paramscope (tools/make_layer_tests.py for Keras)."""

    def __init__(self, args):
        self.args = args
        self.init_kwargs = as_argument(args.get("init_kwargs") or {})
        self.call_kwargs = as_argument(args.get("call_kwargs") or {})
        self.has_input = args.get("input_data") is not None or args.get("input_shape") is not None

    def new(self, **extra):
        return self.args["layer_cls"](**{**self.init_kwargs, **extra})

    def call(self, layer, inputs):
        if isinstance(inputs, dict):
            return layer(**inputs, **self.call_kwargs)
        return layer(inputs, **self.call_kwargs)

    def _dtype_structure(self):
        shape = self.args["input_shape"]
        dtype = self.args.get("input_dtype")
        if dtype is None:
            dtype = tree.map_shape_structure(lambda _: "float32", shape)
        return shape, dtype

    def inputs(self, eager):
        """The inputs as KerasTensors: Keras's eager tensors (``eager``) or its KerasTensors."""
        sparse = self.args.get("input_sparse", False)
        data = self.args.get("input_data")
        if data is not None:
            return tree.map_structure(
                lambda a: a.eager_tensor() if eager else a.symbolic_tensor(sparse), data)
        shape, dtype = self._dtype_structure()
        make = lambda s, d: keras.KerasTensor(s, dtype=JAX_DTYPES.get(d, d) if eager else d,
                                              sparse=sparse)
        if isinstance(shape, dict):  # {"query_shape": ...}: the call's {"query": ...}
            return {k[:-len("_shape")] if k.endswith("_shape") else k: make(v, dtype[k])
                    for k, v in shape.items()}
        return map_shape_dtype(make, shape, dtype)

    def stage_eager(self):
        if not self.has_input:
            return None
        layer = self.new()
        outputs = self.call(layer, self.inputs(eager=True))
        return {"layer": layer_record(layer), "outputs": structure(outputs, eager=True)}

    def stage_init(self):
        return {"layer": layer_record(self.new())}

    def stage_build(self):
        if not self.has_input:
            return None
        data = self.args.get("input_data")
        if data is not None:
            shape = tree.map_structure(lambda a: a.shape, data)
        else:
            shape = self.args["input_shape"]
        layer = self.new()
        if isinstance(shape, dict):
            layer.build(**shape)
        else:
            layer.build(shape)
        return {"layer": layer_record(layer)}

    def stage_symbolic(self):
        if not self.has_input:
            return None
        self.keras_tensors = inputs = self.inputs(eager=False)
        layer = self.new()
        outputs = self.call(layer, inputs)
        rec = {"layer": layer_record(layer), "outputs": structure(outputs),
               "inputs": structure(inputs)}
        if self.args.get("expected_mask_shape") is not None:
            mask = layer.compute_mask(inputs)
            rec["compute_mask_shape"] = None if mask is None else list(mask.shape)
        return rec

    def stage_instantiation(self):
        if not (self.has_input and self.args.get("assert_built_after_instantiation")):
            return None
        layer = self.new()

        class ModifiedBuildLayer(self.args["layer_cls"]):
            def build(self, *a, **k):
                pass

        modified = ModifiedBuildLayer(**self.init_kwargs)
        return {"built": bool(layer.built), "modified_build_built": bool(modified.built)}

    def stage_eager_call(self):
        return self.stage_eager()

    def stage_mixed_precision(self):
        if not self.has_input or self.args.get("run_mixed_precision_check", True) is False:
            return None
        layer = self.new(dtype="mixed_float16")
        float_dtype = lambda d: "float" in d
        spec = tree.map_structure(lambda t: keras.KerasTensor(t.shape, dtype=(
            layer.compute_dtype if layer.autocast and float_dtype(t.dtype) else t.dtype)),
            self.keras_tensors)
        outputs = self.call(layer, self.inputs(eager=True))
        if isinstance(spec, dict):
            output_spec = layer.compute_output_spec(**spec)
        else:
            output_spec = layer.compute_output_spec(spec)
        return {"layer": layer_record(layer),
                "output_dtypes": [eager_dtype(t.dtype) for t in tree.flatten(outputs)],
                "spec_dtypes": [t.dtype for t in tree.flatten(output_spec)]}


def map_shape_dtype(fn, shape, dtype):
    """keras/src/testing/test_case.py ``map_shape_dtype_structure``."""
    if is_shape_tuple(shape):
        return fn(tuple(shape), dtype)
    if isinstance(shape, list):
        return [map_shape_dtype(fn, s, d) for s, d in zip(shape, dtype)]
    if isinstance(shape, tuple):
        return tuple(map_shape_dtype(fn, s, d) for s, d in zip(shape, dtype))
    if isinstance(shape, dict):
        return {k: map_shape_dtype(fn, v, dtype[k]) for k, v in shape.items()}
    raise ValueError(f"cannot map {shape!r}")


def is_shape_tuple(x):
    return isinstance(x, (list, tuple)) and all(isinstance(e, (int, type(None))) for e in x)


def run_case(record):
    """Run a case on paramscope: ``(stages, error stage or None)``."""
    keras.backend.clear_session()
    stages, stage = {}, "arguments"
    try:
        args = Materializer(record["case"])(record["case"]["arguments"])
        runner = Runner(args)
        for stage in STAGES:
            rec = getattr(runner, "stage_" + stage)()
            if rec is not None:
                stages[stage] = rec
    except ParamscopeError:
        return stages, stage
    return stages, None


_SEED_NUMBER = re.compile(r"\bseed_generator(_\d+)?/")


def _comparable(stage, rec):
    """What is compared of a stage's record.

    Not compared: Keras's losses, its config round trip (``serialization``), and the numbers
    of auto-named seed generators (``seed_generator_7/seed_generator_state``): Keras's test
    harness makes some of its own (its global seed generator on its first random input,
    two more layers from each config), so the number says more about the harness than the
    layer.  The seed states' count, order, scope and shape are compared.
    """
    rec = {k: v for k, v in rec.items() if k not in ("losses", "build_shape", "serialization")}
    return _without_seed_numbers(rec)


def _without_seed_numbers(value):
    if isinstance(value, str):
        return _SEED_NUMBER.sub("seed_generator#/", value)
    if isinstance(value, list):
        return [_without_seed_numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_seed_numbers(v) for k, v in value.items()}
    return value


def differences(got, want, where):
    """``where: paramscope ... Keras ...`` for each difference of two records."""
    if isinstance(got, dict) and isinstance(want, dict):
        out = []
        for key in sorted(set(got) | set(want), key=str):
            out += differences(got.get(key, "<missing>"), want.get(key, "<missing>"),
                               f"{where}.{key}")
        return out
    if got != want:
        return [f"{where}: paramscope {got!r}, Keras {want!r}"]
    return []


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_keras_layer_test_case(record):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got, error_stage = run_case(record)
    expected = record["error"]
    for stage, want in record["stages"].items():
        assert stage in got, f"paramscope raised at stage {error_stage!r}; Keras did not"
        problems = differences(_comparable(stage, got[stage]), _comparable(stage, want), stage)
        assert not problems, "paramscope differs from Keras:\n" + "\n".join(problems[:12])
    if expected is None:
        assert error_stage is None, f"paramscope raised at stage {error_stage!r}; Keras did not"
    else:
        assert error_stage == expected["stage"], (
            f"Keras raised {expected['type']} at stage {expected['stage']!r} "
            f"({expected['message'][:200]}); paramscope raised at {error_stage!r}")


def test_fixture_covers_the_extracted_cases():
    assert DATA["keras_version"] == "3.15.1"
    assert len(RECORDS) >= 500
    assert all(item["reason"] for item in DATA["left_out"])


# -- what issue 8 item 5 names, each present in the fixture (and passed above) ----------------

def _stage_layers(record):
    return [(stage, rec["layer"]) for stage, rec in record["stages"].items() if "layer" in rec]


def _layer_class(record):
    arguments = dict(record["case"]["arguments"]["__dict__"])
    return arguments["layer_cls"].get("__ref__")


def _weightless_build(record):
    build = record["stages"].get("build")
    init = record["stages"].get("init")
    return (build and init and not init["layer"]["built"] and build["layer"]["built"]
            and build["layer"]["count_params"] == 0 and not build["layer"]["weights"])


def _lambda_mask(record):
    symbolic = record["stages"].get("symbolic")
    return (_layer_class(record) == "keras.layers.Lambda" and symbolic
            and symbolic["layer"]["supports_masking"])


def _wrapper_path(record):
    return any(w[0].startswith("spectral_normalization/dense/")
               for _, layer in _stage_layers(record) for w in layer["weights"])


def _reused_cell(record):
    """A layer whose weights were built by an earlier layer keep that layer's paths."""
    return _layer_class(record) == "keras.layers.RNN" and any(
        layer["weights"] and not layer["weights"][0][0].startswith(layer["name"] + "/")
        for _, layer in _stage_layers(record))


def _seed_state(kind):
    def check(record):
        return _layer_class(record) == kind and any(
            v[0].endswith("seed_generator_state") for _, layer in _stage_layers(record)
            for v in layer["non_trainable_variables"])
    return check


def _quantized(kind, policy, variable):
    def check(record):
        text = json.dumps(record["case"]["arguments"])
        return _layer_class(record) == kind and policy in text and any(
            w[0].endswith("/" + variable) for _, layer in _stage_layers(record)
            for w in layer["weights"])
    return check


ISSUE_ITEMS = {
    "explicit build of a layer without weights": _weightless_build,
    "Lambda(mask=...) supports masking": _lambda_mask,
    "wrapper paths (spectral_normalization/dense/kernel)": _wrapper_path,
    "re-used cells keep their paths": _reused_cell,
    "seed state: Dropout": _seed_state("keras.layers.Dropout"),
    "seed state: RandomX": _seed_state("keras.layers.RandomFlip"),
    "seed state: RNN with dropout": _seed_state("keras.layers.RNN"),
    "int4 Dense packed kernel": _quantized("keras.layers.Dense", "int4_from", "kernel"),
    "float8 Dense amax history": _quantized("keras.layers.Dense", "float8_from",
                                            "kernel_amax_history"),
    "int4 Embedding": _quantized("keras.layers.Embedding", "int4_from", "embeddings_scale"),
}


@pytest.mark.parametrize("item", sorted(ISSUE_ITEMS))
def test_fixture_holds_the_issue_item(item):
    records = [r for r in RECORDS if ISSUE_ITEMS[item](r)]
    assert records, f"no Keras layer-test case shows {item!r}"
    for record in records:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got, error_stage = run_case(record)
        assert error_stage is None
        for stage, want in record["stages"].items():
            assert not differences(_comparable(stage, got[stage]), _comparable(stage, want), stage)
