"""``keras.metrics``: Keras 3.15's metrics, as classes and as functions.

``keras.metrics.Metric`` is a real base class (a script's own metric subclasses it, creates
its state with ``add_variable``/``add_weight`` and serializes with ``get_config``); the
built-in metric classes take Keras's constructor arguments (checked against Keras's
signatures) and give Keras's ``get_config()``.  Updating a metric needs real computation.
The metric functions record Keras's operations on symbolic tensors.
"""

from __future__ import annotations

from .. import naming
from ..dtypes import floatx
from ..errors import NeedsComputationError, ParamscopeError
from . import _api, _identifiers
from ._loss_functions import (binary_crossentropy, binary_focal_crossentropy,
                              categorical_crossentropy, categorical_focal_crossentropy,
                              categorical_hinge, cosine_similarity, hinge, huber,
                              kl_divergence, log_cosh, mean_absolute_error,
                              mean_absolute_percentage_error, mean_squared_error,
                              mean_squared_logarithmic_error, poisson,
                              sparse_categorical_crossentropy, squared_hinge)
from ._metric_functions import accuracy as _accuracy
from ._metric_functions import (binary_accuracy, categorical_accuracy,
                                concordance_correlation, pearson_correlation,
                                sparse_categorical_accuracy, sparse_top_k_categorical_accuracy,
                                top_k_categorical_accuracy)
from .variables import Variable, name_scope


class Metric:
    """``keras.Metric``: subclass it; create state with ``add_variable`` in ``__init__``,
    define ``update_state`` and ``result``."""

    def __init__(self, dtype=None, name=None):
        from .dtype_policies import get as get_policy
        self.name = name or naming.auto_name(self.__class__.__name__)
        self._dtype_policy = get_policy(dtype or floatx())
        self._dtype = self._dtype_policy.compute_dtype
        self._metrics = []
        self._variables = []

    def _stand_in_init(self, config):
        Metric.__init__(self, dtype=config.get("dtype"), name=config.get("name"))

    @property
    def dtype(self):
        return self._dtype

    def add_variable(self, shape, initializer, dtype=None, aggregation="sum", name=None):
        if "_variables" not in self.__dict__:
            raise RuntimeError("You forgot to call `super().__init__()` in the `__init__()` "
                               "method. Go add it!")
        from . import initializers
        with name_scope(self.name.replace("/", ">")):
            variable = Variable(initializer=initializers.get(initializer), shape=shape,
                                dtype=dtype, trainable=False, aggregation=aggregation,
                                synchronization="on_read", name=name)
        self._variables.append(variable)
        return variable

    def add_weight(self, shape=(), initializer=None, dtype=None, name=None):
        return self.add_variable(shape=shape, initializer=initializer, dtype=dtype, name=name)

    @property
    def variables(self):
        variables = list(self._variables)
        for metric in self._metrics:
            variables.extend(metric.variables)
        return variables

    def __setattr__(self, key, value):
        if isinstance(value, Metric) and "_metrics" in self.__dict__:
            self._metrics.append(value)
        object.__setattr__(self, key, value)

    def update_state(self, *args, **kwargs):
        raise NotImplementedError

    def result(self):
        raise NotImplementedError

    def reset_state(self):
        pass

    def __call__(self, *args, **kwargs):
        raise NeedsComputationError(
            f"Metric {self.name!r} ({type(self).__name__}): updating and reading a metric "
            "needs real computation (tensors with values); paramscope only builds it.")

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{self.__class__.__name__} name={self.name}>"


class _BuiltinMetric(Metric):
    """A metric class of Keras: its constructor's arguments (Keras's signature, from the API
    index) become its config, with Keras's exceptions."""

    #: The dtype when none is given ("int" for the IoU metrics).
    _default_dtype = None
    #: Arguments Keras leaves out of get_config().
    _not_in_config = ()

    def __init__(self, *args, **kwargs):
        public = next(c.__name__ for c in type(self).__mro__ if c.__module__ == __name__)
        params = _api.entry("keras.metrics", public)[3]
        config = _api.bind(params, args, kwargs, f"{public}.__init__")
        self._check_arguments(config)
        extra = config.pop("kwargs", None) or {}
        Metric.__init__(self, dtype=config.get("dtype") or self._default_dtype,
                        name=config.get("name"))
        self._arguments = {k: v for k, v in config.items() if k not in ("name", "dtype")}
        self._arguments.update(extra)
        for key, value in self._arguments.items():
            if key != "fn":
                object.__setattr__(self, key, value)

    def _check_arguments(self, config):
        """A metric's own argument checks."""

    def get_config(self):
        config = {"name": self.name, "dtype": self.dtype}
        for key, value in self._arguments.items():
            if key not in self._not_in_config:
                config[key] = value
        return config


def _metric_class(name, check=None, **attributes):
    namespace = {"__module__": __name__, "__qualname__": name, **attributes}
    if check is not None:
        namespace["_check_arguments"] = check
    return type(name, (_BuiltinMetric,), namespace)


