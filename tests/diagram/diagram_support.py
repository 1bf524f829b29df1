"""Shared by the diagram tests: the Keras-recorded cases and models built from them."""

import gzip
import json
import os
import warnings

GOLDEN = os.path.join(os.path.dirname(__file__), "..", "golden", "diagrams", "keras3.json.gz")


def keras_drawings():
    """{case id: {"code", "drawings"}} recorded from Keras's model_to_dot (make_diagrams.py)."""
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        return {case["id"]: case for case in json.load(f)["cases"]}


def build_case(code):
    """Run a case's code on paramscope.keras and return its ``model``."""
    import paramscope.keras as keras
    from paramscope import backend_config, naming
    naming.clear_session()
    backend_config.reset()
    namespace = {"keras": keras, "layers": keras.layers, "ops": keras.ops}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, "<diagram case>", "exec"), namespace)
    return namespace["model"]


def group_name(group_id):
    """``group:backbone/inner`` -> ``backbone/inner`` (the qualified model name)."""
    return group_id[len("group:"):] if group_id else None
