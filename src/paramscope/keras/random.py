"""``keras.random``: random tensors known by shape and dtype, and ``SeedGenerator``."""

from .ops._namespace import submodule_getattr

__getattr__, __dir__ = submodule_getattr("random", "keras.random")
