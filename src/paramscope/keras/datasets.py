"""``keras.datasets``: the datasets known by their shapes, never downloaded.

``(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()`` gives arrays
with the real shapes and dtypes (``paramscope.keras._data.ShapedArray``), so the classic
scripts that reshape, rescale and one-hot encode their data before building the model run
up to the model (and ``paramscope summary`` summarises it); using the values (``fit``,
``max()``, ...) stops with a message saying so.  ``get_word_index`` and the like need the
data itself and say so.
"""

from __future__ import annotations

import types

from ..errors import NeedsComputationError

DATASETS = ("boston_housing", "california_housing", "cifar10", "cifar100", "fashion_mnist",
            "imdb", "mnist", "reuters")


def _loader(dataset, function):
    def load(*args, **kwargs):
        raise NeedsComputationError(
            f"keras.datasets.{dataset}.{function}() downloads and loads data, which paramscope "
            "does not do: it computes shapes and parameter counts. Build the model before "
            "loading the data (or summarise a saved model file).")
    load.__name__ = function
    return load


def _shapes_loader(dataset):
    def load_data(*args, **kwargs):
        """The dataset's arrays, known by shape and dtype only (see ``_data.ShapedArray``)."""
        from ._data import load_data as shaped
        return shaped(dataset, kwargs)
    return load_data


def _dataset(name):
    module = types.ModuleType(f"keras.datasets.{name}")
    module.load_data = _shapes_loader(name)
    if name in ("imdb", "reuters"):
        module.get_word_index = _loader(name, "get_word_index")
    if name == "reuters":
        module.get_label_names = _loader(name, "get_label_names")
    return module


for _name in DATASETS:
    globals()[_name] = _dataset(_name)

__all__ = list(DATASETS)
