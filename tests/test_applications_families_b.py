"""keras.applications families MobileNet (V1-V3), NASNet, EfficientNet (V1, V2) and ConvNeXt:
what the golden variants (all built with ``weights=None``) do not show."""

import importlib

import pytest

import paramscope.keras as keras
from paramscope.errors import ParamscopeError
from paramscope.keras import applications
from paramscope.keras.applications._common import ApplicationError
from paramscope.summary import summarize

FAMILIES = ("mobilenet", "mobilenet_v2", "mobilenet_v3", "nasnet", "efficientnet",
            "efficientnet_v2", "convnext")


def _rows(model):
    return [(r.name, r.class_name) for r in summarize(model, with_explain=False).layers]


def test_efficientnet_imagenet_weights_add_keras_rescaling_layer():
    plain = _rows(applications.EfficientNetB0(weights=None))
    keras.backend.clear_session()
    imagenet = applications.EfficientNetB0(weights="imagenet")
    rows = _rows(imagenet)
    # Keras: Rescaling(1/255), Normalization, then (imagenet only) an auto-named
    # Rescaling by 1/sqrt(stddev) before the stem's padding.
    assert len(rows) == len(plain) + 1
    i = [name for name, _ in rows].index("normalization")
    assert rows[i + 1] == ("rescaling_1", "Rescaling")
    assert rows[:i + 1] + rows[i + 2:] == plain
    assert rows[i + 2] == ("stem_conv_pad", "ZeroPadding2D")
    assert imagenet.count_params() == 5330571  # Keras 3.15's number, as without weights


def test_efficientnet_imagenet_weights_notop_any_size():
    rows = _rows(applications.EfficientNetB3(weights="imagenet", include_top=False,
                                             input_shape=(120, 100, 3)))
    assert ("rescaling_1", "Rescaling") in rows


def test_mobilenet_alpha_checked_only_with_imagenet_weights():
    with pytest.raises(ApplicationError) as info:
        applications.MobileNet(alpha=0.3, weights="imagenet")
    assert isinstance(info.value, ValueError) and isinstance(info.value, ParamscopeError)
    assert "alpha can be one of" in str(info.value) and "alpha=0.3" in str(info.value)
    with pytest.raises(ValueError, match="depth multiplier must be 1"):
        applications.MobileNet(depth_multiplier=2, weights="imagenet")
    model = applications.MobileNet(alpha=0.3, weights=None, include_top=False,
                                   input_shape=(128, 128, 3))
    assert model.name == "mobilenet_0.30_128"


@pytest.mark.parametrize("build, kwargs, match", [
    (applications.MobileNetV2, {"alpha": 0.6}, "alpha must be one of"),
    (applications.MobileNetV3Small, {"alpha": 0.5}, "alpha can be one of"),
    (applications.MobileNetV3Large, {"minimalistic": True, "alpha": 0.75}, "minimalistic"),
    (applications.EfficientNetB0, {"classes": 10}, "`classes` should be 1000"),
    (applications.NASNetMobile, {"include_top": False, "input_shape": (None, None, 3)},
     "must be static"),
    (applications.ConvNeXtTiny, {"include_top": False, "name": "foo"},
     "does not match weights variant"),
])
def test_imagenet_weights_checks(build, kwargs, match):
    with pytest.raises(ApplicationError, match=match):
        build(weights="imagenet", **kwargs)


def test_mobilenet_imagenet_warns_for_other_sizes():
    with pytest.warns(UserWarning, match="Weights for input shape"):
        model = applications.MobileNet(weights="imagenet", include_top=False,
                                       input_shape=(150, 150, 3))
    assert model.name == "mobilenet_1.00_224"  # Keras names it after the weights' size


@pytest.mark.parametrize("name", FAMILIES)
def test_family_modules_expose_preprocess_and_decode(name):
    module = applications.family(name)
    assert module is importlib.import_module(f"paramscope.keras.applications.{name}")
    assert getattr(applications, name) is module
    assert callable(module.preprocess_input) and callable(module.decode_predictions)
    x = keras.Input((32, 32, 3))
    y = module.preprocess_input(x)
    if name in ("mobilenet_v3", "efficientnet", "efficientnet_v2", "convnext"):
        assert y is x  # Keras: the model preprocesses itself; identity
    else:
        assert y is not x and tuple(y.shape) == (None, 32, 32, 3)  # mode "tf": x / 127.5 - 1
    with pytest.raises(ParamscopeError):
        module.decode_predictions([[0.0] * 1000])


def test_convnext_built_twice_gets_keras_names():
    first = _rows(applications.ConvNeXtTiny(weights=None))
    second = _rows(applications.ConvNeXtTiny(weights=None))
    notop = _rows(applications.ConvNeXtTiny(weights=None, include_top=False, pooling="avg"))
    # PreStem and Head are given the model's name, so Keras adds no uid suffix to them;
    # the auto-named layers go on counting (four more input layers are the nested
    # Sequential stem and downsampling blocks').
    for rows in (first, second, notop):
        assert rows[1] == ("convnext_tiny_prestem_normalization", "Normalization")
        assert rows[2] == ("convnext_tiny_stem", "Sequential")
    assert [n for n, _ in first[-3:]] == [n for n, _ in second[-3:]] == [
        "convnext_tiny_head_gap", "convnext_tiny_head_layernorm", "convnext_tiny_head_dense"]
    auto = [[n for n, _ in rows if not n.startswith("convnext_tiny_")]
            for rows in (first, second, notop)]
    assert auto[0] == ["input_layer"] + ["add"] + [f"add_{i}" for i in range(1, 18)]
    assert auto[1] == ["input_layer_5"] + [f"add_{i}" for i in range(18, 36)]
    assert auto[2] == (["input_layer_10"] + [f"add_{i}" for i in range(36, 54)]
                       + ["global_average_pooling2d", "layer_normalization"])


def test_convnext_generic_builder_keras_signature():
    model = applications.convnext.ConvNeXt(
        depths=[1, 1, 2, 1], projection_dims=[8, 16, 24, 32], drop_path_rate=0.3,
        layer_scale_init_value=1e-6, input_shape=(64, 64, 3), name="tiny_test")
    rows = _rows(model)
    assert model.count_params() == 64760  # Keras 3.15's number
    # np.linspace(0, 0.3, 5): the first block has rate 0.0 (identity), the others drop.
    assert ("tiny_test_stage_0_block_0_identity", "Activation") in rows
    assert ("tiny_test_stage_1_block_0_stochastic_depth", "StochasticDepth") in rows
    layer = model.get_layer("tiny_test_stage_3_block_0_stochastic_depth")
    assert layer.get_config()["drop_path_rate"] == 0.3
    assert model.get_layer("tiny_test_stage_2_block_0_stochastic_depth").drop_path_rate == 0.15
