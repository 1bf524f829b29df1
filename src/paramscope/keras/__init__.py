"""A Keras-compatible API backed by paramscope (``import paramscope.keras as keras``).

Same class names, constructor signatures, defaults and auto-naming as Keras 3;
models are built symbolically, so ``summary()``, ``count_params()`` and
``get_weights()`` (shapes) work, while ``fit``/``predict`` say they need Keras.

>>> from paramscope.keras import Sequential, layers
>>> model = Sequential([layers.Input((784,)), layers.Dense(10), layers.Dense(3)])
>>> model.count_params()
7883
"""

from __future__ import annotations

import importlib

from ..graph import Functional, Model, Sequential
from ..layers.base import Input, InputLayer, InputSpec, KerasTensor, Layer
from . import layers, models

#: keras.<name> submodules; each is imported when first used (start-up time).
SUBMODULES = ("activations", "applications", "backend", "callbacks", "config", "constraints",
              "datasets", "distillation", "distribution", "dtype_policies", "export",
              "initializers", "layers", "legacy", "losses", "metrics", "mixed_precision",
              "models", "ops", "optimizers", "preprocessing", "quantizers", "random",
              "regularizers", "saving", "tree", "utils", "visualization", "wrappers")

__version__ = "3.15.1"

#: Top-level names of Keras that live in a submodule here: name -> (module, attribute).
TOP_LEVEL = {
    "Variable": ("variables", "Variable"), "name_scope": ("variables", "name_scope"),
    "Optimizer": ("optimizers", "Optimizer"), "Loss": ("losses", "Loss"),
    "Metric": ("metrics", "Metric"), "Initializer": ("initializers", "Initializer"),
    "Regularizer": ("regularizers", "Regularizer"), "DTypePolicy": ("dtype_policies", "DTypePolicy"),
    "FloatDTypePolicy": ("dtype_policies", "FloatDTypePolicy"),
}


def version():
    return __version__


__all__ = ["Sequential", "Model", "Functional", "Input", "InputLayer", "InputSpec", "KerasTensor",
           "Layer", *SUBMODULES]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in SUBMODULES:
        _api = importlib.import_module(f"{__name__}._api")
        return _api.facade_module(f"keras.{name}")
    if name in TOP_LEVEL:
        module, attribute = TOP_LEVEL[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    from ._api_modules import KERAS_NAMES
    if name in KERAS_NAMES:
        return importlib.import_module(f"{__name__}._api").missing_name("keras", name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    _api = importlib.import_module(f"{__name__}._api")
    return sorted(set(__all__) | set(TOP_LEVEL) | set(_api.public_names("keras"))
                  | {"version", "__version__"})
