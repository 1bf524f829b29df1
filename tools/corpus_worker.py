"""Run one corpus script's model code in REAL Keras and print its record as JSON (a developer tool).

Started by tools/make_corpus.py inside a Keras virtualenv, one process per script:

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/corpus_worker.py MANIFEST.json SCRIPT_ID

The entry's ``golden`` says which Keras: ``keras3`` (Keras 3.15.1; the classic Keras 2 import
paths mapped onto it, tools/corpus_keras2_paths.py) or ``tf-keras`` (tf-keras 2.21, which runs
Keras 2 code; ``import keras`` is tf_keras).

No data is available here (no network), so the script cannot simply be run.  Instead its
top-level statements run one by one, in order, as written, and:

* the values a user passes with ``--set`` (the entry's ``set``; ``golden_bind`` for values
  given as Python expressions) are bound before the first statement and never replaced;
* a statement that fails because it needs data (a file, a package that is not installed,
  argparse asking for command-line arguments, a dataset array's values, an unknown value) is
  skipped, and every name it would have bound becomes an ``Unknown``: it can be passed along,
  but any use of its value raises, so whatever depends on it is skipped too: nothing is
  guessed.  ``get_file`` downloads nothing: it returns a path that names no file;
  ``keras.datasets`` give arrays known by shape only (tools/corpus_datasets.py);
* when such a statement constructs a layer or model, the run stops (the model needs a value
  only the data has: ``NeedsValue``);
* the run stops where training starts: a call of ``fit``/``predict``/... (also Keras 2's
  ``fit_generator``...), or a top-level statement calling one that fails on data;
* any other exception is the script's own error (what Keras says), also a name a module
  lacks in a statement that uses an unknown value (Python looks the name up first): the run
  stops there and the record holds it (and, where the entry says ``model_before_error``
  with its reason, the model built by then).

The model is the one ``paramscope summary`` picks (paramscope/keras/runner.py): the entry's
``model`` (``--model NAME``: a global or a model's name), else the global ``model``, else the
only top-level model the script built.  Its record has the rows and totals as
``tools/make_golden.py`` records them and the ``model.summary()`` text (at COLUMNS=200 for
Keras 3).
"""
from __future__ import annotations

import ast
import builtins
import contextlib
import importlib.util
import io
import json
import os
import socket
import sys
import tempfile
import types
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TRAINING_METHODS = frozenset({
    "fit", "fit_generator", "evaluate", "evaluate_generator", "predict", "predict_generator",
    "train_on_batch", "test_on_batch", "predict_on_batch",
})
# Packages whose absence means "this script needs something that is not installed here".
KERAS_PACKAGES = ("keras", "tensorflow", "tf_keras")


# keras.applications' pretrained weights are not downloaded: their values never change shapes
# or counts (paramscope accepts weights="imagenet" the same way).
NO_WEIGHTS = "/corpus-generator-pretrained-weights-not-loaded/"
NO_DATA = "/corpus-generator-nothing-downloaded"


class DataUnavailable(Exception):
    """Raised by the guards for anything that needs data (downloads, files, the network)."""


class StopForTraining(Exception):
    """Raised when the script starts to train or predict."""


class Unknown:
    """What a skipped statement would have bound: it can be passed along (to a function that
    builds the model and then trains on it, say), but any use of its value raises
    DataUnavailable, so nothing is computed from it."""

    def __init__(self, name, line):
        object.__setattr__(self, "_unknown", (name, line))

    def __repr__(self):
        return f"<unknown {self._unknown[0]} (line {self._unknown[1]})>"

    def _refuse(self, *args, **kwargs):
        name, line = object.__getattribute__(self, "_unknown")
        raise DataUnavailable(f"{name} is unknown (it needs data, line {line})")

    def __getattr__(self, attribute):
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        self._refuse()


for _method in ("call", "getitem", "setitem", "delitem", "iter", "len", "bool", "int", "float",
                "index", "str", "format", "fspath", "contains", "setattr", "array", "neg", "pos", "abs",
                "add", "radd", "sub", "rsub", "mul", "rmul", "truediv", "rtruediv", "floordiv",
                "rfloordiv", "mod", "rmod", "pow", "rpow", "matmul", "rmatmul", "lt", "le",
                "gt", "ge", "eq", "ne", "and", "rand", "or", "ror", "xor", "rxor", "lshift", "rshift"):
    setattr(Unknown, f"__{_method}__", Unknown._refuse)


