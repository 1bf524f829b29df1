"""``keras.losses``: Keras 3.15's losses, as classes and as functions.

The classes construct, check their arguments and serialize (``get_config()``) as Keras's;
a script's own ``keras.losses.Loss`` subclass works the same way, and any of them is accepted
by ``model.compile(loss=...)``.  The functions (and a loss object called on symbolic
tensors) record Keras's operations and give Keras's output shapes (see
:mod:`paramscope.keras._loss_functions`).
"""

from __future__ import annotations

from .. import tree
from ..errors import ParamscopeError
from . import _api, _identifiers
from . import _loss_functions as F
from ._loss_functions import ops
from ._loss_functions import (binary_crossentropy, binary_focal_crossentropy,
                              categorical_crossentropy, categorical_focal_crossentropy,
                              categorical_generalized_cross_entropy, categorical_hinge, circle,
                              cosine_similarity, ctc, dice, hinge, huber, kl_divergence,
                              log_cosh, mean_absolute_error, mean_absolute_percentage_error,
                              mean_squared_error, mean_squared_logarithmic_error, poisson,
                              sparse_categorical_crossentropy, squared_hinge, tversky)

_REDUCTIONS = ("sum_over_batch_size", "sum", None, "none", "mean", "mean_with_sample_weight")


def standardize_reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ParamscopeError(f"Invalid value for argument `reduction`. Expected one of "
                              f"{set(_REDUCTIONS)}. Received: reduction={reduction}")
    return reduction


class Loss:
    """``keras.Loss``: subclass it and define ``call(y_true, y_pred)``."""

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        from .. import naming
        from .dtype_policies import get as get_policy
        from ..dtypes import floatx
        self.name = name or naming.auto_name(self.__class__.__name__)
        self.reduction = standardize_reduction(reduction)
        self._dtype_policy = get_policy(dtype or floatx())
        self._dtype = self._dtype_policy.compute_dtype

    @property
    def dtype(self):
        return self._dtype

    def __call__(self, y_true, y_pred, sample_weight=None):
        in_mask = getattr(y_pred, "_keras_mask", None)
        y_pred = tree.map_structure(lambda x: ops.convert_to_tensor(x, dtype=self.dtype), y_pred)
        y_true = tree.map_structure(lambda x: ops.convert_to_tensor(x, dtype=self.dtype), y_true)
        losses = self.call(y_true, y_pred)
        out_mask = getattr(losses, "_keras_mask", None)
        if in_mask is not None and out_mask is not None:
            mask = in_mask & out_mask
        else:
            mask = in_mask if in_mask is not None else out_mask
        return reduce_weighted_values(losses, sample_weight=sample_weight, mask=mask,
                                      reduction=self.reduction, dtype=self.dtype)

    def call(self, y_true, y_pred):
        raise NotImplementedError

    def get_config(self):
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def _stand_in_init(self, config):
        Loss.__init__(self, name=config.get("name"), dtype=config.get("dtype"))


def reduce_values(values, sample_weight=None, reduction="sum_over_batch_size"):
    if reduction is None or reduction == "none" or tuple(values.shape) in ((), (0,)):
        return values
    if None in tuple(values.shape) and F._symbolic_outside_call(values):
        # Keras converts ops.shape(values) to a tensor, which fails on an unknown size.
        raise F.keras_fails_on_symbolic(
            f"A loss with reduction={reduction!r}", "None is not a valid value for jnp.array.")
    loss = ops.sum(values)
    if reduction in ("sum_over_batch_size", "mean", "mean_with_sample_weight"):
        if reduction == "mean_with_sample_weight" and sample_weight is not None:
            divisor = ops.cast(ops.sum(sample_weight), loss.dtype)
        else:
            divisor = ops.cast(ops.prod(ops.convert_to_tensor(ops.shape(values), dtype="int32")),
                               loss.dtype)
        loss = ops.divide_no_nan(loss, divisor)
    return loss


def reduce_weighted_values(values, sample_weight=None, mask=None,
                           reduction="sum_over_batch_size", dtype=None):
    reduction = standardize_reduction(reduction)
    values = ops.convert_to_tensor(values, dtype=dtype)
    if sample_weight is not None:
        sample_weight = ops.convert_to_tensor(sample_weight, dtype=dtype)
    if mask is not None:
        mask = ops.convert_to_tensor(mask, dtype=dtype)
    sample_weight = apply_mask(sample_weight, mask, dtype=values.dtype, reduction=reduction)
    if sample_weight is not None:
        sample_weight = ops.cast(sample_weight, values.dtype)
        values, sample_weight = F.squeeze_or_expand_to_same_rank(values, sample_weight)
        values = values * sample_weight
    return reduce_values(values, sample_weight, reduction)


