"""Golden cases for layers only tf-keras 2 has (Keras 3 removed them): they appear in tf-keras
files and tf.keras scripts.  Generated with tf-keras only:

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \\
        --cases tools/cases/tfkeras_only.py --out tests/golden/tfkeras/tfkeras_only.json.gz
"""

CASES = []


def _add(case_id, code, *tags):
    CASES.append({"id": "tfkeras_only/" + case_id, "code": code.strip("\n") + "\n",
                  "tags": ["tfkeras_only", *tags]})


for name in ("RandomHeight", "RandomWidth"):
    key = name[6:].lower()
    _add(f"{key}/augmentation", f"""
model = keras.Sequential([
    keras.Input(shape=(32, 24, 3)),
    layers.{name}(0.2),
    layers.Conv2D(4, 3),
    layers.GlobalAveragePooling2D(),
    layers.Dense(2),
])
""", key)
    _add(f"{key}/pair_nearest", f"""
model = keras.Sequential([
    keras.Input(shape=(16, 16, 1)),
    layers.{name}((-0.3, 0.1), interpolation="nearest", seed=1),
    layers.GlobalMaxPooling2D(),
])
""", key)
    _add(f"{key}/functional", f"""
x = keras.Input(shape=(20, 20, 3), name="img")
y = layers.{name}(factor=0.5, name="aug")(x)
z = layers.Conv2D(2, 3, padding="same", name="conv")(y)
model = keras.Model(x, z, name="aug_model")
""", key)
    _add(f"{key}/unbatched_rank3", f"""
x = keras.Input(shape=(8, 8), batch_size=None, name="img")
y = layers.Reshape((8, 8, 1))(x)
model = keras.Model(x, layers.{name}(0.1)(y))
""", key)
    _add(f"{key}/error_bounds", f"""
model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.{name}((0.5, 0.1))])
""", key, "error")
    _add(f"{key}/error_below_minus_one", f"""
model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.{name}(-1.5)])
""", key, "error")
