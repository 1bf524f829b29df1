#!/usr/bin/env python
"""Generate golden fixtures for paramscope from REAL Keras.

This script is a developer tool.  It must never be imported by paramscope or
by the test-suite; it needs a Keras installation and is run inside the Keras
virtualenvs (see tools/README.md):

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py --backend keras3
    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras

For every case of tools/golden_cases.py it clears the Keras session, executes
the case code with ``keras`` and ``layers`` pre-bound, and records per-layer
output shapes, parameter counts, weights, totals, the model config and the
text printed by ``model.summary()`` into a gzip'ed, sorted-keys, compact JSON
file (tests/golden/<backend>/cases.json.gz).  Output is deterministic: running
the script twice produces byte-identical files.
"""

import argparse
import contextlib
import gzip
import importlib.util
import io
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GENERATOR = "tools/make_golden.py v1"
FORMAT_VERSION = 1

# Cases whose captured summaries are cross-checked against a real
# `COLUMNS=N python script.py | cat` subprocess with --verify.
VERIFY_IDS = (
    "seed/seed000",
    "seed/seed004",
    "format/long_layer_name",
    "trainable/batchnorm_frozen",
    "api/unbuilt_stack",
    "large/dense_100k_x_100k",
)


def _prepare_environment(backend, keras3_backend="jax"):
    """Environment hygiene; must run before Keras / TF are imported."""
    # Anything that would make rich believe it talks to a terminal (or not).
    for var in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
                "COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES"):
        os.environ.pop(var, None)
    # Use a pristine Keras home so a user keras.json (image_data_format,
    # floatx, backend) cannot influence the fixtures.
    os.environ["KERAS_HOME"] = tempfile.mkdtemp(prefix="golden_keras_home_")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if backend == "keras3":
        if os.environ.get("KERAS_BACKEND", keras3_backend) != keras3_backend:
            sys.exit(f"keras3 fixtures are generated with KERAS_BACKEND={keras3_backend}")
        os.environ["KERAS_BACKEND"] = keras3_backend
        os.environ.setdefault("JAX_PLATFORMS", "cpu")


def load_cases(path=None):
    """The CASES list of a case module (default tools/golden_cases.py).  Its folder is on
    ``sys.path`` meanwhile: case modules may import plain data they share from a sibling."""
    path = path or os.path.join(HERE, "golden_cases.py")
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.path.pop(0)
    return mod.CASES


def _has_nested_model(model):
    return any(hasattr(layer, "layers") and getattr(layer, "layers", None) for layer in model.layers)


_ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+")


def _clean(msg):
    """Remove run-dependent details (object addresses) from messages."""
    return _ADDR_RE.sub(" at 0x...", str(msg))


def _error(exc):
    return {"type": type(exc).__name__, "message": _clean(exc)}


def _shape_list(shape):
    return [None if d is None else int(d) for d in shape]


def _jsonable(x):
    """Tuples -> lists recursively; ints stay ints."""
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if x is None or isinstance(x, (bool, str, float)):
        return x
    try:
        return int(x)
    except (TypeError, ValueError):
        return str(x)


BYTECODE_PLACEHOLDER = "<marshalled python bytecode omitted>"


def _normalize_config(cfg):
    """Replace marshalled lambda bytecode in configs by a placeholder.

    Lambda layers serialize their function as base64(marshal(code)); marshal
    output depends on the Python version and even on reference counts (it
    differs between otherwise identical runs), and no emulator can reproduce
    it.  Keras 3: {"class_name": "__lambda__", "config": {"code": ...}};
    tf-keras: {"function": [code, defaults, closure], "function_type": "lambda"}.
    """
    if isinstance(cfg, list):
        return [_normalize_config(v) for v in cfg]
    if not isinstance(cfg, dict):
        return cfg
    out = {k: _normalize_config(v) for k, v in cfg.items()}
    if out.get("class_name") == "__lambda__" and isinstance(out.get("config"), dict) \
            and "code" in out["config"]:
        out["config"] = dict(out["config"], code=BYTECODE_PLACEHOLDER)
    if out.get("function_type") == "lambda" and isinstance(out.get("function"), list) \
            and out["function"]:
        out["function"] = [BYTECODE_PLACEHOLDER] + out["function"][1:]
    return out