def _no_network(*args, **kwargs):
    raise DataUnavailable("the network is disabled for the corpus generator")


def _zero_initializers():
    """Variable values never matter here: every variable starts as zeros of its shape and
    dtype instead of running its initializer (on JAX each initializer compiles once per
    shape, minutes per script on a busy machine).  Shapes, dtypes, names and paths are
    unchanged; tools/make_golden.py defers initialization for the same reason."""
    import numpy as np
    from keras.src.backend.common import variables

    def initialize_with_zeros(self, initializer):
        self._initialize(self._convert_to_tensor(np.zeros(self._shape, dtype=self._dtype)))

    variables.Variable._initialize_with_initializer = initialize_with_zeros


def _install_guards(keras, tf_keras=False):
    if not tf_keras:
        _zero_initializers()
    socket.socket.connect = _no_network
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network

    def no_file(fname=None, origin=None, *args, **kwargs):
        if kwargs.get("cache_subdir") == "models":  # keras.applications' pretrained weights
            return NO_WEIGHTS + str(fname)
        # Nothing is downloaded: the path it would return names no file, so reading it fails
        # (FileNotFoundError: needs data) while code that only passes the path on runs.
        name = fname or os.path.basename(str(origin))
        return os.path.join(NO_DATA, str(name))

    load_weights = keras.Model.load_weights

    def skip_pretrained(self, filepath, *args, **kwargs):
        if str(filepath).startswith(NO_WEIGHTS):
            return None
        return load_weights(self, filepath, *args, **kwargs)

    keras.Model.load_weights = skip_pretrained

    def no_directory(*args, **kwargs):
        raise DataUnavailable("a dataset from a directory: no data here")

    if tf_keras:
        from tf_keras.src.utils import data_utils as file_utils
    else:
        from keras.src.utils import file_utils
    file_utils.get_file = no_file
    keras.utils.get_file = no_file
    for name in ("image_dataset_from_directory", "text_dataset_from_directory",
                 "audio_dataset_from_directory", "timeseries_dataset_from_array"):
        if hasattr(keras.utils, name) and name.endswith("directory"):
            setattr(keras.utils, name, no_directory)
            if hasattr(keras.preprocessing, name):
                setattr(keras.preprocessing, name, no_directory)

    import corpus_datasets
    corpus_datasets.install(keras, DataUnavailable)

    def stop(self, *args, **kwargs):
        raise StopForTraining(f"{type(self).__name__} training/prediction")

    for method in TRAINING_METHODS:  # also fit_generator... where Keras 3 no longer has them
        setattr(keras.Model, method, stop)


def _bound_names(node):
    """Names a top-level statement binds (not those inside its functions/classes/lambdas)."""
    names = set()

    def visit(n, top):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
            if not top:
                return
            for d in n.decorator_list:
                visit(d, False)
            return
        if isinstance(n, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            return
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            names.add(n.id)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            for alias in n.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(n, ast.NamedExpr):
            names.add(n.target.id)
        for child in ast.iter_child_nodes(n):
            visit(child, False)

    visit(node, True)
    return names


def _filled_containers(node, ns):
    """Lists, sets and dicts that a skipped loop/with/if block would have filled
    (``input_texts.append(...)``, ``chars[i] = ...``): their contents came from the data, so
    they become unknown too."""
    if not isinstance(node, (ast.For, ast.While, ast.With, ast.If, ast.Try)):
        return set()
    names = set()
    for n in ast.walk(node):
        receiver = None
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            receiver = n.func.value
        elif isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store):
            receiver = n.value
        if isinstance(receiver, ast.Name) and isinstance(ns.get(receiver.id), (list, set, dict)):
            names.add(receiver.id)
    return names


