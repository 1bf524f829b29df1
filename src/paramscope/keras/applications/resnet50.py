"""``keras.applications.resnet50``: Keras's alias namespace for ResNet50 and the ResNet
``preprocess_input`` / ``decode_predictions`` (all defined in ``resnet``), as Keras 3.15
exports them from ``keras/src/applications/resnet.py`` (Apache License 2.0, the Keras
authors).
"""

from .resnet import ResNet50, decode_predictions, preprocess_input

__all__ = ["ResNet50", "decode_predictions", "preprocess_input"]