def _plain(x):
    """A case's ``record`` values as JSON: containers kept, numbers and strings as they are,
    NumPy scalars as Python numbers, anything else as ``<TypeName>``."""
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if hasattr(x, "item") and getattr(x, "shape", None) == ():
        return _plain(x.item())
    return f"<{type(x).__name__}>"


def _exec_case(case, keras_module, scope_factory):
    """Run the case code.  Returns (namespace, error, warnings)."""
    ns = {"keras": keras_module, "layers": keras_module.layers}
    error = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with scope_factory():
                exec(compile(case["code"], f"<golden case {case['id']}>", "exec"), ns)
            if "model" not in ns and "record" not in ns:
                raise RuntimeError("case code defined neither `model` nor `record`")
        except Exception as e:  # noqa: BLE001 - we record every failure
            error = _error(e)
    return ns, error, [_clean(w.message) for w in caught]


# ---------------------------------------------------------------------------
# Keras 3
# ---------------------------------------------------------------------------
class Keras3Recorder:
    backend_name = "keras3"

    def __init__(self, eager_init=False):
        import keras
        import rich.text
        from keras.src import tree
        from keras.src.utils import summary_utils

        self.keras = keras
        self.tree = tree
        self.summary_utils = summary_utils
        self.rich_text = rich.text
        self.eager_init = eager_init
        if keras.config.image_data_format() != "channels_last":
            sys.exit("unexpected image_data_format")
        if keras.config.floatx() != "float32":
            sys.exit("unexpected floatx")

    def versions(self):
        from importlib.metadata import version
        return {
            "keras_version": self.keras.__version__,
            "backend": self.keras.backend.backend(),
            "jax_version": version("jax") if self.keras.backend.backend() == "jax" else None,
            "rich_version": version("rich"),
            "python_version": platform.python_version(),
        }

    def missing_names(self, code):
        return []

    @staticmethod
    def needs_eager_init(case):
        """Cases where running the initializers is observable.

        With JAX, initializing a non-float32 variable can warn (float64 is
        truncated unless jax_enable_x64) or raise (int dtypes: "dtype argument
        to `uniform` must be a float dtype"); custom initializers could too.
        """
        code = case["code"]
        return ("dtype" in case["tags"] or "eager" in case["tags"] or "dtype=" in code
                or "initializer" in code)

    def scope(self, case):
        # Variable *values* never matter for the fixtures, only shapes,
        # dtypes, names and paths.  Creating variables inside a StatelessScope
        # defers their initialization, which avoids one XLA compilation per
        # weight shape (~0.3 s each on JAX/CPU) and makes huge models
        # possible.  Cases where initialization is observable are built
        # normally.  `--eager-init` builds every non-`lazy` case normally
        # (~10 min) and must give a byte-identical fixture; see
        # tools/README.md.
        if "lazy" in case["tags"]:
            return lambda: self.keras.StatelessScope(initialize_variables=False)
        if self.eager_init or self.needs_eager_init(case):
            return contextlib.nullcontext
        return lambda: self.keras.StatelessScope(initialize_variables=False)

    # -- per layer -------------------------------------------------------
    def _output_shape(self, layer):
        """The structure format_layer_shape() prints, as JSON lists."""
        if not layer._inbound_nodes and not layer._build_shapes_dict:
            return None
        tree = self.tree
        if len(layer._inbound_nodes) > 0:
            outputs = layer._inbound_nodes[-1].output_tensors
            flat = [_shape_list(t.shape) for t in tree.flatten(outputs)]
        else:
            try:
                if hasattr(layer, "output_shape"):
                    shape = layer.output_shape
                    # A model with several outputs: a list of shapes (printed as one shape).
                    flat = [_shape_list(s) for s in shape] if shape and isinstance(
                        shape[0], (tuple, list)) else [_shape_list(shape)]
                else:
                    outputs = layer.compute_output_shape(**layer._build_shapes_dict)
                    flat = []
                    tree.map_shape_structure(lambda s: flat.append(_shape_list(s)), outputs)
            except NotImplementedError:
                return None
        return flat[0] if len(flat) == 1 else flat

    def _layers_and_nodes(self, model):
        from keras.src.models import Functional, Sequential
        if isinstance(model, Sequential) or not isinstance(model, Functional):
            return model.layers, None
        relevant = []
        for v in model._nodes_by_depth.values():
            relevant += v
        return model._operations, relevant

    def _inbound(self, layer, relevant_nodes):
        if relevant_nodes is None:
            return []
        out = []
        for node in layer._inbound_nodes:
            if relevant_nodes and node not in relevant_nodes:
                continue
            for kt in node.input_tensors:
                h = kt._keras_history
                out.append([h.operation.name, int(h.node_index), int(h.tensor_index)])
        return out

    def layer_record(self, layer, relevant_nodes):
        su = self.summary_utils
        # An operation recorded by keras.ops / Python operators (not a Layer)
        # has no `built`, `trainable` or weights: the summary prints 0 for it
        # (like a built layer without weights) and "-" as its Trainable cell.
        is_layer = hasattr(layer, "built")
        built = bool(getattr(layer, "built", False)) if is_layer else True
        text = su.format_layer_shape(layer)
        trainable_weights = layer.trainable_weights if is_layer else []
        trainable_ids = {id(v) for v in trainable_weights}
        return {
            "name": layer.name,
            "class_name": layer.__class__.__name__,
            "built": built,
            "output_shape": self._output_shape(layer),
            "output_shape_text": self.rich_text.Text.from_markup(text).plain,
            "params": int(layer.count_params()) if built and is_layer else 0,
            "trainable": bool(layer.trainable) if is_layer else True,
            "trainable_params": su.count_params(trainable_weights),
            "non_trainable_params": su.count_params(layer.non_trainable_weights if is_layer else []),
            "weights": [
                {
                    "name": v.name,
                    "path": v.path,
                    "shape": _shape_list(v.shape),
                    "dtype": str(v.dtype),
                    "trainable": id(v) in trainable_ids,
                }
                for v in (layer.weights if is_layer else [])
            ],
            "inbound": self._inbound(layer, relevant_nodes),
        }

    def model_record(self, model):
        su = self.summary_utils
        layers, relevant = self._layers_and_nodes(model)
        if hasattr(model, "_collected_trainable_weights"):
            tw = model._collected_trainable_weights
        else:
            tw = model.trainable_weights
        ntw = model.non_trainable_weights
        t_count, nt_count = su.count_params(tw), su.count_params(ntw)
        t_bytes, nt_bytes = su.weight_memory_size(tw), su.weight_memory_size(ntw)
        return {
            "name": model.name,
            "class_name": model.__class__.__name__,
            "built": bool(model.built),
            "layers": [self.layer_record(layer, relevant) for layer in layers],
            "total_params": t_count + nt_count,
            "trainable_params": t_count,
            "non_trainable_params": nt_count,
            "trainable_bytes": t_bytes,
            "non_trainable_bytes": nt_bytes,
            "total_bytes": t_bytes + nt_bytes,
            "weight_shapes": [_shape_list(w.shape) for w in model.weights],
        }

    SUMMARY_VARIANTS = (
        ("c200", 200, {}),
        ("c200_trainable", 200, {"show_trainable": True}),
        ("c80", 80, {}),
        ("c200_l120", 200, {"line_length": 120}),
    )

    NESTED_VARIANTS = (
        ("c200_nested", 200, {"expand_nested": True}),
        ("c200_nested_trainable", 200, {"expand_nested": True, "show_trainable": True}),
    )

    def summaries(self, model):
        out, errors = {}, {}
        variants = self.SUMMARY_VARIANTS
        if _has_nested_model(model):
            variants = variants + self.NESTED_VARIANTS
        for key, columns, kwargs in variants:
            os.environ["COLUMNS"] = str(columns)
            buf = io.StringIO()
            try:
                with contextlib.redirect_stdout(buf):
                    model.summary(**kwargs)
                out[key] = buf.getvalue()
            except Exception as e:  # noqa: BLE001
                out[key] = None
                errors[key] = _error(e)
            finally:
                os.environ.pop("COLUMNS", None)
        return out, errors

    def clear(self):
        self.keras.backend.clear_session()
        # Cases may change global settings (keras.config.set_floatx, ...): back to defaults.
        config = self.keras.config
        config.set_floatx("float32")
        config.set_image_data_format("channels_last")
        config.set_epsilon(1e-7)
        config.set_dtype_policy("float32")
        self.keras.backend.clear_session()