def _calls_training(node):
    """Whether a top-level statement (outside its function/class bodies) trains or predicts."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return False
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) \
                and n.func.attr in TRAINING_METHODS:
            return True
    return False


def _argparse_exit(exc):
    """argparse ending the script: it needs command-line arguments (file paths, say), which a
    user gives as data."""
    if not isinstance(exc, SystemExit) or exc.code in (None, 0):
        return False
    tb = exc.__traceback__
    while tb is not None:
        if os.path.basename(tb.tb_frame.f_code.co_filename) == "argparse.py":
            return True
        tb = tb.tb_next
    return False


def _chain(exc):
    seen = []
    while exc is not None and len(seen) < 20 and not any(exc is e for e in seen):
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__
    return seen


def _needs_data(exc, unknown):
    """Whether an exception means the statement needed data (or a value data would give)."""
    if any(isinstance(e, DataUnavailable) for e in _chain(exc)):
        return True
    if isinstance(exc, FileNotFoundError) or _argparse_exit(exc):
        return True
    if isinstance(exc, ModuleNotFoundError):
        root = (exc.name or "").split(".")[0]
        return root not in KERAS_PACKAGES
    if isinstance(exc, NameError) and getattr(exc, "name", None) in unknown:
        return True
    if isinstance(exc, ImportError):  # a package that is not installed (PIL for load_img...)
        return (exc.name or "").split(".")[0] not in KERAS_PACKAGES
    if type(exc).__name__ == "NotFoundError":  # tf.errors.NotFoundError: a missing file
        return True
    return False


def _failing_statement(exc, path):
    """The innermost statement of the script (also inside its functions) running when ``exc``
    was raised, and that frame: the deepest traceback entry in the script's file."""
    frame, line = None, None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            frame, line = tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next
    if frame is None:
        return None, None
    if path not in _TREES:
        with open(path, encoding="utf-8") as f:
            _TREES[path] = ast.parse(f.read())
    found = None
    for node in ast.walk(_TREES[path]):
        if isinstance(node, ast.stmt) and node.lineno <= line <= node.end_lineno \
                and not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.If, ast.For,
                                          ast.While, ast.With, ast.Try)):
            if found is None or node.lineno >= found.lineno:
                found = node
    return found, frame


_TREES = {}


def _missing_module_name(exc):
    """A name a module does not have (``K.placeholder`` where Keras 3's backend has none): the
    script's own error whatever the data, since Python looks the name up before it evaluates
    the call's arguments (``K.placeholder((1, img_nrows, img_ncols, 3))`` fails the same
    with the image's size known)."""
    return isinstance(exc, AttributeError) and isinstance(getattr(exc, "obj", None),
                                                          types.ModuleType)


def _uses_unknown(exc, path):
    """Whether the script statement where ``exc`` was raised reads a name bound to an Unknown
    (Keras may refuse it with its own error, ``VGG19(input_tensor=<unknown>)``, before
    touching its value).  A name its module lacks is never caused by an unknown value."""
    if _missing_module_name(exc):
        return False
    node, frame = _failing_statement(exc, path)
    if node is None:
        return False
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    scopes = (frame.f_locals, frame.f_globals)
    return any(isinstance(scope.get(name), Unknown) for name in names for scope in scopes)


def _fails_in_training_call(exc, path):
    """Whether the failure happened on the way to training: in a statement that calls
    fit/predict/... (``model.fit(x_train, ...)`` with ``x_train`` unknown), or inside a function
    of the script that trains (``train_model(model, (x_train, y_train))``, which reshapes the
    data before its ``fit``): the script was starting to train there."""
    node, _ = _failing_statement(exc, path)
    if node is not None and _calls_training(node):
        return True
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == path and code.co_name != "<module>":
            function = _function_at(path, code.co_firstlineno)
            if function is not None and any(_calls_training(n) for n in function.body):
                return True
        tb = tb.tb_next
    return False


def _function_at(path, first_line):
    for node in ast.walk(_TREES[path]):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = [node.lineno] + [d.lineno for d in node.decorator_list]
            if first_line in lines:
                return node
    return None


