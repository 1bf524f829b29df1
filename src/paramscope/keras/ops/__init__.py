"""``keras.ops``: every function of Keras 3.15's ``keras.ops`` on shapes (paramscope.ops),
with the ``numpy``, ``nn``, ``linalg`` and ``image`` submodules.

paramscope.ops is imported on first use (a model that uses no operation never loads it).
"""

from ._namespace import missing_name, names, resolve

SUBMODULES = ("numpy", "nn", "linalg", "image")


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    if name in SUBMODULES:
        import importlib
        return importlib.import_module(f"{__name__}.{name}")
    return resolve("", name) if name in names("") else missing_name("keras.ops", name)


def __dir__():
    return sorted(set(names("")) | set(SUBMODULES))
