"""``keras.utils``: what summarising needs; the rest says it needs Keras."""

import sys as _sys

from ._placeholders import module as _module


def plot_model(model, to_file="model.png", *args, **kwargs):
    """Skipped: drawing needs pydot and graphviz. Prints a note on stderr."""
    print(f"paramscope: skipped keras.utils.plot_model(to_file={to_file!r}); use "
          "`paramscope summary` for the architecture.", file=_sys.stderr)


def set_random_seed(seed):
    """Accepted (nothing here is random)."""


def _needs_data(name):
    def function(*args, **kwargs):
        from ..errors import NeedsComputationError
        raise NeedsComputationError(
            f"keras.utils.{name}() works on data (files, arrays), which paramscope does not "
            "load: it computes shapes and parameter counts. Build the model before loading "
            "the data (or summarise a saved model file).")
    function.__name__ = name
    return function


#: keras.utils functions that fetch, read or transform data.
DATA_FUNCTIONS = ("get_file", "image_dataset_from_directory", "text_dataset_from_directory",
                  "audio_dataset_from_directory", "timeseries_dataset_from_array", "load_img",
                  "img_to_array", "array_to_img", "save_img", "normalize", "split_dataset")


def to_categorical(x, num_classes=None):
    """One-hot labels: on a dataset known by its shape, the one-hot shape."""
    from ._data import to_categorical as shaped
    return shaped(x, num_classes)


def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre",
                  value=0.0):
    """Padded sequences: on a dataset known by its shape, ``(samples, maxlen)``."""
    from ._data import pad_sequences as shaped
    return shaped(sequences, maxlen, dtype)


_sys.modules[__name__] = _module("keras.utils", __doc__, __file__, plot_model=plot_model,
                                 set_random_seed=set_random_seed, to_categorical=to_categorical,
                                 pad_sequences=pad_sequences,
                                 **{name: _needs_data(name) for name in DATA_FUNCTIONS})
