"""The ports of keras.applications' VGG19, ResNet (v1, v2), Xception, InceptionV3,
InceptionResNetV2 and DenseNet families: Keras's argument checks, ``input_tensor``, and
the module-level functions.  (Layer-for-layer agreement with Keras is
test_applications_builders.py's.)
"""

import pytest

import paramscope.keras as keras
from paramscope.errors import NeedsComputationError, ParamscopeError
from paramscope.keras import applications
from paramscope.keras.applications import imagenet_utils
from paramscope.keras.applications._common import ApplicationError

# (family module, model function, min_size, Keras's preprocess_input mode)
FAMILIES = [
    ("vgg19", "VGG19", 32, "caffe"),
    ("resnet", "ResNet50", 32, "caffe"),
    ("resnet", "ResNet101", 32, "caffe"),
    ("resnet", "ResNet152", 32, "caffe"),
    ("resnet50", "ResNet50", 32, "caffe"),
    ("resnet_v2", "ResNet50V2", 32, "tf"),
    ("resnet_v2", "ResNet101V2", 32, "tf"),
    ("resnet_v2", "ResNet152V2", 32, "tf"),
    ("xception", "Xception", 71, "tf"),
    ("inception_v3", "InceptionV3", 75, "tf"),
    ("inception_resnet_v2", "InceptionResNetV2", 75, "tf"),
    ("densenet", "DenseNet121", 32, "torch"),
    ("densenet", "DenseNet169", 32, "torch"),
    ("densenet", "DenseNet201", 32, "torch"),
]
IDS = [f"{module}.{fn}" for module, fn, _, _ in FAMILIES]
MODULES = sorted({module for module, _, _, _ in FAMILIES})


def _fn(module, name):
    return getattr(applications.family(module), name)


@pytest.mark.parametrize("module,name,min_size,mode", FAMILIES, ids=IDS)
def test_imagenet_weights_with_other_classes_is_refused(module, name, min_size, mode):
    with pytest.raises(ApplicationError, match="1000") as info:
        _fn(module, name)(weights="imagenet", include_top=True, classes=10)
    assert isinstance(info.value, ValueError) and isinstance(info.value, ParamscopeError)
    # Keras's first check: weights must be None, "imagenet" or an existing file.
    with pytest.raises(ApplicationError, match="weights"):
        _fn(module, name)(weights="no/such/file.weights.h5")


@pytest.mark.parametrize("module,name,min_size,mode", FAMILIES, ids=IDS)
def test_too_small_input_shape_is_refused(module, name, min_size, mode):
    small = min_size - 1
    with pytest.raises(ApplicationError, match=f"at least {min_size}x{min_size}"):
        _fn(module, name)(weights=None, include_top=False, input_shape=(small, 64 + min_size, 3))


@pytest.mark.parametrize("module,name", [
    ("vgg19", "VGG19"), ("resnet", "ResNet50"), ("resnet_v2", "ResNet50V2"),
    ("xception", "Xception"), ("inception_v3", "InceptionV3"),
    ("inception_resnet_v2", "InceptionResNetV2"), ("densenet", "DenseNet121")])
def test_input_tensor_is_the_models_input(module, name):
    inputs = keras.Input(shape=(96, 96, 3))
    model = _fn(module, name)(weights=None, include_top=False, input_tensor=inputs,
                              pooling="avg")
    assert len(model.inputs) == 1 and model.inputs[0] is inputs
    assert model.layers[0].name == inputs._keras_history[0].name
    assert tuple(model.outputs[0].shape)[0] is None and len(model.outputs[0].shape) == 2


def test_input_tensor_with_predecessors_keeps_them():
    # Keras: the model's inputs are the source inputs of `input_tensor`.
    inputs = keras.Input(shape=(64, 64, 3))
    x = keras.layers.Rescaling(1.0 / 255)(inputs)
    model = applications.ResNet50(weights=None, include_top=False, input_tensor=x)
    assert model.inputs[0] is inputs
    assert [layer.name for layer in model.layers[:3]] == ["input_layer", "rescaling",
                                                          "conv1_pad"]
    assert tuple(model.outputs[0].shape) == (None, 2, 2, 2048)


@pytest.mark.parametrize("module", MODULES)
def test_modules_expose_preprocess_input_and_decode_predictions(module):
    family = applications.family(module)
    assert callable(family.preprocess_input) and callable(family.decode_predictions)
    x = family.preprocess_input(keras.Input(shape=(32, 32, 3)))
    assert tuple(x.shape) == (None, 32, 32, 3)
    with pytest.raises(NeedsComputationError):
        family.decode_predictions(None)


@pytest.mark.parametrize("module,mode", sorted({(m, mode) for m, _, _, mode in FAMILIES}))
def test_preprocess_input_uses_keras_mode(module, mode, monkeypatch):
    seen = []

    def record(x, data_format=None, mode="caffe"):
        seen.append((x, data_format, mode))
        return x

    monkeypatch.setattr(imagenet_utils, "preprocess_input", record)
    assert applications.family(module).preprocess_input("x", data_format="channels_last") == "x"
    assert seen == [("x", "channels_last", mode)]


def test_resnet50_module_is_an_alias():
    from paramscope.keras.applications import resnet, resnet50
    assert applications.resnet50.ResNet50 is applications.ResNet50
    assert resnet50.ResNet50 is resnet.ResNet50 is applications.ResNet50
    assert resnet50.preprocess_input is resnet.preprocess_input
    assert resnet50.decode_predictions is resnet.decode_predictions


def test_resnet_v2_uses_the_generic_resnet():
    model = applications.ResNet50V2(weights=None, include_top=False, input_shape=(64, 64, 3))
    names = [layer.name for layer in model.layers]
    assert names[-2:] == ["post_bn", "post_relu"] and "conv1_bn" not in names
    model = applications.resnet.ResNet(
        lambda x: applications.resnet.stack_residual_blocks_v1(x, 8, 2, name="conv2"),
        preact=False, use_bias=True, weights=None, include_top=False,
        input_shape=(32, 32, 3), name="tiny")
    assert model.name == "tiny" and model.layers[-1].name == "conv2_block2_out"


def test_inception_resnet_v2_uses_paramscopes_custom_scale_layer():
    from paramscope.layers.applications import CustomScaleLayer
    assert applications.inception_resnet_v2.CustomScaleLayer is CustomScaleLayer
    model = applications.InceptionResNetV2(weights=None, include_top=False,
                                           input_shape=(75, 75, 3))
    scales = [layer for layer in model.layers if isinstance(layer, CustomScaleLayer)]
    assert len(scales) == 40
    assert [s.get_config()["scale"] for s in scales[::10]] == [0.17, 0.1, 0.1, 0.2]
    with pytest.raises(ApplicationError, match="Unknown Inception-ResNet block type"):
        applications.inception_resnet_v2.inception_resnet_block(
            model.inputs[0], 1.0, "block99", 1)


def test_densenet_checks():
    from paramscope import backend_config
    backend_config.set_image_data_format("channels_first")
    with pytest.raises(ApplicationError, match="channels_first"):
        applications.DenseNet121(weights=None)
    backend_config.set_image_data_format("channels_last")
    # Keras has ImageNet weights for 121/169/201 only: other blocks fail with "imagenet".
    with pytest.raises(ApplicationError, match="weights_path undefined"):
        applications.densenet.DenseNet([1, 1, 1, 1], weights="imagenet", include_top=False)
    model = applications.densenet.DenseNet([1, 1, 1, 1], weights=None, include_top=False)
    assert model.name == "densenet" and model.layers[-1].name == "relu"
