"""``keras.layers``: every layer class paramscope knows, by its Keras name and aliases."""

from __future__ import annotations

from ..layers import get_layer_class, layer_names
from ..layers.base import Input, InputLayer, InputSpec, Layer

_extra = {"Input": Input, "InputLayer": InputLayer, "InputSpec": InputSpec, "Layer": Layer}
#: Keras's functional forms of the merge layers (``keras.layers.concatenate([a, b])``).
_MERGE_FUNCTIONS = ("add", "average", "concatenate", "dot", "maximum", "minimum", "multiply",
                    "subtract")


def __getattr__(name):
    if name.startswith("__") and name != "__all__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
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
    if name in KERAS2_MODULES:  # `from keras.layers import recurrent` (Keras 2 scripts)
        return _keras2_module(name)
    from . import _api
    if _api.entry("keras.layers", name) is not None:  # a layer wrapping another framework
        return _api.stand_in("keras.layers", name)
    from ..errors import MissingAPIError
    raise MissingAPIError(
        f"keras.layers.{name} is not a layer paramscope knows. If it is your own layer, declare "
        "its output shape and weights with paramscope.register_layer(...).")


#: Keras 2's keras.layers submodules, which old scripts import as attributes
#: (``from keras.layers import recurrent``; ``recurrent.LSTM``): each gives every layer.
KERAS2_MODULES = ("advanced_activations", "convolutional", "convolutional_recurrent", "core",
                  "cudnn_recurrent", "embeddings", "local", "merge", "noise", "normalization",
                  "pooling", "recurrent", "wrappers")
_keras2_modules: dict = {}


def _keras2_module(name):
    if name not in _keras2_modules:
        import sys
        import types

        module = types.ModuleType(f"keras.layers.{name}",
                                  f"Keras 2's keras.layers.{name}: the layers of keras.layers.")
        module.__getattr__ = lambda attribute: getattr(sys.modules[__name__], attribute)
        _keras2_modules[name] = module
    return _keras2_modules[name]


def __dir__():
    return sorted(set(layer_names()) | set(_extra) | set(_MERGE_FUNCTIONS))


def deserialize(config, custom_objects=None):
    from ..formats.config import layer_from_config
    return layer_from_config(config)


def serialize(layer):
    return {"class_name": type(layer).__name__, "config": layer.get_config()}
