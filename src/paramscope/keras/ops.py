"""``keras.ops``: symbolic operations on KerasTensors (shapes only).

paramscope.ops is imported on first use (a model that uses no operation never loads it).
"""

from ..errors import MissingAPIError


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    from ..ops import FUNCTIONS
    if name in FUNCTIONS:
        return FUNCTIONS[name]
    raise MissingAPIError(
        f"keras.ops.{name} is not available in paramscope (it covers the shape-preserving, "
        "broadcasting, reduction and reshaping ops used to build models).")


def __dir__():
    from ..ops import FUNCTIONS
    return sorted(FUNCTIONS)