class MeanMetricWrapper(_BuiltinMetric):
    """Wraps ``fn(y_true, y_pred, **kwargs)`` as a mean metric."""

    def get_config(self):
        from .saving import serialize_keras_object
        config = {"name": self.name, "dtype": self.dtype,
                  "fn": serialize_keras_object(self._arguments["fn"])}
        config.update(serialize_keras_object({k: v for k, v in self._arguments.items()
                                              if k != "fn"}))
        return config


def _check_auc(self, config):
    if config["num_thresholds"] <= 1:
        raise ParamscopeError("Argument `num_thresholds` must be an integer > 1. Received: "
                              f"num_thresholds={config['num_thresholds']}")
    if str(config["curve"]).upper() not in ("ROC", "PR", "PRGAIN"):
        raise ParamscopeError(f'Invalid AUC curve value: "{config["curve"]}". Expected values '
                              'are ["PR", "ROC", "PRGAIN"]')
    if config["summation_method"] not in ("interpolation", "majoring", "minoring"):
        raise ParamscopeError(
            f'Invalid AUC summation method value: "{config["summation_method"]}". Expected '
            'values are ["interpolation", "majoring", "minoring"]')


def _auc_config(self):
    config = _BuiltinMetric.get_config(self)
    if config.get("thresholds") is None:
        config.pop("thresholds", None)
    return config


def _sparse_top_k_config(self):
    config = _BuiltinMetric.get_config(self)
    if not config.get("from_sorted_ids"):
        config.pop("from_sorted_ids", None)
    return config


def _binary_iou_config(self):
    config = _BuiltinMetric.get_config(self)
    config["target_class_ids"] = list(config["target_class_ids"])
    return config


_PLAIN_METRICS = (
    "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy",
    "TopKCategoricalAccuracy", "Hinge", "SquaredHinge", "CategoricalHinge", "KLDivergence",
    "Poisson", "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy",
    "MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
    "MeanSquaredLogarithmicError", "RootMeanSquaredError", "LogCoshError",
    "PearsonCorrelation", "ConcordanceCorrelation", "Mean", "Sum", "R2Score",
    "FalsePositives", "FalseNegatives", "TrueNegatives", "TruePositives", "Precision",
    "Recall", "SensitivityAtSpecificity", "SpecificityAtSensitivity", "PrecisionAtRecall",
    "RecallAtPrecision", "FBetaScore", "F1Score")
for _name in _PLAIN_METRICS:
    globals()[_name] = _metric_class(_name)
AUC = _metric_class("AUC", check=_check_auc, get_config=_auc_config)
CosineSimilarity = _metric_class("CosineSimilarity", _not_in_config=("axis",))
SparseTopKCategoricalAccuracy = _metric_class("SparseTopKCategoricalAccuracy",
                                              get_config=_sparse_top_k_config)
IoU = _metric_class("IoU", _default_dtype="int")
BinaryIoU = _metric_class("BinaryIoU", _default_dtype="int", get_config=_binary_iou_config)
MeanIoU = _metric_class("MeanIoU", _default_dtype="int")
OneHotIoU = _metric_class("OneHotIoU", _default_dtype="int")
OneHotMeanIoU = _metric_class("OneHotMeanIoU", _default_dtype="int")

for _fn in (_accuracy, binary_accuracy, categorical_accuracy, concordance_correlation,
            pearson_correlation, sparse_categorical_accuracy,
            sparse_top_k_categorical_accuracy, top_k_categorical_accuracy):
    _fn.__module__ = __name__  # their public home (serialization names them keras.metrics.*)

def _objects():
    classes = [Metric, MeanMetricWrapper, AUC, CosineSimilarity, SparseTopKCategoricalAccuracy,
               IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU]
    classes += [globals()[n] for n in _PLAIN_METRICS]
    objects = {obj.__name__: obj for obj in classes}  # Keras's ALL_OBJECTS: classes only
    objects.update({naming.to_snake_case(obj.__name__): obj for obj in classes})
    objects.update(bce=BinaryCrossentropy, BCE=BinaryCrossentropy, mse=MeanSquaredError,
                   MSE=MeanSquaredError, mae=MeanAbsoluteError, MAE=MeanAbsoluteError,
                   mape=MeanAbsolutePercentageError, MAPE=MeanAbsolutePercentageError,
                   msle=MeanSquaredLogarithmicError, MSLE=MeanSquaredLogarithmicError)
    return objects


serialize = _identifiers.serialize
deserialize = _identifiers.deserializer(_objects)
get = _identifiers.getter("metric", _objects, deserialize)


def __getattr__(name):
    from .losses import KERAS2_ALIASES
    if name in KERAS2_ALIASES:  # Keras 2 names (``from keras.metrics import mae``)
        return KERAS2_ALIASES[name]
    return _api.missing_name("keras.metrics", name)


def __dir__():
    return sorted(set(_api.public_names("keras.metrics")) | set(globals()))
