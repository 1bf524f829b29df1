"""Layer families, one module each (as keras/src/layers/<family>/).

Every public layer class (and Keras alias) a family module lists in
``__all__`` is known to paramscope by its Keras class name.  ``_index.py``
maps each name to its module, so a script that uses three layers imports
their families only (regenerate it with ``python tools/make_layer_index.py``;
a test checks it is current).
"""

from __future__ import annotations

import importlib
import os

from ._index import INDEX
from .base import InputLayer, InputSpec, KerasTensor, Layer, Node, Weight

_NOT_FAMILIES = {"base", "args", "state", "quantization"}
_registry: dict | None = None
_custom: dict = {}
_resolved: dict = {}


def family_names():
    """The family modules, from the package directory (no pkgutil: start-up time)."""
    here = os.path.dirname(__file__)
    return sorted(f[:-3] for f in os.listdir(here)
                  if f.endswith(".py") and not f.startswith("_") and f[:-3] not in _NOT_FAMILIES)


def family_modules():
    return [importlib.import_module(f"{__name__}.{name}") for name in family_names()]


def registry() -> dict:
    """``{class name or alias: layer class}`` for every built-in layer (imports every family)."""
    global _registry
    if _registry is None:
        reg = {}
        for module in family_modules():
            for name in getattr(module, "__all__", ()):
                reg[name] = getattr(module, name)
        _registry = reg
    return _registry


def layer_names():
    """Every built-in layer name, without importing the families."""
    return list(INDEX)


def get_layer_class(name: str):
    """The class for a Keras class name, custom registrations first; ``None`` if unknown."""
    if name in _custom:
        return _custom[name]
    if _registry is not None:
        return _registry.get(name)
    cls = _resolved.get(name)
    if cls is None:
        module = INDEX.get(name)
        if module is None:
            return None
        cls = _resolved[name] = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return cls


def register_class(name: str, cls) -> None:
    _custom[name] = cls


__all__ = ["InputLayer", "InputSpec", "KerasTensor", "Layer", "Node", "Weight", "registry",
           "get_layer_class", "register_class", "family_modules", "family_names", "layer_names"]
