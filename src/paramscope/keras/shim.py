"""Make ``import keras`` / ``import tensorflow as tf`` resolve to paramscope.

Used by ``paramscope run`` so that an unmodified Keras script runs without
TensorFlow: ``keras``, ``keras.layers``, ``keras.models``, the Keras 2 paths
the classic tutorials use (``keras.layers.core``, ``keras.layers.convolutional``,
``keras.layers.pooling``, ...), ``tensorflow.keras``, ``tf.keras`` and
``tf_keras`` all map onto :mod:`paramscope.keras`.
"""

from __future__ import annotations

import importlib
import sys
import types
from importlib.machinery import ModuleSpec


_ROOTS = ("keras", "tensorflow", "tf_keras")

# keras.<name> modules of the facade.
from . import SUBMODULES as _FACADE  # noqa: E402


class _CompatModule(types.ModuleType):
    """Old or internal paths (``keras.engine.topology``, ``keras.src.layers...``):
    layers, models and the top-level Keras names, all in one namespace."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        from .. import keras as facade
        from . import layers, models
        for source in (layers, models, facade):
            try:
                return getattr(source, name)
            except AttributeError:
                continue
            except Exception:  # noqa: BLE001 - e.g. UnknownLayerError from keras.layers
                continue
        return getattr(layers, name)


def _fake_tensorflow():
    from .tensorflow import make_module
    return make_module()


class _Finder:
    """A meta path finder and loader (the importlib protocols, without importlib.abc)."""

    def __init__(self):
        self._tf = None
        #: paramscope's own modules handed out under another name (``keras.losses``), with
        #: their own specs, between create_module and exec_module
        self._own_specs = {}

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".", 1)[0] in _ROOTS:
            return ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = self.module_for(spec.name)
        own = getattr(module, "__spec__", None)
        if own is not None and own.name != spec.name:
            self._own_specs[id(module)] = own
            # The import system gives an alias package a __path__ after setting its spec; its
            # probe would run the module's __getattr__ under the alias's spec (a relative
            # import there warns on Python 3.12+). Probed here, under its own spec.
            if not hasattr(module, "__path__"):
                module.__path__ = []
        return module

    def exec_module(self, module):
        # The import system has just set the alias's spec on the module: give it its own back,
        # so that its name, its relative imports (__package__ == __spec__.parent, which
        # Python 3.12+ checks with a warning) and a later shim session all stay paramscope's.
        own = self._own_specs.pop(id(module), None)
        if own is not None:
            module.__spec__ = own

    def module_for(self, fullname):
        from .. import keras as facade
        parts = fullname.split(".")
        root = parts[0]
        if root == "tensorflow":
            if len(parts) == 1:
                if self._tf is None:
                    self._tf = _fake_tensorflow()
                return self._tf
            # tensorflow.keras..., tensorflow.python.keras...
            rest = parts[1:]
            if rest[0] == "python":
                rest = rest[1:]
            if rest and rest[0] != "keras":
                from .tensorflow import submodule  # tensorflow.nn, tensorflow.data, ...
                module = submodule(self.module_for("tensorflow"), ".".join(rest))
                if module is not None:
                    return module
            from .tensorflow import TENSORFLOW1_MODULES
            if rest and rest[0] in TENSORFLOW1_MODULES:
                from ..errors import NotInKerasError
                raise NotInKerasError(
                    f"No module named {fullname!r}: tensorflow.{rest[0]} is TensorFlow 1 only "
                    "(TensorFlow 2 removed it), so the script fails here with TensorFlow 2 and "
                    "tf.keras too: it needs TensorFlow 1.")
            if not rest or rest[0] != "keras":
                raise ModuleNotFoundError(
                    f"{fullname} is part of TensorFlow, which paramscope does not emulate "
                    "(only tf.keras is available).", name=fullname)
            parts = ["keras"] + rest[1:]
        if len(parts) == 1:
            return facade
        if parts[1] == "src":
            from ._src import module
            internal = module(".".join(parts))  # keras.src.backend, DataLayer's module, ...
            if internal is not None:
                return internal
            parts = parts[:1] + parts[2:]
            if len(parts) == 1:
                return facade
        from . import _api
        if _api.is_public_module(".".join(parts)):  # every public module of Keras 3.15
            return _api.facade_module(".".join(parts))
        name = parts[1]
        if name == "layers":
            return importlib.import_module("paramscope.keras.layers")
        if name in _FACADE and len(parts) == 2:
            return importlib.import_module(f"paramscope.keras.{name}")
        if name == "applications":  # keras.applications.resnet50, .mobilenet_v2, ...
            return importlib.import_module(f"paramscope.keras.applications.{parts[2]}")
        if name in ("datasets", "preprocessing") and len(parts) == 3:  # keras.datasets.mnist
            parent = importlib.import_module(f"paramscope.keras.{name}")
            if hasattr(parent, parts[2]):
                return getattr(parent, parts[2])
        if name in _FACADE:
            return importlib.import_module(f"paramscope.keras.{name}")
        module = _CompatModule(fullname)
        module.__path__ = []
        return module


_finder = _Finder()


class installed:
    """Context manager: the shim is active inside, and fully removed after."""

    def __enter__(self):
        importlib.import_module("paramscope.keras")
        self._specs = {k: getattr(m, "__spec__", None) for k, m in sys.modules.items()
                       if k.startswith("paramscope.keras")}
        self._saved = {k: v for k, v in sys.modules.items() if k.split(".", 1)[0] in _ROOTS}
        for k in self._saved:
            del sys.modules[k]
        sys.meta_path.insert(0, _finder)
        return self

    def __exit__(self, *exc):
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
        for k in [k for k in sys.modules if k.split(".", 1)[0] in _ROOTS]:
            del sys.modules[k]
        sys.modules.update(self._saved)
        for k, spec in self._specs.items():
            module = sys.modules.get(k)
            if module is not None and spec is not None:
                try:
                    module.__spec__ = spec
                    module.__name__ = spec.name
                except AttributeError:
                    pass
        return False