# ---------------------------------------------------------------------------
# tf-keras
# ---------------------------------------------------------------------------
class TfKerasRecorder:
    backend_name = "tfkeras"

    def __init__(self):
        import tensorflow as tf
        import tf_keras
        from tf_keras.src.utils import layer_utils

        self.tf = tf
        self.keras = tf_keras
        self.layer_utils = layer_utils
        if tf_keras.backend.image_data_format() != "channels_last":
            sys.exit("unexpected image_data_format")
        self.layer_names = set(dir(tf_keras.layers))

    def versions(self):
        return {
            "keras_version": self.keras.__version__,
            "backend": "tensorflow",
            "tensorflow_version": self.tf.__version__,
            "python_version": platform.python_version(),
        }

    def missing_names(self, code):
        names = set(re.findall(r"\blayers\.([A-Za-z_][A-Za-z0-9_]*)", code))
        return sorted(n for n in names if n not in self.layer_names)

    def scope(self, case):
        if "lazy" in case["tags"]:
            graph = self.tf.Graph()
            return graph.as_default
        return contextlib.nullcontext

    def _output_shape(self, layer):
        try:
            shape = layer.output_shape
        except AttributeError:
            return None, "multiple"
        except RuntimeError:
            return None, "?"
        return _jsonable(shape), str(shape)

    def layer_record(self, layer):
        lu = self.layer_utils
        shape, text = self._output_shape(layer)
        built = bool(layer.built)
        trainable_ids = {id(v) for v in layer.trainable_weights}
        if not built and not getattr(layer, "_is_graph_network", False):
            params, params_text = 0, "0 (unused)"
        else:
            params = int(layer.count_params())
            params_text = str(params)
        return {
            "name": layer.name,
            "class_name": layer.__class__.__name__,
            "built": built,
            "output_shape": shape,
            "output_shape_text": text,
            "params": params,
            "params_text": params_text,
            "trainable": bool(layer.trainable),
            "trainable_params": int(lu.count_params(layer.trainable_weights)),
            "non_trainable_params": int(lu.count_params(layer.non_trainable_weights)),
            "weights": [
                {
                    "name": v.name,
                    "shape": _shape_list(v.shape.as_list()),
                    "dtype": v.dtype.name,
                    "trainable": id(v) in trainable_ids,
                }
                for v in layer.weights
            ],
        }

    def model_record(self, model):
        lu = self.layer_utils
        out = {
            "name": model.name,
            "class_name": model.__class__.__name__,
            "built": bool(model.built),
            "layers": [self.layer_record(layer) for layer in model.layers],
        }
        try:
            if hasattr(model, "_collected_trainable_weights"):
                tw = model._collected_trainable_weights
            else:
                tw = model.trainable_weights
            ntw = model.non_trainable_weights
            weights = model.weights
        except ValueError as e:
            # tf-keras: an unbuilt Sequential refuses to list its weights
            # (and model.summary() raises as well).
            out.update({k: None for k in (
                "total_params", "trainable_params", "non_trainable_params",
                "trainable_bytes", "non_trainable_bytes", "total_bytes", "weight_shapes")})
            out["weights_error"] = _error(e)
            return out
        t_count, nt_count = int(lu.count_params(tw)), int(lu.count_params(ntw))
        # tf-keras returns integral byte counts (numpy ints or 0).
        t_bytes = int(lu.weight_memory_size(tw))
        nt_bytes = int(lu.weight_memory_size(ntw))
        out.update({
            "total_params": t_count + nt_count,
            "trainable_params": t_count,
            "non_trainable_params": nt_count,
            "trainable_bytes": t_bytes,
            "non_trainable_bytes": nt_bytes,
            "total_bytes": t_bytes + nt_bytes,
            "weight_shapes": [_shape_list(w.shape.as_list()) for w in weights],
        })
        return out

    SUMMARY_VARIANTS = (
        ("default", {}),
        ("trainable", {"show_trainable": True}),
        ("l100", {"line_length": 100}),
    )

    NESTED_VARIANTS = (
        ("nested", {"expand_nested": True}),
    )

    def summaries(self, model):
        out, errors = {}, {}
        variants = self.SUMMARY_VARIANTS
        if _has_nested_model(model):
            variants = variants + self.NESTED_VARIANTS
        for key, kwargs in variants:
            lines = []
            try:
                model.summary(print_fn=lambda line, *a, **k: lines.append(line), **kwargs)
                out[key] = "\n".join(lines)
            except Exception as e:  # noqa: BLE001
                out[key] = None
                errors[key] = _error(e)
        return out, errors

    def clear(self):
        self.keras.backend.clear_session()


