"""``keras.optimizers``: every optimizer of Keras 3.15, constructed and checked as Keras does.

An optimizer here knows exactly what Keras's knows before training: its arguments (checked
with Keras's rules and messages: ``RMSprop(lr=0.01)`` fails as in Keras 3), its name,
``get_config()`` as Keras gives it (the learning rate read back from its float32 variable),
and its ``iterations``/``learning_rate`` variables.  Applying gradients needs real
computation.  The per-variable slots (momentums, velocities) a built optimizer adds are not
created here.
"""

from __future__ import annotations

import struct
import warnings

from ... import naming
from ...dtypes import floatx
from ...errors import NeedsComputationError, ParamscopeError
from .. import _api
from ..variables import Variable, name_scope
from . import legacy, schedules
from .schedules import LearningRateSchedule

#: The arguments every optimizer takes, in Keras's get_config() order after the name and
#: the learning rate.
_BASE_CONFIG = ("weight_decay", "clipnorm", "global_clipnorm", "clipvalue", "use_ema",
                "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor",
                "gradient_accumulation_steps")


def _float32(value):
    """``float(variable.numpy())`` of a float32 variable holding ``value``."""
    if floatx() == "float64":
        return float(value)
    fmt = "e" if floatx() == "float16" else "f"
    return struct.unpack(fmt, struct.pack(fmt, value))[0]


def _public_params(cls):
    """Keras's constructor parameters of the nearest class paramscope defines."""
    for klass in cls.__mro__:
        if klass.__module__.startswith("paramscope.") and "_keras_name" in klass.__dict__:
            row = _api.entry(*klass._keras_name.rsplit(".", 1))
            return klass.__name__, row[3]
    raise AssertionError(cls)  # pragma: no cover - every optimizer class sets _keras_name


