#!/usr/bin/env python
"""Run Keras's own layer-test cases in real Keras 3.15.1 and record what Keras gives.

Developer tool, never imported by paramscope or by the tests.  Run it in the Keras 3
virtualenv with the JAX backend:

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_layer_tests.py \
        --tensorflow-site /work/venvs/k2/lib/python3.11/site-packages
        -> tests/golden/keras3_layer_tests.json.gz

Keras's tests run on JAX with TensorFlow installed (its CI installs both; HashedCrossing
computes with TensorFlow on every backend, and its test file imports it).  The Keras 3 venv
has no TensorFlow, so ``--tensorflow-site`` names a site-packages directory that has it
(the tf-keras venv's); it is put *after* the venv's own, so Keras, JAX and NumPy stay the
venv's.  The generator refuses to run without TensorFlow.

(The fixture sits beside ``keras3_reloaded.json.gz`` rather than in ``golden/keras3/``,
whose every file the model-summary harness reads as model cases.)

The cases are ``tools/cases/keras_layer_tests.py`` (made by tools/extract_layer_tests.py
from Keras's test files).  Each case is run the way ``TestCase.run_layer_test``
(keras/src/testing/test_case.py) runs it, after ``keras.backend.clear_session()``, stage
by stage, and every layer it makes is recorded as Keras gives it:

1. ``eager`` (with an input): a layer called on eager tensors; Keras's test counts its
   weights when the expected counts are not given.
2. ``init``: a new layer (``built``, ``supports_masking``), its config round trip
   (``cls.from_config(get_config())`` twice, as ``run_class_serialization_test`` does).
3. ``build``: a new layer, ``layer.build(input_shape)``.
4. ``symbolic``: a new layer called on ``KerasTensor`` inputs: output shapes, dtypes and
   masks, ``compute_mask`` when the test gives ``expected_mask_shape``.
5. ``instantiation`` (``assert_built_after_instantiation``): ``built`` of a new layer and
   of a subclass that overrides ``build``.
6. ``eager_call``: a new layer called on the eager tensors (the training step that
   follows in Keras's test is not run: it needs values, not shapes).
7. ``mixed_precision``: a new layer with ``dtype="mixed_float16"``: output dtypes (eager
   and ``compute_output_spec``), weight dtypes.

A layer's record: ``built``, ``weights`` (``[path, shape, dtype, trainable]``), the paths of
``trainable_weights``, ``non_trainable_weights`` and ``non_trainable_variables`` (with
seed-generator state), the number of seed generators, ``count_params()``,
``supports_masking``.  An exception ends the case: ``error`` names its stage, type and
message.  Output is deterministic (sorted keys, gzip with mtime 0, ``PYTHONHASHSEED=0``).

``--verify`` also runs Keras's own ``run_layer_test`` on every case (with its training
step; slow) and reports the cases whose Keras test fails, a check of the extraction.
"""

import argparse
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import make_golden  # noqa: E402  (the shared helpers: dump)

CASES = os.path.join(HERE, "cases", "keras_layer_tests.py")
OUT = os.path.join(ROOT, "tests", "golden", "keras3_layer_tests.json.gz")
GENERATOR = "tools/make_layer_tests.py v1"

_ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+")


