"""``keras.random`` (``keras/src/random/random.py``, JAX backend): random tensors known by
their shape and dtype, and ``SeedGenerator``."""

from __future__ import annotations

from .. import naming
from ..dtypes import floatx
from ..errors import ParamscopeError
from ..layers.base import KerasTensor
from ._base import Constant, is_tracing
from ._dtypes import is_float_dtype, is_int_dtype, standardize_dtype
from ._shapes import OpShapeError, OpTypeError
from .numpy_create import concrete_shape, jax_dtype

__all__ = ["SeedGenerator", "normal", "uniform", "truncated_normal", "randint", "categorical",
           "dropout", "shuffle", "gamma", "binomial", "beta"]


class SeedGenerator:
    """``keras.random.SeedGenerator``: a seed and its state variable (``(2,)``, uint32 on
    JAX), which is not a weight (summaries do not count it)."""

    def __init__(self, seed=None, name=None, **kwargs):
        if name is None:
            name = naming.auto_name(type(self).__name__)
        self.name = name
        kwargs.pop("backend", None)
        if kwargs:
            raise ParamscopeError(f"Unrecognized keyword arguments: {kwargs}")
        self._initial_seed = seed
        if seed is not None and not isinstance(seed, int):
            raise ParamscopeError(f"Argument `seed` must be an integer. Received: seed={seed}")
        from ..layers.base import Weight
        self.state = Weight("seed_generator_state", (2,), dtype="uint32", trainable=False)
        self.state._path = f"{name}/seed_generator_state"

    def next(self, ordered=True):
        return Constant((2,), "uint32")

    def get_config(self):
        return {"seed": self._initial_seed, "name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<SeedGenerator name={self.name}>"


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
    if isinstance(x, KerasTensor):
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
    return Constant(inputs.shape, jax_dtype(getattr(inputs, "dtype", None) or floatx()))


def shuffle(x, axis=0, seed=None):
    x = _concrete(x, "shuffle")
    _check_seed(seed)
    return Constant(x.shape, jax_dtype(getattr(x, "dtype", None) or floatx()))
