"""``keras.activations``: Keras 3.15's activation functions.

On symbolic tensors (inside a custom layer's ``call``, or on ``keras.Input`` tensors) each
records the operation Keras records (``relu`` a ``ReLU`` operation, ``gelu`` a ``Gelu``,
...); passed to a layer (``Dense(3, activation=keras.activations.relu)``) each is the
function Keras serializes by name.  On concrete values they need real computation.
"""

from __future__ import annotations

import types

from ..errors import NeedsComputationError, ParamscopeError
from . import _api


def _op(name, x, *args, **kwargs):
    """``keras.ops.<name>(x, ...)`` on a symbolic tensor."""
    from .. import ops
    from ..layers.base import KerasTensor
    if not isinstance(x, KerasTensor):
        raise NeedsComputationError(
            f"keras.activations on concrete values needs real computation ({name} of "
            f"{type(x).__name__}); paramscope works on symbolic tensors (keras.Input).")
    function = ops.FUNCTIONS.get(name)
    if function is None:
        raise NeedsComputationError(f"keras.ops.{name} is not available in paramscope yet.")
    return function(x, *args, **kwargs)


def _elementwise_operation(class_name):
    """A Keras Operation of the activations module (``ReLU``, ``Mish``): same shape and
    dtype out as in."""
    from ..layers.base import KerasTensor
    from ..ops import Operation

    def compute_output_spec(self, x):
        return KerasTensor(x.shape, dtype=x.dtype)

    return type(class_name, (Operation,), {"compute_output_spec": compute_output_spec,
                                           "__module__": __name__})


_OPERATIONS = {}


def _operation(class_name):
    if class_name not in _OPERATIONS:
        _OPERATIONS[class_name] = _elementwise_operation(class_name)
    return _OPERATIONS[class_name]


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    from ..layers.base import KerasTensor
    if not isinstance(x, KerasTensor):
        return _op("relu", x)
    return _operation("ReLU")()(x)


def leaky_relu(x, negative_slope=0.2):
    return _op("leaky_relu", x, negative_slope=negative_slope)


def relu6(x):
    return _op("relu6", x)


def softmax(x, axis=-1):
    return _op("softmax", x, axis=axis)


def elu(x, alpha=1.0):
    return _op("elu", x, alpha=alpha)


def selu(x):
    return _op("selu", x)


def softplus(x):
    return _op("softplus", x)


def softsign(x):
    return _op("softsign", x)


def soft_shrink(x, threshold=0.5):
    return _op("soft_shrink", x, threshold=threshold)


def sparse_plus(x):
    return _op("sparse_plus", x)


def silu(x):
    return _op("silu", x)


def squareplus(x, b=4):
    return _op("squareplus", x, b=b)


def gelu(x, approximate=False):
    return _op("gelu", x, approximate=approximate)


def celu(x, alpha=1.0):
    return _op("celu", x, alpha=alpha)


def glu(x, axis=-1):
    return _op("glu", x, axis=axis)


def tanh(x):
    return _op("tanh", x)


def tanh_shrink(x):
    return _op("tanh_shrink", x)


def hard_tanh(x):
    return _op("hard_tanh", x)


def hard_shrink(x, threshold=0.5):
    return _op("hard_shrink", x, threshold=threshold)


def threshold(x, threshold, default_value):
    return _op("threshold", x, threshold, default_value)


def sigmoid(x):
    return _op("sigmoid", x)


def exponential(x):
    return _op("exp", x)


def hard_sigmoid(x):
    return _op("hard_sigmoid", x)


def log_sigmoid(x):
    return _op("log_sigmoid", x)


def sparse_sigmoid(x):
    return _op("sparse_sigmoid", x)


def hard_silu(x):
    return _op("hard_silu", x)


def linear(x):
    return x


def mish(x):
    from ..layers.base import KerasTensor, is_tracing
    if not isinstance(x, KerasTensor):
        return _op("mish", x)
    if not is_tracing():  # Keras converts x to a JAX array first, which fails on a KerasTensor
        from ._loss_functions import JAX_ON_KERAS_TENSOR, keras_fails_on_symbolic
        raise keras_fails_on_symbolic("keras.activations.mish", JAX_ON_KERAS_TENSOR)
    return _operation("Mish")()(x)


def log_softmax(x, axis=-1):
    return _op("log_softmax", x, axis=axis)


def sparsemax(x, axis=-1):
    return _op("sparsemax", x, axis)


hard_swish = hard_silu
swish = silu

ALL_OBJECTS = (relu, leaky_relu, relu6, softmax, celu, elu, selu, softplus, softsign,
               squareplus, soft_shrink, sparse_plus, silu, gelu, glu, tanh, tanh_shrink,
               threshold, sigmoid, sparse_sigmoid, exponential, hard_sigmoid, hard_silu,
               hard_tanh, hard_shrink, linear, mish, log_softmax, log_sigmoid, sparsemax)


def _objects():
    objects = {fn.__name__: fn for fn in ALL_OBJECTS}
    objects.update(swish=silu, hard_swish=hard_silu)
    return objects


def serialize(activation):
    from .saving import get_registered_name, serialize_keras_object
    config = serialize_keras_object(activation)
    if not isinstance(config, dict) or "config" not in config:
        raise ParamscopeError(
            f"Unknown activation function '{activation}' cannot be serialized due to invalid "
            "function name. Make sure to use an activation name that matches the references "
            "defined in activations.py or use `@keras.saving.register_keras_serializable()`to "
            f"register any custom activations. config={config}")
    if not isinstance(activation, types.FunctionType):
        return config
    if isinstance(config["config"], str) and config["config"] not in _objects():
        config["config"] = get_registered_name(activation)
        return config
    return config["config"]


def deserialize(config, custom_objects=None):
    from .saving import deserialize_keras_object
    return deserialize_keras_object(config, module_objects=_objects(),
                                    custom_objects=custom_objects)


def get(identifier):
    if identifier is None:
        return linear
    if isinstance(identifier, dict):
        from .saving import deserialize_keras_object
        obj = deserialize_keras_object(identifier)
    elif isinstance(identifier, str):
        obj = _objects().get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        return obj
    raise ParamscopeError(f"Could not interpret activation function identifier: {identifier}")


def __getattr__(name):
    return _api.missing_name("keras.activations", name)