class Optimizer:
    """``keras.Optimizer``: subclass it (``build``, ``update_step``, ``get_config``) or use
    the built-in ones."""

    _keras_name = "keras.Optimizer"
    #: This optimizer's own arguments, in Keras's get_config() order.
    _hyperparameters = ()

    def __init__(self, *args, **kwargs):
        owner, params = _public_params(type(self))
        config = _api.bind(params, args, kwargs, f"{owner}.__init__")
        extra = dict(config.pop("kwargs", {}))
        for name in self._hyperparameters:
            setattr(self, name, config[name])
        self._init_base(config, extra)
        self._check_arguments()

    def _init_base(self, config, kwargs):
        """Keras's ``BaseOptimizer.__init__``: the shared arguments and checks."""
        if kwargs.pop("decay", None) is not None:
            warnings.warn("Argument `decay` is no longer supported and will be ignored.",
                          stacklevel=4)
        if kwargs:
            message = f"Argument(s) not recognized: {kwargs}"
            if "lr" in kwargs:
                message += ". (Keras 3 calls it `learning_rate`.)"
            raise ParamscopeError(message)
        name = config.get("name")
        self.name = name if name is not None else naming.auto_name(type(self).__name__)
        for key in _BASE_CONFIG:
            setattr(self, key, config.get(key))
        steps = self.gradient_accumulation_steps
        if steps and not steps >= 2:
            raise ParamscopeError("`gradient_accumulation_steps` must be an integer >= 2. "
                                  f"Received: gradient_accumulation_steps={steps}")
        if self.use_ema:
            if self.ema_momentum > 1 or self.ema_momentum < 0:
                raise ParamscopeError("`ema_momentum` must be in the range [0, 1]. Received: "
                                      f"ema_momentum={self.ema_momentum}")
            frequency = self.ema_overwrite_frequency
            if frequency and (not isinstance(frequency, int) or frequency < 1):
                raise ParamscopeError("`ema_overwrite_frequency` must be an integer >= 1 or "
                                      f"None. Received: ema_overwrite_frequency={frequency}")
        clips = sum(config.get(k) is not None for k in ("clipnorm", "clipvalue",
                                                        "global_clipnorm"))
        if clips > 1:
            raise ParamscopeError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                f"Received: clipnorm={self.clipnorm}, clipvalue={self.clipvalue}, "
                f"global_clipnorm={self.global_clipnorm}")
        self.built = False
        self._variables = []
        with name_scope(self.name):
            self._iterations = Variable(0, name="iteration", dtype="int", trainable=False,
                                        aggregation="only_first_replica")
        self._variables.append(self._iterations)
        self._learning_rate = self._learning_rate_value(config["learning_rate"])

    def _learning_rate_value(self, learning_rate):
        if isinstance(learning_rate, LearningRateSchedule) or callable(learning_rate):
            return learning_rate
        if not isinstance(learning_rate, float):
            raise ParamscopeError(
                "Argument `learning_rate` should be float, or an instance of "
                "LearningRateSchedule, or a callable (that takes in the current iteration "
                "value and returns the corresponding learning rate value). Received instead: "
                f"learning_rate={learning_rate}")
        with name_scope(self.name):
            variable = Variable(_float32(learning_rate), name="learning_rate", dtype=floatx(),
                                trainable=False, aggregation="only_first_replica")
        self._variables.append(variable)
        return variable

    def _check_arguments(self):
        """The checks of a particular optimizer's own arguments."""

    # -- what Keras exposes before training ---------------------------------------------------

    @property
    def iterations(self):
        return self._iterations

    @property
    def variables(self):
        return self._variables[:]

    @property
    def learning_rate(self):
        if isinstance(self._learning_rate, Variable):
            return self._learning_rate
        if isinstance(self._learning_rate, LearningRateSchedule):
            raise NeedsComputationError(
                f"The learning rate of optimizer '{self.name}' comes from a schedule, which "
                "needs the training step (real computation).")
        return self._learning_rate()

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        if isinstance(learning_rate, LearningRateSchedule) or callable(learning_rate):
            if isinstance(self._learning_rate, Variable):
                self._variables.remove(self._learning_rate)
            self._learning_rate = learning_rate
        elif isinstance(self._learning_rate, LearningRateSchedule):
            raise TypeError(
                "This optimizer was created with a `LearningRateSchedule` object as its "
                "`learning_rate` constructor argument, hence its learning rate is not "
                "settable. If you need the learning rate to be settable, you should "
                "instantiate the optimizer with a float `learning_rate` argument.")
        elif isinstance(self._learning_rate, Variable):
            self._learning_rate.assign(learning_rate)
        else:
            self._learning_rate = self._learning_rate_value(learning_rate)

    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        self._exclude_from_weight_decay = {id(v) for v in var_list or ()}
        self._exclude_from_weight_decay_names = list(var_names or ())

    def get_config(self):
        learning_rate = self._learning_rate
        if isinstance(learning_rate, LearningRateSchedule):
            learning_rate = schedules.serialize(learning_rate)
        elif isinstance(learning_rate, Variable):
            learning_rate = float(learning_rate.value)
        elif callable(learning_rate):
            from ..saving import serialize_keras_object
            learning_rate = serialize_keras_object(learning_rate)
        config = {"name": self.name, "learning_rate": learning_rate}
        config.update((key, getattr(self, key)) for key in _BASE_CONFIG)
        config.update((key, getattr(self, key)) for key in self._hyperparameters)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            from ..saving import deserialize_keras_object
            config["learning_rate"] = deserialize_keras_object(config["learning_rate"],
                                                               custom_objects=custom_objects)
        return cls(**config)

    def _stand_in_init(self, config):
        Optimizer._init_base(self, {"learning_rate": 0.0, "name": config.get("name")}, {})

    # -- training ------------------------------------------------------------------------------

    def _training(self, what):
        raise NeedsComputationError(
            f"optimizer.{what}() updates variables with gradients, which needs real "
            "computation; paramscope only builds the optimizer.")

    def apply_gradients(self, grads_and_vars):
        self._training("apply_gradients")

    def apply(self, grads, trainable_variables=None):
        self._training("apply")

    def stateless_apply(self, optimizer_variables, grads, trainable_variables):
        self._training("stateless_apply")

    def minimize(self, *args, **kwargs):
        self._training("minimize")

    def build(self, variables):
        self._training("build")

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}>"


