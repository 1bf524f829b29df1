"""``keras.applications``: the architectures of Keras 3.15, built symbolically.

``keras.applications.ResNet50(...)``, ``MobileNetV2(input_shape=(160, 160, 3),
include_top=False, weights="imagenet")``, ... build the same Functional model
Keras builds (layer for layer: names, shapes, weights), from ports of
``keras/src/applications/*.py`` (Apache License 2.0, the Keras authors).
Nothing is downloaded and no weights are loaded: ``weights="imagenet"`` is
accepted and checked as Keras checks it, and changes the architecture only
where Keras's does (EfficientNet's extra Rescaling layer).

The family modules (``keras.applications.resnet``, ``.mobilenet_v2``, ...) also
provide ``preprocess_input`` and ``decode_predictions`` under Keras's names.

>>> from paramscope.keras import applications
>>> applications.VGG16(weights=None).count_params()
138357544
"""

from __future__ import annotations

import importlib

from ...errors import MissingAPIError

#: Public model functions and the family module (Keras's name) that defines each.
MODELS = {
    "ConvNeXtTiny": "convnext", "ConvNeXtSmall": "convnext", "ConvNeXtBase": "convnext",
    "ConvNeXtLarge": "convnext", "ConvNeXtXLarge": "convnext",
    "DenseNet121": "densenet", "DenseNet169": "densenet", "DenseNet201": "densenet",
    **{f"EfficientNetB{i}": "efficientnet" for i in range(8)},
    **{f"EfficientNetV2{v}": "efficientnet_v2" for v in ("B0", "B1", "B2", "B3", "S", "M", "L")},
    "InceptionResNetV2": "inception_resnet_v2", "InceptionV3": "inception_v3",
    "MobileNet": "mobilenet", "MobileNetV2": "mobilenet_v2",
    "MobileNetV3Small": "mobilenet_v3", "MobileNetV3Large": "mobilenet_v3",
    "NASNetMobile": "nasnet", "NASNetLarge": "nasnet",
    "ResNet50": "resnet", "ResNet101": "resnet", "ResNet152": "resnet",
    "ResNet50V2": "resnet_v2", "ResNet101V2": "resnet_v2", "ResNet152V2": "resnet_v2",
    "VGG16": "vgg16", "VGG19": "vgg19", "Xception": "xception",
}

#: The submodules of ``keras.applications``.
FAMILIES = ("convnext", "densenet", "efficientnet", "efficientnet_v2", "imagenet_utils",
            "inception_resnet_v2", "inception_v3", "mobilenet", "mobilenet_v2", "mobilenet_v3",
            "nasnet", "resnet", "resnet50", "resnet_v2", "vgg16", "vgg19", "xception")

__all__ = sorted(MODELS) + list(FAMILIES)


def family(name):
    """The family module ``name`` (``"resnet"``, ``"mobilenet_v2"``, ...), or None when
    paramscope does not have it."""
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as e:
        if e.name == f"{__name__}.{name}":
            return None
        raise


def __getattr__(name):
    if name in FAMILIES:
        module = family(name)
        if module is not None:
            return module
        raise AttributeError(name)
    if name not in MODELS:
        raise AttributeError(f"module 'keras.applications' has no attribute {name!r}")
    module = family(MODELS[name])
    if module is not None:
        return getattr(module, name)

    def application(*args, **kwargs):
        raise MissingAPIError(
            f"keras.applications.{name}(...) is not built into paramscope yet. With Keras, save "
            f"the architecture once (keras.applications.{name}(weights=None, ...).to_json(), or "
            ".save('m.keras')) and run `paramscope summary` on that file; it gives Keras's "
            "exact summary.")

    application.__name__ = name
    return application


def __dir__():
    return __all__