def load_case_module(path=CASES):
    spec = importlib.util.spec_from_file_location("keras_layer_tests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _error(stage, exc):
    return {"stage": stage, "type": type(exc).__name__, "message": _ADDR_RE.sub(" at 0x...", str(exc))}


class Materializer:
    """Turns a case's encoded arguments into real Keras objects."""

    def __init__(self, keras, np, case):
        self.keras = keras
        self.np = np
        self.namespace = {}
        if case["definitions"]:
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
        parts = path.split(".")
        if parts[0] != "keras":
            raise ValueError(f"unknown reference {path}")
        obj = self.keras
        try:
            for p in parts[1:]:
                obj = getattr(obj, p)
        except AttributeError:
            # A class by its source name (keras.src.layers.GroupedQueryAttention, exported
            # as keras.layers.GroupQueryAttention).
            import keras.src.layers
            return getattr(getattr(keras.src, parts[1]), parts[-1])
        return obj

    def __call__(self, value):
        if isinstance(value, dict):
            if "__ref__" in value:
                return self.ref(value["__ref__"])
            if "__call__" in value:
                fn = self.ref(value["__call__"])
                return fn(*[self(a) for a in value["args"]],
                          **{k: self(v) for k, v in value["kwargs"].items()})
            if "__array__" in value:
                return self.array(value["__array__"])
            if "__lambda__" in value:
                return eval(value["__lambda__"], dict(self.namespace, keras=self.keras,
                                                      ops=self.keras.ops, np=self.np))
            if "__unevaluated__" in value:
                return None
            return {k: self(v) for k, v in value.items()}
        if isinstance(value, tuple):
            return tuple(self(v) for v in value)
        if isinstance(value, list):
            return [self(v) for v in value]
        return value

    def array(self, spec):
        np = self.np
        shape, dtype = tuple(spec["shape"]), spec["dtype"]
        if spec["values"] is not None:
            data = np.array(spec["values"], dtype=None if dtype == "string" else dtype)
        elif dtype == "string":
            data = np.full(shape, "a")
        elif "int" in dtype or dtype == "bool":
            data = np.full(shape, spec["low"] or 0, dtype=dtype)
        else:
            data = np.random.default_rng(0).random(shape).astype(dtype)
        if spec["sparse"]:
            import jax.experimental.sparse as jax_sparse
            return jax_sparse.BCOO.fromdense(data)
        if spec["kind"] == "tensor":
            return self.keras.ops.convert_to_tensor(data)
        return data


class Recorder:
    def __init__(self, tensorflow_site=None):
        os.environ.setdefault("KERAS_BACKEND", "jax")
        if os.environ["KERAS_BACKEND"] != "jax":
            sys.exit("the layer-test fixtures are generated with KERAS_BACKEND=jax")
        if tensorflow_site:
            sys.path.append(tensorflow_site)
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        try:
            import tensorflow  # noqa: F401 - Keras's layers import it where they need it
        except ImportError:
            sys.exit("Keras's layer tests run with TensorFlow installed: give a site-packages "
                     "directory that has it with --tensorflow-site")
        os.environ["KERAS_HOME"] = tempfile.mkdtemp(prefix="layer_tests_keras_home_")
        import numpy as np

        import keras
        from keras.src import backend, tree
        from keras.src.testing import test_case
        self.np, self.keras, self.backend, self.tree, self.tc = np, keras, backend, tree, test_case

    def versions(self):
        import jax
        import numpy
        import tensorflow
        return {"keras_version": self.keras.__version__, "jax_version": jax.__version__,
                "numpy_version": numpy.__version__, "tensorflow_version": tensorflow.__version__}

    # -- what a layer looks like ------------------------------------------------------------

    def layer_record(self, layer):
        rec = {
            "name": layer.name,
            "built": bool(layer.built),
            "weights": [[w.path, list(w.shape), w.dtype, bool(w.trainable)] for w in layer.weights],
            "trainable_weights": [w.path for w in layer.trainable_weights],
            "non_trainable_weights": [w.path for w in layer.non_trainable_weights],
            "non_trainable_variables": [[v.path, list(v.shape), v.dtype]
                                        for v in layer.non_trainable_variables],
            "seed_generators": len(self.tc.get_seed_generators(layer)),
            "supports_masking": bool(layer.supports_masking),
        }
        try:
            rec["count_params"] = layer.count_params()
        except Exception as e:  # noqa: BLE001 - Keras refuses for an unbuilt layer
            rec["count_params"] = None
            rec["count_params_error"] = type(e).__name__
        return rec

    def tensor_record(self, x):
        if x is None:
            return None
        rec = {"shape": [None if d is None else int(d) for d in x.shape],
               "dtype": self.backend.standardize_dtype(x.dtype)}
        sparse = getattr(x, "sparse", None)
        if sparse is None:
            sparse = type(x).__name__ == "BCOO"
        rec["sparse"] = bool(sparse)
        mask = getattr(x, "_keras_mask", None)
        if mask is not None:
            rec["mask_shape"] = [None if d is None else int(d) for d in mask.shape]
        return rec

    def structure(self, outputs):
        if isinstance(outputs, dict):
            return {str(k): self.structure(v) for k, v in outputs.items()}
        if isinstance(outputs, (list, tuple)):
            return [self.structure(v) for v in outputs]
        return self.tensor_record(outputs)

    # -- one case ------------------------------------------------------------------------------

    def run(self, case):
        keras, np = self.keras, self.np
        keras.backend.clear_session()
        np.random.seed(0)
        out = {"id": case["id"], "stages": {}, "error": None,
               "case": {"arguments": mark_tuples(case["arguments"]),
                        **{k: case[k] for k in ("definitions", "imports", "file",
                                                "keras_expects_error") if k in case}}}
        stage = "arguments"
        try:
            materialize = Materializer(keras, np, case)
            args = materialize(case["arguments"])
            for stage in ("eager", "init", "build", "symbolic", "instantiation", "eager_call",
                          "mixed_precision"):
                record = getattr(self, "stage_" + stage)(args)
                if record is not None:
                    out["stages"][stage] = record
        except Exception as e:  # noqa: BLE001 - recorded: paramscope must raise as well
            out["error"] = _error(stage, e)
        return out

    @staticmethod
    def _call(layer, inputs, call_kwargs):
        if isinstance(inputs, dict):
            return layer(**inputs, **call_kwargs)
        return layer(inputs, **call_kwargs)

    def _eager_inputs(self, args):
        if args.get("input_data") is not None:
            return args["input_data"]
        shape = args["input_shape"]
        dtype = args.get("input_dtype") or self.tree.map_shape_structure(lambda _: "float32", shape)
        return self.tc.create_eager_tensors(shape, dtype, args.get("input_sparse", False),
                                            args.get("input_ragged", False))

    @staticmethod
    def _has_input(args):
        return args.get("input_data") is not None or args.get("input_shape") is not None

    def _new(self, args, **extra):
        return args["layer_cls"](**{**(args.get("init_kwargs") or {}), **extra})

    def stage_eager(self, args):
        if not self._has_input(args):
            return None
        args["_eager_inputs"] = self._eager_inputs(args)
        layer = self._new(args)
        outputs = self._call(layer, args["_eager_inputs"], args.get("call_kwargs") or {})
        return {"layer": self.layer_record(layer), "outputs": self.structure(outputs),
                "losses": len(layer.losses)}

    def stage_init(self, args):
        layer = self._new(args)
        rec = {"layer": self.layer_record(layer), "serialization": None}
        from keras.src.saving import custom_object_scope, deserialize_keras_object
        from keras.src.saving import serialize_keras_object
        custom = args.get("custom_objects")
        try:
            config = layer.get_config()
            with custom_object_scope(custom):
                type(layer).from_config(config)
            serialized = serialize_keras_object(layer)
            with custom_object_scope(custom):
                deserialize_keras_object(json.loads(json.dumps(serialized)))
        except Exception as e:  # noqa: BLE001 - recorded, the case goes on
            rec["serialization"] = _error("init", e)
        return rec

    def _build_shape(self, args):
        if args.get("input_shape") is not None:
            return args["input_shape"]
        return self.tree.map_structure(lambda x: tuple(self.keras.ops.shape(x)), args["input_data"])

    def _keras_tensors(self, args):
        sparse, ragged = args.get("input_sparse", False), args.get("input_ragged", False)
        if args.get("input_shape") is None:
            return self.tree.map_structure(
                lambda x: self.tc.create_keras_tensors(self.keras.ops.shape(x), x.dtype, sparse,
                                                       ragged), args["input_data"])
        shape = args["input_shape"]
        dtype = args.get("input_dtype") or self.tree.map_shape_structure(lambda _: "float32", shape)
        return self.tc.create_keras_tensors(shape, dtype, sparse, ragged)

    def stage_build(self, args):
        if not self._has_input(args):
            return None
        shape = self._build_shape(args)
        layer = self._new(args)
        if isinstance(shape, dict):
            layer.build(**shape)
        else:
            layer.build(shape)
        return {"layer": self.layer_record(layer), "build_shape": _jsonable(shape)}

    def stage_symbolic(self, args):
        if not self._has_input(args):
            return None
        inputs = self._keras_tensors(args)
        args["_keras_tensors"] = inputs
        layer = self._new(args)
        outputs = self._call(layer, inputs, args.get("call_kwargs") or {})
        rec = {"layer": self.layer_record(layer), "outputs": self.structure(outputs),
               "inputs": self.structure(inputs)}
        if args.get("expected_mask_shape") is not None:
            mask = layer.compute_mask(inputs)
            rec["compute_mask_shape"] = None if mask is None else list(mask.shape)
        return rec

    def stage_instantiation(self, args):
        if not (self._has_input(args) and args.get("assert_built_after_instantiation")):
            return None
        layer = self._new(args)

        class ModifiedBuildLayer(args["layer_cls"]):
            def build(self, *a, **k):
                pass

        modified = ModifiedBuildLayer(**(args.get("init_kwargs") or {}))
        return {"built": bool(layer.built), "modified_build_built": bool(modified.built)}

    def stage_eager_call(self, args):
        if not self._has_input(args):
            return None
        layer = self._new(args)
        outputs = self._call(layer, args["_eager_inputs"], args.get("call_kwargs") or {})
        return {"layer": self.layer_record(layer), "outputs": self.structure(outputs),
                "losses": len(layer.losses)}

    def stage_mixed_precision(self, args):
        if not self._has_input(args) or args.get("run_mixed_precision_check", True) is False:
            return None
        layer = self._new(args, dtype="mixed_float16")
        KerasTensor = self.keras.KerasTensor
        spec = self.tree.map_structure(
            lambda s: KerasTensor(s.shape, dtype=(
                layer.compute_dtype if layer.autocast and self.backend.is_float_dtype(s.dtype)
                else s.dtype)), args["_keras_tensors"])
        outputs = self._call(layer, args["_eager_inputs"], args.get("call_kwargs") or {})
        if isinstance(args["_eager_inputs"], dict):
            output_spec = layer.compute_output_spec(**spec)
        else:
            output_spec = layer.compute_output_spec(spec)
        return {"layer": self.layer_record(layer),
                "output_dtypes": [self.backend.standardize_dtype(t.dtype)
                                  for t in self.tree.flatten(outputs)],
                "spec_dtypes": [self.backend.standardize_dtype(t.dtype)
                                for t in self.tree.flatten(output_spec)]}

    # -- Keras's own test, to check the extraction ------------------------------------------------

    def keras_test_passes(self, case):
        self.keras.backend.clear_session()
        tc = self.tc

        class Check(tc.TestCase):
            def runTest(self):
                pass

        materialize = Materializer(self.keras, self.np, case)
        args = {k: v for k, v in materialize(case["arguments"]).items()
                if not (isinstance(case["arguments"][k], dict)
                        and "__unevaluated__" in case["arguments"][k])}
        try:
            Check().run_layer_test(**args)
        except Exception as e:  # noqa: BLE001
            return f"{type(e).__name__}: {e}"
        return None


def mark_tuples(value):
    """JSON has no tuples, and ``run_layer_test`` tells a tuple of shapes from a list of
    them: a tuple is kept as ``{"__tuple__": [...]}``.  The fixture's keys are sorted, but
    the order of a case's arguments is the order Keras makes (and names) its objects in: a
    dict is kept as ``{"__dict__": [[key, value], ...]}``."""
    if isinstance(value, tuple):
        return {"__tuple__": [mark_tuples(v) for v in value]}
    if isinstance(value, list):
        return [mark_tuples(v) for v in value]
    if isinstance(value, dict):
        if any(k.startswith("__") for k in value):  # an encoded value ({"__call__": ...})
            return {k: mark_tuples(v) for k, v in value.items()}
        return {"__dict__": [[k, mark_tuples(v)] for k, v in value.items()]}
    return value


def _jsonable(x):
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    return None if x is None else int(x)


def expectation_mismatches(case, rec):
    """Where the recorded results contradict the Keras test's own expectations (the
    extraction is then wrong, or the test expects an error)."""
    a = case["arguments"]
    problems = []
    if rec["error"]:
        if not case["keras_expects_error"]:
            problems.append(f"raised {rec['error']['type']} at {rec['error']['stage']}")
        return problems
    if case["keras_expects_error"]:
        return ["expected an error, none raised"]
    sym = rec["stages"].get("symbolic")
    expected_shape = a.get("expected_output_shape")
    if sym and expected_shape is not None and not _shapes_match(expected_shape, sym["outputs"]):
        problems.append(f"output shape: test {expected_shape}, Keras {sym['outputs']}")
    if sym:
        layer = sym["layer"]
        for key, got in (("expected_num_trainable_weights", len(layer["trainable_weights"])),
                         ("expected_num_non_trainable_weights",
                          len(layer["non_trainable_weights"])),
                         ("expected_num_non_trainable_variables",
                          len(layer["non_trainable_variables"])),
                         ("expected_num_seed_generators", layer["seed_generators"])):
            if a.get(key) is not None and a[key] != got:
                problems.append(f"{key}: test {a[key]}, Keras {got}")
    return problems


def _shapes_match(expected, got):
    """``run_layer_test``'s ``verify_shape``: None in the expectation matches any size."""
    if isinstance(got, dict) and "shape" in got:
        shape = got["shape"]
        return len(shape) == len(expected) and all(
            e is None or e == d for e, d in zip(expected, shape))
    if isinstance(got, dict):
        return all(_shapes_match(expected[k], v) for k, v in got.items())
    if isinstance(expected, (list, tuple)) and expected and isinstance(expected[0], (list, tuple, dict)):
        return len(expected) == len(got) and all(_shapes_match(e, g) for e, g in zip(expected, got))
    return len(got) == 1 and _shapes_match(expected, got[0])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default=CASES)
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--only", action="append", default=[], help="case id prefix (repeatable)")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--show", help="print one case's record")
    parser.add_argument("--verify", action="store_true",
                        help="also run Keras's own run_layer_test on every case (slow)")
    parser.add_argument("--tensorflow-site", metavar="DIR",
                        help="a site-packages directory with TensorFlow (appended to sys.path)")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)
    module = load_case_module(args.cases)
    cases = module.CASES
    if args.show:
        cases = [c for c in cases if c["id"] == args.show]
    elif args.only:
        cases = [c for c in cases if any(c["id"].startswith(p) for p in args.only)]
    recorder = Recorder(args.tensorflow_site)
    records = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, case in enumerate(cases, 1):
            started = time.time()
            rec = recorder.run(case)
            if time.time() - started > 20:
                print(f"slow ({time.time() - started:.0f} s): {case['id']}")
            records.append(rec)
            for problem in expectation_mismatches(case, rec):
                print(f"check {case['id']}: {problem}")
            if args.verify and not case["keras_expects_error"]:
                failure = recorder.keras_test_passes(case)
                if failure:
                    print(f"keras test fails {case['id']}: {failure[:300]}")
    if args.show:
        print(json.dumps(records, indent=1))
        return 0
    errors = sum(1 for r in records if r["error"])
    print(f"{len(records)} cases run, {errors} raised (Keras), "
          f"{len(module.LEFT_OUT)} left out by the extractor")
    if args.dry_run or args.only:
        return 0
    data = {"generator": GENERATOR, "format_version": 1, "backend": "jax",
            **recorder.versions(), "left_out": module.LEFT_OUT, "cases": records}
    make_golden.dump(data, args.out)
    print(f"wrote {os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
