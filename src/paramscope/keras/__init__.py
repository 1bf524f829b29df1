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

from ..graph import Functional, Model, Sequential
from ..layers.base import Input, InputLayer, InputSpec, KerasTensor, Layer
from . import (activations, applications, backend, callbacks, config, constraints, initializers,
               layers, losses, metrics, mixed_precision, models, ops, optimizers, regularizers,
               saving, utils)

__version__ = "3.15.1"

Variable = None  # variables are never created by paramscope


def version():
    return __version__


__all__ = ["Sequential", "Model", "Functional", "Input", "InputLayer", "InputSpec", "KerasTensor",
           "Layer", "activations", "applications", "backend", "callbacks", "config", "constraints",
           "initializers", "layers", "losses", "metrics", "mixed_precision", "models", "ops",
           "optimizers", "regularizers", "saving", "utils"]
