"""``keras.ops.numpy``: the names Keras 3.15 exports there (paramscope.ops, on shapes)."""

from ._namespace import submodule_getattr

__getattr__, __dir__ = submodule_getattr("numpy", "keras.ops.numpy")
