"""Config -> model details: both node layouts, legacy Keras 2 quirks, serialized values, APIs."""

import copy
import json
import os

import pytest

import paramscope
from conftest import GOLDEN
from paramscope import formats
from paramscope.errors import ModelFileError, UnknownLayerError
from paramscope.formats.config import FileConstant, decode_value
from paramscope.summary import summarize

FILES = os.path.join(GOLDEN, "files")


def read_json(*parts):
    with open(os.path.join(FILES, *parts)) as f:
        return json.load(f)


def rows(model):
    return [(r.name, r.class_name, r.output_shape, r.params) for r in summarize(model).layers]


def test_decode_serialized_values():
    assert decode_value({"class_name": "__tuple__", "items": [3, {"class_name": "__tuple__",
                                                                     "items": [1, 2]}]}) == (3, (1, 2))
    assert decode_value({"class_name": "TensorShape", "items": [None, 4]}) == (None, 4)
    assert decode_value({"class_name": "__ellipsis__", "config": {}}) is Ellipsis
    assert decode_value({"class_name": "__bytes__", "config": {"value": "ab"}}) == b"ab"
    assert decode_value({"class_name": "__slice__", "config": {"start": 1, "stop": None,
                                                               "step": 2}}) == slice(1, None, 2)
    const = decode_value({"class_name": "__numpy__", "config": {"value": [[1, 2, 3]],
                                                                "dtype": "float32"}})
    assert isinstance(const, FileConstant) and const.shape == (1, 3)
    initializer = {"module": "keras.initializers", "class_name": "GlorotUniform",
                   "config": {"seed": None}, "registered_name": None}
    assert decode_value(initializer) == initializer
    with pytest.raises(ModelFileError):
        decode_value({"class_name": "__keras_tensor__", "config": {"shape": [1]}})


def test_tuple_markers_in_a_layer_config():
    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": {"class_name": "__tuple__",
                                                                      "items": [None, 8, 8, 1]},
                                                "name": "img"}},
        {"class_name": "Conv2D", "config": {"name": "c", "filters": 2,
                                            "kernel_size": {"class_name": "__tuple__", "items": [3, 3]},
                                            "strides": {"class_name": "__tuple__", "items": [1, 1]}}}]}}
    model = formats.load_config(config)
    assert rows(model) == [("c", "Conv2D", (None, 6, 6, 2), 20)]


def test_keras2_first_layer_batch_input_shape_without_inputlayer():
    """Keras <= 2.3 Sequential configs have no InputLayer: tf.keras adds '<layer>_input'."""
    config = read_json("tfkeras", "sequential.json")
    expected = rows(formats.load_config(copy.deepcopy(config)))
    layers = config["config"]["layers"]
    assert layers[0]["class_name"] == "InputLayer" and "batch_input_shape" in layers[1]["config"]
    del layers[0]
    model = formats.load_config(config)
    assert rows(model) == expected
    assert model._layers[0].name == "dense_input"
    assert model._layers[0].batch_shape == (None, 8)


def test_keras22_sequential_config_is_a_list():
    config = read_json("tfkeras", "sequential.json")
    old = {"class_name": "Sequential", "config": config["config"]["layers"][1:]}
    model = formats.load_config(old)
    assert [r[3] for r in rows(model)] == [144, 0, 64, 68]


def test_bare_get_config():
    k3 = read_json("keras3", "branches.json")
    assert rows(formats.load_config(k3["config"])) == rows(formats.load_config(k3))
    seq = read_json("keras3", "sequential.json")
    assert rows(formats.load_config(seq["config"])) == rows(formats.load_config(seq))
    # json strings, and a model_config wrapper (as an .h5 root attribute holds).
    assert rows(formats.load_json_string(json.dumps(k3))) == rows(formats.load_config(k3))
    assert rows(formats.load_config({"model_config": json.dumps(k3)})) == rows(formats.load_config(k3))


def test_keras_api_entry_points(tmp_path):
    import paramscope.keras as keras
    text = json.dumps(read_json("keras3", "nested.json"))
    model = keras.models.model_from_json(text)
    assert model.name == "nested"
    model = keras.models.model_from_config(json.loads(text))
    assert model.name == "nested"
    model = keras.models.load_model(os.path.join(FILES, "keras3", "nested.keras"))
    assert model.name == "nested"
    layer = keras.layers.deserialize({"class_name": "Dense", "config": {"name": "d", "units": 3}})
    assert type(layer).__name__ == "Dense" and layer.units == 3
    assert paramscope.load(json.loads(text)).name == "nested"
    assert paramscope.load(text).name == "nested"


def test_single_layer_config_is_not_a_model():
    with pytest.raises(ModelFileError, match="single layer"):
        formats.load_config({"class_name": "Dense", "config": {"name": "d", "units": 3}})


def test_unknown_config_keys_are_dropped_with_a_note():
    config = read_json("keras3", "branches.json")
    left = next(l for l in config["config"]["layers"] if l["name"] == "left")
    left["config"]["future_option"] = True
    left["config"]["kernel_quantizer"] = {"class_name": "Q", "config": {}}
    model = formats.load_config(config)
    warnings = summarize(model).warnings
    assert any("'left'" in w and "future_option" in w and "kernel_quantizer" in w for w in warnings)
    assert model.count_params() == formats.load_config(read_json("keras3", "branches.json")).count_params()