class SGD(Optimizer):
    _keras_name = "keras.optimizers.SGD"
    _hyperparameters = ("momentum", "nesterov")

    def _check_arguments(self):
        momentum = self.momentum
        if not isinstance(momentum, float) or momentum < 0 or momentum > 1:
            raise ParamscopeError("`momentum` must be a float between [0, 1].")


class Adam(Optimizer):
    _keras_name = "keras.optimizers.Adam"
    _hyperparameters = ("beta_1", "beta_2", "epsilon", "amsgrad")


class AdamW(Adam):
    _keras_name = "keras.optimizers.AdamW"

    def _check_arguments(self):
        if self.weight_decay is None:
            raise ParamscopeError("Argument `weight_decay` must be a float. Received: "
                                  "weight_decay=None")


class Adamax(Optimizer):
    _keras_name = "keras.optimizers.Adamax"
    _hyperparameters = ("beta_1", "beta_2", "epsilon")


class Nadam(Optimizer):
    _keras_name = "keras.optimizers.Nadam"
    _hyperparameters = ("beta_1", "beta_2", "epsilon")


class RMSprop(Optimizer):
    _keras_name = "keras.optimizers.RMSprop"
    _hyperparameters = ("rho", "momentum", "epsilon", "centered")


class Adagrad(Optimizer):
    _keras_name = "keras.optimizers.Adagrad"
    _hyperparameters = ("initial_accumulator_value", "epsilon")


class Adadelta(Optimizer):
    _keras_name = "keras.optimizers.Adadelta"
    _hyperparameters = ("rho", "epsilon")


class Adafactor(Optimizer):
    _keras_name = "keras.optimizers.Adafactor"
    _hyperparameters = ("beta_2_decay", "epsilon_1", "epsilon_2", "clip_threshold",
                        "relative_step")


class Ftrl(Optimizer):
    _keras_name = "keras.optimizers.Ftrl"
    _hyperparameters = ("learning_rate_power", "initial_accumulator_value",
                        "l1_regularization_strength", "l2_regularization_strength",
                        "l2_shrinkage_regularization_strength", "beta")

    def _check_arguments(self):
        checks = (("initial_accumulator_value", "positive or zero"),
                  ("learning_rate_power", "negative or zero"),
                  ("l1_regularization_strength", "positive or zero"),
                  ("l2_regularization_strength", "positive or zero"),
                  ("l2_shrinkage_regularization_strength", "positive or zero"))
        for name, rule in checks:
            value = getattr(self, name)
            if (value > 0.0) if rule.startswith("negative") else (value < 0.0):
                raise ParamscopeError(f"`{name}` needs to be {rule}. Received: "
                                      f"{name}={value}.")


class Lion(Optimizer):
    _keras_name = "keras.optimizers.Lion"
    _hyperparameters = ("beta_1", "beta_2")

    def _check_arguments(self):
        if self.beta_1 <= 0 or self.beta_1 > 1:
            raise ParamscopeError(
                "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer "
                f"degenerates to SignSGD. Received: beta_1={self.beta_1}.")


class Lamb(Optimizer):
    _keras_name = "keras.optimizers.Lamb"
    _hyperparameters = ("beta_1", "beta_2", "epsilon")


class Muon(Optimizer):
    _keras_name = "keras.optimizers.Muon"
    _hyperparameters = ("adam_beta_1", "adam_beta_2", "epsilon", "exclude_layers", "muon_a",
                        "muon_b", "muon_c", "adam_lr_ratio", "momentum", "ns_steps",
                        "nesterov", "exclude_embeddings", "adam_weight_decay", "rms_rate")

    def _check_arguments(self):
        self.exclude_layers = self.exclude_layers or []


