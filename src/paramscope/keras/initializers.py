"""``keras.initializers``: Keras 3.15's initializers, constructed, checked and serialized as
Keras does.  paramscope never draws the values (a weight is its shape); calling an
initializer needs real computation.  A script's own ``Initializer`` subclass passed to a
layer is accepted as Keras accepts it."""

from __future__ import annotations

from ..errors import NeedsComputationError, ParamscopeError
from . import _api, _identifiers


class Initializer:
    """``keras.initializers.Initializer``: subclass it and define ``__call__(shape, dtype)``."""

    def __call__(self, shape, dtype=None):
        raise NeedsComputationError(
            f"Initializer {type(self).__name__} draws values, which paramscope never does: a "
            f"weight is known by its shape ({tuple(shape)!r} here).")

    #: The config's keys (Keras's order), each an attribute of the initializer.
    _CONFIG_KEYS = ()

    def get_config(self):
        return {key: getattr(self, key) for key in self._CONFIG_KEYS}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def clone(self):
        return self.__class__.from_config(self.get_config())


class Constant(Initializer):
    def __init__(self, value=0.0):
        self.value = value

    def get_config(self):
        return {"value": _identifiers.serialize(self.value)}

    @classmethod
    def from_config(cls, config):
        from .saving import deserialize_keras_object
        return cls(deserialize_keras_object(config["value"]))


class Zeros(Initializer):
    pass


class Ones(Initializer):
    pass


class Identity(Initializer):
    def __init__(self, gain=1.0):
        self.gain = gain  # (Keras's get_config leaves it out)


class STFT(Initializer):
    _CONFIG_KEYS = ("side", "window", "periodic", "scaling")

    def __init__(self, side="real", window="hann", scaling="density", periodic=False):
        if side not in ["real", "imag"]:
            raise ParamscopeError(f"side should be 'real' or 'imag', not {side}")
        if scaling is not None and scaling not in ["density", "spectrum"]:
            raise ParamscopeError("Scaling is invalid, it must be `None`, 'density' or "
                                  f"'spectrum'. Received scaling={scaling}")
        self.side = side
        self.window = window
        self.scaling = scaling
        self.periodic = periodic


class RandomInitializer(Initializer):
    """Keras's base of the random initializers (their ``seed``)."""

    def __init__(self, seed=None):
        self._init_seed = seed
        if isinstance(seed, dict):
            from .saving import deserialize_keras_object
            seed = deserialize_keras_object(seed)
        elif seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)) \
                and type(seed).__name__ != "SeedGenerator":
            raise ParamscopeError("`seed` argument should be an instance of "
                                  "`keras.random.SeedGenerator()` or an integer. Received: "
                                  f"seed={seed}")
        self.seed = seed

    def get_config(self):
        return {"seed": _identifiers.serialize(self._init_seed), **super().get_config()}


class RandomNormal(RandomInitializer):
    _CONFIG_KEYS = ("mean", "stddev")

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)


class TruncatedNormal(RandomNormal):
    pass


class RandomUniform(RandomInitializer):
    _CONFIG_KEYS = ("minval", "maxval")

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        self.minval = minval
        self.maxval = maxval
        super().__init__(seed=seed)


class VarianceScaling(RandomInitializer):
    _CONFIG_KEYS = ("scale", "mode", "distribution", "input_axes", "output_axes")

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None,
                 input_axes=None, output_axes=None):
        if scale <= 0.0:
            raise ParamscopeError(f"Argument `scale` must be positive float. Received: "
                                  f"scale={scale}")
        allowed_modes = {"fan_in", "fan_out", "fan_avg"}
        if mode not in allowed_modes:
            raise ParamscopeError(f"Invalid `mode` argument: {mode}. Please use one of "
                                  f"{allowed_modes}")
        distribution = distribution.lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        allowed = {"uniform", "truncated_normal", "untruncated_normal"}
        if distribution not in allowed:
            raise ParamscopeError(f"Invalid `distribution` argument: {distribution}.Please "
                                  f"use one of {allowed}")
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.input_axes = input_axes
        self.output_axes = output_axes
        super().__init__(seed=seed)


class _FixedVarianceScaling(VarianceScaling):
    """Glorot/He/Lecun: VarianceScaling with a fixed scale, mode and distribution."""

    _scale, _mode, _distribution = 1.0, "fan_avg", "uniform"
    _CONFIG_KEYS = ("input_axes", "output_axes")  # Keras leaves out the fixed arguments

    def __init__(self, seed=None, input_axes=None, output_axes=None):
        super().__init__(scale=self._scale, mode=self._mode, distribution=self._distribution,
                         seed=seed, input_axes=input_axes, output_axes=output_axes)


def _fixed_variance_scaling(name, scale, mode, distribution):
    """A Glorot/He/Lecun initializer class: VarianceScaling with these arguments fixed."""
    return type(name, (_FixedVarianceScaling,), {
        "__module__": __name__, "__qualname__": name,
        "_scale": scale, "_mode": mode, "_distribution": distribution})


GlorotUniform = _fixed_variance_scaling("GlorotUniform", 1.0, "fan_avg", "uniform")
GlorotNormal = _fixed_variance_scaling("GlorotNormal", 1.0, "fan_avg", "truncated_normal")
LecunNormal = _fixed_variance_scaling("LecunNormal", 1.0, "fan_in", "truncated_normal")
LecunUniform = _fixed_variance_scaling("LecunUniform", 1.0, "fan_in", "uniform")
HeNormal = _fixed_variance_scaling("HeNormal", 2.0, "fan_in", "truncated_normal")
HeUniform = _fixed_variance_scaling("HeUniform", 2.0, "fan_in", "uniform")


class Orthogonal(RandomInitializer):
    _CONFIG_KEYS = ("gain",)

    def __init__(self, gain=1.0, seed=None):
        self.gain = gain
        super().__init__(seed=seed)


ALL_OBJECTS = (Initializer, Constant, Identity, Ones, STFT, Zeros, GlorotNormal, GlorotUniform,
               HeNormal, HeUniform, LecunNormal, LecunUniform, Orthogonal, RandomNormal,
               RandomUniform, TruncatedNormal, VarianceScaling)


def _objects():
    return _identifiers.objects_dict(ALL_OBJECTS, {
        "IdentityInitializer": Identity, "normal": RandomNormal, "one": Ones,
        "STFTInitializer": STFT, "OrthogonalInitializer": Orthogonal, "uniform": RandomUniform,
        "zero": Zeros})


serialize = _identifiers.serialize
deserialize = _identifiers.deserializer(_objects)
get = _identifiers.getter("initializer", _objects, deserialize, strings_by_config=True)


def __getattr__(name):
    return _api.missing_name("keras.initializers", name)


def __dir__():
    return sorted(set(_api.public_names("keras.initializers")) | set(globals()))
