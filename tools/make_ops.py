#!/usr/bin/env python
"""Golden fixtures for ``keras.ops`` and ``keras.random`` from REAL Keras 3 (JAX backend).

A developer tool: never imported by paramscope or the tests.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_ops.py

writes two files:

* ``tests/golden/ops/keras3_api.json`` -- every public name of ``keras.ops`` (and its
  ``numpy``/``nn``/``linalg``/``image`` submodules) and ``keras.random`` with its signature:
  the test that fails when paramscope lacks one of them reads it.
* ``tests/golden/ops/keras3_ops.json.gz`` -- every case of ``tools/cases/ops_cases.py``
  (plain data: an expression calling an op) evaluated by Keras: the structure of the result
  (symbolic tensors with shape, dtype and sparse flag; concrete arrays with shape and dtype;
  Python values), or the error Keras raised (type and message), and the operations recorded
  in the graph (class name and auto-name), as a Functional model would list them.

In a case, ``T(*shape, dtype=..., sparse=...)`` is a symbolic tensor (``keras.Input`` with
that ``batch_shape``) and ``C(*shape, dtype=...)`` a concrete array of that shape (NumPy
ones).  Each case starts from ``keras.backend.clear_session()``.  Output is deterministic
(sorted keys, gzip with mtime 0, ``PYTHONHASHSEED=0``).
"""

import argparse
import inspect
import json
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import make_golden  # noqa: E402  (the shared helpers: dump, error records, environment)

GENERATOR = "tools/make_ops.py v1"
OUT_DIR = os.path.join(ROOT, "tests", "golden", "ops")


def api_record(keras):
    """Public functions of keras.ops (by namespace) and keras.random, with signatures."""
    def functions(module):
        out = {}
        for name in sorted(dir(module)):
            if name.startswith("_"):
                continue
            value = getattr(module, name)
            if inspect.ismodule(value):
                continue
            try:
                sig = inspect.signature(value)
                signature = str(sig)
                params = [[p.name, p.kind.name] for p in sig.parameters.values()]
            except (TypeError, ValueError):
                signature = params = None
            out[name] = {"signature": signature, "parameters": params,
                         "kind": "class" if inspect.isclass(value) else "function"}
        return out

    record = {"ops": functions(keras.ops), "random": functions(keras.random)}
    for sub in ("numpy", "nn", "linalg", "image", "core", "math"):
        module = getattr(keras.ops, sub, None)
        if module is not None and inspect.ismodule(module):
            record[f"ops.{sub}"] = functions(module)
    return record


