"""The helper layers of ``keras.applications`` models, as their configs name them.

* ``LayerScale`` (ConvNeXt, ``keras.src.applications.convnext``): ``x * gamma``
  with one trainable weight of shape ``(projection_dim,)``.
* ``StochasticDepth`` (ConvNeXt with ``drop_path_rate > 0``): drops the residual
  path while training; no weights, same shape.
* ``CustomScaleLayer`` (InceptionResNetV2, ``keras.src.applications.
  inception_resnet_v2``; tf-keras registers it as ``Custom>CustomScaleLayer``):
  ``inputs[0] + inputs[1] * scale``; no weights, the broadcast shape.

tf-keras 2 defines the same classes with the same configs (its LayerScale names
its weight ``gamma``; Keras 3's is an auto-named ``variable``).
"""

from __future__ import annotations

from .. import naming
from ..explanation import Subject, formula, line
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from ..shapes import broadcast_shapes
from .base import Layer

__all__ = ["LayerScale", "StochasticDepth", "CustomScaleLayer"]


class LayerScale(Layer):
    """``x * gamma``, ``gamma`` of shape ``(projection_dim,)`` (ConvNeXt)."""

    def __init__(self, init_values, projection_dim, **kwargs):
        super().__init__(**kwargs)
        if (isinstance(projection_dim, bool) or not isinstance(projection_dim, int)
                or projection_dim < 0):
            raise LayerError(
                f"LayerScale {describe_layer(self)}: `projection_dim` must be a non-negative "
                f"integer (the number of channels it scales). Received: "
                f"projection_dim={projection_dim!r}")
        self.init_values = init_values
        self.projection_dim = projection_dim

    def build(self, input_shape):
        # Keras 3 passes no name (the variable is auto-named "variable", "variable_1"...).
        self.gamma = self.add_weight(shape=(self.projection_dim,), trainable=True,
                                     initializer="constant",
                                     name=naming.auto_name("Variable"))

    def compute_output_shape(self, input_shape):
        # call(): x * self.gamma, broadcast against (projection_dim,).
        try:
            return broadcast_shapes(tuple(input_shape), (self.projection_dim,))
        except ShapeError:
            raise ShapeError(
                f"its input's last axis ({input_shape[-1] if input_shape else 'none'}) must be "
                f"projection_dim={self.projection_dim} (or 1): the layer multiplies it by "
                f"gamma of shape ({self.projection_dim},)") from None

    def explain(self):
        return [line(Subject(self.name), formula("gamma {} (one scale per channel) = {}",
                                                 self.projection_dim, self.projection_dim))]

    def get_config(self):
        config = super().get_config()
        config.update(init_values=self.init_values, projection_dim=self.projection_dim)
        return config


class StochasticDepth(Layer):
    """Drops the residual path while training (ConvNeXt); the shape is unchanged."""

    def __init__(self, drop_path_rate, **kwargs):
        super().__init__(**kwargs)
        self.drop_path_rate = drop_path_rate

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update(drop_path_rate=self.drop_path_rate)
        return config


class CustomScaleLayer(Layer):
    """``inputs[0] + inputs[1] * scale`` (InceptionResNetV2's residual blocks)."""

    def __init__(self, scale, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def compute_output_shape(self, input_shape):
        if not (isinstance(input_shape, (list, tuple)) and len(input_shape) == 2
                and all(isinstance(s, (list, tuple)) for s in input_shape)):
            raise LayerError(
                f"Layer {describe_layer(self)} computes inputs[0] + inputs[1] * scale: it must "
                f"be called on a list of two tensors. Received: {format_shape(input_shape)}.",
                self)
        return broadcast_shapes(tuple(input_shape[0]), tuple(input_shape[1]))

    def get_config(self):
        config = super().get_config()
        config.update(scale=self.scale)
        return config
