#!/usr/bin/env python
"""Generate REAL Keras model files for paramscope's file-format tests.

A developer tool, run inside the Keras virtualenvs (never imported by
paramscope or its tests):

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_files.py --backend keras3
    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_files.py --backend tfkeras

Run tfkeras first: the keras3 run also records how Keras 3 loads the tf-keras
files (it fails on some, e.g. nested models; paramscope does not).

For every case it builds a small model with real Keras, saves it in the
case's formats (``.keras``, ``.h5``, ``.json``) under
``tests/golden/files/<backend>/``, and writes ``<file>.expected.json.gz``:
the per-layer records, totals and printed summaries of the model as built
(``original``) and as Keras rebuilds it from that file (``loaded``, or
``load_error``).  Records use tools/make_golden.py's recorders, so they are
the same structure as the golden cases.  The keras3 run also writes
``tests/golden/files/bad/``: broken files of each kind, derived from real
ones.

Models are kept to a few hundred parameters so the files stay small.
"""

import argparse
import gzip
import importlib.util
import io
import json
import os
import shutil
import sys
import warnings
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "tests", "golden", "files")
GENERATOR = "tools/make_files.py v1"


def _load_make_golden():
    spec = importlib.util.spec_from_file_location("make_golden", os.path.join(HERE, "make_golden.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------------------
# Cases: (name, formats, code).  The code defines `model`; `keras` and
# `layers` are pre-bound.  Formats: keras (.keras archive), h5 (legacy HDF5),
# json (model.to_json()).
# ---------------------------------------------------------------------------
KERAS3_CASES = [
    ("sequential", ("keras", "h5", "json"), """
model = keras.Sequential([
    keras.Input((8,)),
    layers.Dense(16, activation="relu"),
    layers.Dropout(0.2),
    layers.BatchNormalization(),
    layers.Dense(4, activation="softmax"),
], name="mlp")
"""),
    ("sequential_built_later", ("json",), """
model = keras.Sequential([layers.Dense(6, activation="relu"), layers.Dense(2)], name="built_later")
model.build((None, 5))
"""),
    ("trained", ("keras",), """
import numpy as np
model = keras.Sequential([keras.Input((3,)), layers.Dense(4), layers.Dense(2)], name="trained")
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 3)), np.zeros((4, 2)), epochs=1, verbose=0)
"""),
    ("trained_sgd", ("keras", "h5"), """
import numpy as np
model = keras.Sequential([keras.Input((3,)), layers.Dense(4), layers.Dense(2)], name="trained_sgd")
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
              loss=keras.losses.MeanSquaredError())
model.fit(np.zeros((4, 3)), np.zeros((4, 2)), epochs=1, verbose=0)
"""),
    ("sequential_unbuilt", ("json",), """
model = keras.Sequential([layers.Dense(6), layers.Dense(2)], name="never_built")
"""),
    ("cnn", ("keras", "json"), """
model = keras.Sequential([
    keras.Input((8, 8, 1)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(3),
], name="tiny_cnn")
"""),
    ("branches", ("keras", "json"), """
x = keras.Input((6,), name="features")
a = layers.Dense(8, activation="relu", name="left")(x)
b = layers.Dense(8, activation="tanh", name="right")(x)
s = layers.Add(name="sum")([a, b])
c = layers.Concatenate(name="cat")([s, x])
out1 = layers.Dense(1, name="score")(c)
out2 = layers.Dense(3, activation="softmax", name="label")(s)
model = keras.Model(x, [out1, out2], name="branches")
"""),
    ("multi_io_dict", ("json",), """
title = keras.Input((5,), name="title")
body = keras.Input((7,), name="body")
h = layers.Concatenate(name="merge")([layers.Dense(4, name="t")(title), layers.Dense(4, name="b")(body)])
model = keras.Model({"title": title, "body": body},
                    {"priority": layers.Dense(1, name="priority")(h),
                     "dept": layers.Dense(3, name="dept")(h)}, name="multi_io")
"""),
    ("nested", ("keras", "h5", "json"), """
base_in = keras.Input((6,), name="base_in")
base = keras.Model(base_in, layers.Dense(5, name="base_dense")(base_in), name="base")
base.trainable = False
head = keras.Sequential([keras.Input((5,)), layers.Dense(4, name="head_dense"),
                         layers.BatchNormalization(name="head_bn")], name="head")
x = keras.Input((6,), name="x")
shared = layers.Dense(6, name="shared")
h = shared(shared(x))
f = base(h)
model = keras.Model(x, [head(f), f], name="nested")
"""),
    ("shared_depths", ("json",), """
x = keras.Input((4,), name="x")
a = layers.Dense(4, name="a")
b = layers.Dense(4, name="b")
y = a(b(a(b(x))))
z = layers.Dense(2, name="z")(y)
model = keras.Model(x, z, name="shared_depths")
"""),
    ("lambda", ("keras", "json"), """
x = keras.Input((6,), name="x")
y = layers.Lambda(lambda t: t[:, :3] * 2.0, output_shape=(3,), name="half")(x)
z = layers.Lambda(lambda t: t + 1.0, name="plus_one")(y)
model = keras.Model(x, layers.Dense(2, name="out")(z), name="lambdas")
"""),
    ("ops", ("json",), """
x = keras.Input((4,), name="x")
h = layers.Dense(4, name="h")(x)
y = h + x
z = keras.ops.relu(y) * 2.0
model = keras.Model(x, layers.Dense(1, name="out")(z), name="with_ops")
"""),
    ("ops_more", ("json",), """
x = keras.Input((6, 4), name="x")
a = x[:, :3]
b = keras.ops.mean(x, axis=1, keepdims=True)
c = keras.ops.concatenate([a, b], axis=1)
d = keras.ops.reshape(c, (-1, 16))
e = keras.ops.transpose(keras.ops.expand_dims(d, -1), (0, 2, 1))
model = keras.Model(x, layers.Dense(2, name="out")(e), name="more_ops")
"""),
    ("embedding", ("h5", "json"), """
tokens = keras.Input((10,), dtype="int32", name="tokens")
e = layers.Embedding(50, 8, name="emb")(tokens)
p = layers.GlobalAveragePooling1D(name="pool")(e)
model = keras.Model(tokens, layers.Dense(2, name="cls")(p), name="bag_of_words")
"""),
]

TFKERAS_CASES = [
    ("sequential", ("keras", "h5", "json"), """
model = keras.Sequential([
    layers.Dense(16, activation="relu", input_shape=(8,)),
    layers.Dropout(0.2),
    layers.BatchNormalization(),
    layers.Dense(4, activation="softmax"),
], name="mlp")
"""),
    ("sequential_built_later", ("json",), """
model = keras.Sequential([layers.Dense(6, activation="relu"), layers.Dense(2)], name="built_later")
model.build((None, 5))
"""),
    ("cnn", ("h5", "json"), """
model = keras.Sequential([
    keras.Input((8, 8, 1)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(3),
], name="tiny_cnn")
"""),
    ("branches", ("h5", "json"), """
x = keras.Input((6,), name="features")
a = layers.Dense(8, activation="relu", name="left")(x)
b = layers.Dense(8, activation="tanh", name="right")(x)
s = layers.Add(name="sum")([a, b])
c = layers.Concatenate(name="cat")([s, x])
out1 = layers.Dense(1, name="score")(c)
out2 = layers.Dense(3, activation="softmax", name="label")(s)
model = keras.Model(x, [out1, out2], name="branches")
"""),
    ("multi_io_dict", ("json",), """
title = keras.Input((5,), name="title")
body = keras.Input((7,), name="body")
h = layers.Concatenate(name="merge")([layers.Dense(4, name="t")(title), layers.Dense(4, name="b")(body)])
model = keras.Model({"title": title, "body": body},
                    {"priority": layers.Dense(1, name="priority")(h),
                     "dept": layers.Dense(3, name="dept")(h)}, name="multi_io")
"""),
    ("nested", ("keras", "h5", "json"), """
base_in = keras.Input((6,), name="base_in")
base = keras.Model(base_in, layers.Dense(5, name="base_dense")(base_in), name="base")
base.trainable = False
head = keras.Sequential([keras.Input((5,)), layers.Dense(4, name="head_dense"),
                         layers.BatchNormalization(name="head_bn")], name="head")
x = keras.Input((6,), name="x")
shared = layers.Dense(6, name="shared")
h = shared(shared(x))
f = base(h)
model = keras.Model(x, [head(f), f], name="nested")
"""),
    ("shared_depths", ("json",), """
x = keras.Input((4,), name="x")
a = layers.Dense(4, name="a")
b = layers.Dense(4, name="b")
y = a(b(a(b(x))))
z = layers.Dense(2, name="z")(y)
model = keras.Model(x, z, name="shared_depths")
"""),
    ("lambda", ("h5", "json"), """
x = keras.Input((6,), name="x")
y = layers.Lambda(lambda t: t[:, :3] * 2.0, output_shape=(3,), name="half")(x)
z = layers.Lambda(lambda t: t + 1.0, name="plus_one")(y)
model = keras.Model(x, layers.Dense(2, name="out")(z), name="lambdas")
"""),
    ("tfops", ("json",), """
import tensorflow as tf
x = keras.Input((4,), name="x")
h = layers.Dense(4, name="h")(x)
y = tf.nn.relu(h + x) * 2.0
model = keras.Model(x, layers.Dense(1, name="out")(y), name="with_tf_ops")
"""),
    ("embedding", ("h5",), """
tokens = keras.Input((10,), dtype="int32", name="tokens")
e = layers.Embedding(50, 8, name="emb")(tokens)
p = layers.GlobalAveragePooling1D(name="pool")(e)
model = keras.Model(tokens, layers.Dense(2, name="cls")(p), name="bag_of_words")
"""),
    # Tensors passed as keyword arguments: tf-keras keeps them in the order of the call
    # ("Connected to" and the layer order follow it); Keras 3 sorts them by name.
    ("attention_kwargs", ("h5", "json"), """
q = keras.Input((6, 16), name="q")
v = keras.Input((10, 12), name="v")
k = keras.Input((10, 20), name="k")
m = keras.Input((6, 10), name="m")
a = layers.MultiHeadAttention(2, 8, name="cross")(q, v, key=k)
b = layers.MultiHeadAttention(2, 8, name="masked")(query=a, key=k, value=v, attention_mask=m)
model = keras.Model([q, v, k, m], layers.Dense(3, name="out")(b), name="attention_kwargs")
"""),
]


# ---------------------------------------------------------------------------
def dump_gz(data, path):
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def _error(mg, e):
    return mg._error(e)


class Generator:
    def __init__(self, backend, mg):
        self.backend = backend
        self.mg = mg
        if backend == "keras3":
            import keras
            self.keras = keras
            self.rec = mg.Keras3Recorder()
            keras.config.enable_unsafe_deserialization()
            base_record = self.rec.layer_record

            def layer_record(layer, relevant_nodes):
                # Keras operations (x + y) are graph nodes without weights; the
                # summary prints them with 0 params.
                if isinstance(layer, keras.Layer):
                    return base_record(layer, relevant_nodes)
                return {"name": layer.name, "class_name": type(layer).__name__, "built": True,
                        "is_operation": True, "output_shape": self.rec._output_shape(layer),
                        "params": 0, "trainable": None, "trainable_params": 0,
                        "non_trainable_params": 0, "weights": [],
                        "inbound": self.rec._inbound(layer, relevant_nodes)}
            self.rec.layer_record = layer_record
        else:
            import tf_keras
            self.keras = tf_keras
            self.rec = mg.TfKerasRecorder()
            from tf_keras.src.saving import serialization_lib
            serialization_lib.enable_unsafe_deserialization()
        self.out = os.path.join(OUT, backend)
        os.makedirs(self.out, exist_ok=True)

    def record(self, model):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rec = self.rec.model_record(model)
            summaries, errors = self.rec.summaries(model)
        rec["summaries"] = summaries
        if errors:
            rec["summary_errors"] = errors
        return rec

    def build(self, code):
        self.rec.clear()
        ns = {"keras": self.keras, "layers": self.keras.layers}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(code, "<case>", "exec"), ns)
        return ns["model"]

    def save(self, model, fmt, path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if fmt == "json":
                with open(path, "w") as f:
                    f.write(model.to_json())
            elif fmt == "h5":
                model.save(path, include_optimizer=False) if self.backend == "tfkeras" else model.save(path)
            else:
                model.save(path)

    def load(self, fmt, path):
        self.rec.clear()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if fmt == "json":
                with open(path) as f:
                    text = f.read()
                if self.backend == "keras3":
                    # model_from_json, but with safe_mode=False so Lambdas load.
                    return self.keras.saving.deserialize_keras_object(json.loads(text),
                                                                      safe_mode=False)
                return self.keras.models.model_from_json(text)
            # As users load models: compile=True (the default) compiles a model that
            # was saved compiled and restores its optimizer.
            if self.backend == "keras3":
                return self.keras.models.load_model(path, safe_mode=False)
            return self.keras.models.load_model(path)

    def run(self, cases):
        ext = {"keras": ".keras", "h5": ".h5", "json": ".json"}
        for name, formats, code in cases:
            model = self.build(code)
            original = self.record(model)
            for fmt in formats:
                path = os.path.join(self.out, name + ext[fmt])
                self.save(model, fmt, path)
                expected = {"generator": GENERATOR, "file": os.path.basename(path), "format": fmt,
                            "code": code, "original": original}
                expected.update(self.rec.versions())
                try:
                    loaded = self.load(fmt, path)
                    expected["loaded"] = self.record(loaded)
                except Exception as e:  # noqa: BLE001 - recorded
                    expected["load_error"] = _error(self.mg, e)
                dump_gz(expected, path + ".expected.json.gz")
                size = os.path.getsize(path)
                status = "loaded" if "loaded" in expected else "LOAD ERROR " + expected["load_error"]["message"][:80]
                print(f"[{self.backend}] {os.path.relpath(path, ROOT)} ({size / 1024:.1f} KiB): {status}")
            # Rebuild for the next format (saving may have built metrics etc.).

    def keras3_loads_tfkeras_files(self, only=()):
        """How Keras 3 loads each tf-keras file (it cannot load some); ``only``: those cases'."""
        folder = os.path.join(OUT, "tfkeras")
        if not os.path.isdir(folder):
            print("no tf-keras files yet: run --backend tfkeras first")
            return
        for fname in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(fname)
            fmt = {".keras": "keras", ".h5": "h5", ".json": "json"}.get(ext)
            if fmt is None or (only and stem not in only):
                continue
            path = os.path.join(folder, fname)
            out = {"generator": GENERATOR, "file": fname, "format": fmt}
            out.update(self.rec.versions())
            try:
                out["loaded"] = self.record(self.load(fmt, path))
            except Exception as e:  # noqa: BLE001
                out["load_error"] = _error(self.mg, e)
            dump_gz(out, path + ".keras3.json.gz")
            print(f"[keras3 loads tfkeras] {fname}: "
                  + ("loaded" if "loaded" in out else "LOAD ERROR " + out["load_error"]["message"][:80]))

    def bad_files(self):
        """Broken files of each kind, derived from the real files just written."""
        bad = os.path.join(OUT, "bad")
        if os.path.isdir(bad):
            shutil.rmtree(bad)
        os.makedirs(bad)
        src = os.path.join(self.out, "sequential.keras")
        with open(src, "rb") as f:
            blob = f.read()
        with zipfile.ZipFile(src) as zf:
            config = json.loads(zf.read("config.json"))
            metadata = zf.read("metadata.json")
        written = []

        def write(name, data):
            with open(os.path.join(bad, name), "wb") as f:
                f.write(data)
            written.append(name)

        def zip_with(name, members):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as zf:
                for member, data in members.items():
                    info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
                    zf.writestr(info, data)
            write(name, buf.getvalue())

        write("truncated.keras", blob[: len(blob) // 2])
        write("not_a_zip.keras", b"this is not a keras archive\n")
        zip_with("no_config.keras", {"metadata.json": metadata})
        zip_with("config_not_json.keras", {"metadata.json": metadata,
                                           "config.json": b"{'class_name': Sequential"})
        write("not_a_model.json", json.dumps({"optimizer": "adam", "epochs": 3}).encode())
        write("list.json", b"[1, 2, 3]")
        # A config.json without the .json extension (tests also rename archives).
        write("config_no_extension", json.dumps(config).encode())
        # Graph errors, from the real branches config.
        with open(os.path.join(self.out, "branches.json")) as f:
            branches = json.load(f)
        missing = json.loads(json.dumps(branches))
        for layer in missing["config"]["layers"]:
            if layer["name"] == "sum":
                for arg in layer["inbound_nodes"][0]["args"][0]:
                    if arg["config"]["keras_history"][0] == "right":
                        arg["config"]["keras_history"][0] = "no_such_layer"
        write("missing_layer.json", json.dumps(missing).encode())
        cycle = json.loads(json.dumps(branches))
        for layer in cycle["config"]["layers"]:
            if layer["name"] == "left":
                layer["inbound_nodes"][0]["args"][0]["config"]["keras_history"] = ["sum", 0, 0]
        write("cycle.json", json.dumps(cycle).encode())
        unknown = json.loads(json.dumps(branches))
        for layer in unknown["config"]["layers"]:
            if layer["name"] == "right":
                layer["class_name"] = "FancyDense"
                layer["module"] = "my_project.layers"
                layer["registered_name"] = "my_project>FancyDense"
        write("unknown_layer.json", json.dumps(unknown).encode())
        # Weights that disagree with the config: tests/formats derive that from
        # keras3/sequential.keras (the last Dense's units 4 -> 5 in config.json).
        # An HDF5 file with weights only (no model_config).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = self.build(KERAS3_CASES[0][2])
            model.save_weights(os.path.join(bad, "weights_only.weights.h5"))
        written.append("weights_only.weights.h5")
        for name in written:
            print(f"[bad] tests/golden/files/bad/{name} ({os.path.getsize(os.path.join(bad, name))} bytes)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=("keras3", "tfkeras"), required=True)
    ap.add_argument("--only", action="append", default=[],
                    help="(re)generate only these cases, keeping every other file as it is")
    args = ap.parse_args(argv)
    mg = _load_make_golden()
    mg._prepare_environment(args.backend)
    gen = Generator(args.backend, mg)
    only = set(args.only)
    pick = (lambda cases: [c for c in cases if c[0] in only]) if only else (lambda cases: cases)
    if os.path.isdir(gen.out) and not only:
        shutil.rmtree(gen.out)
        os.makedirs(gen.out)
    if args.backend == "keras3":
        gen.run(pick(KERAS3_CASES))
        gen.keras3_loads_tfkeras_files(only)
        if not only:
            gen.bad_files()
    else:
        gen.run(pick(TFKERAS_CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
