"""``keras.datasets``: loading data needs the data; paramscope summarises models.

``keras.datasets.mnist.load_data()`` (and the other datasets) stop with a message that
says so.  ``paramscope summary script.py`` then summarises the model the script built
before that point, if any; a script that loads its data first can build its model
before loading (or be summarised from a saved model file).
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


def _dataset(name):
    module = types.ModuleType(f"keras.datasets.{name}")
    module.load_data = _loader(name, "load_data")
    if name in ("imdb", "reuters"):
        module.get_word_index = _loader(name, "get_word_index")
    if name == "reuters":
        module.get_label_names = _loader(name, "get_label_names")
    return module


for _name in DATASETS:
    globals()[_name] = _dataset(_name)

__all__ = list(DATASETS)
