"""Properties of the profile (issue 11): per-layer MACs sum to the total; per-batch figures are
linear in the batch; activation bytes halve under float16 compute; freezing a layer changes
the gradients and the optimizer state by exactly its weights."""

from hypothesis import given, settings
from hypothesis import strategies as st

import paramscope
import paramscope.keras as keras
from paramscope import backend_config, naming

layers = keras.layers


def _model(widths, kernel, dtype="float32", freeze=None):
    naming.clear_session()
    backend_config.reset()
    stack = [layers.Input((12, 12, 3))]
    for i, w in enumerate(widths):
        stack.append(layers.Conv2D(w, kernel, padding="same", dtype=dtype, name=f"conv{i}"))
    stack += [layers.GlobalAveragePooling2D(dtype=dtype), layers.Dense(4, dtype=dtype,
                                                                       name="head")]
    model = keras.Sequential(stack)
    if freeze is not None:
        model.get_layer(f"conv{freeze}").trainable = False
    return model


WIDTHS = st.lists(st.integers(1, 8), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(WIDTHS, st.integers(1, 3), st.integers(1, 64))
def test_rows_sum_to_total_and_batch_is_linear(widths, kernel, batch):
    one = paramscope.profile(_model(widths, kernel))
    many = paramscope.profile(_model(widths, kernel), batch_size=batch)
    assert one.macs == sum(row.macs for row in one.layers) == many.macs
    assert many.macs_per_batch == batch * one.macs and many.flops_per_batch == 2 * batch * one.macs
    assert many.memory.activations_bytes == batch * one.memory.activations_bytes
    assert many.memory.input_bytes == batch * one.memory.input_bytes
    assert many.memory.weights_bytes == one.memory.weights_bytes


@settings(max_examples=20, deadline=None)
@given(WIDTHS, st.integers(1, 3))
def test_activation_bytes_halve_under_float16_compute(widths, kernel):
    full = paramscope.profile(_model(widths, kernel))
    mixed = paramscope.profile(_model(widths, kernel, dtype="mixed_float16"))
    assert mixed.macs == full.macs
    assert 2 * mixed.memory.activations_bytes == full.memory.activations_bytes
    assert [2 * r.activation_bytes for r in mixed.layers] == [r.activation_bytes
                                                              for r in full.layers]


@settings(max_examples=20, deadline=None)
@given(WIDTHS, st.integers(1, 3), st.data(),
       st.sampled_from(["adam", "sgd", "rmsprop", "adagrad", "lion", "adamax", "ftrl"]))
def test_freezing_a_layer_removes_exactly_its_weights(widths, kernel, data, optimizer):
    frozen = data.draw(st.integers(0, len(widths) - 1))
    before = paramscope.profile(_model(widths, kernel), optimizer=optimizer)
    after = paramscope.profile(_model(widths, kernel, freeze=frozen), optimizer=optimizer)
    layer_bytes = 4 * (kernel * kernel * ([3] + widths)[frozen] * widths[frozen]
                       + widths[frozen])
    assert before.memory.gradients_bytes - after.memory.gradients_bytes == layer_bytes
    slots = {"adam": 2, "sgd": 0, "rmsprop": 1, "adagrad": 1, "lion": 1, "adamax": 2,
             "ftrl": 2}[optimizer]
    assert before.memory.optimizer_bytes - after.memory.optimizer_bytes == slots * layer_bytes
    assert before.memory.weights_bytes == after.memory.weights_bytes
