"""SpectralNormalization against real Keras 3.15.1 (``KERAS_BACKEND=jax``).

Each expected row was printed by real Keras for the same code::

    y = layer(keras.Input(shape, dtype=dtype))
    (tuple(y.shape), y.dtype, [(w.name, tuple(w.shape), w.dtype, w.trainable)
                               for w in layer.weights], layer.count_params())
"""

import json

import pytest

from paramscope.report.explain_words import all_words
import paramscope.keras as keras
from paramscope.errors import LayerError
from paramscope.summary import summarize

L = keras.layers

CASES = [
    ("L.SpectralNormalization(L.Dense(4))", (3,), None,
     ((None, 4), "float32", [("kernel", (3, 4), "float32", True),
                             ("vector_u", (1, 4), "float32", False),
                             ("bias", (4,), "float32", True)], 20)),
    ("L.SpectralNormalization(L.Conv2D(4, 3, name='c'))", (8, 8, 2), None,
     ((None, 6, 6, 4), "float32", [("kernel", (3, 3, 2, 4), "float32", True),
                                   ("vector_u", (1, 4), "float32", False),
                                   ("bias", (4,), "float32", True)], 80)),
    ("L.SpectralNormalization(L.Embedding(10, 4), power_iterations=3)", (5,), "int32",
     ((None, 5, 4), "float32", [("embeddings", (10, 4), "float32", True),
                                ("vector_u", (1, 4), "float32", False)], 44)),
    # vector_u takes the kernel's dtype; the output the wrapper's compute dtype
    ("L.SpectralNormalization(L.Dense(4, dtype='float16'))", (3,), None,
     ((None, 4), "float32", [("kernel", (3, 4), "float16", True),
                             ("vector_u", (1, 4), "float16", False),
                             ("bias", (4,), "float16", True)], 20)),
    ("L.SpectralNormalization(L.Dense(4), dtype='float16')", (3,), None,
     ((None, 4), "float16", [("kernel", (3, 4), "float32", True),
                             ("vector_u", (1, 4), "float32", False),
                             ("bias", (4,), "float32", True)], 20)),
    ("L.SpectralNormalization(L.Dense(4, dtype='mixed_float16'))", (3,), None,
     ((None, 4), "float32", [("kernel", (3, 4), "float32", True),
                             ("vector_u", (1, 4), "float32", False),
                             ("bias", (4,), "float32", True)], 20)),
    # the variables keep their own flag; the frozen wrapper lists them as non-trainable
    ("L.SpectralNormalization(L.Dense(4, use_bias=False), trainable=False)", (3,), None,
     ((None, 4), "float32", [("kernel", (3, 4), "float32", True),
                             ("vector_u", (1, 4), "float32", False)], 16)),
    ("L.SpectralNormalization(L.Conv1DTranspose(4, 3))", (8, 2), None,
     ((None, 10, 4), "float32", [("kernel", (3, 4, 2), "float32", True),
                                 ("vector_u", (1, 2), "float32", False),
                                 ("bias", (4,), "float32", True)], 30)),
    ("L.SpectralNormalization(L.DepthwiseConv2D(3))", (8, 8, 2), None,
     ((None, 6, 6, 2), "float32", [("kernel", (3, 3, 2, 1), "float32", True),
                                   ("vector_u", (1, 1), "float32", False),
                                   ("bias", (2,), "float32", True)], 21)),
    ("L.SpectralNormalization(L.Dense(4))", (2, 3), None,
     ((None, 2, 4), "float32", [("kernel", (3, 4), "float32", True),
                                ("vector_u", (1, 4), "float32", False),
                                ("bias", (4,), "float32", True)], 20)),
    # LoRA: Keras's `layer.kernel` is then a computed tensor, not tracked by the wrapper
    ("L.SpectralNormalization(L.Dense(4, lora_rank=2))", (3,), None,
     ((None, 4), "float32", [("vector_u", (1, 4), "float32", False),
                             ("kernel", (3, 4), "float32", False),
                             ("bias", (4,), "float32", True),
                             ("lora_kernel_a", (3, 2), "float32", True),
                             ("lora_kernel_b", (2, 4), "float32", True)], 34)),
    ("L.SpectralNormalization(L.Conv3D(2, 2))", (4, 4, 4, 1), None,
     ((None, 3, 3, 3, 2), "float32", [("kernel", (2, 2, 2, 1, 2), "float32", True),
                                      ("vector_u", (1, 2), "float32", False),
                                      ("bias", (2,), "float32", True)], 20)),
]


def _weights(layer):
    return [(w.name, tuple(w.shape), w.dtype, w.trainable) for w in layer.weights]


@pytest.mark.parametrize("code, shape, dtype, expected", CASES, ids=[c[0] for c in CASES])
def test_like_keras(code, shape, dtype, expected):
    layer = eval(code)
    assert not layer.built
    y = layer(keras.Input(shape, dtype=dtype))
    assert (tuple(y.shape), y.dtype, _weights(layer), layer.count_params()) == expected


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
# .to_json() from real Keras 3.15.1
KERAS_CONFIG = r'''{"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}, "layers": [{"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 3], "dtype": "float32", "sparse": false, "ragged": false, "name": "input_layer", "optional": false}, "registered_name": null}, {"module": "keras.layers", "class_name": "SpectralNormalization", "config": {"name": "spectral_normalization", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}, "layer": {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}, "units": 4, "activation": "linear", "use_bias": true, "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null, "input_axes": null, "output_axes": null}, "registered_name": null}, "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null}, "kernel_regularizer": null, "bias_regularizer": null, "kernel_constraint": null, "bias_constraint": null, "quantization_config": null}, "registered_name": null, "build_config": {"input_shape": [null, 3]}}, "power_iterations": 2}, "registered_name": null, "build_config": {"input_shape": [null, 3]}}], "build_input_shape": [null, 3]}, "registered_name": null, "build_config": {"input_shape": [null, 3]}, "compile_config": {}}'''


def test_from_keras_config():
    from paramscope import formats
    model = formats.load_config(json.loads(KERAS_CONFIG))
    s = summarize(model)
    assert [r.name for r in s.layers] == ["spectral_normalization"]
    assert (s.total_params, s.non_trainable_params) == (20, 4)
    assert model.layers[0].power_iterations == 2