class Evaluator:
    def __init__(self, keras):
        import numpy as np
        self.keras = keras
        self.np = np
        from keras.src.backend.common.keras_tensor import KerasTensor
        self.KerasTensor = KerasTensor

    def namespace(self):
        keras, np = self.keras, self.np

        def T(*shape, dtype="float32", sparse=False):
            return keras.Input(batch_shape=shape, dtype=dtype, sparse=sparse)

        def C(*shape, dtype="float32"):
            return np.ones(shape, dtype=dtype)

        return {"keras": keras, "ops": keras.ops, "random": keras.random, "T": T, "C": C}

    def encode(self, value):
        np = self.np
        if isinstance(value, self.KerasTensor):
            return {"kind": "sym", "shape": make_golden._jsonable(value.shape),
                    "dtype": str(value.dtype), "sparse": bool(value.sparse)}
        if hasattr(value, "shape") and hasattr(value, "dtype") and not isinstance(value, type):
            dtype = value.dtype
            return {"kind": "val", "shape": [int(d) for d in value.shape],
                    "dtype": str(getattr(dtype, "name", dtype))}
        if isinstance(value, (bool, int, float, str)) or value is None:
            return {"kind": "py", "type": type(value).__name__, "value": value}
        if isinstance(value, (np.integer, np.floating, np.bool_)):
            return {"kind": "py", "type": type(value).__name__, "value": value.item()}
        if isinstance(value, (list, tuple)):
            return {"kind": type(value).__name__, "items": [self.encode(v) for v in value]}
        if isinstance(value, dict):
            return {"kind": "dict", "items": {str(k): self.encode(v) for k, v in value.items()}}
        return {"kind": "other", "type": type(value).__name__}

    def operations(self, value):
        """Operations recorded between the case's inputs and its symbolic outputs."""
        seen, ops = set(), []
        stack = [t for t in self.keras.tree.flatten(value) if isinstance(t, self.KerasTensor)]
        while stack:
            tensor = stack.pop()
            history = getattr(tensor, "_keras_history", None)
            if history is None or history.operation is None:
                continue
            op = history.operation
            node = op._inbound_nodes[history.node_index]
            if id(node) in seen:
                continue
            seen.add(id(node))
            if type(op).__name__ != "InputLayer":
                ops.append([type(op).__name__, op.name])
            stack.extend(node.input_tensors)
        return sorted(ops, key=lambda o: o[1])

    def run(self, case):
        self.keras.backend.clear_session(free_memory=False)
        out = {"id": case["id"], "code": case["code"], "error": None, "result": None,
               "operations": [], "warnings": []}
        ns = self.namespace()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                value = eval(compile(case["code"], f"<ops case {case['id']}>", "eval"), ns)
                out["result"] = self.encode(value)
                out["operations"] = self.operations(value)
            except Exception as e:  # noqa: BLE001 - every failure is recorded
                out["error"] = make_golden._error(e)
        out["warnings"] = sorted({make_golden._clean(w.message) for w in caught
                                  if not issubclass(w.category, (DeprecationWarning,
                                                                 ImportWarning))})
        return out


def _ensure_fixed_hash_seed():
    """Some Keras messages print sets: re-run with PYTHONHASHSEED=0 for stable output."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)


def main(argv=None):
    _ensure_fixed_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], help="only cases whose id starts "
                    "with this prefix (repeatable); implies --dry-run")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--show", action="append", default=[], help="print these case ids")
    args = ap.parse_args(argv)
    make_golden._prepare_environment("keras3")
    import keras

    cases = make_golden.load_cases(os.path.join(HERE, "cases", "ops_cases.py"))
    ids = [c["id"] for c in cases]
    if len(ids) != len(set(ids)):
        sys.exit("duplicate case ids: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    if args.only:
        cases = [c for c in cases if any(c["id"].startswith(p) for p in args.only)]
        args.dry_run = True
    evaluator = Evaluator(keras)
    t0 = time.time()
    records = [evaluator.run(c) for c in cases]
    n_err = sum(r["error"] is not None for r in records)
    print(f"{len(records)} cases in {time.time() - t0:.1f}s: {len(records) - n_err} ok, "
          f"{n_err} raised")
    for r in records:
        if r["id"] in args.show or (args.only and len(records) < 40):
            print(json.dumps(r, sort_keys=True))
    if args.dry_run:
        return 0
    from importlib.metadata import version
    versions = {"keras_version": keras.__version__, "backend": keras.backend.backend(),
                "jax_version": version("jax"), "generator": GENERATOR}
    api = dict(versions, api=api_record(keras))
    os.makedirs(OUT_DIR, exist_ok=True)
    api_path = os.path.join(OUT_DIR, "keras3_api.json")
    with open(api_path, "w", encoding="utf-8") as f:
        json.dump(api, f, sort_keys=True, indent=1)
        f.write("\n")
    data = dict(versions, cases=records)
    raw, packed, changed = make_golden.dump(data, os.path.join(OUT_DIR, "keras3_ops.json.gz"))
    print(f"wrote tests/golden/ops/keras3_api.json and tests/golden/ops/keras3_ops.json.gz: "
          f"{packed / 1024:.1f} KiB gzip ({raw / 1024:.1f} KiB raw)"
          f"{'' if changed else ' (unchanged)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
