"""Golden cases: keras.backend's Keras 2 functions as Keras 3 keeps them in its tf.keras view
(``keras._tf_keras.keras.backend``, what a classic script's ``from keras import backend as K``
gets once its import paths are mapped): inside a Lambda's function and a custom layer's
``call()`` (traced: Keras 3.15.1 on TensorFlow, the backend those TensorFlow functions need),
on concrete values, and Keras 3's failure on a symbolic tensor outside a call.  Real Keras
3.15.1 on TensorFlow 2.21 (the tf-keras venv):

    TF_CPP_MIN_LOG_LEVEL=3 /work/venvs/k2/bin/python tools/make_golden.py --backend keras3 \\
        --keras3-backend tensorflow --cases tools/cases/keras3_legacy_backend.py \\
        --out tests/golden/tf_scripts/keras3_legacy_backend.json.gz

The expressions are those of tools/cases/tf_backend.py (tf.keras on symbolic tensors), each
wrapped in a Lambda here.  paramscope runs each case with Keras 3 semantics
(tests/test_legacy_backend.py); its ``keras.backend`` is the view.
"""

import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "tf_backend_cases", os.path.join(os.path.dirname(os.path.abspath(__file__)), "tf_backend.py"))
_tf_backend = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_tf_backend)

PRELUDE = '''import numpy as np
import tensorflow as tf
try:
    from keras._tf_keras.keras import backend as K  # Keras 3's tf.keras view
except ImportError:
    K = keras.backend  # paramscope: keras.backend is the view


def err(fn):
    try:
        fn()
    except Exception as e:
        kinds = [c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins"
                 and c not in (Exception, BaseException, object)]
        return ["|".join(kinds), str(e)]
    return None


'''

#: expressions Keras 3 cannot trace, or whose result is not a tensor a Lambda can return
_LEFT_OUT = {
    "print_tensor",  # tf.print in a graph: a side effect, not a tensor shape question
}

CASES = []


def _lambda_case(name, expr, inputs):
    names = inputs.split()
    lines = [_tf_backend.INPUTS[n] for n in names]
    unpack = f"    {', '.join(names)}, = args\n" if len(names) > 1 else f"    {names[0]} = args\n"
    arg = f"[{', '.join(names)}]" if len(names) > 1 else names[0]
    code = PRELUDE + "\n".join(lines) + "\n\n\ndef f(args):\n" + unpack + f"    return {expr}\n\n\n" \
        f"out = layers.Lambda(f, name='f')({arg})\nmodel = keras.Model([{', '.join(names)}], out)\n"
    CASES.append({"id": f"keras3_legacy_backend/lambda_{name}",
                  "tags": ["keras3_legacy_backend"], "code": code})


for _name, _expr, _inputs in _tf_backend.TENSORS:
    if _name not in _LEFT_OUT:
        _lambda_case(_name, _expr, _inputs)