def apply_mask(sample_weight, mask, dtype, reduction):
    if mask is None:
        return sample_weight
    if reduction in ("mean", "sum_over_batch_size"):
        total = ops.cast(ops.prod(ops.convert_to_tensor(ops.shape(mask), dtype="int32")), dtype)
        valid = ops.sum(ops.cast(mask, dtype=dtype))
        mask_weight = ops.divide_no_nan(total, valid)
        float_mask = ops.where(ops.cast(mask, "bool"), mask_weight, 0)
    else:
        float_mask = ops.cast(mask, dtype=dtype)
    if sample_weight is None:
        return float_mask
    sample_weight = ops.cast(sample_weight, dtype=dtype)
    float_mask, sample_weight = F.squeeze_or_expand_to_same_rank(float_mask, sample_weight)
    return sample_weight * float_mask


class LossFunctionWrapper(Loss):
    """A loss function with fixed keyword arguments, as a Loss (Keras's private class)."""

    def __init__(self, fn, reduction="sum_over_batch_size", name=None, dtype=None, **kwargs):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs

    def call(self, y_true, y_pred):
        if isinstance(y_true, (list, tuple)) and isinstance(y_pred, (list, tuple)):
            pairs = [F.squeeze_or_expand_to_same_rank(t, p) for t, p in zip(y_true, y_pred)]
            y_true, y_pred = [t for t, _ in pairs], [p for _, p in pairs]
        elif isinstance(y_true, dict) and isinstance(y_pred, dict):
            pairs = {k: F.squeeze_or_expand_to_same_rank(y_true[k], y_pred[k]) for k in y_true}
            y_true = {k: v[0] for k, v in pairs.items()}
            y_pred = {k: v[1] for k, v in pairs.items()}
        else:
            y_true, y_pred = F.squeeze_or_expand_to_same_rank(y_true, y_pred)
        return self.fn(y_true, y_pred, **self._fn_kwargs)

    def get_config(self):
        from .saving import serialize_keras_object
        config = super().get_config()
        config.update({"fn": serialize_keras_object(self.fn)})
        config.update(serialize_keras_object(self._fn_kwargs))
        return config

    @classmethod
    def from_config(cls, config):
        if "fn" in config:
            from .saving import deserialize_keras_object
            config = deserialize_keras_object(config)
        return cls(**config)

    def __repr__(self):
        return f"<LossFunctionWrapper({self.fn}, kwargs={self._fn_kwargs})>"


class _BuiltinLoss(LossFunctionWrapper):
    """A Keras loss class: its function, its own arguments (passed to the function and, for
    ``_config_keys``, listed in get_config) and the defaults of Keras's signature."""

    _function = None
    _config_keys = ()
    _function_keys = ()

    def __init__(self, *args, **kwargs):
        config = _api.bind(_api.entry("keras.losses", type(self)._public_name())[3], args,
                           kwargs, f"{type(self)._public_name()}.__init__")
        self._check_arguments(config)
        fn_kwargs = {key: config[key] for key in self._function_keys}
        LossFunctionWrapper.__init__(self, type(self)._function, name=config["name"],
                                     reduction=config["reduction"], dtype=config["dtype"],
                                     **fn_kwargs)
        for key in self._config_keys:
            setattr(self, key, config[key])

    @classmethod
    def _public_name(cls):
        return next(c.__name__ for c in cls.__mro__ if c.__module__ == __name__)

    def _check_arguments(self, config):
        """A loss's own argument checks."""

    def get_config(self):
        config = Loss.get_config(self)
        config.update((key, getattr(self, key)) for key in self._config_keys)
        return config


def _loss_class(name, function, function_keys=(), config_keys=None, check=None):
    namespace = {"_function": staticmethod(function), "_function_keys": tuple(function_keys),
                 "_config_keys": tuple(function_keys if config_keys is None else config_keys),
                 "__module__": __name__, "__qualname__": name}
    if check is not None:
        namespace["_check_arguments"] = check
    return type(name, (_BuiltinLoss,), namespace)


def _check_q(self, config):
    if not 0 < config["q"] < 1:
        raise ParamscopeError("q must be in the interval (0, 1)")


_CROSSENTROPY = ("from_logits", "label_smoothing", "axis")
MeanSquaredError = _loss_class("MeanSquaredError", mean_squared_error)
MeanAbsoluteError = _loss_class("MeanAbsoluteError", mean_absolute_error)
MeanAbsolutePercentageError = _loss_class("MeanAbsolutePercentageError",
                                          mean_absolute_percentage_error)
MeanSquaredLogarithmicError = _loss_class("MeanSquaredLogarithmicError",
                                          mean_squared_logarithmic_error)
