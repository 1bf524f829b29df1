"""keras.applications built by paramscope: ``paramscope.keras.applications.ResNet50(...)``
(and in scripts, ``keras.applications.ResNet50(...)``) give Keras 3.15's model, layer for
layer, for every golden variant that real Keras built (tools/make_applications.py records
each variant's function and arguments next to its rows and totals).
"""

import pytest

from paramscope.keras import applications
from paramscope.report import keras3
from paramscope.summary import summarize
from test_applications import KERAS3, check_model

VARIANTS = [v for v in KERAS3 if v.get("model_fn") in applications.MODELS]


def _builder(variant):
    """The function Keras was called with and its arguments (JSON made the generator's
    input_shape tuples lists)."""
    kwargs = dict(variant["kwargs"])
    if "input_shape" in kwargs and isinstance(kwargs["input_shape"], list):
        kwargs["input_shape"] = tuple(kwargs["input_shape"])
    function = kwargs.pop("_function", None)
    if function is None:
        return getattr(applications, variant["model_fn"]), kwargs
    module, _, name = function.rpartition(".")  # e.g. convnext.ConvNeXt (the generic one)
    return getattr(applications.family(module), name), kwargs


def test_every_application_has_golden_variants():
    assert {v["model_fn"] for v in VARIANTS} == set(applications.MODELS)


def test_every_family_is_built_in():
    missing = sorted({f for f in applications.MODELS.values() if applications.family(f) is None})
    assert not missing, f"families not ported yet: {missing}"


@pytest.mark.parametrize("variant", VARIANTS, ids=[v["id"] for v in VARIANTS])
def test_application_matches_keras(variant):
    build, kwargs = _builder(variant)
    model = build(weights=None, **kwargs)
    summary = summarize(model, with_explain=False)
    check_model(summary, variant["model"])
    texts = variant.get("summaries") or {}
    options = {"c200": (200, {}), "c200_trainable": (200, {"show_trainable": True}),
               "c80": (80, {}), "c200_l120": (200, {"line_length": 120})}
    for key, text in texts.items():
        columns, kwargs = options[key]
        assert keras3.render(summary, columns=columns, console_width=columns, **kwargs) == text, key


# The tensorflow.org transfer-learning tutorial, pasted as it is written (tf.keras imports,
# weights="imagenet"): `paramscope run` prints what Keras prints for that model, with no
# TensorFlow installed and nothing downloaded.
TUTORIAL = '''
import tensorflow as tf

IMG_SIZE = (160, 160)
IMG_SHAPE = IMG_SIZE + (3,)
base_model = tf.keras.applications.MobileNetV2(input_shape=IMG_SHAPE,
                                               include_top=False,
                                               weights='imagenet')
base_model.trainable = False
data_augmentation = tf.keras.Sequential([
  tf.keras.layers.RandomFlip('horizontal'),
  tf.keras.layers.RandomRotation(0.2),
])
preprocess_input = tf.keras.applications.mobilenet_v2.preprocess_input
global_average_layer = tf.keras.layers.GlobalAveragePooling2D()
prediction_layer = tf.keras.layers.Dense(1, activation='sigmoid')
inputs = tf.keras.Input(shape=(160, 160, 3))
x = data_augmentation(inputs)
x = preprocess_input(x)
x = base_model(x, training=False)
x = global_average_layer(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = prediction_layer(x)
model = tf.keras.Model(inputs, outputs)
model.summary()
'''


def test_transfer_learning_tutorial_runs_unmodified(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import load_golden
    golden = {c["id"]: c for c in load_golden("keras3", "applications.json.gz")["cases"]}
    expected = golden["applications/tf_tutorial_mobilenet_v2"]["summaries"]["c200"]
    script = tmp_path / "transfer.py"
    script.write_text(TUTORIAL)
    src = os.path.join(os.path.dirname(__file__), "..", "src")
    env = dict(os.environ, COLUMNS="200",
               PYTHONPATH=os.pathsep.join([src] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    proc = subprocess.run([sys.executable, "-m", "paramscope", "run", str(script)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected
