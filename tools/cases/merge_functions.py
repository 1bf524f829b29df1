"""Golden cases: the functional forms of the merge layers (``keras.layers.add([a, b])``,
``concatenate``, ``dot``, ...), as older tutorials and the keras.applications code call them.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_golden.py \\
        --cases tools/cases/merge_functions.py --out tests/golden/keras3/merge_functions.json.gz
    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend tfkeras \\
        --cases tools/cases/merge_functions.py --out tests/golden/tfkeras/merge_functions.json.gz
"""

CASES = []


def _add(case_id, code, *tags):
    CASES.append({"id": "merge_functions/" + case_id, "code": code.strip("\n") + "\n",
                  "tags": ["merge_functions", *tags]})


for fn in ("add", "subtract", "multiply", "average", "maximum", "minimum"):
    _add(fn, f"""
a = keras.Input((4,), name="a")
b = keras.Input((4,), name="b")
y = layers.{fn}([layers.Dense(4)(a), b])
model = keras.Model([a, b], layers.Dense(2)(y))
""", fn)

_add("concatenate_axis", """
a = keras.Input((5, 3), name="a")
b = keras.Input((5, 2), name="b")
c = layers.concatenate([a, b])
d = layers.concatenate([c, c], axis=1, name="twice")
model = keras.Model([a, b], layers.Flatten()(d))
""", "concatenate")
_add("dot_axes_normalize", """
a = keras.Input((6,), name="a")
b = keras.Input((6,), name="b")
model = keras.Model([a, b], layers.dot([a, b], axes=1, normalize=True))
""", "dot")
_add("named_and_three_inputs", """
x = keras.Input((3,), name="x")
h = [layers.Dense(3, name=f"h{i}")(x) for i in range(3)]
s = layers.add(h, name="sum3")
m = layers.maximum(h)
model = keras.Model(x, layers.concatenate([s, m]))
""", "add", "maximum", "concatenate")
_add("error_shapes", """
a = keras.Input((4,), name="a")
b = keras.Input((5,), name="b")
model = keras.Model([a, b], layers.add([a, b]))
""", "error")