def _builds_model(node, ns, keras):
    """Whether a statement constructs a Keras layer or model, or adds a layer to a model
    (``Dense(num_classes)``, ``model.add(...)``): when such a statement needs an unknown
    value, the model cannot be built without it (paramscope asks for ``--set``), so the run
    stops instead of building a partial model."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import,
                         ast.ImportFrom)):
        return False
    for n in ast.walk(node):
        if not isinstance(n, ast.Call):
            continue
        try:
            func = eval(compile(ast.Expression(body=n.func), "<callee>", "eval"), ns)
        except Exception:  # noqa: BLE001 - an unknown callee is not a Keras class
            continue
        if isinstance(func, type) and issubclass(func, (keras.layers.Layer, keras.Model)):
            return True
        if ".applications." in (getattr(func, "__module__", None) or ""):  # VGG19(...)
            return True
        if getattr(func, "__name__", "") == "add" and isinstance(
                getattr(func, "__self__", None), keras.Model):
            return True
    return False


def _first_line(exc):
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


def run_statements(path, binds, keras):
    """Execute the script statement by statement; returns (namespace, events, error).

    The run stops where training starts: when a call of ``fit``/``predict``/... is reached
    (``StopForTraining``), or when a top-level statement that calls one fails because it
    needs data (``model.fit(x_train, ...)`` with ``x_train`` unknown)."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, filename=path)
    ns = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    import numpy as np
    for name, expression in binds.items():
        ns[name] = eval(expression, {"np": np})
    protected = set(binds)
    unknown, skipped, stopped, error = set(), [], None, None
    for stmt in tree.body:
        code = compile(ast.Module(body=[stmt], type_ignores=[]), path, "exec")
        models_before = len(CREATED)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, ns)
        except StopForTraining as exc:
            stopped = {"line": stmt.lineno, "reason": str(exc)}
            break
        except BaseException as exc:  # noqa: BLE001 - classified below (SystemExit too)
            if isinstance(exc, KeyboardInterrupt):
                raise
            if not (_needs_data(exc, unknown) or _uses_unknown(exc, path)):
                error = {"line": stmt.lineno, "type": type(exc).__name__,
                         "message": str(exc).strip()}
                break
            if _fails_in_training_call(exc, path):
                stopped = {"line": stmt.lineno, "reason": "trains or predicts on data"}
                break
            del CREATED[models_before:]  # models the skipped statement left half-built
            if _builds_model(stmt, ns, keras):
                error = {"line": stmt.lineno, "type": "NeedsValue",
                         "message": f"the model needs a value paramscope cannot have: "
                                    f"{_first_line(exc)}"}
                break
            lost = (_bound_names(stmt) | _filled_containers(stmt, ns)) - protected
            for name in lost:
                ns[name] = Unknown(name, stmt.lineno)
                if isinstance(stmt, ast.ImportFrom) and hasattr(builtins, name):
                    del ns[name]  # `from six.moves import range`: Python 3's own shows through
            unknown |= lost
            skipped.append({"line": stmt.lineno, "reason": _first_line(exc)[:300],
                            "unbound": sorted(lost)})
    return ns, {"skipped": skipped, "stopped": stopped}, error


def binds_from_set(settings):
    """The generator's values for the user's ``--set`` bindings: ``NAME=LITERAL`` binds the
    literal; ``NAME.shape=TUPLE`` binds an array of that shape whose values are not used."""
    binds = {}
    for setting in settings:
        target, value = setting.split("=", 1)
        if target.endswith(".shape"):
            binds[target[:-len(".shape")]] = (
                f"np.broadcast_to(np.zeros((), 'float32'), {value})")
        else:
            binds[target] = value
    return binds


#: Every model the script creates, in creation order (recorded by Layer.__init__).
CREATED = []


def _record_models(keras):
    """Record each model the script builds (also inside its functions), as paramscope does."""
    layer_init = keras.layers.Layer.__init__

    def init(self, *args, **kwargs):
        layer_init(self, *args, **kwargs)
        if isinstance(self, keras.Model) and not any(m is self for m in CREATED) \
                and not _made_by_sequential(sys._getframe(1)):
            CREATED.append(self)

    keras.layers.Layer.__init__ = init


def _made_by_sequential(frame):
    """Keras 3's Sequential builds (and rebuilds) its own Functional graph: not a model of
    the script's."""
    while frame is not None and frame.f_code.co_name in ("__init__", "__new__", "init"):
        frame = frame.f_back
    return frame is not None and os.path.basename(frame.f_code.co_filename) == "sequential.py"


