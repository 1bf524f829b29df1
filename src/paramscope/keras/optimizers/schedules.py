"""``keras.optimizers.schedules``: learning rate schedules, built and checked as Keras 3.15.

Calling a schedule (the learning rate at a step) needs the training loop; constructing,
``get_config()``, serializing and passing one to an optimizer work as in Keras.
"""

from __future__ import annotations

from ...errors import NeedsComputationError, ParamscopeError
from .. import _api


class LearningRateSchedule:
    """``keras.optimizers.schedules.LearningRateSchedule``: subclass it and define
    ``__call__(step)`` and ``get_config()``."""

    def __call__(self, step):
        raise NotImplementedError(
            f"Learning rate schedule '{self.__class__.__name__}' must override "
            "`__call__(self, step)`.")

    def get_config(self):
        raise NotImplementedError(
            f"Learning rate schedule '{self.__class__.__name__}' must override `get_config()` "
            "in order to be serializable.")

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class _BuiltinSchedule(LearningRateSchedule):
    """The schedules Keras ships: their value at a step needs the training loop here.
    ``_CONFIG_KEYS`` names their config's keys, in Keras's order, each an attribute of the
    schedule."""

    _CONFIG_KEYS = ()

    def get_config(self):
        return {key: getattr(self, key) for key in self._CONFIG_KEYS}

    def __call__(self, step):
        raise NeedsComputationError(
            f"keras.optimizers.schedules.{type(self).__name__}(...)(step) computes a learning "
            "rate during training, which paramscope does not run.")


def _positive_steps(value, name):
    if value <= 0:
        raise ParamscopeError(f"Argument `{name}` must be > 0. Received: {name}={value}")


class _DecaySchedule(_BuiltinSchedule):
    """A schedule that decays an initial learning rate over ``decay_steps`` (> 0)."""

    def __init__(self, initial_learning_rate, decay_steps, name):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.name = name
        _positive_steps(self.decay_steps, "decay_steps")


class ExponentialDecay(_DecaySchedule):
    _CONFIG_KEYS = ("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name")

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False,
                 name="ExponentialDecay"):
        super().__init__(initial_learning_rate, decay_steps, name)
        self.decay_rate = decay_rate
        self.staircase = staircase


class PiecewiseConstantDecay(_BuiltinSchedule):
    _CONFIG_KEYS = ("boundaries", "values", "name")

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        super().__init__()
        if len(boundaries) != len(values) - 1:
            raise ParamscopeError(
                "The length of boundaries should be 1 less than the length of values. "
                f"Received: boundaries={boundaries} of length {len(boundaries)}, and "
                f"values={values} of length {len(values)}.")
        self.boundaries = boundaries
        self.values = values
        self.name = name


class PolynomialDecay(_DecaySchedule):
    _CONFIG_KEYS = ("initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle",
              "name")

    def __init__(self, initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0,
                 cycle=False, name="PolynomialDecay"):
        super().__init__(initial_learning_rate, decay_steps, name)
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle


class InverseTimeDecay(ExponentialDecay):
    """The same arguments and config as ExponentialDecay (another decay formula)."""

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False,
                 name="InverseTimeDecay"):
        super().__init__(initial_learning_rate, decay_steps, decay_rate, staircase, name)


class CosineDecay(_DecaySchedule):
    _CONFIG_KEYS = ("initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target",
              "warmup_steps")

    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0, name="CosineDecay",
                 warmup_target=None, warmup_steps=0):
        super().__init__(initial_learning_rate, decay_steps, name)
        self.alpha = alpha
        self.warmup_steps = warmup_steps
        self.warmup_target = warmup_target


class CosineDecayRestarts(_BuiltinSchedule):
    def __init__(self, initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0,
                 alpha=0.0, name="SGDRDecay"):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self._t_mul = t_mul
        self._m_mul = m_mul
        self.alpha = alpha
        self.name = name
        _positive_steps(self.first_decay_steps, "first_decay_steps")

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "first_decay_steps": self.first_decay_steps, "t_mul": self._t_mul,
                "m_mul": self._m_mul, "alpha": self.alpha, "name": self.name}


def serialize(learning_rate_schedule):
    from ..saving import serialize_keras_object
    return serialize_keras_object(learning_rate_schedule)


def deserialize(config, custom_objects=None):
    from ..saving import deserialize_keras_object
    return deserialize_keras_object(config, module_objects=globals(),
                                    custom_objects=custom_objects)


def __getattr__(name):
    return _api.missing_name("keras.optimizers.schedules", name)