# ---------------------------------------------------------------------------
def record_case(rec, case):
    rec.clear()
    out = {
        "id": case["id"],
        "code": case["code"],
        "tags": list(case["tags"]),
        "error": None,
        "warnings": [],
        "model": None,
        "config": None,
        "summaries": None,
        "summary_errors": {},
    }
    scope = rec.scope(case)
    ns, error, warns = _exec_case(case, rec.keras, scope)
    out["warnings"] = warns
    if "record" in ns:  # values the case recorded (configs, shapes, errors it caught)
        out["values"] = _plain(ns["record"])
    if error is not None:
        out["error"] = error
        return out
    if "model" not in ns:
        return out
    model = ns["model"]
    with scope(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            out["model"] = rec.model_record(model)
        except Exception as e:  # noqa: BLE001
            out["record_error"] = _error(e)
        try:
            out["config"] = _normalize_config(json.loads(model.to_json()))
        except Exception:  # noqa: BLE001
            out["config"] = None
        out["summaries"], out["summary_errors"] = rec.summaries(model)
    return out


def dump(data, path):
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    raw = text.encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    blob = buf.getvalue()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == blob:
                return len(raw), len(blob), False
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
    os.replace(tmp, path)
    return len(raw), len(blob), True


# ---------------------------------------------------------------------------
_VERIFY_SCRIPT = r"""
import sys, keras
ns = {"keras": keras, "layers": keras.layers}
code = open(sys.argv[1]).read()
lazy = sys.argv[2] == "1"
kwargs = eval(sys.argv[3])
import contextlib
scope = keras.StatelessScope(initialize_variables=False) if lazy else contextlib.nullcontext()
with scope:
    exec(code, ns)
    ns["model"].summary(**kwargs)
"""


def verify_stdout(cases_by_id, records_by_id):
    """Compare captured summaries with a real `COLUMNS=N python x.py | cat`."""
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "verify.py")
        with open(script, "w") as f:
            f.write(_VERIFY_SCRIPT)
        for cid in VERIFY_IDS:
            if cid not in records_by_id:
                continue
            case, rec = cases_by_id[cid], records_by_id[cid]
            code_path = os.path.join(tmp, "case.py")
            with open(code_path, "w") as f:
                f.write(case["code"])
            for key, columns, kwargs in Keras3Recorder.SUMMARY_VARIANTS:
                env = dict(os.environ, COLUMNS=str(columns))
                # `| cat`: stdout is a pipe, not a terminal.
                proc = subprocess.run(
                    [sys.executable, script, code_path, "1" if "lazy" in case["tags"] else "0", repr(kwargs)],
                    env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
                got = proc.stdout.decode("utf-8")
                same = got == rec["summaries"][key]
                ok &= same
                print(f"verify {cid} [{key}]: {'OK' if same else 'MISMATCH'}")
                if not same:
                    print("--- subprocess\n" + got + "--- captured\n" + str(rec["summaries"][key]))
    return ok


def _ensure_fixed_hash_seed():
    """Some Keras error messages print sets of strings, whose order depends on
    string hash randomization; re-exec with PYTHONHASHSEED=0 for stable
    output."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)


def main(argv=None):
    _ensure_fixed_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=("keras3", "tfkeras"), default="keras3")
    ap.add_argument("--cases", help="case module (default tools/golden_cases.py); its fixture "
                                    "goes to tests/golden/<backend>/<module name>.json.gz")
    ap.add_argument("--out", help="output path (default tests/golden/<backend>/cases.json.gz)")
    ap.add_argument("--only", action="append", default=[],
                    help="only run cases whose id starts with this prefix (repeatable); "
                         "requires --out or --dry-run so the full fixture is not clobbered")
    ap.add_argument("--dry-run", action="store_true", help="do not write the fixture")
    ap.add_argument("--verify", action="store_true",
                    help="keras3 only: cross-check a few captured summaries against a "
                         "real subprocess whose stdout is a pipe")
    ap.add_argument("--eager-init", action="store_true",
                    help="keras3 only: initialize variables normally (slow) instead of "
                         "deferring initialization; fixtures must be identical")
    ap.add_argument("--keras3-backend", choices=("jax", "tensorflow"), default="jax",
                    help="Keras 3's backend (default jax; tensorflow for the cases that need "
                         "TensorFlow under Keras 3, e.g. StringLookup.adapt, run in the "
                         "tf-keras venv that also has Keras 3)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every tag/behaviour mismatch")
    ap.add_argument("--show", help="print the record of this case id (debugging)")
    args = ap.parse_args(argv)

    if args.only and not (args.out or args.dry_run):
        ap.error("--only needs --out or --dry-run")

    _prepare_environment(args.backend, args.keras3_backend)
    rec = Keras3Recorder(eager_init=args.eager_init) if args.backend == "keras3" else TfKerasRecorder()

    cases = load_cases(args.cases)
    if args.only:
        cases = [c for c in cases if any(c["id"].startswith(p) for p in args.only)]

    t0 = time.time()
    records, skipped = [], []
    for case in cases:
        missing = rec.missing_names(case["code"])
        if missing:
            skipped.append({"id": case["id"], "reason": "not in " + rec.backend_name + ": " + ", ".join(missing)})
            continue
        records.append(record_case(rec, case))
    elapsed = time.time() - t0

    data = {
        "format_version": FORMAT_VERSION,
        "generator": GENERATOR,
        "cases": records,
        "skipped": skipped,
    }
    data.update(rec.versions())

    n_err = sum(r["error"] is not None for r in records)
    n_sum_err = sum(bool(r["summary_errors"]) for r in records)
    n_rec_err = sum("record_error" in r for r in records)
    # The "error" tags describe Keras 3; for tf-keras only count differences.
    n_unexpected = [r["id"] for r in records if (r["error"] is not None) != ("error" in r["tags"])]
    print(f"[{rec.backend_name}] {len(records)} cases run in {elapsed:.1f}s: "
          f"{len(records) - n_err} ok, {n_err} raised, {len(skipped)} skipped, "
          f"{n_sum_err} with summary errors, {n_rec_err} with record errors")
    if n_unexpected:
        print(f"  {len(n_unexpected)} cases where raising differs from the 'error' tag"
              + (" (the tags describe Keras 3)" if args.backend != "keras3" else ":"))
        for cid in (n_unexpected if args.backend == "keras3" or args.verbose else []):
            r = next(x for x in records if x["id"] == cid)
            print(f"    {cid}: {r['error']['type'] + ': ' + r['error']['message'][:100] if r['error'] else 'no error'}")

    if args.show:
        for r in records:
            if r["id"] == args.show:
                print(json.dumps(r, indent=1, sort_keys=True, ensure_ascii=False))
                for k, v in (r["summaries"] or {}).items():
                    print(f"== {k}\n{v}")

    if args.verify:
        if args.backend != "keras3":
            ap.error("--verify is only implemented for keras3")
        ok = verify_stdout({c["id"]: c for c in cases}, {r["id"]: r for r in records})
        if not ok:
            print("verification FAILED")
            return 1

    if not args.dry_run:
        default_name = "cases" if not args.cases else os.path.splitext(os.path.basename(args.cases))[0]
        path = args.out or os.path.join(ROOT, "tests", "golden", rec.backend_name,
                                        default_name + ".json.gz")
        raw, packed, changed = dump(data, path)
        print(f"wrote {os.path.relpath(path, ROOT)}: {packed / 1024:.1f} KiB gzip "
              f"({raw / 1024:.1f} KiB raw){'' if changed else ' (unchanged)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
