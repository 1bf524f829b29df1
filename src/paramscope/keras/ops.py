"""``keras.ops``: symbolic operations on KerasTensors (shapes only)."""

from ..errors import MissingAPIError
from ..ops import FUNCTIONS


def __getattr__(name):
    if name in FUNCTIONS:
        return FUNCTIONS[name]
    if name.startswith("__"):
        raise AttributeError(name)
    raise MissingAPIError(
        f"keras.ops.{name} is not available in paramscope (it covers the shape-preserving, "
        "broadcasting, reduction and reshaping ops used to build models).")


def __dir__():
    return sorted(FUNCTIONS)
