"""``keras.random`` (``keras/src/random/random.py``, JAX backend): random tensors known by
their shape and dtype, and ``SeedGenerator``."""

from __future__ import annotations

from ..dtypes import floatx
from ..layers.base import KerasTensor
from ..layers.state import SeedGenerator
from ._base import Constant, is_tracing
from ._dtypes import is_float_dtype, is_int_dtype, standardize_dtype
from ._shapes import OpShapeError, OpTypeError
from .numpy_create import concrete_shape, jax_dtype

__all__ = ["SeedGenerator", "normal", "uniform", "truncated_normal", "randint", "categorical",
           "dropout", "shuffle", "gamma", "binomial", "beta"]


def _check_seed(seed):
    if seed is None:
        if is_tracing():
            raise OpShapeError(
                "[JAX RNG] When tracing a JAX function, you should only use seeded random ops, "
                "e.g. you should create a `SeedGenerator` instance, attach it to your "
                "layer/model, and pass the instance as the `seed` argument when calling random "
                "ops.")
        return
    if not isinstance(seed, (int, SeedGenerator)) or isinstance(seed, bool):
        raise OpShapeError("Argument `seed` must be either an integer or an instance of "
                           f"`SeedGenerator`. Received: seed={seed} (of type {type(seed)})")


def _random(shape, dtype, seed, float_for=None):
    """A random tensor; ``float_for``: the function whose dtype must be a float (JAX)."""
    _check_seed(seed)
    dtype = standardize_dtype(dtype)
    if float_for and not (is_float_dtype(dtype) or "complex" in dtype):
        raise OpShapeError(f"dtype argument to `{float_for}` must be a float or complex dtype, "
                           f"got {dtype}")
    return Constant(concrete_shape(shape), jax_dtype(dtype))


def _float_random(name, shape, dtype, seed):
    return _random(shape, dtype, seed, float_for=name)


def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return _float_random("normal", shape, dtype, seed)


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return _float_random("truncated_normal", shape, dtype, seed)


def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    if dtype and not is_float_dtype(dtype):
        raise OpShapeError("`keras.random.uniform` requires a floating point `dtype`. "
                           f"Received: dtype={dtype} ")
    return _float_random("uniform", shape, dtype, seed)


def randint(shape, minval, maxval, dtype="int32", seed=None):
    if dtype and not is_int_dtype(dtype):
        raise OpShapeError("`keras.random.randint` requires an integer `dtype`. Received: "
                           f"dtype={dtype} ")
    return _random(shape, dtype, seed)


def gamma(shape, alpha, dtype=None, seed=None):
    return _float_random("gamma", shape, dtype, seed)


def binomial(shape, counts, probabilities, dtype=None, seed=None):
    return _random(shape, dtype, seed)


def beta(shape, alpha, beta, dtype=None, seed=None):
    return _float_random("beta", shape, dtype, seed)


def _concrete(x, what):
    """``x`` as a tensor known by shape and dtype: a concrete one, or inside a traced call()
    a traced one (Keras's backend traces its random functions like any other)."""
    if isinstance(x, KerasTensor):
        if is_tracing():
            return x
        raise OpTypeError(f"keras.random.{what} needs a concrete tensor: a KerasTensor is a "
                          "symbolic placeholder (use the layer keras.layers.Dropout, or call "
                          f"keras.random.{what} inside a layer's call()). Received: {x}")
    from ._base import as_tensor_like
    return as_tensor_like(x)


def categorical(logits, num_samples, dtype="int32", seed=None):
    logits = _concrete(logits, "categorical")
    if len(logits.shape) != 2:
        raise OpShapeError("`logits` should be a 2-D tensor with shape [batch_size, "
                           f"num_classes]. Received: logits={logits}")
    _check_seed(seed)
    return Constant((logits.shape[0], num_samples), jax_dtype(dtype))


def dropout(inputs, rate, noise_shape=None, seed=None):
    inputs = _concrete(inputs, "dropout")
    _check_seed(seed)
    return _same_shape(inputs)


def shuffle(x, axis=0, seed=None):
    x = _concrete(x, "shuffle")
    _check_seed(seed)
    return _same_shape(x)


def _same_shape(x):
    """A result of ``x``'s shape and dtype, traced if ``x`` is."""
    dtype = jax_dtype(getattr(x, "dtype", None) or floatx())
    if isinstance(x, KerasTensor):
        return KerasTensor(x.shape, dtype=dtype, name="traced")
    return Constant(x.shape, dtype)