def top_level_models():
    """Models not used inside another recorded model, in creation order."""
    nested = set()
    for model in CREATED:
        for layer in model._flatten_layers(include_self=False, recursive=True):
            nested.add(id(layer))
    return [m for m in CREATED if id(m) not in nested]


def pick_model(ns, keras, name):
    """paramscope's choice (paramscope/keras/runner.py): ``--model NAME`` (a global, else a
    model's name), else the global ``model``, else the only top-level model built."""
    if name:
        if isinstance(ns.get(name), keras.Model):
            return name, ns[name]
        found = [m for m in CREATED if m.name == name]
        return (name, found[0]) if found else (None, None)
    if isinstance(ns.get("model"), keras.Model):
        return "model", ns["model"]
    models = top_level_models()
    if len(models) == 1:
        names = [k for k, v in ns.items() if v is models[0]]
        return (names[0] if names else models[0].name), models[0]
    return None, None


def _output_shape_of(recorded):
    """make_golden's output shape, also for a nested model with several outputs that was
    called by a subclassed model (its ``output_shape`` is a list of shapes)."""
    def output_shape(layer):
        try:
            return recorded(layer)
        except TypeError:
            return [[None if d is None else int(d) for d in shape] for shape in layer.output_shape]
    return output_shape


def load_recorder():
    spec = importlib.util.spec_from_file_location("make_golden", os.path.join(HERE, "make_golden.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def keras_for(entry):
    """The real Keras the entry's golden comes from (``"golden"`` in the manifest), with the
    classic import paths mapped (tools/corpus_keras2_paths.py); returns (keras, recorder)."""
    golden = load_recorder()
    import corpus_keras2_paths
    if entry.get("golden") == "tf-keras":
        keras = corpus_keras2_paths.install_tf_keras()
        _install_guards(keras, tf_keras=True)
        return keras, golden.TfKerasRecorder()
    import keras
    _install_guards(keras)
    if entry.get("keras2_paths"):
        corpus_keras2_paths.install_keras3(keras)
    rec = golden.Keras3Recorder()
    rec._output_shape = _output_shape_of(rec._output_shape)
    rec.clear()
    return keras, rec


def record(entry, script_path):
    keras, rec = keras_for(entry)
    _record_models(keras)
    tf_keras = entry.get("golden") == "tf-keras"
    out = {"id": entry["id"], "golden": entry.get("golden", "keras3"),
           "keras_version": keras.__version__,
           "backend": "tensorflow" if tf_keras else keras.backend.backend(),
           "error": None, "model": None}
    binds = dict(binds_from_set(entry.get("set", [])), **entry.get("golden_bind", {}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ns, events, error = run_statements(script_path, binds, keras)
        out.update(events)
        if error is not None:
            # The script's own error (what Keras says) ends the run.  The model it had built
            # by then is its model only where the manifest says so, with the reason
            # (``model_before_error``: e.g. the script printed its summary before the error).
            out["error"] = error
            out["models_before_error"] = [m.name for m in top_level_models()]
            if not entry.get("model_before_error"):
                return out
        name, model = pick_model(ns, keras, entry.get("model"))
        if model is None:
            out["error"] = {"line": None, "type": "NoModel",
                            "message": "no single model: " + ", ".join(
                                m.name for m in top_level_models())}
            return out
        out["model_variable"] = name
        out["model"] = rec.model_record(model)
        os.environ["COLUMNS"] = "200"
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            model.summary()
        out["summary_keras2" if tf_keras else "summary_c200"] = buf.getvalue()
    return out


def main(argv):
    manifest_path, script_id = argv
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    entry = next(e for e in manifest["scripts"] if e["id"] == script_id)
    if manifest["sources"].get(entry["source"], {}).get("keras2_paths"):
        entry = dict(entry, keras2_paths=True)
    script_path = os.path.join(os.path.dirname(os.path.abspath(manifest_path)), entry["file"])
    real_stdout = sys.stdout
    os.chdir(tempfile.mkdtemp(prefix="corpus_"))
    sys.argv = [script_path]
    result = record(entry, script_path)
    real_stdout.write(json.dumps(result, sort_keys=True))
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
