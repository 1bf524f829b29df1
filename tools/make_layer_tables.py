"""Record the layer tables of tools/cases/layer_tables.py and the snippets of
tools/cases/layer_snippets.py in real Keras 3.15.1 (JAX).

Each row calls one layer on ``keras.Input`` tensors as its recipe says (see the case files'
docstrings) and appends what Keras gives: built at init, output shapes and dtypes, the weights,
or the class of the exception Keras raised; a snippet row appends the ``result`` its code
assigns.  Writes tests/golden/layer_tables/keras3.json.gz (``{"tables": {name: [row +
recorded, ...]}}``, sorted keys, gzip with mtime 0)::

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_layer_tables.py \\
        --tensorflow-site /work/venvs/k2/lib/python3.11/site-packages

TensorFlow must be importable (the lookup, hashing and text preprocessing layers need it even
on JAX), and tf_keras for the ``keras_only`` snippets that record a tf.keras model;
``--tensorflow-site`` appends a site-packages directory that has both (the tf-keras
environment's), after Keras's own.
"""

import argparse
import gzip
import importlib.util
import json
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import make_golden  # noqa: E402  (the shared helpers: dump)

CASES = [os.path.join(HERE, "cases", "layer_tables.py"),
         os.path.join(HERE, "cases", "layer_snippets.py")]
OUT = os.path.join(ROOT, "tests", "golden", "layer_tables", "keras3.json.gz")
GENERATOR = "tools/make_layer_tables.py v1"


