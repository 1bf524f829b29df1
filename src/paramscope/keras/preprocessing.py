"""``keras.preprocessing``: the data helpers older scripts import from here.

``keras.preprocessing.sequence.pad_sequences`` works on a dataset known by its shape (see
``keras.datasets``); image and text helpers (``ImageDataGenerator``, ``Tokenizer``, ...)
are accepted as stand-ins and say they need data when used.
"""

from __future__ import annotations

import types

from ._placeholders import module as _module
from .utils import pad_sequences

sequence = types.ModuleType("keras.preprocessing.sequence")
sequence.pad_sequences = pad_sequences

image = _module("keras.preprocessing.image")
text = _module("keras.preprocessing.text")

__all__ = ["sequence", "image", "text"]
