"""``model.get_weights()``: NumPy arrays of the right shapes and dtypes.

The values follow Keras's default initialisers (Glorot uniform kernels, zero
biases, ones for scales and variances, ...), so a tutorial's ``get_weights()``
output looks like Keras's.  This is the one place paramscope allocates per
parameter, because the user asked for the arrays; NumPy is imported only here.
"""

from __future__ import annotations

import math

from ..errors import MissingDependencyError
from ..naming import to_snake_case


def _numpy():
    try:
        import numpy
    except ImportError:
        raise MissingDependencyError(
            "get_weights() returns NumPy arrays and needs NumPy: pip install numpy "
            "(or pip install 'paramscope[numpy]'). Shapes alone are in model.weights "
            "(w.shape) without NumPy.") from None
    return numpy


def _fans(shape):
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = math.prod(shape[:-2])
    return shape[-2] * receptive, shape[-1] * receptive


def _name_and_config(initializer):
    if isinstance(initializer, dict):
        config = initializer.get("config") or {}
        return to_snake_case(str(initializer.get("class_name", ""))), config if isinstance(config, dict) else {}
    if isinstance(initializer, str):
        return to_snake_case(initializer), {}
    if hasattr(initializer, "get_config"):  # keras.initializers.X(...)
        return to_snake_case(type(initializer).__name__), dict(initializer.get_config())
    return "glorot_uniform", {}


def initial_value(np, rng, shape, dtype, initializer):
    """An array as Keras's initializer would make it (statistically)."""
    name, config = _name_and_config(initializer)
    np_dtype = "float32" if dtype == "bfloat16" else dtype
    fan_in, fan_out = _fans(shape)
    if name in ("zeros", "zero"):
        return np.zeros(shape, np_dtype)
    if name in ("ones", "one"):
        return np.ones(shape, np_dtype)
    if name == "constant":
        return np.full(shape, config.get("value", 0.0), np_dtype)
    if "float" not in dtype:
        return np.zeros(shape, np_dtype)
    if name in ("random_uniform", "uniform"):
        low, high = config.get("minval", -0.05), config.get("maxval", 0.05)
        return rng.uniform(low, high, shape).astype(np_dtype)
    if name in ("random_normal", "normal"):
        return rng.normal(config.get("mean", 0.0), config.get("stddev", 0.05), shape).astype(np_dtype)
    if name == "truncated_normal":
        values = rng.normal(config.get("mean", 0.0), config.get("stddev", 0.05), shape)
        return np.clip(values, -2 * config.get("stddev", 0.05), 2 * config.get("stddev", 0.05)).astype(np_dtype)
    if name in ("orthogonal", "identity") and len(shape) == 2:
        if name == "identity":
            return np.eye(*shape, dtype=np_dtype)
        q, _ = np.linalg.qr(rng.normal(size=(max(shape), min(shape))))
        return (q if shape[0] >= shape[1] else q.T)[: shape[0], : shape[1]].astype(np_dtype)
    scale_by = {"glorot": (fan_in + fan_out) / 2, "he": fan_in / 2, "lecun": fan_in}
    family = name.split("_", 1)[0]
    fan = scale_by.get(family, (fan_in + fan_out) / 2)
    if name.endswith("normal"):
        return rng.normal(0.0, math.sqrt(1.0 / max(fan, 1)) * 0.8796, shape).astype(np_dtype)
    limit = math.sqrt(3.0 / max(fan, 1))
    return rng.uniform(-limit, limit, shape).astype(np_dtype)


def weight_arrays(weights, seed=None):
    np = _numpy()
    rng = np.random.default_rng(seed)
    return [initial_value(np, rng, tuple(w.shape), w.dtype, getattr(w, "initializer", None))
            for w in weights]
