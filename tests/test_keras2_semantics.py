"""tf.keras (Keras 2) behaviour under ``--style keras2`` that the classic Keras examples rely on.

The numbers are checked against tf-keras 2.21 by tests/test_corpus.py (the imdb_* and
mnist_dataset_api scripts, golden records from real tf-keras); these tests pin the behaviour
itself and that Keras 3's (the default) is unchanged.
"""
import warnings

import paramscope.keras as keras
from paramscope import backend_config, naming
from paramscope.keras.tensorflow import tf_keras_semantics


def _sequential_starting_with_embedding(**kwargs):
    naming.clear_session()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.Sequential()
        model.add(keras.layers.Embedding(1000, 8, **kwargs))
        model.add(keras.layers.GlobalAveragePooling1D())
    return model


def test_embedding_declares_its_input_under_tf_keras():
    with tf_keras_semantics(True):
        model = _sequential_starting_with_embedding(input_length=20)
        assert model.built and model.layers[0].input.shape == (None, 20)
        model = _sequential_starting_with_embedding()
        assert model.built and model.layers[0].input.shape == (None, None)


def test_embedding_input_length_is_ignored_by_keras_3():
    model = _sequential_starting_with_embedding(input_length=20)
    assert not model.built


def test_tf_keras_runs_on_tensorflow():
    backend_config.reset()
    assert keras.backend.backend() == "jax"
    with tf_keras_semantics(True):
        assert keras.backend.backend() == "tensorflow"
    assert keras.backend.backend() == "jax"
