#!/usr/bin/env python
"""Golden fixtures for ``keras.applications``: every architecture, many variants.

A developer tool, run inside the Keras virtualenvs (never imported by
paramscope or its tests):

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_applications.py
    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_applications.py --backend tfkeras

Every model is built with ``weights=None`` (nothing is downloaded).  For each
variant (``include_top`` both ways, other input sizes and channels, ``pooling``,
``classes``, MobileNet ``alpha``/``depth_multiplier``...) it records the model
config (``json.loads(model.to_json())``), the per-layer rows and totals as
tools/make_golden.py's recorders see them, and for a few small models the
printed summary.  Output: one gzip'ed JSON per family,
``tests/golden/applications/<backend>/<family>.json.gz``.

Size: variants of one model at the same input size share most of their layer
configs, so a variant's config is stored as a *delta* against the first
variant of its model whenever that is smaller: ``{"base": id, "layers":
[...]}`` where each layer entry is either a full layer config or an integer,
the index of the identical layer config in the base's ``layers`` (and the
other top-level keys replaced).  ``tests/test_applications.py`` rebuilds the
full config with the same rule.  Per-layer weights are kept as shapes only.

The tf-keras run also records ``tfops``: small functional models calling many
TensorFlow functions on symbolic tensors, whose configs hold ``TFOpLambda`` /
``SlicingOpLambda`` layers -- the ground truth for paramscope's op shape rules
(src/paramscope/layers/tfop.py).

Deterministic: sorted keys, compact JSON, gzip mtime 0.
"""

import argparse
import contextlib
import importlib
import importlib.util
import json
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GENERATOR = "tools/make_applications.py v1"
FORMAT_VERSION = 1


