"""Custom layers: Keras-style subclasses in scripts, and the register_layer API."""

import pytest

import paramscope
import paramscope.keras as keras
from paramscope import formats
from paramscope.errors import LayerError, ParamscopeError
from paramscope.keras import layers, ops
from paramscope.report import keras3
from paramscope.summary import summarize


class MyBlock(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.d1 = layers.Dense(units)
        self.d2 = layers.Dense(units)

    def call(self, x):
        return ops.concatenate([self.d1(x), self.d2(x) * 2.0], axis=-1)


# Real Keras 3.15 printed this (COLUMNS=120) for:
#   inp = keras.Input((5,)); y = MyBlock(3)(inp); m = keras.Model(inp, y + 1); m.summary()
CUSTOM_BLOCK = """\
Model: "functional"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ input_layer (InputLayer)             │ (None, 5)                   │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ my_block (MyBlock)                   │ (None, 6)                   │              36 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ add (Add)                            │ (None, 6)                   │               0 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 36 (144.00 B)
 Trainable params: 36 (144.00 B)
 Non-trainable params: 0 (0.00 B)
"""


def test_subclassed_layer_call_is_traced_like_keras():
    inp = keras.Input((5,))
    y = MyBlock(3)(inp)
    model = keras.Model(inp, y + 1)  # the traced call took no names: this is "add", not "add_2"
    assert keras3.render(summarize(model), columns=120, console_width=120) == CUSTOM_BLOCK


def test_lambda_is_traced_without_taking_names():
    model = keras.Sequential([keras.Input((4,)), layers.Lambda(lambda t: t[:, :2] * 2),
                              layers.Dense(1)])
    rows = summarize(model).layers
    assert [(r.name, r.output_shape, r.params) for r in rows] == [
        ("lambda", (None, 2), 0), ("dense", (None, 1), 3)]
    y = keras.Input((3,)) * 2
    assert y._keras_history.operation.name == "multiply"  # the Lambda's trace took no name


def test_untraceable_custom_layer_names_the_fix():
    class Opaque(keras.layers.Layer):
        def call(self, x):
            return len(x)

    with pytest.raises(LayerError) as info:
        Opaque()(keras.Input((3,)))
    message = str(info.value)
    assert "'opaque' (Opaque)" in message and "compute_output_shape" in message


def test_register_layer_with_functions_in_a_file_config():
    paramscope.register_layer(
        "MyGate",
        output_shape=lambda shape, config: shape[:-1] + (config["units"] * 2,),
        weights=lambda shape, config: {"kernel": (shape[-1], config["units"] * 2),
                                       "gate": {"shape": (config["units"],), "trainable": False}},
    )
    config = {"class_name": "Sequential", "config": {"name": "seq", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 10], "name": "in"}},
        {"class_name": "MyGate", "module": None, "registered_name": "Custom>MyGate",
         "config": {"name": "gate", "units": 4, "trainable": True}},
        {"class_name": "Dense", "config": {"name": "out", "units": 1}},
    ]}}
    model = formats.load_config(config)
    summary = summarize(model)
    assert [(r.name, r.output_shape, r.params) for r in summary.layers] == [
        ("gate", (None, 8), 84), ("out", (None, 1), 9)]
    assert (summary.trainable_params, summary.non_trainable_params) == (89, 4)


def test_register_layer_class_decorator():
    @paramscope.register_layer
    class Scale(keras.layers.Layer):
        def build(self, input_shape):
            self.add_weight(shape=(input_shape[-1],), name="scale")

        def compute_output_shape(self, input_shape):
            return input_shape

    model = keras.Sequential([keras.Input((7,)), layers.Scale()])
    assert model.count_params() == 7


def test_register_layer_rejects_nonsense():
    with pytest.raises(ParamscopeError):
        paramscope.register_layer("not a name")
    with pytest.raises(ParamscopeError):
        paramscope.register_layer("Thing", output_shape=(1, 2))
