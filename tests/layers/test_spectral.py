"""SpectralNormalization against real Keras 3.15.1 (``KERAS_BACKEND=jax``).

Each expected row was recorded by real Keras for the same code (tools/make_layer_tables.py,
rows in tools/cases/layer_tables.py, fixture tests/golden/layer_tables/keras3.json.gz)::

    y = layer(keras.Input(shape, dtype=dtype))
    (tuple(y.shape), y.dtype, [(w.name, tuple(w.shape), w.dtype, w.trainable)
                               for w in layer.weights], layer.count_params())
"""

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.summary import summarize
from keras_table import recorded_table

L = keras.layers

CASES = recorded_table("spectral_normalization")


def _weights(layer):
    return [(w.name, tuple(w.shape), w.dtype, w.trainable) for w in layer.weights]


@pytest.mark.parametrize("code, shape, dtype, expected", CASES, ids=[c[0] for c in CASES])
def test_like_keras(code, shape, dtype, expected):
    layer = eval(code)
    assert not layer.built
    y = layer(keras.Input(tuple(shape), dtype=dtype))
    out_shape, out_dtype, weights, count = expected
    assert (tuple(y.shape), y.dtype, _weights(layer), layer.count_params()) == (
        tuple(out_shape), out_dtype, [(n, tuple(sh), dt, tr) for n, sh, dt, tr in weights], count)


def test_prebuilt_and_frozen_inner_layers():
    dense = L.Dense(4)
    dense.build_from_shape((None, 3))
    wrapper = L.SpectralNormalization(dense)
    wrapper(keras.Input((3,)))
    assert _weights(wrapper) == [("kernel", (3, 4), "float32", True),
                                 ("vector_u", (1, 4), "float32", False),
                                 ("bias", (4,), "float32", True)]
    frozen = L.Dense(4)
    frozen.trainable = False
    wrapper = L.SpectralNormalization(frozen)
    wrapper(keras.Input((3,)))
    assert [w.trainable for w in wrapper.weights] == [False, False, False]
    assert wrapper.count_params() == 20


def test_summary_counts_and_freezing():
    wrapper = L.SpectralNormalization(L.Dense(4))
    model = keras.Sequential([keras.Input((3,)), wrapper])
    s = summarize(model)
    assert (s.total_params, s.trainable_params, s.non_trainable_params) == (20, 16, 4)
    assert (s.total_bytes, s.trainable_bytes) == (80, 64)
    wrapper.trainable = False
    s = summarize(model)
    assert (s.total_params, s.trainable_params, s.non_trainable_params) == (20, 0, 20)


def test_explain_shows_inner_arithmetic_and_vector_u():
    model = keras.Sequential([keras.Input((3,)), L.SpectralNormalization(L.Dense(4))])
    row = summarize(model).layers[0]
    assert all_words(row.explain) == [
        "spectral_normalization: dense 16 + vector_u 1x4 (non-trainable, power iteration "
        "state, one per output unit of the kernel 3x4) = 20",
        "  dense: 3 inputs x 4 units + 4 biases = 16",
    ]


def test_errors_like_keras():
    # Keras: ValueError "LayerNormalization object has no attribute 'kernel' nor 'embeddings'"
    with pytest.raises(LayerError, match=r"'spectral_normalization' \(SpectralNormalization\).*"
                                         r"layer_normalization.*nor 'embeddings'"):
        L.SpectralNormalization(L.LayerNormalization())(keras.Input((3,)))
    with pytest.raises(LayerError, match="power_iterations"):
        L.SpectralNormalization(L.Dense(3), power_iterations=0)
    with pytest.raises(LayerError, match="isn't a supported layer type"):
        L.SpectralNormalization("dense")
    with pytest.raises(LayerError, match="nor 'embeddings'"):
        L.SpectralNormalization(L.SeparableConv2D(2, 2))(keras.Input((4, 4, 1)))
    with pytest.raises(LayerError, match="missing required argument `layer`"):
        L.SpectralNormalization()


# keras.Sequential([keras.Input((3,)), SpectralNormalization(Dense(4), power_iterations=2)])
# .to_json() from real Keras 3.15.1 (tools/make_layer_tables.py)
KERAS_CONFIG = recorded_table("spectral_normalization_config")[0][1]


def test_from_keras_config():
    from paramscope import formats
    model = formats.load_config(KERAS_CONFIG)
    s = summarize(model)
    assert [r.name for r in s.layers] == ["spectral_normalization"]
    assert (s.total_params, s.non_trainable_params) == (20, 4)
    assert model.layers[0].power_iterations == 2