def test_unknown_identifiers_are_accepted_with_a_note():
    config = read_json("keras3", "branches.json")
    left = next(l for l in config["config"]["layers"] if l["name"] == "left")
    left["config"]["activation"] = "my_custom_activation"
    model = formats.load_config(config)
    assert any("my_custom_activation" in w for w in summarize(model).warnings)


def test_unknown_keras_operation():
    config = read_json("keras3", "ops.json")
    op = next(l for l in config["config"]["layers"] if l["class_name"] == "Add")
    op["class_name"] = "FancyOp"
    with pytest.raises(UnknownLayerError) as info:
        formats.load_config(config)
    assert "operation" in str(info.value) and "FancyOp" in str(info.value)
    assert "keras.src.ops" in str(info.value)


def test_registered_custom_layer_is_used():
    from paramscope.layers import _custom, register_class
    from paramscope.layers.core import Dense

    class FancyDense(Dense):
        pass

    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 4], "name": "x"}},
        {"class_name": "FancyDense", "module": "lab", "registered_name": "lab>FancyDense",
         "config": {"name": "f", "units": 2}}]}}
    register_class("lab>FancyDense", FancyDense)
    try:
        model = formats.load_config(config)
        assert rows(model) == [("f", "FancyDense", (None, 2), 10)]
    finally:
        _custom.pop("lab>FancyDense", None)


def test_custom_model_class_with_functional_config():
    config = read_json("keras3", "branches.json")
    config["class_name"] = "MyResearchModel"
    config["module"] = "lab.models"
    config["registered_name"] = "lab>MyResearchModel"
    model = formats.load_config(config)
    assert type(model).__name__ == "Functional"
    assert any("MyResearchModel" in w for w in summarize(model).warnings)


def test_sequential_build_config_builds_an_unbuilt_sequential():
    config = read_json("keras3", "sequential_unbuilt.json")
    assert not paramscope.summarize(formats.load_config(copy.deepcopy(config))).layers[0].built
    config["build_config"] = {"input_shape": [None, 3]}
    model = formats.load_config(config)
    assert [r[2:] for r in rows(model)] == [((None, 6), 24), ((None, 2), 14)]


def test_keras2_mixed_precision_and_axis_lists():
    config = read_json("tfkeras", "sequential.json")
    for layer in config["config"]["layers"]:
        if layer["class_name"] == "BatchNormalization":
            assert layer["config"]["axis"] == [1]  # tf.keras stores the built axis as a list
        if layer["class_name"] == "Dense":
            layer["config"]["dtype"] = {"class_name": "Policy", "config": {"name": "mixed_float16"}}
    model = formats.load_config(config)
    summary = summarize(model)
    assert summary.total_params == 276
    assert summary.total_bytes == 276 * 4  # mixed_float16 keeps float32 variables


def test_keras3_legacy_call_kwargs_and_constants():
    """tf.keras TFOpLambda calls carry tensors in kwargs (y=[layer, node, tensor])."""
    config = read_json("tfkeras", "tfops.json")
    add = next(l for l in config["config"]["layers"] if l["config"].get("function") == "__operators__.add")
    assert add["inbound_nodes"][0][3]["y"] == ["x", 0, 0]  # a bare entry, not a list of them
    model = formats.load_config(config)
    summary = summarize(model)
    row = next(r for r in summary.layers if r.name == add["name"])
    assert row.inbound == [("h", 0, 0), ("x", 0, 0)]
    assert row.output_shape == (None, 4)


def test_layer_from_config_errors():
    with pytest.raises(ModelFileError):
        formats.layer_from_config("Dense")
    with pytest.raises(ModelFileError, match="class_name"):
        formats.load_config({"class_name": "Sequential", "config": {"layers": [{"config": {}}]}})
    with pytest.raises(ModelFileError, match="inbound_nodes"):
        config = read_json("keras3", "branches.json")
        config["config"]["layers"][1]["inbound_nodes"] = "x"
        formats.load_config(config)
    with pytest.raises(ModelFileError, match="output_layers"):
        config = read_json("keras3", "branches.json")
        del config["config"]["output_layers"]
        config["class_name"] = "Functional"
        formats.load_config(config)


def test_wrapper_classes_can_deserialize_inner_layers():
    """A layer whose config holds another layer (a wrapper) uses formats.deserialize_layer."""
    from paramscope.layers import _custom, register_class
    from paramscope.layers.base import Layer

    class Twice(Layer):
        def __init__(self, layer, **kwargs):
            super().__init__(**kwargs)
            self.layer = layer

        @classmethod
        def from_config(cls, config):
            config = dict(config)
            config["layer"] = formats.deserialize_layer(config["layer"])
            return cls(**config)

        def build(self, input_shape):
            self.layer.build_from_shape(input_shape)

        def compute_output_shape(self, input_shape):
            return self.layer.compute_output_shape(input_shape)

    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 4], "name": "x"}},
        {"class_name": "Twice", "config": {"name": "w", "layer": {
            "class_name": "Dense", "config": {"name": "inner", "units": 3, "activation": "my_act",
                                              "future_key": 1}}}}]}}
    register_class("Twice", Twice)
    try:
        model = formats.load_config(config)
    finally:
        _custom.pop("Twice", None)
    assert rows(model) == [("w", "Twice", (None, 3), 15)]
    warnings = summarize(model).warnings
    assert any("my_act" in w for w in warnings) and any("future_key" in w for w in warnings)
