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
              "datasets", "initializers", "layers", "losses", "metrics", "mixed_precision",
              "models", "ops", "optimizers", "preprocessing", "regularizers", "saving", "utils")

__version__ = "3.15.1"

Variable = None  # variables are never created by paramscope


def version():
    return __version__


__all__ = ["Sequential", "Model", "Functional", "Input", "InputLayer", "InputSpec", "KerasTensor",
           "Layer", *SUBMODULES]


def __getattr__(name):
    if name in SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(__all__) | {"Variable", "version", "__version__"})