def _load_make_golden():
    spec = importlib.util.spec_from_file_location("make_golden", os.path.join(HERE, "make_golden.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


mg = _load_make_golden()

# ---------------------------------------------------------------------------
# Models: (family, model function, variants) where a variant is (suffix, kwargs,
# summary keys to record).  `_standard(side)` / `_big(side)` take the model's
# default input side for the reader's benefit; the variants use 160 (or the
# model's minimum) as "another size".
# ---------------------------------------------------------------------------
TOP = ()  # no summary text
TEXT = ("c200",)
ALL_TEXT = ("c200", "c200_trainable", "c80", "c200_l120")


def _standard(side, small=160, minimum=None, channels=True, nonsquare=True, text_for=()):
    """The usual set of variants for one architecture."""
    small = max(small, minimum or 0)
    out = [
        ("top", {}, TEXT if "top" in text_for else TOP),
        ("notop", {"include_top": False}, TEXT if "notop" in text_for else TOP),
        (f"notop_avg_{small}", {"include_top": False, "pooling": "avg",
                                "input_shape": (small, small, 3)}, TOP),
        ("notop_max", {"include_top": False, "pooling": "max"}, TOP),
        (f"top_classes10_{small}", {"classes": 10, "input_shape": (small, small, 3)}, TOP),
    ]
    if nonsquare:
        h, w = small + 40, small
        out.append((f"notop_avg_{h}x{w}", {"include_top": False, "pooling": "avg",
                                          "input_shape": (h, w, 3)}, TOP))
    if channels:
        out.append((f"top_classes7_{small}x{small}x1",
                    {"classes": 7, "input_shape": (small, small, 1)}, TOP))
    return out


def _big(side):
    """Fewer variants for the largest models."""
    return [
        ("top", {}, TOP),
        ("notop", {"include_top": False}, TOP),
        ("notop_avg_160", {"include_top": False, "pooling": "avg", "input_shape": (160, 160, 3)},
         TOP),
    ]


# The generic builder behind ConvNeXtTiny, for what the named functions do not expose.
CONVNEXT_TINY = {"_function": "convnext.ConvNeXt", "depths": [3, 3, 9, 3],
                 "projection_dims": [96, 192, 384, 768], "name": "convnext_tiny"}

CONVNEXT_TINY_TF = dict(CONVNEXT_TINY, model_name="convnext_tiny")
del CONVNEXT_TINY_TF["name"]

KERAS3_MODELS = [
    ("xception", "Xception", _standard(299, minimum=71)),
    ("vgg", "VGG16", _standard(224, text_for=("top",)) + [
        ("top_c80", {"input_shape": (64, 64, 3), "classes": 5}, ALL_TEXT)]),
    ("vgg", "VGG19", _standard(224)),
    ("resnet", "ResNet50", _standard(224, text_for=("notop",))),
    ("resnet", "ResNet101", _standard(224)[:4]),
    ("resnet", "ResNet152", _standard(224)[:4]),
    ("resnet_v2", "ResNet50V2", _standard(224)),
    ("resnet_v2", "ResNet101V2", _standard(224)[:4]),
    ("resnet_v2", "ResNet152V2", _standard(224)[:4]),
    ("inception_v3", "InceptionV3", _standard(299, minimum=75)),
    ("inception_resnet_v2", "InceptionResNetV2", _standard(299, minimum=75, text_for=("top",))),
    ("mobilenet", "MobileNet", _standard(224, text_for=("top",)) + [
        ("alpha0.25_128", {"alpha": 0.25, "input_shape": (128, 128, 3)}, TEXT),
        ("alpha0.5", {"alpha": 0.5}, TOP),
        ("alpha0.75_notop_avg", {"alpha": 0.75, "include_top": False, "pooling": "avg"}, TOP),
        ("depth2", {"depth_multiplier": 2}, TOP),
        ("alpha0.5_depth3_96", {"alpha": 0.5, "depth_multiplier": 3,
                                "input_shape": (96, 96, 3), "classes": 12}, TOP),
        ("dropout0.5_noact", {"dropout": 0.5, "classifier_activation": None}, TOP),
    ]),
    ("mobilenet_v2", "MobileNetV2", _standard(224) + [
        ("alpha0.35_96", {"alpha": 0.35, "input_shape": (96, 96, 3)}, TEXT),
        ("alpha0.5", {"alpha": 0.5}, TOP),
        ("alpha0.75_notop_avg", {"alpha": 0.75, "include_top": False, "pooling": "avg"}, TOP),
        ("alpha1.3", {"alpha": 1.3}, TOP),
        ("alpha1.4_notop", {"alpha": 1.4, "include_top": False}, TOP),
    ]),
    ("mobilenet_v3", "MobileNetV3Small", _standard(224, text_for=("top",)) + [
        ("alpha0.75", {"alpha": 0.75}, TOP),
        ("minimalistic", {"minimalistic": True}, TOP),
        ("no_preprocessing_notop_avg", {"include_preprocessing": False, "include_top": False,
                                        "pooling": "avg"}, TOP),
        ("alpha0.75_minimalistic_96", {"alpha": 0.75, "minimalistic": True,
                                       "input_shape": (96, 96, 3)}, TOP),
    ]),
    ("mobilenet_v3", "MobileNetV3Large", _standard(224) + [
        ("alpha0.75", {"alpha": 0.75}, TOP),
        ("minimalistic", {"minimalistic": True}, TOP),
        ("no_preprocessing", {"include_preprocessing": False}, TOP),
    ]),
    ("densenet", "DenseNet121", _standard(224, text_for=("notop",))),
    ("densenet", "DenseNet169", _standard(224)[:4]),
    ("densenet", "DenseNet201", _standard(224)[:4]),
    ("nasnet", "NASNetMobile", _standard(224)),
    ("nasnet", "NASNetLarge", _big(331)),
    ("efficientnet", "EfficientNetB0", _standard(224, text_for=("notop",))),
    ("efficientnet", "EfficientNetB1", _standard(240)[:4]),
    ("efficientnet", "EfficientNetB2", _standard(260)[:4]),
    ("efficientnet", "EfficientNetB3", _standard(300)[:4]),
    ("efficientnet", "EfficientNetB4", _big(380)),
    ("efficientnet", "EfficientNetB5", _big(456)),
    ("efficientnet", "EfficientNetB6", _big(528)),
    ("efficientnet", "EfficientNetB7", _big(600)),
    ("efficientnet_v2", "EfficientNetV2B0", _standard(224) + [
        ("no_preprocessing", {"include_preprocessing": False}, TOP)]),
    ("efficientnet_v2", "EfficientNetV2B1", _standard(240)[:4]),
    ("efficientnet_v2", "EfficientNetV2B2", _standard(260)[:4]),
    ("efficientnet_v2", "EfficientNetV2B3", _standard(300)[:4]),
    ("efficientnet_v2", "EfficientNetV2S", _big(384)),
    ("efficientnet_v2", "EfficientNetV2M", _big(480)),
    ("efficientnet_v2", "EfficientNetV2L", _big(480)),
    ("convnext", "ConvNeXtTiny", _standard(224, channels=False, text_for=("notop",)) + [
        ("no_preprocessing", {"include_preprocessing": False}, TOP),
        ("drop_path", dict(CONVNEXT_TINY, drop_path_rate=0.1, include_top=False,
                           pooling="avg"), TOP),
        ("layer_scale_none_notop", dict(CONVNEXT_TINY, layer_scale_init_value=None,
                                        include_top=False), TOP),
    ]),
    ("convnext", "ConvNeXtSmall", _standard(224, channels=False)[:4]),
    ("convnext", "ConvNeXtBase", _big(224)),
    ("convnext", "ConvNeXtLarge", _big(224)),
    ("convnext", "ConvNeXtXLarge", _big(224)),
]

# tf-keras 2: the configs that hold TFOpLambda / custom layers in tf.keras's layout.
TFKERAS_MODELS = [
    ("tfkeras", "ResNet50", [("top", {}, ("default",))]),
    ("tfkeras", "MobileNetV2", [("top", {}, ("default",))]),
    ("tfkeras", "EfficientNetB0", [("top", {}, ("default",))]),
    ("tfkeras", "InceptionV3", [("top", {}, ("default",))]),
    ("tfkeras", "ConvNeXtTiny", [("top", {}, ("default",)),
                                 ("drop_path_notop", dict(CONVNEXT_TINY_TF, drop_path_rate=0.1,
                                                          include_top=False), ())]),
    ("tfkeras", "DenseNet121", [("top", {}, ("default",))]),
    ("tfkeras", "NASNetMobile", [("top", {}, ("default",))]),
    ("tfkeras", "MobileNetV3Small", [("top", {}, ("default",)),
                                     ("notop_avg_96", {"include_top": False, "pooling": "avg",
                                                       "input_shape": (96, 96, 3)}, ())]),
    ("tfkeras", "InceptionResNetV2", [("top", {}, ())]),
    ("tfkeras", "EfficientNetV2B0", [("top", {}, ())]),
]

# Small tf-keras models whose configs record TensorFlow operations (TFOpLambda,
# SlicingOpLambda) of many kinds: the ground truth for paramscope's op shape rules.
# `tf`, `keras` (tf_keras) and `layers` are bound; the code defines `model`.
_TFOPS = {
    "arithmetic": """
x = keras.Input((8, 8, 3))
y = keras.Input((3,))
a = x + 3.0
b = x * y
c = (x - y) / 2.0
d = tf.nn.relu6(a) * (1.0 / 6.0)
e = tf.math.maximum(b, c) ** 2
f = -tf.math.abs(e) + tf.math.sqrt(tf.math.square(d))
g = tf.clip_by_value(f, 0.0, 1.0)
h = tf.math.add_n([g, a, b])
i = tf.cast(h > 0.5, "float32")
model = keras.Model([x, y], [h, i])
""",
    "reductions": """
x = keras.Input((6, 5, 4))
a = tf.math.reduce_mean(x, axis=[1, 2])
b = tf.math.reduce_sum(x, axis=-1, keepdims=True)
c = tf.math.reduce_max(x)
d = tf.reduce_min(x, 1)
e = tf.math.argmax(x, axis=-1)
f = tf.math.reduce_std(x, axis=(1, 3))
g = tf.compat.v1.reduce_mean(x, axis=2, keep_dims=True)
model = keras.Model(x, [a, b, c, d, e, f, g])
""",
    "reshaping": """
x = keras.Input((6, 1, 4))
a = tf.squeeze(x, axis=2)
b = tf.compat.v1.squeeze(x, [2])
c = tf.reshape(a, [-1, 3, 8])
d = tf.expand_dims(c, 1)
e = tf.transpose(a, perm=[0, 2, 1])
f = tf.concat([a, a * 2.0], axis=-1)
g = tf.stack([a, a], axis=1)
h = tf.tile(a, [1, 2, 3])
i = tf.linalg.matmul(a, e)
j = tf.matmul(e, a, transpose_a=True, transpose_b=True)
k = tf.pad(a, [[0, 0], [1, 2], [0, 3]])
model = keras.Model(x, [a, b, c, d, e, f, g, h, i, j, k])
""",
    "slicing": """
x = keras.Input((10, 6))
a = x[:, 0]
b = x[:, 2:8:2, :]
c = x[..., -1]
d = x[:, tf.newaxis, 1:, 3]
e = x[:, ::-1]
model = keras.Model(x, [a, b, c, d, e])
""",
    "dynamic_shapes": """
x = keras.Input((4, 6))
s = tf.shape(x)
n = s[0]
a = tf.reshape(x, [n, -1])
b = tf.reshape(x, [-1, 3, 8])
c = tf.image.resize(tf.expand_dims(x, -1), [8, 12])
model = keras.Model(x, [a, b, c])
""",
    "indices": """
x = keras.Input((5,), dtype="int32")
v = keras.Input((7, 3))
a = tf.one_hot(x, 9)
b = tf.gather(v, [0, 2], axis=1)
c = tf.split(v, 3, axis=-1)
d = tf.nn.softmax(v, axis=1)
e = tf.math.l2_normalize(v, axis=-1)
model = keras.Model([x, v], [a, b, c[0], c[2], d, e])
""",
}

TFKERAS_MODELS.append(
    ("tfops", "tfops", [(name, {"_code": code}, ("default",)) for name, code in _TFOPS.items()]))

# Only what the tests compare: rows, totals, weight shapes.
ROW_KEYS = ("name", "class_name", "built", "output_shape", "params", "trainable",
            "trainable_params", "non_trainable_params")
MODEL_KEYS = ("name", "class_name", "built", "total_params", "trainable_params",
              "non_trainable_params", "trainable_bytes", "non_trainable_bytes", "total_bytes")


def _slim(record):
    out = {k: record[k] for k in MODEL_KEYS if k in record}
    out["layers"] = []
    for layer in record["layers"]:
        row = {k: layer[k] for k in ROW_KEYS}
        row["weights"] = [[w["shape"], w["trainable"]] for w in layer["weights"]]
        out["layers"].append(row)
    return out


def delta_config(config, base):
    """``config`` as a delta against ``base`` (see the module docstring), or None."""
    if base is None or config.get("class_name") != base.get("class_name"):
        return None
    inner, base_inner = config.get("config"), base.get("config")
    if not isinstance(inner, dict) or not isinstance(base_inner, dict):
        return None
    index = {}
    for i, layer in enumerate(base_inner.get("layers", [])):
        index.setdefault(json.dumps(layer, sort_keys=True), i)
    layers = [index.get(json.dumps(layer, sort_keys=True), layer)
              for layer in inner.get("layers", [])]
    rest = {k: v for k, v in inner.items() if k != "layers"}
    top = {k: v for k, v in config.items() if k != "config"}
    return {"layers": layers, "config": rest, "top": top}


def expand_config(delta, base):
    """The inverse of :func:`delta_config` (tests/test_applications.py has the same)."""
    layers = [base["config"]["layers"][x] if isinstance(x, int) else x for x in delta["layers"]]
    return dict(delta["top"], config=dict(delta["config"], layers=layers))


def _size(obj):
    return len(json.dumps(obj, sort_keys=True, separators=(",", ":")))


class Run:
    def __init__(self, backend, rec, apps, scope):
        self.backend = backend
        self.package = "keras" if backend == "keras3" else "tf_keras"
        self.rec = rec
        self.apps = apps
        self.scope = scope

    def variant(self, fn_name, suffix, kwargs, text_keys):
        rec = self.rec
        rec.clear()
        out = {"id": f"{fn_name}/{suffix}", "model_fn": fn_name,
               "kwargs": mg._jsonable(kwargs), "error": None}
        kwargs = dict(kwargs)
        function = kwargs.pop("_function", None)
        code = kwargs.pop("_code", None)
        if code is not None:
            out["code"] = code
            out.pop("kwargs")

            def fn(weights=None):
                ns = {"tf": self.rec.tf, "keras": self.rec.keras,
                      "layers": self.rec.keras.layers}
                exec(compile(code, f"<{out['id']}>", "exec"), ns)
                return ns["model"]
        elif function is None:
            fn = getattr(self.apps, fn_name)
        else:
            module, _, attr = function.rpartition(".")
            fn = getattr(importlib.import_module(f"{self.package}.src.applications.{module}"), attr)
            out["function"] = function
        with warnings.catch_warnings(record=True) as caught, self.scope():
            warnings.simplefilter("always")
            try:
                model = fn(weights=None, **kwargs)
            except Exception as e:  # noqa: BLE001 - recorded
                out["error"] = mg._error(e)
                return out
            out["warnings"] = sorted({mg._clean(w.message) for w in caught})
            warnings.simplefilter("ignore")
            out["model"] = _slim(rec.model_record(model))
            out["config"] = mg._normalize_config(json.loads(model.to_json()))
            if text_keys:
                texts, errors = rec.summaries(model)
                out["summaries"] = {k: texts[k] for k in text_keys if k in texts}
                if errors:
                    out["summary_errors"] = errors
        return out


def _keras3():
    mg._prepare_environment("keras3")
    rec = mg.Keras3Recorder()
    import keras
    return rec, keras.applications, lambda: keras.StatelessScope(initialize_variables=False)


def _tfkeras():
    mg._prepare_environment("tfkeras")
    rec = mg.TfKerasRecorder()
    return rec, rec.keras.applications, contextlib.nullcontext


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=("keras3", "tfkeras"), default="keras3")
    ap.add_argument("--only", action="append", default=[],
                    help="only these model functions (repeatable); other families' files are "
                         "kept, a listed model's family file is rewritten with only it unless "
                         "--dry-run")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    if args.backend == "keras3":
        rec, apps, scope = _keras3()
        models = KERAS3_MODELS
    else:
        rec, apps, scope = _tfkeras()
        models = TFKERAS_MODELS
    run = Run(args.backend, rec, apps, scope)
    if args.only:
        models = [m for m in models if m[1] in args.only]

    families = {}
    for family, fn_name, variants in models:
        if family != "tfops" and not hasattr(apps, fn_name):
            print(f"{fn_name}: not in {args.backend}, skipped")
            continue
        base = None
        for suffix, kwargs, text_keys in variants:
            t0 = time.time()
            record = run.variant(fn_name, suffix, kwargs, text_keys)
            seconds = time.time() - t0
            if record["error"]:
                print(f"{record['id']}: {record['error']['type']}: "
                      f"{record['error']['message'][:150]}", flush=True)
            else:
                config = record["config"]
                if base is None or family == "tfops":
                    base = record
                else:
                    delta = delta_config(config, base["config"])
                    if delta is not None and _size(delta) < _size(config):
                        assert expand_config(delta, base["config"]) == config
                        record["config"] = None
                        record["config_delta"] = dict(delta, base=base["id"])
                m = record["model"]
                print(f"{record['id']}: {len(m['layers'])} layers, {m['total_params']:,} params "
                      f"({m['non_trainable_params']:,} non-trainable), {seconds:.1f}s",
                      flush=True)
            families.setdefault(family, []).append(record)

    info = rec.versions()
    out_dir = os.path.join(ROOT, "tests", "golden", "applications", args.backend)
    total = 0
    for family, records in families.items():
        data = {"format_version": FORMAT_VERSION, "generator": GENERATOR, "family": family,
                "variants": records}
        data.update(info)
        path = os.path.join(out_dir, family + ".json.gz")
        if args.dry_run:
            continue
        raw, packed, changed = mg.dump(data, path)
        total += packed
        print(f"wrote {os.path.relpath(path, ROOT)}: {packed / 1024:.1f} KiB gzip "
              f"({raw / 1024:.1f} KiB raw){'' if changed else ' (unchanged)'}")
    print(f"total {total / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