class ScheduleFreeAdamW(Optimizer):
    _keras_name = "keras.optimizers.ScheduleFreeAdamW"
    _hyperparameters = ("beta_1", "beta_2", "epsilon", "warmup_steps")


_LOSS_SCALE_BASE_DEFAULTS = {
    "weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
    "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None,
    "loss_scale_factor": None, "gradient_accumulation_steps": None,
}


class LossScaleOptimizer(Optimizer):
    """Wraps an optimizer for mixed precision (``keras.optimizers.LossScaleOptimizer``)."""

    _keras_name = "keras.optimizers.LossScaleOptimizer"

    def __init__(self, inner_optimizer, initial_scale=2.0**15, dynamic_growth_steps=2000,
                 name=None, **kwargs):
        if not kwargs.pop("dynamic", True):
            raise ParamscopeError(
                "LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
                "`loss_scale_factor` directly on the `inner_optimizer`.")
        for arg_name, default_value in _LOSS_SCALE_BASE_DEFAULTS.items():
            if arg_name not in kwargs:
                continue
            arg_value = kwargs.pop(arg_name)
            if (default_value is None and arg_value is not None) or arg_value != default_value:
                raise ParamscopeError(f"LossScaleOptimizer does not support `{arg_name}`. "
                                      f"Instead, set `{arg_name}` on the `inner_optimizer`.")
        if kwargs:
            raise ParamscopeError("LossScaleOptimizer does not support arguments: "
                                  f"`{'`, `'.join(kwargs.keys())}`.")
        self._init_base({"learning_rate": 0.0, "name": name}, {})
        self.inner_optimizer = inner_optimizer
        self.initial_scale = initial_scale
        self.dynamic_growth_steps = dynamic_growth_steps
        inner_optimizer.loss_scale_factor = None

    @property
    def learning_rate(self):
        return self.inner_optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        self.inner_optimizer.learning_rate = learning_rate

    def get_config(self):
        from ..saving import serialize_keras_object
        return {"name": self.name, "inner_optimizer": serialize_keras_object(self.inner_optimizer),
                "initial_scale": self.initial_scale,
                "dynamic_growth_steps": self.dynamic_growth_steps}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from ..saving import deserialize_keras_object
        config = dict(config)
        inner = deserialize_keras_object(config.pop("inner_optimizer"),
                                         custom_objects=custom_objects)
        return cls(inner, **config)


#: ``keras.optimizers.get("adam")``: the built-in optimizers by lower-case class name.
ALL_OBJECTS = (Optimizer, Adam, SGD, RMSprop, Adadelta, AdamW, Adagrad, Adamax, Adafactor,
               Muon, Nadam, Ftrl, Lion, LossScaleOptimizer, ScheduleFreeAdamW)


def _all_objects_dict(wanted):
    objects = {cls.__name__.lower(): cls for cls in ALL_OBJECTS}
    for name in ("MultiOptimizer", "OptimizerMap"):  # stand-ins, made only when asked for
        if wanted == name.lower():
            objects[wanted] = __getattr__(name)
    return objects


def serialize(optimizer):
    from ..saving import serialize_keras_object
    return serialize_keras_object(optimizer)


def deserialize(config, custom_objects=None):
    from ..saving import deserialize_keras_object
    objects = _all_objects_dict(str(config["class_name"]).lower())
    if config["class_name"].lower() in objects:
        config = dict(config, class_name=config["class_name"].lower())
    return deserialize_keras_object(config, module_objects=objects,
                                    custom_objects=custom_objects)


def get(identifier):
    """An optimizer from a name (``"adam"``), a config dict, or an optimizer instance."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = deserialize({"class_name": identifier, "config": {}})
    else:
        obj = identifier
    if isinstance(obj, Optimizer):
        return obj
    raise ParamscopeError(f"Could not interpret optimizer identifier: {identifier}")


def __getattr__(name):
    return _api.missing_name("keras.optimizers", name)


def __dir__():
    return sorted(set(_api.public_names("keras.optimizers")) | set(globals()))
