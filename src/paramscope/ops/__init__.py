"""``keras.ops`` and ``keras.random`` on shapes: every function of Keras 3.15, with Keras's
shape and dtype rules, recorded in the graph as Keras records it.

In a Keras 3 functional model, ``x + y`` or ``keras.ops.mean(x, axis=1)`` on KerasTensors
creates an *operation* (``Add``, ``Mean``, ...) with a node in the graph; ``model.summary()``
lists it as a row with 0 parameters.  The classes here have Keras's class names, so the
auto-names (``add``, ``add_1``) and rows match.  Nothing is evaluated: concrete values
(``ops.ones((3, 2))``, NumPy arrays) are known by their shape and dtype only.

The families mirror Keras's modules (``numpy_*`` for ``keras/src/ops/numpy.py``, ``nn*``,
``math``, ``linalg``, ``image``, ``core``, ``einops``, ``random``); each is imported on first
use, so ``import paramscope`` never loads them.
"""

from __future__ import annotations

import importlib

from ._base import (CONCRETE, Constant, Operation, StandIn, call, is_symbolic, is_tracing,
                    known_shape, to_constants, trace_function, trace_function_or_reason, traced_call, tracing, untraced)

#: The modules holding the operations (``tools/make_ops_index.py`` indexes their names).
FAMILIES = ("numpy_math", "numpy_reduce", "numpy_shape", "numpy_join", "numpy_linalg",
            "numpy_create", "numpy_search", "nn", "nn_normalization", "nn_sequences", "math",
            "linalg", "image", "core", "einops", "random")

__all__ = ["CONCRETE", "Constant", "Operation", "StandIn", "call", "is_symbolic", "is_tracing",
           "known_shape", "to_constants", "traced_call", "trace_function", "trace_function_or_reason", "tracing", "untraced",
           "FAMILIES", "FUNCTIONS",
           "install_operators", "namespace_names", "function"]


def install_operators(tensor_class, symbolic=True):
    from ._operators import install_operators as install
    install(tensor_class, symbolic=symbolic)


def namespace_names(namespace=""):
    """The public names of a Keras namespace: ``""`` (``keras.ops``), ``"numpy"``, ``"nn"``,
    ``"linalg"``, ``"image"``, ``"random"``."""
    from ._index import NAMESPACES
    return NAMESPACES.get(namespace, ())


def function(name):
    """The object named ``name`` in the ops families (a function or an operation class),
    or ``None``."""
    from ._index import NAMES
    family = NAMES.get(name)
    if family is None:
        return None
    value = getattr(importlib.import_module(f"{__name__}.{family}"), name)
    globals().setdefault(name, value)  # (the engine's own names stay: keras.ops.trace differs)
    return value


class _Functions:
    """``FUNCTIONS``: the functions of ``keras.ops`` by name, loaded on first use."""

    def get(self, name, default=None):
        return function(name) if name in namespace_names("") else default

    def __getitem__(self, name):
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def __contains__(self, name):
        return name in namespace_names("")

    def __iter__(self):
        return iter(namespace_names(""))

    def keys(self):
        return list(namespace_names(""))


FUNCTIONS = _Functions()


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    value = function(name)
    if value is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return value
