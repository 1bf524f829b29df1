"""Stand-ins for the parts of Keras that only matter for training.

``keras.optimizers.RMSprop()``, ``keras.losses.SparseCategoricalCrossentropy()``,
``keras.regularizers.l2(0.01)``... are accepted and remembered by name, so a
script's ``model.compile(...)`` and layer arguments work; using one for real
computation stops with a clear message.
"""

from __future__ import annotations

import types

from ..errors import NeedsComputationError


class Placeholder:
    """An optimizer, loss, metric, regularizer, ... known only by name and arguments."""

    def __init__(self, path, args=(), kwargs=None):
        self._path = path
        self._args = args
        self._kwargs = dict(kwargs or {})
        self.name = kwargs.get("name") if kwargs and "name" in kwargs else path.rsplit(".", 1)[-1]

    def __call__(self, *args, **kwargs):
        raise NeedsComputationError(
            f"{self._path} needs real computation (tensors and a backend); paramscope only "
            "records it. Run this part with Keras installed.")

    def get_config(self):
        return dict(self._kwargs)

    def __getattr__(self, name):
        # A method of the real object (``ImageDataGenerator().fit(x)``, ``.flow(...)``,
        # ``Tokenizer().fit_on_texts(...)``): it needs the real thing.
        if name.startswith("_"):
            raise AttributeError(name)
        path = self.__dict__.get("_path", "object")

        def method(*args, **kwargs):
            raise NeedsComputationError(
                f"{path}(...).{name}() needs real computation (data, tensors, a backend); "
                "paramscope only records it. Run this part with Keras installed.")
        method.__name__ = name
        return method

    @property
    def built(self):
        return False

    def __repr__(self):
        inner = ", ".join([repr(a) for a in self._args] + [f"{k}={v!r}" for k, v in self._kwargs.items()])
        return f"<paramscope placeholder {self._path}({inner})>"


class Factory:
    """``keras.optimizers.Adam``: calling it makes a Placeholder; attributes nest."""

    def __init__(self, path):
        self._path = path
        self.__name__ = path.rsplit(".", 1)[-1]

    def __call__(self, *args, **kwargs):
        return Placeholder(self._path, args, kwargs)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Factory(f"{self._path}.{name}")

    def __repr__(self):
        return f"<paramscope stand-in {self._path}>"


class PlaceholderModule(types.ModuleType):
    """A module whose every public attribute is a :class:`Factory`."""

    def __init__(self, name, doc=None, file=None, **members):
        super().__init__(name, doc)
        if file is not None:
            self.__file__ = file
        for key, value in members.items():
            setattr(self, key, value)

    def __getattr__(self, name):
        # Tools probe modules for hooks (pytest_plugins, setup_module, __wrapped__ ...).
        if name.startswith(("_", "pytest", "setup", "teardown")):
            raise AttributeError(name)
        return Factory(f"{self.__name__}.{name}")


def module(name, doc=None, file=None, **members):
    return PlaceholderModule(name, doc, file, **members)
