"""``keras.preprocessing``: the data helpers scripts import from here.

Keras 3's ``keras.preprocessing.image``/``.sequence`` names come from ``keras.utils``;
``pad_sequences`` works on a dataset known by its shape (see ``keras.datasets``).  The
tf.keras 2 helpers that Keras 3 dropped (``ImageDataGenerator``, ``Tokenizer``, ...) are
accepted as stand-ins that say they need data when used, so older scripts reach their model.
"""

from __future__ import annotations

from . import _api, utils
from ._placeholders import Factory

image_dataset_from_directory = utils.image_dataset_from_directory
text_dataset_from_directory = utils.text_dataset_from_directory
timeseries_dataset_from_array = utils.timeseries_dataset_from_array


class _LegacyModule(_api.ApiModule):
    """A Keras 3 module that also takes the tf.keras 2 names Keras 3 dropped (stand-ins)."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if _api.entry(self.__name__, name) is not None:
            return _api.stand_in(self.__name__, name)
        return Factory(f"{self.__name__}.{name}")


def _smart_resize(x, size, interpolation="bilinear", data_format="channels_last", **kwargs):
    raise _api.needs_computation("keras.preprocessing.image.smart_resize")


image = _LegacyModule("keras.preprocessing.image", {
    "array_to_img": utils.array_to_img, "img_to_array": utils.img_to_array,
    "load_img": utils.load_img, "save_img": utils.save_img, "smart_resize": _smart_resize})
sequence = _LegacyModule("keras.preprocessing.sequence", {"pad_sequences": utils.pad_sequences})
text = _LegacyModule("keras.preprocessing.text")

__all__ = ["sequence", "image", "text", "image_dataset_from_directory",
           "text_dataset_from_directory", "timeseries_dataset_from_array"]


def __getattr__(name):
    return _api.missing_name("keras.preprocessing", name)
