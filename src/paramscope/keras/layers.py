"""``keras.layers``: every layer class paramscope knows, by its Keras name and aliases."""

from __future__ import annotations

from ..layers import get_layer_class, layer_names
from ..layers.base import Input, InputLayer, InputSpec, Layer

_extra = {"Input": Input, "InputLayer": InputLayer, "InputSpec": InputSpec, "Layer": Layer}


def __getattr__(name):
    if name == "__all__":
        return sorted(set(layer_names()) | set(_extra))
    if name in _extra:
        return _extra[name]
    cls = get_layer_class(name)
    if cls is not None:
        return cls
    from ..errors import MissingAPIError
    raise MissingAPIError(
        f"keras.layers.{name} is not a layer paramscope knows. If it is your own layer, declare "
        "its output shape and weights with paramscope.register_layer(...).")


def __dir__():
    return sorted(set(layer_names()) | set(_extra))


def deserialize(config, custom_objects=None):
    from ..formats.config import layer_from_config
    return layer_from_config(config)


def serialize(layer):
    return {"class_name": type(layer).__name__, "config": layer.get_config()}
