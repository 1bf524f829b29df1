#!/usr/bin/env python
"""Record what real Keras 3 gives when it *reloads* a golden case's config, where that
differs from the live model the case built (calls outside the model, flags set after the
layers were built, models cut from intermediate tensors are not in a config).

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_reloaded.py

Writes tests/golden/keras3_reloaded.json.gz: {case id: {"rows": [[name, shape text, params,
trainable params, non-trainable params, inbound], ...], "trainable_params", "non_trainable_params"}}
(cases Keras cannot reload are left out: the live model is their reference).  tests/formats/test_formats_golden_configs.py compares with it.
"""

import gzip
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "tests", "golden")


def rows_of(model, keras):
    from keras.src.utils import summary_utils as su
    sequential = isinstance(model, keras.Sequential)
    ops = model.layers if sequential else model._operations
    relevant = [n for v in getattr(model, "_nodes_by_depth", {}).values() for n in v]
    out = []
    for layer in ops:
        text = re.sub(r"\[(?:/|color\(\d+\))\]", "", su.format_layer_shape(layer))
        built = getattr(layer, "built", True)
        weights = getattr(layer, "weights", [])
        count = lambda ws: int(sum(__import__("math").prod(w.shape) for w in ws))
        inbound = []
        if not sequential:
            for node in layer._inbound_nodes:
                if relevant and node not in relevant:
                    continue
                for kt in node.input_tensors:
                    h = kt._keras_history
                    inbound.append([h.operation.name, h.node_index, h.tensor_index])
        out.append([layer.name, text, count(weights) if built else 0,
                    count(getattr(layer, "trainable_weights", [])) if built else 0,
                    count(getattr(layer, "non_trainable_weights", [])) if built else 0, inbound])
    return out


def live_rows(case):
    out = []
    sequential = case["model"]["class_name"] == "Sequential"
    for l in case["model"]["layers"]:
        out.append([l["name"], l["output_shape_text"], l["params"], l["trainable_params"],
                    l["non_trainable_params"], [] if sequential else l["inbound"]])
    return out


def main():
    import keras
    from keras.src.utils import summary_utils as su
    result = {}
    folder = os.path.join(GOLDEN, "keras3")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json.gz"):
            continue
        with gzip.open(os.path.join(folder, name), "rt", encoding="utf-8") as f:
            cases = json.load(f)["cases"]
        for case in cases:
            if case["error"] or not case.get("config") or not case.get("model"):
                continue
            keras.backend.clear_session()
            try:
                # Shapes only: variables are never initialized (the "large" cases hold TBs).
                with keras.StatelessScope(initialize_variables=False):
                    model = keras.models.model_from_json(json.dumps(case["config"]))
                record = {"rows": rows_of(model, keras),
                          "trainable_params": su.count_params(model.trainable_weights),
                          "non_trainable_params": su.count_params(model.non_trainable_weights)}
            except Exception:  # noqa: BLE001
                # Keras cannot reload it here (Lambda code in safe mode, a layer needing
                # TensorFlow, an unregistered custom cell...): the live model is the reference.
                continue
            live = {"rows": live_rows(case), "trainable_params": case["model"]["trainable_params"],
                    "non_trainable_params": case["model"]["non_trainable_params"]}
            if record != live:
                result[case["id"]] = record
    path = os.path.join(GOLDEN, "keras3_reloaded.json.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(json.dumps(result, sort_keys=True, separators=(",", ":")).encode())
    print(f"{len(result)} cases reload differently; wrote {path}")


if __name__ == "__main__":
    main()
