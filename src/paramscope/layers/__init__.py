"""Layer families, one module each (as keras/src/layers/<family>/).

Every public layer class (and Keras alias) a family module lists in
``__all__`` is known to paramscope by its Keras class name.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import InputLayer, InputSpec, KerasTensor, Layer, Node, Weight

_NOT_FAMILIES = {"base", "args"}
_registry: dict | None = None
_custom: dict = {}


def family_modules():
    names = sorted(m.name for m in pkgutil.iter_modules(__path__)
                   if m.name not in _NOT_FAMILIES and not m.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def registry() -> dict:
    """``{class name or alias: layer class}`` for every built-in layer."""
    global _registry
    if _registry is None:
        reg = {}
        for module in family_modules():
            for name in getattr(module, "__all__", ()):
                reg[name] = getattr(module, name)
        _registry = reg
    return _registry


def get_layer_class(name: str):
    """The class for a Keras class name, custom registrations first; ``None`` if unknown."""
    if name in _custom:
        return _custom[name]
    return registry().get(name)


def register_class(name: str, cls) -> None:
    _custom[name] = cls


__all__ = ["InputLayer", "InputSpec", "KerasTensor", "Layer", "Node", "Weight", "registry",
           "get_layer_class", "register_class", "family_modules"]