def load_tables(paths=CASES):
    """Every case file's ``TABLES``, merged (a table name is defined once)."""
    tables = {}
    for path in paths:
        spec = importlib.util.spec_from_file_location(
            os.path.splitext(os.path.basename(path))[0], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        twice = set(tables) & set(module.TABLES)
        if twice:
            sys.exit(f"{path}: tables {sorted(twice)} are defined in another case file")
        tables.update(module.TABLES)
    return tables


def _weights(layer, relative_paths=False):
    rows = []
    for w in layer.weights:
        name = w.path.split("/", 1)[1] if relative_paths else w.name
        rows.append([name, list(w.shape), str(w.dtype), bool(w.trainable)])
    return rows


def _shapes(x):
    """The shapes of a tensor or of a nested list/tuple of tensors."""
    if isinstance(x, (list, tuple)):
        return [_shapes(v) for v in x]
    return x.shape


class SnippetHelpers:
    """The names a snippet of tools/cases/layer_snippets.py may use besides ``keras``, ``L``
    and ``ops``, read from Keras as its summary reads the model (make_golden's recorder); the
    tests bind the same names to paramscope's summary."""

    ROW_KEYS = ("name", "class_name", "output_shape", "params", "built", "trainable",
                "trainable_params", "non_trainable_params", "inbound")

    def __init__(self):
        self.recorder = make_golden.Keras3Recorder()

    def rows(self, model):
        return [{k: layer[k] for k in self.ROW_KEYS}
                for layer in self.recorder.model_record(model)["layers"]]

    def totals(self, model):
        record = self.recorder.model_record(model)
        return [record["total_params"], record["trainable_params"],
                record["non_trainable_params"]]

    def nested(self, model):
        """``[[level, name]]`` in the order summary_utils' ``print_layer`` prints the rows with
        ``expand_nested=True``."""
        out = []

        def walk(layer, level):
            out.append([level, layer.name])
            for sub in (getattr(layer, "layers", None) or []):
                walk(sub, level + 1)
        for layer in self.recorder._layers_and_nodes(model)[0]:
            walk(layer, 0)
        return out

    def namespace(self, keras):
        return {"keras": keras, "L": keras.layers, "ops": keras.ops, "weights": _weights,
                "shapes": _shapes, "rows": self.rows, "totals": self.totals,
                "nested": self.nested}


class TableRecorder:
    def __init__(self, keras):
        self.keras = keras
        self.helpers = SnippetHelpers()

    def _fresh(self):
        self.keras.backend.clear_session()

    def standard(self, cls, kwargs, shape, dtype):
        layers = self.keras.layers
        try:
            layer = getattr(layers, cls)(**kwargs)
        except Exception as exc:  # noqa: BLE001 - Keras's own error is the record
            return [None, None, None, None, "init:" + type(exc).__name__]
        built_at_init = bool(layer.built)
        try:
            y = layer(self.keras.Input(tuple(shape), dtype=dtype))
        except Exception as exc:  # noqa: BLE001
            return [None, None, None, None, type(exc).__name__]
        return [built_at_init, list(y.shape), y.dtype, _weights(layer), None]

    def attention(self, cls, kwargs, shapes, how, call_kwargs):
        try:
            layer = getattr(self.keras.layers, cls)(**kwargs)
            inputs = [self.keras.Input(tuple(s)) for s in shapes]
            if how.get("list"):
                y = layer(inputs, **call_kwargs)
            elif how.get("tuple"):
                y = layer(tuple(inputs), **call_kwargs)
            else:
                y = layer(*inputs, **call_kwargs)
        except Exception as exc:  # noqa: BLE001
            return [None, None, None, type(exc).__name__]
        outputs = [list(t.shape) for t in y] if isinstance(y, (list, tuple)) else [list(y.shape)]
        return [outputs, _weights(layer, relative_paths=True),
                [sub.name for sub in layer._layers], None]

    def einsum(self, equation, output_shape, bias_axes, shape, kwargs):
        try:
            inp = self.keras.Input(tuple(shape))
            layer = self.keras.layers.EinsumDense(equation, output_shape=output_shape,
                                                  bias_axes=bias_axes, **kwargs)
            y = layer(inp)
        except Exception as exc:  # noqa: BLE001
            return [None, None, None, type(exc).__name__]
        return [list(y.shape), y.dtype, _weights(layer), None]

    def reversible(self, kwargs, shape, reverse):
        try:
            layer = self.keras.layers.ReversibleEmbedding(**kwargs)
            y = layer(self.keras.Input(tuple(shape)), reverse=reverse)
        except Exception as exc:  # noqa: BLE001
            return [None, None, type(exc).__name__]
        return [list(y.shape), _weights(layer), None]

    def merging(self, cls, kwargs, shapes):
        try:
            inputs = [self.keras.Input(batch_shape=tuple(s)) for s in shapes]
            y = getattr(self.keras.layers, cls)(**kwargs)(inputs)
        except Exception as exc:  # noqa: BLE001
            return [None, type(exc).__name__]
        return [list(y.shape), None]

    def spectral(self, code, shape, dtype):
        layer = eval(code, {"L": self.keras.layers})  # noqa: S307 - the case file's own code
        y = layer(self.keras.Input(tuple(shape), dtype=dtype))
        return [[list(y.shape), y.dtype, _weights(layer), layer.count_params()]]

    def model_json(self, code):
        namespace = {"keras": self.keras, "L": self.keras.layers}
        exec(code, namespace)  # noqa: S102 - the case file's own code
        return [json.loads(namespace["model"].to_json())]

    def snippet(self, id, code, **names):
        namespace = dict(self.helpers.namespace(self.keras), **names)
        exec(compile(code, f"<snippet {id}>", "exec"), namespace)  # noqa: S102 - the case file's
        return [make_golden._plain(namespace["result"])]

    def keras_only(self, id, code):
        import tf_keras
        return self.snippet(id, code, tf_keras=tf_keras)

    def record(self, recipe, row):
        self._fresh()
        return list(row) + getattr(self, recipe)(*row)


def load_fixture(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def _import_keras(tensorflow_site):
    os.environ.setdefault("KERAS_BACKEND", "jax")
    if os.environ["KERAS_BACKEND"] != "jax":
        sys.exit("the layer tables are recorded with KERAS_BACKEND=jax")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if tensorflow_site:
        sys.path.append(tensorflow_site)
    try:
        import tensorflow  # noqa: F401 - the lookup and text layers import it
    except ImportError:
        sys.exit("TensorFlow must be importable: give --tensorflow-site DIR")
    import keras
    return keras


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", action="append", metavar="FILE",
                        help="a case file (repeatable; default: cases/layer_tables.py and "
                             "cases/layer_snippets.py)")
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--only", action="append", default=[], metavar="TABLE",
                        help="record only this table (repeatable); the others are kept")
    parser.add_argument("--tensorflow-site", metavar="DIR",
                        help="a site-packages directory with TensorFlow (appended to sys.path)")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)
    keras = _import_keras(args.tensorflow_site)
    import jax
    import tensorflow
    tables = load_tables(args.cases or CASES)
    recorder = TableRecorder(keras)
    recorded = {}
    if args.only:
        recorded = load_fixture(args.out)["tables"]
        tables = {name: table for name, table in tables.items() if name in args.only}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, table in tables.items():
            recorded[name] = [recorder.record(table["recipe"], row) for row in table["rows"]]
            print(f"{name}: {len(recorded[name])} rows")
    data = {"generator": GENERATOR, "format_version": 1, "backend": "jax",
            "keras_version": keras.__version__, "jax_version": jax.__version__,
            "tensorflow_version": tensorflow.__version__, "tables": recorded}
    make_golden.dump(data, args.out)
    print(f"wrote {os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
