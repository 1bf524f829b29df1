"""Pipeline: a layer that applies its layers in order."""

from __future__ import annotations

from ...errors import LayerError
from ..base import Layer

__all__ = ["Pipeline"]


class Pipeline(Layer):
    """Pipeline: applies its layers in order; its weights are theirs.

    As Keras, the inner layers are called while the Pipeline is traced: they
    are built but record no nodes of their own.
    """
    _convert_input_args = False
    call_mask_args = ("mask",)

    def __init__(self, layers, name=None):
        super().__init__(name=name)
        self._pipeline_layers = layers

    @property
    def layers(self):
        return self._pipeline_layers

    def call(self, inputs, training=True, mask=None):
        for layer in self._pipeline_layers:
            inputs = layer(inputs)
        return inputs

    @classmethod
    def from_config(cls, config):
        from ...formats.config import deserialize_layer
        config = dict(config)
        layers = config.get("layers")
        if not isinstance(layers, (list, tuple)):
            raise LayerError("`Pipeline` config must contain a `layers` key mapping to a list of "
                             f"serialized layers. Received config with layers={layers!r}.")
        config["layers"] = [deserialize_layer(x) for x in layers]
        config.pop("trainable", None)
        config.pop("dtype", None)
        return cls(**config)

    def get_config(self):
        return {"layers": [{"class_name": type(l).__name__, "config": l.get_config()}
                           for l in self._pipeline_layers], "name": self.name}