CosineSimilarity = _loss_class("CosineSimilarity", cosine_similarity, ("axis",), ())
Huber = _loss_class("Huber", huber, ("delta",), ())
LogCosh = _loss_class("LogCosh", log_cosh)
Hinge = _loss_class("Hinge", hinge)
SquaredHinge = _loss_class("SquaredHinge", squared_hinge)
CategoricalHinge = _loss_class("CategoricalHinge", categorical_hinge)
KLDivergence = _loss_class("KLDivergence", kl_divergence)
Poisson = _loss_class("Poisson", poisson)
BinaryCrossentropy = _loss_class("BinaryCrossentropy", binary_crossentropy, _CROSSENTROPY)
BinaryFocalCrossentropy = _loss_class(
    "BinaryFocalCrossentropy", binary_focal_crossentropy,
    ("apply_class_balancing", "alpha", "gamma") + _CROSSENTROPY,
    _CROSSENTROPY + ("apply_class_balancing", "alpha", "gamma"))
CategoricalCrossentropy = _loss_class("CategoricalCrossentropy", categorical_crossentropy,
                                      _CROSSENTROPY)
CategoricalFocalCrossentropy = _loss_class(
    "CategoricalFocalCrossentropy", categorical_focal_crossentropy,
    ("alpha", "gamma") + _CROSSENTROPY, _CROSSENTROPY + ("alpha", "gamma"))
SparseCategoricalCrossentropy = _loss_class(
    "SparseCategoricalCrossentropy", sparse_categorical_crossentropy,
    ("from_logits", "ignore_class", "axis"), ("from_logits", "ignore_class"))
CTC = _loss_class("CTC", ctc)
Dice = _loss_class("Dice", dice, ("axis",))
Tversky = _loss_class("Tversky", tversky, ("alpha", "beta", "axis"))
Circle = _loss_class("Circle", circle, ("gamma", "margin", "remove_diagonal"))
CategoricalGeneralizedCrossEntropy = _loss_class(
    "CategoricalGeneralizedCrossEntropy", categorical_generalized_cross_entropy, ("q",),
    check=_check_q)

for _fn in (binary_crossentropy, binary_focal_crossentropy, categorical_crossentropy,
            categorical_focal_crossentropy, categorical_generalized_cross_entropy,
            categorical_hinge, circle, cosine_similarity, ctc, dice, hinge, huber,
            kl_divergence, log_cosh, mean_absolute_error, mean_absolute_percentage_error,
            mean_squared_error, mean_squared_logarithmic_error, poisson,
            sparse_categorical_crossentropy, squared_hinge, tversky):
    _fn.__module__ = __name__  # their public home (serialization names them keras.losses.*)

ALL_OBJECTS = (Loss, LossFunctionWrapper, KLDivergence, MeanAbsoluteError,
               MeanAbsolutePercentageError, MeanSquaredError, MeanSquaredLogarithmicError,
               CosineSimilarity, LogCosh, Huber, Hinge, SquaredHinge, CategoricalHinge,
               BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy,
               BinaryFocalCrossentropy, CategoricalFocalCrossentropy, Poisson, CTC, Dice,
               Tversky, Circle, CategoricalGeneralizedCrossEntropy, kl_divergence,
               mean_absolute_error, mean_absolute_percentage_error, mean_squared_error,
               mean_squared_logarithmic_error, cosine_similarity, log_cosh, huber, hinge,
               squared_hinge, categorical_hinge, binary_crossentropy, categorical_crossentropy,
               sparse_categorical_crossentropy, binary_focal_crossentropy,
               categorical_focal_crossentropy, poisson, ctc, dice, tversky, circle,
               categorical_generalized_cross_entropy)


def _objects():
    objects = {obj.__name__: obj for obj in ALL_OBJECTS}
    objects.update(bce=binary_crossentropy, BCE=binary_crossentropy,
                   kld=kl_divergence, KLD=kl_divergence, mae=mean_absolute_error,
                   MAE=mean_absolute_error, mse=mean_squared_error, MSE=mean_squared_error,
                   mape=mean_absolute_percentage_error, MAPE=mean_absolute_percentage_error,
                   msle=mean_squared_logarithmic_error, MSLE=mean_squared_logarithmic_error)
    return objects


serialize = _identifiers.serialize
deserialize = _identifiers.deserializer(_objects)
get = _identifiers.getter("loss", _objects, deserialize)


#: Keras 2 (tf.keras) names of loss functions that Keras 3 no longer exports; old scripts
#: import them (``from keras.losses import mse``), so they resolve here.
KERAS2_ALIASES = {
    "mse": mean_squared_error, "MSE": mean_squared_error, "mae": mean_absolute_error,
    "MAE": mean_absolute_error, "mape": mean_absolute_percentage_error,
    "MAPE": mean_absolute_percentage_error, "msle": mean_squared_logarithmic_error,
    "MSLE": mean_squared_logarithmic_error, "kld": kl_divergence, "KLD": kl_divergence,
    "kullback_leibler_divergence": kl_divergence, "logcosh": log_cosh, "huber_loss": huber,
}


def __getattr__(name):
    if name in KERAS2_ALIASES:
        return KERAS2_ALIASES[name]
    return _api.missing_name("keras.losses", name)


def __dir__():
    return sorted(set(_api.public_names("keras.losses")) | set(globals()))