#: outside a call: on a symbolic tensor Keras 3 fails; on values it computes (not K.backend():
#: these fixtures run on TensorFlow, paramscope follows Keras 3 on JAX)
OUTSIDE = [
    ("symbolic_sum", "err(lambda: K.sum(x, axis=1))", "x"),
    ("symbolic_square", "err(lambda: K.square(x))", "x"),
    ("symbolic_flatten", "err(lambda: K.flatten(x))", "x"),
    ("symbolic_batch_dot", "err(lambda: K.batch_dot(x, x, axes=[2, 2]))", "x"),
    ("int_shape", "K.int_shape(x)", "x"), ("ndim", "K.ndim(x)", "x"),
    ("dtype", "K.dtype(x)", "x"), ("epsilon", "K.epsilon()", ""),
    ("floatx", "K.floatx()", ""), ("image_data_format", "K.image_data_format()", ""),
    ("int_shape_variable", "K.int_shape(K.variable(np.zeros((2, 3))))", ""),
    ("dtype_variable", "K.dtype(K.variable(np.zeros((2, 3))))", ""),
    ("int_shape_constant", "K.int_shape(K.constant(1.0, shape=(2, 3)))", ""),
    ("int_shape_zeros", "K.int_shape(K.zeros((4, 5), dtype='int32'))", ""),
    ("count_params", "K.count_params(K.zeros((2, 3)))", ""),
    ("int_shape_concrete_sum", "K.int_shape(K.sum(K.ones((3, 4)), axis=0))", ""),
    ("int_shape_concrete_batch_dot", "K.int_shape(K.batch_dot(K.ones((2, 3, 4)), "
     "K.ones((2, 4, 5))))", ""),
    ("set_learning_phase", "err(lambda: K.set_learning_phase(0))", ""),
    ("get_session", "err(lambda: K.get_session())", ""),
]
for _name, _expr, _inputs in OUTSIDE:
    _lines = [_tf_backend.INPUTS[n] for n in _inputs.split()]
    CASES.append({"id": f"keras3_legacy_backend/value_{_name}", "tags": ["keras3_legacy_backend"],
                  "code": PRELUDE + "\n".join(_lines) + f"\nrecord = {_expr}\n"})

#: custom layers and the classic examples' Lambdas
SCRIPTS = {
    "capsule": """
class Capsule(layers.Layer):
    def __init__(self, num_capsule, dim_capsule, **kwargs):
        super().__init__(**kwargs)
        self.num_capsule, self.dim_capsule = num_capsule, dim_capsule

    def build(self, input_shape):
        self.W = self.add_weight(name="capsule_kernel",
                                 shape=(1, input_shape[-1], self.num_capsule * self.dim_capsule))

    def call(self, inputs):
        hat = K.conv1d(inputs, self.W)
        batch_size = K.shape(inputs)[0]
        input_num_capsule = K.shape(inputs)[1]
        hat = K.reshape(hat, (batch_size, input_num_capsule, self.num_capsule, self.dim_capsule))
        hat = K.permute_dimensions(hat, (0, 2, 1, 3))
        b = K.zeros_like(hat[:, :, :, 0])
        c = K.softmax(b, 1)
        o = K.batch_dot(c, hat, [2, 2])
        s = K.sum(K.square(o), -1, keepdims=True)
        return K.sqrt(s + K.epsilon()) * o


x = keras.Input((None, 64))
caps = Capsule(10, 16)(x)
out = layers.Lambda(lambda z: K.sqrt(K.sum(K.square(z), 2)))(caps)
model = keras.Model(x, out)
""",
    "vae_sampling": """
def sampling(args):
    z_mean, z_log_var = args
    batch = K.shape(z_mean)[0]
    dim = K.int_shape(z_mean)[1]
    epsilon = K.random_normal(shape=(batch, dim))
    return z_mean + K.exp(0.5 * z_log_var) * epsilon


inputs = keras.Input((20,))
h = layers.Dense(16, activation="relu")(inputs)
z_mean = layers.Dense(2)(h)
z_log_var = layers.Dense(2)(h)
z = layers.Lambda(sampling, output_shape=(2,))([z_mean, z_log_var])
model = keras.Model(inputs, [z_mean, z_log_var, z])
""",
    "antirectifier": """
class Antirectifier(layers.Layer):
    def compute_output_shape(self, input_shape):
        return tuple(input_shape[:-1]) + (2 * input_shape[-1],)

    def call(self, inputs):
        inputs -= K.mean(inputs, axis=1, keepdims=True)
        inputs = K.l2_normalize(inputs, axis=1)
        return K.concatenate([K.relu(inputs), K.relu(-inputs)], axis=1)


x = keras.Input((784,))
model = keras.Model(x, layers.Dense(10)(Antirectifier()(layers.Dense(256)(x))))
""",
}
for _name, _body in SCRIPTS.items():
    CASES.append({"id": f"keras3_legacy_backend/script_{_name}",
                  "tags": ["keras3_legacy_backend"], "code": PRELUDE + _body.lstrip("\n")})
