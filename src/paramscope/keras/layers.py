"""``keras.layers``: every layer class paramscope knows, by its Keras name and aliases."""

from __future__ import annotations

from ..layers import get_layer_class, layer_names
from ..layers.base import Input, InputLayer, InputSpec, Layer

_extra = {"Input": Input, "InputLayer": InputLayer, "InputSpec": InputSpec, "Layer": Layer}
#: Keras's functional forms of the merge layers (``keras.layers.concatenate([a, b])``).
_MERGE_FUNCTIONS = ("add", "average", "concatenate", "dot", "maximum", "minimum", "multiply",
                    "subtract")


def __getattr__(name):
    if name == "__all__":
        return sorted(set(layer_names()) | set(_extra) | set(_MERGE_FUNCTIONS))
    if name in _extra:
        return _extra[name]
    if name in _MERGE_FUNCTIONS:
        from ..layers.merging import FUNCTIONS
        return FUNCTIONS[name]
    cls = get_layer_class(name)
    if cls is not None:
        return cls
    from . import _api
    if _api.entry("keras.layers", name) is not None:  # a layer wrapping another framework
        return _api.stand_in("keras.layers", name)
    from ..errors import MissingAPIError
    raise MissingAPIError(
        f"keras.layers.{name} is not a layer paramscope knows. If it is your own layer, declare "
        "its output shape and weights with paramscope.register_layer(...).")


def __dir__():
    return sorted(set(layer_names()) | set(_extra) | set(_MERGE_FUNCTIONS))


def deserialize(config, custom_objects=None):
    from ..formats.config import layer_from_config
    return layer_from_config(config)


def serialize(layer):
    return {"class_name": type(layer).__name__, "config": layer.get_config()}
