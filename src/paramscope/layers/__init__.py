"""Layer families, one module or package each (as keras/src/layers/<family>/).

Every public layer class (and Keras alias) a family lists in ``__all__`` is
known to paramscope by its Keras class name.  ``_index.py`` maps each name to
its module (in a family package, the module inside it), so a script that uses
three layers imports their modules only (regenerate it with
``python tools/make_layer_index.py``; a test checks it is current); a family
package imports its modules on first use too (``family_member``).
"""

from __future__ import annotations

import importlib
import os
import sys

from ._index import INDEX
from .base import InputLayer, InputSpec, KerasTensor, Layer, Node, Weight

_NOT_FAMILIES = {"base", "args", "state", "quantization"}
_registry: dict | None = None
_custom: dict = {}
_resolved: dict = {}


def _module_names(folder):
    """The public modules and packages in ``folder`` (no pkgutil: start-up time)."""
    names = []
    for f in os.listdir(folder):
        if f.startswith("_"):
            continue
        if f.endswith(".py"):
            names.append(f[:-3])
        elif os.path.isfile(os.path.join(folder, f, "__init__.py")):
            names.append(f)
    return sorted(names)


def family_names():
    """The family modules and packages (``preprocessing/``, one module per kind)."""
    return [name for name in _module_names(os.path.dirname(__file__))
            if name not in _NOT_FAMILIES]


def family_parts(family):
    """The modules of a family package (``['audio', 'encoding', ...]``); ``[]`` for a module."""
    folder = os.path.join(os.path.dirname(__file__), family)
    return _module_names(folder) if os.path.isdir(folder) else []


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


def family_member(package: str, name: str):
    """A layer class of a family package (``paramscope.layers.rnn``), from the module the
    index names, imported on first use (the packages' ``__getattr__``): a script that uses
    ``LSTM`` imports ``rnn/recurrent.py`` and what it needs, not the whole family."""
    family = package.rpartition(".")[2]
    module = INDEX.get(name, "")
    if not module.startswith(family + "."):
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    setattr(sys.modules[package], name, value)
    return value


def register_class(name: str, cls) -> None:
    _custom[name] = cls


__all__ = ["InputLayer", "InputSpec", "KerasTensor", "Layer", "Node", "Weight", "registry",
           "get_layer_class", "register_class", "family_modules", "family_names", "layer_names",
           "family_member"]
